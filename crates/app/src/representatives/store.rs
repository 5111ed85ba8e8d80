//! All SQL about representatives and the public questions residents ask them.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Debug)]
pub struct Representative {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub area_name: String,
    pub area_slug: String,
    pub role: String,
    pub party: String,
    pub asked: i64,
    pub answered: i64,
}

impl Representative {
    /// The share of questions answered, in whole per cent; `None` before any question.
    pub fn response_rate(&self) -> Option<i64> {
        crate::i18n::format::whole_percent(self.answered, self.asked)
    }

    pub fn unanswered(&self) -> i64 {
        self.asked - self.answered
    }
}

macro_rules! select_representative {
    () => {
        "SELECT r.id, r.user_id, u.display_name AS name, a.name AS area_name, \
         a.slug AS area_slug, r.role, r.party, \
         (SELECT COUNT(*) FROM rep_questions q WHERE q.representative_id = r.id \
            AND q.hidden_reason = '') AS asked, \
         (SELECT COUNT(*) FROM rep_questions q WHERE q.representative_id = r.id \
            AND q.hidden_reason = '' AND q.answered_at IS NOT NULL) AS answered \
         FROM representatives r JOIN users u ON u.id = r.user_id JOIN areas a ON a.id = r.area_id"
    };
}

fn representative_from_row(row: &AnyRow) -> anyhow::Result<Representative> {
    Ok(Representative {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        name: row.try_get("name")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        role: row.try_get("role")?,
        party: row.try_get("party")?,
        asked: row.try_get("asked")?,
        answered: row.try_get("answered")?,
    })
}

/// Links a user to an area as its representative; false if they already are.
pub async fn add(
    db: &Db,
    user_id: &str,
    area_id: &str,
    role: &str,
    party: &str,
) -> anyhow::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO representatives (id, user_id, area_id, role, party, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(user_id)
    .bind(area_id)
    .bind(role)
    .bind(party)
    .bind(now_ms())
    .execute(db)
    .await;
    match added {
        Err(e) if is_unique_violation(&e) => Ok(false),
        other => other.map(|_| true).context("adding a representative"),
    }
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Representative>> {
    let rows = sqlx::query(concat!(
        select_representative!(),
        " ORDER BY a.name, u.display_name"
    ))
    .fetch_all(db)
    .await
    .context("listing representatives")?;
    rows.iter().map(representative_from_row).collect()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Representative>> {
    let row = sqlx::query(concat!(select_representative!(), " WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a representative")?;
    row.as_ref().map(representative_from_row).transpose()
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: String,
    pub representative_id: String,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub question: String,
    pub answer: String,
    pub answered_at: Option<i64>,
    pub created_at: i64,
    /// Why a moderator hid it; empty while it is shown.
    pub hidden_reason: String,
}

pub async fn questions(db: &Db, representative_id: &str) -> anyhow::Result<Vec<Question>> {
    let rows = sqlx::query(
        "SELECT q.id, q.representative_id, q.author_id, u.display_name AS author_name, \
         q.question, q.answer, q.answered_at, q.created_at, q.hidden_reason \
         FROM rep_questions q LEFT JOIN users u ON u.id = q.author_id \
         WHERE q.representative_id = $1 ORDER BY q.created_at DESC, q.id DESC",
    )
    .bind(representative_id)
    .fetch_all(db)
    .await
    .context("listing questions")?;
    rows.iter()
        .map(|row| {
            Ok(Question {
                id: row.try_get("id")?,
                representative_id: row.try_get("representative_id")?,
                author_id: row.try_get("author_id")?,
                author_name: row.try_get("author_name")?,
                question: row.try_get("question")?,
                answer: row.try_get("answer")?,
                answered_at: row.try_get("answered_at")?,
                created_at: row.try_get("created_at")?,
                hidden_reason: row.try_get("hidden_reason")?,
            })
        })
        .collect()
}

pub async fn ask(
    db: &Db,
    representative_id: &str,
    author_id: &str,
    question: &str,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO rep_questions (id, representative_id, author_id, question, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(representative_id)
    .bind(author_id)
    .bind(question)
    .bind(now_ms())
    .execute(db)
    .await
    .context("asking a question")?;
    Ok(id)
}

/// The question with its representative's user id, for checking who may answer.
pub async fn question_owner(
    db: &Db,
    question_id: &str,
) -> anyhow::Result<Option<(String, String)>> {
    let row = sqlx::query(
        "SELECT q.representative_id, r.user_id FROM rep_questions q \
         JOIN representatives r ON r.id = q.representative_id WHERE q.id = $1",
    )
    .bind(question_id)
    .fetch_optional(db)
    .await
    .context("loading a question")?;
    row.map(|row| Ok((row.try_get("representative_id")?, row.try_get("user_id")?)))
        .transpose()
}

/// Records (or corrects) the representative's public answer.
pub async fn answer(db: &Db, question_id: &str, answer: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE rep_questions SET answer = $1, answered_at = COALESCE(answered_at, $2) \
         WHERE id = $3",
    )
    .bind(answer)
    .bind(now_ms())
    .bind(question_id)
    .execute(db)
    .await
    .context("answering a question")?;
    Ok(())
}
