//! The asset map, skill cards and the skills game over HTTP: recording, privacy in every
//! view (pages, the map, the export), messages passed without addresses, the game's
//! coverage and gaps, and who may run what.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, body, count, location, retry_after};

/// Millbrook (city) > Riverside (district) > Weavers' Row and Canal Side (neighbourhoods).
pub async fn neighbourhood(app: &TestApp) -> Client {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("riverside", "Weavers Row"),
        ("riverside", "Canal Side"),
    ] {
        let created = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER, "creating {name}");
    }
    admin
}

/// Someone who registered and says they live in the neighbourhood.
pub async fn resident(app: &TestApp, name: &str, email: &str, slug: &str) -> Client {
    let area = app.area_id(slug).await;
    let client = app.register(name, email, &area).await;
    let joined = client.post_form(&format!("/areas/{slug}/join"), &[]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    client
}

/// An official (here the site admin) confirms that someone lives in the area.
pub async fn verify(app: &TestApp, official: &Client, slug: &str, email: &str) {
    let id = app.user_id(email).await;
    let verified = official
        .post_form(&format!("/areas/{slug}/residents/{id}/verify"), &[])
        .await;
    assert_eq!(
        verified.status(),
        StatusCode::SEE_OTHER,
        "verifying {email}"
    );
}

pub async fn grant(admin: &Client, area: &str, email: &str, role: &str) {
    let granted = admin
        .post_form(
            &format!("/areas/{area}/roles"),
            &[("email", email), ("role", role)],
        )
        .await;
    assert_eq!(granted.status(), StatusCode::SEE_OTHER, "granting {role}");
}

/// Records an asset and returns its id.
async fn record(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> String {
    let area = app.area_id("weavers-row").await;
    let mut all: Vec<(&str, &str)> = vec![("area", &area)];
    all.extend_from_slice(fields);
    let saved = client.post_form("/assets/new", &all).await;
    let status = saved.status();
    let to = location(&saved);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(saved).await);
    to.trim_start_matches("/assets/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn page(client: &Client, path: &str) -> (StatusCode, String) {
    let response = client.get(path).await;
    (response.status(), body(response).await)
}

#[tokio::test]
async fn a_private_asset_never_shows_to_someone_not_allowed() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa Owner", "rosa@example.org", "weavers-row").await;
    let public = record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "bike-repair"),
            ("title", "Bike fixing on the green"),
            ("visibility", "public"),
            ("share_do", "yes"),
        ],
    )
    .await;
    let residents = record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "childcare"),
            ("title", "Babysitting for neighbours"),
            ("visibility", "residents"),
        ],
    )
    .await;
    let organisers = record(
        &app,
        &rosa,
        &[
            ("kind", "space"),
            ("title", "Spare room for quiet talks"),
            ("capacity", "4"),
            ("visibility", "organisers"),
        ],
    )
    .await;

    // Nina lives in the same neighbourhood (verified: residents-only items need that);
    // Colin in the next one; Mallory nowhere here.
    let nina = resident(&app, "Nina Neighbour", "nina@example.org", "weavers-row").await;
    verify(&app, &admin, "weavers-row", "nina@example.org").await;
    let colin = resident(&app, "Colin Canal", "colin@example.org", "canal-side").await;
    let mallory = app
        .register("Mallory Elsewhere", "mallory@example.org", "")
        .await;
    let cora = app.register("Cora Connector", "cora@example.org", "").await;
    grant(&admin, "riverside", "cora@example.org", "connector").await;
    let anonymous = app.client();

    let sees = [
        (&anonymous, [true, false, false]),
        (&mallory, [true, false, false]),
        (&colin, [true, false, false]),
        (&nina, [true, true, false]),
        (&cora, [true, true, true]),
        (&rosa, [true, true, true]),
    ];
    let titles = [
        "Bike fixing on the green",
        "Babysitting for neighbours",
        "Spare room for quiet talks",
    ];
    for (who, (client, expected)) in sees.iter().enumerate() {
        let (status, map) = page(client, "/areas/riverside/assets").await;
        assert_eq!(status, StatusCode::OK);
        let (_, filtered) = page(client, "/areas/riverside/assets?q=for").await;
        for ((id, title), &visible) in [&public, &residents, &organisers]
            .iter()
            .zip(titles)
            .zip(expected)
        {
            assert_eq!(
                map.contains(title),
                visible,
                "viewer {who} on the map: {title}"
            );
            let (status, _) = page(client, &format!("/assets/{id}")).await;
            assert_eq!(
                status == StatusCode::OK,
                visible,
                "viewer {who} on the page of {title}"
            );
            if title.contains("for") {
                assert_eq!(
                    filtered.contains(title),
                    visible,
                    "viewer {who} in a search: {title}"
                );
            }
        }
    }

    // The export is for organisers, and holds everything in the area.
    let refused = anonymous.get("/areas/riverside/assets.csv").await;
    assert!(location(&refused).starts_with("/login"), "sign in first");
    assert_eq!(
        nina.get("/areas/riverside/assets.csv").await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, csv) = page(&cora, "/areas/riverside/assets.csv").await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with("id,kind,group,card,title"), "{csv}");
    for title in titles {
        assert!(csv.contains(title), "{title} in the export");
    }
    assert!(
        csv.contains("Fixing bikes") && csv.contains("Practical and repair"),
        "{csv}"
    );
    assert!(
        !csv.contains("rosa@example.org"),
        "no addresses in the export"
    );
}

#[tokio::test]
async fn the_map_counts_by_group_shows_gaps_and_passes_messages_without_addresses() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa Owner", "rosa@example.org", "weavers-row").await;
    let id = record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "bike-repair"),
            ("title", "Bike fixing"),
            ("visibility", "public"),
            ("share_teach", "yes"),
        ],
    )
    .await;
    record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "carpentry"),
            ("title", "Shelves and doors"),
            ("visibility", "public"),
        ],
    )
    .await;
    record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "baking"),
            ("title", "Birthday cakes"),
            ("visibility", "public"),
        ],
    )
    .await;

    let (_, map) = page(&app.client(), "/areas/riverside/assets").await;
    // Two practical skills on two cards, one food skill.
    assert!(map.contains("<th scope=\"row\"><a href=\"/areas/riverside/assets?group=practical\">Practical and repair</a></th><td>2</td><td>2 / 14</td>"), "{map}");
    assert!(map.contains("<td>1</td><td>1 / 12</td>"), "food row");
    // The chart names each bar and writes its number, as the table does.
    let chart = map
        .split("<svg class=\"chart\"")
        .nth(1)
        .and_then(|rest| rest.split("</svg>").next())
        .expect("the chart of skills by group");
    assert!(
        chart.contains("class=\"chart-label\">Practical and repair</text>"),
        "{chart}"
    );
    assert!(chart.contains("class=\"chart-value\">2</text>"), "{chart}");
    assert!(map.contains("97 cards with nobody yet"), "gaps counted");
    assert!(
        map.contains("card=plumbing"),
        "plumbing is a gap, linked to an ask"
    );
    assert!(
        !map.contains("card=bike-repair&amp;area"),
        "bike repair is not a gap"
    );
    // Filters: by share mode and by group.
    let (_, teach) = page(&app.client(), "/areas/riverside/assets?mode=teach").await;
    assert!(teach.contains("Bike fixing") && !teach.contains("Birthday cakes"));
    let (_, food) = page(&app.client(), "/areas/riverside/assets?group=food").await;
    assert!(food.contains("Birthday cakes") && !food.contains("Shelves and doors"));

    // A message goes to Rosa by email; her address is on no page.
    let sam = app.register("Sam Sender", "sam@example.org", "").await;
    let (_, shown) = page(&sam, &format!("/assets/{id}")).await;
    assert!(!shown.contains("rosa@example.org"));
    let sent = sam
        .post_form(
            &format!("/assets/{id}/contact"),
            &[("message", "Could you show me how to fix a puncture?")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["rosa@example.org".to_string()]);
    let text = mail.text();
    assert!(
        text.contains("fix a puncture") && text.contains("Sam Sender"),
        "{text}"
    );
    assert!(
        !text.contains("sam@example.org"),
        "Sam did not share his address"
    );

    // Bad input changes nothing.
    let empty = sam
        .post_form(&format!("/assets/{id}/contact"), &[("message", " ")])
        .await;
    assert_eq!(empty.status(), StatusCode::CONFLICT);
    let bad = rosa
        .post_form(
            "/assets/new",
            &[
                ("kind", "skill"),
                ("card", "no-such-card"),
                ("title", ""),
                ("area", "x"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = body(bad).await;
    assert!(
        text.contains("Choose one of the skill cards") && text.contains("Choose an area"),
        "{text}"
    );
    // Only the owner removes it.
    assert_eq!(
        sam.post_form(&format!("/assets/{id}/delete"), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        rosa.post_form(&format!("/assets/{id}/delete"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.client().get(&format!("/assets/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn skill_cards_are_named_and_only_site_admins_edit_them() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let catalogue = squaremile::skills::Catalogue::load(&app.db, &Default::default())
        .await
        .unwrap();
    assert_eq!(catalogue.groups.len(), 8);
    assert_eq!(catalogue.cards().count(), 100);
    for card in catalogue.cards() {
        assert_ne!(
            card.name, card.code,
            "the card {} has an English name",
            card.code
        );
    }
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let refused = rosa
        .post_form("/skills/plumbing", &[("name", "Pipes")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let renamed = admin
        .post_form("/skills/plumbing", &[("name", "Plumbing and heating")])
        .await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    let retired = admin
        .post_form(
            "/skills/foraging",
            &[("name", "Foraging for wild food"), ("retired", "yes")],
        )
        .await;
    assert_eq!(retired.status(), StatusCode::SEE_OTHER);
    let added = admin
        .post_form(
            "/skills/new",
            &[("group", "digital"), ("name", "Repairing phones")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let (_, form) = page(&rosa, "/assets/new").await;
    assert!(form.contains("Plumbing and heating"));
    assert!(form.contains("Digital: Repairing phones"));
    assert!(!form.contains("Foraging"), "a retired card is not offered");
    let (_, cards) = page(&app.client(), "/skills").await;
    assert!(cards.contains("Plumbing and heating") && !cards.contains("Foraging"));
    let duplicate = admin
        .post_form(
            "/skills/new",
            &[("group", "digital"), ("name", "Repairing phones")],
        )
        .await;
    assert_eq!(duplicate.status(), StatusCode::CONFLICT);
}

/// Answers a card at a table: the form posts and the next card follows.
async fn tap(client: &Client, token: &str, card: &str, answer: &str) {
    let done = client
        .post_form(
            &format!("/skills-game/play/{token}"),
            &[("card", card), ("answer", answer)],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER, "{card}: {answer}");
    assert_eq!(location(&done), format!("/skills-game/play/{token}"));
}

#[tokio::test]
async fn a_skills_game_round_gives_coverage_per_table_and_pooled_gaps() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let cora = app.register("Cora Connector", "cora@example.org", "").await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    grant(&admin, "riverside", "cora@example.org", "connector").await;
    let area = app.area_id("weavers-row").await;
    let session = [
        ("title", "Skills night"),
        ("area", area.as_str()),
        ("held_on", "2026-11-20"),
        ("place", "Church hall"),
        ("tables", "Window table\nDoor table"),
    ];
    assert_eq!(
        rosa.post_form("/skills-game/new", &session).await.status(),
        StatusCode::FORBIDDEN
    );
    let created = cora.post_form("/skills-game/new", &session).await;
    assert_eq!(
        location(&created),
        "/skills-game/skills-night?notice=game-created"
    );
    // No answers yet: nothing claims that every card was covered.
    let unplayed = body(cora.get("/skills-game/skills-night").await).await;
    assert!(
        unplayed.contains("No answers yet") && !unplayed.contains("No gaps"),
        "{unplayed}"
    );

    let tables = squaremile::skillsgame::store::tables(
        &app.db,
        &squaremile::skillsgame::store::find_by_slug(&app.db, "skills-night")
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap();
    let (window, door) = (&tables[0].token, &tables[1].token);
    // The results page shows the links to organisers only.
    let (_, public) = page(&rosa, "/skills-game/skills-night").await;
    assert!(!public.contains(window.as_str()));
    let (_, organiser) = page(&cora, "/skills-game/skills-night").await;
    assert!(organiser.contains(window.as_str()) && organiser.contains(door.as_str()));

    // Anyone with the table's link plays, signed in or not.
    let phone = app.client();
    let (_, first) = page(&phone, &format!("/skills-game/play/{window}")).await;
    assert!(
        first.contains("Card 1 of 100") && first.contains("Fixing bikes"),
        "{first}"
    );
    tap(&phone, window, "bike-repair", "we").await;
    tap(&phone, window, "home-repairs", "friend").await;
    tap(&phone, window, "carpentry", "nobody").await;
    tap(&phone, window, "plumbing", "nobody").await;
    let (_, next) = page(&phone, &format!("/skills-game/play/{window}")).await;
    assert!(
        next.contains("Card 5 of 100") && next.contains("Electrical work"),
        "{next}"
    );
    // Changing an answer keeps one answer per card.
    tap(&phone, window, "plumbing", "friend").await;
    tap(&phone, door, "carpentry", "we").await;
    let bad = phone
        .post_form(
            &format!("/skills-game/play/{door}"),
            &[("card", "carpentry"), ("answer", "maybe")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::CONFLICT);
    let unknown = phone
        .post_form(
            "/skills-game/play/not-a-table",
            &[("card", "carpentry"), ("answer", "we")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let (_, results) = page(&rosa, "/skills-game/skills-night").await;
    // Window: 1 we, 2 friends, 1 nobody, of 100 cards; door: 1 we. Pooled: carpentry is covered.
    assert!(
        results.contains("<th scope=\"row\">Window table</th>\n    <td>4 / 100</td>"),
        "{results}"
    );
    assert!(
        results.contains("Together you can do 2% of the 100 cards, and 4% with friends."),
        "{results}"
    );
    assert!(
        !results.contains("card=carpentry"),
        "carpentry is no pooled gap"
    );
    // A card every table said nobody can do is a gap, on the game page and on the asset map.
    tap(&phone, window, "electrics", "nobody").await;
    tap(&phone, door, "electrics", "nobody").await;
    let (_, results) = page(&rosa, "/skills-game/skills-night").await;
    assert!(
        results.contains("card=electrics"),
        "electrics is a pooled gap"
    );
    let (_, map) = page(&rosa, "/areas/riverside/assets").await;
    assert!(map.contains("Gaps found by the skills game") && map.contains("card=electrics"));

    // A finished session takes no more answers.
    assert_eq!(
        cora.post_form("/skills-game/skills-night/close", &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let late = phone
        .post_form(
            &format!("/skills-game/play/{window}"),
            &[("card", "driving"), ("answer", "we")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
}

/// "Residents only" means verified residents (issue 26, finding 6): anyone can register and
/// say "I live here", so until an official confirms it they see what the public sees, in
/// every view: the asset map, the item's page, search, offers and asks, the API, the export.
#[tokio::test]
async fn residents_only_items_wait_until_the_resident_is_verified() {
    let app = TestApp::spawn().await;
    let admin = neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa Owner", "rosa@example.org", "weavers-row").await;
    let asset = record(
        &app,
        &rosa,
        &[
            ("kind", "skill"),
            ("card", "childcare"),
            ("title", "Babysitting for neighbours"),
            ("visibility", "residents"),
        ],
    )
    .await;
    let weavers = app.area_id("weavers-row").await;
    let posted = rosa
        .post_form(
            "/help/new",
            &[
                ("area", &weavers),
                ("kind", "ask"),
                ("title", "Gardening tools to borrow"),
                ("visibility", "residents"),
            ],
        )
        .await;
    assert_eq!(
        posted.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(posted).await
    );
    let ask = location(&posted)
        .trim_start_matches("/help/")
        .split('?')
        .next()
        .unwrap()
        .to_string();

    // Vera registers with Weavers Row as her home and says she lives there: unverified.
    let vera = resident(&app, "Vera Visitor", "vera@example.org", "weavers-row").await;
    let sees = |verified: bool| {
        let vera = &vera;
        let (asset, ask) = (asset.clone(), ask.clone());
        async move {
            for path in ["/areas/riverside/assets", "/areas/weavers-row/assets"] {
                let (status, map) = page(vera, path).await;
                assert_eq!(status, StatusCode::OK);
                assert_eq!(
                    map.contains("Babysitting for neighbours"),
                    verified,
                    "{path}, verified: {verified}"
                );
            }
            let (status, _) = page(vera, &format!("/assets/{asset}")).await;
            assert_eq!(status == StatusCode::OK, verified, "the item's page");
            for path in ["/help", "/help?q=garden+tool"] {
                let (_, list) = page(vera, path).await;
                assert_eq!(list.contains(&format!("/help/{ask}")), verified, "{path}");
            }
            let (status, _) = page(vera, &format!("/help/{ask}")).await;
            assert_eq!(status == StatusCode::OK, verified, "the ask's page");
            // The API and the export never show residents-only items to a resident.
            for path in [
                "/api/v1/areas/riverside/assets",
                "/api/v1/areas/riverside/offers-and-asks",
            ] {
                let (status, json) = page(vera, path).await;
                assert_eq!(status, StatusCode::OK);
                assert!(!json.contains(&asset) && !json.contains(&ask), "{path}");
            }
            let (status, _) = page(vera, "/areas/riverside/assets.csv").await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "the export is for organisers"
            );
        }
    };
    sees(false).await;
    verify(&app, &admin, "weavers-row", "vera@example.org").await;
    sees(true).await;
}

/// Asset items come under the posting limit too (20 posts of any kind in an hour).
#[tokio::test]
async fn asset_items_are_under_the_posting_limit() {
    let app = TestApp::spawn().await;
    neighbourhood(&app).await;
    let rosa = resident(&app, "Rosa Records", "rosa@example.org", "weavers-row").await;
    for n in 0..20 {
        record(
            &app,
            &rosa,
            &[
                ("kind", "resource"),
                ("title", &format!("Ladder {n}")),
                ("visibility", "public"),
            ],
        )
        .await;
    }
    let area = app.area_id("weavers-row").await;
    let refused = rosa
        .post_form(
            "/assets/new",
            &[
                ("area", &area),
                ("kind", "resource"),
                ("title", "One ladder too many"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!((3500..=3600).contains(&retry_after(&refused)));
    assert!(
        body(refused)
            .await
            .contains("You have posted a lot in the last hour")
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM assets").await, 20);
}
