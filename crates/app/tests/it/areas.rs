use reqwest::StatusCode;

use crate::support::{TestApp, body, count, location};

#[tokio::test]
async fn admins_build_the_hierarchy_and_everyone_can_find_their_neighbourhood() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let city = admin
        .post_form(
            "/areas/new",
            &[
                ("parent", ""),
                ("name", "Millbrook"),
                ("description", "A small city."),
            ],
        )
        .await;
    assert_eq!(location(&city), "/areas/millbrook?notice=area-created");
    admin
        .post_form(
            "/areas/new",
            &[("parent", "millbrook"), ("name", "Riverside")],
        )
        .await;
    let hood = admin
        .post_form(
            "/areas/new",
            &[
                ("parent", "riverside"),
                ("name", "Weavers' Row"),
                ("description", "Workshops.\n\nAnd a bakery."),
            ],
        )
        .await;
    assert_eq!(location(&hood), "/areas/weavers-row?notice=area-created");

    // Neighbourhoods hold nothing further.
    let deeper = admin
        .post_form(
            "/areas/new",
            &[("parent", "weavers-row"), ("name", "Too Deep")],
        )
        .await;
    assert_eq!(deeper.status(), StatusCode::CONFLICT);
    // Addresses are unique.
    let clash = admin
        .post_form(
            "/areas/new",
            &[("parent", "millbrook"), ("name", "Riverside")],
        )
        .await;
    assert_eq!(clash.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(clash).await.contains("already used"));
    let empty = admin
        .post_form("/areas/new", &[("parent", "millbrook"), ("name", "")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM areas").await, 3);

    let visitor = app.client();
    let found = body(visitor.get("/areas?q=weaver").await).await;
    assert!(
        found.contains(r#"<a href="/areas/weavers-row">Weavers&#39; Row</a>"#),
        "{found}"
    );
    let nothing = body(visitor.get("/areas?q=%25").await).await;
    assert!(
        nothing.contains("No area has that name"),
        "a % is searched literally"
    );
    let page = body(visitor.get("/areas/weavers-row").await).await;
    assert!(page.contains("<h1>Weavers&#39; Row</h1>"));
    assert!(page.contains("<p>Workshops.</p>") && page.contains("<p>And a bakery.</p>"));
    assert!(
        page.contains(r#"href="/areas/riverside""#) && page.contains(r#"href="/areas/millbrook""#),
        "breadcrumbs"
    );
    assert_eq!(
        visitor.get("/areas/nowhere").await.status(),
        StatusCode::NOT_FOUND
    );

    let edited = admin
        .post_form(
            "/areas/weavers-row/edit",
            &[
                ("name", "Weavers Row"),
                ("description", "<script>alert(1)</script>"),
            ],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let escaped = body(visitor.get("/areas/weavers-row").await).await;
    assert!(
        escaped.contains("&#60;script&#62;") || escaped.contains("&lt;script&gt;"),
        "templates escape: {escaped}"
    );
    assert!(!escaped.contains("<script>alert"), "templates escape");
}
