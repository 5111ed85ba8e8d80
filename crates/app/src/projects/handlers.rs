use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, CreateProjectError, Project, Update};
use crate::areas::store as areas;
use crate::assets::privacy::Viewer;
use crate::help::store::{self as help, Post, PostFilter};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, PageContext, RequireUser, format_date, render, render_with, see_other,
};

const MAX_UPDATE: usize = 4000;

async fn project_by_slug(state: &AppState, slug: &str) -> AppResult<Project> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The project, for a member of its team only.
async fn project_of_member(state: &AppState, user_id: &str, slug: &str) -> AppResult<Project> {
    let project = project_by_slug(state, slug).await?;
    if !store::is_member(&state.db, &project.id, user_id).await? {
        return Err(AppError::Forbidden("error-project-team-only"));
    }
    Ok(project)
}

#[derive(Template)]
#[template(path = "projects/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    projects: Vec<Project>,
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    let projects = store::list(&state.db).await?;
    render(&ListPage { ctx, projects })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProjectForm {
    title: String,
    slug: String,
    area: String,
    purpose: String,
    role: String,
}

#[derive(Template)]
#[template(path = "projects/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: ProjectForm,
    errors: FormErrors,
    areas: Vec<(String, String)>,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
) -> AppResult<Response> {
    let areas = areas::choices(&state.db).await?;
    render(&FormPage {
        ctx,
        form: ProjectForm::default(),
        errors: FormErrors::new(),
        areas,
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ProjectForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let purpose = forms::required_text(&mut errors, &lang, "purpose", &form.purpose, 4000);
    let role = forms::optional_text(&mut errors, &lang, "role", &form.role, 60);
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &title
    } else {
        &form.slug
    });
    if slug.is_empty() && !title.is_empty() {
        errors.add(&lang, "slug", "field-slug-invalid");
    }
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area", "field-area-missing");
    }
    if errors.is_empty() {
        match store::create(
            &state.db, &form.area, &slug, &title, &purpose, &user.id, &role,
        )
        .await
        {
            Ok(_) => {
                return Ok(see_other(
                    &format!("/projects/{slug}"),
                    Some("project-created"),
                ));
            }
            Err(CreateProjectError::SlugTaken) => errors.add(&lang, "slug", "field-slug-taken"),
            Err(CreateProjectError::Other(e)) => return Err(e.into()),
        }
    }
    let areas = areas::choices(&state.db).await?;
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            form,
            errors,
            areas,
        },
    )
}

#[derive(Template)]
#[template(path = "projects/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    project: Project,
    team: Vec<(String, String)>,
    updates: Vec<Update>,
    asks: Vec<Post>,
    is_member: bool,
}

impl ShowPage {
    fn when(&self, update: &Update) -> String {
        format_date(&self.ctx.lang, update.created_at)
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let project = project_by_slug(&state, &slug).await?;
    let viewer = Viewer::of(ctx.user.as_ref());
    let filter = PostFilter {
        project: project.slug.clone(),
        ..PostFilter::default()
    };
    let asks = help::list(&state.db, &viewer, &filter, None, 100).await?;
    let is_member = match &ctx.user {
        Some(user) => store::is_member(&state.db, &project.id, &user.id).await?,
        None => false,
    };
    render(&ShowPage {
        team: store::members(&state.db, &project.id).await?,
        updates: store::updates(&state.db, &project.id).await?,
        asks,
        is_member,
        project,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UpdateForm {
    body: String,
}

pub async fn post_update(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<UpdateForm>,
) -> AppResult<Response> {
    let project = project_of_member(&state, &user.id, &slug).await?;
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > MAX_UPDATE {
        return Err(AppError::Conflict("error-project-update"));
    }
    store::add_update(&state.db, &project.id, &user.id, body).await?;
    Ok(see_other(
        &format!("/projects/{slug}#updates"),
        Some("project-updated"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    email: String,
    role: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<MemberForm>,
) -> AppResult<Response> {
    let project = project_of_member(&state, &user.id, &slug).await?;
    let mut errors = FormErrors::new();
    let (_, person) =
        crate::accounts::named_in_form(&state, &ctx.lang, &mut errors, "email", &form.email)
            .await?;
    let Some(person) = person else {
        return Err(AppError::Conflict("error-project-member"));
    };
    let role: String = form.role.trim().chars().take(60).collect();
    store::add_member(&state.db, &project.id, &person.id, &role).await?;
    Ok(see_other(
        &format!("/projects/{slug}#team"),
        Some("project-member-added"),
    ))
}
