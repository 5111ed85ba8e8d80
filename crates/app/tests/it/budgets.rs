//! Participatory budgeting in the app: every phase and role, secret ballots with receipts,
//! invitation codes and paper ballots, the count in the worker, and a real Pabulib file
//! imported and counted exactly as the engine counts it.

use reqwest::StatusCode;
use squaremile::budgets::{count, election, store};

use crate::photos::{
    COMMENT, GPS_LATITUDE, holds, jpeg_with_gps, png_bomb, png_with_metadata, sides,
};
use crate::support::{
    Client, TEST_ELECTIONS, TestApp, body, count as count_rows, location, test_election,
};

const SLUG: &str = "canal-fund";

/// A city with an official, and the official's client.
async fn official(app: &TestApp) -> Client {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("riverside", "Brook Fields"),
    ] {
        let created = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
    }
    let official = app.register("Olly Official", "olly@example.org", "").await;
    let granted = admin
        .post_form(
            "/areas/millbrook/roles",
            &[("email", "olly@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(granted.status(), StatusCode::SEE_OTHER);
    official
}

/// A resident of Brook Fields (in Millbrook), verified by the official when `verified`:
/// a city's process is open to the residents of every neighbourhood in it.
async fn resident(app: &TestApp, name: &str, email: &str, verified: bool) -> Client {
    let area = app.area_id("brook-fields").await;
    let client = app.register(name, email, &area).await;
    if verified {
        let official = app.user_id("olly@example.org").await;
        let user = app.user_id(email).await;
        assert!(
            squaremile::roles::store::verify_resident(&app.db, &user, &area, &official)
                .await
                .unwrap()
        );
    }
    client
}

async fn set_up(app: &TestApp, official: &Client, format: &str, eligibility: &str) {
    let area = app.area_id("millbrook").await;
    let created = official
        .post_form(
            "/budgets/new",
            &[
                ("title", "Canal fund"),
                ("slug", SLUG),
                ("area", &area),
                ("description", "Money for the canal side."),
                ("budget", "100000"),
                ("currency", "GBP"),
                ("ballot_format", format),
                ("min_choices", "1"),
                ("max_choices", "2"),
                ("points", "5"),
                ("eligibility", eligibility),
                ("min_age", "16"),
                ("allow_changes", "yes"),
                ("support_threshold", "1"),
                ("rule", "mes-add1"),
            ],
        )
        .await;
    let status = created.status();
    let to = location(&created);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(created).await);
    assert_eq!(to, format!("/budgets/{SLUG}/manage?notice=pb-created"));
}

async fn propose(client: &Client, title: &str, cost: &str) -> String {
    let proposed = client
        .post_form(
            &format!("/budgets/{SLUG}/propose"),
            &[
                ("title", title),
                ("description", "It would help everyone on the towpath."),
                ("category", "streets"),
                ("rough_cost", cost),
            ],
        )
        .await;
    assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
    let to = location(&proposed);
    to.trim_start_matches(&format!("/budgets/{SLUG}/projects/"))
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn advance(official: &Client) {
    let moved = official
        .post_form(&format!("/budgets/{SLUG}/advance"), &[])
        .await;
    assert_eq!(
        moved.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(moved).await
    );
}

async fn review(official: &Client, code: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    official
        .post_form(&format!("/budgets/{SLUG}/projects/{code}/review"), fields)
        .await
}

/// The receipt code shown after casting a ballot.
fn receipt_in(page: &str) -> String {
    let start = page.find("<code id=\"receipt\">").expect("a receipt") + 19;
    page[start..start + 14].to_string()
}

async fn phase(app: &TestApp) -> store::Phase {
    store::find_by_slug(&app.db, SLUG)
        .await
        .unwrap()
        .unwrap()
        .phase
}

#[tokio::test]
async fn a_process_runs_from_ideas_to_implementation() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    set_up(&app, &official, "knapsack", "verified").await;
    let ann = resident(&app, "Ann", "ann@example.org", true).await;
    let bob = resident(&app, "Bob", "bob@example.org", true).await;
    let una = resident(&app, "Una Unverified", "una@example.org", false).await;
    // Only those who may run a budget are offered to set one up.
    let set_up_link = r#"href="/budgets/new""#;
    assert!(!body(ann.get("/budgets").await).await.contains(set_up_link));
    assert!(
        body(official.get("/budgets").await)
            .await
            .contains(set_up_link)
    );

    // Ideas: residents propose and support; voting is not open yet.
    let benches = propose(&ann, "Benches on the towpath", "30000").await;
    let lights = propose(&bob, "Lights under the bridge", "60000").await;
    let mural = propose(&bob, "A mural", "50000").await;
    let wall = propose(&ann, "A wall of gold", "90000").await;
    let supported = bob
        .post_form(&format!("/budgets/{SLUG}/projects/{benches}/support"), &[])
        .await;
    assert_eq!(
        location(&supported),
        format!("/budgets/{SLUG}/projects/{benches}?notice=pb-supported")
    );
    let page = body(
        ann.get(&format!("/budgets/{SLUG}/projects/{benches}"))
            .await,
    )
    .await;
    assert!(
        page.contains("<p>1 supporter") && !page.contains("1 supporters"),
        "{page}"
    );
    let early = ann.get(&format!("/budgets/{SLUG}/vote")).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);

    // A resident may not review or move the process on.
    let refused = review(&ann, &benches, &[("status", "feasible"), ("cost", "1")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = ann
        .post_form(&format!("/budgets/{SLUG}/advance"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(phase(&app).await, store::Phase::Ideas);

    // Review: costs are set, a rejection needs a public reason, authors are told.
    advance(&official).await;
    let late = propose_refused(&ann).await;
    assert_eq!(late, StatusCode::CONFLICT);
    let no_reason = review(&official, &wall, &[("status", "rejected"), ("note", "")]).await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let too_soon = official
        .post_form(&format!("/budgets/{SLUG}/advance"), &[])
        .await;
    assert_eq!(
        too_soon.status(),
        StatusCode::CONFLICT,
        "proposals are still waiting"
    );
    for (code, cost) in [(&benches, "30000"), (&lights, "60000"), (&mural, "45000")] {
        let done = review(
            &official,
            code,
            &[("status", "feasible"), ("cost", cost), ("note", "")],
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    let rejected = review(
        &official,
        &wall,
        &[
            ("status", "rejected"),
            ("note", "Gold is not a building material."),
        ],
    )
    .await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    let mut told = Vec::new();
    for _ in 0..4 {
        let mail = app.mail.next().await;
        told.push((mail.to.clone(), mail.text()));
    }
    assert!(
        told.iter()
            .any(|(to, text)| to.contains(&"ann@example.org".to_string())
                && text.contains("cannot go on the ballot")
                && text.contains("Gold is not a building material.")),
        "{told:?}"
    );

    // Voting: only verified residents, once each, within the budget.
    advance(&official).await;
    let refused = una.get(&format!("/budgets/{SLUG}/vote")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = body(refused).await;
    assert!(
        refused.contains("Only verified residents") && refused.contains(r#"href="/verify""#),
        "the refusal explains and leads to verification: {refused}"
    );
    let anonymous = app.client().get(&format!("/budgets/{SLUG}/vote")).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&anonymous).starts_with("/login"),
        "asked to sign in"
    );
    let form = body(ann.get(&format!("/budgets/{SLUG}/vote")).await).await;
    assert!(form.contains("Benches on the towpath") && !form.contains("A wall of gold"));
    let vote = format!("/budgets/{SLUG}/vote");
    let over = ann
        .post_form(
            &vote,
            &[
                ("project", &benches),
                ("project", &lights),
                ("project", &mural),
                ("age", "yes"),
                ("action", "cast"),
            ],
        )
        .await;
    assert_eq!(over.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(over)
            .await
            .contains("more than the budget of £100,000")
    );
    let no_age = ann
        .post_form(&vote, &[("project", &benches), ("action", "cast")])
        .await;
    assert_eq!(no_age.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let checked = ann
        .post_form(
            &vote,
            &[
                ("project", &benches),
                ("project", &lights),
                ("action", "check"),
            ],
        )
        .await;
    assert!(
        body(checked).await.contains("£10,000"),
        "what is left is shown"
    );
    // Checking the choices without JavaScript keeps the age box as it was ticked.
    let checked_with_age = ann
        .post_form(
            &vote,
            &[("project", &benches), ("age", "yes"), ("action", "check")],
        )
        .await;
    assert!(
        body(checked_with_age)
            .await
            .contains(r#"type="checkbox" value="yes" checked>"#),
        "the age answer survives a check"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await,
        0
    );

    let cast = ann
        .post_form(
            &vote,
            &[
                ("project", &benches),
                ("project", &lights),
                ("age", "yes"),
                ("action", "cast"),
            ],
        )
        .await;
    assert_eq!(cast.status(), StatusCode::OK);
    let ann_receipt = receipt_in(&body(cast).await);
    let again = ann
        .post_form(
            &vote,
            &[("project", &mural), ("age", "yes"), ("action", "cast")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let voted_page = body(ann.get(&vote).await).await;
    assert!(voted_page.contains("You have already voted"));
    let bob_cast = bob
        .post_form(
            &vote,
            &[
                ("project", &mural),
                ("project", &benches),
                ("age", "yes"),
                ("action", "cast"),
            ],
        )
        .await;
    assert_eq!(bob_cast.status(), StatusCode::OK);
    let bob_receipt = receipt_in(&body(bob_cast).await);
    // Fewer than a batch: both wait sealed, none is in the ballot box yet.
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_sealed_ballots").await,
        2
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await,
        0
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_voters").await,
        2
    );

    // The receipt shows the ballot as stored, and changes it while voting is open.
    let checked = app
        .client()
        .post_form(
            &format!("/budgets/{SLUG}/receipt"),
            &[("receipt", &bob_receipt.to_lowercase())],
        )
        .await;
    assert_eq!(checked.status(), StatusCode::OK);
    let checked = body(checked).await;
    assert!(checked.contains("A mural") && checked.contains("Benches on the towpath"));
    // The receipt alone changes nothing: not for a visitor who saw it, nor for another
    // voter who types it; only Bob, signed in, changes his ballot.
    let change = [
        ("receipt", bob_receipt.as_str()),
        ("project", lights.as_str()),
        ("action", "cast"),
    ];
    let stranger = app.client().post_form(&vote, &change).await;
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    let not_yours = ann.post_form(&vote, &change).await;
    assert_eq!(not_yours.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(not_yours)
            .await
            .contains("This ballot was not cast from your account")
    );
    let unchanged = body(
        app.client()
            .post_form(
                &format!("/budgets/{SLUG}/receipt"),
                &[("receipt", &bob_receipt)],
            )
            .await,
    )
    .await;
    assert!(unchanged.contains("A mural"), "{unchanged}");
    let changed = bob.post_form(&vote, &change).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert!(body(changed).await.contains("Your ballot has been changed"));
    let forged = bob
        .post_form(
            &vote,
            &[
                ("receipt", "AAAA-BBBB-CCCC"),
                ("project", &lights),
                ("action", "cast"),
            ],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_sealed_ballots").await,
        2
    );

    // Closing the vote counts in the worker, which tells the official. The close moved the
    // sealed ballots into the ballot box.
    advance(&official).await;
    let mail = app.mail.next().await;
    assert!(mail.text().contains("have been counted"), "{}", mail.text());
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await,
        2
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_sealed_ballots").await,
        0
    );
    let closed = bob
        .post_form(
            &vote,
            &[("project", &lights), ("age", "yes"), ("action", "cast")],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::CONFLICT);
    let results = body(app.client().get(&format!("/budgets/{SLUG}/results")).await).await;
    // The chart labels each bar with its project and cost (no "order of the table below").
    assert!(
        results.contains(r#"<span class="bar-label">Lights under the bridge: £"#)
            && !results.contains("in the order of the table below"),
        "{results}"
    );
    // Counted: the projects were voted on, no longer "on the ballot".
    let counted = body(app.client().get(&format!("/budgets/{SLUG}")).await).await;
    assert!(
        counted.contains("Voted on") && !counted.contains("On the ballot"),
        "{counted}"
    );
    assert!(results.contains("2 people voted"), "{results}");
    assert!(results.contains("Funded in round"), "{results}");
    // Lights: both ballots (after Bob's change) hold it; benches: Ann's only.
    let stored = election::read_counted(
        &store::results(&app.db, &stored_id(&app).await)
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(stored.len(), 1, "one budget, one count");
    let funded: Vec<&str> = stored[0]
        .results
        .projects
        .iter()
        .filter(|p| p.funded)
        .map(|p| p.title.as_str())
        .collect();
    assert!(funded.contains(&"Lights under the bridge"), "{funded:?}");

    // The published ballots are a Pabulib file holding both ballots, without names.
    let file = body(
        app.client()
            .get(&format!("/budgets/{SLUG}/ballots.pb"))
            .await,
    )
    .await;
    let parsed = pb::parse(&file).expect("a valid Pabulib file");
    assert_eq!(parsed.voters.len(), 2);
    assert!(!file.contains("Ann") && !file.contains("ann@example.org"));
    let ann_public: String = ann_receipt
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let ann_id = squaremile::web::session::hash_token(&ann_public)[..12].to_string();
    assert!(
        parsed.voters.iter().any(|v| v.id == ann_id),
        "a voter finds their ballot by receipt"
    );

    // Implementation: officials post progress; residents cannot.
    let update = format!("/budgets/{SLUG}/projects/{lights}/updates");
    let refused = ann
        .post_form(
            &update,
            &[("implementation", "in_progress"), ("body", "Soon")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let posted = official
        .post_form(
            &update,
            &[
                ("implementation", "in_progress"),
                ("body", "Cables are in."),
            ],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    advance(&official).await;
    assert_eq!(phase(&app).await, store::Phase::Implementation);
    let page = body(
        app.client()
            .get(&format!("/budgets/{SLUG}/projects/{lights}"))
            .await,
    )
    .await;
    assert!(page.contains("Cables are in.") && page.contains("In progress"));
}

async fn propose_refused(client: &Client) -> StatusCode {
    client
        .post_form(
            &format!("/budgets/{SLUG}/propose"),
            &[
                ("title", "Late idea"),
                ("description", "Too late."),
                ("rough_cost", "10"),
            ],
        )
        .await
        .status()
}

async fn stored_id(app: &TestApp) -> String {
    store::find_by_slug(&app.db, SLUG)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Brings a process with three feasible projects to its voting phase; returns their codes.
async fn to_voting(
    app: &TestApp,
    official: &Client,
    format: &str,
    eligibility: &str,
) -> Vec<String> {
    set_up(app, official, format, eligibility).await;
    let mut codes = Vec::new();
    for (title, cost) in [
        ("Benches", "30000"),
        ("Lights", "60000"),
        ("Mural", "45000"),
    ] {
        codes.push(propose(official, title, cost).await);
    }
    advance(official).await;
    for code in &codes {
        let done = review(
            official,
            code,
            &[("status", "feasible"), ("cost", "30000"), ("note", "")],
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    advance(official).await;
    assert_eq!(phase(app).await, store::Phase::Voting);
    codes
}

#[tokio::test]
async fn invitation_codes_let_people_vote_once_without_an_account() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let codes = to_voting(&app, &official, "cumulative", "codes").await;
    let made = official
        .post_form(&format!("/budgets/{SLUG}/codes"), &[("count", "2")])
        .await;
    assert_eq!(made.status(), StatusCode::OK);
    let page = body(made).await;
    let printed: Vec<String> = page
        .match_indices("<li><code>")
        .map(|(at, _)| page[at + 10..at + 24].to_string())
        .collect();
    assert_eq!(printed.len(), 2, "{page}");
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_codes").await,
        2
    );

    let vote = format!("/budgets/{SLUG}/vote");
    let voter = app.client();
    assert_eq!(voter.get(&vote).await.status(), StatusCode::OK);
    let points = |code: &str, n: &str| (format!("points-{code}"), n.to_string());
    let ballot = [points(&codes[0], "3"), points(&codes[2], "2")];
    let mut fields: Vec<(&str, &str)> = ballot
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.extend([("age", "yes"), ("action", "cast")]);

    let mut with_code = fields.clone();
    with_code.push(("code", "NOPE-NOPE-NOPE"));
    let unknown = voter.post_form(&vote, &with_code).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(unknown)
            .await
            .contains("not known or has already been used")
    );

    let mut over = vec![(format!("points-{}", codes[1]), "6".to_string())];
    over.push(("code".into(), printed[0].clone()));
    let over: Vec<(&str, &str)> = over
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain([("age", "yes"), ("action", "cast")])
        .collect();
    let refused = voter.post_form(&vote, &over).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(refused).await.contains("6 points"));

    let mut good = fields.clone();
    good.push(("code", &printed[0]));
    let cast = voter.post_form(&vote, &good).await;
    assert_eq!(cast.status(), StatusCode::OK);
    let receipt = receipt_in(&body(cast).await);
    let reused = app.client().post_form(&vote, &good).await;
    assert_eq!(
        reused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code votes once"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_sealed_ballots").await,
        1
    );
    let hash =
        squaremile::web::session::hash_token(&squaremile::roles::store::code_as_typed(&receipt));
    let stored = store::ballot_by_receipt(
        &app.db,
        &app.state.ballot_seal,
        &stored_id(&app).await,
        &hash,
    )
    .await
    .unwrap()
    .expect("the sealed ballot, found by its receipt");
    assert_eq!(stored.points, "3,2");
}

#[tokio::test]
async fn paper_ballots_count_only_when_two_officials_type_them_alike() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let codes = to_voting(&app, &official, "approval", "verified").await;
    let second = app.register("Sue Second", "sue@example.org", "").await;
    let admin_grant = app.user_id("sue@example.org").await;
    let area = app.area_id("millbrook").await;
    let olly = app.user_id("olly@example.org").await;
    squaremile::roles::store::grant(
        &app.db,
        &admin_grant,
        &area,
        squaremile::roles::policy::Role::Official,
        &olly,
    )
    .await
    .unwrap();
    let paper = format!("/budgets/{SLUG}/paper");
    let typed = format!("{},{}\n{}\n{}\n", codes[0], codes[1], codes[2], codes[0]);

    let bad = official
        .post_form(
            &paper,
            &[
                ("label", "Box 1"),
                (
                    "ballots",
                    &format!("{}\n{},{},{}\n", codes[0], codes[0], codes[1], codes[2]),
                ),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(bad).await.contains("Line 2"), "errors name the line");

    let first = official
        .post_form(&paper, &[("label", "Box 1"), ("ballots", &typed)])
        .await;
    assert_eq!(
        location(&first),
        format!("/budgets/{SLUG}/manage?notice=pb-paper-first#paper")
    );
    let batch = store::paper_batches(&app.db, &stored_id(&app).await)
        .await
        .unwrap()[0]
        .id
        .clone();
    let same_typist = official
        .post_form(&paper, &[("batch", &batch), ("ballots", &typed)])
        .await;
    assert_eq!(same_typist.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let mistyped = typed.replacen(
        &format!("\n{}\n", codes[2]),
        &format!("\n{}\n", codes[1]),
        1,
    );
    let differs = second
        .post_form(&paper, &[("batch", &batch), ("ballots", &mistyped)])
        .await;
    assert_eq!(
        location(&differs),
        format!("/budgets/{SLUG}/manage?notice=pb-paper-differs#paper")
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await,
        0
    );
    let page = body(official.get(&format!("/budgets/{SLUG}/manage")).await).await;
    assert!(
        page.contains("Lines where the two typings differ"),
        "{page}"
    );
    let discarded = official
        .post_form(&format!("/budgets/{SLUG}/paper/{batch}/discard"), &[])
        .await;
    assert_eq!(discarded.status(), StatusCode::SEE_OTHER);

    official
        .post_form(&paper, &[("label", "Box 1"), ("ballots", &typed)])
        .await;
    let batch = store::paper_batches(&app.db, &stored_id(&app).await)
        .await
        .unwrap()[0]
        .id
        .clone();
    let agreed = second
        .post_form(
            &paper,
            &[("batch", &batch), ("ballots", &typed.replace(',', ", "))],
        )
        .await;
    assert_eq!(
        location(&agreed),
        format!("/budgets/{SLUG}/manage?notice=pb-paper-accepted#paper")
    );
    assert_eq!(
        count_rows(
            &app.db,
            "SELECT COUNT(*) AS n FROM pb_ballots WHERE source = 'paper'"
        )
        .await,
        3
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_voters").await,
        0
    );
}

#[tokio::test]
async fn a_ballot_is_never_joined_to_its_voter() {
    let app = TestApp::spawn().await;
    // No column of a ballot names a person or a time.
    let backend_columns = if std::env::var_os("TEST_DATABASE_URL").is_some() {
        "SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'pb_ballots'"
    } else {
        "SELECT name FROM pragma_table_info('pb_ballots')"
    };
    let columns: Vec<String> = sqlx::query_scalar(backend_columns)
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert!(!columns.is_empty());
    for column in &columns {
        assert!(
            !["user", "voter", "time", "_at", "created", "author"]
                .iter()
                .any(|w| column.contains(w)),
            "pb_ballots.{column} could identify a voter"
        );
    }
    // No statement of the app reads who voted and what they voted together.
    let source = include_str!("../../src/budgets/store.rs");
    for statement in source.split("sqlx::query").skip(1) {
        let statement = statement.split(".bind(").next().unwrap_or(statement);
        assert!(
            !(statement.contains("pb_voters") && statement.contains("pb_ballots")),
            "a statement touches both who voted and the ballots: {statement}"
        );
    }
}

/// The repository's test elections, one per ballot type, counted in the app from their stored
/// ballots, must fund exactly what the engine funds from the file.
#[tokio::test]
async fn an_imported_pabulib_file_is_counted_as_the_engine_counts_it() {
    let app = TestApp::spawn().await;
    official(&app).await;
    let area = app.area_id("millbrook").await;
    for file in TEST_ELECTIONS {
        let text = test_election(file);
        let original = pb::parse(&text).unwrap();
        if original.vote_type == pb::VoteType::Scoring {
            let refused = count::import_file(
                &app.db,
                &text,
                count::ImportTarget {
                    area_id: &area,
                    slug: "scoring",
                    title: None,
                    rule: pb::Rule::Greedy,
                    by: None,
                    notify: None,
                    strict: false,
                },
            )
            .await
            .unwrap_err();
            assert!(
                format!("{refused:#}").contains("scoring ballots cannot be imported"),
                "{refused:#}"
            );
            continue;
        }
        let rules = [
            pb::Rule::MesAdd1,
            pb::Rule::Greedy,
            pb::Rule::Phragmen,
            pb::Rule::MesAdd1Comparison,
            pb::Rule::GreedyPoznan,
        ];
        for rule in rules {
            if !rule.accepts(original.vote_type) {
                continue;
            }
            imported_counts_as_the_engine(&app, &area, file, &text, rule).await;
        }
    }
    let text = test_election("approval.pb");
    // A file with a mistake names its line and stores nothing.
    let broken = text.replacen("VOTES", "VOTES\nvoter_id;vote\nx;999999", 1);
    let error = count::import_file(
        &app.db,
        &broken,
        count::ImportTarget {
            area_id: &area,
            slug: "broken",
            title: None,
            rule: pb::Rule::Mes,
            by: None,
            notify: None,
            strict: false,
        },
    )
    .await
    .unwrap_err();
    assert!(format!("{error:#}").contains("line"), "{error:#}");
    assert!(
        store::find_by_slug(&app.db, "broken")
            .await
            .unwrap()
            .is_none()
    );
}

/// Imports `text` under a slug of its own and checks the app's count and published file.
async fn imported_counts_as_the_engine(
    app: &TestApp,
    area: &str,
    file: &str,
    text: &str,
    rule: pb::Rule,
) {
    let slug = format!("{}-{}", file.trim_end_matches(".pb"), rule.as_str());
    let imported = count::import_file(
        &app.db,
        text,
        count::ImportTarget {
            area_id: area,
            slug: &slug,
            title: None,
            rule,
            by: None,
            notify: None,
            strict: false,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{slug}: {e:#}"));
    // What was read with a warning comes back to the importer.
    assert_eq!(
        imported.warnings,
        pb::parse(text).unwrap().warnings,
        "{slug}"
    );
    assert_eq!(imported.warnings.is_empty(), !file.contains("-repeats"));
    let id = imported.id;
    let process = store::find(&app.db, &id).await.unwrap().unwrap();
    assert_eq!(process.phase, store::Phase::Results);
    let counted = count::count_process(&app.db, &process).await.unwrap();
    let in_app = &counted[0].results;
    let original = pb::parse(text).unwrap();
    // The site counts points as the utility of cumulative and ranking ballots.
    let (_, outcome) = pb::count(&original, rule, process.format.utility()).unwrap();
    let mut expected: Vec<&str> = outcome
        .selected()
        .iter()
        .map(|&p| original.projects[p].id.as_str())
        .collect();
    let mut funded: Vec<&str> = in_app
        .projects
        .iter()
        .filter(|p| p.funded)
        .map(|p| p.code.as_str())
        .collect();
    expected.sort();
    funded.sort();
    assert!(!funded.is_empty(), "{slug}");
    assert_eq!(funded, expected, "{slug}");
    assert_eq!(in_app.voters, original.voters.len());
    // The published file holds the same ballots under the same voter ids.
    let published = body(
        app.client()
            .get(&format!("/budgets/{slug}/ballots.pb"))
            .await,
    )
    .await;
    let again = pb::parse(&published).unwrap();
    // The site keeps choose-1 ballots as approval ballots of one project.
    let kept_as = match original.vote_type {
        pb::VoteType::Choose1 => pb::VoteType::Approval,
        other => other,
    };
    assert_eq!(again.vote_type, kept_as, "{slug}");
    for voter in original.voters.iter() {
        let theirs = again
            .voters
            .iter()
            .find(|v| v.id == voter.id)
            .expect("voter kept");
        let ids = |e: &pb::Election, b: &[u32]| -> Vec<String> {
            b.iter()
                .map(|&p| e.projects[p as usize].id.clone())
                .collect()
        };
        assert_eq!(ids(&again, theirs.ballot), ids(&original, voter.ballot));
        let points = |v: &pb::pabulib::Voter<'_>| -> Vec<pb::Q> {
            (0..v.ballot.len()).map(|at| v.point(at)).collect()
        };
        if original.vote_type.has_points() {
            assert_eq!(points(&theirs), points(&voter), "{slug} {}", voter.id);
        }
    }
}

/// A photo upload as a browser sends it, with the CSRF token in the query string.
async fn upload_photo(client: &Client, path: &str, photo: &[u8], alt: &str) -> reqwest::Response {
    post_multipart(client, path, &[("alt", alt)], ("photo", photo)).await
}

/// The address of the newest photo on a project's page.
async fn served_photo_path(app: &TestApp, code: &str) -> String {
    let page = body(
        app.client()
            .get(&format!("/budgets/{SLUG}/projects/{code}"))
            .await,
    )
    .await;
    let at = page
        .rfind(&format!("/budgets/{SLUG}/photos/"))
        .expect("the photo is shown");
    page[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn photos_are_stored_without_where_they_were_taken() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    set_up(&app, &official, "approval", "verified").await;
    let ann = resident(&app, "Ann", "ann@example.org", true).await;
    let bob = resident(&app, "Bob", "bob@example.org", true).await;
    let benches = propose(&ann, "Benches on the towpath", "30000").await;
    let path = format!("/budgets/{SLUG}/projects/{benches}/photos");

    let added = upload_photo(&ann, &path, &jpeg_with_gps(), "The towpath by the lock").await;
    assert_eq!(
        location(&added),
        format!("/budgets/{SLUG}/projects/{benches}?notice=pb-photo-added#photos")
    );
    let not_theirs = upload_photo(&bob, &path, &jpeg_with_gps(), "Mine").await;
    assert_eq!(not_theirs.status(), StatusCode::FORBIDDEN);
    let svg = upload_photo(&ann, &path, b"<svg onload=alert(1)>", "A drawing").await;
    assert_eq!(svg.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = body(svg).await;
    assert!(refused.contains("Only JPEG and PNG"), "{refused}");
    assert!(
        refused.contains(r#"value="A drawing""#),
        "the description is kept"
    );
    let no_alt = upload_photo(&ann, &path, &jpeg_with_gps(), " ").await;
    assert_eq!(no_alt.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(no_alt)
            .await
            .contains("Describe the photo in a few words")
    );
    let forged = app
        .client()
        .http
        .post(app.client().url(&path))
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    // Over the site's limit: the form comes back with the description kept and the limit.
    let too_big = upload_photo(&ann, &path, &vec![0xFF; 3 * 1024 * 1024], "Huge").await;
    assert_eq!(too_big.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let too_big = body(too_big).await;
    assert!(
        too_big.contains("the most a form can send is 2 MB") && too_big.contains(r#"value="Huge""#),
        "{too_big}"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_photos").await,
        1
    );

    let page = body(
        app.client()
            .get(&format!("/budgets/{SLUG}/projects/{benches}"))
            .await,
    )
    .await;
    assert!(page.contains("alt=\"The towpath by the lock\""));
    let served = app
        .client()
        .get(&served_photo_path(&app, &benches).await)
        .await;
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.unwrap();
    assert!(!holds(&bytes, b"Exif"), "the Exif block was removed");
    assert!(!holds(&bytes, &GPS_LATITUDE), "the position was removed");
    assert!(!holds(&bytes, COMMENT), "the comment was removed");
    assert_eq!(sides(&bytes), (24, 16), "the picture itself is kept");
}

#[tokio::test]
async fn a_png_is_served_without_its_text_exif_or_profile_chunks() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    set_up(&app, &official, "approval", "verified").await;
    let ann = resident(&app, "Ann", "ann@example.org", true).await;
    let benches = propose(&ann, "Benches on the towpath", "30000").await;
    let path = format!("/budgets/{SLUG}/projects/{benches}/photos");

    let added = upload_photo(&ann, &path, &png_with_metadata(), "The lock gates").await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let served = app
        .client()
        .get(&served_photo_path(&app, &benches).await)
        .await;
    assert_eq!(served.headers()["content-type"], "image/png");
    // Nothing hides a project's photo once shown, so anyone may keep it for a day.
    assert_eq!(
        served.headers()["cache-control"],
        "public, max-age=86400, immutable"
    );
    let bytes = served.bytes().await.unwrap();
    for kind in [b"tEXt", b"zTXt", b"iTXt", b"tIME", b"eXIf", b"iCCP"] {
        assert!(!holds(&bytes, kind), "{}", String::from_utf8_lossy(kind));
    }
    assert!(!holds(&bytes, COMMENT) && !holds(&bytes, &GPS_LATITUDE));
    assert_eq!(sides(&bytes), (24, 16));
}

#[tokio::test]
async fn a_photo_that_would_unpack_to_a_gigabyte_is_refused_unopened() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    set_up(&app, &official, "approval", "verified").await;
    let ann = resident(&app, "Ann", "ann@example.org", true).await;
    let benches = propose(&ann, "Benches on the towpath", "30000").await;
    let path = format!("/budgets/{SLUG}/projects/{benches}/photos");

    let refused = upload_photo(&ann, &path, &png_bomb(), "The whole canal").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains("at most 8000 pixels wide and 8000 pixels high"),
        "{page}"
    );
    assert!(
        page.contains(r#"value="The whole canal""#),
        "the description is kept"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_photos").await,
        0
    );
}

/// A multipart form with text fields and one file, as a browser sends it.
async fn post_multipart(
    client: &Client,
    path: &str,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> reqwest::Response {
    client.post_multipart(path, fields, &[file]).await
}

#[tokio::test]
async fn an_official_imports_a_pabulib_file_on_the_site() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    let text = test_election("cumulative.pb");
    let fields = [
        ("area", area.as_str()),
        ("title", "Canal fund 2026"),
        ("slug", ""),
        ("rule", "mes-add1"),
    ];

    let resident = app.register("Rita", "rita@example.org", "").await;
    let refused = post_multipart(
        &resident,
        "/budgets/import",
        &fields,
        ("file", text.as_bytes()),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let broken = text.replacen("PROJECTS", "PROJECTS\nproject_id;cost\nx;not-a-number", 1);
    let refused = post_multipart(
        &official,
        "/budgets/import",
        &fields,
        ("file", broken.as_bytes()),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(refused).await.contains("line "),
        "the error names the line"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_processes").await,
        0
    );

    let imported = post_multipart(
        &official,
        "/budgets/import",
        &fields,
        ("file", text.as_bytes()),
    )
    .await;
    assert_eq!(
        location(&imported),
        "/budgets/canal-fund-2026/results?notice=pb-imported"
    );
    let mail = app.mail.next().await;
    assert!(mail.text().contains("have been counted"), "{}", mail.text());
    let results = body(app.client().get("/budgets/canal-fund-2026/results").await).await;
    let voters = pb::parse(&text).unwrap().voters.len();
    assert!(
        results.contains(&format!("{voters} people voted")),
        "{results}"
    );
}

#[tokio::test]
async fn a_process_counted_by_a_city_rule_for_approvals_needs_approval_ballots() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    for (rule, format, refused) in [
        ("greedy-custom", "cumulative", true),
        ("mes-add1-comparison", "ranking", true),
        ("greedy-custom", "approval", false),
    ] {
        let response = official
            .post_form(
                "/budgets/new",
                &[
                    ("title", "Canal fund"),
                    ("slug", &format!("canal-{rule}-{format}")),
                    ("area", &area),
                    ("budget", "10000"),
                    ("currency", "GBP"),
                    ("ballot_format", format),
                    ("min_choices", "1"),
                    ("max_choices", "2"),
                    ("points", "5"),
                    ("eligibility", "verified"),
                    ("min_age", "0"),
                    ("support_threshold", "0"),
                    ("rule", rule),
                ],
            )
            .await;
        if refused {
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{rule} {format}"
            );
            let page = body(response).await;
            assert!(
                page.contains("This counting rule counts approval and knapsack ballots only."),
                "{page}"
            );
        } else {
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{rule} {format}");
        }
    }
}

/// Poznań's reserve funds: by votes A (3) fits, B (2) does not, but 4 of its 5 are left.
const POZNAN: &str = "META\nkey;value\nbudget;10\nvote_type;approval\ncurrency;PLN\nPROJECTS\nproject_id;cost;name\nA;6;Park\nB;5;Benches\nC;1;Lights\nVOTES\nvoter_id;vote\n1;A,B,C\n2;A,B\n3;A\n";

#[tokio::test]
async fn the_rules_of_wieliczka_and_poznan_are_explained_on_the_results_page() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    let approval = test_election("approval.pb");
    for (text, rule, title) in [
        (POZNAN, "greedy-custom", "Poznan fund"),
        (approval.as_str(), "mes-add1-comparison", "Wieliczka fund"),
    ] {
        let fields = [
            ("area", area.as_str()),
            ("title", title),
            ("slug", ""),
            ("rule", rule),
        ];
        let imported = post_multipart(
            &official,
            "/budgets/import",
            &fields,
            ("file", text.as_bytes()),
        )
        .await;
        assert_eq!(imported.status(), StatusCode::SEE_OTHER, "{rule}");
        app.mail.next().await;
    }
    let poznan = body(app.client().get("/budgets/poznan-fund/results").await).await;
    assert!(
        poznan.contains("Funded in place 2, from reserve funds"),
        "{poznan}"
    );
    let (_, outcome) = pb::count(
        &pb::parse(&approval).unwrap(),
        pb::Rule::MesAdd1Comparison,
        pb::Utility::Cost,
    )
    .unwrap();
    let comparison = outcome.comparison.unwrap();
    assert!(!comparison.votes_won);
    let wieliczka = body(app.client().get("/budgets/wieliczka-fund/results").await).await;
    assert!(
        wieliczka.contains(&format!(
            "Comparison step: {} voters prefer this outcome and {} prefer counting by votes alone, so this outcome stands.",
            comparison.prefer_equal_shares, comparison.prefer_votes
        )),
        "{wieliczka}"
    );
}

#[tokio::test]
async fn a_file_with_repeated_projects_is_imported_with_its_warnings_or_refused_when_strict() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    let text = test_election("ordinal-repeats.pb");
    let warnings = pb::parse(&text).unwrap().warnings;
    let first_line = warnings[0].line().to_string();
    let strict = [
        ("area", area.as_str()),
        ("title", "Ranked fund"),
        ("slug", ""),
        ("rule", "mes-add1"),
        ("strict", "yes"),
    ];
    let refused = post_multipart(
        &official,
        "/budgets/import",
        &strict,
        ("file", text.as_bytes()),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    let pb::Warning::RepeatedProject { voter, project, .. } = &warnings[0] else {
        panic!("a repetition comes first: {:?}", warnings[0]);
    };
    let first = format!(
        "Line {first_line}: voter {voter} ranks project {project} more than once; \
         it keeps the place where it was first named."
    );
    assert!(
        page.contains(&format!(
            "this one has {} warnings. The first: {first}",
            warnings.len()
        )),
        "{page}"
    );
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_processes").await,
        0
    );

    let imported = post_multipart(
        &official,
        "/budgets/import",
        &strict[..4],
        ("file", text.as_bytes()),
    )
    .await;
    assert_eq!(imported.status(), StatusCode::OK);
    let page = body(imported).await;
    assert!(
        page.contains(&format!("Imported, with {} warnings", warnings.len())),
        "{page}"
    );
    assert!(page.contains(&first), "{page}");
    assert!(
        page.contains("href=\"/budgets/ranked-fund/results\""),
        "{page}"
    );
    let mail = app.mail.next().await;
    assert!(mail.text().contains("have been counted"), "{}", mail.text());
    let results = body(app.client().get("/budgets/ranked-fund/results").await).await;
    let voters = pb::parse(&text).unwrap().voters.len();
    assert!(
        results.contains(&format!("{voters} people voted")),
        "{results}"
    );
}

/// The official's process form with a budget split by district.
async fn set_up_split(
    official: &Client,
    area: &str,
    budget: &str,
    format: &str,
    parts: &str,
) -> reqwest::Response {
    official
        .post_form(
            "/budgets/new",
            &[
                ("title", "Canal fund"),
                ("slug", SLUG),
                ("area", area),
                ("budget", budget),
                ("currency", "GBP"),
                ("ballot_format", format),
                ("min_choices", "1"),
                ("max_choices", "2"),
                ("points", "5"),
                ("eligibility", "verified"),
                ("min_age", "0"),
                ("support_threshold", "0"),
                ("rule", "mes-add1"),
                ("sub_budgets", parts),
            ],
        )
        .await
}

#[tokio::test]
async fn a_split_budget_is_voted_and_counted_part_by_part() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    let parts = "North; 60,000\nSouth; 30,000";

    // Mistakes name the line, and create nothing.
    for (budget, format, typed, says) in [
        ("100000", "knapsack", parts, "add up to £90,000"),
        ("90000", "knapsack", "North; 60000\nSouth 30000", "Line 2"),
        ("90000", "knapsack", "North; 90000", "two parts or more"),
        ("90000", "ranking", parts, "Ranking ballots cannot be split"),
    ] {
        let refused = set_up_split(&official, &area, budget, format, typed).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = body(refused).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    assert_eq!(
        count_rows(&app.db, "SELECT COUNT(*) AS n FROM pb_processes").await,
        0
    );
    let created = set_up_split(&official, &area, "90000", "knapsack", parts).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);

    // Every proposal names its part.
    let unplaced = official
        .post_form(
            &format!("/budgets/{SLUG}/propose"),
            &[
                ("title", "Benches"),
                ("description", "Somewhere to sit."),
                ("rough_cost", "30000"),
            ],
        )
        .await;
    assert_eq!(unplaced.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut codes = std::collections::HashMap::new();
    for (title, cost, part) in [
        ("Benches", "30000", "north"),
        ("Lights", "40000", "north"),
        ("Mural", "20000", "south"),
        ("Trees", "25000", "south"),
    ] {
        let proposed = official
            .post_form(
                &format!("/budgets/{SLUG}/propose"),
                &[
                    ("title", title),
                    ("description", "For the canal side."),
                    ("rough_cost", cost),
                    ("sub_budget", part),
                ],
            )
            .await;
        assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
        let code = location(&proposed)
            .trim_start_matches(&format!("/budgets/{SLUG}/projects/"))
            .split('?')
            .next()
            .unwrap()
            .to_string();
        codes.insert(title, (code, cost));
    }
    advance(&official).await;
    for (code, cost) in codes.values() {
        let done = review(
            &official,
            code,
            &[("status", "feasible"), ("cost", cost), ("note", "")],
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    advance(&official).await;
    let shown = body(app.client().get(&format!("/budgets/{SLUG}")).await).await;
    assert!(shown.contains("North: £60,000") && shown.contains("South: £30,000"));

    // Each part has its own fieldset and budget on the ballot, and its own limit.
    let ann = resident(&app, "Ann", "ann@example.org", true).await;
    let vote = format!("/budgets/{SLUG}/vote");
    let ballot = body(ann.get(&vote).await).await;
    assert!(ballot.contains("budget-left-north") && ballot.contains("budget-left-south"));
    let code = |title: &str| codes[title].0.clone();
    let over = ann
        .post_form(
            &vote,
            &[
                ("project", &code("Benches")),
                ("project", &code("Lights")),
                ("action", "cast"),
            ],
        )
        .await;
    assert_eq!(over.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(over).await.contains("more than the budget of £60,000"));
    let bob = resident(&app, "Bob", "bob@example.org", true).await;
    let cara = resident(&app, "Cara", "cara@example.org", true).await;
    for (voter, picks) in [
        (&ann, ["Benches", "Mural"]),
        (&bob, ["Lights", "Trees"]),
        (&cara, ["Lights", "Mural"]),
    ] {
        let cast = voter
            .post_form(
                &vote,
                &[
                    ("project", &code(picks[0])),
                    ("project", &code(picks[1])),
                    ("action", "cast"),
                ],
            )
            .await;
        assert_eq!(cast.status(), StatusCode::OK, "{picks:?}");
    }

    // Closing the vote counts each part with its own money and ballots.
    advance(&official).await;
    // Authors heard about their reviews first; the count's message comes last.
    while !app.mail.next().await.text().contains("have been counted") {}
    let stored = election::read_counted(
        &store::results(&app.db, &stored_id(&app).await)
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = stored
        .iter()
        .map(|p| p.sub_budget.as_ref().unwrap().1.as_str())
        .collect();
    assert_eq!(names, ["North", "South"]);
    let funded = |part: usize| -> Vec<String> {
        stored[part]
            .results
            .projects
            .iter()
            .filter(|p| p.funded)
            .map(|p| p.title.clone())
            .collect()
    };
    // North: Lights has two voters (20,000 each of 60,000 / 3); Benches one, and what is
    // left after Lights cannot buy it. South: Mural's two voters pay 10,000 each.
    assert_eq!(funded(0), ["Lights"]);
    assert_eq!(funded(1), ["Mural"]);
    assert_eq!(stored[0].results.budget, 60_000);
    assert_eq!(stored[1].results.voters, 3);
    let results = body(app.client().get(&format!("/budgets/{SLUG}/results")).await).await;
    assert!(
        results.contains(">North</h2>") && results.contains(">South</h2>"),
        "{results}"
    );

    // One Pabulib file per part, as the library publishes each district.
    let north = body(
        app.client()
            .get(&format!("/budgets/{SLUG}/ballots.pb?part=north"))
            .await,
    )
    .await;
    let parsed = pb::parse(&north).unwrap();
    assert_eq!(parsed.budget.to_f64(), 60_000.0);
    assert_eq!(parsed.projects.len(), 2);
    assert_eq!(
        parsed.voters.len(),
        3,
        "every ballot holds a northern project"
    );
    let whole = app
        .client()
        .get(&format!("/budgets/{SLUG}/ballots.pb"))
        .await;
    assert_eq!(whole.status(), StatusCode::NOT_FOUND);
}
