//! `squaremile jury select` end to end: the real binary on a small pool, good and broken.

use crate::support::{jury_select, write_file};

const CATEGORIES: &str = "feature,value,min,max\n\
gender,woman,2,2\ngender,man,2,2\n\
age,under 40,1,3\nage,40 and over,1,3\n";

/// Eight volunteers; Hana and Ian share a flat.
const PEOPLE: &str = "id,name,gender,age,address\n\
1,Ada,woman,under 40,1 Mill Lane\n2,Bea,woman,40 and over,2 Mill Lane\n\
3,Cat,woman,under 40,3 Mill Lane\n4,Dev,man,40 and over,4 Mill Lane\n\
5,Eli,man,under 40,5 Mill Lane\n6,Fin,man,40 and over,6 Mill Lane\n\
7,Hana,woman,40 and over,Flat 7 Mill Lane\n8,Ian,man,under 40,flat 7  mill lane\n";

#[test]
fn select_prints_the_panel_and_every_probability_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let people = write_file(&dir, "people.csv", PEOPLE);
    let categories = write_file(&dir, "categories.csv", CATEGORIES);
    let panel_file = dir.path().join("panel.csv");
    let options = [
        "--seed",
        "7",
        "--one-per-household",
        "--household-columns",
        "address",
        "--json",
        "-o",
        panel_file.to_str().unwrap(),
    ];
    let (ok, out, err) = jury_select(&people, &categories, "4", &options);
    assert!(ok, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let panel: Vec<&str> = value["panel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(panel.len(), 4);
    assert!(!(panel.contains(&"7") && panel.contains(&"8")), "{panel:?}");
    let probabilities = value["probabilities"].as_object().unwrap();
    assert_eq!(probabilities.len(), 8);
    let total: f64 = probabilities.values().map(|p| p.as_f64().unwrap()).sum();
    assert!((total - 4.0).abs() < 1e-6, "{total}");
    let min = probabilities
        .values()
        .map(|p| p.as_f64().unwrap())
        .fold(1.0, f64::min);
    assert!((value["min_probability"].as_f64().unwrap() - min).abs() < 1e-12);
    assert_eq!(value["method"], "leximin");
    assert_eq!(value["exact"], true);
    assert_eq!(value["complete"], true);
    for row in value["make_up"].as_array().unwrap() {
        let selected = row["selected"].as_u64().unwrap();
        assert!(
            row["min"].as_u64().unwrap() <= selected && selected <= row["max"].as_u64().unwrap()
        );
    }
    // The same seed draws the same panel; the panel file holds those people, every column.
    let (_, again, _) = jury_select(&people, &categories, "4", &options);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&again).unwrap()["panel"],
        value["panel"]
    );
    let written = std::fs::read_to_string(&panel_file).unwrap();
    assert!(
        written.starts_with("id,name,gender,age,address\n"),
        "{written}"
    );
    assert_eq!(written.lines().count(), 5);
}

#[test]
fn the_summary_reads_plainly_for_both_methods() {
    let dir = tempfile::tempdir().unwrap();
    let people = write_file(&dir, "people.csv", PEOPLE);
    let categories = write_file(&dir, "categories.csv", CATEGORIES);
    for (method, how) in [
        ("leximin", "exact, from a distribution over"),
        ("legacy", "estimated from"),
    ] {
        let (ok, out, err) = jury_select(&people, &categories, "4", &["--method", method]);
        assert!(ok, "{err}");
        assert!(out.starts_with("Panel of 4 from 8 volunteers"), "{out}");
        assert!(out.contains(how), "{out}");
        assert!(out.contains("gender = woman: 2 (min 2, max 2)"), "{out}");
        assert!(!out.contains("round limit"), "{out}");
    }
    // With no rounds allowed, leximin stops at once and says so.
    let (ok, out, err) = jury_select(&people, &categories, "4", &["--max-rounds", "0"]);
    assert!(ok, "{err}");
    assert!(out.contains("Leximin stopped at the round limit"), "{out}");
}

#[test]
fn impossible_quotas_and_bad_files_fail_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let people = write_file(&dir, "people.csv", PEOPLE);
    let strict = write_file(
        &dir,
        "strict.csv",
        "feature,value,min,max\ngender,woman,5,5\ngender,man,0,5\n",
    );
    let (ok, _, err) = jury_select(&people, &strict, "6", &[]);
    assert!(!ok);
    assert!(
        err.contains("gender = woman needs at least 5 but only 4 volunteers have it"),
        "{err}"
    );
    assert!(err.contains("lower the minimum from 5 to 4"), "{err}");

    let categories = write_file(&dir, "categories.csv", CATEGORIES);
    let broken = write_file(
        &dir,
        "broken.csv",
        "id,gender,age\n1,woman,under 40\n2,robot,under 40\n",
    );
    let (ok, _, err) = jury_select(&broken, &categories, "1", &[]);
    assert!(!ok);
    assert!(
        err.contains("broken.csv: line 3, column \"gender\": \"robot\" is not a value of gender"),
        "{err}"
    );
    let (ok, _, err) = jury_select(&people, &categories, "4", &["--method", "lottery"]);
    assert!(!ok);
    assert!(err.contains("unknown method \"lottery\""), "{err}");
}
