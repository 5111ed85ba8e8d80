//! Test support: each test starts the real app on 127.0.0.1:0 with its own database
//! (an SQLite file, or with TEST_DATABASE_URL a PostgreSQL database cloned from a migrated
//! template) and its own SMTP sink, and drives it over HTTP with a cookie-keeping client.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, LOCATION, SET_COOKIE};
use reqwest::{Response, StatusCode};
use sqlx::Executor;
use squaremile::config::{Config, MailTransport, Secret, SmtpSecurity};
use squaremile::db::{self, Db};
use squaremile::server;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::{Mutex, mpsc};

pub const PASSWORD: &str = "correct horse battery";

// ------------------------------------------------------------------ databases

/// A database for one test, removed when dropped.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

impl TestDb {
    pub async fn new() -> TestDb {
        match postgres_admin_url() {
            Some(admin_url) => TestDb::postgres(admin_url).await,
            None => TestDb::sqlite(),
        }
    }

    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite:{}", dir.path().join("test.db").display());
        TestDb {
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    async fn postgres(admin_url: String) -> TestDb {
        let template = ensure_template(&admin_url).await;
        let name = format!("sm_test_{}", uuid_simple());
        let admin = db::connect(&admin_url)
            .await
            .expect("connecting to TEST_DATABASE_URL");
        admin
            .execute(sqlx::AssertSqlSafe(format!(
                "CREATE DATABASE {name} TEMPLATE {template}"
            )))
            .await
            .expect("cloning the template database");
        admin.close().await;
        TestDb {
            url: with_database(&admin_url, &name),
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let (admin_url, name, shown) = (admin_url.clone(), name.clone(), name.clone());
            // Drop runs outside any runtime we may block on, so use a thread of our own.
            let dropped = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                runtime.block_on(async {
                    let admin = db::connect(&admin_url).await?;
                    admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await?;
                    admin.close().await;
                    anyhow::Ok(())
                })
            })
            .join();
            if !matches!(dropped, Ok(Ok(()))) {
                eprintln!("warning: could not drop test database {shown}");
            }
        }
    }
}

fn uuid_simple() -> String {
    db::new_id().replace('-', "")
}

/// `postgres://u@h:5432/db?x` with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

/// A migrated template named after the migrations' content, made once (an advisory lock
/// keeps parallel test processes from racing to build it).
async fn ensure_template(admin_url: &str) -> String {
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("sm_template_{}", migrations_fingerprint());
            let admin = db::connect(admin_url)
                .await
                .expect("connecting to TEST_DATABASE_URL");
            let mut conn = admin.acquire().await.expect("admin connection");
            conn.execute("SELECT pg_advisory_lock(727274)")
                .await
                .expect("advisory lock");
            let exists: Option<(i32,)> =
                sqlx::query_as("SELECT 1 FROM pg_database WHERE datname = $1")
                    .bind(&name)
                    .fetch_optional(&mut *conn)
                    .await
                    .expect("looking for the template");
            if exists.is_none() {
                let building = format!("{name}_building");
                conn.execute(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {building} WITH (FORCE)"
                )))
                .await
                .expect("clearing a half-built template");
                conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {building}")))
                    .await
                    .expect("creating the template");
                let pool = db::open(&with_database(admin_url, &building))
                    .await
                    .expect("migrating the template");
                pool.close().await;
                conn.execute(sqlx::AssertSqlSafe(format!(
                    "ALTER DATABASE {building} RENAME TO {name}"
                )))
                .await
                .expect("publishing the template");
            }
            conn.execute("SELECT pg_advisory_unlock(727274)")
                .await
                .expect("advisory unlock");
            drop(conn);
            admin.close().await;
            name
        })
        .await
        .clone()
}

fn migrations_fingerprint() -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/postgres");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("migrations folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        std::fs::read(&file)
            .expect("migration file")
            .hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

// ------------------------------------------------------------------ SMTP sink

/// A message as the SMTP server received it.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub data: String,
}

impl ReceivedMail {
    /// The body with quoted-printable soft breaks and escapes undone.
    pub fn text(&self) -> String {
        decode_quoted_printable(&self.data)
    }

    /// The first link that finishes a registration.
    pub fn registration_path(&self) -> Option<String> {
        self.link_to("/register/confirm/")
    }

    /// The first link on this site's reset path.
    pub fn reset_path(&self) -> Option<String> {
        self.link_to("/password/reset/")
    }

    /// The first link to `prefix` followed by a token.
    fn link_to(&self, prefix: &str) -> Option<String> {
        let text = self.text();
        let start = text.find(prefix)?;
        let token: String = text[start + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        Some(format!("{prefix}{token}"))
    }
}

fn decode_quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok());
        if bytes[i] == b'='
            && let Some(Ok(b)) = escaped.map(|hex| u8::from_str_radix(hex, 16))
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A minimal, real SMTP server on a loopback port that keeps what it receives.
pub struct SmtpSink {
    pub port: u16,
    received: Mutex<mpsc::UnboundedReceiver<ReceivedMail>>,
    /// Messages received while waiting for someone else's, in the order they came.
    held: std::sync::Mutex<std::collections::VecDeque<ReceivedMail>>,
}

impl SmtpSink {
    pub async fn start() -> Arc<SmtpSink> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the SMTP sink");
        let port = listener.local_addr().expect("sink address").port();
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(serve_smtp(socket, sender.clone()));
            }
        });
        Arc::new(SmtpSink {
            port,
            received: Mutex::new(receiver),
            held: Default::default(),
        })
    }

    /// Waits for the next message (a generous bound, so a broken worker fails the test).
    pub async fn next(&self) -> ReceivedMail {
        if let Some(mail) = self.held.lock().unwrap().pop_front() {
            return mail;
        }
        self.receive().await
    }

    /// Waits for the next message to `address`; others stay for [`SmtpSink::next`].
    pub async fn next_to(&self, address: &str) -> ReceivedMail {
        let is_for = |mail: &ReceivedMail| {
            mail.to
                .iter()
                .any(|to| to.trim_matches(['<', '>']).eq_ignore_ascii_case(address))
        };
        {
            let mut held = self.held.lock().unwrap();
            if let Some(at) = held.iter().position(is_for) {
                return held.remove(at).expect("a held message");
            }
        }
        loop {
            let mail = self.receive().await;
            if is_for(&mail) {
                return mail;
            }
            self.held.lock().unwrap().push_back(mail);
        }
    }

    async fn receive(&self) -> ReceivedMail {
        let mut receiver = self.received.lock().await;
        tokio::time::timeout(Duration::from_secs(20), receiver.recv())
            .await
            .expect("no email arrived within 20 seconds")
            .expect("SMTP sink stopped")
    }
}

async fn serve_smtp(socket: tokio::net::TcpStream, sender: mpsc::UnboundedSender<ReceivedMail>) {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    let _ = write.write_all(b"220 sink.test ESMTP\r\n").await;
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
            b"250-sink.test\r\n250 8BITMIME\r\n"
        } else if command.starts_with("MAIL FROM") {
            to.clear();
            b"250 OK\r\n"
        } else if command.starts_with("RCPT TO") {
            to.push(
                line.trim_end()[8..]
                    .trim()
                    .trim_matches(['<', '>'])
                    .to_string(),
            );
            b"250 OK\r\n"
        } else if command == "DATA" {
            let _ = write.write_all(b"354 go ahead\r\n").await;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return;
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                data.push_str(
                    line.strip_prefix('.')
                        .filter(|_| line.starts_with(".."))
                        .unwrap_or(&line),
                );
            }
            let _ = sender.send(ReceivedMail {
                to: std::mem::take(&mut to),
                data,
            });
            b"250 queued\r\n"
        } else if command == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 OK\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

// ------------------------------------------------------------------ the app

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub mail: Arc<SmtpSink>,
    /// The running site's state, for tests that drive its background work directly.
    pub state: squaremile::state::AppState,
    /// Kept so the database lives as long as the app.
    _test_db: TestDb,
    /// The folder of the app's ballot key file.
    _key_dir: tempfile::TempDir,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub fn test_config(database_url: &str, smtp_port: u16) -> Config {
    let mut config = Config {
        bind: "127.0.0.1:0".into(),
        database_url: Secret::new(database_url),
        public_url: "http://squaremile.test".into(),
        ..Config::default()
    };
    config.mail.transport = MailTransport::Smtp;
    config.mail.smtp_host = "127.0.0.1".into();
    config.mail.smtp_port = smtp_port;
    config.mail.smtp_security = SmtpSecurity::None;
    // Generous, so ordinary tests never trip it; the rate-limit test sets its own.
    config.rate_limit.burst = 1000;
    config
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let test_db = TestDb::new().await;
        let mail = SmtpSink::start().await;
        let mut config = test_config(&test_db.url, mail.port);
        let key_dir = tempfile::tempdir().expect("a folder for the ballot key");
        config.ballot_key_file = key_dir.path().join("ballot.key").display().to_string();
        adjust(&mut config);
        let db = db::open(&test_db.url)
            .await
            .expect("opening the test database");
        let running = server::start(config, db.clone())
            .await
            .expect("starting the app");
        TestApp {
            base: format!("http://{}", running.addr),
            db,
            mail,
            _test_db: test_db,
            _key_dir: key_dir,
            state: running.state,
            server: running.server,
        }
    }

    /// The test database's address (to open other connections to it).
    pub fn db_url(&self) -> &str {
        &self._test_db.url
    }

    pub async fn with_demo() -> TestApp {
        let app = TestApp::spawn().await;
        squaremile::demo::load(&app.db, &app.state.ballot_seal)
            .await
            .expect("loading the demo");
        // The demo sets boundaries behind the running app's back: read them in.
        app.state
            .places
            .reload(&app.db)
            .await
            .expect("reading the demo's boundaries");
        app
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// The first visitor sets up the site administrator.
    pub async fn admin(&self) -> Client {
        let client = self.client();
        let page = client.get("/setup").await;
        assert_eq!(page.status(), StatusCode::OK, "setup form");
        let done = client
            .post_form(
                "/setup",
                &[
                    ("display_name", "Ada Admin"),
                    ("email", "admin@example.org"),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                ],
            )
            .await;
        assert_eq!(
            done.status(),
            StatusCode::SEE_OTHER,
            "setup: {}",
            done.text().await.unwrap_or_default()
        );
        client
    }

    /// Registers someone through the form and returns their signed-in client.
    pub async fn register(&self, name: &str, email: &str, home_area_id: &str) -> Client {
        let client = self.client();
        client.get("/register").await;
        let response = client
            .post_form(
                "/register",
                &[
                    ("display_name", name),
                    ("email", email),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                    ("home_area", home_area_id),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "registering {email}: {}",
            response.text().await.unwrap_or_default()
        );
        assert_eq!(location(&response), "/register/sent");
        let link = self
            .mail
            .next_to(email)
            .await
            .registration_path()
            .expect("the registration email has its link");
        client.get(&link).await;
        let finished = client.post_form(&link, &[]).await;
        assert_eq!(
            finished.status(),
            StatusCode::SEE_OTHER,
            "finishing {email}"
        );
        client
    }

    /// Signs in through the form (demo accounts use the demo password).
    pub async fn login(&self, email: &str, password: &str) -> Client {
        let client = self.client();
        client.get("/login").await;
        let response = client
            .post_form("/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "signing in {email}"
        );
        client
    }

    /// A second copy of the site on this test's database, as a second app process would be
    /// (its own pool, state, clock and listener), with the same settings as `adjust` gives.
    pub async fn second_instance(&self, adjust: impl FnOnce(&mut Config)) -> SecondInstance {
        let mut config = test_config(&self._test_db.url, self.mail.port);
        adjust(&mut config);
        let db = db::open(&self._test_db.url)
            .await
            .expect("opening the test database again");
        let running = server::start(config, db)
            .await
            .expect("starting a second instance");
        SecondInstance {
            base: format!("http://{}", running.addr),
            server: running.server,
        }
    }

    pub async fn area_id(&self, slug: &str) -> String {
        squaremile::areas::store::find_by_slug(&self.db, slug)
            .await
            .expect("query")
            .expect("area exists")
            .id
    }

    pub async fn user_id(&self, email: &str) -> String {
        squaremile::accounts::store::find_by_email(&self.db, email)
            .await
            .expect("query")
            .expect("user exists")
            .id
    }
}

/// Another running copy of a test's site (see [`TestApp::second_instance`]).
pub struct SecondInstance {
    pub base: String,
    server: tokio::task::JoinHandle<()>,
}

impl SecondInstance {
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }
}

impl Drop for SecondInstance {
    fn drop(&mut self) {
        self.server.abort();
    }
}

// ------------------------------------------------------------------ the browser-like client

/// A cookie-keeping HTTP client that does not follow redirects, so tests see each step.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
}

impl Client {
    pub fn new(base: &str) -> Client {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client");
        Client {
            base: base.to_string(),
            http,
            jar,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = self.http.get(self.url(path));
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        request.send().await.expect("GET")
    }

    /// The value of one of this client's cookies.
    pub fn cookie(&self, name: &str) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().expect("base URL");
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split("; ")
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    /// Sets a cookie as if the server had (for fixation and forgery tests).
    pub fn set_cookie(&self, name: &str, value: &str) {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().expect("base URL");
        let header = reqwest::header::HeaderValue::from_str(&format!("{name}={value}; Path=/"))
            .expect("cookie");
        self.jar.set_cookies(&mut std::iter::once(&header), &url);
    }

    /// Posts a form the way the page would: with the CSRF token from the cookie.
    /// A multipart form with text fields and files, as a browser sends it (the CSRF token
    /// in the query string, as the site's upload forms put it).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Response {
        let named: Vec<(&str, &str, &[u8])> = files
            .iter()
            .map(|(field, bytes)| (*field, "upload", *bytes))
            .collect();
        self.post_files(path, fields, &named).await
    }

    /// A multipart form with files given as (field, file name, bytes).
    pub async fn post_files(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Response {
        if self.cookie("sm_csrf").is_none() {
            self.get("/healthz").await;
        }
        let token = self.cookie("sm_csrf").unwrap_or_default();
        let boundary = "----squaremile-test-boundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, file_name, bytes) in files {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.http
            .post(self.url(&format!("{path}?csrf_token={token}")))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// Like [`Client::post_form`], with extra headers (`X-Forwarded-For`, `Accept-Language`).
    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Response {
        if self.cookie("sm_csrf").is_none() {
            self.get("/healthz").await;
        }
        let token = self.cookie("sm_csrf").unwrap_or_default();
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        body.extend_from_slice(fields);
        self.post_raw(path, &body, headers).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        if self.cookie("sm_csrf").is_none() {
            self.get("/healthz").await;
        }
        let token = self.cookie("sm_csrf").unwrap_or_default();
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        body.extend_from_slice(fields);
        self.post_raw(path, &body, &[]).await
    }

    /// Posts exactly these fields and headers (no token added).
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Response {
        let encoded = serde_urlencoded::to_string(fields).expect("form encoding");
        let mut request = self
            .http
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encoded);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        request.send().await.expect("POST")
    }
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The `Retry-After` of a refusal, in seconds (fails the test if absent).
pub fn retry_after(response: &Response) -> u64 {
    response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Retry-After in seconds")
}

pub fn set_cookies(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_string)
        .collect()
}

pub async fn body(response: Response) -> String {
    response.text().await.expect("response body")
}

/// The cells of a CSV file (quoted fields, doubled quotes, CRLF or LF line ends), to check
/// exports cell by cell.
pub fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Asserts no cell of a CSV file would start a formula in a spreadsheet.
pub fn assert_no_formulas(file: &str, text: &str) {
    for row in csv_cells(text) {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{file}: the cell {cell:?} would start a formula"
            );
        }
    }
}

/// Count rows with a query returning one `n` column.
/// Stores one report straight away through the store, routed as the form's are.
pub async fn store_report(
    db: &Db,
    category: &str,
    area: &str,
    title: &str,
    place: Option<(f64, f64)>,
) -> anyhow::Result<String> {
    use squaremile::reports::store::{NewReport, create};
    create(
        db,
        &NewReport {
            category_id: category,
            area_id: area,
            title,
            description: "",
            latitude: place.map(|p| p.0),
            longitude: place.map(|p| p.1),
            address: "",
            author_id: None,
            source: "web",
            photos: &[],
            for_someone: None,
        },
        |_, _| Vec::new(),
        |_| None,
    )
    .await
}

/// Stores `count` reports (many share a millisecond, as an import's do), titled `title 0`,
/// `title 1`, ...
pub async fn many_reports(
    app: &TestApp,
    category: &str,
    area: &str,
    title: &str,
    place: Option<(f64, f64)>,
    count: usize,
) {
    for n in 0..count {
        store_report(&app.db, category, area, &format!("{title} {n}"), place)
            .await
            .unwrap();
    }
}

/// Wrong codes counted by the throttle (its table also counts registration emails).
pub const CODE_FAILURES: &str =
    "SELECT COUNT(*) AS n FROM attempt_failures WHERE kind IN ('code-account', 'code-client')";

pub async fn count(db: &Db, sql: &'static str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_one(db)
        .await
        .expect("count query")
        .get::<i64, _>("n")
}

/// Says loudly that a test did not run and why. Written straight to stderr, which the test
/// harness does not capture, so the message shows even when the test "passes".
/// A process "load" in its voting phase (approval ballots of one or two of three projects,
/// by invitation code), made straight in the database: its id and `codes` fresh codes.
pub async fn voting_process(pool: &Db, codes: usize) -> (String, Vec<String>) {
    use squaremile::budgets::ballot::BallotFormat;
    use squaremile::budgets::store::{
        self, Eligibility, NewProcess, NewProject, Phase, ProjectStatus, Review,
    };
    let now = squaremile::db::now_ms();
    sqlx::query("INSERT INTO areas (id, kind, slug, name, created_at, updated_at) VALUES ('a1', 'city', 'load', 'Load', $1, $1)")
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES ('u1', 'o@example.org', 'x', 'O', $1, $1)")
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
    let process = NewProcess {
        area_id: "a1",
        slug: "load",
        title: "Load",
        description: "",
        currency: "EUR",
        budget: 100,
        phase: Phase::Ideas,
        ideas_until: "",
        review_until: "",
        voting_from: "",
        voting_until: "",
        format: BallotFormat::Approval,
        min_choices: 1,
        max_choices: 2,
        points: 1,
        eligibility: Eligibility::Codes,
        min_age: 0,
        allow_changes: false,
        support_threshold: 0,
        rule: pb::Rule::Mes,
        imported: false,
        sub_budgets: &[],
        one_sub_budget: false,
    };
    let id = store::create(pool, &process, "u1").await.unwrap();
    for title in ["Benches", "Lights", "Trees"] {
        let project = NewProject {
            title,
            description: "",
            category: "",
            location: "",
            rough_cost: 40,
            sub_budget_id: None,
            point: None,
        };
        store::propose(pool, &id, &project, "u1").await.unwrap();
    }
    store::advance_phase(pool, &id, Phase::Ideas).await.unwrap();
    for project in store::projects(pool, &id).await.unwrap() {
        let review = Review {
            status: ProjectStatus::Feasible,
            cost: Some(40),
            note: "",
        };
        store::review(pool, &project.id, &review, "u1", None)
            .await
            .unwrap();
    }
    store::advance_phase(pool, &id, Phase::Review)
        .await
        .unwrap();
    let codes: Vec<String> = (0..codes)
        .map(|_| squaremile::roles::store::printable_code(12))
        .collect();
    store::add_codes(pool, &id, &codes).await.unwrap();
    (id, codes)
}

/// One of the repository's small made-up Pabulib elections (`testdata/pabulib/`).
pub fn test_election(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/pabulib")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names of the repository's test elections, one per ballot type.
pub const TEST_ELECTIONS: [&str; 10] = [
    "approval.pb",
    "choose1.pb",
    "cumulative.pb",
    "ordinal.pb",
    "scoring.pb",
    "approval-repeats.pb",
    "choose1-repeats.pb",
    "cumulative-repeats.pb",
    "ordinal-repeats.pb",
    "scoring-repeats.pb",
];

/// A file of the real Pabulib collection named by SQUAREMILE_PABULIB_DIR, or `None` (with a
/// SKIPPED line for `test`) when the variable is unset.
pub fn collection_file(test: &str, name: &str) -> Option<std::path::PathBuf> {
    let Some(dir) = std::env::var_os("SQUAREMILE_PABULIB_DIR").filter(|d| !d.is_empty()) else {
        skip(
            test,
            "set SQUAREMILE_PABULIB_DIR to a folder of real Pabulib files (CI uses ../shared/pabulib)",
        );
        return None;
    };
    let path = std::path::Path::new(&dir).join(name);
    assert!(path.is_file(), "{} is missing", path.display());
    Some(path)
}

pub fn skip(test: &str, reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// Runs the real `squaremile` binary: whether it succeeded, its stdout and its stderr.
pub fn squaremile(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_squaremile"))
        .args(args)
        .output()
        .expect("running squaremile");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `squaremile jury select` on a people and a categories file for a panel of `size`,
/// with any further options.
pub fn jury_select(
    people: &str,
    categories: &str,
    size: &str,
    options: &[&str],
) -> (bool, String, String) {
    let mut args = vec![
        "jury",
        "select",
        "--people",
        people,
        "--categories",
        categories,
        "--size",
        size,
    ];
    args.extend_from_slice(options);
    squaremile(&args)
}

/// Writes a file into a test's temporary folder and returns its path.
pub fn write_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Starts the real binary (`squaremile serve`) on a free port, with `env` added to its
/// environment, and returns it with its address once it says it is running. Its ballot key
/// file is `key_file` (made on the first start, read on the next).
pub async fn start_binary(
    database_url: &str,
    key_file: &std::path::Path,
    env: &[(&str, String)],
) -> (tokio::process::Child, String) {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_squaremile"));
    command
        .args([
            "--config",
            "/nonexistent/squaremile.toml",
            "--database-url",
            database_url,
            "serve",
            "--bind",
            "127.0.0.1:0",
        ])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .env("SQUAREMILE_BALLOT_KEY_FILE", key_file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .kill_on_drop(true);
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("starting squaremile");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    while let Some(line) = lines.next_line().await.expect("reading the log") {
        if let Some(at) = line.find("is running at ") {
            // "... is running at http://ADDR (links in emails and feeds use ...)"
            let base = line[at + "is running at ".len()..]
                .split_whitespace()
                .next()
                .expect("the address")
                .to_string();
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return (child, base);
        }
    }
    panic!("squaremile exited before it was ready");
}
