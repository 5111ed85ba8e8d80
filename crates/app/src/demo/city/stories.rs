//! Stories about services: mostly published within days and many answered by the provider,
//! a few rejected or hidden, the newest waiting for a moderator.

use std::ops::Range;

use sqlx::AnyConnection;

use super::people::Residents;
use super::reports::answerer;
use super::rows::{Rows, row};
use super::{City, DAY, HOUR, Kind, Volumes, tagged_id};
use crate::db::Db;
use crate::organisations::store::{self as organisations, OrgKind};

const COLUMNS: &[&str] = &[
    "id",
    "organisation_id",
    "service",
    "title",
    "body",
    "good",
    "better",
    "author_id",
    "status",
    "moderation_note",
    "response",
    "responded_by",
    "responded_at",
    "change",
    "created_at",
    "published_at",
    "hidden_reason",
];

/// (kind of organisation, how often its services are told about, its services)
const SERVICES: &[(OrgKind, u32, &[&str])] = &[
    (
        OrgKind::HealthService,
        30,
        &[
            "Tuesday baby clinic",
            "Appointments by phone",
            "Social prescribing",
            "The pharmacy",
        ],
    ),
    (
        OrgKind::CouncilDepartment,
        20,
        &[
            "Bin collections",
            "Street cleaning",
            "The library",
            "Parking permits",
        ],
    ),
    (
        OrgKind::Agency,
        20,
        &["Repairs service", "Lettings", "Estate caretaking"],
    ),
    (
        OrgKind::Charity,
        10,
        &["Food parcels", "The warm space", "Befriending calls"],
    ),
    (
        OrgKind::CommunityGroup,
        5,
        &["Monthly meetings", "Litter picks"],
    ),
    (OrgKind::Business, 3, &["The shop"]),
    (OrgKind::MicroProvider, 3, &["Childcare"]),
];

/// (title, story, what was good, what could be better)
const TELLINGS: &[(&str, &str, &str, &str)] = &[
    (
        "A long wait, then someone who listened",
        "We waited over an hour and nobody told us why. When we were seen, they took their time and answered every question.",
        "Nobody rushed us.",
        "Tell people when things are running late.",
    ),
    (
        "Sorted in a day",
        "I rang in the morning and it was sorted by the afternoon. I did not expect that.",
        "Quick and friendly.",
        "Nothing, keep it up.",
    ),
    (
        "Passed from one number to another",
        "I was passed between four numbers before anyone could help, and had to explain it all each time.",
        "The last person I spoke to was kind.",
        "One person who follows it through.",
    ),
    (
        "It made a difference to my mum",
        "My mum lives alone and this has given her something to look forward to every week.",
        "The volunteers remember her.",
        "More of it, in the evenings too.",
    ),
];

const RESPONSES: &[&str] = &[
    "Thank you for telling us. We have shared your story with the team and are changing how we let people know about delays.",
    "We are sorry this happened. From next month one named person will follow each case through.",
    "Thank you; it means a lot to the team to hear this.",
];

pub(super) struct Stories<'c> {
    city: &'c City,
    people: &'c Residents,
    total: usize,
    /// (organisation id, its services, who answers for it)
    providers: Vec<(String, &'static [&'static str], Option<String>)>,
    weights: Vec<u32>,
    stories: Rows,
}

impl<'c> Stories<'c> {
    pub async fn new(
        db: &Db,
        city: &'c City,
        people: &'c Residents,
        volumes: &Volumes,
    ) -> anyhow::Result<Stories<'c>> {
        let mut providers = Vec::new();
        let mut weights = Vec::new();
        for org in organisations::list(db, None, None).await? {
            let (_, weight, services) = SERVICES
                .iter()
                .find(|s| s.0 == org.kind)
                .copied()
                .unwrap_or((org.kind, 1, &["Its services"]));
            let answers = answerer(db, &org.id).await?;
            providers.push((org.id, services, answers));
            weights.push(weight);
        }
        anyhow::ensure!(
            !providers.is_empty(),
            "no organisations to tell stories about"
        );
        Ok(Stories {
            city,
            people,
            total: volumes.stories,
            providers,
            weights,
            stories: Rows::new("stories", COLUMNS),
        })
    }
}

impl Kind for Stories<'_> {
    const NAME: &'static str = "stories";
    const COUNT: &'static str = count_tagged!("stories");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let city = self.city;
        let people = self.people;
        let mut random = city.random(Self::NAME, range.start);
        for i in range {
            let created = City::moment(i, self.total, city.start, city.now - HOUR, &mut random);
            let (organisation, services, answers_for) =
                &self.providers[random.weighted(&self.weights)];
            let (title, body, good, better) = *random.pick(TELLINGS);
            // Moderators keep up: only the last weeks' stories can still be waiting.
            let status = match random.below(100) {
                0..=4 if created > city.now - 30 * DAY => "pending",
                5..=8 => "rejected",
                _ => "published",
            };
            let published = (status == "published")
                .then(|| (created + random.between(2 * HOUR, 3 * DAY)).min(city.now));
            let answered = published
                .filter(|_| answers_for.is_some() && random.chance(0.4))
                .map(|p| p + random.between(DAY, 20 * DAY))
                .filter(|&at| at <= city.now);
            let change = match answered {
                Some(_) => *random.pick(&["", "planned", "made"]),
                None => "",
            };
            let hidden = if published.is_some() && random.below(300) == 0 {
                "Names a member of staff."
            } else {
                ""
            };
            self.stories.add(row![
                tagged_id(created, &mut random),
                organisation.as_str(),
                *random.pick(services),
                title,
                body,
                good,
                better,
                people.by(created, &mut random).id.as_str(),
                status,
                if status == "rejected" {
                    "This names a member of staff; please tell it again without their name."
                } else {
                    ""
                },
                if answered.is_some() {
                    *random.pick(RESPONSES)
                } else {
                    ""
                },
                answered.and(answers_for.clone()),
                answered,
                change,
                created,
                published,
                hidden,
            ]);
        }
        self.stories.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![("stories", self.stories.count())]
    }
}
