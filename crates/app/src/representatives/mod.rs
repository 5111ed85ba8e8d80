//! Representatives and public questions: site admins link elected representatives to the
//! areas they serve; residents ask them questions in public; each representative answers
//! on the site, and everyone sees who answers and who leaves questions waiting.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/representatives", get(handlers::list).post(handlers::add))
        .route("/representatives/{id}", get(handlers::show))
        .route("/representatives/{id}/questions", post(handlers::ask))
        .route("/questions/{id}/answer", post(handlers::answer))
}
