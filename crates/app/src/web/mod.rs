//! The small web kit every feature uses: layout, errors, CSRF, sessions, page context, forms.

pub mod charts;
pub mod clock;
pub mod csrf;
pub mod csv;
pub mod error;
pub mod forms;
pub mod headers;
pub mod images;
pub mod metrics;
pub mod page;
pub mod rate_limit;
pub mod session;
pub mod uploads;

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

pub use error::{AppError, AppResult};
pub use forms::FormErrors;
pub use page::PageContext;
pub use session::{CurrentUser, RequireUser};

/// Renders a template as a 200 page.
pub fn render(template: &impl Template) -> AppResult<Response> {
    render_with(StatusCode::OK, template)
}

/// Renders a template with a status, e.g. 422 for a form shown again with its errors.
pub fn render_with(status: StatusCode, template: &impl Template) -> AppResult<Response> {
    let html = template
        .render()
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("rendering a template")))?;
    Ok((status, Html(html)).into_response())
}

/// After a successful POST: go to `path`, optionally showing a notice (a Fluent key suffix).
pub fn see_other(path: &str, notice: Option<&str>) -> Response {
    match notice {
        Some(notice) => {
            // The query goes before any #fragment, or browsers would treat it as part of it.
            let (path, fragment) = match path.split_once('#') {
                Some((path, fragment)) => (path, format!("#{fragment}")),
                None => (path, String::new()),
            };
            let sep = if path.contains('?') { '&' } else { '?' };
            redirect(&format!("{path}{sep}notice={notice}{fragment}"))
        }
        None => redirect(path),
    }
}

/// A 303 to `location`. Building it cannot fail: a location that is no valid header value
/// (a control character such as CR or LF) sends the visitor home instead, so a bad value
/// can never turn into a 500 after the work before it (a new session, say) is done.
pub fn redirect(location: &str) -> Response {
    let location = HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// A file to save rather than show: `content_type`, offered under `file_name`.
pub fn download(file_name: &str, content_type: &str, body: String) -> Response {
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A file to download whose body is written as it is read (an export of a whole table).
pub fn streamed_download<S>(file_name: &str, content_type: &str, body: S) -> Response
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Send + 'static,
{
    use axum::http::header;
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        axum::body::Body::from_stream(body),
    )
        .into_response()
}

/// A `next` parameter made safe: only a path on this site, never another host. Anything
/// else becomes "/" (refused, not repaired). A path starts with one '/' not followed by
/// '/' or '\\' (either would make "//host", another site), and has no control character,
/// no whitespace and no backslash anywhere: browsers drop tabs and newlines from a URL and
/// read '\\' as '/', so "/\t/evil.example" would otherwise lead to //evil.example.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(p) if is_local_path(p) => p.to_string(),
        _ => "/".to_string(),
    }
}

fn is_local_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// Formats a stored timestamp (Unix ms) as a plain UTC date in the reader's language
/// ("5 December 2026", "5 grudnia 2026").
pub fn format_date(lang: &crate::i18n::Lang, ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .map(|t| lang.date(t.year(), u8::from(t.month()), t.day()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_parameter_cannot_leave_the_site() {
        assert_eq!(local_path(Some("/areas/riverside")), "/areas/riverside");
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(None), "/");
        assert_eq!(local_path(Some("/areas?q=a%20b#top")), "/areas?q=a%20b#top");
        for bad in [
            "/\t/evil.example/x",
            "/\r\nSet-Cookie:x",
            "/\n/evil.example",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{7f}",
            "/a\\b",
            "\\\\evil.example",
            "",
            "evil.example",
        ] {
            assert_eq!(local_path(Some(bad)), "/", "{bad:?}");
        }
    }

    #[test]
    fn a_redirect_never_fails() {
        let home = redirect("/\r\nSet-Cookie: x=1");
        assert_eq!(home.status(), StatusCode::SEE_OTHER);
        assert_eq!(home.headers()[header::LOCATION], "/");
        let there = see_other("/areas/x#top", Some("area-saved"));
        assert_eq!(
            there.headers()[header::LOCATION],
            "/areas/x?notice=area-saved#top"
        );
    }
}
