//! All SQL of the audit log: writing an entry inside the caller's transaction, and reading
//! pages of entries newest first (filtered) for admins and the export.

use anyhow::Context;
use sqlx::Row;

use super::{Action, Entry};
use crate::db::{Db, Sql, new_id, now_ms};

/// Records `entry` with the caller's executor: pass the action's own transaction, so the
/// action and its record commit together or not at all.
pub async fn write<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    entry: &Entry<'_>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_name, action, item_kind, item_id, \
         item_label, item_link, detail) \
         VALUES ($1, $2, $3, COALESCE((SELECT display_name FROM users WHERE id = $3), ''), \
         $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(now_ms())
    .bind(entry.actor_id)
    .bind(entry.action.as_str())
    .bind(entry.item.kind)
    .bind(entry.item.id)
    .bind(entry.item.label)
    .bind(entry.item.link)
    .bind(entry.detail)
    .execute(db)
    .await
    .context("writing the audit log")?;
    Ok(())
}

/// What an admin asks of the log; every part optional.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub action: Option<Action>,
    pub actor_id: Option<String>,
    pub item_id: Option<String>,
    /// Entries at or after this time (ms).
    pub from: Option<i64>,
    /// Entries before this time (ms).
    pub until: Option<i64>,
}

/// One recorded action as read back.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub id: String,
    pub at: i64,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub action: String,
    pub item_kind: String,
    pub item_id: String,
    pub item_label: String,
    pub item_link: String,
    pub detail: String,
}

/// A page of entries newest first, after the cursor (time, id) when given. Each filter that
/// is set is a condition of its own, so the index that fits it is used.
pub async fn page(
    db: &Db,
    filter: &Filter,
    cursor: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Recorded>> {
    let mut q = Sql::new(
        "SELECT id, at, actor_id, actor_name, action, item_kind, item_id, item_label, \
         item_link, detail FROM audit_log WHERE 1 = 1",
    );
    if let Some(action) = filter.action {
        q.push(" AND action = ").bind(action.as_str().to_string());
    }
    if let Some(actor) = &filter.actor_id {
        q.push(" AND actor_id = ").bind(actor.clone());
    }
    if let Some(item) = &filter.item_id {
        q.push(" AND item_id = ").bind(item.clone());
    }
    if let Some(from) = filter.from {
        q.push(" AND at >= ").bind(from);
    }
    if let Some(until) = filter.until {
        q.push(" AND at < ").bind(until);
    }
    if let Some(cursor) = cursor {
        q.older_than("at", "id", cursor);
    }
    q.push(" ORDER BY at DESC, id DESC LIMIT ").bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("reading the audit log")?;
    rows.iter()
        .map(|row| {
            Ok(Recorded {
                id: row.try_get("id")?,
                at: row.try_get("at")?,
                actor_id: row.try_get("actor_id")?,
                actor_name: row.try_get("actor_name")?,
                action: row.try_get("action")?,
                item_kind: row.try_get("item_kind")?,
                item_id: row.try_get("item_id")?,
                item_label: row.try_get("item_label")?,
                item_link: row.try_get("item_link")?,
                detail: row.try_get("detail")?,
            })
        })
        .collect()
}
