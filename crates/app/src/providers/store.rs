//! All SQL about micro-providers and their accreditation: bodies, standards, applications,
//! services, evidence, reviews, decisions, the directory, messages and lapse reminders.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, Sql, is_unique_violation, new_id};
use crate::mail::{self, Email};

/// The job that reminds a provider and its body a month before an accreditation lapses.
pub const REMINDER_JOB: &str = "provider-lapse-reminder";
/// How long before the earliest expiry the reminder goes out (30 days).
pub const REMIND_BEFORE_MS: i64 = 30 * 24 * 3600 * 1000;
/// A day in milliseconds.
pub const DAY_MS: i64 = 24 * 3600 * 1000;
/// The most checks a standard may have, and bodies listed (each list is bounded).
pub const MAX_CHECKS: i64 = 50;
pub const MAX_BODIES: i64 = 500;
pub const MAX_SERVICES: i64 = 30;
pub const MAX_FILES_PER_CHECK: i64 = 10;

/// Kinds of service, as the directory filters them.
pub const SERVICE_KINDS: [&str; 8] = [
    "care",
    "home_help",
    "handyman",
    "childminding",
    "gardening",
    "companionship",
    "transport",
    "other",
];

/// When a service is available, as the directory filters it.
pub const AVAILABILITY: [&str; 3] = ["weekdays", "evenings", "weekends"];

pub fn kind_label_key(kind: &str) -> String {
    format!("provider-kind-{}", kind.replace('_', "-"))
}

// ------------------------------------------------------------------ bodies

#[derive(Clone, Debug)]
pub struct Body {
    pub id: String,
    pub organisation_id: String,
    pub organisation_slug: String,
    pub organisation_name: String,
    pub area_id: String,
    pub area_name: String,
    /// When a site admin un-marked it; it then takes no applications.
    pub ended_at: Option<i64>,
}

const BODY_SELECT: &str = "SELECT b.id, b.organisation_id, o.slug AS organisation_slug, \
     o.name AS organisation_name, b.area_id, a.name AS area_name, b.ended_at \
     FROM accrediting_bodies b JOIN organisations o ON o.id = b.organisation_id \
     JOIN areas a ON a.id = b.area_id";

fn body_from(row: &AnyRow) -> anyhow::Result<Body> {
    Ok(Body {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_slug: row.try_get("organisation_slug")?,
        organisation_name: row.try_get("organisation_name")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        ended_at: row.try_get("ended_at")?,
    })
}

/// Every accrediting body (a site has a handful; at most [`MAX_BODIES`]).
pub async fn bodies(db: &Db) -> anyhow::Result<Vec<Body>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{BODY_SELECT} ORDER BY o.name, b.id LIMIT {MAX_BODIES}"
    )))
    .fetch_all(db)
    .await
    .context("listing accrediting bodies")?;
    rows.iter().map(body_from).collect()
}

pub async fn find_body(db: &Db, id: &str) -> anyhow::Result<Option<Body>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{BODY_SELECT} WHERE b.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
    .context("loading an accrediting body")?;
    row.as_ref().map(body_from).transpose()
}

/// Marks an organisation as an accrediting body for an area, or marks again one that was
/// un-marked (its area as now chosen); false if it already is one.
pub async fn mark_body(
    db: &Db,
    organisation_id: &str,
    area_id: &str,
    marked_by: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO accrediting_bodies (id, organisation_id, area_id, marked_by, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(organisation_id)
    .bind(area_id)
    .bind(marked_by)
    .bind(now)
    .execute(db)
    .await;
    match result {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => {
            let again = sqlx::query(
                "UPDATE accrediting_bodies SET ended_at = NULL, area_id = $1, marked_by = $2 \
                 WHERE organisation_id = $3 AND ended_at IS NOT NULL",
            )
            .bind(area_id)
            .bind(marked_by)
            .bind(organisation_id)
            .execute(db)
            .await
            .context("marking an accrediting body again")?;
            Ok(again.rows_affected() == 1)
        }
        Err(e) => Err(anyhow::Error::new(e).context("marking an accrediting body")),
    }
}

/// The person's role in the body's organisation: `admin` writes the standard, `admin` and
/// `official` assess. None for anyone else.
pub async fn body_role(db: &Db, body_id: &str, user_id: &str) -> anyhow::Result<Option<String>> {
    let row = sqlx::query(
        "SELECT m.role FROM memberships m JOIN accrediting_bodies b \
         ON b.organisation_id = m.organisation_id WHERE b.id = $1 AND m.user_id = $2",
    )
    .bind(body_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("loading a role in an accrediting body")?;
    Ok(row.map(|r| r.try_get("role")).transpose()?)
}

/// The bodies the person assesses for (admin or official of the body's organisation).
pub async fn bodies_assessed_by(db: &Db, user_id: &str) -> anyhow::Result<Vec<Body>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{BODY_SELECT} JOIN memberships m ON m.organisation_id = b.organisation_id \
         WHERE m.user_id = $1 AND m.role IN ('admin', 'official') \
         ORDER BY o.name, b.id LIMIT {MAX_BODIES}"
    )))
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing the bodies someone assesses for")?;
    rows.iter().map(body_from).collect()
}

// ------------------------------------------------------------------ the standard

#[derive(Clone, Debug)]
pub struct Check {
    pub id: String,
    pub name: String,
    pub evidence: String,
    pub valid_months: i64,
}

fn check_from(row: &AnyRow) -> anyhow::Result<Check> {
    Ok(Check {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        evidence: row.try_get("evidence")?,
        valid_months: row.try_get("valid_months")?,
    })
}

/// A body's standard, in the order its checks were written.
pub async fn checks(db: &Db, body_id: &str) -> anyhow::Result<Vec<Check>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT id, name, evidence, valid_months FROM accreditation_checks \
         WHERE body_id = $1 ORDER BY created_at, id LIMIT {MAX_CHECKS}"
    )))
    .bind(body_id)
    .fetch_all(db)
    .await
    .context("listing a standard's checks")?;
    rows.iter().map(check_from).collect()
}

pub async fn find_check(db: &Db, body_id: &str, check_id: &str) -> anyhow::Result<Option<Check>> {
    let row = sqlx::query(
        "SELECT id, name, evidence, valid_months FROM accreditation_checks \
         WHERE body_id = $1 AND id = $2",
    )
    .bind(body_id)
    .bind(check_id)
    .fetch_optional(db)
    .await
    .context("loading a check")?;
    row.as_ref().map(check_from).transpose()
}

pub async fn add_check(
    db: &Db,
    body_id: &str,
    name: &str,
    evidence: &str,
    valid_months: i64,
    now: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO accreditation_checks (id, body_id, name, evidence, valid_months, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(body_id)
    .bind(name)
    .bind(evidence)
    .bind(valid_months)
    .bind(now)
    .execute(db)
    .await
    .context("adding a check")?;
    Ok(id)
}

pub async fn update_check(
    db: &Db,
    body_id: &str,
    check_id: &str,
    name: &str,
    evidence: &str,
    valid_months: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE accreditation_checks SET name = $1, evidence = $2, valid_months = $3 \
         WHERE id = $4 AND body_id = $5",
    )
    .bind(name)
    .bind(evidence)
    .bind(valid_months)
    .bind(check_id)
    .bind(body_id)
    .execute(db)
    .await
    .context("changing a check")?;
    Ok(done.rows_affected() == 1)
}

pub async fn count_checks(db: &Db, body_id: &str) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM accreditation_checks WHERE body_id = $1")
        .bind(body_id)
        .fetch_one(db)
        .await
        .context("counting checks")?;
    Ok(row.try_get("n")?)
}

// ------------------------------------------------------------------ applications

#[derive(Clone, Debug)]
pub struct Application {
    pub id: String,
    pub body_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub user_id: String,
    pub organisation_id: Option<String>,
    pub organisation_slug: Option<String>,
    pub name: String,
    pub about: String,
    /// waiting, granted or refused.
    pub status: String,
    pub valid_until: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Application {
    /// Granted and not lapsed: every accepted check still valid at `now`.
    pub fn in_force(&self, now: i64) -> bool {
        self.status == "granted" && self.valid_until.is_some_and(|until| until > now)
    }
}

const APPLICATION_SELECT: &str = "SELECT p.id, p.body_id, bo.name AS body_name, \
     bo.slug AS body_slug, p.user_id, p.organisation_id, po.slug AS organisation_slug, p.name, \
     p.about, p.status, p.valid_until, p.created_at, p.updated_at \
     FROM provider_applications p JOIN accrediting_bodies b ON b.id = p.body_id \
     JOIN organisations bo ON bo.id = b.organisation_id \
     LEFT JOIN organisations po ON po.id = p.organisation_id";

fn application_from(row: &AnyRow) -> anyhow::Result<Application> {
    Ok(Application {
        id: row.try_get("id")?,
        body_id: row.try_get("body_id")?,
        body_name: row.try_get("body_name")?,
        body_slug: row.try_get("body_slug")?,
        user_id: row.try_get("user_id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_slug: row.try_get("organisation_slug")?,
        name: row.try_get("name")?,
        about: row.try_get("about")?,
        status: row.try_get("status")?,
        valid_until: row.try_get("valid_until")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

pub async fn find_application(db: &Db, id: &str) -> anyhow::Result<Option<Application>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{APPLICATION_SELECT} WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
    .context("loading an application")?;
    row.as_ref().map(application_from).transpose()
}

/// Whether the person applies as this provider: the applicant, or an admin of the applying
/// organisation.
pub async fn speaks_for(db: &Db, application: &Application, user_id: &str) -> anyhow::Result<bool> {
    if application.user_id == user_id {
        return Ok(true);
    }
    let Some(org) = application.organisation_id.as_deref() else {
        return Ok(false);
    };
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM memberships WHERE organisation_id = $1 AND user_id = $2",
    )
    .bind(org)
    .bind(user_id)
    .fetch_one(db)
    .await
    .context("checking who speaks for a provider")?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Micro-provider organisations the person administers (they may apply for them).
pub async fn provider_organisations(
    db: &Db,
    user_id: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT o.id, o.name FROM organisations o JOIN memberships m ON m.organisation_id = o.id \
         WHERE m.user_id = $1 AND m.role = 'admin' AND o.kind = 'micro_provider' \
         ORDER BY o.name, o.id LIMIT 100",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's micro-provider organisations")?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
        .collect()
}

pub struct NewService<'a> {
    pub kind: &'a str,
    pub description: &'a str,
    pub area_id: &'a str,
    pub for_whom: &'a str,
    pub price: &'a str,
    pub hours: &'a str,
    pub weekdays: bool,
    pub evenings: bool,
    pub weekends: bool,
}

pub struct NewApplication<'a> {
    pub body_id: &'a str,
    pub user_id: &'a str,
    pub organisation_id: Option<&'a str>,
    pub name: &'a str,
    pub about: &'a str,
    pub service: &'a NewService<'a>,
}

/// Stores an application with its first service; None when this provider already applied
/// to this body.
pub async fn apply(db: &Db, new: &NewApplication<'_>, now: i64) -> anyhow::Result<Option<String>> {
    let id = new_id();
    let key = match new.organisation_id {
        Some(org) => org.to_string(),
        None => format!("user:{}", new.user_id),
    };
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO provider_applications (id, body_id, user_id, organisation_id, provider_key, \
         name, about, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $8)",
    )
    .bind(&id)
    .bind(new.body_id)
    .bind(new.user_id)
    .bind(new.organisation_id)
    .bind(key)
    .bind(new.name)
    .bind(new.about)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Ok(None),
        Err(e) => return Err(anyhow::Error::new(e).context("storing an application")),
    }
    insert_service(&mut tx, &id, new.service, now).await?;
    tx.commit().await.context("committing an application")?;
    Ok(Some(id))
}

async fn insert_service(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: &str,
    s: &NewService<'_>,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO provider_services (id, application_id, kind, description, area_id, \
         for_whom, price, hours, weekdays, evenings, weekends, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(new_id())
    .bind(application_id)
    .bind(s.kind)
    .bind(s.description)
    .bind(s.area_id)
    .bind(s.for_whom)
    .bind(s.price)
    .bind(s.hours)
    .bind(i64::from(s.weekdays))
    .bind(i64::from(s.evenings))
    .bind(i64::from(s.weekends))
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("storing a service")?;
    sqlx::query("UPDATE provider_applications SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(application_id)
        .execute(&mut **tx)
        .await
        .context("touching an application")?;
    Ok(())
}

/// Adds a service; false when the provider already lists [`MAX_SERVICES`].
pub async fn add_service(
    db: &Db,
    application_id: &str,
    service: &NewService<'_>,
    now: i64,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query("SELECT COUNT(*) AS n FROM provider_services WHERE application_id = $1")
        .bind(application_id)
        .fetch_one(&mut *tx)
        .await
        .context("counting services")?;
    if row.try_get::<i64, _>("n")? >= MAX_SERVICES {
        return Ok(false);
    }
    insert_service(&mut tx, application_id, service, now).await?;
    tx.commit().await.context("committing a service")?;
    Ok(true)
}

pub async fn remove_service(
    db: &Db,
    application_id: &str,
    service_id: &str,
) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM provider_services WHERE id = $1 AND application_id = $2")
        .bind(service_id)
        .bind(application_id)
        .execute(db)
        .await
        .context("removing a service")?;
    Ok(done.rows_affected() == 1)
}

#[derive(Clone, Debug, Serialize)]
pub struct Service {
    pub id: String,
    pub kind: String,
    pub description: String,
    pub area_name: String,
    pub area_slug: String,
    pub for_whom: String,
    pub price: String,
    pub hours: String,
    pub weekdays: bool,
    pub evenings: bool,
    pub weekends: bool,
}

const SERVICE_COLUMNS: &str = "s.id, s.kind, s.description, a.name AS area_name, \
     a.slug AS area_slug, s.for_whom, s.price, s.hours, s.weekdays, s.evenings, s.weekends";

fn service_from(row: &AnyRow) -> anyhow::Result<Service> {
    Ok(Service {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        description: row.try_get("description")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        for_whom: row.try_get("for_whom")?,
        price: row.try_get("price")?,
        hours: row.try_get("hours")?,
        weekdays: row.try_get::<i64, _>("weekdays")? != 0,
        evenings: row.try_get::<i64, _>("evenings")? != 0,
        weekends: row.try_get::<i64, _>("weekends")? != 0,
    })
}

/// A provider's services (at most [`MAX_SERVICES`]).
pub async fn services(db: &Db, application_id: &str) -> anyhow::Result<Vec<Service>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SERVICE_COLUMNS} FROM provider_services s JOIN areas a ON a.id = s.area_id \
         WHERE s.application_id = $1 ORDER BY s.created_at, s.id LIMIT {MAX_SERVICES}"
    )))
    .bind(application_id)
    .fetch_all(db)
    .await
    .context("listing a provider's services")?;
    rows.iter().map(service_from).collect()
}

/// One line of a list of applications.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: String,
    pub name: String,
    pub body_name: String,
    pub status: String,
    pub valid_until: Option<i64>,
    pub updated_at: i64,
}

fn listed_from(row: &AnyRow) -> anyhow::Result<Listed> {
    Ok(Listed {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        body_name: row.try_get("body_name")?,
        status: row.try_get("status")?,
        valid_until: row.try_get("valid_until")?,
        updated_at: row.try_get("updated_at")?,
    })
}

const LISTED_SELECT: &str = "SELECT p.id, p.name, bo.name AS body_name, p.status, \
     p.valid_until, p.updated_at FROM provider_applications p \
     JOIN accrediting_bodies b ON b.id = p.body_id \
     JOIN organisations bo ON bo.id = b.organisation_id";

/// The person's applications, as applicant or for an organisation they belong to; newest
/// change first, a page after `cursor`.
pub async fn applications_of(
    db: &Db,
    user_id: &str,
    cursor: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Listed>> {
    let mut q = Sql::new(LISTED_SELECT);
    q.push(" WHERE (p.user_id = ")
        .bind(user_id.to_string())
        .push(" OR p.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
        .bind(user_id.to_string())
        .push("))");
    page_by_update(&mut q, cursor, limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing someone's applications")?;
    rows.iter().map(listed_from).collect()
}

fn page_by_update(q: &mut Sql, cursor: Option<(i64, &str)>, limit: i64) {
    if let Some((at, id)) = cursor {
        q.push(" AND (p.updated_at < ")
            .bind(at)
            .push(" OR (p.updated_at = ")
            .bind(at)
            .push(" AND p.id < ")
            .bind(id.to_string())
            .push("))");
    }
    q.push(" ORDER BY p.updated_at DESC, p.id DESC LIMIT ")
        .bind(limit);
}

/// Applications of one body waiting for a decision, longest waiting first, a page after
/// `cursor` (the last shown's `updated_at.id`).
pub async fn waiting_for(
    db: &Db,
    body_id: &str,
    cursor: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Listed>> {
    let mut q = Sql::new(LISTED_SELECT);
    q.push(" WHERE p.body_id = ")
        .bind(body_id.to_string())
        .push(" AND p.status = 'waiting'");
    if let Some((at, id)) = cursor {
        q.push(" AND (p.updated_at > ")
            .bind(at)
            .push(" OR (p.updated_at = ")
            .bind(at)
            .push(" AND p.id > ")
            .bind(id.to_string())
            .push("))");
    }
    q.push(" ORDER BY p.updated_at, p.id LIMIT ").bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing applications waiting")?;
    rows.iter().map(listed_from).collect()
}

/// Granted applications of one body whose accreditation lapses before `before` (or has
/// lapsed), soonest first, at most `limit`.
pub async fn lapsing_for(
    db: &Db,
    body_id: &str,
    before: i64,
    limit: i64,
) -> anyhow::Result<Vec<Listed>> {
    let mut q = Sql::new(LISTED_SELECT);
    q.push(" WHERE p.body_id = ")
        .bind(body_id.to_string())
        .push(" AND p.status = 'granted' AND p.valid_until < ")
        .bind(before)
        .push(" ORDER BY p.valid_until, p.id LIMIT ")
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing accreditations about to lapse")?;
    rows.iter().map(listed_from).collect()
}

/// How many applications wait for a decision in the bodies the person assesses for.
pub async fn waiting_count(db: &Db, user_id: &str) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM provider_applications p \
         JOIN accrediting_bodies b ON b.id = p.body_id \
         JOIN memberships m ON m.organisation_id = b.organisation_id \
         WHERE m.user_id = $1 AND m.role IN ('admin', 'official') AND p.status = 'waiting'",
    )
    .bind(user_id)
    .fetch_one(db)
    .await
    .context("counting applications waiting")?;
    Ok(row.try_get("n")?)
}

// ------------------------------------------------------------------ checks and evidence

#[derive(Clone, Debug)]
pub struct EvidenceFile {
    pub id: String,
    pub file_name: String,
    pub size: i64,
    pub created_at: i64,
}

/// Where an application stands on one check of the standard.
#[derive(Clone, Debug)]
pub struct CheckState {
    pub check: Check,
    /// None while no evidence was given; else waiting, accepted or more_needed.
    pub status: Option<String>,
    pub note: String,
    pub reason: String,
    pub expires_at: Option<i64>,
    pub files: Vec<EvidenceFile>,
}

impl CheckState {
    /// Accepted and still valid at `now`.
    pub fn passed(&self, now: i64) -> bool {
        self.status.as_deref() == Some("accepted") && self.expires_at.is_some_and(|e| e > now)
    }
}

/// Every check of the body's standard with the application's evidence and reviews.
pub async fn check_states(
    db: &Db,
    body_id: &str,
    application_id: &str,
) -> anyhow::Result<Vec<CheckState>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT c.id, c.name, c.evidence, c.valid_months, pc.id AS pc_id, pc.status, \
         pc.note, pc.reason, pc.expires_at FROM accreditation_checks c \
         LEFT JOIN provider_checks pc ON pc.check_id = c.id AND pc.application_id = $2 \
         WHERE c.body_id = $1 ORDER BY c.created_at, c.id LIMIT {MAX_CHECKS}"
    )))
    .bind(body_id)
    .bind(application_id)
    .fetch_all(db)
    .await
    .context("listing an application's checks")?;
    let mut states = Vec::with_capacity(rows.len());
    for row in &rows {
        let pc_id: Option<String> = row.try_get("pc_id")?;
        let files = match &pc_id {
            Some(id) => evidence_files(db, id).await?,
            None => Vec::new(),
        };
        states.push(CheckState {
            check: check_from(row)?,
            status: row.try_get("status")?,
            note: row
                .try_get::<Option<String>, _>("note")?
                .unwrap_or_default(),
            reason: row
                .try_get::<Option<String>, _>("reason")?
                .unwrap_or_default(),
            expires_at: row.try_get("expires_at")?,
            files,
        });
    }
    Ok(states)
}

async fn evidence_files(db: &Db, provider_check_id: &str) -> anyhow::Result<Vec<EvidenceFile>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT id, file_name, size, created_at FROM provider_evidence_files \
         WHERE provider_check_id = $1 ORDER BY created_at, id LIMIT {MAX_FILES_PER_CHECK}"
    )))
    .bind(provider_check_id)
    .fetch_all(db)
    .await
    .context("listing evidence files")?;
    rows.iter()
        .map(|r| {
            Ok(EvidenceFile {
                id: r.try_get("id")?,
                file_name: r.try_get("file_name")?,
                size: r.try_get("size")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// A file to store as evidence, already checked and stripped of its metadata.
pub struct NewFile<'a> {
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

pub enum Evidence {
    Stored,
    TooManyFiles,
}

/// Records evidence for a check (a note, a file, or both). Whatever the check's state, it
/// goes (back) to review; an accepted check keeps its expiry until it is reviewed again, so
/// renewing evidence before it expires does not take a provider out of the directory.
pub async fn add_evidence(
    db: &Db,
    application_id: &str,
    check_id: &str,
    note: &str,
    file: Option<&NewFile<'_>>,
    user_id: &str,
    now: i64,
) -> anyhow::Result<Evidence> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query(
        "INSERT INTO provider_checks (id, application_id, check_id, status, note, reason, \
         updated_at) VALUES ($1, $2, $3, 'waiting', $4, '', $5) \
         ON CONFLICT (application_id, check_id) DO UPDATE SET status = 'waiting', \
         note = CASE WHEN $4 = '' THEN provider_checks.note ELSE $4 END, updated_at = $5 \
         RETURNING id",
    )
    .bind(new_id())
    .bind(application_id)
    .bind(check_id)
    .bind(note)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .context("recording evidence")?;
    let pc_id: String = row.try_get("id")?;
    if let Some(file) = file {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM provider_evidence_files WHERE provider_check_id = $1",
        )
        .bind(&pc_id)
        .fetch_one(&mut *tx)
        .await
        .context("counting evidence files")?;
        if row.try_get::<i64, _>("n")? >= MAX_FILES_PER_CHECK {
            return Ok(Evidence::TooManyFiles);
        }
        sqlx::query(
            "INSERT INTO provider_evidence_files (id, provider_check_id, file_name, \
             content_type, bytes, size, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(&pc_id)
        .bind(file.file_name)
        .bind(file.content_type)
        .bind(file.bytes.to_vec())
        .bind(file.bytes.len() as i64)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing an evidence file")?;
    }
    sqlx::query("UPDATE provider_applications SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(application_id)
        .execute(&mut *tx)
        .await
        .context("touching an application")?;
    tx.commit().await.context("committing evidence")?;
    Ok(Evidence::Stored)
}

/// An evidence file of the application: (name, type, bytes).
pub async fn evidence_file(
    db: &Db,
    application_id: &str,
    file_id: &str,
) -> anyhow::Result<Option<(String, String, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT f.file_name, f.content_type, f.bytes FROM provider_evidence_files f \
         JOIN provider_checks pc ON pc.id = f.provider_check_id \
         WHERE f.id = $1 AND pc.application_id = $2",
    )
    .bind(file_id)
    .bind(application_id)
    .fetch_optional(db)
    .await
    .context("loading an evidence file")?;
    row.map(|r| {
        Ok((
            r.try_get("file_name")?,
            r.try_get("content_type")?,
            r.try_get("bytes")?,
        ))
    })
    .transpose()
}

#[derive(Serialize, Deserialize)]
struct ReminderJob {
    application_id: String,
    valid_until: i64,
}

/// Sets a granted application's `valid_until` to the earliest expiry of its checks and, when
/// it changed, queues the reminder a month before it.
async fn refresh_valid_until(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    let row = sqlx::query(
        "SELECT p.status, p.valid_until, (SELECT MIN(expires_at) FROM provider_checks \
         WHERE application_id = p.id) AS earliest FROM provider_applications p WHERE p.id = $1",
    )
    .bind(application_id)
    .fetch_one(&mut **tx)
    .await
    .context("reading an accreditation's expiry")?;
    let status: String = row.try_get("status")?;
    let old: Option<i64> = row.try_get("valid_until")?;
    let earliest: Option<i64> = row.try_get("earliest")?;
    if status != "granted" || old == earliest {
        return Ok(());
    }
    sqlx::query("UPDATE provider_applications SET valid_until = $1 WHERE id = $2")
        .bind(earliest)
        .bind(application_id)
        .execute(&mut **tx)
        .await
        .context("setting an accreditation's expiry")?;
    if let Some(until) = earliest {
        queue_reminder(tx, application_id, until, now).await?;
    }
    Ok(())
}

async fn queue_reminder(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: &str,
    valid_until: i64,
    now: i64,
) -> anyhow::Result<()> {
    let job = ReminderJob {
        application_id: application_id.to_string(),
        valid_until,
    };
    let run_at = (valid_until - REMIND_BEFORE_MS).max(now);
    crate::jobs::store::enqueue_at(&mut **tx, REMINDER_JOB, &job, run_at).await
}

pub enum Review<'a> {
    Accept { expires_at: i64 },
    MoreNeeded { reason: &'a str },
}

/// Records an assessor's review of one check (which must have evidence); false when there
/// is none to review.
pub async fn review_check(
    db: &Db,
    application_id: &str,
    check_id: &str,
    review: &Review<'_>,
    reviewer_id: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let (status, reason, expires) = match review {
        Review::Accept { expires_at } => ("accepted", "", Some(*expires_at)),
        Review::MoreNeeded { reason } => ("more_needed", *reason, None),
    };
    // Asking for more keeps an earlier acceptance's expiry: the accreditation stands until
    // then, as it would had nothing new been sent.
    let row = sqlx::query(
        "UPDATE provider_checks SET status = $1, reason = $2, \
         expires_at = COALESCE($3, expires_at), updated_at = $4 \
         WHERE application_id = $5 AND check_id = $6 RETURNING id",
    )
    .bind(status)
    .bind(reason)
    .bind(expires)
    .bind(now)
    .bind(application_id)
    .bind(check_id)
    .fetch_optional(&mut *tx)
    .await
    .context("reviewing a check")?;
    let Some(row) = row else {
        return Ok(false);
    };
    let pc_id: String = row.try_get("id")?;
    sqlx::query(
        "INSERT INTO provider_check_reviews (id, provider_check_id, outcome, reason, expires_at, \
         reviewer_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(&pc_id)
    .bind(status)
    .bind(reason)
    .bind(expires)
    .bind(reviewer_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("recording a review")?;
    sqlx::query("UPDATE provider_applications SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(application_id)
        .execute(&mut *tx)
        .await
        .context("touching an application")?;
    refresh_valid_until(&mut tx, application_id, now).await?;
    tx.commit().await.context("committing a review")?;
    Ok(true)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Decided {
    Done,
    /// A check of the standard is not accepted, or its evidence has expired.
    ChecksNotPassed,
    /// The body has written no standard yet.
    NoStandard,
    /// The provider withdrew it (or its body stopped accrediting).
    Withdrawn,
}

/// Grants or refuses an application with a reason, recording who and when. Granting needs
/// every check of the body's standard accepted and unexpired at `now`; the accreditation
/// then runs until the earliest expiry. The applicant is told in their language.
pub async fn decide(
    db: &Db,
    application: &Application,
    grant: bool,
    reason: &str,
    decided_by: &str,
    now: i64,
    tell: impl Fn(&str) -> Email,
) -> anyhow::Result<Decided> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM provider_applications WHERE id = $1")
            .bind(&application.id)
            .fetch_optional(&mut *tx)
            .await
            .context("loading an application's status")?;
    if status.as_deref() == Some("withdrawn") {
        return Ok(Decided::Withdrawn);
    }
    if grant {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, \
             SUM(CASE WHEN pc.status = 'accepted' AND pc.expires_at > $3 THEN 1 ELSE 0 END) \
             AS passed, MIN(pc.expires_at) AS earliest FROM accreditation_checks c \
             LEFT JOIN provider_checks pc ON pc.check_id = c.id AND pc.application_id = $2 \
             WHERE c.body_id = $1",
        )
        .bind(&application.body_id)
        .bind(&application.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .context("checking an application's checks")?;
        let total: i64 = row.try_get("n")?;
        let passed: Option<i64> = row.try_get("passed")?;
        if total == 0 {
            return Ok(Decided::NoStandard);
        }
        if passed.unwrap_or(0) < total {
            return Ok(Decided::ChecksNotPassed);
        }
    }
    let outcome = if grant { "granted" } else { "refused" };
    sqlx::query(
        "UPDATE provider_applications SET status = $1, valid_until = NULL, reminded_for = NULL, \
         updated_at = $2 WHERE id = $3",
    )
    .bind(outcome)
    .bind(now)
    .bind(&application.id)
    .execute(&mut *tx)
    .await
    .context("deciding an application")?;
    record_decision(
        &mut tx,
        &application.id,
        outcome,
        reason,
        Some(decided_by),
        now,
    )
    .await?;
    if grant {
        refresh_valid_until(&mut tx, &application.id, now).await?;
    }
    let row = sqlx::query("SELECT email, locale FROM users WHERE id = $1")
        .bind(&application.user_id)
        .fetch_optional(&mut *tx)
        .await
        .context("loading the applicant")?;
    if let Some(row) = row {
        let email: String = row.try_get("email")?;
        let locale: String = row.try_get("locale")?;
        let mut message = tell(&locale);
        message.to = email;
        mail::queue(&mut *tx, &message).await?;
    }
    tx.commit().await.context("committing a decision")?;
    Ok(Decided::Done)
}

/// What became of a withdrawal or a reopening.
#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// The application was not in a state this change applies to (already withdrawn, or
    /// not withdrawn), or its body no longer accredits.
    NotNow,
}

/// The provider withdraws an application (waiting, granted or refused): it leaves the
/// directory and the assessors' queue at once. Recorded with who, when and why.
pub async fn withdraw(
    db: &Db,
    application_id: &str,
    reason: &str,
    by: &str,
    now: i64,
) -> anyhow::Result<Changed> {
    change_status(db, application_id, "withdrawn", reason, by, now).await
}

/// The provider sends a withdrawn application back for assessment (its body still
/// accrediting): waiting again, every check as it was.
pub async fn reopen(db: &Db, application_id: &str, by: &str, now: i64) -> anyhow::Result<Changed> {
    change_status(db, application_id, "reopened", "", by, now).await
}

async fn change_status(
    db: &Db,
    application_id: &str,
    outcome: &str,
    reason: &str,
    by: &str,
    now: i64,
) -> anyhow::Result<Changed> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    // Withdrawing applies to any application not withdrawn; reopening to a withdrawn one
    // whose body still accredits. One statement decides, so two clicks change it once.
    let sql = if outcome == "withdrawn" {
        "UPDATE provider_applications SET status = 'withdrawn', valid_until = NULL, \
         reminded_for = NULL, updated_at = $1 WHERE id = $2 AND status <> 'withdrawn'"
    } else {
        "UPDATE provider_applications SET status = 'waiting', valid_until = NULL, \
         reminded_for = NULL, updated_at = $1 WHERE id = $2 AND status = 'withdrawn' \
         AND body_id IN (SELECT id FROM accrediting_bodies WHERE ended_at IS NULL)"
    };
    let changed = sqlx::query(sql)
        .bind(now)
        .bind(application_id)
        .execute(&mut *tx)
        .await
        .context("changing an application's status")?;
    if changed.rows_affected() == 0 {
        return Ok(Changed::NotNow);
    }
    record_decision(&mut tx, application_id, outcome, reason, Some(by), now).await?;
    tx.commit()
        .await
        .context("committing an application's status")?;
    Ok(Changed::Done)
}

async fn record_decision(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: &str,
    outcome: &str,
    reason: &str,
    by: Option<&str>,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO provider_decisions (id, application_id, outcome, reason, decided_by, \
         decided_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(application_id)
    .bind(outcome)
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("recording a decision")?;
    Ok(())
}

/// A site admin un-marks a body: it takes no new applications, and every application to it
/// not already withdrawn is withdrawn, each with a decision giving the reason. False when
/// it had already ended.
pub async fn end_body(
    db: &Db,
    body_id: &str,
    reason: &str,
    by: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let ended = sqlx::query(
        "UPDATE accrediting_bodies SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(body_id)
    .execute(&mut *tx)
    .await
    .context("ending an accrediting body")?;
    if ended.rows_affected() == 0 {
        return Ok(false);
    }
    // A body's applications are one per provider: read them page by page by id.
    let mut after = String::new();
    loop {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM provider_applications WHERE body_id = $1 AND status <> 'withdrawn' \
             AND id > $2 ORDER BY id LIMIT 500",
        )
        .bind(body_id)
        .bind(&after)
        .fetch_all(&mut *tx)
        .await
        .context("listing a body's applications")?;
        for id in &ids {
            record_decision(&mut tx, id, "withdrawn", reason, Some(by), now).await?;
        }
        match ids.last() {
            Some(last) if ids.len() == 500 => after = last.clone(),
            _ => break,
        }
    }
    sqlx::query(
        "UPDATE provider_applications SET status = 'withdrawn', valid_until = NULL, \
         reminded_for = NULL, updated_at = $1 WHERE body_id = $2 AND status <> 'withdrawn'",
    )
    .bind(now)
    .bind(body_id)
    .execute(&mut *tx)
    .await
    .context("withdrawing a body's applications")?;
    tx.commit().await.context("committing the end of a body")?;
    Ok(true)
}

#[derive(Clone, Debug)]
pub struct Decision {
    pub outcome: String,
    pub reason: String,
    pub decided_by: Option<String>,
    pub decided_at: i64,
}

/// An application's decisions, newest first (at most 50).
pub async fn decisions(db: &Db, application_id: &str) -> anyhow::Result<Vec<Decision>> {
    let rows = sqlx::query(
        "SELECT d.outcome, d.reason, u.display_name, d.decided_at FROM provider_decisions d \
         LEFT JOIN users u ON u.id = d.decided_by WHERE d.application_id = $1 \
         ORDER BY d.decided_at DESC, d.id DESC LIMIT 50",
    )
    .bind(application_id)
    .fetch_all(db)
    .await
    .context("listing decisions")?;
    rows.iter()
        .map(|r| {
            Ok(Decision {
                outcome: r.try_get("outcome")?,
                reason: r.try_get("reason")?,
                decided_by: r.try_get("display_name")?,
                decided_at: r.try_get("decided_at")?,
            })
        })
        .collect()
}

// ------------------------------------------------------------------ the directory

/// Which services the directory shows: each filter only when given.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub area_id: Option<String>,
    pub kind: Option<String>,
    pub availability: Option<String>,
}

/// One accredited service in the directory.
#[derive(Clone, Debug)]
pub struct Listing {
    pub service: Service,
    pub application_id: String,
    pub provider_name: String,
    pub body_name: String,
    pub body_slug: String,
    pub valid_until: i64,
    pub created_at: i64,
}

/// Services of providers accredited at `now` (granted, no accepted check expired), newest
/// first, a page after `cursor` (the last shown's `created_at.id`).
pub async fn directory(
    db: &Db,
    filter: &Filter,
    now: i64,
    cursor: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Listing>> {
    let mut q = Sql::new(&format!(
        "SELECT {SERVICE_COLUMNS}, s.created_at, p.id AS application_id, \
         p.name AS provider_name, bo.name AS body_name, bo.slug AS body_slug, p.valid_until \
         FROM provider_services s JOIN areas a ON a.id = s.area_id \
         JOIN provider_applications p ON p.id = s.application_id \
         JOIN accrediting_bodies b ON b.id = p.body_id \
         JOIN organisations bo ON bo.id = b.organisation_id \
         WHERE p.status = 'granted' AND p.valid_until > "
    ));
    q.bind(now);
    if let Some(area) = &filter.area_id {
        q.push(" AND ").in_area_tree("s.area_id", area);
    }
    if let Some(kind) = &filter.kind {
        q.push(" AND s.kind = ").bind(kind.clone());
    }
    match filter.availability.as_deref() {
        Some("weekdays") => {
            q.push(" AND s.weekdays = 1");
        }
        Some("evenings") => {
            q.push(" AND s.evenings = 1");
        }
        Some("weekends") => {
            q.push(" AND s.weekends = 1");
        }
        _ => {}
    }
    if let Some(cursor) = cursor {
        q.older_than("s.created_at", "s.id", cursor);
    }
    q.push(" ORDER BY s.created_at DESC, s.id DESC LIMIT ")
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("reading the providers' directory")?;
    rows.iter()
        .map(|r| {
            Ok(Listing {
                service: service_from(r)?,
                application_id: r.try_get("application_id")?,
                provider_name: r.try_get("provider_name")?,
                body_name: r.try_get("body_name")?,
                body_slug: r.try_get("body_slug")?,
                valid_until: r.try_get("valid_until")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// An accredited provider working in an area, as the area's asset map lists them.
#[derive(Clone, Debug)]
pub struct InArea {
    pub application_id: String,
    pub name: String,
    pub body_name: String,
    /// The kinds of service offered in the area, each once.
    pub kinds: Vec<String>,
}

/// Providers accredited at `now` offering a service in the area (or an area inside it), by
/// name, the first `limit`; and how many there are in all.
pub async fn in_area(
    db: &Db,
    area_id: &str,
    now: i64,
    limit: i64,
) -> anyhow::Result<(Vec<InArea>, i64)> {
    let mut q = Sql::new(
        "SELECT p.id, p.name, bo.name AS body_name FROM provider_applications p \
         JOIN accrediting_bodies b ON b.id = p.body_id \
         JOIN organisations bo ON bo.id = b.organisation_id \
         WHERE p.status = 'granted' AND p.valid_until > ",
    );
    q.bind(now).push(" AND p.id IN (");
    q.push("SELECT s.application_id FROM provider_services s WHERE ")
        .in_area_tree("s.area_id", area_id)
        .push(") ORDER BY p.name, p.id LIMIT ")
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing the providers in an area")?;
    let mut found = Vec::with_capacity(rows.len());
    for row in &rows {
        found.push(InArea {
            application_id: row.try_get("id")?,
            name: row.try_get("name")?,
            body_name: row.try_get("body_name")?,
            kinds: Vec::new(),
        });
    }
    if !found.is_empty() {
        let mut kinds = Sql::new(
            "SELECT DISTINCT s.application_id, s.kind FROM provider_services s WHERE s.application_id IN ",
        );
        kinds
            .bind_list(
                found
                    .iter()
                    .map(|p| p.application_id.clone())
                    .collect::<Vec<_>>(),
            )
            .push(" AND ")
            .in_area_tree("s.area_id", area_id)
            .push(" ORDER BY s.kind");
        for row in kinds
            .query()
            .fetch_all(db)
            .await
            .context("listing the kinds of service in an area")?
        {
            let id: String = row.try_get("application_id")?;
            if let Some(provider) = found.iter_mut().find(|p| p.application_id == id) {
                provider.kinds.push(row.try_get("kind")?);
            }
        }
    }
    let mut count = Sql::new(
        "SELECT COUNT(*) AS n FROM provider_applications p WHERE p.status = 'granted' \
         AND p.valid_until > ",
    );
    count
        .bind(now)
        .push(" AND p.id IN (SELECT s.application_id FROM provider_services s WHERE ")
        .in_area_tree("s.area_id", area_id)
        .push(")");
    let total: i64 = count
        .query()
        .fetch_one(db)
        .await
        .context("counting the providers in an area")?
        .try_get("n")?;
    Ok((found, total))
}

/// Names of the checks an application passed (what was checked, never the evidence), with
/// their expiry.
pub async fn passed_checks(
    db: &Db,
    application_id: &str,
    now: i64,
) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT c.name, pc.expires_at FROM provider_checks pc \
         JOIN accreditation_checks c ON c.id = pc.check_id \
         WHERE pc.application_id = $1 AND pc.expires_at > $2 \
         ORDER BY c.created_at, c.id LIMIT {MAX_CHECKS}"
    )))
    .bind(application_id)
    .bind(now)
    .fetch_all(db)
    .await
    .context("listing what was checked")?;
    rows.iter()
        .map(|r| Ok((r.try_get("name")?, r.try_get("expires_at")?)))
        .collect()
}

// ------------------------------------------------------------------ messages

#[derive(Clone, Debug)]
pub struct Message {
    pub id: String,
    pub sender_name: String,
    /// Shown to the provider only once they answered.
    pub sender_email: String,
    pub body: String,
    pub answer: Option<String>,
    pub answered_at: Option<i64>,
    pub created_at: i64,
}

/// A person who receives mail: address, name, language.
#[derive(Clone, Debug)]
pub struct Recipient {
    pub email: String,
    pub display_name: String,
    pub locale: String,
}

fn recipient_from(row: &AnyRow) -> anyhow::Result<Recipient> {
    Ok(Recipient {
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        locale: row.try_get("locale")?,
    })
}

pub async fn recipient(db: &Db, user_id: &str) -> anyhow::Result<Option<Recipient>> {
    let row = sqlx::query("SELECT email, display_name, locale FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
        .context("loading a recipient")?;
    row.as_ref().map(recipient_from).transpose()
}

/// Stores a resident's message and emails the provider (without the resident's address).
pub async fn send_message(
    db: &Db,
    application: &Application,
    sender_id: &str,
    body: &str,
    now: i64,
    tell: impl Fn(&Recipient) -> Email,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO provider_messages (id, application_id, sender_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(&application.id)
    .bind(sender_id)
    .bind(body)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("storing a message to a provider")?;
    let row = sqlx::query("SELECT email, display_name, locale FROM users WHERE id = $1")
        .bind(&application.user_id)
        .fetch_optional(&mut *tx)
        .await
        .context("loading the provider")?;
    if let Some(row) = row {
        mail::queue(&mut *tx, &tell(&recipient_from(&row)?)).await?;
    }
    tx.commit().await.context("committing a message")?;
    Ok(())
}

/// Messages to a provider, newest first, a page after `cursor`.
pub async fn messages(
    db: &Db,
    application_id: &str,
    cursor: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Message>> {
    let mut q = Sql::new(
        "SELECT m.id, u.display_name, u.email, m.body, m.answer, m.answered_at, m.created_at \
         FROM provider_messages m JOIN users u ON u.id = m.sender_id WHERE m.application_id = ",
    );
    q.bind(application_id.to_string());
    if let Some(cursor) = cursor {
        q.older_than("m.created_at", "m.id", cursor);
    }
    q.push(" ORDER BY m.created_at DESC, m.id DESC LIMIT ")
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("listing messages to a provider")?;
    rows.iter()
        .map(|r| {
            Ok(Message {
                id: r.try_get("id")?,
                sender_name: r.try_get("display_name")?,
                sender_email: r.try_get("email")?,
                body: r.try_get("body")?,
                answer: r.try_get("answer")?,
                answered_at: r.try_get("answered_at")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Records the provider's answer (once) and emails it to the resident with the provider's
/// address. False when there is no such unanswered message.
pub async fn answer_message(
    db: &Db,
    application_id: &str,
    message_id: &str,
    answer: &str,
    answered_by: &str,
    now: i64,
    tell: impl Fn(&Recipient) -> Email,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query(
        "UPDATE provider_messages SET answer = $1, answered_by = $2, answered_at = $3 \
         WHERE id = $4 AND application_id = $5 AND answer IS NULL RETURNING sender_id",
    )
    .bind(answer)
    .bind(answered_by)
    .bind(now)
    .bind(message_id)
    .bind(application_id)
    .fetch_optional(&mut *tx)
    .await
    .context("answering a message")?;
    let Some(row) = row else {
        return Ok(false);
    };
    let sender: String = row.try_get("sender_id")?;
    let row = sqlx::query("SELECT email, display_name, locale FROM users WHERE id = $1")
        .bind(&sender)
        .fetch_optional(&mut *tx)
        .await
        .context("loading the resident")?;
    if let Some(row) = row {
        mail::queue(&mut *tx, &tell(&recipient_from(&row)?)).await?;
    }
    tx.commit().await.context("committing an answer")?;
    Ok(true)
}

// ------------------------------------------------------------------ reminders

/// The reminder job: a month before an accreditation lapses, tells the provider and the
/// body's admins and officials, once per expiry date (marked in the same transaction). A job
/// queued for an expiry that has since changed does nothing; the newer job reminds.
pub async fn send_reminder(
    db: &Db,
    payload: &str,
    now: i64,
    write: impl Fn(&Application, &Recipient, bool) -> Email,
) -> anyhow::Result<usize> {
    let job: ReminderJob = serde_json::from_str(payload).context("decoding a reminder job")?;
    if now < job.valid_until - REMIND_BEFORE_MS {
        return Ok(0);
    }
    let Some(application) = find_application(db, &job.application_id).await? else {
        return Ok(0);
    };
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let marked = sqlx::query(
        "UPDATE provider_applications SET reminded_for = $1 WHERE id = $2 AND status = 'granted' \
         AND valid_until = $1 AND (reminded_for IS NULL OR reminded_for <> $1) RETURNING id",
    )
    .bind(job.valid_until)
    .bind(&application.id)
    .fetch_optional(&mut *tx)
    .await
    .context("marking a reminder")?;
    if marked.is_none() {
        return Ok(0);
    }
    let mut sent = 0;
    let provider = sqlx::query("SELECT email, display_name, locale FROM users WHERE id = $1")
        .bind(&application.user_id)
        .fetch_optional(&mut *tx)
        .await
        .context("loading the provider")?;
    if let Some(row) = provider {
        mail::queue(&mut *tx, &write(&application, &recipient_from(&row)?, true)).await?;
        sent += 1;
    }
    let staff = sqlx::query(
        "SELECT u.email, u.display_name, u.locale FROM memberships m \
         JOIN users u ON u.id = m.user_id JOIN accrediting_bodies b \
         ON b.organisation_id = m.organisation_id \
         WHERE b.id = $1 AND m.role IN ('admin', 'official') AND u.id <> $2 \
         ORDER BY u.id LIMIT 50",
    )
    .bind(&application.body_id)
    .bind(&application.user_id)
    .fetch_all(&mut *tx)
    .await
    .context("loading the body's assessors")?;
    for row in &staff {
        mail::queue(&mut *tx, &write(&application, &recipient_from(row)?, false)).await?;
        sent += 1;
    }
    tx.commit().await.context("committing reminders")?;
    Ok(sent)
}
