//! The API's civic lists: reports, stories, events, methods, participatory budgets and their
//! results. Long lists are paged with a cursor: each page gives `next`, to pass back as
//! `cursor` for the page after it (absent on the last page).

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::areas::store as areas;
use crate::budgets::election::read_counted;
use crate::budgets::store as budgets;
use crate::events::store as events;
use crate::i18n::Lang;
use crate::methods::store as methods;
use crate::reports::store as reports;
use crate::state::AppState;
use crate::stories::store as stories;
use crate::web::clock::rfc3339;
use crate::web::forms::{next_cursor, parse_cursor};
use crate::web::{AppError, AppResult};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

/// Paging and place, shared by the lists.
#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct ListQuery {
    /// The `next` value of the previous page.
    cursor: String,
    /// Items per page, 1 to 200 (default 50).
    limit: Option<i64>,
    /// An area's slug: only that area and the areas inside it.
    area: String,
}

impl ListQuery {
    pub(super) fn limit(&self) -> AppResult<i64> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(AppError::BadRequest("error-api-limit")),
        }
    }

    pub(super) fn cursor(&self) -> AppResult<Option<(i64, &str)>> {
        if self.cursor.is_empty() {
            return Ok(None);
        }
        parse_cursor(&self.cursor)
            .map(Some)
            .ok_or(AppError::BadRequest("error-api-cursor"))
    }

    async fn area_id(&self, state: &AppState) -> AppResult<String> {
        if self.area.is_empty() {
            return Ok(String::new());
        }
        let area = areas::find_by_slug(&state.db, &self.area)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(area.id)
    }
}

/// A reported problem (hidden ones are never listed).
#[derive(Serialize, ToSchema)]
pub struct ApiReport {
    id: String,
    title: String,
    description: String,
    /// `open`, `acknowledged`, `in_progress`, `fixed`, `closed` or `duplicate`.
    status: String,
    /// The category's code, e.g. `potholes`.
    category: String,
    area: String,
    /// The organisation it was sent to, when routing found one.
    organisation: Option<String>,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    /// RFC 3339, UTC.
    created_at: String,
    responded_at: Option<String>,
    fixed_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportPage {
    items: Vec<ApiReport>,
    /// Pass as `cursor` for the next page; absent on the last.
    next: Option<String>,
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct ReportQuery {
    /// Only reports in this status.
    status: String,
}

#[utoipa::path(get, path = "/api/v1/reports", tag = "reports",
    params(ListQuery, ReportQuery),
    responses((status = 200, description = "Reports, newest first", body = ReportPage),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError),
              (status = 404, description = "No such area", body = super::ApiError)))]
pub async fn list_reports(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
    Query(filter): Query<ReportQuery>,
) -> AppResult<Json<ReportPage>> {
    let limit = query.limit()?;
    let filter = reports::Filter {
        status: filter.status,
        area: query.area_id(&state).await?,
        ..Default::default()
    };
    let list = reports::list(
        &state.db,
        &filter,
        reports::Order::NewestFirst,
        query.cursor()?,
        limit,
    )
    .await?;
    let next = next_cursor(
        list.last().map(|r| (r.created_at, r.id.as_str())),
        list.len(),
        limit,
    );
    let items = list
        .into_iter()
        .map(|r| ApiReport {
            status: r.status.as_str().to_string(),
            category: r.category_code,
            area: r.area_slug,
            organisation: r.organisation_slug,
            address: r.address,
            latitude: r.latitude,
            longitude: r.longitude,
            created_at: rfc3339(r.created_at),
            responded_at: r.responded_at.map(rfc3339),
            fixed_at: r.fixed_at.map(rfc3339),
            id: r.id,
            title: r.title,
            description: r.description,
        })
        .collect();
    Ok(Json(ReportPage { items, next }))
}

/// A published story about a service, with the organisation's public response.
#[derive(Serialize, ToSchema)]
pub struct ApiStory {
    id: String,
    organisation: String,
    service: String,
    title: String,
    body: String,
    good: String,
    better: String,
    response: String,
    /// `planned` or `made` when the organisation says it changes something; else empty.
    change: String,
    published_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StoryPage {
    items: Vec<ApiStory>,
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/stories", tag = "stories",
    params(("cursor" = Option<String>, Query, description = "The `next` value of the previous page"),
           ("limit" = Option<i64>, Query, description = "Items per page, 1 to 200 (default 50)")),
    responses((status = 200, description = "Published stories, newest first", body = StoryPage),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError)))]
pub async fn list_stories(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> AppResult<Json<StoryPage>> {
    let limit = query.limit()?;
    let list = stories::published_page(&state.db, stories::About::Everyone, query.cursor()?, limit)
        .await?;
    let next = next_cursor(
        list.last()
            .map(|s| (s.published_at.unwrap_or_default(), s.id.as_str())),
        list.len(),
        limit,
    );
    let items = list
        .into_iter()
        .map(|s| ApiStory {
            organisation: s.organisation_slug,
            change: s.change.as_str().to_string(),
            published_at: s.published_at.map(rfc3339),
            id: s.id,
            service: s.service,
            title: s.title,
            body: s.body,
            good: s.good,
            better: s.better,
            response: s.response,
        })
        .collect();
    Ok(Json(StoryPage { items, next }))
}

/// An event, with how many are going and waiting (never who).
#[derive(Serialize, ToSchema)]
pub struct ApiEvent {
    slug: String,
    /// `conversation`, `open-space`, `walk-and-talk`, `assembly`, `skills-game` or `other`.
    kind: String,
    title: String,
    description: String,
    area: String,
    place: String,
    accessibility: String,
    starts_at: String,
    ends_at: String,
    /// Places in all; absent when there is no limit.
    capacity: Option<i64>,
    going: i64,
    waiting: i64,
    cancelled: bool,
    /// The slug of the method from the library it follows.
    method: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventPage {
    items: Vec<ApiEvent>,
    next: Option<String>,
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct EventQuery {
    /// `true`: only events not yet over.
    upcoming: bool,
}

#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(ListQuery, EventQuery),
    responses((status = 200, description = "Events by start time, earliest first", body = EventPage),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError),
              (status = 404, description = "No such area", body = super::ApiError)))]
pub async fn list_events(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
    Query(filter): Query<EventQuery>,
) -> AppResult<Json<EventPage>> {
    let limit = query.limit()?;
    let area = query.area_id(&state).await?;
    let list = events::page(&state.db, &area, filter.upcoming, query.cursor()?, limit).await?;
    let next = next_cursor(
        list.last().map(|e| (e.starts_at, e.id.as_str())),
        list.len(),
        limit,
    );
    let items = list
        .into_iter()
        .map(|e| ApiEvent {
            starts_at: rfc3339(e.starts_at),
            ends_at: rfc3339(e.ends_at),
            cancelled: e.is_cancelled(),
            method: e.method.map(|(slug, _)| slug),
            slug: e.slug,
            kind: e.kind,
            title: e.title,
            description: e.description,
            area: e.area_slug,
            place: e.place,
            accessibility: e.accessibility,
            capacity: e.capacity,
            going: e.going,
            waiting: e.waiting,
        })
        .collect();
    Ok(Json(EventPage { items, next }))
}

/// A method from the library, under its open licence.
#[derive(Serialize, ToSchema)]
pub struct ApiMethod {
    slug: String,
    title: String,
    summary: String,
    purpose: String,
    when_to_use: String,
    group_size: String,
    duration: String,
    materials: String,
    /// One step per item.
    steps: Vec<String>,
    tips: String,
    variations: String,
    licence: String,
    author: String,
    /// The slug of the method it adapts.
    adapted_from: Option<String>,
    tags: Vec<String>,
    /// Mean of 1-5 stars, when rated.
    rating: Option<f64>,
    created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct MethodPage {
    items: Vec<ApiMethod>,
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/methods", tag = "methods",
    params(("cursor" = Option<String>, Query, description = "The `next` value of the previous page"),
           ("limit" = Option<i64>, Query, description = "Items per page, 1 to 200 (default 50)")),
    responses((status = 200, description = "Methods, newest first; the first twelve recipes in the request's language (Accept-Language), the others as written", body = MethodPage),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError)))]
pub async fn list_methods(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Query(query): Query<ListQuery>,
) -> AppResult<Json<MethodPage>> {
    let limit = query.limit()?;
    let cursor = query.cursor()?;
    // The library is small (recipes, not posts): read it whole and page in memory.
    let mut all = methods::search(&state.db, "", "", &lang).await?;
    all.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
    let list: Vec<_> = all
        .into_iter()
        .filter(|m| cursor.is_none_or(|(at, id)| (m.created_at, m.id.as_str()) < (at, id)))
        .take(limit as usize)
        .collect();
    let next = next_cursor(
        list.last().map(|m| (m.created_at, m.id.as_str())),
        list.len(),
        limit,
    );
    let items = list
        .into_iter()
        .map(|m| ApiMethod {
            steps: m.steps().iter().map(|s| s.to_string()).collect(),
            tags: m.tags().iter().map(|s| s.to_string()).collect(),
            adapted_from: m.forked_from.map(|(slug, _, _)| slug),
            rating: m.rating,
            created_at: rfc3339(m.created_at),
            author: m.author_name,
            slug: m.slug,
            title: m.recipe.title,
            summary: m.recipe.summary,
            purpose: m.recipe.purpose,
            when_to_use: m.recipe.when_to_use,
            group_size: m.recipe.group_size,
            duration: m.recipe.duration,
            materials: m.recipe.materials,
            tips: m.recipe.tips,
            variations: m.recipe.variations,
            licence: m.recipe.licence,
        })
        .collect();
    Ok(Json(MethodPage { items, next }))
}

/// A participatory budgeting process.
#[derive(Serialize, ToSchema)]
pub struct ApiBudget {
    slug: String,
    title: String,
    description: String,
    area: String,
    currency: String,
    /// Whole currency units.
    budget: i64,
    /// `ideas`, `review`, `voting`, `results` or `implementation`.
    phase: String,
    /// `approval`, `knapsack`, `cumulative` or `ordinal`.
    ballot: String,
    /// The counting rule, e.g. `mes-add1`.
    rule: String,
    ideas_until: String,
    review_until: String,
    voting_from: String,
    voting_until: String,
}

#[utoipa::path(get, path = "/api/v1/budgets", tag = "budgets",
    responses((status = 200, description = "Every process, newest first (a site has a handful a year, so there are no pages)", body = [ApiBudget])))]
pub async fn list_budgets(State(state): State<AppState>) -> AppResult<Json<Vec<ApiBudget>>> {
    let list = budgets::list(&state.db, None).await?;
    Ok(Json(
        list.into_iter()
            .map(|p| ApiBudget {
                phase: p.phase.as_str().to_string(),
                ballot: p.format.as_str().to_string(),
                rule: p.rule.as_str().to_string(),
                slug: p.slug,
                title: p.title,
                description: p.description,
                area: p.area_slug,
                currency: p.currency,
                budget: p.budget,
                ideas_until: p.ideas_until,
                review_until: p.review_until,
                voting_from: p.voting_from,
                voting_until: p.voting_until,
            })
            .collect(),
    ))
}

/// One project's result.
#[derive(Serialize, ToSchema)]
pub struct ApiProjectResult {
    code: String,
    title: String,
    cost: i64,
    supporters: u64,
    /// Points in all, for points and ranking ballots.
    points: Option<f64>,
    funded: bool,
    /// Whether counting by votes alone would have funded it.
    funded_by_votes_alone: bool,
}

/// The count of one part of the budget (or of the whole, when it is not split).
#[derive(Serialize, ToSchema)]
pub struct ApiResultPart {
    /// The sub-budget's code, when the budget is split.
    part: Option<String>,
    rule: String,
    voters: usize,
    budget: i64,
    spent: i64,
    projects: Vec<ApiProjectResult>,
}

#[utoipa::path(get, path = "/api/v1/budgets/{slug}/results", tag = "budgets",
    params(("slug" = String, Path, description = "The process's slug")),
    responses((status = 200, description = "The results, one part per sub-budget", body = [ApiResultPart]),
              (status = 404, description = "No such process, or not counted yet", body = super::ApiError)))]
pub async fn budget_results(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<ApiResultPart>>> {
    let process = budgets::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = budgets::results(&state.db, &process.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let parts = read_counted(&stored)?;
    Ok(Json(
        parts
            .into_iter()
            .map(|part| ApiResultPart {
                part: part.sub_budget.map(|(code, _)| code),
                rule: part.results.rule,
                voters: part.results.voters,
                budget: part.results.budget,
                spent: part.results.spent,
                projects: part
                    .results
                    .projects
                    .into_iter()
                    .map(|p| ApiProjectResult {
                        code: p.code,
                        title: p.title,
                        cost: p.cost,
                        supporters: p.supporters,
                        points: p.points,
                        funded: p.funded,
                        funded_by_votes_alone: p.greedy_funded,
                    })
                    .collect(),
            })
            .collect(),
    ))
}
