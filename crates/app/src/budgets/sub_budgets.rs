//! Sub-budgets: the lines an official types to split a budget ("Riverside; 40,000"), and a
//! process's projects and ballots cut into one part per sub-budget for counting and
//! publishing. Pure code, no database.

use super::ballot::{Ballot, BallotFormat};
use super::store::{Process, Project, StoredBallot};
use crate::web::forms::slugify;

/// A typed sub-budget: code (from the name), name and amount.
pub type Typed = (String, String, i64);

/// What is wrong with one typed line (1-based), for the form's error message.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("line {0}: write the name, a semicolon, then the amount")]
    NoSeparator(usize),
    #[error("line {0}: the name is missing")]
    NoName(usize),
    #[error("line {0}: the amount is not a whole number above zero")]
    BadAmount(usize),
    #[error("line {0}: this name is already used on an earlier line")]
    Repeated(usize),
    #[error("a budget is split into two parts or more")]
    OnlyOne,
}

impl LineError {
    /// The message key and the line number it names (0 when none).
    pub fn key_and_line(&self) -> (&'static str, usize) {
        match *self {
            LineError::NoSeparator(n) => ("field-sub-budgets-no-separator", n),
            LineError::NoName(n) => ("field-sub-budgets-no-name", n),
            LineError::BadAmount(n) => ("field-sub-budgets-bad-amount", n),
            LineError::Repeated(n) => ("field-sub-budgets-repeated", n),
            LineError::OnlyOne => ("field-sub-budgets-only-one", 0),
        }
    }
}

/// Reads one sub-budget per line, "name; amount"; blank lines are skipped. Amounts may
/// be written with thousands separators ("40,000" or "40 000"). No lines: no split.
pub fn parse(text: &str, max_amount: i64) -> Result<Vec<Typed>, LineError> {
    let mut parts: Vec<Typed> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let (name, amount) = line
            .rsplit_once(';')
            .ok_or(LineError::NoSeparator(number))?;
        let name = name.trim();
        let code = slugify(name);
        if code.is_empty() {
            return Err(LineError::NoName(number));
        }
        let amount: i64 = amount
            .trim()
            .replace([',', ' ', '\u{a0}'], "")
            .parse()
            .ok()
            .filter(|a| (1..=max_amount).contains(a))
            .ok_or(LineError::BadAmount(number))?;
        if parts.iter().any(|(c, _, _)| *c == code) {
            return Err(LineError::Repeated(number));
        }
        parts.push((code, name.to_string(), amount));
    }
    if parts.len() == 1 {
        return Err(LineError::OnlyOne);
    }
    Ok(parts)
}

/// One part of a split process, ready to count or publish as its own Pabulib election:
/// the process with the part's budget and a title naming the part, the part's projects,
/// and each ballot cut down to them (ballots with nothing left in the part are dropped).
pub struct Part {
    pub process: Process,
    pub projects: Vec<Project>,
    pub ballots: Vec<StoredBallot>,
    /// The sub-budget's code and name; `None` for a process that is not split.
    pub sub_budget: Option<(String, String)>,
}

/// The parts of a process: one per sub-budget, or the whole process when it is not split.
pub fn split(process: &Process, projects: &[Project], ballots: &[StoredBallot]) -> Vec<Part> {
    if process.sub_budgets.is_empty() {
        return vec![Part {
            process: process.clone(),
            projects: projects.to_vec(),
            ballots: ballots.to_vec(),
            sub_budget: None,
        }];
    }
    process
        .sub_budgets
        .iter()
        .map(|sub| {
            let projects: Vec<Project> = projects
                .iter()
                .filter(|p| p.sub_budget_id.as_deref() == Some(sub.id.as_str()))
                .cloned()
                .collect();
            let ballots = ballots
                .iter()
                .filter_map(|b| restrict(b, &projects, process.format))
                .collect();
            let mut part_process = process.clone();
            part_process.budget = sub.budget;
            part_process.title = format!("{} – {}", process.title, sub.name);
            part_process.slug = format!("{}-{}", process.slug, sub.code);
            Part {
                process: part_process,
                projects,
                ballots,
                sub_budget: Some((sub.code.clone(), sub.name.clone())),
            }
        })
        .collect()
}

/// The ballot with only the picks among `projects`, or `None` if none are.
fn restrict(
    ballot: &StoredBallot,
    projects: &[Project],
    format: BallotFormat,
) -> Option<StoredBallot> {
    let full = Ballot::from_pabulib(&ballot.vote, &ballot.points);
    let picks: Vec<(String, u32)> = full
        .picks
        .into_iter()
        .filter(|(code, _)| projects.iter().any(|p| &p.code == code))
        .collect();
    if picks.is_empty() {
        return None;
    }
    let (vote, points) = Ballot { picks }.to_pabulib(format);
    Some(StoredBallot {
        vote,
        points,
        ..ballot.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_parts_and_mistakes_name_their_line() {
        assert_eq!(parse("", 100), Ok(Vec::new()));
        assert_eq!(
            parse("Riverside; 40,000\n\nOld Town ; 25 000\n", 1_000_000),
            Ok(vec![
                ("riverside".into(), "Riverside".into(), 40_000),
                ("old-town".into(), "Old Town".into(), 25_000),
            ])
        );
        assert_eq!(parse("A; 1\nB 2", 100), Err(LineError::NoSeparator(2)));
        assert_eq!(parse("A; 1\n; 2", 100), Err(LineError::NoName(2)));
        assert_eq!(parse("A; 1\nB; lots", 100), Err(LineError::BadAmount(2)));
        assert_eq!(parse("A; 1\nB; 0", 100), Err(LineError::BadAmount(2)));
        assert_eq!(parse("A; 1\nB; 101", 100), Err(LineError::BadAmount(2)));
        assert_eq!(parse("A; 1\na; 2", 100), Err(LineError::Repeated(2)));
        assert_eq!(parse("A; 1", 100), Err(LineError::OnlyOne));
    }
}
