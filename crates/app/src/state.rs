use std::sync::Arc;

use tokio::sync::Notify;

use crate::config::Config;
use crate::db::Db;

/// Shared by every handler: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// Wakes the job worker when a job is queued, so email goes out without polling delay.
    pub jobs_waiting: Arc<Notify>,
}
