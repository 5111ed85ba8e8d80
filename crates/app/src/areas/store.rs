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
