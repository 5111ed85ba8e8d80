//! All SQL about roles in areas, resident verification and invitation codes.

use anyhow::Context;
use serde::Serialize;
use sqlx::Row;

use crate::audit::{Action, Entry, Item};
use crate::db::{Db, now_ms};
use crate::roles::policy::Role;

/// Roles `user_id` holds on the area or any area around it.
pub async fn held_in_area_chain(
    db: &Db,
    user_id: &str,
    area_id: &str,
) -> anyhow::Result<Vec<Role>> {
    let rows = sqlx::query(
        "WITH RECURSIVE chain (id, depth) AS ( \
           SELECT id, 0 FROM areas WHERE id = $1 \
           UNION ALL \
           SELECT a.parent_id, c.depth + 1 FROM areas a JOIN chain c ON a.id = c.id \
           WHERE a.parent_id IS NOT NULL AND c.depth < 16 \
         ) SELECT DISTINCT r.role FROM area_roles r JOIN chain c ON r.area_id = c.id \
           WHERE r.user_id = $2",
    )
    .bind(area_id)
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("loading someone's roles in an area")?;
    rows.iter()
        .map(|r| {
            let name: String = r.try_get("role")?;
            Role::parse(&name).with_context(|| format!("unknown role {name:?}"))
        })
        .collect()
}

/// Gives a role (already verified: roles other than resident are given by admins),
/// recorded in the audit log as `granted_by`'s. Returns false if the person already had it.
pub async fn grant(
    db: &Db,
    user_id: &str,
    area_id: &str,
    role: Role,
    granted_by: &str,
) -> anyhow::Result<bool> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done = sqlx::query(
        "INSERT INTO area_roles (user_id, area_id, role, granted_by, verified_by, verified_at, created_at) \
         VALUES ($1, $2, $3, $4, $4, $5, $5) ON CONFLICT (user_id, area_id, role) DO NOTHING",
    )
    .bind(user_id)
    .bind(area_id)
    .bind(role.as_str())
    .bind(granted_by)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("granting a role")?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let change = RoleChange {
        user_id,
        area_id,
        action: Action::RoleGranted,
        detail: role.as_str(),
    };
    audit_role(&mut tx, &change, granted_by).await?;
    tx.commit().await.context("committing a role")?;
    Ok(true)
}

/// Takes a role away, recorded in the audit log as `revoked_by`'s; false if it was not held.
pub async fn revoke(
    db: &Db,
    user_id: &str,
    area_id: &str,
    role: Role,
    revoked_by: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done =
        sqlx::query("DELETE FROM area_roles WHERE user_id = $1 AND area_id = $2 AND role = $3")
            .bind(user_id)
            .bind(area_id)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await
            .context("removing a role")?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let change = RoleChange {
        user_id,
        area_id,
        action: Action::RoleRevoked,
        detail: role.as_str(),
    };
    audit_role(&mut tx, &change, revoked_by).await?;
    tx.commit().await.context("committing a role's removal")?;
    Ok(true)
}

/// A change to someone's standing in an area, as the audit log records it.
struct RoleChange<'a> {
    user_id: &'a str,
    area_id: &'a str,
    action: Action,
    detail: &'a str,
}

/// Writes the audit entry for a role change: the person named as "Name · Area", linked to
/// the area's people page.
async fn audit_role(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    change: &RoleChange<'_>,
    actor: &str,
) -> anyhow::Result<()> {
    let row = sqlx::query(
        "SELECT u.display_name, a.name, a.slug FROM users u, areas a WHERE u.id = $1 AND a.id = $2",
    )
    .bind(change.user_id)
    .bind(change.area_id)
    .fetch_one(&mut **tx)
    .await
    .context("naming a role's holder")?;
    let person: String = row.try_get("display_name")?;
    let area: String = row.try_get("name")?;
    let slug: String = row.try_get("slug")?;
    let label = format!("{person} · {area}");
    let link = format!("/areas/{slug}/people");
    let entry = Entry {
        actor_id: Some(actor),
        action: change.action,
        item: Item {
            kind: "user",
            id: change.user_id,
            label: &label,
            link: &link,
        },
        detail: change.detail,
    };
    crate::audit::store::write(&mut **tx, &entry).await
}

/// Someone says they live in the area: an unverified resident until an official confirms.
/// True when this is new (not said before).
pub async fn claim_residence(db: &Db, user_id: &str, area_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO area_roles (user_id, area_id, role, granted_by, created_at) \
         VALUES ($1, $2, 'resident', $1, $3) ON CONFLICT (user_id, area_id, role) DO NOTHING",
    )
    .bind(user_id)
    .bind(area_id)
    .bind(now_ms())
    .execute(db)
    .await
    .context("recording where someone lives")?;
    Ok(done.rows_affected() == 1)
}

/// Confirms a resident, recorded in the audit log as `verified_by`'s; false if they had not
/// claimed residence or were verified already.
pub async fn verify_resident(
    db: &Db,
    user_id: &str,
    area_id: &str,
    verified_by: &str,
) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done = sqlx::query(
        "UPDATE area_roles SET verified_by = $1, verified_at = $2 \
         WHERE user_id = $3 AND area_id = $4 AND role = 'resident' AND verified_at IS NULL",
    )
    .bind(verified_by)
    .bind(now_ms())
    .bind(user_id)
    .bind(area_id)
    .execute(&mut *tx)
    .await
    .context("verifying a resident")?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let change = RoleChange {
        user_id,
        area_id,
        action: Action::ResidentVerified,
        detail: "",
    };
    audit_role(&mut tx, &change, verified_by).await?;
    tx.commit().await.context("committing a verification")?;
    Ok(true)
}

#[derive(Clone, Debug, Serialize)]
pub struct RoleHolder {
    pub user_id: String,
    pub display_name: String,
    pub role: Role,
    pub verified: bool,
}

/// Everyone holding a role directly on the area, by role then name.
pub async fn holders(db: &Db, area_id: &str) -> anyhow::Result<Vec<RoleHolder>> {
    let rows = sqlx::query(
        "SELECT r.user_id, u.display_name, r.role, r.verified_at FROM area_roles r \
         JOIN users u ON u.id = r.user_id WHERE r.area_id = $1 ORDER BY r.role, u.display_name, u.id",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("listing people with roles in an area")?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            let verified_at: Option<i64> = r.try_get("verified_at")?;
            Ok(RoleHolder {
                user_id: r.try_get("user_id")?,
                display_name: r.try_get("display_name")?,
                role: Role::parse(&role).with_context(|| format!("unknown role {role:?}"))?,
                verified: verified_at.is_some(),
            })
        })
        .collect()
}

#[derive(Clone, Debug, Serialize)]
pub struct HeldRole {
    pub area_slug: String,
    pub area_name: String,
    pub role: Role,
    pub verified: bool,
}

/// Every role a person holds, for their account page and data export.
pub async fn of_user(db: &Db, user_id: &str) -> anyhow::Result<Vec<HeldRole>> {
    let rows = sqlx::query(
        "SELECT a.slug, a.name, r.role, r.verified_at FROM area_roles r \
         JOIN areas a ON a.id = r.area_id WHERE r.user_id = $1 ORDER BY a.name, r.role",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's roles")?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            let verified_at: Option<i64> = r.try_get("verified_at")?;
            Ok(HeldRole {
                area_slug: r.try_get("slug")?,
                area_name: r.try_get("name")?,
                role: Role::parse(&role).with_context(|| format!("unknown role {role:?}"))?,
                verified: verified_at.is_some(),
            })
        })
        .collect()
}

/// Codes are printed on letters, so they avoid look-alike characters (0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A random code of `len` characters that reads well on paper (about 5 bits each).
pub fn printable_code(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect()
}

/// A printed code as someone typed it: upper case, without spaces, dashes or anything else.
pub fn code_as_typed(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn new_code() -> String {
    let chars = printable_code(8);
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// Makes `count` single-use invitation codes that verify a resident of the area.
pub async fn create_invitations(
    db: &Db,
    area_id: &str,
    created_by: &str,
    count: usize,
) -> anyhow::Result<Vec<String>> {
    let mut tx = crate::db::begin(db).await?;
    let mut codes = Vec::with_capacity(count);
    let now = now_ms();
    for _ in 0..count {
        let code = new_code();
        sqlx::query("INSERT INTO invitation_codes (code, area_id, created_by, created_at) VALUES ($1, $2, $3, $4)")
            .bind(&code)
            .bind(area_id)
            .bind(created_by)
            .bind(now)
            .execute(&mut *tx)
            .await
            .context("creating an invitation code")?;
        codes.push(code);
    }
    tx.commit().await?;
    Ok(codes)
}

#[derive(Clone, Debug)]
pub struct Invitation {
    pub code: String,
    pub used: bool,
    pub created_at: i64,
}

pub async fn invitations(db: &Db, area_id: &str) -> anyhow::Result<Vec<Invitation>> {
    let rows = sqlx::query(
        "SELECT code, used_at, created_at FROM invitation_codes WHERE area_id = $1 \
         ORDER BY created_at DESC, code LIMIT 500",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("listing invitation codes")?;
    rows.iter()
        .map(|r| {
            let used_at: Option<i64> = r.try_get("used_at")?;
            Ok(Invitation {
                code: r.try_get("code")?,
                used: used_at.is_some(),
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Uses a code: the person becomes a verified resident of the code's area. Returns the
/// area's id, or None if the code is unknown or used.
pub async fn redeem_invitation(
    db: &Db,
    code: &str,
    user_id: &str,
) -> anyhow::Result<Option<String>> {
    let mut tx = crate::db::begin(db).await?;
    let now = now_ms();
    let row = sqlx::query(
        "UPDATE invitation_codes SET used_by = $1, used_at = $2 \
         WHERE code = $3 AND used_at IS NULL RETURNING area_id, created_by",
    )
    .bind(user_id)
    .bind(now)
    .bind(code)
    .fetch_optional(&mut *tx)
    .await
    .context("using an invitation code")?;
    let Some(row) = row else {
        return Ok(None);
    };
    let area_id: String = row.try_get("area_id")?;
    let issuer: Option<String> = row.try_get("created_by")?;
    sqlx::query(
        "INSERT INTO area_roles (user_id, area_id, role, granted_by, verified_by, verified_at, created_at) \
         VALUES ($1, $2, 'resident', $1, $3, $4, $4) ON CONFLICT (user_id, area_id, role) \
         DO UPDATE SET verified_by = $3, verified_at = $4",
    )
    .bind(user_id)
    .bind(&area_id)
    .bind(issuer)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("verifying a resident by code")?;
    tx.commit().await?;
    Ok(Some(area_id))
}

/// The people residents can turn to in an area: everyone with a role there other than
/// resident or admin (representatives, officials, connectors, moderators), at most `limit`.
/// area_roles_area (area_id, role) serves it, so residents are never read.
pub async fn contacts(db: &Db, area_id: &str, limit: i64) -> anyhow::Result<Vec<RoleHolder>> {
    let rows = sqlx::query(
        "SELECT r.user_id, u.display_name, r.role, r.verified_at FROM area_roles r \
         JOIN users u ON u.id = r.user_id WHERE r.area_id = $1 \
         AND r.role IN ('connector', 'official', 'representative', 'moderator') \
         ORDER BY r.role, u.display_name, u.id LIMIT $2",
    )
    .bind(area_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing an area's contacts")?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            let verified_at: Option<i64> = r.try_get("verified_at")?;
            Ok(RoleHolder {
                user_id: r.try_get("user_id")?,
                display_name: r.try_get("display_name")?,
                role: Role::parse(&role).with_context(|| format!("unknown role {role:?}"))?,
                verified: verified_at.is_some(),
            })
        })
        .collect()
}

/// How many verified residents an area has, and whether `user_id` (if any) lives there.
pub async fn residence(
    db: &Db,
    area_id: &str,
    user_id: Option<&str>,
) -> anyhow::Result<(i64, bool)> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM area_roles WHERE area_id = $1 AND role = 'resident' \
                   AND verified_at IS NOT NULL) AS verified, \
                (SELECT COUNT(*) FROM area_roles WHERE area_id = $1 AND role = 'resident' \
                   AND user_id = $2) AS mine",
    )
    .bind(area_id)
    .bind(user_id.unwrap_or(""))
    .fetch_one(db)
    .await
    .context("counting an area's residents")?;
    Ok((row.try_get("verified")?, row.try_get::<i64, _>("mine")? > 0))
}

/// Who verifies residents of an area: its officials and admins and those of the areas
/// around it, with their language (at most 50: a notice, not a mailing list).
pub async fn verifiers(db: &Db, area_id: &str) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "WITH RECURSIVE chain (id, depth) AS ( \
           SELECT id, 0 FROM areas WHERE id = $1 \
           UNION ALL \
           SELECT a.parent_id, c.depth + 1 FROM areas a JOIN chain c ON a.id = c.id \
           WHERE a.parent_id IS NOT NULL AND c.depth < 16 \
         ) SELECT DISTINCT u.id, u.locale FROM area_roles r JOIN chain c ON r.area_id = c.id \
           JOIN users u ON u.id = r.user_id WHERE r.role IN ('official', 'admin') \
           ORDER BY u.id LIMIT 50",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("finding who verifies an area's residents")?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("locale")?)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn invitation_codes_are_readable() {
        let code = super::new_code();
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
    }
}
