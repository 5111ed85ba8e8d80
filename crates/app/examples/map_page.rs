//! Times the network map page on a mapping exercise of N people and organisations (2,000 by
//! default): `cargo run --release -p squaremile --example map_page -- [NODES] [REQUESTS]`.
//! Seeds a fresh SQLite database through the stores (clusters of neighbours with a few
//! ties between clusters, as real maps look), serves the real app on a loopback port, and
//! prints the time of each page request as the client sees it (server time plus loopback).

use std::time::Instant;

use squaremile::config::Config;
use squaremile::mapping::store::{self, NamedTie, NewExercise, NodeKind, Response, Visibility};
use squaremile::{areas, db, server};

struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let nodes = args.first().copied().unwrap_or(2000);
    let requests = args.get(1).copied().unwrap_or(10);
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite:{}", dir.path().join("bench.db").display());
    let db = db::open(&url).await?;
    let seeded = Instant::now();
    let exercise = seed(&db, nodes).await?;
    eprintln!(
        "seeded {nodes} nodes in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    breakdown(&db, &exercise).await?;
    let config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: squaremile::config::Secret::new(&url),
        ..Config::default()
    };
    let running = server::start(config, db).await?;
    let client = reqwest::Client::new();
    for page in ["map", "insights"] {
        let url = format!("http://{}/mapping/{exercise}/{page}", running.addr);
        let mut times = Vec::new();
        for _ in 0..requests {
            let started = Instant::now();
            let response = client.get(&url).send().await?;
            anyhow::ensure!(
                response.status().is_success(),
                "{url}: {}",
                response.status()
            );
            let bytes = response.bytes().await?.len();
            times.push((started.elapsed().as_secs_f64(), bytes));
        }
        let mut seconds: Vec<f64> = times.iter().map(|t| t.0).collect();
        seconds.sort_by(f64::total_cmp);
        let first = times[0].0;
        println!(
            "{page}: {nodes} nodes: first request (measures and layout computed) {first:.3} s; \
             all {requests}: min {:.3} s, median {:.3} s, max {:.3} s ({} KB)",
            seconds[0],
            seconds[seconds.len() / 2],
            seconds[seconds.len() - 1],
            times[0].1 / 1024
        );
    }
    Ok(())
}

/// Where the time of one map goes, step by step.
async fn breakdown(db: &db::Db, slug: &str) -> anyhow::Result<()> {
    use squaremile::mapping::map;
    let started = Instant::now();
    let exercise = store::find_by_slug(db, slug).await?.expect("seeded");
    let nodes = store::nodes(db, &exercise.id).await?;
    let ties = store::ties(db, &exercise.id).await?;
    let read = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let built = map::build(
        &nodes,
        &ties,
        &Default::default(),
        map::Naming::Public,
        &map::Filter::default(),
        &map::export_language(),
    );
    let build = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let analysis = map::analyse(&built.graph);
    let analyse = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let positions = network::layout::force_atlas2(
        &built.graph,
        network::layout::Settings::for_size(built.graph.len(), 1),
    );
    let layout = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let svg = map::render(
        &built,
        &analysis,
        &positions,
        map::Colour::Cluster,
        map::Size::Ties,
        map::Labels {
            title: "t".into(),
            group_title: "g".into(),
            size_title: "s".into(),
            person: "p".into(),
            organisation: "o".into(),
            words: network::svg::Words::english(),
        },
        |c| c.to_string(),
    );
    let render = started.elapsed().as_secs_f64();
    println!(
        "one after the other: read {read:.3} s, build {build:.3} s, measures {analyse:.3} s, layout {layout:.3} s, SVG {render:.3} s ({} ties, {} KB of SVG)",
        built.graph.edges.len(),
        svg.len() / 1024
    );
    Ok(())
}

/// An exercise where every node answered, naming 2-4 others, mostly in its own cluster.
async fn seed(db: &db::Db, nodes: usize) -> anyhow::Result<String> {
    let user = squaremile::accounts::store::create_first_admin(
        db,
        &squaremile::accounts::store::NewUser {
            email: "bench@example.org",
            password_hash: "x",
            display_name: "Bench",
            home_area_id: None,
            locale: "en-GB",
            is_admin: true,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let area = areas::store::create(
        db,
        &areas::store::NewArea {
            parent_id: None,
            kind: areas::store::AreaKind::City,
            slug: "bench",
            name: "Bench",
            description: "",
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let types = ["We work together".to_string()];
    store::create(
        db,
        &NewExercise {
            area_id: &area,
            slug: "bench-map",
            title: "Bench map",
            purpose: "",
            invited: "",
            opens_on: "2020-01-01",
            closes_on: "2099-12-31",
            relationship_types: &types,
            visibility: Visibility::Public,
            previous_id: None,
        },
        &user,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let exercise = store::find_by_slug(db, "bench-map")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no exercise"))?;
    let cluster_size = 40;
    let mut random = Random(7);
    let names: Vec<String> = (0..nodes).map(|i| format!("Member {i}")).collect();
    for i in 0..nodes {
        let cluster = i / cluster_size;
        let mut named = Vec::new();
        for _ in 0..2 + random.below(3) {
            let other = if random.below(10) == 0 {
                random.below(nodes)
            } else {
                (cluster * cluster_size + random.below(cluster_size)).min(nodes - 1)
            };
            named.push(other);
        }
        let ties: Vec<NamedTie> = named
            .iter()
            .map(|&o| NamedTie {
                name: &names[o],
                kind: NodeKind::Person,
                relationship: &types[0],
                about: "",
                frequency: "monthly",
            })
            .collect();
        let response = Response {
            exercise_id: &exercise.id,
            kind: NodeKind::Person,
            name: &names[i],
            email: "",
            area_id: None,
            consent: true,
            skills: "",
            skill_cards: &[],
            interests: "",
            needs: "",
            ties: &ties,
            for_someone: None,
        };
        store::respond(db, &response)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(exercise.slug)
}
