//! Times search and matching of offers and asks at scale: 50,000 people and 200,000 posts
//! by default, on SQLite or PostgreSQL.
//!
//!     cargo run --release -p squaremile --example help_search -- \
//!         [--database-url URL] [--people N] [--posts N] [--requests N]
//!
//! Generates the data (`squaremile offers generate` does the same) into a fresh database
//! unless it already holds the generated city, then measures, for random cards and asks:
//! the store calls alone (search, the suggestions of an ask, the people with the skill),
//! for an anonymous visitor and for a signed-in resident; and the whole pages over HTTP on
//! loopback (search results, an ask with its matches). Prints percentiles.

use std::time::Instant;

use anyhow::{Context, bail};
use squaremile::assets::privacy::Viewer;
use squaremile::config::Config;
use squaremile::help::search::{self, Combine, PostSearch};
use squaremile::help::store::{self, PostFilter, PostKind};
use squaremile::help::{generate, matching};
use squaremile::skills::Catalogue;
use squaremile::{assets, db, server};

struct Options {
    database_url: String,
    people: usize,
    posts: usize,
    requests: usize,
}

fn options() -> anyhow::Result<Options> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        database_url: "sqlite:/tmp/squaremile-help-bench.db".into(),
        people: 50_000,
        posts: 200_000,
        requests: 200,
    };
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database-url" => options.database_url = value,
            "--people" => options.people = value.parse()?,
            "--posts" => options.posts = value.parse()?,
            "--requests" => options.requests = value.parse()?,
            other => bail!("unknown option {other}"),
        }
    }
    Ok(options)
}

struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// "p50 1.2 ms, p95 ..., p99 ..., max ..." of durations in seconds.
fn percentiles(mut seconds: Vec<f64>) -> String {
    seconds.sort_by(f64::total_cmp);
    let at =
        |q: f64| seconds[((seconds.len() as f64 * q) as usize).min(seconds.len() - 1)] * 1000.0;
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} runs)",
        at(0.50),
        at(0.95),
        at(0.99),
        seconds[seconds.len() - 1] * 1000.0,
        seconds.len()
    )
}

async fn timed<T>(
    times: &mut Vec<f64>,
    work: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    let started = Instant::now();
    let out = work.await?;
    times.push(started.elapsed().as_secs_f64());
    Ok(out)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    let db = db::open(&options.database_url).await?;
    let city = squaremile::areas::store::find_by_slug(&db, "benchmark-city").await?;
    if city.is_none() {
        let started = Instant::now();
        generate::generate(&db, options.people, options.posts, 1).await?;
        eprintln!(
            "generated {} people and {} posts in {:.1} s",
            options.people,
            options.posts,
            started.elapsed().as_secs_f64()
        );
        // What autovacuum does on a live site soon after a bulk load: fresh statistics.
        if db::backend(&db) == db::Backend::Postgres {
            sqlx::query("ANALYZE").execute(&db).await?;
        }
    }
    let posts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM help_posts")
        .fetch_one(&db)
        .await?;
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db)
        .await?;
    println!(
        "database: {} ({people} people, {posts} offers and asks)",
        db::Backend::of_url(&options.database_url).map(|b| format!("{b:?}"))?
    );

    let help_search = PostSearch::new(db.clone());
    let started = Instant::now();
    help_search.warm().await?;
    println!(
        "search index built from the database in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let catalogue = Catalogue::load(&db, &Default::default()).await?;
    let cards: Vec<(String, String)> = catalogue
        .active()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    let resident: String = sqlx::query_scalar("SELECT owner_id FROM help_posts LIMIT 1")
        .fetch_one(&db)
        .await?;
    let viewers = [
        ("anonymous", Viewer::anonymous()),
        (
            "signed-in resident",
            Viewer {
                user_id: resident,
                is_admin: false,
            },
        ),
    ];
    let open_asks = store::list(
        &db,
        &Viewer::anonymous(),
        &PostFilter {
            kind: "ask".into(),
            status: "open".into(),
            ..Default::default()
        },
        None,
        2000,
    )
    .await?;
    let (carded, uncarded): (Vec<&store::Post>, Vec<&store::Post>) =
        open_asks.iter().partition(|a| a.card_code.is_some());
    anyhow::ensure!(!uncarded.is_empty(), "the generated asks all have a card");
    let mut random = Random(0x5eed);
    for (who, viewer) in &viewers {
        let (mut searching, mut by_card, mut by_words, mut people) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..options.requests {
            let (code, name) = &cards[random.below(cards.len())];
            let words: String = name
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let query = search::Query {
                text: &words,
                combine: Combine::All,
                kind: None,
                status: "",
                area: "",
                limit: 50,
            };
            let query = help_search.search(viewer, &query);
            timed(&mut searching, query).await?;
            let ask = carded[random.below(carded.len())];
            let suggested = matching::suggestions(&db, &help_search, viewer, &catalogue, ask, 8);
            timed(&mut by_card, suggested).await?;
            let ask = uncarded[random.below(uncarded.len())];
            let suggested = matching::suggestions(&db, &help_search, viewer, &catalogue, ask, 8);
            timed(&mut by_words, suggested).await?;
            let found = assets::store::people_with_skill(&db, viewer, code, &ask.area_id, 6);
            timed(&mut people, found).await?;
        }
        println!("store, {who}: search {}", percentiles(searching));
        println!(
            "store, {who}: suggestions, ask with a card {}",
            percentiles(by_card)
        );
        println!(
            "store, {who}: suggestions, ask without a card {}",
            percentiles(by_words)
        );
        println!(
            "store, {who}: people with the skill {}",
            percentiles(people)
        );
    }

    let config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: squaremile::config::Secret::new(&options.database_url),
        ..Config::default()
    };
    let running = server::start(config, db).await?;
    // The site builds its own index as it starts; pages are timed once it is ready, as on a
    // site that has been up for more than a few seconds.
    running.state.help_search.warm().await?;
    let client = reqwest::Client::new();
    let base = format!("http://{}", running.addr);
    let (mut search_pages, mut ask_pages) = (Vec::new(), Vec::new());
    for _ in 0..options.requests {
        let (_, name) = &cards[random.below(cards.len())];
        let query: String = name
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join("+");
        let url = format!("{base}/help?q={query}");
        timed(&mut search_pages, get(&client, &url)).await?;
        let ask = &open_asks[random.below(open_asks.len())];
        debug_assert_eq!(ask.kind, PostKind::Ask);
        timed(
            &mut ask_pages,
            get(&client, &format!("{base}/help/{}", ask.id)),
        )
        .await?;
    }
    println!("http: search results page {}", percentiles(search_pages));
    println!("http: an ask with its matches {}", percentiles(ask_pages));
    Ok(())
}

async fn get(client: &reqwest::Client, url: &str) -> anyhow::Result<usize> {
    let response = client.get(url).send().await?;
    anyhow::ensure!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
    Ok(response.bytes().await?.len())
}
