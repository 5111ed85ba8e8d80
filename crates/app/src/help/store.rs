//! All SQL about offers and asks, matches, their messages and time credits, and what the
//! search index (`search`) reads. Every read of posts for a viewer goes through the privacy
//! condition; the index reads every post, but only ids come out of it.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::assets::privacy::{Viewer, Visibility};
use crate::db::{Db, is_unique_violation, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostKind {
    Offer,
    Ask,
}

impl PostKind {
    pub fn parse(value: &str) -> Option<PostKind> {
        [PostKind::Offer, PostKind::Ask]
            .into_iter()
            .find(|k| k.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Offer => "offer",
            PostKind::Ask => "ask",
        }
    }

    /// Offers match asks and asks match offers.
    pub fn other(self) -> PostKind {
        match self {
            PostKind::Offer => PostKind::Ask,
            PostKind::Ask => PostKind::Offer,
        }
    }

    pub fn label_key(self) -> String {
        format!("help-kind-{}", self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostStatus {
    Open,
    Matched,
    Done,
    Withdrawn,
}

pub const ALL_STATUSES: [PostStatus; 4] = [
    PostStatus::Open,
    PostStatus::Matched,
    PostStatus::Done,
    PostStatus::Withdrawn,
];

impl PostStatus {
    pub fn parse(value: &str) -> Option<PostStatus> {
        ALL_STATUSES.into_iter().find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Open => "open",
            PostStatus::Matched => "matched",
            PostStatus::Done => "done",
            PostStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn label_key(self) -> String {
        format!("help-status-{}", self.as_str())
    }

    /// Where the owner may move a post from this status: close it (done) or withdraw it
    /// while it is open or matched, and reopen it afterwards. "Matched" is the site's to set,
    /// when someone accepts an invitation, never the owner's.
    pub fn owner_may_move_to(self) -> &'static [PostStatus] {
        match self {
            PostStatus::Open => &[PostStatus::Done, PostStatus::Withdrawn],
            PostStatus::Matched => &[PostStatus::Open, PostStatus::Done, PostStatus::Withdrawn],
            PostStatus::Done | PostStatus::Withdrawn => &[PostStatus::Open],
        }
    }
}

#[derive(Clone, Debug)]
pub struct Post {
    pub id: String,
    pub kind: PostKind,
    pub area_id: String,
    pub area_parent_id: Option<String>,
    pub area_name: String,
    pub card_code: Option<String>,
    pub title: String,
    pub body: String,
    pub timing: String,
    /// Days of the week as bits, Monday = 1 ... Sunday = 64; 0 means any day.
    pub days: i64,
    pub status: PostStatus,
    pub visibility: Visibility,
    pub owner_id: String,
    pub owner_name: String,
    pub project_title: Option<String>,
    pub project_slug: Option<String>,
    pub created_at: i64,
}

/// The post columns every query selects; `i` is the post, `a` its area.
#[macro_export]
macro_rules! select_post_columns {
    () => {
        "i.id, i.kind, i.area_id, a.parent_id AS area_parent_id, a.name AS area_name, \
         i.card_code, i.title, i.body, i.timing, i.days, i.status, i.visibility, i.owner_id, \
         u.display_name AS owner_name, p.title AS project_title, p.slug AS project_slug, \
         i.created_at"
    };
}

/// The joins those columns need.
#[macro_export]
macro_rules! post_joins {
    () => {
        " JOIN areas a ON a.id = i.area_id JOIN users u ON u.id = i.owner_id \
          LEFT JOIN community_projects p ON p.id = i.project_id"
    };
}

pub fn post_from_row(row: &AnyRow) -> anyhow::Result<Post> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let visibility: String = row.try_get("visibility")?;
    Ok(Post {
        id: row.try_get("id")?,
        kind: PostKind::parse(&kind).with_context(|| format!("unknown post kind {kind:?}"))?,
        area_id: row.try_get("area_id")?,
        area_parent_id: row.try_get("area_parent_id")?,
        area_name: row.try_get("area_name")?,
        card_code: row.try_get("card_code")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        timing: row.try_get("timing")?,
        days: row.try_get("days")?,
        status: PostStatus::parse(&status).with_context(|| format!("unknown status {status:?}"))?,
        visibility: Visibility::parse(&visibility)
            .with_context(|| format!("unknown visibility {visibility:?}"))?,
        owner_id: row.try_get("owner_id")?,
        owner_name: row.try_get("owner_name")?,
        project_title: row.try_get("project_title")?,
        project_slug: row.try_get("project_slug")?,
        created_at: row.try_get("created_at")?,
    })
}

pub struct NewPost<'a> {
    pub kind: PostKind,
    pub area_id: &'a str,
    pub card_code: Option<&'a str>,
    pub title: &'a str,
    pub body: &'a str,
    pub timing: &'a str,
    pub days: i64,
    pub visibility: Visibility,
    pub owner_id: &'a str,
    pub project_id: Option<&'a str>,
}

/// Posts an offer or ask for a resident entered by someone else: held by an account made
/// for them until they claim it, in one transaction with the record of the entry.
pub async fn create_for_someone(
    db: &Db,
    post: &NewPost<'_>,
    entry: &crate::assisted::store::ForSomeone<'_>,
    locale: &str,
) -> anyhow::Result<String> {
    let (mut tx, held) = crate::assisted::store::begin_held(db, entry, locale).await?;
    let held_post = NewPost {
        owner_id: held.owner(),
        ..*post
    };
    let id = create(&mut *tx, &held_post).await?;
    let item = crate::audit::Item {
        kind: "help_post",
        id: &id,
        label: post.title,
        link: &format!("/help/{id}"),
    };
    crate::assisted::store::finish_held(tx, item, entry, &held).await?;
    Ok(id)
}

pub async fn create<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    post: &NewPost<'_>,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO help_posts (id, kind, area_id, card_code, title, body, timing, days, status, \
         visibility, owner_id, project_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $12, $12)",
    )
    .bind(&id)
    .bind(post.kind.as_str())
    .bind(post.area_id)
    .bind(post.card_code)
    .bind(post.title)
    .bind(post.body)
    .bind(post.timing)
    .bind(post.days)
    .bind(post.visibility.as_str())
    .bind(post.owner_id)
    .bind(post.project_id)
    .bind(now_ms())
    .execute(db)
    .await
    .context("posting an offer or ask")?;
    Ok(id)
}

pub async fn find_visible(db: &Db, viewer: &Viewer, id: &str) -> anyhow::Result<Option<Post>> {
    let (user, admin) = viewer.binds();
    let row = sqlx::query(concat!(
        "SELECT ",
        crate::select_post_columns!(),
        " FROM help_posts i",
        crate::post_joins!(),
        " WHERE i.id = $3 AND ",
        crate::visible_to_viewer!()
    ))
    .bind(user)
    .bind(admin)
    .bind(id)
    .fetch_optional(db)
    .await
    .context("finding a post")?;
    row.as_ref().map(post_from_row).transpose()
}

/// What a list of posts is narrowed to; empty strings mean "any".
#[derive(Clone, Debug, Default)]
pub struct PostFilter {
    pub kind: String,
    pub status: String,
    pub card: String,
    /// The area and every area inside it.
    pub area: String,
    pub project: String,
}

/// The newest posts the viewer may see, older than the cursor `(created_at, id)` if given.
pub async fn list(
    db: &Db,
    viewer: &Viewer,
    filter: &PostFilter,
    before: Option<(i64, &str)>,
    limit: i64,
) -> anyhow::Result<Vec<Post>> {
    let (user, admin) = viewer.binds();
    let (before_at, before_id) = before.unwrap_or((i64::MAX, ""));
    macro_rules! list_sql {
        ($project:literal) => {
            concat!(
                "SELECT ",
                crate::select_post_columns!(),
                " FROM help_posts i",
                crate::post_joins!(),
                " WHERE ($3 = '' OR i.kind = $3) AND ($4 = '' OR i.status = $4) \
                  AND ($5 = '' OR i.card_code = $5) \
                  AND ($6 = '' OR i.area_id IN (SELECT id FROM areas WHERE id = $6 OR parent_id = $6 \
                                   OR parent_id IN (SELECT id FROM areas WHERE parent_id = $6))) \
                  AND ",
                $project,
                " AND i.created_at <= $8 \
                  AND (i.created_at < $8 OR (i.created_at = $8 AND i.id < $9)) AND ",
                crate::visible_to_viewer!(),
                " ORDER BY i.created_at DESC, i.id DESC LIMIT $10"
            )
        };
    }
    // A project's few posts are found by its id (index help_posts_project), looked up first
    // so the planner sees it: written "empty or matches", or through the slug in the same
    // statement, the database walked every post of the city newest first.
    let (sql, project) = if filter.project.is_empty() {
        (list_sql!("$7 = ''"), String::new())
    } else {
        let found: Option<String> =
            sqlx::query_scalar("SELECT id FROM community_projects WHERE slug = $1")
                .bind(&filter.project)
                .fetch_optional(db)
                .await
                .context("finding a project's id")?;
        match found {
            Some(id) => (list_sql!("i.project_id = $7"), id),
            None => return Ok(Vec::new()),
        }
    };
    let rows = sqlx::query(sql)
        .bind(user)
        .bind(admin)
        .bind(&filter.kind)
        .bind(&filter.status)
        .bind(&filter.card)
        .bind(&filter.area)
        .bind(project)
        .bind(before_at)
        .bind(if before.is_some() {
            before_id
        } else {
            "\u{10FFFF}"
        })
        .bind(limit)
        .fetch_all(db)
        .await
        .context("listing posts")?;
    rows.iter().map(post_from_row).collect()
}

macro_rules! open_on_card_sql {
    ($area:literal) => {
        concat!(
            "SELECT ",
            crate::select_post_columns!(),
            " FROM help_posts i",
            crate::post_joins!(),
            " WHERE i.card_code = $3 AND i.kind = $4 AND i.status = 'open' ",
            $area,
            " AND ",
            crate::visible_to_viewer!(),
            " ORDER BY i.created_at DESC LIMIT $6"
        )
    };
}

/// Open posts of `kind` on the card, newest first: those in `area_id` first, then the rest.
/// Each query walks an index in order and stops at `limit`, so the cost does not grow with
/// the number of posts.
pub async fn open_on_card(
    db: &Db,
    viewer: &Viewer,
    kind: PostKind,
    card: &str,
    area_id: &str,
    limit: i64,
) -> anyhow::Result<Vec<Post>> {
    let (user, admin) = viewer.binds();
    let mut posts: Vec<Post> = Vec::new();
    let queries = [
        open_on_card_sql!("AND i.area_id = $5"),
        open_on_card_sql!("AND $5 <> ''"),
    ];
    for sql in queries {
        let rows = sqlx::query(sql)
            .bind(user)
            .bind(admin)
            .bind(card)
            .bind(kind.as_str())
            .bind(area_id)
            .bind(limit)
            .fetch_all(db)
            .await
            .context("finding posts on a card")?;
        for row in &rows {
            let post = post_from_row(row)?;
            if !posts.iter().any(|p| p.id == post.id) {
                posts.push(post);
            }
        }
    }
    Ok(posts)
}

/// What the search index holds of a post: the words, what filters narrow it by, and the
/// change number it was read at.
pub struct IndexRow {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub visibility: String,
    pub area_id: String,
    pub title: String,
    pub body: String,
    /// The post's skill card, if it has one: its names are searchable words of the post.
    pub card_code: Option<String>,
    pub created_at: i64,
    pub change_seq: i64,
}

/// The newest change number (migration 0006): it grows by one with every insert and every
/// change of a post's words or filters, whichever process makes it.
pub async fn latest_change(db: &Db) -> anyhow::Result<i64> {
    sqlx::query_scalar("SELECT seq FROM help_posts_version WHERE id = 1")
        .fetch_one(db)
        .await
        .context("reading the offers and asks change number")
}

/// Posts changed after the cursor `(change_seq, id)`, in that order, at most `limit`.
pub async fn changed_after(
    db: &Db,
    after: (i64, &str),
    limit: i64,
) -> anyhow::Result<Vec<IndexRow>> {
    let rows = sqlx::query(
        "SELECT id, kind, status, visibility, area_id, title, body, card_code, created_at, \
         change_seq FROM help_posts \
         WHERE change_seq >= $1 AND (change_seq > $1 OR (change_seq = $1 AND id > $2)) \
         ORDER BY change_seq, id LIMIT $3",
    )
    .bind(after.0)
    .bind(after.1)
    .bind(limit)
    .fetch_all(db)
    .await
    .context("reading changed offers and asks")?;
    rows.iter()
        .map(|row| {
            Ok(IndexRow {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                status: row.try_get("status")?,
                visibility: row.try_get("visibility")?,
                area_id: row.try_get("area_id")?,
                title: row.try_get("title")?,
                body: row.try_get("body")?,
                card_code: row.try_get("card_code")?,
                created_at: row.try_get("created_at")?,
                change_seq: row.try_get("change_seq")?,
            })
        })
        .collect()
}

/// The posts with these ids that the viewer may see, in no particular order.
pub async fn visible_with_ids(
    db: &Db,
    viewer: &Viewer,
    ids: &[String],
) -> anyhow::Result<Vec<Post>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let (user, admin) = viewer.binds();
    // One parameter whatever the number of ids: a JSON array, unpacked by each database.
    let sql = match crate::db::backend(db) {
        crate::db::Backend::Sqlite => concat!(
            "SELECT ",
            crate::select_post_columns!(),
            " FROM help_posts i",
            crate::post_joins!(),
            " WHERE i.id IN (SELECT value FROM json_each($3)) AND ",
            crate::visible_to_viewer!()
        ),
        crate::db::Backend::Postgres => concat!(
            "SELECT ",
            crate::select_post_columns!(),
            " FROM help_posts i",
            crate::post_joins!(),
            " WHERE i.id IN (SELECT jsonb_array_elements_text(CAST($3 AS jsonb))) AND ",
            crate::visible_to_viewer!()
        ),
    };
    let rows = sqlx::query(sql)
        .bind(user)
        .bind(admin)
        .bind(serde_json::to_string(ids)?)
        .fetch_all(db)
        .await
        .context("reading the offers and asks found")?;
    rows.iter().map(post_from_row).collect()
}

/// The area and every area inside it (areas nest at most three deep).
pub async fn area_and_inside(db: &Db, area_id: &str) -> anyhow::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT id FROM areas WHERE id = $1 OR parent_id = $1 \
         OR parent_id IN (SELECT id FROM areas WHERE parent_id = $1)",
    )
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("reading the areas inside an area")
}

pub async fn set_status<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    id: &str,
    status: PostStatus,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE help_posts SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await
        .context("changing a post's status")?;
    Ok(())
}

// ------------------------------------------------------------------ matches

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchStatus {
    Invited,
    Accepted,
    Declined,
    Done,
}

impl MatchStatus {
    pub fn parse(value: &str) -> Option<MatchStatus> {
        [
            MatchStatus::Invited,
            MatchStatus::Accepted,
            MatchStatus::Declined,
            MatchStatus::Done,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Invited => "invited",
            MatchStatus::Accepted => "accepted",
            MatchStatus::Declined => "declined",
            MatchStatus::Done => "done",
        }
    }

    pub fn label_key(self) -> String {
        format!("help-match-{}", self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Match {
    pub id: String,
    pub post_id: String,
    pub post_title: String,
    pub post_kind: PostKind,
    pub helper_id: String,
    pub helper_name: String,
    pub helped_id: String,
    pub helped_name: String,
    pub invited_by: String,
    pub status: MatchStatus,
    pub thanks: String,
    pub minutes: Option<i64>,
}

impl Match {
    pub fn involves(&self, user_id: &str) -> bool {
        self.helper_id == user_id || self.helped_id == user_id
    }

    /// The one who did not send the invitation: they accept or decline it.
    pub fn invitee(&self) -> &str {
        if self.invited_by == self.helper_id {
            &self.helped_id
        } else {
            &self.helper_id
        }
    }

    /// The other person in the match, seen from `user_id`.
    pub fn other_of(&self, user_id: &str) -> (&str, &str) {
        if self.helper_id == user_id {
            (&self.helped_id, &self.helped_name)
        } else {
            (&self.helper_id, &self.helper_name)
        }
    }
}

macro_rules! select_match {
    () => {
        "SELECT m.id, m.post_id, hp.title AS post_title, hp.kind AS post_kind, m.helper_id, \
         gu.display_name AS helper_name, m.helped_id, du.display_name AS helped_name, \
         m.invited_by, m.status, m.thanks, tc.minutes \
         FROM help_matches m JOIN help_posts hp ON hp.id = m.post_id \
         JOIN users gu ON gu.id = m.helper_id JOIN users du ON du.id = m.helped_id \
         LEFT JOIN time_credits tc ON tc.match_id = m.id"
    };
}

fn match_from_row(row: &AnyRow) -> anyhow::Result<Match> {
    let status: String = row.try_get("status")?;
    let kind: String = row.try_get("post_kind")?;
    Ok(Match {
        id: row.try_get("id")?,
        post_id: row.try_get("post_id")?,
        post_title: row.try_get("post_title")?,
        post_kind: PostKind::parse(&kind).with_context(|| format!("unknown post kind {kind:?}"))?,
        helper_id: row.try_get("helper_id")?,
        helper_name: row.try_get("helper_name")?,
        helped_id: row.try_get("helped_id")?,
        helped_name: row.try_get("helped_name")?,
        invited_by: row.try_get("invited_by")?,
        status: MatchStatus::parse(&status)
            .with_context(|| format!("unknown match status {status:?}"))?,
        thanks: row.try_get("thanks")?,
        minutes: row.try_get("minutes")?,
    })
}

pub struct NewMatch<'a> {
    pub post_id: &'a str,
    pub other_post_id: Option<&'a str>,
    pub helper_id: &'a str,
    pub helped_id: &'a str,
    pub invited_by: &'a str,
    pub message: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("already invited")]
    AlreadyInvited,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Records the invitation with its first message and queues the email (if any), all or
/// nothing.
/// A message to the other person of a match: a reply to them, told as they chose.
async fn tell_recipient(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    recipient: &str,
    email: &crate::mail::Email,
) -> anyhow::Result<()> {
    let message = crate::notifications::store::Message {
        user_id: recipient,
        kind: crate::notifications::Kind::Replies,
        notice: None,
        email: Some(email),
    };
    crate::notifications::store::deliver(tx, &message).await
}

pub async fn invite(
    db: &Db,
    new: &NewMatch<'_>,
    email: Option<(&str, &crate::mail::Email)>,
) -> Result<String, InviteError> {
    let id = new_id();
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO help_matches (id, post_id, other_post_id, helper_id, helped_id, invited_by, \
         status, thanks, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'invited', '', $7, $7)",
    )
    .bind(&id)
    .bind(new.post_id)
    .bind(new.other_post_id)
    .bind(new.helper_id)
    .bind(new.helped_id)
    .bind(new.invited_by)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(InviteError::AlreadyInvited),
        Err(e) => return Err(anyhow::Error::new(e).context("inviting a match").into()),
    }
    insert_message(&mut tx, &id, new.invited_by, new.message, now).await?;
    if let Some((recipient, email)) = email {
        tell_recipient(&mut tx, recipient, email).await?;
    }
    tx.commit().await.context("committing an invitation")?;
    Ok(id)
}

async fn insert_message(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    match_id: &str,
    author_id: &str,
    body: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO help_messages (id, match_id, author_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(match_id)
    .bind(author_id)
    .bind(body)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("adding a message")?;
    Ok(())
}

pub async fn find_match(db: &Db, id: &str) -> anyhow::Result<Option<Match>> {
    let row = sqlx::query(concat!(select_match!(), " WHERE m.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("finding a match")?;
    row.as_ref().map(match_from_row).transpose()
}

/// The matches of a post, for its owner's page.
pub async fn matches_of_post(db: &Db, post_id: &str) -> anyhow::Result<Vec<Match>> {
    let rows = sqlx::query(concat!(
        select_match!(),
        " WHERE m.post_id = $1 ORDER BY m.created_at"
    ))
    .bind(post_id)
    .fetch_all(db)
    .await
    .context("listing a post's matches")?;
    rows.iter().map(match_from_row).collect()
}

/// Every match someone is part of, newest first.
pub async fn matches_of_user(db: &Db, user_id: &str) -> anyhow::Result<Vec<Match>> {
    let rows = sqlx::query(concat!(
        select_match!(),
        " WHERE m.helper_id = $1 OR m.helped_id = $1 ORDER BY m.updated_at DESC, m.id"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("listing someone's matches")?;
    rows.iter().map(match_from_row).collect()
}

#[derive(Clone, Debug)]
pub struct Message {
    pub author_id: String,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn messages(db: &Db, match_id: &str) -> anyhow::Result<Vec<Message>> {
    let rows = sqlx::query(
        "SELECT m.author_id, u.display_name, m.body, m.created_at FROM help_messages m \
         JOIN users u ON u.id = m.author_id WHERE m.match_id = $1 ORDER BY m.created_at, m.id",
    )
    .bind(match_id)
    .fetch_all(db)
    .await
    .context("reading a thread")?;
    rows.iter()
        .map(|r| {
            Ok(Message {
                author_id: r.try_get("author_id")?,
                author_name: r.try_get("display_name")?,
                body: r.try_get("body")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Adds a message to the thread and queues its email to the other person (the demo loads
/// threads without emailing anyone).
pub async fn add_message(
    db: &Db,
    match_id: &str,
    author_id: &str,
    body: &str,
    email: Option<(&str, &crate::mail::Email)>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    insert_message(&mut tx, match_id, author_id, body, now_ms()).await?;
    sqlx::query("UPDATE help_matches SET updated_at = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(match_id)
        .execute(&mut *tx)
        .await
        .context("touching a match")?;
    if let Some((recipient, email)) = email {
        tell_recipient(&mut tx, recipient, email).await?;
    }
    tx.commit().await.context("committing a message")?;
    Ok(())
}

/// The invitee's answer. Accepting marks an ask as matched.
pub async fn answer_invitation(db: &Db, m: &Match, accept: bool) -> anyhow::Result<bool> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let status = if accept {
        MatchStatus::Accepted
    } else {
        MatchStatus::Declined
    };
    let done = sqlx::query(
        "UPDATE help_matches SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'invited'",
    )
    .bind(status.as_str())
    .bind(now_ms())
    .bind(&m.id)
    .execute(&mut *tx)
    .await
    .context("answering an invitation")?;
    if done.rows_affected() == 1 && accept && m.post_kind == PostKind::Ask {
        sqlx::query(
            "UPDATE help_posts SET status = 'matched', updated_at = $1 WHERE id = $2 AND status = 'open'",
        )
        .bind(now_ms())
        .bind(&m.post_id)
        .execute(&mut *tx)
        .await
        .context("marking an ask as matched")?;
    }
    tx.commit().await.context("committing an answer")?;
    Ok(done.rows_affected() == 1)
}

/// The person helped says it is done: the thank-you, the ask closed, and the time given
/// moved from their balance to the helper's, in one transaction. False if the match was
/// not accepted (or is done already).
pub async fn complete(
    db: &Db,
    m: &Match,
    thanks: &str,
    minutes: Option<i64>,
) -> anyhow::Result<bool> {
    let now = now_ms();
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let done = sqlx::query(
        "UPDATE help_matches SET status = 'done', thanks = $1, updated_at = $2 \
         WHERE id = $3 AND status = 'accepted'",
    )
    .bind(thanks)
    .bind(now)
    .bind(&m.id)
    .execute(&mut *tx)
    .await
    .context("completing a match")?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if m.post_kind == PostKind::Ask {
        sqlx::query("UPDATE help_posts SET status = 'done', updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&m.post_id)
            .execute(&mut *tx)
            .await
            .context("closing an ask")?;
    }
    if let Some(minutes) = minutes {
        sqlx::query(
            "INSERT INTO time_credits (id, match_id, from_id, to_id, minutes, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind(&m.id)
        .bind(&m.helped_id)
        .bind(&m.helper_id)
        .bind(minutes)
        .bind(now)
        .execute(&mut *tx)
        .await
        .context("recording time credits")?;
    }
    tx.commit().await.context("committing a completed match")?;
    Ok(true)
}

// ------------------------------------------------------------------ time credits

#[derive(Clone, Debug)]
pub struct Transfer {
    pub other_name: String,
    /// Positive: time given (credited); negative: time received.
    pub minutes: i64,
    pub post_title: String,
    pub created_at: i64,
}

/// Someone's ledger, oldest first.
pub async fn ledger(db: &Db, user_id: &str) -> anyhow::Result<Vec<Transfer>> {
    let rows = sqlx::query(
        "SELECT CASE WHEN t.to_id = $1 THEN t.minutes ELSE -t.minutes END AS minutes, \
         CASE WHEN t.to_id = $1 THEN fu.display_name ELSE tu.display_name END AS other_name, \
         hp.title AS post_title, t.created_at \
         FROM time_credits t JOIN users fu ON fu.id = t.from_id JOIN users tu ON tu.id = t.to_id \
         JOIN help_matches m ON m.id = t.match_id JOIN help_posts hp ON hp.id = m.post_id \
         WHERE t.from_id = $1 OR t.to_id = $1 ORDER BY t.created_at, t.id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
    .context("reading a ledger")?;
    rows.iter()
        .map(|r| {
            Ok(Transfer {
                minutes: r.try_get::<i64, _>("minutes")?,
                other_name: r.try_get("other_name")?,
                post_title: r.try_get("post_title")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Minutes given minus minutes received.
pub async fn balance(db: &Db, user_id: &str) -> anyhow::Result<i64> {
    let balance: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(CASE WHEN to_id = $1 THEN minutes ELSE -minutes END), 0) AS BIGINT) \
         FROM time_credits WHERE from_id = $1 OR to_id = $1",
    )
    .bind(user_id)
    .fetch_one(db)
    .await
    .context("computing a balance")?;
    Ok(balance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::privacy::ALL_VISIBILITIES;
    use crate::assets::store::{ALL_KINDS, ALL_SHARE_MODES};
    use crate::help::matching::Reason;
    use crate::i18n::Lang;
    use crate::skillsgame::results::ALL_ANSWERS;

    /// Labels built from enum values are not seen by the scan of literal keys.
    #[test]
    fn every_label_made_from_a_value_has_an_english_message() {
        let lang = Lang::default();
        let mut keys: Vec<String> = Vec::new();
        keys.extend([PostKind::Offer, PostKind::Ask].map(PostKind::label_key));
        keys.extend(ALL_STATUSES.map(PostStatus::label_key));
        keys.extend(
            [
                MatchStatus::Invited,
                MatchStatus::Accepted,
                MatchStatus::Declined,
                MatchStatus::Done,
            ]
            .map(MatchStatus::label_key),
        );
        keys.extend(ALL_VISIBILITIES.map(|v| v.label_key()));
        keys.extend(ALL_KINDS.map(|k| k.label_key()));
        keys.extend(ALL_SHARE_MODES.map(|m| m.label_key()));
        keys.extend(ALL_ANSWERS.map(|a| a.label_key()));
        keys.extend(
            [
                Reason::SameCard,
                Reason::SameGroup,
                Reason::SameArea,
                Reason::NearbyArea,
                Reason::SimilarWords,
                Reason::DaysFit,
            ]
            .map(|r| r.label_key().to_string()),
        );
        keys.extend(
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|d| format!("help-day-{d}")),
        );
        let missing: Vec<&String> = keys.iter().filter(|k| !lang.has(k)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
