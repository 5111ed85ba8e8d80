use std::sync::Arc;

use crate::api::keys::WriteLimits;
use crate::budgets::seal::BallotSeal;
use crate::config::Config;
use crate::db::Db;
use crate::help::search::PostSearch;
use crate::web::clock::{Clock, SiteZone};

/// Shared by every handler: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// Wakes the job worker when a job is queued, so email goes out without polling delay.
    pub jobs_waiting: Arc<crate::jobs::Waiting>,
    /// The full-text index of offers and asks, kept in memory.
    pub help_search: PostSearch,
    /// The time zone events are typed and shown in.
    pub zone: SiteZone,
    /// Writes per API key, limited.
    pub api_writes: Arc<WriteLimits>,
    /// The key that seals ballots waiting for their batch.
    pub ballot_seal: BallotSeal,
    /// The time the throttles on guessing count by (see `throttle`).
    pub clock: Clock,
    /// Area boundaries and the index of which areas hold a point.
    pub places: crate::areas::places::Places,
    /// Request times by route for `/metrics`; None when `metrics_token` is not set.
    pub request_times: Option<Arc<crate::web::metrics::RequestTimes>>,
}
