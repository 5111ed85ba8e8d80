//! Full-text search over offers and asks, the same on SQLite and PostgreSQL: a tantivy index
//! in a temporary folder (BM25 ranking, English stemming), filtered by kind, status, area and, for
//! visitors who are not signed in, visibility. Only post ids come out of the index; the posts
//! themselves are read from the database through the privacy condition, so the index can
//! never show a post to someone who may not see it.
//!
//! The index follows the database by change number (migration 0006): before each search it
//! reads the posts changed since it last looked, whichever process changed them. It is built
//! on first use and rebuilt from the database when the process starts.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use anyhow::Context;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query as TantivyQuery, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader, TantivyDocument,
    Term, doc,
};
use tokio::sync::{Mutex, OnceCell};

use super::store::{self, IndexRow, Post, PostKind};
use crate::assets::privacy::Viewer;
use crate::db::Db;

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
/// from every query.
const STOPWORDS: &[&str] = &[
    "a", "about", "an", "and", "any", "anyone", "are", "as", "at", "be", "but", "by", "can", "do",
    "does", "for", "free", "from", "get", "happy", "has", "have", "help", "i", "if", "in", "is",
    "it", "know", "looking", "me", "my", "need", "of", "offer", "on", "or", "our", "please", "so",
    "some", "someone", "the", "to", "up", "us", "wanted", "we", "with", "would", "you", "your",
];

/// Words people use for the same thing in offers and asks, so "fixing bicycles" finds "I can
/// fix bikes". Each group is searched as one word; English, like the index's stemming.
const SYNONYMS: &[&[&str]] = &[
    &["bike", "bikes", "bicycle", "bicycles", "cycle", "cycles"],
    &["computer", "computers", "laptop", "laptops", "pc"],
    &["phone", "phones", "smartphone", "mobile"],
    &["sewing", "sew", "mending", "mend", "tailoring"],
    &["garden", "gardening", "allotment"],
    &["child", "children", "kids", "childcare", "babysitting"],
    &["elderly", "older", "pensioners"],
    &["car", "cars", "lift", "lifts", "driving"],
    &["cooking", "cook", "baking", "meals"],
    &["repair", "repairs", "fix", "fixing", "mend", "mending"],
];

/// The other words of `word`'s synonym groups.
fn synonyms(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    SYNONYMS
        .iter()
        .filter(move |group| group.contains(&word))
        .flat_map(|group| group.iter().copied())
        .filter(move |other| *other != word)
}

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

/// A post found by its words, with a relevance where higher is better.
pub struct Hit {
    pub post: Post,
    pub rank: f64,
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

/// How many changed posts one catch-up reads at a time.
const CATCH_UP_BATCH: i64 = 5_000;
/// Posts indexed between commits while catching up.
const COMMIT_EVERY: usize = 20_000;

/// The search over offers and asks: cheap to clone, one per site.
#[derive(Clone)]
pub struct PostSearch {
    db: Db,
    index: Arc<OnceCell<PostIndex>>,
}

impl PostSearch {
    pub fn new(db: Db) -> PostSearch {
        PostSearch {
            db,
            index: Arc::new(OnceCell::new()),
        }
    }

    /// Builds the index now rather than on the first search (a site with many posts takes
    /// seconds).
    pub async fn warm(&self) -> anyhow::Result<()> {
        self.ready_index().await.map(|_| ())
    }

    /// Posts the viewer may see whose words match, most relevant first (newest first among
    /// equals).
    pub async fn search(&self, viewer: &Viewer, query: &Query<'_>) -> anyhow::Result<Vec<Hit>> {
        let words = words(query.text, 12);
        let limit = usize::try_from(query.limit.max(0)).unwrap_or(0);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let index = self.ready_index().await?;
        let areas = match query.area {
            "" => Vec::new(),
            area => store::area_and_inside(&self.db, area).await?,
        };
        let filters = Filters {
            kind: query.kind.map(PostKind::as_str),
            status: query.status,
            areas: (!query.area.is_empty()).then_some(areas.as_slice()),
            public_only: viewer.user_id.is_empty() && !viewer.is_admin,
        };
        let tantivy_query = index.query(&words, query.combine, &filters)?;
        // Posts the viewer may not see (or deleted since) drop out below; ask the index for
        // more until there are enough or it has no more.
        let mut wanted = limit + 10;
        loop {
            let found = index.top(tantivy_query.as_ref(), wanted)?;
            let exhausted = found.len() < wanted;
            let ids: Vec<String> = found.iter().map(|(id, _)| id.clone()).collect();
            let mut posts: HashMap<String, Post> = store::visible_with_ids(&self.db, viewer, &ids)
                .await?
                .into_iter()
                .map(|p| (p.id.clone(), p))
                .collect();
            let hits: Vec<Hit> = found
                .into_iter()
                .filter_map(|(id, rank)| posts.remove(&id).map(|post| Hit { post, rank }))
                .take(limit)
                .collect();
            if hits.len() == limit || exhausted || wanted >= 8 * limit + 80 {
                return Ok(hits);
            }
            wanted *= 2;
        }
    }

    /// The index, built if need be, with every committed change read.
    async fn ready_index(&self) -> anyhow::Result<&PostIndex> {
        let index = self.index.get_or_try_init(PostIndex::new).await?;
        index.catch_up(&self.db).await?;
        Ok(index)
    }
}

/// What narrows a search besides its words.
struct Filters<'a> {
    kind: Option<&'a str>,
    status: &'a str,
    /// Some: the post's area must be one of these.
    areas: Option<&'a [String]>,
    public_only: bool,
}

struct Fields {
    id: Field,
    text: Field,
    kind: Field,
    status: Field,
    visibility: Field,
    area: Field,
    created_at: Field,
}

/// Where the index has read up to: the last `(change_seq, id)` read.
struct Cursor {
    writer: IndexWriter,
    seq: i64,
    id: String,
}

struct PostIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    cursor: Mutex<Cursor>,
    /// The change number read up to, readable without the lock.
    synced: AtomicI64,
}

impl PostIndex {
    async fn new() -> anyhow::Result<PostIndex> {
        let mut schema = Schema::builder();
        let words = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields = Fields {
            id: schema.add_text_field("id", STRING | STORED),
            text: schema.add_text_field("text", words),
            kind: schema.add_text_field("kind", STRING),
            status: schema.add_text_field("status", STRING),
            visibility: schema.add_text_field("visibility", STRING),
            area: schema.add_text_field("area", STRING),
            created_at: schema.add_i64_field("created_at", INDEXED | tantivy::schema::FAST),
        };
        // On disk in a folder of its own, removed with the index (22 MB for a city's 200,000
        // posts): the operating system keeps what searches read in its cache, and may drop it.
        let index = Index::create_from_tempdir(schema.build())
            .context("making the search index's folder")?;
        // One indexing thread and the smallest memory budget tantivy allows: posts are short
        // and arrive a few at a time once the index is built.
        let writer = index
            .writer_with_num_threads(1, 15_000_000)
            .context("opening the search index writer")?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("opening the search index reader")?;
        Ok(PostIndex {
            index,
            reader,
            fields,
            cursor: Mutex::new(Cursor {
                writer,
                seq: -1,
                id: String::new(),
            }),
            synced: AtomicI64::new(-1),
        })
    }

    /// Reads every post changed since the last look and makes the changes searchable. Only
    /// one catch-up runs at a time; a search that finds nothing new costs one small query.
    async fn catch_up(&self, db: &Db) -> anyhow::Result<()> {
        let latest = store::latest_change(db).await?;
        if latest <= self.synced.load(Ordering::Acquire) {
            return Ok(());
        }
        let mut cursor = self.cursor.lock().await;
        let mut changed = false;
        // Read once per catch-up that finds changes, so a card renamed by an admin reaches
        // the posts changed after it (a restart re-reads every post).
        let mut card_names = None;
        // On the first build the index is empty: nothing to replace.
        let first_build = cursor.seq < 0;
        let mut uncommitted = 0;
        loop {
            let rows = store::changed_after(db, (cursor.seq, &cursor.id), CATCH_UP_BATCH).await?;
            let Some(last) = rows.last() else { break };
            (cursor.seq, cursor.id) = (last.change_seq, last.id.clone());
            if card_names.is_none() {
                card_names = Some(crate::skills::store::names_in_every_language(db).await?);
            }
            let names = card_names.as_ref().expect("read above");
            for row in &rows {
                let card = row.card_code.as_deref().and_then(|c| names.get(c));
                let card = card.map_or("", String::as_str);
                if first_build {
                    self.add(&cursor.writer, row, card)?;
                } else {
                    self.replace(&cursor.writer, row, card)?;
                }
            }
            changed = true;
            // Committed as it goes, so the writer lets go of what it has written: held to
            // the end, a city's 200,000 posts took the process from 90 MB to 320 MB.
            uncommitted += rows.len();
            if uncommitted >= COMMIT_EVERY {
                cursor
                    .writer
                    .commit()
                    .context("committing the search index")?;
                uncommitted = 0;
            }
        }
        if changed {
            // A commit in memory takes milliseconds for a few posts; the first build of a
            // large site takes seconds, once.
            cursor
                .writer
                .commit()
                .context("committing the search index")?;
            self.reader.reload().context("reloading the search index")?;
        }
        self.synced.store(cursor.seq.max(latest), Ordering::Release);
        Ok(())
    }

    /// Puts the post's current state in the index in place of any earlier one.
    fn replace(
        &self,
        writer: &IndexWriter,
        row: &IndexRow,
        card_names: &str,
    ) -> anyhow::Result<()> {
        writer.delete_term(Term::from_field_text(self.fields.id, &row.id));
        self.add(writer, row, card_names)
    }

    /// Adds the post's current state to the index; the names of its skill card are words of
    /// the post too.
    fn add(&self, writer: &IndexWriter, row: &IndexRow, card_names: &str) -> anyhow::Result<()> {
        let f = &self.fields;
        writer
            .add_document(doc!(
                f.id => row.id.as_str(),
                f.text => format!("{}\n{}\n{}", row.title, row.body, card_names),
                f.kind => row.kind.as_str(),
                f.status => row.status.as_str(),
                f.visibility => row.visibility.as_str(),
                f.area => row.area_id.as_str(),
                f.created_at => row.created_at,
            ))
            .context("indexing a post")?;
        Ok(())
    }

    /// The words (stemmed as the index stems them) combined as asked, narrowed by filters
    /// that do not change the ranking.
    fn query(
        &self,
        words: &[String],
        combine: Combine,
        filters: &Filters<'_>,
    ) -> anyhow::Result<Box<dyn TantivyQuery>> {
        let f = &self.fields;
        let mut tokenizer = self
            .index
            .tokenizer_for_field(f.text)
            .context("the search index's tokenizer")?;
        let occur = match combine {
            Combine::All => Occur::Must,
            Combine::Any => Occur::Should,
        };
        let mut word_clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        for word in words {
            // A word matches itself or any word that means the same ("bicycle", "bike").
            let mut alternatives: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
            let forms: Vec<String> = std::iter::once(word.clone())
                .chain(synonyms(word).map(str::to_string))
                .collect();
            for form in &forms {
                let mut stream = tokenizer.token_stream(form);
                while stream.advance() {
                    let term = Term::from_field_text(f.text, &stream.token().text);
                    alternatives.push((
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    ));
                }
            }
            if !alternatives.is_empty() {
                word_clauses.push((occur, Box::new(BooleanQuery::new(alternatives))));
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(word_clauses)))];
        let mut filter = |field: Field, values: &[&str]| {
            let terms = values
                .iter()
                .map(|v| Term::from_field_text(field, v))
                .collect();
            let any_of = BooleanQuery::new_multiterms_query(terms);
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(any_of), 0.0)),
            ));
        };
        if let Some(kind) = filters.kind {
            filter(f.kind, &[kind]);
        }
        if !filters.status.is_empty() {
            filter(f.status, &[filters.status]);
        }
        if let Some(areas) = filters.areas {
            filter(
                f.area,
                &areas.iter().map(String::as_str).collect::<Vec<_>>(),
            );
        }
        if filters.public_only {
            filter(f.visibility, &["public"]);
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The ids of the best `limit` posts for the query, by relevance then newest.
    fn top(&self, query: &dyn TantivyQuery, limit: usize) -> anyhow::Result<Vec<(String, f64)>> {
        let searcher = self.reader.searcher();
        let collector = TopDocs::with_limit(limit).tweak_score(|segment: &SegmentReader| {
            let created_at = segment
                .fast_fields()
                .i64("created_at")
                .map(|column| column.first_or_default_col(0));
            move |doc: DocId, score: Score| {
                let at = created_at.as_ref().map(|c| c.get_val(doc)).unwrap_or(0);
                (score, at)
            }
        });
        let found = searcher
            .search(query, &collector)
            .context("searching offers and asks")?;
        found
            .into_iter()
            .map(|((score, _), address)| {
                let doc: TantivyDocument = searcher.doc(address).context("reading a hit")?;
                let id = doc
                    .get_first(self.fields.id)
                    .and_then(|v| v.as_str())
                    .context("a hit without an id")?;
                Ok((id.to_string(), f64::from(score)))
            })
            .collect()
    }
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

    fn row(id: &str, kind: &str, visibility: &str, area: &str, title: &str) -> IndexRow {
        IndexRow {
            id: id.into(),
            kind: kind.into(),
            status: "open".into(),
            visibility: visibility.into(),
            area_id: area.into(),
            title: title.into(),
            body: String::new(),
            card_code: None,
            created_at: 0,
            change_seq: 0,
        }
    }

    fn no_filters() -> Filters<'static> {
        Filters {
            kind: None,
            status: "",
            areas: None,
            public_only: false,
        }
    }

    async fn index_of(rows: &[IndexRow]) -> PostIndex {
        let index = PostIndex::new().await.unwrap();
        {
            let mut cursor = index.cursor.lock().await;
            for row in rows {
                index.replace(&cursor.writer, row, "").unwrap();
            }
            cursor.writer.commit().unwrap();
        }
        index.reader.reload().unwrap();
        index
    }

    fn ids(index: &PostIndex, text: &str, combine: Combine, filters: &Filters<'_>) -> Vec<String> {
        let query = index.query(&words(text, 12), combine, filters).unwrap();
        let mut found: Vec<String> = index
            .top(query.as_ref(), 10)
            .unwrap()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        found.sort();
        found
    }

    #[tokio::test]
    async fn stems_combine_and_filter() {
        let index = index_of(&[
            row("1", "offer", "public", "north", "I fix bikes on Saturdays"),
            row(
                "2",
                "ask",
                "public",
                "south",
                "Bike fixing for the school run",
            ),
            row("3", "ask", "residents", "north", "A van on Friday"),
            row("4", "offer", "public", "north", "Fixing fences"),
        ])
        .await;
        let all = no_filters();
        assert_eq!(ids(&index, "fixing bike", Combine::All, &all), ["1", "2"]);
        assert_eq!(ids(&index, "bike van", Combine::Any, &all), ["1", "2", "3"]);
        assert!(ids(&index, "bike van", Combine::All, &all).is_empty());
        let asks = Filters {
            kind: Some("ask"),
            ..no_filters()
        };
        assert_eq!(ids(&index, "bike van", Combine::Any, &asks), ["2", "3"]);
        let north = ["north".to_string()];
        let in_north = Filters {
            areas: Some(&north),
            ..no_filters()
        };
        assert_eq!(
            ids(&index, "fix van", Combine::Any, &in_north),
            ["1", "3", "4"]
        );
        let public = Filters {
            public_only: true,
            ..in_north
        };
        assert_eq!(ids(&index, "fix van", Combine::Any, &public), ["1", "4"]);
    }

    #[tokio::test]
    async fn a_changed_post_replaces_its_old_words() {
        let index = index_of(&[row("1", "offer", "public", "north", "Cakes for parties")]).await;
        {
            let mut cursor = index.cursor.lock().await;
            let changed = row("1", "offer", "public", "north", "Bread for parties");
            index.replace(&cursor.writer, &changed, "").unwrap();
            cursor.writer.commit().unwrap();
        }
        index.reader.reload().unwrap();
        assert!(ids(&index, "cakes", Combine::All, &no_filters()).is_empty());
        assert_eq!(
            ids(&index, "party bread", Combine::All, &no_filters()),
            ["1"]
        );
    }
}
