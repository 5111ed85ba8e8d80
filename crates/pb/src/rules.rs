//! Counting rules, each giving exactly the outcome of the reference implementation
//! (pabutools) with its default lexicographic tie-breaking on project ids:
//! utilitarian greedy (with and without skipping), the Method of Equal Shares (plain, and
//! completed by raising voters' budgets one currency unit at a time then a greedy fill), and
//! sequential Phragmén.
//!
//! Voters with the same budget (or load) are kept together as one "class", and each project
//! knows how many of its supporters are in each class, so a round costs time in the number of
//! distinct budgets among a project's supporters, not in the number of voters.

use rustc_hash::FxHashMap as HashMap;

use crate::Q;
use crate::arith::{Num, TooClose};
use crate::profile::Profile;

/// How a project came to be funded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Free and supported: equal shares funds it before the first round.
    Free,
    /// Bought in a round of the rule itself.
    Main,
    /// Added by the greedy fill that completes equal shares.
    Completion,
    /// Poznań's rule: the first project that did not fit, funded from reserve funds because
    /// what was left covered most of its cost.
    Reserve,
}

/// One funded project and what it took.
#[derive(Clone, Debug)]
pub struct Purchase {
    pub project: usize,
    pub stage: Stage,
    /// Equal shares: the price per unit of utility each supporter paid (ρ), so a supporter
    /// with utility u paid ρ·u unless they had less left. Phragmén: the load every supporter
    /// carries after the purchase. Greedy: the project's utility per unit of cost. For
    /// reporting only (decisions are made on exact values).
    pub price: Option<f64>,
    /// Equal shares: how many supporters paid all they had left.
    pub paid_all_they_had: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// In the order they were funded.
    pub purchases: Vec<Purchase>,
    /// Equal shares completed by budget increases: the budget per voter that was used.
    pub budget_per_voter: Option<Q>,
    /// The comparison step, when the rule has one: how the voters' preferences fell.
    pub comparison: Option<Comparison>,
}

/// equalshares.net's comparison step: equal shares against counting by votes, each voter
/// preferring the outcome that funds more of the projects on their ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub prefer_equal_shares: u64,
    pub prefer_votes: u64,
    /// Whether more voters preferred counting by votes, whose outcome then stands.
    pub votes_won: bool,
}

impl Outcome {
    pub fn selected(&self) -> Vec<usize> {
        self.purchases.iter().map(|p| p.project).collect()
    }

    pub fn contains(&self, project: usize) -> bool {
        self.purchases.iter().any(|p| p.project == project)
    }

    pub fn cost(&self, profile: &Profile) -> Q {
        profile.cost_of(&self.selected())
    }
}

// ------------------------------------------------------------------ greedy

/// Utility per unit of cost; `None` stands for infinity (a free project someone wants).
fn density(profile: &Profile, project: usize) -> Option<Q> {
    let total = profile.total_utility(project);
    if total.is_positive() {
        let cost = &profile.costs[project];
        if cost.is_positive() {
            Some(&total / cost)
        } else {
            None
        }
    } else {
        Some(Q::zero())
    }
}

/// Utilitarian greedy: projects by utility per unit of cost, best first, ties by id; each is
/// funded if it fits in what is left (`skip`), or counting stops at the first that does not.
/// `initial` projects are funded already and their cost is taken from the budget.
pub fn greedy(profile: &Profile, initial: &Outcome, skip: bool) -> Outcome {
    let mut outcome = initial.clone();
    let mut remaining = &profile.budget - &initial.cost(profile);
    let mut order: Vec<(usize, Option<Q>)> = profile
        .by_id()
        .into_iter()
        .filter(|p| !initial.contains(*p))
        .map(|p| (p, density(profile, p)))
        .collect();
    // Stable: equal densities keep the id order.
    order.sort_by(|a, b| match (&a.1, &b.1) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => y.cmp(x),
    });
    let stage = if initial.purchases.is_empty() {
        Stage::Main
    } else {
        Stage::Completion
    };
    for (project, density) in order {
        let cost = &profile.costs[project];
        if cost <= &remaining {
            remaining = &remaining - cost;
            let price = density.map(|d| d.to_f64());
            outcome.purchases.push(Purchase {
                project,
                stage,
                price,
                paid_all_they_had: 0,
            });
        } else if !skip {
            break;
        }
    }
    outcome
}

// ------------------------------------------------------------------ classes of voters

/// Voter groups partitioned by a value that changes as projects are bought (a budget for
/// equal shares, a load for Phragmén). Groups with the same value share a class.
struct Classes<N: Num> {
    value: Vec<N>,
    by_value: HashMap<N::Key, u32>,
    class_of: Vec<u32>,
    /// For each project: (class, utility index) -> number of supporting voters.
    entries: Vec<HashMap<(u32, u32), u64>>,
    /// Projects still in the running; counts are only kept up to date for these.
    live: Vec<bool>,
}

impl<N: Num> Classes<N> {
    fn new(profile: &Profile, start: N) -> Classes<N> {
        let entries = profile
            .supporters
            .iter()
            .map(|supporters| {
                let mut map: HashMap<(u32, u32), u64> = HashMap::default();
                for &(g, u) in supporters {
                    *map.entry((0, u)).or_default() += profile.groups[g as usize].weight;
                }
                map
            })
            .collect();
        let mut by_value = HashMap::default();
        by_value.insert(start.key(), 0);
        Classes {
            value: vec![start],
            by_value,
            class_of: vec![0; profile.groups.len()],
            entries,
            live: vec![true; profile.projects()],
        }
    }

    /// Stops keeping counts for a project that is funded or out of reach.
    fn retire(&mut self, project: usize) {
        self.live[project] = false;
        self.entries[project] = HashMap::default();
    }

    fn class_for(&mut self, value: N) -> u32 {
        let key = value.key();
        if let Some(&class) = self.by_value.get(&key) {
            return class;
        }
        self.value.push(value);
        let class = (self.value.len() - 1) as u32;
        self.by_value.insert(key, class);
        class
    }

    /// Moves every supporter of `project` to the class of `new_value(old value, utility)`.
    /// Returns how many voters' values became zero.
    fn move_supporters(
        &mut self,
        profile: &Profile,
        utilities: &[N],
        project: usize,
        new_value: impl Fn(&N, &N) -> Result<N, TooClose>,
    ) -> Result<u64, TooClose> {
        let mut target: HashMap<(u32, u32), u32> = HashMap::default();
        let mut emptied = 0;
        for &(g, u) in &profile.supporters[project] {
            let group = &profile.groups[g as usize];
            let old = self.class_of[g as usize];
            let new = match target.get(&(old, u)) {
                Some(&class) => class,
                None => {
                    let value = new_value(&self.value[old as usize], &utilities[u as usize])?;
                    let class = self.class_for(value);
                    target.insert((old, u), class);
                    class
                }
            };
            if new == old {
                continue;
            }
            if self.value[new as usize].is_zero() {
                emptied += group.weight;
            }
            self.class_of[g as usize] = new;
            for &(p, pu) in &group.support {
                if !self.live[p as usize] {
                    continue;
                }
                let map = &mut self.entries[p as usize];
                let count = map
                    .get_mut(&(old, pu))
                    .expect("a supporter is counted in its class");
                *count -= group.weight;
                if *count == 0 {
                    map.remove(&(old, pu));
                }
                *map.entry((new, pu)).or_default() += group.weight;
            }
        }
        Ok(emptied)
    }
}

/// Runs `rule` in checked floating point, and again exactly if a decision was too close.
fn fast_then_exact(rule: impl Fn(bool) -> Result<Outcome, TooClose>) -> Outcome {
    rule(false)
        .unwrap_or_else(|TooClose| rule(true).expect("exact arithmetic decides every comparison"))
}

// ------------------------------------------------------------------ equal shares

/// The Method of Equal Shares with `per_voter` budget for every voter.
pub fn equal_shares(profile: &Profile, per_voter: &Q) -> Outcome {
    fast_then_exact(|exact| {
        if exact {
            equal_shares_in::<Q>(profile, per_voter)
        } else {
            equal_shares_in::<f64>(profile, per_voter)
        }
    })
}

fn equal_shares_in<N: Num>(profile: &Profile, per_voter: &Q) -> Result<Outcome, TooClose> {
    let mut outcome = Outcome::default();
    if profile.voters == 0 {
        return Ok(outcome);
    }
    let totals: Vec<Q> = (0..profile.projects())
        .map(|p| profile.total_utility(p))
        .collect();
    let mut alive = Vec::new();
    for project in profile.by_id() {
        if !totals[project].is_positive() {
            continue;
        }
        if profile.costs[project].is_positive() {
            alive.push(project);
        } else {
            outcome.purchases.push(Purchase {
                project,
                stage: Stage::Free,
                price: None,
                paid_all_they_had: 0,
            });
        }
    }
    let utilities: Vec<N> = profile.utilities.iter().map(N::from_q).collect();
    let costs: Vec<N> = profile.costs.iter().map(N::from_q).collect();
    let totals: Vec<N> = totals.iter().map(N::from_q).collect();
    let mut classes = Classes::new(profile, N::from_q(per_voter));
    for project in 0..profile.projects() {
        if !alive.contains(&project) {
            classes.retire(project);
        }
    }
    // The last affordability computed for each project: a lower bound on its next one, since
    // budgets only shrink, so a project whose bound exceeds the best found is passed over.
    let mut bound: Vec<N> = (0..profile.projects())
        .map(|p| {
            if alive.contains(&p) {
                costs[p].div(&totals[p])
            } else {
                N::zero()
            }
        })
        .collect();
    loop {
        alive.sort_by(|a, b| bound[*a].arrange(&bound[*b]));
        let mut best: Option<N> = None;
        let mut tied: Vec<usize> = Vec::new();
        let mut unaffordable = Vec::new();
        for &project in &alive {
            if let Some(best) = &best
                && bound[project].decide(best) == Ok(std::cmp::Ordering::Greater)
            {
                break;
            }
            match affordability(
                &classes,
                &utilities,
                &costs[project],
                &totals[project],
                project,
            )? {
                None => unaffordable.push(project),
                Some(factor) => {
                    bound[project] = factor.clone();
                    match best.as_ref().map(|b| factor.decide(b)).transpose()? {
                        Some(std::cmp::Ordering::Greater) => {}
                        Some(std::cmp::Ordering::Equal) => tied.push(project),
                        _ => {
                            best = Some(factor);
                            tied = vec![project];
                        }
                    }
                }
            }
        }
        alive.retain(|p| !unaffordable.contains(p));
        for &project in &unaffordable {
            classes.retire(project);
        }
        let Some(price) = best else { break };
        let chosen = *tied
            .iter()
            .min_by(|a, b| profile.ids[**a].cmp(&profile.ids[**b]))
            .expect("a best project exists");
        alive.retain(|p| *p != chosen);
        classes.retire(chosen);
        let paid_all =
            classes.move_supporters(profile, &utilities, chosen, |budget, utility| {
                let share = price.mul(utility);
                Ok(match share.decide(budget)? {
                    std::cmp::Ordering::Less => budget.sub(&share),
                    _ => N::zero(),
                })
            })?;
        outcome.purchases.push(Purchase {
            project: chosen,
            stage: Stage::Main,
            price: Some(price.to_f64()),
            paid_all_they_had: paid_all,
        });
    }
    Ok(outcome)
}

/// The smallest price per unit of utility at which the project's supporters can pay for it,
/// those who cannot afford their share paying all they have; `None` if they cannot at all.
fn affordability<N: Num>(
    classes: &Classes<N>,
    utilities: &[N],
    cost: &N,
    total: &N,
    project: usize,
) -> Result<Option<N>, TooClose> {
    let mut entries: Vec<(N, &N, &N, N)> = classes.entries[project]
        .iter()
        .map(|(&(class, u), &weight)| {
            let budget = &classes.value[class as usize];
            let utility = &utilities[u as usize];
            (budget.div(utility), budget, utility, N::from_count(weight))
        })
        .collect();
    // Poorest first, relative to what the project is worth to them.
    entries.sort_by(|a, b| a.0.arrange(&b.0));
    let mut paid = N::zero();
    let mut denominator = total.clone();
    for (_, budget, utility, weight) in entries {
        let factor = cost.sub(&paid).div(&denominator);
        if factor.mul(utility).decide(budget)? != std::cmp::Ordering::Greater {
            return Ok(Some(factor));
        }
        paid = paid.add(&weight.mul(budget));
        denominator = denominator.sub(&weight.mul(utility));
    }
    Ok(None)
}

/// The projects equal shares could ever fund: wanted by someone, not free.
fn equal_shares_candidates(profile: &Profile) -> Vec<usize> {
    (0..profile.projects())
        .filter(|&p| profile.costs[p].is_positive() && profile.total_utility(p).is_positive())
        .collect()
}

/// Whether no candidate outside `outcome` still fits in the budget.
fn exhaustive(profile: &Profile, outcome: &Outcome, candidates: &[usize]) -> bool {
    let cost = outcome.cost(profile);
    candidates
        .iter()
        .all(|&p| outcome.contains(p) || &cost + &profile.costs[p] > profile.budget)
}

/// Equal shares, run again with every voter's budget raised by `increment` until the outcome
/// uses the budget up (no candidate fits any more) or the next raise would overspend, in which
/// case the last affordable outcome stands. Cities using equal shares raise by one unit.
pub fn equal_shares_raised(profile: &Profile, increment: &Q) -> Outcome {
    if profile.voters == 0 {
        return Outcome::default();
    }
    let start = &profile.budget / &Q::from(profile.voters as usize);
    equal_shares_raised_from(profile, start, increment, Raise::UntilExhaustive)
}

/// When raising voters' budgets stops (besides before a raise that would overspend).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raise {
    /// Also once no candidate fits any more (pabutools; equalshares.net's recommendation).
    UntilExhaustive,
    /// Only once every candidate is funded: what is left may still be spent by a higher
    /// budget (equalshares.net's tool with "stop when exhaustive" off, as Wieliczka counted).
    UntilOverspent,
}

/// [`equal_shares_raised`], starting from `per_voter`.
fn equal_shares_raised_from(
    profile: &Profile,
    mut per_voter: Q,
    increment: &Q,
    raise: Raise,
) -> Outcome {
    let candidates = equal_shares_candidates(profile);
    let mut previous: Option<Outcome> = None;
    loop {
        let mut outcome = equal_shares(profile, &per_voter);
        outcome.budget_per_voter = Some(per_voter.clone());
        if outcome.cost(profile) > profile.budget {
            return previous.unwrap_or_default();
        }
        // Once every candidate is funded a higher budget changes nothing, so this also
        // bounds the raises: a budget as high as the dearest project funds them all.
        let done = match raise {
            Raise::UntilExhaustive => exhaustive(profile, &outcome, &candidates),
            Raise::UntilOverspent => candidates.iter().all(|&p| outcome.contains(p)),
        };
        if done {
            return outcome;
        }
        per_voter = &per_voter + increment;
        previous = Some(outcome);
    }
}

/// Equal shares raised by one currency unit per voter, then a greedy fill of what is left.
pub fn equal_shares_add1(profile: &Profile) -> Outcome {
    let raised = equal_shares_raised(profile, &Q::one());
    let candidates: Vec<usize> = (0..profile.projects()).collect();
    if exhaustive(profile, &raised, &candidates) {
        return raised;
    }
    let mut completed = greedy(profile, &raised, true);
    completed.budget_per_voter = raised.budget_per_voter;
    completed
}

// ------------------------------------------------------------------ as cities count

/// Projects by number of supporters, most first, ties by id.
fn by_votes(profile: &Profile) -> Vec<usize> {
    let mut order = profile.by_id();
    // Stable: equal counts keep the id order.
    order.sort_by_key(|&p| std::cmp::Reverse(profile.supporter_count(p)));
    order
}

/// Counting by votes as cities do: most supporters first, each project funded if it fits in
/// what is left (equalshares.net's "utilitarian completion" from nothing).
pub fn greedy_by_votes(profile: &Profile) -> Outcome {
    let mut outcome = Outcome::default();
    let mut left = profile.budget.clone();
    for project in by_votes(profile) {
        let cost = &profile.costs[project];
        if cost <= &left {
            left = &left - cost;
            outcome.purchases.push(main_purchase(project));
        }
    }
    outcome
}

fn main_purchase(project: usize) -> Purchase {
    Purchase {
        project,
        stage: Stage::Main,
        price: None,
        paid_all_they_had: 0,
    }
}

/// Equal shares with equalshares.net's "Add1" completion and comparison step, as its
/// documentation and compute tool define them and Wieliczka counted in 2023: every voter
/// starts with the whole currency units of their share, raised by one until the next raise
/// would overspend (not stopping when nothing more fits: Wieliczka's money ran out at a
/// higher budget than that); then each voter prefers the outcome, this or counting by
/// votes, that funds more of their projects, and counting by votes stands only if more
/// voters prefer it.
pub fn equal_shares_add1_comparison(profile: &Profile) -> Outcome {
    if profile.voters == 0 {
        return Outcome::default();
    }
    let start = (&profile.budget / &Q::from(profile.voters as usize)).floor();
    let shares = equal_shares_raised_from(profile, start, &Q::one(), Raise::UntilOverspent);
    let votes = greedy_by_votes(profile);
    let comparison = compare_for_voters(profile, &shares, &votes);
    let mut outcome = if comparison.votes_won { votes } else { shares };
    outcome.comparison = Some(comparison);
    outcome
}

/// How many voters have more of their projects funded by each outcome.
fn compare_for_voters(profile: &Profile, shares: &Outcome, votes: &Outcome) -> Comparison {
    let (mut prefer_equal_shares, mut prefer_votes) = (0, 0);
    for group in &profile.groups {
        let funded = |outcome: &Outcome| {
            group
                .support
                .iter()
                .filter(|(p, _)| outcome.contains(*p as usize))
                .count()
        };
        match funded(shares).cmp(&funded(votes)) {
            std::cmp::Ordering::Greater => prefer_equal_shares += group.weight,
            std::cmp::Ordering::Less => prefer_votes += group.weight,
            std::cmp::Ordering::Equal => {}
        }
    }
    Comparison {
        prefer_equal_shares,
        prefer_votes,
        votes_won: prefer_votes > prefer_equal_shares,
    }
}

/// Poznań's share of a project's cost that what is left must cover for the project to be
/// funded from reserve funds (the files' META `comment` states 80%).
pub fn poznan_reserve_share() -> Q {
    Q::ratio(4, 5)
}

/// Poznań's "greedy-custom": projects by number of supporters, most first, funded until the
/// first that does not fit; that one is funded too, from reserve funds, when what is left
/// covers at least 80% of its cost. (Poznań also funds more projects from district funds
/// given later, which its files mark but do not quantify.)
pub fn greedy_poznan(profile: &Profile) -> Outcome {
    let mut outcome = Outcome::default();
    let mut left = profile.budget.clone();
    for project in by_votes(profile) {
        let cost = &profile.costs[project];
        if cost <= &left {
            left = &left - cost;
            outcome.purchases.push(main_purchase(project));
            continue;
        }
        if left >= &poznan_reserve_share() * cost {
            outcome.purchases.push(Purchase {
                stage: Stage::Reserve,
                ..main_purchase(project)
            });
        }
        break;
    }
    outcome
}

// ------------------------------------------------------------------ Phragmén

/// Sequential Phragmén for approval ballots (`profile` built with cardinality utility).
/// Voters earn money continuously; a project is bought as soon as its supporters together
/// can pay for it, which happens at the load (Σ supporters' loads + cost) / supporters.
/// Counting stops when a project with the lowest such load does not fit in the budget.
pub fn phragmen(profile: &Profile) -> Outcome {
    fast_then_exact(|exact| {
        if exact {
            phragmen_in::<Q>(profile)
        } else {
            phragmen_in::<f64>(profile)
        }
    })
}

fn phragmen_in<N: Num>(profile: &Profile) -> Result<Outcome, TooClose> {
    let mut outcome = Outcome::default();
    let utilities: Vec<N> = profile.utilities.iter().map(N::from_q).collect();
    let costs: Vec<N> = profile.costs.iter().map(N::from_q).collect();
    let mut classes = Classes::new(profile, N::zero());
    let scores: Vec<u64> = (0..profile.projects())
        .map(|p| profile.supporter_count(p))
        .collect();
    let mut remaining: Vec<usize> = (0..profile.projects())
        .filter(|&p| profile.costs[p] <= profile.budget)
        .collect();
    let mut spent = Q::zero();
    while !remaining.is_empty() {
        // `None` inside stands for an infinite load (nobody supports the project).
        let mut best: Option<Option<N>> = None;
        let mut tied: Vec<usize> = Vec::new();
        for &project in &remaining {
            let load = (scores[project] > 0).then(|| {
                let carried = classes.entries[project].iter().fold(
                    N::zero(),
                    |sum, (&(class, _), &weight)| {
                        sum.add(&classes.value[class as usize].mul(&N::from_count(weight)))
                    },
                );
                carried
                    .add(&costs[project])
                    .div(&N::from_count(scores[project]))
            });
            let order = match (&best, &load) {
                (None, _) => std::cmp::Ordering::Less,
                (Some(None), None) => std::cmp::Ordering::Equal,
                (Some(None), Some(_)) => std::cmp::Ordering::Less,
                (Some(Some(_)), None) => std::cmp::Ordering::Greater,
                (Some(Some(b)), Some(l)) => l.decide(b)?,
            };
            match order {
                std::cmp::Ordering::Less => {
                    best = Some(load);
                    tied = vec![project];
                }
                std::cmp::Ordering::Equal => tied.push(project),
                std::cmp::Ordering::Greater => {}
            }
        }
        if tied
            .iter()
            .any(|&p| &spent + &profile.costs[p] > profile.budget)
        {
            break;
        }
        let chosen = *tied
            .iter()
            .min_by(|a, b| profile.ids[**a].cmp(&profile.ids[**b]))
            .expect("some project remains");
        let load = best.flatten();
        if let Some(load) = &load {
            classes.move_supporters(profile, &utilities, chosen, |_, _| Ok(load.clone()))?;
        }
        spent = &spent + &profile.costs[chosen];
        remaining.retain(|p| *p != chosen);
        classes.retire(chosen);
        outcome.purchases.push(Purchase {
            project: chosen,
            stage: Stage::Main,
            price: load.map(|l| l.to_f64()),
            paid_all_they_had: 0,
        });
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Utility;

    fn election(budget: u32, projects: &[(&str, u32)], votes: &[&str]) -> crate::Election {
        let mut text = format!(
            "META\nkey;value\nbudget;{budget}\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
        );
        for (id, cost) in projects {
            text.push_str(&format!("{id};{cost}\n"));
        }
        text.push_str("VOTES\nvoter_id;vote\n");
        for (i, vote) in votes.iter().enumerate() {
            text.push_str(&format!("{i};{vote}\n"));
        }
        crate::parse(&text).unwrap()
    }

    fn funded(election: &crate::Election, outcome: &Outcome) -> Vec<String> {
        let mut ids: Vec<String> = outcome
            .selected()
            .iter()
            .map(|&p| election.projects[p].id.clone())
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn greedy_skips_or_stops_at_what_does_not_fit() {
        let e = election(10, &[("a", 6), ("b", 5), ("c", 4)], &["a,b,c", "a,b", "a"]);
        let profile = Profile::new(&e, Utility::Cost);
        assert_eq!(
            funded(&e, &greedy(&profile, &Outcome::default(), true)),
            ["a", "c"]
        );
        assert_eq!(
            funded(&e, &greedy(&profile, &Outcome::default(), false)),
            ["a"]
        );
    }

    #[test]
    fn equal_shares_gives_a_group_no_more_than_its_share() {
        // Three voters want A and A2; one wants B. Budget 6: 1.5 each. The three buy A
        // (1 each), then cannot afford A2; B's supporter cannot afford B alone.
        let e = election(
            6,
            &[("A", 3), ("A2", 3), ("B", 2)],
            &["A,A2", "A,A2", "A,A2", "B"],
        );
        let profile = Profile::new(&e, Utility::Cost);
        let outcome = equal_shares(&profile, &Q::ratio(3, 2));
        assert_eq!(funded(&e, &outcome), ["A"]);
        assert_eq!(outcome.purchases[0].price, Some(1.0 / 3.0));
        // Greedy gives the majority everything.
        assert_eq!(
            funded(&e, &greedy(&profile, &Outcome::default(), true)),
            ["A", "A2"]
        );
        // Raised by 1 per voter: at 2.5 each, A, A2 and B are all bought, 8 > 6, so the
        // outcome at 1.5 each stands; the greedy fill then adds A2 (B no longer fits).
        let raised = equal_shares_raised(&profile, &Q::one());
        assert_eq!(funded(&e, &raised), ["A"]);
        assert_eq!(raised.budget_per_voter, Some(Q::ratio(3, 2)));
        assert_eq!(funded(&e, &equal_shares_add1(&profile)), ["A", "A2"]);
    }

    #[test]
    fn ties_go_to_the_lexicographically_first_id() {
        let e = election(5, &[("y", 5), ("x", 5)], &["x,y", "x,y"]);
        let profile = Profile::new(&e, Utility::Cost);
        assert_eq!(funded(&e, &equal_shares(&profile, &Q::ratio(5, 2))), ["x"]);
        assert_eq!(
            funded(&e, &greedy(&profile, &Outcome::default(), true)),
            ["x"]
        );
        let cardinal = Profile::new(&e, Utility::Cardinality);
        assert_eq!(funded(&e, &phragmen(&cardinal)), ["x"]);
    }

    #[test]
    fn phragmen_stops_at_the_first_best_project_that_does_not_fit() {
        // Loads: p = 3/2, q = 4/1, r = 1/1. r first (load 1), then p ((0+0+3)/2 = 1.5),
        // then q (4 > the 1 left): counting stops.
        let e = election(5, &[("p", 3), ("q", 4), ("r", 1)], &["p", "p", "q", "r"]);
        let profile = Profile::new(&e, Utility::Cardinality);
        let outcome = phragmen(&profile);
        assert_eq!(
            outcome
                .selected()
                .iter()
                .map(|&p| e.projects[p].id.as_str())
                .collect::<Vec<_>>(),
            ["r", "p"]
        );
    }

    #[test]
    fn poznan_funds_the_first_project_that_does_not_fit_when_80_percent_is_left() {
        // By votes: a (3), b (2), c (1). a fits, leaving 4; b (5) does not, but 4 is 80% of
        // 5, so reserve funds pay for b; counting stops there, so c is not funded although
        // it would fit.
        let votes = ["a,b,c", "a,b", "a"];
        let e = election(10, &[("a", 6), ("b", 5), ("c", 1)], &votes);
        let outcome = greedy_poznan(&Profile::new(&e, Utility::Cardinality));
        assert_eq!(funded(&e, &outcome), ["a", "b"]);
        assert_eq!(outcome.purchases[1].stage, Stage::Reserve);
        // b at 6: 4 is less than 80% of it, so only a.
        let e = election(10, &[("a", 6), ("b", 6), ("c", 1)], &votes);
        let outcome = greedy_poznan(&Profile::new(&e, Utility::Cardinality));
        assert_eq!(funded(&e, &outcome), ["a"]);
    }

    #[test]
    fn the_comparison_step_keeps_equal_shares_when_more_voters_prefer_it() {
        // Three voters want X (the whole budget); two want Y and two want Z. By votes X wins
        // alone. Equal shares, from 1 each (12/7 rounded down) raised to 3 each, buys Y and Z:
        // four voters prefer that, three prefer X.
        let e = election(
            12,
            &[("X", 12), ("Y", 6), ("Z", 6)],
            &["X", "X", "X", "Y", "Y", "Z", "Z"],
        );
        let profile = Profile::new(&e, Utility::Cost);
        assert_eq!(funded(&e, &greedy_by_votes(&profile)), ["X"]);
        let outcome = equal_shares_add1_comparison(&profile);
        assert_eq!(funded(&e, &outcome), ["Y", "Z"]);
        assert_eq!(outcome.budget_per_voter, Some(Q::int(3)));
        assert_eq!(
            outcome.comparison,
            Some(Comparison {
                prefer_equal_shares: 4,
                prefer_votes: 3,
                votes_won: false
            })
        );
    }

    #[test]
    fn the_comparison_step_counts_by_votes_when_more_voters_prefer_that() {
        // Equal shares funds A only (see above); by votes A and A2 are funded, which the
        // three A voters prefer; B's voter has nothing either way.
        let e = election(
            6,
            &[("A", 3), ("A2", 3), ("B", 2)],
            &["A,A2", "A,A2", "A,A2", "B"],
        );
        let outcome = equal_shares_add1_comparison(&Profile::new(&e, Utility::Cost));
        assert_eq!(funded(&e, &outcome), ["A", "A2"]);
        let comparison = outcome.comparison.unwrap();
        assert_eq!(
            (comparison.prefer_votes, comparison.prefer_equal_shares),
            (3, 0)
        );
        assert!(comparison.votes_won);
    }
}
