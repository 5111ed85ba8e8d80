use reqwest::StatusCode;

use crate::support::{TestApp, count};

#[tokio::test]
async fn health_checks_answer() {
    let app = TestApp::spawn().await;
    let client = app.client();
    assert_eq!(client.get("/healthz").await.text().await.unwrap(), "ok");
    let ready = client.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn the_api_serves_areas_and_organisations_as_its_openapi_document_says() {
    let app = TestApp::with_demo().await;
    let client = app.client();
    let doc: serde_json::Value = client
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/areas",
        "/api/v1/areas/{slug}",
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/areas/{slug}/assets",
        "/api/v1/areas/{slug}/offers-and-asks",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} documented");
    }
    for schema in [
        "ApiArea",
        "ApiOrganisation",
        "ApiAsset",
        "ApiPost",
        "ApiError",
    ] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "{schema} documented"
        );
    }

    let areas: Vec<serde_json::Value> = client.get("/api/v1/areas").await.json().await.unwrap();
    assert_eq!(areas.len(), 9);
    let area: serde_json::Value = client
        .get("/api/v1/areas/canal-quarter")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(area["kind"], "neighbourhood");
    assert_eq!(area["parent"], "north-millbrook");
    let orgs: Vec<serde_json::Value> = client
        .get("/api/v1/organisations")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(orgs.len(), 11);
    let org: serde_json::Value = client
        .get("/api/v1/organisations/brook-fields-food-bank")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(org["kind"], "charity");
    assert_eq!(org["area"], "brook-fields");
    assert!(org.get("created_by").is_none(), "no internal fields");
}

/// Every `/api/v1` route the router declares (read from its source) is in the document.
#[tokio::test]
async fn every_api_route_is_in_the_openapi_document() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value = app
        .client()
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api/mod.rs"),
    )
    .unwrap();
    let routes: Vec<&str> = source
        .split(".route(")
        .skip(1)
        .filter_map(|rest| rest.trim_start().strip_prefix('"')?.split('"').next())
        .filter(|path| path.starts_with("/api/v1/") && *path != "/api/v1/openapi.json")
        .collect();
    assert!(routes.len() >= 12, "{routes:?}");
    for path in routes {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
}

/// Follows `next` from the first page to the last and returns every item.
async fn all_pages(
    client: &crate::support::Client,
    first: &str,
) -> (Vec<serde_json::Value>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    let mut url = first.to_string();
    loop {
        let page: serde_json::Value = client.get(&url).await.json().await.unwrap();
        pages += 1;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => {
                let sep = if first.contains('?') { '&' } else { '?' };
                url = format!("{first}{sep}cursor={next}");
            }
            None => return (items, pages),
        }
    }
}

#[tokio::test]
async fn civic_lists_page_with_a_cursor_and_refuse_bad_ones() {
    let app = TestApp::with_demo().await;
    let client = app.client();

    let (reports, pages) = all_pages(&client, "/api/v1/reports?limit=3").await;
    let shown = count(
        &app.db,
        "SELECT COUNT(*) AS n FROM reports WHERE hidden_reason = ''",
    )
    .await;
    assert_eq!(reports.len() as i64, shown);
    assert!(pages > 1, "paged");
    let mut ids: Vec<&str> = reports.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), reports.len(), "no report twice");
    assert!(reports.iter().all(|r| r.get("author_id").is_none()));
    let fixed: serde_json::Value = client
        .get("/api/v1/reports?status=fixed&area=millbrook")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        fixed["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "fixed" && r["fixed_at"].is_string())
    );

    let (events, _) = all_pages(&client, "/api/v1/events?limit=2&upcoming=true").await;
    let slugs: Vec<&str> = events.iter().map(|e| e["slug"].as_str().unwrap()).collect();
    assert_eq!(
        slugs,
        vec![
            "our-high-street-open-space",
            "street-tea-on-weavers-row",
            "towpath-walk-and-talk"
        ]
    );
    let tea = &events[1];
    assert_eq!(
        (tea["capacity"].as_i64(), tea["going"].as_i64()),
        (Some(6), Some(6))
    );
    let (all_events, _) = all_pages(&client, "/api/v1/events?area=brook-fields").await;
    assert_eq!(
        all_events.len(),
        1,
        "the past skills night, in Brook Fields"
    );

    let (posts, pages) =
        all_pages(&client, "/api/v1/areas/weavers-row/offers-and-asks?limit=2").await;
    assert!(pages > 1);
    assert_eq!(
        posts.len() as i64,
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM help_posts h JOIN areas a ON a.id = h.area_id \
             WHERE a.slug = 'weavers-row' AND h.visibility = 'public' AND h.status = 'open'"
        )
        .await
    );
    let (methods, _) = all_pages(&client, "/api/v1/methods?limit=5").await;
    assert_eq!(methods.len(), 12);
    assert!(methods.iter().all(|m| m["licence"] == "CC BY-SA 4.0"));
    let (stories, _) = all_pages(&client, "/api/v1/stories?limit=1").await;
    assert_eq!(
        stories.len() as i64,
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM stories WHERE status = 'published' AND hidden_reason = ''"
        )
        .await
    );

    let budgets: Vec<serde_json::Value> = client.get("/api/v1/budgets").await.json().await.unwrap();
    let counted = budgets
        .iter()
        .find(|b| b["phase"] == "results" || b["phase"] == "implementation")
        .expect("a counted demo budget");
    let results: Vec<serde_json::Value> = client
        .get(&format!(
            "/api/v1/budgets/{}/results",
            counted["slug"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    let part = &results[0];
    let spent: i64 = part["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["funded"] == true)
        .map(|p| p["cost"].as_i64().unwrap())
        .sum();
    assert_eq!(part["spent"].as_i64(), Some(spent));
    assert!(spent <= part["budget"].as_i64().unwrap());

    for (bad, status) in [
        ("/api/v1/reports?cursor=yesterday", 400),
        ("/api/v1/reports?limit=0", 400),
        ("/api/v1/events?limit=5000", 400),
        ("/api/v1/events?area=atlantis", 404),
        ("/api/v1/budgets/no-such-budget/results", 404),
    ] {
        let response = client.get(bad).await;
        assert_eq!(response.status().as_u16(), status, "{bad}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["status"], status, "{bad}");
        assert!(!error["error"].as_str().unwrap().is_empty());
    }
}

/// A cursor is read only as the API writes it: anything else, an injection attempt
/// included, is refused with 400 and the JSON error on every paged list.
#[tokio::test]
async fn a_forged_cursor_is_refused_on_every_paged_list() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Millbrook")])
        .await;
    let client = app.client();
    let id = squaremile::db::new_id();
    let lists = [
        "/api/v1/reports",
        "/api/v1/stories",
        "/api/v1/events",
        "/api/v1/methods",
        "/api/v1/areas/millbrook/offers-and-asks",
    ];
    for list in lists {
        for bad in [
            "1.' OR '1'='1".to_string(),
            "1.x".to_string(),
            format!("1.{id}' --"),
            format!("1.{}", id.to_uppercase()),
            format!("-1.{id}"),
            "garbage".to_string(),
        ] {
            let query = serde_urlencoded::to_string([("cursor", &bad)]).unwrap();
            let response = client.get(&format!("{list}?{query}")).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{list} {bad}");
            let error: serde_json::Value = response.json().await.unwrap();
            assert_eq!(error["status"], 400, "{list} {bad}");
            assert!(
                error["error"].as_str().unwrap().contains("cursor"),
                "{list} {bad}: {error}"
            );
        }
        // A cursor as the API writes one is taken.
        let good = client
            .get(&format!("{list}?cursor=1767225600000.{id}"))
            .await;
        assert_eq!(good.status(), StatusCode::OK, "{list}");
    }
}
