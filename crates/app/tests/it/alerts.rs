//! Alerts and feeds: subscriptions by area, kind, topic and words; daily digests made once
//! and sent to the SMTP sink with one-click unsubscribe; the unsubscribe page; Atom feeds of
//! the public lists, read back by an independent Atom parser.

use reqwest::StatusCode;
use squaremile::alerts::digest::send_due;
use squaremile::db::now_ms;

use crate::support::{Client, TestApp, body, count};

/// Millbrook with Riverside and Canal Quarter inside it; returns (riverside, canal) ids.
async fn areas(app: &TestApp) -> (String, String) {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("millbrook", "Canal Quarter"),
    ] {
        admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
    }
    (
        app.area_id("riverside").await,
        app.area_id("canal-quarter").await,
    )
}

/// A `datetime-local` value three days ahead, in the site's zone.
fn in_three_days(hours: i64) -> String {
    let when = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(72 + hours);
    when.in_tz("Europe/London")
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn event(who: &Client, area: &str, title: &str) {
    let created = who
        .post_form(
            "/events",
            &[
                ("kind", "conversation"),
                ("title", title),
                ("description", "All welcome."),
                ("area", area),
                ("place", "The hall"),
                ("starts_at", &in_three_days(0)),
                ("ends_at", &in_three_days(2)),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER, "event {title}");
}

async fn conversation(who: &Client, area: &str, topic: &str, title: &str, text: &str) {
    let started = who
        .post_form(
            "/conversations/new",
            &[
                ("area", area),
                ("topic", topic),
                ("title", title),
                ("body", text),
            ],
        )
        .await;
    assert_eq!(
        started.status(),
        StatusCode::SEE_OTHER,
        "conversation {title}"
    );
}

/// Makes every subscription due now, as if its period had passed.
async fn a_day_passes(app: &TestApp) {
    sqlx::query("UPDATE alert_subscriptions SET next_due_at = $1")
        .bind(now_ms())
        .execute(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_daily_digest_lists_what_matches_once_and_stops_in_one_click() {
    let app = TestApp::spawn().await;
    let (riverside, canal) = areas(&app).await;
    let ana = app.register("Ana", "ana@example.org", "").await;
    let olu = app.register("Olu", "olu@example.org", "").await;

    let refused = ana
        .post_form("/alerts", &[("area", &riverside), ("frequency", "daily")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(refused)
            .await
            .contains("Choose at least one kind of news.")
    );
    let forged_kind = ana
        .post_form("/alerts", &[("kinds", "secrets"), ("frequency", "daily")])
        .await;
    assert_eq!(forged_kind.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let subscriptions = "SELECT COUNT(*) AS n FROM alert_subscriptions";
    assert_eq!(count(&app.db, subscriptions).await, 0);
    let set = ana
        .post_form(
            "/alerts",
            &[
                ("kinds", "events"),
                ("kinds", "conversations"),
                ("area", &riverside),
                ("keyword", "tree"),
                ("frequency", "daily"),
            ],
        )
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    let data: serde_json::Value = ana.get("/account/export").await.json().await.unwrap();
    assert_eq!(data["alerts"][0]["words"], "tree");
    assert_eq!(data["alerts"][0]["frequency"], "daily");
    let page = body(ana.get("/alerts").await).await;
    assert!(page.contains("Events, Conversations · Riverside") && page.contains("Every day"));

    // What appears: two matches, and four that each miss one condition.
    event(&olu, &riverside, "Tree planting day").await;
    event(&olu, &canal, "Tree walk on the towpath").await;
    event(&olu, &riverside, "Quiz night").await;
    conversation(
        &olu,
        &riverside,
        "green-spaces",
        "Street trees",
        "Which streets need trees?",
    )
    .await;
    conversation(&olu, &riverside, "streets", "Bins", "Collections are late.").await;
    conversation(
        &olu,
        &canal,
        "green-spaces",
        "Towpath trees",
        "Ash dieback.",
    )
    .await;

    assert_eq!(
        send_due(&app.state, now_ms()).await.unwrap(),
        0,
        "not due yet"
    );
    a_day_passes(&app).await;
    assert_eq!(send_due(&app.state, now_ms()).await.unwrap(), 1);
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["ana@example.org".to_string()]);
    let text = mail.text();
    assert!(text.contains("Your daily alert: 2 new items"), "{text}");
    assert!(
        text.contains("Tree planting day") && text.contains("Street trees"),
        "{text}"
    );
    for absent in ["Tree walk", "Quiz night", "Bins", "Towpath trees"] {
        assert!(!text.contains(absent), "{absent} is not for Ana: {text}");
    }
    assert!(
        mail.data
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );
    let header = mail
        .data
        .lines()
        .find_map(|l| l.strip_prefix("List-Unsubscribe: <"))
        .expect("a List-Unsubscribe header")
        .trim_end_matches('>')
        .to_string();
    let one_click = header
        .trim_start_matches("http://squaremile.test")
        .to_string();
    assert!(
        one_click.starts_with("/api/alerts/unsubscribe/"),
        "{one_click}"
    );

    // The same period again, or two passes at once for the next, make one digest each.
    assert_eq!(send_due(&app.state, now_ms()).await.unwrap(), 0);
    event(&olu, &riverside, "Tree survey").await;
    a_day_passes(&app).await;
    let now = now_ms();
    let (a, b) = tokio::join!(send_due(&app.state, now), send_due(&app.state, now));
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let mail = app.mail.next().await;
    assert!(
        mail.text().contains("Your daily alert: 1 new item") && mail.text().contains("Tree survey")
    );
    assert!(!mail.text().contains("Tree planting day"), "each item once");
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'digest-email'"
        )
        .await,
        2
    );
    // A quiet period sends nothing.
    a_day_passes(&app).await;
    assert_eq!(send_due(&app.state, now_ms()).await.unwrap(), 0);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM alert_digests").await,
        2
    );

    // The mail program's one click stops it; a second click finds nothing.
    let anonymous = app.client();
    let stopped = anonymous
        .post_raw(&one_click, &[("List-Unsubscribe", "One-Click")], &[])
        .await;
    assert_eq!(stopped.status(), StatusCode::OK);
    assert_eq!(count(&app.db, subscriptions).await, 0);
    let again = anonymous
        .post_raw(&one_click, &[("List-Unsubscribe", "One-Click")], &[])
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_link_in_a_digest_opens_a_page_with_one_button() {
    let app = TestApp::spawn().await;
    let (riverside, _) = areas(&app).await;
    let ana = app.register("Ana", "ana@example.org", "").await;
    let ben = app.register("Ben", "ben@example.org", "").await;
    ana.post_form(
        "/alerts",
        &[
            ("kinds", "reports"),
            ("area", &riverside),
            ("frequency", "weekly"),
        ],
    )
    .await;
    let (id, token): (String, String) =
        sqlx::query_as("SELECT id, unsubscribe_token FROM alert_subscriptions")
            .fetch_one(&app.db)
            .await
            .unwrap();
    // Nobody else can stop it from their account.
    let other = ben.post_form(&format!("/alerts/{id}/delete"), &[]).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM alert_subscriptions").await,
        1
    );
    // Opening the link changes nothing; the button stops it.
    let visitor = app.client();
    let page = body(visitor.get(&format!("/alerts/unsubscribe/{token}")).await).await;
    assert!(page.contains("Reported problems · Riverside"), "{page}");
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM alert_subscriptions").await,
        1
    );
    let forged = visitor
        .post_raw(&format!("/alerts/unsubscribe/{token}"), &[], &[])
        .await;
    assert_ne!(
        forged.status(),
        StatusCode::OK,
        "a form without its token is refused"
    );
    let done = visitor
        .post_form(&format!("/alerts/unsubscribe/{token}"), &[])
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(body(done).await.contains("The alert is stopped."));
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM alert_subscriptions").await,
        0
    );
    let gone = body(visitor.get(&format!("/alerts/unsubscribe/{token}")).await).await;
    assert!(gone.contains("This alert is already stopped."));
    // Signed out, the alerts page asks to sign in.
    assert_eq!(
        app.client().get("/alerts").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn atom_feeds_of_the_lists_parse_and_hold_only_public_items() {
    let app = TestApp::spawn().await;
    let (riverside, canal) = areas(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    event(&olu, &riverside, "Tree planting day & <picnic>").await;
    event(&olu, &canal, "Towpath clean-up").await;
    conversation(&olu, &riverside, "streets", "Bins", "Collections are late.").await;
    for (title, visibility) in [
        ("Lifts to the clinic", "public"),
        ("Help with my forms", "residents"),
    ] {
        let posted = olu
            .post_form(
                "/help/new",
                &[
                    ("kind", "ask"),
                    ("area", &riverside),
                    ("title", title),
                    ("body", "Any weekday."),
                    ("visibility", visibility),
                ],
            )
            .await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER, "{title}");
    }

    let response = app.client().get("/feeds/events.atom?area=millbrook").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = atom_syndication::Feed::read_from(body(response).await.as_bytes())
        .expect("a valid Atom feed");
    let mut titles: Vec<String> = feed
        .entries()
        .iter()
        .map(|e| e.title().to_string())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        vec!["Towpath clean-up", "Tree planting day & <picnic>"]
    );
    assert!(feed.title().contains("Millbrook"));
    let link = feed.entries()[0].links()[0].href().to_string();
    assert!(link.starts_with("http://squaremile.test/events/"), "{link}");

    let riverside_only = atom_syndication::Feed::read_from(
        body(app.client().get("/feeds/events.atom?area=riverside").await)
            .await
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(riverside_only.entries().len(), 1);

    let asks = atom_syndication::Feed::read_from(
        body(app.client().get("/feeds/asks.atom").await)
            .await
            .as_bytes(),
    )
    .unwrap();
    let asks: Vec<String> = asks
        .entries()
        .iter()
        .map(|e| e.title().to_string())
        .collect();
    assert_eq!(
        asks,
        vec!["Lifts to the clinic"],
        "residents-only asks stay off the feed"
    );

    for kind in [
        "reports",
        "stories",
        "conversations",
        "offers",
        "budgets",
        "methods",
    ] {
        let feed = app.client().get(&format!("/feeds/{kind}.atom")).await;
        assert_eq!(feed.status(), StatusCode::OK, "{kind}");
        atom_syndication::Feed::read_from(body(feed).await.as_bytes())
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
    }
    assert_eq!(
        app.client().get("/feeds/secrets.atom").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.client()
            .get("/feeds/events.atom?area=nowhere")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let list = body(app.client().get("/events").await).await;
    assert!(list.contains("/feeds/events.atom") && list.contains("/feeds/events.csv"));

    // The same lists as whole exports.
    let csv = app.client().get("/feeds/asks.csv?area=riverside").await;
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = body(csv).await;
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,title,summary,url,area,topic,at"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 1, "{csv}");
    assert!(rows[0].contains("Lifts to the clinic") && !csv.contains("Help with my forms"));
    let json: Vec<serde_json::Value> = app
        .client()
        .get("/feeds/events.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json.len(), 2);
    assert!(json.iter().all(|e| {
        e["url"]
            .as_str()
            .unwrap()
            .starts_with("http://squaremile.test/events/")
    }));
    assert_eq!(
        app.client().get("/feeds/events.exe").await.status(),
        StatusCode::NOT_FOUND
    );
}
