//! A draw anyone can check: the leximin distribution rounded to a uniform lottery over m
//! panels (Flanigan, Kehne, Procaccia, "Fair sortition made transparent", NeurIPS 2021;
//! with Gölz, Gupta and Hennig in Science Advances, 2023), published before the draw,
//! then one of the m picked by a public seed fixed after publication.
//!
//! # Rounding
//!
//! The paper rounds the weights of the distribution's panels to multiples of 1/m and
//! bounds how far each volunteer's probability moves. Here the rounding works on the
//! groups of interchangeable volunteers the distribution is made of, which gives a
//! volunteer-level bound: every volunteer ends up on `floor(m p)` or `ceil(m p)` of the m
//! panels (p their leximin probability), so within 1/m of p.
//!
//! 1. Each panel of the distribution gets `floor(m x weight)` copies, and the copies left
//!    go to the largest remainders.
//! 2. A group of n members whose probability is p needs between `n x floor(m p)` and
//!    `n x ceil(m p)` seats over the m copies. While a group is outside its range, one copy
//!    is swapped for another panel of the distribution, the swap that brings the groups
//!    closest to their ranges; every panel stays one that meets the quotas.
//! 3. Should groups still be out of range, single seats move from one group to another
//!    within a copy, when the copy still meets every quota and household rule after the
//!    move (so a lottery's panel may be one the distribution does not use; the guarantee is
//!    on each volunteer's probability, and every panel meets the quotas).
//! 4. Each group's seats are dealt to its members (in an order shuffled by the seed) in
//!    turn, copy after copy, so members get equal shares up to one, and no one is twice on
//!    a panel.
//!
//! Steps 2 and 3 are local searches: should they get stuck, other roundings (systematic sampling
//! with random starts and orders) are repaired in turn, and then an integer program (the
//! paper's way of rounding optimally, with a fixed node budget so the answer is the same
//! on every machine) looks for copies with every group in range. Should all fail, the best
//! lottery is still returned, with the largest deviation reported in
//! [`Lottery::max_deviation`], which callers check against 1/m: it holds for m = 7, 20, 50,
//! 137 and 1,000 on every pool of the tests (before step 3 it did not for m = 7 or 137 on
//! one of them, nor for m = 50 on the demo's pool of 140, one per household). Leximin's
//! probabilities are themselves known to about 1e-7, so the ranges allow that much beyond
//! 1/m.
//!
//! # The public draw
//!
//! The published lottery is the m panels as volunteer ids only, each with its reserve list
//! (see [`crate::reserve_lists`]; empty if none was drawn). Its canonical text, which anyone
//! can rebuild from the publication, is UTF-8:
//!
//! ```text
//! square-mile uniform lottery v1
//! panels <m>
//! <ids of panel 1, joined by ",">;<ids of its reserves, in order, joined by ",">
//! ...
//! <ids of panel m, joined by ",">;<ids of its reserves, in order, joined by ",">
//! ```
//!
//! with every line (the last included) ending in `\n`, the panels in published order and
//! each panel's ids in published order (the library publishes them sorted by their bytes).
//! Ids may not contain a comma, a semicolon or a line break. The lottery's digest is the SHA-256 of
//! this text in lowercase hexadecimal; it is published with the panels.
//!
//! The seed is any text fixed after publication (numbers drawn at a public meeting, for
//! instance), with surrounding spaces removed. The drawn panel is found from the SHA-256 of
//!
//! ```text
//! square-mile lottery draw v1
//! <lottery digest>
//! <seed>
//! ```
//!
//! (again each line ending in `\n`): its first 16 bytes, read as a big-endian unsigned
//! 128-bit number, modulo m, plus one, is the number of the drawn panel (1 to m). For
//! instance, with Python: `int.from_bytes(hashlib.sha256(text.encode()).digest()[:16],
//! "big") % m + 1`.

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, SolveOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use std::collections::HashMap;

use crate::pool::Pool;
use crate::rng::Rng;
use crate::{Distribution, Request, ReservedLottery};

/// The first line of the canonical lottery text; changes if the format ever does.
const LOTTERY_HEADER: &str = "square-mile uniform lottery v1";
/// The first line of the text hashed with the seed.
const DRAW_HEADER: &str = "square-mile lottery draw v1";
/// How far leximin's reported probabilities may be from the exact ones (its margin on fixed
/// probabilities, with room for rounding): a seat range may stretch by this much times m.
const PROBABILITY_NOISE: f64 = 2e-7;
/// How many other roundings (systematic sampling with a random start and panel order) are
/// tried when the first one cannot be repaired.
const RETRIES: usize = 30;
/// The branch-and-bound budget of the exact rounding, in nodes.
const INTEGER_PROGRAM_NODES: u64 = 20_000;

/// A uniform lottery over m panels.
#[derive(Clone, Debug, Serialize)]
pub struct Lottery {
    /// The m panels (repeats allowed), each as the sorted pool indices of its members.
    pub panels: Vec<Vec<usize>>,
    /// Every volunteer's probability under the lottery (the share of panels they are on),
    /// by pool index.
    pub probabilities: Vec<f64>,
    /// The largest difference between a volunteer's lottery and leximin probabilities.
    pub max_deviation: f64,
}

/// Why a lottery could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LotteryError {
    #[error("a lottery needs at least one panel (m = 0 was asked for)")]
    NoPanels,
    #[error("the distribution has no panel to round")]
    EmptyDistribution,
}

/// Rounds the distribution to a uniform lottery over `m` panels of `pool` that meet the
/// request's quotas (as the distribution's do); `seed` decides which members of a group get
/// the seats that cannot be shared equally.
pub fn round_to_lottery(
    pool: &Pool,
    request: &Request,
    distribution: &Distribution,
    m: usize,
    seed: u64,
) -> Result<Lottery, LotteryError> {
    if m == 0 {
        return Err(LotteryError::NoPanels);
    }
    if distribution.panels.is_empty() {
        return Err(LotteryError::EmptyDistribution);
    }
    let ranges = seat_ranges(distribution, m);
    let rules = PanelRules::new(pool, request, distribution);
    let mut copies = largest_remainder_copies(distribution, m);
    let (mut panels, mut left) = rounded_panels(distribution, &rules, &ranges, &mut copies);
    let mut rng = Rng::new(seed);
    for _ in 0..RETRIES {
        if left == 0.0 {
            break;
        }
        let mut other = systematic_copies(distribution, m, &mut rng);
        let (other_panels, other_left) = rounded_panels(distribution, &rules, &ranges, &mut other);
        if other_left < left {
            (copies, panels, left) = (other, other_panels, other_left);
        }
    }
    if left > 0.0
        && let Some(mut exact) = copies_within_ranges(distribution, &ranges, &copies)
    {
        panels = rounded_panels(distribution, &rules, &ranges, &mut exact).0;
    }
    let panels = deal_seats(distribution, &panels, seed);
    let probabilities = lottery_probabilities(distribution.probabilities.len(), &panels);
    let max_deviation = probabilities
        .iter()
        .zip(&distribution.probabilities)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    Ok(Lottery {
        panels,
        probabilities,
        max_deviation,
    })
}

/// The m panels (as seats per group) from copies of the distribution's panels: first the
/// copies are swapped for other panels of the distribution (step 2), then members are
/// swapped within panels (step 3); returns them with the shortfall left.
fn rounded_panels(
    distribution: &Distribution,
    rules: &PanelRules,
    ranges: &[(i64, i64)],
    copies: &mut [usize],
) -> (Vec<Vec<u32>>, f64) {
    let left = bring_seats_into_ranges(distribution, ranges, copies);
    let mut panels: Vec<Vec<u32>> = copies
        .iter()
        .enumerate()
        .flat_map(|(j, &c)| std::iter::repeat_n(distribution.panels[j].counts.clone(), c))
        .collect();
    if left == 0.0 {
        return (panels, 0.0);
    }
    let left = swap_members(distribution, rules, ranges, &mut panels);
    (panels, left)
}

/// How many of the m copies each panel of the distribution gets: the floor of m times its
/// probability, and one more for the largest remainders.
fn largest_remainder_copies(distribution: &Distribution, m: usize) -> Vec<usize> {
    let exact: Vec<f64> = distribution
        .panels
        .iter()
        .map(|p| p.probability * m as f64)
        .collect();
    let mut copies: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let assigned: usize = copies.iter().sum();
    let mut by_remainder: Vec<usize> = (0..exact.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &j in by_remainder.iter().cycle().take(m.saturating_sub(assigned)) {
        copies[j] += 1;
    }
    // Rounding can leave the floors summing above m; take the excess from the smallest
    // remainders.
    let mut excess = copies.iter().sum::<usize>().saturating_sub(m);
    for &j in by_remainder.iter().rev() {
        while excess > 0 && copies[j] > 0 {
            copies[j] -= 1;
            excess -= 1;
        }
    }
    copies
}

/// Copies by systematic sampling: the panels in a random order cover [0, m) in lengths m
/// times their probabilities, and each gets as many copies as it holds points of u + k
/// (u random in [0, 1), k whole).
fn systematic_copies(distribution: &Distribution, m: usize, rng: &mut Rng) -> Vec<usize> {
    let order = shuffled(rng, &(0..distribution.panels.len()).collect::<Vec<_>>());
    let total: f64 = distribution.panels.iter().map(|p| p.probability).sum();
    let start = rng.unit();
    let points_below = |x: f64| (x - start).ceil() as i64;
    let mut copies = vec![0; distribution.panels.len()];
    let mut covered = 0.0;
    for (k, &j) in order.iter().enumerate() {
        let end = if k + 1 == order.len() {
            m as f64
        } else {
            covered + distribution.panels[j].probability / total * m as f64
        };
        copies[j] = (points_below(end) - points_below(covered)).max(0) as usize;
        covered = end;
    }
    copies
}

/// For each group, the fewest and most seats it may have over the m panels so that each
/// member's share stays within 1/m of their probability.
fn seat_ranges(distribution: &Distribution, m: usize) -> Vec<(i64, i64)> {
    distribution
        .groups
        .iter()
        .map(|members| {
            let Some(&first) = members.first() else {
                return (0, 0);
            };
            let target = distribution.probabilities[first] * m as f64;
            let slack = 1e-9 + PROBABILITY_NOISE * m as f64;
            let fewest = (target - 1.0 - slack).ceil().max(0.0) as i64;
            let most = (target + 1.0 + slack).floor().min(m as f64) as i64;
            let n = members.len() as i64;
            (n * fewest, n * most)
        })
        .collect()
}

/// How far a group's seats are outside its range, per member (so in panels).
fn shortfall(seats: i64, (fewest, most): (i64, i64), members: usize) -> f64 {
    let outside = (fewest - seats).max(0) + (seats - most).max(0);
    outside as f64 / members.max(1) as f64
}

/// Swaps copies for other panels of the distribution while that brings groups nearer
/// their seat ranges (see the module's step 2); returns the shortfall left (0 when every
/// group is within its range). Swaps that leave the shortfall as it is but bring groups
/// nearer their exact share (m times probability) are taken too, as they open the way to
/// later ones: the search minimises shortfall first, then the squared distance to the
/// exact shares, so it never repeats a state.
fn bring_seats_into_ranges(
    distribution: &Distribution,
    ranges: &[(i64, i64)],
    copies: &mut [usize],
) -> f64 {
    let groups = distribution.groups.len();
    let counts = |j: usize| &distribution.panels[j].counts;
    let m: usize = copies.iter().sum();
    let mut seats = vec![0i64; groups];
    for (j, &c) in copies.iter().enumerate() {
        for (t, &n) in counts(j).iter().enumerate() {
            seats[t] += c as i64 * n as i64;
        }
    }
    let size = |t: usize| distribution.groups[t].len();
    let exact = exact_seats(distribution, m);
    let cost = |t: usize, seats: i64| {
        let off = (seats as f64 - exact[t]) / size(t).max(1) as f64;
        1e6 * shortfall(seats, ranges[t], size(t)) + off * off
    };
    let support: Vec<Vec<usize>> = (0..copies.len())
        .map(|j| (0..groups).filter(|&t| counts(j)[t] > 0).collect())
        .collect();
    for _ in 0..10 * copies.len().max(groups) {
        if (0..groups).all(|t| shortfall(seats[t], ranges[t], size(t)) == 0.0) {
            return 0.0;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        for from in (0..copies.len()).filter(|&j| copies[j] > 0) {
            for to in (0..copies.len()).filter(|&j| j != from) {
                // Only the groups either panel takes can change: a panel takes a few dozen
                // of the hundreds of groups.
                let change = |t: usize| {
                    let after = seats[t] - counts(from)[t] as i64 + counts(to)[t] as i64;
                    cost(t, seats[t]) - cost(t, after)
                };
                let gain: f64 = support[from]
                    .iter()
                    .filter(|&&t| counts(from)[t] != counts(to)[t])
                    .map(|&t| change(t))
                    .chain(
                        support[to]
                            .iter()
                            .filter(|&&t| counts(from)[t] == 0)
                            .map(|&t| change(t)),
                    )
                    .sum();
                if gain > 1e-9 && best.is_none_or(|(g, _, _)| gain > g) {
                    best = Some((gain, from, to));
                }
            }
        }
        let Some((_, from, to)) = best else {
            break;
        };
        copies[from] -= 1;
        copies[to] += 1;
        for (t, seats) in seats.iter_mut().enumerate() {
            *seats += counts(to)[t] as i64 - counts(from)[t] as i64;
        }
    }
    total_shortfall(&seats, ranges, distribution)
}

fn total_shortfall(seats: &[i64], ranges: &[(i64, i64)], distribution: &Distribution) -> f64 {
    (0..seats.len())
        .map(|t| shortfall(seats[t], ranges[t], distribution.groups[t].len()))
        .sum()
}

/// What a panel must meet, by group: each group's value for every feature, the quotas,
/// and the households shared between groups (with one person per household, people who
/// share one are each a group of their own).
struct PanelRules {
    values: Vec<Vec<usize>>,
    /// Per feature, per value: (min, max).
    quotas: Vec<Vec<(u32, u32)>>,
    sizes: Vec<u32>,
    /// For each group, the other groups in its household.
    housemates: Vec<Vec<usize>>,
}

impl PanelRules {
    fn new(pool: &Pool, request: &Request, distribution: &Distribution) -> PanelRules {
        let groups = &distribution.groups;
        let values = groups
            .iter()
            .map(|members| {
                members.first().map_or_else(
                    || vec![0; pool.features.len()],
                    |&i| pool.people[i].values.clone(),
                )
            })
            .collect();
        let quotas = pool
            .features
            .iter()
            .map(|f| f.quotas.iter().map(|q| (q.min, q.max)).collect())
            .collect();
        let mut by_household: HashMap<&str, Vec<usize>> = HashMap::new();
        if request.one_per_household {
            for (t, members) in groups.iter().enumerate() {
                for &i in members {
                    if let Some(h) = &pool.people[i].household {
                        by_household.entry(h).or_default().push(t);
                    }
                }
            }
        }
        let mut housemates = vec![Vec::new(); groups.len()];
        for shared in by_household.values() {
            for &t in shared {
                housemates[t].extend(shared.iter().copied().filter(|&u| u != t));
            }
        }
        PanelRules {
            values,
            quotas,
            sizes: groups.iter().map(|g| g.len() as u32).collect(),
            housemates,
        }
    }

    /// Whether `panel` (seats per group, meeting the rules) still meets them with one seat
    /// of group `from` given to group `to`.
    fn allows_swap(&self, panel: &[u32], tallies: &[Vec<u32>], from: usize, to: usize) -> bool {
        if panel[from] == 0 || panel[to] >= self.sizes[to] {
            return false;
        }
        let quotas_hold = self.values[from]
            .iter()
            .zip(&self.values[to])
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .all(|(f, (&a, &b))| {
                tallies[f][a] > self.quotas[f][a].0 && tallies[f][b] < self.quotas[f][b].1
            });
        quotas_hold
            && self.housemates[to]
                .iter()
                .all(|&u| panel[u] == 0 || (u == from && panel[u] == 1))
    }

    /// How many seats of the panel go to each value of each feature.
    fn tallies(&self, panel: &[u32]) -> Vec<Vec<u32>> {
        let mut tallies: Vec<Vec<u32>> = self.quotas.iter().map(|q| vec![0; q.len()]).collect();
        for (t, &n) in panel.iter().enumerate() {
            for (f, &v) in self.values[t].iter().enumerate() {
                tallies[f][v] += n;
            }
        }
        tallies
    }
}

/// Step 3 of the rounding: moves single seats from one group to another within a panel
/// (the panel still meeting every quota and the households), while that brings groups
/// nearer their seat ranges, by the same measure as `bring_seats_into_ranges` (shortfall
/// first, then the squared distance to the exact shares), the best move first. A move
/// changes only two groups' seats, whatever the panel, so the best moves are found by
/// pairs of groups and then a panel that allows them. Returns the shortfall left.
///
/// Swapping whole panels alone (step 2) often cannot reach every range: on the demo's
/// pool of 140 (one per household, m = 50) it left a deviation of 0.026 and the integer
/// program then ran for seconds; moving seats reaches the ranges in a few milliseconds.
fn swap_members(
    distribution: &Distribution,
    rules: &PanelRules,
    ranges: &[(i64, i64)],
    panels: &mut [Vec<u32>],
) -> f64 {
    let groups = distribution.groups.len();
    let mut seats = vec![0i64; groups];
    for panel in panels.iter() {
        for (t, &n) in panel.iter().enumerate() {
            seats[t] += n as i64;
        }
    }
    let exact = exact_seats(distribution, panels.len());
    let size = |t: usize| distribution.groups[t].len();
    let cost = |t: usize, seats: i64| {
        let off = (seats as f64 - exact[t]) / size(t).max(1) as f64;
        1e6 * shortfall(seats, ranges[t], size(t)) + off * off
    };
    let mut tallies: Vec<Vec<Vec<u32>>> = panels.iter().map(|p| rules.tallies(p)).collect();
    for _ in 0..10 * panels.len() * groups.max(1) {
        if (0..groups).all(|t| shortfall(seats[t], ranges[t], size(t)) == 0.0) {
            return 0.0;
        }
        let give: Vec<f64> = (0..groups)
            .map(|t| {
                if seats[t] > 0 {
                    cost(t, seats[t]) - cost(t, seats[t] - 1)
                } else {
                    f64::NEG_INFINITY
                }
            })
            .collect();
        let take: Vec<f64> = (0..groups)
            .map(|t| cost(t, seats[t]) - cost(t, seats[t] + 1))
            .collect();
        let mut moves: Vec<(f64, usize, usize)> = (0..groups)
            .flat_map(|a| (0..groups).map(move |b| (a, b)))
            .filter(|&(a, b)| a != b && give[a] + take[b] > 1e-9)
            .map(|(a, b)| (give[a] + take[b], a, b))
            .collect();
        moves.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let found = moves.iter().find_map(|&(_, a, b)| {
            (0..panels.len())
                .find(|&c| rules.allows_swap(&panels[c], &tallies[c], a, b))
                .map(|c| (c, a, b))
        });
        let Some((c, a, b)) = found else {
            break;
        };
        panels[c][a] -= 1;
        panels[c][b] += 1;
        seats[a] -= 1;
        seats[b] += 1;
        for (f, (&va, &vb)) in rules.values[a].iter().zip(&rules.values[b]).enumerate() {
            tallies[c][f][va] -= 1;
            tallies[c][f][vb] += 1;
        }
    }
    total_shortfall(&seats, ranges, distribution)
}

/// Each group's exact share of the seats over m panels: m times its members' probability
/// times their number.
fn exact_seats(distribution: &Distribution, m: usize) -> Vec<f64> {
    distribution
        .groups
        .iter()
        .map(|members| {
            let p = members
                .first()
                .map_or(0.0, |&i| distribution.probabilities[i]);
            p * m as f64 * members.len() as f64
        })
        .collect()
}

/// Copies with every group within its range, found by an integer program (the paper's
/// own way of rounding optimally), started from the search's best copies; None if the
/// program has none within its node budget (fixed, so the answer is the same on every
/// machine).
fn copies_within_ranges(
    distribution: &Distribution,
    ranges: &[(i64, i64)],
    start: &[usize],
) -> Option<Vec<usize>> {
    let m: usize = start.iter().sum();
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let copies: Vec<_> = (0..start.len())
        .map(|_| problem.add_integer_var(0.0, (0, m as i32)))
        .collect();
    problem.add_constraint(
        copies.iter().map(|&c| (c, 1.0)).collect::<LinearExpr>(),
        ComparisonOp::Eq,
        m as f64,
    );
    for (t, &(fewest, most)) in ranges.iter().enumerate() {
        let seats: LinearExpr = distribution
            .panels
            .iter()
            .zip(&copies)
            .filter(|(panel, _)| panel.counts[t] > 0)
            .map(|(panel, &c)| (c, panel.counts[t] as f64))
            .collect();
        problem.add_constraint(seats.clone(), ComparisonOp::Ge, fewest as f64);
        problem.add_constraint(seats, ComparisonOp::Le, most as f64);
    }
    let mut options = SolveOptions::default();
    options.node_limit = Some(INTEGER_PROGRAM_NODES);
    options.warm_start = Some(
        copies
            .iter()
            .zip(start)
            .map(|(&v, &c)| (v, c as f64))
            .collect(),
    );
    let solution = problem.solve_with(options).ok()?.into_solution().ok()?;
    Some(
        copies
            .iter()
            .map(|&c| solution.var_value(c).round().max(0.0) as usize)
            .collect(),
    )
}

/// The m panels of people: each group's seats go to its members in turn (in an order
/// shuffled by the seed), panel after panel; the panels are sorted.
fn deal_seats(distribution: &Distribution, panels: &[Vec<u32>], seed: u64) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(seed);
    let queues: Vec<Vec<usize>> = distribution
        .groups
        .iter()
        .map(|members| shuffled(&mut rng, members))
        .collect();
    let mut next = vec![0usize; queues.len()];
    let mut people: Vec<Vec<usize>> = panels
        .iter()
        .map(|counts| {
            let mut panel = Vec::new();
            for (t, &taken) in counts.iter().enumerate() {
                for _ in 0..taken {
                    panel.push(queues[t][next[t] % queues[t].len()]);
                    next[t] += 1;
                }
            }
            panel.sort_unstable();
            panel
        })
        .collect();
    people.sort();
    people
}

fn shuffled(rng: &mut Rng, items: &[usize]) -> Vec<usize> {
    let mut items = items.to_vec();
    for k in (1..items.len()).rev() {
        let j = rng.below(k + 1);
        items.swap(k, j);
    }
    items
}

fn lottery_probabilities(people: usize, panels: &[Vec<usize>]) -> Vec<f64> {
    let mut on = vec![0usize; people];
    for panel in panels {
        for &i in panel {
            on[i] += 1;
        }
    }
    on.into_iter()
        .map(|n| n as f64 / panels.len() as f64)
        .collect()
}

/// A lottery as published before the draw: the m panels as volunteer ids only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedLottery {
    /// The panels in published order, each as its members' ids.
    pub panels: Vec<Vec<String>>,
    /// Each panel's reserve list, in the order they are called (ids); empty when no
    /// reserves were drawn.
    #[serde(default)]
    pub reserves: Vec<Vec<String>>,
}

impl PublishedLottery {
    /// The lottery with ids for pool indices, each panel's ids sorted by their bytes.
    pub fn new(pool: &Pool, lottery: &Lottery) -> PublishedLottery {
        let panels = lottery
            .panels
            .iter()
            .map(|panel| {
                let mut ids: Vec<String> =
                    panel.iter().map(|&i| pool.people[i].id.clone()).collect();
                ids.sort();
                ids
            })
            .collect();
        PublishedLottery {
            panels,
            reserves: Vec::new(),
        }
    }

    /// The lottery with its reserve lists (which must be drawn for its panels, in order).
    pub fn with_reserves(pool: &Pool, lottery: &Lottery, reserved: &ReservedLottery) -> Self {
        let mut published = PublishedLottery::new(pool, lottery);
        published.reserves = reserved
            .panels
            .iter()
            .map(|p| {
                p.reserves
                    .iter()
                    .map(|&i| pool.people[i].id.clone())
                    .collect()
            })
            .collect();
        published
    }

    /// The canonical text (see the module documentation), or why there is none.
    pub fn canonical_text(&self) -> Result<String, VerifyError> {
        if self.panels.is_empty() {
            return Err(VerifyError::Malformed("the lottery has no panels".into()));
        }
        if !self.reserves.is_empty() && self.reserves.len() != self.panels.len() {
            return Err(VerifyError::Malformed(format!(
                "{} reserve lists for {} panels",
                self.reserves.len(),
                self.panels.len()
            )));
        }
        let no_reserves = Vec::new();
        let mut text = format!("{LOTTERY_HEADER}\npanels {}\n", self.panels.len());
        for (k, panel) in self.panels.iter().enumerate() {
            let reserves = self.reserves.get(k).unwrap_or(&no_reserves);
            if let Some(id) = panel
                .iter()
                .chain(reserves)
                .find(|id| id.contains([',', ';', '\n', '\r']))
            {
                return Err(VerifyError::Malformed(format!(
                    "panel {} has the id {id:?}, with a comma, a semicolon or a line break",
                    k + 1
                )));
            }
            text.push_str(&panel.join(","));
            text.push(';');
            text.push_str(&reserves.join(","));
            text.push('\n');
        }
        Ok(text)
    }

    /// The SHA-256 of the canonical text, in lowercase hexadecimal.
    pub fn digest(&self) -> Result<String, VerifyError> {
        Ok(hex_sha256(self.canonical_text()?.as_bytes()))
    }

    /// The number (1 to m) of the panel the seed draws.
    pub fn draw(&self, seed: &str) -> Result<usize, VerifyError> {
        let text = format!("{DRAW_HEADER}\n{}\n{}\n", self.digest()?, seed.trim());
        let hash = Sha256::digest(text.as_bytes());
        let mut first = [0u8; 16];
        first.copy_from_slice(&hash[..16]);
        let m = self.panels.len() as u128;
        Ok((u128::from_be_bytes(first) % m) as usize + 1)
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a published draw does not check out.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum VerifyError {
    #[error("the published lottery is malformed: {0}")]
    Malformed(String),
    #[error(
        "the lottery's digest is {actual}, not {published} as published before the draw: its panels or their number were changed"
    )]
    DigestMismatch { published: String, actual: String },
    #[error("the lottery has {actual} panels, not the {published} published")]
    CountMismatch { published: usize, actual: usize },
    #[error("the seed draws panel {drawn} of {m}, not panel {claimed}")]
    WrongNumber {
        drawn: usize,
        claimed: usize,
        m: usize,
    },
    #[error("the panel announced is not panel {drawn}, which the seed draws")]
    WrongPanel { drawn: usize },
}

/// Checks that `claimed_panel` (ids, in any order) is the panel the seed draws from the
/// published lottery.
pub fn verify(
    published: &PublishedLottery,
    seed: &str,
    claimed_panel: &[String],
) -> Result<(), VerifyError> {
    let drawn = published.draw(seed)?;
    if same_people(&published.panels[drawn - 1], claimed_panel) {
        Ok(())
    } else {
        Err(VerifyError::WrongPanel { drawn })
    }
}

fn same_people(a: &[String], b: &[String]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// Everything published about a draw, as JSON: the lottery, its size and digest (published
/// before the draw), then the seed, the drawn panel's number and its members' ids. Nothing
/// personal: ids only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDraw {
    /// Always "square-mile-lottery/1".
    pub format: String,
    /// The number of panels, m.
    pub m: usize,
    /// [`PublishedLottery::digest`], published with the panels before the draw.
    pub digest: String,
    pub lottery: PublishedLottery,
    /// The public seed, fixed after the lottery was published.
    pub seed: String,
    /// The drawn panel's number, 1 to m.
    pub drawn: usize,
    /// The drawn panel's ids.
    pub panel: Vec<String>,
}

/// The format tag of [`PublishedDraw`].
pub const PUBLISHED_DRAW_FORMAT: &str = "square-mile-lottery/1";

impl PublishedDraw {
    /// Draws from the published lottery with the seed and records everything needed to
    /// check it.
    pub fn make(lottery: PublishedLottery, seed: &str) -> Result<PublishedDraw, VerifyError> {
        let drawn = lottery.draw(seed)?;
        Ok(PublishedDraw {
            format: PUBLISHED_DRAW_FORMAT.to_string(),
            m: lottery.panels.len(),
            digest: lottery.digest()?,
            panel: lottery.panels[drawn - 1].clone(),
            lottery,
            seed: seed.trim().to_string(),
            drawn,
        })
    }

    /// Recomputes the draw from what was published: the digest and size match the
    /// panels, the seed draws the number given, and that panel is the one announced.
    pub fn verify(&self) -> Result<(), VerifyError> {
        if self.format != PUBLISHED_DRAW_FORMAT {
            return Err(VerifyError::Malformed(format!(
                "unknown format {:?} (expected {PUBLISHED_DRAW_FORMAT:?})",
                self.format
            )));
        }
        if self.lottery.panels.len() != self.m {
            return Err(VerifyError::CountMismatch {
                published: self.m,
                actual: self.lottery.panels.len(),
            });
        }
        let actual = self.lottery.digest()?;
        if actual != self.digest {
            return Err(VerifyError::DigestMismatch {
                published: self.digest.clone(),
                actual,
            });
        }
        let drawn = self.lottery.draw(&self.seed)?;
        if drawn != self.drawn {
            return Err(VerifyError::WrongNumber {
                drawn,
                claimed: self.drawn,
                m: self.m,
            });
        }
        verify(&self.lottery, &self.seed, &self.panel)
    }
}
