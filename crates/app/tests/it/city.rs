//! The city-scale demo (`squaremile demo --scale city`) through the same loader at a small
//! volume: every kind gets exactly what was asked, reports are placed inside their areas and
//! follow a plausible course, the aggregates the triggers keep agree, and loading again adds
//! nothing.

use squaremile::db::Db;
use squaremile::demo::city::{self, Volumes};

use crate::support::{TestApp, count};

/// Small, but with chunks smaller than most kinds, so a kind takes several transactions.
const SMALL: Volumes = Volumes {
    people: 80,
    reports: 300,
    report_followers: 420,
    offers_and_asks: 60,
    events: 12,
    rsvps: 100,
    conversations: 6,
    conversation_posts: 45,
    stories: 30,
    chunk: 70,
};

/// Generated ids end with the tag; these count each table's generated rows.
macro_rules! generated {
    ($table:literal) => {
        concat!(
            "SELECT COUNT(*) AS n FROM ",
            $table,
            " WHERE id LIKE '%c17e5ca1e027'"
        )
    };
}

/// Rows per table: (generated users, reports, report updates, help posts, events,
/// conversations, conversation posts, stories, all report followers, all RSVPs).
async fn tally(db: &Db) -> [i64; 10] {
    [
        count(db, generated!("users")).await,
        count(db, generated!("reports")).await,
        count(db, generated!("report_updates")).await,
        count(db, generated!("help_posts")).await,
        count(db, generated!("events")).await,
        count(db, generated!("conversations")).await,
        count(db, generated!("conversation_posts")).await,
        count(db, generated!("stories")).await,
        count(db, "SELECT COUNT(*) AS n FROM report_followers").await,
        count(db, "SELECT COUNT(*) AS n FROM event_rsvps").await,
    ]
}

#[tokio::test]
async fn the_city_loader_makes_what_it_is_asked_and_loading_again_adds_nothing() {
    assert!(generated!("users").contains(city::TAG));
    let app = TestApp::with_demo().await;
    let before = tally(&app.db).await;
    let loaded = city::load(&app.db, &SMALL, 7)
        .await
        .expect("loading the city");
    assert!(loaded.iter().all(|k| !k.already), "{loaded:?}");
    let after = tally(&app.db).await;
    let added: Vec<i64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
    assert_eq!(
        [
            added[0], added[1], added[3], added[4], added[5], added[6], added[7], added[8],
            added[9]
        ],
        [80, 300, 60, 12, 6, 45, 30, 420, 100],
        "{loaded:?}"
    );

    // About a third of reports have updates, and about 40% still wait.
    let updated = count(
        &app.db,
        "SELECT COUNT(DISTINCT report_id) AS n FROM report_updates WHERE id LIKE '%c17e5ca1e027'",
    )
    .await;
    assert!(
        (60..=150).contains(&updated),
        "{updated} reports with updates"
    );
    let waiting = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM reports WHERE id LIKE '%c17e5ca1e027' \
         AND status IN ('open', 'acknowledged', 'in_progress')",
    )
    .await;
    assert!((90..=150).contains(&waiting), "{waiting} of 300 waiting");
    let out_of_course = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM reports WHERE id LIKE '%c17e5ca1e027' AND ( \
         (status = 'open' AND responded_at IS NOT NULL) \
         OR (status <> 'open' AND responded_at IS NULL) \
         OR (status = 'fixed' AND (fixed_at IS NULL OR fixed_at < responded_at)) \
         OR (status <> 'fixed' AND fixed_at IS NOT NULL) \
         OR responded_at < created_at OR updated_at < created_at)",
    )
    .await;
    assert_eq!(out_of_course, 0, "every report's course is plausible");
    // The demo routes noise only in Brook Fields; everything else goes to Highways.
    let routed = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM reports WHERE id LIKE '%c17e5ca1e027' \
         AND organisation_id IS NOT NULL",
    )
    .await;
    assert!((230..300).contains(&routed), "{routed} of 300 routed");

    // Every placed report lies inside its own area.
    let placed: Vec<(String, f64, f64)> = sqlx::query_as(
        "SELECT area_id, latitude, longitude FROM reports \
         WHERE id LIKE '%c17e5ca1e027' AND latitude IS NOT NULL",
    )
    .fetch_all(&app.db)
    .await
    .expect("placed reports");
    assert_eq!(placed.len(), 300, "every report has a place");
    for (area, lat, lon) in &placed {
        let around = squaremile::areas::places::areas_at(&app.state, *lat, *lon);
        assert!(
            around.iter().any(|a| &a.id == area),
            "{lat},{lon} is outside its area"
        );
    }

    let (shown, _) = city::check_aggregates(&app.db)
        .await
        .expect("the tallies and map cells agree with the reports");
    assert!(shown >= 300);

    let again = city::load(&app.db, &SMALL, 7)
        .await
        .expect("loading the city again");
    assert!(again.iter().all(|k| k.already), "{again:?}");
    assert_eq!(after, tally(&app.db).await, "nothing added the second time");

    // A load cut short after its fourth chunk of reports (rows 0-279) goes on from there.
    sqlx::query(
        "DELETE FROM reports WHERE id IN (SELECT id FROM reports \
         WHERE id LIKE '%c17e5ca1e027' ORDER BY created_at DESC LIMIT 20)",
    )
    .execute(&app.db)
    .await
    .expect("taking off the last chunk");
    assert_eq!(count(&app.db, generated!("reports")).await, before[1] + 280);
    let resumed = city::load(&app.db, &SMALL, 7)
        .await
        .expect("going on with the city");
    assert_eq!(
        resumed.iter().filter(|k| !k.already).count(),
        1,
        "{resumed:?}"
    );
    let [.., followers, _] = tally(&app.db).await;
    assert_eq!(count(&app.db, generated!("reports")).await, after[1]);
    assert_eq!(followers, after[8], "the last chunk's followers again");
    city::check_aggregates(&app.db)
        .await
        .expect("the aggregates followed the deletes and inserts");

    for path in [
        "/reports",
        "/organisations/millbrook-highways/reports",
        "/events?past=yes",
        "/stories",
        "/areas/canal-quarter/dashboard",
    ] {
        let response = app.client().get(path).await;
        assert_eq!(response.status(), 200, "{path}");
    }
}
