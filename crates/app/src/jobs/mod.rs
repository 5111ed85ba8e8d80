//! Background jobs: rows in the `jobs` table, claimed by a worker loop with a lease, retried
//! with back-off, and marked done only after they succeed. A job queued in the same
//! transaction as the change that caused it is never lost, even if the process dies.

pub mod store;
pub mod worker;

pub use store::{Job, enqueue};

use tokio::sync::Notify;

/// Wakes the job worker's lanes when a job is queued, so email goes out without polling delay.
#[derive(Default)]
pub struct Waiting {
    mail: Notify,
    work: Notify,
}

impl Waiting {
    /// A job was queued: each lane looks (the one it is not for finds nothing and sleeps).
    pub fn notify_one(&self) {
        self.mail.notify_one();
        self.work.notify_one();
    }

    /// A job of the work lane finished: most queue email (a draw's, a count's), so the mail
    /// lane looks at once rather than at its next poll.
    fn work_done(&self) {
        self.mail.notify_one();
    }

    fn for_lane(&self, mail: bool) -> &Notify {
        if mail { &self.mail } else { &self.work }
    }
}
