//! All SQL about citizens' juries: the jury and its quotas, volunteers, letter codes, draws.

use anyhow::Context;
use serde::Serialize;
use sortition::{Feature, Quota};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{Action, Entry, Item};
use crate::db::{Db, is_unique_violation, new_id, now_ms};
use crate::mail::{self, Email};
use crate::web::forms::fold;

pub const JOB_KIND: &str = "jury_draw";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JuryStatus {
    /// Volunteers may register.
    Open,
    /// Registration has closed; the panel is being or can be drawn.
    Closed,
    /// A panel has been drawn.
    Selected,
    /// The make-up and the fairness of the draw are public.
    Published,
}

impl JuryStatus {
    pub fn parse(value: &str) -> Option<JuryStatus> {
        [Self::Open, Self::Closed, Self::Selected, Self::Published]
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JuryStatus::Open => "open",
            JuryStatus::Closed => "closed",
            JuryStatus::Selected => "selected",
            JuryStatus::Published => "published",
        }
    }

    pub fn label_key(self) -> String {
        format!("jury-status-{}", self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Jury {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub purpose: String,
    pub panel_size: u32,
    pub one_per_household: bool,
    pub closes_on: String,
    pub meets_on: String,
    pub invite_token: String,
    pub status: JuryStatus,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
}

macro_rules! select_jury {
    () => {
        "SELECT j.id, j.slug, j.title, j.purpose, j.panel_size, \
         CASE WHEN j.one_per_household THEN 1 ELSE 0 END AS one_per_household, \
         j.closes_on, j.meets_on, j.invite_token, j.status, j.area_id, \
         a.name AS area_name, a.slug AS area_slug \
         FROM juries j JOIN areas a ON a.id = j.area_id"
    };
}

fn jury_from_row(row: &AnyRow) -> anyhow::Result<Jury> {
    let status: String = row.try_get("status")?;
    Ok(Jury {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        purpose: row.try_get("purpose")?,
        panel_size: row.try_get::<i32, _>("panel_size")? as u32,
        one_per_household: row.try_get::<i32, _>("one_per_household")? == 1,
        closes_on: row.try_get("closes_on")?,
        meets_on: row.try_get("meets_on")?,
        invite_token: row.try_get("invite_token")?,
        status: JuryStatus::parse(&status)
            .with_context(|| format!("unknown jury status {status:?}"))?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
    })
}

/// What an official fills in to set up a jury.
pub struct NewJury<'a> {
    pub area_id: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub purpose: &'a str,
    pub panel_size: u32,
    pub one_per_household: bool,
    pub closes_on: &'a str,
    pub meets_on: &'a str,
    pub features: &'a [Feature],
}

#[derive(Debug, thiserror::Error)]
pub enum CreateJuryError {
    #[error("a jury with this address already exists")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub async fn create(db: &Db, jury: &NewJury<'_>, by: &str) -> Result<String, CreateJuryError> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO juries (id, area_id, slug, title, purpose, panel_size, one_per_household, \
         closes_on, meets_on, invite_token, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $12)",
    )
    .bind(&id)
    .bind(jury.area_id)
    .bind(jury.slug)
    .bind(jury.title)
    .bind(jury.purpose)
    .bind(jury.panel_size as i32)
    .bind(jury.one_per_household)
    .bind(jury.closes_on)
    .bind(jury.meets_on)
    .bind(crate::web::session::random_token())
    .bind(by)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => return Err(CreateJuryError::SlugTaken),
        other => other.context("creating a jury")?,
    };
    for (f, feature) in jury.features.iter().enumerate() {
        for (v, quota) in feature.quotas.iter().enumerate() {
            sqlx::query(
                "INSERT INTO jury_quotas (jury_id, feature_position, feature, value_position, \
                 value, min_count, max_count) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&id)
            .bind(f as i32)
            .bind(&feature.name)
            .bind(v as i32)
            .bind(&quota.value)
            .bind(quota.min as i32)
            .bind(quota.max as i32)
            .execute(&mut *tx)
            .await
            .context("storing a quota")?;
        }
    }
    tx.commit().await.context("committing a new jury")?;
    Ok(id)
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Jury>> {
    let row = sqlx::query(concat!(select_jury!(), " WHERE j.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("finding a jury")?;
    row.as_ref().map(jury_from_row).transpose()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Jury>> {
    let row = sqlx::query(concat!(select_jury!(), " WHERE j.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("finding a jury")?;
    row.as_ref().map(jury_from_row).transpose()
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Jury>> {
    let rows = sqlx::query(concat!(select_jury!(), " ORDER BY j.created_at DESC, j.id"))
        .fetch_all(db)
        .await
        .context("listing juries")?;
    rows.iter().map(jury_from_row).collect()
}

/// The one or two statuses a change may start from, as the `status = $a OR status = $b`
/// of the queries below bind them (every caller names one or two).
fn either_of(from: &[JuryStatus]) -> (&'static str, &'static str) {
    debug_assert!(matches!(from.len(), 1 | 2), "one or two statuses: {from:?}");
    let first = from.first().map_or("", |s| s.as_str());
    (first, from.get(1).map_or(first, |s| s.as_str()))
}

/// Moves a jury from one status to another; false if it was not in `from` (a stale form).
pub async fn change_status(
    db: &Db,
    jury_id: &str,
    from: &[JuryStatus],
    to: JuryStatus,
) -> anyhow::Result<bool> {
    let (first, second) = either_of(from);
    let done = sqlx::query(
        "UPDATE juries SET status = $1, updated_at = $2 \
         WHERE id = $3 AND (status = $4 OR status = $5)",
    )
    .bind(to.as_str())
    .bind(now_ms())
    .bind(jury_id)
    .bind(first)
    .bind(second)
    .execute(db)
    .await
    .context("changing a jury's status")?;
    Ok(done.rows_affected() == 1)
}

/// The jury's features with their quotas, in order.
pub async fn features(db: &Db, jury_id: &str) -> anyhow::Result<Vec<Feature>> {
    let rows = sqlx::query(
        "SELECT feature_position, feature, value, min_count, max_count FROM jury_quotas \
         WHERE jury_id = $1 ORDER BY feature_position, value_position",
    )
    .bind(jury_id)
    .fetch_all(db)
    .await
    .context("reading a jury's quotas")?;
    let mut features: Vec<Feature> = Vec::new();
    let mut last_position = -1;
    for row in rows {
        let position: i32 = row.try_get("feature_position")?;
        if position != last_position {
            features.push(Feature {
                name: row.try_get("feature")?,
                quotas: Vec::new(),
            });
            last_position = position;
        }
        let feature = features.last_mut().expect("pushed above");
        feature.quotas.push(Quota {
            value: row.try_get("value")?,
            min: row.try_get::<i32, _>("min_count")? as u32,
            max: row.try_get::<i32, _>("max_count")? as u32,
        });
    }
    Ok(features)
}

// ------------------------------------------------------------------ volunteers

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerStatus {
    Volunteer,
    Selected,
    DroppedOut,
}

impl VolunteerStatus {
    fn parse(value: &str) -> Option<VolunteerStatus> {
        [Self::Volunteer, Self::Selected, Self::DroppedOut]
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VolunteerStatus::Volunteer => "volunteer",
            VolunteerStatus::Selected => "selected",
            VolunteerStatus::DroppedOut => "dropped_out",
        }
    }

    pub fn label_key(self) -> String {
        format!("volunteer-status-{}", self.as_str().replace('_', "-"))
    }
}

#[derive(Clone, Debug)]
pub struct Volunteer {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub postcode: String,
    pub household_key: String,
    pub locale: String,
    /// One value index per feature of the jury.
    pub answers: Vec<usize>,
    pub status: VolunteerStatus,
    pub created_at: i64,
}

impl Volunteer {
    /// Whether they gave an email (one entered by a connector has a held address instead,
    /// whose mail goes to the connector to pass on).
    pub fn has_email(&self) -> bool {
        !crate::assisted::store::is_held_address(&self.email)
    }
}

pub struct NewVolunteer<'a> {
    pub jury_id: &'a str,
    pub user_id: Option<&'a str>,
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub address: &'a str,
    pub postcode: &'a str,
    pub answers: &'a [usize],
    pub letter_code: Option<&'a str>,
    pub locale: &'a str,
    /// The resident a connector entered (from a paper reply or a call), recorded with the
    /// volunteer; their `email` is then a held address (see `assisted::store::Held`).
    pub for_someone: Option<crate::assisted::store::ForSomeone<'a>>,
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("this email address is already registered for this jury")]
    AlreadyRegistered,
    #[error("the letter code is unknown or already used")]
    CodeUsed,
    #[error("registration has closed")]
    Closed,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Folds an address and postcode so that "12 Canal St., MB1 2AB" and "12 canal st mb12ab"
/// are one household.
pub fn household_key(address: &str, postcode: &str) -> String {
    format!("{}|{}", fold(postcode), fold(address))
}

/// Adds a volunteer, using up their letter code if they came with one, all or nothing.
pub async fn register(db: &Db, volunteer: &NewVolunteer<'_>) -> Result<String, RegisterError> {
    let id = new_id();
    let now = now_ms();
    let answers: Vec<String> = volunteer.answers.iter().map(|a| a.to_string()).collect();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    // Checked inside the transaction, so a registration racing the draw cannot slip in.
    let jury = sqlx::query("SELECT status, title, slug FROM juries WHERE id = $1")
        .bind(volunteer.jury_id)
        .fetch_optional(&mut *tx)
        .await
        .context("checking the jury is open")?;
    let (status, title, slug): (String, String, String) = match jury {
        Some(row) => (
            row.try_get("status").context("a jury's status")?,
            row.try_get("title").context("a jury's title")?,
            row.try_get("slug").context("a jury's address")?,
        ),
        None => return Err(RegisterError::Closed),
    };
    if status != "open" {
        return Err(RegisterError::Closed);
    }
    let inserted = sqlx::query(
        "INSERT INTO jury_volunteers (id, jury_id, user_id, name, email, phone, address, \
         postcode, household_key, answers, letter_code, locale, status, consented_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'volunteer', $13, $13)",
    )
    .bind(&id)
    .bind(volunteer.jury_id)
    .bind(volunteer.user_id)
    .bind(volunteer.name)
    .bind(volunteer.email)
    .bind(volunteer.phone)
    .bind(volunteer.address)
    .bind(volunteer.postcode)
    .bind(household_key(volunteer.address, volunteer.postcode))
    .bind(answers.join(","))
    .bind(volunteer.letter_code)
    .bind(volunteer.locale)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => return Err(RegisterError::AlreadyRegistered),
        other => other.context("adding a volunteer")?,
    };
    if let Some(code) = volunteer.letter_code {
        let used = sqlx::query(
            "UPDATE jury_letter_codes SET used_by = $1, used_at = $2 \
             WHERE code = $3 AND jury_id = $4 AND used_by IS NULL",
        )
        .bind(&id)
        .bind(now)
        .bind(code)
        .bind(volunteer.jury_id)
        .execute(&mut *tx)
        .await
        .context("using a letter code")?;
        if used.rows_affected() != 1 {
            return Err(RegisterError::CodeUsed);
        }
    }
    if let Some(entry) = &volunteer.for_someone {
        let item = crate::audit::Item {
            kind: "jury_volunteer",
            id: &id,
            label: &title,
            link: &format!("/juries/{slug}"),
        };
        let held = crate::assisted::store::Held {
            user_id: None,
            address: volunteer.email.to_string(),
        };
        crate::assisted::store::record(&mut tx, item, entry, Some(&held)).await?;
    }
    tx.commit().await.context("committing a volunteer")?;
    Ok(id)
}

pub async fn volunteers(db: &Db, jury_id: &str) -> anyhow::Result<Vec<Volunteer>> {
    let rows = sqlx::query(
        "SELECT id, name, email, phone, address, postcode, household_key, answers, locale, \
         status, created_at FROM jury_volunteers WHERE jury_id = $1 ORDER BY created_at, id",
    )
    .bind(jury_id)
    .fetch_all(db)
    .await
    .context("listing volunteers")?;
    rows.iter()
        .map(|row| {
            let answers: String = row.try_get("answers")?;
            let status: String = row.try_get("status")?;
            Ok(Volunteer {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                phone: row.try_get("phone")?,
                address: row.try_get("address")?,
                postcode: row.try_get("postcode")?,
                household_key: row.try_get("household_key")?,
                locale: row.try_get("locale")?,
                answers: answers
                    .split(',')
                    .map(|a| a.parse().context("a stored answer"))
                    .collect::<anyhow::Result<_>>()?,
                status: VolunteerStatus::parse(&status)
                    .with_context(|| format!("unknown volunteer status {status:?}"))?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// Marks a selected volunteer as dropped out; false if they were not selected.
pub async fn mark_dropped_out(db: &Db, jury_id: &str, volunteer_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE jury_volunteers SET status = 'dropped_out' \
         WHERE id = $1 AND jury_id = $2 AND status = 'selected'",
    )
    .bind(volunteer_id)
    .bind(jury_id)
    .execute(db)
    .await
    .context("marking a dropout")?;
    Ok(done.rows_affected() == 1)
}

// ------------------------------------------------------------------ letter codes

/// Makes `count` new letter codes: 10 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), about 50 bits each, so guessing one is hopeless.
pub async fn create_letter_codes(
    db: &Db,
    jury_id: &str,
    count: usize,
) -> anyhow::Result<Vec<String>> {
    let mut codes = Vec::with_capacity(count);
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let now = now_ms();
    while codes.len() < count {
        let code = crate::roles::store::printable_code(10);
        let inserted = sqlx::query(
            "INSERT INTO jury_letter_codes (code, jury_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(&code)
        .bind(jury_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing a letter code")?;
        if inserted.rows_affected() == 1 {
            codes.push(code);
        }
    }
    tx.commit().await.context("committing letter codes")?;
    Ok(codes)
}

/// Makes one letter code for each drawn address, kept with the address and its area, in
/// one transaction; returns how many.
pub async fn create_address_letters(
    db: &Db,
    jury_id: &str,
    letters: &[(String, String)],
) -> anyhow::Result<usize> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let now = now_ms();
    let mut made = 0;
    for (address, area) in letters {
        loop {
            let code = crate::roles::store::printable_code(10);
            let inserted = sqlx::query(
                "INSERT INTO jury_letter_codes (code, jury_id, created_at, address, area) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING",
            )
            .bind(&code)
            .bind(jury_id)
            .bind(now)
            .bind(address)
            .bind(area)
            .execute(&mut *tx)
            .await
            .context("storing an address letter")?;
            if inserted.rows_affected() == 1 {
                made += 1;
                break;
            }
        }
    }
    tx.commit().await.context("committing address letters")?;
    Ok(made)
}

/// A letter to print: the address, its area and the code.
pub struct AddressLetter {
    pub code: String,
    pub address: String,
    pub area: String,
}

/// The address letters in area and address order, a page after `after` (the last code
/// shown's (area, address, code)).
pub async fn address_letters(
    db: &Db,
    jury_id: &str,
    after: Option<(&str, &str, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<AddressLetter>> {
    let (area, address, code) = after.unwrap_or(("", "", ""));
    let rows = sqlx::query(
        "SELECT code, address, area FROM jury_letter_codes \
         WHERE jury_id = $1 AND area IS NOT NULL \
           AND (area > $2 OR (area = $2 AND (address > $3 OR (address = $3 AND code > $4)))) \
         ORDER BY area, address, code LIMIT $5",
    )
    .bind(jury_id)
    .bind(area)
    .bind(address)
    .bind(code)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing address letters")?;
    rows.iter()
        .map(|row| {
            Ok(AddressLetter {
                code: row.try_get("code")?,
                address: row.try_get("address")?,
                area: row.try_get("area")?,
            })
        })
        .collect()
}

/// Per area of the address letters: letters sent and people registered with their codes.
#[derive(Clone, Debug)]
pub struct AreaResponse {
    pub area: String,
    pub sent: i64,
    pub registered: i64,
}

pub async fn response_rates(db: &Db, jury_id: &str) -> anyhow::Result<Vec<AreaResponse>> {
    let rows = sqlx::query(
        "SELECT area, COUNT(*) AS sent, \
         SUM(CASE WHEN used_by IS NULL THEN 0 ELSE 1 END) AS registered \
         FROM jury_letter_codes WHERE jury_id = $1 AND area IS NOT NULL \
         GROUP BY area ORDER BY area",
    )
    .bind(jury_id)
    .fetch_all(db)
    .await
    .context("counting responses per area")?;
    rows.iter()
        .map(|row| {
            Ok(AreaResponse {
                area: row.try_get("area")?,
                sent: row.try_get("sent")?,
                registered: row.try_get::<Option<i64>, _>("registered")?.unwrap_or(0),
            })
        })
        .collect()
}

pub struct LetterCode {
    pub code: String,
    pub used: bool,
}

/// How many letter codes the jury has (those printed for drawn addresses too), and how
/// many were used.
pub async fn count_codes(db: &Db, jury_id: &str) -> anyhow::Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS made, SUM(CASE WHEN used_by IS NULL THEN 0 ELSE 1 END) AS used \
         FROM jury_letter_codes WHERE jury_id = $1",
    )
    .bind(jury_id)
    .fetch_one(db)
    .await
    .context("counting letter codes")?;
    Ok((
        row.try_get("made")?,
        row.try_get::<Option<i64>, _>("used")?.unwrap_or(0),
    ))
}

/// The letter codes made to print by hand (not those printed for drawn addresses, which
/// are listed with their letters).
pub async fn letter_codes(db: &Db, jury_id: &str) -> anyhow::Result<Vec<LetterCode>> {
    let rows = sqlx::query(
        "SELECT code, CASE WHEN used_by IS NULL THEN 0 ELSE 1 END AS used \
         FROM jury_letter_codes WHERE jury_id = $1 AND area IS NULL ORDER BY created_at, code",
    )
    .bind(jury_id)
    .fetch_all(db)
    .await
    .context("listing letter codes")?;
    rows.iter()
        .map(|row| {
            Ok(LetterCode {
                code: row.try_get("code")?,
                used: row.try_get::<i32, _>("used")? == 1,
            })
        })
        .collect()
}

/// The jury an unused letter code belongs to (its slug).
pub async fn jury_of_unused_code(db: &Db, code: &str) -> anyhow::Result<Option<String>> {
    let row = sqlx::query(
        "SELECT j.slug FROM jury_letter_codes c JOIN juries j ON j.id = c.jury_id \
         WHERE c.code = $1 AND c.used_by IS NULL",
    )
    .bind(code)
    .fetch_optional(db)
    .await
    .context("looking up a letter code")?;
    Ok(row.map(|r| r.try_get("slug")).transpose()?)
}

pub async fn code_is_unused(db: &Db, jury_id: &str, code: &str) -> anyhow::Result<bool> {
    let row = sqlx::query(
        "SELECT 1 AS n FROM jury_letter_codes WHERE code = $1 AND jury_id = $2 AND used_by IS NULL",
    )
    .bind(code)
    .bind(jury_id)
    .fetch_optional(db)
    .await
    .context("checking a letter code")?;
    Ok(row.is_some())
}

// ------------------------------------------------------------------ draws

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawKind {
    Panel,
    Replacement,
}

impl DrawKind {
    fn parse(value: &str) -> Option<DrawKind> {
        match value {
            "panel" => Some(DrawKind::Panel),
            "replacement" => Some(DrawKind::Replacement),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DrawKind::Panel => "panel",
            DrawKind::Replacement => "replacement",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Draw {
    pub id: String,
    pub jury_id: String,
    pub kind: DrawKind,
    pub method: sortition::Method,
    pub seed: u64,
    pub size: u32,
    pub status: String,
    pub error: String,
    pub pool_size: u32,
    pub min_probability: Option<f64>,
    pub low_threshold: Option<f64>,
    pub share_below_threshold: Option<f64>,
    pub exact: Option<bool>,
    pub panels: Option<u32>,
    pub created_at: i64,
}

impl Draw {
    pub fn is_running(&self) -> bool {
        self.status == "running"
    }

    pub fn is_done(&self) -> bool {
        self.status == "done"
    }
}

macro_rules! select_draw {
    () => {
        "SELECT id, jury_id, kind, method, seed, size, status, error, pool_size, \
         min_probability, low_threshold, share_below_threshold, \
         CASE WHEN exact IS NULL THEN NULL WHEN exact THEN 1 ELSE 0 END AS exact, panels, \
         created_at FROM jury_draws"
    };
}

fn draw_from_row(row: &AnyRow) -> anyhow::Result<Draw> {
    let kind: String = row.try_get("kind")?;
    let method: String = row.try_get("method")?;
    Ok(Draw {
        id: row.try_get("id")?,
        jury_id: row.try_get("jury_id")?,
        kind: DrawKind::parse(&kind).with_context(|| format!("unknown draw kind {kind:?}"))?,
        method: method
            .parse()
            .map_err(|e: String| anyhow::anyhow!(e))
            .context("a stored draw method")?,
        seed: row.try_get::<i64, _>("seed")? as u64,
        size: row.try_get::<i32, _>("size")? as u32,
        status: row.try_get("status")?,
        error: row.try_get("error")?,
        pool_size: row.try_get::<i32, _>("pool_size")? as u32,
        min_probability: row.try_get("min_probability")?,
        low_threshold: row.try_get("low_threshold")?,
        share_below_threshold: row.try_get("share_below_threshold")?,
        exact: row.try_get::<Option<i32>, _>("exact")?.map(|e| e == 1),
        panels: row.try_get::<Option<i32>, _>("panels")?.map(|p| p as u32),
        created_at: row.try_get("created_at")?,
    })
}

pub async fn draws(db: &Db, jury_id: &str) -> anyhow::Result<Vec<Draw>> {
    let rows = sqlx::query(concat!(
        select_draw!(),
        " WHERE jury_id = $1 ORDER BY created_at, id"
    ))
    .bind(jury_id)
    .fetch_all(db)
    .await
    .context("listing draws")?;
    rows.iter().map(draw_from_row).collect()
}

pub async fn find_draw(db: &Db, id: &str) -> anyhow::Result<Option<Draw>> {
    let row = sqlx::query(concat!(select_draw!(), " WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("finding a draw")?;
    row.as_ref().map(draw_from_row).transpose()
}

pub struct NewDraw<'a> {
    pub jury_id: &'a str,
    pub kind: DrawKind,
    pub method: sortition::Method,
    pub seed: u64,
    pub size: u32,
    pub requested_by: &'a str,
    /// A panel draw made as a lottery anyone can check: (m panels, with reserve lists).
    pub lottery: Option<(usize, bool)>,
}

#[derive(Serialize, serde::Deserialize)]
pub struct DrawJob {
    pub draw_id: String,
}

/// Records a draw as running and queues the job that makes it, in one transaction. Refused
/// (None) while another draw of the jury is running, or when the jury's status is not one
/// of `from`; a panel draw closes registration.
pub async fn queue_draw(
    db: &Db,
    draw: &NewDraw<'_>,
    from: &[JuryStatus],
) -> anyhow::Result<Option<String>> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let to = match draw.kind {
        DrawKind::Panel => JuryStatus::Closed,
        DrawKind::Replacement => JuryStatus::Selected,
    };
    // Taking the jury's row first serialises two officials pressing the button at once.
    let (first, second) = either_of(from);
    let moved = sqlx::query(
        "UPDATE juries SET status = $1, updated_at = $2 \
         WHERE id = $3 AND (status = $4 OR status = $5) AND NOT EXISTS \
         (SELECT 1 FROM jury_draws d WHERE d.jury_id = $3 AND d.status = 'running')",
    )
    .bind(to.as_str())
    .bind(now_ms())
    .bind(draw.jury_id)
    .bind(first)
    .bind(second)
    .execute(&mut *tx)
    .await
    .context("claiming the jury for a draw")?;
    if moved.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query(
        "INSERT INTO jury_draws (id, jury_id, kind, method, seed, size, status, requested_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8)",
    )
    .bind(&id)
    .bind(draw.jury_id)
    .bind(draw.kind.as_str())
    .bind(method_name(draw.method))
    .bind(draw.seed as i64)
    .bind(draw.size as i32)
    .bind(draw.requested_by)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("recording a draw")?;
    let detail = format!(
        "{} {} {}",
        draw.kind.as_str(),
        method_name(draw.method),
        draw.size
    );
    audit_jury(
        &mut tx,
        draw.jury_id,
        Action::JuryDraw,
        draw.requested_by,
        &detail,
    )
    .await?;
    if let Some((m, reserves)) = draw.lottery {
        sqlx::query(
            "INSERT INTO jury_lotteries (draw_id, jury_id, m, reserves, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(draw.jury_id)
        .bind(m as i64)
        .bind(i64::from(reserves))
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("recording a lottery")?;
    }
    crate::jobs::enqueue(
        &mut *tx,
        JOB_KIND,
        &DrawJob {
            draw_id: id.clone(),
        },
    )
    .await?;
    tx.commit().await.context("committing a draw request")?;
    Ok(Some(id))
}

pub fn method_name(method: sortition::Method) -> &'static str {
    match method {
        sortition::Method::Leximin => "leximin",
        sortition::Method::Legacy => "legacy",
    }
}

/// What a finished draw stores: its summary, every candidate's chance, who was chosen.
pub struct DrawOutcome<'a> {
    pub pool_size: u32,
    pub selection: &'a sortition::Selection,
    /// Volunteer ids in the order of the selection's probabilities.
    pub candidates: &'a [String],
    /// Emails to the people chosen.
    pub emails: Vec<Email>,
}

/// Stores a successful draw, marks the chosen volunteers and queues their emails, all or
/// nothing. Does nothing if the draw is no longer running (a repeated job).
pub async fn finish_draw(db: &Db, draw_id: &str, outcome: &DrawOutcome<'_>) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    if finish_draw_in(&mut tx, draw_id, outcome).await? {
        tx.commit().await.context("committing a draw")?;
    }
    Ok(())
}

/// [`finish_draw`] inside a transaction; false (nothing written) when the draw was no
/// longer running.
async fn finish_draw_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    draw_id: &str,
    outcome: &DrawOutcome<'_>,
) -> anyhow::Result<bool> {
    let selection = outcome.selection;
    let updated = sqlx::query(
        "UPDATE jury_draws SET status = 'done', pool_size = $1, min_probability = $2, \
         low_threshold = $3, share_below_threshold = $4, exact = $5, panels = $6, \
         finished_at = $7 WHERE id = $8 AND status = 'running' RETURNING jury_id",
    )
    .bind(outcome.pool_size as i32)
    .bind(selection.min_probability)
    .bind(selection.low_threshold)
    .bind(selection.share_below_threshold)
    .bind(selection.exact)
    .bind(selection.panels as i32)
    .bind(now_ms())
    .bind(draw_id)
    .fetch_optional(&mut **tx)
    .await
    .context("finishing a draw")?;
    let Some(row) = updated else {
        return Ok(false);
    };
    let jury_id: String = row.try_get("jury_id")?;
    for (i, (volunteer, probability)) in outcome
        .candidates
        .iter()
        .zip(&selection.probabilities)
        .enumerate()
    {
        let chosen = selection.panel.contains(&i);
        if *probability == 0.0 && !chosen {
            continue;
        }
        sqlx::query(
            "INSERT INTO jury_draw_people (draw_id, volunteer_id, probability, selected) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(draw_id)
        .bind(volunteer)
        .bind(*probability)
        .bind(chosen)
        .execute(&mut **tx)
        .await
        .context("recording a chance of selection")?;
        if chosen {
            sqlx::query(
                "UPDATE jury_volunteers SET status = 'selected' WHERE id = $1 AND jury_id = $2",
            )
            .bind(volunteer)
            .bind(&jury_id)
            .execute(&mut **tx)
            .await
            .context("marking a volunteer selected")?;
        }
    }
    sqlx::query("UPDATE juries SET status = 'selected', updated_at = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(&jury_id)
        .execute(&mut **tx)
        .await
        .context("marking the jury selected")?;
    for email in &outcome.emails {
        mail::queue(&mut **tx, email).await?;
    }
    Ok(true)
}

/// Records why a draw could not be made; a panel draw re-opens nothing, so the official can
/// change the method or try again.
pub async fn fail_draw(db: &Db, draw_id: &str, error: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE jury_draws SET status = 'failed', error = $1, finished_at = $2 \
         WHERE id = $3 AND status = 'running'",
    )
    .bind(error)
    .bind(now_ms())
    .bind(draw_id)
    .execute(db)
    .await
    .context("recording a failed draw")?;
    Ok(())
}

// ------------------------------------------------------------------ lotteries anyone can check

/// A panel draw made as a lottery: requested, then published (before the draw), then
/// drawn by a public seed.
#[derive(Clone, Debug)]
pub struct JuryLottery {
    pub draw_id: String,
    pub m: usize,
    pub reserves: bool,
    /// `sortition::Publication` as JSON, once the job made it.
    pub publication: Option<String>,
    pub digest: Option<String>,
    pub published_at: Option<i64>,
    pub public_seed: Option<String>,
    pub drawn: Option<usize>,
    /// `sortition::PublishedDraw` as JSON, once drawn.
    pub draw_record: Option<String>,
    pub drawn_at: Option<i64>,
    /// The reserves who stepped in for dropouts, in order (volunteer ids).
    pub reserves_called: Vec<String>,
}

const LOTTERY_SELECT: &str = "SELECT draw_id, m, reserves, publication, digest, published_at, \
     public_seed, drawn, draw_record, drawn_at, reserves_called FROM jury_lotteries";

fn lottery_from_row(row: &AnyRow) -> anyhow::Result<JuryLottery> {
    Ok(JuryLottery {
        draw_id: row.try_get("draw_id")?,
        m: row.try_get::<i64, _>("m")? as usize,
        reserves: row.try_get::<i64, _>("reserves")? != 0,
        publication: row.try_get("publication")?,
        digest: row.try_get("digest")?,
        published_at: row.try_get("published_at")?,
        public_seed: row.try_get("public_seed")?,
        drawn: row.try_get::<Option<i64>, _>("drawn")?.map(|d| d as usize),
        draw_record: row.try_get("draw_record")?,
        drawn_at: row.try_get("drawn_at")?,
        reserves_called: id_list(&row.try_get::<String, _>("reserves_called")?),
    })
}

/// Reserves step in for dropouts: marked selected (only volunteers not chosen before),
/// added to the lottery's public record in order, and told by email, all or nothing.
/// False, changing nothing, if any of them was no longer free.
pub async fn call_reserves(
    db: &Db,
    jury_id: &str,
    draw_id: &str,
    reserves: &[String],
    emails: &[Email],
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    for id in reserves {
        let marked = sqlx::query(
            "UPDATE jury_volunteers SET status = 'selected' \
             WHERE id = $1 AND jury_id = $2 AND status = 'volunteer'",
        )
        .bind(id)
        .bind(jury_id)
        .execute(&mut *tx)
        .await
        .context("calling a reserve")?;
        if marked.rows_affected() != 1 {
            return Ok(false);
        }
    }
    let called: Option<String> =
        sqlx::query_scalar("SELECT reserves_called FROM jury_lotteries WHERE draw_id = $1")
            .bind(draw_id)
            .fetch_optional(&mut *tx)
            .await
            .context("reading the reserves called")?;
    let mut called = id_list(&called.unwrap_or_default());
    called.extend(reserves.iter().cloned());
    sqlx::query("UPDATE jury_lotteries SET reserves_called = $1 WHERE draw_id = $2")
        .bind(called.join(","))
        .bind(draw_id)
        .execute(&mut *tx)
        .await
        .context("recording the reserves called")?;
    for email in emails {
        mail::queue(&mut *tx, email).await?;
    }
    tx.commit()
        .await
        .context("committing the reserves called")?;
    Ok(true)
}

/// Ids kept comma separated (`reserves_called`).
fn id_list(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect()
}

/// The lottery a draw is made by, if it is one.
pub async fn lottery_of_draw(db: &Db, draw_id: &str) -> anyhow::Result<Option<JuryLottery>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LOTTERY_SELECT} WHERE draw_id = $1"
    )))
    .bind(draw_id)
    .fetch_optional(db)
    .await
    .context("loading a draw's lottery")?;
    row.as_ref().map(lottery_from_row).transpose()
}

/// The jury's newest lottery that was published (drawn or waiting for its seed).
pub async fn published_lottery(db: &Db, jury_id: &str) -> anyhow::Result<Option<JuryLottery>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LOTTERY_SELECT} WHERE jury_id = $1 AND published_at IS NOT NULL \
         ORDER BY created_at DESC, draw_id DESC LIMIT 1"
    )))
    .bind(jury_id)
    .fetch_optional(db)
    .await
    .context("loading a jury's lottery")?;
    row.as_ref().map(lottery_from_row).transpose()
}

/// Stores what the job made, to be published before the draw, and tells the official who
/// asked; the draw stays running until the seed. False if it was already published or the
/// draw is no longer running.
pub async fn publish_lottery(
    db: &Db,
    draw_id: &str,
    publication: &str,
    digest: &str,
    email: Option<&Email>,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done = sqlx::query(
        "UPDATE jury_lotteries SET publication = $1, digest = $2, published_at = $3 \
         WHERE draw_id = $4 AND published_at IS NULL AND draw_id IN \
         (SELECT id FROM jury_draws WHERE status = 'running')",
    )
    .bind(publication)
    .bind(digest)
    .bind(now_ms())
    .bind(draw_id)
    .execute(&mut *tx)
    .await
    .context("publishing a lottery")?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    if let Some(email) = email {
        mail::queue(&mut *tx, email).await?;
    }
    tx.commit().await.context("committing a lottery")?;
    Ok(true)
}

/// The official who asked for a draw: (email, locale).
pub async fn draw_requester(db: &Db, draw_id: &str) -> anyhow::Result<Option<(String, String)>> {
    let row = sqlx::query(
        "SELECT u.email, u.locale FROM jury_draws d JOIN users u ON u.id = d.requested_by \
         WHERE d.id = $1",
    )
    .bind(draw_id)
    .fetch_optional(db)
    .await
    .context("loading who asked for a draw")?;
    row.map(|r| Ok((r.try_get("email")?, r.try_get("locale")?)))
        .transpose()
}

/// The public seed drew a panel: the draw is finished as any draw is (the chosen marked,
/// their emails queued), and the seed and the draw's record kept, all or nothing. False if
/// the lottery was already drawn.
pub async fn draw_lottery(
    db: &Db,
    draw_id: &str,
    outcome: &DrawOutcome<'_>,
    (seed, drawn): (&str, usize),
    record: &str,
    actor: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let kept = sqlx::query(
        "UPDATE jury_lotteries SET public_seed = $1, drawn = $2, draw_record = $3, drawn_at = $4 \
         WHERE draw_id = $5 AND published_at IS NOT NULL AND drawn_at IS NULL",
    )
    .bind(seed)
    .bind(drawn as i64)
    .bind(record)
    .bind(now_ms())
    .bind(draw_id)
    .execute(&mut *tx)
    .await
    .context("recording a lottery's draw")?;
    if kept.rows_affected() == 0 || !finish_draw_in(&mut tx, draw_id, outcome).await? {
        return Ok(false);
    }
    let jury_id: String = sqlx::query_scalar("SELECT jury_id FROM jury_draws WHERE id = $1")
        .bind(draw_id)
        .fetch_one(&mut *tx)
        .await
        .context("finding a draw's jury")?;
    audit_jury(&mut tx, &jury_id, Action::JurySeed, actor, seed).await?;
    tx.commit().await.context("committing a lottery's draw")?;
    Ok(true)
}

/// Writes the audit entry for an action on a jury, named by its title.
async fn audit_jury(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    jury_id: &str,
    action: Action,
    actor: &str,
    detail: &str,
) -> anyhow::Result<()> {
    let row = sqlx::query("SELECT title, slug FROM juries WHERE id = $1")
        .bind(jury_id)
        .fetch_one(&mut **tx)
        .await
        .context("naming a jury")?;
    let title: String = row.try_get("title")?;
    let slug: String = row.try_get("slug")?;
    let link = format!("/juries/{slug}/manage");
    let entry = Entry {
        actor_id: Some(actor),
        action,
        item: Item {
            kind: "jury",
            id: jury_id,
            label: &title,
            link: &link,
        },
        detail,
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

/// Each candidate's chance in a draw, by volunteer id.
pub async fn draw_chances(db: &Db, draw_id: &str) -> anyhow::Result<Vec<(String, f64, bool)>> {
    let rows = sqlx::query(
        "SELECT volunteer_id, probability, CASE WHEN selected THEN 1 ELSE 0 END AS selected \
         FROM jury_draw_people WHERE draw_id = $1",
    )
    .bind(draw_id)
    .fetch_all(db)
    .await
    .context("reading the chances of a draw")?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("volunteer_id")?,
                row.try_get("probability")?,
                row.try_get::<i32, _>("selected")? == 1,
            ))
        })
        .collect()
}

/// Juries still taking volunteers in an area and the areas inside it (`""`: everywhere):
/// (slug, title, closes_on), soonest to close first, at most `limit`.
pub async fn recruiting(
    db: &Db,
    area_id: &str,
    limit: i64,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(concat!(
        "SELECT j.slug, j.title, j.closes_on FROM juries j WHERE j.status = 'open' AND ($1 = '' OR ",
        crate::in_area_tree!("j.area_id", "$1"),
        ") ORDER BY j.closes_on, j.id LIMIT $2"
    ))
    .bind(area_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing juries looking for volunteers")?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("slug")?,
                row.try_get("title")?,
                row.try_get("closes_on")?,
            ))
        })
        .collect()
}
