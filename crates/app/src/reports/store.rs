//! All SQL about reports of local problems: categories, routing rules, reports with photos,
//! public updates, followers, and the site notifications they send.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::stats::Timing;
use crate::audit::store as audit;
use crate::audit::{Action, Entry, Item};
use crate::db::{Db, Sql, is_unique_violation, new_id, now_ms};
use crate::mail::{self, Email};
use crate::maps::{MapBounds as Bounds, MapCell};
use crate::notifications::Kind;
use crate::notifications::store::{Message, deliver};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Open,
    Acknowledged,
    InProgress,
    Fixed,
    Closed,
    Duplicate,
}

pub const ALL_STATUSES: [Status; 6] = [
    Status::Open,
    Status::Acknowledged,
    Status::InProgress,
    Status::Fixed,
    Status::Closed,
    Status::Duplicate,
];

impl Status {
    pub fn parse(value: &str) -> Option<Status> {
        ALL_STATUSES.into_iter().find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Acknowledged => "acknowledged",
            Status::InProgress => "in_progress",
            Status::Fixed => "fixed",
            Status::Closed => "closed",
            Status::Duplicate => "duplicate",
        }
    }

    pub fn label_key(self) -> String {
        format!("report-status-{}", self.as_str().replace('_', "-"))
    }

    /// Still waiting for the organisation to finish with it.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Open | Status::Acknowledged | Status::InProgress
        )
    }
}

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub code: String,
    pub name: String,
    pub active: bool,
    /// Target time to fix, in days.
    pub target_days: Option<i64>,
}

pub async fn categories(db: &Db) -> anyhow::Result<Vec<Category>> {
    let rows = sqlx::query(
        "SELECT id, code, name, CASE WHEN active THEN 1 ELSE 0 END AS active, target_days \
         FROM report_categories ORDER BY position, name",
    )
    .fetch_all(db)
    .await
    .context("listing report categories")?;
    rows.iter()
        .map(|row| {
            Ok(Category {
                id: row.try_get("id")?,
                code: row.try_get("code")?,
                name: row.try_get("name")?,
                active: row.try_get::<i32, _>("active")? == 1,
                target_days: row.try_get("target_days")?,
            })
        })
        .collect()
}

/// Adds a category at the end of the list, recorded in the audit log as `actor`'s; false
/// if its code is taken.
pub async fn add_category(
    db: &Db,
    code: &str,
    name: &str,
    actor: Option<&str>,
) -> anyhow::Result<bool> {
    let id = new_id();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let added = sqlx::query(
        "INSERT INTO report_categories (id, code, name, position, active) \
         VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM report_categories), TRUE)",
    )
    .bind(&id)
    .bind(code)
    .bind(name)
    .execute(&mut *tx)
    .await;
    match added {
        Err(e) if is_unique_violation(&e) => return Ok(false),
        other => other.context("adding a report category")?,
    };
    let entry = Entry {
        actor_id: actor,
        action: Action::CategoryAdded,
        item: Item {
            kind: "report-category",
            id: &id,
            label: name,
            link: "/reports/categories",
        },
        detail: code,
    };
    audit::write(&mut *tx, &entry).await?;
    tx.commit().await.context("committing a report category")?;
    Ok(true)
}

/// A routing rule as listed for admins.
#[derive(Clone, Debug)]
pub struct Route {
    pub id: String,
    pub category_name: String,
    pub area_name: String,
    pub organisation_name: String,
    pub send_to: SendTo,
    /// The outside service's address, when reports go to one.
    pub open311_url: String,
}

/// Where a rule's reports go: the organisation's inbox, an outside Open311 service instead,
/// or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendTo {
    Inbox,
    Open311,
    Both,
}

impl SendTo {
    pub fn parse(text: &str) -> Option<SendTo> {
        match text {
            "inbox" => Some(SendTo::Inbox),
            "open311" => Some(SendTo::Open311),
            "both" => Some(SendTo::Both),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SendTo::Inbox => "inbox",
            SendTo::Open311 => "open311",
            SendTo::Both => "both",
        }
    }

    pub fn label_key(self) -> String {
        format!("report-send-to-{}", self.as_str())
    }

    /// Whether the organisation's officials are told of a new report on the site.
    pub fn tells_inbox(self) -> bool {
        self != SendTo::Open311
    }
}

/// A rule's outside service: where, with which key, as which service and jurisdiction.
#[derive(Clone, Debug)]
pub struct Outside {
    pub send_to: SendTo,
    pub url: String,
    pub api_key: String,
    pub service_code: String,
    pub jurisdiction: String,
}

impl Outside {
    /// The organisation's inbox only.
    pub fn inbox() -> Outside {
        Outside {
            send_to: SendTo::Inbox,
            url: String::new(),
            api_key: String::new(),
            service_code: String::new(),
            jurisdiction: String::new(),
        }
    }
}

pub async fn routes(db: &Db) -> anyhow::Result<Vec<Route>> {
    let rows = sqlx::query(
        "SELECT r.id, c.name AS category_name, a.name AS area_name, o.name AS organisation_name, \
         r.send_to, r.open311_url \
         FROM report_routes r JOIN report_categories c ON c.id = r.category_id \
         JOIN areas a ON a.id = r.area_id JOIN organisations o ON o.id = r.organisation_id \
         ORDER BY c.position, a.name",
    )
    .fetch_all(db)
    .await
    .context("listing routing rules")?;
    rows.iter()
        .map(|row| {
            Ok(Route {
                id: row.try_get("id")?,
                category_name: row.try_get("category_name")?,
                area_name: row.try_get("area_name")?,
                organisation_name: row.try_get("organisation_name")?,
                send_to: SendTo::parse(&row.try_get::<String, _>("send_to")?)
                    .unwrap_or(SendTo::Inbox),
                open311_url: row.try_get("open311_url")?,
            })
        })
        .collect()
}

/// Sends the category's reports from the area (and areas inside it) to the organisation,
/// replacing any rule for the same category and area; recorded in the audit log.
pub async fn set_route(
    db: &Db,
    category_id: &str,
    area_id: &str,
    organisation_id: &str,
    outside: &Outside,
    actor: Option<&str>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let id: String = sqlx::query_scalar(
        "INSERT INTO report_routes (id, category_id, area_id, organisation_id, created_at, \
         send_to, open311_url, open311_key, open311_service_code, open311_jurisdiction) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (category_id, area_id) \
         DO UPDATE SET organisation_id = excluded.organisation_id, send_to = excluded.send_to, \
         open311_url = excluded.open311_url, open311_key = excluded.open311_key, \
         open311_service_code = excluded.open311_service_code, \
         open311_jurisdiction = excluded.open311_jurisdiction RETURNING id",
    )
    .bind(new_id())
    .bind(category_id)
    .bind(area_id)
    .bind(organisation_id)
    .bind(now_ms())
    .bind(outside.send_to.as_str())
    .bind(&outside.url)
    .bind(&outside.api_key)
    .bind(&outside.service_code)
    .bind(&outside.jurisdiction)
    .fetch_one(&mut *tx)
    .await
    .context("setting a routing rule")?;
    audit_route(&mut tx, &id, Action::RouteSet, actor).await?;
    tx.commit().await.context("committing a routing rule")?;
    Ok(())
}

/// Removes a routing rule, recorded in the audit log (before it goes, so its names are
/// read while it is there).
pub async fn delete_route(db: &Db, id: &str, actor: Option<&str>) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    audit_route(&mut tx, id, Action::RouteDeleted, actor).await?;
    sqlx::query("DELETE FROM report_routes WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await
        .context("deleting a routing rule")?;
    tx.commit()
        .await
        .context("committing a routing rule's removal")?;
    Ok(())
}

/// Writes the audit entry for a routing rule, named "category · area → organisation".
async fn audit_route(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    route_id: &str,
    action: Action,
    actor: Option<&str>,
) -> anyhow::Result<()> {
    let Some(row) = sqlx::query(
        "SELECT c.name AS category, a.name AS area, o.name AS organisation \
         FROM report_routes r JOIN report_categories c ON c.id = r.category_id \
         JOIN areas a ON a.id = r.area_id JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.id = $1",
    )
    .bind(route_id)
    .fetch_optional(&mut **tx)
    .await
    .context("naming a routing rule")?
    else {
        return Ok(());
    };
    let category: String = row.try_get("category")?;
    let area: String = row.try_get("area")?;
    let organisation: String = row.try_get("organisation")?;
    let label = format!("{category} · {area}");
    let entry = Entry {
        actor_id: actor,
        action,
        item: Item {
            kind: "report-route",
            id: route_id,
            label: &label,
            link: "/reports/categories",
        },
        detail: &organisation,
    };
    audit::write(&mut **tx, &entry).await
}

/// The rule for the category in the area: the rule for the area itself, else for the area
/// around it, else the one around that (areas nest three deep). (organisation, outside).
pub async fn route_for<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    category_id: &str,
    area_id: &str,
) -> anyhow::Result<Option<(String, Outside)>> {
    let row = sqlx::query(
        "SELECT r.organisation_id, r.send_to, r.open311_url, r.open311_key, \
         r.open311_service_code, r.open311_jurisdiction FROM report_routes r \
         JOIN areas a ON a.id = $2 LEFT JOIN areas p ON p.id = a.parent_id \
         WHERE r.category_id = $1 AND r.area_id IN (a.id, a.parent_id, p.parent_id) \
         ORDER BY CASE WHEN r.area_id = a.id THEN 0 WHEN r.area_id = a.parent_id THEN 1 ELSE 2 END \
         LIMIT 1",
    )
    .bind(category_id)
    .bind(area_id)
    .fetch_optional(db)
    .await
    .context("routing a report")?;
    row.map(|row| {
        let send_to: String = row.try_get("send_to")?;
        Ok((
            row.try_get("organisation_id")?,
            Outside {
                send_to: SendTo::parse(&send_to).unwrap_or(SendTo::Inbox),
                url: row.try_get("open311_url")?,
                api_key: row.try_get("open311_key")?,
                service_code: row.try_get("open311_service_code")?,
                jurisdiction: row.try_get("open311_jurisdiction")?,
            },
        ))
    })
    .transpose()
}

#[derive(Clone, Debug)]
pub struct Report {
    pub id: String,
    pub category_id: String,
    pub category_code: String,
    pub category_name: String,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    pub organisation_slug: Option<String>,
    pub title: String,
    pub description: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub address: String,
    pub status: Status,
    pub duplicate_of: Option<String>,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub responded_at: Option<i64>,
    pub fixed_at: Option<i64>,
    /// The category's target time to fix, in days, if it has one.
    pub target_days: Option<i64>,
    /// People who said it affects them too (the reporter not counted).
    pub affected: i64,
    /// The id of its first photo, if it has one.
    pub first_photo: Option<String>,
    /// Why a moderator hid it; empty while it is shown.
    pub hidden_reason: String,
}

macro_rules! select_report {
    () => {
        "SELECT r.id, r.category_id, c.code AS category_code, c.name AS category_name, \
         r.area_id, a.name AS area_name, \
         a.slug AS area_slug, r.organisation_id, o.name AS organisation_name, \
         o.slug AS organisation_slug, r.title, r.description, r.latitude, r.longitude, \
         r.address, r.status, r.duplicate_of, r.author_id, u.display_name AS author_name, \
         r.created_at, r.updated_at, r.responded_at, r.fixed_at, c.target_days, \
         (SELECT COUNT(*) FROM report_followers f WHERE f.report_id = r.id AND f.affected \
            AND (r.author_id IS NULL OR f.user_id <> r.author_id)) AS affected, \
         (SELECT MIN(p.id) FROM report_photos p WHERE p.report_id = r.id) AS first_photo, \
         r.hidden_reason \
         FROM reports r JOIN report_categories c ON c.id = r.category_id \
         JOIN areas a ON a.id = r.area_id LEFT JOIN organisations o ON o.id = r.organisation_id \
         LEFT JOIN users u ON u.id = r.author_id"
    };
}

impl Report {
    /// Still open past its category's target time at `now`.
    pub fn overdue(&self, now: i64) -> bool {
        self.status.is_open()
            && self
                .target_days
                .is_some_and(|days| now - self.created_at > days * DAY_MS)
    }
}

const DAY_MS: i64 = 24 * 3600 * 1000;

fn report_from_row(row: &AnyRow) -> anyhow::Result<Report> {
    let status: String = row.try_get("status")?;
    Ok(Report {
        id: row.try_get("id")?,
        category_id: row.try_get("category_id")?,
        category_code: row.try_get("category_code")?,
        category_name: row.try_get("category_name")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_name: row.try_get("organisation_name")?,
        organisation_slug: row.try_get("organisation_slug")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        latitude: row.try_get("latitude")?,
        longitude: row.try_get("longitude")?,
        address: row.try_get("address")?,
        status: Status::parse(&status).with_context(|| format!("unknown status {status:?}"))?,
        duplicate_of: row.try_get("duplicate_of")?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        responded_at: row.try_get("responded_at")?,
        fixed_at: row.try_get("fixed_at")?,
        target_days: row.try_get("target_days")?,
        affected: row.try_get("affected")?,
        first_photo: row.try_get("first_photo")?,
        hidden_reason: row.try_get("hidden_reason")?,
    })
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Report>> {
    let row = sqlx::query(concat!(select_report!(), " WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a report")?;
    row.as_ref().map(report_from_row).transpose()
}

/// What a list of reports is narrowed to; empty strings and `None` mean "any".
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub status: String,
    pub category: String,
    /// The area (its id) and every area inside it.
    pub area: String,
    pub organisation: String,
    /// Only reports placed inside this box.
    pub within: Option<Bounds>,
    /// Only reports still waiting (`Some(true)`) or finished with (`Some(false)`).
    pub open: Option<bool>,
    /// Only these reports (Open311 asks by id).
    pub ids: Vec<String>,
    /// Only reports made at or after, and at or before, these times (ms).
    pub created_from: Option<i64>,
    pub created_until: Option<i64>,
}

/// The statuses of a report still waiting, as SQL (see [`Status::is_open`]).
macro_rules! waiting_statuses {
    () => {
        "('open', 'acknowledged', 'in_progress')"
    };
}

/// [`waiting_statuses`] as the measures of `report_tallies`.
macro_rules! waiting_tallies {
    () => {
        "('status:open', 'status:acknowledged', 'status:in_progress')"
    };
}

/// Which end of the list comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    NewestFirst,
    /// For queues: who has waited longest.
    OldestFirst,
}

impl Filter {
    /// Whether nothing but an area (or a box, which a map replaces by its own) is chosen.
    fn is_at_most_area(&self) -> bool {
        self.status.is_empty()
            && self.category.is_empty()
            && self.organisation.is_empty()
            && self.open.is_none()
            && self.ids.is_empty()
            && self.created_from.is_none()
            && self.created_until.is_none()
    }

    /// Whether [`count`] can read the counts kept per organisation, area and status: no
    /// part of the filter is set that they do not keep.
    fn is_kept_by_status(&self) -> bool {
        self.category.is_empty()
            && self.within.is_none()
            && self.ids.is_empty()
            && self.created_from.is_none()
            && self.created_until.is_none()
    }

    /// ` WHERE` and a condition for each part of the filter that is set, and only those: a
    /// condition written "empty or matches" hides from the database which index fits, so a
    /// city's list would scan from the newest report down.
    fn push_where(&self, q: &mut Sql) {
        q.push(" WHERE r.hidden_reason = ''");
        if !self.status.is_empty() {
            q.push(" AND r.status = ").bind(self.status.clone());
        }
        // By its id, so that counts and maps need no join with the categories.
        if !self.category.is_empty() {
            q.push(" AND r.category_id IN (SELECT id FROM report_categories WHERE code = ")
                .bind(self.category.clone())
                .push(")");
        }
        if !self.area.is_empty() {
            q.push(" AND ").in_area_tree("r.area_id", &self.area);
        }
        if !self.organisation.is_empty() {
            q.push(" AND r.organisation_id = ")
                .bind(self.organisation.clone());
        }
        if let Some(b) = self.within {
            q.push(" AND r.latitude BETWEEN ")
                .bind(b.south)
                .push(" AND ")
                .bind(b.north)
                .push(" AND r.longitude BETWEEN ")
                .bind(b.west)
                .push(" AND ")
                .bind(b.east);
        }
        // Written out, not bound, so that the partial indexes on waiting and finished
        // reports (migration 0020) visibly apply.
        match self.open {
            Some(true) => q.push(concat!(" AND r.status IN ", waiting_statuses!())),
            Some(false) => q.push(concat!(" AND r.status NOT IN ", waiting_statuses!())),
            None => q,
        };
        if !self.ids.is_empty() {
            q.push(" AND r.id IN ").bind_list(self.ids.clone());
        }
        if let Some(from) = self.created_from {
            q.push(" AND r.created_at >= ").bind(from);
        }
        if let Some(until) = self.created_until {
            q.push(" AND r.created_at <= ").bind(until);
        }
    }
}

/// [`count`] from the shown reports counted per organisation, area and status (migration
/// 0023): an organisation's queue of hundreds of thousands is a few dozen counts.
async fn count_kept(db: &Db, filter: &Filter) -> anyhow::Result<i64> {
    let mut q = Sql::new(
        "SELECT CAST(COALESCE(SUM(t.n), 0) AS BIGINT) AS n FROM report_tallies t \
         WHERE t.measure LIKE 'status:%'",
    );
    if !filter.status.is_empty() {
        q.push(" AND t.measure = ")
            .bind(format!("status:{}", filter.status));
    }
    match filter.open {
        Some(true) => q.push(concat!(" AND t.measure IN ", waiting_tallies!())),
        Some(false) => q.push(concat!(" AND t.measure NOT IN ", waiting_tallies!())),
        None => &mut q,
    };
    if !filter.organisation.is_empty() {
        q.push(" AND t.organisation_id = ")
            .bind(filter.organisation.clone());
    }
    if !filter.area.is_empty() {
        q.push(" AND ").in_area_tree("t.area_id", &filter.area);
    }
    let row = q
        .query()
        .fetch_one(db)
        .await
        .context("counting reports from the kept counts")?;
    Ok(row.try_get("n")?)
}

/// The box holding every placed report the filter matches, if any has a place.
pub async fn extent(db: &Db, filter: &Filter) -> anyhow::Result<Option<Bounds>> {
    let mut q = Sql::new(
        "SELECT MIN(r.latitude) AS south, MAX(r.latitude) AS north, \
                MIN(r.longitude) AS west, MAX(r.longitude) AS east FROM reports r",
    );
    filter.push_where(&mut q);
    q.push(" AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL");
    let row = q
        .query()
        .fetch_one(db)
        .await
        .context("finding where the reports are")?;
    let corner = |name: &str| row.try_get::<Option<f64>, _>(name).ok().flatten();
    Ok(
        match (
            corner("south"),
            corner("north"),
            corner("west"),
            corner("east"),
        ) {
            (Some(south), Some(north), Some(west), Some(east)) => Some(Bounds {
                west,
                south,
                east,
                north,
            }),
            _ => None,
        },
    )
}

/// The placed reports the filter matches inside `grid`'s bounds, counted per cell of the
/// grid (cells `cell_lon` by `cell_lat` degrees from its south-west corner): at most a few
/// hundred cells however many reports there are. A cell of one names its report.
///
/// Unfiltered (or filtered by area only), the counts come from `report_cells`, kept up to
/// date by triggers (migration 0022): a map of a million reports reads a few hundred rows.
/// Other filters read the places one by one (see [`map_cells_read`]).
pub async fn map_cells(
    db: &Db,
    filter: &Filter,
    grid: Bounds,
    cell_lon: f64,
    cell_lat: f64,
) -> anyhow::Result<Vec<MapCell>> {
    match kept_level(cell_lon, cell_lat) {
        Some(level) if filter.is_at_most_area() => {
            map_cells_kept(db, &filter.area, grid, cell_lon, cell_lat, level).await
        }
        _ => map_cells_read(db, filter, grid, cell_lon, cell_lat).await,
    }
}

/// The levels of `report_cells` (migration 0022): level L cuts the world into 2^L columns
/// of longitude and 2^L rows of latitude.
const KEPT_LEVELS: std::ops::RangeInclusive<u32> = 8..=21;

/// The coarsest kept level whose cells fit in a map's cell, so that each map cell gathers
/// one to four of them; None when a map's cells are smaller than the finest level's.
pub fn kept_level(cell_lon: f64, cell_lat: f64) -> Option<u32> {
    KEPT_LEVELS.clone().find(|&level| {
        let (lon, lat) = kept_cell_degrees(level);
        lon <= cell_lon && lat <= cell_lat
    })
}

/// The kept cell of `level` holding a place: its column x and row y (migration 0022).
fn kept_cell(level: u32, lon: f64, lat: f64) -> (i64, i64) {
    let (width, height) = kept_cell_degrees(level);
    (
        ((lon + 180.0) / width).floor() as i64,
        ((lat + 90.0) / height).floor() as i64,
    )
}

/// ` AND` the kept cells of `level` touching `bounds`: row by row, each a range of columns
/// read in key order (level, y, x, area).
fn push_kept_cells_touching(q: &mut Sql, level: u32, bounds: Bounds) {
    let (west, south) = kept_cell(level, bounds.west, bounds.south);
    let (east, north) = kept_cell(level, bounds.east, bounds.north);
    q.push(" AND y IN ")
        .bind_list(south..=north)
        .push(" AND x BETWEEN ")
        .bind(west)
        .push(" AND ")
        .bind(east);
}

/// The width and height in degrees of a cell of `level`.
fn kept_cell_degrees(level: u32) -> (f64, f64) {
    let cells = (1u64 << level) as f64;
    (360.0 / cells, 180.0 / cells)
}

/// About how many shown, placed reports lie inside `bounds`, and how many there are in all,
/// from the counts kept per cell (migration 0022): the box is read at the finest level whose
/// cells it spans at most [`ESTIMATE_CELLS`] of each way, so its edge cells add a little.
/// What a reader of "the reports in this box" needs to choose how to read them.
pub async fn placed_in_box_about(db: &Db, bounds: Bounds) -> anyhow::Result<(i64, i64)> {
    let total = sum_of_cells(db, *KEPT_LEVELS.start(), None).await?;
    let spans = |level: u32| {
        let (west, south) = kept_cell(level, bounds.west, bounds.south);
        let (east, north) = kept_cell(level, bounds.east, bounds.north);
        ((east - west).max(0) + 1, (north - south).max(0) + 1)
    };
    let fits = |level: &u32| {
        let (across, down) = spans(*level);
        across <= ESTIMATE_CELLS && down <= ESTIMATE_CELLS
    };
    let Some(level) = KEPT_LEVELS.rev().find(fits) else {
        return Ok((total, total));
    };
    let inside = sum_of_cells(db, level, Some(bounds)).await?;
    Ok((inside, total))
}

/// The ids of the newest shown reports placed inside `bounds`, older than `before`
/// (`created_at`, id), at most `limit`: read newest first in steps of [`WALK_STEP`] from the
/// index `reports_shown` and kept when inside, until the page is full. The quick way when the
/// box holds much of what there is; each step is planned as the walk of an index on both
/// databases (a box condition in the same statement led PostgreSQL to sort them all).
pub async fn newest_in_box(
    db: &Db,
    bounds: Bounds,
    before: (i64, &str),
    limit: i64,
) -> anyhow::Result<Vec<String>> {
    let wanted = usize::try_from(limit).unwrap_or(0);
    let mut found = Vec::new();
    let (mut at, mut id) = (before.0, before.1.to_string());
    while found.len() < wanted {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, created_at, latitude, longitude FROM reports \
             WHERE hidden_reason = '' AND created_at <= $1 AND (created_at < $1 OR id < $2) \
             ORDER BY created_at DESC, id DESC LIMIT {WALK_STEP}"
        )))
        .bind(at)
        .bind(id.clone())
        .fetch_all(db)
        .await
        .context("reading reports newest first")?;
        for row in &rows {
            let place: (Option<f64>, Option<f64>) =
                (row.try_get("latitude")?, row.try_get("longitude")?);
            if let (Some(lat), Some(lon)) = place {
                let inside = (bounds.south..=bounds.north).contains(&lat)
                    && (bounds.west..=bounds.east).contains(&lon);
                if inside && found.len() < wanted {
                    found.push(row.try_get("id")?);
                }
            }
        }
        match rows.last() {
            Some(last) if rows.len() == WALK_STEP as usize => {
                (at, id) = (last.try_get("created_at")?, last.try_get("id")?);
            }
            _ => break,
        }
    }
    Ok(found)
}

/// Reports read per step of [`newest_in_box`].
const WALK_STEP: i64 = 2_000;

/// The most cells across or down that [`placed_in_box_about`] reads.
const ESTIMATE_CELLS: i64 = 16;

/// The shown, placed reports counted in the kept cells of `level`, in the cells touching
/// `bounds` if given.
async fn sum_of_cells(db: &Db, level: u32, bounds: Option<Bounds>) -> anyhow::Result<i64> {
    let mut q = Sql::new(
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM report_cells WHERE level = ",
    );
    q.bind(i64::from(level));
    if let Some(b) = bounds {
        push_kept_cells_touching(&mut q, level, b);
    }
    let row = q
        .query()
        .fetch_one(db)
        .await
        .context("counting reports in a box")?;
    Ok(row.try_get("n")?)
}

/// [`map_cells`] from the counts kept per cell of `level` (and per area): each kept cell
/// goes into the map cell holding its reports' mean place.
pub async fn map_cells_kept(
    db: &Db,
    area_id: &str,
    grid: Bounds,
    cell_lon: f64,
    cell_lat: f64,
    level: u32,
) -> anyhow::Result<Vec<MapCell>> {
    let mut q = Sql::new("SELECT n, lat_sum, lon_sum, one_id FROM report_cells WHERE level = ");
    q.bind(i64::from(level));
    push_kept_cells_touching(&mut q, level, grid);
    q.push(" AND n > 0");
    if !area_id.is_empty() {
        q.push(" AND ").in_area_tree("area_id", area_id);
    }
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("counting reports on the map")?;
    let mut bins = crate::maps::CellBins::new(&grid, cell_lon, cell_lat);
    for row in &rows {
        let n: i64 = row.try_get("n")?;
        let lat = row.try_get::<f64, _>("lat_sum")? / n as f64;
        let lon = row.try_get::<f64, _>("lon_sum")? / n as f64;
        let inside =
            (grid.south..=grid.north).contains(&lat) && (grid.west..=grid.east).contains(&lon);
        if inside {
            bins.add_many(lat, lon, n, row.try_get("one_id")?);
        }
    }
    name_the_lone_reports(db, bins).await
}

/// [`map_cells`] by reading each place: the places come one by one from the index
/// `reports_map` (migration 0021), which holds every column read here, and are counted in
/// the app (about ten times quicker than a GROUP BY, which sorts them first).
pub async fn map_cells_read(
    db: &Db,
    filter: &Filter,
    grid: Bounds,
    cell_lon: f64,
    cell_lat: f64,
) -> anyhow::Result<Vec<MapCell>> {
    use futures_util::TryStreamExt;
    let mut q = Sql::new("SELECT r.latitude, r.longitude, r.id FROM reports r");
    let only_the_grid = Filter {
        within: Some(grid),
        ..filter.clone()
    };
    only_the_grid.push_where(&mut q);
    let mut bins = crate::maps::CellBins::new(&grid, cell_lon, cell_lat);
    {
        let mut rows = q.query().fetch(db);
        while let Some(row) = rows
            .try_next()
            .await
            .context("counting reports on the map")?
        {
            let id: String = row.try_get("id")?;
            bins.add(row.try_get("latitude")?, row.try_get("longitude")?, &id);
        }
    }
    name_the_lone_reports(db, bins).await
}

/// The cells, with the title of each report alone in its cell.
async fn name_the_lone_reports(
    db: &Db,
    bins: crate::maps::CellBins,
) -> anyhow::Result<Vec<MapCell>> {
    let titles = titles_of(db, &bins.alone()).await?;
    Ok(bins.into_cells(|id| {
        titles
            .get(id)
            .map(|title| (format!("/reports/{id}"), title.clone()))
    }))
}

/// The titles of the reports with these ids.
async fn titles_of(
    db: &Db,
    ids: &[String],
) -> anyhow::Result<std::collections::HashMap<String, String>> {
    let mut titles = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let mut q = Sql::new("SELECT id, title FROM reports WHERE id IN ");
        q.bind_list(chunk.iter().cloned());
        for row in q
            .query()
            .fetch_all(db)
            .await
            .context("naming the reports alone on the map")?
        {
            titles.insert(row.try_get("id")?, row.try_get("title")?);
        }
    }
    Ok(titles)
}

/// Reports not hidden by a moderator that the filter matches, in `order`, after the cursor
/// `(created_at, id)` of the last one shown if given.
pub async fn list(
    db: &Db,
    filter: &Filter,
    order: Order,
    after: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Report>> {
    if !filter.area.is_empty() {
        let areas = crate::areas::store::tree_ids(db, &filter.area).await?;
        if areas.len() <= MERGED_AREAS_AT_MOST {
            return list_merged(db, filter, &areas, order, after, limit).await;
        }
    }
    let mut q = Sql::new(select_report!());
    filter.push_where(&mut q);
    push_page(&mut q, order, after, limit);
    let rows = q.query().fetch_all(db).await.context("listing reports")?;
    rows.iter().map(report_from_row).collect()
}

/// The most areas whose lists [`list_merged`] merges in one statement (SQLite allows 500
/// parts in a UNION); a larger tree is listed by one filtered scan.
const MERGED_AREAS_AT_MOST: usize = 200;

/// [`list`] for an area with the areas inside it: each area's page read in order from the
/// index `reports_area_shown` (migration 0022), the pages merged, and only the page's
/// reports read whole. Filtering the tree in one scan would find every report of a busy
/// neighbourhood and sort them all for one page.
async fn list_merged(
    db: &Db,
    filter: &Filter,
    areas: &[String],
    order: Order,
    after: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Report>> {
    if areas.is_empty() {
        return Ok(Vec::new());
    }
    let rest = Filter {
        area: String::new(),
        ..filter.clone()
    };
    let mut q = Sql::new("SELECT merged.id FROM (");
    for (i, area) in areas.iter().enumerate() {
        if i > 0 {
            q.push(" UNION ALL ");
        }
        q.push("SELECT * FROM (SELECT r.created_at, r.id FROM reports r");
        rest.push_where(&mut q);
        q.push(" AND r.area_id = ").bind(area.clone());
        push_page(&mut q, order, after, limit);
        q.push(&format!(") AS area{i}"));
    }
    q.push(") AS merged");
    push_order(&mut q, order, "merged");
    push_limit(&mut q, limit);
    let ids: Vec<String> = q
        .query()
        .fetch_all(db)
        .await
        .context("listing reports area by area")?
        .iter()
        .map(|row| row.try_get("id"))
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = Sql::new(select_report!());
    q.push(" WHERE r.id IN ").bind_list(ids);
    push_order(&mut q, order, "r");
    let rows = q.query().fetch_all(db).await.context("listing reports")?;
    rows.iter().map(report_from_row).collect()
}

/// ` AND` after the cursor, the order and ` LIMIT`.
fn push_page(q: &mut Sql, order: Order, after: Option<(i64, &str)>, limit: i64) {
    let past = match order {
        Order::NewestFirst => "<",
        Order::OldestFirst => ">",
    };
    if let Some((at, id)) = after {
        // The time's range first, which the index reads in order; SQLite reads the two
        // parts of the OR apart and sorts everything they find.
        q.push(&format!(" AND r.created_at {past}= "))
            .bind(at)
            .push(&format!(" AND (r.created_at {past} "))
            .bind(at)
            .push(" OR (r.created_at = ")
            .bind(at)
            .push(&format!(" AND r.id {past} "))
            .bind(id.to_string())
            .push("))");
    }
    push_order(q, order, "r");
    push_limit(q, limit);
}

/// ` LIMIT` written out: an integer, so no injection, and PostgreSQL then plans for a page,
/// where a bound limit lets a cached generic plan assume a tenth of the table and sort it.
fn push_limit(q: &mut Sql, limit: i64) {
    q.push(&format!(" LIMIT {}", limit.max(0)));
}

/// ` ORDER BY` the table `alias`'s time and id, in `order`.
fn push_order(q: &mut Sql, order: Order, alias: &str) {
    let direction = match order {
        Order::NewestFirst => "DESC",
        Order::OldestFirst => "ASC",
    };
    q.push(&format!(
        " ORDER BY {alias}.created_at {direction}, {alias}.id {direction}"
    ));
}

/// How many reports the filter matches (for a queue's heading).
pub async fn count(db: &Db, filter: &Filter) -> anyhow::Result<i64> {
    if filter.is_kept_by_status() {
        return count_kept(db, filter).await;
    }
    let mut q = Sql::new("SELECT COUNT(*) AS n FROM reports r");
    filter.push_where(&mut q);
    let row = q.query().fetch_one(db).await.context("counting reports")?;
    Ok(row.try_get("n")?)
}

pub struct NewReport<'a> {
    pub category_id: &'a str,
    pub area_id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub address: &'a str,
    pub author_id: Option<&'a str>,
    pub source: &'a str,
    /// Photos already stripped of their metadata: (content type, bytes).
    pub photos: &'a [(&'static str, Vec<u8>)],
    /// Entered by an official or connector for a resident (then `author_id` is None).
    pub for_someone: Option<crate::assisted::store::ForSomeone<'a>>,
}

/// Stores a report, routed to the responsible organisation, with its photos; the reporter
/// follows it; the emails made by `tell` for the organisation's officials are queued, and
/// each official gets a site notification worded by `notice` in their language (a locale
/// tag; `None`: no notification), in the same transaction. Returns the report's id.
pub async fn create(
    db: &Db,
    report: &NewReport<'_>,
    tell: impl FnOnce(&str, &[(String, String)]) -> Vec<Email>,
    notice: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<String> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let route = route_for(&mut *tx, report.category_id, report.area_id).await?;
    let organisation = route.as_ref().map(|(org, _)| org.clone());
    let outside = route.map(|(_, outside)| outside);
    sqlx::query(
        "INSERT INTO reports (id, category_id, area_id, organisation_id, title, description, \
         latitude, longitude, address, status, author_id, source, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $13 = 1 THEN $7 END, \
                 CASE WHEN $14 = 1 THEN $8 END, $9, 'open', $10, $11, $12, $12)",
    )
    .bind(&id)
    .bind(report.category_id)
    .bind(report.area_id)
    .bind(organisation.as_deref())
    .bind(report.title)
    .bind(report.description)
    .bind(crate::db::optional_f64(report.latitude).1)
    .bind(crate::db::optional_f64(report.longitude).1)
    .bind(report.address)
    .bind(report.author_id)
    .bind(report.source)
    .bind(now)
    .bind(crate::db::optional_f64(report.latitude).0)
    .bind(crate::db::optional_f64(report.longitude).0)
    .execute(&mut *tx)
    .await
    .context("storing a report")?;
    for (content_type, bytes) in report.photos {
        sqlx::query(
            "INSERT INTO report_photos (id, report_id, content_type, bytes, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(*content_type)
        .bind(bytes.as_slice())
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing a report's photo")?;
    }
    if let Some(author) = report.author_id {
        sqlx::query(
            "INSERT INTO report_followers (report_id, user_id, affected, created_at) \
             VALUES ($1, $2, TRUE, $3)",
        )
        .bind(&id)
        .bind(author)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("following one's own report")?;
    }
    if let Some(entry) = &report.for_someone {
        let link = format!("/reports/{id}");
        let item = crate::audit::Item {
            kind: "report",
            id: &id,
            label: report.title,
            link: &link,
        };
        crate::assisted::store::record(&mut tx, item, entry, None).await?;
    }
    if let Some(outside) = outside.as_ref().filter(|o| o.send_to != SendTo::Inbox) {
        send_outside(&mut tx, &id, outside).await?;
    }
    let tells_inbox = outside.as_ref().is_none_or(|o| o.send_to.tells_inbox());
    let officials = match &organisation {
        Some(org) if tells_inbox => officials_of(&mut *tx, org).await?,
        _ => Vec::new(),
    };
    let addresses: Vec<(String, String)> = officials
        .iter()
        .map(|o| (o.email.clone(), o.locale.clone()))
        .collect();
    // One email per official, or none at all (a copy of older reports tells nobody).
    let emails = tell(&id, &addresses);
    anyhow::ensure!(
        emails.is_empty() || emails.len() == officials.len(),
        "one email for each official, or none"
    );
    // The officials' own notifications, so the report is waiting when they sign in even if
    // the email went astray (unless they chose otherwise).
    let link = format!("/reports/{id}");
    for (i, official) in officials.iter().enumerate() {
        let text = notice(&official.locale);
        let message = Message {
            user_id: &official.user_id,
            kind: Kind::Work,
            notice: text.as_deref().map(|t| (t, link.as_str())),
            email: emails.get(i),
        };
        deliver(&mut tx, &message).await?;
    }
    tx.commit().await.context("committing a report")?;
    Ok(id)
}

/// An official or admin of the organisation a report went to.
struct Official {
    user_id: String,
    email: String,
    locale: String,
}

/// An organisation's officials and admins: who is emailed and notified of a new report.
async fn officials_of<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    organisation_id: &str,
) -> anyhow::Result<Vec<Official>> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.locale FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.role IN ('official', 'admin') ORDER BY u.email",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
    .context("finding an organisation's officials")?;
    rows.iter()
        .map(|row| {
            Ok(Official {
                user_id: row.try_get("id")?,
                email: row.try_get("email")?,
                locale: row.try_get("locale")?,
            })
        })
        .collect()
}

/// The ids of a report's photos, oldest first.
pub async fn photo_ids(db: &Db, report_id: &str) -> anyhow::Result<Vec<String>> {
    sqlx::query_scalar("SELECT id FROM report_photos WHERE report_id = $1 ORDER BY created_at, id")
        .bind(report_id)
        .fetch_all(db)
        .await
        .context("listing a report's photos")
}

/// One photo of a report, with what decides who may see it.
pub struct Photo {
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// Whether a moderator hid the report.
    pub hidden: bool,
    pub author_id: Option<String>,
}

pub async fn photo(db: &Db, report_id: &str, photo_id: &str) -> anyhow::Result<Option<Photo>> {
    let row = sqlx::query(
        "SELECT p.content_type, p.bytes, r.hidden_reason, r.author_id FROM report_photos p \
         JOIN reports r ON r.id = p.report_id WHERE p.report_id = $1 AND p.id = $2",
    )
    .bind(report_id)
    .bind(photo_id)
    .fetch_optional(db)
    .await
    .context("loading a report's photo")?;
    row.map(|row| {
        let hidden_reason: String = row.try_get("hidden_reason")?;
        Ok(Photo {
            content_type: row.try_get("content_type")?,
            bytes: row.try_get("bytes")?,
            hidden: !hidden_reason.is_empty(),
            author_id: row.try_get("author_id")?,
        })
    })
    .transpose()
}

#[derive(Clone, Debug)]
pub struct Update {
    pub author_name: Option<String>,
    pub official: bool,
    pub status: Option<Status>,
    pub body: String,
    pub created_at: i64,
}

pub async fn updates(db: &Db, report_id: &str) -> anyhow::Result<Vec<Update>> {
    let rows = sqlx::query(
        "SELECT u.display_name AS author_name, CASE WHEN ru.official THEN 1 ELSE 0 END AS official, \
         ru.status, ru.body, ru.created_at FROM report_updates ru \
         LEFT JOIN users u ON u.id = ru.author_id WHERE ru.report_id = $1 \
         ORDER BY ru.created_at, ru.id",
    )
    .bind(report_id)
    .fetch_all(db)
    .await
    .context("listing a report's updates")?;
    rows.iter()
        .map(|row| {
            let status: String = row.try_get("status")?;
            Ok(Update {
                author_name: row.try_get("author_name")?,
                official: row.try_get::<i32, _>("official")? == 1,
                status: Status::parse(&status),
                body: row.try_get("body")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// How the user follows the report: not at all, following, or affected (and following).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Following {
    No,
    Follows,
    Affected,
}

pub async fn following(db: &Db, report_id: &str, user_id: &str) -> anyhow::Result<Following> {
    let affected: Option<i32> = sqlx::query_scalar(
        "SELECT CASE WHEN affected THEN 1 ELSE 0 END FROM report_followers \
         WHERE report_id = $1 AND user_id = $2",
    )
    .bind(report_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("reading a follower")?;
    Ok(match affected {
        None => Following::No,
        Some(0) => Following::Follows,
        Some(_) => Following::Affected,
    })
}

/// Sets how the user follows the report (`Following::No` stops it).
pub async fn set_following(
    db: &Db,
    report_id: &str,
    user_id: &str,
    how: Following,
) -> anyhow::Result<()> {
    if how == Following::No {
        sqlx::query("DELETE FROM report_followers WHERE report_id = $1 AND user_id = $2")
            .bind(report_id)
            .bind(user_id)
            .execute(db)
            .await
            .context("unfollowing a report")?;
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO report_followers (report_id, user_id, affected, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (report_id, user_id) \
         DO UPDATE SET affected = excluded.affected",
    )
    .bind(report_id)
    .bind(user_id)
    .bind(how == Following::Affected)
    .bind(now_ms())
    .execute(db)
    .await
    .context("following a report")?;
    Ok(())
}

pub struct NewUpdate<'a> {
    /// None: written for the organisation by the site itself (an outside system's answer).
    pub author_id: Option<&'a str>,
    /// Written for the responsible organisation (counts as its response).
    pub official: bool,
    pub status: Option<Status>,
    pub duplicate_of: Option<&'a str>,
    pub body: &'a str,
}

/// A follower to tell about an update: id, email address and language.
pub type Follower = (String, String, String);

/// Adds a public update, moves the status if it says so (the first official update is the
/// organisation's response; moving to fixed records the fix), and tells every follower but
/// the writer, by the site notifications (one per follower, in order) and the emails `tell`
/// makes, in one transaction. False if the report does not exist.
pub async fn add_update(
    db: &Db,
    report_id: &str,
    update: &NewUpdate<'_>,
    tell: impl FnOnce(&[Follower]) -> (Vec<String>, Vec<Email>),
) -> anyhow::Result<bool> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let status = update.status.map(Status::as_str).unwrap_or("");
    let before = sqlx::query("SELECT status, title FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_optional(&mut *tx)
        .await
        .context("reading a report before its update")?;
    let Some(before) = before else {
        return Ok(false);
    };
    let changed = sqlx::query(
        "UPDATE reports SET updated_at = $1, \
         status = CASE WHEN $2 = '' THEN status ELSE $2 END, \
         duplicate_of = CASE WHEN $2 = 'duplicate' THEN $3 WHEN $2 = '' THEN duplicate_of ELSE NULL END, \
         responded_at = CASE WHEN $4 = 1 AND responded_at IS NULL THEN $1 ELSE responded_at END, \
         fixed_at = CASE WHEN $2 = 'fixed' AND fixed_at IS NULL THEN $1 ELSE fixed_at END \
         WHERE id = $5",
    )
    .bind(now)
    .bind(status)
    .bind(update.duplicate_of)
    .bind(i32::from(update.official))
    .bind(report_id)
    .execute(&mut *tx)
    .await
    .context("updating a report")?;
    if changed.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO report_updates (id, report_id, author_id, official, status, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(report_id)
    .bind(update.author_id)
    .bind(update.official)
    .bind(status)
    .bind(update.body)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("storing a report update")?;
    if !status.is_empty() && update.official {
        let from: String = before.try_get("status")?;
        let title: String = before.try_get("title")?;
        let detail = format!("{from}>{status}");
        let done = (update.author_id, Action::ReportStatus);
        audit_report(&mut tx, done, (report_id, &title), &detail).await?;
    }
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.locale FROM report_followers f JOIN users u ON u.id = f.user_id \
         WHERE f.report_id = $1 AND u.id <> $2 ORDER BY u.email",
    )
    .bind(report_id)
    .bind(update.author_id.unwrap_or(""))
    .fetch_all(&mut *tx)
    .await
    .context("finding a report's followers")?;
    let followers: Vec<Follower> = rows
        .iter()
        .map(|row| {
            Ok((
                row.try_get("id")?,
                row.try_get("email")?,
                row.try_get("locale")?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    let (notices, emails) = tell(&followers);
    let link = format!("/reports/{report_id}");
    tell_followers(
        &mut tx,
        Kind::Following,
        &followers,
        (&notices, &link),
        &emails,
    )
    .await?;
    tx.commit().await.context("committing a report update")?;
    Ok(true)
}

/// Writes the audit entry for something done to a report: (who, what), (id, title).
async fn audit_report(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    (actor_id, action): (Option<&str>, Action),
    (report_id, title): (&str, &str),
    detail: &str,
) -> anyhow::Result<()> {
    let link = format!("/reports/{report_id}");
    let entry = Entry {
        actor_id,
        action,
        item: Item {
            kind: "report",
            id: report_id,
            label: title,
            link: &link,
        },
        detail,
    };
    audit::write(&mut **tx, &entry).await
}

/// Sets a report's times (received, first answered, fixed) and its updates' to match, for
/// the demo and for imports of older reports; an update is dated from `responded_at` on.
pub async fn set_times(
    db: &Db,
    report_id: &str,
    created_at: i64,
    responded_at: Option<i64>,
    fixed_at: Option<i64>,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE reports SET created_at = $1, updated_at = COALESCE($3, $2, $1), \
         responded_at = $2, fixed_at = $3 WHERE id = $4",
    )
    .bind(created_at)
    .bind(responded_at)
    .bind(fixed_at)
    .bind(report_id)
    .execute(db)
    .await
    .context("dating a report")?;
    sqlx::query("UPDATE report_updates SET created_at = COALESCE($1, $2) WHERE report_id = $3")
        .bind(responded_at)
        .bind(created_at)
        .bind(report_id)
        .execute(db)
        .await
        .context("dating a report's updates")?;
    Ok(())
}

// ------------------------------------------------------------------ notifications

/// Tells each follower, as their settings for `kind` say: their site notice (`notices` in the
/// followers' order, each in that follower's language) and their email (`emails`, one per
/// follower in the same order), in the caller's transaction. Either list may be empty (the
/// demo's and imports' copies tell nobody), never of another length.
pub async fn tell_followers(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kind: Kind,
    followers: &[Follower],
    (notices, link): (&[String], &str),
    emails: &[Email],
) -> anyhow::Result<()> {
    let fits = |n: usize| n == 0 || n == followers.len();
    anyhow::ensure!(
        fits(notices.len()) && fits(emails.len()),
        "one notice and one email for each follower, or none"
    );
    for (i, (user_id, _, _)) in followers.iter().enumerate() {
        let message = Message {
            user_id,
            kind,
            notice: notices.get(i).map(|n| (n.as_str(), link)),
            email: emails.get(i),
        };
        deliver(tx, &message).await?;
    }
    Ok(())
}

/// Adds a site notification for the user (whatever their settings: for what is not news).
pub async fn notify<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    user_id: &str,
    body: &str,
    link: &str,
) -> anyhow::Result<()> {
    crate::notifications::store::site_notice(db, user_id, body, link).await
}

#[derive(Clone, Debug)]
pub struct Notification {
    pub id: String,
    pub body: String,
    pub link: String,
    pub created_at: i64,
    pub unread: bool,
}

/// A page of the user's notifications, newest first, older than the cursor (time, id) when
/// given; the first page marks every unread one read.
pub async fn take_notifications(
    db: &Db,
    user_id: &str,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Notification>> {
    let mut q = Sql::new(
        "SELECT id, body, link, created_at, CASE WHEN read_at IS NULL THEN 1 ELSE 0 END AS unread \
         FROM notifications WHERE user_id = ",
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
        .context("listing notifications")?;
    if before.is_none() {
        sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
            .bind(now_ms())
            .bind(user_id)
            .execute(db)
            .await
            .context("marking notifications read")?;
    }
    rows.iter()
        .map(|row| {
            Ok(Notification {
                id: row.try_get("id")?,
                body: row.try_get("body")?,
                link: row.try_get("link")?,
                created_at: row.try_get("created_at")?,
                unread: row.try_get::<i32, _>("unread")? == 1,
            })
        })
        .collect()
}

// ------------------------------------------------------------------ statistics

/// An organisation's public record, from the counts kept by the triggers of migration 0023
/// (a few hundred rows however many years of reports).
pub async fn record(db: &Db, organisation_id: &str) -> anyhow::Result<super::stats::Stats> {
    let rows = sqlx::query(
        "SELECT measure, bucket, CAST(SUM(n) AS BIGINT) AS n FROM report_tallies \
         WHERE organisation_id = $1 AND n > 0 GROUP BY measure, bucket",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
    .context("reading an organisation's record")?;
    let counts = rows
        .iter()
        .map(|row| {
            Ok((
                row.try_get("measure")?,
                row.try_get("bucket")?,
                row.try_get("n")?,
            ))
        })
        .collect::<anyhow::Result<Vec<super::stats::KeptCount>>>()?;
    Ok(super::stats::from_counts(&counts))
}

/// Every shown report's times, one by one: for checking the kept counts in tests, never for
/// a page (see [`record`]).
pub async fn timings(db: &Db, organisation_id: &str) -> anyhow::Result<Vec<Timing>> {
    let rows = sqlx::query(
        "SELECT created_at, responded_at, fixed_at, status FROM reports \
         WHERE organisation_id = $1 AND hidden_reason = '' ORDER BY created_at",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
    .context("reading an organisation's report times")?;
    rows.iter().map(timing_from_row).collect()
}

/// A report's times from a row with its `created_at`, `responded_at`, `fixed_at`, `status`.
pub fn timing_from_row(row: &AnyRow) -> anyhow::Result<Timing> {
    let status: String = row.try_get("status")?;
    Ok(Timing {
        received: row.try_get("created_at")?,
        responded: row.try_get("responded_at")?,
        fixed: row.try_get("fixed_at")?,
        status: Status::parse(&status).with_context(|| format!("unknown status {status:?}"))?,
    })
}

// ------------------------------------------------------------------ targets and overdue reports

/// Sets (or, with None, removes) a category's target time to fix, recorded in the audit log.
pub async fn set_target(
    db: &Db,
    category_id: &str,
    days: Option<i64>,
    actor: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let name: Option<String> = sqlx::query_scalar(
        "UPDATE report_categories SET target_days = $1 WHERE id = $2 RETURNING name",
    )
    .bind(days)
    .bind(category_id)
    .fetch_optional(&mut *tx)
    .await
    .context("setting a category's target")?;
    let Some(name) = name else {
        return Ok(false);
    };
    let detail = days.map(|d| d.to_string()).unwrap_or_default();
    let entry = Entry {
        actor_id: Some(actor),
        action: Action::CategoryTarget,
        item: Item {
            kind: "report-category",
            id: category_id,
            label: &name,
            link: "/reports/categories",
        },
        detail: &detail,
    };
    audit::write(&mut *tx, &entry).await?;
    tx.commit()
        .await
        .context("committing a category's target")?;
    Ok(true)
}

/// Categories' targets: (category id, days), for those that have one.
pub async fn targets(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let rows =
        sqlx::query("SELECT id, target_days FROM report_categories WHERE target_days IS NOT NULL")
            .fetch_all(db)
            .await
            .context("listing categories' targets")?;
    rows.iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("target_days")?)))
        .collect()
}

/// How many of the organisation's shown reports are open past their category's target at
/// `now`: one index range per category with a target (`reports_overdue`).
pub async fn overdue_count(db: &Db, organisation_id: &str, now: i64) -> anyhow::Result<i64> {
    let mut total = 0;
    for (category_id, days) in targets(db).await? {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM reports WHERE organisation_id = $1 AND category_id = $2 \
             AND created_at < $3 AND status IN ('open', 'acknowledged', 'in_progress') \
             AND hidden_reason = ''",
        )
        .bind(organisation_id)
        .bind(&category_id)
        .bind(now - days * DAY_MS)
        .fetch_one(db)
        .await
        .context("counting overdue reports")?;
        total += n;
    }
    Ok(total)
}

// ------------------------------------------------------------------ closing the loop

/// How long after a fix (or after a report came in, if nobody answered it) its reporter is
/// asked whether it has been fixed.
pub const ASK_AFTER_MS: i64 = 28 * DAY_MS;

/// A report whose reporter is due the question.
#[derive(Clone, Debug)]
pub struct ToAsk {
    pub report_id: String,
    pub title: String,
    pub organisation_id: Option<String>,
    /// "fixed", or "waiting" (nobody answered in four weeks).
    pub asked_about: &'static str,
    pub email: String,
    pub locale: String,
}

/// Reports due the question at `now`, at most `limit` of each kind, longest due first. Only
/// those that became due in the last four weeks: a site that starts asking (or was down for
/// weeks) does not ask about fixes of years ago.
pub async fn due_questions(db: &Db, now: i64, limit: i64) -> anyhow::Result<Vec<ToAsk>> {
    let cutoff = now - ASK_AFTER_MS;
    let too_old = cutoff - ASK_AFTER_MS;
    let kinds: [(&'static str, &str); 2] = [
        (
            "fixed",
            "WHERE r.asked_at IS NULL AND r.status = 'fixed' AND r.author_id IS NOT NULL \
             AND r.fixed_at <= $1 AND r.fixed_at > $3 ORDER BY r.fixed_at",
        ),
        (
            "waiting",
            "WHERE r.asked_at IS NULL AND r.status = 'open' AND r.responded_at IS NULL \
             AND r.author_id IS NOT NULL AND r.created_at <= $1 AND r.created_at > $3 \
             ORDER BY r.created_at",
        ),
    ];
    let mut due = Vec::new();
    for (asked_about, condition) in kinds {
        let sql = format!(
            "SELECT r.id, r.title, r.organisation_id, u.email, u.locale FROM reports r \
             JOIN users u ON u.id = r.author_id {condition} LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cutoff)
            .bind(limit)
            .bind(too_old)
            .fetch_all(db)
            .await
            .context("finding reports to ask about")?;
        for row in &rows {
            due.push(ToAsk {
                report_id: row.try_get("id")?,
                title: row.try_get("title")?,
                organisation_id: row.try_get("organisation_id")?,
                asked_about,
                email: row.try_get("email")?,
                locale: row.try_get("locale")?,
            });
        }
    }
    Ok(due)
}

/// Asks once: marks the report asked, keeps the token's hash and queues the email, in one
/// transaction. False if it was asked already (another pass, another process).
pub async fn ask(db: &Db, to_ask: &ToAsk, token_hash: &str, email: &Email) -> anyhow::Result<bool> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let marked = sqlx::query("UPDATE reports SET asked_at = $1 WHERE id = $2 AND asked_at IS NULL")
        .bind(now)
        .bind(&to_ask.report_id)
        .execute(&mut *tx)
        .await
        .context("marking a report asked")?;
    if marked.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO report_questionnaires (id, report_id, organisation_id, token_hash, \
         asked_about, sent_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(&to_ask.report_id)
    .bind(to_ask.organisation_id.as_deref())
    .bind(token_hash)
    .bind(to_ask.asked_about)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("storing a questionnaire")?;
    mail::queue(&mut *tx, email).await?;
    tx.commit().await.context("committing a questionnaire")?;
    Ok(true)
}

/// The reporter's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Fixed,
    NotFixed,
}

impl Answer {
    pub fn parse(text: &str) -> Option<Answer> {
        match text {
            "fixed" => Some(Answer::Fixed),
            "not_fixed" => Some(Answer::NotFixed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Fixed => "fixed",
            Answer::NotFixed => "not_fixed",
        }
    }
}

/// A question sent, found by its token: whether it waits for its answer.
pub struct Question {
    pub asked_about: String,
    pub answered: bool,
}

pub async fn question(
    db: &Db,
    report_id: &str,
    token_hash: &str,
) -> anyhow::Result<Option<Question>> {
    let row = sqlx::query(
        "SELECT asked_about, CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END AS answered \
         FROM report_questionnaires WHERE report_id = $1 AND token_hash = $2",
    )
    .bind(report_id)
    .bind(token_hash)
    .fetch_optional(db)
    .await
    .context("finding a questionnaire")?;
    row.map(|row| {
        Ok(Question {
            asked_about: row.try_get("asked_about")?,
            answered: row.try_get::<i32, _>("answered")? == 1,
        })
    })
    .transpose()
}

/// What an answer did to the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answered {
    /// The token matches no question waiting for its answer.
    Nothing,
    /// Recorded; the report is as it was (confirmed fixed, or still open and the
    /// organisation told).
    Recorded,
    /// "Fixed" for a report still open: now marked fixed by its reporter.
    MarkedFixed,
    /// "Not fixed" for a fixed report: reopened and the organisation told.
    Reopened,
}

/// Records the reporter's answer, in one transaction with what follows from it: "fixed"
/// for a waiting report marks it fixed; "not fixed" reopens a fixed report (its fix time
/// cleared, so a later fix is asked about again), and the organisation's officials are told
/// by the notices and emails `tell` makes for them, each in their language.
pub async fn answer(
    db: &Db,
    report_id: &str,
    token_hash: &str,
    (answer, comment): (Answer, &str),
    tell: impl FnOnce(&[Follower]) -> (Vec<String>, Vec<Email>),
) -> anyhow::Result<Answered> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let taken = sqlx::query(
        "UPDATE report_questionnaires SET answered_at = $1, answer = $2 \
         WHERE report_id = $3 AND token_hash = $4 AND answered_at IS NULL",
    )
    .bind(now)
    .bind(answer.as_str())
    .bind(report_id)
    .bind(token_hash)
    .execute(&mut *tx)
    .await
    .context("recording an answer")?;
    if taken.rows_affected() != 1 {
        return Ok(Answered::Nothing);
    }
    let row = sqlx::query("SELECT status, author_id, organisation_id FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_one(&mut *tx)
        .await
        .context("reading an answered report")?;
    let status: String = row.try_get("status")?;
    let author: Option<String> = row.try_get("author_id")?;
    let organisation: Option<String> = row.try_get("organisation_id")?;
    let outcome = match (answer, status.as_str()) {
        (Answer::Fixed, "open" | "acknowledged" | "in_progress") => {
            sqlx::query(
                "UPDATE reports SET status = 'fixed', fixed_at = $1, updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(report_id)
            .execute(&mut *tx)
            .await
            .context("marking a report fixed by its reporter")?;
            Answered::MarkedFixed
        }
        (Answer::NotFixed, "fixed") => {
            sqlx::query(
                "UPDATE reports SET status = 'open', fixed_at = NULL, asked_at = NULL, \
                 updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(report_id)
            .execute(&mut *tx)
            .await
            .context("reopening a report")?;
            Answered::Reopened
        }
        _ => Answered::Recorded,
    };
    let new_status = match outcome {
        Answered::MarkedFixed => "fixed",
        Answered::Reopened => "open",
        _ => "",
    };
    if !new_status.is_empty() || !comment.is_empty() {
        sqlx::query(
            "INSERT INTO report_updates (id, report_id, author_id, official, status, body, \
             created_at) VALUES ($1, $2, $3, FALSE, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(report_id)
        .bind(author.as_deref())
        .bind(new_status)
        .bind(comment)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("storing the reporter's answer")?;
    }
    if answer == Answer::NotFixed
        && let Some(organisation) = organisation
    {
        let officials: Vec<Follower> = officials_of(&mut *tx, &organisation)
            .await?
            .into_iter()
            .map(|o| (o.user_id, o.email, o.locale))
            .collect();
        let (notices, emails) = tell(&officials);
        let link = format!("/reports/{report_id}");
        tell_followers(&mut tx, Kind::Work, &officials, (&notices, &link), &emails).await?;
    }
    tx.commit().await.context("committing an answer")?;
    Ok(outcome)
}

/// What reporters answered about the organisation's fixes: (confirmed fixed, not fixed).
pub async fn answers(db: &Db, organisation_id: &str) -> anyhow::Result<(i64, i64)> {
    let rows = sqlx::query(
        "SELECT answer, COUNT(*) AS n FROM report_questionnaires \
         WHERE organisation_id = $1 AND answer IS NOT NULL GROUP BY answer",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
    .context("counting reporters' answers")?;
    let mut counts = (0, 0);
    for row in &rows {
        let answer: String = row.try_get("answer")?;
        let n: i64 = row.try_get("n")?;
        match Answer::parse(&answer) {
            Some(Answer::Fixed) => counts.0 += n,
            Some(Answer::NotFixed) => counts.1 += n,
            None => {}
        }
    }
    Ok(counts)
}

// ------------------------------------------------------------------ Open311 out and back

/// The job that sends a report to an outside Open311 service.
pub const OPEN311_SEND_JOB: &str = "open311_send";

#[derive(serde::Serialize, serde::Deserialize)]
pub struct SendJob {
    pub report_id: String,
}

/// Records that the report goes out and queues the job that sends it, in the report's
/// transaction.
async fn send_outside(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    report_id: &str,
    outside: &Outside,
) -> anyhow::Result<()> {
    let now = now_ms();
    sqlx::query(
        "INSERT INTO open311_sends (report_id, url, api_key, service_code, jurisdiction, status, \
         attempts, last_error, external_status, external_notes, checked_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'waiting', 0, '', '', '', 0, $6)",
    )
    .bind(report_id)
    .bind(&outside.url)
    .bind(&outside.api_key)
    .bind(&outside.service_code)
    .bind(&outside.jurisdiction)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("recording a report to send out")?;
    crate::jobs::enqueue(
        &mut **tx,
        OPEN311_SEND_JOB,
        &SendJob {
            report_id: report_id.to_string(),
        },
    )
    .await
}

/// A report on its way out, or sent, with where it goes.
#[derive(Clone, Debug)]
pub struct Send {
    pub report_id: String,
    pub title: String,
    pub url: String,
    pub api_key: String,
    pub service_code: String,
    pub jurisdiction: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: String,
    pub external_id: Option<String>,
    pub external_status: String,
    pub external_notes: String,
    pub checked_at: i64,
}

macro_rules! send_columns {
    () => {
        "s.report_id, r.title, s.url, s.api_key, s.service_code, s.jurisdiction, s.status, \
         s.attempts, s.last_error, s.external_id, s.external_status, s.external_notes, \
         s.checked_at FROM open311_sends s JOIN reports r ON r.id = s.report_id"
    };
}
const SELECT_SEND: &str = concat!("SELECT ", send_columns!());

fn send_from_row(row: &AnyRow) -> anyhow::Result<Send> {
    Ok(Send {
        report_id: row.try_get("report_id")?,
        title: row.try_get("title")?,
        url: row.try_get("url")?,
        api_key: row.try_get("api_key")?,
        service_code: row.try_get("service_code")?,
        jurisdiction: row.try_get("jurisdiction")?,
        status: row.try_get("status")?,
        attempts: row.try_get("attempts")?,
        last_error: row.try_get("last_error")?,
        external_id: row.try_get("external_id")?,
        external_status: row.try_get("external_status")?,
        external_notes: row.try_get("external_notes")?,
        checked_at: row.try_get("checked_at")?,
    })
}

pub async fn send_of(db: &Db, report_id: &str) -> anyhow::Result<Option<Send>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT_SEND} WHERE s.report_id = $1"
    )))
    .bind(report_id)
    .fetch_optional(db)
    .await
    .context("loading a report sent out")?;
    row.as_ref().map(send_from_row).transpose()
}

/// The outside service took the report: its id kept, the sending written in the audit log.
pub async fn mark_sent(db: &Db, report_id: &str, external_id: &str) -> anyhow::Result<()> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let row = sqlx::query(
        "UPDATE open311_sends SET status = 'sent', external_id = $1, sent_at = $2, \
         checked_at = $2, last_error = '' WHERE report_id = $3 AND status <> 'sent' \
         RETURNING url",
    )
    .bind(external_id)
    .bind(now)
    .bind(report_id)
    .fetch_optional(&mut *tx)
    .await
    .context("recording a report sent out")?;
    let Some(row) = row else {
        return Ok(());
    };
    let url: String = row.try_get("url")?;
    let title: String = sqlx::query_scalar("SELECT title FROM reports WHERE id = $1")
        .bind(report_id)
        .fetch_one(&mut *tx)
        .await
        .context("naming a report sent out")?;
    let detail = format!("{url} {external_id}");
    let done = (None, Action::Open311Sent);
    audit_report(&mut tx, done, (report_id, &title), &detail).await?;
    tx.commit().await.context("committing a report sent out")?;
    Ok(())
}

/// A sending failed: the attempt and its error kept for admins; `gave_up` when the job will
/// not try again.
pub async fn sending_failed(
    db: &Db,
    report_id: &str,
    error: &str,
    gave_up: bool,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE open311_sends SET attempts = attempts + 1, last_error = $1, \
         status = CASE WHEN $2 = 1 THEN 'failed' ELSE status END \
         WHERE report_id = $3 AND status <> 'sent'",
    )
    .bind(error)
    .bind(i32::from(gave_up))
    .bind(report_id)
    .execute(db)
    .await
    .context("recording a failed sending")?;
    Ok(())
}

/// Reports sent out whose status to fetch back: still open here, or fixed here but still
/// open there; the longest unchecked first.
pub async fn sends_to_check(db: &Db, limit: i64) -> anyhow::Result<Vec<Send>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT_SEND} WHERE s.status = 'sent' AND s.external_status <> 'closed' \
         ORDER BY s.checked_at, s.report_id LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(db)
    .await
    .context("finding reports to check outside")?;
    rows.iter().map(send_from_row).collect()
}

/// Notes when the outside service was last asked (and what it said, if it answered).
pub async fn checked(
    db: &Db,
    report_id: &str,
    seen: Option<(&str, &str)>,
    error: &str,
) -> anyhow::Result<()> {
    let (status, notes) = seen.unwrap_or(("", ""));
    sqlx::query(
        "UPDATE open311_sends SET checked_at = $1, last_error = $2, \
         external_status = CASE WHEN $3 = 1 THEN $4 ELSE external_status END, \
         external_notes = CASE WHEN $3 = 1 THEN $5 ELSE external_notes END \
         WHERE report_id = $6",
    )
    .bind(now_ms())
    .bind(error)
    .bind(i32::from(seen.is_some()))
    .bind(status)
    .bind(notes)
    .bind(report_id)
    .execute(db)
    .await
    .context("recording a check outside")?;
    Ok(())
}

/// Reports sent out that failed or are still trying after an error, for admins, the
/// longest waiting first, after the cursor (created_at, report id).
pub async fn troubled_sends(
    db: &Db,
    after: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<(i64, Send)>> {
    let (at, id) = after.unwrap_or((i64::MIN, ""));
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT s.created_at AS queued_at, {} WHERE s.status <> 'sent' AND s.last_error <> '' \
         AND s.created_at >= $1 AND (s.created_at > $1 OR s.report_id > $2) \
         ORDER BY s.created_at, s.report_id LIMIT $3",
        send_columns!()
    )))
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing failed sendings")?;
    rows.iter()
        .map(|row| Ok((row.try_get("queued_at")?, send_from_row(row)?)))
        .collect()
}
