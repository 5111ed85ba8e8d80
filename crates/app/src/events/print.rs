//! An event on paper: its poster (public, what the event's page says) and the sign-up sheet
//! for the door or a stall, with the names of those already going (so only for those who
//! may manage the event, who see the names on its page) and blank rows for name, contact
//! and consent.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::handlers::{Times, event_by_slug, require_manager};
use super::store::{self, Attendee, Event};
use crate::paper::{self, Poster};
use crate::state::AppState;
use crate::web::{AppResult, PageContext, RequireUser, render};

/// Rows of a sign-up sheet, names already going included: what fits one A4 sheet below the
/// event's details in large type. A longer list of names goes on over more sheets.
const ROWS_PER_SHEET: usize = 14;
/// Blank rows at least, however many are already going.
const MIN_BLANK_ROWS: usize = 4;

pub async fn poster(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    let lang = &ctx.lang;
    let times = Times {
        zone: &state.zone,
        lang: lang.clone(),
    };
    let poster = Poster {
        kind: lang.t(&store::kind_label_key(&event.kind)),
        title: event.title.clone(),
        facts: vec![
            (lang.t("event-when"), times.span(&event)),
            (lang.t("field-event-place"), where_text(&event)),
        ],
        text: paper::poster_text(&event.description),
        call: lang.t("paper-call-event"),
        path: format!("/events/{}", event.slug),
    };
    paper::poster(&state, ctx, poster)
}

/// "Brook Fields hall (Riverside)".
fn where_text(event: &Event) -> String {
    format!("{} ({})", event.place, event.area_name)
}

#[derive(Template)]
#[template(path = "events/templates/sign_up_sheet.html")]
struct SignUpSheet {
    ctx: PageContext,
    event: Event,
    when: String,
    place: String,
    going: Vec<Attendee>,
    blank_rows: usize,
}

impl SignUpSheet {
    fn back(&self) -> String {
        format!("/events/{}#organise", self.event.slug)
    }
}

/// The sign-up sheet, for the organiser and the area's organisers.
pub async fn sign_up_sheet(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    require_manager(&state, &user, &event).await?;
    let going: Vec<Attendee> = store::attendees(&state.db, &event.id)
        .await?
        .into_iter()
        .filter(|a| a.status == "going")
        .collect();
    let when = Times {
        zone: &state.zone,
        lang: ctx.lang.clone(),
    }
    .span(&event);
    render(&SignUpSheet {
        blank_rows: ROWS_PER_SHEET
            .saturating_sub(going.len())
            .max(MIN_BLANK_ROWS),
        place: where_text(&event),
        when,
        going,
        ctx,
        event,
    })
}
