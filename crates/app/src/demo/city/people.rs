//! The city's people: accounts with homes spread over the neighbourhoods, joining over the
//! five years and the year before. Nobody can sign in as one of them: they share the hash
//! of a random password that is thrown away.

use std::collections::HashMap;
use std::ops::Range;

use anyhow::Context;
use sqlx::{AnyConnection, Row};

use super::rows::{Rows, row};
use super::{City, DAY, Kind, Seeded, YEAR, tagged_id};
use crate::db::Db;
use crate::demo::{FIRST_NAMES, LAST_NAMES};

/// Every generated person's email ends with this.
pub const EMAIL_DOMAIN: &str = "city.millbrook.example";

const COLUMNS: &[&str] = &[
    "id",
    "email",
    "password_hash",
    "display_name",
    "home_area_id",
    "locale",
    "is_admin",
    "created_at",
    "updated_at",
];

pub(super) struct People<'c> {
    city: &'c City,
    total: usize,
    password_hash: String,
    users: Rows,
}

impl<'c> People<'c> {
    pub async fn new(city: &'c City, total: usize) -> anyhow::Result<People<'c>> {
        let secret = crate::web::session::random_token();
        let password_hash =
            tokio::task::spawn_blocking(move || password_auth::generate_hash(secret))
                .await
                .context("hashing the city's password")?;
        Ok(People {
            city,
            total,
            password_hash,
            users: Rows::new("users", COLUMNS),
        })
    }

    /// When person `i` joined: from a year before the city's five years up to yesterday.
    fn joined(&self, i: usize, random: &mut Seeded) -> i64 {
        let city = self.city;
        City::moment(i, self.total, city.start - YEAR, city.now - DAY, random)
    }
}

impl Kind for People<'_> {
    const NAME: &'static str = "people";
    const COUNT: &'static str = count_tagged!("users");

    fn total(&self) -> usize {
        self.total
    }

    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()> {
        let mut random = self.city.random(Self::NAME, range.start);
        for i in range {
            let joined = self.joined(i, &mut random);
            let first = random.pick(&FIRST_NAMES);
            let last = random.pick(&LAST_NAMES);
            let home = *random.pick(&self.city.neighbourhoods);
            let locale = if random.below(12) == 0 { "pl" } else { "en-GB" };
            self.users.add(row![
                tagged_id(joined, &mut random),
                format!("resident{}@{EMAIL_DOMAIN}", i + 1),
                self.password_hash.as_str(),
                format!("{first} {last}"),
                self.city.places[home].id.as_str(),
                locale,
                false,
                joined,
                joined,
            ]);
        }
        self.users.write(conn).await
    }

    fn written(&self) -> Vec<(&'static str, u64)> {
        vec![("users", self.users.count())]
    }
}

/// A generated person, as the other kinds use them.
pub(super) struct Person {
    pub id: String,
    /// Index of their home in `City::places`.
    pub home: usize,
    pub joined: i64,
}

/// Everyone generated, in the order they joined.
pub(super) struct Residents {
    people: Vec<Person>,
}

/// Reads the generated people back (they may come from an earlier run).
pub(super) async fn read(db: &Db, city: &City) -> anyhow::Result<Residents> {
    let place_of: HashMap<&str, usize> = city
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let rows = sqlx::query(concat!(
        "SELECT id, home_area_id, created_at FROM users WHERE id LIKE '%",
        tag!(),
        "' ORDER BY created_at, id"
    ))
    .fetch_all(db)
    .await
    .context("reading the city's people")?;
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        let home: Option<String> = row.try_get("home_area_id")?;
        people.push(Person {
            id: row.try_get("id")?,
            home: home
                .and_then(|h| place_of.get(h.as_str()).copied())
                .unwrap_or(city.whole_city),
            joined: row.try_get("created_at")?,
        });
    }
    anyhow::ensure!(!people.is_empty(), "the city needs at least one person");
    Ok(Residents { people })
}

impl Residents {
    /// Someone who had joined by `at` (anyone, when nobody had yet).
    pub fn by(&self, at: i64, random: &mut Seeded) -> &Person {
        random.pick(self.pool(at, 1))
    }

    /// The people who had joined by `at`; everyone, when fewer than `at_least` had.
    fn pool(&self, at: i64, at_least: usize) -> &[Person] {
        let joined = self.people.partition_point(|p| p.joined <= at);
        if joined < at_least {
            &self.people
        } else {
            &self.people[..joined]
        }
    }

    /// Up to `wanted` different people who had joined by `at`, none of them `except`.
    pub fn several_by(
        &self,
        at: i64,
        wanted: usize,
        except: Option<&str>,
        random: &mut Seeded,
    ) -> Vec<&Person> {
        let pool = self.pool(at, wanted * 2 + 2);
        let mut chosen: Vec<&Person> = Vec::with_capacity(wanted);
        // A few tries per place: the pool is usually far larger than what is wanted.
        for _ in 0..wanted * 8 + 16 {
            if chosen.len() == wanted {
                break;
            }
            let person = random.pick(pool);
            if Some(person.id.as_str()) != except && !chosen.iter().any(|c| c.id == person.id) {
                chosen.push(person);
            }
        }
        chosen
    }
}
