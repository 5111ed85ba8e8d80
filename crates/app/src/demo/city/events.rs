//! Events over the five years and the coming three months, with RSVPs: some events popular,
//! most small; where places are limited, the latest to answer wait for one.

use std::ops::Range;

use sqlx::AnyConnection;

use super::people::Residents;
use super::reports::STREETS;
use super::rows::{Rows, row};
use super::{City, DAY, HOUR, Kind, MINUTE, Seeded, Volumes, shares, tagged_id};
use crate::web::forms::slugify;

const EVENT_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "kind",
    "title",
    "description",
    "area_id",
    "place",
    "accessibility",
    "starts_at",
    "ends_at",
    "capacity",
    "organiser_id",
    "cancelled_at",
    "created_at",
    "updated_at",
    "latitude",
    "longitude",
];
const RSVP_COLUMNS: &[&str] = &["event_id", "user_id", "status", "created_at", "reminded_at"];

/// (kind, weight, titles, description). Titles name `{area}`, `{street}` or `{venue}`.
type Gathering = (&'static str, u32, &'static [&'static str], &'static str);

const GATHERINGS: &[Gathering] = &[
    (
        "conversation",
        35,
        &[
            "Community conversation: the future of {area}",
            "Let's talk about safer streets in {area}",
            "Community conversation: young people in {area}",
        ],
        "An evening to share what matters and what we could do about it. Tea and biscuits.",
    ),
    (
        "open-space",
        10,
        &["Open space: what next for {area}?"],
        "Bring a topic you care about; the agenda is made on the day by whoever comes.",
    ),
    (
        "walk-and-talk",
        20,
        &[
            "Walk and talk around {area}",
            "Litter pick and walk on {street}",
        ],
        "We walk the streets together and note what works and what needs fixing.",
    ),
    (
        "assembly",
        10,
        &["{area} residents' assembly"],
        "Residents decide together on the questions raised this season.",
    ),
    (
        "skills-game",
        10,
        &["Skills game at {venue}"],
        "Play the skills game and find out what your neighbours can do.",
    ),
    (
        "other",
        15,
        &[
            "Street tea on {street}",
            "Repair café at {venue}",
            "Seed swap at {venue}",
        ],
        "All welcome; bring a friend.",
    ),
];

const VENUES: &[&str] = &[
    "St Anne's church hall",
    "Brook Fields community centre",
    "the market hall",
    "Hollins Green primary school",
    "the library",
    "the canal boathouse",
    "Weavers Row bakery",
];

pub(super) struct Events<'c> {
    city: &'c City,
    people: &'c Residents,
    total: usize,
    /// RSVPs per event, shared out once so the total is exact in any chunk.
    rsvps: Vec<usize>,
    events: Rows,
    answers: Rows,
}

impl<'c> Events<'c> {
    pub fn new(
        city: &'c City,
        people: &'c Residents,
        volumes: &Volumes,
    ) -> anyhow::Result<Events<'c>> {
        let mut random = city.random("event popularity", 0);
        // A few events draw crowds; most draw a handful.
        let popularity: Vec<f64> = (0..volumes.events)
            .map(|_| {
                let u = random.unit();
                0.2 + 3.0 * u * u
            })
            .collect();
        Ok(Events {
            city,
            people,
            total: volumes.events,
            rsvps: shares(&popularity, volumes.rsvps),
            events: Rows::new("events", EVENT_COLUMNS),
            answers: Rows::new("event_rsvps", RSVP_COLUMNS),
        })
    }

    /// The people who answered, earliest first: the first `capacity` have places.
    fn add_rsvps(
        &mut self,
        i: usize,
        event: &str,
        (created, starts): (i64, i64),
        capacity: Option<i64>,
        random: &mut Seeded,
    ) {
        let (now, residents) = (self.city.now, self.people);
        let people = residents.several_by(starts, self.rsvps[i], None, random);
        let mut times: Vec<i64> = people
            .iter()
            .map(|_| random.between(created, starts.min(now).max(created + 1)))
            .collect();
        times.sort_unstable();
        for (place, (person, at)) in people.iter().zip(times).enumerate() {
            let going = capacity.is_none_or(|c| (place as i64) < c);
            // Reminders went out a day before every past event.
            let reminded = (going && starts <= now).then_some(starts - DAY);
            self.answers.add(row![
                event,
                person.id.as_str(),
                if going { "going" } else { "waiting" },
                at,
                reminded,
            ]);
        }
    }
}

impl Kind for Events<'_> {
    const NAME: &'static str = "events";
    const COUNT: &'static str = count_tagged!("events");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let (city, people) = (self.city, self.people);
        let mut random = city.random(Self::NAME, range.start);
        let weights: Vec<u32> = GATHERINGS.iter().map(|g| g.1).collect();
        for i in range {
            let moment = City::moment(i, self.total, city.start, city.now + 90 * DAY, &mut random);
            // Mornings, afternoons or evenings (UTC, near enough to Millbrook's hours).
            let starts = moment - moment % DAY + *random.pick(&[10_i64, 11, 14, 18, 19]) * HOUR;
            let ends = starts + *random.pick(&[90_i64, 120, 180]) * MINUTE;
            let created = (starts - random.between(3 * DAY, 40 * DAY)).min(city.now - HOUR);
            let gathering = &GATHERINGS[random.weighted(&weights)];
            let area = city.area(&mut random);
            let (street, venue) = (*random.pick(STREETS), *random.pick(VENUES));
            let title = random
                .pick(gathering.2)
                .replace("{area}", &city.places[area].name)
                .replace("{street}", street)
                .replace("{venue}", venue);
            let place = *random.pick(VENUES);
            let capacity = random.chance(0.3).then(|| random.between(10, 41));
            let organiser = people.by(created, &mut random);
            let cancelled = random
                .chance(0.02)
                .then(|| random.between(created, starts.min(city.now).max(created + 1)));
            // Placed, as the demo would place it otherwise.
            let point = city.point_in(area, &mut random);
            let id = tagged_id(created, &mut random);
            self.events.add(row![
                id.as_str(),
                format!("{}-{}", slugify(&title), i + 1),
                gathering.0,
                title,
                gathering.3,
                city.places[area].id.as_str(),
                place,
                "Step-free access; a hearing loop in the main room.",
                starts,
                ends,
                capacity,
                organiser.id.as_str(),
                cancelled,
                created,
                cancelled.unwrap_or(created),
                point.map(|p| p.0),
                point.map(|p| p.1),
            ]);
            self.add_rsvps(i, &id, (created, starts), capacity, &mut random);
        }
        self.events.write(conn).await?;
        self.answers.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("events", self.events.count()),
            ("event_rsvps", self.answers.count()),
        ]
    }
}
