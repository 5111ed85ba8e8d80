use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, AddCardError, Catalogue};
use crate::roles;
use crate::state::AppState;
use crate::web::forms::slugify;
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, see_other};

const MAX_NAME: usize = 80;

#[derive(Template)]
#[template(path = "skills/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    catalogue: Catalogue,
    groups: Vec<(String, String)>,
}

/// The whole taxonomy; admins also get a form per card and one to add a card.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let groups = catalogue.group_choices();
    render(&ListPage {
        ctx,
        catalogue,
        groups,
    })
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    retired: Option<String>,
}

/// Renames a card in the page's language, and retires or restores it.
pub async fn edit(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(code): Path<String>,
    Form(form): Form<EditForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-needs-site-admin")?;
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::Conflict("error-skill-name"));
    }
    if !store::set_retired(&state.db, &code, form.retired.is_some()).await? {
        return Err(AppError::NotFound);
    }
    store::rename(&state.db, &code, ctx.lang.code(), name, &user.id).await?;
    Ok(see_other(
        &format!("/skills#card-{code}"),
        Some("skill-saved"),
    ))
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    group: String,
    #[serde(default)]
    name: String,
}

pub async fn add(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<AddForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-needs-site-admin")?;
    let name = form.name.trim();
    let code = slugify(name);
    if code.is_empty() || name.chars().count() > MAX_NAME {
        return Err(AppError::Conflict("error-skill-name"));
    }
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    if !catalogue.groups.iter().any(|g| g.code == form.group) {
        return Err(AppError::Conflict("error-skill-group"));
    }
    match store::add(
        &state.db,
        &form.group,
        &code,
        ctx.lang.code(),
        name,
        &user.id,
    )
    .await
    {
        Ok(()) => Ok(see_other(
            &format!("/skills#card-{code}"),
            Some("skill-added"),
        )),
        Err(AddCardError::CodeTaken) => Err(AppError::Conflict("error-skill-exists")),
        Err(AddCardError::Other(e)) => Err(e.into()),
    }
}
