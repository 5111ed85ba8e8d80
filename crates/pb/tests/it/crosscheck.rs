//! Cross-check with the reference implementation, pabutools: every rule must fund exactly
//! the same projects on the repository's test elections and, with SQUAREMILE_PABULIB_DIR, on
//! every real election of the collection where pabutools finishes within a minute.
//!
//! Needs PABUTOOLS_PYTHON, a Python with pabutools installed (`.ci/run` makes one).
//! The reference's answers on the collection are recorded in the repository
//! (`testdata/pabulib/collection-pabutools.json`, made by bench/record_collection_answers.py),
//! because computing them all takes the reference about 45 minutes of CPU; each run recomputes
//! a sample of them with pabutools to prove the record still holds. Answers not in the record
//! are computed and kept in PABUTOOLS_CACHE (default: a folder in the target directory),
//! keyed by the SHA-256 of the file, the rule and the pabutools version.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use pb::{Rule, Utility, VoteType};
use serde_json::Value;

use crate::{collection_files, fixture_dir, fixture_files, say, skip};

/// The rules compared on every file: bench/pabutools_count.py's names, with cost utility.
const RULES: [(&str, Rule); 4] = [
    ("greedy", Rule::Greedy),
    ("mes", Rule::Mes),
    ("mes-add1", Rule::MesAdd1),
    ("phragmen", Rule::Phragmen),
];

/// Rules counting points (Borda scores for rankings), compared on the repository's test
/// elections only: they show that a repeated project's place and points are read as
/// pabutools reads them, and cost the reference too long on the whole collection.
const POINTS_RULES: [(&str, Rule); 2] =
    [("greedy-points", Rule::Greedy), ("mes-points", Rule::Mes)];

/// The utility a rule of this test counts with, by its name.
pub fn utility_of(name: &str) -> Utility {
    if name.ends_with("-points") {
        Utility::Points
    } else {
        Utility::Cost
    }
}

/// Whether the engine counts these ballots with this rule: Phragmén approvals only, the
/// points rules ballots with points or ranks only (pabutools refuses the same).
pub fn applies(name: &str, rule: Rule, vote_type: VoteType) -> bool {
    let approvals = matches!(vote_type, VoteType::Approval | VoteType::Choose1);
    rule.accepts(vote_type) && !(utility_of(name) == Utility::Points && approvals)
}

fn reference_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/pabutools_count.py")
}

fn cache_dir() -> PathBuf {
    std::env::var_os("PABUTOOLS_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pabutools-cache"))
}

fn pabutools_version(python: &str) -> String {
    let out = Command::new(python)
        .args([
            "-c",
            "import importlib.metadata as m; print(m.version('pabutools'))",
        ])
        .output()
        .expect("running PABUTOOLS_PYTHON");
    assert!(
        out.status.success(),
        "pabutools is not installed for {python}"
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The first 12 bytes of a file's SHA-256, in hex: how answers are keyed.
fn digest(file: &Path) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(file).unwrap())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// pabutools' answers on the whole collection, recorded in the repository by
/// bench/record_collection_answers.py (about 45 minutes of the reference's CPU, which a CI run
/// cannot spend each time), keyed `<digest>-<rule>`: empty when the record was made with
/// another pabutools. [`recorded_answers_still_hold`] recomputes a sample of them each run.
fn recorded(version: &str) -> &'static HashMap<String, Value> {
    static RECORDED: OnceLock<HashMap<String, Value>> = OnceLock::new();
    RECORDED.get_or_init(|| {
        let path = fixture_dir().join("collection-pabutools.json");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return HashMap::new();
        };
        let record: Value = serde_json::from_str(&text).expect("collection-pabutools.json");
        if record["pabutools"] != version {
            say(&format!(
                "collection-pabutools.json was recorded with pabutools {}, this is {version}: every answer is computed",
                record["pabutools"]
            ));
            return HashMap::new();
        }
        serde_json::from_value(record["answers"].clone()).expect("recorded answers")
    })
}

/// Runs the reference on one file and rule (a minute at most), whatever is cached.
fn run_reference(python: &str, file: &Path, rule: &str) -> (Value, String) {
    let out = Command::new(python)
        .arg(reference_script())
        .arg(file)
        .arg(rule)
        .args(["--timeout", "60"])
        .output()
        .expect("running pabutools");
    assert!(
        out.status.success(),
        "pabutools failed on {} {rule}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("pabutools said {text:?}: {e}"));
    (value, text)
}

/// The reference's answer for one file and rule: from the cache, else from the record of
/// the collection, else by running it (and caching what it said).
fn reference(python: &str, version: &str, file: &Path, rule: &str) -> Value {
    let digest = digest(file);
    let cached = cache_dir().join(format!("{digest}-{rule}-pabutools{version}.json"));
    if let Ok(text) = std::fs::read_to_string(&cached) {
        return serde_json::from_str(&text).expect("cached reference answer");
    }
    if let Some(answer) = recorded(version).get(&format!("{digest}-{rule}")) {
        return answer.clone();
    }
    let (value, text) = run_reference(python, file, rule);
    std::fs::create_dir_all(cache_dir()).unwrap();
    std::fs::write(&cached, &text).unwrap();
    value
}

/// Recorded answers to recompute each run: quick ones (under 5 s when recorded), spread over
/// the record by key, so that each run checks a different-looking slice of it... the same
/// slice each run, as tests must be repeatable.
const SAMPLE: usize = 24;

/// Recomputes a sample of the recorded answers with pabutools itself: a record that no
/// longer says what pabutools says fails here, not silently.
fn recorded_answers_still_hold(python: &str, version: &str, collection: &[PathBuf]) {
    let record = recorded(version);
    if record.is_empty() || collection.is_empty() {
        return;
    }
    let by_digest: HashMap<String, &PathBuf> = collection.iter().map(|f| (digest(f), f)).collect();
    let quick = |answer: &Value| {
        let seconds = |key: &str| answer[key].as_f64().unwrap_or(f64::INFINITY);
        answer.get("selected").is_some()
            && seconds("parse_seconds") + seconds("count_seconds") < 5.0
    };
    let mut keys: Vec<&String> = record
        .iter()
        .filter(|(_, a)| quick(a))
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    let step = (keys.len() / SAMPLE).max(1);
    let sample: Vec<&String> = keys.into_iter().step_by(step).take(SAMPLE).collect();
    let mut checked = 0;
    for key in &sample {
        let (digest, rule) = key.split_at(24);
        let Some(file) = by_digest.get(digest) else {
            continue;
        };
        let (fresh, _) = run_reference(python, file, &rule[1..]);
        if fresh.get("timeout").is_some() {
            continue;
        }
        assert_eq!(
            fresh["selected"],
            record[*key]["selected"],
            "collection-pabutools.json is stale for {} {}: run bench/record_collection_answers.py",
            file.display(),
            &rule[1..]
        );
        checked += 1;
    }
    say(&format!(
        "recorded answers: {checked} of {} recomputed with pabutools, all the same",
        sample.len()
    ));
    assert!(checked > 0, "no recorded answer could be recomputed");
}

#[derive(Default)]
struct Tally {
    identical: usize,
    too_slow: usize,
    not_applicable: usize,
    different: Vec<String>,
}

#[test]
fn every_rule_funds_what_pabutools_funds() {
    let Some(python) = std::env::var("PABUTOOLS_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
    else {
        skip(
            "every_rule_funds_what_pabutools_funds: set PABUTOOLS_PYTHON to a Python with pabutools (see .ci/run)",
        );
        return;
    };
    let version = pabutools_version(&python);
    recorded_answers_are_pabutools_answers(&python, &version);
    let collection =
        collection_files("every_rule_funds_what_pabutools_funds on the real collection");
    recorded_answers_still_hold(&python, &version, &collection);
    let mut files = fixture_files();
    files.extend(collection.iter().cloned());
    let fixtures = fixture_files();
    let all_rules: Vec<(&str, Rule)> = RULES.iter().chain(&POINTS_RULES).copied().collect();
    let work: Vec<(PathBuf, &str, Rule)> = files
        .iter()
        .flat_map(|f| {
            let rules = if fixtures.contains(f) {
                &all_rules[..]
            } else {
                &RULES[..]
            };
            rules
                .iter()
                .map(move |(name, rule)| (f.clone(), *name, *rule))
        })
        .collect();
    let next = Mutex::new(0usize);
    let tallies: Vec<Mutex<Tally>> = all_rules
        .iter()
        .map(|_| Mutex::new(Tally::default()))
        .collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = {
                        let mut n = next.lock().unwrap();
                        let index = *n;
                        *n += 1;
                        index
                    };
                    let Some((file, name, rule)) = work.get(index) else {
                        break;
                    };
                    let tally = &tallies[all_rules.iter().position(|(n, _)| n == name).unwrap()];
                    let election = pb::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
                    let applies = applies(name, *rule, election.vote_type);
                    let expected = reference(&python, &version, file, name);
                    if expected.get("timeout").is_some() {
                        tally.lock().unwrap().too_slow += 1;
                        continue;
                    }
                    if !applies || expected.get("not_applicable").is_some() {
                        assert_eq!(
                            applies,
                            expected.get("not_applicable").is_none(),
                            "{} {name}: pabutools and the engine refuse the same ballots",
                            file.display()
                        );
                        tally.lock().unwrap().not_applicable += 1;
                        continue;
                    }
                    let (_, outcome) = pb::count(&election, *rule, utility_of(name)).unwrap();
                    let mut ours: Vec<String> = outcome
                        .selected()
                        .iter()
                        .map(|&p| election.projects[p].id.clone())
                        .collect();
                    ours.sort();
                    let mut theirs: Vec<String> = expected["selected"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string())
                        .collect();
                    theirs.sort();
                    let mut tally = tally.lock().unwrap();
                    if ours == theirs {
                        tally.identical += 1;
                    } else {
                        tally.different.push(format!(
                            "{} {name}: ours {ours:?}, pabutools {theirs:?}",
                            file.display()
                        ));
                    }
                }
            });
        }
    });
    let mut all_different = Vec::new();
    for ((name, _), tally) in all_rules.iter().zip(&tallies) {
        let tally = tally.lock().unwrap();
        say(&format!(
            "cross-check {name}: {} identical, {} different, {} where pabutools takes over a minute, {} not applicable",
            tally.identical,
            tally.different.len(),
            tally.too_slow,
            tally.not_applicable
        ));
        assert!(tally.identical > 0, "{name}: nothing was compared");
        all_different.extend(tally.different.iter().cloned());
    }
    assert!(
        all_different.is_empty(),
        "outcomes differ from pabutools:\n{}",
        all_different.join("\n")
    );
}

/// `testdata/pabulib/pabutools.json`, which the tests without Python compare the engine with,
/// holds what this pabutools answers today.
fn recorded_answers_are_pabutools_answers(python: &str, version: &str) {
    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_dir().join("pabutools.json")).unwrap(),
    )
    .unwrap();
    for (file, answers) in recorded["files"].as_object().unwrap() {
        for (name, _) in RULES.iter().chain(&POINTS_RULES) {
            let fresh = reference(python, version, &fixture_dir().join(file), name);
            let expected = fresh.get("selected").cloned().unwrap_or(Value::Null);
            assert_eq!(answers[name], expected, "pabutools.json, {file} {name}");
        }
    }
}
