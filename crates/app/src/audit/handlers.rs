use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, Filter, Recorded};
use super::{ALL_ACTIONS, Action};
use crate::i18n::Lang;
use crate::roles;
use crate::state::AppState;
use crate::web::forms::{self, labelled};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render};

const PAGE_SIZE: i64 = 50;
const EXPORT_PAGE: i64 = 1_000;
const DAY_MS: i64 = 24 * 3600 * 1000;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogQuery {
    action: String,
    actor: String,
    item: String,
    from: String,
    to: String,
    cursor: String,
}

impl LogQuery {
    /// The filter asked for; a bad value is a 400 naming it, never ignored.
    fn filter(&self, state: &AppState) -> AppResult<Filter> {
        let action = match self.action.trim() {
            "" => None,
            text => Some(Action::parse(text).ok_or(AppError::BadRequest("audit-bad-action"))?),
        };
        let day = |text: &str| -> AppResult<Option<i64>> {
            match text.trim() {
                "" => Ok(None),
                day => state
                    .zone
                    .parse_local(&format!("{day}T00:00"))
                    .map(Some)
                    .ok_or(AppError::BadRequest("audit-bad-day")),
            }
        };
        let id = |text: &str| -> AppResult<Option<String>> {
            match text.trim() {
                "" => Ok(None),
                id if id.len() <= 64
                    && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
                {
                    Ok(Some(id.to_string()))
                }
                _ => Err(AppError::BadRequest("audit-bad-id")),
            }
        };
        Ok(Filter {
            action,
            actor_id: id(&self.actor)?,
            item_id: id(&self.item)?,
            from: day(&self.from)?,
            // The end of the last day asked for is the start of the next.
            until: day(&self.to)?.map(|t| t + DAY_MS),
        })
    }

    /// The filter as a query string, for the next page's link and the export.
    fn as_query(&self) -> String {
        let set: Vec<(&str, &str)> = [
            ("action", self.action.trim()),
            ("actor", self.actor.trim()),
            ("item", self.item.trim()),
            ("from", self.from.trim()),
            ("to", self.to.trim()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect();
        serde_urlencoded::to_string(set).unwrap_or_default()
    }
}

/// An entry as the page shows it, in the reader's language.
struct Shown {
    when: String,
    actor_id: Option<String>,
    actor_name: String,
    action: String,
    item_id: String,
    item_label: String,
    item_link: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit/templates/log.html")]
struct LogPage {
    ctx: PageContext,
    query: LogQuery,
    actions: Vec<(String, String)>,
    entries: Vec<Shown>,
    filters: String,
    next: Option<String>,
}

/// The log, newest first, for site admins.
pub async fn log(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<LogQuery>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-needs-site-admin")?;
    let filter = query.filter(&state)?;
    let cursor = forms::parse_cursor(&query.cursor);
    let rows = store::page(&state.db, &filter, cursor, PAGE_SIZE).await?;
    let next = forms::next_cursor(
        rows.last().map(|r| (r.at, r.id.as_str())),
        rows.len(),
        PAGE_SIZE,
    );
    let entries = rows
        .iter()
        .map(|r| Shown {
            when: state.zone.describe(&ctx.lang, r.at),
            actor_id: r.actor_id.clone(),
            actor_name: r.actor_name.clone(),
            action: action_label(&ctx.lang, &r.action),
            item_id: r.item_id.clone(),
            item_label: r.item_label.clone(),
            item_link: r.item_link.clone(),
            detail: detail_text(&ctx.lang, r),
        })
        .collect();
    let actions = labelled(ALL_ACTIONS, Action::as_str, Action::label_key, &ctx.lang);
    render(&LogPage {
        filters: query.as_query(),
        ctx,
        query,
        actions,
        entries,
        next,
    })
}

fn action_label(lang: &Lang, stored: &str) -> String {
    match Action::parse(stored) {
        Some(action) => lang.t(&action.label_key()),
        None => stored.to_string(),
    }
}

/// The detail in the reader's words where it is made of the site's own values (a status
/// change "open>fixed", a role); as typed otherwise (a reason, a file's name).
fn detail_text(lang: &Lang, entry: &Recorded) -> String {
    let status = |code: &str| match crate::reports::store::Status::parse(code) {
        Some(status) => lang.t(&status.label_key()),
        None => code.to_string(),
    };
    match Action::parse(&entry.action) {
        Some(Action::ReportStatus) => match entry.detail.split_once('>') {
            Some((from, to)) => format!("{} → {}", status(from), status(to)),
            None => entry.detail.clone(),
        },
        Some(action @ (Action::RoleGranted | Action::RoleRevoked | Action::MemberSet)) => {
            let prefix = if action == Action::MemberSet {
                "member-role"
            } else {
                "role"
            };
            let key = format!("{prefix}-{}", entry.detail);
            if lang.has(&key) {
                lang.t(&key)
            } else {
                entry.detail.clone()
            }
        }
        // "panel leximin 12": the kind of draw, its method, how many.
        Some(Action::JuryDraw) => match entry.detail.split(' ').collect::<Vec<_>>()[..] {
            [kind, method, size] => format!(
                "{} · {} · {size}",
                lang.t(&format!("jury-draw-kind-{kind}")),
                lang.t(&format!("jury-method-{method}"))
            ),
            _ => entry.detail.clone(),
        },
        _ => entry.detail.clone(),
    }
}

/// The log as CSV, every entry the filter selects, written a page at a time.
pub async fn export(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Query(query): Query<LogQuery>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-needs-site-admin")?;
    let filter = query.filter(&state)?;
    let export = Export {
        db: state.db.clone(),
        filter,
        cursor: None,
        started: false,
        finished: false,
    };
    Ok(crate::web::streamed_download(
        "audit-log.csv",
        "text/csv; charset=utf-8",
        export.stream(),
    ))
}

const COLUMNS: [&str; 10] = [
    "id",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "item_kind",
    "item_id",
    "item_label",
    "item_link",
    "detail",
];

/// An export being written, a page of entries at a time.
struct Export {
    db: crate::db::Db,
    filter: Filter,
    /// Where the next page starts (time, id), after the first.
    cursor: Option<(i64, String)>,
    started: bool,
    finished: bool,
}

impl Export {
    fn stream(self) -> impl futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> {
        futures_util::stream::unfold(self, |mut export| async move {
            match export.next_chunk().await {
                Ok(Some(chunk)) => Some((Ok(bytes::Bytes::from(chunk)), export)),
                Ok(None) => None,
                Err(e) => {
                    // Headers are gone already: end the body early, which the client sees
                    // as a broken download, never as a whole file.
                    tracing::error!(error = ?e, "streaming the audit log");
                    export.finished = true;
                    Some((Err(std::io::Error::other("export failed")), export))
                }
            }
        })
    }

    async fn next_chunk(&mut self) -> anyhow::Result<Option<String>> {
        if self.finished {
            return Ok(None);
        }
        let mut out = String::new();
        if !self.started {
            self.started = true;
            out.push_str(&crate::web::csv::line(&COLUMNS));
        }
        let cursor = self.cursor.as_ref().map(|(at, id)| (*at, id.as_str()));
        let rows = store::page(&self.db, &self.filter, cursor, EXPORT_PAGE).await?;
        if (rows.len() as i64) < EXPORT_PAGE {
            self.finished = true;
        }
        self.cursor = rows.last().map(|r| (r.at, r.id.clone()));
        for r in &rows {
            out.push_str(&crate::web::csv::line(&[
                r.id.as_str(),
                &crate::web::clock::rfc3339(r.at),
                r.actor_id.as_deref().unwrap_or(""),
                &r.actor_name,
                &r.action,
                &r.item_kind,
                &r.item_id,
                &r.item_label,
                &r.item_link,
                &r.detail,
            ]));
        }
        Ok(Some(out))
    }
}
