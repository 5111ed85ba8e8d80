//! Daily and weekly summaries: the emails a person chose to get together, sent as one.

use std::time::Duration;

use super::store::{self, DueSummary};
use crate::db::now_ms;
use crate::i18n::Lang;
use crate::mail::Email;
use crate::state::AppState;

/// Summaries made per pass.
const BATCH: i64 = 200;
/// How often the site looks for summaries that are due.
const EVERY: Duration = Duration::from_secs(60);

/// Runs until the process stops.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = send_due(&state, now_ms()).await {
            tracing::warn!(error = ?e, "sending notification summaries");
        }
    }
}

/// Sends every summary due at `now`; returns how many were queued.
pub async fn send_due(state: &AppState, now: i64) -> anyhow::Result<usize> {
    let mut sent = 0;
    loop {
        let due = store::due_summaries(&state.db, now, BATCH).await?;
        let mut sent_now = 0;
        for one in &due {
            if store::send_summary(&state.db, one, now, |items| write(one, items)).await? {
                sent_now += 1;
            }
        }
        sent += sent_now;
        if (due.len() as i64) < BATCH || sent_now == 0 {
            break;
        }
    }
    if sent > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(sent)
}

/// One email holding each held one under its subject, in the reader's language.
fn write(due: &DueSummary, items: &[(String, String)]) -> Email {
    let lang = Lang::from_tag(&due.locale).unwrap_or_default();
    let key = match due.frequency {
        super::Frequency::Weekly => "notifications-summary-weekly",
        _ => "notifications-summary-daily",
    };
    let mut body = lang.t_count(key, items.len() as i64);
    for (subject, text) in items {
        body.push_str("\n\n== ");
        body.push_str(subject);
        body.push_str(" ==\n\n");
        body.push_str(text.trim());
    }
    Email {
        to: due.email.clone(),
        subject: lang.t_count(key, items.len() as i64),
        body,
    }
}
