//! The results page (funded projects, budget used, a chart, the comparison with counting
//! by votes alone, every project's outcome in plain words) and the anonymised ballots as a
//! Pabulib file.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::election::{
    ComparisonResult, CountedPart, ProjectResult, Why, read_counted, to_pabulib,
};
use super::handlers::process_by_slug;
use super::store::{self, Phase, Process, Update};
use super::sub_budgets;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{AppError, AppResult, PageContext, download, render};

/// One row of the results table and chart.
struct Row {
    result: ProjectResult,
    cost: String,
    /// Points given in all, when the ballots carry points.
    points: String,
    why: String,
    /// The bar's width in the chart (of 100); each bar sits under its own label.
    width: f64,
}

#[derive(Template)]
#[template(path = "budgets/templates/results.html")]
struct ResultsPage {
    ctx: PageContext,
    process: Process,
    counted: bool,
    rule_name: String,
    /// One per sub-budget, or one for the whole budget.
    parts: Vec<PartView>,
    updates: Vec<Update>,
}

/// The results of one part of the budget.
struct PartView {
    /// The sub-budget's name; empty when the budget is not split.
    heading: String,
    /// Keeps element ids unique: "" for one budget, "-<code>" for a sub-budget.
    suffix: String,
    /// The query that picks this part's Pabulib file ("" for one budget).
    file_query: String,
    rows: Vec<Row>,
    summary: String,
    /// Funded here but not by votes alone, and the other way round.
    only_here: Vec<String>,
    only_greedy: Vec<String>,
    greedy_spent: String,
}

fn explain(ctx: &PageContext, process: &Process, why: &Why) -> String {
    let lang = &ctx.lang;
    let cur = &process.currency;
    match why {
        Why::Free => lang.t("pb-why-free"),
        Why::Shares {
            round,
            payers,
            share,
            paid_all,
        } => {
            let mut text = lang.t_args(
                "pb-why-shares",
                &[
                    ("round", &round.to_string()),
                    ("payers", &payers.to_string()),
                    ("share", &lang.money_exact(*share, cur)),
                ],
            );
            if *paid_all > 0 {
                text.push(' ');
                text.push_str(&lang.t1("pb-why-paid-all", "count", &paid_all.to_string()));
            }
            text
        }
        Why::Fill { position } => lang.t1("pb-why-fill", "position", &position.to_string()),
        Why::Load { position, load } => lang.t_args(
            "pb-why-load",
            &[
                ("position", &position.to_string()),
                ("load", &lang.decimal(*load, 4)),
            ],
        ),
        Why::Ranked { position } => lang.t1("pb-why-ranked", "position", &position.to_string()),
        Why::Reserve { position } => lang.t1("pb-why-reserve", "position", &position.to_string()),
        Why::WouldWinAt { cost } => lang.t1("pb-why-would-win-at", "cost", &lang.money(*cost, cur)),
        Why::Never => lang.t("pb-why-never"),
    }
}

pub async fn results(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    if process.phase < Phase::Results {
        return Err(AppError::NotFound);
    }
    let stored = store::results(&state.db, &process.id).await?;
    let updates = store::updates(&state.db, &process.id).await?;
    let Some(json) = stored else {
        return render(&ResultsPage {
            rule_name: String::new(),
            ctx,
            process,
            counted: false,
            parts: Vec::new(),
            updates,
        });
    };
    let counted = read_counted(&json).map_err(AppError::Internal)?;
    let rule_name = counted
        .first()
        .map(|part| ctx.t(&format!("pb-rule-{}", part.results.rule)))
        .unwrap_or_default();
    let parts = counted
        .into_iter()
        .map(|part| part_view(&ctx, &process, part))
        .collect();
    render(&ResultsPage {
        rule_name,
        ctx,
        process,
        counted: true,
        parts,
        updates,
    })
}

fn part_view(ctx: &PageContext, process: &Process, part: CountedPart) -> PartView {
    let results = part.results;
    let mut projects = results.projects.clone();
    // Funded first in the order they were chosen, then the others by support.
    projects.sort_by(|a, b| {
        b.funded
            .cmp(&a.funded)
            .then(b.points.unwrap_or(0.0).total_cmp(&a.points.unwrap_or(0.0)))
            .then(b.supporters.cmp(&a.supporters))
    });
    let most = projects.iter().map(|p| p.cost).max().unwrap_or(1).max(1) as f64;
    let rows: Vec<Row> = projects
        .into_iter()
        .map(|result| Row {
            cost: ctx.lang.money(result.cost, &process.currency),
            why: explain(ctx, process, &result.why),
            points: result.points.map(|p| format!("{p:.0}")).unwrap_or_default(),
            width: (result.cost as f64 / most * 100.0).max(0.5),
            result,
        })
        .collect();
    let funded = rows.iter().filter(|r| r.result.funded).count();
    let mut summary = ctx.lang.t_args(
        "pb-results-summary",
        &[
            ("voters", &results.voters.to_string()),
            ("funded", &funded.to_string()),
            ("projects", &rows.len().to_string()),
            ("spent", &ctx.lang.money(results.spent, &process.currency)),
            ("budget", &ctx.lang.money(results.budget, &process.currency)),
        ],
    );
    if let Some(comparison) = &results.comparison {
        summary.push(' ');
        summary.push_str(&comparison_sentence(&ctx.lang, comparison));
    }
    let titles = |keep: fn(&ProjectResult) -> bool| -> Vec<String> {
        rows.iter()
            .filter(|r| keep(&r.result))
            .map(|r| r.result.title.clone())
            .collect()
    };
    let (code, name) = part.sub_budget.unwrap_or_default();
    PartView {
        only_here: titles(|r| r.funded && !r.greedy_funded),
        only_greedy: titles(|r| !r.funded && r.greedy_funded),
        heading: name,
        suffix: if code.is_empty() {
            code.clone()
        } else {
            format!("-{code}")
        },
        file_query: if code.is_empty() {
            code
        } else {
            format!("?part={code}")
        },
        summary,
        greedy_spent: ctx.lang.money(results.greedy_spent, &process.currency),
        rows,
    }
}

/// The comparison step in words: how many voters preferred each outcome, and which stood.
fn comparison_sentence(lang: &Lang, comparison: &ComparisonResult) -> String {
    let key = if comparison.votes_won {
        "pb-comparison-votes-won"
    } else {
        "pb-comparison-shares-won"
    };
    lang.t_numbers(
        key,
        &[
            ("shares", comparison.prefer_equal_shares as i64),
            ("votes", comparison.prefer_votes as i64),
        ],
    )
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FileQuery {
    /// A sub-budget's code: that part's file.
    part: String,
}

/// The projects and anonymised ballots as a Pabulib file, once voting has closed.
/// A Pabulib file is one election, so a split budget publishes one file per sub-budget
/// (`?part=<code>`), as the Pabulib library does for each district of a city.
pub async fn ballots_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<FileQuery>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    if process.phase < Phase::Results {
        return Err(AppError::NotFound);
    }
    let projects = store::projects(&state.db, &process.id).await?;
    let ballots = store::ballots(&state.db, &process.id).await?;
    let part = sub_budgets::split(&process, &projects, &ballots)
        .into_iter()
        .find(|part| {
            let code = part
                .sub_budget
                .as_ref()
                .map_or("", |(code, _)| code.as_str());
            code == query.part
        })
        .ok_or(AppError::NotFound)?;
    let text = to_pabulib(&part.process, &part.projects, &part.ballots);
    Ok(download(
        &format!("{}.pb", part.process.slug),
        "text/plain; charset=utf-8",
        text,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_step_is_said_with_each_number_in_its_plural_form() {
        let polish = Lang::from_tag("pl").unwrap();
        let kept = ComparisonResult {
            prefer_equal_shares: 22,
            prefer_votes: 5,
            votes_won: false,
        };
        assert_eq!(
            comparison_sentence(&polish, &kept),
            "Krok porównania: 22 osoby wolą ten wynik, a 5 osób woli zwykłe liczenie głosów, więc ten wynik zostaje."
        );
        let replaced = ComparisonResult {
            prefer_equal_shares: 0,
            prefer_votes: 1,
            votes_won: true,
        };
        let english = Lang::from_tag("en-GB").unwrap();
        assert_eq!(
            comparison_sentence(&english, &replaced),
            "Comparison step: one voter prefers counting by votes alone and 0 prefer equal shares, so the outcome of counting by votes stands."
        );
    }
}
