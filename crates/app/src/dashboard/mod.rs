//! An area's public dashboard (`/areas/{slug}/dashboard`): activity month by month,
//! participation in its budgets, how quickly organisations answer reports and
//! representatives answer questions, and its network map's headline numbers. Every chart is
//! an SVG drawn from a table that is on the page too.

pub mod store;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::areas::store::{self as areas, Area};
use crate::db::now_ms;
use crate::feeds::store::{self as feeds, Kind};
use crate::i18n::Lang;
use crate::mapping::{self, map::Headline, store::Exercise};
use crate::reports::stats::{self, Stats};
use crate::state::AppState;
use crate::web::charts::{self, Chart};
use crate::web::{AppError, AppResult, PageContext, render};

const MONTHS: usize = 12;
/// The kinds counted as activity.
const ACTIVITY: [Kind; 6] = [
    Kind::Reports,
    Kind::Conversations,
    Kind::Events,
    Kind::Asks,
    Kind::Offers,
    Kind::Stories,
];
const DAY_MS: f64 = 24.0 * 3600.0 * 1000.0;

pub fn routes() -> Router<AppState> {
    Router::new().route("/areas/{slug}/dashboard", get(dashboard))
}

/// One month's counts, kind by kind in the order of `ACTIVITY`.
struct Month {
    name: String,
    counts: Vec<usize>,
}

impl Month {
    fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// An organisation's answers to the area's reports.
struct OrgRecord {
    slug: String,
    name: String,
    stats: Stats,
}

/// A representative's answers to public questions.
struct RepRecord {
    name: String,
    role: String,
    asked: usize,
    answered: usize,
    median_days: Option<f64>,
}

#[derive(Template)]
#[template(path = "dashboard/templates/dashboard.html")]
struct DashboardPage {
    ctx: PageContext,
    area: Area,
    months: Vec<Month>,
    activity_chart: Chart,
    budgets: Vec<store::Participation>,
    budgets_chart: Chart,
    organisations: Vec<OrgRecord>,
    organisations_chart: Chart,
    representatives: Vec<RepRecord>,
    network: Option<(Exercise, Headline)>,
}

impl DashboardPage {
    fn kind_names(&self) -> Vec<String> {
        ACTIVITY
            .iter()
            .map(|k| self.ctx.t(&k.label_key()))
            .collect()
    }

    fn phase_name(&self, phase: &str) -> String {
        self.ctx.t(&format!("pb-phase-{phase}"))
    }

    fn days(&self, ms: &Option<i64>) -> String {
        ms.map(|ms| self.ctx.lang.decimal(ms as f64 / DAY_MS, 1))
            .unwrap_or_else(|| "–".into())
    }

    fn share(&self, part: &usize, whole: &usize) -> String {
        let as_i64 = |n: &usize| i64::try_from(*n).unwrap_or(i64::MAX);
        crate::i18n::format::whole_percent(as_i64(part), as_i64(whole))
            .map_or_else(|| "–".into(), |percent| format!("{percent}%"))
    }

    fn decimal(&self, value: &Option<f64>) -> String {
        value
            .map(|v| self.ctx.lang.decimal(v, 1))
            .unwrap_or_else(|| "–".into())
    }

    fn density(&self, headline: &Headline) -> String {
        self.ctx.lang.decimal(headline.density, 3)
    }
}

/// The area and the areas inside it (two levels: district, then neighbourhoods).
fn tree_of(area: &Area, all: &[Area]) -> Vec<String> {
    let children: Vec<&Area> = all
        .iter()
        .filter(|a| a.parent_id.as_deref() == Some(area.id.as_str()))
        .collect();
    let mut ids = vec![area.id.clone()];
    for child in &children {
        ids.push(child.id.clone());
        ids.extend(
            all.iter()
                .filter(|a| a.parent_id.as_deref() == Some(child.id.as_str()))
                .map(|a| a.id.clone()),
        );
    }
    ids
}

async fn activity(state: &AppState, lang: &Lang, area_id: &str) -> AppResult<Vec<Month>> {
    let now = now_ms();
    let months = state.zone.recent_months(lang, now, MONTHS);
    let starts: Vec<i64> = months.iter().map(|(start, _)| *start).collect();
    let mut per_kind = Vec::with_capacity(ACTIVITY.len());
    for &kind in &ACTIVITY {
        per_kind.push(feeds::count_by_period(&state.db, kind, area_id, &starts, now).await?);
    }
    Ok(months
        .into_iter()
        .enumerate()
        .map(|(m, (_, name))| Month {
            name,
            counts: per_kind.iter().map(|counts| counts[m] as usize).collect(),
        })
        .collect())
}

async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = areas::find_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let all = areas::all(&state.db).await?;
    let months = activity(&state, &ctx.lang, &area.id).await?;
    let activity_chart = charts::columns(
        &months
            .iter()
            .map(|m| (m.name.clone(), m.total() as f64, m.total().to_string()))
            .collect::<Vec<_>>(),
        720.0,
        220.0,
    );
    let budgets = store::budget_participation(&state.db, &area.id).await?;
    let budgets_chart = charts::rows(
        &budgets
            .iter()
            .map(|b| (b.title.clone(), b.ballots as f64, b.ballots.to_string()))
            .collect::<Vec<_>>(),
        720.0,
    );
    let organisations: Vec<OrgRecord> = store::report_records(&state.db, &area.id)
        .await?
        .into_iter()
        .map(|(slug, name, stats)| OrgRecord { slug, name, stats })
        .collect();
    let organisations_chart = charts::rows(
        &organisations
            .iter()
            .map(|o| {
                let days = o.stats.median_response_ms.map(|ms| ms as f64 / DAY_MS);
                (
                    o.name.clone(),
                    days.unwrap_or(0.0),
                    days.map(|d| format!("{d:.1}"))
                        .unwrap_or_else(|| "–".into()),
                )
            })
            .collect::<Vec<_>>(),
        720.0,
    );
    let representatives = store::question_timings(&state.db, &area.id)
        .await?
        .into_iter()
        .map(|rep| {
            let waits: Vec<i64> = rep
                .times
                .iter()
                .filter_map(|(asked, answered)| answered.map(|a| (a - asked).max(0)))
                .collect();
            RepRecord {
                asked: rep.times.len(),
                name: rep.name,
                role: rep.role,
                answered: waits.len(),
                median_days: stats::median(waits).map(|ms| ms as f64 / DAY_MS),
            }
        })
        .collect();
    let network = mapping::latest_public_headline(&state.db, &tree_of(&area, &all)).await?;
    render(&DashboardPage {
        ctx,
        area,
        months,
        activity_chart,
        budgets,
        budgets_chart,
        organisations,
        organisations_chart,
        representatives,
        network,
    })
}
