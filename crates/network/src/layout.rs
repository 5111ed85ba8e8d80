//! ForceAtlas2-style layout (Jacomy et al. 2014): nodes repel in proportion to their degree,
//! ties pull, a weak gravity keeps parts together, and each node's speed adapts to how much
//! it oscillates. Repulsion uses a Barnes-Hut quadtree so thousands of nodes lay out in well
//! under a second. Deterministic for a seed.

use crate::graph::Graph;
use crate::rng::Rng;

#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub iterations: usize,
    pub scaling: f64,
    pub gravity: f64,
    /// Barnes-Hut accuracy: larger is faster and coarser.
    pub theta: f64,
    pub seed: u64,
}

impl Settings {
    /// Iterations and scaling suited to the graph's size.
    pub fn for_size(nodes: usize, seed: u64) -> Settings {
        Settings {
            iterations: if nodes <= 500 { 600 } else { 300 },
            scaling: if nodes <= 100 { 10.0 } else { 2.0 },
            gravity: 1.0,
            theta: 1.2,
            seed,
        }
    }
}

/// Positions (x, y) for every node.
pub fn force_atlas2(graph: &Graph, settings: Settings) -> Vec<(f64, f64)> {
    let n = graph.len();
    let adjacency = graph.undirected_adjacency();
    let mass: Vec<f64> = (0..n).map(|v| adjacency.degree(v) as f64 + 1.0).collect();
    let mut rng = Rng::new(settings.seed);
    let radius = (n as f64).sqrt() * 10.0;
    let mut position: Vec<(f64, f64)> = (0..n)
        .map(|_| {
            let (angle, r) = (
                rng.unit() * std::f64::consts::TAU,
                radius * rng.unit().sqrt(),
            );
            (r * angle.cos(), r * angle.sin())
        })
        .collect();
    let mut force = vec![(0.0, 0.0); n];
    let mut previous = vec![(0.0, 0.0); n];
    let mut speed = 1.0;
    let mut speed_efficiency = 1.0;
    for _ in 0..settings.iterations {
        std::mem::swap(&mut force, &mut previous);
        force.iter_mut().for_each(|f| *f = (0.0, 0.0));
        let tree = QuadTree::build(&position, &mass);
        for v in 0..n {
            let (fx, fy) =
                tree.repulsion(v, position[v], mass[v], settings.scaling, settings.theta);
            force[v].0 += fx;
            force[v].1 += fy;
            // Gravity towards the centre, stronger for heavier nodes.
            let (x, y) = position[v];
            let d = (x * x + y * y).sqrt();
            if d > 0.0 {
                force[v].0 -= settings.gravity * mass[v] * x / d;
                force[v].1 -= settings.gravity * mass[v] * y / d;
            }
        }
        for e in &graph.edges {
            let (a, b) = (e.source, e.target);
            let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
            // Linear attraction along the tie, scaled by its weight.
            force[a].0 -= dx * e.weight;
            force[a].1 -= dy * e.weight;
            force[b].0 += dx * e.weight;
            force[b].1 += dy * e.weight;
        }
        // Adaptive speed: swinging (force changing direction) slows a node down.
        let (mut swinging, mut traction) = (0.0, 0.0);
        for v in 0..n {
            let (f, p) = (force[v], previous[v]);
            swinging += mass[v] * ((f.0 - p.0).powi(2) + (f.1 - p.1).powi(2)).sqrt();
            traction += mass[v] * ((f.0 + p.0).powi(2) + (f.1 + p.1).powi(2)).sqrt() / 2.0;
        }
        let jitter = 0.05 * (n as f64).sqrt().min(10.0);
        let min_efficiency = 0.05;
        if swinging / traction > 2.0 && traction > 0.0 {
            speed_efficiency = (speed_efficiency * 0.5f64).max(min_efficiency);
        }
        let target = if swinging > 0.0 {
            jitter * speed_efficiency * traction / swinging
        } else {
            speed
        };
        if swinging > jitter * traction {
            speed_efficiency = (speed_efficiency * 0.7f64).max(min_efficiency);
        } else if speed < 1000.0 {
            speed_efficiency *= 1.3;
        }
        speed += (target - speed).min(0.5 * speed);
        for v in 0..n {
            let (f, p) = (force[v], previous[v]);
            let swing = mass[v] * ((f.0 - p.0).powi(2) + (f.1 - p.1).powi(2)).sqrt();
            let factor = speed / (1.0 + (speed * swing).sqrt());
            // Never move further than a few units at once.
            let length = (f.0 * f.0 + f.1 * f.1).sqrt();
            let step = (factor * length).min(10.0 * radius.max(1.0)) / length.max(1e-12);
            position[v].0 += f.0 * step;
            position[v].1 += f.1 * step;
        }
    }
    position
}

/// A Barnes-Hut quadtree over the node positions: distant groups of nodes repel as one.
struct QuadTree {
    cells: Vec<Cell>,
}

struct Cell {
    centre: (f64, f64),
    half: f64,
    mass: f64,
    mass_centre: (f64, f64),
    /// First of four children, or none for a leaf.
    children: Option<usize>,
    /// The node in a leaf (or none when empty).
    node: Option<usize>,
}

impl QuadTree {
    fn build(position: &[(f64, f64)], mass: &[f64]) -> QuadTree {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in position {
            min_x = min_x.min(x);
            min_y = min_y.min(y);
            max_x = max_x.max(x);
            max_y = max_y.max(y);
        }
        let half = ((max_x - min_x).max(max_y - min_y) / 2.0).max(1e-9) * 1.0001;
        let centre = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
        let mut tree = QuadTree {
            cells: vec![Cell::empty(centre, half)],
        };
        for v in 0..position.len() {
            tree.insert(0, v, position, mass, 0);
        }
        tree
    }

    fn insert(
        &mut self,
        cell: usize,
        v: usize,
        position: &[(f64, f64)],
        mass: &[f64],
        depth: usize,
    ) {
        let (x, y) = position[v];
        let m = mass[v];
        {
            let c = &mut self.cells[cell];
            let total = c.mass + m;
            c.mass_centre = (
                (c.mass_centre.0 * c.mass + x * m) / total,
                (c.mass_centre.1 * c.mass + y * m) / total,
            );
            c.mass = total;
        }
        if let Some(first) = self.cells[cell].children {
            let q = self.quadrant(cell, x, y);
            return self.insert(first + q, v, position, mass, depth + 1);
        }
        match self.cells[cell].node {
            None if self.cells[cell].mass == m => self.cells[cell].node = Some(v),
            // Nodes at the same spot (or too deep to split) share the leaf's mass.
            _ if depth > 40 => {}
            existing => {
                let (centre, half) = (self.cells[cell].centre, self.cells[cell].half / 2.0);
                let first = self.cells.len();
                for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                    self.cells.push(Cell::empty(
                        (centre.0 + dx * half, centre.1 + dy * half),
                        half,
                    ));
                }
                self.cells[cell].children = Some(first);
                self.cells[cell].node = None;
                if let Some(old) = existing {
                    let q = self.quadrant(cell, position[old].0, position[old].1);
                    self.add_leaf(first + q, old, position, mass);
                }
                let q = self.quadrant(cell, x, y);
                self.insert(first + q, v, position, mass, depth + 1);
            }
        }
    }

    /// Puts a node that was alone in a leaf into an empty child.
    fn add_leaf(&mut self, cell: usize, v: usize, position: &[(f64, f64)], mass: &[f64]) {
        let c = &mut self.cells[cell];
        c.mass = mass[v];
        c.mass_centre = position[v];
        c.node = Some(v);
    }

    fn quadrant(&self, cell: usize, x: f64, y: f64) -> usize {
        let c = self.cells[cell].centre;
        usize::from(x >= c.0) + 2 * usize::from(y >= c.1)
    }

    fn repulsion(
        &self,
        v: usize,
        at: (f64, f64),
        mass: f64,
        scaling: f64,
        theta: f64,
    ) -> (f64, f64) {
        let mut force = (0.0, 0.0);
        let mut stack = vec![0usize];
        while let Some(cell) = stack.pop() {
            let c = &self.cells[cell];
            if c.mass == 0.0 || c.node == Some(v) && c.children.is_none() {
                continue;
            }
            let (dx, dy) = (at.0 - c.mass_centre.0, at.1 - c.mass_centre.1);
            let d2 = dx * dx + dy * dy;
            let far = c.children.is_none() || (2.0 * c.half) * (2.0 * c.half) < theta * theta * d2;
            if far {
                if d2 > 0.0 {
                    // Repulsion k * m1 * m2 / d along the line between them.
                    let f = scaling * mass * c.mass / d2;
                    force.0 += dx * f;
                    force.1 += dy * f;
                }
            } else if let Some(first) = c.children {
                stack.extend(first..first + 4);
            }
        }
        force
    }
}

impl Cell {
    fn empty(centre: (f64, f64), half: f64) -> Cell {
        Cell {
            centre,
            half,
            mass: 0.0,
            mass_centre: (0.0, 0.0),
            children: None,
            node: None,
        }
    }
}
