//! The skills game on paper, for a table without a phone: the skill cards to cut out
//! (public, the same for every game), and a sheet per table listing every card with the
//! three answers to tick, topped by a QR code of the table's link so answers can be tapped
//! in later. That link is the table's secret, so the sheets are for the game's organisers.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::handlers::{is_organiser, session_by_slug};
use super::store::{self, Session};
use crate::paper::{self, Qr};
use crate::skills::store::Catalogue;
use crate::state::AppState;
use crate::web::{AppError, AppResult, PageContext, RequireUser, render};

#[derive(Template)]
#[template(path = "skillsgame/templates/cards.html")]
struct CardsPage {
    ctx: PageContext,
    session: Session,
    catalogue: Catalogue,
}

impl CardsPage {
    fn back(&self) -> String {
        format!("/skills-game/{}", self.session.slug)
    }
}

pub async fn cards(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let session = session_by_slug(&state, &slug).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    render(&CardsPage {
        ctx,
        session,
        catalogue,
    })
}

/// One table's sheet: its name and the code of its link (none once the game is closed, when
/// the link no longer takes answers).
struct TableSheet {
    name: String,
    qr: Option<Qr>,
}

#[derive(Template)]
#[template(path = "skillsgame/templates/sheets.html")]
struct SheetsPage {
    ctx: PageContext,
    session: Session,
    catalogue: Catalogue,
    tables: Vec<TableSheet>,
}

pub async fn sheets(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let session = session_by_slug(&state, &slug).await?;
    if !is_organiser(&state, Some(&user), &session).await? {
        return Err(AppError::Forbidden("error-needs-connector"));
    }
    let tables = store::tables(&state.db, &session.id)
        .await?
        .into_iter()
        .map(|table| {
            let link = paper::absolute_url(&state, &format!("/skills-game/play/{}", table.token));
            let qr = match session.closed {
                true => None,
                false => Some(paper::qr_of(&link)?),
            };
            Ok(TableSheet {
                name: table.name,
                qr,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    render(&SheetsPage {
        ctx,
        session,
        catalogue,
        tables,
    })
}
