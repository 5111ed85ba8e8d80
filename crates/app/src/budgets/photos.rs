//! Photos of projects: the proposer's while ideas are taken, officials' at any time (for
//! progress once a project is funded). Stored without metadata; served to everyone.

use axum::extract::{Multipart, Path, State};

use axum::response::Response;

use super::handlers::{can_run, process_by_slug, project_of};
use super::store::{self, Phase};
use crate::state::AppState;
use crate::web::forms;
use crate::web::images::{ImageError, without_metadata};
use crate::web::{AppError, AppResult, RequireUser, see_other};

const MAX_ALT: usize = 300;

/// What the upload form sent: the file's bytes and its description.
async fn read_upload(form: Multipart) -> AppResult<(Vec<u8>, String)> {
    let (mut bytes, mut alt) = (Vec::new(), String::new());
    for (name, value) in forms::multipart_fields(form).await? {
        match name.as_str() {
            "photo" => bytes = value.to_vec(),
            "alt" => alt = forms::field_text(&value),
            _ => {}
        }
    }
    Ok((bytes, alt))
}

pub async fn upload(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
    form: Multipart,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let project = project_of(&state, &process, &code).await?;
    let is_author = project.author_id.as_deref() == Some(user.id.as_str());
    let official = can_run(&state, Some(&user), &process).await?;
    if !(official || is_author && process.phase == Phase::Ideas) {
        return Err(AppError::Forbidden("error-photo-not-allowed"));
    }
    let (bytes, alt) = read_upload(form).await?;
    if alt.is_empty() || alt.chars().count() > MAX_ALT {
        return Err(AppError::Conflict("error-photo-alt"));
    }
    let (content_type, clean) = match without_metadata(&bytes) {
        Ok(photo) => photo,
        Err(ImageError::UnknownFormat) => return Err(AppError::Conflict("error-photo-format")),
        Err(ImageError::Damaged) => return Err(AppError::Conflict("error-photo-damaged")),
    };
    if !store::add_photo(&state.db, &project.id, content_type, &clean, &alt, &user.id).await? {
        return Err(AppError::Conflict("error-photo-too-many"));
    }
    Ok(see_other(
        &format!("/budgets/{slug}/projects/{code}#photos"),
        Some("pb-photo-added"),
    ))
}

pub async fn show(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let (content_type, bytes) = store::photo(&state.db, &process.id, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(crate::web::images::response(&content_type, bytes))
}
