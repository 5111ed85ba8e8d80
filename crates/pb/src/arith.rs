//! The arithmetic the counting rules run on: exact rationals ([`Q`]), or `f64` that refuses to
//! decide any comparison closer than a safety margin. Rules run in `f64` first; if any
//! deciding comparison is too close to call they are run again exactly, so the outcome is
//! always the exact one, and fast when nothing is close.

use std::cmp::Ordering;
use std::hash::Hash;

use crate::Q;

/// A comparison was too close to decide in floating point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooClose;

/// Relative margin below which two `f64` values are not trusted to be ordered. Rounding in
/// these computations accumulates to around 1e-13 relative for the largest real elections
/// (sums over at most a few thousand distinct budgets), four orders of magnitude below this.
pub const MARGIN: f64 = 1e-9;

pub trait Num: Clone + std::fmt::Debug {
    type Key: Hash + Eq + Clone;
    fn from_q(value: &Q) -> Self;
    fn from_count(value: u64) -> Self;
    fn zero() -> Self;
    fn add(&self, other: &Self) -> Self;
    fn sub(&self, other: &Self) -> Self;
    fn mul(&self, other: &Self) -> Self;
    fn div(&self, other: &Self) -> Self;
    fn is_zero(&self) -> bool;
    /// Identifies equal values (to share a class).
    fn key(&self) -> Self::Key;
    /// An ordering that decides something: errs when too close to call.
    fn decide(&self, other: &Self) -> Result<Ordering, TooClose>;
    /// An ordering only used to arrange things, where either answer is fine.
    fn arrange(&self, other: &Self) -> Ordering;
    fn to_f64(&self) -> f64;
}

impl Num for Q {
    type Key = Q;
    fn from_q(value: &Q) -> Self {
        value.clone()
    }
    fn from_count(value: u64) -> Self {
        Q::int(value as i128)
    }
    fn zero() -> Self {
        Q::zero()
    }
    fn add(&self, other: &Self) -> Self {
        self + other
    }
    fn sub(&self, other: &Self) -> Self {
        self - other
    }
    fn mul(&self, other: &Self) -> Self {
        self * other
    }
    fn div(&self, other: &Self) -> Self {
        self / other
    }
    fn is_zero(&self) -> bool {
        Q::is_zero(self)
    }
    fn key(&self) -> Q {
        self.clone()
    }
    fn decide(&self, other: &Self) -> Result<Ordering, TooClose> {
        Ok(self.cmp(other))
    }
    fn arrange(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
    fn to_f64(&self) -> f64 {
        Q::to_f64(self)
    }
}

impl Num for f64 {
    type Key = u64;
    fn from_q(value: &Q) -> Self {
        value.to_f64()
    }
    fn from_count(value: u64) -> Self {
        value as f64
    }
    fn zero() -> Self {
        0.0
    }
    fn add(&self, other: &Self) -> Self {
        self + other
    }
    fn sub(&self, other: &Self) -> Self {
        self - other
    }
    fn mul(&self, other: &Self) -> Self {
        self * other
    }
    fn div(&self, other: &Self) -> Self {
        self / other
    }
    fn is_zero(&self) -> bool {
        *self == 0.0
    }
    fn key(&self) -> u64 {
        self.to_bits()
    }
    fn decide(&self, other: &Self) -> Result<Ordering, TooClose> {
        let scale = self.abs().max(other.abs());
        if (self - other).abs() <= MARGIN * scale {
            // Exactly equal zeros are genuinely equal: nothing was computed to get them.
            if scale == 0.0 {
                Ok(Ordering::Equal)
            } else {
                Err(TooClose)
            }
        } else {
            Ok(self.partial_cmp(other).unwrap_or(Ordering::Equal))
        }
    }
    fn arrange(&self, other: &Self) -> Ordering {
        self.partial_cmp(other).unwrap_or(Ordering::Equal)
    }
    fn to_f64(&self) -> f64 {
        *self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_refuse_to_decide_near_ties() {
        assert_eq!(1.0f64.decide(&2.0), Ok(Ordering::Less));
        assert_eq!((0.1f64 + 0.2).decide(&0.3), Err(TooClose));
        assert_eq!(0.0f64.decide(&0.0), Ok(Ordering::Equal));
        assert_eq!(Q::ratio(1, 3).decide(&Q::ratio(1, 3)), Ok(Ordering::Equal));
    }
}
