//! Events: the organiser's form, RSVPs with a waiting list that moves up, cancellation,
//! reminders sent once, iCalendar per event and per area, open-space sessions with their
//! report-backs, and a method's "we used this" told from an event.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, body, count, location};

/// A `datetime-local` value `hours` from now, in the site's zone.
fn local_in(hours: i64) -> String {
    let when = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(hours);
    when.in_tz("Europe/London")
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn riverside(app: &TestApp) -> String {
    let admin = app.admin().await;
    for (parent, name) in [("", "Millbrook"), ("millbrook", "Riverside")] {
        admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
    }
    app.area_id("riverside").await
}

/// Publishes an event through the form and returns its slug.
async fn organise(
    organiser: &Client,
    area: &str,
    kind: &str,
    title: &str,
    starts_in_hours: i64,
    capacity: &str,
) -> String {
    let start = local_in(starts_in_hours);
    let end = local_in(starts_in_hours + 2);
    let created = organiser
        .post_form(
            "/events",
            &[
                ("kind", kind),
                ("title", title),
                ("description", "Tea, biscuits and a plan for the street."),
                ("area", area),
                ("place", "Riverside Hall, 2 Mill Lane"),
                ("accessibility", "Step-free entrance; hearing loop"),
                ("starts_at", &start),
                ("ends_at", &end),
                ("capacity", capacity),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER, "creating {title}");
    location(&created)
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn statuses(app: &TestApp) -> (i64, i64) {
    (
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM event_rsvps WHERE status = 'going'",
        )
        .await,
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM event_rsvps WHERE status = 'waiting'",
        )
        .await,
    )
}

#[tokio::test]
async fn bad_event_forms_change_nothing() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let form = body(olu.get("/events/new").await).await;
    assert!(form.contains("datetime-local") && form.contains("World café"));
    let start = local_in(48);
    let earlier = local_in(47);
    let past = local_in(-3);
    for (fields, message) in [
        (
            vec![("starts_at", start.as_str()), ("ends_at", earlier.as_str())],
            "The end must be after the start.",
        ),
        (
            vec![("starts_at", past.as_str()), ("ends_at", start.as_str())],
            "The start is in the past.",
        ),
        (
            vec![
                ("starts_at", start.as_str()),
                ("ends_at", "tomorrow evening"),
            ],
            "Enter a date and time.",
        ),
        (
            vec![
                ("starts_at", start.as_str()),
                ("ends_at", local_in(50).leak()),
                ("capacity", "0"),
            ],
            "Enter a whole number of places",
        ),
        (
            vec![
                ("starts_at", start.as_str()),
                ("ends_at", local_in(50).leak()),
                ("method", "no-such-method"),
            ],
            "Choose a method from the library.",
        ),
    ] {
        let mut all = vec![
            ("kind", "conversation"),
            ("title", "Street tea"),
            ("description", "Tea."),
            ("area", area.as_str()),
            ("place", "The hall"),
        ];
        all.extend(fields);
        let refused = olu.post_form("/events", &all).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = body(refused).await;
        assert!(page.contains(message), "{message}: {page}");
    }
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM events").await, 0);
    let anonymous = app
        .client()
        .post_form("/events", &[("title", "Street tea")])
        .await;
    assert_ne!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM events").await, 0);
}

#[tokio::test]
async fn a_full_event_has_a_waiting_list_that_moves_up() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let slug = organise(&olu, &area, "conversation", "Street tea", 72, "2").await;
    let page = body(app.client().get(&format!("/events/{slug}")).await).await;
    assert!(page.contains("Street tea") && page.contains("2 places left"));
    assert!(page.contains("Step-free entrance; hearing loop"));

    let people: Vec<Client> = futures_of(&app, &["ana", "ben", "cy"]).await;
    for person in &people {
        let answered = person
            .post_form(&format!("/events/{slug}/rsvp"), &[("going", "yes")])
            .await;
        assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    }
    // Answering twice changes nothing.
    people[0]
        .post_form(&format!("/events/{slug}/rsvp"), &[("going", "yes")])
        .await;
    assert_eq!(statuses(&app).await, (2, 1));
    let cy_page = body(people[2].get(&format!("/events/{slug}")).await).await;
    assert!(
        cy_page.contains("You are first on the waiting list"),
        "{cy_page}"
    );
    let data: serde_json::Value = people[2].get("/account/export").await.json().await.unwrap();
    assert_eq!(data["event_answers"][0]["event"], slug.as_str());
    assert_eq!(data["event_answers"][0]["answer"], "waiting");
    let full = body(app.client().get(&format!("/events/{slug}")).await).await;
    assert!(full.contains("No places left") && full.contains("1 person waiting"));

    // The organiser sees who is coming; others do not.
    let organiser_view = body(olu.get(&format!("/events/{slug}")).await).await;
    assert!(organiser_view.contains("id=\"attendees\"") && organiser_view.contains("ana"));
    assert!(!cy_page.contains("id=\"attendees\""));

    // Ben gives his place up; Cy gets it and is told by email.
    people[1]
        .post_form(&format!("/events/{slug}/rsvp"), &[("going", "no")])
        .await;
    assert_eq!(statuses(&app).await, (2, 0));
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["cy@example.org".to_string()]);
    assert!(mail.text().contains("A place came free"), "{}", mail.text());
    let cy_page = body(people[2].get(&format!("/events/{slug}")).await).await;
    assert!(cy_page.contains("You are going."));

    // Someone else cannot cancel it; the organiser can, and everyone who answered hears.
    let refused = people[0]
        .post_form(&format!("/events/{slug}/cancel"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    olu.post_form(&format!("/events/{slug}/cancel"), &[]).await;
    let mut told = [app.mail.next().await, app.mail.next().await];
    told.sort_by(|a, b| a.to.cmp(&b.to));
    assert_eq!(told[0].to, vec!["ana@example.org".to_string()]);
    assert_eq!(told[1].to, vec!["cy@example.org".to_string()]);
    assert!(told[0].text().contains("is cancelled"));
    let late = people[1]
        .post_form(&format!("/events/{slug}/rsvp"), &[("going", "yes")])
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert_eq!(statuses(&app).await, (2, 0));
}

async fn futures_of(app: &TestApp, names: &[&str]) -> Vec<Client> {
    let mut clients = Vec::new();
    for name in names {
        clients.push(app.register(name, &format!("{name}@example.org"), "").await);
    }
    clients
}

#[tokio::test]
async fn answers_at_the_same_moment_never_overfill_an_event() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let slug = organise(&olu, &area, "assembly", "Budget assembly", 72, "3").await;
    let names: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let people = futures_of(&app, &refs).await;
    // Every answer in flight at once, each on its own task.
    let mut answers = tokio::task::JoinSet::new();
    for person in people {
        let path = format!("/events/{slug}/rsvp");
        answers.spawn(async move { person.post_form(&path, &[("going", "yes")]).await.status() });
    }
    while let Some(status) = answers.join_next().await {
        assert_eq!(status.expect("task"), StatusCode::SEE_OTHER);
    }
    assert_eq!(statuses(&app).await, (3, 7));
}

/// The organiser's edit form, moving an event to start `hours` from now.
async fn move_event(organiser: &Client, slug: &str, area: &str, hours: i64) {
    let moved = organiser
        .post_form(
            &format!("/events/{slug}/edit"),
            &[
                ("kind", "walk-and-talk"),
                ("title", "River walk"),
                ("description", "Along the river."),
                ("area", area),
                ("place", "Riverside Hall, 2 Mill Lane"),
                ("starts_at", &local_in(hours)),
                ("ends_at", &local_in(hours + 2)),
            ],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn reminders_go_once_and_again_only_when_the_time_moves() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let ana = app.register("Ana", "ana@example.org", "").await;
    let slug = organise(&olu, &area, "walk-and-talk", "River walk", 72, "").await;
    ana.post_form(&format!("/events/{slug}/rsvp"), &[("going", "yes")])
        .await;
    let reminders = "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'email' \
                     AND payload LIKE '%Reminder: River walk%'";
    // Three days away, its reminder is not due: running the job early sends nothing.
    let first_job: String =
        sqlx::query_scalar("SELECT payload FROM jobs WHERE kind = 'event-reminders'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    squaremile::events::run_reminder_job(&app.db, &zone(), "http://squaremile.test", &first_job)
        .await
        .unwrap();
    assert_eq!(count(&app.db, reminders).await, 0);

    // Moved to two hours from now, the reminder is due at once and the worker sends it.
    move_event(&olu, &slug, &area, 2).await;
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["ana@example.org".to_string()]);
    let text = mail.text();
    assert!(
        text.contains("River walk") && text.contains("Riverside Hall"),
        "{text}"
    );
    // Running every reminder job again, as a retry would, sends nothing new.
    let payloads: Vec<String> =
        sqlx::query_scalar("SELECT payload FROM jobs WHERE kind = 'event-reminders'")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(payloads.len(), 2);
    for payload in &payloads {
        squaremile::events::run_reminder_job(&app.db, &zone(), "http://squaremile.test", payload)
            .await
            .unwrap();
    }
    assert_eq!(count(&app.db, reminders).await, 1);

    // Ben says he is coming after the reminders went out: he gets his, Ana no second one.
    let ben = app.register("Ben", "ben@example.org", "").await;
    ben.post_form(&format!("/events/{slug}/rsvp"), &[("going", "yes")])
        .await;
    let mail = app.mail.next().await;
    assert_eq!(mail.to, vec!["ben@example.org".to_string()]);
    assert_eq!(count(&app.db, reminders).await, 2);

    // Moved again, both must hear the new time.
    move_event(&olu, &slug, &area, 3).await;
    let mut told = [app.mail.next().await.to, app.mail.next().await.to];
    told.sort();
    assert_eq!(
        told,
        [
            vec!["ana@example.org".to_string()],
            vec!["ben@example.org".to_string()]
        ]
    );
    assert_eq!(count(&app.db, reminders).await, 4);
}

fn zone() -> squaremile::web::clock::SiteZone {
    squaremile::web::clock::SiteZone::named("Europe/London").unwrap()
}

/// The VEVENT components of a calendar, parsed by an independent iCalendar reader.
fn vevents(text: &str) -> Vec<(String, String, String)> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let mut found = Vec::new();
    let mut stack: Vec<&icalendar::parser::Component> = calendar.components.iter().collect();
    while let Some(component) = stack.pop() {
        if component.name.as_str() == "VEVENT" {
            let get = |name: &str| {
                component
                    .find_prop(name)
                    .map(|p| p.val.as_str().to_string())
                    .unwrap_or_default()
            };
            found.push((get("SUMMARY"), get("DTSTART"), get("LOCATION")));
        }
        stack.extend(component.components.iter());
    }
    found
}

#[tokio::test]
async fn calendars_for_an_event_and_an_area_are_valid_icalendar() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let tea = organise(
        &olu,
        &area,
        "conversation",
        "Street tea; cake, and a plan",
        30,
        "",
    )
    .await;
    organise(&olu, &area, "assembly", "Budget assembly", 60, "").await;

    let one = app
        .client()
        .get(&format!("/events/{tea}/calendar.ics"))
        .await;
    assert_eq!(one.status(), StatusCode::OK);
    assert!(
        one.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = body(one).await;
    assert!(text.contains("SUMMARY:Street tea\\; cake\\, and a plan\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line}");
    }
    let events = vevents(&text);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "Street tea; cake, and a plan");
    assert!(
        events[0].1.ends_with('Z') && events[0].1.len() == 16,
        "{}",
        events[0].1
    );
    assert!(events[0].2.starts_with("Riverside Hall"));

    // The feed of Millbrook holds Riverside's events too.
    let feed = body(app.client().get("/areas/millbrook/events.ics").await).await;
    let mut titles: Vec<String> = vevents(&feed).into_iter().map(|e| e.0).collect();
    titles.sort();
    assert_eq!(
        titles,
        vec!["Budget assembly", "Street tea; cake, and a plan"]
    );
    // The feed holds what is coming and what ended in the last 30 days, nothing older.
    let day = 24 * 3600 * 1000_i64;
    for (ended_days_ago, kept) in [(10, true), (40, false)] {
        sqlx::query(
            "UPDATE events SET starts_at = $1, ends_at = $2 WHERE title = 'Budget assembly'",
        )
        .bind(squaremile::db::now_ms() - ended_days_ago * day - 2 * 3600 * 1000)
        .bind(squaremile::db::now_ms() - ended_days_ago * day)
        .execute(&app.db)
        .await
        .unwrap();
        let feed = body(app.client().get("/areas/millbrook/events.ics").await).await;
        let titles: Vec<String> = vevents(&feed).into_iter().map(|e| e.0).collect();
        assert_eq!(
            titles.contains(&"Budget assembly".to_string()),
            kept,
            "ended {ended_days_ago} days ago: {titles:?}"
        );
        assert!(titles.contains(&"Street tea; cake, and a plan".to_string()));
    }
    // An event that began long ago and is not over (an exhibition) is still coming: in the
    // feed, and first in the list of what is coming, before events that start later.
    sqlx::query("UPDATE events SET starts_at = $1, ends_at = $2 WHERE title = 'Budget assembly'")
        .bind(squaremile::db::now_ms() - 100 * day)
        .bind(squaremile::db::now_ms() + 10 * day)
        .execute(&app.db)
        .await
        .unwrap();
    let feed = body(app.client().get("/areas/millbrook/events.ics").await).await;
    assert_eq!(vevents(&feed).len(), 2, "{feed}");
    let coming = body(app.client().get("/events").await).await;
    let long = coming
        .find("Budget assembly")
        .expect("the long event is listed");
    let tea = coming.find("Street tea").expect("the tea is listed");
    assert!(long < tea, "listed by start");
    let list = body(app.client().get(&format!("/events?area={area}")).await).await;
    assert!(list.contains("/areas/riverside/events.ics"));
    assert_eq!(
        app.client().get("/areas/nowhere/events.ics").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn open_space_sessions_are_pitched_joined_and_reported_back() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let ana = app.register("Ana", "ana@example.org", "").await;
    let ben = app.register("Ben", "ben@example.org", "").await;
    let slug = organise(&olu, &area, "open-space", "Our high street", 1, "").await;
    let tea = organise(&olu, &area, "conversation", "Street tea", 1, "").await;

    let empty = ana
        .post_form(&format!("/events/{slug}/sessions"), &[("topic", " ")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let not_open_space = ana
        .post_form(&format!("/events/{tea}/sessions"), &[("topic", "Shops")])
        .await;
    assert_eq!(not_open_space.status(), StatusCode::NOT_FOUND);
    for (who, topic) in [(&ana, "Empty shops"), (&olu, "Market days")] {
        let pitched = who
            .post_form(
                &format!("/events/{slug}/sessions"),
                &[("topic", topic), ("spot", "by the window")],
            )
            .await;
        assert_eq!(pitched.status(), StatusCode::SEE_OTHER);
    }
    let sessions: Vec<(String, String)> =
        sqlx::query_as("SELECT id, topic FROM open_space_sessions ORDER BY topic")
            .fetch_all(&app.db)
            .await
            .unwrap();
    let (shops, market) = (&sessions[0].0, &sessions[1].0);

    // Ben joins one group, then moves to the other: one group at a time.
    ben.post_form(&format!("/open-space/{shops}/join"), &[])
        .await;
    ben.post_form(&format!("/open-space/{market}/join"), &[])
        .await;
    let ben_in: Vec<String> =
        sqlx::query_scalar("SELECT session_id FROM open_space_members WHERE user_id = $1")
            .bind(app.user_id("ben@example.org").await)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(ben_in, vec![market.clone()]);

    // Only the host and members write the report-back.
    let outsider = ben
        .post_form(
            &format!("/open-space/{shops}/report"),
            &[("report", "Not my group")],
        )
        .await;
    assert_eq!(outsider.status(), StatusCode::FORBIDDEN);
    let reported = ana
        .post_form(
            &format!("/open-space/{shops}/report"),
            &[(
                "report",
                "Six empty units. A pop-up rota for makers could fill two by spring.",
            )],
        )
        .await;
    assert_eq!(reported.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get(&format!("/events/{slug}")).await).await;
    assert!(page.contains("Six empty units") && !page.contains("Not my group"));
    assert!(page.contains("hosted by Ana") && page.contains("by the window"));
    // The report-back can become a conversation or an ask, with its words carried over.
    let signed_in = body(ana.get(&format!("/events/{slug}")).await).await;
    assert!(signed_in.contains("/conversations/new?area="));
    assert!(signed_in.contains("/help/new?kind=ask"));
    let form = body(
        ana.get(&format!(
            "/conversations/new?area={area}&title=Empty+shops&body=Six+empty+units"
        ))
        .await,
    )
    .await;
    assert!(form.contains("Six empty units"));
}

#[tokio::test]
async fn a_method_used_at_an_event_links_back_to_it() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    let method: String = sqlx::query_scalar("SELECT id FROM methods WHERE slug = 'world-cafe'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let created = olu
        .post_form(
            "/events",
            &[
                ("kind", "conversation"),
                ("title", "Café on Mill Lane"),
                ("description", "Three rounds of tables."),
                ("area", &area),
                ("place", "Riverside Hall"),
                ("starts_at", &local_in(5)),
                ("ends_at", &local_in(7)),
                ("method", &method),
            ],
        )
        .await;
    let slug = location(&created)
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let page = body(olu.get(&format!("/events/{slug}")).await).await;
    assert!(page.contains("/methods/world-cafe"));
    // Once it is over, the page asks how the method went.
    sqlx::query("UPDATE events SET starts_at = starts_at - 86400000, ends_at = ends_at - 86400000")
        .execute(&app.db)
        .await
        .unwrap();
    let page = body(olu.get(&format!("/events/{slug}")).await).await;
    let link = format!("/methods/world-cafe?event={slug}#tell-use");
    assert!(page.contains(&link), "{page}");
    let form = body(olu.get(&link).await).await;
    assert!(form.contains("Café on Mill Lane, "));
    let told = olu
        .post_form(
            "/methods/world-cafe/uses",
            &[
                ("event", &slug),
                ("occasion", "Café on Mill Lane"),
                (
                    "story",
                    "Forty people came; the third round found the best idea.",
                ),
            ],
        )
        .await;
    assert_eq!(told.status(), StatusCode::SEE_OTHER);
    let method_page = body(app.client().get("/methods/world-cafe").await).await;
    assert!(method_page.contains(&format!("<a href=\"/events/{slug}\">Café on Mill Lane</a>")));
}

#[tokio::test]
async fn a_skills_game_event_sets_up_its_game_session() {
    let app = TestApp::spawn().await;
    let area = riverside(&app).await;
    let admin = app
        .login("admin@example.org", crate::support::PASSWORD)
        .await;
    let slug = organise(&admin, &area, "skills-game", "Skills night", 30, "").await;
    let page = body(admin.get(&format!("/events/{slug}")).await).await;
    let start = format!("/skills-game/new?event={slug}");
    assert!(page.contains(&start));
    let form = body(admin.get(&start).await).await;
    assert!(form.contains("value=\"Skills night\"") && form.contains(&slug));
    let created = admin
        .post_form(
            "/skills-game/new",
            &[
                ("event", &slug),
                ("title", "Skills night"),
                ("area", &area),
                ("held_on", "2026-12-03"),
                ("place", "Riverside Hall"),
                ("tables", "Table 1\nTable 2"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get(&format!("/events/{slug}")).await).await;
    assert!(
        page.contains("href=\"/skills-game/skills-night\""),
        "{page}"
    );
}
