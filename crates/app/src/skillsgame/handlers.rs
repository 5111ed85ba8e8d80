use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::results::{self, ALL_ANSWERS, Answer, Coverage};
use super::store::{self, CreateSessionError, NewSession, Session, Table};
use crate::events::store as events;
use crate::roles::{self, policy::AreaAction};
use crate::skills::Catalogue;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

const MAX_TABLES: usize = 30;

pub(super) async fn session_by_slug(state: &AppState, slug: &str) -> AppResult<Session> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

pub(super) async fn is_organiser(
    state: &AppState,
    user: Option<&CurrentUser>,
    session: &Session,
) -> AppResult<bool> {
    let action = AreaAction::OrganiseCommunity;
    roles::can_if_signed_in(&state.db, user, &session.area_id, action).await
}

fn active_cards(catalogue: &Catalogue) -> Vec<String> {
    catalogue.active().map(|c| c.code.clone()).collect()
}

// ------------------------------------------------------------------ sessions

#[derive(Template)]
#[template(path = "skillsgame/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    sessions: Vec<Session>,
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    let sessions = store::list(&state.db).await?;
    render(&ListPage { ctx, sessions })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SessionForm {
    title: String,
    slug: String,
    area: String,
    held_on: String,
    place: String,
    tables: String,
    /// The slug of the event it is played at, if any.
    event: String,
}

#[derive(Template)]
#[template(path = "skillsgame/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: SessionForm,
    errors: FormErrors,
    areas: Vec<(String, String)>,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(from): Query<FromEvent>,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::OrganiseCommunity).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-connector"));
    }
    let mut form = SessionForm {
        tables: "Table 1\nTable 2\nTable 3".into(),
        ..SessionForm::default()
    };
    // Started from an event's page: its title, area, day and place are filled in.
    if let Some(event) = events::find_by_slug(&state.db, &from.event).await? {
        form.held_on = state.zone.local_date(event.starts_at);
        form.title = event.title;
        form.area = event.area_id;
        form.place = event.place;
        form.event = event.slug;
    }
    render(&FormPage {
        ctx,
        form,
        errors: FormErrors::new(),
        areas,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FromEvent {
    event: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let areas = roles::areas_where(&state.db, &user, AreaAction::OrganiseCommunity).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-connector"));
    }
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let slug = if form.slug.trim().is_empty() {
        forms::slugify(&title)
    } else {
        forms::slugify(&form.slug)
    };
    if slug.is_empty() && !title.is_empty() {
        errors.add(&lang, "slug", "field-slug-invalid");
    }
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add(&lang, "area", "field-area-missing");
    }
    if forms::date(&form.held_on).is_none() {
        errors.add(&lang, "held_on", "field-date-invalid");
    }
    let place = forms::optional_text(&mut errors, &lang, "place", &form.place, 200);
    let tables: Vec<String> = form
        .tables
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(60).collect())
        .collect();
    if tables.is_empty() || tables.len() > MAX_TABLES {
        errors.add(&lang, "tables", "field-tables-invalid");
    }
    let event = events::find_by_slug(&state.db, &form.event).await?;
    if errors.is_empty() {
        let created = store::create(
            &state.db,
            &NewSession {
                area_id: &form.area,
                slug: &slug,
                title: &title,
                held_on: form.held_on.trim(),
                place: &place,
                tables: &tables,
                event_id: event.as_ref().map(|e| e.id.as_str()),
            },
            &user.id,
        )
        .await;
        match created {
            Ok(_) => {
                return Ok(see_other(
                    &format!("/skills-game/{slug}"),
                    Some("game-created"),
                ));
            }
            Err(CreateSessionError::SlugTaken) => errors.add(&lang, "slug", "field-slug-taken"),
            Err(CreateSessionError::Other(e)) => return Err(e.into()),
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            ctx,
            form,
            errors,
            areas,
        },
    )
}

/// One row of the comparison between tables.
pub struct TableResult {
    pub table: Table,
    pub coverage: Coverage,
}

#[derive(Template)]
#[template(path = "skillsgame/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    session: Session,
    tables: Vec<TableResult>,
    pooled: Coverage,
    organiser: bool,
    catalogue: Catalogue,
}

/// "Together you can do 40% of the 100 cards, 75% with friends."
fn coverage_sentence(ctx: &PageContext, coverage: &Coverage) -> String {
    ctx.lang.t_args(
        "game-coverage-sentence",
        &[
            ("we", &format!("{:.0}%", coverage.we_percent())),
            (
                "friends",
                &format!("{:.0}%", coverage.with_friends_percent()),
            ),
            ("cards", &coverage.cards.to_string()),
        ],
    )
}

impl ShowPage {
    fn sentence(&self, coverage: &Coverage) -> String {
        coverage_sentence(&self.ctx, coverage)
    }

    fn percent(&self, value: f64) -> String {
        format!("{value:.0}%")
    }

    fn card_name(&self, code: &str) -> String {
        self.catalogue.name(code)
    }
}

/// Results per table and pooled, the comparison, the gaps; organisers also get the links.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let session = session_by_slug(&state, &slug).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let cards = active_cards(&catalogue);
    let mut per_table: HashMap<String, HashMap<String, Answer>> = HashMap::new();
    for (table, card, answer) in store::answers(&state.db, &session.id).await? {
        per_table.entry(table).or_default().insert(card, answer);
    }
    let pooled = results::coverage(&cards, &results::pool(per_table.values()));
    let empty = HashMap::new();
    let tables = store::tables(&state.db, &session.id)
        .await?
        .into_iter()
        .map(|table| TableResult {
            coverage: results::coverage(&cards, per_table.get(&table.id).unwrap_or(&empty)),
            table,
        })
        .collect();
    let organiser = is_organiser(&state, ctx.user.as_ref(), &session).await?;
    render(&ShowPage {
        ctx,
        session,
        tables,
        pooled,
        organiser,
        catalogue,
    })
}

pub async fn close(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let session = session_by_slug(&state, &slug).await?;
    roles::require(
        &state.db,
        &user,
        &session.area_id,
        AreaAction::OrganiseCommunity,
    )
    .await?;
    store::close(&state.db, &session.id).await?;
    Ok(see_other(
        &format!("/skills-game/{slug}"),
        Some("game-closed"),
    ))
}

// ------------------------------------------------------------------ playing at a table

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlayQuery {
    card: String,
}

#[derive(Template)]
#[template(path = "skillsgame/templates/play.html")]
struct PlayPage {
    ctx: PageContext,
    session: Session,
    table: Table,
    token: String,
    /// The card to answer now (none when every card is answered).
    card: Option<(String, String, String)>,
    current: Option<Answer>,
    position: usize,
    coverage: Coverage,
    answers: Vec<(String, String)>,
    choices: Vec<(String, String)>,
}

impl PlayPage {
    fn sentence(&self) -> String {
        coverage_sentence(&self.ctx, &self.coverage)
    }

    fn progress(&self) -> String {
        self.ctx.lang.t_args(
            "game-progress",
            &[
                ("position", &self.position.to_string()),
                ("cards", &self.coverage.cards.to_string()),
            ],
        )
    }

    fn so_far(&self) -> String {
        let c = &self.coverage;
        self.ctx.lang.t_args(
            "game-so-far",
            &[
                ("answered", &c.answered.to_string()),
                ("we", &c.we.to_string()),
                ("friend", &c.friend.to_string()),
                ("nobody", &c.nobody.to_string()),
            ],
        )
    }

    fn is_current(&self, value: &str) -> bool {
        self.current.is_some_and(|a| a.as_str() == value)
    }
}

pub async fn play(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Query(query): Query<PlayQuery>,
) -> AppResult<Response> {
    let (table, session) = store::table_by_token(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let cards = active_cards(&catalogue);
    let answered: HashMap<String, Answer> = store::table_answers(&state.db, &table.id)
        .await?
        .into_iter()
        .collect();
    // The card asked for (to change an answer), else the first one not yet answered.
    let code = cards
        .iter()
        .find(|c| **c == query.card)
        .or_else(|| cards.iter().find(|c| !answered.contains_key(*c)));
    let card = code.map(|code| {
        let group = catalogue
            .group_of(code)
            .map(|g| g.name.clone())
            .unwrap_or_default();
        (code.clone(), catalogue.name(code), group)
    });
    let position = code
        .and_then(|c| cards.iter().position(|x| x == c))
        .map_or(cards.len(), |i| i + 1);
    let answers = cards
        .iter()
        .filter_map(|c| {
            answered.get(c).map(|a| {
                (
                    c.clone(),
                    format!("{}: {}", catalogue.name(c), ctx.t(&a.label_key())),
                )
            })
        })
        .collect();
    let choices = ALL_ANSWERS
        .iter()
        .map(|a| (a.as_str().to_string(), ctx.t(&a.label_key())))
        .collect();
    render(&PlayPage {
        current: code.and_then(|c| answered.get(c).copied()),
        coverage: results::coverage(&cards, &answered),
        card,
        position,
        answers,
        choices,
        session,
        table,
        token,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    card: String,
    answer: String,
}

/// Records one tap, then shows the next card.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let (table, session) = store::table_by_token(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    if session.closed {
        return Err(AppError::Conflict("error-game-closed"));
    }
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let answer = Answer::parse(&form.answer).ok_or(AppError::Conflict("error-game-answer"))?;
    if !catalogue.is_active(&form.card) {
        return Err(AppError::Conflict("error-game-answer"));
    }
    store::record(&state.db, &table.id, &form.card, answer).await?;
    Ok(see_other(&format!("/skills-game/play/{token}"), None))
}
