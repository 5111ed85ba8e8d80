//! Times the pages with maps on the demo city with N extra placed reports (10,000 by
//! default): `cargo run --release -p squaremile --example place_maps -- [REPORTS] [REQUESTS]`.
//! Loads the demo (boundaries and all) into a fresh SQLite file, or into the database named
//! by DATABASE_URL, adds the reports at random points inside the city's boundary, serves the
//! real app on a loopback port and prints each page's time as the client sees it (server
//! time plus loopback): the median and the 95th percentile of REQUESTS requests.

use std::time::Instant;

use squaremile::config::Config;
use squaremile::reports::store::{self as reports, NewReport};
use squaremile::{areas, db, demo, server};

struct Random(u64);

impl Random {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let count = args.first().copied().unwrap_or(10_000);
    let requests = args.get(1).copied().unwrap_or(50);
    let dir = tempfile::tempdir()?;
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite:{}", dir.path().join("bench.db").display()));
    let db = db::open(&url).await?;
    let seal = squaremile::budgets::seal::BallotSeal::load_or_create(&dir.path().join("key"))?;
    demo::load(&db, &seal).await?;
    let city = areas::store::find_by_slug(&db, "millbrook")
        .await?
        .expect("the demo city");
    let shape = areas::places::boundary(&db, &city.id)
        .await?
        .expect("the demo city's boundary");
    let outline = places::bounds(&shape).expect("a boundary with points");
    let (category, area): (String, String) = sqlx::query_as(
        "SELECT c.id, a.id FROM report_categories c, areas a WHERE a.slug = 'canal-quarter' \
         ORDER BY c.code LIMIT 1",
    )
    .fetch_one(&db)
    .await?;
    let seeded = Instant::now();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for n in 0..count {
        let lat = outline.min_lat + random.unit() * (outline.max_lat - outline.min_lat);
        let lon = outline.min_lon + random.unit() * (outline.max_lon - outline.min_lon);
        reports::create(
            &db,
            &NewReport {
                category_id: &category,
                area_id: &area,
                title: &format!("Bench report {n}"),
                description: "",
                latitude: Some(lat),
                longitude: Some(lon),
                address: "",
                author_id: None,
                source: "web",
                photos: &[],
                for_someone: None,
            },
            |_, _| Vec::new(),
            |_| None,
        )
        .await?;
    }
    eprintln!(
        "added {count} placed reports in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    if url.starts_with("postgres") {
        // What autovacuum does within a minute or so of a bulk load; without it PostgreSQL
        // plans for the empty tables it last saw.
        sqlx::query("ANALYZE").execute(&db).await?;
    }
    let config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: squaremile::config::Secret::new(&url),
        ballot_key_file: dir.path().join("key").display().to_string(),
        ..Config::default()
    };
    let running = server::start(config, db.clone()).await?;
    // The demo queues work (its budgets' counts); timing pages while the worker counts
    // would measure the count too.
    let drained = Instant::now();
    while squaremile::jobs::store::due_backlog(&db, squaremile::db::now_ms())
        .await?
        .0
        > 0
    {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    eprintln!(
        "waited {:.1} s for the demo's jobs",
        drained.elapsed().as_secs_f64()
    );
    let client = reqwest::Client::new();
    println!("| page | placed reports | p50 (ms) | p95 (ms) | size (KB) |");
    println!("|---|---|---|---|---|");
    for path in [
        "/reports".to_string(),
        "/reports?area=canal-quarter".to_string(),
        "/areas/millbrook".to_string(),
        "/areas/canal-quarter".to_string(),
        "/events".to_string(),
        "/areas/millbrook/assets".to_string(),
        "/api/v1/areas/at?lat=53.48&lon=-2.24".to_string(),
    ] {
        let url = format!("http://{}{path}", running.addr);
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..requests {
            let started = Instant::now();
            let response = client.get(&url).send().await?;
            anyhow::ensure!(
                response.status().is_success(),
                "{url}: {}",
                response.status()
            );
            size = response.bytes().await?.len();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| `{path}` | {count} | {:.1} | {:.1} | {} |",
            times[times.len() / 2],
            times[(times.len() * 95 / 100).min(times.len() - 1)],
            size / 1024
        );
    }
    Ok(())
}
