//! Reserve lists drawn with the lottery's panels.

use sortition::{
    Method, Request, leximin_distribution, meets_quotas, reserve_lists, round_to_lottery,
};

use crate::random_pool;

#[test]
fn any_one_dropout_can_be_replaced_from_the_reserve_list_with_the_quotas_met() {
    for seed in 1..=3 {
        let pool = random_pool(150, &[2, 3, 4], 15, seed);
        let request = Request::new(15, Method::Leximin);
        let distribution = leximin_distribution(&pool, &request).unwrap();
        let lottery = round_to_lottery(&distribution, 20, seed).unwrap();
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
    let lottery = round_to_lottery(&distribution, 3, 1).unwrap();
    let reserved = reserve_lists(&pool, &request, &lottery, 1);
    for panel in &reserved.panels {
        assert_eq!(panel.uncovered, vec![0]);
        assert_eq!(panel.reserves.len(), 1);
    }
}
