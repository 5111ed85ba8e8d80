//! The directory of accredited micro-providers in the API: each service of a provider whose
//! accreditation is in force, with the body, until when, and what was checked (names and
//! expiry dates only, never the evidence).

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::areas::store as areas;
use crate::providers::store::{self as providers, Filter};
use crate::state::AppState;
use crate::web::clock::rfc3339;
use crate::web::forms::{next_cursor, parse_cursor};
use crate::web::{AppError, AppResult};

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct ProviderQuery {
    /// The `next` value of the previous page.
    cursor: String,
    /// Items per page, 1 to 200 (default 50).
    limit: Option<i64>,
    /// An area's slug: services in that area and the areas inside it.
    area: String,
    /// A kind of service: `care`, `home_help`, `handyman`, `childminding`, `gardening`,
    /// `companionship`, `transport` or `other`.
    kind: String,
    /// `weekdays`, `evenings` or `weekends`.
    available: String,
}

/// A check an accredited provider passed.
#[derive(Serialize, ToSchema)]
pub struct ApiCheck {
    name: String,
    /// RFC 3339, UTC: the end of the last day the accepted evidence is valid.
    valid_until: String,
}

/// One service of an accredited provider.
#[derive(Serialize, ToSchema)]
pub struct ApiProviderService {
    /// The provider's id (its page is `/providers/{provider}`).
    provider: String,
    provider_name: String,
    /// `care`, `home_help`, `handyman`, `childminding`, `gardening`, `companionship`,
    /// `transport` or `other`.
    kind: String,
    description: String,
    /// The area's slug.
    area: String,
    for_whom: String,
    price: String,
    weekdays: bool,
    evenings: bool,
    weekends: bool,
    hours: String,
    /// The accrediting body's organisation slug.
    accredited_by: String,
    /// RFC 3339, UTC: when the accreditation lapses unless evidence is renewed.
    accredited_until: String,
    checks: Vec<ApiCheck>,
}

#[derive(Serialize, ToSchema)]
pub struct ProviderPage {
    items: Vec<ApiProviderService>,
    /// Pass as `cursor` for the next page; absent on the last.
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/providers", tag = "providers",
    params(ProviderQuery),
    responses((status = 200, description = "Services of providers whose accreditation is in force, newest first", body = ProviderPage),
              (status = 400, description = "A malformed cursor or limit", body = super::ApiError),
              (status = 404, description = "No area with that slug", body = super::ApiError)))]
pub async fn list_providers(
    State(state): State<AppState>,
    Query(query): Query<ProviderQuery>,
) -> AppResult<Json<ProviderPage>> {
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
    let area_id = if query.area.is_empty() {
        None
    } else {
        Some(
            areas::find_by_slug(&state.db, &query.area)
                .await?
                .ok_or(AppError::NotFound)?
                .id,
        )
    };
    let filter = Filter {
        area_id,
        kind: providers::SERVICE_KINDS
            .contains(&query.kind.as_str())
            .then(|| query.kind.clone()),
        availability: providers::AVAILABILITY
            .contains(&query.available.as_str())
            .then(|| query.available.clone()),
    };
    let now = state.clock.now_ms();
    let list = providers::directory(&state.db, &filter, now, cursor, limit).await?;
    let next = next_cursor(
        list.last().map(|l| (l.created_at, l.service.id.as_str())),
        list.len(),
        limit,
    );
    let mut items = Vec::with_capacity(list.len());
    for l in list {
        let checks = providers::passed_checks(&state.db, &l.application_id, now)
            .await?
            .into_iter()
            .map(|(name, until)| ApiCheck {
                name,
                valid_until: rfc3339(until),
            })
            .collect();
        items.push(ApiProviderService {
            provider: l.application_id,
            provider_name: l.provider_name,
            kind: l.service.kind,
            description: l.service.description,
            area: l.service.area_slug,
            for_whom: l.service.for_whom,
            price: l.service.price,
            weekdays: l.service.weekdays,
            evenings: l.service.evenings,
            weekends: l.service.weekends,
            hours: l.service.hours,
            accredited_by: l.body_slug,
            accredited_until: rfc3339(l.valid_until),
            checks,
        });
    }
    Ok(Json(ProviderPage { items, next }))
}
