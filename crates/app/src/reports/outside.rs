//! Open311 out and back: a report whose routing rule names an outside Open311 GeoReport v2
//! service is posted to it by a job (retried with backoff by the job worker; every attempt's
//! error kept for admins), keeps the service's `service_request_id`, and a pass fetches its
//! status and notes back on a schedule: a new note, or "closed", becomes the organisation's
//! answer on the report, told to its followers as any answer is.

use std::time::Duration;

use anyhow::Context;
use serde_json::Value;

use super::store::{self, NewUpdate, Send, Status};
use crate::jobs::store::Job;
use crate::state::AppState;

/// Reports checked per pass.
const BATCH: i64 = 100;
/// How often the site asks outside services what became of its reports.
const EVERY: Duration = Duration::from_secs(300);
/// How long one request to an outside service may take.
const TIMEOUT: Duration = Duration::from_secs(20);

fn client() -> anyhow::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .user_agent("Square Mile (Open311 client)")
        .build()
        .context("making an HTTP client")
}

/// The send job: posts the report; an error is kept on the report's row and returned, so
/// the worker tries again later (after its last attempt the row says it gave up).
pub async fn run_send_job(state: &AppState, job: &Job) -> anyhow::Result<()> {
    let payload: store::SendJob =
        serde_json::from_str(&job.payload).context("decoding a sending job")?;
    let Some(send) = store::send_of(&state.db, &payload.report_id).await? else {
        return Ok(());
    };
    if send.status == "sent" {
        return Ok(());
    }
    match post(state, &send).await {
        Ok(external_id) => store::mark_sent(&state.db, &send.report_id, &external_id).await,
        Err(e) => {
            let gave_up = job.attempts >= job.max_attempts;
            store::sending_failed(&state.db, &send.report_id, &format!("{e:#}"), gave_up).await?;
            Err(e)
        }
    }
}

/// Posts the report as a GeoReport v2 service request; returns its `service_request_id`.
async fn post(state: &AppState, send: &Send) -> anyhow::Result<String> {
    let report = store::find(&state.db, &send.report_id)
        .await?
        .context("the report is gone")?;
    let mut form: Vec<(&str, String)> = vec![
        ("api_key", send.api_key.clone()),
        ("service_code", send.service_code.clone()),
        (
            "description",
            format!("{}\n\n{}", report.title, report.description)
                .trim()
                .to_string(),
        ),
        ("address_string", report.address.clone()),
    ];
    if !send.jurisdiction.is_empty() {
        form.push(("jurisdiction_id", send.jurisdiction.clone()));
    }
    if let (Some(lat), Some(long)) = (report.latitude, report.longitude) {
        form.push(("lat", lat.to_string()));
        form.push(("long", long.to_string()));
    }
    let url = format!("{}/requests.json", send.url);
    let response = client()?
        .post(&url)
        .form(&form)
        .send()
        .await
        .with_context(|| format!("posting to {url}"))?;
    let status = response.status();
    let body = response.text().await.context("reading the answer")?;
    anyhow::ensure!(
        status.is_success(),
        "{url} answered {status}: {}",
        body.chars().take(300).collect::<String>()
    );
    let answer: Value = serde_json::from_str(&body).context("the answer is not JSON")?;
    answer
        .get(0)
        .and_then(|r| r.get("service_request_id"))
        .and_then(|id| match id {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .context("the answer has no service_request_id")
}

/// Runs until the process stops.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = check_due(&state).await {
            tracing::warn!(error = ?e, "fetching reports' status from outside services");
        }
    }
}

/// Asks the outside services about the reports sent to them, longest unchecked first;
/// returns how many answers were added to reports.
pub async fn check_due(state: &AppState) -> anyhow::Result<usize> {
    let mut answered = 0;
    for send in store::sends_to_check(&state.db, BATCH).await? {
        match fetch(&send).await {
            Ok((status, notes)) => {
                if apply(state, &send, &status, &notes).await? {
                    answered += 1;
                }
                store::checked(&state.db, &send.report_id, Some((&status, &notes)), "").await?;
            }
            Err(e) => {
                store::checked(&state.db, &send.report_id, None, &format!("{e:#}")).await?;
            }
        }
    }
    if answered > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(answered)
}

/// The outside record's status ("open" or "closed") and notes.
async fn fetch(send: &Send) -> anyhow::Result<(String, String)> {
    let id = send.external_id.as_deref().context("not sent yet")?;
    let mut url = reqwest::Url::parse(&format!("{}/requests/{id}.json", send.url))
        .context("the service's address")?;
    if !send.jurisdiction.is_empty() {
        url.query_pairs_mut()
            .append_pair("jurisdiction_id", &send.jurisdiction);
    }
    let response = client()?
        .get(url.clone())
        .send()
        .await
        .with_context(|| format!("asking {url}"))?;
    let status = response.status();
    anyhow::ensure!(status.is_success(), "{url} answered {status}");
    let answer: Value = response.json().await.context("the answer is not JSON")?;
    let record = answer.get(0).context("the answer holds no request")?;
    let field = |name: &str| {
        record
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    Ok((field("status"), field("status_notes")))
}

/// Adds the organisation's answer when the outside record changed: its new notes, and
/// "fixed" when it was closed there while still open here. True if an answer was added.
async fn apply(state: &AppState, send: &Send, status: &str, notes: &str) -> anyhow::Result<bool> {
    let Some(report) = store::find(&state.db, &send.report_id).await? else {
        return Ok(false);
    };
    let new_notes = notes != send.external_notes && !notes.is_empty();
    let closed_there = status == "closed" && send.external_status != "closed";
    let new_status = (closed_there && report.status.is_open()).then_some(Status::Fixed);
    if !new_notes && new_status.is_none() {
        return Ok(false);
    }
    let update = NewUpdate {
        author_id: None,
        official: true,
        status: new_status,
        duplicate_of: None,
        body: if new_notes { notes } else { "" },
    };
    let public_url = state.config.public_url.clone();
    let who = report.organisation_name.clone().unwrap_or_default();
    let title = report.title.clone();
    let id = report.id.clone();
    store::add_update(&state.db, &report.id, &update, |followers| {
        super::update_notices(&public_url, &id, &title, &who, new_status, followers)
    })
    .await
}
