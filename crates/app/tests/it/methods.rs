//! The methods library: the twelve first recipes, publishing, adapting with attribution,
//! ratings and stories of use.

use reqwest::StatusCode;

use crate::photos::{GPS_LATITUDE, holds, jpeg_with_gps, png_bomb};
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

#[tokio::test]
async fn materials_are_checked_downloaded_and_carried_into_adaptations() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let kasia = app.register("Kasia Nowak", "kasia@example.org", "").await;
    let ben = app.register("Ben", "ben@example.org", "").await;
    let files = "SELECT COUNT(*) AS n FROM method_files";

    // The first recipes have no author: only admins add their materials.
    let pdf: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    let refused = kasia
        .post_files(
            "/methods/world-cafe/files",
            &[],
            &[("file", "table-cards.pdf", pdf)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let added = admin
        .post_files(
            "/methods/world-cafe/files",
            &[],
            &[("file", "table-cards.pdf", pdf)],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    // A program renamed to look like a PDF, and an unknown kind, are refused.
    for (name, bytes) in [
        ("cards.pdf", b"MZ\x90\x00\x03".as_slice()),
        ("cards.exe", pdf),
        ("empty.pdf", b"".as_slice()),
    ] {
        let bad = admin
            .post_files("/methods/world-cafe/files", &[], &[("file", name, bytes)])
            .await;
        assert_eq!(bad.status(), StatusCode::CONFLICT, "{name}");
    }
    assert_eq!(count(&app.db, files).await, 1);

    // Anyone downloads it, as an attachment with its name.
    let page = body(app.client().get("/methods/world-cafe").await).await;
    let link = page
        .split("href=\"/methods/world-cafe/files/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a download link");
    assert!(page.contains("table-cards.pdf"));
    let file = app
        .client()
        .get(&format!("/methods/world-cafe/files/{link}"))
        .await;
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"table-cards.pdf\"")
    );
    assert_eq!(file.bytes().await.unwrap().as_ref(), pdf);

    // An adaptation starts with the original's materials; its author manages them.
    let adapted = kasia
        .post_form(
            "/methods/world-cafe/adapt",
            &[
                ("title", "Kitchen table café"),
                ("summary", "A world café for one street."),
                ("purpose", "To let neighbours talk."),
                ("steps", "Invite eight neighbours."),
                ("licence", "CC BY-SA 4.0"),
            ],
        )
        .await;
    let slug = location(&adapted)
        .trim_start_matches("/methods/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let copy = body(app.client().get(&format!("/methods/{slug}")).await).await;
    assert!(copy.contains("table-cards.pdf"));
    assert_eq!(count(&app.db, files).await, 2);
    // A photo loses where it was taken; one that would unpack to a gigabyte is refused.
    let bomb = kasia
        .post_files(
            &format!("/methods/{slug}/files"),
            &[],
            &[("file", "the-whole-town.png", &png_bomb())],
        )
        .await;
    assert_eq!(bomb.status(), StatusCode::CONFLICT);
    assert!(body(bomb).await.contains("at most 8000 pixels wide"));
    assert_eq!(count(&app.db, files).await, 2);
    let photo = jpeg_with_gps();
    let added = kasia
        .post_files(
            &format!("/methods/{slug}/files"),
            &[],
            &[("file", "our-tables.jpg", &photo)],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT bytes FROM method_files WHERE file_name = 'our-tables.jpg'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(!holds(&stored, b"Exif"), "the Exif block is gone");
    assert!(!holds(&stored, &GPS_LATITUDE), "the position is gone");
    let theirs: String = sqlx::query_scalar(
        "SELECT f.id FROM method_files f JOIN methods m ON m.id = f.method_id \
         WHERE m.slug = $1 AND f.file_name = 'table-cards.pdf'",
    )
    .bind(&slug)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let not_ben = ben
        .post_form(&format!("/methods/{slug}/files/{theirs}/delete"), &[])
        .await;
    assert_eq!(not_ben.status(), StatusCode::FORBIDDEN);
    let removed = kasia
        .post_form(&format!("/methods/{slug}/files/{theirs}/delete"), &[])
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(&app.db, files).await,
        2,
        "the original keeps its file"
    );
}
