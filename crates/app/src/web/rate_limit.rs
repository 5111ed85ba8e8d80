//! Rate limits on sign-in, registration and password-reset requests, per client address, and
//! the client address itself as every limit and throttle counts it.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap, Request, Response, StatusCode};
use axum::response::IntoResponse;
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use crate::config::Config;
use crate::web::AppError;

/// The client's address: the peer, or behind a trusted reverse proxy the first
/// `X-Forwarded-For` entry (never trusted otherwise, as anyone can send that header).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp {
    behind_proxy: bool,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        client_address(request.headers(), request.extensions(), self.behind_proxy)
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// The address limits count a request against (see [`ClientIp`]). An IPv6 address counts as
/// its /64 network: one household or server is usually given a whole /64, and could
/// otherwise take a fresh address for every attempt.
pub fn client_address(
    headers: &HeaderMap,
    extensions: &Extensions,
    behind_proxy: bool,
) -> Option<IpAddr> {
    let forwarded = behind_proxy
        .then(|| {
            headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|ip| ip.trim().parse::<IpAddr>().ok())
        })
        .flatten();
    let ip = forwarded.or_else(|| {
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
    })?;
    Some(match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(network))
        }
        v4 => v4,
    })
}

pub type Limiter = Arc<GovernorConfig<ClientIp, governor::middleware::NoOpMiddleware>>;

/// One shared budget for the sensitive forms, from the configuration.
pub fn sensitive_forms(config: &Config) -> Limiter {
    Arc::new(
        GovernorConfigBuilder::default()
            .per_second(config.rate_limit.replenish_seconds.max(1))
            .burst_size(config.rate_limit.burst.max(1))
            .key_extractor(ClientIp {
                behind_proxy: config.behind_proxy,
            })
            .finish()
            .expect("rate limit settings are positive"),
    )
}

/// The answer when the limiter refuses: 429 with the real wait. The governor gives whole
/// seconds rounded down, so one is added: coming back after `Retry-After` always works.
pub fn refused(error: GovernorError) -> Response<Body> {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => AppError::TooMany {
            key: "error-429-message",
            retry_after: wait_time.saturating_add(1),
        }
        .into_response(),
        GovernorError::UnableToExtractKey | GovernorError::Other { .. } => {
            tracing::error!(error = %error, "rate limiter");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(peer: &str, forwarded: Option<&str>, behind_proxy: bool) -> Option<IpAddr> {
        let mut headers = HeaderMap::new();
        if let Some(f) = forwarded {
            headers.insert("x-forwarded-for", f.parse().unwrap());
        }
        let mut extensions = Extensions::new();
        extensions.insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        client_address(&headers, &extensions, behind_proxy)
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_proxy() {
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        assert_eq!(
            address("10.0.0.1:5", Some("203.0.113.9"), false),
            ip("10.0.0.1")
        );
        assert_eq!(
            address("10.0.0.1:5", Some("203.0.113.9, 10.0.0.2"), true),
            ip("203.0.113.9")
        );
        assert_eq!(
            address("10.0.0.1:5", Some("nonsense"), true),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn an_ipv6_client_counts_as_its_network() {
        let one = address("[2001:db8:1:2:aaaa::1]:5", None, false);
        let other = address("[2001:db8:1:2:bbbb::7]:5", None, false);
        assert_eq!(one, other);
        assert_eq!(one, Some("2001:db8:1:2::".parse().unwrap()));
        assert_ne!(one, address("[2001:db8:1:3::1]:5", None, false));
        // An IPv4 client reaching an IPv6 socket is still counted by its IPv4 address.
        assert_eq!(
            address("[::ffff:192.0.2.4]:5", None, false),
            Some("192.0.2.4".parse().unwrap())
        );
    }
}
