//! Offers and asks of help, written as `squaremile offers generate` writes them (the same
//! made-up posts from the skill cards), by the city's people in their own neighbourhoods.

use std::ops::Range;

use sqlx::AnyConnection;

use super::people::Residents;
use super::rows::{Rows, row};
use super::{City, DAY, HOUR, Kind, Volumes, tagged_id};
use crate::db::Db;
use crate::help::generate::{Lcg, made_up_post};
use crate::help::store::PostStatus;

const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "area_id",
    "card_code",
    "title",
    "body",
    "timing",
    "days",
    "status",
    "visibility",
    "owner_id",
    "created_at",
    "updated_at",
];

pub(super) struct OffersAndAsks<'c> {
    city: &'c City,
    people: &'c Residents,
    total: usize,
    /// (code, name) of every active skill card.
    cards: Vec<(String, String)>,
    posts: Rows,
}

impl<'c> OffersAndAsks<'c> {
    pub async fn new(
        db: &Db,
        city: &'c City,
        people: &'c Residents,
        volumes: &Volumes,
    ) -> anyhow::Result<OffersAndAsks<'c>> {
        let cards = crate::help::generate::cards(db).await?;
        anyhow::ensure!(
            !cards.is_empty(),
            "no skill cards to make offers and asks from"
        );
        Ok(OffersAndAsks {
            city,
            people,
            total: volumes.offers_and_asks,
            cards,
            posts: Rows::new("help_posts", COLUMNS),
        })
    }
}

impl Kind for OffersAndAsks<'_> {
    const NAME: &'static str = "offers and asks";
    // The change numbers search follows are given by the table's trigger, as for any insert.
    const COUNT: &'static str = count_tagged!("help_posts");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let (city, people) = (self.city, self.people);
        let mut random = city.random(Self::NAME, range.start);
        let mut words = Lcg(random.next_u64());
        for i in range {
            let created = City::moment(i, self.total, city.start, city.now - HOUR, &mut random);
            let owner = people.by(created, &mut random);
            let post = made_up_post(&mut words, &self.cards);
            let updated = if post.status == PostStatus::Open {
                created
            } else {
                (created + random.between(DAY, 30 * DAY)).min(city.now)
            };
            self.posts.add(row![
                tagged_id(created, &mut random),
                post.kind.as_str(),
                city.places[owner.home].id.as_str(),
                post.card_code,
                post.title,
                post.body,
                post.timing,
                post.days,
                post.status.as_str(),
                post.visibility.as_str(),
                owner.id.as_str(),
                created,
                updated,
            ]);
        }
        self.posts.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![("help_posts", self.posts.count())]
    }
}
