//! All SQL of "Your work": how many items wait in each queue a person owns. Every count is
//! narrowed by an indexed column first (an organisation, an area tree, an open flag) and
//! every list is bounded, so the page costs the same on a city of a million reports.

use anyhow::Context;
use sqlx::Row;

use crate::db::Db;

/// Most rows one queue lists; more are reached through the queue's own page.
pub const QUEUE_ROWS: i64 = 50;

/// One place where work waits: a page to open, what it is called, and how many items wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub href: String,
    pub label: String,
    pub count: i64,
}

/// An organisation the person answers for, with its reports still open and its published
/// stories without an answer.
#[derive(Clone, Debug)]
pub struct OrganisationWork {
    pub slug: String,
    pub name: String,
    pub reports_waiting: i64,
    pub stories_to_answer: i64,
}

/// The organisations `user_id` answers for (an official or admin member of).
pub async fn organisations(db: &Db, user_id: &str) -> anyhow::Result<Vec<OrganisationWork>> {
    // Reports waiting from the counts kept per status (migration 0023: counting a city
    // department's 600,000 waiting reports took 300 ms); stories_organisation
    // (organisation_id, status, published_at) serves the other count.
    let rows = sqlx::query(
        "SELECT o.slug, o.name, \
           (SELECT CAST(COALESCE(SUM(t.n), 0) AS BIGINT) FROM report_tallies t \
              WHERE t.organisation_id = o.id \
              AND t.measure IN ('status:open', 'status:acknowledged', 'status:in_progress')) \
              AS reports_waiting, \
           (SELECT COUNT(*) FROM stories s WHERE s.organisation_id = o.id \
              AND s.status = 'published' AND s.responded_at IS NULL \
              AND s.hidden_reason = '') AS stories_to_answer \
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 AND m.role IN ('official', 'admin') \
         ORDER BY o.name, o.id LIMIT $2",
    )
    .bind(user_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("counting an official's organisations' work")?;
    rows.iter()
        .map(|row| {
            Ok(OrganisationWork {
                slug: row.try_get("slug")?,
                name: row.try_get("name")?,
                reports_waiting: row.try_get("reports_waiting")?,
                stories_to_answer: row.try_get("stories_to_answer")?,
            })
        })
        .collect()
}

/// An area where the person holds a role that comes with work, and that role.
#[derive(Clone, Debug)]
pub struct RoleArea {
    pub area_id: String,
    pub role: String,
}

/// The areas where `user_id` is a connector, an official or an admin.
pub async fn role_areas(db: &Db, user_id: &str) -> anyhow::Result<Vec<RoleArea>> {
    let rows = sqlx::query(
        "SELECT area_id, role FROM area_roles WHERE user_id = $1 \
         AND role IN ('connector', 'official', 'admin') ORDER BY area_id, role LIMIT $2",
    )
    .bind(user_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("listing someone's working roles")?;
    rows.iter()
        .map(|row| {
            Ok(RoleArea {
                area_id: row.try_get("area_id")?,
                role: row.try_get("role")?,
            })
        })
        .collect()
}

/// Rows of (slug, label, count) as `Waiting` items under `prefix` and `suffix`.
fn waiting_rows(
    rows: &[sqlx::any::AnyRow],
    prefix: &str,
    suffix: &str,
) -> anyhow::Result<Vec<Waiting>> {
    rows.iter()
        .map(|row| {
            let slug: String = row.try_get("slug")?;
            Ok(Waiting {
                href: format!("{prefix}{slug}{suffix}"),
                label: row.try_get("label")?,
                count: row.try_get("n")?,
            })
        })
        .collect()
}

/// Unverified residents per area, in `area_id` and the areas inside it (`""`: everywhere).
pub async fn residents_waiting(db: &Db, area_id: &str) -> anyhow::Result<Vec<Waiting>> {
    let rows = sqlx::query(concat!(
        "SELECT a.slug, a.name AS label, COUNT(*) AS n FROM area_roles r \
         JOIN areas a ON a.id = r.area_id \
         WHERE r.role = 'resident' AND r.verified_at IS NULL AND ($1 = '' OR ",
        crate::in_area_tree!("r.area_id", "$1"),
        ") GROUP BY a.slug, a.name ORDER BY a.name, a.slug LIMIT $2"
    ))
    .bind(area_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("counting residents waiting to be verified")?;
    waiting_rows(&rows, "/areas/", "/people")
}

/// Proposals not yet reviewed, per budget process still taking or reviewing ideas.
pub async fn proposals_to_review(db: &Db, area_id: &str) -> anyhow::Result<Vec<Waiting>> {
    let rows = sqlx::query(concat!(
        "SELECT p.slug, p.title AS label, COUNT(*) AS n FROM pb_processes p \
         JOIN pb_projects j ON j.process_id = p.id \
         WHERE p.phase IN ('ideas', 'review') AND j.status = 'proposed' AND ($1 = '' OR ",
        crate::in_area_tree!("p.area_id", "$1"),
        ") GROUP BY p.slug, p.title ORDER BY p.title, p.slug LIMIT $2"
    ))
    .bind(area_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("counting budget proposals to review")?;
    waiting_rows(&rows, "/budgets/", "/manage")
}

/// Juries whose registration has closed and whose panel is not drawn yet, with how many
/// volunteers wait for the draw.
pub async fn juries_to_draw(db: &Db, area_id: &str) -> anyhow::Result<Vec<Waiting>> {
    let rows = sqlx::query(concat!(
        "SELECT j.slug, j.title AS label, \
           (SELECT COUNT(*) FROM jury_volunteers v WHERE v.jury_id = j.id) AS n \
         FROM juries j WHERE j.status = 'closed' AND ($1 = '' OR ",
        crate::in_area_tree!("j.area_id", "$1"),
        ") ORDER BY j.title, j.slug LIMIT $2"
    ))
    .bind(area_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("listing juries to draw")?;
    waiting_rows(&rows, "/juries/", "/manage")
}

/// Mapping exercises still open, with how many people have answered so far.
pub async fn open_exercises(db: &Db, area_id: &str) -> anyhow::Result<Vec<Waiting>> {
    let rows = sqlx::query(concat!(
        "SELECT e.slug, e.title AS label, \
           (SELECT COUNT(*) FROM mapping_nodes r WHERE r.exercise_id = e.id \
              AND r.responded_at IS NOT NULL) AS n \
         FROM mapping_exercises e WHERE e.closed = FALSE AND ($1 = '' OR ",
        crate::in_area_tree!("e.area_id", "$1"),
        ") ORDER BY e.title, e.slug LIMIT $2"
    ))
    .bind(area_id)
    .bind(QUEUE_ROWS)
    .fetch_all(db)
    .await
    .context("listing open mapping exercises")?;
    waiting_rows(&rows, "/mapping/", "")
}

/// The site-wide queues of moderators (site admins): flagged items and stories to publish.
pub struct ModerationWork {
    pub open_flags: i64,
    pub stories_to_moderate: i64,
}

pub async fn moderation(db: &Db) -> anyhow::Result<ModerationWork> {
    // flags_open (resolved_at, created_at) and stories_status (status, created_at).
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM flags WHERE resolved_at IS NULL) AS flags, \
                (SELECT COUNT(*) FROM stories WHERE status = 'pending') AS stories",
    )
    .fetch_one(db)
    .await
    .context("counting the moderation queues")?;
    Ok(ModerationWork {
        open_flags: row.try_get("flags")?,
        stories_to_moderate: row.try_get("stories")?,
    })
}
