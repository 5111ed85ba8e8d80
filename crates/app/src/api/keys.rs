//! API keys for systems that write through the API (Open311 reports). Only each key's
//! SHA-256 is stored; the key itself is shown once, when it is made.

use std::num::NonZeroU32;

use anyhow::Context;
use governor::{DefaultKeyedRateLimiter, Quota};
use sqlx::Row;

use crate::audit::{Action, Entry, Item};
use crate::db::{Db, new_id, now_ms};
use crate::web::session::{hash_token, random_token};

#[derive(Clone, Debug)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub revoked: bool,
}

/// Makes a key named `name`, recorded in the audit log; returns the key, which is not kept.
pub async fn create(db: &Db, name: &str, by: &str) -> anyhow::Result<String> {
    let key = random_token();
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO api_keys (id, key_hash, name, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(hash_token(&key))
    .bind(name)
    .bind(by)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("making an API key")?;
    audit_key(&mut tx, &id, Action::ApiKeyCreated, by).await?;
    tx.commit().await.context("committing an API key")?;
    Ok(key)
}

/// Writes the audit entry for a key, named by its name.
async fn audit_key(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    action: Action,
    actor: &str,
) -> anyhow::Result<()> {
    let name: String = sqlx::query_scalar("SELECT name FROM api_keys WHERE id = $1")
        .bind(id)
        .fetch_one(&mut **tx)
        .await
        .context("naming an API key")?;
    let entry = Entry {
        actor_id: Some(actor),
        action,
        item: Item {
            kind: "api-key",
            id,
            label: &name,
            link: "/reports/categories#api-keys",
        },
        detail: "",
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<ApiKey>> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END AS revoked \
         FROM api_keys ORDER BY created_at DESC, id",
    )
    .fetch_all(db)
    .await
    .context("listing API keys")?;
    rows.iter()
        .map(|row| {
            Ok(ApiKey {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                created_at: row.try_get("created_at")?,
                revoked: row.try_get::<i32, _>("revoked")? == 1,
            })
        })
        .collect()
}

/// Revokes a key, recorded in the audit log (once: revoking it again changes nothing).
pub async fn revoke(db: &Db, id: &str, by: &str) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done =
        sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await
            .context("revoking an API key")?;
    if done.rows_affected() == 1 {
        audit_key(&mut tx, id, Action::ApiKeyRevoked, by).await?;
    }
    tx.commit().await.context("committing a revocation")?;
    Ok(())
}

/// The name of the live key given, if it is one.
pub async fn check(db: &Db, key: &str) -> anyhow::Result<Option<String>> {
    if key.is_empty() {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT name FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
        .bind(hash_token(key))
        .fetch_optional(db)
        .await
        .context("checking an API key")
}

/// How many writes each API key may make: a steady rate per minute, with a burst of the
/// same size, counted per key name in this process.
pub struct WriteLimits(DefaultKeyedRateLimiter<String>);

impl WriteLimits {
    pub fn per_minute(writes: u32) -> WriteLimits {
        let writes = NonZeroU32::new(writes.max(1)).unwrap_or(NonZeroU32::MIN);
        WriteLimits(DefaultKeyedRateLimiter::keyed(Quota::per_minute(writes)))
    }

    /// Whether the key may write now (and counts the write).
    pub fn allow(&self, key_name: &str) -> bool {
        self.0.check_key(&key_name.to_string()).is_ok()
    }
}
