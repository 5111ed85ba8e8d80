//! A method's materials: uploaded by its author (or a site admin), downloaded by anyone,
//! copied into adaptations.

use axum::extract::{Path, State};

use crate::web::uploads::Upload;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::materials::{self, Checked};
use super::store::{self, Method};
use crate::state::AppState;
use crate::web::images::{self, ImageError};
use crate::web::page::ErrorPage;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, forms, render_with, see_other,
};

/// Materials one method may carry.
const MAX_FILES: usize = 20;

/// The method's author and site admins look after its materials; the first twelve recipes
/// have no author, so admins do.
pub fn may_manage(user: Option<&CurrentUser>, method: &Method) -> bool {
    user.is_some_and(|u| u.is_admin || method.author_id.as_deref() == Some(u.id.as_str()))
}

async fn managed(state: &AppState, user: &CurrentUser, slug: &str) -> AppResult<Method> {
    let method = store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_manage(Some(user), &method) {
        return Err(AppError::Forbidden("error-material-not-allowed"));
    }
    Ok(method)
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    form: Upload,
) -> AppResult<Response> {
    let method = managed(&state, &user, &slug).await?;
    if let Some(message) = form.too_large(&ctx.lang, "file") {
        // Nothing else is typed on this form: the page states the limit.
        let page = ErrorPage {
            title: ctx.t("error-413-title"),
            message,
            status: StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
            retry: String::new(),
            ctx,
        };
        return render_with(StatusCode::PAYLOAD_TOO_LARGE, &page);
    }
    let part = forms::multipart_parts(form.form)
        .await?
        .into_iter()
        .find(|p| p.name == "file")
        .ok_or(AppError::Conflict("error-material-empty"))?;
    let file_name = part.file_name.unwrap_or_default();
    let Checked {
        file_name,
        content_type,
    } = materials::check(&file_name, &part.bytes)
        .map_err(|refused| AppError::Conflict(refused.message_key()))?;
    // Photos lose their metadata (where and when they were taken), as everywhere on the site.
    let bytes = if content_type.starts_with("image/") {
        match images::without_metadata(part.bytes).await {
            Ok((_, clean)) => clean,
            Err(ImageError::TooLarge) => {
                // The limit has numbers in it, so the page is worded here.
                let page = ErrorPage {
                    title: ctx.t("error-409-title"),
                    message: ImageError::TooLarge.message(&ctx.lang),
                    status: StatusCode::CONFLICT.as_u16(),
                    retry: String::new(),
                    ctx,
                };
                return render_with(StatusCode::CONFLICT, &page);
            }
            Err(_) => return Err(AppError::Conflict("error-material-type")),
        }
    } else {
        part.bytes.to_vec()
    };
    if store::files(&state.db, &method.id).await?.len() >= MAX_FILES {
        return Err(AppError::Conflict("error-material-too-many"));
    }
    store::add_file(
        &state.db,
        &method.id,
        &file_name,
        content_type,
        &bytes,
        &user.id,
    )
    .await?;
    Ok(see_other(
        &format!("/methods/{slug}#materials"),
        Some("method-material-added"),
    ))
}

pub async fn download(
    State(state): State<AppState>,
    Path((slug, file_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let method = store::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (file_name, content_type, bytes) = store::file(&state.db, &method.id, &file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_DISPOSITION,
                materials::disposition(&file_name),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub async fn remove(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, file_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let method = managed(&state, &user, &slug).await?;
    if !store::remove_file(&state.db, &method.id, &file_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(
        &format!("/methods/{slug}#materials"),
        Some("method-material-removed"),
    ))
}
