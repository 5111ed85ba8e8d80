//! `squaremile offers generate`: made-up people and offers and asks at scale, for measuring
//! search and matching (see BENCHMARKS.md).

use clap::Subcommand;

use crate::db::Db;

#[derive(Subcommand)]
pub enum HelpCommand {
    /// Add a generated city with people (one recorded skill each) and offers and asks.
    Generate {
        #[arg(long, default_value_t = 50_000)]
        people: usize,
        #[arg(long, default_value_t = 200_000)]
        posts: usize,
        /// Runs with the same seed make the same text; use another seed to add more people.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

pub async fn run(db: &Db, command: HelpCommand) -> anyhow::Result<String> {
    let HelpCommand::Generate {
        people,
        posts,
        seed,
    } = command;
    let started = std::time::Instant::now();
    let made = crate::help::generate::generate(db, people, posts, seed).await?;
    Ok(format!(
        "added {} people and {} offers and asks in {:.1} s\n",
        made.people,
        made.posts,
        started.elapsed().as_secs_f64()
    ))
}
