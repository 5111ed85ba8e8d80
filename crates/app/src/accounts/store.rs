//! All SQL about people's accounts and password resets.

use anyhow::Context;
use serde::Serialize;
use sqlx::{Any, Executor, Row};

use crate::db::{Db, is_unique_violation, new_id, now_ms};
use crate::web::session::{hash_token, random_token};

/// The query every user read starts with, in [`user_from_row`]'s order.
macro_rules! select_user {
    () => {
        "SELECT id, email, display_name, bio, home_area_id, locale, \
         CASE WHEN is_admin THEN 1 ELSE 0 END AS is_admin, created_at FROM users"
    };
}

/// How long a password-reset link works.
pub const RESET_VALID_MS: i64 = 60 * 60 * 1000;

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub home_area_id: Option<&'a str>,
    pub locale: &'a str,
    pub is_admin: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this email already exists")]
    EmailTaken,
    /// Only for the first-admin form: someone else created the first account meanwhile.
    #[error("the site already has accounts")]
    NotFirst,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub bio: String,
    pub home_area_id: Option<String>,
    pub locale: String,
    pub is_admin: bool,
    pub created_at: i64,
}

/// Whether anyone has an account yet (before the first, the site asks for its admin).
/// Asked on every visit to the home page: one row looked at, where a count reads them all.
pub async fn anyone(db: &Db) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT 1 AS one FROM users LIMIT 1")
        .fetch_optional(db)
        .await
        .context("looking for any account")?;
    Ok(row.is_some())
}

pub async fn create<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    user: &NewUser<'_>,
) -> Result<String, CreateUserError> {
    insert(executor, user, false).await
}

/// Creates the first account as a site admin, unless an account already exists.
pub async fn create_first_admin(db: &Db, user: &NewUser<'_>) -> Result<String, CreateUserError> {
    insert(db, user, true).await
}

async fn insert<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    user: &NewUser<'_>,
    only_if_first: bool,
) -> Result<String, CreateUserError> {
    let id = new_id();
    let now = now_ms();
    let guard = if only_if_first {
        "WHERE NOT EXISTS (SELECT 1 FROM users)"
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO users (id, email, password_hash, display_name, bio, home_area_id, locale, \
         is_admin, created_at, updated_at) \
         SELECT $1, $2, $3, $4, '', $5, $6, $7, $8, $8 {guard}"
    );
    let result = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&id)
        .bind(user.email)
        .bind(user.password_hash)
        .bind(user.display_name)
        .bind(user.home_area_id)
        .bind(user.locale)
        .bind(user.is_admin || only_if_first)
        .bind(now)
        .execute(executor)
        .await;
    match result {
        Ok(done) if done.rows_affected() == 1 => Ok(id),
        Ok(_) => Err(CreateUserError::NotFirst),
        Err(e) if is_unique_violation(&e) => Err(CreateUserError::EmailTaken),
        Err(e) => Err(CreateUserError::Other(
            anyhow::Error::new(e).context("creating an account"),
        )),
    }
}

/// The id and password hash for an email, to check a sign-in.
pub async fn credentials(db: &Db, email: &str) -> anyhow::Result<Option<(String, String)>> {
    let row = sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(db)
        .await
        .context("looking up an account")?;
    row.map(|r| Ok((r.try_get("id")?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn password_hash(db: &Db, id: &str) -> anyhow::Result<Option<String>> {
    let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(|r| Ok(r.try_get("password_hash")?)).transpose()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<User>> {
    let row = sqlx::query(concat!(select_user!(), " WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading an account")?;
    row.map(|r| user_from_row(&r)).transpose()
}

pub async fn find_by_email(db: &Db, email: &str) -> anyhow::Result<Option<User>> {
    let row = sqlx::query(concat!(select_user!(), " WHERE email = $1"))
        .bind(email)
        .fetch_optional(db)
        .await
        .context("looking up an account by email")?;
    row.map(|r| user_from_row(&r)).transpose()
}

/// Reads a user row. Booleans are selected as `CASE WHEN flag THEN 1 ELSE 0 END`, because
/// sqlx's Any driver cannot read SQLite's BOOLEAN columns; integers read the same on both.
fn user_from_row(r: &sqlx::any::AnyRow) -> anyhow::Result<User> {
    Ok(User {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        bio: r.try_get("bio")?,
        home_area_id: r.try_get("home_area_id")?,
        locale: r.try_get("locale")?,
        is_admin: r.try_get::<i64, _>("is_admin")? != 0,
        created_at: r.try_get("created_at")?,
    })
}

pub struct ProfileUpdate<'a> {
    pub display_name: &'a str,
    pub bio: &'a str,
    pub home_area_id: Option<&'a str>,
    pub locale: &'a str,
}

pub async fn update_profile(db: &Db, id: &str, profile: &ProfileUpdate<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE users SET display_name = $1, bio = $2, home_area_id = $3, locale = $4, \
         updated_at = $5 WHERE id = $6",
    )
    .bind(profile.display_name)
    .bind(profile.bio)
    .bind(profile.home_area_id)
    .bind(profile.locale)
    .bind(now_ms())
    .bind(id)
    .execute(db)
    .await
    .context("saving a profile")?;
    Ok(())
}

pub async fn set_password<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    id: &str,
    password_hash: &str,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now_ms())
        .bind(id)
        .execute(executor)
        .await
        .context("changing a password")?;
    Ok(())
}

pub async fn admin_count(db: &Db) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE is_admin = $1")
        .bind(true)
        .fetch_one(db)
        .await?;
    Ok(row.try_get("n")?)
}

/// Deletes an account; sessions, roles, memberships and reset links go with it (cascades),
/// and things the person created stay, without their name.
pub async fn delete(db: &Db, id: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .context("deleting an account")?;
    Ok(())
}

/// Creates a single-use reset link token (returned raw; only its hash is kept).
pub async fn create_reset<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    user_id: &str,
) -> anyhow::Result<String> {
    let token = random_token();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(now)
    .bind(now + RESET_VALID_MS)
    .execute(executor)
    .await
    .context("creating a password reset")?;
    Ok(token)
}

/// The account a reset token belongs to, if the token is unused and unexpired.
pub async fn reset_owner(db: &Db, token: &str) -> anyhow::Result<Option<String>> {
    let row = sqlx::query(
        "SELECT user_id FROM password_resets \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(now_ms())
    .fetch_optional(db)
    .await
    .context("checking a password reset")?;
    row.map(|r| Ok(r.try_get("user_id")?)).transpose()
}

/// Sets a new password with a reset token: the token and every other open reset link of
/// the account are used up and all sessions are ended, in one transaction.
/// Returns false if the token was used or expired in the meantime.
pub async fn reset_password(db: &Db, token: &str, password_hash: &str) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db).await?;
    let now = now_ms();
    let row = sqlx::query(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Ok(false);
    };
    let user_id: String = row.try_get("user_id")?;
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    set_password(&mut *tx, &user_id, password_hash).await?;
    super::sessions::delete_all_for_user(&mut *tx, &user_id).await?;
    tx.commit().await.context("committing a password reset")?;
    Ok(true)
}

// ---------------------------------------------------------------- registrations waiting

/// How long the link that finishes a registration works.
pub const REGISTRATION_VALID_MS: i64 = 24 * 60 * 60 * 1000;

/// What someone typed on the registration form, kept until they follow the emailed link.
pub struct PendingRegistration {
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub home_area_id: Option<String>,
    pub locale: String,
}

/// Keeps a registration until its link is followed; returns the link's token (raw; only its
/// hash is kept). Registrations whose links have expired are cleared on the way.
pub async fn create_pending<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    pending: &PendingRegistration,
) -> anyhow::Result<String> {
    let token = random_token();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO pending_registrations (token_hash, email, display_name, password_hash, \
         home_area_id, locale, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(hash_token(&token))
    .bind(&pending.email)
    .bind(&pending.display_name)
    .bind(&pending.password_hash)
    .bind(pending.home_area_id.as_deref())
    .bind(&pending.locale)
    .bind(now)
    .bind(now + REGISTRATION_VALID_MS)
    .execute(executor)
    .await
    .context("keeping a registration until its link is followed")?;
    Ok(token)
}

/// Forgets registrations whose links have expired.
pub async fn prune_pending(db: &Db, now: i64) -> anyhow::Result<u64> {
    let done = sqlx::query("DELETE FROM pending_registrations WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await
        .context("forgetting expired registrations")?;
    Ok(done.rows_affected())
}

/// The registration a link finishes, if the link has not expired (nor been used).
pub async fn find_pending(db: &Db, token: &str) -> anyhow::Result<Option<PendingRegistration>> {
    let row = sqlx::query(
        "SELECT email, display_name, password_hash, home_area_id, locale \
         FROM pending_registrations WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(now_ms())
    .fetch_optional(db)
    .await
    .context("reading a registration waiting for its link")?;
    row.map(|r| {
        Ok(PendingRegistration {
            email: r.try_get("email")?,
            display_name: r.try_get("display_name")?,
            password_hash: r.try_get("password_hash")?,
            home_area_id: r.try_get("home_area_id")?,
            locale: r.try_get("locale")?,
        })
    })
    .transpose()
}

/// What following a registration's link did.
pub enum Finished {
    /// The account was made: its id.
    Created(String),
    /// The link had expired or had been used.
    Gone,
    /// Meanwhile an account was made with that address (by another of its links).
    EmailTaken,
}

/// Makes the account a link stands for, and uses up every waiting link for that address, in
/// one transaction.
pub async fn finish_pending(db: &Db, token: &str) -> anyhow::Result<Finished> {
    let Some(pending) = find_pending(db, token).await? else {
        return Ok(Finished::Gone);
    };
    let mut tx = crate::db::begin(db).await?;
    let used = sqlx::query("DELETE FROM pending_registrations WHERE email = $1")
        .bind(&pending.email)
        .execute(&mut *tx)
        .await
        .context("using up a registration's links")?;
    if used.rows_affected() == 0 {
        return Ok(Finished::Gone);
    }
    let user = NewUser {
        email: &pending.email,
        password_hash: &pending.password_hash,
        display_name: &pending.display_name,
        home_area_id: pending.home_area_id.as_deref(),
        locale: &pending.locale,
        is_admin: false,
    };
    let id = match create(&mut *tx, &user).await {
        Ok(id) => id,
        Err(CreateUserError::EmailTaken) => return Ok(Finished::EmailTaken),
        Err(e) => return Err(anyhow::Error::new(e).context("making an account from its link")),
    };
    tx.commit().await.context("committing a new account")?;
    Ok(Finished::Created(id))
}
