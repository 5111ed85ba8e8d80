//! Security headers on every response. Each is only set if a handler has not set it, so an
//! embeddable widget can allow framing for itself alone: a page whose own policy lets other
//! sites frame it gets no `X-Frame-Options: DENY` either. Over HTTPS, browsers are also told
//! to use nothing else for a year (`Strict-Transport-Security`).

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::{Next, from_fn_with_state, map_response};
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Config;

/// The content security policy; map tiles, if configured, are the only images from elsewhere.
fn content_security_policy(config: &Config) -> String {
    let tiles = config
        .map
        .tile_origin()
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// One year: what browsers are told to remember that the site is HTTPS only.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

pub fn add<S: Clone + Send + Sync + 'static>(router: Router<S>, config: &Config) -> Router<S> {
    let headers: [(HeaderName, &'static str); 3] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(self)",
        ),
    ];
    // Innermost, so it sees only the policy a handler set, before the default is added.
    let router = router.layer(map_response(deny_framing_unless_allowed));
    let policy = HeaderValue::from_str(&content_security_policy(config))
        .unwrap_or(HeaderValue::from_static("default-src 'self'"));
    let router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        policy,
    ));
    let router = headers.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ))
    });
    let transport = Transport {
        public_https: config
            .public_url
            .to_ascii_lowercase()
            .starts_with("https://"),
        behind_proxy: config.behind_proxy,
    };
    router.layer(from_fn_with_state(transport, strict_transport))
}

/// How the site is reached: its public address, and whether a proxy's word counts.
#[derive(Clone, Copy, Debug)]
struct Transport {
    public_https: bool,
    behind_proxy: bool,
}

impl Transport {
    /// Whether this request came over HTTPS. Behind a trusted proxy, its
    /// `X-Forwarded-Proto` says; otherwise (or if it does not say) the public address does.
    fn is_https(self, headers: &HeaderMap) -> bool {
        let forwarded = self
            .behind_proxy
            .then(|| {
                headers
                    .get("x-forwarded-proto")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(',').next())
                    .map(|proto| proto.trim().eq_ignore_ascii_case("https"))
            })
            .flatten();
        forwarded.unwrap_or(self.public_https)
    }
}

/// `Strict-Transport-Security` on answers to requests that came over HTTPS, never over
/// plain HTTP (where it would mean nothing, or lock out a site without a certificate).
async fn strict_transport(
    State(transport): State<Transport>,
    request: Request,
    next: Next,
) -> Response {
    let https = transport.is_https(request.headers());
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    response
}

/// `X-Frame-Options: DENY`, unless the handler's own policy names who may frame the page.
async fn deny_framing_unless_allowed(mut response: Response) -> Response {
    let framable = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|policy| {
            policy.contains("frame-ancestors") && !policy.contains("frame-ancestors 'none'")
        });
    if !framable && !response.headers().contains_key(header::X_FRAME_OPTIONS) {
        response
            .headers_mut()
            .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}
