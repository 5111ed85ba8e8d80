//! Closing the loop: four weeks after a report is marked fixed, or after it has waited that
//! long with no answer, its reporter is emailed "Has this been fixed?" with a link for each
//! answer. The link opens a page with the answer chosen and one button (a link alone must
//! not change anything: mail scanners follow links); "not fixed" reopens a fixed report and
//! tells the organisation, "fixed" closes a waiting one.

use std::time::Duration;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, Answer, Answered, Follower, ToAsk};
use crate::db::now_ms;
use crate::i18n::Lang;
use crate::mail::Email;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::{hash_token, random_token};
use crate::web::{AppError, AppResult, PageContext, render, render_with, see_other};

/// Reports asked about per pass and kind.
const BATCH: i64 = 200;
/// How often the site looks for reporters to ask.
const EVERY: Duration = Duration::from_secs(300);
const MAX_COMMENT: usize = 2000;

/// Runs until the process stops.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = ask_due(&state, now_ms()).await {
            tracing::warn!(error = ?e, "asking reporters whether their reports were fixed");
        }
    }
}

/// Asks every reporter due the question at `now`; returns how many were asked.
pub async fn ask_due(state: &AppState, now: i64) -> anyhow::Result<usize> {
    let mut asked = 0;
    loop {
        let due = store::due_questions(&state.db, now, BATCH).await?;
        let mut asked_now = 0;
        for to_ask in &due {
            let token = random_token();
            let email = question_email(&state.config.public_url, to_ask, &token);
            if store::ask(&state.db, to_ask, &hash_token(&token), &email).await? {
                asked_now += 1;
            }
        }
        asked += asked_now;
        // A short batch means nothing is left; none asked means another pass has them.
        if (due.len() as i64) < BATCH || asked_now == 0 {
            break;
        }
    }
    if asked > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(asked)
}

/// The question, in the reporter's language, with a link for each answer.
fn question_email(public_url: &str, to_ask: &ToAsk, token: &str) -> Email {
    let lang = Lang::from_tag(&to_ask.locale).unwrap_or_default();
    let link = |answer: Answer| {
        format!(
            "{public_url}/reports/{}/fixed?token={token}&answer={}",
            to_ask.report_id,
            answer.as_str()
        )
    };
    let body_key = if to_ask.asked_about == "fixed" {
        "report-ask-body-fixed"
    } else {
        "report-ask-body-waiting"
    };
    Email {
        to: to_ask.email.clone(),
        subject: lang.t1("report-ask-subject", "title", &to_ask.title),
        body: lang.t_args(
            body_key,
            &[
                ("title", to_ask.title.as_str()),
                ("yes", &link(Answer::Fixed)),
                ("no", &link(Answer::NotFixed)),
                (
                    "link",
                    &format!("{public_url}/reports/{}", to_ask.report_id),
                ),
            ],
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerQuery {
    token: String,
    answer: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    token: String,
    answer: String,
    comment: String,
}

#[derive(Template)]
#[template(path = "reports/templates/fixed.html")]
struct AnswerPage {
    ctx: PageContext,
    report: store::Report,
    token: String,
    answer: String,
    comment: String,
    errors: FormErrors,
}

/// The question's page, the answer from the email's link chosen already.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<AnswerQuery>,
) -> AppResult<Response> {
    let (report, question) = waiting_question(&state, &id, &query.token).await?;
    if question.answered {
        return Err(AppError::Conflict("error-report-answered"));
    }
    let answer = Answer::parse(&query.answer)
        .map(Answer::as_str)
        .unwrap_or("");
    render(&AnswerPage {
        ctx,
        report,
        token: query.token,
        answer: answer.to_string(),
        comment: String::new(),
        errors: FormErrors::new(),
    })
}

/// The report and its question, by the token from the email (404 for anything else).
async fn waiting_question(
    state: &AppState,
    id: &str,
    token: &str,
) -> AppResult<(store::Report, store::Question)> {
    let question = store::question(&state.db, id, &hash_token(token.trim()))
        .await?
        .ok_or(AppError::NotFound)?;
    let report = store::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((report, question))
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let (report, _) = waiting_question(&state, &id, &form.token).await?;
    let mut errors = FormErrors::new();
    let answer = Answer::parse(&form.answer);
    if answer.is_none() {
        errors.add_message("answer", ctx.t("field-report-answer-missing"));
    }
    let comment = forms::optional_text(
        &mut errors,
        &ctx.lang,
        "comment",
        &form.comment,
        MAX_COMMENT,
    );
    let Some(answer) = answer.filter(|_| errors.is_empty()) else {
        let page = AnswerPage {
            ctx,
            report,
            token: form.token,
            answer: form.answer,
            comment: form.comment,
            errors,
        };
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let public_url = state.config.public_url.clone();
    let title = report.title.clone();
    let outcome = store::answer(
        &state.db,
        &id,
        &hash_token(form.token.trim()),
        (answer, &comment),
        |officials| not_fixed_notices(&public_url, &id, &title, &comment, officials),
    )
    .await?;
    if outcome == Answered::Nothing {
        return Err(AppError::Conflict("error-report-answered"));
    }
    let notice = match outcome {
        Answered::Nothing | Answered::Recorded => "report-answer-thanks",
        Answered::Reopened => "report-reopened",
        Answered::MarkedFixed => "report-confirmed-fixed",
    };
    state.jobs_waiting.notify_one();
    Ok(see_other(&format!("/reports/{id}"), Some(notice)))
}

/// Each official's notice and email that the reporter says it is not fixed, in their
/// language.
fn not_fixed_notices(
    public_url: &str,
    id: &str,
    title: &str,
    comment: &str,
    officials: &[Follower],
) -> (Vec<String>, Vec<Email>) {
    let link = format!("{public_url}/reports/{id}");
    let mut notices = Vec::new();
    let mut emails = Vec::new();
    for (_, email, locale) in officials {
        let lang = Lang::from_tag(locale).unwrap_or_default();
        notices.push(lang.t1("report-not-fixed-notice", "title", title));
        emails.push(Email {
            to: email.clone(),
            subject: lang.t1("report-not-fixed-subject", "title", title),
            body: lang.t_args(
                "report-not-fixed-body",
                &[("title", title), ("comment", comment), ("link", &link)],
            ),
        });
    }
    (notices, emails)
}
