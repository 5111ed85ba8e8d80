//! Where the site sends people after switching language or signing in (`?next=`): only to
//! a path on this site, never another host, never a 500, and never a session whose cookie
//! was not sent (issue 26, finding 3).

use reqwest::StatusCode;

use crate::support::{PASSWORD, TestApp, body, count, location, set_cookies};

/// `next` values as they appear in a link (percent-encoded), each of which a browser would
/// follow off the site or which cannot be a header at all.
const ATTACKS: [&str; 7] = [
    // A tab after the slash: browsers drop it and go to //evil.example/x.
    "/%09/evil.example/x",
    // CR LF: not a valid header value (it used to give a 500).
    "/%0d%0aSet-Cookie:x",
    // A backslash, which browsers read as a slash.
    "/%5Cevil.example",
    // Two slashes, encoded.
    "%2F%2Fevil.example",
    // A newline, a space, and a host.
    "/%0a/evil.example",
    "/%20/evil.example",
    "https://evil.example/",
];

const SESSIONS: &str = "SELECT COUNT(*) AS n FROM sessions";

/// The value the login form carries in its hidden `next` field.
fn hidden_next(page: &str) -> String {
    let at = page
        .find(r#"name="next" value=""#)
        .expect("the login form carries next");
    let rest = &page[at + r#"name="next" value=""#.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The value a query string gives for `next`, decoded as the server decodes it.
fn decoded(encoded: &str) -> String {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(&format!("next={encoded}")).unwrap();
    pairs[0].1.clone()
}

#[tokio::test]
async fn the_language_switch_sends_people_only_to_a_path_on_this_site() {
    let app = TestApp::spawn().await;
    let visitor = app.client();
    for attack in ATTACKS {
        let response = visitor.get(&format!("/language/pl?next={attack}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{attack}");
        assert_eq!(location(&response), "/", "{attack}");
        assert!(
            set_cookies(response.headers())
                .iter()
                .any(|c| c.starts_with("sm_lang=pl")),
            "the language is still switched: {attack}"
        );
    }
    // A path on this site, with its query, still comes back.
    let home = visitor
        .get("/language/en?next=%2Fareas%3Fq%3Dmill%2520lane")
        .await;
    assert_eq!(location(&home), "/areas?q=mill%20lane");
}

#[tokio::test]
async fn signing_in_sends_people_only_to_a_path_on_this_site_and_every_session_has_its_cookie() {
    let app = TestApp::spawn().await;
    app.admin().await;
    for attack in ATTACKS {
        // The link a victim is sent: the form carries `next` on to the sign-in.
        let client = app.client();
        let form = client.get(&format!("/login?next={attack}")).await;
        assert_eq!(form.status(), StatusCode::OK, "{attack}");
        let carried = hidden_next(&body(form).await);
        assert_eq!(carried, "/", "the form drops {attack}");
        // And the same value posted straight to the sign-in, as a forged form would.
        for next in [carried, decoded(attack)] {
            let client = app.client();
            client.get("/login").await;
            let before = count(&app.db, SESSIONS).await;
            let signed_in = client
                .post_form(
                    "/login",
                    &[
                        ("email", "admin@example.org"),
                        ("password", PASSWORD),
                        ("next", &next),
                    ],
                )
                .await;
            assert_eq!(signed_in.status(), StatusCode::SEE_OTHER, "{next:?}");
            assert_eq!(location(&signed_in), "/", "{next:?}");
            assert!(
                set_cookies(signed_in.headers())
                    .iter()
                    .any(|c| c.starts_with("sm_session=")),
                "the session cookie is sent: {next:?}"
            );
            assert_eq!(
                count(&app.db, SESSIONS).await,
                before + 1,
                "one session, the one whose cookie was sent: {next:?}"
            );
            assert_eq!(
                client.get("/account").await.status(),
                StatusCode::OK,
                "signed in: {next:?}"
            );
        }
    }
    // A path on this site is where signing in leads.
    let client = app.client();
    let form = body(client.get("/login?next=%2Fareas%2Fnew").await).await;
    let next = hidden_next(&form);
    assert_eq!(next, "/areas/new");
    let signed_in = client
        .post_form(
            "/login",
            &[
                ("email", "admin@example.org"),
                ("password", PASSWORD),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(location(&signed_in), "/areas/new");
}
