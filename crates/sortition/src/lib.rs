//! Stratified random selection (sortition) for citizens' juries and assemblies.
//!
//! A pool of volunteers, each with a value for every feature (age band, gender,
//! neighbourhood...), quotas per value, and a panel size. Two methods pick the panel:
//!
//! - [`Method::Leximin`]: the fair method of Flanigan, Gölz, Gupta, Hennig and Procaccia
//!   (Nature, 2021). It finds the probability distribution over quota-meeting panels that
//!   maximises the smallest selection probability of any volunteer, then the second
//!   smallest, and so on (leximin), and draws one panel from it. Every volunteer's exact
//!   probability is reported.
//! - [`Method::Legacy`]: the greedy method practitioners used before: pick the value furthest
//!   from its minimum, then a random person with it. Its probabilities are estimated by
//!   repeating the draw.
//!
//! Quotas that no panel can meet get a [`Infeasible`] report naming the quotas to relax and
//! by how much. Everything random is seeded, so a draw can be replayed and audited.

mod addresses;
#[cfg(feature = "clp")]
mod clp;
mod dual;
mod feasibility;
#[cfg(feature = "highs")]
mod highs;
mod io;
mod legacy;
mod leximin;
mod lottery;
mod master;
mod oracle;
mod pool;
mod publication;
mod relaxed;
mod replace;
mod reserve;
mod rng;
mod search;

pub use addresses::{Address, AddressDrawError, allocate, draw_addresses, read_addresses};
pub use feasibility::{Infeasible, Relaxation};
pub use io::{ReadError, read_categories, read_people, write_categories, write_people};
pub use lottery::{
    Lottery, LotteryError, PUBLISHED_DRAW_FORMAT, PublishedDraw, PublishedLottery, VerifyError,
    round_to_lottery, verify,
};
pub use pool::{Feature, Person, Pool, Quota};
pub use publication::{Chance, PUBLICATION_FORMAT, Publication, PublishError, publish};
pub use replace::{Remaining, check_replacement, replace};
pub use reserve::{ReservedLottery, ReservedPanel, fill_from_reserves, reserve_lists};
// Public only for `examples/panel_search_bench.rs` (an example sees only the public API);
// not part of the library's interface.
#[doc(hidden)]
pub use search::{SearchComparison, compare_searches};

use serde::Serialize;

/// How the panel is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Leximin,
    Legacy,
}

impl std::str::FromStr for Method {
    type Err = String;
    fn from_str(text: &str) -> Result<Method, String> {
        match text {
            "leximin" | "fair" => Ok(Method::Leximin),
            "legacy" | "greedy" => Ok(Method::Legacy),
            other => Err(format!(
                "unknown method {other:?}: choose leximin (fair) or legacy"
            )),
        }
    }
}

/// The linear-programming solver leximin's stages use. The answer is the
/// same to the stated tolerance; they differ in speed (see BENCHMARKS.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LpSolver {
    /// Square Mile's own dense revised simplex on the stage's master program: each new
    /// panel is a column added to the solved program, which goes on from its basis.
    #[default]
    Revised,
    /// microlp's dual simplex, warm-started from the last basis as panels are added.
    Microlp,
    /// COIN-OR CLP's primal simplex on the same master program as `Revised`, with a sparse
    /// LU-factorised basis (only with the `clp` feature, linked to the system's libClp).
    #[cfg(feature = "clp")]
    Clp,
    /// HiGHS's primal simplex on the same master program as `Revised` (only with the
    /// `highs` feature, linked to a prebuilt libhighs: see the crate's `build.rs`). Slower
    /// than `Revised` on the benchmark pools (BENCHMARKS.md, issue 29's fourth session).
    #[cfg(feature = "highs")]
    Highs,
    /// As `Highs`, and the panel searches by HiGHS's branch and cut instead of microlp's
    /// (about ten times slower per search on the sf_e-shaped pool).
    #[cfg(feature = "highs")]
    #[serde(rename = "highs-mip")]
    HighsMip,
}

impl std::str::FromStr for LpSolver {
    type Err = String;
    fn from_str(text: &str) -> Result<LpSolver, String> {
        match text {
            "revised" => Ok(LpSolver::Revised),
            "microlp" => Ok(LpSolver::Microlp),
            #[cfg(feature = "clp")]
            "clp" => Ok(LpSolver::Clp),
            #[cfg(not(feature = "clp"))]
            "clp" => Err("this build has no CLP: build with the `clp` feature".into()),
            #[cfg(feature = "highs")]
            "highs" => Ok(LpSolver::Highs),
            #[cfg(feature = "highs")]
            "highs-mip" => Ok(LpSolver::HighsMip),
            #[cfg(not(feature = "highs"))]
            "highs" | "highs-mip" => {
                Err("this build has no HiGHS: build with the `highs` feature".into())
            }
            other => Err(format!(
                "unknown LP solver {other:?}: choose revised, microlp, clp, highs or highs-mip"
            )),
        }
    }
}

/// What to select and how.
#[derive(Clone, Debug)]
pub struct Request {
    pub size: u32,
    pub method: Method,
    pub seed: u64,
    /// At most one person per household (people with the same household key).
    pub one_per_household: bool,
    /// How many times the legacy method is repeated to estimate its probabilities.
    pub legacy_runs: u32,
    /// At most this many rounds of leximin's panel search (each round one linear program),
    /// for pools so large that the full leximin takes hours; None runs it to the end. A
    /// count, not a time, so that the same request gives the same draw on any machine.
    pub max_rounds: Option<u32>,
    /// The solver for leximin's linear programs.
    pub solver: LpSolver,
}

impl Request {
    pub fn new(size: u32, method: Method) -> Request {
        Request {
            size,
            method,
            seed: 1,
            one_per_household: false,
            legacy_runs: 2_000,
            max_rounds: None,
            solver: LpSolver::default(),
        }
    }
}

/// A drawn panel with the fairness of the draw.
#[derive(Clone, Debug, Serialize)]
pub struct Selection {
    pub method: Method,
    pub seed: u64,
    /// Indices into the pool's people, in the order drawn.
    pub panel: Vec<usize>,
    /// Every volunteer's probability of being selected, by pool index.
    pub probabilities: Vec<f64>,
    /// Exact (from the leximin distribution) or estimated (by repeating the legacy draw).
    pub exact: bool,
    pub min_probability: f64,
    /// Half the average probability (size / pool size): who falls below it is treated
    /// markedly worse than the average volunteer.
    pub low_threshold: f64,
    /// The share of volunteers whose probability is below `low_threshold`.
    pub share_below_threshold: f64,
    /// How many different panels the distribution draws from (leximin), or how many legacy
    /// draws the estimate rests on.
    pub panels: usize,
    /// False when `max_rounds` stopped leximin before its end: the levels it finished are
    /// the best possible, and everyone above them has at least the level it was raising
    /// (the lowest probability itself is only proven best once the first level finished).
    pub complete: bool,
    /// How many leximin levels there are (each fixes the volunteers who cannot rise above
    /// its value): the stages that ran, or where leximin went through the relaxation's
    /// targets, the relaxation's stages; 0 for the legacy method.
    pub levels: usize,
}

/// Why no panel was drawn.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    #[error("{0}")]
    Infeasible(Infeasible),
    #[error(
        "the legacy method failed to meet the quotas in all {0} attempts; try the leximin method, which finds a panel whenever one exists"
    )]
    LegacyFailed(u32),
    #[error("the solver failed: {0}")]
    Solver(String),
    #[error("{0}")]
    Invalid(String),
}

/// What a method returns.
struct Drawn {
    panel: Vec<usize>,
    /// Every volunteer's probability, by pool index.
    probabilities: Vec<f64>,
    /// Exact, or estimated from repeated draws.
    exact: bool,
    /// How many panels (or repeated draws) the probabilities rest on.
    panels: usize,
    /// Whether the method ran to its end (see `Selection::complete`).
    complete: bool,
    /// How many leximin stages ran.
    levels: usize,
}

/// The leximin distribution over quota-meeting panels, before any draw: what a
/// [`lottery`] rounds and publishes.
#[derive(Clone, Debug, Serialize)]
pub struct Distribution {
    /// Groups of interchangeable volunteers (same value for every feature; with one person
    /// per household, people sharing a household are alone in theirs), as pool indices.
    pub groups: Vec<Vec<usize>>,
    /// The panels with a positive probability, each as how many of every group it takes.
    /// A panel's seats for a group go to members drawn uniformly from it.
    pub panels: Vec<GroupPanel>,
    /// Every volunteer's probability of being selected, by pool index.
    pub probabilities: Vec<f64>,
    /// See [`Selection::complete`].
    pub complete: bool,
    /// See [`Selection::levels`].
    pub levels: usize,
}

/// One panel of the distribution.
#[derive(Clone, Debug, Serialize)]
pub struct GroupPanel {
    /// How many members of each group (by index into [`Distribution::groups`]) it takes.
    pub counts: Vec<u32>,
    pub probability: f64,
}

/// The leximin distribution for the request (its method is ignored), after the same
/// checks as [`select`].
pub fn leximin_distribution(pool: &Pool, request: &Request) -> Result<Distribution, SelectError> {
    check(pool, request)?;
    leximin::distribution(pool, request)
}

/// Chooses a panel from the pool.
pub fn select(pool: &Pool, request: &Request) -> Result<Selection, SelectError> {
    check(pool, request)?;
    let drawn = match request.method {
        Method::Leximin => leximin::select(pool, request)?,
        Method::Legacy => legacy::select(pool, request)?,
    };
    Ok(summarise(request, drawn))
}

/// Whether any panel can be drawn, without drawing one: the request makes sense and some
/// panel meets every quota (otherwise the report says which quotas to relax). Quick even
/// when the selection itself takes minutes.
pub fn check(pool: &Pool, request: &Request) -> Result<(), SelectError> {
    if request.size == 0 {
        return Err(SelectError::Invalid(
            "the panel size must be at least 1".into(),
        ));
    }
    if request.size as usize > pool.people.len() {
        return Err(SelectError::Invalid(format!(
            "the panel size {} is larger than the pool of {} volunteers",
            request.size,
            pool.people.len()
        )));
    }
    if request.one_per_household && pool.people.iter().all(|p| p.household.is_none()) {
        return Err(SelectError::Invalid(
            "one person per household was asked for, but no volunteer has a household (address) given".into(),
        ));
    }
    feasibility::check(pool, request)
}

fn summarise(request: &Request, drawn: Drawn) -> Selection {
    let Drawn {
        panel,
        probabilities,
        exact,
        panels,
        complete,
        levels,
    } = drawn;
    let n = probabilities.len().max(1) as f64;
    let low_threshold = 0.5 * request.size as f64 / n;
    let min_probability = probabilities.iter().copied().fold(f64::INFINITY, f64::min);
    let below = probabilities
        .iter()
        .filter(|&&p| p < low_threshold - 1e-9)
        .count();
    Selection {
        method: request.method,
        seed: request.seed,
        panel,
        min_probability: if min_probability.is_finite() {
            min_probability
        } else {
            0.0
        },
        share_below_threshold: below as f64 / n,
        low_threshold,
        probabilities,
        exact,
        panels,
        complete,
        levels,
    }
}

/// Whether a set of people meets every quota, has the right size and (if asked) at most one
/// person per household: the check every drawn panel must pass.
pub fn meets_quotas(pool: &Pool, panel: &[usize], request: &Request) -> bool {
    if panel.len() != request.size as usize {
        return false;
    }
    let mut seen = std::collections::HashSet::new();
    if !panel.iter().all(|&i| seen.insert(i)) {
        return false;
    }
    if request.one_per_household {
        let mut households = std::collections::HashSet::new();
        for &i in panel {
            if let Some(h) = &pool.people[i].household
                && !households.insert(h)
            {
                return false;
            }
        }
    }
    pool.features.iter().enumerate().all(|(f, feature)| {
        feature.quotas.iter().enumerate().all(|(v, quota)| {
            let count = panel
                .iter()
                .filter(|&&i| pool.people[i].values[f] == v)
                .count() as u32;
            quota.min <= count && count <= quota.max
        })
    })
}
