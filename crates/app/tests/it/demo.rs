use crate::support::{TestApp, body, count};

#[tokio::test]
async fn the_demo_is_a_small_city_and_loading_it_again_changes_nothing() {
    let app = TestApp::with_demo().await;
    let tally = |sql: &'static str| count(&app.db, sql);
    let before = (
        tally("SELECT COUNT(*) AS n FROM areas WHERE kind = 'district'").await,
        tally("SELECT COUNT(*) AS n FROM areas WHERE kind = 'neighbourhood'").await,
        tally("SELECT COUNT(*) AS n FROM users").await,
        tally("SELECT COUNT(*) AS n FROM organisations").await,
        tally("SELECT COUNT(*) AS n FROM memberships").await,
        tally("SELECT COUNT(*) AS n FROM area_roles").await,
    );
    assert_eq!((before.0, before.1, before.2, before.3), (2, 6, 40, 11));
    assert!(
        tally(
            "SELECT COUNT(*) AS n FROM area_roles WHERE role = 'resident' AND verified_at IS NULL"
        )
        .await
            >= 5,
        "some residents await verification"
    );

    squaremile::demo::load(&app.db)
        .await
        .expect("loading the demo again");
    let after = (
        tally("SELECT COUNT(*) AS n FROM areas WHERE kind = 'district'").await,
        tally("SELECT COUNT(*) AS n FROM areas WHERE kind = 'neighbourhood'").await,
        tally("SELECT COUNT(*) AS n FROM users").await,
        tally("SELECT COUNT(*) AS n FROM organisations").await,
        tally("SELECT COUNT(*) AS n FROM memberships").await,
        tally("SELECT COUNT(*) AS n FROM area_roles").await,
    );
    assert_eq!(before, after);

    let official = app
        .login("tom.hughes@millbrook.example", squaremile::demo::PASSWORD)
        .await;
    let people = body(official.get("/areas/canal-quarter/people").await).await;
    assert!(people.contains("Verify Sam Whitaker"), "{people}");
}
