//! Forged and stale forms, cross-site requests, oversized bodies, rate limits, headers and
//! error pages: bad input gets a clear answer and changes nothing.

use reqwest::StatusCode;

use crate::support::{PASSWORD, TestApp, body, count, location};

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
    assert!(limited.headers().contains_key("retry-after"));
    assert!(body(limited).await.contains("Too many attempts"));
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
