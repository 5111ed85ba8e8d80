//! Throttles on guessing secrets: invitation and letter codes, and passwords. Each wrong
//! guess is a row in the database (so the counts hold across restarts and across several
//! app processes on one database), counted per account and per client address over a
//! sliding window; once a count is full, every attempt is refused (a right guess included)
//! until the oldest counted failure leaves the window, and the refusal says when that is.
//!
//! The limits, and why they are enough. An invitation code is 8 characters from a
//! 31-letter alphabet: 31^8 ≈ 8.5 × 10^11 codes. With 10,000 codes given out and unused,
//! a random guess is right once in about 8.5 × 10^7 tries. Unthrottled, at the 830 wrong
//! guesses a second one session managed, that is about 28 hours. Now:
//! - per client address, 20 wrong codes per 15 minutes = 1,920 a day: about 44,000 days
//!   (120 years) for one address to expect a hit;
//! - per account (or, not signed in, per browser session), 5 per 15 minutes = 480 a day:
//!   about 490 years per account, and accounts are themselves slow to make.
//!
//! Jury letter codes are 10 characters (31^10 ≈ 8.2 × 10^14), a thousand times harder.
//! Passwords: 10 wrong per 15 minutes for one typed email, from any address, on top of the
//! per-address limit of [`crate::web::rate_limit`].

pub mod store;

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::state::AppState;
use crate::web::csrf::CsrfToken;
use crate::web::rate_limit::client_address;
use crate::web::session::{SignedIn, hash_token};
use crate::web::{AppError, AppResult};

/// One kind of count: at most `max` failures within `window_ms`.
#[derive(Debug)]
pub struct Limit {
    pub kind: &'static str,
    pub max: i64,
    pub window_ms: i64,
}

const FIFTEEN_MINUTES: i64 = 15 * 60 * 1000;

/// Wrong codes per account, or per browser session for someone not signed in.
pub const CODES_PER_ACCOUNT: Limit = Limit {
    kind: "code-account",
    max: 5,
    window_ms: FIFTEEN_MINUTES,
};

/// Wrong codes per client address (an IPv6 client counts as its /64).
pub const CODES_PER_CLIENT: Limit = Limit {
    kind: "code-client",
    max: 20,
    window_ms: FIFTEEN_MINUTES,
};

/// Wrong passwords per typed email, whether or not an account has it.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    kind: "sign-in-account",
    max: 10,
    window_ms: FIFTEEN_MINUTES,
};

/// Registration emails per address (a new account's link, or a reminder that it has one), so
/// the form cannot be used to flood someone's inbox.
pub const REGISTRATION_MAILS: Limit = Limit {
    kind: "registration-mail",
    max: 3,
    window_ms: FIFTEEN_MINUTES,
};

/// What someone registering an address that had its emails is told.
pub const REGISTRATION_REFUSED: &str = "error-registration-throttled";

/// What a refused code guess is told (with when to try again).
pub const CODES_REFUSED: &str = "error-code-throttled";

/// What a refused sign-in (or current-password check) is told.
pub const SIGN_IN_REFUSED: &str = "error-sign-in-throttled";

/// Failures older than this count for nothing and are deleted.
const LONGEST_WINDOW_MS: i64 = FIFTEEN_MINUTES;

/// One count an attempt adds to: its limit and whom it counts against. Only a hash of the
/// account, session, address or email is stored.
#[derive(Debug)]
pub struct Counter {
    limit: &'static Limit,
    subject: String,
}

impl Counter {
    pub fn new(limit: &'static Limit, who: &str) -> Counter {
        Counter {
            limit,
            subject: hash_token(who),
        }
    }

    /// The count of wrong passwords for an email as typed at sign-in (trimmed, lower case).
    pub fn sign_in(email: &str) -> Counter {
        Counter::new(
            &SIGN_IN_PER_ACCOUNT,
            &format!("email:{}", email.trim().to_lowercase()),
        )
    }
}

/// Who is guessing codes: their account (or browser session) and their client address.
#[derive(Debug)]
pub struct Guesser {
    counters: Vec<Counter>,
}

impl Guesser {
    pub fn counters(&self) -> &[Counter] {
        &self.counters
    }
}

impl FromRequestParts<AppState> for Guesser {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let account = parts
            .extensions
            .get::<SignedIn>()
            .and_then(|s| s.0.as_ref())
            .map(|user| format!("account:{}", user.id))
            .or_else(|| {
                parts
                    .extensions
                    .get::<CsrfToken>()
                    .map(|token| format!("session:{}", token.0))
            });
        let client = client_address(&parts.headers, &parts.extensions, state.config.behind_proxy)
            .map(|ip| format!("client:{ip}"));
        let counters = account
            .map(|who| Counter::new(&CODES_PER_ACCOUNT, &who))
            .into_iter()
            .chain(client.map(|who| Counter::new(&CODES_PER_CLIENT, &who)))
            .collect();
        Ok(Guesser { counters })
    }
}

/// An attempt under way. It is counted as failed from the start, so attempts made at the
/// same moment (or in another process) see each other and cannot overrun a limit together;
/// [`Attempt::succeeded`] takes it back.
#[must_use = "an attempt stays counted as failed unless `succeeded` is called"]
#[derive(Debug)]
pub struct Attempt {
    ids: Vec<String>,
}

impl Attempt {
    /// The guess was right: it does not count.
    pub async fn succeeded(self, state: &AppState) -> AppResult<()> {
        store::forget(&state.db, &self.ids).await?;
        Ok(())
    }

    /// The guess was wrong: it stays counted.
    pub fn failed(self) {}
}

/// Starts an attempt counted by `counters`, or refuses it (429, `refusal` saying why, and
/// the seconds until a count has room again) when any of them is full.
pub async fn begin(
    state: &AppState,
    counters: &[Counter],
    refusal: &'static str,
) -> AppResult<Attempt> {
    let db = &state.db;
    let now = state.clock.now_ms();
    prune(state).await?;
    let mut ids = Vec::with_capacity(counters.len());
    for counter in counters {
        ids.push(store::record(db, counter.limit.kind, &counter.subject, now).await?);
    }
    let mut wait_ms = None;
    for counter in counters {
        let Limit {
            kind,
            max,
            window_ms,
        } = *counter.limit;
        let recent = store::recent(db, kind, &counter.subject, now - window_ms, max + 1).await?;
        let earlier: Vec<i64> = recent
            .into_iter()
            .filter(|(id, _)| !ids.contains(id))
            .map(|(_, at)| at)
            .collect();
        // Full when `max` failures came before this one; room again when the `max`th newest
        // of them leaves the window.
        if let Some(&oldest_that_matters) = earlier.get(max as usize - 1) {
            let wait = oldest_that_matters + window_ms - now;
            wait_ms = Some(wait_ms.unwrap_or(0).max(wait));
            tracing::info!(kind, "refused: too many failed attempts");
        }
    }
    if let Some(wait_ms) = wait_ms {
        store::forget(db, &ids).await?;
        return Err(AppError::TooMany {
            key: refusal,
            retry_after: seconds_rounded_up(wait_ms),
        });
    }
    Ok(Attempt { ids })
}

/// Deletes failures too old to count; how many.
pub async fn prune(state: &AppState) -> anyhow::Result<u64> {
    store::prune(&state.db, state.clock.now_ms() - LONGEST_WINDOW_MS).await
}

/// Forgets the wrong passwords typed for `email` (after its password was reset by email).
pub async fn clear_sign_in(state: &AppState, email: &str) -> AppResult<()> {
    let counter = Counter::sign_in(email);
    store::clear(&state.db, counter.limit.kind, &counter.subject).await?;
    Ok(())
}

fn seconds_rounded_up(ms: i64) -> u64 {
    u64::try_from(ms.max(1)).unwrap_or(1).div_ceil(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_whole_seconds_never_too_early() {
        assert_eq!(seconds_rounded_up(1), 1);
        assert_eq!(seconds_rounded_up(1000), 1);
        assert_eq!(seconds_rounded_up(1001), 2);
        assert_eq!(seconds_rounded_up(-5), 1);
        assert_eq!(seconds_rounded_up(FIFTEEN_MINUTES), 900);
    }

    #[test]
    fn refusals_are_explained_in_every_language() {
        let (en, pl) = (
            crate::i18n::Lang::default(),
            crate::i18n::Lang::from_tag("pl").unwrap(),
        );
        for key in [CODES_REFUSED, SIGN_IN_REFUSED] {
            assert!(en.has(key) && pl.has(key), "{key}");
            assert_ne!(en.t(key), pl.t(key), "{key}");
        }
    }

    #[test]
    fn sign_in_counts_an_email_however_it_was_typed() {
        assert_eq!(
            Counter::sign_in(" Ada@Example.org ").subject,
            Counter::sign_in("ada@example.org").subject
        );
        assert_ne!(
            Counter::sign_in("ada@example.org").subject,
            Counter::sign_in("bob@example.org").subject
        );
    }
}
