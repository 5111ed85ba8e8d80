use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::matching::{self, Suggestion};
use super::search::{self, Combine};
use super::store::{
    self, ALL_STATUSES, InviteError, Match, MatchStatus, Message, NewMatch, NewPost, Post,
    PostFilter, PostKind, PostStatus, Transfer,
};
use crate::areas::store as areas;
use crate::assets::privacy::{ALL_VISIBILITIES, Viewer, Visibility};
use crate::assets::store::{self as assets, Asset};
use crate::assisted::{self, PersonFields};
use crate::i18n::Lang;
use crate::mail::Email;
use crate::moderation::check_posting_limit;
use crate::projects::store as projects;
use crate::skills::Catalogue;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, format_date, render, render_with,
    see_other,
};

const PAGE_SIZE: i64 = 30;
const MAX_TITLE: usize = 120;
const MAX_TEXT: usize = 4000;
const MAX_MESSAGE: usize = 2000;
/// The most time one match can credit: a long day's work.
const MAX_MINUTES: i64 = 24 * 60;
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn days_text(ctx: &PageContext, days: i64) -> String {
    if days == 0 {
        return ctx.t("help-any-day");
    }
    DAYS.iter()
        .enumerate()
        .filter(|(i, _)| days & (1 << i) != 0)
        .map(|(_, d)| ctx.t(&format!("help-day-{d}")))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn post_visible(state: &AppState, viewer: &Viewer, id: &str) -> AppResult<Post> {
    store::find_visible(&state.db, viewer, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A match, for one of its two people only.
async fn match_of(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Match> {
    let m = store::find_match(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !m.involves(&user.id) {
        return Err(AppError::Forbidden("error-help-not-yours"));
    }
    Ok(m)
}

/// Where to email someone (never shown on a page).
/// Where to write to someone, and in which language: their own, whoever's action it is.
async fn email_of(state: &AppState, user_id: &str) -> AppResult<(String, Lang)> {
    let user = crate::accounts::store::find(&state.db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = Lang::from_tag(&user.locale).unwrap_or_default();
    Ok((user.email, lang))
}

fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_url.trim_end_matches('/'))
}

// ------------------------------------------------------------------ lists

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    kind: String,
    status: String,
    card: String,
    area: String,
    q: String,
    /// The cursor: the last post shown, as "created_at.id".
    before: String,
}

#[derive(Template)]
#[template(path = "help/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    query: ListQuery,
    posts: Vec<Post>,
    next: Option<String>,
    searching: bool,
    catalogue: Catalogue,
    areas: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
}

impl ListPage {
    fn card_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .map(|c| self.catalogue.name(c))
            .unwrap_or_default()
    }

    fn next_link(&self, cursor: &str) -> String {
        let q = &self.query;
        serde_urlencoded::to_string([
            ("kind", q.kind.as_str()),
            ("status", q.status.as_str()),
            ("card", q.card.as_str()),
            ("area", q.area.as_str()),
            ("before", cursor),
        ])
        .map(|query| format!("/help?{query}"))
        .unwrap_or_default()
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(mut query): Query<ListQuery>,
) -> AppResult<Response> {
    let viewer = Viewer::of(ctx.user.as_ref());
    let area = crate::areas::from_filter(&state.db, &query.area).await?;
    query.area = area.as_ref().map(|a| a.slug.clone()).unwrap_or_default();
    let area_id = area.map(|a| a.id).unwrap_or_default();
    let searching = !query.q.trim().is_empty();
    let (posts, next) = if searching {
        let search = search::Query {
            text: &query.q,
            combine: Combine::All,
            kind: PostKind::parse(&query.kind),
            status: &query.status,
            area: &area_id,
            limit: 50,
        };
        let hits = state.help_search.search(&viewer, &search).await?;
        (hits.into_iter().map(|h| h.post).collect(), None)
    } else {
        let filter = PostFilter {
            kind: query.kind.clone(),
            status: query.status.clone(),
            card: query.card.clone(),
            area: area_id.clone(),
            project: String::new(),
        };
        let posts: Vec<Post> = store::list(
            &state.db,
            &viewer,
            &filter,
            forms::parse_cursor(&query.before),
            PAGE_SIZE,
        )
        .await?;
        let last = posts.last().map(|p| (p.created_at, p.id.as_str()));
        let next = forms::next_cursor(last, posts.len(), PAGE_SIZE);
        (posts, next)
    };
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let areas = areas::filter_choices(&state.db).await?;
    let statuses = forms::labelled(
        ALL_STATUSES,
        PostStatus::as_str,
        PostStatus::label_key,
        &ctx.lang,
    );
    render(&ListPage {
        ctx,
        query,
        posts,
        next,
        searching,
        catalogue,
        areas,
        statuses,
    })
}

// ------------------------------------------------------------------ posting

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PostForm {
    kind: String,
    card: String,
    area: String,
    title: String,
    body: String,
    timing: String,
    day_mon: Option<String>,
    day_tue: Option<String>,
    day_wed: Option<String>,
    day_thu: Option<String>,
    day_fri: Option<String>,
    day_sat: Option<String>,
    day_sun: Option<String>,
    visibility: String,
    project: String,
    /// Who it is for, when a connector enters it for someone who is not online.
    #[serde(flatten)]
    person: PersonFields,
}

impl PostForm {
    fn days(&self) -> i64 {
        [
            &self.day_mon,
            &self.day_tue,
            &self.day_wed,
            &self.day_thu,
            &self.day_fri,
            &self.day_sat,
            &self.day_sun,
        ]
        .iter()
        .enumerate()
        .filter(|(_, ticked)| ticked.is_some())
        .map(|(i, _)| 1 << i)
        .sum()
    }

    fn has_day(&self, index: &usize) -> bool {
        self.days() & (1 << index) != 0
    }
}

#[derive(Template)]
#[template(path = "help/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: PostForm,
    errors: FormErrors,
    kinds: Vec<(String, String)>,
    cards: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    visibilities: Vec<(String, String)>,
    projects: Vec<(String, String)>,
    days: Vec<(usize, String, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: PostForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let areas = areas::choices(&state.db).await?;
    let projects = projects::of_member(&state.db, &user.id)
        .await?
        .into_iter()
        .map(|p| (p.slug, p.title))
        .collect();
    let days = DAYS
        .iter()
        .enumerate()
        .map(|(i, d)| (i, (*d).to_string(), ctx.t(&format!("help-day-{d}"))))
        .collect();
    Ok(FormPage {
        kinds: forms::labelled(
            [PostKind::Offer, PostKind::Ask],
            PostKind::as_str,
            PostKind::label_key,
            &ctx.lang,
        ),
        visibilities: forms::labelled(
            ALL_VISIBILITIES,
            Visibility::as_str,
            Visibility::label_key,
            &ctx.lang,
        ),
        cards: catalogue.choices(),
        areas,
        projects,
        days,
        form,
        errors,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    kind: String,
    card: String,
    area: String,
    project: String,
    /// Filled in when an ask starts from elsewhere (an idea in a conversation).
    title: String,
    body: String,
    /// "1": entered for someone who is not online.
    for_someone: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let area = if query.area.is_empty() {
        crate::accounts::store::find(&state.db, &user.id)
            .await?
            .and_then(|u| u.home_area_id)
            .unwrap_or_default()
    } else {
        query.area
    };
    let form = PostForm {
        kind: if query.kind.is_empty() {
            "ask".into()
        } else {
            query.kind
        },
        card: query.card,
        area,
        project: query.project,
        title: query.title,
        body: query.body,
        visibility: "public".into(),
        person: if query.for_someone == "1" {
            assisted::entry_areas(&state, &user).await?;
            PersonFields::blank()
        } else {
            PersonFields::default()
        },
        ..PostForm::default()
    };
    render(&form_page(&state, ctx, &user, form, FormErrors::new()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<PostForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let kind = PostKind::parse(&form.kind);
    if kind.is_none() {
        errors.add(&lang, "kind", "field-help-kind-missing");
    }
    let catalogue = Catalogue::load(&state.db, &lang).await?;
    let card = form.card.trim();
    if !card.is_empty() && !catalogue.is_active(card) {
        errors.add(&lang, "card", "field-card-missing");
    }
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, MAX_TITLE);
    let body = forms::optional_text(&mut errors, &lang, "body", &form.body, MAX_TEXT);
    let timing = forms::optional_text(&mut errors, &lang, "timing", &form.timing, 200);
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area", "field-area-missing");
    }
    let visibility = Visibility::parse(&form.visibility);
    if visibility.is_none() {
        errors.add(&lang, "visibility", "field-visibility-missing");
    }
    let helping =
        assisted::helping_in_area(&state, &user, &mut errors, &lang, &form.person, &form.area)
            .await?;
    // A post entered for someone is theirs, not part of the helper's projects.
    let project_id = if form.project.is_empty() || helping.is_some() {
        None
    } else {
        let project = projects::find_by_slug(&state.db, &form.project).await?;
        match project {
            Some(p) if projects::is_member(&state.db, &p.id, &user.id).await? => Some(p.id),
            _ => {
                errors.add(&lang, "project", "field-project-not-member");
                None
            }
        }
    };
    let (Some(kind), Some(visibility), true) = (kind, visibility, errors.is_empty()) else {
        let page = form_page(&state, ctx, &user, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let post = NewPost {
        kind,
        area_id: &form.area,
        card_code: (!card.is_empty()).then_some(card),
        title: &title,
        body: &body,
        timing: &timing,
        days: form.days(),
        visibility,
        owner_id: &user.id,
        project_id: project_id.as_deref(),
    };
    if let Some(helping) = &helping {
        let id = store::create_for_someone(&state.db, &post, &helping.entry(), lang.code()).await?;
        let what = ctx.t1("assist-slip-help", "title", &title);
        let slip = assisted::Slip::new(helping, what, &state.config.public_url);
        let link = format!("/help/{id}");
        return assisted::slip_page(ctx, slip, Some(&link), "/help/new?for_someone=1");
    }
    check_posting_limit(&state, &user).await?;
    let id = store::create(&state.db, &post).await?;
    Ok(see_other(&format!("/help/{id}"), Some("help-posted")))
}

// ------------------------------------------------------------------ one post

#[derive(Template)]
#[template(path = "help/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    post: Post,
    card_name: String,
    days: String,
    is_owner: bool,
    suggestions: Vec<Suggestion>,
    people: Vec<Asset>,
    matches: Vec<Match>,
    statuses: Vec<(String, String)>,
    /// Entered by a connector for someone who is not online (never said by whom).
    with_help: bool,
}

impl ShowPage {
    fn reasons(&self, s: &Suggestion) -> String {
        s.reasons
            .iter()
            .map(|r| self.ctx.t(r.label_key()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let viewer = Viewer::of(ctx.user.as_ref());
    let post = post_visible(&state, &viewer, &id).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let is_owner = ctx.user.as_ref().is_some_and(|u| u.id == post.owner_id);
    let suggestions = if post.status == PostStatus::Open {
        matching::suggestions(&state.db, &state.help_search, &viewer, &catalogue, &post, 8).await?
    } else {
        Vec::new()
    };
    let people = match (&post.card_code, post.kind, is_owner, post.status) {
        (Some(card), PostKind::Ask, true, PostStatus::Open) => {
            assets::people_with_skill(&state.db, &viewer, card, &post.area_id, 6).await?
        }
        _ => Vec::new(),
    };
    let matches = if is_owner {
        store::matches_of_post(&state.db, &post.id).await?
    } else {
        Vec::new()
    };
    let card_name = post
        .card_code
        .as_deref()
        .map(|c| catalogue.name(c))
        .unwrap_or_default();
    let statuses = forms::labelled(
        post.status.owner_may_move_to().iter().copied(),
        PostStatus::as_str,
        PostStatus::label_key,
        &ctx.lang,
    );
    render(&ShowPage {
        with_help: crate::assisted::store::entered_with_help(&state.db, "help_post", &post.id)
            .await?,
        days: days_text(&ctx, post.days),
        card_name,
        is_owner,
        suggestions,
        people,
        matches,
        statuses,
        post,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
}

/// The owner withdraws, reopens or closes their post.
pub async fn set_status(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let post = post_visible(&state, &Viewer::of(Some(&user)), &id).await?;
    if post.owner_id != user.id {
        return Err(AppError::Forbidden("error-help-not-yours"));
    }
    let status = PostStatus::parse(&form.status)
        .filter(|s| post.status.owner_may_move_to().contains(s))
        .ok_or(AppError::Conflict("error-help-status"))?;
    store::set_status(&state.db, &post.id, status).await?;
    Ok(see_other(
        &format!("/help/{id}"),
        Some("help-status-changed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    /// The owner invites the owner of a suggested post...
    other_post: String,
    /// ...or someone who recorded the skill on the asset map.
    asset: String,
    message: String,
}

/// Starts a match. The post's owner invites someone suggested; anyone else who can see the
/// post answers it themselves ("I can help" on an ask, "I would like this" on an offer).
pub async fn invite(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let viewer = Viewer::of(Some(&user));
    let post = post_visible(&state, &viewer, &id).await?;
    if post.status != PostStatus::Open {
        return Err(AppError::Conflict("error-help-not-open"));
    }
    let message = form.message.trim();
    if message.is_empty() || message.chars().count() > MAX_MESSAGE {
        return Err(AppError::Conflict("error-help-message"));
    }
    let (other, other_post) = if post.owner_id == user.id {
        invitee_of_owner(&state, &viewer, &form).await?
    } else {
        (post.owner_id.clone(), None)
    };
    if other == user.id {
        return Err(AppError::Conflict("error-help-self"));
    }
    // On an ask the owner is helped; on an offer the owner helps.
    let (helper, helped) = match (post.kind, post.owner_id == user.id) {
        (PostKind::Ask, true) | (PostKind::Offer, false) => (other.as_str(), user.id.as_str()),
        (PostKind::Ask, false) | (PostKind::Offer, true) => (user.id.as_str(), other.as_str()),
    };
    let (to, lang) = email_of(&state, &other).await?;
    let email = Email {
        to,
        subject: lang.t1("help-mail-invite-subject", "title", &post.title),
        body: format!(
            "{}\n\n{}\n\n{}\n",
            lang.t_args(
                "help-mail-invite-body",
                &[("name", &user.display_name), ("title", &post.title)]
            ),
            message,
            link(&state, "/help/matches")
        ),
    };
    let new = NewMatch {
        post_id: &post.id,
        other_post_id: other_post.as_deref(),
        helper_id: helper,
        helped_id: helped,
        invited_by: &user.id,
        message,
    };
    match store::invite(&state.db, &new, Some((other.as_str(), &email))).await {
        Ok(match_id) => Ok(see_other(
            &format!("/help/matches/{match_id}"),
            Some("help-invited"),
        )),
        Err(InviteError::AlreadyInvited) => Err(AppError::Conflict("error-help-already-invited")),
        Err(InviteError::Other(e)) => Err(e.into()),
    }
}

/// Whom the owner is inviting: the owner of a post or an asset they can see.
async fn invitee_of_owner(
    state: &AppState,
    viewer: &Viewer,
    form: &InviteForm,
) -> AppResult<(String, Option<String>)> {
    if !form.other_post.is_empty() {
        let other = post_visible(state, viewer, &form.other_post).await?;
        return Ok((other.owner_id, Some(other.id)));
    }
    let asset = assets::find_visible(&state.db, viewer, &form.asset)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((asset.owner_id, None))
}

// ------------------------------------------------------------------ matches and threads

#[derive(Template)]
#[template(path = "help/templates/matches.html")]
struct MatchesPage {
    ctx: PageContext,
    matches: Vec<Match>,
    user_id: String,
}

impl MatchesPage {
    fn other_name(&self, m: &Match) -> String {
        m.other_of(&self.user_id).1.to_string()
    }
}

pub async fn my_matches(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let matches = store::matches_of_user(&state.db, &user.id).await?;
    render(&MatchesPage {
        ctx,
        matches,
        user_id: user.id,
    })
}

#[derive(Template)]
#[template(path = "help/templates/thread.html")]
struct ThreadPage {
    ctx: PageContext,
    m: Match,
    messages: Vec<Message>,
    other_name: String,
    can_answer: bool,
    can_complete: bool,
    /// What was typed into a form that comes back with an error.
    errors: FormErrors,
    typed: TypedThread,
}

/// The thread's forms as typed, given back with their errors.
#[derive(Default)]
struct TypedThread {
    body: String,
    thanks: String,
    hours: String,
}

impl ThreadPage {
    fn when(&self, message: &Message) -> String {
        format_date(&self.ctx.lang, message.created_at)
    }

    fn hours(&self) -> String {
        self.m
            .minutes
            .map(|m| {
                let exact = self.ctx.lang.decimal(m as f64 / 60.0, 2);
                // "1.50" reads "1.5", "2.00" reads "2" (and "1,5", "2" in Polish).
                exact
                    .trim_end_matches('0')
                    .trim_end_matches(['.', ','])
                    .to_string()
            })
            .unwrap_or_default()
    }
}

pub async fn thread(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let m = match_of(&state, &user, &id).await?;
    let page = thread_page(
        &state,
        ctx,
        &user,
        m,
        FormErrors::new(),
        TypedThread::default(),
    )
    .await?;
    render(&page)
}

async fn thread_page(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    m: Match,
    errors: FormErrors,
    typed: TypedThread,
) -> AppResult<ThreadPage> {
    let messages = store::messages(&state.db, &m.id).await?;
    let other_name = m.other_of(&user.id).1.to_string();
    Ok(ThreadPage {
        can_answer: m.status == MatchStatus::Invited && m.invitee() == user.id,
        can_complete: m.status == MatchStatus::Accepted && m.helped_id == user.id,
        other_name,
        messages,
        m,
        ctx,
        errors,
        typed,
    })
}

/// The thread again with the form's error beside its field and what was typed kept.
async fn thread_refused(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    m: Match,
    errors: FormErrors,
    typed: TypedThread,
) -> AppResult<Response> {
    let page = thread_page(state, ctx, user, m, errors, typed).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
}

pub async fn message(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<MessageForm>,
) -> AppResult<Response> {
    let m = match_of(&state, &user, &id).await?;
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > MAX_MESSAGE {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, "body", "error-help-message");
        let typed = TypedThread {
            body: form.body.clone(),
            ..TypedThread::default()
        };
        return thread_refused(&state, ctx, &user, m, errors, typed).await;
    }
    let (other, _) = m.other_of(&user.id);
    let (to, lang) = email_of(&state, other).await?;
    let email = Email {
        to,
        subject: lang.t1("help-mail-message-subject", "title", &m.post_title),
        body: format!(
            "{}\n\n{}\n\n{}\n",
            lang.t1("help-mail-message-body", "name", &user.display_name),
            body,
            link(&state, &format!("/help/matches/{}", m.id))
        ),
    };
    store::add_message(&state.db, &m.id, &user.id, body, Some((other, &email))).await?;
    Ok(see_other(&format!("/help/matches/{id}#latest"), None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReplyForm {
    accept: String,
}

/// The invitee accepts or declines.
pub async fn reply(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> AppResult<Response> {
    let m = match_of(&state, &user, &id).await?;
    if m.invitee() != user.id {
        return Err(AppError::Forbidden("error-help-not-invitee"));
    }
    let accept = form.accept == "yes";
    if !store::answer_invitation(&state.db, &m, accept).await? {
        return Err(AppError::Conflict("error-help-answered"));
    }
    let notice = if accept {
        "help-accepted"
    } else {
        "help-declined"
    };
    Ok(see_other(&format!("/help/matches/{id}"), Some(notice)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneForm {
    thanks: String,
    hours: String,
}

/// Parses hours given as "1.5" or "1,5" into whole minutes (at most a day).
fn minutes_of(hours: &str) -> Result<Option<i64>, ()> {
    let hours = hours.trim().replace(',', ".");
    if hours.is_empty() {
        return Ok(None);
    }
    let value: f64 = hours.parse().map_err(|_| ())?;
    let minutes = (value * 60.0).round() as i64;
    if value.is_finite() && (1..=MAX_MINUTES).contains(&minutes) {
        Ok(Some(minutes))
    } else {
        Err(())
    }
}

/// The person helped marks the match done, with a thank-you and optional time credits.
pub async fn done(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<DoneForm>,
) -> AppResult<Response> {
    let m = match_of(&state, &user, &id).await?;
    if m.helped_id != user.id {
        return Err(AppError::Forbidden("error-help-not-helped"));
    }
    let thanks = form.thanks.trim();
    let mut errors = FormErrors::new();
    if thanks.chars().count() > MAX_MESSAGE {
        errors.add(&ctx.lang, "thanks", "error-help-message");
    }
    let minutes = minutes_of(&form.hours);
    if minutes.is_err() {
        errors.add(&ctx.lang, "hours", "error-help-hours");
    }
    let minutes = match minutes {
        Ok(minutes) if errors.is_empty() => minutes,
        _ => {
            let typed = TypedThread {
                thanks: form.thanks,
                hours: form.hours,
                ..TypedThread::default()
            };
            return thread_refused(&state, ctx, &user, m, errors, typed).await;
        }
    };
    if !store::complete(&state.db, &m, thanks, minutes).await? {
        return Err(AppError::Conflict("error-help-not-accepted"));
    }
    Ok(see_other(&format!("/help/matches/{id}"), Some("help-done")))
}

// ------------------------------------------------------------------ time credits

#[derive(Template)]
#[template(path = "help/templates/credits.html")]
struct CreditsPage {
    ctx: PageContext,
    balance: i64,
    ledger: Vec<Transfer>,
}

impl CreditsPage {
    fn hours(&self, minutes: &i64) -> String {
        let sign = if *minutes < 0 { "−" } else { "+" };
        format!(
            "{sign}{}",
            self.ctx
                .lang
                .decimal(minutes.unsigned_abs() as f64 / 60.0, 2)
        )
    }

    fn when(&self, t: &Transfer) -> String {
        format_date(&self.ctx.lang, t.created_at)
    }
}

pub async fn credits(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let balance = store::balance(&state.db, &user.id).await?;
    let ledger = store::ledger(&state.db, &user.id).await?;
    render(&CreditsPage {
        ctx,
        balance,
        ledger,
    })
}

#[cfg(test)]
mod tests {
    use super::minutes_of;

    #[test]
    fn hours_become_minutes_within_a_day() {
        assert_eq!(minutes_of(""), Ok(None));
        assert_eq!(minutes_of("1.5"), Ok(Some(90)));
        assert_eq!(minutes_of("0,25"), Ok(Some(15)));
        assert_eq!(minutes_of("25"), Err(()));
        assert_eq!(minutes_of("-1"), Err(()));
        assert_eq!(minutes_of("NaN"), Err(()));
        assert_eq!(minutes_of("lots"), Err(()));
    }
}
