//! Network mapping: an organiser (a connector, official or admin of the area) runs a short
//! questionnaire; the answers become a map of who works with whom, insights in plain words
//! (connectors, brokers, clusters, isolated people, fragile bridges, introductions to make),
//! comparisons between rounds and exports for Gephi and Kumu. People who did not consent
//! appear as pseudonyms everywhere but in an organiser's own view, and so does anything
//! named as an organisation that is not registered on the site and did not consent.

mod handlers;
pub mod insights;
pub mod map;
mod print;
pub mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mapping", get(handlers::list))
        .route(
            "/mapping/new",
            get(handlers::new_form).post(handlers::create),
        )
        .route("/mapping/{slug}", get(handlers::show))
        .route("/mapping/{slug}/poster", get(print::poster))
        .route("/mapping/{slug}/questionnaire", get(print::questionnaire))
        .route("/mapping/{slug}/close", post(handlers::close))
        .route(
            "/mapping/{slug}/invite",
            get(handlers::invite_form).post(handlers::invite),
        )
        .route(
            "/mapping/{slug}/answer",
            get(handlers::answer_form).post(handlers::answer),
        )
        .route("/mapping/{slug}/thanks", get(handlers::thanks))
        .route("/mapping/{slug}/map", get(handlers::map_page))
        .route("/mapping/{slug}/insights", get(handlers::insights))
        .route(
            "/mapping/{slug}/introductions",
            post(handlers::mark_introduced),
        )
        .route("/mapping/{slug}/compare", get(handlers::compare))
        .route("/mapping/{slug}/export/{file}", get(handlers::export))
}

/// The headline numbers of the newest exercise with a public map in the area or an area
/// inside it (`area_ids`), for the area's dashboard; no names are involved.
pub async fn latest_public_headline(
    db: &crate::db::Db,
    area_ids: &[String],
) -> anyhow::Result<Option<(store::Exercise, map::Headline)>> {
    let Some(exercise) = store::list(db)
        .await?
        .into_iter()
        .find(|e| e.visibility == store::Visibility::Public && area_ids.contains(&e.area_id))
    else {
        return Ok(None);
    };
    let nodes = store::nodes(db, &exercise.id).await?;
    let ties = store::ties(db, &exercise.id).await?;
    let headline = tokio::task::spawn_blocking(move || {
        let built = map::build(
            &nodes,
            &ties,
            &Default::default(),
            map::Naming::Public,
            &map::Filter::default(),
            &map::export_language(),
        );
        map::remembered_headline(&built.graph)
    })
    .await
    .map_err(|e| anyhow::anyhow!("measuring a network: {e}"))?;
    Ok(Some((exercise, headline)))
}
