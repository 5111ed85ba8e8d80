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

    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading the demo again");
    assert_eq!(before, tally(&app.db).await);

    let official = app
        .login("tom.hughes@millbrook.example", squaremile::demo::PASSWORD)
        .await;
    let people = body(official.get("/areas/canal-quarter/people").await).await;
    assert!(people.contains("Verify Sam Whitaker"), "{people}");
}

#[tokio::test]
async fn the_demo_has_a_published_jury_and_one_taking_volunteers() {
    let app = TestApp::with_demo().await;
    let volunteers = "SELECT COUNT(*) AS n FROM jury_volunteers";
    let on_panel = "SELECT COUNT(*) AS n FROM jury_volunteers WHERE status = 'selected'";
    assert_eq!(count(&app.db, volunteers).await, 170);
    assert_eq!(count(&app.db, on_panel).await, 20);
    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading the demo again");
    assert_eq!(count(&app.db, volunteers).await, 170);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_draws").await,
        2
    );

    let page = body(app.client().get("/juries/streets-for-people").await).await;
    assert!(page.contains("140 people volunteered"), "{page}");
    assert!(page.contains("20261016"), "the seed is published");
    assert!(!page.contains("outside the quota"), "{page}");
    let open = body(app.client().get("/juries/market-hall-assembly").await).await;
    assert!(open.contains("Volunteers can register"), "{open}");
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM jury_letter_codes WHERE area IS NOT NULL"
        )
        .await,
        60,
        "letters to 60 addresses, once"
    );
}

#[tokio::test]
async fn the_demo_has_two_rounds_of_network_mapping_and_the_second_is_better_woven() {
    let app = TestApp::with_demo().await;
    let respondents = "SELECT COUNT(*) AS n FROM mapping_nodes n JOIN mapping_exercises e \
        ON e.id = n.exercise_id WHERE e.slug = 'who-makes-millbrook-work' AND n.responded_at IS NOT NULL";
    assert!(count(&app.db, respondents).await >= 150);
    let map = body(
        app.client()
            .get("/mapping/who-makes-millbrook-work/map")
            .await,
    )
    .await;
    assert!(map.contains("<svg"), "the map is drawn");
    assert!(map.contains("Amara Okafor"));
    let insights = body(
        app.client()
            .get("/mapping/who-makes-millbrook-work/insights")
            .await,
    )
    .await;
    let connectors = insights.split("Connectors</h2>").nth(1).unwrap();
    let connectors = connectors.split("</ol>").next().unwrap();
    assert!(
        [
            "Amara Okafor",
            "Edith Marsh",
            "Aisha Hussain",
            "Winston Campbell",
            "Council"
        ]
        .iter()
        .any(|c| connectors.contains(c)),
        "{connectors}"
    );
    let compare = body(
        app.client()
            .get("/mapping/who-makes-millbrook-work/compare")
            .await,
    )
    .await;
    assert!(
        compare.contains("Round</th>") && compare.contains(">2</a>"),
        "{compare}"
    );
}

#[tokio::test]
async fn the_demo_has_an_asset_map_a_finished_skills_game_and_offers_and_asks_with_matches() {
    let app = TestApp::with_demo().await;
    let tally = |db: Db| async move {
        (
            count(&db, "SELECT COUNT(*) AS n FROM assets").await,
            count(&db, "SELECT COUNT(*) AS n FROM game_answers").await,
            count(&db, "SELECT COUNT(*) AS n FROM help_posts").await,
            count(&db, "SELECT COUNT(*) AS n FROM help_matches").await,
        )
    };
    let before = tally(app.db.clone()).await;
    assert_eq!(before.1, 300, "three tables answered all 100 cards");
    assert!(
        before.0 >= 30 && before.2 >= 15 && before.3 >= 3,
        "{before:?}"
    );
    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading the demo again");
    assert_eq!(
        before,
        tally(app.db.clone()).await,
        "loading again adds nothing"
    );

    let visitor = app.client();
    let map = body(visitor.get("/areas/riverside/assets").await).await;
    assert!(map.contains("Bikes mended in my workshop"), "{map}");
    assert!(
        !map.contains("A Transit van"),
        "residents-only items stay hidden"
    );
    let game = body(visitor.get("/skills-game/brook-fields-skills-night").await).await;
    assert!(game.contains("Together you can do"), "{game}");
    assert!(game.contains("card="), "the session found gaps");
    let brakes = body(visitor.get("/help?q=brakes").await).await;
    assert!(brakes.contains("brakes squeal"), "{brakes}");
    let project = body(visitor.get("/projects/brook-fields-food-bank-van").await).await;
    assert!(
        project.contains("A van on Friday mornings") && project.contains("six volunteer drivers")
    );
    // Marek was thanked with an hour of time credit.
    let marek = app
        .login(
            "marek.kowalski@millbrook.example",
            squaremile::demo::PASSWORD,
        )
        .await;
    let credits = body(marek.get("/help/credits").await).await;
    assert!(credits.contains("Your balance: +1.00 hours"), "{credits}");
}

#[tokio::test]
async fn the_demo_has_reports_in_every_state_with_answers() {
    let app = TestApp::with_demo().await;
    let states: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT status FROM reports ORDER BY status")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(
        states,
        [
            "acknowledged",
            "closed",
            "duplicate",
            "fixed",
            "in_progress",
            "open"
        ]
    );
    let before = count(&app.db, "SELECT COUNT(*) AS n FROM reports").await;
    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading the demo again");
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM reports").await,
        before,
        "loading again adds nothing"
    );
    let list = body(app.client().get("/reports").await).await;
    assert!(
        list.contains("Deep pothole outside St Anne&#39;s hall"),
        "{list}"
    );
    let record = body(
        app.client()
            .get("/organisations/millbrook-highways/reports")
            .await,
    )
    .await;
    assert!(record.contains("Median time to fix"));
    // Fixed after 9 days (the pothole) and 5 days (the graffiti): a median of 7.
    assert!(record.contains("7 days"), "{record}");
    let duplicate: Option<String> =
        sqlx::query_scalar("SELECT duplicate_of FROM reports WHERE status = 'duplicate'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(
        duplicate.is_some(),
        "the duplicate points at the first report"
    );

    // Stories: published ones with responses, one waiting for a moderator.
    let stories = body(app.client().get("/stories").await).await;
    assert!(
        stories.contains("Three visits to fix one boiler"),
        "{stories}"
    );
    assert!(
        !stories.contains("Lift at Brook House"),
        "pending stays hidden"
    );
    let answered = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM stories WHERE response <> '' AND status = 'published'",
    )
    .await;
    // Three about organisations' services, one about a micro-provider (Grace).
    assert_eq!(answered, 4);

    // Representatives with answered questions, and some still waiting.
    let representatives = body(app.client().get("/representatives").await).await;
    assert!(representatives.contains("Councillor for Riverside ward"));
    let waiting = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM rep_questions WHERE answered_at IS NULL",
    )
    .await;
    let answered = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM rep_questions WHERE answered_at IS NOT NULL",
    )
    .await;
    assert_eq!((answered, waiting), (3, 2));

    // Conversations, one started from a report, with ideas.
    let conversations = body(app.client().get("/conversations?ideas=yes").await).await;
    assert!(conversations.contains("Making the towpath usable all year"));
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM conversations WHERE report_id IS NOT NULL"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn the_demo_has_an_open_space_now_a_full_street_tea_and_a_past_skills_night() {
    let app = TestApp::with_demo().await;
    let list = body(app.client().get("/events").await).await;
    for title in [
        "Our high street: open space",
        "Street tea on Weavers Row",
        "Towpath walk-and-talk",
    ] {
        assert!(list.contains(title), "{title}");
    }
    assert!(
        !list.contains("Skills night at Brook Fields"),
        "past events are apart"
    );
    let past = body(app.client().get("/events?past=yes").await).await;
    assert!(past.contains("Skills night at Brook Fields"));

    let open_space = body(app.client().get("/events/our-high-street-open-space").await).await;
    assert!(open_space.contains("Empty shops: a pop-up rota for local makers"));
    assert!(open_space.contains("Six units stand empty"));
    let tea = body(app.client().get("/events/street-tea-on-weavers-row").await).await;
    assert!(
        tea.contains("No places left") && tea.contains("2 people waiting"),
        "{tea}"
    );
    let night = body(
        app.client()
            .get("/events/skills-night-at-brook-fields")
            .await,
    )
    .await;
    assert!(night.contains("href=\"/skills-game/brook-fields-skills-night\""));
    let method = body(app.client().get("/methods/skills-game").await).await;
    assert!(method.contains("<a href=\"/events/skills-night-at-brook-fields\">"));

    let events_before = count(&app.db, "SELECT COUNT(*) AS n FROM events").await;
    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading again");
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM events").await,
        events_before
    );
}
