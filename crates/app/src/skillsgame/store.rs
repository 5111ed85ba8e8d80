//! All SQL about skills-game sessions, their tables and answers.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::results::Answer;
use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub slug: String,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
    pub title: String,
    pub held_on: String,
    pub place: String,
    pub closed: bool,
}

#[derive(Clone, Debug)]
pub struct Table {
    pub id: String,
    pub session_id: String,
    pub name: String,
    pub token: String,
}

macro_rules! select_session {
    () => {
        "SELECT s.id, s.slug, s.area_id, a.name AS area_name, a.slug AS area_slug, s.title, \
         s.held_on, s.place, CASE WHEN s.closed THEN 1 ELSE 0 END AS closed \
         FROM game_sessions s JOIN areas a ON a.id = s.area_id"
    };
}

fn session_from_row(row: &AnyRow) -> anyhow::Result<Session> {
    Ok(Session {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        title: row.try_get("title")?,
        held_on: row.try_get("held_on")?,
        place: row.try_get("place")?,
        closed: row.try_get::<i32, _>("closed")? == 1,
    })
}

fn table_from_row(row: &AnyRow) -> anyhow::Result<Table> {
    Ok(Table {
        id: row.try_get("id")?,
        session_id: row.try_get("session_id")?,
        name: row.try_get("name")?,
        token: row.try_get("token")?,
    })
}

pub struct NewSession<'a> {
    pub area_id: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub held_on: &'a str,
    pub place: &'a str,
    pub tables: &'a [String],
    /// The event it is played at, if any.
    pub event_id: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateSessionError {
    #[error("a session with this address already exists")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Creates the session and its tables, each with its own secret link.
pub async fn create(
    db: &Db,
    session: &NewSession<'_>,
    by: &str,
) -> Result<String, CreateSessionError> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO game_sessions (id, slug, area_id, title, held_on, place, closed, created_by, \
         created_at, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(session.slug)
    .bind(session.area_id)
    .bind(session.title)
    .bind(session.held_on)
    .bind(session.place)
    .bind(false)
    .bind(by)
    .bind(now_ms())
    .bind(session.event_id)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(CreateSessionError::SlugTaken),
        Err(e) => return Err(anyhow::Error::new(e).context("creating a session").into()),
    }
    for (position, name) in session.tables.iter().enumerate() {
        sqlx::query(
            "INSERT INTO game_tables (id, session_id, name, position, token) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(name)
        .bind(position as i64)
        .bind(crate::web::session::random_token())
        .execute(&mut *tx)
        .await
        .context("adding a table")?;
    }
    tx.commit().await.context("committing a new session")?;
    Ok(id)
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Session>> {
    let row = sqlx::query(concat!(select_session!(), " WHERE s.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("finding a session")?;
    row.as_ref().map(session_from_row).transpose()
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Session>> {
    let rows = sqlx::query(concat!(select_session!(), " ORDER BY s.held_on DESC, s.id"))
        .fetch_all(db)
        .await
        .context("listing sessions")?;
    rows.iter().map(session_from_row).collect()
}

pub async fn close(db: &Db, id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE game_sessions SET closed = $1 WHERE id = $2")
        .bind(true)
        .bind(id)
        .execute(db)
        .await
        .context("closing a session")?;
    Ok(())
}

pub async fn tables(db: &Db, session_id: &str) -> anyhow::Result<Vec<Table>> {
    let rows = sqlx::query(
        "SELECT id, session_id, name, token FROM game_tables WHERE session_id = $1 \
         ORDER BY position",
    )
    .bind(session_id)
    .fetch_all(db)
    .await
    .context("listing tables")?;
    rows.iter().map(table_from_row).collect()
}

/// The table whose link holds this token, with its session.
pub async fn table_by_token(db: &Db, token: &str) -> anyhow::Result<Option<(Table, Session)>> {
    let row = sqlx::query("SELECT id, session_id, name, token FROM game_tables WHERE token = $1")
        .bind(token)
        .fetch_optional(db)
        .await
        .context("finding a table")?;
    let Some(table) = row.as_ref().map(table_from_row).transpose()? else {
        return Ok(None);
    };
    let row = sqlx::query(concat!(select_session!(), " WHERE s.id = $1"))
        .bind(&table.session_id)
        .fetch_one(db)
        .await
        .context("finding a table's session")?;
    Ok(Some((table, session_from_row(&row)?)))
}

/// Records (or changes) a table's answer for a card.
pub async fn record(db: &Db, table_id: &str, card: &str, answer: Answer) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO game_answers (table_id, card_code, answer, answered_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (table_id, card_code) DO UPDATE SET answer = $3, answered_at = $4",
    )
    .bind(table_id)
    .bind(card)
    .bind(answer.as_str())
    .bind(now_ms())
    .execute(db)
    .await
    .context("recording an answer")?;
    Ok(())
}

/// Every answer of the session's tables: (table id, card, answer).
pub async fn answers(db: &Db, session_id: &str) -> anyhow::Result<Vec<(String, String, Answer)>> {
    let rows = sqlx::query(
        "SELECT g.table_id, g.card_code, g.answer FROM game_answers g \
         JOIN game_tables t ON t.id = g.table_id WHERE t.session_id = $1",
    )
    .bind(session_id)
    .fetch_all(db)
    .await
    .context("reading a session's answers")?;
    rows.iter()
        .map(|r| {
            let answer: String = r.try_get("answer")?;
            Ok((
                r.try_get("table_id")?,
                r.try_get("card_code")?,
                Answer::parse(&answer).with_context(|| format!("unknown answer {answer:?}"))?,
            ))
        })
        .collect()
}

/// One table's answers: (card, answer).
pub async fn table_answers(db: &Db, table_id: &str) -> anyhow::Result<Vec<(String, Answer)>> {
    let rows = sqlx::query("SELECT card_code, answer FROM game_answers WHERE table_id = $1")
        .bind(table_id)
        .fetch_all(db)
        .await
        .context("reading a table's answers")?;
    rows.iter()
        .map(|r| {
            let answer: String = r.try_get("answer")?;
            Ok((
                r.try_get("card_code")?,
                Answer::parse(&answer).with_context(|| format!("unknown answer {answer:?}"))?,
            ))
        })
        .collect()
}

/// Cards that every table which answered them, in sessions held in the area or inside it,
/// said nobody they know can do: the pooled gaps, in card order.
pub async fn pooled_gaps_in_area(db: &Db, area_id: &str) -> anyhow::Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT g.card_code FROM game_answers g JOIN game_tables t ON t.id = g.table_id \
         JOIN game_sessions s ON s.id = t.session_id \
         JOIN skill_cards c ON c.code = g.card_code \
         WHERE s.area_id IN (SELECT id FROM areas WHERE id = $1 OR parent_id = $1 \
                             OR parent_id IN (SELECT id FROM areas WHERE parent_id = $1)) \
         AND NOT c.retired \
         GROUP BY g.card_code, c.position \
         HAVING SUM(CASE WHEN g.answer = 'nobody' THEN 0 ELSE 1 END) = 0 \
         ORDER BY c.position",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("finding the skills game's gaps")?;
    rows.iter().map(|r| Ok(r.try_get("card_code")?)).collect()
}

/// The sessions played at an event: (slug, title).
pub async fn of_event(db: &Db, event_id: &str) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT slug, title FROM game_sessions WHERE event_id = $1 ORDER BY created_at, id",
    )
    .bind(event_id)
    .fetch_all(db)
    .await
    .context("listing an event's game sessions")?;
    rows.iter()
        .map(|r| Ok((r.try_get("slug")?, r.try_get("title")?)))
        .collect()
}
