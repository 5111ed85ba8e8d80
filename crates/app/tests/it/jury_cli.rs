//! `squaremile jury select` end to end: the real binary on a small pool, good and broken.

use crate::support::{jury_select, squaremile, write_file};

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

/// The draw anyone can check, end to end with the binary: a lottery of m panels published
/// (ids only, every chance within 1/m of the fair one, reserves drawn with it), a panel
/// picked by a public seed, `jury verify` recomputing it and refusing every tampering.
#[test]
fn a_published_lottery_is_drawn_with_a_public_seed_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let people = write_file(&dir, "people.csv", PEOPLE);
    let categories = write_file(&dir, "categories.csv", CATEGORIES);
    let lottery = dir
        .path()
        .join("lottery.json")
        .to_string_lossy()
        .into_owned();
    let (ok, out, err) = squaremile(&[
        "jury",
        "lottery",
        "--people",
        &people,
        "--categories",
        &categories,
        "--size",
        "4",
        "--panels",
        "50",
        "--reserves",
        "-o",
        &lottery,
    ]);
    assert!(ok, "{err}");
    let publication: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&lottery).unwrap()).unwrap();
    let digest = publication["digest"].as_str().unwrap().to_string();
    assert!(out.contains(&digest) && out.contains("m = 50"), "{out}");
    assert_eq!(publication["m"], 50);
    let text = std::fs::read_to_string(&lottery).unwrap();
    assert!(
        !text.contains("Ada") && !text.contains("Mill Lane"),
        "ids only: {text}"
    );
    let panels = publication["lottery"]["panels"].as_array().unwrap();
    assert_eq!(panels.len(), 50);
    assert!(panels.iter().all(|p| p.as_array().unwrap().len() == 4));
    let reserves = publication["lottery"]["reserves"].as_array().unwrap();
    assert_eq!(reserves.len(), 50, "a reserve list for each panel");
    // Every volunteer's chance in the lottery is within 1/m of leximin's, and is the share
    // of the panels they are on.
    for chance in publication["chances"].as_array().unwrap() {
        let id = chance["id"].as_str().unwrap();
        let leximin = chance["leximin"].as_f64().unwrap();
        let lottery = chance["lottery"].as_f64().unwrap();
        assert!((lottery - leximin).abs() <= 1.0 / 50.0 + 1e-9, "{id}");
        let on = panels
            .iter()
            .filter(|p| p.as_array().unwrap().iter().any(|v| v == id))
            .count();
        assert!((lottery - on as f64 / 50.0).abs() < 1e-12, "{id}");
    }

    // The public seed picks a panel; `jury verify` recomputes it.
    let draw = dir.path().join("draw.json").to_string_lossy().into_owned();
    let (ok, out, err) = squaremile(&[
        "jury",
        "draw",
        "--lottery",
        &lottery,
        "--seed",
        " 12 31 40 7 ",
        "-o",
        &draw,
    ]);
    assert!(ok, "{err}");
    let drawn: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&draw).unwrap()).unwrap();
    let number = drawn["drawn"].as_u64().unwrap() as usize;
    assert!(
        out.contains(&format!("draws panel {number} of 50")),
        "{out}"
    );
    assert_eq!(
        drawn["seed"], "12 31 40 7",
        "spaces around the seed are not part of it"
    );
    assert_eq!(drawn["panel"], panels[number - 1]);
    let (ok, out, err) = squaremile(&["jury", "verify", &draw, "--lottery", &lottery]);
    assert!(ok, "{err}");
    assert!(
        out.contains("The draw holds") && out.contains(&digest),
        "{out}"
    );

    // Tampering: another seed, another panel announced, a panel changed after
    // publication, a lottery other than the one published: each refused, saying why.
    let tampered = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = drawn.clone();
        change(&mut value);
        let path = dir.path().join("tampered.json");
        std::fs::write(&path, value.to_string()).unwrap();
        let (ok, _, err) = squaremile(&["jury", "verify", path.to_str().unwrap()]);
        assert!(!ok, "a tampered draw must not verify");
        err
    };
    let err = tampered(&|v| v["seed"] = "12 31 40 8".into());
    assert!(
        err.contains("draws panel") || err.contains("not panel"),
        "{err}"
    );
    let other = if number == 1 { 2 } else { 1 };
    let err = tampered(&|v| v["panel"] = panels[other - 1].clone());
    assert!(err.contains("is not panel"), "{err}");
    let err = tampered(&|v| {
        let first = v["lottery"]["panels"][0][0].as_str().unwrap().to_string();
        let swapped = if first == "1" { "2" } else { "1" };
        v["lottery"]["panels"][0][0] = swapped.into();
    });
    assert!(err.contains("digest"), "{err}");
    let err = tampered(&|v| v["m"] = 49.into());
    assert!(err.contains("49"), "{err}");

    let again = dir.path().join("again.json").to_string_lossy().into_owned();
    let (ok, _, err) = squaremile(&[
        "jury",
        "lottery",
        "--people",
        &people,
        "--categories",
        &categories,
        "--size",
        "4",
        "--panels",
        "20",
        "-o",
        &again,
    ]);
    assert!(ok, "{err}");
    let (ok, _, err) = squaremile(&["jury", "verify", &draw, "--lottery", &again]);
    assert!(
        !ok && err.contains("not the one published before it"),
        "{err}"
    );
    // A publication edited after it was written is refused before any draw.
    let mut edited = publication.clone();
    let first = edited["lottery"]["panels"][0].clone();
    edited["lottery"]["panels"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let first_reserves = edited["lottery"]["reserves"][0].clone();
    edited["lottery"]["reserves"]
        .as_array_mut()
        .unwrap()
        .push(first_reserves);
    let edited_path = dir.path().join("edited.json");
    std::fs::write(&edited_path, edited.to_string()).unwrap();
    let (ok, _, err) = squaremile(&[
        "jury",
        "draw",
        "--lottery",
        edited_path.to_str().unwrap(),
        "--seed",
        "1",
        "-o",
        &draw,
    ]);
    assert!(!ok && err.contains("digest"), "{err}");
}
