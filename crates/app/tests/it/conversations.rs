//! Conversations: threads per area and topic, replies marked as ideas, agreement, followers
//! told of replies, a report becoming a conversation and an idea becoming an ask.

use reqwest::StatusCode;

use crate::support::{TestApp, body, count, location};

#[tokio::test]
async fn a_problem_becomes_a_conversation_and_an_idea_becomes_an_ask() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    for (parent, name) in [("", "Millbrook"), ("millbrook", "Riverside")] {
        admin
            .post_form("/areas/new", &[("parent", parent), ("name", name)])
            .await;
    }
    admin
        .post_form("/reports/categories", &[("name", "Street lights")])
        .await;
    let category: String = sqlx::query_scalar("SELECT id FROM report_categories")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let rosa = app.register("Rosa", "rosa@example.org", "").await;
    let sam = app.register("Sam", "sam@example.org", "").await;
    let riverside = app.area_id("riverside").await;
    let sent = rosa
        .post_multipart(
            "/reports/new",
            &[
                ("category", &category),
                ("area", &riverside),
                ("title", "The park path is dark at night"),
                (
                    "description",
                    "No lights between the gate and the playground.",
                ),
            ],
            &[],
        )
        .await;
    let report = location(&sent)
        .trim_start_matches("/reports/")
        .split('?')
        .next()
        .unwrap()
        .to_string();

    // The report's page offers a conversation, with its words filled in.
    let form = body(
        rosa.get(&format!("/conversations/new?report={report}"))
            .await,
    )
    .await;
    assert!(form.contains("The park path is dark at night") && form.contains(&report));
    let refused = rosa
        .post_form(
            "/conversations/new",
            &[
                ("area", &riverside),
                ("topic", "nonsense"),
                ("title", "x"),
                ("body", "y"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM conversations").await,
        0
    );
    let started = rosa
        .post_form(
            "/conversations/new",
            &[
                ("area", &riverside),
                ("topic", "safety"),
                ("title", "The park path is dark at night"),
                ("body", "What could we do about it?"),
                ("report", &report),
            ],
        )
        .await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let thread = location(&started).split('?').next().unwrap().to_string();

    // Sam replies with an idea; Rosa, who follows her thread, hears of it.
    let replied = sam
        .post_form(
            &format!("{thread}/replies"),
            &[
                ("body", "Solar bollards along the path, like in Old Town."),
                ("idea", "yes"),
            ],
        )
        .await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    let post = location(&replied)
        .rsplit("#post-")
        .next()
        .unwrap()
        .to_string();
    let mail = app.mail.next().await;
    assert!(mail.to.join(",").contains("rosa@example.org"));
    assert!(mail.text().contains("Sam replied in"), "{}", mail.text());
    assert!(
        body(rosa.get("/notifications").await)
            .await
            .contains("Sam replied in")
    );

    // Agreeing counts once per person and can be taken back.
    let agree = format!("/conversation-posts/{post}/agree");
    rosa.post_form(&agree, &[]).await;
    let page = body(app.client().get(&thread).await).await;
    assert!(page.contains("1 person agrees."), "{page}");
    rosa.post_form(&agree, &[]).await;
    assert!(
        body(app.client().get(&thread).await)
            .await
            .contains("Nobody has agreed yet.")
    );
    // Sam wrote the post: no button to agree with it, and a forged agreement counts nothing.
    let own = body(sam.get(&thread).await).await;
    assert!(!own.contains(&format!(r#"action="{agree}""#)), "{own}");
    assert!(own.contains(r#"/agree""#), "others' posts keep the button");
    sam.post_form(&agree, &[]).await;
    assert!(
        body(app.client().get(&thread).await)
            .await
            .contains("Nobody has agreed yet.")
    );

    // The idea can become an ask, its words carried over; the list finds threads with ideas.
    let page = body(rosa.get(&thread).await).await;
    assert!(page.contains("Idea for a solution"));
    let ask = page
        .split(r#"href="/help/new?"#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to ask for help")
        .replace("&#38;", "&");
    let ask_form = body(rosa.get(&format!("/help/new?{ask}")).await).await;
    assert!(
        ask_form.contains("Solar bollards along the path"),
        "{ask_form}"
    );
    let with_ideas = body(app.client().get("/conversations?ideas=yes").await).await;
    assert!(with_ideas.contains("The park path is dark at night"));
    let other_topic = body(app.client().get("/conversations?topic=housing").await).await;
    assert!(!other_topic.contains("The park path"));

    // A post can be flagged and hidden like anything else.
    sam.post_form(
        "/flags",
        &[("target", "post"), ("id", &post), ("reason", "Test flag.")],
    )
    .await;
    let hidden = admin
        .post_form(
            "/moderation/hide",
            &[
                ("target", "post"),
                ("id", &post),
                ("reason", "Duplicate of another idea."),
            ],
        )
        .await;
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let page = body(app.client().get(&thread).await).await;
    assert!(!page.contains("Solar bollards") && page.contains("Hidden by a moderator"));
}
