//! One error type for handlers, mapped to HTTP in one place. The page a person sees is
//! rendered later by [`crate::web::error::error_pages`], in their language, and never shows
//! internal details; the cause goes to the log.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde_json::json;
use tower_http::csrf::ProtectionError;

use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::page::{ErrorPage, Layout};
use crate::web::session::{SignedIn, cookie_value};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    SignInRequired,
    /// The signed-in user lacks the role; the key names a Fluent message explaining why.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// A form whose CSRF token is missing or no longer valid.
    #[error("stale or forged form")]
    StaleForm,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A request the server cannot read (a malformed query parameter); the key says which.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Too many attempts or posts in a short time: the key explains which limit, and
    /// `retry_after` is how many seconds until the next one will be taken (`Retry-After`).
    #[error("too many requests: {key}, retry after {retry_after} s")]
    TooMany { key: &'static str, retry_after: u64 },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Internal(anyhow::Error::new(error).context("database"))
    }
}

/// Carried on an error response so the error page can say something specific.
#[derive(Clone, Copy, Debug)]
pub struct ErrorDetail(pub &'static str);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, detail) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, None),
            AppError::SignInRequired => (StatusCode::UNAUTHORIZED, None),
            AppError::Forbidden(key) => (StatusCode::FORBIDDEN, Some(*key)),
            AppError::StaleForm => (StatusCode::FORBIDDEN, Some("error-stale-form")),
            AppError::Conflict(key) => (StatusCode::CONFLICT, Some(*key)),
            AppError::BadRequest(key) => (StatusCode::BAD_REQUEST, Some(*key)),
            AppError::TooMany { key, .. } => (StatusCode::TOO_MANY_REQUESTS, Some(*key)),
            AppError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
        };
        let mut response = status.into_response();
        if let Some(key) = detail {
            response.extensions_mut().insert(ErrorDetail(key));
        }
        if let AppError::TooMany { retry_after, .. } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
        }
        response
    }
}

/// Middleware: turns every bare error response (from handlers, layers, or the router's
/// fallback) into a friendly page in the visitor's language, or JSON under `/api/`.
/// Pages a handler rendered itself (HTML, e.g. a form with its errors) pass untouched.
pub async fn error_pages(State(_state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = request
        .extensions()
        .get::<Lang>()
        .cloned()
        .unwrap_or_default();
    // The page keeps a working sign-out button: the CSRF cookie, if any, is still valid.
    let csrf_token = cookie_value(request.headers(), crate::web::csrf::COOKIE).unwrap_or_default();
    let user = request
        .extensions()
        .get::<SignedIn>()
        .cloned()
        .unwrap_or_default();
    let path = request.uri().path().to_string();
    let path_and_query = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| path.clone());
    let is_api = path.starts_with("/api/");
    let is_get = request.method() == axum::http::Method::GET;

    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_handler_page(&response) {
        return response;
    }
    // Whoever refused knows the real wait; it goes on the page that replaces the response.
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let detail = response
        .extensions()
        .get::<ErrorDetail>()
        .map(|d| d.0)
        .or_else(|| {
            response
                .extensions()
                .get::<ProtectionError>()
                .map(|_| "error-stale-form")
        });

    if is_api {
        let message = detail
            .map(|k| lang.t(k))
            .unwrap_or_else(|| lang.t(page_keys(status).0));
        let body = json!({ "error": message, "status": status.as_u16() });
        let mut json = (status, axum::Json(body)).into_response();
        if let Some(wait) = retry_after {
            json.headers_mut().insert(header::RETRY_AFTER, wait);
        }
        return json;
    }
    if status == StatusCode::UNAUTHORIZED && is_get {
        let next = url_encode(&path_and_query);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let page = ErrorPage {
        ctx: Layout::new(lang.clone(), user.0, csrf_token, path),
        title: lang.t(page_keys(status).0),
        message: detail
            .map(|k| lang.t(k))
            .unwrap_or_else(|| lang.t(page_keys(status).1)),
        status: status.as_u16(),
        retry: retry_after
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<i64>().ok())
            .map(|seconds| lang.t_count("error-retry-after", minutes_to_wait(seconds)))
            .unwrap_or_default(),
    };
    let mut rendered = match askama::Template::render(&page) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering the error page");
            status.into_response()
        }
    };
    if let Some(wait) = retry_after {
        rendered.headers_mut().insert(header::RETRY_AFTER, wait);
    }
    rendered
}

/// A wait in seconds as whole minutes for people, rounded up (40 s is "1 minute").
fn minutes_to_wait(seconds: i64) -> i64 {
    (seconds.max(1) + 59) / 60
}

fn is_handler_page(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            ["text/html", "application/json", "text/xml"]
                .iter()
                .any(|kind| v.starts_with(kind))
        })
}

/// The Fluent keys of the title and message of the page for a status.
fn page_keys(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        401 => ("error-401-title", "error-401-message"),
        403 => ("error-403-title", "error-403-message"),
        404 | 405 => ("error-404-title", "error-404-message"),
        409 => ("error-409-title", "error-409-message"),
        413 => ("error-413-title", "error-413-message"),
        422 | 400 | 415 => ("error-400-title", "error-400-message"),
        429 => ("error-429-title", "error-429-message"),
        408 | 503 | 504 => ("error-503-title", "error-503-message"),
        _ => ("error-500-title", "error-500-message"),
    }
}

/// Percent-encodes a path for use inside a query string.
pub fn url_encode(value: &str) -> String {
    serde_urlencoded::to_string([("", value)])
        .map(|s| s.trim_start_matches('=').to_string())
        .unwrap_or_default()
}
