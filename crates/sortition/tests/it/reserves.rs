//! Reserve lists drawn with the lottery's panels.

use sortition::{
    Method, Request, fill_from_reserves, leximin_distribution, meets_quotas, reserve_lists,
    round_to_lottery,
};

use crate::random_pool;

#[test]
fn any_one_dropout_can_be_replaced_from_the_reserve_list_with_the_quotas_met() {
    for seed in 1..=3 {
        let pool = random_pool(150, &[2, 3, 4], 15, seed);
        let request = Request::new(15, Method::Leximin);
        let distribution = leximin_distribution(&pool, &request).unwrap();
        let lottery = round_to_lottery(&pool, &request, &distribution, 20, seed).unwrap();
        let reserved = reserve_lists(&pool, &request, &lottery, seed);
        assert_eq!(reserved.panels.len(), 20);
        for panel in &reserved.panels {
            for &reserve in &panel.reserves {
                assert!(!panel.members.contains(&reserve));
            }
            let replaces = |dropout: usize, candidate: usize| {
                let mut after: Vec<usize> = panel
                    .members
                    .iter()
                    .copied()
                    .filter(|&i| i != dropout)
                    .collect();
                after.push(candidate);
                meets_quotas(&pool, &after, &request)
            };
            for &dropout in &panel.members {
                if panel.uncovered.contains(&dropout) {
                    let outside = (0..pool.people.len()).filter(|i| !panel.members.contains(i));
                    assert!(
                        !outside.clone().any(|i| replaces(dropout, i)),
                        "{dropout} is reported uncovered but could be replaced"
                    );
                } else {
                    assert!(
                        panel.reserves.iter().any(|&r| replaces(dropout, r)),
                        "no reserve replaces {dropout} on {panel:?}"
                    );
                }
            }
        }
        let expected: Vec<f64> = (0..pool.people.len())
            .map(|i| {
                let on = reserved
                    .panels
                    .iter()
                    .filter(|p| p.reserves.contains(&i))
                    .count();
                on as f64 / 20.0
            })
            .collect();
        assert_eq!(reserved.reserve_probabilities, expected);
    }
}

#[test]
fn a_member_nobody_can_replace_is_reported_uncovered() {
    // Exactly one woman must sit and the pool has a single woman: nobody can replace her.
    let features = vec![crate::feature("gender", &[("woman", 1, 1), ("man", 1, 3)])];
    let pool = crate::pool(features, &[vec![0], vec![1], vec![1], vec![1]]);
    let request = Request::new(2, Method::Leximin);
    let distribution = leximin_distribution(&pool, &request).unwrap();
    let lottery = round_to_lottery(&pool, &request, &distribution, 3, 1).unwrap();
    let reserved = reserve_lists(&pool, &request, &lottery, 1);
    for panel in &reserved.panels {
        assert_eq!(panel.uncovered, vec![0]);
        assert_eq!(panel.reserves.len(), 1);
    }
}

/// Reserves step in down the list: for one dropout, the first on the list who can take the
/// place; for two, a pair that meets every quota, or none when the list cannot.
#[test]
fn reserves_step_in_in_order_while_the_quotas_hold() {
    let pool = random_pool(150, &[2, 3, 4], 15, 7);
    let request = Request::new(15, Method::Leximin);
    let distribution = leximin_distribution(&pool, &request).unwrap();
    let lottery = round_to_lottery(&pool, &request, &distribution, 20, 7).unwrap();
    let reserved = reserve_lists(&pool, &request, &lottery, 7);
    let mut filled_two = 0;
    for panel in &reserved.panels {
        for &dropout in &panel.members {
            let rest: Vec<usize> = panel
                .members
                .iter()
                .copied()
                .filter(|&i| i != dropout)
                .collect();
            let first = panel.reserves.iter().copied().find(|&r| {
                let mut after = rest.clone();
                after.push(r);
                meets_quotas(&pool, &after, &request)
            });
            let stepped = fill_from_reserves(&pool, &request, &rest, &panel.reserves);
            assert_eq!(stepped, first.map(|r| vec![r]), "dropout {dropout}");
        }
        let rest = &panel.members[2..];
        if let Some(stepped) = fill_from_reserves(&pool, &request, rest, &panel.reserves) {
            assert_eq!(stepped.len(), 2);
            let mut after = rest.to_vec();
            after.extend(&stepped);
            assert!(meets_quotas(&pool, &after, &request));
            filled_two += 1;
        }
    }
    assert!(
        filled_two > 0,
        "some pair of dropouts is filled from the list"
    );
    // No reserves: nothing steps in.
    let panel = &reserved.panels[0];
    assert_eq!(
        fill_from_reserves(&pool, &request, &panel.members[1..], &[]),
        None
    );
}
