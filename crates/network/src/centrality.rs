//! Who is central, by several measures, computed as NetworkX computes them (its defaults,
//! normalisations and conventions for directed and disconnected graphs), so that results
//! can be checked against it.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use crate::graph::{Adjacency, Graph};
use crate::rng::Rng;

/// Ties as distances (NetworkX's `weight=` for path measures: a weight is a length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paths {
    /// Every tie has length 1.
    Hops,
    /// A tie's length is its weight.
    Weighted,
}

/// Number of ties of each node (in + out for a directed graph).
pub fn degree(graph: &Graph) -> Vec<f64> {
    let mut degree = vec![0.0; graph.len()];
    for e in &graph.edges {
        degree[e.source] += 1.0;
        degree[e.target] += 1.0;
    }
    degree
}

/// Sum of the weights of each node's ties.
pub fn strength(graph: &Graph) -> Vec<f64> {
    let mut strength = vec![0.0; graph.len()];
    for e in &graph.edges {
        strength[e.source] += e.weight;
        strength[e.target] += e.weight;
    }
    strength
}

/// Betweenness: how often a node lies on the shortest paths between others (Brandes'
/// algorithm), normalised as NetworkX does (by `(n-1)(n-2)`). With `sample = Some((k, seed))`
/// only `k` randomly chosen sources are used and the result is scaled by `n / k`.
pub fn betweenness(graph: &Graph, paths: Paths, sample: Option<(usize, u64)>) -> Vec<f64> {
    let n = graph.len();
    let out = graph.out_adjacency();
    let incoming = graph.in_adjacency();
    let sources: Vec<usize> = match sample {
        Some((k, seed)) if k < n => {
            let mut all: Vec<usize> = (0..n).collect();
            Rng::new(seed).shuffle(&mut all);
            all.truncate(k);
            all.sort_unstable();
            all
        }
        _ => (0..n).collect(),
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(sources.len().max(1));
    let chunk = sources.len().div_ceil(threads.max(1)).max(1);
    let partials: Vec<Vec<f64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                let (out, incoming) = (&out, &incoming);
                scope.spawn(move || {
                    let mut work = Brandes::new(n);
                    for &s in part {
                        work.add_source(s, out, incoming, paths);
                    }
                    work.centrality
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("betweenness worker"))
            .collect()
    });
    let mut total = vec![0.0; n];
    for part in partials {
        for (t, p) in total.iter_mut().zip(part) {
            *t += p;
        }
    }
    let mut scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        1.0
    };
    if sources.len() < n {
        scale *= n as f64 / sources.len().max(1) as f64;
    }
    if n > 2 {
        total.iter_mut().for_each(|b| *b *= scale);
    }
    total
}

/// The error bound of sampled betweenness: with probability at least 1 - `delta`, every
/// normalised value is within this much of the exact one (Hoeffding's bound with a union
/// over the nodes: each source contributes a value in [0, 1] to a node's normalised score).
pub fn sampled_betweenness_error(nodes: usize, sources: usize, delta: f64) -> f64 {
    if sources == 0 {
        return 1.0;
    }
    ((2.0 * nodes.max(1) as f64 / delta).ln() / (2.0 * sources as f64)).sqrt()
}

/// Work arrays for Brandes' algorithm, reused from one source to the next.
struct Brandes {
    centrality: Vec<f64>,
    sigma: Vec<f64>,
    /// Steps from the source (unweighted), -1 when not reached.
    hops: Vec<i32>,
    distance: Vec<f64>,
    delta: Vec<f64>,
    settled: Vec<bool>,
    order: Vec<u32>,
    heap: BinaryHeap<Entry>,
}

impl Brandes {
    fn new(n: usize) -> Brandes {
        Brandes {
            centrality: vec![0.0; n],
            sigma: vec![0.0; n],
            hops: vec![-1; n],
            distance: vec![f64::INFINITY; n],
            delta: vec![0.0; n],
            settled: vec![false; n],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }

    fn add_source(&mut self, s: usize, out: &Adjacency, incoming: &Adjacency, paths: Paths) {
        match paths {
            Paths::Hops => self.add_source_hops(s, out, incoming),
            Paths::Weighted => self.add_source_weighted(s, out, incoming),
        }
    }

    /// Unweighted: breadth-first search with whole-number distances; the visiting order
    /// doubles as the queue.
    fn add_source_hops(&mut self, s: usize, out: &Adjacency, incoming: &Adjacency) {
        let (hops, sigma, delta) = (&mut self.hops, &mut self.sigma, &mut self.delta);
        let order = &mut self.order;
        order.clear();
        order.push(s as u32);
        hops[s] = 0;
        sigma[s] = 1.0;
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let (next, through) = (hops[v] + 1, sigma[v]);
            for &w in out.neighbours(v) {
                let w = w as usize;
                if hops[w] < 0 {
                    hops[w] = next;
                    sigma[w] = through;
                    order.push(w as u32);
                } else if hops[w] == next {
                    sigma[w] += through;
                }
            }
        }
        // Predecessors are found again from the distances rather than stored: v precedes
        // w when v is tied to w and one step nearer the source.
        for &w in order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + delta[w]) / sigma[w];
            let before = hops[w] - 1;
            for &v in incoming.neighbours(w) {
                let v = v as usize;
                if hops[v] == before {
                    delta[v] += sigma[v] * coefficient;
                }
            }
            if w != s {
                self.centrality[w] += delta[w];
            }
        }
        for &v in order.iter() {
            hops[v as usize] = -1;
            delta[v as usize] = 0.0;
        }
    }

    fn add_source_weighted(&mut self, s: usize, out: &Adjacency, incoming: &Adjacency) {
        for &v in &self.order {
            let v = v as usize;
            self.sigma[v] = 0.0;
            self.distance[v] = f64::INFINITY;
            self.delta[v] = 0.0;
            self.settled[v] = false;
        }
        self.order.clear();
        self.dijkstra(s, out);
        // As above, with the tie's length: v precedes w when the tie v -> w ends exactly
        // at w's distance (the same sum as in the search, so the test is exact).
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let coefficient = (1.0 + self.delta[w]) / self.sigma[w];
            let (neighbours, weights) = (incoming.neighbours(w), incoming.weights(w));
            for (&v, &length) in neighbours.iter().zip(weights) {
                let v = v as usize;
                if self.settled[v] && self.distance[v] + length == self.distance[w] {
                    self.delta[v] += self.sigma[v] * coefficient;
                }
            }
            if w != s {
                self.centrality[w] += self.delta[w];
            }
        }
    }

    fn dijkstra(&mut self, s: usize, out: &Adjacency) {
        self.sigma[s] = 1.0;
        self.distance[s] = 0.0;
        self.heap.push(Entry(0.0, s as u32));
        while let Some(Entry(d, v)) = self.heap.pop() {
            let v_at = v as usize;
            // Stale entries (a shorter path was found later) and repeats are skipped.
            if d > self.distance[v_at] || self.settled[v_at] {
                continue;
            }
            self.settled[v_at] = true;
            self.order.push(v);
            for (&w, &length) in out.neighbours(v_at).iter().zip(out.weights(v_at)) {
                let w = w as usize;
                let through = d + length;
                if through < self.distance[w] {
                    self.distance[w] = through;
                    self.sigma[w] = self.sigma[v_at];
                    self.heap.push(Entry(through, w as u32));
                } else if through == self.distance[w] && !self.settled[w] {
                    self.sigma[w] += self.sigma[v_at];
                }
            }
        }
    }
}

/// A heap entry ordered so that the smallest distance comes out first.
#[derive(PartialEq)]
struct Entry(f64, u32);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// Distances from `s` along `adjacency` (infinite where unreachable).
fn distances(s: usize, adjacency: &Adjacency, paths: Paths, out: &mut [f64]) {
    out.fill(f64::INFINITY);
    out[s] = 0.0;
    match paths {
        Paths::Hops => {
            let mut queue = VecDeque::from([s as u32]);
            while let Some(v) = queue.pop_front() {
                let next = out[v as usize] + 1.0;
                for &w in adjacency.neighbours(v as usize) {
                    if out[w as usize] == f64::INFINITY {
                        out[w as usize] = next;
                        queue.push_back(w);
                    }
                }
            }
        }
        Paths::Weighted => {
            let mut heap = BinaryHeap::from([Entry(0.0, s as u32)]);
            while let Some(Entry(d, v)) = heap.pop() {
                if d > out[v as usize] {
                    continue;
                }
                let v = v as usize;
                for (&w, &length) in adjacency.neighbours(v).iter().zip(adjacency.weights(v)) {
                    if d + length < out[w as usize] {
                        out[w as usize] = d + length;
                        heap.push(Entry(d + length, w));
                    }
                }
            }
        }
    }
}

/// For every node, `measure` of its distances from the others (for a directed graph, the
/// distances of paths arriving at it, as NetworkX does), over both cores.
fn per_node_distances<T: Send>(
    graph: &Graph,
    paths: Paths,
    measure: impl Fn(&[f64], usize) -> T + Sync,
) -> Vec<T> {
    let n = graph.len();
    let incoming = graph.in_adjacency();
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get());
    let chunk = n.div_ceil(threads).max(1);
    let nodes: Vec<usize> = (0..n).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = nodes
            .chunks(chunk)
            .map(|part| {
                let (incoming, measure) = (&incoming, &measure);
                scope.spawn(move || {
                    let mut d = vec![0.0; n];
                    part.iter()
                        .map(|&v| {
                            distances(v, incoming, paths, &mut d);
                            measure(&d, v)
                        })
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("distance worker"))
            .collect()
    })
}

/// Wasserman and Faust's closeness of one node from its distances.
fn closeness_from(d: &[f64]) -> f64 {
    let n = d.len();
    let (mut total, mut reached) = (0.0, 0usize);
    for &x in d {
        if x.is_finite() {
            total += x;
            reached += 1;
        }
    }
    if total > 0.0 && n > 1 {
        let r = (reached - 1) as f64;
        (r / total) * (r / (n - 1) as f64)
    } else {
        0.0
    }
}

fn harmonic_from(d: &[f64], v: usize) -> f64 {
    d.iter()
        .enumerate()
        .filter(|&(u, x)| u != v && x.is_finite() && *x > 0.0)
        .map(|(_, x)| 1.0 / x)
        .sum()
}

/// Closeness: the inverse mean distance from the nodes that can reach a node, scaled by the
/// share of nodes that can (Wasserman and Faust's correction, NetworkX's default).
pub fn closeness(graph: &Graph, paths: Paths) -> Vec<f64> {
    per_node_distances(graph, paths, |d, _| closeness_from(d))
}

/// Harmonic centrality: the sum of the inverse distances from the other nodes.
pub fn harmonic(graph: &Graph, paths: Paths) -> Vec<f64> {
    per_node_distances(graph, paths, harmonic_from)
}

/// Closeness and harmonic centrality from one sweep of shortest paths (half the work of
/// computing them one after the other).
pub fn closeness_and_harmonic(graph: &Graph, paths: Paths) -> (Vec<f64>, Vec<f64>) {
    per_node_distances(graph, paths, |d, v| {
        (closeness_from(d), harmonic_from(d, v))
    })
    .into_iter()
    .unzip()
}

/// Eigenvector centrality (of the ties arriving at a node, unweighted as NetworkX's default),
/// by power iteration on A + I to a tight tolerance; Euclidean norm 1.
pub fn eigenvector(graph: &Graph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let out = graph.out_adjacency();
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..100_000 {
        let last = x.clone();
        for (v, &score) in last.iter().enumerate() {
            for &w in out.neighbours(v) {
                x[w as usize] += score;
            }
        }
        let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm > 0.0 { norm } else { 1.0 };
        x.iter_mut().for_each(|v| *v /= norm);
        let change: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if change < n as f64 * 1e-15 {
            break;
        }
    }
    x
}

/// PageRank with damping 0.85, ties weighted by their weight, dangling nodes spreading
/// evenly (NetworkX's defaults), iterated to a tight tolerance.
pub fn pagerank(graph: &Graph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let alpha = 0.85;
    let out = graph.out_adjacency();
    let out_weight: Vec<f64> = (0..n).map(|v| out.weights(v).iter().sum()).collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| out_weight[v] == 0.0).collect();
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..10_000 {
        next.fill(0.0);
        let dangle: f64 = alpha * dangling.iter().map(|&v| x[v]).sum::<f64>();
        for v in 0..n {
            if out_weight[v] == 0.0 {
                continue;
            }
            let share = alpha * x[v] / out_weight[v];
            for (&w, &weight) in out.neighbours(v).iter().zip(out.weights(v)) {
                next[w as usize] += share * weight;
            }
        }
        let base = (dangle + (1.0 - alpha)) / n as f64;
        next.iter_mut().for_each(|v| *v += base);
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * 1e-15 {
            break;
        }
    }
    x
}
