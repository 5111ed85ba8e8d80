//! The demo's network mapping: two rounds of "Who makes Millbrook work", a year apart.
//! Neighbourhoods are tight-knit clusters around their local groups; a handful of
//! connectors tie them together, and more of them did so in the second round, after
//! introductions (so comparing the rounds shows the weaving worked).

use std::collections::HashMap;

use anyhow::Context;

use super::{DemoRandom, FIRST_NAMES, LAST_NAMES};
use crate::areas::store as areas;
use crate::db::Db;
use crate::mapping::store::{
    self as mapping, CreateExerciseError, NamedTie, NewExercise, NodeKind, Response, Visibility,
};

/// (name, neighbourhood slug) of the groups people name.
const GROUPS: [(&str, &str); 12] = [
    ("Canal Quarter Residents", "canal-quarter"),
    ("Canal Trust volunteers", "canal-quarter"),
    ("Hollins Green Tenants", "hollins-green"),
    ("Hollins Green Men's Shed", "hollins-green"),
    ("St Anne's Church", "st-annes"),
    ("Mill Lane Library", "st-annes"),
    ("Weavers Row Bakery", "weavers-row"),
    ("Weavers Row Parents", "weavers-row"),
    ("Old Market Traders", "old-market"),
    ("Riverside Food Bank", "old-market"),
    ("Brook Fields Allotments", "brook-fields"),
    ("Brook Fields Youth Club", "brook-fields"),
];

/// People who belong to several places: the connectors the map should find.
const CONNECTORS: [(&str, &str); 4] = [
    ("Amara Okafor", "canal-quarter"),
    ("Edith Marsh", "st-annes"),
    ("Aisha Hussain", "brook-fields"),
    ("Winston Campbell", "hollins-green"),
];

const SKILLS: [&str; 10] = [
    "cooking",
    "bike repair",
    "grant forms",
    "first aid",
    "gardening",
    "a van",
    "a meeting room",
    "translation",
    "websites",
    "carpentry",
];
/// Skill cards respondents tick, beside what they type.
const CARDS: [&str; 12] = [
    "cooking",
    "bike-repair",
    "grant-writing",
    "first-aid",
    "gardening",
    "driving",
    "interpreting",
    "websites",
    "carpentry",
    "listening",
    "events",
    "computer-help",
];
const INTERESTS: [&str; 8] = [
    "food",
    "young people",
    "green spaces",
    "older neighbours",
    "the canal",
    "local history",
    "music",
    "safer streets",
];
const WORK: &str = "We work together";
const SHARE: &str = "We share information";
const FUND: &str = "We fund or support them";

struct Person {
    name: String,
    home: usize,
    kind: NodeKind,
}

pub(super) async fn load(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    let rounds = [
        (
            "who-makes-millbrook-work-2025",
            "2025-03-01",
            "2025-04-30",
            110,
            1,
            None,
        ),
        (
            "who-makes-millbrook-work",
            "2026-03-01",
            "2026-04-30",
            150,
            4,
            Some("who-makes-millbrook-work-2025"),
        ),
    ];
    for (slug, opens_on, closes_on, respondents, bridging, previous) in rounds {
        let previous_id = match previous {
            Some(slug) => mapping::find_by_slug(db, slug).await?.map(|e| e.id),
            None => None,
        };
        let city = areas::find_by_slug(db, "millbrook")
            .await?
            .context("demo city")?;
        let exercise = NewExercise {
            area_id: &city.id,
            slug,
            title: "Who makes Millbrook work",
            purpose: "Millbrook's connectors asked the people who run groups, clubs and \
                      services who they work with, to find who holds the city together, who \
                      is left out, and whom to introduce.",
            invited: "Everyone who runs or helps a group, club, service or space in Millbrook.",
            opens_on,
            closes_on,
            relationship_types: &[WORK.into(), SHARE.into(), FUND.into()],
            visibility: Visibility::Public,
            previous_id: previous_id.as_deref(),
        };
        let id = match mapping::create(db, &exercise, admin_id).await {
            Ok(id) => id,
            Err(CreateExerciseError::SlugTaken) => continue,
            Err(CreateExerciseError::Other(e)) => return Err(e),
        };
        answer_round(db, &id, respondents, bridging).await?;
        mapping::close(db, &id).await?;
    }
    Ok(())
}

/// Distinct people, each at home in one of the neighbourhoods.
fn people(count: usize, random: &mut DemoRandom) -> Vec<Person> {
    let mut people: Vec<Person> = CONNECTORS
        .iter()
        .map(|(name, home)| Person {
            name: name.to_string(),
            home: GROUPS.iter().position(|g| g.1 == *home).unwrap_or(0) / 2,
            kind: NodeKind::Person,
        })
        .collect();
    let mut combos: Vec<(usize, usize)> = (0..FIRST_NAMES.len())
        .flat_map(|f| (0..LAST_NAMES.len()).map(move |l| (f, l)))
        .collect();
    while people.len() < count && !combos.is_empty() {
        let (f, l) = combos.swap_remove(random.next(combos.len()));
        people.push(Person {
            name: format!("{} {}", FIRST_NAMES[f], LAST_NAMES[l]),
            home: random.weighted(&[5, 4, 4, 3, 3, 3]),
            kind: NodeKind::Person,
        });
    }
    people
}

fn pick(list: &[&str], random: &mut DemoRandom, count: usize) -> String {
    let mut chosen: Vec<&str> = Vec::new();
    for _ in 0..count {
        let item = list[random.next(list.len())];
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    chosen.join(", ")
}

async fn answer_round(
    db: &Db,
    exercise_id: &str,
    respondents: usize,
    bridging: usize,
) -> anyhow::Result<()> {
    let mut random = DemoRandom(respondents as u64 * 31 + bridging as u64);
    let people = people(respondents, &mut random);
    let mut area_ids: HashMap<&str, String> = HashMap::new();
    for (_, slug) in GROUPS {
        let area = areas::find_by_slug(db, slug)
            .await?
            .context("demo neighbourhood")?;
        area_ids.insert(slug, area.id);
    }
    let neighbours: Vec<Vec<usize>> = (0..6)
        .map(|home| {
            (0..people.len())
                .filter(|&p| people[p].home == home)
                .collect()
        })
        .collect();
    for (i, person) in people.iter().enumerate() {
        // A few people named nobody: the isolated the map should show.
        if i % 37 == 36 {
            respond(db, exercise_id, person, &area_ids, &[], &mut random).await?;
            continue;
        }
        let group = |n: usize| GROUPS[person.home * 2 + n].0;
        let mut ties: Vec<(String, NodeKind, &str)> =
            vec![(group(0).into(), NodeKind::Organisation, WORK)];
        if random.next(3) == 0 {
            ties.push((group(1).into(), NodeKind::Organisation, SHARE));
        }
        let near = &neighbours[person.home];
        for _ in 0..1 + random.next(3) {
            let other = near[random.next(near.len())];
            ties.push((people[other].name.clone(), NodeKind::Person, SHARE));
        }
        // Connectors reach into other neighbourhoods; in a later round, more people do.
        let is_connector = i < CONNECTORS.len();
        let reaches = if is_connector {
            3 + bridging
        } else {
            usize::from(random.next(40) < bridging)
        };
        for _ in 0..reaches {
            let elsewhere = (person.home + 1 + random.next(5)) % 6;
            let target = if random.next(2) == 0 {
                GROUPS[elsewhere * 2 + random.next(2)].0.to_string()
            } else {
                let there = &neighbours[elsewhere];
                people[there[random.next(there.len())]].name.clone()
            };
            ties.push((target, NodeKind::Person, WORK));
        }
        ties.truncate(6);
        let ties: Vec<(String, NodeKind, &str)> = ties
            .into_iter()
            .map(|(name, kind, rel)| {
                let kind = if GROUPS.iter().any(|g| g.0 == name) {
                    NodeKind::Organisation
                } else {
                    kind
                };
                (name, kind, rel)
            })
            .collect();
        respond(db, exercise_id, person, &area_ids, &ties, &mut random).await?;
    }
    // The groups answer too: they work with their neighbour group, and the council's
    // community team funds them.
    for (g, (name, _)) in GROUPS.iter().enumerate() {
        let group = Person {
            name: name.to_string(),
            home: g / 2,
            kind: NodeKind::Organisation,
        };
        let ties = [
            (GROUPS[g ^ 1].0.to_string(), NodeKind::Organisation, WORK),
            (COUNCIL.to_string(), NodeKind::Organisation, FUND),
        ];
        respond(db, exercise_id, &group, &area_ids, &ties, &mut random).await?;
    }
    Ok(())
}

/// Registered on the site (the demo's organisations), so named on the map without answering.
const COUNCIL: &str = "Millbrook Council: Community Development";

async fn respond(
    db: &Db,
    exercise_id: &str,
    person: &Person,
    area_ids: &HashMap<&str, String>,
    ties: &[(String, NodeKind, &str)],
    random: &mut DemoRandom,
) -> anyhow::Result<()> {
    let frequencies = ["weekly", "monthly", "yearly"];
    let named: Vec<NamedTie> = ties
        .iter()
        .map(|(name, kind, relationship)| NamedTie {
            name,
            kind: *kind,
            relationship,
            about: "",
            frequency: frequencies[random.next(3)],
        })
        .collect();
    let skills = pick(&SKILLS, random, 2);
    let needs = pick(&SKILLS, random, 1);
    let interests = pick(&INTERESTS, random, 2);
    // Their own sequence, so the cards do not change the rest of the demo's draws.
    let mut own = DemoRandom(person.name.bytes().map(u64::from).sum::<u64>() * 7919);
    let mut cards: Vec<String> = (0..1 + own.next(3))
        .map(|_| CARDS[own.next(CARDS.len())].to_string())
        .collect();
    cards.sort();
    cards.dedup();
    let response = Response {
        exercise_id,
        kind: person.kind,
        name: &person.name,
        email: "",
        area_id: area_ids.get(GROUPS[person.home * 2].1).map(String::as_str),
        // The connectors and the groups agreed to be named; most others did.
        consent: random.next(100) < 85
            || CONNECTORS.iter().any(|c| c.0 == person.name)
            || person.kind == NodeKind::Organisation,
        skills: &skills,
        skill_cards: &cards,
        interests: &interests,
        needs: &needs,
        ties: &named,
        for_someone: None,
    };
    match mapping::respond(db, &response).await {
        Ok(_) | Err(mapping::RespondError::AlreadyAnswered) => Ok(()),
        Err(mapping::RespondError::Other(e)) => Err(e),
    }
}
