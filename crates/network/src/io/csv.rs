//! CSV edge lists (`source,target[,weight][,type]` and any other columns) and node lists
//! (`id[,label][,kind,area,interests,skills,...]`).

use std::collections::BTreeMap;

use crate::graph::Graph;
use crate::io::{ReadError, error, weight, weight_text};

fn reader(text: &str) -> ::csv::Reader<&[u8]> {
    // A header with semicolons and no commas is a semicolon-separated file (as spreadsheets
    // in much of Europe write them).
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(::csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes())
}

fn csv_error(e: ::csv::Error) -> ReadError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields but the header has {expected_len}"),
        ::csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_string(),
        _ => e.to_string(),
    };
    error(line, message)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

/// Reads an edge list and, if given, a node list whose extra columns become node attributes.
pub fn read_csv(edges: &str, nodes: Option<&str>, directed: bool) -> Result<Graph, ReadError> {
    let mut graph = Graph::new(directed);
    if let Some(nodes) = nodes {
        read_nodes(&mut graph, nodes)?;
    }
    let mut rows = reader(edges);
    let header: Vec<String> = rows
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(str::to_string)
        .collect();
    let source_at = column(&header, &["source", "from"])
        .ok_or_else(|| error(1, "the header has no source column (source,target)"))?;
    let target_at = column(&header, &["target", "to"])
        .ok_or_else(|| error(1, "the header has no target column (source,target)"))?;
    let weight_at = column(&header, &["weight", "strength"]);
    let kind_at = column(&header, &["type", "kind"]);
    for row in rows.records() {
        let row = row.map_err(csv_error)?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let (source, target) = (&row[source_at], &row[target_at]);
        if source.is_empty() || target.is_empty() {
            return Err(error(line, "a tie needs both a source and a target"));
        }
        let w = match weight_at.map(|at| &row[at]).filter(|w| !w.is_empty()) {
            Some(text) => weight(text, line)?,
            None => 1.0,
        };
        let (s, t) = (graph.add_node(source), graph.add_node(target));
        if let Some(at) = graph.add_edge(s, t, w) {
            let edge = &mut graph.edges[at];
            for (i, value) in row.iter().enumerate() {
                if [Some(source_at), Some(target_at), weight_at].contains(&Some(i))
                    || value.is_empty()
                {
                    continue;
                }
                if Some(i) == kind_at {
                    edge.kind = Some(value.to_string());
                } else {
                    edge.attrs.insert(header[i].clone(), value.to_string());
                }
            }
        }
    }
    Ok(graph)
}

fn read_nodes(graph: &mut Graph, text: &str) -> Result<(), ReadError> {
    let mut rows = reader(text);
    let header: Vec<String> = rows
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(str::to_string)
        .collect();
    let id_at = column(&header, &["id", "node", "name"])
        .ok_or_else(|| error(1, "the node list's header has no id column"))?;
    let label_at = column(&header, &["label"]);
    for row in rows.records() {
        let row = row.map_err(csv_error)?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let id = &row[id_at];
        if id.is_empty() {
            return Err(error(line, "a node needs an id"));
        }
        if graph.node_index(id).is_some() {
            return Err(error(line, format!("node {id:?} is listed twice")));
        }
        let at = graph.add_node(id);
        let node = &mut graph.nodes[at];
        for (i, value) in row.iter().enumerate() {
            if i == id_at || value.is_empty() {
                continue;
            }
            if Some(i) == label_at {
                node.label = Some(value.to_string());
            } else {
                node.attrs.insert(header[i].clone(), value.to_string());
            }
        }
    }
    Ok(())
}

fn write_rows(rows: Vec<Vec<String>>) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// The edge list: source, target, weight, type, then every other edge attribute.
pub fn write_csv_edges(graph: &Graph) -> String {
    write_rows(csv_edge_rows(graph))
}

/// The rows [`write_csv_edges`] writes, header first, for a caller with its own CSV writer
/// (one that guards cells against spreadsheet formulas, say).
pub fn csv_edge_rows(graph: &Graph) -> Vec<Vec<String>> {
    let (mut rows, keys) = header_with_attributes(
        &["source", "target", "weight", "type"],
        graph.edges.iter().map(|e| &e.attrs),
    );
    for e in &graph.edges {
        let fixed = [
            graph.nodes[e.source].id.clone(),
            graph.nodes[e.target].id.clone(),
            weight_text(e.weight),
            e.kind.clone().unwrap_or_default(),
        ];
        rows.push(row_with_attributes(fixed, &keys, &e.attrs));
    }
    rows
}

/// The node list: id, label, then every node attribute.
pub fn write_csv_nodes(graph: &Graph) -> String {
    write_rows(csv_node_rows(graph))
}

/// The rows [`write_csv_nodes`] writes, header first.
pub fn csv_node_rows(graph: &Graph) -> Vec<Vec<String>> {
    let (mut rows, keys) =
        header_with_attributes(&["id", "label"], graph.nodes.iter().map(|n| &n.attrs));
    for n in &graph.nodes {
        let fixed = [n.id.clone(), n.label.clone().unwrap_or_default()];
        rows.push(row_with_attributes(fixed, &keys, &n.attrs));
    }
    rows
}

/// The header row (the fixed columns, then every attribute name in use, sorted) and the
/// attribute names.
fn header_with_attributes<'a>(
    fixed: &[&str],
    attributes: impl Iterator<Item = &'a BTreeMap<String, String>>,
) -> (Vec<Vec<String>>, Vec<String>) {
    let keys: Vec<String> = attributes
        .flat_map(|a| a.keys().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let header = fixed
        .iter()
        .map(|s| s.to_string())
        .chain(keys.iter().cloned())
        .collect();
    (vec![header], keys)
}

fn row_with_attributes<const N: usize>(
    fixed: [String; N],
    keys: &[String],
    attributes: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut row = fixed.to_vec();
    row.extend(
        keys.iter()
            .map(|k| attributes.get(k).cloned().unwrap_or_default()),
    );
    row
}
