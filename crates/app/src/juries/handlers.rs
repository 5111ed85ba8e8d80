use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use sortition::{Feature, Method, SelectError};

use super::draw::{self, Plan};
use super::letters::AddressForm;
use super::report::{self, FeatureMakeUp};
use super::store::{
    self, AreaResponse, CreateJuryError, Draw, DrawKind, Jury, JuryLottery, JuryStatus, NewDraw,
    NewJury, NewVolunteer, RegisterError, Volunteer, VolunteerStatus, method_name,
};
use crate::assisted;
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::throttle::{self, Guesser};
use crate::web::forms::{self, FormErrors};
use crate::web::session::{MaybeUser, secret_matches};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, download, render, render_with,
    see_other,
};

const CSV: &str = "text/csv; charset=utf-8";

/// Form field names of the answers, one per feature (a jury has at most this many).
const ANSWER_FIELDS: [&str; 10] = [
    "answer-0", "answer-1", "answer-2", "answer-3", "answer-4", "answer-5", "answer-6", "answer-7",
    "answer-8", "answer-9",
];
const MAX_VALUES: usize = 30;
const MAX_PANEL: u32 = 1000;
const MAX_LETTER_CODES: usize = 5000;

async fn jury_by_slug(state: &AppState, slug: &str) -> AppResult<Jury> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn can_run(state: &AppState, user: Option<&CurrentUser>, jury: &Jury) -> AppResult<bool> {
    roles::can_if_signed_in(&state.db, user, &jury.area_id, AreaAction::RunJuries).await
}

/// The jury, if `user` may run it (officials and admins of its area).
pub(super) async fn jury_to_run(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Jury> {
    let jury = jury_by_slug(state, slug).await?;
    roles::require(&state.db, user, &jury.area_id, AreaAction::RunJuries).await?;
    Ok(jury)
}

// ------------------------------------------------------------------ list and public page

#[derive(Template)]
#[template(path = "juries/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    juries: Vec<Jury>,
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    let juries = store::list(&state.db).await?;
    render(&ListPage { ctx, juries })
}

#[derive(Template)]
#[template(path = "juries/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    jury: Jury,
    makeup: Vec<FeatureMakeUp>,
    draws: Vec<Draw>,
    /// "N people volunteered; a panel of M was drawn."
    published_summary: String,
    can_run: bool,
    /// A lottery anyone can check, public from the moment it is published (before the draw).
    lottery: Option<JuryLottery>,
    /// Whether the viewer may enter volunteers who replied on paper or by phone.
    may_assist: bool,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let can_run = can_run(&state, user.as_ref(), &jury).await?;
    let published = jury.status == JuryStatus::Published;
    let (makeup, draws, volunteer_count) = if published {
        let features = store::features(&state.db, &jury.id).await?;
        let volunteers = store::volunteers(&state.db, &jury.id).await?;
        let draws = store::draws(&state.db, &jury.id).await?;
        let draws = draws.into_iter().filter(Draw::is_done).collect();
        (
            report::make_up(&features, &volunteers),
            draws,
            volunteers.len(),
        )
    } else {
        (Vec::new(), Vec::new(), 0)
    };
    let published_summary = ctx.lang.t_args(
        "jury-published-summary",
        &[
            ("volunteers", &volunteer_count.to_string()),
            ("size", &jury.panel_size.to_string()),
        ],
    );
    let may_assist = jury.status == JuryStatus::Open
        && assisted::may_enter_in(&state, user.as_ref(), &jury.area_id).await?;
    render(&ShowPage {
        may_assist,
        lottery: store::published_lottery(&state.db, &jury.id).await?,
        ctx,
        jury,
        makeup,
        draws,
        published_summary,
        can_run,
    })
}

// ------------------------------------------------------------------ setting up a jury

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct JuryForm {
    title: String,
    slug: String,
    area: String,
    purpose: String,
    panel_size: String,
    closes_on: String,
    meets_on: String,
    one_per_household: String,
    quotas: String,
}

#[derive(Template)]
#[template(path = "juries/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: JuryForm,
    areas: Vec<(String, String)>,
    errors: FormErrors,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunJuries).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-official"));
    }
    let form = JuryForm {
        one_per_household: "yes".into(),
        ..JuryForm::default()
    };
    render(&FormPage {
        ctx,
        form,
        areas,
        errors: FormErrors::new(),
    })
}

/// The quotas as typed (`feature,value,min,max` lines), checked against the panel size.
fn parse_quotas(
    ctx: &PageContext,
    text: &str,
    panel_size: Option<u32>,
    errors: &mut FormErrors,
) -> Vec<Feature> {
    let features = match sortition::read_categories(text) {
        Ok(features) => features,
        Err(e) => {
            errors.add_message(
                "quotas",
                ctx.t1("field-quotas-unreadable", "error", &e.to_string()),
            );
            return Vec::new();
        }
    };
    if features.len() > ANSWER_FIELDS.len() || features.iter().any(|f| f.quotas.len() > MAX_VALUES)
    {
        errors.add(&ctx.lang, "quotas", "field-quotas-too-many");
    }
    if let Some(size) = panel_size {
        for feature in &features {
            let mins: u32 = feature.quotas.iter().map(|q| q.min).sum();
            let maxes: u32 = feature.quotas.iter().map(|q| q.max).sum();
            if mins > size || maxes < size {
                errors.add_message(
                    "quotas",
                    ctx.lang.t_args(
                        "field-quotas-cannot-add-up",
                        &[
                            ("feature", &feature.name),
                            ("mins", &mins.to_string()),
                            ("maxes", &maxes.to_string()),
                            ("size", &size.to_string()),
                        ],
                    ),
                );
            }
        }
    }
    features
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<JuryForm>,
) -> AppResult<Response> {
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, lang, "title", &form.title, 120);
    let purpose = forms::optional_text(&mut errors, lang, "purpose", &form.purpose, 5000);
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunJuries).await?;
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add(lang, "area", "field-jury-area-invalid");
    }
    let panel_size = form
        .panel_size
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (2..=MAX_PANEL).contains(n));
    if panel_size.is_none() {
        errors.add(lang, "panel_size", "field-panel-size-invalid");
    }
    let closes_on = forms::date(&form.closes_on);
    if closes_on.is_none() {
        errors.add(lang, "closes_on", "field-date-invalid");
    }
    let meets_on = forms::date(&form.meets_on);
    if !form.meets_on.trim().is_empty() && meets_on.is_none() {
        errors.add(lang, "meets_on", "field-date-invalid");
    }
    let features = parse_quotas(&ctx, &form.quotas, panel_size, &mut errors);
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &title
    } else {
        &form.slug
    });
    if slug.is_empty() && !errors.has("title") {
        errors.add(lang, "slug", "field-slug-invalid");
    }
    if let (true, Some(panel_size), Some(closes_on)) = (errors.is_empty(), panel_size, closes_on) {
        let closes_on = closes_on.to_string();
        let meets_on = meets_on.map(|d| d.to_string()).unwrap_or_default();
        let jury = NewJury {
            area_id: &form.area,
            slug: &slug,
            title: &title,
            purpose: &purpose,
            panel_size,
            one_per_household: form.one_per_household == "yes",
            closes_on: &closes_on,
            meets_on: &meets_on,
            features: &features,
        };
        match store::create(&state.db, &jury, &user.id).await {
            Ok(id) => {
                tracing::info!(by = %user.id, jury = %id, "jury created");
                return Ok(see_other(
                    &format!("/juries/{slug}/manage"),
                    Some("jury-created"),
                ));
            }
            Err(CreateJuryError::SlugTaken) => errors.add(lang, "slug", "field-slug-taken"),
            Err(CreateJuryError::Other(e)) => return Err(e.into()),
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            form,
            areas,
            errors,
        },
    )
}

// ------------------------------------------------------------------ the official's page

/// One volunteer as the official sees them.
struct VolunteerRow {
    volunteer: Volunteer,
    answers: Vec<String>,
    shared_household: bool,
    /// Their chance in the panel draw, once it is made.
    chance: Option<f64>,
}

#[derive(Template)]
#[template(path = "juries/templates/manage.html")]
pub(super) struct ManagePage {
    ctx: PageContext,
    jury: Jury,
    invite_link: String,
    feature_names: Vec<String>,
    makeup: Vec<FeatureMakeUp>,
    volunteers: Vec<VolunteerRow>,
    shared_households: usize,
    /// "N letter codes made, M used."
    codes_summary: String,
    methods: Vec<(String, String)>,
    draws: Vec<Draw>,
    running: bool,
    on_panel: usize,
    empty_places: u32,
    errors: FormErrors,
    /// The quotas cannot be met: the engine's report, one line per reason or change.
    infeasible: Vec<String>,
    /// The jury's published lottery: waiting for its public seed, or drawn.
    lottery: Option<JuryLottery>,
    /// The address lottery's form as typed, and the responses per area so far.
    address_form: AddressForm,
    responses: Vec<AreaResponse>,
}

impl ManagePage {
    /// "12 of 200 (6.0%)": registered of letters sent in an area.
    fn response_rate(&self, area: &AreaResponse) -> String {
        let rate = if area.sent > 0 {
            100.0 * area.registered as f64 / area.sent as f64
        } else {
            0.0
        };
        self.ctx.lang.t_args(
            "jury-response-rate",
            &[
                ("registered", &area.registered.to_string()),
                ("sent", &area.sent.to_string()),
                ("rate", &self.ctx.lang.decimal(rate, 1)),
            ],
        )
    }
}

/// The management page with the address lottery's form as typed (refused).
pub(super) async fn manage_page_with(
    state: &AppState,
    ctx: PageContext,
    jury: Jury,
    errors: FormErrors,
    address_form: AddressForm,
) -> AppResult<ManagePage> {
    let page = manage_page(state, ctx, jury, errors, None).await?;
    Ok(ManagePage {
        address_form,
        ..page
    })
}

impl ManagePage {
    fn can_draw(&self) -> bool {
        !self.running
            && !self.awaiting_seed()
            && matches!(self.jury.status, JuryStatus::Open | JuryStatus::Closed)
    }

    /// A published lottery waits for its public seed: its draw is running, but nothing is
    /// being computed, so the page does not refresh itself.
    fn awaiting_seed(&self) -> bool {
        self.lottery.as_ref().is_some_and(|l| l.drawn_at.is_none())
    }

    fn can_replace(&self) -> bool {
        !self.running && self.jury.status == JuryStatus::Selected && self.empty_places > 0
    }

    fn can_publish(&self) -> bool {
        !self.running && self.jury.status == JuryStatus::Selected && self.empty_places == 0
    }
}

async fn manage_page(
    state: &AppState,
    ctx: PageContext,
    jury: Jury,
    errors: FormErrors,
    infeasible: Option<sortition::Infeasible>,
) -> AppResult<ManagePage> {
    let features = store::features(&state.db, &jury.id).await?;
    let volunteers = store::volunteers(&state.db, &jury.id).await?;
    let (codes_made, codes_used) = store::count_codes(&state.db, &jury.id).await?;
    let mut draws = store::draws(&state.db, &jury.id).await?;
    draws.reverse();
    let shared = report::shared_households(&volunteers);
    let makeup = report::make_up(&features, &volunteers);
    let on_panel = volunteers
        .iter()
        .filter(|v| v.status == VolunteerStatus::Selected)
        .count();
    let panel_draw = draws
        .iter()
        .find(|d| d.kind == DrawKind::Panel && d.is_done());
    let chances: HashMap<String, f64> = match panel_draw {
        Some(draw) => store::draw_chances(&state.db, &draw.id)
            .await?
            .into_iter()
            .map(|(id, chance, _)| (id, chance))
            .collect(),
        None => HashMap::new(),
    };
    let rows = volunteers
        .into_iter()
        .zip(&shared)
        .map(|(volunteer, &shared_household)| VolunteerRow {
            chance: panel_draw.map(|_| chances.get(&volunteer.id).copied().unwrap_or(0.0)),
            answers: features
                .iter()
                .zip(&volunteer.answers)
                .map(|(f, &a)| f.quotas.get(a).map(|q| q.value.clone()).unwrap_or_default())
                .collect(),
            volunteer,
            shared_household,
        })
        .collect();
    let invite_link = format!(
        "{}/juries/{}/join?token={}",
        state.config.public_url.trim_end_matches('/'),
        jury.slug,
        jury.invite_token
    );
    let codes_summary = ctx.lang.t_args(
        "jury-codes-summary",
        &[
            ("made", &codes_made.to_string()),
            ("used", &codes_used.to_string()),
        ],
    );
    let mut methods: Vec<(String, String)> = [Method::Leximin, Method::Legacy]
        .into_iter()
        .map(|m| {
            let name = method_name(m);
            (name.to_string(), ctx.t(&format!("jury-method-{name}")))
        })
        .collect();
    methods.insert(1, ("lottery".to_string(), ctx.t("jury-method-lottery")));
    let infeasible = infeasible
        .map(|report| infeasible_lines(&ctx, &report))
        .unwrap_or_default();
    let lottery = store::published_lottery(&state.db, &jury.id).await?;
    let waiting = lottery
        .as_ref()
        .filter(|l| l.drawn_at.is_none())
        .map(|l| l.draw_id.as_str());
    let running = draws
        .iter()
        .any(|d| d.is_running() && Some(d.id.as_str()) != waiting);
    let responses = store::response_rates(&state.db, &jury.id).await?;
    Ok(ManagePage {
        lottery,
        responses,
        address_form: AddressForm::default(),
        ctx,
        invite_link,
        feature_names: features.iter().map(|f| f.name.clone()).collect(),
        makeup,
        volunteers: rows,
        shared_households: shared.iter().filter(|s| **s).count(),
        codes_summary,
        methods,
        infeasible,
        running,
        draws,
        empty_places: jury.panel_size.saturating_sub(on_panel as u32),
        on_panel,
        jury,
        errors,
    })
}

/// The engine's report in the official's language: its plain reasons, then each quota
/// change that would let a panel exist.
fn infeasible_lines(ctx: &PageContext, report: &sortition::Infeasible) -> Vec<String> {
    let mut lines = report.reasons.clone();
    for r in &report.relaxations {
        let (key, from, to) = if r.suggested_min < r.min {
            ("jury-relax-min", r.min, r.suggested_min)
        } else {
            ("jury-relax-max", r.max, r.suggested_max)
        };
        lines.push(ctx.lang.t_args(
            key,
            &[
                ("feature", &r.feature),
                ("value", &r.value),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("in_pool", &r.in_pool.to_string()),
            ],
        ));
    }
    lines
}

pub async fn manage(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let page = manage_page(&state, ctx, jury, FormErrors::new(), None).await?;
    render(&page)
}

pub async fn close(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    if !store::change_status(&state.db, &jury.id, &[JuryStatus::Open], JuryStatus::Closed).await? {
        return Err(AppError::Conflict("error-jury-not-open"));
    }
    tracing::info!(by = %user.id, jury = %jury.id, "jury registration closed");
    Ok(see_other(
        &format!("/juries/{slug}/manage"),
        Some("jury-closed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DrawForm {
    method: String,
    seed: String,
    /// For a lottery anyone can check: how many panels (m), and whether to draw reserves.
    lottery_panels: String,
    reserves: String,
}

/// The fewest and most panels a lottery may have: each volunteer's chance is within 1/m of
/// the fair one, and the panels are published in full.
const LOTTERY_PANELS: std::ops::RangeInclusive<usize> = 10..=5000;

/// Runs a draw request: checks at once that it can be made, then queues it.
async fn request_draw(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    jury: Jury,
    kind: DrawKind,
    form: &DrawForm,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    // A lottery is the fair (leximin) draw made checkable; only for a whole panel.
    let lottery = if form.method == "lottery" && kind == DrawKind::Panel {
        let m = match form.lottery_panels.trim() {
            "" => Some(1000),
            typed => typed
                .parse::<usize>()
                .ok()
                .filter(|m| LOTTERY_PANELS.contains(m)),
        };
        if m.is_none() {
            errors.add(&lang, "lottery_panels", "field-lottery-panels-invalid");
        }
        m.map(|m| (m, !form.reserves.is_empty()))
    } else {
        None
    };
    let method: Method = form.method.parse().unwrap_or(Method::Leximin);
    let seed = match form.seed.trim() {
        "" => Some(draw::random_seed()),
        typed => typed.parse::<u64>().ok().filter(|s| *s < 1 << 53),
    };
    if seed.is_none() {
        errors.add(&lang, "seed", "field-seed-invalid");
    }
    let (Some(seed), true) = (seed, errors.is_empty()) else {
        let page = manage_page(state, ctx, jury, errors, None).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let features = store::features(&state.db, &jury.id).await?;
    let volunteers = store::volunteers(&state.db, &jury.id).await?;
    let plan = Plan::new(&features, &volunteers, kind);
    let places = plan.places(&jury);
    let request = draw::request(&jury, places, method, seed);
    let checked = tokio::task::spawn_blocking(move || plan.check(&request))
        .await
        .map_err(|e| anyhow::anyhow!(e).context("checking a draw"))?;
    if let Err(problem) = checked {
        let infeasible = match problem {
            SelectError::Infeasible(report) => Some(report),
            other => {
                errors.add_message("method", other.to_string());
                None
            }
        };
        if infeasible.is_some() {
            errors.add(&lang, "method", "jury-draw-infeasible");
        }
        let page = manage_page(state, ctx, jury, errors, infeasible).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let from: &[JuryStatus] = match kind {
        DrawKind::Panel => &[JuryStatus::Open, JuryStatus::Closed],
        DrawKind::Replacement => &[JuryStatus::Selected],
    };
    let new_draw = NewDraw {
        jury_id: &jury.id,
        kind,
        method,
        seed,
        size: places,
        requested_by: &user.id,
        lottery,
    };
    let Some(draw_id) = store::queue_draw(&state.db, &new_draw, from).await? else {
        return Err(AppError::Conflict("error-jury-draw-not-now"));
    };
    state.jobs_waiting.notify_one();
    tracing::info!(by = %user.id, jury = %jury.id, draw = %draw_id, ?kind, "jury draw queued");
    Ok(see_other(
        &format!("/juries/{}/manage", jury.slug),
        Some("jury-draw-queued"),
    ))
}

pub async fn draw_panel(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<DrawForm>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    request_draw(&state, ctx, &user, jury, DrawKind::Panel, &form).await
}

/// Dropouts are replaced from the reserve list drawn with the panel when there is one and
/// it can fill the places; otherwise by a replacement draw.
pub async fn draw_replacements(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<DrawForm>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    if jury.status == JuryStatus::Selected
        && let Some(lottery) = store::published_lottery(&state.db, &jury.id).await?
    {
        let public_url = state.config.public_url.clone();
        if let Some(called) =
            draw::step_in_reserves(&state.db, &public_url, &jury, &lottery).await?
        {
            state.jobs_waiting.notify_one();
            tracing::info!(by = %user.id, jury = %jury.id, count = called.len(), "reserves stepped in");
            return Ok(see_other(
                &format!("/juries/{slug}/manage"),
                Some("jury-reserves-stepped-in"),
            ));
        }
    }
    request_draw(&state, ctx, &user, jury, DrawKind::Replacement, &form).await
}

pub async fn drop_out(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, volunteer_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    if jury.status != JuryStatus::Selected
        || !store::mark_dropped_out(&state.db, &jury.id, &volunteer_id).await?
    {
        return Err(AppError::Conflict("error-jury-not-on-panel"));
    }
    tracing::info!(by = %user.id, jury = %jury.id, volunteer = %volunteer_id, "panel member dropped out");
    Ok(see_other(
        &format!("/juries/{slug}/manage"),
        Some("jury-dropped-out"),
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let page = manage_page(&state, ctx, jury, FormErrors::new(), None).await?;
    if !page.can_publish()
        || !store::change_status(
            &state.db,
            &page.jury.id,
            &[JuryStatus::Selected],
            JuryStatus::Published,
        )
        .await?
    {
        return Err(AppError::Conflict("error-jury-not-ready"));
    }
    tracing::info!(by = %user.id, jury = %page.jury.id, "jury panel published");
    Ok(see_other(
        &format!("/juries/{slug}"),
        Some("jury-published"),
    ))
}

// ------------------------------------------------------------------ a lottery anyone can check

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SeedForm {
    public_seed: String,
}

/// The official enters the public seed (fixed after the lottery was published, at a public
/// meeting say): it picks the panel, which becomes the jury's as any draw's does.
pub async fn lottery_seed(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<SeedForm>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let mut errors = FormErrors::new();
    let seed = forms::required_text(
        &mut errors,
        &ctx.lang,
        "public_seed",
        &form.public_seed,
        200,
    );
    let waiting = store::published_lottery(&state.db, &jury.id)
        .await?
        .filter(|l| l.drawn_at.is_none())
        .ok_or(AppError::Conflict("error-jury-lottery-not-waiting"))?;
    if !errors.is_empty() {
        let page = manage_page(&state, ctx, jury, errors, None).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let public_url = state.config.public_url.clone();
    match draw::draw_lottery(
        &state.db,
        &public_url,
        &jury,
        &waiting.draw_id,
        &seed,
        &user.id,
    )
    .await?
    {
        Ok(drawn) => {
            state.jobs_waiting.notify_one();
            tracing::info!(by = %user.id, jury = %jury.id, drawn, "jury lottery drawn");
            Ok(see_other(
                &format!("/juries/{slug}#lottery"),
                Some("jury-lottery-drawn"),
            ))
        }
        Err(draw::LotteryDrawError::NotWaiting) => {
            Err(AppError::Conflict("error-jury-lottery-not-waiting"))
        }
        Err(broken @ draw::LotteryDrawError::Broken(_)) => Err(anyhow::anyhow!(broken).into()),
    }
}

/// What was published before the draw: the panels (ids only), their digest, the chances.
pub async fn lottery_json(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let publication = store::published_lottery(&state.db, &jury.id)
        .await?
        .and_then(|l| l.publication)
        .ok_or(AppError::NotFound)?;
    Ok(download(
        &format!("{slug}-lottery.json"),
        "application/json",
        publication,
    ))
}

/// The draw, to check with `squaremile jury verify`.
pub async fn draw_json(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let record = store::published_lottery(&state.db, &jury.id)
        .await?
        .and_then(|l| l.draw_record)
        .ok_or(AppError::NotFound)?;
    Ok(download(
        &format!("{slug}-draw.json"),
        "application/json",
        record,
    ))
}

// ------------------------------------------------------------------ files

/// The quotas as a categories file: public, like the quotas on the published page.
pub async fn quotas_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let features = store::features(&state.db, &jury.id).await?;
    Ok(download(
        &format!("{slug}-categories.csv"),
        CSV,
        report::categories_csv(&features),
    ))
}

/// The volunteers with their contact details and answers: for officials only.
pub async fn volunteers_csv(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let features = store::features(&state.db, &jury.id).await?;
    let volunteers = store::volunteers(&state.db, &jury.id).await?;
    tracing::info!(by = %user.id, jury = %jury.id, "volunteers exported");
    Ok(download(
        &format!("{slug}-people.csv"),
        CSV,
        report::volunteers_csv(&features, &volunteers),
    ))
}

// ------------------------------------------------------------------ letter codes

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodesForm {
    count: String,
}

pub async fn make_codes(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<CodesForm>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let count = form
        .count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_LETTER_CODES).contains(n));
    let Some(count) = count else {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, "count", "field-code-count-invalid");
        let page = manage_page(&state, ctx, jury, errors, None).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    store::create_letter_codes(&state.db, &jury.id, count).await?;
    tracing::info!(by = %user.id, jury = %jury.id, count, "letter codes made");
    Ok(see_other(&format!("/juries/{slug}/codes"), None))
}

#[derive(Template)]
#[template(path = "juries/templates/codes.html")]
struct CodesPage {
    ctx: PageContext,
    jury: Jury,
    codes: Vec<store::LetterCode>,
    code_page: String,
}

pub async fn codes(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let codes = store::letter_codes(&state.db, &jury.id).await?;
    let code_page = format!(
        "{}/jury-code",
        state.config.public_url.trim_end_matches('/')
    );
    render(&CodesPage {
        ctx,
        jury,
        codes,
        code_page,
    })
}

// ------------------------------------------------------------------ volunteering

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Invitation {
    token: String,
    code: String,
    /// "1": a connector enters a volunteer from a paper reply or a call.
    for_someone: String,
}

/// Checks the invitation (the link's token or an unused letter code of this jury); the
/// normalised letter code, if one was used. A code in the link is a guess like one typed at
/// `/jury-code`, and is throttled the same way.
async fn check_invitation(
    state: &AppState,
    jury: &Jury,
    invitation: &Invitation,
    guesser: &Guesser,
) -> AppResult<Option<String>> {
    if secret_matches(&invitation.token, &jury.invite_token) {
        return Ok(None);
    }
    let code = crate::roles::store::code_as_typed(&invitation.code);
    if !code.is_empty() {
        let attempt = throttle::begin(state, guesser.counters(), throttle::CODES_REFUSED).await?;
        if store::code_is_unused(&state.db, &jury.id, &code).await? {
            attempt.succeeded(state).await?;
            return Ok(Some(code));
        }
        attempt.failed();
    }
    Err(AppError::Forbidden("error-jury-invitation"))
}

struct Question {
    field: &'static str,
    label: String,
    options: Vec<(String, String)>,
    selected: String,
}

#[derive(Template)]
#[template(path = "juries/templates/join.html")]
struct JoinPage {
    ctx: PageContext,
    jury: Jury,
    invitation: Invitation,
    questions: Vec<Question>,
    form: JoinForm,
    errors: FormErrors,
}

#[derive(Default)]
struct JoinForm {
    name: String,
    email: String,
    phone: String,
    address: String,
    postcode: String,
    consent: bool,
    answers: Vec<String>,
    /// How a volunteer entered by a connector agreed.
    consent_note: String,
}

impl JoinForm {
    fn from_pairs(pairs: &[(String, String)], features: usize) -> (JoinForm, Invitation) {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let form = JoinForm {
            name: get("name"),
            email: get("email"),
            phone: get("phone"),
            address: get("address"),
            postcode: get("postcode"),
            consent: get("consent") == "yes",
            consent_note: get("consent_note"),
            answers: ANSWER_FIELDS[..features.min(ANSWER_FIELDS.len())]
                .iter()
                .map(|f| get(f))
                .collect(),
        };
        let invitation = Invitation {
            token: get("token"),
            code: get("code"),
            for_someone: get("for_someone"),
        };
        (form, invitation)
    }
}

fn questions(features: &[Feature], answers: &[String]) -> Vec<Question> {
    features
        .iter()
        .zip(ANSWER_FIELDS)
        .enumerate()
        .map(|(i, (feature, field))| Question {
            field,
            label: feature.name.clone(),
            options: feature
                .quotas
                .iter()
                .enumerate()
                .map(|(v, q)| (v.to_string(), q.value.clone()))
                .collect(),
            selected: answers.get(i).cloned().unwrap_or_default(),
        })
        .collect()
}

pub async fn join_form(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    guesser: Guesser,
    Path(slug): Path<String>,
    Query(invitation): Query<Invitation>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let assisting = invitation.for_someone == "1";
    if assisting {
        let user = user
            .as_ref()
            .ok_or(AppError::Forbidden("error-assist-not-allowed"))?;
        assisted::require_in_area(&state, user, &jury.area_id).await?;
    } else {
        check_invitation(&state, &jury, &invitation, &guesser).await?;
    }
    if jury.status != JuryStatus::Open {
        return Err(AppError::Conflict("error-jury-closed"));
    }
    let features = store::features(&state.db, &jury.id).await?;
    if assisting {
        return render(&JoinPage {
            ctx,
            jury,
            invitation,
            questions: questions(&features, &[]),
            form: JoinForm::default(),
            errors: FormErrors::new(),
        });
    }
    let form = JoinForm {
        name: user
            .as_ref()
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
        email: user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..JoinForm::default()
    };
    render(&JoinPage {
        ctx,
        jury,
        invitation,
        questions: questions(&features, &[]),
        form,
        errors: FormErrors::new(),
    })
}

pub async fn join(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    guesser: Guesser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    let features = store::features(&state.db, &jury.id).await?;
    let (form, invitation) = JoinForm::from_pairs(&pairs, features.len());
    let assisting = invitation.for_someone == "1";
    let mut code_refused = false;
    let letter_code = if assisting {
        let user = user
            .as_ref()
            .ok_or(AppError::Forbidden("error-assist-not-allowed"))?;
        assisted::require_in_area(&state, user, &jury.area_id).await?;
        // A paper reply to a letter carries its code: typed in, it is used up as online (a
        // code that is not one of this jury's unused codes is said beside the field).
        match invitation.code.trim() {
            "" => None,
            _ => match check_invitation(&state, &jury, &invitation, &guesser).await {
                Err(AppError::Forbidden(_)) => {
                    code_refused = true;
                    None
                }
                checked => checked?,
            },
        }
    } else {
        check_invitation(&state, &jury, &invitation, &guesser).await?
    };
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let name = forms::required_text(&mut errors, lang, "name", &form.name, 120);
    // Someone entered by a connector has no email: a held address stands in for it, and
    // what the site would send them goes to the connector to pass on.
    let email = if assisting {
        assisted::store::held_address()
    } else {
        forms::email(&mut errors, lang, "email", &form.email)
    };
    let phone = forms::optional_text(&mut errors, lang, "phone", &form.phone, 40);
    let address = forms::required_text(&mut errors, lang, "address", &form.address, 200);
    let postcode = forms::required_text(&mut errors, lang, "postcode", &form.postcode, 20);
    let consent_note = if assisting {
        forms::required_text(&mut errors, lang, "consent_note", &form.consent_note, 200)
    } else {
        String::new()
    };
    let mut answers = Vec::with_capacity(features.len());
    for ((feature, typed), field) in features.iter().zip(&form.answers).zip(ANSWER_FIELDS) {
        match typed.parse::<usize>() {
            Ok(v) if v < feature.quotas.len() => answers.push(v),
            _ => errors.add_message(
                field,
                ctx.t1("field-answer-missing", "question", &feature.name),
            ),
        }
    }
    if !form.consent {
        errors.add(lang, "consent", "field-consent-missing");
    }
    if code_refused {
        errors.add(lang, "code", "field-assist-letter-code-invalid");
    }
    let helping = match (assisting, &user) {
        (true, Some(user)) => {
            let person = assisted::Person {
                name: name.clone(),
                phone: phone.clone(),
                postal_address: format!("{address}\n{postcode}"),
                consent_note,
            };
            Some(assisted::Helping::new(person, &user.id))
        }
        _ => None,
    };
    if errors.is_empty() {
        let volunteer = NewVolunteer {
            jury_id: &jury.id,
            user_id: user.as_ref().map(|u| u.id.as_str()),
            name: &name,
            email: &email,
            phone: &phone,
            address: &address,
            postcode: &postcode,
            answers: &answers,
            letter_code: letter_code.as_deref(),
            locale: lang.code(),
            for_someone: helping.as_ref().map(|h| h.entry()),
        };
        match store::register(&state.db, &volunteer).await {
            Ok(id) => {
                if let Some(helping) = &helping {
                    let what = ctx.t1("assist-slip-jury", "title", &jury.title);
                    let slip = assisted::Slip::new(helping, what, &state.config.public_url);
                    let again = format!("/juries/{slug}/join?for_someone=1");
                    let link = format!("/juries/{slug}");
                    return assisted::slip_page(ctx, slip, Some(&link), &again);
                }
                tracing::info!(jury = %jury.id, volunteer = %id, "volunteer registered");
                return Ok(see_other(&format!("/juries/{slug}/joined"), None));
            }
            Err(RegisterError::AlreadyRegistered) => {
                errors.add(lang, "email", "field-volunteer-already")
            }
            Err(RegisterError::CodeUsed) => {
                return Err(AppError::Forbidden("error-jury-invitation"));
            }
            Err(RegisterError::Closed) => return Err(AppError::Conflict("error-jury-closed")),
            Err(RegisterError::Other(e)) => return Err(e.into()),
        }
    }
    let questions = questions(&features, &form.answers);
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &JoinPage {
            ctx,
            jury,
            invitation,
            questions,
            form,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "juries/templates/joined.html")]
struct JoinedPage {
    ctx: PageContext,
    jury: Jury,
}

pub async fn joined(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = jury_by_slug(&state, &slug).await?;
    render(&JoinedPage { ctx, jury })
}

#[derive(Template)]
#[template(path = "juries/templates/code.html")]
struct CodePage {
    ctx: PageContext,
    code: String,
    errors: FormErrors,
}

pub async fn code_form(ctx: PageContext) -> AppResult<Response> {
    render(&CodePage {
        ctx,
        code: String::new(),
        errors: FormErrors::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

/// Wrong codes are throttled per account (or browser session) and per client address.
pub async fn redeem_code(
    State(state): State<AppState>,
    ctx: PageContext,
    guesser: Guesser,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let code = crate::roles::store::code_as_typed(&form.code);
    if !code.is_empty() {
        let attempt = throttle::begin(&state, guesser.counters(), throttle::CODES_REFUSED).await?;
        if let Some(slug) = store::jury_of_unused_code(&state.db, &code).await? {
            attempt.succeeded(&state).await?;
            return Ok(see_other(&format!("/juries/{slug}/join?code={code}"), None));
        }
        attempt.failed();
    }
    let mut errors = FormErrors::new();
    errors.add(&ctx.lang, "code", "field-letter-code-invalid");
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &CodePage {
            ctx,
            code: form.code,
            errors,
        },
    )
}
