//! All SQL about sign-in sessions.

use anyhow::Context;
use sqlx::{Any, Executor, Row};

use crate::db::{Db, now_ms};
use crate::web::session::{CurrentUser, SESSION_DAYS, hash_token, random_token};

/// Starts a session and returns its token for the cookie.
pub async fn create(db: &Db, user_id: &str) -> anyhow::Result<String> {
    let token = random_token();
    let now = now_ms();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash_token(&token))
        .bind(user_id)
        .bind(now)
        .bind(now + SESSION_DAYS * 24 * 3600 * 1000)
        .execute(db)
        .await
        .context("starting a session")?;
    Ok(token)
}

pub async fn user_for_token_hash(db: &Db, token_hash: &str) -> anyhow::Result<Option<CurrentUser>> {
    let row = sqlx::query(
        // Whether the person has queues of their own ("Your work" in the menu) and where they
        // live come with the session: both are index lookups by the user's id.
        "SELECT u.id, u.email, u.display_name, CASE WHEN u.is_admin THEN 1 ELSE 0 END AS is_admin, \
           u.locale, h.slug AS home_slug, \
           CASE WHEN u.is_admin \
             OR EXISTS (SELECT 1 FROM area_roles r WHERE r.user_id = u.id \
                          AND r.role IN ('connector', 'official', 'admin')) \
             OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id \
                          AND m.role IN ('official', 'admin')) \
             OR EXISTS (SELECT 1 FROM provider_applications p WHERE p.user_id = u.id) \
           THEN 1 ELSE 0 END AS has_work \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN areas h ON h.id = u.home_area_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now_ms())
    .fetch_optional(db)
    .await
    .context("loading a session")?;
    row.map(|r| {
        Ok(CurrentUser {
            id: r.try_get("id")?,
            email: r.try_get("email")?,
            display_name: r.try_get("display_name")?,
            is_admin: r.try_get::<i64, _>("is_admin")? != 0,
            locale: r.try_get("locale")?,
            home_area_slug: r.try_get("home_slug")?,
            has_work: r.try_get::<i64, _>("has_work")? != 0,
        })
    })
    .transpose()
}

pub async fn delete(db: &Db, token: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash_token(token))
        .execute(db)
        .await
        .context("ending a session")?;
    Ok(())
}

pub async fn delete_all_for_user<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    user_id: &str,
) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(executor)
        .await
        .context("ending all sessions of an account")?;
    Ok(())
}

pub async fn count_for_user(db: &Db, user_id: &str) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(db)
        .await?;
    Ok(row.try_get("n")?)
}

pub async fn purge_expired(db: &Db) -> anyhow::Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now_ms())
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
