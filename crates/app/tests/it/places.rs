//! Places: boundaries uploaded and checked, which areas hold a point, the GeoJSON API,
//! locations typed in forms.

use reqwest::StatusCode;
use serde_json::Value;

use crate::support::{Client, TestApp, body, count, location, many_reports};

/// A square ring from (lon, lat), `size` degrees each way, as GeoJSON coordinates.
fn square(lon: f64, lat: f64, size: f64) -> String {
    format!(
        "[[[{lon},{lat}],[{x},{lat}],[{x},{y}],[{lon},{y}],[{lon},{lat}]]]",
        x = lon + size,
        y = lat + size
    )
}

fn feature(name: &str, coordinates: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Polygon","coordinates":{coordinates}}}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

/// A city (Testbury) with a district (North) holding a neighbourhood (Mill End).
async fn hierarchy(app: &TestApp) -> Client {
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Testbury"),
        ("testbury", "North"),
        ("north", "Mill End"),
    ] {
        let made = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER, "creating {name}");
    }
    admin
}

async fn upload(admin: &Client, slug: &str, text: &str) -> reqwest::Response {
    admin
        .post_multipart(
            &format!("/areas/{slug}/boundary"),
            &[("text", text), ("match_by", "")],
            &[],
        )
        .await
}

async fn json(client: &Client, path: &str) -> (StatusCode, Value) {
    let response = client.get(path).await;
    let status = response.status();
    let text = body(response).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text}")),
    )
}

fn slugs(found: &Value) -> Vec<&str> {
    found["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["slug"].as_str().expect("slug"))
        .collect()
}

#[tokio::test]
async fn a_collection_sets_nested_boundaries_and_points_find_their_areas_innermost_first() {
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let text = collection(&[
        feature("Testbury", &square(19.0, 50.0, 1.0)),
        feature("North", &square(19.0, 50.5, 0.5)),
        feature("Mill End", &square(19.1, 50.6, 0.2)),
    ]);
    let saved = upload(&admin, "testbury", &text).await;
    assert_eq!(
        location(&saved),
        "/areas/testbury/boundary?notice=boundary-saved"
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM area_boundaries").await,
        3
    );

    let visitor = app.client();
    let (status, found) = json(&visitor, "/api/v1/areas/at?lat=50.7&lon=19.2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(slugs(&found), ["mill-end", "north", "testbury"]);
    assert_eq!(found["areas"][0]["kind"], "neighbourhood");
    assert_eq!(found["areas"][0]["name"], "Mill End");
    let (_, south) = json(&visitor, "/api/v1/areas/at?lat=50.2&lon=19.2").await;
    assert_eq!(slugs(&south), ["testbury"]);
    let (_, away) = json(&visitor, "/api/v1/areas/at?lat=10&lon=10").await;
    assert!(slugs(&away).is_empty());
    for bad in ["lat=91&lon=0", "lat=x&lon=0", "lat=1"] {
        let (status, _) = json(&visitor, &format!("/api/v1/areas/at?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }

    // Out again as a Feature, the same shape (closed ring, same corners).
    let (status, boundary) = json(&visitor, "/api/v1/areas/mill-end/boundary").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(boundary["type"], "Feature");
    assert_eq!(boundary["properties"]["slug"], "mill-end");
    assert_eq!(boundary["geometry"]["type"], "MultiPolygon");
    let ring = &boundary["geometry"]["coordinates"][0][0];
    assert_eq!(ring.as_array().map(Vec::len), Some(5));
    assert_eq!(ring[0], ring[4]);
    assert_eq!(ring[2][0].as_f64(), Some(19.3));
    let download = visitor.get("/areas/mill-end/boundary.geojson").await;
    assert_eq!(download.status(), StatusCode::OK);
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("mill-end.geojson")
    );
    // Read back as an upload, the download is accepted unchanged.
    let again = upload(&admin, "mill-end", &body(download).await).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);

    // An area without a boundary, and no area at all, are 404.
    admin
        .post_form("/areas/new", &[("parent", "testbury"), ("name", "South")])
        .await;
    assert_eq!(
        visitor.get("/api/v1/areas/south/boundary").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        visitor.get("/api/v1/areas/nowhere/boundary").await.status(),
        StatusCode::NOT_FOUND
    );

    // Removed by the admin from the boundary page (a visitor may not): points in it then
    // find only the areas around it.
    let page = body(admin.get("/areas/mill-end/boundary").await).await;
    assert!(page.contains("/areas/mill-end/boundary/remove"), "{page}");
    let refused = visitor
        .post_form("/areas/mill-end/boundary/remove", &[])
        .await;
    assert_ne!(refused.status(), StatusCode::SEE_OTHER);
    let removed = admin
        .post_form("/areas/mill-end/boundary/remove", &[])
        .await;
    assert_eq!(
        location(&removed),
        "/areas/mill-end/boundary?notice=boundary-removed"
    );
    assert_eq!(
        visitor
            .get("/api/v1/areas/mill-end/boundary")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (_, found) = json(&visitor, "/api/v1/areas/at?lat=50.7&lon=19.2").await;
    assert_eq!(slugs(&found), ["north", "testbury"]);
}

#[tokio::test]
async fn bad_boundaries_are_refused_naming_the_feature_and_change_nothing() {
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let good = collection(&[
        feature("Testbury", &square(19.0, 50.0, 1.0)),
        feature("North", &square(19.0, 50.5, 0.5)),
    ]);
    assert_eq!(
        upload(&admin, "testbury", &good).await.status(),
        StatusCode::SEE_OTHER
    );
    let before: String =
        sqlx::query_scalar("SELECT geojson FROM area_boundaries ORDER BY area_id LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();

    let cases = [
        (
            // A good feature first: the whole file is refused, not just the bad one.
            collection(&[
                feature("Testbury", &square(18.0, 49.0, 3.0)),
                feature("North", "[[[19,50.5],[19.5,50.5],[19.5,51],[19,51]]]"),
            ]),
            "Feature North: ring 1 of polygon 1 is not closed",
        ),
        (
            feature("North", "[[[19,50.5],[19.5,51],[19.5,50.5],[19,51],[19,50.5]]]"),
            "Feature North: polygon 1 crosses itself",
        ),
        (
            feature("North", "[[[180.5,50],[181,50],[181,51],[180.5,51],[180.5,50]]]"),
            "Feature North: longitude 180.5, latitude 50 is out of range",
        ),
        (
            feature("North", &square(530000.0, 180000.0, 500.0)),
            "look like a projected system",
        ),
        (
            r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[]}"#.to_string(),
            "urn:ogc:def:crs:EPSG::27700",
        ),
        (
            // Half of it outside Testbury.
            feature("North", &square(19.75, 50.5, 0.5)),
            "Feature North: 50% of it lies outside Testbury",
        ),
        (
            collection(&[feature("Elsewhere", &square(19.0, 50.5, 0.1)), feature("North", &square(19.0, 50.5, 0.1))]),
            "Feature Elsewhere matches no area here",
        ),
        ("{not json".to_string(), "This is not JSON"),
        (
            r#"{"type":"Feature","properties":{"name":"North"},"geometry":{"type":"Point","coordinates":[19,50]}}"#.to_string(),
            "Feature North is a Point",
        ),
    ];
    for (text, expected) in cases {
        let refused = upload(&admin, "testbury", &text).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{expected}"
        );
        let page = body(refused).await;
        assert!(page.contains(expected), "{expected} not in:\n{page}");
        // What was typed stays in the form.
        assert!(page.contains("<textarea"), "{expected}");
    }
    // A parent shrunk so its child sticks out is refused too (the child is named).
    let shrunk = feature("Testbury", &square(19.0, 50.0, 0.6));
    let page = body(upload(&admin, "testbury", &shrunk).await).await;
    assert!(
        page.contains("Feature North: 80% of it lies outside Testbury"),
        "{page}"
    );

    let after: String =
        sqlx::query_scalar("SELECT geojson FROM area_boundaries ORDER BY area_id LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(before, after);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM area_boundaries").await,
        2
    );

    // Only those who manage the area may upload.
    let resident = app.register("Rita", "rita@example.org", "").await;
    let refused = upload(&resident, "testbury", &good).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_demo_places_every_item_inside_its_area_and_the_feeds_page_by_box() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    for (path, kind) in [
        ("/api/v1/reports.geojson", "reports"),
        ("/api/v1/assets.geojson", "assets"),
        ("/api/v1/events.geojson", "events"),
        ("/api/v1/budget-projects.geojson", "projects"),
    ] {
        let (status, page) = json(&visitor, &format!("{path}?limit=1000")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let features = page["features"].as_array().expect("features");
        assert!(!features.is_empty(), "{kind}: no demo item has a place");
        for f in features {
            let [lon, lat] = [0, 1].map(|i| f["geometry"]["coordinates"][i].as_f64().unwrap());
            let area = f["properties"]["area"].as_str().unwrap();
            let (_, found) = json(&visitor, &format!("/api/v1/areas/at?lat={lat}&lon={lon}")).await;
            assert!(
                slugs(&found).contains(&area),
                "{kind} {} at {lat},{lon} is not inside {area}: {found}",
                f["properties"]["title"]
            );
        }
    }
    // Every demo report has a place; skills never do.
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM reports WHERE latitude IS NULL"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM assets WHERE kind = 'skill' AND latitude IS NOT NULL"
        )
        .await,
        0
    );

    // A box holds only what is inside it, page by page, each item once.
    let total = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM reports WHERE hidden_reason = '' AND latitude BETWEEN 53.48 AND 53.5 AND longitude BETWEEN -2.1 AND -2.02",
    )
    .await;
    assert!(total >= 3, "too few demo reports north of 53.48: {total}");
    let mut seen = std::collections::HashSet::new();
    let mut cursor = String::new();
    loop {
        let (_, page) = json(
            &visitor,
            &format!("/api/v1/reports.geojson?bbox=-2.1,53.48,-2.02,53.5&limit=2&cursor={cursor}"),
        )
        .await;
        assert_eq!(page["bbox_capped"], false);
        for f in page["features"].as_array().unwrap() {
            let lat = f["geometry"]["coordinates"][1].as_f64().unwrap();
            assert!((53.48..=53.5).contains(&lat));
            assert!(seen.insert(f["properties"]["id"].as_str().unwrap().to_string()));
        }
        match page["next"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, total);

    // A box too big is cut around its centre; a malformed one is refused.
    let (_, wide) = json(&visitor, "/api/v1/reports.geojson?bbox=-10,50,6,56").await;
    assert_eq!(wide["bbox_capped"], true);
    assert_eq!(wide["bbox"], serde_json::json!([-2.5, 52.5, -1.5, 53.5]));
    for bad in [
        "1,2,3",
        "a,b,c,d",
        "5,50,4,51",
        "0,0,0,0&cursor=nope",
        "0,0,1,1&limit=0",
    ] {
        let (status, _) = json(&visitor, &format!("/api/v1/reports.geojson?bbox={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn locations_typed_in_forms_are_checked_and_a_skill_is_never_a_point() {
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let area = app.area_id("mill-end").await;
    let space = |lat: &'static str, lon: &'static str, kind: &'static str| {
        vec![
            ("kind", kind),
            ("title", "The old mill yard"),
            ("visibility", "public"),
            ("latitude", lat),
            ("longitude", lon),
        ]
    };
    for (lat, lon, kind, expected) in [
        (
            "north",
            "19.2",
            "space",
            "Write a number in decimal degrees",
        ),
        ("95", "19.2", "space", "Latitude must be between -90 and 90"),
        (
            "50.7",
            "190",
            "space",
            "Longitude must be between -180 and 180",
        ),
        (
            "50.7",
            "",
            "space",
            "Give both latitude and longitude, or neither",
        ),
        ("50.7", "19.2", "skill", "A skill is never put on the map"),
    ] {
        let mut fields = space(lat, lon, kind);
        fields.push(("area", &area));
        if kind == "skill" {
            fields.push(("card", "cooking"));
        }
        let refused = admin.post_form("/assets/new", &fields).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{expected}"
        );
        let page = body(refused).await;
        assert!(page.contains(expected), "{expected} not in the page");
        assert!(
            page.contains(&format!("value=\"{lat}\"")),
            "the latitude typed stays"
        );
    }
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM assets").await, 0);

    let mut fields = space("50.7", "19.2", "space");
    fields.push(("area", &area));
    let saved = admin.post_form("/assets/new", &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, page) = json(&app.client(), "/api/v1/assets.geojson").await;
    let features = page["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(
        features[0]["geometry"]["coordinates"],
        serde_json::json!([19.2, 50.7])
    );
    assert_eq!(features[0]["properties"]["kind"], "space");

    // Its owner moves it from its page, sees a bad value refused with what was typed kept,
    // and takes it off the map; nobody else may.
    let id = features[0]["properties"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let page = body(admin.get(&format!("/assets/{id}")).await).await;
    assert!(
        page.contains(&format!("action=\"/assets/{id}/place\"")),
        "{page}"
    );
    assert!(page.contains("value=\"50.700000\""), "{page}");
    let moved = admin
        .post_form(
            &format!("/assets/{id}/place"),
            &[("latitude", "50.71"), ("longitude", "19.21")],
        )
        .await;
    assert_eq!(
        location(&moved),
        format!("/assets/{id}?notice=asset-place-saved")
    );
    let (_, page) = json(&app.client(), "/api/v1/assets.geojson").await;
    assert_eq!(
        page["features"][0]["geometry"]["coordinates"],
        serde_json::json!([19.21, 50.71])
    );
    let refused = admin
        .post_form(
            &format!("/assets/{id}/place"),
            &[("latitude", "95"), ("longitude", "19.21")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(page.contains("Latitude must be between -90 and 90"));
    assert!(page.contains("value=\"95\""));
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let not_hers = rosa
        .post_form(
            &format!("/assets/{id}/place"),
            &[("latitude", ""), ("longitude", "")],
        )
        .await;
    assert_eq!(not_hers.status(), StatusCode::NOT_FOUND);
    let cleared = admin
        .post_form(
            &format!("/assets/{id}/place"),
            &[("latitude", ""), ("longitude", "")],
        )
        .await;
    assert_eq!(cleared.status(), StatusCode::SEE_OTHER);
    let (_, page) = json(&app.client(), "/api/v1/assets.geojson").await;
    assert_eq!(page["features"].as_array().map(Vec::len), Some(0));
}

async fn send_report(
    client: &Client,
    category: &str,
    title: &str,
    (lat, lon): (&str, &str),
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields = vec![
        ("category", category),
        ("title", title),
        ("description", "Deep enough to hurt a cyclist."),
        ("address", "12 Mill Lane"),
        ("latitude", lat),
        ("longitude", lon),
    ];
    fields.extend_from_slice(extra);
    client.post_multipart("/reports/new", &fields, &[]).await
}

#[tokio::test]
async fn a_report_is_placed_by_its_point_and_close_duplicates_are_offered_first() {
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let text = collection(&[
        feature("Testbury", &square(19.0, 50.0, 1.0)),
        feature("North", &square(19.0, 50.5, 0.5)),
        feature("Mill End", &square(19.1, 50.6, 0.2)),
    ]);
    assert_eq!(
        upload(&admin, "testbury", &text).await.status(),
        StatusCode::SEE_OTHER
    );
    admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
    let category: String = sqlx::query_scalar("SELECT id FROM report_categories")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let rosa = app.register("Rosa", "rosa@example.org", "").await;

    // No area chosen: the innermost area holding the point is filled in.
    let sent = send_report(&rosa, &category, "Pothole", ("50.7", "19.2"), &[]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{}", body(sent).await);
    let area: String = sqlx::query_scalar("SELECT area_id FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(area, app.area_id("mill-end").await);

    // About 56 m away, same category: "is it one of these?" first, nothing sent.
    let offered = send_report(&rosa, &category, "Another hole", ("50.7005", "19.2"), &[]).await;
    assert_eq!(offered.status(), StatusCode::OK);
    let page = body(offered).await;
    assert!(page.contains("Is it one of these?"), "{page}");
    assert!(page.contains("Pothole</a> (56 metres away)"), "{page}");
    assert!(page.contains("This affects me too"));
    assert!(page.contains("name=\"checked\" value=\"1\""));
    assert!(
        page.contains("value=\"Another hole\""),
        "the form keeps what was typed"
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 1);
    // Sent anyway after seeing them.
    let sent = send_report(
        &rosa,
        &category,
        "Another hole",
        ("50.7005", "19.2"),
        &[("checked", "1")],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    // Far enough away, nothing is offered.
    let far = send_report(&rosa, &category, "Far hole", ("50.65", "19.15"), &[]).await;
    assert_eq!(far.status(), StatusCode::SEE_OTHER);

    // A point outside every area: the field is named and the city offered; nothing sent.
    let outside = send_report(&rosa, &category, "Lost", ("10", "10"), &[]).await;
    assert_eq!(outside.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(outside).await;
    assert!(
        page.contains("outside every area this site covers"),
        "{page}"
    );
    let city = app.area_id("testbury").await;
    assert!(
        page.contains(&format!("<option value=\"{city}\" selected>")),
        "{page}"
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 3);

    // "Find address" finds the street of an earlier report; choosing it fills the place
    // and the area in, and sends nothing.
    let found = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("title", "Broken kerb"),
                ("find", "3 mill lane"),
                ("action", "find"),
            ],
            &[],
        )
        .await;
    assert_eq!(found.status(), StatusCode::OK);
    let page = body(found).await;
    assert!(
        page.contains("name=\"pick\" value=\"50.700000|19.200000|12 Mill Lane\""),
        "{page}"
    );
    assert!(page.contains("value=\"Broken kerb\""));
    let picked = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("title", "Broken kerb"),
                ("pick", "50.700000|19.200000|12 Mill Lane"),
            ],
            &[],
        )
        .await;
    let page = body(picked).await;
    assert!(
        page.contains("id=\"latitude\" name=\"latitude\" type=\"text\" value=\"50.700000\""),
        "{page}"
    );
    let mill_end = app.area_id("mill-end").await;
    assert!(page.contains(&format!("<option value=\"{mill_end}\" selected>")));
    // Area names are found too.
    let found = rosa
        .post_multipart(
            "/reports/new",
            &[("find", "mill end"), ("action", "find")],
            &[],
        )
        .await;
    assert!(
        body(found)
            .await
            .contains("name=\"pick\" value=\"50.700000|19.200000|Mill End\"")
    );
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM reports").await, 3);
}

#[tokio::test]
async fn alerts_by_place_hold_only_items_near_the_point_or_inside_the_boundary() {
    use squaremile::alerts::digest::send_due;
    use squaremile::db::now_ms;

    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let text = collection(&[
        feature("Testbury", &square(19.0, 50.0, 1.0)),
        feature("North", &square(19.0, 50.5, 0.5)),
        feature("Mill End", &square(19.1, 50.6, 0.2)),
    ]);
    assert_eq!(
        upload(&admin, "testbury", &text).await.status(),
        StatusCode::SEE_OTHER
    );
    admin
        .post_form("/areas/new", &[("parent", "testbury"), ("name", "South")])
        .await;
    admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
    let category: String = sqlx::query_scalar("SELECT id FROM report_categories")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let north = app.area_id("north").await;
    let south = app.area_id("south").await;
    let ana = app.register("Ana", "ana@example.org", "").await;

    let near = [
        ("kinds", "reports"),
        ("latitude", "50.7"),
        ("longitude", "19.2"),
        ("near_metres", "300"),
        ("frequency", "daily"),
    ];
    for (fields, says) in [
        (
            vec![
                ("kinds", "reports"),
                ("latitude", "50.7"),
                ("longitude", "19.2"),
                ("place_area", north.as_str()),
                ("frequency", "daily"),
            ],
            "Choose a point or an area&#39;s boundary, not both",
        ),
        (
            vec![
                ("kinds", "reports"),
                ("place_area", south.as_str()),
                ("frequency", "daily"),
            ],
            "That area has no boundary yet",
        ),
        (
            vec![
                ("kinds", "reports"),
                ("latitude", "50.7"),
                ("longitude", "19.2"),
                ("near_metres", "10"),
                ("frequency", "daily"),
            ],
            "whole number of metres from 50 to 20000",
        ),
    ] {
        let refused = ana.post_form("/alerts", &fields).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        let page = body(refused).await;
        assert!(page.contains(says), "{says} not in:\n{page}");
    }
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM alert_subscriptions").await,
        0
    );
    for fields in [
        near.to_vec(),
        vec![
            ("kinds", "reports"),
            ("place_area", north.as_str()),
            ("frequency", "daily"),
        ],
    ] {
        let made = ana.post_form("/alerts", &fields).await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER);
    }
    let page = body(ana.get("/alerts").await).await;
    assert!(page.contains("within 300 m of 50.7, 19.2"), "{page}");
    assert!(page.contains("inside the boundary of North"), "{page}");

    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    for (title, lat, lon) in [
        ("Near pothole", "50.7005", "19.2"),
        ("Far pothole", "50.95", "19.45"),
        ("South pothole", "50.2", "19.2"),
    ] {
        let sent = send_report(&rosa, &category, title, (lat, lon), &[("checked", "1")]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{title}");
    }
    // In North by its area, but with no place: no alert by place holds it.
    let sent = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("area_id", &north),
                ("title", "Placeless pothole"),
                ("description", "Somewhere."),
            ],
            &[],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);

    sqlx::query("UPDATE alert_subscriptions SET next_due_at = $1")
        .bind(now_ms())
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(send_due(&app.state, now_ms()).await.unwrap(), 2);
    let mut digests = [app.mail.next().await.text(), app.mail.next().await.text()];
    digests.sort_by_key(|text| text.contains("Far pothole"));
    let [by_point, by_boundary] = [&digests[0], &digests[1]];
    assert!(by_point.contains("Near pothole"), "{by_point}");
    for absent in ["Far pothole", "South pothole", "Placeless pothole"] {
        assert!(!by_point.contains(absent), "{absent} in {by_point}");
    }
    assert!(by_boundary.contains("Near pothole") && by_boundary.contains("Far pothole"));
    for absent in ["South pothole", "Placeless pothole"] {
        assert!(!by_boundary.contains(absent), "{absent} in {by_boundary}");
    }
}

#[tokio::test]
async fn open311_places_a_request_by_its_point_and_boundaries_export_page_by_page() {
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let text = collection(&[
        feature("Testbury", &square(19.0, 50.0, 1.0)),
        feature("North", &square(19.0, 50.5, 0.5)),
        feature("Mill End", &square(19.1, 50.6, 0.2)),
    ]);
    assert_eq!(
        upload(&admin, "testbury", &text).await.status(),
        StatusCode::SEE_OTHER
    );
    admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
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
    let post = |lat: &'static str, long: &'static str| {
        let key = key.clone();
        let client = app.client();
        async move {
            let response = client
                .http
                .post(client.url("/api/open311/v2/requests.json"))
                .form(&[
                    ("api_key", key.as_str()),
                    ("service_code", "potholes"),
                    ("description", "Deep hole"),
                    ("lat", lat),
                    ("long", long),
                ])
                .send()
                .await
                .unwrap();
            let status = response.status();
            (status, body(response).await)
        }
    };
    // No jurisdiction_id: the innermost area holding the point takes it.
    let (status, text) = post("50.7", "19.2").await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let area: String = sqlx::query_scalar("SELECT area_id FROM reports")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(area, app.area_id("mill-end").await);
    let (status, text) = post("10", "10").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("outside every area"), "{text}");
    // The same lat and long come back out, as numbers.
    let (_, listed) = json(&app.client(), "/api/open311/v2/requests.json").await;
    assert_eq!(listed[0]["lat"].as_f64(), Some(50.7));
    assert_eq!(listed[0]["long"].as_f64(), Some(19.2));

    // Every boundary, page by page, each once, with its parent.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let (status, page) = json(
            &app.client(),
            &format!("/api/v1/boundaries.geojson?limit=2&cursor={cursor}"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        for f in page["features"].as_array().unwrap() {
            assert_eq!(f["geometry"]["type"], "MultiPolygon");
            seen.push((
                f["properties"]["slug"].as_str().unwrap().to_string(),
                f["properties"]["parent"].as_str().map(str::to_string),
            ));
        }
        match page["next"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            ("mill-end".to_string(), Some("north".to_string())),
            ("north".to_string(), Some("testbury".to_string())),
            ("testbury".to_string(), None),
        ]
    );
}

#[tokio::test]
async fn an_imported_street_list_is_found_and_a_bad_line_imports_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let bad = "name,latitude,longitude\nMill Lane,53.4791,-2.0712\nCanal Street,north,-2.07\n";
    let refused = admin
        .post_multipart("/areas/streets", &[], &[("file", bad.as_bytes())])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(refused).await.contains("Line 3 is not"));
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM streets").await, 0);

    let good =
        "name,latitude,longitude\nMill Lane,53.4791,-2.0712\n\"Weavers Row, East\",53.47,-2.06\n";
    let done = admin
        .post_multipart("/areas/streets", &[], &[("file", good.as_bytes())])
        .await;
    assert_eq!(location(&done), "/areas/streets?notice=streets-imported");
    assert_eq!(count(&app.db, "SELECT COUNT(*) AS n FROM streets").await, 2);
    let found = admin
        .post_multipart(
            "/reports/new",
            &[("find", "weavers"), ("action", "find")],
            &[],
        )
        .await;
    assert!(
        body(found)
            .await
            .contains("value=\"53.470000|-2.060000|Weavers Row, East\"")
    );
    // The list answers as a Nominatim-compatible geocoder, so another site can name this one
    // as its `geocoder_url` and find its streets (two sites, real HTTP on loopback).
    let (status, answer) = json(
        &app.client(),
        "/api/v1/places/search?q=12+weavers&format=json",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer[0]["display_name"], "Weavers Row, East");
    assert_eq!(answer[0]["lat"], "53.47");
    assert_eq!(answer[0]["lon"], "-2.06");
    let (status, _) = json(&app.client(), "/api/v1/places/search?q=mill&format=xml").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let base = app.base.clone();
    let other = TestApp::spawn_with(|config| {
        config.geocoder_url = format!("{base}/api/v1/places");
    })
    .await;
    let asker = other.admin().await;
    let found = asker
        .post_multipart(
            "/reports/new",
            &[("find", "weavers row"), ("action", "find")],
            &[],
        )
        .await;
    assert!(
        body(found)
            .await
            .contains("value=\"53.470000|-2.060000|Weavers Row, East\""),
        "found through the other site's geocoder"
    );
    assert_eq!(
        count(&other.db, "SELECT COUNT(*) AS n FROM streets").await,
        0
    );

    // Only site admins import.
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let refused = rosa
        .post_multipart("/areas/streets", &[], &[("file", good.as_bytes())])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_alert_finds_what_it_keeps_behind_any_number_of_newer_items_it_does_not() {
    use squaremile::alerts::digest::send_due;
    use squaremile::db::now_ms;

    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let text = collection(&[feature("Testbury", &square(19.0, 50.0, 1.0))]);
    assert_eq!(
        upload(&admin, "testbury", &text).await.status(),
        StatusCode::SEE_OTHER
    );
    admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
    let category: String = sqlx::query_scalar("SELECT id FROM report_categories")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let testbury = app.area_id("testbury").await;
    let ana = app.register("Ana", "ana@example.org", "").await;
    for fields in [
        vec![
            ("kinds", "reports"),
            ("latitude", "50.7"),
            ("longitude", "19.2"),
            ("near_metres", "300"),
            ("frequency", "daily"),
        ],
        vec![
            ("kinds", "reports"),
            ("keyword", "drain"),
            ("frequency", "daily"),
        ],
    ] {
        assert_eq!(
            ana.post_form("/alerts", &fields).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    // The oldest of the day is the one each alert keeps; more than a page of newer reports,
    // far from the point and without the word, come after it.
    many_reports(
        &app,
        &category,
        &testbury,
        "Blocked drain",
        Some((50.7005, 19.2)),
        1,
    )
    .await;
    many_reports(
        &app,
        &category,
        &testbury,
        "Far pothole",
        Some((50.1, 19.9)),
        1_100,
    )
    .await;

    // Due now, covering from an hour back: a subscription made in the same millisecond as
    // the first report would otherwise begin just after it (seen once on a busy machine).
    sqlx::query("UPDATE alert_subscriptions SET next_due_at = $1, covered_until = $2")
        .bind(now_ms())
        .bind(now_ms() - 3_600_000)
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(send_due(&app.state, now_ms()).await.unwrap(), 2);
    for _ in 0..2 {
        let digest = app.mail.next().await.text();
        assert!(digest.contains("Blocked drain 0"), "{digest}");
        assert!(!digest.contains("Far pothole"), "{digest}");
    }
}

/// A second process on the same database takes in a boundary saved by the first (each
/// process looks every `REFRESH_EVERY`; here the look is called directly, without waiting).
#[tokio::test]
async fn another_process_takes_in_boundaries_saved_by_this_one() {
    use squaremile::areas::places::Places;
    let app = TestApp::spawn().await;
    let admin = hierarchy(&app).await;
    let other = Places::load(&app.db).await.unwrap();
    assert!(other.is_empty());
    assert!(
        !other.refresh_if_changed(&app.db).await.unwrap(),
        "nothing changed yet"
    );
    let text = collection(&[feature("Testbury", &square(19.0, 50.0, 1.0))]);
    assert_eq!(
        upload(&admin, "testbury", &text).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(other.refresh_if_changed(&app.db).await.unwrap());
    assert_eq!(other.len(), 1);
    assert!(!other.refresh_if_changed(&app.db).await.unwrap());
}
