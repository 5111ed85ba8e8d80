//! Citizens' juries: an official sets one up for an area with quotas, volunteers register
//! through an invitation link or a letter code, the panel is drawn fairly by the sortition
//! engine (in the job worker), dropouts are replaced by draws that keep the quotas, and the
//! make-up and the fairness of the draw are published without personal data.

pub mod draw;
mod handlers;
mod letters;
mod print;
pub mod report;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/juries", get(handlers::list))
        .route(
            "/juries/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/juries/{slug}", get(handlers::show))
        .route("/juries/{slug}/manage", get(handlers::manage))
        .route("/juries/{slug}/close", post(handlers::close))
        .route("/juries/{slug}/draw", post(handlers::draw_panel))
        .route("/juries/{slug}/replace", post(handlers::draw_replacements))
        .route(
            "/juries/{slug}/volunteers/{volunteer_id}/dropout",
            post(handlers::drop_out),
        )
        .route("/juries/{slug}/publish", post(handlers::publish))
        .route("/juries/{slug}/lottery/seed", post(handlers::lottery_seed))
        .route("/juries/{slug}/lottery.json", get(handlers::lottery_json))
        .route("/juries/{slug}/draw.json", get(handlers::draw_json))
        .route("/juries/{slug}/addresses", post(letters::draw_addresses))
        .route("/juries/{slug}/letters", get(letters::letters))
        .route("/juries/{slug}/poster", get(print::poster))
        .route(
            "/juries/{slug}/codes",
            get(handlers::codes).post(handlers::make_codes),
        )
        .route(
            "/juries/{slug}/join",
            get(handlers::join_form).post(handlers::join),
        )
        .route("/juries/{slug}/joined", get(handlers::joined))
        .route("/juries/{slug}/categories.csv", get(handlers::quotas_csv))
        .route("/juries/{slug}/people.csv", get(handlers::volunteers_csv))
        .route(
            "/jury-code",
            get(handlers::code_form).post(handlers::redeem_code),
        )
}
