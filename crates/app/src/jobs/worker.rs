use std::time::Duration;

use anyhow::Context;
use tokio::sync::watch;

use crate::jobs::store::{self, Job, Lane};
use crate::mail::{self, Mailer};
use crate::state::AppState;
use crate::{alerts, budgets, events, juries, providers, reports};

/// How long a claimed job is reserved for its worker before another may take it over.
const LEASE_MS: i64 = 5 * 60 * 1000;
/// Even with no wake-up, look for due jobs (retries, jobs from other processes) this often.
const IDLE_POLL: Duration = Duration::from_secs(15);

/// Mail people are waiting for (a sign-in link, a reply, a digest) has its own lane, so a
/// long job such as counting a city's ballots or drawing a jury never holds it up.
pub const MAIL: Lane = Lane {
    kinds: [mail::JOB_KIND, alerts::store::DIGEST_JOB],
    listed: true,
};
pub const WORK: Lane = Lane {
    kinds: MAIL.kinds,
    listed: false,
};

/// Runs the two lanes until `stop` turns true. A job under way then has `grace` to finish;
/// one that does not is handed back, so another process takes it at once instead of
/// waiting out its lease.
pub async fn run(state: AppState, mailer: Mailer, stop: watch::Receiver<bool>, grace: Duration) {
    let mail_lane = run_lane(state.clone(), mailer.clone(), MAIL, stop.clone(), grace);
    let work_lane = run_lane(state, mailer, WORK, stop, grace);
    tokio::join!(mail_lane, work_lane);
}

/// Drains the lane's due jobs, then waits for a wake-up, the poll or the stop.
async fn run_lane(
    state: AppState,
    mailer: Mailer,
    lane: Lane,
    mut stop: watch::Receiver<bool>,
    grace: Duration,
) {
    let waiting = state.jobs_waiting.for_lane(lane.listed);
    loop {
        while !*stop.borrow() {
            match store::claim(&state.db, lane, LEASE_MS).await {
                Ok(Some(job)) => {
                    perform_or_hand_back(&state, &mailer, job, &mut stop, grace).await;
                    if !lane.listed {
                        state.jobs_waiting.work_done();
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::error!(error = ?e, "job queue unavailable");
                    break;
                }
            }
        }
        if *stop.borrow() {
            return;
        }
        tokio::select! {
            _ = waiting.notified() => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
            _ = stop.changed() => {}
        }
    }
}

async fn perform_or_hand_back(
    state: &AppState,
    mailer: &Mailer,
    job: Job,
    stop: &mut watch::Receiver<bool>,
    grace: Duration,
) {
    let id = job.id.clone();
    let work = perform(state, mailer, job);
    tokio::pin!(work);
    tokio::select! {
        () = &mut work => return,
        _ = stop.wait_for(|stopping| *stopping) => {}
    }
    if tokio::time::timeout(grace, &mut work).await.is_err() {
        match store::hand_back(&state.db, &id).await {
            Ok(()) => tracing::info!(job = %id, "stopping: handed back a job under way"),
            Err(e) => tracing::error!(job = %id, error = ?e, "stopping: could not hand back a job"),
        }
    }
}

async fn perform(state: &AppState, mailer: &Mailer, job: Job) {
    let outcome = execute(state, mailer, &job).await;
    let recorded = match outcome {
        Ok(()) => store::complete(&state.db, &job.id).await,
        Err(e) => {
            let backoff_ms = 30_000 * 2_i64.pow(job.attempts.clamp(0, 10) as u32);
            tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts,
                max = job.max_attempts, error = ?e, "job failed");
            store::fail(&state.db, &job.id, &format!("{e:#}"), backoff_ms).await
        }
    };
    if let Err(e) = recorded {
        tracing::error!(job = %job.id, error = ?e, "could not record a job's outcome");
    }
}

/// Every email to an account ends with where to choose what is sent, in the account's
/// language (looked up when it is sent, so no feature has to remember it). Addresses with no
/// account (a jury volunteer's, a registration not yet confirmed) have no settings.
async fn with_footer(state: &AppState, mut email: mail::Email) -> anyhow::Result<mail::Email> {
    if let Some(locale) =
        crate::notifications::store::locale_of_address(&state.db, &email.to).await?
    {
        let lang = crate::i18n::Lang::from_tag(&locale).unwrap_or_default();
        email.body.push_str(&crate::notifications::footer(
            &lang,
            &state.config.public_url,
        ));
    }
    Ok(email)
}

async fn execute(state: &AppState, mailer: &Mailer, job: &Job) -> anyhow::Result<()> {
    match job.kind.as_str() {
        juries::store::JOB_KIND => {
            juries::draw::run_job(&state.db, &state.config.public_url, &job.payload).await
        }
        budgets::store::COUNT_JOB => {
            budgets::count::run_job(&state.db, &state.config.public_url, &job.payload).await
        }
        events::store::REMINDER_JOB => {
            events::run_reminder_job(
                &state.db,
                &state.zone,
                &state.config.public_url,
                &job.payload,
            )
            .await
        }
        providers::store::REMINDER_JOB => {
            providers::run_reminder_job(
                &state.db,
                &state.config.public_url,
                &job.payload,
                state.clock.now_ms(),
            )
            .await
        }
        alerts::store::DIGEST_JOB => {
            let digest: alerts::store::DigestEmail =
                serde_json::from_str(&job.payload).context("decoding a digest job")?;
            let email = with_footer(state, digest.email).await?;
            mailer
                .send_with_unsubscribe(&email, Some(&digest.unsubscribe_url))
                .await
        }
        reports::store::OPEN311_SEND_JOB => reports::outside::run_send_job(state, job).await,
        mail::JOB_KIND => {
            let email: mail::Email =
                serde_json::from_str(&job.payload).context("decoding an email job")?;
            // Mail for a resident entered by someone else (no email of their own) goes to
            // whoever entered them, or nowhere.
            let Some(email) = crate::assisted::pass_on(&state.db, email).await? else {
                return Ok(());
            };
            mailer.send(&with_footer(state, email).await?).await
        }
        other => anyhow::bail!("unknown job kind {other:?}"),
    }
}
