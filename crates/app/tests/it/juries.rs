//! Citizens' juries in the app: setting one up, volunteering by link and by letter code,
//! the fair draw in the job worker with emails to the people chosen, dropouts replaced
//! within the quotas, and a publication without personal data.

use reqwest::StatusCode;
use squaremile::juries::store::{self, VolunteerStatus};

use std::time::Duration;

use crate::support::{CODE_FAILURES, Client, TestApp, body, count, location, retry_after};

const QUOTAS: &str = "feature,value,min,max\n\
    gender,woman,2,2\n\
    gender,man,2,2\n\
    age,16-39,1,3\n\
    age,40+,1,3\n";

/// An area with an official, and the official's client.
async fn official(app: &TestApp) -> Client {
    let admin = app.admin().await;
    let created = admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Millbrook")])
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
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

async fn set_up_jury(app: &TestApp, official: &Client, quotas: &str) -> store::Jury {
    let area = app.area_id("millbrook").await;
    let created = official
        .post_form(
            "/juries/new",
            &[
                ("title", "Streets for people"),
                ("area", &area),
                ("purpose", "How should we share our streets?"),
                ("panel_size", "4"),
                ("closes_on", "2026-12-31"),
                ("meets_on", "2027-01-20"),
                ("one_per_household", "yes"),
                ("quotas", quotas),
            ],
        )
        .await;
    let status = created.status();
    let where_to = location(&created);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(created).await);
    assert_eq!(
        where_to,
        "/juries/streets-for-people/manage?notice=jury-created"
    );
    store::find_by_slug(&app.db, "streets-for-people")
        .await
        .unwrap()
        .expect("the jury was stored")
}

/// (name, email, address, gender answer, age answer)
type Volunteer<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

const VOLUNTEERS: [Volunteer; 9] = [
    ("Ann", "ann@example.org", "1 Canal Street", "0", "0"),
    ("Bea", "bea@example.org", "2 Canal Street", "0", "1"),
    ("Cat", "cat@example.org", "3 Canal Street", "0", "0"),
    ("Dee", "dee@example.org", "9 Canal Street", "0", "1"),
    ("Dan", "dan@example.org", "4 Canal Street", "1", "1"),
    ("Eli", "eli@example.org", "5 Canal Street", "1", "0"),
    ("Fin", "fin@example.org", "6 Canal Street", "1", "1"),
    ("Gus", "gus@example.org", "7 Canal Street", "1", "0"),
    // Fin's household, written differently.
    ("Hal", "hal@example.org", "6, canal street", "1", "0"),
];

async fn volunteer(
    app: &TestApp,
    slug: &str,
    invitation: (&str, &str),
    who: Volunteer<'_>,
) -> reqwest::Response {
    let (name, email, address, gender, age) = who;
    let client = app.client();
    client
        .post_form(
            &format!("/juries/{slug}/join"),
            &[
                invitation,
                ("name", name),
                ("email", email),
                ("address", address),
                ("postcode", "MB1 2AB"),
                ("answer-0", gender),
                ("answer-1", age),
                ("consent", "yes"),
            ],
        )
        .await
}

async fn selected(app: &TestApp, jury_id: &str) -> Vec<store::Volunteer> {
    store::volunteers(&app.db, jury_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|v| v.status == VolunteerStatus::Selected)
        .collect()
}

#[tokio::test]
async fn an_official_runs_a_jury_from_quotas_to_publication() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    let token = ("token", jury.invite_token.as_str());

    for who in VOLUNTEERS {
        let response = volunteer(&app, &jury.slug, token, who).await;
        assert_eq!(
            location(&response),
            "/juries/streets-for-people/joined",
            "{}",
            who.1
        );
    }
    // The same email twice is refused with a message; a wrong token is refused outright.
    let again = volunteer(&app, &jury.slug, token, VOLUNTEERS[0]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(again).await.contains("already volunteered"));
    let forged = volunteer(
        &app,
        &jury.slug,
        ("token", "guess"),
        ("Zed", "zed@example.org", "9 Mill Lane", "1", "1"),
    )
    .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_volunteers").await,
        9
    );

    // The official sees everyone, with Fin and Hal flagged as one household.
    let page = body(official.get("/juries/streets-for-people/manage").await).await;
    assert!(page.contains("Volunteers (9)"), "{page}");
    assert!(page.contains("2 volunteers share a household"), "{page}");
    // A resident may not see the volunteers.
    let resident = app.register("Rita", "rita@example.org", "").await;
    let refused = resident.get("/juries/streets-for-people/manage").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = resident
        .post_form("/juries/streets-for-people/draw", &[("method", "leximin")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The draw runs in the worker and emails the four people chosen.
    let drawn = official
        .post_form(
            "/juries/streets-for-people/draw",
            &[("method", "leximin"), ("seed", "42")],
        )
        .await;
    assert_eq!(
        location(&drawn),
        "/juries/streets-for-people/manage?notice=jury-draw-queued"
    );
    let mut emailed = Vec::new();
    for _ in 0..4 {
        let mail = app.mail.next().await;
        assert!(
            mail.text()
                .contains("selected at random to sit on Streets for people"),
            "{}",
            mail.text()
        );
        emailed.extend(mail.to);
    }
    let panel = selected(&app, &jury.id).await;
    let mut chosen: Vec<String> = panel.iter().map(|v| v.email.clone()).collect();
    chosen.sort();
    emailed.sort();
    assert_eq!(chosen, emailed);
    let women = panel.iter().filter(|v| v.answers[0] == 0).count();
    assert_eq!(women, 2, "the gender quota is exact");
    let households: std::collections::HashSet<_> =
        panel.iter().map(|v| v.household_key.clone()).collect();
    assert_eq!(households.len(), 4, "at most one per household");

    // Every candidate's chance is stored and they add up to the panel size.
    let draws = store::draws(&app.db, &jury.id).await.unwrap();
    assert_eq!(draws.len(), 1);
    assert!(draws[0].is_done());
    let chances = store::draw_chances(&app.db, &draws[0].id).await.unwrap();
    let total: f64 = chances.iter().map(|c| c.1).sum();
    assert!((total - 4.0).abs() < 1e-6, "chances add up to {total}");
    // Two seats for four women, two for five men in four households: the fair draw gives
    // each woman 1/2 and each man 2/5.
    assert!(draws[0].min_probability.unwrap() > 0.3);

    // Registration is over.
    let late = volunteer(
        &app,
        &jury.slug,
        token,
        ("Ivy", "ivy@example.org", "8 Canal Street", "0", "0"),
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);

    // A woman drops out: the replacement keeps the exact gender quota.
    let leaver = panel.iter().find(|v| v.answers[0] == 0).unwrap();
    let dropped = official
        .post_form(
            &format!(
                "/juries/streets-for-people/volunteers/{}/dropout",
                leaver.id
            ),
            &[],
        )
        .await;
    assert_eq!(dropped.status(), StatusCode::SEE_OTHER);
    let published_too_soon = official
        .post_form("/juries/streets-for-people/publish", &[])
        .await;
    assert_eq!(published_too_soon.status(), StatusCode::CONFLICT);
    let replaced = official
        .post_form(
            "/juries/streets-for-people/replace",
            &[("method", "leximin"), ("seed", "7")],
        )
        .await;
    let status = replaced.status();
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(replaced).await);
    let mail = app.mail.next().await;
    let panel = selected(&app, &jury.id).await;
    assert_eq!(panel.len(), 4);
    let newcomer = panel
        .iter()
        .find(|v| mail.to.contains(&v.email))
        .expect("the replacement was emailed");
    assert_eq!(newcomer.answers[0], 0, "a woman replaces a woman");
    assert_ne!(newcomer.id, leaver.id);

    // Publication: the make-up and the draws, and no personal data.
    let published = official
        .post_form("/juries/streets-for-people/publish", &[])
        .await;
    assert_eq!(
        location(&published),
        "/juries/streets-for-people?notice=jury-published"
    );
    let public = body(app.client().get("/juries/streets-for-people").await).await;
    assert!(public.contains("9 people volunteered"), "{public}");
    assert!(public.contains("<td>42</td>"), "the seed is published");
    assert!(public.contains("Replacements"));
    for (name, email, address, _, _) in VOLUNTEERS {
        assert!(!public.contains(email), "{email} leaked");
        assert!(!public.contains(address), "{address} leaked");
        assert!(!public.contains(&format!(">{name}<")), "{name} leaked");
    }
}

#[tokio::test]
async fn letter_codes_register_one_volunteer_each() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    let made = official
        .post_form("/juries/streets-for-people/codes", &[("count", "3")])
        .await;
    assert_eq!(location(&made), "/juries/streets-for-people/codes");
    let codes = store::letter_codes(&app.db, &jury.id).await.unwrap();
    assert_eq!(codes.len(), 3);
    let page = body(official.get("/juries/streets-for-people/codes").await).await;
    assert!(codes.iter().all(|c| page.contains(&c.code)));

    // Typed as a person would, from a letter: lower case with spaces.
    let typed = format!(
        "{} {}",
        codes[0].code[..5].to_lowercase(),
        &codes[0].code[5..]
    );
    let visitor = app.client();
    let found = visitor.post_form("/jury-code", &[("code", &typed)]).await;
    let join = location(&found);
    assert_eq!(
        join,
        format!("/juries/streets-for-people/join?code={}", codes[0].code)
    );
    assert_eq!(visitor.get(&join).await.status(), StatusCode::OK);
    let who = ("Ann", "ann@example.org", "1 Canal Street", "0", "0");
    let joined = volunteer(&app, &jury.slug, ("code", &codes[0].code), who).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    // Used once, the code no longer works, on either form.
    let again = visitor.post_form("/jury-code", &[("code", &typed)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let other = ("Bob", "bob@example.org", "2 Canal Street", "1", "0");
    let reused = volunteer(&app, &jury.slug, ("code", &codes[0].code), other).await;
    assert_eq!(reused.status(), StatusCode::FORBIDDEN);
    let codes = store::letter_codes(&app.db, &jury.id).await.unwrap();
    assert_eq!(codes.iter().filter(|c| c.used).count(), 1);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_volunteers").await,
        1
    );
}

/// Guessing letter codes without signing in: 5 wrong per browser session, 20 per client
/// address whatever the session, in 15 minutes; the code in a join link counts the same;
/// the count is in the database, so a second app process on it refuses too.
#[tokio::test]
async fn guessing_letter_codes_is_throttled_per_session_and_per_address() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    official
        .post_form("/juries/streets-for-people/codes", &[("count", "1")])
        .await;
    let code = store::letter_codes(&app.db, &jury.id).await.unwrap()[0]
        .code
        .clone();
    let guess = |n: usize| format!("ZZZZZ{n:05}");

    let session = app.client();
    for n in 0..5 {
        let wrong = session
            .post_form("/jury-code", &[("code", &guess(n))])
            .await;
        assert_eq!(
            wrong.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "guess {n}"
        );
    }
    let refused = session.post_form("/jury-code", &[("code", &code)]).await;
    assert_eq!(
        refused.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "per session"
    );

    // Fresh sessions from the same address: 15 more wrong guesses make 20 for the address.
    for n in 5..20 {
        let wrong = app
            .client()
            .post_form("/jury-code", &[("code", &guess(n))])
            .await;
        assert_eq!(
            wrong.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "guess {n}"
        );
    }
    let fresh = app.client();
    let refused = fresh
        .post_form_with(
            "/jury-code",
            &[("code", &code)],
            &[("accept-language", "pl")],
        )
        .await;
    assert_eq!(
        refused.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "per address"
    );
    let wait = retry_after(&refused);
    assert!((880..=900).contains(&wait), "Retry-After {wait}");
    let page = body(refused).await;
    assert!(
        page.contains("Możesz spróbować ponownie za 15 minut."),
        "{page}"
    );
    // The code in a join link is checked by the same count.
    let link = fresh
        .get(&format!("/juries/streets-for-people/join?code={code}"))
        .await;
    assert_eq!(link.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another process on the same database knows of the guesses.
    let other = app.second_instance(|_| {}).await;
    let elsewhere = other
        .client()
        .post_form("/jury-code", &[("code", &code)])
        .await;
    assert_eq!(elsewhere.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        count(&app.db, CODE_FAILURES).await,
        40,
        "20 wrong guesses, each counted per session and per address"
    );

    app.state.clock.advance(Duration::from_secs(15 * 60));
    let found = fresh.post_form("/jury-code", &[("code", &code)]).await;
    assert_eq!(
        location(&found),
        format!("/juries/streets-for-people/join?code={code}")
    );
    assert_eq!(fresh.get(&location(&found)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn impossible_quotas_are_explained_and_nothing_is_drawn() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    // Only one woman volunteers, but the panel needs two.
    for who in &VOLUNTEERS[3..8] {
        let response = volunteer(&app, &jury.slug, ("token", &jury.invite_token), *who).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let refused = official
        .post_form("/juries/streets-for-people/draw", &[("method", "leximin")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("Why no panel can be drawn"), "{page}");
    assert!(
        page.contains("gender = woman: lower the minimum from 2 to 1 (1 volunteered)"),
        "{page}"
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_draws").await,
        0
    );
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'jury_draw'"
        )
        .await,
        0
    );
    let jury = store::find(&app.db, &jury.id).await.unwrap().unwrap();
    assert_eq!(jury.status.as_str(), "open", "registration stays open");
}

#[tokio::test]
async fn quota_files_with_mistakes_are_refused_with_the_line() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let area = app.area_id("millbrook").await;
    let broken = "feature,value,min,max\ngender,woman,2,2\ngender,man,three,2\n";
    let refused = official
        .post_form(
            "/juries/new",
            &[
                ("title", "Broken"),
                ("area", &area),
                ("panel_size", "4"),
                ("closes_on", "2026-12-31"),
                ("quotas", broken),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("line 3"), "{page}");
    // Minimums that add up to more than the panel are caught before any volunteer signs up.
    let too_big = "feature,value,min,max\ngender,woman,3,4\ngender,man,3,4\n";
    let refused = official
        .post_form(
            "/juries/new",
            &[
                ("title", "Too big"),
                ("area", &area),
                ("panel_size", "4"),
                ("closes_on", "31/12/2026"),
                ("quotas", too_big),
            ],
        )
        .await;
    let page = body(refused).await;
    assert!(page.contains("the minimums add up to 6"), "{page}");
    assert!(page.contains("Enter a date as year-month-day"), "{page}");
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM juries").await, 0);

    // Someone without a role cannot set up a jury at all.
    let resident = app.register("Rita", "rita@example.org", "").await;
    assert_eq!(
        resident.get("/juries/new").await.status(),
        StatusCode::FORBIDDEN
    );
    let forged = resident
        .post_form(
            "/juries/new",
            &[
                ("title", "Mine"),
                ("area", &area),
                ("panel_size", "4"),
                ("closes_on", "2026-12-31"),
                ("quotas", QUOTAS),
            ],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM juries").await, 0);
}

#[tokio::test]
async fn the_exported_files_draw_the_same_kind_of_panel_on_the_command_line() {
    let app = TestApp::with_demo().await;
    let admin = app
        .login(squaremile::demo::ADMIN_EMAIL, squaremile::demo::PASSWORD)
        .await;
    let people = admin.get("/juries/streets-for-people/people.csv").await;
    assert_eq!(people.status(), StatusCode::OK);
    assert!(
        people.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("streets-for-people-people.csv")
    );
    let people = body(people).await;
    assert_eq!(people.lines().count(), 141, "a header and 140 volunteers");
    assert!(people.starts_with(
        "id,name,email,phone,address,postcode,household,age,gender,district,housing,status"
    ));
    // The quotas are public; the volunteers are not.
    let categories = body(
        app.client()
            .get("/juries/streets-for-people/categories.csv")
            .await,
    )
    .await;
    assert!(categories.contains("gender,woman,9,11"), "{categories}");
    let anonymous = app
        .client()
        .get("/juries/streets-for-people/people.csv")
        .await;
    assert!(location(&anonymous).starts_with("/login"));
    let resident = app
        .login("tom.hughes@millbrook.example", squaremile::demo::PASSWORD)
        .await;
    let refused = resident.get("/juries/streets-for-people/people.csv").await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "an official of another area"
    );

    let dir = tempfile::tempdir().unwrap();
    let people = crate::support::write_file(&dir, "people.csv", &people);
    let categories = crate::support::write_file(&dir, "categories.csv", &categories);
    let (ok, out, err) = crate::support::jury_select(
        &people,
        &categories,
        "20",
        &[
            "--one-per-household",
            "--household-columns",
            "household",
            "--json",
        ],
    );
    assert!(ok, "{err}");
    let drawn: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(drawn["panel"].as_array().unwrap().len(), 20);
    // The same pool, the same quotas: the fair method reaches the same lowest chance as
    // the site's own draw.
    let jury = store::find_by_slug(&app.db, "streets-for-people")
        .await
        .unwrap()
        .unwrap();
    let site = store::draws(&app.db, &jury.id).await.unwrap()[0]
        .min_probability
        .unwrap();
    let cli = drawn["min_probability"].as_f64().unwrap();
    assert!((site - cli).abs() < 1e-3, "site {site}, command line {cli}");
}

/// Anyone with the public invitation link types a name, a phone number and an address; the
/// official opens the people file in a spreadsheet. Nothing typed may run there as a
/// formula (issue 26, finding 4), and the file still goes into `jury select` with the
/// categories file, even when a value itself starts like a formula.
#[tokio::test]
async fn the_people_file_defuses_formulas_typed_through_the_invitation_link() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let quotas = "feature,value,min,max\n\
        gender,woman,0,2\n\
        gender,man,0,2\n\
        age,-39,0,3\n\
        age,40+,0,3\n";
    let jury = set_up_jury(&app, &official, quotas).await;
    let name = r#"=HYPERLINK("http://evil.example","x")"#;
    let joined = app
        .client()
        .post_form(
            &format!("/juries/{}/join", jury.slug),
            &[
                ("token", jury.invite_token.as_str()),
                ("name", name),
                ("email", "eve@example.org"),
                ("phone", "+1-2"),
                ("address", "@SUM(1)"),
                ("postcode", "MB1 2AB"),
                ("answer-0", "0"),
                ("answer-1", "0"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(location(&joined), "/juries/streets-for-people/joined");

    let people = official.get("/juries/streets-for-people/people.csv").await;
    assert_eq!(people.status(), StatusCode::OK);
    let people = body(people).await;
    let cells = crate::support::csv_cells(&people);
    let at = |column: &str| cells[0].iter().position(|c| c == column).unwrap();
    let eve = &cells[1];
    assert_eq!(eve[at("name")], format!("'{name}"), "{people}");
    assert_eq!(eve[at("phone")], "'+1-2");
    assert_eq!(eve[at("address")], "'@SUM(1)");
    assert_eq!(eve[at("age")], "'-39");
    crate::support::assert_no_formulas("people.csv", &people);
    let categories = body(
        app.client()
            .get("/juries/streets-for-people/categories.csv")
            .await,
    )
    .await;
    crate::support::assert_no_formulas("categories.csv", &categories);

    // The guarded files still make a panel together.
    let dir = tempfile::tempdir().unwrap();
    let people = crate::support::write_file(&dir, "people.csv", &people);
    let categories = crate::support::write_file(&dir, "categories.csv", &categories);
    let (ok, out, err) = crate::support::jury_select(&people, &categories, "1", &["--json"]);
    assert!(ok, "{err}");
    let eve = store::volunteers(&app.db, &jury.id).await.unwrap()[0]
        .id
        .clone();
    assert!(out.contains(&eve), "{out}");
}

/// A draw anyone can check, on the site: the official asks for a lottery; the worker
/// rounds the fair distribution to m panels and the official is told its digest; the
/// jury's page shows it (ids only) before the draw; the public seed picks the panel, whose
/// members are told; `squaremile jury verify` recomputes the draw from the two files.
#[tokio::test]
async fn a_lottery_published_before_the_draw_is_drawn_by_a_public_seed_and_verified() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    let token = ("token", jury.invite_token.as_str());
    for who in VOLUNTEERS {
        let response = volunteer(&app, &jury.slug, token, who).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let draw = "/juries/streets-for-people/draw";
    // Too few panels: the form again, saying the range; nothing queued.
    let refused = official
        .post_form(draw, &[("method", "lottery"), ("lottery_panels", "5")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(refused).await.contains("from 10 to 5,000"));
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_draws").await,
        0
    );
    let asked = official
        .post_form(
            draw,
            &[
                ("method", "lottery"),
                ("seed", "42"),
                ("lottery_panels", "50"),
                ("reserves", "yes"),
            ],
        )
        .await;
    assert_eq!(
        location(&asked),
        "/juries/streets-for-people/manage?notice=jury-draw-queued"
    );
    // The official is told the digest to publish.
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["olly@example.org".to_string()]);
    assert!(
        mail.text().contains("lottery of 50 panels"),
        "{}",
        mail.text()
    );
    let lottery = store::published_lottery(&app.db, &jury.id)
        .await
        .unwrap()
        .expect("published");
    let digest = lottery.digest.clone().unwrap();
    assert!(mail.text().contains(&digest));

    // Public before the draw: the digest and the panels, ids only; nobody is chosen yet.
    let visitor = app.client();
    let page = body(visitor.get("/juries/streets-for-people").await).await;
    assert!(
        page.contains(&digest) && page.contains("has not been drawn yet"),
        "{page}"
    );
    let published = body(visitor.get("/juries/streets-for-people/lottery.json").await).await;
    for personal in ["Ann", "Canal Street", "example.org"] {
        assert!(!published.contains(personal), "{personal} in {published}");
    }
    let publication: serde_json::Value = serde_json::from_str(&published).unwrap();
    assert_eq!(publication["m"], 50);
    assert_eq!(publication["digest"], digest.as_str());
    assert_eq!(
        publication["lottery"]["reserves"].as_array().unwrap().len(),
        50
    );
    assert!(selected(&app, &jury.id).await.is_empty());
    assert_eq!(
        visitor
            .get("/juries/streets-for-people/draw.json")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let manage = body(official.get("/juries/streets-for-people/manage").await).await;
    assert!(
        manage.contains("Draw the published lottery")
            && !manage.contains("http-equiv=\"refresh\"")
            && !manage.contains("action=\"/juries/streets-for-people/draw\""),
        "waiting for the seed, the page stays still and offers no other draw: {manage}"
    );

    // The seed: only an official, not empty; then the panel is drawn once.
    let seed = "/juries/streets-for-people/lottery/seed";
    let resident = app.register("Rita", "rita@example.org", "").await;
    assert_eq!(
        resident
            .post_form(seed, &[("public_seed", "3 14 15")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let empty = official.post_form(seed, &[("public_seed", "  ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(empty).await.contains("Enter the public seed"));
    let drawn = official
        .post_form(seed, &[("public_seed", " 3 14 15 ")])
        .await;
    assert_eq!(
        location(&drawn),
        "/juries/streets-for-people?notice=jury-lottery-drawn#lottery"
    );
    assert_eq!(
        official
            .post_form(seed, &[("public_seed", "9 9 9")])
            .await
            .status(),
        StatusCode::CONFLICT,
        "drawn once"
    );
    let mut emailed = Vec::new();
    for _ in 0..4 {
        let mail = app.mail.next().await;
        assert!(
            mail.text().contains("selected at random"),
            "{}",
            mail.text()
        );
        emailed.extend(mail.to);
    }
    let panel = selected(&app, &jury.id).await;
    let mut chosen: Vec<String> = panel.iter().map(|v| v.email.clone()).collect();
    chosen.sort();
    emailed.sort();
    assert_eq!(chosen, emailed);

    // The draw's record names that panel, and each stored chance is the lottery's, within
    // 1/m of the fair one.
    let record = body(visitor.get("/juries/streets-for-people/draw.json").await).await;
    let record_json: serde_json::Value = serde_json::from_str(&record).unwrap();
    assert_eq!(record_json["seed"], "3 14 15");
    let mut drawn_ids: Vec<String> = record_json["panel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    drawn_ids.sort();
    let mut panel_ids: Vec<String> = panel.iter().map(|v| v.id.clone()).collect();
    panel_ids.sort();
    assert_eq!(drawn_ids, panel_ids);
    let draws = store::draws(&app.db, &jury.id).await.unwrap();
    assert!(draws[0].is_done());
    let stored: std::collections::HashMap<String, f64> = store::draw_chances(&app.db, &draws[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|(id, chance, _)| (id, chance))
        .collect();
    for chance in publication["chances"].as_array().unwrap() {
        let id = chance["id"].as_str().unwrap();
        let lottery = chance["lottery"].as_f64().unwrap();
        let fair = chance["leximin"].as_f64().unwrap();
        assert!((lottery - fair).abs() <= 1.0 / 50.0 + 1e-9, "{id}");
        assert_eq!(stored.get(id).copied().unwrap_or(0.0), lottery, "{id}");
    }
    let page = body(visitor.get("/juries/streets-for-people").await).await;
    assert!(
        page.contains("3 14 15") && page.contains("squaremile jury verify"),
        "{page}"
    );

    // A woman on the panel drops out: the first free woman of the same age band on the
    // drawn panel's reserve list steps in (women's ages pair up in this pool, so one can),
    // is told, and is named in the public record.
    let dropout = panel
        .iter()
        .find(|v| v.answers[0] == 0)
        .expect("two women sit");
    let dropped = official
        .post_form(
            &format!(
                "/juries/streets-for-people/volunteers/{}/dropout",
                dropout.id
            ),
            &[],
        )
        .await;
    assert_eq!(dropped.status(), StatusCode::SEE_OTHER);
    let reserves: Vec<String> = record_json["lottery"]["reserves"]
        [record_json["drawn"].as_u64().unwrap() as usize - 1]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let volunteers = store::volunteers(&app.db, &jury.id).await.unwrap();
    let rest: Vec<&store::Volunteer> = panel.iter().filter(|v| v.id != dropout.id).collect();
    // The quotas: two women and two men, each age band one to three, one per household.
    let meets_quotas = |candidate: &store::Volunteer| {
        let mut after = rest.clone();
        after.push(candidate);
        let women = after.iter().filter(|v| v.answers[0] == 0).count();
        let young = after.iter().filter(|v| v.answers[1] == 0).count();
        let homes: std::collections::HashSet<_> =
            after.iter().map(|v| v.household_key.clone()).collect();
        women == 2 && (1..=3).contains(&young) && homes.len() == 4
    };
    let expected = reserves
        .iter()
        .filter_map(|id| volunteers.iter().find(|v| &v.id == id))
        .find(|v| v.status == VolunteerStatus::Volunteer && meets_quotas(v))
        .expect("a woman outside the panel can take the place, so the list has one")
        .id
        .clone();
    let replaced = official
        .post_form("/juries/streets-for-people/replace", &[])
        .await;
    assert_eq!(
        location(&replaced),
        "/juries/streets-for-people/manage?notice=jury-reserves-stepped-in"
    );
    let mail = app.mail.next().await;
    assert!(
        mail.text().contains("selected at random"),
        "{}",
        mail.text()
    );
    let now: Vec<String> = selected(&app, &jury.id)
        .await
        .into_iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(now.len(), 4);
    assert!(now.contains(&expected) && !now.contains(&dropout.id));
    let page = body(visitor.get("/juries/streets-for-people").await).await;
    assert!(
        page.contains(&expected),
        "the reserve called is public: {page}"
    );

    // Anyone recomputes it from the two files.
    let dir = tempfile::tempdir().unwrap();
    let lottery_file = crate::support::write_file(&dir, "lottery.json", &published);
    let draw_file = crate::support::write_file(&dir, "draw.json", &record);
    let (ok, out, err) =
        crate::support::squaremile(&["jury", "verify", &draw_file, "--lottery", &lottery_file]);
    assert!(ok && out.contains("The draw holds"), "{out}{err}");
}

/// The address lottery on the site: a list of addresses with any header is uploaded, the
/// letters are split between the areas by households (one area over-sampled), each with a
/// code; the letters print; people register with the codes and the answers are counted per
/// area. Mistakes in the file or the form are refused with the line, keeping what was typed.
#[tokio::test]
async fn letters_go_to_addresses_drawn_by_area_and_answers_are_counted_per_area() {
    let app = TestApp::spawn().await;
    let official = official(&app).await;
    let jury = set_up_jury(&app, &official, QUOTAS).await;
    let mut file = String::from("UPRN;Street address;Ward\n");
    for (ward, households) in [("Canal", 60), ("Market", 30), ("Hill", 10)] {
        for h in 0..households {
            file.push_str(&format!("{ward}{h};{h} {ward} Street;{ward}\n"));
        }
    }
    let path = "/juries/streets-for-people/addresses";
    let fields = |letters: &'static str, oversample: &'static str| {
        vec![
            ("address_column", "street address"),
            ("area_column", "ward"),
            ("letters", letters),
            ("oversample", oversample),
            ("address_seed", "11"),
        ]
    };
    // A file with an empty address on line 4: refused with the line; nothing drawn.
    let broken = file.replacen("2 Canal Street", "", 1);
    let refused = official
        .post_multipart(path, &fields("20", ""), &[("addresses", broken.as_bytes())])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("line 4"), "{page}");
    assert!(page.contains("value=\"street address\""), "kept as typed");
    let bad_weight = official
        .post_multipart(
            path,
            &fields("20", "Hill, none"),
            &[("addresses", file.as_bytes())],
        )
        .await;
    assert_eq!(bad_weight.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(bad_weight).await;
    assert!(
        page.contains("Line 1 (") && page.contains("Hill, none") && page.contains("is not an area"),
        "{page}"
    );
    let too_many = official
        .post_multipart(path, &fields("101", ""), &[("addresses", file.as_bytes())])
        .await;
    assert!(
        body(too_many)
            .await
            .contains("101 asked for, 100 in the file")
    );
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM jury_letter_codes WHERE area IS NOT NULL"
        )
        .await,
        0
    );

    // Hill counted twice: 60 : 30 : 20 of 22 letters is 12, 6 and 4.
    let drawn = official
        .post_multipart(
            path,
            &fields("22", "Hill, 2"),
            &[("addresses", file.as_bytes())],
        )
        .await;
    assert_eq!(
        location(&drawn),
        "/juries/streets-for-people/letters?notice=jury-letters-drawn"
    );
    let manage = body(official.get("/juries/streets-for-people/manage").await).await;
    for (ward, sent) in [("Canal", 12), ("Market", 6), ("Hill", 4)] {
        assert!(
            manage.contains(&format!(
                "<th scope=\"row\">{ward}</th><td>0 of {sent} (0.0%)</td>"
            )),
            "{ward}: {manage}"
        );
    }
    // The letters print, each with its address and code; only for officials.
    let letters = body(official.get("/juries/streets-for-people/letters").await).await;
    assert_eq!(letters.matches("<article class=\"letter\"").count(), 22);
    assert!(letters.contains("Hill Street") && letters.contains("/jury-code"));
    let resident = app.register("Rita", "rita@example.org", "").await;
    assert_eq!(
        resident
            .get("/juries/streets-for-people/letters")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    // Someone from Hill answers with their letter's code: Hill's rate moves.
    let code: String = sqlx::query_scalar(
        "SELECT code FROM jury_letter_codes WHERE area = 'Hill' ORDER BY code LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let joined = volunteer(&app, &jury.slug, ("code", code.as_str()), VOLUNTEERS[0]).await;
    assert_eq!(
        joined.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(joined).await
    );
    let manage = body(official.get("/juries/streets-for-people/manage").await).await;
    assert!(
        manage.contains("<th scope=\"row\">Hill</th><td>1 of 4 (25.0%)</td>"),
        "{manage}"
    );
}
