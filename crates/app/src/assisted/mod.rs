//! Entry on someone's behalf: an official or connector records a report for a resident who
//! has no account or no email (from a paper form, a phone call, a help desk), with their
//! name, a phone number or postal address and how they consented. The form is made for
//! stacks of paper: keyboard only, and after each entry the resident's slip with its claim
//! code and the next empty form. The public sees "entered with help"; the resident can
//! later claim the item with the code (throttled, as every printed code is).

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assist", get(handlers::hub))
        .route(
            "/assist/report",
            get(handlers::report_form).post(handlers::enter_report),
        )
        .route("/claim", get(handlers::claim_form).post(handlers::claim))
}
