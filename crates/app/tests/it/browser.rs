//! End-to-end tests in a real headless Chromium (Debian's), driven over WebDriver by
//! chromedriver, plus an automated accessibility check with axe-core. Without Chromium,
//! chromedriver or axe-core they are skipped with a message, unless
//! SQUAREMILE_REQUIRE_BROWSER=1 (as in CI), where a skip is a failure.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::support::{PASSWORD, TestApp, skip};

pub(crate) struct Browser {
    pub(crate) client: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

/// chromedriver, leading a process group of its own which holds the Chromium it started.
struct Driver(Child);

impl Drop for Driver {
    /// Killing chromedriver alone left Chromium running after every test (dozens of them
    /// after a full run), so the whole group goes.
    fn drop(&mut self) {
        if let Some(pid) = self.0.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn find_executable(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

pub(crate) fn axe_source_path() -> PathBuf {
    std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js")
        })
}

/// Starts chromedriver and a headless Chromium, or explains why not.
pub(crate) async fn browser(test: &str) -> Option<Browser> {
    let required = std::env::var("SQUAREMILE_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let chromium = find_executable(&["chromium", "chromium-browser"]);
    let driver = find_executable(&["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let why = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
        assert!(!required, "{test}: {why}");
        skip(test, why);
        return None;
    };
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
        probe.local_addr().unwrap().port()
    };
    let mut driver = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .process_group(0)
        .spawn()
        .expect("starting chromedriver");
    let mut lines = BufReader::new(driver.stdout.take().unwrap()).lines();
    loop {
        match lines.next_line().await.expect("chromedriver output") {
            Some(line) if line.contains("started successfully") => break,
            Some(_) => continue,
            None => panic!("chromedriver exited before it was ready"),
        }
    }
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let profile = tempfile::tempdir().unwrap();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("starting a Chromium session");
    Some(Browser {
        client,
        _driver: Driver(driver),
        _profile: profile,
    })
}

pub(crate) async fn fill(client: &Client, id: &str, text: &str) {
    let field = client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("field #{id}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Clicks the form's submit button, first opening the folded menu it sits in (signing out),
/// as a person would. The click returns before the browser has navigated, so callers then
/// wait for what the next page must show (see [`arrive`]).
pub(crate) async fn submit(client: &Client, form_action: &str) {
    let selector = format!("form[action='{form_action}'] button[type=submit]");
    let button = client
        .find(Locator::Css(&selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"));
    let arg = serde_json::to_value(&button).unwrap();
    client
        .execute(
            "const menu = arguments[0].closest('details'); if (menu) { menu.open = true; }",
            vec![arg],
        )
        .await
        .unwrap();
    button.click().await.unwrap();
}

/// Waits (bounded) until the browser is at `path_and_query` on the app.
pub(crate) async fn arrive(client: &Client, base: &str, path_and_query: &str) {
    let url = format!("{base}{path_and_query}").parse().unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_url(&url)
        .await
        .unwrap_or_else(|e| panic!("never reached {path_and_query}: {e}"));
}

/// Clicks the element with this id after scrolling it to the middle of the window, as a
/// person would, so that a sticky panel at the bottom (the ballot's running total) does not
/// cover it.
async fn click_centred(client: &Client, id: &str) {
    let element = client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    let arg = serde_json::to_value(&element).unwrap();
    client
        .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .unwrap();
    element.click().await.unwrap();
}

async fn heading(client: &Client) -> String {
    client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn path(client: &Client) -> String {
    let url = client.current_url().await.unwrap();
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

#[tokio::test]
async fn the_first_admin_sets_up_signs_in_and_creates_an_area_in_a_browser() {
    let Some(browser) =
        browser("the_first_admin_sets_up_signs_in_and_creates_an_area_in_a_browser").await
    else {
        return;
    };
    let app = TestApp::spawn().await;
    let c = &browser.client;
    c.goto(&app.base).await.unwrap();
    assert_eq!(path(c).await, "/setup");
    fill(c, "display_name", "Ada Admin").await;
    fill(c, "email", "ada@example.org").await;
    fill(c, "password", PASSWORD).await;
    fill(c, "password_confirm", PASSWORD).await;
    submit(c, "/setup").await;
    arrive(c, &app.base, "/areas?notice=welcome-admin").await;

    submit(c, "/logout").await;
    arrive(c, &app.base, "/?notice=signed-out").await;
    c.find(Locator::LinkText("Sign in"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/login").await;
    fill(c, "email", "ada@example.org").await;
    fill(c, "password", PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, "/").await;

    c.goto(&format!("{}/areas", app.base)).await.unwrap();
    c.find(Locator::LinkText("Add an area"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/areas/new").await;
    fill(c, "name", "Millbrook").await;
    fill(c, "description", "A small city on the river.").await;
    submit(c, "/areas/new").await;
    arrive(c, &app.base, "/areas/millbrook?notice=area-created").await;
    assert_eq!(heading(c).await, "Millbrook");

    c.goto(&format!("{}/areas", app.base)).await.unwrap();
    c.find(Locator::LinkText("Millbrook"))
        .await
        .expect("the new area is listed");

    // A form with errors shows the summary and keeps what was typed.
    c.goto(&format!("{}/areas/new", app.base)).await.unwrap();
    submit(c, "/areas/new").await;
    let summary = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".error-summary"))
        .await
        .unwrap();
    let summary = summary.text().await.unwrap();
    assert!(summary.contains("Enter a name."), "{summary}");
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn a_new_resident_registers_and_finds_their_neighbourhood() {
    let Some(browser) = browser("a_new_resident_registers_and_finds_their_neighbourhood").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    c.goto(&app.base).await.unwrap();
    c.find(Locator::Css("main a.button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/register").await;
    assert_eq!(heading(c).await, "Create an account");
    fill(c, "display_name", "Nia Newcomer").await;
    fill(c, "email", "nia@example.org").await;
    fill(c, "password", PASSWORD).await;
    fill(c, "password_confirm", PASSWORD).await;
    c.find(Locator::Id("home_area"))
        .await
        .unwrap()
        .select_by_label("Canal Quarter (North Millbrook)")
        .await
        .unwrap();
    submit(c, "/register").await;
    arrive(c, &app.base, "/register/sent").await;
    assert_eq!(heading(c).await, "Check your email");
    let link = app
        .mail
        .next_to("nia@example.org")
        .await
        .registration_path()
        .expect("the email has the link that finishes registering");
    c.goto(&format!("{}{link}", app.base)).await.unwrap();
    assert_eq!(heading(c).await, "Finish creating your account");
    submit(c, &link).await;
    arrive(c, &app.base, "/areas/canal-quarter?notice=registered").await;
    assert_eq!(heading(c).await, "Canal Quarter");
    let page = c.source().await.unwrap();
    assert!(page.contains("You have said you live here."));
    assert!(
        page.contains("Canal Quarter Residents"),
        "local groups are listed"
    );

    // Searching from the home page finds it too.
    c.goto(&app.base).await.unwrap();
    fill(c, "q", "canal").await;
    c.find(Locator::Css("form[role=search] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/areas?q=canal").await;
    c.find(Locator::Css(".results a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/areas/canal-quarter").await;
    assert_eq!(heading(c).await, "Canal Quarter");
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn a_resident_volunteers_for_a_jury_through_the_invitation_link() {
    let Some(browser) =
        browser("a_resident_volunteers_for_a_jury_through_the_invitation_link").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let jury = squaremile::juries::store::find_by_slug(&app.db, "market-hall-assembly")
        .await
        .unwrap()
        .expect("the demo's open jury");
    let c = &browser.client;
    let link = format!(
        "/juries/market-hall-assembly/join?token={}",
        jury.invite_token
    );
    c.goto(&format!("{}{link}", app.base)).await.unwrap();
    assert_eq!(
        heading(c).await,
        "Volunteer for Riverside Assembly on the Old Market Hall"
    );
    fill(c, "name", "Vera Volunteer").await;
    fill(c, "email", "vera@example.org").await;
    fill(c, "address", "14 Quay Walk").await;
    fill(c, "postcode", "MB2 7RS").await;
    for (field, answer) in [
        ("answer-0", "30-44"),
        ("answer-1", "woman"),
        ("answer-2", "rents privately"),
    ] {
        c.find(Locator::Id(field))
            .await
            .unwrap()
            .select_by_label(answer)
            .await
            .unwrap();
    }
    // Forgetting to consent keeps everything typed and says what is missing.
    submit(c, "/juries/market-hall-assembly/join").await;
    let summary = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".error-summary"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(summary.contains("Tick the box to agree"), "{summary}");
    let kept = c
        .find(Locator::Id("address"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("14 Quay Walk"));
    c.find(Locator::Id("consent"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(c, "/juries/market-hall-assembly/join").await;
    arrive(c, &app.base, "/juries/market-hall-assembly/joined").await;
    assert_eq!(heading(c).await, "Thank you for volunteering");
    browser.client.close().await.unwrap();

    let volunteers = squaremile::juries::store::volunteers(&app.db, &jury.id)
        .await
        .unwrap();
    let vera = volunteers
        .iter()
        .find(|v| v.email == "vera@example.org")
        .expect("Vera is on the list of volunteers");
    assert_eq!(vera.answers, vec![1, 0, 1]);
}

#[tokio::test]
async fn a_resident_answers_the_mapping_questionnaire_and_finds_themself_on_the_map() {
    let Some(browser) =
        browser("a_resident_answers_the_mapping_questionnaire_and_finds_themself_on_the_map").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let admin = app.user_id(squaremile::demo::ADMIN_EMAIL).await;
    let area = app.area_id("canal-quarter").await;
    let exercise = squaremile::mapping::store::NewExercise {
        area_id: &area,
        slug: "canal-connections",
        title: "Canal connections",
        purpose: "",
        invited: "",
        opens_on: "2020-01-01",
        closes_on: "2099-12-31",
        relationship_types: &["We work together".to_string()],
        visibility: squaremile::mapping::store::Visibility::Respondents,
        previous_id: None,
    };
    squaremile::mapping::store::create(&app.db, &exercise, &admin)
        .await
        .unwrap();
    let token = squaremile::mapping::store::find_by_slug(&app.db, "canal-connections")
        .await
        .unwrap()
        .unwrap()
        .invite_token;
    let c = &browser.client;
    c.goto(&format!(
        "{}/mapping/canal-connections/answer?token={token}",
        app.base
    ))
    .await
    .unwrap();
    assert_eq!(heading(c).await, "Canal connections");
    fill(c, "name", "Nadia Newman").await;
    c.find(Locator::Id("consent"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // A group registered on the site (the demo's organisations), so named on the map.
    fill(c, "tie-name-0", "Canal Quarter Residents' Association").await;
    c.find(Locator::Id("tie-kind-0"))
        .await
        .unwrap()
        .select_by_label("An organisation or group")
        .await
        .unwrap();
    fill(c, "tie-name-1", "Lena Lock").await;
    fill(c, "skills", "bike repair").await;
    submit(c, "/mapping/canal-connections/answer").await;
    arrive(
        c,
        &app.base,
        &format!("/mapping/canal-connections/thanks?token={token}"),
    )
    .await;
    c.find(Locator::LinkText("See the map"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(
        c,
        &app.base,
        &format!("/mapping/canal-connections/map?token={token}"),
    )
    .await;
    let table = c
        .find(Locator::Id("map-table"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(table.contains("Nadia Newman"), "{table}");
    assert!(
        table.contains("Canal Quarter Residents' Association"),
        "{table}"
    );
    // Lena was named but never asked: she is a pseudonym, even on the map's drawing.
    assert!(
        !table.contains("Lena Lock") && table.contains("Person 2"),
        "{table}"
    );
    let drawing = c
        .find(Locator::Css("#network-map svg"))
        .await
        .unwrap()
        .html(false)
        .await
        .unwrap();
    assert!(drawing.contains("Nadia Newman") && !drawing.contains("Lena Lock"));
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn a_table_plays_a_skills_game_round_and_sees_its_coverage() {
    let Some(browser) = browser("a_table_plays_a_skills_game_round_and_sees_its_coverage").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    // Amara, a connector in Canal Quarter, sets up tonight's session with one table.
    let amara = app
        .login("amara.okafor@millbrook.example", squaremile::demo::PASSWORD)
        .await;
    let area = app.area_id("canal-quarter").await;
    let created = amara
        .post_form(
            "/skills-game/new",
            &[
                ("title", "Canal skills evening"),
                ("area", &area),
                ("held_on", "2026-12-02"),
                ("tables", "Boat table"),
            ],
        )
        .await;
    assert_eq!(created.status(), reqwest::StatusCode::SEE_OTHER);
    let session = squaremile::skillsgame::store::find_by_slug(&app.db, "canal-skills-evening")
        .await
        .unwrap()
        .expect("the session");
    let table = &squaremile::skillsgame::store::tables(&app.db, &session.id)
        .await
        .unwrap()[0];

    // The phone at the table opens the link and taps one answer per card.
    let c = &browser.client;
    let play = format!("/skills-game/play/{}", table.token);
    c.goto(&format!("{}{play}", app.base)).await.unwrap();
    assert_eq!(heading(c).await, "Fixing bikes");
    // A marker on the page survives the taps only if the page is never reloaded.
    c.execute("window.stillHere = true;", vec![]).await.unwrap();
    for (answer, next) in [
        ("we", "Small jobs around the home"),
        ("friend", "Woodwork and carpentry"),
        ("nobody", "Plumbing"),
        ("we", "Electrical work"),
    ] {
        c.find(Locator::Css(&format!("button[value={answer}]")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(&format!("//h1[text()='{next}']")))
            .await
            .unwrap_or_else(|e| panic!("the card after answering {answer}: {e}"));
    }
    let progress = c
        .find(Locator::Css(".progress"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(progress, "Card 5 of 100");
    let kept = c
        .execute("return window.stillHere === true;", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!(true), "the taps did not reload the page");
    assert_eq!(path(c).await, play);

    // The results: bikes and plumbing we can do, small jobs with a friend, woodwork a gap.
    c.goto(&format!("{}/skills-game/canal-skills-evening", app.base))
        .await
        .unwrap();
    let coverage = c
        .find(Locator::Id("pooled-coverage"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        coverage,
        "Together you can do 2% of the 100 cards, and 3% with friends."
    );
    let gaps = c.find(Locator::Id("gaps")).await.unwrap();
    assert_eq!(gaps.text().await.unwrap(), "Gaps");
    let page = c.source().await.unwrap();
    assert!(page.contains("card=carpentry"), "woodwork is the gap");
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn a_resident_casts_a_knapsack_ballot_and_keeps_the_receipt() {
    let Some(browser) = browser("a_resident_casts_a_knapsack_ballot_and_keeps_the_receipt").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let process = squaremile::budgets::store::find_by_slug(&app.db, "north-millbrook-fund-2027")
        .await
        .unwrap()
        .expect("the demo's process in its voting phase");
    let before = squaremile::budgets::store::turnout(&app.db, &process.id)
        .await
        .unwrap();
    let c = &browser.client;
    c.goto(&format!(
        "{}/login?next=/budgets/north-millbrook-fund-2027/vote",
        app.base
    ))
    .await
    .unwrap();
    fill(c, "email", "amara.okafor@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, "/budgets/north-millbrook-fund-2027/vote").await;
    assert_eq!(
        heading(c).await,
        "Your ballot: North Millbrook Community Fund 2027"
    );

    // Ticking projects keeps the budget left up to date (with JavaScript on).
    for project in ["project-1", "project-3", "project-5"] {
        click_centred(c, project).await;
    }
    let left = c
        .find(Locator::Id("budget-left"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(left, "£14,500", "60,000 less 14,000, 3,500 and 28,000");
    // One more project would overspend: the server refuses and keeps the choices.
    click_centred(c, "project-2").await;
    click_centred(c, "age").await;
    let cast = Locator::Css("button[value=cast]");
    c.find(cast).await.unwrap().click().await.unwrap();
    let summary = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".error-summary"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        summary.contains("more than the budget of £60,000"),
        "{summary}"
    );
    let still_ticked = c
        .find(Locator::Id("project-5"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(still_ticked.as_deref(), Some("true"));
    click_centred(c, "project-2").await;
    c.find(cast).await.unwrap().click().await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("receipt"))
        .await
        .unwrap();
    assert_eq!(heading(c).await, "Thank you: your ballot is cast");
    let receipt = c
        .find(Locator::Id("receipt"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    browser.client.close().await.unwrap();

    let after = squaremile::budgets::store::turnout(&app.db, &process.id)
        .await
        .unwrap();
    assert_eq!((after.0, after.1), (before.0 + 1, before.1 + 1));
    let typed: String = receipt
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let hash = squaremile::web::session::hash_token(&typed);
    let stored = squaremile::budgets::store::ballot_by_receipt(
        &app.db,
        &app.state.ballot_seal,
        &process.id,
        &hash,
    )
    .await
    .unwrap()
    .expect("the receipt finds the ballot");
    assert_eq!(stored.vote, "1,3,5");
}

#[tokio::test]
async fn a_resident_reports_a_problem_and_an_official_answers_it() {
    let Some(browser) = browser("a_resident_reports_a_problem_and_an_official_answers_it").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    let pothole: String =
        sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let old_market = app.area_id("old-market").await;

    // Maureen reports a pothole in Old Market.
    c.goto(&format!("{}/login?next=/reports/new", app.base))
        .await
        .unwrap();
    fill(c, "email", "maureen.fletcher@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, "/reports/new").await;
    let choose = |id: &'static str, value: String| async move {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .select_by_value(&value)
            .await
            .unwrap();
    };
    choose("category", pothole).await;
    choose("area_id", old_market).await;
    fill(c, "title", "Pothole at the market entrance").await;
    fill(c, "description", "Stall holders trip on it every Saturday.").await;
    fill(c, "address", "Market Square, by the fountain").await;
    c.find(Locator::Css("button[name=action][value=send]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("report-status"))
        .await
        .unwrap();
    assert_eq!(heading(c).await, "Pothole at the market entrance");
    let report_path = path(c).await;
    let report_path = report_path.split('?').next().unwrap().to_string();
    assert!(
        c.source()
            .await
            .unwrap()
            .contains("Millbrook Council: Highways and Streets"),
        "routed to Highways"
    );
    submit(c, "/logout").await;
    arrive(c, &app.base, "/?notice=signed-out").await;

    // Tom, a Highways official, acknowledges it with a public reply.
    c.goto(&format!("{}/login?next={report_path}", app.base))
        .await
        .unwrap();
    fill(c, "email", "tom.hughes@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, &report_path).await;
    choose("status", "acknowledged".to_string()).await;
    fill(c, "body", "Thanks, Maureen: a crew will fill it on Monday.").await;
    submit(c, &format!("{report_path}/updates")).await;
    arrive(
        c,
        &app.base,
        &format!("{report_path}?notice=report-updated#updates"),
    )
    .await;
    let page = c.source().await.unwrap();
    browser.client.close().await.unwrap();
    assert!(page.contains("a crew will fill it on Monday"), "{page}");
    let stored: (String, Option<i64>) = sqlx::query_as(
        "SELECT status, responded_at FROM reports WHERE title = 'Pothole at the market entrance'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stored.0, "acknowledged");
    assert!(stored.1.is_some(), "the first answer is recorded");
}

/// A resident drops a pin on the report form's map: the coordinates and the area are filled
/// in from the point (the area the site's own lookup finds), and the report then appears on
/// the reports map.
#[tokio::test]
async fn a_resident_drops_a_pin_and_finds_the_report_on_the_map() {
    let Some(browser) = browser("a_resident_drops_a_pin_and_finds_the_report_on_the_map").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    c.goto(&format!("{}/login?next=/reports/new", app.base))
        .await
        .unwrap();
    fill(c, "email", "maureen.fletcher@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, "/reports/new").await;
    let pothole: String =
        sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    c.find(Locator::Id("category"))
        .await
        .unwrap()
        .select_by_value(&pothole)
        .await
        .unwrap();
    fill(c, "title", "Loose paving slab by the bench").await;
    fill(c, "description", "It rocks when you step on it.").await;
    // The interactive map replaces the drawn one; a click on it is the pin.
    let live = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#report-place-map .place-map-live"))
        .await
        .expect("the interactive map");
    let arg = serde_json::to_value(&live).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .unwrap();
    live.click().await.unwrap();
    let value = |id: &'static str| async move {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    let lat: f64 = value("latitude")
        .await
        .parse()
        .expect("a latitude from the pin");
    let lon: f64 = value("longitude")
        .await
        .parse()
        .expect("a longitude from the pin");
    // The area list follows the point to the innermost area holding it.
    let innermost = squaremile::areas::places::areas_at(&app.state, lat, lon)
        .into_iter()
        .next()
        .expect("the city's middle is inside an area");
    let innermost_id = app.area_id(&innermost.slug).await;
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(&format!(
            "#area_id option[value='{innermost_id}']:checked"
        )))
        .await
        .unwrap_or_else(|e| panic!("the area was not set to {}: {e}", innermost.name));
    // Sent; if open potholes are close by, the form first offers them, and sending again
    // says it is a different problem.
    for _ in 0..2 {
        // Marks the page being left, so only the next page's elements count.
        c.execute("document.body.setAttribute('data-left', '1');", vec![])
            .await
            .unwrap();
        c.find(Locator::Css("button[name=action][value=send]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let found = c
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(
                "body:not([data-left]) #report-status, body:not([data-left]) #nearby-heading, \
                 body:not([data-left]) #error-summary-title",
            ))
            .await
            .ok();
        if found.is_none() {
            let source = c.source().await.unwrap();
            let title = &source[source.find("<title>").unwrap_or(0)..];
            panic!(
                "after sending, at {}: {}",
                path(c).await,
                &title[..title.len().min(300)]
            );
        }
        if let Ok(summary) = c.find(Locator::Css(".error-summary")).await {
            panic!("the form refused: {}", summary.text().await.unwrap());
        }
        if c.find(Locator::Id("report-status")).await.is_ok() {
            break;
        }
    }
    assert_eq!(heading(c).await, "Loose paving slab by the bench");
    // The reports map of the report's area marks it, by its title.
    c.goto(&format!("{}/reports?area={innermost_id}", app.base))
        .await
        .unwrap();
    let source = c.source().await.unwrap();
    assert!(
        source.contains("<title>Loose paving slab by the bench</title>"),
        "the report is not on the map"
    );
    // On the area's page, the interactive map stretches only itself: the legend's swatches
    // and the map library's own small pictures keep their size (a rule for every SVG in
    // the map's frame once blew them up to the frame's width, hiding the map).
    c.goto(&format!("{}/areas/{}", app.base, innermost.slug))
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#area-map .place-map-live"))
        .await
        .expect("the area's interactive map");
    let widths = c
        .execute(
            "return Array.from(document.querySelectorAll('#area-map svg:not(.place-map)')) \
               .filter(s => !s.closest('.leaflet-overlay-pane')) \
               .map(s => s.getBoundingClientRect().width);",
            vec![],
        )
        .await
        .unwrap();
    let widths: Vec<f64> = serde_json::from_value(widths).unwrap();
    assert!(!widths.is_empty(), "the legend's swatches");
    assert!(widths.iter().all(|w| *w <= 24.0), "{widths:?}");
}

#[tokio::test]
async fn residents_pitch_and_join_open_space_sessions_in_a_browser() {
    let Some(browser) = browser("residents_pitch_and_join_open_space_sessions_in_a_browser").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    let event = "/events/our-high-street-open-space";

    // Edith pitches a session on the open space's board.
    c.goto(&format!("{}/login?next={event}", app.base))
        .await
        .unwrap();
    fill(c, "email", "edith.marsh@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, event).await;
    fill(c, "topic", "Benches along the high street").await;
    fill(c, "spot", "By the stage").await;
    submit(c, &format!("{event}/sessions")).await;
    let session: String = {
        c.wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(".notice"))
            .await
            .unwrap();
        sqlx::query_scalar("SELECT id FROM open_space_sessions WHERE topic = $1")
            .bind("Benches along the high street")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    arrive(
        c,
        &app.base,
        &format!("{event}?notice=event-session-pitched#session-{session}"),
    )
    .await;
    submit(c, "/logout").await;
    arrive(c, &app.base, "/?notice=signed-out").await;

    // Winston joins it.
    c.goto(&format!("{}/login?next={event}", app.base))
        .await
        .unwrap();
    fill(c, "email", "winston.campbell@millbrook.example").await;
    fill(c, "password", squaremile::demo::PASSWORD).await;
    submit(c, "/login").await;
    arrive(c, &app.base, event).await;
    submit(c, &format!("/open-space/{session}/join")).await;
    arrive(
        c,
        &app.base,
        &format!("{event}?notice=event-session-joined#session-{session}"),
    )
    .await;
    let card = c
        .find(Locator::Id(&format!("session-{session}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    browser.client.close().await.unwrap();
    assert!(card.contains("Benches along the high street"), "{card}");
    assert!(
        card.contains("hosted by Edith Marsh") && card.contains("2 people"),
        "{card}"
    );
    assert!(card.contains("You are in this group."), "{card}");
}

/// Runs axe-core on the current page; returns serious and critical violations.
pub(crate) async fn serious_violations(client: &Client, axe_source: &str) -> Vec<Value> {
    client
        .execute(axe_source, vec![])
        .await
        .expect("loading axe-core");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.html) }))))
                .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e) }]));",
            vec![],
        )
        .await
        .expect("running axe-core");
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect()
}

#[tokio::test]
async fn key_pages_pass_the_accessibility_check() {
    let axe_path = axe_source_path();
    let Ok(axe_source) = std::fs::read_to_string(&axe_path) else {
        let why = format!(
            "axe-core not found at {} (run `npm ci` at the repository root)",
            axe_path.display()
        );
        assert!(
            std::env::var("SQUAREMILE_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{why}"
        );
        skip("key_pages_pass_the_accessibility_check", &why);
        return;
    };
    let Some(browser) = browser("key_pages_pass_the_accessibility_check").await else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    // First prove the checker bites: a field without a label is a critical violation.
    c.goto("data:text/html,<!doctype html><html lang=en><title>t</title><main><input type=text></main></html>").await.unwrap();
    let planted = serious_violations(c, &axe_source).await;
    assert!(
        planted.iter().any(|v| v["id"] == "label"),
        "axe-core did not run: {planted:?}"
    );

    let mut failures = Vec::new();
    for page in [
        "/",
        "/login",
        "/register",
        "/areas",
        "/areas/canal-quarter",
        "/organisations",
        "/password/forgot",
        "/juries",
        "/juries/streets-for-people",
        "/jury-code",
        "/mapping",
        "/mapping/who-makes-millbrook-work",
        "/mapping/who-makes-millbrook-work/map",
        "/mapping/who-makes-millbrook-work/insights",
        "/mapping/who-makes-millbrook-work/compare",
        "/budgets",
        "/budgets/north-millbrook-fund-2027",
        "/budgets/north-millbrook-fund-2027/projects/1",
        "/budgets/north-millbrook-fund-2027/receipt",
        "/budgets/riverside-small-grants-2026/results",
        "/assets",
        "/areas/riverside/assets",
        "/skills",
        "/skills-game",
        "/skills-game/brook-fields-skills-night",
        "/help",
        "/help?q=brakes",
        "/projects",
        "/projects/brook-fields-food-bank-van",
        "/reports",
        "/organisations/millbrook-highways/reports",
        "/stories",
        "/widget/organisations/millbrook-homes/stories",
        "/representatives",
        "/conversations",
        "/methods",
        "/methods/open-space",
        "/events",
        "/events/our-high-street-open-space",
        "/events/street-tea-on-weavers-row",
        "/areas/millbrook/dashboard",
        "/providers",
        "/providers/bodies",
    ] {
        c.goto(&format!("{}{page}", app.base)).await.unwrap();
        for violation in serious_violations(c, &axe_source).await {
            failures.push(format!("{page}: {violation}"));
        }
    }
    let jury = squaremile::juries::store::find_by_slug(&app.db, "market-hall-assembly")
        .await
        .unwrap()
        .expect("the demo's open jury");
    let join = format!(
        "/juries/market-hall-assembly/join?token={}",
        jury.invite_token
    );
    c.goto(&format!("{}{join}", app.base)).await.unwrap();
    for violation in serious_violations(c, &axe_source).await {
        failures.push(format!("{join}: {violation}"));
    }
    let answered: String =
        sqlx::query_scalar("SELECT id FROM reports WHERE status = 'fixed' ORDER BY created_at")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let report = format!("/reports/{answered}");
    c.goto(&format!("{}{report}", app.base)).await.unwrap();
    for violation in serious_violations(c, &axe_source).await {
        failures.push(format!("{report}: {violation}"));
    }
    // A form showing its errors must be accessible too.
    c.goto(&format!("{}/register", app.base)).await.unwrap();
    submit(c, "/register").await;
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".error-summary"))
        .await
        .unwrap();
    for violation in serious_violations(c, &axe_source).await {
        failures.push(format!("/register (with errors): {violation}"));
    }
    browser.client.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "accessibility violations:\n{}",
        failures.join("\n")
    );
}

/// Signs in through the form in the browser and waits to be at `next`.
async fn sign_in(client: &Client, base: &str, email: &str, next: &str) {
    client
        .goto(&format!("{base}/login?next={next}"))
        .await
        .unwrap();
    fill(client, "email", email).await;
    fill(client, "password", PASSWORD).await;
    submit(client, "/login").await;
    arrive(client, base, next).await;
}

async fn sign_out(client: &Client, base: &str) {
    submit(client, "/logout").await;
    arrive(client, base, "/?notice=signed-out").await;
}

/// Opens the site's menu and follows one of its links, as a person would.
async fn follow_menu(client: &Client, href: &str) {
    client
        .find(Locator::Css("details.nav-menu > summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css(&format!("details.nav-menu a[href='{href}']")))
        .await
        .unwrap_or_else(|e| panic!("the menu's link to {href}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn choose(client: &Client, id: &str, value: &str) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("#{id} = {value}: {e}"));
}

async fn notice(client: &Client) -> String {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".notice"))
        .await
        .expect("a notice")
        .text()
        .await
        .unwrap()
}

/// Issue 30's whole path, in the browser: a site admin marks an organisation as an
/// accrediting body, its admin writes the standard, a person applies as a provider with a
/// service and uploads a PNG as evidence, an official of the body accepts the check and
/// grants accreditation, and a resident finds the provider from the home page's menu,
/// filters the directory by area and kind of service, opens the provider's page and writes
/// to them through the site (the provider is emailed without the resident's address).
#[tokio::test]
async fn a_provider_is_accredited_and_a_resident_finds_and_contacts_them_in_a_browser() {
    let Some(browser) =
        browser("a_provider_is_accredited_and_a_resident_finds_and_contacts_them_in_a_browser")
            .await
    else {
        return;
    };
    let app = TestApp::spawn().await;
    let c = &browser.client;
    let base = app.base.as_str();

    // Accounts, areas and the body's organisation, through the forms (the support helpers).
    let admin = app.admin().await;
    for (parent, name) in [("", "Millbrook"), ("millbrook", "Riverside")] {
        let made = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(made.status(), reqwest::StatusCode::SEE_OTHER, "{name}");
    }
    let millbrook = app.area_id("millbrook").await;
    let riverside = app.area_id("riverside").await;
    // Millbrook's boundary, so the provider's place can be picked on its map.
    let boundary = r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-2.0,51.0],[-1.9,51.0],[-1.9,51.1],[-2.0,51.1],[-2.0,51.0]]]}}"#;
    let saved = admin
        .post_multipart(
            "/areas/millbrook/boundary",
            &[("text", boundary), ("match_by", "")],
            &[],
        )
        .await;
    assert_eq!(saved.status(), reqwest::StatusCode::SEE_OTHER);
    let bea = app.register("Bea Body", "bea@example.org", "").await;
    app.register("Olu Official", "olu@example.org", "").await;
    app.register("Pat Provider", "pat@example.org", "").await;
    app.register("Rita Resident", "rita@example.org", "").await;
    let org = bea
        .post_form(
            "/organisations/new",
            &[("name", "Community Catalysts"), ("kind", "charity")],
        )
        .await;
    assert_eq!(org.status(), reqwest::StatusCode::SEE_OTHER);
    let member = bea
        .post_form(
            "/organisations/community-catalysts/members",
            &[("email", "olu@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(member.status(), reqwest::StatusCode::SEE_OTHER);

    // The site admin marks Community Catalysts as the accrediting body for Millbrook.
    sign_in(c, base, "admin@example.org", "/providers/bodies").await;
    choose(c, "organisation", "community-catalysts").await;
    choose(c, "area", &millbrook).await;
    submit(c, "/providers/bodies").await;
    arrive(c, base, "/providers/bodies?notice=provider-body-marked").await;
    sign_out(c, base).await;

    // Bea, its admin, writes the standard: one check.
    sign_in(c, base, "bea@example.org", "/providers/bodies").await;
    c.find(Locator::LinkText("Community Catalysts"))
        .await
        .expect("the body is listed")
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("check_name"))
        .await
        .expect("the standard's form");
    let body_path = path(c).await;
    fill(c, "check_name", "Public liability insurance").await;
    fill(c, "check_evidence", "A copy of the certificate.").await;
    fill(c, "check_months", "12").await;
    submit(c, &format!("{body_path}/checks")).await;
    arrive(
        c,
        base,
        &format!("{body_path}?notice=provider-check-added#standard"),
    )
    .await;
    let standard = c
        .find(Locator::Id("checks"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        standard.contains("Public liability insurance") && standard.contains("12 months"),
        "{standard}"
    );
    sign_out(c, base).await;
    let check: String = sqlx::query_scalar("SELECT id FROM accreditation_checks WHERE name = $1")
        .bind("Public liability insurance")
        .fetch_one(&app.db)
        .await
        .unwrap();

    // Pat applies from the directory's link, with a care service in Riverside.
    sign_in(c, base, "pat@example.org", "/").await;
    follow_menu(c, "/providers").await;
    arrive(c, base, "/providers").await;
    c.find(Locator::LinkText("Apply for accreditation"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, base, "/providers/apply").await;
    c.find(Locator::Id("body"))
        .await
        .unwrap()
        .select_by_label("Community Catalysts (Millbrook)")
        .await
        .unwrap();
    fill(c, "provider_about", "Twenty years as a care worker.").await;
    choose(c, "service_kind", "care").await;
    fill(c, "service_what", "Help with washing and dressing").await;
    choose(c, "service_area", &riverside).await;
    fill(c, "service_for", "Older people at home").await;
    fill(c, "service_price", "£15 an hour").await;
    c.find(Locator::Id("weekdays"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(c, "/providers/apply").await;
    let applied = notice(c).await;
    assert!(applied.contains("Your application is sent"), "{applied}");
    let application_path = path(c).await;
    let application_path = application_path.split('?').next().unwrap().to_string();
    let application_id = application_path
        .strip_prefix("/providers/applications/")
        .expect("at the application's page")
        .to_string();

    // Pat uploads the insurance certificate (a scan, as a PNG).
    let files = tempfile::tempdir().unwrap();
    let scan = files.path().join("insurance.png");
    std::fs::write(&scan, crate::photos::png(24, 16)).unwrap();
    c.find(Locator::Id(&format!("file-{check}")))
        .await
        .unwrap()
        .send_keys(&scan.display().to_string())
        .await
        .unwrap();
    fill(c, &format!("note-{check}"), "Valid until next spring.").await;
    c.find(Locator::Css(&format!(
        "form[action^='{application_path}/checks/{check}/evidence'] button[type=submit]"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    arrive(
        c,
        base,
        &format!("{application_path}?notice=provider-evidence-added#check-{check}"),
    )
    .await;
    c.find(Locator::LinkText("insurance.png"))
        .await
        .expect("the evidence is listed for the provider");
    // Pat says where they work from by clicking the body's area on the picker map.
    let live = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#provider-place-map .place-map-live"))
        .await
        .expect("the interactive picker map");
    let arg = serde_json::to_value(&live).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .unwrap();
    live.click().await.unwrap();
    let picked = c
        .find(Locator::Id("latitude"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    let picked: f64 = picked.parse().expect("a latitude from the click");
    assert!((51.0..51.1).contains(&picked), "{picked}");
    submit(c, &format!("{application_path}/place")).await;
    arrive(
        c,
        base,
        &format!("{application_path}?notice=provider-place-saved#place"),
    )
    .await;
    // Not accredited yet: not in the directory.
    c.goto(&format!("{base}/providers")).await.unwrap();
    c.find(Locator::Id("no-providers"))
        .await
        .expect("the directory is empty before accreditation");
    sign_out(c, base).await;

    // Olu, an official of the body, accepts the check and grants accreditation.
    sign_in(c, base, "olu@example.org", "/providers/assess").await;
    c.find(Locator::LinkText("Pat Provider"))
        .await
        .expect("the application waits on the assessors' page")
        .click()
        .await
        .unwrap();
    arrive(c, base, &application_path).await;
    c.find(Locator::LinkText("insurance.png"))
        .await
        .expect("the assessor sees the evidence");
    submit(c, &format!("{application_path}/checks/{check}/review")).await;
    arrive(
        c,
        base,
        &format!("{application_path}?notice=provider-check-reviewed#check-{check}"),
    )
    .await;
    fill(c, "decision_reason", "Every check is in order.").await;
    submit(c, &format!("{application_path}/decision")).await;
    arrive(
        c,
        base,
        &format!("{application_path}?notice=provider-granted"),
    )
    .await;
    sign_out(c, base).await;

    // Rita, a resident, finds Pat from the home page's menu and filters the directory.
    sign_in(c, base, "rita@example.org", "/").await;
    follow_menu(c, "/providers").await;
    arrive(c, base, "/providers").await;
    // Pat is a mark on the directory's map, where Pat said they work from.
    let directory = c.source().await.unwrap();
    assert!(
        directory.contains("<title>Pat Provider</title>"),
        "on the directory's map"
    );
    choose(c, "area", "riverside").await;
    choose(c, "kind", "care").await;
    choose(c, "available", "weekdays").await;
    submit(c, "/providers").await;
    arrive(
        c,
        base,
        "/providers?area=riverside&kind=care&available=weekdays",
    )
    .await;
    let listed = c
        .find(Locator::Id("providers"))
        .await
        .expect("the directory lists a provider")
        .text()
        .await
        .unwrap();
    assert!(
        listed.contains("Help with washing and dressing")
            && listed.contains("£15 an hour")
            && listed.contains("Community Catalysts"),
        "{listed}"
    );
    // Another kind of service finds nobody.
    choose(c, "kind", "handyman").await;
    submit(c, "/providers").await;
    arrive(
        c,
        base,
        "/providers?area=riverside&kind=handyman&available=weekdays",
    )
    .await;
    c.find(Locator::Id("no-providers")).await.unwrap();
    c.back().await.unwrap();
    arrive(
        c,
        base,
        "/providers?area=riverside&kind=care&available=weekdays",
    )
    .await;
    c.find(Locator::LinkText("Pat Provider"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let provider_path = format!("/providers/{application_id}");
    arrive(c, base, &provider_path).await;
    assert_eq!(heading(c).await, "Pat Provider");
    let page = c.source().await.unwrap();
    assert!(
        page.contains("Public liability insurance") && !page.contains("insurance.png"),
        "what was checked is public, never the evidence"
    );
    assert!(!page.contains("pat@example.org"), "no address is shown");
    fill(
        c,
        "contact_message",
        "Could you help my father on Tuesday mornings?",
    )
    .await;
    submit(c, &format!("{provider_path}/contact")).await;
    arrive(
        c,
        base,
        &format!("{provider_path}?notice=provider-message-sent"),
    )
    .await;
    browser.client.close().await.unwrap();

    // Pat is emailed the message, without Rita's address.
    let mut mail = app.mail.next_to("pat@example.org").await.text();
    while !mail.contains("Tuesday mornings") {
        mail = app.mail.next_to("pat@example.org").await.text();
    }
    assert!(mail.contains("Rita Resident"), "{mail}");
    assert!(!mail.contains("rita@example.org"), "{mail}");
}

/// Issue 28: a connector types a paper form into the site with the keyboard alone, prints
/// the resident's slip, and the resident later claims the report with the slip's code.
#[tokio::test]
async fn a_connector_enters_a_paper_form_by_keyboard_and_the_resident_claims_it() {
    let Some(browser) =
        browser("a_connector_enters_a_paper_form_by_keyboard_and_the_resident_claims_it").await
    else {
        return;
    };
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    let canal = app.area_id("canal-quarter").await;
    let pothole: String =
        sqlx::query_scalar("SELECT id FROM report_categories WHERE code = 'potholes'")
            .fetch_one(&app.db)
            .await
            .unwrap();

    // Amara, a connector, starts from "Your work".
    demo_sign_in(c, &app.base, "amara.okafor@millbrook.example", "/work").await;
    follow(c, &app.base, "a[href='/assist']", "/assist").await;
    follow(c, &app.base, "a[href='/assist/report']", "/assist/report").await;
    // The keyboard alone: each field reached with Tab from the first.
    type_doris(c).await;
    choose(c, "category", &pothole).await;
    choose(c, "area", &canal).await;
    let title = c.find(Locator::Id("title")).await.unwrap();
    title.click().await.unwrap();
    title
        .send_keys(&format!(
            "Hole in the towpath{TAB}Near the lock gates, deep after rain.{TAB}Canal towpath{ENTER}"
        ))
        .await
        .unwrap();
    let code = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("claim-code"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(code.len(), 11, "{code}");
    // The next empty form waits, with its first field to hand.
    assert_eq!(
        c.find(Locator::Id("title"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("")
    );

    // Doris also offers help: the offer form, opened for someone from the same page.
    follow(c, &app.base, "p.breadcrumbs a[href='/assist']", "/assist").await;
    let offer = "/help/new?for_someone=1&kind=offer";
    follow(c, &app.base, &format!("a[href='{offer}']"), offer).await;
    type_doris(c).await;
    choose(c, "area", &canal).await;
    let title = c.find(Locator::Id("title")).await.unwrap();
    title.click().await.unwrap();
    title
        .send_keys(&format!("Knitting lessons{ENTER}"))
        .await
        .unwrap();
    let offer_code = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("claim-code"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_ne!(offer_code, code);
    // The slip page leads to the next empty form.
    c.find(Locator::Id("enter-another")).await.unwrap();
    submit(c, "/logout").await;
    arrive(c, &app.base, "/?notice=signed-out").await;

    // Doris, now with an account, claims it from her account page.
    demo_sign_in(
        c,
        &app.base,
        "maureen.fletcher@millbrook.example",
        "/account",
    )
    .await;
    c.find(Locator::Css("a[href='/claim']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, &app.base, "/claim").await;
    fill(c, "code", &code).await;
    submit(c, "/claim").await;
    let claimed = notice(c).await;
    assert!(claimed.contains("It is yours now"), "{claimed}");
    let page = c.source().await.unwrap();
    // The offer's code, at the same place: it leads to the offer, now hers.
    c.goto(&format!("{}/claim", app.base)).await.unwrap();
    fill(c, "code", &offer_code).await;
    submit(c, "/claim").await;
    let claimed = notice(c).await;
    assert!(claimed.contains("It is yours now"), "{claimed}");
    let offer_page = c.source().await.unwrap();
    browser.client.close().await.unwrap();
    assert!(page.contains("Hole in the towpath"), "{page}");
    assert!(page.contains("Entered with help"), "{page}");
    assert!(offer_page.contains("Knitting lessons"), "{offer_page}");
    assert!(offer_page.contains("Entered with help"), "{offer_page}");
    let doris = app.user_id("maureen.fletcher@millbrook.example").await;
    for sql in [
        "SELECT author_id FROM reports WHERE title = 'Hole in the towpath'",
        "SELECT owner_id FROM help_posts WHERE title = 'Knitting lessons'",
    ] {
        let owner: Option<String> = sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap();
        assert_eq!(owner.as_ref(), Some(&doris), "{sql}");
    }
}

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";

/// Types the "for someone" part of a form with the keyboard alone, from its first field.
async fn type_doris(c: &Client) {
    let first = c.find(Locator::Id("person_name")).await.unwrap();
    first.click().await.unwrap();
    first
        .send_keys(&format!(
            "Doris Webb{TAB}0161 496 0123{TAB}{TAB}Signed the paper form{TAB}"
        ))
        .await
        .unwrap();
}

/// Clicks the link `css` and waits to be at `path`.
async fn follow(c: &Client, base: &str, css: &str, path: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    arrive(c, base, path).await;
}

/// Signs a demo person in through the form and waits to be at `next`.
async fn demo_sign_in(client: &Client, base: &str, email: &str, next: &str) {
    client
        .goto(&format!("{base}/login?next={next}"))
        .await
        .unwrap();
    fill(client, "email", email).await;
    fill(client, "password", squaremile::demo::PASSWORD).await;
    submit(client, "/login").await;
    arrive(client, base, next).await;
}
