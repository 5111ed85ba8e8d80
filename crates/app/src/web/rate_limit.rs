//! Rate limits on sign-in, registration and password-reset requests, per client address.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::ConnectInfo;
use axum::http::Request;
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use crate::config::Config;

/// The client's address: the peer, or behind a trusted reverse proxy the first
/// `X-Forwarded-For` entry (never trusted otherwise, as anyone can send that header).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp {
    behind_proxy: bool,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        if self.behind_proxy {
            let forwarded = request
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if let Some(ip) = forwarded {
                return Ok(ip);
            }
        }
        request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
            .ok_or(GovernorError::UnableToExtractKey)
    }
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
