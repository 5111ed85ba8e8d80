//! The Pabulib `.pb` format (pabulib.org/format): sections META, PROJECTS and VOTES, each a
//! header row then `;`-separated rows, with CSV quoting. Reading keeps every column, so
//! writing what was read gives an equivalent file. Errors name the line and what is wrong.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::Q;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteType {
    Approval,
    Choose1,
    Cumulative,
    Scoring,
    Ordinal,
}

impl VoteType {
    pub fn parse(text: &str) -> Option<VoteType> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "approval" => VoteType::Approval,
            "choose-1" => VoteType::Choose1,
            "cumulative" => VoteType::Cumulative,
            "scoring" => VoteType::Scoring,
            "ordinal" => VoteType::Ordinal,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::Choose1 => "choose-1",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
            VoteType::Ordinal => "ordinal",
        }
    }

    /// Ballots that carry points per project.
    pub fn has_points(self) -> bool {
        matches!(self, VoteType::Cumulative | VoteType::Scoring)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub id: String,
    pub cost: Q,
    /// Every column of the project's row, as written, in header order.
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Voter {
    pub id: String,
    /// (project index, points) in the order written; for ordinal ballots, best first and
    /// points are 1; for approval, points are 1.
    pub ballot: Vec<(usize, Q)>,
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Election {
    pub meta: Vec<(String, String)>,
    pub project_columns: Vec<String>,
    pub projects: Vec<Project>,
    pub vote_columns: Vec<String>,
    pub voters: Vec<Voter>,
    pub vote_type: VoteType,
    pub budget: Q,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

fn error(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

impl Election {
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a project column, if the file has it (e.g. "selected", "name").
    pub fn project_field<'a>(&'a self, project: &'a Project, column: &str) -> Option<&'a str> {
        let at = self.project_columns.iter().position(|c| c == column)?;
        project.fields.get(at).map(String::as_str)
    }

    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.projects.iter().position(|p| p.id == id)
    }
}

/// One CSV record: the line it starts on and its fields (trimmed, unquoted).
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ParseError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut record_line = 1;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut field_started = false;
    let finish_record = |fields: &mut Vec<String>,
                         field: &mut String,
                         out: &mut Vec<(usize, Vec<String>)>,
                         at: usize| {
        fields.push(std::mem::take(field).trim().to_string());
        let record = std::mem::take(fields);
        if !(record.len() == 1 && record[0].is_empty()) {
            out.push((at, record));
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started || field.trim().is_empty() => {
                field.clear();
                quoted = true;
                field_started = true;
            }
            ';' => {
                fields.push(std::mem::take(&mut field).trim().to_string());
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_record(&mut fields, &mut field, &mut out, record_line);
                field_started = false;
                line += 1;
                record_line = line;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if quoted {
        return Err(error(record_line, "a quoted field is never closed"));
    }
    if field_started || !fields.is_empty() {
        finish_record(&mut fields, &mut field, &mut out, record_line);
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Section {
    Meta,
    Projects,
    Votes,
}

fn section_of(first: &str) -> Option<Section> {
    match first.trim().to_ascii_lowercase().as_str() {
        "meta" => Some(Section::Meta),
        "projects" => Some(Section::Projects),
        "votes" => Some(Section::Votes),
        _ => None,
    }
}

/// Reads a `.pb` file's text (UTF-8, with or without BOM, LF or CRLF line ends).
pub fn parse(text: &str) -> Result<Election, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = records(text)?;
    let mut sections: HashMap<Section, (usize, Vec<String>, Vec<(usize, Vec<String>)>)> =
        HashMap::new();
    let mut current: Option<Section> = None;
    let mut iter = rows.into_iter();
    while let Some((line, row)) = iter.next() {
        if let Some(section) =
            section_of(&row[0]).filter(|_| row.iter().skip(1).all(String::is_empty))
        {
            if sections.contains_key(&section) {
                return Err(error(
                    line,
                    format!("section {} appears twice", row[0].trim()),
                ));
            }
            let (header_line, header) = iter.next().ok_or_else(|| {
                error(line, format!("section {} has no header row", row[0].trim()))
            })?;
            if section_of(&header[0]).is_some() {
                return Err(error(
                    header_line,
                    format!("section {} has no header row", row[0].trim()),
                ));
            }
            sections.insert(section, (header_line, header, Vec::new()));
            current = Some(section);
            continue;
        }
        match current {
            Some(section) => sections
                .get_mut(&section)
                .expect("section started")
                .2
                .push((line, row)),
            None => {
                return Err(error(
                    line,
                    "data before the first section (META, PROJECTS or VOTES)",
                ));
            }
        }
    }
    let take = |sections: &mut HashMap<_, _>, section: Section, name: &str| {
        sections
            .remove(&section)
            .ok_or_else(|| error(1, format!("section {name} is missing")))
    };
    let meta_section = take(&mut sections, Section::Meta, "META")?;
    let project_section = take(&mut sections, Section::Projects, "PROJECTS")?;
    let vote_section = take(&mut sections, Section::Votes, "VOTES")?;

    let meta = read_meta(meta_section)?;
    let find_meta = |key: &str| {
        meta.iter()
            .find(|(_, k, _)| k == key)
            .map(|(line, _, v)| (*line, v.as_str()))
    };
    let (budget_line, budget_text) =
        find_meta("budget").ok_or_else(|| error(1, "META has no budget"))?;
    let budget = Q::parse_decimal(budget_text)
        .filter(|b| !(&Q::zero() > b))
        .ok_or_else(|| {
            error(
                budget_line,
                format!("the budget {budget_text:?} is not a non-negative number"),
            )
        })?;
    let (type_line, type_text) =
        find_meta("vote_type").ok_or_else(|| error(1, "META has no vote_type"))?;
    let vote_type = VoteType::parse(type_text).ok_or_else(|| {
        error(type_line, format!("unknown vote_type {type_text:?} (approval, choose-1, cumulative, scoring or ordinal)"))
    })?;

    let (project_columns, projects) = read_projects(project_section)?;
    let limits = BallotLimits::from_meta(&meta)?;
    let (vote_columns, voters) = read_votes(vote_section, vote_type, &projects, &limits)?;

    let election = Election {
        meta: meta.into_iter().map(|(_, k, v)| (k, v)).collect(),
        project_columns,
        projects,
        vote_columns,
        voters,
        vote_type,
        budget,
    };
    Ok(election)
}

fn read_meta(
    (header_line, header, rows): (usize, Vec<String>, Vec<(usize, Vec<String>)>),
) -> Result<Vec<(usize, String, String)>, ParseError> {
    if header.len() < 2 {
        return Err(error(header_line, "the META header must be key;value"));
    }
    let mut seen = HashSet::new();
    let mut meta = Vec::new();
    for (line, row) in rows {
        if row.len() < 2 {
            return Err(error(line, "a META row needs a key and a value"));
        }
        if !seen.insert(row[0].clone()) {
            return Err(error(line, format!("META key {:?} appears twice", row[0])));
        }
        meta.push((line, row[0].clone(), row[1..].join(";")));
    }
    Ok(meta)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

fn read_projects(
    (header_line, header, rows): (usize, Vec<String>, Vec<(usize, Vec<String>)>),
) -> Result<(Vec<String>, Vec<Project>), ParseError> {
    let id_at = column(&header, &["project_id"]).unwrap_or(0);
    let cost_at = column(&header, &["cost"])
        .ok_or_else(|| error(header_line, "the PROJECTS header has no cost column"))?;
    let mut seen = HashSet::new();
    let mut projects = Vec::with_capacity(rows.len());
    for (line, mut row) in rows {
        if row.len() != header.len() {
            return Err(error(
                line,
                format!(
                    "this project row has {} fields but the header has {}",
                    row.len(),
                    header.len()
                ),
            ));
        }
        let id = row[id_at].clone();
        if id.is_empty() {
            return Err(error(line, "a project has an empty id"));
        }
        if !seen.insert(id.clone()) {
            return Err(error(line, format!("project {id:?} appears twice")));
        }
        let cost = Q::parse_decimal(&row[cost_at])
            .filter(|c| !(&Q::zero() > c))
            .ok_or_else(|| {
                error(
                    line,
                    format!(
                        "the cost of project {id:?} is not a non-negative number: {:?}",
                        row[cost_at]
                    ),
                )
            })?;
        row.shrink_to_fit();
        projects.push(Project {
            id,
            cost,
            fields: row,
        });
    }
    if projects.is_empty() {
        return Err(error(header_line, "there are no projects"));
    }
    Ok((header, projects))
}

/// Ballot rules from META that every vote must respect.
struct BallotLimits {
    max_length: Option<(usize, usize)>,
    max_points: Option<(usize, Q)>,
    max_sum_points: Option<(usize, Q)>,
}

impl BallotLimits {
    fn from_meta(meta: &[(usize, String, String)]) -> Result<BallotLimits, ParseError> {
        let get = |key: &str| {
            meta.iter()
                .find(|(_, k, _)| k == key)
                .map(|(l, _, v)| (*l, v.as_str()))
        };
        let number = |key: &str| -> Result<Option<(usize, Q)>, ParseError> {
            match get(key) {
                None => Ok(None),
                Some((line, text)) => Q::parse_decimal(text)
                    .map(|q| Some((line, q)))
                    .ok_or_else(|| error(line, format!("META {key} is not a number: {text:?}"))),
            }
        };
        let max_length = match number("max_length")? {
            Some((line, q)) if q.is_integer() && q.is_positive() => {
                Some((line, q.to_f64() as usize))
            }
            Some((line, _)) => {
                return Err(error(
                    line,
                    "META max_length must be a positive whole number",
                ));
            }
            None => None,
        };
        Ok(BallotLimits {
            max_length,
            max_points: number("max_points")?,
            max_sum_points: number("max_sum_points")?,
        })
    }
}

fn read_votes(
    (header_line, header, rows): (usize, Vec<String>, Vec<(usize, Vec<String>)>),
    vote_type: VoteType,
    projects: &[Project],
    limits: &BallotLimits,
) -> Result<(Vec<String>, Vec<Voter>), ParseError> {
    let id_at = column(&header, &["voter_id"]).unwrap_or(0);
    let vote_at = column(&header, &["vote"])
        .ok_or_else(|| error(header_line, "the VOTES header has no vote column"))?;
    let points_at = column(&header, &["points"]);
    if vote_type.has_points() && points_at.is_none() {
        return Err(error(
            header_line,
            format!("{} votes need a points column", vote_type.as_str()),
        ));
    }
    let index: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut seen = HashSet::with_capacity(rows.len());
    let mut voters = Vec::with_capacity(rows.len());
    for (line, mut row) in rows {
        if row.len() != header.len() {
            return Err(error(
                line,
                format!(
                    "this vote row has {} fields but the header has {}",
                    row.len(),
                    header.len()
                ),
            ));
        }
        let id = row[id_at].clone();
        if !seen.insert(id.clone()) {
            return Err(error(line, format!("voter {id:?} appears twice")));
        }
        let names: Vec<&str> = row[vote_at]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut ballot = Vec::with_capacity(names.len());
        let mut in_ballot = HashSet::with_capacity(names.len());
        for name in &names {
            let project = *index.get(name).ok_or_else(|| {
                error(
                    line,
                    format!("voter {id:?} votes for unknown project {name:?}"),
                )
            })?;
            if !in_ballot.insert(project) {
                return Err(error(
                    line,
                    format!("voter {id:?} lists project {name:?} twice"),
                ));
            }
            ballot.push((project, Q::one()));
        }
        if vote_type == VoteType::Choose1 && ballot.len() > 1 {
            return Err(error(
                line,
                format!(
                    "voter {id:?} chose {} projects in a choose-1 vote",
                    ballot.len()
                ),
            ));
        }
        if let Some((_, max)) = limits.max_length
            && ballot.len() > max
        {
            return Err(error(
                line,
                format!(
                    "voter {id:?} lists {} projects, more than max_length {max}",
                    ballot.len()
                ),
            ));
        }
        if vote_type.has_points() {
            read_points(
                &row,
                points_at.expect("checked above"),
                line,
                &id,
                &mut ballot,
                limits,
            )?;
        }
        row.shrink_to_fit();
        voters.push(Voter {
            id,
            ballot,
            fields: row,
        });
    }
    Ok((header, voters))
}

fn read_points(
    row: &[String],
    at: usize,
    line: usize,
    id: &str,
    ballot: &mut [(usize, Q)],
    limits: &BallotLimits,
) -> Result<(), ParseError> {
    let points: Vec<&str> = row[at]
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if points.len() != ballot.len() {
        return Err(error(
            line,
            format!(
                "voter {id:?} has {} projects but {} points",
                ballot.len(),
                points.len()
            ),
        ));
    }
    let mut total = Q::zero();
    for (entry, text) in ballot.iter_mut().zip(points) {
        let value = Q::parse_decimal(text)
            .filter(|p| !(&Q::zero() > p))
            .ok_or_else(|| {
                error(
                    line,
                    format!(
                        "voter {id:?} gives points that are not a non-negative number: {text:?}"
                    ),
                )
            })?;
        if let Some((_, max)) = &limits.max_points
            && &value > max
        {
            return Err(error(
                line,
                format!("voter {id:?} gives {value} points to one project, over max_points {max}"),
            ));
        }
        total = &total + &value;
        entry.1 = value;
    }
    if let Some((_, max)) = &limits.max_sum_points
        && &total > max
    {
        return Err(error(
            line,
            format!("voter {id:?} gives {total} points in all, over max_sum_points {max}"),
        ));
    }
    Ok(())
}

fn quote(field: &str) -> String {
    if field.contains([';', '"', '\n', '\r']) || field != field.trim() {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn write_row(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.push_str(&row.join(";"));
    out.push('\n');
}

/// Writes the election in the Pabulib format. Reading the output gives the same election.
pub fn write(election: &Election) -> String {
    let mut out = String::new();
    out.push_str("META\nkey;value\n");
    for (key, value) in &election.meta {
        let _ = writeln!(out, "{};{}", quote(key), quote(value));
    }
    out.push_str("PROJECTS\n");
    write_row(&mut out, &election.project_columns);
    for project in &election.projects {
        write_row(&mut out, &project.fields);
    }
    out.push_str("VOTES\n");
    write_row(&mut out, &election.vote_columns);
    for voter in &election.voters {
        write_row(&mut out, &voter.fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "META\nkey;value\ndescription;\"Test; with semicolon\"\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;60;\"Park \"\"green\"\"\"\n2;50;Bench\n3;40;Lights\nVOTES\nvoter_id;vote\nv1;1,2\nv2;2,3\nv3;3\n";

    #[test]
    fn reads_quotes_bom_and_crlf() {
        let text = format!("\u{feff}{}", SMALL.replace('\n', "\r\n"));
        let election = parse(&text).unwrap();
        assert_eq!(election.meta("description"), Some("Test; with semicolon"));
        assert_eq!(election.projects.len(), 3);
        assert_eq!(
            election.project_field(&election.projects[0], "name"),
            Some("Park \"green\"")
        );
        assert_eq!(
            election.voters[1]
                .ballot
                .iter()
                .map(|b| b.0)
                .collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(election.budget, Q::int(100));
    }

    #[test]
    fn writing_what_was_read_gives_the_same_election() {
        let election = parse(SMALL).unwrap();
        let again = parse(&write(&election)).unwrap();
        assert_eq!(election, again);
    }

    fn error_of(text: &str) -> ParseError {
        parse(text).expect_err("should be refused")
    }

    #[test]
    fn bad_files_are_refused_with_the_line_and_the_reason() {
        let unknown = error_of(&SMALL.replace("v3;3", "v3;9"));
        assert_eq!(unknown.line, 15);
        assert!(
            unknown.message.contains("unknown project \"9\""),
            "{unknown}"
        );
        let cost = error_of(&SMALL.replace("2;50;Bench", "2;fifty;Bench"));
        assert_eq!((cost.line, cost.message.contains("cost")), (9, true));
        let twice = error_of(&SMALL.replace("v2;2,3", "v1;2,3"));
        assert!(twice.message.contains("voter \"v1\" appears twice"));
        assert!(
            error_of(&SMALL.replace("VOTES\nvoter_id;vote\nv1;1,2\nv2;2,3\nv3;3\n", ""))
                .message
                .contains("VOTES is missing")
        );
        assert!(
            error_of(&SMALL.replace("budget;100\n", ""))
                .message
                .contains("no budget")
        );
        let fields = error_of(&SMALL.replace("3;40;Lights", "3;40"));
        assert_eq!(fields.line, 10);
        assert!(
            error_of("META\nkey;value\n\"open")
                .message
                .contains("never closed")
        );
        let dup = error_of(&SMALL.replace("v2;2,3", "v2;2,2"));
        assert!(dup.message.contains("twice"));
    }

    #[test]
    fn points_are_checked_against_the_limits() {
        let cumulative = "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;10\nPROJECTS\nproject_id;cost\na;50\nb;60\nVOTES\nvoter_id;vote;points\n1;a,b;4,6\n2;a;11\n";
        let over = error_of(cumulative);
        assert_eq!(over.line, 13);
        assert!(over.message.contains("over max_sum_points 10"), "{over}");
        let fixed = parse(&cumulative.replace("2;a;11", "2;a;3")).unwrap();
        assert_eq!(fixed.voters[0].ballot[1].1, Q::int(6));
        let mismatch = error_of(&cumulative.replace("2;a;11", "2;a,b;3"));
        assert!(mismatch.message.contains("2 projects but 1 points"));
    }
}
