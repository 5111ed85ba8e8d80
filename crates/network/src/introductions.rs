//! Introductions: pairs who are not yet tied but should meet, ranked. A pair scores for
//! friends in common (Adamic-Adar: a common friend with few ties counts for more), for shared
//! interests, for one offering a skill the other needs, and for bridging two clusters (weaving
//! the network). Someone with no ties at all is introduced to a well-tied person (sharing an
//! interest if anyone does), who can introduce them around: the people a map most needs to
//! reach are the ones nobody would otherwise suggest. Every suggestion carries a one-line
//! reason a person can read.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use crate::graph::Graph;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Introduction {
    pub a: String,
    pub b: String,
    pub score: f64,
    pub common_contacts: Vec<String>,
    pub shared_interests: Vec<String>,
    /// "skill" items one offers that the other needs.
    pub skills_for_needs: Vec<String>,
    pub bridges_clusters: bool,
    /// `a` has no ties yet and `b`, tied to `b_ties` others, can introduce them around.
    pub welcomes_newcomer: bool,
    pub b_ties: usize,
    pub reason: String,
}

/// How much each kind of reason weighs.
const PER_SHARED_INTEREST: f64 = 0.6;
const PER_SKILL_FOR_NEED: f64 = 1.2;
const BRIDGING: f64 = 0.5;
/// Candidates are pairs two steps apart or sharing an attribute; hubs and very common
/// attributes are capped so that large networks stay fast.
const MAX_PER_ATTRIBUTE: usize = 400;

/// The best `limit` introductions. `community` gives each node's cluster (from
/// [`crate::community::detect`]).
pub fn suggest(graph: &Graph, community: &[usize], limit: usize) -> Vec<Introduction> {
    let adjacency = graph.undirected_adjacency();
    let n = graph.len();
    let interests: Vec<BTreeSet<String>> = graph
        .nodes
        .iter()
        .map(|node| node.list("interests").into_iter().collect())
        .collect();
    let skills: Vec<BTreeSet<String>> = graph
        .nodes
        .iter()
        .map(|node| node.list("skills").into_iter().collect())
        .collect();
    let needs: Vec<BTreeSet<String>> = graph
        .nodes
        .iter()
        .map(|node| node.list("needs").into_iter().collect())
        .collect();
    let mut candidates: HashSet<(u32, u32)> = HashSet::default();
    let mut add = |a: usize, b: usize| {
        if a != b && !adjacency.has(a, b) {
            candidates.insert((a.min(b) as u32, a.max(b) as u32));
        }
    };
    for v in 0..n {
        let around = adjacency.neighbours(v);
        for (i, &x) in around.iter().enumerate() {
            for &y in &around[i + 1..] {
                add(x as usize, y as usize);
            }
            if i > MAX_PER_ATTRIBUTE {
                break;
            }
        }
    }
    let mut by_interest: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_skill: HashMap<&str, Vec<usize>> = HashMap::default();
    for v in 0..n {
        for item in &interests[v] {
            by_interest.entry(item).or_default().push(v);
        }
        for item in &skills[v] {
            by_skill.entry(item).or_default().push(v);
        }
    }
    for members in by_interest.values() {
        let members = &members[..members.len().min(MAX_PER_ATTRIBUTE)];
        for (i, &x) in members.iter().enumerate() {
            for &y in &members[i + 1..] {
                add(x, y);
            }
        }
    }
    for (v, wanted) in needs.iter().enumerate() {
        for item in wanted {
            for &helper in by_skill
                .get(item.as_str())
                .into_iter()
                .flatten()
                .take(MAX_PER_ATTRIBUTE)
            {
                add(v, helper);
            }
        }
    }
    let mut found: Vec<Introduction> = candidates
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let common: Vec<usize> =
                common_neighbours(adjacency.neighbours(a), adjacency.neighbours(b));
            let adamic_adar: f64 = common
                .iter()
                // A common contact is tied to both, so has at least two ties: ln >= ln 2.
                .map(|&w| 1.0 / (adjacency.degree(w) as f64).ln())
                .sum();
            let shared: Vec<String> = interests[a].intersection(&interests[b]).cloned().collect();
            let helps: Vec<String> = skills[a]
                .intersection(&needs[b])
                .chain(skills[b].intersection(&needs[a]))
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let bridges = community.get(a) != community.get(b);
            let score = adamic_adar
                + PER_SHARED_INTEREST * shared.len() as f64
                + PER_SKILL_FOR_NEED * helps.len() as f64
                + if bridges { BRIDGING } else { 0.0 };
            let names: Vec<String> = common
                .iter()
                .map(|&w| graph.nodes[w].name().to_string())
                .collect();
            let reason = reason(graph, a, b, &names, &shared, &skills, &needs, bridges);
            Introduction {
                a: graph.nodes[a].id.clone(),
                b: graph.nodes[b].id.clone(),
                score,
                common_contacts: names,
                shared_interests: shared,
                skills_for_needs: helps,
                bridges_clusters: bridges,
                welcomes_newcomer: false,
                b_ties: adjacency.degree(b),
                reason,
            }
        })
        .filter(|i| i.score > BRIDGING)
        .collect();
    by_score(&mut found);
    let mut welcomes = welcomes(graph, &adjacency, &interests);
    // A third of the list (at least one place) is kept for people with no ties at all.
    let kept_for_welcomes = welcomes.len().min((limit / 3).max(1)).min(limit);
    welcomes.truncate(kept_for_welcomes);
    found.truncate(limit - welcomes.len());
    found.extend(welcomes);
    by_score(&mut found);
    found
}

fn by_score(found: &mut [Introduction]) {
    found.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
}

/// What a welcome weighs: as much as a friend in common, more for each shared interest.
const WELCOME: f64 = 1.0;

/// For each person with no ties, a host: among the best-tied holder of each of their
/// interests, the one sharing most of them (then the best-tied); the best-tied person of all
/// when nobody tied shares any. Linear in the people and their interests, so a city's map
/// with thousands of newcomers stays fast.
fn welcomes(
    graph: &Graph,
    adjacency: &crate::graph::Adjacency,
    interests: &[BTreeSet<String>],
) -> Vec<Introduction> {
    let n = graph.len();
    // The best-tied wins; the first in the file wins a tie.
    let better = |x: usize, y: usize| adjacency.degree(x) > adjacency.degree(y);
    let mut best_of_all: Option<usize> = None;
    let mut best_by_interest: HashMap<&str, usize> = HashMap::default();
    for v in (0..n).filter(|&v| adjacency.degree(v) > 0) {
        if best_of_all.is_none_or(|b| better(v, b)) {
            best_of_all = Some(v);
        }
        for item in &interests[v] {
            let best = best_by_interest.entry(item).or_insert(v);
            if better(v, *best) {
                *best = v;
            }
        }
    }
    let mut found: Vec<Introduction> = (0..n)
        .filter(|&v| adjacency.degree(v) == 0)
        .filter_map(|newcomer| {
            let shared_with = |w: usize| interests[w].intersection(&interests[newcomer]).count();
            let host = interests[newcomer]
                .iter()
                .filter_map(|item| best_by_interest.get(item.as_str()).copied())
                .max_by(|&x, &y| {
                    shared_with(x)
                        .cmp(&shared_with(y))
                        .then(adjacency.degree(x).cmp(&adjacency.degree(y)))
                        .then(y.cmp(&x))
                })
                .or(best_of_all)?;
            let shared: Vec<String> = interests[host]
                .intersection(&interests[newcomer])
                .cloned()
                .collect();
            let (name_a, name_b) = (graph.nodes[newcomer].name(), graph.nodes[host].name());
            let ties = adjacency.degree(host);
            let mut reason = format!(
                "{name_a} and {name_b}: {name_a} has no ties on this map yet, and {name_b}, tied to {ties}, can introduce them around"
            );
            if !shared.is_empty() {
                reason.push_str(&format!("; both care about {}", list(&shared)));
            }
            reason.push('.');
            Some(Introduction {
                a: graph.nodes[newcomer].id.clone(),
                b: graph.nodes[host].id.clone(),
                score: WELCOME + PER_SHARED_INTEREST * shared.len() as f64,
                common_contacts: Vec::new(),
                shared_interests: shared,
                skills_for_needs: Vec::new(),
                bridges_clusters: false,
                welcomes_newcomer: true,
                b_ties: ties,
                reason,
            })
        })
        .collect();
    by_score(&mut found);
    found
}

fn common_neighbours(a: &[u32], b: &[u32]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i] as usize);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[allow(clippy::too_many_arguments)]
fn reason(
    graph: &Graph,
    a: usize,
    b: usize,
    common: &[String],
    shared: &[String],
    skills: &[BTreeSet<String>],
    needs: &[BTreeSet<String>],
    bridges: bool,
) -> String {
    let (name_a, name_b) = (graph.nodes[a].name(), graph.nodes[b].name());
    let mut parts = Vec::new();
    match common.len() {
        0 => {}
        1..=3 => parts.push(format!("both know {}", list(common))),
        k => parts.push(format!("they have {k} contacts in common")),
    }
    if !shared.is_empty() {
        parts.push(format!("both care about {}", list(shared)));
    }
    for (giver, taker, giver_name, taker_name) in [(a, b, name_a, name_b), (b, a, name_b, name_a)] {
        let items: Vec<String> = skills[giver].intersection(&needs[taker]).cloned().collect();
        if !items.is_empty() {
            parts.push(format!(
                "{giver_name} can help {taker_name} with {}",
                list(&items)
            ));
        }
    }
    if bridges {
        parts.push("it would link two clusters".to_string());
    }
    let mut text = format!("{name_a} and {name_b}: {}", parts.join("; "));
    text.push('.');
    text
}
