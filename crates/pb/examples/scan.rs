//! Counts one file with every rule and prints the winners as JSON lines (for quick checks).
use pb::{Profile, Utility, rules};

fn main() {
    let path = std::env::args().nth(1).expect("a .pb file");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let election = pb::parse(&text).expect("a valid file");
    let cost = Profile::new(&election, Utility::Cost);
    let card = Profile::new(&election, Utility::Cardinality);
    let ids = |o: &pb::Outcome| {
        let mut v: Vec<String> = o.selected().iter().map(|&p| cost.ids[p].clone()).collect();
        v.sort();
        v
    };
    let per_voter = &cost.budget / &pb::Q::from(cost.voters as usize);
    let t = std::time::Instant::now();
    println!(
        "greedy {:?}",
        ids(&rules::greedy(&cost, &pb::Outcome::default(), true))
    );
    eprintln!("greedy {:?}", t.elapsed());
    let t = std::time::Instant::now();
    println!("mes {:?}", ids(&rules::equal_shares(&cost, &per_voter)));
    eprintln!("mes {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let add1 = rules::equal_shares_add1(&cost);
    println!("mes-add1 {:?}", ids(&add1));
    eprintln!(
        "mes-add1 {:?} per voter {:?}",
        t.elapsed(),
        add1.budget_per_voter.map(|q| q.to_decimal(2))
    );
    let t = std::time::Instant::now();
    println!("phragmen {:?}", ids(&rules::phragmen(&card)));
    eprintln!("phragmen {:?}", t.elapsed());
}
