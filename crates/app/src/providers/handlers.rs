//! Pages of micro-providers and their accreditation. Who may do what:
//! - site admins mark an organisation as an accrediting body for an area;
//! - the body's organisation admins write its standard; its admins and officials assess;
//! - anyone signed in applies as themselves, or for a micro-provider organisation they run;
//! - an application and its evidence are seen by the provider and the body's assessors
//!   only (everyone else gets 404); nobody assesses an application they speak for;
//! - the directory shows providers whose accreditation is in force, to everyone.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::store::{
    self, Application, Body, Check, CheckState, Decided, Decision, Evidence, Filter, Listed,
    Listing, Message, NewApplication, NewFile, NewService, Review, Service,
};
use crate::areas::maps as area_maps;
use crate::areas::points::{self, Offering, PointKind};
use crate::areas::store as areas;
use crate::i18n::Lang;
use crate::mail::Email;
use crate::maps;
use crate::methods::materials::{self, Checked};
use crate::organisations::store as organisations;
use crate::state::AppState;
use crate::stories::store::{self as stories, Story};
use crate::web::forms::{self, FormErrors, next_cursor, parse_cursor};
use crate::web::images::{self, ImageError};
use crate::web::page::Count;
use crate::web::uploads::Upload;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, csv, download, render, render_with,
    see_other,
};

const PAGE: i64 = 50;

fn cursor_of(text: &str) -> Option<(i64, &str)> {
    if text.is_empty() {
        None
    } else {
        parse_cursor(text)
    }
}

/// The last day an expiry time covers, as people read dates.
fn day_of(lang: &Lang, ms: i64) -> String {
    crate::web::format_date(lang, ms)
}

fn today(now: i64) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(now / 1000)
        .map(|t| t.date())
        .unwrap_or(time::Date::MIN)
}

/// The date `months` months after `date` (the day kept where the month has it, else its
/// last day).
fn add_months(date: time::Date, months: i64) -> time::Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + months;
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(9999);
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1))
        .unwrap_or(time::Month::January);
    let last = month.length(year);
    time::Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

/// The last millisecond (UTC) of a day: evidence accepted "until" a date is valid through it.
fn end_of(date: time::Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp() * 1000 + store::DAY_MS - 1
}

fn iso(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

async fn body_by_id(state: &AppState, id: &str) -> AppResult<Body> {
    store::find_body(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

// ------------------------------------------------------------------ the directory

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DirectoryQuery {
    area: String,
    kind: String,
    available: String,
    cursor: String,
}

impl DirectoryQuery {
    async fn filter(&self, state: &AppState) -> AppResult<Filter> {
        let area_id = if self.area.is_empty() {
            None
        } else {
            Some(
                areas::find_by_slug(&state.db, &self.area)
                    .await?
                    .ok_or(AppError::NotFound)?
                    .id,
            )
        };
        let kind = store::SERVICE_KINDS
            .contains(&self.kind.as_str())
            .then(|| self.kind.clone());
        let availability = store::AVAILABILITY
            .contains(&self.available.as_str())
            .then(|| self.available.clone());
        Ok(Filter {
            area_id,
            kind,
            availability,
        })
    }
}

#[derive(Template)]
#[template(path = "providers/templates/directory.html")]
struct DirectoryPage {
    ctx: PageContext,
    query: DirectoryQuery,
    listings: Vec<Listing>,
    area_options: Vec<(String, String)>,
    kind_options: Vec<(String, String)>,
    availability_options: Vec<(String, String)>,
    next: Option<String>,
    /// The filters as a query string, for the next page's link and the CSV.
    filters: String,
    no_errors: FormErrors,
    /// Accredited providers with a place, in the area chosen (or the whole site).
    place_map: Option<String>,
}

impl DirectoryPage {
    fn when(&self, service: &Service) -> String {
        when_text(&self.ctx.lang, service)
    }

    fn kind(&self, kind: &str) -> String {
        self.ctx.t(&store::kind_label_key(kind))
    }

    fn accredited(&self, body: &str, until: impl Count) -> String {
        accredited_text(&self.ctx.lang, body, until.as_i64())
    }
}

fn accredited_text(lang: &Lang, body: &str, until: i64) -> String {
    lang.t_args(
        "provider-accredited-by-until",
        &[("body", body), ("date", &day_of(lang, until))],
    )
}

fn when_text(lang: &Lang, service: &Service) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (on, key) in [
        (service.weekdays, "provider-available-weekdays"),
        (service.evenings, "provider-available-evenings"),
        (service.weekends, "provider-available-weekends"),
    ] {
        if on {
            let label = lang.t(key);
            // "Weekdays, evenings": a label after the first is part of one phrase.
            parts.push(if parts.is_empty() {
                label
            } else {
                lower_first(&label)
            });
        }
    }
    if !service.hours.is_empty() {
        parts.push(service.hours.clone());
    }
    parts.join(", ")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn kind_options(lang: &Lang) -> Vec<(String, String)> {
    store::SERVICE_KINDS
        .iter()
        .map(|k| (k.to_string(), lang.t(&store::kind_label_key(k))))
        .collect()
}

fn availability_options(lang: &Lang) -> Vec<(String, String)> {
    store::AVAILABILITY
        .iter()
        .map(|a| (a.to_string(), lang.t(&format!("provider-available-{a}"))))
        .collect()
}

pub async fn directory(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<DirectoryQuery>,
) -> AppResult<Response> {
    let filter = query.filter(&state).await?;
    let now = state.clock.now_ms();
    let listings =
        store::directory(&state.db, &filter, now, cursor_of(&query.cursor), PAGE).await?;
    let next = next_cursor(
        listings
            .last()
            .map(|l| (l.created_at, l.service.id.as_str())),
        listings.len(),
        PAGE,
    );
    let filters = serde_urlencoded::to_string([
        ("area", query.area.as_str()),
        ("kind", query.kind.as_str()),
        ("available", query.available.as_str()),
    ])
    .unwrap_or_default();
    let area = match &filter.area_id {
        Some(id) => areas::find(&state.db, id).await?,
        None => None,
    };
    let offering = Offering {
        kind: filter.kind.clone().unwrap_or_default(),
        available: filter.availability.clone().unwrap_or_default(),
    };
    let place_map = providers_map(&state, &ctx.lang, area.as_ref(), offering, now).await?;
    render(&DirectoryPage {
        place_map,
        area_options: areas::filter_choices(&state.db).await?,
        kind_options: kind_options(&ctx.lang),
        availability_options: availability_options(&ctx.lang),
        ctx,
        query,
        listings,
        next,
        filters,
        no_errors: FormErrors::new(),
    })
}

/// Accredited providers in force with a place offering what the directory's filters ask, on
/// the map of `area` (None: the whole site), with the legend saying what the marks are.
async fn providers_map(
    state: &AppState,
    lang: &Lang,
    area: Option<&areas::Area>,
    offering: Offering,
    now: i64,
) -> AppResult<Option<String>> {
    let title = match area {
        Some(area) => lang.t1("provider-map-title", "area", &area.name),
        None => lang.t("provider-map-title-all"),
    };
    let layers = vec![area_maps::Layer {
        not_over_at: Some(now),
        offering,
        ..area_maps::Layer::plain(PointKind::Providers)
    }];
    Ok(area_maps::draw(
        state,
        lang,
        area_maps::AreaMap {
            id: "providers-map",
            title,
            description: lang.t("provider-map-description"),
            area,
            layers,
            legend: vec![lang.t("area-map-legend-providers")],
        },
    )
    .await?)
}

/// The directory as CSV: what was checked and until when, never the evidence. Read page by
/// page; language-neutral columns (kinds as codes, dates as ISO).
pub async fn export(
    State(state): State<AppState>,
    Query(query): Query<DirectoryQuery>,
) -> AppResult<Response> {
    let filter = query.filter(&state).await?;
    let now = state.clock.now_ms();
    let mut out = csv::line(&[
        "provider",
        "provider_page",
        "service_kind",
        "what",
        "area",
        "for_whom",
        "price",
        "weekdays",
        "evenings",
        "weekends",
        "hours",
        "accredited_by",
        "accredited_until",
        "checks",
    ]);
    let mut cursor: Option<(i64, String)> = None;
    loop {
        let page = store::directory(
            &state.db,
            &filter,
            now,
            cursor.as_ref().map(|(at, id)| (*at, id.as_str())),
            500,
        )
        .await?;
        for l in &page {
            let checks = store::passed_checks(&state.db, &l.application_id, now).await?;
            let checks: Vec<String> = checks.into_iter().map(|(name, _)| name).collect();
            let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
            out.push_str(&csv::line(&[
                l.provider_name.clone(),
                format!(
                    "{}/providers/{}",
                    state.config.public_url.trim_end_matches('/'),
                    l.application_id
                ),
                l.service.kind.clone(),
                l.service.description.clone(),
                l.service.area_name.clone(),
                l.service.for_whom.clone(),
                l.service.price.clone(),
                yes_no(l.service.weekdays),
                yes_no(l.service.evenings),
                yes_no(l.service.weekends),
                l.service.hours.clone(),
                l.body_name.clone(),
                crate::web::clock::rfc3339(l.valid_until)
                    .get(..10)
                    .unwrap_or_default()
                    .to_string(),
                checks.join("; "),
            ]));
        }
        if page.len() < 500 {
            break;
        }
        cursor = page.last().map(|l| (l.created_at, l.service.id.clone()));
    }
    Ok(download("providers.csv", "text/csv; charset=utf-8", out))
}

// ------------------------------------------------------------------ a provider's page

#[derive(Template)]
#[template(path = "providers/templates/provider.html")]
struct ProviderPage {
    ctx: PageContext,
    application: Application,
    services: Vec<Service>,
    checked: Vec<(String, i64)>,
    in_force: bool,
    speaks_for: bool,
    errors: FormErrors,
    message: String,
    /// Where the provider works from, on a map, when they gave it.
    place_map: Option<String>,
    /// The newest published stories about the provider, and whether there are more.
    stories: Vec<Story>,
    more_stories: bool,
}

impl ProviderPage {
    fn when(&self, service: &Service) -> String {
        when_text(&self.ctx.lang, service)
    }

    fn kind(&self, kind: &str) -> String {
        self.ctx.t(&store::kind_label_key(kind))
    }

    fn accredited(&self, until: impl Count) -> String {
        accredited_text(&self.ctx.lang, &self.application.body_name, until.as_i64())
    }

    fn check_until(&self, name: &str, until: impl Count) -> String {
        self.ctx.lang.t_args(
            "provider-check-valid-until",
            &[
                ("check", name),
                ("date", &day_of(&self.ctx.lang, until.as_i64())),
            ],
        )
    }
}

/// Whether the viewer may see the application itself: the provider or the body's assessors.
async fn may_see(
    state: &AppState,
    application: &Application,
    user: Option<&CurrentUser>,
) -> AppResult<(bool, bool)> {
    let Some(user) = user else {
        return Ok((false, false));
    };
    let speaks = store::speaks_for(&state.db, application, &user.id).await?;
    let role = store::body_role(&state.db, &application.body_id, &user.id).await?;
    let assesses = matches!(role.as_deref(), Some("admin" | "official"));
    Ok((speaks, assesses))
}

async fn provider_page(
    state: &AppState,
    ctx: PageContext,
    id: &str,
    errors: FormErrors,
    message: String,
) -> AppResult<ProviderPage> {
    let application = store::find_application(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now_ms();
    let in_force = application.in_force(now);
    let (speaks_for, assesses) = may_see(state, &application, ctx.user.as_ref()).await?;
    // Only an accreditation in force is public; the provider and assessors see it lapsed.
    if !in_force && !speaks_for && !assesses {
        return Err(AppError::NotFound);
    }
    let mut stories = stories::published_page(
        &state.db,
        stories::About::Provider(&application.id),
        None,
        STORIES_SHOWN + 1,
    )
    .await?;
    let more_stories = stories.len() as i64 > STORIES_SHOWN;
    stories.truncate(STORIES_SHOWN as usize);
    Ok(ProviderPage {
        place_map: provider_place_map(state, &ctx.lang, &application).await?,
        stories,
        more_stories,
        services: store::services(&state.db, &application.id).await?,
        checked: store::passed_checks(&state.db, &application.id, now).await?,
        in_force,
        speaks_for,
        application,
        ctx,
        errors,
        message,
    })
}

/// How many stories a provider's page shows; the rest are a link away.
const STORIES_SHOWN: i64 = 5;

/// Where the provider works from, on a map of the streets around it.
async fn provider_place_map(
    state: &AppState,
    lang: &Lang,
    application: &Application,
) -> AppResult<Option<String>> {
    let Some((lat, lon)) =
        points::location(&state.db, PointKind::Providers, &application.id).await?
    else {
        return Ok(None);
    };
    Ok(maps::one_place(
        lang,
        &state.config.map,
        (lat, lon),
        maps::OnePlace {
            id: "provider-map",
            title: lang.t1("provider-public-place-title", "name", &application.name),
            description: lang.t("provider-public-place-description"),
            label: &application.name,
        },
    ))
}

pub async fn provider(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    render(&provider_page(&state, ctx, &id, FormErrors::new(), String::new()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    contact_message: String,
}

/// A resident writes to a provider through the site: the provider is emailed the message
/// with neither address; the resident learns the provider's address from the answer.
pub async fn contact(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ContactForm>,
) -> AppResult<Response> {
    let page = provider_page(&state, ctx.clone(), &id, FormErrors::new(), String::new()).await?;
    if !page.in_force {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::new();
    let message = forms::required_text(
        &mut errors,
        &ctx.lang,
        "contact_message",
        &form.contact_message,
        2000,
    );
    if !errors.is_empty() {
        let page = provider_page(&state, ctx, &id, errors, form.contact_message).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let public_url = state.config.public_url.trim_end_matches('/').to_string();
    let application = page.application;
    store::send_message(
        &state.db,
        &application,
        &user.id,
        &message,
        state.clock.now_ms(),
        |to| {
            let lang = Lang::from_tag(&to.locale).unwrap_or_default();
            Email {
                to: to.email.clone(),
                subject: lang.t1("provider-mail-message-subject", "name", &application.name),
                body: format!(
                    "{}\n\n{}\n\n{}\n{public_url}/providers/applications/{}#messages\n",
                    lang.t_args(
                        "provider-mail-message-body",
                        &[("sender", &user.display_name), ("name", &application.name)]
                    ),
                    message,
                    lang.t("provider-mail-message-answer"),
                    application.id
                ),
            }
        },
    )
    .await?;
    Ok(see_other(
        &format!("/providers/{id}"),
        Some("provider-message-sent"),
    ))
}

// ------------------------------------------------------------------ bodies and standards

#[derive(Template)]
#[template(path = "providers/templates/bodies.html")]
struct BodiesPage {
    ctx: PageContext,
    bodies: Vec<Body>,
    organisations: Vec<(String, String)>,
    area_options: Vec<(String, String)>,
    errors: FormErrors,
    form: MarkForm,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MarkForm {
    organisation: String,
    area: String,
}

async fn bodies_page(
    state: &AppState,
    ctx: PageContext,
    errors: FormErrors,
    form: MarkForm,
) -> AppResult<BodiesPage> {
    let organisations = if ctx.is_admin() {
        organisations::list(&state.db, None, None)
            .await?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(BodiesPage {
        bodies: store::bodies(&state.db).await?,
        area_options: areas::choices(&state.db).await?,
        organisations,
        ctx,
        errors,
        form,
    })
}

pub async fn bodies(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    render(&bodies_page(&state, ctx, FormErrors::new(), MarkForm::default()).await?)
}

/// A site admin marks an organisation as an accrediting body for an area.
pub async fn mark_body(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<MarkForm>,
) -> AppResult<Response> {
    crate::roles::require_site_admin(&user, "error-provider-needs-site-admin")?;
    let mut errors = FormErrors::new();
    let organisation = organisations::find_by_slug(&state.db, &form.organisation).await?;
    if organisation.is_none() {
        errors.add(
            &ctx.lang,
            "organisation",
            "field-provider-organisation-invalid",
        );
    }
    let area = areas::find(&state.db, &form.area).await?;
    if area.is_none() {
        errors.add(&ctx.lang, "area", "field-provider-area-invalid");
    }
    if let (Some(org), Some(area)) = (organisation, area) {
        if store::mark_body(&state.db, &org.id, &area.id, &user.id, state.clock.now_ms()).await? {
            tracing::info!(by = %user.id, organisation = %org.id, "marked an accrediting body");
            return Ok(see_other("/providers/bodies", Some("provider-body-marked")));
        }
        errors.add(&ctx.lang, "organisation", "field-provider-body-exists");
    }
    let page = bodies_page(&state, ctx, errors, form).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "providers/templates/body.html")]
struct BodyPage {
    ctx: PageContext,
    body: Body,
    checks: Vec<Check>,
    writes_standard: bool,
    assesses: bool,
    errors: FormErrors,
    form: CheckForm,
    /// The check whose edit form was refused, shown open with what was typed and why.
    editing: Option<String>,
    edit_errors: FormErrors,
    edit_form: CheckForm,
    /// A site admin's un-marking form, refused.
    end_errors: FormErrors,
}

impl BodyPage {
    /// When a site admin un-marked the body, as a sentence.
    fn ended_on(&self) -> Option<String> {
        let ended = self.body.ended_at?;
        Some(
            self.ctx
                .t1("provider-body-ended-on", "date", &self.ctx.date(ended)),
        )
    }
}

/// A check's edit form as sent: the same fields as a new check's, named apart so that the
/// page's two forms never share an id.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EditCheckForm {
    edit_name: String,
    edit_evidence: String,
    edit_months: String,
}

impl EditCheckForm {
    fn as_check_form(&self) -> CheckForm {
        CheckForm {
            check_name: self.edit_name.clone(),
            check_evidence: self.edit_evidence.clone(),
            check_months: self.edit_months.clone(),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CheckForm {
    check_name: String,
    check_evidence: String,
    check_months: String,
}

async fn body_page(
    state: &AppState,
    ctx: PageContext,
    id: &str,
    errors: FormErrors,
    form: CheckForm,
) -> AppResult<BodyPage> {
    let body = body_by_id(state, id).await?;
    let role = match ctx.user.as_ref() {
        Some(u) => store::body_role(&state.db, &body.id, &u.id).await?,
        None => None,
    };
    Ok(BodyPage {
        checks: store::checks(&state.db, &body.id).await?,
        writes_standard: role.as_deref() == Some("admin"),
        assesses: matches!(role.as_deref(), Some("admin" | "official")),
        body,
        ctx,
        errors,
        editing: None,
        edit_errors: FormErrors::new(),
        edit_form: CheckForm::default(),
        end_errors: FormErrors::new(),
        form: if form.check_months.is_empty() {
            CheckForm {
                check_months: "12".into(),
                ..form
            }
        } else {
            form
        },
    })
}

pub async fn body(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    render(&body_page(&state, ctx, &id, FormErrors::new(), CheckForm::default()).await?)
}

/// The names of a check form's fields: a new check's or an edited one's.
const NEW_CHECK_FIELDS: [&str; 3] = ["check_name", "check_evidence", "check_months"];
const EDIT_CHECK_FIELDS: [&str; 3] = ["edit_name", "edit_evidence", "edit_months"];

impl CheckForm {
    fn read(
        &self,
        errors: &mut FormErrors,
        lang: &Lang,
        [name_field, evidence_field, months_field]: [&'static str; 3],
    ) -> (String, String, i64) {
        let name = forms::required_text(errors, lang, name_field, &self.check_name, 120);
        let evidence =
            forms::required_text(errors, lang, evidence_field, &self.check_evidence, 2000);
        let months = self
            .check_months
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=120).contains(m));
        if months.is_none() {
            errors.add(lang, months_field, "field-check-months-invalid");
        }
        (name, evidence, months.unwrap_or(0))
    }
}

async fn require_body_admin(state: &AppState, body: &Body, user: &CurrentUser) -> AppResult<()> {
    let role = store::body_role(&state.db, &body.id, &user.id).await?;
    if role.as_deref() == Some("admin") {
        Ok(())
    } else {
        Err(AppError::Forbidden("error-provider-not-body-admin"))
    }
}

pub async fn add_check(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<CheckForm>,
) -> AppResult<Response> {
    let body = body_by_id(&state, &id).await?;
    require_body_admin(&state, &body, &user).await?;
    let mut errors = FormErrors::new();
    let (name, evidence, months) = form.read(&mut errors, &ctx.lang, NEW_CHECK_FIELDS);
    if errors.is_empty() && store::count_checks(&state.db, &body.id).await? >= store::MAX_CHECKS {
        errors.add(&ctx.lang, "check_name", "field-check-too-many");
    }
    if !errors.is_empty() {
        let page = body_page(&state, ctx, &id, errors, form).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    store::add_check(
        &state.db,
        &body.id,
        &name,
        &evidence,
        months,
        state.clock.now_ms(),
    )
    .await?;
    Ok(see_other(
        &format!("/providers/bodies/{id}#standard"),
        Some("provider-check-added"),
    ))
}

pub async fn update_check(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((id, check_id)): Path<(String, String)>,
    Form(form): Form<EditCheckForm>,
) -> AppResult<Response> {
    let body = body_by_id(&state, &id).await?;
    require_body_admin(&state, &body, &user).await?;
    if store::find_check(&state.db, &body.id, &check_id)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::new();
    let typed = form.as_check_form();
    let (name, evidence, months) = typed.read(&mut errors, &ctx.lang, EDIT_CHECK_FIELDS);
    if !errors.is_empty() {
        let page = body_page(&state, ctx, &id, FormErrors::new(), CheckForm::default()).await?;
        let page = BodyPage {
            editing: Some(check_id),
            edit_errors: errors,
            edit_form: typed,
            ..page
        };
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !store::update_check(&state.db, &body.id, &check_id, &name, &evidence, months).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(
        &format!("/providers/bodies/{id}#standard"),
        Some("provider-check-saved"),
    ))
}

// ------------------------------------------------------------------ applying

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ServiceForm {
    service_kind: String,
    service_what: String,
    service_area: String,
    service_for: String,
    service_price: String,
    service_hours: String,
    weekdays: Option<String>,
    evenings: Option<String>,
    weekends: Option<String>,
}

struct ServiceInput {
    kind: String,
    what: String,
    area_id: String,
    for_whom: String,
    price: String,
    hours: String,
}

impl ServiceForm {
    async fn read(
        &self,
        state: &AppState,
        errors: &mut FormErrors,
        lang: &Lang,
    ) -> AppResult<ServiceInput> {
        if !store::SERVICE_KINDS.contains(&self.service_kind.as_str()) {
            errors.add(lang, "service_kind", "field-service-kind-invalid");
        }
        let what = forms::required_text(errors, lang, "service_what", &self.service_what, 500);
        let area = areas::find(&state.db, &self.service_area).await?;
        if area.is_none() {
            errors.add(lang, "service_area", "field-service-area-invalid");
        }
        let for_whom = forms::required_text(errors, lang, "service_for", &self.service_for, 300);
        let price = forms::required_text(errors, lang, "service_price", &self.service_price, 120);
        let hours = forms::optional_text(errors, lang, "service_hours", &self.service_hours, 200);
        if self.weekdays.is_none()
            && self.evenings.is_none()
            && self.weekends.is_none()
            && hours.is_empty()
        {
            errors.add(lang, "weekdays", "field-service-when-missing");
        }
        Ok(ServiceInput {
            kind: self.service_kind.clone(),
            what,
            area_id: area.map(|a| a.id).unwrap_or_default(),
            for_whom,
            price,
            hours,
        })
    }

    fn service<'a>(&self, input: &'a ServiceInput) -> NewService<'a> {
        NewService {
            kind: &input.kind,
            description: &input.what,
            area_id: &input.area_id,
            for_whom: &input.for_whom,
            price: &input.price,
            hours: &input.hours,
            weekdays: self.weekdays.is_some(),
            evenings: self.evenings.is_some(),
            weekends: self.weekends.is_some(),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ApplyForm {
    body: String,
    /// "" for oneself, or an organisation's id.
    applicant: String,
    provider_name: String,
    provider_about: String,
    #[serde(flatten)]
    service: ServiceForm,
}

#[derive(Template)]
#[template(path = "providers/templates/apply.html")]
struct ApplyPage {
    ctx: PageContext,
    form: ApplyForm,
    errors: FormErrors,
    body_options: Vec<(String, String)>,
    applicant_options: Vec<(String, String)>,
    kind_options: Vec<(String, String)>,
    area_options: Vec<(String, String)>,
}

async fn apply_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: ApplyForm,
    errors: FormErrors,
) -> AppResult<ApplyPage> {
    let body_options = store::bodies(&state.db)
        .await?
        .into_iter()
        .filter(|b| b.ended_at.is_none())
        .map(|b| (b.id, format!("{} ({})", b.organisation_name, b.area_name)))
        .collect();
    let mut applicant_options = vec![(String::new(), ctx.t("provider-apply-as-myself"))];
    applicant_options.extend(store::provider_organisations(&state.db, &user.id).await?);
    Ok(ApplyPage {
        body_options,
        applicant_options,
        kind_options: kind_options(&ctx.lang),
        area_options: areas::choices(&state.db).await?,
        ctx,
        form,
        errors,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApplyQuery {
    body: String,
}

pub async fn apply_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<ApplyQuery>,
) -> AppResult<Response> {
    let form = ApplyForm {
        body: query.body,
        provider_name: user.display_name.clone(),
        ..ApplyForm::default()
    };
    render(&apply_page(&state, ctx, &user, form, FormErrors::new()).await?)
}

pub async fn apply(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ApplyForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let body = store::find_body(&state.db, &form.body)
        .await?
        .filter(|b| b.ended_at.is_none());
    if body.is_none() {
        errors.add(&lang, "body", "field-provider-body-invalid");
    }
    let organisation_id = if form.applicant.is_empty() {
        None
    } else {
        let mine = store::provider_organisations(&state.db, &user.id).await?;
        if !mine.iter().any(|(id, _)| *id == form.applicant) {
            errors.add(&lang, "applicant", "field-provider-applicant-invalid");
        }
        Some(form.applicant.clone())
    };
    let name = forms::required_text(
        &mut errors,
        &lang,
        "provider_name",
        &form.provider_name,
        120,
    );
    let about = forms::required_text(
        &mut errors,
        &lang,
        "provider_about",
        &form.provider_about,
        3000,
    );
    let input = form.service.read(&state, &mut errors, &lang).await?;
    if let (true, Some(body)) = (errors.is_empty(), body) {
        let service = form.service.service(&input);
        let new = NewApplication {
            body_id: &body.id,
            user_id: &user.id,
            organisation_id: organisation_id.as_deref(),
            name: &name,
            about: &about,
            service: &service,
        };
        if let Some(id) = store::apply(&state.db, &new, state.clock.now_ms()).await? {
            return Ok(see_other(
                &format!("/providers/applications/{id}"),
                Some("provider-applied"),
            ));
        }
        errors.add(&lang, "body", "field-provider-already-applied");
    }
    let page = apply_page(&state, ctx, &user, form, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

// ------------------------------------------------------------------ lists

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    cursor: String,
}

#[derive(Template)]
#[template(path = "providers/templates/mine.html")]
struct MinePage {
    ctx: PageContext,
    applications: Vec<Listed>,
    next: Option<String>,
    now: i64,
}

impl MinePage {
    fn status(&self, a: &Listed) -> String {
        status_text(&self.ctx.lang, a, self.now)
    }
}

fn status_text(lang: &Lang, a: &Listed, now: i64) -> String {
    match (a.status.as_str(), a.valid_until) {
        ("granted", Some(until)) if until > now => {
            lang.t1("provider-status-granted", "date", &day_of(lang, until))
        }
        ("granted", Some(until)) => lang.t1("provider-status-lapsed", "date", &day_of(lang, until)),
        ("refused", _) => lang.t("provider-status-refused"),
        ("withdrawn", _) => lang.t("provider-status-withdrawn"),
        _ => lang.t("provider-status-waiting"),
    }
}

pub async fn mine(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<PageQuery>,
) -> AppResult<Response> {
    let applications =
        store::applications_of(&state.db, &user.id, cursor_of(&query.cursor), PAGE).await?;
    let next = next_cursor(
        applications.last().map(|a| (a.updated_at, a.id.as_str())),
        applications.len(),
        PAGE,
    );
    render(&MinePage {
        ctx,
        applications,
        next,
        now: state.clock.now_ms(),
    })
}

/// One body's queues on the assessors' page.
struct BodyQueue {
    body: Body,
    waiting: Vec<Listed>,
    lapsing: Vec<Listed>,
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "providers/templates/assess.html")]
struct AssessPage {
    ctx: PageContext,
    queues: Vec<BodyQueue>,
    now: i64,
}

impl AssessPage {
    fn status(&self, a: &Listed) -> String {
        status_text(&self.ctx.lang, a, self.now)
    }

    fn day(&self, ms: impl Count) -> String {
        day_of(&self.ctx.lang, ms.as_i64())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssessQuery {
    body: String,
    cursor: String,
}

/// The assessors' queue: per body, applications waiting (longest waiting first) and
/// accreditations lapsing within a month.
pub async fn assess(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<AssessQuery>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    let mut queues = Vec::new();
    for body in store::bodies_assessed_by(&state.db, &user.id).await? {
        let cursor = if query.body == body.id {
            cursor_of(&query.cursor)
        } else {
            None
        };
        let waiting = store::waiting_for(&state.db, &body.id, cursor, PAGE).await?;
        let next = next_cursor(
            waiting.last().map(|a| (a.updated_at, a.id.as_str())),
            waiting.len(),
            PAGE,
        );
        let lapsing =
            store::lapsing_for(&state.db, &body.id, now + store::REMIND_BEFORE_MS, PAGE).await?;
        queues.push(BodyQueue {
            body,
            waiting,
            lapsing,
            next,
        });
    }
    render(&AssessPage { ctx, queues, now })
}

// ------------------------------------------------------------------ one application

#[derive(Template)]
#[template(path = "providers/templates/application.html")]
struct ApplicationPage {
    ctx: PageContext,
    application: Application,
    services: Vec<Service>,
    checks: Vec<CheckState>,
    decisions: Vec<Decision>,
    messages: Vec<Message>,
    /// The cursor of the next page of messages, when there is one.
    messages_next: Option<String>,
    speaks_for: bool,
    assesses: bool,
    now: i64,
    errors: FormErrors,
    /// The check whose evidence form had errors, and what was typed in it.
    failed_check: String,
    note: String,
    service_form: ServiceForm,
    kind_options: Vec<(String, String)>,
    area_options: Vec<(String, String)>,
    /// Where the provider works from (the provider's form; empty when not set).
    place: PlaceForm,
    /// The body's area to click the place on (the provider's page only).
    place_map: Option<String>,
    withdraw_reason: String,
    decision_reason: String,
}

impl ApplicationPage {
    fn when(&self, service: &Service) -> String {
        when_text(&self.ctx.lang, service)
    }

    fn kind(&self, kind: &str) -> String {
        self.ctx.t(&store::kind_label_key(kind))
    }

    fn day(&self, ms: impl Count) -> String {
        day_of(&self.ctx.lang, ms.as_i64())
    }

    fn in_force(&self) -> bool {
        self.application.in_force(self.now)
    }

    fn status(&self) -> String {
        let a = &self.application;
        let listed = Listed {
            id: a.id.clone(),
            name: a.name.clone(),
            body_name: a.body_name.clone(),
            status: a.status.clone(),
            valid_until: a.valid_until,
            updated_at: a.updated_at,
        };
        status_text(&self.ctx.lang, &listed, self.now)
    }

    fn decision_text(&self, d: &Decision) -> String {
        let key = match d.outcome.as_str() {
            "granted" => "provider-decision-granted-by",
            "withdrawn" => "provider-decision-withdrawn-by",
            "reopened" => "provider-decision-reopened-by",
            _ => "provider-decision-refused-by",
        };
        self.ctx.lang.t_args(
            key,
            &[
                ("name", d.decided_by.as_deref().unwrap_or("-")),
                ("date", &day_of(&self.ctx.lang, d.decided_at)),
            ],
        )
    }

    fn status_text(&self, state: &CheckState) -> String {
        let key = match state.status.as_deref() {
            None => "provider-check-missing",
            Some("accepted") if state.passed(self.now) => "provider-check-accepted",
            Some("accepted") => "provider-check-expired",
            Some("more_needed") => "provider-check-more-needed",
            _ => "provider-check-waiting",
        };
        self.ctx.t(key)
    }

    /// The expiry an assessor is offered: today plus the check's validity.
    fn default_expiry(&self, check: &Check) -> String {
        iso(add_months(today(self.now), check.valid_months))
    }

    fn size_text(&self, bytes: &i64) -> String {
        crate::web::uploads::size_text(&self.ctx.lang, usize::try_from(*bytes).unwrap_or(0))
    }

    fn all_passed(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.passed(self.now))
    }
}

/// The application, for the provider and the body's assessors; 404 for anyone else.
async fn visible_application(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: &str,
) -> AppResult<(Application, bool, bool)> {
    let application = store::find_application(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (speaks_for, assesses) = may_see(state, &application, user).await?;
    if !speaks_for && !assesses {
        return Err(AppError::NotFound);
    }
    Ok((application, speaks_for, assesses))
}

/// The application's page again with what a form refused (422): the errors, and what was
/// typed.
async fn shown_again(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    id: &str,
    retry: Retry,
) -> AppResult<Response> {
    let page = application_page(state, ctx, Some(user), id, retry).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

struct Retry {
    /// The page of messages asked for (`?messages=<cursor>`).
    messages_cursor: String,
    errors: FormErrors,
    failed_check: String,
    note: String,
    service_form: ServiceForm,
    /// The place as typed, when its form had errors.
    place: Option<PlaceForm>,
    /// The reason for withdrawing as typed, when it was refused.
    withdraw_reason: String,
    /// A decision's reason as typed, when the decision was refused.
    decision_reason: String,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            messages_cursor: String::new(),
            errors: FormErrors::new(),
            failed_check: String::new(),
            note: String::new(),
            service_form: ServiceForm::default(),
            place: None,
            withdraw_reason: String::new(),
            decision_reason: String::new(),
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PlaceForm {
    latitude: String,
    longitude: String,
}

/// The place so far (as typed when the form had errors, else as saved), and the body's area
/// to click it on, for the provider only.
async fn place_of(
    state: &AppState,
    lang: &Lang,
    application: &Application,
    typed: Option<PlaceForm>,
) -> AppResult<(PlaceForm, Option<String>)> {
    let place = match typed {
        Some(typed) => typed,
        None => {
            let saved = points::location(&state.db, PointKind::Providers, &application.id).await?;
            PlaceForm {
                latitude: saved
                    .map(|(lat, _)| format!("{lat:.6}"))
                    .unwrap_or_default(),
                longitude: saved
                    .map(|(_, lon)| format!("{lon:.6}"))
                    .unwrap_or_default(),
            }
        }
    };
    let body = store::find_body(&state.db, &application.body_id).await?;
    let area = match body {
        Some(body) => areas::find(&state.db, &body.area_id).await?,
        None => None,
    };
    let map = area_maps::pick(
        state,
        lang,
        area.as_ref(),
        &place.latitude,
        &place.longitude,
        area_maps::PickMap {
            id: "provider-place-map",
            title: lang.t("provider-place-map-title"),
            description: lang.t("provider-place-map-description"),
            chosen: application.name.clone(),
        },
    )
    .await?;
    Ok((place, map))
}

async fn application_page(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    id: &str,
    retry: Retry,
) -> AppResult<ApplicationPage> {
    let (application, speaks_for, assesses) = visible_application(state, user, id).await?;
    let messages = if speaks_for {
        store::messages(
            &state.db,
            &application.id,
            cursor_of(&retry.messages_cursor),
            PAGE,
        )
        .await?
    } else {
        Vec::new()
    };
    let messages_next = next_cursor(
        messages.last().map(|m| (m.created_at, m.id.as_str())),
        messages.len(),
        PAGE,
    );
    let (place, place_map) = if speaks_for {
        place_of(state, &ctx.lang, &application, retry.place).await?
    } else {
        (PlaceForm::default(), None)
    };
    Ok(ApplicationPage {
        place,
        place_map,
        services: store::services(&state.db, &application.id).await?,
        checks: store::check_states(&state.db, &application.body_id, &application.id).await?,
        decisions: store::decisions(&state.db, &application.id).await?,
        messages,
        messages_next,
        speaks_for,
        // Nobody assesses an application they speak for.
        assesses: assesses && !speaks_for,
        now: state.clock.now_ms(),
        kind_options: kind_options(&ctx.lang),
        area_options: areas::choices(&state.db).await?,
        application,
        ctx,
        errors: retry.errors,
        failed_check: retry.failed_check,
        note: retry.note,
        service_form: retry.service_form,
        withdraw_reason: retry.withdraw_reason,
        decision_reason: retry.decision_reason,
    })
}

/// Anyone else, signed in or not, gets 404: the application's existence is not public.
pub async fn application(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<MessagesQuery>,
) -> AppResult<Response> {
    let user = ctx.user.clone();
    let retry = Retry {
        messages_cursor: query.messages,
        ..Retry::default()
    };
    render(&application_page(&state, ctx, user.as_ref(), &id, retry).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessagesQuery {
    /// The cursor of a later page of messages.
    messages: String,
}

async fn provider_only(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Application> {
    let (application, speaks_for, _) = visible_application(state, Some(user), id).await?;
    if !speaks_for {
        return Err(AppError::Forbidden("error-provider-not-provider"));
    }
    Ok(application)
}

/// An assessor of the body who does not speak for the application.
async fn assessor_only(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Application> {
    let (application, speaks_for, assesses) = visible_application(state, Some(user), id).await?;
    if speaks_for {
        return Err(AppError::Forbidden("error-provider-own-application"));
    }
    if !assesses {
        return Err(AppError::Forbidden("error-provider-not-assessor"));
    }
    Ok(application)
}

pub async fn add_service(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ServiceForm>,
) -> AppResult<Response> {
    let application = provider_only(&state, &user, &id).await?;
    let mut errors = FormErrors::new();
    let input = form.read(&state, &mut errors, &ctx.lang).await?;
    if errors.is_empty() {
        if store::add_service(
            &state.db,
            &application.id,
            &form.service(&input),
            state.clock.now_ms(),
        )
        .await?
        {
            return Ok(see_other(
                &format!("/providers/applications/{id}#services"),
                Some("provider-service-added"),
            ));
        }
        errors.add(&ctx.lang, "service_what", "field-service-too-many");
    }
    let retry = Retry {
        errors,
        service_form: form,
        ..Retry::default()
    };
    shown_again(&state, ctx, &user, &id, retry).await
}

/// The provider sets, moves or (with both fields empty) takes away where they work from,
/// checked as an asset's place is. It is on the maps only while the accreditation is in force.
pub async fn set_place(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<PlaceForm>,
) -> AppResult<Response> {
    let application = provider_only(&state, &user, &id).await?;
    let mut errors = FormErrors::new();
    let location = crate::areas::places::read_location(
        &mut errors,
        &ctx.lang,
        &form.latitude,
        &form.longitude,
    );
    if !errors.is_empty() {
        let retry = Retry {
            errors,
            // Not the services' form: it stays folded.
            failed_check: "place".into(),
            place: Some(form),
            ..Retry::default()
        };
        return shown_again(&state, ctx, &user, &id, retry).await;
    }
    points::set_location(&state.db, PointKind::Providers, &application.id, location).await?;
    Ok(see_other(
        &format!("/providers/applications/{id}#place"),
        Some("provider-place-saved"),
    ))
}

pub async fn remove_service(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((id, service_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let application = provider_only(&state, &user, &id).await?;
    if !store::remove_service(&state.db, &application.id, &service_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(
        &format!("/providers/applications/{id}#services"),
        Some("provider-service-removed"),
    ))
}

/// The provider gives evidence for one check: a note, a file, or both. The file is checked
/// by its content as the methods library's materials are, and a photo loses its metadata.
/// A refused file brings the page back with the reason beside the form and the note kept.
pub async fn add_evidence(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((id, check_id)): Path<(String, String)>,
    form: Upload,
) -> AppResult<Response> {
    let application = provider_only(&state, &user, &id).await?;
    let check = store::find_check(&state.db, &application.body_id, &check_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let too_large = form.too_large(&ctx.lang, "evidence_file");
    let parts = forms::multipart_parts(form.form).await?;
    let mut note = String::new();
    let mut file = None;
    for part in parts {
        match part.name.as_str() {
            "evidence_note" => note = forms::field_text(&part.bytes),
            "evidence_file" if !part.bytes.is_empty() => file = Some(part),
            _ => {}
        }
    }
    let mut errors = FormErrors::new();
    let note = forms::optional_text(&mut errors, &ctx.lang, "evidence_note", &note, 2000);
    if let Some(message) = too_large {
        errors.add_message("evidence_file", message);
    }
    let mut stored: Option<(String, &'static str, Vec<u8>)> = None;
    if let Some(part) = file.filter(|_| errors.is_empty()) {
        let file_name = part.file_name.clone().unwrap_or_default();
        match materials::check(&file_name, &part.bytes) {
            Err(_) => errors.add(&ctx.lang, "evidence_file", "field-evidence-file-type"),
            Ok(Checked {
                file_name,
                content_type,
            }) => {
                if content_type.starts_with("image/") {
                    match images::without_metadata(part.bytes).await {
                        Ok((_, clean)) => stored = Some((file_name, content_type, clean)),
                        Err(ImageError::TooLarge) => errors
                            .add_message("evidence_file", ImageError::TooLarge.message(&ctx.lang)),
                        Err(_) => {
                            errors.add(&ctx.lang, "evidence_file", "field-evidence-file-type")
                        }
                    }
                } else {
                    stored = Some((file_name, content_type, part.bytes.to_vec()));
                }
            }
        }
    }
    if errors.is_empty() && stored.is_none() && note.is_empty() {
        errors.add(&ctx.lang, "evidence_file", "field-evidence-missing");
    }
    if errors.is_empty() {
        let new_file = stored.as_ref().map(|(name, kind, bytes)| NewFile {
            file_name: name,
            content_type: kind,
            bytes,
        });
        match store::add_evidence(
            &state.db,
            &application.id,
            &check.id,
            &note,
            new_file.as_ref(),
            &user.id,
            state.clock.now_ms(),
        )
        .await?
        {
            Evidence::Stored => {
                return Ok(see_other(
                    &format!("/providers/applications/{id}#check-{check_id}"),
                    Some("provider-evidence-added"),
                ));
            }
            Evidence::TooManyFiles => {
                errors.add(&ctx.lang, "evidence_file", "field-evidence-too-many")
            }
        }
    }
    let retry = Retry {
        errors,
        failed_check: check.id,
        note,
        ..Retry::default()
    };
    shown_again(&state, ctx, &user, &id, retry).await
}

/// An evidence file, for the provider and the body's assessors only (404 for anyone else);
/// always a download, never shown inline, and never cached.
pub async fn evidence_file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, file_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (application, _, _) = visible_application(&state, ctx.user.as_ref(), &id).await?;
    let (file_name, content_type, bytes) =
        store::evidence_file(&state.db, &application.id, &file_id)
            .await?
            .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_DISPOSITION,
                materials::disposition(&file_name),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    outcome: String,
    review_expires: String,
    review_reason: String,
}

/// An assessor accepts a check until a date (no later than the check's validity from today)
/// or asks for more with a reason the provider sees.
pub async fn review(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((id, check_id)): Path<(String, String)>,
    Form(form): Form<ReviewForm>,
) -> AppResult<Response> {
    let application = assessor_only(&state, &user, &id).await?;
    let check = store::find_check(&state.db, &application.body_id, &check_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now_ms();
    let mut errors = FormErrors::new();
    let reason = forms::optional_text(
        &mut errors,
        &ctx.lang,
        "review_reason",
        &form.review_reason,
        2000,
    );
    let review = match form.outcome.as_str() {
        "accept" => {
            let latest = add_months(today(now), check.valid_months);
            match forms::date(&form.review_expires) {
                Some(date) if date > today(now) && date <= latest => Review::Accept {
                    expires_at: end_of(date),
                },
                _ => {
                    errors.add(&ctx.lang, "review_expires", "field-review-expires-invalid");
                    Review::Accept { expires_at: 0 }
                }
            }
        }
        "more" => {
            if reason.is_empty() {
                errors.add(&ctx.lang, "review_reason", "field-provider-reason-missing");
            }
            Review::MoreNeeded { reason: &reason }
        }
        _ => return Err(AppError::BadRequest("error-provider-review-outcome")),
    };
    if !errors.is_empty() {
        let retry = Retry {
            errors,
            failed_check: check.id,
            ..Retry::default()
        };
        return shown_again(&state, ctx, &user, &id, retry).await;
    }
    if !store::review_check(
        &state.db,
        &application.id,
        &check.id,
        &review,
        &user.id,
        now,
    )
    .await?
    {
        return Err(AppError::Conflict("error-provider-no-evidence"));
    }
    tracing::info!(by = %user.id, application = %application.id, check = %check.id, "reviewed a check");
    Ok(see_other(
        &format!("/providers/applications/{id}#check-{check_id}"),
        Some("provider-check-reviewed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    decision: String,
    decision_reason: String,
}

/// An assessor grants (every check accepted and unexpired) or refuses, with a reason; the
/// decision is recorded with who and when, and the applicant is told.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let application = assessor_only(&state, &user, &id).await?;
    let grant = match form.decision.as_str() {
        "grant" => true,
        "refuse" => false,
        _ => return Err(AppError::BadRequest("error-provider-review-outcome")),
    };
    let mut errors = FormErrors::new();
    let reason = forms::required_text(
        &mut errors,
        &ctx.lang,
        "decision_reason",
        &form.decision_reason,
        2000,
    );
    if !errors.is_empty() {
        let retry = Retry {
            errors,
            decision_reason: form.decision_reason,
            ..Retry::default()
        };
        return shown_again(&state, ctx, &user, &id, retry).await;
    }
    let public_url = state.config.public_url.trim_end_matches('/').to_string();
    let decided = store::decide(
        &state.db,
        &application,
        grant,
        &reason,
        &user.id,
        state.clock.now_ms(),
        |locale| {
            let lang = Lang::from_tag(locale).unwrap_or_default();
            let key = if grant {
                "provider-mail-granted"
            } else {
                "provider-mail-refused"
            };
            Email {
                to: String::new(),
                subject: lang.t_args(
                    &format!("{key}-subject"),
                    &[("body", &application.body_name)],
                ),
                body: format!(
                    "{}\n\n{}\n\n{public_url}/providers/applications/{}\n",
                    lang.t_args(key, &[("body", &application.body_name)]),
                    reason,
                    application.id
                ),
            }
        },
    )
    .await?;
    match decided {
        Decided::Done => {
            tracing::info!(by = %user.id, application = %application.id, grant, "decided an application");
            Ok(see_other(
                &format!("/providers/applications/{id}"),
                Some(if grant {
                    "provider-granted"
                } else {
                    "provider-refused"
                }),
            ))
        }
        // Refused: the page again with why beside the decision, and the reason kept.
        refused => {
            let key = match refused {
                Decided::ChecksNotPassed => "error-provider-checks-not-passed",
                Decided::NoStandard => "error-provider-no-standard",
                _ => "error-provider-withdrawn",
            };
            let mut errors = FormErrors::new();
            errors.add_message("decision", ctx.t(key));
            let retry = Retry {
                errors,
                decision_reason: form.decision_reason,
                ..Retry::default()
            };
            shown_again(&state, ctx, &user, &id, retry).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WithdrawForm {
    withdraw_reason: String,
}

/// The provider withdraws their application: out of the directory and the assessors'
/// queue at once, recorded with the reason given (optional).
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> AppResult<Response> {
    provider_only(&state, &user, &id).await?;
    let mut errors = FormErrors::new();
    let reason = forms::optional_text(
        &mut errors,
        &ctx.lang,
        "withdraw_reason",
        &form.withdraw_reason,
        2000,
    );
    if !errors.is_empty() {
        let retry = Retry {
            errors,
            withdraw_reason: form.withdraw_reason,
            ..Retry::default()
        };
        return shown_again(&state, ctx, &user, &id, retry).await;
    }
    match store::withdraw(&state.db, &id, &reason, &user.id, state.clock.now_ms()).await? {
        store::Changed::Done => {
            tracing::info!(by = %user.id, application = %id, "withdrew an application");
            Ok(see_other(
                &format!("/providers/applications/{id}"),
                Some("provider-withdrawn"),
            ))
        }
        store::Changed::NotNow => Err(AppError::Conflict("error-provider-withdrawn")),
    }
}

/// The provider sends a withdrawn application back to be assessed.
pub async fn reopen(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    provider_only(&state, &user, &id).await?;
    match store::reopen(&state.db, &id, &user.id, state.clock.now_ms()).await? {
        store::Changed::Done => Ok(see_other(
            &format!("/providers/applications/{id}"),
            Some("provider-reopened"),
        )),
        store::Changed::NotNow => Err(AppError::Conflict("error-provider-not-reopened")),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EndBodyForm {
    end_reason: String,
}

/// A site admin un-marks a body: every application to it is withdrawn with the reason.
pub async fn end_body(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<EndBodyForm>,
) -> AppResult<Response> {
    crate::roles::require_site_admin(&user, "error-provider-needs-site-admin")?;
    let body = body_by_id(&state, &id).await?;
    let mut errors = FormErrors::new();
    let reason = forms::required_text(&mut errors, &ctx.lang, "end_reason", &form.end_reason, 2000);
    if !errors.is_empty() {
        let page = body_page(&state, ctx, &id, FormErrors::new(), CheckForm::default()).await?;
        let page = BodyPage {
            end_errors: errors,
            ..page
        };
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !store::end_body(&state.db, &body.id, &reason, &user.id, state.clock.now_ms()).await? {
        return Err(AppError::Conflict("error-provider-body-ended"));
    }
    tracing::info!(by = %user.id, body = %body.id, "un-marked an accrediting body");
    Ok(see_other(
        &format!("/providers/bodies/{id}"),
        Some("provider-body-ended"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    answer_text: String,
}

/// The provider answers a resident: the answer is emailed with the provider's address, and
/// the provider now sees the resident's.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((id, message_id)): Path<(String, String)>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let application = provider_only(&state, &user, &id).await?;
    let mut errors = FormErrors::new();
    let answer = forms::required_text(
        &mut errors,
        &ctx.lang,
        "answer_text",
        &form.answer_text,
        2000,
    );
    if !errors.is_empty() {
        let retry = Retry {
            errors,
            ..Retry::default()
        };
        return shown_again(&state, ctx, &user, &id, retry).await;
    }
    let answered = store::answer_message(
        &state.db,
        &application.id,
        &message_id,
        &answer,
        &user.id,
        state.clock.now_ms(),
        |to| {
            let lang = Lang::from_tag(&to.locale).unwrap_or_default();
            Email {
                to: to.email.clone(),
                subject: lang.t1("provider-mail-answer-subject", "name", &application.name),
                body: format!(
                    "{}\n\n{}\n\n{}\n",
                    lang.t1("provider-mail-answer-body", "name", &application.name),
                    answer,
                    lang.t_args(
                        "provider-mail-answer-reply-to",
                        &[("name", &user.display_name), ("email", &user.email)]
                    ),
                ),
            }
        },
    )
    .await?;
    if !answered {
        return Err(AppError::NotFound);
    }
    Ok(see_other(
        &format!("/providers/applications/{id}#messages"),
        Some("provider-answer-sent"),
    ))
}

// ------------------------------------------------------------------ the reminder job

/// Writes the reminder a month before an accreditation lapses, in the recipient's language.
pub fn reminder_email(
    public_url: &str,
    application: &Application,
    to: &store::Recipient,
    is_provider: bool,
) -> Email {
    let lang = Lang::from_tag(&to.locale).unwrap_or_default();
    let until = application
        .valid_until
        .map(|ms| day_of(&lang, ms))
        .unwrap_or_default();
    let key = if is_provider {
        "provider-mail-lapse-provider"
    } else {
        "provider-mail-lapse-body"
    };
    Email {
        to: to.email.clone(),
        subject: lang.t1("provider-mail-lapse-subject", "name", &application.name),
        body: format!(
            "{}\n\n{}/providers/applications/{}\n",
            lang.t_args(
                key,
                &[
                    ("name", &application.name),
                    ("body", &application.body_name),
                    ("date", &until)
                ]
            ),
            public_url.trim_end_matches('/'),
            application.id
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_keeping_the_day_where_the_month_has_it() {
        let d = |y, m, day| time::Date::from_calendar_date(y, m, day).unwrap();
        use time::Month::*;
        assert_eq!(add_months(d(2026, January, 31), 1), d(2026, February, 28));
        assert_eq!(add_months(d(2026, December, 5), 12), d(2027, December, 5));
        assert_eq!(add_months(d(2026, November, 30), 3), d(2027, February, 28));
        assert_eq!(iso(d(2027, March, 1)), "2027-03-01");
        assert_eq!(
            end_of(d(1970, January, 1)),
            store::DAY_MS - 1,
            "valid through the whole day"
        );
    }
}
