//! Made-up data at scale, to measure search and matching: a city of 4 districts and 20
//! neighbourhoods, `people` residents each with one recorded skill, and `posts` offers and
//! asks written from the skill cards' names. Deterministic for a given seed.

use anyhow::Context;

use crate::accounts::store::{self as accounts, NewUser};
use crate::areas::store::{self as areas, AreaKind, NewArea};
use crate::assets::privacy::Visibility;
use crate::assets::store::{self as assets, AssetKind, NewAsset, ShareMode};
use crate::db::{Db, begin};
use crate::help::store::{self as help, NewPost, PostKind, PostStatus};
use crate::skills::Catalogue;

const CITY: &str = "benchmark-city";
/// Rows per transaction: large enough to be fast, small enough to keep memory flat.
const BATCH: usize = 5_000;

const OPENINGS_OFFER: &[&str] = &[
    "I can help with",
    "Happy to offer",
    "Free help:",
    "Weekends:",
    "Experienced with",
];
const OPENINGS_ASK: &[&str] = &[
    "Looking for help with",
    "Does anyone know about",
    "We need",
    "Help wanted:",
    "Our group needs",
];
const DETAILS: &[&str] = &[
    "for the community centre",
    "at the allotments",
    "for an older neighbour",
    "before the street party",
    "for the school fair",
    "near the market",
    "for our tenants' association",
    "on the estate",
    "for the food bank",
    "at the church hall",
    "for a new family on the street",
    "by the canal",
];
const WHEN: &[(&str, i64)] = &[
    ("Saturday mornings", 32),
    ("Sunday afternoons", 64),
    ("weekday evenings", 31),
    ("Fridays", 16),
    ("any time", 0),
    ("Tuesdays and Thursdays", 10),
    ("weekends", 96),
];

/// A small deterministic generator (the data only has to look varied, not be random).
pub(crate) struct Lcg(pub u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub struct Generated {
    pub people: usize,
    pub posts: usize,
}

/// Adds the city (once), then people and posts until there are at least as many as asked.
pub async fn generate(
    db: &Db,
    people: usize,
    posts: usize,
    seed: u64,
) -> anyhow::Result<Generated> {
    let hoods = city(db).await?;
    let cards = cards(db).await?;
    let mut random = Lcg(seed);
    let mut owners = Vec::with_capacity(people);
    for start in (0..people).step_by(BATCH) {
        let mut tx = begin(db).await.context("starting a batch")?;
        for i in start..(start + BATCH).min(people) {
            let area = random.pick(&hoods);
            let email = format!("person{i}.{seed}@generated.example");
            let name = format!("Person {i}");
            let id = accounts::create(
                &mut *tx,
                &NewUser {
                    email: &email,
                    // Not a valid hash: generated people cannot sign in.
                    password_hash: "!",
                    display_name: &name,
                    home_area_id: Some(area),
                    locale: "en-GB",
                    is_admin: false,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("creating {email}: {e}"))?;
            let (code, card) = random.pick(&cards);
            let title = format!("{card} {}", random.pick(DETAILS));
            assets::create(
                &mut *tx,
                &NewAsset {
                    area_id: area,
                    kind: AssetKind::Skill,
                    card_code: Some(code),
                    title: &title,
                    description: "",
                    share_modes: &[ShareMode::Do],
                    capacity: None,
                    accessibility: "",
                    conditions: "",
                    cost: "",
                    visibility: visibility(&mut random),
                    owner_id: &id,
                    organisation_id: None,
                    location: None,
                },
            )
            .await?;
            owners.push((id, area.clone()));
        }
        tx.commit().await.context("committing people")?;
    }
    anyhow::ensure!(
        !owners.is_empty() || posts == 0,
        "posts need people to post them"
    );
    for start in (0..posts).step_by(BATCH) {
        let mut tx = begin(db).await.context("starting a batch")?;
        for _ in start..(start + BATCH).min(posts) {
            let (owner, area) = random.pick(&owners);
            let post = made_up_post(&mut random, &cards);
            let id = help::create(
                &mut *tx,
                &NewPost {
                    kind: post.kind,
                    area_id: area,
                    card_code: post.card_code,
                    title: &post.title,
                    body: &post.body,
                    timing: post.timing,
                    days: post.days,
                    visibility: post.visibility,
                    owner_id: owner,
                    project_id: None,
                },
            )
            .await?;
            if post.status != PostStatus::Open {
                help::set_status(&mut *tx, &id, post.status).await?;
            }
        }
        tx.commit().await.context("committing posts")?;
    }
    Ok(Generated { people, posts })
}

/// An offer or ask made up from a skill card (the text and settings; who and where are the
/// caller's). Also used by the city-scale demo (`demo::city`).
pub(crate) struct MadeUpPost<'c> {
    pub kind: PostKind,
    pub card_code: Option<&'c str>,
    pub title: String,
    pub body: String,
    pub timing: &'static str,
    pub days: i64,
    pub visibility: Visibility,
    pub status: PostStatus,
}

/// Draws a post from `cards` (code, name), in the same order of draws as always, so a seed
/// keeps making the same posts.
pub(crate) fn made_up_post<'c>(random: &mut Lcg, cards: &'c [(String, String)]) -> MadeUpPost<'c> {
    let (code, card) = random.pick(cards);
    let kind = if random.below(2) == 0 {
        PostKind::Offer
    } else {
        PostKind::Ask
    };
    let opening = random.pick(if kind == PostKind::Offer {
        OPENINGS_OFFER
    } else {
        OPENINGS_ASK
    });
    let title = format!("{opening} {}", card.to_lowercase());
    let body = format!("{} {}.", card, random.pick(DETAILS));
    let (timing, days) = random.pick(WHEN);
    // One post in ten names no card: matching then goes by its words.
    let card_code = (random.below(10) != 0).then_some(code.as_str());
    let visibility = visibility(random);
    // Most posts are still open; some were matched or done.
    let status = match random.below(10) {
        0 => PostStatus::Matched,
        1 | 2 => PostStatus::Done,
        _ => PostStatus::Open,
    };
    MadeUpPost {
        kind,
        card_code,
        title,
        body,
        timing,
        days: *days,
        visibility,
        status,
    }
}

/// The skill cards posts are made up from: (code, name) of every active card.
pub(crate) async fn cards(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    let catalogue = Catalogue::load(db, &Default::default()).await?;
    Ok(catalogue
        .active()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect())
}

/// Nine in ten public, the rest for residents or organisers.
fn visibility(random: &mut Lcg) -> Visibility {
    match random.below(20) {
        0 => Visibility::Organisers,
        1 => Visibility::Residents,
        _ => Visibility::Public,
    }
}

/// The generated city's neighbourhoods (ids), created if missing.
async fn city(db: &Db) -> anyhow::Result<Vec<String>> {
    let city = ensure_area(db, CITY, "Benchmark City", None, AreaKind::City).await?;
    let mut hoods = Vec::new();
    for d in 0..4 {
        let district = ensure_area(
            db,
            &format!("{CITY}-district-{d}"),
            &format!("District {d}"),
            Some(&city),
            AreaKind::District,
        )
        .await?;
        for n in 0..5 {
            let slug = format!("{CITY}-neighbourhood-{d}-{n}");
            hoods.push(
                ensure_area(
                    db,
                    &slug,
                    &format!("Neighbourhood {d}.{n}"),
                    Some(&district),
                    AreaKind::Neighbourhood,
                )
                .await?,
            );
        }
    }
    Ok(hoods)
}

async fn ensure_area(
    db: &Db,
    slug: &str,
    name: &str,
    parent: Option<&str>,
    kind: AreaKind,
) -> anyhow::Result<String> {
    if let Some(area) = areas::find_by_slug(db, slug).await? {
        return Ok(area.id);
    }
    areas::create(
        db,
        &NewArea {
            parent_id: parent,
            kind,
            slug,
            name,
            description: "Generated for benchmarks.",
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("creating {slug}: {e}"))
}
