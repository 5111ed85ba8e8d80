//! Every public list as an Atom feed (`/feeds/{kind}.atom`, the newest 50) and as a whole
//! export in CSV or JSON (`/feeds/{kind}.csv`, `.json`), optionally `?area=<slug>`; built
//! from the same reader of public items that alert digests use (`store`).

mod atom;
pub mod store;

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use crate::areas::store as areas;
use crate::db::now_ms;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::clock::rfc3339;
use crate::web::{AppError, AppResult, download};
use store::Kind;

/// Entries in a feed: the newest.
const FEED_LENGTH: i64 = 50;
/// Rows in an export, at most.
const EXPORT_LENGTH: i64 = 100_000;

/// What a `/feeds/` file asks for.
enum Format {
    Atom,
    Csv,
    Json,
}

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
    let (name, extension) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let format = match extension {
        "atom" => Format::Atom,
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => return Err(AppError::NotFound),
    };
    let kind = Kind::parse(name).ok_or(AppError::NotFound)?;
    let area = match query.area.as_str() {
        "" => None,
        slug => Some(
            areas::find_by_slug(&state.db, slug)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    };
    let area_id = area.as_ref().map(|a| a.id.as_str()).unwrap_or("");
    let length = match format {
        Format::Atom => FEED_LENGTH,
        Format::Csv | Format::Json => EXPORT_LENGTH,
    };
    let items = store::between(
        &state.db,
        kind,
        area_id,
        i64::MIN,
        &store::Before::until(now_ms()),
        length,
    )
    .await?;
    let public_url = state.config.public_url.trim_end_matches('/');
    match format {
        Format::Csv => {
            return Ok(download(
                &format!("{name}.csv"),
                "text/csv; charset=utf-8",
                csv(&items, public_url),
            ));
        }
        Format::Json => return Ok(Json(json(&items, public_url)).into_response()),
        Format::Atom => {}
    }
    let lang = Lang::default();
    let what = lang.t(&kind.label_key());
    let title = match &area {
        Some(area) => format!("{what} · {} · Square Mile", area.name),
        None => format!("{what} · Square Mile"),
    };
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

const COLUMNS: [&str; 7] = ["id", "title", "summary", "url", "area", "topic", "at"];

fn csv(items: &[store::Item], public_url: &str) -> String {
    let mut out = crate::web::csv::line(&COLUMNS);
    for item in items {
        out.push_str(&crate::web::csv::line(&[
            item.id.as_str(),
            &item.title,
            &item.summary,
            &format!("{public_url}{}", item.path),
            &item.area_name,
            &item.topic,
            &rfc3339(item.at),
        ]));
    }
    out
}

fn json(items: &[store::Item], public_url: &str) -> serde_json::Value {
    serde_json::Value::Array(
        items
            .iter()
            .map(|item| {
                serde_json::json!({
                    "id": item.id,
                    "title": item.title,
                    "summary": item.summary,
                    "url": format!("{public_url}{}", item.path),
                    "area": item.area_name,
                    "topic": item.topic,
                    "at": rfc3339(item.at),
                })
            })
            .collect(),
    )
}
