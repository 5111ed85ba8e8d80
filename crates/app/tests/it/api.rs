use reqwest::StatusCode;

use crate::support::TestApp;

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
