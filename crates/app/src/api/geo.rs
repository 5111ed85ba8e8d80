//! The API's places: an area's boundary, the areas holding a point, and GeoJSON
//! FeatureCollections of the public things with a location (reports, assets, events,
//! budget projects), in a box and paged like the other lists.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::IntoParams;

use crate::areas::boundaries;
use crate::areas::places::areas_at;
use crate::areas::points::{self, PointKind};
use crate::areas::store as areas;
use crate::state::AppState;
use crate::web::clock::rfc3339;
use crate::web::forms::{next_cursor, parse_cursor};
use crate::web::{AppError, AppResult};

/// The widest box one request may ask for, in degrees each way (about 110 km north-south):
/// wider boxes are cut to this around their centre, and the answer says so.
pub const MAX_BOX_DEGREES: f64 = 1.0;

const DEFAULT_LIMIT: i64 = 200;
const MAX_LIMIT: i64 = 1000;

fn geojson(value: Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/geo+json")],
        value.to_string(),
    )
        .into_response()
}

#[utoipa::path(get, path = "/api/v1/areas/{slug}/boundary", tag = "places",
    params(("slug" = String, Path, description = "The area's slug")),
    responses((status = 200, description = "The boundary, a GeoJSON Feature (MultiPolygon, WGS84) with slug, name and kind"),
              (status = 404, description = "No such area, or it has no boundary", body = super::ApiError)))]
pub async fn area_boundary(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = areas::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let feature = boundaries::feature(&state, &area)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(geojson(feature))
}

#[derive(Deserialize, IntoParams)]
pub struct AtQuery {
    /// Latitude, WGS84 degrees.
    lat: Option<String>,
    /// Longitude, WGS84 degrees.
    lon: Option<String>,
}

fn degrees(value: Option<&str>, range: f64, key: &'static str) -> AppResult<f64> {
    value
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && v.abs() <= range)
        .ok_or(AppError::BadRequest(key))
}

#[utoipa::path(get, path = "/api/v1/areas/at", tag = "places", params(AtQuery),
    responses((status = 200, description = "`{\"areas\": [...]}`: the areas whose boundary holds the point, innermost first, each with slug, name, kind and parent"),
              (status = 400, description = "lat or lon missing, not a number or out of range", body = super::ApiError)))]
pub async fn areas_at_point(
    State(state): State<AppState>,
    Query(query): Query<AtQuery>,
) -> AppResult<axum::Json<Value>> {
    let lat = degrees(query.lat.as_deref(), 90.0, "error-api-latitude")?;
    let lon = degrees(query.lon.as_deref(), 180.0, "error-api-longitude")?;
    let found: Vec<Value> = areas_at(&state, lat, lon)
        .into_iter()
        .map(|a| json!({ "slug": a.slug, "name": a.name, "kind": a.kind.as_str() }))
        .collect();
    Ok(axum::Json(json!({ "areas": found })))
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct PlaceSearchQuery {
    /// What was typed: a street, perhaps with a house number, or an area's name.
    q: String,
    /// Only `json` (Nominatim's default output, asked for explicitly by its clients).
    format: String,
}

#[utoipa::path(get, path = "/api/v1/places/search", tag = "places", params(PlaceSearchQuery),
    responses((status = 200, description = "Nominatim-compatible answer: a JSON array of places, each with `display_name`, `lat` and `lon` (strings, WGS84), from the site's street list and areas with a boundary; another Square Mile can name `/api/v1/places` as its `geocoder_url`"),
              (status = 400, description = "A format other than json", body = super::ApiError)))]
pub async fn search_places(
    State(state): State<AppState>,
    Query(query): Query<PlaceSearchQuery>,
) -> AppResult<axum::Json<Value>> {
    if !matches!(query.format.as_str(), "" | "json" | "jsonv2") {
        return Err(AppError::BadRequest("error-api-format"));
    }
    let found = crate::areas::geocode::search_locally(&state, &query.q).await?;
    Ok(axum::Json(Value::Array(
        found
            .into_iter()
            .map(|place| {
                json!({
                    "display_name": place.label,
                    "lat": place.latitude.to_string(),
                    "lon": place.longitude.to_string(),
                })
            })
            .collect(),
    )))
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct PointsQuery {
    /// `minlon,minlat,maxlon,maxlat` in WGS84 degrees; a box wider than 1 degree either way
    /// is cut to 1 degree around its centre (the answer's `bbox` says what was searched).
    bbox: String,
    /// The `next` value of the previous page.
    cursor: String,
    /// Features per page, 1 to 1000 (default 200).
    limit: Option<i64>,
}

/// The box asked for, cut to [`MAX_BOX_DEGREES`]; `None` when no box was given.
fn read_bbox(text: &str) -> AppResult<Option<(places::Bounds, bool)>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let numbers: Vec<f64> = text
        .split(',')
        .map(|n| n.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| AppError::BadRequest("error-api-bbox"))?;
    let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
        return Err(AppError::BadRequest("error-api-bbox"));
    };
    let in_range = |lon: f64, lat: f64| lon.abs() <= 180.0 && lat.abs() <= 90.0;
    if !in_range(min_lon, min_lat)
        || !in_range(max_lon, max_lat)
        || min_lon > max_lon
        || min_lat > max_lat
    {
        return Err(AppError::BadRequest("error-api-bbox"));
    }
    let cut = |min: f64, max: f64| {
        if max - min <= MAX_BOX_DEGREES {
            (min, max, false)
        } else {
            let centre = (min + max) / 2.0;
            (
                centre - MAX_BOX_DEGREES / 2.0,
                centre + MAX_BOX_DEGREES / 2.0,
                true,
            )
        }
    };
    let (min_lon, max_lon, cut_lon) = cut(min_lon, max_lon);
    let (min_lat, max_lat, cut_lat) = cut(min_lat, max_lat);
    Ok(Some((
        places::Bounds {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        },
        cut_lon || cut_lat,
    )))
}

const WORLD: places::Bounds = places::Bounds {
    min_lon: -180.0,
    min_lat: -90.0,
    max_lon: 180.0,
    max_lat: 90.0,
};

async fn collection(state: &AppState, kind: PointKind, query: PointsQuery) -> AppResult<Response> {
    let limit = match query.limit {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => return Err(AppError::BadRequest("error-api-geo-limit")),
    };
    let cursor = if query.cursor.is_empty() {
        None
    } else {
        Some(parse_cursor(&query.cursor).ok_or(AppError::BadRequest("error-api-cursor"))?)
    };
    let bbox = read_bbox(&query.bbox)?;
    let bounds = bbox.map(|(b, _)| b).unwrap_or(WORLD);
    let now = state.clock.now_ms();
    let found = points::in_box_at(&state.db, kind, &bounds, cursor, limit, now).await?;
    let next = next_cursor(
        found.last().map(|p| (p.created_at, p.row_id.as_str())),
        found.len(),
        limit,
    );
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let features: Vec<Value> = found
        .into_iter()
        .map(|p| {
            let mut properties = Map::new();
            properties.insert("id".into(), p.id.into());
            properties.insert("title".into(), p.title.into());
            let (name, value) = match kind {
                PointKind::Reports => ("status", p.detail),
                PointKind::Assets => ("kind", p.detail),
                PointKind::Events => (
                    "starts_at",
                    p.detail.parse::<i64>().map(rfc3339).unwrap_or_default(),
                ),
                PointKind::Projects => ("status", p.detail),
                PointKind::Providers => (
                    "accredited_until",
                    p.detail.parse::<i64>().map(rfc3339).unwrap_or_default(),
                ),
            };
            properties.insert(name.into(), value.into());
            properties.insert("area".into(), p.area_slug.into());
            properties.insert("created_at".into(), rfc3339(p.created_at).into());
            properties.insert("url".into(), format!("{base}{}", p.path).into());
            json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.longitude, p.latitude] },
                "properties": properties,
            })
        })
        .collect();
    let mut body = json!({ "type": "FeatureCollection", "features": features });
    if let Some((b, capped)) = bbox {
        body["bbox"] = json!([b.min_lon, b.min_lat, b.max_lon, b.max_lat]);
        body["bbox_capped"] = capped.into();
    }
    if let Some(next) = next {
        body["next"] = next.into();
    }
    Ok(geojson(body))
}

#[utoipa::path(get, path = "/api/v1/reports.geojson", tag = "places", params(PointsQuery),
    responses((status = 200, description = "Reports with a location (not hidden), newest first, as a GeoJSON FeatureCollection of points; `next` pages on"),
              (status = 400, description = "A malformed bbox, cursor or limit", body = super::ApiError)))]
pub async fn reports_geojson(
    State(state): State<AppState>,
    Query(query): Query<PointsQuery>,
) -> AppResult<Response> {
    collection(&state, PointKind::Reports, query).await
}

#[utoipa::path(get, path = "/api/v1/assets.geojson", tag = "places", params(PointsQuery),
    responses((status = 200, description = "Public spaces, groups and resources with a location (never a person's skill), as GeoJSON points"),
              (status = 400, description = "A malformed bbox, cursor or limit", body = super::ApiError)))]
pub async fn assets_geojson(
    State(state): State<AppState>,
    Query(query): Query<PointsQuery>,
) -> AppResult<Response> {
    collection(&state, PointKind::Assets, query).await
}

#[utoipa::path(get, path = "/api/v1/events.geojson", tag = "places", params(PointsQuery),
    responses((status = 200, description = "Events with a location (not cancelled), as GeoJSON points"),
              (status = 400, description = "A malformed bbox, cursor or limit", body = super::ApiError)))]
pub async fn events_geojson(
    State(state): State<AppState>,
    Query(query): Query<PointsQuery>,
) -> AppResult<Response> {
    collection(&state, PointKind::Events, query).await
}

#[utoipa::path(get, path = "/api/v1/budget-projects.geojson", tag = "places", params(PointsQuery),
    responses((status = 200, description = "Budget projects with a location (not rejected), as GeoJSON points"),
              (status = 400, description = "A malformed bbox, cursor or limit", body = super::ApiError)))]
pub async fn projects_geojson(
    State(state): State<AppState>,
    Query(query): Query<PointsQuery>,
) -> AppResult<Response> {
    collection(&state, PointKind::Projects, query).await
}

#[utoipa::path(get, path = "/api/v1/providers.geojson", tag = "places", params(PointsQuery),
    responses((status = 200, description = "Accredited micro-providers with a place, only while their accreditation is in force (what was checked is on their page, never the evidence), as GeoJSON points"),
              (status = 400, description = "A malformed bbox, cursor or limit", body = super::ApiError)))]
pub async fn providers_geojson(
    State(state): State<AppState>,
    Query(query): Query<PointsQuery>,
) -> AppResult<Response> {
    collection(&state, PointKind::Providers, query).await
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct BoundariesQuery {
    /// The `next` value of the previous page.
    cursor: String,
    /// Boundaries per page, 1 to 200 (default 50).
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/boundaries.geojson", tag = "places", params(BoundariesQuery),
    responses((status = 200, description = "Every area's boundary (the data export of boundaries), a GeoJSON FeatureCollection of MultiPolygons with slug, name, kind and parent, most recently changed first; `next` pages on"),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError)))]
pub async fn all_boundaries(
    State(state): State<AppState>,
    Query(query): Query<BoundariesQuery>,
) -> AppResult<Response> {
    let limit = match query.limit {
        None => 50,
        Some(n) if (1..=200).contains(&n) => n,
        Some(_) => return Err(AppError::BadRequest("error-api-limit")),
    };
    let cursor = if query.cursor.is_empty() {
        None
    } else {
        Some(parse_cursor(&query.cursor).ok_or(AppError::BadRequest("error-api-cursor"))?)
    };
    let page = areas::boundaries_page(&state.db, cursor, limit).await?;
    let next = next_cursor(
        page.last().map(|(a, _, at)| (*at, a.id.as_str())),
        page.len(),
        limit,
    );
    let parents: std::collections::HashMap<String, String> = areas::all(&state.db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.slug))
        .collect();
    let mut features = Vec::with_capacity(page.len());
    for (area, text, _) in page {
        let shape = places::parse_geometry(&text)
            .map_err(|e| anyhow::anyhow!("the stored boundary of {}: {e}", area.slug))?;
        let mut properties = Map::new();
        properties.insert("slug".into(), area.slug.clone().into());
        properties.insert("name".into(), area.name.clone().into());
        properties.insert("kind".into(), area.kind.as_str().into());
        let parent = area
            .parent_id
            .as_ref()
            .and_then(|p| parents.get(p))
            .cloned();
        properties.insert("parent".into(), parent.into());
        features.push(places::feature_json(&shape, properties));
    }
    let mut body = json!({ "type": "FeatureCollection", "features": features });
    if let Some(next) = next {
        body["next"] = next.into();
    }
    Ok(geojson(body))
}
