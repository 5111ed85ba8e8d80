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

/// The domain of held addresses: reserved (RFC 6761), so never anyone's mailbox.
pub const HELD_DOMAIN: &str = "held.invalid";

/// What holds an item for a resident with no account or no email until they claim it: an
/// account made for the entry (offers and asks, assets, RSVPs) and its address, or only an
/// address (a jury volunteer's).
#[derive(Clone, Debug)]
pub struct Held {
    pub user_id: Option<String>,
    pub address: String,
}

/// A fresh held address (unique: it is a new id).
pub fn held_address() -> String {
    format!("held-{}@{HELD_DOMAIN}", new_id())
}

/// Whether mail to this address must not be sent as it is (see `passed_on`).
pub fn is_held_address(address: &str) -> bool {
    address
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.eq_ignore_ascii_case(HELD_DOMAIN))
}

/// Makes the held account for an entry, in its transaction: named as the resident gave
/// their name, in the language of the person entering it, and no password can sign in to
/// it (the hash is not a hash).
pub async fn hold_account(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person_name: &str,
    locale: &str,
) -> anyhow::Result<Held> {
    let address = held_address();
    let user = crate::accounts::store::NewUser {
        email: &address,
        password_hash: "!held",
        display_name: person_name,
        home_area_id: None,
        locale,
        is_admin: false,
    };
    let user_id = crate::accounts::store::create(&mut **tx, &user)
        .await
        .map_err(anyhow::Error::new)
        .context("making a held account")?;
    Ok(Held {
        user_id: Some(user_id),
        address,
    })
}

/// Starts an entry whose item needs an owner: the transaction, with the held account made
/// in it. The feature writes its item owned by `held.user_id` in the same transaction,
/// then `finish_held` records the entry and commits.
pub async fn begin_held(
    db: &Db,
    entry: &ForSomeone<'_>,
    locale: &str,
) -> anyhow::Result<(sqlx::Transaction<'static, sqlx::Any>, Held)> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let held = hold_account(&mut tx, entry.person_name, locale).await?;
    Ok((tx, held))
}

/// Records an entry begun with `begin_held` and commits its transaction.
pub async fn finish_held(
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    item: Item<'_>,
    entry: &ForSomeone<'_>,
    held: &Held,
) -> anyhow::Result<()> {
    record(&mut tx, item, entry, Some(held)).await?;
    tx.commit()
        .await
        .with_context(|| format!("committing an entry for someone ({})", item.kind))
}

impl Held {
    /// The held account's id (empty for a held address alone).
    pub fn owner(&self) -> &str {
        self.user_id.as_deref().unwrap_or_default()
    }
}

/// Records that `item` (a report, a story...: its kind, id, a label for the audit log and
/// its page) was entered for someone, with the audit entry, in the item's own transaction.
pub async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    item: Item<'_>,
    entry: &ForSomeone<'_>,
    held: Option<&Held>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO assisted_entries (id, kind, item_id, person_name, phone, postal_address, \
         consent_note, entered_by, claim_code_hash, created_at, held_user_id, held_address, \
         item_link) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(new_id())
    .bind(item.kind)
    .bind(item.id)
    .bind(entry.person_name)
    .bind(entry.phone)
    .bind(entry.postal_address)
    .bind(entry.consent_note)
    .bind(entry.entered_by)
    .bind(entry.claim_code_hash)
    .bind(now_ms())
    .bind(held.and_then(|h| h.user_id.as_deref()))
    .bind(held.map(|h| h.address.as_str()))
    .bind(item.link)
    .execute(&mut **tx)
    .await
    .context("recording an entry on someone's behalf")?;
    let audit = Entry {
        actor_id: Some(entry.entered_by),
        action: Action::EnteredForSomeone,
        item,
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
    /// The item's page (empty for reports entered before pages were recorded).
    pub item_link: String,
    pub person_name: String,
    pub claimed: bool,
    pub created_at: i64,
}

impl Made {
    /// Where the entry's item is seen.
    pub fn link(&self) -> String {
        match (self.item_link.is_empty(), self.kind.as_str()) {
            (true, "report") => format!("/reports/{}", self.item_id),
            _ => self.item_link.clone(),
        }
    }

    /// The person's name, or `erased` once their details were erased.
    pub fn shown_name(&self, erased: String) -> String {
        if self.person_name.is_empty() {
            erased
        } else {
            self.person_name.clone()
        }
    }

    /// The message naming the entry's kind.
    pub fn kind_key(&self) -> String {
        format!("assist-kind-{}", self.kind.replace('_', "-"))
    }
}

/// The entries `user_id` made (None: everyone's, for site admins), newest first, after the
/// cursor (created_at, id).
pub async fn made_by(
    db: &Db,
    user_id: Option<&str>,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Made>> {
    let mut q = crate::db::Sql::new(
        "SELECT id, kind, item_id, item_link, person_name, created_at, \
         CASE WHEN claimed_at IS NULL THEN 0 ELSE 1 END AS claimed FROM assisted_entries \
         WHERE ",
    );
    match user_id {
        Some(user_id) => {
            q.push("entered_by = ").bind(user_id.to_string());
        }
        None => {
            q.push("1 = 1");
        }
    }
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
                item_link: row.try_get("item_link")?,
                person_name: row.try_get("person_name")?,
                claimed: row.try_get::<i32, _>("claimed")? == 1,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// Gives the item of the unclaimed entry with this code to `user_id`, in one transaction:
/// they become a report's or story's author (and a report's follower), the owner of what a
/// held account held (its offers and asks with their matches and messages, assets, RSVPs;
/// the held account is then removed), a jury volunteer's account and address, or the
/// address of a network-mapping answer. The item's kind and page, or None for a code that
/// matches nothing unclaimed.
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
         WHERE claim_code_hash = $3 AND claimed_at IS NULL \
         RETURNING kind, item_id, item_link, held_user_id",
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
    let mut link: String = row.try_get("item_link")?;
    let held: Option<String> = row.try_get("held_user_id")?;
    match (kind.as_str(), held) {
        ("report", _) => {
            claim_report(&mut tx, &item_id, user_id, now).await?;
            if link.is_empty() {
                link = format!("/reports/{item_id}");
            }
        }
        ("story", _) => {
            sqlx::query("UPDATE stories SET author_id = $1 WHERE id = $2 AND author_id IS NULL")
                .bind(user_id)
                .bind(&item_id)
                .execute(&mut *tx)
                .await
                .context("giving a story its author")?;
        }
        ("jury_volunteer", _) => {
            // Their own address replaces the held one unless they volunteered for this
            // jury with it already (then the held address stays, and mail reaches nobody).
            sqlx::query(
                "UPDATE jury_volunteers SET user_id = $1, \
                 email = CASE WHEN EXISTS (SELECT 1 FROM jury_volunteers other, users u \
                     WHERE u.id = $1 AND other.jury_id = jury_volunteers.jury_id \
                     AND other.email = u.email) \
                   THEN email ELSE (SELECT email FROM users WHERE id = $1) END \
                 WHERE id = $2",
            )
            .bind(user_id)
            .bind(&item_id)
            .execute(&mut *tx)
            .await
            .context("giving a volunteer their account")?;
        }
        ("mapping_answer", _) => {
            sqlx::query(
                "UPDATE mapping_nodes SET email = (SELECT email FROM users WHERE id = $1) \
                 WHERE id = $2 AND email = ''",
            )
            .bind(user_id)
            .bind(&item_id)
            .execute(&mut *tx)
            .await
            .context("giving an answer its address")?;
        }
        ("help_post" | "asset" | "rsvp", Some(held)) => {
            move_held_account(&mut tx, &held, user_id).await?;
        }
        (other, _) => anyhow::bail!("cannot claim an entry of kind {other:?}"),
    }
    tx.commit().await.context("committing a claim")?;
    Ok(Some((kind, link)))
}

async fn claim_report(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    report_id: &str,
    user_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE reports SET author_id = $1 WHERE id = $2 AND author_id IS NULL")
        .bind(user_id)
        .bind(report_id)
        .execute(&mut **tx)
        .await
        .context("giving a report its author")?;
    sqlx::query(
        "INSERT INTO report_followers (report_id, user_id, affected, created_at) \
         VALUES ($1, $2, TRUE, $3) ON CONFLICT (report_id, user_id) DO NOTHING",
    )
    .bind(report_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("following a claimed report")?;
    Ok(())
}

/// Moves everything a held account has (it was made for one entry) to the claimant, then
/// removes it. An RSVP to an event the claimant has answered already is dropped: theirs
/// stands.
async fn move_held_account(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    held: &str,
    user_id: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "DELETE FROM event_rsvps WHERE user_id = $1 AND event_id IN \
         (SELECT event_id FROM event_rsvps WHERE user_id = $2)",
    )
    .bind(held)
    .bind(user_id)
    .execute(&mut **tx)
    .await
    .context("dropping a held RSVP the claimant has already made")?;
    for statement in [
        "UPDATE event_rsvps SET user_id = $1 WHERE user_id = $2",
        "UPDATE assets SET owner_id = $1 WHERE owner_id = $2",
        "UPDATE help_posts SET owner_id = $1 WHERE owner_id = $2",
        "UPDATE help_matches SET helper_id = $1 WHERE helper_id = $2",
        "UPDATE help_matches SET helped_id = $1 WHERE helped_id = $2",
        "UPDATE help_matches SET invited_by = $1 WHERE invited_by = $2",
        "UPDATE help_messages SET author_id = $1 WHERE author_id = $2",
        "UPDATE time_credits SET from_id = $1 WHERE from_id = $2",
        "UPDATE time_credits SET to_id = $1 WHERE to_id = $2",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .bind(held)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("moving a held account's items: {statement}"))?;
    }
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(held)
        .execute(&mut **tx)
        .await
        .context("removing a claimed held account")?;
    Ok(())
}

/// Erases the name, phone and postal address of the person an entry was made for (on their
/// request), as the person who made it or a site admin: the held account loses their name
/// too, and nothing is passed on any more (there is nowhere to pass it). The item stays, as
/// a deleted account's reports do; the code on their slip still claims it. False when there
/// is no such entry this person may erase, or it is erased already.
pub async fn erase_details(
    db: &Db,
    entry_id: &str,
    by: &str,
    by_site_admin: bool,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query(
        "UPDATE assisted_entries SET person_name = '', phone = '', postal_address = '' \
         WHERE id = $1 AND (entered_by = $2 OR $3) AND person_name <> '' \
         RETURNING kind, item_id, item_link, held_user_id",
    )
    .bind(entry_id)
    .bind(by)
    .bind(by_site_admin)
    .fetch_optional(&mut *tx)
    .await
    .context("erasing a helped person's details")?;
    let Some(row) = row else {
        return Ok(false);
    };
    let kind: String = row.try_get("kind")?;
    let item_id: String = row.try_get("item_id")?;
    let link: String = row.try_get("item_link")?;
    let held: Option<String> = row.try_get("held_user_id")?;
    if let Some(held) = held {
        sqlx::query("UPDATE users SET display_name = '-' WHERE id = $1")
            .bind(&held)
            .execute(&mut *tx)
            .await
            .context("erasing a held account's name")?;
    }
    let audit = Entry {
        actor_id: Some(by),
        action: Action::HelpedDetailsErased,
        item: Item {
            kind: &kind,
            id: &item_id,
            label: "",
            link: &link,
        },
        detail: "",
    };
    crate::audit::store::write(&mut *tx, &audit).await?;
    tx.commit().await.context("committing an erasure")?;
    Ok(true)
}

/// Who passes on mail sent to a held address: the person who made the entry (their address
/// and language) and the resident's name, phone and postal address. None once claimed, or
/// when the entry or its maker is gone.
#[derive(Clone, Debug)]
pub struct PassOn {
    pub helper_email: String,
    pub helper_locale: String,
    pub person_name: String,
    pub phone: String,
    pub postal_address: String,
}

pub async fn pass_on_to(db: &Db, held_address: &str) -> anyhow::Result<Option<PassOn>> {
    let row = sqlx::query(
        "SELECT u.email, u.locale, e.person_name, e.phone, e.postal_address \
         FROM assisted_entries e JOIN users u ON u.id = e.entered_by \
         WHERE e.held_address = $1 AND e.claimed_at IS NULL AND e.person_name <> ''",
    )
    .bind(held_address)
    .fetch_optional(db)
    .await
    .context("finding who passes on a held address's mail")?;
    row.map(|row| {
        Ok(PassOn {
            helper_email: row.try_get("email")?,
            helper_locale: row.try_get("locale")?,
            person_name: row.try_get("person_name")?,
            phone: row.try_get("phone")?,
            postal_address: row.try_get("postal_address")?,
        })
    })
    .transpose()
}
