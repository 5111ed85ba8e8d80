use crate::areas::points::PointKind;
use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::privacy::{ALL_VISIBILITIES, Viewer, Visibility};
use super::store::{
    self, ALL_KINDS, ALL_SHARE_MODES, Asset, AssetFilter, AssetKind, NewAsset, ShareMode,
};
use crate::accounts::store as accounts;
use crate::areas::maps as area_maps;
use crate::areas::store::{self as areas, Area};
use crate::assisted::{self, PersonFields};
use crate::i18n::Lang;
use crate::mail::{self, Email};
use crate::moderation::check_posting_limit;
use crate::organisations::store as organisations;
use crate::providers::store as providers;
use crate::roles::{self, policy::AreaAction};
use crate::skills::Catalogue;
use crate::skillsgame::store as game;
use crate::state::AppState;
use crate::web::charts::{self, Chart};
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, csv, download, render, render_with,
    see_other,
};

const MAX_TITLE: usize = 120;
const MAX_TEXT: usize = 4000;
const MAX_SHORT: usize = 300;
const MAX_MESSAGE: usize = 2000;

pub(super) async fn area_by_slug(state: &AppState, slug: &str) -> AppResult<Area> {
    areas::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn is_organiser(
    state: &AppState,
    user: Option<&CurrentUser>,
    area: &Area,
) -> AppResult<bool> {
    roles::can_if_signed_in(&state.db, user, &area.id, AreaAction::OrganiseCommunity).await
}

// ------------------------------------------------------------------ the area's map

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MapQuery {
    kind: String,
    group: String,
    card: String,
    mode: String,
    q: String,
    area: String,
}

/// One bar of the chart and one row of the table behind it.
pub struct GroupCount {
    pub code: String,
    pub name: String,
    pub count: usize,
    /// Cards of the group with at least one skill recorded, of all its active cards.
    pub cards_covered: usize,
    pub cards_total: usize,
}

pub struct CardCount {
    pub code: String,
    pub name: String,
    pub group: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "assets/templates/map.html")]
struct MapPage {
    ctx: PageContext,
    /// Spaces, groups and resources with a place (never a person's skills).
    place_map: Option<String>,
    area: Area,
    query: MapQuery,
    assets: Vec<Asset>,
    groups: Vec<GroupCount>,
    cards: Vec<CardCount>,
    gaps: Vec<(String, String)>,
    game_gaps: Vec<(String, String)>,
    /// Skills recorded per group of cards, labelled, beside the table of the same numbers.
    group_chart: Chart,
    kinds: Vec<(String, String)>,
    group_choices: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    sub_areas: Vec<(String, String)>,
    organiser: bool,
    catalogue: Catalogue,
    /// Accredited micro-providers working here, the first few, and how many in all.
    providers: Vec<providers::InArea>,
    providers_total: i64,
}

/// How many accredited providers the asset map lists; the directory has the rest.
const PROVIDERS_LISTED: i64 = 10;

impl MapPage {
    fn providers_all(&self) -> String {
        self.ctx.lang.t_args(
            "provider-asset-map-all",
            &[
                ("count", &self.providers_total.to_string()),
                ("area", &self.area.name),
            ],
        )
    }

    fn provider_kinds(&self, provider: &providers::InArea) -> String {
        provider
            .kinds
            .iter()
            .map(|k| self.ctx.t(&providers::kind_label_key(k)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn card_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .map(|c| self.catalogue.name(c))
            .unwrap_or_default()
    }

    fn kind_label(&self, kind: &AssetKind) -> String {
        self.ctx.t(&kind.label_key())
    }

    fn modes_text(&self, asset: &Asset) -> String {
        asset
            .share_modes
            .iter()
            .map(|m| self.ctx.t(&m.label_key()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Counts per group for the chart: how many skills recorded, and how many cards covered.
fn group_counts(catalogue: &Catalogue, skills: &[&Asset]) -> Vec<GroupCount> {
    let mut per_card: HashMap<&str, usize> = HashMap::new();
    for asset in skills {
        if let Some(card) = &asset.card_code {
            *per_card.entry(card.as_str()).or_default() += 1;
        }
    }
    catalogue
        .groups
        .iter()
        .map(|g| {
            let active: Vec<_> = g.cards.iter().filter(|c| !c.retired).collect();
            GroupCount {
                code: g.code.clone(),
                name: g.name.clone(),
                count: g
                    .cards
                    .iter()
                    .map(|c| per_card.get(c.code.as_str()).copied().unwrap_or(0))
                    .sum(),
                cards_covered: active
                    .iter()
                    .filter(|c| per_card.contains_key(c.code.as_str()))
                    .count(),
                cards_total: active.len(),
            }
        })
        .collect()
}

fn card_counts(catalogue: &Catalogue, assets: &[Asset]) -> Vec<CardCount> {
    let mut per_card: HashMap<&str, usize> = HashMap::new();
    for asset in assets {
        if let Some(card) = &asset.card_code {
            *per_card.entry(card.as_str()).or_default() += 1;
        }
    }
    catalogue
        .cards()
        .filter_map(|c| {
            let count = per_card.get(c.code.as_str()).copied()?;
            Some(CardCount {
                code: c.code.clone(),
                name: c.name.clone(),
                group: catalogue.group_name(&c.group),
                count,
            })
        })
        .collect()
}

/// Active cards nobody in the area has recorded as a skill the viewer can see.
fn gaps(catalogue: &Catalogue, skills: &[&Asset]) -> Vec<(String, String)> {
    let covered: BTreeSet<&str> = skills
        .iter()
        .filter_map(|a| a.card_code.as_deref())
        .collect();
    catalogue
        .active()
        .filter(|c| !covered.contains(c.code.as_str()))
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

pub async fn map(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<MapQuery>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    let viewer = Viewer::of(ctx.user.as_ref());
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let mut sub_areas = vec![(area.id.clone(), area.name.clone())];
    for child in areas::children(&state.db, &area.id).await? {
        sub_areas.push((child.id, child.name));
    }
    let scope = if sub_areas.iter().any(|(id, _)| *id == query.area) {
        query.area.clone()
    } else {
        area.id.clone()
    };
    let filter = AssetFilter {
        kind: query.kind.clone(),
        group: query.group.clone(),
        card: query.card.clone(),
        share_mode: query.mode.clone(),
        text: query.q.clone(),
    };
    let assets = store::in_area(&state.db, &viewer, &scope, &filter).await?;
    let skills: Vec<&Asset> = assets
        .iter()
        .filter(|a| a.kind == AssetKind::Skill)
        .collect();
    // The gaps ignore the filters; unfiltered, the list already holds every skill.
    let gaps = if filter == AssetFilter::default() {
        gaps(&catalogue, &skills)
    } else {
        let only_skills = AssetFilter {
            kind: AssetKind::Skill.as_str().into(),
            ..AssetFilter::default()
        };
        let all = store::in_area(&state.db, &viewer, &scope, &only_skills).await?;
        gaps(&catalogue, &all.iter().collect::<Vec<_>>())
    };
    let groups = group_counts(&catalogue, &skills);
    let game_gaps = game::pooled_gaps_in_area(&state.db, &scope)
        .await?
        .into_iter()
        .map(|code| {
            let name = catalogue.name(&code);
            (code, name)
        })
        .collect();
    let organiser = is_organiser(&state, ctx.user.as_ref(), &area).await?;
    let place_map = area_maps::draw(
        &state,
        &ctx.lang,
        area_maps::AreaMap {
            id: "assets-places-map",
            title: ctx.t1("assets-places-map-title", "area", &area.name),
            description: ctx.t("assets-places-map-description"),
            area: Some(&area),
            layers: vec![
                area_maps::Layer::plain(PointKind::Assets),
                area_maps::Layer {
                    not_over_at: Some(state.clock.now_ms()),
                    ..area_maps::Layer::plain(PointKind::Providers)
                },
            ],
            legend: vec![
                ctx.t("area-map-legend-assets"),
                ctx.t("area-map-legend-providers"),
            ],
        },
    )
    .await?;
    let (providers, providers_total) =
        providers::in_area(&state.db, &scope, state.clock.now_ms(), PROVIDERS_LISTED).await?;
    render(&MapPage {
        providers,
        providers_total,
        place_map,
        group_chart: charts::rows(
            &groups
                .iter()
                .map(|g| (g.name.clone(), g.count as f64, g.count.to_string()))
                .collect::<Vec<_>>(),
            720.0,
        ),
        cards: card_counts(&catalogue, &assets),
        gaps,
        game_gaps,
        groups,
        kinds: forms::labelled(
            ALL_KINDS,
            AssetKind::as_str,
            AssetKind::label_key,
            &ctx.lang,
        ),
        modes: forms::labelled(
            ALL_SHARE_MODES,
            ShareMode::as_str,
            ShareMode::label_key,
            &ctx.lang,
        ),
        group_choices: catalogue.group_choices(),
        sub_areas,
        organiser,
        assets,
        area,
        query,
        catalogue,
        ctx,
    })
}

/// Every asset in the area as CSV, for the area's organisers.
pub async fn export(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    roles::require(&state.db, &user, &area.id, AreaAction::OrganiseCommunity).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let assets = store::in_area(
        &state.db,
        &Viewer::of(Some(&user)),
        &area.id,
        &AssetFilter::default(),
    )
    .await?;
    let mut out = csv::line(&[
        "id",
        "kind",
        "group",
        "card",
        "title",
        "description",
        "share_modes",
        "capacity",
        "accessibility",
        "conditions",
        "cost",
        "visibility",
        "offered_by",
        "area",
        "recorded_on",
    ]);
    for a in &assets {
        let card = a.card_code.as_deref().unwrap_or_default();
        let group = catalogue
            .group_of(card)
            .map(|g| g.name.clone())
            .unwrap_or_default();
        let modes: Vec<&str> = a.share_modes.iter().map(|m| m.as_str()).collect();
        out.push_str(&csv::line(&[
            a.id.clone(),
            a.kind.as_str().to_string(),
            group,
            if card.is_empty() {
                String::new()
            } else {
                catalogue.name(card)
            },
            a.title.clone(),
            a.description.clone(),
            modes.join(" "),
            a.capacity.map(|c| c.to_string()).unwrap_or_default(),
            a.accessibility.clone(),
            a.conditions.clone(),
            a.cost.clone(),
            a.visibility.as_str().to_string(),
            a.offered_by().to_string(),
            a.area_name.clone(),
            crate::web::format_date(&ctx.lang, a.created_at),
        ]));
    }
    tracing::info!(by = %user.id, area = %area.id, rows = assets.len(), "asset map exported");
    Ok(download(
        &format!("{slug}-assets.csv"),
        "text/csv; charset=utf-8",
        out,
    ))
}

// ------------------------------------------------------------------ one asset

#[derive(Template)]
#[template(path = "assets/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    asset: Asset,
    card_name: String,
    modes: String,
    is_owner: bool,
    /// The owner's form to set or move the place of a space, group or resource (never of a
    /// skill: that would show where a person lives), with its map to click on.
    place: Option<PlaceForm>,
    place_map: Option<String>,
    errors: FormErrors,
    /// Entered by a connector for someone who is not online (never said by whom).
    with_help: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlaceForm {
    latitude: String,
    longitude: String,
}

async fn show_page(
    state: &AppState,
    ctx: PageContext,
    asset: Asset,
    place: Option<PlaceForm>,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let card_name = asset
        .card_code
        .as_deref()
        .map(|c| catalogue.name(c))
        .unwrap_or_default();
    let modes = asset
        .share_modes
        .iter()
        .map(|m| ctx.t(&m.label_key()))
        .collect::<Vec<_>>()
        .join(", ");
    let is_owner = ctx.user.as_ref().is_some_and(|u| u.id == asset.owner_id);
    let place = match place {
        Some(typed) => Some(typed),
        None if is_owner && asset.kind != AssetKind::Skill => {
            let saved =
                crate::areas::points::location(&state.db, PointKind::Assets, &asset.id).await?;
            Some(PlaceForm {
                latitude: saved
                    .map(|(lat, _)| format!("{lat:.6}"))
                    .unwrap_or_default(),
                longitude: saved
                    .map(|(_, lon)| format!("{lon:.6}"))
                    .unwrap_or_default(),
            })
        }
        None => None,
    };
    let place_map = match &place {
        Some(form) => place_map(state, &ctx.lang, &asset, form).await?,
        None => None,
    };
    let with_help =
        crate::assisted::store::entered_with_help(&state.db, "asset", &asset.id).await?;
    Ok(ShowPage {
        ctx,
        asset,
        card_name,
        modes,
        is_owner,
        place,
        place_map,
        errors,
        with_help,
    })
}

/// The asset's area to click its place on, the place so far marked.
async fn place_map(
    state: &AppState,
    lang: &Lang,
    asset: &Asset,
    form: &PlaceForm,
) -> AppResult<Option<String>> {
    let area = areas::find(&state.db, &asset.area_id).await?;
    let map = area_maps::PickMap {
        id: "asset-place-map",
        title: lang.t("assets-place-map-title"),
        description: lang.t("assets-place-map-description"),
        chosen: asset.title.clone(),
    };
    Ok(area_maps::pick(
        state,
        lang,
        area.as_ref(),
        &form.latitude,
        &form.longitude,
        map,
    )
    .await?)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let viewer = Viewer::of(ctx.user.as_ref());
    let asset = store::find_visible(&state.db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    render(&show_page(&state, ctx, asset, None, FormErrors::new()).await?)
}

/// The owner sets, moves or (with both fields empty) takes away the place of a space, group
/// or resource.
pub async fn set_place(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<PlaceForm>,
) -> AppResult<Response> {
    let asset = store::find_visible(&state.db, &Viewer::of(Some(&user)), &id)
        .await?
        .filter(|a| a.owner_id == user.id)
        .ok_or(AppError::NotFound)?;
    if asset.kind == AssetKind::Skill {
        return Err(AppError::Conflict("field-location-skill"));
    }
    let mut errors = FormErrors::new();
    let location = crate::areas::places::read_location(
        &mut errors,
        &ctx.lang,
        &form.latitude,
        &form.longitude,
    );
    if !errors.is_empty() {
        let page = show_page(&state, ctx, asset, Some(form), errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    crate::areas::points::set_location(&state.db, PointKind::Assets, &asset.id, location).await?;
    Ok(see_other(
        &format!("/assets/{id}"),
        Some("asset-place-saved"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    message: String,
    share_email: Option<String>,
}

/// Passes a message to the asset's owner by email, in the owner's language. The owner's
/// address is never shown; the sender's is included only if they tick the box.
pub async fn contact(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ContactForm>,
) -> AppResult<Response> {
    let asset = store::find_visible(&state.db, &Viewer::of(Some(&user)), &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let message = form.message.trim();
    if message.is_empty() || message.chars().count() > MAX_MESSAGE {
        return Err(AppError::Conflict("error-asset-message"));
    }
    let owner = accounts::find(&state.db, &asset.owner_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Written in the owner's language, not the sender's.
    let lang = Lang::from_tag(&owner.locale).unwrap_or_default();
    let (to, owner_name) = (owner.email, owner.display_name);
    let reply = if form.share_email.is_some() {
        lang.t1("assets-mail-reply-to", "email", &user.email)
    } else {
        lang.t("assets-mail-reply-on-site")
    };
    let body = format!(
        "{}\n\n{}\n\n{}\n",
        lang.t_args(
            "assets-mail-body",
            &[
                ("owner", &owner_name),
                ("sender", &user.display_name),
                ("title", &asset.title)
            ]
        ),
        message,
        reply
    );
    mail::queue(
        &state.db,
        &Email {
            to,
            subject: lang.t1("assets-mail-subject", "title", &asset.title),
            body,
        },
    )
    .await?;
    tracing::info!(from = %user.id, asset = %asset.id, "message passed to an asset's owner");
    Ok(see_other(
        &format!("/assets/{id}"),
        Some("asset-message-sent"),
    ))
}

pub async fn delete(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if !store::delete(&state.db, &id, &user.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/assets", Some("asset-removed")))
}

// ------------------------------------------------------------------ recording

#[derive(Template)]
#[template(path = "assets/templates/mine.html")]
struct MinePage {
    ctx: PageContext,
    assets: Vec<Asset>,
    areas: Vec<Area>,
    catalogue: Catalogue,
}

impl MinePage {
    fn card_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .map(|c| self.catalogue.name(c))
            .unwrap_or_default()
    }
}

/// The signed-in person's own records, and the areas' maps.
pub async fn mine(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
) -> AppResult<Response> {
    let assets = match &user {
        Some(user) => store::owned_by(&state.db, &user.id).await?,
        None => Vec::new(),
    };
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let areas = areas::all(&state.db).await?;
    render(&MinePage {
        ctx,
        assets,
        areas,
        catalogue,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AssetForm {
    kind: String,
    card: String,
    title: String,
    description: String,
    share_teach: Option<String>,
    share_do: Option<String>,
    share_lend: Option<String>,
    share_advise: Option<String>,
    capacity: String,
    accessibility: String,
    conditions: String,
    cost: String,
    area: String,
    visibility: String,
    organisation: String,
    latitude: String,
    longitude: String,
    /// Who it is for, when a connector enters it for someone who is not online.
    #[serde(flatten)]
    person: PersonFields,
}

impl AssetForm {
    fn share_modes(&self) -> Vec<ShareMode> {
        [
            (&self.share_teach, ShareMode::Teach),
            (&self.share_do, ShareMode::Do),
            (&self.share_lend, ShareMode::Lend),
            (&self.share_advise, ShareMode::Advise),
        ]
        .into_iter()
        .filter(|(ticked, _)| ticked.is_some())
        .map(|(_, mode)| mode)
        .collect()
    }

    fn shares(&self, mode: &str) -> bool {
        self.share_modes().iter().any(|m| m.as_str() == mode)
    }
}

#[derive(Template)]
#[template(path = "assets/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: AssetForm,
    errors: FormErrors,
    kinds: Vec<(String, String)>,
    cards: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    visibilities: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: AssetForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let areas = areas::choices(&state.db).await?;
    let organisations = organisations::memberships_of(&state.db, &user.id)
        .await?
        .into_iter()
        .map(|m| (m.organisation_slug, m.organisation_name))
        .collect();
    Ok(FormPage {
        kinds: forms::labelled(
            ALL_KINDS,
            AssetKind::as_str,
            AssetKind::label_key,
            &ctx.lang,
        ),
        modes: forms::labelled(
            ALL_SHARE_MODES,
            ShareMode::as_str,
            ShareMode::label_key,
            &ctx.lang,
        ),
        visibilities: forms::labelled(
            ALL_VISIBILITIES,
            Visibility::as_str,
            Visibility::label_key,
            &ctx.lang,
        ),
        cards: catalogue.choices(),
        areas,
        organisations,
        form,
        errors,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    kind: String,
    card: String,
    /// "1": entered for someone who is not online.
    for_someone: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let home = accounts::find(&state.db, &user.id)
        .await?
        .and_then(|u| u.home_area_id);
    let form = AssetForm {
        kind: if query.kind.is_empty() {
            "skill".into()
        } else {
            query.kind
        },
        card: query.card,
        visibility: "residents".into(),
        area: home.unwrap_or_default(),
        person: if query.for_someone == "1" {
            assisted::entry_areas(&state, &user).await?;
            PersonFields::blank()
        } else {
            PersonFields::default()
        },
        ..AssetForm::default()
    };
    render(&form_page(&state, ctx, &user, form, FormErrors::new()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<AssetForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let catalogue = Catalogue::load(&state.db, &lang).await?;
    let kind = AssetKind::parse(&form.kind);
    if kind.is_none() {
        errors.add(&lang, "kind", "field-asset-kind-missing");
    }
    let card = form.card.trim();
    if card.is_empty() {
        if kind == Some(AssetKind::Skill) {
            errors.add(&lang, "card", "field-card-missing");
        }
    } else if !catalogue.is_active(card) {
        errors.add(&lang, "card", "field-card-missing");
    }
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, MAX_TITLE);
    let description = forms::optional_text(
        &mut errors,
        &lang,
        "description",
        &form.description,
        MAX_TEXT,
    );
    let accessibility = forms::optional_text(
        &mut errors,
        &lang,
        "accessibility",
        &form.accessibility,
        MAX_SHORT,
    );
    let conditions = forms::optional_text(
        &mut errors,
        &lang,
        "conditions",
        &form.conditions,
        MAX_SHORT,
    );
    let cost = forms::optional_text(&mut errors, &lang, "cost", &form.cost, MAX_SHORT);
    let capacity = match form.capacity.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => {
                errors.add(&lang, "capacity", "field-capacity-invalid");
                None
            }
        },
    };
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area", "field-area-missing");
    }
    let visibility = Visibility::parse(&form.visibility);
    if visibility.is_none() {
        errors.add(&lang, "visibility", "field-visibility-missing");
    }
    let helping =
        assisted::helping_in_area(&state, &user, &mut errors, &lang, &form.person, &form.area)
            .await?;
    // An asset entered for someone is theirs, not one of the helper's organisations'.
    let organisation_id = match helping {
        Some(_) => None,
        None => organisation_of_member(&state, &user, &form.organisation).await?,
    };
    if helping.is_none() && !form.organisation.is_empty() && organisation_id.is_none() {
        errors.add(&lang, "organisation", "field-organisation-not-member");
    }
    let location =
        crate::areas::places::read_location(&mut errors, &lang, &form.latitude, &form.longitude);
    // A person's skill is never a point: it would show where they live.
    if location.is_some() && kind == Some(AssetKind::Skill) {
        errors.add(&lang, "latitude", "field-location-skill");
    }
    let (Some(kind), Some(visibility), true) = (kind, visibility, errors.is_empty()) else {
        let page = form_page(&state, ctx, &user, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let asset = NewAsset {
        area_id: &form.area,
        kind,
        card_code: (!card.is_empty()).then_some(card),
        title: &title,
        description: &description,
        share_modes: &form.share_modes(),
        capacity,
        accessibility: &accessibility,
        conditions: &conditions,
        cost: &cost,
        visibility,
        owner_id: &user.id,
        organisation_id: organisation_id.as_deref(),
        location,
    };
    if let Some(helping) = &helping {
        let id =
            store::create_for_someone(&state.db, &asset, &helping.entry(), lang.code()).await?;
        let what = ctx.t1("assist-slip-asset", "title", &title);
        let slip = assisted::Slip::new(helping, what, &state.config.public_url);
        let link = format!("/assets/{id}");
        return assisted::slip_page(ctx, slip, Some(&link), "/assets/new?for_someone=1");
    }
    check_posting_limit(&state, &user).await?;
    let id = store::create(&state.db, &asset).await?;
    Ok(see_other(&format!("/assets/{id}"), Some("asset-recorded")))
}

/// The organisation's id, when the user belongs to the organisation with that address.
async fn organisation_of_member(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Option<String>> {
    if slug.is_empty() {
        return Ok(None);
    }
    let Some(organisation) = organisations::find_by_slug(&state.db, slug).await? else {
        return Ok(None);
    };
    let role = organisations::role_of(&state.db, &organisation.id, &user.id).await?;
    Ok(role.map(|_| organisation.id))
}
