//! Offers and asks over HTTP: matching by card, area, words and days; invitations, the
//! conversation, marking done with time credits that always sum to zero; search on both
//! databases; privacy of posts; community projects.

use reqwest::StatusCode;

use crate::assets::{grant, neighbourhood, resident};
use crate::support::{Client, TestApp, body, count, location, retry_after};

/// Posts an offer or an ask in Weavers' Row and returns its id.
async fn post(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> String {
    let area = app.area_id("weavers-row").await;
    let mut all: Vec<(&str, &str)> = vec![("area", &area)];
    all.extend_from_slice(fields);
    if !fields.iter().any(|(k, _)| *k == "visibility") {
        all.push(("visibility", "public"));
    }
    let posted = client.post_form("/help/new", &all).await;
    let status = posted.status();
    let to = location(&posted);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(posted).await);
    to.trim_start_matches("/help/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn page(client: &Client, path: &str) -> String {
    let response = client.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    body(response).await
}

#[tokio::test]
async fn an_ask_finds_its_offer_and_ends_with_thanks_and_time_credits() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa Repairs", "rosa@example.org", "weavers-row").await;
    let sam = resident(&app, "Sam Asks", "sam@example.org", "weavers-row").await;
    let offer = post(
        &app,
        &rosa,
        &[
            ("kind", "offer"),
            ("card", "bike-repair"),
            ("title", "I can fix bikes on Saturdays"),
            ("body", "Punctures, brakes and gears."),
            ("timing", "Saturday mornings"),
            ("day_sat", "yes"),
        ],
    )
    .await;
    let unrelated = post(
        &app,
        &rosa,
        &[
            ("kind", "offer"),
            ("card", "baking"),
            ("title", "Cakes for parties"),
        ],
    )
    .await;
    let ask = post(
        &app,
        &sam,
        &[
            ("kind", "ask"),
            ("card", "bike-repair"),
            ("title", "My bike brakes squeal"),
            ("body", "Could someone look at the brakes?"),
            ("day_sat", "yes"),
            ("day_sun", "yes"),
        ],
    )
    .await;

    // The ask shows the offer first, with its reasons; the cake offer is not suggested.
    let shown = page(&sam, &format!("/help/{ask}")).await;
    let suggestions = &shown[shown.find("id=\"suggestions\"").expect("suggestions")..];
    assert!(
        suggestions.contains(&format!("/help/{offer}")),
        "{suggestions}"
    );
    assert!(
        suggestions.contains("same skill card, same area"),
        "{suggestions}"
    );
    assert!(suggestions.contains("the days fit"), "{suggestions}");
    assert!(!suggestions.contains(&format!("/help/{unrelated}")));
    // An ask without a card finds the offer by its words.
    let uncarded = post(
        &app,
        &sam,
        &[
            ("kind", "ask"),
            ("title", "Someone to fix a wobbly bicycle wheel"),
        ],
    )
    .await;
    let shown = page(&sam, &format!("/help/{uncarded}")).await;
    let suggestions = &shown[shown
        .find("id=\"suggestions\"")
        .expect("suggestions by words")..];
    assert!(
        suggestions.contains(&format!("/help/{offer}")),
        "{suggestions}"
    );
    assert!(suggestions.contains("similar words"), "{suggestions}");
    // And the offer shows the ask.
    let offered = page(&rosa, &format!("/help/{offer}")).await;
    assert!(offered.contains(&format!("/help/{ask}")));

    // Sam invites Rosa through her offer; she is told by email.
    let invited = sam
        .post_form(
            &format!("/help/{ask}/invite"),
            &[("other_post", &offer), ("message", "Saturday at ten?")],
        )
        .await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let thread = location(&invited).split('?').next().unwrap().to_string();
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["rosa@example.org".to_string()]);
    assert!(mail.text().contains("Saturday at ten?"));
    let again = sam
        .post_form(
            &format!("/help/{ask}/invite"),
            &[("other_post", &offer), ("message", "Hello?")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // Only the two of them see the thread; only Rosa accepts; only Sam marks it done.
    let nosy = app.register("Nosy", "nosy@example.org", "").await;
    assert_eq!(nosy.get(&thread).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        sam.post_form(&format!("{thread}/reply"), &[("accept", "yes")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        sam.post_form(&format!("{thread}/done"), &[("thanks", "early")])
            .await
            .status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        rosa.post_form(&format!("{thread}/reply"), &[("accept", "yes")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(
        page(&sam, &format!("/help/{ask}"))
            .await
            .contains("<span id=\"status\">Matched</span>")
    );
    let replied = rosa
        .post_form(&thread, &[("body", "See you at ten, bring the bike.")])
        .await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.mail.next().await.to,
        vec!["sam@example.org".to_string()]
    );
    assert!(page(&sam, &thread).await.contains("bring the bike"));
    assert_eq!(
        rosa.post_form(&format!("{thread}/done"), &[("hours", "1")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // Hours out of range, or negative, bring the form back with the field's error and the
    // words typed, not a dead end.
    for hours in ["30", "-2"] {
        let bad_hours = sam
            .post_form(
                &format!("{thread}/done"),
                &[("thanks", "Thanks for the brakes"), ("hours", hours)],
            )
            .await;
        assert_eq!(bad_hours.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let again = body(bad_hours).await;
        assert!(
            again.contains("Give the hours as a number between"),
            "{again}"
        );
        assert!(again.contains(r##"href="#hours""##), "{again}");
        assert!(
            again.contains(">Thanks for the brakes</textarea>"),
            "{again}"
        );
        assert!(again.contains(&format!(r#"value="{hours}""#)), "{again}");
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM time_credits").await,
        0
    );
    let done = sam
        .post_form(
            &format!("{thread}/done"),
            &[("thanks", "Silent brakes at last!"), ("hours", "1.5")],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        sam.post_form(&format!("{thread}/done"), &[("hours", "1")])
            .await
            .status(),
        StatusCode::CONFLICT,
        "done once"
    );
    assert!(
        page(&rosa, &thread)
            .await
            .contains("Silent brakes at last!")
    );
    assert!(
        page(&sam, &format!("/help/{ask}"))
            .await
            .contains("<span id=\"status\">Done</span>")
    );

    assert!(
        page(&rosa, "/help/credits")
            .await
            .contains("Your balance: +1.50 hours")
    );
    assert!(
        page(&sam, "/help/credits")
            .await
            .contains("Your balance: −1.50 hours")
    );
    let total = count(&app.db, "SELECT CAST(COALESCE(SUM(CASE WHEN u.id = t.to_id THEN t.minutes ELSE -t.minutes END), 0) AS BIGINT) AS n FROM time_credits t JOIN users u ON u.id IN (t.from_id, t.to_id)").await;
    assert_eq!(total, 0, "balances sum to zero");
}

#[tokio::test]
async fn someone_answers_an_ask_themselves_and_people_with_the_skill_are_suggested() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let sam = resident(&app, "Sam Asks", "sam@example.org", "weavers-row").await;
    let vic = resident(&app, "Vic Van", "vic@example.org", "canal-side").await;
    let area = app.area_id("canal-side").await;
    let recorded = vic
        .post_form(
            "/assets/new",
            &[
                ("kind", "skill"),
                ("card", "driving"),
                ("title", "I drive a van"),
                ("area", &area),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let ask = post(
        &app,
        &sam,
        &[
            ("kind", "ask"),
            ("card", "driving"),
            ("title", "A van for the food bank on Friday"),
            ("day_fri", "yes"),
        ],
    )
    .await;
    let shown = page(&sam, &format!("/help/{ask}")).await;
    let people = &shown[shown.find("id=\"people\"").expect("people with the skill")..];
    assert!(people.contains("Vic Van") && people.contains("I drive a van"));

    // Vic answers the ask directly: she is the helper, Sam is told.
    let answered = vic
        .post_form(
            &format!("/help/{ask}/invite"),
            &[("message", "I can drive on Friday.")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.mail.next().await.to,
        vec!["sam@example.org".to_string()]
    );
    let thread = location(&answered).split('?').next().unwrap().to_string();
    assert_eq!(
        vic.post_form(&format!("{thread}/reply"), &[("accept", "yes")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        sam.post_form(&format!("{thread}/reply"), &[("accept", "yes")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        sam.post_form(&format!("{thread}/done"), &[("thanks", "Thank you")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM time_credits").await,
        0,
        "no hours, no credits"
    );
    assert_eq!(
        sam.post_form(&format!("/help/{ask}/invite"), &[("message", "x")])
            .await
            .status(),
        StatusCode::CONFLICT,
        "a done ask takes no more answers"
    );
}

#[tokio::test]
async fn search_stems_words_and_respects_privacy() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    // Verified: residents-only posts are for verified residents.
    let nina = resident(&app, "Nina", "nina@example.org", "weavers-row").await;
    crate::assets::verify(&app, &admin, "weavers-row", "nina@example.org").await;
    let outsider = resident(&app, "Otto", "otto@example.org", "canal-side").await;
    let public = post(
        &app,
        &rosa,
        &[("kind", "offer"), ("title", "Fixing bicycles and prams")],
    )
    .await;
    let private = post(
        &app,
        &rosa,
        &[
            ("kind", "ask"),
            ("title", "Gardening tools to borrow"),
            ("visibility", "residents"),
        ],
    )
    .await;

    let found = page(&app.client(), "/help?q=fix+bicycle").await;
    assert!(
        found.contains(&format!("/help/{public}")),
        "stemmed words match: {found}"
    );
    assert!(
        page(&app.client(), "/help?q=bicycle+spaceship")
            .await
            .contains("0 found"),
        "every word must match"
    );
    for (client, sees) in [
        (&app.client(), false),
        (&outsider, false),
        (&nina, true),
        (&rosa, true),
    ] {
        let found = page(client, "/help?q=garden+tool").await;
        assert_eq!(found.contains(&format!("/help/{private}")), sees, "search");
        let listed = page(client, "/help").await;
        assert_eq!(listed.contains(&format!("/help/{private}")), sees, "list");
        let status = client.get(&format!("/help/{private}")).await.status();
        assert_eq!(status == StatusCode::OK, sees, "page");
    }
    // The area filter applies to a search too.
    let canal = app.area_id("canal-side").await;
    let elsewhere = page(&app.client(), &format!("/help?q=bicycle&area={canal}")).await;
    assert!(elsewhere.contains("0 found"), "the post is in Weavers Row");
    let weavers = app.area_id("weavers-row").await;
    let here = page(&app.client(), &format!("/help?q=bicycle&area={weavers}")).await;
    assert!(here.contains(&format!("/help/{public}")));
    // The API shows public open posts only.
    let api = page(&nina, "/api/v1/areas/riverside/offers-and-asks").await;
    assert!(api.contains(&public) && !api.contains(&private), "{api}");
    // Search syntax typed by someone is just words.
    assert!(
        page(&app.client(), "/help?q=%22bicycle%22+prams*+-")
            .await
            .contains(&format!("/help/{public}"))
    );
}

/// Another process (the `offers generate` command, a second server) writes to the same
/// database: the next search sees what it wrote, new posts and changed ones alike.
#[tokio::test]
async fn search_follows_posts_written_by_another_process() {
    use squaremile::assets::privacy::Visibility;
    use squaremile::help::store::{self as posts, NewPost, PostKind, PostStatus};

    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    post(
        &app,
        &rosa,
        &[("kind", "offer"), ("title", "Sewing curtains")],
    )
    .await;
    // The first search builds the index.
    assert!(
        page(&app.client(), "/help?q=sewing")
            .await
            .contains("1 found")
    );

    let owner: String = sqlx::query_scalar("SELECT id FROM users WHERE email = 'rosa@example.org'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let area = app.area_id("weavers-row").await;
    let written_elsewhere = posts::create(
        &app.db,
        &NewPost {
            kind: PostKind::Ask,
            area_id: &area,
            card_code: None,
            title: "Sewing machine repairs",
            body: "",
            timing: "",
            days: 0,
            visibility: Visibility::Public,
            owner_id: &owner,
            project_id: None,
        },
    )
    .await
    .unwrap();
    let found = page(&app.client(), "/help?q=sewing&status=open").await;
    assert!(found.contains("2 found"), "{found}");
    assert!(found.contains(&format!("/help/{written_elsewhere}")));

    posts::set_status(&app.db, &written_elsewhere, PostStatus::Done)
        .await
        .unwrap();
    let open = page(&app.client(), "/help?q=sewing&status=open").await;
    assert!(open.contains("1 found"), "{open}");
    assert!(!open.contains(&format!("/help/{written_elsewhere}")));
    let done = page(&app.client(), "/help?q=sewing&status=done").await;
    assert!(
        done.contains(&format!("/help/{written_elsewhere}")),
        "{done}"
    );
}

#[tokio::test]
async fn lists_page_with_a_cursor() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    // Two posters, as one may post only 20 items an hour.
    let sam = resident(&app, "Sam", "sam@example.org", "weavers-row").await;
    for i in 0..32 {
        post(
            &app,
            if i % 2 == 0 { &rosa } else { &sam },
            &[
                ("kind", "offer"),
                ("title", &format!("Offer number {i:02}")),
            ],
        )
        .await;
    }
    let first = page(&app.client(), "/help").await;
    assert!(first.contains("Offer number 31") && !first.contains("Offer number 01"));
    let start = first
        .find("rel=\"next\"")
        .map(|i| first[..i].rfind("href=\"").unwrap() + 6)
        .expect("a next link");
    let next = first[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = page(&app.client(), &next).await;
    assert!(second.contains("Offer number 01") && second.contains("Offer number 00"));
    assert!(!second.contains("Offer number 31") && !second.contains("rel=\"next\""));
}

#[tokio::test]
async fn a_community_project_has_a_team_updates_and_asks() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let fay = resident(&app, "Fay Founder", "fay@example.org", "weavers-row").await;
    let tom = resident(&app, "Tom Team", "tom@example.org", "weavers-row").await;
    let area = app.area_id("weavers-row").await;
    let created = fay
        .post_form(
            "/projects/new",
            &[
                ("title", "Weavers Row Fridge"),
                ("area", &area),
                (
                    "purpose",
                    "A community fridge so good food is shared, not wasted.",
                ),
                ("role", "coordinator"),
            ],
        )
        .await;
    assert_eq!(
        location(&created),
        "/projects/weavers-row-fridge?notice=project-created"
    );
    assert_eq!(
        tom.post_form("/projects/weavers-row-fridge/updates", &[("body", "Hi")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        fay.post_form(
            "/projects/weavers-row-fridge/team",
            &[("email", "nobody@example.org")]
        )
        .await
        .status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        fay.post_form(
            "/projects/weavers-row-fridge/team",
            &[("email", "tom@example.org"), ("role", "driver")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        tom.post_form(
            "/projects/weavers-row-fridge/updates",
            &[("body", "The fridge is plugged in!")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let ask = post(
        &app,
        &tom,
        &[
            ("kind", "ask"),
            ("title", "Someone with a food hygiene certificate"),
            ("card", "food-hygiene"),
            ("project", "weavers-row-fridge"),
        ],
    )
    .await;
    let outsider = app.register("Otto", "otto@example.org", "").await;
    let refused = outsider
        .post_form(
            "/help/new",
            &[
                ("kind", "ask"),
                ("title", "Pretend ask"),
                ("area", &area),
                ("visibility", "public"),
                ("project", "weavers-row-fridge"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let shown = page(&app.client(), "/projects/weavers-row-fridge").await;
    assert!(shown.contains("Fay Founder · coordinator") && shown.contains("Tom Team · driver"));
    assert!(shown.contains("The fridge is plugged in!"));
    assert!(shown.contains(&format!("/help/{ask}")));
    assert!(!shown.contains("Pretend ask"));
    drop(admin);
}

#[tokio::test]
async fn forms_refuse_bad_input_and_change_nothing() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    let bad = rosa
        .post_form(
            "/help/new",
            &[
                ("kind", "swap"),
                ("title", ""),
                ("area", "nowhere"),
                ("visibility", "secret"),
                ("card", "nope"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = body(bad).await;
    for message in [
        "Choose offer or ask",
        "Choose one of the skill cards",
        "Choose an area",
        "Choose who can see it",
    ] {
        assert!(text.contains(message), "{message}");
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM help_posts").await,
        0
    );
    // A forged form (no CSRF token) is refused.
    let forged = rosa
        .post_raw("/help/new", &[("kind", "offer"), ("title", "x")], &[])
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let anonymous = app.client().get("/help/new").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert!(location(&anonymous).starts_with("/login"));
    let _ = grant;
}

/// Offers and asks come under the posting limit: 20 in an hour, then a clear refusal that
/// says when the next will be taken, and nothing stored.
#[tokio::test]
async fn offers_and_asks_are_under_the_posting_limit() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let flo = resident(&app, "Flo Flood", "flo@example.org", "weavers-row").await;
    for n in 0..20 {
        let kind = if n % 2 == 0 { "offer" } else { "ask" };
        post(
            &app,
            &flo,
            &[("kind", kind), ("title", &format!("Post {n}"))],
        )
        .await;
    }
    let area = app.area_id("weavers-row").await;
    let refused = flo
        .post_form(
            "/help/new",
            &[
                ("area", &area),
                ("kind", "ask"),
                ("title", "One too many"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&refused);
    assert!((3500..=3600).contains(&wait), "Retry-After {wait}");
    let page = body(refused).await;
    assert!(
        page.contains("You have posted a lot in the last hour")
            && page.contains("You can try again in 60 minutes."),
        "{page}"
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM help_posts").await,
        20
    );
}

#[tokio::test]
async fn search_finds_posts_by_their_cards_names_and_words_that_mean_the_same() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    let sewing = post(
        &app,
        &rosa,
        &[
            ("kind", "offer"),
            ("card", "sewing-mending"),
            ("title", "Saturday mornings at the hall"),
        ],
    )
    .await;
    let computer = post(
        &app,
        &rosa,
        &[
            ("kind", "ask"),
            ("card", "computer-help"),
            ("title", "Getting started with email"),
        ],
    )
    .await;
    let bikes = post(
        &app,
        &rosa,
        &[("kind", "offer"), ("title", "I can fix bikes")],
    )
    .await;

    let found = page(&app.client(), "/help?q=sewing").await;
    assert!(
        found.contains(&format!("/help/{sewing}")),
        "the card's name: {found}"
    );
    assert!(!found.contains(&format!("/help/{computer}")));
    let found = page(&app.client(), "/help?q=computer").await;
    assert!(found.contains(&format!("/help/{computer}")), "{found}");
    assert!(!found.contains(&format!("/help/{sewing}")));
    let found = page(&app.client(), "/help?q=fixing+bicycles").await;
    assert!(
        found.contains(&format!("/help/{bikes}")),
        "bike is a bicycle: {found}"
    );
    // The card's Polish name finds it too.
    let found = page(&app.client(), "/help?q=szycie").await;
    assert!(found.contains(&format!("/help/{sewing}")), "{found}");
}

#[tokio::test]
async fn a_new_ask_offers_only_the_status_changes_its_owner_may_make() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    let ask = post(
        &app,
        &rosa,
        &[("kind", "ask"), ("title", "A lift to the clinic")],
    )
    .await;
    let shown = page(&rosa, &format!("/help/{ask}")).await;
    let select = shown
        .split(r#"<select id="new-status""#)
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .expect("the status choice");
    assert!(!select.contains(r#"value="matched""#), "{select}");
    assert!(select.contains(r#"value="withdrawn""#) && select.contains(r#"value="done""#));
    // "Matched" is the site's to set: a forged form is refused and changes nothing.
    let forged = rosa
        .post_form(&format!("/help/{ask}/status"), &[("status", "matched")])
        .await;
    assert_eq!(forged.status(), StatusCode::CONFLICT);
    let withdrawn = rosa
        .post_form(&format!("/help/{ask}/status"), &[("status", "withdrawn")])
        .await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    let reopen = page(&rosa, &format!("/help/{ask}")).await;
    assert!(
        reopen.contains(r#"value="open""#),
        "a withdrawn ask can be reopened"
    );
}

#[tokio::test]
async fn too_long_says_the_limit_and_the_length() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa", "rosa@example.org", "weavers-row").await;
    let area = app.area_id("weavers-row").await;
    let title = "a".repeat(130);
    let refused = rosa
        .post_form(
            "/help/new",
            &[
                ("area", &area),
                ("kind", "offer"),
                ("visibility", "public"),
                ("title", &title),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains("This is too long: at most 120 characters, and this has 130."),
        "{page}"
    );
}
