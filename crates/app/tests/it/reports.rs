//! Reports of local problems: routing to the responsible organisation, officials' status
//! changes and public replies, followers told by email and on the site, photos without
//! their metadata, the organisation's public record, and bad input that changes nothing.

use reqwest::StatusCode;

use crate::photos::{
    COMMENT, GPS_LATITUDE, holds, jpeg_with_a_second_picture_appended, jpeg_with_gps, png_bomb,
    progressive_jpeg_with_gps_after_first_scan, sides,
};
use crate::support::{Client, TestApp, body, count, location, many_reports};

/// A city (Millbrook) with two neighbourhoods, two public bodies with an official each, two
/// categories, and rules: potholes anywhere in Millbrook go to Highways, except in Old Town,
/// which has its own rule; street lights have no rule. Returns the admin and officials.
async fn city(app: &TestApp) -> (Client, Client, Client) {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("millbrook", "Old Town"),
    ] {
        let created = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
    }
    let hana = app.register("Hana Highways", "hana@example.org", "").await;
    let otto = app.register("Otto Oldtown", "otto@example.org", "").await;
    for (name, official) in [
        ("Millbrook Highways", "hana@example.org"),
        ("Old Town Trust", "otto@example.org"),
    ] {
        let made = admin
            .post_form(
                "/organisations/new",
                &[("name", name), ("kind", "council_department")],
            )
            .await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER);
        let slug = squaremile::web::forms::slugify(name);
        let added = admin
            .post_form(
                &format!("/organisations/{slug}/members"),
                &[("email", official), ("role", "official")],
            )
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    for name in ["Potholes", "Street lights"] {
        let added = admin
            .post_form("/reports/categories", &[("name", name)])
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    for (area, organisation) in [
        ("millbrook", "millbrook-highways"),
        ("old-town", "old-town-trust"),
    ] {
        let set = admin
            .post_form(
                "/reports/routes",
                &[
                    ("category", &category_id(app, "potholes").await),
                    ("area", &app.area_id(area).await),
                    ("organisation", &organisation_id(app, organisation).await),
                ],
            )
            .await;
        assert_eq!(set.status(), StatusCode::SEE_OTHER);
    }
    (admin, hana, otto)
}

async fn category_id(app: &TestApp, code: &str) -> String {
    sqlx::query_scalar("SELECT id FROM report_categories WHERE code = $1")
        .bind(code)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn organisation_id(app: &TestApp, slug: &str) -> String {
    sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
        .bind(slug)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// Reports a problem through the form; returns the report's id.
async fn report(
    app: &TestApp,
    client: &Client,
    category: &str,
    area: &str,
    title: &str,
    photos: &[&[u8]],
) -> String {
    let files: Vec<(&str, &[u8])> = photos.iter().map(|p| ("photo", *p)).collect();
    let sent = client
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category_id(app, category).await),
                ("area", &app.area_id(area).await),
                ("title", title),
                ("description", "Deep enough to hurt a cyclist."),
                ("address", "Outside 12 Mill Lane"),
                ("latitude", "53.4808"),
                ("longitude", "-2.2426"),
                // Sent after "is it one of these?", whatever is close by.
                ("checked", "1"),
            ],
            &files,
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

async fn routed_to(app: &TestApp, id: &str) -> Option<String> {
    sqlx::query_scalar(
        "SELECT o.slug FROM reports r LEFT JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn reports_go_to_the_body_responsible_for_the_nearest_area() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    // Riverside has no rule of its own: Millbrook's applies. Old Town has its own.
    let riverside = report(&app, &rosa, "potholes", "riverside", "Pothole", &[]).await;
    assert_eq!(
        routed_to(&app, &riverside).await.as_deref(),
        Some("millbrook-highways")
    );
    let old_town = report(&app, &rosa, "potholes", "old-town", "Pothole", &[]).await;
    assert_eq!(
        routed_to(&app, &old_town).await.as_deref(),
        Some("old-town-trust")
    );
    let unrouted = report(&app, &rosa, "street-lights", "riverside", "Dark lamp", &[]).await;
    assert_eq!(routed_to(&app, &unrouted).await, None);
    let page = body(app.client().get(&format!("/reports/{unrouted}")).await).await;
    assert!(page.contains("No organisation looks after this kind of problem"));
    // The body's officials and admins (the site admin made both bodies) hear of each new
    // report by email; nobody hears of the unrouted one.
    let mut told = Vec::new();
    for _ in 0..4 {
        let mail = app.mail.next().await;
        assert!(
            mail.text().contains("New report: Pothole"),
            "{}",
            mail.text()
        );
        told.push(mail.to.join(","));
    }
    told.sort();
    assert_eq!(
        told,
        [
            "admin@example.org",
            "admin@example.org",
            "hana@example.org",
            "otto@example.org"
        ]
    );
}

#[tokio::test]
async fn officials_answer_in_public_and_followers_hear_of_it() {
    let app = TestApp::spawn().await;
    let (_admin, hana, otto) = city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "Pothole on Mill Lane",
        &[],
    )
    .await;
    // Hana and the site admin (the body's admin) hear of the new report.
    app.mail.next().await;
    app.mail.next().await;

    // Nobody else yet: no "0 more people" sentence.
    let alone = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(
        !alone.contains("more people say this affects them"),
        "{alone}"
    );
    // Sam is affected too; the count shows it.
    let affected = sam
        .post_form(&format!("/reports/{id}/follow"), &[("how", "affected")])
        .await;
    assert_eq!(affected.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(
        page.contains("One more person says this affects them too"),
        "{page}"
    );

    // Only the routed body's officials change the status; anyone may comment.
    for outsider in [&rosa, &otto] {
        let refused = outsider
            .post_form(
                &format!("/reports/{id}/updates"),
                &[("status", "fixed"), ("body", "Done!")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM report_updates").await,
        0
    );
    let answered = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[
                ("status", "acknowledged"),
                ("body", "Thank you; an inspector will visit this week."),
            ],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let mut heard = Vec::new();
    for _ in 0..2 {
        let mail = app.mail.next().await;
        assert!(
            mail.text()
                .contains("Millbrook Highways changed the status"),
            "{}",
            mail.text()
        );
        heard.push(mail.to.join(","));
    }
    heard.sort();
    assert!(heard[0].contains("rosa@example.org") && heard[1].contains("sam@example.org"));
    let notices = body(rosa.get("/notifications").await).await;
    assert!(notices.contains("Pothole on Mill Lane") && notices.contains("Acknowledged"));
    let page = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(page.contains("an inspector will visit this week"));

    // A duplicate must point at a report that exists.
    let bad = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[("status", "duplicate"), ("duplicate_of", "no-such-report")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fixed = hana
        .post_form(&format!("/reports/{id}/updates"), &[("status", "fixed")])
        .await;
    assert_eq!(fixed.status(), StatusCode::SEE_OTHER);
    let (responded, fixed_at): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT responded_at, fixed_at FROM reports WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(responded.is_some() && fixed_at.is_some());

    // The inbox is the officials'; the record is everyone's.
    assert_eq!(
        rosa.get("/organisations/millbrook-highways/inbox")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let inbox = body(hana.get("/organisations/millbrook-highways/inbox").await).await;
    assert!(inbox.contains("Nothing is waiting") && inbox.contains("Pothole on Mill Lane"));
    let record = body(
        app.client()
            .get("/organisations/millbrook-highways/reports")
            .await,
    )
    .await;
    assert!(record.contains(r#"<dd id="received">1</dd>"#), "{record}");
    assert!(record.contains("Median time to fix"));
}

#[tokio::test]
async fn photos_lose_their_gps_and_bad_reports_change_nothing() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "Pothole",
        &[&jpeg_with_gps()],
    )
    .await;
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT bytes FROM report_photos WHERE report_id = $1")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(!holds(&stored, &GPS_LATITUDE) && !holds(&stored, COMMENT));
    let page = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(page.contains(&format!("/reports/{id}/photos/")));

    let before = count(&app.db, "SELECT COUNT(*) AS n FROM reports").await;
    let category = category_id(&app, "potholes").await;
    let area = app.area_id("riverside").await;
    let many: Vec<(&str, &[u8])> = vec![("photo", b"\xFF\xD8\xFF"); 4];
    for (fields, files, says) in [
        (
            vec![("category", category.as_str()), ("area", area.as_str())],
            Vec::new(),
            "What is the problem?",
        ),
        (
            vec![
                ("category", category.as_str()),
                ("area", area.as_str()),
                ("title", "Pothole"),
                ("description", "Deep"),
                ("latitude", "95"),
                ("longitude", "1"),
            ],
            Vec::new(),
            "Latitude must be between -90 and 90",
        ),
        (
            vec![
                ("category", category.as_str()),
                ("area", area.as_str()),
                ("title", "Pothole"),
                ("description", "Deep"),
            ],
            many,
            "at most 3 photos",
        ),
        (
            vec![
                ("category", category.as_str()),
                ("area", area.as_str()),
                ("title", "Pothole"),
                ("description", "Deep"),
            ],
            vec![("photo", b"GIF89a not a photo".as_slice())],
            "Only JPEG and PNG",
        ),
    ] {
        let refused = rosa.post_multipart("/reports/new", &fields, &files).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = body(refused).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let forged = rosa
        .http
        .post(rosa.url("/reports/new?csrf_token=forged"))
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM reports").await,
        before
    );
    // Only site admins edit categories and routing.
    let refused = rosa
        .post_form("/reports/categories", &[("name", "Graffiti")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

/// The address of a report's only photo.
async fn photo_path(app: &TestApp, id: &str) -> String {
    let photo: String = sqlx::query_scalar("SELECT id FROM report_photos WHERE report_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    format!("/reports/{id}/photos/{photo}")
}

/// A photo as anyone is served it, once it is checked to be a 24 × 16 picture.
async fn served_photo(app: &TestApp, id: &str) -> Vec<u8> {
    let served = app.client().get(&photo_path(app, id).await).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.unwrap().to_vec();
    assert_eq!(sides(&bytes), (24, 16), "the picture itself is kept");
    bytes
}

#[tokio::test]
async fn a_progressive_jpeg_keeps_nothing_hidden_after_its_first_scan() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let sent = progressive_jpeg_with_gps_after_first_scan();
    let id = report(&app, &rosa, "potholes", "riverside", "Pothole", &[&sent]).await;
    let served = served_photo(&app, &id).await;
    assert!(!holds(&served, b"Exif"), "no Exif block");
    assert!(!holds(&served, &GPS_LATITUDE), "no position");
    assert!(!holds(&served, COMMENT), "no comment");
}

#[tokio::test]
async fn a_second_picture_after_a_jpegs_end_is_not_stored() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let sent = jpeg_with_a_second_picture_appended();
    let id = report(&app, &rosa, "potholes", "riverside", "Pothole", &[&sent]).await;
    let served = served_photo(&app, &id).await;
    assert!(!holds(&served, b"Exif") && !holds(&served, &GPS_LATITUDE));
    assert!(!holds(&served, COMMENT));
    let ends = served.windows(2).filter(|w| *w == [0xFF, 0xD9]).count();
    let starts = served
        .windows(3)
        .filter(|w| *w == [0xFF, 0xD8, 0xFF])
        .count();
    assert_eq!((starts, ends), (1, 1), "one picture, ending where it ends");
    assert!(served.ends_with(&[0xFF, 0xD9]));
}

#[tokio::test]
async fn a_photo_that_would_unpack_to_a_gigabyte_is_refused_and_the_form_kept() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let before = count(&app.db, "SELECT COUNT(*) AS n FROM reports").await;
    let category = category_id(&app, "potholes").await;
    let area = app.area_id("riverside").await;
    let bomb = png_bomb();
    let refused = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("area", &area),
                ("title", "Sinkhole by the weir"),
                ("description", "It grows every week."),
                ("address", "Weir Lane"),
                ("latitude", "53.4808"),
                ("longitude", "-2.2426"),
            ],
            &[("photo", bomb.as_slice())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains("at most 8000 pixels wide and 8000 pixels high, and 16 megapixels"),
        "{page}"
    );
    for kept in [
        r#"value="Sinkhole by the weir""#,
        ">It grows every week.</textarea>",
        r#"value="Weir Lane""#,
        r#"value="53.4808""#,
    ] {
        assert!(page.contains(kept), "{kept}: {page}");
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM reports").await,
        before
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM report_photos").await,
        0
    );
}

#[tokio::test]
async fn a_photo_over_the_upload_limit_brings_the_form_back_with_the_limit_stated() {
    let app = TestApp::spawn().await;
    city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let category = category_id(&app, "potholes").await;
    let area = app.area_id("riverside").await;
    // A 6 MB photo, three times what a form may send (2 MB).
    let photo = vec![0xFFu8; 6 * 1024 * 1024];
    let refused = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("area", &area),
                ("title", "Sinkhole by the weir"),
                ("description", "It grows every week."),
                ("address", "Weir Lane"),
            ],
            &[("photo", photo.as_slice())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains("This file is too large: the most a form can send is 2 MB."),
        "{page}"
    );
    assert!(
        page.contains(r##"href="#photo""##),
        "the error names the field"
    );
    for kept in [
        r#"value="Sinkhole by the weir""#,
        ">It grows every week.</textarea>",
        r#"value="Weir Lane""#,
    ] {
        assert!(page.contains(kept), "{kept}: {page}");
    }
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 0);
}

#[tokio::test]
async fn a_hidden_reports_photos_are_hidden_with_it() {
    let app = TestApp::spawn().await;
    let (admin, _, _) = city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "My neighbour's car",
        &[&jpeg_with_gps()],
    )
    .await;
    let path = photo_path(&app, &id).await;
    let shown = app.client().get(&path).await;
    assert_eq!(shown.status(), StatusCode::OK);
    // No shared cache may keep it: the report can be hidden at any time.
    assert_eq!(shown.headers()["cache-control"], "private, max-age=300");
    let hidden = admin
        .post_form(
            "/moderation/hide",
            &[
                ("target", "report"),
                ("id", &id),
                ("reason", "Reports are about public places, not people."),
            ],
        )
        .await;
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let sam = app.register("Sam", "sam@example.org", "").await;
    for (who, client) in [("anyone", app.client()), ("another resident", sam)] {
        let refused = client.get(&path).await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{who}");
        assert_ne!(refused.headers()["content-type"], "image/jpeg", "{who}");
    }
    // Its reporter and the moderators still see what was hidden, as on the report's page.
    for (who, client) in [("reporter", &rosa), ("moderator", &admin)] {
        let seen = client.get(&path).await;
        assert_eq!(seen.status(), StatusCode::OK, "{who}");
        assert_eq!(seen.headers()["cache-control"], "private, max-age=300");
    }
}

/// The fields GeoReport v2 defines for each response, in its own words.
const SERVICE_FIELDS: [&str; 7] = [
    "description",
    "group",
    "keywords",
    "metadata",
    "service_code",
    "service_name",
    "type",
];
const REQUEST_FIELDS: [&str; 17] = [
    "address",
    "address_id",
    "agency_responsible",
    "description",
    "expected_datetime",
    "lat",
    "long",
    "media_url",
    "requested_datetime",
    "service_code",
    "service_name",
    "service_notice",
    "service_request_id",
    "status",
    "status_notes",
    "updated_datetime",
    "zipcode",
];

fn field_names(item: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = item.as_object().unwrap().keys().cloned().collect();
    names.sort();
    names
}

/// Posts an Open311 request as another system would (no cookies, no CSRF token).
async fn open311_post(
    client: &Client,
    key: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, serde_json::Value) {
    let mut form = vec![("api_key", key)];
    form.extend_from_slice(fields);
    let response = client
        .http
        .post(client.url("/api/open311/v2/requests.json"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, serde_json::from_str(&body(response).await).unwrap())
}

async fn json(client: &Client, path: &str) -> (StatusCode, serde_json::Value) {
    let response = client.get(path).await;
    let status = response.status();
    (status, serde_json::from_str(&body(response).await).unwrap())
}

#[tokio::test]
async fn open311_lists_services_and_takes_requests_with_a_key() {
    let app = TestApp::spawn().await;
    let (admin, _, _) = city(&app).await;
    let anyone = app.client();

    let (status, services) = json(&anyone, "/api/open311/v2/services.json").await;
    assert_eq!(status, StatusCode::OK);
    let services = services.as_array().unwrap();
    assert_eq!(services.len(), 2);
    assert_eq!(field_names(&services[0]), SERVICE_FIELDS);
    assert_eq!(services[0]["service_code"], "potholes");
    assert_eq!(services[0]["metadata"], false);
    let xml = body(anyone.get("/api/open311/v2/services.xml").await).await;
    assert!(
        xml.contains("<services><service><service_code>potholes</service_code>"),
        "{xml}"
    );

    // Posting needs a live key, a location and an area (jurisdiction_id).
    let good = vec![
        ("jurisdiction_id", "riverside"),
        ("service_code", "potholes"),
        ("lat", "53.4808"),
        ("long", "-2.2426"),
        ("description", "Pothole by the bus stop\nAbout a hand deep."),
    ];
    let (status, refused) = open311_post(&anyone, "not-a-key", &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused[0]["code"], 403);
    // The admin page shows the form that makes keys, in the page and not inside its title.
    let page = body(admin.get("/reports/categories").await).await;
    let title = page
        .split("<title>")
        .nth(1)
        .and_then(|rest| rest.split("</title>").next())
        .expect("a title");
    assert!(!title.contains('<'), "markup in the title: {title}");
    let content = page.split("</title>").nth(1).unwrap();
    assert!(
        content.contains(r#"action="/reports/api-keys""#),
        "{content}"
    );
    let made = body(
        admin
            .post_form("/reports/api-keys", &[("key_name", "Council case system")])
            .await,
    )
    .await;
    let key = made
        .split(r#"<code id="new-key">"#)
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .expect("the key is shown once")
        .to_string();
    let (status, refused) = open311_post(
        &anyone,
        &key,
        &[("service_code", "potholes"), ("description", "Somewhere")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        refused[0]["description"]
            .as_str()
            .unwrap()
            .contains("location")
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 0);
    let (status, created) = open311_post(&anyone, &key, &good).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        routed_to(&app, &id).await.as_deref(),
        Some("millbrook-highways")
    );

    // Reading back, as a list and one by one, in JSON and XML.
    let (_, listed) = json(
        &anyone,
        "/api/open311/v2/requests.json?service_code=potholes",
    )
    .await;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(field_names(&listed[0]), REQUEST_FIELDS);
    assert_eq!(listed[0]["service_request_id"], id.as_str());
    assert_eq!(listed[0]["status"], "open");
    assert_eq!(listed[0]["lat"], 53.4808);
    assert_eq!(listed[0]["agency_responsible"], "Millbrook Highways");
    let (status, _) = json(
        &anyone,
        "/api/open311/v2/requests.json?start_date=yesterday",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, recent) = json(
        &anyone,
        "/api/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z",
    )
    .await;
    assert_eq!(recent.as_array().unwrap().len(), 1);
    let (_, closed) = json(&anyone, "/api/open311/v2/requests.json?status=closed").await;
    assert!(closed.as_array().unwrap().is_empty());
    let one = body(
        anyone
            .get(&format!("/api/open311/v2/requests/{id}.xml"))
            .await,
    )
    .await;
    assert!(one.contains(&format!("<service_request_id>{id}</service_request_id>")));
    assert!(one.contains("<description>Pothole by the bus stop\nAbout a hand deep.</description>"));
    let (status, _) = json(&anyone, "/api/open311/v2/requests/missing.json").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A revoked key posts nothing more.
    let key_id: String = sqlx::query_scalar("SELECT id FROM api_keys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    admin
        .post_form(&format!("/reports/api-keys/{key_id}/revoke"), &[])
        .await;
    let (status, _) = open311_post(&anyone, &key, &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 1);
}

#[tokio::test]
async fn a_hidden_report_leaves_the_lists_and_tells_its_reporter_why() {
    let app = TestApp::spawn().await;
    let (admin, _, _) = city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "My neighbour is a thief",
        &[],
    )
    .await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let flagged = sam
        .post_form(
            "/flags",
            &[
                ("target", "report"),
                ("id", &id),
                ("reason", "Not a local problem."),
            ],
        )
        .await;
    assert_eq!(flagged.status(), StatusCode::SEE_OTHER);
    let hidden = admin
        .post_form(
            "/moderation/hide",
            &[
                ("target", "report"),
                ("id", &id),
                (
                    "reason",
                    "Reports are for problems in public places, not about people.",
                ),
            ],
        )
        .await;
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    assert!(
        !body(app.client().get("/reports").await)
            .await
            .contains("My neighbour")
    );
    assert_eq!(
        app.client().get(&format!("/reports/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let own = body(rosa.get(&format!("/reports/{id}")).await).await;
    assert!(own.contains("not about people"), "{own}");
}

#[tokio::test]
async fn each_api_key_writes_at_its_rate_and_no_faster() {
    let app = TestApp::spawn_with(|config| config.api_writes_per_minute = 2).await;
    let (admin, _, _) = city(&app).await;
    let anyone = app.client();
    let mut keys = Vec::new();
    for name in ["Council case system", "Street app"] {
        let made = body(
            admin
                .post_form("/reports/api-keys", &[("key_name", name)])
                .await,
        )
        .await;
        keys.push(
            made.split(r#"<code id="new-key">"#)
                .nth(1)
                .and_then(|rest| rest.split("</code>").next())
                .expect("the key is shown once")
                .to_string(),
        );
    }
    let good = [
        ("jurisdiction_id", "riverside"),
        ("service_code", "potholes"),
        ("lat", "53.4808"),
        ("long", "-2.2426"),
        ("description", "Pothole by the bus stop"),
    ];
    for _ in 0..2 {
        let (status, _) = open311_post(&anyone, &keys[0], &good).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, refused) = open311_post(&anyone, &keys[0], &good).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused[0]["description"]
            .as_str()
            .unwrap()
            .contains("too many")
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 2);
    // Another key has its own allowance.
    let (status, _) = open311_post(&anyone, &keys[1], &good).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 3);
}

/// At a city's volume the API and the queue look at every report, not a window of the newest
/// (issue 27): the API's window was its 1,000 newest, the inbox's its 500 newest.
#[tokio::test]
async fn open311_exports_and_the_inbox_reach_every_report_not_a_window_of_the_newest() {
    let app = TestApp::spawn().await;
    let (_admin, hana, _otto) = city(&app).await;
    let potholes = category_id(&app, "potholes").await;
    let riverside = app.area_id("riverside").await;
    many_reports(&app, &potholes, &riverside, "January pothole", None, 1).await;
    let old: String = sqlx::query_scalar("SELECT id FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap();
    // 10 January 2023, 09:00 UTC.
    sqlx::query("UPDATE reports SET created_at = $1, updated_at = $1")
        .bind(1_673_341_200_000_i64)
        .execute(&app.db)
        .await
        .unwrap();
    many_reports(&app, &potholes, &riverside, "Newer pothole", None, 1_001).await;

    let anyone = app.client();
    let (status, january) = json(
        &anyone,
        "/api/open311/v2/requests.json?start_date=2023-01-01T00:00:00Z&end_date=2023-01-31T23:59:59Z",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<&str> = january
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["service_request_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [old.as_str()]);
    let (_, by_id) = json(
        &anyone,
        &format!("/api/open311/v2/requests.json?service_request_id={old}"),
    )
    .await;
    assert_eq!(by_id.as_array().unwrap().len(), 1, "{by_id}");
    let (_, closed) = json(&anyone, "/api/open311/v2/requests.json?status=closed").await;
    assert_eq!(closed.as_array().unwrap().len(), 0);
    let (_, open) = json(&anyone, "/api/open311/v2/requests.json?status=open").await;
    assert_eq!(open.as_array().unwrap().len(), 1_000, "the GeoReport limit");

    let inbox = body(hana.get("/organisations/millbrook-highways/inbox").await).await;
    assert!(inbox.contains("1002 reports waiting"), "{inbox}");
    let first_row = inbox
        .split("<tbody>")
        .nth(1)
        .and_then(|rows| rows.split("</tr>").next())
        .unwrap();
    assert!(first_row.contains("January pothole 0"), "{first_row}");
    // The next page goes on from where the first stopped: thirty more, none shown before.
    let titles = |page: &str| -> Vec<String> {
        page.split("<tbody>")
            .nth(1)
            .unwrap()
            .split("</tbody>")
            .next()
            .unwrap()
            .split("</tr>")
            .filter_map(|row| row.split("\">").nth(1)?.split("</a>").next())
            .map(str::to_string)
            .collect()
    };
    let next = inbox
        .split(r#"rel="next""#)
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .map(|href| href.trim_end_matches("\" ").replace("&amp;", "&"))
        .expect("a link to more waiting reports");
    let second = body(hana.get(&next).await).await;
    let (first_titles, second_titles) = (titles(&inbox), titles(&second));
    assert_eq!((first_titles.len(), second_titles.len()), (30, 30));
    assert!(second_titles.iter().all(|t| !first_titles.contains(t)));

    // Exports hold every report, over more than one page of reading, or the days asked for.
    let csv = body(anyone.get("/feeds/reports.csv").await).await;
    assert_eq!(csv.lines().count(), 1 + 1_002);
    let json: Vec<serde_json::Value> = anyone
        .get("/feeds/reports.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json.len(), 1_002);
    let ids: std::collections::HashSet<&str> =
        json.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 1_002, "no report twice");
    let january = anyone
        .get("/feeds/reports.csv?from=2023-01-01&to=2023-01-31")
        .await;
    assert!(
        january.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("reports-2023-01-01-to-2023-01-31.csv")
    );
    let january = body(january).await;
    assert_eq!(january.lines().count(), 2, "{january}");
    assert!(january.contains("January pothole 0"));
    let wrong = anyone.get("/feeds/reports.csv?from=last+week").await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
}

/// The link in a question email that gives `answer`, as a path on this site.
fn answer_link(mail: &crate::support::ReceivedMail, answer: &str) -> String {
    let text = mail.text();
    let wanted = format!("answer={answer}");
    text.split_whitespace()
        .find(|word| word.contains("/fixed?token=") && word.ends_with(&wanted))
        .expect("a link for the answer")
        .trim_start_matches("http://squaremile.test")
        .to_string()
}

const DAY_MS: i64 = 24 * 3600 * 1000;

/// The next email to `to` whose text holds `needle`, passing over others to them (at most
/// ten: each waits on the mail sink, never on a timer).
async fn mail_with(app: &TestApp, to: &str, needle: &str) -> crate::support::ReceivedMail {
    for _ in 0..10 {
        let mail = app.mail.next_to(to).await;
        if mail.text().contains(needle) {
            return mail;
        }
    }
    panic!("no email to {to} with {needle:?}");
}

#[tokio::test]
async fn reporters_are_asked_four_weeks_on_and_not_fixed_reopens_the_report() {
    use squaremile::reports::questionnaire::ask_due;
    let app = TestApp::spawn().await;
    let (_admin, hana, _otto) = city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "Pothole on Mill Lane",
        &[],
    )
    .await;
    let fixed = hana
        .post_form(
            &format!("/reports/{id}/updates"),
            &[("status", "fixed"), ("body", "Filled.")],
        )
        .await;
    assert_eq!(fixed.status(), StatusCode::SEE_OTHER);
    let now = squaremile::db::now_ms();
    // Nothing is due before four weeks have passed.
    assert_eq!(ask_due(&app.state, now).await.unwrap(), 0);
    assert_eq!(ask_due(&app.state, now + 29 * DAY_MS).await.unwrap(), 1);
    // Asked once only, however many passes run.
    assert_eq!(ask_due(&app.state, now + 30 * DAY_MS).await.unwrap(), 0);
    let question = mail_with(&app, "rosa@example.org", "Has it really been fixed?").await;
    assert!(question.text().contains("/account/notifications"));

    // The link opens the question with the answer chosen; it changes nothing by itself.
    let no = answer_link(&question, "not_fixed");
    let page = body(app.client().get(&no).await).await;
    assert!(page.contains("value=\"not_fixed\" checked"), "{page}");
    assert_eq!(status_of(&app, &id).await, "fixed");
    let token = no
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    // A wrong token finds nothing; no answer chosen is a clear error.
    let wrong = app
        .client()
        .post_form(
            &format!("/reports/{id}/fixed"),
            &[("token", "guess"), ("answer", "not_fixed")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    let visitor = app.client();
    visitor.get(&no).await;
    let unanswered = visitor
        .post_form(&format!("/reports/{id}/fixed"), &[("token", &token)])
        .await;
    assert_eq!(unanswered.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let answered = visitor
        .post_form(
            &format!("/reports/{id}/fixed"),
            &[
                ("token", &token),
                ("answer", "not_fixed"),
                ("comment", "Still a hole."),
            ],
        )
        .await;
    assert_eq!(
        answered.status(),
        StatusCode::SEE_OTHER,
        "{}",
        body(answered).await
    );
    assert_eq!(status_of(&app, &id).await, "open");
    let told = mail_with(&app, "hana@example.org", "says it has not been fixed").await;
    assert!(told.text().contains("Still a hole."), "{}", told.text());
    let shown = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(shown.contains("Still a hole."), "{shown}");
    let again = visitor
        .post_form(
            &format!("/reports/{id}/fixed"),
            &[("token", &token), ("answer", "fixed")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let record = body(
        app.client()
            .get("/organisations/millbrook-highways/reports")
            .await,
    )
    .await;
    assert!(record.contains("<dd id=\"not-fixed\">1</dd>"), "{record}");
    assert!(
        record.contains("<dd id=\"confirmed-fixed\">0</dd>"),
        "{record}"
    );
    // The kept counts follow the reopening: open again, no fix counted.
    let fixed_tally = crate::support::count(
        &app.db,
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM report_tallies \
         WHERE measure = 'status:fixed'",
    )
    .await;
    assert_eq!(fixed_tally, 0);

    // Fixed again later, it is asked about again four weeks after.
    let fixed = hana
        .post_form(&format!("/reports/{id}/updates"), &[("status", "fixed")])
        .await;
    assert_eq!(fixed.status(), StatusCode::SEE_OTHER);
    assert_eq!(ask_due(&app.state, now + 29 * DAY_MS).await.unwrap(), 1);
    // A fix older than eight weeks is never asked about (a site that starts asking does
    // not ask about fixes of years ago).
    sqlx::query(
        "UPDATE reports SET status = 'fixed', asked_at = NULL, fixed_at = $1 WHERE id = $2",
    )
    .bind(now - 60 * DAY_MS)
    .bind(&id)
    .execute(&app.db)
    .await
    .unwrap();
    assert_eq!(ask_due(&app.state, now).await.unwrap(), 0);
}

async fn status_of(app: &TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT status FROM reports WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_report_left_unanswered_is_asked_about_and_overdue_reports_are_flagged() {
    use squaremile::reports::questionnaire::ask_due;
    let app = TestApp::spawn().await;
    let (admin, hana, _otto) = city(&app).await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(&app, &rosa, "potholes", "riverside", "Broken kerb", &[]).await;
    let recent = report(&app, &rosa, "potholes", "riverside", "New pothole", &[]).await;
    let potholes = category_id(&app, "potholes").await;

    // A target of 7 days: only admins set it, and only as a number of days.
    let refused = hana
        .post_form(
            "/reports/categories/target",
            &[("target_category", &potholes), ("target_days", "7")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let bad = admin
        .post_form(
            "/reports/categories/target",
            &[("target_category", &potholes), ("target_days", "a week")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(bad).await.contains("Give a whole number of days"));
    let set = admin
        .post_form(
            "/reports/categories/target",
            &[("target_category", &potholes), ("target_days", "7")],
        )
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);

    // The first report came in 29 days ago and nobody answered it.
    let long_ago = squaremile::db::now_ms() - 29 * DAY_MS;
    squaremile::reports::store::set_times(&app.db, &id, long_ago, None, None)
        .await
        .unwrap();
    let inbox = body(hana.get("/organisations/millbrook-highways/inbox").await).await;
    assert!(
        inbox.contains("One waiting report is past its category"),
        "{inbox}"
    );
    let row = |title: &str| {
        let at = inbox.find(title).unwrap();
        inbox[at..].split("</tr>").next().unwrap().to_string()
    };
    assert!(row("Broken kerb").contains("Overdue"));
    assert!(!row("New pothole").contains("Overdue"));
    let page = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(page.contains("after the target of 7 days"), "{page}");
    let fresh = body(app.client().get(&format!("/reports/{recent}")).await).await;
    assert!(!fresh.contains("id=\"overdue\""));
    let record = body(
        app.client()
            .get("/organisations/millbrook-highways/reports")
            .await,
    )
    .await;
    assert!(record.contains("<dd id=\"overdue\">1</dd>"), "{record}");

    // Four weeks unanswered: the reporter is asked; "fixed" closes it.
    assert_eq!(
        ask_due(&app.state, squaremile::db::now_ms()).await.unwrap(),
        1
    );
    let question = mail_with(&app, "rosa@example.org", "waited four weeks").await;
    let yes = answer_link(&question, "fixed");
    let visitor = app.client();
    visitor.get(&yes).await;
    let token = yes
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let answered = visitor
        .post_form(
            &format!("/reports/{id}/fixed"),
            &[("token", &token), ("answer", "fixed")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &id).await, "fixed");
    let record = body(
        app.client()
            .get("/organisations/millbrook-highways/reports")
            .await,
    )
    .await;
    assert!(
        record.contains("<dd id=\"confirmed-fixed\">1</dd>"),
        "{record}"
    );
    assert!(record.contains("<dd id=\"overdue\">0</dd>"), "{record}");
}

/// Waits, up to a bound, until the report's sending row satisfies `done` (the job worker
/// runs it in the background; each look is a query, not a timer).
async fn sending_until(app: &TestApp, id: &str, done: impl Fn(&str, i64) -> bool) {
    let look = async {
        loop {
            let row: Option<(String, i64)> =
                sqlx::query_as("SELECT status, attempts FROM open311_sends WHERE report_id = $1")
                    .bind(id)
                    .fetch_optional(&app.db)
                    .await
                    .unwrap();
            if let Some((status, attempts)) = row
                && done(&status, attempts)
            {
                return;
            }
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(60), look)
        .await
        .expect("the sending job to get that far");
}

/// A second Square Mile (the real binary, its own database) as a council's Open311 system:
/// an area, a body with its clerk, a potholes service, an API key. Returns the process,
/// its Open311 address, the key and the clerk's client.
async fn council(
    app: &TestApp,
    db: &crate::support::TestDb,
    keys: &std::path::Path,
) -> (tokio::process::Child, String, String, Client) {
    let smtp = [
        ("SQUAREMILE_MAIL__TRANSPORT", "smtp".to_string()),
        ("SQUAREMILE_MAIL__SMTP_HOST", "127.0.0.1".to_string()),
        ("SQUAREMILE_MAIL__SMTP_PORT", app.mail.port.to_string()),
        ("SQUAREMILE_MAIL__SMTP_SECURITY", "none".to_string()),
    ];
    let (child, base) =
        crate::support::start_binary(&db.url, &keys.join("ballot.key"), &smtp).await;
    let clerk = Client::new(&base);
    clerk.get("/setup").await;
    let made = clerk
        .post_form(
            "/setup",
            &[
                ("display_name", "Clara Clerk"),
                ("email", "clerk@council.example"),
                ("password", crate::support::PASSWORD),
                ("password_confirm", crate::support::PASSWORD),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    for (path, fields) in [
        ("/areas/new", vec![("parent", ""), ("name", "Council Town")]),
        (
            "/organisations/new",
            vec![("name", "Council Roads"), ("kind", "council_department")],
        ),
        ("/reports/categories", vec![("name", "Road defects")]),
    ] {
        let done = clerk.post_form(path, &fields).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{path}");
    }
    let categories = body(clerk.get("/reports/categories").await).await;
    let option = |page: &str, label: &str| -> String {
        let at = page.find(&format!(">{label}</option>")).expect(label);
        let start = page[..at].rfind("value=\"").unwrap() + 7;
        page[start..].split('"').next().unwrap().to_string()
    };
    let routed = clerk
        .post_form(
            "/reports/routes",
            &[
                ("category", &option(&categories, "Road defects")),
                ("area", &option(&categories, "Council Town")),
                ("organisation", &option(&categories, "Council Roads")),
            ],
        )
        .await;
    assert_eq!(routed.status(), StatusCode::SEE_OTHER);
    let made = body(
        clerk
            .post_form(
                "/reports/api-keys",
                &[("key_name", "Millbrook's Square Mile")],
            )
            .await,
    )
    .await;
    let key = made
        .split("<code id=\"new-key\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the new key")
        .to_string();
    (child, format!("{base}/api/open311/v2"), key, clerk)
}

#[tokio::test]
async fn reports_go_out_to_an_open311_system_and_its_answers_come_back() {
    let app = TestApp::spawn().await;
    let (admin, hana, _otto) = city(&app).await;
    let council_db = crate::support::TestDb::new().await;
    let keys = tempfile::tempdir().unwrap();
    let (_council, open311, key, clerk) = council(&app, &council_db, keys.path()).await;

    // Potholes in Millbrook go to the council's system as well as Highways' inbox.
    let potholes = category_id(&app, "potholes").await;
    let millbrook = app.area_id("millbrook").await;
    let highways = organisation_id(&app, "millbrook-highways").await;
    let route = |url: String, code: &'static str| {
        vec![
            ("category", potholes.clone()),
            ("area", millbrook.clone()),
            ("organisation", highways.clone()),
            ("send_to", "both".to_string()),
            ("open311_url", url),
            ("open311_key", key.clone()),
            ("open311_service_code", code.to_string()),
            ("open311_jurisdiction", "council-town".to_string()),
        ]
    };
    let bad = route("ftp://council.example".into(), "road-defects");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = admin.post_form("/reports/routes", &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(refused).await.contains("starting with https://"));
    let good = route(open311.clone(), "road-defects");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let set = admin.post_form("/reports/routes", &good).await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);

    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let id = report(
        &app,
        &rosa,
        "potholes",
        "riverside",
        "Pothole by the school",
        &[],
    )
    .await;
    // Real HTTP between the two: the council's clerk hears of it from their own site.
    let heard = mail_with(&app, "clerk@council.example", "Pothole by the school").await;
    let external = heard
        .text()
        .split("/reports/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the council's link")
        .to_string();
    sending_until(&app, &id, |status, _| status == "sent").await;
    let sent: String =
        sqlx::query_scalar("SELECT external_id FROM open311_sends WHERE report_id = $1")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(sent, external);
    let logged = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'open311-sent'",
    )
    .await;
    assert_eq!(logged, 1);

    // Nothing new there yet: nothing added here.
    use squaremile::reports::outside::check_due;
    assert_eq!(check_due(&app.state).await.unwrap(), 0);
    // The clerk fixes it on the council's site; the next check brings the answer back as
    // Highways' answer, and Rosa, who follows her report, hears of it.
    let answered = clerk
        .post_form(
            &format!("/reports/{external}/updates"),
            &[("status", "fixed"), ("body", "Resurfaced on Tuesday.")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert_eq!(check_due(&app.state).await.unwrap(), 1);
    assert_eq!(
        check_due(&app.state).await.unwrap(),
        0,
        "an answer comes back once"
    );
    assert_eq!(status_of(&app, &id).await, "fixed");
    let page = body(app.client().get(&format!("/reports/{id}")).await).await;
    assert!(page.contains("Resurfaced on Tuesday."), "{page}");
    let told = mail_with(
        &app,
        "rosa@example.org",
        "Millbrook Highways changed the status",
    )
    .await;
    assert!(told.text().contains("Pothole by the school"));

    // A system that is not there: the error is kept and shown to admins, and retried.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_url = format!("http://{}/open311", dead.local_addr().unwrap());
    drop(dead);
    let lights = category_id(&app, "street-lights").await;
    let nowhere = route(dead_url.clone(), "lights");
    let mut nowhere: Vec<(&str, &str)> = nowhere.iter().map(|(k, v)| (*k, v.as_str())).collect();
    nowhere[0] = ("category", lights.as_str());
    nowhere[3] = ("send_to", "open311");
    let set = admin.post_form("/reports/routes", &nowhere).await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    let dark = report(&app, &rosa, "street-lights", "riverside", "Dark lamp", &[]).await;
    sending_until(&app, &dark, |_, attempts| attempts >= 1).await;
    let admin_page = body(admin.get("/reports/categories").await).await;
    let section = &admin_page[admin_page.find("id=\"sending\"").unwrap()..];
    assert!(
        section.contains("Dark lamp") && section.contains(&dead_url),
        "{section}"
    );
    // The report's row records the error before the worker records the failure on the job
    // (with its later time): wait for the job's own record.
    let job_failed = async {
        loop {
            let due: Option<i64> = sqlx::query_scalar(
                "SELECT run_at FROM jobs WHERE kind = 'open311_send' AND done_at IS NULL \
                 AND last_error IS NOT NULL AND locked_until IS NULL",
            )
            .fetch_optional(&app.db)
            .await
            .unwrap();
            if let Some(due) = due {
                return due;
            }
            tokio::task::yield_now().await;
        }
    };
    let job_due = tokio::time::timeout(std::time::Duration::from_secs(60), job_failed)
        .await
        .expect("the worker to record the failed attempt");
    assert!(
        job_due > squaremile::db::now_ms(),
        "tried again later, not at once"
    );
    // Sent to the outside system instead of the inbox: Highways was not told of it here.
    let inbox = body(hana.get("/notifications").await).await;
    assert!(!inbox.contains("Dark lamp"), "{inbox}");
}
