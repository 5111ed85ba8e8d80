//! `squaremile network ...` end to end: the real binary on small networks, good and broken.

use crate::support::{squaremile, write_file};

/// Two tight groups (a street's residents and a youth club) joined through one person, and
/// someone nobody has named yet.
const EDGES: &str = "source,target,weight,type\n\
amira,bob,3,friends\namira,carol,2,friends\nbob,carol,4,works together\n\
carol,dina,1,shares information\n\
dina,eli,2,works together\ndina,fay,3,works together\neli,fay,5,friends\n";
const NODES: &str = "id,label,kind,interests,skills,needs\n\
amira,Amira,person,gardening,,bookkeeping\nbob,Bob,person,football,,\n\
carol,Carol,person,gardening,,\ndina,Dina,organisation,,,\n\
eli,Eli,person,,bookkeeping,\nfay,Fay,person,gardening,,\ngus,Gus,person,,,\n";

#[test]
fn analyse_prints_every_measure_as_json_and_a_readable_summary() {
    let dir = tempfile::tempdir().unwrap();
    let edges = write_file(&dir, "ties.csv", EDGES);
    let nodes = write_file(&dir, "people.csv", NODES);
    let (ok, out, err) = squaremile(&["network", "analyse", &edges, "--nodes", &nodes, "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = json["nodes"].as_array().unwrap();
    assert_eq!(list.len(), 7);
    for key in [
        "id",
        "degree",
        "strength",
        "betweenness",
        "closeness",
        "harmonic",
        "eigenvector",
        "pagerank",
        "core",
        "clustering",
        "constraint",
        "effective_size",
        "community",
    ] {
        assert!(list[0].get(key).is_some(), "missing {key}");
    }
    let node = |id: &str| list.iter().find(|n| n["id"] == id).unwrap();
    // Carol and Dina carry every path between the two groups.
    let top = list
        .iter()
        .max_by(|a, b| {
            a["betweenness"]
                .as_f64()
                .partial_cmp(&b["betweenness"].as_f64())
                .unwrap()
        })
        .unwrap();
    assert!(top["id"] == "carol" || top["id"] == "dina");
    assert_eq!(node("gus")["degree"], 0.0);
    assert!(
        node("gus")["constraint"].is_null(),
        "undefined for an isolate"
    );
    assert_ne!(node("amira")["community"], node("eli")["community"]);
    assert!(json["modularity"].as_f64().unwrap() > 0.3);
    assert_eq!(json["bridges"], serde_json::json!([["carol", "dina"]]));

    let (ok, out, _) = squaremile(&["network", "analyse", &edges, "--nodes", &nodes]);
    assert!(ok);
    assert!(out.contains("7 nodes, 7 ties"), "{out}");
    assert!(out.contains("Isolated (1): Gus"), "{out}");
    assert!(out.contains("Carol - Dina"), "{out}");
}

#[test]
fn introductions_come_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let edges = write_file(&dir, "ties.csv", EDGES);
    let nodes = write_file(&dir, "people.csv", NODES);
    let (ok, out, err) = squaremile(&[
        "network",
        "introductions",
        &edges,
        "--nodes",
        &nodes,
        "--json",
    ]);
    assert!(ok, "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let pair = |a: &str, b: &str| {
        list.iter()
            .find(|i| (i["a"] == a && i["b"] == b) || (i["a"] == b && i["b"] == a))
            .unwrap_or_else(|| panic!("no introduction of {a} and {b} in {out}"))
    };
    let help = pair("amira", "eli");
    assert_eq!(help["skills_for_needs"], serde_json::json!(["bookkeeping"]));
    assert!(
        help["reason"]
            .as_str()
            .unwrap()
            .contains("Eli can help Amira with bookkeeping")
    );
    assert!(
        pair("amira", "fay")["reason"]
            .as_str()
            .unwrap()
            .contains("gardening")
    );
    assert!(
        pair("bob", "dina")["reason"]
            .as_str()
            .unwrap()
            .contains("both know Carol")
    );
    for intro in &list {
        assert!(
            !(intro["a"] == "amira" && intro["b"] == "bob"),
            "already tied"
        );
    }
    let (ok, out, _) = squaremile(&["network", "introductions", &edges, "--nodes", &nodes]);
    assert!(ok && out.contains(" 1. "), "{out}");
}

#[test]
fn render_writes_an_accessible_svg_and_convert_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let edges = write_file(&dir, "ties.csv", EDGES);
    let nodes = write_file(&dir, "people.csv", NODES);
    let svg = dir.path().join("map.svg");
    let (ok, _, err) = squaremile(&[
        "network",
        "render",
        &edges,
        "--nodes",
        &nodes,
        "-o",
        svg.to_str().unwrap(),
        "--size-by",
        "degree",
        "--colour-by",
        "kind",
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.contains("role=\"img\""));
    assert!(text.contains("<title id=\"map-title\">") && text.contains("<desc"));
    assert_eq!(
        text.matches("<circle cx").count(),
        7 + 2,
        "7 nodes and 2 kinds in the legend"
    );
    assert!(
        text.contains("<title>Amira: kind person, degree 2</title>"),
        "{text}"
    );
    assert!(text.contains("organisation (1)"));

    let gexf = dir.path().join("map.gexf");
    let (ok, _, err) = squaremile(&[
        "network",
        "convert",
        &edges,
        "--nodes",
        &nodes,
        "-o",
        gexf.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let back = dir.path().join("back.csv");
    let (ok, _, _) = squaremile(&[
        "network",
        "convert",
        gexf.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert!(ok);
    let again = std::fs::read_to_string(&back).unwrap();
    assert!(again.contains("amira,bob,3,friends"), "{again}");
    let people = std::fs::read_to_string(dir.path().join("back.nodes.csv")).unwrap();
    assert!(
        people.starts_with("id,label,interests,kind,needs,skills\n"),
        "{people}"
    );
    assert!(
        people.contains("\neli,Eli,,person,,bookkeeping\n"),
        "{people}"
    );
}

#[test]
fn bad_input_is_refused_with_the_line_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let edges = write_file(
        &dir,
        "ties.csv",
        "source,target,weight\na,b,1\nb,c,strong\n",
    );
    let (ok, out, err) = squaremile(&["network", "analyse", &edges]);
    assert!(!ok && out.is_empty());
    assert!(err.contains("line 3") && err.contains("strong"), "{err}");
    let unknown = write_file(&dir, "ties.txt", "a b\n");
    let (ok, _, err) = squaremile(&["network", "analyse", &unknown]);
    assert!(!ok && err.contains("cannot tell the format"), "{err}");
    let gexf = write_file(
        &dir,
        "g.gexf",
        "<gexf>\n<graph>\n<nodes>\n<node id=\"a\"/>\n</nodes>\n<edges>\n<edge source=\"a\" target=\"b\"/>\n</edges></graph></gexf>",
    );
    let (ok, _, err) = squaremile(&["network", "analyse", &gexf]);
    assert!(
        !ok && err.contains("line 7") && err.contains("unknown node \"b\""),
        "{err}"
    );
    let (ok, _, err) = squaremile(&[
        "network",
        "render",
        &edges,
        "-o",
        "/nonexistent/x.svg",
        "--size-by",
        "fame",
    ]);
    assert!(!ok, "{err}");
}
