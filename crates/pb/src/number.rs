//! Exact rational numbers for counting. Outcomes must equal the reference's exactly, and the
//! reference uses exact fractions, so every comparison that can decide an outcome is made on
//! exact values. Most values fit in 128-bit fractions; an operation that would overflow is
//! redone with big integers, and a result that fits again is brought back to 128 bits.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

use num_bigint::BigInt;
use num_rational::{BigRational, Ratio};
use num_traits::{CheckedAdd, CheckedDiv, CheckedMul, CheckedSub, One, Signed, ToPrimitive, Zero};

#[derive(Clone, Debug)]
pub enum Q {
    Small(Ratio<i128>),
    /// Boxed so that the common case stays small.
    Big(Box<BigRational>),
}

impl Q {
    pub fn int(value: i128) -> Q {
        Q::Small(Ratio::from_integer(value))
    }

    pub fn zero() -> Q {
        Q::int(0)
    }

    pub fn one() -> Q {
        Q::int(1)
    }

    /// `numerator / denominator`; the denominator must not be zero.
    pub fn ratio(numerator: i128, denominator: i128) -> Q {
        Q::Small(Ratio::new(numerator, denominator))
    }

    /// Parses a plain decimal such as `12`, `-3`, `1500.50` or `2,5` (decimal comma), exactly.
    pub fn parse_decimal(text: &str) -> Option<Q> {
        // Short runs of digits (points, most costs) are read directly.
        if (1..=18).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
            let value = text.bytes().fold(0i128, |n, b| n * 10 + (b - b'0') as i128);
            return Some(Q::int(value));
        }
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = match digits.find(['.', ',']) {
            Some(at) => (&digits[..at], &digits[at + 1..]),
            None => (digits, ""),
        };
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        if !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        // Whole numbers (nearly all costs and points) parse without allocating.
        if fraction.is_empty()
            && whole.len() <= 36
            && let Ok(value) = whole.parse::<i128>()
        {
            return Some(Q::int(if negative { -value } else { value }));
        }
        let all: String = format!("{whole}{fraction}");
        let all = if all.is_empty() { "0".to_string() } else { all };
        // Ordinary numbers fit in 128 bits; only very long ones need big integers.
        if all.len() <= 36
            && let Ok(digits) = all.parse::<i128>()
        {
            let denominator = 10i128.pow(fraction.len() as u32);
            return Some(Q::Small(Ratio::new(
                if negative { -digits } else { digits },
                denominator,
            )));
        }
        let numerator: BigInt = all.parse().ok()?;
        let denominator = BigInt::from(10u32).pow(fraction.len() as u32);
        let value = BigRational::new(if negative { -numerator } else { numerator }, denominator);
        Some(Q::Big(Box::new(value)).shrink())
    }

    fn big(&self) -> BigRational {
        match self {
            Q::Small(r) => BigRational::new(BigInt::from(*r.numer()), BigInt::from(*r.denom())),
            Q::Big(b) => (**b).clone(),
        }
    }

    /// Back to 128 bits when the value fits.
    fn shrink(self) -> Q {
        match self {
            Q::Big(b) => match (b.numer().to_i128(), b.denom().to_i128()) {
                (Some(n), Some(d)) => Q::Small(Ratio::new_raw(n, d)),
                _ => Q::Big(b),
            },
            small => small,
        }
    }

    fn combine(
        &self,
        other: &Q,
        small: impl Fn(&Ratio<i128>, &Ratio<i128>) -> Option<Ratio<i128>>,
        big: impl Fn(BigRational, BigRational) -> BigRational,
    ) -> Q {
        if let (Q::Small(a), Q::Small(b)) = (self, other)
            && let Some(result) = small(a, b)
        {
            return Q::Small(result);
        }
        Q::Big(Box::new(big(self.big(), other.big()))).shrink()
    }

    /// The value as a `u32`, if it is a whole number that fits.
    pub fn to_u32(&self) -> Option<u32> {
        match self {
            Q::Small(r) if r.is_integer() => u32::try_from(*r.numer()).ok(),
            _ => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Q::Small(r) => r.is_zero(),
            Q::Big(b) => b.is_zero(),
        }
    }

    pub fn is_positive(&self) -> bool {
        match self {
            Q::Small(r) => r.is_positive(),
            Q::Big(b) => b.is_positive(),
        }
    }

    pub fn is_integer(&self) -> bool {
        match self {
            Q::Small(r) => r.is_integer(),
            Q::Big(b) => b.is_integer(),
        }
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            Q::Small(r) => *r.numer() as f64 / *r.denom() as f64,
            Q::Big(b) => b.to_f64().unwrap_or(f64::NAN),
        }
    }

    /// The largest integer not above the value.
    pub fn floor(&self) -> Q {
        match self {
            Q::Small(r) => Q::Small(r.floor()),
            Q::Big(b) => Q::Big(Box::new(b.floor())).shrink(),
        }
    }

    pub fn min(self, other: Q) -> Q {
        if other < self { other } else { self }
    }

    /// A decimal rendering with at most `places` decimals (exact when it terminates earlier).
    pub fn to_decimal(&self, places: usize) -> String {
        let value = self.big();
        let negative = value.is_negative();
        let value = value.abs();
        let whole = value.to_integer();
        let mut rest = value - BigRational::from_integer(whole.clone());
        let mut out = format!("{}{whole}", if negative { "-" } else { "" });
        if !rest.is_zero() && places > 0 {
            out.push('.');
            for _ in 0..places {
                rest *= BigRational::from_integer(BigInt::from(10));
                let digit = rest.to_integer();
                out.push_str(&digit.to_string());
                rest -= BigRational::from_integer(digit);
                if rest.is_zero() {
                    break;
                }
            }
        }
        out
    }
}

impl Default for Q {
    fn default() -> Self {
        Q::zero()
    }
}

impl From<i64> for Q {
    fn from(value: i64) -> Self {
        Q::int(value as i128)
    }
}

impl From<usize> for Q {
    fn from(value: usize) -> Self {
        Q::int(value as i128)
    }
}

impl std::hash::Hash for Q {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // A value that fits in 128 bits is always kept there, in lowest terms, so equal
        // values hash alike.
        match self {
            Q::Small(r) => (0u8, r.numer(), r.denom()).hash(state),
            Q::Big(b) => (1u8, b.numer(), b.denom()).hash(state),
        }
    }
}

impl PartialEq for Q {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Q {}

impl PartialOrd for Q {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Q {
    fn cmp(&self, other: &Self) -> Ordering {
        if let Some((a, b)) = whole_pair(self, other) {
            return a.cmp(&b);
        }
        match (self, other) {
            (Q::Small(a), Q::Small(b)) => a.cmp(b),
            _ => self.big().cmp(&other.big()),
        }
    }
}

/// Whole numbers (most costs, points and counts) add without reducing fractions.
fn whole_pair(a: &Q, b: &Q) -> Option<(i128, i128)> {
    match (a, b) {
        (Q::Small(x), Q::Small(y)) if x.is_integer() && y.is_integer() => {
            Some((*x.numer(), *y.numer()))
        }
        _ => None,
    }
}

impl Add for &Q {
    type Output = Q;
    fn add(self, other: &Q) -> Q {
        if let Some((a, b)) = whole_pair(self, other)
            && let Some(sum) = a.checked_add(b)
        {
            return Q::int(sum);
        }
        self.combine(other, |a, b| a.checked_add(b), |a, b| a + b)
    }
}

impl Sub for &Q {
    type Output = Q;
    fn sub(self, other: &Q) -> Q {
        if let Some((a, b)) = whole_pair(self, other)
            && let Some(difference) = a.checked_sub(b)
        {
            return Q::int(difference);
        }
        self.combine(other, |a, b| a.checked_sub(b), |a, b| a - b)
    }
}

impl Mul for &Q {
    type Output = Q;
    fn mul(self, other: &Q) -> Q {
        if let Some((a, b)) = whole_pair(self, other)
            && let Some(product) = a.checked_mul(b)
        {
            return Q::int(product);
        }
        self.combine(other, |a, b| a.checked_mul(b), |a, b| a * b)
    }
}

impl Div for &Q {
    type Output = Q;
    fn div(self, other: &Q) -> Q {
        assert!(!other.is_zero(), "division by zero in counting");
        self.combine(other, |a, b| a.checked_div(b), |a, b| a / b)
    }
}

impl Neg for &Q {
    type Output = Q;
    fn neg(self) -> Q {
        &Q::zero() - self
    }
}

macro_rules! by_value {
    ($($trait:ident $method:ident),*) => {$(
        impl $trait for Q {
            type Output = Q;
            fn $method(self, other: Q) -> Q {
                (&self).$method(&other)
            }
        }
        impl $trait<&Q> for Q {
            type Output = Q;
            fn $method(self, other: &Q) -> Q {
                (&self).$method(other)
            }
        }
    )*};
}
by_value!(Add add, Sub sub, Mul mul, Div div);

impl std::iter::Sum for Q {
    fn sum<I: Iterator<Item = Q>>(iter: I) -> Q {
        iter.fold(Q::zero(), |acc, x| acc + x)
    }
}

impl One for Q {
    fn one() -> Q {
        Q::one()
    }
}

impl fmt::Display for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_integer() {
            write!(f, "{}", self.to_decimal(0))
        } else {
            match self {
                Q::Small(r) => write!(f, "{}/{}", r.numer(), r.denom()),
                Q::Big(b) => write!(f, "{}/{}", b.numer(), b.denom()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(Q::parse_decimal("1500.50").unwrap(), Q::ratio(3001, 2));
        assert_eq!(Q::parse_decimal("2,5").unwrap(), Q::ratio(5, 2));
        assert_eq!(Q::parse_decimal("-7").unwrap(), Q::int(-7));
        assert_eq!(Q::parse_decimal(".5").unwrap(), Q::ratio(1, 2));
        for bad in ["", "abc", "1.2.3", "1e5", "--1", "."] {
            assert!(Q::parse_decimal(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn overflow_moves_to_big_integers_and_back() {
        let huge = Q::int(i128::MAX / 3);
        let product = &huge * &Q::int(1000);
        assert!(matches!(product, Q::Big(_)));
        let back = &product / &Q::int(1000);
        assert!(matches!(back, Q::Small(_)));
        assert_eq!(back, huge);
        let third = Q::ratio(1, 3);
        assert_eq!(&(&third + &third) + &third, Q::one());
        assert!(Q::ratio(1, 3) < Q::ratio(334, 1000));
    }

    #[test]
    fn decimals_render() {
        assert_eq!(Q::ratio(25, 2).to_decimal(2), "12.5");
        assert_eq!(Q::ratio(1, 3).to_decimal(4), "0.3333");
        assert_eq!(Q::int(-4).to_string(), "-4");
        assert_eq!(Q::ratio(-1, 2).to_decimal(2), "-0.5");
    }
}
