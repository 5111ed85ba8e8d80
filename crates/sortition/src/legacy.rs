//! The greedy method practitioners used before fair algorithms: repeatedly take the quota
//! value that is furthest from its minimum relative to the volunteers left with it, and
//! pick one of those volunteers at random. It can fail where a panel exists (it is then
//! retried), and some volunteers get far lower chances than others; its probabilities are
//! estimated by repeating the draw.

use crate::pool::Pool;
use crate::rng::Rng;
use crate::{Drawn, Request, SelectError};

/// How many times one draw is retried after running into a dead end.
const ATTEMPTS: u32 = 100;

pub(crate) fn select(pool: &Pool, request: &Request) -> Result<Drawn, SelectError> {
    let mut rng = Rng::new(request.seed);
    let panel = draw(pool, request, &mut rng).ok_or(SelectError::LegacyFailed(ATTEMPTS))?;
    let mut chosen = vec![0u32; pool.people.len()];
    let mut successes = 0usize;
    for run in 0..request.legacy_runs {
        let mut rng = Rng::new(request.seed ^ (u64::from(run) + 1).wrapping_mul(0x9E37_79B9));
        if let Some(panel) = draw(pool, request, &mut rng) {
            successes += 1;
            panel.iter().for_each(|&i| chosen[i] += 1);
        }
    }
    let probabilities = chosen
        .iter()
        .map(|&n| n as f64 / successes.max(1) as f64)
        .collect();
    Ok(Drawn {
        panel,
        probabilities,
        exact: false,
        panels: successes,
        complete: true,
        levels: 0,
    })
}

/// One legacy draw, retried up to ATTEMPTS times.
fn draw(pool: &Pool, request: &Request, rng: &mut Rng) -> Option<Vec<usize>> {
    (0..ATTEMPTS).find_map(|_| attempt(pool, request, rng))
}

fn attempt(pool: &Pool, request: &Request, rng: &mut Rng) -> Option<Vec<usize>> {
    let features = &pool.features;
    let mut left: Vec<bool> = vec![true; pool.people.len()];
    let mut available = pool.counts();
    let mut selected: Vec<Vec<u32>> = features.iter().map(|f| vec![0; f.quotas.len()]).collect();
    let mut panel = Vec::with_capacity(request.size as usize);
    while panel.len() < request.size as usize {
        let (f, v) = most_urgent(pool, &available, &selected)?;
        let candidates: Vec<usize> = (0..pool.people.len())
            .filter(|&i| left[i] && pool.people[i].values[f] == v)
            .collect();
        let person = candidates[rng.below(candidates.len())];
        panel.push(person);
        let mut remove = vec![person];
        if request.one_per_household
            && let Some(h) = &pool.people[person].household
        {
            remove.extend((0..pool.people.len()).filter(|&i| {
                left[i] && i != person && pool.people[i].household.as_ref() == Some(h)
            }));
        }
        for (g, &w) in pool.people[person].values.iter().enumerate() {
            selected[g][w] += 1;
            if selected[g][w] == features[g].quotas[w].max {
                remove.extend(
                    (0..pool.people.len()).filter(|&i| left[i] && pool.people[i].values[g] == w),
                );
            }
        }
        for i in remove {
            if std::mem::replace(&mut left[i], false) {
                for (g, &w) in pool.people[i].values.iter().enumerate() {
                    available[g][w] -= 1;
                }
            }
        }
    }
    let meets_minimums = features.iter().enumerate().all(|(f, feature)| {
        feature
            .quotas
            .iter()
            .enumerate()
            .all(|(v, q)| selected[f][v] >= q.min)
    });
    meets_minimums.then_some(panel)
}

/// The value with the largest share of its remaining minimum still to fill, among values
/// with volunteers left; None at a dead end (a minimum that can no longer be met, or nobody
/// left).
fn most_urgent(
    pool: &Pool,
    available: &[Vec<u32>],
    selected: &[Vec<u32>],
) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), f64)> = None;
    for (f, feature) in pool.features.iter().enumerate() {
        for (v, quota) in feature.quotas.iter().enumerate() {
            let needed = quota.min.saturating_sub(selected[f][v]);
            if needed > available[f][v] {
                return None;
            }
            if available[f][v] == 0 {
                continue;
            }
            let urgency = needed as f64 / available[f][v] as f64;
            if best.is_none_or(|(_, u)| urgency > u) {
                best = Some(((f, v), urgency));
            }
        }
    }
    best.map(|(at, _)| at)
}
