//! A mapping exercise on paper, both public (they say what its page says, and no name from
//! the map): the poster, and the blank questionnaire, which asks what the online one asks
//! (about you, who you know and how, what you share) for someone to fill in by hand and an
//! organiser to type in.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::handlers::{FREQUENCIES, TIE_ROWS, exercise_by_slug};
use super::store::Exercise;
use crate::paper::{self, Poster};
use crate::skills::store::Catalogue;
use crate::state::AppState;
use crate::web::{AppResult, PageContext, render};

fn dates(lang: &crate::i18n::Lang, exercise: &Exercise) -> String {
    lang.t_args(
        "paper-days",
        &[
            ("from", &lang.day(&exercise.opens_on)),
            ("until", &lang.day(&exercise.closes_on)),
        ],
    )
}

pub async fn poster(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let lang = &ctx.lang;
    let poster = Poster {
        kind: lang.t("paper-kind-mapping"),
        title: exercise.title.clone(),
        facts: vec![
            (lang.t("paper-where"), exercise.area_name.clone()),
            (lang.t("paper-when"), dates(lang, &exercise)),
        ],
        text: paper::poster_text(&exercise.purpose),
        call: lang.t("paper-call-mapping"),
        path: format!("/mapping/{}", exercise.slug),
    };
    paper::poster(&state, ctx, poster)
}

#[derive(Template)]
#[template(path = "mapping/templates/questionnaire.html")]
struct Questionnaire {
    ctx: PageContext,
    exercise: Exercise,
    dates: String,
    frequencies: String,
    catalogue: Catalogue,
    tie_rows: usize,
}

impl Questionnaire {
    fn back(&self) -> String {
        format!("/mapping/{}", self.exercise.slug)
    }
}

pub async fn questionnaire(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let frequencies = FREQUENCIES
        .iter()
        .map(|f| ctx.t(&format!("mapping-often-{f}")))
        .collect::<Vec<_>>()
        .join(" / ");
    render(&Questionnaire {
        dates: dates(&ctx.lang, &exercise),
        ctx,
        exercise,
        frequencies,
        catalogue,
        tie_rows: TIE_ROWS,
    })
}
