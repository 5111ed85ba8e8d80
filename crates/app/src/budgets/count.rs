//! Counting a process in the job worker (voting closed, or a file imported), and importing
//! a Pabulib file as a finished process.

use anyhow::Context;
use serde::{Deserialize, Serialize};

use super::election::{self, CountedPart};
use super::store::{self, Eligibility, Import, NewProcess, Phase, Process, SealedBallot};
use super::sub_budgets;
use crate::db::Db;
use crate::i18n::Lang;
use crate::mail::Email;

/// The count job's payload: which process, and who to tell when it is counted.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CountJob {
    pub process_id: String,
    /// Email address and language of the official who closed voting.
    pub notify: Option<(String, String)>,
}

/// Counts the process's stored ballots with its rule, off the async runtime: each
/// sub-budget on its own, or the whole budget when it is not split.
pub async fn count_process(db: &Db, process: &Process) -> anyhow::Result<Vec<CountedPart>> {
    let projects = store::projects(db, &process.id).await?;
    let ballots = store::ballots(db, &process.id).await?;
    let (rule, utility) = (process.rule, process.format.utility());
    let mut counted = Vec::new();
    for part in sub_budgets::split(process, &projects, &ballots) {
        let text = election::to_pabulib(&part.process, &part.projects, &part.ballots);
        let results = tokio::task::spawn_blocking(move || {
            let election = election::parse_own(&text)?;
            election::count(&election, rule, utility)
        })
        .await
        .context("the count stopped")??;
        counted.push(CountedPart {
            sub_budget: part.sub_budget,
            results,
        });
    }
    Ok(counted)
}

/// The job: counts once; a repeated job finds the results stored and does nothing.
pub async fn run_job(db: &Db, public_url: &str, payload: &str) -> anyhow::Result<()> {
    let job: CountJob = serde_json::from_str(payload).context("decoding a count job")?;
    let Some(process) = store::find(db, &job.process_id).await? else {
        return Ok(());
    };
    if store::results(db, &process.id).await?.is_some() {
        return Ok(());
    }
    let results = count_process(db, &process).await?;
    let json = serde_json::to_string(&results).context("encoding results")?;
    let email = job.notify.as_ref().map(|(to, locale)| {
        let lang = Lang::from_tag(locale).unwrap_or_default();
        Email {
            to: to.clone(),
            subject: lang.t1("pb-counted-subject", "title", &process.title),
            body: lang.t_args(
                "pb-counted-body",
                &[
                    ("title", &process.title),
                    (
                        "link",
                        &format!("{public_url}/budgets/{}/results", process.slug),
                    ),
                ],
            ),
        }
    });
    store::save_results(db, &process.id, &json, email.as_ref()).await
}

/// Where an imported file goes and who asked for it.
pub struct ImportTarget<'a> {
    pub area_id: &'a str,
    pub slug: &'a str,
    /// The file's own description when `None`.
    pub title: Option<&'a str>,
    pub rule: pb::Rule,
    pub by: Option<&'a str>,
    /// Email address and language to tell when the count is ready.
    pub notify: Option<(String, String)>,
    /// Refuse a file with warnings (a project repeated on a ballot, META counts that
    /// disagree with the sections) rather than read it as pabutools does.
    pub strict: bool,
}

/// A file imported: the new process and what was read with a warning.
#[derive(Debug)]
pub struct Imported {
    pub id: String,
    pub warnings: Vec<pb::Warning>,
}

/// Imports a Pabulib file as a process in the results phase, with its ballots, and queues
/// its count (telling `notify`, an address and language, when it is done).
pub async fn import_file(
    db: &Db,
    text: &str,
    target: ImportTarget<'_>,
) -> anyhow::Result<Imported> {
    let ImportTarget {
        area_id,
        slug,
        title,
        rule,
        by,
        notify,
        strict,
    } = target;
    let parsed = pb::parse_owned_with(text.to_string(), pb::ReadOptions { strict })?;
    let imported = election::import(&parsed)?;
    if !rule.accepts(parsed.vote_type) {
        anyhow::bail!(
            "{} cannot count {} ballots",
            rule.as_str(),
            parsed.vote_type.as_str()
        );
    }
    let title = title
        .map(str::to_string)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| imported.description.clone());
    let title = if title.trim().is_empty() {
        slug.to_string()
    } else {
        title
    };
    let ballots = imported
        .ballots
        .iter()
        .map(|(voter, vote, points)| SealedBallot {
            // No receipt was ever given for an imported ballot; the key only has to be unique.
            receipt_hash: crate::web::session::hash_token(&crate::web::session::random_token()),
            public_id: voter.clone(),
            vote: vote.clone(),
            points: points.clone(),
            // Nobody changes an imported ballot.
            change_hash: None,
        })
        .collect();
    let import = Import {
        process: NewProcess {
            area_id,
            slug,
            title: &title,
            description: &imported.description,
            currency: &imported.currency,
            budget: imported.budget,
            phase: Phase::Results,
            ideas_until: "",
            review_until: "",
            voting_from: "",
            voting_until: "",
            format: imported.format,
            min_choices: imported.min_choices,
            max_choices: imported.max_choices,
            points: imported.points,
            eligibility: Eligibility::Codes,
            min_age: 0,
            allow_changes: false,
            support_threshold: 0,
            rule,
            imported: true,
            sub_budgets: &[],
            one_sub_budget: false,
        },
        projects: imported.projects,
        ballots,
    };
    let id = store::import(db, &import, by, |id| CountJob {
        process_id: id.to_string(),
        notify,
    })
    .await?;
    Ok(Imported {
        id,
        warnings: parsed.warnings,
    })
}
