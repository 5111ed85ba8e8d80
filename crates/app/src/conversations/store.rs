//! All SQL about conversations: threads, posts, agreement, followers.

use anyhow::Context;
use sqlx::Row;

use crate::db::{Db, new_id, now_ms};
use crate::mail::Email;
pub use crate::reports::store::Follower;
use crate::reports::store::tell_followers;

/// The topics a thread can be about.
pub const TOPICS: [&str; 9] = [
    "streets",
    "green-spaces",
    "housing",
    "health",
    "young-people",
    "older-people",
    "safety",
    "culture",
    "other",
];

pub fn topic_label_key(topic: &str) -> String {
    format!("conversation-topic-{topic}")
}

#[derive(Clone, Debug)]
pub struct Conversation {
    pub id: String,
    pub area_id: String,
    pub area_name: String,
    pub topic: String,
    pub title: String,
    pub author_name: Option<String>,
    pub report_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub replies: i64,
    pub ideas: i64,
}

macro_rules! select_conversation {
    () => {
        "SELECT c.id, c.area_id, a.name AS area_name, c.topic, c.title, \
         u.display_name AS author_name, c.report_id, c.created_at, c.updated_at, \
         (SELECT COUNT(*) - 1 FROM conversation_posts p WHERE p.conversation_id = c.id) AS replies, \
         (SELECT COUNT(*) FROM conversation_posts p WHERE p.conversation_id = c.id AND p.idea \
            AND p.hidden_reason = '') AS ideas \
         FROM conversations c JOIN areas a ON a.id = c.area_id \
         LEFT JOIN users u ON u.id = c.author_id"
    };
}

fn conversation_from_row(row: &sqlx::any::AnyRow) -> anyhow::Result<Conversation> {
    Ok(Conversation {
        id: row.try_get("id")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        topic: row.try_get("topic")?,
        title: row.try_get("title")?,
        author_name: row.try_get("author_name")?,
        report_id: row.try_get("report_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        replies: row.try_get("replies")?,
        ideas: row.try_get("ideas")?,
    })
}

/// Threads most recently active first, narrowed by area (and areas inside it) and topic;
/// Conversations in an area and the areas inside it (`""`: everywhere), on a topic (`""`:
/// any), most recently active first, after the cursor `(updated_at, id)` of the last one
/// shown, if given.
pub async fn list(
    db: &Db,
    area: &str,
    topic: &str,
    with_ideas: bool,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Conversation>> {
    let (before_at, before_id) = before.unwrap_or((i64::MAX, "\u{10FFFF}"));
    let rows = sqlx::query(concat!(
        "SELECT * FROM (",
        select_conversation!(),
        " WHERE ($1 = '' OR ",
        crate::in_area_tree!("c.area_id", "$1"),
        ") AND ($2 = '' OR c.topic = $2) \
           AND c.updated_at <= $4 AND (c.updated_at < $4 OR (c.updated_at = $4 AND c.id < $5))) AS t \
         WHERE ($3 = 0 OR t.ideas > 0) ORDER BY t.updated_at DESC, t.id DESC LIMIT $6"
    ))
    .bind(area)
    .bind(topic)
    .bind(i32::from(with_ideas))
    .bind(before_at)
    .bind(before_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing conversations")?;
    rows.iter().map(conversation_from_row).collect()
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Conversation>> {
    let row = sqlx::query(concat!(select_conversation!(), " WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a conversation")?;
    row.as_ref().map(conversation_from_row).transpose()
}

pub struct NewConversation<'a> {
    pub area_id: &'a str,
    pub topic: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub author_id: &'a str,
    pub report_id: Option<&'a str>,
}

/// Starts a thread with its opening post; its author follows it. Returns its id.
pub async fn start(db: &Db, conversation: &NewConversation<'_>) -> anyhow::Result<String> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    sqlx::query(
        "INSERT INTO conversations (id, area_id, topic, title, author_id, report_id, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(conversation.area_id)
    .bind(conversation.topic)
    .bind(conversation.title)
    .bind(conversation.author_id)
    .bind(conversation.report_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("starting a conversation")?;
    insert_post(
        &mut *tx,
        &id,
        conversation.author_id,
        conversation.body,
        false,
        now,
    )
    .await?;
    sqlx::query(
        "INSERT INTO conversation_followers (conversation_id, user_id, created_at) \
         VALUES ($1, $2, $3)",
    )
    .bind(&id)
    .bind(conversation.author_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("following one's own conversation")?;
    tx.commit().await.context("committing a conversation")?;
    Ok(id)
}

async fn insert_post<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    conversation_id: &str,
    author_id: &str,
    body: &str,
    idea: bool,
    now: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO conversation_posts (id, conversation_id, author_id, body, idea, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(conversation_id)
    .bind(author_id)
    .bind(body)
    .bind(idea)
    .bind(now)
    .execute(db)
    .await
    .context("storing a post")?;
    Ok(id)
}

/// Adds a reply, touches the thread, and tells its followers (but the writer) on the site
/// and by the emails `tell` makes, in one transaction. Returns the reply's id.
pub async fn reply(
    db: &Db,
    conversation_id: &str,
    author_id: &str,
    body: &str,
    idea: bool,
    tell: impl FnOnce(&[Follower]) -> (Vec<String>, Vec<Email>),
) -> anyhow::Result<String> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let id = insert_post(&mut *tx, conversation_id, author_id, body, idea, now).await?;
    sqlx::query("UPDATE conversations SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(conversation_id)
        .execute(&mut *tx)
        .await
        .context("touching a conversation")?;
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.locale FROM conversation_followers f \
         JOIN users u ON u.id = f.user_id WHERE f.conversation_id = $1 AND u.id <> $2 \
         ORDER BY u.email",
    )
    .bind(conversation_id)
    .bind(author_id)
    .fetch_all(&mut *tx)
    .await
    .context("finding a conversation's followers")?;
    let followers: Vec<Follower> = rows
        .iter()
        .map(|row| {
            Ok((
                row.try_get("id")?,
                row.try_get("email")?,
                row.try_get("locale")?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    let (notices, emails) = tell(&followers);
    let link = format!("/conversations/{conversation_id}#post-{id}");
    let kind = crate::notifications::Kind::Following;
    tell_followers(&mut tx, kind, &followers, (&notices, &link), &emails).await?;
    tx.commit().await.context("committing a reply")?;
    Ok(id)
}

#[derive(Clone, Debug)]
pub struct Post {
    pub id: String,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub body: String,
    pub idea: bool,
    pub created_at: i64,
    pub hidden_reason: String,
    pub agreements: i64,
}

/// The thread's posts, the opening one first.
pub async fn posts(db: &Db, conversation_id: &str) -> anyhow::Result<Vec<Post>> {
    let rows = sqlx::query(
        "SELECT p.id, p.author_id, u.display_name AS author_name, p.body, \
         CASE WHEN p.idea THEN 1 ELSE 0 END AS idea, p.created_at, p.hidden_reason, \
         (SELECT COUNT(*) FROM conversation_agreements g WHERE g.post_id = p.id) AS agreements \
         FROM conversation_posts p LEFT JOIN users u ON u.id = p.author_id \
         WHERE p.conversation_id = $1 ORDER BY p.created_at, p.id",
    )
    .bind(conversation_id)
    .fetch_all(db)
    .await
    .context("listing a conversation's posts")?;
    rows.iter()
        .map(|row| {
            Ok(Post {
                id: row.try_get("id")?,
                author_id: row.try_get("author_id")?,
                author_name: row.try_get("author_name")?,
                body: row.try_get("body")?,
                idea: row.try_get::<i32, _>("idea")? == 1,
                created_at: row.try_get("created_at")?,
                hidden_reason: row.try_get("hidden_reason")?,
                agreements: row.try_get("agreements")?,
            })
        })
        .collect()
}

/// The conversation a post belongs to.
pub async fn conversation_of(db: &Db, post_id: &str) -> anyhow::Result<Option<String>> {
    sqlx::query_scalar("SELECT conversation_id FROM conversation_posts WHERE id = $1")
        .bind(post_id)
        .fetch_optional(db)
        .await
        .context("finding a post's conversation")
}

/// Agrees with a post, or takes the agreement back; returns whether the user now agrees.
/// Agrees with a post, or takes the agreement back. Nobody agrees with their own post: the
/// insert finds no row to add then.
pub async fn toggle_agreement(db: &Db, post_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let removed =
        sqlx::query("DELETE FROM conversation_agreements WHERE post_id = $1 AND user_id = $2")
            .bind(post_id)
            .bind(user_id)
            .execute(db)
            .await
            .context("taking an agreement back")?;
    if removed.rows_affected() > 0 {
        return Ok(false);
    }
    let added = sqlx::query(
        "INSERT INTO conversation_agreements (post_id, user_id, created_at) \
         SELECT id, $2, $3 FROM conversation_posts \
         WHERE id = $1 AND (author_id IS NULL OR author_id <> $2) \
         ON CONFLICT (post_id, user_id) DO NOTHING",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(now_ms())
    .execute(db)
    .await
    .context("agreeing with a post")?;
    Ok(added.rows_affected() == 1)
}

pub async fn follows(db: &Db, conversation_id: &str, user_id: &str) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM conversation_followers WHERE conversation_id = $1 AND user_id = $2",
    )
    .bind(conversation_id)
    .bind(user_id)
    .fetch_optional(db)
    .await
    .context("reading a follower")?;
    Ok(found.is_some())
}

pub async fn set_following(
    db: &Db,
    conversation_id: &str,
    user_id: &str,
    follow: bool,
) -> anyhow::Result<()> {
    let sql = if follow {
        "INSERT INTO conversation_followers (conversation_id, user_id, created_at) \
         VALUES ($1, $2, $3) ON CONFLICT (conversation_id, user_id) DO NOTHING"
    } else {
        "DELETE FROM conversation_followers WHERE conversation_id = $1 AND user_id = $2 \
         AND $3 >= 0"
    };
    sqlx::query(sql)
        .bind(conversation_id)
        .bind(user_id)
        .bind(now_ms())
        .execute(db)
        .await
        .context("following a conversation")?;
    Ok(())
}

/// The threads most recently active in an area and the areas inside it (`""`: everywhere),
/// at most `limit` (conversations_area_updated serves it).
pub async fn newest(db: &Db, area_id: &str, limit: i64) -> anyhow::Result<Vec<Conversation>> {
    let rows = sqlx::query(concat!(
        select_conversation!(),
        " WHERE ($1 = '' OR ",
        crate::in_area_tree!("c.area_id", "$1"),
        ") ORDER BY c.updated_at DESC, c.id DESC LIMIT $2"
    ))
    .bind(area_id)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("listing the newest conversations")?;
    rows.iter().map(conversation_from_row).collect()
}
