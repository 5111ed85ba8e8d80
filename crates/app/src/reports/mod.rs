//! Reports of local problems, FixMyStreet-style: a resident reports a problem (category,
//! area, place, description, photos without their metadata); routing rules send it to the
//! organisation responsible for that category in that area; the organisation's officials
//! work through their inbox, change its status and answer in public; followers (and the
//! people it affects too) are told by email and on the site; each organisation's record
//! (reports received, median times to answer and to fix) is public.

mod handlers;
mod open311;
pub mod outside;
pub mod questionnaire;
pub mod stats;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub use handlers::{new_report_emails, new_report_notice, update_notices};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reports", get(handlers::list))
        .route(
            "/reports/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route(
            "/reports/categories",
            get(handlers::admin).post(handlers::add_category),
        )
        .route("/reports/routes", post(handlers::add_route))
        .route("/reports/api-keys", post(handlers::add_api_key))
        .route(
            "/reports/api-keys/{id}/revoke",
            post(handlers::revoke_api_key),
        )
        .route("/reports/routes/{id}/delete", post(handlers::delete_route))
        .route("/reports/{id}", get(handlers::show))
        .route("/reports/{id}/follow", post(handlers::follow))
        .route(
            "/reports/{id}/fixed",
            get(questionnaire::form).post(questionnaire::submit),
        )
        .route("/reports/categories/target", post(handlers::set_target))
        .route("/reports/{id}/updates", post(handlers::add_update))
        .route("/reports/{id}/photos/{photo}", get(handlers::photo))
        .route("/organisations/{slug}/inbox", get(handlers::inbox))
        .route(
            "/organisations/{slug}/reports",
            get(handlers::organisation_stats),
        )
        .route("/notifications", get(handlers::notifications))
        .route(
            "/api/open311/v2/{file}",
            get(open311::get_list).post(open311::post_request),
        )
        .route("/api/open311/v2/requests/{file}", get(open311::get_request))
}
