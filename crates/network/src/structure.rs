//! The shape around each node and of the whole: k-cores, clustering, brokerage (Burt's
//! constraint and effective size), components, bridges and articulation points. Conventions
//! follow NetworkX (for directed graphs: all neighbours, in or out).

use rustc_hash::FxHashMap as HashMap;

use crate::graph::{Adjacency, Graph};

/// The k-core number of every node: the largest k such that the node is in a subgraph where
/// everyone has at least k ties (Batagelj and Zaversnik's linear algorithm). For a directed
/// graph, a node's degree counts ties in and out.
pub fn core_numbers(graph: &Graph) -> Vec<usize> {
    let n = graph.len();
    let adjacency = all_arcs(graph);
    let mut degree: Vec<usize> = (0..n).map(|v| adjacency.degree(v)).collect();
    let max = degree.iter().copied().max().unwrap_or(0);
    // Bucket sort by degree.
    let mut bins = vec![0usize; max + 2];
    for &d in &degree {
        bins[d] += 1;
    }
    let mut start = 0;
    for b in bins.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut order = vec![0usize; n];
    let mut position = vec![0usize; n];
    for v in 0..n {
        position[v] = bins[degree[v]];
        order[position[v]] = v;
        bins[degree[v]] += 1;
    }
    for d in (1..=max).rev() {
        bins[d] = bins[d - 1];
    }
    bins[0] = 0;
    for i in 0..n {
        let v = order[i];
        for &u in adjacency.neighbours(v) {
            let u = u as usize;
            if degree[u] > degree[v] {
                let du = degree[u];
                let (pu, pw) = (position[u], bins[du]);
                let w = order[pw];
                if u != w {
                    order.swap(pu, pw);
                    position[u] = pw;
                    position[w] = pu;
                }
                bins[du] += 1;
                degree[u] -= 1;
            }
        }
    }
    degree
}

/// Out and in ties together, a pair tied both ways counted twice (NetworkX's
/// `all_neighbors`); for an undirected graph, the ties.
fn all_arcs(graph: &Graph) -> Adjacency {
    if !graph.directed {
        return graph.out_adjacency();
    }
    let out = graph.out_adjacency();
    let incoming = graph.in_adjacency();
    let mut offsets = vec![0usize; graph.len() + 1];
    let mut targets = Vec::with_capacity(out.targets.len() * 2);
    let mut weights = Vec::with_capacity(out.targets.len() * 2);
    for v in 0..graph.len() {
        let mut all: Vec<(u32, f64)> = out
            .neighbours(v)
            .iter()
            .copied()
            .zip(out.weights(v).iter().copied())
            .chain(
                incoming
                    .neighbours(v)
                    .iter()
                    .copied()
                    .zip(incoming.weights(v).iter().copied()),
            )
            .collect();
        all.sort_by_key(|a| a.0);
        targets.extend(all.iter().map(|a| a.0));
        weights.extend(all.iter().map(|a| a.1));
        offsets[v + 1] = targets.len();
    }
    Adjacency {
        offsets,
        targets,
        weights,
    }
}

/// Local clustering coefficient (unweighted): the share of pairs of a node's neighbours that
/// are tied. For directed graphs, Fagiolo's directed triangles, as NetworkX.
pub fn clustering(graph: &Graph) -> Vec<f64> {
    if graph.directed {
        return directed_clustering(graph);
    }
    let adjacency = graph.out_adjacency();
    (0..graph.len())
        .map(|v| {
            let neighbours = adjacency.neighbours(v);
            let d = neighbours.len();
            if d < 2 {
                return 0.0;
            }
            let mut links = 0usize;
            for &u in neighbours {
                links += sorted_overlap(neighbours, adjacency.neighbours(u as usize));
            }
            links as f64 / (d * (d - 1)) as f64
        })
        .collect()
}

/// How many values two sorted lists share.
fn sorted_overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

fn directed_clustering(graph: &Graph) -> Vec<f64> {
    let succ = graph.out_adjacency();
    let pred = graph.in_adjacency();
    (0..graph.len())
        .map(|i| {
            let (ip, is) = (pred.neighbours(i), succ.neighbours(i));
            let mut triangles = 0usize;
            for &j in ip.iter().chain(is) {
                let (jp, js) = (pred.neighbours(j as usize), succ.neighbours(j as usize));
                triangles += sorted_overlap(ip, jp)
                    + sorted_overlap(ip, js)
                    + sorted_overlap(is, jp)
                    + sorted_overlap(is, js);
            }
            let total = ip.len() + is.len();
            let both = sorted_overlap(ip, is);
            if triangles == 0 {
                return 0.0;
            }
            triangles as f64 / (2 * (total * (total - 1) - 2 * both)) as f64
        })
        .collect()
}

/// Mutual weights, NetworkX's `mutual_weight`: the tie's weight (or 1) each way, added.
struct Mutual {
    /// For each node: its neighbours (in or out, once each) with the mutual weight.
    ties: Vec<HashMap<u32, f64>>,
    sums: Vec<f64>,
    maxima: Vec<f64>,
}

impl Mutual {
    fn new(graph: &Graph, weighted: bool) -> Mutual {
        let mut ties: Vec<HashMap<u32, f64>> = vec![HashMap::default(); graph.len()];
        for e in &graph.edges {
            let w = if weighted { e.weight } else { 1.0 };
            let ways: &[(usize, usize)] = if graph.directed {
                &[(e.source, e.target)]
            } else {
                &[(e.source, e.target), (e.target, e.source)]
            };
            for &(a, b) in ways {
                *ties[a].entry(b as u32).or_default() += w;
                *ties[b].entry(a as u32).or_default() += w;
            }
        }
        let sums = ties.iter().map(|t| t.values().sum()).collect();
        let maxima = ties
            .iter()
            .map(|t| t.values().copied().fold(0.0, f64::max))
            .collect();
        Mutual { ties, sums, maxima }
    }

    fn weight(&self, u: usize, v: usize) -> f64 {
        self.ties[u].get(&(v as u32)).copied().unwrap_or(0.0)
    }

    /// The share of u's ties that go to v.
    fn share(&self, u: usize, v: usize) -> f64 {
        let sum = self.sums[u];
        if sum == 0.0 {
            0.0
        } else {
            self.weight(u, v) / sum
        }
    }

    /// u's tie to v relative to u's strongest tie.
    fn relative(&self, u: usize, v: usize) -> f64 {
        let max = self.maxima[u];
        if max == 0.0 {
            0.0
        } else {
            self.weight(u, v) / max
        }
    }

    fn neighbours(&self, u: usize) -> Vec<usize> {
        let mut list: Vec<usize> = self.ties[u].keys().map(|&v| v as usize).collect();
        list.sort_unstable();
        list
    }
}

/// Burt's constraint: how much a node's ties lead to each other (high: embedded in one
/// group; low: a broker between groups). Undefined (NaN) for a node without ties.
pub fn constraint(graph: &Graph, weighted: bool) -> Vec<f64> {
    burt_sum(graph, weighted, |mutual, v, u, neighbours| {
        let indirect: f64 = neighbours
            .iter()
            .map(|&w| mutual.share(v, w) * mutual.share(w, u))
            .sum();
        (mutual.share(v, u) + indirect).powi(2)
    })
}

/// Burt's effective size: the number of a node's contacts less their redundancy (how tied
/// they are to each other). Undefined (NaN) for a node without ties.
pub fn effective_size(graph: &Graph, weighted: bool) -> Vec<f64> {
    burt_sum(graph, weighted, |mutual, v, u, neighbours| {
        let redundancy: f64 = neighbours
            .iter()
            .map(|&w| mutual.share(v, w) * mutual.relative(u, w))
            .sum();
        1.0 - redundancy
    })
}

/// For each node v, the sum over its contacts u of `term(mutual, v, u, contacts of v)`;
/// NaN for a node without ties. Both of Burt's measures have this shape.
fn burt_sum(
    graph: &Graph,
    weighted: bool,
    term: impl Fn(&Mutual, usize, usize, &[usize]) -> f64,
) -> Vec<f64> {
    let mutual = Mutual::new(graph, weighted);
    (0..graph.len())
        .map(|v| {
            let neighbours = mutual.neighbours(v);
            if neighbours.is_empty() {
                return f64::NAN;
            }
            neighbours
                .iter()
                .map(|&u| term(&mutual, v, u, &neighbours))
                .sum()
        })
        .collect()
}

/// The average number of steps between two people who are connected at all (the undirected
/// view; pairs in different components are left out, as NetworkX does per component).
/// `None` when no two nodes are connected.
pub fn average_distance(graph: &Graph) -> Option<f64> {
    let adjacency = graph.undirected_adjacency();
    let n = graph.len();
    let (mut total, mut pairs) = (0u64, 0u64);
    let mut distance = vec![u32::MAX; n];
    let mut queue = Vec::with_capacity(n);
    for start in 0..n {
        distance.iter_mut().for_each(|d| *d = u32::MAX);
        distance[start] = 0;
        queue.clear();
        queue.push(start);
        let mut at = 0;
        while at < queue.len() {
            let v = queue[at];
            at += 1;
            for &w in adjacency.neighbours(v) {
                let w = w as usize;
                if distance[w] == u32::MAX {
                    distance[w] = distance[v] + 1;
                    total += u64::from(distance[w]);
                    pairs += 1;
                    queue.push(w);
                }
            }
        }
    }
    (pairs > 0).then(|| total as f64 / pairs as f64)
}

/// Connected components (weak, for a directed graph), largest first; each list sorted.
pub fn components(graph: &Graph) -> Vec<Vec<usize>> {
    let adjacency = graph.undirected_adjacency();
    let n = graph.len();
    let mut seen = vec![false; n];
    let mut result = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut component = vec![start];
        let mut at = 0;
        while at < component.len() {
            let v = component[at];
            at += 1;
            for &w in adjacency.neighbours(v) {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    component.push(w as usize);
                }
            }
        }
        component.sort_unstable();
        result.push(component);
    }
    result.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    result
}

/// Ties whose loss would split a component, and nodes whose loss would (articulation
/// points), on the undirected view: Tarjan's low-link, without recursion.
pub fn bridges_and_cut_nodes(graph: &Graph) -> (Vec<(usize, usize)>, Vec<usize>) {
    let adjacency = graph.undirected_adjacency();
    let n = graph.len();
    let mut discovered = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut is_cut = vec![false; n];
    let mut bridges = Vec::new();
    let mut time = 0;
    for root in 0..n {
        if discovered[root] != usize::MAX {
            continue;
        }
        // Stack of (node, parent, next neighbour position).
        let mut stack: Vec<(usize, usize, usize)> = vec![(root, usize::MAX, 0)];
        discovered[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        while let Some(&mut (v, parent, ref mut next)) = stack.last_mut() {
            let neighbours = adjacency.neighbours(v);
            if *next < neighbours.len() {
                let w = neighbours[*next] as usize;
                *next += 1;
                if w == parent {
                    continue;
                }
                if discovered[w] == usize::MAX {
                    discovered[w] = time;
                    low[w] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((w, v, 0));
                } else {
                    low[v] = low[v].min(discovered[w]);
                }
            } else {
                stack.pop();
                if parent != usize::MAX {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] > discovered[parent] {
                        bridges.push((parent.min(v), parent.max(v)));
                    }
                    if parent != root && low[v] >= discovered[parent] {
                        is_cut[parent] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            is_cut[root] = true;
        }
    }
    bridges.sort_unstable();
    let cut = (0..n).filter(|&v| is_cut[v]).collect();
    (bridges, cut)
}
