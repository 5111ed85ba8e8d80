//! Community conversations: discussion threads per area and topic, with replies, agreement,
//! following and replies marked as ideas for solutions. A reported problem can become a
//! conversation; an idea can become an ask for help or a proposal for a participatory budget
//! taking ideas.

mod handlers;
pub mod store;

pub use handlers::reply_notices;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/conversations", get(handlers::list))
        .route(
            "/conversations/new",
            get(handlers::new_form).post(handlers::start),
        )
        .route("/conversations/{id}", get(handlers::show))
        .route("/conversations/{id}/replies", post(handlers::reply))
        .route("/conversations/{id}/follow", post(handlers::follow))
        .route("/conversation-posts/{id}/agree", post(handlers::agree))
}
