//! New public items of every kind, in one shape: what Atom feeds and alert digests list.
//! Only what anyone may see comes out: no hidden reports or stories, no stories waiting for
//! moderation, only public offers and asks, no cancelled events.

use anyhow::Context;
use sqlx::Row;

use crate::db::Db;

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
    macro_rules! in_tree {
        ($column:literal) => {
            concat!(
                " AND ($1 = '' OR ",
                crate::in_area_tree!($column, "$1"),
                ")"
            )
        };
    }
    macro_rules! window {
        ($at:literal, $id:literal) => {
            concat!(
                " AND ",
                $at,
                " > $2 AND (",
                $at,
                " < $3 OR (",
                $at,
                " = $3 AND ",
                $id,
                " < $5)) ORDER BY ",
                $at,
                " DESC, ",
                $id,
                " DESC LIMIT $4"
            )
        };
    }
    let sql = match kind {
        Kind::Reports => concat!(
            "SELECT r.id, r.title, r.description AS summary, '/reports/' || r.id AS path, \
             a.name AS area_name, c.name AS topic, r.created_at AS at, \
             r.latitude, r.longitude \
             FROM reports r JOIN areas a ON a.id = r.area_id \
             JOIN report_categories c ON c.id = r.category_id WHERE r.hidden_reason = ''",
            in_tree!("r.area_id"),
            window!("r.created_at", "r.id")
        ),
        Kind::Stories => concat!(
            "SELECT s.id, s.title, s.body AS summary, '/stories/' || s.id AS path, \
             COALESCE(a.name, '') AS area_name, o.name AS topic, s.published_at AS at \
             FROM stories s JOIN organisations o ON o.id = s.organisation_id \
             LEFT JOIN areas a ON a.id = o.area_id \
             WHERE s.status = 'published' AND s.hidden_reason = ''",
            in_tree!("o.area_id"),
            window!("s.published_at", "s.id")
        ),
        Kind::Conversations => concat!(
            "SELECT c.id, c.title, COALESCE((SELECT p.body FROM conversation_posts p \
               WHERE p.conversation_id = c.id AND p.hidden_reason = '' \
               ORDER BY p.created_at LIMIT 1), '') AS summary, \
             '/conversations/' || c.id AS path, a.name AS area_name, c.topic, \
             c.created_at AS at FROM conversations c JOIN areas a ON a.id = c.area_id \
             WHERE 1 = 1",
            in_tree!("c.area_id"),
            window!("c.created_at", "c.id")
        ),
        Kind::Asks => concat!(
            "SELECT h.id, h.title, h.body AS summary, '/help/' || h.id AS path, \
             a.name AS area_name, h.timing AS topic, h.created_at AS at \
             FROM help_posts h JOIN areas a ON a.id = h.area_id \
             WHERE h.kind = 'ask' AND h.visibility = 'public' AND h.status = 'open'",
            in_tree!("h.area_id"),
            window!("h.created_at", "h.id")
        ),
        Kind::Offers => concat!(
            "SELECT h.id, h.title, h.body AS summary, '/help/' || h.id AS path, \
             a.name AS area_name, h.timing AS topic, h.created_at AS at \
             FROM help_posts h JOIN areas a ON a.id = h.area_id \
             WHERE h.kind = 'offer' AND h.visibility = 'public' AND h.status = 'open'",
            in_tree!("h.area_id"),
            window!("h.created_at", "h.id")
        ),
        Kind::Events => concat!(
            "SELECT e.id, e.title, e.description AS summary, '/events/' || e.slug AS path, \
             a.name AS area_name, e.kind AS topic, e.created_at AS at, \
             e.latitude, e.longitude \
             FROM events e JOIN areas a ON a.id = e.area_id WHERE e.cancelled_at IS NULL",
            in_tree!("e.area_id"),
            window!("e.created_at", "e.id")
        ),
        Kind::Budgets => concat!(
            "SELECT b.id, b.title, b.description AS summary, '/budgets/' || b.slug AS path, \
             a.name AS area_name, b.phase AS topic, b.phase_changed_at AS at \
             FROM pb_processes b JOIN areas a ON a.id = b.area_id WHERE 1 = 1",
            in_tree!("b.area_id"),
            window!("b.phase_changed_at", "b.id")
        ),
        // Methods belong to no area: an area filter leaves them all in.
        Kind::Methods => concat!(
            "SELECT m.id, m.title, m.summary, '/methods/' || m.slug AS path, \
             '' AS area_name, m.tags AS topic, m.created_at AS at, m.seed FROM methods m \
             WHERE $1 = $1",
            window!("m.created_at", "m.id")
        ),
    };
    let rows = sqlx::query(sql)
        .bind(area_id)
        .bind(after)
        .bind(before.at)
        .bind(limit)
        .bind(&before.id)
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
