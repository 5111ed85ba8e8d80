use sortition::{LpSolver, Method, Request, SelectError, meets_quotas, select};

use crate::{feature, pool, random_pool};

fn request(size: u32, method: Method) -> Request {
    Request::new(size, method)
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-6,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn a_symmetric_pool_gives_everyone_the_same_chance() {
    // Four of each (gender, age) pair; a panel of 8 with exact halves on both features.
    let features = vec![
        feature("gender", &[("woman", 4, 4), ("man", 4, 4)]),
        feature("age", &[("young", 4, 4), ("old", 4, 4)]),
    ];
    let rows: Vec<Vec<usize>> = (0..16).map(|i| vec![i % 2, (i / 2) % 2]).collect();
    let pool = pool(features, &rows);
    let selection = select(&pool, &request(8, Method::Leximin)).unwrap();
    for p in &selection.probabilities {
        assert_close(*p, 0.5);
    }
    assert_close(selection.min_probability, 0.5);
    assert_eq!(selection.share_below_threshold, 0.0);
    assert!(meets_quotas(
        &pool,
        &selection.panel,
        &request(8, Method::Leximin)
    ));
}

#[test]
fn the_only_woman_is_always_chosen_and_the_men_share_the_other_seat() {
    let features = vec![feature("gender", &[("woman", 1, 1), ("man", 0, 2)])];
    let pool = pool(features, &[vec![0], vec![1], vec![1]]);
    let selection = select(&pool, &request(2, Method::Leximin)).unwrap();
    assert_close(selection.probabilities[0], 1.0);
    assert_close(selection.probabilities[1], 0.5);
    assert_close(selection.probabilities[2], 0.5);
    assert_close(selection.min_probability, 0.5);
    assert!(selection.panel.contains(&0));
}

#[test]
fn leximin_raises_the_second_lowest_once_the_lowest_is_fixed() {
    // Seats: 1 woman exactly among 3. Women: 1 young, 3 old; men: 1 young, 1 old.
    // Young: at least 1. Every woman-slot: the young woman competes with 3 old women; the
    // men fill 2 seats and there are exactly 2 men, so both men are always chosen; then the
    // young requirement is met by the young man, and the woman seat is shared by 4 women.
    let features = vec![
        feature("gender", &[("woman", 1, 1), ("man", 0, 2)]),
        feature("age", &[("young", 1, 3), ("old", 0, 3)]),
    ];
    let rows = vec![
        vec![0, 0],
        vec![0, 1],
        vec![0, 1],
        vec![0, 1],
        vec![1, 0],
        vec![1, 1],
    ];
    let pool = pool(features, &rows);
    let selection = select(&pool, &request(3, Method::Leximin)).unwrap();
    for woman in 0..4 {
        assert_close(selection.probabilities[woman], 0.25);
    }
    assert_close(selection.probabilities[4], 1.0);
    assert_close(selection.probabilities[5], 1.0);
}

#[test]
fn someone_no_panel_can_take_gets_zero_and_the_rest_share_equally() {
    let features = vec![feature("area", &[("north", 0, 3), ("south", 0, 0)])];
    let pool = pool(features, &[vec![0], vec![0], vec![0], vec![1]]);
    let selection = select(&pool, &request(2, Method::Leximin)).unwrap();
    for p in &selection.probabilities[..3] {
        assert_close(*p, 2.0 / 3.0);
    }
    assert_close(selection.probabilities[3], 0.0);
    assert_close(selection.min_probability, 0.0);
    assert_close(selection.share_below_threshold, 0.25);
}

#[test]
fn every_drawn_panel_meets_the_quotas_and_probabilities_sum_to_the_size() {
    for seed in 1..=4 {
        let pool = random_pool(120, &[2, 3, 4], 15, seed);
        for method in [Method::Leximin, Method::Legacy] {
            let mut request = request(15, method);
            request.seed = seed;
            request.legacy_runs = 300;
            let selection = select(&pool, &request).unwrap();
            assert!(
                meets_quotas(&pool, &selection.panel, &request),
                "{method:?} seed {seed}: {:?}",
                selection.panel
            );
            let total: f64 = selection.probabilities.iter().sum();
            assert!((total - 15.0).abs() < 1e-6, "{method:?}: sum {total}");
            assert!(
                selection
                    .probabilities
                    .iter()
                    .all(|p| (0.0..=1.0).contains(p))
            );
        }
    }
}

#[test]
fn leximin_is_at_least_as_fair_as_the_legacy_method() {
    let pool = random_pool(200, &[2, 3, 5], 20, 7);
    let fair = select(&pool, &request(20, Method::Leximin)).unwrap();
    let mut legacy = request(20, Method::Legacy);
    legacy.legacy_runs = 3_000;
    let legacy = select(&pool, &legacy).unwrap();
    // The legacy figure is an estimate from 3,000 draws; leximin's is exact and optimal.
    assert!(
        fair.min_probability >= legacy.min_probability - 0.01,
        "leximin {} < legacy {}",
        fair.min_probability,
        legacy.min_probability
    );
    assert!(fair.exact && !legacy.exact);
}

#[test]
fn the_same_seed_draws_the_same_panel() {
    let pool = random_pool(150, &[2, 3, 3], 12, 3);
    for method in [Method::Leximin, Method::Legacy] {
        let mut request = request(12, method);
        request.legacy_runs = 50;
        let panels: Vec<Vec<usize>> = (1..=6)
            .map(|seed| {
                request.seed = seed;
                select(&pool, &request).unwrap().panel
            })
            .collect();
        request.seed = 1;
        assert_eq!(select(&pool, &request).unwrap().panel, panels[0]);
        assert!(
            panels.iter().any(|p| p != &panels[0]),
            "{method:?}: six seeds drew one panel"
        );
    }
}

#[test]
fn one_person_per_household() {
    // Two pairs share a household; all are alike otherwise. A panel of 2 from 4.
    let features = vec![feature("gender", &[("woman", 0, 2), ("man", 0, 2)])];
    let mut pool = pool(features, &[vec![0], vec![0], vec![1], vec![1]]);
    for (i, home) in ["1 High St", "1 high st", "2 Low Rd", "2 Low Rd"]
        .iter()
        .enumerate()
    {
        pool.people[i].household = Some(home.to_lowercase());
    }
    let mut request = request(2, Method::Leximin);
    request.one_per_household = true;
    for seed in 1..=10 {
        request.seed = seed;
        let selection = select(&pool, &request).unwrap();
        assert!(meets_quotas(&pool, &selection.panel, &request));
        let homes: Vec<_> = selection
            .panel
            .iter()
            .map(|&i| pool.people[i].household.clone())
            .collect();
        assert_ne!(homes[0], homes[1]);
        for p in &selection.probabilities {
            assert_close(*p, 0.5);
        }
    }
    request.size = 3;
    match select(&pool, &request) {
        Err(SelectError::Infeasible(report)) => {
            assert!(
                report.to_string().contains("separate households"),
                "{report}"
            )
        }
        other => panic!("expected infeasible, got {other:?}"),
    }
}

#[test]
fn impossible_quotas_are_reported_with_the_change_that_fixes_them() {
    // 3 women in the pool but 5 are required.
    let features = vec![
        feature("gender", &[("woman", 5, 6), ("man", 4, 7)]),
        feature("age", &[("young", 0, 10), ("old", 0, 10)]),
    ];
    let rows: Vec<Vec<usize>> = (0..12).map(|i| vec![usize::from(i >= 3), i % 2]).collect();
    let pool = pool(features, &rows);
    for method in [Method::Leximin, Method::Legacy] {
        let Err(SelectError::Infeasible(report)) = select(&pool, &request(10, method)) else {
            panic!("expected an infeasibility report");
        };
        assert_eq!(report.relaxations.len(), 1, "{report}");
        let change = &report.relaxations[0];
        assert_eq!(
            (change.feature.as_str(), change.value.as_str()),
            ("gender", "woman")
        );
        assert_eq!(
            (change.min, change.suggested_min, change.in_pool),
            (5, 3, 3)
        );
        let text = report.to_string();
        assert!(
            text.contains("gender = woman needs at least 5 but only 3"),
            "{text}"
        );
        assert!(text.contains("lower the minimum from 5 to 3"), "{text}");
    }
}

#[test]
fn conflicting_features_are_reported_even_when_each_alone_is_fine() {
    // Each feature on its own can be met, but the only young people are men and at
    // least 3 young and at most 1 man are required.
    let features = vec![
        feature("gender", &[("woman", 0, 4), ("man", 0, 1)]),
        feature("age", &[("young", 3, 4), ("old", 0, 4)]),
    ];
    let rows = vec![
        vec![1, 0],
        vec![1, 0],
        vec![1, 0],
        vec![0, 1],
        vec![0, 1],
        vec![0, 1],
    ];
    let pool = pool(features, &rows);
    let Err(SelectError::Infeasible(report)) = select(&pool, &request(4, Method::Leximin)) else {
        panic!("expected an infeasibility report");
    };
    assert!(report.reasons.is_empty(), "{report}");
    let total: u32 = report
        .relaxations
        .iter()
        .map(|r| r.min - r.suggested_min + r.suggested_max - r.max)
        .sum();
    assert_eq!(total, 2, "{report}");
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let pool = random_pool(10, &[2], 3, 1);
    for (size, expected) in [(0, "at least 1"), (11, "larger than the pool")] {
        let error = select(&pool, &request(size, Method::Leximin)).unwrap_err();
        assert!(error.to_string().contains(expected), "{error}");
    }
    let mut households = request(3, Method::Leximin);
    households.one_per_household = true;
    let error = select(&pool, &households).unwrap_err();
    assert!(
        error.to_string().contains("no volunteer has a household"),
        "{error}"
    );
}

#[test]
fn a_round_limit_stops_leximin_short_with_a_valid_reproducible_draw() {
    let pool = random_pool(200, &[2, 3, 5], 20, 7);
    let full = select(&pool, &request(20, Method::Leximin)).unwrap();
    assert!(full.complete);
    let mut limited = request(20, Method::Leximin);
    limited.max_rounds = Some(0);
    let short = select(&pool, &limited).unwrap();
    assert!(!short.complete && short.exact);
    assert!(meets_quotas(&pool, &short.panel, &limited));
    let total: f64 = short.probabilities.iter().sum();
    assert!((total - 20.0).abs() < 1e-6, "sum {total}");
    assert!(
        short.min_probability <= full.min_probability + 1e-9,
        "stopped short {} above the optimum {}",
        short.min_probability,
        full.min_probability
    );
    let again = select(&pool, &limited).unwrap();
    assert_eq!(again.panel, short.panel);
    assert_eq!(again.probabilities, short.probabilities);
    // A limit the selection never reaches changes nothing.
    limited.max_rounds = Some(1_000_000);
    let roomy = select(&pool, &limited).unwrap();
    assert!(roomy.complete);
    assert_eq!(roomy.panel, full.panel);
    assert_eq!(roomy.probabilities, full.probabilities);
}

#[test]
fn every_lp_solver_reaches_the_same_leximin_probabilities() {
    // Leximin's probabilities are unique; each stage is solved to within 0.0005, so two
    // solvers may differ by that much, no more.
    for seed in [3, 7, 11] {
        let pool = random_pool(150, &[2, 3, 4], 15, seed);
        let mut request = request(15, Method::Leximin);
        let solvers = [
            LpSolver::Revised,
            LpSolver::Microlp,
            #[cfg(feature = "clp")]
            LpSolver::Clp,
            #[cfg(feature = "highs")]
            LpSolver::Highs,
        ];
        let answers: Vec<Vec<f64>> = solvers
            .into_iter()
            .map(|solver| {
                request.solver = solver;
                select(&pool, &request).unwrap().probabilities
            })
            .collect();
        for (solver, other) in solvers.iter().zip(&answers).skip(1) {
            let largest = answers[0]
                .iter()
                .zip(other)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            assert!(
                largest <= 1e-3,
                "seed {seed}: {solver:?} differs from {:?} by {largest}",
                solvers[0]
            );
        }
    }
}

/// HiGHS's branch and cut finds other panels than microlp's where several weigh the same,
/// so leximin takes another path. Each stage ends within 0.0005 of its value, and which
/// types it fixes can then differ: on seed 3 the revised run fixed 148 of the 150 at 0.09977
/// where the one with HiGHS's searches fixed 142 at 0.09995 and raised the others to 0.1005
/// and above (lexicographically better, but 0.016 apart for some volunteers). So only the
/// lowest probability, each stage's own tolerance, is compared here.
#[cfg(feature = "highs")]
#[test]
fn highs_panel_searches_reach_the_same_lowest_probability() {
    for seed in [3, 7, 11] {
        let pool = random_pool(150, &[2, 3, 4], 15, seed);
        let mut request = request(15, Method::Leximin);
        let revised = select(&pool, &request).unwrap();
        request.solver = LpSolver::HighsMip;
        let highs = select(&pool, &request).unwrap();
        assert!(highs.complete);
        let total: f64 = highs.probabilities.iter().sum();
        assert!((total - 15.0).abs() < 1e-6, "seed {seed}: sum {total}");
        let apart = (highs.min_probability - revised.min_probability).abs();
        assert!(
            apart <= 1e-3,
            "seed {seed}: lowest probabilities {apart} apart"
        );
    }
}
