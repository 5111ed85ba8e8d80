//! The crawl (issue 25): the demo site, in a real Chromium, as a visitor, a resident, an
//! official and the site admin, at phone width (390 px) and at desktop width, following
//! links from the home page only.
//!
//! - Every page people can open must be linked from somewhere: the site's GET routes are read
//!   from the routers' source (`.route("...", get(...))`), and each one must be the target of
//!   a link on a crawled page, or be on [`NOT_LINKED`] with the reason nobody can link to it
//!   (a secret in the address, a machine's endpoint). A route reached only by typing its
//!   address fails the test, with the address in the message.
//! - Nothing scrolls sideways at 390 px: `scrollWidth` is at most the window's width + 1.
//! - No page has markup in its title.
//! - Every crawled page passes axe-core (serious and critical violations).
//!
//! To keep the running time modest on two cores, a few pages of each route are visited (the
//! same template with other content), at most [`PAGES_PER_ROLE`] a role, and axe-core runs
//! once per route and role at phone width, once per route at desktop width.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::Path;
use std::time::Instant;

use fantoccini::Client;
use serde_json::Value;
use squaremile::demo::{ADMIN_EMAIL, PASSWORD};

use crate::browser::{arrive, axe_source_path, browser, fill, serious_violations, submit};
use crate::support::{TestApp, skip};

/// GET routes nobody can reach by a link, and why.
const NOT_LINKED: &[(&str, &str)] = &[
    ("/healthz", "for the load balancer"),
    ("/readyz", "for the load balancer"),
    ("/metrics", "for Prometheus, with the operator's token"),
    (
        "/setup",
        "only on a site with no accounts yet; the home page sends there",
    ),
    ("/password/reset/{token}", "the secret comes by email"),
    ("/register/confirm/{token}", "the secret comes by email"),
    (
        "/register/sent",
        "shown after sending the registration form",
    ),
    (
        "/juries/{slug}/join",
        "the invitation's secret comes by letter or email",
    ),
    (
        "/reports/{id}/fixed",
        "the question's secret comes by email four weeks after a fix",
    ),
    (
        "/alerts/unsubscribe/{token}",
        "the secret comes in each digest email",
    ),
    (
        "/mapping/{slug}/answer",
        "the invitation's secret is sent by the organiser",
    ),
    (
        "/mapping/{slug}/thanks",
        "shown after sending the questionnaire",
    ),
    ("/juries/{slug}/joined", "shown after volunteering"),
    (
        "/juries/{slug}/lottery.json",
        "linked from a jury's page once an official publishes a lottery (juries::a_lottery_...); \
         the demo's jury shows the plain fair draw",
    ),
    (
        "/juries/{slug}/draw.json",
        "linked from a jury's page once its lottery is drawn (juries::a_lottery_...)",
    ),
    (
        "/skills-game/play/{token}",
        "each table's secret link is handed out at the event",
    ),
    (
        "/widget/organisations/{slug}/stories",
        "embedded by other sites: the organisation's page shows the snippet to copy",
    ),
    // Linked when there is one; the demo has none (their own tests follow the links).
    (
        "/budgets/{slug}/propose",
        "linked while a budget takes ideas; the demo's do not",
    ),
    (
        "/budgets/{slug}/photos/{id}",
        "shown once a project has photos; the demo's have none",
    ),
    (
        "/help/matches/{id}",
        "linked only for the two people matched; the crawled people have no match",
    ),
    (
        "/methods/{slug}/files/{id}",
        "linked once a method has files; the demo's have none",
    ),
    (
        "/reports/{id}/photos/{photo}",
        "shown once a report has photos; the demo's have none",
    ),
];

/// Most pages a role's crawl opens at one width.
const PAGES_PER_ROLE: usize = 120;
/// Pages of one route (the same template with other content) a role's crawl opens at phone
/// width, where links are also gathered (a second budget may be in another phase, with
/// other pages); at desktop width one is enough for the checks.
const PAGES_PER_ROUTE_PHONE: usize = 2;
const PAGES_PER_ROUTE_DESKTOP: usize = 1;
const PHONE_WIDTH: i64 = 390;

/// The site's GET routes, read from the routers' source.
fn get_routes() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut routes = BTreeSet::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split(".route(").skip(1) {
                    let piece = piece.trim_start();
                    let Some(rest) = piece.strip_prefix('"') else {
                        continue;
                    };
                    let Some((route, after)) = rest.split_once('"') else {
                        continue;
                    };
                    let handler = after.trim_start().trim_start_matches(',').trim_start();
                    if handler.starts_with("get(") {
                        routes.insert(route.to_string());
                    }
                }
            }
        }
    }
    routes.into_iter().collect()
}

/// The route a path belongs to: the one whose literal segments all match, with the most
/// literal segments (`/budgets/import` before `/budgets/{slug}`).
fn route_of<'a>(routes: &'a [String], path: &str) -> Option<&'a str> {
    let bare = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = bare.split('/').skip(1).collect();
    routes
        .iter()
        .filter_map(|route| {
            let pattern: Vec<&str> = route.split('/').skip(1).collect();
            if pattern.len() != segments.len() {
                return None;
            }
            let mut literals = 0;
            for (p, s) in pattern.iter().zip(&segments) {
                if p.starts_with('{') {
                    if s.is_empty() {
                        return None;
                    }
                } else if p == s {
                    literals += 1;
                } else {
                    return None;
                }
            }
            Some((literals, route.as_str()))
        })
        .max_by_key(|(literals, _)| *literals)
        .map(|(_, route)| route)
}

/// Links opened as pages; the others (downloads, feeds, the API, scripts, photos, signing
/// out, switching language) only count as linked.
fn worth_opening(path: &str) -> bool {
    let bare = path.split(['?', '#']).next().unwrap_or("");
    let skipped = [
        "/language/",
        "/logout",
        "/static/",
        "/api/",
        "/feeds/",
        "/account/export",
        "/widget/",
    ];
    let downloads = [
        ".csv", ".pb", ".ics", ".gexf", ".graphml", ".json", ".xml", ".atom", ".js", ".css",
        ".png", ".jpg", ".jpeg", ".svg", ".pdf", ".txt", ".zip",
    ];
    !skipped.iter().any(|p| bare.starts_with(p))
        && !downloads.iter().any(|d| bare.ends_with(d))
        && !bare.contains("/export/")
        && !bare.contains("/photos/")
        && !bare.contains("/files/")
}

/// What one crawl found.
#[derive(Default)]
struct Crawl {
    /// Routes some crawled page links to.
    linked: HashSet<String>,
    findings: Vec<String>,
    pages: usize,
}

/// What the page in the browser says about itself, read in one script.
async fn inspect(c: &Client) -> Value {
    c.execute(
        "const nav = performance.getEntriesByType('navigation')[0];
         return {
           status: nav ? nav.responseStatus : 0,
           title: document.title,
           titleHasMarkup: document.querySelector('title') ?
             document.querySelector('title').children.length > 0 || /<[a-z!/]/i.test(document.title) : true,
           scrollWidth: document.documentElement.scrollWidth,
           width: window.innerWidth,
           links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)
             .concat(Array.from(document.querySelectorAll('img[src]')).map(i => i.src)),
           // What sticks out on the right: the innermost elements wider than the window.
           tooWide: Array.from(document.querySelectorAll('body *'))
             .filter(e => e.checkVisibility()
                 && e.getBoundingClientRect().right > window.innerWidth + 1)
             .filter(e => !Array.from(e.children).some(
                 k => k.getBoundingClientRect().right > window.innerWidth + 1))
             .slice(0, 3)
             .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                 ? '.' + String(e.className).split(' ').join('.') : '')
                 + ' \"' + (e.textContent || '').trim().slice(0, 40) + '\"'),
         };",
        vec![],
    )
    .await
    .expect("reading the page")
}

/// Breadth first from the home page, following same-site links.
async fn crawl(
    c: &Client,
    base: &str,
    who: &str,
    routes: &[String],
    axe: &str,
    phone: bool,
    checked_by_axe: &mut HashSet<String>,
) -> Crawl {
    let mut out = Crawl::default();
    let mut queue: VecDeque<String> = VecDeque::from(["/".to_string()]);
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut per_route: HashMap<String, usize> = HashMap::new();
    let width = if phone { "390 px" } else { "desktop" };
    while let Some(path) = queue.pop_front() {
        if out.pages >= PAGES_PER_ROLE {
            break;
        }
        c.goto(&format!("{base}{path}")).await.unwrap();
        out.pages += 1;
        let page = inspect(c).await;
        let status = page["status"].as_i64().unwrap_or(0);
        let here = format!("{who} at {width}, {path}");
        if status >= 500 {
            out.findings.push(format!("{here}: status {status}"));
        }
        if page["titleHasMarkup"].as_bool() != Some(false) {
            out.findings
                .push(format!("{here}: markup in the title {:?}", page["title"]));
        }
        if phone {
            let scroll = page["scrollWidth"].as_i64().unwrap_or(0);
            let window = page["width"].as_i64().unwrap_or(PHONE_WIDTH);
            if scroll > window + 1 {
                out.findings.push(format!(
                    "{here}: scrolls sideways ({scroll} px wide in a {window} px window: {})",
                    page["tooWide"]
                ));
            }
        }
        let route = route_of(routes, &path).unwrap_or("?").to_string();
        if status < 400 && checked_by_axe.insert(route) {
            for violation in serious_violations(c, axe).await {
                out.findings.push(format!(
                    "{here}: {} ({}) {}",
                    violation["id"], violation["help"], violation["nodes"]
                ));
            }
        }
        for link in page["links"].as_array().cloned().unwrap_or_default() {
            let Some(link) = link.as_str().and_then(|l| l.strip_prefix(base)) else {
                continue;
            };
            let link = link.split('#').next().unwrap_or("").to_string();
            if !link.starts_with('/') {
                continue;
            }
            let Some(route) = route_of(routes, &link) else {
                continue;
            };
            out.linked.insert(route.to_string());
            if !worth_opening(&link) || seen.contains(&link) {
                continue;
            }
            let taken = per_route.entry(route.to_string()).or_default();
            let most = if phone {
                PAGES_PER_ROUTE_PHONE
            } else {
                PAGES_PER_ROUTE_DESKTOP
            };
            if *taken >= most {
                continue;
            }
            *taken += 1;
            seen.insert(link.clone());
            queue.push_back(link);
        }
    }
    out
}

async fn sign_in(c: &Client, base: &str, email: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "email", email).await;
    fill(c, "password", PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, base, "/").await;
}

#[tokio::test]
async fn every_page_is_reachable_by_links_fits_a_phone_and_passes_the_accessibility_check() {
    let test = "every_page_is_reachable_by_links_fits_a_phone_and_passes_the_accessibility_check";
    let Ok(axe) = std::fs::read_to_string(axe_source_path()) else {
        let why = "axe-core not found (run `npm ci` at the repository root)";
        assert!(
            std::env::var("SQUAREMILE_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{why}"
        );
        skip(test, why);
        return;
    };
    let routes = get_routes();
    assert!(routes.len() > 80, "only {} GET routes read", routes.len());
    assert_eq!(
        route_of(&routes, "/budgets/import"),
        Some("/budgets/import")
    );
    assert_eq!(
        route_of(&routes, "/budgets/some-fund/results?x=1"),
        Some("/budgets/{slug}/results")
    );
    let Some(browser) = browser(test).await else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    let roles = [
        ("a visitor", None),
        ("a resident", Some("chloe.turner@millbrook.example")),
        ("an official", Some("tom.hughes@millbrook.example")),
        ("the admin", Some(ADMIN_EMAIL)),
    ];
    let mut linked: HashSet<String> = HashSet::new();
    let mut findings = Vec::new();
    let mut pages = 0;
    let started = Instant::now();
    let mut axe_checked: HashSet<String> = HashSet::new();
    for phone in [true, false] {
        axe_checked.clear();
        let (width, height) = if phone {
            (PHONE_WIDTH, 844)
        } else {
            (1280, 900)
        };
        c.set_window_size(width as u32, height).await.unwrap();
        // The window's outer size includes no chrome when headless, but make sure.
        let inner = c
            .execute("return window.innerWidth;", vec![])
            .await
            .unwrap()
            .as_i64()
            .unwrap_or(width);
        if inner != width {
            c.set_window_size((2 * width - inner) as u32, height)
                .await
                .unwrap();
        }
        for (who, email) in roles {
            c.delete_all_cookies().await.unwrap();
            if let Some(email) = email {
                sign_in(c, &app.base, email).await;
            }
            // At phone width each role's pages are checked by axe-core (what they show
            // differs); at desktop width, where only the layout changes, each route once.
            if phone {
                axe_checked.clear();
            }
            let crawled = crawl(c, &app.base, who, &routes, &axe, phone, &mut axe_checked).await;
            assert!(crawled.pages >= 20, "{who}: only {} pages", crawled.pages);
            pages += crawled.pages;
            linked.extend(crawled.linked);
            findings.extend(crawled.findings);
        }
    }
    // The API and the static files are for programs and for pages' own <link>s and
    // <script>s, not for people following links.
    let unlinked: Vec<String> = routes
        .iter()
        .filter(|r| !r.starts_with("/api/") && !r.starts_with("/static/"))
        .filter(|r| !linked.contains(*r) && !NOT_LINKED.iter().any(|(n, _)| n == r))
        .map(|r| format!("{r}: no crawled page links to it"))
        .collect();
    eprintln!(
        "crawl: {pages} pages, {} routes linked of {}, {:.0?}",
        linked.len(),
        routes.len(),
        started.elapsed()
    );
    browser.client.close().await.unwrap();
    findings.extend(unlinked);
    assert!(
        findings.is_empty(),
        "the crawl found ({}):\n{}",
        findings.len(),
        findings.join("\n")
    );
}
