use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::stats::{self, Stats};
use super::store::{
    self, ALL_STATUSES, Category, Filter, Following, NewReport, NewUpdate, Order, Report, Route,
    Status, Update,
};
use crate::api::keys;
use crate::areas::geocode;
use crate::areas::maps as area_maps;
use crate::areas::places::{areas_at, read_location};
use crate::areas::points::{self, FoundPlace};
use crate::areas::store as areas;
use crate::i18n::Lang;
use crate::mail::Email;
use crate::maps::{self, MapBounds, MapMark, MapView};
use crate::moderation::{check_posting_limit, sees_hidden};
use crate::organisations::store::{self as organisations, Organisation};
use crate::roles;
use crate::state::AppState;
use crate::web::error::url_encode;
use crate::web::forms::{self, FormErrors};
use crate::web::images::{self, Caching, without_metadata};
use crate::web::session::MaybeUser;
use crate::web::uploads::Upload;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

const PAGE_SIZE: i64 = 30;
const MAX_PHOTOS: usize = 3;
const MAX_DESCRIPTION: usize = 4000;
const MAX_UPDATE: usize = 4000;

async fn report_by_id(state: &AppState, id: &str) -> AppResult<Report> {
    store::find(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// Whether the user may answer the report: an official of the organisation it went to, or
/// a site admin.
async fn answers_for(state: &AppState, user: &CurrentUser, report: &Report) -> AppResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    match &report.organisation_id {
        Some(org) => Ok(organisations::answers_for(&state.db, org, &user.id).await?),
        None => Ok(false),
    }
}

fn status_choices(lang: &Lang) -> Vec<(String, String)> {
    forms::labelled(ALL_STATUSES, Status::as_str, Status::label_key, lang)
}

// ------------------------------------------------------------------ the list

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    status: String,
    category: String,
    area: String,
    /// `west,south,east,north`: only reports placed in this box (a numbered mark's link).
    bbox: String,
    before: String,
}

#[derive(Template)]
#[template(path = "reports/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    map: Option<String>,
    query: ListQuery,
    reports: Vec<Report>,
    next: Option<String>,
    statuses: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    areas: Vec<(String, String)>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(mut query): Query<ListQuery>,
) -> AppResult<Response> {
    let area = crate::areas::from_filter(&state.db, &query.area).await?;
    query.area = area.as_ref().map(|a| a.slug.clone()).unwrap_or_default();
    let filter = Filter {
        status: query.status.clone(),
        category: query.category.clone(),
        area: area.map(|a| a.id).unwrap_or_default(),
        within: maps::parse_bbox(&query.bbox),
        ..Filter::default()
    };
    let map = reports_map(&state, &ctx.lang, &filter, &query).await?;
    let reports = store::list(
        &state.db,
        &filter,
        Order::NewestFirst,
        forms::parse_cursor(&query.before),
        PAGE_SIZE,
    )
    .await?;
    let categories = store::categories(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.name))
        .collect();
    render(&ListPage {
        map,
        statuses: status_choices(&ctx.lang),
        areas: areas::filter_choices(&state.db).await?,
        next: forms::next_cursor(
            reports.last().map(|r| (r.created_at, r.id.as_str())),
            reports.len(),
            PAGE_SIZE,
        ),
        ctx,
        query,
        reports,
        categories,
    })
}

/// The reports the list shows, on a map: one mark per report, or a numbered mark for many
/// close together (counted in the database, so a city's million reports are a few hundred
/// rows), each leading to the report or to the list of those in its cell.
async fn reports_map(
    state: &AppState,
    lang: &Lang,
    filter: &Filter,
    query: &ListQuery,
) -> AppResult<Option<String>> {
    // Framed by the chosen area's boundary (or the city's); without one, by the reports.
    let area = match filter.area.as_str() {
        "" => None,
        id => areas::find(&state.db, id).await?,
    };
    let frame = match area_maps::frame(&state.db, area.as_ref()).await? {
        Some(frame) => frame,
        None => {
            let Some(extent) = store::extent(&state.db, filter).await? else {
                return Ok(None);
            };
            let (grid, cell_lon, cell_lat) = maps::grid_for(extent);
            area_maps::Frame {
                grid,
                cell_lon,
                cell_lat,
                regions: Vec::new(),
            }
        }
    };
    let cells = store::map_cells(
        &state.db,
        filter,
        frame.grid,
        frame.cell_lon,
        frame.cell_lat,
    )
    .await?;
    let total: i64 = cells.iter().map(|cell| cell.count).sum();
    let list_of = {
        let query = format!(
            "/reports?status={}&category={}&area={}",
            url_encode(&query.status),
            url_encode(&query.category),
            url_encode(&query.area)
        );
        move |within: &MapBounds| {
            Some(format!(
                "{query}&bbox={}#reports",
                maps::format_bbox(within)
            ))
        }
    };
    let marks = cells
        .into_iter()
        .map(|cell| {
            let (label, href) = match cell.one {
                Some((path, title)) => (title, Some(path)),
                None => (
                    String::new(),
                    list_of(&frame.cell_around(cell.lat, cell.lon)),
                ),
            };
            MapMark {
                lat: cell.lat,
                lon: cell.lon,
                count: cell.count.max(1) as u64,
                label,
                href,
                kind: 0,
            }
        })
        .collect();
    Ok(maps::figure(
        lang,
        &state.config.map,
        MapView {
            id: "reports-map",
            title: lang.t("report-map-title"),
            description: lang.t_count("report-map-description", total),
            regions: frame.regions,
            marks,
            bounds: Some(frame.grid),
            cluster_href: Some(Box::new(list_of)),
            picker: false,
            legend: Vec::new(),
        },
    ))
}

// ------------------------------------------------------------------ reporting a problem

#[derive(Default)]
struct ReportForm {
    category: String,
    area: String,
    title: String,
    description: String,
    latitude: String,
    longitude: String,
    address: String,
    /// "Find address": what was typed.
    find: String,
    /// "1" once the resident has seen the reports close by and still sends theirs.
    checked: String,
}

/// What the form shows besides its fields: places found for "find address", and open
/// reports of the same category close by.
#[derive(Default)]
struct FormExtras {
    /// None: no search made; Some(empty): nothing found.
    found: Option<Vec<FoundPlace>>,
    nearby: Vec<Nearby>,
}

/// An open report close to the point given, offered before a duplicate is sent.
struct Nearby {
    id: String,
    title: String,
    distance: String,
}

#[derive(Template)]
#[template(path = "reports/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    /// The city's map to click a place on (with the chosen point marked).
    pick_map: Option<String>,
    form: ReportForm,
    errors: FormErrors,
    categories: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    extras: FormExtras,
}

impl FormPage {
    fn pick_value(place: &FoundPlace) -> String {
        format!(
            "{:.6}|{:.6}|{}",
            place.latitude, place.longitude, place.label
        )
    }
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    form: ReportForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    form_page_with(state, ctx, form, errors, FormExtras::default()).await
}

async fn form_page_with(
    state: &AppState,
    ctx: PageContext,
    form: ReportForm,
    errors: FormErrors,
    extras: FormExtras,
) -> AppResult<FormPage> {
    let categories = store::categories(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| (c.id, c.name))
        .collect();
    Ok(FormPage {
        pick_map: pick_map(state, &ctx.lang, &form).await?,
        areas: areas::choices(&state.db).await?,
        ctx,
        form,
        errors,
        categories,
        extras,
    })
}

/// The map the report's place is chosen on: the city with its districts, the point chosen so
/// far marked. Clicking it (with JavaScript) fills in the coordinates; the typed fields and
/// "find address" do the same without.
async fn pick_map(state: &AppState, lang: &Lang, form: &ReportForm) -> AppResult<Option<String>> {
    let map = area_maps::PickMap {
        id: "report-place-map",
        title: lang.t("report-map-pick-title"),
        description: lang.t("report-map-pick-description"),
        chosen: lang.t("report-map-chosen"),
    };
    Ok(area_maps::pick(state, lang, None, &form.latitude, &form.longitude, map).await?)
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
) -> AppResult<Response> {
    render(&form_page(&state, ctx, ReportForm::default(), FormErrors::new()).await?)
}

/// How close another open report of the same category must be to be offered instead.
const NEARBY_METRES: f64 = 250.0;

/// Open reports of the category within [`NEARBY_METRES`] of the point, nearest first.
async fn nearby_reports(
    state: &AppState,
    lang: &Lang,
    category_id: &str,
    (lat, lon): (f64, f64),
) -> AppResult<Vec<Nearby>> {
    let bounds = places::box_around(lat, lon, NEARBY_METRES);
    let mut close: Vec<(f64, Nearby)> =
        points::open_reports_in_box(&state.db, category_id, &bounds, 50)
            .await?
            .into_iter()
            .map(|p| {
                let metres = places::distance_m(lat, lon, p.latitude, p.longitude);
                (metres, p)
            })
            .filter(|(metres, _)| *metres <= NEARBY_METRES)
            .map(|(metres, p)| {
                let distance = lang.t_count("report-nearby-metres", metres.round() as i64);
                (
                    metres,
                    Nearby {
                        id: p.id,
                        title: p.title,
                        distance,
                    },
                )
            })
            .collect();
    close.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(close.into_iter().take(5).map(|(_, n)| n).collect())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    upload: Upload,
) -> AppResult<Response> {
    let mut form = ReportForm::default();
    let mut uploads = Vec::new();
    let mut action = String::new();
    let mut pick = String::new();
    let too_large = upload.too_large(&ctx.lang, "photo");
    for (name, value) in forms::multipart_fields(upload.form).await? {
        let text = || forms::field_text(&value);
        match name.as_str() {
            "category" => form.category = text(),
            "area" | "area_id" => form.area = text(),
            "title" => form.title = text(),
            "description" => form.description = text(),
            "latitude" => form.latitude = text(),
            "longitude" => form.longitude = text(),
            "address" => form.address = text(),
            "find" => form.find = text(),
            "checked" => form.checked = text(),
            "action" => action = text(),
            "pick" => pick = text(),
            "photo" if !value.is_empty() => uploads.push(value),
            _ => {}
        }
    }
    let lang = ctx.lang.clone();
    // "Find address" and choosing a result only fill the form in; nothing is sent.
    if action == "find" {
        let found = geocode::search(&state, &form.find).await?;
        let extras = FormExtras {
            found: Some(found),
            ..FormExtras::default()
        };
        return render(&form_page_with(&state, ctx, form, FormErrors::new(), extras).await?);
    }
    if !pick.is_empty() {
        let mut parts = pick.splitn(3, '|');
        if let (Some(lat), Some(lon), Some(label)) = (parts.next(), parts.next(), parts.next()) {
            form.latitude = lat.to_string();
            form.longitude = lon.to_string();
            if form.address.trim().is_empty() {
                form.address = label.chars().take(200).collect();
            }
            if let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>())
                && let Some(inner) = areas_at(&state, lat, lon).into_iter().next()
            {
                form.area = inner.id;
            }
        }
        return render(&form_page(&state, ctx, form, FormErrors::new()).await?);
    }
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let description = forms::required_text(
        &mut errors,
        &lang,
        "description",
        &form.description,
        MAX_DESCRIPTION,
    );
    let address = forms::optional_text(&mut errors, &lang, "address", &form.address, 200);
    let categories = store::categories(&state.db).await?;
    if !categories.iter().any(|c| c.active && c.id == form.category) {
        errors.add(&lang, "category", "field-report-category-invalid");
    }
    let location = read_location(&mut errors, &lang, &form.latitude, &form.longitude);
    // With a point and no area chosen, the point decides (the innermost area holding it).
    if form.area.is_empty()
        && let Some((lat, lon)) = location
    {
        match areas_at(&state, lat, lon).into_iter().next() {
            Some(inner) => form.area = inner.id,
            None => {
                errors.add(&lang, "area_id", "field-report-outside-areas");
                // Offer the city, so one more press sends it there.
                if let Some(city) = areas::of_kind(&state.db, areas::AreaKind::City, 1)
                    .await?
                    .into_iter()
                    .next()
                {
                    form.area = city.id;
                }
            }
        }
    } else if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area_id", "field-area-missing");
    }
    let mut photos = Vec::new();
    if let Some(message) = too_large {
        errors.add_message("photo", message);
    }
    if uploads.len() > MAX_PHOTOS {
        errors.add(&lang, "photo", "field-report-too-many-photos");
    }
    for upload in uploads.into_iter().take(MAX_PHOTOS) {
        match without_metadata(upload).await {
            Ok(photo) => photos.push(photo),
            Err(refused) => errors.add_message("photo", refused.message(&lang)),
        }
    }
    if !errors.is_empty() {
        let page = form_page(&state, ctx, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    // Before a duplicate is sent: "is it one of these?" (once; then the resident decides).
    if form.checked != "1"
        && let Some(point) = location
    {
        let nearby = nearby_reports(&state, &lang, &form.category, point).await?;
        if !nearby.is_empty() {
            form.checked = "1".into();
            let extras = FormExtras {
                nearby,
                ..FormExtras::default()
            };
            return render(&form_page_with(&state, ctx, form, FormErrors::new(), extras).await?);
        }
    }
    check_posting_limit(&state, &user).await?;
    let report = NewReport {
        category_id: &form.category,
        area_id: &form.area,
        title: &title,
        description: &description,
        latitude: location.map(|l| l.0),
        longitude: location.map(|l| l.1),
        address: &address,
        author_id: Some(&user.id),
        source: "web",
        photos: &photos,
        for_someone: None,
    };
    let public_url = state.config.public_url.clone();
    let id = store::create(
        &state.db,
        &report,
        |id, officials| new_report_emails(&public_url, id, &title, officials),
        |locale| Some(new_report_notice(locale, &title)),
    )
    .await?;
    state.jobs_waiting.notify_one();
    // The street becomes findable by "find address" for the next person.
    if let Some((lat, lon)) = location {
        points::remember_street(&state.db, &address, lat, lon).await?;
    }
    tracing::info!(report = %id, by = %user.id, "problem reported");
    Ok(see_other(&format!("/reports/{id}"), Some("report-sent")))
}

/// The site notification an official gets for a new report, in their language.
pub fn new_report_notice(locale: &str, title: &str) -> String {
    Lang::from_tag(locale)
        .unwrap_or_default()
        .t1("work-report-arrived-notice", "title", title)
}

/// Tells the officials of the organisation a report went to.
pub fn new_report_emails(
    public_url: &str,
    id: &str,
    title: &str,
    officials: &[(String, String)],
) -> Vec<Email> {
    officials
        .iter()
        .map(|(to, locale)| {
            let lang = Lang::from_tag(locale).unwrap_or_default();
            Email {
                to: to.clone(),
                subject: lang.t1("report-new-subject", "title", title),
                body: lang.t_args(
                    "report-new-body",
                    &[
                        ("title", title),
                        ("link", &format!("{public_url}/reports/{id}")),
                    ],
                ),
            }
        })
        .collect()
}

// ------------------------------------------------------------------ a report's page

#[derive(Template)]
#[template(path = "reports/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    map: Option<String>,
    report: Report,
    updates: Vec<Update>,
    photos: Vec<String>,
    following: Following,
    can_answer: bool,
    statuses: Vec<(String, String)>,
    errors: FormErrors,
    /// Entered by someone else for a resident who is not online (never said who).
    with_help: bool,
}

impl ShowPage {
    fn map_link(&self) -> Option<String> {
        let (lat, lon) = (self.report.latitude?, self.report.longitude?);
        Some(format!(
            "https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=18/{lat:.6}/{lon:.6}"
        ))
    }

    fn affected_text(&self) -> String {
        let count = usize::try_from(self.report.affected).unwrap_or(0);
        self.ctx.t_count("report-affected-count", count)
    }

    fn is_following(&self) -> bool {
        self.following != Following::No
    }

    fn is_affected(&self) -> bool {
        self.following == Following::Affected
    }

    /// Open past its category's target, said in days.
    fn overdue_text(&self) -> Option<String> {
        let days = self.report.target_days?;
        self.report
            .overdue(crate::db::now_ms())
            .then(|| self.ctx.t_count("report-overdue-by-target", days))
    }
}

async fn show_page(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    report: Report,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let (following, can_answer) = match user {
        Some(user) => (
            store::following(&state.db, &report.id, &user.id).await?,
            answers_for(state, user, &report).await?,
        ),
        None => (Following::No, false),
    };
    Ok(ShowPage {
        with_help: crate::assisted::store::entered_with_help(&state.db, "report", &report.id)
            .await?,
        map: report_place_map(state, &ctx.lang, &report),
        updates: store::updates(&state.db, &report.id).await?,
        photos: store::photo_ids(&state.db, &report.id).await?,
        statuses: status_choices(&ctx.lang),
        ctx,
        report,
        following,
        can_answer,
        errors,
    })
}

/// Where the report is, on a map of the streets around it.
fn report_place_map(state: &AppState, lang: &Lang, report: &Report) -> Option<String> {
    maps::one_place(
        lang,
        &state.config.map,
        (report.latitude?, report.longitude?),
        maps::OnePlace {
            id: "report-map",
            title: lang.t1("report-map-one-title", "title", &report.title),
            description: lang.t1("report-map-one-description", "place", &report.address),
            label: &report.title,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let report = report_by_id(&state, &id).await?;
    if !report.hidden_reason.is_empty() && !sees_hidden(user.as_ref(), report.author_id.as_deref())
    {
        return Err(AppError::NotFound);
    }
    render(&show_page(&state, ctx, user.as_ref(), report, FormErrors::new()).await?)
}

pub async fn photo(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, photo_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let photo = store::photo(&state.db, &id, &photo_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A hidden report's photos are as hidden as its page, for whoever may not see it.
    if photo.hidden && !sees_hidden(user.as_ref(), photo.author_id.as_deref()) {
        return Err(AppError::NotFound);
    }
    // Only the viewer's browser may keep it: a moderator can hide the report at any time.
    Ok(images::response(
        &photo.content_type,
        photo.bytes,
        Caching::Private,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowForm {
    /// follow, affected or stop.
    how: String,
}

pub async fn follow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<FollowForm>,
) -> AppResult<Response> {
    let report = report_by_id(&state, &id).await?;
    let (how, notice) = match form.how.as_str() {
        "follow" => (Following::Follows, "report-following"),
        "affected" => (Following::Affected, "report-affected"),
        "stop" => (Following::No, "report-unfollowed"),
        _ => return Err(AppError::Conflict("error-report-follow-invalid")),
    };
    store::set_following(&state.db, &report.id, &user.id, how).await?;
    Ok(see_other(&format!("/reports/{id}"), Some(notice)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UpdateForm {
    status: String,
    body: String,
    duplicate_of: String,
}

/// An official's public update (status and/or reply), or a comment from anyone signed in.
pub async fn add_update(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<UpdateForm>,
) -> AppResult<Response> {
    let report = report_by_id(&state, &id).await?;
    let official = answers_for(&state, &user, &report).await?;
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let body = forms::optional_text(&mut errors, &lang, "body", &form.body, MAX_UPDATE);
    let status = match form.status.as_str() {
        "" => None,
        _ if !official => return Err(AppError::Forbidden("error-report-officials-only")),
        value => {
            let status = Status::parse(value);
            if status.is_none() {
                errors.add(&lang, "status", "field-report-status-invalid");
            }
            status.filter(|s| *s != report.status)
        }
    };
    let duplicate_of = form
        .duplicate_of
        .trim()
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string();
    if status == Some(Status::Duplicate) {
        let original = store::find(&state.db, &duplicate_of).await?;
        if original.is_none() || duplicate_of == report.id {
            errors.add(&lang, "duplicate_of", "field-report-duplicate-invalid");
        }
    }
    if body.is_empty() && status.is_none() && errors.is_empty() {
        errors.add(&lang, "body", "field-report-update-empty");
    }
    if !errors.is_empty() {
        let page = show_page(&state, ctx, Some(&user), report, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let update = NewUpdate {
        author_id: Some(&user.id),
        official,
        status,
        duplicate_of: (status == Some(Status::Duplicate)).then_some(duplicate_of.as_str()),
        body: &body,
    };
    let public_url = state.config.public_url.clone();
    let title = report.title.clone();
    let who = report
        .organisation_name
        .clone()
        .filter(|_| official)
        .unwrap_or_else(|| user.display_name.clone());
    store::add_update(&state.db, &report.id, &update, |followers| {
        update_notices(&public_url, &report.id, &title, &who, status, followers)
    })
    .await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(
        &format!("/reports/{id}#updates"),
        Some("report-updated"),
    ))
}

/// Each follower's site notice and email, both in that follower's own language (the one
/// their account keeps), whoever wrote the update and in whatever language.
pub fn update_notices(
    public_url: &str,
    id: &str,
    title: &str,
    who: &str,
    status: Option<Status>,
    followers: &[store::Follower],
) -> (Vec<String>, Vec<Email>) {
    let say = |lang: &Lang| match status {
        Some(status) => lang.t_args(
            "report-update-status",
            &[
                ("who", who),
                ("title", title),
                ("status", &lang.t(&status.label_key())),
            ],
        ),
        None => lang.t_args("report-update-reply", &[("who", who), ("title", title)]),
    };
    let notices = followers
        .iter()
        .map(|(_, _, locale)| say(&Lang::from_tag(locale).unwrap_or_default()))
        .collect();
    let emails = followers
        .iter()
        .map(|(_, to, locale)| {
            let lang = Lang::from_tag(locale).unwrap_or_default();
            Email {
                to: to.clone(),
                subject: lang.t1("report-update-subject", "title", title),
                body: format!(
                    "{}\n\n{}\n",
                    say(&lang),
                    lang.t1(
                        "report-update-link",
                        "link",
                        &format!("{public_url}/reports/{id}")
                    )
                ),
            }
        })
        .collect();
    (notices, emails)
}

// ------------------------------------------------------------------ an organisation's inbox

#[derive(Template)]
#[template(path = "reports/templates/inbox.html")]
struct InboxPage {
    ctx: PageContext,
    organisation: Organisation,
    /// All the reports still waiting, however many; a page of them, oldest first.
    waiting_count: i64,
    waiting: Vec<Report>,
    waiting_next: Option<String>,
    /// A page of the finished ones, most recently made first.
    finished: Vec<Report>,
    finished_next: Option<String>,
    /// Open reports past their category's target, and the time they are judged at.
    overdue_count: i64,
    now: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InboxQuery {
    /// The last waiting report shown (`created_at.id`).
    after: String,
    /// The last finished report shown.
    before: String,
}

async fn organisation_by_slug(state: &AppState, slug: &str) -> AppResult<Organisation> {
    organisations::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The reports routed to the organisation, those still waiting first; for its officials.
pub async fn inbox(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Query(query): Query<InboxQuery>,
) -> AppResult<Response> {
    let organisation = organisation_by_slug(&state, &slug).await?;
    if !user.is_admin && !organisations::answers_for(&state.db, &organisation.id, &user.id).await? {
        return Err(AppError::Forbidden("error-report-officials-only"));
    }
    let waiting_filter = Filter {
        organisation: organisation.id.clone(),
        open: Some(true),
        ..Filter::default()
    };
    let finished_filter = Filter {
        open: Some(false),
        ..waiting_filter.clone()
    };
    // Oldest waiting first: they have waited longest.
    let waiting = store::list(
        &state.db,
        &waiting_filter,
        Order::OldestFirst,
        forms::parse_cursor(&query.after),
        PAGE_SIZE,
    )
    .await?;
    let finished = store::list(
        &state.db,
        &finished_filter,
        Order::NewestFirst,
        forms::parse_cursor(&query.before),
        PAGE_SIZE,
    )
    .await?;
    let cursor = |list: &[Report]| {
        forms::next_cursor(
            list.last().map(|r| (r.created_at, r.id.as_str())),
            list.len(),
            PAGE_SIZE,
        )
    };
    let now = crate::db::now_ms();
    render(&InboxPage {
        ctx,
        overdue_count: store::overdue_count(&state.db, &organisation.id, now).await?,
        now,
        waiting_count: store::count(&state.db, &waiting_filter).await?,
        waiting_next: cursor(&waiting),
        finished_next: cursor(&finished),
        organisation,
        waiting,
        finished,
    })
}

// ------------------------------------------------------------------ public statistics

#[derive(Template)]
#[template(path = "reports/templates/stats.html")]
struct StatsPage {
    ctx: PageContext,
    organisation: Organisation,
    stats: Stats,
    /// Open reports past their category's target now.
    overdue: i64,
    /// What reporters said four weeks on: (confirmed fixed, not fixed).
    answers: (i64, i64),
    /// Bars of the chart: label, count, top and width (of 100).
    bars: Vec<(String, usize, usize, f64)>,
}

impl StatsPage {
    fn wait(&self, ms: &Option<i64>) -> String {
        match ms {
            None => self.ctx.t("report-stats-none"),
            Some(ms) => {
                let (amount, unit) = stats::duration_parts(*ms);
                self.ctx
                    .t_count(&format!("report-wait-{unit}"), amount.max(0) as usize)
            }
        }
    }

    fn chart_height(&self) -> usize {
        self.bars.len() * BAR_HEIGHT
    }
}

const BAR_HEIGHT: usize = 22;

pub async fn organisation_stats(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let organisation = organisation_by_slug(&state, &slug).await?;
    let stats = store::record(&state.db, &organisation.id).await?;
    let most = stats
        .by_status
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bars = stats
        .by_status
        .iter()
        .enumerate()
        .map(|(i, (status, n))| {
            let width = (*n as f64 / most * 100.0).max(0.5);
            (ctx.t(&status.label_key()), *n, i * BAR_HEIGHT, width)
        })
        .collect();
    let now = crate::db::now_ms();
    render(&StatsPage {
        ctx,
        overdue: store::overdue_count(&state.db, &organisation.id, now).await?,
        answers: store::answers(&state.db, &organisation.id).await?,
        organisation,
        stats,
        bars,
    })
}

// ------------------------------------------------------------------ categories and routing

#[derive(Template)]
#[template(path = "reports/templates/admin.html")]
struct AdminPage {
    ctx: PageContext,
    categories: Vec<Category>,
    routes: Vec<Route>,
    category_choices: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
    errors: FormErrors,
    /// No option chosen yet (the select macro compares Strings).
    unchosen: String,
    api_keys: Vec<keys::ApiKey>,
    /// A key just made, shown this once.
    new_key: Option<String>,
    /// Reports an outside service has not taken yet after an error, a page of them.
    troubled: Vec<store::Send>,
    troubled_next: Option<String>,
    /// Where a rule may send: (value, label).
    send_to_choices: Vec<(String, String)>,
}

impl AdminPage {
    fn send_to_label(&self, send_to: &store::SendTo) -> String {
        self.ctx.t(&send_to.label_key())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AdminQuery {
    failed_after: String,
}

/// Failed sendings listed on the admin page at a time.
const TROUBLED_PAGE: i64 = 50;

async fn admin_page(
    state: &AppState,
    ctx: PageContext,
    errors: FormErrors,
) -> AppResult<AdminPage> {
    admin_page_from(state, ctx, errors, None).await
}

async fn admin_page_from(
    state: &AppState,
    ctx: PageContext,
    errors: FormErrors,
    failed_after: Option<(i64, &str)>,
) -> AppResult<AdminPage> {
    let troubled = store::troubled_sends(&state.db, failed_after, TROUBLED_PAGE).await?;
    let troubled_next = forms::next_cursor(
        troubled.last().map(|(at, s)| (*at, s.report_id.as_str())),
        troubled.len(),
        TROUBLED_PAGE,
    );
    let send_to_choices = [
        store::SendTo::Inbox,
        store::SendTo::Open311,
        store::SendTo::Both,
    ]
    .into_iter()
    .map(|s| (s.as_str().to_string(), ctx.t(&s.label_key())))
    .collect();
    let categories = store::categories(&state.db).await?;
    let organisations = organisations::list(&state.db, None, None)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(AdminPage {
        category_choices: categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        routes: store::routes(&state.db).await?,
        areas: areas::choices(&state.db).await?,
        ctx,
        categories,
        organisations,
        errors,
        unchosen: String::new(),
        api_keys: keys::list(&state.db).await?,
        new_key: None,
        troubled: troubled.into_iter().map(|(_, s)| s).collect(),
        troubled_next,
        send_to_choices,
    })
}

pub async fn admin(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<AdminQuery>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    let after = forms::parse_cursor(&query.failed_after);
    render(&admin_page_from(&state, ctx, FormErrors::new(), after).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CategoryForm {
    name: String,
}

pub async fn add_category(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<CategoryForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    let mut errors = FormErrors::new();
    let name = forms::required_text(&mut errors, &ctx.lang, "name", &form.name, 80);
    let code = forms::slugify(&name);
    if errors.is_empty() && code.is_empty() {
        errors.add(&ctx.lang, "name", "field-report-category-name");
    }
    if errors.is_empty() {
        if store::add_category(&state.db, &code, &name, Some(&user.id)).await? {
            return Ok(see_other(
                "/reports/categories",
                Some("report-category-added"),
            ));
        }
        errors.add(&ctx.lang, "name", "field-report-category-taken");
    }
    let page = admin_page(&state, ctx, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TargetForm {
    target_category: String,
    target_days: String,
}

/// The longest target a category may have: a year.
const MAX_TARGET_DAYS: i64 = 366;

/// Sets or clears a category's target time to fix (an empty number clears it).
pub async fn set_target(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<TargetForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    let mut errors = FormErrors::new();
    let days = match form.target_days.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(days) if (1..=MAX_TARGET_DAYS).contains(&days) => Some(days),
            _ => {
                errors.add_message("target_days", ctx.t("field-report-target-days-invalid"));
                None
            }
        },
    };
    if errors.is_empty() {
        if store::set_target(&state.db, &form.target_category, days, &user.id).await? {
            return Ok(see_other("/reports/categories", Some("report-target-set")));
        }
        errors.add_message("target_category", ctx.t("field-report-category-invalid"));
    }
    let page = admin_page(&state, ctx, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RouteForm {
    category: String,
    area: String,
    organisation: String,
    send_to: String,
    open311_url: String,
    open311_key: String,
    open311_service_code: String,
    open311_jurisdiction: String,
}

impl RouteForm {
    /// Where the rule sends reports; an outside service needs its address (http or https)
    /// and service code; errors name the field.
    fn outside(&self, lang: &Lang, errors: &mut FormErrors) -> store::Outside {
        let send_to = match self.send_to.as_str() {
            "" => Some(store::SendTo::Inbox),
            text => store::SendTo::parse(text),
        };
        let Some(send_to) = send_to else {
            errors.add_message("send_to", lang.t("field-report-send-to-invalid"));
            return store::Outside::inbox();
        };
        if send_to == store::SendTo::Inbox {
            return store::Outside::inbox();
        }
        let url = self.open311_url.trim().trim_end_matches('/').to_string();
        let valid_url = reqwest::Url::parse(&url)
            .is_ok_and(|u| ["http", "https"].contains(&u.scheme()) && u.host().is_some());
        if !valid_url {
            errors.add_message("open311_url", lang.t("field-report-open311-url-invalid"));
        }
        let service_code = self.open311_service_code.trim().to_string();
        if service_code.is_empty() {
            errors.add_message(
                "open311_service_code",
                lang.t("field-report-open311-service-code-missing"),
            );
        }
        store::Outside {
            send_to,
            url,
            api_key: self.open311_key.trim().to_string(),
            service_code,
            jurisdiction: self.open311_jurisdiction.trim().to_string(),
        }
    }
}

pub async fn add_route(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<RouteForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    let mut errors = FormErrors::new();
    let categories = store::categories(&state.db).await?;
    if !categories.iter().any(|c| c.id == form.category) {
        errors.add(&ctx.lang, "category", "field-report-category-invalid");
    }
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&ctx.lang, "area", "field-area-missing");
    }
    let known = organisations::list(&state.db, None, None).await?;
    if !known.iter().any(|o| o.id == form.organisation) {
        errors.add(
            &ctx.lang,
            "organisation",
            "field-report-organisation-invalid",
        );
    }
    let outside = form.outside(&ctx.lang, &mut errors);
    if errors.is_empty() {
        store::set_route(
            &state.db,
            &form.category,
            &form.area,
            &form.organisation,
            &outside,
            Some(&user.id),
        )
        .await?;
        return Ok(see_other("/reports/categories", Some("report-route-set")));
    }
    let page = admin_page(&state, ctx, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn delete_route(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    store::delete_route(&state.db, &id, Some(&user.id)).await?;
    Ok(see_other(
        "/reports/categories",
        Some("report-route-deleted"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KeyForm {
    key_name: String,
}

/// Makes an API key for a system that posts reports through Open311; shows it once.
pub async fn add_api_key(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<KeyForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    let mut errors = FormErrors::new();
    let name = forms::required_text(&mut errors, &ctx.lang, "key_name", &form.key_name, 80);
    if !errors.is_empty() {
        let page = admin_page(&state, ctx, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let key = keys::create(&state.db, &name, &user.id).await?;
    tracing::info!(by = %user.id, name = %name, "API key made");
    let mut page = admin_page(&state, ctx, errors).await?;
    page.new_key = Some(key);
    render(&page)
}

pub async fn revoke_api_key(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-report-admins-only")?;
    keys::revoke(&state.db, &id, &user.id).await?;
    Ok(see_other(
        "/reports/categories#api-keys",
        Some("report-key-revoked"),
    ))
}

// ------------------------------------------------------------------ notifications

#[derive(Template)]
#[template(path = "reports/templates/notifications.html")]
struct NotificationsPage {
    ctx: PageContext,
    notifications: Vec<store::Notification>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotificationsQuery {
    before: String,
}

/// The person's notifications, a page at a time (every one reachable, however many).
pub async fn notifications(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NotificationsQuery>,
) -> AppResult<Response> {
    let before = forms::parse_cursor(&query.before);
    let notifications = store::take_notifications(&state.db, &user.id, before, PAGE_SIZE).await?;
    let next = forms::next_cursor(
        notifications.last().map(|n| (n.created_at, n.id.as_str())),
        notifications.len(),
        PAGE_SIZE,
    );
    render(&NotificationsPage {
        ctx,
        notifications,
        next,
    })
}
