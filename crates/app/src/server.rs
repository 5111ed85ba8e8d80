//! Puts the features together: routes, the middleware stack, the job worker, and serving.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::db::Db;
use crate::help::search::PostSearch;
use crate::mail::Mailer;
use crate::state::AppState;
use crate::web::clock::{Clock, SiteZone};
use crate::web::{self, AppError, csrf, error, session};
use crate::{
    accounts, alerts, api, areas, assets, assisted, audit, budgets, conversations, dashboard,
    events, feeds, help, home, jobs, juries, mapping, maps, methods, moderation, notifications,
    ops, organisations, projects, providers, reports, representatives, roles, skills, skillsgame,
    stories, throttle, work,
};

/// The whole site as one router. Layers run outside-in in the reverse order of `.layer`
/// calls below: trace, security headers, compression, session and language, error pages,
/// timeout, panic catcher, origin check, CSRF token, body limit, then the route.
pub fn router(state: AppState) -> Router {
    let limiter = web::rate_limit::sensitive_forms(&state.config);
    let routes = Router::new()
        .merge(home::routes())
        .merge(events::routes())
        .merge(feeds::routes())
        .merge(dashboard::routes())
        .merge(alerts::routes())
        .merge(accounts::routes(&limiter))
        .merge(areas::routes())
        .merge(roles::routes())
        .merge(organisations::routes())
        .merge(juries::routes())
        .merge(budgets::routes())
        .merge(mapping::routes())
        .merge(maps::routes())
        .merge(skills::routes())
        .merge(assets::routes())
        .merge(skillsgame::routes())
        .merge(help::routes())
        .merge(projects::routes())
        .merge(reports::routes())
        .merge(stories::routes())
        .merge(representatives::routes())
        .merge(moderation::routes())
        .merge(conversations::routes())
        .merge(methods::routes())
        .merge(providers::routes())
        .merge(api::routes())
        .merge(work::routes())
        .merge(audit::routes())
        .merge(assisted::routes())
        .merge(notifications::routes())
        .merge(ops::routes())
        .fallback(|| async { AppError::NotFound });
    let app = routes
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(from_fn_with_state(state.clone(), csrf::require_token))
        .layer(CsrfLayer::new())
        .layer(CatchPanicLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(from_fn_with_state(state.clone(), error::error_pages))
        .layer(from_fn_with_state(state.clone(), session::load_context))
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(
            state.request_times.clone(),
            web::metrics::record,
        ));
    web::headers::add(app, &state.config)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// A running site: its address and state (tests use both).
pub struct Running {
    pub addr: SocketAddr,
    pub state: AppState,
    /// Ends once the site has stopped: requests under way answered, the job worker done or
    /// its job handed back.
    pub server: tokio::task::JoinHandle<()>,
    stop: Arc<watch::Sender<bool>>,
}

impl Running {
    /// Stops the site as Ctrl-C or SIGTERM does.
    pub fn shut_down(&self) {
        self.stop.send_replace(true);
    }
}

/// Binds `config.bind`, starts the job worker and serves in the background. An empty
/// `public_url` becomes the address actually bound, so links point where the site runs.
pub async fn start(mut config: Config, db: Db) -> anyhow::Result<Running> {
    let mailer = Mailer::from_config(&config.mail)?;
    let listener = TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("listening on {}", config.bind))?;
    let addr = listener.local_addr()?;
    if config.public_url.trim().is_empty() {
        config.public_url = bound_url(addr);
    }
    if config.public_url_needs_attention() {
        tracing::warn!(
            public_url = %config.public_url,
            "public_url is not an https address: set it to the address people use to reach the site"
        );
    }
    methods::seed::ensure(&db)
        .await
        .context("adding the methods library's first recipes")?;
    let zone = SiteZone::named(&config.time_zone)?;
    let ballot_seal =
        crate::budgets::seal::BallotSeal::load_or_create(Path::new(&config.ballot_key_file))?;
    let places = crate::areas::places::Places::load(&db)
        .await
        .context("reading area boundaries")?;
    let request_times = (!config.metrics_token.expose().is_empty()).then(Arc::default);
    let state = AppState {
        places,
        ballot_seal,
        help_search: PostSearch::new(db.clone()),
        zone,
        api_writes: Arc::new(api::keys::WriteLimits::per_minute(
            config.api_writes_per_minute,
        )),
        db,
        config: Arc::new(config),
        jobs_waiting: Arc::default(),
        clock: Clock::default(),
        request_times,
    };
    let (stop, stopping) = watch::channel(false);
    let stop = Arc::new(stop);
    let grace = Duration::from_secs(state.config.shutdown_grace_seconds);
    let worker = tokio::spawn(jobs::worker::run(
        state.clone(),
        mailer,
        stopping.clone(),
        grace,
    ));
    tokio::spawn(purge_expired_sessions(state.clone()));
    tokio::spawn(alerts::digest::run(state.clone()));
    tokio::spawn(reports::questionnaire::run(state.clone()));
    tokio::spawn(notifications::summaries::run(state.clone()));
    tokio::spawn(reports::outside::run(state.clone()));
    tokio::spawn(state.places.clone().keep_fresh(state.db.clone()));
    tokio::spawn(warm_help_search(state.help_search.clone()));
    let header_timeout = Duration::from_secs(state.config.header_read_timeout_seconds.max(1));
    let app = router(state.clone());
    let stopped = stop.clone();
    let server = tokio::spawn(async move {
        serve(listener, app, header_timeout, stopping, grace).await;
        // Requests are answered; now the job worker stops too (a signal reached only us).
        stopped.send_replace(true);
        if tokio::time::timeout(grace + Duration::from_secs(5), worker)
            .await
            .is_err()
        {
            tracing::warn!("the job worker did not stop in time");
        }
        tracing::info!("stopped");
    });
    Ok(Running {
        addr,
        state,
        server,
        stop,
    })
}

/// The address links should use when none is configured: the bound one, except that a
/// wildcard address (0.0.0.0, ::) cannot be visited, so the machine's own name stands in.
pub fn bound_url(addr: SocketAddr) -> String {
    let port = addr.port();
    if addr.ip().is_unspecified() {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "localhost".to_string());
        format!("http://{host}:{port}")
    } else {
        // SocketAddr's Display puts an IPv6 address in brackets, as a URL needs.
        format!("http://{addr}")
    }
}

/// Serves HTTP/1.1 until Ctrl-C, SIGTERM or `stop`, then lets requests under way finish
/// (for up to `grace`). Written out rather than `axum::serve` for one setting: a client must send
/// a request's headers within `header_timeout` of the server starting to wait for them (when
/// the connection opens, or a kept-alive one has had its last answer), or the connection is
/// closed, so slow senders and idle connections cannot hold the server's connections.
async fn serve(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
    grace: Duration,
) {
    let mut connections = http1::Builder::new();
    connections
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    let graceful = GracefulShutdown::new();
    let stop = async move {
        tokio::select! {
            () = shutdown_signal() => {}
            _ = stop.wait_for(|stopping| *stopping) => tracing::info!("shutting down"),
        }
    };
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!(error = %e, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Each connection's requests carry its peer address (`ConnectInfo`).
        let Ok(service) = app.clone().oneshot(peer).await;
        let connection =
            connections.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(grace) => {
            tracing::warn!(seconds = grace.as_secs(), "requests still under way; stopping anyway");
        }
    }
}

/// Builds the offers and asks index in the background, so the first search does not wait.
async fn warm_help_search(search: PostSearch) {
    if let Err(e) = search.warm().await {
        tracing::warn!(error = ?e, "building the offers and asks search index");
    }
}

/// Every hour: expired sessions, and failed attempts too old to count (also pruned as new
/// ones come, so this only matters on a quiet site).
async fn purge_expired_sessions(state: AppState) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match accounts::sessions::purge_expired(&state.db).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "purged expired sessions"),
            Err(e) => tracing::warn!(error = ?e, "purging expired sessions"),
        }
        if let Err(e) = throttle::prune(&state).await {
            tracing::warn!(error = ?e, "pruning old failed attempts");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
