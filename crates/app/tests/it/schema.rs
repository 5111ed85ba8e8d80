//! The SQLite and PostgreSQL schemas must describe the same tables and columns.

use std::collections::BTreeMap;
use std::path::Path;

use sqlx::Row;
use squaremile::db;

use crate::support::{TestDb, postgres_admin_url, skip};

/// table -> column -> (type, nullable)
type Schema = BTreeMap<String, BTreeMap<String, (String, bool)>>;

fn migration_names(dir: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../migrations")
        .join(dir);
    let mut names: Vec<String> = std::fs::read_dir(path)
        .expect("migrations folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn both_backends_have_the_same_migrations() {
    let sqlite = migration_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"));
}

async fn sqlite_schema() -> Schema {
    let test_db = TestDb::sqlite();
    let pool = db::open(&test_db.url).await.unwrap();
    let tables = sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'")
        .fetch_all(&pool)
        .await
        .unwrap();
    let mut schema = Schema::new();
    for table in tables {
        let name: String = table.get("name");
        let columns = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT name, type, \"notnull\" AS not_null, pk FROM pragma_table_info('{name}')"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        let entry = schema.entry(name).or_default();
        for column in columns {
            let not_null: i64 = column.get("not_null");
            let pk: i64 = column.get("pk");
            let kind: String = column.get("type");
            entry.insert(
                column.get("name"),
                (kind.to_lowercase(), not_null == 0 && pk == 0),
            );
        }
    }
    schema
}

async fn postgres_schema(url: &str) -> Schema {
    let pool = db::open(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS ty, is_nullable::text AS n \
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for row in rows {
        let nullable: String = row.get("n");
        schema.entry(row.get("t")).or_default().insert(
            row.get("c"),
            (row.get::<String, _>("ty").to_lowercase(), nullable == "YES"),
        );
    }
    pool.close().await;
    schema
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_agree() {
    if postgres_admin_url().is_none() {
        skip(
            "sqlite_and_postgres_schemas_agree",
            "set TEST_DATABASE_URL to compare with PostgreSQL",
        );
        return;
    }
    let pg = TestDb::new().await;
    assert!(pg.is_postgres());
    let (sqlite, postgres) = (sqlite_schema().await, postgres_schema(&pg.url).await);
    assert!(sqlite.len() >= 9, "{sqlite:?}");
    assert_eq!(sqlite, postgres);
}
