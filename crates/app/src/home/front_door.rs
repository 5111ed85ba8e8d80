//! What is happening in a place now, for the home page (everywhere) and an area's page (the
//! area and the areas inside it): open votes, budgets taking ideas, coming events, the newest
//! reports with where they stand, open asks, conversations, juries looking for volunteers.
//! Each list is its feature's own bounded, indexed query, at most [`FRONT_ROWS`] rows, and
//! the page links to the paged list for the rest: nothing is silently dropped.

use crate::assets::privacy::Viewer;
use crate::budgets::store::{self as budgets, Phase};
use crate::conversations::store::{self as conversations, Conversation};
use crate::events::store::{self as events, Event, When};
use crate::help::store::{self as help, Post, PostFilter};
use crate::juries::store as juries;
use crate::reports::store::{self as reports, Report};
use crate::state::AppState;
use crate::web::{AppResult, CurrentUser};

/// Rows each list shows before its "see all" link.
pub const FRONT_ROWS: i64 = 5;

pub struct FrontDoor {
    /// The area's id, or empty for everywhere.
    pub area_id: String,
    /// Its slug, for the lists' `?area=` filters.
    pub area_slug: String,
    /// Budget processes in their voting phase: (slug, title).
    pub votes: Vec<(String, String)>,
    /// Budget processes taking ideas: (slug, title).
    pub ideas: Vec<(String, String)>,
    pub events: Vec<Event>,
    pub reports: Vec<Report>,
    pub asks: Vec<Post>,
    pub conversations: Vec<Conversation>,
    /// Juries taking volunteers: (slug, title, closes on).
    pub juries: Vec<(String, String, String)>,
}

impl FrontDoor {
    /// Everything happening in `area` and inside it (None: everywhere), as `user` may see.
    pub async fn gather(
        state: &AppState,
        user: Option<&CurrentUser>,
        area: Option<&crate::areas::store::Area>,
    ) -> AppResult<FrontDoor> {
        let db = &state.db;
        let area_id = area.map_or("", |a| a.id.as_str());
        let asks = PostFilter {
            kind: "ask".into(),
            status: "open".into(),
            area: area_id.to_string(),
            ..PostFilter::default()
        };
        let newest_reports = reports::Filter {
            area: area_id.to_string(),
            ..reports::Filter::default()
        };
        Ok(FrontDoor {
            area_id: area_id.to_string(),
            area_slug: area.map(|a| a.slug.clone()).unwrap_or_default(),
            votes: budgets::in_phase(db, area_id, Phase::Voting, FRONT_ROWS).await?,
            ideas: budgets::in_phase(db, area_id, Phase::Ideas, FRONT_ROWS).await?,
            events: events::list(db, area_id, "", When::Upcoming, None, FRONT_ROWS).await?,
            reports: reports::list(
                db,
                &newest_reports,
                reports::Order::NewestFirst,
                None,
                FRONT_ROWS,
            )
            .await?,
            asks: help::list(db, &Viewer::of(user), &asks, None, FRONT_ROWS).await?,
            conversations: conversations::newest(db, area_id, FRONT_ROWS).await?,
            juries: juries::recruiting(db, area_id, FRONT_ROWS).await?,
        })
    }

    /// `?area=<slug>` for links to the lists, or nothing everywhere.
    pub fn area_query(&self) -> String {
        if self.area_slug.is_empty() {
            String::new()
        } else {
            format!("?area={}", self.area_slug)
        }
    }

    /// `&area=<slug>` after a query already started, or nothing everywhere.
    pub fn and_area(&self) -> String {
        if self.area_slug.is_empty() {
            String::new()
        } else {
            format!("&area={}", self.area_slug)
        }
    }
}
