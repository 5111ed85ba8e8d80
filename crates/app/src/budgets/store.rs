//! All SQL about participatory budgets: processes and phases, projects, supports, comments,
//! the review, voting (who voted apart from what was voted), codes, paper batches, results
//! and implementation updates.
//!
//! Ballot secrecy: `pb_voters` records who voted and `pb_ballots` what was voted; no
//! statement here reads both tables, and a ballot row carries no user, no time and a random key.
//! A ballot is written sealed beside its voter record (`pb_sealed_ballots`) and reaches
//! `pb_ballots` only in a shuffled batch of at least [`seal::BATCH`] (see [`cast`]).

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::ballot::{Ballot, BallotFormat, BallotRules};
use super::seal::{self, BallotSeal, Unsealed};
use crate::audit::{Action, Entry, Item};
use crate::db::{Db, is_unique_violation, new_id, now_ms};
use crate::mail::{self, Email};

/// The job that counts a process once voting has closed (or once it is imported).
pub const COUNT_JOB: &str = "pb_count";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Ideas,
    Review,
    Voting,
    Results,
    Implementation,
}

pub const ALL_PHASES: [Phase; 5] = [
    Phase::Ideas,
    Phase::Review,
    Phase::Voting,
    Phase::Results,
    Phase::Implementation,
];

impl Phase {
    pub fn parse(value: &str) -> Option<Phase> {
        ALL_PHASES.into_iter().find(|p| p.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Ideas => "ideas",
            Phase::Review => "review",
            Phase::Voting => "voting",
            Phase::Results => "results",
            Phase::Implementation => "implementation",
        }
    }

    pub fn label_key(self) -> String {
        format!("pb-phase-{}", self.as_str())
    }

    pub fn next(self) -> Option<Phase> {
        ALL_PHASES
            .iter()
            .position(|p| *p == self)
            .and_then(|i| ALL_PHASES.get(i + 1).copied())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eligibility {
    /// Anyone who says they live in the area (or an area inside it).
    Residents,
    /// Residents of the area whom an official has verified.
    Verified,
    /// Holders of an invitation code (closed or paper-based processes).
    Codes,
}

impl Eligibility {
    pub fn parse(value: &str) -> Option<Eligibility> {
        [Self::Residents, Self::Verified, Self::Codes]
            .into_iter()
            .find(|e| e.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Eligibility::Residents => "residents",
            Eligibility::Verified => "verified",
            Eligibility::Codes => "codes",
        }
    }

    pub fn label_key(self) -> String {
        format!("pb-eligibility-{}", self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Process {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub currency: String,
    pub budget: i64,
    pub phase: Phase,
    pub ideas_until: String,
    pub review_until: String,
    pub voting_from: String,
    pub voting_until: String,
    pub format: BallotFormat,
    pub min_choices: u32,
    pub max_choices: u32,
    pub points: u32,
    pub eligibility: Eligibility,
    pub min_age: u32,
    pub allow_changes: bool,
    pub support_threshold: u32,
    pub rule: pb::Rule,
    pub imported: bool,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
    /// The parts the budget is split into, in order; empty when it is not split.
    pub sub_budgets: Vec<SubBudget>,
    /// With sub-budgets: a voter chooses projects in one part only.
    pub one_sub_budget: bool,
}

/// A part of a process's budget (a district, a category) with its own projects and count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubBudget {
    pub id: String,
    pub code: String,
    pub name: String,
    pub budget: i64,
}

impl Process {
    pub fn ballot_rules(&self) -> BallotRules {
        BallotRules {
            format: self.format,
            min_choices: self.min_choices,
            max_choices: self.max_choices,
            points: self.points,
            budget: self.budget,
        }
    }

    /// The rules each part of a ballot must keep: the process's own, or, with sub-budgets,
    /// one set per part with that part's budget (keyed by the part's id).
    pub fn part_rules(&self) -> Vec<(Option<String>, BallotRules)> {
        if self.sub_budgets.is_empty() {
            return vec![(None, self.ballot_rules())];
        }
        self.sub_budgets
            .iter()
            .map(|part| {
                let rules = BallotRules {
                    budget: part.budget,
                    ..self.ballot_rules()
                };
                (Some(part.id.clone()), rules)
            })
            .collect()
    }

    pub fn sub_budget(&self, id: Option<&str>) -> Option<&SubBudget> {
        self.sub_budgets.iter().find(|p| Some(p.id.as_str()) == id)
    }
}

macro_rules! select_process {
    () => {
        "SELECT p.id, p.slug, p.title, p.description, p.currency, p.budget, p.phase, \
         p.ideas_until, p.review_until, p.voting_from, p.voting_until, p.ballot_format, \
         p.min_choices, p.max_choices, p.points, p.eligibility, p.min_age, \
         CASE WHEN p.allow_changes THEN 1 ELSE 0 END AS allow_changes, p.support_threshold, \
         p.counting_rule, CASE WHEN p.imported THEN 1 ELSE 0 END AS imported, p.area_id, \
         CASE WHEN p.one_sub_budget THEN 1 ELSE 0 END AS one_sub_budget, \
         a.name AS area_name, a.slug AS area_slug \
         FROM pb_processes p JOIN areas a ON a.id = p.area_id"
    };
}

fn process_from_row(row: &AnyRow) -> anyhow::Result<Process> {
    let phase: String = row.try_get("phase")?;
    let format: String = row.try_get("ballot_format")?;
    let eligibility: String = row.try_get("eligibility")?;
    let rule: String = row.try_get("counting_rule")?;
    let small = |name: &str| -> anyhow::Result<u32> { Ok(row.try_get::<i32, _>(name)? as u32) };
    Ok(Process {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        currency: row.try_get("currency")?,
        budget: row.try_get("budget")?,
        phase: Phase::parse(&phase).with_context(|| format!("unknown phase {phase:?}"))?,
        ideas_until: row.try_get("ideas_until")?,
        review_until: row.try_get("review_until")?,
        voting_from: row.try_get("voting_from")?,
        voting_until: row.try_get("voting_until")?,
        format: BallotFormat::parse(&format)
            .with_context(|| format!("unknown ballot format {format:?}"))?,
        min_choices: small("min_choices")?,
        max_choices: small("max_choices")?,
        points: small("points")?,
        eligibility: Eligibility::parse(&eligibility)
            .with_context(|| format!("unknown eligibility {eligibility:?}"))?,
        min_age: small("min_age")?,
        allow_changes: small("allow_changes")? == 1,
        support_threshold: small("support_threshold")?,
        rule: pb::Rule::parse(&rule).with_context(|| format!("unknown rule {rule:?}"))?,
        imported: small("imported")? == 1,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        sub_budgets: Vec::new(),
        one_sub_budget: small("one_sub_budget")? == 1,
    })
}

/// The process read from `row`, with its sub-budgets.
async fn process_with_parts(db: &Db, row: &AnyRow) -> anyhow::Result<Process> {
    let mut process = process_from_row(row)?;
    let rows = sqlx::query(
        "SELECT id, code, name, budget FROM pb_sub_budgets WHERE process_id = $1 \
         ORDER BY position",
    )
    .bind(&process.id)
    .fetch_all(db)
    .await
    .context("loading sub-budgets")?;
    process.sub_budgets = rows
        .iter()
        .map(|row| {
            Ok(SubBudget {
                id: row.try_get("id")?,
                code: row.try_get("code")?,
                name: row.try_get("name")?,
                budget: row.try_get("budget")?,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(process)
}

/// What an official fills in to set up a process.
pub struct NewProcess<'a> {
    pub area_id: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub currency: &'a str,
    pub budget: i64,
    pub phase: Phase,
    pub ideas_until: &'a str,
    pub review_until: &'a str,
    pub voting_from: &'a str,
    pub voting_until: &'a str,
    pub format: BallotFormat,
    pub min_choices: u32,
    pub max_choices: u32,
    pub points: u32,
    pub eligibility: Eligibility,
    pub min_age: u32,
    pub allow_changes: bool,
    pub support_threshold: u32,
    pub rule: pb::Rule,
    pub imported: bool,
    /// Parts of the budget as (code, name, budget); empty for one budget.
    pub sub_budgets: &'a [(String, String, i64)],
    pub one_sub_budget: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("a process with this address already exists")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

async fn insert_process<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    executor: E,
    id: &str,
    process: &NewProcess<'_>,
    by: Option<&str>,
) -> Result<(), CreateError> {
    let now = now_ms();
    let inserted = sqlx::query(
        "INSERT INTO pb_processes (id, area_id, slug, title, description, currency, budget, \
         phase, ideas_until, review_until, voting_from, voting_until, ballot_format, \
         min_choices, max_choices, points, eligibility, min_age, allow_changes, \
         support_threshold, counting_rule, imported, created_by, created_at, updated_at, \
         one_sub_budget, phase_changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23, $24, $24, $25, $24)",
    )
    .bind(id)
    .bind(process.area_id)
    .bind(process.slug)
    .bind(process.title)
    .bind(process.description)
    .bind(process.currency)
    .bind(process.budget)
    .bind(process.phase.as_str())
    .bind(process.ideas_until)
    .bind(process.review_until)
    .bind(process.voting_from)
    .bind(process.voting_until)
    .bind(process.format.as_str())
    .bind(process.min_choices as i32)
    .bind(process.max_choices as i32)
    .bind(process.points as i32)
    .bind(process.eligibility.as_str())
    .bind(process.min_age as i32)
    .bind(process.allow_changes)
    .bind(process.support_threshold as i32)
    .bind(process.rule.as_str())
    .bind(process.imported)
    .bind(by)
    .bind(now)
    .bind(process.one_sub_budget)
    .execute(executor)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => Err(CreateError::SlugTaken),
        other => {
            other.context("creating a budgeting process")?;
            Ok(())
        }
    }
}

pub async fn create(db: &Db, process: &NewProcess<'_>, by: &str) -> Result<String, CreateError> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    insert_process(&mut *tx, &id, process, Some(by)).await?;
    for (position, (code, name, budget)) in process.sub_budgets.iter().enumerate() {
        sqlx::query(
            "INSERT INTO pb_sub_budgets (id, process_id, code, name, budget, position) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(code)
        .bind(name)
        .bind(budget)
        .bind(position as i32)
        .execute(&mut *tx)
        .await
        .context("storing a sub-budget")?;
    }
    tx.commit().await.context("committing a new process")?;
    Ok(id)
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Process>> {
    let row = sqlx::query(concat!(select_process!(), " WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a budgeting process")?;
    match row {
        Some(row) => Ok(Some(process_with_parts(db, &row).await?)),
        None => Ok(None),
    }
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Process>> {
    let row = sqlx::query(concat!(select_process!(), " WHERE p.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("loading a budgeting process")?;
    match row {
        Some(row) => Ok(Some(process_with_parts(db, &row).await?)),
        None => Ok(None),
    }
}

/// The processes taking ideas now, where an idea can become a proposal: (slug, title).
pub async fn taking_ideas(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    Ok(list(db, None)
        .await?
        .into_iter()
        .filter(|p| p.phase == Phase::Ideas)
        .map(|p| (p.slug, p.title))
        .collect())
}

/// Every process, newest first; with `area` (its id and the ids of the areas around it),
/// those that concern its residents: the area's own, those of the areas inside it, and
/// those of the areas it is inside (a city's budget is every neighbourhood's).
pub async fn list(db: &Db, area: Option<(&str, &[String])>) -> anyhow::Result<Vec<Process>> {
    let (area_id, around) = area.unwrap_or(("", &[]));
    let mut q = crate::db::Sql::new(select_process!());
    if !area_id.is_empty() {
        q.push(" WHERE ").in_area_tree("p.area_id", area_id);
        if !around.is_empty() {
            q.push(" OR p.area_id IN ").bind_list(around.to_vec());
        }
    }
    q.push(" ORDER BY p.created_at DESC");
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing budgeting processes")?;
    let mut processes = Vec::with_capacity(rows.len());
    for row in &rows {
        processes.push(process_with_parts(db, row).await?);
    }
    Ok(processes)
}

/// Moves the process from `from` to the next phase; false if it was no longer in `from`
/// (two officials pressing the button at once move it once). Voting ends through
/// [`close_voting`] only, which empties the sealed ballots into the box.
pub async fn advance_phase(db: &Db, process_id: &str, from: Phase) -> anyhow::Result<bool> {
    anyhow::ensure!(from != Phase::Voting, "voting is closed with close_voting");
    let Some(to) = from.next() else {
        return Ok(false);
    };
    let done = sqlx::query(
        "UPDATE pb_processes SET phase = $1, updated_at = $2, phase_changed_at = $2 \
         WHERE id = $3 AND phase = $4",
    )
    .bind(to.as_str())
    .bind(now_ms())
    .bind(process_id)
    .bind(from.as_str())
    .execute(db)
    .await
    .context("moving a process to its next phase")?;
    Ok(done.rows_affected() == 1)
}

// ------------------------------------------------------------------ projects

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectStatus {
    Proposed,
    Feasible,
    Rejected,
}

impl ProjectStatus {
    pub fn parse(value: &str) -> Option<ProjectStatus> {
        [Self::Proposed, Self::Feasible, Self::Rejected]
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Proposed => "proposed",
            ProjectStatus::Feasible => "feasible",
            ProjectStatus::Rejected => "rejected",
        }
    }

    pub fn label_key(self) -> String {
        format!("pb-status-{}", self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implementation {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

pub const ALL_IMPLEMENTATION: [Implementation; 4] = [
    Implementation::NotStarted,
    Implementation::InProgress,
    Implementation::Done,
    Implementation::Cancelled,
];

impl Implementation {
    pub fn parse(value: &str) -> Option<Implementation> {
        ALL_IMPLEMENTATION.into_iter().find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Implementation::NotStarted => "not_started",
            Implementation::InProgress => "in_progress",
            Implementation::Done => "done",
            Implementation::Cancelled => "cancelled",
        }
    }

    pub fn label_key(self) -> String {
        format!("pb-implementation-{}", self.as_str().replace('_', "-"))
    }
}

#[derive(Clone, Debug)]
pub struct Project {
    pub id: String,
    pub code: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub location: String,
    pub rough_cost: i64,
    pub cost: Option<i64>,
    pub status: ProjectStatus,
    pub review_note: String,
    pub implementation: Implementation,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub supports: i64,
    /// The part of the budget it competes in, when the budget is split.
    pub sub_budget_id: Option<String>,
}

impl Project {
    /// The project's status as a reader of the process in `phase` should see it: once the
    /// vote is counted a project is no longer "on the ballot" but was voted on.
    pub fn status_key(&self, phase: &Phase) -> String {
        let counted = matches!(*phase, Phase::Results | Phase::Implementation);
        if counted && self.status == ProjectStatus::Feasible {
            "pb-status-voted-on".to_string()
        } else {
            self.status.label_key()
        }
    }

    /// The official cost once reviewed, else the proposer's estimate.
    pub fn current_cost(&self) -> i64 {
        self.cost.unwrap_or(self.rough_cost)
    }
}

macro_rules! select_project {
    () => {
        "SELECT pr.id, pr.code, pr.title, pr.description, pr.category, \
     pr.location, pr.rough_cost, pr.cost, pr.status, pr.review_note, pr.implementation, \
     pr.author_id, u.display_name AS author_name, pr.sub_budget_id, \
     (SELECT COUNT(*) FROM pb_supports s WHERE s.project_id = pr.id) AS supports \
     FROM pb_projects pr LEFT JOIN users u ON u.id = pr.author_id"
    };
}

fn project_from_row(row: &AnyRow) -> anyhow::Result<Project> {
    let status: String = row.try_get("status")?;
    let implementation: String = row.try_get("implementation")?;
    Ok(Project {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        category: row.try_get("category")?,
        location: row.try_get("location")?,
        rough_cost: row.try_get("rough_cost")?,
        cost: row.try_get("cost")?,
        status: ProjectStatus::parse(&status)
            .with_context(|| format!("unknown project status {status:?}"))?,
        review_note: row.try_get("review_note")?,
        implementation: Implementation::parse(&implementation)
            .with_context(|| format!("unknown implementation status {implementation:?}"))?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        supports: row.try_get("supports")?,
        sub_budget_id: row.try_get("sub_budget_id")?,
    })
}

/// The process's projects in the order they were proposed (numeric codes numerically).
pub async fn projects(db: &Db, process_id: &str) -> anyhow::Result<Vec<Project>> {
    let rows = sqlx::query(concat!(
        select_project!(),
        " WHERE pr.process_id = $1 ORDER BY pr.created_at, pr.code"
    ))
    .bind(process_id)
    .fetch_all(db)
    .await
    .context("listing projects")?;
    let mut projects: Vec<Project> = rows
        .iter()
        .map(project_from_row)
        .collect::<Result<_, _>>()?;
    projects.sort_by_key(|p| (p.code.parse::<u64>().ok(), p.code.clone()));
    Ok(projects)
}

pub async fn project(db: &Db, process_id: &str, code: &str) -> anyhow::Result<Option<Project>> {
    let row = sqlx::query(concat!(
        select_project!(),
        " WHERE pr.process_id = $1 AND pr.code = $2"
    ))
    .bind(process_id)
    .bind(code)
    .fetch_optional(db)
    .await
    .context("loading a project")?;
    row.as_ref().map(project_from_row).transpose()
}

pub struct NewProject<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub category: &'a str,
    pub location: &'a str,
    pub rough_cost: i64,
    /// Required when the process has sub-budgets, `None` otherwise.
    pub sub_budget_id: Option<&'a str>,
    /// Where it would be on the map (latitude, longitude), saved with the proposal.
    pub point: Option<(f64, f64)>,
}

/// Adds a proposal during the ideas phase; `None` if the process is no longer taking ideas.
/// Codes are numbers in order of proposal; a clash with a simultaneous proposal is retried.
pub async fn propose(
    db: &Db,
    process_id: &str,
    project: &NewProject<'_>,
    author_id: &str,
) -> anyhow::Result<Option<String>> {
    for _ in 0..5 {
        let mut tx = crate::db::begin(db)
            .await
            .context("starting a transaction")?;
        let phase: Option<String> =
            sqlx::query_scalar("SELECT phase FROM pb_processes WHERE id = $1")
                .bind(process_id)
                .fetch_optional(&mut *tx)
                .await
                .context("checking the phase")?;
        if phase.as_deref() != Some(Phase::Ideas.as_str()) {
            return Ok(None);
        }
        let codes: Vec<String> =
            sqlx::query_scalar("SELECT code FROM pb_projects WHERE process_id = $1")
                .bind(process_id)
                .fetch_all(&mut *tx)
                .await
                .context("numbering a project")?;
        let next = codes
            .iter()
            .filter_map(|c| c.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let code = next.to_string();
        let now = now_ms();
        let inserted = sqlx::query(
            "INSERT INTO pb_projects (id, process_id, code, title, description, category, \
             location, rough_cost, status, author_id, created_at, updated_at, sub_budget_id, \
             latitude, longitude) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $9, $10, $10, $11, \
                     CASE WHEN $12 = 1 THEN $13 END, CASE WHEN $12 = 1 THEN $14 END)",
        )
        .bind(new_id())
        .bind(process_id)
        .bind(&code)
        .bind(project.title)
        .bind(project.description)
        .bind(project.category)
        .bind(project.location)
        .bind(project.rough_cost)
        .bind(author_id)
        .bind(now)
        .bind(project.sub_budget_id)
        // Bound as a flag and numbers, never as a None (see db::optional_f64).
        .bind(i64::from(project.point.is_some()))
        .bind(project.point.map_or(0.0, |p| p.0))
        .bind(project.point.map_or(0.0, |p| p.1))
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if is_unique_violation(&e) => continue,
            other => other.context("adding a proposal")?,
        };
        tx.commit().await.context("committing a proposal")?;
        return Ok(Some(code));
    }
    anyhow::bail!("could not number a new project after five tries")
}

/// Adds or removes the user's support; returns whether they now support it.
pub async fn toggle_support(db: &Db, project_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let removed = sqlx::query("DELETE FROM pb_supports WHERE project_id = $1 AND user_id = $2")
        .bind(project_id)
        .bind(user_id)
        .execute(db)
        .await
        .context("withdrawing support")?;
    if removed.rows_affected() == 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO pb_supports (project_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (project_id, user_id) DO NOTHING",
    )
    .bind(project_id)
    .bind(user_id)
    .bind(now_ms())
    .execute(db)
    .await
    .context("supporting a project")?;
    Ok(true)
}

pub async fn supports(db: &Db, project_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM pb_supports WHERE project_id = $1 AND user_id = $2")
            .bind(project_id)
            .bind(user_id)
            .fetch_optional(db)
            .await
            .context("checking support")?;
    Ok(found.is_some())
}

#[derive(Clone, Debug)]
pub struct Comment {
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn add_comment(
    db: &Db,
    project_id: &str,
    author_id: &str,
    body: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO pb_comments (id, project_id, author_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(author_id)
    .bind(body)
    .bind(now_ms())
    .execute(db)
    .await
    .context("adding a comment")?;
    Ok(())
}

pub async fn comments(db: &Db, project_id: &str) -> anyhow::Result<Vec<Comment>> {
    let rows = sqlx::query(
        "SELECT COALESCE(u.display_name, '') AS author_name, c.body, c.created_at \
         FROM pb_comments c LEFT JOIN users u ON u.id = c.author_id \
         WHERE c.project_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await
    .context("loading comments")?;
    rows.iter()
        .map(|r| {
            Ok(Comment {
                author_name: r.try_get("author_name")?,
                body: r.try_get("body")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// The official's decision on a proposal, with the email to its author in one transaction.
pub struct Review<'a> {
    pub status: ProjectStatus,
    pub cost: Option<i64>,
    pub note: &'a str,
}

pub async fn review(
    db: &Db,
    project_id: &str,
    review: &Review<'_>,
    by: &str,
    email_to_author: Option<&Email>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "UPDATE pb_projects SET status = $1, cost = $2, review_note = $3, reviewed_by = $4, \
         reviewed_at = $5, updated_at = $5 WHERE id = $6",
    )
    .bind(review.status.as_str())
    .bind(review.cost)
    .bind(review.note)
    .bind(by)
    .bind(now_ms())
    .bind(project_id)
    .execute(&mut *tx)
    .await
    .context("recording a review")?;
    if let Some(email) = email_to_author {
        mail::queue(&mut *tx, email).await?;
    }
    tx.commit().await.context("committing a review")?;
    Ok(())
}

/// The author's email address and language, for telling them about the review.
pub async fn author_contact(db: &Db, user_id: &str) -> anyhow::Result<Option<(String, String)>> {
    let row = sqlx::query("SELECT email, locale FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
        .context("loading an author's address")?;
    row.map(|r| Ok((r.try_get("email")?, r.try_get("locale")?)))
        .transpose()
}

// ------------------------------------------------------------------ eligibility and voting

/// Whether the user lives (as they said, or verified by an official) in the area or in an
/// area inside it.
pub async fn lives_in(
    db: &Db,
    user_id: &str,
    area_id: &str,
    verified_only: bool,
) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "WITH RECURSIVE inside (id, depth) AS ( \
           SELECT id, 0 FROM areas WHERE id = $1 \
           UNION ALL \
           SELECT a.id, i.depth + 1 FROM areas a JOIN inside i ON a.parent_id = i.id \
           WHERE i.depth < 16 \
         ) SELECT 1 FROM area_roles r JOIN inside i ON r.area_id = i.id \
           WHERE r.user_id = $2 AND r.role = 'resident' \
           AND ($3 = 0 OR r.verified_at IS NOT NULL) LIMIT 1",
    )
    .bind(area_id)
    .bind(user_id)
    .bind(i32::from(verified_only))
    .fetch_optional(db)
    .await
    .context("checking where someone lives")?;
    Ok(found.is_some())
}

/// Who is voting: a signed-in user, or the holder of an invitation code (its hash).
#[derive(Clone, Debug)]
pub enum Voter {
    User(String),
    Code(String),
}

impl Voter {
    fn key(&self) -> String {
        match self {
            Voter::User(id) => format!("user:{id}"),
            Voter::Code(hash) => format!("code:{hash}"),
        }
    }

    /// What proves this voter's right to change the ballot with this receipt: a hash of the
    /// receipt itself (only its own hash is ever stored) with the voter's key. Without the
    /// receipt nobody, not even someone holding the database and the ballot key, can compute
    /// it for a voter, so it links no ballot to anyone; without the voter's credential
    /// (signed in as them, or their invitation code) the receipt alone cannot change it.
    fn change_hash(&self, receipt: &str) -> String {
        let mut proof = String::from("squaremile ballot change\0");
        proof.push_str(receipt);
        proof.push('\0');
        proof.push_str(&self.key());
        crate::web::session::hash_token(&proof)
    }
}

pub async fn has_voted(db: &Db, process_id: &str, voter: &Voter) -> anyhow::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM pb_voters WHERE process_id = $1 AND voter_key = $2")
            .bind(process_id)
            .bind(voter.key())
            .fetch_optional(db)
            .await
            .context("checking whether someone voted")?;
    Ok(found.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum CastError {
    #[error("this voter has already voted")]
    AlreadyVoted,
    #[error("voting is not open")]
    NotVoting,
    #[error("the invitation code is unknown or used")]
    BadCode,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// A ballot ready to store: its receipt's hash, its public id, its Pabulib columns and,
/// for a ballot its voter may change, the proof [`change`] asks for.
pub struct SealedBallot {
    pub receipt_hash: String,
    pub public_id: String,
    pub vote: String,
    pub points: String,
    pub change_hash: Option<String>,
}

impl SealedBallot {
    /// `voter` is who may change the ballot later (with the receipt); `None` for paper and
    /// imported ballots, which nobody changes online.
    pub fn new(
        receipt: &str,
        ballot: &Ballot,
        format: BallotFormat,
        voter: Option<&Voter>,
    ) -> SealedBallot {
        let receipt_hash = crate::web::session::hash_token(receipt);
        let public_id = receipt_hash[..12].to_string();
        let (vote, points) = ballot.to_pabulib(format);
        SealedBallot {
            receipt_hash,
            public_id,
            vote,
            points,
            change_hash: voter.map(|v| v.change_hash(receipt)),
        }
    }

    fn unsealed(&self) -> Unsealed {
        Unsealed {
            receipt_hash: self.receipt_hash.clone(),
            public_id: self.public_id.clone(),
            vote: self.vote.clone(),
            points: self.points.clone(),
            change_hash: self.change_hash.clone(),
        }
    }
}

impl From<Unsealed> for SealedBallot {
    fn from(ballot: Unsealed) -> SealedBallot {
        SealedBallot {
            receipt_hash: ballot.receipt_hash,
            public_id: ballot.public_id,
            vote: ballot.vote,
            points: ballot.points,
            change_hash: ballot.change_hash,
        }
    }
}

/// Records that `voter` voted and stores the ballot, in one transaction: either both are
/// written or neither, so an acknowledged ballot survives a crash and nobody votes twice. The
/// phase is checked inside the transaction, so a ballot racing the close of voting is refused
/// rather than left out of the count.
///
/// The ballot is stored sealed (see [`seal`]): the transaction that names the voter holds only
/// a blob nobody can read without the ballot key. Once enough sealed ballots wait, a batch of
/// them moves into the ballot box in a transaction of its own, in a random order.
pub async fn cast(
    db: &Db,
    seal: &BallotSeal,
    process_id: &str,
    voter: &Voter,
    ballot: &SealedBallot,
) -> Result<(), CastError> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    if !hold_voting_open(&mut tx, process_id, false).await? {
        return Err(CastError::NotVoting);
    }
    if let Voter::Code(hash) = voter {
        let used = sqlx::query(
            "UPDATE pb_codes SET used = TRUE WHERE code_hash = $1 AND process_id = $2 AND NOT used",
        )
        .bind(hash)
        .bind(process_id)
        .execute(&mut *tx)
        .await
        .context("using an invitation code")?;
        if used.rows_affected() != 1 {
            return Err(CastError::BadCode);
        }
    }
    let recorded = sqlx::query("INSERT INTO pb_voters (process_id, voter_key) VALUES ($1, $2)")
        .bind(process_id)
        .bind(voter.key())
        .execute(&mut *tx)
        .await;
    match recorded {
        Err(e) if is_unique_violation(&e) => return Err(CastError::AlreadyVoted),
        other => other.context("recording a voter")?,
    };
    sqlx::query(
        "INSERT INTO pb_sealed_ballots (id, process_id, lookup, sealed) VALUES ($1, $2, $3, $4)",
    )
    .bind(crate::web::session::random_token())
    .bind(process_id)
    .bind(seal.lookup(&ballot.receipt_hash))
    .bind(seal.seal(&ballot.unsealed()))
    .execute(&mut *tx)
    .await
    .context("storing a sealed ballot")?;
    tx.commit().await.context("committing a ballot")?;
    // The ballot is safe from here on; a batch that fails to move now moves with a later one.
    if let Err(e) = release_due_batch(db, seal, process_id).await {
        tracing::warn!(
            error = format!("{e:#}"),
            process = process_id,
            "a batch of ballots stays sealed for now"
        );
    }
    Ok(())
}

/// When at least twice [`seal::BATCH`] ballots wait sealed, moves all but [`seal::BATCH`] of
/// them (chosen by their random ids) into the ballot box: every batch holds at least
/// [`seal::BATCH`] ballots, and so do the ones left for the close of voting.
async fn release_due_batch(db: &Db, seal: &BallotSeal, process_id: &str) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    lock_ballot_box(&mut tx, process_id).await?;
    let waiting: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM pb_sealed_ballots WHERE process_id = $1")
            .bind(process_id)
            .fetch_one(&mut *tx)
            .await
            .context("counting sealed ballots")?;
    let waiting = usize::try_from(waiting).unwrap_or(0);
    if waiting < 2 * seal::BATCH {
        return Ok(());
    }
    let moved = move_sealed_ballots(&mut tx, seal, process_id, waiting - seal::BATCH).await?;
    tx.commit().await.context("committing a batch of ballots")?;
    tracing::debug!(
        process = process_id,
        ballots = moved,
        "a batch of ballots left the seal"
    );
    Ok(())
}

/// One batch mover at a time per process. On SQLite the transaction already holds the only
/// write lock; on PostgreSQL an advisory lock keeps casts (which take a share lock on the
/// process row) going side by side while two movers never take the same ballots.
async fn lock_ballot_box(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    process_id: &str,
) -> anyhow::Result<()> {
    if tx.backend_name().eq_ignore_ascii_case("postgresql") {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('pb_ballot_box:' || $1))::text")
            .bind(process_id)
            .fetch_one(&mut **tx)
            .await
            .context("locking the ballot box")?;
    }
    Ok(())
}

/// Opens up to `limit` sealed ballots of the process, deletes them and puts them into the
/// ballot box in a random order, all in the caller's transaction. Returns how many moved.
async fn move_sealed_ballots(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    seal: &BallotSeal,
    process_id: &str,
    limit: usize,
) -> anyhow::Result<usize> {
    let rows = sqlx::query(
        "SELECT id, sealed FROM pb_sealed_ballots WHERE process_id = $1 ORDER BY id LIMIT $2",
    )
    .bind(process_id)
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .fetch_all(&mut **tx)
    .await
    .context("reading sealed ballots")?;
    let mut ballots = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: String = row.try_get("id")?;
        let sealed: String = row.try_get("sealed")?;
        ballots.push((id, seal.open(&sealed)?));
    }
    shuffle(&mut ballots);
    for (id, _) in &ballots {
        sqlx::query("DELETE FROM pb_sealed_ballots WHERE id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await
            .context("unsealing a ballot")?;
    }
    for (_, ballot) in &ballots {
        insert_ballot(
            tx,
            process_id,
            &SealedBallot::from(ballot.clone()),
            "online",
        )
        .await?;
    }
    Ok(ballots.len())
}

/// Fisher-Yates with the operating system's randomness: the order ballots enter the box
/// must not be guessable from the order they were cast.
fn shuffle<T>(items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("the operating system's random source failed");
        // The modulo bias of a 64-bit draw over at most a few dozen items is negligible.
        let j = (u64::from_le_bytes(bytes) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Checks that the process is voting (and, with `changes`, allows changed ballots) and keeps
/// it so until the transaction ends, so a ballot is never stored after the close and left out
/// of the count. PostgreSQL takes a share lock on the process row: ballots go in side by
/// side, and closing the vote (an update of that row) waits for those in flight. On SQLite
/// the transaction already holds the only write lock (see [`crate::db::begin`]).
async fn hold_voting_open(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    process_id: &str,
    changes: bool,
) -> anyhow::Result<bool> {
    let sql = if tx.backend_name().eq_ignore_ascii_case("postgresql") {
        "SELECT 1 FROM pb_processes WHERE id = $1 AND phase = 'voting' \
         AND (allow_changes OR NOT $2) FOR SHARE"
    } else {
        "SELECT 1 FROM pb_processes WHERE id = $1 AND phase = 'voting' \
         AND (allow_changes OR NOT $2)"
    };
    let found: Option<i32> = sqlx::query_scalar(sql)
        .bind(process_id)
        .bind(changes)
        .fetch_optional(&mut **tx)
        .await
        .context("checking that voting is open")?;
    Ok(found.is_some())
}

async fn insert_ballot(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    process_id: &str,
    ballot: &SealedBallot,
    source: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO pb_ballots (receipt_hash, process_id, public_id, vote, points, source, \
         change_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&ballot.receipt_hash)
    .bind(process_id)
    .bind(&ballot.public_id)
    .bind(&ballot.vote)
    .bind(&ballot.points)
    .bind(source)
    .bind(&ballot.change_hash)
    .execute(&mut **tx)
    .await
    .context("storing a ballot")?;
    Ok(())
}

/// What became of a request to change a ballot.
#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    Yes,
    /// No ballot of this process has the receipt.
    UnknownReceipt,
    /// The receipt is right but the credential is not the voter's (or the ballot was cast
    /// before changes needed one): nothing changed.
    NotTheVoter,
}

/// Replaces the contents of the ballot with this receipt, while voting is open, when `voter`
/// is the one who cast it (the receipt alone only shows a ballot): sealed anew if it still
/// waits for its batch, in the ballot box otherwise.
pub async fn change(
    db: &Db,
    seal: &BallotSeal,
    process_id: &str,
    receipt: &str,
    voter: &Voter,
    ballot: &SealedBallot,
) -> Result<Changed, CastError> {
    let receipt_hash = crate::web::session::hash_token(receipt);
    let proof = voter.change_hash(receipt);
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    if !hold_voting_open(&mut tx, process_id, true).await? {
        return Err(CastError::NotVoting);
    }
    let lookup = seal.lookup(&receipt_hash);
    let sealed: Option<String> = sqlx::query_scalar(
        "SELECT sealed FROM pb_sealed_ballots WHERE process_id = $1 AND lookup = $2",
    )
    .bind(process_id)
    .bind(&lookup)
    .fetch_optional(&mut *tx)
    .await
    .context("finding a sealed ballot to change")?;
    let changed = if let Some(sealed) = sealed {
        let stored = seal.open(&sealed)?;
        if stored.change_hash.as_deref() != Some(proof.as_str()) {
            return Ok(Changed::NotTheVoter);
        }
        let mut unsealed = ballot.unsealed();
        unsealed.change_hash = Some(proof);
        sqlx::query(
            "UPDATE pb_sealed_ballots SET sealed = $1 WHERE process_id = $2 AND lookup = $3",
        )
        .bind(seal.seal(&unsealed))
        .bind(process_id)
        .bind(&lookup)
        .execute(&mut *tx)
        .await
        .context("changing a sealed ballot")?;
        Changed::Yes
    } else {
        let done = sqlx::query(
            "UPDATE pb_ballots SET vote = $1, points = $2 WHERE process_id = $3 \
             AND receipt_hash = $4 AND source = 'online' AND change_hash = $5",
        )
        .bind(&ballot.vote)
        .bind(&ballot.points)
        .bind(process_id)
        .bind(&receipt_hash)
        .bind(&proof)
        .execute(&mut *tx)
        .await
        .context("changing a ballot")?;
        if done.rows_affected() == 1 {
            Changed::Yes
        } else {
            let exists: Option<i32> = sqlx::query_scalar(
                "SELECT 1 FROM pb_ballots WHERE process_id = $1 AND receipt_hash = $2",
            )
            .bind(process_id)
            .bind(&receipt_hash)
            .fetch_optional(&mut *tx)
            .await
            .context("finding a ballot by its receipt")?;
            if exists.is_some() {
                Changed::NotTheVoter
            } else {
                Changed::UnknownReceipt
            }
        }
    };
    tx.commit().await.context("committing a changed ballot")?;
    Ok(changed)
}

/// A stored ballot as published: its public id and Pabulib columns.
#[derive(Clone, Debug)]
pub struct StoredBallot {
    pub public_id: String,
    pub vote: String,
    pub points: String,
}

fn ballot_from_row(row: &AnyRow) -> anyhow::Result<StoredBallot> {
    Ok(StoredBallot {
        public_id: row.try_get("public_id")?,
        vote: row.try_get("vote")?,
        points: row.try_get("points")?,
    })
}

pub async fn ballot_by_receipt(
    db: &Db,
    seal: &BallotSeal,
    process_id: &str,
    receipt_hash: &str,
) -> anyhow::Result<Option<StoredBallot>> {
    let row = sqlx::query(
        "SELECT public_id, vote, points FROM pb_ballots WHERE process_id = $1 AND receipt_hash = $2",
    )
    .bind(process_id)
    .bind(receipt_hash)
    .fetch_optional(db)
    .await
    .context("finding a ballot by its receipt")?;
    if let Some(row) = row {
        return ballot_from_row(&row).map(Some);
    }
    let sealed: Option<String> = sqlx::query_scalar(
        "SELECT sealed FROM pb_sealed_ballots WHERE process_id = $1 AND lookup = $2",
    )
    .bind(process_id)
    .bind(seal.lookup(receipt_hash))
    .fetch_optional(db)
    .await
    .context("finding a sealed ballot by its receipt")?;
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    let ballot = seal.open(&sealed)?;
    Ok(Some(StoredBallot {
        public_id: ballot.public_id,
        vote: ballot.vote,
        points: ballot.points,
    }))
}

/// Every ballot, ordered by public id (an order that says nothing about who or when).
pub async fn ballots(db: &Db, process_id: &str) -> anyhow::Result<Vec<StoredBallot>> {
    let rows = sqlx::query(
        "SELECT public_id, vote, points FROM pb_ballots WHERE process_id = $1 ORDER BY public_id",
    )
    .bind(process_id)
    .fetch_all(db)
    .await
    .context("loading ballots")?;
    rows.iter().map(ballot_from_row).collect()
}

/// How many people voted, and how many ballots are stored, sealed or in the box (equal but
/// for paper ballots, which have no voter record, and imported ones).
pub async fn turnout(db: &Db, process_id: &str) -> anyhow::Result<(i64, i64)> {
    let voters: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pb_voters WHERE process_id = $1")
        .bind(process_id)
        .fetch_one(db)
        .await
        .context("counting voters")?;
    let ballots: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM pb_ballots WHERE process_id = $1) \
         + (SELECT COUNT(*) FROM pb_sealed_ballots WHERE process_id = $1)",
    )
    .bind(process_id)
    .fetch_one(db)
    .await
    .context("counting ballots")?;
    Ok((voters, ballots))
}

// ------------------------------------------------------------------ invitation codes

/// Stores the hashes of new codes (the codes themselves are shown once, to print).
pub async fn add_codes(db: &Db, process_id: &str, codes: &[String]) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let now = now_ms();
    for code in codes {
        sqlx::query(
            "INSERT INTO pb_codes (code_hash, process_id, created_at, used) VALUES ($1, $2, $3, FALSE)",
        )
        .bind(crate::web::session::hash_token(code))
        .bind(process_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing an invitation code")?;
    }
    tx.commit().await.context("committing invitation codes")?;
    Ok(())
}

/// (codes made, codes used)
pub async fn code_counts(db: &Db, process_id: &str) -> anyhow::Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS made, COALESCE(SUM(CASE WHEN used THEN 1 ELSE 0 END), 0) AS used \
         FROM pb_codes WHERE process_id = $1",
    )
    .bind(process_id)
    .fetch_one(db)
    .await
    .context("counting invitation codes")?;
    Ok((row.try_get("made")?, row.try_get("used")?))
}

/// Whether an unused code with this hash belongs to the process.
pub async fn code_is_open(db: &Db, process_id: &str, code_hash: &str) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM pb_codes WHERE code_hash = $1 AND process_id = $2 AND NOT used",
    )
    .bind(code_hash)
    .bind(process_id)
    .fetch_optional(db)
    .await
    .context("checking an invitation code")?;
    Ok(found.is_some())
}

// ------------------------------------------------------------------ paper ballots

#[derive(Clone, Debug)]
pub struct PaperBatch {
    pub id: String,
    pub label: String,
    pub first_entry: String,
    pub first_by: Option<String>,
    pub second_entry: Option<String>,
    pub accepted: bool,
}

pub async fn paper_batches(db: &Db, process_id: &str) -> anyhow::Result<Vec<PaperBatch>> {
    let rows = sqlx::query(
        "SELECT id, label, first_entry, first_by, second_entry, \
         CASE WHEN accepted_at IS NULL THEN 0 ELSE 1 END AS accepted \
         FROM pb_paper_batches WHERE process_id = $1 ORDER BY created_at, label",
    )
    .bind(process_id)
    .fetch_all(db)
    .await
    .context("loading paper batches")?;
    rows.iter()
        .map(|r| {
            Ok(PaperBatch {
                id: r.try_get("id")?,
                label: r.try_get("label")?,
                first_entry: r.try_get("first_entry")?,
                first_by: r.try_get("first_by")?,
                second_entry: r.try_get("second_entry")?,
                accepted: r.try_get::<i32, _>("accepted")? == 1,
            })
        })
        .collect()
}

/// The first typing of a batch; false if a batch with this label exists.
pub async fn start_paper_batch(
    db: &Db,
    process_id: &str,
    label: &str,
    entry: &str,
    by: &str,
) -> anyhow::Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO pb_paper_batches (id, process_id, label, first_entry, first_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(process_id)
    .bind(label)
    .bind(entry)
    .bind(by)
    .bind(now_ms())
    .execute(db)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => Ok(false),
        other => {
            other.context("storing a paper batch")?;
            Ok(true)
        }
    }
}

/// The second typing. When it matches the first, the batch's ballots are added in the same
/// transaction; otherwise the second typing is kept for the officials to compare.
pub async fn finish_paper_batch(
    db: &Db,
    process_id: &str,
    batch_id: &str,
    entry: &str,
    by: &str,
    ballots_if_matching: Option<&[SealedBallot]>,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let accepted_at = ballots_if_matching.map(|_| now_ms());
    let done = sqlx::query(
        "UPDATE pb_paper_batches SET second_entry = $1, second_by = $2, accepted_at = $3 \
         WHERE id = $4 AND process_id = $5 AND accepted_at IS NULL",
    )
    .bind(entry)
    .bind(by)
    .bind(accepted_at)
    .bind(batch_id)
    .bind(process_id)
    .execute(&mut *tx)
    .await
    .context("storing a second typing")?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if let Some(ballots) = ballots_if_matching {
        for ballot in ballots {
            insert_ballot(&mut tx, process_id, ballot, "paper").await?;
        }
        let label: String = sqlx::query_scalar("SELECT label FROM pb_paper_batches WHERE id = $1")
            .bind(batch_id)
            .fetch_one(&mut *tx)
            .await
            .context("naming a paper batch")?;
        let detail = format!("{label}: {}", ballots.len());
        audit_process(&mut tx, process_id, Action::PaperBallots, Some(by), &detail).await?;
    }
    tx.commit().await.context("committing a paper batch")?;
    Ok(true)
}

/// Throws a batch away (both typings disagreed and it will be typed again).
pub async fn discard_paper_batch(db: &Db, process_id: &str, batch_id: &str) -> anyhow::Result<()> {
    sqlx::query(
        "DELETE FROM pb_paper_batches WHERE id = $1 AND process_id = $2 AND accepted_at IS NULL",
    )
    .bind(batch_id)
    .bind(process_id)
    .execute(db)
    .await
    .context("discarding a paper batch")?;
    Ok(())
}

// ------------------------------------------------------------------ results

/// Moves the process from voting to results, moves every ballot still sealed into the ballot
/// box (a last shuffled batch) and queues its count (when given), in one transaction; false
/// if voting had already been closed by someone else.
pub async fn close_voting<P: serde::Serialize>(
    db: &Db,
    seal: &BallotSeal,
    process_id: &str,
    count_job: Option<&P>,
    actor: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let moved = sqlx::query(
        "UPDATE pb_processes SET phase = 'results', updated_at = $1, phase_changed_at = $1 \
         WHERE id = $2 AND phase = 'voting'",
    )
    .bind(now_ms())
    .bind(process_id)
    .execute(&mut *tx)
    .await
    .context("closing voting")?;
    if moved.rows_affected() != 1 {
        return Ok(false);
    }
    lock_ballot_box(&mut tx, process_id).await?;
    move_sealed_ballots(&mut tx, seal, process_id, usize::MAX).await?;
    if let Some(job) = count_job {
        crate::jobs::enqueue(&mut *tx, COUNT_JOB, job).await?;
        audit_process(&mut tx, process_id, Action::BudgetCount, Some(actor), "").await?;
    }
    tx.commit()
        .await
        .context("committing the close of voting")?;
    Ok(true)
}

/// Stores the count, with the email saying it is ready, in one transaction.
pub async fn save_results(
    db: &Db,
    process_id: &str,
    outcome_json: &str,
    email: Option<&Email>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    store_results(&mut tx, process_id, outcome_json).await?;
    if let Some(email) = email {
        mail::queue(&mut *tx, email).await?;
    }
    tx.commit().await.context("committing results")?;
    Ok(())
}

async fn store_results(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    process_id: &str,
    outcome_json: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO pb_results (process_id, counted_at, outcome) VALUES ($1, $2, $3) \
         ON CONFLICT (process_id) DO UPDATE SET counted_at = $2, outcome = $3",
    )
    .bind(process_id)
    .bind(now_ms())
    .bind(outcome_json)
    .execute(&mut **tx)
    .await
    .context("storing results")?;
    Ok(())
}

pub async fn results(db: &Db, process_id: &str) -> anyhow::Result<Option<String>> {
    sqlx::query_scalar("SELECT outcome FROM pb_results WHERE process_id = $1")
        .bind(process_id)
        .fetch_optional(db)
        .await
        .context("loading results")
}

// ------------------------------------------------------------------ implementation

#[derive(Clone, Debug)]
pub struct Update {
    pub project_code: String,
    pub project_title: String,
    pub implementation: Implementation,
    pub body: String,
    pub author_name: String,
    pub created_at: i64,
}

/// A progress update; it also sets the project's implementation status.
pub async fn add_update(
    db: &Db,
    project_id: &str,
    implementation: Implementation,
    body: &str,
    by: &str,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let now = now_ms();
    sqlx::query(
        "INSERT INTO pb_updates (id, project_id, implementation, body, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(implementation.as_str())
    .bind(body)
    .bind(by)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("adding a progress update")?;
    sqlx::query("UPDATE pb_projects SET implementation = $1, updated_at = $2 WHERE id = $3")
        .bind(implementation.as_str())
        .bind(now)
        .bind(project_id)
        .execute(&mut *tx)
        .await
        .context("setting implementation status")?;
    tx.commit().await.context("committing a progress update")?;
    Ok(())
}

pub async fn updates(db: &Db, process_id: &str) -> anyhow::Result<Vec<Update>> {
    let rows = sqlx::query(
        "SELECT pr.code, pr.title, up.implementation, up.body, \
         COALESCE(u.display_name, '') AS author_name, up.created_at \
         FROM pb_updates up JOIN pb_projects pr ON pr.id = up.project_id \
         LEFT JOIN users u ON u.id = up.author_id \
         WHERE pr.process_id = $1 ORDER BY up.created_at DESC, up.id DESC",
    )
    .bind(process_id)
    .fetch_all(db)
    .await
    .context("loading progress updates")?;
    rows.iter()
        .map(|r| {
            let status: String = r.try_get("implementation")?;
            Ok(Update {
                project_code: r.try_get("code")?,
                project_title: r.try_get("title")?,
                implementation: Implementation::parse(&status)
                    .with_context(|| format!("unknown implementation status {status:?}"))?,
                body: r.try_get("body")?,
                author_name: r.try_get("author_name")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

// ------------------------------------------------------------------ photos

pub const MAX_PHOTOS_PER_PROJECT: i64 = 12;

#[derive(Clone, Debug)]
pub struct Photo {
    pub id: String,
    pub alt: String,
}

/// Stores a photo (already stripped of metadata); false if the project has its maximum.
pub async fn add_photo(
    db: &Db,
    project_id: &str,
    content_type: &str,
    bytes: &[u8],
    alt: &str,
    by: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pb_photos WHERE project_id = $1")
        .bind(project_id)
        .fetch_one(&mut *tx)
        .await
        .context("counting photos")?;
    if count >= MAX_PHOTOS_PER_PROJECT {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO pb_photos (id, project_id, content_type, bytes, alt, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(content_type)
    .bind(bytes.to_vec())
    .bind(alt)
    .bind(by)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("storing a photo")?;
    tx.commit().await.context("committing a photo")?;
    Ok(true)
}

pub async fn photos(db: &Db, project_id: &str) -> anyhow::Result<Vec<Photo>> {
    let rows =
        sqlx::query("SELECT id, alt FROM pb_photos WHERE project_id = $1 ORDER BY created_at, id")
            .bind(project_id)
            .fetch_all(db)
            .await
            .context("listing photos")?;
    rows.iter()
        .map(|r| {
            Ok(Photo {
                id: r.try_get("id")?,
                alt: r.try_get("alt")?,
            })
        })
        .collect()
}

/// A photo of one of the process's projects: (content type, bytes).
pub async fn photo(
    db: &Db,
    process_id: &str,
    id: &str,
) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT ph.content_type, ph.bytes FROM pb_photos ph \
         JOIN pb_projects pr ON pr.id = ph.project_id WHERE ph.id = $1 AND pr.process_id = $2",
    )
    .bind(id)
    .bind(process_id)
    .fetch_optional(db)
    .await
    .context("loading a photo")?;
    row.map(|r| Ok((r.try_get("content_type")?, r.try_get("bytes")?)))
        .transpose()
}

// ------------------------------------------------------------------ import

/// A finished process read from a Pabulib file: its projects and anonymous ballots.
pub struct Import<'a> {
    pub process: NewProcess<'a>,
    /// (code, title, category, cost)
    pub projects: Vec<(String, String, String, i64)>,
    pub ballots: Vec<SealedBallot>,
}

/// Stores an imported process with its projects and ballots, and queues its count, all or
/// nothing. `count_job` makes the job's payload from the new process's id.
pub async fn import<P: serde::Serialize>(
    db: &Db,
    import: &Import<'_>,
    by: Option<&str>,
    count_job: impl FnOnce(&str) -> P,
) -> Result<String, CreateError> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    insert_process(&mut *tx, &id, &import.process, by).await?;
    let now = now_ms();
    for (code, title, category, cost) in &import.projects {
        sqlx::query(
            "INSERT INTO pb_projects (id, process_id, code, title, category, rough_cost, cost, \
             status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, 'feasible', $7, $7)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(code)
        .bind(title)
        .bind(category)
        .bind(cost)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing an imported project")?;
    }
    for ballot in &import.ballots {
        insert_ballot(&mut tx, &id, ballot, "imported").await?;
    }
    crate::jobs::enqueue(&mut *tx, COUNT_JOB, &count_job(&id)).await?;
    let detail = import.ballots.len().to_string();
    audit_process(&mut tx, &id, Action::BudgetImport, by, &detail).await?;
    tx.commit().await.context("committing an import")?;
    Ok(id)
}

/// Writes the audit entry for an action on a process, named by its title.
async fn audit_process(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    process_id: &str,
    action: Action,
    actor: Option<&str>,
    detail: &str,
) -> anyhow::Result<()> {
    let row = sqlx::query("SELECT title, slug FROM pb_processes WHERE id = $1")
        .bind(process_id)
        .fetch_one(&mut **tx)
        .await
        .context("naming a process")?;
    let title: String = row.try_get("title")?;
    let slug: String = row.try_get("slug")?;
    let link = format!("/budgets/{slug}/manage");
    let entry = Entry {
        actor_id: actor,
        action,
        item: Item {
            kind: "budget",
            id: process_id,
            label: &title,
            link: &link,
        },
        detail,
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

/// Processes in `phase` in an area and the areas inside it (`""`: everywhere), for a front
/// door: (slug, title) pairs, at most `limit`, newest first.
pub async fn in_phase(
    db: &Db,
    area_id: &str,
    phase: Phase,
    limit: i64,
) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query(concat!(
        "SELECT p.slug, p.title FROM pb_processes p WHERE p.phase = $1 AND ($2 = '' OR ",
        crate::in_area_tree!("p.area_id", "$2"),
        ") ORDER BY p.created_at DESC, p.id DESC LIMIT $3"
    ))
    .bind(phase.as_str())
    .bind(area_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing budget processes in a phase")?;
    rows.iter()
        .map(|row| Ok((row.try_get("slug")?, row.try_get("title")?)))
        .collect()
}
