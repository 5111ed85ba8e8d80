//! "Your work": one page for anyone with a role, counting what waits in each queue they own
//! (reports to answer and stories to answer per organisation, flagged items and stories to
//! moderate, residents to verify, budget proposals to review, juries to draw, mapping
//! exercises under way), each with a link to the queue itself; and the admin home, one page
//! with a way to every site setting.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/work", get(handlers::work))
        .route("/admin", get(handlers::admin))
}
