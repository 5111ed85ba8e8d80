use crate::areas::places::read_location;
use crate::areas::points::{self, PointKind};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::store::{self, Attendee, Event, EventDetails, KINDS, Rsvp, RsvpRefused, Session, When};
use super::{ical, notices};
use crate::areas::maps as area_maps;
use crate::areas::store as areas;
use crate::budgets::store as budgets;
use crate::db::now_ms;
use crate::i18n::Lang;
use crate::methods::seed;
use crate::methods::store as methods;
use crate::moderation::check_posting_limit;
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::web::clock::SiteZone;
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

const MAX_DESCRIPTION: usize = 6000;
const MAX_CAPACITY: i64 = 100_000;
/// Events a page of the list shows.
const PAGE_SIZE: i64 = 30;
const MAX_REPORT: usize = 4000;

fn kind_choices(lang: &Lang) -> Vec<(String, String)> {
    KINDS
        .iter()
        .map(|k| (k.to_string(), lang.t(&store::kind_label_key(k))))
        .collect()
}

pub(super) async fn event_by_slug(state: &AppState, slug: &str) -> AppResult<Event> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The organiser, or a connector, official or admin of the area, may change an event.
async fn may_manage(
    state: &AppState,
    user: Option<&CurrentUser>,
    event: &Event,
) -> AppResult<bool> {
    let Some(user) = user else { return Ok(false) };
    if event.organiser_id.as_deref() == Some(user.id.as_str()) {
        return Ok(true);
    }
    roles::can(
        &state.db,
        user,
        &event.area_id,
        AreaAction::OrganiseCommunity,
    )
    .await
}

pub(super) async fn require_manager(
    state: &AppState,
    user: &CurrentUser,
    event: &Event,
) -> AppResult<()> {
    if may_manage(state, Some(user), event).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden("error-needs-event-organiser"))
    }
}

/// Times as the site's people read them, for templates.
pub(super) struct Times<'a> {
    pub(super) zone: &'a SiteZone,
    pub(super) lang: crate::i18n::Lang,
}

impl Times<'_> {
    pub(super) fn span(&self, event: &Event) -> String {
        let start = self.zone.describe(&self.lang, event.starts_at);
        if self.zone.same_day(event.starts_at, event.ends_at) {
            format!("{start}–{}", self.zone.clock_time(event.ends_at))
        } else {
            format!(
                "{start} – {}",
                self.zone.describe(&self.lang, event.ends_at)
            )
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    area: String,
    kind: String,
    past: String,
    /// The last event shown (`starts_at.id`).
    after: String,
}

#[derive(Template)]
#[template(path = "events/templates/list.html")]
struct ListPage<'a> {
    ctx: PageContext,
    /// Coming events with a place, on a map.
    place_map: Option<String>,
    query: ListQuery,
    events: Vec<Event>,
    areas: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    times: Times<'a>,
    /// The chosen area's slug, for its calendar feed.
    feed_area: Option<(String, String)>,
    /// The cursor of the next page, if there may be one.
    next: Option<String>,
}

impl ListPage<'_> {
    fn kind_name(&self, kind: &str) -> String {
        self.ctx.t(&store::kind_label_key(kind))
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(mut query): Query<ListQuery>,
) -> AppResult<Response> {
    let when = if query.past == "yes" {
        When::Past
    } else {
        When::Upcoming
    };
    let area = crate::areas::from_filter(&state.db, &query.area).await?;
    query.area = area.as_ref().map(|a| a.slug.clone()).unwrap_or_default();
    let area_id = area.as_ref().map(|a| a.id.clone()).unwrap_or_default();
    let events = store::list(
        &state.db,
        &area_id,
        &query.kind,
        when,
        forms::parse_cursor(&query.after),
        PAGE_SIZE,
    )
    .await?;
    let next = forms::next_cursor(
        events.last().map(|e| (e.starts_at, e.id.as_str())),
        events.len(),
        PAGE_SIZE,
    );
    let place_map = match when {
        When::Upcoming => {
            area_maps::draw(
                &state,
                &ctx.lang,
                area_maps::AreaMap {
                    id: "events-map",
                    title: ctx.t("events-map-title"),
                    description: ctx.t("events-map-description"),
                    area: area.as_ref(),
                    layers: vec![area_maps::Layer {
                        not_over_at: Some(crate::db::now_ms()),
                        ..area_maps::Layer::plain(PointKind::Events)
                    }],
                    legend: Vec::new(),
                },
            )
            .await?
        }
        When::Past => None,
    };
    let feed_area = area.map(|a| (a.slug, a.name));
    render(&ListPage {
        place_map,
        areas: areas::filter_choices(&state.db).await?,
        kinds: kind_choices(&ctx.lang),
        times: Times {
            zone: &state.zone,
            lang: ctx.lang.clone(),
        },
        feed_area,
        next,
        ctx,
        query,
        events,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EventForm {
    kind: String,
    title: String,
    description: String,
    area: String,
    place: String,
    accessibility: String,
    starts_at: String,
    ends_at: String,
    capacity: String,
    method: String,
    latitude: String,
    longitude: String,
}

impl EventForm {
    fn from_event(event: &Event, zone: &SiteZone) -> EventForm {
        EventForm {
            kind: event.kind.clone(),
            title: event.title.clone(),
            description: event.description.clone(),
            area: event.area_id.clone(),
            place: event.place.clone(),
            accessibility: event.accessibility.clone(),
            starts_at: zone.local_input(event.starts_at),
            ends_at: zone.local_input(event.ends_at),
            capacity: event.capacity.map(|c| c.to_string()).unwrap_or_default(),
            method: event.method_id.clone().unwrap_or_default(),
            latitude: String::new(),
            longitude: String::new(),
        }
    }

    /// Checks every field; errors go on the fields.
    async fn check(
        &self,
        state: &AppState,
        lang: &Lang,
        errors: &mut FormErrors,
    ) -> AppResult<EventDetails> {
        let title = forms::required_text(errors, lang, "title", &self.title, 120);
        let description = forms::required_text(
            errors,
            lang,
            "description",
            &self.description,
            MAX_DESCRIPTION,
        );
        let place = forms::required_text(errors, lang, "place", &self.place, 200);
        let accessibility =
            forms::optional_text(errors, lang, "accessibility", &self.accessibility, 1000);
        if !KINDS.contains(&self.kind.as_str()) {
            errors.add(lang, "kind", "field-event-kind-invalid");
        }
        if areas::find(&state.db, &self.area).await?.is_none() {
            errors.add(lang, "area", "field-area-missing");
        }
        let starts_at = state.zone.parse_local(&self.starts_at);
        let ends_at = state.zone.parse_local(&self.ends_at);
        if starts_at.is_none() {
            errors.add(lang, "starts_at", "field-event-time-invalid");
        }
        if ends_at.is_none() {
            errors.add(lang, "ends_at", "field-event-time-invalid");
        }
        if let (Some(start), Some(end)) = (starts_at, ends_at)
            && end <= start
        {
            errors.add(lang, "ends_at", "field-event-ends-before-start");
        }
        let capacity = match self.capacity.trim() {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(n) if (1..=MAX_CAPACITY).contains(&n) => Some(n),
                _ => {
                    errors.add(lang, "capacity", "field-event-capacity-invalid");
                    None
                }
            },
        };
        let method_id = match self.method.as_str() {
            "" => None,
            id => {
                if methods::find(&state.db, id).await?.is_none() {
                    errors.add(lang, "method", "field-event-method-invalid");
                }
                Some(id.to_string())
            }
        };
        let location = read_location(errors, lang, &self.latitude, &self.longitude);
        Ok(EventDetails {
            location,
            kind: self.kind.clone(),
            title,
            description,
            area_id: self.area.clone(),
            place,
            accessibility,
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            capacity,
            method_id,
        })
    }
}

#[derive(Template)]
#[template(path = "events/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: EventForm,
    errors: FormErrors,
    /// The event being changed: (slug, title).
    editing: Option<(String, String)>,
    areas: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    methods: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    form: EventForm,
    errors: FormErrors,
    editing: Option<(String, String)>,
) -> AppResult<FormPage> {
    Ok(FormPage {
        areas: areas::choices(&state.db).await?,
        kinds: kind_choices(&ctx.lang),
        methods: methods::choices(&state.db, &ctx.lang).await?,
        ctx,
        form,
        errors,
        editing,
    })
}

/// The form; `?method=<id>` starts from a method in the library.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
    Query(query): Query<EventForm>,
) -> AppResult<Response> {
    render(&form_page(&state, ctx, query, FormErrors::new(), None).await?)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<EventForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let details = form.check(&state, &ctx.lang, &mut errors).await?;
    if details.starts_at != 0 && details.starts_at < now_ms() {
        errors.add(&ctx.lang, "starts_at", "field-event-in-the-past");
    }
    if !errors.is_empty() {
        let page = form_page(&state, ctx, form, errors, None).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    check_posting_limit(&state, &user).await?;
    // The slug carries the local date: "street-tea-2026-12-05".
    let day = state.zone.local_date(details.starts_at);
    let base = format!("{}-{day}", forms::slugify(&details.title));
    let slug = store::create(&state.db, &details, base.trim_start_matches('-'), &user.id).await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(&format!("/events/{slug}"), Some("event-created")))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    require_manager(&state, &user, &event).await?;
    let mut form = EventForm::from_event(&event, &state.zone);
    if let Some((lat, lon)) = points::location(&state.db, PointKind::Events, &event.id).await? {
        form.latitude = lat.to_string();
        form.longitude = lon.to_string();
    }
    let editing = Some((event.slug, event.title));
    render(&form_page(&state, ctx, form, FormErrors::new(), editing).await?)
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<EventForm>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    require_manager(&state, &user, &event).await?;
    let mut errors = FormErrors::new();
    let details = form.check(&state, &ctx.lang, &mut errors).await?;
    if let Some(capacity) = details.capacity
        && capacity < event.going
    {
        errors.add(&ctx.lang, "capacity", "field-event-capacity-below-going");
    }
    if !errors.is_empty() {
        let editing = Some((event.slug, event.title));
        let page = form_page(&state, ctx, form, errors, editing).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    store::update(&state.db, &event, &details).await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(&format!("/events/{slug}"), Some("event-changed")))
}

pub async fn cancel(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    require_manager(&state, &user, &event).await?;
    let public_url = state.config.public_url.clone();
    store::cancel(&state.db, &event.id, |a| {
        notices::cancelled(&public_url, &event, &state.zone, a)
    })
    .await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(
        &format!("/events/{slug}"),
        Some("event-cancelled"),
    ))
}

#[derive(Template)]
#[template(path = "events/templates/show.html")]
struct ShowPage<'a> {
    ctx: PageContext,
    event: Event,
    times: Times<'a>,
    rsvp: Option<Rsvp>,
    manages: bool,
    attendees: Vec<Attendee>,
    sessions: Vec<Session>,
    /// Skills-game sessions played at the event: (slug, title).
    games: Vec<(String, String)>,
    /// Processes taking ideas, where a report-back can become a proposal: (slug, title).
    budgets_taking_ideas: Vec<(String, String)>,
    errors: FormErrors,
    pitch_topic: String,
    now: i64,
    /// Whether the viewer may add places for people who booked on paper or by phone.
    may_assist: bool,
}

impl ShowPage<'_> {
    fn kind_name(&self) -> String {
        self.ctx.t(&store::kind_label_key(&self.event.kind))
    }

    fn is_open_space(&self) -> bool {
        self.event.kind == "open-space"
    }

    fn open(&self) -> bool {
        !self.event.is_cancelled() && !self.event.has_ended(self.now)
    }

    fn ended(&self) -> bool {
        self.event.has_ended(self.now)
    }

    fn waiting_place(&self) -> i64 {
        match self.rsvp {
            Some(Rsvp::Waiting(place)) => place,
            _ => 0,
        }
    }

    fn going(&self) -> bool {
        self.rsvp == Some(Rsvp::Going)
    }

    fn may_report(&self, session: &Session) -> bool {
        match &self.ctx.user {
            Some(user) => session.joined || session.host_id.as_deref() == Some(user.id.as_str()),
            None => false,
        }
    }

    /// A new conversation and an ask for help, each starting from a report-back.
    fn report_links(&self, session: &Session) -> (String, String) {
        let text = format!("{}\n\n{}", session.topic, session.report);
        let area = self.event.area_id.as_str();
        (
            forms::prefilled(
                "/conversations/new",
                &[("area", area), ("title", &session.topic), ("body", &text)],
            ),
            forms::ask_link(area, &session.topic, &session.report),
        )
    }

    fn propose_link(&self, slug: &str, session: &Session) -> String {
        forms::proposal_link(slug, &session.topic, &session.report)
    }
}

async fn show_page<'a>(
    state: &'a AppState,
    ctx: PageContext,
    slug: &str,
    errors: FormErrors,
    pitch_topic: String,
) -> AppResult<ShowPage<'a>> {
    let mut event = event_by_slug(state, slug).await?;
    if let Some((_, title)) = event.method.as_mut() {
        *title = seed::title(
            event.method_seed.as_deref(),
            std::mem::take(title),
            &ctx.lang,
        );
    }
    let viewer = ctx.user.as_ref().map(|u| u.id.clone());
    let rsvp = match &viewer {
        Some(id) => store::rsvp_of(&state.db, &event.id, id).await?,
        None => None,
    };
    let manages = may_manage(state, ctx.user.as_ref(), &event).await?;
    let may_assist =
        crate::assisted::may_enter_in(state, ctx.user.as_ref(), &event.area_id).await?;
    let attendees = if manages {
        store::attendees(&state.db, &event.id).await?
    } else {
        Vec::new()
    };
    let sessions = store::sessions(&state.db, &event.id, viewer.as_deref()).await?;
    let games = crate::skillsgame::store::of_event(&state.db, &event.id).await?;
    let budgets_taking_ideas = budgets::taking_ideas(&state.db).await?;
    let times = Times {
        zone: &state.zone,
        lang: ctx.lang.clone(),
    };
    Ok(ShowPage {
        ctx,
        event,
        times,
        rsvp,
        manages,
        attendees,
        sessions,
        games,
        budgets_taking_ideas,
        errors,
        pitch_topic,
        now: now_ms(),
        may_assist,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    render(&show_page(&state, ctx, &slug, FormErrors::new(), String::new()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RsvpForm {
    going: String,
}

pub async fn rsvp(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<RsvpForm>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    let back = format!("/events/{slug}#rsvp");
    if form.going == "yes" {
        match store::rsvp(&state.db, &event.id, &user.id).await? {
            Ok(()) => {}
            Err(RsvpRefused::Closed) => return Err(AppError::Conflict("error-event-closed")),
        }
        state.jobs_waiting.notify_one();
        let notice = match store::rsvp_of(&state.db, &event.id, &user.id).await? {
            Some(Rsvp::Waiting(_)) => "event-waiting",
            _ => "event-going",
        };
        return Ok(see_other(&back, Some(notice)));
    }
    let public_url = state.config.public_url.clone();
    store::withdraw(&state.db, &event.id, &user.id, |a| {
        notices::promoted(&public_url, &event, &state.zone, a)
    })
    .await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(&back, Some("event-withdrawn")))
}

/// The event in iCalendar, to add to a calendar app.
pub async fn calendar(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    let name = event.title.clone();
    Ok(calendar_response(&state, &name, &[event], &slug))
}

/// Every event of an area and the areas inside it, as a feed calendar apps subscribe to.
pub async fn area_calendar(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = areas::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let events = store::for_calendar(&state.db, &area.id, now_ms()).await?;
    let name = Lang::default().t1("event-area-calendar", "area", &area.name);
    Ok(calendar_response(&state, &name, &events, &slug))
}

fn calendar_response(state: &AppState, name: &str, events: &[Event], file: &str) -> Response {
    let public_url = state.config.public_url.trim_end_matches('/');
    let host = public_url
        .split("://")
        .nth(1)
        .unwrap_or(public_url)
        .split('/')
        .next()
        .unwrap_or("squaremile");
    let body = ical::calendar(name, events, public_url, host);
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}.ics\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PitchForm {
    topic: String,
    spot: String,
}

/// Pitches an open-space session on the event's marketplace.
pub async fn pitch(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<PitchForm>,
) -> AppResult<Response> {
    let event = event_by_slug(&state, &slug).await?;
    if event.kind != "open-space" {
        return Err(AppError::NotFound);
    }
    if event.is_cancelled() || event.has_ended(now_ms()) {
        return Err(AppError::Conflict("error-event-closed"));
    }
    let mut errors = FormErrors::new();
    let topic = forms::required_text(&mut errors, &ctx.lang, "topic", &form.topic, 200);
    let spot = forms::optional_text(&mut errors, &ctx.lang, "spot", &form.spot, 100);
    if !errors.is_empty() {
        let page = show_page(&state, ctx, &slug, errors, form.topic).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    check_posting_limit(&state, &user).await?;
    let id = store::pitch(&state.db, &event.id, &user.id, &topic, &spot).await?;
    Ok(see_other(
        &format!("/events/{slug}#session-{id}"),
        Some("event-session-pitched"),
    ))
}

/// The session and its event, or 404.
async fn session_and_event(
    state: &AppState,
    session_id: &str,
) -> AppResult<(Event, Option<String>)> {
    let (event_id, host_id) = store::session_event(&state.db, session_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = store::find(&state.db, &event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((event, host_id))
}

pub async fn join(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(session_id): Path<String>,
) -> AppResult<Response> {
    let (event, _) = session_and_event(&state, &session_id).await?;
    if event.is_cancelled() || event.has_ended(now_ms()) {
        return Err(AppError::Conflict("error-event-closed"));
    }
    store::join(&state.db, &event.id, &session_id, &user.id).await?;
    Ok(see_other(
        &format!("/events/{}#session-{session_id}", event.slug),
        Some("event-session-joined"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportForm {
    report: String,
}

/// The report-back of a session, by its host or someone who joined it.
pub async fn report(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(session_id): Path<String>,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let (event, host_id) = session_and_event(&state, &session_id).await?;
    let is_host = host_id.as_deref() == Some(user.id.as_str());
    if !is_host && !store::is_member(&state.db, &session_id, &user.id).await? {
        return Err(AppError::Forbidden("error-needs-session-member"));
    }
    let mut errors = FormErrors::new();
    let report = forms::required_text(&mut errors, &ctx.lang, "report", &form.report, MAX_REPORT);
    if !errors.is_empty() {
        let page = show_page(&state, ctx, &event.slug, errors, String::new()).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    store::report_back(&state.db, &session_id, &report).await?;
    Ok(see_other(
        &format!("/events/{}#session-{session_id}", event.slug),
        Some("event-session-reported"),
    ))
}
