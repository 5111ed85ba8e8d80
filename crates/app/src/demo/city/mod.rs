//! A city's worth of years in Millbrook (`squaremile demo --scale city`): at full volume
//! 150,000 people, a million reports with their updates and followers, offers and asks,
//! events with RSVPs, conversations and stories, spread over five years up to now, to measure
//! every page at the volume of a real city (issue 27).
//!
//! Everything is made up from a seed, written with multi-row INSERTs in transactions of
//! `Volumes::chunk` rows. Generated rows are recognised by their ids: UUIDv7s from the row's
//! own time whose last twelve hex digits are [`TAG`]. A kind whose rows are all there is
//! left alone ("already loaded"); a load cut short goes on from the last committed chunk.
//! Reports are plain INSERTs, so the triggers that keep the map cells and the tallies see
//! every one of them.

use std::ops::Range;
use std::time::Instant;

use anyhow::Context;
use places::AreaIndex;
use sqlx::{AnyConnection, Row};

use crate::areas::store::{self as areas, AreaKind};
use crate::db::{Db, begin, now_ms};

// Defined before the submodules, which use them.
/// The last twelve hex digits of every generated id.
macro_rules! tag {
    () => {
        "c17e5ca1e027"
    };
}

/// Counts a table's generated rows.
macro_rules! count_tagged {
    ($table:literal) => {
        concat!(
            "SELECT COUNT(*) FROM ",
            $table,
            " WHERE id LIKE '%",
            tag!(),
            "'"
        )
    };
}

mod conversations;
mod events;
mod offers;
mod people;
mod reports;
mod rows;
mod stories;

pub use people::EMAIL_DOMAIN;

pub const TAG: &str = tag!();
const TAG_BYTES: [u8; 6] = [0xc1, 0x7e, 0x5c, 0xa1, 0xe0, 0x27];

const MINUTE: i64 = 60_000;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 86_400_000;
const YEAR: i64 = 365 * DAY;

/// How much to make. Each kind's rows are written `chunk` at a time, one transaction each.
#[derive(Clone, Debug)]
pub struct Volumes {
    pub people: usize,
    pub reports: usize,
    /// Every report's author follows it; the rest are other people following or affected.
    pub report_followers: usize,
    pub offers_and_asks: usize,
    pub events: usize,
    pub rsvps: usize,
    pub conversations: usize,
    pub conversation_posts: usize,
    pub stories: usize,
    pub chunk: usize,
}

impl Volumes {
    /// A city: what `squaremile demo --scale city` loads.
    pub const CITY: Volumes = Volumes {
        people: 150_000,
        reports: 1_000_000,
        report_followers: 1_200_000,
        offers_and_asks: 200_000,
        events: 20_000,
        rsvps: 232_000,
        conversations: 5_000,
        conversation_posts: 100_000,
        stories: 50_000,
        chunk: 20_000,
    };
}

/// The seed the command line uses.
pub const SEED: u64 = 20_271_027;

/// What one kind's load did.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub kind: &'static str,
    /// Rows per table: added now, or found when already loaded.
    pub rows: Vec<(&'static str, u64)>,
    pub seconds: f64,
    pub already: bool,
}

/// Loads the city into a database that holds the demo (`demo::load` first). Idempotent.
pub async fn load(db: &Db, volumes: &Volumes, seed: u64) -> anyhow::Result<Vec<Loaded>> {
    anyhow::ensure!(volumes.chunk > 0, "a chunk of at least one row");
    let city = City::read(db, seed).await?;
    let mut loaded = Vec::new();
    let mut users = people::People::new(&city, volumes.people).await?;
    loaded.push(load_kind(db, &mut users, volumes.chunk).await?);
    let people = people::read(db, &city).await?;
    let mut kind = reports::Reports::new(db, &city, &people, volumes).await?;
    loaded.push(load_kind(db, &mut kind, volumes.chunk).await?);
    let mut kind = offers::OffersAndAsks::new(db, &city, &people, volumes).await?;
    loaded.push(load_kind(db, &mut kind, volumes.chunk).await?);
    let mut kind = events::Events::new(&city, &people, volumes)?;
    loaded.push(load_kind(db, &mut kind, volumes.chunk).await?);
    let mut kind = conversations::Conversations::new(&city, &people, volumes)?;
    loaded.push(load_kind(db, &mut kind, volumes.chunk).await?);
    let mut kind = stories::Stories::new(db, &city, &people, volumes).await?;
    loaded.push(load_kind(db, &mut kind, volumes.chunk).await?);
    Ok(loaded)
}

/// One kind of generated row (with the rows that hang from it, written in its transactions).
pub(super) trait Kind {
    /// Its name in progress lines and the summary.
    const NAME: &'static str;
    /// Counts its main table's generated rows (`count_tagged!`).
    const COUNT: &'static str;
    /// How many rows of the main table to make.
    fn total(&self) -> usize;
    /// Adds rows `range` of the main table (and their dependants) on `conn`. A row's content
    /// depends only on the seed and its number, so a load can go on where one stopped.
    async fn write(&mut self, conn: &mut AnyConnection, range: Range<usize>) -> anyhow::Result<()>;
    /// Rows added so far, per table.
    fn written(&self) -> Vec<(&'static str, u64)>;
}

async fn load_kind<K: Kind>(db: &Db, kind: &mut K, chunk: usize) -> anyhow::Result<Loaded> {
    let started = Instant::now();
    let total = kind.total();
    let done = count(db, K::COUNT).await?;
    if done >= total {
        tracing::info!("{}: already loaded ({done} rows)", K::NAME);
        return Ok(Loaded {
            kind: K::NAME,
            rows: vec![(K::NAME, done as u64)],
            seconds: started.elapsed().as_secs_f64(),
            already: true,
        });
    }
    // Chunks commit whole, so a load cut short leaves a multiple of the chunk.
    anyhow::ensure!(
        done % chunk == 0,
        "{}: {done} rows from an earlier load with another chunk size",
        K::NAME
    );
    for first in (done..total).step_by(chunk) {
        let range = first..(first + chunk).min(total);
        let end = range.end;
        let mut tx = begin(db).await.context("starting a chunk")?;
        kind.write(&mut tx, range).await?;
        tx.commit().await.context("committing a chunk")?;
        tracing::info!(
            "{}: {end} of {total} ({:.0} s)",
            K::NAME,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Loaded {
        kind: K::NAME,
        rows: kind.written(),
        seconds: started.elapsed().as_secs_f64(),
        already: false,
    })
}

async fn count(db: &Db, sql: &'static str) -> anyhow::Result<usize> {
    let n: i64 = sqlx::query_scalar(sql)
        .fetch_one(db)
        .await
        .with_context(|| format!("counting: {sql}"))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// One of Millbrook's areas.
pub(super) struct Place {
    pub id: String,
    pub name: String,
}

/// What every kind needs to know about the city and the time.
pub(super) struct City {
    pub seed: u64,
    pub now: i64,
    /// Five years before now: where the city's history starts.
    pub start: i64,
    pub places: Vec<Place>,
    /// Indexes into `places`, by kind of area.
    pub neighbourhoods: Vec<usize>,
    pub districts: Vec<usize>,
    pub whole_city: usize,
    index: AreaIndex,
}

impl City {
    async fn read(db: &Db, seed: u64) -> anyhow::Result<City> {
        let millbrook = areas::find_by_slug(db, "millbrook")
            .await?
            .context("the demo city Millbrook is missing: load the demo first")?;
        let mut all = vec![millbrook.clone()];
        for district in areas::children(db, &millbrook.id).await? {
            let hoods = areas::children(db, &district.id).await?;
            all.push(district);
            all.extend(hoods);
        }
        let mut shapes = Vec::new();
        for area in &all {
            let shape = crate::areas::places::boundary(db, &area.id)
                .await?
                .with_context(|| format!("{} has no boundary", area.slug))?;
            shapes.push((area.id.clone(), area.parent_id.clone(), shape));
        }
        let of_kind = |kind: AreaKind| -> Vec<usize> {
            (0..all.len()).filter(|&i| all[i].kind == kind).collect()
        };
        let neighbourhoods = of_kind(AreaKind::Neighbourhood);
        let districts = of_kind(AreaKind::District);
        anyhow::ensure!(
            !neighbourhoods.is_empty(),
            "Millbrook has no neighbourhoods"
        );
        let now = now_ms();
        Ok(City {
            seed,
            now,
            start: now - 5 * YEAR,
            neighbourhoods,
            districts,
            whole_city: 0,
            places: all
                .into_iter()
                .map(|a| Place {
                    id: a.id,
                    name: a.name,
                })
                .collect(),
            index: AreaIndex::build(shapes),
        })
    }

    /// A random generator for one chunk of one kind: the same seed, kind and chunk always
    /// draw the same numbers.
    pub fn random(&self, kind: &str, first_row: usize) -> Seeded {
        let stream = kind.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Seeded::new(self.seed ^ stream ^ (first_row as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Mostly a neighbourhood, sometimes a district, now and then the whole city.
    pub fn area(&self, random: &mut Seeded) -> usize {
        match random.below(100) {
            0..=1 => self.whole_city,
            2..=5 if !self.districts.is_empty() => *random.pick(&self.districts),
            _ => *random.pick(&self.neighbourhoods),
        }
    }

    /// A point inside the area's boundary (rounded to about a metre).
    pub fn point_in(&self, area: usize, random: &mut Seeded) -> Option<(f64, f64)> {
        super::places::point_drawn(&self.index, &self.places[area].id, || random.unit())
    }

    /// The time of row `i` of `total` spread evenly from `from` to `until`, with a little
    /// jitter, so rows come in time order (indexes on time grow at their end).
    pub fn moment(i: usize, total: usize, from: i64, until: i64, random: &mut Seeded) -> i64 {
        let span = (until - from).max(1) as i128;
        let step = (span / total.max(1) as i128).max(1) as i64;
        let at = from + (span * i as i128 / total.max(1) as i128) as i64;
        (at + random.between(0, step)).min(until)
    }
}

/// A generated id: a UUIDv7 of the row's time whose last six bytes are the tag.
pub(super) fn tagged_id(at_ms: i64, random: &mut Seeded) -> String {
    let mut bytes = [0u8; 10];
    bytes[..4].copy_from_slice(&random.next_u64().to_le_bytes()[..4]);
    bytes[4..].copy_from_slice(&TAG_BYTES);
    uuid::Builder::from_unix_timestamp_millis(at_ms.max(0) as u64, &bytes)
        .into_uuid()
        .to_string()
}

/// SplitMix64: small, fast and the same on every machine.
pub(super) struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in [low, high).
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        low + (self.next_u64() % (high - low) as u64) as i64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

/// Shares `total` among items in proportion to their weights, exactly (the shares add up
/// to `total`): item i gets the rounding of the running sum's growth.
pub(super) fn shares(weights: &[f64], total: usize) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let mut running = 0.0;
    let mut given = 0usize;
    weights
        .iter()
        .map(|w| {
            running += w;
            let upto = if sum > 0.0 {
                ((running / sum) * total as f64).round() as usize
            } else {
                0
            };
            let upto = upto.min(total).max(given);
            let share = upto - given;
            given = upto;
            share
        })
        .collect()
}

/// Checks the aggregates the triggers keep: the status tallies add up to the shown reports,
/// and the finest map cells to the shown reports with a place. Returns (shown, placed).
pub async fn check_aggregates(db: &Db) -> anyhow::Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT \
         (SELECT COUNT(*) FROM reports WHERE hidden_reason = '') AS shown, \
         (SELECT COUNT(*) FROM reports WHERE hidden_reason = '' AND latitude IS NOT NULL \
            AND longitude IS NOT NULL) AS placed, \
         (SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM report_tallies \
            WHERE measure LIKE 'status:%') AS tallied, \
         (SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM report_cells WHERE level = 21) AS celled",
    )
    .fetch_one(db)
    .await
    .context("reading the report aggregates")?;
    let shown: i64 = row.try_get("shown")?;
    let placed: i64 = row.try_get("placed")?;
    let tallied: i64 = row.try_get("tallied")?;
    let celled: i64 = row.try_get("celled")?;
    anyhow::ensure!(
        tallied == shown,
        "the status tallies count {tallied} reports, but {shown} are shown"
    );
    anyhow::ensure!(
        celled == placed,
        "the finest map cells count {celled} reports, but {placed} shown ones have a place"
    );
    Ok((shown, placed))
}
