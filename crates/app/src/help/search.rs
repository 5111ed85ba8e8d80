//! Full-text search over offers and asks behind one interface: FTS5 on SQLite and a
//! `tsvector` with a GIN index on PostgreSQL, both with English stemming. Words are taken
//! from what people type (letters and digits only), so no search syntax reaches the
//! database from outside.

use anyhow::Context;

use super::store::{Post, PostKind, post_from_row};
use crate::assets::privacy::Viewer;
use crate::db::{Backend, Db, backend};

/// How the words of a query combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combine {
    /// Every word must appear: the search box.
    All,
    /// Any word may appear, more is better: finding similar posts.
    Any,
}

/// Words too common to say anything about a post: English function words, and the phrases
/// people wrap every offer and ask in ("looking for help with", "happy to offer"). Dropped
/// from every query, as PostgreSQL's English configuration drops its own stopwords.
const STOPWORDS: &[&str] = &[
    "a", "about", "an", "and", "any", "anyone", "are", "as", "at", "be", "but", "by", "can", "do",
    "does", "for", "free", "from", "get", "happy", "has", "have", "help", "i", "if", "in", "is",
    "it", "know", "looking", "me", "my", "need", "of", "offer", "on", "or", "our", "please", "so",
    "some", "someone", "the", "to", "up", "us", "wanted", "we", "with", "would", "you", "your",
];

/// How many of the newest matching posts are ranked by relevance. Ranking every match of a
/// common word costs as much as the matches; people look for what is recent anyway.
const RANKED: i64 = 300;

/// The distinct words of `text` that say something, lower-cased, at most `max` of them.
pub fn words(text: &str, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        let keep = word.chars().count() >= 2 && !STOPWORDS.contains(&word.as_str());
        if keep && !out.contains(&word) {
            out.push(word);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// The query in the backend's syntax; every word is letters and digits only.
fn query_text(backend: Backend, words: &[String], combine: Combine) -> String {
    match (backend, combine) {
        (Backend::Sqlite, Combine::All) => words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" "),
        (Backend::Sqlite, Combine::Any) => words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR "),
        (Backend::Postgres, Combine::All) => words.join(" & "),
        (Backend::Postgres, Combine::Any) => words.join(" | "),
    }
}

/// A post found by its words, with a relevance where higher is better.
pub struct Hit {
    pub post: Post,
    pub rank: f64,
}

/// "The post is in area `$8` or an area inside it" (any area when `$8` is empty).
macro_rules! in_area {
    () => {
        "($8 = '' OR i.area_id IN (SELECT id FROM areas WHERE id = $8 OR parent_id = $8 \
          OR parent_id IN (SELECT id FROM areas WHERE parent_id = $8))) AND "
    };
}

/// What to search for: words, how they combine, and what narrows the posts ("" for any).
pub struct Query<'a> {
    pub text: &'a str,
    pub combine: Combine,
    pub kind: Option<PostKind>,
    pub status: &'a str,
    /// An area's id: posts in it or in an area inside it.
    pub area: &'a str,
    pub limit: i64,
}

/// Posts the viewer may see whose words match, best first among the newest [`RANKED`]
/// matches.
pub async fn search(db: &Db, viewer: &Viewer, query: &Query<'_>) -> anyhow::Result<Vec<Hit>> {
    let Query {
        text,
        combine,
        kind,
        status,
        area,
        limit,
    } = *query;
    let words = words(text, 12);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let backend = backend(db);
    let fts = query_text(backend, &words, combine);
    let (user, admin) = viewer.binds();
    let kind = kind.map(PostKind::as_str).unwrap_or("");
    let rows =
        match backend {
            Backend::Sqlite => {
                sqlx::query(concat!(
                    "SELECT ",
                    crate::select_post_columns!(),
                    ", t.rank FROM (SELECT post_id, -bm25(help_posts_fts) AS rank \
                     FROM help_posts_fts WHERE help_posts_fts MATCH $3 \
                     ORDER BY rowid DESC LIMIT $7) AS t \
                     JOIN help_posts i ON i.id = t.post_id",
                    crate::post_joins!(),
                    " WHERE ($4 = '' OR i.kind = $4) AND ($5 = '' OR i.status = $5) AND ",
                    in_area!(),
                    in_area!(),
                    crate::visible_to_viewer!(),
                    " ORDER BY rank DESC, i.created_at DESC LIMIT $6"
                ))
                .bind(user)
                .bind(admin)
                .bind(&fts)
                .bind(kind)
                .bind(status)
                .bind(limit)
                .bind(RANKED)
                .bind(area)
                .bind(area)
                .fetch_all(db)
                .await
            }
            Backend::Postgres => sqlx::query(concat!(
                "SELECT ",
                crate::select_post_columns!(),
                ", CAST(ts_rank(i.search, to_tsquery('english', $3)) AS DOUBLE PRECISION) AS rank \
                 FROM (SELECT h.id FROM help_posts h WHERE h.search @@ to_tsquery('english', $3) \
                 ORDER BY h.created_at DESC LIMIT $7) AS t \
                 JOIN help_posts i ON i.id = t.id",
                crate::post_joins!(),
                " WHERE ($4 = '' OR i.kind = $4) AND ($5 = '' OR i.status = $5) AND ",
                in_area!(),
                crate::visible_to_viewer!(),
                " ORDER BY rank DESC, i.created_at DESC LIMIT $6"
            ))
            .bind(user)
            .bind(admin)
            .bind(&fts)
            .bind(kind)
            .bind(status)
            .bind(limit)
            .bind(RANKED)
            .bind(area)
            .fetch_all(db)
            .await,
        }
        .context("searching offers and asks")?;
    rows.iter()
        .map(|row| {
            use sqlx::Row;
            Ok(Hit {
                rank: row.try_get("rank")?,
                post: post_from_row(row)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_plain_distinct_and_bounded() {
        assert_eq!(
            words("Fix my BIKE; bike* \"OR\" -x", 10),
            vec!["fix", "bike"]
        );
        assert_eq!(words("Looking for help with my bike", 10), vec!["bike"]);
        assert_eq!(words("a b c d e f g h", 3).len(), 0);
        assert_eq!(words("one two three four", 2), vec!["one", "two"]);
    }

    #[test]
    fn queries_use_each_backends_syntax() {
        let w = vec!["van".to_string(), "friday".to_string()];
        assert_eq!(
            query_text(Backend::Sqlite, &w, Combine::All),
            "\"van\" \"friday\""
        );
        assert_eq!(
            query_text(Backend::Sqlite, &w, Combine::Any),
            "\"van\" OR \"friday\""
        );
        assert_eq!(
            query_text(Backend::Postgres, &w, Combine::All),
            "van & friday"
        );
        assert_eq!(
            query_text(Backend::Postgres, &w, Combine::Any),
            "van | friday"
        );
    }
}
