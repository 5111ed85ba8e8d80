//! Accounts: first admin, registration, sign-in and out, password reset by email, profile,
//! password change, data export and account deletion, and the language switch.

mod handlers;
pub mod sessions;
pub mod store;

use axum::Router;
use axum::handler::Handler;
use axum::routing::{get, post};
use tower_governor::GovernorLayer;

use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::AppResult;
use crate::web::forms::{self, FormErrors};
use crate::web::rate_limit::{self, Limiter};

/// The account named by an email typed into a form (to give a role, add a member), or an
/// error on the field: the address is malformed, or nobody has an account with it.
/// Only looks the person up once the rest of the form is valid.
pub async fn named_in_form(
    state: &AppState,
    lang: &Lang,
    errors: &mut FormErrors,
    field: &'static str,
    input: &str,
) -> AppResult<(String, Option<store::User>)> {
    let email = forms::email(errors, lang, field, input);
    if !errors.is_empty() {
        return Ok((email, None));
    }
    let person = store::find_by_email(&state.db, &email).await?;
    if person.is_none() {
        errors.add(lang, field, "field-email-unknown");
    }
    Ok((email, person))
}

pub fn routes(limiter: &Limiter) -> Router<AppState> {
    let limited = || GovernorLayer::new(limiter.clone()).error_handler(rate_limit::refused);
    Router::new()
        .route(
            "/setup",
            get(handlers::setup_form).post(handlers::setup.layer(limited())),
        )
        .route(
            "/register",
            get(handlers::register_form).post(handlers::register.layer(limited())),
        )
        .route("/register/sent", get(handlers::register_sent))
        .route(
            "/register/confirm/{token}",
            get(handlers::register_confirm_form).post(handlers::register_confirm.layer(limited())),
        )
        .route(
            "/login",
            get(handlers::login_form).post(handlers::login.layer(limited())),
        )
        .route("/logout", post(handlers::logout))
        .route(
            "/password/forgot",
            get(handlers::forgot_form).post(handlers::forgot.layer(limited())),
        )
        .route(
            "/password/reset/{token}",
            get(handlers::reset_form).post(handlers::reset.layer(limited())),
        )
        .route(
            "/account",
            get(handlers::account).post(handlers::save_profile),
        )
        .route(
            "/account/password",
            get(handlers::password_form).post(handlers::change_password),
        )
        .route("/account/export", get(handlers::export))
        .route(
            "/account/delete",
            get(handlers::delete_form).post(handlers::delete_account),
        )
        .route("/language/{code}", get(handlers::set_language))
}
