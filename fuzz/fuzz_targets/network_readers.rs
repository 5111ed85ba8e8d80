//! Any bytes given to the network readers (CSV, GEXF, GraphML, node-link JSON) give a graph
//! or an error with a line number, never a panic; a graph read from GEXF, GraphML or JSON is
//! written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use network::io::{self, Format};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [Format::Csv, Format::Gexf, Format::GraphMl, Format::Json] {
        match io::read(&text, format, false) {
            Ok(graph) if format != Format::Csv => {
                let again = io::read(&io::write(&graph, format), format, false)
                    .expect("a written graph reads back");
                assert_eq!(graph.nodes, again.nodes);
                assert_eq!(graph.edges, again.edges);
            }
            Ok(_) => {}
            Err(error) => assert!(error.line >= 1),
        }
    }
});
