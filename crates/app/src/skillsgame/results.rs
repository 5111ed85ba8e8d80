//! What a round of the skills game shows: per table and pooled over tables, the share of
//! cards someone at the table can do ("we"), the share covered with friends too, and the
//! gaps. Pure, so the arithmetic can be tested on its own.

use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Answer {
    // Ordered from worst to best, so pooling takes the maximum.
    Nobody,
    Friend,
    We,
}

pub const ALL_ANSWERS: [Answer; 3] = [Answer::We, Answer::Friend, Answer::Nobody];

impl Answer {
    pub fn parse(value: &str) -> Option<Answer> {
        ALL_ANSWERS.into_iter().find(|a| a.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::We => "we",
            Answer::Friend => "friend",
            Answer::Nobody => "nobody",
        }
    }

    pub fn label_key(self) -> String {
        format!("game-answer-{}", self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub cards: usize,
    pub answered: usize,
    pub we: usize,
    pub friend: usize,
    pub nobody: usize,
    /// Cards answered "nobody we know", in the order of the cards given.
    pub gaps: Vec<String>,
}

impl Coverage {
    /// Percentage of all cards someone at the table can do.
    pub fn we_percent(&self) -> f64 {
        percent(self.we, self.cards)
    }

    /// Percentage of all cards the table can do or knows a friend who can.
    pub fn with_friends_percent(&self) -> f64 {
        percent(self.we + self.friend, self.cards)
    }

    pub fn is_finished(&self) -> bool {
        self.answered == self.cards
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Coverage of `cards` (the active cards, in order) by one set of answers; answers for cards
/// outside the list (retired since) are ignored.
pub fn coverage(cards: &[String], answers: &HashMap<String, Answer>) -> Coverage {
    let mut result = Coverage {
        cards: cards.len(),
        answered: 0,
        we: 0,
        friend: 0,
        nobody: 0,
        gaps: Vec::new(),
    };
    for card in cards {
        match answers.get(card) {
            Some(Answer::We) => result.we += 1,
            Some(Answer::Friend) => result.friend += 1,
            Some(Answer::Nobody) => {
                result.nobody += 1;
                result.gaps.push(card.clone());
            }
            None => continue,
        }
        result.answered += 1;
    }
    result
}

/// The tables' answers pooled: for each card, the best answer any table gave.
pub fn pool<'a>(
    tables: impl IntoIterator<Item = &'a HashMap<String, Answer>>,
) -> HashMap<String, Answer> {
    let mut pooled: HashMap<String, Answer> = HashMap::new();
    for answers in tables {
        for (card, &answer) in answers {
            let best = pooled.entry(card.clone()).or_insert(answer);
            *best = (*best).max(answer);
        }
    }
    pooled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, Answer)]) -> HashMap<String, Answer> {
        pairs.iter().map(|(c, a)| (c.to_string(), *a)).collect()
    }

    fn cards(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn coverage_counts_we_and_friends_over_all_cards() {
        let cards = cards(&["a", "b", "c", "d"]);
        let table = answers(&[
            ("a", Answer::We),
            ("b", Answer::Friend),
            ("c", Answer::Nobody),
        ]);
        let c = coverage(&cards, &table);
        assert_eq!((c.we, c.friend, c.nobody, c.answered), (1, 1, 1, 3));
        assert_eq!(c.we_percent(), 25.0);
        assert_eq!(c.with_friends_percent(), 50.0);
        assert_eq!(c.gaps, vec!["c".to_string()]);
        assert!(!c.is_finished());
    }

    #[test]
    fn pooling_takes_each_cards_best_answer() {
        let one = answers(&[("a", Answer::Nobody), ("b", Answer::Friend)]);
        let two = answers(&[
            ("a", Answer::We),
            ("b", Answer::Nobody),
            ("c", Answer::Nobody),
        ]);
        let pooled = pool([&one, &two]);
        assert_eq!(pooled["a"], Answer::We);
        assert_eq!(pooled["b"], Answer::Friend);
        assert_eq!(pooled["c"], Answer::Nobody);
        let c = coverage(&cards(&["a", "b", "c"]), &pooled);
        assert_eq!(c.gaps, vec!["c".to_string()]);
        assert!(c.is_finished());
    }

    #[test]
    fn retired_cards_do_not_count() {
        let c = coverage(
            &cards(&["a"]),
            &answers(&[("a", Answer::We), ("gone", Answer::We)]),
        );
        assert_eq!((c.cards, c.we, c.answered), (1, 1, 1));
        assert_eq!(c.we_percent(), 100.0);
    }
}
