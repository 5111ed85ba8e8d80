//! An acknowledged write survives the process being killed (SIGKILL, no clean shutdown).

use std::process::Stdio;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::support::{Client, PASSWORD, TestDb};

/// Starts the real binary on a free port and returns it with its address.
async fn start(database_url: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_squaremile"))
        .args([
            "--config",
            "/nonexistent/squaremile.toml",
            "--database-url",
            database_url,
            "serve",
            "--bind",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("starting squaremile");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    while let Some(line) = lines.next_line().await.expect("reading the log") {
        if let Some(at) = line.find("is running at ") {
            let base = line[at + "is running at ".len()..].trim().to_string();
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return (child, base);
        }
    }
    panic!("squaremile exited before it was ready");
}

#[tokio::test]
async fn acknowledged_writes_survive_a_kill() {
    let test_db = TestDb::new().await;
    let (mut first, base) = start(&test_db.url).await;
    let admin = Client::new(&base);
    admin.get("/setup").await;
    let setup = admin
        .post_form(
            "/setup",
            &[
                ("display_name", "Ada"),
                ("email", "ada@example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(setup.status(), StatusCode::SEE_OTHER);
    let area = admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Millbrook")])
        .await;
    assert_eq!(area.status(), StatusCode::SEE_OTHER, "acknowledged");
    first.start_kill().expect("SIGKILL");
    first.wait().await.expect("killed");

    let (_second, base) = start(&test_db.url).await;
    let again = Client::new(&base);
    assert_eq!(again.get("/areas/millbrook").await.status(), StatusCode::OK);
    again.get("/login").await;
    let login = again
        .post_form(
            "/login",
            &[("email", "ada@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
}
