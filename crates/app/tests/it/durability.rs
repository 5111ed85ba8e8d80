//! An acknowledged write survives the process being killed (SIGKILL, no clean shutdown).

use reqwest::StatusCode;
use tokio::process::Child;

use crate::support::{Client, PASSWORD, TestDb, voting_process};

/// Starts the real binary on a free port and returns it with its address. Its ballot key
/// file is `key_file` (made on the first start, read on the next).
async fn start(database_url: &str, key_file: &std::path::Path) -> (Child, String) {
    crate::support::start_binary(database_url, key_file, &[]).await
}

#[tokio::test]
async fn acknowledged_writes_survive_a_kill() {
    let test_db = TestDb::new().await;
    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("ballot.key");
    let (mut first, base) = start(&test_db.url, &key_file).await;
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

    let (_second, base) = start(&test_db.url, &key_file).await;
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

/// Ballots cast by many voters at once while the server is killed and started again: every
/// acknowledged ballot is stored, no code votes twice, and ballots equal voters. (The full
/// 1,000-voter, 50,000-ballot run is `examples/ballot_load.rs`; see BENCHMARKS.md.)
#[tokio::test]
async fn concurrent_ballots_survive_a_kill() {
    use squaremile::budgets::store;

    const VOTERS: usize = 40;
    const BALLOTS: usize = 400;
    let test_db = TestDb::new().await;
    let pool = squaremile::db::open(&test_db.url).await.unwrap();
    let (id, codes) = voting_process(&pool, BALLOTS).await;

    let keys = tempfile::tempdir().unwrap();
    let key_file = keys.path().join("ballot.key");
    let (mut server, base) = start(&test_db.url, &key_file).await;
    let client = Client::new(&base);
    client.get("/budgets/load/vote").await;
    let base = std::sync::Arc::new(tokio::sync::RwLock::new(base));
    let acknowledged = std::sync::Arc::new(tokio::sync::Mutex::new(Vec::new()));
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let codes = std::sync::Arc::new(codes);
    let client = std::sync::Arc::new(client);
    let progress = std::sync::Arc::new(tokio::sync::Notify::new());
    let workers: Vec<_> = (0..VOTERS)
        .map(|_| {
            let (base, acknowledged, next, codes, client, progress) = (
                base.clone(),
                acknowledged.clone(),
                next.clone(),
                codes.clone(),
                client.clone(),
                progress.clone(),
            );
            tokio::spawn(async move {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(code) = codes.get(index) else { return };
                    let project = (index % 3 + 1).to_string();
                    let mut retried = false;
                    loop {
                        let url = format!("{}/budgets/load/vote", base.read().await);
                        let form = [
                            ("code", code.as_str()),
                            ("project", &project),
                            ("action", "cast"),
                        ];
                        let token = client.cookie("sm_csrf").unwrap_or_default();
                        let mut fields = form.to_vec();
                        fields.push(("csrf_token", &token));
                        match client.http.post(&url).form(&fields).send().await {
                            Ok(r) if r.status() == StatusCode::OK => {
                                if let Ok(html) = r.text().await {
                                    let at =
                                        html.find("<code id=\"receipt\">").expect("receipt") + 19;
                                    acknowledged
                                        .lock()
                                        .await
                                        .push(html[at..at + 14].replace('-', ""));
                                    progress.notify_one();
                                    break;
                                }
                                retried = true;
                            }
                            // The first try committed before the kill: the code is used.
                            Ok(r) if retried && r.status() == StatusCode::UNPROCESSABLE_ENTITY => {
                                break;
                            }
                            Ok(r) => panic!("unexpected {}", r.status()),
                            Err(_) => {
                                retried = true;
                                // Wait for the restarted server rather than spin.
                                let _ = base.read().await;
                                tokio::task::yield_now().await;
                            }
                        }
                    }
                }
            })
        })
        .collect();
    while acknowledged.lock().await.len() < BALLOTS / 3 {
        progress.notified().await;
    }
    {
        // Hold the address while the server is down, so voters wait for the new one.
        let mut address = base.write().await;
        server.start_kill().expect("SIGKILL");
        server.wait().await.expect("killed");
        let (again, new_base) = start(&test_db.url, &key_file).await;
        server = again;
        *address = new_base;
    }
    for worker in workers {
        worker.await.expect("a voter failed");
    }
    let receipts = acknowledged.lock().await;
    let seal = squaremile::budgets::seal::BallotSeal::load_or_create(&key_file).unwrap();
    let (voters, ballots) = store::turnout(&pool, &id).await.unwrap();
    let (_, used) = store::code_counts(&pool, &id).await.unwrap();
    assert_eq!(ballots, voters, "one ballot per voter");
    assert_eq!(ballots, used, "one ballot per code");
    assert!(ballots as usize >= receipts.len() && ballots as usize <= BALLOTS);
    for receipt in receipts.iter() {
        let hash = squaremile::web::session::hash_token(receipt);
        assert!(
            store::ballot_by_receipt(&pool, &seal, &id, &hash)
                .await
                .unwrap()
                .is_some(),
            "an acknowledged ballot was lost"
        );
    }
    // Closing the vote empties the sealed ballots into the box: every ballot is counted.
    drop(server);
    assert!(
        store::close_voting::<()>(&pool, &seal, &id, None, "tester")
            .await
            .unwrap()
    );
    assert_eq!(
        store::ballots(&pool, &id).await.unwrap().len() as i64,
        ballots
    );
    assert_eq!(store::turnout(&pool, &id).await.unwrap(), (voters, ballots));
}
