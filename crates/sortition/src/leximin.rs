//! The leximin distribution over panels (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature
//! 2021): raise the smallest selection probability as far as it goes, fix the volunteers
//! held at it, raise the next smallest, and so on.
//!
//! Each stage is a linear program over every possible panel, far too many to list, so it is
//! solved by column generation on its dual: the dual puts a weight on each type of
//! volunteer; the integer program finds the panel heaviest under those weights; if that
//! panel is heavier than the dual allows it is added and the dual solved again, otherwise the
//! stage's optimum is proven. The weights that stay positive mark the types that cannot
//! rise further; they are fixed at the stage's value.

use std::collections::HashSet;

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem};

use crate::dual::{DualPoint, StageDual, kept};
use crate::master::Master;
use crate::oracle::{Panel, PanelProgram, Types};
use crate::pool::Pool;
use crate::rng::Rng;
use crate::{Distribution, Drawn, GroupPanel, LpSolver, Request, SelectError};

/// Below this, an improvement is numerical noise.
const EPS: f64 = 1e-7;
/// Fixed probabilities are kept up to this margin, so that rounding in one stage never
/// makes the next one infeasible.
pub(crate) const MARGIN: f64 = 1e-7;
/// A stage's value is known when it is known to within this (as a probability): the
/// tolerance of the paper's own implementation (and of sortition-algorithms). The stage then
/// goes on only until its weights mark the types to fix (see `raise_lowest`).
const GAP: f64 = 5e-4;
/// A type is fixed at a stage's value only if no distribution can give it more than this
/// above it (see `held_down`).
const FIX_TOLERANCE: f64 = 1e-4;
/// Above this a type's weight counts as positive.
const POSITIVE: f64 = 1e-7;
/// The same in the relaxation's dual (see [`crate::relaxed::leximin`]), higher: a spurious
/// positive weight there (microlp's rounding, near 1e-9) would fix a type below its level
/// and spoil the targets, while a type truly held with a smaller weight only waits for the
/// next stage, of the same value.
const RELAXED_POSITIVE: f64 = 1e-6;
/// A known panel not basic for this many rounds is dropped (see `drop_idle_panels`),
/// looked at every `DROP_EVERY` rounds. 8 was the best of 3, 6, 8, 12 and 30 on the
/// sf_e-shaped pool (296, 132, 130, 137 and 190 s) and of 6, 8 and 12 on the 1,000 pool.
const IDLE_ROUNDS: usize = 8;
const DROP_EVERY: usize = 10;
/// A panel whose dual row is slack by less than this counts as tight.
const TIGHT: f64 = 1e-6;
/// Each round searches panels at these points between the current weights (0) and the
/// weights that gave the best bound (1).
const SEARCH_POINTS: [f64; 4] = [0.0, 0.4, 0.7, 0.9];
/// At most this many panel searches before the first stage (see `first_panels`).
const FIRST_SEARCHES: usize = 300;
/// Panel searches toward the relaxation's targets (see `through_relaxed_targets`). With a
/// step of 0.2, 300 left the sf_e-shaped pool's panels at 98.6% of every target, and the
/// rounds from there took more than 9 minutes; 1,000 left them at 99.7%, and the rounds took
/// about 5 s (with `AIM_STEP`, 100.00%).
const AIM_SEARCHES: usize = 1000;
/// How fast those searches weigh a type down (as `STAGE_STEP`). A type's share of its
/// target on one panel can be large (a single volunteer aimed at 0.013 has 77 on a panel
/// taking them), and at 0.2 such a type's weight fell to the floor at once and came back
/// too soon: on the 5,000 pool the 1,000 panels reached 88.75% of every target; at 0.02,
/// 99.83%, and the whole leximin took 83 s instead of more than 10 minutes.
const AIM_STEP: f64 = 0.02;
/// The share of every target those panels must give before the rounds are tried: below
/// it, leximin's own stages are quicker.
const AIM_START: f64 = 0.99;
/// The most rounds tried toward the targets (the sf_e-shaped pool took 64, the 5,000 pool
/// 68) before leximin's own stages take over.
const AIM_ROUNDS: u32 = 150;
/// At most this many panel searches at the start of each later stage (see `stage_panels`).
const STAGE_SEARCHES: usize = 300;
/// At most this many branch-and-bound nodes for each of `stage_panels`' searches.
const STAGE_NODES: u64 = 200;
/// How fast `stage_panels` weighs a type down: a panel giving a type its target
/// probability multiplies its weight by e^-STAGE_STEP.
const STAGE_STEP: f64 = 0.2;
/// Each round also searches panels at running averages of the stage's dual weights, one for
/// each of these rates (the share of the old average kept each round; see `raise_lowest`).
const AVERAGE_RATES: [f64; 2] = [0.95, 0.7];

pub(crate) fn select(pool: &Pool, request: &Request) -> Result<Drawn, SelectError> {
    let found = distribution(pool, request)?;
    let weights: Vec<f64> = found.panels.iter().map(|p| p.probability).collect();
    let mut rng = Rng::new(request.seed);
    let chosen = draw(&mut rng, &weights);
    let panel = people_of(&mut rng, &found.groups, &found.panels[chosen].counts);
    Ok(Drawn {
        panel,
        probabilities: found.probabilities,
        exact: true,
        panels: found.panels.len(),
        complete: found.complete,
        levels: found.levels,
    })
}

/// The leximin distribution over panels of types (see [`Distribution`]).
pub(crate) fn distribution(pool: &Pool, request: &Request) -> Result<Distribution, SelectError> {
    let types = Types::of(pool, request.one_per_household);
    let mut rounds_left = request.max_rounds;
    if request.solver == LpSolver::Revised && rounds_left != Some(0) {
        match through_relaxed_targets(pool, request, &types, &mut rounds_left) {
            Ok(Some(found)) => return Ok(found),
            Ok(None) => {}
            // The path is a shortcut: where its programs fail, the stages still answer.
            Err(e) => note(&format!("relaxed targets: {e}; going stage by stage")),
        }
    }
    by_stages(pool, request, types, rounds_left)
}

/// Leximin stage by stage, each stage by column generation (see `raise_lowest`).
fn by_stages(
    pool: &Pool,
    request: &Request,
    types: Types,
    mut rounds_left: Option<u32>,
) -> Result<Distribution, SelectError> {
    let program = PanelProgram::new(pool, &types, request.size);
    #[cfg(feature = "highs")]
    let program = program.with_highs_search(request.solver == LpSolver::HighsMip);
    let mut panels = first_panels(&program)?;
    let mut fixed: Vec<Option<f64>> = vec![None; types.len()];
    // The basic panels of the last stage, to start the next one from.
    let mut start: Vec<Panel> = Vec::new();
    // The last stage's program turned into the next one's, when the solver can.
    let mut carried: Option<StageDual> = None;
    let (complete, levels) = all_stages(
        request.solver,
        &program,
        &mut panels,
        &mut fixed,
        &mut rounds_left,
        &mut start,
        &mut carried,
    )?;
    let weights = final_weights(request.solver, &types, &panels, &fixed, &start, &carried)?;
    Ok(distribution_of(
        pool, types, panels, weights, complete, levels,
    ))
}

/// Leximin's stages (`raise_lowest`) until every type is fixed or the rounds run out:
/// whether they all finished, and how many there were.
fn all_stages(
    solver: LpSolver,
    program: &PanelProgram,
    panels: &mut Vec<Panel>,
    fixed: &mut [Option<f64>],
    rounds_left: &mut Option<u32>,
    start: &mut Vec<Panel>,
    carried: &mut Option<StageDual>,
) -> Result<(bool, usize), SelectError> {
    let mut complete = true;
    let mut levels = 0;
    while complete && fixed.iter().any(Option::is_none) {
        complete = raise_lowest(solver, program, panels, fixed, rounds_left, start, carried)?;
        levels += 1;
    }
    Ok((complete, levels))
}

/// After the last stage every type is fixed, and the carried program's solution is a
/// distribution that reaches them all (as is the last stage's, should the rounds run out).
fn final_weights(
    solver: LpSolver,
    types: &Types,
    panels: &[Panel],
    fixed: &[Option<f64>],
    start: &[Panel],
    carried: &Option<StageDual>,
) -> Result<Vec<f64>, SelectError> {
    match carried.as_ref().and_then(StageDual::panel_values) {
        Some(weights) if weights.len() == panels.len() => Ok(weights),
        _ => {
            let fixed: Vec<f64> = fixed.iter().map(|p| p.unwrap_or(0.0)).collect();
            panel_probabilities(solver, types, panels, &fixed, start)
        }
    }
}

fn distribution_of(
    pool: &Pool,
    types: Types,
    panels: Vec<Panel>,
    weights: Vec<f64>,
    complete: bool,
    levels: usize,
) -> Distribution {
    let type_probability = probabilities_of(&types, &panels, &weights);
    let mut probabilities = vec![0.0; pool.people.len()];
    for (t, members) in types.members.iter().enumerate() {
        for &i in members {
            probabilities[i] = type_probability[t];
        }
    }
    let panels = panels
        .into_iter()
        .zip(weights)
        .filter(|&(_, w)| w > 0.0)
        .map(|(counts, probability)| GroupPanel {
            counts,
            probability,
        })
        .collect();
    Distribution {
        groups: types.members,
        panels,
        probabilities,
        complete,
        levels,
    }
}

/// Leximin through the relaxation's targets (see [`crate::relaxed`]), where it can be had
/// quickly: a distribution over real panels giving every type at least its relaxed
/// probability less GAP. The relaxation's leximin is at least as good, in leximin's order,
/// as any distribution's, so this one's lowest probability is within GAP of the best
/// possible, and so on up: every type is within GAP below the relaxation's level for it
/// (some end above theirs, taking seats the others' GAP leaves). Its types are aimed at
/// those targets ([`Types::aiming_at`]), so that one leximin of them, whose first stage is
/// the largest z giving every type z times its target, finds it; multiplicative-weights
/// searches toward the targets give the first panels.
/// None, to fall back on leximin's own stages, when those panels fall short of `AIM_START`
/// of some target, when the rounds pass `AIM_ROUNDS`, or when some type ends short of its
/// target. On the sf_e-shaped pool this took 13.9 s instead of 76 s, on the 5,000 pool 83 s
/// instead of more than 10 minutes (BENCHMARKS.md, issue 29, eighth session).
fn through_relaxed_targets(
    pool: &Pool,
    request: &Request,
    types: &Types,
    rounds_left: &mut Option<u32>,
) -> Result<Option<Distribution>, SelectError> {
    let program = PanelProgram::new(pool, types, request.size);
    let Some(relaxed) = crate::relaxed::leximin(&program, MARGIN, GAP, RELAXED_POSITIVE) else {
        return Ok(None);
    };
    let targets = &relaxed.targets;
    // A type whose target is at most GAP meets it with nothing: it is held at zero (kept at
    // no probability), and its share is counted against its members alone. Aiming at tiny
    // targets would scale its share by their inverse and leave the programs ill-conditioned.
    let negligible = |t: f64| t <= GAP;
    let aimed = types.aiming_at(
        targets
            .iter()
            .map(|&t| if negligible(t) { 1.0 } else { t })
            .collect(),
    );
    let program = PanelProgram::new(pool, &aimed, request.size);
    let mut fixed: Vec<Option<f64>> = targets
        .iter()
        .map(|&t| negligible(t).then_some(0.0))
        .collect();
    let even = vec![0.0; types.len()];
    let mut panels = stage_panels(&program, &fixed, 1.0, AIM_SEARCHES, AIM_STEP, &even)?;
    if panels.is_empty() {
        return Ok(None);
    }
    let dual = StageDual::new(request.solver, &aimed, &panels, &fixed, &[])?;
    let reached = dual.point().value;
    note(&format!(
        "relaxed leximin: {} levels; {} panels give every type {reached:.4} of its target",
        relaxed.levels,
        panels.len(),
    ));
    if reached < AIM_START {
        return Ok(None);
    }
    let mut carried = Some(dual);
    let budget = rounds_left.map_or(AIM_ROUNDS, |left| left.min(AIM_ROUNDS));
    let mut left = Some(budget);
    let mut start = Vec::new();
    let (complete, _) = all_stages(
        request.solver,
        &program,
        &mut panels,
        &mut fixed,
        &mut left,
        &mut start,
        &mut carried,
    )?;
    // The caller's cap ran out here (not just this path's own): its distribution, which
    // gives every type at least its share z of its target, is the answer, stopped short.
    let capped = !complete && *rounds_left == Some(budget);
    if let Some(rounds) = rounds_left.as_mut() {
        *rounds -= budget - left.unwrap_or(0);
    }
    if !complete && !capped {
        return Ok(None);
    }
    let weights = final_weights(request.solver, &aimed, &panels, &fixed, &start, &carried)?;
    let probabilities = probabilities_of(types, &panels, &weights);
    let short = probabilities
        .iter()
        .zip(targets)
        .any(|(p, target)| *p < target - GAP);
    if short && !capped {
        return Ok(None);
    }
    Ok(Some(distribution_of(
        pool,
        types.clone(),
        panels,
        weights,
        !capped,
        relaxed.levels,
    )))
}

/// A varied first set of panels: each search weighs down the types the panels so far took,
/// so that column generation starts near a spread-out distribution. Up to one search per
/// type (at most 300): a search costs an integer program of a few milliseconds, while every
/// panel column generation has to find instead costs a linear program tens of times dearer.
/// On the 1,000-volunteer benchmark pool (336 types) 300 searches instead of 20 took the
/// whole selection from 86 s to 44 s, with the same minimum probability.
fn first_panels(program: &PanelProgram) -> Result<Vec<Panel>, SelectError> {
    let types = program.types;
    let mut weights = vec![1.0; types.len()];
    let mut panels: Vec<Panel> = Vec::new();
    let rounds = types.len().clamp(1, FIRST_SEARCHES);
    for round in 0..rounds {
        // The first search is exact (it finds out whether any panel meets the quotas), the
        // others only need to be heavy: with even weights many panels tie, and proving
        // one the heaviest took most of their time.
        let found = if round == 0 {
            timed(|| program.best_panel(&weights))
        } else {
            timed(|| program.good_panel(&weights, STAGE_NODES))
        };
        let Some(panel) = found.map_err(SelectError::Solver)? else {
            if round == 0 {
                return Err(SelectError::Solver("the quotas became infeasible".into()));
            }
            break; // the same weights would only give the same search again
        };
        for (t, &taken) in panel.iter().enumerate() {
            weights[t] *= 1.0 - 0.5 * taken as f64 / types.size(t);
        }
        let total: f64 = weights.iter().sum();
        weights
            .iter_mut()
            .for_each(|w| *w *= types.len() as f64 / total);
        if !panels.contains(&panel) {
            panels.push(panel);
        }
    }
    Ok(panels)
}

/// Panels for a later stage, found by multiplicative weights as `first_panels` does for the
/// first: each type has a target (its fixed probability, or for the unfixed ones `ceiling`,
/// the most they can all reach together, see `stage_ceiling`), and each search weighs down
/// the types the panels so far gave most relative to their targets. Column generation alone creeps up a later stage's value a few
/// panels at a time (the stage's dual weights sit on a few types); these panels give it a
/// varied start. On the sf_e-shaped pool the second and third levels then closed 8 s and
/// 13 s into the rounds (14.5 s and about 27 s before). Starting the weights from the
/// stage's first dual weights (the types holding it down) rather than from equal ones took
/// the whole selection there from 967 rounds to 792 (four times those weights: also 792).
/// The unfixed types' target was the last stage's value before: the ceiling (alone, without
/// the averaged searches of `raise_lowest`) took the sf_e-shaped pool's fourth level from
/// 171 rounds to 149, the whole selection from 765 rounds to 705.
fn stage_panels(
    program: &PanelProgram,
    fixed: &[Option<f64>],
    ceiling: f64,
    searches: usize,
    step: f64,
    duals: &[f64],
) -> Result<Vec<Panel>, SelectError> {
    let types = program.types;
    let targets: Vec<f64> = fixed
        .iter()
        .map(|p| p.unwrap_or(ceiling).max(1e-3))
        .collect();
    // The search starts from the stage's first dual weights (which sum to one over the
    // unfixed types), scaled to the types' count, over an even floor.
    let mut weights: Vec<f64> = duals.iter().map(|y| 1.0 + types.len() as f64 * y).collect();
    let mut found = Vec::new();
    for _ in 0..searches {
        let point: Vec<f64> = (0..types.len())
            .map(|t| weights[t] / targets[t] / types.size(t))
            .collect();
        let Some(panel) =
            timed(|| program.good_panel(&point, STAGE_NODES)).map_err(SelectError::Solver)?
        else {
            break; // the same weights would only give the same search again
        };
        for (t, &taken) in panel.iter().enumerate() {
            let ratio = taken as f64 / types.size(t) / targets[t];
            weights[t] *= (-step * ratio).exp();
        }
        let total: f64 = weights.iter().sum();
        // Kept above a floor: weights near zero make many panels tie, and the integer
        // program's branch and bound then runs for minutes.
        weights
            .iter_mut()
            .for_each(|w| *w = (*w * types.len() as f64 / total).max(1e-3));
        if !found.contains(&panel) {
            found.push(panel);
        }
    }
    Ok(found)
}

/// One leximin stage: the highest probability every unfixed type can reach together, given
/// the fixed ones; fixes the types that cannot go above it. Should the rounds run out first,
/// every unfixed type is fixed at the value the known panels reach, which they can give all
/// of them at once, and the answer is false: leximin stopped short.
///
/// Column generation alone tails off: the dual weights swing from one panel to the next.
/// So panels are also sought at a point between the current weights and the weights that
/// gave the best bound so far (Wentges' smoothing), and the stage's value is known when the
/// restricted dual's value and that bound meet (within GAP).
///
/// The types to fix are then still open. They are those the weights hold down, and only
/// weights that no panel at all beats (an optimum of the whole stage, not just of the
/// known panels) hold down only types that cannot rise. Weights of the known panels alone
/// can hold down types that could rise, and which ones depends on the panels the searches
/// happened to find: on a 150-volunteer test pool a stage ending at the gap fixed 21 types
/// with one panel search and 23 with another, and the next level came out at 0.103 or
/// 0.117. So once the value is known the stage goes on, searching only at the current
/// weights, until their heaviest panel is known (each such round is cheap, and on the
/// sf_e-shaped pool there were 13 of them in all, BENCHMARKS.md, issue 29, sixth session).
/// At one, every type is fixed whatever the weights say, and the stage ends at once.
///
/// In the long middle stages that best bound stays far above the value for a hundred rounds
/// and more (the restricted dual's weights sit on a few types, and so do their panels), so
/// each round also searches at running averages of the stage's dual weights (rates
/// `AVERAGE_RATES`): a centre of the vertices the re-solves visit, whose panels spread over
/// more types, and whose bounds hold (an average of weights summing to one over the unfixed
/// types sums to one too). With the ceiling target of `stage_panels`, the sf_e-shaped pool
/// took 498 rounds instead of 765 (BENCHMARKS.md, issue 29, fifth session).
fn raise_lowest(
    solver: LpSolver,
    program: &PanelProgram,
    panels: &mut Vec<Panel>,
    fixed: &mut [Option<f64>],
    rounds_left: &mut Option<u32>,
    start: &mut Vec<Panel>,
    carried: &mut Option<StageDual>,
) -> Result<bool, SelectError> {
    let types = program.types;
    let kept: Vec<f64> = fixed.iter().map(|&p| kept(p, MARGIN)).collect();
    let ceiling = stage_ceiling(program, fixed, &kept);
    let mut dual = match carried.take() {
        Some(dual) => dual,
        None => StageDual::new(solver, types, panels, fixed, start)?,
    };
    if fixed.iter().any(Option::is_some) {
        let unfixed = fixed.iter().filter(|p| p.is_none()).count();
        let point = dual.point();
        let found = stage_panels(
            program,
            fixed,
            ceiling,
            unfixed.clamp(1, STAGE_SEARCHES),
            STAGE_STEP,
            &point.weights,
        )?;
        let known = panels.len();
        for panel in found {
            if !panels.contains(&panel) {
                panels.push(panel);
            }
        }
        dual = dual.add_panels(types, panels, known, fixed)?;
    }
    let mut center: Option<(Vec<f64>, f64)> = None;
    let mut stall = Stall::default();
    // The running averages of the dual weights, one per rate of `AVERAGE_RATES`.
    let mut averages: Vec<Vec<f64>> = Vec::new();
    // Whether the stage's value is known (to within GAP): the rounds then only seek
    // weights that no panel beats (see above).
    let mut settled = false;
    // Rounds, for dropping idle panels: the last round each panel was basic, and the
    // panels dropped so far.
    let mut round = 0usize;
    let mut last_basic: Vec<usize> = vec![0; panels.len()];
    let mut dropped: HashSet<Panel> = HashSet::new();
    loop {
        let DualPoint {
            weights,
            cap,
            value,
        } = dual.point();
        let out_of_rounds = *rounds_left == Some(0);
        // With the value known, the stage can still end as any other (fixing the types its
        // weights hold down); otherwise every unfixed type stops at the value reached.
        if out_of_rounds && !settled {
            fixed
                .iter_mut()
                .filter(|p| p.is_none())
                .for_each(|p| *p = Some(value.clamp(0.0, 1.0)));
            // Its solution gives every type that: it is the final distribution.
            *carried = Some(dual);
            return Ok(false);
        }
        if let Some(left) = rounds_left.as_mut() {
            *left = left.saturating_sub(1);
        }

        stall.record(value, &weights);
        let points = if settled {
            vec![weights.clone()]
        } else {
            let mut points: Vec<Vec<f64>> = SEARCH_POINTS
                .iter()
                .filter_map(|&smoothing| match &center {
                    _ if smoothing == 0.0 => Some(weights.clone()),
                    Some((c, _)) => Some(
                        c.iter()
                            .zip(&weights)
                            .map(|(c, w)| smoothing * c + (1.0 - smoothing) * w)
                            .collect(),
                    ),
                    None => None,
                })
                .collect();
            points.extend(stall.average());
            if averages.is_empty() {
                // The first round: each average is the current weights, searched already.
                averages = AVERAGE_RATES.iter().map(|_| weights.clone()).collect();
            } else {
                for (average, rate) in averages.iter_mut().zip(AVERAGE_RATES) {
                    average
                        .iter_mut()
                        .zip(&weights)
                        .for_each(|(a, w)| *a = rate * *a + (1.0 - rate) * w);
                    points.push(average.clone());
                }
            }
            points
        };
        let mut new = Vec::new();
        // How much the heaviest panel beats the current weights' cap by, at most.
        let mut beaten_by = f64::INFINITY;
        for point in points {
            // At the current weights the search must say whether any panel beats them.
            let enough = (point == weights).then_some(cap + EPS);
            let (best, at_most) = heavy_panel(program, &point, enough)?;
            if enough.is_some() {
                beaten_by = at_most - cap;
            }
            // Any point with non-negative weights summing to one over the unfixed types
            // bounds the stage's value from above.
            let bound = at_most - dot(&kept, &point);
            if center.as_ref().is_none_or(|(_, b)| bound < *b) {
                center = Some((point, bound));
            }
            if panel_weight(types, &best, &weights) > cap + EPS
                && !panels.contains(&best)
                && !new.contains(&best)
            {
                new.push(best);
            }
        }
        let bound = center
            .as_ref()
            .map_or(f64::INFINITY, |(_, b)| *b)
            .min(ceiling);
        trace(panels.len(), value, bound);
        // At one, no type can rise further, and all are fixed whatever the weights say.
        let at_one = value >= 1.0 - GAP;
        // Weights that a panel beats by δ still hold down every type whose weight is at
        // least δ / FIX_TOLERANCE (see `held_down`).
        let held = held_down(&weights, fixed, beaten_by);
        if new.is_empty() || at_one || out_of_rounds || held.is_some() {
            *start = dual
                .basic_panels()
                .into_iter()
                .map(|p| panels[p].clone())
                .collect();
            let positive = if at_one {
                f64::NEG_INFINITY
            } else if new.is_empty() || out_of_rounds {
                dual.positive_weight()
            } else {
                held.unwrap_or(f64::INFINITY)
            };
            let now_fixed = fix_stage(fixed, &weights, value.clamp(0.0, 1.0), positive);
            let keep = tight(types, panels, &weights, cap);
            let mut k = keep.iter();
            panels.retain(|_| *k.next().expect("one flag a panel"));
            *carried = dual.next_stage(&now_fixed, &keep);
            return Ok(true);
        }
        settled = settled || bound - value <= GAP;
        round += 1;
        for p in dual.basic_panels() {
            last_basic[p] = last_basic[p].max(round);
        }
        if round.is_multiple_of(DROP_EVERY) {
            drop_idle_panels(&mut dual, panels, &mut last_basic, &mut dropped, round);
        }
        let known = panels.len();
        // A panel dropped once and found again stays: no panel goes round and round.
        last_basic.extend(new.iter().map(|p| {
            if dropped.contains(p) {
                usize::MAX
            } else {
                round
            }
        }));
        panels.extend(new);
        dual = dual.add_panels(types, panels, known, fixed)?;
    }
}

/// Drops from the stage's program the panels that have not been basic for `IDLE_ROUNDS`
/// rounds (where the solver can drop panels; ours can). At a stage's restricted optimum
/// almost every known panel is nearly as heavy as the cap, so the more panels the program
/// holds, the more of them each re-solve brings in and takes out again: on the sf_e-shaped
/// pool a re-solve of 364 pivots brought in 244 panels, 195 of which left again within it.
/// Dropping the idle ones kept that pool's program near 1,000 panels instead of 2,600, and
/// although panels dropped are sometimes found again (777 rounds instead of 498), a round
/// cost about a third as much: 130 s instead of 191 s in all (BENCHMARKS.md, issue 29,
/// seventh session). Only non-basic panels go, so the solution and its value stay.
fn drop_idle_panels(
    dual: &mut StageDual,
    panels: &mut Vec<Panel>,
    last_basic: &mut Vec<usize>,
    dropped: &mut HashSet<Panel>,
    round: usize,
) {
    let keep: Vec<bool> = last_basic
        .iter()
        .map(|&r| r.saturating_add(IDLE_ROUNDS) > round)
        .collect();
    if keep.iter().all(|&k| k) || !dual.drop_panels(&keep) {
        return;
    }
    let mut k = keep.iter();
    panels.retain(|panel| {
        let kept = *k.next().expect("one flag a panel");
        if !kept {
            dropped.insert(panel.clone());
        }
        kept
    });
    let mut k = keep.iter();
    last_basic.retain(|_| *k.next().expect("one flag a panel"));
}

/// The dual weights of the rounds since the stage's value last rose. When the restricted
/// program is degenerate, its value can stay put for dozens of rounds while each re-solve
/// moves its weights to another vertex of the same face, and each vertex's heaviest panel
/// is new; their average (the centre of the vertices seen) is searched too, as its bound
/// is at most the average of theirs.
#[derive(Default)]
struct Stall {
    value: f64,
    sum: Vec<f64>,
    rounds: usize,
}

impl Stall {
    fn record(&mut self, value: f64, weights: &[f64]) {
        if self.rounds == 0 || value > self.value + EPS {
            self.value = value;
            self.sum = weights.to_vec();
            self.rounds = 1;
        } else {
            self.sum.iter_mut().zip(weights).for_each(|(s, w)| *s += w);
            self.rounds += 1;
        }
    }

    /// The average weights, once the value has stayed put for a round.
    fn average(&self) -> Option<Vec<f64>> {
        (self.rounds >= 2).then(|| self.sum.iter().map(|s| s / self.rounds as f64).collect())
    }
}

/// A bound on the stage's value that needs no panel search: no probability is above one,
/// and since every panel seats `size` people, the probabilities times the types' sizes sum
/// to `size` in any distribution, so the unfixed types (U people) can share at most what
/// the fixed ones leave: (size - sum of kept x size) / U. The last stages, whose value is
/// one, end with it at once: on the sf_e-shaped pool the stage at one had taken up to 80
/// rounds of panel searches whose Lagrangian bound stayed 0.0009 above it.
fn stage_ceiling(program: &PanelProgram, fixed: &[Option<f64>], kept: &[f64]) -> f64 {
    let types = program.types;
    let unfixed_people: f64 = (0..types.len())
        .filter(|&t| fixed[t].is_none())
        .map(|t| types.size(t))
        .sum();
    let kept_seats: f64 = (0..types.len()).map(|t| kept[t] * types.size(t)).sum();
    if unfixed_people == 0.0 {
        return 1.0;
    }
    ((program.size as f64 - kept_seats) / unfixed_people).min(1.0)
}

/// With `SORTITION_TRACE` set, one line per round on standard error: how the stage's bounds
/// close, and when (seconds since the process's first trace), for tuning.
fn trace(panels: usize, value: f64, bound: f64) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    if std::env::var_os("SORTITION_TRACE").is_some() {
        let seconds = START
            .get_or_init(std::time::Instant::now)
            .elapsed()
            .as_secs_f64();
        let searching = SEARCHING.load(std::sync::atomic::Ordering::Relaxed) as f64 * 1e-9;
        eprintln!(
            "{seconds:.1} s: panels {panels} value {value:.6} bound {bound:.6} (searches {searching:.1} s)"
        );
    }
}

/// With `SORTITION_TRACE` set, a line on standard error.
fn note(line: &str) {
    if std::env::var_os("SORTITION_TRACE").is_some() {
        eprintln!("{line}");
    }
}

/// Nanoseconds spent in panel searches, for the trace.
static SEARCHING: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Runs a panel search, counting its time for the trace.
fn timed<T>(search: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let result = search();
    SEARCHING.fetch_add(
        started.elapsed().as_nanos() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
    result
}

/// Which panels to keep: those the stage's dual leaves tight. The others are dropped: the
/// stage's distribution uses only tight ones (complementary slackness), so the fixed
/// probabilities stay within reach of those kept, and the next stage's linear programs are
/// smaller; a dropped panel a later stage needs is found again by the panel search.
fn tight(types: &Types, panels: &[Panel], weights: &[f64], cap: f64) -> Vec<bool> {
    panels
        .iter()
        .map(|panel| panel_weight(types, panel, weights) >= cap - TIGHT)
        .collect()
}

/// A heavy panel under the type weights and a bound on any panel's weight (see
/// [`PanelProgram::bounded_panel`]).
fn heavy_panel(
    program: &PanelProgram,
    type_weights: &[f64],
    enough: Option<f64>,
) -> Result<(Panel, f64), SelectError> {
    let per_person: Vec<f64> = (0..program.types.len())
        .map(|t| type_weights[t] / program.types.size(t))
        .collect();
    timed(|| program.bounded_panel(&per_person, enough))
        .map_err(SelectError::Solver)?
        .ok_or_else(|| SelectError::Solver("the quotas became infeasible".into()))
}

/// A panel's weight: for each type, its share of the type's members times the type's weight.
fn panel_weight(types: &Types, panel: &Panel, type_weights: &[f64]) -> f64 {
    panel
        .iter()
        .enumerate()
        .map(|(t, &n)| n as f64 / types.size(t) * type_weights[t])
        .sum()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The weight above which an unfixed type is held down by weights w that the heaviest
/// panel beats by `beaten_by` (δ), when some type's is: None when none is (or δ is not
/// known). In any distribution giving every unfixed type at least the stage's value v
/// (and the fixed ones what they keep), sum over unfixed t of w_t (p_t - v) is at most
/// the heaviest panel's weight minus the cap, δ (the weights of the unfixed types sum to
/// one, and the restricted program's value is its cap less the fixed types' share), and
/// each term is non-negative, so p_t is at most v + δ / w_t. A type whose weight is at least
/// δ / FIX_TOLERANCE cannot rise more than FIX_TOLERANCE above v, and is fixed at v (a
/// fixed type keeps at least its value, never at most). Without this, a stage whose value
/// was known could go on for a hundred rounds of panels beating the weights by a hair
/// while the value stayed put (the sf_e-shaped pool, BENCHMARKS.md, issue 29, seventh
/// session).
fn held_down(weights: &[f64], fixed: &[Option<f64>], beaten_by: f64) -> Option<f64> {
    if !beaten_by.is_finite() {
        return None;
    }
    let threshold = (beaten_by.max(0.0) / FIX_TOLERANCE).max(POSITIVE);
    (0..weights.len())
        .any(|t| fixed[t].is_none() && weights[t] > threshold)
        .then_some(threshold)
}

/// Fixes the unfixed types whose dual weight is above `positive` at the stage's value;
/// returns them.
fn fix_stage(fixed: &mut [Option<f64>], weights: &[f64], value: f64, positive: f64) -> Vec<usize> {
    let mut now_fixed = Vec::new();
    for (t, p) in fixed.iter_mut().enumerate() {
        if p.is_none() && weights[t] > positive {
            *p = Some(value);
            now_fixed.push(t);
        }
    }
    if now_fixed.is_empty() {
        // Rounding hid every weight below the threshold: fix the heaviest, which the dual's
        // constraint (weights of unfixed types sum to one) says exists.
        let t = (0..fixed.len())
            .filter(|&t| fixed[t].is_none())
            .max_by(|&a, &b| weights[a].total_cmp(&weights[b]))
            .expect("an unfixed type");
        fixed[t] = Some(value);
        now_fixed.push(t);
    }
    now_fixed
}

/// The probabilities of the known panels that give every type its fixed probability
/// (the revised simplex starts from `start`, the last stage's basic panels).
fn panel_probabilities(
    solver: LpSolver,
    types: &Types,
    panels: &[Panel],
    fixed: &[f64],
    start: &[Panel],
) -> Result<Vec<f64>, SelectError> {
    #[cfg(feature = "clp")]
    if solver == LpSolver::Clp {
        let kept: Vec<f64> = fixed.iter().map(|&p| (p - MARGIN).max(0.0)).collect();
        if let Ok(master) = crate::clp::ClpMaster::feasible(types, panels, &kept) {
            return Ok(master.panel_values());
        }
    }
    #[cfg(feature = "highs")]
    if matches!(solver, LpSolver::Highs | LpSolver::HighsMip) {
        let kept: Vec<f64> = fixed.iter().map(|&p| (p - MARGIN).max(0.0)).collect();
        if let Ok(master) = crate::highs::HighsMaster::feasible(types, panels, &kept) {
            return Ok(master.panel_values());
        }
    }
    if solver == LpSolver::Revised {
        let kept: Vec<Option<f64>> = fixed.iter().map(|&p| Some((p - MARGIN).max(0.0))).collect();
        if let Ok(master) = Master::new(types, panels, &kept, start) {
            return Ok(master.panel_values());
        }
    }
    let mut margin = MARGIN;
    loop {
        match distribution_with_margin(types, panels, fixed, margin) {
            Err(_) if margin < 1e-4 => margin *= 10.0,
            result => return result,
        }
    }
}

fn distribution_with_margin(
    types: &Types,
    panels: &[Panel],
    fixed: &[f64],
    margin: f64,
) -> Result<Vec<f64>, SelectError> {
    // Any distribution meeting the fixed probabilities will do: they are the leximin
    // optimum, so the sum of all probabilities (the panel size) leaves no room above them.
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let weight: Vec<_> = panels
        .iter()
        .map(|_| problem.add_var(0.0, (0.0, 1.0)))
        .collect();
    problem.add_constraint(
        weight.iter().map(|&w| (w, 1.0)).collect::<LinearExpr>(),
        ComparisonOp::Eq,
        1.0,
    );
    for t in 0..types.len() {
        if panels.iter().all(|panel| panel[t] == 0) {
            continue; // a type no panel takes: its fixed probability is zero
        }
        let expr: LinearExpr = panels
            .iter()
            .zip(&weight)
            .filter(|(panel, _)| panel[t] > 0)
            .map(|(panel, &w)| (w, panel[t] as f64 / types.size(t)))
            .collect();
        problem.add_constraint(expr, ComparisonOp::Ge, fixed[t] - margin);
    }
    let solution = solve(&problem)?;
    let mut weights: Vec<f64> = weight
        .iter()
        .map(|&w| solution.var_value(w).max(0.0))
        .map(|w| if w < 1e-12 { 0.0 } else { w })
        .collect();
    let total: f64 = weights.iter().sum();
    weights.iter_mut().for_each(|w| *w /= total);
    Ok(weights)
}

pub(crate) fn solve(problem: &Problem) -> Result<microlp::Solution, SelectError> {
    problem
        .solve()
        .map_err(|e| SelectError::Solver(format!("a linear program failed: {e}")))?
        .into_solution()
        .map_err(|_| SelectError::Solver("a linear program was interrupted".into()))
}

fn probabilities_of(types: &Types, panels: &[Panel], weights: &[f64]) -> Vec<f64> {
    (0..types.len())
        .map(|t| {
            let expected: f64 = panels
                .iter()
                .zip(weights)
                .map(|(panel, w)| w * panel[t] as f64)
                .sum();
            (expected / types.size(t)).clamp(0.0, 1.0)
        })
        .collect()
}

/// A panel index drawn with the given probabilities.
fn draw(rng: &mut Rng, weights: &[f64]) -> usize {
    let mut left = rng.unit();
    for (i, &w) in weights.iter().enumerate() {
        if left < w {
            return i;
        }
        left -= w;
    }
    weights.iter().rposition(|&w| w > 0.0).unwrap_or(0)
}

/// The people for a panel of types: each type's places go to members drawn uniformly.
fn people_of(rng: &mut Rng, groups: &[Vec<usize>], panel: &[u32]) -> Vec<usize> {
    let mut people = Vec::new();
    for (t, &taken) in panel.iter().enumerate() {
        let mut members = groups[t].clone();
        for k in 0..taken as usize {
            let j = k + rng.below(members.len() - k);
            members.swap(k, j);
            people.push(members[k]);
        }
    }
    people.sort_unstable();
    people
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{
        FIX_TOLERANCE, GAP, IDLE_ROUNDS, MARGIN, RELAXED_POSITIVE, by_stages, drop_idle_panels,
        fix_stage, held_down, through_relaxed_targets,
    };
    use crate::dual::StageDual;
    use crate::master::tests::{ages_and_areas, varied_panels};
    use crate::oracle::PanelProgram;
    use crate::oracle::Types;
    use crate::pool::{Feature, Person, Pool, Quota};
    use crate::rng::Rng;
    use crate::{LpSolver, Method, Request};

    #[test]
    fn idle_panels_leave_the_program_and_the_solution_stays() {
        // Twenty people, panels of five.
        let rows: Vec<[usize; 2]> = (0..20).map(|i| [i % 3, (i / 3) % 2]).collect();
        let (pool, types) = ages_and_areas(&rows, 4);
        let program = PanelProgram::new(&pool, &types, 5);
        let mut panels = varied_panels(&program, 12, 5, 7);
        let fixed = vec![None; types.len()];
        let mut dual = StageDual::new(LpSolver::Revised, &types, &panels, &fixed, &[]).unwrap();
        let value = dual.point().value;
        let basic: HashSet<usize> = dual.basic_panels().into_iter().collect();
        assert!(basic.len() < panels.len(), "some panel is not basic");
        // Round 20: the basic panels were basic in it; of the others, the first half were
        // last basic long ago, the rest lately, and the first of all was dropped before
        // and found again.
        let round = 20;
        let nonbasic: Vec<usize> = (0..panels.len()).filter(|p| !basic.contains(p)).collect();
        assert!(nonbasic.len() >= 3, "{} non-basic panels", nonbasic.len());
        let (long_idle, lately) = nonbasic.split_at(nonbasic.len() / 2 + 1);
        let mut last_basic = vec![round; panels.len()];
        long_idle
            .iter()
            .for_each(|&p| last_basic[p] = round - IDLE_ROUNDS);
        lately.iter().for_each(|&p| last_basic[p] = round - 1);
        let protected = long_idle[0];
        last_basic[protected] = usize::MAX;
        let idle: Vec<_> = long_idle[1..].iter().map(|&p| panels[p].clone()).collect();
        assert!(!idle.is_empty(), "a panel to drop");
        let mut dropped = HashSet::new();
        let before = panels.clone();
        drop_idle_panels(&mut dual, &mut panels, &mut last_basic, &mut dropped, round);
        assert_eq!(panels.len() + idle.len(), before.len());
        assert!(
            idle.iter()
                .all(|p| !panels.contains(p) && dropped.contains(p))
        );
        assert_eq!(dropped.len(), idle.len());
        assert_eq!(last_basic.len(), panels.len());
        assert!(panels.contains(&before[protected]));
        // The same solution: its value, and its basic panels (now numbered anew).
        assert!((dual.point().value - value).abs() < 1e-12);
        let still_basic: HashSet<_> = dual.basic_panels().iter().map(|&p| &panels[p]).collect();
        let was_basic: HashSet<_> = basic.iter().map(|&p| &before[p]).collect();
        assert_eq!(still_basic, was_basic);
    }

    #[test]
    fn weights_beaten_by_a_hair_hold_down_only_the_types_heavy_enough() {
        let fixed = [None, None, Some(0.1)];
        let weights = [0.7, 0.3, 5.0];
        // Beaten by 1e-5: the types can rise at most 1e-5 / 0.7 and 1e-5 / 0.3, both
        // within the tolerance.
        assert_eq!(
            held_down(&weights, &fixed, 1e-5),
            Some(1e-5 / FIX_TOLERANCE)
        );
        // Beaten by 5e-5: the lighter type could rise 1.7e-4, so only the heavier is held.
        let threshold = held_down(&weights, &fixed, 5e-5).expect("a type held down");
        let mut now = fixed.to_vec();
        assert_eq!(fix_stage(&mut now, &weights, 0.2, threshold), vec![0]);
        assert_eq!(now, [Some(0.2), None, Some(0.1)]);
        // Beaten by 1e-4: no unfixed type is heavy enough (the fixed one does not count).
        assert_eq!(held_down(&weights, &fixed, 1e-4), None);
        assert_eq!(held_down(&weights, &fixed, f64::INFINITY), None);
    }

    /// 150 volunteers with random ages (4), areas (3) and genders (2), panels of 15.
    fn random_pool(seed: u64) -> Pool {
        let quota = |value: &str, min, max| Quota {
            value: value.into(),
            min,
            max,
        };
        let feature = |name: &str, quotas| Feature {
            name: name.into(),
            quotas,
        };
        let features = vec![
            feature(
                "age",
                vec![
                    quota("16-29", 3, 5),
                    quota("30-44", 3, 5),
                    quota("45-64", 3, 5),
                    quota("65+", 2, 4),
                ],
            ),
            feature(
                "area",
                vec![
                    quota("north", 4, 6),
                    quota("centre", 4, 6),
                    quota("south", 4, 6),
                ],
            ),
            feature("gender", vec![quota("woman", 7, 8), quota("man", 7, 8)]),
        ];
        let mut rng = Rng::new(seed);
        let people = (0..150)
            .map(|i| {
                // Skewed: many of the oldest and of the south volunteer.
                let values = vec![rng.below(6).min(3), rng.below(4).min(2), rng.below(2)];
                Person::new(format!("p{i}"), values, &features)
            })
            .collect();
        Pool::new(features, people)
    }

    #[test]
    fn the_relaxed_targets_give_the_stages_leximin_to_within_the_gap() {
        for seed in [1, 2, 3] {
            let pool = random_pool(seed);
            let request = Request::new(15, Method::Leximin);
            let types = Types::of(&pool, false);
            let mut rounds = None;
            let through = through_relaxed_targets(&pool, &request, &types, &mut rounds)
                .unwrap()
                .expect("the relaxation's targets are met");
            let program = PanelProgram::new(&pool, &types, 15);
            let relaxed = crate::relaxed::leximin(&program, MARGIN, GAP, RELAXED_POSITIVE)
                .expect("the relaxation is solved");
            let staged = by_stages(&pool, &request, types.clone(), None).unwrap();
            assert!(through.complete && staged.complete);
            let total: f64 = through.panels.iter().map(|p| p.probability).sum();
            assert!((total - 1.0).abs() < 1e-6, "a distribution: {total}");
            for panel in &through.panels {
                assert_eq!(panel.counts.iter().sum::<u32>(), 15);
            }
            // Every volunteer gets at least their relaxed level less GAP...
            for (t, members) in types.members.iter().enumerate() {
                let p = through.probabilities[members[0]];
                assert!(p >= relaxed.targets[t] - GAP, "seed {seed}, type {t}: {p}");
            }
            // ...and the lowest is as high as the stages' to within GAP (leximin's first
            // level; the relaxation's is at least as high).
            let lowest = |p: &[f64]| p.iter().cloned().fold(1.0, f64::min);
            let (fast, slow) = (
                lowest(&through.probabilities),
                lowest(&staged.probabilities),
            );
            assert!(
                (fast - slow).abs() <= GAP,
                "seed {seed}: lowest {fast} against {slow}"
            );
            let relaxed_lowest = lowest(&relaxed.targets);
            assert!(
                relaxed_lowest >= slow - 1e-6,
                "the relaxation bounds the stages"
            );
        }
    }
}
