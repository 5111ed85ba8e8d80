//! Database access shared by every feature store: one pool over SQLite or PostgreSQL.
//!
//! Stores use sqlx's `Any` driver with portable SQL (`$N` placeholders, `RETURNING`,
//! `ON CONFLICT`), TEXT ids (UUIDv7) and BIGINT Unix-millisecond timestamps made in Rust,
//! so one store serves both databases.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{ConnectOptions, Executor};

pub type Db = sqlx::AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("unsupported database URL: it must start with sqlite: or postgres://")
        }
    }

    fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }
}

/// Opens a pool; an SQLite file is created if missing. Does not migrate.
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url)?;
    let url = match backend {
        Backend::Sqlite if !url.contains("mode=") => {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        }
        _ => url.to_string(),
    };
    let options = AnyConnectOptions::from_str(&url)
        .context("parsing the database URL")?
        .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(250));
    let pool_options = AnyPoolOptions::new()
        .max_connections(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        })
        .acquire_timeout(Duration::from_secs(10));
    let pool_options = if backend == Backend::Sqlite {
        pool_options.after_connect(|conn, _meta| {
            Box::pin(async move {
                // WAL lets readers run beside the writer; synchronous=FULL makes every
                // acknowledged commit durable even if the process or machine dies.
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                )
                .await?;
                Ok(())
            })
        })
    } else {
        pool_options.after_connect(|conn, _meta| {
            Box::pin(async move {
                // Plan every statement for the values it is run with. A statement prepared
                // once and run again gets, after five runs, a generic plan that cannot see
                // its values: for `LIMIT $n` it assumes a tenth of the table will be read,
                // and for a box or a time range it guesses, which at a city's volume chose
                // to read and sort a whole area for one page (57 ms where the planned
                // statement takes 0.2 ms). Planning these statements costs well under a
                // millisecond.
                conn.execute("SET plan_cache_mode = force_custom_plan")
                    .await?;
                Ok(())
            })
        })
    };
    pool_options
        .connect_with(options)
        .await
        .context("connecting to the database")
}

/// Applies the pending migrations of the database's backend.
pub async fn migrate(db: &Db, backend: Backend) -> anyhow::Result<()> {
    backend
        .migrator()
        .run(db)
        .await
        .context("applying database migrations")
}

/// The newest migration this build knows for the backend.
pub fn newest_migration(backend: Backend) -> i64 {
    backend
        .migrator()
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0)
}

/// Connects and migrates: what `serve` and `migrate` both do first.
pub async fn open(url: &str) -> anyhow::Result<Db> {
    let db = connect(url).await?;
    migrate(&db, Backend::of_url(url)?).await?;
    Ok(db)
}

/// Which database the pool talks to, for the few queries that must differ (full-text search).
pub fn backend(db: &Db) -> Backend {
    if db.connect_options().database_url.scheme() == "sqlite" {
        Backend::Sqlite
    } else {
        Backend::Postgres
    }
}

/// Begins a transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`): a
/// transaction that reads first and writes later would otherwise fail with "database is
/// locked" (SQLITE_BUSY_SNAPSHOT) whenever another connection wrote in between, which the
/// busy timeout cannot wait out. PostgreSQL needs nothing special.
pub async fn begin(db: &Db) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if backend(db) == Backend::Sqlite {
        db.begin_with("BEGIN IMMEDIATE").await
    } else {
        db.begin().await
    }
}

/// A new time-ordered id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, in Unix milliseconds: how every timestamp is stored.
pub fn now_ms() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    (now.unix_timestamp_nanos() / 1_000_000) as i64
}

/// True when the error is a unique-constraint violation (on either backend).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// SQL for `concat!`: the area in `column` is the one `param` names or an area inside it
/// (two levels down: a city's districts and their neighbourhoods).
#[macro_export]
macro_rules! in_area_tree {
    ($column:literal, $param:literal) => {
        concat!(
            $column,
            " IN (SELECT id FROM areas WHERE id = ",
            $param,
            " OR parent_id = ",
            $param,
            " OR parent_id IN (SELECT id FROM areas WHERE parent_id = ",
            $param,
            "))"
        )
    };
}

/// An optional number as two binds: whether it is there (1 or 0), and the number (0.0 when
/// not). Write `CASE WHEN $flag = 1 THEN $value END` in the SQL. Binding an `Option<f64>`
/// directly is unsafe on PostgreSQL through sqlx's Any driver: a `None` is sent as a 4-byte
/// float, the prepared statement (cached per connection) keeps that type, and a later
/// `Some` on the same connection is refused ("incorrect binary data format").
pub fn optional_f64(value: Option<f64>) -> (i64, f64) {
    match value {
        Some(v) => (1, v),
        None => (0, 0.0),
    }
}

/// SQL written piece by piece, with each argument numbered `$1, $2, ...` as it is pushed: the
/// one placeholder style both databases read through the Any driver (sqlx's own query
/// builder writes `?` for Any, which PostgreSQL refuses). For queries whose conditions depend
/// on what is asked, so that each condition is in the SQL only when it applies.
pub struct Sql {
    text: String,
    arguments: sqlx::any::AnyArguments,
    count: usize,
}

impl Sql {
    pub fn new(text: &str) -> Sql {
        Sql {
            text: text.to_string(),
            arguments: Default::default(),
            count: 0,
        }
    }

    /// Appends SQL text as written (never a value someone typed: those go through `bind`).
    pub fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends the next placeholder and binds `value` to it.
    pub fn bind<T>(&mut self, value: T) -> &mut Sql
    where
        T: 'static + sqlx::Encode<'static, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        use sqlx::Arguments;
        self.count += 1;
        self.text.push_str(&format!("${}", self.count));
        self.arguments
            .add(value)
            .expect("encoding a value for the Any driver");
        self
    }

    /// Appends `(v1, v2, ...)`, each bound, for an `IN`.
    pub fn bind_list<T>(&mut self, values: impl IntoIterator<Item = T>) -> &mut Sql
    where
        T: 'static + sqlx::Encode<'static, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        self.push("(");
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(value);
        }
        self.push(")")
    }

    /// Appends the keyset condition for a newest-first page after the cursor `(time, key)`:
    /// ` AND at <= t AND (at < t OR (at = t AND id < k))`, the time's range first (without it
    /// SQLite reads the two parts of the OR apart and sorts everything they find).
    pub fn older_than(&mut self, at: &str, id: &str, (time, key): (i64, &str)) -> &mut Sql {
        self.push(&format!(" AND {at} <= "))
            .bind(time)
            .push(&format!(" AND ({at} < "))
            .bind(time)
            .push(&format!(" OR ({at} = "))
            .bind(time)
            .push(&format!(" AND {id} < "))
            .bind(key.to_string())
            .push("))")
    }

    /// Appends `column IN (the area and the areas inside it)`, as [`in_area_tree!`] writes it.
    pub fn in_area_tree(&mut self, column: &str, area_id: &str) -> &mut Sql {
        self.push(column)
            .push(" IN (SELECT id FROM areas WHERE id = ")
            .bind(area_id.to_string())
            .push(" OR parent_id = ")
            .bind(area_id.to_string())
            .push(" OR parent_id IN (SELECT id FROM areas WHERE parent_id = ")
            .bind(area_id.to_string())
            .push("))")
    }

    pub fn query(self) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        sqlx::query_with(sqlx::AssertSqlSafe(self.text), self.arguments)
    }
}
