//! All SQL of entries made on someone's behalf: recording one in the item's own
//! transaction, the entries a person made, the public marker, and claiming with a code.

use anyhow::Context;
use sqlx::Row;

use crate::audit::{Action, Entry, Item};
use crate::db::{Db, new_id, now_ms};

/// The resident an item was entered for, and who entered it.
#[derive(Clone, Debug)]
pub struct ForSomeone<'a> {
    pub person_name: &'a str,
    pub phone: &'a str,
    pub postal_address: &'a str,
    pub consent_note: &'a str,
    pub entered_by: &'a str,
    /// SHA-256 of the claim code printed on the resident's slip.
    pub claim_code_hash: &'a str,
}

/// Records that `item` (a report, a story...) was entered for someone, with the audit
/// entry, in the item's own transaction.
pub async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kind: &str,
    item: (&str, &str, &str),
    entry: &ForSomeone<'_>,
) -> anyhow::Result<()> {
    let (item_id, label, link) = item;
    sqlx::query(
        "INSERT INTO assisted_entries (id, kind, item_id, person_name, phone, postal_address, \
         consent_note, entered_by, claim_code_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(new_id())
    .bind(kind)
    .bind(item_id)
    .bind(entry.person_name)
    .bind(entry.phone)
    .bind(entry.postal_address)
    .bind(entry.consent_note)
    .bind(entry.entered_by)
    .bind(entry.claim_code_hash)
    .bind(now_ms())
    .execute(&mut **tx)
    .await
    .context("recording an entry on someone's behalf")?;
    let audit = Entry {
        actor_id: Some(entry.entered_by),
        action: Action::EnteredForSomeone,
        item: Item {
            kind,
            id: item_id,
            label,
            link,
        },
        detail: "",
    };
    crate::audit::store::write(&mut **tx, &audit).await
}

/// Whether the item was entered with help (what the public sees; never by whom).
pub async fn entered_with_help(db: &Db, kind: &str, item_id: &str) -> anyhow::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM assisted_entries WHERE kind = $1 AND item_id = $2")
            .bind(kind)
            .bind(item_id)
            .fetch_optional(db)
            .await
            .context("looking for an entry on someone's behalf")?;
    Ok(found.is_some())
}

/// An entry as listed for the person who made it.
#[derive(Clone, Debug)]
pub struct Made {
    pub id: String,
    pub kind: String,
    pub item_id: String,
    pub person_name: String,
    pub claimed: bool,
    pub created_at: i64,
}

/// The entries `user_id` made, newest first, after the cursor (created_at, id).
pub async fn made_by(
    db: &Db,
    user_id: &str,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Made>> {
    let mut q = crate::db::Sql::new(
        "SELECT id, kind, item_id, person_name, created_at, \
         CASE WHEN claimed_at IS NULL THEN 0 ELSE 1 END AS claimed FROM assisted_entries \
         WHERE entered_by = ",
    );
    q.bind(user_id.to_string());
    if let Some(cursor) = before {
        q.older_than("created_at", "id", cursor);
    }
    q.push(" ORDER BY created_at DESC, id DESC LIMIT ")
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing entries made for others")?;
    rows.iter()
        .map(|row| {
            Ok(Made {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                item_id: row.try_get("item_id")?,
                person_name: row.try_get("person_name")?,
                claimed: row.try_get::<i32, _>("claimed")? == 1,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// Gives the item of the unclaimed entry with this code to `user_id`: they become its
/// author (and a report's follower), in one transaction. The item's (kind, id), or None
/// for a code that matches nothing unclaimed.
pub async fn claim(
    db: &Db,
    code_hash: &str,
    user_id: &str,
) -> anyhow::Result<Option<(String, String)>> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query(
        "UPDATE assisted_entries SET claimed_by = $1, claimed_at = $2 \
         WHERE claim_code_hash = $3 AND claimed_at IS NULL RETURNING kind, item_id",
    )
    .bind(user_id)
    .bind(now)
    .bind(code_hash)
    .fetch_optional(&mut *tx)
    .await
    .context("claiming an entry")?;
    let Some(row) = row else {
        return Ok(None);
    };
    let kind: String = row.try_get("kind")?;
    let item_id: String = row.try_get("item_id")?;
    match kind.as_str() {
        "report" => {
            sqlx::query("UPDATE reports SET author_id = $1 WHERE id = $2 AND author_id IS NULL")
                .bind(user_id)
                .bind(&item_id)
                .execute(&mut *tx)
                .await
                .context("giving a report its author")?;
            sqlx::query(
                "INSERT INTO report_followers (report_id, user_id, affected, created_at) \
                 VALUES ($1, $2, TRUE, $3) ON CONFLICT (report_id, user_id) DO NOTHING",
            )
            .bind(&item_id)
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await
            .context("following a claimed report")?;
        }
        other => anyhow::bail!("cannot claim an entry of kind {other:?}"),
    }
    tx.commit().await.context("committing a claim")?;
    Ok(Some((kind, item_id)))
}
