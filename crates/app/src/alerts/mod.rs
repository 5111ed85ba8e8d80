//! Alerts: people subscribe to new reports, stories, conversations, asks, offers, events,
//! budget phases and methods, by area, conversation topic and words, and get a daily or
//! weekly digest by email. Each period's digest is made once (`store::close_period`); every
//! digest can be stopped in one click (`List-Unsubscribe-Post`) or from its link.

pub mod digest;
mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(handlers::list).post(handlers::subscribe))
        .route("/alerts/{id}/delete", post(handlers::remove))
        .route(
            "/alerts/unsubscribe/{token}",
            get(handlers::unsubscribe_page).post(handlers::unsubscribe),
        )
        .route("/api/alerts/unsubscribe/{token}", post(handlers::one_click))
}
