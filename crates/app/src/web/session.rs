//! Sign-in sessions: an opaque random token in an HttpOnly cookie; the database keeps only
//! its SHA-256 hash, so a leaked database cannot be replayed as sessions. A new token is
//! issued at every sign-in (session fixation cannot carry over).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::accounts::sessions;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::AppError;

pub const COOKIE: &str = "sm_session";
pub const LANG_COOKIE: &str = "sm_lang";
/// How long a sign-in lasts.
pub const SESSION_DAYS: i64 = 30;

/// The signed-in person, as every handler sees them.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub locale: String,
    /// The slug of the neighbourhood they live in, if they said.
    pub home_area_slug: Option<String>,
    /// Whether they own a queue ("Your work"): a site admin, a connector, official or admin
    /// of an area, or an official or admin of an organisation.
    pub has_work: bool,
}

/// Who, if anyone, is signed in on this request (a request extension).
#[derive(Clone, Debug, Default)]
pub struct SignedIn(pub Option<CurrentUser>);

/// What the site's admins must be told on every page (a request extension).
#[derive(Clone, Copy, Debug, Default)]
pub struct SiteWarnings {
    /// `public_url` is not an https address in a run that is not a demo.
    pub public_url: bool,
}

/// Middleware: finds the session and the visitor's language once per request. Answers to
/// a request with a session are personal, so no cache may keep them (`no-store`), unless the
/// handler chose a caching rule itself (a script or photo that is the same for everyone).
pub async fn load_context(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let has_session = cookie_value(request.headers(), COOKIE).is_some();
    let user = match cookie_value(request.headers(), COOKIE) {
        Some(token) => match sessions::user_for_token_hash(&state.db, &hash_token(&token)).await {
            Ok(user) => user,
            Err(e) => {
                tracing::error!(error = ?e, "loading the session");
                None
            }
        },
        None => None,
    };
    let lang = cookie_value(request.headers(), LANG_COOKIE)
        .and_then(|code| Lang::from_tag(&code))
        .or_else(|| user.as_ref().and_then(|u| Lang::from_tag(&u.locale)))
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    request.extensions_mut().insert(SiteWarnings {
        public_url: state.config.public_url_needs_attention(),
    });
    request.extensions_mut().insert(SignedIn(user));
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    if has_session && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Extractor for pages that need someone signed in; others are sent to the sign-in page.
pub struct RequireUser(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for RequireUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<SignedIn>()
            .and_then(|s| s.0.clone())
            .map(RequireUser)
            .ok_or(AppError::SignInRequired)
    }
}

/// Extractor for the visitor who may or may not be signed in.
pub struct MaybeUser(pub Option<CurrentUser>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(
            parts.extensions.get::<SignedIn>().and_then(|s| s.0.clone()),
        ))
    }
}

/// 256 random bits, URL-safe base64 (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether a secret from a link matches the stored one, in time that does not depend on
/// where they differ.
pub fn secret_matches(given: &str, stored: &str) -> bool {
    use subtle::ConstantTimeEq;
    !given.is_empty() && bool::from(given.as_bytes().ct_eq(stored.as_bytes()))
}

/// SHA-256, hex: how tokens (sessions, password resets) are stored.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// The `Set-Cookie` value that signs a browser in.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let max_age = SESSION_DAYS * 24 * 3600;
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("a base64 token is a valid header value")
}

/// The `Set-Cookie` value that signs a browser out.
pub fn clear_session_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .expect("static cookie is a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
        assert_eq!(hash_token("abc"), hash_token("abc"));
        assert_eq!(hash_token("abc").len(), 64);
    }

    #[test]
    fn cookies_are_found_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; sm_session=xyz; b=2"),
        );
        assert_eq!(cookie_value(&headers, "sm_session").as_deref(), Some("xyz"));
        assert_eq!(cookie_value(&headers, "missing"), None);
    }
}
