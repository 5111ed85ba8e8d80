//! The skill cards: a taxonomy of about a hundred things people can do, in eight groups. The
//! asset map, the skills game, offers and asks and the network questionnaire all speak of
//! skills through these cards. Names come from the locale files; admins can rename a card
//! (per language), add cards and retire them on the site.

mod handlers;
pub mod store;

pub use store::Catalogue;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/skills", get(handlers::list))
        .route("/skills/new", post(handlers::add))
        .route("/skills/{code}", post(handlers::edit))
}
