//! Paper (issue 28): posters with a QR code, the paper ballot, the sign-up sheet, jury
//! letters, the skills game's cards and table sheets, the questionnaire and the capacity
//! inventory. Who may print what, what each says, and (in Chromium) how many A4 sheets each
//! prints on.

use fantoccini::Client as Browser;
use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
use reqwest::StatusCode;
use squaremile::demo::{ADMIN_EMAIL, PASSWORD};
use squaremile::paper::Qr;

use crate::browser::{arrive, axe_source_path, browser, fill, serious_violations, submit};
use crate::support::{TestApp, body, location};

const BUDGET: &str = "north-millbrook-fund-2027";
const JURY: &str = "market-hall-assembly";
const EVENT: &str = "towpath-walk-and-talk";
const MAPPING: &str = "who-makes-millbrook-work";
const GAME: &str = "brook-fields-skills-night";
/// The test configuration's public address.
const PUBLIC: &str = "http://squaremile.test";

fn demo_email(person: &str) -> String {
    format!("{person}@millbrook.example")
}

/// Text as the templates write it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('\'', "&#39;")
        .replace('"', "&quot;")
}

/// The path data of the QR code the page must draw for `url`.
fn qr_path(url: &str) -> String {
    format!("d=\"{}\"", Qr::new(url).unwrap().path)
}

/// Each kind of item's poster, open to anyone, with its title, the page's address written
/// out and a QR code of exactly that address, named for screen readers.
#[tokio::test]
async fn posters_of_every_kind_carry_a_named_qr_code_of_the_item_s_address() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    for (page, title) in [
        (format!("/budgets/{BUDGET}"), "North Millbrook"),
        (format!("/juries/{JURY}"), "Market"),
        (format!("/events/{EVENT}"), "Towpath walk-and-talk"),
        (format!("/mapping/{MAPPING}"), "Who makes Millbrook work"),
    ] {
        let item = body(visitor.get(&page).await).await;
        let poster = format!("{page}/poster");
        assert!(
            item.contains(&format!("href=\"{poster}\"")),
            "{page} links to its poster"
        );
        let response = visitor.get(&poster).await;
        assert_eq!(response.status(), StatusCode::OK, "{poster}");
        let html = body(response).await;
        let url = format!("{PUBLIC}{page}");
        assert!(html.contains("class=\"printing\""), "{poster} prints bare");
        assert!(html.contains(title), "{poster} names the item");
        assert!(html.contains(&format!("<p class=\"poster-url\">{url}</p>")));
        assert!(html.contains(&qr_path(&url)), "{poster}: the code of {url}");
        assert!(html.contains("role=\"img\" aria-labelledby=\"poster-qr-1\""));
        assert!(html.contains(&format!(
            "<title id=\"poster-qr-1\">QR code of {url}</title>"
        )));
    }
    assert_eq!(
        visitor.get("/budgets/no-such-fund/poster").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The paper ballot shows the projects on the ballot by the codes staff type in, with their
/// costs and the ballot's rules; a paper batch typed from it is accepted (the demo's budget
/// is voting).
#[tokio::test]
async fn the_paper_ballot_lists_what_the_paper_entry_reads() {
    let app = TestApp::with_demo().await;
    let official = app.login(&demo_email("tom.hughes"), PASSWORD).await;
    let visitor = app.client();
    let response = visitor
        .get(&format!("/budgets/{BUDGET}/paper-ballot"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = body(response).await;
    assert!(
        html.contains("Choose the projects you would fund"),
        "the rules"
    );
    assert!(html.contains("Tick the box of each project you choose."));
    let process = squaremile::budgets::store::find_by_slug(&app.db, BUDGET)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(process.phase, squaremile::budgets::store::Phase::Voting);
    let projects = squaremile::budgets::store::projects(&app.db, &process.id)
        .await
        .unwrap();
    assert!(!projects.is_empty());
    for project in &projects {
        assert!(
            html.contains(&format!("<td><strong>{}</strong></td>", project.code)),
            "{} by its code",
            project.title
        );
        assert!(html.contains(&escaped(&project.title)), "{}", project.title);
    }
    let cheapest = projects.iter().min_by_key(|p| p.current_cost()).unwrap();
    let paper = format!("/budgets/{BUDGET}/paper");
    let entered = official
        .post_form(&paper, &[("label", "Box 1"), ("ballots", &cheapest.code)])
        .await;
    let status = entered.status();
    let to = location(&entered);
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", body(entered).await);
    assert_eq!(
        to,
        format!("/budgets/{BUDGET}/manage?notice=pb-paper-first#paper")
    );
    let manage = body(official.get(&format!("/budgets/{BUDGET}/manage")).await).await;
    assert!(manage.contains(&format!("href=\"/budgets/{BUDGET}/paper-ballot\"")));
}

/// The sign-up sheet names who is going, so only those who manage the event print it.
#[tokio::test]
async fn the_sign_up_sheet_is_only_for_those_who_manage_the_event() {
    let app = TestApp::with_demo().await;
    let sheet = format!("/events/{EVENT}/sign-up-sheet");
    let anonymous = app.client().get(&sheet).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert!(location(&anonymous).starts_with("/login"));
    let resident = app.login(&demo_email("chloe.turner"), PASSWORD).await;
    assert_eq!(resident.get(&sheet).await.status(), StatusCode::FORBIDDEN);
    assert!(
        !body(resident.get(&format!("/events/{EVENT}")).await)
            .await
            .contains(&sheet),
        "no link for those who may not print it"
    );

    let organiser = app.login(&demo_email("amara.okafor"), PASSWORD).await;
    let page = body(organiser.get(&format!("/events/{EVENT}")).await).await;
    assert!(page.contains(&format!("href=\"{sheet}\"")));
    let response = organiser.get(&sheet).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = body(response).await;
    for name in ["Tom Hughes", "Mei Lin", "Grace Mensah"] {
        assert!(html.contains(name), "{name} is going");
    }
    assert!(
        !html.contains("@millbrook.example"),
        "no addresses on paper"
    );
    assert!(html.contains("Meet at Lock 12, Canal Street"));
    assert_eq!(
        html.matches("<tr class=\"write-in\">").count(),
        14,
        "the going and blank rows fill one sheet"
    );
}

/// Each letter has its code and a QR code of the volunteering form with the code filled in,
/// which opens that form; only those who run the jury print them.
#[tokio::test]
async fn jury_letters_carry_their_code_as_text_and_as_a_qr_code_of_the_form() {
    let app = TestApp::with_demo().await;
    let letters = format!("/juries/{JURY}/letters");
    assert_eq!(
        app.client().get(&letters).await.status(),
        StatusCode::SEE_OTHER
    );
    let resident = app.login(&demo_email("chloe.turner"), PASSWORD).await;
    assert_eq!(resident.get(&letters).await.status(), StatusCode::FORBIDDEN);
    let elsewhere = app.login(&demo_email("tom.hughes"), PASSWORD).await;
    assert_eq!(
        elsewhere.get(&letters).await.status(),
        StatusCode::FORBIDDEN,
        "an official of another area"
    );

    let official = app.login(&demo_email("ravi.patel"), PASSWORD).await;
    let html = body(official.get(&letters).await).await;
    let jury = squaremile::juries::store::find_by_slug(&app.db, JURY)
        .await
        .unwrap()
        .unwrap();
    let printed = squaremile::juries::store::address_letters(&app.db, &jury.id, None, 100)
        .await
        .unwrap();
    assert_eq!(printed.len(), 60, "the demo's letters");
    assert_eq!(html.matches("<article class=\"letter\"").count(), 60);
    for letter in &printed {
        assert!(html.contains(&format!("<code>{}</code>", letter.code)));
        let join = format!("{PUBLIC}/juries/{JURY}/join?code={}", letter.code);
        assert!(html.contains(&qr_path(&join)), "the code of {join}");
    }
    let join = format!("/juries/{JURY}/join?code={}", printed[0].code);
    let form = app.client().get(&join).await;
    assert_eq!(form.status(), StatusCode::OK, "the QR code's page opens");
    assert!(body(form).await.contains(&printed[0].code));
}

/// The cards are the same for everyone; the table sheets carry each table's secret link.
#[tokio::test]
async fn skill_cards_are_public_and_table_sheets_are_for_the_game_s_organisers() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    let cards = visitor.get(&format!("/skills-game/{GAME}/cards")).await;
    assert_eq!(cards.status(), StatusCode::OK);
    let cards = body(cards).await;
    assert!(cards.contains("Fixing bikes"));
    assert!(cards.matches("<li class=\"skill-card\">").count() >= 100);

    let sheets = format!("/skills-game/{GAME}/sheets");
    assert_eq!(visitor.get(&sheets).await.status(), StatusCode::SEE_OTHER);
    let resident = app.login(&demo_email("chloe.turner"), PASSWORD).await;
    assert_eq!(resident.get(&sheets).await.status(), StatusCode::FORBIDDEN);
    assert!(
        !body(resident.get(&format!("/skills-game/{GAME}")).await)
            .await
            .contains(&sheets)
    );
    let admin = app.login(ADMIN_EMAIL, PASSWORD).await;
    let session = squaremile::skillsgame::store::find_by_slug(&app.db, GAME)
        .await
        .unwrap()
        .unwrap();
    let tables = squaremile::skillsgame::store::tables(&app.db, &session.id)
        .await
        .unwrap();
    assert!(session.closed, "the demo's game was last month");
    let html = body(admin.get(&sheets).await).await;
    assert_eq!(
        html.matches("<article class=\"sheet\"").count(),
        tables.len()
    );
    assert!(html.contains("Fixing bikes"));
    assert!(
        !html.contains("<svg"),
        "a closed game's links take no answers"
    );

    sqlx::query("UPDATE game_sessions SET closed = FALSE WHERE id = $1")
        .bind(&session.id)
        .execute(&app.db)
        .await
        .unwrap();
    let html = body(admin.get(&sheets).await).await;
    for table in &tables {
        assert!(html.contains(&format!("Table: {}", table.name)));
        let play = format!("{PUBLIC}/skills-game/play/{}", table.token);
        assert!(html.contains(&qr_path(&play)), "{}'s link", table.name);
    }
}

/// The blank questionnaire asks what the online one asks and names nobody from the map;
/// the capacity inventory asks what the asset form asks.
#[tokio::test]
async fn the_questionnaire_and_the_inventory_are_blank_public_forms() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    let response = visitor
        .get(&format!("/mapping/{MAPPING}/questionnaire"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = body(response).await;
    let exercise = squaremile::mapping::store::find_by_slug(&app.db, MAPPING)
        .await
        .unwrap()
        .unwrap();
    for kind in &exercise.relationship_types {
        assert!(html.contains(kind.as_str()), "{kind}");
    }
    for words in [
        "Your name, or your organisation",
        "How often",
        "Every month",
    ] {
        assert!(html.contains(words), "{words}");
    }
    assert_eq!(html.matches("<tr class=\"write-in\">").count(), 6);
    let nodes = squaremile::mapping::store::nodes(&app.db, &exercise.id)
        .await
        .unwrap();
    assert!(nodes.iter().any(|n| !n.may_be_named()));
    for node in nodes.iter().filter(|n| !n.may_be_named()) {
        assert!(!html.contains(&node.name), "{} did not consent", node.name);
    }

    let map = body(visitor.get("/areas/riverside/assets").await).await;
    let inventory = "/areas/riverside/assets/inventory";
    assert!(map.contains(&format!("href=\"{inventory}\"")));
    let html = body(visitor.get(inventory).await).await;
    for words in [
        "What we can share: Riverside",
        "Fixing bikes",
        "Teach it",
        "Give advice",
        "Space or room",
        "How many people",
        "Group or association",
        "Verified residents of the area",
    ] {
        assert!(html.contains(words), "{words}");
    }
    assert_eq!(
        visitor
            .get("/areas/nowhere/assets/inventory")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

/// The printable pages read in Polish, with no message missing.
#[tokio::test]
async fn printable_pages_speak_polish() {
    let app = TestApp::with_demo().await;
    let visitor = app.client();
    let polish = [("Accept-Language", "pl")];
    // A missing message shows its id.
    let english = include_str!("../../locales/en-GB/paper.ftl");
    let keys: Vec<String> = english
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, _)| key.to_string())
        .collect();
    assert!(keys.len() > 40);
    for (path, words) in [
        (format!("/budgets/{BUDGET}/poster"), "Zeskanuj kod"),
        (format!("/juries/{JURY}/poster"), "Panel obywatelski"),
        (format!("/events/{EVENT}/poster"), "Zeskanuj kod"),
        (format!("/mapping/{MAPPING}/poster"), "Mapa współpracy"),
        (
            format!("/budgets/{BUDGET}/paper-ballot"),
            "Karta do głosowania",
        ),
        (format!("/mapping/{MAPPING}/questionnaire"), "Ankieta:"),
        (format!("/skills-game/{GAME}/cards"), "Karty umiejętności"),
        (
            "/areas/riverside/assets/inventory".to_string(),
            "Czym możemy się dzielić",
        ),
    ] {
        let html = body(visitor.get_with(&path, &polish).await).await;
        assert!(html.contains(words), "{path} says {words}");
        assert!(html.contains("Wydrukuj tę stronę"), "{path}: how to print");
        for key in &keys {
            assert!(!html.contains(key.as_str()), "{path}: {key} is missing");
        }
    }
    let organiser = app.login(&demo_email("amara.okafor"), PASSWORD).await;
    organiser.get("/language/pl?next=%2F").await;
    let sheet = format!("/events/{EVENT}/sign-up-sheet");
    let html = body(organiser.get(&sheet).await).await;
    assert!(html.contains("Lista zapisów"), "the sign-up sheet");
    assert!(html.contains("Zapis przez internet"));
}

/// A4 pages in a PDF: `/Type /Page` objects, not the `/Pages` tree.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    ["/Type /Page", "/Type/Page"]
        .iter()
        .map(|marker| {
            text.match_indices(marker)
                .filter(|(at, _)| !text[at + marker.len()..].starts_with('s'))
                .count()
        })
        .sum()
}

/// What a printable page must be on screen: no serious accessibility fault (axe-core) and
/// nothing wider than a phone's 390 px window.
async fn check_on_a_phone(c: &Browser, base: &str, path: &str, axe: &str) {
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}{path}")).await.unwrap();
    let faults = serious_violations(c, axe).await;
    assert!(faults.is_empty(), "{path}: {faults:?}");
    let widths = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, window) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    assert!(
        scroll <= window + 1,
        "{path} is {scroll} px wide in {window}"
    );
}

/// The page at `path` printed by Chromium on A4 (what the print stylesheet lays out), after
/// checking it on screen; its number of pages.
async fn printed_pages(c: &Browser, base: &str, path: &str, axe: &str) -> usize {
    check_on_a_phone(c, base, path, axe).await;
    c.set_window_size(1200, 900).await.unwrap();
    c.goto(&format!("{base}{path}")).await.unwrap();
    let config = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 0.0,
            bottom: 0.0,
            left: 0.0,
            right: 0.0,
        })
        .shrink_to_fit(false)
        .build()
        .unwrap();
    let pdf = c.print(config).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "{path} printed");
    // To look at them: SQUAREMILE_PAPER_PDF_DIR=/tmp/paper (then pdftoppm, say).
    if let Some(dir) = std::env::var_os("SQUAREMILE_PAPER_PDF_DIR") {
        let name = path.trim_start_matches('/').replace('/', "_") + ".pdf";
        std::fs::write(std::path::Path::new(&dir).join(name), &pdf).unwrap();
    }
    pdf_pages(&pdf)
}

async fn sign_in(c: &Browser, base: &str, email: &str) {
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "email", email).await;
    fill(c, "password", PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, base, "/").await;
}

/// Printed to PDF by Chromium: a poster, a ballot of the demo's budget and a sign-up sheet
/// are one A4 sheet each, and letters one sheet each. Every printable page passes axe-core
/// and fits a phone on screen first.
#[tokio::test]
async fn printed_by_chromium_each_sheet_that_should_be_one_is_one() {
    let test = "printed_by_chromium_each_sheet_that_should_be_one_is_one";
    let Ok(axe) = std::fs::read_to_string(axe_source_path()) else {
        let why = "axe-core not found (run `npm ci` at the repository root)";
        assert!(
            std::env::var("SQUAREMILE_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{why}"
        );
        crate::support::skip(test, why);
        return;
    };
    let axe = &axe;
    let Some(browser) = browser(test).await else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    let base = &app.base;
    let mut measured = Vec::new();
    let one_sheet = [
        format!("/budgets/{BUDGET}/poster"),
        format!("/juries/{JURY}/poster"),
        format!("/events/{EVENT}/poster"),
        format!("/mapping/{MAPPING}/poster"),
        "/events/skills-night-at-brook-fields/poster".to_string(),
        format!("/budgets/{BUDGET}/paper-ballot"),
    ];
    for path in &one_sheet {
        let pages = printed_pages(c, base, path, axe).await;
        measured.push(format!("{path}: {pages}"));
        assert_eq!(pages, 1, "{path} is one A4 sheet");
    }
    // The longest an event's poster can be: every field at its limit, over several days.
    sqlx::query(
        "UPDATE events SET title = $1, place = $2, description = $3, \
         ends_at = starts_at + 3 * 86400000 WHERE slug = $4",
    )
    .bind("Title ".repeat(20))
    .bind("Place ".repeat(33))
    .bind("Description ".repeat(60))
    .bind(EVENT)
    .execute(&app.db)
    .await
    .unwrap();
    let longest = format!("/events/{EVENT}/poster");
    let pages = printed_pages(c, base, &longest, axe).await;
    measured.push(format!("{longest} at every limit: {pages}"));
    assert_eq!(pages, 1, "the longest poster is one A4 sheet");

    for path in [
        format!("/mapping/{MAPPING}/questionnaire"),
        "/areas/riverside/assets/inventory".to_string(),
        format!("/skills-game/{GAME}/cards"),
    ] {
        let pages = printed_pages(c, base, &path, axe).await;
        measured.push(format!("{path}: {pages}"));
        assert!((1..=12).contains(&pages), "{path}: {pages} pages");
    }

    // The event's fields are still at their limits: the sign-up sheet's longest heading,
    // in English and in Polish (whose words are longer).
    sign_in(c, base, &demo_email("amara.okafor")).await;
    let sheet = format!("/events/{EVENT}/sign-up-sheet");
    let pages = printed_pages(c, base, &sheet, axe).await;
    measured.push(format!("{sheet} at every limit: {pages}"));
    assert_eq!(pages, 1, "the sign-up sheet is one A4 sheet");
    c.goto(&format!("{base}/language/pl?next=%2F"))
        .await
        .unwrap();
    for path in [&sheet, &longest] {
        let pages = printed_pages(c, base, path, axe).await;
        measured.push(format!("{path} at every limit, in Polish: {pages}"));
        assert_eq!(pages, 1, "{path} in Polish is one A4 sheet");
    }

    sign_in(c, base, &demo_email("ravi.patel")).await;
    let letters = format!("/juries/{JURY}/letters");
    let pages = printed_pages(c, base, &letters, axe).await;
    measured.push(format!("{letters}: {pages}"));
    assert_eq!(
        pages, 60,
        "one sheet per letter, the screen's heading left out"
    );

    sign_in(c, base, ADMIN_EMAIL).await;
    let sheets = format!("/skills-game/{GAME}/sheets");
    let pages = printed_pages(c, base, &sheets, axe).await;
    measured.push(format!("{sheets}: {pages}"));
    assert!((3..=15).contains(&pages), "{sheets}: {pages} pages");
    eprintln!("pages printed: {}", measured.join(", "));
}
