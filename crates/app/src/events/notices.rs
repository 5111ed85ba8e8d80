//! The emails about events, each in the reader's language.

use super::store::{Attendee, Event};
use crate::i18n::Lang;
use crate::mail::Email;
use crate::web::clock::SiteZone;

fn lang_of(attendee: &Attendee) -> Lang {
    Lang::from_tag(&attendee.locale).unwrap_or_default()
}

fn where_line(lang: &Lang, event: &Event) -> String {
    let mut text = lang.t1("event-email-place", "place", &event.place);
    if !event.accessibility.is_empty() {
        text.push('\n');
        text.push_str(&lang.t1("event-email-access", "access", &event.accessibility));
    }
    text
}

/// A day before: the time, the place and how to give the place up.
pub fn reminder(public_url: &str, event: &Event, zone: &SiteZone, to: &Attendee) -> Email {
    let lang = lang_of(to);
    let when = zone.describe(&lang, event.starts_at);
    Email {
        to: to.email.clone(),
        subject: lang.t1("event-reminder-subject", "title", &event.title),
        body: format!(
            "{}\n\n{}\n\n{}\n\n{public_url}/events/{}\n",
            lang.t_args(
                "event-reminder-body",
                &[("title", &event.title), ("when", &when)]
            ),
            where_line(&lang, event),
            lang.t("event-reminder-cannot-come"),
            event.slug,
        ),
    }
}

/// A place came free and is now theirs.
pub fn promoted(public_url: &str, event: &Event, zone: &SiteZone, to: &Attendee) -> Email {
    let lang = lang_of(to);
    let when = zone.describe(&lang, event.starts_at);
    Email {
        to: to.email.clone(),
        subject: lang.t1("event-promoted-subject", "title", &event.title),
        body: format!(
            "{}\n\n{}\n\n{public_url}/events/{}\n",
            lang.t_args(
                "event-promoted-body",
                &[("title", &event.title), ("when", &when)]
            ),
            where_line(&lang, event),
            event.slug,
        ),
    }
}

pub fn cancelled(public_url: &str, event: &Event, zone: &SiteZone, to: &Attendee) -> Email {
    let lang = lang_of(to);
    let when = zone.describe(&lang, event.starts_at);
    Email {
        to: to.email.clone(),
        subject: lang.t1("event-cancelled-subject", "title", &event.title),
        body: format!(
            "{}\n\n{public_url}/events/{}\n",
            lang.t_args(
                "event-cancelled-body",
                &[("title", &event.title), ("when", &when)]
            ),
            event.slug,
        ),
    }
}
