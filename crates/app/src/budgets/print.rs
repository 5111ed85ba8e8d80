//! A budget on paper, both public: the poster, and the blank paper ballot. The ballot lists
//! the projects on it (those found feasible) by the codes staff type when they enter a
//! stack of paper ballots (`handlers::paper`), with their costs and the ballot's rules, so
//! what a voter marks is exactly what the entry form reads. Paper ballots carry no code:
//! staff check who votes at the ballot box, and entry by two typists guards the count.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::ballot::BallotFormat;
use super::handlers::process_by_slug;
use super::store::{self, Process, Project, ProjectStatus};
use super::voting::{rules_text, split_text};
use crate::paper::{self, Poster};
use crate::state::AppState;
use crate::web::{AppResult, PageContext, render};

pub async fn poster(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let lang = &ctx.lang;
    let mut facts = vec![
        (lang.t("paper-where"), process.area_name.clone()),
        (
            lang.t("pb-budget"),
            lang.money(process.budget, &process.currency),
        ),
    ];
    if let Some(days) = voting_days(lang, &process) {
        facts.push((lang.t("paper-voting"), days));
    }
    let poster = Poster {
        kind: lang.t("paper-kind-budget"),
        title: process.title.clone(),
        facts,
        text: paper::poster_text(&process.description),
        call: lang.t(&format!("paper-call-budget-{}", process.phase.as_str())),
        path: format!("/budgets/{}", process.slug),
    };
    paper::poster(&state, ctx, poster)
}

/// "From 1 June 2027 to 30 June 2027", once the voting dates are set.
fn voting_days(lang: &crate::i18n::Lang, process: &Process) -> Option<String> {
    if process.voting_from.is_empty() || process.voting_until.is_empty() {
        return None;
    }
    Some(lang.t_args(
        "paper-days",
        &[
            ("from", &lang.day(&process.voting_from)),
            ("until", &lang.day(&process.voting_until)),
        ],
    ))
}

/// The projects of one part of the budget (the whole budget when it is not split).
struct BallotPart {
    /// The part's name and amount; empty for one budget.
    heading: String,
    projects: Vec<Project>,
}

#[derive(Template)]
#[template(path = "budgets/templates/paper_ballot.html")]
struct PaperBallot {
    ctx: PageContext,
    process: Process,
    rules: String,
    parts: Vec<BallotPart>,
}

impl PaperBallot {
    fn back(&self) -> String {
        format!("/budgets/{}", self.process.slug)
    }

    fn voting_days(&self) -> Option<String> {
        voting_days(&self.ctx.lang, &self.process)
    }

    fn cost_of(&self, project: &Project) -> String {
        self.ctx
            .lang
            .money(project.current_cost(), &self.process.currency)
    }

    /// What the voter writes in the last column.
    fn mark_heading(&self) -> String {
        let key = match self.process.format {
            BallotFormat::Approval | BallotFormat::Knapsack => "paper-ballot-tick",
            BallotFormat::Cumulative => "paper-ballot-points",
            BallotFormat::Ranking => "paper-ballot-rank",
        };
        self.ctx.t(key)
    }

    fn how_to_mark(&self) -> String {
        let key = match self.process.format {
            BallotFormat::Approval | BallotFormat::Knapsack => "paper-ballot-how-tick",
            BallotFormat::Cumulative => "paper-ballot-how-points",
            BallotFormat::Ranking => "paper-ballot-how-rank",
        };
        self.ctx.t(key)
    }

    fn ticks(&self) -> bool {
        matches!(
            self.process.format,
            BallotFormat::Approval | BallotFormat::Knapsack
        )
    }
}

/// The blank paper ballot: one A4 sheet for a ballot of a dozen projects or so.
pub async fn paper_ballot(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let on_ballot: Vec<Project> = store::projects(&state.db, &process.id)
        .await?
        .into_iter()
        .filter(|p| p.status == ProjectStatus::Feasible)
        .collect();
    let lang = &ctx.lang;
    let parts = if process.sub_budgets.is_empty() {
        vec![BallotPart {
            heading: String::new(),
            projects: on_ballot,
        }]
    } else {
        process
            .sub_budgets
            .iter()
            .map(|s| BallotPart {
                heading: format!("{}: {}", s.name, lang.money(s.budget, &process.currency)),
                projects: on_ballot
                    .iter()
                    .filter(|p| p.sub_budget_id.as_deref() == Some(s.id.as_str()))
                    .cloned()
                    .collect(),
            })
            .collect()
    };
    let split = split_text(lang, &process);
    let rules = match split.is_empty() {
        true => rules_text(lang, &process),
        false => format!("{} {split}", rules_text(lang, &process)),
    };
    render(&PaperBallot {
        ctx,
        process,
        rules,
        parts,
    })
}
