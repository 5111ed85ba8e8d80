//! The panel search (the heaviest quota-meeting panel under given weights) by our own
//! branch and bound, whose linear programs are solved by a bounded dual simplex.
//!
//! The program has a column per type and a row per constraint: the panel's size, each
//! quota, each shared household. Every column is a 0/1 vector and every variable is boxed
//! (a type's count lies between 0 and its members or the panel's size, a slack within its
//! row's range), so the programs are small (a row for each quota value, a few dozen) and
//! any basis is dual feasible once each non-basic variable sits at the bound its reduced
//! cost prefers. So the dual simplex needs no first phase:
//! each search starts from the basis the last search's first program ended at (column
//! generation's weights drift from one search to the next), and after a branch (a basic
//! count's bound tightened) a program goes on from its parent's basis. The ratio test is
//! the long-step one: the counts it passes on the way move to their other bound in the same
//! iteration, which took the first program from about 270 iterations to about 40 on the
//! 1,000-volunteer pool. microlp solves the same program from scratch, about 900 simplex
//! iterations of the whole constraint matrix; ours is 2.5 to 6 times faster on the
//! benchmark pools, with the same panel weights (BENCHMARKS.md, issue 29, sixth session).
//!
//! Each row r is `sum of its types' counts + slack_r = upper_r`, the slack boxed in
//! `[0, upper_r - lower_r]`: a quota's range, zero for the panel's size.
//! A tree too large (over `MOST_NODES` programs) ends with the best panel found and a
//! bound on any panel's weight, the largest objective among the branches left open; the
//! caller decides whether that is enough (see `PanelProgram::bounded_panel`). Anything
//! unexpected (an iteration limit, a basis gone singular, a result failing the quotas)
//! gives up, and the caller asks microlp instead; so does an infeasible program, which
//! microlp confirms.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Mutex;

use crate::master::invert;
use crate::oracle::{Panel, PanelProgram, weight};

/// Basic values this far outside their bounds count as inside.
const PRIMAL: f64 = 1e-9;
/// Pivot entries below this are not used.
const PIVOT: f64 = 1e-9;
/// A branch whose bound is within this (relative) of the best panel found cannot beat it.
const SAME_WEIGHT: f64 = 1e-9;
/// A count this close to an integer is that integer.
const INTEGRAL: f64 = 1e-6;
/// Every this many iterations the basis inverse, the values and the reduced costs are
/// computed afresh, so that rounding cannot build up.
const REFRESH: usize = 50;
/// Programs solved in one search before it stops with its best panel and a bound: where
/// many panels tie, the tree grows large. (300 let ours finish 498 of 500 searches of the
/// sf_e-shaped benchmark instead of 482, but leximin as a whole took longer.)
const MOST_NODES: usize = 100;
/// Rows above this: the dense m × m inverse would cost more than microlp's sparse one.
const MOST_ROWS: usize = 400;

/// The program's fixed data, built once per pool and panel size.
pub(crate) struct SearchProgram {
    rows: usize,
    types: usize,
    /// For each type, the rows it counts in.
    rows_of: Vec<Vec<u32>>,
    /// The same as `width` layers, layer k holding every type's k-th row (padded with
    /// `rows`, a row that is not there, read as zero). The pivot row, computed at every
    /// iteration over every type, is summed layer by layer: the additions for different
    /// types do not wait on one another. Summing each type's rows in turn was half of the
    /// search's time; this took the sf_e-shaped benchmark's searches from 5.9 ms to 4.2 ms
    /// each (BENCHMARKS.md, issue 29, seventh session).
    flat_rows: Vec<u32>,
    /// Each row's upper end.
    upper_row: Vec<f64>,
    /// Each row's lower end.
    lower_row: Vec<f64>,
    /// Each type's most members on a panel.
    most: Vec<f64>,
    /// The basis the last search's first program ended at: the next search starts there.
    warm: Mutex<Option<Vec<usize>>>,
}

/// What a search found.
#[derive(Debug)]
pub(crate) struct Found {
    pub panel: Panel,
    /// The panel's weight.
    pub weight: f64,
    /// No panel weighs more than this: the panel's own weight where the search is
    /// `proven`, else the most the branches left unexplored could hold.
    pub at_most: f64,
    /// Whether the panel is proven the heaviest.
    pub proven: bool,
}

/// How a search ended when it did not find the best panel.
#[derive(Debug, PartialEq)]
pub(crate) enum Unsolved {
    /// No panel meets the quotas (as far as this solver can tell: the caller confirms).
    Infeasible,
    /// The solver gave up; another must answer.
    GaveUp,
}

impl SearchProgram {
    pub fn new(program: &PanelProgram) -> Option<SearchProgram> {
        let types = program.types;
        let mut rows_of: Vec<Vec<u32>> = vec![vec![0]; types.len()];
        let mut upper_row = vec![f64::from(program.size)];
        let mut lower_row = vec![f64::from(program.size)];
        for (f, feature) in program.pool.features.iter().enumerate() {
            for (v, quota) in feature.quotas.iter().enumerate() {
                let row = upper_row.len() as u32;
                for (rows, values) in rows_of.iter_mut().zip(&types.values) {
                    if values[f] == v {
                        rows.push(row);
                    }
                }
                upper_row.push(f64::from(quota.max));
                lower_row.push(f64::from(quota.min));
            }
        }
        for household in &types.households {
            let row = upper_row.len() as u32;
            household.iter().for_each(|&t| rows_of[t].push(row));
            upper_row.push(1.0);
            lower_row.push(0.0);
        }
        if upper_row.len() > MOST_ROWS || lower_row.iter().zip(&upper_row).any(|(l, u)| l > u) {
            return None;
        }
        let rows = upper_row.len();
        let width = rows_of.iter().map(Vec::len).max().unwrap_or(0);
        let flat_rows = (0..width)
            .flat_map(|k| {
                rows_of
                    .iter()
                    .map(move |r| r.get(k).copied().unwrap_or(rows as u32))
            })
            .collect();
        Some(SearchProgram {
            rows,
            flat_rows,
            types: types.len(),
            most: (0..types.len())
                .map(|t| types.members[t].len().min(program.size as usize) as f64)
                .collect(),
            rows_of,
            upper_row,
            lower_row,
            warm: Mutex::new(None),
        })
    }

    /// The panel of greatest weight (`weights` per person of each type), proven so, or
    /// when the tree outgrows `MOST_NODES` the heaviest found with a bound on the weight
    /// of any (see [`Found`]). With `nodes` (a heuristic search), the best found within
    /// that many programs (at most `MOST_NODES`), or `GaveUp` if none was.
    pub fn best(&self, weights: &[f64], nodes: Option<u64>) -> Result<Found, Unsolved> {
        // Searches come one after another (leximin's are sequential, so that a draw
        // replays exactly), so the lock never waits; it only makes the program shareable.
        let warm = self.warm.lock().ok().and_then(|warm| warm.clone());
        let mut root = match Lp::new(self, weights, warm) {
            Some(lp) => lp,
            None => Lp::new(self, weights, None).ok_or(Unsolved::GaveUp)?,
        };
        // The heaviest panel found, as (minus its weight, panel).
        let mut best: Option<(f64, Panel)> = None;
        if !root.solve(self)? {
            return Err(Unsolved::Infeasible);
        }
        if let Ok(mut warm) = self.warm.lock() {
            *warm = Some(root.basis.clone());
        }
        // Programs still to solve, each with its parent's objective (minus the weight no
        // panel of the branch can beat).
        let mut stack = vec![(root, f64::NEG_INFINITY)];
        let most = nodes.map_or(MOST_NODES, |n| MOST_NODES.min(n as usize));
        let cannot_beat = |objective: f64, best: &Option<(f64, Panel)>| {
            best.as_ref()
                .is_some_and(|(b, _)| objective >= b - SAME_WEIGHT * (1.0 + b.abs()))
        };
        let mut solved = 0;
        let mut proven = true;
        while let Some((mut lp, parent)) = stack.pop() {
            if cannot_beat(parent, &best) {
                continue; // a panel found since the branch was made is as heavy
            }
            solved += 1;
            if solved > most {
                proven = false;
                stack.push((lp, parent));
                break;
            }
            if !lp.solve(self)? {
                continue;
            }
            let objective = lp.objective(self);
            if cannot_beat(objective, &best) {
                continue; // this branch cannot beat the panel found
            }
            let Some((t, value)) = lp.most_fractional(self) else {
                best = Some((objective, lp.counts(self)));
                continue;
            };
            let mut down = lp.clone();
            down.upper[t] = value.floor();
            let mut up = lp;
            up.lower[t] = value.ceil();
            // The nearer side is searched first.
            if value.fract() >= 0.5 {
                stack.push((down, objective));
                stack.push((up, objective));
            } else {
                stack.push((up, objective));
                stack.push((down, objective));
            }
        }
        let (objective, panel) = best.ok_or(Unsolved::GaveUp)?;
        if !self.meets_quotas(&panel) {
            return Err(Unsolved::GaveUp);
        }
        let open = stack
            .iter()
            .map(|(_, parent)| *parent)
            .fold(objective, f64::min);
        Ok(Found {
            panel,
            weight: -objective,
            at_most: -open,
            proven,
        })
    }

    /// Whether a panel meets every row, in whole numbers.
    pub(crate) fn meets_quotas(&self, panel: &[u32]) -> bool {
        let mut sums = vec![0u32; self.rows];
        for (t, &n) in panel.iter().enumerate() {
            if f64::from(n) > self.most[t] {
                return false;
            }
            self.rows_of[t].iter().for_each(|&r| sums[r as usize] += n);
        }
        sums.iter()
            .enumerate()
            .all(|(r, &s)| f64::from(s) >= self.lower_row[r] && f64::from(s) <= self.upper_row[r])
    }
}

/// One linear program of the branch and bound, with its basis. Variables are the types'
/// counts (0..types) and the rows' slacks (types..types + rows); the program minimises
/// minus the weight.
#[derive(Clone)]
struct Lp {
    cost: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    /// The variable basic in each row position.
    basis: Vec<usize>,
    /// For each variable, its basis position if basic.
    position: Vec<Option<u32>>,
    /// For each non-basic variable, whether it sits at its upper bound.
    at_upper: Vec<bool>,
    /// B⁻¹, row after row.
    inverse: Vec<f64>,
    /// Basic values, by position.
    values: Vec<f64>,
    /// Reduced costs.
    reduced: Vec<f64>,
    iterations: usize,
}

impl Lp {
    /// The program for these weights, from the slack basis or from `warm` (a basis of an
    /// earlier search): every basis is dual feasible once each non-basic count is put at
    /// the bound its reduced cost prefers, which `refresh` does.
    fn new(program: &SearchProgram, weights: &[f64], warm: Option<Vec<usize>>) -> Option<Lp> {
        let (n, m) = (program.types, program.rows);
        let cost: Vec<f64> = weights
            .iter()
            .map(|w| -w)
            .chain(std::iter::repeat_n(0.0, m))
            .collect();
        let lower = vec![0.0; n + m];
        let upper: Vec<f64> = program
            .most
            .iter()
            .copied()
            .chain((0..m).map(|r| program.upper_row[r] - program.lower_row[r]))
            .collect();
        let basis = warm.unwrap_or_else(|| (n..n + m).collect());
        let mut position = vec![None; n + m];
        basis
            .iter()
            .enumerate()
            .for_each(|(k, &j)| position[j] = Some(k as u32));
        let mut lp = Lp {
            at_upper: vec![false; n + m],
            reduced: cost.clone(),
            cost,
            lower,
            upper,
            basis,
            position,
            inverse: Vec::new(),
            values: vec![0.0; m],
            iterations: 0,
        };
        lp.refresh(program, true).then_some(lp)
    }

    fn value_of(&self, j: usize) -> f64 {
        match self.position[j] {
            Some(r) => self.values[r as usize],
            None if self.at_upper[j] => self.upper[j],
            None => self.lower[j],
        }
    }

    /// Column j's rows (all coefficients are one).
    fn column<'a>(&self, program: &'a SearchProgram, j: usize) -> ColumnRows<'a> {
        if j < program.types {
            ColumnRows::Type(program.rows_of[j].iter())
        } else {
            ColumnRows::Slack(Some((j - program.types) as u32))
        }
    }

    /// Recomputes B⁻¹ from the basis, then the reduced costs and the basic values. With
    /// `place`, each non-basic variable is first put at the bound its reduced cost prefers.
    fn refresh(&mut self, program: &SearchProgram, place: bool) -> bool {
        let m = program.rows;
        let mut matrix = vec![0.0; m * m];
        for (k, &j) in self.basis.iter().enumerate() {
            for r in self.column(program, j) {
                matrix[r as usize * m + k] = 1.0;
            }
        }
        let Some(inverse) = invert(matrix, m) else {
            return false;
        };
        self.inverse = inverse;
        // Duals y = c_B B⁻¹, reduced costs c - y A.
        let y: Vec<f64> = (0..m)
            .map(|i| {
                (0..m)
                    .map(|k| self.cost[self.basis[k]] * self.inverse[k * m + i])
                    .sum()
            })
            .collect();
        for j in 0..self.cost.len() {
            self.reduced[j] = if self.position[j].is_some() {
                0.0
            } else {
                self.cost[j] - self.column(program, j).map(|r| y[r as usize]).sum::<f64>()
            };
            if place && self.position[j].is_none() && self.reduced[j] != 0.0 {
                self.at_upper[j] = self.reduced[j] < 0.0;
            }
        }
        // Basic values: B⁻¹ (b - N x_N), b the rows' upper ends.
        let mut rest = program.upper_row.clone();
        for j in 0..self.cost.len() {
            if self.position[j].is_none() {
                let x = self.value_of(j);
                if x != 0.0 {
                    for r in self.column(program, j) {
                        rest[r as usize] -= x;
                    }
                }
            }
        }
        self.values = (0..m)
            .map(|k| (0..m).map(|i| self.inverse[k * m + i] * rest[i]).sum())
            .collect();
        true
    }

    /// Runs the dual simplex to the optimum: true, or false when the bounds leave no
    /// solution.
    fn solve(&mut self, program: &SearchProgram) -> Result<bool, Unsolved> {
        let m = program.rows;
        let limit = 20 * (program.types + m) + self.iterations;
        let mut since_refresh = 0;
        // Buffers of every iteration: the leaving row of B⁻¹, the pivot row, the ratio
        // test's candidates.
        let mut rho: Vec<f64> = Vec::with_capacity(m + 1);
        let mut alpha = vec![0.0; self.cost.len()];
        let mut candidates: Vec<Breakpoint> = Vec::new();
        loop {
            // The basic value furthest outside its bounds leaves.
            let mut leaving: Option<(usize, f64)> = None;
            for k in 0..m {
                let j = self.basis[k];
                let x = self.values[k];
                let out = (self.lower[j] - x).max(x - self.upper[j]);
                if out > PRIMAL * (1.0 + x.abs()) && leaving.is_none_or(|(_, o)| out > o) {
                    leaving = Some((k, out));
                }
            }
            let Some((r, _)) = leaving else {
                if since_refresh == 0 {
                    return Ok(true);
                }
                // Confirm the optimum on fresh numbers.
                if !self.refresh(program, false) {
                    return Err(Unsolved::GaveUp);
                }
                since_refresh = 0;
                continue;
            };
            if self.iterations >= limit {
                return Err(Unsolved::GaveUp);
            }
            let leaving_variable = self.basis[r];
            let below = self.values[r] < self.lower[leaving_variable];
            rho.clear();
            rho.extend_from_slice(&self.inverse[r * m..(r + 1) * m]);
            rho.push(0.0); // the padding row of `flat_rows`
            // The pivot row over the non-basic columns, and the dual ratio test.
            candidates.clear();
            let n = program.types;
            let (counts, slacks) = alpha.split_at_mut(n);
            counts.iter_mut().for_each(|a| *a = 0.0);
            for layer in program.flat_rows.chunks_exact(n.max(1)) {
                counts
                    .iter_mut()
                    .zip(layer)
                    .for_each(|(a, &i)| *a += rho[i as usize]);
            }
            slacks.copy_from_slice(&rho[..m]);
            for (j, &a) in alpha.iter().enumerate() {
                if self.position[j].is_some() {
                    continue;
                }
                if self.upper[j] <= self.lower[j] || a.abs() <= PIVOT {
                    continue;
                }
                let may_rise = !self.at_upper[j];
                let eligible = if below {
                    (may_rise && a < 0.0) || (!may_rise && a > 0.0)
                } else {
                    (may_rise && a > 0.0) || (!may_rise && a < 0.0)
                };
                if eligible {
                    candidates.push(Breakpoint {
                        ratio: self.reduced[j].abs() / a.abs(),
                        variable: j,
                        pivot: a.abs(),
                    });
                }
            }
            if candidates.is_empty() {
                return Ok(false); // the dual is unbounded: no solution
            }
            // In the order the ratio test passes them (smallest ratio first, the larger
            // pivot first among ties), taken from a heap: usually only a few are needed.
            let last = candidates.len() - 1;
            let mut queue = BinaryHeap::from(std::mem::take(&mut candidates));
            // Long-step ratio test: the variables passed on the way, whose whole range
            // does not yet make up the row's shortfall, move to their other bound, and
            // the one that makes it up enters.
            let x = self.values[r];
            let mut shortfall = if below {
                self.lower[leaving_variable] - x
            } else {
                x - self.upper[leaving_variable]
            };
            let mut flipped = vec![0.0; m];
            let mut any_flipped = false;
            let mut q = usize::MAX;
            for passed in 0..=last {
                let Breakpoint {
                    variable: j,
                    pivot: size,
                    ..
                } = queue.pop().expect("a candidate left");
                let range = self.upper[j] - self.lower[j];
                if passed == last || shortfall - size * range <= PRIMAL {
                    q = j;
                    break;
                }
                shortfall -= size * range;
                let step = if self.at_upper[j] { -range } else { range };
                self.at_upper[j] = !self.at_upper[j];
                self.column(program, j)
                    .for_each(|i| flipped[i as usize] += step);
                any_flipped = true;
            }
            candidates = queue.into_vec();
            if any_flipped {
                // The basic values move by minus B⁻¹ times the flipped columns' change.
                for k in 0..m {
                    let row = &self.inverse[k * m..(k + 1) * m];
                    let change: f64 = row.iter().zip(&flipped).map(|(b, f)| b * f).sum();
                    self.values[k] -= change;
                }
            }
            self.pivot(program, r, q, &alpha, below);
            since_refresh += 1;
            if since_refresh >= REFRESH {
                if !self.refresh(program, false) {
                    return Err(Unsolved::GaveUp);
                }
                since_refresh = 0;
            }
        }
    }

    /// Variable q enters at position r; the variable there leaves at the bound it broke.
    fn pivot(&mut self, program: &SearchProgram, r: usize, q: usize, alpha: &[f64], below: bool) {
        let m = program.rows;
        let leaving = self.basis[r];
        let theta_dual = self.reduced[q] / alpha[q];
        for ((reduced, position), a) in self.reduced.iter_mut().zip(&self.position).zip(alpha) {
            if position.is_none() {
                *reduced -= theta_dual * a;
            }
        }
        self.reduced[q] = 0.0;
        self.reduced[leaving] = -theta_dual;
        // The entering column in terms of the basis.
        let mut u = vec![0.0; m];
        for i in self.column(program, q) {
            let i = i as usize;
            (0..m).for_each(|k| u[k] += self.inverse[k * m + i]);
        }
        let target = if below {
            self.lower[leaving]
        } else {
            self.upper[leaving]
        };
        let theta = (self.values[r] - target) / u[r];
        let entering_value = self.value_of(q) + theta;
        self.values
            .iter_mut()
            .zip(&u)
            .for_each(|(x, &uk)| *x -= theta * uk);
        self.values[r] = entering_value;
        // B⁻¹ becomes E B⁻¹: row r divided by the pivot, the others lose u[k] times it.
        let pivot = u[r];
        self.inverse[r * m..(r + 1) * m]
            .iter_mut()
            .for_each(|b| *b /= pivot);
        let pivot_row: Vec<f64> = self.inverse[r * m..(r + 1) * m].to_vec();
        for k in (0..m).filter(|&k| k != r && u[k] != 0.0) {
            let factor = u[k];
            self.inverse[k * m..(k + 1) * m]
                .iter_mut()
                .zip(&pivot_row)
                .for_each(|(b, p)| *b -= factor * p);
        }
        self.position[leaving] = None;
        self.at_upper[leaving] = !below;
        self.position[q] = Some(r as u32);
        self.basis[r] = q;
        self.iterations += 1;
    }

    fn objective(&self, program: &SearchProgram) -> f64 {
        (0..program.types)
            .map(|t| self.cost[t] * self.value_of(t))
            .sum()
    }

    /// The type whose count is furthest from a whole number, with its count.
    fn most_fractional(&self, program: &SearchProgram) -> Option<(usize, f64)> {
        (0..program.types)
            .filter_map(|t| {
                let x = self.value_of(t);
                let distance = (x - x.round()).abs();
                (distance > INTEGRAL).then_some((t, x, distance))
            })
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .map(|(t, x, _)| (t, x))
    }

    fn counts(&self, program: &SearchProgram) -> Panel {
        (0..program.types)
            .map(|t| self.value_of(t).round().max(0.0) as u32)
            .collect()
    }
}

/// A candidate of the dual ratio test, ordered so that a max-heap pops the smallest ratio
/// first, and among equal ratios the largest pivot entry.
struct Breakpoint {
    ratio: f64,
    variable: usize,
    /// The size of its entry in the pivot row.
    pivot: f64,
}

impl PartialEq for Breakpoint {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Breakpoint {}

impl PartialOrd for Breakpoint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Breakpoint {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .ratio
            .total_cmp(&self.ratio)
            .then(self.pivot.total_cmp(&other.pivot))
            .then(other.variable.cmp(&self.variable))
    }
}

enum ColumnRows<'a> {
    Type(std::slice::Iter<'a, u32>),
    Slack(Option<u32>),
}

impl Iterator for ColumnRows<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        match self {
            ColumnRows::Type(rows) => rows.next().copied(),
            ColumnRows::Slack(row) => row.take(),
        }
    }
}

/// What [`compare_searches`] measured.
#[derive(Debug)]
pub struct SearchComparison {
    pub searches: usize,
    /// Searches ours answered itself (the others fell back to microlp).
    pub ours_answered: usize,
    /// Searches whose panels from both weighed the same (to 1e-9).
    pub same_weight: usize,
    pub ours: std::time::Duration,
    pub microlp: std::time::Duration,
}

/// Times our panel search (with its fallback) against microlp's alone on the same
/// `searches` weightings of the pool's types: a slowly drifting sequence (each weighting
/// keeps 70% of the last and draws the rest, a tenth of the types heavy), as column
/// generation's are. For `examples/panel_search_bench.rs`.
pub fn compare_searches(
    pool: &crate::Pool,
    size: u32,
    searches: usize,
    seed: u64,
) -> SearchComparison {
    let types = crate::oracle::Types::of(pool, false);
    let program = PanelProgram::new(pool, &types, size);
    let mut rng = crate::rng::Rng::new(seed);
    let mut type_weights = vec![1.0; types.len()];
    let weightings: Vec<Vec<f64>> = (0..searches)
        .map(|_| {
            for w in type_weights.iter_mut() {
                let heavy = rng.below(10) == 0;
                let drawn = if heavy { rng.unit() } else { 1e-3 * rng.unit() };
                *w = 0.7 * *w + 0.3 * drawn;
            }
            (0..types.len())
                .map(|t| type_weights[t] / types.size(t))
                .collect()
        })
        .collect();
    // Ours as leximin runs it (microlp where it gives up), counting what it answered itself.
    let search = SearchProgram::new(&program);
    let mut ours_answered = 0;
    let started = std::time::Instant::now();
    let ours: Vec<Panel> = weightings
        .iter()
        .map(
            |w| match search.as_ref().map(|search| search.best(w, None)) {
                Some(Ok(found)) if found.proven => {
                    ours_answered += 1;
                    found.panel
                }
                _ => program
                    .search_by_microlp(w, None)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            },
        )
        .collect();
    let ours_time = started.elapsed();
    let started = std::time::Instant::now();
    let theirs: Vec<Panel> = weightings
        .iter()
        .map(|w| {
            program
                .search_by_microlp(w, None)
                .ok()
                .flatten()
                .unwrap_or_default()
        })
        .collect();
    let microlp_time = started.elapsed();
    SearchComparison {
        searches,
        ours_answered,
        same_weight: (0..searches)
            .filter(|&k| {
                let (a, b) = (
                    weight(&ours[k], &weightings[k]),
                    weight(&theirs[k], &weightings[k]),
                );
                (a - b).abs() <= 1e-9 * b.abs().max(1.0)
            })
            .count(),
        ours: ours_time,
        microlp: microlp_time,
    }
}

#[cfg(test)]
mod tests {
    use super::{SearchProgram, Unsolved};
    use crate::oracle::{PanelProgram, Types, weight};
    use crate::pool::{Feature, Person, Pool, Quota};
    use crate::rng::Rng;

    /// `n` people over features with the given numbers of values (the first values more
    /// common), quotas around each value's share of a panel of `size`; every fifth pair of
    /// people shares a household when `households` is set.
    fn pool(n: usize, values: &[usize], size: u32, households: bool, rng: &mut Rng) -> Pool {
        let rows: Vec<Vec<usize>> = (0..n)
            .map(|_| {
                values
                    .iter()
                    .map(|&k| rng.below(k).min(rng.below(k)))
                    .collect()
            })
            .collect();
        let features: Vec<Feature> = values
            .iter()
            .enumerate()
            .map(|(f, &k)| Feature {
                name: format!("f{f}"),
                quotas: (0..k)
                    .map(|v| {
                        let share = rows.iter().filter(|r| r[f] == v).count() as f64 / n as f64;
                        let expected = share * f64::from(size);
                        Quota {
                            value: format!("v{v}"),
                            min: (expected * 0.8).floor() as u32,
                            max: (expected * 1.2).ceil() as u32 + 1,
                        }
                    })
                    .collect(),
            })
            .collect();
        let people = rows
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let mut person = Person::new(format!("p{i}"), v, &features);
                if households && i % 10 < 2 {
                    person.household = Some(format!("h{}", i / 10));
                }
                person
            })
            .collect();
        Pool::new(features, people)
    }

    /// Our branch and bound finds panels as heavy as microlp's, on pools with and without
    /// shared households, under spread and under tied weights (where many panels are
    /// equally heavy), and each panel it gives meets the quotas.
    #[test]
    fn our_panel_search_finds_the_heaviest_panel_microlp_finds() {
        let mut rng = Rng::new(29);
        let mut ours_answered = 0;
        for (case, households) in [(0, false), (1, true), (2, false)] {
            let pool = pool(300 + 100 * case, &[2, 3, 4, 3], 30, households, &mut rng);
            let types = Types::of(&pool, households);
            let program = PanelProgram::new(&pool, &types, 30);
            let search = SearchProgram::new(&program).expect("a small program");
            for round in 0..40 {
                let per_person: Vec<f64> = (0..types.len())
                    .map(|t| {
                        let w = if round % 4 == 0 {
                            1.0 + (t % 3) as f64 // many ties
                        } else {
                            rng.unit()
                        };
                        w / types.size(t)
                    })
                    .collect();
                let reference = program
                    .search_by_microlp(&per_person, None)
                    .unwrap()
                    .expect("a panel");
                let theirs = weight(&reference, &per_person);
                let tolerance = 1e-9 * theirs.abs().max(1.0);
                match search.best(&per_person, None) {
                    Ok(found) => {
                        assert!(search.meets_quotas(&found.panel));
                        let ours = weight(&found.panel, &per_person);
                        assert!((ours - found.weight).abs() <= tolerance);
                        if found.proven {
                            ours_answered += 1;
                            assert!(
                                (ours - theirs).abs() <= tolerance,
                                "case {case} round {round}: {ours} against {theirs}"
                            );
                            assert_eq!(found.at_most, found.weight);
                        } else {
                            // Cut short: a panel no heavier than the best, and a bound
                            // no lighter.
                            assert!(ours <= theirs + tolerance, "case {case} round {round}");
                            assert!(
                                found.at_most >= theirs - tolerance,
                                "case {case} round {round}: bound {} below {theirs}",
                                found.at_most
                            );
                        }
                    }
                    Err(e) => assert_eq!(e, Unsolved::GaveUp, "case {case} round {round}"),
                }
            }
        }
        // Giving up is the exception, not the rule.
        assert!(ours_answered >= 100, "ours answered {ours_answered} of 120");
    }
}
