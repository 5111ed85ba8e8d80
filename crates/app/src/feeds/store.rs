//! New public items of every kind, in one shape: what Atom feeds and alert digests list.
//! Only what anyone may see comes out: no hidden reports or stories, no stories waiting for
//! moderation, only public offers and asks, no cancelled events.

use anyhow::Context;
use sqlx::Row;

use crate::db::{Db, Sql};

/// The kinds of item a feed or an alert can follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Reports,
    Stories,
    Conversations,
    Asks,
    Offers,
    Events,
    Budgets,
    Methods,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Reports,
        Kind::Stories,
        Kind::Conversations,
        Kind::Asks,
        Kind::Offers,
        Kind::Events,
        Kind::Budgets,
        Kind::Methods,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reports => "reports",
            Kind::Stories => "stories",
            Kind::Conversations => "conversations",
            Kind::Asks => "asks",
            Kind::Offers => "offers",
            Kind::Events => "events",
            Kind::Budgets => "budgets",
            Kind::Methods => "methods",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_key(self) -> String {
        format!("feed-kind-{}", self.as_str())
    }

    /// The page that lists this kind on the site.
    pub fn list_path(self) -> &'static str {
        match self {
            Kind::Reports => "/reports",
            Kind::Stories => "/stories",
            Kind::Conversations => "/conversations",
            Kind::Asks | Kind::Offers => "/help",
            Kind::Events => "/events",
            Kind::Budgets => "/budgets",
            Kind::Methods => "/methods",
        }
    }
}

/// One new thing, as a feed entry or a line in a digest.
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The item's page on the site, e.g. `/reports/0190...`.
    pub path: String,
    pub area_name: String,
    /// A conversation's topic, a report's category, a budget's new phase; else empty.
    pub topic: String,
    /// When it appeared (for a budget: when it entered its current phase).
    pub at: i64,
    /// For one of the methods library's first twelve recipes, its seed: the title then
    /// follows the reader's language (`methods::seed::title`). None for everything else.
    pub seed: Option<String>,
    /// Where it is (latitude, longitude), for reports and events that have a place.
    pub location: Option<(f64, f64)>,
}

/// Where a page of items newest-first stops: items strictly before this time, or at this
/// time with a smaller id (many items can share a millisecond, as an import's do).
#[derive(Debug, Clone)]
pub struct Before {
    pub at: i64,
    pub id: String,
}

impl Before {
    /// The first page: everything up to and including `until`.
    pub fn until(until: i64) -> Before {
        Before {
            at: until.saturating_add(1),
            id: String::new(),
        }
    }

    /// The page after one that ended with `item`.
    pub fn after_item(item: &Item) -> Before {
        Before {
            at: item.at,
            id: item.id.clone(),
        }
    }
}

/// Where the public items of one kind come from: the columns of an [`Item`], the tables and
/// the conditions that make an item public, when it appeared, its id, and the column naming
/// its area (None: the kind belongs to no area, and an area filter leaves it all in).
struct Source {
    select: &'static str,
    from_where: &'static str,
    /// `from_where` without what only the columns need: what counting reads.
    count_from: &'static str,
    at: &'static str,
    id: &'static str,
    area: Option<&'static str>,
}

fn source(kind: Kind) -> Source {
    match kind {
        Kind::Reports => Source {
            select: "r.id, r.title, r.description AS summary, '/reports/' || r.id AS path, \
                     a.name AS area_name, c.name AS topic, r.created_at AS at, \
                     r.latitude, r.longitude",
            from_where: "FROM reports r JOIN areas a ON a.id = r.area_id \
                         JOIN report_categories c ON c.id = r.category_id \
                         WHERE r.hidden_reason = ''",
            count_from: "FROM reports r WHERE r.hidden_reason = ''",
            at: "r.created_at",
            id: "r.id",
            area: Some("r.area_id"),
        },
        Kind::Stories => Source {
            select: "s.id, s.title, s.body AS summary, '/stories/' || s.id AS path, \
                     COALESCE(a.name, '') AS area_name, o.name AS topic, s.published_at AS at",
            from_where: "FROM stories s JOIN organisations o ON o.id = s.organisation_id \
                         LEFT JOIN areas a ON a.id = o.area_id \
                         WHERE s.status = 'published' AND s.hidden_reason = ''",
            count_from: "FROM stories s JOIN organisations o ON o.id = s.organisation_id \
                          WHERE s.status = 'published' AND s.hidden_reason = ''",
            at: "s.published_at",
            id: "s.id",
            area: Some("o.area_id"),
        },
        Kind::Conversations => Source {
            select: "c.id, c.title, COALESCE((SELECT p.body FROM conversation_posts p \
                       WHERE p.conversation_id = c.id AND p.hidden_reason = '' \
                       ORDER BY p.created_at LIMIT 1), '') AS summary, \
                     '/conversations/' || c.id AS path, a.name AS area_name, c.topic, \
                     c.created_at AS at",
            from_where: "FROM conversations c JOIN areas a ON a.id = c.area_id WHERE 1 = 1",
            count_from: "FROM conversations c WHERE 1 = 1",
            at: "c.created_at",
            id: "c.id",
            area: Some("c.area_id"),
        },
        Kind::Asks => Source {
            select: "h.id, h.title, h.body AS summary, '/help/' || h.id AS path, \
                     a.name AS area_name, h.timing AS topic, h.created_at AS at",
            from_where: "FROM help_posts h JOIN areas a ON a.id = h.area_id \
                         WHERE h.kind = 'ask' AND h.visibility = 'public' AND h.status = 'open'",
            count_from: "FROM help_posts h \
                          WHERE h.kind = 'ask' AND h.visibility = 'public' AND h.status = 'open'",
            at: "h.created_at",
            id: "h.id",
            area: Some("h.area_id"),
        },
        Kind::Offers => Source {
            select: "h.id, h.title, h.body AS summary, '/help/' || h.id AS path, \
                     a.name AS area_name, h.timing AS topic, h.created_at AS at",
            from_where: "FROM help_posts h JOIN areas a ON a.id = h.area_id \
                         WHERE h.kind = 'offer' AND h.visibility = 'public' AND h.status = 'open'",
            count_from: "FROM help_posts h \
                          WHERE h.kind = 'offer' AND h.visibility = 'public' AND h.status = 'open'",
            at: "h.created_at",
            id: "h.id",
            area: Some("h.area_id"),
        },
        Kind::Events => Source {
            select: "e.id, e.title, e.description AS summary, '/events/' || e.slug AS path, \
                     a.name AS area_name, e.kind AS topic, e.created_at AS at, \
                     e.latitude, e.longitude",
            from_where: "FROM events e JOIN areas a ON a.id = e.area_id \
                         WHERE e.cancelled_at IS NULL",
            count_from: "FROM events e WHERE e.cancelled_at IS NULL",
            at: "e.created_at",
            id: "e.id",
            area: Some("e.area_id"),
        },
        Kind::Budgets => Source {
            select: "b.id, b.title, b.description AS summary, '/budgets/' || b.slug AS path, \
                     a.name AS area_name, b.phase AS topic, b.phase_changed_at AS at",
            from_where: "FROM pb_processes b JOIN areas a ON a.id = b.area_id WHERE 1 = 1",
            count_from: "FROM pb_processes b WHERE 1 = 1",
            at: "b.phase_changed_at",
            id: "b.id",
            area: Some("b.area_id"),
        },
        Kind::Methods => Source {
            select: "m.id, m.title, m.summary, '/methods/' || m.slug AS path, \
                     '' AS area_name, m.tags AS topic, m.created_at AS at, m.seed",
            from_where: "FROM methods m WHERE 1 = 1",
            count_from: "FROM methods m WHERE 1 = 1",
            at: "m.created_at",
            id: "m.id",
            area: None,
        },
    }
}

impl Source {
    /// `FROM ... WHERE` the public items, in the area and the areas inside it (`area_id`
    /// empty: everywhere), that appeared after `after`.
    fn push_from(&self, q: &mut Sql, area_id: &str, after: i64) {
        self.push_from_where(q, self.from_where, area_id, after);
    }

    /// [`Source::push_from`] with the tables and conditions `from_where`.
    fn push_from_where(&self, q: &mut Sql, from_where: &str, area_id: &str, after: i64) {
        q.push(" ").push(from_where);
        if let (Some(column), false) = (self.area, area_id.is_empty()) {
            q.push(" AND ").in_area_tree(column, area_id);
        }
        q.push(" AND ").push(self.at).push(" > ").bind(after);
    }
}

/// Items of `kind` that appeared after `after` and before `before`, newest first (then by
/// id), in the area and the areas inside it (`area_id` empty: everywhere).
pub async fn between(
    db: &Db,
    kind: Kind,
    area_id: &str,
    after: i64,
    before: &Before,
    limit: i64,
) -> anyhow::Result<Vec<Item>> {
    let source = source(kind);
    let (at, id) = (source.at, source.id);
    let mut q = Sql::new("SELECT ");
    q.push(source.select);
    source.push_from(&mut q, area_id, after);
    // `at <=` first: a range the time index reads in order (SQLite reads the two parts of
    // the OR apart and sorts them all, a million reports for a feed's first page).
    q.older_than(at, id, (before.at, &before.id))
        .push(&format!(" ORDER BY {at} DESC, {id} DESC LIMIT "))
        .bind(limit);
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .with_context(|| format!("reading new {}", kind.as_str()))?;
    rows.iter()
        .map(|row| {
            Ok(Item {
                kind,
                id: row.try_get("id")?,
                title: row.try_get("title")?,
                summary: row.try_get("summary")?,
                path: row.try_get("path")?,
                area_name: row.try_get("area_name")?,
                topic: row.try_get("topic")?,
                at: row.try_get("at")?,
                seed: match kind {
                    Kind::Methods => row.try_get("seed")?,
                    _ => None,
                },
                location: match kind {
                    Kind::Reports | Kind::Events => {
                        let lat: Option<f64> = row.try_get("latitude")?;
                        let lon: Option<f64> = row.try_get("longitude")?;
                        lat.zip(lon)
                    }
                    _ => None,
                },
            })
        })
        .collect()
}

/// How many items of `kind` appeared in each period `[starts[i], starts[i + 1])`, the last
/// running to `until`, in the area and the areas inside it: counted by the database over the
/// periods' rows alone, however many there are.
pub async fn count_by_period(
    db: &Db,
    kind: Kind,
    area_id: &str,
    starts: &[i64],
    until: i64,
) -> anyhow::Result<Vec<i64>> {
    if starts.is_empty() {
        return Ok(Vec::new());
    }
    if kind == Kind::Reports {
        return reports_by_period(db, area_id, starts, until).await;
    }
    let source = source(kind);
    let at = source.at;
    // A count per period, each over its own range of an index on the time (by area where
    // an area is asked): the database counts index entries, and reads no row it skips.
    let mut q = Sql::new("SELECT ");
    let ends = starts.iter().skip(1).copied().chain([until]);
    for (i, (start, end)) in starts.iter().copied().zip(ends).enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push("(SELECT COUNT(*)");
        source.push_from_where(&mut q, source.count_from, area_id, start - 1);
        q.push(&format!(" AND {at} < "))
            .bind(end)
            .push(&format!(") AS p{i}"));
    }
    let row = q
        .query()
        .fetch_one(db)
        .await
        .with_context(|| format!("counting {} by month", kind.as_str()))?;
    (0..starts.len())
        .map(|i| Ok(row.try_get::<i64, _>(format!("p{i}").as_str())?))
        .collect()
}

const DAY_MS: i64 = 86_400_000;

/// [`count_by_period`] for reports, the many: whole UTC days from the counts kept per area
/// and day (`report_days`, migration 0024), and the hours at a period's ends that a whole
/// day does not cover (a month starts at local midnight) from the reports themselves.
async fn reports_by_period(
    db: &Db,
    area_id: &str,
    starts: &[i64],
    until: i64,
) -> anyhow::Result<Vec<i64>> {
    let ends: Vec<i64> = starts.iter().skip(1).copied().chain([until]).collect();
    let periods: Vec<(i64, i64)> = starts.iter().copied().zip(ends).collect();
    // Each period's whole days [first_day, end_day) and the parts outside them.
    let whole_days = |(start, end): (i64, i64)| {
        let first_day = start.div_euclid(DAY_MS) + i64::from(start.rem_euclid(DAY_MS) != 0);
        let end_day = end.div_euclid(DAY_MS).max(first_day);
        (first_day, end_day)
    };
    let mut counts = vec![0; periods.len()];
    // The caller has returned already when there is no period.
    let first = starts[0];
    let mut q = Sql::new("SELECT day, CAST(SUM(n) AS BIGINT) AS n FROM report_days WHERE day >= ");
    q.bind(first.div_euclid(DAY_MS))
        .push(" AND day <= ")
        .bind(until.div_euclid(DAY_MS))
        .push(" AND n > 0");
    if !area_id.is_empty() {
        q.push(" AND ").in_area_tree("area_id", area_id);
    }
    q.push(" GROUP BY day");
    let rows = q
        .query()
        .fetch_all(db)
        .await
        .context("counting reports by day")?;
    for row in &rows {
        let (day, n): (i64, i64) = (row.try_get("day")?, row.try_get("n")?);
        if let Some(i) = periods.iter().position(|&p| {
            let (first_day, end_day) = whole_days(p);
            (first_day..end_day).contains(&day)
        }) {
            counts[i] += n;
        }
    }
    // The parts of days at the periods' ends, as half-open ranges of time.
    let mut parts = Vec::new();
    for (i, &(start, end)) in periods.iter().enumerate() {
        let (first_day, end_day) = whole_days((start, end));
        if first_day >= end_day {
            parts.push((i, start, end));
        } else {
            parts.push((i, start, first_day * DAY_MS));
            parts.push((i, end_day * DAY_MS, end));
        }
    }
    parts.retain(|(_, from, to)| from < to);
    for chunk in parts.chunks(50) {
        // Each part counted over its own range of the time index (per area where an
        // area is asked): one scan filtered by all the ranges at once reads every report
        // of the tree.
        let mut q = Sql::new("SELECT ");
        for (k, (_, from, to)) in chunk.iter().enumerate() {
            if k > 0 {
                q.push(", ");
            }
            q.push(
                "(SELECT COUNT(*) FROM reports r WHERE r.hidden_reason = '' AND r.created_at >= ",
            )
            .bind(*from)
            .push(" AND r.created_at < ")
            .bind(*to);
            if !area_id.is_empty() {
                q.push(" AND ").in_area_tree("r.area_id", area_id);
            }
            q.push(&format!(") AS part{k}"));
        }
        let row = q
            .query()
            .fetch_one(db)
            .await
            .context("counting reports at the ends of periods")?;
        for (k, (i, _, _)) in chunk.iter().enumerate() {
            counts[*i] += row.try_get::<i64, _>(format!("part{k}").as_str())?;
        }
    }
    Ok(counts)
}
