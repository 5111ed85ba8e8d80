//! The Pabulib `.pb` format (pabulib.org/format): sections META, PROJECTS and VOTES, each a
//! header row then `;`-separated rows, with CSV quoting. Reading keeps every column, so
//! writing what was read gives an equivalent file. Errors name the line and what is wrong.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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

/// Every vote, stored in a few shared arrays rather than one allocation per voter (large
/// elections have 100,000+ voters): vote rows as written (spans of the file's text, which is
/// kept rather than copied), ids, ballots and points.
#[derive(Clone, Debug, Default)]
pub struct Voters {
    text: String,
    rows: Vec<(u32, u32)>,
    ids: String,
    id_ends: Vec<u32>,
    projects: Vec<u32>,
    ballot_ends: Vec<u32>,
    points: PointStore,
}

/// Points of cumulative and scoring ballots: whole numbers compactly, others exactly.
#[derive(Clone, Debug, PartialEq, Default)]
enum PointStore {
    #[default]
    None,
    Whole(Vec<u32>),
    Exact(Vec<Q>),
}

impl PointStore {
    fn push(&mut self, value: Q) {
        if let PointStore::None = self {
            *self = PointStore::Whole(Vec::new());
        }
        if let PointStore::Whole(whole) = self {
            match value.to_u32() {
                Some(v) => return whole.push(v),
                None => {
                    *self = PointStore::Exact(whole.iter().map(|&v| Q::int(v as i128)).collect())
                }
            }
        }
        if let PointStore::Exact(exact) = self {
            exact.push(value);
        }
    }
}

/// One voter, borrowed from [`Voters`].
#[derive(Clone, Copy, Debug)]
pub struct Voter<'a> {
    pub id: &'a str,
    /// Projects on the ballot (indexes into `projects`), in the order written; for ordinal
    /// ballots, best first.
    pub ballot: &'a [u32],
    /// The row as written, so the file can be written back unchanged.
    pub raw: &'a str,
    voters: &'a Voters,
    first: usize,
}

impl Voter<'_> {
    /// Points given to the `at`-th project of the ballot (cumulative and scoring ballots);
    /// 1 for other ballots.
    pub fn point(&self, at: usize) -> Q {
        match &self.voters.points {
            PointStore::None => Q::one(),
            PointStore::Whole(whole) => Q::int(whole[self.first + at] as i128),
            PointStore::Exact(exact) => exact[self.first + at].clone(),
        }
    }
}

impl Voters {
    /// Room for the votes in `bytes` of text, so the arrays are not copied as they grow.
    fn with_room_for(bytes: usize) -> Voters {
        // A vote row is at least four bytes ("1;2\n"): the guess never under-reserves text.
        let rows = bytes / 16;
        Voters {
            text: String::new(),
            rows: Vec::with_capacity(rows),
            ids: String::with_capacity(bytes / 4),
            id_ends: Vec::with_capacity(rows),
            projects: Vec::with_capacity(rows * 2),
            ballot_ends: Vec::with_capacity(rows),
            points: PointStore::None,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn span(ends: &[u32], i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        start..ends[i] as usize
    }

    pub fn get(&self, i: usize) -> Voter<'_> {
        let ballot = Self::span(&self.ballot_ends, i);
        Voter {
            id: &self.ids[Self::span(&self.id_ends, i)],
            ballot: &self.projects[ballot.clone()],
            raw: &self.text[self.rows[i].0 as usize..self.rows[i].1 as usize],
            voters: self,
            first: ballot.start,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Voter<'_>> {
        (0..self.len()).map(move |i| self.get(i))
    }

    /// Adds a voter whose row is `raw`, at byte `raw_at` of the text given later to
    /// [`Voters::keep_text`].
    fn push(&mut self, id: &str, ballot: &[u32], points: &[Q], raw: &str, raw_at: usize) {
        self.ids.push_str(id);
        self.id_ends.push(self.ids.len() as u32);
        self.projects.extend_from_slice(ballot);
        self.ballot_ends.push(self.projects.len() as u32);
        for value in points {
            self.points.push(value.clone());
        }
        self.rows.push((raw_at as u32, (raw_at + raw.len()) as u32));
    }
}

impl Voters {
    fn has_id(&self, id: &str) -> bool {
        (0..self.len()).any(|i| &self.ids[Self::span(&self.id_ends, i)] == id)
    }

    fn keep_text(&mut self, text: String) {
        self.text = text;
    }
}

/// Two sets of votes are equal when every voter's row, id, ballot and points are.
impl PartialEq for Voters {
    fn eq(&self, other: &Voters) -> bool {
        self.len() == other.len()
            && self.points == other.points
            && self.iter().zip(other.iter()).all(|(a, b)| {
                a.id == b.id && a.ballot == b.ballot && a.raw == b.raw && a.first == b.first
            })
    }
}

impl<'a> IntoIterator for &'a Voters {
    type Item = Voter<'a>;
    type IntoIter = Box<dyn Iterator<Item = Voter<'a>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[derive(Clone, Debug)]
pub struct Election {
    pub meta: Vec<(String, String)>,
    pub project_columns: Vec<String>,
    pub projects: Vec<Project>,
    pub vote_columns: Vec<String>,
    pub voters: Voters,
    pub vote_type: VoteType,
    pub budget: Q,
    /// What was read in a way the file may not have meant, in line order (empty for a clean
    /// file). Reading with [`ReadOptions::strict`] refuses such a file instead.
    pub warnings: Vec<Warning>,
}

/// Two elections are equal when their META, projects and votes are. Warnings are left out:
/// they describe the text an election was read from (their lines move when it is written
/// again without blank lines, say), not the election.
impl PartialEq for Election {
    fn eq(&self, other: &Election) -> bool {
        self.meta == other.meta
            && self.project_columns == other.project_columns
            && self.projects == other.projects
            && self.vote_columns == other.vote_columns
            && self.voters == other.voters
            && self.vote_type == other.vote_type
            && self.budget == other.budget
    }
}

/// How to read a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Refuse, at its line, anything that would otherwise be a [`Warning`].
    pub strict: bool,
}

/// Something a file says that is read, as pabutools reads it, rather than refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A vote row names a project it named already. pabutools keeps one entry per project
    /// (its ballots are sets and dictionaries), so the repetition is read as `kept` says.
    RepeatedProject {
        line: usize,
        voter: String,
        project: String,
        kept: Kept,
    },
    /// A META count (`num_projects`, `num_votes`) disagrees with the section it counts;
    /// the sections are what is counted.
    MetaDisagrees {
        line: usize,
        key: String,
        stated: String,
        found: usize,
    },
    /// META's budget cannot pay for even the cheapest project: every rule funds nothing
    /// (but a project that costs nothing), which is worth saying before anyone counts.
    BudgetBelowCheapest {
        line: usize,
        budget: String,
        project: String,
        cost: String,
    },
}

/// What stands of a project named twice on one ballot (pabutools' reading, per ballot type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Approval and choose-1: the project is on the ballot once.
    Once,
    /// Ordinal: the project keeps the place where it was first named.
    FirstPlace,
    /// Cumulative and scoring: the project keeps its first place on the ballot, with the
    /// points given last (these points).
    LastPoints(Q),
}

impl Warning {
    pub fn line(&self) -> usize {
        match self {
            Warning::RepeatedProject { line, .. }
            | Warning::MetaDisagrees { line, .. }
            | Warning::BudgetBelowCheapest { line, .. } => *line,
        }
    }

    /// What is wrong, without how it was read: the error `strict` reading gives.
    pub fn problem(&self) -> String {
        match self {
            Warning::RepeatedProject { voter, project, .. } => {
                format!("voter {voter:?} lists project {project:?} twice")
            }
            Warning::MetaDisagrees {
                key, stated, found, ..
            } => {
                let counted = if key == "num_projects" {
                    "projects in PROJECTS"
                } else {
                    "voters in VOTES"
                };
                format!("META {key} is {stated:?} but there are {found} {counted}")
            }
            Warning::BudgetBelowCheapest {
                budget,
                project,
                cost,
                ..
            } => format!(
                "the budget {budget} is below the cheapest project's cost ({project}: {cost})"
            ),
        }
    }

    /// How the file was read despite the problem.
    pub fn resolution(&self) -> String {
        match self {
            Warning::RepeatedProject { kept, .. } => match kept {
                Kept::Once => "counted once".to_string(),
                Kept::FirstPlace => "kept at its first place".to_string(),
                // Points are written as decimals, so their expansion ends.
                Kept::LastPoints(points) => {
                    format!("the last points given ({}) count", points.to_decimal(12))
                }
            },
            Warning::MetaDisagrees { .. } => "the sections are counted as they are".to_string(),
            Warning::BudgetBelowCheapest { .. } => "no project can be funded".to_string(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {}; {}",
            self.line(),
            self.problem(),
            self.resolution()
        )
    }
}

/// Warnings as they are found: kept, or with `strict` the first one refused at its line.
struct Warnings {
    strict: bool,
    found: Vec<Warning>,
}

impl Warnings {
    fn add(&mut self, warning: Warning) -> Result<(), ParseError> {
        if self.strict {
            return Err(error(warning.line(), warning.problem()));
        }
        self.found.push(warning);
        Ok(())
    }
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

/// Reads `;`-separated records one at a time, borrowing fields from the text when a row has
/// no quotes (nearly always) and unquoting them otherwise (a quoted field may span lines).
struct Reader<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    /// Where the next quote is (or the end of the text), found once per quote rather than
    /// searched for on every line.
    next_quote: usize,
}

/// A record: its first line number and its text as written. The fields of a row without
/// quotes are split from the text when asked for (vote rows are read once and most of their
/// fields are not needed); a row with quotes is unquoted as it is read.
struct Record<'a> {
    line: usize,
    raw: &'a str,
    /// Where `raw` starts in the text.
    at: usize,
    unquoted: Option<Vec<String>>,
}

impl Record<'_> {
    /// The fields, trimmed.
    fn fields(&self) -> impl Iterator<Item = &str> {
        let (unquoted, plain) = match &self.unquoted {
            Some(fields) => (Some(fields.iter().map(String::as_str)), None),
            None => (None, Some(split_ascii(self.raw, b';').map(trim))),
        };
        unquoted
            .into_iter()
            .flatten()
            .chain(plain.into_iter().flatten())
    }

    /// Calls `each` with every field and its position; without the chained iterator of
    /// [`Record::fields`], which costs on vote rows.
    /// Calls `each` with the fields before position `needed` and returns how many fields
    /// there are; the fields after are counted, not split, as vote rows only need their
    /// first few.
    fn first_fields<'r>(&'r self, needed: usize, mut each: impl FnMut(usize, &'r str)) -> usize {
        match &self.unquoted {
            Some(fields) => {
                fields
                    .iter()
                    .take(needed)
                    .enumerate()
                    .for_each(|(at, f)| each(at, f));
                fields.len()
            }
            None => {
                for (at, field) in split_ascii(self.raw, b';').take(needed).enumerate() {
                    each(at, trim(field));
                }
                // A plain sum, which the compiler vectorises.
                1 + self
                    .raw
                    .bytes()
                    .map(|b| usize::from(b == b';'))
                    .sum::<usize>()
            }
        }
    }

    fn field_list(&self) -> Vec<&str> {
        self.fields().collect()
    }

    fn is_blank(&self) -> bool {
        if self.unquoted.is_none() {
            return self.raw.trim().is_empty();
        }
        let mut fields = self.fields();
        fields.next().is_some_and(str::is_empty) && fields.next().is_none()
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            line: 0,
            next_quote: memchr::memchr(b'"', text.as_bytes()).unwrap_or(text.len()),
        }
    }

    /// How many bytes of text are left to read.
    fn remaining(&self) -> usize {
        self.text.len().saturating_sub(self.at)
    }

    /// The next non-empty record.
    fn next(&mut self) -> Result<Option<Record<'a>>, ParseError> {
        while self.at < self.text.len() {
            let start = self.at;
            let rest = &self.text[start..];
            if self.next_quote < start {
                self.next_quote =
                    memchr::memchr(b'"', rest.as_bytes()).map_or(self.text.len(), |i| start + i);
            }
            let end_of_line = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
            self.line += 1;
            let record = if self.next_quote < start + end_of_line {
                self.quoted(start)?
            } else {
                let line_text = &rest[..end_of_line];
                self.at = start + end_of_line + 1;
                let raw = line_text.trim_end_matches('\r');
                Record {
                    line: self.line,
                    raw,
                    at: start,
                    unquoted: None,
                }
            };
            if !record.is_blank() {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }

    /// A record with quotes, from `start`; leaves `self.at` after it.
    fn quoted(&mut self, start: usize) -> Result<Record<'a>, ParseError> {
        let first_line = self.line;
        let bytes = self.text.as_bytes();
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut started = false;
        let mut i = start;
        loop {
            if i >= bytes.len() {
                if in_quotes {
                    return Err(error(first_line, "a quoted field is never closed"));
                }
                break;
            }
            let c = bytes[i];
            if in_quotes {
                match c {
                    b'"' if bytes.get(i + 1) == Some(&b'"') => {
                        field.push('"');
                        i += 2;
                        continue;
                    }
                    b'"' => in_quotes = false,
                    b'\n' => {
                        self.line += 1;
                        field.push('\n');
                    }
                    _ => {
                        // Copy the whole UTF-8 character.
                        let ch = self.text[i..].chars().next().expect("inside the text");
                        field.push(ch);
                        i += ch.len_utf8();
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            match c {
                b'"' if !started || field.trim().is_empty() => {
                    field.clear();
                    in_quotes = true;
                    started = true;
                }
                b';' => {
                    fields.push(std::mem::take(&mut field).trim().to_string());
                    started = false;
                }
                b'\n' => break,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {}
                _ => {
                    let ch = self.text[i..].chars().next().expect("inside the text");
                    field.push(ch);
                    started = true;
                    i += ch.len_utf8();
                    continue;
                }
            }
            i += 1;
        }
        fields.push(field.trim().to_string());
        let raw = self.text[start..i].trim_end_matches('\r');
        self.at = i + 1;
        Ok(Record {
            line: first_line,
            raw,
            at: start,
            unquoted: Some(fields),
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Section {
    Meta,
    Projects,
    Votes,
}

/// `text` split at an ASCII separator (a byte loop: fields are short, so it beats a vector
/// search, and rows are read by the hundred thousand).
fn split_ascii(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let from = start;
        let mut end = from;
        while end < bytes.len() && bytes[end] != separator {
            end += 1;
        }
        done = end == bytes.len();
        start = end + 1;
        Some(&text[from..end])
    })
}

/// `str::trim`, without the Unicode tables when the ends are plain ASCII (nearly always).
fn trim(field: &str) -> &str {
    match (field.as_bytes().first(), field.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => field,
        _ => field.trim(),
    }
}

/// The section a record starts, if it is a section line ("META", "PROJECTS", "VOTES").
fn section_of(record: &Record<'_>) -> Option<Section> {
    let name = match &record.unquoted {
        Some(fields) => fields.first().map_or("", String::as_str),
        None => trim(split_ascii(record.raw, b';').next().unwrap_or_default()),
    };
    let section = [
        ("meta", Section::Meta),
        ("projects", Section::Projects),
        ("votes", Section::Votes),
    ]
    .into_iter()
    .find(|(word, _)| name.eq_ignore_ascii_case(word))
    .map(|(_, section)| section)?;
    record
        .fields()
        .skip(1)
        .all(str::is_empty)
        .then_some(section)
}

fn section_name(section: Section) -> &'static str {
    match section {
        Section::Meta => "META",
        Section::Projects => "PROJECTS",
        Section::Votes => "VOTES",
    }
}

/// Reads a `.pb` file's text (UTF-8, with or without BOM, LF or CRLF line ends). The
/// sections come in the format's order: META, PROJECTS, VOTES. What pabutools reads without
/// complaint but the file may not mean (a project twice on a ballot, META counts that
/// disagree with the sections) is read as pabutools reads it and listed in
/// [`Election::warnings`].
pub fn parse(text: &str) -> Result<Election, ParseError> {
    parse_owned(text.to_string())
}

/// [`parse`], keeping `text` in the election (the vote rows are kept as written) rather than
/// a copy of it.
pub fn parse_owned(text: String) -> Result<Election, ParseError> {
    parse_owned_with(text, ReadOptions::default())
}

/// [`parse_owned`] with options: `strict` refuses what would be a warning.
pub fn parse_owned_with(mut text: String, options: ReadOptions) -> Result<Election, ParseError> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let mut warnings = Warnings {
        strict: options.strict,
        found: Vec::new(),
    };
    let mut election = parse_text(&text, &mut warnings)?;
    warnings.found.sort_by_key(Warning::line);
    election.warnings = warnings.found;
    election.voters.keep_text(text);
    Ok(election)
}

/// Warns about META's counts that disagree with the sections (pabutools ignores them).
fn check_meta_counts(
    meta: &[(usize, String, String)],
    projects: usize,
    voters: usize,
    warnings: &mut Warnings,
) -> Result<(), ParseError> {
    for (key, found) in [("num_projects", projects), ("num_votes", voters)] {
        let Some((line, _, stated)) = meta.iter().find(|(_, k, _)| k == key) else {
            continue;
        };
        if stated.trim().parse::<usize>().ok() != Some(found) {
            warnings.add(Warning::MetaDisagrees {
                line: *line,
                key: key.to_string(),
                stated: stated.clone(),
                found,
            })?;
        }
    }
    Ok(())
}

/// Warns when the budget is below every project's cost (and some project costs something).
fn check_budget(
    meta: &[(usize, String, String)],
    budget: &Q,
    projects: &[Project],
    warnings: &mut Warnings,
) -> Result<(), ParseError> {
    let Some(cheapest) = projects.iter().min_by(|a, b| a.cost.cmp(&b.cost)) else {
        return Ok(());
    };
    if &cheapest.cost <= budget {
        return Ok(());
    }
    let (line, _, stated) = meta
        .iter()
        .find(|(_, k, _)| k == "budget")
        .expect("a budget was read from META");
    warnings.add(Warning::BudgetBelowCheapest {
        line: *line,
        budget: stated.trim().to_string(),
        project: cheapest.id.clone(),
        cost: cheapest.cost.to_decimal(2),
    })
}

fn parse_text(text: &str, warnings: &mut Warnings) -> Result<Election, ParseError> {
    let mut reader = Reader::new(text);
    let mut meta: Vec<(usize, String, String)> = Vec::new();
    let mut projects: Option<(Vec<String>, Vec<Project>)> = None;
    let mut votes: Option<(Vec<String>, Voters)> = None;
    let mut pending = reader.next()?;
    let mut last = None;
    while let Some(record) = pending.take() {
        let section = section_of(&record).ok_or_else(|| {
            error(
                record.line,
                "expected a section line (META, PROJECTS or VOTES)",
            )
        })?;
        if last.is_some_and(|l| l >= section) {
            return Err(error(
                record.line,
                format!(
                    "section {} is out of order or repeated (the order is META, PROJECTS, VOTES)",
                    section_name(section)
                ),
            ));
        }
        last = Some(section);
        let header = match reader.next()? {
            Some(h) if section_of(&h).is_none() => h,
            _ => {
                return Err(error(
                    record.line,
                    format!("section {} has no header row", section_name(section)),
                ));
            }
        };
        let header_line = header.line;
        let header: Vec<String> = header.fields().map(str::to_string).collect();
        match section {
            Section::Meta => {
                pending = read_meta(&mut reader, header_line, &header, &mut meta)?;
            }
            Section::Projects => {
                let (list, next) = read_projects(&mut reader, header_line, &header)?;
                projects = Some((header, list));
                pending = next;
            }
            Section::Votes => {
                let Some((_, project_list)) = &projects else {
                    return Err(error(
                        record.line,
                        "section PROJECTS must come before VOTES",
                    ));
                };
                let context = VoteContext::new(&meta, project_list)?;
                let (list, next) =
                    read_votes(&mut reader, header_line, &header, &context, warnings)?;
                votes = Some((header, list));
                pending = next;
            }
        }
    }
    if last.is_none() {
        return Err(error(1, "section META is missing"));
    }
    let (project_columns, projects) =
        projects.ok_or_else(|| error(reader.line.max(1), "section PROJECTS is missing"))?;
    let (vote_columns, voters) =
        votes.ok_or_else(|| error(reader.line.max(1), "section VOTES is missing"))?;
    let (vote_type, budget) = {
        let context = VoteContext::new(&meta, &projects)?;
        (context.vote_type, context.budget)
    };
    check_meta_counts(&meta, projects.len(), voters.len(), warnings)?;
    check_budget(&meta, &budget, &projects, warnings)?;
    Ok(Election {
        meta: meta.into_iter().map(|(_, k, v)| (k, v)).collect(),
        project_columns,
        projects,
        vote_columns,
        voters,
        vote_type,
        budget,
        warnings: Vec::new(),
    })
}

fn read_meta<'a>(
    reader: &mut Reader<'a>,
    header_line: usize,
    header: &[String],
    meta: &mut Vec<(usize, String, String)>,
) -> Result<Option<Record<'a>>, ParseError> {
    if header.len() < 2 {
        return Err(error(header_line, "the META header must be key;value"));
    }
    while let Some(record) = reader.next()? {
        if section_of(&record).is_some() {
            return Ok(Some(record));
        }
        let fields = record.field_list();
        if fields.len() < 2 {
            return Err(error(record.line, "a META row needs a key and a value"));
        }
        let key = fields[0].to_string();
        if meta.iter().any(|(_, k, _)| *k == key) {
            return Err(error(
                record.line,
                format!("META key {key:?} appears twice"),
            ));
        }
        let value = fields[1..].join(";");
        meta.push((record.line, key, value));
    }
    Ok(None)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

fn read_projects<'a>(
    reader: &mut Reader<'a>,
    header_line: usize,
    header: &[String],
) -> Result<(Vec<Project>, Option<Record<'a>>), ParseError> {
    let id_at = column(header, &["project_id"]).unwrap_or(0);
    let cost_at = column(header, &["cost"])
        .ok_or_else(|| error(header_line, "the PROJECTS header has no cost column"))?;
    let mut seen = HashSet::default();
    let mut projects = Vec::new();
    let mut next = None;
    while let Some(record) = reader.next()? {
        if section_of(&record).is_some() {
            next = Some(record);
            break;
        }
        let row = record.field_list();
        let line = record.line;
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
        let id = row[id_at].to_string();
        if id.is_empty() {
            return Err(error(line, "a project has an empty id"));
        }
        if !seen.insert(id.clone()) {
            return Err(error(line, format!("project {id:?} appears twice")));
        }
        let cost = Q::parse_decimal(row[cost_at])
            .filter(|c| c >= &Q::zero())
            .ok_or_else(|| {
                error(
                    line,
                    format!(
                        "the cost of project {id:?} is not a non-negative number: {:?}",
                        row[cost_at]
                    ),
                )
            })?;
        projects.push(Project {
            id,
            cost,
            fields: row.iter().map(|f| f.to_string()).collect(),
        });
    }
    if projects.is_empty() {
        return Err(error(header_line, "there are no projects"));
    }
    Ok((projects, next))
}

/// What every vote is checked against: META's rules and the projects.
struct VoteContext<'p> {
    vote_type: VoteType,
    budget: Q,
    max_length: Option<usize>,
    max_points: Option<Q>,
    max_sum_points: Option<Q>,
    index: HashMap<&'p str, u32>,
    /// Project ids by index, to name a project in a warning.
    ids: Vec<&'p str>,
}

impl<'p> VoteContext<'p> {
    fn new(
        meta: &[(usize, String, String)],
        projects: &'p [Project],
    ) -> Result<VoteContext<'p>, ParseError> {
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
        let (budget_line, budget_text) =
            get("budget").ok_or_else(|| error(1, "META has no budget"))?;
        let budget = Q::parse_decimal(budget_text)
            .filter(|b| b >= &Q::zero())
            .ok_or_else(|| {
                error(
                    budget_line,
                    format!("the budget {budget_text:?} is not a non-negative number"),
                )
            })?;
        let (type_line, type_text) =
            get("vote_type").ok_or_else(|| error(1, "META has no vote_type"))?;
        let vote_type = VoteType::parse(type_text).ok_or_else(|| {
            error(type_line, format!("unknown vote_type {type_text:?} (approval, choose-1, cumulative, scoring or ordinal)"))
        })?;
        let max_length = match number("max_length")? {
            Some((_, q)) if q.is_integer() && q.is_positive() => Some(q.to_f64() as usize),
            Some((line, _)) => {
                return Err(error(
                    line,
                    "META max_length must be a positive whole number",
                ));
            }
            None => None,
        };
        Ok(VoteContext {
            vote_type,
            budget,
            max_length,
            max_points: number("max_points")?.map(|(_, q)| q),
            max_sum_points: number("max_sum_points")?.map(|(_, q)| q),
            index: projects
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i as u32))
                .collect(),
            ids: projects.iter().map(|p| p.id.as_str()).collect(),
        })
    }
}

fn read_votes<'a>(
    reader: &mut Reader<'a>,
    header_line: usize,
    header: &[String],
    context: &VoteContext<'_>,
    warnings: &mut Warnings,
) -> Result<(Voters, Option<Record<'a>>), ParseError> {
    let id_at = column(header, &["voter_id"]).unwrap_or(0);
    let vote_at = column(header, &["vote"])
        .ok_or_else(|| error(header_line, "the VOTES header has no vote column"))?;
    let points_at = column(header, &["points"]);
    if context.vote_type.has_points() && points_at.is_none() {
        return Err(error(
            header_line,
            format!("{} votes need a points column", context.vote_type.as_str()),
        ));
    }
    // Hashes of the ids seen; a repeated hash is confirmed against the ids themselves, so the
    // ids need not be copied into a set (large elections have 100,000+ voters).
    let needed = 1 + id_at.max(vote_at).max(points_at.unwrap_or(0));
    // Room for a typical row length (40 bytes), so the set is rarely rebuilt as it grows.
    let mut seen: HashSet<u64> =
        HashSet::with_capacity_and_hasher(reader.remaining() / 40, Default::default());
    let mut voters = Voters::with_room_for(reader.remaining());
    let mut ballot = Ballot::default();
    while let Some(record) = reader.next()? {
        if section_of(&record).is_some() {
            return Ok((voters, Some(record)));
        }
        let line = record.line;
        // One pass over the fields, keeping the three that count.
        let (mut id, mut vote, mut given) = ("", "", "");
        let count = record.first_fields(needed, |at, field| {
            if at == id_at {
                id = field;
            }
            if at == vote_at {
                vote = field;
            }
            if Some(at) == points_at {
                given = field;
            }
        });
        if count != header.len() {
            return Err(error(
                line,
                format!(
                    "this vote row has {count} fields but the header has {}",
                    header.len()
                ),
            ));
        }
        if !seen.insert(hash_of(id)) && voters.has_id(id) {
            return Err(error(line, format!("voter {id:?} appears twice")));
        }
        ballot.read_projects(vote, line, id, context)?;
        if points_at.is_some() && context.vote_type.has_points() {
            ballot.read_points(given, line, id)?;
        }
        ballot.warn_of_repeats(line, id, context, warnings)?;
        ballot.check_limits(line, id, context)?;
        voters.push(id, &ballot.projects, &ballot.points, record.raw, record.at);
    }
    Ok((voters, None))
}

/// One vote row's ballot as it is read: the projects as named (repeats included), then the
/// ballot as counted, one entry per project, as pabutools reads it: the place where a
/// project was first named, with the points given last. Kept between rows so its vectors
/// are allocated once.
#[derive(Default)]
struct Ballot {
    /// Each project as named, in order.
    named: Vec<u32>,
    /// For each name, the ballot entry it counts for.
    entry_of_name: Vec<u32>,
    /// Names after the first of the same project: (name index, entry).
    repeats: Vec<(usize, u32)>,
    /// The ballot as counted.
    projects: Vec<u32>,
    /// Points per entry (cumulative and scoring ballots), else empty.
    points: Vec<Q>,
}

impl Ballot {
    fn read_projects(
        &mut self,
        vote: &str,
        line: usize,
        id: &str,
        context: &VoteContext<'_>,
    ) -> Result<(), ParseError> {
        self.named.clear();
        self.entry_of_name.clear();
        self.repeats.clear();
        self.projects.clear();
        self.points.clear();
        for name in split_ascii(vote, b',').map(trim).filter(|s| !s.is_empty()) {
            let project = *context.index.get(name).ok_or_else(|| {
                error(
                    line,
                    format!("voter {id:?} votes for unknown project {name:?}"),
                )
            })?;
            // Ballots are short: a scan is faster than a set.
            let entry = match self.projects.iter().position(|&p| p == project) {
                Some(first) => {
                    self.repeats.push((self.named.len(), first as u32));
                    first as u32
                }
                None => {
                    self.projects.push(project);
                    (self.projects.len() - 1) as u32
                }
            };
            self.named.push(project);
            self.entry_of_name.push(entry);
        }
        Ok(())
    }

    /// Reads one value per project named; a later value for the same project replaces an
    /// earlier one.
    fn read_points(&mut self, text: &str, line: usize, id: &str) -> Result<(), ParseError> {
        self.points.resize(self.projects.len(), Q::zero());
        let mut read = 0;
        for text in split_ascii(text, b',').map(trim).filter(|s| !s.is_empty()) {
            let value = Q::parse_decimal(text)
                .filter(|p| p >= &Q::zero())
                .ok_or_else(|| {
                    error(
                        line,
                        format!(
                            "voter {id:?} gives points that are not a non-negative number: {text:?}"
                        ),
                    )
                })?;
            if let Some(&entry) = self.entry_of_name.get(read) {
                self.points[entry as usize] = value;
            }
            read += 1;
        }
        if read != self.named.len() {
            return Err(error(
                line,
                format!(
                    "voter {id:?} has {} projects but {read} points",
                    self.named.len()
                ),
            ));
        }
        Ok(())
    }

    fn warn_of_repeats(
        &self,
        line: usize,
        id: &str,
        context: &VoteContext<'_>,
        warnings: &mut Warnings,
    ) -> Result<(), ParseError> {
        for &(name, entry) in &self.repeats {
            let kept = match context.vote_type {
                VoteType::Approval | VoteType::Choose1 => Kept::Once,
                VoteType::Ordinal => Kept::FirstPlace,
                VoteType::Cumulative | VoteType::Scoring => {
                    Kept::LastPoints(self.points[entry as usize].clone())
                }
            };
            warnings.add(Warning::RepeatedProject {
                line,
                voter: id.to_string(),
                project: context.ids[self.named[name] as usize].to_string(),
                kept,
            })?;
        }
        Ok(())
    }

    /// META's limits, on the ballot as counted.
    fn check_limits(
        &self,
        line: usize,
        id: &str,
        context: &VoteContext<'_>,
    ) -> Result<(), ParseError> {
        let length = self.projects.len();
        if context.vote_type == VoteType::Choose1 && length > 1 {
            return Err(error(
                line,
                format!("voter {id:?} chose {length} projects in a choose-1 vote"),
            ));
        }
        if let Some(max) = context.max_length
            && length > max
        {
            return Err(error(
                line,
                format!("voter {id:?} lists {length} projects, more than max_length {max}"),
            ));
        }
        if let Some(max) = &context.max_points
            && let Some(value) = self.points.iter().find(|&value| value > max)
        {
            return Err(error(
                line,
                format!("voter {id:?} gives {value} points to one project, over max_points {max}"),
            ));
        }
        if let Some(max) = &context.max_sum_points {
            let total = self
                .points
                .iter()
                .fold(Q::zero(), |sum, value| &sum + value);
            if &total > max {
                return Err(error(
                    line,
                    format!("voter {id:?} gives {total} points in all, over max_sum_points {max}"),
                ));
            }
        }
        Ok(())
    }
}

fn hash_of(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
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
        out.push_str(voter.raw);
        out.push('\n');
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
        assert_eq!(election.voters.get(1).ballot, [1, 2]);
        assert_eq!(election.budget, Q::int(100));
    }

    #[test]
    fn writing_what_was_read_gives_the_same_election() {
        let election = parse(SMALL).unwrap();
        let again = parse(&write(&election)).unwrap();
        assert_eq!(election, again);
        // Found by fuzzing: a stray carriage return before the line end.
        let stray = parse(&SMALL.replace("v3;3\n", "v3;3\r\r\n")).unwrap();
        assert_eq!(stray, parse(&write(&stray)).unwrap());
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
    }

    fn strict(text: &str) -> Result<Election, ParseError> {
        parse_owned_with(text.to_string(), ReadOptions { strict: true })
    }

    #[test]
    fn a_repeated_approval_is_counted_once_with_a_warning_or_refused_when_strict() {
        let text = SMALL.replace("v2;2,3", "v2;2,3,2,2");
        let election = parse(&text).unwrap();
        assert_eq!(election.voters.get(1).ballot, [1, 2]);
        let lines: Vec<usize> = election.warnings.iter().map(Warning::line).collect();
        assert_eq!(lines, [14, 14], "one warning per repetition");
        assert_eq!(
            election.warnings[0].to_string(),
            "line 14: voter \"v2\" lists project \"2\" twice; counted once"
        );
        let refused = strict(&text).unwrap_err();
        assert_eq!(refused.line, 14);
        assert_eq!(refused.message, "voter \"v2\" lists project \"2\" twice");
        assert!(strict(SMALL).unwrap().warnings.is_empty());
    }

    #[test]
    fn an_election_written_back_is_equal_though_its_warnings_moved() {
        let text = SMALL
            .replace("VOTES\n", "VOTES\n\n")
            .replace("v2;2,3", "v2;2,3,2");
        let election = parse(&text).unwrap();
        let again = parse(&write(&election)).unwrap();
        assert_eq!(election, again);
        assert_eq!(
            (election.warnings[0].line(), again.warnings[0].line()),
            (15, 14)
        );
    }

    #[test]
    fn a_choose_1_ballot_naming_one_project_twice_is_one_choice() {
        let text = SMALL
            .replace("vote_type;approval", "vote_type;choose-1")
            .replace("v1;1,2", "v1;1,1")
            .replace("v2;2,3", "v2;2");
        let election = parse(&text).unwrap();
        assert_eq!(election.voters.get(0).ballot, [0]);
        assert_eq!(election.warnings.len(), 1);
        // Two different projects are still refused.
        assert!(
            error_of(&text.replace("v1;1,1", "v1;1,2"))
                .message
                .contains("choose-1")
        );
    }

    #[test]
    fn a_repeated_ranking_keeps_its_first_place() {
        let text = SMALL
            .replace("vote_type;approval", "vote_type;ordinal")
            .replace("v1;1,2", "v1;2,1,2,3");
        let election = parse(&text).unwrap();
        assert_eq!(election.voters.get(0).ballot, [1, 0, 2]);
        assert_eq!(
            election.warnings[0],
            Warning::RepeatedProject {
                line: 13,
                voter: "v1".into(),
                project: "2".into(),
                kept: Kept::FirstPlace
            }
        );
    }

    #[test]
    fn repeated_points_keep_the_first_place_and_the_last_points() {
        let cumulative = "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;10\nPROJECTS\nproject_id;cost\na;50\nb;60\nVOTES\nvoter_id;vote;points\n1;a,b,a;4,6,1\n";
        let election = parse(cumulative).unwrap();
        let voter = election.voters.get(0);
        assert_eq!(voter.ballot, [0, 1]);
        assert_eq!((voter.point(0), voter.point(1)), (Q::int(1), Q::int(6)));
        assert_eq!(
            election.warnings[0].resolution(),
            "the last points given (1) count"
        );
        let decimal = parse(&cumulative.replace("4,6,1", "4,6,2.5")).unwrap();
        assert_eq!(
            decimal.warnings[0].resolution(),
            "the last points given (2.5) count"
        );
        // Limits apply to the ballot as counted: 1 + 6 is within 10, 9 + 6 is not.
        let over = error_of(&cumulative.replace("4,6,1", "4,6,9"));
        assert!(over.message.contains("15 points in all"), "{over}");
        // Points still pair with the projects as written.
        let short = error_of(&cumulative.replace("4,6,1", "4,6"));
        assert!(short.message.contains("3 projects but 2 points"), "{short}");
    }

    #[test]
    fn a_budget_below_the_cheapest_project_is_a_warning() {
        let text = SMALL.replace("budget;100", "budget;39.5");
        let election = parse(&text).unwrap();
        assert_eq!(
            election.warnings,
            [Warning::BudgetBelowCheapest {
                line: 4,
                budget: "39.5".into(),
                project: "3".into(),
                cost: "40".into(),
            }]
        );
        assert_eq!(
            election.warnings[0].to_string(),
            "line 4: the budget 39.5 is below the cheapest project's cost (3: 40); no project can be funded"
        );
        assert_eq!(strict(&text).unwrap_err().line, 4);
        assert!(
            parse(&SMALL.replace("budget;100", "budget;40"))
                .unwrap()
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn meta_counts_that_disagree_with_the_sections_are_warnings() {
        let text = SMALL.replace("budget;100", "num_projects;4\nnum_votes;3\nbudget;100");
        let election = parse(&text).unwrap();
        assert_eq!(election.warnings.len(), 1);
        assert_eq!(
            election.warnings[0].to_string(),
            "line 4: META num_projects is \"4\" but there are 3 projects in PROJECTS; \
             the sections are counted as they are"
        );
        assert_eq!(strict(&text).unwrap_err().line, 4);
        let votes = parse(
            &text
                .replace("num_projects;4", "num_projects;3")
                .replace("num_votes;3", "num_votes;many"),
        )
        .unwrap();
        assert_eq!(votes.warnings[0].line(), 5);
        assert!(votes.warnings[0].problem().contains("3 voters in VOTES"));
    }

    #[test]
    fn points_are_checked_against_the_limits() {
        let cumulative = "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;10\nPROJECTS\nproject_id;cost\na;50\nb;60\nVOTES\nvoter_id;vote;points\n1;a,b;4,6\n2;a;11\n";
        let over = error_of(cumulative);
        assert_eq!(over.line, 13);
        assert!(over.message.contains("over max_sum_points 10"), "{over}");
        let fixed = parse(&cumulative.replace("2;a;11", "2;a;3")).unwrap();
        assert_eq!(fixed.voters.get(0).point(1), Q::int(6));
        let mismatch = error_of(&cumulative.replace("2;a;11", "2;a,b;3"));
        assert!(mismatch.message.contains("2 projects but 1 points"));
    }
}
