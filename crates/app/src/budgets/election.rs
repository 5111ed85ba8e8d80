//! A process as a Pabulib election, and back: the file published with the results (and
//! counted by the engine) is written from the stored projects and anonymous ballots; an
//! imported file becomes a finished process. Counting and explaining every project's
//! outcome happen here too. Pure code: no database, no HTML.

use std::fmt::Write as _;

use anyhow::{Context, bail};
use pb::{Election, Q, Rule, Stage, VoteType};
use serde::{Deserialize, Serialize};

use super::ballot::BallotFormat;
use super::store::{Process, Project, StoredBallot};

/// Writes the process's feasible projects and its ballots as a Pabulib file.
pub fn to_pabulib(process: &Process, projects: &[Project], ballots: &[StoredBallot]) -> String {
    let feasible: Vec<&Project> = projects
        .iter()
        .filter(|p| p.status == super::store::ProjectStatus::Feasible)
        .collect();
    let mut meta = vec![
        ("description", process.title.clone()),
        ("country", String::new()),
        ("unit", process.area_name.clone()),
        ("instance", process.slug.clone()),
        ("num_projects", feasible.len().to_string()),
        ("num_votes", ballots.len().to_string()),
        ("budget", process.budget.to_string()),
        ("vote_type", process.format.vote_type().as_str().to_string()),
        ("rule", process.rule.as_str().to_string()),
        ("currency", process.currency.clone()),
    ];
    match process.format {
        BallotFormat::Approval => {
            meta.push(("min_length", process.min_choices.to_string()));
            meta.push(("max_length", process.max_choices.to_string()));
        }
        BallotFormat::Knapsack => meta.push(("max_sum_cost", process.budget.to_string())),
        BallotFormat::Cumulative => meta.push(("max_sum_points", process.points.to_string())),
        BallotFormat::Ranking => meta.push(("max_length", process.max_choices.to_string())),
    }
    let mut out = String::from("META\nkey;value\n");
    for (key, value) in meta.into_iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "{key};{}", field(&value));
    }
    out.push_str("PROJECTS\nproject_id;cost;name;category\n");
    for p in &feasible {
        let _ = writeln!(
            out,
            "{};{};{};{}",
            field(&p.code),
            p.current_cost(),
            field(&p.title),
            field(&p.category)
        );
    }
    if process.format == BallotFormat::Cumulative {
        out.push_str("VOTES\nvoter_id;vote;points\n");
    } else {
        out.push_str("VOTES\nvoter_id;vote\n");
    }
    for b in ballots {
        if process.format == BallotFormat::Cumulative {
            let _ = writeln!(out, "{};{};{}", field(&b.public_id), b.vote, b.points);
        } else {
            let _ = writeln!(out, "{};{}", field(&b.public_id), b.vote);
        }
    }
    out
}

/// A Pabulib field: quoted when it holds a separator, a quote or a line break.
fn field(text: &str) -> String {
    let flat = text.replace(['\n', '\r'], " ");
    if flat.contains([';', '"']) || flat != flat.trim() {
        format!("\"{}\"", flat.replace('"', "\"\""))
    } else {
        flat
    }
}

// ------------------------------------------------------------------ results

/// The explained outcome of a count, stored as JSON when voting closes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Results {
    pub rule: String,
    pub voters: usize,
    pub budget: i64,
    pub spent: i64,
    /// What counting by votes alone (greedy) would have spent, for the comparison.
    pub greedy_spent: i64,
    /// Equal shares completed by raising budgets: each voter's share in the end.
    pub per_voter: Option<f64>,
    /// The comparison step of `mes-add1-comparison` (absent in results stored before it).
    #[serde(default)]
    pub comparison: Option<ComparisonResult>,
    pub projects: Vec<ProjectResult>,
}

/// How many voters preferred equal shares, and counting by votes, in the comparison step.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ComparisonResult {
    pub prefer_equal_shares: u64,
    pub prefer_votes: u64,
    pub votes_won: bool,
}

/// The count of one part of a process: a sub-budget (its code and name), or the whole
/// budget when it is not split.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CountedPart {
    pub sub_budget: Option<(String, String)>,
    pub results: Results,
}

/// Reads stored results: a list of parts, or (as stored before sub-budgets) one count.
pub fn read_counted(json: &str) -> anyhow::Result<Vec<CountedPart>> {
    if let Ok(parts) = serde_json::from_str::<Vec<CountedPart>>(json) {
        return Ok(parts);
    }
    let whole: Results = serde_json::from_str(json).context("reading stored results")?;
    Ok(vec![CountedPart {
        sub_budget: None,
        results: whole,
    }])
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ProjectResult {
    pub code: String,
    pub title: String,
    pub cost: i64,
    pub supporters: u64,
    /// Points given in all (cumulative and ranking ballots).
    pub points: Option<f64>,
    pub funded: bool,
    pub greedy_funded: bool,
    pub why: Why,
}

/// Why a project was or was not funded, in numbers the results page puts into words.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// Costs nothing and has supporters.
    Free,
    /// Bought by equal shares in round `round`: `payers` paid `share` each, and
    /// `paid_all` more gave all they had left.
    Shares {
        round: usize,
        payers: u64,
        share: f64,
        paid_all: u64,
    },
    /// Added by the greedy fill after equal shares.
    Fill { position: usize },
    /// Phragmén: funded in position `position`, supporters carrying `load` each.
    Load { position: usize, load: f64 },
    /// Greedy: funded in position `position` of the ranking by votes.
    Ranked { position: usize },
    /// Poznań's rule: the first project that did not fit, funded from reserve funds.
    Reserve { position: usize },
    /// Not funded; it would have been at this cost or less.
    WouldWinAt { cost: i64 },
    /// Not funded, and it could not have been at any cost.
    Never,
}

/// Counts the election with `rule` and explains every project's outcome. Projects that
/// lost are counted again at lower costs to find the cost at which they would have won;
/// those recounts are shared across the cores.
pub fn count(election: &Election, rule: Rule, utility: pb::Utility) -> anyhow::Result<Results> {
    let (profile, outcome) = pb::count(election, rule, utility)?;
    let (_, greedy) = pb::count(election, Rule::Greedy, utility)?;
    let whole = |q: &Q| -> i64 { q.to_f64().round() as i64 };
    let losers: Vec<usize> = (0..election.projects.len())
        .filter(|p| !outcome.contains(*p))
        .collect();
    let would_win = recount_losers(election, rule, utility, &losers);
    let mut projects = Vec::with_capacity(election.projects.len());
    for (index, project) in election.projects.iter().enumerate() {
        let position = outcome.purchases.iter().position(|p| p.project == index);
        let why = match position {
            Some(at) => {
                let purchase = &outcome.purchases[at];
                let supporters = profile.supporter_count(index);
                match (rule, purchase.stage) {
                    (_, Stage::Free) => Why::Free,
                    (_, Stage::Completion) => Why::Fill { position: at + 1 },
                    (_, Stage::Reserve) => Why::Reserve { position: at + 1 },
                    (rule, Stage::Main) if rule.is_equal_shares() && purchase.price.is_some() => {
                        let unit = match utility {
                            pb::Utility::Cost => project.cost.to_f64(),
                            _ => 1.0,
                        };
                        Why::Shares {
                            round: at + 1,
                            payers: supporters - purchase.paid_all_they_had,
                            share: purchase.price.unwrap_or(0.0) * unit,
                            paid_all: purchase.paid_all_they_had,
                        }
                    }
                    (Rule::Phragmen, _) => Why::Load {
                        position: at + 1,
                        load: purchase.price.unwrap_or(0.0),
                    },
                    _ => Why::Ranked { position: at + 1 },
                }
            }
            None => match would_win.iter().find(|(p, _)| *p == index) {
                Some((_, Some(cost))) => Why::WouldWinAt { cost: whole(cost) },
                _ => Why::Never,
            },
        };
        let points = (election.vote_type.has_points() && utility == pb::Utility::Points)
            .then(|| profile.total_utility(index).to_f64());
        projects.push(ProjectResult {
            code: project.id.clone(),
            title: election
                .project_field(project, "name")
                .unwrap_or(&project.id)
                .to_string(),
            cost: whole(&project.cost),
            supporters: profile.supporter_count(index),
            points,
            funded: position.is_some(),
            greedy_funded: greedy.contains(index),
            why,
        });
    }
    Ok(Results {
        rule: rule.as_str().to_string(),
        voters: election.voters.len(),
        budget: whole(&election.budget),
        spent: whole(&outcome.cost(&profile)),
        greedy_spent: whole(&greedy.cost(&profile)),
        per_voter: outcome.budget_per_voter.as_ref().map(Q::to_f64),
        comparison: outcome.comparison.as_ref().map(|c| ComparisonResult {
            prefer_equal_shares: c.prefer_equal_shares,
            prefer_votes: c.prefer_votes,
            votes_won: c.votes_won,
        }),
        projects,
    })
}

/// For each losing project, the highest cost at which it would have won (if any).
fn recount_losers(
    election: &Election,
    rule: Rule,
    utility: pb::Utility,
    losers: &[usize],
) -> Vec<(usize, Option<Q>)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = losers.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = losers
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&p| {
                            let at = pb::explain(election, rule, utility, p)
                                .ok()
                                .and_then(|e| e.would_win_at);
                            (p, at)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a recount panicked"))
            .collect()
    })
}

// ------------------------------------------------------------------ import

/// What a Pabulib file says about the process it records.
pub struct ImportedElection {
    pub format: BallotFormat,
    pub min_choices: u32,
    pub max_choices: u32,
    pub points: u32,
    pub budget: i64,
    pub currency: String,
    pub description: String,
    /// (code, title, category, cost)
    pub projects: Vec<(String, String, String, i64)>,
    /// (voter id, vote, points)
    pub ballots: Vec<(String, String, String)>,
}

/// Reads an election into the pieces of a finished process. Costs and the budget must be
/// whole currency units; scoring ballots have no ballot format here and are refused.
pub fn import(election: &Election) -> anyhow::Result<ImportedElection> {
    let whole = |q: &Q, what: &str| -> anyhow::Result<i64> {
        if !q.is_integer() {
            bail!("{what} is not a whole number of currency units");
        }
        Ok(q.to_f64() as i64)
    };
    let meta_number = |key: &str| {
        election
            .meta(key)
            .and_then(|v| v.trim().parse::<u32>().ok())
    };
    let budget = whole(&election.budget, "the budget")?;
    let longest = election
        .voters
        .iter()
        .map(|v| v.ballot.len())
        .max()
        .unwrap_or(1) as u32;
    let (format, min_choices, max_choices, points) = match election.vote_type {
        VoteType::Approval if election.meta("max_sum_cost").is_some() => {
            (BallotFormat::Knapsack, 1, longest.max(1), 0)
        }
        VoteType::Approval => (
            BallotFormat::Approval,
            meta_number("min_length").unwrap_or(1).max(1),
            meta_number("max_length").unwrap_or(longest).max(1),
            0,
        ),
        VoteType::Choose1 => (BallotFormat::Approval, 1, 1, 0),
        VoteType::Cumulative => {
            // The file's own limit, else the most points any voter gave.
            let points = meta_number("max_sum_points").unwrap_or_else(|| {
                let most = election.voters.iter().map(|v| {
                    (0..v.ballot.len())
                        .map(|i| v.point(i).to_f64() as u64)
                        .sum::<u64>()
                });
                most.max().unwrap_or(0) as u32
            });
            (BallotFormat::Cumulative, 1, longest.max(1), points)
        }
        VoteType::Ordinal => (
            BallotFormat::Ranking,
            1,
            meta_number("max_length").unwrap_or(longest).max(1),
            0,
        ),
        VoteType::Scoring => bail!("scoring ballots cannot be imported (no ballot format here)"),
    };
    let mut projects = Vec::with_capacity(election.projects.len());
    for project in &election.projects {
        let title = election
            .project_field(project, "name")
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&project.id);
        let category = election.project_field(project, "category").unwrap_or("");
        let cost = whole(
            &project.cost,
            &format!("the cost of project {}", project.id),
        )?;
        projects.push((
            project.id.clone(),
            title.to_string(),
            category.to_string(),
            cost,
        ));
    }
    let mut ballots = Vec::with_capacity(election.voters.len());
    for voter in &election.voters {
        let codes: Vec<&str> = voter
            .ballot
            .iter()
            .map(|&p| election.projects[p as usize].id.as_str())
            .collect();
        let points = if format == BallotFormat::Cumulative {
            let mut given = Vec::with_capacity(voter.ballot.len());
            for i in 0..voter.ballot.len() {
                let point = voter.point(i);
                if !point.is_integer() {
                    bail!("voter {} gives a fraction of a point", voter.id);
                }
                given.push((point.to_f64() as i64).to_string());
            }
            given.join(",")
        } else {
            String::new()
        };
        ballots.push((voter.id.to_string(), codes.join(","), points));
    }
    Ok(ImportedElection {
        format,
        min_choices,
        max_choices,
        points,
        budget,
        currency: election.meta("currency").unwrap_or("").to_string(),
        description: election.meta("description").unwrap_or("").to_string(),
        projects,
        ballots,
    })
}

/// Reads the Pabulib text a process wrote; failing here is a bug, not bad input.
pub fn parse_own(text: &str) -> anyhow::Result<Election> {
    pb::parse(text).context("reading the process's own Pabulib file")
}
