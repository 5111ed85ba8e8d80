use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::store::{self, About, Change, NewStory, ProviderSubject, Story, StoryStatus};
use crate::assisted::{self, PersonFields};
use crate::moderation::{check_posting_limit, sees_hidden};
use crate::organisations::store::{self as organisations, Organisation};
use crate::roles;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

const MAX_TEXT: usize = 6000;
const MAX_WIDGET_STORIES: i64 = 20;
const PAGE_SIZE: i64 = 50;

async fn story_by_id(state: &AppState, id: &str) -> AppResult<Story> {
    store::find(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// Whether the user responds for the story's provider: the organisation's officials (site
/// admins too), and a micro-provider who is a person.
async fn responds_for(state: &AppState, user: &CurrentUser, story: &Story) -> AppResult<bool> {
    Ok(user.is_admin
        || organisations::answers_for(&state.db, &story.organisation_id, &user.id).await?
        || store::is_the_provider(&state.db, story, &user.id).await?)
}

// ------------------------------------------------------------------ the list

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    organisation: String,
    /// An accredited provider's application id: the stories about them.
    provider: String,
    cursor: String,
}

#[derive(Template)]
#[template(path = "stories/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    stories: Vec<Story>,
    organisations: Vec<(String, String)>,
    query: ListQuery,
    /// The provider the list is about, by name.
    provider_name: Option<String>,
    next: Option<String>,
    /// The filters as a query string, for the next page's link.
    filters: String,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let all = organisations::list(&state.db, None, None).await?;
    let chosen = all.iter().find(|o| o.slug == query.organisation);
    let cursor = forms::parse_cursor(&query.cursor);
    // A provider whose stories are listed is named even after their accreditation ended.
    let provider_name = if query.provider.is_empty() {
        None
    } else {
        Some(
            store::provider_name(&state.db, &query.provider)
                .await?
                .ok_or(AppError::NotFound)?,
        )
    };
    let about = match (&provider_name, chosen) {
        (Some(_), _) => About::Provider(&query.provider),
        (None, Some(organisation)) => About::Organisation(&organisation.id),
        (None, None) => About::Everyone,
    };
    let stories = store::published_page(&state.db, about, cursor, PAGE_SIZE).await?;
    let next = forms::next_cursor(
        stories
            .last()
            .and_then(|s| s.published_at.map(|at| (at, s.id.as_str()))),
        stories.len(),
        PAGE_SIZE,
    );
    let filters = serde_urlencoded::to_string([
        ("organisation", query.organisation.as_str()),
        ("provider", query.provider.as_str()),
    ])
    .unwrap_or_default();
    render(&ListPage {
        ctx,
        stories,
        organisations: all.into_iter().map(|o| (o.slug, o.name)).collect(),
        query,
        provider_name,
        next,
        filters,
    })
}

// ------------------------------------------------------------------ telling a story

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StoryForm {
    organisation: String,
    /// An accredited provider's application id, when the story is about one.
    provider: String,
    service: String,
    title: String,
    body: String,
    good: String,
    better: String,
    /// Who it is for, when a connector enters it for someone who is not online.
    #[serde(flatten)]
    person: PersonFields,
}

#[derive(Template)]
#[template(path = "stories/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: StoryForm,
    errors: FormErrors,
    organisations: Vec<(String, String)>,
    /// The accredited provider the story is about, in place of choosing an organisation.
    provider: Option<ProviderSubject>,
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    form: StoryForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    let provider = provider_of(state, &form.provider).await?;
    let organisations = if provider.is_some() {
        Vec::new()
    } else {
        organisations::list(&state.db, None, None)
            .await?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect()
    };
    Ok(FormPage {
        ctx,
        form,
        errors,
        organisations,
        provider,
    })
}

/// The accredited provider named by a form (empty: none). One whose accreditation is not in
/// force is not found: the directory is where residents meet providers, and only those.
async fn provider_of(state: &AppState, id: &str) -> AppResult<Option<ProviderSubject>> {
    if id.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        store::provider_subject(&state.db, id, state.clock.now_ms())
            .await?
            .ok_or(AppError::NotFound)?,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    organisation: String,
    provider: String,
    /// "1": entered for someone who is not online.
    for_someone: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let person = if query.for_someone == "1" {
        assisted::entry_areas(&state, &user).await?;
        PersonFields::blank()
    } else {
        PersonFields::default()
    };
    let form = StoryForm {
        organisation: query.organisation,
        provider: query.provider,
        person,
        ..StoryForm::default()
    };
    render(&form_page(&state, ctx, form, FormErrors::new()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<StoryForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    // About a provider: filed under the organisation the provider belongs to or answers to.
    let provider = provider_of(&state, &form.provider).await?;
    let organisation_id = match &provider {
        Some(provider) => Some(provider.organisation_id.clone()),
        None => organisations::find_by_slug(&state.db, &form.organisation)
            .await?
            .map(|o| o.id),
    };
    if organisation_id.is_none() {
        errors.add(&lang, "organisation", "field-story-organisation-invalid");
    }
    let service = forms::optional_text(&mut errors, &lang, "service", &form.service, 120);
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let body = forms::required_text(&mut errors, &lang, "body", &form.body, MAX_TEXT);
    let good = forms::optional_text(&mut errors, &lang, "good", &form.good, MAX_TEXT);
    let better = forms::optional_text(&mut errors, &lang, "better", &form.better, MAX_TEXT);
    let helping = if form.person.is_for_someone() {
        assisted::entry_areas(&state, &user).await?;
        let person = assisted::check_person(&mut errors, &lang, &form.person);
        Some(assisted::Helping::new(person, &user.id))
    } else {
        None
    };
    if let (true, Some(organisation_id)) = (errors.is_empty(), organisation_id) {
        let story = NewStory {
            organisation_id: &organisation_id,
            provider_id: provider.as_ref().map(|p| p.application_id.as_str()),
            service: &service,
            title: &title,
            body: &body,
            good: &good,
            better: &better,
            author_id: helping.is_none().then_some(user.id.as_str()),
            for_someone: helping.as_ref().map(|h| h.entry()),
        };
        if let Some(helping) = &helping {
            store::create(&state.db, &story).await?;
            let what = ctx.t1("assist-slip-story", "title", &title);
            let slip = assisted::Slip::new(helping, what, &state.config.public_url);
            // The story waits for moderation, so there is no page to see yet.
            return assisted::slip_page(ctx, slip, None, "/stories/new?for_someone=1");
        }
        check_posting_limit(&state, &user).await?;
        let id = store::create(&state.db, &story).await?;
        return Ok(see_other(&format!("/stories/{id}"), Some("story-sent")));
    }
    let page = form_page(&state, ctx, form, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

// ------------------------------------------------------------------ a story's page

#[derive(Template)]
#[template(path = "stories/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    story: Story,
    can_respond: bool,
    changes: Vec<(String, String)>,
    errors: FormErrors,
    /// Who the response is from: the organisation, or a provider who is a person when they
    /// wrote it themselves.
    response_from: String,
    /// Entered by a connector for someone who is not online (never said by whom).
    with_help: bool,
}

async fn response_from(state: &AppState, story: &Story) -> AppResult<String> {
    if let (Some((_, name)), Some(by)) = (&story.provider, &story.responded_by)
        && store::is_the_provider(&state.db, story, by).await?
    {
        return Ok(name.clone());
    }
    Ok(story.organisation_name.clone())
}

impl ShowPage {
    fn change_value(&self) -> String {
        self.story.change.as_str().to_string()
    }
}

fn change_choices(ctx: &PageContext) -> Vec<(String, String)> {
    [Change::None, Change::Planned, Change::Made]
        .into_iter()
        .map(|c| (c.as_str().to_string(), ctx.t(c.label_key())))
        .collect()
}

/// A published story is everyone's; before that (or once hidden) only its author and
/// moderators see it.
async fn visible_story(state: &AppState, user: Option<&CurrentUser>, id: &str) -> AppResult<Story> {
    let story = story_by_id(state, id).await?;
    let public = story.status == StoryStatus::Published && story.hidden_reason.is_empty();
    if public || sees_hidden(user, story.author_id.as_deref()) {
        Ok(story)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let story = visible_story(&state, user.as_ref(), &id).await?;
    let can_respond = match &user {
        Some(user) => {
            story.status == StoryStatus::Published && responds_for(&state, user, &story).await?
        }
        None => false,
    };
    render(&ShowPage {
        with_help: crate::assisted::store::entered_with_help(&state.db, "story", &story.id).await?,
        changes: change_choices(&ctx),
        response_from: response_from(&state, &story).await?,
        ctx,
        story,
        can_respond,
        errors: FormErrors::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResponseForm {
    response: String,
    change: String,
}

pub async fn respond(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ResponseForm>,
) -> AppResult<Response> {
    let story = story_by_id(&state, &id).await?;
    if story.status != StoryStatus::Published || !responds_for(&state, &user, &story).await? {
        return Err(AppError::Forbidden("error-story-providers-only"));
    }
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let response = forms::required_text(&mut errors, &lang, "response", &form.response, MAX_TEXT);
    let change = Change::parse(&form.change);
    if change.is_none() {
        errors.add(&lang, "change", "field-story-change-invalid");
    }
    if let (true, Some(change)) = (errors.is_empty(), change) {
        store::respond(&state.db, &story.id, &response, change, &user.id).await?;
        return Ok(see_other(
            &format!("/stories/{id}#response"),
            Some("story-responded"),
        ));
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &ShowPage {
            with_help: crate::assisted::store::entered_with_help(&state.db, "story", &story.id)
                .await?,
            changes: change_choices(&ctx),
            response_from: response_from(&state, &story).await?,
            ctx,
            story,
            can_respond: true,
            errors,
        },
    )
}

// ------------------------------------------------------------------ moderation

#[derive(Template)]
#[template(path = "stories/templates/moderate.html")]
struct ModeratePage {
    ctx: PageContext,
    stories: Vec<Story>,
    /// The story whose decision came back with an error, and what was typed for it.
    refused: String,
    errors: FormErrors,
    note: String,
}

impl ModeratePage {
    /// The note's field id: "note" for the story that came back with an error (so the error
    /// summary's link reaches it), "note-<id>" for the others.
    fn note_id(&self, story: &Story) -> String {
        if story.id == self.refused {
            "note".to_string()
        } else {
            format!("note-{}", story.id)
        }
    }
}

pub async fn moderation_queue(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-story-moderators-only")?;
    let stories = store::pending(&state.db).await?;
    render(&ModeratePage {
        ctx,
        stories,
        refused: String::new(),
        errors: FormErrors::new(),
        note: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ModerateForm {
    decision: String,
    note: String,
}

pub async fn moderate(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ModerateForm>,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-story-moderators-only")?;
    let note = form.note.trim();
    let publish = match form.decision.as_str() {
        "publish" => true,
        "reject" if !note.is_empty() => false,
        "reject" => {
            // The queue again, the reason asked for beside this story's note.
            let mut errors = FormErrors::new();
            errors.add(&ctx.lang, "note", "error-story-reason-needed");
            let stories = store::pending(&state.db).await?;
            let page = ModeratePage {
                ctx,
                stories,
                refused: id,
                errors,
                note: form.note.clone(),
            };
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        _ => return Err(AppError::Conflict("error-story-decision-invalid")),
    };
    if !store::moderate(&state.db, &id, publish, note).await? {
        return Err(AppError::Conflict("error-story-already-moderated"));
    }
    let notice = if publish {
        "story-published"
    } else {
        "story-rejected"
    };
    Ok(see_other("/stories/moderate", Some(notice)))
}

// ------------------------------------------------------------------ the widget

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WidgetQuery {
    pagesize: Option<i64>,
    format: String,
}

#[derive(Template)]
#[template(path = "stories/templates/widget.html")]
struct WidgetPage {
    ctx: PageContext,
    organisation: Organisation,
    stories: Vec<Story>,
    public_url: String,
}

/// The widget's own policy: it may be framed by any site (the one page that may), loads
/// nothing but the site's style sheet, runs no script, and opens links in a new tab.
const WIDGET_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
    base-uri 'none'; form-action 'none'; frame-ancestors *";

/// An organisation's newest published stories as a small page to put in an `<iframe>`,
/// or as JSON (`?format=json`, or `Accept: application/json`).
pub async fn widget(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let organisation = organisations::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let size = query.pagesize.unwrap_or(4).clamp(1, MAX_WIDGET_STORIES);
    let stories =
        store::published_page(&state.db, About::Organisation(&organisation.id), None, size).await?;
    let wants_json = query.format == "json"
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
    if wants_json {
        let base = &state.config.public_url;
        let stories: Vec<serde_json::Value> = stories
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id,
                    "url": format!("{base}/stories/{}", s.id),
                    "service": s.service,
                    "title": s.title,
                    "story": s.body,
                    "good": s.good,
                    "better": s.better,
                    "author": s.author_name,
                    "published_at": s.published_at,
                    "response": s.response,
                    "change": s.change.as_str(),
                })
            })
            .collect();
        let body = serde_json::json!({
            "organisation": {"slug": organisation.slug, "name": organisation.name},
            "stories": stories,
        });
        return Ok(axum::Json(body).into_response());
    }
    let page = WidgetPage {
        ctx,
        organisation,
        stories,
        public_url: state.config.public_url.clone(),
    };
    let mut response = render(&page)?;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(WIDGET_POLICY),
    );
    Ok(response)
}
