//! The read-only JSON API under `/api/v1/`, described by OpenAPI at `/api/v1/openapi.json`.
//! Feature modules add their endpoints here as they land.

pub mod civic;
pub mod geo;
pub mod keys;
pub mod providers;

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::areas::store as areas;
use crate::assets::privacy::Viewer;
use crate::assets::store as assets;
use crate::help::store as help;
use crate::organisations::store as organisations;
use crate::state::AppState;
use crate::web::{AppError, AppResult, forms};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Square Mile API",
        description = "Public data of a Square Mile site: areas, organisations, the public part of each area's asset map, open offers and asks, reports, stories, events, methods, participatory budgets with their results, and accredited local providers. Long lists are paged: pass a page's `next` back as `cursor`."
    ),
    paths(
        list_areas,
        get_area,
        list_area_assets,
        list_area_offers_and_asks,
        list_organisations,
        get_organisation,
        civic::list_reports,
        civic::list_stories,
        civic::list_events,
        civic::list_methods,
        civic::list_budgets,
        civic::budget_results,
        geo::area_boundary,
        geo::areas_at_point,
        geo::reports_geojson,
        geo::assets_geojson,
        geo::events_geojson,
        geo::projects_geojson,
        geo::providers_geojson,
        geo::all_boundaries,
        geo::search_places,
        providers::list_providers
    ),
    components(schemas(
        ApiArea,
        PostPage,
        ApiOrganisation,
        ApiAsset,
        ApiPost,
        ApiError,
        civic::ApiReport,
        civic::ReportPage,
        civic::ApiStory,
        civic::StoryPage,
        civic::ApiEvent,
        civic::EventPage,
        civic::ApiMethod,
        civic::MethodPage,
        civic::ApiBudget,
        civic::ApiResultPart,
        civic::ApiProjectResult,
        providers::ApiProviderService,
        providers::ApiCheck,
        providers::ProviderPage
    ))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/areas", get(list_areas))
        .route("/api/v1/areas/{slug}", get(get_area))
        .route("/api/v1/areas/{slug}/assets", get(list_area_assets))
        .route(
            "/api/v1/areas/{slug}/offers-and-asks",
            get(list_area_offers_and_asks),
        )
        .route("/api/v1/organisations", get(list_organisations))
        .route("/api/v1/organisations/{slug}", get(get_organisation))
        .route("/api/v1/reports", get(civic::list_reports))
        .route("/api/v1/stories", get(civic::list_stories))
        .route("/api/v1/events", get(civic::list_events))
        .route("/api/v1/methods", get(civic::list_methods))
        .route("/api/v1/providers", get(providers::list_providers))
        .route("/api/v1/budgets", get(civic::list_budgets))
        .route("/api/v1/budgets/{slug}/results", get(civic::budget_results))
        .route("/api/v1/areas/at", get(geo::areas_at_point))
        .route("/api/v1/places/search", get(geo::search_places))
        .route("/api/v1/boundaries.geojson", get(geo::all_boundaries))
        .route("/api/v1/areas/{slug}/boundary", get(geo::area_boundary))
        .route("/api/v1/reports.geojson", get(geo::reports_geojson))
        .route("/api/v1/assets.geojson", get(geo::assets_geojson))
        .route("/api/v1/events.geojson", get(geo::events_geojson))
        .route("/api/v1/providers.geojson", get(geo::providers_geojson))
        .route(
            "/api/v1/budget-projects.geojson",
            get(geo::projects_geojson),
        )
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// An area: a city, a district or a neighbourhood.
#[derive(Serialize, ToSchema)]
pub struct ApiArea {
    /// Stable identifier used in addresses, e.g. `riverside`.
    slug: String,
    name: String,
    /// `city`, `district` or `neighbourhood`.
    kind: String,
    /// The enclosing area's slug; absent for a city.
    parent: Option<String>,
    description: String,
}

/// An organisation active in the area.
#[derive(Serialize, ToSchema)]
pub struct ApiOrganisation {
    slug: String,
    name: String,
    /// One of `council_department`, `agency`, `health_service`, `community_group`, `charity`, `business`, `micro_provider`.
    kind: String,
    description: String,
    website: String,
    /// The slug of the organisation's area, if it has one.
    area: Option<String>,
}

/// Something the area has, recorded as public: a skill, a resource, a space or a group.
#[derive(Serialize, ToSchema)]
pub struct ApiAsset {
    id: String,
    /// `skill`, `resource`, `space` or `group`.
    kind: String,
    /// The skill card's code, e.g. `bike-repair`.
    card: Option<String>,
    title: String,
    description: String,
    /// Any of `teach`, `do`, `lend`, `advise`.
    share_modes: Vec<String>,
    capacity: Option<i64>,
    accessibility: String,
    /// The person's display name, or the organisation's name.
    offered_by: String,
    /// The slug of the item's area.
    area: String,
}

/// An open offer or ask of help, recorded as public.
#[derive(Serialize, ToSchema)]
pub struct ApiPost {
    id: String,
    /// `offer` or `ask`.
    kind: String,
    card: Option<String>,
    title: String,
    body: String,
    timing: String,
    /// `open`, `matched`, `done` or `withdrawn`.
    status: String,
    area: String,
}

/// The body of every error response.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    error: String,
    status: u16,
}

fn api_area(area: areas::Area, all: &[areas::Area]) -> ApiArea {
    let parent = area
        .parent_id
        .as_ref()
        .and_then(|id| all.iter().find(|a| &a.id == id))
        .map(|a| a.slug.clone());
    ApiArea {
        slug: area.slug,
        name: area.name,
        kind: area.kind.as_str().to_string(),
        parent,
        description: area.description,
    }
}

fn api_organisation(org: organisations::Organisation) -> ApiOrganisation {
    ApiOrganisation {
        slug: org.slug,
        name: org.name,
        kind: org.kind.as_str().to_string(),
        description: org.description,
        website: org.website,
        area: org.area_slug,
    }
}

#[utoipa::path(get, path = "/api/v1/areas", tag = "areas",
    responses((status = 200, description = "Every area, by name", body = [ApiArea])))]
async fn list_areas(State(state): State<AppState>) -> AppResult<Json<Vec<ApiArea>>> {
    let all = areas::all(&state.db).await?;
    Ok(Json(
        all.iter().cloned().map(|a| api_area(a, &all)).collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/areas/{slug}", tag = "areas",
    params(("slug" = String, Path, description = "The area's slug")),
    responses((status = 200, description = "The area", body = ApiArea),
              (status = 404, description = "No such area", body = ApiError)))]
async fn get_area(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<ApiArea>> {
    let area = areas::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let parents = areas::ancestors(&state.db, &area.id).await?;
    Ok(Json(api_area(area, &parents)))
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    responses((status = 200, description = "Every organisation, by name", body = [ApiOrganisation])))]
async fn list_organisations(
    State(state): State<AppState>,
) -> AppResult<Json<Vec<ApiOrganisation>>> {
    let list = organisations::list(&state.db, None, None).await?;
    Ok(Json(list.into_iter().map(api_organisation).collect()))
}

#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug")),
    responses((status = 200, description = "The organisation", body = ApiOrganisation),
              (status = 404, description = "No such organisation", body = ApiError)))]
async fn get_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<ApiOrganisation>> {
    let org = organisations::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(api_organisation(org)))
}

async fn area_by_slug(state: &AppState, slug: &str) -> AppResult<areas::Area> {
    areas::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/areas/{slug}/assets", tag = "assets",
    params(("slug" = String, Path, description = "The area's slug; areas inside it are included")),
    responses((status = 200, description = "The public items of the area's asset map", body = [ApiAsset]),
              (status = 404, description = "No such area", body = ApiError)))]
async fn list_area_assets(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<ApiAsset>>> {
    let area = area_by_slug(&state, &slug).await?;
    // The API is anonymous: only what everyone may see.
    let list = assets::in_area(
        &state.db,
        &Viewer::anonymous(),
        &area.id,
        &Default::default(),
    )
    .await?;
    Ok(Json(
        list.into_iter()
            .map(|a| ApiAsset {
                offered_by: a.offered_by().to_string(),
                id: a.id,
                kind: a.kind.as_str().to_string(),
                card: a.card_code,
                title: a.title,
                description: a.description,
                share_modes: a
                    .share_modes
                    .iter()
                    .map(|m| m.as_str().to_string())
                    .collect(),
                capacity: a.capacity,
                accessibility: a.accessibility,
                area: a.area_slug,
            })
            .collect(),
    ))
}

/// A page of offers and asks.
#[derive(Serialize, ToSchema)]
pub struct PostPage {
    items: Vec<ApiPost>,
    /// Pass as `cursor` for the next page; absent on the last.
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/areas/{slug}/offers-and-asks", tag = "offers and asks",
    params(("slug" = String, Path, description = "The area's slug; areas inside it are included"),
           ("cursor" = Option<String>, Query, description = "The `next` value of the previous page"),
           ("limit" = Option<i64>, Query, description = "Items per page, 1 to 200 (default 50)")),
    responses((status = 200, description = "The area's public open offers and asks, newest first", body = PostPage),
              (status = 400, description = "A malformed cursor or limit", body = ApiError),
              (status = 404, description = "No such area", body = ApiError)))]
async fn list_area_offers_and_asks(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(page): Query<civic::ListQuery>,
) -> AppResult<Json<PostPage>> {
    let area = area_by_slug(&state, &slug).await?;
    let filter = help::PostFilter {
        status: "open".into(),
        area: area.id.clone(),
        ..Default::default()
    };
    let limit = page.limit()?;
    let posts = help::list(
        &state.db,
        &Viewer::anonymous(),
        &filter,
        page.cursor()?,
        limit,
    )
    .await?;
    let next = forms::next_cursor(
        posts.last().map(|p| (p.created_at, p.id.as_str())),
        posts.len(),
        limit,
    );
    let all = areas::all(&state.db).await?;
    let slug_of = |id: &str| {
        all.iter()
            .find(|a| a.id == id)
            .map(|a| a.slug.clone())
            .unwrap_or_default()
    };
    let items = posts
        .into_iter()
        .map(|p| ApiPost {
            area: slug_of(&p.area_id),
            id: p.id,
            kind: p.kind.as_str().to_string(),
            card: p.card_code,
            title: p.title,
            body: p.body,
            timing: p.timing,
            status: p.status.as_str().to_string(),
        })
        .collect();
    Ok(Json(PostPage { items, next }))
}
