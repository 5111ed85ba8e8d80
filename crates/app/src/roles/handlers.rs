use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::policy::{ALL_ROLES, AreaAction, Role};
use super::{can, require, store};
use crate::accounts;
use crate::areas::handlers::area_by_slug;
use crate::areas::store::{self as areas, Area};
use crate::state::AppState;
use crate::throttle::{self, Guesser};
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, PageContext, RequireUser, format_date, render, render_with, see_other,
};

#[derive(Template)]
#[template(path = "roles/templates/people.html")]
struct PeoplePage {
    ctx: PageContext,
    area: Area,
    holders: Vec<store::RoleHolder>,
    /// No one verifies themselves, so their own row has no button.
    viewer_id: String,
    can_manage_roles: bool,
    roles: Vec<(String, String)>,
    grant_email: String,
    grant_role: String,
    errors: FormErrors,
    invitations: Vec<(String, bool, String)>,
    new_codes: Vec<String>,
}

async fn people_page(
    state: &AppState,
    ctx: PageContext,
    area: Area,
    can_manage_roles: bool,
    errors: FormErrors,
    new_codes: Vec<String>,
) -> AppResult<PeoplePage> {
    let holders = store::holders(&state.db, &area.id).await?;
    let invitations = store::invitations(&state.db, &area.id)
        .await?
        .into_iter()
        .map(|i| (i.code, i.used, format_date(&ctx.lang, i.created_at)))
        .collect();
    let roles = forms::labelled(
        ALL_ROLES.into_iter().filter(|r| *r != Role::Resident),
        Role::as_str,
        Role::label_key,
        &ctx.lang,
    );
    Ok(PeoplePage {
        viewer_id: ctx.user.as_ref().map(|u| u.id.clone()).unwrap_or_default(),
        ctx,
        area,
        holders,
        can_manage_roles,
        roles,
        grant_email: String::new(),
        grant_role: String::new(),
        errors,
        invitations,
        new_codes,
    })
}

pub async fn people(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    require(&state.db, &user, &area.id, AreaAction::VerifyResidents).await?;
    let can_manage_roles = can(&state.db, &user, &area.id, AreaAction::ManageRoles).await?;
    render(
        &people_page(
            &state,
            ctx,
            area,
            can_manage_roles,
            FormErrors::new(),
            Vec::new(),
        )
        .await?,
    )
}

pub async fn verify(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((slug, resident_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    require(&state.db, &user, &area.id, AreaAction::VerifyResidents).await?;
    // Vouching for oneself would make verification meaningless.
    if resident_id == user.id {
        return Err(AppError::Forbidden("error-verify-self"));
    }
    if !store::verify_resident(&state.db, &resident_id, &area.id, &user.id).await? {
        return Err(AppError::Conflict("error-verify-nothing"));
    }
    tracing::info!(by = %user.id, resident = %resident_id, area = %area.id, "resident verified");
    Ok(see_other(
        &format!("/areas/{}/people", area.slug),
        Some("resident-verified"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct GrantForm {
    email: String,
    role: String,
}

pub async fn grant(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<GrantForm>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    require(&state.db, &user, &area.id, AreaAction::ManageRoles).await?;
    let mut errors = FormErrors::new();
    let role = Role::parse(&form.role).filter(|r| *r != Role::Resident);
    if role.is_none() {
        errors.add(&ctx.lang, "role", "field-role-invalid");
    }
    let (email, grantee) =
        accounts::named_in_form(&state, &ctx.lang, &mut errors, "email", &form.email).await?;
    let (Some(grantee), Some(role)) = (grantee, role) else {
        let mut page = people_page(&state, ctx, area, true, errors, Vec::new()).await?;
        page.grant_email = email;
        page.grant_role = form.role;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    store::grant(&state.db, &grantee.id, &area.id, role, &user.id).await?;
    tracing::info!(by = %user.id, to = %grantee.id, area = %area.id, role = role.as_str(), "role granted");
    Ok(see_other(
        &format!("/areas/{}/people", area.slug),
        Some("role-granted"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RevokeForm {
    user_id: String,
    role: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<RevokeForm>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    require(&state.db, &user, &area.id, AreaAction::ManageRoles).await?;
    let role = Role::parse(&form.role).ok_or(AppError::NotFound)?;
    if !store::revoke(&state.db, &form.user_id, &area.id, role, &user.id).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(by = %user.id, from = %form.user_id, area = %area.id, role = role.as_str(), "role removed");
    Ok(see_other(
        &format!("/areas/{}/people", area.slug),
        Some("role-removed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    count: String,
}

/// The most codes made at once: enough for a street's letters, small enough to print.
const MAX_CODES: usize = 200;

pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let area = area_by_slug(&state, &slug).await?;
    require(&state.db, &user, &area.id, AreaAction::VerifyResidents).await?;
    let can_manage_roles = can(&state.db, &user, &area.id, AreaAction::ManageRoles).await?;
    let count = form
        .count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_CODES).contains(n));
    let Some(count) = count else {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, "count", "field-count-invalid");
        let page = people_page(&state, ctx, area, can_manage_roles, errors, Vec::new()).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let codes = store::create_invitations(&state.db, &area.id, &user.id, count).await?;
    tracing::info!(by = %user.id, area = %area.id, count, "invitation codes created");
    // Shown once on this page, ready to print; they stay listed below for reference.
    render(
        &people_page(
            &state,
            ctx,
            area,
            can_manage_roles,
            FormErrors::new(),
            codes,
        )
        .await?,
    )
}

#[derive(Template)]
#[template(path = "roles/templates/verify.html")]
struct CodePage {
    ctx: PageContext,
    code: String,
    errors: FormErrors,
}

pub async fn code_form(ctx: PageContext, RequireUser(_user): RequireUser) -> AppResult<Response> {
    render(&CodePage {
        ctx,
        code: String::new(),
        errors: FormErrors::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

/// Wrong codes are throttled per account and per client address (see `throttle`); text
/// that cannot be a code is not a guess and does not count.
pub async fn redeem(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    guesser: Guesser,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let area_id = match normalise_code(&form.code) {
        Some(code) => {
            let attempt =
                throttle::begin(&state, guesser.counters(), throttle::CODES_REFUSED).await?;
            let area_id = store::redeem_invitation(&state.db, &code, &user.id).await?;
            match area_id {
                Some(_) => attempt.succeeded(&state).await?,
                None => attempt.failed(),
            }
            area_id
        }
        None => None,
    };
    let Some(area_id) = area_id else {
        let mut errors = FormErrors::new();
        errors.add(&ctx.lang, "code", "field-code-invalid");
        let code = form.code.trim().to_string();
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &CodePage { ctx, code, errors },
        );
    };
    let area = areas::find(&state.db, &area_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(user = %user.id, area = %area.id, "resident verified by code");
    Ok(see_other(
        &format!("/areas/{}", area.slug),
        Some("resident-verified-self"),
    ))
}

/// Accepts codes as people type them: any case, with or without the dash or spaces.
fn normalise_code(input: &str) -> Option<String> {
    let letters = crate::roles::store::code_as_typed(input);
    (letters.len() == 8).then(|| format!("{}-{}", &letters[..4], &letters[4..]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_accepted_as_typed() {
        assert_eq!(
            super::normalise_code(" abcd efgh ").as_deref(),
            Some("ABCD-EFGH")
        );
        assert_eq!(
            super::normalise_code("ABCD-EFGH").as_deref(),
            Some("ABCD-EFGH")
        );
        assert_eq!(super::normalise_code("ABC"), None);
    }
}
