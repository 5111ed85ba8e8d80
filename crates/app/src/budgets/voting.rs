//! Voting: the ballot page (checked on the server, usable without JavaScript), casting with
//! one ballot per voter and a receipt, checking and changing a ballot by its receipt, and
//! invitation codes for closed or paper-based processes.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::ballot::{Ballot, BallotError, BallotFormat, Choice};
use super::handlers::{choices, manage_page, process_by_slug, process_to_run};
use super::store::{
    self, CastError, Changed, Eligibility, Phase, Process, Project, ProjectStatus, SealedBallot,
    Voter,
};
use crate::roles::store::{code_as_typed, printable_code};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::session::{MaybeUser, hash_token};
use crate::web::{AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with};

const RECEIPT_LENGTH: usize = 12;
const MAX_CODES: usize = 20_000;

/// The receipt as shown: groups of four ("ABCD-EFGH-JKMN").
fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[derive(Template)]
#[template(path = "budgets/templates/ballot.html")]
struct BallotPage {
    ctx: PageContext,
    process: Process,
    projects: Vec<Project>,
    ballot: Ballot,
    errors: FormErrors,
    /// Filled in when changing a ballot with its receipt.
    receipt: String,
    code: String,
    checked: bool,
    /// The age box as the voter left it: checking the choices must not clear it.
    age_confirmed: bool,
    /// The projects by sub-budget (one part when the budget is not split), with what the
    /// ballot spends in each.
    parts: Vec<BallotPart>,
}

struct BallotPart {
    /// Keeps element ids unique: "" for one budget, "-<code>" for a sub-budget.
    suffix: String,
    /// The sub-budget's name and amount; empty for one budget.
    heading: String,
    budget: i64,
    projects: Vec<Project>,
    spent: String,
    left: String,
    over_budget: bool,
    points_left: i64,
}

impl BallotPart {
    fn new(
        lang: &crate::i18n::Lang,
        process: &Process,
        sub_budget: Option<&store::SubBudget>,
        projects: &[Project],
        ballot: &Ballot,
    ) -> BallotPart {
        let projects: Vec<Project> = projects
            .iter()
            .filter(|p| sub_budget.is_none_or(|s| p.sub_budget_id.as_deref() == Some(&s.id)))
            .cloned()
            .collect();
        let picks = Ballot {
            picks: ballot
                .picks
                .iter()
                .filter(|(code, _)| projects.iter().any(|p| &p.code == code))
                .cloned()
                .collect(),
        };
        let budget = sub_budget.map_or(process.budget, |s| s.budget);
        let spent = picks.cost(&choices(&projects));
        let cur = &process.currency;
        BallotPart {
            suffix: sub_budget.map_or(String::new(), |s| format!("-{}", s.code)),
            heading: sub_budget.map_or(String::new(), |s| {
                format!("{} ({})", s.name, lang.money(s.budget, cur))
            }),
            budget,
            spent: lang.money(spent, cur),
            left: lang.money(budget - spent, cur),
            over_budget: spent > budget,
            points_left: process.points as i64 - picks.points_given() as i64,
            projects,
        }
    }
}

impl BallotPage {
    /// What the ballot's script writes before and after an amount (see `static/ballot.js`).
    fn money_affixes(&self) -> (String, String) {
        self.ctx.lang.currency_affixes(&self.process.currency)
    }
    fn new(
        ctx: PageContext,
        process: Process,
        projects: Vec<Project>,
        ballot: Ballot,
        errors: FormErrors,
    ) -> BallotPage {
        let parts = if process.sub_budgets.is_empty() {
            vec![BallotPart::new(
                &ctx.lang, &process, None, &projects, &ballot,
            )]
        } else {
            process
                .sub_budgets
                .iter()
                .map(|s| BallotPart::new(&ctx.lang, &process, Some(s), &projects, &ballot))
                .collect()
        };
        BallotPage {
            parts,
            ctx,
            process,
            projects,
            ballot,
            errors,
            receipt: String::new(),
            code: String::new(),
            checked: false,
            age_confirmed: false,
        }
    }

    fn cost_of(&self, project: &Project) -> String {
        self.ctx
            .lang
            .money(project.current_cost(), &self.process.currency)
    }

    fn ranks(&self) -> Vec<usize> {
        (1..=self.process.max_choices.min(self.projects.len() as u32) as usize).collect()
    }

    fn rank_options(&self) -> Vec<(String, String)> {
        self.projects
            .iter()
            .map(|p| (p.code.clone(), p.title.clone()))
            .collect()
    }

    fn ranked_at(&self, rank: &usize) -> String {
        self.ballot.ranked(*rank).unwrap_or("").to_string()
    }

    /// Casting with codes needs one, and so does changing such a ballot: the receipt alone
    /// never changes a ballot.
    fn needs_code(&self) -> bool {
        self.process.eligibility == Eligibility::Codes
    }
}

async fn open_ballot(state: &AppState, slug: &str) -> AppResult<(Process, Vec<Project>)> {
    let process = process_by_slug(state, slug).await?;
    if process.phase != Phase::Voting {
        return Err(AppError::Conflict("error-pb-not-voting"));
    }
    let projects = store::projects(&state.db, &process.id)
        .await?
        .into_iter()
        .filter(|p| p.status == ProjectStatus::Feasible)
        .collect();
    Ok((process, projects))
}

/// Why someone signed in may not vote yet, and how to become eligible (verification, or
/// saying where they live).
#[derive(Template)]
#[template(path = "budgets/templates/eligibility.html")]
struct EligibilityPage {
    ctx: PageContext,
    process: Process,
    message: &'static str,
    verify: bool,
}

#[derive(Template)]
#[template(path = "budgets/templates/voted.html")]
struct VotedPage {
    ctx: PageContext,
    process: Process,
}

pub async fn ballot_form(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let (process, projects) = open_ballot(&state, &slug).await?;
    if process.eligibility != Eligibility::Codes {
        let user = user.ok_or(AppError::SignInRequired)?;
        match require_resident(&state, &user, &process).await {
            Ok(()) => {}
            Err(AppError::Forbidden(message)) => {
                // Not a dead end: say why, and the way to become eligible.
                let page = EligibilityPage {
                    ctx,
                    verify: message == "error-pb-not-verified",
                    message,
                    process,
                };
                return render_with(StatusCode::FORBIDDEN, &page);
            }
            Err(other) => return Err(other),
        }
        if store::has_voted(&state.db, &process.id, &Voter::User(user.id.clone())).await? {
            return render(&VotedPage { ctx, process });
        }
    }
    render(&BallotPage::new(
        ctx,
        process,
        projects,
        Ballot::default(),
        FormErrors::new(),
    ))
}

async fn require_resident(
    state: &AppState,
    user: &CurrentUser,
    process: &Process,
) -> AppResult<()> {
    let verified_only = process.eligibility == Eligibility::Verified;
    if store::lives_in(&state.db, &user.id, &process.area_id, verified_only).await? {
        Ok(())
    } else if verified_only {
        Err(AppError::Forbidden("error-pb-not-verified"))
    } else {
        Err(AppError::Forbidden("error-pb-not-resident"))
    }
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn ballot_error_message(ctx: &PageContext, process: &Process, error: &BallotError) -> String {
    let lang = &ctx.lang;
    match error {
        BallotError::Empty => lang.t("pb-ballot-empty"),
        BallotError::NotOnBallot(_) | BallotError::Twice(_) | BallotError::BadPoints(_) => {
            lang.t("pb-ballot-invalid")
        }
        BallotError::TooFew(n) => lang.t1("pb-ballot-too-few", "count", &n.to_string()),
        BallotError::TooMany(n) => lang.t1("pb-ballot-too-many", "count", &n.to_string()),
        BallotError::OverBudget { total, budget } => lang.t_args(
            "pb-ballot-over-budget",
            &[
                ("total", &lang.money(*total, &process.currency)),
                ("budget", &lang.money(*budget, &process.currency)),
            ],
        ),
        BallotError::TooManyPoints { given, allowed } => lang.t_args(
            "pb-ballot-too-many-points",
            &[
                ("given", &given.to_string()),
                ("allowed", &allowed.to_string()),
            ],
        ),
        BallotError::GapInRanking(rank) => lang.t1("pb-ballot-rank-gap", "rank", &rank.to_string()),
        BallotError::SeveralParts => lang.t("pb-ballot-several-parts"),
    }
}

#[derive(Template)]
#[template(path = "budgets/templates/receipt.html")]
struct ReceiptPage {
    ctx: PageContext,
    process: Process,
    receipt: String,
    chosen: Vec<Chosen>,
    changed: bool,
}

/// Casts (or, with a receipt, changes) a ballot; `action=check` only shows the totals.
pub async fn cast(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (process, projects) = open_ballot(&state, &slug).await?;
    let choices: Vec<Choice> = choices(&projects);
    let receipt = code_as_typed(field(&fields, "receipt"));
    let code = code_as_typed(field(&fields, "code"));
    let mut errors = FormErrors::new();
    let ballot = match Ballot::from_form(process.format, &fields) {
        Ok(ballot) => ballot,
        Err(e) => {
            errors.add_message("ballot", ballot_error_message(&ctx, &process, &e));
            Ballot::default()
        }
    };
    if errors.is_empty()
        && let Err(e) = ballot.check_parts(&process.part_rules(), process.one_sub_budget, &choices)
    {
        errors.add_message("ballot", ballot_error_message(&ctx, &process, &e));
    }
    let checking = field(&fields, "action") == "check";
    if process.min_age > 0 && !checking && receipt.is_empty() && field(&fields, "age") != "yes" {
        errors.add_message(
            "age",
            ctx.lang
                .t1("pb-ballot-age-missing", "age", &process.min_age.to_string()),
        );
    }
    if checking || !errors.is_empty() {
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let mut page = BallotPage::new(ctx, process, projects, ballot, errors);
        page.checked = checking;
        page.age_confirmed = field(&fields, "age") == "yes";
        page.receipt = receipt;
        page.code = code;
        return render_with(status, &page);
    }

    let voter = match process.eligibility {
        Eligibility::Codes => {
            if code.is_empty() {
                return code_refused(ctx, process, projects, ballot, code, receipt);
            }
            Voter::Code(hash_token(&code))
        }
        _ => {
            let user = user.ok_or(AppError::SignInRequired)?;
            if receipt.is_empty() {
                require_resident(&state, &user, &process).await?;
            }
            Voter::User(user.id)
        }
    };
    if !receipt.is_empty() {
        let change = Change {
            receipt,
            code,
            voter,
        };
        return change_ballot(&state, ctx, process, projects, ballot, change).await;
    }
    let receipt = printable_code(RECEIPT_LENGTH);
    let sealed = SealedBallot::new(&receipt, &ballot, process.format, Some(&voter));
    match store::cast(&state.db, &state.ballot_seal, &process.id, &voter, &sealed).await {
        Ok(()) => {}
        Err(CastError::AlreadyVoted) => return Err(AppError::Conflict("error-pb-already-voted")),
        Err(CastError::NotVoting) => return Err(AppError::Conflict("error-pb-not-voting")),
        Err(CastError::BadCode) => {
            return code_refused(ctx, process, projects, ballot, code, String::new());
        }
        Err(CastError::Other(e)) => return Err(e.into()),
    }
    let chosen = chosen(&projects, &ballot);
    render(&ReceiptPage {
        ctx,
        process,
        receipt: grouped(&receipt),
        chosen,
        changed: false,
    })
}

fn code_refused(
    ctx: PageContext,
    process: Process,
    projects: Vec<Project>,
    ballot: Ballot,
    code: String,
    receipt: String,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    errors.add(&ctx.lang, "code", "field-pb-code-invalid");
    let mut page = BallotPage::new(ctx, process, projects, ballot, errors);
    page.code = code;
    page.receipt = receipt;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// A request to change a ballot: its receipt, and the credential of whoever asks.
struct Change {
    receipt: String,
    /// The invitation code as typed (processes with codes), to give back on an error.
    code: String,
    voter: Voter,
}

/// Changes a ballot: the receipt finds it, and only the credential it was cast with (the
/// same account, or the same invitation code) may change it.
async fn change_ballot(
    state: &AppState,
    ctx: PageContext,
    process: Process,
    projects: Vec<Project>,
    ballot: Ballot,
    change: Change,
) -> AppResult<Response> {
    if !process.allow_changes {
        return Err(AppError::Conflict("error-pb-no-changes"));
    }
    let Change {
        receipt,
        code,
        voter,
    } = change;
    let sealed = SealedBallot::new(&receipt, &ballot, process.format, Some(&voter));
    let refused = match store::change(
        &state.db,
        &state.ballot_seal,
        &process.id,
        &receipt,
        &voter,
        &sealed,
    )
    .await
    {
        Ok(Changed::Yes) => None,
        Ok(Changed::UnknownReceipt) => Some(("receipt", "field-pb-receipt-unknown")),
        Ok(Changed::NotTheVoter) => Some(match voter {
            Voter::Code(_) => ("code", "field-pb-change-wrong-code"),
            Voter::User(_) => ("receipt", "field-pb-change-not-yours"),
        }),
        Err(CastError::NotVoting) => return Err(AppError::Conflict("error-pb-not-voting")),
        Err(e) => return Err(anyhow::Error::new(e).into()),
    };
    if let Some((field, message)) = refused {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, field, message);
        let mut page = BallotPage::new(ctx, process, projects, ballot, errors);
        page.receipt = receipt;
        page.code = code;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let chosen = chosen(&projects, &ballot);
    render(&ReceiptPage {
        ctx,
        process,
        receipt: grouped(&receipt),
        chosen,
        changed: true,
    })
}

/// (code, title, points) of one project on a ballot.
type Chosen = (String, String, u32);

/// The projects on a ballot, in the ballot's order.
fn chosen(projects: &[Project], ballot: &Ballot) -> Vec<Chosen> {
    ballot
        .picks
        .iter()
        .map(|(code, points)| {
            let title = projects
                .iter()
                .find(|p| &p.code == code)
                .map_or_else(|| code.clone(), |p| p.title.clone());
            (code.clone(), title, *points)
        })
        .collect()
}

// ------------------------------------------------------------------ checking a receipt

#[derive(Template)]
#[template(path = "budgets/templates/check.html")]
struct CheckPage {
    ctx: PageContext,
    process: Process,
    receipt: String,
    /// The ballot's public id and its projects.
    found: Option<(String, Vec<Chosen>)>,
    errors: FormErrors,
    /// Voting is open and changes are allowed: offer the ballot again, filled in.
    can_change: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReceiptForm {
    receipt: String,
}

pub async fn check_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    render(&CheckPage {
        ctx,
        process,
        receipt: String::new(),
        found: None,
        errors: FormErrors::new(),
        can_change: false,
    })
}

/// Shows what the ballot with this receipt says, and its id in the published file.
pub async fn check(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Form(form): Form<ReceiptForm>,
) -> AppResult<Response> {
    let process = process_by_slug(&state, &slug).await?;
    let receipt = code_as_typed(&form.receipt);
    let stored = if receipt.is_empty() {
        None
    } else {
        store::ballot_by_receipt(
            &state.db,
            &state.ballot_seal,
            &process.id,
            &hash_token(&receipt),
        )
        .await?
    };
    let mut errors = FormErrors::new();
    let found = match stored {
        Some(stored) => {
            let projects = store::projects(&state.db, &process.id).await?;
            let ballot = Ballot::from_pabulib(&stored.vote, &stored.points);
            Some((stored.public_id, chosen(&projects, &ballot)))
        }
        None => {
            errors.add(&ctx.lang, "receipt", "field-pb-receipt-unknown");
            None
        }
    };
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let can_change = found.is_some() && process.phase == Phase::Voting && process.allow_changes;
    render_with(
        status,
        &CheckPage {
            ctx,
            process,
            receipt: grouped(&receipt),
            found,
            errors,
            can_change,
        },
    )
}

/// The ballot again, filled in from the stored one, to change it with the receipt.
pub async fn change_form(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Form(form): Form<ReceiptForm>,
) -> AppResult<Response> {
    let (process, projects) = open_ballot(&state, &slug).await?;
    if !process.allow_changes {
        return Err(AppError::Conflict("error-pb-no-changes"));
    }
    // Changing needs the voter's own account (or code, asked for on the form).
    if process.eligibility != Eligibility::Codes && user.is_none() {
        return Err(AppError::SignInRequired);
    }
    let receipt = code_as_typed(&form.receipt);
    let stored = store::ballot_by_receipt(
        &state.db,
        &state.ballot_seal,
        &process.id,
        &hash_token(&receipt),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let ballot = Ballot::from_pabulib(&stored.vote, &stored.points);
    let mut page = BallotPage::new(ctx, process, projects, ballot, FormErrors::new());
    page.receipt = receipt;
    render(&page)
}

// ------------------------------------------------------------------ invitation codes

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodesForm {
    count: String,
}

/// Makes codes to print; they are shown once, and only their hashes are kept.
pub async fn make_codes(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<CodesForm>,
) -> AppResult<Response> {
    let process = process_to_run(&state, &user, &slug).await?;
    let count = form
        .count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_CODES).contains(n));
    let Some(count) = count else {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, "count", "field-pb-code-count-invalid");
        let page = manage_page(&state, ctx, process, errors, Vec::new()).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let codes: Vec<String> = (0..count).map(|_| printable_code(RECEIPT_LENGTH)).collect();
    store::add_codes(&state.db, &process.id, &codes).await?;
    let shown = codes.iter().map(|c| grouped(c)).collect();
    let page = manage_page(&state, ctx, process, FormErrors::new(), shown).await?;
    render(&page)
}

impl BallotPage {
    /// The rules of this ballot in one sentence.
    fn rules_text(&self) -> String {
        rules_text(&self.ctx.lang, &self.process)
    }

    fn is_knapsack(&self) -> bool {
        self.process.format == BallotFormat::Knapsack
    }

    fn split_text(&self) -> String {
        split_text(&self.ctx.lang, &self.process)
    }
}

/// The ballot's rules in one sentence (the online ballot and the paper one say the same).
pub(super) fn rules_text(lang: &crate::i18n::Lang, p: &Process) -> String {
    match p.format {
        BallotFormat::Approval => lang.t_args(
            "pb-rules-approval",
            &[
                ("min", &p.min_choices.to_string()),
                ("max", &p.max_choices.to_string()),
            ],
        ),
        BallotFormat::Knapsack => lang.t1(
            "pb-rules-knapsack",
            "budget",
            &lang.money(p.budget, &p.currency),
        ),
        BallotFormat::Cumulative => lang.t1("pb-rules-cumulative", "points", &p.points.to_string()),
        BallotFormat::Ranking => lang.t1("pb-rules-ranking", "count", &p.max_choices.to_string()),
    }
}

/// With sub-budgets: how the limits apply, in one sentence; empty for one budget.
pub(super) fn split_text(lang: &crate::i18n::Lang, p: &Process) -> String {
    let count = p.sub_budgets.len().to_string();
    if p.sub_budgets.is_empty() {
        String::new()
    } else if p.one_sub_budget {
        lang.t1("pb-rules-split-one", "count", &count)
    } else {
        lang.t1("pb-rules-split", "count", &count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_read_in_groups_of_four() {
        assert_eq!(grouped("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
        assert_eq!(code_as_typed(" abcd-efgh jkmn"), "ABCDEFGHJKMN");
    }
}
