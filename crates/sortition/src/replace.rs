//! Replacing panel members who drop out, so that the panel still meets every quota.
//!
//! The people who stay use up part of each quota; the replacements are drawn, by the same
//! methods, from the volunteers not yet chosen, against what is left of the quotas. The
//! probabilities reported are those of the replacement draw.

use std::collections::HashSet;

use crate::pool::{Feature, Pool, Quota};
use crate::{Request, SelectError, Selection, check, select};

/// The panel as it stands after some members dropped out.
#[derive(Clone, Debug)]
pub struct Remaining<'a> {
    /// Pool indices of the members who stay.
    pub kept: &'a [usize],
    /// Pool indices of people who may not be drawn (the dropouts, anyone withdrawn).
    pub unavailable: &'a [usize],
}

/// Draws `request.size` replacements so that `kept` plus them meet the pool's quotas.
/// Panel indices in the answer, and the probabilities, refer to the whole pool; people
/// who could not be drawn have probability 0. The summary figures (lowest probability,
/// share below the threshold) are over the candidates only.
pub fn replace(
    pool: &Pool,
    remaining: &Remaining,
    request: &Request,
) -> Result<Selection, SelectError> {
    let (candidates, subpool) = candidate_pool(pool, remaining, request.one_per_household)?;
    if candidates.is_empty() {
        return Err(no_one_left());
    }
    let mut selection = select(&subpool, request)?;
    selection.panel = selection.panel.iter().map(|&i| candidates[i]).collect();
    let mut probabilities = vec![0.0; pool.people.len()];
    for (&i, &p) in candidates.iter().zip(&selection.probabilities) {
        probabilities[i] = p;
    }
    selection.probabilities = probabilities;
    Ok(selection)
}

/// Whether replacements can be drawn at all, without drawing them (see [`crate::check`]).
pub fn check_replacement(
    pool: &Pool,
    remaining: &Remaining,
    request: &Request,
) -> Result<(), SelectError> {
    let (candidates, subpool) = candidate_pool(pool, remaining, request.one_per_household)?;
    if candidates.is_empty() {
        return Err(no_one_left());
    }
    check(&subpool, request)
}

fn no_one_left() -> SelectError {
    SelectError::Invalid("no volunteer is left who could replace the people who dropped out".into())
}

/// The volunteers who can still be drawn (by pool index) and a pool of just them, with the
/// quotas reduced by what the kept members already fill.
fn candidate_pool(
    pool: &Pool,
    remaining: &Remaining,
    one_per_household: bool,
) -> Result<(Vec<usize>, Pool), SelectError> {
    let kept: HashSet<usize> = remaining.kept.iter().copied().collect();
    if kept.iter().any(|&i| i >= pool.people.len()) {
        return Err(SelectError::Invalid(
            "a kept panel member is not in the pool".into(),
        ));
    }
    let unavailable: HashSet<usize> = remaining.unavailable.iter().copied().collect();
    let taken_households: HashSet<&str> = kept
        .iter()
        .filter_map(|&i| pool.people[i].household.as_deref())
        .collect();
    let candidates: Vec<usize> = (0..pool.people.len())
        .filter(|i| !kept.contains(i) && !unavailable.contains(i))
        .filter(|&i| {
            !one_per_household
                || pool.people[i]
                    .household
                    .as_deref()
                    .is_none_or(|h| !taken_households.contains(h))
        })
        .collect();
    let features = reduced_quotas(pool, &kept)?;
    let subpool = Pool {
        features,
        columns: pool.columns.clone(),
        people: candidates.iter().map(|&i| pool.people[i].clone()).collect(),
    };
    Ok((candidates, subpool))
}

/// Each quota minus what the kept members fill; an error if they already exceed a maximum.
fn reduced_quotas(pool: &Pool, kept: &HashSet<usize>) -> Result<Vec<Feature>, SelectError> {
    pool.features
        .iter()
        .enumerate()
        .map(|(f, feature)| {
            let quotas = feature
                .quotas
                .iter()
                .enumerate()
                .map(|(v, quota)| {
                    let filled = kept
                        .iter()
                        .filter(|&&i| pool.people[i].values[f] == v)
                        .count() as u32;
                    if filled > quota.max {
                        return Err(SelectError::Invalid(format!(
                            "the members who stay already have {filled} with {} = {}, above its maximum of {}",
                            feature.name, quota.value, quota.max
                        )));
                    }
                    Ok(Quota {
                        value: quota.value.clone(),
                        min: quota.min.saturating_sub(filled),
                        max: quota.max - filled,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Feature {
                name: feature.name.clone(),
                quotas,
            })
        })
        .collect()
}
