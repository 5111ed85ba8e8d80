//! Times the engine on one graph for `bench/network_vs_references.py`: prints one JSON
//! object with seconds per task (reading, betweenness, closeness, PageRank, communities,
//! layout) and the modularity reached.
//!
//! cargo run --release -p network --example timings -- GRAPH.csv [task ...]

use std::time::Instant;

use network::centrality::{self, Paths};
use network::community::{self, Method};
use network::{io, layout};
use serde_json::{Map, Value, json};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: timings GRAPH.csv [task ...]");
    let tasks: Vec<String> = args.collect();
    let wanted = |t: &str| tasks.is_empty() || tasks.iter().any(|x| x == t);
    let mut out = Map::new();
    let started = Instant::now();
    let text = std::fs::read_to_string(&path).expect("readable graph");
    let graph = io::read_csv(&text, None, false).expect("a CSV edge list");
    out.insert("read".into(), json!(started.elapsed().as_secs_f64()));
    let time = |name: &str, out: &mut Map<String, Value>, f: &mut dyn FnMut() -> Option<f64>| {
        if !wanted(name) {
            return;
        }
        let started = Instant::now();
        let extra = f();
        out.insert(name.into(), json!(started.elapsed().as_secs_f64()));
        if let Some(x) = extra {
            out.insert(format!("{name}_modularity"), json!(x));
        }
    };
    time("betweenness", &mut out, &mut || {
        centrality::betweenness(&graph, Paths::Hops, None);
        None
    });
    time("closeness", &mut out, &mut || {
        centrality::closeness(&graph, Paths::Hops);
        None
    });
    time("pagerank", &mut out, &mut || {
        centrality::pagerank(&graph);
        None
    });
    time("louvain", &mut out, &mut || {
        Some(community::detect(&graph, Method::Louvain, 1.0, 1).modularity)
    });
    time("leiden", &mut out, &mut || {
        Some(community::detect(&graph, Method::Leiden, 1.0, 1).modularity)
    });
    time("layout", &mut out, &mut || {
        layout::force_atlas2(&graph, layout::Settings::for_size(graph.len(), 1));
        None
    });
    println!("{}", Value::Object(out));
}
