use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{
    self, ALL_KINDS, ALL_MEMBER_ROLES, CreateOrgError, MemberRole, OrgFields, OrgKind, Organisation,
};
use crate::accounts;
use crate::areas::store as areas;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

async fn org_by_slug(state: &AppState, slug: &str) -> AppResult<Organisation> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// Organisation admins (and site admins) manage the organisation's page and members.
async fn can_manage(state: &AppState, user: &CurrentUser, org: &Organisation) -> AppResult<bool> {
    Ok(user.is_admin
        || store::role_of(&state.db, &org.id, &user.id).await? == Some(MemberRole::Admin))
}

async fn require_manage(state: &AppState, user: &CurrentUser, org: &Organisation) -> AppResult<()> {
    if can_manage(state, user, org).await? {
        Ok(())
    } else {
        tracing::info!(user = %user.id, organisation = %org.id, "refused: not an organisation admin");
        Err(AppError::Forbidden("error-needs-org-admin"))
    }
}

/// Kinds the user may choose: public bodies only for site admins, plus the current kind.
fn kind_choices(
    ctx: &PageContext,
    user: &CurrentUser,
    current: Option<OrgKind>,
) -> Vec<(String, String)> {
    forms::labelled(
        ALL_KINDS
            .into_iter()
            .filter(|k| user.is_admin || !k.is_public_body() || Some(*k) == current),
        OrgKind::as_str,
        OrgKind::label_key,
        &ctx.lang,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    kind: String,
}

#[derive(Template)]
#[template(path = "organisations/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    organisations: Vec<Organisation>,
    kinds: Vec<(String, String)>,
    kind: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let kind = OrgKind::parse(&query.kind);
    let organisations = store::list(&state.db, kind, None).await?;
    let kinds = forms::labelled(ALL_KINDS, OrgKind::as_str, OrgKind::label_key, &ctx.lang);
    render(&ListPage {
        ctx,
        organisations,
        kinds,
        kind: kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
    })
}

#[derive(Template)]
#[template(path = "organisations/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    org: Organisation,
    /// Officials and admins speak for the organisation, so they are listed publicly.
    representatives: Vec<store::Member>,
    member_count: usize,
    can_manage: bool,
    /// The `<iframe>` that shows the organisation's stories on another site.
    widget_snippet: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    let members = store::members(&state.db, &org.id).await?;
    let can_manage = match &user {
        Some(user) => can_manage(&state, user, &org).await?,
        None => false,
    };
    render(&ShowPage {
        member_count: members.len(),
        representatives: members
            .into_iter()
            .filter(|m| m.role != MemberRole::Member)
            .collect(),
        widget_snippet: format!(
            "<iframe src=\"{}/widget/organisations/{}/stories?pagesize=4\" title=\"{}\" \
             width=\"100%\" height=\"420\" style=\"border:0\"></iframe>",
            state.config.public_url,
            org.slug,
            ctx.t1("story-widget-title", "name", &org.name)
        ),
        ctx,
        org,
        can_manage,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OrgForm {
    name: String,
    slug: String,
    kind: String,
    description: String,
    website: String,
    area: String,
}

#[derive(Template)]
#[template(path = "organisations/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    editing: Option<Organisation>,
    form: OrgForm,
    kinds: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    errors: FormErrors,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let kinds = kind_choices(&ctx, &user, None);
    let areas = areas::choices(&state.db).await?;
    render(&FormPage {
        ctx,
        editing: None,
        form: OrgForm::default(),
        kinds,
        areas,
        errors: FormErrors::new(),
    })
}

/// A checked form, ready to store once `errors` is empty.
struct CleanOrg {
    name: String,
    slug: String,
    kind: Option<OrgKind>,
    description: String,
    website: String,
    area_id: Option<String>,
}

impl CleanOrg {
    fn fields<'a>(&'a self, slug: &'a str, kind: OrgKind) -> OrgFields<'a> {
        OrgFields {
            slug,
            name: &self.name,
            kind,
            description: &self.description,
            website: &self.website,
            area_id: self.area_id.as_deref(),
        }
    }
}

/// Checks the form. `current_kind` is the kind the organisation already has: its admin may
/// keep a public-body kind a site admin set, but not choose one.
async fn validate(
    state: &AppState,
    ctx: &PageContext,
    user: &CurrentUser,
    form: &OrgForm,
    current_kind: Option<OrgKind>,
    errors: &mut FormErrors,
) -> AppResult<CleanOrg> {
    let lang = &ctx.lang;
    let name = forms::required_text(errors, lang, "name", &form.name, 120);
    let description = forms::optional_text(errors, lang, "description", &form.description, 5000);
    let website = forms::optional_text(errors, lang, "website", &form.website, 300);
    if !(website.is_empty() || website.starts_with("https://") || website.starts_with("http://")) {
        errors.add(lang, "website", "field-website-invalid");
    }
    let kind = OrgKind::parse(&form.kind);
    match kind {
        None => errors.add(lang, "kind", "field-kind-invalid"),
        Some(k) if k.is_public_body() && !user.is_admin && Some(k) != current_kind => {
            errors.add(lang, "kind", "field-kind-public-body")
        }
        Some(_) => {}
    }
    let area_id = match form.area.as_str() {
        "" => None,
        id => match areas::find(&state.db, id).await? {
            Some(area) => Some(area.id),
            None => {
                errors.add(lang, "area", "field-home-area-invalid");
                None
            }
        },
    };
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &name
    } else {
        &form.slug
    });
    Ok(CleanOrg {
        name,
        slug,
        kind,
        description,
        website,
        area_id,
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<OrgForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let clean = validate(&state, &ctx, &user, &form, None, &mut errors).await?;
    if clean.slug.is_empty() && !errors.has("name") {
        errors.add(&ctx.lang, "slug", "field-slug-invalid");
    }
    if let (true, Some(kind)) = (errors.is_empty(), clean.kind) {
        match store::create(&state.db, &clean.fields(&clean.slug, kind), &user.id).await {
            Ok(id) => {
                tracing::info!(by = %user.id, organisation = %id, "organisation created");
                return Ok(see_other(
                    &format!("/organisations/{}", clean.slug),
                    Some("organisation-created"),
                ));
            }
            Err(CreateOrgError::SlugTaken) => errors.add(&ctx.lang, "slug", "field-slug-taken"),
            Err(CreateOrgError::Other(e)) => return Err(e.into()),
        }
    }
    let kinds = kind_choices(&ctx, &user, None);
    let areas = areas::choices(&state.db).await?;
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            editing: None,
            form,
            kinds,
            areas,
            errors,
        },
    )
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    require_manage(&state, &user, &org).await?;
    let form = OrgForm {
        name: org.name.clone(),
        slug: org.slug.clone(),
        kind: org.kind.as_str().to_string(),
        description: org.description.clone(),
        website: org.website.clone(),
        area: org.area_id.clone().unwrap_or_default(),
    };
    let kinds = kind_choices(&ctx, &user, Some(org.kind));
    let areas = areas::choices(&state.db).await?;
    render(&FormPage {
        ctx,
        editing: Some(org),
        form,
        kinds,
        areas,
        errors: FormErrors::new(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<OrgForm>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    require_manage(&state, &user, &org).await?;
    let mut errors = FormErrors::new();
    let clean = validate(&state, &ctx, &user, &form, Some(org.kind), &mut errors).await?;
    if let (true, Some(kind)) = (errors.is_empty(), clean.kind) {
        store::update(&state.db, &org.id, &clean.fields(&org.slug, kind)).await?;
        return Ok(see_other(
            &format!("/organisations/{}", org.slug),
            Some("organisation-saved"),
        ));
    }
    let kinds = kind_choices(&ctx, &user, Some(org.kind));
    let areas = areas::choices(&state.db).await?;
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            editing: Some(org),
            form,
            kinds,
            areas,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "organisations/templates/members.html")]
struct MembersPage {
    ctx: PageContext,
    org: Organisation,
    members: Vec<store::Member>,
    roles: Vec<(String, String)>,
    email: String,
    role: String,
    errors: FormErrors,
}

async fn members_page(
    state: &AppState,
    ctx: PageContext,
    org: Organisation,
    errors: FormErrors,
) -> AppResult<MembersPage> {
    let members = store::members(&state.db, &org.id).await?;
    let roles = forms::labelled(
        ALL_MEMBER_ROLES,
        MemberRole::as_str,
        MemberRole::label_key,
        &ctx.lang,
    );
    Ok(MembersPage {
        ctx,
        org,
        members,
        roles,
        email: String::new(),
        role: "member".into(),
        errors,
    })
}

pub async fn members(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    require_manage(&state, &user, &org).await?;
    render(&members_page(&state, ctx, org, FormErrors::new()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MemberForm {
    email: String,
    role: String,
}

pub async fn set_member(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<MemberForm>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    require_manage(&state, &user, &org).await?;
    let mut errors = FormErrors::new();
    let role = MemberRole::parse(&form.role);
    if role.is_none() {
        errors.add(&ctx.lang, "role", "field-role-invalid");
    }
    let (email, person) =
        accounts::named_in_form(&state, &ctx.lang, &mut errors, "email", &form.email).await?;
    if let (Some(person), Some(role)) = (&person, role) {
        let current = store::role_of(&state.db, &org.id, &person.id).await?;
        if current == Some(MemberRole::Admin)
            && role != MemberRole::Admin
            && store::admin_count(&state.db, &org.id).await? <= 1
        {
            errors.add(&ctx.lang, "role", "error-last-org-admin");
        }
    }
    let (true, Some(person), Some(role)) = (errors.is_empty(), person, role) else {
        let mut page = members_page(&state, ctx, org, errors).await?;
        page.email = email;
        page.role = form.role;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    store::set_member(&state.db, &org.id, &person.id, role, &user.id).await?;
    tracing::info!(by = %user.id, member = %person.id, organisation = %org.id, role = role.as_str(), "membership saved");
    Ok(see_other(
        &format!("/organisations/{}/members", org.slug),
        Some("member-saved"),
    ))
}

pub async fn remove_member(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, member_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let org = org_by_slug(&state, &slug).await?;
    require_manage(&state, &user, &org).await?;
    let role = store::role_of(&state.db, &org.id, &member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if role == MemberRole::Admin && store::admin_count(&state.db, &org.id).await? <= 1 {
        return Err(AppError::Conflict("error-last-org-admin"));
    }
    store::remove_member(&state.db, &org.id, &member_id, &user.id).await?;
    tracing::info!(by = %user.id, member = %member_id, organisation = %org.id, "member removed");
    Ok(see_other(
        &format!("/organisations/{}/members", org.slug),
        Some("member-removed"),
    ))
}
