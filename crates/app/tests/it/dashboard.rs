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

/// Each organisation's record, read from the counts the triggers keep (migration 0023),
/// says what summing up every report one by one says, to the resolution it is shown in: on
/// the demo, and again after a report is hidden, one is answered and fixed, one reopened
/// and one sent to another organisation. The city's dashboard sums the same counts.
#[tokio::test]
async fn kept_records_say_what_every_report_says() {
    use squaremile::reports::stats::{Stats, duration_parts, summarise};
    use squaremile::reports::store as reports;
    let app = TestApp::with_demo().await;
    let organisations: Vec<(String, String)> =
        sqlx::query_as("SELECT id, slug FROM organisations ORDER BY slug")
            .fetch_all(&app.db)
            .await
            .unwrap();
    let shown = |stats: &Stats| {
        (
            stats.received,
            stats.by_status.clone(),
            stats.responded,
            stats.median_response_ms.map(duration_parts),
            stats.fixed,
            stats.median_fix_ms.map(duration_parts),
        )
    };
    let check = |label: &'static str| {
        let (app, organisations) = (&app, &organisations);
        async move {
            let mut received = 0;
            for (id, slug) in organisations {
                let kept = reports::record(&app.db, id).await.unwrap();
                let read = summarise(&reports::timings(&app.db, id).await.unwrap());
                assert_eq!(shown(&kept), shown(&read), "{label}: {slug}");
                received += kept.received;
            }
            assert!(
                received >= 5,
                "{label}: the demo's reports have organisations: {received}"
            );
            let city = app.area_id("millbrook").await;
            let dashboard = squaremile::dashboard::store::report_records(&app.db, &city)
                .await
                .unwrap();
            assert_eq!(
                dashboard.iter().map(|(_, _, s)| s.received).sum::<usize>(),
                received,
                "{label}"
            );
        }
    };
    check("the demo").await;
    // Waits of minutes, hours and days, answered and fixed or not.
    let routed: Vec<String> =
        sqlx::query_scalar("SELECT id FROM reports WHERE organisation_id IS NOT NULL ORDER BY id")
            .fetch_all(&app.db)
            .await
            .unwrap();
    let minute = 60_000;
    let waits = [37, 319, 5_330, 61, 1_570, 17_570, 2, 45, 2_890];
    for (k, id) in routed.iter().enumerate() {
        let created = 1_690_000_000_000 + k as i64 * 86_400_000;
        let wait = waits[k % waits.len()] * minute + 17_000;
        // One in three still waits for an answer; every other answered one is fixed.
        let answered = (k % 3 != 1).then_some(created + wait);
        let fixed = answered.filter(|_| k % 2 == 0).map(|_| created + 3 * wait);
        reports::set_times(&app.db, id, created, answered, fixed)
            .await
            .unwrap();
    }
    check("with waits of minutes, hours and days").await;
    let pick = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, String>(sql)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    let hidden = pick("SELECT id FROM reports WHERE organisation_id IS NOT NULL AND fixed_at IS NOT NULL ORDER BY id LIMIT 1").await;
    sqlx::query("UPDATE reports SET hidden_reason = 'spam' WHERE id = $1")
        .bind(&hidden)
        .execute(&app.db)
        .await
        .unwrap();
    let waiting = pick("SELECT id FROM reports WHERE organisation_id IS NOT NULL AND responded_at IS NULL AND hidden_reason = '' ORDER BY id LIMIT 1").await;
    let hour = 3_600_000;
    reports::set_times(
        &app.db,
        &waiting,
        1_700_000_000_000,
        Some(1_700_000_000_000 + 5 * hour),
        Some(1_700_000_000_000 + 80 * hour),
    )
    .await
    .unwrap();
    sqlx::query("UPDATE reports SET status = 'fixed' WHERE id = $1")
        .bind(&waiting)
        .execute(&app.db)
        .await
        .unwrap();
    let reopened = pick("SELECT id FROM reports WHERE status = 'fixed' AND hidden_reason = '' AND organisation_id IS NOT NULL ORDER BY id DESC LIMIT 1").await;
    sqlx::query("UPDATE reports SET status = 'open', fixed_at = NULL WHERE id = $1")
        .bind(&reopened)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE reports SET organisation_id = (SELECT MAX(id) FROM organisations) \
         WHERE id = (SELECT MIN(id) FROM reports WHERE organisation_id IS NOT NULL \
           AND organisation_id <> (SELECT MAX(id) FROM organisations))",
    )
    .execute(&app.db)
    .await
    .unwrap();
    check("after the changes").await;
}
