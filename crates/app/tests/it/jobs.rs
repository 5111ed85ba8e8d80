//! The job queue's lanes: mail never waits behind a long job.

use squaremile::jobs::{self, store, worker};

use crate::support::TestDb;

/// A count queued first and still running (leased to the work lane) leaves the mail lane
/// free to send what was queued after it; neither lane takes the other's jobs.
#[tokio::test]
async fn mail_is_sent_while_a_long_job_runs() {
    let test_db = TestDb::new().await;
    let db = squaremile::db::open(&test_db.url).await.unwrap();
    let count = serde_json::json!({ "process": "city-wide" });
    jobs::store::enqueue_at(&db, squaremile::budgets::store::COUNT_JOB, &count, 1)
        .await
        .unwrap();
    let email = squaremile::mail::Email {
        to: "resident@example.org".into(),
        subject: "Your sign-in link".into(),
        body: "...".into(),
    };
    squaremile::mail::queue(&db, &email).await.unwrap();

    let running = store::claim(&db, worker::WORK, 60_000).await.unwrap();
    assert_eq!(
        running.map(|job| job.kind).as_deref(),
        Some(squaremile::budgets::store::COUNT_JOB)
    );
    assert!(
        store::claim(&db, worker::WORK, 60_000)
            .await
            .unwrap()
            .is_none(),
        "the work lane leaves mail alone"
    );
    let mail = store::claim(&db, worker::MAIL, 60_000)
        .await
        .unwrap()
        .expect("the mail lane takes the email at once");
    assert_eq!(mail.kind, squaremile::mail::JOB_KIND);
    assert!(mail.payload.contains("Your sign-in link"));
    assert!(
        store::claim(&db, worker::MAIL, 60_000)
            .await
            .unwrap()
            .is_none(),
        "the mail lane leaves the count alone"
    );
}
