//! The capacity inventory on paper: the asset map's questions (gifts and skills, things to
//! lend, spaces, groups; how each is shared, who may see it) as a form a resident fills in
//! by hand at a door or a stall, and an organiser types in. Public: it holds no one's data.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::handlers::area_by_slug;
use super::privacy::ALL_VISIBILITIES;
use super::store::{AssetKind, ShareMode};
use crate::skills::store::Catalogue;
use crate::state::AppState;
use crate::web::{AppResult, PageContext, render};

/// Blank rows for things to lend, spaces and groups each.
const WRITE_IN_ROWS: usize = 3;

/// How a skill can be shared (lending is for things).
const SKILL_MODES: [ShareMode; 3] = [ShareMode::Teach, ShareMode::Do, ShareMode::Advise];

#[derive(Template)]
#[template(path = "assets/templates/inventory.html")]
struct Inventory {
    ctx: PageContext,
    area_name: String,
    area_slug: String,
    catalogue: Catalogue,
    /// The headings of the skill table's tick columns.
    skill_modes: Vec<String>,
    visibilities: Vec<String>,
    rows: usize,
}

impl Inventory {
    fn back(&self) -> String {
        format!("/areas/{}/assets", self.area_slug)
    }

    fn back_text(&self) -> String {
        self.ctx.t1("assets-map-title", "area", &self.area_name)
    }

    fn kind(&self, kind: AssetKind) -> String {
        self.ctx.t(&kind.label_key())
    }
}

pub async fn inventory(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    let skill_modes = SKILL_MODES.iter().map(|m| ctx.t(&m.label_key())).collect();
    let visibilities = ALL_VISIBILITIES
        .iter()
        .map(|v| ctx.t(&v.label_key()))
        .collect();
    render(&Inventory {
        ctx,
        area_name: area.name,
        area_slug: area.slug,
        catalogue,
        skill_modes,
        visibilities,
        rows: WRITE_IN_ROWS,
    })
}
