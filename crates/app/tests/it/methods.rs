//! The methods library: the twelve first recipes, publishing, adapting with attribution,
//! ratings and stories of use.

use reqwest::StatusCode;

use crate::support::{TestApp, body, count, location};

#[tokio::test]
async fn the_library_starts_with_twelve_methods_found_by_words_and_tags() {
    let app = TestApp::spawn().await;
    for slug in [
        "skills-game",
        "network-mapping-questionnaire",
        "asset-walk",
        "community-conversation",
        "open-space",
        "world-cafe",
        "citizens-jury",
        "participatory-budgeting",
        "walk-and-talk",
        "story-circle",
        "one-to-one-conversations",
        "living-lab",
    ] {
        let page = app.client().get(&format!("/methods/{slug}")).await;
        assert_eq!(page.status(), StatusCode::OK, "{slug}");
        let page = body(page).await;
        assert!(page.contains("CC BY-SA 4.0") && page.contains("Square Mile contributors"));
    }
    let found = body(app.client().get("/methods?q=cafe+tables").await).await;
    assert!(
        found.contains("World café") && !found.contains("Living lab"),
        "{found}"
    );
    let tagged = body(app.client().get("/methods?tag=sortition").await).await;
    assert!(
        tagged.contains("Citizens&#39; jury") && !tagged.contains("World café"),
        "{tagged}"
    );
}

#[tokio::test]
async fn an_adaptation_keeps_the_link_and_the_attribution() {
    let app = TestApp::spawn().await;
    let kasia = app.register("Kasia Nowak", "kasia@example.org", "").await;
    let before = count(&app.db, "SELECT COUNT(*) AS n FROM methods").await;
    let form = body(kasia.get("/methods/world-cafe/adapt").await).await;
    assert!(
        form.contains("World café (adapted)"),
        "the original's recipe is filled in"
    );
    let missing = kasia
        .post_form("/methods/world-cafe/adapt", &[("title", "Kitchen café")])
        .await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM methods").await,
        before
    );
    let adapted = kasia
        .post_form(
            "/methods/world-cafe/adapt",
            &[
                ("title", "Kitchen table café"),
                (
                    "summary",
                    "A world café for one street, in someone's kitchen.",
                ),
                (
                    "purpose",
                    "To let neighbours who never go to meetings talk about the street.",
                ),
                (
                    "steps",
                    "Invite eight neighbours.\nAsk one question per pot of tea.",
                ),
                ("tags", "Conversation, Street"),
                ("licence", "CC BY-SA 4.0"),
            ],
        )
        .await;
    assert_eq!(adapted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&adapted),
        "/methods/kitchen-table-cafe?notice=method-published"
    );
    let page = body(app.client().get("/methods/kitchen-table-cafe").await).await;
    assert!(page.contains("By Kasia Nowak") && page.contains("adapted from"));
    assert!(
        page.contains(r#"<a href="/methods/world-cafe">World café</a> (Square Mile contributors)"#),
        "{page}"
    );
    assert!(page.contains("<li>Ask one question per pot of tea.</li>"));
    let original = body(app.client().get("/methods/world-cafe").await).await;
    assert!(
        original.contains("Kitchen table café"),
        "the original lists its adaptations"
    );
    let closed = kasia
        .post_form(
            "/methods/new",
            &[
                ("title", "Secret method"),
                ("summary", "x"),
                ("purpose", "x"),
                ("steps", "x"),
                ("licence", "All rights reserved"),
            ],
        )
        .await;
    assert_eq!(
        closed.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "open licences only"
    );
}

#[tokio::test]
async fn ratings_average_and_stories_of_use_are_kept() {
    let app = TestApp::spawn().await;
    let ann = app.register("Ann", "ann@example.org", "").await;
    let bob = app.register("Bob", "bob@example.org", "").await;
    for (client, stars) in [(&ann, "5"), (&bob, "4"), (&ann, "3")] {
        let rated = client
            .post_form("/methods/story-circle/rate", &[("stars", stars)])
            .await;
        assert_eq!(rated.status(), StatusCode::SEE_OTHER);
    }
    let refused = bob
        .post_form("/methods/story-circle/rate", &[("stars", "9")])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let page = body(app.client().get("/methods/story-circle").await).await;
    assert!(
        page.contains("Rated 3.5 out of 5 by 2 people."),
        "Ann's second rating replaces her first: {page}"
    );
    let told = ann
        .post_form(
            "/methods/story-circle/uses",
            &[
                ("occasion", "St Anne's lunch club, November"),
                (
                    "story",
                    "Twelve people came; three stories ended up in the newsletter.",
                ),
            ],
        )
        .await;
    assert_eq!(told.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get("/methods/story-circle").await).await;
    assert!(
        page.contains("St Anne&#39;s lunch club, November"),
        "{page}"
    );
}
