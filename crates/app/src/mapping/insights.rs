//! What a network map shows, in plain words: its connectors and brokers, its clusters and
//! what their members share, who is not yet connected, the people and ties that alone hold
//! parts together, and introductions to make (with the ones already made).

use std::collections::HashMap;

use super::map::{self, Built, Headline};
use crate::i18n::Lang;

pub struct Person {
    pub name: String,
    /// The measure that ranks them, formatted.
    pub value: String,
}

pub struct ClusterSummary {
    pub number: usize,
    pub size: usize,
    /// The best-connected members, by name.
    pub members: String,
    pub in_common: String,
}

pub struct Suggestion {
    pub a_id: String,
    pub b_id: String,
    pub a: String,
    pub b: String,
    pub reason: String,
    pub made: bool,
}

pub struct Insights {
    pub headline: Headline,
    pub connectors: Vec<Person>,
    pub brokers: Vec<Person>,
    pub clusters: Vec<ClusterSummary>,
    pub isolated: Vec<String>,
    pub fragile_people: Vec<String>,
    pub fragile_ties: Vec<(String, String)>,
    pub introductions: Vec<Suggestion>,
}

/// The most common values of a node attribute among some nodes, "a (5), b (3)".
fn in_common(graph: &network::Graph, members: &[usize], key: &str, list: bool) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &v in members {
        let node = &graph.nodes[v];
        let values = if list {
            node.list(key)
        } else {
            node.attr(key)
                .map(|a| vec![a.to_string()])
                .unwrap_or_default()
        };
        for value in values {
            *counts.entry(value).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(3)
        .map(|(v, c)| format!("{v} ({c})"))
        .collect()
}

/// "a, b and c" in the page's language.
fn list(lang: &Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => lang.t_args(
            "mapping-list-and",
            &[("rest", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// Why two people should meet, from the engine's findings, in the page's language.
/// The page names the pair just before the reason, so the reason does not name them again.
fn reason(lang: &Lang, found: &network::introductions::Introduction) -> String {
    let mut parts = Vec::new();
    if found.welcomes_newcomer {
        parts.push(lang.t_count("mapping-reason-welcome", found.b_ties as i64));
    }
    match found.common_contacts.len() {
        0 => {}
        1..=3 => parts.push(lang.t1(
            "mapping-reason-both-know",
            "names",
            &list(lang, &found.common_contacts),
        )),
        k => parts.push(lang.t1("mapping-reason-common-contacts", "count", &k.to_string())),
    }
    if !found.shared_interests.is_empty() {
        let items = list(lang, &found.shared_interests);
        parts.push(lang.t1("mapping-reason-both-care", "items", &items));
    }
    if !found.skills_for_needs.is_empty() {
        let items = list(lang, &found.skills_for_needs);
        parts.push(lang.t1("mapping-reason-can-help", "items", &items));
    }
    if found.bridges_clusters {
        parts.push(lang.t("mapping-reason-bridges"));
    }
    lang.t1("mapping-reason", "parts", &parts.join("; "))
}

/// Everything the insights page says about a map; `made` are the introductions (stored node
/// ids) already made.
pub fn find(built: &Built, made: &[(String, String)], lang: &Lang) -> Insights {
    let drawing = map::drawing(&built.graph);
    let analysis = &drawing.0;
    let membership: Vec<usize> = analysis.nodes.iter().map(|m| m.community).collect();
    let suggested = network::introductions::suggest(&built.graph, &membership, 12);
    let graph = &built.graph;
    let label = |v: usize| analysis.nodes[v].label.clone();
    let mut by_betweenness: Vec<usize> = (0..graph.len())
        .filter(|&v| analysis.nodes[v].betweenness > 0.0)
        .collect();
    by_betweenness.sort_by(|&a, &b| {
        analysis.nodes[b]
            .betweenness
            .total_cmp(&analysis.nodes[a].betweenness)
    });
    let connectors = by_betweenness
        .iter()
        .take(5)
        .map(|&v| Person {
            name: label(v),
            value: lang.decimal(analysis.nodes[v].betweenness, 3),
        })
        .collect();
    let mut by_constraint: Vec<usize> = (0..graph.len())
        .filter(|&v| analysis.nodes[v].degree >= 3.0 && analysis.nodes[v].constraint.is_some())
        .collect();
    by_constraint.sort_by(|&a, &b| {
        let c = |v: usize| analysis.nodes[v].constraint.unwrap_or(1.0);
        c(a).total_cmp(&c(b))
    });
    let brokers = by_constraint
        .iter()
        .take(5)
        .map(|&v| Person {
            name: label(v),
            value: lang.decimal(analysis.nodes[v].constraint.unwrap_or(1.0), 2),
        })
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); analysis.communities];
    for (v, m) in analysis.nodes.iter().enumerate() {
        if m.degree > 0.0 {
            members[m.community].push(v);
        }
    }
    let mut clusters: Vec<ClusterSummary> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.len() >= 3)
        .map(|(c, m)| {
            let mut by_ties = m.clone();
            by_ties.sort_by(|&a, &b| {
                analysis.nodes[b]
                    .degree
                    .total_cmp(&analysis.nodes[a].degree)
            });
            let mut common = in_common(graph, m, "area", false);
            common.extend(in_common(graph, m, "skill_cards", true));
            common.extend(in_common(graph, m, "interests", true));
            ClusterSummary {
                number: c + 1,
                size: m.len(),
                members: by_ties
                    .iter()
                    .take(4)
                    .map(|&v| label(v))
                    .collect::<Vec<_>>()
                    .join(", "),
                in_common: common.join(", "),
            }
        })
        .collect();
    clusters.sort_by_key(|c| std::cmp::Reverse(c.size));
    let isolated = (0..graph.len())
        .filter(|&v| analysis.nodes[v].degree == 0.0)
        .map(label)
        .collect();
    let node_of: HashMap<&str, usize> = (0..graph.len())
        .map(|v| (graph.nodes[v].id.as_str(), v))
        .collect();
    let fragile_people = analysis
        .articulation_points
        .iter()
        .filter_map(|id| node_of.get(id.as_str()).map(|&v| label(v)))
        .collect();
    let fragile_ties = analysis
        .bridges
        .iter()
        .filter_map(|(a, b)| {
            let (a, b) = (node_of.get(a.as_str())?, node_of.get(b.as_str())?);
            // A tie to someone with no other tie is not a bridge between groups.
            (analysis.nodes[*a].degree > 1.0 && analysis.nodes[*b].degree > 1.0)
                .then(|| (label(*a), label(*b)))
        })
        .take(10)
        .collect();
    let introductions = suggested
        .into_iter()
        .filter_map(|s| {
            let (a, b) = (*node_of.get(s.a.as_str())?, *node_of.get(s.b.as_str())?);
            let (a_id, b_id) = (built.nodes[a].id.clone(), built.nodes[b].id.clone());
            let made = made
                .iter()
                .any(|(x, y)| (*x == a_id && *y == b_id) || (*x == b_id && *y == a_id));
            Some(Suggestion {
                reason: reason(lang, &s),
                a: label(a),
                b: label(b),
                made,
                a_id,
                b_id,
            })
        })
        .collect();
    Insights {
        headline: map::headline(graph, analysis),
        connectors,
        brokers,
        clusters,
        isolated,
        fragile_people,
        fragile_ties,
        introductions,
    }
}
