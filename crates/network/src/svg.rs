//! A standalone, accessible SVG map of the network: nodes placed by the layout, sized by a
//! chosen measure, coloured by cluster or kind, with a legend, a title and description for
//! screen readers, and a `<title>` per node (shown as a tooltip). Labels are drawn for every
//! node in small networks and for the largest nodes in big ones, so the map stays readable
//! from 30 to thousands of nodes.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::graph::Graph;

/// Colours distinguishable with the common forms of colour blindness (Okabe and Ito), then
/// grey for everything else.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];
const OTHER: &str = "#999999";
const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 900.0;
const LEGEND_WIDTH: f64 = 260.0;

pub struct Map<'a> {
    pub title: String,
    pub graph: &'a Graph,
    pub positions: &'a [(f64, f64)],
    /// A group name for each node (cluster, kind...), for colour and legend.
    pub groups: Vec<String>,
    pub group_title: String,
    /// The value that sets each node's size, and its name for the legend.
    pub sizes: Vec<f64>,
    pub size_title: String,
    /// The map's own words, in the reader's language.
    pub words: Words,
}

/// The words the map writes itself. The description is written for the numbers of nodes,
/// ties and groups (so a language can give each its plural form), and its `%group_title%`,
/// `%size_title%` and `%largest%` are then filled in. The
/// legend's last line, for the groups beyond the palette's colours, is written as
/// "`other_groups(n)` (count)": given their number, so a language can choose the plural form
/// that number needs ("1 other group", "3 inne grupy", "5 innych grup").
#[derive(Clone)]
pub struct Words {
    pub colour: String,
    pub size: String,
    pub other_groups: Arc<dyn Fn(usize) -> String + Send + Sync>,
    /// The description for so many nodes, ties and groups (plural forms are the caller's),
    /// with `%group_title%`, `%size_title%` and `%largest%` left for the map to fill.
    pub description: Arc<dyn Fn(usize, usize, usize) -> String + Send + Sync>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("colour", &self.colour)
            .field("size", &self.size)
            .field("other_groups", &(self.other_groups)(2))
            .field("description", &(self.description)(2, 2, 2))
            .finish()
    }
}

impl Words {
    pub fn english() -> Words {
        Words {
            colour: "Colour".into(),
            size: "Size".into(),
            other_groups: Arc::new(|n| match n {
                1 => "1 other group".into(),
                n => format!("{n} other groups"),
            }),
            description: Arc::new(|nodes, ties, groups| {
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                format!(
                    "A network of {} and {} in {} by %group_title%. Node size shows \
                     %size_title%; the largest: %largest%.",
                    plural(nodes, "node", "nodes"),
                    plural(ties, "tie", "ties"),
                    plural(groups, "group", "groups"),
                )
            }),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(map: &Map<'_>) -> String {
    let n = map.graph.len();
    let colour_of = group_colours(&map.groups);
    let (min_x, max_x, min_y, max_y) = bounds(map.positions);
    let margin = 40.0;
    let plot_w = WIDTH - LEGEND_WIDTH - 2.0 * margin;
    let plot_h = HEIGHT - 2.0 * margin;
    let scale = (plot_w / (max_x - min_x).max(1e-9)).min(plot_h / (max_y - min_y).max(1e-9));
    let place = |(x, y): (f64, f64)| {
        (
            margin + (x - min_x) * scale + (plot_w - (max_x - min_x) * scale) / 2.0,
            margin + (y - min_y) * scale + (plot_h - (max_y - min_y) * scale) / 2.0,
        )
    };
    let max_size = map.sizes.iter().copied().fold(0.0, f64::max);
    let (small, large) = if n > 500 { (2.0, 9.0) } else { (5.0, 26.0) };
    let radius = |v: usize| {
        let share = if max_size > 0.0 {
            map.sizes[v] / max_size
        } else {
            0.0
        };
        small + (large - small) * share.max(0.0).sqrt()
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-labelledby=\"map-title map-desc\" font-family=\"system-ui, sans-serif\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"map-title\">{}</title>",
        escape(&map.title)
    );
    let _ = writeln!(
        out,
        "<desc id=\"map-desc\">{}</desc>",
        escape(&description(map))
    );
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let max_weight = map.graph.edges.iter().map(|e| e.weight).fold(0.0, f64::max);
    let edge_opacity = if n > 500 { 0.15 } else { 0.45 };
    out.push_str("<g stroke=\"#6b6b6b\" aria-hidden=\"true\">\n");
    for e in &map.graph.edges {
        let (a, b) = (
            place(map.positions[e.source]),
            place(map.positions[e.target]),
        );
        let width = 0.5 + 2.0 * e.weight / max_weight.max(1e-9);
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{width:.2}\" stroke-opacity=\"{edge_opacity}\"/>",
            a.0, a.1, b.0, b.1
        );
    }
    out.push_str("</g>\n<g stroke=\"#ffffff\" stroke-width=\"1\">\n");
    // Largest nodes last, so they are drawn on top.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| map.sizes[a].total_cmp(&map.sizes[b]).then(a.cmp(&b)));
    for &v in &order {
        let (x, y) = place(map.positions[v]);
        let node = &map.graph.nodes[v];
        let _ = writeln!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\"><title>{}: {} {}, {} {}</title></circle>",
            radius(v),
            colour_of(&map.groups[v]),
            escape(node.name()),
            escape(&map.group_title),
            escape(&map.groups[v]),
            escape(&map.size_title),
            round(map.sizes[v])
        );
    }
    out.push_str("</g>\n");
    let labelled = if n <= 60 { n } else { 15 };
    out.push_str("<g font-size=\"13\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" aria-hidden=\"true\">\n");
    for &v in order.iter().rev().take(labelled) {
        let (x, y) = place(map.positions[v]);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x + radius(v) + 2.0,
            y + 4.0,
            escape(map.graph.nodes[v].name())
        );
    }
    out.push_str("</g>\n");
    legend(&mut out, map, &colour_of);
    out.push_str("</svg>\n");
    out
}

fn round(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.3}")
    }
}

fn bounds(positions: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    if positions.is_empty() {
        return (0.0, 1.0, 0.0, 1.0);
    }
    positions.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.max(x), c.min(y), d.max(y)),
    )
}

/// Groups by size, largest first; the eight largest get their own colour.
fn ranked_groups(groups: &[String]) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for g in groups {
        *counts.entry(g).or_default() += 1;
    }
    let mut ranked: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(g, c)| (g.to_string(), c))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

fn group_colours(groups: &[String]) -> impl Fn(&str) -> &'static str {
    let ranked: Vec<String> = ranked_groups(groups).into_iter().map(|(g, _)| g).collect();
    move |group: &str| {
        ranked
            .iter()
            .position(|g| g == group)
            .and_then(|at| PALETTE.get(at).copied())
            .unwrap_or(OTHER)
    }
}

fn description(map: &Map<'_>) -> String {
    let ranked = ranked_groups(&map.groups);
    let mut top: Vec<usize> = (0..map.graph.len()).collect();
    top.sort_by(|&a, &b| map.sizes[b].total_cmp(&map.sizes[a]).then(a.cmp(&b)));
    let names: Vec<&str> = top
        .iter()
        .take(5)
        .map(|&v| map.graph.nodes[v].name())
        .collect();
    (map.words.description)(map.graph.len(), map.graph.edges.len(), ranked.len())
        .replace("%group_title%", &map.group_title)
        .replace("%size_title%", &map.size_title)
        .replace("%largest%", &names.join(", "))
}

fn legend(out: &mut String, map: &Map<'_>, colour_of: &impl Fn(&str) -> &'static str) {
    let x = WIDTH - LEGEND_WIDTH + 10.0;
    let _ = writeln!(out, "<g font-size=\"14\" fill=\"#1a1a1a\">");
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"50\" font-weight=\"bold\">{}: {}</text>",
        escape(&map.words.colour),
        escape(&map.group_title)
    );
    let ranked = ranked_groups(&map.groups);
    let mut y = 75.0;
    for (group, count) in ranked.iter().take(PALETTE.len()) {
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{} ({count})</text>",
            x + 7.0,
            y - 5.0,
            colour_of(group),
            x + 22.0,
            y,
            escape(group)
        );
        y += 24.0;
    }
    if ranked.len() > PALETTE.len() {
        let rest: usize = ranked[PALETTE.len()..].iter().map(|g| g.1).sum();
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{OTHER}\"/><text x=\"{}\" y=\"{}\">{} ({rest})</text>",
            x + 7.0,
            y - 5.0,
            x + 22.0,
            y,
            escape(&(map.words.other_groups)(ranked.len() - PALETTE.len()))
        );
        y += 24.0;
    }
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{}\" font-weight=\"bold\">{}: {}</text>",
        y + 20.0,
        escape(&map.words.size),
        escape(&map.size_title)
    );
    out.push_str("</g>\n");
}
