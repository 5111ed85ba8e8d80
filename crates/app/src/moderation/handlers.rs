use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, OpenFlag, Target};
use crate::audit::{Action, Entry, Item};
use crate::db::now_ms;
use crate::roles;
use crate::state::AppState;
use crate::web::{AppError, AppResult, CurrentUser, PageContext, RequireUser, render, see_other};

/// Posts (reports, stories, questions, conversation posts, events and open-space sessions,
/// offers and asks, asset items) one person may make in an hour.
const POSTS_PER_HOUR: i64 = 20;
const HOUR_MS: i64 = 3_600_000;
const MAX_REASON: usize = 1000;

/// Refuses a new post from someone who has posted too much in the last hour, saying when
/// the next one will be taken: when the oldest post that fills the hour is an hour old.
pub async fn check_posting_limit(state: &AppState, user: &CurrentUser) -> AppResult<()> {
    let now = now_ms();
    let recent =
        store::post_times_since(&state.db, &user.id, now - HOUR_MS, POSTS_PER_HOUR).await?;
    if let Some(&oldest) = recent.get(POSTS_PER_HOUR as usize - 1) {
        let wait_ms = (oldest + HOUR_MS - now).max(1);
        return Err(AppError::TooMany {
            key: "error-posting-limit",
            retry_after: ((wait_ms + 999) / 1000) as u64,
        });
    }
    Ok(())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FlagForm {
    target: String,
    id: String,
    reason: String,
}

/// The flagged item's kind, and where it is shown; 404 if there is no such item.
async fn target_of(state: &AppState, kind: &str, id: &str) -> AppResult<(Target, String, String)> {
    let target = Target::parse(kind).ok_or(AppError::NotFound)?;
    let (text, parent) = store::describe(&state.db, target, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((target, text, target.link(id, &parent)))
}

/// A moderator's decision as the audit log records it: the item by its text's start.
fn audit_entry<'a>(
    actor: &'a str,
    action: Action,
    target: Target,
    id: &'a str,
    text: &'a str,
    link: &'a str,
    reason: &'a str,
) -> Entry<'a> {
    let end = text.char_indices().nth(80).map_or(text.len(), |(i, _)| i);
    Entry {
        actor_id: Some(actor),
        action,
        item: Item {
            kind: target.as_str(),
            id,
            label: &text[..end],
            link,
        },
        detail: reason,
    }
}

pub async fn flag(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<FlagForm>,
) -> AppResult<Response> {
    let (target, _, link) = target_of(&state, &form.target, &form.id).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        return Err(AppError::Conflict("error-flag-reason"));
    }
    store::flag(&state.db, target, &form.id, &user.id, reason).await?;
    Ok(see_other(&link, Some("flag-received")))
}

struct QueueItem {
    flag: OpenFlag,
    text: String,
    link: String,
}

#[derive(Template)]
#[template(path = "moderation/templates/queue.html")]
struct QueuePage {
    ctx: PageContext,
    items: Vec<QueueItem>,
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-moderators-only")?;
    let mut items = Vec::new();
    for flag in store::open_flags(&state.db).await? {
        // An item deleted since it was flagged has nothing left to moderate.
        if let Some((text, parent)) =
            store::describe(&state.db, flag.target, &flag.target_id).await?
        {
            let link = flag.target.link(&flag.target_id, &parent);
            items.push(QueueItem { flag, text, link });
        }
    }
    render(&QueuePage { ctx, items })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    target: String,
    id: String,
    reason: String,
}

pub async fn hide(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-moderators-only")?;
    let (target, text, link) = target_of(&state, &form.target, &form.id).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        return Err(AppError::Conflict("error-hide-reason"));
    }
    let entry = audit_entry(
        &user.id,
        Action::Hidden,
        target,
        &form.id,
        &text,
        &link,
        reason,
    );
    store::hide(&state.db, target, &form.id, reason, &entry).await?;
    tracing::info!(by = %user.id, kind = target.as_str(), id = %form.id, "hidden by a moderator");
    Ok(see_other("/moderation", Some("moderation-hidden")))
}

pub async fn dismiss(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-moderators-only")?;
    let (target, text, link) = target_of(&state, &form.target, &form.id).await?;
    let entry = audit_entry(
        &user.id,
        Action::FlagsDismissed,
        target,
        &form.id,
        &text,
        &link,
        "",
    );
    store::dismiss(&state.db, target, &form.id, &entry).await?;
    Ok(see_other("/moderation", Some("moderation-dismissed")))
}
