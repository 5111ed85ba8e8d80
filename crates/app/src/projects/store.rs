//! All SQL about community projects, their teams and updates.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Debug)]
pub struct Project {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub purpose: String,
    pub area_id: String,
    pub area_name: String,
}

macro_rules! select_project {
    () => {
        "SELECT p.id, p.slug, p.title, p.purpose, p.area_id, a.name AS area_name \
         FROM community_projects p JOIN areas a ON a.id = p.area_id"
    };
}

fn project_from_row(row: &AnyRow) -> anyhow::Result<Project> {
    Ok(Project {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        purpose: row.try_get("purpose")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum CreateProjectError {
    #[error("a project with this address already exists")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Creates the project with its creator as the first member of the team.
pub async fn create(
    db: &Db,
    area_id: &str,
    slug: &str,
    title: &str,
    purpose: &str,
    by: &str,
    by_role: &str,
) -> Result<String, CreateProjectError> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO community_projects (id, slug, area_id, title, purpose, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(slug)
    .bind(area_id)
    .bind(title)
    .bind(purpose)
    .bind(by)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(CreateProjectError::SlugTaken),
        Err(e) => return Err(anyhow::Error::new(e).context("creating a project").into()),
    }
    sqlx::query(
        "INSERT INTO community_project_members (project_id, user_id, role, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(by)
    .bind(by_role)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("adding a project's first member")?;
    tx.commit().await.context("committing a new project")?;
    Ok(id)
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Project>> {
    let row = sqlx::query(concat!(select_project!(), " WHERE p.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("finding a project")?;
    row.as_ref().map(project_from_row).transpose()
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Project>> {
    let rows = sqlx::query(concat!(
        select_project!(),
        " ORDER BY p.created_at DESC, p.id"
    ))
    .fetch_all(db)
    .await
    .context("listing projects")?;
    rows.iter().map(project_from_row).collect()
}

/// The projects whose team someone is in.
pub async fn of_member(db: &Db, user_id: &str) -> anyhow::Result<Vec<Project>> {
    let rows = sqlx::query(concat!(
        select_project!(),
        " JOIN community_project_members m ON m.project_id = p.id WHERE m.user_id = $1 \
          ORDER BY p.title"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's projects")?;
    rows.iter().map(project_from_row).collect()
}

pub async fn is_member(db: &Db, project_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM community_project_members WHERE project_id = $1 AND user_id = $2",
    )
    .bind(project_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("checking a project's team")?;
    Ok(found.is_some())
}

/// (name, role) of each team member.
pub async fn members(db: &Db, project_id: &str) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT u.display_name, m.role FROM community_project_members m \
         JOIN users u ON u.id = m.user_id WHERE m.project_id = $1 ORDER BY m.created_at, u.id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await
    .context("listing a project's team")?;
    rows.iter()
        .map(|r| Ok((r.try_get("display_name")?, r.try_get("role")?)))
        .collect()
}

/// Adds someone to the team (or changes their role).
pub async fn add_member(
    db: &Db,
    project_id: &str,
    user_id: &str,
    role: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO community_project_members (project_id, user_id, role, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (project_id, user_id) DO UPDATE SET role = $3",
    )
    .bind(project_id)
    .bind(user_id)
    .bind(role)
    .bind(now_ms())
    .execute(db)
    .await
    .context("adding a team member")?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Update {
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn updates(db: &Db, project_id: &str) -> anyhow::Result<Vec<Update>> {
    let rows = sqlx::query(
        "SELECT COALESCE(u.display_name, '') AS author_name, c.body, c.created_at \
         FROM community_project_updates c LEFT JOIN users u ON u.id = c.author_id \
         WHERE c.project_id = $1 ORDER BY c.created_at DESC, c.id DESC",
    )
    .bind(project_id)
    .fetch_all(db)
    .await
    .context("listing a project's updates")?;
    rows.iter()
        .map(|r| {
            Ok(Update {
                author_name: r.try_get("author_name")?,
                body: r.try_get("body")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

pub async fn add_update(
    db: &Db,
    project_id: &str,
    author_id: &str,
    body: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO community_project_updates (id, project_id, author_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(author_id)
    .bind(body)
    .bind(now_ms())
    .execute(db)
    .await
    .context("posting a project update")?;
    Ok(())
}
