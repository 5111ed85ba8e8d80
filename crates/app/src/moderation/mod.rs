//! Moderation: anyone signed in can flag a report, a story, a question to a representative or
//! a conversation post;
//! moderators (site admins) work through the queue and hide an item with a reason its author
//! sees, or dismiss the flags. A per-person limit on posting slows down floods.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub use handlers::check_posting_limit;

use crate::web::CurrentUser;

/// Whether the viewer sees an item a moderator hid, and why: its author and moderators do.
pub fn sees_hidden(viewer: Option<&CurrentUser>, author_id: Option<&str>) -> bool {
    viewer.is_some_and(|u| u.is_admin || author_id == Some(u.id.as_str()))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/flags", post(handlers::flag))
        .route("/moderation", get(handlers::queue))
        .route("/moderation/hide", post(handlers::hide))
        .route("/moderation/dismiss", post(handlers::dismiss))
}
