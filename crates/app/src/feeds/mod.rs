//! Atom feeds of every public list (`/feeds/{kind}.atom`, optionally `?area=<slug>`), built
//! from the same reader of new public items that alert digests use (`store`).

mod atom;
pub mod store;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::areas::store as areas;
use crate::db::now_ms;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{AppError, AppResult};
use store::Kind;

/// Entries in a feed: the newest.
const FEED_LENGTH: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new().route("/feeds/{file}", get(feed))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FeedQuery {
    area: String,
}

async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<FeedQuery>,
) -> AppResult<Response> {
    let kind = file
        .strip_suffix(".atom")
        .and_then(Kind::parse)
        .ok_or(AppError::NotFound)?;
    let area = match query.area.as_str() {
        "" => None,
        slug => Some(
            areas::find_by_slug(&state.db, slug)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    let area_id = area.as_ref().map(|a| a.id.as_str()).unwrap_or("");
    let items = store::between(&state.db, kind, area_id, i64::MIN, now_ms(), FEED_LENGTH).await?;
    let lang = Lang::default();
    let what = lang.t(&kind.label_key());
    let title = match &area {
        Some(area) => format!("{what} · {} · Square Mile", area.name),
        None => format!("{what} · Square Mile"),
    };
    let public_url = state.config.public_url.trim_end_matches('/');
    let self_url = match &area {
        Some(area) => format!("{public_url}/feeds/{file}?area={}", area.slug),
        None => format!("{public_url}/feeds/{file}"),
    };
    let page_url = format!("{public_url}{}", kind.list_path());
    let head = atom::FeedHead {
        title: &title,
        self_url: &self_url,
        page_url: &page_url,
        public_url,
        empty_updated: 0,
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        atom::feed(&head, &items),
    )
        .into_response())
}
