//! Five years of reports: routed by the site's own rules, placed inside their area, about 40%
//! still waiting and the rest answered and fixed or closed at plausible times, with the
//! organisation's updates on about a third, their reporters following them and others
//! following or affected too.

use std::collections::HashMap;
use std::ops::Range;

use sqlx::AnyConnection;

use super::people::{Person, Residents};
use super::rows::{Rows, row};
use super::{City, DAY, HOUR, Kind, MINUTE, Seeded, Volumes, tagged_id};
use crate::db::Db;
use crate::organisations::store::{self as organisations, MemberRole};
use crate::reports::store::{self as reports, Status};

const REPORT_COLUMNS: &[&str] = &[
    "id",
    "category_id",
    "area_id",
    "organisation_id",
    "title",
    "description",
    "latitude",
    "longitude",
    "address",
    "status",
    "duplicate_of",
    "author_id",
    "source",
    "created_at",
    "updated_at",
    "responded_at",
    "fixed_at",
    "hidden_reason",
];
const UPDATE_COLUMNS: &[&str] = &[
    "id",
    "report_id",
    "author_id",
    "official",
    "status",
    "body",
    "created_at",
];
const FOLLOWER_COLUMNS: &[&str] = &["report_id", "user_id", "affected", "created_at"];

/// One report in fifty came through Open311 from the council's app, with no author.
const ANONYMOUS_EVERY: usize = 50;

pub(super) const STREETS: &[&str] = &[
    "Canal Street",
    "Lock Lane",
    "Weavers Row",
    "Mill Road",
    "Market Street",
    "Quay Walk",
    "Hollins Green",
    "Station Road",
    "Church Street",
    "Green Lane",
    "Brook Road",
    "Towpath Way",
    "Albert Terrace",
    "Victoria Street",
    "Bridge Street",
    "Chapel Walk",
    "Spinners Court",
    "Bobbin Lane",
    "Foundry Street",
    "Orchard Close",
    "Park Avenue",
    "School Lane",
    "Allotment Road",
    "Hall Street",
    "Cotton Way",
    "Riverside Drive",
    "Fields Crescent",
    "Meadow View",
    "North Parade",
    "Old Market Square",
];

const LANDMARKS: &[&str] = &[
    "the bus stop",
    "the primary school",
    "the health centre",
    "the church hall",
    "the market hall",
    "the community centre",
    "the allotments gate",
    "the footbridge",
    "Lock 3",
    "the library",
    "the corner shop",
    "the playground",
];

/// (category code, weight, titles, descriptions). Titles name `{street}` or `{landmark}`.
type Wording = (
    &'static str,
    u32,
    &'static [&'static str],
    &'static [&'static str],
);

const WORDING: &[Wording] = &[
    (
        "potholes",
        30,
        &[
            "Pothole on {street}",
            "Deep pothole near {landmark}",
            "Road surface breaking up on {street}",
            "Sunken manhole cover on {street}",
        ],
        &[
            "A pothole about a hand deep by the kerb; cars swerve round it.",
            "The road has broken up across the whole lane since the frost.",
            "Cyclists have to pull out into the traffic to get round it.",
            "It fills with water and you cannot see how deep it is.",
        ],
    ),
    (
        "street-lights",
        15,
        &[
            "Street light out on {street}",
            "Lamp flickering all night on {street}",
            "Street light out by {landmark}",
        ],
        &[
            "It has been dark for over a week and the path is pitch black after five.",
            "The lamp flickers on and off all night.",
            "People walking home from the station have nothing to see by.",
        ],
    ),
    (
        "fly-tipping",
        20,
        &[
            "Rubbish dumped on {street}",
            "Mattress left on the pavement on {street}",
            "Builders' waste dumped by {landmark}",
        ],
        &[
            "Bags of rubbish and a broken chair, there since the weekend.",
            "It blocks the pavement; buggies and wheelchairs have to go in the road.",
            "Rubble and plasterboard, probably from a house clearance.",
        ],
    ),
    (
        "blocked-drains",
        10,
        &[
            "Blocked drain on {street}",
            "Flooding after rain on {street}",
            "Drain smells by {landmark}",
        ],
        &[
            "Water pools across the whole road after any rain.",
            "The gully is full of leaves and silt.",
            "A bad smell from the drain, worse on warm days.",
        ],
    ),
    (
        "graffiti",
        10,
        &[
            "Graffiti on {landmark}",
            "Tags sprayed on the wall on {street}",
        ],
        &[
            "Tags sprayed across the wall overnight.",
            "Offensive words sprayed where children walk past.",
        ],
    ),
    (
        "noise",
        15,
        &[
            "Loud music late at night on {street}",
            "Barking dog all day on {street}",
            "Works starting before seven on {street}",
        ],
        &[
            "Music until three in the morning most weekends.",
            "The dog barks all day while the owners are out.",
            "Drilling and lorries from half past six.",
        ],
    ),
];

const OTHER_WORDING: Wording = (
    "",
    5,
    &["Problem on {street}", "Something to fix by {landmark}"],
    &["Please could someone come and look at this."],
);

/// What the organisation says when it moves a report to each status.
fn answers(status: Status) -> &'static [&'static str] {
    match status {
        Status::Open => &[],
        Status::Acknowledged => &[
            "Thank you for telling us. An inspector will look at it this week.",
            "We have logged this and will visit within ten working days.",
        ],
        Status::InProgress => &[
            "The work is booked; we expect to finish within a fortnight.",
            "A crew is on it; the parts are on order.",
        ],
        Status::Fixed => &[
            "Fixed this morning. Thank you for reporting it.",
            "Repaired and checked by our inspector.",
        ],
        Status::Closed => &[
            "We looked and found nothing we can act on, so we are closing this report.",
            "This is on private land; we have written to the owner.",
        ],
        Status::Duplicate => &["This is the same as an earlier report; we are following it there."],
    }
}

const REPLIES: &[&str] = &[
    "Still the same this morning.",
    "It has got worse since the rain.",
    "Thank you, that has made a real difference.",
    "My neighbour tripped here yesterday.",
];

const HIDDEN_REASONS: &[&str] = &[
    "Names a neighbour.",
    "Personal details in the description.",
    "Abusive language.",
];

/// A report's course: its status now and when it was answered and fixed.
struct Course {
    status: Status,
    responded_at: Option<i64>,
    fixed_at: Option<i64>,
    updated_at: i64,
}

impl Course {
    /// About 20% open, 10% acknowledged, 10% in progress, the rest fixed, closed or a
    /// duplicate; an answer or a fix that would fall after now has not happened yet.
    fn draw(created: i64, now: i64, random: &mut Seeded) -> Course {
        // Weights in the order of `ALL_STATUSES`: open, acknowledged, in progress, fixed,
        // closed, duplicate.
        let status = reports::ALL_STATUSES[random.weighted(&[20, 10, 10, 38, 17, 5])];
        let waiting = Course {
            status: Status::Open,
            responded_at: None,
            fixed_at: None,
            updated_at: created,
        };
        if status == Status::Open {
            return waiting;
        }
        let responded = created + response_wait(random);
        if responded > now {
            return waiting;
        }
        if status != Status::Fixed {
            return Course {
                status,
                responded_at: Some(responded),
                fixed_at: None,
                updated_at: responded,
            };
        }
        let fixed = responded + random.between(HOUR, 45 * DAY);
        if fixed > now {
            return Course {
                status: Status::InProgress,
                responded_at: Some(responded),
                fixed_at: None,
                updated_at: responded,
            };
        }
        Course {
            status,
            responded_at: Some(responded),
            fixed_at: Some(fixed),
            updated_at: fixed,
        }
    }
}

/// Half answered within two days, most of the rest within ten, some after weeks.
fn response_wait(random: &mut Seeded) -> i64 {
    match random.weighted(&[50, 35, 15]) {
        0 => random.between(20 * MINUTE, 2 * DAY),
        1 => random.between(2 * DAY, 10 * DAY),
        _ => random.between(10 * DAY, 40 * DAY),
    }
}

pub(super) struct Reports<'c> {
    city: &'c City,
    people: &'c Residents,
    total: usize,
    /// Followers beyond the reporters themselves.
    others_following: usize,
    /// (category id, its wording), active categories only.
    categories: Vec<(String, &'static Wording)>,
    weights: Vec<u32>,
    /// The organisation each category goes to from each place, by the routing rules.
    routes: Vec<Vec<Option<String>>>,
    /// Who answers for each organisation: an official, else an admin.
    answerers: HashMap<String, String>,
    reports: Rows,
    updates: Rows,
    followers: Rows,
}

impl<'c> Reports<'c> {
    pub async fn new(
        db: &Db,
        city: &'c City,
        people: &'c Residents,
        volumes: &Volumes,
    ) -> anyhow::Result<Reports<'c>> {
        let authored = volumes.reports - volumes.reports / ANONYMOUS_EVERY;
        anyhow::ensure!(
            volumes.report_followers >= authored,
            "{} report followers are fewer than the {authored} reporters",
            volumes.report_followers
        );
        let categories: Vec<(String, &'static Wording)> = reports::categories(db)
            .await?
            .into_iter()
            .filter(|c| c.active)
            .map(|c| {
                let wording = WORDING
                    .iter()
                    .find(|w| w.0 == c.code)
                    .unwrap_or(&OTHER_WORDING);
                (c.id, wording)
            })
            .collect();
        anyhow::ensure!(!categories.is_empty(), "no report categories");
        let mut routes = Vec::new();
        let mut answerers = HashMap::new();
        for (category, _) in &categories {
            let mut by_place = Vec::new();
            for place in &city.places {
                let organisation = reports::route_for(db, category, &place.id)
                    .await?
                    .map(|(organisation, _)| organisation);
                if let Some(org) = &organisation
                    && !answerers.contains_key(org)
                    && let Some(person) = answerer(db, org).await?
                {
                    answerers.insert(org.clone(), person);
                }
                by_place.push(organisation);
            }
            routes.push(by_place);
        }
        Ok(Reports {
            city,
            people,
            total: volumes.reports,
            others_following: volumes.report_followers - authored,
            weights: categories.iter().map(|c| c.1.1).collect(),
            categories,
            routes,
            answerers,
            reports: Rows::new("reports", REPORT_COLUMNS),
            updates: Rows::new("report_updates", UPDATE_COLUMNS),
            followers: Rows::new("report_followers", FOLLOWER_COLUMNS),
        })
    }

    /// How many people besides the reporter follow report `i`: the extra followers shared
    /// out evenly, so the total is exact whichever chunk a report falls in.
    fn extra_followers_of(&self, i: usize) -> usize {
        let share = |n: usize| self.others_following as u128 * n as u128 / self.total as u128;
        (share(i + 1) - share(i)) as usize
    }

    /// The organisation's updates: on about a third of all reports (four in ten answered).
    fn add_updates(
        &mut self,
        report: &str,
        organisation: Option<&String>,
        author: Option<&Person>,
        course: &Course,
        random: &mut Seeded,
    ) {
        let Some(responded) = course.responded_at.filter(|_| random.chance(0.42)) else {
            return;
        };
        let official = organisation.and_then(|o| self.answerers.get(o)).cloned();
        let first = if course.status == Status::Fixed {
            Status::Acknowledged
        } else {
            course.status
        };
        self.add_answer(report, official.clone(), first, responded, random);
        if let Some(fixed) = course.fixed_at {
            self.add_answer(report, official, Status::Fixed, fixed, random);
        }
        let reply_at = responded + random.between(HOUR, 3 * DAY);
        if let Some(author) = author.filter(|_| reply_at < self.city.now && random.chance(0.3)) {
            self.updates.add(row![
                tagged_id(reply_at, random),
                report,
                author.id.as_str(),
                false,
                "",
                *random.pick(REPLIES),
                reply_at,
            ]);
        }
    }

    /// An update written for the organisation, moving the report to `status`.
    fn add_answer(
        &mut self,
        report: &str,
        author: Option<String>,
        status: Status,
        at: i64,
        random: &mut Seeded,
    ) {
        let body = *random.pick(answers(status));
        self.updates.add(row![
            tagged_id(at, random),
            report,
            author,
            true,
            status.as_str(),
            body,
            at,
        ]);
    }

    /// The reporter (affected, as the form records them) and others following.
    fn add_followers(
        &mut self,
        i: usize,
        report: &str,
        created: i64,
        author: Option<&Person>,
        random: &mut Seeded,
    ) {
        if let Some(author) = author {
            self.followers
                .add(row![report, author.id.as_str(), true, created]);
        }
        let (wanted, people) = (self.extra_followers_of(i), self.people);
        let except = author.map(|a| a.id.as_str());
        for person in people.several_by(created, wanted, except, random) {
            let at = (created + random.between(MINUTE, 10 * DAY)).min(self.city.now);
            let affected = random.chance(0.6);
            self.followers
                .add(row![report, person.id.as_str(), affected, at]);
        }
    }
}

/// Who writes an organisation's answers: its first official, else its first admin.
pub(super) async fn answerer(db: &Db, organisation_id: &str) -> anyhow::Result<Option<String>> {
    let members = organisations::members(db, organisation_id).await?;
    let of_role = |role: MemberRole| {
        members
            .iter()
            .find(|m| m.role == role)
            .map(|m| m.user_id.clone())
    };
    Ok(of_role(MemberRole::Official).or_else(|| of_role(MemberRole::Admin)))
}

impl Kind for Reports<'_> {
    const NAME: &'static str = "reports";
    const COUNT: &'static str = count_tagged!("reports");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let city = self.city;
        let mut random = city.random(Self::NAME, range.start);
        // A duplicate points at the one before it in its category (within the chunk, so a
        // chunk never depends on another).
        let mut last_in_category: Vec<Option<String>> = vec![None; self.categories.len()];
        for i in range {
            let created = City::moment(i, self.total, city.start, city.now - HOUR, &mut random);
            let category = random.weighted(&self.weights);
            let wording = self.categories[category].1;
            let area = city.area(&mut random);
            // Every report has a place: the demo places any report without one, one by one,
            // each time it loads.
            let point = city.point_in(area, &mut random);
            let (street, landmark) = (*random.pick(STREETS), *random.pick(LANDMARKS));
            let title = random
                .pick(wording.2)
                .replace("{street}", street)
                .replace("{landmark}", landmark);
            let description = *random.pick(wording.3);
            let address = format!("{} {street}", random.between(1, 180));
            let people = self.people;
            let author = (i % ANONYMOUS_EVERY != ANONYMOUS_EVERY - 1)
                .then(|| people.by(created, &mut random));
            let course = Course::draw(created, city.now, &mut random);
            let hidden = if random.below(250) == 0 {
                *random.pick(HIDDEN_REASONS)
            } else {
                ""
            };
            let id = tagged_id(created, &mut random);
            let duplicate_of = match course.status {
                Status::Duplicate => last_in_category[category].clone(),
                _ => None,
            };
            let organisation = self.routes[category][area].clone();
            self.reports.add(row![
                id.as_str(),
                self.categories[category].0.as_str(),
                city.places[area].id.as_str(),
                organisation.clone(),
                title,
                description,
                point.map(|p| p.0),
                point.map(|p| p.1),
                address,
                course.status.as_str(),
                duplicate_of,
                author.map(|a| a.id.as_str()),
                if author.is_some() {
                    "web"
                } else {
                    "open311:Millbrook Council app"
                },
                created,
                course.updated_at,
                course.responded_at,
                course.fixed_at,
                hidden,
            ]);
            self.add_updates(&id, organisation.as_ref(), author, &course, &mut random);
            self.add_followers(i, &id, created, author, &mut random);
            last_in_category[category] = Some(id);
        }
        // Reports first: the updates and followers refer to them.
        self.reports.write(conn).await?;
        self.updates.write(conn).await?;
        self.followers.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("reports", self.reports.count()),
            ("report_updates", self.updates.count()),
            ("report_followers", self.followers.count()),
        ]
    }
}
