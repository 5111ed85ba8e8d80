//! Maps on the pages: drawn on the server (no JavaScript needed), clustered in the database,
//! with the interactive map's script and library served by the binary itself.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, store_report};

async fn category(app: &TestApp, admin: &Client) -> String {
    let added = admin
        .post_form("/reports/categories", &[("name", "Potholes")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn area(app: &TestApp, admin: &Client) -> String {
    let created = admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Millbrook")])
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    app.area_id("millbrook").await
}

async fn placed(app: &TestApp, category: &str, area: &str, title: &str, lat: f64, lon: f64) {
    store_report(&app.db, category, area, title, Some((lat, lon)))
        .await
        .unwrap();
}

/// Forty reports on one street and one across town: the street's are one numbered mark that
/// leads to the list of just those, the other is its own mark leading to the report.
#[tokio::test]
async fn the_reports_map_clusters_in_the_database_and_each_mark_leads_somewhere() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let area = area(&app, &admin).await;
    let category = category(&app, &admin).await;
    for n in 0..40 {
        let at = n as f64 * 0.00001;
        placed(
            &app,
            &category,
            &area,
            &format!("Pothole {n}"),
            53.4800 + at,
            -2.2400 + at,
        )
        .await;
    }
    placed(
        &app,
        &category,
        &area,
        "Broken kerb <by the school>",
        53.52,
        -2.19,
    )
    .await;
    let visitor = app.client();
    let page = visitor.get("/reports").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    let svg = &html[html.find("<svg").expect("a drawn map")..];
    assert!(svg.contains("role=\"img\""), "{svg}");
    assert!(svg.contains("<title id=\"reports-map-title\">Map of reports</title>"));
    assert!(svg.contains("41 reports with a place are on this map"));
    assert!(
        svg.contains("<title>40 places here: open to see them</title>"),
        "{svg}"
    );
    assert!(svg.contains(">40</text>"));
    assert!(svg.contains("<title>Broken kerb &lt;by the school&gt;</title>"));
    // The numbered mark's link lists only the forty.
    let cluster_link = svg
        .split("<a href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].replace("&amp;", "&"))
        .find(|href| href.contains("bbox="))
        .expect("a link from the numbered mark");
    let listed = visitor.get(&cluster_link).await.text().await.unwrap();
    let list = &listed[listed.find("id=\"reports\"").unwrap()..];
    assert!(list.contains("Pothole 39") && !list.contains("Broken kerb"));
    // Its next page keeps to the box.
    let next = list.split("rel=\"next\"").next().unwrap();
    assert!(next.contains("bbox=-2.24"), "{next}");
    // The interactive map's script, library and styles come from the site itself.
    assert!(html.contains("src=\"/static/vendor/leaflet/leaflet.js\""));
    assert!(html.contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\""));
    for asset in [
        "/static/places.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/leaflet/images/marker-icon.png",
    ] {
        assert_eq!(visitor.get(asset).await.status(), StatusCode::OK, "{asset}");
    }
    // Tiles are the only images allowed from elsewhere.
    let policy = visitor.get("/reports").await;
    let policy = policy.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(
        policy.contains("img-src 'self' data: https://tile.openstreetmap.org;"),
        "{policy}"
    );
}

/// A bad box in the address is ignored rather than an error, and no reports means no map.
#[tokio::test]
async fn no_places_no_map_and_a_bad_box_is_ignored() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let visitor = app.client();
    let html = visitor
        .get("/reports?bbox=1,2,nope")
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("<svg"));
    assert!(!html.contains("leaflet.js"));
}

/// In the demo city every page where place matters shows a map drawn on the server, with
/// the area's sub-areas as links, and a person's skills are never a point on it.
#[tokio::test]
async fn the_demo_city_has_maps_wherever_place_matters() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    let budget: String = sqlx::query_scalar(
        "SELECT p.slug FROM pb_processes p WHERE EXISTS \
         (SELECT 1 FROM pb_projects j WHERE j.process_id = p.id AND j.latitude IS NOT NULL) \
         ORDER BY p.slug LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let city: String = sqlx::query_scalar("SELECT slug FROM areas WHERE parent_id IS NULL")
        .fetch_one(&app.db)
        .await
        .unwrap();
    for (path, map_id) in [
        (format!("/areas/{city}"), "area-map"),
        ("/reports".to_string(), "reports-map"),
        ("/events".to_string(), "events-map"),
        (format!("/areas/{city}/assets"), "assets-places-map"),
        (format!("/budgets/{budget}"), "projects-map"),
    ] {
        let page = visitor.get(&path).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let html = page.text().await.unwrap();
        let Some(at) = html.find(&format!("aria-labelledby=\"{map_id}-title {map_id}-desc\""))
        else {
            panic!("{path} has no map {map_id}");
        };
        let svg = &html[at..html[at..].find("</svg>").unwrap() + at];
        assert!(svg.contains("<circle"), "{path}: no marks on the map");
        assert!(
            svg.contains("<a href=\"/areas/"),
            "{path}: no sub-areas to follow"
        );
        assert!(html.contains("/static/places.js"), "{path}");
    }
    // Skills (people) never appear among the asset map's points.
    let skills: Vec<String> = sqlx::query_scalar("SELECT id FROM assets WHERE kind = 'skill'")
        .fetch_all(&app.db)
        .await
        .unwrap();
    let html = visitor
        .get(&format!("/areas/{city}/assets"))
        .await
        .text()
        .await
        .unwrap();
    let at = html.find("assets-places-map-title").unwrap();
    let svg = &html[at..html[at..].find("</svg>").unwrap() + at];
    for skill in skills {
        assert!(!svg.contains(&format!("/assets/{skill}")));
    }
}

/// On PostgreSQL a connection that first stores a report without a place, then one with a
/// place, used to fail ("incorrect binary data format"): sqlx's Any driver sends a missing
/// number as a 4-byte float and the cached statement kept that type. One connection, both
/// orders.
#[tokio::test]
async fn reports_with_and_without_a_place_store_on_one_connection() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let area = area(&app, &admin).await;
    let category = category(&app, &admin).await;
    sqlx::any::install_default_drivers();
    let one = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(app.db_url())
        .await
        .unwrap();
    for (title, place) in [
        ("No place", None),
        ("A place", Some((53.48, -2.24))),
        ("No place again", None),
    ] {
        store_report(&one, &category, &area, title, place)
            .await
            .unwrap_or_else(|e| panic!("{title}: {e:#}"));
    }
    let placed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reports WHERE latitude IS NOT NULL")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(placed, 1);
}

/// The counts kept per cell by triggers (migration 0022) always equal what reading every
/// report gives: after reports are added, hidden, shown again, moved, unplaced and moved to
/// another area, for the whole site, a city with its district, and the district alone. A
/// cell left with one report after its neighbour is hidden names the one still shown. The
/// area's list, merged area by area, pages through exactly the shown reports in order.
#[tokio::test]
async fn kept_map_counts_follow_every_change_and_area_lists_merge_in_order() {
    use squaremile::maps::MapBounds;
    use squaremile::reports::store::{self as reports, Filter, Order};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let city = area(&app, &admin).await;
    let created = admin
        .post_form(
            "/areas/new",
            &[("parent", "millbrook"), ("name", "Canal Quarter")],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let district = app.area_id("canal-quarter").await;
    let category = category(&app, &admin).await;
    let mut ids = Vec::new();
    let mut seed = 7u64;
    for n in 0..40 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let (dlat, dlon) = (
            (seed >> 40) as f64 / 16_777_216.0,
            (seed >> 16 & 0xff_ffff) as f64 / 16_777_216.0,
        );
        let place = (53.46 + dlat * 0.05, -2.27 + dlon * 0.08);
        let area = if n % 3 == 0 { &district } else { &city };
        ids.push(
            store_report(
                &app.db,
                &category,
                area,
                &format!("Report {n}"),
                Some(place),
            )
            .await
            .unwrap(),
        );
    }
    // Two side by side (one cell at every level), one to be hidden; and one with no place.
    let twin = store_report(&app.db, &category, &city, "Twin A", Some((53.455, -2.275)))
        .await
        .unwrap();
    store_report(&app.db, &category, &city, "Twin B", Some((53.455, -2.275)))
        .await
        .unwrap();
    store_report(&app.db, &category, &district, "Nowhere", None)
        .await
        .unwrap();

    // A grid of level 16's own cells, so each kept cell is one map cell.
    let level = 16;
    let (width, height) = (360.0 / 65_536.0, 180.0 / 65_536.0);
    let west = ((-2.28f64 + 180.0) / width).floor() * width - 180.0;
    let south = ((53.45f64 + 90.0) / height).floor() * height - 90.0;
    let grid = MapBounds {
        west,
        south,
        east: west + 30.0 * width,
        north: south + 40.0 * height,
    };
    let same = |label: &str| {
        let (app, city, district) = (&app, city.clone(), district.clone());
        let label = label.to_string();
        async move {
            for area in ["", city.as_str(), district.as_str()] {
                let filter = Filter {
                    area: area.to_string(),
                    ..Filter::default()
                };
                let kept = reports::map_cells_kept(&app.db, area, grid, width, height, level)
                    .await
                    .unwrap();
                let read = reports::map_cells_read(&app.db, &filter, grid, width, height)
                    .await
                    .unwrap();
                let summary = |cells: &[squaremile::maps::MapCell]| {
                    cells
                        .iter()
                        .map(|c| {
                            (
                                c.count,
                                (c.lat * 1e6).round() as i64,
                                (c.lon * 1e6).round() as i64,
                                c.one.clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                };
                assert_eq!(summary(&kept), summary(&read), "{label}, area {area:?}");
                assert!(!read.is_empty(), "{label}");
            }
        }
    };
    same("as added").await;
    let set = |sql: &'static str, id: String| {
        let db = app.db.clone();
        async move {
            sqlx::query(sql).bind(id).execute(&db).await.unwrap();
        }
    };
    set(
        "UPDATE reports SET hidden_reason = 'spam' WHERE id = $1",
        twin.clone(),
    )
    .await;
    set(
        "UPDATE reports SET hidden_reason = 'spam' WHERE id = $1",
        ids[4].clone(),
    )
    .await;
    set(
        "UPDATE reports SET latitude = 53.47, longitude = -2.25 WHERE id = $1",
        ids[5].clone(),
    )
    .await;
    set(
        "UPDATE reports SET latitude = NULL, longitude = NULL WHERE id = $1",
        ids[6].clone(),
    )
    .await;
    set("UPDATE reports SET area_id = (SELECT id FROM areas WHERE slug = 'canal-quarter') WHERE id = $1", ids[7].clone()).await;
    same("after hiding, moving and unplacing").await;
    let lone = reports::map_cells_kept(&app.db, "", grid, width, height, level)
        .await
        .unwrap();
    assert!(
        lone.iter()
            .any(|c| c.one.as_ref().is_some_and(|(_, title)| title == "Twin B")),
        "{lone:?}"
    );
    set(
        "UPDATE reports SET hidden_reason = '' WHERE id = $1",
        twin.clone(),
    )
    .await;
    set(
        "UPDATE reports SET latitude = 53.48, longitude = -2.21 WHERE id = $1",
        ids[6].clone(),
    )
    .await;
    same("after showing and placing again").await;

    // The city's list, merged from its two areas, in pages of 7.
    let shown: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM reports WHERE hidden_reason = '' ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    for order in [Order::NewestFirst, Order::OldestFirst] {
        let filter = Filter {
            area: city.clone(),
            ..Filter::default()
        };
        let mut listed: Vec<(i64, String)> = Vec::new();
        loop {
            let after = listed.last().map(|(at, id)| (*at, id.as_str()));
            let page = reports::list(&app.db, &filter, order, after, 7)
                .await
                .unwrap();
            if page.is_empty() {
                break;
            }
            listed.extend(page.into_iter().map(|r| (r.created_at, r.id)));
        }
        let mut expected = shown.clone();
        if order == Order::OldestFirst {
            expected.reverse();
        }
        assert_eq!(
            listed.into_iter().map(|(_, id)| id).collect::<Vec<_>>(),
            expected,
            "{order:?}"
        );
    }

    // Many in one statement, as an import or the demo city writes them (PostgreSQL counts
    // a statement's reports together, migration 0025): every kept count still agrees.
    sqlx::query(
        "INSERT INTO reports (id, category_id, area_id, organisation_id, title, description, \
           latitude, longitude, address, status, author_id, source, created_at, updated_at, \
           hidden_reason) \
         SELECT id || 'b', category_id, area_id, organisation_id, title, description, latitude, \
           longitude, address, status, author_id, source, created_at + 86400000, updated_at, \
           hidden_reason FROM reports",
    )
    .execute(&app.db)
    .await
    .unwrap();
    same("after copying every report in one statement").await;
    kept_days_and_tallies_agree(&app).await;
}

/// The reports counted per area and day and per organisation, area and status (migrations
/// 0023 and 0024) are what counting the reports says.
async fn kept_days_and_tallies_agree(app: &TestApp) {
    let pairs = [
        (
            "SELECT area_id, day, n FROM report_days WHERE n <> 0 ORDER BY 1, 2",
            "SELECT area_id, created_at / 86400000 AS day, COUNT(*) AS n FROM reports \
             WHERE hidden_reason = '' GROUP BY 1, 2 ORDER BY 1, 2",
        ),
        (
            "SELECT area_id || ' ' || organisation_id || ' ' || measure AS k, 0 AS z, \
               CAST(SUM(n) AS BIGINT) AS n \
             FROM report_tallies WHERE measure LIKE 'status:%' AND n <> 0 GROUP BY 1 ORDER BY 1",
            "SELECT area_id || ' ' || COALESCE(organisation_id, '') || ' status:' || status AS k, \
               0 AS z, COUNT(*) AS n \
             FROM reports WHERE hidden_reason = '' GROUP BY 1 ORDER BY 1",
        ),
    ];
    for (kept, counted) in pairs {
        let read =
            |sql: &'static str| sqlx::query_as::<_, (String, i64, i64)>(sql).fetch_all(&app.db);
        let (kept_rows, counted_rows) = (read(kept).await.unwrap(), read(counted).await.unwrap());
        assert!(!counted_rows.is_empty());
        assert_eq!(kept_rows, counted_rows, "{kept}");
    }
}

/// A page of reports in a box is the same whichever way it is found: walking every report
/// newest first (a box holding much of what there is) or reading the box's reports and
/// sorting them (a small box), page after page.
#[tokio::test]
async fn a_box_pages_through_the_same_reports_however_they_are_found() {
    use squaremile::areas::points::{self, PointKind};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let city = area(&app, &admin).await;
    let category = category(&app, &admin).await;
    let mut places = Vec::new();
    for n in 0..30 {
        // A west half and an east half; every third in a corner of its own.
        let place = if n % 3 == 0 {
            (53.40 + f64::from(n) * 0.0001, -2.40)
        } else {
            (
                53.46 + f64::from(n % 7) * 0.001,
                -2.30 + f64::from(n % 2) * 0.1,
            )
        };
        let id = store_report(
            &app.db,
            &category,
            &city,
            &format!("Report {n}"),
            Some(place),
        )
        .await
        .unwrap();
        places.push((id, place));
    }
    store_report(&app.db, &category, &city, "Nowhere", None)
        .await
        .unwrap();
    sqlx::query("UPDATE reports SET hidden_reason = 'spam' WHERE id = $1")
        .bind(&places[1].0)
        .execute(&app.db)
        .await
        .unwrap();
    let newest_first: Vec<(String, f64, f64)> = sqlx::query_as(
        "SELECT id, latitude, longitude FROM reports \
         WHERE hidden_reason = '' AND latitude IS NOT NULL ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let whole_city = places::Bounds {
        min_lon: -2.5,
        min_lat: 53.3,
        max_lon: -2.1,
        max_lat: 53.6,
    };
    let corner = places::Bounds {
        min_lon: -2.41,
        min_lat: 53.39,
        max_lon: -2.39,
        max_lat: 53.41,
    };
    for bounds in [whole_city, corner] {
        let expected: Vec<String> = newest_first
            .iter()
            .filter(|(_, lat, lon)| bounds.contains(*lat, *lon))
            .map(|(id, _, _)| id.clone())
            .collect();
        assert!(!expected.is_empty());
        for limit in [1, 4, 200] {
            let mut found: Vec<(i64, String)> = Vec::new();
            loop {
                let before = found.last().map(|(at, id)| (*at, id.as_str()));
                let page = points::in_box(&app.db, PointKind::Reports, &bounds, before, limit)
                    .await
                    .unwrap();
                assert!(page.len() <= limit as usize);
                if page.is_empty() {
                    break;
                }
                found.extend(page.into_iter().map(|p| (p.created_at, p.row_id)));
            }
            let ids: Vec<String> = found.into_iter().map(|(_, id)| id).collect();
            assert_eq!(ids, expected, "{bounds:?}, pages of {limit}");
        }
    }
}
