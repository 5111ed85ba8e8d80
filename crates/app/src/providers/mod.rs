//! Micro-providers and their accreditation: local, self-employed people and small
//! organisations offering care and support for a modest fee, accredited by a body people
//! trust. A site admin marks an organisation as an accrediting body for an area; the body
//! writes its standard (checks, the evidence each needs, how long it stays valid); providers
//! apply with their services and private evidence; the body's assessors review each check
//! and grant or refuse. The public directory lists providers whose accreditation is in
//! force: it lapses by itself when an accepted check expires (`valid_until`), and a job
//! reminds the provider and the body a month before.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::db::Db;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/providers", get(handlers::directory))
        .route("/providers.csv", get(handlers::export))
        .route(
            "/providers/bodies",
            get(handlers::bodies).post(handlers::mark_body),
        )
        .route("/providers/bodies/{id}", get(handlers::body))
        .route("/providers/bodies/{id}/end", post(handlers::end_body))
        .route("/providers/bodies/{id}/checks", post(handlers::add_check))
        .route(
            "/providers/bodies/{id}/checks/{check_id}",
            post(handlers::update_check),
        )
        .route(
            "/providers/apply",
            get(handlers::apply_form).post(handlers::apply),
        )
        .route("/providers/mine", get(handlers::mine))
        .route("/providers/assess", get(handlers::assess))
        .route("/providers/applications/{id}", get(handlers::application))
        .route(
            "/providers/applications/{id}/place",
            post(handlers::set_place),
        )
        .route(
            "/providers/applications/{id}/services",
            post(handlers::add_service),
        )
        .route(
            "/providers/applications/{id}/services/{service_id}/remove",
            post(handlers::remove_service),
        )
        .route(
            "/providers/applications/{id}/checks/{check_id}/evidence",
            post(handlers::add_evidence),
        )
        .route(
            "/providers/applications/{id}/checks/{check_id}/review",
            post(handlers::review),
        )
        .route(
            "/providers/applications/{id}/files/{file_id}",
            get(handlers::evidence_file),
        )
        .route(
            "/providers/applications/{id}/decision",
            post(handlers::decide),
        )
        .route(
            "/providers/applications/{id}/withdraw",
            post(handlers::withdraw),
        )
        .route(
            "/providers/applications/{id}/reopen",
            post(handlers::reopen),
        )
        .route(
            "/providers/applications/{id}/messages/{message_id}/answer",
            post(handlers::answer),
        )
        .route("/providers/{id}", get(handlers::provider))
        .route("/providers/{id}/contact", post(handlers::contact))
}

/// The reminder job (see [`store::send_reminder`]), run by the job worker.
pub async fn run_reminder_job(
    db: &Db,
    public_url: &str,
    payload: &str,
    now: i64,
) -> anyhow::Result<()> {
    store::send_reminder(db, payload, now, |application, to, is_provider| {
        handlers::reminder_email(public_url, application, to, is_provider)
    })
    .await?;
    Ok(())
}
