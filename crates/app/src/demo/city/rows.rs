//! Rows written many at a time: a kind's rows are collected for one transaction, then written
//! as multi-row INSERTs with bound values. Each statement stays far under both databases'
//! limits on parameters (SQLite 32,766; PostgreSQL 65,535).

use anyhow::Context;
use sqlx::AnyConnection;

use crate::db::Sql;

/// Parameters per statement: hundreds of rows each, a quarter of SQLite's limit.
const PARAMETERS: usize = 8_000;

/// One cell of a row.
pub(super) enum Value {
    Text(String),
    Int(i64),
    Real(f64),
    Bool(bool),
    /// Written as the literal NULL: the Any driver cannot bind a typeless NULL safely on
    /// PostgreSQL (see `db::optional_f64`).
    Null,
}

impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::Text(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Value {
        Value::Text(value.to_string())
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Value {
        Value::Int(value)
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Value {
        Value::Real(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

/// A row's cells, in the order of the table's columns: `row![id, name, created_at]`.
macro_rules! row {
    ($($value:expr),* $(,)?) => {
        vec![$($crate::demo::city::rows::Value::from($value)),*]
    };
}
pub(super) use row;

/// The rows of one table waiting for their transaction.
pub(super) struct Rows {
    table: &'static str,
    columns: &'static [&'static str],
    cells: Vec<Value>,
    written: u64,
}

impl Rows {
    pub fn new(table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            table,
            columns,
            cells: Vec::new(),
            written: 0,
        }
    }

    pub fn add(&mut self, row: Vec<Value>) {
        assert_eq!(row.len(), self.columns.len(), "a row of {}", self.table);
        self.cells.extend(row);
    }

    /// How many rows this table has been given so far, written or not.
    pub fn count(&self) -> u64 {
        self.written + (self.cells.len() / self.columns.len()) as u64
    }

    /// Writes every row collected so far, a few hundred per statement.
    pub async fn write(&mut self, conn: &mut AnyConnection) -> anyhow::Result<()> {
        let width = self.columns.len();
        let per_statement = (PARAMETERS / width).max(1);
        let cells = std::mem::take(&mut self.cells);
        let mut cells = cells.into_iter().peekable();
        while cells.peek().is_some() {
            let mut sql = Sql::new(&format!(
                "INSERT INTO {} ({}) VALUES ",
                self.table,
                self.columns.join(", ")
            ));
            let mut rows = 0;
            while rows < per_statement && cells.peek().is_some() {
                sql.push(if rows == 0 { "(" } else { ", (" });
                for column in 0..width {
                    if column > 0 {
                        sql.push(", ");
                    }
                    let value = cells.next().context("a row cut short")?;
                    push_value(&mut sql, value);
                }
                sql.push(")");
                rows += 1;
            }
            // Not kept as a prepared statement: each one differs in its NULLs and length.
            sql.query()
                .persistent(false)
                .execute(&mut *conn)
                .await
                .with_context(|| format!("inserting into {}", self.table))?;
            self.written += rows as u64;
        }
        Ok(())
    }
}

fn push_value(sql: &mut Sql, value: Value) {
    match value {
        Value::Text(text) => sql.bind(text),
        Value::Int(number) => sql.bind(number),
        Value::Real(number) => sql.bind(number),
        Value::Bool(flag) => sql.bind(flag),
        Value::Null => sql.push("NULL"),
    };
}
