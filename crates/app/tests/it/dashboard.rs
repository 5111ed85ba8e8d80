//! An area's dashboard: the numbers in its tables are the database's, for the area and the
//! areas inside it, and each chart has its table.

use reqwest::StatusCode;

use crate::support::{TestApp, body, count};

/// The cells of the table with this id, row by row (header cell first).
fn table(page: &str, id: &str) -> Vec<Vec<String>> {
    let start = page
        .find(&format!("<table id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no table {id}"));
    let end = start + page[start..].find("</table>").unwrap();
    let body = &page[start..end];
    let body = &body[body.find("<tbody>").unwrap()..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split(['<', '>'])
                .collect::<Vec<_>>()
                .windows(2)
                .filter(|w| {
                    w[0].starts_with("td")
                        || w[0].starts_with("th scope")
                        || w[0].starts_with("a href")
                })
                .map(|w| w[1].trim().to_string())
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_dashboard_counts_this_months_activity_in_the_area_and_inside_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("", "Elsewhere"),
    ] {
        admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
    }
    let riverside = app.area_id("riverside").await;
    let elsewhere = app.area_id("elsewhere").await;
    let olu = app.register("Olu", "olu@example.org", "").await;
    for (area, title) in [
        (&riverside, "Bins"),
        (&riverside, "Trees"),
        (&elsewhere, "Far away"),
    ] {
        let started = olu
            .post_form(
                "/conversations/new",
                &[
                    ("area", area.as_str()),
                    ("topic", "streets"),
                    ("title", title),
                    ("body", "Let us talk."),
                ],
            )
            .await;
        assert_eq!(started.status(), StatusCode::SEE_OTHER);
    }
    let page = app.client().get("/areas/millbrook/dashboard").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = body(page).await;
    let months = table(&page, "activity");
    assert_eq!(months.len(), 12);
    // Columns: month, reports, conversations, events, asks, offers, stories, total.
    let this_month = months.last().unwrap();
    assert_eq!(this_month[2], "2", "{this_month:?}");
    assert_eq!(this_month[7], "2");
    assert!(months[..11].iter().all(|m| m[7] == "0"));
    assert!(page.contains("role=\"img\"") && page.contains("<title id=\"activity-title\">"));
    assert!(page.contains("No participatory budget here yet."));
    assert_eq!(
        app.client().get("/areas/atlantis/dashboard").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_demo_dashboard_matches_the_database() {
    let app = TestApp::with_demo().await;
    let page = body(app.client().get("/areas/millbrook/dashboard").await).await;

    let budgets = table(&page, "budgets");
    let ballots: i64 = budgets
        .iter()
        .map(|row| row[3].parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        ballots,
        count(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await
            + count(&app.db, "SELECT COUNT(*) AS n FROM pb_sealed_ballots").await
    );

    let organisations = table(&page, "organisations");
    let received: i64 = organisations
        .iter()
        .map(|row| row[2].parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        received,
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM reports WHERE hidden_reason = '' \
             AND organisation_id IS NOT NULL"
        )
        .await
    );
    let network = table(&page, "network");
    let nodes: i64 = network[0][1].parse().unwrap();
    assert!(nodes > 50, "the demo's map: {network:?}");
    assert!(page.contains("id=\"representatives\""));
}
