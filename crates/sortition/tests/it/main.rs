//! Tests of the sortition engine: hand-made pools with known fair answers, properties every
//! draw must have, infeasible quotas, and the CSV files.

mod addresses;
mod files;
mod lottery;
mod replacement;
mod reserves;
mod selection;

use sortition::{Feature, Person, Pool, Quota};

/// A feature with (value, min, max) quotas.
pub fn feature(name: &str, quotas: &[(&str, u32, u32)]) -> Feature {
    Feature {
        name: name.to_string(),
        quotas: quotas
            .iter()
            .map(|&(value, min, max)| Quota {
                value: value.to_string(),
                min,
                max,
            })
            .collect(),
    }
}

/// A pool from rows of value indices (ids p0, p1, ...).
pub fn pool(features: Vec<Feature>, rows: &[Vec<usize>]) -> Pool {
    let people = rows
        .iter()
        .enumerate()
        .map(|(i, values)| Person::new(format!("p{i}"), values.clone(), &features))
        .collect();
    Pool::new(features, people)
}

/// A reproducible pseudo-random pool: `n` people, features with the given numbers of
/// values, skewed so that some values are rare (as in real volunteer pools).
pub fn random_pool(n: usize, values_per_feature: &[usize], size: u32, seed: u64) -> Pool {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let rows: Vec<Vec<usize>> = (0..n)
        .map(|_| {
            values_per_feature
                .iter()
                .map(|&k| {
                    // Value v with weight k - v: the first values common, the last rare.
                    let total = k * (k + 1) / 2;
                    let mut r = (next() % total as u64) as usize;
                    (0..k)
                        .find(|&v| {
                            let w = k - v;
                            if r < w {
                                true
                            } else {
                                r -= w;
                                false
                            }
                        })
                        .unwrap()
                })
                .collect()
        })
        .collect();
    // Quotas around each value's share of the pool, loose enough to be feasible.
    let features = values_per_feature
        .iter()
        .enumerate()
        .map(|(f, &k)| {
            let quotas: Vec<(String, u32, u32)> = (0..k)
                .map(|v| {
                    let share = rows.iter().filter(|r| r[f] == v).count() as f64 / n as f64;
                    let target = share * size as f64;
                    (
                        format!("v{v}"),
                        (target * 0.8).floor() as u32,
                        (target * 1.2).ceil() as u32 + 1,
                    )
                })
                .collect();
            let borrowed: Vec<(&str, u32, u32)> = quotas
                .iter()
                .map(|(v, a, b)| (v.as_str(), *a, *b))
                .collect();
            feature(&format!("f{f}"), &borrowed)
        })
        .collect();
    pool(features, &rows)
}
