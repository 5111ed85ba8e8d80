//! From stored answers to the network engine's graph, with the consent rule applied: a
//! person who has not said their name may appear is shown as a pseudonym ("Person 12",
//! "Osoba 12" in Polish) everywhere except an organiser's own view, and in every export. So
//! is anything named as "an organisation" that is not registered on the site and did not
//! itself agree ("Organisation 3"): the label is the respondent's word, not the named one's
//! consent (see [`MapNode::may_be_named`]). Pages name pseudonyms in the reader's language;
//! exports are language-neutral and always say "Person" and "Organisation" (see
//! [`export_language`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use network::analysis::{self, Analysis, Options};
use network::{Graph, layout, svg};

use super::store::{MapNode, NodeKind, Tie};
use crate::i18n::Lang;

/// The language of every export (GEXF, GraphML, JSON, CSV): a file is the same whoever
/// downloads it and whatever language they read the site in, so two organisers can compare
/// their files and a tool's saved layout keeps matching its labels. Its pseudonyms say
/// "Person 12", its skill cards have their English names, and `kind` is `person` or
/// `organisation`, as the README's section on exports says.
pub fn export_language() -> Lang {
    Lang::default()
}

/// Whose eyes the names are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// Organisers of the area see everyone's name (they need them to make introductions).
    Organiser,
    /// Everyone else, and every export: people without consent get a pseudonym.
    Public,
}

/// What to show: only some kinds, one area, one relationship type.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kind: Option<NodeKind>,
    pub area_id: Option<String>,
    pub relationship: Option<String>,
}

/// The graph and, for each of its nodes, the stored node it shows.
pub struct Built {
    pub graph: Graph,
    pub nodes: Vec<MapNode>,
}

/// The name shown for each node: its own, or "Person N" / "Organisation N" in `lang` for
/// those who may not be named (N counts people, or organisations, in the order they entered
/// the exercise, so a pseudonym is stable from one page to the next and from one language
/// to the other: "Person 12" is "Osoba 12").
pub fn shown_names(nodes: &[MapNode], naming: Naming, lang: &Lang) -> Vec<String> {
    let (mut people, mut organisations) = (0, 0);
    nodes
        .iter()
        .map(|node| {
            let (key, number) = match node.kind {
                NodeKind::Person => {
                    people += 1;
                    ("mapping-pseudonym-person", people)
                }
                NodeKind::Organisation => {
                    organisations += 1;
                    ("mapping-pseudonym-organisation", organisations)
                }
            };
            if naming == Naming::Public && !node.may_be_named() {
                lang.t_args(key, &[("number", &number.to_string())])
            } else {
                node.name.clone()
            }
        })
        .collect()
}

fn weight_of(frequency: &str) -> f64 {
    match frequency {
        "weekly" => 3.0,
        "monthly" => 2.0,
        _ => 1.0,
    }
}

/// Builds the (undirected) graph of the nodes and ties that pass the filter. Node ids are
/// `n1, n2...` in stored order, never the database ids, so exports reveal nothing more.
/// Pseudonyms are written in `lang` (exports use [`export_language`]).
pub fn build(
    nodes: &[MapNode],
    ties: &[Tie],
    area_names: &HashMap<String, String>,
    naming: Naming,
    filter: &Filter,
    lang: &Lang,
) -> Built {
    let names = shown_names(nodes, naming, lang);
    let mut graph = Graph::new(false);
    let mut kept = Vec::new();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if filter.kind.is_some_and(|k| k != node.kind)
            || filter
                .area_id
                .as_ref()
                .is_some_and(|a| node.area_id.as_ref() != Some(a))
        {
            continue;
        }
        let at = graph.add_node(&format!("n{}", i + 1));
        let shown = &mut graph.nodes[at];
        shown.label = Some(names[i].clone());
        shown.attrs.insert("kind".into(), node.kind.as_str().into());
        if let Some(area) = node.area_id.as_ref().and_then(|a| area_names.get(a)) {
            shown.attrs.insert("area".into(), area.clone());
        }
        if !node.skill_cards.is_empty() {
            shown
                .attrs
                .insert("skill_cards".into(), node.skill_cards.join("; "));
        }
        for (key, value) in [
            ("skills", &node.skills),
            ("interests", &node.interests),
            ("needs", &node.needs),
        ] {
            if !value.trim().is_empty() {
                shown.attrs.insert(key.into(), value.clone());
            }
        }
        index_of.insert(node.id.as_str(), at);
        kept.push(node.clone());
    }
    for tie in ties {
        if filter.relationship.as_ref().is_some_and(|r| *r != tie.kind) {
            continue;
        }
        let (Some(&a), Some(&b)) = (
            index_of.get(tie.source_id.as_str()),
            index_of.get(tie.target_id.as_str()),
        ) else {
            continue;
        };
        if let Some(at) = graph.add_edge(a, b, weight_of(&tie.frequency)) {
            let edge = &mut graph.edges[at];
            edge.kind.get_or_insert_with(|| tie.kind.clone());
            if !tie.about.is_empty() {
                edge.attrs
                    .entry("about".into())
                    .or_insert_with(|| tie.about.clone());
            }
        }
    }
    Built { graph, nodes: kept }
}

/// Every measure the map pages show (closeness and harmonic centrality are not among them,
/// so their sweep is skipped).
pub fn analyse(graph: &Graph) -> Analysis {
    let options = Options {
        distance_measures: false,
        ..Options::default()
    };
    analysis::analyse(graph, options)
}

/// A map's measures and layout: most of its time, and the same for the same graph.
pub type Drawing = Arc<(Analysis, Vec<(f64, f64)>)>;

/// How many recent drawings are kept in memory (one exercise, one filter each).
const DRAWINGS_KEPT: usize = 16;

static DRAWINGS: Mutex<Vec<(u64, Drawing)>> = Mutex::new(Vec::new());

/// [`analyse_and_lay_out`], remembered for the most recent graphs: a closed exercise's map
/// is drawn once, not on every visit. Keyed by everything in the graph, so any change to
/// the answers (or to who sees which name) is a new drawing.
pub fn drawing(graph: &Graph) -> Drawing {
    remembered(&DRAWINGS, graph, || Arc::new(analyse_and_lay_out(graph)))
}

/// The value kept in `kept` for this graph, or `make`'s, kept for next time; the oldest of
/// `DRAWINGS_KEPT` values gives way.
fn remembered<T: Clone>(kept: &Mutex<Vec<(u64, T)>>, graph: &Graph, make: impl FnOnce() -> T) -> T {
    let key = fingerprint(graph);
    let cached = kept
        .lock()
        .ok()
        .and_then(|kept| kept.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
    if let Some(value) = cached {
        return value;
    }
    let value = make();
    if let Ok(mut kept) = kept.lock() {
        if kept.len() >= DRAWINGS_KEPT {
            kept.remove(0);
        }
        kept.push((key, value.clone()));
    }
    value
}

fn fingerprint(graph: &Graph) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    for node in &graph.nodes {
        (&node.id, &node.label, &node.attrs).hash(&mut hasher);
    }
    for edge in &graph.edges {
        (edge.source, edge.target, edge.weight.to_bits(), &edge.kind).hash(&mut hasher);
    }
    hasher.finish()
}

/// The measures and the layout, side by side on two threads (they do not depend on each
/// other, and together they are most of a map's time).
pub fn analyse_and_lay_out(graph: &Graph) -> (Analysis, Vec<(f64, f64)>) {
    std::thread::scope(|scope| {
        let positions =
            scope.spawn(|| layout::force_atlas2(graph, layout::Settings::for_size(graph.len(), 1)));
        let analysis = analyse(graph);
        (analysis, positions.join().expect("the layout thread"))
    })
}

/// What each node's colour means on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Cluster,
    Kind,
    Area,
}

/// What each node's size means on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Ties,
    Betweenness,
    Eigenvector,
}

/// The SVG map: laid out by ForceAtlas2 (the same seed, the same picture), coloured and
/// sized as asked. Group and size names come from the caller, in the page's language.
pub fn render(
    built: &Built,
    analysis: &Analysis,
    positions: &[(f64, f64)],
    colour: Colour,
    size: Size,
    labels: Labels,
    cluster_name: impl Fn(usize) -> String,
) -> String {
    let graph = &built.graph;
    let groups = analysis
        .nodes
        .iter()
        .enumerate()
        .map(|(v, m)| match colour {
            Colour::Cluster => cluster_name(m.community),
            Colour::Kind => match graph.nodes[v].attr("kind") {
                Some("organisation") => labels.organisation.clone(),
                _ => labels.person.clone(),
            },
            Colour::Area => graph.nodes[v].attr("area").unwrap_or("?").to_string(),
        })
        .collect();
    let sizes = analysis
        .nodes
        .iter()
        .map(|m| match size {
            Size::Ties => m.degree,
            Size::Betweenness => m.betweenness,
            Size::Eigenvector => m.eigenvector,
        })
        .collect();
    svg::render(&svg::Map {
        title: labels.title,
        graph,
        positions,
        groups,
        group_title: labels.group_title,
        sizes,
        size_title: labels.size_title,
        words: labels.words,
    })
}

/// What the drawn map says, in the reader's language.
pub struct Labels {
    pub title: String,
    pub group_title: String,
    pub size_title: String,
    /// The legend's names of the two kinds, when the map is coloured by kind.
    pub person: String,
    pub organisation: String,
    pub words: svg::Words,
}

/// The headline numbers of one round, for comparing rounds.
#[derive(Clone, Debug)]
pub struct Headline {
    pub nodes: usize,
    pub ties: usize,
    pub density: f64,
    pub clusters: usize,
    pub isolated: usize,
    pub average_distance: Option<f64>,
}

static HEADLINES: Mutex<Vec<(u64, Headline)>> = Mutex::new(Vec::new());

/// [`headline`] of a graph's own analysis, remembered for the most recent graphs like
/// [`drawing`], so a dashboard does not measure an unchanged map on every visit.
pub fn remembered_headline(graph: &Graph) -> Headline {
    remembered(&HEADLINES, graph, || headline(graph, &analyse(graph)))
}

pub fn headline(graph: &Graph, analysis: &Analysis) -> Headline {
    Headline {
        nodes: graph.len(),
        ties: graph.edges.len(),
        density: analysis.density,
        clusters: analysis.communities,
        isolated: analysis.nodes.iter().filter(|m| m.degree == 0.0).count(),
        average_distance: network::structure::average_distance(graph),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, kind: NodeKind, consent: bool) -> MapNode {
        MapNode {
            id: id.into(),
            kind,
            name: format!("Real {id}"),
            area_id: None,
            consent,
            registered: false,
            responded: consent,
            skills: String::new(),
            skill_cards: Vec::new(),
            interests: String::new(),
            needs: String::new(),
        }
    }

    #[test]
    fn only_the_unconsenting_and_unregistered_are_pseudonymous_and_only_in_public() {
        let registered = MapNode {
            registered: true,
            ..node("e", NodeKind::Organisation, false)
        };
        let nodes = vec![
            node("a", NodeKind::Person, true),
            node("b", NodeKind::Person, false),
            node("c", NodeKind::Organisation, false),
            node("d", NodeKind::Person, false),
            registered,
            node("f", NodeKind::Organisation, true),
        ];
        assert_eq!(
            shown_names(&nodes, Naming::Public, &export_language()),
            vec![
                "Real a",
                "Person 2",
                "Organisation 1",
                "Person 3",
                "Real e",
                "Real f"
            ]
        );
        // The same pseudonyms, numbered alike, in the reader's language.
        let polish = Lang::from_tag("pl").unwrap();
        assert_eq!(
            shown_names(&nodes, Naming::Public, &polish),
            vec![
                "Real a",
                "Osoba 2",
                "Organizacja 1",
                "Osoba 3",
                "Real e",
                "Real f"
            ]
        );
        assert_eq!(
            shown_names(&nodes, Naming::Organiser, &polish),
            vec!["Real a", "Real b", "Real c", "Real d", "Real e", "Real f"]
        );
    }

    #[test]
    fn filters_keep_the_ties_among_what_is_shown() {
        let nodes = vec![
            node("a", NodeKind::Person, true),
            node("b", NodeKind::Person, true),
            node("c", NodeKind::Organisation, true),
        ];
        let tie = |s: &str, t: &str, kind: &str| Tie {
            source_id: s.into(),
            target_id: t.into(),
            kind: kind.into(),
            about: String::new(),
            frequency: "weekly".into(),
        };
        let ties = vec![tie("a", "b", "friends"), tie("a", "c", "works with")];
        let areas = HashMap::new();
        let people = Filter {
            kind: Some(NodeKind::Person),
            ..Filter::default()
        };
        let built = build(
            &nodes,
            &ties,
            &areas,
            Naming::Public,
            &people,
            &Lang::default(),
        );
        assert_eq!((built.graph.len(), built.graph.edges.len()), (2, 1));
        let works = Filter {
            relationship: Some("works with".into()),
            ..Filter::default()
        };
        let built = build(
            &nodes,
            &ties,
            &areas,
            Naming::Public,
            &works,
            &Lang::default(),
        );
        assert_eq!((built.graph.len(), built.graph.edges.len()), (3, 1));
        assert_eq!(built.graph.edges[0].kind.as_deref(), Some("works with"));
        assert_eq!(built.graph.edges[0].weight, 3.0);
    }
}
