//! The rules by name, and what each outcome means for every project and voter.

use crate::Q;
use crate::pabulib::{Election, VoteType};
use crate::profile::{Profile, Utility};
use crate::rules::{self, Outcome, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Utilitarian greedy, skipping projects that do not fit.
    Greedy,
    /// Utilitarian greedy, stopping at the first project that does not fit.
    GreedyNoSkip,
    /// The Method of Equal Shares.
    Mes,
    /// Equal shares with budgets raised one unit at a time, then a greedy fill.
    MesAdd1,
    /// Equal shares with budgets raised one unit at a time, leaving the rest unspent
    /// (as Assen 2024 counted).
    MesAdd1NoFill,
    /// Sequential Phragmén (approval ballots).
    Phragmen,
    /// Equal shares as equalshares.net documents "Add1" with the comparison step
    /// (Wieliczka's `equalshares/add1-comparison`; approval ballots).
    MesAdd1Comparison,
    /// Poznań's `greedy-custom`: by votes until the first that does not fit, which reserve
    /// funds pay for when 80% of its cost is left (approval ballots).
    GreedyPoznan,
}

/// The rules `pb compare` counts with, all as pabutools counts them.
pub const ALL_RULES: [Rule; 5] = [
    Rule::Greedy,
    Rule::GreedyNoSkip,
    Rule::Mes,
    Rule::MesAdd1,
    Rule::Phragmen,
];

/// Every rule with a name: those of pabutools, then those of cities' records.
pub const NAMED_RULES: [Rule; 8] = [
    Rule::Greedy,
    Rule::GreedyNoSkip,
    Rule::Mes,
    Rule::MesAdd1,
    Rule::MesAdd1NoFill,
    Rule::Phragmen,
    Rule::MesAdd1Comparison,
    Rule::GreedyPoznan,
];

impl Rule {
    /// A rule by its name, or by the name a Pabulib file's META `rule` gives it.
    pub fn parse(text: &str) -> Option<Rule> {
        let text = match text {
            "equalshares/add1-comparison" => "mes-add1-comparison",
            other => other,
        };
        NAMED_RULES.into_iter().find(|r| r.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::GreedyNoSkip => "greedy-no-skip",
            Rule::Mes => "mes",
            Rule::MesAdd1 => "mes-add1",
            Rule::MesAdd1NoFill => "mes-add1-nofill",
            Rule::Phragmen => "phragmen",
            Rule::MesAdd1Comparison => "mes-add1-comparison",
            Rule::GreedyPoznan => "greedy-custom",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Rule::Greedy => "utilitarian greedy (skips what does not fit)",
            Rule::GreedyNoSkip => "utilitarian greedy (stops at the first that does not fit)",
            Rule::Mes => "Method of Equal Shares",
            Rule::MesAdd1 => "Method of Equal Shares, budgets raised by 1 per voter, then greedy",
            Rule::MesAdd1NoFill => "Method of Equal Shares, budgets raised by 1 per voter",
            Rule::Phragmen => "sequential Phragmén",
            Rule::MesAdd1Comparison => {
                "Method of Equal Shares, whole budgets raised by 1 per voter, compared with counting by votes"
            }
            Rule::GreedyPoznan => {
                "counting by votes until a project does not fit, which reserve funds pay for if 80% of its cost is left (Poznań)"
            }
        }
    }

    /// Whether the rule can count these ballots.
    pub fn accepts(self, vote_type: VoteType) -> bool {
        !self.needs_approvals() || matches!(vote_type, VoteType::Approval | VoteType::Choose1)
    }

    /// Rules defined for approval ballots only.
    fn needs_approvals(self) -> bool {
        matches!(
            self,
            Rule::Phragmen | Rule::MesAdd1Comparison | Rule::GreedyPoznan
        )
    }

    /// Whether the rule is a form of equal shares (its purchases carry a price per unit).
    pub fn is_equal_shares(self) -> bool {
        matches!(
            self,
            Rule::Mes | Rule::MesAdd1 | Rule::MesAdd1NoFill | Rule::MesAdd1Comparison
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    #[error("{rule} needs approval or choose-1 ballots; this election has {vote_type} ballots")]
    WrongBallots {
        rule: &'static str,
        vote_type: &'static str,
    },
}

/// Counts the election; Phragmén always counts approvals, whatever the utility.
pub fn count(
    election: &Election,
    rule: Rule,
    utility: Utility,
) -> Result<(Profile, Outcome), CountError> {
    if !rule.accepts(election.vote_type) {
        return Err(CountError::WrongBallots {
            rule: rule.as_str(),
            vote_type: election.vote_type.as_str(),
        });
    }
    let utility = utility_for(rule, utility);
    let profile = Profile::new(election, utility);
    let outcome = run(&profile, rule);
    Ok((profile, outcome))
}

/// The utility a rule counts with: Phragmén and Poznań's rule always count approvals.
pub fn utility_for(rule: Rule, utility: Utility) -> Utility {
    if matches!(rule, Rule::Phragmen | Rule::GreedyPoznan) {
        Utility::Cardinality
    } else {
        utility
    }
}

/// Counts a profile already built with `utility_for(rule, ...)`; for counting one election
/// with several rules without rebuilding the profile each time.
pub fn run(profile: &Profile, rule: Rule) -> Outcome {
    match rule {
        Rule::Greedy => rules::greedy(profile, &Outcome::default(), true),
        Rule::GreedyNoSkip => rules::greedy(profile, &Outcome::default(), false),
        Rule::Mes => {
            let per_voter = if profile.voters == 0 {
                Q::zero()
            } else {
                &profile.budget / &Q::from(profile.voters as usize)
            };
            rules::equal_shares(profile, &per_voter)
        }
        Rule::MesAdd1 => rules::equal_shares_add1(profile),
        Rule::MesAdd1NoFill => rules::equal_shares_raised(profile, &Q::one()),
        Rule::Phragmen => rules::phragmen(profile),
        Rule::MesAdd1Comparison => rules::equal_shares_add1_comparison(profile),
        Rule::GreedyPoznan => rules::greedy_poznan(profile),
    }
}

/// Share of voters with at least one project on their ballot funded.
pub fn voters_with_a_win(election: &Election, outcome: &Outcome) -> f64 {
    if election.voters.is_empty() {
        return 0.0;
    }
    let mut funded = vec![false; election.projects.len()];
    for p in outcome.selected() {
        funded[p] = true;
    }
    let winners = election
        .voters
        .iter()
        .filter(|v| v.ballot.iter().any(|&p| funded[p as usize]))
        .count();
    winners as f64 / election.voters.len() as f64
}

/// Why one project was or was not funded under a rule.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub project: usize,
    pub funded: bool,
    pub supporters: u64,
    /// Its place in the order of funding (1 = first), if funded.
    pub position: Option<usize>,
    pub stage: Option<Stage>,
    /// Equal shares: what a supporter who could afford it paid, in currency.
    pub share_per_supporter: Option<f64>,
    pub paid_all_they_had: u64,
    /// Phragmén: the load after the purchase. Greedy: utility per unit of cost.
    pub price: Option<f64>,
    /// Not funded: the highest whole cost at which it would have been, or `None` if even
    /// free it would not (no supporter, or the rule never reaches it).
    pub would_win_at: Option<Q>,
}

/// Explains `project` under `rule`. For a project that lost, searches for the highest cost
/// at which it would have won, counting again at each tried cost.
pub fn explain(
    election: &Election,
    rule: Rule,
    utility: Utility,
    project: usize,
) -> Result<Explanation, CountError> {
    let (profile, outcome) = count(election, rule, utility)?;
    let supporters = profile.supporter_count(project);
    let position = outcome.purchases.iter().position(|p| p.project == project);
    let mut explanation = Explanation {
        project,
        funded: position.is_some(),
        supporters,
        position: position.map(|p| p + 1),
        stage: None,
        share_per_supporter: None,
        paid_all_they_had: 0,
        price: None,
        would_win_at: None,
    };
    if let Some(at) = position {
        let purchase = &outcome.purchases[at];
        explanation.stage = Some(purchase.stage);
        explanation.paid_all_they_had = purchase.paid_all_they_had;
        match (rule, purchase.stage) {
            (rule, Stage::Main) if rule.is_equal_shares() && purchase.price.is_some() => {
                // ρ per unit of utility; with cost utility a share is ρ·cost, with cardinality ρ.
                let unit = match utility {
                    Utility::Cost => profile.costs[project].to_f64(),
                    _ => 1.0,
                };
                explanation.share_per_supporter = purchase.price.map(|rho| rho * unit);
            }
            _ => explanation.price = purchase.price,
        }
        return Ok(explanation);
    }
    explanation.would_win_at = highest_winning_cost(election, rule, utility, project);
    Ok(explanation)
}

/// Bisection on whole currency units between 1 and the project's cost. (Not 0: with cost
/// utility a free project is worth nothing to anyone.) Assumes that lowering a project's cost
/// never makes it lose, which holds for these rules in practice.
fn highest_winning_cost(
    election: &Election,
    rule: Rule,
    utility: Utility,
    project: usize,
) -> Option<Q> {
    let wins_at = |cost: &Q| -> bool {
        let mut changed = election.clone();
        changed.projects[project].cost = cost.clone();
        count(&changed, rule, utility)
            .map(|(_, o)| o.contains(project))
            .unwrap_or(false)
    };
    let cheapest = Q::one().min(election.projects[project].cost.clone());
    if !wins_at(&cheapest) {
        return None;
    }
    let mut low = cheapest; // wins
    let mut high = election.projects[project].cost.floor(); // loses (or is the real cost)
    if wins_at(&high) {
        return Some(high);
    }
    while &high - &low > Q::one() {
        let middle = (&(&low + &high) / &Q::int(2)).floor();
        if wins_at(&middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    Some(low)
}
