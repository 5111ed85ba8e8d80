//! The sums behind an area's dashboard: ballots per budget, reports' answer times per
//! organisation, representatives' answers. Each covers the area and the areas inside it.

use anyhow::Context;
use sqlx::Row;

use crate::db::Db;
use crate::reports::stats::{self, KeptCount, Stats};

/// A budget and how many ballots it has (online, paper and imported alike).
pub struct Participation {
    pub slug: String,
    pub title: String,
    pub phase: String,
    pub ballots: i64,
}

pub async fn budget_participation(db: &Db, area_id: &str) -> anyhow::Result<Vec<Participation>> {
    let rows = sqlx::query(concat!(
        "SELECT p.slug, p.title, p.phase, \
         (SELECT COUNT(*) FROM pb_ballots b WHERE b.process_id = p.id) \
         + (SELECT COUNT(*) FROM pb_sealed_ballots s WHERE s.process_id = p.id) AS ballots \
         FROM pb_processes p WHERE ",
        crate::in_area_tree!("p.area_id", "$1"),
        " ORDER BY p.created_at, p.id"
    ))
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("counting ballots per budget")?;
    rows.iter()
        .map(|r| {
            Ok(Participation {
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                phase: r.try_get("phase")?,
                ballots: r.try_get("ballots")?,
            })
        })
        .collect()
}

/// Each organisation's record on the shown reports of the area and the areas inside it:
/// (slug, name, record), by name. From the counts kept by migration 0023.
pub async fn report_records(
    db: &Db,
    area_id: &str,
) -> anyhow::Result<Vec<(String, String, Stats)>> {
    let rows = sqlx::query(concat!(
        // Summed over the tree's areas first, then named: one name per sum, not per count.
        "SELECT o.slug, o.name, t.measure, t.bucket, t.n FROM (\
           SELECT organisation_id, measure, bucket, CAST(SUM(n) AS BIGINT) AS n \
           FROM report_tallies WHERE n > 0 AND ",
        crate::in_area_tree!("area_id", "$1"),
        " GROUP BY organisation_id, measure, bucket) t \
         JOIN organisations o ON o.id = t.organisation_id ORDER BY o.name, o.slug"
    ))
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("reading the records of the area's organisations")?;
    let mut grouped: Vec<(String, String, Vec<KeptCount>)> = Vec::new();
    for row in &rows {
        let slug: String = row.try_get("slug")?;
        let count = (
            row.try_get("measure")?,
            row.try_get("bucket")?,
            row.try_get("n")?,
        );
        match grouped.last_mut() {
            Some((last, _, counts)) if *last == slug => counts.push(count),
            _ => grouped.push((slug, row.try_get("name")?, vec![count])),
        }
    }
    Ok(grouped
        .into_iter()
        .map(|(slug, name, counts)| (slug, name, stats::from_counts(&counts)))
        .collect())
}

/// The public questions to one representative: when each was asked and answered.
pub struct RepQuestions {
    id: String,
    pub name: String,
    pub role: String,
    pub times: Vec<(i64, Option<i64>)>,
}

/// Questions to each representative of the area.
pub async fn question_timings(db: &Db, area_id: &str) -> anyhow::Result<Vec<RepQuestions>> {
    let rows = sqlx::query(concat!(
        "SELECT rp.id, u.display_name, rp.role, q.created_at, q.answered_at \
         FROM representatives rp JOIN users u ON u.id = rp.user_id \
         LEFT JOIN rep_questions q ON q.representative_id = rp.id AND q.hidden_reason = '' \
         WHERE ",
        crate::in_area_tree!("rp.area_id", "$1"),
        " ORDER BY u.display_name, rp.id, q.created_at"
    ))
    .bind(area_id)
    .fetch_all(db)
    .await
    .context("reading answer times per representative")?;
    let mut grouped: Vec<RepQuestions> = Vec::new();
    for row in &rows {
        let id: String = row.try_get("id")?;
        let asked: Option<i64> = row.try_get("created_at")?;
        let answered: Option<i64> = row.try_get("answered_at")?;
        if grouped.last().is_none_or(|last| last.id != id) {
            grouped.push(RepQuestions {
                id,
                name: row.try_get("display_name")?,
                role: row.try_get("role")?,
                times: Vec::new(),
            });
        }
        if let (Some(asked), Some(last)) = (asked, grouped.last_mut()) {
            last.times.push((asked, answered));
        }
    }
    Ok(grouped)
}
