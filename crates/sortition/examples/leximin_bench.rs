//! Times the full leximin selection on a people file and a categories file (as written by
//! `bench/sortition_vs_reference.py`), release build:
//!
//! `cargo run --release -p sortition --example leximin_bench -- PEOPLE CATEGORIES SIZE [SOLVER [MAX_ROUNDS]]`
//!
//! SOLVER is revised (the default), microlp, clp (only when built with `--features clp`,
//! which links the system's COIN-OR CLP), or highs / highs-mip (only when built with
//! `--features highs` and `HIGHS_LIB_DIR` set to a folder holding a prebuilt libhighs.so;
//! highs-mip also searches panels with HiGHS).
//!
//! Prints one line: pool, features, panel, seconds, lowest probability, panels, levels and
//! whether leximin ran to its end. With `LEXIMIN_BENCH_PROBABILITIES` naming a file, also
//! writes every volunteer's probability there (id and probability, one a line), to compare
//! two builds' answers.

use std::time::Instant;

use sortition::{Method, Request, read_categories, read_people, select};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [people, categories, size, rest @ ..] = args.as_slice() else {
        eprintln!("usage: leximin_bench PEOPLE CATEGORIES SIZE [SOLVER [MAX_ROUNDS]]");
        std::process::exit(2);
    };
    let read = |path: &str| std::fs::read_to_string(path).expect("a readable file");
    let features = read_categories(&read(categories)).expect("a categories file");
    let pool = read_people(&read(people), &features, &[]).expect("a people file");
    let mut request = Request::new(size.parse().expect("a panel size"), Method::Leximin);
    if let Some(solver) = rest.first() {
        request.solver = solver.parse().expect("a solver");
    }
    request.max_rounds = rest.get(1).map(|r| r.parse().expect("a round count"));
    let started = Instant::now();
    let selection = select(&pool, &request).expect("a selection");
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = std::env::var_os("LEXIMIN_BENCH_PROBABILITIES") {
        let lines: String = pool
            .people
            .iter()
            .zip(&selection.probabilities)
            .map(|(person, p)| format!("{},{p}\n", person.id))
            .collect();
        std::fs::write(path, lines).expect("a writable file");
    }
    println!(
        "pool {} | features {} | panel {} | {:?} | {seconds:.2} s | min probability {:.4} | {} panels | {} levels | complete {}",
        pool.people.len(),
        pool.features.len(),
        request.size,
        request.solver,
        selection.min_probability,
        selection.panels,
        selection.levels,
        selection.complete
    );
}
