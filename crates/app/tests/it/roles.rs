//! Roles per area: who may do what, checked on the server for every action.

use reqwest::StatusCode;

use std::time::Duration;

use crate::support::{CODE_FAILURES, Client, TestApp, body, count, location, retry_after};

/// Millbrook > North Millbrook > Canal Quarter, and Millbrook > Riverside > Old Market.
async fn city(app: &TestApp) -> Client {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "North Millbrook"),
        ("north-millbrook", "Canal Quarter"),
        ("millbrook", "Riverside"),
        ("riverside", "Old Market"),
    ] {
        let created = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER, "creating {name}");
    }
    admin
}

async fn grant(admin: &Client, area: &str, email: &str, role: &str) {
    let granted = admin
        .post_form(
            &format!("/areas/{area}/roles"),
            &[("email", email), ("role", role)],
        )
        .await;
    assert_eq!(
        granted.status(),
        StatusCode::SEE_OTHER,
        "granting {role} to {email}"
    );
}

async fn is_verified(app: &TestApp, email: &str, area: &str) -> bool {
    let user = app.user_id(email).await;
    let roles = squaremile::roles::store::of_user(&app.db, &user)
        .await
        .unwrap();
    roles
        .iter()
        .any(|r| r.area_slug == area && r.role.as_str() == "resident" && r.verified)
}

/// (action, "METHOD /path", form fields, the actors who may do it)
type Action<'a> = (&'a str, String, Vec<(&'a str, &'a str)>, &'a [&'a str]);

#[tokio::test]
async fn each_role_can_do_exactly_its_own_actions() {
    let app = TestApp::spawn().await;
    let admin = city(&app).await;
    let canal = app.area_id("canal-quarter").await;
    let resident = app
        .register("Rita Resident", "rita@example.org", &canal)
        .await;
    let official = app.register("Olly Official", "olly@example.org", "").await;
    let moderator = app.register("Mo Moderator", "mo@example.org", "").await;
    let representative = app.register("Rep Rose", "rose@example.org", "").await;
    let area_admin = app.register("Abe Areaadmin", "abe@example.org", "").await;
    let elsewhere = app.register("Elle Elsewhere", "elle@example.org", "").await;
    grant(&admin, "north-millbrook", "olly@example.org", "official").await;
    grant(&admin, "millbrook", "mo@example.org", "moderator").await;
    grant(
        &admin,
        "canal-quarter",
        "rose@example.org",
        "representative",
    )
    .await;
    grant(&admin, "millbrook", "abe@example.org", "admin").await;
    grant(&admin, "riverside", "elle@example.org", "official").await;
    let pending = app.register("Pat Pending", "pat@example.org", &canal).await;
    drop(pending);
    let pat = app.user_id("pat@example.org").await;

    let verify = format!("/areas/canal-quarter/residents/{pat}/verify");
    let actors: [(&str, &Client); 6] = [
        ("resident", &resident),
        ("official", &official),
        ("moderator", &moderator),
        ("representative", &representative),
        ("area admin", &area_admin),
        ("official of another district", &elsewhere),
    ];
    let actions: Vec<Action> = vec![
        (
            "see people and roles",
            "GET /areas/canal-quarter/people".into(),
            vec![],
            &["official", "area admin"],
        ),
        (
            "make invitation codes",
            "POST /areas/canal-quarter/invitations".into(),
            vec![("count", "2")],
            &["official", "area admin"],
        ),
        (
            "give a role",
            "POST /areas/canal-quarter/roles".into(),
            vec![("email", "pat@example.org"), ("role", "connector")],
            &["area admin"],
        ),
        (
            "edit the area page",
            "POST /areas/canal-quarter/edit".into(),
            vec![("name", "Canal Quarter"), ("description", "Edited.")],
            &["area admin"],
        ),
        (
            "add an area",
            "POST /areas/new".into(),
            vec![("parent", "north-millbrook"), ("name", "New Bit")],
            &["area admin"],
        ),
        (
            "verify a resident",
            format!("POST {verify}"),
            vec![],
            &["official", "area admin"],
        ),
    ];
    for (action, request, fields, allowed) in &actions {
        // Refusals first, so the state they must not change is still there to check.
        let mut ordered: Vec<_> = actors.iter().collect();
        ordered.sort_by_key(|(name, _)| allowed.contains(name));
        for (name, client) in ordered {
            let (method, path) = request.split_once(' ').unwrap();
            let response = if method == "GET" {
                client.get(path).await
            } else {
                client.post_form(path, fields).await
            };
            let status = response.status();
            if allowed.contains(name) {
                assert!(
                    status == StatusCode::OK
                        || status == StatusCode::SEE_OTHER
                        || status == StatusCode::CONFLICT,
                    "{name} should be able to {action}: got {status}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{name} must not {action}");
                let page = body(response).await;
                assert!(
                    page.contains("You cannot do that"),
                    "friendly 403 page for {name}: {page}"
                );
            }
        }
        if *action == "verify a resident" {
            assert!(is_verified(&app, "pat@example.org", "canal-quarter").await);
        }
    }
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM areas WHERE slug = 'new-bit'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM invitation_codes").await,
        4,
        "two per allowed actor"
    );
}

#[tokio::test]
async fn nobody_verifies_themselves_and_verification_is_visible() {
    let app = TestApp::spawn().await;
    let admin = city(&app).await;
    let canal = app.area_id("canal-quarter").await;
    let official = app
        .register("Olly Official", "olly@example.org", &canal)
        .await;
    grant(&admin, "north-millbrook", "olly@example.org", "official").await;
    let olly = app.user_id("olly@example.org").await;
    let own = official
        .post_form(
            &format!("/areas/canal-quarter/residents/{olly}/verify"),
            &[],
        )
        .await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    assert!(body(own).await.contains("cannot verify yourself"));
    assert!(!is_verified(&app, "olly@example.org", "canal-quarter").await);

    // Another official (here the site admin) can.
    let people = body(admin.get("/areas/canal-quarter/people").await).await;
    assert!(people.contains("Verify Olly Official"), "{people}");
    let verified = admin
        .post_form(
            &format!("/areas/canal-quarter/residents/{olly}/verify"),
            &[],
        )
        .await;
    assert_eq!(
        location(&verified),
        "/areas/canal-quarter/people?notice=resident-verified"
    );
    assert!(is_verified(&app, "olly@example.org", "canal-quarter").await);
    let again = admin
        .post_form(
            &format!("/areas/canal-quarter/residents/{olly}/verify"),
            &[],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let page = body(app.client().get("/areas/canal-quarter").await).await;
    assert!(page.contains("Verified residents: 1"), "{page}");
}

#[tokio::test]
async fn an_invitation_code_verifies_a_resident_once() {
    let app = TestApp::spawn().await;
    let admin = city(&app).await;
    let made = admin
        .post_form("/areas/old-market/invitations", &[("count", "3")])
        .await;
    assert_eq!(made.status(), StatusCode::OK);
    let page = body(made).await;
    assert!(page.contains("New codes"));
    let codes = squaremile::roles::store::invitations(&app.db, &app.area_id("old-market").await)
        .await
        .unwrap();
    assert_eq!(codes.len(), 3);
    let code = codes[0].code.clone();
    assert!(page.contains(&code));

    let too_many = admin
        .post_form("/areas/old-market/invitations", &[("count", "5000")])
        .await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let zoe = app.register("Zoe", "zoe@example.org", "").await;
    let wrong = zoe.post_form("/verify", &[("code", "AAAA-BBBB")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let typed = code.to_lowercase().replace('-', " ");
    let used = zoe.post_form("/verify", &[("code", &typed)]).await;
    assert_eq!(
        location(&used),
        "/areas/old-market?notice=resident-verified-self"
    );
    assert!(is_verified(&app, "zoe@example.org", "old-market").await);

    let yan = app.register("Yan", "yan@example.org", "").await;
    let reused = yan.post_form("/verify", &[("code", &code)]).await;
    assert_eq!(reused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(reused).await.contains("already been used"));
}

/// Guessing invitation codes: 5 wrong codes per account in 15 minutes, from any number of
/// addresses, then even the right code is refused until the oldest wrong one is 15
/// minutes old; the wait is told truly, and the count lives in the database.
#[tokio::test]
async fn guessing_invitation_codes_is_throttled_per_account_from_any_address() {
    let app = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    let admin = city(&app).await;
    admin
        .post_form("/areas/old-market/invitations", &[("count", "1")])
        .await;
    let codes = squaremile::roles::store::invitations(&app.db, &app.area_id("old-market").await)
        .await
        .unwrap();
    let code = codes[0].code.clone();
    let zoe = app.register("Zoe", "zoe@example.org", "").await;

    // Text that cannot be a code is a typing slip, not a guess: it does not count.
    for _ in 0..3 {
        let slip = zoe.post_form("/verify", &[("code", "ABC")]).await;
        assert_eq!(slip.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    for n in 0..5 {
        let address = format!("203.0.113.{n}");
        let wrong = zoe
            .post_form_with(
                "/verify",
                &[("code", &format!("ZZZZ-ZZZ{n}"))],
                &[("x-forwarded-for", &address)],
            )
            .await;
        assert_eq!(
            wrong.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "guess {n}"
        );
    }
    // The right code, from a fresh address, is refused too: otherwise guessing would go on.
    let refused = zoe
        .post_form_with(
            "/verify",
            &[("code", &code)],
            &[("x-forwarded-for", "198.51.100.7")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&refused);
    assert!((880..=900).contains(&wait), "Retry-After {wait}");
    let page = body(refused).await;
    assert!(
        page.contains("Too many wrong codes") && page.contains("You can try again in 15 minutes."),
        "{page}"
    );
    assert!(!is_verified(&app, "zoe@example.org", "old-market").await);
    // Someone else is not held back by Zoe's guesses.
    let yan = app.register("Yan", "yan@example.org", "").await;
    let wrong = yan.post_form("/verify", &[("code", "ZZZZ-ZZZZ")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Zoe's 5 failures and Yan's 1 are stored, each per account and per address; the
    // refused attempt was not counted.
    assert_eq!(count(&app.db, CODE_FAILURES).await, 12);

    // Fifteen minutes on, the right code works, and the old failures are gone.
    app.state.clock.advance(Duration::from_secs(15 * 60));
    let used = zoe.post_form("/verify", &[("code", &code)]).await;
    assert_eq!(
        location(&used),
        "/areas/old-market?notice=resident-verified-self"
    );
    assert!(is_verified(&app, "zoe@example.org", "old-market").await);
    assert_eq!(count(&app.db, CODE_FAILURES).await, 0);
}

#[tokio::test]
async fn only_admins_give_and_take_roles_and_residence_is_claimed_not_granted() {
    let app = TestApp::spawn().await;
    let admin = city(&app).await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let unknown = admin
        .post_form(
            "/areas/riverside/roles",
            &[("email", "nobody@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(unknown).await.contains("Nobody has an account"));
    let resident_role = admin
        .post_form(
            "/areas/riverside/roles",
            &[("email", "sam@example.org"), ("role", "resident")],
        )
        .await;
    assert_eq!(
        resident_role.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "residence is claimed and verified, not granted"
    );

    grant(&admin, "riverside", "sam@example.org", "connector").await;
    let sam_id = app.user_id("sam@example.org").await;
    let revoked = admin
        .post_form(
            "/areas/riverside/roles/revoke",
            &[("user_id", &sam_id), ("role", "connector")],
        )
        .await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM area_roles").await,
        0
    );

    // Saying you live in a district (rather than a neighbourhood) is refused.
    let district = sam.post_form("/areas/riverside/join", &[]).await;
    assert_eq!(district.status(), StatusCode::CONFLICT);
    let joined = sam.post_form("/areas/old-market/join", &[]).await;
    assert_eq!(
        location(&joined),
        "/areas/old-market?notice=residence-claimed"
    );
    assert!(!is_verified(&app, "sam@example.org", "old-market").await);
    assert!(
        body(sam.get("/areas/old-market").await)
            .await
            .contains("You have said you live here.")
    );
}
