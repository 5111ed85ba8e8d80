//! Ballot secrecy against someone holding the database files (issue 26): they try to link
//! voters to ballots through PostgreSQL's transaction ids (`xmin`) and row positions (`ctid`),
//! through the order rows are stored in, and through SQLite's WAL, and must learn nothing
//! finer than a batch of at least `seal::BATCH` ballots.

use std::collections::{BTreeMap, HashMap};

use squaremile::budgets::seal::{BATCH, BallotSeal};
use squaremile::budgets::store::{self, SealedBallot, Voter};
use squaremile::db::Db;
use squaremile::web::session::hash_token;

use crate::support::{TestDb, voting_process};

/// Voters cast one after another: three batches leave the seal (10 and 10 while voting,
/// 15 at the close).
const VOTERS: usize = 35;

/// The voter's key as `pb_voters` stores it, and their ballot's receipt hash (what
/// `pb_ballots` stores), for voter `n` in the order they voted.
fn voter(n: usize) -> (String, String) {
    (
        format!("v{n:03}"),
        hash_token(&format!("receipt of voter {n}")),
    )
}

async fn cast_all(pool: &Db, seal: &BallotSeal, process: &str) {
    for n in 0..VOTERS {
        let (user, receipt_hash) = voter(n);
        let ballot = SealedBallot {
            public_id: receipt_hash[..12].to_string(),
            receipt_hash,
            vote: ((n % 3) + 1).to_string(),
            points: String::new(),
            // What casting stores for a voter who may change the ballot (no receipt here).
            change_hash: Some(squaremile::web::session::random_token()),
        };
        store::cast(pool, seal, process, &Voter::User(user), &ballot)
            .await
            .unwrap();
    }
}

/// Which voter (by the order they voted) cast each ballot, for ballots listed by receipt hash.
fn truth() -> HashMap<String, usize> {
    (0..VOTERS).map(|n| (voter(n).1, n)).collect()
}

/// The share of ballots an attacker places correctly by pairing the k-th ballot stored with
/// the k-th voter: what storing ballots in casting order would give away entirely.
fn paired_by_order(ballots_in_stored_order: &[String]) -> usize {
    let truth = truth();
    ballots_in_stored_order
        .iter()
        .enumerate()
        .filter(|(k, hash)| truth[*hash] == *k)
        .count()
}

#[tokio::test]
async fn sealed_ballots_say_nothing_and_leave_in_shuffled_batches() {
    let test_db = TestDb::new().await;
    let pool = squaremile::db::open(&test_db.url).await.unwrap();
    let seal = BallotSeal::random();
    let (process, _) = voting_process(&pool, 0).await;
    cast_all(&pool, &seal, &process).await;

    // While voting: two batches have left the seal; the rest wait sealed, all alike.
    let in_box: Vec<String> =
        sqlx::query_scalar("SELECT receipt_hash FROM pb_ballots WHERE process_id = $1")
            .bind(&process)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(in_box.len(), 2 * BATCH);
    let sealed: Vec<String> =
        sqlx::query_scalar("SELECT sealed FROM pb_sealed_ballots WHERE process_id = $1")
            .bind(&process)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(sealed.len(), VOTERS - 2 * BATCH);
    let truth = truth();
    for blob in &sealed {
        assert_eq!(
            blob.len(),
            sealed[0].len(),
            "sealed ballots differ in length"
        );
        assert!(
            !truth.keys().any(|hash| blob.contains(&hash[..12])),
            "a sealed ballot shows its receipt"
        );
    }
    // Without the key the lookup column matches no receipt hash.
    let lookups: Vec<String> =
        sqlx::query_scalar("SELECT lookup FROM pb_sealed_ballots WHERE process_id = $1")
            .bind(&process)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert!(lookups.iter().all(|l| !truth.contains_key(l)));
    // The voter's table keeps no time.
    let voter_columns: Vec<String> = if test_db.is_postgres() {
        sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'pb_voters'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        sqlx::query_scalar("SELECT name FROM pragma_table_info('pb_voters')")
            .fetch_all(&pool)
            .await
            .unwrap()
    };
    assert!(
        voter_columns
            .iter()
            .all(|c| !c.contains("_at") && !c.contains("time")),
        "{voter_columns:?}"
    );

    assert!(
        store::close_voting::<()>(&pool, &seal, &process, None, "tester")
            .await
            .unwrap()
    );
    let (voters, ballots) = store::turnout(&pool, &process).await.unwrap();
    assert_eq!((voters, ballots), (VOTERS as i64, VOTERS as i64));
    let counted = store::ballots(&pool, &process).await.unwrap();
    assert_eq!(counted.len(), VOTERS, "every ballot reaches the count");

    if test_db.is_postgres() {
        postgres_attacks(&pool).await;
    } else {
        let path = test_db.url.trim_start_matches("sqlite:").to_string();
        sqlite_order_attack(&pool).await;
        wal_attack(&path);
    }
}

/// PostgreSQL: every row carries the id of the transaction that wrote it (`xmin`) and its
/// position (`ctid`, in the order rows were written).
async fn postgres_attacks(pool: &Db) {
    // The voter and the ballot were never written by one transaction.
    let joined: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pb_voters v JOIN pb_ballots b \
         ON b.xmin::text = v.xmin::text AND b.process_id = v.process_id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(joined, 0, "a voter shares a transaction with a ballot");
    // Each transaction that wrote ballots wrote at least a batch of them.
    let batches: Vec<i64> =
        sqlx::query_scalar("SELECT COUNT(*) FROM pb_ballots GROUP BY xmin::text ORDER BY COUNT(*)")
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(batches.len(), 3, "{batches:?}");
    assert!(batches.iter().all(|&n| n as usize >= BATCH), "{batches:?}");
    assert_eq!(batches.iter().sum::<i64>() as usize, VOTERS);
    // Pairing ballots with voters by their position in the table.
    let by_position: Vec<String> =
        sqlx::query_scalar("SELECT receipt_hash FROM pb_ballots ORDER BY ctid")
            .fetch_all(pool)
            .await
            .unwrap();
    let voters_by_position: Vec<String> =
        sqlx::query_scalar("SELECT voter_key FROM pb_voters ORDER BY ctid")
            .fetch_all(pool)
            .await
            .unwrap();
    let in_cast_order: Vec<String> = (0..VOTERS)
        .map(|n| format!("user:{}", voter(n).0))
        .collect();
    assert_eq!(
        voters_by_position, in_cast_order,
        "the attacker knows the order of voting"
    );
    assert_order_says_little(&by_position);
}

/// SQLite: the ballot table is kept in the order of its key (WITHOUT ROWID), which is the
/// order a reader of the file walks it in.
async fn sqlite_order_attack(pool: &Db) {
    let by_position: Vec<String> =
        sqlx::query_scalar("SELECT receipt_hash FROM pb_ballots ORDER BY receipt_hash")
            .fetch_all(pool)
            .await
            .unwrap();
    assert_order_says_little(&by_position);
}

/// Shuffled within batches, the order pairing gets about one ballot per batch right by
/// chance (three here); written in casting order it would get all 35. Over 17 right would
/// happen by chance with a probability far below one in a billion.
fn assert_order_says_little(by_position: &[String]) {
    assert_eq!(by_position.len(), VOTERS);
    let right = paired_by_order(by_position);
    assert!(
        right <= VOTERS / 2,
        "pairing by storage order places {right} of {VOTERS} ballots"
    );
}

/// SQLite's write-ahead log holds each commit's pages in turn. For each commit, the attacker
/// sees which voters and which ballots (receipt hashes) appear for the first time.
fn wal_attack(db_path: &str) {
    let wal = std::fs::read(format!("{db_path}-wal")).expect("the WAL file");
    let commits = wal_commits(&wal);
    assert!(!commits.is_empty());
    let truth = truth();
    let mut seen_voters: BTreeMap<String, usize> = BTreeMap::new();
    let mut seen_ballots: BTreeMap<String, usize> = BTreeMap::new();
    for (at, pages) in commits.iter().enumerate() {
        for n in 0..VOTERS {
            let (user, hash) = voter(n);
            let key = format!("user:{user}");
            if contains(pages, key.as_bytes()) {
                seen_voters.entry(key).or_insert(at);
            }
            if contains(pages, hash.as_bytes()) {
                seen_ballots.entry(hash).or_insert(at);
            }
        }
    }
    assert_eq!(seen_voters.len(), VOTERS, "every voter is in the WAL");
    assert_eq!(seen_ballots.len(), VOTERS, "every ballot is in the WAL");
    let mut per_commit: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (hash, at) in &seen_ballots {
        per_commit.entry(*at).or_default().push(truth[hash]);
    }
    for (at, ballots) in &per_commit {
        assert!(
            ballots.len() >= BATCH,
            "commit {at} shows only {} new ballots",
            ballots.len()
        );
        assert!(
            !seen_voters.values().any(|v| v == at),
            "commit {at} shows a voter and ballots together"
        );
    }
}

/// The WAL's frames grouped by commit: 32-byte header, then frames of a 24-byte header and
/// one page; a frame whose "database size" field is not zero ends a commit. Frames from an
/// older generation of the log (another salt) are not part of it.
fn wal_commits(wal: &[u8]) -> Vec<Vec<u8>> {
    let be32 = |at: usize| u32::from_be_bytes(wal[at..at + 4].try_into().unwrap());
    let page_size = be32(8) as usize;
    let salt = &wal[16..24];
    let mut commits = Vec::new();
    let mut current = Vec::new();
    let mut at = 32;
    while at + 24 + page_size <= wal.len() {
        if &wal[at + 8..at + 16] != salt {
            break;
        }
        current.extend_from_slice(&wal[at + 24..at + 24 + page_size]);
        if be32(at + 4) != 0 {
            commits.push(std::mem::take(&mut current));
        }
        at += 24 + page_size;
    }
    commits
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
