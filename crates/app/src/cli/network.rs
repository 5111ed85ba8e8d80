//! `squaremile network ...`: analyse a community's network, suggest introductions, draw a
//! map, convert between formats.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use network::analysis::{self, Analysis, Options};
use network::community::Method;
use network::io::{self, Format};
use network::{Graph, introductions, layout, svg};

#[derive(Subcommand)]
pub enum NetworkCommand {
    /// Every measure for every node, with clusters, connectors, brokers, isolates and bridges.
    Analyse {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        clusters: Clusters,
        /// How many to list in each section of the summary.
        #[arg(long, default_value_t = 5)]
        top: usize,
        #[arg(long)]
        json: bool,
    },
    /// Ranked pairs who are not yet tied but should meet, each with a reason.
    Introductions {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        clusters: Clusters,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Draw the network as a standalone, accessible SVG map.
    Render {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        clusters: Clusters,
        /// Where to write the SVG.
        #[arg(short, long)]
        output: PathBuf,
        /// The measure that sets node size: degree, strength, betweenness, closeness,
        /// harmonic, eigenvector, pagerank, core or effective_size.
        #[arg(long, default_value = "betweenness")]
        size_by: String,
        /// community, or a node attribute such as kind or area.
        #[arg(long, default_value = "community")]
        colour_by: String,
        #[arg(long)]
        title: Option<String>,
    },
    /// Write the network in another format (by the output's extension, or --to).
    Convert {
        #[command(flatten)]
        input: Input,
        #[arg(short, long)]
        output: PathBuf,
        /// csv, gexf, graphml or json.
        #[arg(long)]
        to: Option<String>,
    },
}

#[derive(Args)]
pub struct Input {
    /// The network: .csv (edge list: source,target[,weight][,type]), .gexf, .graphml or .json
    /// (NetworkX node-link).
    file: PathBuf,
    /// For a CSV edge list: a CSV node list (id[,label],kind,area,interests,skills,needs...).
    #[arg(long)]
    nodes: Option<PathBuf>,
    /// For a CSV edge list: ties have a direction (source to target).
    #[arg(long)]
    directed: bool,
}

#[derive(Args)]
pub struct Clusters {
    /// leiden or louvain.
    #[arg(long, default_value = "leiden")]
    method: String,
    /// Modularity resolution: above 1 gives more, smaller clusters.
    #[arg(long, default_value_t = 1.0)]
    resolution: f64,
    /// Seed for the clusters and the layout: the same seed gives the same result.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

impl Clusters {
    fn options(&self) -> anyhow::Result<Options> {
        let method = match self.method.to_ascii_lowercase().as_str() {
            "leiden" => Method::Leiden,
            "louvain" => Method::Louvain,
            other => bail!("unknown method {other:?} (leiden or louvain)"),
        };
        if !(self.resolution > 0.0 && self.resolution.is_finite()) {
            bail!("the resolution must be a number above zero");
        }
        Ok(Options {
            method,
            resolution: self.resolution,
            seed: self.seed,
            ..Options::default()
        })
    }
}

pub fn run(command: NetworkCommand) -> anyhow::Result<String> {
    match command {
        NetworkCommand::Analyse {
            input,
            clusters,
            top,
            json,
        } => {
            let graph = load(&input)?;
            let analysis = analysis::analyse(&graph, clusters.options()?);
            if json {
                Ok(serde_json::to_string_pretty(&analysis)? + "\n")
            } else {
                Ok(summary(&graph, &analysis, top))
            }
        }
        NetworkCommand::Introductions {
            input,
            clusters,
            limit,
            json,
        } => {
            let graph = load(&input)?;
            let options = clusters.options()?;
            let found = network::community::detect(
                &graph,
                options.method,
                options.resolution,
                options.seed,
            );
            let list = introductions::suggest(&graph, &found.membership, limit);
            if json {
                return Ok(serde_json::to_string_pretty(&list)? + "\n");
            }
            let mut out = String::new();
            if list.is_empty() {
                out.push_str("No introductions to suggest: no pair shares a contact, an interest or a skill and a need.\n");
            }
            for (i, intro) in list.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{:>2}. {} (score {:.2})",
                    i + 1,
                    intro.reason,
                    intro.score
                );
            }
            Ok(out)
        }
        NetworkCommand::Render {
            input,
            clusters,
            output,
            size_by,
            colour_by,
            title,
        } => {
            let graph = load(&input)?;
            let analysis = analysis::analyse(&graph, clusters.options()?);
            let sizes = measure(&analysis, &size_by)?;
            let groups: Vec<String> = if colour_by == "community" {
                analysis
                    .nodes
                    .iter()
                    .map(|n| format!("cluster {}", n.community + 1))
                    .collect()
            } else {
                graph
                    .nodes
                    .iter()
                    .map(|n| n.attr(&colour_by).unwrap_or("not given").to_string())
                    .collect()
            };
            let positions = layout::force_atlas2(
                &graph,
                layout::Settings::for_size(graph.len(), clusters.seed),
            );
            let file_name = input
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned());
            let map = svg::Map {
                title: title
                    .unwrap_or_else(|| format!("Network map: {}", file_name.unwrap_or_default())),
                graph: &graph,
                positions: &positions,
                groups,
                group_title: if colour_by == "community" {
                    "cluster".into()
                } else {
                    colour_by
                },
                sizes,
                size_title: size_by.replace('_', " "),
                words: svg::Words::english(),
            };
            std::fs::write(&output, svg::render(&map))
                .with_context(|| format!("cannot write {}", output.display()))?;
            Ok(format!(
                "wrote {} ({} nodes, {} ties)\n",
                output.display(),
                graph.len(),
                graph.edges.len()
            ))
        }
        NetworkCommand::Convert { input, output, to } => {
            let graph = load(&input)?;
            let format = match to {
                Some(name) => Format::parse(&name).with_context(|| {
                    format!("unknown format {name:?} (csv, gexf, graphml or json)")
                })?,
                None => Format::of_path(&output).with_context(|| {
                    format!("cannot tell the format of {} (use --to)", output.display())
                })?,
            };
            std::fs::write(&output, io::write(&graph, format))
                .with_context(|| format!("cannot write {}", output.display()))?;
            let mut said = format!("wrote {}", output.display());
            if format == Format::Csv {
                let nodes = output.with_extension("nodes.csv");
                std::fs::write(&nodes, io::write_csv_nodes(&graph))
                    .with_context(|| format!("cannot write {}", nodes.display()))?;
                let _ = write!(said, " and {}", nodes.display());
            }
            Ok(said + "\n")
        }
    }
}

fn load(input: &Input) -> anyhow::Result<Graph> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let text = read(&input.file)?;
    let format = Format::of_path(&input.file).with_context(|| {
        format!(
            "{}: cannot tell the format (name it .csv, .gexf, .graphml or .json)",
            input.file.display()
        )
    })?;
    let graph = match (&input.nodes, format) {
        (Some(nodes), Format::Csv) => {
            let nodes_text = read(nodes)?;
            io::read_csv(&text, Some(&nodes_text), input.directed)
        }
        (Some(_), _) => bail!("--nodes goes with a CSV edge list"),
        (None, _) => io::read(&text, format, input.directed),
    };
    graph.map_err(|e| anyhow::anyhow!("{}: {e}", input.file.display()))
}

fn measure(analysis: &Analysis, name: &str) -> anyhow::Result<Vec<f64>> {
    let pick: fn(&analysis::NodeMeasures) -> f64 = match name {
        "degree" => |n| n.degree,
        "strength" => |n| n.strength,
        "betweenness" => |n| n.betweenness,
        "closeness" => |n| n.closeness,
        "harmonic" => |n| n.harmonic,
        "eigenvector" => |n| n.eigenvector,
        "pagerank" => |n| n.pagerank,
        "core" => |n| n.core as f64,
        "effective_size" => |n| n.effective_size.unwrap_or(0.0),
        other => bail!(
            "unknown measure {other:?} (degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, core or effective_size)"
        ),
    };
    Ok(analysis.nodes.iter().map(pick).collect())
}

fn top_by(
    analysis: &Analysis,
    count: usize,
    key: impl Fn(&analysis::NodeMeasures) -> f64,
) -> Vec<&analysis::NodeMeasures> {
    let mut nodes: Vec<&analysis::NodeMeasures> = analysis.nodes.iter().collect();
    nodes.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.id.cmp(&b.id)));
    nodes.truncate(count);
    nodes
}

fn summary(graph: &Graph, analysis: &Analysis, top: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} nodes, {} ties ({}), density {:.4}",
        analysis.node_count,
        analysis.edge_count,
        if analysis.directed {
            "directed"
        } else {
            "undirected"
        },
        analysis.density
    );
    if graph.merged_ties + graph.self_ties > 0 {
        let _ = writeln!(
            out,
            "  note: {} repeated ties kept once, {} ties from a node to itself left out",
            graph.merged_ties, graph.self_ties
        );
    }
    let _ = writeln!(
        out,
        "{} connected parts; {} clusters, modularity {:.4}",
        analysis.components.len(),
        analysis.communities,
        analysis.modularity
    );
    if let Some(sample) = &analysis.betweenness_sample {
        let _ = writeln!(
            out,
            "  betweenness estimated from {} sources (within {:.4} of exact, 95% confidence)",
            sample.sources, sample.error_bound
        );
    }
    out.push_str("\nConnectors (most ties):\n");
    for n in top_by(analysis, top, |n| n.degree) {
        let _ = writeln!(out, "  {} - {} ties", n.label, n.degree);
    }
    out.push_str("\nBrokers (on most shortest paths between others):\n");
    for n in top_by(analysis, top, |n| n.betweenness) {
        let _ = writeln!(
            out,
            "  {} - betweenness {:.3}, constraint {}",
            n.label,
            n.betweenness,
            n.constraint.map_or("-".to_string(), |c| format!("{c:.3}"))
        );
    }
    let isolates: Vec<&str> = analysis
        .nodes
        .iter()
        .filter(|n| n.degree == 0.0)
        .map(|n| n.label.as_str())
        .collect();
    let _ = writeln!(
        out,
        "\nIsolated ({}): {}",
        isolates.len(),
        isolates.join(", ")
    );
    let name = |id: &str| {
        graph
            .node_index(id)
            .map_or(id.to_string(), |v| graph.nodes[v].name().to_string())
    };
    let _ = writeln!(
        out,
        "\nBridges (ties whose loss splits the network): {}",
        analysis.bridges.len()
    );
    for (a, b) in analysis.bridges.iter().take(top) {
        let _ = writeln!(out, "  {} - {}", name(a), name(b));
    }
    let cut: Vec<String> = analysis
        .articulation_points
        .iter()
        .take(top)
        .map(|id| name(id))
        .collect();
    let _ = writeln!(
        out,
        "People whose loss splits the network: {}{}",
        cut.join(", "),
        if analysis.articulation_points.len() > top {
            ", ..."
        } else {
            ""
        }
    );
    out.push_str("\nClusters:\n");
    for c in 0..analysis.communities.min(top.max(1) * 2) {
        let members: Vec<&analysis::NodeMeasures> =
            analysis.nodes.iter().filter(|n| n.community == c).collect();
        let mut leading = members.clone();
        leading.sort_by(|a, b| b.degree.total_cmp(&a.degree).then(a.id.cmp(&b.id)));
        let names: Vec<&str> = leading.iter().take(3).map(|n| n.label.as_str()).collect();
        let _ = writeln!(
            out,
            "  cluster {}: {} members, around {}",
            c + 1,
            members.len(),
            names.join(", ")
        );
    }
    out
}
