//! Notification settings: each person chooses, per kind of news (replies to me, updates on
//! what I follow, my area's news, my work queues), email at once, in a daily or weekly
//! summary, or never, and whether the site shows a notification. Every feature that tells
//! someone something goes through `store::deliver` inside its own transaction; summaries
//! are made by `summaries::send_due`; every email to an account ends with a link to the
//! settings (`footer`, added by the mail worker in the reader's language).

mod handlers;
pub mod store;
pub mod summaries;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/account/notifications",
        get(handlers::settings).post(handlers::save),
    )
}

/// What a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Someone answered me: a message on a match, a reply to me.
    Replies,
    /// Updates on reports and conversations I follow.
    Following,
    /// My area's news: the alerts I subscribed to.
    Area,
    /// My work queues: reports sent to my organisation, residents waiting to be verified.
    Work,
}

pub const ALL_KINDS: [Kind; 4] = [Kind::Replies, Kind::Following, Kind::Area, Kind::Work];

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Replies => "replies",
            Kind::Following => "following",
            Kind::Area => "area",
            Kind::Work => "work",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        ALL_KINDS.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether the site shows notifications of this kind (area news comes by email only).
    pub fn has_site_notices(self) -> bool {
        self != Kind::Area
    }
}

/// How often email of a kind is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    Now,
    Daily,
    Weekly,
    Never,
}

pub const ALL_FREQUENCIES: [Frequency; 4] = [
    Frequency::Now,
    Frequency::Daily,
    Frequency::Weekly,
    Frequency::Never,
];

impl Frequency {
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Now => "now",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Never => "never",
        }
    }

    pub fn parse(text: &str) -> Option<Frequency> {
        ALL_FREQUENCIES.into_iter().find(|f| f.as_str() == text)
    }

    /// How long a summary gathers, for the two that gather.
    pub fn period_ms(self) -> Option<i64> {
        const DAY_MS: i64 = 24 * 3600 * 1000;
        match self {
            Frequency::Daily => Some(DAY_MS),
            Frequency::Weekly => Some(7 * DAY_MS),
            Frequency::Now | Frequency::Never => None,
        }
    }
}

/// The last lines of every email to an account: where to choose what is sent, in the
/// reader's language.
pub fn footer(lang: &crate::i18n::Lang, public_url: &str) -> String {
    format!(
        "\n\n-- \n{}",
        lang.t1(
            "notifications-footer",
            "link",
            &format!("{public_url}/account/notifications")
        )
    )
}
