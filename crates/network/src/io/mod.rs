//! Reading and writing graphs: CSV edge and node lists, GEXF 1.3 (Gephi), GraphML and
//! NetworkX's node-link JSON. Errors name the line (and, for XML and JSON, the element)
//! that is wrong.

mod csv;
mod json;
mod xml;

use std::path::Path;

use crate::graph::Graph;

pub use self::csv::{csv_edge_rows, csv_node_rows, read_csv, write_csv_edges, write_csv_nodes};
pub use self::json::{read_json, write_json};
pub use self::xml::{read_gexf, read_graphml, write_gexf, write_graphml};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Gexf,
    GraphMl,
    Json,
}

impl Format {
    /// The format a file name says: `.csv`, `.gexf`, `.graphml`, `.json`.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "csv" => Format::Csv,
            "gexf" => Format::Gexf,
            "graphml" | "xml" => Format::GraphMl,
            "json" => Format::Json,
            _ => return None,
        })
    }

    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "csv" => Format::Csv,
            "gexf" => Format::Gexf,
            "graphml" => Format::GraphMl,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct ReadError {
    pub line: usize,
    pub message: String,
}

pub(crate) fn error(line: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        line,
        message: message.into(),
    }
}

/// Reads a graph in `format`. A CSV file is an edge list, undirected unless `directed`.
pub fn read(text: &str, format: Format, directed: bool) -> Result<Graph, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Csv => read_csv(text, None, directed),
        Format::Gexf => read_gexf(text),
        Format::GraphMl => read_graphml(text),
        Format::Json => read_json(text),
    }
}

/// Writes a graph in `format` (for CSV: the edge list; see [`write_csv_nodes`]).
pub fn write(graph: &Graph, format: Format) -> String {
    match format {
        Format::Csv => write_csv_edges(graph),
        Format::Gexf => write_gexf(graph),
        Format::GraphMl => write_graphml(graph),
        Format::Json => write_json(graph),
    }
}

/// A tie weight as read: a finite number above zero.
pub(crate) fn weight(text: &str, line: usize) -> Result<f64, ReadError> {
    match text.trim().parse::<f64>() {
        Ok(w) if w.is_finite() && w > 0.0 => Ok(w),
        _ => Err(error(
            line,
            format!("the weight {text:?} is not a number above zero"),
        )),
    }
}

/// A weight written back without a needless ".0".
pub(crate) fn weight_text(w: f64) -> String {
    if w.fract() == 0.0 && w.abs() < 1e15 {
        format!("{}", w as i64)
    } else {
        format!("{w}")
    }
}
