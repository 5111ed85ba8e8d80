//! The demo's asset map, a finished skills-game session, community projects, and offers
//! and asks with their matches, conversations and time credits.

use anyhow::Context;

use super::{DemoRandom, email_of};
use crate::accounts::store as accounts;
use crate::areas::store as areas;
use crate::assets::privacy::Visibility;
use crate::assets::store::{self as assets, AssetKind, NewAsset, ShareMode};
use crate::db::Db;
use crate::help::store::{self as help, NewMatch, NewPost, PostKind};
use crate::projects::store as projects;
use crate::skills::Catalogue;
use crate::skillsgame::results::Answer;
use crate::skillsgame::store::{self as game, NewSession};

const GAME_SLUG: &str = "brook-fields-skills-night";
const PROJECT_SLUG: &str = "brook-fields-food-bank-van";

/// (owner, area, kind, card, title, description, share modes, visibility)
type DemoAsset = (
    &'static str,
    &'static str,
    AssetKind,
    &'static str,
    &'static str,
    &'static str,
    &'static [ShareMode],
    Visibility,
);

use AssetKind::{Group, Resource, Skill, Space};
use ShareMode::{Advise, Do, Lend, Teach};
use Visibility::{Organisers, Public, Residents};

const ASSETS: &[DemoAsset] = &[
    (
        "marek.kowalski",
        "weavers-row",
        Skill,
        "bike-repair",
        "Bikes mended in my workshop",
        "Punctures, brakes, gears. Bring the bike on a Saturday morning.",
        &[Do, Teach],
        Public,
    ),
    (
        "marek.kowalski",
        "weavers-row",
        Resource,
        "driving",
        "A Transit van",
        "Free for community jobs if you pay the diesel.",
        &[Lend],
        Residents,
    ),
    (
        "hannah.clarke",
        "weavers-row",
        Skill,
        "baking",
        "Bread and birthday cakes",
        "I bake for the street party every year.",
        &[Do, Teach],
        Public,
    ),
    (
        "yusuf.ali",
        "weavers-row",
        Skill,
        "bookkeeping",
        "Accounts for small groups",
        "Twenty years as a bookkeeper.",
        &[Advise, Do],
        Public,
    ),
    (
        "ade.williams",
        "weavers-row",
        Skill,
        "music",
        "Guitar and ukulele",
        "Happy to start a beginners' group.",
        &[Teach],
        Public,
    ),
    (
        "chloe.turner",
        "weavers-row",
        Skill,
        "social-media",
        "Posts and photos for local groups",
        "",
        &[Do, Advise],
        Public,
    ),
    (
        "rosa.martinez",
        "weavers-row",
        Skill,
        "other-languages",
        "Spanish and Portuguese",
        "Conversation practice or help with letters.",
        &[Teach, Do],
        Public,
    ),
    (
        "ravi.patel",
        "old-market",
        Skill,
        "grant-writing",
        "Help with grant forms",
        "I have written bids to the lottery and the council.",
        &[Advise],
        Public,
    ),
    (
        "kwame.asante",
        "old-market",
        Skill,
        "electrics",
        "Qualified electrician",
        "Safety checks for halls and community rooms.",
        &[Do, Advise],
        Residents,
    ),
    (
        "danny.moss",
        "old-market",
        Skill,
        "cooking-for-many",
        "Cooking for fifty",
        "I cook the market's Christmas lunch.",
        &[Do],
        Public,
    ),
    (
        "maureen.fletcher",
        "old-market",
        Group,
        "running-groups",
        "Old Market Traders' Association",
        "Meets the first Monday of the month above the Crown.",
        &[],
        Public,
    ),
    (
        "aisha.hussain",
        "brook-fields",
        Space,
        "",
        "Brook Fields Community Centre, main hall",
        "Kitchen, stage and a garden.",
        &[Lend],
        Public,
    ),
    (
        "pete.riley",
        "brook-fields",
        Skill,
        "maths-tutoring",
        "Maths homework club",
        "Tuesdays after school.",
        &[Teach],
        Public,
    ),
    (
        "jenny.walsh",
        "brook-fields",
        Skill,
        "benefits-advice",
        "Help with Universal Credit forms",
        "I volunteer with Citizens Advice.",
        &[Advise],
        Residents,
    ),
    (
        "tariq.mahmood",
        "brook-fields",
        Skill,
        "sports-coaching",
        "Football coaching for under-12s",
        "FA level 1.",
        &[Teach],
        Public,
    ),
    (
        "ian.doyle",
        "brook-fields",
        Resource,
        "lifting-moving",
        "Sack truck and trestle tables",
        "For events and moves.",
        &[Lend],
        Public,
    ),
    (
        "lucy.brennan",
        "brook-fields",
        Skill,
        "childcare",
        "Childminding",
        "Registered childminder, evenings possible.",
        &[Do],
        Organisers,
    ),
    (
        "amara.okafor",
        "canal-quarter",
        Skill,
        "connecting",
        "Knowing who to ask",
        "I have lived here for 30 years.",
        &[Advise],
        Public,
    ),
    (
        "dafydd.evans",
        "canal-quarter",
        Skill,
        "carpentry",
        "Joinery and shelves",
        "",
        &[Do, Teach],
        Public,
    ),
    (
        "mei.lin",
        "canal-quarter",
        Skill,
        "computer-help",
        "Computer help for beginners",
        "Email, video calls, online forms.",
        &[Teach],
        Public,
    ),
    (
        "sofia.costa",
        "canal-quarter",
        Skill,
        "photography",
        "Photos of events",
        "",
        &[Do],
        Public,
    ),
    (
        "grace.mensah",
        "canal-quarter",
        Group,
        "running-groups",
        "Towpath Clean-up Crew",
        "Litter picks on the last Sunday of the month.",
        &[],
        Public,
    ),
    (
        "joe.barker",
        "hollins-green",
        Skill,
        "food-growing",
        "Allotment know-how",
        "Plot 14, happy to share seedlings.",
        &[Teach, Lend],
        Public,
    ),
    (
        "fatima.begum",
        "hollins-green",
        Skill,
        "world-food",
        "Bengali cooking",
        "Cookery sessions for groups.",
        &[Teach],
        Public,
    ),
    (
        "kasia.nowak",
        "hollins-green",
        Skill,
        "interpreting",
        "Polish interpreting",
        "At appointments or on the phone.",
        &[Do],
        Residents,
    ),
    (
        "harold.pearson",
        "hollins-green",
        Resource,
        "gardening",
        "Garden tools to borrow",
        "Mower, strimmer, shears.",
        &[Lend],
        Public,
    ),
    (
        "bernard.osei",
        "hollins-green",
        Skill,
        "plumbing",
        "Retired plumber",
        "Small jobs and advice.",
        &[Do, Advise],
        Public,
    ),
    (
        "edith.marsh",
        "st-annes",
        Space,
        "",
        "St Anne's church hall",
        "Seats 80, step-free, hearing loop, kitchen.",
        &[Lend],
        Public,
    ),
    (
        "edith.marsh",
        "st-annes",
        Group,
        "knitting-crafts",
        "Knit and Natter",
        "Wednesdays at two in the church hall.",
        &[Teach],
        Public,
    ),
    (
        "nadia.rahman",
        "st-annes",
        Skill,
        "befriending",
        "Visiting people who live alone",
        "",
        &[Do],
        Public,
    ),
    (
        "olu.bakare",
        "st-annes",
        Skill,
        "first-aid",
        "First aid trainer",
        "Can run a half-day course.",
        &[Teach],
        Public,
    ),
    (
        "beth.jones",
        "st-annes",
        Skill,
        "singing",
        "Community choir leader",
        "",
        &[Teach],
        Public,
    ),
    (
        "winston.campbell",
        "st-annes",
        Skill,
        "local-history",
        "Stories of St Anne's",
        "Walks and talks about the area's past.",
        &[Teach],
        Public,
    ),
];

/// (owner, area, kind, card, title, body, timing, days)
type DemoPost = (
    &'static str,
    &'static str,
    PostKind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
);

const SAT: i64 = 32;
const SUN: i64 = 64;
const FRI: i64 = 16;
const TUE: i64 = 2;

const POSTS: &[DemoPost] = &[
    (
        "marek.kowalski",
        "weavers-row",
        PostKind::Offer,
        "bike-repair",
        "I can fix bikes on Saturdays",
        "Bring it to the workshop at 12 Weavers Row.",
        "Saturday mornings",
        SAT,
    ),
    (
        "mei.lin",
        "canal-quarter",
        PostKind::Offer,
        "computer-help",
        "Help setting up a laptop or phone",
        "Patient help, no question too small.",
        "Weekday evenings",
        0,
    ),
    (
        "yusuf.ali",
        "weavers-row",
        PostKind::Offer,
        "bookkeeping",
        "I can check a small group's accounts",
        "Before your AGM, or when a funder asks.",
        "",
        0,
    ),
    (
        "joe.barker",
        "hollins-green",
        PostKind::Offer,
        "food-growing",
        "Spare seedlings and advice for new growers",
        "Tomatoes, courgettes and beans in May.",
        "Sundays at the allotments",
        SUN,
    ),
    (
        "fatima.begum",
        "hollins-green",
        PostKind::Offer,
        "world-food",
        "Bengali cookery session for your group",
        "",
        "",
        0,
    ),
    (
        "olu.bakare",
        "st-annes",
        PostKind::Offer,
        "first-aid",
        "Half-day first aid course for volunteers",
        "Up to 12 people.",
        "Saturdays",
        SAT,
    ),
    (
        "ian.doyle",
        "brook-fields",
        PostKind::Offer,
        "lifting-moving",
        "Tables and a sack truck for your event",
        "",
        "",
        0,
    ),
    (
        "kasia.nowak",
        "hollins-green",
        PostKind::Offer,
        "interpreting",
        "Polish interpreting at appointments",
        "",
        "Weekdays",
        31,
    ),
    (
        "dafydd.evans",
        "canal-quarter",
        PostKind::Offer,
        "carpentry",
        "Shelves put up, doors planed",
        "",
        "Weekends",
        SAT | SUN,
    ),
    (
        "sam.whitaker",
        "canal-quarter",
        PostKind::Ask,
        "bike-repair",
        "My bike's brakes squeal and barely stop",
        "It is my only way to work.",
        "A Saturday",
        SAT,
    ),
    (
        "harold.pearson",
        "hollins-green",
        PostKind::Ask,
        "smartphone-help",
        "Help with video calls to my grandchildren",
        "I have a tablet but cannot get it to work.",
        "Any afternoon",
        0,
    ),
    (
        "george.hill",
        "st-annes",
        PostKind::Ask,
        "befriending",
        "Someone to chat with on Sundays",
        "I have lived alone since my wife died.",
        "Sunday afternoons",
        SUN,
    ),
    (
        "edith.marsh",
        "st-annes",
        PostKind::Ask,
        "grant-writing",
        "Help with a grant form for the church hall roof",
        "The deadline is the end of the month.",
        "",
        0,
    ),
    (
        "ellie.grant",
        "",
        PostKind::Ask,
        "english-language",
        "Conversation practice in English",
        "I moved here in the summer.",
        "Tuesdays",
        TUE,
    ),
    (
        "winston.campbell",
        "st-annes",
        PostKind::Ask,
        "posters",
        "A poster for the history walk",
        "",
        "",
        0,
    ),
];

/// Loads what is not there yet: assets, the game, the project, then offers and asks.
pub async fn load(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    let catalogue = Catalogue::load(db, &Default::default()).await?;
    load_assets(db).await?;
    load_game(db, admin_id, &catalogue).await?;
    load_project(db).await?;
    load_posts(db).await?;
    Ok(())
}

async fn user(db: &Db, local: &str) -> anyhow::Result<String> {
    Ok(accounts::find_by_email(db, &email_of(local))
        .await?
        .with_context(|| format!("demo resident {local}"))?
        .id)
}

async fn area(db: &Db, slug: &str) -> anyhow::Result<String> {
    Ok(areas::find_by_slug(db, slug)
        .await?
        .with_context(|| format!("demo area {slug}"))?
        .id)
}

async fn load_assets(db: &Db) -> anyhow::Result<()> {
    let first = user(db, ASSETS[0].0).await?;
    if !assets::owned_by(db, &first).await?.is_empty() {
        return Ok(());
    }
    for &(owner, area_slug, kind, card, title, description, modes, visibility) in ASSETS {
        let owner = user(db, owner).await?;
        let area_id = area(db, area_slug).await?;
        let (capacity, accessibility) = match kind {
            Space => (
                Some(80),
                "Step-free entrance, accessible toilet, hearing loop",
            ),
            _ => (None, ""),
        };
        assets::create(
            db,
            &NewAsset {
                area_id: &area_id,
                kind,
                card_code: (!card.is_empty()).then_some(card),
                title,
                description,
                share_modes: modes,
                capacity,
                accessibility,
                conditions: "",
                cost: if kind == Space {
                    "Free for community groups"
                } else {
                    ""
                },
                visibility,
                owner_id: &owner,
                organisation_id: None,
                location: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// Three tables at Brook Fields answered every card; the answers follow how common each
/// group of skills is, so the pooled gaps are the rarer, specialist cards.
async fn load_game(db: &Db, admin_id: &str, catalogue: &Catalogue) -> anyhow::Result<()> {
    if game::find_by_slug(db, GAME_SLUG).await?.is_some() {
        return Ok(());
    }
    let area_id = area(db, "brook-fields").await?;
    let tables = ["Kitchen table", "Window table", "Stage table"].map(String::from);
    // The demo's events load first, so the session can name the evening it was played at.
    let event = crate::events::store::find_by_slug(db, "skills-night-at-brook-fields").await?;
    game::create(
        db,
        &NewSession {
            area_id: &area_id,
            slug: GAME_SLUG,
            title: "Skills night at Brook Fields",
            held_on: "2026-10-15",
            place: "Brook Fields Community Centre",
            tables: &tables,
            event_id: event.as_ref().map(|e| e.id.as_str()),
        },
        admin_id,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let session = game::find_by_slug(db, GAME_SLUG)
        .await?
        .context("the demo session")?;
    let mut random = DemoRandom(2026);
    for table in game::tables(db, &session.id).await? {
        for card in catalogue.active() {
            // Weights for we / a friend / nobody.
            let weights: [usize; 3] = match card.group.as_str() {
                "practical" | "food" | "care" => [5, 3, 2],
                "organising" | "creative" => [3, 3, 4],
                _ => [2, 3, 5],
            };
            let answer = [Answer::We, Answer::Friend, Answer::Nobody][random.weighted(&weights)];
            game::record(db, &table.id, &card.code, answer).await?;
        }
    }
    game::close(db, &session.id).await?;
    Ok(())
}

async fn load_project(db: &Db) -> anyhow::Result<()> {
    if projects::find_by_slug(db, PROJECT_SLUG).await?.is_some() {
        return Ok(());
    }
    let aisha = user(db, "aisha.hussain").await?;
    let area_id = area(db, "brook-fields").await?;
    projects::create(
        db,
        &area_id,
        PROJECT_SLUG,
        "A van for the Brook Fields food bank",
        "The food bank collects surplus food from three supermarkets every Friday. We need drivers, a van, and someone to keep the rota.",
        &aisha,
        "coordinator",
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let project = projects::find_by_slug(db, PROJECT_SLUG)
        .await?
        .context("the demo project")?;
    let tariq = user(db, "tariq.mahmood").await?;
    projects::add_member(db, &project.id, &tariq, "rota").await?;
    projects::add_update(
        db,
        &project.id,
        &aisha,
        "Tesco on the ring road has agreed to give us their surplus bread every Friday.",
    )
    .await?;
    projects::add_update(db, &project.id, &tariq, "We now have six volunteer drivers on the rota. Two more would let everyone have a month off in turn.").await?;
    for (title, card, body) in [
        (
            "A van on Friday mornings",
            "driving",
            "From 8 to 11, three supermarkets and back to the centre.",
        ),
        (
            "Someone to keep the accounts",
            "treasurer",
            "Our treasurer is moving away in December.",
        ),
    ] {
        help::create(
            db,
            &NewPost {
                kind: PostKind::Ask,
                area_id: &area_id,
                card_code: Some(card),
                title,
                body,
                timing: if card == "driving" {
                    "Fridays 8 to 11"
                } else {
                    ""
                },
                days: if card == "driving" { FRI } else { 0 },
                visibility: Public,
                owner_id: &aisha,
                project_id: Some(&project.id),
            },
        )
        .await?;
    }
    Ok(())
}

async fn load_posts(db: &Db) -> anyhow::Result<()> {
    let first = user(db, POSTS[0].0).await?;
    let viewer = crate::assets::privacy::Viewer {
        user_id: first.clone(),
        is_admin: false,
    };
    let filter = help::PostFilter {
        kind: "offer".into(),
        ..Default::default()
    };
    if help::list(db, &viewer, &filter, None, 100)
        .await?
        .iter()
        .any(|p| p.owner_id == first)
    {
        return Ok(());
    }
    let mut ids = Vec::new();
    for &(owner, area_slug, kind, card, title, body, timing, days) in POSTS {
        let owner_id = user(db, owner).await?;
        // Someone with no neighbourhood posts in the city.
        let area_id = area(
            db,
            if area_slug.is_empty() {
                "millbrook"
            } else {
                area_slug
            },
        )
        .await?;
        let id = help::create(
            db,
            &NewPost {
                kind,
                area_id: &area_id,
                card_code: Some(card),
                title,
                body,
                timing,
                days,
                visibility: Public,
                owner_id: &owner_id,
                project_id: None,
            },
        )
        .await?;
        ids.push((owner_id, id));
    }
    // Sam asked for brakes and Marek's offer matched: done, with thanks and an hour.
    let (marek, offer) = &ids[0];
    let (sam, ask) = &ids[9];
    finished_match(
        db,
        ask,
        Some(offer),
        marek,
        sam,
        sam,
        &[
            (sam, "Hello Marek, could you look at my brakes on Saturday?"),
            (marek, "Yes, come at ten. It is probably the pads."),
        ],
        Some(("Stops on a sixpence now. Thank you!", 60)),
    )
    .await?;
    // Harold asked for help with video calls; Mei answered and it is under way.
    let (mei, _) = &ids[1];
    let (harold, ask) = &ids[10];
    let id = help::invite(
        db,
        &NewMatch {
            post_id: ask,
            other_post_id: None,
            helper_id: mei,
            helped_id: harold,
            invited_by: mei,
            message: "I can come round on Thursday afternoon and set it up with you.",
        },
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let m = help::find_match(db, &id).await?.context("the demo match")?;
    help::answer_invitation(db, &m, true).await?;
    help::add_message(
        db,
        &id,
        harold,
        "Thursday suits me. The kettle will be on.",
        None,
    )
    .await?;
    // Edith's grant form: Ravi, who recorded the skill, was invited and has not answered.
    let ravi = user(db, "ravi.patel").await?;
    let (edith, ask) = &ids[12];
    help::invite(
        db,
        &NewMatch {
            post_id: ask,
            other_post_id: None,
            helper_id: &ravi,
            helped_id: edith,
            invited_by: edith,
            message: "Dear Ravi, I saw you help with grant forms. Could you look at ours?",
        },
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// A match that was invited, accepted, talked over and marked done.
#[allow(clippy::too_many_arguments)]
async fn finished_match(
    db: &Db,
    post: &str,
    other_post: Option<&String>,
    helper: &str,
    helped: &str,
    invited_by: &str,
    messages: &[(&String, &str)],
    thanks: Option<(&str, i64)>,
) -> anyhow::Result<()> {
    let (first, rest) = messages.split_first().context("a first message")?;
    let id = help::invite(
        db,
        &NewMatch {
            post_id: post,
            other_post_id: other_post.map(String::as_str),
            helper_id: helper,
            helped_id: helped,
            invited_by,
            message: first.1,
        },
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let m = help::find_match(db, &id).await?.context("the demo match")?;
    help::answer_invitation(db, &m, true).await?;
    for (author, body) in rest {
        help::add_message(db, &id, author, body, None).await?;
    }
    if let Some((text, minutes)) = thanks {
        let m = help::find_match(db, &id).await?.context("the demo match")?;
        help::complete(db, &m, text, Some(minutes)).await?;
    }
    Ok(())
}
