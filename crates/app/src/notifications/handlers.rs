use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::store::{self, Setting};
use super::{ALL_FREQUENCIES, ALL_KINDS, Frequency, Kind};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::{AppResult, PageContext, RequireUser, render, render_with, see_other};

/// One kind's row of the form.
struct Row {
    kind: &'static str,
    label: String,
    hint: String,
    email: &'static str,
    site: bool,
    has_site: bool,
}

#[derive(Template)]
#[template(path = "notifications/templates/settings.html")]
struct SettingsPage {
    ctx: PageContext,
    rows: Vec<Row>,
    /// (value, label) of each frequency.
    frequencies: Vec<(&'static str, String)>,
    errors: FormErrors,
}

fn page(ctx: PageContext, settings: &[(Kind, Setting)], errors: FormErrors) -> SettingsPage {
    let rows = settings
        .iter()
        .map(|(kind, setting)| Row {
            kind: kind.as_str(),
            label: ctx.t(&format!("notifications-kind-{}", kind.as_str())),
            hint: ctx.t(&format!("notifications-kind-{}-hint", kind.as_str())),
            email: setting.email.as_str(),
            site: setting.site,
            has_site: kind.has_site_notices(),
        })
        .collect();
    let frequencies = ALL_FREQUENCIES
        .into_iter()
        .map(|f| {
            (
                f.as_str(),
                ctx.t(&format!("notifications-email-{}", f.as_str())),
            )
        })
        .collect();
    SettingsPage {
        ctx,
        rows,
        frequencies,
        errors,
    }
}

pub async fn settings(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let settings = store::settings(&state.db, &user.id).await?;
    render(&page(ctx, &settings, FormErrors::new()))
}

/// Saves the whole form: for each kind `email-<kind>` (a frequency) and `site-<kind>`
/// (present when ticked). A missing or unknown frequency is an error and nothing is saved.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let fields: HashMap<&str, &str> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut errors = FormErrors::new();
    let mut chosen = Vec::new();
    for kind in ALL_KINDS {
        let email = fields
            .get(format!("email-{}", kind.as_str()).as_str())
            .and_then(|v| Frequency::parse(v));
        let site = fields.contains_key(format!("site-{}", kind.as_str()).as_str());
        match email {
            Some(email) => chosen.push((kind, Setting { email, site })),
            None => {
                errors.add_message("settings", ctx.t("field-notifications-invalid"));
                break;
            }
        }
    }
    if !errors.is_empty() {
        let settings = store::settings(&state.db, &user.id).await?;
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(ctx, &settings, errors),
        );
    }
    store::save(&state.db, &user.id, &chosen).await?;
    Ok(see_other(
        "/account/notifications",
        Some("notifications-saved"),
    ))
}
