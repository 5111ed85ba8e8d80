//! `squaremile pb ...` end to end: the real binary on real and broken files.

use crate::support::{squaremile, write_file};

const SMALL: &str = "META\nkey;value\nbudget;6\nvote_type;approval\ncurrency;EUR\nPROJECTS\nproject_id;cost;name\nA;3;Park\nA2;3;Benches\nB;2;Lights\nVOTES\nvoter_id;vote\n1;A,A2\n2;A,A2\n3;A,A2\n4;B\n";

#[test]
fn counting_prints_json_with_the_funded_projects() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "small.pb", SMALL);
    let (ok, out, _) = squaremile(&["pb", "count", &file, "--rule", "mes", "--json"]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["rule"], "mes");
    assert_eq!(json["budget"], 6.0);
    assert_eq!(json["cost"], 3.0);
    assert_eq!(json["selected"], serde_json::json!(["A"]));
    let (ok, out, _) = squaremile(&["pb", "count", &file, "--rule", "greedy"]);
    assert!(ok);
    assert!(
        out.contains("funded 2 of 3 projects") && out.contains("Benches"),
        "{out}"
    );
    let (ok, out, _) = squaremile(&["pb", "compare", &file]);
    assert!(
        ok && out.contains("phragmen") && out.contains("mes-add1"),
        "{out}"
    );
}

#[test]
fn explain_says_what_supporters_paid_or_what_cost_would_have_won() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "small.pb", SMALL);
    let (ok, out, _) = squaremile(&["pb", "explain", &file, "--rule", "mes", "--project", "A"]);
    assert!(ok);
    assert!(
        out.contains("funded in round 1: 3 supporters paid 1.00 EUR each"),
        "{out}"
    );
    let (ok, out, _) = squaremile(&["pb", "explain", &file, "--rule", "mes", "--project", "B"]);
    assert!(ok);
    // One voter with 1.50 can pay for B only if it costs 1 or less.
    assert!(
        out.contains("it would have been if it cost 1 EUR or less (it costs 2)"),
        "{out}"
    );
    // With money for all three, greedy funds B last, for its one voter.
    let roomy = write_file(&dir, "roomy.pb", &SMALL.replace("budget;6", "budget;8"));
    let (ok, out, _) = squaremile(&[
        "pb",
        "explain",
        &roomy,
        "--rule",
        "greedy",
        "--project",
        "B",
    ]);
    assert!(ok);
    assert!(out.contains("by its 1 supporter"), "{out}");
    assert!(!out.contains("1 supporters"), "{out}");
}

#[test]
fn bad_input_fails_with_the_line_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write_file(&dir, "broken.pb", &SMALL.replace("4;B", "4;Z"));
    let (ok, _, err) = squaremile(&["pb", "check", &broken]);
    assert!(!ok);
    assert!(
        err.contains("line 16: voter \"4\" votes for unknown project \"Z\""),
        "{err}"
    );
    let file = write_file(&dir, "small.pb", SMALL);
    let (ok, _, err) = squaremile(&["pb", "count", &file, "--rule", "plurality"]);
    assert!(!ok && err.contains("unknown rule \"plurality\""), "{err}");
    let (ok, _, err) = squaremile(&["pb", "explain", &file, "--project", "nope"]);
    assert!(!ok && err.contains("there is no project \"nope\""), "{err}");
    let (ok, _, err) = squaremile(&["pb", "check", "/nonexistent/file.pb"]);
    assert!(!ok && err.contains("cannot read"), "{err}");
}

#[test]
fn the_test_elections_are_checked_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    for (file, says) in [
        ("approval.pb", "8 projects, 41 voters, approval ballots"),
        ("choose1.pb", "8 projects, 23 voters, choose-1 ballots"),
        ("cumulative.pb", "8 projects, 37 voters, cumulative ballots"),
        ("ordinal.pb", "8 projects, 33 voters, ordinal ballots"),
        ("scoring.pb", "8 projects, 29 voters, scoring ballots"),
    ] {
        let path = write_file(&dir, file, &crate::support::test_election(file));
        let (ok, out, err) = squaremile(&["pb", "check", &path]);
        assert!(ok && out.contains(says), "{file}: {out}{err}");
        let (ok, out, err) = squaremile(&["pb", "count", &path, "--rule", "mes-add1", "--json"]);
        assert!(ok, "{file}: {err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(!json["selected"].as_array().unwrap().is_empty(), "{file}");
    }
}

#[test]
fn a_real_election_is_checked_and_counted() {
    let Some(path) = crate::support::collection_file(
        "a_real_election_is_checked_and_counted",
        "France_Toulouse_2019.pb",
    ) else {
        return;
    };
    let path = path.to_str().unwrap();
    let (ok, out, _) = squaremile(&["pb", "check", path]);
    assert!(
        ok && out.contains("30 projects, 1494 voters, cumulative ballots"),
        "{out}"
    );
    let (ok, out, _) = squaremile(&["pb", "count", path, "--rule", "mes-add1", "--json"]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["selected"].as_array().unwrap().len(), 19);
    assert_eq!(json["cost"], 999000.0);
}

#[test]
fn a_repeated_project_is_a_warning_and_strict_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let repeated = SMALL
        .replace("4;B", "4;B,B")
        .replace("budget;6", "num_votes;5\nbudget;6");
    let file = write_file(&dir, "repeated.pb", &repeated);
    let (ok, out, err) = squaremile(&["pb", "check", &file]);
    assert!(ok, "{err}");
    assert!(
        out.contains("2 warnings")
            && out.contains("warning: line 3: META num_votes is \"5\" but there are 4 voters")
            && out
                .contains("warning: line 17: voter \"4\" lists project \"B\" twice; counted once"),
        "{out}"
    );
    let (ok, out, err) = squaremile(&["pb", "count", &file, "--rule", "greedy", "--json"]);
    assert!(ok, "{err}");
    assert!(err.contains("warning: line 17: voter \"4\""), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2);
    assert_eq!(warnings[1]["line"], 17);
    assert_eq!(
        warnings[1]["message"],
        "voter \"4\" lists project \"B\" twice; counted once"
    );
    // Counted once: the same outcome as without the repetition.
    assert_eq!(json["selected"], serde_json::json!(["A", "A2"]));
    // Strict reading refuses at the first problem it reads.
    let (ok, _, err) = squaremile(&["pb", "count", &file, "--strict"]);
    assert!(
        !ok && err.contains("line 17: voter \"4\" lists project \"B\" twice"),
        "{err}"
    );
    let miscounted = write_file(&dir, "miscounted.pb", &repeated.replace("4;B,B", "4;B"));
    let (ok, _, err) = squaremile(&["pb", "check", "--strict", &miscounted]);
    assert!(
        !ok && err.contains("line 3: META num_votes is \"5\" but there are 4 voters in VOTES"),
        "{err}"
    );
    let clean = write_file(
        &dir,
        "clean.pb",
        &repeated
            .replace("4;B,B", "4;B")
            .replace("num_votes;5", "num_votes;4"),
    );
    let (ok, out, err) = squaremile(&["pb", "check", "--strict", &clean]);
    assert!(
        ok && !out.contains("warning") && err.is_empty(),
        "{out}{err}"
    );
}

#[test]
fn the_rules_of_wieliczka_and_poznan_count_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "small.pb", SMALL);
    // Equal shares funds A (see above); counting by votes funds A and A2, which the three
    // A voters prefer, so the comparison step keeps counting by votes.
    for name in ["mes-add1-comparison", "equalshares/add1-comparison"] {
        let (ok, out, err) = squaremile(&["pb", "count", &file, "--rule", name, "--json"]);
        assert!(ok, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["rule"], "mes-add1-comparison");
        assert_eq!(json["selected"], serde_json::json!(["A", "A2"]));
        assert_eq!(json["comparison"]["prefer_votes"], 3);
        assert_eq!(json["comparison"]["votes_won"], true);
    }
    // By votes A (3), A2 (3), B (1): A and A2 use the budget; B does not fit, and nothing
    // is left for reserve funds to add to.
    let (ok, out, err) = squaremile(&["pb", "count", &file, "--rule", "greedy-custom"]);
    assert!(ok && out.contains("funded 2 of 3 projects"), "{out}{err}");
    let poznan = SMALL.replace("budget;6", "budget;7.6");
    let file = write_file(&dir, "poznan.pb", &poznan);
    let (ok, out, err) = squaremile(&["pb", "count", &file, "--rule", "greedy-custom"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("B") && out.contains("(reserve funds)"),
        "{out}"
    );
    // A project Poznań funded later from extra district funds (selected = 3) is named as
    // not counted: the file does not say how much those funds were.
    let marked = SMALL
        .replace("project_id;cost;name", "project_id;cost;name;selected")
        .replace("A;3;Park", "A;3;Park;1")
        .replace("A2;3;Benches", "A2;3;Benches;1")
        .replace("B;2;Lights", "B;2;Lights;3");
    let file = write_file(&dir, "marked.pb", &marked);
    let (ok, out, err) = squaremile(&["pb", "count", &file, "--rule", "greedy-custom", "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["not_counted"], serde_json::json!(["B"]));
    let (_, out, _) = squaremile(&["pb", "count", &file, "--rule", "greedy-custom"]);
    assert!(
        out.contains("not counted: the file marks B as funded from extra district funds"),
        "{out}"
    );
    let cumulative = crate::support::test_election("cumulative.pb");
    let file = write_file(&dir, "cumulative.pb", &cumulative);
    let (ok, _, err) = squaremile(&["pb", "count", &file, "--rule", "greedy-custom"]);
    assert!(
        !ok && err.contains("needs approval or choose-1 ballots"),
        "{err}"
    );
}
