//! The read-only JSON API under `/api/v1/`, described by OpenAPI at `/api/v1/openapi.json`.
//! Feature modules add their endpoints here as they land.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::areas::store as areas;
use crate::organisations::store as organisations;
use crate::state::AppState;
use crate::web::{AppError, AppResult};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Square Mile API",
        description = "Public data of a Square Mile site: areas and organisations."
    ),
    paths(list_areas, get_area, list_organisations, get_organisation),
    components(schemas(ApiArea, ApiOrganisation, ApiError))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/areas", get(list_areas))
        .route("/api/v1/areas/{slug}", get(get_area))
        .route("/api/v1/organisations", get(list_organisations))
        .route("/api/v1/organisations/{slug}", get(get_organisation))
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
