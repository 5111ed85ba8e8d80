use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::store::{self, ModerationWork, OrganisationWork, Waiting};
use crate::roles;
use crate::state::AppState;
use crate::web::{AppResult, PageContext, RequireUser, render};

/// The queues of areas: what waits, wherever the person's roles reach.
#[derive(Default)]
struct AreaWork {
    residents: Vec<Waiting>,
    proposals: Vec<Waiting>,
    juries: Vec<Waiting>,
    exercises: Vec<Waiting>,
}

impl AreaWork {
    /// Adds rows not already listed: roles on a district and on a neighbourhood inside it
    /// reach the same queues.
    fn add(list: &mut Vec<Waiting>, rows: Vec<Waiting>) {
        for row in rows {
            if !list.iter().any(|w| w.href == row.href) {
                list.push(row);
            }
        }
    }
}

#[derive(Template)]
#[template(path = "work/templates/work.html")]
struct WorkPage {
    ctx: PageContext,
    organisations: Vec<OrganisationWork>,
    areas: AreaWork,
    moderation: Option<ModerationWork>,
    /// Whether the person may enter things for people who are not online.
    can_assist: bool,
    /// Whether the person has any role that comes with a queue.
    has_roles: bool,
    /// Applications waiting in the accrediting bodies the person assesses for (None when
    /// they assess for none).
    providers_waiting: Option<i64>,
    /// Whether the person has applied as a provider ("your applications").
    providers_mine: bool,
}

pub async fn work(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let db = &state.db;
    let organisations = store::organisations(db, &user.id).await?;
    let mut areas = AreaWork::default();
    // A site admin's reach is every area (""); others', the areas of their roles and
    // everything inside them.
    let role_areas = if user.is_admin {
        Vec::new()
    } else {
        store::role_areas(db, &user.id).await?
    };
    // Connectors, officials and admins of an area enter things for people not online.
    let can_assist = user.is_admin
        || role_areas
            .iter()
            .any(|r| ["connector", "official", "admin"].contains(&r.role.as_str()));
    let scopes: Vec<(String, bool)> = if user.is_admin {
        vec![(String::new(), true)]
    } else {
        role_areas
            .into_iter()
            .map(|r| (r.area_id, r.role != "connector"))
            .collect()
    };
    for (area_id, official) in &scopes {
        if *official {
            AreaWork::add(
                &mut areas.residents,
                store::residents_waiting(db, area_id).await?,
            );
            AreaWork::add(
                &mut areas.proposals,
                store::proposals_to_review(db, area_id).await?,
            );
            AreaWork::add(&mut areas.juries, store::juries_to_draw(db, area_id).await?);
        }
        AreaWork::add(
            &mut areas.exercises,
            store::open_exercises(db, area_id).await?,
        );
    }
    // Moderators are the site's admins.
    let moderation = if user.is_admin {
        Some(store::moderation(db).await?)
    } else {
        None
    };
    let providers_waiting = if crate::providers::store::bodies_assessed_by(db, &user.id)
        .await?
        .is_empty()
    {
        None
    } else {
        Some(crate::providers::store::waiting_count(db, &user.id).await?)
    };
    // A provider's own applications (as themselves or for an organisation they belong to).
    let providers_mine = !crate::providers::store::applications_of(db, &user.id, None, 1)
        .await?
        .is_empty();
    render(&WorkPage {
        ctx,
        can_assist,
        providers_waiting,
        providers_mine,
        has_roles: user.is_admin || !organisations.is_empty() || !scopes.is_empty(),
        organisations,
        areas,
        moderation,
    })
}

#[derive(Template)]
#[template(path = "work/templates/admin.html")]
struct AdminPage {
    ctx: PageContext,
    public_url: String,
    public_url_warning: bool,
}

/// The admin home: a way to every site setting, and what the site is told about itself.
pub async fn admin(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    roles::require_site_admin(&user, "error-needs-site-admin")?;
    render(&AdminPage {
        ctx,
        public_url: state.config.public_url.clone(),
        public_url_warning: state.config.public_url_needs_attention(),
    })
}
