//! Every measure of every node at once, with the communities and the ties and people that
//! hold the network together: what `squaremile network analyse` and the app show.

use serde::Serialize;

use crate::centrality::{self, Paths};
use crate::community::{self, Method};
use crate::graph::Graph;
use crate::structure;

#[derive(Clone, Debug, Serialize)]
pub struct NodeMeasures {
    pub id: String,
    pub label: String,
    pub degree: f64,
    pub strength: f64,
    pub betweenness: f64,
    pub closeness: f64,
    pub harmonic: f64,
    pub eigenvector: f64,
    pub pagerank: f64,
    pub core: usize,
    pub clustering: f64,
    /// `None` for a node without ties (undefined).
    pub constraint: Option<f64>,
    pub effective_size: Option<f64>,
    pub community: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    pub directed: bool,
    pub node_count: usize,
    pub edge_count: usize,
    pub density: f64,
    pub nodes: Vec<NodeMeasures>,
    pub communities: usize,
    pub modularity: f64,
    pub components: Vec<Vec<String>>,
    /// Ties whose loss would split the network.
    pub bridges: Vec<(String, String)>,
    /// People whose loss would split the network.
    pub articulation_points: Vec<String>,
    /// Whether betweenness was estimated from a sample of sources, and its error bound.
    pub betweenness_sample: Option<BetweennessSample>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BetweennessSample {
    pub sources: usize,
    /// With 95% probability every node's betweenness is within this of the exact value.
    pub error_bound: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub method: Method,
    pub resolution: f64,
    pub seed: u64,
    /// Above this many nodes betweenness is estimated from this many sources.
    pub exact_betweenness_up_to: usize,
    /// Closeness and harmonic centrality cost a shortest-path sweep from every node; a map
    /// that does not show them can skip it (they are then NaN).
    pub distance_measures: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            method: Method::Leiden,
            resolution: 1.0,
            seed: 1,
            exact_betweenness_up_to: 20_000,
            distance_measures: true,
        }
    }
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

pub fn analyse(graph: &Graph, options: Options) -> Analysis {
    let n = graph.len();
    let sample = (n > options.exact_betweenness_up_to)
        .then_some((options.exact_betweenness_up_to.min(n).max(1), options.seed));
    let degree = centrality::degree(graph);
    let strength = centrality::strength(graph);
    let betweenness = centrality::betweenness(graph, Paths::Hops, sample);
    let (closeness, harmonic) = if options.distance_measures {
        centrality::closeness_and_harmonic(graph, Paths::Hops)
    } else {
        (vec![f64::NAN; n], vec![f64::NAN; n])
    };
    let eigenvector = centrality::eigenvector(graph);
    let pagerank = centrality::pagerank(graph);
    let core = structure::core_numbers(graph);
    let clustering = structure::clustering(graph);
    let constraint = structure::constraint(graph, false);
    let effective_size = structure::effective_size(graph, false);
    let communities = community::detect(graph, options.method, options.resolution, options.seed);
    let (bridges, cut) = structure::bridges_and_cut_nodes(graph);
    let id = |v: usize| graph.nodes[v].id.clone();
    let nodes = (0..n)
        .map(|v| NodeMeasures {
            id: id(v),
            label: graph.nodes[v].name().to_string(),
            degree: degree[v],
            strength: strength[v],
            betweenness: betweenness[v],
            closeness: closeness[v],
            harmonic: harmonic[v],
            eigenvector: eigenvector[v],
            pagerank: pagerank[v],
            core: core[v],
            clustering: clustering[v],
            constraint: finite(constraint[v]),
            effective_size: finite(effective_size[v]),
            community: communities.membership[v],
        })
        .collect();
    let pairs = if graph.directed {
        n * n.saturating_sub(1)
    } else {
        n * n.saturating_sub(1) / 2
    };
    Analysis {
        directed: graph.directed,
        node_count: n,
        edge_count: graph.edges.len(),
        density: if pairs > 0 {
            graph.edges.len() as f64 / pairs as f64
        } else {
            0.0
        },
        nodes,
        communities: communities.count,
        modularity: communities.modularity,
        components: structure::components(graph)
            .into_iter()
            .map(|c| c.into_iter().map(id).collect())
            .collect(),
        bridges: bridges.into_iter().map(|(a, b)| (id(a), id(b))).collect(),
        articulation_points: cut.into_iter().map(id).collect(),
        betweenness_sample: sample.map(|(k, _)| BetweennessSample {
            sources: k,
            error_bound: centrality::sampled_betweenness_error(n, k, 0.05),
        }),
    }
}
