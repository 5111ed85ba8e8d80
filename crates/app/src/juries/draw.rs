//! Drawing a panel (or replacements) from a jury's volunteers with the sortition engine.
//! A draw is requested by an official, checked at once (so impossible quotas are reported
//! on the spot), then made by the job worker, which can take minutes on a large pool.

use anyhow::Context;
use sortition::{Feature, Method, Person, Pool, Remaining, Request, SelectError, Selection};

use super::store::{self, DrawJob, DrawKind, DrawOutcome, Jury, Volunteer, VolunteerStatus};
use crate::db::Db;
use crate::i18n::Lang;
use crate::mail::Email;

/// The volunteers as the engine sees them, with who stays and who may not be drawn.
pub struct Plan {
    pool: Pool,
    /// Volunteer ids, by pool index.
    ids: Vec<String>,
    kept: Vec<usize>,
    unavailable: Vec<usize>,
    kind: DrawKind,
}

impl Plan {
    /// A panel draw takes everyone who volunteered; a replacement draw keeps the selected
    /// members and leaves out those who dropped out.
    pub fn new(features: &[Feature], volunteers: &[Volunteer], kind: DrawKind) -> Plan {
        let mut plan = Plan {
            pool: Pool::new(features.to_vec(), Vec::with_capacity(volunteers.len())),
            ids: Vec::with_capacity(volunteers.len()),
            kept: Vec::new(),
            unavailable: Vec::new(),
            kind,
        };
        for volunteer in volunteers {
            let index = plan.ids.len();
            match volunteer.status {
                VolunteerStatus::Selected => plan.kept.push(index),
                VolunteerStatus::DroppedOut => plan.unavailable.push(index),
                VolunteerStatus::Volunteer => {}
            }
            let mut person = Person::new(volunteer.id.clone(), volunteer.answers.clone(), features);
            person.household = Some(volunteer.household_key.clone());
            plan.pool.people.push(person);
            plan.ids.push(volunteer.id.clone());
        }
        plan
    }

    /// How many places are empty: the whole panel, or the places of those who dropped out.
    pub fn places(&self, jury: &Jury) -> u32 {
        match self.kind {
            DrawKind::Panel => jury.panel_size,
            DrawKind::Replacement => jury.panel_size.saturating_sub(self.kept.len() as u32),
        }
    }

    fn remaining(&self) -> Remaining<'_> {
        Remaining {
            kept: &self.kept,
            unavailable: &self.unavailable,
        }
    }

    /// Whether the draw can be made at all (quick: no selection is made).
    pub fn check(&self, request: &Request) -> Result<(), SelectError> {
        match self.kind {
            DrawKind::Panel => sortition::check(&self.pool, request),
            DrawKind::Replacement => {
                sortition::check_replacement(&self.pool, &self.remaining(), request)
            }
        }
    }

    pub fn run(&self, request: &Request) -> Result<Selection, SelectError> {
        match self.kind {
            DrawKind::Panel => sortition::select(&self.pool, request),
            DrawKind::Replacement => sortition::replace(&self.pool, &self.remaining(), request),
        }
    }

    /// How many the draw chooses among (everyone not kept and not unavailable).
    pub fn candidates(&self) -> u32 {
        (self.ids.len() - self.kept.len() - self.unavailable.len()) as u32
    }
}

/// The request for a draw of `places` people by `method` with `seed`.
pub fn request(jury: &Jury, places: u32, method: Method, seed: u64) -> Request {
    let mut request = Request::new(places, method);
    request.seed = seed;
    request.one_per_household = jury.one_per_household;
    request
}

/// A fresh seed from the operating system, for draws where the official gives none.
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    // Kept below 2^53 so it survives JSON and spreadsheets unchanged.
    u64::from_le_bytes(bytes) >> 11
}

/// The job: makes the draw and stores it, or records why it could not be made.
pub async fn run_job(db: &Db, public_url: &str, payload: &str) -> anyhow::Result<()> {
    let job: DrawJob = serde_json::from_str(payload).context("decoding a draw job")?;
    let Some(draw) = store::find_draw(db, &job.draw_id).await? else {
        return Ok(());
    };
    if !draw.is_running() {
        return Ok(());
    }
    let jury = store::find(db, &draw.jury_id)
        .await?
        .context("the draw's jury")?;
    let features = store::features(db, &jury.id).await?;
    let volunteers = store::volunteers(db, &jury.id).await?;
    let plan = Plan::new(&features, &volunteers, draw.kind);
    let request = request(&jury, draw.size, draw.method, draw.seed);
    let (plan, result) = tokio::task::spawn_blocking(move || {
        let result = plan.run(&request);
        (plan, result)
    })
    .await
    .context("the draw's thread")?;
    match result {
        Ok(selection) => {
            let emails = selection
                .panel
                .iter()
                .map(|&i| selected_email(&jury, &volunteers[i], public_url))
                .collect();
            let outcome = DrawOutcome {
                pool_size: plan.candidates(),
                selection: &selection,
                candidates: &plan.ids,
                emails,
            };
            store::finish_draw(db, &draw.id, &outcome).await?;
            tracing::info!(jury = %jury.id, draw = %draw.id, "jury draw done");
        }
        Err(e) => {
            tracing::warn!(jury = %jury.id, draw = %draw.id, error = %e, "jury draw failed");
            store::fail_draw(db, &draw.id, &e.to_string()).await?;
        }
    }
    Ok(())
}

fn selected_email(jury: &Jury, volunteer: &Volunteer, public_url: &str) -> Email {
    let lang = Lang::from_tag(&volunteer.locale).unwrap_or_default();
    let link = format!("{}/juries/{}", public_url.trim_end_matches('/'), jury.slug);
    Email {
        to: volunteer.email.clone(),
        subject: lang.t1("jury-selected-email-subject", "title", &jury.title),
        body: lang.t_args(
            "jury-selected-email-body",
            &[
                ("name", &volunteer.name),
                ("title", &jury.title),
                ("meets", &lang.day(&jury.meets_on)),
                ("link", &link),
            ],
        ),
    }
}
