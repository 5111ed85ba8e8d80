//! Representatives answer public questions; anyone can flag a report, story or question;
//! moderators hide with a reason the author sees; a posting limit slows floods.

use reqwest::StatusCode;

use crate::support::{Client, TestApp, body, count, location};

/// Millbrook with Councillor Cole as Riverside's representative; returns the admin, Cole,
/// Cole's page and a resident.
async fn councillor(app: &TestApp) -> (Client, Client, String, Client) {
    let admin = app.admin().await;
    for (parent, name) in [("", "Millbrook"), ("millbrook", "Riverside")] {
        admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
    }
    let cole = app.register("Cal Cole", "cole@example.org", "").await;
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let form = [
        ("email", "cole@example.org"),
        ("area", &app.area_id("riverside").await),
        ("role", "Councillor for Riverside ward"),
        ("party", "Independent"),
    ];
    let refused = rosa.post_form("/representatives", &form).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let added = admin.post_form("/representatives", &form).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let twice = admin.post_form("/representatives", &form).await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let id: String = sqlx::query_scalar("SELECT id FROM representatives")
        .fetch_one(&app.db)
        .await
        .unwrap();
    (admin, cole, format!("/representatives/{id}"), rosa)
}

async fn ask(client: &Client, page: &str, question: &str) -> reqwest::Response {
    client
        .post_form(&format!("{page}/questions"), &[("question", question)])
        .await
}

fn question_id(response: &reqwest::Response) -> String {
    location(response)
        .rsplit("#question-")
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn representatives_answer_in_public_and_their_record_shows() {
    let app = TestApp::spawn().await;
    let (_admin, cole, page, rosa) = councillor(&app).await;
    let first = ask(&rosa, &page, "When will the Mill Lane crossing be fixed?").await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let first = question_id(&first);
    ask(&rosa, &page, "Will the library open on Sundays?").await;
    let empty = ask(&rosa, &page, "   ").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Only Cole answers questions put to Cole.
    let answer = format!("/questions/{first}/answer");
    let refused = rosa
        .post_form(&answer, &[("answer", "Soon, I promise")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let answered = cole
        .post_form(
            &answer,
            &[("answer", "The council has budgeted it for March.")],
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let public = body(app.client().get(&page).await).await;
    assert!(public.contains("budgeted it for March"));
    assert!(
        public.contains("2 questions asked. One waiting for an answer. 50% answered."),
        "{public}"
    );
    let list = body(app.client().get("/representatives").await).await;
    assert!(list.contains("Cal Cole") && list.contains("50%"), "{list}");
}

#[tokio::test]
async fn flagged_items_are_hidden_with_a_reason_their_author_sees() {
    let app = TestApp::spawn().await;
    let (admin, _cole, page, rosa) = councillor(&app).await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let asked = ask(
        &rosa,
        &page,
        "Is it true the councillor's brother got the contract?",
    )
    .await;
    let question = question_id(&asked);

    let flag = |reason: &'static str| {
        [
            ("target", "question"),
            ("id", &question),
            ("reason", reason),
        ]
    };
    let flagged = sam
        .post_form("/flags", &flag("An accusation without evidence."))
        .await;
    assert_eq!(flagged.status(), StatusCode::SEE_OTHER);
    let no_reason = sam.post_form("/flags", &flag("")).await;
    assert_eq!(no_reason.status(), StatusCode::CONFLICT);
    let nothing = sam
        .post_form(
            "/flags",
            &[("target", "question"), ("id", "no-such"), ("reason", "x")],
        )
        .await;
    assert_eq!(nothing.status(), StatusCode::NOT_FOUND);

    // Only moderators see the queue and decide.
    assert_eq!(sam.get("/moderation").await.status(), StatusCode::FORBIDDEN);
    let queue = body(admin.get("/moderation").await).await;
    assert!(queue.contains("An accusation without evidence."), "{queue}");
    let decision = [
        ("target", "question"),
        ("id", question.as_str()),
        ("reason", "It accuses a named person without evidence."),
    ];
    let refused = sam.post_form("/moderation/hide", &decision).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let hidden = admin.post_form("/moderation/hide", &decision).await;
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(
            &app.db,
            "SELECT COUNT(*) AS n FROM flags WHERE resolved_at IS NULL"
        )
        .await,
        0
    );

    // Others see that it was hidden; its author also sees why.
    let public = body(app.client().get(&page).await).await;
    assert!(
        !public.contains("brother got the contract") && public.contains("Hidden by a moderator")
    );
    assert!(!public.contains("without evidence"));
    let own = body(rosa.get(&page).await).await;
    assert!(own.contains("It accuses a named person without evidence."));
    assert!(
        body(admin.get("/moderation").await)
            .await
            .contains("Nothing is flagged")
    );
}

#[tokio::test]
async fn posting_is_limited_per_hour() {
    let app = TestApp::spawn().await;
    let (_admin, _cole, page, rosa) = councillor(&app).await;
    for n in 0..20 {
        let asked = ask(&rosa, &page, &format!("Question {n}")).await;
        assert_eq!(asked.status(), StatusCode::SEE_OTHER, "question {n}");
    }
    let limited = ask(&rosa, &page, "One too many").await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        body(limited)
            .await
            .contains("You have posted a lot in the last hour")
    );
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM rep_questions").await,
        20
    );
}
