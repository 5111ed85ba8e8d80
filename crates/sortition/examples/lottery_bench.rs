//! Times rounding a leximin distribution to a uniform lottery on a pool shaped like the
//! demo's published jury (`crates/app/src/demo/juries.rs`): 140 volunteers over age,
//! gender, district and housing, every tenth sharing a home with the one before, one per
//! household, a panel of 20. Release build:
//!
//! `cargo run --release -p sortition --example lottery_bench -- [M [PEOPLE CATEGORIES SIZE]]`
//!
//! With a people file and a categories file (as `leximin_bench` takes), their pool instead
//! (no households). Prints the leximin and rounding times, the number of panels and the
//! largest deviation.

use std::time::Instant;

use sortition::{
    Method, Person, Pool, Request, leximin_distribution, read_categories, read_people,
};

const QUOTAS: &str = "feature,value,min,max
age,16-29,3,5
age,30-44,4,6
age,45-64,5,7
age,65+,3,5
gender,woman,9,11
gender,man,9,11
gender,in another way,0,1
district,North Millbrook,9,11
district,Riverside,9,11
housing,owns their home,8,11
housing,rents privately,4,7
housing,rents from the council or a housing association,3,6
";

/// The demo's generator (a linear congruential one), so the pool is the demo's.
struct DemoRandom(u64);

impl DemoRandom {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }

    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut r = self.next(weights.iter().sum());
        weights
            .iter()
            .position(|&w| {
                if r < w {
                    true
                } else {
                    r -= w;
                    false
                }
            })
            .unwrap_or(0)
    }
}

fn weights(feature: &str) -> &'static [usize] {
    match feature {
        "age" => &[12, 22, 36, 30],
        "gender" => &[52, 46, 2],
        "district" => &[55, 45],
        _ => &[62, 22, 16],
    }
}

fn demo_pool(count: usize) -> Pool {
    let features = read_categories(QUOTAS).expect("the demo's quotas");
    let mut random = DemoRandom(count as u64);
    let people = (0..count)
        .map(|i| {
            let values: Vec<usize> = features
                .iter()
                .map(|f| random.weighted(weights(&f.name)))
                .collect();
            // The demo draws two names per volunteer; drawn here too, to keep its sequence.
            random.next(24);
            random.next(12);
            let house = if i % 10 == 9 { i - 1 } else { i };
            let mut person = Person::new(format!("v{i}"), values, &features);
            person.household = Some(format!("house {house}"));
            person
        })
        .collect();
    Pool::new(features, people)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let m: usize = args
        .first()
        .map_or(50, |m| m.parse().expect("a number of panels"));
    let (pool, request) = match &args[1..] {
        [people, categories, size] => {
            let read = |path: &str| std::fs::read_to_string(path).expect("a readable file");
            let features = read_categories(&read(categories)).expect("a categories file");
            let pool = read_people(&read(people), &features, &[]).expect("a people file");
            let size = size.parse().expect("a panel size");
            (pool, Request::new(size, Method::Leximin))
        }
        _ => {
            let mut request = Request::new(20, Method::Leximin);
            request.one_per_household = true;
            (demo_pool(140), request)
        }
    };
    let started = Instant::now();
    let distribution = leximin_distribution(&pool, &request).expect("a distribution");
    let leximin = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let lottery =
        sortition::round_to_lottery(&pool, &request, &distribution, m, 1).expect("a lottery");
    let rounding = started.elapsed().as_secs_f64();
    println!(
        "leximin {leximin:.3} s ({} panels) | rounding to m = {m}: {rounding:.3} s | max deviation {:.4} (1/m = {:.4})",
        distribution.panels.len(),
        lottery.max_deviation,
        1.0 / m as f64
    );
}
