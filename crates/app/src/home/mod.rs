//! The home page (find your neighbourhood), health checks and static files.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::accounts::store as accounts;
use crate::areas::store::{self as areas, Area, AreaKind};
use crate::state::AppState;
use crate::web::{AppResult, PageContext, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/static/style.css", get(stylesheet))
        .route("/static/map.js", get(map_script))
        .route("/static/ballot.js", get(ballot_script))
        .route("/static/game.js", get(game_script))
}

#[derive(Template)]
#[template(path = "home/templates/home.html")]
struct HomePage {
    ctx: PageContext,
    neighbourhoods: Vec<Area>,
}

async fn home(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    // A fresh site has nobody to run it yet: the first visitor sets up the admin account.
    if accounts::count(&state.db).await? == 0 {
        return Ok(Redirect::to("/setup").into_response());
    }
    let neighbourhoods = areas::of_kind(&state.db, AreaKind::Neighbourhood).await?;
    render(&HomePage {
        ctx,
        neighbourhoods,
    })
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers: ready for traffic.
async fn readyz(State(state): State<AppState>) -> Response {
    match sqlx::query("SELECT 1").execute(&state.db).await {
        Ok(_) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Compiled in, so the binary runs from any directory.
async fn stylesheet() -> Response {
    static_file(
        "text/css; charset=utf-8",
        include_str!("../../static/style.css"),
    )
}

/// Zoom and pan for network maps; the maps work without it.
async fn map_script() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("../../static/map.js"),
    )
}

/// Running totals on a knapsack ballot; the ballot works without it.
async fn ballot_script() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("../../static/ballot.js"),
    )
}

/// One-tap skills game without page reloads; the game works without it.
async fn game_script() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("../../static/game.js"),
    )
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        body,
    )
        .into_response()
}
