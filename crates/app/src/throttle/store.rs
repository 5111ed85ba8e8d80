//! Failed attempts, one row each: which count (`kind`), whose (`subject`, a hash) and when.

use anyhow::Context;
use sqlx::Row;

use crate::db::{Db, new_id};

/// Counts an attempt as failed at `at`; its id, to take it back if it succeeds.
pub async fn record(db: &Db, kind: &str, subject: &str, at: i64) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO attempt_failures (id, kind, subject, failed_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(kind)
    .bind(subject)
    .bind(at)
    .execute(db)
    .await
    .context("counting a failed attempt")?;
    Ok(id)
}

/// The newest failures after `since` (id, time), newest first, at most `limit`.
pub async fn recent(
    db: &Db,
    kind: &str,
    subject: &str,
    since: i64,
    limit: i64,
) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query(
        "SELECT id, failed_at FROM attempt_failures \
         WHERE kind = $1 AND subject = $2 AND failed_at > $3 \
         ORDER BY failed_at DESC, id DESC LIMIT $4",
    )
    .bind(kind)
    .bind(subject)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("reading recent failed attempts")?;
    rows.iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("failed_at")?)))
        .collect()
}

/// Takes back attempts counted by [`record`].
pub async fn forget(db: &Db, ids: &[String]) -> anyhow::Result<()> {
    for id in ids {
        sqlx::query("DELETE FROM attempt_failures WHERE id = $1")
            .bind(id)
            .execute(db)
            .await
            .context("taking back a counted attempt")?;
    }
    Ok(())
}

/// Forgets every failure counted against one subject (a password reset clears sign-in).
pub async fn clear(db: &Db, kind: &str, subject: &str) -> anyhow::Result<u64> {
    let done = sqlx::query("DELETE FROM attempt_failures WHERE kind = $1 AND subject = $2")
        .bind(kind)
        .bind(subject)
        .execute(db)
        .await
        .context("clearing failed attempts")?;
    Ok(done.rows_affected())
}

/// Deletes failures at or before `before`: they no longer count towards any limit.
pub async fn prune(db: &Db, before: i64) -> anyhow::Result<u64> {
    let done = sqlx::query("DELETE FROM attempt_failures WHERE failed_at <= $1")
        .bind(before)
        .execute(db)
        .await
        .context("pruning old failed attempts")?;
    Ok(done.rows_affected())
}
