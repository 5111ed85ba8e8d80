//! Photos of projects: the proposer's while ideas are taken, officials' at any time (for
//! progress once a project is funded). Stored without metadata; served to everyone.

use axum::body::Bytes;
use axum::extract::{Path, State};

use crate::web::uploads::Upload;
use axum::http::StatusCode;
use axum::response::Response;

use super::handlers::{can_run, process_by_slug, project_of, project_page};
use super::store::{self, Phase};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::images::{self, Caching, without_metadata};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render_with, see_other};

const MAX_ALT: usize = 300;

/// What the upload form sent: the file's bytes and its description.
async fn read_upload(form: Upload) -> AppResult<(Bytes, String)> {
    let (mut bytes, mut alt) = (Bytes::new(), String::new());
    for (name, value) in forms::multipart_fields(form.form).await? {
        match name.as_str() {
            "photo" => bytes = value,
            "alt" => alt = forms::field_text(&value),
            _ => {}
        }
    }
    Ok((bytes, alt))
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
    form: Upload,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let project = project_of(&state, &process, &code).await?;
    let is_author = project.author_id.as_deref() == Some(user.id.as_str());
    let official = can_run(&state, Some(&user), &process).await?;
    if !(official || is_author && process.phase == Phase::Ideas) {
        return Err(AppError::Forbidden("error-photo-not-allowed"));
    }
    let too_large = form.too_large(&ctx.lang, "photo");
    let (bytes, alt) = read_upload(form).await?;
    let mut errors = FormErrors::new();
    if alt.is_empty() || alt.chars().count() > MAX_ALT {
        errors.add(&ctx.lang, "alt", "error-photo-alt");
    }
    let photo = match too_large {
        Some(message) => {
            errors.add_message("photo", message);
            Err(())
        }
        None => without_metadata(bytes)
            .await
            .map_err(|refused| errors.add_message("photo", refused.message(&ctx.lang))),
    };
    let Some((content_type, clean)) = photo.ok().filter(|_| errors.is_empty()) else {
        // The page again, saying what was wrong and keeping the description typed; a
        // browser never refills a file field, so only the photo is chosen again.
        let mut page = project_page(&state, ctx, Some(&user), &slug, &code, errors).await?;
        page.photo_alt = alt;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
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
    // A project's photos are never hidden or removed once shown, so anyone may keep them.
    Ok(images::response(&content_type, bytes, Caching::Public))
}
