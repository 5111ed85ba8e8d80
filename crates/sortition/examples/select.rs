//! Times one selection: `cargo run --release -p sortition --example select -- PEOPLE
//! CATEGORIES SIZE [leximin|legacy] [MAX_ROUNDS]`; prints seconds, the lowest probability,
//! the panels and whether leximin ran to its end.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [people, categories, size, rest @ ..] = args.as_slice() else {
        eprintln!("usage: select PEOPLE CATEGORIES SIZE [leximin|legacy] [MAX_ROUNDS]");
        std::process::exit(2);
    };
    let features = sortition::read_categories(&std::fs::read_to_string(categories).unwrap())
        .expect("categories");
    let pool = sortition::read_people(&std::fs::read_to_string(people).unwrap(), &features, &[])
        .expect("people");
    let method = rest
        .first()
        .map_or(sortition::Method::Leximin, |m| m.parse().unwrap());
    let mut request = sortition::Request::new(size.parse().unwrap(), method);
    request.max_rounds = rest.get(1).map(|n| n.parse().unwrap());
    let started = std::time::Instant::now();
    let selection = sortition::select(&pool, &request).expect("selection");
    println!(
        "{:.3} s, min probability {:.6}, {} panels, complete: {}",
        started.elapsed().as_secs_f64(),
        selection.min_probability,
        selection.panels,
        selection.complete
    );
}
