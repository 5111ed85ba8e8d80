//! Times one rule on one file (for profiling).
use pb::{Profile, Utility, rules};
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("file");
    let rule = args.next().expect("rule");
    let election = pb::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let cost = Profile::new(
        &election,
        if rule == "phragmen" {
            Utility::Cardinality
        } else {
            Utility::Cost
        },
    );
    eprintln!("profile {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let per_voter = &cost.budget / &pb::Q::from(cost.voters as usize);
    let outcome = match rule.as_str() {
        "mes" => rules::equal_shares(&cost, &per_voter),
        "mes-add1" => rules::equal_shares_add1(&cost),
        "phragmen" => rules::phragmen(&cost),
        _ => rules::greedy(&cost, &pb::Outcome::default(), true),
    };
    eprintln!(
        "{rule} {:?}: {} projects",
        t.elapsed(),
        outcome.purchases.len()
    );
}
