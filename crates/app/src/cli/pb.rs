//! `squaremile pb ...`: check, count, compare and explain participatory budgeting elections
//! in the Pabulib format.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use pb::{ALL_RULES, Election, NAMED_RULES, ReadOptions, Rule, Stage, Utility};
use serde_json::json;

/// How a file is read, for every command.
#[derive(clap::Args, Clone, Copy)]
pub struct Reading {
    /// Refuse a file with a project repeated on a ballot, or META counts that disagree with
    /// the sections, instead of reading it as pabutools does with a warning.
    #[arg(long)]
    strict: bool,
}

#[derive(Subcommand)]
pub enum PbCommand {
    /// Read a .pb file and report what is in it, or what is wrong (with the line).
    Check {
        file: PathBuf,
        #[command(flatten)]
        reading: Reading,
    },
    /// Count the votes with one rule.
    Count {
        file: PathBuf,
        /// greedy, greedy-no-skip, mes, mes-add1, mes-add1-nofill, phragmen,
        /// mes-add1-comparison (Wieliczka) or greedy-custom (Poznań).
        #[arg(long, default_value = "mes-add1")]
        rule: String,
        /// cost, cardinality or points (Phragmén and greedy-custom always count approvals).
        #[arg(long, default_value = "cost")]
        utility: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        reading: Reading,
    },
    /// Count with every rule that applies, side by side.
    Compare {
        file: PathBuf,
        #[arg(long, default_value = "cost")]
        utility: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        reading: Reading,
    },
    /// Explain why one project was or was not funded.
    Explain {
        file: PathBuf,
        #[arg(long, default_value = "mes-add1")]
        rule: String,
        #[arg(long)]
        project: String,
        #[arg(long, default_value = "cost")]
        utility: String,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        reading: Reading,
    },
}

/// Runs a command and returns what to print.
pub fn run(command: PbCommand) -> anyhow::Result<String> {
    match command {
        PbCommand::Check { file, reading } => check(&file, reading),
        PbCommand::Count {
            file,
            rule,
            utility,
            json,
            reading,
        } => count(&file, &rule, &utility, json, reading),
        PbCommand::Compare {
            file,
            utility,
            json,
            reading,
        } => compare(&file, &utility, json, reading),
        PbCommand::Explain {
            file,
            rule,
            project,
            utility,
            json,
            reading,
        } => explain(&file, &rule, &project, &utility, json, reading),
    }
}

/// Reads the file; its warnings go to stderr, so a count's output stays what it was.
fn read(file: &Path, reading: Reading) -> anyhow::Result<Election> {
    let election = read_quietly(file, reading)?;
    for warning in &election.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    Ok(election)
}

fn read_quietly(file: &Path, reading: Reading) -> anyhow::Result<Election> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{}: not UTF-8 text ({e})", file.display()))?;
    let options = ReadOptions {
        strict: reading.strict,
    };
    pb::parse_owned_with(text, options).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
}

/// The warnings as JSON: line and message.
fn warnings_json(election: &Election) -> serde_json::Value {
    election
        .warnings
        .iter()
        .map(|w| json!({ "line": w.line(), "message": format!("{}; {}", w.problem(), w.resolution()) }))
        .collect()
}

fn rule_of(text: &str) -> anyhow::Result<Rule> {
    Rule::parse(text).with_context(|| {
        let names: Vec<&str> = NAMED_RULES.iter().map(|r| r.as_str()).collect();
        format!("unknown rule {text:?}; use one of {}", names.join(", "))
    })
}

fn utility_of(text: &str) -> anyhow::Result<Utility> {
    Utility::parse(text)
        .with_context(|| format!("unknown utility {text:?}; use cost, cardinality or points"))
}

fn money(value: &pb::Q) -> String {
    value.to_decimal(2)
}

fn project_name(election: &Election, project: usize) -> &str {
    election
        .project_field(&election.projects[project], "name")
        .unwrap_or("")
}

fn check(file: &Path, reading: Reading) -> anyhow::Result<String> {
    // The warnings are what `check` reports, so they go with the rest on stdout.
    let election = read_quietly(file, reading)?;
    let mut out = String::new();
    let _ = writeln!(out, "{}: valid Pabulib file", file.display());
    if let Some(description) = election.meta("description") {
        let _ = writeln!(out, "  {description}");
    }
    let currency = election.meta("currency").unwrap_or("");
    let _ = writeln!(
        out,
        "  {} projects, {} voters, {} ballots",
        election.projects.len(),
        election.voters.len(),
        election.vote_type.as_str()
    );
    let _ = writeln!(out, "  budget {} {currency}", money(&election.budget));
    let total: pb::Q = election.projects.iter().map(|p| p.cost.clone()).sum();
    let _ = writeln!(out, "  projects cost {} {currency} in all", money(&total));
    if let Some(rule) = election.meta("rule") {
        let _ = writeln!(out, "  rule used by the organisers: {rule}");
    }
    let empty = election
        .voters
        .iter()
        .filter(|v| v.ballot.is_empty())
        .count();
    if empty > 0 {
        let _ = writeln!(out, "  note: {empty} empty ballots");
    }
    if !election.warnings.is_empty() {
        let _ = writeln!(
            out,
            "  {} warnings (read as pabutools reads it; --strict refuses the file):",
            election.warnings.len()
        );
    }
    for warning in &election.warnings {
        let _ = writeln!(out, "  warning: {warning}");
    }
    Ok(out)
}

fn count(
    file: &Path,
    rule: &str,
    utility: &str,
    json: bool,
    reading: Reading,
) -> anyhow::Result<String> {
    let election = read(file, reading)?;
    let (rule, utility) = (rule_of(rule)?, utility_of(utility)?);
    let (profile, outcome) = pb::count(&election, rule, utility)?;
    let mut selected = outcome.selected();
    selected.sort_unstable();
    let cost = outcome.cost(&profile);
    if json {
        let value = json!({
            "rule": rule.as_str(),
            "utility": utility.as_str(),
            "budget": election.budget.to_f64(),
            "cost": cost.to_f64(),
            "selected": selected.iter().map(|&p| election.projects[p].id.as_str()).collect::<Vec<_>>(),
            "voters_with_a_funded_project": pb::voters_with_a_win(&election, &outcome),
            "budget_per_voter": outcome.budget_per_voter.as_ref().map(|q| q.to_f64()),
            "comparison": outcome.comparison.as_ref().map(|c| json!({
                "prefer_equal_shares": c.prefer_equal_shares,
                "prefer_votes": c.prefer_votes,
                "votes_won": c.votes_won,
            })),
            "not_counted": not_counted(&election, rule),
            "warnings": warnings_json(&election),
        });
        return Ok(format!("{value}\n"));
    }
    let currency = election.meta("currency").unwrap_or("");
    let mut out = String::new();
    // The utility the rule really counts with (Phragmén and Poznań's rule count approvals).
    let counted_with = pb::utility_for(rule, utility);
    let _ = writeln!(
        out,
        "{} ({} utility)",
        rule.describe(),
        counted_with.as_str()
    );
    let _ = writeln!(
        out,
        "{:>5}  {:<12} {:>14}  name",
        "order", "project", "cost"
    );
    for (order, purchase) in outcome.purchases.iter().enumerate() {
        let p = purchase.project;
        let stage = match purchase.stage {
            Stage::Completion => " (greedy fill)",
            Stage::Free => " (free)",
            Stage::Reserve => " (reserve funds)",
            Stage::Main => "",
        };
        let _ = writeln!(
            out,
            "{:>5}  {:<12} {:>14}  {}{stage}",
            order + 1,
            election.projects[p].id,
            money(&election.projects[p].cost),
            project_name(&election, p)
        );
    }
    let _ = writeln!(
        out,
        "funded {} of {} projects, {} of {} {currency} ({:.1}%)",
        selected.len(),
        election.projects.len(),
        money(&cost),
        money(&election.budget),
        100.0 * cost.to_f64() / election.budget.to_f64().max(f64::MIN_POSITIVE)
    );
    let _ = writeln!(
        out,
        "voters with at least one of their projects funded: {:.1}%",
        100.0 * pb::voters_with_a_win(&election, &outcome)
    );
    if let Some(c) = &outcome.comparison {
        let _ = writeln!(
            out,
            "comparison step: {} voters prefer equal shares, {} counting by votes, so {} stands",
            c.prefer_equal_shares,
            c.prefer_votes,
            if c.votes_won {
                "counting by votes"
            } else {
                "equal shares"
            }
        );
    }
    let extra = not_counted(&election, rule);
    if !extra.is_empty() {
        let _ = writeln!(
            out,
            "not counted: the file marks {} as funded from extra district funds (selected = 3), \
             whose amount it does not record",
            extra.join(", ")
        );
    }
    Ok(out)
}

/// Poznań's files mark projects funded later from extra district funds (selected = 3), an
/// amount they do not record, so no count from the file can fund them: their ids.
fn not_counted(election: &Election, rule: Rule) -> Vec<&str> {
    if rule != Rule::GreedyPoznan {
        return Vec::new();
    }
    election
        .projects
        .iter()
        .filter(|p| election.project_field(p, "selected").map(str::trim) == Some("3"))
        .map(|p| p.id.as_str())
        .collect()
}

fn compare(file: &Path, utility: &str, json: bool, reading: Reading) -> anyhow::Result<String> {
    let election = read(file, reading)?;
    let utility = utility_of(utility)?;
    // One profile per utility the rules need (Phragmén counts approvals), not one per rule.
    let mut profiles: Vec<(Utility, std::rc::Rc<pb::Profile>)> = Vec::new();
    let mut results: Vec<(Rule, std::rc::Rc<pb::Profile>, pb::Outcome)> = Vec::new();
    for rule in ALL_RULES
        .into_iter()
        .filter(|r| r.accepts(election.vote_type))
    {
        let needed = pb::utility_for(rule, utility);
        let profile = match profiles.iter().find(|(u, _)| *u == needed) {
            Some((_, profile)) => profile.clone(),
            None => {
                let profile = std::rc::Rc::new(pb::Profile::new(&election, needed));
                profiles.push((needed, profile.clone()));
                profile
            }
        };
        let outcome = pb::run(&profile, rule);
        results.push((rule, profile, outcome));
    }
    if json {
        let rules: Vec<serde_json::Value> = results
            .iter()
            .map(|(rule, profile, outcome)| {
                let mut selected = outcome.selected();
                selected.sort_unstable();
                json!({
                    "rule": rule.as_str(),
                    "cost": outcome.cost(profile).to_f64(),
                    "selected": selected.iter().map(|&p| election.projects[p].id.as_str()).collect::<Vec<_>>(),
                    "voters_with_a_funded_project": pb::voters_with_a_win(&election, outcome),
                })
            })
            .collect();
        return Ok(format!(
            "{}\n",
            json!({ "utility": utility.as_str(), "budget": election.budget.to_f64(), "rules": rules })
        ));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16} {:>8} {:>16} {:>9} {:>12}",
        "rule", "funded", "cost", "budget", "voters won"
    );
    for (rule, profile, outcome) in &results {
        let cost = outcome.cost(profile);
        let _ = writeln!(
            out,
            "{:<16} {:>8} {:>16} {:>8.1}% {:>11.1}%",
            rule.as_str(),
            outcome.purchases.len(),
            money(&cost),
            100.0 * cost.to_f64() / election.budget.to_f64().max(f64::MIN_POSITIVE),
            100.0 * pb::voters_with_a_win(&election, outcome)
        );
    }
    let _ = writeln!(out);
    let header: Vec<String> = results
        .iter()
        .map(|(r, _, _)| format!("{:>16}", r.as_str()))
        .collect();
    let _ = writeln!(out, "{:<12} {}", "project", header.join(""));
    for (p, project) in election.projects.iter().enumerate() {
        let marks: Vec<String> = results
            .iter()
            .map(|(_, _, o)| format!("{:>16}", if o.contains(p) { "funded" } else { "-" }))
            .collect();
        let _ = writeln!(out, "{:<12} {}", project.id, marks.join(""));
    }
    Ok(out)
}

fn explain(
    file: &Path,
    rule: &str,
    project: &str,
    utility: &str,
    json: bool,
    reading: Reading,
) -> anyhow::Result<String> {
    let election = read(file, reading)?;
    let (rule, utility) = (rule_of(rule)?, utility_of(utility)?);
    let Some(index) = election.project_index(project) else {
        bail!("{}: there is no project {project:?}", file.display());
    };
    let e = pb::explain(&election, rule, utility, index)?;
    let currency = election.meta("currency").unwrap_or("");
    let cost = &election.projects[index].cost;
    let sentence = if e.funded {
        match (rule, e.stage) {
            (_, Some(Stage::Free)) => {
                "funded first: it costs nothing and people want it".to_string()
            }
            (_, Some(Stage::Completion)) => format!(
                "funded by the greedy fill after equal shares (position {})",
                e.position.unwrap_or(0)
            ),
            (_, Some(Stage::Reserve)) => format!(
                "funded {}, from reserve funds: it did not fit, but what was left covered 80% of its cost",
                ordinal(e.position)
            ),
            (rule, _) if rule.is_equal_shares() && e.share_per_supporter.is_some() => format!(
                "funded in round {}: {} paid {} {currency} each{}",
                e.position.unwrap_or(0),
                supporters(e.supporters - e.paid_all_they_had),
                e.share_per_supporter
                    .map(|s| format!("{s:.2}"))
                    .unwrap_or_default(),
                if e.paid_all_they_had > 0 {
                    format!(", and {} paid all they had left", e.paid_all_they_had)
                } else {
                    String::new()
                },
            ),
            (Rule::Phragmen, _) => format!(
                "funded {}: its {} carried a load of {:.4} each",
                ordinal(e.position),
                supporters(e.supporters),
                e.price.unwrap_or(0.0)
            ),
            _ => format!(
                "funded {} of all projects by its {}",
                ordinal(e.position),
                supporters(e.supporters)
            ),
        }
    } else {
        match &e.would_win_at {
            Some(at) => format!(
                "not funded: it would have been if it cost {} {currency} or less (it costs {})",
                money(at),
                money(cost)
            ),
            None => "not funded, and it could not have been at any cost".to_string(),
        }
    };
    if json {
        let value = json!({
            "rule": rule.as_str(),
            "project": project,
            "funded": e.funded,
            "supporters": e.supporters,
            "position": e.position,
            "share_per_supporter": e.share_per_supporter,
            "paid_all_they_had": e.paid_all_they_had,
            "would_win_at": e.would_win_at.as_ref().map(|q| q.to_f64()),
            "explanation": sentence,
        });
        return Ok(format!("{value}\n"));
    }
    Ok(format!(
        "{project} ({}) under {}: {sentence}\n",
        project_name(&election, index),
        rule.describe()
    ))
}

fn ordinal(position: Option<usize>) -> String {
    match position {
        Some(1) => "first".into(),
        Some(n) => format!("{n}th"),
        None => String::new(),
    }
}

/// "1 supporter", "2 supporters".
fn supporters(count: u64) -> String {
    if count == 1 {
        "1 supporter".to_string()
    } else {
        format!("{count} supporters")
    }
}
