//! Cross-check with NetworkX: every measure on Zachary's karate club, Les Misérables, the
//! Florentine families and the Davis Southern Women projection equals NetworkX's to 1e-9,
//! and communities score at least 99% of NetworkX's Louvain modularity.
//!
//! Needs NETWORKX_PYTHON, a Python with networkx and scipy (`.ci/run` makes one); skipped
//! without it, except under CI, where its absence is a failure.

use std::path::PathBuf;
use std::process::Command;

use network::centrality::{self, Paths};
use network::community::{self, Method};
use network::{Graph, io, structure};
use serde_json::Value;

use crate::say;

fn reference() -> Option<Value> {
    let python = std::env::var("NETWORKX_PYTHON")
        .ok()
        .filter(|p| !p.is_empty());
    let Some(python) = python else {
        assert!(
            std::env::var_os("CI").is_none(),
            "NETWORKX_PYTHON must be set under CI (see .ci/run)"
        );
        say("SKIPPED: set NETWORKX_PYTHON to a Python with networkx and scipy (see .ci/run)");
        return None;
    };
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/networkx_measures.py");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("networkx-reference");
    let out = Command::new(python)
        .arg(script)
        .arg(&dir)
        .output()
        .expect("running NETWORKX_PYTHON");
    assert!(
        out.status.success(),
        "the NetworkX script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("JSON from the NetworkX script"))
}

fn compare(name: &str, measure: &str, graph: &Graph, ours: &[f64], theirs: &Value) {
    let theirs = theirs.as_object().expect("measure by node");
    assert_eq!(theirs.len(), graph.len(), "{name} {measure}: node count");
    for (v, node) in graph.nodes.iter().enumerate() {
        let expected = &theirs[&node.id];
        let got = ours[v];
        match expected.as_f64() {
            None => assert!(
                got.is_nan(),
                "{name} {measure} {}: {got}, NetworkX: undefined",
                node.id
            ),
            Some(x) => assert!(
                (got - x).abs() <= 1e-9,
                "{name} {measure} {}: {got}, NetworkX: {x}",
                node.id
            ),
        }
    }
}

#[test]
fn every_measure_equals_networkx() {
    let Some(reference) = reference() else {
        return;
    };
    for (name, expected) in reference.as_object().expect("graphs by name") {
        let file = expected["file"].as_str().expect("file");
        let text = std::fs::read_to_string(file).expect("the graph NetworkX wrote");
        let graph = io::read(&text, io::Format::Json, false).expect("node-link JSON");
        let m = &expected["measures"];
        let as_f64 = |v: Vec<usize>| v.into_iter().map(|x| x as f64).collect::<Vec<_>>();
        let ours: Vec<(&str, Vec<f64>)> = vec![
            ("degree", centrality::degree(&graph)),
            ("strength", centrality::strength(&graph)),
            (
                "betweenness",
                centrality::betweenness(&graph, Paths::Hops, None),
            ),
            (
                "betweenness_weighted",
                centrality::betweenness(&graph, Paths::Weighted, None),
            ),
            ("closeness", centrality::closeness(&graph, Paths::Hops)),
            (
                "closeness_weighted",
                centrality::closeness(&graph, Paths::Weighted),
            ),
            ("harmonic", centrality::harmonic(&graph, Paths::Hops)),
            ("eigenvector", centrality::eigenvector(&graph)),
            ("pagerank", centrality::pagerank(&graph)),
            ("core", as_f64(structure::core_numbers(&graph))),
            ("clustering", structure::clustering(&graph)),
            ("constraint", structure::constraint(&graph, false)),
            ("effective_size", structure::effective_size(&graph, false)),
        ];
        for (measure, values) in &ours {
            compare(name, measure, &graph, values, &m[*measure]);
        }
        let (bridges, cut) = structure::bridges_and_cut_nodes(&graph);
        let mut bridge_ids: Vec<Vec<String>> = bridges
            .iter()
            .map(|&(a, b)| {
                let mut pair = vec![graph.nodes[a].id.clone(), graph.nodes[b].id.clone()];
                pair.sort();
                pair
            })
            .collect();
        bridge_ids.sort();
        let expected_bridges: Vec<Vec<String>> =
            serde_json::from_value(expected["bridges"].clone()).expect("bridges");
        assert_eq!(bridge_ids, expected_bridges, "{name} bridges");
        let mut cut_ids: Vec<String> = cut.iter().map(|&v| graph.nodes[v].id.clone()).collect();
        cut_ids.sort();
        let expected_cut: Vec<String> =
            serde_json::from_value(expected["articulation_points"].clone()).expect("cut");
        assert_eq!(cut_ids, expected_cut, "{name} articulation points");
        assert_eq!(
            structure::components(&graph).len() as u64,
            expected["components"].as_u64().expect("count"),
            "{name} components"
        );
        let louvain = expected["louvain_modularity"].as_f64().expect("modularity");
        for method in [Method::Louvain, Method::Leiden] {
            let found = community::detect(&graph, method, 1.0, 1);
            say(&format!(
                "{name}: {method:?} modularity {:.4} ({} communities), NetworkX Louvain {louvain:.4}",
                found.modularity, found.count
            ));
            assert!(
                found.modularity >= 0.99 * louvain,
                "{name} {method:?}: modularity {} below 99% of NetworkX's {louvain}",
                found.modularity
            );
            let again = community::modularity(&graph, &found.membership, 1.0);
            assert!((again - found.modularity).abs() < 1e-12);
        }
    }
}
