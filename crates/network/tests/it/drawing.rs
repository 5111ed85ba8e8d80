//! The layout and the SVG map: deterministic for a seed, and readable at both ends of the
//! size range.

use network::{io, layout, svg};

fn ring_of_cliques(cliques: usize, size: usize) -> network::Graph {
    let mut edges = String::from("source,target\n");
    for c in 0..cliques {
        for i in 0..size {
            for j in i + 1..size {
                edges.push_str(&format!("c{c}n{i},c{c}n{j}\n"));
            }
        }
        edges.push_str(&format!("c{c}n0,c{}n1\n", (c + 1) % cliques));
    }
    io::read_csv(&edges, None, false).unwrap()
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

#[test]
fn the_same_seed_gives_the_same_layout_and_groups_sit_together() {
    let g = ring_of_cliques(5, 6);
    let settings = layout::Settings::for_size(g.len(), 7);
    let a = layout::force_atlas2(&g, settings);
    assert_eq!(a, layout::force_atlas2(&g, settings));
    assert_ne!(
        a,
        layout::force_atlas2(&g, layout::Settings::for_size(g.len(), 8))
    );
    assert!(a.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    // Members of a clique end up nearer each other than to other cliques' members.
    let at = |id: &str| a[g.node_index(id).unwrap()];
    let inside = distance(at("c0n2"), at("c0n3"));
    let across = distance(at("c0n2"), at("c2n3"));
    assert!(inside < across, "inside {inside}, across {across}");
}

#[test]
fn large_maps_label_only_the_largest_nodes() {
    for (cliques, labelled) in [(5, 30), (120, 15)] {
        let g = ring_of_cliques(cliques, 6);
        let positions = layout::force_atlas2(&g, layout::Settings::for_size(g.len(), 1));
        let sizes: Vec<f64> = (0..g.len()).map(|v| v as f64).collect();
        let groups: Vec<String> = (0..g.len()).map(|v| format!("group {}", v % 12)).collect();
        let text = svg::render(&svg::Map {
            title: "Test & map".into(),
            graph: &g,
            positions: &positions,
            groups,
            group_title: "cluster".into(),
            sizes,
            size_title: "degree".into(),
            words: svg::Words::english(),
        });
        assert_eq!(
            text.matches("<text x=").count() - legend_texts(&text),
            labelled
        );
        assert!(text.contains("<title id=\"map-title\">Test &amp; map</title>"));
        assert_eq!(
            text.matches("<title>").count(),
            g.len(),
            "one tooltip per node"
        );
        assert!(
            text.contains("4 other groups"),
            "twelve groups: eight colours and the rest"
        );
    }
}

/// Text lines of the legend: its two headings and one per listed group.
fn legend_texts(svg: &str) -> usize {
    let legend = &svg[svg.rfind("<g font-size=\"14\"").unwrap()..];
    legend.matches("<text x=").count()
}

/// The legend's last line counts the groups beyond the palette and lets the caller's
/// language choose the plural form that count needs.
#[test]
fn the_other_groups_line_is_worded_for_its_count() {
    let g = ring_of_cliques(5, 6);
    let positions = layout::force_atlas2(&g, layout::Settings::for_size(g.len(), 1));
    let drawn = |groups: usize, words: svg::Words| {
        svg::render(&svg::Map {
            title: "t".into(),
            graph: &g,
            positions: &positions,
            groups: (0..g.len()).map(|v| format!("g{}", v % groups)).collect(),
            group_title: "cluster".into(),
            sizes: vec![1.0; g.len()],
            size_title: "degree".into(),
            words,
        })
    };
    assert!(drawn(9, svg::Words::english()).contains(">1 other group ("));
    assert!(
        drawn(8, svg::Words::english())
            .matches("other group")
            .count()
            == 0
    );
    let polish = svg::Words {
        other_groups: std::sync::Arc::new(|n| match n {
            1 => "1 inna grupa".into(),
            2..=4 => format!("{n} inne grupy"),
            n => format!("{n} innych grup"),
        }),
        ..svg::Words::english()
    };
    assert!(drawn(11, polish.clone()).contains(">3 inne grupy ("));
    // The description is written for its numbers, so one of a thing reads as one.
    let counted = svg::Words {
        description: std::sync::Arc::new(|nodes, ties, groups| {
            format!("nodes={nodes} ties={ties} groups={groups}")
        }),
        ..svg::Words::english()
    };
    assert!(drawn(3, counted).contains(&format!("nodes={} ", g.len())));
    assert!(drawn(1, svg::Words::english()).contains(" in 1 group by "));
    assert!(drawn(3, svg::Words::english()).contains(" in 3 groups by "));
    assert!(drawn(13, polish).contains(">5 innych grup ("));
}
