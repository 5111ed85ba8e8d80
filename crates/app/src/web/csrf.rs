//! CSRF protection, two layers deep.
//!
//! 1. tower-http's `CsrfLayer` rejects cross-origin unsafe requests from browsers
//!    (`Sec-Fetch-Site` / `Origin`).
//! 2. [`require_token`] checks a per-visitor token on every unsafe request outside `/api/`:
//!    the token lives in an HttpOnly cookie and every form carries it in a hidden field
//!    (or, for multipart uploads, in the action's query string). The token is replaced at
//!    sign-in and sign-out, so a form rendered before either is refused as stale.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;
use crate::web::AppError;
use crate::web::session::{cookie_value, random_token, secret_matches};

pub const COOKIE: &str = "sm_csrf";
pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

/// The token to embed in forms rendered for this request.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// Set by a handler that signs someone in or out: the middleware issues a fresh token.
#[derive(Clone, Copy, Debug)]
pub struct RotateCsrf;

pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let existing = cookie_value(request.headers(), COOKIE).filter(|t| t.len() == 43);
    let mut request = request;
    if needs_token(request.method(), request.uri().path()) {
        let (mut parts, body) = request.into_parts();
        let limit = state.config.max_body_bytes;
        let bytes = match crate::web::uploads::read_body(&parts.headers, body, limit).await {
            Ok((bytes, None)) => bytes,
            Ok((bytes, Some(dropped))) => {
                // The form without its too-large files: the handler says so beside them.
                parts.headers.remove(header::CONTENT_LENGTH);
                parts.extensions.insert(dropped);
                bytes
            }
            Err(_) => return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        };
        let submitted = submitted_token(&parts, &bytes);
        let valid = match (&existing, &submitted) {
            (Some(expected), Some(given)) => secret_matches(given, expected),
            _ => false,
        };
        if !valid {
            tracing::info!(path = %parts.uri.path(), "refused a form without a valid CSRF token");
            return AppError::StaleForm.into_response();
        }
        request = Request::from_parts(parts, Body::from(bytes));
    }

    let token = existing.clone().unwrap_or_else(random_token);
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    let rotate = response.extensions().get::<RotateCsrf>().is_some();
    if rotate || existing.is_none() {
        let token = if rotate { random_token() } else { token };
        let cookie = format!(
            "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{}",
            if state.config.secure_cookies {
                "; Secure"
            } else {
                ""
            }
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn needs_token(method: &Method, path: &str) -> bool {
    let safe = matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    // The JSON API authenticates by key, not cookie, so a cross-site page cannot ride on it.
    !safe && !path.starts_with("/api/")
}

fn submitted_token(parts: &axum::http::request::Parts, body: &[u8]) -> Option<String> {
    if let Some(value) = parts.headers.get(HEADER).and_then(|v| v.to_str().ok()) {
        return Some(value.to_string());
    }
    if let Some(query) = parts.uri.query()
        && let Some(token) = field_of(query.as_bytes(), FIELD)
    {
        return Some(token);
    }
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form { field_of(body, FIELD) } else { None }
}

fn field_of(encoded: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(encoded)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}
