//! Reading and writing every format: what is written reads back the same, and bad input
//! names the line that is wrong.

use network::io::{self, Format};

const EDGES: &str = "source,target,weight,type,since\n\
ana,ben,3,friends,2019\n\
ben,chloe,1,works together,\n\
chloe,ana,2,shares information,2021\n\
dev,ana,5,funds,\n";

const NODES: &str = "id,label,kind,area,interests\n\
ana,Ana Silva,person,North,gardening;cooking\n\
ben,Ben Okoro,person,North,football\n\
chloe,Chloe's Café,organisation,South,\"cooking, events\"\n\
dev,Council,organisation,,\n";

fn sample() -> network::Graph {
    io::read_csv(EDGES, Some(NODES), false).expect("sample")
}

#[test]
fn csv_reads_ties_types_weights_and_node_attributes() {
    let g = sample();
    assert_eq!(g.len(), 4);
    assert_eq!(g.edges.len(), 4);
    let ana = g.node_index("ana").unwrap();
    let chloe = g.node_index("chloe").unwrap();
    assert_eq!(g.nodes[ana].name(), "Ana Silva");
    assert_eq!(g.nodes[chloe].list("interests"), vec!["cooking", "events"]);
    let tie = g.edge_between(chloe, ana).expect("undirected: either way");
    assert_eq!(tie.weight, 2.0);
    assert_eq!(tie.kind.as_deref(), Some("shares information"));
    assert_eq!(tie.attrs.get("since").map(String::as_str), Some("2021"));
}

#[test]
fn every_format_writes_what_it_reads() {
    let g = sample();
    for format in [Format::Gexf, Format::GraphMl, Format::Json] {
        let text = io::write(&g, format);
        let again =
            io::read(&text, format, false).unwrap_or_else(|e| panic!("{format:?}: {e}\n{text}"));
        assert_eq!(again.nodes, g.nodes, "{format:?} nodes");
        assert_eq!(again.edges, g.edges, "{format:?} edges");
        assert_eq!(again.directed, g.directed);
    }
    let edges = io::write_csv_edges(&g);
    let nodes = io::write_csv_nodes(&g);
    let again = io::read_csv(&edges, Some(&nodes), false).unwrap();
    assert_eq!(again.nodes, g.nodes);
    assert_eq!(again.edges, g.edges);
}

#[test]
fn direction_is_kept() {
    let g = io::read_csv("source,target\na,b\nb,a\n", None, true).unwrap();
    assert_eq!(g.edges.len(), 2);
    for format in [Format::Gexf, Format::GraphMl, Format::Json] {
        let again = io::read(&io::write(&g, format), format, false).unwrap();
        assert!(again.directed, "{format:?}");
        assert_eq!(again.edges.len(), 2, "{format:?}");
    }
}

#[test]
fn a_tie_given_twice_is_kept_once_with_the_larger_weight() {
    let g = io::read_csv("source,target,weight\na,b,2\nb,a,4\na,a,1\n", None, false).unwrap();
    assert_eq!(g.edges.len(), 1);
    assert_eq!(g.edges[0].weight, 4.0);
    assert_eq!((g.merged_ties, g.self_ties), (1, 1));
}

fn error_of(text: &str, format: Format) -> io::ReadError {
    io::read(text, format, false).expect_err("bad input must be refused")
}

#[test]
fn bad_input_names_the_line() {
    let e = error_of("source,target,weight\na,b,1\nb,c,heavy\n", Format::Csv);
    assert_eq!(e.line, 3);
    assert!(e.message.contains("heavy"), "{e}");
    let e = error_of("source,target\na,b\nb,c,d\n", Format::Csv);
    assert_eq!(e.line, 3);
    let e = error_of("from_node,to_node\na,b\n", Format::Csv);
    assert!(e.message.contains("source"), "{e}");
    let gexf = "<gexf version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"a\"/>\n</nodes>\n<edges>\n<edge source=\"a\" target=\"zz\"/>\n</edges>\n</graph>\n</gexf>\n";
    let e = error_of(gexf, Format::Gexf);
    assert_eq!(e.line, 7);
    assert!(e.message.contains("zz"), "{e}");
    let e = error_of(
        "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n",
        Format::GraphMl,
    );
    assert!(e.line >= 3, "{e}");
    let e = error_of(
        "<graphml>\n<graph>\n<node/>\n</graph>\n</graphml>",
        Format::GraphMl,
    );
    assert_eq!(e.line, 3);
    assert!(e.message.contains("id"), "{e}");
    let json = "{\"nodes\": [\n{\"id\": 1},\n{\"name\": 2}\n], \"links\": []}";
    let e = error_of(json, Format::Json);
    assert_eq!(e.line, 3);
    let e = error_of("{\"nodes\": [", Format::Json);
    assert_eq!(e.line, 1);
    let json = "{\"nodes\": [{\"id\": 1}],\n\"links\": [\n{\"source\": 1, \"target\": 2}\n]}";
    let e = error_of(json, Format::Json);
    assert_eq!(e.line, 3);
    assert!(e.message.contains("unknown node"), "{e}");
}

#[test]
fn nothing_panics_on_truncated_or_garbled_input() {
    let g = sample();
    for format in [Format::Gexf, Format::GraphMl, Format::Json, Format::Csv] {
        let text = io::write(&g, format);
        for cut in (0..text.len()).step_by(7) {
            if text.is_char_boundary(cut) {
                let _ = io::read(&text[..cut], format, false);
                let garbled = text[..cut].replace('"', "'");
                let _ = io::read(&garbled, format, false);
            }
        }
    }
}
