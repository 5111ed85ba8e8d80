//! All SQL about organisations and their members.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{Action, Entry, Item};
use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    CouncilDepartment,
    Agency,
    HealthService,
    CommunityGroup,
    Charity,
    Business,
    MicroProvider,
}

pub const ALL_KINDS: [OrgKind; 7] = [
    OrgKind::CouncilDepartment,
    OrgKind::Agency,
    OrgKind::HealthService,
    OrgKind::CommunityGroup,
    OrgKind::Charity,
    OrgKind::Business,
    OrgKind::MicroProvider,
];

impl OrgKind {
    pub fn parse(value: &str) -> Option<OrgKind> {
        ALL_KINDS.into_iter().find(|k| k.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::CouncilDepartment => "council_department",
            OrgKind::Agency => "agency",
            OrgKind::HealthService => "health_service",
            OrgKind::CommunityGroup => "community_group",
            OrgKind::Charity => "charity",
            OrgKind::Business => "business",
            OrgKind::MicroProvider => "micro_provider",
        }
    }

    pub fn label_key(self) -> String {
        format!("org-kind-{}", self.as_str().replace('_', "-"))
    }

    /// Public bodies speak for the state, so only site admins may register them.
    pub fn is_public_body(self) -> bool {
        matches!(
            self,
            OrgKind::CouncilDepartment | OrgKind::Agency | OrgKind::HealthService
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberRole {
    Member,
    Official,
    Admin,
}

pub const ALL_MEMBER_ROLES: [MemberRole; 3] =
    [MemberRole::Member, MemberRole::Official, MemberRole::Admin];

impl MemberRole {
    pub fn parse(value: &str) -> Option<MemberRole> {
        ALL_MEMBER_ROLES.into_iter().find(|r| r.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Member => "member",
            MemberRole::Official => "official",
            MemberRole::Admin => "admin",
        }
    }

    pub fn label_key(self) -> String {
        format!("member-role-{}", self.as_str())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Organisation {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub description: String,
    pub website: String,
    pub area_id: Option<String>,
    pub area_name: Option<String>,
    pub area_slug: Option<String>,
}

/// The query every organisation read starts with, in [`from_row`]'s order.
macro_rules! select {
    () => {
        "SELECT o.id, o.slug, o.name, o.kind, o.description, o.website, o.area_id, \
    a.name AS area_name, a.slug AS area_slug FROM organisations o LEFT JOIN areas a ON a.id = o.area_id"
    };
}

fn from_row(row: &AnyRow) -> anyhow::Result<Organisation> {
    let kind: String = row.try_get("kind")?;
    Ok(Organisation {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        kind: OrgKind::parse(&kind)
            .with_context(|| format!("unknown organisation kind {kind:?}"))?,
        description: row.try_get("description")?,
        website: row.try_get("website")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
    })
}

/// Organisations, optionally only of one kind and/or one area.
pub async fn list(
    db: &Db,
    kind: Option<OrgKind>,
    area_id: Option<&str>,
) -> anyhow::Result<Vec<Organisation>> {
    let rows = sqlx::query(concat!(
        select!(),
        " WHERE ($1 = '' OR o.kind = $1) AND ($2 = '' OR o.area_id = $2) ORDER BY o.name, o.id"
    ))
    .bind(kind.map(OrgKind::as_str).unwrap_or(""))
    .bind(area_id.unwrap_or(""))
    .fetch_all(db)
    .await
    .context("listing organisations")?;
    rows.iter().map(from_row).collect()
}

/// The name of every organisation registered on the site (each has a public page).
pub async fn names(db: &Db) -> anyhow::Result<Vec<String>> {
    sqlx::query_scalar("SELECT name FROM organisations")
        .fetch_all(db)
        .await
        .context("listing the names of organisations")
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Organisation>> {
    let row = sqlx::query(concat!(select!(), " WHERE o.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("loading an organisation")?;
    row.as_ref().map(from_row).transpose()
}

pub struct OrgFields<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: OrgKind,
    pub description: &'a str,
    pub website: &'a str,
    pub area_id: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateOrgError {
    #[error("the address is taken")]
    SlugTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Creates an organisation with its creator as its first admin.
pub async fn create(
    db: &Db,
    org: &OrgFields<'_>,
    creator_id: &str,
) -> Result<String, CreateOrgError> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO organisations (id, slug, name, kind, description, website, area_id, created_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(org.slug)
    .bind(org.name)
    .bind(org.kind.as_str())
    .bind(org.description)
    .bind(org.website)
    .bind(org.area_id)
    .bind(creator_id)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(CreateOrgError::SlugTaken),
        Err(e) => {
            return Err(CreateOrgError::Other(
                anyhow::Error::new(e).context("creating an organisation"),
            ));
        }
    }
    sqlx::query("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, 'admin', $3)")
        .bind(&id)
        .bind(creator_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("making the creator an admin")?;
    tx.commit().await.context("committing a new organisation")?;
    Ok(id)
}

pub async fn update(db: &Db, id: &str, org: &OrgFields<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE organisations SET name = $1, kind = $2, description = $3, website = $4, area_id = $5, \
         updated_at = $6 WHERE id = $7",
    )
    .bind(org.name)
    .bind(org.kind.as_str())
    .bind(org.description)
    .bind(org.website)
    .bind(org.area_id)
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await
    .context("saving an organisation")?;
    Ok(())
}

#[derive(Clone, Debug, Serialize)]
pub struct Member {
    pub user_id: String,
    pub display_name: String,
    pub role: MemberRole,
}

pub async fn members(db: &Db, organisation_id: &str) -> anyhow::Result<Vec<Member>> {
    let rows = sqlx::query(
        "SELECT m.user_id, u.display_name, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 ORDER BY u.display_name, u.id",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
    .context("listing members")?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            Ok(Member {
                user_id: r.try_get("user_id")?,
                display_name: r.try_get("display_name")?,
                role: MemberRole::parse(&role)
                    .with_context(|| format!("unknown member role {role:?}"))?,
            })
        })
        .collect()
}

pub async fn role_of(
    db: &Db,
    organisation_id: &str,
    user_id: &str,
) -> anyhow::Result<Option<MemberRole>> {
    let row =
        sqlx::query("SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2")
            .bind(organisation_id)
            .bind(user_id)
            .fetch_optional(db)
            .await
            .context("loading a membership")?;
    row.map(|r| {
        let role: String = r.try_get("role")?;
        MemberRole::parse(&role).with_context(|| format!("unknown member role {role:?}"))
    })
    .transpose()
}

/// Whether the user answers for the organisation in public (reports, stories): one of its
/// officials or admins.
pub async fn answers_for(db: &Db, organisation_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let role = role_of(db, organisation_id, user_id).await?;
    Ok(matches!(
        role,
        Some(MemberRole::Official | MemberRole::Admin)
    ))
}

/// Adds a member or changes their role, recorded in the audit log as `actor`'s.
pub async fn set_member(
    db: &Db,
    organisation_id: &str,
    user_id: &str,
    role: MemberRole,
    actor: &str,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = $3",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("saving a membership")?;
    let change = (Action::MemberSet, role.as_str());
    audit_member(&mut tx, organisation_id, user_id, change, actor).await?;
    tx.commit().await.context("committing a membership")?;
    Ok(())
}

/// Removes a member, recorded in the audit log as `actor`'s.
pub async fn remove_member(
    db: &Db,
    organisation_id: &str,
    user_id: &str,
    actor: &str,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    audit_member(
        &mut tx,
        organisation_id,
        user_id,
        (Action::MemberRemoved, ""),
        actor,
    )
    .await?;
    sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .context("removing a member")?;
    tx.commit().await.context("committing a member's removal")?;
    Ok(())
}

/// Writes the audit entry for a membership change: the person as "Name · Organisation".
async fn audit_member(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: &str,
    user_id: &str,
    (action, detail): (Action, &str),
    actor: &str,
) -> anyhow::Result<()> {
    let row = sqlx::query(
        "SELECT u.display_name, o.name, o.slug FROM users u, organisations o \
         WHERE u.id = $1 AND o.id = $2",
    )
    .bind(user_id)
    .bind(organisation_id)
    .fetch_one(&mut **tx)
    .await
    .context("naming a member")?;
    let person: String = row.try_get("display_name")?;
    let organisation: String = row.try_get("name")?;
    let slug: String = row.try_get("slug")?;
    let label = format!("{person} · {organisation}");
    let link = format!("/organisations/{slug}/members");
    let entry = Entry {
        actor_id: Some(actor),
        action,
        item: Item {
            kind: "user",
            id: user_id,
            label: &label,
            link: &link,
        },
        detail,
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

pub async fn admin_count(db: &Db, organisation_id: &str) -> anyhow::Result<i64> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM memberships WHERE organisation_id = $1 AND role = 'admin'",
    )
    .bind(organisation_id)
    .fetch_one(db)
    .await?;
    Ok(row.try_get("n")?)
}

#[derive(Clone, Debug, Serialize)]
pub struct Membership {
    pub organisation_slug: String,
    pub organisation_name: String,
    pub role: MemberRole,
}

pub async fn memberships_of(db: &Db, user_id: &str) -> anyhow::Result<Vec<Membership>> {
    let rows = sqlx::query(
        "SELECT o.slug, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 ORDER BY o.name",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's memberships")?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            Ok(Membership {
                organisation_slug: r.try_get("slug")?,
                organisation_name: r.try_get("name")?,
                role: MemberRole::parse(&role)
                    .with_context(|| format!("unknown member role {role:?}"))?,
            })
        })
        .collect()
}
