//! GEXF 1.3 (Gephi's format) and GraphML, read through a small element tree that remembers
//! each element's line, so errors can point at it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::graph::Graph;
use crate::io::{ReadError, error, weight, weight_text};

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
    line: usize,
}

impl Element {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn need(&self, key: &str) -> Result<&str, ReadError> {
        self.attr(key)
            .ok_or_else(|| error(self.line, format!("<{}> has no {key} attribute", self.name)))
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Local name without a namespace prefix.
fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':').next().unwrap_or(&name).to_string()
}

fn parse_tree(text: &str) -> Result<Element, ReadError> {
    // Text is kept whole (entities split it into pieces, and trimming each piece would
    // lose spaces inside a value); values are trimmed once complete.
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut line_at = |position: usize| {
        let position = position.min(text.len());
        if position > counted_to {
            line += text.as_bytes()[counted_to..position]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = position;
        }
        line
    };
    let open = |start: &BytesStart, line: usize| -> Result<Element, ReadError> {
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| error(line, format!("bad attribute: {e}")))?;
            let value = attr
                .unescape_value()
                .map_err(|e| error(line, format!("bad attribute value: {e}")))?;
            attrs.push((local(attr.key.as_ref()), value.into_owned()));
        }
        Ok(Element {
            name: local(start.name().as_ref()),
            attrs,
            line,
            ..Element::default()
        })
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = line_at(reader.error_position() as usize);
            error(at, format!("malformed XML: {e}"))
        })?;
        // The element starts after any whitespace the reader skipped.
        let skipped = text.as_bytes()[before.min(text.len())..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let here = line_at(before + skipped);
        match event {
            Event::Start(start) => stack.push(open(&start, here)?),
            Event::Empty(start) => {
                let element = open(&start, here)?;
                stack.last_mut().expect("root").children.push(element);
            }
            Event::End(_) => {
                let element = stack.pop().expect("balanced by the reader");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => return Err(error(here, "unexpected closing tag")),
                }
            }
            Event::Text(t) => {
                let decoded = t
                    .decode()
                    .map_err(|e| error(here, format!("bad text: {e}")))?;
                let unescaped = quick_xml::escape::unescape(&decoded)
                    .map_err(|e| error(here, format!("bad text: {e}")))?;
                stack.last_mut().expect("root").text.push_str(&unescaped);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                stack.last_mut().expect("root").text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let resolved = quick_xml::escape::unescape(&format!("&{name};"))
                    .map_err(|e| error(here, format!("bad entity: {e}")))?
                    .into_owned();
                stack.last_mut().expect("root").text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        let open = stack.last().expect("non-empty");
        return Err(error(open.line, format!("<{}> is never closed", open.name)));
    }
    Ok(stack.pop().expect("root"))
}

fn root<'a>(document: &'a Element, name: &str) -> Result<&'a Element, ReadError> {
    document
        .child(name)
        .ok_or_else(|| error(1, format!("not a {name} document (no <{name}> element)")))
}

fn end(graph: &Graph, element: &Element, key: &str) -> Result<usize, ReadError> {
    let id = element.need(key)?;
    graph.node_index(id).ok_or_else(|| {
        error(
            element.line,
            format!("<{}> refers to unknown node {id:?}", element.name),
        )
    })
}

fn add_node(graph: &mut Graph, element: &Element) -> Result<usize, ReadError> {
    let id = element.need("id")?;
    if graph.node_index(id).is_some() {
        return Err(error(element.line, format!("node {id:?} is listed twice")));
    }
    Ok(graph.add_node(id))
}

pub fn read_gexf(text: &str) -> Result<Graph, ReadError> {
    let document = parse_tree(text)?;
    let gexf = root(&document, "gexf")?;
    let g = gexf
        .child("graph")
        .ok_or_else(|| error(gexf.line, "<gexf> has no <graph>"))?;
    let directed = g.attr("defaultedgetype") == Some("directed");
    let mut graph = Graph::new(directed);
    // Attribute ids to titles, per class.
    let mut titles: BTreeMap<(String, String), String> = BTreeMap::new();
    for attributes in g.children("attributes") {
        let class = attributes.attr("class").unwrap_or("node").to_string();
        for a in attributes.children("attribute") {
            let id = a.need("id")?.to_string();
            let title = a.attr("title").unwrap_or(&id).to_string();
            titles.insert((class.clone(), id), title);
        }
    }
    let values = |element: &Element, class: &str| -> Vec<(String, String)> {
        element
            .child("attvalues")
            .map(|list| {
                list.children("attvalue")
                    .filter_map(|v| {
                        let key = v.attr("for").or(v.attr("id"))?;
                        let title = titles
                            .get(&(class.to_string(), key.to_string()))
                            .cloned()
                            .unwrap_or_else(|| key.to_string());
                        Some((title, v.attr("value")?.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(nodes) = g.child("nodes") {
        for element in nodes.children("node") {
            let at = add_node(&mut graph, element)?;
            graph.nodes[at].label = element.attr("label").map(str::to_string);
            for (k, v) in values(element, "node") {
                graph.nodes[at].attrs.insert(k, v);
            }
        }
    }
    if let Some(edges) = g.child("edges") {
        for element in edges.children("edge") {
            let (s, t) = (
                end(&graph, element, "source")?,
                end(&graph, element, "target")?,
            );
            let w = match element.attr("weight") {
                Some(text) => weight(text, element.line)?,
                None => 1.0,
            };
            if let Some(at) = graph.add_edge(s, t, w) {
                let edge = &mut graph.edges[at];
                edge.kind = element
                    .attr("kind")
                    .or(element.attr("label"))
                    .map(str::to_string);
                for (k, v) in values(element, "edge") {
                    if k == "type" {
                        edge.kind = Some(v);
                    } else {
                        edge.attrs.insert(k, v);
                    }
                }
            }
        }
    }
    Ok(graph)
}

pub fn read_graphml(text: &str) -> Result<Graph, ReadError> {
    let document = parse_tree(text)?;
    let graphml = root(&document, "graphml")?;
    let g = graphml
        .child("graph")
        .ok_or_else(|| error(graphml.line, "<graphml> has no <graph>"))?;
    let directed = g.attr("edgedefault") == Some("directed");
    let mut graph = Graph::new(directed);
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for key in graphml.children("key") {
        let id = key.need("id")?.to_string();
        let name = key.attr("attr.name").unwrap_or(&id).to_string();
        names.insert(id, name);
    }
    let data = |element: &Element| -> Vec<(String, String, usize)> {
        element
            .children("data")
            .filter_map(|d| {
                let key = d.attr("key")?;
                let name = names.get(key).cloned().unwrap_or_else(|| key.to_string());
                Some((name, d.text.trim().to_string(), d.line))
            })
            .collect()
    };
    for element in g.children("node") {
        let at = add_node(&mut graph, element)?;
        for (k, v, _) in data(element) {
            match k.as_str() {
                "label" | "name" => graph.nodes[at].label = Some(v),
                _ => {
                    graph.nodes[at].attrs.insert(k, v);
                }
            }
        }
    }
    for element in g.children("edge") {
        let (s, t) = (
            end(&graph, element, "source")?,
            end(&graph, element, "target")?,
        );
        let fields = data(element);
        let w = match fields.iter().find(|(k, _, _)| k == "weight") {
            Some((_, v, line)) => weight(v, *line)?,
            None => 1.0,
        };
        if let Some(at) = graph.add_edge(s, t, w) {
            for (k, v, _) in fields {
                match k.as_str() {
                    "weight" => {}
                    "type" | "kind" => graph.edges[at].kind = Some(v),
                    _ => {
                        graph.edges[at].attrs.insert(k, v);
                    }
                }
            }
        }
    }
    Ok(graph)
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// Attribute names used by any node, and by any edge (the tie type among them).
fn keys(graph: &Graph) -> (Vec<String>, Vec<String>) {
    let mut node_keys: Vec<String> = graph
        .nodes
        .iter()
        .flat_map(|n| n.attrs.keys().cloned())
        .collect();
    node_keys.sort();
    node_keys.dedup();
    let mut edge_keys: Vec<String> = graph
        .edges
        .iter()
        .flat_map(|e| e.attrs.keys().cloned())
        .collect();
    if graph.edges.iter().any(|e| e.kind.is_some()) {
        edge_keys.push("type".to_string());
    }
    edge_keys.sort();
    edge_keys.dedup();
    (node_keys, edge_keys)
}

fn edge_value<'a>(edge: &'a crate::graph::Edge, key: &str) -> Option<&'a String> {
    if key == "type" {
        edge.kind.as_ref()
    } else {
        edge.attrs.get(key)
    }
}

pub fn write_gexf(graph: &Graph) -> String {
    let (node_keys, edge_keys) = keys(graph);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    let kind = if graph.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph defaultedgetype=\"{kind}\" mode=\"static\">");
    for (class, list) in [("node", &node_keys), ("edge", &edge_keys)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    <attributes class=\"{class}\">");
        for (i, k) in list.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <attribute id=\"{i}\" title=\"{}\" type=\"string\"/>",
                escape(k)
            );
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str("    <nodes>\n");
    for n in &graph.nodes {
        let _ = write!(out, "      <node id=\"{}\"", escape(&n.id));
        if let Some(label) = &n.label {
            let _ = write!(out, " label=\"{}\"", escape(label));
        }
        let values: Vec<(usize, &String)> = node_keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| n.attrs.get(k).map(|v| (i, v)))
            .collect();
        write_attvalues(&mut out, &values, "      ");
        out.push_str("</node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in graph.edges.iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"",
            escape(&graph.nodes[e.source].id),
            escape(&graph.nodes[e.target].id),
            weight_text(e.weight)
        );
        let values: Vec<(usize, &String)> = edge_keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| edge_value(e, k).map(|v| (i, v)))
            .collect();
        write_attvalues(&mut out, &values, "      ");
        out.push_str("</edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn write_attvalues(out: &mut String, values: &[(usize, &String)], indent: &str) {
    if values.is_empty() {
        out.push('>');
        return;
    }
    out.push_str(">\n");
    let _ = writeln!(out, "{indent}  <attvalues>");
    for (i, v) in values {
        let _ = writeln!(
            out,
            "{indent}    <attvalue for=\"{i}\" value=\"{}\"/>",
            escape(v)
        );
    }
    let _ = write!(out, "{indent}  </attvalues>\n{indent}");
}

pub fn write_graphml(graph: &Graph) -> String {
    let (node_keys, edge_keys) = keys(graph);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    for (i, k) in node_keys.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"n{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>",
            escape(k)
        );
    }
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    for (i, k) in edge_keys.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"e{i}\" for=\"edge\" attr.name=\"{}\" attr.type=\"string\"/>",
            escape(k)
        );
    }
    let kind = if graph.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph edgedefault=\"{kind}\">");
    for n in &graph.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&n.id));
        if let Some(label) = &n.label {
            let _ = writeln!(out, "      <data key=\"label\">{}</data>", escape(label));
        }
        for (i, k) in node_keys.iter().enumerate() {
            if let Some(v) = n.attrs.get(k) {
                let _ = writeln!(out, "      <data key=\"n{i}\">{}</data>", escape(v));
            }
        }
        out.push_str("    </node>\n");
    }
    for e in &graph.edges {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            escape(&graph.nodes[e.source].id),
            escape(&graph.nodes[e.target].id)
        );
        let _ = writeln!(
            out,
            "      <data key=\"weight\">{}</data>",
            weight_text(e.weight)
        );
        for (i, k) in edge_keys.iter().enumerate() {
            if let Some(v) = edge_value(e, k) {
                let _ = writeln!(out, "      <data key=\"e{i}\">{}</data>", escape(v));
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
