//! Load test of casting ballots: many concurrent voters (each with an invitation code) post
//! ballots to the real `squaremile` binary over loopback; optionally the server is killed
//! (SIGKILL) part-way and started again. At the end every acknowledged ballot must be in the
//! database, no code may have voted twice, and ballots must equal voters.
//!
//!     cargo build --release -p squaremile --examples
//!     target/release/examples/ballot_load --database-url sqlite:/tmp/load.db \
//!         --voters 1000 --ballots 50000 --kill-at 25000
//!
//! Prints ballots per second and latency percentiles (see BENCHMARKS.md).

use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use squaremile::budgets::ballot::BallotFormat;
use squaremile::budgets::store::{
    self, Eligibility, NewProcess, NewProject, Phase, ProjectStatus, Review,
};
use squaremile::db;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::{Mutex, RwLock};

const SLUG: &str = "load-test";
const PROJECTS: usize = 12;

struct Options {
    database_url: String,
    voters: usize,
    ballots: usize,
    kill_at: Option<usize>,
}

fn options() -> anyhow::Result<Options> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        database_url: "sqlite:/tmp/squaremile-load.db".into(),
        voters: 1000,
        ballots: 50_000,
        kill_at: None,
    };
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => options.database_url = value,
            "--voters" => options.voters = value.parse()?,
            "--ballots" => options.ballots = value.parse()?,
            "--kill-at" => options.kill_at = Some(value.parse()?),
            other => bail!("unknown option {other}"),
        }
    }
    Ok(options)
}

/// A fresh database with one process in its voting phase and one code per ballot.
async fn prepare(url: &str, ballots: usize) -> anyhow::Result<(db::Db, String, Vec<String>)> {
    if let Some(path) = url.strip_prefix("sqlite:") {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let pool = db::open(url).await?;
    sqlx::query("DELETE FROM pb_processes WHERE slug = $1")
        .bind(SLUG)
        .execute(&pool)
        .await?;
    let now = db::now_ms();
    let (area, user) = (db::new_id(), db::new_id());
    sqlx::query("INSERT INTO areas (id, kind, slug, name, created_at, updated_at) VALUES ($1, 'city', $2, 'Load City', $3, $3)")
        .bind(&area)
        .bind(format!("load-{area}"))
        .bind(now)
        .execute(&pool)
        .await?;
    sqlx::query("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ($1, $2, 'x', 'Load', $3, $3)")
        .bind(&user)
        .bind(format!("{user}@load.example"))
        .bind(now)
        .execute(&pool)
        .await?;
    let process = NewProcess {
        area_id: &area,
        slug: SLUG,
        title: "Load test",
        description: "",
        currency: "EUR",
        budget: 1_000_000,
        phase: Phase::Ideas,
        ideas_until: "",
        review_until: "",
        voting_from: "",
        voting_until: "",
        format: BallotFormat::Approval,
        min_choices: 1,
        max_choices: 3,
        points: 10,
        eligibility: Eligibility::Codes,
        min_age: 0,
        allow_changes: false,
        support_threshold: 0,
        rule: pb::Rule::MesAdd1,
        imported: false,
        sub_budgets: &[],
        one_sub_budget: false,
    };
    let id = store::create(&pool, &process, &user).await?;
    for n in 0..PROJECTS {
        let project = NewProject {
            title: &format!("Project {n}"),
            description: "",
            category: "",
            location: "",
            rough_cost: 50_000 + 10_000 * n as i64,
            sub_budget_id: None,
            point: None,
        };
        store::propose(&pool, &id, &project, &user).await?;
    }
    store::advance_phase(&pool, &id, Phase::Ideas).await?;
    for project in store::projects(&pool, &id).await? {
        let review = Review {
            status: ProjectStatus::Feasible,
            cost: Some(project.rough_cost),
            note: "",
        };
        store::review(&pool, &project.id, &review, &user, None).await?;
    }
    store::advance_phase(&pool, &id, Phase::Review).await?;
    let codes: Vec<String> = (0..ballots)
        .map(|_| squaremile::roles::store::printable_code(12))
        .collect();
    store::add_codes(&pool, &id, &codes).await?;
    Ok((pool, id, codes))
}

/// Starts the release binary beside this example on a free port.
async fn start(url: &str, key_file: &std::path::Path) -> anyhow::Result<(Child, String)> {
    let exe = std::env::current_exe()?;
    let binary = exe
        .parent()
        .and_then(|examples| examples.parent())
        .context("the target directory")?
        .join("squaremile");
    let mut child = Command::new(&binary)
        .args([
            "--config",
            "/nonexistent/squaremile.toml",
            "--database-url",
            url,
            "serve",
            "--bind",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "warn,squaremile=info")
        .env("NO_COLOR", "1")
        .env("SQUAREMILE_BALLOT_KEY_FILE", key_file)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("starting {} (build it with --release)", binary.display()))?;
    let mut lines = BufReader::new(child.stdout.take().context("stdout")?).lines();
    while let Some(line) = lines.next_line().await? {
        if let Some(at) = line.find("is running at ") {
            let base = line[at + "is running at ".len()..].trim().to_string();
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return Ok((child, base));
        }
    }
    bail!("squaremile exited before it was ready")
}

/// A CSRF cookie and its token, shared by every simulated voter.
async fn csrf(http: &reqwest::Client, base: &str) -> anyhow::Result<(String, String)> {
    let page = http
        .get(format!("{base}/budgets/{SLUG}/vote"))
        .send()
        .await?;
    let cookie = page
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sm_csrf=") || v.contains("csrf"))
        .and_then(|v| v.split(';').next())
        .context("no CSRF cookie")?
        .to_string();
    let html = page.text().await?;
    let field = "name=\"csrf_token\" value=\"";
    let at = html.find(field).context("no CSRF field")? + field.len();
    let token = html[at..].split('"').next().unwrap_or_default().to_string();
    Ok((cookie, token))
}

struct Shared {
    base: RwLock<String>,
    csrf: RwLock<(String, String)>,
    next: AtomicUsize,
    acknowledged: AtomicUsize,
    /// (code index, receipt) of every acknowledged ballot.
    receipts: Mutex<Vec<(usize, String)>>,
    latencies: Mutex<Vec<Duration>>,
    retries: AtomicUsize,
    refused_after_retry: AtomicUsize,
}

/// Casts ballots until the codes run out. A ballot whose request failed (the server died)
/// is tried again with the same code: if the first try had committed, the code is used and
/// the retry is refused, and that ballot simply was not acknowledged.
async fn voter(shared: Arc<Shared>, http: reqwest::Client, codes: Arc<Vec<String>>) {
    loop {
        let index = shared.next.fetch_add(1, Ordering::Relaxed);
        let Some(code) = codes.get(index) else { return };
        let picks: Vec<String> = (0..1 + index % 3)
            .map(|k| ((index * 7 + k * 5) % PROJECTS + 1).to_string())
            .collect();
        let mut retried = false;
        loop {
            let base = shared.base.read().await.clone();
            let (cookie, token) = shared.csrf.read().await.clone();
            let mut form: Vec<(&str, &str)> =
                vec![("csrf_token", &token), ("code", code), ("action", "cast")];
            form.extend(picks.iter().map(|p| ("project", p.as_str())));
            let started = Instant::now();
            let sent = http
                .post(format!("{base}/budgets/{SLUG}/vote"))
                .header(reqwest::header::COOKIE, &cookie)
                .form(&form)
                .send()
                .await;
            match sent {
                Ok(response) if response.status() == reqwest::StatusCode::OK => {
                    let Ok(html) = response.text().await else {
                        retried = true;
                        continue;
                    };
                    shared.latencies.lock().await.push(started.elapsed());
                    let at = html.find("<code id=\"receipt\">").map(|a| a + 19);
                    let receipt = at
                        .map(|a| html[a..a + 14].replace('-', ""))
                        .unwrap_or_default();
                    shared.receipts.lock().await.push((index, receipt));
                    shared.acknowledged.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Ok(response)
                    if retried
                        && response.status() == reqwest::StatusCode::UNPROCESSABLE_ENTITY =>
                {
                    shared.refused_after_retry.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Ok(response) if response.status() == reqwest::StatusCode::FORBIDDEN => {
                    // A restarted server kept the CSRF secret, so this means a real error.
                    eprintln!("refused: {}", response.status());
                    return;
                }
                Ok(response) => {
                    eprintln!("unexpected {} for code {index}", response.status());
                    return;
                }
                Err(_) => {
                    retried = true;
                    shared.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    let (pool, process_id, codes) = prepare(&options.database_url, options.ballots).await?;
    let key_file = std::env::temp_dir().join(format!("ballot-load-{}.key", std::process::id()));
    let (mut server, base) = start(&options.database_url, &key_file).await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(options.voters)
        .timeout(Duration::from_secs(60))
        .build()?;
    let shared = Arc::new(Shared {
        csrf: RwLock::new(csrf(&http, &base).await?),
        base: RwLock::new(base),
        next: AtomicUsize::new(0),
        acknowledged: AtomicUsize::new(0),
        receipts: Mutex::new(Vec::new()),
        latencies: Mutex::new(Vec::new()),
        retries: AtomicUsize::new(0),
        refused_after_retry: AtomicUsize::new(0),
    });
    let codes = Arc::new(codes);
    let started = Instant::now();
    let workers: Vec<_> = (0..options.voters)
        .map(|_| tokio::spawn(voter(shared.clone(), http.clone(), codes.clone())))
        .collect();
    let mut killed_after = None;
    if let Some(kill_at) = options.kill_at {
        while shared.acknowledged.load(Ordering::Relaxed) < kill_at {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.start_kill()?;
        server.wait().await?;
        killed_after = Some(shared.acknowledged.load(Ordering::Relaxed));
        let (again, base) = start(&options.database_url, &key_file).await?;
        server = again;
        *shared.csrf.write().await = csrf(&http, &base).await?;
        *shared.base.write().await = base;
    }
    for worker in workers {
        worker.await?;
    }
    let elapsed = started.elapsed();
    server.start_kill()?;

    // Every acknowledged ballot is stored; no code voted twice; ballots equal voters.
    let acknowledged = shared.acknowledged.load(Ordering::Relaxed);
    let (voters, ballots) = store::turnout(&pool, &process_id).await?;
    let (_, used) = store::code_counts(&pool, &process_id).await?;
    let receipts = shared.receipts.lock().await;
    let seal = squaremile::budgets::seal::BallotSeal::load_or_create(&key_file)?;
    let mut missing = 0;
    for (_, receipt) in receipts.iter() {
        let hash = squaremile::web::session::hash_token(receipt);
        if store::ballot_by_receipt(&pool, &seal, &process_id, &hash)
            .await?
            .is_none()
        {
            missing += 1;
        }
    }
    let mut latencies = shared.latencies.lock().await.clone();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "database          {}",
        options.database_url.split(':').next().unwrap_or("")
    );
    println!("voters            {} concurrent", options.voters);
    println!("ballots sent      {}", options.ballots);
    println!("acknowledged      {acknowledged}");
    if let Some(at) = killed_after {
        println!("server killed     after {at} acknowledged; restarted");
        println!(
            "retried requests  {}",
            shared.retries.load(Ordering::Relaxed)
        );
        println!(
            "committed, unacknowledged  {}",
            shared.refused_after_retry.load(Ordering::Relaxed)
        );
    }
    println!("stored ballots    {ballots}  (voters recorded {voters}, codes used {used})");
    println!("acknowledged but missing  {missing}");
    println!("time              {:.1} s", elapsed.as_secs_f64());
    println!(
        "ballots/s         {:.0}",
        acknowledged as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50       {:.1} ms",
        pct(0.50).as_secs_f64() * 1000.0
    );
    println!(
        "latency p99       {:.1} ms",
        pct(0.99).as_secs_f64() * 1000.0
    );
    println!(
        "latency max       {:.1} ms",
        pct(1.0).as_secs_f64() * 1000.0
    );
    // Closing the vote moves the ballots still sealed into the box; all must be there.
    store::close_voting::<()>(&pool, &seal, &process_id, None, "ballot-load").await?;
    let in_box = store::ballots(&pool, &process_id).await?.len();
    println!("in the ballot box {in_box} after the close");
    std::fs::remove_file(&key_file)?;
    let ok = missing == 0
        && in_box as i64 == ballots
        && ballots == voters
        && ballots == used
        && ballots as usize >= acknowledged
        && ballots as usize <= options.ballots;
    if !ok {
        bail!("FAILED: ballots were lost or counted twice");
    }
    println!("OK: no acknowledged ballot lost, none counted twice");
    Ok(())
}
