use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::maps;
use super::points::PointKind;
use super::store::{self, Area, AreaKind, CreateAreaError, NewArea};
use crate::home::front_door::FrontDoor;
use crate::i18n::Lang;
use crate::organisations::store::{self as organisations, Organisation};
use crate::roles::policy::AreaAction;
use crate::roles::{self, store as role_store};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

/// The area at `/areas/{slug}`, or 404.
pub async fn area_by_slug(state: &AppState, slug: &str) -> AppResult<Area> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// A city with its districts, each with its neighbourhoods.
pub struct CityTree {
    pub city: Area,
    pub districts: Vec<(Area, Vec<Area>)>,
}

fn build_tree(all: &[Area]) -> Vec<CityTree> {
    let children_of = |id: &str| -> Vec<Area> {
        all.iter()
            .filter(|a| a.parent_id.as_deref() == Some(id))
            .cloned()
            .collect()
    };
    all.iter()
        .filter(|a| a.kind == AreaKind::City)
        .map(|city| CityTree {
            city: city.clone(),
            districts: children_of(&city.id)
                .into_iter()
                .map(|district| {
                    let neighbourhoods = children_of(&district.id);
                    (district, neighbourhoods)
                })
                .collect(),
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
}

#[derive(Template)]
#[template(path = "areas/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    query: String,
    results: Option<Vec<(Area, String)>>,
    tree: Vec<CityTree>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let all = store::all(&state.db).await?;
    let q = query.q.trim().to_string();
    let results = if q.is_empty() {
        None
    } else {
        let found = store::search(&state.db, &q).await?;
        let parent_name = |area: &Area| {
            area.parent_id
                .as_ref()
                .and_then(|id| all.iter().find(|a| &a.id == id))
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        Some(
            found
                .into_iter()
                .map(|a| {
                    let parent = parent_name(&a);
                    (a, parent)
                })
                .collect(),
        )
    };
    render(&ListPage {
        ctx,
        query: q,
        results,
        tree: build_tree(&all),
    })
}

#[derive(Template)]
#[template(path = "areas/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    area: Area,
    ancestors: Vec<Area>,
    children: Vec<Area>,
    organisations: Vec<Organisation>,
    /// Representatives, officials, connectors and moderators: people residents can turn to.
    contacts: Vec<role_store::RoleHolder>,
    verified_residents: i64,
    is_resident: bool,
    can_manage: bool,
    can_verify: bool,
    /// What is happening here and inside, with a way to each list.
    front: FrontDoor,
    /// The area's boundary, its sub-areas and what is placed in it.
    place_map: Option<String>,
}

/// People to turn to listed on an area's page; the rest are on the representatives page.
const CONTACTS_LISTED: i64 = 30;

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    let (verified_residents, is_resident) =
        role_store::residence(&state.db, &area.id, user.as_ref().map(|u| u.id.as_str())).await?;
    let contacts = role_store::contacts(&state.db, &area.id, CONTACTS_LISTED).await?;
    let (can_manage, can_verify) = match &user {
        Some(user) => (
            roles::can(&state.db, user, &area.id, AreaAction::ManageArea).await?,
            roles::can(&state.db, user, &area.id, AreaAction::VerifyResidents).await?,
        ),
        None => (false, false),
    };
    let front = FrontDoor::gather(&state, user.as_ref(), Some(&area)).await?;
    let place_map = area_map(&state, &ctx.lang, &area).await?;
    render(&ShowPage {
        place_map,
        ctx,
        ancestors: store::ancestors(&state.db, &area.id).await?,
        children: store::children(&state.db, &area.id).await?,
        organisations: organisations::list(&state.db, None, Some(&area.id)).await?,
        area,
        contacts,
        verified_residents,
        is_resident,
        can_manage,
        can_verify,
        front,
    })
}

/// Everything with a place in the area: reports (a numbered mark leads to the list of its
/// box), spaces and groups, coming events, budget projects and accredited providers.
async fn area_map(state: &AppState, lang: &Lang, area: &Area) -> AppResult<Option<String>> {
    let layers = vec![
        maps::Layer {
            cluster_href: Some(maps::reports_in),
            ..maps::Layer::plain(PointKind::Reports)
        },
        maps::Layer::plain(PointKind::Assets),
        maps::Layer {
            not_over_at: Some(crate::db::now_ms()),
            ..maps::Layer::plain(PointKind::Events)
        },
        maps::Layer::plain(PointKind::Projects),
        // Accredited providers only while their accreditation is in force.
        maps::Layer {
            not_over_at: Some(state.clock.now_ms()),
            ..maps::Layer::plain(PointKind::Providers)
        },
    ];
    let legend = [
        "area-map-legend-reports",
        "area-map-legend-assets",
        "area-map-legend-events",
        "area-map-legend-projects",
        "area-map-legend-providers",
    ]
    .iter()
    .map(|key| lang.t(key))
    .collect();
    Ok(maps::draw(
        state,
        lang,
        maps::AreaMap {
            id: "area-map",
            title: lang.t1("area-map-title", "area", &area.name),
            description: lang.t("area-map-description"),
            area: Some(area),
            layers,
            legend,
        },
    )
    .await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AreaForm {
    parent: String,
    name: String,
    slug: String,
    description: String,
}

#[derive(Template)]
#[template(path = "areas/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    /// None when creating.
    editing: Option<Area>,
    form: AreaForm,
    parents: Vec<(String, String)>,
    errors: FormErrors,
}

/// Areas under which `user` may add one: cities (for districts) and districts (for
/// neighbourhoods) they administer; site admins may also add a city (empty parent).
async fn parent_choices(
    state: &AppState,
    user: &crate::web::CurrentUser,
    ctx: &PageContext,
) -> AppResult<Vec<(String, String)>> {
    let mut choices = Vec::new();
    if user.is_admin {
        choices.push((String::new(), ctx.t("area-new-city")));
    }
    for area in store::all(&state.db).await? {
        if area.kind.child_kind().is_some()
            && roles::can(&state.db, user, &area.id, AreaAction::ManageArea).await?
        {
            let kind = ctx.t(&area.kind_key());
            choices.push((area.slug.clone(), format!("{} ({kind})", area.name)));
        }
    }
    Ok(choices)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    parent: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let parents = parent_choices(&state, &user, &ctx).await?;
    if parents.is_empty() {
        return Err(AppError::Forbidden("error-needs-area-admin"));
    }
    let form = AreaForm {
        parent: query.parent,
        ..AreaForm::default()
    };
    render(&FormPage {
        ctx,
        editing: None,
        form,
        parents,
        errors: FormErrors::new(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<AreaForm>,
) -> AppResult<Response> {
    // The permission check comes first: someone without the role learns nothing from errors.
    let parent = match form.parent.as_str() {
        "" if user.is_admin => None,
        "" => return Err(AppError::Forbidden("error-needs-site-admin")),
        slug => {
            let parent = store::find_by_slug(&state.db, slug)
                .await?
                .ok_or(AppError::NotFound)?;
            roles::require(&state.db, &user, &parent.id, AreaAction::ManageArea).await?;
            Some(parent)
        }
    };
    let kind = match &parent {
        None => AreaKind::City,
        Some(parent) => parent
            .kind
            .child_kind()
            .ok_or(AppError::Conflict("error-area-too-deep"))?,
    };
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let name = forms::required_text(&mut errors, &lang, "name", &form.name, 100);
    let description =
        forms::optional_text(&mut errors, &lang, "description", &form.description, 5000);
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &name
    } else {
        &form.slug
    });
    if slug.is_empty() && errors.get("name").is_none() {
        errors.add(&lang, "slug", "field-slug-invalid");
    }
    if errors.is_empty() {
        let new_area = NewArea {
            parent_id: parent.as_ref().map(|p| p.id.as_str()),
            kind,
            slug: &slug,
            name: &name,
            description: &description,
        };
        match store::create(&state.db, &new_area).await {
            Ok(id) => {
                tracing::info!(by = %user.id, area = %id, kind = kind.as_str(), "area created");
                return Ok(see_other(&format!("/areas/{slug}"), Some("area-created")));
            }
            Err(CreateAreaError::SlugTaken) => errors.add(&lang, "slug", "field-slug-taken"),
            Err(CreateAreaError::Other(e)) => return Err(e.into()),
        }
    }
    let parents = parent_choices(&state, &user, &ctx).await?;
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            editing: None,
            form,
            parents,
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
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::ManageArea).await?;
    let form = AreaForm {
        parent: String::new(),
        name: area.name.clone(),
        slug: area.slug.clone(),
        description: area.description.clone(),
    };
    render(&FormPage {
        ctx,
        editing: Some(area),
        form,
        parents: Vec::new(),
        errors: FormErrors::new(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<AreaForm>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::ManageArea).await?;
    let mut errors = FormErrors::new();
    let name = forms::required_text(&mut errors, &ctx.lang, "name", &form.name, 100);
    let description = forms::optional_text(
        &mut errors,
        &ctx.lang,
        "description",
        &form.description,
        5000,
    );
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                ctx,
                editing: Some(area),
                form,
                parents: Vec::new(),
                errors,
            },
        );
    }
    store::update(&state.db, &area.id, &name, &description).await?;
    // The point index answers with names: keep them current.
    state.places.reload(&state.db).await?;
    Ok(see_other(
        &format!("/areas/{}", area.slug),
        Some("area-saved"),
    ))
}

/// "I live here": records an unverified residence, for an official to confirm.
pub async fn join(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    if area.kind != AreaKind::Neighbourhood {
        return Err(AppError::Conflict("error-join-neighbourhood-only"));
    }
    roles::claim_residence(&state.db, &user.id, &area).await?;
    Ok(see_other(
        &format!("/areas/{}", area.slug),
        Some("residence-claimed"),
    ))
}
