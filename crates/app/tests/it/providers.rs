//! Micro-providers and their accreditation (issue 30): bodies and standards, applying with
//! private evidence, assessing, the directory and its filters, lapsing and its reminder,
//! contact without addresses, open data.

use std::time::Duration;

use reqwest::StatusCode;
use sqlx::Row;

use crate::support::{Client, TestApp, assert_no_formulas, body, location};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const DAY: Duration = Duration::from_secs(24 * 3600);

/// A date `days` from now, as a date field sends it.
fn in_days(days: i64) -> String {
    let date = (time::OffsetDateTime::now_utc() + time::Duration::days(days)).date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

async fn one(app: &TestApp, sql: &str, arg: &str) -> String {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(arg.to_string())
        .fetch_one(&app.db)
        .await
        .expect("query")
        .get::<String, _>(0)
}

/// A site with an accrediting body ("Community Catalysts", administered by Bea, with Olu as
/// an official) for Millbrook, its standard (insurance for 12 months, a criminal-record
/// check for 36), and a provider, Pat, registered.
struct World {
    app: TestApp,
    admin: Client,
    bea: Client,
    olu: Client,
    pat: Client,
    body_id: String,
    insurance: String,
    dbs: String,
}

async fn world() -> World {
    world_with(|_| {}).await
}

async fn world_with(adjust: impl FnOnce(&mut squaremile::config::Config)) -> World {
    let app = TestApp::spawn_with(adjust).await;
    let admin = app.admin().await;
    for (parent, name) in [
        ("", "Millbrook"),
        ("millbrook", "Riverside"),
        ("", "Eastfield"),
    ] {
        let made = admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
        assert_eq!(made.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let bea = app.register("Bea Body", "bea@example.org", "").await;
    let olu = app.register("Olu Official", "olu@example.org", "").await;
    let pat = app.register("Pat Provider", "pat@example.org", "").await;
    let org = bea
        .post_form(
            "/organisations/new",
            &[("name", "Community Catalysts"), ("kind", "charity")],
        )
        .await;
    assert_eq!(org.status(), StatusCode::SEE_OTHER);
    let member = bea
        .post_form(
            "/organisations/community-catalysts/members",
            &[("email", "olu@example.org"), ("role", "official")],
        )
        .await;
    assert_eq!(member.status(), StatusCode::SEE_OTHER);

    // Only a site admin marks a body.
    let millbrook = app.area_id("millbrook").await;
    let fields = [
        ("organisation", "community-catalysts"),
        ("area", millbrook.as_str()),
    ];
    let refused = bea.post_form("/providers/bodies", &fields).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let marked = admin.post_form("/providers/bodies", &fields).await;
    assert_eq!(
        location(&marked),
        "/providers/bodies?notice=provider-body-marked"
    );
    let body_id = one(
        &app,
        "SELECT b.id FROM accrediting_bodies b JOIN organisations o ON o.id = b.organisation_id \
         WHERE o.slug = $1",
        "community-catalysts",
    )
    .await;

    // Only the body's admins write its standard.
    let check = [
        ("check_name", "Public liability insurance"),
        ("check_evidence", "A copy of the certificate."),
        ("check_months", "12"),
    ];
    let path = format!("/providers/bodies/{body_id}/checks");
    assert_eq!(
        olu.post_form(&path, &check).await.status(),
        StatusCode::FORBIDDEN
    );
    let bad = bea
        .post_form(&path, &[("check_name", ""), ("check_months", "0")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bea.post_form(&path, &check).await.status(),
        StatusCode::SEE_OTHER
    );
    let added = bea
        .post_form(
            &path,
            &[
                ("check_name", "Criminal-record check"),
                ("check_evidence", "An enhanced DBS certificate."),
                ("check_months", "36"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let insurance = one(
        &app,
        "SELECT id FROM accreditation_checks WHERE name = $1",
        "Public liability insurance",
    )
    .await;
    let dbs = one(
        &app,
        "SELECT id FROM accreditation_checks WHERE name = $1",
        "Criminal-record check",
    )
    .await;
    let standard = body(
        app.client()
            .get(&format!("/providers/bodies/{body_id}"))
            .await,
    )
    .await;
    assert!(
        standard.contains("Public liability insurance") && standard.contains("36 months"),
        "the standard is public: {standard}"
    );
    World {
        app,
        admin,
        bea,
        olu,
        pat,
        body_id,
        insurance,
        dbs,
    }
}

/// `client` applies as themselves with one care service in Riverside on weekdays.
async fn apply(w: &World, client: &Client, name: &str) -> String {
    let riverside = w.app.area_id("riverside").await;
    let applied = client
        .post_form(
            "/providers/apply",
            &[
                ("body", w.body_id.as_str()),
                ("applicant", ""),
                ("provider_name", name),
                ("provider_about", "Twenty years as a care worker."),
                ("service_kind", "care"),
                ("service_what", "Help with washing and dressing"),
                ("service_area", riverside.as_str()),
                ("service_for", "Older people at home"),
                ("service_price", "£15 an hour"),
                ("weekdays", "yes"),
            ],
        )
        .await;
    assert_eq!(
        applied.status(),
        StatusCode::SEE_OTHER,
        "applying as {name}"
    );
    let to = location(&applied);
    to.trim_start_matches("/providers/applications/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn send_pdf(client: &Client, id: &str, check: &str, note: &str) -> reqwest::Response {
    client
        .post_files(
            &format!("/providers/applications/{id}/checks/{check}/evidence"),
            &[("evidence_note", note)],
            &[("evidence_file", "certificate.pdf", PDF)],
        )
        .await
}

async fn accept(client: &Client, id: &str, check: &str, until: &str) -> reqwest::Response {
    client
        .post_form(
            &format!("/providers/applications/{id}/checks/{check}/review"),
            &[("outcome", "accept"), ("review_expires", until)],
        )
        .await
}

const DECISION_REASON: &str = "Every check is in order.";

async fn decide(client: &Client, id: &str, decision: &str) -> reqwest::Response {
    client
        .post_form(
            &format!("/providers/applications/{id}/decision"),
            &[("decision", decision), ("decision_reason", DECISION_REASON)],
        )
        .await
}

async fn status_of(app: &TestApp, id: &str) -> String {
    one(
        app,
        "SELECT status FROM provider_applications WHERE id = $1",
        id,
    )
    .await
}

/// Pat applied, sent evidence for both checks, and Bea accepted them (insurance until
/// `insurance_days` from now) and granted accreditation.
async fn accredited(w: &World, insurance_days: i64) -> String {
    let id = apply(w, &w.pat, "Pat's Care").await;
    assert_eq!(
        send_pdf(&w.pat, &id, &w.insurance, "Policy 123")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send_pdf(&w.pat, &id, &w.dbs, "").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        accept(&w.bea, &id, &w.insurance, &in_days(insurance_days))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        accept(&w.bea, &id, &w.dbs, &in_days(700)).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::SEE_OTHER
    );
    id
}

#[tokio::test]
async fn providers_apply_are_assessed_and_granted_only_when_every_check_passes() {
    let w = world().await;
    let id = apply(&w, &w.pat, "Pat's Care").await;
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(
        page.contains("Public liability insurance") && page.contains("No evidence yet"),
        "{page}"
    );
    // Applying twice to the same body is refused with the form kept.
    let riverside = w.app.area_id("riverside").await;
    let again = w
        .pat
        .post_form(
            "/providers/apply",
            &[
                ("body", w.body_id.as_str()),
                ("provider_name", "Pat again"),
                ("provider_about", "Still me."),
                ("service_kind", "care"),
                ("service_what", "Shopping"),
                ("service_area", riverside.as_str()),
                ("service_for", "Anyone"),
                ("service_price", "£10"),
                ("weekends", "yes"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body(again).await.contains("Pat again"),
        "what was typed is kept"
    );

    // Missing evidence blocks granting, and nothing changes.
    // The page comes back with why beside the decision and the reason as typed.
    let early = decide(&w.bea, &id, "grant").await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let early = body(early).await;
    assert!(
        early.contains("every check must be accepted")
            && early.contains("id=\"decision-error\"")
            && early.contains("href=\"#decision\"")
            && early.contains(DECISION_REASON),
        "{early}"
    );
    assert_eq!(status_of(&w.app, &id).await, "waiting");

    // Evidence, then a review asking for more, which the provider sees.
    assert_eq!(
        send_pdf(&w.pat, &id, &w.insurance, "Policy 123")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let more = w
        .olu
        .post_form(
            &format!("/providers/applications/{id}/checks/{}/review", w.insurance),
            &[
                ("outcome", "more"),
                ("review_reason", "The certificate is not signed."),
            ],
        )
        .await;
    assert_eq!(more.status(), StatusCode::SEE_OTHER);
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(page.contains("The certificate is not signed."), "{page}");
    // An expiry beyond the check's validity is refused.
    let too_late = accept(&w.bea, &id, &w.insurance, &in_days(800)).await;
    assert_eq!(too_late.status(), StatusCode::UNPROCESSABLE_ENTITY);

    assert_eq!(
        send_pdf(&w.pat, &id, &w.insurance, "Signed now")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send_pdf(&w.pat, &id, &w.dbs, "").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        accept(&w.bea, &id, &w.insurance, &in_days(200))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // One check accepted, one waiting: still no grant.
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        accept(&w.bea, &id, &w.dbs, &in_days(700)).await.status(),
        StatusCode::SEE_OTHER
    );
    let granted = decide(&w.bea, &id, "grant").await;
    assert_eq!(
        location(&granted),
        format!("/providers/applications/{id}?notice=provider-granted")
    );
    assert_eq!(status_of(&w.app, &id).await, "granted");
    let mail = w.app.mail.next_to("pat@example.org").await.text();
    assert!(
        mail.contains("Community Catalysts granted your accreditation")
            && mail.contains("Every check is in order."),
        "{mail}"
    );
    // The decision is recorded with who and when.
    let decided_by = one(
        &w.app,
        "SELECT decided_by FROM provider_decisions WHERE application_id = $1",
        &id,
    )
    .await;
    assert_eq!(decided_by, w.app.user_id("bea@example.org").await);

    // Editing an accepted check returns it to review; the accreditation stands meanwhile.
    assert_eq!(
        send_pdf(&w.pat, &id, &w.insurance, "Renewed policy")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let check_status = one(
        &w.app,
        "SELECT status FROM provider_checks WHERE check_id = $1",
        &w.insurance,
    )
    .await;
    assert_eq!(check_status, "waiting");
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(page.contains("Waiting for review"), "{page}");
    let directory = body(w.app.client().get("/providers").await).await;
    assert!(directory.contains("Pat&#39;s Care"), "{directory}");
}

#[tokio::test]
async fn evidence_is_private_to_the_provider_and_the_bodys_assessors() {
    let w = world().await;
    let eve = w.app.register("Eve", "eve@example.org", "").await;
    let id = apply(&w, &w.pat, "Pat's Care").await;
    assert_eq!(
        send_pdf(&w.pat, &id, &w.insurance, "Policy 123")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let file_id = one(
        &w.app,
        "SELECT f.id FROM provider_evidence_files f JOIN provider_checks pc \
         ON pc.id = f.provider_check_id WHERE pc.application_id = $1",
        &id,
    )
    .await;
    let page = format!("/providers/applications/{id}");
    let file = format!("/providers/applications/{id}/files/{file_id}");
    for (who, client) in [
        ("pat", &w.pat),
        ("bea, the body's admin", &w.bea),
        ("olu, an official", &w.olu),
    ] {
        assert_eq!(client.get(&page).await.status(), StatusCode::OK, "{who}");
        let download = client.get(&file).await;
        assert_eq!(download.status(), StatusCode::OK, "{who}");
        assert!(
            download.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment"),
            "{who}"
        );
        assert_eq!(download.bytes().await.unwrap().as_ref(), PDF, "{who}");
    }
    let visitor = w.app.client();
    for (who, client) in [
        ("another resident", &eve),
        ("a visitor", &visitor),
        ("the site admin", &w.admin),
    ] {
        assert_eq!(
            client.get(&page).await.status(),
            StatusCode::NOT_FOUND,
            "{who}"
        );
        assert_eq!(
            client.get(&file).await.status(),
            StatusCode::NOT_FOUND,
            "{who}"
        );
    }
    // Not in force: no public page either.
    assert_eq!(
        visitor.get(&format!("/providers/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // Another resident cannot add evidence or services to it.
    assert_eq!(
        send_pdf(&eve, &id, &w.insurance, "mine").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_assessor_cannot_assess_their_own_application() {
    let w = world().await;
    let id = apply(&w, &w.olu, "Olu's Odd Jobs").await;
    assert_eq!(
        send_pdf(&w.olu, &id, &w.insurance, "").await.status(),
        StatusCode::SEE_OTHER
    );
    let own = accept(&w.olu, &id, &w.insurance, &in_days(100)).await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    assert!(
        body(own)
            .await
            .contains("cannot assess an application you made")
    );
    assert_eq!(
        decide(&w.olu, &id, "refuse").await.status(),
        StatusCode::FORBIDDEN
    );
    let reviews = one(
        &w.app,
        "SELECT status FROM provider_checks WHERE application_id = $1",
        &id,
    )
    .await;
    assert_eq!(reviews, "waiting", "nothing changed");
    // Olu's own application page has no review forms; Bea's has.
    let his = body(w.olu.get(&format!("/providers/applications/{id}")).await).await;
    assert!(!his.contains("/review\""), "{his}");
    let hers = body(w.bea.get(&format!("/providers/applications/{id}")).await).await;
    assert!(hers.contains("/review\""));
    assert_eq!(
        accept(&w.bea, &id, &w.insurance, &in_days(100))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // A resident who is no assessor cannot review either.
    assert_eq!(
        accept(&w.pat, &id, &w.insurance, &in_days(100))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn bad_files_are_refused_with_a_clear_message_keeping_what_was_typed() {
    let w = world_with(|c| c.max_body_bytes = 64 * 1024).await;
    let id = apply(&w, &w.pat, "Pat's Care").await;
    let path = format!(
        "/providers/applications/{id}/checks/{}/evidence",
        w.insurance
    );
    for (name, bytes) in [
        ("certificate.pdf", b"MZ\x90\x00\x03".as_slice()),
        ("certificate.exe", PDF),
    ] {
        let refused = w
            .pat
            .post_files(
                &path,
                &[("evidence_note", "Policy 987 from Acme")],
                &[("evidence_file", name, bytes)],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let page = body(refused).await;
        assert!(
            page.contains("This file was not accepted") && page.contains("Policy 987 from Acme"),
            "{name}: {page}"
        );
    }
    let mut big = PDF.to_vec();
    big.resize(200 * 1024, b' ');
    let too_large = w
        .pat
        .post_files(
            &path,
            &[("evidence_note", "Policy 987 from Acme")],
            &[("evidence_file", "big.pdf", &big)],
        )
        .await;
    assert_eq!(too_large.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(too_large).await;
    assert!(
        page.contains("too large") && page.contains("Policy 987 from Acme"),
        "{page}"
    );
    let stored =
        crate::support::count(&w.app.db, "SELECT COUNT(*) AS n FROM provider_checks").await;
    assert_eq!(stored, 0, "nothing was stored");
    // A form without its CSRF token is refused before anything is read.
    let forged = w
        .pat
        .post_raw(
            &format!("/providers/applications/{id}/services"),
            &[("service_kind", "care")],
            &[],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_directory_lists_accredited_providers_with_filters_and_open_data() {
    let w = world().await;
    let id = accredited(&w, 200).await;
    let visitor = w.app.client();
    let all = body(visitor.get("/providers").await).await;
    assert!(
        all.contains("Pat&#39;s Care")
            && all.contains("£15 an hour")
            && all.contains("Accredited by Community Catalysts until"),
        "{all}"
    );
    for (query, shown) in [
        ("?area=millbrook", true),
        ("?area=riverside", true),
        ("?area=eastfield", false),
        ("?kind=care", true),
        ("?kind=handyman", false),
        ("?available=weekdays", true),
        ("?available=weekends", false),
        ("?area=riverside&kind=care&available=weekdays", true),
    ] {
        let page = body(visitor.get(&format!("/providers{query}")).await).await;
        assert_eq!(page.contains("Pat&#39;s Care"), shown, "{query}");
    }
    let public = body(visitor.get(&format!("/providers/{id}")).await).await;
    assert!(
        public.contains("Public liability insurance, valid until")
            && !public.contains("certificate.pdf"),
        "what was checked, never the evidence: {public}"
    );

    // The API: paged, in the OpenAPI document, no evidence.
    let api = body(visitor.get("/api/v1/providers?kind=care&limit=1").await).await;
    let json: serde_json::Value = serde_json::from_str(&api).expect("JSON");
    assert_eq!(json["items"][0]["provider_name"], "Pat's Care");
    assert_eq!(json["items"][0]["accredited_by"], "community-catalysts");
    assert_eq!(
        json["items"][0]["checks"][0]["name"],
        "Public liability insurance"
    );
    assert!(json["next"].is_string(), "a full page has a next cursor");
    let next = json["next"].as_str().unwrap().to_string();
    let rest = body(
        visitor
            .get(&format!("/api/v1/providers?limit=1&cursor={next}"))
            .await,
    )
    .await;
    let rest: serde_json::Value = serde_json::from_str(&rest).unwrap();
    assert_eq!(rest["items"].as_array().unwrap().len(), 0);
    assert!(!api.contains("certificate.pdf") && !api.contains("Policy 123"));
    assert_eq!(
        visitor
            .get("/api/v1/providers?cursor=nonsense")
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    let doc = body(visitor.get("/api/v1/openapi.json").await).await;
    assert!(doc.contains("/api/v1/providers"));

    // The CSV: what was checked, formulas neutralised.
    let riverside = w.app.area_id("riverside").await;
    let added = w
        .pat
        .post_form(
            &format!("/providers/applications/{id}/services"),
            &[
                ("service_kind", "handyman"),
                ("service_what", "=HYPERLINK(\"http://evil.example\")"),
                ("service_area", riverside.as_str()),
                ("service_for", "Anyone"),
                ("service_price", "-£5 off the first visit"),
                ("weekends", "yes"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let csv = body(visitor.get("/providers.csv").await).await;
    assert!(
        csv.contains("Pat's Care")
            && csv.contains("Public liability insurance; Criminal-record check"),
        "{csv}"
    );
    assert!(!csv.contains("Policy 123") && !csv.contains("certificate.pdf"));
    assert_no_formulas("providers.csv", &csv);
    let handymen = body(
        visitor
            .get("/providers?kind=handyman&available=weekends")
            .await,
    )
    .await;
    assert!(handymen.contains("Pat&#39;s Care"));
}

#[tokio::test]
async fn accreditation_lapses_by_itself_and_both_sides_are_reminded_a_month_before() {
    let w = world().await;
    // Olu reads the site in Polish: his reminder is in Polish whoever causes it.
    sqlx::query("UPDATE users SET locale = 'pl' WHERE email = 'olu@example.org'")
        .execute(&w.app.db)
        .await
        .expect("setting a language");
    // The insurance runs out in ten days: inside the month, so the reminder is due now.
    let id = accredited(&w, 10).await;
    let granted = w.app.mail.next_to("pat@example.org").await.text();
    assert!(granted.contains("granted"), "{granted}");
    let reminder = w.app.mail.next_to("pat@example.org").await.text();
    assert!(
        reminder.contains("Your accreditation by Community Catalysts lapses on"),
        "{reminder}"
    );
    let to_bea = w.app.mail.next_to("bea@example.org").await.text();
    assert!(
        to_bea.contains("The accreditation of Pat's Care by Community Catalysts lapses on"),
        "{to_bea}"
    );
    let to_olu = w.app.mail.next_to("olu@example.org").await.text();
    assert!(
        to_olu.contains("Akredytacja usługodawcy Pat's Care od: Community Catalysts wygaśnie"),
        "{to_olu}"
    );
    // The job marked the date: running it again reminds nobody twice.
    let payload = one(
        &w.app,
        "SELECT payload FROM jobs WHERE kind = $1",
        squaremile::providers::store::REMINDER_JOB,
    )
    .await;
    let again = squaremile::providers::store::send_reminder(
        &w.app.db,
        &payload,
        w.app.state.clock.now_ms(),
        |_, _, _| unreachable!("nobody is reminded twice"),
    )
    .await
    .expect("the reminder job again");
    assert_eq!(again, 0);
    // The queue shows it as lapsing.
    let queue = body(w.bea.get("/providers/assess").await).await;
    assert!(queue.contains("Lapsing within a month") && queue.contains("Pat&#39;s Care"));
    assert!(
        body(w.app.client().get("/providers").await)
            .await
            .contains("Pat&#39;s Care")
    );

    // Eleven days on, the insurance has expired: out of the directory, no public page.
    w.app.state.clock.advance(11 * DAY);
    let visitor = w.app.client();
    let directory = body(visitor.get("/providers").await).await;
    assert!(!directory.contains("Pat&#39;s Care"), "{directory}");
    assert_eq!(
        visitor.get(&format!("/providers/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let api = body(visitor.get("/api/v1/providers").await).await;
    assert!(!api.contains("Pat's Care"));
    let mine = body(w.pat.get("/providers/mine").await).await;
    assert!(mine.contains("Lapsed on"), "{mine}");
    // Expired evidence blocks granting again until it is renewed.
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn residents_contact_a_provider_without_either_address_until_they_answer() {
    let w = world().await;
    let id = accredited(&w, 200).await;
    w.app.mail.next_to("pat@example.org").await; // the grant
    let rita = w
        .app
        .register("Rita Resident", "rita@example.org", "")
        .await;
    let visitor = w.app.client();
    let public = body(visitor.get(&format!("/providers/{id}")).await).await;
    assert!(public.contains("Sign in to write to this provider"));
    let empty = rita
        .post_form(
            &format!("/providers/{id}/contact"),
            &[("contact_message", " ")],
        )
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let sent = rita
        .post_form(
            &format!("/providers/{id}/contact"),
            &[("contact_message", "Could you help my mother on Tuesdays?")],
        )
        .await;
    assert_eq!(
        location(&sent),
        format!("/providers/{id}?notice=provider-message-sent")
    );
    let to_pat = w.app.mail.next_to("pat@example.org").await.text();
    assert!(
        to_pat.contains("Could you help my mother on Tuesdays?")
            && to_pat.contains("Rita Resident")
            && !to_pat.contains("rita@example.org"),
        "{to_pat}"
    );
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(page.contains("Could you help my mother") && !page.contains("rita@example.org"));
    let message_id = one(
        &w.app,
        "SELECT id FROM provider_messages WHERE application_id = $1",
        &id,
    )
    .await;
    // Only the provider answers.
    let path = format!("/providers/applications/{id}/messages/{message_id}/answer");
    assert_eq!(
        rita.post_form(&path, &[("answer_text", "Yes")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let answered = w
        .pat
        .post_form(&path, &[("answer_text", "Yes, from next week.")])
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let to_rita = w.app.mail.next_to("rita@example.org").await.text();
    assert!(
        to_rita.contains("Yes, from next week.") && to_rita.contains("pat@example.org"),
        "{to_rita}"
    );
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(
        page.contains("rita@example.org"),
        "the address once answered"
    );
    // Answered once only.
    assert_eq!(
        w.pat
            .post_form(&path, &[("answer_text", "Again")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn pages_are_linked_from_the_menu_and_your_work() {
    let w = world().await;
    let id = apply(&w, &w.pat, "Pat's Care").await;
    let home = body(w.app.client().get("/").await).await;
    assert!(home.contains("href=\"/providers\""));
    let work = body(w.bea.get("/work").await).await;
    assert!(
        work.contains("href=\"/providers/assess\"") && work.contains("application waiting"),
        "{work}"
    );
    let queue = body(w.bea.get("/providers/assess").await).await;
    assert!(queue.contains(&format!("/providers/applications/{id}")));
    let mine = body(w.pat.get("/providers/mine").await).await;
    assert!(mine.contains(&format!("/providers/applications/{id}")));
    let directory = body(w.pat.get("/providers").await).await;
    assert!(directory.contains("href=\"/providers/mine\""));
    // A provider with no other role has "Your work" in the menu, leading to their
    // applications; someone who never applied is not told about applications.
    let work = body(w.pat.get("/work").await).await;
    assert!(
        directory.contains("href=\"/work\"")
            && work.contains("href=\"/providers/mine\"")
            && !work.contains("You have no role"),
        "{work}"
    );
    let olu = body(w.olu.get("/work").await).await;
    assert!(!olu.contains("href=\"/providers/mine\""), "{olu}");
    let admin = body(w.admin.get("/admin").await).await;
    assert!(admin.contains("href=\"/providers/bodies\""));
    // Nobody is accredited in Riverside yet: its asset map says so and links to the
    // whole directory (the area's own entry once someone is; see the asset map's test).
    let asset_map = body(w.app.client().get("/areas/riverside/assets").await).await;
    assert!(
        asset_map.contains("No accredited provider offers a service in Riverside")
            && asset_map.contains("href=\"/providers\""),
        "{asset_map}"
    );
}

#[tokio::test]
async fn the_demo_has_a_body_accredited_providers_one_waiting_and_one_lapsing() {
    let app = TestApp::with_demo().await;
    // Loading again adds nothing.
    squaremile::demo::load(&app.db, &app.state.ballot_seal)
        .await
        .expect("loading the demo again");
    assert_eq!(
        crate::support::count(&app.db, "SELECT COUNT(*) AS n FROM provider_applications").await,
        5
    );
    let directory = body(app.client().get("/providers").await).await;
    for name in [
        "Grace Mensah Home Care",
        "Ian Doyle, Handyman",
        "Little Acorns Childminding",
        "Danny Moss Gardening",
    ] {
        assert!(directory.contains(name), "{name}: {directory}");
    }
    assert!(!directory.contains("Siobhan Kelly Companionship"));
    // Each has a place inside the body's area, so the directory's map marks those in force.
    assert_eq!(
        crate::support::count(
            &app.db,
            "SELECT COUNT(*) AS n FROM provider_applications WHERE latitude IS NULL"
        )
        .await,
        0
    );
    assert!(
        directory.contains("id=\"providers-map\"") && directory.contains("accredited providers"),
        "{directory}"
    );
    let priya = app
        .login(squaremile::demo::ADMIN_EMAIL, squaremile::demo::PASSWORD)
        .await;
    let queue = body(priya.get("/providers/assess").await).await;
    let lapsing = queue
        .split("Lapsing within a month")
        .nth(1)
        .unwrap_or_default();
    assert!(
        queue.contains("Siobhan Kelly Companionship") && lapsing.contains("Danny Moss Gardening"),
        "{queue}"
    );
    // A story about Grace, a provider who is a person, answered by Grace herself; once.
    assert_eq!(
        crate::support::count(
            &app.db,
            "SELECT COUNT(*) AS n FROM stories WHERE provider_application_id IS NOT NULL"
        )
        .await,
        1
    );
    let grace = directory
        .split("<a href=\"/providers/")
        .find(|part| part.contains("\">Grace Mensah Home Care<"))
        .and_then(|part| part.split('"').next())
        .expect("Grace's link")
        .to_string();
    let page = body(app.client().get(&format!("/providers/{grace}")).await).await;
    assert!(page.contains("Mum can stay in her own home"), "{page}");
    let story = body(
        app.client()
            .get(&format!("/stories?provider={grace}"))
            .await,
    )
    .await;
    let story_id = story
        .split("<a href=\"/stories/")
        .nth(1)
        .and_then(|part| part.split('"').next())
        .expect("the story's link")
        .to_string();
    let shown = body(app.client().get(&format!("/stories/{story_id}")).await).await;
    assert!(
        shown.contains("The response from Grace Mensah Home Care"),
        "{shown}"
    );
}

/// Millbrook's boundary, a square of a tenth of a degree from (-2.0, 51.0), so its maps
/// are drawn.
async fn millbrook_boundary(w: &World) {
    let text = r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-2.0,51.0],[-1.9,51.0],[-1.9,51.1],[-2.0,51.1],[-2.0,51.0]]]}}"#;
    let saved = w
        .admin
        .post_multipart(
            "/areas/millbrook/boundary",
            &[("text", text), ("match_by", "")],
            &[],
        )
        .await;
    assert_eq!(
        location(&saved),
        "/areas/millbrook/boundary?notice=boundary-saved"
    );
}

async fn place_of(app: &TestApp, id: &str) -> Option<(f64, f64)> {
    squaremile::areas::points::location(
        &app.db,
        squaremile::areas::points::PointKind::Providers,
        id,
    )
    .await
    .expect("reading the place")
}

/// Where a provider works from: set by the provider on their application's page with the
/// assets' picker and checks (bad input changes nothing; nobody else may set it), and shown
/// on the area's map, the directory's map (with its legend) and in the GeoJSON only while the
/// accreditation is in force.
#[tokio::test]
async fn an_accredited_provider_is_on_the_maps_only_while_in_force() {
    let w = world().await;
    millbrook_boundary(&w).await;
    let id = apply(&w, &w.pat, "Pat Provider").await;
    let place = format!("/providers/applications/{id}/place");

    // The provider's page has the picker on the body's area.
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(
        page.contains("Where you work from") && page.contains("id=\"provider-place-map\""),
        "{page}"
    );
    // Bad places are refused with the reason, changing nothing.
    for (lat, lon, says) in [
        ("91", "-1.95", "Latitude must be between"),
        ("51.05", "", "Give both latitude and longitude"),
        ("north", "-1.95", "Write a number in decimal degrees"),
    ] {
        let refused = w
            .pat
            .post_form(&place, &[("latitude", lat), ("longitude", lon)])
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{lat} {lon}"
        );
        let text = body(refused).await;
        assert!(
            text.contains("error-summary") && text.contains(says),
            "{says}: {text}"
        );
        assert!(text.contains(&format!("value=\"{lat}\"")), "kept as typed");
    }
    assert_eq!(place_of(&w.app, &id).await, None);
    // Only the provider sets it: an assessor is refused, anyone else finds nothing.
    let fields = [("latitude", "51.05"), ("longitude", "-1.95")];
    assert_eq!(
        w.olu.post_form(&place, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.admin.post_form(&place, &fields).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(place_of(&w.app, &id).await, None);
    let saved = w.pat.post_form(&place, &fields).await;
    assert_eq!(
        location(&saved),
        format!("/providers/applications/{id}?notice=provider-place-saved#place")
    );
    assert_eq!(place_of(&w.app, &id).await, Some((51.05, -1.95)));
    let page = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(
        page.contains("value=\"51.050000\""),
        "the saved place is shown"
    );

    // Waiting for assessment: on no map.
    let mark = format!("<a href=\"/providers/{id}\"><circle");
    let visitor = w.app.client();
    let area = body(visitor.get("/areas/millbrook").await).await;
    assert!(area.contains("accredited providers"), "the legend: {area}");
    assert!(!area.contains(&mark), "not accredited yet");
    let geojson = |visitor: Client| async move {
        let text = body(visitor.get("/api/v1/providers.geojson").await).await;
        serde_json::from_str::<serde_json::Value>(&text).expect("GeoJSON")
    };
    assert_eq!(
        geojson(w.app.client()).await["features"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // Accredited: on the area's map, the directory's map and in the GeoJSON.
    for check in [&w.insurance, &w.dbs] {
        assert_eq!(
            send_pdf(&w.pat, &id, check, "").await.status(),
            StatusCode::SEE_OTHER
        );
    }
    for (check, days) in [(&w.insurance, 40), (&w.dbs, 700)] {
        assert_eq!(
            accept(&w.bea, &id, check, &in_days(days)).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::SEE_OTHER
    );
    let area = body(visitor.get("/areas/millbrook").await).await;
    assert!(area.contains(&mark), "on the area's map: {area}");
    let directory = body(visitor.get("/providers").await).await;
    assert!(
        directory.contains("id=\"providers-map\"")
            && directory.contains(&mark)
            && directory.contains("accredited providers"),
        "on the directory's map, with its legend: {directory}"
    );
    let filtered = body(visitor.get("/providers?area=millbrook").await).await;
    assert!(
        filtered.contains("Accredited providers in Millbrook") && filtered.contains(&mark),
        "{filtered}"
    );
    let found = geojson(w.app.client()).await;
    let feature = &found["features"][0];
    assert_eq!(feature["geometry"]["coordinates"][0], -1.95);
    assert_eq!(feature["geometry"]["coordinates"][1], 51.05);
    assert_eq!(feature["properties"]["title"], "Pat Provider");
    assert!(
        feature["properties"]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/providers/{id}"))
    );
    assert!(feature["properties"]["accredited_until"].is_string());
    let text = found.to_string();
    assert!(!text.contains("pat@example.org") && !text.contains("certificate"));
    let doc = body(visitor.get("/api/v1/openapi.json").await).await;
    assert!(doc.contains("/api/v1/providers.geojson"));

    // Lapsed (the insurance ran out): off every map, by itself.
    w.app.state.clock.advance(41 * DAY);
    let area = body(visitor.get("/areas/millbrook").await).await;
    assert!(!area.contains(&mark), "lapsed: off the area's map");
    let directory = body(visitor.get("/providers").await).await;
    assert!(
        !directory.contains(&mark),
        "lapsed: off the directory's map"
    );
    assert_eq!(
        geojson(w.app.client()).await["features"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "lapsed: not in the GeoJSON"
    );

    // Both fields empty take the place away.
    let cleared = w
        .pat
        .post_form(&place, &[("latitude", ""), ("longitude", "")])
        .await;
    assert_eq!(cleared.status(), StatusCode::SEE_OTHER);
    assert_eq!(place_of(&w.app, &id).await, None);
}

/// A check's edit form refused: the body's page again with that form open, its errors
/// linked from the summary and what was typed kept; nothing saved. Then saved.
#[tokio::test]
async fn a_refused_check_edit_comes_back_as_its_form_with_the_errors() {
    let w = world().await;
    let path = format!("/providers/bodies/{}/checks/{}", w.body_id, w.insurance);
    let refused = w
        .bea
        .post_form(
            &path,
            &[
                ("edit_name", "  "),
                ("edit_evidence", "A copy of the new certificate."),
                ("edit_months", "500"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(refused).await;
    assert!(
        page.contains(&format!("<details open id=\"edit-{}\">", w.insurance))
            && page.contains("error-summary")
            && page.contains("href=\"#edit_name\"")
            && page.contains("href=\"#edit_months\"")
            && page.contains("Name the check.")
            && page.contains("id=\"edit_name\"")
            && page.contains("A copy of the new certificate.")
            && page.contains("value=\"500\""),
        "{page}"
    );
    let name = one(
        &w.app,
        "SELECT name FROM accreditation_checks WHERE id = $1",
        &w.insurance,
    )
    .await;
    assert_eq!(name, "Public liability insurance", "nothing saved");
    // Only the body's admins edit; an unknown check is not found.
    let fields = [
        ("edit_name", "Insurance"),
        ("edit_evidence", "The certificate."),
        ("edit_months", "12"),
    ];
    assert_eq!(
        w.olu.post_form(&path, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    let unknown = format!("/providers/bodies/{}/checks/{}", w.body_id, w.body_id);
    assert_eq!(
        w.bea.post_form(&unknown, &fields).await.status(),
        StatusCode::NOT_FOUND
    );
    let saved = w.bea.post_form(&path, &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let name = one(
        &w.app,
        "SELECT name FROM accreditation_checks WHERE id = $1",
        &w.insurance,
    )
    .await;
    assert_eq!(name, "Insurance");
}

async fn tell(client: &Client, fields: Vec<(&'static str, String)>) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post_form("/stories/new", &pairs).await
}

/// A story about a provider who is a person: told from their page, filed under the body
/// that accredited them, listed on their page, answered by the provider themself (and the
/// body's officials), never by anyone else; only about a provider in force.
#[tokio::test]
async fn a_story_about_a_provider_who_is_a_person_is_answered_by_them() {
    let w = world().await;
    let id = accredited(&w, 200).await;
    let ama = w.app.register("Ama", "ama@example.org", "").await;
    let page = body(ama.get(&format!("/providers/{id}")).await).await;
    let new = format!("/stories/new?provider={id}");
    assert!(
        page.contains(&new.replace('&', "&amp;")) && page.contains("No stories yet"),
        "{page}"
    );
    let form = body(ama.get(&new).await).await;
    assert!(
        form.contains("About the accredited provider") && form.contains("Pat&#39;s Care"),
        "{form}"
    );
    // Without a title: the form again, still about the provider.
    let fields = |title: &'static str| {
        vec![
            ("provider", id.clone()),
            ("service", "Morning visits".to_string()),
            ("title", title.to_string()),
            ("body", "Pat is never rushed and always kind.".to_string()),
        ]
    };
    let refused = tell(&ama, fields("")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = body(refused).await;
    assert!(again.contains("About the accredited provider") && again.contains("never rushed"));
    let told = tell(&ama, fields("Never rushed")).await;
    assert_eq!(told.status(), StatusCode::SEE_OTHER);
    let story = location(&told)
        .trim_start_matches("/stories/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let filed = one(
        &w.app,
        "SELECT o.slug FROM stories s JOIN organisations o ON o.id = s.organisation_id \
         WHERE s.id = $1",
        &story,
    )
    .await;
    assert_eq!(filed, "community-catalysts", "filed under the body");
    let published = w
        .admin
        .post_form(
            &format!("/stories/{story}/moderate"),
            &[("decision", "publish")],
        )
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);

    // Listed on the provider's page and in the stories about them.
    let page = body(w.app.client().get(&format!("/providers/{id}")).await).await;
    assert!(page.contains("Never rushed"), "{page}");
    let list = body(w.app.client().get(&format!("/stories?provider={id}")).await).await;
    assert!(
        list.contains("Stories about Pat&#39;s Care") && list.contains("Never rushed"),
        "{list}"
    );
    let shown = body(w.app.client().get(&format!("/stories/{story}")).await).await;
    assert!(
        shown.contains(&format!("href=\"/providers/{id}\"")),
        "{shown}"
    );

    // Pat answers; a resident may not.
    let response = format!("/stories/{story}/response");
    let answer = [("response", "Thank you, it is a pleasure."), ("change", "")];
    assert_eq!(
        ama.post_form(&response, &answer).await.status(),
        StatusCode::FORBIDDEN
    );
    let own = body(w.pat.get(&format!("/stories/{story}")).await).await;
    assert!(own.contains("Respond in public"), "{own}");
    assert_eq!(
        w.pat.post_form(&response, &answer).await.status(),
        StatusCode::SEE_OTHER
    );
    let shown = body(w.app.client().get(&format!("/stories/{story}")).await).await;
    assert!(
        shown.contains("The response from Pat&#39;s Care") && shown.contains("a pleasure"),
        "{shown}"
    );
    // The body's official answers as the body.
    let body_answer = [("response", "We visited and agree."), ("change", "")];
    assert_eq!(
        w.olu.post_form(&response, &body_answer).await.status(),
        StatusCode::SEE_OTHER
    );
    let shown = body(w.app.client().get(&format!("/stories/{story}")).await).await;
    assert!(shown.contains("The response from Community Catalysts"));

    // Only about a provider in force.
    let waiting = apply(&w, &w.olu, "Olu's Gardens").await;
    assert_eq!(
        ama.get(&format!("/stories/new?provider={waiting}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let refused = tell(
        &ama,
        vec![
            ("provider", waiting.clone()),
            ("title", "Too soon".to_string()),
            ("body", "Not yet accredited.".to_string()),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}

/// The area's asset map lists its accredited providers and has them on its map; the
/// directory's map follows all its filters; a provider's page maps their place.
#[tokio::test]
async fn the_asset_map_lists_providers_and_every_map_follows_the_filters() {
    let w = world().await;
    millbrook_boundary(&w).await;
    let id = accredited(&w, 200).await;
    let saved = w
        .pat
        .post_form(
            &format!("/providers/applications/{id}/place"),
            &[("latitude", "51.05"), ("longitude", "-1.95")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let visitor = w.app.client();
    let assets = body(visitor.get("/areas/millbrook/assets").await).await;
    assert!(
        assets.contains("Accredited local providers")
            && assets.contains(&format!("<a href=\"/providers/{id}\">Pat&#39;s Care</a>"))
            && assets.contains("Care")
            && assets.contains("accredited by Community Catalysts")
            && assets.contains("href=\"/providers?area=millbrook\""),
        "{assets}"
    );
    let mark = format!("<a href=\"/providers/{id}\"><circle");
    assert!(assets.contains(&mark), "on the asset map's map");
    let elsewhere = body(visitor.get("/areas/eastfield/assets").await).await;
    assert!(
        elsewhere.contains("No accredited provider offers a service in Eastfield")
            && !elsewhere.contains("Pat&#39;s Care"),
        "{elsewhere}"
    );
    for (query, shown) in [
        ("", true),
        ("?kind=care", true),
        ("?kind=handyman", false),
        ("?available=weekdays", true),
        ("?available=weekends", false),
        ("?kind=care&available=evenings", false),
        ("?area=millbrook&kind=care&available=weekdays", true),
    ] {
        let page = body(visitor.get(&format!("/providers{query}")).await).await;
        assert_eq!(page.contains(&mark), shown, "map of /providers{query}");
    }
    let page = body(visitor.get(&format!("/providers/{id}")).await).await;
    assert!(
        page.contains("id=\"provider-map\"") && page.contains("Where Pat&#39;s Care works from"),
        "{page}"
    );
}

/// A provider withdraws (out of the directory at once; nothing can be decided on it) and
/// sends it back; a site admin un-marks a body (every application withdrawn with the
/// reason, no new ones) and marks it again.
#[tokio::test]
async fn a_provider_withdraws_and_a_site_admin_unmarks_a_body() {
    let w = world().await;
    let id = accredited(&w, 200).await;
    let withdraw = format!("/providers/applications/{id}/withdraw");
    let reason = [("withdraw_reason", "Moving away for a year.")];
    assert_eq!(
        w.bea.post_form(&withdraw, &reason).await.status(),
        StatusCode::FORBIDDEN,
        "only the provider withdraws"
    );
    let long = "x".repeat(2001);
    let refused = w
        .pat
        .post_form(&withdraw, &[("withdraw_reason", long.as_str())])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(refused).await.contains(&long), "kept as typed");
    assert_eq!(status_of(&w.app, &id).await, "granted");
    assert_eq!(
        location(&w.pat.post_form(&withdraw, &reason).await),
        format!("/providers/applications/{id}?notice=provider-withdrawn")
    );
    assert_eq!(status_of(&w.app, &id).await, "withdrawn");
    assert_eq!(
        w.pat.post_form(&withdraw, &reason).await.status(),
        StatusCode::CONFLICT,
        "withdrawn once"
    );
    let directory = body(w.app.client().get("/providers").await).await;
    assert!(!directory.contains("Pat&#39;s Care"));
    assert_eq!(
        w.app
            .client()
            .get(&format!("/providers/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let own = body(w.pat.get(&format!("/providers/applications/{id}")).await).await;
    assert!(
        own.contains("Withdrawn by Pat Provider") && own.contains("Moving away for a year."),
        "{own}"
    );
    let reopen = format!("/providers/applications/{id}/reopen");
    assert_eq!(
        w.pat.post_form(&reopen, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&w.app, &id).await, "waiting");
    assert_eq!(
        decide(&w.bea, &id, "grant").await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(
        body(w.app.client().get("/providers").await)
            .await
            .contains("Pat&#39;s Care")
    );

    // Un-marking a body: a site admin only, with a reason.
    let end = format!("/providers/bodies/{}/end", w.body_id);
    let because = [("end_reason", "The scheme has closed.")];
    assert_eq!(
        w.bea.post_form(&end, &because).await.status(),
        StatusCode::FORBIDDEN
    );
    let refused = w.admin.post_form(&end, &[("end_reason", " ")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = body(refused).await;
    assert!(refused.contains("href=\"#end_reason\"") && refused.contains("Give the reason"));
    assert_eq!(status_of(&w.app, &id).await, "granted");
    let waiting = apply(&w, &w.olu, "Olu's Gardens").await;
    assert_eq!(
        location(&w.admin.post_form(&end, &because).await),
        format!("/providers/bodies/{}?notice=provider-body-ended", w.body_id)
    );
    assert_eq!(status_of(&w.app, &id).await, "withdrawn");
    assert_eq!(status_of(&w.app, &waiting).await, "withdrawn");
    let reasons = one(
        &w.app,
        "SELECT CAST(COUNT(*) AS TEXT) FROM provider_decisions \
         WHERE outcome = 'withdrawn' AND reason = $1",
        "The scheme has closed.",
    )
    .await;
    assert_eq!(reasons, "2");
    assert_eq!(
        w.admin.post_form(&end, &because).await.status(),
        StatusCode::CONFLICT
    );
    let bodies = body(w.app.client().get("/providers/bodies").await).await;
    assert!(bodies.contains("no longer accredits"), "{bodies}");
    assert_eq!(
        w.pat.post_form(&reopen, &[]).await.status(),
        StatusCode::CONFLICT
    );
    let ama = w.app.register("Ama", "ama@example.org", "").await;
    let form = body(ama.get("/providers/apply").await).await;
    assert!(!form.contains(&w.body_id), "not offered to apply to");
    let riverside = w.app.area_id("riverside").await;
    let late = ama
        .post_form(
            "/providers/apply",
            &[
                ("body", w.body_id.as_str()),
                ("provider_name", "Ama's Care"),
                ("provider_about", "Care"),
                ("service_kind", "care"),
                ("service_what", "Care"),
                ("service_area", riverside.as_str()),
                ("service_for", "Anyone"),
                ("service_price", "£10"),
                ("weekdays", "yes"),
            ],
        )
        .await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Marked again: it takes applications, and Pat can send theirs back.
    let millbrook = w.app.area_id("millbrook").await;
    let marked = w
        .admin
        .post_form(
            "/providers/bodies",
            &[
                ("organisation", "community-catalysts"),
                ("area", millbrook.as_str()),
            ],
        )
        .await;
    assert_eq!(marked.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        w.pat.post_form(&reopen, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&w.app, &id).await, "waiting");
}
