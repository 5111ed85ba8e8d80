//! All SQL about the methods library: recipes, adaptations, ratings and stories of use.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::seed;
use crate::db::{Db, is_unique_violation, new_id, now_ms};
use crate::i18n::Lang;
use crate::web::forms::plain_letters;

pub const DEFAULT_LICENCE: &str = "CC BY-SA 4.0";

/// A recipe's words, as written or adapted.
#[derive(Clone, Debug, Default)]
pub struct Recipe {
    pub title: String,
    pub summary: String,
    pub purpose: String,
    pub when_to_use: String,
    pub group_size: String,
    pub duration: String,
    pub materials: String,
    pub steps: String,
    pub tips: String,
    pub variations: String,
    pub licence: String,
    pub tags: String,
}

#[derive(Clone, Debug)]
pub struct Method {
    pub id: String,
    pub slug: String,
    pub recipe: Recipe,
    pub author_id: Option<String>,
    pub author_name: String,
    /// The method this one adapts: (slug, title, author), when it still exists.
    pub forked_from: Option<(String, String, String)>,
    /// Which of the first twelve recipes this still is (`seed::SLUGS`), shown in the
    /// reader's language by `seed::in_language`; None for everyone's own text.
    pub seed: Option<String>,
    /// The seed of the method this one adapts, if that is one.
    pub fork_seed: Option<String>,
    pub rating: Option<f64>,
    pub ratings: i64,
    pub uses: i64,
    pub created_at: i64,
}

impl Method {
    pub fn steps(&self) -> Vec<&str> {
        self.recipe
            .steps
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    pub fn tags(&self) -> Vec<&str> {
        split_tags(&self.recipe.tags)
    }
}

pub fn split_tags(tags: &str) -> Vec<&str> {
    tags.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

macro_rules! select_method {
    () => {
        "SELECT m.id, m.slug, m.title, m.summary, m.purpose, m.when_to_use, m.group_size, \
         m.duration, m.materials, m.steps, m.tips, m.variations, m.licence, m.tags, \
         m.author_id, m.author_name, m.created_at, m.seed, \
         f.slug AS fork_slug, f.title AS fork_title, f.author_name AS fork_author, \
         f.seed AS fork_seed, \
         (SELECT CAST(AVG(r.stars) AS DOUBLE PRECISION) FROM method_ratings r \
            WHERE r.method_id = m.id) AS rating, \
         (SELECT COUNT(*) FROM method_ratings r WHERE r.method_id = m.id) AS ratings, \
         (SELECT COUNT(*) FROM method_uses u WHERE u.method_id = m.id) AS uses \
         FROM methods m LEFT JOIN methods f ON f.id = m.forked_from"
    };
}

fn method_from_row(row: &AnyRow) -> anyhow::Result<Method> {
    let fork_slug: Option<String> = row.try_get("fork_slug")?;
    Ok(Method {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        recipe: Recipe {
            title: row.try_get("title")?,
            summary: row.try_get("summary")?,
            purpose: row.try_get("purpose")?,
            when_to_use: row.try_get("when_to_use")?,
            group_size: row.try_get("group_size")?,
            duration: row.try_get("duration")?,
            materials: row.try_get("materials")?,
            steps: row.try_get("steps")?,
            tips: row.try_get("tips")?,
            variations: row.try_get("variations")?,
            licence: row.try_get("licence")?,
            tags: row.try_get("tags")?,
        },
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        forked_from: match fork_slug {
            Some(slug) => Some((
                slug,
                row.try_get("fork_title")?,
                row.try_get("fork_author")?,
            )),
            None => None,
        },
        seed: row.try_get("seed")?,
        fork_seed: row.try_get("fork_seed")?,
        rating: row.try_get("rating")?,
        ratings: row.try_get("ratings")?,
        uses: row.try_get("uses")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Methods whose title, summary or tags hold `words` (all of them), and with the tag if
/// given, as a reader of `lang` sees them (`seed::in_language`); best rated first, then by
/// title. A seeded recipe matches in the reader's language and in its stored English.
pub async fn search(db: &Db, words: &str, tag: &str, lang: &Lang) -> anyhow::Result<Vec<Method>> {
    let rows = sqlx::query(concat!(select_method!(), " ORDER BY m.id"))
        .fetch_all(db)
        .await
        .context("listing methods")?;
    let words: Vec<String> = words.split_whitespace().map(plain_letters).collect();
    let searchable = |r: &Recipe| format!("{} {} {}", r.title, r.summary, r.tags);
    let mut methods = Vec::new();
    for row in &rows {
        let stored = method_from_row(row)?;
        let stored_text = searchable(&stored.recipe);
        let stored_tags = stored.recipe.tags.clone();
        let method = seed::in_language(stored, lang);
        // The library holds dozens of recipes, not millions: matching in Rust keeps the
        // words as typed (no query syntax) and the same on both databases.
        let text = plain_letters(&format!("{} {stored_text}", searchable(&method.recipe)));
        let tagged = tag.is_empty()
            || method.tags().contains(&tag)
            || split_tags(&stored_tags).contains(&tag);
        if tagged && words.iter().all(|w| text.contains(w.as_str())) {
            methods.push(method);
        }
    }
    methods.sort_by_cached_key(|m| (plain_letters(&m.recipe.title), m.id.clone()));
    methods.sort_by(|a, b| b.rating.unwrap_or(0.0).total_cmp(&a.rating.unwrap_or(0.0)));
    Ok(methods)
}

/// (id, title) of every method, for a form's choice, titles in `lang`, by title.
pub async fn choices(db: &Db, lang: &Lang) -> anyhow::Result<Vec<(String, String)>> {
    let rows = sqlx::query("SELECT id, title, seed FROM methods")
        .fetch_all(db)
        .await
        .context("listing methods")?;
    let mut choices = rows
        .iter()
        .map(|r| {
            let seed: Option<String> = r.try_get("seed")?;
            let title = seed::title(seed.as_deref(), r.try_get("title")?, lang);
            Ok((r.try_get("id")?, title))
        })
        .collect::<anyhow::Result<Vec<(String, String)>>>()?;
    choices.sort_by_cached_key(|(id, title)| (plain_letters(title), id.clone()));
    Ok(choices)
}

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Method>> {
    let row = sqlx::query(concat!(select_method!(), " WHERE m.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .context("loading a method")?;
    row.as_ref().map(method_from_row).transpose()
}

/// Every method's slug.
pub async fn slugs(db: &Db) -> anyhow::Result<Vec<String>> {
    sqlx::query_scalar("SELECT slug FROM methods")
        .fetch_all(db)
        .await
        .context("listing method slugs")
}

pub async fn find_by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<Method>> {
    let row = sqlx::query(concat!(select_method!(), " WHERE m.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .context("loading a method")?;
    row.as_ref().map(method_from_row).transpose()
}

/// The adaptations of a method: (slug, title, author).
pub async fn forks(db: &Db, method_id: &str) -> anyhow::Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT slug, title, author_name FROM methods WHERE forked_from = $1 ORDER BY created_at",
    )
    .bind(method_id)
    .fetch_all(db)
    .await
    .context("listing adaptations")?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("slug")?,
                r.try_get("title")?,
                r.try_get("author_name")?,
            ))
        })
        .collect()
}

pub struct NewMethod<'a> {
    pub slug: &'a str,
    pub recipe: &'a Recipe,
    pub author_id: Option<&'a str>,
    pub author_name: &'a str,
    pub forked_from: Option<&'a str>,
    /// Set only for the first twelve recipes (`seed::ensure`).
    pub seed: Option<&'a str>,
}

/// Publishes a method; false if the slug is taken.
pub async fn publish(db: &Db, method: &NewMethod<'_>) -> anyhow::Result<bool> {
    let r = method.recipe;
    let now = now_ms();
    let added = sqlx::query(
        "INSERT INTO methods (id, slug, title, summary, purpose, when_to_use, group_size, \
         duration, materials, steps, tips, variations, licence, tags, author_id, author_name, \
         forked_from, seed, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
         $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)",
    )
    .bind(new_id())
    .bind(method.slug)
    .bind(&r.title)
    .bind(&r.summary)
    .bind(&r.purpose)
    .bind(&r.when_to_use)
    .bind(&r.group_size)
    .bind(&r.duration)
    .bind(&r.materials)
    .bind(&r.steps)
    .bind(&r.tips)
    .bind(&r.variations)
    .bind(&r.licence)
    .bind(&r.tags)
    .bind(method.author_id)
    .bind(method.author_name)
    .bind(method.forked_from)
    .bind(method.seed)
    .bind(now)
    .execute(db)
    .await;
    match added {
        Err(e) if is_unique_violation(&e) => Ok(false),
        other => other.map(|_| true).context("publishing a method"),
    }
}

/// Rates a method (1 to 5 stars), replacing the person's earlier rating.
pub async fn rate(db: &Db, method_id: &str, user_id: &str, stars: i32) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO method_ratings (method_id, user_id, stars, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (method_id, user_id) DO UPDATE SET stars = excluded.stars",
    )
    .bind(method_id)
    .bind(user_id)
    .bind(stars)
    .bind(now_ms())
    .execute(db)
    .await
    .context("rating a method")?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Use {
    pub user_name: Option<String>,
    pub occasion: String,
    pub story: String,
    pub created_at: i64,
    /// The event where it was used, if it was told from one.
    pub event_slug: Option<String>,
}

pub async fn add_use(
    db: &Db,
    method_id: &str,
    user_id: &str,
    occasion: &str,
    story: &str,
    event_id: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO method_uses (id, method_id, user_id, occasion, story, created_at, event_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(method_id)
    .bind(user_id)
    .bind(occasion)
    .bind(story)
    .bind(now_ms())
    .bind(event_id)
    .execute(db)
    .await
    .context("telling how a method was used")?;
    Ok(())
}

pub async fn uses(db: &Db, method_id: &str) -> anyhow::Result<Vec<Use>> {
    let rows = sqlx::query(
        "SELECT u.display_name AS user_name, m.occasion, m.story, m.created_at, \
         e.slug AS event_slug FROM method_uses m LEFT JOIN users u ON u.id = m.user_id \
         LEFT JOIN events e ON e.id = m.event_id \
         WHERE m.method_id = $1 ORDER BY m.created_at DESC, m.id DESC",
    )
    .bind(method_id)
    .fetch_all(db)
    .await
    .context("listing stories of use")?;
    rows.iter()
        .map(|r| {
            Ok(Use {
                user_name: r.try_get("user_name")?,
                occasion: r.try_get("occasion")?,
                story: r.try_get("story")?,
                created_at: r.try_get("created_at")?,
                event_slug: r.try_get("event_slug")?,
            })
        })
        .collect()
}

/// A material's row without its bytes.
#[derive(Clone, Debug)]
pub struct MaterialFile {
    pub id: String,
    pub file_name: String,
    pub size: i64,
}

pub async fn files(db: &Db, method_id: &str) -> anyhow::Result<Vec<MaterialFile>> {
    let rows = sqlx::query(
        "SELECT id, file_name, size FROM method_files WHERE method_id = $1 \
         ORDER BY created_at, id",
    )
    .bind(method_id)
    .fetch_all(db)
    .await
    .context("listing a method's materials")?;
    rows.iter()
        .map(|r| {
            Ok(MaterialFile {
                id: r.try_get("id")?,
                file_name: r.try_get("file_name")?,
                size: r.try_get("size")?,
            })
        })
        .collect()
}

/// A material of this method: (file name, content type, bytes).
pub async fn file(
    db: &Db,
    method_id: &str,
    file_id: &str,
) -> anyhow::Result<Option<(String, String, Vec<u8>)>> {
    let row = sqlx::query(
        "SELECT file_name, content_type, bytes FROM method_files WHERE method_id = $1 AND id = $2",
    )
    .bind(method_id)
    .bind(file_id)
    .fetch_optional(db)
    .await
    .context("loading a material")?;
    row.map(|r| {
        Ok((
            r.try_get("file_name")?,
            r.try_get("content_type")?,
            r.try_get("bytes")?,
        ))
    })
    .transpose()
}

pub async fn add_file(
    db: &Db,
    method_id: &str,
    file_name: &str,
    content_type: &str,
    bytes: &[u8],
    uploaded_by: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO method_files (id, method_id, file_name, content_type, bytes, size, \
         uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(method_id)
    .bind(file_name)
    .bind(content_type)
    .bind(bytes.to_vec())
    .bind(bytes.len() as i64)
    .bind(uploaded_by)
    .bind(now_ms())
    .execute(db)
    .await
    .context("adding a material")?;
    Ok(())
}

pub async fn remove_file(db: &Db, method_id: &str, file_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM method_files WHERE method_id = $1 AND id = $2")
        .bind(method_id)
        .bind(file_id)
        .execute(db)
        .await
        .context("removing a material")?;
    Ok(done.rows_affected() == 1)
}

/// An adaptation starts with the original's materials (the licence allows it).
pub async fn copy_files(db: &Db, from_method: &str, to_method: &str) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let rows = sqlx::query(
        "SELECT file_name, content_type, bytes, size, uploaded_by FROM method_files \
         WHERE method_id = $1 ORDER BY created_at, id",
    )
    .bind(from_method)
    .fetch_all(&mut *tx)
    .await
    .context("reading the original's materials")?;
    for row in &rows {
        let bytes: Vec<u8> = row.try_get("bytes")?;
        let uploaded_by: Option<String> = row.try_get("uploaded_by")?;
        sqlx::query(
            "INSERT INTO method_files (id, method_id, file_name, content_type, bytes, size, \
             uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(to_method)
        .bind(row.try_get::<String, _>("file_name")?)
        .bind(row.try_get::<String, _>("content_type")?)
        .bind(bytes)
        .bind(row.try_get::<i64, _>("size")?)
        .bind(uploaded_by)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("copying a material")?;
    }
    tx.commit().await.context("committing copied materials")?;
    Ok(())
}
