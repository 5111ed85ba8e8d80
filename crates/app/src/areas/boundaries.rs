//! The admin's boundary pages: upload GeoJSON (a file or pasted text) for an area and the
//! areas inside it, see what is set, download it.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::handlers::area_by_slug;
use super::places::{self, UploadError};
use super::store::{self, Area};
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{AppError, AppResult, PageContext, RequireUser, download, render_with, see_other};

#[derive(Default)]
struct UploadForm {
    text: String,
    match_by: String,
}

#[derive(Template)]
#[template(path = "areas/templates/boundary.html")]
struct BoundaryPage {
    ctx: PageContext,
    area: Area,
    has_boundary: bool,
    /// How many sub-areas have a boundary, of how many.
    children_text: String,
    form: UploadForm,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    area: Area,
    form: UploadForm,
    errors: FormErrors,
) -> AppResult<BoundaryPage> {
    let has_boundary = store::boundary_text(&state.db, &area.id).await?.is_some();
    let children_total = store::children(&state.db, &area.id).await?.len();
    let children_with = places::children_boundaries(&state.db, &area.id)
        .await?
        .len();
    let children_text = if children_total == 0 {
        String::new()
    } else {
        ctx.lang.t_numbers(
            "boundary-children",
            &[
                ("with", children_with as i64),
                ("total", children_total as i64),
            ],
        )
    };
    Ok(BoundaryPage {
        ctx,
        area,
        has_boundary,
        children_text,
        form,
        errors,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::ManageArea).await?;
    let page = page(&state, ctx, area, UploadForm::default(), FormErrors::new()).await?;
    render_with(StatusCode::OK, &page)
}

/// Boundaries bigger than this are refused (a city's detailed outline is well under 5 MB).
const MAX_UPLOAD: usize = 20 * 1024 * 1024;

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    multipart: Multipart,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::ManageArea).await?;
    let mut form = UploadForm::default();
    let mut file = Vec::new();
    for (name, value) in forms::multipart_fields(multipart).await? {
        match name.as_str() {
            "file" => file = value.to_vec(),
            "text" => form.text = forms::field_text(&value),
            "match_by" => form.match_by = forms::field_text(&value),
            _ => {}
        }
    }
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    // A chosen file wins over pasted text; the text stays in the form either way.
    let (field, text) = if file.is_empty() {
        ("text", Some(form.text.clone()))
    } else {
        ("file", String::from_utf8(file).ok())
    };
    match text {
        None => errors.add(&lang, "file", "field-boundary-not-text"),
        Some(t) if t.trim().is_empty() => errors.add(&lang, "file", "field-boundary-missing"),
        Some(t) if t.len() > MAX_UPLOAD => errors.add(&lang, field, "field-boundary-too-big"),
        Some(t) => match places::plan_upload(&state.db, &area, &t, &form.match_by).await? {
            Ok(boundaries) => {
                store::save_boundaries(&state.db, &boundaries, Some(&user.id)).await?;
                state.places.reload(&state.db).await?;
                tracing::info!(by = %user.id, area = %area.id, count = boundaries.len(), "boundaries saved");
                return Ok(see_other(
                    &format!("/areas/{}/boundary", area.slug),
                    Some("boundary-saved"),
                ));
            }
            Err(error) => errors.add_message(field, upload_message(&lang, &error)),
        },
    }
    let page = page(&state, ctx, area, form, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Takes an area's boundary away (a wrong upload, say): the site then places nothing in it
/// until another is uploaded. Its sub-areas keep theirs.
pub async fn remove(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::ManageArea).await?;
    store::delete_boundary(&state.db, &area.id).await?;
    state.places.reload(&state.db).await?;
    tracing::info!(by = %user.id, area = %area.id, "boundary removed");
    Ok(see_other(
        &format!("/areas/{}/boundary", area.slug),
        Some("boundary-removed"),
    ))
}

fn upload_message(lang: &crate::i18n::Lang, error: &UploadError) -> String {
    places::upload_error_message(lang, error)
}

/// The boundary as a GeoJSON file to save (`<slug>.geojson`), public like the area page.
pub async fn download_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    let feature = feature(&state, &area).await?.ok_or(AppError::NotFound)?;
    Ok(download(
        &format!("{}.geojson", area.slug),
        "application/geo+json",
        feature.to_string(),
    ))
}

/// An area's boundary as a GeoJSON Feature with its slug, name and kind, if it has one.
pub async fn feature(state: &AppState, area: &Area) -> AppResult<Option<serde_json::Value>> {
    let Some(shape) = places::boundary(&state.db, &area.id).await? else {
        return Ok(None);
    };
    let mut properties = serde_json::Map::new();
    properties.insert("slug".into(), area.slug.clone().into());
    properties.insert("name".into(), area.name.clone().into());
    properties.insert("kind".into(), area.kind.as_str().into());
    Ok(Some(::places::feature_json(&shape, properties)))
}

// ------------------------------------------------------------------ the street list

#[derive(Template)]
#[template(path = "areas/templates/streets.html")]
struct StreetsPage {
    ctx: PageContext,
    errors: FormErrors,
}

fn require_site_admin(user: &crate::web::CurrentUser) -> AppResult<()> {
    if user.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden("error-needs-site-admin"))
    }
}

pub async fn streets_form(ctx: PageContext, RequireUser(user): RequireUser) -> AppResult<Response> {
    require_site_admin(&user)?;
    render_with(
        StatusCode::OK,
        &StreetsPage {
            ctx,
            errors: FormErrors::new(),
        },
    )
}

/// One street per line, `name,latitude,longitude` (a first line that is not one is taken
/// as the header). The name may hold commas: the last two fields are the numbers.
fn read_streets(text: &str) -> Result<Vec<(String, f64, f64)>, usize> {
    let mut streets = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parsed = (|| {
            let (rest, lon) = line.rsplit_once(',')?;
            let (name, lat) = rest.rsplit_once(',')?;
            let lat = lat.trim().parse::<f64>().ok().filter(|v| v.abs() <= 90.0)?;
            let lon = lon
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.abs() <= 180.0)?;
            let name = name.trim().trim_matches('"').trim();
            (!name.is_empty() && name.chars().count() <= 200).then(|| (name.to_string(), lat, lon))
        })();
        match parsed {
            Some(street) => streets.push(street),
            None if i == 0 => continue,
            None => return Err(i + 1),
        }
    }
    Ok(streets)
}

pub async fn import_streets(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    multipart: Multipart,
) -> AppResult<Response> {
    require_site_admin(&user)?;
    let mut file = Vec::new();
    for (name, value) in forms::multipart_fields(multipart).await? {
        if name == "file" {
            file = value.to_vec();
        }
    }
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    match String::from_utf8(file).map(|text| read_streets(&text)) {
        Err(_) => errors.add(&lang, "file", "field-streets-not-text"),
        Ok(Err(line)) => errors.add_message(
            "file",
            lang.t1("field-streets-bad-line", "line", &line.to_string()),
        ),
        Ok(Ok(streets)) if streets.is_empty() => errors.add(&lang, "file", "field-streets-empty"),
        Ok(Ok(streets)) => {
            let added = super::points::import_streets(&state.db, &streets).await?;
            tracing::info!(by = %user.id, added, "streets imported");
            return Ok(see_other("/areas/streets", Some("streets-imported")));
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &StreetsPage { ctx, errors },
    )
}
