//! Which offers suit an ask (and which asks an offer): candidates come from the same skill
//! card (an index walk) and, when that gives too few, from a full-text search of the title's
//! words; each is scored on the card, how near its area is, how many of the post's words it
//! shares and whether the days fit. The scoring is pure and tested here.

use std::collections::HashMap;

use super::search::{self, Combine, PostSearch};
use super::store::{self, Post, PostKind};
use crate::assets::privacy::Viewer;
use crate::db::Db;
use crate::skills::Catalogue;

/// How many candidates each source brings before scoring.
const CANDIDATES: i64 = 40;

/// Why a candidate was suggested, shown next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    SameCard,
    SameGroup,
    SameArea,
    NearbyArea,
    SimilarWords,
    DaysFit,
}

impl Reason {
    pub fn label_key(self) -> &'static str {
        match self {
            Reason::SameCard => "help-reason-same-card",
            Reason::SameGroup => "help-reason-same-group",
            Reason::SameArea => "help-reason-same-area",
            Reason::NearbyArea => "help-reason-nearby-area",
            Reason::SimilarWords => "help-reason-similar-words",
            Reason::DaysFit => "help-reason-days-fit",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Suggestion {
    pub post: Post,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// Whether two posts' areas are the same, next to each other (one inside the other, or
/// both inside the same area), or neither.
fn area_closeness(a: &Post, b: &Post) -> Option<Reason> {
    if a.area_id == b.area_id {
        Some(Reason::SameArea)
    } else if a.area_parent_id.as_deref() == Some(b.area_id.as_str())
        || b.area_parent_id.as_deref() == Some(a.area_id.as_str())
        || (a.area_parent_id.is_some() && a.area_parent_id == b.area_parent_id)
    {
        Some(Reason::NearbyArea)
    } else {
        None
    }
}

/// A word's plain stem: lower case, without the commonest English endings, so "fixing",
/// "fixes" and "fix" or "bikes" and "bike" compare equal.
fn stem(word: &str) -> String {
    let word = word.to_lowercase();
    let long_enough = |stem: &str| stem.chars().count() >= 3;
    for ending in ["ing", "ers", "er", "ed"] {
        if let Some(stem) = word.strip_suffix(ending)
            && long_enough(stem)
        {
            return stem.to_string();
        }
    }
    if let Some(stem) = word.strip_suffix("es")
        && ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| stem.ends_with(e))
        && long_enough(stem)
    {
        return stem.to_string();
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && long_enough(stem) => stem.to_string(),
        _ => word,
    }
}

/// The stems of the words of `text` that say something (no stopwords).
pub fn informative_words(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = search::words(text, 24).iter().map(|w| stem(w)).collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The share of the post's words (stems) that the candidate's title and body also use.
fn shared_words(words: &[String], candidate: &Post) -> f64 {
    if words.is_empty() {
        return 0.0;
    }
    let theirs = informative_words(&format!("{} {}", candidate.title, candidate.body));
    let shared = words
        .iter()
        .filter(|w| theirs.binary_search(w).is_ok())
        .count();
    shared as f64 / words.len() as f64
}

/// The score of `candidate` for `post`; `text` is the share of the post's words the
/// candidate also uses (0..=1), `same_group` whether the cards share a group.
pub fn score(post: &Post, candidate: &Post, text: f64, same_group: bool) -> (f64, Vec<Reason>) {
    let mut score = 0.0;
    let mut reasons = Vec::new();
    if post.card_code.is_some() && post.card_code == candidate.card_code {
        score += 4.0;
        reasons.push(Reason::SameCard);
    } else if same_group {
        score += 1.0;
        reasons.push(Reason::SameGroup);
    }
    match area_closeness(post, candidate) {
        Some(Reason::SameArea) => {
            score += 3.0;
            reasons.push(Reason::SameArea);
        }
        Some(reason) => {
            score += 1.5;
            reasons.push(reason);
        }
        None => {}
    }
    if text > 0.0 {
        score += 3.0 * text.min(1.0);
        reasons.push(Reason::SimilarWords);
    }
    match (post.days, candidate.days) {
        (0, _) | (_, 0) => score += 0.5,
        (a, b) if a & b != 0 => {
            score += 1.0;
            reasons.push(Reason::DaysFit);
        }
        _ => score -= 1.0,
    }
    (score, reasons)
}

/// The best open posts of the other kind for `post`, that the viewer may see and that are
/// not the poster's own.
pub async fn suggestions(
    db: &Db,
    search: &PostSearch,
    viewer: &Viewer,
    catalogue: &Catalogue,
    post: &Post,
    limit: usize,
) -> anyhow::Result<Vec<Suggestion>> {
    let wanted: PostKind = post.kind.other();
    let mut candidates: HashMap<String, Post> = HashMap::new();
    if let Some(card) = &post.card_code {
        let on_card =
            store::open_on_card(db, viewer, wanted, card, &post.area_id, CANDIDATES).await?;
        for found in on_card {
            candidates.insert(found.id.clone(), found);
        }
    }
    // Words find posts on other cards (or posts without one) when the card gives too few;
    // a full-text query costs more than the card's index walk. The title says what a post
    // is about; the body's words mostly add noise and cost.
    if candidates.len() < CANDIDATES as usize / 2 {
        let query = search::Query {
            text: &post.title,
            combine: Combine::Any,
            kind: Some(wanted),
            status: "open",
            area: "",
            limit: CANDIDATES,
        };
        let hits = search.search(viewer, &query).await?;
        for hit in hits {
            candidates.entry(hit.post.id.clone()).or_insert(hit.post);
        }
    }
    let words = informative_words(&format!("{} {}", post.title, post.body));
    let group = |card: &Option<String>| {
        card.as_deref()
            .and_then(|c| catalogue.group_of(c))
            .map(|g| g.code.clone())
    };
    let post_group = group(&post.card_code);
    let mut suggestions: Vec<Suggestion> = candidates
        .into_values()
        .filter(|c| c.owner_id != post.owner_id)
        .map(|candidate| {
            let same_group = post_group.is_some() && group(&candidate.card_code) == post_group;
            let text = shared_words(&words, &candidate);
            let (score, reasons) = score(post, &candidate, text, same_group);
            Suggestion {
                post: candidate,
                score,
                reasons,
            }
        })
        .collect();
    suggestions.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.post.created_at.cmp(&a.post.created_at))
    });
    suggestions.truncate(limit);
    Ok(suggestions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::privacy::Visibility;
    use crate::help::store::PostStatus;

    fn post(area: &str, parent: Option<&str>, card: Option<&str>, days: i64) -> Post {
        Post {
            id: format!("{area}-{card:?}"),
            kind: PostKind::Offer,
            area_id: area.into(),
            area_parent_id: parent.map(str::to_string),
            area_name: area.into(),
            card_code: card.map(str::to_string),
            title: String::new(),
            body: String::new(),
            timing: String::new(),
            days,
            status: PostStatus::Open,
            visibility: Visibility::Public,
            owner_id: "someone".into(),
            owner_name: "Someone".into(),
            project_title: None,
            project_slug: None,
            created_at: 0,
        }
    }

    #[test]
    fn same_card_and_area_beat_words_alone() {
        let ask = post("riverside", Some("millbrook"), Some("driving"), 16);
        let near = post("riverside", Some("millbrook"), Some("driving"), 16);
        let wordy = post("elsewhere", None, Some("cooking"), 0);
        let (a, reasons) = score(&ask, &near, 0.0, true);
        let (b, _) = score(&ask, &wordy, 1.0, false);
        assert!(a > b, "{a} vs {b}");
        assert_eq!(
            reasons,
            vec![Reason::SameCard, Reason::SameArea, Reason::DaysFit]
        );
    }

    #[test]
    fn words_compare_by_plain_stems() {
        for (word, stem_of) in [
            ("bikes", "bike"),
            ("fixes", "fix"),
            ("fixing", "fix"),
            ("classes", "class"),
            ("glass", "glass"),
            ("painters", "paint"),
            ("vans", "van"),
        ] {
            assert_eq!(stem(word), stem_of, "{word}");
        }
        assert_eq!(
            informative_words("Fixing bikes for the school"),
            vec!["bike", "fix", "school"]
        );
        let mut candidate = post("a", None, None, 0);
        candidate.title = "I fix bike brakes".into();
        let words = informative_words("Help fixing my bikes");
        assert_eq!(shared_words(&words, &candidate), 1.0);
        candidate.title = "Cakes".into();
        assert_eq!(shared_words(&words, &candidate), 0.0);
    }

    #[test]
    fn neighbouring_areas_count_and_clashing_days_cost() {
        let ask = post("riverside", Some("millbrook"), None, 1);
        let sibling = post("old-town", Some("millbrook"), None, 1);
        let parent = post("millbrook", None, None, 2);
        let (s, reasons) = score(&ask, &sibling, 0.0, false);
        assert_eq!(reasons, vec![Reason::NearbyArea, Reason::DaysFit]);
        assert_eq!(s, 2.5);
        let (p, reasons) = score(&ask, &parent, 0.0, false);
        assert_eq!(reasons, vec![Reason::NearbyArea]);
        assert_eq!(p, 0.5);
    }
}
