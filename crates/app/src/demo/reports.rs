//! The demo's reports of local problems: categories, the rules that route them, and reports
//! in every state, with the council's answers, residents affected too, and dates spread over
//! the last months so the public record has real medians. Also stories about services, most
//! published and answered by their providers, one waiting for a moderator; two councillors
//! with answered and waiting questions; and conversations with ideas, one started from a
//! report.

use anyhow::Context;

use super::{email_of, user_id};
use crate::accounts::store as accounts;
use crate::areas::store as areas;
use crate::conversations::reply_notices;
use crate::conversations::store::{self as conversations, NewConversation};
use crate::db::{Db, now_ms};
use crate::organisations::store as organisations;
use crate::reports::store::{self as reports, Filter, Following, NewReport, NewUpdate, Status};
use crate::reports::update_notices;
use crate::representatives::store as representatives;
use crate::stories::store::{self as stories, Change, NewStory};

const CATEGORIES: &[&str] = &[
    "Potholes",
    "Street lights",
    "Fly-tipping",
    "Blocked drains",
    "Graffiti",
    "Noise",
];

/// (category code, area slug, organisation slug)
const ROUTES: &[(&str, &str, &str)] = &[
    ("potholes", "millbrook", "millbrook-highways"),
    ("street-lights", "millbrook", "millbrook-highways"),
    ("fly-tipping", "millbrook", "millbrook-highways"),
    ("blocked-drains", "millbrook", "millbrook-highways"),
    ("graffiti", "millbrook", "millbrook-highways"),
    ("noise", "brook-fields", "millbrook-homes"),
];

const DAY: i64 = 86_400_000;
const HOUR: i64 = 3_600_000;

/// (reporter, category, area, title, description, address, final status, days ago,
/// hours to the first answer, days to the fix, the answers, people affected too)
type DemoReport = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Status,
    i64,
    Option<i64>,
    Option<i64>,
    &'static [&'static str],
    &'static [&'static str],
);

const REPORTS: &[DemoReport] = &[
    (
        "edith.marsh",
        "potholes",
        "st-annes",
        "Deep pothole outside St Anne's hall",
        "A pothole about a hand deep by the kerb, right where people step off the minibus. Someone nearly fell on Sunday.",
        "Church Street, outside St Anne's hall",
        Status::Fixed,
        40,
        Some(20),
        Some(9),
        &[
            "Thank you, Edith. An inspector will look at it this week.",
            "Filled and resurfaced on Tuesday morning.",
        ],
        &["winston.campbell", "nadia.rahman"],
    ),
    (
        "joe.barker",
        "street-lights",
        "hollins-green",
        "Street light out by the allotments gate",
        "The lamp by the allotments gate has been dark for a fortnight; the path is pitch black after five.",
        "Green Lane, by the allotments gate",
        Status::InProgress,
        12,
        Some(6),
        None,
        &["A new lamp head is on order; we expect to fit it next week."],
        &["fatima.begum", "kasia.nowak", "harold.pearson"],
    ),
    (
        "yusuf.ali",
        "fly-tipping",
        "weavers-row",
        "Mattresses dumped in the lane behind the bakery",
        "Three mattresses and a broken wardrobe in the back lane since the weekend.",
        "Back lane behind Weavers Row bakery",
        Status::Closed,
        25,
        Some(3),
        None,
        &["Cleared on Monday. We are checking the camera footage; thank you for telling us."],
        &["hannah.clarke"],
    ),
    (
        "hannah.clarke",
        "fly-tipping",
        "weavers-row",
        "Rubbish dumped behind the bakery",
        "Mattresses and a wardrobe in the lane.",
        "Weavers Row back lane",
        Status::Duplicate,
        24,
        Some(4),
        None,
        &["This is the same as an earlier report; we are following it there."],
        &[],
    ),
    (
        "tariq.mahmood",
        "noise",
        "brook-fields",
        "Loud music from the empty flat at Brook House",
        "Music until three in the morning most weekends from flat 14, which we thought was empty.",
        "Brook House, 14",
        Status::Acknowledged,
        4,
        Some(30),
        None,
        &["We have written to the tenant and will visit if it carries on."],
        &["aisha.hussain", "jenny.walsh"],
    ),
    (
        "dafydd.evans",
        "blocked-drains",
        "canal-quarter",
        "Drain blocked on the towpath ramp",
        "Water pools across the whole ramp after any rain; wheelchairs and buggies cannot get through.",
        "Towpath ramp by Lock 3",
        Status::Open,
        2,
        None,
        None,
        &[],
        &["mei.lin", "grace.mensah"],
    ),
    (
        "kwame.asante",
        "graffiti",
        "old-market",
        "Graffiti on the market hall doors",
        "Tags sprayed across both doors of the market hall overnight.",
        "Market Square",
        Status::Fixed,
        18,
        Some(26),
        Some(5),
        &[
            "Booked for cleaning.",
            "The doors have been cleaned and given an anti-graffiti coat.",
        ],
        &[],
    ),
];

/// (teller, organisation, service, title, story, good, better, published, response, change)
type DemoStory = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
    Change,
);

const STORIES: &[DemoStory] = &[
    (
        "aisha.hussain",
        "riverside-health-centre",
        "Tuesday baby clinic",
        "A long wait, then a nurse who listened",
        "We waited over an hour with a crying baby and nobody told us why. When we were seen, the nurse took her time and answered every question.",
        "The nurse never rushed us.",
        "Tell parents when the clinic is running late.",
        true,
        "Thank you, Aisha. From January the reception team will text parents when the clinic runs more than 20 minutes late.",
        Change::Planned,
    ),
    (
        "winston.campbell",
        "riverside-health-centre",
        "Social prescribing",
        "The walking group got me out of the house",
        "After my wife died I hardly went out. The social prescriber put me in touch with the Thursday walking group and now I go every week.",
        "Being asked what I enjoy, not just what is wrong.",
        "",
        true,
        "Thank you for telling us, Winston. We have shared your story with the team and with the walking group's volunteers.",
        Change::None,
    ),
    (
        "jenny.walsh",
        "millbrook-homes",
        "Repairs line",
        "Three visits to fix one boiler",
        "The boiler broke in November. Each engineer came without the part, so it took three visits and two weeks without heating.",
        "The last engineer was friendly and explained what went wrong.",
        "Bring the part the first time, or check by phone first.",
        true,
        "We are sorry. Engineers now phone ahead to check the boiler model, so they bring the right part on the first visit.",
        Change::Made,
    ),
    (
        "pete.riley",
        "millbrook-homes",
        "Estate caretaking",
        "Lift at Brook House",
        "The lift at Brook House has been out for a week and my neighbour in a wheelchair cannot get out.",
        "",
        "",
        false,
        "",
        Change::None,
    ),
];

/// (representative, area, role, party, [(asker, question, answer or "")])
type DemoRepresentative = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const REPRESENTATIVES: &[DemoRepresentative] = &[
    (
        "olu.bakare",
        "north-millbrook",
        "Councillor for North Millbrook ward",
        "Labour",
        &[
            (
                "edith.marsh",
                "Will the number 12 bus keep stopping at St Anne's after the timetable change?",
                "Yes. I checked with the operator: the St Anne's stop stays, and the Sunday service returns in April.",
            ),
            (
                "joe.barker",
                "Can the allotments get a water tap at the top gate?",
                "I have asked the parks team for a price and will report back at the ward forum on 14 January.",
            ),
            (
                "mei.lin",
                "Why is the towpath ramp still closed after rain?",
                "",
            ),
        ],
    ),
    (
        "maureen.fletcher",
        "riverside",
        "Councillor for Riverside ward",
        "Independent",
        &[
            (
                "aisha.hussain",
                "Is the Brook Fields community centre going to lose its youth worker?",
                "No. The post is funded until March 2028; I voted for that in the budget.",
            ),
            (
                "yusuf.ali",
                "Could the market square have more bike racks?",
                "",
            ),
        ],
    ),
];

/// Adds the demo's representatives and their questions unless they are there already.
async fn load_representatives(db: &Db) -> anyhow::Result<()> {
    if !representatives::list(db).await?.is_empty() {
        return Ok(());
    }
    for (local, area, role, party, questions) in REPRESENTATIVES {
        let user = user_id(db, local).await?;
        let area = areas::find_by_slug(db, area).await?.context("demo area")?;
        representatives::add(db, &user, &area.id, role, party).await?;
        let id = representatives::list(db)
            .await?
            .into_iter()
            .find(|r| r.user_id == user)
            .context("demo representative")?
            .id;
        for (asker, question, answer) in *questions {
            let question_id =
                representatives::ask(db, &id, &user_id(db, asker).await?, question).await?;
            if !answer.is_empty() {
                representatives::answer(db, &question_id, answer).await?;
            }
        }
    }
    Ok(())
}

/// (starter, area, topic, title, opening post, from the report titled, [(who, reply, idea)])
type DemoConversation = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, bool)],
);

const CONVERSATIONS: &[DemoConversation] = &[
    (
        "dafydd.evans",
        "canal-quarter",
        "streets",
        "Making the towpath usable all year",
        "The ramp floods, the surface is broken near Lock 3 and there is no light after dark. What would make the towpath work for everyone?",
        "Drain blocked on the towpath ramp",
        &[
            (
                "mei.lin",
                "A raised boardwalk on the ramp would stop the flooding for good.",
                true,
            ),
            (
                "grace.mensah",
                "Could the canal trust and the council share the cost? It is their path as much as ours.",
                false,
            ),
            (
                "tom.hughes",
                "Low solar lights along the edge, like the ones at Lock 1, cost little to run.",
                true,
            ),
        ],
    ),
    (
        "edith.marsh",
        "st-annes",
        "older-people",
        "Somewhere warm to meet on winter afternoons",
        "Since the day centre closed, many of us have nowhere to go after lunch. Could we open the church hall two afternoons a week?",
        "",
        &[
            (
                "nadia.rahman",
                "I would help run a tea afternoon on Wednesdays.",
                true,
            ),
            (
                "winston.campbell",
                "The hall has a hearing loop; that matters for a lot of us.",
                false,
            ),
        ],
    ),
];

/// Adds the demo's conversations unless there are some already.
async fn load_conversations(db: &Db) -> anyhow::Result<()> {
    if !conversations::list(db, "", "", false, None, 1)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let all_reports = reports::list(
        db,
        &Filter::default(),
        reports::Order::NewestFirst,
        None,
        100,
    )
    .await?;
    for (starter, area, topic, title, body, from, replies) in CONVERSATIONS {
        let area = areas::find_by_slug(db, area).await?.context("demo area")?;
        let report = all_reports.iter().find(|r| r.title == *from);
        let conversation = NewConversation {
            area_id: &area.id,
            topic,
            title,
            body,
            author_id: &user_id(db, starter).await?,
            report_id: report.map(|r| r.id.as_str()),
        };
        let id = conversations::start(db, &conversation).await?;
        for (who, reply, idea) in *replies {
            let author = accounts::find_by_email(db, &email_of(who))
                .await?
                .with_context(|| format!("demo user {who}"))?;
            // Followers get the site notice, in their language; the demo sends no email.
            conversations::reply(db, &id, &author.id, reply, *idea, |followers| {
                let (notices, _) = reply_notices("", &id, title, &author.display_name, followers);
                (notices, Vec::new())
            })
            .await?;
        }
    }
    Ok(())
}

/// Adds the demo's stories unless there are stories already.
async fn load_stories(db: &Db) -> anyhow::Result<()> {
    if !stories::published_page(db, stories::About::Everyone, None, 1)
        .await?
        .is_empty()
        || !stories::pending(db).await?.is_empty()
    {
        return Ok(());
    }
    for (teller, organisation, service, title, body, good, better, published, response, change) in
        STORIES
    {
        let organisation = organisations::find_by_slug(db, organisation)
            .await?
            .context("demo organisation")?;
        let story = NewStory {
            organisation_id: &organisation.id,
            service,
            title,
            body,
            good,
            better,
            author_id: Some(&user_id(db, teller).await?),
            provider_id: None,
            for_someone: None,
        };
        let id = stories::create(db, &story).await?;
        if !published {
            continue;
        }
        stories::moderate(db, &id, true, "").await?;
        let official = organisations::members(db, &organisation.id)
            .await?
            .into_iter()
            .find(|m| m.role != organisations::MemberRole::Member)
            .context("demo official")?;
        stories::respond(db, &id, response, *change, &official.user_id).await?;
    }
    Ok(())
}

/// Loads the demo's stories, representatives, reports and conversations, each only if
/// missing.
pub async fn load(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    load_stories(db).await?;
    load_representatives(db).await?;
    load_reports(db, admin_id).await?;
    load_conversations(db).await
}

/// Adds the categories, routes and reports unless the demo's reports are there already.
async fn load_reports(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    if !reports::list(db, &Filter::default(), reports::Order::NewestFirst, None, 1)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    for name in CATEGORIES {
        reports::add_category(db, &crate::web::forms::slugify(name), name, Some(admin_id)).await?;
    }
    let categories = reports::categories(db).await?;
    let category = |code: &str| -> anyhow::Result<String> {
        categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.id.clone())
            .with_context(|| format!("demo category {code}"))
    };
    for (code, area, organisation) in ROUTES {
        let area = areas::find_by_slug(db, area).await?.context("demo area")?;
        let organisation = organisations::find_by_slug(db, organisation)
            .await?
            .context("demo organisation")?;
        reports::set_route(
            db,
            &category(code)?,
            &area.id,
            &organisation.id,
            &reports::Outside::inbox(),
            Some(admin_id),
        )
        .await?;
    }
    let now = now_ms();
    let mut first_of_kind: Option<String> = None;
    for report in REPORTS {
        let id = load_report(db, report, &category(report.1)?, first_of_kind.as_deref()).await?;
        if report.1 == "fly-tipping" && first_of_kind.is_none() {
            first_of_kind = Some(id.clone());
        }
        let created = now - report.7 * DAY;
        let responded = report.8.map(|hours| created + hours * HOUR);
        let fixed = report.9.map(|days| created + days * DAY);
        reports::set_times(db, &id, created, responded, fixed).await?;
    }
    Ok(())
}

/// Stores one report with its answers (from the routed organisation's first official or
/// admin) and the people affected too; returns its id.
async fn load_report(
    db: &Db,
    report: &DemoReport,
    category_id: &str,
    original: Option<&str>,
) -> anyhow::Result<String> {
    let (reporter, _, area, title, description, address, status, _, _, _, answers, affected) =
        *report;
    let area = areas::find_by_slug(db, area).await?.context("demo area")?;
    let reporter = user_id(db, reporter).await?;
    let new = NewReport {
        category_id,
        area_id: &area.id,
        title,
        description,
        latitude: None,
        longitude: None,
        address,
        author_id: Some(&reporter),
        source: "web",
        photos: &[],
        for_someone: None,
    };
    // The demo's history arrives without email or notifications: nobody was there to read them.
    let id = reports::create(db, &new, |_, _| Vec::new(), |_| None).await?;
    let stored = reports::find(db, &id).await?.context("demo report")?;
    let official = match &stored.organisation_id {
        Some(org) => organisations::members(db, org)
            .await?
            .into_iter()
            .find(|m| m.role != organisations::MemberRole::Member)
            .map(|m| m.user_id),
        None => None,
    };
    for local in affected {
        let user = user_id(db, local).await?;
        reports::set_following(db, &id, &user, Following::Affected).await?;
    }
    let Some(official) = official else {
        return Ok(id);
    };
    for (n, answer) in answers.iter().enumerate() {
        let last = n + 1 == answers.len();
        let moved_to = match (n, last) {
            (_, true) => Some(status),
            (0, false) => Some(Status::Acknowledged),
            _ => None,
        };
        let update = NewUpdate {
            author_id: Some(&official),
            official: true,
            status: moved_to.filter(|s| *s != Status::Open),
            duplicate_of: (status == Status::Duplicate).then_some(original).flatten(),
            body: answer,
        };
        // Followers get the site notice; the demo sends no email.
        let who = stored.organisation_name.clone().unwrap_or_default();
        reports::add_update(db, &id, &update, |followers| {
            let (notices, _) = update_notices("", &id, title, &who, update.status, followers);
            (notices, Vec::new())
        })
        .await?;
    }
    Ok(id)
}
