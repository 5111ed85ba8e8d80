//! `squaremile backup FILE` and `squaremile restore FILE`.
//!
//! SQLite: the backup is `VACUUM INTO`, a consistent copy taken inside one read transaction,
//! so the site may keep running (and writing) while it is made. A restore checks the copy
//! (SQLite's integrity check, and that it was made by this version or an older one), then
//! puts it in place of the database file in one rename and applies newer migrations. The site
//! must be stopped for a restore.
//!
//! PostgreSQL: both run PostgreSQL's own tools, `pg_dump --format=custom` and
//! `pg_restore --clean --if-exists --no-owner`, which must be on the PATH (package
//! postgresql-client), in the version of the server or newer.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail, ensure};
use sqlx::Row;

use crate::db::{self, Backend};

/// What a backup file is, by its first bytes.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Sqlite,
    PgDump,
}

fn kind_of(file: &Path) -> anyhow::Result<Kind> {
    let mut start = [0u8; 16];
    let read = {
        use std::io::Read;
        let mut f = std::fs::File::open(file)
            .with_context(|| format!("opening the backup {}", file.display()))?;
        f.read(&mut start)?
    };
    if read >= 16 && &start == b"SQLite format 3\0" {
        Ok(Kind::Sqlite)
    } else if start.starts_with(b"PGDMP") {
        Ok(Kind::PgDump)
    } else {
        bail!(
            "{} is neither an SQLite database nor a pg_dump archive",
            file.display()
        )
    }
}

/// Makes a backup of the database at `url` in `file`, which must not exist yet. Returns
/// what to tell the operator.
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<String> {
    ensure!(
        !file.exists(),
        "{} exists already: choose a new file name",
        file.display()
    );
    match Backend::of_url(url)? {
        Backend::Sqlite => {
            let pool = db::connect(url).await?;
            let target = file
                .to_str()
                .context("the backup's file name is not UTF-8")?;
            // VACUUM INTO takes its file name as text; quotes doubled per SQL.
            let sql = format!("VACUUM INTO '{}'", target.replace('\'', "''"));
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&pool)
                .await
                .with_context(|| format!("copying the database into {}", file.display()))?;
            pool.close().await;
        }
        Backend::Postgres => run_tool(
            "pg_dump",
            &[
                "--format=custom",
                "--file",
                path_text(file)?,
                "--dbname",
                url,
            ],
        )?,
    }
    let size = std::fs::metadata(file)?.len();
    Ok(format!(
        "backed up to {} ({} KB)\n",
        file.display(),
        size / 1024
    ))
}

/// Puts the backup in `file` in place of the database at `url`. A database that already
/// holds a site is replaced only with `replace`.
pub async fn restore(url: &str, file: &Path, replace: bool) -> anyhow::Result<String> {
    let kind = kind_of(file)?;
    match (Backend::of_url(url)?, kind) {
        (Backend::Sqlite, Kind::Sqlite) => restore_sqlite(url, file, replace).await?,
        (Backend::Postgres, Kind::PgDump) => {
            if !replace && holds_a_site(url).await? {
                bail!("the database already holds a site; add --replace to overwrite it");
            }
            run_tool(
                "pg_restore",
                &[
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--dbname",
                    url,
                    path_text(file)?,
                ],
            )?;
            // A backup from an older version: bring it up to date.
            db::open(url).await?.close().await;
        }
        (backend, kind) => bail!(
            "a {kind:?} backup cannot be restored into a {backend:?} database: use the same kind"
        ),
    }
    Ok(format!("restored {} into the database\n", file.display()))
}

async fn restore_sqlite(url: &str, file: &Path, replace: bool) -> anyhow::Result<()> {
    check_sqlite_backup(file).await?;
    let target = sqlite_file(url)?;
    if target.exists() && !replace && holds_a_site(url).await? {
        bail!(
            "{} already holds a site; add --replace to overwrite it",
            target.display()
        );
    }
    // Copy beside the target, make it durable, then swap it in with one rename. The old
    // file's write-ahead log belongs to the old file: left behind, SQLite would replay it
    // into the restored one.
    let staging = target.with_extension("restoring");
    std::fs::copy(file, &staging)
        .with_context(|| format!("copying the backup to {}", staging.display()))?;
    std::fs::File::open(&staging)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)
                .with_context(|| format!("removing the old {}", side.display()))?;
        }
    }
    std::fs::rename(&staging, &target)
        .with_context(|| format!("putting the backup in place at {}", target.display()))?;
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)?.sync_all()?;
    }
    db::open(url).await?.close().await;
    Ok(())
}

/// The backup is a whole SQLite database of this site, from this version or an older one.
/// Opened read-only and alone (not through the site's pool, whose set-up writes).
async fn check_sqlite_backup(file: &Path) -> anyhow::Result<()> {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true);
    let mut conn = sqlx::sqlite::SqliteConnection::connect_with(&options)
        .await
        .with_context(|| format!("opening the backup {}", file.display()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .context("checking the backup")?;
    ensure!(
        integrity == "ok",
        "{} is damaged: {integrity}",
        file.display()
    );
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is not a Square Mile database", file.display()))?;
    conn.close().await?;
    let ours = db::newest_migration(Backend::Sqlite);
    ensure!(
        newest.unwrap_or(0) <= ours,
        "{} was made by a newer Square Mile (migration {}; this one knows up to {ours})",
        file.display(),
        newest.unwrap_or(0)
    );
    Ok(())
}

/// Whether the database has a site in it (any account or area).
async fn holds_a_site(url: &str) -> anyhow::Result<bool> {
    let pool = db::connect(url).await?;
    let found =
        sqlx::query("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM areas) AS n")
            .fetch_one(&pool)
            .await
            .ok()
            .map(|row| row.try_get::<i64, _>("n"))
            .transpose()?
            .unwrap_or(0);
    pool.close().await;
    Ok(found > 0)
}

/// The file an `sqlite:` URL names.
fn sqlite_file(url: &str) -> anyhow::Result<PathBuf> {
    let options =
        sqlx::sqlite::SqliteConnectOptions::from_str(url).context("reading the SQLite URL")?;
    Ok(options.get_filename().to_path_buf())
}

fn path_text(path: &Path) -> anyhow::Result<&str> {
    path.to_str()
        .with_context(|| format!("{} is not a UTF-8 file name", path.display()))
}

fn run_tool(tool: &str, args: &[&str]) -> anyhow::Result<()> {
    let status = std::process::Command::new(tool)
        .args(args)
        .status()
        .with_context(|| format!("running {tool} (install postgresql-client)"))?;
    ensure!(status.success(), "{tool} failed ({status})");
    Ok(())
}
