//! A leximin stage's master linear program, solved by a dense revised simplex that keeps
//! its basis while column generation adds panels.
//!
//! The program, over the known panels' probabilities (lambda), is the primal of
//! [`crate::dual`]'s stage dual:
//!
//! ```text
//! maximise z
//!   sum_p a[t][p] lambda[p] - z - s[t] = 0      for each type t not yet fixed
//!   sum_p a[t][p] lambda[p]     - s[t] = kept[t] for each fixed type t
//!   sum_p lambda[p]                    = 1
//!   lambda, z, s >= 0
//! ```
//!
//! where `a[t][p]` is panel p's share of type t. It has one row per type (and one more), a
//! few hundred to a few thousand, however many panels it knows. A new panel is a new
//! column: the last basis stays feasible, so the simplex goes on from it with a few pivots
//! instead of starting again, which is why this beats rebuilding and refactorising the
//! dual (what microlp does for each added row). The basis inverse is kept dense and
//! updated at each pivot (O(rows²)); it is recomputed from scratch only when the solution
//! it gives drifts. The entering column is chosen by Devex pricing, which on the
//! sf_e-shaped pool took the later stages about a quarter less time than the largest
//! reduced cost (Dantzig's rule); partial pricing (a share of the columns per pivot) took
//! about twice the pivots and was dropped.
//!
//! The first stage starts from the basis of surpluses and artificial variables (one for
//! each fixed type and for the sum row), and first drives the artificial ones to zero
//! (phase one). Each later stage is the last one's program changed in place
//! ([`Master::next_stage`]), so it goes on from the last basis. The dual values of the
//! optimal basis are the stage dual's weights.

use crate::oracle::{Panel, Types};

/// Reduced costs above this let a column enter.
const OPTIMALITY: f64 = 1e-9;
/// Pivot entries below this are treated as zero.
const PIVOT: f64 = 1e-6;
/// Harris's ratio test lets basic values go this far below zero, to pick larger pivots.
const FEASIBILITY: f64 = 1e-9;
/// After this many degenerate pivots in a row, Bland's rule takes over (it cannot cycle).
const DEGENERATE_BEFORE_BLAND: usize = 50;
/// Every this many pivots, the basic values are checked against the rows.
const CHECK_EVERY: usize = 500;
/// A residual above this has the basis inverse recomputed.
const DRIFT: f64 = 1e-5;
/// A safety net on the pivots of one solve.
const MAX_PIVOTS: usize = 1_000_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Panel,
    Z,
    Surplus,
    Artificial,
}

struct Column {
    kind: Kind,
    /// For a panel, its index in the panels given and added.
    panel: usize,
    /// Sparse entries (row, coefficient).
    entries: Vec<(usize, f64)>,
    /// For a panel, its entries as (row, people of the row's type): the coefficient is
    /// the count times the row's scale (see `Master::row_scale`). Pricing reads these,
    /// a third of the bytes of `entries`.
    counts: Vec<(u32, u32)>,
}

/// Why the master program could not be solved; the caller falls back to another solver.
#[derive(Debug)]
pub(crate) struct MasterFailed(#[allow(dead_code)] pub String);

pub(crate) struct Master {
    rows: usize,
    columns: Vec<Column>,
    rhs: Vec<f64>,
    /// The column basic in each row position.
    basis: Vec<usize>,
    /// For each column, its basis position, if basic.
    position: Vec<Option<usize>>,
    /// The basis inverse, dense, column after column (`inverse[k * rows + i]` is row i of
    /// column k), so that both B⁻¹ a and the pivot's update run along contiguous memory.
    inverse: Vec<f64>,
    /// The basic columns' values, by position.
    values: Vec<f64>,
    phase_one: bool,
    pivots: usize,
    /// The residual above which the basis inverse is recomputed (see `check_drift`).
    drift_allowed: f64,
    panel_count: usize,
    /// The stage's value is this plus z: after a hand-over (see `next_stage`), z is the
    /// rise above the last stage's value.
    offset: f64,
    /// Each row's coefficient per person of a panel: one over the type's size (one for
    /// the sum row).
    row_scale: Vec<f64>,
    /// Whether the entering column is chosen by Devex pricing (after the first solve) or
    /// by the largest reduced cost (while solving from scratch, see `new`).
    devex: bool,
}

impl Master {
    /// The stage's program over the given panels, solved.
    /// `start` lists panels to bring into the basis before the simplex proper (the last
    /// stage's basic panels): phase one then has little left to do.
    pub fn new(
        types: &Types,
        panels: &[Panel],
        kept: &[Option<f64>],
        start: &[Panel],
    ) -> Result<Master, MasterFailed> {
        let n_types = types.len();
        let rows = n_types + 1;
        let mut master = Master {
            rows,
            columns: Vec::new(),
            rhs: (0..n_types)
                .map(|t| kept[t].unwrap_or(0.0))
                .chain([1.0])
                .collect(),
            basis: vec![usize::MAX; rows],
            position: Vec::new(),
            inverse: vec![0.0; rows * rows],
            values: vec![0.0; rows],
            phase_one: true,
            pivots: 0,
            drift_allowed: DRIFT,
            offset: 0.0,
            panel_count: 0,
            row_scale: (0..n_types)
                .map(|t| 1.0 / types.size(t))
                .chain([1.0])
                .collect(),
            devex: false,
        };
        let unfixed: Vec<(usize, f64)> = (0..n_types)
            .filter(|&t| kept[t].is_none())
            .map(|t| (t, -1.0))
            .collect();
        master.push(Kind::Z, unfixed);
        for t in 0..n_types {
            let surplus = master.push(Kind::Surplus, vec![(t, -1.0)]);
            if master.rhs[t] <= 0.0 {
                master.make_basic(t, surplus, -1.0);
            }
        }
        for t in 0..n_types {
            if master.rhs[t] > 0.0 {
                let artificial = master.push(Kind::Artificial, vec![(t, 1.0)]);
                master.make_basic(t, artificial, 1.0);
            }
        }
        let artificial = master.push(Kind::Artificial, vec![(n_types, 1.0)]);
        master.make_basic(n_types, artificial, 1.0);
        for panel in panels {
            master.push_panel(types, panel);
        }
        master.crash(panels, start);
        master.optimise()?;
        if master.artificial_total() > 1e-7 {
            return Err(MasterFailed(
                "the known panels do not reach the fixed probabilities".into(),
            ));
        }
        master.phase_one = false;
        master.drive_out_artificials();
        master.optimise()?;
        master.devex = true;
        Ok(master)
    }

    /// Adds panels as columns and solves again from the current basis.
    pub fn add_panels(&mut self, types: &Types, panels: &[Panel]) -> Result<(), MasterFailed> {
        for panel in panels {
            self.push_panel(types, panel);
        }
        self.optimise()
    }

    /// Turns the solved stage into the next one in place, keeping its basis: the types in
    /// `now_fixed` keep at least the stage's value, the panels not in `keep` are dropped
    /// (they must be non-basic), and the program is solved again from the current basis.
    /// When no type is left unfixed, the solution is left as it is (the final distribution).
    ///
    /// z becomes the rise above the stage's value v: every row z was in gets v on its right
    /// (the fixed types' rows lose z, the others keep it), so the current solution, with z
    /// at zero, still meets every row, and the simplex goes on from it, with no phase one.
    /// In the basis, z gives its place to the surplus of the fixed type with the largest
    /// weight (zero in the solution, since the row is tight): the weight is the basis
    /// inverse's entry there, so the update (a rank-one one, like a pivot's) is regular.
    pub fn next_stage(&mut self, now_fixed: &[usize], keep: &[bool]) -> Result<(), MasterFailed> {
        self.retain_panels(keep)?;
        let value = self.offset + self.basis_value(0);
        let fixed: std::collections::HashSet<usize> = now_fixed.iter().copied().collect();
        for &(t, _) in &self.columns[0].entries {
            self.rhs[t] = value;
        }
        self.columns[0].entries.retain(|(t, _)| !fixed.contains(t));
        if self.columns[0].entries.is_empty() {
            return Ok(());
        }
        self.offset = value;
        if let Some(k) = self.position[0] {
            let n = self.rows;
            // B⁻¹ (-e_t) is minus column t of the inverse; its entry k is t's weight.
            let (t, weight) = now_fixed
                .iter()
                .map(|&t| (t, -self.inverse[t * n + k]))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .ok_or_else(|| MasterFailed("no type was fixed".into()))?;
            let surplus = 1 + t;
            debug_assert!(self.columns[surplus].kind == Kind::Surplus);
            debug_assert!(self.columns[surplus].entries == [(t, -1.0)]);
            if weight < PIVOT || self.position[surplus].is_some() {
                return Err(MasterFailed("no surplus can take z's place".into()));
            }
            let u: Vec<f64> = self.inverse[t * n..(t + 1) * n]
                .iter()
                .map(|b| -b)
                .collect();
            self.update_inverse(k, &u);
            self.values[k] = 0.0;
            self.position[0] = None;
            self.basis[k] = surplus;
            self.position[surplus] = Some(k);
        }
        self.check_drift()?;
        self.optimise()
    }

    /// Drops the panel columns not in `keep` (by panel index) and numbers the others
    /// again in order.
    pub fn retain_panels(&mut self, keep: &[bool]) -> Result<(), MasterFailed> {
        let dropped =
            |c: &Column| c.kind == Kind::Panel && !keep.get(c.panel).copied().unwrap_or(true);
        if (0..self.columns.len()).any(|j| self.position[j].is_some() && dropped(&self.columns[j]))
        {
            return Err(MasterFailed("a dropped panel is basic".into()));
        }
        let mut new_index = vec![usize::MAX; self.columns.len()];
        let mut columns = Vec::with_capacity(self.columns.len());
        let mut position = Vec::with_capacity(self.columns.len());
        let mut panel_count = 0;
        for (j, mut column) in std::mem::take(&mut self.columns).into_iter().enumerate() {
            if dropped(&column) {
                continue;
            }
            if column.kind == Kind::Panel {
                column.panel = panel_count;
                panel_count += 1;
            }
            new_index[j] = columns.len();
            columns.push(column);
            position.push(self.position[j]);
        }
        self.basis.iter_mut().for_each(|j| *j = new_index[*j]);
        self.columns = columns;
        self.position = position;
        self.panel_count = panel_count;
        Ok(())
    }

    /// The type weights (the stage dual's), the cap (the sum row's dual value) and the
    /// objective.
    pub fn point(&self) -> (Vec<f64>, f64, f64) {
        let y = self.duals();
        let weights = y[..self.rows - 1].iter().map(|&v| (-v).max(0.0)).collect();
        let value = self.offset + self.basis_value(0);
        (weights, y[self.rows - 1], value)
    }

    /// Pivots the panels of `start` into the basis, each where the ratio test allows.
    fn crash(&mut self, panels: &[Panel], start: &[Panel]) {
        let wanted: std::collections::HashSet<&Panel> = start.iter().collect();
        for j in 0..self.columns.len() {
            let column = &self.columns[j];
            if column.kind != Kind::Panel || !wanted.contains(&panels[column.panel]) {
                continue;
            }
            let direction = self.direction(j);
            if let Some(leaving) = self.leaving(&direction, false) {
                self.pivot(j, leaving, &direction);
            }
        }
    }

    /// The indices (among those given and added) of the panels in the basis.
    pub fn basic_panels(&self) -> Vec<usize> {
        self.basis
            .iter()
            .filter(|&&j| self.columns[j].kind == Kind::Panel)
            .map(|&j| self.columns[j].panel)
            .collect()
    }

    /// The panels' probabilities in the solution, in the order the panels were given and
    /// added, normalised to sum to one (tiny ones dropped).
    pub fn panel_values(&self) -> Vec<f64> {
        let mut values: Vec<f64> = (0..self.columns.len())
            .filter(|&j| self.columns[j].kind == Kind::Panel)
            .map(|j| self.basis_value(j).max(0.0))
            .map(|v| if v < 1e-12 { 0.0 } else { v })
            .collect();
        let total: f64 = values.iter().sum();
        values.iter_mut().for_each(|v| *v /= total);
        values
    }

    fn push(&mut self, kind: Kind, entries: Vec<(usize, f64)>) -> usize {
        let panel = self.panel_count;
        if kind == Kind::Panel {
            self.panel_count += 1;
        }
        self.columns.push(Column {
            kind,
            panel,
            entries,
            counts: Vec::new(),
        });
        self.position.push(None);
        self.columns.len() - 1
    }

    fn push_panel(&mut self, types: &Types, panel: &Panel) {
        let mut entries: Vec<(usize, f64)> = panel
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(t, &n)| (t, n as f64 / types.size(t)))
            .collect();
        entries.push((self.rows - 1, 1.0));
        let counts = panel
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(t, &n)| (t as u32, n))
            .chain([(self.rows as u32 - 1, 1)])
            .collect();
        let j = self.push(Kind::Panel, entries);
        self.columns[j].counts = counts;
    }

    /// Makes a unit column basic in its own row (only while the basis is diagonal).
    fn make_basic(&mut self, row: usize, column: usize, sign: f64) {
        self.basis[row] = column;
        self.position[column] = Some(row);
        self.inverse[row * self.rows + row] = 1.0 / sign; // diagonal: same either way
        self.values[row] = self.rhs[row] / sign;
    }

    fn cost(&self, column: usize) -> f64 {
        match (self.phase_one, self.columns[column].kind) {
            (true, Kind::Artificial) => -1.0,
            (false, Kind::Z) => 1.0,
            _ => 0.0,
        }
    }

    fn basis_value(&self, column: usize) -> f64 {
        self.position[column].map_or(0.0, |r| self.values[r])
    }

    fn artificial_total(&self) -> f64 {
        (0..self.columns.len())
            .filter(|&j| self.columns[j].kind == Kind::Artificial)
            .map(|j| self.basis_value(j))
            .sum()
    }

    /// The dual values: the basic costs times the basis inverse.
    fn duals(&self) -> Vec<f64> {
        let costs: Vec<(usize, f64)> = (0..self.rows)
            .map(|r| (r, self.cost(self.basis[r])))
            .filter(|&(_, c)| c != 0.0)
            .collect();
        (0..self.rows)
            .map(|k| {
                let column = &self.inverse[k * self.rows..(k + 1) * self.rows];
                costs.iter().map(|&(r, c)| c * column[r]).sum()
            })
            .collect()
    }

    fn reduced_cost(&self, column: usize, y: &[f64]) -> f64 {
        let priced: f64 = self.columns[column]
            .entries
            .iter()
            .map(|&(r, a)| y[r] * a)
            .sum();
        self.cost(column) - priced
    }

    /// Pivots until no column improves the objective, choosing the entering column by Devex
    /// pricing (Forrest and Goldfarb's approximate steepest edge): the largest squared
    /// reduced cost over the column's reference weight. Each pivot computes the leaving
    /// row of B⁻¹ A once, which updates both the reduced costs and the weights; both are
    /// recomputed from the dual values whenever the basic values are checked, and before
    /// optimality is declared.
    fn optimise(&mut self) -> Result<(), MasterFailed> {
        let n = self.rows;
        let count = self.columns.len();
        let mut degenerate = 0;
        let mut y = self.duals();
        let mut d = self.reduced_costs(&y);
        let mut w = vec![1.0; count];
        let dantzig = !self.devex;
        let mut fresh = true;
        for _ in 0..MAX_PIVOTS {
            let bland = degenerate >= DEGENERATE_BEFORE_BLAND;
            let mut best: Option<(usize, f64)> = None;
            for j in 0..count {
                if d[j] <= OPTIMALITY
                    || self.position[j].is_some()
                    || (!self.phase_one && self.columns[j].kind == Kind::Artificial)
                {
                    continue;
                }
                if bland {
                    best = Some((j, 0.0));
                    break;
                }
                let score = d[j] * d[j] / w[j];
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((j, score));
                }
            }
            let Some((entering, _)) = best else {
                if fresh {
                    return Ok(());
                }
                y = self.duals();
                d = self.reduced_costs(&y);
                fresh = true;
                continue;
            };
            let direction = self.direction(entering);
            let Some(leaving) = self.leaving(&direction, bland) else {
                return Err(MasterFailed("the master program is unbounded".into()));
            };
            let pivot = direction[leaving];
            let rho: Vec<f64> = (0..n).map(|k| self.inverse[k * n + leaving]).collect();
            let rho_per_person: Vec<f64> = rho
                .iter()
                .zip(&self.row_scale)
                .map(|(r, s)| r * s)
                .collect();
            let ratio = d[entering] / pivot;
            let weight = w[entering];
            for j in 0..count {
                if self.position[j].is_some() || j == entering {
                    continue;
                }
                let column = &self.columns[j];
                let alpha: f64 = if column.kind == Kind::Panel {
                    column
                        .counts
                        .iter()
                        .map(|&(r, c)| rho_per_person[r as usize] * c as f64)
                        .sum()
                } else {
                    column.entries.iter().map(|&(r, a)| rho[r] * a).sum()
                };
                if alpha != 0.0 {
                    d[j] -= ratio * alpha;
                    let g = alpha / pivot;
                    if !dantzig {
                        w[j] = w[j].max(g * g * weight);
                    }
                }
            }
            let left = self.basis[leaving];
            d[left] = -ratio;
            if !dantzig {
                w[left] = (weight / (pivot * pivot)).max(1.0);
            }
            d[entering] = 0.0;
            y.iter_mut().zip(&rho).for_each(|(y, r)| *y += ratio * r);
            let step = self.pivot(entering, leaving, &direction);
            fresh = false;
            degenerate = if step > FEASIBILITY {
                0
            } else {
                degenerate + 1
            };
            if self.pivots.is_multiple_of(CHECK_EVERY) {
                self.check_drift()?;
                y = self.duals();
                d = self.reduced_costs(&y);
            }
        }
        Err(MasterFailed("the master program did not finish".into()))
    }

    /// Every column's reduced cost (zero for the basic ones).
    fn reduced_costs(&self, y: &[f64]) -> Vec<f64> {
        (0..self.columns.len())
            .map(|j| {
                if self.position[j].is_some() {
                    0.0
                } else {
                    self.reduced_cost(j, y)
                }
            })
            .collect()
    }

    /// The entering column in terms of the basis: B⁻¹ a.
    fn direction(&self, column: usize) -> Vec<f64> {
        let mut u = vec![0.0; self.rows];
        for &(r, a) in &self.columns[column].entries {
            let inverse_column = &self.inverse[r * self.rows..(r + 1) * self.rows];
            u.iter_mut()
                .zip(inverse_column)
                .for_each(|(u, b)| *u += b * a);
        }
        u
    }

    /// The leaving position by Harris's two-pass ratio test (largest pivot among the
    /// nearly tied), or the lowest column index among ties under Bland's rule. A basic
    /// artificial column left after phase one must stay at zero, so it blocks any move.
    fn leaving(&self, u: &[f64], bland: bool) -> Option<usize> {
        let locked =
            |r: usize| !self.phase_one && self.columns[self.basis[r]].kind == Kind::Artificial;
        let candidates: Vec<usize> = (0..self.rows)
            .filter(|&r| u[r] > PIVOT || (locked(r) && u[r].abs() > PIVOT))
            .collect();
        if let Some(&r) = candidates.iter().find(|&&r| locked(r)) {
            return Some(r);
        }
        let loosest = candidates
            .iter()
            .map(|&r| (self.values[r].max(0.0) + FEASIBILITY) / u[r])
            .fold(f64::INFINITY, f64::min);
        let within = candidates
            .into_iter()
            .filter(|&r| self.values[r].max(0.0) / u[r] <= loosest);
        if bland {
            within.min_by_key(|&r| self.basis[r])
        } else {
            within.max_by(|&a, &b| u[a].total_cmp(&u[b]))
        }
    }

    /// Brings `entering` into the basis at position `leaving`; returns the step length.
    fn pivot(&mut self, entering: usize, leaving: usize, u: &[f64]) -> f64 {
        let step = (self.values[leaving].max(0.0) / u[leaving]).max(0.0);
        for (i, value) in self.values.iter_mut().enumerate() {
            // Not clamped at zero: Harris's test may leave a value a hair below it, and
            // clamping would make the values drift away from the rows.
            if i != leaving {
                *value -= step * u[i];
            }
        }
        self.values[leaving] = step;
        self.update_inverse(leaving, u);
        self.position[self.basis[leaving]] = None;
        self.basis[leaving] = entering;
        self.position[entering] = Some(leaving);
        self.pivots += 1;
        step
    }

    /// B⁻¹ becomes E B⁻¹, E the elementary matrix of the pivot on `u` (the entering column
    /// in terms of the basis) at position `leaving`: in every column, the pivot row's entry
    /// p becomes p / u[leaving] and the others lose u[i] times that. When u is mostly
    /// zeros, only its non-zero rows are touched.
    fn update_inverse(&mut self, leaving: usize, u: &[f64]) {
        let n = self.rows;
        let nonzero: Vec<usize> = (0..n).filter(|&i| u[i] != 0.0).collect();
        let sparse = nonzero.len() * 3 < n;
        for column in self.inverse.chunks_exact_mut(n) {
            let p = column[leaving];
            if p != 0.0 {
                let p = p / u[leaving];
                if sparse {
                    nonzero.iter().for_each(|&i| column[i] -= u[i] * p);
                } else {
                    column.iter_mut().zip(u).for_each(|(b, &ui)| *b -= ui * p);
                }
                column[leaving] = p;
            }
        }
    }

    /// Drives artificial columns still basic (at zero) out of the basis, pivoting on any
    /// other column with a non-zero entry in their row; a redundant row keeps its
    /// artificial, locked at zero.
    fn drive_out_artificials(&mut self) {
        for r in 0..self.rows {
            if self.columns[self.basis[r]].kind != Kind::Artificial {
                continue;
            }
            let replacement = (0..self.columns.len()).find_map(|j| {
                if self.position[j].is_some() || self.columns[j].kind == Kind::Artificial {
                    return None;
                }
                let u = self.direction(j);
                (u[r].abs() > 1e-7).then_some((j, u))
            });
            if let Some((j, u)) = replacement {
                self.pivot(j, r, &u);
            }
        }
    }

    /// Recomputes the basis inverse and the basic values if the rows are no longer met.
    /// A fresh inverse is only as exact as the basis allows: when even it leaves a residual
    /// near the threshold, the threshold rises to ten times that residual, so that a basis
    /// is not refactorised again and again for nothing.
    fn check_drift(&mut self) -> Result<(), MasterFailed> {
        if self.residual() <= self.drift_allowed {
            return Ok(());
        }
        self.refactorise()?;
        self.drift_allowed = DRIFT.max(10.0 * self.residual());
        Ok(())
    }

    /// The largest amount by which the basic values miss a row.
    fn residual(&self) -> f64 {
        let mut residual = self.rhs.clone();
        for (r, &column) in self.basis.iter().enumerate() {
            for &(row, a) in &self.columns[column].entries {
                residual[row] -= a * self.values[r];
            }
        }
        residual.iter().map(|v| v.abs()).fold(0.0, f64::max)
    }

    /// The basis inverse by Gauss-Jordan elimination with partial pivoting.
    fn refactorise(&mut self) -> Result<(), MasterFailed> {
        let n = self.rows;
        let mut matrix = vec![0.0; n * n];
        for (r, &column) in self.basis.iter().enumerate() {
            for &(row, a) in &self.columns[column].entries {
                matrix[row * n + r] = a;
            }
        }
        let inverse =
            invert(matrix, n).ok_or_else(|| MasterFailed("the basis became singular".into()))?;
        // `inverse` is row-major here; stored column after column.
        self.inverse = (0..n * n)
            .map(|at| inverse[(at % n) * n + at / n])
            .collect();
        for r in 0..n {
            let row = &inverse[r * n..(r + 1) * n];
            self.values[r] = row.iter().zip(&self.rhs).map(|(b, v)| b * v).sum::<f64>();
        }
        Ok(())
    }
}

/// The inverse of an m × m matrix (row after row) by Gauss-Jordan elimination with
/// partial pivoting, or None if it is singular (also used by `search`'s programs).
pub(crate) fn invert(mut matrix: Vec<f64>, m: usize) -> Option<Vec<f64>> {
    let mut inverse = vec![0.0; m * m];
    (0..m).for_each(|i| inverse[i * m + i] = 1.0);
    for col in 0..m {
        let pivot_row = (col..m).max_by(|&a, &b| {
            matrix[a * m + col]
                .abs()
                .total_cmp(&matrix[b * m + col].abs())
        })?;
        let pivot = matrix[pivot_row * m + col];
        if pivot.abs() < 1e-12 {
            return None;
        }
        for k in 0..m {
            matrix.swap(col * m + k, pivot_row * m + k);
            inverse.swap(col * m + k, pivot_row * m + k);
        }
        for k in 0..m {
            matrix[col * m + k] /= pivot;
            inverse[col * m + k] /= pivot;
        }
        for i in (0..m).filter(|&i| i != col) {
            let factor = matrix[i * m + col];
            if factor != 0.0 {
                for k in 0..m {
                    matrix[i * m + k] -= factor * matrix[col * m + k];
                    inverse[i * m + k] -= factor * inverse[col * m + k];
                }
            }
        }
    }
    Some(inverse)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::Master;
    use crate::oracle::{Panel, PanelProgram, Types};
    use crate::pool::{Feature, Person, Pool, Quota};

    /// One woman and two men; every panel of two takes the woman and one man (the woman
    /// is type 0, the men type 1).
    pub(crate) fn one_woman_two_men() -> (Pool, Types) {
        let quota = |value: &str, min, max| Quota {
            value: value.into(),
            min,
            max,
        };
        let features = vec![Feature {
            name: "gender".into(),
            quotas: vec![quota("woman", 1, 1), quota("man", 0, 2)],
        }];
        let people = [0, 1, 1]
            .iter()
            .enumerate()
            .map(|(i, &v)| Person::new(format!("p{i}"), vec![v], &features))
            .collect();
        let pool = Pool::new(features, people);
        let types = Types::of(&pool, false);
        (pool, types)
    }

    #[test]
    fn the_lowest_probability_and_its_weights() {
        let (_, types) = one_woman_two_men();
        let master = Master::new(&types, &[vec![1, 1]], &[None, None], &[]).unwrap();
        let (weights, cap, value) = master.point();
        // The men share a seat (1/2 each): they hold the stage down, the woman (always
        // chosen) does not.
        assert!((value - 0.5).abs() < 1e-9, "{value}");
        assert!((cap - 0.5).abs() < 1e-9, "{cap}");
        assert!(
            weights[0].abs() < 1e-9 && (weights[1] - 1.0).abs() < 1e-9,
            "{weights:?}"
        );
        assert_eq!(master.panel_values(), vec![1.0]);
    }

    #[test]
    fn a_fixed_type_keeps_its_probability_and_the_others_rise() {
        let (_, types) = one_woman_two_men();
        let panels = [vec![1, 1]];
        let mut master = Master::new(&types, &panels, &[None, Some(0.5)], &panels).unwrap();
        let (_, _, value) = master.point();
        assert!((value - 1.0).abs() < 1e-9, "{value}");
        // A second panel changes nothing the quotas allow: still the woman and one man.
        master.add_panels(&types, &[vec![1, 1]]).unwrap();
        assert!((master.point().2 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn fixed_probabilities_out_of_reach_are_refused() {
        let (_, types) = one_woman_two_men();
        assert!(Master::new(&types, &[vec![1, 1]], &[None, Some(0.9)], &[]).is_err());
    }

    /// Twelve people over two features (three ages, two areas), panels of four.
    fn twelve_people() -> (Pool, Types) {
        let rows = [
            [0, 0],
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
            [1, 1],
            [1, 1],
            [2, 0],
            [2, 0],
            [2, 0],
            [2, 1],
            [0, 1],
        ];
        ages_and_areas(&rows, 3)
    }

    /// People given as (age, area) value pairs: one or two of each of three ages, one to
    /// `most_per_area` of each of two areas.
    pub(crate) fn ages_and_areas(rows: &[[usize; 2]], most_per_area: u32) -> (Pool, Types) {
        let quota = |value: &str, min, max| Quota {
            value: value.into(),
            min,
            max,
        };
        let features = vec![
            Feature {
                name: "age".into(),
                quotas: vec![
                    quota("young", 1, 2),
                    quota("middle", 1, 2),
                    quota("old", 1, 2),
                ],
            },
            Feature {
                name: "area".into(),
                quotas: vec![
                    quota("north", 1, most_per_area),
                    quota("south", 1, most_per_area),
                ],
            },
        ];
        let people = rows
            .iter()
            .enumerate()
            .map(|(i, v)| Person::new(format!("p{i}"), v.to_vec(), &features))
            .collect();
        let pool = Pool::new(features, people);
        let types = Types::of(&pool, false);
        (pool, types)
    }

    /// Varied panels: the heaviest for `searches` weightings, type t's weight in the k-th
    /// being 1 + (t × step + 3k) mod `modulus`.
    pub(crate) fn varied_panels(
        program: &PanelProgram,
        searches: usize,
        step: usize,
        modulus: usize,
    ) -> Vec<Panel> {
        let mut panels = Vec::new();
        for k in 0..searches {
            let weights: Vec<f64> = (0..program.types.len())
                .map(|t| 1.0 + ((t * step + k * 3) % modulus) as f64)
                .collect();
            let panel = program.best_panel(&weights).unwrap().unwrap();
            if !panels.contains(&panel) {
                panels.push(panel);
            }
        }
        panels
    }

    #[test]
    fn a_handed_over_stage_reaches_what_a_fresh_one_does() {
        let (pool, types) = twelve_people();
        let program = PanelProgram::new(&pool, &types, 4);
        let panels = varied_panels(&program, types.len(), 7, 5);
        let mut fixed: Vec<Option<f64>> = vec![None; types.len()];
        let mut master = Master::new(&types, &panels, &fixed, &[]).unwrap();
        while fixed.iter().any(Option::is_none) {
            let (weights, _, value) = master.point();
            let now_fixed: Vec<usize> = (0..types.len())
                .filter(|&t| fixed[t].is_none() && weights[t] > 1e-7)
                .collect();
            assert!(!now_fixed.is_empty());
            now_fixed.iter().for_each(|&t| fixed[t] = Some(value));
            let keep = vec![true; panels.len()];
            master.next_stage(&now_fixed, &keep).unwrap();
            if fixed.iter().any(Option::is_none) {
                let fresh = Master::new(&types, &panels, &fixed, &[]).unwrap();
                let (handed, fresh) = (master.point().2, fresh.point().2);
                assert!((handed - fresh).abs() < 1e-9, "{handed} against {fresh}");
            }
        }
        // The last solution gives every type its fixed probability.
        let values = master.panel_values();
        for t in 0..types.len() {
            let p: f64 = panels
                .iter()
                .zip(&values)
                .map(|(panel, v)| v * panel[t] as f64 / types.size(t))
                .sum();
            assert!(p >= fixed[t].unwrap() - 1e-9, "type {t}: {p}");
        }
    }
}
