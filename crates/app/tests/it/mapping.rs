//! Network mapping in the app: the questionnaire, one node per person however their name
//! is typed, consent and pseudonyms in every public view and export, who may see the map,
//! introductions and rounds.

use reqwest::StatusCode;
use squaremile::mapping::store;

use crate::support::{Client, TestApp, body, count, location};

/// An area with a connector (who organises) and the connector's client.
async fn connector(app: &TestApp) -> Client {
    let admin = app.admin().await;
    for (parent, name) in [("", "Millbrook"), ("millbrook", "Riverside")] {
        let created = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
    }
    let connector = app.register("Cora Connector", "cora@example.org", "").await;
    let granted = admin
        .post_form(
            "/areas/riverside/roles",
            &[("email", "cora@example.org"), ("role", "connector")],
        )
        .await;
    assert_eq!(granted.status(), StatusCode::SEE_OTHER);
    connector
}

async fn start(app: &TestApp, connector: &Client, visibility: &str) -> store::Exercise {
    let area = app.area_id("riverside").await;
    let created = connector
        .post_form(
            "/mapping/new",
            &[
                ("title", "Who makes Riverside work"),
                ("area", &area),
                ("purpose", "To see who works with whom."),
                ("opens_on", "2020-01-01"),
                ("closes_on", "2099-12-31"),
                (
                    "relationship_types",
                    "We work together\nWe share information",
                ),
                ("visibility", visibility),
            ],
        )
        .await;
    let status = created.status();
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(created).await);
    store::find_by_slug(&app.db, "who-makes-riverside-work")
        .await
        .unwrap()
        .expect("the exercise was stored")
}

/// Answers the questionnaire: (name, consent, [(named, kind, relationship)]).
async fn answer(
    app: &TestApp,
    exercise: &store::Exercise,
    name: &str,
    consent: bool,
    ties: &[(&str, &str, &str)],
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields: Vec<(String, String)> = vec![
        ("token".into(), exercise.invite_token.clone()),
        ("kind".into(), "person".into()),
        ("name".into(), name.into()),
    ];
    if consent {
        fields.push(("consent".into(), "yes".into()));
    }
    for (i, (other, kind, relationship)) in ties.iter().enumerate() {
        fields.push((format!("tie-name-{i}"), other.to_string()));
        fields.push((format!("tie-kind-{i}"), kind.to_string()));
        fields.push((format!("tie-rel-{i}"), relationship.to_string()));
        fields.push((format!("tie-often-{i}"), "weekly".into()));
    }
    for (k, v) in extra {
        fields.push((k.to_string(), v.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.client()
        .post_form(&format!("/mapping/{}/answer", exercise.slug), &borrowed)
        .await
}

const WORK: &str = "We work together";
const SHARE: &str = "We share information";

/// Registers an organisation on the site (its page is public), as a signed-in person would.
async fn register_organisation(client: &Client, name: &str) {
    let created = client
        .post_form(
            "/organisations/new",
            &[("name", name), ("kind", "community_group")],
        )
        .await;
    assert_eq!(
        created.status(),
        StatusCode::SEE_OTHER,
        "registering {name}"
    );
}

#[tokio::test]
async fn answers_make_one_node_per_person_and_ties_between_them() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    // The food bank is registered on the site, so its name may be suggested to others.
    register_organisation(&connector, "Riverside Food Bank").await;
    let exercise = start(&app, &connector, "respondents").await;

    let first = answer(
        &app,
        &exercise,
        "Ann Archer",
        true,
        &[
            ("Riverside Food Bank", "organisation", WORK),
            ("Bob Baker", "person", SHARE),
        ],
        &[("skills", "cooking, grant forms"), ("needs", "a van")],
    )
    .await;
    assert_eq!(
        location(&first),
        format!(
            "/mapping/who-makes-riverside-work/thanks?token={}",
            exercise.invite_token
        )
    );
    // Bob answers too, his name typed differently; the food bank's, almost the same: the
    // form suggests the existing name instead of adding a second food bank.
    let suggested = answer(
        &app,
        &exercise,
        "bob  baker",
        false,
        &[("Riverside Food Bnk", "organisation", WORK)],
        &[],
    )
    .await;
    assert_eq!(suggested.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(suggested).await;
    assert!(page.contains("Did you mean Riverside Food Bank?"), "{page}");
    let bob = answer(
        &app,
        &exercise,
        "bob  baker",
        false,
        &[("Riverside Food Bank", "organisation", WORK)],
        &[],
    )
    .await;
    assert_eq!(bob.status(), StatusCode::SEE_OTHER);
    // Someone new with a name like an existing one is added once they say so.
    let new = answer(
        &app,
        &exercise,
        "Cat Cole",
        true,
        &[("Riverside Food Hub", "organisation", WORK)],
        &[("tie-new-0", "yes")],
    )
    .await;
    assert_eq!(new.status(), StatusCode::SEE_OTHER);

    let nodes = store::nodes(&app.db, &exercise.id).await.unwrap();
    let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Ann Archer",
            "Riverside Food Bank",
            "bob  baker",
            "Cat Cole",
            "Riverside Food Hub"
        ]
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM mapping_ties").await,
        4
    );
    // Answering twice under one name is refused and changes nothing.
    let again = answer(&app, &exercise, "Ann Archer", true, &[], &[]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(again)
            .await
            .contains("already answered under this name")
    );
    // A forged link changes nothing either.
    let forged = app
        .client()
        .post_form(
            "/mapping/who-makes-riverside-work/answer",
            &[("token", "guess"), ("kind", "person"), ("name", "Mallory")],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(store::nodes(&app.db, &exercise.id).await.unwrap().len(), 5);
}

#[tokio::test]
async fn people_without_consent_are_pseudonyms_in_public_views_and_every_export() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    // The trust is registered on the site, so it is named without answering.
    register_organisation(&connector, "Canal Trust").await;
    let exercise = start(&app, &connector, "respondents").await;
    let ties = [
        ("Secret Sam", "person", WORK),
        ("Canal Trust", "organisation", WORK),
    ];
    let done = answer(&app, &exercise, "Open Olive", true, &ties, &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let done = answer(
        &app,
        &exercise,
        "Quiet Quinn",
        false,
        &[("Open Olive", "person", SHARE)],
        &[],
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);

    // A respondent (with the link) sees the map with pseudonyms for Sam (named by someone
    // else, so never asked) and Quinn (said no); Olive and the trust by name.
    let token = format!("?token={}", exercise.invite_token);
    let visitor = app.client();
    let public = body(
        visitor
            .get(&format!("/mapping/who-makes-riverside-work/map{token}"))
            .await,
    )
    .await;
    assert!(public.contains("Open Olive") && public.contains("Canal Trust"));
    assert!(!public.contains("Secret Sam") && !public.contains("Quiet Quinn"));
    assert!(
        public.contains("Person 2") && public.contains("Person 3"),
        "{public}"
    );
    let insights = body(
        visitor
            .get(&format!(
                "/mapping/who-makes-riverside-work/insights{token}"
            ))
            .await,
    )
    .await;
    assert!(!insights.contains("Secret Sam") && !insights.contains("Quiet Quinn"));
    for file in [
        "network.gexf",
        "network.graphml",
        "network.json",
        "nodes.csv",
        "ties.csv",
    ] {
        let path = format!("/mapping/who-makes-riverside-work/export/{file}");
        // Even the organiser's downloads carry pseudonyms.
        let text = body(connector.get(&path).await).await;
        assert!(
            !text.contains("Secret Sam") && !text.contains("Quiet Quinn"),
            "{file}"
        );
        if file != "ties.csv" {
            assert!(
                text.contains("Open Olive") && text.contains("Person 2"),
                "{file}: {text}"
            );
        }
    }
    let gexf = body(
        connector
            .get("/mapping/who-makes-riverside-work/export/network.gexf")
            .await,
    )
    .await;
    let read = network::io::read_gexf(&gexf).expect("the export reads back");
    assert_eq!((read.len(), read.edges.len()), (4, 3));

    // The organiser's own map shows every name.
    let own = body(connector.get("/mapping/who-makes-riverside-work/map").await).await;
    assert!(own.contains("Secret Sam") && own.contains("Quiet Quinn"));

    // Without the link the map is hidden, and so are the exports.
    let stranger = app.client();
    for path in ["map", "insights", "compare", "export/network.json"] {
        let refused = stranger
            .get(&format!("/mapping/who-makes-riverside-work/{path}"))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn organisers_mark_introductions_and_compare_rounds() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let exercise = start(&app, &connector, "public").await;
    // Two triangles joined only through Dee: Dee is the connector, and the fragile link.
    for (name, ties) in [
        (
            "Ann",
            vec![("Bob", "person", WORK), ("Cat", "person", WORK)],
        ),
        (
            "Bob",
            vec![("Cat", "person", WORK), ("Dee", "person", WORK)],
        ),
        (
            "Dee",
            vec![("Eve", "person", WORK), ("Fay", "person", WORK)],
        ),
        ("Eve", vec![("Fay", "person", WORK)]),
    ] {
        let done = answer(
            &app,
            &exercise,
            name,
            true,
            &ties,
            &[("interests", "gardens")],
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let insights = body(
        app.client()
            .get("/mapping/who-makes-riverside-work/insights")
            .await,
    )
    .await;
    assert!(
        insights.contains("6 people and organisations with 7 ties"),
        "{insights}"
    );
    let connectors = insights
        .split("Connectors</h2>")
        .nth(1)
        .unwrap()
        .split("</ol>")
        .next()
        .unwrap();
    // Bob and Dee each sit on the paths of six pairs; nobody else on any.
    assert!(
        connectors.contains("Bob") && connectors.contains("Dee"),
        "{connectors}"
    );
    assert!(
        !connectors.contains("Ann") && !connectors.contains("Eve"),
        "{connectors}"
    );
    let fragile = insights
        .split("People who alone connect parts of the network:")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    assert!(
        fragile.contains("Bob") && fragile.contains("Dee"),
        "{fragile}"
    );

    // The first suggestion, marked as made, stays marked.
    let nodes = store::nodes(&app.db, &exercise.id).await.unwrap();
    let id = |name: &str| nodes.iter().find(|n| n.name == name).unwrap().id.clone();
    let page = body(
        connector
            .get("/mapping/who-makes-riverside-work/insights")
            .await,
    )
    .await;
    assert!(page.contains("Mark as introduced"), "{page}");
    let (a, b) = (id("Ann"), id("Dee"));
    let marked = connector
        .post_form(
            "/mapping/who-makes-riverside-work/introductions",
            &[("a", &a), ("b", &b)],
        )
        .await;
    assert_eq!(
        location(&marked),
        "/mapping/who-makes-riverside-work/insights?notice=mapping-introduced"
    );
    let made = store::introductions_made(&app.db, &exercise.id)
        .await
        .unwrap();
    assert_eq!(made.len(), 1);
    // Only organisers may mark.
    let visitor = app.register("Val", "val@example.org", "").await;
    let refused = visitor
        .post_form(
            "/mapping/who-makes-riverside-work/introductions",
            &[("a", &a), ("b", &b)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // A second round, where Ann and Dee now work together, is denser.
    let area = app.area_id("riverside").await;
    let second = connector
        .post_form(
            "/mapping/new",
            &[
                ("title", "Who makes Riverside work"),
                ("slug", "riverside-round-2"),
                ("area", &area),
                ("opens_on", "2020-01-01"),
                ("closes_on", "2099-12-31"),
                ("relationship_types", WORK),
                ("visibility", "public"),
                ("previous", "who-makes-riverside-work"),
            ],
        )
        .await;
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    let round_two = store::find_by_slug(&app.db, "riverside-round-2")
        .await
        .unwrap()
        .unwrap();
    for (name, ties) in [
        (
            "Ann",
            vec![
                ("Bob", "person", WORK),
                ("Cat", "person", WORK),
                ("Dee", "person", WORK),
            ],
        ),
        (
            "Bob",
            vec![("Cat", "person", WORK), ("Dee", "person", WORK)],
        ),
        (
            "Dee",
            vec![("Eve", "person", WORK), ("Fay", "person", WORK)],
        ),
        ("Eve", vec![("Fay", "person", WORK)]),
    ] {
        let done = answer(&app, &round_two, name, true, &ties, &[]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let compare = body(app.client().get("/mapping/riverside-round-2/compare").await).await;
    // 7 ties of 15 possible, then 8 of 15.
    assert!(
        compare.contains("<td>0.467</td>") && compare.contains("<td>0.533</td>"),
        "{compare}"
    );
}

#[tokio::test]
async fn only_organisers_start_exercises_and_bad_forms_change_nothing() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let area = app.area_id("riverside").await;
    let refused = connector
        .post_form(
            "/mapping/new",
            &[
                ("title", "Backwards"),
                ("area", &area),
                ("opens_on", "2026-12-31"),
                ("closes_on", "2026-01-01"),
                ("relationship_types", ""),
                ("visibility", "everyone"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("on or after the opening date"), "{page}");
    assert!(page.contains("Give between 1 and 12 relationships"));
    let resident = app.register("Rita", "rita@example.org", "").await;
    assert_eq!(
        resident.get("/mapping/new").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM mapping_exercises").await,
        0
    );
    // A closed exercise takes no answers.
    let exercise = start(&app, &connector, "public").await;
    let closed = connector
        .post_form("/mapping/who-makes-riverside-work/close", &[])
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let late = answer(&app, &exercise, "Late Larry", true, &[], &[]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn organisers_invite_by_email_and_a_bad_address_sends_nothing() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let exercise = start(&app, &connector, "respondents").await;
    let refused = connector
        .post_form(
            "/mapping/who-makes-riverside-work/invite",
            &[("emails", "ann@example.org\nnot an address")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(refused)
            .await
            .contains("is not an email address. Nothing was sent.")
    );
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM jobs WHERE payload LIKE '%ann@example.org%'"
        )
        .await,
        0
    );

    let sent = connector
        .post_form(
            "/mapping/who-makes-riverside-work/invite",
            &[(
                "emails",
                "ann@example.org, Bob@Example.org\nann@example.org",
            )],
        )
        .await;
    assert_eq!(
        location(&sent),
        "/mapping/who-makes-riverside-work?notice=mapping-invited"
    );
    let mut to = Vec::new();
    for _ in 0..2 {
        let mail = app.mail.next().await;
        let link = format!(
            "/mapping/who-makes-riverside-work/answer?token={}",
            exercise.invite_token
        );
        assert!(mail.text().contains(&link), "{}", mail.text());
        to.extend(mail.to);
    }
    to.sort();
    assert_eq!(to, vec!["ann@example.org", "bob@example.org"]);
    // Only organisers send invitations.
    let resident = app.register("Rita", "rita@example.org", "").await;
    let forbidden = resident
        .post_form(
            "/mapping/who-makes-riverside-work/invite",
            &[("emails", "x@example.org")],
        )
        .await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn skill_cards_ticked_on_the_questionnaire_reach_the_insights_and_every_export() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let exercise = start(&app, &connector, "public").await;
    let page = app
        .client()
        .get(&format!(
            "/mapping/{}/answer?token={}",
            exercise.slug, exercise.invite_token
        ))
        .await;
    let form = body(page).await;
    assert!(form.contains("name=\"card\" type=\"checkbox\" value=\"bike-repair\""));
    assert!(form.contains("<summary>Practical and repair</summary>"));

    let cards = [("card", "bike-repair"), ("card", "driving")];
    for name in ["Ann Able", "Bob Bright", "Dee Deft"] {
        let others: Vec<(&str, &str, &str)> = ["Ann Able", "Bob Bright", "Dee Deft"]
            .into_iter()
            .filter(|o| *o != name)
            .map(|o| (o, "person", WORK))
            .collect();
        let answered = answer(&app, &exercise, name, true, &others, &cards).await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let unknown = answer(
        &app,
        &exercise,
        "Cy Clear",
        true,
        &[],
        &[("card", "levitation")],
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(unknown)
            .await
            .contains("Choose one of the skill cards")
    );

    let csv = body(
        app.client()
            .get(&format!("/mapping/{}/export/nodes.csv", exercise.slug))
            .await,
    )
    .await;
    assert!(csv.contains("skill_cards"), "{csv}");
    assert!(
        csv.contains("Fixing bikes; Driving (a car or a van)"),
        "{csv}"
    );
    let gexf = body(
        app.client()
            .get(&format!("/mapping/{}/export/network.gexf", exercise.slug))
            .await,
    )
    .await;
    assert!(gexf.contains("Fixing bikes"), "{gexf}");
    let insights = body(
        connector
            .get(&format!("/mapping/{}/insights", exercise.slug))
            .await,
    )
    .await;
    assert!(insights.contains("fixing bikes (3)"), "{insights}");
}

#[tokio::test]
async fn the_drawn_map_and_the_reasons_for_introductions_speak_the_readers_language() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let exercise = start(&app, &connector, "public").await;
    // Two triangles joined through Cy: Ann and Eve share Cy but have not met.
    for (name, ties) in [
        ("Ann Able", vec!["Bob Bright", "Cy Clear"]),
        ("Bob Bright", vec!["Cy Clear"]),
        ("Cy Clear", vec!["Dee Deft", "Eve Even"]),
        ("Dee Deft", vec!["Eve Even"]),
    ] {
        let ties: Vec<(&str, &str, &str)> = ties.iter().map(|t| (*t, "person", WORK)).collect();
        let answered = answer(&app, &exercise, name, true, &ties, &[]).await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER, "{name}");
    }
    // Gus knows nobody here yet: he is introduced to Cy, the best-tied.
    let answered = answer(&app, &exercise, "Gus Gone", true, &[], &[]).await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let map_path = format!("/mapping/{}/map", exercise.slug);
    let insights_path = format!("/mapping/{}/insights", exercise.slug);
    let english = body(app.client().get(&map_path).await).await;
    assert!(
        english.contains(">Colour: ") && english.contains("A network of 6 nodes"),
        "{english}"
    );
    let insights = body(app.client().get(&insights_path).await).await;
    assert!(insights.contains("both know Cy Clear"), "{insights}");
    // The pair is named once, before the reason, not again inside it.
    let suggestion = insights
        .split(r#"<ul class="introductions">"#)
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("an introduction");
    let reason = suggestion.rsplit("</strong>: ").next().unwrap_or_default();
    assert!(
        reason.trim_start().starts_with("both know Cy Clear"),
        "the reason does not repeat the names: {suggestion}"
    );
    assert!(
        insights.contains("<strong>Gus Gone</strong> and <strong>Cy Clear</strong>: the first has no ties on this map yet; the second is tied to 4 people and can introduce them around."),
        "{insights}"
    );

    let polish = app.client();
    polish.get("/language/pl?next=%2F").await;
    let map = body(polish.get(&map_path).await).await;
    assert!(
        map.contains(">Kolor: ") && map.contains("Sieć: 6 węzłów, "),
        "{map}"
    );
    let insights = body(polish.get(&insights_path).await).await;
    assert!(insights.contains("oboje znają Cy Clear"), "{insights}");
    assert!(
        insights.contains("druga jest powiązana z 4 osobami i może ją przedstawić innym"),
        "{insights}"
    );
}

/// Names, relationships and "on what" are typed by respondents (and organisers); the node
/// and tie files open in spreadsheets, so nothing typed may run there as a formula (issue
/// 26, finding 4).
#[tokio::test]
async fn the_node_and_tie_files_defuse_formulas_typed_by_respondents() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    let area = app.area_id("riverside").await;
    let created = connector
        .post_form(
            "/mapping/new",
            &[
                ("title", "Formulas"),
                ("slug", "formulas"),
                ("area", &area),
                ("opens_on", "2020-01-01"),
                ("closes_on", "2099-12-31"),
                ("relationship_types", "@SUM(1)\nWe work together"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let exercise = store::find_by_slug(&app.db, "formulas")
        .await
        .unwrap()
        .unwrap();
    let evil = r#"=HYPERLINK("http://evil.example","x")"#;
    let done = answer(
        &app,
        &exercise,
        evil,
        true,
        &[("-2+3 Club", "person", "@SUM(1)")],
        &[("tie-about-0", "+1-2"), ("skills", "@cooking")],
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER, "{}", body(done).await);
    let done = answer(&app, &exercise, "-2+3 Club", true, &[], &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);

    let nodes = body(connector.get("/mapping/formulas/export/nodes.csv").await).await;
    let cells = crate::support::csv_cells(&nodes);
    let at = |column: &str| cells[0].iter().position(|c| c == column).unwrap();
    let labels: Vec<&str> = cells[1..].iter().map(|r| r[at("label")].as_str()).collect();
    assert_eq!(
        labels,
        [format!("'{evil}"), "'-2+3 Club".to_string()],
        "{nodes}"
    );
    assert_eq!(cells[1][at("skills")], "'@cooking");
    crate::support::assert_no_formulas("nodes.csv", &nodes);

    let ties = body(app.client().get("/mapping/formulas/export/ties.csv").await).await;
    let cells = crate::support::csv_cells(&ties);
    let at = |column: &str| cells[0].iter().position(|c| c == column).unwrap();
    assert_eq!(cells[1][at("type")], "'@SUM(1)", "{ties}");
    assert_eq!(cells[1][at("about")], "'+1-2");
    crate::support::assert_no_formulas("ties.csv", &ties);
}

/// Consent follows whoever is named, however the respondent labelled them (issue 26,
/// finding 9): a private person entered as "an organisation" is a pseudonym on the public
/// map, in suggestions and in every export, until they answer and agree; an organisation
/// registered on the site is named.
#[tokio::test]
async fn a_person_named_as_an_organisation_is_not_named_publicly_without_consent() {
    let app = TestApp::spawn().await;
    let connector = connector(&app).await;
    register_organisation(&connector, "Canal Trust").await;
    let exercise = start(&app, &connector, "public").await;
    let done = answer(
        &app,
        &exercise,
        "Open Olive",
        true,
        &[
            ("Priya Private", "organisation", WORK),
            ("canal  trust", "organisation", SHARE),
        ],
        &[],
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);

    let visitor = app.client();
    let map = body(visitor.get("/mapping/who-makes-riverside-work/map").await).await;
    assert!(!map.contains("Priya Private"), "{map}");
    assert!(map.contains("Organisation 1"), "{map}");
    assert!(map.contains("Open Olive") && map.contains("canal  trust"));
    let insights = body(
        visitor
            .get("/mapping/who-makes-riverside-work/insights")
            .await,
    )
    .await;
    assert!(!insights.contains("Priya Private"), "{insights}");
    // Nor is the name suggested to the next respondent.
    let form = body(
        visitor
            .get(&format!(
                "/mapping/who-makes-riverside-work/answer?token={}",
                exercise.invite_token
            ))
            .await,
    )
    .await;
    assert!(!form.contains("Priya Private"), "{form}");
    assert!(form.contains(r#"<option value="canal  trust">"#), "{form}");
    let close = answer(
        &app,
        &exercise,
        "Quinn",
        true,
        &[("Priya Privat", "organisation", WORK)],
        &[],
    )
    .await;
    assert!(
        !body(close).await.contains("Priya Private"),
        "no did-you-mean"
    );
    for file in [
        "network.gexf",
        "network.graphml",
        "network.json",
        "nodes.csv",
        "ties.csv",
    ] {
        let path = format!("/mapping/who-makes-riverside-work/export/{file}");
        for client in [&visitor, &connector] {
            let text = body(client.get(&path).await).await;
            assert!(!text.contains("Priya Private"), "{file}: {text}");
            if file != "ties.csv" {
                assert!(text.contains("canal  trust"), "{file}: {text}");
            }
        }
    }
    // The organisers see every name, as for people.
    let own = body(connector.get("/mapping/who-makes-riverside-work/map").await).await;
    assert!(own.contains("Priya Private"));

    // Once Priya answers herself and agrees, she is named.
    let done = answer(&app, &exercise, "Priya Private", true, &[], &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let map = body(visitor.get("/mapping/who-makes-riverside-work/map").await).await;
    assert!(map.contains("Priya Private"), "{map}");
}

#[tokio::test]
async fn starting_an_exercise_is_offered_only_to_those_who_may() {
    let app = TestApp::spawn().await;
    let cora = connector(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let start_link = r#"href="/mapping/new""#;
    assert!(body(cora.get("/mapping").await).await.contains(start_link));
    assert!(!body(rosa.get("/mapping").await).await.contains(start_link));
    assert!(
        !body(app.client().get("/mapping").await)
            .await
            .contains(start_link)
    );
}
