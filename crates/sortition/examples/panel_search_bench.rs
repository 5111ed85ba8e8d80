//! Times leximin's panel search, ours against microlp's, on the same weightings of a pool
//! (as written by `bench/sortition_vs_reference.py --pools-only`), release build:
//!
//! `cargo run --release -p sortition --example panel_search_bench -- PEOPLE CATEGORIES SIZE [SEARCHES]`
//!
//! Prints one line: pool, panel, the number of searches, how many ours answered itself, how many panels
//! weighed the same, and the time of each.

use sortition::{compare_searches, read_categories, read_people};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [people, categories, size, rest @ ..] = args.as_slice() else {
        eprintln!("usage: panel_search_bench PEOPLE CATEGORIES SIZE [SEARCHES]");
        std::process::exit(2);
    };
    let read = |path: &str| std::fs::read_to_string(path).expect("a readable file");
    let features = read_categories(&read(categories)).expect("a categories file");
    let pool = read_people(&read(people), &features, &[]).expect("a people file");
    let searches = rest.first().map_or(500, |s| s.parse().expect("a count"));
    let size = size.parse().expect("a panel size");
    let c = compare_searches(&pool, size, searches, 29);
    println!(
        "pool {} | panel {size} | {} searches | ours answered {} | same weight {} | ours {:.2} s ({:.2} ms each) | microlp {:.2} s ({:.2} ms each)",
        pool.people.len(),
        c.searches,
        c.ours_answered,
        c.same_weight,
        c.ours.as_secs_f64(),
        c.ours.as_secs_f64() * 1000.0 / c.searches as f64,
        c.microlp.as_secs_f64(),
        c.microlp.as_secs_f64() * 1000.0 / c.searches as f64,
    );
}
