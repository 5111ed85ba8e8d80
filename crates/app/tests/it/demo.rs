use squaremile::db::Db;

use crate::support::{TestApp, body, count};

/// (districts, neighbourhoods, users, organisations, memberships, area roles)
async fn tally(db: &Db) -> (i64, i64, i64, i64, i64, i64) {
    (
        count(
            db,
            "SELECT COUNT(*) AS n FROM areas WHERE kind = 'district'",
        )
        .await,
        count(
            db,
            "SELECT COUNT(*) AS n FROM areas WHERE kind = 'neighbourhood'",
        )
        .await,
        count(db, "SELECT COUNT(*) AS n FROM users").await,
        count(db, "SELECT COUNT(*) AS n FROM organisations").await,
        count(db, "SELECT COUNT(*) AS n FROM memberships").await,
        count(db, "SELECT COUNT(*) AS n FROM area_roles").await,
    )
}

#[tokio::test]
async fn the_demo_is_a_small_city_and_loading_it_again_changes_nothing() {
    let app = TestApp::with_demo().await;
    let before = tally(&app.db).await;
    assert_eq!((before.0, before.1, before.2, before.3), (2, 6, 40, 11));
    let waiting = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM area_roles WHERE role = 'resident' AND verified_at IS NULL",
    )
    .await;
    assert!(waiting >= 5, "some residents await verification");

    squaremile::demo::load(&app.db)
        .await
        .expect("loading the demo again");
    assert_eq!(before, tally(&app.db).await);

    let official = app
        .login("tom.hughes@millbrook.example", squaremile::demo::PASSWORD)
        .await;
    let people = body(official.get("/areas/canal-quarter/people").await).await;
    assert!(people.contains("Verify Sam Whitaker"), "{people}");
}
