//! The asset map: what a neighbourhood already has. Residents and organisations record
//! gifts and skills (on a skill card), resources and spaces, and the groups they run, each
//! with its own privacy; an area's map counts them by group and card, shows the gaps, and
//! passes messages to owners without showing anyone's address.

mod handlers;
mod print;
pub mod privacy;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets", get(handlers::mine))
        .route(
            "/assets/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/assets/{id}", get(handlers::show))
        .route("/assets/{id}/contact", post(handlers::contact))
        .route("/assets/{id}/delete", post(handlers::delete))
        .route("/assets/{id}/place", post(handlers::set_place))
        .route("/areas/{slug}/assets", get(handlers::map))
        .route("/areas/{slug}/assets.csv", get(handlers::export))
        .route("/areas/{slug}/assets/inventory", get(print::inventory))
}
