//! All SQL about skill cards, and the catalogue a page uses to name them.

use std::collections::HashMap;

use anyhow::Context;
use sqlx::Row;

use crate::db::{Db, is_unique_violation, now_ms};
use crate::i18n::{DEFAULT, Lang};

#[derive(Clone, Debug)]
pub struct Card {
    pub code: String,
    pub group: String,
    pub name: String,
    pub retired: bool,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub code: String,
    pub name: String,
    pub cards: Vec<Card>,
}

/// Every group and card, named in one language, in their set order.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub groups: Vec<Group>,
}

impl Catalogue {
    pub async fn load(db: &Db, lang: &Lang) -> anyhow::Result<Catalogue> {
        let labels = labels(db, lang.code()).await?;
        let name = |code: &str, key: String| -> String {
            labels
                .get(code)
                .cloned()
                .or_else(|| lang.has(&key).then(|| lang.t(&key)))
                .unwrap_or_else(|| code.to_string())
        };
        let groups = sqlx::query("SELECT code FROM skill_groups ORDER BY position, code")
            .fetch_all(db)
            .await
            .context("listing skill groups")?;
        let cards = sqlx::query(
            "SELECT code, group_code, CASE WHEN retired THEN 1 ELSE 0 END AS retired \
             FROM skill_cards ORDER BY position, code",
        )
        .fetch_all(db)
        .await
        .context("listing skill cards")?;
        let mut catalogue = Catalogue::default();
        for row in groups {
            let code: String = row.try_get("code")?;
            catalogue.groups.push(Group {
                name: name(&code, format!("skill-group-{code}")),
                code,
                cards: Vec::new(),
            });
        }
        for row in cards {
            let code: String = row.try_get("code")?;
            let group: String = row.try_get("group_code")?;
            let card = Card {
                name: name(&code, format!("skill-{code}")),
                code,
                group: group.clone(),
                retired: row.try_get::<i32, _>("retired")? == 1,
            };
            if let Some(g) = catalogue.groups.iter_mut().find(|g| g.code == group) {
                g.cards.push(card);
            }
        }
        Ok(catalogue)
    }

    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.groups.iter().flat_map(|g| g.cards.iter())
    }

    /// Cards that can be chosen for new records.
    pub fn active(&self) -> impl Iterator<Item = &Card> {
        self.cards().filter(|c| !c.retired)
    }

    pub fn card(&self, code: &str) -> Option<&Card> {
        self.cards().find(|c| c.code == code)
    }

    pub fn is_active(&self, code: &str) -> bool {
        self.card(code).is_some_and(|c| !c.retired)
    }

    /// The card's name, or the code itself for a card that no longer exists.
    pub fn name(&self, code: &str) -> String {
        self.card(code)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| code.to_string())
    }

    pub fn group_name(&self, code: &str) -> String {
        self.groups
            .iter()
            .find(|g| g.code == code)
            .map(|g| g.name.clone())
            .unwrap_or_else(|| code.to_string())
    }

    /// The group a card belongs to.
    pub fn group_of(&self, card: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.cards.iter().any(|c| c.code == card))
    }

    /// (code, "Group: Card") for a form's list of active cards.
    pub fn choices(&self) -> Vec<(String, String)> {
        self.groups
            .iter()
            .flat_map(|g| {
                g.cards
                    .iter()
                    .filter(|c| !c.retired)
                    .map(move |c| (c.code.clone(), format!("{}: {}", g.name, c.name)))
            })
            .collect()
    }

    pub fn group_choices(&self) -> Vec<(String, String)> {
        self.groups
            .iter()
            .map(|g| (g.code.clone(), g.name.clone()))
            .collect()
    }
}

/// Every card's names in every language the site speaks (admins' names included), joined:
/// what a search for "sewing" or "szycie" should find a post on that card by.
pub async fn names_in_every_language(db: &Db) -> anyhow::Result<HashMap<String, String>> {
    let mut names: HashMap<String, String> = HashMap::new();
    for (tag, _) in crate::i18n::SUPPORTED {
        let Some(lang) = Lang::from_tag(tag) else {
            continue;
        };
        for card in Catalogue::load(db, &lang).await?.cards() {
            let joined = names.entry(card.code.clone()).or_default();
            if !joined.contains(&card.name) {
                joined.push('\n');
                joined.push_str(&card.name);
            }
        }
    }
    Ok(names)
}

/// Names admins gave in `lang`, falling back to those given in the default language.
async fn labels(db: &Db, lang: &str) -> anyhow::Result<HashMap<String, String>> {
    // Default-language names first, so the page language's names replace them.
    let rows = sqlx::query(
        "SELECT code, name FROM skill_labels WHERE lang = $1 OR lang = $2 \
         ORDER BY CASE WHEN lang = $1 THEN 1 ELSE 0 END",
    )
    .bind(lang)
    .bind(DEFAULT)
    .fetch_all(db)
    .await
    .context("reading skill names")?;
    let mut names = HashMap::new();
    for row in &rows {
        names.insert(row.try_get("code")?, row.try_get("name")?);
    }
    Ok(names)
}

/// Renames a card or a group in one language.
pub async fn rename(db: &Db, code: &str, lang: &str, name: &str, by: &str) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO skill_labels (code, lang, name, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (code, lang) DO UPDATE SET name = $3, updated_by = $4, updated_at = $5",
    )
    .bind(code)
    .bind(lang)
    .bind(name)
    .bind(by)
    .bind(now_ms())
    .execute(db)
    .await
    .context("renaming a skill card")?;
    Ok(())
}

pub async fn set_retired(db: &Db, code: &str, retired: bool) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE skill_cards SET retired = $1 WHERE code = $2")
        .bind(retired)
        .bind(code)
        .execute(db)
        .await
        .context("retiring a skill card")?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, thiserror::Error)]
pub enum AddCardError {
    #[error("a card with this code already exists")]
    CodeTaken,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Adds a card at the end of its group, named in `lang` (and in the default language, so
/// it has a name in every language until translated).
pub async fn add(
    db: &Db,
    group: &str,
    code: &str,
    lang: &str,
    name: &str,
    by: &str,
) -> Result<(), AddCardError> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO skill_cards (code, group_code, position, retired) \
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3 FROM skill_cards",
    )
    .bind(code)
    .bind(group)
    .bind(false)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(AddCardError::CodeTaken),
        Err(e) => return Err(anyhow::Error::new(e).context("adding a skill card").into()),
    }
    for label_lang in [lang, DEFAULT] {
        sqlx::query(
            "INSERT INTO skill_labels (code, lang, name, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code, lang) DO NOTHING",
        )
        .bind(code)
        .bind(label_lang)
        .bind(name)
        .bind(by)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("naming a new skill card")?;
    }
    tx.commit().await.context("committing a new skill card")?;
    Ok(())
}
