//! What the counting rules need from an election: each project's cost, and each distinct
//! ballot's weight (how many voters cast it) and utility for each project it supports.
//! Voters with identical ballots are treated identically by every rule, so they are counted
//! once with a weight.

use rustc_hash::FxHashMap as HashMap;

use crate::Q;
use crate::pabulib::{Election, VoteType};

/// How much a voter gains from a funded project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Utility {
    /// The project's cost, for every project on the ballot ("cost utility").
    Cost,
    /// 1 for every project on the ballot ("cardinality utility").
    Cardinality,
    /// Points for cumulative and scoring ballots; Borda scores for ordinal ballots
    /// (a ballot of k projects gives k-1 to the first and 0 to the last); 1 for approval.
    Points,
}

impl Utility {
    pub fn parse(text: &str) -> Option<Utility> {
        match text {
            "cost" => Some(Utility::Cost),
            "cardinality" => Some(Utility::Cardinality),
            "points" | "scores" => Some(Utility::Points),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Utility::Cost => "cost",
            Utility::Cardinality => "cardinality",
            Utility::Points => "points",
        }
    }
}

/// A distinct ballot.
#[derive(Clone, Debug)]
pub struct Group {
    /// How many voters cast it.
    pub weight: u64,
    /// (project, utility index into [`Profile::utilities`]), for projects of positive utility.
    pub support: Vec<(u32, u32)>,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub ids: Vec<String>,
    pub costs: Vec<Q>,
    pub budget: Q,
    /// Every voter, empty ballots included (they share the budget under equal shares).
    pub voters: u64,
    pub groups: Vec<Group>,
    /// The distinct utility values, so groups refer to them by a small index.
    pub utilities: Vec<Q>,
    /// For each project, the groups supporting it with their utility index.
    pub supporters: Vec<Vec<(u32, u32)>>,
    /// For each project, its total utility over all voters.
    pub totals: Vec<Q>,
}

impl Profile {
    pub fn new(election: &Election, utility: Utility) -> Profile {
        let mut values = Interner::default();
        // With cost utility each project has one utility value: intern it once per project.
        let cost_index: Vec<u32> = match utility {
            Utility::Cost => election
                .projects
                .iter()
                .map(|p| values.intern(p.cost.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let one = values.intern(Q::one());
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: HashMap<Vec<(u32, u32)>, usize> = HashMap::default();
        for voter in &election.voters {
            let length = voter.ballot.len();
            let mut support: Vec<(u32, u32)> = Vec::with_capacity(length);
            for (position, &project) in voter.ballot.iter().enumerate() {
                let index = match utility {
                    Utility::Cost => cost_index[project as usize],
                    Utility::Cardinality => one,
                    Utility::Points => match election.vote_type {
                        VoteType::Ordinal => values.intern(Q::from(length - position - 1)),
                        VoteType::Cumulative | VoteType::Scoring => {
                            values.intern(voter.point(position))
                        }
                        _ => one,
                    },
                };
                if values.values[index as usize].is_positive() {
                    support.push((project, index));
                }
            }
            support.sort_unstable();
            match group_of.get(&support) {
                Some(&at) => groups[at].weight += 1,
                None => {
                    group_of.insert(support.clone(), groups.len());
                    groups.push(Group { weight: 1, support });
                }
            }
        }
        let mut supporters = vec![Vec::new(); election.projects.len()];
        for (g, group) in groups.iter().enumerate() {
            for &(project, u) in &group.support {
                supporters[project as usize].push((g as u32, u));
            }
        }
        let mut profile = Profile {
            ids: election.projects.iter().map(|p| p.id.clone()).collect(),
            costs: election.projects.iter().map(|p| p.cost.clone()).collect(),
            budget: election.budget.clone(),
            voters: election.voters.len() as u64,
            groups,
            utilities: values.values,
            supporters,
            totals: Vec::new(),
        };
        profile.totals = (0..profile.projects())
            .map(|p| profile.sum_utility(p))
            .collect();
        profile
    }

    pub fn projects(&self) -> usize {
        self.costs.len()
    }

    /// Total utility of a project over all voters.
    pub fn total_utility(&self, project: usize) -> Q {
        self.totals[project].clone()
    }

    fn sum_utility(&self, project: usize) -> Q {
        // Count voters per utility value first: one multiplication per distinct value.
        let mut weights: HashMap<u32, u64> = HashMap::default();
        for &(g, u) in &self.supporters[project] {
            *weights.entry(u).or_default() += self.groups[g as usize].weight;
        }
        weights
            .into_iter()
            .map(|(u, w)| &Q::from(w as usize) * &self.utilities[u as usize])
            .sum()
    }

    /// Number of voters giving the project positive utility.
    pub fn supporter_count(&self, project: usize) -> u64 {
        self.supporters[project]
            .iter()
            .map(|&(g, _)| self.groups[g as usize].weight)
            .sum()
    }

    pub fn cost_of(&self, projects: &[usize]) -> Q {
        projects.iter().map(|&p| self.costs[p].clone()).sum()
    }

    /// Projects in lexicographic order of id: the reference's tie-breaking order.
    pub fn by_id(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.projects()).collect();
        order.sort_by(|a, b| self.ids[*a].cmp(&self.ids[*b]));
        order
    }
}

/// Distinct utility values, each with a small index.
#[derive(Default)]
struct Interner {
    values: Vec<Q>,
    index: HashMap<Q, u32>,
}

impl Interner {
    fn intern(&mut self, value: Q) -> u32 {
        if let Some(&at) = self.index.get(&value) {
            return at;
        }
        self.values.push(value.clone());
        let at = (self.values.len() - 1) as u32;
        self.index.insert(value, at);
        at
    }
}
