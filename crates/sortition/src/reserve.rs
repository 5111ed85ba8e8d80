//! Reserve lists drawn with the lottery's panels: for each panel, an ordered list of
//! volunteers such that whoever of the panel drops out, someone on the list can take their
//! place with every quota still met.
//!
//! A reserve can replace a member when swapping one for the other keeps every feature's
//! count within its quota, which only depends on the two people's values (and, with one
//! person per household, on the reserve not sharing a household with another member). The
//! list is built greedily: the volunteer who could replace the most members not yet
//! covered goes next (ties broken by the seed), until every member is covered or no
//! volunteer covers anyone left. Someone alone with their values in a tight quota may have
//! no possible replacement; [`ReservedPanel::uncovered`] lists them.
//!
//! A reserve steps in for a dropout by the first one on the list who can replace them.
//! Because the lottery is uniform over its m panels, each volunteer's chance of being on the
//! reserve list is exactly the share of the m lists they are on; it is reported with the
//! panel probabilities.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::pool::Pool;
use crate::rng::Rng;
use crate::{Lottery, Request};

/// A lottery panel with its reserve list.
#[derive(Clone, Debug, Serialize)]
pub struct ReservedPanel {
    /// The panel's members (pool indices).
    pub members: Vec<usize>,
    /// The reserves, in the order they are called (pool indices).
    pub reserves: Vec<usize>,
    /// Members no volunteer outside the panel can replace.
    pub uncovered: Vec<usize>,
}

/// Every lottery panel with its reserves, and each volunteer's chance of being a reserve.
#[derive(Clone, Debug, Serialize)]
pub struct ReservedLottery {
    pub panels: Vec<ReservedPanel>,
    /// The share of the m reserve lists each volunteer is on, by pool index.
    pub reserve_probabilities: Vec<f64>,
}

/// Builds a reserve list for each panel of the lottery (see the module documentation).
pub fn reserve_lists(
    pool: &Pool,
    request: &Request,
    lottery: &Lottery,
    seed: u64,
) -> ReservedLottery {
    let mut rng = Rng::new(seed);
    let panels: Vec<ReservedPanel> = lottery
        .panels
        .iter()
        .map(|members| reserve_list(pool, request, members, &mut rng))
        .collect();
    let mut on = vec![0usize; pool.people.len()];
    for panel in &panels {
        for &i in &panel.reserves {
            on[i] += 1;
        }
    }
    let m = panels.len().max(1) as f64;
    ReservedLottery {
        reserve_probabilities: on.into_iter().map(|n| n as f64 / m).collect(),
        panels,
    }
}

/// The reserves who step in for the panel's empty places: going down the list in order,
/// each one is taken whose values still fit (no value over its maximum, and the minimums
/// still reachable with the places left) and, with one person per household, who shares no
/// household with the panel; None when the list cannot fill the places with every quota
/// met. `members` is the panel without its dropouts; `reserves` are those on the list still
/// free, in the order they are called. For one dropout, this is the first reserve on the
/// list who can take their place.
pub fn fill_from_reserves(
    pool: &Pool,
    request: &Request,
    members: &[usize],
    reserves: &[usize],
) -> Option<Vec<usize>> {
    let size = request.size as usize;
    let mut panel = members.to_vec();
    let mut counts = feature_counts(pool, &panel);
    let mut households: HashSet<&str> = panel
        .iter()
        .filter_map(|&i| pool.people[i].household.as_deref())
        .collect();
    let mut stepping_in = Vec::new();
    for &r in reserves {
        if panel.len() >= size {
            break;
        }
        if panel.contains(&r) {
            continue;
        }
        let household = pool.people[r].household.as_deref();
        if request.one_per_household && household.is_some_and(|h| households.contains(h)) {
            continue;
        }
        let left_after = size - panel.len() - 1;
        let values = &pool.people[r].values;
        let fits = pool.features.iter().enumerate().all(|(f, feature)| {
            let short: u32 = feature
                .quotas
                .iter()
                .enumerate()
                .map(|(v, quota)| {
                    let count = counts[f][v] + u32::from(values[f] == v);
                    quota.min.saturating_sub(count)
                })
                .sum();
            counts[f][values[f]] < feature.quotas[values[f]].max && short as usize <= left_after
        });
        if !fits {
            continue;
        }
        for (f, &v) in values.iter().enumerate() {
            counts[f][v] += 1;
        }
        if let Some(h) = household {
            households.insert(h);
        }
        panel.push(r);
        stepping_in.push(r);
    }
    crate::meets_quotas(pool, &panel, request).then_some(stepping_in)
}

/// The reserve list of one panel. Candidates are grouped by their values, since those
/// alone decide whom they can replace; with one person per household, anyone sharing a
/// household with a member or an earlier reserve is left out.
fn reserve_list(pool: &Pool, request: &Request, members: &[usize], rng: &mut Rng) -> ReservedPanel {
    let counts = feature_counts(pool, members);
    let on_panel: HashSet<usize> = members.iter().copied().collect();
    let mut households: HashSet<&str> = HashSet::new();
    if request.one_per_household {
        households.extend(
            members
                .iter()
                .filter_map(|&i| pool.people[i].household.as_deref()),
        );
    }
    let mut profiles: HashMap<&[usize], Vec<usize>> = HashMap::new();
    for (i, person) in pool.people.iter().enumerate() {
        if !on_panel.contains(&i) {
            profiles.entry(&person.values).or_default().push(i);
        }
    }
    let mut profiles: Vec<(&[usize], Vec<usize>)> = profiles.into_iter().collect();
    profiles.sort();
    let mut uncovered: Vec<usize> = members.to_vec();
    let mut reserves = Vec::new();
    while !uncovered.is_empty() {
        let mut best: Vec<(usize, Vec<usize>)> = Vec::new();
        for (k, (values, people)) in profiles.iter().enumerate() {
            if people.is_empty() {
                continue;
            }
            let covers: Vec<usize> = uncovered
                .iter()
                .copied()
                .filter(|&d| can_replace(pool, &counts, &pool.people[d].values, values))
                .collect();
            let best_count = best.first().map_or(0, |(_, c)| c.len());
            if covers.len() > best_count {
                best.clear();
            }
            if !covers.is_empty() && covers.len() >= best_count {
                best.push((k, covers));
            }
        }
        if best.is_empty() {
            break;
        }
        let (k, covers) = best.swap_remove(rng.below(best.len()));
        let people = &mut profiles[k].1;
        let eligible: Vec<usize> = (0..people.len())
            .filter(|&j| {
                pool.people[people[j]]
                    .household
                    .as_deref()
                    .is_none_or(|h| !households.contains(h))
            })
            .collect();
        let Some(&j) = eligible.get(rng.below(eligible.len().max(1))) else {
            people.clear(); // everyone left of this profile shares a household already used
            continue;
        };
        let chosen = people.swap_remove(j);
        if request.one_per_household
            && let Some(h) = pool.people[chosen].household.as_deref()
        {
            households.insert(h);
        }
        reserves.push(chosen);
        uncovered.retain(|d| !covers.contains(d));
    }
    ReservedPanel {
        members: members.to_vec(),
        reserves,
        uncovered,
    }
}

/// How many of the panel have each value of each feature.
fn feature_counts(pool: &Pool, members: &[usize]) -> Vec<Vec<u32>> {
    let mut counts: Vec<Vec<u32>> = pool
        .features
        .iter()
        .map(|f| vec![0; f.quotas.len()])
        .collect();
    for &i in members {
        for (f, &v) in pool.people[i].values.iter().enumerate() {
            counts[f][v] += 1;
        }
    }
    counts
}

/// Whether someone with the values `incoming` can take the place of someone with
/// `outgoing` on a panel with these feature counts, every quota still met.
fn can_replace(pool: &Pool, counts: &[Vec<u32>], outgoing: &[usize], incoming: &[usize]) -> bool {
    pool.features.iter().enumerate().all(|(f, feature)| {
        let (a, b) = (outgoing[f], incoming[f]);
        a == b || (counts[f][a] > feature.quotas[a].min && counts[f][b] < feature.quotas[b].max)
    })
}
