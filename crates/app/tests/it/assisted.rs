//! Entry on someone's behalf: a connector records a report for a resident who is not
//! online, the public sees it was entered with help (not by whom), and the resident claims
//! it later with the code on their slip.

use reqwest::StatusCode;

use crate::audit::town;
use crate::support::{CODE_FAILURES, Client, TestApp, body, count};

/// Cara, a connector of Old Market (town's neighbourhood).
async fn connector(app: &TestApp, admin: &Client) -> Client {
    let cara = app.register("Cara Connector", "cara@example.org", "").await;
    let granted = admin
        .post_form(
            "/areas/old-market/roles",
            &[("email", "cara@example.org"), ("role", "connector")],
        )
        .await;
    assert_eq!(granted.status(), StatusCode::SEE_OTHER);
    cara
}

fn code_on(page: &str) -> String {
    page.split("<code id=\"claim-code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the slip's code")
        .to_string()
}

#[tokio::test]
async fn a_connector_enters_a_report_for_a_resident_who_claims_it_with_the_slip_code() {
    let app = TestApp::spawn().await;
    let (admin, _hana) = town(&app).await;
    let cara = connector(&app, &admin).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    // Only connectors, officials and admins of an area enter things for others.
    assert_eq!(rosa.get("/assist").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        rosa.get("/assist/report").await.status(),
        StatusCode::FORBIDDEN
    );
    let work = body(cara.get("/work").await).await;
    assert!(work.contains("href=\"/assist\""), "{work}");
    assert!(
        body(cara.get("/assist").await)
            .await
            .contains("href=\"/assist/report\"")
    );

    let category: String =
        sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let old_market = app.area_id("old-market").await;
    let millbrook = app.area_id("millbrook").await;
    let mut fields = vec![
        ("person_name", "Mr Arthur Pike"),
        ("phone", ""),
        ("postal_address", ""),
        ("consent_note", "Signed the paper form at the library"),
        ("category", category.as_str()),
        ("area", old_market.as_str()),
        ("title", "Broken paving by the bus stop"),
        (
            "description",
            "Wrote on the paper form: I nearly fell on it.",
        ),
        ("address", "Bus stop, Market Street"),
    ];
    // No way to reach him: refused, and what was typed comes back.
    let refused = cara.post_form("/assist/report", &fields).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains("Give a phone number or a postal address."),
        "{page}"
    );
    assert!(page.contains("Broken paving by the bus stop"));
    // An area beyond her role is refused too.
    fields[5] = ("area", millbrook.as_str());
    fields[1] = ("phone", "0161 496 0000");
    let beyond = cara.post_form("/assist/report", &fields).await;
    assert_eq!(beyond.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 0);

    fields[5] = ("area", old_market.as_str());
    let entered = cara.post_form("/assist/report", &fields).await;
    assert_eq!(entered.status(), StatusCode::OK);
    let slip = body(entered).await;
    let code = code_on(&slip);
    assert!(slip.contains("Slip for Mr Arthur Pike"), "{slip}");
    // The next form is empty but keeps the category and area.
    assert!(
        slip.contains(&format!("value=\"{old_market}\" selected")),
        "{slip}"
    );
    assert!(!slip.contains("value=\"Broken paving by the bus stop\""));
    let (id, author, source): (String, Option<String>, String) =
        sqlx::query_as("SELECT id, author_id, source FROM reports")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((author, source.as_str()), (None, "assisted"));
    let logged = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'entered-for-someone'",
    )
    .await;
    assert_eq!(logged, 1);

    // The public sees it was entered with help, never by whom nor for whom.
    let public = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(public.contains("Entered with help"), "{public}");
    assert!(!public.contains("Cara") && !public.contains("Arthur") && !public.contains("0161"));
    // Cara finds what she entered.
    let hub = body(cara.get("/assist").await).await;
    assert!(
        hub.contains("Mr Arthur Pike") && hub.contains("not claimed yet"),
        "{hub}"
    );

    // Arthur makes an account later and claims it; a wrong code is refused and counted.
    let arthur = app.register("Arthur Pike", "arthur@example.org", "").await;
    let wrong = arthur.post_form("/claim", &[("code", "ABCDE-FGHJK")]).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app.db, CODE_FAILURES).await, 2);
    let typed = code.to_lowercase().replace('-', " ");
    let claimed = arthur.post_form("/claim", &[("code", &typed)]).await;
    assert_eq!(claimed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        crate::support::location(&claimed),
        format!("/reports/{id}?notice=assist-claimed")
    );
    let arthur_id = app.user_id("arthur@example.org").await;
    let author: Option<String> = sqlx::query_scalar("SELECT author_id FROM reports WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(author.as_deref(), Some(arthur_id.as_str()));
    let follows = count(&app.db, "SELECT COUNT(*) AS n FROM report_followers").await;
    assert_eq!(follows, 1);
    // A code claims once.
    let again = rosa.post_form("/claim", &[("code", &code)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let hub = body(cara.get("/assist").await).await;
    assert!(hub.contains("claimed by them"), "{hub}");
}
