//! The skills game: at an event, each table goes through the skill cards and says for each
//! "we can do it", "a friend can" or "nobody we know", one tap per card, on a phone that
//! holds the table's link. Results show each table's coverage, the pooled coverage and the
//! gaps, which feed the area's asset map and can become asks for help.

mod handlers;
mod print;
pub mod results;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/skills-game", get(handlers::list))
        .route(
            "/skills-game/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route(
            "/skills-game/play/{token}",
            get(handlers::play).post(handlers::answer),
        )
        .route("/skills-game/{slug}", get(handlers::show))
        .route("/skills-game/{slug}/cards", get(print::cards))
        .route("/skills-game/{slug}/sheets", get(print::sheets))
        .route("/skills-game/{slug}/close", post(handlers::close))
}
