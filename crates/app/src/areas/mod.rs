//! Areas: the city > district > neighbourhood hierarchy that everything belongs to, with a
//! page per area, search ("find your neighbourhood") and "I live here".

pub mod boundaries;
pub mod geocode;
pub mod handlers;
pub mod maps;
pub mod places;
pub mod points;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/areas", get(handlers::list))
        .route("/areas/new", get(handlers::new_form).post(handlers::create))
        .route(
            "/areas/streets",
            get(boundaries::streets_form).post(boundaries::import_streets),
        )
        .route("/areas/{slug}", get(handlers::show))
        .route(
            "/areas/{slug}/edit",
            get(handlers::edit_form).post(handlers::update),
        )
        .route("/areas/{slug}/join", post(handlers::join))
        .route(
            "/areas/{slug}/boundary",
            get(boundaries::show).post(boundaries::upload),
        )
        .route("/areas/{slug}/boundary/remove", post(boundaries::remove))
        .route(
            "/areas/{slug}/boundary.geojson",
            get(boundaries::download_file),
        )
}

/// The area a list's `?area=` names, by its slug (what people see in addresses) or by its id
/// (links made before slugs), or None when the filter is empty. A name that is neither is
/// "not found", never a silently empty list.
pub async fn from_filter(
    db: &crate::db::Db,
    text: &str,
) -> crate::web::AppResult<Option<store::Area>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match store::find_by_slug(db, text).await? {
        Some(area) => Ok(Some(area)),
        None => Ok(Some(
            store::find(db, text)
                .await?
                .ok_or(crate::web::AppError::NotFound)?,
        )),
    }
}
