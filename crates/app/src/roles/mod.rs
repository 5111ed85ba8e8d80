//! Roles per area (resident, connector, official, representative, moderator, admin),
//! resident verification by officials or invitation codes, and the permission checks every
//! area action goes through.

mod handlers;
pub mod policy;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::db::Db;
use crate::state::AppState;
use crate::web::{AppError, AppResult, CurrentUser};
use policy::{AreaAction, allows};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/areas/{slug}/people", get(handlers::people))
        .route(
            "/areas/{slug}/residents/{user_id}/verify",
            post(handlers::verify),
        )
        .route("/areas/{slug}/roles", post(handlers::grant))
        .route("/areas/{slug}/roles/revoke", post(handlers::revoke))
        .route("/areas/{slug}/invitations", post(handlers::invite))
        .route("/verify", get(handlers::code_form).post(handlers::redeem))
}

/// Refuses anyone but a site admin, with the message `key` saying what needs one.
pub fn require_site_admin(user: &CurrentUser, key: &'static str) -> AppResult<()> {
    if user.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden(key))
    }
}

/// Someone says they live in `area`: recorded unverified, and the officials who verify its
/// residents are told on the site that someone is waiting (only the first time it is said).
pub async fn claim_residence(
    db: &Db,
    user_id: &str,
    area: &crate::areas::store::Area,
) -> anyhow::Result<()> {
    if !store::claim_residence(db, user_id, &area.id).await? {
        return Ok(());
    }
    let link = format!("/areas/{}/people", area.slug);
    let mut tx = crate::db::begin(db).await?;
    for (verifier, locale) in store::verifiers(db, &area.id).await? {
        // Written in the verifier's language, not the resident's.
        let lang = crate::i18n::Lang::from_tag(&locale).unwrap_or_default();
        let body = lang.t1("work-resident-waiting-notice", "area", &area.name);
        let message = crate::notifications::store::Message {
            user_id: &verifier,
            kind: crate::notifications::Kind::Work,
            notice: Some((&body, &link)),
            email: None,
        };
        crate::notifications::store::deliver(&mut tx, &message).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether `user` may do `action` in the area (roles on enclosing areas count).
pub async fn can(
    db: &Db,
    user: &CurrentUser,
    area_id: &str,
    action: AreaAction,
) -> AppResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    let held = store::held_in_area_chain(db, &user.id, area_id).await?;
    Ok(allows(false, &held, action))
}

/// Like [`can`] for a visitor who may not be signed in: nobody signed in may do anything.
pub async fn can_if_signed_in(
    db: &Db,
    user: Option<&CurrentUser>,
    area_id: &str,
    action: AreaAction,
) -> AppResult<bool> {
    match user {
        Some(user) => can(db, user, area_id, action).await,
        None => Ok(false),
    }
}

/// The areas (id, name) where `user` may do `action`, for a form's choice of area.
pub async fn areas_where(
    db: &Db,
    user: &CurrentUser,
    action: AreaAction,
) -> AppResult<Vec<(String, String)>> {
    let mut choices = Vec::new();
    for area in crate::areas::store::all(db).await? {
        if can(db, user, &area.id, action).await? {
            choices.push((area.id, area.name));
        }
    }
    Ok(choices)
}

/// Like [`can`], but refuses with 403 and a reason.
pub async fn require(
    db: &Db,
    user: &CurrentUser,
    area_id: &str,
    action: AreaAction,
) -> AppResult<()> {
    if can(db, user, area_id, action).await? {
        Ok(())
    } else {
        tracing::info!(user = %user.id, area = %area_id, ?action, "refused: missing area role");
        Err(AppError::Forbidden(match action {
            AreaAction::ManageArea | AreaAction::ManageRoles => "error-needs-area-admin",
            AreaAction::VerifyResidents | AreaAction::RunJuries | AreaAction::RunBudgets => {
                "error-needs-official"
            }
            AreaAction::OrganiseMapping | AreaAction::OrganiseCommunity => "error-needs-connector",
        }))
    }
}
