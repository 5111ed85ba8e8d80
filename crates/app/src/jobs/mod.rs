//! Background jobs: rows in the `jobs` table, claimed by a worker loop with a lease, retried
//! with back-off, and marked done only after they succeed. A job queued in the same
//! transaction as the change that caused it is never lost, even if the process dies.

pub mod store;
pub mod worker;

pub use store::{Job, enqueue};
