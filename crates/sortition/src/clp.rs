//! A leximin stage's master program solved by COIN-OR CLP (built with the `clp` feature;
//! needs the system's libClp, Debian's `coinor-libclp-dev`).
//!
//! The program is [`crate::master`]'s: over the known panels' probabilities (lambda),
//!
//! ```text
//! minimise -z
//!   sum_p a[t][p] lambda[p] - z >= 0        for each type t not yet fixed
//!   sum_p a[t][p] lambda[p]     >= kept[t]  for each fixed type t
//!   sum_p lambda[p]              = 1
//!   lambda, z >= 0
//! ```
//!
//! CLP keeps a sparse LU factorisation of the basis, so a pivot costs about the basis's
//! non-zeros, where our dense simplex pays rows². New panels are columns added to the solved
//! model, which the primal simplex re-optimises from its last basis. The row prices of the
//! optimal basis are the stage dual's type weights (non-negative for the `>=` rows of a
//! minimisation) and the sum row's price is minus the cap.
//!
//! The bindings below are our own declarations of the few functions of CLP's C interface
//! (`coin/Clp_C_Interface.h`) this module calls.

use std::ffi::c_int;

use crate::oracle::{Panel, Types};

/// CLP's model (`Clp_Simplex`), opaque.
#[repr(C)]
struct ClpSimplex {
    _private: [u8; 0],
}

#[link(name = "Clp")]
unsafe extern "C" {
    fn Clp_newModel() -> *mut ClpSimplex;
    fn Clp_deleteModel(model: *mut ClpSimplex);
    fn Clp_setLogLevel(model: *mut ClpSimplex, value: c_int);
    #[allow(clippy::too_many_arguments)]
    fn Clp_loadProblem(
        model: *mut ClpSimplex,
        columns: c_int,
        rows: c_int,
        starts: *const c_int,
        indices: *const c_int,
        values: *const f64,
        column_lower: *const f64,
        column_upper: *const f64,
        objective: *const f64,
        row_lower: *const f64,
        row_upper: *const f64,
    );
    fn Clp_addColumns(
        model: *mut ClpSimplex,
        number: c_int,
        column_lower: *const f64,
        column_upper: *const f64,
        objective: *const f64,
        starts: *const c_int,
        rows: *const c_int,
        elements: *const f64,
    );
    fn Clp_deleteColumns(model: *mut ClpSimplex, number: c_int, which: *const c_int);
    fn Clp_modifyCoefficient(
        model: *mut ClpSimplex,
        row: c_int,
        column: c_int,
        value: f64,
        keep_zero: bool,
    );
    fn Clp_getRowLower(model: *mut ClpSimplex) -> *const f64;
    fn Clp_chgRowLower(model: *mut ClpSimplex, row_lower: *const f64);
    fn Clp_numberColumns(model: *mut ClpSimplex) -> c_int;
    fn Clp_primal(model: *mut ClpSimplex, values_pass: c_int) -> c_int;
    fn Clp_dual(model: *mut ClpSimplex, values_pass: c_int) -> c_int;
    fn Clp_status(model: *mut ClpSimplex) -> c_int;
    fn Clp_getRowPrice(model: *mut ClpSimplex) -> *const f64;
    fn Clp_getColSolution(model: *mut ClpSimplex) -> *const f64;
    fn Clp_getObjValue(model: *mut ClpSimplex) -> f64;
    fn Clp_getColumnStatus(model: *mut ClpSimplex, sequence: c_int) -> c_int;
}

/// CLP's status of a basic variable (`ClpSimplex::Status::basic`).
const BASIC: c_int = 1;

/// Why CLP could not solve a program; the caller falls back to another solver.
#[derive(Debug)]
pub(crate) struct ClpFailed(pub String);

/// A CLP model owned by Rust (deleted on drop).
struct Model(*mut ClpSimplex);

impl Drop for Model {
    fn drop(&mut self) {
        // SAFETY: the pointer came from Clp_newModel and is deleted once, here.
        unsafe { Clp_deleteModel(self.0) }
    }
}

/// Columns in CLP's compressed column form.
#[derive(Default)]
struct Columns {
    starts: Vec<c_int>,
    rows: Vec<c_int>,
    values: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    objective: Vec<f64>,
}

impl Columns {
    fn push(&mut self, entries: impl IntoIterator<Item = (usize, f64)>, objective: f64) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for (row, value) in entries {
            self.rows.push(row as c_int);
            self.values.push(value);
        }
        self.starts.push(self.rows.len() as c_int);
        self.lower.push(0.0);
        self.upper.push(f64::INFINITY);
        self.objective.push(objective);
    }

    fn push_panel(&mut self, types: &Types, panel: &Panel) {
        let entries = panel
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(t, &n)| (t, n as f64 / types.size(t)))
            .chain([(types.len(), 1.0)]);
        self.push(entries, 0.0);
    }

    fn count(&self) -> usize {
        self.lower.len()
    }
}

/// A stage's master program in CLP, solved.
pub(crate) struct ClpMaster {
    model: Model,
    rows: usize,
    /// How many columns come before the panels (the z column, or none).
    first_panel: usize,
    /// How many types are not fixed yet.
    unfixed: usize,
}

impl ClpMaster {
    /// The stage's program over the given panels (fixed types keep `kept`), solved from
    /// the slack basis (later stages are handed over instead: see `next_stage`).
    pub fn new(
        types: &Types,
        panels: &[Panel],
        kept: &[Option<f64>],
    ) -> Result<ClpMaster, ClpFailed> {
        let n_types = types.len();
        let mut columns = Columns::default();
        let unfixed = (0..n_types)
            .filter(|&t| kept[t].is_none())
            .map(|t| (t, -1.0));
        columns.push(unfixed, -1.0);
        for panel in panels {
            columns.push_panel(types, panel);
        }
        let row_lower: Vec<f64> = (0..n_types)
            .map(|t| kept[t].unwrap_or(0.0))
            .chain([1.0])
            .collect();
        let row_upper: Vec<f64> = (0..n_types).map(|_| f64::INFINITY).chain([1.0]).collect();
        let mut master = ClpMaster::load(n_types + 1, 1, &columns, &row_lower, &row_upper);
        master.unfixed = kept.iter().filter(|k| k.is_none()).count();
        master.solve_primal()?;
        Ok(master)
    }

    /// The program of the final distribution: any panel probabilities giving every type at
    /// least its kept probability (no objective), solved.
    pub fn feasible(types: &Types, panels: &[Panel], kept: &[f64]) -> Result<ClpMaster, ClpFailed> {
        let mut columns = Columns::default();
        for panel in panels {
            columns.push_panel(types, panel);
        }
        let row_lower: Vec<f64> = kept.iter().copied().chain([1.0]).collect();
        let row_upper: Vec<f64> = kept.iter().map(|_| f64::INFINITY).chain([1.0]).collect();
        let master = ClpMaster::load(types.len() + 1, 0, &columns, &row_lower, &row_upper);
        master.solve_primal()?;
        Ok(master)
    }

    fn load(
        rows: usize,
        first_panel: usize,
        columns: &Columns,
        row_lower: &[f64],
        row_upper: &[f64],
    ) -> ClpMaster {
        // SAFETY: Clp_newModel returns a fresh model (owned by `Model` from here on).
        let model = Model(unsafe { Clp_newModel() });
        let starts = if columns.starts.is_empty() {
            vec![0]
        } else {
            columns.starts.clone()
        };
        // SAFETY: the arrays hold `count` columns in compressed form (starts has count + 1
        // entries, the row indices are below `rows`) and `rows` row bounds; CLP copies them.
        unsafe {
            Clp_setLogLevel(model.0, 0);
            Clp_loadProblem(
                model.0,
                columns.count() as c_int,
                rows as c_int,
                starts.as_ptr(),
                columns.rows.as_ptr(),
                columns.values.as_ptr(),
                columns.lower.as_ptr(),
                columns.upper.as_ptr(),
                columns.objective.as_ptr(),
                row_lower.as_ptr(),
                row_upper.as_ptr(),
            );
        }
        ClpMaster {
            model,
            rows,
            first_panel,
            unfixed: 0,
        }
    }

    fn solve_primal(&self) -> Result<(), ClpFailed> {
        // SAFETY: the model is loaded.
        let status = unsafe {
            Clp_primal(self.model.0, 0);
            Clp_status(self.model.0)
        };

        if status == 0 {
            return Ok(());
        }
        // Try once more with the dual simplex from the basis reached.
        // SAFETY: as above.
        let status = unsafe {
            Clp_dual(self.model.0, 0);
            Clp_status(self.model.0)
        };
        match status {
            0 => Ok(()),
            1 => Err(ClpFailed(
                "the known panels do not reach the fixed probabilities".into(),
            )),
            other => Err(ClpFailed(format!("CLP stopped with status {other}"))),
        }
    }

    /// Adds panels as columns and solves again from the current basis.
    pub fn add_panels(&mut self, types: &Types, panels: &[Panel]) -> Result<(), ClpFailed> {
        let mut columns = Columns::default();
        for panel in panels {
            columns.push_panel(types, panel);
        }
        if columns.count() == 0 {
            return Ok(());
        }
        // SAFETY: the arrays hold `count` columns in compressed form, their rows below the
        // model's; CLP copies them.
        unsafe {
            Clp_addColumns(
                self.model.0,
                columns.count() as c_int,
                columns.lower.as_ptr(),
                columns.upper.as_ptr(),
                columns.objective.as_ptr(),
                columns.starts.as_ptr(),
                columns.rows.as_ptr(),
                columns.values.as_ptr(),
            );
        }
        self.solve_primal()
    }

    /// Turns the solved stage into the next one in place, keeping its basis: the types in
    /// `now_fixed` keep at least the stage's value (the z column leaves their rows), the
    /// panels not in `keep` are dropped (they must be non-basic), and the program is solved
    /// again from the current basis, which stays feasible. When no type is left unfixed,
    /// the solution is left as it is (the final distribution).
    pub fn next_stage(&mut self, now_fixed: &[usize], keep: &[bool]) -> Result<(), ClpFailed> {
        let dropped: Vec<c_int> = (0..keep.len())
            .filter(|&p| !keep[p])
            .map(|p| (self.first_panel + p) as c_int)
            .collect();
        // SAFETY: every index is below the model's column count; the arrays outlive the
        // calls, and CLP copies what it keeps.
        unsafe {
            if dropped
                .iter()
                .any(|&j| Clp_getColumnStatus(self.model.0, j) == BASIC)
            {
                return Err(ClpFailed("a dropped panel is basic".into()));
            }
            if !dropped.is_empty() {
                Clp_deleteColumns(self.model.0, dropped.len() as c_int, dropped.as_ptr());
            }
            let value = *Clp_getColSolution(self.model.0);
            let mut lower =
                std::slice::from_raw_parts(Clp_getRowLower(self.model.0), self.rows).to_vec();
            for &t in now_fixed {
                lower[t] = value;
                Clp_modifyCoefficient(self.model.0, t as c_int, 0, 0.0, false);
            }
            self.unfixed -= now_fixed.len();
            if self.unfixed == 0 {
                return Ok(());
            }
            Clp_chgRowLower(self.model.0, lower.as_ptr());
        }
        self.solve_primal()
    }

    fn column_count(&self) -> usize {
        // SAFETY: the model is loaded.
        unsafe { Clp_numberColumns(self.model.0) as usize }
    }

    /// The type weights (the stage dual's), the cap and the objective (the stage's value).
    pub fn point(&self) -> (Vec<f64>, f64, f64) {
        // SAFETY: CLP's row prices have one entry per row, valid until the model changes.
        let prices =
            unsafe { std::slice::from_raw_parts(Clp_getRowPrice(self.model.0), self.rows) };
        let weights = prices[..self.rows - 1]
            .iter()
            .map(|&y| y.max(0.0))
            .collect();
        let cap = -prices[self.rows - 1];
        // SAFETY: as above.
        let value = -unsafe { Clp_getObjValue(self.model.0) };
        (weights, cap, value)
    }

    /// The indices (among those given and added) of the panels in the basis.
    pub fn basic_panels(&self) -> Vec<usize> {
        (self.first_panel..self.column_count())
            // SAFETY: the index is below the model's column count.
            .filter(|&j| unsafe { Clp_getColumnStatus(self.model.0, j as c_int) } == BASIC)
            .map(|j| j - self.first_panel)
            .collect()
    }

    /// The panels' probabilities, in the order given and added, normalised to sum to one
    /// (tiny ones dropped).
    pub fn panel_values(&self) -> Vec<f64> {
        let count = self.column_count();
        // SAFETY: the column solution has one entry per column.
        let solution =
            unsafe { std::slice::from_raw_parts(Clp_getColSolution(self.model.0), count) };
        let mut values: Vec<f64> = solution[self.first_panel..]
            .iter()
            .map(|&v| if v < 1e-12 { 0.0 } else { v })
            .collect();
        let total: f64 = values.iter().sum();
        values.iter_mut().for_each(|v| *v /= total);
        values
    }
}
