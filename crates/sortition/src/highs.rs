//! A leximin stage's master program solved by HiGHS (built with the `highs` feature; links
//! a prebuilt `libhighs.so` found through `HIGHS_LIB_DIR`, see `build.rs`), and optionally
//! the panel search by HiGHS's branch and cut.
//!
//! The program is [`crate::master`]'s: over the known panels' probabilities (lambda),
//!
//! ```text
//! minimise -z
//!   sum_p a[t][p] lambda[p] - z >= offset    for each type t not yet fixed
//!   sum_p a[t][p] lambda[p]     >= kept[t]   for each fixed type t
//!   sum_p lambda[p]              = 1
//!   lambda, z >= 0
//! ```
//!
//! where the stage's value is offset + z (offset is zero in a stage built afresh, and the
//! last stage's value after a hand-over, as in [`crate::master::Master::next_stage`]).
//! One HiGHS instance holds a stage's program; new panels are columns added to it, and
//! HiGHS solves again from its last basis (presolve off, so the basis is kept). HiGHS's
//! row duals of the optimal basis are the stage dual's type weights (non-negative for the
//! `>=` rows of a minimisation, since its reduced costs are c - Aᵀy) and the sum row's is
//! minus the cap.
//!
//! Measured against our revised simplex (BENCHMARKS.md, issue 29's fourth session), HiGHS
//! is slower here: most of its time goes into rebuilding its sparse LU factorisation of a
//! basis whose panel columns are dense (up to a panel's size of entries among a few hundred
//! rows). Its branch and cut takes about ten times microlp's time per panel search.
//!
//! The bindings below are our own declarations of the few functions of HiGHS's C interface
//! (`highs/interfaces/highs_c_api.h`, HiGHS 1.15, 32-bit `HighsInt`) this module calls.

use std::ffi::{CStr, CString, c_char, c_int, c_void};

use crate::oracle::{Panel, PanelProgram, Types};

type HighsInt = c_int;

#[link(name = "highs")]
unsafe extern "C" {
    fn Highs_create() -> *mut c_void;
    fn Highs_destroy(highs: *mut c_void);
    fn Highs_setBoolOptionValue(
        highs: *mut c_void,
        option: *const c_char,
        value: HighsInt,
    ) -> HighsInt;
    fn Highs_setIntOptionValue(
        highs: *mut c_void,
        option: *const c_char,
        value: HighsInt,
    ) -> HighsInt;
    fn Highs_setDoubleOptionValue(
        highs: *mut c_void,
        option: *const c_char,
        value: f64,
    ) -> HighsInt;
    fn Highs_setStringOptionValue(
        highs: *mut c_void,
        option: *const c_char,
        value: *const c_char,
    ) -> HighsInt;
    #[allow(clippy::too_many_arguments)]
    fn Highs_passLp(
        highs: *mut c_void,
        num_col: HighsInt,
        num_row: HighsInt,
        num_nz: HighsInt,
        a_format: HighsInt,
        sense: HighsInt,
        offset: f64,
        col_cost: *const f64,
        col_lower: *const f64,
        col_upper: *const f64,
        row_lower: *const f64,
        row_upper: *const f64,
        a_start: *const HighsInt,
        a_index: *const HighsInt,
        a_value: *const f64,
    ) -> HighsInt;
    #[allow(clippy::too_many_arguments)]
    fn Highs_passMip(
        highs: *mut c_void,
        num_col: HighsInt,
        num_row: HighsInt,
        num_nz: HighsInt,
        a_format: HighsInt,
        sense: HighsInt,
        offset: f64,
        col_cost: *const f64,
        col_lower: *const f64,
        col_upper: *const f64,
        row_lower: *const f64,
        row_upper: *const f64,
        a_start: *const HighsInt,
        a_index: *const HighsInt,
        a_value: *const f64,
        integrality: *const HighsInt,
    ) -> HighsInt;
    #[allow(clippy::too_many_arguments)]
    fn Highs_addCols(
        highs: *mut c_void,
        num_new_col: HighsInt,
        costs: *const f64,
        lower: *const f64,
        upper: *const f64,
        num_new_nz: HighsInt,
        starts: *const HighsInt,
        index: *const HighsInt,
        value: *const f64,
    ) -> HighsInt;
    fn Highs_deleteColsBySet(
        highs: *mut c_void,
        num_set_entries: HighsInt,
        set: *const HighsInt,
    ) -> HighsInt;
    fn Highs_changeCoeff(highs: *mut c_void, row: HighsInt, col: HighsInt, value: f64) -> HighsInt;
    fn Highs_changeRowsBoundsBySet(
        highs: *mut c_void,
        num_set_entries: HighsInt,
        set: *const HighsInt,
        lower: *const f64,
        upper: *const f64,
    ) -> HighsInt;
    fn Highs_run(highs: *mut c_void) -> HighsInt;
    fn Highs_getModelStatus(highs: *const c_void) -> HighsInt;
    fn Highs_getIntInfoValue(
        highs: *const c_void,
        info: *const c_char,
        value: *mut HighsInt,
    ) -> HighsInt;
    fn Highs_getSolution(
        highs: *const c_void,
        col_value: *mut f64,
        col_dual: *mut f64,
        row_value: *mut f64,
        row_dual: *mut f64,
    ) -> HighsInt;
    fn Highs_getBasis(
        highs: *const c_void,
        col_status: *mut HighsInt,
        row_status: *mut HighsInt,
    ) -> HighsInt;
    fn Highs_setBasis(
        highs: *mut c_void,
        col_status: *const HighsInt,
        row_status: *const HighsInt,
    ) -> HighsInt;
    fn Highs_getNumCol(highs: *const c_void) -> HighsInt;
    fn Highs_getNumRow(highs: *const c_void) -> HighsInt;
    fn Highs_getSimplexIterationCount(highs: *const c_void) -> HighsInt;
}

/// `kHighsStatusError`.
const STATUS_ERROR: HighsInt = -1;
/// `kHighsMatrixFormatColwise`.
const COLWISE: HighsInt = 1;
/// `kHighsObjSenseMinimize`, `kHighsObjSenseMaximize`.
const MINIMIZE: HighsInt = 1;
const MAXIMIZE: HighsInt = -1;
/// `kHighsModelStatusOptimal`, `kHighsModelStatusInfeasible`.
const OPTIMAL: HighsInt = 7;
const INFEASIBLE: HighsInt = 8;
/// `kHighsBasisStatusLower`, `kHighsBasisStatusBasic`.
const AT_LOWER: HighsInt = 0;
const BASIC: HighsInt = 1;
/// `kHighsVarTypeInteger`.
const INTEGER: HighsInt = 1;
/// `kHighsSolutionStatusFeasible`.
const FEASIBLE: HighsInt = 2;

/// Why HiGHS could not solve a program; the caller falls back or reports it.
#[derive(Debug)]
pub(crate) struct HighsFailed(pub String);

/// A HiGHS instance owned by Rust (destroyed on drop).
struct Instance(*mut c_void);

impl Drop for Instance {
    fn drop(&mut self) {
        // SAFETY: the pointer came from Highs_create and is destroyed once, here.
        unsafe { Highs_destroy(self.0) }
    }
}

impl Instance {
    /// A quiet instance, one thread, no presolve (so that a basis carries over).
    fn new() -> Instance {
        // SAFETY: Highs_create returns a fresh instance (owned by `Instance` from here on).
        let instance = Instance(unsafe { Highs_create() });
        instance.set_bool(c"output_flag", false);
        instance.set_int(c"threads", 1);
        instance.set_string(c"presolve", c"off");
        instance
    }

    fn set_bool(&self, option: &CStr, value: bool) -> HighsInt {
        // SAFETY: the option's name is a C string; HiGHS copies the value.
        unsafe { Highs_setBoolOptionValue(self.0, option.as_ptr(), value as HighsInt) }
    }

    fn set_int(&self, option: &CStr, value: HighsInt) -> HighsInt {
        // SAFETY: as above.
        unsafe { Highs_setIntOptionValue(self.0, option.as_ptr(), value) }
    }

    fn set_double(&self, option: &CStr, value: f64) -> HighsInt {
        // SAFETY: as above.
        unsafe { Highs_setDoubleOptionValue(self.0, option.as_ptr(), value) }
    }

    fn set_string(&self, option: &CStr, value: &CStr) -> HighsInt {
        // SAFETY: both are C strings; HiGHS copies the value.
        unsafe { Highs_setStringOptionValue(self.0, option.as_ptr(), value.as_ptr()) }
    }

    /// For benchmarks: HiGHS options from `SORTITION_HIGHS_OPTIONS`, as
    /// `name=value,name=value` (HiGHS's own option names).
    fn set_from_environment(&self) {
        let Ok(options) = std::env::var("SORTITION_HIGHS_OPTIONS") else {
            return;
        };
        for option in options.split(',').filter(|o| !o.is_empty()) {
            let (name, value) = option.split_once('=').unwrap_or((option, ""));
            let (Ok(name), Ok(text)) = (CString::new(name), CString::new(value)) else {
                continue;
            };
            let ok = match value {
                "true" | "false" => self.set_bool(&name, value == "true") != STATUS_ERROR,
                _ => {
                    value
                        .parse()
                        .is_ok_and(|v| self.set_int(&name, v) != STATUS_ERROR)
                        || value
                            .parse()
                            .is_ok_and(|v| self.set_double(&name, v) != STATUS_ERROR)
                        || self.set_string(&name, &text) != STATUS_ERROR
                }
            };
            if !ok {
                eprintln!("SORTITION_HIGHS_OPTIONS: HiGHS refused {option}");
            }
        }
    }

    fn columns(&self) -> usize {
        // SAFETY: the instance is alive.
        unsafe { Highs_getNumCol(self.0) as usize }
    }

    fn rows(&self) -> usize {
        // SAFETY: the instance is alive.
        unsafe { Highs_getNumRow(self.0) as usize }
    }

    /// Column values and row duals.
    fn solution(&self) -> (Vec<f64>, Vec<f64>) {
        let (n, m) = (self.columns(), self.rows());
        let mut col_value = vec![0.0; n];
        let mut col_dual = vec![0.0; n];
        let mut row_value = vec![0.0; m];
        let mut row_dual = vec![0.0; m];
        // SAFETY: each array has one entry per column or row, as HiGHS writes them.
        unsafe {
            Highs_getSolution(
                self.0,
                col_value.as_mut_ptr(),
                col_dual.as_mut_ptr(),
                row_value.as_mut_ptr(),
                row_dual.as_mut_ptr(),
            );
        }
        (col_value, row_dual)
    }

    /// Column and row basis statuses.
    fn basis(&self) -> (Vec<HighsInt>, Vec<HighsInt>) {
        let mut columns = vec![0; self.columns()];
        let mut rows = vec![0; self.rows()];
        // SAFETY: one entry per column and per row.
        unsafe { Highs_getBasis(self.0, columns.as_mut_ptr(), rows.as_mut_ptr()) };
        (columns, rows)
    }
}

/// Columns in HiGHS's compressed column form.
#[derive(Default)]
struct Columns {
    starts: Vec<HighsInt>,
    rows: Vec<HighsInt>,
    values: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    cost: Vec<f64>,
}

impl Columns {
    fn push(&mut self, entries: impl IntoIterator<Item = (usize, f64)>, cost: f64) {
        self.starts.push(self.rows.len() as HighsInt);
        for (row, value) in entries {
            self.rows.push(row as HighsInt);
            self.values.push(value);
        }
        self.lower.push(0.0);
        self.upper.push(f64::INFINITY);
        self.cost.push(cost);
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

/// A stage's master program in HiGHS, solved.
pub(crate) struct HighsMaster {
    highs: Instance,
    rows: usize,
    /// How many columns come before the panels (the z column, or none).
    first_panel: usize,
    /// The unfixed types (the rows z is in).
    unfixed: Vec<usize>,
    /// The stage's value is this plus z (see the module's comment).
    offset: f64,
    /// The solution after the last solve: column values and row duals.
    values: Vec<f64>,
    duals: Vec<f64>,
}

impl HighsMaster {
    /// The stage's program over the given panels (fixed types keep `kept`), solved from
    /// the slack basis (later stages are handed over instead: see `next_stage`).
    pub fn new(
        types: &Types,
        panels: &[Panel],
        kept: &[Option<f64>],
    ) -> Result<HighsMaster, HighsFailed> {
        let n_types = types.len();
        let unfixed: Vec<usize> = (0..n_types).filter(|&t| kept[t].is_none()).collect();
        let mut columns = Columns::default();
        columns.push(unfixed.iter().map(|&t| (t, -1.0)), -1.0);
        for panel in panels {
            columns.push_panel(types, panel);
        }
        let row_lower: Vec<f64> = (0..n_types)
            .map(|t| kept[t].unwrap_or(0.0))
            .chain([1.0])
            .collect();
        let mut master = HighsMaster::load(1, &columns, &row_lower)?;
        master.unfixed = unfixed;
        master.solve()?;
        Ok(master)
    }

    /// The program of the final distribution: any panel probabilities giving every type at
    /// least its kept probability (no objective), solved.
    pub fn feasible(
        types: &Types,
        panels: &[Panel],
        kept: &[f64],
    ) -> Result<HighsMaster, HighsFailed> {
        let mut columns = Columns::default();
        for panel in panels {
            columns.push_panel(types, panel);
        }
        let row_lower: Vec<f64> = kept.iter().copied().chain([1.0]).collect();
        let mut master = HighsMaster::load(0, &columns, &row_lower)?;
        master.solve()?;
        Ok(master)
    }

    fn load(
        first_panel: usize,
        columns: &Columns,
        row_lower: &[f64],
    ) -> Result<HighsMaster, HighsFailed> {
        let rows = row_lower.len();
        let mut row_upper = vec![f64::INFINITY; rows];
        row_upper[rows - 1] = 1.0;
        let highs = Instance::new();
        // HiGHS's primal simplex (`simplex_strategy` 4): new columns leave the last basis
        // primal feasible. On the 1,000 pool its default, the dual simplex, took 34 s
        // against 10 s. SORTITION_HIGHS_SIMPLEX sets another strategy, for benchmarks.
        let strategy = std::env::var("SORTITION_HIGHS_SIMPLEX")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(4);
        highs.set_int(c"simplex_strategy", strategy);
        highs.set_from_environment();
        let mut starts = columns.starts.clone();
        starts.push(columns.rows.len() as HighsInt);
        // SAFETY: the arrays hold `count` columns in compressed form (starts has count + 1
        // entries, the row indices are below `rows`) and `rows` row bounds; HiGHS copies
        // them.
        let status = unsafe {
            Highs_passLp(
                highs.0,
                columns.count() as HighsInt,
                rows as HighsInt,
                columns.rows.len() as HighsInt,
                COLWISE,
                MINIMIZE,
                0.0,
                columns.cost.as_ptr(),
                columns.lower.as_ptr(),
                columns.upper.as_ptr(),
                row_lower.as_ptr(),
                row_upper.as_ptr(),
                starts.as_ptr(),
                columns.rows.as_ptr(),
                columns.values.as_ptr(),
            )
        };
        if status == STATUS_ERROR {
            return Err(HighsFailed("HiGHS refused the program".into()));
        }
        Ok(HighsMaster {
            highs,
            rows,
            first_panel,
            unfixed: Vec::new(),
            offset: 0.0,
            values: Vec::new(),
            duals: Vec::new(),
        })
    }

    fn solve(&mut self) -> Result<(), HighsFailed> {
        // SAFETY: the instance holds a program.
        let status = unsafe {
            Highs_run(self.highs.0);
            Highs_getModelStatus(self.highs.0)
        };
        if std::env::var_os("SORTITION_HIGHS_TRACE").is_some() {
            // SAFETY: as above.
            let iterations = unsafe { Highs_getSimplexIterationCount(self.highs.0) };
            eprintln!(
                "highs: {} columns, {iterations} iterations, status {status}",
                self.highs.columns()
            );
        }
        match status {
            OPTIMAL => {
                (self.values, self.duals) = self.highs.solution();
                Ok(())
            }
            INFEASIBLE => Err(HighsFailed(
                "the known panels do not reach the fixed probabilities".into(),
            )),
            other => Err(HighsFailed(format!("HiGHS stopped with status {other}"))),
        }
    }

    /// Adds panels as columns and solves again from the current basis.
    pub fn add_panels(&mut self, types: &Types, panels: &[Panel]) -> Result<(), HighsFailed> {
        let mut columns = Columns::default();
        for panel in panels {
            columns.push_panel(types, panel);
        }
        if columns.count() == 0 {
            return Ok(());
        }
        // SAFETY: the arrays hold `count` columns in compressed form (`count` starts), their
        // rows below the model's; HiGHS copies them.
        let status = unsafe {
            Highs_addCols(
                self.highs.0,
                columns.count() as HighsInt,
                columns.cost.as_ptr(),
                columns.lower.as_ptr(),
                columns.upper.as_ptr(),
                columns.rows.len() as HighsInt,
                columns.starts.as_ptr(),
                columns.rows.as_ptr(),
                columns.values.as_ptr(),
            )
        };
        if status == STATUS_ERROR {
            return Err(HighsFailed("HiGHS refused the new columns".into()));
        }
        self.solve()
    }

    /// Turns the solved stage into the next one in place, keeping its basis (as
    /// [`crate::master::Master::next_stage`] does): z becomes the rise above the stage's
    /// value v, every row z was in gets v as its lower bound, the fixed types' rows lose z,
    /// and in the basis z gives its place to the row of the fixed type with the largest
    /// weight (tight, so its slack is zero). The panels not in `keep` are dropped (they
    /// must be non-basic). When no type is left unfixed, the solution is left as it is
    /// (the final distribution).
    pub fn next_stage(&mut self, now_fixed: &[usize], keep: &[bool]) -> Result<(), HighsFailed> {
        let (mut col_status, mut row_status) = self.highs.basis();
        let dropped: Vec<usize> = (0..keep.len()).filter(|&p| !keep[p]).collect();
        if dropped
            .iter()
            .any(|&p| col_status[self.first_panel + p] == BASIC)
        {
            return Err(HighsFailed("a dropped panel is basic".into()));
        }
        let first_panel = self.first_panel;
        let kept_column =
            |j: usize| j < first_panel || keep.get(j - first_panel).copied().unwrap_or(true);
        let drop_set: Vec<HighsInt> = dropped
            .iter()
            .map(|&p| (self.first_panel + p) as HighsInt)
            .collect();
        if !drop_set.is_empty() {
            // SAFETY: every index is below the model's column count; HiGHS copies the set.
            unsafe {
                Highs_deleteColsBySet(self.highs.0, drop_set.len() as HighsInt, drop_set.as_ptr())
            };
        }
        let mut j = 0..;
        self.values
            .retain(|_| kept_column(j.next().expect("endless")));
        let mut j = 0..;
        col_status.retain(|_| kept_column(j.next().expect("endless")));
        let value = self.offset + self.values[0];
        let fixed: std::collections::HashSet<usize> = now_fixed.iter().copied().collect();
        let rows: Vec<HighsInt> = self.unfixed.iter().map(|&t| t as HighsInt).collect();
        let lower = vec![value; rows.len()];
        let upper = vec![f64::INFINITY; rows.len()];
        self.unfixed.retain(|t| !fixed.contains(t));
        if self.unfixed.is_empty() {
            return Ok(());
        }
        // The fixed type whose row takes z's place in the basis.
        let leaving = now_fixed
            .iter()
            .copied()
            .max_by(|&a, &b| self.duals[a].total_cmp(&self.duals[b]))
            .ok_or_else(|| HighsFailed("no type was fixed".into()))?;
        // SAFETY: every index is below the model's column or row count; the arrays outlive
        // the calls, and HiGHS copies what it keeps.
        unsafe {
            for &t in now_fixed {
                Highs_changeCoeff(self.highs.0, t as HighsInt, 0, 0.0);
            }
            Highs_changeRowsBoundsBySet(
                self.highs.0,
                rows.len() as HighsInt,
                rows.as_ptr(),
                lower.as_ptr(),
                upper.as_ptr(),
            );
        }
        self.offset = value;
        // The basis: z non-basic at zero, the leaving row basic.
        if col_status[0] == BASIC && row_status[leaving] != BASIC {
            col_status[0] = AT_LOWER;
            row_status[leaving] = BASIC;
        }
        // SAFETY: one status per column and per row of the changed model.
        unsafe { Highs_setBasis(self.highs.0, col_status.as_ptr(), row_status.as_ptr()) };
        self.solve()
    }

    /// The type weights (the stage dual's), the cap and the stage's value.
    pub fn point(&self) -> (Vec<f64>, f64, f64) {
        let weights = self.duals[..self.rows - 1]
            .iter()
            .map(|&y| y.max(0.0))
            .collect();
        let cap = -self.duals[self.rows - 1];
        let value = self.offset + self.values.first().copied().unwrap_or(0.0);
        (weights, cap, value)
    }

    /// The indices (among those given and added) of the panels in the basis.
    pub fn basic_panels(&self) -> Vec<usize> {
        let (columns, _) = self.highs.basis();
        (self.first_panel..columns.len())
            .filter(|&j| columns[j] == BASIC)
            .map(|j| j - self.first_panel)
            .collect()
    }

    /// The panels' probabilities, in the order given and added, normalised to sum to one
    /// (tiny ones dropped).
    pub fn panel_values(&self) -> Vec<f64> {
        let mut values: Vec<f64> = self.values[self.first_panel..]
            .iter()
            .map(|&v| if v < 1e-12 { 0.0 } else { v })
            .collect();
        let total: f64 = values.iter().sum();
        values.iter_mut().for_each(|v| *v /= total);
        values
    }
}

/// The quota-meeting panel of greatest total weight (weights per person of each type) by
/// HiGHS's branch and cut, or None when no panel meets the quotas; with `nodes`, the best
/// found within that many nodes (None if none was).
pub(crate) fn search(
    program: &PanelProgram,
    weights: &[f64],
    nodes: Option<u64>,
) -> Result<Option<Panel>, String> {
    let types = program.types;
    let n = types.len();
    // Rows: the panel's size, each household, each quota (min <= count <= max).
    let mut row_lower = vec![program.size as f64];
    let mut row_upper = vec![program.size as f64];
    let mut column_rows: Vec<Vec<HighsInt>> = vec![vec![0]; n];
    for household in &types.households {
        let row = row_lower.len() as HighsInt;
        row_lower.push(0.0);
        row_upper.push(1.0);
        household.iter().for_each(|&t| column_rows[t].push(row));
    }
    for (f, feature) in program.pool.features.iter().enumerate() {
        for (v, quota) in feature.quotas.iter().enumerate() {
            let row = row_lower.len() as HighsInt;
            row_lower.push(quota.min as f64);
            row_upper.push(quota.max as f64);
            (0..n)
                .filter(|&t| types.values[t][f] == v)
                .for_each(|t| column_rows[t].push(row));
        }
    }
    let mut starts = Vec::with_capacity(n + 1);
    let mut index = Vec::new();
    for rows in &column_rows {
        starts.push(index.len() as HighsInt);
        index.extend(rows);
    }
    starts.push(index.len() as HighsInt);
    let values = vec![1.0; index.len()];
    let lower = vec![0.0; n];
    let upper: Vec<f64> = (0..n)
        .map(|t| types.members[t].len().min(program.size as usize) as f64)
        .collect();
    let integrality = vec![INTEGER; n];
    let highs = Instance::new();
    highs.set_string(c"presolve", c"on");
    // An exact optimum: its weight bounds the stage's value.
    highs.set_double(c"mip_rel_gap", 0.0);
    highs.set_double(c"mip_abs_gap", 1e-9);
    if let Some(nodes) = nodes {
        highs.set_int(c"mip_max_nodes", nodes.min(i32::MAX as u64) as HighsInt);
    }
    highs.set_from_environment();
    // SAFETY: the arrays hold n columns in compressed form (n + 1 starts, row indices below
    // the rows' count) and the rows' bounds; HiGHS copies them.
    let status = unsafe {
        Highs_passMip(
            highs.0,
            n as HighsInt,
            row_lower.len() as HighsInt,
            index.len() as HighsInt,
            COLWISE,
            MAXIMIZE,
            0.0,
            weights.as_ptr(),
            lower.as_ptr(),
            upper.as_ptr(),
            row_lower.as_ptr(),
            row_upper.as_ptr(),
            starts.as_ptr(),
            index.as_ptr(),
            values.as_ptr(),
            integrality.as_ptr(),
        )
    };
    if status == STATUS_ERROR {
        return Err("HiGHS refused the panel search".into());
    }
    // SAFETY: the instance holds the program.
    let status = unsafe {
        Highs_run(highs.0);
        Highs_getModelStatus(highs.0)
    };
    match status {
        OPTIMAL => {}
        INFEASIBLE => return Ok(None),
        _ if nodes.is_some() => {
            let mut solution_status = 0;
            // SAFETY: a C string and one integer written.
            unsafe {
                Highs_getIntInfoValue(
                    highs.0,
                    c"primal_solution_status".as_ptr(),
                    &mut solution_status,
                )
            };
            if solution_status != FEASIBLE {
                return Ok(None);
            }
        }
        other => return Err(format!("HiGHS's panel search stopped with status {other}")),
    }
    let (values, _) = highs.solution();
    Ok(Some(
        values.iter().map(|&v| v.round().max(0.0) as u32).collect(),
    ))
}
