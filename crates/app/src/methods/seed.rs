//! The twelve methods every library starts with, written for Square Mile and published under
//! CC BY-SA 4.0 by "Square Mile contributors". Added when missing, by slug, whenever the site
//! starts; never changed afterwards, so a site's own edits and adaptations stay as they are.
//!
//! Their words live in Fluent (`locales/*/methods-seed.ftl`, `seed-<slug>-<field>`), not
//! here, so that they are translated like every other page. A seeded row keeps the English
//! text too, and its `seed` column names the recipe; while that is set, pages show the
//! recipe in the reader's language ([`in_language`]). Why this way rather than a table of
//! translations: the twelve recipes are the site's own words, shipped with the code and
//! translated with the rest of it (a language added is a folder of `.ftl` files, nothing to
//! migrate), while everyone else's methods stay in the one language they were written in;
//! the stored English keeps search, the feeds and anything reading the table working as
//! before, and clearing `seed` turns a recipe into its editor's own text in one step (the
//! site has no editing of methods yet; whatever comes to change a seeded row's text must
//! clear it, as the migration that added the column says).

use super::store::{self, DEFAULT_LICENCE, Method, NewMethod, Recipe};
use crate::db::Db;
use crate::i18n::Lang;

/// The attribution stored with the seeded rows (shown as the message `seed-author`).
pub const AUTHOR: &str = "Square Mile contributors";

/// The seeds' slugs, which are also their names in Fluent and in the `seed` column.
pub const SLUGS: [&str; 12] = [
    "skills-game",
    "network-mapping-questionnaire",
    "asset-walk",
    "community-conversation",
    "open-space",
    "world-cafe",
    "citizens-jury",
    "participatory-budgeting",
    "walk-and-talk",
    "story-circle",
    "one-to-one-conversations",
    "living-lab",
];

/// The message for one field of a seed in `lang` (or English), if there is one.
pub fn text(seed: &str, field: &str, lang: &Lang) -> Option<String> {
    let key = format!("seed-{seed}-{field}");
    lang.has(&key).then(|| lang.t(&key))
}

/// The seed's recipe in `lang`; a field without a message keeps `stored`'s (a seed the
/// code no longer knows shows as it was stored). The licence is never translated.
pub fn recipe(seed: &str, lang: &Lang, stored: &Recipe) -> Recipe {
    let field = |name: &str, kept: &String| text(seed, name, lang).unwrap_or_else(|| kept.clone());
    Recipe {
        title: field("title", &stored.title),
        summary: field("summary", &stored.summary),
        purpose: field("purpose", &stored.purpose),
        when_to_use: field("when-to-use", &stored.when_to_use),
        group_size: field("group-size", &stored.group_size),
        duration: field("duration", &stored.duration),
        materials: field("materials", &stored.materials),
        steps: field("steps", &stored.steps),
        tips: field("tips", &stored.tips),
        variations: field("variations", &stored.variations),
        licence: stored.licence.clone(),
        tags: field("tags", &stored.tags),
    }
}

/// A method's title as a reader sees it: the seed's in `lang`, else the stored one.
pub fn title(seed: Option<&str>, stored: String, lang: &Lang) -> String {
    seed.and_then(|s| text(s, "title", lang)).unwrap_or(stored)
}

/// The method as a reader of `lang` sees it: a seeded recipe (and an adaptation's link to
/// one) in that language, everyone else's text as they wrote it.
pub fn in_language(mut method: Method, lang: &Lang) -> Method {
    if let Some(seed) = method.seed.as_deref() {
        method.recipe = recipe(seed, lang, &method.recipe);
        method.author_name = lang.t("seed-author");
    }
    if let (Some(seed), Some((_, title, author))) =
        (method.fork_seed.as_deref(), method.forked_from.as_mut())
    {
        *title = self::title(Some(seed), std::mem::take(title), lang);
        *author = lang.t("seed-author");
    }
    method
}

/// A seed's English recipe, as it is stored; an error if a message is missing.
fn english(seed: &str) -> anyhow::Result<Recipe> {
    let lang = Lang::default();
    let field = |name: &str| {
        text(seed, name, &lang)
            .ok_or_else(|| anyhow::anyhow!("no English message seed-{seed}-{name}"))
    };
    Ok(Recipe {
        title: field("title")?,
        summary: field("summary")?,
        purpose: field("purpose")?,
        when_to_use: field("when-to-use")?,
        group_size: field("group-size")?,
        duration: field("duration")?,
        materials: field("materials")?,
        steps: field("steps")?,
        tips: field("tips")?,
        variations: field("variations")?,
        licence: DEFAULT_LICENCE.into(),
        tags: field("tags")?,
    })
}

/// Adds any seed method whose slug is not taken yet; one query when none is missing, as on
/// every start but the first.
pub async fn ensure(db: &Db) -> anyhow::Result<()> {
    let taken = store::slugs(db).await?;
    for slug in SLUGS {
        if taken.iter().any(|t| t == slug) {
            continue;
        }
        let recipe = english(slug)?;
        let method = NewMethod {
            slug,
            recipe: &recipe,
            author_id: None,
            author_name: AUTHOR,
            forked_from: None,
            seed: Some(slug),
        };
        store::publish(db, &method).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_has_every_field_in_every_language() {
        for (code, _) in crate::i18n::SUPPORTED {
            let lang = Lang::from_tag(code).unwrap();
            for seed in SLUGS {
                let english = english(seed).unwrap();
                let theirs = recipe(seed, &lang, &Recipe::default());
                for (name, value) in [
                    ("title", &theirs.title),
                    ("summary", &theirs.summary),
                    ("purpose", &theirs.purpose),
                    ("when-to-use", &theirs.when_to_use),
                    ("group-size", &theirs.group_size),
                    ("duration", &theirs.duration),
                    ("materials", &theirs.materials),
                    ("steps", &theirs.steps),
                    ("tips", &theirs.tips),
                    ("variations", &theirs.variations),
                    ("tags", &theirs.tags),
                ] {
                    assert!(!value.trim().is_empty(), "{code} {seed} {name}");
                }
                // One step a line, as the method page and the API split them.
                assert_eq!(
                    theirs.steps.lines().count(),
                    english.steps.lines().count(),
                    "{code} {seed}: the same number of steps"
                );
                assert!(
                    !theirs
                        .steps
                        .lines()
                        .any(|l| l.trim().is_empty() || l != l.trim()),
                    "{code} {seed}: no blank or indented step"
                );
            }
        }
    }

    #[test]
    fn english_is_the_text_the_library_always_had() {
        let cafe = english("world-cafe").unwrap();
        assert_eq!(cafe.title, "World café");
        assert_eq!(
            cafe.tips,
            "Questions that begin with \"what\" and \"how\" work better than yes-or-no questions."
        );
        assert!(cafe.steps.starts_with(
            "Set up the room like a café, with four or five chairs per table.\nPose the first question;"
        ));
        let pl = recipe("world-cafe", &Lang::from_tag("pl").unwrap(), &cafe);
        assert!(pl.steps.starts_with("Urządź salę jak kawiarnię"));
        assert_eq!(pl.licence, DEFAULT_LICENCE);
    }
}
