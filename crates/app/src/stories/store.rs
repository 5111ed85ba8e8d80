//! All SQL about stories of services: telling, moderating, responding.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryStatus {
    Pending,
    Published,
    Rejected,
}

impl StoryStatus {
    pub fn parse(value: &str) -> Option<StoryStatus> {
        match value {
            "pending" => Some(StoryStatus::Pending),
            "published" => Some(StoryStatus::Published),
            "rejected" => Some(StoryStatus::Rejected),
            _ => None,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            StoryStatus::Pending => "story-status-pending",
            StoryStatus::Published => "story-status-published",
            StoryStatus::Rejected => "story-status-rejected",
        }
    }
}

/// What the provider says it will do or has done because of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    None,
    Planned,
    Made,
}

impl Change {
    pub fn parse(value: &str) -> Option<Change> {
        match value {
            "" => Some(Change::None),
            "planned" => Some(Change::Planned),
            "made" => Some(Change::Made),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Change::None => "",
            Change::Planned => "planned",
            Change::Made => "made",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Change::None => "story-change-none",
            Change::Planned => "story-change-planned",
            Change::Made => "story-change-made",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Story {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub organisation_slug: String,
    pub service: String,
    pub title: String,
    pub body: String,
    pub good: String,
    pub better: String,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub status: StoryStatus,
    pub moderation_note: String,
    pub response: String,
    pub responded_at: Option<i64>,
    pub change: Change,
    pub created_at: i64,
    pub published_at: Option<i64>,
    /// Why a moderator hid it after publication; empty while it is shown.
    pub hidden_reason: String,
    /// The accredited micro-provider it is about, if any: (application id, name).
    pub provider: Option<(String, String)>,
    pub responded_by: Option<String>,
}

macro_rules! select_story {
    () => {
        "SELECT s.id, s.organisation_id, o.name AS organisation_name, o.slug AS organisation_slug, \
         s.service, s.title, s.body, s.good, s.better, s.author_id, \
         u.display_name AS author_name, s.status, s.moderation_note, s.response, \
         s.responded_at, s.change, s.created_at, s.published_at, s.hidden_reason, \
         s.responded_by, s.provider_application_id AS provider_id, pa.name AS provider_name \
         FROM stories s JOIN organisations o ON o.id = s.organisation_id \
         LEFT JOIN users u ON u.id = s.author_id \
         LEFT JOIN provider_applications pa ON pa.id = s.provider_application_id"
    };
}

fn story_from_row(row: &AnyRow) -> anyhow::Result<Story> {
    let status: String = row.try_get("status")?;
    let change: String = row.try_get("change")?;
    Ok(Story {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_name: row.try_get("organisation_name")?,
        organisation_slug: row.try_get("organisation_slug")?,
        service: row.try_get("service")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        good: row.try_get("good")?,
        better: row.try_get("better")?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        status: StoryStatus::parse(&status)
            .with_context(|| format!("unknown story status {status:?}"))?,
        moderation_note: row.try_get("moderation_note")?,
        response: row.try_get("response")?,
        responded_at: row.try_get("responded_at")?,
        change: Change::parse(&change).with_context(|| format!("unknown change {change:?}"))?,
        created_at: row.try_get("created_at")?,
        published_at: row.try_get("published_at")?,
        hidden_reason: row.try_get("hidden_reason")?,
        provider: row
            .try_get::<Option<String>, _>("provider_id")?
            .zip(row.try_get::<Option<String>, _>("provider_name")?),
        responded_by: row.try_get("responded_by")?,
    })
}

/// An accredited micro-provider a story can be about: filed under its organisation, or for
/// a person under the organisation of the body that accredited them.
#[derive(Clone, Debug)]
pub struct ProviderSubject {
    pub application_id: String,
    pub name: String,
    pub organisation_id: String,
    /// The person who is the provider, when it is not an organisation: they respond too.
    pub person_id: Option<String>,
}

/// The provider a story may be about: an application whose accreditation is in force at
/// `now` (the directory's rule), or None.
pub async fn provider_subject(
    db: &Db,
    application_id: &str,
    now: i64,
) -> anyhow::Result<Option<ProviderSubject>> {
    let row = sqlx::query(
        "SELECT p.id, p.name, p.organisation_id, p.user_id, b.organisation_id AS body_organisation_id \
         FROM provider_applications p JOIN accrediting_bodies b ON b.id = p.body_id \
         WHERE p.id = $1 AND p.status = 'granted' AND p.valid_until > $2",
    )
    .bind(application_id)
    .bind(now)
    .fetch_optional(db)
    .await
    .context("loading a provider a story is about")?;
    let Some(row) = row else { return Ok(None) };
    let own: Option<String> = row.try_get("organisation_id")?;
    Ok(Some(ProviderSubject {
        application_id: row.try_get("id")?,
        name: row.try_get("name")?,
        person_id: match own {
            Some(_) => None,
            None => Some(row.try_get("user_id")?),
        },
        organisation_id: match own {
            Some(id) => id,
            None => row.try_get("body_organisation_id")?,
        },
    }))
}

/// A provider's name by their application's id, whatever their accreditation's state.
pub async fn provider_name(db: &Db, application_id: &str) -> anyhow::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM provider_applications WHERE id = $1")
        .bind(application_id)
        .fetch_optional(db)
        .await
        .context("naming a provider")
}

/// Whether `user_id` is the person a story's provider is (who responds to it as well as the
/// organisation it is filed under).
pub async fn is_the_provider(db: &Db, story: &Story, user_id: &str) -> anyhow::Result<bool> {
    let Some((application_id, _)) = &story.provider else {
        return Ok(false);
    };
    let row = sqlx::query(
        "SELECT 1 AS one FROM provider_applications \
         WHERE id = $1 AND organisation_id IS NULL AND user_id = $2",
    )
    .bind(application_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("checking who a story's provider is")?;
    Ok(row.is_some())
}

pub struct NewStory<'a> {
    pub organisation_id: &'a str,
    pub service: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub good: &'a str,
    pub better: &'a str,
    /// None for a story entered for someone who is not online (see `for_someone`).
    pub author_id: Option<&'a str>,
    /// The accredited provider it is about (its application's id), if any.
    pub provider_id: Option<&'a str>,
    /// The resident it was entered for, recorded with the story.
    pub for_someone: Option<crate::assisted::store::ForSomeone<'a>>,
}

/// Stores a story waiting for moderation; returns its id.
pub async fn create(db: &Db, story: &NewStory<'_>) -> anyhow::Result<String> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO stories (id, organisation_id, service, title, body, good, better, \
         author_id, status, created_at, provider_application_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
    )
    .bind(&id)
    .bind(story.organisation_id)
    .bind(story.service)
    .bind(story.title)
    .bind(story.body)
    .bind(story.good)
    .bind(story.better)
    .bind(story.author_id)
    .bind(now_ms())
    .bind(story.provider_id)
    .execute(&mut *tx)
    .await
    .context("storing a story")?;
    if let Some(entry) = &story.for_someone {
        let item = crate::audit::Item {
            kind: "story",
            id: &id,
            label: story.title,
            link: &format!("/stories/{id}"),
        };
        crate::assisted::store::record(&mut tx, item, entry, None).await?;
    }
    tx.commit().await.context("committing a story")?;
    Ok(id)
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Story>> {
    let row = sqlx::query(concat!(select_story!(), " WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a story")?;
    row.as_ref().map(story_from_row).transpose()
}

/// Which published stories a list shows: all, or those of one organisation, or those about
/// one provider.
#[derive(Clone, Copy, Debug, Default)]
pub enum About<'a> {
    #[default]
    Everyone,
    Organisation(&'a str),
    Provider(&'a str),
}

/// Published stories not hidden by a moderator, newest first, after the cursor
/// `(published_at, id)` if given: the list pages, the API, the widget.
pub async fn published_page(
    db: &Db,
    about: About<'_>,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Story>> {
    let (before_at, before_id) = before.unwrap_or((i64::MAX, "\u{10FFFF}"));
    // Each filter is its own statement, so each is read from its own partial index.
    let (only, value) = match about {
        About::Everyone => (" AND $4 = $4", ""),
        About::Organisation(id) => (" AND s.organisation_id = $4", id),
        About::Provider(id) => (" AND s.provider_application_id = $4", id),
    };
    let sql = format!(
        "{} WHERE s.status = 'published' AND s.hidden_reason = ''{only} \
           AND s.published_at <= $1 AND (s.published_at < $1 OR (s.published_at = $1 AND s.id < $2)) \
         ORDER BY s.published_at DESC, s.id DESC LIMIT $3",
        select_story!()
    );
    // Only constant text goes into the statement: the filter picks one of three conditions.
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(before_at)
        .bind(before_id)
        .bind(limit)
        .bind(value)
        .fetch_all(db)
        .await
        .context("listing published stories")?;
    rows.iter().map(story_from_row).collect()
}

/// Stories waiting for a moderator, oldest first.
pub async fn pending(db: &Db) -> anyhow::Result<Vec<Story>> {
    let rows = sqlx::query(concat!(
        select_story!(),
        " WHERE s.status = 'pending' ORDER BY s.created_at, s.id"
    ))
    .fetch_all(db)
    .await
    .context("listing stories to moderate")?;
    rows.iter().map(story_from_row).collect()
}

/// Publishes a pending story, or rejects it with a reason the author sees. False if it was
/// no longer pending (two moderators at once decide once).
pub async fn moderate(db: &Db, id: &str, publish: bool, note: &str) -> anyhow::Result<bool> {
    let status = if publish { "published" } else { "rejected" };
    let done = sqlx::query(
        "UPDATE stories SET status = $1, moderation_note = $2, \
         published_at = CASE WHEN $1 = 'published' THEN $3 ELSE NULL END \
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status)
    .bind(note)
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await
    .context("moderating a story")?;
    Ok(done.rows_affected() == 1)
}

/// The provider's public response, replacing any earlier one.
pub async fn respond(
    db: &Db,
    id: &str,
    response: &str,
    change: Change,
    by: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE stories SET response = $1, change = $2, responded_by = $3, responded_at = $4 \
         WHERE id = $5",
    )
    .bind(response)
    .bind(change.as_str())
    .bind(by)
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await
    .context("responding to a story")?;
    Ok(())
}
