use sortition::{Method, Remaining, Request, SelectError, meets_quotas, replace, select};

use crate::{feature, pool, random_pool};

#[test]
fn replacements_bring_the_panel_back_within_every_quota() {
    let pool = random_pool(120, &[2, 3, 4], 20, 7);
    let full = Request::new(20, Method::Leximin);
    let panel = select(&pool, &full).unwrap().panel;
    let (dropped, kept) = panel.split_at(3);
    let mut request = Request::new(3, Method::Leximin);
    request.seed = 11;
    let remaining = Remaining {
        kept,
        unavailable: dropped,
    };
    let replacement = replace(&pool, &remaining, &request).unwrap();

    assert_eq!(replacement.panel.len(), 3);
    for i in &replacement.panel {
        assert!(!panel.contains(i), "person {i} was already on the panel");
    }
    let mut new_panel = kept.to_vec();
    new_panel.extend(&replacement.panel);
    assert!(meets_quotas(&pool, &new_panel, &full));
    for &i in &panel {
        assert_eq!(
            replacement.probabilities[i], 0.0,
            "person {i} is not a candidate"
        );
    }
    let total: f64 = replacement.probabilities.iter().sum();
    assert!((total - 3.0).abs() < 1e-6, "probabilities sum to {total}");
}

#[test]
fn a_tight_quota_is_refilled_with_the_same_value() {
    // Exactly 2 women and 2 men; a woman drops out, so only a woman may replace her.
    let features = vec![feature("gender", &[("woman", 2, 2), ("man", 2, 2)])];
    let pool = pool(
        features,
        &[vec![0], vec![0], vec![1], vec![1], vec![0], vec![1]],
    );
    for seed in 1..20 {
        let mut request = Request::new(1, Method::Leximin);
        request.seed = seed;
        let remaining = Remaining {
            kept: &[1, 2, 3],
            unavailable: &[0],
        };
        let replacement = replace(&pool, &remaining, &request).unwrap();
        assert_eq!(replacement.panel, vec![4], "seed {seed}");
        assert!((replacement.probabilities[4] - 1.0).abs() < 1e-9);
        assert_eq!(replacement.probabilities[5], 0.0);
    }
}

#[test]
fn one_per_household_keeps_replacements_out_of_the_members_homes() {
    let features = vec![feature("gender", &[("woman", 0, 2), ("man", 0, 2)])];
    let mut pool = pool(features, &[vec![0], vec![1], vec![0], vec![1]]);
    for (person, home) in pool.people.iter_mut().zip(["a", "b", "a", "c"]) {
        person.household = Some(home.to_string());
    }
    let mut request = Request::new(1, Method::Leximin);
    request.one_per_household = true;
    let remaining = Remaining {
        kept: &[0],
        unavailable: &[1],
    };
    let replacement = replace(&pool, &remaining, &request).unwrap();
    assert_eq!(
        replacement.panel,
        vec![3],
        "person 2 shares a home with person 0"
    );
}

#[test]
fn an_empty_reserve_is_a_clear_error() {
    let features = vec![feature("gender", &[("woman", 1, 1), ("man", 1, 1)])];
    let pool = pool(features, &[vec![0], vec![1]]);
    let remaining = Remaining {
        kept: &[1],
        unavailable: &[0],
    };
    let error = replace(&pool, &remaining, &Request::new(1, Method::Leximin)).unwrap_err();
    assert!(matches!(error, SelectError::Invalid(_)), "{error}");
    assert!(
        error.to_string().contains("no volunteer is left"),
        "{error}"
    );
}

#[test]
fn when_no_one_left_fits_the_quotas_the_report_says_which() {
    // The woman drops out and only men are left: the woman quota cannot be met.
    let features = vec![feature("gender", &[("woman", 1, 1), ("man", 1, 1)])];
    let pool = pool(features, &[vec![0], vec![1], vec![1]]);
    let remaining = Remaining {
        kept: &[1],
        unavailable: &[0],
    };
    let error = replace(&pool, &remaining, &Request::new(1, Method::Leximin)).unwrap_err();
    let SelectError::Infeasible(report) = error else {
        panic!("expected an infeasibility report, got {error}");
    };
    assert!(
        report.relaxations.iter().any(|r| r.value == "woman"),
        "{report}"
    );
}
