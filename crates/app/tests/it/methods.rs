//! The methods library: the twelve first recipes, publishing, adapting with attribution,
//! ratings and stories of use.

use reqwest::StatusCode;

use crate::photos::{GPS_LATITUDE, holds, jpeg_with_gps, png_bomb};
use crate::support::{TestApp, body, count, location, postgres_admin_url};

const POLISH: [(&str, &str); 1] = [("accept-language", "pl-PL,pl;q=0.9,en;q=0.5")];

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

#[tokio::test]
async fn the_first_recipes_follow_the_readers_language() {
    let app = TestApp::spawn().await;
    let english = app.client();
    let list = body(english.get("/methods").await).await;
    assert!(
        list.contains("The skills game") && !list.contains("Gra w umiejętności"),
        "{list}"
    );
    let page = body(english.get("/methods/skills-game").await).await;
    assert!(page.contains("<h1>The skills game</h1>"), "{page}");
    assert!(page.contains(
        "<li>Seat people in tables of four to eight, mixing people who do not know each other.</li>"
    ));
    assert!(page.contains("By Square Mile contributors"));

    // Accept-Language, for a visitor who has chosen nothing.
    let list = body(app.client().get_with("/methods", &POLISH).await).await;
    assert!(
        list.contains("Gra w umiejętności") && list.contains("Krąg opowieści"),
        "{list}"
    );
    assert!(!list.contains("The skills game") && !list.contains("Story circle"));
    // The language switch, and a search in Polish words, in English ones, and by either
    // language's tag.
    let polish = app.client();
    polish.get("/language/pl?next=%2Fmethods").await;
    let page = body(polish.get("/methods/skills-game").await).await;
    assert!(page.contains(r#"<html lang="pl">"#));
    assert!(page.contains("<h1>Gra w umiejętności</h1>"), "{page}");
    assert!(page.contains(
        "<li>Posadź ludzi przy stolikach po cztery do ośmiu osób; wymieszaj tych, którzy się nie znają.</li>"
    ));
    assert!(page.contains(
        "<li>Poproś każdy stolik, żeby jeden z tych braków zamienił w prośbę o pomoc.</li>"
    ));
    let steps = page
        .split(r#"<ol id="steps">"#)
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("the steps");
    assert_eq!(steps.matches("<li>").count(), 7, "{steps}");
    assert!(page.contains("Autor: społeczność Square Mile"));
    assert!(!page.contains("Seat people") && !page.contains("Square Mile contributors"));
    let found = body(polish.get("/methods?q=kawiarnianych").await).await;
    assert!(
        found.contains("World café") && !found.contains("Żywe laboratorium"),
        "{found}"
    );
    let found = body(polish.get("/methods?q=cafe+tables").await).await;
    assert!(
        found.contains("World café"),
        "the stored English is searched too"
    );
    for tag in ["losowanie", "sortition"] {
        let tagged = body(polish.get(&format!("/methods?tag={tag}")).await).await;
        assert!(
            tagged.contains("Panel obywatelski") && !tagged.contains("World café"),
            "{tag}: {tagged}"
        );
    }

    // The API speaks the request's language too; English by default.
    for (headers, title, first_step) in [
        (
            &[][..],
            "The skills game",
            "Seat people in tables of four to eight, mixing people who do not know each other.",
        ),
        (
            &POLISH[..],
            "Gra w umiejętności",
            "Posadź ludzi przy stolikach po cztery do ośmiu osób; wymieszaj tych, którzy się nie znają.",
        ),
    ] {
        let page: serde_json::Value = app
            .client()
            .get_with("/api/v1/methods?limit=50", headers)
            .await
            .json()
            .await
            .unwrap();
        let game = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["slug"] == "skills-game")
            .expect("the skills game");
        assert_eq!(game["title"], title);
        assert_eq!(game["steps"][0], first_step);
        assert_eq!(game["steps"].as_array().unwrap().len(), 7);
    }
    // The stored text stays English, whoever reads it.
    let stored: String = sqlx::query_scalar("SELECT title FROM methods WHERE slug = 'skills-game'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, "The skills game");
}

#[tokio::test]
async fn changed_and_adapted_recipes_keep_their_own_words_in_every_language() {
    let app = TestApp::spawn().await;
    // Adapting a first recipe in Polish starts from the Polish text, and the adaptation is
    // its author's own text whoever reads it; its link back follows the reader.
    let kasia = app.register("Kasia Nowak", "kasia@example.org", "").await;
    kasia.get("/language/pl?next=%2Fmethods").await;
    let form = body(kasia.get("/methods/story-circle/adapt").await).await;
    assert!(form.contains("Krąg opowieści (adaptacja)"), "{form}");
    assert!(form.contains("Daj wszystkim minutę ciszy na wybranie historii."));
    let adapted = kasia
        .post_form(
            "/methods/story-circle/adapt",
            &[
                ("title", "Krąg opowieści na podwórku"),
                (
                    "summary",
                    "Krąg opowieści dla jednego podwórka, przy ławkach.",
                ),
                ("purpose", "Żeby sąsiedzi z jednego podwórka się poznali."),
                (
                    "steps",
                    "Wynieś krzesła na podwórko.\nOpowiedzcie po jednej historii.",
                ),
                ("licence", "CC BY-SA 4.0"),
            ],
        )
        .await;
    assert_eq!(adapted.status(), StatusCode::SEE_OTHER);
    let slug = "krag-opowiesci-na-podworku";
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM methods WHERE seed IS NULL"
        )
        .await,
        1,
        "an adaptation is no seed"
    );
    for (headers, link) in [
        (
            &[][..],
            r#"<a href="/methods/story-circle">Story circle</a> (Square Mile contributors)"#,
        ),
        (
            &POLISH[..],
            r#"<a href="/methods/story-circle">Krąg opowieści</a> (społeczność Square Mile)"#,
        ),
    ] {
        let page = body(
            app.client()
                .get_with(&format!("/methods/{slug}"), headers)
                .await,
        )
        .await;
        assert!(
            page.contains("<h1>Krąg opowieści na podwórku</h1>"),
            "{page}"
        );
        assert!(page.contains("<li>Wynieś krzesła na podwórko.</li>"));
        assert!(page.contains(link), "{page}");
    }

    // A first recipe whose text was changed (its seed cleared) is that text in both
    // languages.
    sqlx::query(
        "UPDATE methods SET title = 'Skills night', steps = 'Bring cake.\nPlay the cards.', \
         seed = NULL WHERE slug = 'skills-game'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    for headers in [&[][..], &POLISH[..]] {
        let page = body(app.client().get_with("/methods/skills-game", headers).await).await;
        assert!(page.contains("<h1>Skills night</h1>"), "{page}");
        assert!(page.contains("<li>Bring cake.</li><li>Play the cards.</li>"));
        // The page's own text (the menu names the skills game too, as it should).
        let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
        assert!(!main.contains("Gra w umiejętności") && !main.contains("Seat people"));
        let list = body(app.client().get_with("/methods", headers).await).await;
        let list = &list[list.find("<main").unwrap()..list.find("</main>").unwrap()];
        assert!(list.contains("Skills night") && !list.contains("Gra w umiejętności"));
    }
}

#[tokio::test]
async fn the_migration_marks_the_rows_the_site_added_as_seeds() {
    let app = TestApp::spawn().await;
    let seeds = "SELECT COUNT(*) AS n FROM methods WHERE seed = slug";
    assert_eq!(count(&app.db, seeds).await, 12);
    let kasia = app.register("Kasia Nowak", "kasia@example.org", "").await;
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
    assert_eq!(adapted.status(), StatusCode::SEE_OTHER);
    // As a site that ran before the column existed: no seeds; then the migration's update.
    sqlx::query("UPDATE methods SET seed = NULL")
        .execute(&app.db)
        .await
        .unwrap();
    let migration = if postgres_admin_url().is_some() {
        include_str!("../../../../migrations/postgres/0015_method_seeds.sql")
    } else {
        include_str!("../../../../migrations/sqlite/0015_method_seeds.sql")
    };
    let update = &migration[migration.find("UPDATE").expect("the update")..];
    sqlx::query(update).execute(&app.db).await.unwrap();
    assert_eq!(count(&app.db, seeds).await, 12);
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM methods WHERE seed IS NULL"
        )
        .await,
        1
    );
    let page = body(app.client().get_with("/methods/world-cafe", &POLISH).await).await;
    assert!(page.contains("Urządź salę jak kawiarnię"), "{page}");
}

#[tokio::test]
async fn an_event_names_its_first_recipe_in_the_readers_language() {
    let app = TestApp::with_demo().await;
    let event: String = sqlx::query_scalar(
        "SELECT e.slug FROM events e JOIN methods m ON m.id = e.method_id \
         WHERE m.slug = 'skills-game' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .expect("a demo event following the skills game");
    let path = format!("/events/{event}");
    let english = body(app.client().get(&path).await).await;
    assert!(
        english.contains(r#"<a href="/methods/skills-game">The skills game</a>"#),
        "{english}"
    );
    let polish = body(app.client().get_with(&path, &POLISH).await).await;
    assert!(
        polish.contains(r#"<a href="/methods/skills-game">Gra w umiejętności</a>"#),
        "{polish}"
    );
}
