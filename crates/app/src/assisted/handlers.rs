use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::person::{CODE_LENGTH, Helping, PersonFields, Slip, check_person, entry_areas};
use super::store::{self, Made};
use crate::reports::store::{self as reports, NewReport};
use crate::state::AppState;
use crate::throttle::{self, Guesser};
use crate::web::forms::{self, FormErrors};
use crate::web::session::{CurrentUser, hash_token};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HubQuery {
    before: String,
    /// "1": a site admin lists everyone's entries.
    everyone: String,
}

#[derive(Template)]
#[template(path = "assisted/templates/hub.html")]
struct HubPage {
    ctx: PageContext,
    made: Vec<Made>,
    next: Option<String>,
    /// A site admin's view of everyone's entries.
    everyone: bool,
    is_site_admin: bool,
}

/// Where entries for others start: the forms, and the entries this person made (paged).
pub async fn hub(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<HubQuery>,
) -> AppResult<Response> {
    entry_areas(&state, &user).await?;
    let everyone = user.is_admin && query.everyone == "1";
    let made = store::made_by(
        &state.db,
        (!everyone).then_some(user.id.as_str()),
        forms::parse_cursor(&query.before),
        PAGE_SIZE,
    )
    .await?;
    let next = forms::next_cursor(
        made.last().map(|m| (m.created_at, m.id.as_str())),
        made.len(),
        PAGE_SIZE,
    );
    render(&HubPage {
        ctx,
        made,
        next,
        everyone,
        is_site_admin: user.is_admin,
    })
}

/// Erases the details of the person an entry was made for, on their request: by whoever
/// made it, or a site admin.
pub async fn erase(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if !store::erase_details(&state.db, &id, &user.id, user.is_admin).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user = %user.id, entry = %id, "a helped person's details were erased");
    Ok(see_other("/assist", Some("assist-erased")))
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct ReportForm {
    #[serde(flatten)]
    person: PersonFields,
    category: String,
    area: String,
    title: String,
    description: String,
    address: String,
}

#[derive(Template)]
#[template(path = "assisted/templates/report.html")]
struct ReportPage {
    ctx: PageContext,
    form: ReportForm,
    categories: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    errors: FormErrors,
    /// After an entry: the slip to print for the resident (their name, the item, the code).
    slip: Option<Slip>,
}

async fn report_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: ReportForm,
    errors: FormErrors,
) -> AppResult<ReportPage> {
    let categories = reports::categories(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| (c.id, c.name))
        .collect();
    Ok(ReportPage {
        areas: entry_areas(state, user).await?,
        ctx,
        form,
        categories,
        errors,
        slip: None,
    })
}

pub async fn report_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let form = ReportForm {
        person: PersonFields::blank(),
        ..ReportForm::default()
    };
    let page = report_page(&state, ctx, &user, form, FormErrors::new()).await?;
    render(&page)
}

/// Records a report for a resident; answers with their slip and the next empty form.
pub async fn enter_report(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let person = check_person(&mut errors, &lang, &form.person);
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let description =
        forms::required_text(&mut errors, &lang, "description", &form.description, 5000);
    let address = forms::optional_text(&mut errors, &lang, "address", &form.address, 200);
    let categories = reports::categories(&state.db).await?;
    if !categories.iter().any(|c| c.active && c.id == form.category) {
        errors.add_message("category", lang.t("field-report-category-invalid"));
    }
    let areas = entry_areas(&state, &user).await?;
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add_message("area", lang.t("field-assist-area-invalid"));
    }
    if !errors.is_empty() {
        let page = report_page(&state, ctx, &user, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let helping = Helping::new(person, &user.id);
    let report = NewReport {
        category_id: &form.category,
        area_id: &form.area,
        title: &title,
        description: &description,
        latitude: None,
        longitude: None,
        address: &address,
        author_id: None,
        source: "assisted",
        photos: &[],
        for_someone: Some(helping.entry()),
    };
    let public_url = state.config.public_url.clone();
    reports::create(
        &state.db,
        &report,
        |id, officials| crate::reports::new_report_emails(&public_url, id, &title, officials),
        |locale| Some(crate::reports::new_report_notice(locale, &title)),
    )
    .await?;
    state.jobs_waiting.notify_one();
    // The next form keeps the category and area: a stack of forms is often one street's.
    let next = ReportForm {
        category: form.category.clone(),
        area: form.area.clone(),
        person: PersonFields::blank(),
        ..ReportForm::default()
    };
    let what = ctx.t1("assist-slip-report", "title", &title);
    let mut page = report_page(&state, ctx, &user, next, FormErrors::new()).await?;
    page.slip = Some(Slip::new(&helping, what, &public_url));
    render(&page)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClaimForm {
    code: String,
}

#[derive(Template)]
#[template(path = "assisted/templates/claim.html")]
struct ClaimPage {
    ctx: PageContext,
    code: String,
    errors: FormErrors,
}

pub async fn claim_form(ctx: PageContext, RequireUser(_user): RequireUser) -> AppResult<Response> {
    render(&ClaimPage {
        ctx,
        code: String::new(),
        errors: FormErrors::new(),
    })
}

/// Claims an item with the code from a slip. Wrong codes are throttled per account and per
/// client address; text that cannot be a code is not a guess and does not count.
pub async fn claim(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    guesser: Guesser,
    Form(form): Form<ClaimForm>,
) -> AppResult<Response> {
    let typed = crate::roles::store::code_as_typed(&form.code);
    let claimed = if typed.len() == CODE_LENGTH {
        let attempt = throttle::begin(&state, guesser.counters(), throttle::CODES_REFUSED).await?;
        let claimed = store::claim(&state.db, &hash_token(&typed), &user.id).await?;
        match claimed {
            Some(_) => attempt.succeeded(&state).await?,
            None => attempt.failed(),
        }
        claimed
    } else {
        None
    };
    let Some((kind, link)) = claimed else {
        let mut errors = FormErrors::new();
        errors.add_message("code", ctx.t("field-assist-code-invalid"));
        let code = form.code.trim().to_string();
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ClaimPage { ctx, code, errors },
        );
    };
    tracing::info!(user = %user.id, kind = %kind, "an entry made for someone was claimed");
    Ok(see_other(&link, Some("assist-claimed")))
}

// ------------------------------------------------------------------ a place at an event

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct RsvpForm {
    #[serde(flatten)]
    person: PersonFields,
}

#[derive(Template)]
#[template(path = "assisted/templates/rsvp.html")]
struct RsvpPage {
    ctx: PageContext,
    event: crate::events::store::Event,
    form: RsvpForm,
    errors: FormErrors,
}

async fn event_for_entry(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<crate::events::store::Event> {
    let event = crate::events::store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    super::require_in_area(state, user, &event.area_id).await?;
    Ok(event)
}

/// A place at an event for someone who booked on paper or by phone.
pub async fn rsvp_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = event_for_entry(&state, &user, &slug).await?;
    let form = RsvpForm {
        person: PersonFields::blank(),
    };
    render(&RsvpPage {
        ctx,
        event,
        form,
        errors: FormErrors::new(),
    })
}

pub async fn enter_rsvp(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<RsvpForm>,
) -> AppResult<Response> {
    let event = event_for_entry(&state, &user, &slug).await?;
    let mut errors = FormErrors::new();
    let person = check_person(&mut errors, &ctx.lang, &form.person);
    if !errors.is_empty() {
        let page = RsvpPage {
            ctx,
            event,
            form,
            errors,
        };
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let helping = Helping::new(person, &user.id);
    let taken = crate::events::store::rsvp_for_someone(
        &state.db,
        &event,
        &helping.entry(),
        ctx.lang.code(),
    )
    .await?;
    if taken.is_err() {
        return Err(AppError::Conflict("error-event-closed"));
    }
    state.jobs_waiting.notify_one();
    let what = ctx.t1("assist-slip-rsvp", "title", &event.title);
    let slip = Slip::new(&helping, what, &state.config.public_url);
    let link = format!("/events/{slug}");
    let again = format!("/assist/rsvp/{slug}");
    super::slip_page(ctx, slip, Some(&link), &again)
}
