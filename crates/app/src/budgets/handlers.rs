//! Processes and their phases, proposals with supports and comments, the official review,
//! the official's page (phases, codes, paper ballots) and implementation updates.

use crate::areas::places::read_location;
use crate::areas::points::PointKind;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::ballot::{ALL_FORMATS, Ballot, BallotFormat, Choice};
use super::count::CountJob;
use super::store::{
    self, ALL_IMPLEMENTATION, Comment, CreateError, Eligibility, Implementation, NewProcess,
    NewProject, PaperBatch, Phase, Process, Project, ProjectStatus, Review, SealedBallot, Update,
};
use super::sub_budgets;
use crate::areas::maps as area_maps;
use crate::mail::Email;
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

/// Counting rules an official can choose, the default first.
pub const RULES: [pb::Rule; 6] = [
    pb::Rule::MesAdd1,
    pb::Rule::Mes,
    pb::Rule::Greedy,
    pb::Rule::Phragmen,
    pb::Rule::MesAdd1Comparison,
    pb::Rule::GreedyPoznan,
];
const MAX_BUDGET: i64 = 1_000_000_000_000;
const MAX_PAPER_LINES: usize = 2000;

pub(super) async fn process_by_slug(state: &AppState, slug: &str) -> AppResult<Process> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

pub(super) async fn can_run(
    state: &AppState,
    user: Option<&CurrentUser>,
    process: &Process,
) -> AppResult<bool> {
    roles::can_if_signed_in(&state.db, user, &process.area_id, AreaAction::RunBudgets).await
}

/// The process, if `user` may run it (officials and admins of its area).
pub(super) async fn process_to_run(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Process> {
    let process = process_by_slug(state, slug).await?;
    roles::require(&state.db, user, &process.area_id, AreaAction::RunBudgets).await?;
    Ok(process)
}

/// One of the process's projects by its code, or 404.
pub(super) async fn project_of(
    state: &AppState,
    process: &Process,
    code: &str,
) -> AppResult<Project> {
    store::project(&state.db, &process.id, code)
        .await?
        .ok_or(AppError::NotFound)
}

/// The counting rules as (value, label) choices for a form.
pub(super) fn rule_choices(ctx: &PageContext) -> Vec<(String, String)> {
    RULES
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                ctx.t(&format!("pb-rule-{}", r.as_str())),
            )
        })
        .collect()
}

// ------------------------------------------------------------------ list and process page

#[derive(Template)]
#[template(path = "budgets/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    processes: Vec<Process>,
    /// The area the list is narrowed to, if any.
    area: Option<crate::areas::store::Area>,
    /// Setting up and importing are offered only to those who may run a budget somewhere.
    can_run_any: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    area: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let area = crate::areas::from_filter(&state.db, &query.area).await?;
    let processes = match &area {
        None => store::list(&state.db, None).await?,
        Some(area) => {
            let around = crate::areas::store::ancestor_ids(&state.db, area).await?;
            store::list(&state.db, Some((&area.id, &around))).await?
        }
    };
    let can_run_any = match &user {
        Some(user) => !roles::areas_where(&state.db, user, AreaAction::RunBudgets)
            .await?
            .is_empty(),
        None => false,
    };
    render(&ListPage {
        ctx,
        processes,
        can_run_any,
        area,
    })
}

#[derive(Template)]
#[template(path = "budgets/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    /// The projects with a place, on a map of the process's area.
    place_map: Option<String>,
    process: Process,
    projects: Vec<Project>,
    can_run: bool,
    can_vote_note: String,
    phases: Vec<(String, bool, bool)>,
    budget: String,
}

impl ShowPage {
    /// Each sub-budget's name and amount.
    fn sub_budget_lines(&self) -> Vec<(String, String)> {
        let p = &self.process;
        p.sub_budgets
            .iter()
            .map(|s| (s.name.clone(), self.ctx.lang.money(s.budget, &p.currency)))
            .collect()
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let can_run = can_run(&state, user.as_ref(), &process).await?;
    let mut projects = store::projects(&state.db, &process.id).await?;
    if process.phase >= Phase::Voting {
        projects.retain(|p| p.status == ProjectStatus::Feasible);
    }
    let phases = store::ALL_PHASES
        .iter()
        .map(|p| {
            (
                ctx.t(&p.label_key()),
                *p == process.phase,
                *p < process.phase,
            )
        })
        .collect();
    let can_vote_note = ctx.t(&process.eligibility.label_key());
    let area = crate::areas::store::find(&state.db, &process.area_id).await?;
    let place_map = match area {
        Some(area) => {
            area_maps::draw(
                &state,
                &ctx.lang,
                area_maps::AreaMap {
                    id: "projects-map",
                    title: ctx.t1("pb-projects-map-title", "title", &process.title),
                    description: ctx.t("pb-projects-map-description"),
                    area: Some(&area),
                    layers: vec![area_maps::Layer {
                        parent_slug: process.slug.clone(),
                        ..area_maps::Layer::plain(PointKind::Projects)
                    }],
                    legend: Vec::new(),
                },
            )
            .await?
        }
        None => None,
    };
    render(&ShowPage {
        place_map,
        budget: ctx.lang.money(process.budget, &process.currency),
        ctx,
        process,
        projects,
        can_run,
        can_vote_note,
        phases,
    })
}

// ------------------------------------------------------------------ setting up a process

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProcessForm {
    title: String,
    slug: String,
    area: String,
    description: String,
    currency: String,
    budget: String,
    ideas_until: String,
    review_until: String,
    voting_from: String,
    voting_until: String,
    ballot_format: String,
    min_choices: String,
    max_choices: String,
    points: String,
    eligibility: String,
    min_age: String,
    allow_changes: String,
    support_threshold: String,
    rule: String,
    /// One sub-budget per line, "name; amount"; empty for one budget.
    sub_budgets: String,
    one_sub_budget: String,
}

#[derive(Template)]
#[template(path = "budgets/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: ProcessForm,
    areas: Vec<(String, String)>,
    formats: Vec<(String, String)>,
    eligibilities: Vec<(String, String)>,
    rules: Vec<(String, String)>,
    errors: FormErrors,
}

fn form_page(
    ctx: PageContext,
    form: ProcessForm,
    areas: Vec<(String, String)>,
    errors: FormErrors,
) -> FormPage {
    let formats = forms::labelled(
        ALL_FORMATS,
        BallotFormat::as_str,
        BallotFormat::label_key,
        &ctx.lang,
    );
    let eligibilities = forms::labelled(
        [
            Eligibility::Verified,
            Eligibility::Residents,
            Eligibility::Codes,
        ],
        Eligibility::as_str,
        Eligibility::label_key,
        &ctx.lang,
    );
    let rules = rule_choices(&ctx);
    FormPage {
        ctx,
        form,
        areas,
        formats,
        eligibilities,
        rules,
        errors,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunBudgets).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-official"));
    }
    let form = ProcessForm {
        currency: "GBP".into(),
        ballot_format: "knapsack".into(),
        min_choices: "1".into(),
        max_choices: "5".into(),
        points: "10".into(),
        eligibility: "verified".into(),
        min_age: "16".into(),
        allow_changes: "yes".into(),
        support_threshold: "0".into(),
        rule: pb::Rule::MesAdd1.as_str().into(),
        ..ProcessForm::default()
    };
    render(&form_page(ctx, form, areas, FormErrors::new()))
}

fn number_in(
    errors: &mut FormErrors,
    lang: &crate::i18n::Lang,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
) -> i64 {
    match value.trim().replace([',', ' '], "").parse::<i64>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            // field-budget-invalid, field-min-choices-invalid, ...
            let key = format!("field-{}-invalid", field.replace('_', "-"));
            errors.add(lang, field, &key);
            0
        }
    }
}

fn optional_date(
    errors: &mut FormErrors,
    lang: &crate::i18n::Lang,
    field: &'static str,
    value: &str,
) -> String {
    if value.trim().is_empty() {
        return String::new();
    }
    match forms::date(value) {
        Some(date) => date.to_string(),
        None => {
            errors.add(lang, field, "field-date-invalid");
            String::new()
        }
    }
}

/// The typed sub-budgets, which must add up to the whole budget; errors go on the field.
fn split_budget(
    errors: &mut FormErrors,
    lang: &crate::i18n::Lang,
    typed: &str,
    budget: i64,
    currency: &str,
) -> Vec<sub_budgets::Typed> {
    match sub_budgets::parse(typed, MAX_BUDGET) {
        Ok(parts) => {
            let total: i64 = parts.iter().map(|(_, _, amount)| amount).sum();
            if !parts.is_empty() && total != budget && !errors.has("budget") {
                let message = lang.t_args(
                    "field-sub-budgets-sum",
                    &[
                        ("total", &lang.money(total, currency)),
                        ("budget", &lang.money(budget, currency)),
                    ],
                );
                errors.add_message("sub_budgets", message);
            }
            parts
        }
        Err(e) => {
            let (key, line) = e.key_and_line();
            errors.add_message("sub_budgets", lang.t1(key, "line", &line.to_string()));
            Vec::new()
        }
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ProcessForm>,
) -> AppResult<Response> {
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, lang, "title", &form.title, 120);
    let description =
        forms::optional_text(&mut errors, lang, "description", &form.description, 10_000);
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunBudgets).await?;
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add(lang, "area", "field-pb-area-invalid");
    }
    let currency = form.currency.trim().to_uppercase();
    if currency.is_empty() || currency.len() > 8 {
        errors.add(lang, "currency", "field-currency-invalid");
    }
    let budget = number_in(&mut errors, lang, "budget", &form.budget, 1..=MAX_BUDGET);
    let format = BallotFormat::parse(&form.ballot_format);
    if format.is_none() {
        errors.add(lang, "ballot_format", "field-ballot-format-invalid");
    }
    let parts = split_budget(&mut errors, lang, &form.sub_budgets, budget, &currency);
    if !parts.is_empty() && format == Some(BallotFormat::Ranking) {
        errors.add(lang, "sub_budgets", "field-sub-budgets-ranking");
    }
    let min_choices =
        number_in(&mut errors, lang, "min_choices", &form.min_choices, 1..=100) as u32;
    let max_choices =
        number_in(&mut errors, lang, "max_choices", &form.max_choices, 1..=100) as u32;
    if max_choices < min_choices && !errors.has("max_choices") {
        errors.add(lang, "max_choices", "field-max-choices-invalid");
    }
    let points = number_in(&mut errors, lang, "points", &form.points, 1..=1000) as u32;
    let eligibility = Eligibility::parse(&form.eligibility);
    if eligibility.is_none() {
        errors.add(lang, "eligibility", "field-eligibility-invalid");
    }
    let min_age = number_in(&mut errors, lang, "min_age", &form.min_age, 0..=120) as u32;
    let support_threshold = number_in(
        &mut errors,
        lang,
        "support_threshold",
        &form.support_threshold,
        0..=1_000_000,
    ) as u32;
    let rule = pb::Rule::parse(&form.rule).filter(|r| RULES.contains(r));
    if rule.is_none() {
        errors.add(lang, "rule", "field-rule-invalid");
    }
    if let (Some(rule), Some(format)) = (rule, format)
        && !rule.accepts(format.vote_type())
    {
        if rule == pb::Rule::Phragmen {
            errors.add(lang, "rule", "field-rule-phragmen-approval");
        } else {
            errors.add(lang, "rule", "field-rule-approval-only");
        }
    }
    let ideas_until = optional_date(&mut errors, lang, "ideas_until", &form.ideas_until);
    let review_until = optional_date(&mut errors, lang, "review_until", &form.review_until);
    let voting_from = optional_date(&mut errors, lang, "voting_from", &form.voting_from);
    let voting_until = optional_date(&mut errors, lang, "voting_until", &form.voting_until);
    let dates = [&ideas_until, &review_until, &voting_from, &voting_until];
    let given: Vec<&&String> = dates.iter().filter(|d| !d.is_empty()).collect();
    if given.windows(2).any(|w| w[0] > w[1]) {
        errors.add(lang, "voting_until", "field-pb-dates-order");
    }
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &title
    } else {
        &form.slug
    });
    if slug.is_empty() && !errors.has("title") {
        errors.add(lang, "slug", "field-slug-invalid");
    }
    if super::import::RESERVED.contains(&slug.as_str()) {
        errors.add(lang, "slug", "field-slug-taken");
    }
    if let (true, Some(format), Some(eligibility), Some(rule)) =
        (errors.is_empty(), format, eligibility, rule)
    {
        let process = NewProcess {
            area_id: &form.area,
            slug: &slug,
            title: &title,
            description: &description,
            currency: &currency,
            budget,
            phase: Phase::Ideas,
            ideas_until: &ideas_until,
            review_until: &review_until,
            voting_from: &voting_from,
            voting_until: &voting_until,
            format,
            min_choices,
            max_choices,
            points,
            eligibility,
            min_age,
            allow_changes: form.allow_changes == "yes",
            support_threshold,
            rule,
            imported: false,
            sub_budgets: &parts,
            one_sub_budget: !parts.is_empty() && form.one_sub_budget == "yes",
        };
        match store::create(&state.db, &process, &user.id).await {
            Ok(id) => {
                tracing::info!(by = %user.id, process = %id, "budgeting process created");
                return Ok(see_other(
                    &format!("/budgets/{slug}/manage"),
                    Some("pb-created"),
                ));
            }
            Err(CreateError::SlugTaken) => errors.add(lang, "slug", "field-slug-taken"),
            Err(CreateError::Other(e)) => return Err(e.into()),
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(ctx, form, areas, errors),
    )
}

// ------------------------------------------------------------------ proposals

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProposalForm {
    title: String,
    description: String,
    category: String,
    location: String,
    latitude: String,
    longitude: String,
    rough_cost: String,
    /// The sub-budget's code, when the budget is split.
    sub_budget: String,
}

#[derive(Template)]
#[template(path = "budgets/templates/propose.html")]
struct ProposePage {
    ctx: PageContext,
    process: Process,
    form: ProposalForm,
    errors: FormErrors,
}

impl ProposePage {
    /// The sub-budgets to choose from, as (code, "name (amount)").
    fn sub_budget_options(&self) -> Vec<(String, String)> {
        let p = &self.process;
        p.sub_budgets
            .iter()
            .map(|s| {
                let amount = self.ctx.lang.money(s.budget, &p.currency);
                (s.code.clone(), format!("{} ({amount})", s.name))
            })
            .collect()
    }
}

/// A proposal can start from elsewhere (an idea in a conversation) with its words filled in.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProposeQuery {
    title: String,
    description: String,
}

pub async fn propose_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
    Path(slug): Path<String>,
    Query(query): Query<ProposeQuery>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    if process.phase != Phase::Ideas {
        return Err(AppError::Conflict("error-pb-not-ideas"));
    }
    let form = ProposalForm {
        title: query.title,
        description: query.description,
        ..ProposalForm::default()
    };
    render(&ProposePage {
        ctx,
        process,
        form,
        errors: FormErrors::new(),
    })
}

pub async fn propose(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<ProposalForm>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, lang, "title", &form.title, 120);
    let description =
        forms::required_text(&mut errors, lang, "description", &form.description, 5000);
    let category = forms::optional_text(&mut errors, lang, "category", &form.category, 80);
    let location = forms::optional_text(&mut errors, lang, "location", &form.location, 200);
    let point = read_location(&mut errors, lang, &form.latitude, &form.longitude);
    let rough_cost = number_in(
        &mut errors,
        lang,
        "rough_cost",
        &form.rough_cost,
        0..=process.budget,
    );
    let sub_budget = process
        .sub_budgets
        .iter()
        .find(|s| s.code == form.sub_budget);
    if !process.sub_budgets.is_empty() && sub_budget.is_none() {
        errors.add(lang, "sub_budget", "field-pb-sub-budget-invalid");
    }
    if errors.is_empty() {
        let project = NewProject {
            title: &title,
            description: &description,
            category: &category,
            location: &location,
            rough_cost,
            sub_budget_id: sub_budget.map(|s| s.id.as_str()),
            point,
        };
        return match store::propose(&state.db, &process.id, &project, &user.id).await? {
            Some(code) => Ok(see_other(
                &format!("/budgets/{slug}/projects/{code}"),
                Some("pb-proposed"),
            )),
            None => Err(AppError::Conflict("error-pb-not-ideas")),
        };
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &ProposePage {
            ctx,
            process,
            form,
            errors,
        },
    )
}

// ------------------------------------------------------------------ a project's page

#[derive(Template)]
#[template(path = "budgets/templates/project.html")]
pub(super) struct ProjectPage {
    ctx: PageContext,
    process: Process,
    project: Project,
    comments: Vec<Comment>,
    updates: Vec<Update>,
    photos: Vec<store::Photo>,
    /// The proposer while ideas are taken, and officials: may add a photo.
    can_add_photo: bool,
    supported: bool,
    can_run: bool,
    cost: String,
    statuses: Vec<(String, String)>,
    implementation_statuses: Vec<(String, String)>,
    errors: FormErrors,
    /// The photo's description as typed, when the photo was refused.
    pub(super) photo_alt: String,
}

impl ProjectPage {
    fn below_threshold(&self) -> bool {
        self.process.support_threshold > 0
            && self.project.supports < self.process.support_threshold as i64
    }
}

pub(super) async fn project_page(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    slug: &str,
    code: &str,
    errors: FormErrors,
) -> AppResult<ProjectPage> {
    let process = process_by_slug(state, slug).await?;
    let project = project_of(state, &process, code).await?;
    let comments = store::comments(&state.db, &project.id).await?;
    let updates = store::updates(&state.db, &process.id)
        .await?
        .into_iter()
        .filter(|u| u.project_code == project.code)
        .collect();
    let supported = match user {
        Some(user) => store::supports(&state.db, &project.id, &user.id).await?,
        None => false,
    };
    let can_run = can_run(state, user, &process).await?;
    let is_author = user.is_some_and(|u| project.author_id.as_deref() == Some(u.id.as_str()));
    let can_add_photo = can_run || is_author && process.phase == Phase::Ideas;
    let photos = store::photos(&state.db, &project.id).await?;
    let statuses = forms::labelled(
        [ProjectStatus::Feasible, ProjectStatus::Rejected],
        ProjectStatus::as_str,
        ProjectStatus::label_key,
        &ctx.lang,
    );
    let implementation_statuses = forms::labelled(
        ALL_IMPLEMENTATION,
        Implementation::as_str,
        Implementation::label_key,
        &ctx.lang,
    );
    Ok(ProjectPage {
        cost: ctx.lang.money(project.current_cost(), &process.currency),
        ctx,
        process,
        project,
        comments,
        updates,
        photos,
        can_add_photo,
        supported,
        can_run,
        statuses,
        implementation_statuses,
        errors,
        photo_alt: String::new(),
    })
}

pub async fn show_project(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path((slug, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let page = project_page(&state, ctx, user.as_ref(), &slug, &code, FormErrors::new()).await?;
    render(&page)
}

pub async fn support(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    if process.phase != Phase::Ideas {
        return Err(AppError::Conflict("error-pb-not-ideas"));
    }
    let project = project_of(&state, &process, &code).await?;
    let now_supports = store::toggle_support(&state.db, &project.id, &user.id).await?;
    let notice = if now_supports {
        "pb-supported"
    } else {
        "pb-unsupported"
    };
    Ok(see_other(
        &format!("/budgets/{slug}/projects/{code}"),
        Some(notice),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    body: String,
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let body = forms::required_text(&mut errors, &ctx.lang, "body", &form.body, 3000);
    if !errors.is_empty() {
        let page = project_page(&state, ctx, Some(&user), &slug, &code, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let process = process_by_slug(&state, &slug).await?;
    let project = project_of(&state, &process, &code).await?;
    store::add_comment(&state.db, &project.id, &user.id, &body).await?;
    Ok(see_other(
        &format!("/budgets/{slug}/projects/{code}#comments"),
        None,
    ))
}

// ------------------------------------------------------------------ the review

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    status: String,
    cost: String,
    note: String,
}

pub async fn review(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
    Form(form): Form<ReviewForm>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    if process.phase != Phase::Review {
        return Err(AppError::Conflict("error-pb-not-review"));
    }
    let project = project_of(&state, &process, &code).await?;
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let status = ProjectStatus::parse(&form.status).filter(|s| *s != ProjectStatus::Proposed);
    if status.is_none() {
        errors.add(lang, "status", "field-review-status-invalid");
    }
    let note = forms::optional_text(&mut errors, lang, "note", &form.note, 3000);
    let cost = if status == Some(ProjectStatus::Feasible) {
        Some(number_in(
            &mut errors,
            lang,
            "cost",
            &form.cost,
            0..=process.budget,
        ))
    } else {
        None
    };
    if status == Some(ProjectStatus::Rejected) && note.is_empty() {
        errors.add(lang, "note", "field-review-reason-missing");
    }
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        let page = project_page(&state, ctx, Some(&user), &slug, &code, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let email = match &project.author_id {
        Some(author) => store::author_contact(&state.db, author)
            .await?
            .map(|(to, locale)| {
                review_email(&state, &process, &project, status, &note, to, &locale)
            }),
        None => None,
    };
    let decision = Review {
        status,
        cost,
        note: &note,
    };
    store::review(&state.db, &project.id, &decision, &user.id, email.as_ref()).await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(
        &format!("/budgets/{slug}/projects/{code}"),
        Some("pb-reviewed"),
    ))
}

fn review_email(
    state: &AppState,
    process: &Process,
    project: &Project,
    status: ProjectStatus,
    note: &str,
    to: String,
    locale: &str,
) -> Email {
    let lang = crate::i18n::Lang::from_tag(locale).unwrap_or_default();
    let link = format!(
        "{}/budgets/{}/projects/{}",
        state.config.public_url.trim_end_matches('/'),
        process.slug,
        project.code
    );
    let key = match status {
        ProjectStatus::Rejected => "pb-review-email-rejected",
        _ => "pb-review-email-feasible",
    };
    Email {
        to,
        subject: lang.t1("pb-review-email-subject", "title", &project.title),
        body: lang.t_args(
            key,
            &[
                ("title", &project.title),
                ("process", &process.title),
                ("note", note),
                ("link", &link),
            ],
        ),
    }
}

// ------------------------------------------------------------------ the official's page

#[derive(Template)]
#[template(path = "budgets/templates/manage.html")]
pub(super) struct ManagePage {
    ctx: PageContext,
    process: Process,
    projects: Vec<Project>,
    voters: i64,
    ballots: i64,
    codes_made: i64,
    codes_used: i64,
    batches: Vec<PaperBatch>,
    next_phase: Option<String>,
    counted: bool,
    errors: FormErrors,
    /// Lines where the two typings of a batch differ: (batch label, line, first, second).
    mismatches: Vec<(String, usize, String, String)>,
    /// Codes just made, shown once to print.
    new_codes: Vec<String>,
}

impl ManagePage {
    fn turnout_summary(&self) -> String {
        self.ctx.lang.t_args(
            "pb-turnout-summary",
            &[
                ("voters", &self.voters.to_string()),
                ("ballots", &self.ballots.to_string()),
            ],
        )
    }

    fn codes_summary(&self) -> String {
        self.ctx.lang.t_args(
            "pb-codes-summary",
            &[
                ("made", &self.codes_made.to_string()),
                ("used", &self.codes_used.to_string()),
            ],
        )
    }

    fn waiting_review(&self) -> usize {
        self.projects
            .iter()
            .filter(|p| p.status == ProjectStatus::Proposed)
            .count()
    }
}

pub(super) async fn manage_page(
    state: &AppState,
    ctx: PageContext,
    process: Process,
    errors: FormErrors,
    new_codes: Vec<String>,
) -> AppResult<ManagePage> {
    let projects = store::projects(&state.db, &process.id).await?;
    let (voters, ballots) = store::turnout(&state.db, &process.id).await?;
    let (codes_made, codes_used) = store::code_counts(&state.db, &process.id).await?;
    let batches = store::paper_batches(&state.db, &process.id).await?;
    let mismatches = batches
        .iter()
        .filter(|b| !b.accepted)
        .filter_map(|b| Some((b, b.second_entry.as_ref()?)))
        .flat_map(|(b, second)| {
            differing_lines(&b.first_entry, second)
                .into_iter()
                .map(|(line, first, second)| (b.label.clone(), line, first, second))
        })
        .collect();
    let next_phase = process.phase.next().map(|p| ctx.t(&p.label_key()));
    let counted = store::results(&state.db, &process.id).await?.is_some();
    Ok(ManagePage {
        ctx,
        process,
        projects,
        voters,
        ballots,
        codes_made,
        codes_used,
        batches,
        next_phase,
        counted,
        errors,
        mismatches,
        new_codes,
    })
}

pub async fn manage(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    render(&manage_page(&state, ctx, process, FormErrors::new(), Vec::new()).await?)
}

/// Moves the process on; closing voting queues the count.
pub async fn advance(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    if process.phase == Phase::Review {
        let projects = store::projects(&state.db, &process.id).await?;
        if projects.iter().any(|p| p.status == ProjectStatus::Proposed) {
            let mut errors = FormErrors::new();
            errors.add(&ctx.lang, "advance", "error-pb-review-unfinished");
            let page = manage_page(&state, ctx, process, errors, Vec::new()).await?;
            return render_with(StatusCode::CONFLICT, &page);
        }
        if !projects.iter().any(|p| p.status == ProjectStatus::Feasible) {
            let mut errors = FormErrors::new();
            errors.add(&ctx.lang, "advance", "error-pb-nothing-feasible");
            let page = manage_page(&state, ctx, process, errors, Vec::new()).await?;
            return render_with(StatusCode::CONFLICT, &page);
        }
    }
    let moved = if process.phase == Phase::Voting {
        let job = CountJob {
            process_id: process.id.clone(),
            notify: Some((user.email.clone(), user.locale.clone())),
        };
        let closed = store::close_voting(
            &state.db,
            &state.ballot_seal,
            &process.id,
            Some(&job),
            &user.id,
        )
        .await?;
        state.jobs_waiting.notify_one();
        closed
    } else {
        store::advance_phase(&state.db, &process.id, process.phase).await?
    };
    if !moved {
        return Err(AppError::Conflict("error-pb-phase-moved"));
    }
    tracing::info!(by = %user.id, process = %process.id, from = process.phase.as_str(), "phase advanced");
    Ok(see_other(
        &format!("/budgets/{slug}/manage"),
        Some("pb-phase-advanced"),
    ))
}

// ------------------------------------------------------------------ paper ballots

/// Lines (1-based) where two typings of a batch differ, with both versions.
fn differing_lines(first: &str, second: &str) -> Vec<(usize, String, String)> {
    let a: Vec<&str> = first
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let b: Vec<&str> = second
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (0..a.len().max(b.len()))
        .filter(|&i| {
            a.get(i).map(|l| normalise_paper_line(l)) != b.get(i).map(|l| normalise_paper_line(l))
        })
        .map(|i| {
            (
                i + 1,
                a.get(i).unwrap_or(&"").to_string(),
                b.get(i).unwrap_or(&"").to_string(),
            )
        })
        .collect()
}

fn normalise_paper_line(line: &str) -> String {
    line.split([',', ' ', ';'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a typed batch: one ballot per line, projects separated by commas; for cumulative
/// ballots `code:points`. Every ballot is checked like an online one; errors name the line.
fn read_paper_batch(
    text: &str,
    process: &Process,
    choices: &[Choice],
) -> Result<Vec<Ballot>, (usize, String)> {
    let mut ballots = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut picks = Vec::new();
        for part in line.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
            let (code, points) = match part.split_once(':') {
                Some((code, points)) if process.format == BallotFormat::Cumulative => {
                    let points = points
                        .parse::<u32>()
                        .map_err(|_| (n + 1, format!("{points:?} is not a number of points")))?;
                    (code, points)
                }
                _ => (part, 1),
            };
            picks.push((code.to_string(), points));
        }
        let ballot = Ballot { picks };
        ballot
            .check_parts(&process.part_rules(), process.one_sub_budget, choices)
            .map_err(|e| (n + 1, e.to_string()))?;
        ballots.push(ballot);
    }
    Ok(ballots)
}

pub(super) fn choices(projects: &[Project]) -> Vec<Choice> {
    projects
        .iter()
        .filter(|p| p.status == ProjectStatus::Feasible)
        .map(|p| Choice {
            code: p.code.clone(),
            cost: p.current_cost(),
            part: p.sub_budget_id.clone(),
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PaperForm {
    label: String,
    ballots: String,
    batch: String,
}

/// The first typing of a batch starts it; the second, by another official, is compared
/// with it and, when they agree, adds the ballots.
pub async fn paper(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<PaperForm>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    if process.phase != Phase::Voting {
        return Err(AppError::Conflict("error-pb-not-voting"));
    }
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let projects = store::projects(&state.db, &process.id).await?;
    let choices = choices(&projects);
    let lines = form
        .ballots
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    if lines == 0 || lines > MAX_PAPER_LINES {
        errors.add(lang, "ballots", "field-paper-ballots-count");
    }
    let ballots = match read_paper_batch(&form.ballots, &process, &choices) {
        Ok(ballots) => ballots,
        Err((line, message)) => {
            errors.add_message(
                "ballots",
                lang.t_args(
                    "field-paper-ballots-line",
                    &[("line", &line.to_string()), ("error", &message)],
                ),
            );
            Vec::new()
        }
    };
    if errors.is_empty() {
        let batches = store::paper_batches(&state.db, &process.id).await?;
        match batches.iter().find(|b| b.id == form.batch) {
            None => {
                let label = forms::required_text(&mut errors, lang, "label", &form.label, 60);
                if errors.is_empty() {
                    if store::start_paper_batch(
                        &state.db,
                        &process.id,
                        &label,
                        &form.ballots,
                        &user.id,
                    )
                    .await?
                    {
                        return Ok(see_other(
                            &format!("/budgets/{slug}/manage#paper"),
                            Some("pb-paper-first"),
                        ));
                    }
                    errors.add(lang, "label", "field-paper-label-taken");
                }
            }
            Some(batch) if batch.first_by.as_deref() == Some(user.id.as_str()) => {
                errors.add(lang, "ballots", "field-paper-second-typist");
            }
            Some(batch) => {
                let agree = differing_lines(&batch.first_entry, &form.ballots).is_empty();
                let sealed: Vec<SealedBallot> = ballots
                    .iter()
                    .map(|b| {
                        SealedBallot::new(
                            &crate::web::session::random_token(),
                            b,
                            process.format,
                            None,
                        )
                    })
                    .collect();
                let added = agree.then_some(sealed.as_slice());
                store::finish_paper_batch(
                    &state.db,
                    &process.id,
                    &batch.id,
                    &form.ballots,
                    &user.id,
                    added,
                )
                .await?;
                let notice = if agree {
                    "pb-paper-accepted"
                } else {
                    "pb-paper-differs"
                };
                return Ok(see_other(
                    &format!("/budgets/{slug}/manage#paper"),
                    Some(notice),
                ));
            }
        }
    }
    let page = manage_page(&state, ctx, process, errors, Vec::new()).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn discard_paper(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, batch)): Path<(String, String)>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    store::discard_paper_batch(&state.db, &process.id, &batch).await?;
    Ok(see_other(
        &format!("/budgets/{slug}/manage#paper"),
        Some("pb-paper-discarded"),
    ))
}

// ------------------------------------------------------------------ implementation

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UpdateForm {
    implementation: String,
    body: String,
}

pub async fn add_update(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path((slug, code)): Path<(String, String)>,
    Form(form): Form<UpdateForm>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    if process.phase < Phase::Results {
        return Err(AppError::Conflict("error-pb-not-implementation"));
    }
    let project = project_of(&state, &process, &code).await?;
    let mut errors = FormErrors::new();
    let body = forms::required_text(&mut errors, &ctx.lang, "body", &form.body, 5000);
    let status = Implementation::parse(&form.implementation);
    if status.is_none() {
        errors.add(&ctx.lang, "implementation", "field-implementation-invalid");
    }
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        let page = project_page(&state, ctx, Some(&user), &slug, &code, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    store::add_update(&state.db, &project.id, status, &body, &user.id).await?;
    Ok(see_other(
        &format!("/budgets/{slug}/projects/{code}#progress"),
        Some("pb-update-added"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typings_of_a_batch_are_compared_line_by_line() {
        let first = "1,2\n3\n\n2, 4\n";
        assert!(differing_lines(first, "1 2\n3\n2,4").is_empty());
        assert_eq!(
            differing_lines(first, "1,2\n4\n2,4\n1"),
            vec![
                (2, "3".to_string(), "4".to_string()),
                (4, String::new(), "1".to_string())
            ]
        );
    }
}
