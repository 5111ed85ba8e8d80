//! Stories about services: moderated before publication, answered by the provider, and
//! shown on other sites through the widget, the one page that may be framed.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, body, location};

/// A health centre with an official (Kofi), and the site admin who moderates.
async fn health_centre(app: &TestApp) -> (Client, Client) {
    let admin = app.admin().await;
    let kofi = app.register("Kofi", "kofi@example.org", "").await;
    let made = admin
        .post_form(
            "/organisations/new",
            &[
                ("name", "Riverside Health Centre"),
                ("kind", "health_service"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let added = admin
        .post_form(
            "/organisations/riverside-health-centre/members",
            &[("email", "kofi@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    (admin, kofi)
}

async fn tell(client: &Client, title: &str) -> String {
    let told = client
        .post_form(
            "/stories/new",
            &[
                ("organisation", "riverside-health-centre"),
                ("service", "Tuesday baby clinic"),
                ("title", title),
                ("body", "We waited an hour, but the nurse was wonderful."),
                ("good", "The nurse took her time with us."),
                ("better", "Tell us when the clinic runs late."),
            ],
        )
        .await;
    assert_eq!(told.status(), StatusCode::SEE_OTHER);
    location(&told)
        .trim_start_matches("/stories/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn stories_are_moderated_then_answered_by_the_provider() {
    let app = TestApp::spawn().await;
    let (admin, kofi) = health_centre(&app).await;
    let ama = app.register("Ama", "ama@example.org", "").await;
    let id = tell(&ama, "A long wait and a kind nurse").await;

    // Waiting for a moderator: the author sees it, nobody else does.
    let own = body(ama.get(&format!("/stories/{id}")).await).await;
    assert!(own.contains("Waiting for a moderator"), "{own}");
    assert_eq!(
        app.client().get(&format!("/stories/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        !body(app.client().get("/stories").await)
            .await
            .contains("A long wait")
    );
    let moderate = format!("/stories/{id}/moderate");
    let refused = kofi.post_form(&moderate, &[("decision", "publish")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // "Do not publish" without a reason: the queue comes back with the reason asked for
    // beside this story's note, not a dead end.
    let no_reason = admin
        .post_form(&moderate, &[("decision", "reject"), ("note", "   ")])
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = body(no_reason).await;
    assert!(again.contains("Give the author a reason"), "{again}");
    assert!(again.contains(r##"href="#note""##) && again.contains(r#"id="note""#));
    let queue = body(admin.get("/stories/moderate").await).await;
    assert!(queue.contains("A long wait and a kind nurse"));
    let published = admin.post_form(&moderate, &[("decision", "publish")]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let again = admin.post_form(&moderate, &[("decision", "publish")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "decided once");
    assert!(
        body(app.client().get("/stories").await)
            .await
            .contains("A long wait")
    );

    // A story not published tells its author why.
    let other = tell(&ama, "Rude receptionist named here").await;
    let rejected = admin
        .post_form(
            &format!("/stories/{other}/moderate"),
            &[
                ("decision", "reject"),
                (
                    "note",
                    "Please do not name staff; tell it again without the name.",
                ),
            ],
        )
        .await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    let own = body(ama.get(&format!("/stories/{other}")).await).await;
    assert!(own.contains("Please do not name staff"), "{own}");

    // Only the provider's officials respond.
    let response = format!("/stories/{id}/response");
    let refused = ama
        .post_form(&response, &[("response", "Me again"), ("change", "")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let answered = kofi
        .post_form(
            &response,
            &[
                (
                    "response",
                    "Thank you. We will text parents when the clinic runs late.",
                ),
                ("change", "planned"),
            ],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get(&format!("/stories/{id}")).await).await;
    assert!(page.contains("We will text parents") && page.contains("A change is planned"));
}

#[tokio::test]
async fn the_widget_alone_may_be_framed_and_speaks_json_too() {
    let app = TestApp::spawn().await;
    let (admin, _) = health_centre(&app).await;
    let ama = app.register("Ama", "ama@example.org", "").await;
    for n in 1..=3 {
        let id = tell(&ama, &format!("Story number {n}")).await;
        admin
            .post_form(
                &format!("/stories/{id}/moderate"),
                &[("decision", "publish")],
            )
            .await;
    }
    let pending = tell(&ama, "Not yet published").await;

    let widget = app
        .client()
        .get("/widget/organisations/riverside-health-centre/stories?pagesize=2")
        .await;
    assert_eq!(widget.status(), StatusCode::OK);
    let policy = widget.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(policy.contains("frame-ancestors *"), "{policy}");
    assert!(widget.headers().get("x-frame-options").is_none());
    let html = body(widget).await;
    assert_eq!(
        html.matches("Story number").count(),
        2,
        "pagesize=2: {html}"
    );
    assert!(!html.contains("Not yet published") && !html.contains(&pending));
    assert!(html.contains(r#"target="_blank""#));

    let json: serde_json::Value = serde_json::from_str(
        &body(
            app.client()
                .get("/widget/organisations/riverside-health-centre/stories?pagesize=4&format=json")
                .await,
        )
        .await,
    )
    .unwrap();
    let stories = json["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 3);
    assert_eq!(stories[0]["title"], "Story number 3", "newest first");
    assert_eq!(json["organisation"]["slug"], "riverside-health-centre");

    // Every other page refuses to be framed.
    for page in ["/stories", "/organisations/riverside-health-centre"] {
        let response = app.client().get(page).await;
        assert_eq!(response.headers()["x-frame-options"], "DENY", "{page}");
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(policy.contains("frame-ancestors 'none'"), "{page}");
    }
    // The organisation's page gives the snippet to embed.
    let page = body(
        app.client()
            .get("/organisations/riverside-health-centre")
            .await,
    )
    .await;
    assert!(page.contains("/widget/organisations/riverside-health-centre/stories?pagesize=4"));
}
