//! Participatory budgeting: officials set up a process with phases (ideas, review, voting,
//! results, implementation); residents propose and support projects; officials review and
//! cost them; eligible voters cast one secret ballot each (with a receipt); the count by the
//! engine is explained project by project; funded projects report their progress. A real
//! Pabulib file can be imported as a finished process, and every count is published as one.

pub mod ballot;
pub mod count;
pub mod election;
mod handlers;
mod import;
mod photos;
mod print;
mod results;
pub mod seal;
pub mod store;
mod sub_budgets;
mod voting;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub use handlers::RULES;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/budgets", get(handlers::list))
        .route(
            "/budgets/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/budgets/import", get(import::form).post(import::import))
        .route("/budgets/{slug}", get(handlers::show))
        .route("/budgets/{slug}/manage", get(handlers::manage))
        .route("/budgets/{slug}/advance", post(handlers::advance))
        .route(
            "/budgets/{slug}/propose",
            get(handlers::propose_form).post(handlers::propose),
        )
        .route(
            "/budgets/{slug}/projects/{code}",
            get(handlers::show_project),
        )
        .route(
            "/budgets/{slug}/projects/{code}/support",
            post(handlers::support),
        )
        .route(
            "/budgets/{slug}/projects/{code}/comments",
            post(handlers::comment),
        )
        .route(
            "/budgets/{slug}/projects/{code}/review",
            post(handlers::review),
        )
        .route(
            "/budgets/{slug}/projects/{code}/updates",
            post(handlers::add_update),
        )
        .route(
            "/budgets/{slug}/vote",
            get(voting::ballot_form).post(voting::cast),
        )
        .route(
            "/budgets/{slug}/receipt",
            get(voting::check_form).post(voting::check),
        )
        .route("/budgets/{slug}/change", post(voting::change_form))
        .route("/budgets/{slug}/codes", post(voting::make_codes))
        .route("/budgets/{slug}/paper", post(handlers::paper))
        .route(
            "/budgets/{slug}/paper/{batch}/discard",
            post(handlers::discard_paper),
        )
        .route(
            "/budgets/{slug}/projects/{code}/photos",
            post(photos::upload),
        )
        .route("/budgets/{slug}/photos/{id}", get(photos::show))
        .route("/budgets/{slug}/results", get(results::results))
        .route("/budgets/{slug}/poster", get(print::poster))
        .route("/budgets/{slug}/paper-ballot", get(print::paper_ballot))
        .route("/budgets/{slug}/ballots.pb", get(results::ballots_file))
}
