//! All SQL about areas (city > district > neighbourhood).

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    City,
    District,
    Neighbourhood,
}

impl AreaKind {
    pub fn parse(value: &str) -> Option<AreaKind> {
        match value {
            "city" => Some(AreaKind::City),
            "district" => Some(AreaKind::District),
            "neighbourhood" => Some(AreaKind::Neighbourhood),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::City => "city",
            AreaKind::District => "district",
            AreaKind::Neighbourhood => "neighbourhood",
        }
    }

    /// The kind an area's parent must have; a city has none.
    pub fn parent_kind(self) -> Option<AreaKind> {
        match self {
            AreaKind::City => None,
            AreaKind::District => Some(AreaKind::City),
            AreaKind::Neighbourhood => Some(AreaKind::District),
        }
    }

    pub fn child_kind(self) -> Option<AreaKind> {
        match self {
            AreaKind::City => Some(AreaKind::District),
            AreaKind::District => Some(AreaKind::Neighbourhood),
            AreaKind::Neighbourhood => None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Area {
    pub id: String,
    pub parent_id: Option<String>,
    pub kind: AreaKind,
    pub slug: String,
    pub name: String,
    pub description: String,
}

impl Area {
    pub fn kind_key(&self) -> String {
        format!("area-kind-{}", self.kind.as_str())
    }
}

/// The columns every area query selects, in [`from_row`]'s order.
macro_rules! columns {
    () => {
        "id, parent_id, kind, slug, name, description"
    };
}

fn from_row(row: &AnyRow) -> anyhow::Result<Area> {
    let kind: String = row.try_get("kind")?;
    Ok(Area {
        id: row.try_get("id")?,
        parent_id: row.try_get("parent_id")?,
        kind: AreaKind::parse(&kind).with_context(|| format!("unknown area kind {kind:?}"))?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        description: row.try_get("description")?,
    })
}

fn from_rows(rows: Vec<AnyRow>) -> anyhow::Result<Vec<Area>> {
    rows.iter().map(from_row).collect()
}

pub async fn all(db: &Db) -> anyhow::Result<Vec<Area>> {
    let rows = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas ORDER BY name, id"
    ))
    .fetch_all(db)
    .await
    .context("listing areas")?;
    from_rows(rows)
}

/// (id, name) of every area, by name: the choices of a form's area field.
pub async fn choices(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    Ok(all(db).await?.into_iter().map(|a| (a.id, a.name)).collect())
}

/// The ids of the areas `area` is inside: its parent, then the parent's parent.
pub async fn ancestor_ids(db: &Db, area: &Area) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::new();
    let mut next = area.parent_id.clone();
    // Areas are at most three deep (city > district > neighbourhood).
    while let Some(id) = next.take() {
        if ids.len() >= 2 {
            break;
        }
        next = find(db, &id).await?.and_then(|a| a.parent_id);
        ids.push(id);
    }
    Ok(ids)
}

/// (slug, name) of every area, by name: the choices of a list's area filter.
pub async fn filter_choices(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    Ok(all(db)
        .await?
        .into_iter()
        .map(|a| (a.slug, a.name))
        .collect())
}

/// The first `limit` areas of a kind by name (the home page lists some, then links to all).
pub async fn of_kind(db: &Db, kind: AreaKind, limit: i64) -> anyhow::Result<Vec<Area>> {
    let rows = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas WHERE kind = $1 ORDER BY name, id LIMIT $2"
    ))
    .bind(kind.as_str())
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing areas by kind")?;
    from_rows(rows)
}

/// Areas whose name contains `query`, ignoring case.
pub async fn search(db: &Db, query: &str) -> anyhow::Result<Vec<Area>> {
    let pattern = format!(
        "%{}%",
        query
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas WHERE LOWER(name) LIKE $1 ESCAPE '\\' ORDER BY name, id LIMIT 50"
    ))
    .bind(pattern)
    .fetch_all(db)
    .await
    .context("searching areas")?;
    from_rows(rows)
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Area>> {
    let row = sqlx::query(concat!("SELECT ", columns!(), " FROM areas WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading an area")?;
    row.as_ref().map(from_row).transpose()
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Area>> {
    let row = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(db)
    .await
    .context("loading an area by slug")?;
    row.as_ref().map(from_row).transpose()
}

/// The ids of the area and of the areas inside it: the tree `db::Sql::in_area_tree` filters by.
pub async fn tree_ids(db: &Db, id: &str) -> anyhow::Result<Vec<String>> {
    let mut q = crate::db::Sql::new("SELECT id FROM areas WHERE ");
    q.in_area_tree("id", id);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("finding the areas inside an area")?;
    rows.iter().map(|row| Ok(row.try_get("id")?)).collect()
}

pub async fn children(db: &Db, id: &str) -> anyhow::Result<Vec<Area>> {
    let rows = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas WHERE parent_id = $1 ORDER BY name, id"
    ))
    .bind(id)
    .fetch_all(db)
    .await
    .context("listing sub-areas")?;
    from_rows(rows)
}

/// The area's ancestors, outermost (the city) first.
pub async fn ancestors(db: &Db, id: &str) -> anyhow::Result<Vec<Area>> {
    let rows = sqlx::query(
        "WITH RECURSIVE chain (id, parent_id, kind, slug, name, description, depth) AS ( \
           SELECT a.id, a.parent_id, a.kind, a.slug, a.name, a.description, 0 \
           FROM areas a WHERE a.id = (SELECT parent_id FROM areas WHERE id = $1) \
           UNION ALL \
           SELECT p.id, p.parent_id, p.kind, p.slug, p.name, p.description, c.depth + 1 \
           FROM areas p JOIN chain c ON p.id = c.parent_id WHERE c.depth < 16 \
         ) SELECT id, parent_id, kind, slug, name, description FROM chain ORDER BY depth DESC",
    )
    .bind(id)
    .fetch_all(db)
    .await
    .context("listing an area's ancestors")?;
    from_rows(rows)
}

pub struct NewArea<'a> {
    pub parent_id: Option<&'a str>,
    pub kind: AreaKind,
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateAreaError {
    #[error("the address is taken")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

pub async fn create(db: &Db, area: &NewArea<'_>) -> Result<String, CreateAreaError> {
    let id = new_id();
    let now = now_ms();
    let result = sqlx::query(
        "INSERT INTO areas (id, parent_id, kind, slug, name, description, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(area.parent_id)
    .bind(area.kind.as_str())
    .bind(area.slug)
    .bind(area.name)
    .bind(area.description)
    .bind(now)
    .execute(db)
    .await;
    match result {
        Ok(_) => Ok(id),
        Err(e) if is_unique_violation(&e) => Err(CreateAreaError::SlugTaken),
        Err(e) => Err(CreateAreaError::Other(
            anyhow::Error::new(e).context("creating an area"),
        )),
    }
}

pub async fn update(db: &Db, id: &str, name: &str, description: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE areas SET name = $1, description = $2, updated_at = $3 WHERE id = $4")
        .bind(name)
        .bind(description)
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await
        .context("saving an area")?;
    Ok(())
}

// ------------------------------------------------------------------ boundaries

/// A boundary as stored: the GeoJSON geometry text, read back by `areas::places`.
pub struct StoredBoundary {
    pub area_id: String,
    pub parent_id: Option<String>,
    pub geojson: String,
}

/// What the point index was built from, in a few numbers: when any of them changes, another
/// process has saved a boundary or renamed, added or removed an area.
pub async fn places_version(db: &Db) -> anyhow::Result<[i64; 4]> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM area_boundaries) AS boundaries, \
                (SELECT COALESCE(MAX(updated_at), 0) FROM area_boundaries) AS boundaries_at, \
                (SELECT COUNT(*) FROM areas) AS areas, \
                (SELECT COALESCE(MAX(updated_at), 0) FROM areas) AS areas_at",
    )
    .fetch_one(db)
    .await
    .context("reading the places' version")?;
    Ok([
        row.try_get("boundaries")?,
        row.try_get("boundaries_at")?,
        row.try_get("areas")?,
        row.try_get("areas_at")?,
    ])
}

/// Every stored boundary with its area's parent: what the point index is built from.
/// Boundaries are few (one per area) and the index must hold them all.
pub async fn all_boundaries(db: &Db) -> anyhow::Result<Vec<StoredBoundary>> {
    let rows = sqlx::query(
        "SELECT b.area_id, a.parent_id, b.geojson FROM area_boundaries b \
         JOIN areas a ON a.id = b.area_id ORDER BY b.area_id",
    )
    .fetch_all(db)
    .await
    .context("loading area boundaries")?;
    rows.iter().map(boundary_from_row).collect()
}

fn boundary_from_row(row: &AnyRow) -> anyhow::Result<StoredBoundary> {
    Ok(StoredBoundary {
        area_id: row.try_get("area_id")?,
        parent_id: row.try_get("parent_id")?,
        geojson: row.try_get("geojson")?,
    })
}

/// The GeoJSON geometry text of an area's boundary.
pub async fn boundary_text(db: &Db, area_id: &str) -> anyhow::Result<Option<String>> {
    sqlx::query_scalar("SELECT geojson FROM area_boundaries WHERE area_id = $1")
        .bind(area_id)
        .fetch_optional(db)
        .await
        .context("loading an area's boundary")
}

/// The boundaries of an area's direct sub-areas (those that have one), by name.
pub async fn children_boundary_texts(
    db: &Db,
    area_id: &str,
) -> anyhow::Result<Vec<(Area, String)>> {
    let rows = sqlx::query(
        "SELECT a.id, a.parent_id, a.kind, a.slug, a.name, a.description, b.geojson \
         FROM areas a JOIN area_boundaries b ON b.area_id = a.id \
         WHERE a.parent_id = $1 ORDER BY a.name, a.id",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("loading sub-areas' boundaries")?;
    rows.iter()
        .map(|row| Ok((from_row(row)?, row.try_get("geojson")?)))
        .collect()
}

/// An area and every area inside it (at most three levels), for matching uploaded features.
pub async fn with_descendants(db: &Db, id: &str) -> anyhow::Result<Vec<Area>> {
    let rows = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM areas WHERE id = $1 OR parent_id = $1 \
           OR parent_id IN (SELECT id FROM areas WHERE parent_id = $1) ORDER BY name, id"
    ))
    .bind(id)
    .fetch_all(db)
    .await
    .context("listing an area and the areas inside it")?;
    from_rows(rows)
}

/// One boundary to save: the geometry's GeoJSON text and its box.
pub struct NewBoundary {
    pub area_id: String,
    pub geojson: String,
    pub bounds: places::Bounds,
}

/// Saves boundaries all together or not at all.
pub async fn save_boundaries(
    db: &Db,
    boundaries: &[NewBoundary],
    by: Option<&str>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db).await?;
    let now = now_ms();
    for b in boundaries {
        sqlx::query(
            "INSERT INTO area_boundaries \
               (area_id, geojson, min_lon, min_lat, max_lon, max_lat, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (area_id) DO UPDATE SET geojson = excluded.geojson, \
               min_lon = excluded.min_lon, min_lat = excluded.min_lat, \
               max_lon = excluded.max_lon, max_lat = excluded.max_lat, \
               updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(&b.area_id)
        .bind(&b.geojson)
        .bind(b.bounds.min_lon)
        .bind(b.bounds.min_lat)
        .bind(b.bounds.max_lon)
        .bind(b.bounds.max_lat)
        .bind(by)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("saving an area's boundary")?;
        if let Some(actor) = by {
            audit_boundary(&mut tx, &b.area_id, actor).await?;
        }
    }
    tx.commit().await.context("committing boundaries")?;
    Ok(())
}

/// Writes the audit entry for an area's new boundary.
async fn audit_boundary(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    area_id: &str,
    actor: &str,
) -> anyhow::Result<()> {
    let row = sqlx::query("SELECT name, slug FROM areas WHERE id = $1")
        .bind(area_id)
        .fetch_one(&mut **tx)
        .await
        .context("naming an area")?;
    let name: String = row.try_get("name")?;
    let slug: String = row.try_get("slug")?;
    let link = format!("/areas/{slug}");
    let entry = crate::audit::Entry {
        actor_id: Some(actor),
        action: crate::audit::Action::BoundariesImported,
        item: crate::audit::Item {
            kind: "area",
            id: area_id,
            label: &name,
            link: &link,
        },
        detail: "",
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

/// Removes an area's boundary.
pub async fn delete_boundary(db: &Db, area_id: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM area_boundaries WHERE area_id = $1")
        .bind(area_id)
        .execute(db)
        .await
        .context("removing an area's boundary")?;
    Ok(())
}

/// A page of boundaries for the export, newest change first, older than the cursor
/// `(updated_at, area_id)`: (area, geojson, updated_at).
pub async fn boundaries_page(
    db: &Db,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<(Area, String, i64)>> {
    let (before_at, before_id) = before.unwrap_or((i64::MAX, "\u{10FFFF}"));
    let rows = sqlx::query(
        "SELECT a.id, a.parent_id, a.kind, a.slug, a.name, a.description, b.geojson, \
           b.updated_at FROM area_boundaries b JOIN areas a ON a.id = b.area_id \
         WHERE b.updated_at < $1 OR (b.updated_at = $1 AND b.area_id < $2) \
         ORDER BY b.updated_at DESC, b.area_id DESC LIMIT $3",
    )
    .bind(before_at)
    .bind(before_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing boundaries")?;
    rows.iter()
        .map(|row| {
            Ok((
                from_row(row)?,
                row.try_get("geojson")?,
                row.try_get("updated_at")?,
            ))
        })
        .collect()
}
