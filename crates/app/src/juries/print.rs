//! A jury's poster (public: it says only what the jury's page says). The letters with their
//! codes are printed from `letters.rs`, for those who run the jury.

use axum::extract::{Path, State};
use axum::response::Response;

use super::store;
use crate::paper::{self, Poster};
use crate::state::AppState;
use crate::web::{AppError, AppResult, PageContext};

pub async fn poster(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let jury = store::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = &ctx.lang;
    let mut facts = vec![
        (lang.t("paper-where"), jury.area_name.clone()),
        (lang.t("jury-closes-on"), lang.day(&jury.closes_on)),
    ];
    if !jury.meets_on.is_empty() {
        facts.push((lang.t("jury-meets-on"), lang.day(&jury.meets_on)));
    }
    let poster = Poster {
        kind: lang.t("paper-kind-jury"),
        title: jury.title.clone(),
        facts,
        text: paper::poster_text(&jury.purpose),
        call: lang.t("paper-call-jury"),
        path: format!("/juries/{}", jury.slug),
    };
    paper::poster(&state, ctx, poster)
}
