use reqwest::StatusCode;

use crate::support::{PASSWORD, TestApp, body, count, location, set_cookies};

#[tokio::test]
async fn a_fresh_site_asks_the_first_visitor_to_create_the_admin_and_only_once() {
    let app = TestApp::spawn().await;
    let visitor = app.client();
    let home = visitor.get("/").await;
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&home), "/setup");

    let admin = app.admin().await;
    let account = body(admin.get("/account").await).await;
    assert!(account.contains("admin@example.org"), "{account}");
    let is_admin = squaremile::accounts::store::find_by_email(&app.db, "admin@example.org")
        .await
        .unwrap()
        .unwrap()
        .is_admin;
    assert!(is_admin);

    // A second visitor cannot become admin through the setup form any more.
    let late = app.client();
    assert_eq!(location(&late.get("/setup").await), "/login");
    let refused = late
        .post_form(
            "/setup",
            &[
                ("display_name", "Eve"),
                ("email", "eve@example.org"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM users").await, 1);
}

#[tokio::test]
async fn registration_validates_every_field_and_changes_nothing_when_wrong() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let client = app.client();
    client.get("/register").await;
    let response = client
        .post_form(
            "/register",
            &[
                ("display_name", " "),
                ("email", "not-an-email"),
                ("password", "short"),
                ("password_confirm", "different"),
                ("home_area", "no-such-area"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(response).await;
    assert!(page.contains("There is a problem"), "error summary: {page}");
    for message in [
        "Enter your name.",
        "Enter an email address in the right format",
        "at least 10 characters",
        "do not match",
        "Choose a neighbourhood from the list.",
    ] {
        assert!(page.contains(message), "missing {message:?}");
    }
    assert!(page.contains(r#"aria-invalid="true""#));
    assert!(
        page.contains(r##"href="#email""##),
        "summary links to the field"
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM users").await, 1);
}

#[tokio::test]
async fn registering_never_says_whether_an_address_has_an_account() {
    let app = TestApp::spawn().await;
    app.admin().await;
    // The helper follows the emailed link, which signs Ann in.
    let ann = app.register("Ann Okafor", "Ann@Example.org", "").await;
    let account = body(ann.get("/account").await).await;
    assert!(
        account.contains("ann@example.org"),
        "email is normalised: {account}"
    );

    let try_register = |email: &'static str| {
        let client = app.client();
        async move {
            client.get("/register").await;
            client
                .post_form(
                    "/register",
                    &[
                        ("display_name", "Someone"),
                        ("email", email),
                        ("password", PASSWORD),
                        ("password_confirm", PASSWORD),
                    ],
                )
                .await
        }
    };
    // A known and an unknown address get the same answer; only the owner's inbox differs.
    let known = try_register("ann@example.org").await;
    let unknown = try_register("bea@example.org").await;
    for response in [&known, &unknown] {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(response), "/register/sent");
    }
    let reminder = app.mail.next_to("ann@example.org").await;
    assert!(
        reminder.text().contains("It already has one"),
        "{}",
        reminder.text()
    );
    assert!(reminder.registration_path().is_none());
    let link = app
        .mail
        .next_to("bea@example.org")
        .await
        .registration_path()
        .expect("a new address gets its link");
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM users").await, 2);

    // The link opens a page with one button; the account exists only once it is pressed.
    let bea = app.client();
    let page = bea.get(&link).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(body(page).await.contains("Welcome, Someone."));
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM users").await, 2);
    let made = bea.post_form(&link, &[]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    assert!(
        body(bea.get("/account").await)
            .await
            .contains("bea@example.org")
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM users").await, 3);
    // Used up: a second press makes nothing.
    let again = app.client();
    again.get(&link).await;
    assert_eq!(again.post_form(&link, &[]).await.status(), StatusCode::GONE);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM pending_registrations").await,
        0
    );

    // One address gets three registration emails a quarter of an hour, whoever asks (Ann's
    // own registration, the try above, and this one).
    assert_eq!(
        try_register("ann@example.org").await.status(),
        StatusCode::SEE_OTHER
    );
    let refused = try_register("ann@example.org").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(body(refused).await.contains("several registration emails"));
}

#[tokio::test]
async fn sign_in_rotates_the_session_and_sign_out_ends_it_on_the_server() {
    let app = TestApp::spawn().await;
    app.admin().await;
    app.register("Ben", "ben@example.org", "").await;

    let client = app.client();
    client.get("/login").await;
    // A session id planted before sign-in (session fixation) must not survive it.
    client.set_cookie("sm_session", "planted-by-an-attacker");
    let csrf_before = client.cookie("sm_csrf").unwrap();
    let wrong = client
        .post_form(
            "/login",
            &[
                ("email", "ben@example.org"),
                ("password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(wrong)
            .await
            .contains("The email address or password is not right.")
    );
    let unknown = client
        .post_form(
            "/login",
            &[("email", "nobody@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        body(unknown)
            .await
            .contains("The email address or password is not right."),
        "no account enumeration"
    );

    let ok = client
        .post_form(
            "/login",
            &[
                ("email", "ben@example.org"),
                ("password", PASSWORD),
                ("next", "/areas"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), "/areas");
    let cookies = set_cookies(ok.headers());
    let session_cookie = cookies
        .iter()
        .find(|c| c.starts_with("sm_session="))
        .expect("session cookie");
    assert!(
        session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"),
        "{session_cookie}"
    );
    let token = client.cookie("sm_session").unwrap();
    assert_ne!(token, "planted-by-an-attacker");
    assert_ne!(
        client.cookie("sm_csrf").unwrap(),
        csrf_before,
        "CSRF token rotates at sign-in"
    );

    // Signing in again from elsewhere gives a different session.
    let other = app.login("ben@example.org", PASSWORD).await;
    assert_ne!(other.cookie("sm_session").unwrap(), token);

    let out = client.post_form("/logout", &[]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    // Replaying the old cookie does not sign anyone in: the session is gone server-side.
    let replay = app.client();
    replay.set_cookie("sm_session", &token);
    assert_eq!(
        location(&replay.get("/account").await),
        "/login?next=%2Faccount"
    );
    assert_eq!(
        other.get("/account").await.status(),
        StatusCode::OK,
        "other sessions continue"
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_an_emailed_link_that_works_once() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let old_session = app.register("Cara", "cara@example.org", "").await;

    let client = app.client();
    client.get("/password/forgot").await;
    let asked = client
        .post_form("/password/forgot", &[("email", "CARA@example.org")])
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    assert!(body(asked).await.contains("is on its way"));

    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["cara@example.org".to_string()]);
    assert!(
        mail.text()
            .contains("Subject: Reset your Square Mile password"),
        "{}",
        mail.text()
    );
    let link = mail.reset_path().expect("reset link in the email");

    assert_eq!(client.get(&link).await.status(), StatusCode::OK);
    let mismatch = client
        .post_form(
            &link,
            &[
                ("password", "a new password 1"),
                ("password_confirm", "another"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = client
        .post_form(
            &link,
            &[
                ("password", "a new password 1"),
                ("password_confirm", "a new password 1"),
            ],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/login?notice=password-reset");

    // The link is used up, the old password no longer works, and old sessions have ended.
    assert_eq!(client.get(&link).await.status(), StatusCode::GONE);
    let reuse = client
        .post_form(
            &link,
            &[
                ("password", "third password!!"),
                ("password_confirm", "third password!!"),
            ],
        )
        .await;
    assert_eq!(reuse.status(), StatusCode::GONE);
    let old = app.client();
    old.get("/login").await;
    let refused = old
        .post_form(
            "/login",
            &[("email", "cara@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.login("cara@example.org", "a new password 1").await;
    assert_eq!(
        old_session.get("/account").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn asking_to_reset_an_unknown_email_looks_the_same_and_sends_nothing() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let client = app.client();
    client.get("/password/forgot").await;
    let asked = client
        .post_form("/password/forgot", &[("email", "ghost@example.org")])
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    assert!(body(asked).await.contains("is on its way"));
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM jobs").await, 0);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM password_resets").await,
        0
    );
}

#[tokio::test]
async fn people_edit_their_profile_change_password_export_and_delete_their_data() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Millbrook")])
        .await;
    admin
        .post_form(
            "/areas/new",
            &[("parent", "millbrook"), ("name", "Riverside")],
        )
        .await;
    admin
        .post_form(
            "/areas/new",
            &[("parent", "riverside"), ("name", "Old Market")],
        )
        .await;
    let old_market = app.area_id("old-market").await;

    let dan = app.register("Dan", "dan@example.org", "").await;
    let saved = dan
        .post_form(
            "/account",
            &[
                ("display_name", "Dan Moss"),
                ("bio", "I fix bikes."),
                ("home_area", &old_market),
                ("locale", "pl"),
            ],
        )
        .await;
    assert_eq!(location(&saved), "/account?notice=profile-saved");
    let page = body(dan.get("/account").await).await;
    assert!(page.contains("Dan Moss") && page.contains("I fix bikes."));
    assert!(
        page.contains("Twoje konto"),
        "the chosen language applies: {page}"
    );

    let wrong = dan
        .post_form(
            "/account/password",
            &[
                ("current_password", "not it at all"),
                ("password", "brand new pass"),
                ("password_confirm", "brand new pass"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let changed = dan
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "brand new pass"),
                ("password_confirm", "brand new pass"),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        dan.get("/account").await.status(),
        StatusCode::OK,
        "still signed in here"
    );

    let export = dan.get("/account/export").await;
    assert_eq!(export.status(), StatusCode::OK);
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = export.json().await.unwrap();
    assert_eq!(data["account"]["email"], "dan@example.org");
    assert_eq!(data["account"]["bio"], "I fix bikes.");
    assert_eq!(data["area_roles"][0]["role"], "resident");
    assert_eq!(data["area_roles"][0]["area_slug"], "old-market");
    assert!(
        data["account"].get("password_hash").is_none(),
        "no secrets in the export"
    );

    let refused = dan
        .post_form("/account/delete", &[("current_password", "wrong")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let deleted = dan
        .post_form("/account/delete", &[("current_password", "brand new pass")])
        .await;
    assert_eq!(location(&deleted), "/?notice=account-deleted");
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM users WHERE email = 'dan@example.org'"
        )
        .await,
        0
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM area_roles").await,
        0
    );
    assert_eq!(dan.get("/account").await.status(), StatusCode::SEE_OTHER);

    // The only site admin cannot delete themselves and leave the site without one.
    let last = admin
        .post_form("/account/delete", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(last.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(last).await.contains("only site administrator"));
}

#[tokio::test]
async fn pages_speak_polish_when_asked_and_the_switch_works_without_javascript() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let client = app.client();
    let login = body(
        client
            .get_with("/login", &[("accept-language", "pl-PL,pl;q=0.9,en;q=0.5")])
            .await,
    )
    .await;
    assert!(login.contains(r#"<html lang="pl">"#));
    assert!(
        login.contains("Logowanie") && login.contains("Przejdź do treści"),
        "{login}"
    );

    let switch = client.get("/language/pl?next=%2Fregister").await;
    assert_eq!(location(&switch), "/register");
    let register = body(client.get("/register").await).await;
    assert!(register.contains("Załóż konto"));
    let back = client
        .get("/language/en-GB?next=https%3A%2F%2Fevil.example%2F")
        .await;
    assert_eq!(location(&back), "/", "no open redirect");
    assert!(
        body(client.get("/register").await)
            .await
            .contains("Create an account")
    );
}
