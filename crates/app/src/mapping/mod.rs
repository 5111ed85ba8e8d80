//! Network mapping: an organiser (a connector, official or admin of the area) runs a short
//! questionnaire; the answers become a map of who works with whom, insights in plain words
//! (connectors, brokers, clusters, isolated people, fragile bridges, introductions to make),
//! comparisons between rounds and exports for Gephi and Kumu. People who did not consent
//! appear as pseudonyms everywhere but in an organiser's own view.

mod handlers;
pub mod insights;
pub mod map;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mapping", get(handlers::list))
        .route(
            "/mapping/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/mapping/{slug}", get(handlers::show))
        .route("/mapping/{slug}/close", post(handlers::close))
        .route(
            "/mapping/{slug}/invite",
            get(handlers::invite_form).post(handlers::invite),
        )
        .route(
            "/mapping/{slug}/answer",
            get(handlers::answer_form).post(handlers::answer),
        )
        .route("/mapping/{slug}/thanks", get(handlers::thanks))
        .route("/mapping/{slug}/map", get(handlers::map_page))
        .route("/mapping/{slug}/insights", get(handlers::insights))
        .route(
            "/mapping/{slug}/introductions",
            post(handlers::mark_introduced),
        )
        .route("/mapping/{slug}/compare", get(handlers::compare))
        .route("/mapping/{slug}/export/{file}", get(handlers::export))
}
