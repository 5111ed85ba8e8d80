//! Issue 25, finding one's way: the front door (home and area pages say what is happening
//! and lead to every list), the menu that folds without JavaScript, "Your work" with a
//! count and a link for each queue, notifications when work arrives, the admin home, and
//! `public_url` that follows the address the server bound.

use reqwest::StatusCode;
use squaremile::demo::PASSWORD;

use crate::support::{TestApp, body, location};

const OFFICIAL: &str = "tom.hughes@millbrook.example";
const RESIDENT: &str = "chloe.turner@millbrook.example";

/// The `href`s of a page's links, in order.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

fn has_link(html: &str, href: &str) -> bool {
    links(html).iter().any(|l| l == href)
}

/// The text between an element's opening tag with `marker` and `end`.
fn section<'a>(html: &'a str, marker: &str, end: &str) -> &'a str {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not on the page"));
    let rest = &html[start..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_home_page_says_what_is_happening_and_leads_to_every_list() {
    let app = TestApp::with_demo().await;
    let home = body(app.client().get("/").await).await;
    // What is happening now: the demo's vote, its open jury, its newest report.
    assert!(home.contains("North Millbrook Community Fund 2027"), "vote");
    assert!(home.contains("Market Hall"), "jury looking for volunteers");
    let newest: String = sqlx::query_scalar(
        "SELECT title FROM reports WHERE hidden_reason = '' ORDER BY created_at DESC, id DESC",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(home.contains(&newest), "newest report {newest}");
    for href in [
        "/budgets",
        "/events",
        "/reports",
        "/help?kind=ask&status=open",
        "/conversations",
        "/juries",
        "/reports/new",
        "/help/new?kind=ask",
        "/help/new?kind=offer",
        "/areas",
    ] {
        assert!(has_link(&home, href), "home page lacks a link to {href}");
    }
}

#[tokio::test]
async fn front_door_lists_are_bounded_and_end_with_a_link_to_all() {
    let app = TestApp::with_demo().await;
    let resident = app.login(RESIDENT, PASSWORD).await;
    let area = app.area_id("weavers-row").await;
    for n in 0..7 {
        let started = resident
            .post_form(
                "/conversations/new",
                &[
                    ("area", area.as_str()),
                    ("topic", "streets"),
                    ("title", &format!("Bins on Weavers Row, round {n}")),
                    ("body", "Where should the bins go on collection day?"),
                ],
            )
            .await;
        assert_eq!(
            started.status(),
            StatusCode::SEE_OTHER,
            "{}",
            body(started).await
        );
    }
    let page = body(app.client().get("/areas/weavers-row").await).await;
    let conversations = section(&page, "front-conversations-heading", "</section>");
    let shown = conversations.matches("Bins on Weavers Row").count();
    assert_eq!(shown, 5, "{conversations}");
    assert!(
        has_link(conversations, "/conversations?area=weavers-row"),
        "{conversations}"
    );
    // ...and the list it leads to has every one of them.
    let all = body(app.client().get("/conversations?area=weavers-row").await).await;
    assert_eq!(all.matches("Bins on Weavers Row").count(), 7);
}

#[tokio::test]
async fn an_area_page_leads_to_its_reports_offers_budgets_asset_map_and_conversations() {
    let app = TestApp::with_demo().await;
    let id = app.area_id("canal-quarter").await;
    let page = body(app.client().get("/areas/canal-quarter").await).await;
    for href in [
        "/reports?area=canal-quarter",
        "/help?area=canal-quarter",
        "/budgets?area=canal-quarter",
        "/areas/canal-quarter/assets",
        "/conversations?area=canal-quarter",
        "/events?area=canal-quarter",
        "/areas/canal-quarter/dashboard",
    ] {
        assert!(has_link(&page, href), "the area page lacks {href}");
    }
    // Each list's `?area=` takes the slug people see (an id from an older link still works),
    // keeps it chosen in the filter, and an unknown one is not found, not an empty list.
    for list in ["/reports", "/help", "/conversations", "/events"] {
        for given in ["canal-quarter", id.as_str()] {
            let shown = app.client().get(&format!("{list}?area={given}")).await;
            assert_eq!(shown.status(), StatusCode::OK, "{list}?area={given}");
            assert!(
                body(shown)
                    .await
                    .contains(r#"<option value="canal-quarter" selected>"#),
                "{list}?area={given}"
            );
        }
        let unknown = app.client().get(&format!("{list}?area=atlantis")).await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND, "{list}");
    }
    // Its budgets: the district's concerns it, another district's does not.
    let budgets = body(app.client().get("/budgets?area=canal-quarter").await).await;
    assert!(
        budgets.contains("North Millbrook Community Fund 2027"),
        "{budgets}"
    );
    assert!(
        !budgets.contains("Riverside Small Grants 2026"),
        "{budgets}"
    );
    let canal = body(app.client().get("/reports?area=canal-quarter").await).await;
    let everywhere = body(app.client().get("/reports").await).await;
    assert!(canal.matches("<li").count() < everywhere.matches("<li").count());
    // The people to turn to, and a spot for the area's map.
    assert!(page.contains("Amara Okafor"), "the area's connector");
    assert!(page.contains("id=\"area-map\""));
}

#[tokio::test]
async fn a_signed_in_resident_lands_on_their_own_neighbourhood() {
    let app = TestApp::with_demo().await;
    let area = app.area_id("hollins-green").await;
    let rosa = app.register("Rosa Lane", "rosa@example.org", &area).await;
    let home = body(rosa.get("/").await).await;
    assert!(home.contains("<h1>Hollins Green</h1>"), "{home}");
    assert!(has_link(&home, "/areas/hollins-green"));
    // The menu's first link is her neighbourhood too.
    let menu = section(&home, "class=\"nav-quick\"", "</ul>");
    assert!(has_link(menu, "/areas/hollins-green"), "{menu}");
    // A visitor sees the whole site's front door.
    let visitor = body(app.client().get("/").await).await;
    assert!(!visitor.contains("<h1>Hollins Green</h1>"));
}

#[tokio::test]
async fn the_menu_folds_without_javascript_and_shows_a_phone_only_a_few_links() {
    let app = TestApp::with_demo().await;
    for client in [app.client(), app.login(OFFICIAL, PASSWORD).await] {
        let page = body(client.get("/").await).await;
        let header = section(&page, "<header", "</header>");
        // Everything beyond a few links sits in a <details>, closed until asked for.
        assert!(header.contains("<details class=\"nav-menu\">"), "{header}");
        assert!(header.contains("<summary>Menu</summary>"), "{header}");
        let outside_menu = section(header, "<header", "<details");
        assert!(
            links(outside_menu).len() <= 4,
            "too many links outside the folded menu: {outside_menu}"
        );
        let folded = section(header, "<details", "</details>");
        for href in [
            "/areas", "/reports", "/help", "/budgets", "/juries", "/methods",
        ] {
            assert!(has_link(folded, href), "menu lacks {href}");
        }
    }
}

/// The count shown before the link to `href` on a "Your work" page.
fn count_before(page: &str, href: &str) -> i64 {
    let at = page
        .find(&format!("href=\"{href}\""))
        .unwrap_or_else(|| panic!("no link to {href}"));
    let before = &page[..at];
    let count = before.rsplit("<span class=\"work-count\">").next().unwrap();
    count.split('<').next().unwrap().trim().parse().unwrap()
}

#[tokio::test]
async fn your_work_counts_each_queue_with_a_link_to_it() {
    let app = TestApp::with_demo().await;
    let official = app.login(OFFICIAL, PASSWORD).await;
    let page = body(official.get("/").await).await;
    assert!(has_link(section(&page, "<header", "</header>"), "/work"));
    let work = official.get("/work").await;
    assert_eq!(work.status(), StatusCode::OK);
    let work = body(work).await;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reports r JOIN organisations o ON o.id = r.organisation_id \
         WHERE o.slug = 'millbrook-highways' AND r.hidden_reason = '' \
           AND r.status IN ('open', 'acknowledged', 'in_progress')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(waiting > 0, "the demo has reports waiting");
    assert_eq!(
        count_before(&work, "/organisations/millbrook-highways/inbox"),
        waiting
    );
    assert!(has_link(&work, "/stories?organisation=millbrook-homes"));
    // A resident who claims to live in his district shows up as waiting.
    let area = app.area_id("st-annes").await;
    let before = count_before(&work, "/areas/st-annes/people");
    app.register("Rosa Lane", "rosa@example.org", &area).await;
    let work = body(official.get("/work").await).await;
    assert_eq!(count_before(&work, "/areas/st-annes/people"), before + 1);

    // The admin's queues: flags and stories to moderate, and the admin home.
    let admin = app.login(squaremile::demo::ADMIN_EMAIL, PASSWORD).await;
    let work = body(admin.get("/work").await).await;
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories WHERE status = 'pending'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count_before(&work, "/stories/moderate"), pending);
    assert!(has_link(&work, "/moderation"));
    assert!(has_link(&work, "/admin"));

    // Someone without a role has no "Your work" in the menu.
    let resident = app.login(RESIDENT, PASSWORD).await;
    let page = body(resident.get("/").await).await;
    assert!(!has_link(&page, "/work"));
}

#[tokio::test]
async fn a_new_report_appears_in_its_officials_notifications() {
    let app = TestApp::with_demo().await;
    let resident = app.login(RESIDENT, PASSWORD).await;
    let category: String =
        sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let sent = resident
        .post_multipart(
            "/reports/new",
            &[
                ("category", category.as_str()),
                ("area", &app.area_id("weavers-row").await),
                ("title", "Crater by the bus stop on Loom Street"),
                ("description", "A wheel fits in it."),
            ],
            &[],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{}", body(sent).await);
    let report = location(&sent);
    let report = report.split('?').next().unwrap();
    let official = app.login(OFFICIAL, PASSWORD).await;
    let notices = body(official.get("/notifications").await).await;
    assert!(
        notices.contains("Crater by the bus stop on Loom Street"),
        "{notices}"
    );
    assert!(has_link(&notices, report), "{notices}");
}

#[tokio::test]
async fn officials_are_told_that_a_resident_is_waiting_to_be_verified() {
    let app = TestApp::with_demo().await;
    let rosa = app.register("Rosa Lane", "rosa@example.org", "").await;
    let said = rosa.post_form("/areas/st-annes/join", &[]).await;
    assert_eq!(said.status(), StatusCode::SEE_OTHER);
    // Saying it again is not news.
    rosa.post_form("/areas/st-annes/join", &[]).await;
    let official = app.login(OFFICIAL, PASSWORD).await;
    let notices = body(official.get("/notifications").await).await;
    assert_eq!(
        notices.matches("A resident of St Anne").count(),
        1,
        "{notices}"
    );
    assert!(has_link(&notices, "/areas/st-annes/people"), "{notices}");
    // Someone with no say over St Anne's is not told.
    let other = app.login("ravi.patel@millbrook.example", PASSWORD).await;
    let notices = body(other.get("/notifications").await).await;
    assert!(!notices.contains("A resident of St Anne"), "{notices}");
}

#[tokio::test]
async fn the_admin_home_leads_to_every_setting_and_warns_about_public_url() {
    let app = TestApp::with_demo().await;
    let admin = app.login(squaremile::demo::ADMIN_EMAIL, PASSWORD).await;
    let home = body(admin.get("/admin").await).await;
    for href in [
        "/areas",
        "/areas/new",
        "/reports/categories",
        "/reports/categories#api-keys",
        "/skills",
        "/methods",
        "/moderation",
        "/stories/moderate",
    ] {
        assert!(has_link(&home, href), "the admin home lacks {href}");
    }
    // The test site's address is plain http: every admin page says so.
    let page = body(admin.get("/areas").await).await;
    assert!(page.contains("class=\"site-warning\""), "{page}");
    assert!(has_link(&page, "/admin"));
    // Nobody else is told, and nobody else opens the admin home.
    let official = app.login(OFFICIAL, PASSWORD).await;
    assert!(
        !body(official.get("/areas").await)
            .await
            .contains("site-warning")
    );
    assert_eq!(official.get("/admin").await.status(), StatusCode::FORBIDDEN);

    // Over https, or in a demo, there is nothing to warn about.
    for adjust in [
        (|c: &mut squaremile::config::Config| c.public_url = "https://ourstreet.example".into())
            as fn(&mut squaremile::config::Config),
        |c| c.demo = true,
    ] {
        let quiet = TestApp::spawn_with(adjust).await;
        let admin = quiet.admin().await;
        let page = body(admin.get("/areas").await).await;
        assert!(!page.contains("site-warning"), "{page}");
    }
}

#[tokio::test]
async fn public_url_defaults_to_the_address_the_server_bound() {
    let app = TestApp::spawn_with(|c| c.public_url = String::new()).await;
    assert_eq!(app.state.config.public_url, app.base);
    // ...and links that leave the site use it: the feeds.
    let feed = body(app.client().get("/feeds/reports.atom").await).await;
    assert!(feed.contains(&format!("{}/", app.base)), "{feed}");
    assert!(!feed.contains("127.0.0.1:8080"), "{feed}");
    // A wildcard address cannot be visited: the machine's name stands in.
    let wildcard = squaremile::server::bound_url("0.0.0.0:8123".parse().unwrap());
    assert!(wildcard.starts_with("http://") && wildcard.ends_with(":8123"));
    assert!(!wildcard.contains("0.0.0.0"), "{wildcard}");
}

/// Lists page on instead of stopping at a fixed number of the newest (issue 27).
#[tokio::test]
async fn the_conversations_list_pages_on_to_the_oldest() {
    use squaremile::conversations::store::{NewConversation, start};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    admin
        .post_form("/areas/new", &[("parent", ""), ("name", "Weavers Row")])
        .await;
    let area = app.area_id("weavers-row").await;
    let author = app.user_id("admin@example.org").await;
    for n in 0..32 {
        start(
            &app.db,
            &NewConversation {
                area_id: &area,
                topic: "streets",
                title: &format!("Bins, round {n}"),
                body: "Where should the bins go?",
                author_id: &author,
                report_id: None,
            },
        )
        .await
        .unwrap();
    }
    let first = body(app.client().get("/conversations?area=weavers-row").await).await;
    assert_eq!(first.matches("Bins, round").count(), 30);
    let next = first
        .split(r#"rel="next""#)
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .map(|href| href.trim_end_matches("\" ").replace("&amp;", "&"))
        .expect("a link to older conversations");
    let second = body(app.client().get(&next).await).await;
    assert_eq!(second.matches("Bins, round").count(), 2, "{second}");
    assert!(!second.contains(r#"rel="next""#));
}
