use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;

use super::{sessions, store};
use crate::areas::store::{self as areas, Area, AreaKind};
use crate::i18n::{Lang, SUPPORTED};
use crate::mail::{self, Email};
use crate::organisations::store as organisations;
use crate::roles::store as roles;
use crate::state::AppState;
use crate::throttle::{self, Counter};
use crate::web::csrf::RotateCsrf;
use crate::web::forms::{self, FormErrors};
use crate::web::session::{self as web_session, LANG_COOKIE, cookie_value};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, local_path, redirect, render,
    render_with, see_other,
};

pub const MIN_PASSWORD: usize = 10;
const MAX_PASSWORD: usize = 256;

// ---------------------------------------------------------------- passwords

/// Argon2 is deliberately slow: hash on the blocking pool, not the async workers.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("hashing a password")))
}

async fn password_matches(password: String, hash: String) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("checking a password")))
}

/// Asks for the current password before a sensitive change; a wrong one is a field error.
/// Wrong ones count with wrong passwords at sign-in, so a borrowed session cannot guess it.
async fn confirm_current_password(
    state: &AppState,
    user: &CurrentUser,
    lang: &Lang,
    given: String,
    errors: &mut FormErrors,
) -> AppResult<()> {
    let attempt = throttle::begin(
        state,
        &[Counter::sign_in(&user.email)],
        throttle::SIGN_IN_REFUSED,
    )
    .await?;
    let hash = store::password_hash(&state.db, &user.id)
        .await?
        .ok_or(AppError::SignInRequired)?;
    if password_matches(given, hash).await? {
        attempt.succeeded(state).await?;
    } else {
        attempt.failed();
        errors.add(lang, "current_password", "field-current-password-wrong");
    }
    Ok(())
}

/// Checks a new password and its confirmation.
fn check_new_password(
    errors: &mut FormErrors,
    lang: &Lang,
    field: &'static str,
    password: &str,
    confirm: &str,
    email: &str,
) {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        errors.add(lang, field, "field-password-too-short");
    } else if length > MAX_PASSWORD {
        forms::too_long(errors, lang, field, password, MAX_PASSWORD);
    } else if password.eq_ignore_ascii_case(email) {
        errors.add(lang, field, "field-password-is-email");
    }
    if password != confirm {
        errors.add(lang, "password_confirm", "field-password-mismatch");
    }
}

/// Starts a session: new token, cookie, fresh CSRF token, then go to `next`. The redirect
/// is built first and cannot fail, so no session row exists without its cookie being sent.
async fn sign_in(state: &AppState, user_id: &str, next: &str) -> AppResult<Response> {
    let mut response = redirect(&local_path(Some(next)));
    let token = sessions::create(&state.db, user_id).await?;
    response.headers_mut().append(
        header::SET_COOKIE,
        web_session::session_cookie(&token, state.config.secure_cookies),
    );
    response.extensions_mut().insert(RotateCsrf);
    Ok(response)
}

// ---------------------------------------------------------------- first admin

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterForm {
    display_name: String,
    email: String,
    password: String,
    password_confirm: String,
    home_area: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/setup.html")]
struct SetupPage {
    ctx: PageContext,
    form: RegisterForm,
    errors: FormErrors,
}

pub async fn setup_form(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    if store::anyone(&state.db).await? {
        return Ok(Redirect::to("/login").into_response());
    }
    render(&SetupPage {
        ctx,
        form: RegisterForm::default(),
        errors: FormErrors::new(),
    })
}

pub async fn setup(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<RegisterForm>,
) -> AppResult<Response> {
    if store::anyone(&state.db).await? {
        return Err(AppError::Forbidden("error-setup-done"));
    }
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let display_name =
        forms::required_text(&mut errors, &lang, "display_name", &form.display_name, 80);
    let email = forms::email(&mut errors, &lang, "email", &form.email);
    check_new_password(
        &mut errors,
        &lang,
        "password",
        &form.password,
        &form.password_confirm,
        &email,
    );
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SetupPage { ctx, form, errors },
        );
    }
    let hash = hash_password(form.password.clone()).await?;
    let new_user = store::NewUser {
        email: &email,
        password_hash: &hash,
        display_name: &display_name,
        home_area_id: None,
        locale: lang.code(),
        is_admin: true,
    };
    let id = match store::create_first_admin(&state.db, &new_user).await {
        Ok(id) => id,
        Err(store::CreateUserError::NotFirst) => {
            return Err(AppError::Forbidden("error-setup-done"));
        }
        Err(store::CreateUserError::EmailTaken) => {
            return Err(AppError::Conflict("field-email-taken"));
        }
        Err(store::CreateUserError::Other(e)) => return Err(e.into()),
    };
    tracing::info!(user = %id, "created the first admin account");
    sign_in(&state, &id, "/areas?notice=welcome-admin").await
}

// ---------------------------------------------------------------- registration

#[derive(Template)]
#[template(path = "accounts/templates/register.html")]
struct RegisterPage {
    ctx: PageContext,
    form: RegisterForm,
    errors: FormErrors,
    neighbourhoods: Vec<(String, String)>,
}

/// The neighbourhood chosen in a form (empty for none), or an error on the field.
async fn home_neighbourhood(
    state: &AppState,
    lang: &Lang,
    errors: &mut FormErrors,
    id: &str,
) -> AppResult<Option<Area>> {
    if id.is_empty() {
        return Ok(None);
    }
    match areas::find(&state.db, id).await? {
        Some(area) if area.kind == AreaKind::Neighbourhood => Ok(Some(area)),
        _ => {
            errors.add(lang, "home_area", "field-home-area-invalid");
            Ok(None)
        }
    }
}

/// Neighbourhoods for a select, labelled "Neighbourhood (District)".
async fn neighbourhood_choices(state: &AppState) -> AppResult<Vec<(String, String)>> {
    let all = areas::all(&state.db).await?;
    let name_of = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| all.iter().find(|a| &a.id == id))
            .map(|a| a.name.clone())
    };
    Ok(all
        .iter()
        .filter(|a| a.kind == AreaKind::Neighbourhood)
        .map(|a| {
            let label = match name_of(&a.parent_id) {
                Some(parent) => format!("{} ({parent})", a.name),
                None => a.name.clone(),
            };
            (a.id.clone(), label)
        })
        .collect())
}

pub async fn register_form(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    if !store::anyone(&state.db).await? {
        return Ok(Redirect::to("/setup").into_response());
    }
    let neighbourhoods = neighbourhood_choices(&state).await?;
    render(&RegisterPage {
        ctx,
        form: RegisterForm::default(),
        errors: FormErrors::new(),
        neighbourhoods,
    })
}

pub async fn register(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<RegisterForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let display_name =
        forms::required_text(&mut errors, &lang, "display_name", &form.display_name, 80);
    let email = forms::email(&mut errors, &lang, "email", &form.email);
    check_new_password(
        &mut errors,
        &lang,
        "password",
        &form.password,
        &form.password_confirm,
        &email,
    );
    let home = home_neighbourhood(&state, &lang, &mut errors, &form.home_area).await?;
    if !errors.is_empty() {
        let neighbourhoods = neighbourhood_choices(&state).await?;
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RegisterPage {
                ctx,
                form,
                errors,
                neighbourhoods,
            },
        );
    }
    // Each address gets a few registration emails a quarter of an hour, whoever asks.
    throttle::begin(
        &state,
        &[Counter::new(
            &throttle::REGISTRATION_MAILS,
            &format!("email:{email}"),
        )],
        throttle::REGISTRATION_REFUSED,
    )
    .await?
    .failed();
    // The password is hashed either way, so the answer takes as long for a known address.
    let hash = hash_password(form.password.clone()).await?;
    store::prune_pending(&state.db, crate::db::now_ms()).await?;
    let public_url = state.config.public_url.trim_end_matches('/');
    let mut tx = crate::db::begin(&state.db).await?;
    let message = match store::find_by_email(&state.db, &email).await? {
        Some(user) => {
            let lang = Lang::from_tag(&user.locale).unwrap_or_default();
            Email {
                to: user.email.clone(),
                subject: lang.t("register-exists-email-subject"),
                body: lang.t_args(
                    "register-exists-email-body",
                    &[
                        ("name", &user.display_name),
                        ("login", &format!("{public_url}/login")),
                        ("forgot", &format!("{public_url}/password/forgot")),
                    ],
                ),
            }
        }
        None => {
            let pending = store::PendingRegistration {
                email: email.clone(),
                display_name: display_name.clone(),
                password_hash: hash,
                home_area_id: home.as_ref().map(|a| a.id.clone()),
                locale: lang.code().to_string(),
            };
            let token = store::create_pending(&mut *tx, &pending).await?;
            Email {
                to: email.clone(),
                subject: lang.t("register-confirm-email-subject"),
                body: lang.t_args(
                    "register-confirm-email-body",
                    &[
                        ("name", &display_name),
                        ("link", &format!("{public_url}/register/confirm/{token}")),
                    ],
                ),
            }
        }
    };
    mail::queue(&mut *tx, &message).await?;
    tx.commit().await?;
    state.jobs_waiting.notify_one();
    Ok(Redirect::to("/register/sent").into_response())
}

#[derive(Template)]
#[template(path = "accounts/templates/register_sent.html")]
struct RegisterSentPage {
    ctx: PageContext,
    demo: bool,
}

/// The same answer whether or not the address has an account: look in your email.
pub async fn register_sent(State(state): State<AppState>, ctx: PageContext) -> AppResult<Response> {
    render(&RegisterSentPage {
        ctx,
        demo: state.config.mail.transport == crate::config::MailTransport::Log,
    })
}

#[derive(Template)]
#[template(path = "accounts/templates/register_confirm.html")]
struct RegisterConfirmPage {
    ctx: PageContext,
    token: String,
    name: String,
    /// Empty while the link works; else why it does not.
    problem: &'static str,
}

/// The emailed link opens a page with one button, so a mail scanner that opens links makes
/// no account.
pub async fn register_confirm_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let pending = store::find_pending(&state.db, &token).await?;
    let (status, name, problem) = match pending {
        Some(p) => (StatusCode::OK, p.display_name, ""),
        None => (StatusCode::GONE, String::new(), "register-link-gone"),
    };
    render_with(
        status,
        &RegisterConfirmPage {
            ctx,
            token,
            name,
            problem,
        },
    )
}

pub async fn register_confirm(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let problem = match store::finish_pending(&state.db, &token).await? {
        store::Finished::Created(id) => return welcome(&state, &id).await,
        store::Finished::Gone => "register-link-gone",
        store::Finished::EmailTaken => "register-link-taken",
    };
    render_with(
        StatusCode::GONE,
        &RegisterConfirmPage {
            ctx,
            token,
            name: String::new(),
            problem,
        },
    )
}

/// Signs a new resident in, on their neighbourhood's page (where they may ask to be
/// verified as living there).
async fn welcome(state: &AppState, id: &str) -> AppResult<Response> {
    tracing::info!(user = %id, "registered");
    let user = store::find(&state.db, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the account just made is gone"))?;
    let home = match &user.home_area_id {
        Some(area_id) => areas::find(&state.db, area_id).await?,
        None => None,
    };
    if let Some(area) = &home {
        crate::roles::claim_residence(&state.db, id, area).await?;
    }
    let next = match &home {
        Some(area) => format!("/areas/{}?notice=registered", area.slug),
        None => "/areas?notice=registered".to_string(),
    };
    sign_in(state, id, &next).await
}

// ---------------------------------------------------------------- sign in and out

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/templates/login.html")]
struct LoginPage {
    ctx: PageContext,
    email: String,
    next: String,
    errors: FormErrors,
}

pub async fn login_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NextQuery>,
) -> AppResult<Response> {
    if !store::anyone(&state.db).await? {
        return Ok(Redirect::to("/setup").into_response());
    }
    let next = local_path(query.next.as_deref());
    render(&LoginPage {
        ctx,
        email: String::new(),
        next,
        errors: FormErrors::new(),
    })
}

/// A fixed hash to check against when the email is unknown, so a wrong email takes as long
/// as a wrong password and the timing does not reveal who has an account.
static DECOY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash("decoy password for timing"));

pub async fn login(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let email = form.email.trim().to_lowercase();
    let next = local_path(Some(&form.next));
    // Counted per typed email whether or not it has an account, so a refusal says nothing
    // about who has one; a right password is refused too while the count is full.
    let attempt = throttle::begin(
        &state,
        &[Counter::sign_in(&email)],
        throttle::SIGN_IN_REFUSED,
    )
    .await?;
    let found = store::credentials(&state.db, &email).await?;
    let (user_id, hash) = match found {
        Some((id, hash)) => (Some(id), hash),
        None => (None, DECOY_HASH.clone()),
    };
    let matches = password_matches(form.password, hash).await?;
    if let (Some(user_id), true) = (user_id, matches) {
        attempt.succeeded(&state).await?;
        tracing::info!(user = %user_id, "signed in");
        return sign_in(&state, &user_id, &next).await;
    }
    attempt.failed();
    let mut errors = FormErrors::new();
    errors.add(&ctx.lang, "email", "login-failed");
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &LoginPage {
            ctx,
            email,
            next,
            errors,
        },
    )
}

pub async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> AppResult<Response> {
    if let Some(token) = cookie_value(&headers, web_session::COOKIE) {
        sessions::delete(&state.db, &token).await?;
    }
    let mut response = see_other("/", Some("signed-out"));
    response.headers_mut().append(
        header::SET_COOKIE,
        web_session::clear_session_cookie(state.config.secure_cookies),
    );
    response.extensions_mut().insert(RotateCsrf);
    Ok(response)
}

// ---------------------------------------------------------------- password reset

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/forgot.html")]
struct ForgotPage {
    ctx: PageContext,
    email: String,
    errors: FormErrors,
    sent: bool,
}

pub async fn forgot_form(ctx: PageContext) -> AppResult<Response> {
    render(&ForgotPage {
        ctx,
        email: String::new(),
        errors: FormErrors::new(),
        sent: false,
    })
}

/// Always answers the same way, so the form does not reveal who has an account.
pub async fn forgot(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<ForgotForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let email = forms::email(&mut errors, &ctx.lang, "email", &form.email);
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                ctx,
                email,
                errors,
                sent: false,
            },
        );
    }
    if let Some(user) = store::find_by_email(&state.db, &email).await? {
        let lang = Lang::from_tag(&user.locale).unwrap_or_default();
        let mut tx = crate::db::begin(&state.db).await?;
        let token = store::create_reset(&mut *tx, &user.id).await?;
        let link = format!(
            "{}/password/reset/{token}",
            state.config.public_url.trim_end_matches('/')
        );
        let message = Email {
            to: user.email.clone(),
            subject: lang.t("reset-email-subject"),
            body: lang.t_args(
                "reset-email-body",
                &[("name", &user.display_name), ("link", &link)],
            ),
        };
        mail::queue(&mut *tx, &message).await?;
        tx.commit().await?;
        state.jobs_waiting.notify_one();
        tracing::info!(user = %user.id, "password reset requested");
    }
    render(&ForgotPage {
        ctx,
        email,
        errors,
        sent: true,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
    password_confirm: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/reset.html")]
struct ResetPage {
    ctx: PageContext,
    token: String,
    valid: bool,
    errors: FormErrors,
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let valid = store::reset_owner(&state.db, &token).await?.is_some();
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    render_with(
        status,
        &ResetPage {
            ctx,
            token,
            valid,
            errors: FormErrors::new(),
        },
    )
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    let Some(user_id) = store::reset_owner(&state.db, &token).await? else {
        return render_with(
            StatusCode::GONE,
            &ResetPage {
                ctx,
                token,
                valid: false,
                errors: FormErrors::new(),
            },
        );
    };
    let email = store::find(&state.db, &user_id)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    let mut errors = FormErrors::new();
    check_new_password(
        &mut errors,
        &ctx.lang,
        "password",
        &form.password,
        &form.password_confirm,
        &email,
    );
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                ctx,
                token,
                valid: true,
                errors,
            },
        );
    }
    let hash = hash_password(form.password).await?;
    if !store::reset_password(&state.db, &token, &hash).await? {
        return render_with(
            StatusCode::GONE,
            &ResetPage {
                ctx,
                token,
                valid: false,
                errors,
            },
        );
    }
    // Whoever was guessing the old password is out of luck now: let the owner sign in.
    throttle::clear_sign_in(&state, &email).await?;
    tracing::info!(user = %user_id, "password reset");
    Ok(see_other("/login", Some("password-reset")))
}

// ---------------------------------------------------------------- profile

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    bio: String,
    home_area: String,
    locale: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/account.html")]
struct AccountPage {
    ctx: PageContext,
    form: ProfileForm,
    email: String,
    errors: FormErrors,
    neighbourhoods: Vec<(String, String)>,
    languages: Vec<(String, String)>,
    roles: Vec<roles::HeldRole>,
    memberships: Vec<organisations::Membership>,
}

async fn account_page(
    state: &AppState,
    ctx: PageContext,
    user_id: &str,
    form: Option<ProfileForm>,
    errors: FormErrors,
) -> AppResult<AccountPage> {
    let user = store::find(&state.db, user_id)
        .await?
        .ok_or(AppError::SignInRequired)?;
    let form = form.unwrap_or(ProfileForm {
        display_name: user.display_name.clone(),
        bio: user.bio.clone(),
        home_area: user.home_area_id.clone().unwrap_or_default(),
        locale: user.locale.clone(),
    });
    Ok(AccountPage {
        ctx,
        form,
        email: user.email,
        errors,
        neighbourhoods: neighbourhood_choices(state).await?,
        languages: SUPPORTED
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect(),
        roles: roles::of_user(&state.db, user_id).await?,
        memberships: organisations::memberships_of(&state.db, user_id).await?,
    })
}

pub async fn account(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    render(&account_page(&state, ctx, &user.id, None, FormErrors::new()).await?)
}

pub async fn save_profile(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let display_name =
        forms::required_text(&mut errors, &lang, "display_name", &form.display_name, 80);
    let bio = forms::optional_text(&mut errors, &lang, "bio", &form.bio, 2000);
    let locale = Lang::from_tag(&form.locale)
        .map(|l| l.code())
        .unwrap_or(crate::i18n::DEFAULT);
    let home = home_neighbourhood(&state, &lang, &mut errors, &form.home_area).await?;
    if !errors.is_empty() {
        let page = account_page(&state, ctx, &user.id, Some(form), errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let profile = store::ProfileUpdate {
        display_name: &display_name,
        bio: &bio,
        home_area_id: home.as_ref().map(|a| a.id.as_str()),
        locale,
    };
    store::update_profile(&state.db, &user.id, &profile).await?;
    if let Some(area) = &home {
        crate::roles::claim_residence(&state.db, &user.id, area).await?;
    }
    // The language chosen here wins over an earlier switch in the footer.
    let mut response = see_other("/account", Some("profile-saved"));
    response.headers_mut().append(
        header::SET_COOKIE,
        language_cookie(locale, state.config.secure_cookies),
    );
    Ok(response)
}

// ---------------------------------------------------------------- password change

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/password.html")]
struct PasswordPage {
    ctx: PageContext,
    errors: FormErrors,
}

pub async fn password_form(
    ctx: PageContext,
    RequireUser(_user): RequireUser,
) -> AppResult<Response> {
    render(&PasswordPage {
        ctx,
        errors: FormErrors::new(),
    })
}

pub async fn change_password(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    confirm_current_password(&state, &user, &ctx.lang, form.current_password, &mut errors).await?;
    check_new_password(
        &mut errors,
        &ctx.lang,
        "password",
        &form.password,
        &form.password_confirm,
        &user.email,
    );
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage { ctx, errors },
        );
    }
    let hash = hash_password(form.password).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    store::set_password(&mut *tx, &user.id, &hash).await?;
    // Sign out everywhere else: a changed password should lock out whoever knew the old one.
    sessions::delete_all_for_user(&mut *tx, &user.id).await?;
    tx.commit().await?;
    sign_in(&state, &user.id, "/account?notice=password-changed").await
}

// ---------------------------------------------------------------- export and deletion

pub async fn export(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let account = store::find(&state.db, &user.id)
        .await?
        .ok_or(AppError::SignInRequired)?;
    let document = json!({
        "format": "squaremile-account-export/1",
        "exported_at": crate::db::now_ms(),
        "account": account,
        "area_roles": roles::of_user(&state.db, &user.id).await?,
        "organisation_memberships": organisations::memberships_of(&state.db, &user.id).await?,
        "active_sessions": sessions::count_for_user(&state.db, &user.id).await?,
        "event_answers": crate::events::store::answers_of(&state.db, &user.id)
            .await?
            .into_iter()
            .map(|(slug, title, status)| json!({"event": slug, "title": title, "answer": status}))
            .collect::<Vec<_>>(),
        "alerts": crate::alerts::store::for_user(&state.db, &user.id)
            .await?
            .into_iter()
            .map(|s| json!({
                "kinds": s.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
                "area": s.area_name,
                "topic": s.topic,
                "words": s.keyword,
                "frequency": s.frequency.as_str(),
            }))
            .collect::<Vec<_>>(),
        // Only the kinds chosen; any other is sent at once, with site notices.
        "notification_settings": crate::notifications::store::settings(&state.db, &user.id)
            .await?
            .into_iter()
            .map(|(kind, setting)| json!({
                "kind": kind.as_str(),
                "email": setting.email.as_str(),
                "site": setting.site,
            }))
            .collect::<Vec<_>>(),
    });
    let body = serde_json::to_string_pretty(&document).map_err(anyhow::Error::from)?;
    let mut response = crate::web::download(
        "squaremile-my-data.json",
        "application/json; charset=utf-8",
        body,
    );
    // Everything the site holds about one person: never kept by a browser or proxy cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    current_password: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/delete.html")]
struct DeletePage {
    ctx: PageContext,
    errors: FormErrors,
}

pub async fn delete_form(ctx: PageContext, RequireUser(_user): RequireUser) -> AppResult<Response> {
    render(&DeletePage {
        ctx,
        errors: FormErrors::new(),
    })
}

pub async fn delete_account(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    confirm_current_password(&state, &user, &ctx.lang, form.current_password, &mut errors).await?;
    if errors.is_empty() && user.is_admin && store::admin_count(&state.db).await? <= 1 {
        errors.add(&ctx.lang, "current_password", "delete-last-admin");
    }
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeletePage { ctx, errors },
        );
    }
    store::delete(&state.db, &user.id).await?;
    tracing::info!(user = %user.id, "account deleted");
    let mut response = see_other("/", Some("account-deleted"));
    response.headers_mut().append(
        header::SET_COOKIE,
        web_session::clear_session_cookie(state.config.secure_cookies),
    );
    response.extensions_mut().insert(RotateCsrf);
    Ok(response)
}

// ---------------------------------------------------------------- language

fn language_cookie(code: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={code}; Path=/; SameSite=Lax; Max-Age=31536000{secure}"
    ))
    .expect("language codes are valid header values")
}

/// Switches language from the footer links; works without JavaScript and without an account.
pub async fn set_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<NextQuery>,
) -> AppResult<Response> {
    let lang = Lang::from_tag(&code).ok_or(AppError::NotFound)?;
    let mut response = redirect(&local_path(query.next.as_deref()));
    response.headers_mut().append(
        header::SET_COOKIE,
        language_cookie(lang.code(), state.config.secure_cookies),
    );
    Ok(response)
}
