use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::store::{self, Conversation, NewConversation, Post, TOPICS, topic_label_key};
use crate::areas::store as areas;
use crate::budgets::store as budgets;
use crate::i18n::Lang;
use crate::mail::Email;
use crate::moderation::{check_posting_limit, sees_hidden};
use crate::reports::store as reports;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::MaybeUser;
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

const MAX_POST: usize = 6000;
/// Conversations a page of the list shows.
const PAGE_SIZE: i64 = 30;

fn topic_choices(lang: &Lang) -> Vec<(String, String)> {
    TOPICS
        .iter()
        .map(|t| (t.to_string(), lang.t(&topic_label_key(t))))
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    area: String,
    topic: String,
    ideas: String,
    /// The last conversation shown (`updated_at.id`).
    before: String,
}

#[derive(Template)]
#[template(path = "conversations/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    query: ListQuery,
    conversations: Vec<Conversation>,
    areas: Vec<(String, String)>,
    topics: Vec<(String, String)>,
    /// The cursor of the next page, if there may be one.
    next: Option<String>,
}

impl ListPage {
    fn topic_name(&self, topic: &str) -> String {
        self.ctx.t(&topic_label_key(topic))
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(mut query): Query<ListQuery>,
) -> AppResult<Response> {
    let area = crate::areas::from_filter(&state.db, &query.area).await?;
    query.area = area.as_ref().map(|a| a.slug.clone()).unwrap_or_default();
    let area_id = area.map(|a| a.id).unwrap_or_default();
    let conversations = store::list(
        &state.db,
        &area_id,
        &query.topic,
        query.ideas == "yes",
        forms::parse_cursor(&query.before),
        PAGE_SIZE,
    )
    .await?;
    render(&ListPage {
        next: forms::next_cursor(
            conversations.last().map(|c| (c.updated_at, c.id.as_str())),
            conversations.len(),
            PAGE_SIZE,
        ),
        areas: areas::filter_choices(&state.db).await?,
        topics: topic_choices(&ctx.lang),
        ctx,
        query,
        conversations,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    area: String,
    topic: String,
    title: String,
    body: String,
    /// The report the conversation starts from, if any.
    report: String,
}

#[derive(Template)]
#[template(path = "conversations/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: StartForm,
    errors: FormErrors,
    areas: Vec<(String, String)>,
    topics: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: PageContext,
    form: StartForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    Ok(FormPage {
        areas: areas::choices(&state.db).await?,
        topics: topic_choices(&ctx.lang),
        ctx,
        form,
        errors,
    })
}

/// The form; `?report=<id>` starts from a reported problem, with its words filled in.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
    Query(query): Query<StartForm>,
) -> AppResult<Response> {
    let mut form = query;
    if let Some(report) = reports::find(&state.db, &form.report).await? {
        form.area = report.area_id;
        form.topic = "streets".into();
        form.title = report.title;
        form.body = report.description;
    } else {
        form.report.clear();
    }
    render(&form_page(&state, ctx, form, FormErrors::new()).await?)
}

pub async fn start(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<StartForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, &lang, "title", &form.title, 120);
    let body = forms::required_text(&mut errors, &lang, "body", &form.body, MAX_POST);
    if !TOPICS.contains(&form.topic.as_str()) {
        errors.add(&lang, "topic", "field-conversation-topic-invalid");
    }
    if areas::find(&state.db, &form.area).await?.is_none() {
        errors.add(&lang, "area", "field-area-missing");
    }
    let report = reports::find(&state.db, &form.report).await?;
    if !errors.is_empty() {
        let page = form_page(&state, ctx, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    check_posting_limit(&state, &user).await?;
    let conversation = NewConversation {
        area_id: &form.area,
        topic: &form.topic,
        title: &title,
        body: &body,
        author_id: &user.id,
        report_id: report.as_ref().map(|r| r.id.as_str()),
    };
    let id = store::start(&state.db, &conversation).await?;
    Ok(see_other(
        &format!("/conversations/{id}"),
        Some("conversation-started"),
    ))
}

#[derive(Template)]
#[template(path = "conversations/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    conversation: Conversation,
    posts: Vec<Post>,
    following: bool,
    /// Processes taking ideas, where an idea can become a proposal: (slug, title).
    budgets_taking_ideas: Vec<(String, String)>,
    errors: FormErrors,
    reply: String,
}

impl ShowPage {
    fn topic_name(&self) -> String {
        self.ctx.t(&topic_label_key(&self.conversation.topic))
    }

    /// One agrees with others' posts, not one's own.
    fn may_agree(&self, post: &Post) -> bool {
        self.ctx
            .user
            .as_ref()
            .is_some_and(|u| post.author_id.as_deref() != Some(u.id.as_str()))
    }

    fn sees_reason(&self, post: &Post) -> bool {
        sees_hidden(self.ctx.user.as_ref(), post.author_id.as_deref())
    }

    /// An ask for help starting from an idea.
    fn ask_link(&self, post: &Post) -> String {
        forms::ask_link(
            &self.conversation.area_id,
            &self.conversation.title,
            &post.body,
        )
    }

    /// A budget proposal starting from an idea.
    fn propose_link(&self, slug: &str, post: &Post) -> String {
        forms::proposal_link(slug, &self.conversation.title, &post.body)
    }
}

async fn show_page(
    state: &AppState,
    ctx: PageContext,
    id: &str,
    errors: FormErrors,
    reply: String,
) -> AppResult<ShowPage> {
    let conversation = store::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let following = match &ctx.user {
        Some(user) => store::follows(&state.db, id, &user.id).await?,
        None => false,
    };
    let budgets_taking_ideas = budgets::taking_ideas(&state.db).await?;
    Ok(ShowPage {
        posts: store::posts(&state.db, id).await?,
        ctx,
        conversation,
        following,
        budgets_taking_ideas,
        errors,
        reply,
    })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(_user): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    render(&show_page(&state, ctx, &id, FormErrors::new(), String::new()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReplyForm {
    body: String,
    idea: String,
}

pub async fn reply(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> AppResult<Response> {
    let conversation = store::find(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::new();
    let body = forms::required_text(&mut errors, &ctx.lang, "body", &form.body, MAX_POST);
    if !errors.is_empty() {
        let page = show_page(&state, ctx, &id, errors, form.body).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    check_posting_limit(&state, &user).await?;
    let public_url = state.config.public_url.clone();
    let title = conversation.title.clone();
    let who = user.display_name.clone();
    let post_id = store::reply(
        &state.db,
        &id,
        &user.id,
        &body,
        form.idea == "yes",
        |followers| reply_notices(&public_url, &id, &title, &who, followers),
    )
    .await?;
    state.jobs_waiting.notify_one();
    Ok(see_other(
        &format!("/conversations/{id}#post-{post_id}"),
        Some("conversation-replied"),
    ))
}

/// Each follower's site notice and email, both in that follower's own language.
pub fn reply_notices(
    public_url: &str,
    id: &str,
    title: &str,
    who: &str,
    followers: &[store::Follower],
) -> (Vec<String>, Vec<Email>) {
    let say = |lang: &Lang| {
        lang.t_args(
            "conversation-reply-notice",
            &[("who", who), ("title", title)],
        )
    };
    let emails = followers
        .iter()
        .map(|(_, to, locale)| {
            let lang = Lang::from_tag(locale).unwrap_or_default();
            Email {
                to: to.clone(),
                subject: lang.t1("conversation-reply-subject", "title", title),
                body: format!("{}\n\n{public_url}/conversations/{id}\n", say(&lang)),
            }
        })
        .collect();
    let notices = followers
        .iter()
        .map(|(_, _, locale)| say(&Lang::from_tag(locale).unwrap_or_default()))
        .collect();
    (notices, emails)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowForm {
    follow: String,
}

pub async fn follow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<FollowForm>,
) -> AppResult<Response> {
    store::find(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let follow = form.follow == "yes";
    store::set_following(&state.db, &id, &user.id, follow).await?;
    let notice = if follow {
        "conversation-following"
    } else {
        "conversation-unfollowed"
    };
    Ok(see_other(&format!("/conversations/{id}"), Some(notice)))
}

pub async fn agree(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(post_id): Path<String>,
) -> AppResult<Response> {
    let conversation = store::conversation_of(&state.db, &post_id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::toggle_agreement(&state.db, &post_id, &user.id).await?;
    Ok(see_other(
        &format!("/conversations/{conversation}#post-{post_id}"),
        None,
    ))
}
