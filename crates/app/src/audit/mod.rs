//! The audit log: who did what to which item, and when, for every staff and admin action
//! (routing, status changes, hiding, verifying, role changes, draws, counts, imports, entries
//! on someone's behalf). Each feature writes its entry with `store::write` inside the
//! transaction of the action itself; the table refuses changes (migration 0030). Site admins
//! read it filtered and paged at /admin/audit and export it as CSV, streamed.

mod handlers;
pub mod store;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(handlers::log))
        .route("/admin/audit.csv", get(handlers::export))
}

/// What was done. Stored by `as_str`; shown by `label_key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    CategoryAdded,
    CategoryTarget,
    RouteSet,
    RouteDeleted,
    ReportStatus,
    Hidden,
    FlagsDismissed,
    ResidentVerified,
    RoleGranted,
    RoleRevoked,
    MemberSet,
    MemberRemoved,
    JuryDraw,
    JurySeed,
    BudgetCount,
    BudgetImport,
    PaperBallots,
    BoundariesImported,
    ApiKeyCreated,
    ApiKeyRevoked,
    Open311Sent,
    EnteredForSomeone,
    HelpedDetailsErased,
}

pub const ALL_ACTIONS: [Action; 23] = [
    Action::CategoryAdded,
    Action::CategoryTarget,
    Action::RouteSet,
    Action::RouteDeleted,
    Action::ReportStatus,
    Action::Hidden,
    Action::FlagsDismissed,
    Action::ResidentVerified,
    Action::RoleGranted,
    Action::RoleRevoked,
    Action::MemberSet,
    Action::MemberRemoved,
    Action::JuryDraw,
    Action::JurySeed,
    Action::BudgetCount,
    Action::BudgetImport,
    Action::PaperBallots,
    Action::BoundariesImported,
    Action::ApiKeyCreated,
    Action::ApiKeyRevoked,
    Action::Open311Sent,
    Action::EnteredForSomeone,
    Action::HelpedDetailsErased,
];

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::CategoryAdded => "category-added",
            Action::CategoryTarget => "category-target",
            Action::RouteSet => "route-set",
            Action::RouteDeleted => "route-deleted",
            Action::ReportStatus => "report-status",
            Action::Hidden => "hidden",
            Action::FlagsDismissed => "flags-dismissed",
            Action::ResidentVerified => "resident-verified",
            Action::RoleGranted => "role-granted",
            Action::RoleRevoked => "role-revoked",
            Action::MemberSet => "member-set",
            Action::MemberRemoved => "member-removed",
            Action::JuryDraw => "jury-draw",
            Action::JurySeed => "jury-seed",
            Action::BudgetCount => "budget-count",
            Action::BudgetImport => "budget-import",
            Action::PaperBallots => "paper-ballots",
            Action::BoundariesImported => "boundaries-imported",
            Action::ApiKeyCreated => "api-key-created",
            Action::ApiKeyRevoked => "api-key-revoked",
            Action::Open311Sent => "open311-sent",
            Action::EnteredForSomeone => "entered-for-someone",
            Action::HelpedDetailsErased => "helped-details-erased",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        ALL_ACTIONS.into_iter().find(|a| a.as_str() == text)
    }

    pub fn label_key(self) -> String {
        format!("audit-action-{}", self.as_str())
    }
}

/// The item acted on: its kind (a stable word: "report", "user", "area"...), its id, a label
/// as it was at the time (a title, a name) and where it is seen on the site ("" if nowhere).
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    pub kind: &'a str,
    pub id: &'a str,
    pub label: &'a str,
    pub link: &'a str,
}

/// One action to record. `actor_id` is None for the site itself (a scheduled job).
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub actor_id: Option<&'a str>,
    pub action: Action,
    pub item: Item<'a>,
    /// What changed, in words the admin reads as they are ("open → fixed", a reason).
    pub detail: &'a str,
}
