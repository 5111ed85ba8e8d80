//! Events: community conversations, open space, walk-and-talks, assemblies and skills-game
//! sessions, with RSVPs and a waiting list, reminders by email a day before, iCalendar for
//! each event and each area, and open space's marketplace of sessions with report-backs
//! that can become a conversation, an ask or a budget proposal.

mod handlers;
mod ical;
mod notices;
mod print;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::db::Db;
use crate::state::AppState;
use crate::web::clock::SiteZone;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events", get(handlers::list).post(handlers::create))
        .route("/events/new", get(handlers::new_form))
        .route("/events/{slug}", get(handlers::show))
        .route("/events/{slug}/poster", get(print::poster))
        .route("/events/{slug}/sign-up-sheet", get(print::sign_up_sheet))
        .route(
            "/events/{slug}/edit",
            get(handlers::edit_form).post(handlers::edit),
        )
        .route("/events/{slug}/cancel", post(handlers::cancel))
        .route("/events/{slug}/rsvp", post(handlers::rsvp))
        .route("/events/{slug}/calendar.ics", get(handlers::calendar))
        .route("/events/{slug}/sessions", post(handlers::pitch))
        .route("/areas/{slug}/events.ics", get(handlers::area_calendar))
        .route("/open-space/{id}/join", post(handlers::join))
        .route("/open-space/{id}/report", post(handlers::report))
}

/// The reminder job (see `store::send_reminders`).
pub async fn run_reminder_job(
    db: &Db,
    zone: &SiteZone,
    public_url: &str,
    payload: &str,
) -> anyhow::Result<()> {
    store::send_reminders(db, payload, |event, to| {
        notices::reminder(public_url, event, zone, to)
    })
    .await?;
    Ok(())
}
