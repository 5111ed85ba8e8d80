//! All SQL about moderation: flags on reports, stories and questions, hiding with a reason
//! the author sees, and how much a person has posted lately (the posting limit).

use anyhow::Context;
use sqlx::Row;

use crate::audit::Entry;
use crate::db::{Db, is_unique_violation, new_id, now_ms};

/// What can be flagged and hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Report,
    Story,
    Question,
    Post,
}

impl Target {
    pub fn parse(value: &str) -> Option<Target> {
        match value {
            "report" => Some(Target::Report),
            "story" => Some(Target::Story),
            "question" => Some(Target::Question),
            "post" => Some(Target::Post),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Report => "report",
            Target::Story => "story",
            Target::Question => "question",
            Target::Post => "post",
        }
    }

    /// Where the flagged item is shown.
    pub fn link(self, id: &str, parent: &str) -> String {
        match self {
            Target::Report => format!("/reports/{id}"),
            Target::Story => format!("/stories/{id}"),
            Target::Question => format!("/representatives/{parent}#question-{id}"),
            Target::Post => format!("/conversations/{parent}#post-{id}"),
        }
    }
}

/// Flags the item; false if this person had flagged it already.
pub async fn flag(
    db: &Db,
    target: Target,
    target_id: &str,
    reporter_id: &str,
    reason: &str,
) -> anyhow::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO flags (id, target_kind, target_id, reporter_id, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(target.as_str())
    .bind(target_id)
    .bind(reporter_id)
    .bind(reason)
    .bind(now_ms())
    .execute(db)
    .await;
    match added {
        Err(e) if is_unique_violation(&e) => Ok(false),
        other => other.map(|_| true).context("flagging"),
    }
}

/// The item's title (or first words) and, for a question, its representative's id; `None`
/// if there is no such item.
pub async fn describe(
    db: &Db,
    target: Target,
    id: &str,
) -> anyhow::Result<Option<(String, String)>> {
    let sql = match target {
        Target::Report => "SELECT title AS text, '' AS parent FROM reports WHERE id = $1",
        Target::Story => "SELECT title AS text, '' AS parent FROM stories WHERE id = $1",
        Target::Question => {
            "SELECT question AS text, representative_id AS parent FROM rep_questions WHERE id = $1"
        }
        Target::Post => {
            "SELECT body AS text, conversation_id AS parent FROM conversation_posts WHERE id = $1"
        }
    };
    let row = sqlx::query(sql)
        .bind(id)
        .fetch_optional(db)
        .await
        .context("finding a flagged item")?;
    row.map(|row| Ok((row.try_get("text")?, row.try_get("parent")?)))
        .transpose()
}

#[derive(Clone, Debug)]
pub struct OpenFlag {
    pub target: Target,
    pub target_id: String,
    pub reasons: Vec<String>,
    pub first_at: i64,
}

/// Items with unresolved flags, the longest waiting first, each with every reason given.
pub async fn open_flags(db: &Db) -> anyhow::Result<Vec<OpenFlag>> {
    let rows = sqlx::query(
        "SELECT target_kind, target_id, reason, created_at FROM flags \
         WHERE resolved_at IS NULL ORDER BY created_at, id",
    )
    .fetch_all(db)
    .await
    .context("listing flags")?;
    let mut open: Vec<OpenFlag> = Vec::new();
    for row in &rows {
        let kind: String = row.try_get("target_kind")?;
        let target = Target::parse(&kind).with_context(|| format!("unknown target {kind:?}"))?;
        let target_id: String = row.try_get("target_id")?;
        let reason: String = row.try_get("reason")?;
        match open
            .iter_mut()
            .find(|f| f.target == target && f.target_id == target_id)
        {
            Some(existing) => existing.reasons.push(reason),
            None => open.push(OpenFlag {
                target,
                target_id,
                reasons: vec![reason],
                first_at: row.try_get("created_at")?,
            }),
        }
    }
    Ok(open)
}

/// Hides the item with a reason its author sees (or, with an empty reason, shows it again),
/// closes its flags and records `entry` in the audit log, in one transaction.
pub async fn hide(
    db: &Db,
    target: Target,
    id: &str,
    reason: &str,
    entry: &Entry<'_>,
) -> anyhow::Result<()> {
    let sql = match target {
        Target::Report => "UPDATE reports SET hidden_reason = $1 WHERE id = $2",
        Target::Story => "UPDATE stories SET hidden_reason = $1 WHERE id = $2",
        Target::Question => "UPDATE rep_questions SET hidden_reason = $1 WHERE id = $2",
        Target::Post => "UPDATE conversation_posts SET hidden_reason = $1 WHERE id = $2",
    };
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(sql)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await
        .context("hiding an item")?;
    resolve(&mut *tx, target, id).await?;
    crate::audit::store::write(&mut *tx, entry).await?;
    tx.commit().await.context("committing a moderation")?;
    Ok(())
}

/// Closes the item's flags without hiding it, recording `entry` in the audit log.
pub async fn dismiss(db: &Db, target: Target, id: &str, entry: &Entry<'_>) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    resolve(&mut *tx, target, id).await?;
    crate::audit::store::write(&mut *tx, entry).await?;
    tx.commit().await.context("committing a dismissal")?;
    Ok(())
}

async fn resolve<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    target: Target,
    id: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE flags SET resolved_at = $1 WHERE target_kind = $2 AND target_id = $3 \
         AND resolved_at IS NULL",
    )
    .bind(now_ms())
    .bind(target.as_str())
    .bind(id)
    .execute(db)
    .await
    .context("closing flags")?;
    Ok(())
}

/// When the user posted lately (ms, newest first, at most `limit`), counting everything the
/// posting limit covers: reports, stories, questions to representatives, conversation
/// posts, events and open-space sessions, offers and asks, and asset items.
pub async fn post_times_since(
    db: &Db,
    user_id: &str,
    since: i64,
    limit: i64,
) -> anyhow::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT created_at FROM ( \
           SELECT created_at FROM reports WHERE author_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM stories WHERE author_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM rep_questions WHERE author_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM conversation_posts \
             WHERE author_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM events WHERE organiser_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM open_space_sessions \
             WHERE host_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM help_posts WHERE owner_id = $1 AND created_at >= $2 \
           UNION ALL SELECT created_at FROM assets WHERE owner_id = $1 AND created_at >= $2 \
         ) recent ORDER BY created_at DESC LIMIT $3",
    )
    .bind(user_id)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("reading the times of recent posts")
}
