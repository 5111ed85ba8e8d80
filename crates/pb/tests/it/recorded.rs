//! How often the engine reproduces each real election's own `selected` column with the rule
//! its META `rule` names. Real counts sometimes follow local rules the file does not record,
//! so this is a report (printed, and explained in BENCHMARKS.md); the elections decided by
//! equal shares with add1 (with or without Wieliczka's comparison step) and by Poznań's
//! greedy-custom must be reproduced exactly, but for what a file does not record, and so must
//! every greedy one that the report shows reproduced today (a regression would show as a
//! lower count).

use pb::{Election, Q, Rule, Utility, VoteType};

use crate::{collection_files, say};

/// Each project's score as cities count it: approvals, or points for cumulative and scoring
/// ballots, or for ordinal ballots of up to k projects k points for the first, k-1 for the
/// second... (as Kraków's files record in their score column).
fn scores(election: &Election) -> Vec<Q> {
    let mut scores = vec![Q::zero(); election.projects.len()];
    let longest = election
        .voters
        .iter()
        .map(|v| v.ballot.len())
        .max()
        .unwrap_or(0);
    let k = election
        .meta("max_length")
        .and_then(|m| m.trim().parse::<usize>().ok())
        .unwrap_or(longest);
    for voter in &election.voters {
        for (at, &p) in voter.ballot.iter().enumerate() {
            let points = match election.vote_type {
                VoteType::Cumulative | VoteType::Scoring => voter.point(at),
                VoteType::Ordinal => Q::from(k.saturating_sub(at)),
                _ => Q::one(),
            };
            scores[p as usize] = &scores[p as usize] + &points;
        }
    }
    scores
}

/// Greedy by score as cities run it: highest score first (ties by id), skipping projects that
/// do not fit (or stopping, without `skip`), ignoring projects under a score threshold.
fn city_greedy(election: &Election, skip: bool, threshold: &Q) -> Vec<usize> {
    let scores = scores(election);
    let mut order: Vec<usize> = (0..election.projects.len())
        .filter(|&p| &scores[p] >= threshold)
        .collect();
    order.sort_by(|a, b| {
        scores[*b]
            .cmp(&scores[*a])
            .then_with(|| election.projects[*a].id.cmp(&election.projects[*b].id))
    });
    let mut left = election.budget.clone();
    let mut funded = Vec::new();
    for p in order {
        let cost = &election.projects[p].cost;
        if cost <= &left {
            left = &left - cost;
            funded.push(p);
        } else if !skip {
            break;
        }
    }
    funded
}

fn counted(election: &Election, rule: Rule) -> Vec<usize> {
    pb::count(election, rule, Utility::Cost)
        .unwrap()
        .1
        .selected()
}

#[test]
fn recorded_selections_are_reproduced_by_the_rule_the_file_names() {
    let mut tally: std::collections::BTreeMap<String, (usize, usize, Vec<String>)> =
        Default::default();
    for path in collection_files("recorded_selections_are_reproduced_by_the_rule_the_file_names") {
        let election = pb::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let rule = election
            .meta("rule")
            .unwrap_or("unknown")
            .trim()
            .to_string();
        if !election.project_columns.iter().any(|c| c == "selected") {
            continue;
        }
        let mark = |p: usize| {
            election
                .project_field(&election.projects[p], "selected")
                .unwrap_or("")
                .trim()
        };
        // Poznań marks projects its reserve funds paid for with 2, and those later district
        // funds paid for with 3; the file does not say how much those funds were.
        let recorded: Vec<usize> = (0..election.projects.len())
            .filter(|&p| mark(p) == "1" || (rule == "greedy-custom" && mark(p) == "2"))
            .collect();
        let extra_funds: Vec<&str> = (0..election.projects.len())
            .filter(|&p| rule == "greedy-custom" && mark(p) == "3")
            .map(|p| election.projects[p].id.as_str())
            .collect();
        let threshold = election
            .meta("min_project_score_threshold")
            .and_then(Q::parse_decimal)
            .unwrap_or_else(Q::zero);
        let ours: Option<Vec<usize>> = match rule.as_str() {
            "greedy" => Some(city_greedy(&election, true, &Q::zero())),
            "greedy-no-skip" => Some(city_greedy(&election, false, &Q::zero())),
            "greedy-threshold" => Some(city_greedy(&election, true, &threshold)),
            "equalshares/add1" => Some(counted(&election, Rule::MesAdd1NoFill)),
            "equalshares/add1-comparison" => Some(counted(&election, Rule::MesAdd1Comparison)),
            "greedy-custom" => Some(counted(&election, Rule::GreedyPoznan)),
            _ => None,
        };
        let entry = tally
            .entry(format!(
                "{rule} ({})",
                if matches!(election.vote_type, VoteType::Approval | VoteType::Choose1) {
                    "approval"
                } else {
                    election.vote_type.as_str()
                }
            ))
            .or_default();
        entry.0 += 1;
        let Some(mut ours) = ours else { continue };
        ours.sort_unstable();
        if ours == recorded && extra_funds.is_empty() {
            entry.1 += 1;
        } else if ours == recorded {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            entry.2.push(format!(
                "{name}: the same, but the city also funded {extra_funds:?} from extra district funds the file does not record"
            ));
        } else {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let only_ours: Vec<&str> = ours
                .iter()
                .filter(|p| !recorded.contains(p))
                .map(|&p| election.projects[p].id.as_str())
                .collect();
            let only_recorded: Vec<&str> = recorded
                .iter()
                .filter(|p| !ours.contains(p))
                .map(|&p| election.projects[p].id.as_str())
                .collect();
            entry.2.push(format!(
                "{name}: we fund {only_ours:?}, the city funded {only_recorded:?}"
            ));
        }
    }
    for (rule, (files, reproduced, differences)) in &tally {
        say(&format!(
            "recorded selection, rule {rule}: {reproduced} of {files} files reproduced"
        ));
        for difference in differences {
            say(&format!("    {difference}"));
        }
    }
    // Rules we implement as the files describe them must reproduce every file, except one
    // the file itself cannot explain (see BENCHMARKS.md).
    const UNEXPLAINED: &[&str] = &["Poland_Warszawa_2018_Wawrzyszew.pb"];
    const NOT_IN_THE_FILE: &str = "extra district funds the file does not record";
    for (rule, (files, reproduced, differences)) in &tally {
        let implemented = [
            "equalshares/add1 ",
            "equalshares/add1-comparison ",
            "greedy-custom ",
            "greedy (",
            "greedy-no-skip (",
            "greedy-threshold (",
        ]
        .iter()
        .any(|r| rule.starts_with(r));
        if implemented {
            let explained: Vec<&String> = differences
                .iter()
                .filter(|d| !UNEXPLAINED.iter().any(|u| d.starts_with(u)))
                .filter(|d| !d.ends_with(NOT_IN_THE_FILE))
                .collect();
            assert!(
                explained.is_empty(),
                "{rule}: {} of {files} reproduced; unexpected: {explained:?}",
                reproduced
            );
        }
    }
}
