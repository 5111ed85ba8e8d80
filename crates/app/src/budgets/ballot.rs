//! Ballots: reading what a voter submitted, checking it against the process's rules, and
//! the Pabulib form it is stored and published in. Pure code, no database.

use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BallotFormat {
    /// Tick between `min_choices` and `max_choices` projects.
    Approval,
    /// Tick projects whose costs add up to no more than the budget.
    Knapsack,
    /// Share out `points` among the projects.
    Cumulative,
    /// Rank up to `max_choices` projects, best first.
    Ranking,
}

pub const ALL_FORMATS: [BallotFormat; 4] = [
    BallotFormat::Approval,
    BallotFormat::Knapsack,
    BallotFormat::Cumulative,
    BallotFormat::Ranking,
];

impl BallotFormat {
    pub fn parse(value: &str) -> Option<BallotFormat> {
        ALL_FORMATS.into_iter().find(|f| f.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BallotFormat::Approval => "approval",
            BallotFormat::Knapsack => "knapsack",
            BallotFormat::Cumulative => "cumulative",
            BallotFormat::Ranking => "ranking",
        }
    }

    pub fn label_key(self) -> String {
        format!("pb-format-{}", self.as_str())
    }

    /// The Pabulib `vote_type` of such ballots.
    pub fn vote_type(self) -> pb::VoteType {
        match self {
            BallotFormat::Approval | BallotFormat::Knapsack => pb::VoteType::Approval,
            BallotFormat::Cumulative => pb::VoteType::Cumulative,
            BallotFormat::Ranking => pb::VoteType::Ordinal,
        }
    }

    /// What a voter gains from a funded project when counting: its cost for approval
    /// ballots (the usual reading of "the money goes where the votes are"), points otherwise.
    pub fn utility(self) -> pb::Utility {
        match self {
            BallotFormat::Approval | BallotFormat::Knapsack => pb::Utility::Cost,
            BallotFormat::Cumulative | BallotFormat::Ranking => pb::Utility::Points,
        }
    }
}

/// The limits a ballot must respect.
#[derive(Clone, Debug)]
pub struct BallotRules {
    pub format: BallotFormat,
    pub min_choices: u32,
    pub max_choices: u32,
    pub points: u32,
    pub budget: i64,
}

/// One project a voter can choose: its code, official cost and, when the budget is split,
/// the part (sub-budget id) it competes in.
#[derive(Clone, Debug)]
pub struct Choice {
    pub code: String,
    pub cost: i64,
    pub part: Option<String>,
}

/// A ballot: projects with points (1 each for approval and knapsack), ranked best first
/// for ranking ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ballot {
    pub picks: Vec<(String, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("choose at least one project")]
    Empty,
    #[error("project {0} is not on this ballot")]
    NotOnBallot(String),
    #[error("project {0} appears twice")]
    Twice(String),
    #[error("choose at least {0} projects")]
    TooFew(u32),
    #[error("choose at most {0} projects")]
    TooMany(u32),
    #[error("the projects cost {total}, more than the budget of {budget}")]
    OverBudget { total: i64, budget: i64 },
    #[error("{given} points given, more than the {allowed} you have")]
    TooManyPoints { given: u64, allowed: u32 },
    #[error("{0:?} is not a number of points")]
    BadPoints(String),
    #[error("rank {0} is empty but a lower rank is filled")]
    GapInRanking(u32),
    #[error("choose projects in one part of the budget only")]
    SeveralParts,
}

impl Ballot {
    /// Reads the submitted form fields: `project=<code>` (ticked boxes), `points-<code>=n`
    /// (cumulative) or `rank-<n>=<code>` (ranking). Other fields are ignored.
    pub fn from_form(
        format: BallotFormat,
        fields: &[(String, String)],
    ) -> Result<Ballot, BallotError> {
        let mut picks = Vec::new();
        match format {
            BallotFormat::Approval | BallotFormat::Knapsack => {
                for (name, value) in fields {
                    if name == "project" {
                        picks.push((value.trim().to_string(), 1));
                    }
                }
            }
            BallotFormat::Cumulative => {
                for (name, value) in fields {
                    let Some(code) = name.strip_prefix("points-") else {
                        continue;
                    };
                    let value = value.trim();
                    if value.is_empty() {
                        continue;
                    }
                    let points: u32 = value
                        .parse()
                        .map_err(|_| BallotError::BadPoints(value.to_string()))?;
                    if points > 0 {
                        picks.push((code.to_string(), points));
                    }
                }
            }
            BallotFormat::Ranking => {
                let mut ranked: Vec<(u32, String)> = fields
                    .iter()
                    .filter_map(|(name, value)| {
                        let rank = name.strip_prefix("rank-")?.parse().ok()?;
                        Some((rank, value.trim().to_string()))
                    })
                    .collect();
                ranked.sort();
                let mut gap = None;
                for (rank, code) in ranked {
                    if code.is_empty() {
                        gap.get_or_insert(rank);
                        continue;
                    }
                    if let Some(empty) = gap {
                        return Err(BallotError::GapInRanking(empty));
                    }
                    picks.push((code, 1));
                }
            }
        }
        Ok(Ballot { picks })
    }

    /// Checks the ballot against the rules and the projects on offer.
    pub fn check(&self, rules: &BallotRules, choices: &[Choice]) -> Result<(), BallotError> {
        if self.picks.is_empty() {
            return Err(BallotError::Empty);
        }
        let mut seen = HashSet::new();
        let mut total_cost = 0i64;
        for (code, _) in &self.picks {
            let choice = choices
                .iter()
                .find(|c| &c.code == code)
                .ok_or_else(|| BallotError::NotOnBallot(code.clone()))?;
            if !seen.insert(code.as_str()) {
                return Err(BallotError::Twice(code.clone()));
            }
            total_cost += choice.cost;
        }
        let count = self.picks.len() as u32;
        match rules.format {
            BallotFormat::Approval => {
                if count < rules.min_choices {
                    return Err(BallotError::TooFew(rules.min_choices));
                }
                if count > rules.max_choices {
                    return Err(BallotError::TooMany(rules.max_choices));
                }
            }
            BallotFormat::Knapsack => {
                if total_cost > rules.budget {
                    return Err(BallotError::OverBudget {
                        total: total_cost,
                        budget: rules.budget,
                    });
                }
            }
            BallotFormat::Cumulative => {
                let given: u64 = self.picks.iter().map(|(_, p)| *p as u64).sum();
                if given > rules.points as u64 {
                    return Err(BallotError::TooManyPoints {
                        given,
                        allowed: rules.points,
                    });
                }
            }
            BallotFormat::Ranking => {
                if count > rules.max_choices {
                    return Err(BallotError::TooMany(rules.max_choices));
                }
            }
        }
        Ok(())
    }

    /// Checks the ballot when the budget may be split: each part's picks against that part's
    /// rules (`parts` as from `Process::part_rules`; one part with no id when it is not
    /// split). A part nobody picked in is skipped; `one_part` allows picks in one part only.
    pub fn check_parts(
        &self,
        parts: &[(Option<String>, BallotRules)],
        one_part: bool,
        choices: &[Choice],
    ) -> Result<(), BallotError> {
        if let [(None, rules)] = parts {
            return self.check(rules, choices);
        }
        if self.picks.is_empty() {
            return Err(BallotError::Empty);
        }
        let mut seen = HashSet::new();
        for (code, _) in &self.picks {
            if !choices.iter().any(|c| &c.code == code) {
                return Err(BallotError::NotOnBallot(code.clone()));
            }
            if !seen.insert(code.as_str()) {
                return Err(BallotError::Twice(code.clone()));
            }
        }
        let mut parts_used = 0;
        for (part, rules) in parts {
            let in_part: Vec<Choice> = choices
                .iter()
                .filter(|c| &c.part == part)
                .cloned()
                .collect();
            let picks: Vec<(String, u32)> = self
                .picks
                .iter()
                .filter(|(code, _)| in_part.iter().any(|c| &c.code == code))
                .cloned()
                .collect();
            if picks.is_empty() {
                continue;
            }
            parts_used += 1;
            if one_part && parts_used > 1 {
                return Err(BallotError::SeveralParts);
            }
            Ballot { picks }.check(rules, &in_part)?;
        }
        // Every pick is on the ballot, so it fell in some part.
        Ok(())
    }

    /// The total cost of the chosen projects (what a knapsack ballot spends).
    pub fn cost(&self, choices: &[Choice]) -> i64 {
        self.picks
            .iter()
            .filter_map(|(code, _)| choices.iter().find(|c| &c.code == code))
            .map(|c| c.cost)
            .sum()
    }

    pub fn points_given(&self) -> u64 {
        self.picks.iter().map(|(_, p)| *p as u64).sum()
    }

    pub fn contains(&self, code: &str) -> bool {
        self.picks.iter().any(|(c, _)| c == code)
    }

    pub fn points_for(&self, code: &str) -> u32 {
        self.picks
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0, |(_, p)| *p)
    }

    /// The project ranked at `rank` (1 = best), if any.
    pub fn ranked(&self, rank: usize) -> Option<&str> {
        self.picks
            .get(rank.checked_sub(1)?)
            .map(|(c, _)| c.as_str())
    }

    /// The Pabulib `vote` and `points` columns (points only for cumulative ballots).
    pub fn to_pabulib(&self, format: BallotFormat) -> (String, String) {
        let vote = self
            .picks
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let points = if format == BallotFormat::Cumulative {
            self.picks
                .iter()
                .map(|(_, p)| p.to_string())
                .collect::<Vec<_>>()
                .join(",")
        } else {
            String::new()
        };
        (vote, points)
    }

    /// Reads the stored columns back.
    pub fn from_pabulib(vote: &str, points: &str) -> Ballot {
        let codes = vote.split(',').map(str::trim).filter(|c| !c.is_empty());
        let mut points = points.split(',').map(|p| p.trim().parse().unwrap_or(1));
        Ballot {
            picks: codes
                .map(|c| (c.to_string(), points.next().unwrap_or(1)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        [("1", 60), ("2", 50), ("3", 40)]
            .into_iter()
            .map(|(code, cost)| Choice {
                code: code.into(),
                cost,
                part: None,
            })
            .collect()
    }

    fn rules(format: BallotFormat) -> BallotRules {
        BallotRules {
            format,
            min_choices: 1,
            max_choices: 2,
            points: 5,
            budget: 100,
        }
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn approval_ballots_respect_the_number_of_choices() {
        let format = BallotFormat::Approval;
        let three = Ballot::from_form(
            format,
            &fields(&[("project", "1"), ("project", "2"), ("project", "3")]),
        )
        .unwrap();
        assert_eq!(
            three.check(&rules(format), &choices()),
            Err(BallotError::TooMany(2))
        );
        let none = Ballot::from_form(format, &fields(&[("csrf_token", "x")])).unwrap();
        assert_eq!(
            none.check(&rules(format), &choices()),
            Err(BallotError::Empty)
        );
        let unknown = Ballot::from_form(format, &fields(&[("project", "9")])).unwrap();
        assert_eq!(
            unknown.check(&rules(format), &choices()),
            Err(BallotError::NotOnBallot("9".into()))
        );
        let twice =
            Ballot::from_form(format, &fields(&[("project", "1"), ("project", "1")])).unwrap();
        assert_eq!(
            twice.check(&rules(format), &choices()),
            Err(BallotError::Twice("1".into()))
        );
    }

    #[test]
    fn knapsack_ballots_stay_within_the_budget() {
        let format = BallotFormat::Knapsack;
        let over =
            Ballot::from_form(format, &fields(&[("project", "1"), ("project", "2")])).unwrap();
        assert_eq!(
            over.check(&rules(format), &choices()),
            Err(BallotError::OverBudget {
                total: 110,
                budget: 100
            })
        );
        let fits =
            Ballot::from_form(format, &fields(&[("project", "1"), ("project", "3")])).unwrap();
        assert_eq!(fits.check(&rules(format), &choices()), Ok(()));
        assert_eq!(fits.cost(&choices()), 100);
    }

    #[test]
    fn cumulative_ballots_share_out_their_points() {
        let format = BallotFormat::Cumulative;
        let ballot = Ballot::from_form(
            format,
            &fields(&[("points-1", "3"), ("points-2", ""), ("points-3", "2")]),
        )
        .unwrap();
        assert_eq!(ballot.check(&rules(format), &choices()), Ok(()));
        assert_eq!(ballot.to_pabulib(format), ("1,3".into(), "3,2".into()));
        let too_many = Ballot::from_form(format, &fields(&[("points-1", "6")])).unwrap();
        assert_eq!(
            too_many.check(&rules(format), &choices()),
            Err(BallotError::TooManyPoints {
                given: 6,
                allowed: 5
            })
        );
        assert_eq!(
            Ballot::from_form(format, &fields(&[("points-1", "-1")])),
            Err(BallotError::BadPoints("-1".into()))
        );
    }

    #[test]
    fn rankings_are_read_in_order_without_gaps() {
        let format = BallotFormat::Ranking;
        let ballot =
            Ballot::from_form(format, &fields(&[("rank-2", "1"), ("rank-1", "3")])).unwrap();
        assert_eq!(ballot.ranked(1), Some("3"));
        assert_eq!(ballot.to_pabulib(format), ("3,1".into(), String::new()));
        assert_eq!(
            Ballot::from_form(format, &fields(&[("rank-1", ""), ("rank-2", "1")])),
            Err(BallotError::GapInRanking(1))
        );
        let same = Ballot::from_form(format, &fields(&[("rank-1", "2"), ("rank-2", "2")])).unwrap();
        assert_eq!(
            same.check(&rules(format), &choices()),
            Err(BallotError::Twice("2".into()))
        );
    }

    #[test]
    fn each_part_of_a_split_budget_keeps_its_own_limits() {
        // North: 1 (60), 2 (50) with a budget of 100; South: 3 (40) with 50.
        let mut choices = choices();
        for c in &mut choices {
            c.part = Some(if c.code == "3" { "south" } else { "north" }.into());
        }
        let parts = |format| {
            vec![
                (Some("north".to_string()), rules(format)),
                (
                    Some("south".to_string()),
                    BallotRules {
                        budget: 50,
                        ..rules(format)
                    },
                ),
            ]
        };
        let picks = |codes: &[&str]| Ballot {
            picks: codes.iter().map(|c| (c.to_string(), 1)).collect(),
        };
        let knapsack = parts(BallotFormat::Knapsack);
        // 1 and 3: 60 of North's 100 and 40 of South's 50.
        assert_eq!(
            picks(&["1", "3"]).check_parts(&knapsack, false, &choices),
            Ok(())
        );
        assert_eq!(
            picks(&["1", "2"]).check_parts(&knapsack, false, &choices),
            Err(BallotError::OverBudget {
                total: 110,
                budget: 100
            })
        );
        assert_eq!(
            picks(&["1", "3"]).check_parts(&knapsack, true, &choices),
            Err(BallotError::SeveralParts)
        );
        assert_eq!(picks(&["3"]).check_parts(&knapsack, true, &choices), Ok(()));
        // Approval: at most two per part, so three in all is fine when split.
        let approval = parts(BallotFormat::Approval);
        assert_eq!(
            picks(&["1", "2", "3"]).check_parts(&approval, false, &choices),
            Ok(())
        );
        assert_eq!(
            picks(&["1", "9"]).check_parts(&approval, false, &choices),
            Err(BallotError::NotOnBallot("9".into()))
        );
        assert_eq!(
            picks(&[]).check_parts(&approval, false, &choices),
            Err(BallotError::Empty)
        );
    }

    #[test]
    fn stored_ballots_read_back_the_same() {
        let ballot = Ballot {
            picks: vec![("4".into(), 2), ("16".into(), 5)],
        };
        let (vote, points) = ballot.to_pabulib(BallotFormat::Cumulative);
        assert_eq!(Ballot::from_pabulib(&vote, &points), ballot);
    }
}
