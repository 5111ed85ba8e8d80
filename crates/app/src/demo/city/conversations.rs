//! Conversations in the city's areas: an opening post and replies over the following days,
//! some of them ideas; whoever started or replied follows the thread.

use std::ops::Range;

use sqlx::AnyConnection;

use super::people::Residents;
use super::rows::{Rows, row};
use super::{City, DAY, Kind, MINUTE, Volumes, shares, tagged_id};
use crate::conversations::store::TOPICS;

const CONVERSATION_COLUMNS: &[&str] = &[
    "id",
    "area_id",
    "topic",
    "title",
    "author_id",
    "created_at",
    "updated_at",
];
const POST_COLUMNS: &[&str] = &[
    "id",
    "conversation_id",
    "author_id",
    "body",
    "idea",
    "created_at",
    "hidden_reason",
];
const FOLLOWER_COLUMNS: &[&str] = &["conversation_id", "user_id", "created_at"];

/// Titles by topic (`{area}` is the thread's area); topics without one use the last.
const TITLES: &[(&str, &str)] = &[
    (
        "streets",
        "Can we make the streets of {area} safer to cross?",
    ),
    (
        "green-spaces",
        "What should we plant on the empty corner in {area}?",
    ),
    (
        "housing",
        "Damp in rented flats in {area}: what has worked for you?",
    ),
    ("health", "Getting a GP appointment in {area}"),
    ("young-people", "Somewhere for teenagers to go in {area}"),
    (
        "older-people",
        "Lunch clubs and company for older neighbours in {area}",
    ),
    ("safety", "Lighting on the paths through {area}"),
    ("culture", "A summer festival for {area}?"),
    ("other", "Ideas for {area}"),
];

const OPENINGS: &[&str] = &[
    "I have lived here for years and this keeps coming up. What do others think?",
    "Several of us talked about this at the last meeting; let's gather ideas here.",
    "This affects my family every day. Has anyone found a way round it?",
];

const REPLIES: &[&str] = &[
    "Same here, it has been like this since last winter.",
    "I agree, and the council said they would look at it.",
    "We tried something like this on our street and it helped.",
    "Could we ask the residents' association to take it up?",
    "Thank you for starting this.",
];

const IDEAS: &[&str] = &[
    "We could run a monthly volunteer day and ask the council for tools.",
    "A petition to the councillors, with photos, might move it up their list.",
    "Apply to the community fund for the materials; we can do the work.",
];

pub(super) struct Conversations<'c> {
    city: &'c City,
    people: &'c Residents,
    total: usize,
    /// Posts per conversation (the opening one included), shared out once.
    posts_in: Vec<usize>,
    conversations: Rows,
    posts: Rows,
    followers: Rows,
}

impl<'c> Conversations<'c> {
    pub fn new(
        city: &'c City,
        people: &'c Residents,
        volumes: &Volumes,
    ) -> anyhow::Result<Conversations<'c>> {
        anyhow::ensure!(
            volumes.conversation_posts >= volumes.conversations,
            "every conversation needs its opening post"
        );
        let mut random = city.random("conversation length", 0);
        let lengths: Vec<f64> = (0..volumes.conversations)
            .map(|_| {
                let u = random.unit();
                0.1 + 2.0 * u * u
            })
            .collect();
        let replies = shares(&lengths, volumes.conversation_posts - volumes.conversations);
        Ok(Conversations {
            city,
            people,
            total: volumes.conversations,
            posts_in: replies.into_iter().map(|r| r + 1).collect(),
            conversations: Rows::new("conversations", CONVERSATION_COLUMNS),
            posts: Rows::new("conversation_posts", POST_COLUMNS),
            followers: Rows::new("conversation_followers", FOLLOWER_COLUMNS),
        })
    }
}

impl Kind for Conversations<'_> {
    const NAME: &'static str = "conversations";
    const COUNT: &'static str = count_tagged!("conversations");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let (city, people) = (self.city, self.people);
        let mut random = city.random(Self::NAME, range.start);
        for i in range {
            let created = City::moment(i, self.total, city.start, city.now - DAY, &mut random);
            let area = city.area(&mut random);
            let topic = *random.pick(&TOPICS);
            let title = TITLES
                .iter()
                .find(|t| t.0 == topic)
                .unwrap_or(&TITLES[TITLES.len() - 1])
                .1
                .replace("{area}", &city.places[area].name);
            let author = people.by(created, &mut random);
            let id = tagged_id(created, &mut random);
            let mut followers = vec![author.id.as_str()];
            let mut at = created;
            let mut posts = Vec::with_capacity(self.posts_in[i]);
            for n in 0..self.posts_in[i] {
                let (writer, body, idea) = if n == 0 {
                    (author, *random.pick(OPENINGS), false)
                } else {
                    at = (at + random.between(10 * MINUTE, 2 * DAY)).min(city.now);
                    let idea = random.chance(0.15);
                    let words = if idea { IDEAS } else { REPLIES };
                    (people.by(at, &mut random), *random.pick(words), idea)
                };
                let hidden = if random.below(200) == 0 {
                    "Personal remarks about a neighbour."
                } else {
                    ""
                };
                posts.push(row![
                    tagged_id(at, &mut random),
                    id.as_str(),
                    writer.id.as_str(),
                    body,
                    idea,
                    at,
                    hidden,
                ]);
                if !followers.contains(&writer.id.as_str()) {
                    followers.push(writer.id.as_str());
                    self.followers
                        .add(row![id.as_str(), writer.id.as_str(), at]);
                }
            }
            self.followers
                .add(row![id.as_str(), author.id.as_str(), created]);
            self.conversations.add(row![
                id.as_str(),
                city.places[area].id.as_str(),
                topic,
                title,
                author.id.as_str(),
                created,
                at,
            ]);
            for post in posts {
                self.posts.add(post);
            }
        }
        // Threads first: posts and followers refer to them.
        self.conversations.write(conn).await?;
        self.posts.write(conn).await?;
        self.followers.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("conversations", self.conversations.count()),
            ("conversation_posts", self.posts.count()),
            ("conversation_followers", self.followers.count()),
        ]
    }
}
