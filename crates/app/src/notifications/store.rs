//! All SQL of notification settings: reading and saving them, delivering a notice and an
//! email by them inside the caller's transaction, and the emails held for summaries.

use anyhow::Context;
use sqlx::Row;

use super::{ALL_KINDS, Frequency, Kind};
use crate::db::{Db, new_id, now_ms};
use crate::mail::{self, Email};

/// A person's choice for one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub email: Frequency,
    pub site: bool,
}

impl Default for Setting {
    fn default() -> Self {
        Setting {
            email: Frequency::Now,
            site: true,
        }
    }
}

/// The person's settings for every kind, the default where they chose nothing.
pub async fn settings(db: &Db, user_id: &str) -> anyhow::Result<Vec<(Kind, Setting)>> {
    let rows = sqlx::query(
        "SELECT kind, email, CASE WHEN site THEN 1 ELSE 0 END AS site \
         FROM notification_settings WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("reading notification settings")?;
    let mut chosen = Vec::new();
    for row in &rows {
        let kind: String = row.try_get("kind")?;
        let email: String = row.try_get("email")?;
        if let (Some(kind), Some(email)) = (Kind::parse(&kind), Frequency::parse(&email)) {
            let site = row.try_get::<i32, _>("site")? == 1;
            chosen.push((kind, Setting { email, site }));
        }
    }
    Ok(ALL_KINDS
        .into_iter()
        .map(|kind| {
            let setting = chosen
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, s)| *s)
                .unwrap_or_default();
            (kind, setting)
        })
        .collect())
}

/// Saves every kind's setting at once.
pub async fn save(db: &Db, user_id: &str, settings: &[(Kind, Setting)]) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    for (kind, setting) in settings {
        sqlx::query(
            "INSERT INTO notification_settings (user_id, kind, email, site) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, kind) \
             DO UPDATE SET email = excluded.email, site = excluded.site",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(setting.email.as_str())
        .bind(setting.site)
        .execute(&mut *tx)
        .await
        .context("saving a notification setting")?;
    }
    tx.commit()
        .await
        .context("committing notification settings")?;
    Ok(())
}

/// One person's setting for one kind, in the caller's transaction.
pub async fn setting_of(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: &str,
    kind: Kind,
) -> anyhow::Result<Setting> {
    let row = sqlx::query(
        "SELECT email, CASE WHEN site THEN 1 ELSE 0 END AS site \
         FROM notification_settings WHERE user_id = $1 AND kind = $2",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .fetch_optional(&mut **tx)
    .await
    .context("reading a notification setting")?;
    let Some(row) = row else {
        return Ok(Setting::default());
    };
    let email: String = row.try_get("email")?;
    Ok(Setting {
        email: Frequency::parse(&email).unwrap_or(Frequency::Now),
        site: row.try_get::<i32, _>("site")? == 1,
    })
}

/// What to tell one person: a site notice (text and link) and an email, either optional.
pub struct Message<'a> {
    pub user_id: &'a str,
    pub kind: Kind,
    pub notice: Option<(&'a str, &'a str)>,
    pub email: Option<&'a Email>,
}

/// Tells the person as their settings say, in the caller's transaction: the site notice if
/// they want those, the email at once, held for their summary, or not at all.
pub async fn deliver(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    message: &Message<'_>,
) -> anyhow::Result<()> {
    let setting = setting_of(tx, message.user_id, message.kind).await?;
    if let Some((text, link)) = message.notice
        && setting.site
        && message.kind.has_site_notices()
    {
        site_notice(&mut **tx, message.user_id, text, link).await?;
    }
    let Some(email) = message.email else {
        return Ok(());
    };
    match setting.email {
        Frequency::Now => mail::queue(&mut **tx, email).await,
        Frequency::Never => Ok(()),
        held => hold(tx, message.user_id, held, email).await,
    }
}

/// Keeps an email for the person's next summary of that frequency: due when the first email
/// held for it is due (a period after it was held).
pub async fn hold(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: &str,
    frequency: Frequency,
    email: &Email,
) -> anyhow::Result<()> {
    let now = now_ms();
    let period = frequency.period_ms().context("only summaries hold email")?;
    let due: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(due_at) FROM notification_held WHERE user_id = $1 AND frequency = $2",
    )
    .bind(user_id)
    .bind(frequency.as_str())
    .fetch_one(&mut **tx)
    .await
    .context("finding a summary's due time")?;
    sqlx::query(
        "INSERT INTO notification_held (id, user_id, frequency, due_at, subject, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(user_id)
    .bind(frequency.as_str())
    .bind(due.unwrap_or(now + period))
    .bind(&email.subject)
    .bind(&email.body)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("holding an email for a summary")?;
    Ok(())
}

/// Adds a site notification for the user.
pub async fn site_notice<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    user_id: &str,
    body: &str,
    link: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO notifications (id, user_id, body, link, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(user_id)
    .bind(body)
    .bind(link)
    .bind(now_ms())
    .execute(db)
    .await
    .context("adding a notification")?;
    Ok(())
}

/// A summary due: whose, which frequency, and where to send it.
#[derive(Clone, Debug)]
pub struct DueSummary {
    pub user_id: String,
    pub frequency: Frequency,
    pub email: String,
    pub locale: String,
}

/// People and frequencies whose summary is due at `now`, at most `limit`.
pub async fn due_summaries(db: &Db, now: i64, limit: i64) -> anyhow::Result<Vec<DueSummary>> {
    let rows = sqlx::query(
        "SELECT DISTINCT h.user_id, h.frequency, u.email, u.locale FROM notification_held h \
         JOIN users u ON u.id = h.user_id WHERE h.due_at <= $1 LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("finding summaries due")?;
    let mut due = Vec::new();
    for row in &rows {
        let frequency: String = row.try_get("frequency")?;
        if let Some(frequency) = Frequency::parse(&frequency) {
            due.push(DueSummary {
                user_id: row.try_get("user_id")?,
                frequency,
                email: row.try_get("email")?,
                locale: row.try_get("locale")?,
            });
        }
    }
    Ok(due)
}

/// Sends a summary: the held emails due for the person and frequency, written into one by
/// `write` (oldest first), queued, and the held ones deleted, in one transaction. False if
/// another pass took them first.
pub async fn send_summary(
    db: &Db,
    due: &DueSummary,
    now: i64,
    write: impl FnOnce(&[(String, String)]) -> Email,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let rows = sqlx::query(
        "DELETE FROM notification_held WHERE user_id = $1 AND frequency = $2 AND due_at <= $3 \
         RETURNING subject, body, created_at, id",
    )
    .bind(&due.user_id)
    .bind(due.frequency.as_str())
    .bind(now)
    .fetch_all(&mut *tx)
    .await
    .context("taking held emails")?;
    if rows.is_empty() {
        return Ok(false);
    }
    let mut held: Vec<(i64, String, String, String)> = rows
        .iter()
        .map(|row| {
            Ok((
                row.try_get("created_at")?,
                row.try_get("id")?,
                row.try_get("subject")?,
                row.try_get("body")?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    held.sort();
    let items: Vec<(String, String)> = held.into_iter().map(|(_, _, s, b)| (s, b)).collect();
    mail::queue(&mut *tx, &write(&items)).await?;
    tx.commit().await.context("committing a summary")?;
    Ok(true)
}

/// The language of the account with this address, if there is one (the mail worker's
/// footer is written in it).
pub async fn locale_of_address(db: &Db, email: &str) -> anyhow::Result<Option<String>> {
    sqlx::query_scalar("SELECT locale FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(db)
        .await
        .context("finding an address's account")
}
