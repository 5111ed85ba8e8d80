use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, Question, Representative};
use crate::accounts::store as accounts;
use crate::areas::store as areas;
use crate::moderation::{check_posting_limit, sees_hidden};
use crate::roles;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

const MAX_QUESTION: usize = 2000;
const MAX_ANSWER: usize = 6000;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RepresentativeForm {
    email: String,
    area: String,
    role: String,
    party: String,
}

#[derive(Template)]
#[template(path = "representatives/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    representatives: Vec<Representative>,
    areas: Vec<(String, String)>,
    form: RepresentativeForm,
    errors: FormErrors,
}

async fn list_page(
    state: &AppState,
    ctx: PageContext,
    form: RepresentativeForm,
    errors: FormErrors,
) -> AppResult<ListPage> {
    Ok(ListPage {
        representatives: store::list(&state.db).await?,
        areas: areas::choices(&state.db).await?,
        ctx,
        form,
        errors,
    })
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    render(
        &list_page(
            &state,
            ctx,
            RepresentativeForm::default(),
            FormErrors::new(),
        )
        .await?,
    )
}

/// A site admin links an account to an area as its representative.
pub async fn add(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<RepresentativeForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-representatives-admins-only")?;
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let role = forms::required_text(&mut errors, &lang, "role", &form.role, 120);
    let party = forms::optional_text(&mut errors, &lang, "party", &form.party, 80);
    let person = accounts::find_by_email(&state.db, form.email.trim()).await?;
    if person.is_none() {
        errors.add(&lang, "email", "field-representative-email-unknown");
    }
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area", "field-area-missing");
    }
    if let (true, Some(person)) = (errors.is_empty(), person) {
        if store::add(&state.db, &person.id, &form.area, &role, &party).await? {
            return Ok(see_other("/representatives", Some("representative-added")));
        }
        errors.add(&lang, "email", "field-representative-already");
    }
    let page = list_page(&state, ctx, form, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "representatives/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    representative: Representative,
    questions: Vec<Question>,
    /// The representative themself: may answer.
    is_them: bool,
    errors: FormErrors,
    question: String,
}

impl ShowPage {
    /// "5 questions asked. 1 waiting for an answer. 80% answered."
    fn record(&self) -> String {
        let r = &self.representative;
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        let mut text = format!(
            "{} {}",
            self.ctx
                .t_count("representatives-record-asked", count(r.asked)),
            self.ctx
                .t_count("representatives-record-unanswered", count(r.unanswered()))
        );
        if let Some(rate) = r.response_rate() {
            text.push(' ');
            text.push_str(
                &self
                    .ctx
                    .t1("representatives-record-rate", "rate", &rate.to_string()),
            );
        }
        text
    }

    /// Whether the viewer sees why a hidden question is hidden (its author, moderators).
    fn sees_reason(&self, question: &Question) -> bool {
        sees_hidden(self.ctx.user.as_ref(), question.author_id.as_deref())
    }
}

async fn show_page(
    state: &AppState,
    ctx: PageContext,
    user: Option<&CurrentUser>,
    id: &str,
    errors: FormErrors,
    question: String,
) -> AppResult<ShowPage> {
    let representative = store::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ShowPage {
        questions: store::questions(&state.db, &representative.id).await?,
        is_them: user.is_some_and(|u| u.id == representative.user_id),
        ctx,
        representative,
        errors,
        question,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let page = show_page(
        &state,
        ctx,
        user.as_ref(),
        &id,
        FormErrors::new(),
        String::new(),
    )
    .await?;
    render(&page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QuestionForm {
    question: String,
}

pub async fn ask(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<QuestionForm>,
) -> AppResult<Response> {
    let representative = store::find(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::new();
    let question = forms::required_text(
        &mut errors,
        &ctx.lang,
        "question",
        &form.question,
        MAX_QUESTION,
    );
    if !errors.is_empty() {
        let page = show_page(&state, ctx, Some(&user), &id, errors, form.question).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    check_posting_limit(&state, &user).await?;
    let question_id = store::ask(&state.db, &representative.id, &user.id, &question).await?;
    Ok(see_other(
        &format!("/representatives/{id}#question-{question_id}"),
        Some("question-asked"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
}

/// The representative answers (or corrects their answer to) a question put to them.
pub async fn answer(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let (representative_id, representative_user) = store::question_owner(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    if representative_user != user.id {
        return Err(AppError::Forbidden("error-question-not-yours"));
    }
    let answer = form.answer.trim();
    if answer.is_empty() || answer.chars().count() > MAX_ANSWER {
        return Err(AppError::Conflict("error-answer-length"));
    }
    store::answer(&state.db, &id, answer).await?;
    Ok(see_other(
        &format!("/representatives/{representative_id}#question-{id}"),
        Some("question-answered"),
    ))
}
