//! Every public list as an Atom feed (`/feeds/{kind}.atom`, the newest 50) and as a whole
//! export in CSV or JSON (`/feeds/{kind}.csv`, `.json`), optionally `?area=<slug>` and a
//! range of days `?from=2023-01-01&to=2023-01-31` (the site's days, both included); built
//! from the same reader of public items that alert digests use (`store`). Exports stream:
//! read a page at a time and sent as they are read, so a city's million reports take as
//! little memory as ten.

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
use crate::web::clock::rfc3339;
use crate::web::{AppError, AppResult, streamed_download};
use store::Kind;

/// Entries in a feed: the newest.
const FEED_LENGTH: i64 = 50;
/// Rows read at a time while an export streams.
const EXPORT_PAGE: i64 = 1_000;

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
    /// First and last day of an export (`YYYY-MM-DD`, the site's days); empty: no bound.
    from: String,
    to: String,
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
    let public_url = state.config.public_url.trim_end_matches('/').to_string();
    if let Format::Csv | Format::Json = format {
        let range =
            DayRange::parse(&state, &query).ok_or(AppError::BadRequest("error-export-dates"))?;
        let export = Export {
            db: state.db.clone(),
            kind,
            area_id: area_id.to_string(),
            after: range.after,
            before: Some(store::Before::until(range.until.min(now_ms()))),
            public_url,
            json: matches!(format, Format::Json),
            started: false,
            written: 0,
        };
        let (content_type, extension) = match format {
            Format::Json => ("application/json", "json"),
            _ => ("text/csv; charset=utf-8", "csv"),
        };
        let file_name = format!("{name}{}.{extension}", range.suffix);
        return Ok(streamed_download(&file_name, content_type, export.stream()));
    }
    let items = store::between(
        &state.db,
        kind,
        area_id,
        i64::MIN,
        &store::Before::until(now_ms()),
        FEED_LENGTH,
    )
    .await?;
    let public_url = public_url.as_str();
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

/// The days an export covers, as times: items after `after` up to `until`, and what its file
/// name says of them.
struct DayRange {
    after: i64,
    until: i64,
    suffix: String,
}

impl DayRange {
    /// None when a bound is not a day.
    fn parse(state: &AppState, query: &FeedQuery) -> Option<DayRange> {
        let day_start = |text: &str| state.zone.parse_local(&format!("{}T00:00", text.trim()));
        let from = match query.from.trim() {
            "" => None,
            text => Some(day_start(text)?),
        };
        let to = match query.to.trim() {
            "" => None,
            // The end of the last day is the start of the next.
            text => Some(state.zone.parse_local(&format!("{}T00:00", text.trim()))? + DAY_MS),
        };
        let (first, last) = (query.from.trim(), query.to.trim());
        let suffix = match (from.is_some(), to.is_some()) {
            (false, false) => String::new(),
            (true, false) => format!("-from-{first}"),
            (false, true) => format!("-to-{last}"),
            (true, true) => format!("-{first}-to-{last}"),
        };
        Some(DayRange {
            after: from.map_or(i64::MIN, |f| f - 1),
            until: to.map_or(i64::MAX - 1, |t| t - 1),
            suffix,
        })
    }
}

const DAY_MS: i64 = 24 * 3600 * 1000;

/// An export being written, a page of items at a time.
struct Export {
    db: crate::db::Db,
    kind: Kind,
    area_id: String,
    after: i64,
    /// Where the next page starts; None once the last has been read.
    before: Option<store::Before>,
    public_url: String,
    json: bool,
    started: bool,
    /// Items written so far.
    written: usize,
}

impl Export {
    fn stream(self) -> impl futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> {
        futures_util::stream::unfold(Some(self), |export| async move {
            let mut export = export?;
            match export.next_chunk().await {
                Ok(Some(chunk)) => Some((Ok(bytes::Bytes::from(chunk)), Some(export))),
                Ok(None) => None,
                Err(e) => {
                    // Headers are gone already: end the body early, which the client sees
                    // as a broken download, never as a whole file.
                    tracing::error!(error = ?e, "streaming an export");
                    Some((Err(std::io::Error::other("export failed")), None))
                }
            }
        })
    }

    /// The next piece of the file: its head first, then a page of items, then its end.
    async fn next_chunk(&mut self) -> anyhow::Result<Option<String>> {
        let mut out = String::new();
        if !self.started {
            self.started = true;
            if self.json {
                out.push('[');
            } else {
                out.push_str(&crate::web::csv::line(&COLUMNS));
            }
        }
        let Some(before) = self.before.take() else {
            return Ok(None);
        };
        let items = store::between(
            &self.db,
            self.kind,
            &self.area_id,
            self.after,
            &before,
            EXPORT_PAGE,
        )
        .await?;
        if items.len() as i64 == EXPORT_PAGE {
            self.before = items.last().map(store::Before::after_item);
        }
        for item in &items {
            if self.json {
                // A comma before every item but the file's first.
                if self.written > 0 {
                    out.push(',');
                }
                out.push_str(&json_item(item, &self.public_url).to_string());
            } else {
                out.push_str(&csv_line(item, &self.public_url));
            }
            self.written += 1;
        }
        if self.json && self.before.is_none() {
            out.push(']');
        }
        Ok(Some(out))
    }
}

fn csv_line(item: &store::Item, public_url: &str) -> String {
    crate::web::csv::line(&[
        item.id.as_str(),
        &item.title,
        &item.summary,
        &format!("{public_url}{}", item.path),
        &item.area_name,
        &item.topic,
        &rfc3339(item.at),
    ])
}

fn json_item(item: &store::Item, public_url: &str) -> serde_json::Value {
    serde_json::json!({
        "id": item.id,
        "title": item.title,
        "summary": item.summary,
        "url": format!("{public_url}{}", item.path),
        "area": item.area_name,
        "topic": item.topic,
        "at": rfc3339(item.at),
    })
}
