//! The graph: nodes with attributes, ties with a weight and a type, and the compressed
//! adjacency lists the measures run on.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

/// A person, group or organisation in the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: String,
    pub label: Option<String>,
    /// Other attributes as written: `kind` (person / organisation), `area`, `interests`,
    /// `skills`, `needs`, ...
    pub attrs: BTreeMap<String, String>,
}

impl Node {
    pub fn name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.id)
    }

    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    /// A list attribute (interests, skills, needs): items separated by `;`, `,` or `|`,
    /// compared without case.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.attr(key)
            .map(|v| {
                v.split([';', ',', '|'])
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A tie. In an undirected graph `source` and `target` are interchangeable.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    /// Strength of the tie (1 when not given).
    pub weight: f64,
    /// What the tie is: "shares information", "works together", "funds", "friends"...
    pub kind: Option<String>,
    pub attrs: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub directed: bool,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    index: HashMap<String, usize>,
    pair_index: HashMap<(usize, usize), usize>,
    /// Ties that were given more than once or from a node to itself, as counted on reading.
    pub merged_ties: usize,
    pub self_ties: usize,
}

impl Graph {
    pub fn new(directed: bool) -> Graph {
        Graph {
            directed,
            ..Graph::default()
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The node with this id, added if new.
    pub fn add_node(&mut self, id: &str) -> usize {
        if let Some(&at) = self.index.get(id) {
            return at;
        }
        let at = self.nodes.len();
        self.nodes.push(Node {
            id: id.to_string(),
            label: None,
            attrs: BTreeMap::new(),
        });
        self.index.insert(id.to_string(), at);
        at
    }

    fn pair(&self, source: usize, target: usize) -> (usize, usize) {
        if self.directed || source <= target {
            (source, target)
        } else {
            (target, source)
        }
    }

    /// Adds a tie. A tie given twice is kept once with the larger weight (two people
    /// describing the same tie should not double it); a tie from a node to itself is not
    /// kept (it says nothing about who connects whom). Returns the tie's index, if kept.
    pub fn add_edge(&mut self, source: usize, target: usize, weight: f64) -> Option<usize> {
        if source == target {
            self.self_ties += 1;
            return None;
        }
        let pair = self.pair(source, target);
        if let Some(&at) = self.pair_index.get(&pair) {
            self.merged_ties += 1;
            let edge = &mut self.edges[at];
            edge.weight = edge.weight.max(weight);
            return Some(at);
        }
        let at = self.edges.len();
        self.edges.push(Edge {
            source,
            target,
            weight,
            kind: None,
            attrs: BTreeMap::new(),
        });
        self.pair_index.insert(pair, at);
        Some(at)
    }

    pub fn edge_between(&self, a: usize, b: usize) -> Option<&Edge> {
        self.pair_index
            .get(&self.pair(a, b))
            .map(|&at| &self.edges[at])
    }

    /// Ties leaving each node (for an undirected graph: all ties).
    pub fn out_adjacency(&self) -> Adjacency {
        Adjacency::build(self.len(), self.arcs(false))
    }

    /// Ties arriving at each node (for an undirected graph: all ties).
    pub fn in_adjacency(&self) -> Adjacency {
        Adjacency::build(self.len(), self.arcs(true))
    }

    /// Every tie in both directions, whatever the graph's direction: who is tied to whom.
    pub fn undirected_adjacency(&self) -> Adjacency {
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(self.edges.len() * 2);
        for e in &self.edges {
            arcs.push((e.source as u32, e.target as u32, e.weight));
            arcs.push((e.target as u32, e.source as u32, e.weight));
        }
        if self.directed {
            // A pair tied both ways is one neighbour; weights add, as NetworkX's
            // `to_undirected` would keep one of them and strength counts both.
            arcs.sort_by_key(|&(a, b, _)| (a, b));
            arcs.dedup_by(|next, kept| {
                if (next.0, next.1) == (kept.0, kept.1) {
                    kept.2 += next.2;
                    true
                } else {
                    false
                }
            });
        }
        Adjacency::build(self.len(), arcs)
    }

    fn arcs(&self, reverse: bool) -> Vec<(u32, u32, f64)> {
        let mut arcs = Vec::with_capacity(self.edges.len() * 2);
        for e in &self.edges {
            let (s, t) = (e.source as u32, e.target as u32);
            if self.directed {
                arcs.push(if reverse {
                    (t, s, e.weight)
                } else {
                    (s, t, e.weight)
                });
            } else {
                arcs.push((s, t, e.weight));
                arcs.push((t, s, e.weight));
            }
        }
        arcs
    }
}

/// Compressed adjacency lists: the neighbours of node `v` are
/// `targets[offsets[v]..offsets[v + 1]]`, sorted, with their tie weights.
#[derive(Clone, Debug)]
pub struct Adjacency {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
}

impl Adjacency {
    fn build(nodes: usize, mut arcs: Vec<(u32, u32, f64)>) -> Adjacency {
        arcs.sort_by_key(|&(a, b, _)| (a, b));
        let mut offsets = vec![0; nodes + 1];
        for &(a, _, _) in &arcs {
            offsets[a as usize + 1] += 1;
        }
        for v in 0..nodes {
            offsets[v + 1] += offsets[v];
        }
        Adjacency {
            offsets,
            targets: arcs.iter().map(|a| a.1).collect(),
            weights: arcs.iter().map(|a| a.2).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    pub fn weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    pub fn has(&self, v: usize, w: usize) -> bool {
        self.neighbours(v).binary_search(&(w as u32)).is_ok()
    }

    pub fn weight(&self, v: usize, w: usize) -> Option<f64> {
        self.neighbours(v)
            .binary_search(&(w as u32))
            .ok()
            .map(|at| self.weights(v)[at])
    }
}
