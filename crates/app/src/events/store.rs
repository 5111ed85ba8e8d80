//! All SQL about events: the events, RSVPs and the waiting list, reminders, and open-space
//! sessions with their members and report-backs.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sqlx::{Any, Executor, Row, Transaction};

use crate::areas::points::{PointKind, set_location};
use crate::db::{Db, is_unique_violation, new_id, now_ms};
use crate::mail::{self, Email};

/// The kinds of gathering the site knows.
pub const KINDS: [&str; 6] = [
    "conversation",
    "open-space",
    "walk-and-talk",
    "assembly",
    "skills-game",
    "other",
];

pub fn kind_label_key(kind: &str) -> String {
    format!("event-kind-{kind}")
}

/// The job that sends an event's reminders, a day before it starts.
pub const REMINDER_JOB: &str = "event-reminders";
/// How long before the start reminders go out.
pub const REMIND_BEFORE_MS: i64 = 24 * 3600 * 1000;

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub slug: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub area_id: String,
    pub area_slug: String,
    pub area_name: String,
    pub place: String,
    pub accessibility: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: Option<i64>,
    pub organiser_id: Option<String>,
    pub organiser_name: Option<String>,
    pub method_id: Option<String>,
    /// The method from the library the event follows: (slug, title).
    pub method: Option<(String, String)>,
    /// That method's seed, if it is one of the first twelve (its title then follows the
    /// reader's language: `methods::seed::title`).
    pub method_seed: Option<String>,
    pub cancelled_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub going: i64,
    pub waiting: i64,
}

impl Event {
    pub fn places_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.going).max(0))
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled_at.is_some()
    }

    pub fn has_ended(&self, now: i64) -> bool {
        self.ends_at <= now
    }
}

macro_rules! select_event {
    () => {
        select_event_counting!(
            "(SELECT COUNT(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') \
                AS going, \
             (SELECT COUNT(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'waiting') \
                AS waiting"
        )
    };
}

/// The columns of an event with its numbers going and waiting given as `$counts` (the
/// columns `going` and `waiting`), and the tables they come from.
macro_rules! select_event_counting {
    ($counts:literal) => {
        concat!(
            "SELECT e.id, e.slug, e.kind, e.title, e.description, e.area_id, a.slug AS area_slug, \
             a.name AS area_name, e.place, e.accessibility, e.starts_at, e.ends_at, e.capacity, \
             e.organiser_id, u.display_name AS organiser_name, e.method_id, m.slug AS method_slug, \
             m.title AS method_title, m.seed AS method_seed, e.cancelled_at, e.created_at, \
             e.updated_at, ",
            $counts,
            " FROM events e JOIN areas a ON a.id = e.area_id \
             LEFT JOIN users u ON u.id = e.organiser_id \
             LEFT JOIN methods m ON m.id = e.method_id"
        )
    };
}

fn event_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Event> {
    let method_slug: Option<String> = row.try_get("method_slug")?;
    let method_title: Option<String> = row.try_get("method_title")?;
    let capacity: Option<i32> = row.try_get("capacity")?;
    Ok(Event {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        kind: row.try_get("kind")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        area_id: row.try_get("area_id")?,
        area_slug: row.try_get("area_slug")?,
        area_name: row.try_get("area_name")?,
        place: row.try_get("place")?,
        accessibility: row.try_get("accessibility")?,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        capacity: capacity.map(i64::from),
        organiser_id: row.try_get("organiser_id")?,
        organiser_name: row.try_get("organiser_name")?,
        method_id: row.try_get("method_id")?,
        method: method_slug.zip(method_title),
        method_seed: row.try_get("method_seed")?,
        cancelled_at: row.try_get("cancelled_at")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        going: row.try_get("going")?,
        waiting: row.try_get("waiting")?,
    })
}

/// ` AND` the event starts no earlier than the first event not over at `$now` (a
/// parameter) starts. Always true of an event not over; it lets the database begin its
/// walk of the start-time index there instead of reading past every event already over
/// (years of them in a city), finding that first start from the index of end times
/// (`events_ends`, migration 0025).
macro_rules! from_first_not_over {
    ($now:literal) => {
        concat!(
            " AND e.starts_at >= (SELECT COALESCE(MIN(x.starts_at), ",
            $now,
            ") FROM events x WHERE x.ends_at > ",
            $now,
            ")"
        )
    };
}

/// Which events a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Not yet over, soonest first.
    Upcoming,
    /// Over, latest first.
    Past,
}

/// Events in an area (and the areas inside it; `""` for everywhere), of a kind (`""` for any),
/// after the cursor `(starts_at, id)` of the last one shown, if given.
pub async fn list(
    db: &Db,
    area_id: &str,
    kind: &str,
    when: When,
    after: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Event>> {
    macro_rules! in_area_of_kind {
        ($order:literal) => {
            concat!(
                select_event!(),
                " WHERE ($1 = '' OR ",
                crate::in_area_tree!("e.area_id", "$1"),
                ") AND ($2 = '' OR e.kind = $2)",
                $order
            )
        };
    }
    let sql = match when {
        When::Upcoming => concat!(
            in_area_of_kind!(" AND e.ends_at > $3"),
            from_first_not_over!("$3"),
            " AND e.starts_at >= $5 AND (e.starts_at > $5 OR (e.starts_at = $5 AND e.id > $6)) \
             ORDER BY e.starts_at, e.id LIMIT $4"
        ),
        When::Past => in_area_of_kind!(
            " AND e.ends_at <= $3 AND e.starts_at <= $5 AND (e.starts_at < $5 OR (e.starts_at = $5 AND e.id < $6)) \
             ORDER BY e.starts_at DESC, e.id DESC LIMIT $4"
        ),
    };
    let (after_at, after_id) = after.unwrap_or(match when {
        When::Upcoming => (i64::MIN, ""),
        When::Past => (i64::MAX, "\u{10FFFF}"),
    });
    let rows = sqlx::query(sql)
        .bind(area_id)
        .bind(kind)
        .bind(now_ms())
        .bind(limit)
        .bind(after_at)
        .bind(after_id)
        .fetch_all(db)
        .await
        .context("listing events")?;
    rows.iter().map(event_from_row).collect()
}

/// Events by start time, after the cursor `(starts_at, id)` if given, in an area and the
/// areas inside it (`""`: everywhere); `upcoming` keeps those not yet over (the API).
pub async fn page(
    db: &Db,
    area_id: &str,
    upcoming: bool,
    after: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Event>> {
    let (after_at, after_id) = after.unwrap_or((i64::MIN, ""));
    let rows = sqlx::query(concat!(
        select_event!(),
        " WHERE ($1 = '' OR ",
        crate::in_area_tree!("e.area_id", "$1"),
        ") AND ($2 = 0 OR e.ends_at > $3) \
           AND ($2 = 0 OR e.starts_at >= (SELECT COALESCE(MIN(x.starts_at), $3) FROM events x \
                                        WHERE x.ends_at > $3)) \
           AND e.starts_at >= $4 AND (e.starts_at > $4 OR (e.starts_at = $4 AND e.id > $5)) \
         ORDER BY e.starts_at, e.id LIMIT $6"
    ))
    .bind(area_id)
    .bind(i32::from(upcoming))
    .bind(now_ms())
    .bind(after_at)
    .bind(after_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing events")?;
    rows.iter().map(event_from_row).collect()
}

/// Coming events a calendar feed holds, at most (a city's whole year is well below).
pub const CALENDAR_COMING: i64 = 5_000;
/// Events that ended within this long are kept in a calendar feed too.
pub const CALENDAR_PAST_MS: i64 = 30 * 24 * 3600 * 1000;
/// At most this many of them, the most recent.
const CALENDAR_PAST: i64 = 500;

/// The events of an area and the areas inside it for its calendar feed: those not over yet
/// (the first [`CALENDAR_COMING`] by start), then those that ended in the last 30 days. Read
/// apart, so past events never crowd out the coming ones. A calendar says nothing of who is
/// going, so those numbers are not counted (0).
pub async fn for_calendar(db: &Db, area_id: &str, now: i64) -> anyhow::Result<Vec<Event>> {
    let coming = sqlx::query(concat!(
        select_event_counting!("0 AS going, 0 AS waiting"),
        " WHERE ",
        crate::in_area_tree!("e.area_id", "$1"),
        " AND e.ends_at > $2",
        from_first_not_over!("$2"),
        " ORDER BY e.starts_at, e.id LIMIT $3"
    ))
    .bind(area_id)
    .bind(now)
    .bind(CALENDAR_COMING)
    .fetch_all(db)
    .await
    .context("listing coming events for a calendar")?;
    let past = sqlx::query(concat!(
        select_event_counting!("0 AS going, 0 AS waiting"),
        " WHERE ",
        crate::in_area_tree!("e.area_id", "$1"),
        " AND e.ends_at > $2 AND e.ends_at <= $3 ORDER BY e.ends_at DESC, e.id LIMIT $4"
    ))
    .bind(area_id)
    .bind(now - CALENDAR_PAST_MS)
    .bind(now)
    .bind(CALENDAR_PAST)
    .fetch_all(db)
    .await
    .context("listing recent events for a calendar")?;
    coming
        .iter()
        .chain(past.iter().rev())
        .map(event_from_row)
        .collect()
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Event>> {
    let row = sqlx::query(concat!(select_event!(), " WHERE e.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("loading an event")?;
    row.as_ref().map(event_from_row).transpose()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Event>> {
    let row = sqlx::query(concat!(select_event!(), " WHERE e.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading an event")?;
    row.as_ref().map(event_from_row).transpose()
}

/// What an organiser types; shared by creating and editing.
#[derive(Clone, Debug)]
pub struct EventDetails {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub area_id: String,
    pub place: String,
    pub accessibility: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: Option<i64>,
    pub method_id: Option<String>,
    /// Where it is on the map (latitude, longitude), saved with the rest.
    pub location: Option<(f64, f64)>,
}

#[derive(Serialize, Deserialize)]
struct ReminderJob {
    event_id: String,
}

/// Creates an event under a slug made from `base_slug` (a number is added if it is taken)
/// and queues its reminders. Returns the slug.
pub async fn create(
    db: &Db,
    details: &EventDetails,
    base_slug: &str,
    organiser_id: &str,
) -> anyhow::Result<String> {
    for n in 1..100 {
        let slug = if n == 1 {
            base_slug.to_string()
        } else {
            format!("{base_slug}-{n}")
        };
        let mut tx = crate::db::begin(db)
            .await
            .context("starting a transaction")?;
        let id = new_id();
        let now = now_ms();
        let inserted = sqlx::query(
            "INSERT INTO events (id, slug, kind, title, description, area_id, place, \
             accessibility, starts_at, ends_at, capacity, organiser_id, method_id, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
        )
        .bind(&id)
        .bind(&slug)
        .bind(&details.kind)
        .bind(&details.title)
        .bind(&details.description)
        .bind(&details.area_id)
        .bind(&details.place)
        .bind(&details.accessibility)
        .bind(details.starts_at)
        .bind(details.ends_at)
        .bind(details.capacity.map(|c| c as i32))
        .bind(organiser_id)
        .bind(&details.method_id)
        .bind(now)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if is_unique_violation(&e) => continue,
            other => other.context("creating an event")?,
        };
        set_location(&mut *tx, PointKind::Events, &id, details.location).await?;
        queue_reminders(&mut tx, &id, details.starts_at).await?;
        tx.commit().await.context("committing an event")?;
        return Ok(slug);
    }
    anyhow::bail!("no free slug for {base_slug:?}")
}

async fn queue_reminders(
    tx: &mut Transaction<'static, Any>,
    event_id: &str,
    starts_at: i64,
) -> anyhow::Result<()> {
    let job = ReminderJob {
        event_id: event_id.to_string(),
    };
    let run_at = (starts_at - REMIND_BEFORE_MS).max(now_ms());
    crate::jobs::store::enqueue_at(&mut **tx, REMINDER_JOB, &job, run_at).await
}

/// Changes an event's details. When its start moves, a new reminder job is queued; the old
/// one finds the start moved and does nothing, and nobody already reminded is reminded twice
/// unless the start moved (then they need to hear the new time).
pub async fn update(db: &Db, event: &Event, details: &EventDetails) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "UPDATE events SET kind = $1, title = $2, description = $3, area_id = $4, place = $5, \
         accessibility = $6, starts_at = $7, ends_at = $8, capacity = $9, method_id = $10, \
         updated_at = $11 WHERE id = $12",
    )
    .bind(&details.kind)
    .bind(&details.title)
    .bind(&details.description)
    .bind(&details.area_id)
    .bind(&details.place)
    .bind(&details.accessibility)
    .bind(details.starts_at)
    .bind(details.ends_at)
    .bind(details.capacity.map(|c| c as i32))
    .bind(&details.method_id)
    .bind(now_ms())
    .bind(&event.id)
    .execute(&mut *tx)
    .await
    .context("changing an event")?;
    if details.starts_at != event.starts_at {
        sqlx::query("UPDATE event_rsvps SET reminded_at = NULL WHERE event_id = $1")
            .bind(&event.id)
            .execute(&mut *tx)
            .await
            .context("resetting reminders")?;
        queue_reminders(&mut tx, &event.id, details.starts_at).await?;
    }
    set_location(&mut *tx, PointKind::Events, &event.id, details.location).await?;
    tx.commit().await.context("committing an event change")?;
    Ok(())
}

/// Someone with an RSVP, for emails.
#[derive(Clone, Debug)]
pub struct Attendee {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub locale: String,
    pub status: String,
    pub created_at: i64,
}

macro_rules! select_attendee {
    () => {
        "SELECT r.user_id, u.display_name, u.email, u.locale, r.status, r.created_at \
         FROM event_rsvps r JOIN users u ON u.id = r.user_id"
    };
}

fn attendee_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Attendee> {
    Ok(Attendee {
        user_id: row.try_get("user_id")?,
        name: row.try_get("display_name")?,
        email: row.try_get("email")?,
        locale: row.try_get("locale")?,
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Everyone going, then the waiting list in order.
pub async fn attendees<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    event_id: &str,
) -> anyhow::Result<Vec<Attendee>> {
    let rows = sqlx::query(concat!(
        select_attendee!(),
        " WHERE r.event_id = $1 \
         ORDER BY CASE WHEN r.status = 'going' THEN 0 ELSE 1 END, r.created_at, r.user_id"
    ))
    .bind(event_id)
    .fetch_all(executor)
    .await
    .context("listing who is coming")?;
    rows.iter().map(attendee_from_row).collect()
}

/// Every answer someone gave: (event slug, title, going or waiting), for their data export.
pub async fn answers_of(db: &Db, user_id: &str) -> anyhow::Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT e.slug, e.title, r.status FROM event_rsvps r JOIN events e ON e.id = r.event_id \
         WHERE r.user_id = $1 ORDER BY e.starts_at, e.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's event answers")?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("slug")?,
                r.try_get("title")?,
                r.try_get("status")?,
            ))
        })
        .collect()
}

/// Where someone stands for an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rsvp {
    Going,
    /// On the waiting list, at this place (1 = next to get a place).
    Waiting(i64),
}

pub async fn rsvp_of(db: &Db, event_id: &str, user_id: &str) -> anyhow::Result<Option<Rsvp>> {
    let row = sqlx::query(
        "SELECT r.status, (SELECT COUNT(*) FROM event_rsvps w WHERE w.event_id = r.event_id \
            AND w.status = 'waiting' AND (w.created_at < r.created_at \
            OR (w.created_at = r.created_at AND w.user_id <= r.user_id))) AS place \
         FROM event_rsvps r WHERE r.event_id = $1 AND r.user_id = $2",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("reading an RSVP")?;
    row.map(|row| {
        let status: String = row.try_get("status")?;
        Ok(if status == "going" {
            Rsvp::Going
        } else {
            Rsvp::Waiting(row.try_get("place")?)
        })
    })
    .transpose()
}

/// What an RSVP needs to know of a locked event.
struct OpenEvent {
    capacity: Option<i64>,
    starts_at: i64,
}

/// Locks the event row for the rest of the transaction, so RSVPs to one event queue up and
/// two people can never take the last place together. None when the event is cancelled
/// or over.
async fn lock_open_event(
    tx: &mut Transaction<'static, Any>,
    event_id: &str,
) -> anyhow::Result<Option<OpenEvent>> {
    let row = sqlx::query(
        "UPDATE events SET updated_at = updated_at WHERE id = $1 AND cancelled_at IS NULL \
         AND ends_at > $2 RETURNING capacity, starts_at",
    )
    .bind(event_id)
    .bind(now_ms())
    .fetch_optional(&mut **tx)
    .await
    .context("locking an event")?;
    row.map(|row| {
        let capacity: Option<i32> = row.try_get("capacity")?;
        Ok(OpenEvent {
            capacity: capacity.map(i64::from),
            starts_at: row.try_get("starts_at")?,
        })
    })
    .transpose()
}

/// Why an RSVP was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum RsvpRefused {
    /// Cancelled or already over.
    Closed,
}

/// Takes a place, or a place on the waiting list when the event is full. Answering twice
/// changes nothing. Someone who takes a place after the reminders went out gets theirs
/// from a reminder job queued now.
pub async fn rsvp(
    db: &Db,
    event_id: &str,
    user_id: &str,
) -> anyhow::Result<Result<(), RsvpRefused>> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    if let Err(refused) = rsvp_in(&mut tx, event_id, user_id).await? {
        return Ok(Err(refused));
    }
    tx.commit().await.context("committing an RSVP")?;
    Ok(Ok(()))
}

/// Takes a place (or a place on the waiting list) for a resident entered by someone else:
/// the place is held by an account made for them until they claim it, all in one
/// transaction with the record of the entry.
pub async fn rsvp_for_someone(
    db: &Db,
    event: &Event,
    entry: &crate::assisted::store::ForSomeone<'_>,
    locale: &str,
) -> anyhow::Result<Result<(), RsvpRefused>> {
    let (mut tx, held) = crate::assisted::store::begin_held(db, entry, locale).await?;
    if let Err(refused) = rsvp_in(&mut tx, &event.id, held.owner()).await? {
        return Ok(Err(refused));
    }
    let link = format!("/events/{}", event.slug);
    let item = crate::audit::Item {
        kind: "rsvp",
        id: &format!("{}:{}", event.id, held.owner()),
        label: &event.title,
        link: &link,
    };
    crate::assisted::store::finish_held(tx, item, entry, &held).await?;
    Ok(Ok(()))
}

async fn rsvp_in(
    tx: &mut Transaction<'static, Any>,
    event_id: &str,
    user_id: &str,
) -> anyhow::Result<Result<(), RsvpRefused>> {
    let Some(event) = lock_open_event(tx, event_id).await? else {
        return Ok(Err(RsvpRefused::Closed));
    };
    let going = places_taken(tx, event_id).await?;
    let status = match event.capacity {
        Some(capacity) if going >= capacity => "waiting",
        _ => "going",
    };
    let now = now_ms();
    let added = sqlx::query(
        "INSERT INTO event_rsvps (event_id, user_id, status, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (event_id, user_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(status)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("saving an RSVP")?
    .rows_affected();
    if added == 1 && status == "going" && now >= event.starts_at - REMIND_BEFORE_MS {
        queue_reminders(tx, event_id, event.starts_at).await?;
    }
    Ok(Ok(()))
}

/// Gives up a place or a place in the queue. A freed place goes to the first person
/// waiting, who is told by the email `tell_promoted` writes, in the same transaction.
pub async fn withdraw(
    db: &Db,
    event_id: &str,
    user_id: &str,
    tell_promoted: impl FnOnce(&Attendee) -> Email,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let Some(event) = lock_open_event(&mut tx, event_id).await? else {
        return Ok(());
    };
    sqlx::query("DELETE FROM event_rsvps WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .context("withdrawing an RSVP")?;
    if let Some(first) = promotable(&mut tx, event_id, event.capacity).await? {
        sqlx::query("UPDATE event_rsvps SET status = 'going' WHERE event_id = $1 AND user_id = $2")
            .bind(event_id)
            .bind(&first.user_id)
            .execute(&mut *tx)
            .await
            .context("giving a place to the next in line")?;
        mail::queue(&mut *tx, &tell_promoted(&first)).await?;
    }
    tx.commit().await.context("committing a withdrawal")?;
    Ok(())
}

async fn places_taken(tx: &mut Transaction<'static, Any>, event_id: &str) -> anyhow::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM event_rsvps WHERE event_id = $1 AND status = 'going'")
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await
        .context("counting places taken")
}

/// The first person waiting, if a place is free for them.
async fn promotable(
    tx: &mut Transaction<'static, Any>,
    event_id: &str,
    capacity: Option<i64>,
) -> anyhow::Result<Option<Attendee>> {
    let going = places_taken(tx, event_id).await?;
    if capacity.is_some_and(|c| going >= c) {
        return Ok(None);
    }
    let row = sqlx::query(concat!(
        select_attendee!(),
        " WHERE r.event_id = $1 AND r.status = 'waiting' ORDER BY r.created_at, r.user_id LIMIT 1"
    ))
    .bind(event_id)
    .fetch_optional(&mut **tx)
    .await
    .context("finding the next in line")?;
    row.as_ref().map(attendee_from_row).transpose()
}

/// Cancels an event and queues the emails `tell` writes to everyone who answered, at once.
pub async fn cancel(
    db: &Db,
    event_id: &str,
    tell: impl Fn(&Attendee) -> Email,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let cancelled = sqlx::query(
        "UPDATE events SET cancelled_at = $1, updated_at = $1 WHERE id = $2 AND cancelled_at IS NULL",
    )
    .bind(now_ms())
    .bind(event_id)
    .execute(&mut *tx)
    .await
    .context("cancelling an event")?
    .rows_affected()
        == 1;
    if cancelled {
        for attendee in attendees(&mut *tx, event_id).await? {
            mail::queue(&mut *tx, &tell(&attendee)).await?;
        }
    }
    tx.commit().await.context("committing a cancellation")?;
    Ok(cancelled)
}

/// The reminder job: queues one email per person going who has not had one, marking them
/// in the same transaction, so a retried or repeated job never reminds anyone twice. A job
/// queued for an earlier start (the event moved later) leaves the work to the newer job.
pub async fn send_reminders(
    db: &Db,
    payload: &str,
    write: impl Fn(&Event, &Attendee) -> Email,
) -> anyhow::Result<usize> {
    let job: ReminderJob = serde_json::from_str(payload).context("decoding a reminder job")?;
    let Some(event) = find(db, &job.event_id).await? else {
        return Ok(0);
    };
    let now = now_ms();
    if event.is_cancelled() || event.has_ended(now) || now < event.starts_at - REMIND_BEFORE_MS {
        return Ok(0);
    }
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let rows = sqlx::query(
        "UPDATE event_rsvps SET reminded_at = $1 WHERE event_id = $2 AND status = 'going' \
         AND reminded_at IS NULL RETURNING user_id",
    )
    .bind(now)
    .bind(&event.id)
    .fetch_all(&mut *tx)
    .await
    .context("marking reminders")?;
    let reminded: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("user_id"))
        .collect::<Result<_, _>>()?;
    let attendees = attendees(&mut *tx, &event.id).await?;
    for attendee in attendees.iter().filter(|a| reminded.contains(&a.user_id)) {
        mail::queue(&mut *tx, &write(&event, attendee)).await?;
    }
    tx.commit().await.context("committing reminders")?;
    Ok(reminded.len())
}

/// An open-space session as listed on its event.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub topic: String,
    pub spot: String,
    pub host_id: Option<String>,
    pub host_name: Option<String>,
    pub report: String,
    pub members: i64,
    /// Whether the viewer has joined it.
    pub joined: bool,
}

pub async fn sessions(
    db: &Db,
    event_id: &str,
    viewer: Option<&str>,
) -> anyhow::Result<Vec<Session>> {
    let rows = sqlx::query(
        "SELECT s.id, s.topic, s.spot, s.host_id, u.display_name AS host_name, s.report, \
         (SELECT COUNT(*) FROM open_space_members m WHERE m.session_id = s.id) AS members, \
         (SELECT COUNT(*) FROM open_space_members m WHERE m.session_id = s.id \
            AND m.user_id = $2) AS joined \
         FROM open_space_sessions s LEFT JOIN users u ON u.id = s.host_id \
         WHERE s.event_id = $1 ORDER BY s.created_at, s.id",
    )
    .bind(event_id)
    .bind(viewer.unwrap_or(""))
    .fetch_all(db)
    .await
    .context("listing open-space sessions")?;
    rows.iter()
        .map(|row| {
            let joined: i64 = row.try_get("joined")?;
            Ok(Session {
                id: row.try_get("id")?,
                topic: row.try_get("topic")?,
                spot: row.try_get("spot")?,
                host_id: row.try_get("host_id")?,
                host_name: row.try_get("host_name")?,
                report: row.try_get("report")?,
                members: row.try_get("members")?,
                joined: joined > 0,
            })
        })
        .collect()
}

/// The event a session belongs to, with the session's host.
pub async fn session_event(
    db: &Db,
    session_id: &str,
) -> anyhow::Result<Option<(String, Option<String>)>> {
    let row = sqlx::query("SELECT event_id, host_id FROM open_space_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(db)
        .await
        .context("loading an open-space session")?;
    row.map(|r| Ok((r.try_get("event_id")?, r.try_get("host_id")?)))
        .transpose()
}

/// Pitches a session; its host joins it. Returns its id.
pub async fn pitch(
    db: &Db,
    event_id: &str,
    host_id: &str,
    topic: &str,
    spot: &str,
) -> anyhow::Result<String> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO open_space_sessions (id, event_id, topic, spot, host_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(event_id)
    .bind(topic)
    .bind(spot)
    .bind(host_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("pitching a session")?;
    join_in(&mut tx, &id, host_id, now).await?;
    tx.commit().await.context("committing a pitch")?;
    Ok(id)
}

async fn join_in(
    tx: &mut Transaction<'static, Any>,
    session_id: &str,
    user_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO open_space_members (session_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (session_id, user_id) DO NOTHING",
    )
    .bind(session_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("joining a session")?;
    Ok(())
}

/// Joins a session, leaving any other session of the same event: open space's "law of two
/// feet" lets people move, but each is in one group at a time.
pub async fn join(db: &Db, event_id: &str, session_id: &str, user_id: &str) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "DELETE FROM open_space_members WHERE user_id = $1 AND session_id IN \
         (SELECT id FROM open_space_sessions WHERE event_id = $2)",
    )
    .bind(user_id)
    .bind(event_id)
    .execute(&mut *tx)
    .await
    .context("leaving other sessions")?;
    join_in(&mut tx, session_id, user_id, now_ms()).await?;
    tx.commit().await.context("committing a join")?;
    Ok(())
}

pub async fn is_member(db: &Db, session_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM open_space_members WHERE session_id = $1 AND user_id = $2",
    )
    .bind(session_id)
    .bind(user_id)
    .fetch_one(db)
    .await
    .context("checking a session's members")?;
    Ok(n > 0)
}

/// Saves a session's report-back (replacing an earlier one).
pub async fn report_back(db: &Db, session_id: &str, report: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE open_space_sessions SET report = $1, reported_at = $2 WHERE id = $3")
        .bind(report)
        .bind(now_ms())
        .bind(session_id)
        .execute(db)
        .await
        .context("saving a report-back")?;
    Ok(())
}
