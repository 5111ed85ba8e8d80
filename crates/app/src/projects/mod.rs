//! Community projects: a page per local initiative with its purpose, its team, its updates
//! and its asks for help, so enterprising locals can give and get the help they need.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/projects", get(handlers::list))
        .route(
            "/projects/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/projects/{slug}", get(handlers::show))
        .route("/projects/{slug}/updates", post(handlers::post_update))
        .route("/projects/{slug}/team", post(handlers::add_member))
}
