//! Stories about services, Care Opinion-style: a resident tells how a service (a ward, a
//! clinic, a library, a bus route) went for them; a moderator publishes it (or explains to
//! the author why not); the provider's officials respond in public and can say a change is
//! planned or made. Each organisation's stories are also a widget other sites can embed.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stories", get(handlers::list))
        .route(
            "/stories/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/stories/moderate", get(handlers::moderation_queue))
        .route("/stories/{id}", get(handlers::show))
        .route("/stories/{id}/moderate", post(handlers::moderate))
        .route("/stories/{id}/response", post(handlers::respond))
        .route(
            "/widget/organisations/{slug}/stories",
            get(handlers::widget),
        )
}
