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

/// The slip page after an entry made with a feature's own form, with its code.
async fn entered(client: &Client, path: &str, fields: &[(&str, &str)]) -> (String, String) {
    let response = client.post_form(path, fields).await;
    let status = response.status();
    let page = body(response).await;
    assert_eq!(status, StatusCode::OK, "{path}: {page}");
    assert!(page.contains("Slip for Dora Bell"), "{page}");
    (code_on(&page), page)
}

const DORA: [(&str, &str); 4] = [
    ("for_someone", "1"),
    ("person_name", "Dora Bell"),
    ("phone", "0161 496 0777"),
    ("consent_note", "Agreed on the phone"),
];

fn with_dora<'a>(fields: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    DORA.iter().chain(fields).copied().collect()
}

/// Publishes an event starting in two hours (so its reminders are due at once).
async fn event_soon(cara: &Client, area: &str) -> String {
    let at = |hours| {
        (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(hours))
            .in_tz("Europe/London")
            .unwrap()
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let created = cara
        .post_form(
            "/events",
            &[
                ("kind", "conversation"),
                ("title", "Street tea"),
                ("description", "Tea and a plan for the street."),
                ("area", area),
                ("place", "Old Market Hall"),
                ("accessibility", "Step-free"),
                ("starts_at", &at(2)),
                ("ends_at", &at(4)),
                ("capacity", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    crate::support::location(&created)
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn every_kind_of_entry_for_someone_is_held_for_them_until_they_claim_it() {
    let app = TestApp::spawn().await;
    let (admin, _hana) = town(&app).await;
    let cara = connector(&app, &admin).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let old_market = app.area_id("old-market").await;
    let millbrook = app.area_id("millbrook").await;
    // Where each form starts, from the hub; none of it opens for someone without the role.
    let hub = body(cara.get("/assist").await).await;
    for start in [
        "/stories/new?for_someone=1",
        "/help/new?for_someone=1&amp;kind=offer",
        "/assets/new?for_someone=1",
        "href=\"/events\"",
        "href=\"/juries\"",
        "href=\"/mapping\"",
    ] {
        assert!(hub.contains(start), "{start}: {hub}");
    }
    for path in [
        "/stories/new?for_someone=1",
        "/help/new?for_someone=1",
        "/assets/new?for_someone=1",
    ] {
        assert_eq!(
            rosa.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
        let form = body(cara.get(path).await).await;
        assert!(form.contains("name=\"consent_note\""), "{path}: {form}");
    }

    // An offer: a missing consent is refused and keeps what was typed; an area beyond her
    // role is refused; then it is held by an account made for Dora.
    let offer = [
        ("kind", "offer"),
        ("area", old_market.as_str()),
        ("title", "Alterations and mending"),
        ("body", "Forty years a seamstress."),
        ("visibility", "public"),
    ];
    let mut no_consent = with_dora(&offer);
    no_consent[3] = ("consent_note", "");
    let refused = cara.post_form("/help/new", &no_consent).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("Say how the person agreed"), "{page}");
    assert!(page.contains("Alterations and mending") && page.contains("Dora Bell"));
    let mut beyond = with_dora(&offer);
    beyond[5] = ("area", millbrook.as_str());
    let refused = cara.post_form("/help/new", &beyond).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM help_posts").await,
        0
    );
    let (offer_code, slip) = entered(&cara, "/help/new", &with_dora(&offer)).await;
    assert!(slip.contains("Alterations and mending"), "{slip}");
    let (post_id, held): (String, String) =
        sqlx::query_as("SELECT p.id, u.email FROM help_posts p JOIN users u ON u.id = p.owner_id")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(held.ends_with("@held.invalid"), "{held}");
    let public = body(app.client().get(&format!("/help/{post_id}")).await).await;
    assert!(public.contains("Entered with help"), "{public}");
    assert!(
        !public.contains("Cara") && !public.contains("0161"),
        "{public}"
    );
    // Nobody signs in to a held account.
    let signed_in = app
        .client()
        .post_form("/login", &[("email", &held), ("password", "!held")])
        .await;
    assert_ne!(signed_in.status(), StatusCode::SEE_OTHER);

    // An asset and a story.
    let asset = [
        ("kind", "resource"),
        ("area", old_market.as_str()),
        ("title", "Sewing machine to lend"),
        ("visibility", "residents"),
    ];
    let (asset_code, _) = entered(&cara, "/assets/new", &with_dora(&asset)).await;
    let story = [
        ("organisation", "millbrook-highways"),
        ("title", "The new crossing"),
        ("body", "I can cross to the shop at last."),
    ];
    let (story_code, _) = entered(&cara, "/stories/new", &with_dora(&story)).await;
    let author: Option<String> = sqlx::query_scalar("SELECT author_id FROM stories")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(author, None);

    // A place at an event starting soon: the reminder for Dora comes to Cara to pass on.
    let event = event_soon(&cara, &old_market).await;
    let event_page = body(cara.get(&format!("/events/{event}")).await).await;
    assert!(
        event_page.contains(&format!("href=\"/assist/rsvp/{event}\"")),
        "{event_page}"
    );
    assert_eq!(
        rosa.get(&format!("/assist/rsvp/{event}")).await.status(),
        StatusCode::FORBIDDEN
    );
    let (rsvp_code, _) = entered(&cara, &format!("/assist/rsvp/{event}"), &DORA).await;
    let reminder = app.mail.next_to("cara@example.org").await.text();
    assert!(reminder.contains("For Dora Bell"), "{reminder}");
    assert!(
        reminder.contains("This message is for Dora Bell") && reminder.contains("0161 496 0777"),
        "{reminder}"
    );
    assert!(reminder.contains("Street tea"), "{reminder}");

    // A jury volunteer who replied by post, and a paper network-mapping questionnaire.
    let created = admin
        .post_form(
            "/juries/new",
            &[
                ("title", "Streets for people"),
                ("area", &old_market),
                ("purpose", "How should we share our streets?"),
                ("panel_size", "2"),
                ("closes_on", "2099-12-31"),
                ("meets_on", "2100-01-20"),
                (
                    "quotas",
                    "feature,value,min,max\nage,16-39,1,1\nage,40+,1,1\n",
                ),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let jury_page = body(cara.get("/juries/streets-for-people").await).await;
    assert!(
        jury_page.contains("/juries/streets-for-people/join?for_someone=1"),
        "{jury_page}"
    );
    let volunteer = [
        ("name", "Dora Bell"),
        ("consent_note", "Reply slip signed"),
        ("phone", "0161 496 0777"),
        ("address", "4 Market Row"),
        ("postcode", "MB1 4NM"),
        ("answer-0", "1"),
        ("consent", "yes"),
        ("for_someone", "1"),
    ];
    // A letter code that is not one of the jury's is said beside the field; nothing is kept.
    let mut wrong_code = volunteer.to_vec();
    wrong_code.push(("code", "ABCDE-FGHJK"));
    let refused = cara
        .post_form("/juries/streets-for-people/join", &wrong_code)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("not an unused code"), "{page}");
    assert!(page.contains("4 Market Row"), "{page}");
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM jury_volunteers").await,
        0
    );
    let (jury_code, _) = entered(&cara, "/juries/streets-for-people/join", &volunteer).await;
    let email: String = sqlx::query_scalar("SELECT email FROM jury_volunteers")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(email.ends_with("@held.invalid"), "{email}");
    let manage = body(admin.get("/juries/streets-for-people/manage").await).await;
    assert!(manage.contains("No email: entered with help"), "{manage}");
    assert!(!manage.contains("held.invalid"), "{manage}");

    let made = cara
        .post_form(
            "/mapping/new",
            &[
                ("title", "Who makes Old Market work"),
                ("area", &old_market),
                ("opens_on", "2020-01-01"),
                ("closes_on", "2099-12-31"),
                ("relationship_types", "We work together"),
                ("visibility", "organisers"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let exercise = body(cara.get("/mapping/who-makes-old-market-work").await).await;
    let answer_link = exercise
        .split("id=\"answer-for-someone\"")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .and_then(|link| link.split('"').next())
        .expect("the link to enter a paper questionnaire")
        .replace("&#38;", "&");
    let token = answer_link
        .split("token=")
        .nth(1)
        .and_then(|t| t.split('&').next())
        .unwrap()
        .to_string();
    let form = body(cara.get(&answer_link).await).await;
    assert!(form.contains("name=\"consent_note\""), "{form}");
    let answer = [
        ("token", token.as_str()),
        ("for_someone", "1"),
        ("kind", "person"),
        ("name", "Dora Bell"),
        ("postal_address", "4 Market Row"),
        ("consent_note", "Filled in the paper questionnaire"),
        ("tie-name-0", "Cara Connector"),
        ("tie-kind-0", "person"),
        ("tie-rel-0", "We work together"),
        ("tie-often-0", "weekly"),
        ("tie-new-0", "yes"),
    ];
    let (mapping_code, _) =
        entered(&cara, "/mapping/who-makes-old-market-work/answer", &answer).await;

    // Six entries, each in the audit log and on Cara's list.
    let logged = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'entered-for-someone'",
    )
    .await;
    assert_eq!(logged, 6);
    let hub = body(cara.get("/assist").await).await;
    for kind in [
        "offer or ask",
        "skill, space, resource or group",
        "story",
        "place at an event",
        "jury volunteer",
        "network-mapping answer",
    ] {
        assert!(hub.contains(kind), "{kind}: {hub}");
    }

    // Dora makes an account and claims each: everything becomes hers.
    let dora = app.register("Dora Bell", "dora@example.org", "").await;
    let dora_id = app.user_id("dora@example.org").await;
    let claim = |code: String| {
        let dora = &dora;
        async move {
            let claimed = dora.post_form("/claim", &[("code", &code)]).await;
            assert_eq!(claimed.status(), StatusCode::SEE_OTHER);
            crate::support::location(&claimed)
        }
    };
    assert_eq!(
        claim(offer_code).await,
        format!("/help/{post_id}?notice=assist-claimed")
    );
    assert!(claim(asset_code).await.starts_with("/assets/"));
    assert!(claim(story_code).await.starts_with("/stories/"));
    assert_eq!(
        claim(rsvp_code).await,
        format!("/events/{event}?notice=assist-claimed")
    );
    claim(jury_code).await;
    claim(mapping_code).await;
    let owned = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            let owner: Option<String> = sqlx::query_scalar(sql).fetch_one(&db).await.unwrap();
            owner.unwrap_or_default()
        }
    };
    assert_eq!(owned("SELECT owner_id FROM help_posts").await, dora_id);
    assert_eq!(owned("SELECT owner_id FROM assets").await, dora_id);
    assert_eq!(owned("SELECT author_id FROM stories").await, dora_id);
    assert_eq!(owned("SELECT user_id FROM event_rsvps").await, dora_id);
    assert_eq!(owned("SELECT user_id FROM jury_volunteers").await, dora_id);
    assert_eq!(
        owned("SELECT email FROM jury_volunteers").await,
        "dora@example.org"
    );
    assert_eq!(
        owned("SELECT email FROM mapping_nodes WHERE name = 'Dora Bell'").await,
        "dora@example.org"
    );
    // The held accounts are gone, and nothing is left for a held address to pass on.
    let held_left = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM users WHERE email LIKE '%@held.invalid'",
    )
    .await;
    assert_eq!(held_left, 0);
    let page = body(dora.get(&format!("/events/{event}")).await).await;
    assert!(page.contains("You are going."), "{page}");
}

#[tokio::test]
async fn the_details_of_someone_entered_with_help_are_erased_on_request() {
    let app = TestApp::spawn().await;
    let (admin, _hana) = town(&app).await;
    let cara = connector(&app, &admin).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let old_market = app.area_id("old-market").await;
    let offer = [
        ("kind", "offer"),
        ("area", old_market.as_str()),
        ("title", "Dog walking"),
        ("visibility", "public"),
    ];
    let (code, _) = entered(&cara, "/help/new", &with_dora(&offer)).await;
    let (entry, held): (String, String) = sqlx::query_as(
        "SELECT e.id, u.email FROM assisted_entries e JOIN users u ON u.id = e.held_user_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let passed = squaremile::assisted::store::pass_on_to(&app.db, &held)
        .await
        .unwrap()
        .expect("mail for Dora is passed on to Cara");
    assert_eq!(passed.helper_email, "cara@example.org");

    // Only whoever entered it, or a site admin, erases (to anyone else there is no such
    // entry); the admin finds every entry.
    let path = format!("/assist/entries/{entry}/erase");
    assert_eq!(
        rosa.post_form(&path, &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let kept = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM assisted_entries WHERE person_name = 'Dora Bell'",
    )
    .await;
    assert_eq!(kept, 1);
    let everyone = body(admin.get("/assist?everyone=1").await).await;
    assert!(everyone.contains(&path), "{everyone}");
    let hub = body(cara.get("/assist").await).await;
    assert!(hub.contains(&path), "{hub}");
    let erased = cara.post_form(&path, &[]).await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    let (name, phone): (String, String) =
        sqlx::query_as("SELECT person_name, phone FROM assisted_entries")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((name.as_str(), phone.as_str()), ("", ""));
    let shown: String = sqlx::query_scalar("SELECT display_name FROM users WHERE email = $1")
        .bind(&held)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(shown, "-");
    let hub = body(cara.get("/assist").await).await;
    assert!(
        hub.contains("(details erased)") && !hub.contains("Dora"),
        "{hub}"
    );
    assert_eq!(
        cara.post_form(&path, &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let logged = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'helped-details-erased'",
    )
    .await;
    assert_eq!(logged, 1);
    // Nothing is passed on any more; the slip still claims the offer.
    let passed = squaremile::assisted::store::pass_on_to(&app.db, &held)
        .await
        .unwrap();
    assert!(passed.is_none());
    let dora = app.register("Dora Bell", "dora@example.org", "").await;
    let claimed = dora.post_form("/claim", &[("code", &code)]).await;
    assert_eq!(claimed.status(), StatusCode::SEE_OTHER);
}
