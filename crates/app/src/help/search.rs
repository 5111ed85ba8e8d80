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

/// Words too common to say anything about a post (dropped when looking for similar posts).
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "get",
    "has", "have", "help", "i", "if", "in", "is", "it", "me", "my", "need", "of", "on", "or",
    "our", "so", "some", "the", "to", "up", "us", "we", "with", "would", "you", "your",
];

/// The distinct words of `text`, lower-cased, at most `max` of them.
pub fn words(text: &str, combine: Combine, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        let keep = word.chars().count() >= 2
            && !(combine == Combine::Any && STOPWORDS.contains(&word.as_str()));
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

/// Posts the viewer may see whose words match, best first; `kind` and `status` narrow them
/// ("" for any).
pub async fn search(
    db: &Db,
    viewer: &Viewer,
    text: &str,
    combine: Combine,
    kind: Option<PostKind>,
    status: &str,
    limit: i64,
) -> anyhow::Result<Vec<Hit>> {
    let words = words(text, combine, 12);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let backend = backend(db);
    let query = query_text(backend, &words, combine);
    let (user, admin) = viewer.binds();
    let kind = kind.map(PostKind::as_str).unwrap_or("");
    let rows =
        match backend {
            Backend::Sqlite => {
                sqlx::query(concat!(
                    "SELECT ",
                    crate::select_post_columns!(),
                    ", -bm25(help_posts_fts) AS rank FROM help_posts_fts \
                 JOIN help_posts i ON i.id = help_posts_fts.post_id",
                    crate::post_joins!(),
                    " WHERE help_posts_fts MATCH $3 AND ($4 = '' OR i.kind = $4) \
                  AND ($5 = '' OR i.status = $5) AND ",
                    crate::visible_to_viewer!(),
                    " ORDER BY bm25(help_posts_fts) LIMIT $6"
                ))
                .bind(user)
                .bind(admin)
                .bind(&query)
                .bind(kind)
                .bind(status)
                .bind(limit)
                .fetch_all(db)
                .await
            }
            Backend::Postgres => sqlx::query(concat!(
                "SELECT ",
                crate::select_post_columns!(),
                ", CAST(ts_rank(i.search, q) AS DOUBLE PRECISION) AS rank \
                 FROM help_posts i CROSS JOIN to_tsquery('english', $3) AS q",
                crate::post_joins!(),
                " WHERE i.search @@ q AND ($4 = '' OR i.kind = $4) AND ($5 = '' OR i.status = $5) \
                  AND ",
                crate::visible_to_viewer!(),
                " ORDER BY rank DESC, i.created_at DESC LIMIT $6"
            ))
            .bind(user)
            .bind(admin)
            .bind(&query)
            .bind(kind)
            .bind(status)
            .bind(limit)
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
            words("Fix my BIKE; bike* \"OR\" -x", Combine::All, 10),
            vec!["fix", "my", "bike", "or"]
        );
        assert_eq!(
            words("help me with my bike", Combine::Any, 10),
            vec!["bike"]
        );
        assert_eq!(words("a b c d e f g h", Combine::All, 3).len(), 0);
        assert_eq!(
            words("one two three four", Combine::All, 2),
            vec!["one", "two"]
        );
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
