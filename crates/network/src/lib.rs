//! Community network analysis engine: who connects whom, measured as NetworkX measures it,
//! and fast. A plain library: no web, no database.
//!
//! - [`graph`]: nodes with attributes, typed and weighted ties, adjacency lists.
//! - [`io`]: CSV, GEXF, GraphML and node-link JSON.
//! - [`centrality`], [`structure`]: the measures.
//! - [`community`]: Louvain and Leiden.

pub mod analysis;
pub mod centrality;
pub mod community;
pub mod graph;
pub mod introductions;
pub mod io;
pub mod layout;
pub mod rng;
pub mod structure;
pub mod svg;

pub use graph::{Adjacency, Edge, Graph, Node};
