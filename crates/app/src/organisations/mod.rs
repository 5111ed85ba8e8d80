//! Organisations (council departments, agencies, health services, community groups,
//! charities, businesses, micro-providers) and their members with roles.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(handlers::list))
        .route(
            "/organisations/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/organisations/{slug}", get(handlers::show))
        .route(
            "/organisations/{slug}/edit",
            get(handlers::edit_form).post(handlers::update),
        )
        .route(
            "/organisations/{slug}/members",
            get(handlers::members).post(handlers::set_member),
        )
        .route(
            "/organisations/{slug}/members/{user_id}/remove",
            post(handlers::remove_member),
        )
}
