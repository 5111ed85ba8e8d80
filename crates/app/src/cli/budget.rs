//! `squaremile budget import`: a real Pabulib file becomes a finished process on the site,
//! with its projects, its anonymous ballots and the count.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::budgets::{count, store};
use crate::db::Db;

#[derive(Subcommand)]
pub enum BudgetCommand {
    /// Import a .pb file as a finished process in an area, and count it.
    Import {
        file: PathBuf,
        /// The area's web address (slug), e.g. riverside.
        #[arg(long)]
        area: String,
        /// The process's web address; made from the file name if not given.
        #[arg(long)]
        slug: Option<String>,
        /// Title shown on the site; the file's description if not given.
        #[arg(long)]
        title: Option<String>,
        /// mes-add1, mes, greedy, phragmen, mes-add1-comparison or greedy-custom.
        #[arg(long, default_value = "mes-add1")]
        rule: String,
        /// Refuse a file with a project repeated on a ballot, or META counts that disagree
        /// with the sections, instead of importing it as pabutools reads it.
        #[arg(long)]
        strict: bool,
    },
}

pub async fn run(db: &Db, command: BudgetCommand) -> anyhow::Result<String> {
    let BudgetCommand::Import {
        file,
        area,
        slug,
        title,
        rule,
        strict,
    } = command;
    let Some(rule) = pb::Rule::parse(&rule).filter(|r| crate::budgets::RULES.contains(r)) else {
        let names: Vec<&str> = crate::budgets::RULES.iter().map(|r| r.as_str()).collect();
        bail!("unknown rule {rule:?}: use {}", names.join(", "));
    };
    let text =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let Some(area) = crate::areas::store::find_by_slug(db, &area).await? else {
        bail!("there is no area {area:?}");
    };
    let slug = slug.unwrap_or_else(|| {
        crate::web::forms::slugify(
            &file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )
    });
    let imported = count::import_file(
        db,
        &text,
        count::ImportTarget {
            area_id: &area.id,
            slug: &slug,
            title: title.as_deref(),
            rule,
            by: None,
            notify: None,
            strict,
        },
    )
    .await
    .with_context(|| format!("importing {}", file.display()))?;
    for warning in &imported.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    let id = imported.id;
    let process = store::find(db, &id)
        .await?
        .context("the imported process")?;
    let results = count::count_process(db, &process).await?;
    let json = serde_json::to_string(&results)?;
    store::save_results(db, &id, &json, None).await?;
    // A Pabulib file is one election: the process it becomes has no sub-budgets.
    let results = &results.first().context("the import's count")?.results;
    let funded = results.projects.iter().filter(|p| p.funded).count();
    Ok(format!(
        "imported {} projects and {} ballots as /budgets/{slug}; {funded} projects funded, {} of {} spent\n",
        results.projects.len(),
        results.voters,
        results.spent,
        results.budget
    ))
}
