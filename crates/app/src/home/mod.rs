//! The home page (what is happening, find your neighbourhood), health checks and static
//! files.

pub mod front_door;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::accounts::store as accounts;
use crate::areas::store::{self as areas, Area, AreaKind};
use crate::state::AppState;
use crate::web::session::MaybeUser;
use crate::web::{AppResult, PageContext, render};
use front_door::FrontDoor;

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
    /// The signed-in person's own neighbourhood, when they said where they live.
    home: Option<Area>,
    neighbourhoods: Vec<Area>,
    front: FrontDoor,
}

/// Neighbourhoods the home page lists by name before "all areas".
const NEIGHBOURHOODS_LISTED: i64 = 30;

async fn home(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
) -> AppResult<Response> {
    // A fresh site has nobody to run it yet: the first visitor sets up the admin account.
    if !accounts::anyone(&state.db).await? {
        return Ok(Redirect::to("/setup").into_response());
    }
    // A resident lands on their own neighbourhood: what is happening there comes first.
    let home = match user.as_ref().and_then(|u| u.home_area_slug.as_deref()) {
        Some(slug) => areas::find_by_slug(&state.db, slug).await?,
        None => None,
    };
    let front = FrontDoor::gather(&state, user.as_ref(), home.as_ref()).await?;
    let neighbourhoods =
        areas::of_kind(&state.db, AreaKind::Neighbourhood, NEIGHBOURHOODS_LISTED).await?;
    render(&HomePage {
        ctx,
        home,
        neighbourhoods,
        front,
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
