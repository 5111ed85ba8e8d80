//! NetworkX's node-link JSON: `{"directed": .., "nodes": [{"id": ..}], "links": [{"source":
//! .., "target": .., "weight": ..}]}` (`"edges"` is read as well as `"links"`).

use serde_json::{Map, Value, json};

use crate::graph::Graph;
use crate::io::{ReadError, error};

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The line where the `index`-th occurrence of `"key"` sits, to point at an element.
fn line_of(text: &str, key: &str, index: usize) -> usize {
    let needle = format!("\"{key}\"");
    let list_at = text.find(&needle).unwrap_or(0);
    let mut depth = 0usize;
    let mut count = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text[list_at..].char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '{' if depth == 1 => {
                if count == index {
                    return text[..list_at + at].matches('\n').count() + 1;
                }
                count += 1;
            }
            _ => {}
        }
    }
    1
}

pub fn read_json(text: &str) -> Result<Graph, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| error(e.line(), e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| error(1, "expected a JSON object with nodes and links"))?;
    let directed = object
        .get("directed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut graph = Graph::new(directed);
    let nodes = object
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| error(1, "no \"nodes\" list"))?;
    for (i, node) in nodes.iter().enumerate() {
        let line = || line_of(text, "nodes", i);
        let fields = node
            .as_object()
            .ok_or_else(|| error(line(), format!("nodes[{i}] is not an object")))?;
        let id = fields
            .get("id")
            .and_then(text_of)
            .ok_or_else(|| error(line(), format!("nodes[{i}] has no id")))?;
        if graph.node_index(&id).is_some() {
            return Err(error(line(), format!("node {id:?} is listed twice")));
        }
        let at = graph.add_node(&id);
        for (key, value) in fields {
            let Some(value) = text_of(value).or_else(|| list_text(value)) else {
                continue;
            };
            match key.as_str() {
                "id" => {}
                "label" | "name" => graph.nodes[at].label = Some(value),
                _ => {
                    graph.nodes[at].attrs.insert(key.clone(), value);
                }
            }
        }
    }
    let key = if object.contains_key("links") {
        "links"
    } else {
        "edges"
    };
    let links = object
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| error(1, "no \"links\" (or \"edges\") list"))?;
    for (i, link) in links.iter().enumerate() {
        let line = || line_of(text, key, i);
        let fields = link
            .as_object()
            .ok_or_else(|| error(line(), format!("{key}[{i}] is not an object")))?;
        let end = |name: &str| -> Result<usize, ReadError> {
            let id = fields
                .get(name)
                .and_then(text_of)
                .ok_or_else(|| error(line(), format!("{key}[{i}] has no {name}")))?;
            graph
                .node_index(&id)
                .ok_or_else(|| error(line(), format!("{key}[{i}]: unknown node {id:?}")))
        };
        let (s, t) = (end("source")?, end("target")?);
        let w = match fields.get("weight") {
            None | Some(Value::Null) => 1.0,
            Some(Value::Number(n)) => n
                .as_f64()
                .filter(|w| w.is_finite() && *w > 0.0)
                .ok_or_else(|| {
                    error(line(), format!("{key}[{i}]: the weight is not above zero"))
                })?,
            Some(other) => crate::io::weight(&text_of(other).unwrap_or_default(), line())?,
        };
        if let Some(at) = graph.add_edge(s, t, w) {
            for (name, value) in fields {
                let Some(value) = text_of(value) else {
                    continue;
                };
                match name.as_str() {
                    "source" | "target" | "weight" | "key" => {}
                    "type" | "kind" => graph.edges[at].kind = Some(value),
                    _ => {
                        graph.edges[at].attrs.insert(name.clone(), value);
                    }
                }
            }
        }
    }
    Ok(graph)
}

fn list_text(value: &Value) -> Option<String> {
    let items: Option<Vec<String>> = value.as_array()?.iter().map(text_of).collect();
    items.map(|items| items.join(";"))
}

pub fn write_json(graph: &Graph) -> String {
    let nodes: Vec<Value> = graph
        .nodes
        .iter()
        .map(|n| {
            let mut fields = Map::new();
            fields.insert("id".into(), json!(n.id));
            if let Some(label) = &n.label {
                fields.insert("label".into(), json!(label));
            }
            for (k, v) in &n.attrs {
                fields.insert(k.clone(), json!(v));
            }
            Value::Object(fields)
        })
        .collect();
    let links: Vec<Value> = graph
        .edges
        .iter()
        .map(|e| {
            let mut fields = Map::new();
            fields.insert("source".into(), json!(graph.nodes[e.source].id));
            fields.insert("target".into(), json!(graph.nodes[e.target].id));
            fields.insert("weight".into(), json!(e.weight));
            if let Some(kind) = &e.kind {
                fields.insert("type".into(), json!(kind));
            }
            for (k, v) in &e.attrs {
                fields.insert(k.clone(), json!(v));
            }
            Value::Object(fields)
        })
        .collect();
    let document = json!({
        "directed": graph.directed,
        "multigraph": false,
        "graph": {},
        "nodes": nodes,
        "links": links,
    });
    serde_json::to_string_pretty(&document).expect("JSON of strings and numbers") + "\n"
}
