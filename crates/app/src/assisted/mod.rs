//! Entry on someone's behalf: an official or connector records a report, a story, an offer
//! or ask, an asset, a place at an event, a jury volunteer or a network-mapping answer for
//! a resident who has no account or no email (from a paper form, a phone call, a help desk), with their
//! name, a phone number or postal address and how they consented. The form is made for
//! stacks of paper: keyboard only, and after each entry the resident's slip with its claim
//! code and the next empty form. The public sees "entered with help"; the resident can
//! later claim the item with the code (throttled, as every printed code is).

mod handlers;
mod person;
pub mod store;

pub use person::{
    Helping, Person, PersonFields, Slip, check_person, entry_areas, helping_in_area, may_enter_in,
    require_in_area, slip_page,
};

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assist", get(handlers::hub))
        .route(
            "/assist/report",
            get(handlers::report_form).post(handlers::enter_report),
        )
        .route(
            "/assist/rsvp/{slug}",
            get(handlers::rsvp_form).post(handlers::enter_rsvp),
        )
        .route("/assist/entries/{id}/erase", post(handlers::erase))
        .route("/claim", get(handlers::claim_form).post(handlers::claim))
}

/// Mail for a held address (a resident entered by a connector, with no email) goes to the
/// person who made the entry, headed with who it is for and how to reach them, to pass on
/// by phone or post. Once the resident has claimed the entry, or with no one to pass it
/// on, it is not sent at all. Other mail is returned as it is.
pub async fn pass_on(
    db: &crate::db::Db,
    email: crate::mail::Email,
) -> anyhow::Result<Option<crate::mail::Email>> {
    if !store::is_held_address(&email.to) {
        return Ok(Some(email));
    }
    let Some(to) = store::pass_on_to(db, &email.to).await? else {
        tracing::info!("mail to a held address not sent: claimed, or no one to pass it on");
        return Ok(None);
    };
    let lang = crate::i18n::Lang::from_tag(&to.helper_locale).unwrap_or_default();
    let contact: Vec<String> = [to.phone, to.postal_address.replace('\n', ", ")]
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect();
    let head = lang.t_args(
        "assist-pass-on",
        &[("name", &to.person_name), ("contact", &contact.join("; "))],
    );
    let subject = lang.t_args(
        "assist-pass-on-subject",
        &[("name", &to.person_name), ("subject", &email.subject)],
    );
    Ok(Some(crate::mail::Email {
        to: to.helper_email,
        subject,
        body: format!("{head}\n\n{}", email.body),
    }))
}
