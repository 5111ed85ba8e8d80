//! All SQL about alerts: subscriptions, unsubscribing, and the digest bookkeeping that makes
//! each period's digest once.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::db::{Db, new_id, now_ms};
use crate::feeds::store::Kind;
use crate::mail::Email;
use crate::notifications::Frequency as Sending;
use crate::notifications::store as notices;

/// The job that sends one digest with its unsubscribe headers.
pub const DIGEST_JOB: &str = "digest-email";
pub const DAY_MS: i64 = 24 * 3600 * 1000;
/// Subscriptions one person may hold.
pub const MAX_PER_PERSON: i64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    Weekly,
}

impl Frequency {
    pub fn parse(text: &str) -> Option<Frequency> {
        match text {
            "daily" => Some(Frequency::Daily),
            "weekly" => Some(Frequency::Weekly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    pub fn period_ms(self) -> i64 {
        match self {
            Frequency::Daily => DAY_MS,
            Frequency::Weekly => 7 * DAY_MS,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Subscription {
    pub id: String,
    pub user_id: String,
    pub area_id: Option<String>,
    pub area_name: Option<String>,
    pub kinds: Vec<Kind>,
    pub topic: String,
    pub keyword: String,
    pub frequency: Frequency,
    pub unsubscribe_token: String,
    pub covered_until: i64,
    pub next_due_at: i64,
    /// Alerts by place: only items with a place there.
    pub place: Option<AlertPlace>,
}

/// Where an alert by place looks.
#[derive(Clone, Debug, PartialEq)]
pub enum AlertPlace {
    /// Within `metres` of a point.
    Near {
        latitude: f64,
        longitude: f64,
        metres: i64,
    },
    /// Inside an area's boundary.
    Inside { area_id: String, area_name: String },
}

macro_rules! select_subscription {
    () => {
        "SELECT s.id, s.user_id, s.area_id, a.name AS area_name, s.kinds, s.topic, s.keyword, \
         s.frequency, s.unsubscribe_token, s.covered_until, s.next_due_at, \
         s.near_latitude, s.near_longitude, s.near_metres, s.place_area_id, \
         pa.name AS place_area_name \
         FROM alert_subscriptions s LEFT JOIN areas a ON a.id = s.area_id \
         LEFT JOIN areas pa ON pa.id = s.place_area_id"
    };
}

fn subscription_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Subscription> {
    let kinds: String = row.try_get("kinds")?;
    let frequency: String = row.try_get("frequency")?;
    Ok(Subscription {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        kinds: kinds.split(',').filter_map(Kind::parse).collect(),
        topic: row.try_get("topic")?,
        keyword: row.try_get("keyword")?,
        frequency: Frequency::parse(&frequency).context("a stored frequency")?,
        unsubscribe_token: row.try_get("unsubscribe_token")?,
        covered_until: row.try_get("covered_until")?,
        next_due_at: row.try_get("next_due_at")?,
        place: place_from_row(row)?,
    })
}

fn place_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Option<AlertPlace>> {
    let lat: Option<f64> = row.try_get("near_latitude")?;
    let lon: Option<f64> = row.try_get("near_longitude")?;
    let metres: Option<i64> = row.try_get("near_metres")?;
    if let (Some(latitude), Some(longitude), Some(metres)) = (lat, lon, metres) {
        return Ok(Some(AlertPlace::Near {
            latitude,
            longitude,
            metres,
        }));
    }
    let area_id: Option<String> = row.try_get("place_area_id")?;
    let area_name: Option<String> = row.try_get("place_area_name")?;
    Ok(area_id.map(|area_id| AlertPlace::Inside {
        area_id,
        area_name: area_name.unwrap_or_default(),
    }))
}

/// Makes a subscription an alert by place (right after [`subscribe`]).
pub async fn set_place(db: &Db, id: &str, place: &AlertPlace) -> anyhow::Result<()> {
    let (lat, lon, metres, area) = match place {
        AlertPlace::Near {
            latitude,
            longitude,
            metres,
        } => (Some(*latitude), Some(*longitude), Some(*metres), None),
        AlertPlace::Inside { area_id, .. } => (None, None, None, Some(area_id.as_str())),
    };
    sqlx::query(
        "UPDATE alert_subscriptions SET near_latitude = CASE WHEN $6 = 1 THEN $1 END, \
         near_longitude = CASE WHEN $6 = 1 THEN $2 END, \
         near_metres = $3, place_area_id = $4 WHERE id = $5",
    )
    .bind(crate::db::optional_f64(lat).1)
    .bind(crate::db::optional_f64(lon).1)
    .bind(metres)
    .bind(area)
    .bind(id)
    .bind(crate::db::optional_f64(lat).0)
    .execute(db)
    .await
    .context("setting an alert's place")?;
    Ok(())
}

pub struct NewSubscription<'a> {
    pub user_id: &'a str,
    pub area_id: Option<&'a str>,
    pub kinds: &'a [Kind],
    pub topic: &'a str,
    pub keyword: &'a str,
    pub frequency: Frequency,
}

/// Subscribes; the first digest covers what appears from now on.
pub async fn subscribe(db: &Db, new: &NewSubscription<'_>) -> anyhow::Result<String> {
    let id = new_id();
    let now = now_ms();
    let kinds: Vec<&str> = new.kinds.iter().map(|k| k.as_str()).collect();
    sqlx::query(
        "INSERT INTO alert_subscriptions (id, user_id, area_id, kinds, topic, keyword, frequency, \
         unsubscribe_token, covered_until, next_due_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9)",
    )
    .bind(&id)
    .bind(new.user_id)
    .bind(new.area_id)
    .bind(kinds.join(","))
    .bind(new.topic)
    .bind(new.keyword)
    .bind(new.frequency.as_str())
    .bind(crate::web::session::random_token())
    .bind(now)
    .bind(now + new.frequency.period_ms())
    .execute(db)
    .await
    .context("subscribing to alerts")?;
    Ok(id)
}

pub async fn count_for(db: &Db, user_id: &str) -> anyhow::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM alert_subscriptions WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(db)
        .await
        .context("counting alerts")
}

pub async fn for_user(db: &Db, user_id: &str) -> anyhow::Result<Vec<Subscription>> {
    let rows = sqlx::query(concat!(
        select_subscription!(),
        " WHERE s.user_id = $1 ORDER BY s.created_at, s.id"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing alerts")?;
    rows.iter().map(subscription_from_row).collect()
}

pub async fn by_token(db: &Db, token: &str) -> anyhow::Result<Option<Subscription>> {
    let row = sqlx::query(concat!(
        select_subscription!(),
        " WHERE s.unsubscribe_token = $1"
    ))
    .bind(token)
    .fetch_optional(db)
    .await
    .context("finding an alert by its link")?;
    row.as_ref().map(subscription_from_row).transpose()
}

/// Removes a subscription of this person; false when there was none.
pub async fn remove(db: &Db, id: &str, user_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM alert_subscriptions WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(db)
        .await
        .context("removing an alert")?;
    Ok(done.rows_affected() == 1)
}

/// Removes the subscription the link's secret names; false when it is already gone.
pub async fn unsubscribe(db: &Db, token: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM alert_subscriptions WHERE unsubscribe_token = $1")
        .bind(token)
        .execute(db)
        .await
        .context("unsubscribing")?;
    Ok(done.rows_affected() == 1)
}

/// A subscription whose digest is due, with where to send it.
pub struct Due {
    pub subscription: Subscription,
    pub email: String,
    pub locale: String,
}

pub async fn due(db: &Db, now: i64, limit: i64) -> anyhow::Result<Vec<Due>> {
    let rows = sqlx::query(concat!(
        "SELECT t.*, u.email, u.locale FROM (",
        select_subscription!(),
        " WHERE s.next_due_at <= $1) AS t JOIN users u ON u.id = t.user_id \
         ORDER BY t.next_due_at, t.id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("finding due alerts")?;
    rows.iter()
        .map(|row| {
            Ok(Due {
                subscription: subscription_from_row(row)?,
                email: row.try_get("email")?,
                locale: row.try_get("locale")?,
            })
        })
        .collect()
}

/// What the digest job carries: the email and its one-click unsubscribe address.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DigestEmail {
    pub email: Email,
    pub unsubscribe_url: String,
}

/// Closes a subscription's period at `until`: moves it on, records the digest and queues
/// its email (if there is one), all in one transaction. Only the first caller for a period
/// does anything (the update is conditional on the period it read, and the digest row is
/// unique), so two workers, or a repeated run, never send a digest twice.
pub async fn close_period(
    db: &Db,
    subscription: &Subscription,
    until: i64,
    items: i64,
    digest: Option<&DigestEmail>,
) -> anyhow::Result<bool> {
    let period = subscription.frequency.period_ms();
    // Stay on the subscription's rhythm unless the site was down for a whole period.
    let mut next = subscription.next_due_at + period;
    if next <= until {
        next = until + period;
    }
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let moved = sqlx::query(
        "UPDATE alert_subscriptions SET covered_until = $1, next_due_at = $2 \
         WHERE id = $3 AND covered_until = $4",
    )
    .bind(until)
    .bind(next)
    .bind(&subscription.id)
    .bind(subscription.covered_until)
    .execute(&mut *tx)
    .await
    .context("moving an alert on")?
    .rows_affected();
    if moved == 0 {
        return Ok(false);
    }
    if let Some(digest) = digest {
        sqlx::query(
            "INSERT INTO alert_digests (subscription_id, covered_until, items, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&subscription.id)
        .bind(until)
        .bind(items as i32)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("recording a digest")?;
        // Area news as its reader chose: at once (with its one-click unsubscribe), held for
        // their daily or weekly summary, or not sent.
        let kind = crate::notifications::Kind::Area;
        let setting = notices::setting_of(&mut tx, &subscription.user_id, kind).await?;
        match setting.email {
            Sending::Now => crate::jobs::enqueue(&mut *tx, DIGEST_JOB, digest).await?,
            Sending::Never => {}
            held => notices::hold(&mut tx, &subscription.user_id, held, &digest.email).await?,
        }
    }
    tx.commit().await.context("committing a digest")?;
    Ok(true)
}

/// How many digests a subscription has had (for tests and the alerts page).
pub async fn digests_sent(db: &Db, subscription_id: &str) -> anyhow::Result<i64> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM alert_digests WHERE subscription_id = $1")
            .bind(subscription_id)
            .fetch_one(db)
            .await
            .context("counting digests")?;
    Ok(n)
}
