use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use squaremile::config::{Config, MailTransport, Secret};
use squaremile::{db, demo, server};
use tracing_subscriber::EnvFilter;

/// Square Mile: a self-hostable platform for bottom-up community development.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Configuration file (optional); SQUAREMILE_* environment variables override it.
    #[arg(long, global = true, default_value = "squaremile.toml")]
    config: PathBuf,
    /// Database URL, e.g. sqlite:squaremile.db or postgres://user@host/db.
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web site (applies pending migrations first).
    Serve {
        /// Load the demo neighbourhood (safe to repeat) and print email to the log.
        #[arg(long)]
        demo: bool,
        /// Address to listen on, e.g. 0.0.0.0:8080.
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo neighbourhood into the database and exit (safe to repeat).
    Demo {
        /// `small`: the demo city; `city`: the demo plus five years of a city's activity
        /// (150,000 people, a million reports...), for measuring pages at volume.
        #[arg(long, value_enum, default_value_t = Scale::Small)]
        scale: Scale,
    },
    /// Copy the database to FILE, consistently, while the site runs (SQLite: VACUUM INTO;
    /// PostgreSQL: pg_dump --format=custom).
    Backup { file: PathBuf },
    /// Put a backup in place of the database (stop the site first).
    Restore {
        file: PathBuf,
        /// Overwrite a database that already holds a site.
        #[arg(long)]
        replace: bool,
    },
    /// Participatory budgeting files (Pabulib): check, count, compare, explain.
    #[command(subcommand)]
    Pb(squaremile::cli::pb::PbCommand),
    /// Participatory budgets on the site: import a Pabulib file as a finished process.
    #[command(subcommand)]
    Budget(squaremile::cli::budget::BudgetCommand),
    /// Community networks (CSV, GEXF, GraphML, JSON): analyse, introductions, render, convert.
    #[command(subcommand)]
    Network(squaremile::cli::network::NetworkCommand),
    /// Offers and asks: generate people and posts at scale for benchmarks.
    #[command(subcommand)]
    Offers(squaremile::cli::help::HelpCommand),
    /// Citizens' juries: draw a panel from volunteers with quotas (leximin or legacy).
    #[command(subcommand)]
    Jury(squaremile::cli::jury::JuryCommand),
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Scale {
    Small,
    City,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info")),
        )
        .init();
    let cli = Cli::parse();
    // Offline tools: no configuration or database needed.
    let command = match cli.command {
        Command::Pb(command) => return print_or_exit(squaremile::cli::pb::run(command)),
        Command::Network(command) => {
            return print_or_exit(squaremile::cli::network::run(command));
        }
        Command::Jury(command) => return print_or_exit(squaremile::cli::jury::run(command)),
        other => other,
    };
    let mut config = Config::load(&cli.config)?;
    if let Some(url) = cli.database_url {
        config.database_url = Secret::new(url);
    }
    match command {
        Command::Migrate => {
            db::open(config.database_url.expose()).await?;
            tracing::info!("migrations applied");
        }
        Command::Demo { scale } => {
            let pool = db::open(config.database_url.expose()).await?;
            demo::load(&pool, &ballot_seal(&config)?).await?;
            if scale == Scale::City {
                load_city(&pool).await?;
            }
        }
        Command::Backup { file } => {
            print_or_exit(
                squaremile::cli::backup::backup(config.database_url.expose(), &file).await,
            )?;
        }
        Command::Restore { file, replace } => {
            print_or_exit(
                squaremile::cli::backup::restore(config.database_url.expose(), &file, replace)
                    .await,
            )?;
        }
        Command::Budget(command) => {
            let pool = db::open(config.database_url.expose()).await?;
            print_or_exit(squaremile::cli::budget::run(&pool, command).await)?;
        }
        Command::Offers(command) => {
            let pool = db::open(config.database_url.expose()).await?;
            print_or_exit(squaremile::cli::help::run(&pool, command).await)?;
        }
        Command::Pb(_) | Command::Network(_) | Command::Jury(_) => unreachable!("handled above"),
        Command::Serve { demo, bind } => {
            if let Some(bind) = bind {
                config.bind = bind;
            }
            if demo {
                config.mail.transport = MailTransport::Log;
                config.demo = true;
            }
            tracing::debug!(?config, "configuration");
            let pool = db::open(config.database_url.expose()).await?;
            if demo {
                demo::load(&pool, &ballot_seal(&config)?).await?;
            }
            let running = server::start(config, pool).await?;
            tracing::info!(
                "Square Mile is running at http://{} (links in emails and feeds use {})",
                running.addr,
                running.state.config.public_url
            );
            running.server.await.context("server task")?;
        }
    }
    Ok(())
}

/// Adds the city's years to the demo, printing each kind's rows and time, then checks the
/// aggregates the database keeps.
async fn load_city(pool: &db::Db) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let loaded = demo::city::load(pool, &demo::city::Volumes::CITY, demo::city::SEED).await?;
    for kind in &loaded {
        let rows: Vec<String> = kind
            .rows
            .iter()
            .map(|(table, n)| format!("{n} {table}"))
            .collect();
        if kind.already {
            println!("{}: already loaded ({})", kind.kind, rows.join(", "));
        } else {
            println!(
                "{}: {} in {:.1} s",
                kind.kind,
                rows.join(", "),
                kind.seconds
            );
        }
    }
    let (shown, placed) = demo::city::check_aggregates(pool).await?;
    println!(
        "the city is ready in {:.1} s: {shown} reports shown ({placed} placed), the tallies \
         and map cells agree",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The site's ballot key (read from its file, or made there on the first start).
fn ballot_seal(config: &Config) -> anyhow::Result<squaremile::budgets::seal::BallotSeal> {
    squaremile::budgets::seal::BallotSeal::load_or_create(std::path::Path::new(
        &config.ballot_key_file,
    ))
}

/// Prints an offline tool's output, or its error and exits with status 1.
fn print_or_exit(result: anyhow::Result<String>) -> anyhow::Result<()> {
    match result {
        Ok(output) => {
            print!("{output}");
            Ok(())
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    }
}
