//! Notification settings: each kind's email at once, in a summary or never, and site
//! notices on or off; every email to an account links to the settings in its language.

use reqwest::StatusCode;

use crate::audit::{report, town};
use crate::support::{Client, TestApp, body, count};

const DAY_MS: i64 = 24 * 3600 * 1000;

/// Emails ever queued for `address` (sent or not).
async fn queued_for(app: &TestApp, address: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'email' AND payload LIKE $1")
        .bind(format!("%\"to\":\"{address}\"%"))
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn notices_of(app: &TestApp, email: &str) -> i64 {
    let user = app.user_id(email).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1")
        .bind(user)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// Every kind at the same choice, site notices as given.
async fn choose(client: &Client, email: &str, site: bool) -> reqwest::Response {
    let mut fields = Vec::new();
    for kind in ["replies", "following", "area", "work"] {
        fields.push((format!("email-{kind}"), email.to_string()));
        if site {
            fields.push((format!("site-{kind}"), "1".to_string()));
        }
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client.post_form("/account/notifications", &fields).await
}

#[tokio::test]
async fn each_kind_is_sent_at_once_gathered_or_not_at_all_as_chosen() {
    let app = TestApp::spawn().await;
    let (_admin, hana) = town(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let sam = app.register("Sam", "sam@example.org", "").await;

    // The page is reached from the account page; the defaults are "at once" and "on".
    assert!(
        body(sam.get("/account").await)
            .await
            .contains("href=\"/account/notifications\"")
    );
    let page = body(sam.get("/account/notifications").await).await;
    assert!(
        page.contains("id=\"email-following-now\" name=\"email-following\" value=\"now\" checked"),
        "{page}"
    );
    assert!(page.contains("id=\"site-following\" name=\"site-following\" value=\"1\" checked"));
    assert!(
        !page.contains("id=\"site-area\""),
        "area news has no site notices"
    );

    // A form without every kind's choice saves nothing.
    let partial = sam
        .post_form("/account/notifications", &[("email-following", "never")])
        .await;
    assert_eq!(partial.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM notification_settings").await,
        0
    );

    // Hana wants no email and no notices about her work queue: a new report reaches her
    // neither way (the organisation's other admin still hears).
    assert_eq!(
        choose(&hana, "never", false).await.status(),
        StatusCode::SEE_OTHER
    );
    let before = queued_for(&app, "hana@example.org").await;
    let id = report(&app, &rosa).await;
    assert_eq!(queued_for(&app, "hana@example.org").await, before);
    assert_eq!(notices_of(&app, "hana@example.org").await, 0);
    // Her choices are part of her data export.
    let data: serde_json::Value = hana.get("/account/export").await.json().await.unwrap();
    let settings = data["notification_settings"].as_array().unwrap();
    assert_eq!(settings.len(), 4, "{data}");
    assert!(
        settings
            .iter()
            .all(|s| s["email"] == "never" && s["site"] == false),
        "{data}"
    );

    // Sam follows the report and wants a daily summary, in Polish, with no site notices.
    let followed = sam
        .post_form(&format!("/reports/{id}/follow"), &[("how", "follow")])
        .await;
    assert_eq!(followed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        choose(&sam, "daily", false).await.status(),
        StatusCode::SEE_OTHER
    );
    let before = queued_for(&app, "sam@example.org").await;
    sqlx::query("UPDATE users SET locale = 'pl' WHERE email = 'sam@example.org'")
        .execute(&app.db)
        .await
        .unwrap();
    for (status, text) in [("acknowledged", "On our list."), ("fixed", "Filled.")] {
        let answered = hana
            .post_form(
                &format!("/reports/{id}/updates"),
                &[("status", status), ("body", text)],
            )
            .await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(queued_for(&app, "sam@example.org").await, before);
    assert_eq!(notices_of(&app, "sam@example.org").await, 0);
    let now = squaremile::db::now_ms();
    use squaremile::notifications::summaries::send_due;
    assert_eq!(
        send_due(&app.state, now).await.unwrap(),
        0,
        "not due for a day"
    );
    assert_eq!(send_due(&app.state, now + DAY_MS + 1000).await.unwrap(), 1);
    assert_eq!(
        send_due(&app.state, now + DAY_MS + 2000).await.unwrap(),
        0,
        "sent once"
    );
    let summary = app.mail.next_to("sam@example.org").await;
    let text = summary.text();
    assert!(
        text.contains("Twoje dzienne zestawienie: 2 wiadomości"),
        "{text}"
    );
    assert!(text.contains("Pothole on Mill Lane"), "{text}");
    // The footer, in the reader's language, links to the settings.
    assert!(
        text.contains(
            "Wybierz, jakie e-maile dostajesz: http://squaremile.test/account/notifications"
        ),
        "{text}"
    );

    // Back to "at once" with notices: the next update comes straight away, and on the site.
    assert_eq!(
        choose(&sam, "now", true).await.status(),
        StatusCode::SEE_OTHER
    );
    let reply = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[("body", "Photos attached.")],
        )
        .await;
    assert_eq!(reply.status(), StatusCode::SEE_OTHER);
    let at_once = app.mail.next_to("sam@example.org").await;
    assert!(
        at_once.text().contains("Pothole on Mill Lane"),
        "{}",
        at_once.text()
    );
    assert!(at_once.text().contains("/account/notifications"));
    assert_eq!(notices_of(&app, "sam@example.org").await, 1);
    let page = body(sam.get("/account/notifications").await).await;
    assert!(page.contains("value=\"now\" checked"), "{page}");
}

#[tokio::test]
async fn settings_need_an_account_and_a_weekly_summary_gathers_what_was_held() {
    let app = TestApp::spawn().await;
    let anonymous = app.client().get("/account/notifications").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    let (_admin, _hana) = town(&app).await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    // Area news held for the weekly summary: a digest becomes part of it.
    assert_eq!(
        choose(&sam, "weekly", true).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = body(sam.get("/account/notifications").await).await;
    assert!(page.contains("href=\"/alerts\""), "{page}");
    let user = app.user_id("sam@example.org").await;
    let mut tx = squaremile::db::begin(&app.db).await.unwrap();
    let email = squaremile::mail::Email {
        to: "sam@example.org".into(),
        subject: "New in Millbrook".into(),
        body: "Two new events.".into(),
    };
    squaremile::notifications::store::hold(
        &mut tx,
        &user,
        squaremile::notifications::Frequency::Weekly,
        &email,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let now = squaremile::db::now_ms();
    use squaremile::notifications::summaries::send_due;
    assert_eq!(send_due(&app.state, now + DAY_MS + 1000).await.unwrap(), 0);
    assert_eq!(
        send_due(&app.state, now + 7 * DAY_MS + 1000).await.unwrap(),
        1
    );
    let summary = app.mail.next_to("sam@example.org").await;
    assert!(
        summary.text().contains("Your weekly summary: one message"),
        "{}",
        summary.text()
    );
    assert!(summary.text().contains("Two new events."));
}

#[tokio::test]
async fn every_site_notification_is_reachable_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let user = app.user_id("sam@example.org").await;
    for i in 0..70 {
        squaremile::notifications::store::site_notice(
            &app.db,
            &user,
            &format!("Notice {i:03}"),
            "/reports",
        )
        .await
        .unwrap();
    }
    let mut seen = Vec::new();
    let mut path = "/notifications".to_string();
    for _ in 0..5 {
        let page = body(sam.get(&path).await).await;
        seen.extend(
            page.match_indices("Notice ")
                .map(|(at, _)| page[at..at + 10].to_string()),
        );
        let Some(head) = page
            .split("rel=\"next\"")
            .next()
            .filter(|_| page.contains("rel=\"next\""))
        else {
            break;
        };
        path = head
            .rsplit("href=\"")
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&");
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (70, 70), "{seen:?}");
}
