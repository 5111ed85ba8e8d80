//! What an operator watches: `/metrics` in Prometheus' text format (request times by route,
//! the job queue's backlog and its oldest due job, the database pool), answered only when
//! `metrics_token` is set and the request bears it.

use std::fmt::Write;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::db::now_ms;
use crate::jobs::store as jobs;
use crate::state::AppState;
use crate::web::session::secret_matches;
use crate::web::{AppError, AppResult};

pub fn routes() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let token = state.config.metrics_token.expose();
    // Off unless configured: the same answer as any address that does not exist.
    let Some(times) = state.request_times.as_ref().filter(|_| !token.is_empty()) else {
        return Err(AppError::NotFound);
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !secret_matches(given.trim(), token) {
        return Err(AppError::Forbidden("error-metrics-token"));
    }
    let mut out = String::new();
    times.write(&mut out);
    write_jobs(&state, &mut out).await?;
    write_pool(&state, &mut out);
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response())
}

async fn write_jobs(state: &AppState, out: &mut String) -> anyhow::Result<()> {
    let now = now_ms();
    let (due, oldest) = jobs::due_backlog(&state.db, now).await?;
    let age = oldest.map_or(0.0, |at| (now - at).max(0) as f64 / 1000.0);
    gauge(
        out,
        "squaremile_jobs_due",
        "Jobs due and not yet done.",
        due as f64,
    );
    gauge(
        out,
        "squaremile_jobs_oldest_due_age_seconds",
        "How long the longest-waiting due job has waited (0 with none).",
        age,
    );
    Ok(())
}

fn write_pool(state: &AppState, out: &mut String) {
    let size = f64::from(state.db.size());
    let idle = state.db.num_idle() as f64;
    let name = "squaremile_db_pool_connections";
    let _ = writeln!(out, "# HELP {name} Database connections open, by state.");
    let _ = writeln!(out, "# TYPE {name} gauge");
    let _ = writeln!(out, "{name}{{state=\"idle\"}} {idle}");
    let _ = writeln!(out, "{name}{{state=\"in_use\"}} {}", (size - idle).max(0.0));
    gauge(
        out,
        "squaremile_db_pool_max_connections",
        "The most connections the pool opens.",
        f64::from(state.db.options().get_max_connections()),
    );
}

fn gauge(out: &mut String, name: &str, help: &str, value: f64) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} gauge");
    let _ = writeln!(out, "{name} {value}");
}
