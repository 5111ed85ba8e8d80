//! The demo's participatory budgets: a real vote imported from Pabulib, a Millbrook fund in
//! its voting phase, and a Riverside one counted and being carried out.

use anyhow::Context;

use super::{DemoRandom, user_id};
use crate::areas::store as areas;
use crate::budgets::ballot::{Ballot, BallotFormat};
use crate::budgets::count;
use crate::budgets::seal::BallotSeal;
use crate::budgets::store::{
    self, Eligibility, Implementation, NewProcess, NewProject, Phase, ProjectStatus, Review,
    SealedBallot, Voter,
};
use crate::db::Db;

/// The real election imported into the demo (Amsterdam, Oud Oost, 2020: approval ballots).
const PABULIB_FILE: &str = "Netherlands_Amsterdam_212.pb";
const IMPORTED_SLUG: &str = "amsterdam-oud-oost-2020";

/// (title, description, category, cost, author, votes in 100 simulated ballots)
type DemoProject = (
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static str,
    usize,
);

const FUND_PROJECTS: &[DemoProject] = &[
    (
        "Benches and shade on the towpath",
        "Six benches with trees for shade between the lock and the mill bridge, so older people can walk the towpath with places to rest.",
        "streets and paths",
        14_000,
        "edith.marsh",
        62,
    ),
    (
        "Hollins Green play area for toddlers",
        "A fenced corner of the green with soft ground and small play things for under-fives.",
        "young people",
        22_000,
        "fatima.begum",
        55,
    ),
    (
        "Canal clean-up days with kit",
        "Grabbers, waders, gloves and a skip four times a year; volunteers already signed up.",
        "green spaces",
        3_500,
        "amara.okafor",
        48,
    ),
    (
        "Warm space at St Anne's hall",
        "Heating and hot drinks on weekday afternoons through the winter.",
        "care",
        9_000,
        "nadia.rahman",
        44,
    ),
    (
        "Safer crossing on Mill Lane",
        "A raised table and better lighting where children cross to school.",
        "streets and paths",
        28_000,
        "joe.barker",
        40,
    ),
    (
        "Tool library in the old lock-keeper's shed",
        "Shelving, a lock and the first hundred tools for a lending library run by volunteers.",
        "sharing",
        6_500,
        "dafydd.evans",
        33,
    ),
    (
        "Community fridge",
        "A fridge and a rota so surplus food from shops and gardens reaches neighbours.",
        "food",
        4_000,
        "mei.lin",
        30,
    ),
    (
        "Murals on the railway underpass",
        "Young people design and paint murals with a local artist.",
        "culture",
        7_500,
        "grace.mensah",
        24,
    ),
    (
        "Allotment water butts",
        "Forty water butts and guttering for the Hollins Green allotments.",
        "green spaces",
        2_800,
        "harold.pearson",
        18,
    ),
];

const GRANT_PROJECTS: &[DemoProject] = &[
    (
        "Brook Fields youth football nights",
        "Floodlit Friday football with coaches for 11 to 16-year-olds.",
        "young people",
        8_000,
        "pete.riley",
        70,
    ),
    (
        "Weavers Row shopfront greening",
        "Planters and climbing plants for twelve shopfronts.",
        "green spaces",
        5_500,
        "hannah.clarke",
        52,
    ),
    (
        "Old Market square seating",
        "Movable tables and chairs for market days and evenings.",
        "streets and paths",
        12_000,
        "kwame.asante",
        47,
    ),
    (
        "Food bank delivery bike",
        "A cargo bike so volunteers can deliver to people who cannot come in.",
        "food",
        4_500,
        "aisha.hussain",
        45,
    ),
    (
        "Digital help drop-in",
        "Laptops and a weekly drop-in at the community centre for help with forms online.",
        "care",
        6_000,
        "tariq.mahmood",
        39,
    ),
    (
        "Riverside history trail",
        "Ten plaques and a printed map of the streets' working history.",
        "culture",
        9_500,
        "marek.kowalski",
        21,
    ),
];

pub async fn load(db: &Db, seal: &BallotSeal, admin_id: &str) -> anyhow::Result<()> {
    load_imported(db, admin_id).await?;
    load_fund(db, seal).await?;
    load_grants(db, seal).await?;
    Ok(())
}

/// The demo reads the Pabulib file from `../shared/pabulib` (or SQUAREMILE_PABULIB_DIR);
/// without it the other processes still load.
async fn load_imported(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    if store::find_by_slug(db, IMPORTED_SLUG).await?.is_some() {
        return Ok(());
    }
    let dir =
        std::env::var("SQUAREMILE_PABULIB_DIR").unwrap_or_else(|_| "../shared/pabulib".into());
    let path = std::path::Path::new(&dir).join(PABULIB_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        tracing::warn!(path = %path.display(), "demo: Pabulib file not found; the imported process is skipped");
        return Ok(());
    };
    let city = areas::find_by_slug(db, "millbrook")
        .await?
        .context("demo city")?;
    let title = "Oud Oost, Amsterdam (2020): a real vote from Pabulib";
    // Counted by the job worker once the site runs.
    count::import_file(
        db,
        &text,
        count::ImportTarget {
            area_id: &city.id,
            slug: IMPORTED_SLUG,
            title: Some(title),
            rule: pb::Rule::MesAdd1,
            by: Some(admin_id),
            notify: None,
            strict: false,
        },
    )
    .await
    .with_context(|| format!("importing {}", path.display()))?;
    Ok(())
}

/// Creates a process in the ideas phase with its projects proposed, supported and reviewed,
/// then moves it to voting. Returns its id, or None if it exists already.
async fn set_up(
    db: &Db,
    process: NewProcess<'_>,
    projects: &[DemoProject],
    official: &str,
) -> anyhow::Result<Option<String>> {
    if store::find_by_slug(db, process.slug).await?.is_some() {
        return Ok(None);
    }
    let official = user_id(db, official).await?;
    let id = store::create(db, &process, &official)
        .await
        .map_err(anyhow::Error::new)?;
    let supporters = [
        "priya.shah",
        "tom.hughes",
        "amara.okafor",
        "mei.lin",
        "joe.barker",
        "edith.marsh",
    ];
    for (n, (title, description, category, cost, author, _)) in projects.iter().enumerate() {
        let author = user_id(db, author).await?;
        let project = NewProject {
            title,
            description,
            category,
            location: "",
            rough_cost: cost * 9 / 10,
            sub_budget_id: None,
            point: None,
        };
        let code = store::propose(db, &id, &project, &author)
            .await?
            .context("demo proposal")?;
        let project = store::project(db, &id, &code)
            .await?
            .context("demo project")?;
        for supporter in supporters
            .iter()
            .take(supporters.len() - n % supporters.len())
        {
            store::toggle_support(db, &project.id, &user_id(db, supporter).await?).await?;
        }
        if n == 0 {
            store::add_comment(
                db,
                &project.id,
                &user_id(db, "winston.campbell").await?,
                "Yes please: my mother would walk further with a bench every few hundred yards.",
            )
            .await?;
        }
    }
    store::advance_phase(db, &id, Phase::Ideas).await?;
    for project in store::projects(db, &id).await? {
        let cost = projects
            .iter()
            .find(|p| p.0 == project.title)
            .map_or(project.rough_cost, |p| p.3);
        let review = Review {
            status: ProjectStatus::Feasible,
            cost: Some(cost),
            note: "Checked with the highways and parks teams; the cost includes five years of upkeep.",
        };
        store::review(db, &project.id, &review, &official, None).await?;
    }
    store::advance_phase(db, &id, Phase::Review).await?;
    Ok(Some(id))
}

/// Ballots that follow each project's popularity: every voter ticks what they like, within
/// the ballot's rules (knapsack ballots stop before the budget is exceeded).
fn demo_ballots(
    projects: &[DemoProject],
    codes: &[String],
    budget: i64,
    format: BallotFormat,
    count: usize,
    seed: u64,
) -> Vec<Ballot> {
    let mut random = DemoRandom(seed);
    (0..count)
        .map(|_| {
            let mut picks = Vec::new();
            let mut spent = 0;
            for (project, code) in projects.iter().zip(codes) {
                if random.next(100) < project.5
                    && (format != BallotFormat::Knapsack || spent + project.3 <= budget)
                {
                    spent += project.3;
                    picks.push((code.clone(), 1));
                }
            }
            if picks.is_empty() {
                picks.push((codes[random.next(codes.len())].clone(), 1));
            }
            Ballot { picks }
        })
        .collect()
}

fn ready(ballots: &[Ballot], format: BallotFormat) -> Vec<SealedBallot> {
    ballots
        .iter()
        .map(|b| SealedBallot::new(&crate::web::session::random_token(), b, format, None))
        .collect()
}

async fn add_paper(
    db: &Db,
    process_id: &str,
    label: &str,
    ballots: &[SealedBallot],
    first: &str,
    second: &str,
) -> anyhow::Result<()> {
    let typed: String = ballots.iter().map(|b| format!("{}\n", b.vote)).collect();
    store::start_paper_batch(db, process_id, label, &typed, &user_id(db, first).await?).await?;
    let batch = store::paper_batches(db, process_id)
        .await?
        .into_iter()
        .find(|b| b.label == label)
        .context("demo paper batch")?;
    store::finish_paper_batch(
        db,
        process_id,
        &batch.id,
        &typed,
        &user_id(db, second).await?,
        Some(ballots),
    )
    .await?;
    Ok(())
}

/// North Millbrook's community fund, open for voting: knapsack ballots of verified residents.
async fn load_fund(db: &Db, seal: &BallotSeal) -> anyhow::Result<()> {
    let area = areas::find_by_slug(db, "north-millbrook")
        .await?
        .context("demo district")?;
    let budget = 60_000;
    let process = NewProcess {
        area_id: &area.id,
        slug: "north-millbrook-fund-2027",
        title: "North Millbrook Community Fund 2027",
        description: "£60,000 of the council's budget for North Millbrook, decided by the people who live here. Choose the projects you would fund if the whole budget were yours.",
        currency: "GBP",
        budget,
        phase: Phase::Ideas,
        ideas_until: "2026-10-31",
        review_until: "2026-11-25",
        voting_from: "2026-11-26",
        voting_until: "2026-12-20",
        format: BallotFormat::Knapsack,
        min_choices: 1,
        max_choices: 9,
        points: 10,
        eligibility: Eligibility::Verified,
        min_age: 16,
        allow_changes: true,
        support_threshold: 3,
        rule: pb::Rule::MesAdd1,
        imported: false,
        sub_budgets: &[],
        one_sub_budget: false,
    };
    let Some(id) = set_up(db, process, FUND_PROJECTS, "tom.hughes").await? else {
        return Ok(());
    };
    let codes: Vec<String> = store::projects(db, &id)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    // A few residents have voted online; the others (amara.okafor among them) still can.
    let ballots = demo_ballots(FUND_PROJECTS, &codes, budget, BallotFormat::Knapsack, 5, 7);
    for (voter, ballot) in [
        "edith.marsh",
        "joe.barker",
        "fatima.begum",
        "harold.pearson",
        "dafydd.evans",
    ]
    .iter()
    .zip(&ballots)
    {
        let voter = Voter::User(user_id(db, voter).await?);
        let sealed = SealedBallot::new(
            &crate::web::session::random_token(),
            ballot,
            BallotFormat::Knapsack,
            Some(&voter),
        );
        store::cast(db, seal, &id, &voter, &sealed).await?;
    }
    let paper = demo_ballots(
        FUND_PROJECTS,
        &codes,
        budget,
        BallotFormat::Knapsack,
        140,
        11,
    );
    add_paper(
        db,
        &id,
        "St Anne's hall, box 1",
        &ready(&paper, BallotFormat::Knapsack),
        "tom.hughes",
        "priya.shah",
    )
    .await?;
    Ok(())
}

/// Riverside's small grants: voted on, counted, and being carried out.
async fn load_grants(db: &Db, seal: &BallotSeal) -> anyhow::Result<()> {
    let area = areas::find_by_slug(db, "riverside")
        .await?
        .context("demo district")?;
    let process = NewProcess {
        area_id: &area.id,
        slug: "riverside-small-grants-2026",
        title: "Riverside Small Grants 2026",
        description: "£25,000 for small projects in Riverside. Residents ticked up to three projects each.",
        currency: "GBP",
        budget: 25_000,
        phase: Phase::Ideas,
        ideas_until: "2026-03-31",
        review_until: "2026-04-30",
        voting_from: "2026-05-01",
        voting_until: "2026-05-31",
        format: BallotFormat::Approval,
        min_choices: 1,
        max_choices: 3,
        points: 10,
        eligibility: Eligibility::Residents,
        min_age: 0,
        allow_changes: false,
        support_threshold: 0,
        rule: pb::Rule::MesAdd1,
        imported: false,
        sub_budgets: &[],
        one_sub_budget: false,
    };
    let Some(id) = set_up(db, process, GRANT_PROJECTS, "ravi.patel").await? else {
        return Ok(());
    };
    let codes: Vec<String> = store::projects(db, &id)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let mut ballots = demo_ballots(
        GRANT_PROJECTS,
        &codes,
        25_000,
        BallotFormat::Approval,
        260,
        23,
    );
    for ballot in &mut ballots {
        ballot.picks.truncate(3);
    }
    add_paper(
        db,
        &id,
        "Community centre, May",
        &ready(&ballots, BallotFormat::Approval),
        "ravi.patel",
        "yusuf.ali",
    )
    .await?;
    let ravi = user_id(db, "ravi.patel").await?;
    store::close_voting::<()>(db, seal, &id, None, &ravi).await?;
    let process = store::find(db, &id).await?.context("demo grants")?;
    let results = count::count_process(db, &process).await?;
    store::save_results(db, &id, &serde_json::to_string(&results)?, None).await?;
    store::advance_phase(db, &id, Phase::Results).await?;
    let ravi = user_id(db, "ravi.patel").await?;
    let progress = [
        (
            Implementation::Done,
            "The cargo bike was delivered in July and has made 140 deliveries so far.",
        ),
        (
            Implementation::InProgress,
            "Floodlights are booked for installation in January; football nights start in February.",
        ),
    ];
    let funded: Vec<&str> = results
        .iter()
        .flat_map(|part| &part.results.projects)
        .filter(|p| p.funded)
        .map(|p| p.code.as_str())
        .collect();
    for project in store::projects(db, &id).await? {
        let update = match project.title.as_str() {
            "Food bank delivery bike" => &progress[0],
            "Brook Fields youth football nights" => &progress[1],
            _ => continue,
        };
        if funded.contains(&project.code.as_str()) {
            store::add_update(db, &project.id, update.0, update.1, &ravi).await?;
        }
    }
    Ok(())
}
