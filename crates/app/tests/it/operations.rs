//! What an operator does: stop the site cleanly, watch it through `/metrics`, back it up
//! while it runs and restore it.

use reqwest::StatusCode;
use sqlx::Row;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use squaremile::db::{self, Db};
use squaremile::mail::{self, Email};
use squaremile::server;

use crate::support::{TestApp, TestDb, test_config};

#[tokio::test]
async fn stopping_answers_requests_under_way_and_hands_back_a_job() {
    let test_db = TestDb::new().await;
    // A mail server that takes the connection and never greets: the email job hangs in it.
    let stuck_mail = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut config = test_config(&test_db.url, stuck_mail.local_addr().unwrap().port());
    let key_dir = tempfile::tempdir().unwrap();
    config.ballot_key_file = key_dir.path().join("ballot.key").display().to_string();
    config.shutdown_grace_seconds = 1;
    let db = db::open(&test_db.url).await.unwrap();
    let running = server::start(config, db.clone()).await.unwrap();
    mail::queue(
        &db,
        &Email {
            to: "rosa@example.org".into(),
            subject: "Hello".into(),
            body: "A letter that will not leave.".into(),
        },
    )
    .await
    .unwrap();
    running.state.jobs_waiting.notify_one();
    // The worker has claimed the job once its mail connection arrives.
    let (_held, _) = stuck_mail.accept().await.unwrap();
    assert_eq!(job_state(&db).await, (1, true));

    // A request under way: its headers and half its body sent. Another request answered
    // after it means the server has read the first one's headers.
    let mut slow = tokio::net::TcpStream::connect(running.addr).await.unwrap();
    let form = "name=Rosa&more=1";
    slow.write_all(
        format!(
            "POST /login HTTP/1.1\r\nHost: squaremile.test\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{}",
            form.len(),
            &form[..8]
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    let other = reqwest::get(format!("http://{}/", running.addr))
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::OK);

    running.shut_down();
    slow.write_all(&form.as_bytes()[8..]).await.unwrap();
    let mut answer = String::new();
    slow.read_to_string(&mut answer).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 403"),
        "the request under way is answered (a form without its token): {answer}"
    );
    running.server.await.unwrap();
    assert!(
        tokio::net::TcpStream::connect(running.addr).await.is_err(),
        "no new connections once stopped"
    );
    // The job is back in the queue at once, its attempt not counted.
    assert_eq!(job_state(&db).await, (0, false));
}

/// The one email job's attempts, and whether it is leased.
async fn job_state(db: &Db) -> (i64, bool) {
    let row = sqlx::query(
        "SELECT CAST(attempts AS BIGINT) AS attempts, \
           CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END AS leased FROM jobs",
    )
    .fetch_one(db)
    .await
    .unwrap();
    (
        row.try_get("attempts").unwrap(),
        row.try_get::<i32, _>("leased").unwrap() == 1,
    )
}

#[tokio::test]
async fn metrics_are_off_unless_configured_and_then_need_the_token() {
    let off = TestApp::spawn().await;
    assert_eq!(
        off.client().get("/metrics").await.status(),
        StatusCode::NOT_FOUND
    );

    let app = TestApp::spawn_with(|config| {
        config.metrics_token = squaremile::config::Secret::new("s3cret-token");
    })
    .await;
    let visitor = app.client();
    assert_eq!(visitor.get("/reports").await.status(), StatusCode::OK);
    assert_eq!(
        visitor.get("/nowhere").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        visitor.get("/metrics").await.status(),
        StatusCode::FORBIDDEN
    );
    let client = reqwest::Client::new();
    let wrong = client
        .get(format!("{}/metrics", app.base))
        .bearer_auth("guess")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    let scraped = client
        .get(format!("{}/metrics", app.base))
        .bearer_auth("s3cret-token")
        .send()
        .await
        .unwrap();
    assert_eq!(scraped.status(), StatusCode::OK);
    let text = scraped.text().await.unwrap();
    for line in [
        r#"squaremile_http_request_duration_seconds_count{method="GET",route="/reports",status="2xx"} 1"#,
        r#"squaremile_http_request_duration_seconds_count{method="GET",route="unmatched",status="4xx"} 1"#,
        "squaremile_jobs_due ",
        "squaremile_jobs_oldest_due_age_seconds ",
        r#"squaremile_db_pool_connections{state="idle"}"#,
        "squaremile_db_pool_max_connections ",
    ] {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
}

/// Every table's name, on either database.
async fn tables(db: &Db, url: &str) -> Vec<String> {
    let sql = if url.starts_with("sqlite:") {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name"
    } else {
        "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY name"
    };
    sqlx::query(sql)
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get("name").unwrap())
        .collect()
}

/// Each table with its number of rows.
async fn table_sizes(db: &Db, url: &str) -> Vec<(String, i64)> {
    let mut sizes = Vec::new();
    for table in tables(db, url).await {
        let n: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM {table}"
        )))
        .fetch_one(db)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
        sizes.push((table, n));
    }
    sizes
}

/// Runs the real binary without blocking this test's runtime, which also runs the site (its
/// transactions under way must go on while the backup waits for them).
async fn squaremile(args: &[&str]) -> (bool, String, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_squaremile"))
        .args(args)
        .output()
        .await
        .expect("running squaremile");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_backup_made_while_the_site_runs_restores_to_the_same_site() {
    let app = TestApp::with_demo().await;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("site.backup");
    let file = file.to_str().unwrap();
    let (ok, out, err) = squaremile(&["--database-url", app.db_url(), "backup", file]).await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("backed up to"), "{out}");
    // A second backup to the same file is refused, and the first is kept.
    let (ok, _, err) = squaremile(&["--database-url", app.db_url(), "backup", file]).await;
    assert!(!ok);
    assert!(err.contains("exists already"), "{err}");

    // Restoring over a database that holds a site needs --replace.
    let (ok, _, err) = squaremile(&["--database-url", app.db_url(), "restore", file]).await;
    assert!(!ok);
    assert!(err.contains("--replace"), "{err}");
    // Not a backup at all: refused, naming the file.
    let junk = folder.path().join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    let other = TestDb::new().await;
    let (ok, _, err) = squaremile(&[
        "--database-url",
        &other.url,
        "restore",
        junk.to_str().unwrap(),
    ])
    .await;
    assert!(!ok);
    assert!(err.contains("notes.txt is neither"), "{err}");

    let (ok, out, err) =
        squaremile(&["--database-url", &other.url, "restore", "--replace", file]).await;
    assert!(ok, "{out}{err}");
    let restored = db::open(&other.url).await.unwrap();
    // The site went on working after the backup: its background work may have queued
    // more jobs since; everything else is as it was.
    let without_jobs = |sizes: Vec<(String, i64)>| -> Vec<(String, i64)> {
        sizes.into_iter().filter(|(t, _)| t != "jobs").collect()
    };
    let live = table_sizes(&app.db, app.db_url()).await;
    let copy = table_sizes(&restored, &other.url).await;
    assert!(live.iter().any(|(t, n)| t == "reports" && *n > 0));
    assert_eq!(without_jobs(copy.clone()), without_jobs(live.clone()));
    let jobs = |sizes: &[(String, i64)]| sizes.iter().find(|(t, _)| t == "jobs").map(|(_, n)| *n);
    assert!(jobs(&copy) <= jobs(&live));
    let titles = |db: Db| async move {
        sqlx::query("SELECT id, title FROM reports ORDER BY id")
            .fetch_all(&db)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get::<String, _>("id"), r.get::<String, _>("title")))
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(restored).await, titles(app.db.clone()).await);
}
