//! The repository's own small elections (`testdata/pabulib/`, written by its `make.py`): one per
//! ballot type, with quoted fields and projects in sub-units, and each with a `-repeats` twin
//! whose ballots sometimes name a project twice. They run on every checkout, so the reading
//! and counting paths are exercised even where the real collection is absent.

use std::collections::BTreeMap;

use pb::{Q, Rule, VoteType, Warning, parse, write};
use serde_json::Value;

use crate::crosscheck::{applies, utility_of};
use crate::{fixture_dir, fixture_files};

fn read(name: &str) -> pb::Election {
    let text = std::fs::read_to_string(fixture_dir().join(name)).unwrap();
    parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_ballot_type_is_read_and_written_back_the_same() {
    let mut types = Vec::new();
    for path in fixture_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let election = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            election.meta("num_votes").unwrap(),
            election.voters.len().to_string()
        );
        let again = parse(&write(&election)).unwrap();
        assert_eq!(election, again, "{}", path.display());
        types.push(election.vote_type.as_str());
    }
    types.sort_unstable();
    types.dedup();
    assert_eq!(
        types,
        ["approval", "choose-1", "cumulative", "ordinal", "scoring"]
    );
}

/// The projects and points of a vote row as written (the test files quote nothing in them).
fn as_written(raw: &str, has_points: bool) -> (Vec<&str>, Vec<Q>) {
    let fields: Vec<&str> = raw.split(';').collect();
    let projects = fields[1].split(',').collect();
    let points = if has_points {
        fields[2]
            .split(',')
            .map(|p| Q::parse_decimal(p).unwrap())
            .collect()
    } else {
        Vec::new()
    };
    (projects, points)
}

#[test]
fn a_repeated_project_is_one_entry_at_its_first_place_with_its_last_points() {
    for path in fixture_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let election = read(&name);
        let has_points = election.vote_type.has_points();
        let mut repeated_rows = 0;
        for voter in &election.voters {
            let (named, points) = as_written(voter.raw, has_points);
            let mut expected: Vec<(&str, Q)> = Vec::new();
            for (at, id) in named.iter().enumerate() {
                let given = points.get(at).cloned().unwrap_or_else(Q::one);
                match expected.iter_mut().find(|(e, _)| e == id) {
                    Some(entry) => entry.1 = given,
                    None => expected.push((id, given)),
                }
            }
            repeated_rows += usize::from(expected.len() < named.len());
            let read: Vec<(&str, Q)> = voter
                .ballot
                .iter()
                .enumerate()
                .map(|(at, &p)| (election.projects[p as usize].id.as_str(), voter.point(at)))
                .collect();
            assert_eq!(read, expected, "{name}, voter {}", voter.id);
        }
        let repeats = election
            .warnings
            .iter()
            .filter(|w| matches!(w, Warning::RepeatedProject { .. }))
            .count();
        assert_eq!(repeats, election.warnings.len(), "{name}: only repetitions");
        if name.contains("-repeats") {
            // make.py repeats a project on every third ballot, once.
            assert_eq!(repeated_rows, election.voters.len().div_ceil(3), "{name}");
            assert_eq!(repeats, repeated_rows, "{name}: a warning per repetition");
        } else {
            assert_eq!((repeated_rows, repeats), (0, 0), "{name}");
        }
    }
}

#[test]
fn quoted_fields_and_sub_units_are_read_as_written() {
    let election = read("approval.pb");
    assert_eq!(
        election.meta("description").unwrap(),
        "Made-up election for the tests; \"approval\" ballots"
    );
    let name = |id: &str| {
        let project = &election.projects[election.project_index(id).unwrap()];
        election.project_field(project, "name").unwrap().to_string()
    };
    assert_eq!(name("1"), "Benches; shade and water on the Green");
    assert_eq!(name("2"), "The \"Friday\" youth club");
    assert_eq!(name("5"), "Playground renewal,\nphase one");
    let subunits: Vec<&str> = election
        .projects
        .iter()
        .map(|p| election.project_field(p, "subunit").unwrap())
        .collect();
    assert_eq!(subunits.iter().filter(|s| **s == "North").count(), 4);
    assert_eq!(subunits.iter().filter(|s| **s == "South").count(), 4);
    // The quoted multi-line field does not shift the lines of the rows after it.
    let broken = std::fs::read_to_string(fixture_dir().join("approval.pb"))
        .unwrap()
        .replace("6;10000;", "6;ten thousand;");
    let error = parse(&broken).unwrap_err();
    assert_eq!(error.line, 23, "{error}");
}

#[test]
fn points_are_read_for_cumulative_and_scoring_ballots() {
    let cumulative = read("cumulative.pb");
    assert_eq!(cumulative.vote_type, VoteType::Cumulative);
    let first = cumulative.voters.get(0);
    assert!(!first.ballot.is_empty());
    assert!((0..first.ballot.len()).all(|at| first.point(at) >= Q::one()));

    let scoring = read("scoring.pb");
    assert_eq!(scoring.vote_type, VoteType::Scoring);
    let scores: Vec<Q> = scoring
        .voters
        .iter()
        .flat_map(|v| {
            (0..v.ballot.len())
                .map(move |at| v.point(at))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(scores.contains(&Q::zero()), "a project scored 0 is kept");
    assert!(
        scores.contains(&Q::from(4usize)),
        "the highest score is read"
    );
}

/// What pabutools funded on these files, recorded in `pabutools.json` (the cross-check
/// recomputes it when PABUTOOLS_PYTHON is set); the engine must fund the same.
#[test]
fn every_rule_funds_what_pabutools_funded_on_the_test_elections() {
    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_dir().join("pabutools.json")).unwrap(),
    )
    .unwrap();
    let rules: BTreeMap<&str, Rule> = [
        ("greedy", Rule::Greedy),
        ("mes", Rule::Mes),
        ("mes-add1", Rule::MesAdd1),
        ("phragmen", Rule::Phragmen),
        ("greedy-points", Rule::Greedy),
        ("mes-points", Rule::Mes),
    ]
    .into();
    let files = recorded["files"].as_object().unwrap();
    assert_eq!(files.len(), fixture_files().len());
    let mut compared = 0;
    for (file, answers) in files {
        let election = read(file);
        for (name, rule) in &rules {
            let expected = &answers[*name];
            if expected.is_null() {
                assert!(!applies(name, *rule, election.vote_type), "{file} {name}");
                continue;
            }
            let (_, outcome) = pb::count(&election, *rule, utility_of(name)).unwrap();
            let mut ours: Vec<&str> = outcome
                .selected()
                .iter()
                .map(|&p| election.projects[p].id.as_str())
                .collect();
            ours.sort_unstable();
            let theirs: Vec<&str> = expected
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(ours, theirs, "{file} {name}");
            compared += 1;
        }
    }
    // Per file pair: four rules on approval and choose-1 ballots (the points rules do not
    // apply), five on the others (Phragmén does not apply): 2 × (4 + 4 + 5 + 5 + 5).
    assert_eq!(compared, 46);
}
