//! Volunteers grouped into types, and the integer program over them: which panels meet
//! the quotas, and the best panel for given weights.
//!
//! Volunteers with the same value for every feature are interchangeable: every fair
//! distribution can give them the same probability (leximin does, as its probabilities
//! are unique), so the programs count how many of each type a panel takes instead of
//! deciding person by person. This shrinks a pool of thousands to its few hundred
//! profiles. With one person per household, people who share a household are their own
//! type, since the household rule tells them apart.

use std::collections::HashMap;
use std::sync::OnceLock;

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, Variable};

use crate::pool::Pool;
use crate::search::SearchProgram;

/// The pool grouped into types of interchangeable volunteers.
#[derive(Clone, Debug)]
pub(crate) struct Types {
    /// The pool indices of each type's members.
    pub members: Vec<Vec<usize>>,
    /// Each type's value index for every feature.
    pub values: Vec<Vec<usize>>,
    /// Types whose members share a household (each such type has one member).
    pub households: Vec<Vec<usize>>,
    /// When set, each type's aimed-at probability: a panel's share of a type is then
    /// counted against its members times this (see [`Types::aiming_at`]).
    pub targets: Option<Vec<f64>>,
}

impl Types {
    pub fn of(pool: &Pool, one_per_household: bool) -> Types {
        let mut household_size: HashMap<&str, usize> = HashMap::new();
        if one_per_household {
            for person in &pool.people {
                if let Some(h) = &person.household {
                    *household_size.entry(h).or_default() += 1;
                }
            }
        }
        let shares_household = |i: usize| {
            pool.people[i]
                .household
                .as_deref()
                .is_some_and(|h| household_size.get(h).is_some_and(|&n| n > 1))
        };
        let mut index: HashMap<(&[usize], Option<usize>), usize> = HashMap::new();
        let mut types = Types {
            members: Vec::new(),
            values: Vec::new(),
            households: Vec::new(),
            targets: None,
        };
        let mut household_types: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, person) in pool.people.iter().enumerate() {
            let alone = shares_household(i).then_some(i);
            let t = *index.entry((&person.values, alone)).or_insert_with(|| {
                types.members.push(Vec::new());
                types.values.push(person.values.clone());
                types.members.len() - 1
            });
            types.members[t].push(i);
            if alone.is_some() {
                let h = person.household.as_deref().expect("shares a household");
                household_types.entry(h).or_default().push(t);
            }
        }
        let mut households: Vec<Vec<usize>> = household_types.into_values().collect();
        households.sort();
        types.households = households;
        types
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// What a type's share on a panel is counted against: its members, or with targets,
    /// its members times its target.
    pub fn size(&self, t: usize) -> f64 {
        let members = self.members[t].len() as f64;
        self.targets
            .as_ref()
            .map_or(members, |targets| members * targets[t])
    }

    /// The same types, with shares counted against the targets: the maximin of these types
    /// is the largest z with every type's probability at least z times its target.
    pub fn aiming_at(&self, targets: Vec<f64>) -> Types {
        debug_assert_eq!(targets.len(), self.len());
        Types {
            targets: Some(targets),
            ..self.clone()
        }
    }
}

/// A panel as how many people it takes of each type.
pub(crate) type Panel = Vec<u32>;

/// A panel's weight under weights per person of each type (what the panel search
/// maximises).
pub(crate) fn weight(panel: &[u32], per_person: &[f64]) -> f64 {
    panel
        .iter()
        .zip(per_person)
        .map(|(&n, w)| f64::from(n) * w)
        .sum()
}

/// The integer program of quota-meeting panels of one size.
pub(crate) struct PanelProgram<'a> {
    pub pool: &'a Pool,
    pub types: &'a Types,
    pub size: u32,
    /// Panel searches by HiGHS's branch and cut instead of ours.
    #[cfg(feature = "highs")]
    pub highs: bool,
    /// Our own panel search's program, built on first use (None when it does not apply,
    /// see [`SearchProgram::new`]).
    search: OnceLock<Option<SearchProgram>>,
}

/// A quota's shortfall and excess variables in the relaxed program.
pub(crate) struct QuotaSlack {
    pub feature: usize,
    pub value: usize,
    pub below_min: Variable,
    pub above_max: Variable,
}

/// How many people below a quota's minimum or above its maximum the closest panel has.
pub(crate) struct QuotaChange {
    pub feature: usize,
    pub value: usize,
    pub below_min: u32,
    pub above_max: u32,
}

impl<'a> PanelProgram<'a> {
    pub fn new(pool: &'a Pool, types: &'a Types, size: u32) -> PanelProgram<'a> {
        PanelProgram {
            pool,
            types,
            size,
            #[cfg(feature = "highs")]
            highs: false,
            search: OnceLock::new(),
        }
    }

    /// Panel searches by HiGHS instead (see the `highs` module).
    #[cfg(feature = "highs")]
    pub fn with_highs_search(self, highs: bool) -> PanelProgram<'a> {
        PanelProgram { highs, ..self }
    }

    fn counts(&self, problem: &mut Problem, weights: &[f64]) -> Vec<Variable> {
        (0..self.types.len())
            .map(|t| {
                let most = self.types.members[t].len().min(self.size as usize) as i32;
                problem.add_integer_var(weights[t], (0, most))
            })
            .collect()
    }

    fn constrain(&self, problem: &mut Problem, x: &[Variable], slack: bool) -> Vec<QuotaSlack> {
        problem.add_constraint(
            x.iter().map(|&v| (v, 1.0)).collect::<LinearExpr>(),
            ComparisonOp::Eq,
            self.size as f64,
        );
        for household in &self.types.households {
            let expr: LinearExpr = household.iter().map(|&t| (x[t], 1.0)).collect();
            problem.add_constraint(expr, ComparisonOp::Le, 1.0);
        }
        let mut slacks = Vec::new();
        for (f, feature) in self.pool.features.iter().enumerate() {
            for (v, quota) in feature.quotas.iter().enumerate() {
                let mut expr: LinearExpr = (0..self.types.len())
                    .filter(|&t| self.types.values[t][f] == v)
                    .map(|t| (x[t], 1.0))
                    .collect();
                if slack {
                    let size = self.size as i32;
                    let below_min = problem.add_integer_var(1.0, (0, size));
                    let above_max = problem.add_integer_var(1.0, (0, size));
                    let mut low = expr.clone();
                    low.add(below_min, 1.0);
                    problem.add_constraint(low, ComparisonOp::Ge, quota.min as f64);
                    expr.add(above_max, -1.0);
                    problem.add_constraint(expr, ComparisonOp::Le, quota.max as f64);
                    slacks.push(QuotaSlack {
                        feature: f,
                        value: v,
                        below_min,
                        above_max,
                    });
                } else {
                    problem.add_constraint(expr.clone(), ComparisonOp::Ge, quota.min as f64);
                    problem.add_constraint(expr, ComparisonOp::Le, quota.max as f64);
                }
            }
        }
        slacks
    }

    /// The quota-meeting panel of greatest total weight (weights per person of each
    /// type), or None when no panel meets the quotas.
    pub fn best_panel(&self, weights: &[f64]) -> Result<Option<Panel>, String> {
        self.search(weights, None)
    }

    /// A quota-meeting panel of great total weight: the best one the branch and bound finds
    /// within `nodes` nodes (a count, so the same on any machine), or None when it finds
    /// none so soon or no panel meets the quotas. For heuristic searches, where some
    /// weights make the branch and bound run for minutes.
    pub fn good_panel(&self, weights: &[f64], nodes: u64) -> Result<Option<Panel>, String> {
        self.search(weights, Some(nodes))
    }

    /// A heavy panel and a bound on the weight of any: the heaviest panel and its weight,
    /// or, where our search's tree grew too large, the heaviest it found and the most the
    /// branches it left could hold. Where `enough` is given and that panel does not weigh
    /// more than it, the answer must also say whether any panel does: unless the bound
    /// settles that, the search is finished by microlp. None when no panel meets the
    /// quotas. Leximin's rounds ask this: they need a panel beating the current weights'
    /// cap (`enough`) if there is one, and bounds, not always the heaviest panel itself.
    pub fn bounded_panel(
        &self,
        weights: &[f64],
        enough: Option<f64>,
    ) -> Result<Option<(Panel, f64)>, String> {
        #[cfg(feature = "highs")]
        if self.highs {
            let panel = crate::highs::search(self, weights, None)?;
            return Ok(panel.map(|p| {
                let w = weight(&p, weights);
                (p, w)
            }));
        }
        let ours = self.search.get_or_init(|| SearchProgram::new(self));
        if let Some(Ok(found)) = ours.as_ref().map(|program| program.best(weights, None)) {
            let settled = enough.is_none_or(|e| found.weight > e || found.at_most <= e);
            if found.proven || settled {
                return Ok(Some((found.panel, found.at_most)));
            }
        }
        Ok(self.search_by_microlp(weights, None)?.map(|panel| {
            let w = weight(&panel, weights);
            (panel, w)
        }))
    }

    fn search(&self, weights: &[f64], nodes: Option<u64>) -> Result<Option<Panel>, String> {
        #[cfg(feature = "highs")]
        if self.highs {
            return crate::highs::search(self, weights, nodes);
        }
        let ours = self.search.get_or_init(|| SearchProgram::new(self));
        if let Some(Ok(found)) = ours.as_ref().map(|program| program.best(weights, nodes)) {
            // A heuristic search keeps the best it found.
            if found.proven || nodes.is_some() {
                return Ok(Some(found.panel));
            }
        }
        // Where ours does not apply, gave up, or found no panel (microlp confirms it).
        self.search_by_microlp(weights, nodes)
    }

    pub(crate) fn search_by_microlp(
        &self,
        weights: &[f64],
        nodes: Option<u64>,
    ) -> Result<Option<Panel>, String> {
        let mut problem = Problem::new(OptimizationDirection::Maximize);
        let x = self.counts(&mut problem, weights);
        self.constrain(&mut problem, &x, false);
        let mut options = microlp::SolveOptions::default();
        options.node_limit = nodes;
        match problem.solve_with(options) {
            Ok(outcome) => {
                let solution = match outcome.into_solution() {
                    Ok(solution) => solution,
                    Err(_) if nodes.is_some() => return Ok(None),
                    Err(_) => return Err("the panel search was interrupted".to_string()),
                };
                Ok(Some(
                    x.iter()
                        .map(|&v| solution.var_value(v).round().max(0.0) as u32)
                        .collect(),
                ))
            }
            Err(microlp::Error::Infeasible) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The smallest changes to the quotas that let a panel exist: for each quota, how many
    /// people below its minimum or above its maximum the best such panel has. None when even
    /// relaxed quotas cannot be met (the pool has too few separate households).
    pub fn smallest_relaxation(&self) -> Result<Option<Vec<QuotaChange>>, String> {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        let x = self.counts(&mut problem, &vec![0.0; self.types.len()]);
        let slacks = self.constrain(&mut problem, &x, true);
        match problem.solve() {
            Ok(outcome) => {
                let solution = outcome
                    .into_solution()
                    .map_err(|_| "the quota check was interrupted".to_string())?;
                let amount = |v: Variable| solution.var_value(v).round().max(0.0) as u32;
                Ok(Some(
                    slacks
                        .iter()
                        .map(|s| QuotaChange {
                            feature: s.feature,
                            value: s.value,
                            below_min: amount(s.below_min),
                            above_max: amount(s.above_max),
                        })
                        .filter(|c| c.below_min + c.above_max > 0)
                        .collect(),
                ))
            }
            Err(microlp::Error::Infeasible) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }
}
