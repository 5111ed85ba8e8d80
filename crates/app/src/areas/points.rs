//! Public things with a place, of every kind, inside a box: what the GeoJSON feeds and maps
//! read. Like `feeds::store`, the one reader across features, so each kind's public rule
//! (reports not hidden, assets public and never a person's skill) is written once here.

use anyhow::Context;
use sqlx::Row;

use crate::db::{Db, Sql};

/// The kinds of thing that can be a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointKind {
    Reports,
    Assets,
    Events,
    Projects,
    /// Accredited micro-providers with a place, only while their accreditation is in force.
    Providers,
}

/// Which providers a map shows by what they offer: a kind of service and a time it is
/// available (each empty for any), both of the same service. Other kinds ignore it.
#[derive(Clone, Debug, Default)]
pub struct Offering {
    pub kind: String,
    /// `weekdays`, `evenings` or `weekends`.
    pub available: String,
}

impl Offering {
    /// The statement's condition on provider rows (`t.row_id`), with the kind bound as `$9`:
    /// a service of that kind (any when empty) available then (the column is one of three
    /// constants, so only constant text goes into the statement).
    fn condition(&self) -> String {
        let available = match self.available.as_str() {
            "weekdays" => " AND s.weekdays = 1",
            "evenings" => " AND s.evenings = 1",
            "weekends" => " AND s.weekends = 1",
            _ if self.kind.is_empty() => return " AND $9 = $9".to_string(),
            _ => "",
        };
        format!(
            " AND t.row_id IN (SELECT s.application_id FROM provider_services s \
               WHERE ($9 = '' OR s.kind = $9){available})"
        )
    }
}

/// A thing at a point. `detail` is the report's status, the asset's kind, the event's
/// start (Unix ms, as text), the project's status or the provider's accreditation's end
/// (Unix ms, as text).
#[derive(Clone, Debug)]
pub struct Point {
    /// The row's id: what a page's cursor names.
    pub row_id: String,
    /// The id a reader knows it by: a report's or asset's id, an event's slug, a
    /// project's code in its process.
    pub id: String,
    pub title: String,
    pub latitude: f64,
    pub longitude: f64,
    pub created_at: i64,
    pub detail: String,
    pub area_slug: String,
    /// The page about it, from the site's root.
    pub path: String,
}

/// Everything of `kind` in `bounds`, newest first, older than the cursor `(created_at, id)`;
/// providers in force now.
pub async fn in_box(
    db: &Db,
    kind: PointKind,
    bounds: &places::Bounds,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Point>> {
    in_box_at(db, kind, bounds, before, limit, crate::db::now_ms()).await
}

/// [`in_box`], with providers in force at `now` (Unix ms: the site's clock).
pub async fn in_box_at(
    db: &Db,
    kind: PointKind,
    bounds: &places::Bounds,
    before: Option<(i64, &str)>,
    limit: i64,
    now: i64,
) -> anyhow::Result<Vec<Point>> {
    let (before_at, before_id) = before.unwrap_or((i64::MAX, "\u{10FFFF}"));
    let (select, path_of) = select_of(kind);
    let limit = limit.max(0);
    let rows = if newest_first_is_quicker(db, kind, bounds, limit).await? {
        let ids = crate::reports::store::newest_in_box(
            db,
            map_bounds(bounds),
            (before_at, before_id),
            limit,
        )
        .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = Sql::new(select);
        q.push(" AND t.id IN ")
            .bind_list(ids)
            .push(" ORDER BY t.created_at DESC, t.id DESC");
        q.query().fetch_all(db).await
    } else {
        // Only constant text and integers go into the statement: the kind picks one of
        // five selects; a provider is a point only while its accreditation is in force.
        let in_force = if kind == PointKind::Providers {
            format!(" AND t.valid_until > {now}")
        } else {
            String::new()
        };
        let sql = format!(
            "{select}{in_force} AND t.latitude BETWEEN $1 AND $2 AND t.longitude BETWEEN $3 AND $4 \
               AND t.created_at <= $5 AND (t.created_at < $5 OR (t.created_at = $5 AND t.id < $6)) \
             ORDER BY t.created_at DESC, t.id DESC LIMIT {limit}"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(bounds.min_lat)
            .bind(bounds.max_lat)
            .bind(bounds.min_lon)
            .bind(bounds.max_lon)
            .bind(before_at)
            .bind(before_id)
            .fetch_all(db)
            .await
    };
    let rows = rows.with_context(|| format!("listing {kind:?} in a box"))?;
    rows.iter()
        .map(|row| {
            Ok(Point {
                path: path_of(row)?,
                row_id: row.try_get("row_id")?,
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                latitude: row.try_get("latitude")?,
                longitude: row.try_get("longitude")?,
                created_at: row.try_get("created_at")?,
                detail: row.try_get("detail")?,
                area_slug: row.try_get("area_slug")?,
            })
        })
        .collect()
}

/// Whether a page of `kind` in `bounds` is found quicker by reading everything newest first
/// until the page is full (`reports::store::newest_in_box`) than by reading everything in
/// the box and sorting it. Only
/// reports are many enough to matter. Reading newest first goes through about
/// `limit * all / inside` rows, reading the box about `inside`: the first wins when
/// `inside` is over the square root of `limit * all` (14,000 of a million for a page of 200).
async fn newest_first_is_quicker(
    db: &Db,
    kind: PointKind,
    bounds: &places::Bounds,
    limit: i64,
) -> anyhow::Result<bool> {
    if kind != PointKind::Reports {
        return Ok(false);
    }
    let (inside, all) = crate::reports::store::placed_in_box_about(db, map_bounds(bounds)).await?;
    Ok((inside as f64).powi(2) > limit as f64 * all as f64)
}

fn map_bounds(bounds: &places::Bounds) -> crate::maps::MapBounds {
    crate::maps::MapBounds {
        west: bounds.min_lon,
        south: bounds.min_lat,
        east: bounds.max_lon,
        north: bounds.max_lat,
    }
}

/// A row reader's path to the thing's page.
type PathOf = fn(&sqlx::any::AnyRow) -> anyhow::Result<String>;

/// The public rows of `kind` (as `t`, with `id`, `title`, `latitude`, `longitude`,
/// `created_at`, `detail`, `area_slug`, `parent_slug`), and how a row names its page.
fn select_of(kind: PointKind) -> (&'static str, PathOf) {
    match kind {
        PointKind::Reports => (
            "SELECT t.id AS row_id, t.id, t.title, t.latitude, t.longitude, t.created_at, t.status AS detail, \
               a.slug AS area_slug, '' AS parent_slug FROM reports t JOIN areas a ON a.id = t.area_id \
             WHERE t.hidden_reason = ''",
            |row| Ok(format!("/reports/{}", row.try_get::<String, _>("id")?)),
        ),
        PointKind::Assets => (
            "SELECT t.id AS row_id, t.id, t.title, t.latitude, t.longitude, t.created_at, t.kind AS detail, \
               a.slug AS area_slug, '' AS parent_slug FROM assets t JOIN areas a ON a.id = t.area_id \
             WHERE t.visibility = 'public' AND t.kind IN ('space', 'group', 'resource')",
            |row| Ok(format!("/assets/{}", row.try_get::<String, _>("id")?)),
        ),
        PointKind::Events => (
            "SELECT t.id AS row_id, t.slug AS id, t.title, t.latitude, t.longitude, t.created_at, \
               CAST(t.starts_at AS TEXT) AS detail, a.slug AS area_slug, '' AS parent_slug \
             FROM events t JOIN areas a ON a.id = t.area_id WHERE t.cancelled_at IS NULL",
            |row| Ok(format!("/events/{}", row.try_get::<String, _>("id")?)),
        ),
        PointKind::Providers => (
            "SELECT t.id AS row_id, t.id, t.name AS title, t.latitude, t.longitude, t.created_at, \
               CAST(t.valid_until AS TEXT) AS detail, a.slug AS area_slug, '' AS parent_slug \
             FROM provider_applications t JOIN accrediting_bodies b ON b.id = t.body_id \
             JOIN areas a ON a.id = b.area_id WHERE t.status = 'granted'",
            |row| Ok(format!("/providers/{}", row.try_get::<String, _>("id")?)),
        ),
        PointKind::Projects => (
            "SELECT t.id AS row_id, t.code AS id, t.title, t.latitude, t.longitude, t.created_at, \
               t.status AS detail, a.slug AS area_slug, p.slug AS parent_slug \
             FROM pb_projects t JOIN pb_processes p ON p.id = t.process_id \
             JOIN areas a ON a.id = p.area_id WHERE t.status <> 'rejected'",
            |row| {
                Ok(format!(
                    "/budgets/{}/projects/{}",
                    row.try_get::<String, _>("parent_slug")?,
                    row.try_get::<String, _>("id")?
                ))
            },
        ),
    }
}

/// Things of `kind` inside `bounds`, counted per cell of a grid (cells `(cell_lon,
/// cell_lat)` degrees from the box's south-west corner): what a map of a whole city draws,
/// a few hundred rows however many things there are. A cell of one names its thing. With
/// `parent_slug`, only the projects of that budget; providers only by what they offer.
///
/// Cells are numbered with CAST, which truncates on SQLite and rounds on PostgreSQL; either
/// is a grid, and the cells only decide which nearby things share a numbered mark.
pub async fn cells_in_box(
    db: &Db,
    kind: PointKind,
    bounds: &places::Bounds,
    (cell_lon, cell_lat): (f64, f64),
    parent_slug: &str,
    not_over_at: Option<i64>,
    offering: &Offering,
) -> anyhow::Result<Vec<crate::maps::MapCell>> {
    // Reports are the many: counted from their own covering index (see `map_cells`).
    if kind == PointKind::Reports {
        let grid = crate::maps::MapBounds {
            west: bounds.min_lon,
            south: bounds.min_lat,
            east: bounds.max_lon,
            north: bounds.max_lat,
        };
        let all = crate::reports::store::Filter::default();
        return crate::reports::store::map_cells(db, &all, grid, cell_lon, cell_lat).await;
    }
    // Events not over by then: the events table's own end time, by the row's id. Providers
    // only while their accreditation is in force then (now when not given): never lapsed.
    let not_over = match (kind, not_over_at) {
        (PointKind::Events, Some(_)) => {
            " AND t.row_id IN (SELECT e.id FROM events e WHERE e.ends_at >= $8)"
        }
        (PointKind::Providers, _) => {
            " AND t.row_id IN (SELECT p.id FROM provider_applications p WHERE p.valid_until > $8)"
        }
        _ => " AND $8 = $8",
    };
    let offers = if kind == PointKind::Providers {
        offering.condition()
    } else {
        " AND $9 = $9".to_string()
    };
    let not_over_at = match (kind, not_over_at) {
        (PointKind::Providers, None) => Some(crate::db::now_ms()),
        _ => not_over_at,
    };
    let (select, path_of) = select_of(kind);
    let sql = format!(
        "SELECT COUNT(*) AS n, AVG(t.latitude) AS lat, AVG(t.longitude) AS lon, \
                MIN(t.id) AS id, MIN(t.title) AS title, MIN(t.parent_slug) AS parent_slug \
         FROM ({select} AND t.latitude BETWEEN $1 AND $2 AND t.longitude BETWEEN $3 AND $4) t \
         WHERE ($7 = '' OR t.parent_slug = $7){not_over}{offers} \
         GROUP BY CAST((t.longitude - $3) / $5 AS INTEGER), CAST((t.latitude - $1) / $6 AS INTEGER)"
    );
    // Only constant text goes into the statement: the kind picks one of five selects.
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(bounds.min_lat)
        .bind(bounds.max_lat)
        .bind(bounds.min_lon)
        .bind(bounds.max_lon)
        .bind(cell_lon)
        .bind(cell_lat)
        .bind(parent_slug)
        .bind(not_over_at.unwrap_or(0))
        .bind(offering.kind.as_str())
        .fetch_all(db)
        .await
        .with_context(|| format!("counting {kind:?} on a map"))?;
    rows.iter()
        .map(|row| {
            let count: i64 = row.try_get("n")?;
            let one = if count == 1 {
                Some((path_of(row)?, row.try_get("title")?))
            } else {
                None
            };
            Ok(crate::maps::MapCell {
                count,
                lat: row.try_get("lat")?,
                lon: row.try_get("lon")?,
                one,
            })
        })
        .collect()
}

fn table(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Reports => "reports",
        PointKind::Assets => "assets",
        PointKind::Events => "events",
        PointKind::Projects => "pb_projects",
        PointKind::Providers => "provider_applications",
    }
}

/// Sets (or with `None` clears) the place of one row, by its id.
pub async fn set_location<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    kind: PointKind,
    row_id: &str,
    location: Option<(f64, f64)>,
) -> anyhow::Result<()> {
    let sql = format!(
        "UPDATE {} SET latitude = CASE WHEN $4 = 1 THEN $1 END, \
         longitude = CASE WHEN $4 = 1 THEN $2 END WHERE id = $3",
        table(kind)
    );
    // The table name is one of five constants.
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(location.map_or(0.0, |l| l.0))
        .bind(location.map_or(0.0, |l| l.1))
        .bind(row_id)
        .bind(i64::from(location.is_some()))
        .execute(db)
        .await
        .with_context(|| format!("saving the place of {kind:?} {row_id}"))?;
    Ok(())
}

/// The place of one row, if it has one.
pub async fn location(
    db: &Db,
    kind: PointKind,
    row_id: &str,
) -> anyhow::Result<Option<(f64, f64)>> {
    let sql = format!(
        "SELECT latitude, longitude FROM {} WHERE id = $1",
        table(kind)
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(row_id)
        .fetch_optional(db)
        .await
        .with_context(|| format!("loading the place of {kind:?} {row_id}"))?;
    let Some(row) = row else { return Ok(None) };
    let lat: Option<f64> = row.try_get("latitude")?;
    let lon: Option<f64> = row.try_get("longitude")?;
    Ok(lat.zip(lon))
}

/// Rows of `kind` with no place yet, with their area: (row id, area id). Only for the demo,
/// which gives each a place inside its area; assets are spaces, groups and resources only.
pub async fn unplaced(db: &Db, kind: PointKind) -> anyhow::Result<Vec<(String, String)>> {
    let sql = match kind {
        PointKind::Reports => "SELECT id, area_id FROM reports WHERE latitude IS NULL ORDER BY id",
        PointKind::Assets => {
            "SELECT id, area_id FROM assets WHERE latitude IS NULL \
             AND kind IN ('space', 'group', 'resource') ORDER BY id"
        }
        PointKind::Events => "SELECT id, area_id FROM events WHERE latitude IS NULL ORDER BY id",
        PointKind::Projects => {
            "SELECT t.id, p.area_id FROM pb_projects t JOIN pb_processes p ON p.id = t.process_id \
             WHERE t.latitude IS NULL ORDER BY t.id"
        }
        PointKind::Providers => {
            "SELECT t.id, b.area_id FROM provider_applications t \
             JOIN accrediting_bodies b ON b.id = t.body_id WHERE t.latitude IS NULL ORDER BY t.id"
        }
    };
    let rows = sqlx::query(sql)
        .fetch_all(db)
        .await
        .with_context(|| format!("listing {kind:?} without a place"))?;
    rows.iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("area_id")?)))
        .collect()
}

// ------------------------------------------------------------------ finding an address

/// A place found by name, for the report form's "find address".
#[derive(Clone, Debug)]
pub struct FoundPlace {
    pub label: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Streets (imported, or remembered from earlier reports) and areas with a boundary whose
/// name contains `words` (already folded to lower case), at most `limit` of each.
pub async fn search_places(db: &Db, words: &str, limit: i64) -> anyhow::Result<Vec<FoundPlace>> {
    let pattern = format!(
        "%{}%",
        words
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let streets = sqlx::query(
        "SELECT name AS label, latitude, longitude FROM streets \
         WHERE name_key LIKE $1 ESCAPE '\\' ORDER BY name_key LIMIT $2",
    )
    .bind(&pattern)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("searching streets")?;
    let areas = sqlx::query(
        "SELECT a.name AS label, (b.min_lat + b.max_lat) / 2 AS latitude, \
           (b.min_lon + b.max_lon) / 2 AS longitude \
         FROM areas a JOIN area_boundaries b ON b.area_id = a.id \
         WHERE LOWER(a.name) LIKE $1 ESCAPE '\\' ORDER BY a.name LIMIT $2",
    )
    .bind(&pattern)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("searching areas by name")?;
    streets
        .iter()
        .chain(areas.iter())
        .map(|row| {
            Ok(FoundPlace {
                label: row.try_get("label")?,
                latitude: row.try_get("latitude")?,
                longitude: row.try_get("longitude")?,
            })
        })
        .collect()
}

/// Adds a street to the list "find address" searches, unless one of that name is there.
pub async fn remember_street(
    db: &Db,
    name: &str,
    latitude: f64,
    longitude: f64,
) -> anyhow::Result<bool> {
    let key = name.trim().to_lowercase();
    if key.is_empty() {
        return Ok(false);
    }
    let done = sqlx::query(
        "INSERT INTO streets (id, name, name_key, latitude, longitude, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name_key) DO NOTHING",
    )
    .bind(crate::db::new_id())
    .bind(name.trim())
    .bind(&key)
    .bind(latitude)
    .bind(longitude)
    .bind(crate::db::now_ms())
    .execute(db)
    .await
    .context("remembering a street")?;
    Ok(done.rows_affected() > 0)
}

/// Open, visible reports of a category inside a box, newest first: candidates for "is it
/// one of these?" (the caller keeps those truly within its distance).
pub async fn open_reports_in_box(
    db: &Db,
    category_id: &str,
    bounds: &places::Bounds,
    limit: i64,
) -> anyhow::Result<Vec<Point>> {
    let rows = sqlx::query(
        "SELECT t.id AS row_id, t.id, t.title, t.latitude, t.longitude, t.created_at, \
           t.status AS detail, a.slug AS area_slug FROM reports t JOIN areas a ON a.id = t.area_id \
         WHERE t.category_id = $1 AND t.hidden_reason = '' \
           AND t.status IN ('open', 'acknowledged', 'in_progress') \
           AND t.latitude BETWEEN $2 AND $3 AND t.longitude BETWEEN $4 AND $5 \
         ORDER BY t.created_at DESC, t.id DESC LIMIT $6",
    )
    .bind(category_id)
    .bind(bounds.min_lat)
    .bind(bounds.max_lat)
    .bind(bounds.min_lon)
    .bind(bounds.max_lon)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("finding open reports close by")?;
    rows.iter()
        .map(|row| {
            let id: String = row.try_get("id")?;
            Ok(Point {
                path: format!("/reports/{id}"),
                row_id: row.try_get("row_id")?,
                id,
                title: row.try_get("title")?,
                latitude: row.try_get("latitude")?,
                longitude: row.try_get("longitude")?,
                created_at: row.try_get("created_at")?,
                detail: row.try_get("detail")?,
                area_slug: row.try_get("area_slug")?,
            })
        })
        .collect()
}

/// Adds imported streets in one transaction (a name already listed keeps its place).
/// Returns how many were new.
pub async fn import_streets(db: &Db, streets: &[(String, f64, f64)]) -> anyhow::Result<u64> {
    let mut tx = crate::db::begin(db).await?;
    let now = crate::db::now_ms();
    let mut added = 0;
    for (name, latitude, longitude) in streets {
        let done = sqlx::query(
            "INSERT INTO streets (id, name, name_key, latitude, longitude, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name_key) DO NOTHING",
        )
        .bind(crate::db::new_id())
        .bind(name)
        .bind(name.to_lowercase())
        .bind(latitude)
        .bind(longitude)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("importing a street")?;
        added += done.rows_affected();
    }
    tx.commit().await.context("committing streets")?;
    Ok(added)
}
