//! Forged and stale forms, cross-site requests, oversized bodies, rate limits, headers and
//! error pages: bad input gets a clear answer and changes nothing.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{Client, PASSWORD, TestApp, body, count, location, retry_after};

#[tokio::test]
async fn a_form_without_the_right_token_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let fields = [("parent", ""), ("name", "Forgedville")];

    let missing = admin.post_raw("/areas/new", &fields, &[]).await;
    assert_eq!(missing.status(), StatusCode::FORBIDDEN);
    assert!(
        body(missing)
            .await
            .contains("This form has expired or did not come from this site")
    );
    let wrong = admin
        .post_raw(
            "/areas/new",
            &[
                ("csrf_token", "guessed"),
                ("parent", ""),
                ("name", "Forgedville"),
            ],
            &[],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    // A cross-site page posting with the victim's cookies is stopped by the origin check too.
    let token = admin.cookie("sm_csrf").unwrap();
    let cross = admin
        .post_raw(
            "/areas/new",
            &[
                ("csrf_token", &token),
                ("parent", ""),
                ("name", "Forgedville"),
            ],
            &[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM areas").await, 0);

    let same_site = admin
        .post_raw(
            "/areas/new",
            &[
                ("csrf_token", &token),
                ("parent", ""),
                ("name", "Realville"),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(same_site.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_form_from_before_sign_out_is_stale() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let before = admin.cookie("sm_csrf").unwrap();
    admin.post_form("/logout", &[]).await;
    let relogged = app.login("admin@example.org", PASSWORD).await;
    let stale = relogged
        .post_raw(
            "/areas/new",
            &[("csrf_token", &before), ("parent", ""), ("name", "Stale")],
            &[],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM areas").await, 0);
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_a_clear_page() {
    let app = TestApp::spawn_with(|c| c.max_body_bytes = 64 * 1024).await;
    let admin = app.admin().await;
    let huge = "x".repeat(200 * 1024);
    let response = admin
        .post_form(
            "/areas/new",
            &[("parent", ""), ("name", "Big"), ("description", &huge)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body(response).await.contains("That was too large"));
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM areas").await, 0);
}

#[tokio::test]
async fn repeated_sign_in_attempts_are_slowed_down() {
    let app = TestApp::spawn_with(|c| {
        c.rate_limit.burst = 3;
        c.rate_limit.replenish_seconds = 3600;
    })
    .await;
    app.admin().await; // uses one attempt (setup)
    let client = app.client();
    client.get("/login").await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let r = client
            .post_form(
                "/login",
                &[("email", "admin@example.org"), ("password", "wrong wrong")],
            )
            .await;
        statuses.push(r.status());
    }
    assert_eq!(
        statuses,
        [
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    let limited = client
        .post_form(
            "/login",
            &[("email", "admin@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    // One attempt comes back each hour: the wait said is that hour, not a made-up minute.
    let wait = retry_after(&limited);
    assert!((3590..=3600).contains(&wait), "Retry-After {wait}");
    let page = body(limited).await;
    assert!(
        page.contains("Too many attempts") && page.contains("You can try again in 60 minutes."),
        "{page}"
    );
    // Reading pages is not limited.
    assert_eq!(client.get("/login").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_page_carries_security_headers() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let response = app.client().get("/login").await;
    let headers = response.headers();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert_eq!(headers["x-frame-options"], "DENY");
    let page = body(response).await;
    assert!(!page.contains("<script"), "pages need no JavaScript");
}

#[tokio::test]
async fn errors_are_friendly_pages_or_json_and_sign_in_is_asked_for() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let visitor = app.client();
    let missing = visitor.get("/no/such/page").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let page = body(missing).await;
    assert!(
        page.contains("Page not found") && page.contains(r#"<a class="skip-link""#),
        "{page}"
    );
    let api = visitor.get("/api/v1/areas/nowhere").await;
    assert_eq!(api.status(), StatusCode::NOT_FOUND);
    let json: serde_json::Value = api.json().await.unwrap();
    assert_eq!(json["status"], 404);

    let account = visitor.get("/account").await;
    assert_eq!(account.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&account), "/login?next=%2Faccount");
    let post = visitor
        .post_form("/areas/new", &[("parent", ""), ("name", "X")])
        .await;
    assert_eq!(post.status(), StatusCode::UNAUTHORIZED);
    assert!(body(post).await.contains("Please sign in"));
    let next = visitor.get("/login?next=https://evil.example").await;
    assert!(
        body(next).await.contains(r#"name="next" value="/""#),
        "next cannot leave the site"
    );
}

/// Signs in from `address` (the app trusts X-Forwarded-For in these tests).
async fn sign_in_from(client: &Client, email: &str, password: &str, address: &str) -> StatusCode {
    client
        .post_form_with(
            "/login",
            &[("email", email), ("password", password)],
            &[("x-forwarded-for", address)],
        )
        .await
        .status()
}

/// Wrong passwords for one account from many addresses: after 10 in 15 minutes, sign-in to
/// that account is paused (the right password included) and the wait is told truly; an
/// email without an account is treated the same, so the pause reveals nothing; other
/// accounts are not held back.
#[tokio::test]
async fn sign_in_is_throttled_per_account_whatever_the_address() {
    let app = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    app.admin().await;
    app.register("Bob", "bob@example.org", "").await;
    let client = app.client();
    for email in ["admin@example.org", "nobody@example.org"] {
        for n in 0..10 {
            let status =
                sign_in_from(&client, email, "wrong wrong", &format!("203.0.113.{n}")).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{email} guess {n}"
            );
        }
    }
    // Typed differently, from a new address, with the right password: still paused.
    let paused = client
        .post_form_with(
            "/login",
            &[("email", " Admin@Example.org"), ("password", PASSWORD)],
            &[("x-forwarded-for", "198.51.100.1")],
        )
        .await;
    assert_eq!(paused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&paused);
    assert!((880..=900).contains(&wait), "Retry-After {wait}");
    let page = body(paused).await;
    assert!(
        page.contains("Too many wrong passwords")
            && page.contains("You can try again in 15 minutes."),
        "{page}"
    );
    let unknown = sign_in_from(&client, "nobody@example.org", "x", "198.51.100.2").await;
    assert_eq!(unknown, StatusCode::TOO_MANY_REQUESTS, "the same answer");
    let bob = sign_in_from(&app.client(), "bob@example.org", PASSWORD, "203.0.113.1").await;
    assert_eq!(bob, StatusCode::SEE_OTHER, "another account signs in");

    app.state.clock.advance(Duration::from_secs(15 * 60));
    let back = sign_in_from(&client, "admin@example.org", PASSWORD, "198.51.100.1").await;
    assert_eq!(back, StatusCode::SEE_OTHER);
}

/// The owner of a paused account gets in at once by resetting the password by email.
#[tokio::test]
async fn a_password_reset_lifts_the_sign_in_pause() {
    let app = TestApp::spawn().await;
    app.admin().await;
    app.register("Cara", "cara@example.org", "").await;
    let client = app.client();
    for _ in 0..10 {
        let wrong = client
            .post_form(
                "/login",
                &[("email", "cara@example.org"), ("password", "guess guess")],
            )
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let paused = client
        .post_form(
            "/login",
            &[("email", "cara@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(paused.status(), StatusCode::TOO_MANY_REQUESTS);
    client
        .post_form("/password/forgot", &[("email", "cara@example.org")])
        .await;
    let link = app.mail.next().await.reset_path().expect("reset link");
    let new_password = "a brand new password";
    let reset = client
        .post_form(
            &link,
            &[
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    app.login("cara@example.org", new_password).await;
}

/// A signed-in person guessing their own current password (a borrowed session) counts
/// against the same pause as sign-in.
#[tokio::test]
async fn guessing_the_current_password_counts_like_sign_in() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let dana = app.register("Dana", "dana@example.org", "").await;
    for _ in 0..10 {
        let wrong = dana
            .post_form("/account/delete", &[("current_password", "maybe this one")])
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let paused = dana
        .post_form("/account/delete", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(paused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM users WHERE email = 'dana@example.org'"
        )
        .await,
        1
    );
}

/// A client that sends one header line and then nothing is cut off once the header read
/// timeout passes, instead of holding the connection open.
#[tokio::test]
async fn a_connection_that_never_finishes_its_headers_is_closed() {
    let app = TestApp::spawn_with(|c| c.header_read_timeout_seconds = 1).await;
    let address = app.base.trim_start_matches("http://");
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    let started = Instant::now();
    slow.write_all(b"GET /setup HTTP/1.1\r\nHost: squaremile.test\r\n")
        .await
        .unwrap();
    // Whatever the server says (a 408, or nothing), it must then close the connection.
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        let mut buffer = [0u8; 1024];
        loop {
            match slow.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the connection was still open after 10 s");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "closed by the timeout, not at once"
    );
    // A client that sends its request in time is served as usual.
    assert_eq!(app.client().get("/setup").await.status(), StatusCode::OK);
}

/// What a signed-in person sees is personal: no cache may keep it. Public files keep their
/// own rule, and visitors who are not signed in get no such header.
#[tokio::test]
async fn signed_in_pages_and_the_data_export_are_never_stored_by_caches() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    for path in ["/", "/account", "/account/export", "/no/such/page"] {
        let response = admin.get(path).await;
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
    let script = admin.get("/static/ballot.js").await;
    assert_eq!(script.headers()["cache-control"], "public, max-age=3600");
    let visitor = app.client().get("/login").await;
    assert!(visitor.headers().get("cache-control").is_none());
}

/// HSTS only where the site is reached over HTTPS: an https public address, or a trusted
/// proxy saying the request came over HTTPS; never on plain HTTP, and never on the word of
/// an untrusted header.
#[tokio::test]
async fn strict_transport_security_is_sent_only_over_https() {
    let hsts = |response: &reqwest::Response| {
        response
            .headers()
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let year = Some("max-age=31536000".to_string());
    let https = TestApp::spawn_with(|c| c.public_url = "https://squaremile.test".into()).await;
    assert_eq!(hsts(&https.client().get("/login").await), year);

    let plain = TestApp::spawn().await;
    let forwarded = [("x-forwarded-proto", "https")];
    assert_eq!(hsts(&plain.client().get("/login").await), None);
    assert_eq!(
        hsts(&plain.client().get_with("/login", &forwarded).await),
        None,
        "X-Forwarded-Proto is not trusted without behind_proxy"
    );

    let proxied = TestApp::spawn_with(|c| c.behind_proxy = true).await;
    assert_eq!(
        hsts(&proxied.client().get_with("/login", &forwarded).await),
        year
    );
    assert_eq!(
        hsts(
            &proxied
                .client()
                .get_with("/login", &[("x-forwarded-proto", "http")])
                .await
        ),
        None
    );
}
