//! Configuration: built-in defaults < `squaremile.toml` < `SQUAREMILE_*` environment variables.
//! `DATABASE_URL` is also honoured, as most database tools expect it.

use std::fmt;
use std::path::Path;

use anyhow::Context;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    /// Address the web server listens on.
    pub bind: String,
    /// `sqlite:<path>` or `postgres://...`.
    pub database_url: Secret,
    /// The address people use to reach the site, for links in emails, share boxes, the
    /// widget snippet and feeds. Empty: the address the server actually bound (see
    /// `server::start`); set it to the site's https address in production.
    pub public_url: String,
    /// Set when the site is served over HTTPS (adds `Secure` to cookies).
    pub secure_cookies: bool,
    /// When true, the client address is taken from `X-Forwarded-For` and the scheme from
    /// `X-Forwarded-Proto` (behind a reverse proxy).
    pub behind_proxy: bool,
    /// Largest request body accepted, in bytes (uploads included).
    pub max_body_bytes: usize,
    /// Seconds a client has to send a request's headers (from opening the connection, or from
    /// the last answer on a kept-alive one) before the connection is closed, so slow senders
    /// cannot hold connections open.
    pub header_read_timeout_seconds: u64,
    /// On stopping (Ctrl-C, SIGTERM): seconds requests under way and a job under way may
    /// take to finish. A job still running then is handed back to the queue.
    pub shutdown_grace_seconds: u64,
    /// `/metrics` (Prometheus) answers only requests bearing this token
    /// (`Authorization: Bearer …`); empty, the default, turns it off.
    pub metrics_token: Secret,
    /// Writes each API key may make per minute (Open311 reports).
    pub api_writes_per_minute: u32,
    /// The IANA time zone events are typed and shown in, e.g. `Europe/London`.
    pub time_zone: String,
    pub mail: MailConfig,
    pub rate_limit: RateLimitConfig,
    /// The file holding the key that seals ballots waiting for their batch (made on the first
    /// start). Keep it out of database backups; every process of one site must read the same.
    pub ballot_key_file: String,
    /// A Nominatim-compatible geocoder (`<url>/search?q=..&format=json`) for the report
    /// form's "find address"; empty: search the site's own areas and street names.
    #[serde(default)]
    pub geocoder_url: String,
    pub map: MapConfig,
    /// Set by `serve --demo` (never read from a file or the environment): a demo run does
    /// not warn admins that `public_url` is not an https address.
    #[serde(skip)]
    pub demo: bool,
}

/// Where interactive maps get their background. Without JavaScript, or with `tiles = "none"`,
/// maps are drawn on the server and need nothing from outside.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MapConfig {
    /// A tile URL template with `{z}`, `{x}` and `{y}`, or `none` (offline: drawn maps only).
    pub tiles: String,
    /// Credit shown on the map, as the tile provider requires (plain text).
    pub attribution: String,
    /// The attribution's link (the provider's copyright page).
    pub attribution_url: String,
}

impl MapConfig {
    /// The tiles' origin (`https://host[:port]`) for the content security policy, if any.
    pub fn tile_origin(&self) -> Option<String> {
        if self.tiles == "none" {
            return None;
        }
        let (scheme, rest) = self.tiles.split_once("://")?;
        let host = rest.split('/').next()?;
        let host = host.replace("{s}", "*");
        (matches!(scheme, "http" | "https") && !host.is_empty())
            .then(|| format!("{scheme}://{host}"))
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MailConfig {
    /// `smtp` sends through the server below; `log` writes each message to the log (demo, development).
    pub transport: MailTransport,
    pub from: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `none` (plain, e.g. a local relay), `starttls` or `tls`.
    pub smtp_security: SmtpSecurity,
    pub smtp_username: String,
    pub smtp_password: Secret,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    Smtp,
    Log,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    None,
    Starttls,
    Tls,
}

/// Sign-in and registration attempts allowed per client address: a burst, then one per period.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RateLimitConfig {
    pub burst: u32,
    pub replenish_seconds: u64,
}

/// A configuration value that must never reach a log: `Debug` prints a placeholder.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("\"\"")
        } else {
            f.write_str("\"[redacted]\"")
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            database_url: Secret::new("sqlite:squaremile.db"),
            public_url: String::new(),
            secure_cookies: false,
            behind_proxy: false,
            max_body_bytes: 2 * 1024 * 1024,
            header_read_timeout_seconds: 10,
            shutdown_grace_seconds: 20,
            metrics_token: Secret::new(""),
            time_zone: "Europe/London".into(),
            api_writes_per_minute: 60,
            geocoder_url: String::new(),
            mail: MailConfig {
                transport: MailTransport::Log,
                from: "Square Mile <noreply@squaremile.invalid>".into(),
                smtp_host: "localhost".into(),
                smtp_port: 25,
                smtp_security: SmtpSecurity::None,
                smtp_username: String::new(),
                smtp_password: Secret::default(),
            },
            rate_limit: RateLimitConfig {
                burst: 10,
                replenish_seconds: 6,
            },
            ballot_key_file: "squaremile-ballot.key".into(),
            map: MapConfig {
                // OpenStreetMap's standard tiles: fine for a community site's modest use under
                // their tile usage policy (attribution shown, referrer sent, no bulk fetching).
                tiles: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
                attribution: "© OpenStreetMap contributors".into(),
                attribution_url: "https://www.openstreetmap.org/copyright".into(),
            },
            demo: false,
        }
    }
}

impl Config {
    /// Whether admins should be warned about `public_url`: outside a demo, links that leave
    /// the site (emails, feeds, the widget) must use an https address people can reach.
    pub fn public_url_needs_attention(&self) -> bool {
        !self.demo && !self.public_url.to_ascii_lowercase().starts_with("https://")
    }

    /// Reads the layered configuration; `file` is usually `squaremile.toml` in the working directory.
    pub fn load(file: &Path) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if file.exists() {
            figment = figment.merge(Toml::file(file));
        }
        figment = figment
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .merge(Env::prefixed("SQUAREMILE_").split("__"));
        figment
            .extract()
            .with_context(|| format!("reading configuration (file {})", file.display()))
    }
}

#[cfg(test)]
// figment's Jail dictates the closures' error type, a large one.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let mut config = Config {
            database_url: Secret::new("postgres://sm:hunter2@db/sm"),
            ..Config::default()
        };
        config.mail.smtp_password = Secret::new("hunter2");
        let printed = format!("{config:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("[redacted]"));
    }

    #[test]
    fn environment_overrides_file_which_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "squaremile.toml",
                "bind = \"0.0.0.0:9000\"\n[mail]\nsmtp_port = 2525\n",
            )?;
            jail.set_env("SQUAREMILE_MAIL__SMTP_PORT", "587");
            let config = Config::load(Path::new("squaremile.toml")).map_err(|e| e.to_string())?;
            assert_eq!(config.bind, "0.0.0.0:9000");
            assert_eq!(config.mail.smtp_port, 587);
            assert_eq!(config.mail.transport, MailTransport::Log);
            Ok(())
        });
    }

    #[test]
    fn database_url_comes_from_the_usual_variable() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("DATABASE_URL", "postgres://localhost/sm");
            let config = Config::load(Path::new("absent.toml")).map_err(|e| e.to_string())?;
            assert_eq!(config.database_url.expose(), "postgres://localhost/sm");
            Ok(())
        });
    }
}
