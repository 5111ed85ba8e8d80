//! `squaremile jury select`: draw a citizens' jury from a pool of volunteers with quotas.
//! `squaremile jury lottery`, `draw` and `verify`: the same draw made so anyone can check
//! it (the leximin distribution rounded to m panels, published before a public seed picks
//! one; see `sortition::lottery` for the formats).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use serde::Serialize;
use serde_json::json;
use sortition::{Method, Pool, Publication, PublishedDraw, Request, Selection};

#[derive(Subcommand)]
pub enum JuryCommand {
    /// Draw a panel that meets the quotas, as fairly as possible to every volunteer.
    Select(SelectArgs),
    /// Round the fair (leximin) distribution to m equally likely panels, each with its
    /// reserve list, and write what is published before the draw: the panels as ids only,
    /// their digest, and every volunteer's chances.
    Lottery {
        #[command(flatten)]
        pool: PoolArgs,
        /// How many panels the lottery has (m): each volunteer's chance is within 1/m of
        /// the fair one.
        #[arg(long, default_value_t = 1000)]
        panels: usize,
        /// Decides the seats a group cannot share equally and the reserves' order (not the
        /// draw: that is the public seed given to `jury draw`).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also draw a reserve list for each panel.
        #[arg(long)]
        reserves: bool,
        /// Where to write the publication (JSON).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Pick one panel of a published lottery with a public seed fixed after publication
    /// (numbers drawn at a public meeting, say), and write the draw (JSON) to check.
    Draw {
        /// The publication written by `jury lottery`.
        #[arg(long)]
        lottery: PathBuf,
        #[arg(long)]
        seed: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Recompute a published draw from what was published and say whether it holds; with
    /// `--lottery`, also that its panels are the ones published before the draw.
    Verify {
        /// The draw, as `jury draw` or a jury's page gives it.
        draw: PathBuf,
        #[arg(long)]
        lottery: Option<PathBuf>,
    },
}

/// The volunteers, the quotas and the panel: what every draw reads.
#[derive(clap::Args)]
pub struct PoolArgs {
    /// The volunteers: an id column and one column per feature (other columns kept).
    #[arg(long)]
    people: PathBuf,
    /// The quotas: feature,value,min,max.
    #[arg(long)]
    categories: PathBuf,
    /// How many people the panel has.
    #[arg(long)]
    size: u32,
    /// At most one person per household.
    #[arg(long)]
    one_per_household: bool,
    /// The columns that make up a household (an address), comma-separated; the
    /// `household` column if not given.
    #[arg(long, value_delimiter = ',')]
    household_columns: Vec<String>,
}

impl PoolArgs {
    fn read(&self) -> anyhow::Result<Pool> {
        let features = sortition::read_categories(&read(&self.categories)?)
            .with_context(|| self.categories.display().to_string())?;
        sortition::read_people(&read(&self.people)?, &features, &self.household_columns)
            .with_context(|| self.people.display().to_string())
    }

    fn request(&self, method: Method, seed: u64) -> Request {
        let mut request = Request::new(self.size, method);
        request.seed = seed;
        request.one_per_household = self.one_per_household;
        request
    }
}

#[derive(clap::Args)]
pub struct SelectArgs {
    #[command(flatten)]
    pool: PoolArgs,
    /// leximin (fair: the lowest chance as high as it can be) or legacy (greedy).
    #[arg(long, default_value = "leximin")]
    method: Method,
    /// The random seed: the same seed, files and options give the same panel.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Stop leximin after this many rounds of its panel search (each one linear
    /// program), for pools so large that the full leximin takes hours. The output then
    /// says it stopped short; the same number always gives the same draw.
    #[arg(long)]
    max_rounds: Option<u32>,
    /// Also write the selected people, with all their columns, to this CSV file.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(command: JuryCommand) -> anyhow::Result<String> {
    match command {
        JuryCommand::Select(args) => select(args),
        JuryCommand::Lottery {
            pool: pool_args,
            panels,
            seed,
            reserves,
            output,
        } => {
            let pool = pool_args.read()?;
            let request = pool_args.request(Method::Leximin, seed);
            let publication = sortition::publish(&pool, &request, panels, reserves)?;
            write_json(&output, &publication)?;
            Ok(format!(
                "A lottery of {} panels of {} from {} volunteers; every chance within {:.4} of the fair one (1/m = {:.4}).\n\
                 Publish before the draw: m = {}, digest {}.\nWritten to {}.\n",
                publication.m,
                request.size,
                pool.people.len(),
                publication.max_deviation,
                1.0 / publication.m as f64,
                publication.m,
                publication.digest,
                output.display()
            ))
        }
        JuryCommand::Draw {
            lottery,
            seed,
            output,
        } => {
            let publication = read_publication(&lottery)?;
            let draw = PublishedDraw::make(publication.lottery, &seed)?;
            write_json(&output, &draw)?;
            Ok(format!(
                "The seed {:?} draws panel {} of {}: {}.\nWritten to {}.\n",
                draw.seed,
                draw.drawn,
                draw.m,
                draw.panel.join(", "),
                output.display()
            ))
        }
        JuryCommand::Verify { draw, lottery } => {
            let text = read(&draw)?;
            let published: PublishedDraw = serde_json::from_str(&text)
                .with_context(|| format!("{} is not a published draw", draw.display()))?;
            if let Some(lottery) = lottery {
                let before = read_publication(&lottery)?;
                anyhow::ensure!(
                    before.digest == published.digest && before.m == published.m,
                    "the draw's lottery (digest {}, {} panels) is not the one published before it (digest {}, {} panels)",
                    published.digest,
                    published.m,
                    before.digest,
                    before.m
                );
            }
            published.verify()?;
            Ok(format!(
                "The draw holds: the {} panels have the digest {}, the seed {:?} draws panel {}, and it is the panel announced.\n",
                published.m, published.digest, published.seed, published.drawn
            ))
        }
    }
}

fn read_publication(file: &Path) -> anyhow::Result<Publication> {
    let publication: Publication = serde_json::from_str(&read(file)?)
        .with_context(|| format!("{} is not a lottery publication", file.display()))?;
    publication
        .check()
        .with_context(|| file.display().to_string())?;
    Ok(publication)
}

fn write_json(file: &Path, value: &impl Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value).context("writing JSON")?;
    std::fs::write(file, text + "\n").with_context(|| format!("cannot write {}", file.display()))
}

fn select(args: SelectArgs) -> anyhow::Result<String> {
    let SelectArgs {
        pool: pool_args,
        method,
        seed,
        max_rounds,
        output,
        json,
    } = args;
    let pool = pool_args.read()?;
    let mut request = pool_args.request(method, seed);
    request.max_rounds = max_rounds;
    let selection = sortition::select(&pool, &request)?;
    if let Some(output) = output {
        std::fs::write(
            &output,
            sortition::write_people(&pool, Some(&selection.panel)),
        )
        .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(if json {
        as_json(&pool, &selection)
    } else {
        summary(&pool, &selection)
    })
}

fn read(file: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))
}

fn as_json(pool: &Pool, selection: &Selection) -> String {
    let probabilities: serde_json::Map<String, serde_json::Value> = pool
        .people
        .iter()
        .zip(&selection.probabilities)
        .map(|(person, &p)| (person.id.clone(), json!(p)))
        .collect();
    let panel: Vec<&str> = selection
        .panel
        .iter()
        .map(|&i| pool.people[i].id.as_str())
        .collect();
    let value = json!({
        "method": selection.method,
        "seed": selection.seed,
        "panel": panel,
        "probabilities": probabilities,
        "min_probability": selection.min_probability,
        "low_threshold": selection.low_threshold,
        "share_below_threshold": selection.share_below_threshold,
        "exact": selection.exact,
        "complete": selection.complete,
        "panels": selection.panels,
        "make_up": make_up(pool, selection),
    });
    format!("{value:#}\n")
}

/// For each quota, how many the panel has.
fn make_up(pool: &Pool, selection: &Selection) -> Vec<serde_json::Value> {
    let mut rows = Vec::new();
    for (f, feature) in pool.features.iter().enumerate() {
        for (v, quota) in feature.quotas.iter().enumerate() {
            let selected = selection
                .panel
                .iter()
                .filter(|&&i| pool.people[i].values[f] == v)
                .count();
            rows.push(json!({
                "feature": feature.name, "value": quota.value,
                "min": quota.min, "max": quota.max, "selected": selected,
            }));
        }
    }
    rows
}

fn summary(pool: &Pool, selection: &Selection) -> String {
    let mut out = String::new();
    let how = if selection.exact {
        format!(
            "exact, from a distribution over {} panels",
            selection.panels
        )
    } else {
        format!("estimated from {} repeated draws", selection.panels)
    };
    let _ = writeln!(
        out,
        "Panel of {} from {} volunteers, method {:?}, seed {}.",
        selection.panel.len(),
        pool.people.len(),
        selection.method,
        selection.seed
    );
    let _ = writeln!(
        out,
        "Lowest chance of selection: {:.4} ({how}); average {:.4}; {:.1}% of volunteers below half the average.",
        selection.min_probability,
        selection.panel.len() as f64 / pool.people.len() as f64,
        100.0 * selection.share_below_threshold
    );
    if !selection.complete {
        let _ = writeln!(
            out,
            "Leximin stopped at the round limit: the levels it finished are the best possible, everyone else has at least the level it was raising."
        );
    }
    let _ = writeln!(out, "\nMake-up against the quotas:");
    for row in make_up(pool, selection) {
        let _ = writeln!(
            out,
            "  {} = {}: {} (min {}, max {})",
            row["feature"].as_str().unwrap_or(""),
            row["value"].as_str().unwrap_or(""),
            row["selected"],
            row["min"],
            row["max"]
        );
    }
    let _ = writeln!(out, "\nSelected:");
    for &i in &selection.panel {
        let _ = writeln!(out, "  {}", pool.people[i].id);
    }
    out
}
