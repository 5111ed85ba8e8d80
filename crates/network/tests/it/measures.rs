//! Measures on small graphs whose answers are known by hand.

use network::centrality::{self, Paths};
use network::community::{self, Method};
use network::{Graph, io, structure};

fn graph(edges: &str) -> Graph {
    io::read_csv(&format!("source,target\n{edges}"), None, false).unwrap()
}

fn ids(g: &Graph, list: &[usize]) -> Vec<String> {
    list.iter().map(|&v| g.nodes[v].id.clone()).collect()
}

#[test]
fn a_star_has_one_broker() {
    let g = graph("hub,a\nhub,b\nhub,c\nhub,d\n");
    let hub = g.node_index("hub").unwrap();
    let b = centrality::betweenness(&g, Paths::Hops, None);
    assert_eq!(b[hub], 1.0);
    assert!(b.iter().enumerate().all(|(v, &x)| v == hub || x == 0.0));
    let c = centrality::closeness(&g, Paths::Hops);
    assert_eq!(c[hub], 1.0);
    let (bridges, cut) = structure::bridges_and_cut_nodes(&g);
    assert_eq!(bridges.len(), 4);
    assert_eq!(ids(&g, &cut), vec!["hub"]);
    // The hub's contacts are not tied to each other: effective size is all of them.
    assert_eq!(structure::effective_size(&g, false)[hub], 4.0);
    assert_eq!(structure::constraint(&g, false)[hub], 0.25);
}

#[test]
fn a_path_splits_betweenness_and_closeness_as_expected() {
    let g = graph("a,b\nb,c\nc,d\nd,e\n");
    let b = centrality::betweenness(&g, Paths::Hops, None);
    // The middle node lies on 4 of the 6 pairs' paths that do not involve it.
    assert!((b[g.node_index("c").unwrap()] - 4.0 / 6.0).abs() < 1e-12);
    assert!((b[g.node_index("b").unwrap()] - 3.0 / 6.0).abs() < 1e-12);
    let h = centrality::harmonic(&g, Paths::Hops);
    assert!((h[g.node_index("a").unwrap()] - (1.0 + 0.5 + 1.0 / 3.0 + 0.25)).abs() < 1e-12);
    assert_eq!(structure::core_numbers(&g), vec![1; 5]);
}

#[test]
fn a_triangle_with_a_tail() {
    let g = graph("a,b\nb,c\nc,a\nc,d\n");
    let c = structure::clustering(&g);
    assert_eq!(c[g.node_index("a").unwrap()], 1.0);
    assert!((c[g.node_index("c").unwrap()] - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(c[g.node_index("d").unwrap()], 0.0);
    let core = structure::core_numbers(&g);
    assert_eq!(core[g.node_index("a").unwrap()], 2);
    assert_eq!(core[g.node_index("d").unwrap()], 1);
}

#[test]
fn closeness_and_harmonic_in_one_sweep_equal_each_alone() {
    let g = graph("a,b\nb,c\nc,a\nc,d\nd,e\nx,y\n");
    let (closeness, harmonic) = centrality::closeness_and_harmonic(&g, Paths::Hops);
    assert_eq!(closeness, centrality::closeness(&g, Paths::Hops));
    assert_eq!(harmonic, centrality::harmonic(&g, Paths::Hops));
}

#[test]
fn average_distance_counts_only_connected_pairs() {
    // A path of three (distances 1, 1, 2) beside a pair (1), and an isolate: 5 / 4.
    let mut g = graph("a,b\nb,c\nd,e\n");
    g.add_node("alone");
    assert_eq!(structure::average_distance(&g), Some(5.0 / 4.0));
    let mut lonely = Graph::new(false);
    lonely.add_node("x");
    assert_eq!(structure::average_distance(&lonely), None);
}

#[test]
fn disconnected_parts_and_isolates() {
    let mut g = graph("a,b\nc,d\nd,e\n");
    g.add_node("alone");
    let parts = structure::components(&g);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0].len(), 3);
    let alone = g.node_index("alone").unwrap();
    assert!(structure::constraint(&g, false)[alone].is_nan());
    assert_eq!(centrality::closeness(&g, Paths::Hops)[alone], 0.0);
    // PageRank sums to one, with the isolate's share spread evenly.
    let pr = centrality::pagerank(&g);
    assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn weighted_paths_take_the_shorter_total() {
    // a-b-c costs 2, a-c directly costs 5: b is on the only shortest weighted path.
    let g = io::read_csv("source,target,weight\na,b,1\nb,c,1\na,c,5\n", None, false).unwrap();
    let b = centrality::betweenness(&g, Paths::Weighted, None);
    assert_eq!(b[g.node_index("b").unwrap()], 1.0);
    let unweighted = centrality::betweenness(&g, Paths::Hops, None);
    assert_eq!(unweighted[g.node_index("b").unwrap()], 0.0);
}

#[test]
fn two_cliques_joined_by_one_tie_are_two_communities() {
    let mut edges = String::new();
    for side in ["x", "y"] {
        for i in 0..5 {
            for j in i + 1..5 {
                edges.push_str(&format!("{side}{i},{side}{j}\n"));
            }
        }
    }
    edges.push_str("x0,y0\n");
    let g = graph(&edges);
    for method in [Method::Louvain, Method::Leiden] {
        for seed in 0..5 {
            let found = community::detect(&g, method, 1.0, seed);
            assert_eq!(found.count, 2, "{method:?} seed {seed}");
            let x = found.membership[g.node_index("x3").unwrap()];
            for v in 0..g.len() {
                let same_side = g.nodes[v].id.starts_with('x');
                assert_eq!(
                    found.membership[v] == x,
                    same_side,
                    "{method:?} seed {seed}"
                );
            }
            // 2 * (10/21 - (21/42)^2) with 21 ties.
            let expected = 2.0 * (10.0 / 21.0 - 0.25);
            assert!((found.modularity - expected).abs() < 1e-12);
        }
    }
    let a = community::detect(&g, Method::Leiden, 1.0, 7);
    let b = community::detect(&g, Method::Leiden, 1.0, 7);
    assert_eq!(a, b, "the same seed gives the same communities");
}

#[test]
fn sampled_betweenness_uses_every_source_when_asked_for_all() {
    let g = graph("a,b\nb,c\nc,d\nd,a\na,c\n");
    let exact = centrality::betweenness(&g, Paths::Hops, None);
    let all = centrality::betweenness(&g, Paths::Hops, Some((g.len(), 3)));
    assert_eq!(exact, all);
    assert!(centrality::sampled_betweenness_error(10_000, 1_000, 0.05) < 0.1);
}

#[test]
fn directed_measures_follow_networkx_conventions() {
    // a -> b -> c: closeness counts paths arriving at a node.
    let g = io::read_csv("source,target\na,b\nb,c\n", None, true).unwrap();
    let c = centrality::closeness(&g, Paths::Hops);
    assert_eq!(c[g.node_index("a").unwrap()], 0.0);
    // c is reached by 2 nodes at total distance 3: (2/3) * (2/2).
    assert!((c[g.node_index("c").unwrap()] - 2.0 / 3.0).abs() < 1e-12);
    let b = centrality::betweenness(&g, Paths::Hops, None);
    assert_eq!(b[g.node_index("b").unwrap()], 0.5);
}

#[test]
fn someone_with_no_ties_is_introduced_to_a_well_tied_person_who_shares_an_interest() {
    use network::introductions::suggest;
    // A hub (a) with three ties, a smaller hub (e) who shares the newcomer's interest, and a
    // newcomer (z) with no ties at all.
    let mut g = io::read_csv("source,target\na,b\na,c\na,d\ne,f\n", None, false).unwrap();
    let z = g.add_node("z");
    let e = g.node_index("e").unwrap();
    g.nodes[z]
        .attrs
        .insert("interests".into(), "gardening".into());
    g.nodes[e]
        .attrs
        .insert("interests".into(), "gardening; music".into());
    let community = vec![0; g.len()];
    let found = suggest(&g, &community, 12);
    let welcome = found
        .iter()
        .find(|i| i.a == "z")
        .expect("the newcomer is introduced");
    assert!(welcome.welcomes_newcomer);
    assert_eq!(welcome.b, "e", "the host shares an interest: {welcome:?}");
    assert_eq!(welcome.shared_interests, ["gardening"]);
    assert_eq!(welcome.b_ties, 1);
    // With no interest in common, the best-tied person of all is the host.
    g.nodes[z].attrs.insert("interests".into(), "chess".into());
    let found = suggest(&g, &community, 12);
    let welcome = found.iter().find(|i| i.a == "z").unwrap();
    assert_eq!((welcome.b.as_str(), welcome.b_ties), ("a", 3));
    // However many strong pairs there are, a newcomer keeps a place in a short list.
    let found = suggest(&g, &community, 1);
    assert_eq!(found.len(), 1);
    assert!(found[0].welcomes_newcomer);
}
