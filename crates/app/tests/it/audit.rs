//! The audit log: staff and admin actions recorded with the action, read by site admins
//! only, filtered, paged and exported, and never changed.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, assert_no_formulas, body, count, csv_cells, location};

/// An area, an organisation with an official, a category routed to it; returns the admin
/// and the official.
pub async fn town(app: &TestApp) -> (Client, Client) {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("riverside", "Old Market"),
    ] {
        let made = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER);
    }
    let hana = app.register("Hana Highways", "hana@example.org", "").await;
    let made = admin
        .post_form(
            "/organisations/new",
            &[
                ("name", "Millbrook Highways"),
                ("kind", "council_department"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let added = admin
        .post_form(
            "/organisations/millbrook-highways/members",
            &[("email", "hana@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    // A name that would start a formula in a spreadsheet.
    let added = admin
        .post_form("/reports/categories", &[("name", "=Potholes")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let category = id_of(
        app,
        "SELECT id FROM report_categories WHERE code = 'potholes'",
    )
    .await;
    let organisation = id_of(
        app,
        "SELECT id FROM organisations WHERE slug = 'millbrook-highways'",
    )
    .await;
    let set = admin
        .post_form(
            "/reports/routes",
            &[
                ("category", &category),
                ("area", &app.area_id("millbrook").await),
                ("organisation", &organisation),
            ],
        )
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    (admin, hana)
}

async fn id_of(app: &TestApp, sql: &'static str) -> String {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

pub async fn report(app: &TestApp, client: &Client) -> String {
    let category = id_of(
        app,
        "SELECT id FROM report_categories WHERE code = 'potholes'",
    )
    .await;
    let sent = client
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("area", &app.area_id("millbrook").await),
                ("title", "Pothole on Mill Lane"),
                ("description", "Deep enough to hurt a cyclist."),
                ("address", "Outside 12 Mill Lane"),
                ("checked", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{}", body(sent).await);
    location(&sent)
        .trim_start_matches("/reports/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn staff_actions_are_logged_with_who_what_and_which_item() {
    let app = TestApp::spawn().await;
    let (admin, hana) = town(&app).await;
    let old_market = app.area_id("old-market").await;
    let rosa = app
        .register("Rosa Resident", "rosa@example.org", &old_market)
        .await;
    let id = report(&app, &rosa).await;
    let answered = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[("status", "fixed"), ("body", "Filled this morning.")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    // A comment without a status is not a staff action.
    let comment = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[("body", "Photo to follow.")],
        )
        .await;
    assert_eq!(comment.status(), StatusCode::SEE_OTHER);
    let hidden = admin
        .post_form(
            "/moderation/hide",
            &[
                ("target", "report"),
                ("id", &id),
                ("reason", "Names a neighbour"),
            ],
        )
        .await;
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let rosa_id = app.user_id("rosa@example.org").await;
    let verified = admin
        .post_form(
            &format!("/areas/old-market/residents/{rosa_id}/verify"),
            &[],
        )
        .await;
    assert_eq!(
        verified.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(verified).await
    );
    let granted = admin
        .post_form(
            "/areas/old-market/roles",
            &[("email", "rosa@example.org"), ("role", "connector")],
        )
        .await;
    assert_eq!(granted.status(), StatusCode::SEE_OTHER);
    let revoked = admin
        .post_form(
            "/areas/old-market/roles/revoke",
            &[("user_id", &rosa_id), ("role", "connector")],
        )
        .await;
    assert_eq!(
        revoked.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(revoked).await
    );

    let actions: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT action, actor_name, item_label, detail FROM audit_log ORDER BY at, id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let names: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "member-set",
            "category-added",
            "route-set",
            "report-status",
            "hidden",
            "resident-verified",
            "role-granted",
            "role-revoked",
        ],
        "{actions:?}"
    );
    let status = &actions[3];
    assert_eq!(status.1, "Hana Highways");
    assert_eq!(status.2, "Pothole on Mill Lane");
    assert_eq!(status.3, "open>fixed");
    assert_eq!(actions[4].3, "Names a neighbour");
    assert_eq!(actions[6].2, "Rosa Resident · Old Market");

    // The admin reads it in words, newest first, filtered by action, person or item.
    let page = body(admin.get("/admin/audit").await).await;
    assert!(page.contains("Report status changed"), "{page}");
    assert!(page.contains("Open → Fixed"), "{page}");
    assert!(page.contains("Hidden by a moderator"), "{page}");
    let rows = &page[page.find("<tbody>").unwrap()..];
    assert!(rows.find("Role removed").unwrap() < rows.find("Role given").unwrap());
    let only = body(admin.get("/admin/audit?action=report-status").await).await;
    let only = &only[only.find("<tbody>").unwrap()..];
    assert!(
        only.contains("Pothole on Mill Lane") && !only.contains("Role given"),
        "{only}"
    );
    let hana_id = app.user_id("hana@example.org").await;
    let hers = body(admin.get(&format!("/admin/audit?actor={hana_id}")).await).await;
    let hers = &hers[hers.find("<tbody>").unwrap()..];
    assert!(
        hers.contains("Report status changed") && !hers.contains("Hidden by"),
        "{hers}"
    );
    let history = body(admin.get(&format!("/admin/audit?item={id}")).await).await;
    let history = &history[history.find("<tbody>").unwrap()..];
    assert!(
        history.contains("Hidden by") && !history.contains("Role given"),
        "{history}"
    );
    let today = body(
        admin
            .get("/admin/audit?from=2000-01-01&to=2000-01-02")
            .await,
    )
    .await;
    assert!(today.contains("No entries match."), "{today}");
    let bad = admin.get("/admin/audit?action=delete-everything").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let admin_home = body(admin.get("/admin").await).await;
    assert!(admin_home.contains("href=\"/admin/audit\""), "{admin_home}");

    // The export holds every entry the filter selects, neutralised against formulas.
    let csv = admin.get("/admin/audit.csv").await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = body(csv).await;
    assert_no_formulas("audit-log.csv", &text);
    let rows = csv_cells(&text);
    assert_eq!(rows.len(), 1 + actions.len(), "{text}");
    assert!(text.contains("'=Potholes"), "{text}");
    let one = body(admin.get("/admin/audit.csv?action=hidden").await).await;
    assert_eq!(csv_cells(&one).len(), 2, "{one}");

    // Nobody but site admins reads it.
    for outsider in [&hana, &rosa] {
        assert_eq!(
            outsider.get("/admin/audit").await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            outsider.get("/admin/audit.csv").await.status(),
            StatusCode::FORBIDDEN
        );
    }
    let anonymous = app.client().get("/admin/audit").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_log_is_never_changed_and_a_refused_action_writes_nothing() {
    let app = TestApp::spawn().await;
    let (admin, _hana) = town(&app).await;
    let before = count(&app.db, "SELECT COUNT(*) AS n FROM audit_log").await;
    assert!(before > 0);
    // The database itself refuses to change or remove an entry, whoever asks.
    for sql in [
        "UPDATE audit_log SET detail = 'nothing happened'",
        "DELETE FROM audit_log",
    ] {
        let refused = sqlx::query(sql).execute(&app.db).await;
        assert!(refused.is_err(), "{sql} was allowed");
    }
    if app.db_url().starts_with("postgres") {
        let refused = sqlx::query("TRUNCATE audit_log").execute(&app.db).await;
        assert!(refused.is_err(), "TRUNCATE was allowed");
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM audit_log").await,
        before
    );
    // A category whose code is taken is refused: no entry.
    let taken = admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Verifying someone who never said they live there changes nothing.
    let nobody = app.register("Nora", "nora@example.org", "").await;
    drop(nobody);
    let nora = app.user_id("nora@example.org").await;
    let refused = admin
        .post_form(&format!("/areas/old-market/residents/{nora}/verify"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM audit_log").await,
        before
    );
}

#[tokio::test]
async fn the_log_pages_through_every_entry_without_gaps() {
    let app = TestApp::spawn().await;
    let (admin, _hana) = town(&app).await;
    for i in 0..120 {
        let added = admin
            .post_form("/reports/categories", &[("name", &format!("Kind {i:03}"))])
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let total = count(&app.db, "SELECT COUNT(*) AS n FROM audit_log").await as usize;
    let mut seen = Vec::new();
    let mut path = "/admin/audit".to_string();
    for _ in 0..10 {
        let page = body(admin.get(&path).await).await;
        seen.extend(
            page.match_indices("Kind ")
                .map(|(at, _)| page[at..at + 8].to_string()),
        );
        match page
            .split("rel=\"next\"")
            .next()
            .and_then(|head| head.rsplit("href=\"").next())
        {
            Some(next) if page.contains("rel=\"next\"") => {
                path = next
                    .split('"')
                    .next()
                    .unwrap()
                    .replace("&amp;", "&")
                    .replace("&#38;", "&")
            }
            _ => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120, "{seen:?}");
    assert_eq!(seen.len(), 120, "an entry shown twice");
    assert!(total >= 120);
}
