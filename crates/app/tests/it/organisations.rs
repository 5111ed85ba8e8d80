use reqwest::StatusCode;

use crate::support::{TestApp, body, count, location};

#[tokio::test]
async fn residents_create_groups_but_only_site_admins_register_public_bodies() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let amy = app.register("Amy", "amy@example.org", "").await;

    let council = amy
        .post_form(
            "/organisations/new",
            &[
                ("name", "Millbrook Council"),
                ("kind", "council_department"),
            ],
        )
        .await;
    assert_eq!(council.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(council)
            .await
            .contains("Only site administrators can add council departments")
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM organisations").await,
        0
    );

    let group = amy
        .post_form(
            "/organisations/new",
            &[
                ("name", "Canal Friends"),
                ("kind", "community_group"),
                ("description", "We tidy the towpath."),
                ("website", "https://canal.example"),
            ],
        )
        .await;
    assert_eq!(
        location(&group),
        "/organisations/canal-friends?notice=organisation-created"
    );
    let bad_site = amy
        .post_form(
            "/organisations/new",
            &[
                ("name", "Other"),
                ("kind", "charity"),
                ("website", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(bad_site.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let public = admin
        .post_form(
            "/organisations/new",
            &[("name", "Highways"), ("kind", "council_department")],
        )
        .await;
    assert_eq!(public.status(), StatusCode::SEE_OTHER);

    let page = body(app.client().get("/organisations/canal-friends").await).await;
    assert!(page.contains("We tidy the towpath.") && page.contains("Community group"));
    assert!(page.contains("Amy, Administrator"), "{page}");
    let list = body(
        app.client()
            .get("/organisations?kind=council_department")
            .await,
    )
    .await;
    assert!(list.contains("Highways") && !list.contains("Canal Friends"));
}

#[tokio::test]
async fn organisation_admins_manage_members_and_officials_cannot() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let amy = app.register("Amy", "amy@example.org", "").await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    app.register("Mia", "mia@example.org", "").await;
    amy.post_form(
        "/organisations/new",
        &[("name", "Food Bank"), ("kind", "charity")],
    )
    .await;

    let added = amy
        .post_form(
            "/organisations/food-bank/members",
            &[("email", "olu@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(
        location(&added),
        "/organisations/food-bank/members?notice=member-saved"
    );

    // An official of the organisation is not its admin.
    assert_eq!(
        olu.get("/organisations/food-bank/members").await.status(),
        StatusCode::FORBIDDEN
    );
    let refused = olu
        .post_form(
            "/organisations/food-bank/members",
            &[("email", "mia@example.org"), ("role", "member")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let edit = olu
        .post_form(
            "/organisations/food-bank/edit",
            &[("name", "Hijacked"), ("kind", "charity")],
        )
        .await;
    assert_eq!(edit.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM memberships").await,
        2
    );
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM organisations WHERE name = 'Food Bank'"
        )
        .await,
        1
    );

    // The last admin can neither leave nor be demoted.
    let amy_id = app.user_id("amy@example.org").await;
    let demote = amy
        .post_form(
            "/organisations/food-bank/members",
            &[("email", "amy@example.org"), ("role", "member")],
        )
        .await;
    assert_eq!(demote.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let leave = amy
        .post_form(
            &format!("/organisations/food-bank/members/{amy_id}/remove"),
            &[],
        )
        .await;
    assert_eq!(leave.status(), StatusCode::CONFLICT);

    let olu_id = app.user_id("olu@example.org").await;
    let removed = amy
        .post_form(
            &format!("/organisations/food-bank/members/{olu_id}/remove"),
            &[],
        )
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM memberships").await,
        1
    );
    let saved = amy
        .post_form(
            "/organisations/food-bank/edit",
            &[
                ("name", "Brook Fields Food Bank"),
                ("kind", "charity"),
                ("description", "Parcels on Fridays."),
            ],
        )
        .await;
    assert_eq!(
        location(&saved),
        "/organisations/food-bank?notice=organisation-saved"
    );
}
