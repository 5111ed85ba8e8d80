use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, ForSomeone, Made};
use crate::reports::store::{self as reports, NewReport};
use crate::roles;
use crate::roles::policy::AreaAction;
use crate::state::AppState;
use crate::throttle::{self, Guesser};
use crate::web::forms::{self, FormErrors};
use crate::web::session::{CurrentUser, hash_token};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

const PAGE_SIZE: i64 = 50;
/// Claim codes: 10 characters of an alphabet that reads well on paper (about 50 bits).
const CODE_LENGTH: usize = 10;

/// The areas where the person may enter things for others (connectors, officials, admins).
async fn entry_areas(state: &AppState, user: &CurrentUser) -> AppResult<Vec<(String, String)>> {
    let areas = roles::areas_where(&state.db, user, AreaAction::OrganiseCommunity).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-assist-not-allowed"));
    }
    Ok(areas)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HubQuery {
    before: String,
}

#[derive(Template)]
#[template(path = "assisted/templates/hub.html")]
struct HubPage {
    ctx: PageContext,
    made: Vec<Made>,
    next: Option<String>,
}

/// Where entries for others start: the forms, and the entries this person made (paged).
pub async fn hub(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<HubQuery>,
) -> AppResult<Response> {
    entry_areas(&state, &user).await?;
    let made = store::made_by(
        &state.db,
        &user.id,
        forms::parse_cursor(&query.before),
        PAGE_SIZE,
    )
    .await?;
    let next = forms::next_cursor(
        made.last().map(|m| (m.created_at, m.id.as_str())),
        made.len(),
        PAGE_SIZE,
    );
    render(&HubPage { ctx, made, next })
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct ReportForm {
    person_name: String,
    phone: String,
    postal_address: String,
    consent_note: String,
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

struct Slip {
    person_name: String,
    title: String,
    code: String,
    public_url: String,
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
    let page = report_page(&state, ctx, &user, ReportForm::default(), FormErrors::new()).await?;
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
    let person_name =
        forms::required_text(&mut errors, &lang, "person_name", &form.person_name, 100);
    let phone = forms::optional_text(&mut errors, &lang, "phone", &form.phone, 40);
    let postal_address = forms::optional_text(
        &mut errors,
        &lang,
        "postal_address",
        &form.postal_address,
        300,
    );
    if errors.is_empty() && phone.is_empty() && postal_address.is_empty() {
        errors.add_message("phone", lang.t("field-assist-contact-missing"));
    }
    let consent_note =
        forms::required_text(&mut errors, &lang, "consent_note", &form.consent_note, 200);
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
    let code = crate::roles::store::printable_code(CODE_LENGTH);
    let code_hash = hash_token(&code);
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
        for_someone: Some(ForSomeone {
            person_name: &person_name,
            phone: &phone,
            postal_address: &postal_address,
            consent_note: &consent_note,
            entered_by: &user.id,
            claim_code_hash: &code_hash,
        }),
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
        ..ReportForm::default()
    };
    let mut page = report_page(&state, ctx, &user, next, FormErrors::new()).await?;
    page.slip = Some(Slip {
        person_name,
        title,
        code: format!("{}-{}", &code[..5], &code[5..]),
        public_url,
    });
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
    let Some((_, item_id)) = claimed else {
        let mut errors = FormErrors::new();
        errors.add_message("code", ctx.t("field-assist-code-invalid"));
        let code = form.code.trim().to_string();
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ClaimPage { ctx, code, errors },
        );
    };
    tracing::info!(user = %user.id, item = %item_id, "an entry made for someone was claimed");
    Ok(see_other(
        &format!("/reports/{item_id}"),
        Some("assist-claimed"),
    ))
}
