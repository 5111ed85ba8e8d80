//! Participatory budgeting engine: the Pabulib format, ballots, counting rules and explanations.
//! A plain library: no web, no database.

pub mod arith;
pub mod count;
pub mod number;
pub mod pabulib;
pub mod profile;
pub mod rules;

pub use count::{
    ALL_RULES, CountError, Explanation, NAMED_RULES, Rule, count, explain, run, utility_for,
    voters_with_a_win,
};
pub use number::Q;
pub use pabulib::{
    Election, Kept, ParseError, ReadOptions, VoteType, Warning, parse, parse_owned,
    parse_owned_with, write,
};
pub use profile::{Profile, Utility};
pub use rules::{Comparison, Outcome, Purchase, Stage};
