//! Demo events: an open space on the high street happening now (two sessions pitched, one
//! reported back), a full street tea with a waiting list, a towpath walk-and-talk, and last
//! month's skills night with the story of how the method went.

use anyhow::Context;

use super::user_id;
use crate::db::{Db, now_ms};
use crate::events::store::{self as events, EventDetails};
use crate::methods::{seed, store as methods};

const HOUR: i64 = 3600 * 1000;
const DAY: i64 = 24 * HOUR;

struct DemoEvent {
    slug: &'static str,
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    area: &'static str,
    place: &'static str,
    accessibility: &'static str,
    /// Start, relative to when the demo is loaded.
    starts_in: i64,
    hours: i64,
    capacity: Option<i64>,
    method: Option<&'static str>,
    organiser: &'static str,
    going: &'static [&'static str],
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        slug: "our-high-street-open-space",
        kind: "open-space",
        title: "Our high street: open space",
        description: "What would bring the high street back to life? Bring the question you care about, pitch a session, and join the groups you want.\n\nTea and cake from the Weavers Row bakeries.",
        area: "old-market",
        place: "Old Market Hall, Market Square",
        accessibility: "Step-free entrance from the square; hearing loop in the main hall; a quiet room upstairs (lift).",
        starts_in: -HOUR / 2,
        hours: 4,
        capacity: None,
        method: Some("open-space"),
        organiser: "maureen.fletcher",
        going: &[
            "ravi.patel",
            "kwame.asante",
            "danny.moss",
            "yusuf.ali",
            "hannah.clarke",
        ],
    },
    DemoEvent {
        slug: "street-tea-on-weavers-row",
        kind: "conversation",
        title: "Street tea on Weavers Row",
        description: "A long table down the middle of the street, tea, and one question: what should Weavers Row do together this year?",
        area: "weavers-row",
        place: "Weavers Row, between the two bakeries",
        accessibility: "Level street; chairs with arms; toilets at the Row Café.",
        starts_in: 6 * DAY,
        hours: 2,
        capacity: Some(6),
        method: Some("community-conversation"),
        organiser: "yusuf.ali",
        going: &[
            "hannah.clarke",
            "marek.kowalski",
            "ade.williams",
            "chloe.turner",
            "rosa.martinez",
            "siobhan.kelly",
            "ravi.patel",
            "maureen.fletcher",
        ],
    },
    DemoEvent {
        slug: "towpath-walk-and-talk",
        kind: "walk-and-talk",
        title: "Towpath walk-and-talk",
        description: "An easy walk along the canal from the lock to the old mill, noticing what is there and what could be.",
        area: "canal-quarter",
        place: "Meet at Lock 12, Canal Street",
        accessibility: "Flat towpath, about 2 km; benches every few hundred metres. Dogs welcome.",
        starts_in: 10 * DAY,
        hours: 2,
        capacity: None,
        method: Some("walk-and-talk"),
        organiser: "amara.okafor",
        going: &["tom.hughes", "mei.lin", "grace.mensah"],
    },
    DemoEvent {
        slug: "skills-night-at-brook-fields",
        kind: "skills-game",
        title: "Skills night at Brook Fields",
        description: "Three tables played the skills game with all 100 cards.",
        area: "brook-fields",
        place: "Brook Fields Community Centre",
        accessibility: "Step-free; accessible toilet.",
        starts_in: -30 * DAY,
        hours: 3,
        capacity: Some(30),
        method: Some("skills-game"),
        organiser: "aisha.hussain",
        going: &[],
    },
];

/// (topic, spot, host, members, report-back)
const SESSIONS: &[(&str, &str, &str, &[&str], &str)] = &[
    (
        "Empty shops: a pop-up rota for local makers",
        "By the windows",
        "hannah.clarke",
        &["ravi.patel", "danny.moss"],
        "Six units stand empty. Two landlords might lend theirs for a peppercorn rent if makers share the opening hours. Hannah will ask them; Danny has a list of twelve makers.",
    ),
    (
        "Market days in winter",
        "Upstairs, room 2",
        "kwame.asante",
        &["yusuf.ali"],
        "",
    ),
];

pub async fn load(db: &Db) -> anyhow::Result<()> {
    seed::ensure(db).await?;
    let now = now_ms();
    for demo in EVENTS {
        if events::find_by_slug(db, demo.slug).await?.is_some() {
            continue;
        }
        let area = crate::areas::store::find_by_slug(db, demo.area)
            .await?
            .with_context(|| format!("demo area {}", demo.area))?;
        let method_id = match demo.method {
            Some(slug) => methods::find_by_slug(db, slug).await?.map(|m| m.id),
            None => None,
        };
        let starts_at = now + demo.starts_in;
        let details = EventDetails {
            kind: demo.kind.into(),
            title: demo.title.into(),
            description: demo.description.into(),
            area_id: area.id,
            place: demo.place.into(),
            accessibility: demo.accessibility.into(),
            starts_at,
            ends_at: starts_at + demo.hours * HOUR,
            capacity: demo.capacity,
            method_id,
            // Placed with the other demo items, inside its area (demo::places).
            location: None,
        };
        let organiser = user_id(db, demo.organiser).await?;
        events::create(db, &details, demo.slug, &organiser).await?;
        let event = events::find_by_slug(db, demo.slug)
            .await?
            .context("the demo event just created")?;
        for person in demo.going {
            events::rsvp(db, &event.id, &user_id(db, person).await?)
                .await?
                .map_err(|refused| anyhow::anyhow!("demo RSVP refused: {refused:?}"))?;
        }
        match demo.kind {
            "open-space" => load_sessions(db, &event.id).await?,
            "skills-game" => {
                let method = methods::find_by_slug(db, "skills-game")
                    .await?
                    .context("the skills game method")?;
                methods::add_use(
                    db,
                    &method.id,
                    &user_id(db, demo.organiser).await?,
                    "Skills night at Brook Fields",
                    "Thirty-one people came. Sorting the cards into 'I do', 'I could teach' and 'I would learn' got people talking faster than any icebreaker; the gaps (bike repair, sign language) became two asks on the site the next day.",
                    Some(&event.id),
                )
                .await?;
            }
            _ => {}
        }
    }
    Ok(())
}

async fn load_sessions(db: &Db, event_id: &str) -> anyhow::Result<()> {
    for (topic, spot, host, members, report) in SESSIONS {
        let session = events::pitch(db, event_id, &user_id(db, host).await?, topic, spot).await?;
        for member in *members {
            events::join(db, event_id, &session, &user_id(db, member).await?).await?;
        }
        if !report.is_empty() {
            events::report_back(db, &session, report).await?;
        }
    }
    Ok(())
}
