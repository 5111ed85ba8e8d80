//! A leximin stage's dual over the known panels, solved by one of three pure-Rust solvers:
//!
//! minimise cap - sum(fixed probability x weight) with every known panel's weight at most
//! cap and the unfixed types' weights summing to one (weights non-negative). Its optimum
//! is the stage's value from above; the panels' shadow prices are a distribution over them.
//!
//! - [`LpSolver::Revised`]: our own revised simplex on the stage's primal (see
//!   [`crate::master`]), which adds each new panel as a column and goes on from its basis.
//! - [`LpSolver::Microlp`]: dual simplex, adding each new panel as a row to the last basis.
//!   Each row rebuilds and refactorises the whole constraint matrix, which is what makes
//!   it slow once a stage knows hundreds of panels and the pool has hundreds of types.
//! - [`LpSolver::Clarabel`]: an interior-point method, solved afresh after each round's
//!   new panels. It needs no basis, so its cost grows with the matrix, not with the number
//!   of rounds; and it ends in the middle of the optimal face, so every type that cannot
//!   rise above the stage's value carries weight, and a stage fixes all of them at once
//!   (a simplex vertex may show only some, leaving the rest to extra stages).

use clarabel::algebra::CscMatrix;
use clarabel::solver::{
    DefaultSettingsBuilder, DefaultSolver, IPSolver, NonnegativeConeT, SolverStatus, ZeroConeT,
};
use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem};

use crate::leximin::{MARGIN, solve};
use crate::master::Master;
use crate::oracle::{Panel, Types};
use crate::{LpSolver, SelectError};

/// A solved stage dual.
pub(crate) struct DualPoint {
    /// One weight per type.
    pub weights: Vec<f64>,
    /// The heaviest known panel's weight.
    pub cap: f64,
    /// The objective: the stage's value over the known panels.
    pub value: f64,
}

pub(crate) enum StageDual {
    Revised(Master),
    Microlp(MicrolpDual),
    Clarabel(DualPoint),
}

impl StageDual {
    /// The dual for the known panels. Should rounding leave the fixed probabilities just out
    /// of the panels' reach (the dual then has no bottom), they are kept with a wider margin.
    /// `start`: panels the revised simplex brings into its first basis (see
    /// [`Master::new`]); the other solvers ignore it.
    pub fn new(
        solver: LpSolver,
        types: &Types,
        panels: &[Panel],
        fixed: &[Option<f64>],
        start: &[Panel],
    ) -> Result<Self, SelectError> {
        let mut margin = MARGIN;
        loop {
            let result = match solver {
                LpSolver::Revised => {
                    let kept: Vec<Option<f64>> = fixed
                        .iter()
                        .map(|&p| p.map(|p| kept(Some(p), margin)))
                        .collect();
                    match Master::new(types, panels, &kept, start) {
                        Ok(master) => Ok(StageDual::Revised(master)),
                        // Numerical trouble in our simplex: microlp solves this stage.
                        Err(_) => StageDual::new(LpSolver::Microlp, types, panels, fixed, &[]),
                    }
                }
                LpSolver::Microlp => {
                    MicrolpDual::new(types, panels, fixed, margin).map(StageDual::Microlp)
                }
                LpSolver::Clarabel => {
                    clarabel_dual(types, panels, fixed, margin).map(StageDual::Clarabel)
                }
            };
            match result {
                Err(_) if margin < 1e-4 => margin *= 10.0,
                result => return result,
            }
        }
    }

    pub fn point(&self) -> DualPoint {
        match self {
            StageDual::Revised(master) => {
                let (weights, cap, value) = master.point();
                DualPoint {
                    weights,
                    cap,
                    value,
                }
            }
            StageDual::Microlp(dual) => dual.point(),
            StageDual::Clarabel(point) => DualPoint {
                weights: point.weights.clone(),
                cap: point.cap,
                value: point.value,
            },
        }
    }

    /// The dual once `panels[known..]` are added to the panels it was solved for.
    pub fn add_panels(
        self,
        types: &Types,
        panels: &[Panel],
        known: usize,
        fixed: &[Option<f64>],
    ) -> Result<Self, SelectError> {
        match self {
            StageDual::Revised(mut master) => match master.add_panels(types, &panels[known..]) {
                Ok(()) => Ok(StageDual::Revised(master)),
                Err(_) => StageDual::new(LpSolver::Microlp, types, panels, fixed, &[]),
            },
            StageDual::Microlp(mut dual) => {
                for panel in &panels[known..] {
                    // A failed warm start (the factorisation lost precision) is solved
                    // again from scratch.
                    dual = match dual.add_panel(panel) {
                        Ok(dual) => dual,
                        Err(_) => {
                            return StageDual::new(LpSolver::Microlp, types, panels, fixed, &[]);
                        }
                    };
                }
                Ok(StageDual::Microlp(dual))
            }
            StageDual::Clarabel(_) => StageDual::new(LpSolver::Clarabel, types, panels, fixed, &[]),
        }
    }

    /// The panels in the revised simplex's basis (indices into the stage's panels); none for
    /// the other solvers.
    pub fn basic_panels(&self) -> Vec<usize> {
        match self {
            StageDual::Revised(master) => master.basic_panels(),
            _ => Vec::new(),
        }
    }

    /// Above this a type's weight counts as positive: the type cannot rise above the stage's
    /// value. The interior-point answer leaves tiny weights (about its tolerance) on types
    /// that could rise, so its threshold is wider; a type missed by it is fixed by the next
    /// stage at the same value, while a type fixed wrongly would be held down.
    pub fn positive_weight(&self) -> f64 {
        match self {
            StageDual::Revised(_) | StageDual::Microlp(_) => 1e-7,
            StageDual::Clarabel(_) => 1e-5,
        }
    }
}

/// The simplex dual, kept so that new panels warm-start from its basis.
pub(crate) struct MicrolpDual {
    solution: microlp::Solution,
    cap: microlp::Variable,
    weights: Vec<microlp::Variable>,
    sizes: Vec<f64>,
}

impl MicrolpDual {
    fn new(
        types: &Types,
        panels: &[Panel],
        fixed: &[Option<f64>],
        margin: f64,
    ) -> Result<Self, SelectError> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let cap = problem.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY));
        let weights: Vec<_> = fixed
            .iter()
            .map(|&p| problem.add_var(-kept(p, margin), (0.0, f64::INFINITY)))
            .collect();
        let sizes: Vec<f64> = (0..types.len()).map(|t| types.size(t)).collect();
        for panel in panels {
            problem.add_constraint(
                panel_row(panel, &weights, &sizes, cap),
                ComparisonOp::Le,
                0.0,
            );
        }
        let unfixed: LinearExpr = (0..types.len())
            .filter(|&t| fixed[t].is_none())
            .map(|t| (weights[t], 1.0))
            .collect();
        problem.add_constraint(unfixed, ComparisonOp::Eq, 1.0);
        Ok(MicrolpDual {
            solution: solve(&problem)?,
            cap,
            weights,
            sizes,
        })
    }

    fn point(&self) -> DualPoint {
        let s = &self.solution;
        DualPoint {
            weights: self.weights.iter().map(|&w| s.var_value(w)).collect(),
            cap: s.var_value(self.cap),
            value: s.objective(),
        }
    }

    fn add_panel(self, panel: &Panel) -> Result<Self, SelectError> {
        let row = panel_row(panel, &self.weights, &self.sizes, self.cap);
        let solution = self
            .solution
            .add_constraint(row, ComparisonOp::Le, 0.0)
            .map_err(|e| SelectError::Solver(format!("a linear program failed: {e}")))?
            .into_solution()
            .map_err(|_| SelectError::Solver("a linear program was interrupted".into()))?;
        Ok(MicrolpDual { solution, ..self })
    }
}

/// A fixed probability as the dual keeps it: a little below, so rounding never makes it
/// out of reach. Unfixed types keep nothing.
fn kept(fixed: Option<f64>, margin: f64) -> f64 {
    fixed.map_or(0.0, |p| (p - margin).max(0.0))
}

/// A panel's weight under the dual minus the cap.
fn panel_row(
    panel: &Panel,
    weights: &[microlp::Variable],
    sizes: &[f64],
    cap: microlp::Variable,
) -> LinearExpr {
    let mut expr: LinearExpr = panel
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(t, &n)| (weights[t], n as f64 / sizes[t]))
        .collect();
    expr.add(cap, -1.0);
    expr
}

/// The dual solved by Clarabel. Variables: cap, then one weight per type. Rows, in cone
/// order: the unfixed weights sum to one (zero cone); each panel's weight minus cap is at
/// most zero, and each weight at least zero (non-negative cone).
fn clarabel_dual(
    types: &Types,
    panels: &[Panel],
    fixed: &[Option<f64>],
    margin: f64,
) -> Result<DualPoint, SelectError> {
    let n_types = types.len();
    let (mut rows, mut cols, mut values) = (Vec::new(), Vec::new(), Vec::new());
    let mut entry = |row: usize, col: usize, value: f64| {
        rows.push(row);
        cols.push(col);
        values.push(value);
    };
    for t in (0..n_types).filter(|&t| fixed[t].is_none()) {
        entry(0, 1 + t, 1.0);
    }
    for (p, panel) in panels.iter().enumerate() {
        let row = 1 + p;
        entry(row, 0, -1.0);
        for (t, &n) in panel.iter().enumerate().filter(|&(_, &n)| n > 0) {
            entry(row, 1 + t, n as f64 / types.size(t));
        }
    }
    for t in 0..n_types {
        entry(1 + panels.len() + t, 1 + t, -1.0);
    }
    let n_rows = 1 + panels.len() + n_types;
    let n_vars = 1 + n_types;
    let a = CscMatrix::new_from_triplets(n_rows, n_vars, rows, cols, values);
    let mut b = vec![0.0; n_rows];
    b[0] = 1.0;
    let mut q = vec![1.0];
    q.extend(fixed.iter().map(|&p| -kept(p, margin)));
    let cones = [ZeroConeT(1), NonnegativeConeT(panels.len() + n_types)];
    let settings = DefaultSettingsBuilder::default()
        .verbose(false)
        .build()
        .map_err(|e| SelectError::Solver(format!("the LP settings: {e}")))?;
    let p = CscMatrix::zeros((n_vars, n_vars));
    let mut solver = DefaultSolver::new(&p, &q, &a, &b, &cones, settings)
        .map_err(|e| SelectError::Solver(format!("a linear program failed: {e}")))?;
    solver.solve();
    let solution = &solver.solution;
    match solution.status {
        SolverStatus::Solved | SolverStatus::AlmostSolved => Ok(DualPoint {
            cap: solution.x[0],
            weights: solution.x[1..].iter().map(|&w| w.max(0.0)).collect(),
            value: solution.obj_val,
        }),
        status => Err(SelectError::Solver(format!(
            "a linear program failed: {status:?}"
        ))),
    }
}
