//! A leximin stage's dual over the known panels, solved by one of three solvers:
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
//! - `LpSolver::Clp` (with the `clp` feature): COIN-OR CLP's primal simplex on the same
//!   program as `Revised` (see the `clp` module).
//! - `LpSolver::Highs` and `LpSolver::HighsMip` (with the `highs` feature): HiGHS's simplex
//!   on the same program (see the `highs` module).
//!
//! Clarabel (an interior-point method) was measured as another and lost clearly
//! (BENCHMARKS.md); it was taken out so that its dependencies cost CI no compile time.

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem};

#[cfg(feature = "clp")]
use crate::clp::ClpMaster;
#[cfg(feature = "highs")]
use crate::highs::HighsMaster;
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
    #[cfg(feature = "clp")]
    Clp(ClpMaster),
    #[cfg(feature = "highs")]
    Highs(HighsMaster),
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
                #[cfg(feature = "clp")]
                LpSolver::Clp => {
                    let kept: Vec<Option<f64>> = fixed
                        .iter()
                        .map(|&p| p.map(|p| kept(Some(p), margin)))
                        .collect();
                    match ClpMaster::new(types, panels, &kept) {
                        Ok(master) => Ok(StageDual::Clp(master)),
                        Err(e) => Err(SelectError::Solver(format!("CLP failed: {}", e.0))),
                    }
                }
                #[cfg(feature = "highs")]
                LpSolver::Highs | LpSolver::HighsMip => {
                    let kept: Vec<Option<f64>> = fixed
                        .iter()
                        .map(|&p| p.map(|p| kept(Some(p), margin)))
                        .collect();
                    match HighsMaster::new(types, panels, &kept) {
                        Ok(master) => Ok(StageDual::Highs(master)),
                        Err(e) => Err(SelectError::Solver(format!("HiGHS failed: {}", e.0))),
                    }
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
            #[cfg(feature = "clp")]
            StageDual::Clp(master) => {
                let (weights, cap, value) = master.point();
                DualPoint {
                    weights,
                    cap,
                    value,
                }
            }
            #[cfg(feature = "highs")]
            StageDual::Highs(master) => {
                let (weights, cap, value) = master.point();
                DualPoint {
                    weights,
                    cap,
                    value,
                }
            }
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
            #[cfg(feature = "clp")]
            StageDual::Clp(mut master) => match master.add_panels(types, &panels[known..]) {
                Ok(()) => Ok(StageDual::Clp(master)),
                Err(_) => StageDual::new(LpSolver::Clp, types, panels, fixed, &[]),
            },
            #[cfg(feature = "highs")]
            StageDual::Highs(mut master) => match master.add_panels(types, &panels[known..]) {
                Ok(()) => Ok(StageDual::Highs(master)),
                Err(_) => StageDual::new(LpSolver::Highs, types, panels, fixed, &[]),
            },
        }
    }

    /// The next stage's program, from this solved one: the types in `now_fixed` are fixed at
    /// the stage's value and the panels not in `keep` dropped, keeping the basis. None when
    /// the solver cannot (microlp) or the hand-over fails: the next stage starts afresh.
    pub fn next_stage(self, now_fixed: &[usize], keep: &[bool]) -> Option<Self> {
        match self {
            StageDual::Revised(mut master) => master
                .next_stage(now_fixed, keep)
                .ok()
                .map(|()| StageDual::Revised(master)),
            #[cfg(feature = "clp")]
            StageDual::Clp(mut master) => master
                .next_stage(now_fixed, keep)
                .ok()
                .map(|()| StageDual::Clp(master)),
            #[cfg(feature = "highs")]
            StageDual::Highs(mut master) => master
                .next_stage(now_fixed, keep)
                .ok()
                .map(|()| StageDual::Highs(master)),
            StageDual::Microlp(_) => None,
        }
    }

    /// Drops the panels not in `keep` (none of them basic) where the solver can: false
    /// where it cannot (the panels must then all stay).
    pub fn drop_panels(&mut self, keep: &[bool]) -> bool {
        match self {
            StageDual::Revised(master) => master.retain_panels(keep).is_ok(),
            _ => false,
        }
    }

    /// The panels' probabilities in the current solution (see [`Master::panel_values`]),
    /// when the solver keeps one.
    pub fn panel_values(&self) -> Option<Vec<f64>> {
        match self {
            StageDual::Revised(master) => Some(master.panel_values()),
            #[cfg(feature = "clp")]
            StageDual::Clp(master) => Some(master.panel_values()),
            #[cfg(feature = "highs")]
            StageDual::Highs(master) => Some(master.panel_values()),
            StageDual::Microlp(_) => None,
        }
    }

    /// The panels in the revised simplex's basis (indices into the stage's panels); none for
    /// the other solvers.
    pub fn basic_panels(&self) -> Vec<usize> {
        match self {
            StageDual::Revised(master) => master.basic_panels(),
            #[cfg(feature = "clp")]
            StageDual::Clp(master) => master.basic_panels(),
            #[cfg(feature = "highs")]
            StageDual::Highs(master) => master.basic_panels(),
            StageDual::Microlp(_) => Vec::new(),
        }
    }

    /// Above this a type's weight counts as positive: the type cannot rise above the stage's
    /// value.
    pub fn positive_weight(&self) -> f64 {
        1e-7
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
pub(crate) fn kept(fixed: Option<f64>, margin: f64) -> f64 {
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
