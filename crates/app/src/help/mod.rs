//! Give and get help: residents, groups and community projects post offers and asks on a
//! skill card; each ask shows the best matching offers and people, each offer the matching
//! asks; the poster invites a match, the two talk in a thread, and the one helped marks it
//! done with a thank-you and, if they like, time credits.

pub mod generate;
mod handlers;
pub mod matching;
pub mod search;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/help", get(handlers::list))
        .route("/help/new", get(handlers::new_form).post(handlers::create))
        .route("/help/credits", get(handlers::credits))
        .route("/help/matches", get(handlers::my_matches))
        .route(
            "/help/matches/{id}",
            get(handlers::thread).post(handlers::message),
        )
        .route("/help/matches/{id}/reply", post(handlers::reply))
        .route("/help/matches/{id}/done", post(handlers::done))
        .route("/help/{id}", get(handlers::show))
        .route("/help/{id}/invite", post(handlers::invite))
        .route("/help/{id}/status", post(handlers::set_status))
}
