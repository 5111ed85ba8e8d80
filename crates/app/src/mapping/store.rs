//! All SQL about network mapping: exercises, the people and organisations in them, their
//! ties, and introductions made.

use std::collections::HashSet;

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Respondents,
    Organisers,
}

pub const ALL_VISIBILITIES: [Visibility; 3] = [
    Visibility::Public,
    Visibility::Respondents,
    Visibility::Organisers,
];

impl Visibility {
    pub fn parse(value: &str) -> Option<Visibility> {
        ALL_VISIBILITIES.into_iter().find(|v| v.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Respondents => "respondents",
            Visibility::Organisers => "organisers",
        }
    }

    pub fn label_key(self) -> String {
        format!("mapping-visibility-{}", self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Exercise {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub purpose: String,
    pub invited: String,
    pub opens_on: String,
    pub closes_on: String,
    pub relationship_types: Vec<String>,
    pub visibility: Visibility,
    pub invite_token: String,
    pub previous_id: Option<String>,
    pub closed: bool,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
}

impl Exercise {
    /// Answers are taken between the dates, until an organiser closes the exercise.
    pub fn is_open_on(&self, today: &str) -> bool {
        !self.closed && self.opens_on.as_str() <= today && today <= self.closes_on.as_str()
    }
}

macro_rules! select_exercise {
    () => {
        "SELECT e.id, e.slug, e.title, e.purpose, e.invited, e.opens_on, e.closes_on, \
         e.relationship_types, e.visibility, e.invite_token, e.previous_id, \
         CASE WHEN e.closed THEN 1 ELSE 0 END AS closed, e.area_id, \
         a.name AS area_name, a.slug AS area_slug \
         FROM mapping_exercises e JOIN areas a ON a.id = e.area_id"
    };
}

fn exercise_from_row(row: &AnyRow) -> anyhow::Result<Exercise> {
    let visibility: String = row.try_get("visibility")?;
    let types: String = row.try_get("relationship_types")?;
    Ok(Exercise {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        purpose: row.try_get("purpose")?,
        invited: row.try_get("invited")?,
        opens_on: row.try_get("opens_on")?,
        closes_on: row.try_get("closes_on")?,
        relationship_types: types.lines().map(str::to_string).collect(),
        visibility: Visibility::parse(&visibility)
            .with_context(|| format!("unknown visibility {visibility:?}"))?,
        invite_token: row.try_get("invite_token")?,
        previous_id: row.try_get("previous_id")?,
        closed: row.try_get::<i32, _>("closed")? == 1,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
    })
}

pub struct NewExercise<'a> {
    pub area_id: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub purpose: &'a str,
    pub invited: &'a str,
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub relationship_types: &'a [String],
    pub visibility: Visibility,
    pub previous_id: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateExerciseError {
    #[error("an exercise with this address already exists")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub async fn create(
    db: &Db,
    exercise: &NewExercise<'_>,
    by: &str,
) -> Result<String, CreateExerciseError> {
    let id = new_id();
    let now = now_ms();
    let inserted = sqlx::query(
        "INSERT INTO mapping_exercises (id, area_id, slug, title, purpose, invited, opens_on, \
         closes_on, relationship_types, visibility, invite_token, previous_id, closed, \
         created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
    )
    .bind(&id)
    .bind(exercise.area_id)
    .bind(exercise.slug)
    .bind(exercise.title)
    .bind(exercise.purpose)
    .bind(exercise.invited)
    .bind(exercise.opens_on)
    .bind(exercise.closes_on)
    .bind(exercise.relationship_types.join("\n"))
    .bind(exercise.visibility.as_str())
    .bind(crate::web::session::random_token())
    .bind(exercise.previous_id)
    .bind(false)
    .bind(by)
    .bind(now)
    .execute(db)
    .await;
    match inserted {
        Ok(_) => Ok(id),
        Err(e) if is_unique_violation(&e) => Err(CreateExerciseError::SlugTaken),
        Err(e) => Err(anyhow::Error::new(e).context("creating an exercise").into()),
    }
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Exercise>> {
    let row = sqlx::query(concat!(select_exercise!(), " WHERE e.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("finding an exercise")?;
    row.as_ref().map(exercise_from_row).transpose()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Exercise>> {
    let row = sqlx::query(concat!(select_exercise!(), " WHERE e.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("finding an exercise")?;
    row.as_ref().map(exercise_from_row).transpose()
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Exercise>> {
    let rows = sqlx::query(concat!(
        select_exercise!(),
        " ORDER BY e.created_at DESC, e.id"
    ))
    .fetch_all(db)
    .await
    .context("listing exercises")?;
    rows.iter().map(exercise_from_row).collect()
}

pub async fn close(db: &Db, id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE mapping_exercises SET closed = $1, updated_at = $2 WHERE id = $3")
        .bind(true)
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await
        .context("closing an exercise")?;
    Ok(())
}

// ------------------------------------------------------------------ nodes and ties

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Person,
    Organisation,
}

impl NodeKind {
    pub fn parse(value: &str) -> Option<NodeKind> {
        match value {
            "person" => Some(NodeKind::Person),
            "organisation" => Some(NodeKind::Organisation),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organisation => "organisation",
        }
    }
}

#[derive(Clone, Debug)]
pub struct MapNode {
    pub id: String,
    pub kind: NodeKind,
    pub name: String,
    pub area_id: Option<String>,
    /// They answered and said their name may appear.
    pub consent: bool,
    /// Named as an organisation, and an organisation of that name (folded) is registered
    /// on the site, so it already has a public page.
    pub registered: bool,
    pub responded: bool,
    pub skills: String,
    /// Skill cards chosen on the questionnaire (codes).
    pub skill_cards: Vec<String>,
    pub interests: String,
    pub needs: String,
}

impl MapNode {
    /// Whether the node's own name may be shown to anyone but the area's organisers (on
    /// the public map, in suggestions on the questionnaire, in every export). The consent
    /// rule follows whoever is named, not the label a respondent chose: a name is shown if
    /// its bearer answered and agreed, or if it is an organisation registered on the site.
    /// Anything else labelled "an organisation" may well be a person (a childminder, a
    /// neighbour who runs a club), so without consent it is a pseudonym like any person.
    pub fn may_be_named(&self) -> bool {
        self.consent || (self.kind == NodeKind::Organisation && self.registered)
    }
}

#[derive(Clone, Debug)]
pub struct Tie {
    pub source_id: String,
    pub target_id: String,
    pub kind: String,
    pub about: String,
    pub frequency: String,
}

/// A name folded for matching: "St. Anne's  Church" and "st annes church" are one node.
pub fn name_key(name: &str) -> String {
    crate::web::forms::fold(name)
}

pub async fn nodes(db: &Db, exercise_id: &str) -> anyhow::Result<Vec<MapNode>> {
    let rows = sqlx::query(
        "SELECT id, kind, name, area_id, CASE WHEN consent THEN 1 ELSE 0 END AS consent, \
         CASE WHEN responded_at IS NULL THEN 0 ELSE 1 END AS responded, skills, skill_cards, \
         interests, needs FROM mapping_nodes WHERE exercise_id = $1 ORDER BY created_at, id",
    )
    .bind(exercise_id)
    .fetch_all(db)
    .await
    .context("listing the people and organisations of an exercise")?;
    let registered: HashSet<String> = crate::organisations::store::names(db)
        .await?
        .iter()
        .map(|n| name_key(n))
        .filter(|k| !k.is_empty())
        .collect();
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let kind = NodeKind::parse(&kind).with_context(|| format!("node kind {kind:?}"))?;
            let name: String = row.try_get("name")?;
            Ok(MapNode {
                id: row.try_get("id")?,
                registered: kind == NodeKind::Organisation && registered.contains(&name_key(&name)),
                kind,
                name,
                area_id: row.try_get("area_id")?,
                consent: row.try_get::<i32, _>("consent")? == 1,
                responded: row.try_get::<i32, _>("responded")? == 1,
                skills: row.try_get("skills")?,
                skill_cards: row
                    .try_get::<String, _>("skill_cards")?
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
                interests: row.try_get("interests")?,
                needs: row.try_get("needs")?,
            })
        })
        .collect()
}

pub async fn ties(db: &Db, exercise_id: &str) -> anyhow::Result<Vec<Tie>> {
    let rows = sqlx::query(
        "SELECT source_id, target_id, kind, about, frequency FROM mapping_ties \
         WHERE exercise_id = $1 ORDER BY created_at, source_id, target_id, kind",
    )
    .bind(exercise_id)
    .fetch_all(db)
    .await
    .context("listing the ties of an exercise")?;
    rows.iter()
        .map(|row| {
            Ok(Tie {
                source_id: row.try_get("source_id")?,
                target_id: row.try_get("target_id")?,
                kind: row.try_get("kind")?,
                about: row.try_get("about")?,
                frequency: row.try_get("frequency")?,
            })
        })
        .collect()
}

/// One answered questionnaire.
pub struct Response<'a> {
    pub exercise_id: &'a str,
    pub kind: NodeKind,
    pub name: &'a str,
    pub email: &'a str,
    pub area_id: Option<&'a str>,
    pub consent: bool,
    pub skills: &'a str,
    /// Skill card codes.
    pub skill_cards: &'a [String],
    pub interests: &'a str,
    pub needs: &'a str,
    pub ties: &'a [NamedTie<'a>],
    /// The resident a connector entered it for (from a paper questionnaire), recorded with
    /// the answer.
    pub for_someone: Option<crate::assisted::store::ForSomeone<'a>>,
}

/// A tie as the respondent gave it: to someone named (found or added by name).
pub struct NamedTie<'a> {
    pub name: &'a str,
    pub kind: NodeKind,
    pub relationship: &'a str,
    pub about: &'a str,
    pub frequency: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum RespondError {
    #[error("someone has already answered under this name")]
    AlreadyAnswered,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Stores an answer, all or nothing: the respondent's node (new, or the one others named),
/// the people they named (found by folded name, or added without consent), and the ties.
pub async fn respond(db: &Db, response: &Response<'_>) -> Result<String, RespondError> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let key = name_key(response.name);
    let existing = sqlx::query(
        "SELECT id, CASE WHEN responded_at IS NULL THEN 0 ELSE 1 END AS responded \
         FROM mapping_nodes WHERE exercise_id = $1 AND name_key = $2",
    )
    .bind(response.exercise_id)
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await
    .context("looking for the respondent")?;
    let me = match existing {
        Some(row) if row.try_get::<i32, _>("responded").context("a node")? == 1 => {
            return Err(RespondError::AlreadyAnswered);
        }
        Some(row) => {
            let id: String = row.try_get("id").context("a node")?;
            sqlx::query(
                "UPDATE mapping_nodes SET kind = $1, name = $2, area_id = $3, consent = $4, \
                 responded_at = $5, email = $6, skills = $7, interests = $8, needs = $9, \
                 skill_cards = $11 WHERE id = $10",
            )
            .bind(response.kind.as_str())
            .bind(response.name)
            .bind(response.area_id)
            .bind(response.consent)
            .bind(now)
            .bind(response.email)
            .bind(response.skills)
            .bind(response.interests)
            .bind(response.needs)
            .bind(&id)
            .bind(response.skill_cards.join(","))
            .execute(&mut *tx)
            .await
            .context("recording the respondent")?;
            id
        }
        None => {
            let id = new_id();
            sqlx::query(
                "INSERT INTO mapping_nodes (id, exercise_id, kind, name, name_key, area_id, \
                 consent, responded_at, email, skills, interests, needs, skill_cards, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8)",
            )
            .bind(&id)
            .bind(response.exercise_id)
            .bind(response.kind.as_str())
            .bind(response.name)
            .bind(&key)
            .bind(response.area_id)
            .bind(response.consent)
            .bind(now)
            .bind(response.email)
            .bind(response.skills)
            .bind(response.interests)
            .bind(response.needs)
            .bind(response.skill_cards.join(","))
            .execute(&mut *tx)
            .await
            .context("adding the respondent")?;
            id
        }
    };
    for tie in response.ties {
        let other_key = name_key(tie.name);
        if other_key == key {
            continue;
        }
        let other = sqlx::query(
            "INSERT INTO mapping_nodes (id, exercise_id, kind, name, name_key, consent, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (exercise_id, name_key) DO UPDATE SET name_key = excluded.name_key \
             RETURNING id",
        )
        .bind(new_id())
        .bind(response.exercise_id)
        .bind(tie.kind.as_str())
        .bind(tie.name)
        .bind(&other_key)
        .bind(false)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .context("finding or adding someone named")?;
        let other: String = other.try_get("id").context("a node")?;
        sqlx::query(
            "INSERT INTO mapping_ties (exercise_id, source_id, target_id, kind, about, \
             frequency, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (source_id, target_id, kind) DO NOTHING",
        )
        .bind(response.exercise_id)
        .bind(&me)
        .bind(&other)
        .bind(tie.relationship)
        .bind(tie.about)
        .bind(tie.frequency)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("adding a tie")?;
    }
    if let Some(entry) = &response.for_someone {
        let exercise = sqlx::query("SELECT title, slug FROM mapping_exercises WHERE id = $1")
            .bind(response.exercise_id)
            .fetch_one(&mut *tx)
            .await
            .context("naming the exercise of an entry")?;
        let title: String = exercise.try_get("title").context("an exercise")?;
        let slug: String = exercise.try_get("slug").context("an exercise")?;
        let item = crate::audit::Item {
            kind: "mapping_answer",
            id: &me,
            label: &title,
            link: &format!("/mapping/{slug}"),
        };
        crate::assisted::store::record(&mut tx, item, entry, None).await?;
    }
    tx.commit().await.context("committing an answer")?;
    Ok(me)
}

// ------------------------------------------------------------------ introductions

/// Pairs (node ids, in either order) an organiser has marked as introduced.
pub async fn introductions_made(
    db: &Db,
    exercise_id: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query("SELECT a_id, b_id FROM mapping_introductions WHERE exercise_id = $1")
        .bind(exercise_id)
        .fetch_all(db)
        .await
        .context("listing introductions")?;
    rows.iter()
        .map(|row| Ok((row.try_get("a_id")?, row.try_get("b_id")?)))
        .collect()
}

pub async fn mark_introduced(
    db: &Db,
    exercise_id: &str,
    a: &str,
    b: &str,
    by: &str,
) -> anyhow::Result<()> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    sqlx::query(
        "INSERT INTO mapping_introductions (exercise_id, a_id, b_id, made_by, made_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (exercise_id, a_id, b_id) DO NOTHING",
    )
    .bind(exercise_id)
    .bind(a)
    .bind(b)
    .bind(by)
    .bind(now_ms())
    .execute(db)
    .await
    .context("marking an introduction")?;
    Ok(())
}

/// The rounds of an exercise, oldest first: it and every earlier round it repeats.
pub async fn rounds(db: &Db, exercise: &Exercise) -> anyhow::Result<Vec<Exercise>> {
    let mut chain = vec![exercise.clone()];
    while let Some(previous) = chain.last().and_then(|e| e.previous_id.clone()) {
        match find(db, &previous).await? {
            Some(e) if chain.len() < 50 => chain.push(e),
            _ => break,
        }
    }
    chain.reverse();
    Ok(chain)
}
