//! The methods library, a "social app store" of participation methods and games: openly
//! licensed recipes (purpose, when to use, group size, time, materials, steps, tips,
//! variations), which anyone signed in can publish or adapt (an adaptation keeps the link to
//! the original and its attribution), rate, and tell how they used. Twelve methods are there
//! from the start (`seed`).

mod files;
mod handlers;
pub mod materials;
pub mod seed;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/methods", get(handlers::list))
        .route(
            "/methods/new",
            get(handlers::new_form).post(handlers::publish),
        )
        .route("/methods/{slug}", get(handlers::show))
        .route(
            "/methods/{slug}/adapt",
            get(handlers::adapt_form).post(handlers::publish_adaptation),
        )
        .route("/methods/{slug}/rate", post(handlers::rate))
        .route("/methods/{slug}/uses", post(handlers::add_use))
        .route("/methods/{slug}/files", post(files::upload))
        .route("/methods/{slug}/files/{id}", get(files::download))
        .route("/methods/{slug}/files/{id}/delete", post(files::remove))
}
