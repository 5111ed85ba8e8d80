use anyhow::Context;
use serde::Serialize;
use sqlx::{Any, Executor, Row};

use crate::db::{Db, new_id, now_ms};

#[derive(Clone, Debug)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub payload: String,
    pub attempts: i32,
    pub max_attempts: i32,
}

/// Queues a job to run now; pass a transaction to make it part of a larger change.
pub async fn enqueue<'e, E, P>(executor: E, kind: &str, payload: &P) -> anyhow::Result<()>
where
    E: Executor<'e, Database = Any>,
    P: Serialize,
{
    enqueue_at(executor, kind, payload, now_ms()).await
}

/// Queues a job that is not due before `run_at` (Unix ms).
pub async fn enqueue_at<'e, E, P>(
    executor: E,
    kind: &str,
    payload: &P,
    run_at: i64,
) -> anyhow::Result<()>
where
    E: Executor<'e, Database = Any>,
    P: Serialize,
{
    let payload = serde_json::to_string(payload).context("encoding a job")?;
    let now = now_ms();
    sqlx::query(
        "INSERT INTO jobs (id, kind, payload, run_at, attempts, max_attempts, created_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $6)",
    )
    .bind(new_id())
    .bind(kind)
    .bind(payload)
    .bind(run_at)
    .bind(8_i32)
    .bind(now)
    .execute(executor)
    .await
    .context("queueing a job")?;
    Ok(())
}

/// Which jobs a worker takes: those of the two listed kinds, or all the others.
#[derive(Clone, Copy, Debug)]
pub struct Lane {
    pub kinds: [&'static str; 2],
    pub listed: bool,
}

/// Takes the next due job of `lane` and leases it for `lease_ms`. The repeated conditions in
/// the outer WHERE make two workers racing for one row safe on PostgreSQL too: the loser's
/// UPDATE re-checks them against the winner's committed row and touches nothing.
pub async fn claim(db: &Db, lane: Lane, lease_ms: i64) -> anyhow::Result<Option<Job>> {
    let now = now_ms();
    let sql = if lane.listed {
        "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $2 \
                     AND attempts < max_attempts AND kind IN ($3, $4) \
                     AND (locked_until IS NULL OR locked_until < $2) \
                     ORDER BY run_at, id LIMIT 1) \
           AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
         RETURNING id, kind, payload, attempts, max_attempts"
    } else {
        "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $2 \
                     AND attempts < max_attempts AND kind NOT IN ($3, $4) \
                     AND (locked_until IS NULL OR locked_until < $2) \
                     ORDER BY run_at, id LIMIT 1) \
           AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
         RETURNING id, kind, payload, attempts, max_attempts"
    };
    let query = sqlx::query(sql)
        .bind(now + lease_ms)
        .bind(now)
        .bind(lane.kinds[0])
        .bind(lane.kinds[1]);
    let row = query.fetch_optional(db).await.context("claiming a job")?;
    row.map(|row| {
        Ok(Job {
            id: row.try_get("id")?,
            kind: row.try_get("kind")?,
            payload: row.try_get("payload")?,
            attempts: row.try_get("attempts")?,
            max_attempts: row.try_get("max_attempts")?,
        })
    })
    .transpose()
}

pub async fn complete(db: &Db, id: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE jobs SET done_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2",
    )
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await
    .context("completing a job")?;
    Ok(())
}

/// Records a failure; the job runs again after `retry_in_ms` unless it has used its attempts.
pub async fn fail(db: &Db, id: &str, error: &str, retry_in_ms: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE jobs SET locked_until = NULL, last_error = $1, run_at = $2 WHERE id = $3")
        .bind(error)
        .bind(now_ms() + retry_in_ms)
        .bind(id)
        .execute(db)
        .await
        .context("recording a job failure")?;
    Ok(())
}

/// Gives a claimed job back unfinished (the process is stopping): another worker may take
/// it at once, and the attempt does not count against it.
pub async fn hand_back(db: &Db, id: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE jobs SET locked_until = NULL, attempts = attempts - 1 \
         WHERE id = $1 AND done_at IS NULL AND attempts > 0",
    )
    .bind(id)
    .execute(db)
    .await
    .context("handing back a job")?;
    Ok(())
}

/// How many jobs are due and waiting, and the run time of the longest waiting (for
/// `/metrics`): reads the pending rows through the index on `run_at`.
pub async fn due_backlog(db: &Db, now: i64) -> anyhow::Result<(i64, Option<i64>)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(run_at) AS oldest FROM jobs \
         WHERE done_at IS NULL AND run_at <= $1",
    )
    .bind(now)
    .fetch_one(db)
    .await
    .context("measuring the job queue")?;
    Ok((row.try_get("n")?, row.try_get("oldest")?))
}

/// Jobs not yet done (for tests and the admin's view of the queue).
pub async fn pending_count(db: &Db) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM jobs WHERE done_at IS NULL")
        .fetch_one(db)
        .await?;
    Ok(row.try_get("n")?)
}
