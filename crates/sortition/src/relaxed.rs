//! Leximin over the relaxation: "panels" that may take a fraction of a person.
//!
//! A fractional panel takes between none and all the members of each type (at most the panel
//! size), as many in all as the panel size, and meets every quota and household rule in sum.
//! Every real panel is one, and so is every mixture of real panels (a distribution's expected
//! counts), so no distribution over real panels beats the relaxation's leximin in leximin's
//! order: none gives the lowest probability more, nor, giving the lowest as much, the next,
//! and so on. Each stage of the relaxation is one small linear program over the types (not
//! over panels), so its whole leximin takes seconds where the real one takes minutes.
//!
//! On the benchmark pools the real stages reach the relaxed stages' values (the sf_e-shaped
//! and 5,000 pools' first levels to 1e-5, the later ones within the stages' tolerance;
//! BENCHMARKS.md, issue 29, eighth session), so the relaxation's probabilities are targets a
//! distribution over real panels can meet: [`crate::leximin`] first tries to meet them, and
//! falls back on its own stages where it cannot.

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, Variable};

use crate::dual::kept;
use crate::oracle::PanelProgram;

/// The relaxation's leximin.
pub(crate) struct Relaxed {
    /// Each type's probability.
    pub targets: Vec<f64>,
    /// How many stages it took.
    pub levels: usize,
}

/// The relaxation's leximin, stage by stage as the real one: raise the unfixed types'
/// lowest probability as far as it goes, and fix the types the stage's dual weights hold
/// down (those with positive weight: by complementary slackness no fractional distribution
/// keeping the stage's value gives them more). `margin` is taken off the fixed probabilities
/// each stage must keep, as the real stages do; a stage at `1 - gap` or more fixes every type
/// left, as the real stages do at one; `positive` is the weight that counts as positive (a
/// type whose weight is below it only waits for a later stage of the same value). None if a
/// linear program fails.
pub(crate) fn leximin(
    program: &PanelProgram,
    margin: f64,
    gap: f64,
    positive: f64,
) -> Option<Relaxed> {
    let types = program.types.len();
    let mut fixed: Vec<Option<f64>> = vec![None; types];
    let mut levels = 0;
    while fixed.iter().any(Option::is_none) {
        let kept: Vec<f64> = fixed.iter().map(|&p| kept(p, margin)).collect();
        let (value, weights) = stage(program, &fixed, &kept)?;
        let value = value.clamp(0.0, 1.0);
        // At one, nobody can rise further.
        let everyone = value >= 1.0 - gap;
        let mut any = false;
        for (p, &w) in fixed.iter_mut().zip(&weights) {
            if p.is_none() && (w > positive || everyone) {
                *p = Some(value);
                any = true;
            }
        }
        if !any {
            return None; // weights summing to one over the unfixed types: cannot happen
        }
        levels += 1;
    }
    Some(Relaxed {
        targets: fixed.into_iter().map(|p| p.unwrap_or(0.0)).collect(),
        levels,
    })
}

/// One relaxed stage, solved as its dual: its value and the type weights that prove it.
///
/// The weights y (y ≥ 0, summing to one over the unfixed types) bound the stage by the
/// heaviest fractional panel's weight, sum over t of y_t x_t / n_t, less what the fixed types
/// keep, sum over fixed t of y_t kept_t. The heaviest fractional panel is itself a linear
/// program (over the counts x_t), so the dual takes its dual in place of it: a price mu on
/// the panel size, prices on each quota's maximum and minimum and on each household, and a
/// price sigma_t on each type's most members u_t, which together must price every member of
/// every type at least its weight y_t / n_t. The value is then
/// `size mu + sum of quota and household prices + sum of u_t sigma_t - sum of kept_t y_t`.
fn stage(program: &PanelProgram, fixed: &[Option<f64>], kept: &[f64]) -> Option<(f64, Vec<f64>)> {
    let types = program.types;
    let size = f64::from(program.size);
    let members = |t: usize| types.members[t].len() as f64;
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let mu = problem.add_var(size, (f64::NEG_INFINITY, f64::INFINITY));
    let weights: Vec<Variable> = (0..types.len())
        .map(|t| {
            let cost = if fixed[t].is_some() { -kept[t] } else { 0.0 };
            problem.add_var(cost, (0.0, f64::INFINITY))
        })
        .collect();
    // Each type's row: mu + its prices - y_t / n_t >= 0.
    let mut rows: Vec<LinearExpr> = (0..types.len())
        .map(|t| {
            let sigma = problem.add_var(members(t).min(size), (0.0, f64::INFINITY));
            let mut row = LinearExpr::empty();
            row.add(mu, 1.0);
            row.add(sigma, 1.0);
            row.add(weights[t], -1.0 / members(t));
            row
        })
        .collect();
    for household in &types.households {
        let price = problem.add_var(1.0, (0.0, f64::INFINITY));
        household.iter().for_each(|&t| rows[t].add(price, 1.0));
    }
    for (f, feature) in program.pool.features.iter().enumerate() {
        for (value, quota) in feature.quotas.iter().enumerate() {
            let most = problem.add_var(f64::from(quota.max), (0.0, f64::INFINITY));
            let least = problem.add_var(-f64::from(quota.min), (0.0, f64::INFINITY));
            for t in (0..types.len()).filter(|&t| types.values[t][f] == value) {
                rows[t].add(most, 1.0);
                rows[t].add(least, -1.0);
            }
        }
    }
    for row in rows {
        problem.add_constraint(row, ComparisonOp::Ge, 0.0);
    }
    let unfixed: LinearExpr = (0..types.len())
        .filter(|&t| fixed[t].is_none())
        .map(|t| (weights[t], 1.0))
        .collect();
    problem.add_constraint(unfixed, ComparisonOp::Eq, 1.0);
    let solution = problem.solve().ok()?.into_solution().ok()?;
    let weights = weights
        .iter()
        .map(|&w| solution.var_value(w).max(0.0))
        .collect();
    Some((solution.objective(), weights))
}

#[cfg(test)]
mod tests {
    use super::leximin;
    use crate::master::tests::one_woman_two_men;
    use crate::oracle::PanelProgram;

    /// Panels of two with exactly one woman: she is on every panel, each man on half of them.
    #[test]
    fn the_relaxation_of_a_known_pool_gives_its_leximin_level_by_level() {
        let (pool, types) = one_woman_two_men();
        let program = PanelProgram::new(&pool, &types, 2);
        let relaxed = leximin(&program, 1e-7, 5e-4, 1e-7).expect("solved");
        assert_eq!(relaxed.levels, 2, "the men first, then the woman");
        let woman = types.values.iter().position(|v| v[0] == 0).unwrap();
        let men = 1 - woman;
        assert!(
            (relaxed.targets[men] - 0.5).abs() < 1e-6,
            "{:?}",
            relaxed.targets
        );
        assert!(
            (relaxed.targets[woman] - 1.0).abs() < 1e-6,
            "{:?}",
            relaxed.targets
        );
    }
}
