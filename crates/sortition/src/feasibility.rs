//! Whether any panel meets the quotas and, when none does, which quotas to relax and by how
//! much: never a silent failure.

use serde::Serialize;

use crate::oracle::{PanelProgram, QuotaChange, Types};
use crate::pool::Pool;
use crate::{Request, SelectError};

/// One quota that has to change for a panel to exist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relaxation {
    pub feature: String,
    pub value: String,
    pub min: u32,
    pub max: u32,
    /// The smallest change that works together with the other relaxations listed.
    pub suggested_min: u32,
    pub suggested_max: u32,
    /// How many volunteers in the pool have this value.
    pub in_pool: u32,
}

/// Why no panel can meet the quotas.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Infeasible {
    pub size: u32,
    /// Problems any reader can see at once (a minimum above the pool, minimums adding up
    /// to more than the panel...).
    pub reasons: Vec<String>,
    /// The fewest quota changes (in people) that let a panel exist. Empty when the quotas
    /// are not the problem (too few separate households).
    pub relaxations: Vec<Relaxation>,
}

impl std::fmt::Display for Infeasible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no panel of {} meets every quota with this pool",
            self.size
        )?;
        for reason in &self.reasons {
            write!(f, "\n- {reason}")?;
        }
        if !self.relaxations.is_empty() {
            write!(
                f,
                "\nThe smallest change to the quotas that allows a panel:"
            )?;
        }
        for r in &self.relaxations {
            let change = if r.suggested_min < r.min {
                format!("lower the minimum from {} to {}", r.min, r.suggested_min)
            } else {
                format!("raise the maximum from {} to {}", r.max, r.suggested_max)
            };
            write!(
                f,
                "\n- {} = {}: {change} ({} in the pool)",
                r.feature, r.value, r.in_pool
            )?;
        }
        Ok(())
    }
}

/// Checks that some panel meets the quotas, and explains why not otherwise.
pub(crate) fn check(pool: &Pool, request: &Request) -> Result<(), SelectError> {
    let types = Types::of(pool, request.one_per_household);
    let program = PanelProgram::new(pool, &types, request.size);
    let relaxation = program.smallest_relaxation().map_err(SelectError::Solver)?;
    let reasons = plain_reasons(pool, request.size);
    match relaxation {
        Some(changes) if changes.is_empty() => Ok(()),
        Some(changes) => Err(SelectError::Infeasible(Infeasible {
            size: request.size,
            reasons,
            relaxations: describe(pool, changes),
        })),
        None => {
            let mut reasons = reasons;
            reasons.push(format!(
                "with one person per household, the pool has fewer than {} separate households that fit the quotas",
                request.size
            ));
            Err(SelectError::Infeasible(Infeasible {
                size: request.size,
                reasons,
                relaxations: Vec::new(),
            }))
        }
    }
}

fn describe(pool: &Pool, changes: Vec<QuotaChange>) -> Vec<Relaxation> {
    let counts = pool.counts();
    changes
        .into_iter()
        .map(|change| {
            let (f, v) = (change.feature, change.value);
            let (below, above) = (change.below_min, change.above_max);
            let quota = &pool.features[f].quotas[v];
            Relaxation {
                feature: pool.features[f].name.clone(),
                value: quota.value.clone(),
                min: quota.min,
                max: quota.max,
                suggested_min: quota.min - below.min(quota.min),
                suggested_max: quota.max + above,
                in_pool: counts[f][v],
            }
        })
        .collect()
}

/// The conflicts that need no solver to see.
fn plain_reasons(pool: &Pool, size: u32) -> Vec<String> {
    let counts = pool.counts();
    let mut reasons = Vec::new();
    for (f, feature) in pool.features.iter().enumerate() {
        let mins: u32 = feature.quotas.iter().map(|q| q.min).sum();
        let maxes: u32 = feature.quotas.iter().map(|q| q.max).sum();
        if mins > size {
            reasons.push(format!(
                "the minimums for {} add up to {mins}, more than the panel of {size}",
                feature.name
            ));
        }
        if maxes < size {
            reasons.push(format!(
                "the maximums for {} add up to {maxes}, fewer than the panel of {size}",
                feature.name
            ));
        }
        for (v, quota) in feature.quotas.iter().enumerate() {
            if quota.min > counts[f][v] {
                reasons.push(format!(
                    "{} = {} needs at least {} but only {} volunteers have it",
                    feature.name, quota.value, quota.min, counts[f][v]
                ));
            }
        }
    }
    reasons
}
