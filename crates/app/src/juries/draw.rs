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
    if let Some(lottery) = store::lottery_of_draw(db, &draw.id).await? {
        return publish_lottery(db, &jury, &draw.id, &lottery, plan, request).await;
    }
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

/// The lottery's half of the job: the fair distribution rounded to m panels, stored to be
/// published before the draw, and the official told its digest. The draw waits for the
/// public seed ([`draw_lottery`]).
async fn publish_lottery(
    db: &Db,
    jury: &Jury,
    draw_id: &str,
    lottery: &store::JuryLottery,
    plan: Plan,
    request: Request,
) -> anyhow::Result<()> {
    let (m, reserves) = (lottery.m, lottery.reserves);
    let made =
        tokio::task::spawn_blocking(move || sortition::publish(&plan.pool, &request, m, reserves))
            .await
            .context("the lottery's thread")?;
    let publication = match made {
        Ok(publication) => publication,
        Err(e) => {
            tracing::warn!(jury = %jury.id, draw = %draw_id, error = %e, "jury lottery failed");
            return store::fail_draw(db, draw_id, &e.to_string()).await;
        }
    };
    let text = serde_json::to_string(&publication).context("writing a publication")?;
    let email = store::draw_requester(db, draw_id)
        .await?
        .map(|(to, locale)| {
            let lang = Lang::from_tag(&locale).unwrap_or_default();
            Email {
                to,
                subject: lang.t1("jury-lottery-email-subject", "title", &jury.title),
                body: lang.t_args(
                    "jury-lottery-email-body",
                    &[
                        ("title", &jury.title),
                        ("m", &publication.m.to_string()),
                        ("digest", &publication.digest),
                    ],
                ),
            }
        });
    store::publish_lottery(db, draw_id, &text, &publication.digest, email.as_ref()).await?;
    tracing::info!(jury = %jury.id, draw = %draw_id, m = publication.m, "jury lottery published");
    Ok(())
}

/// Why a public seed drew nothing.
#[derive(Debug, thiserror::Error)]
pub enum LotteryDrawError {
    #[error("the lottery is not published, or was already drawn")]
    NotWaiting,
    #[error("the published lottery does not check out: {0}")]
    Broken(#[from] sortition::VerifyError),
}

/// Draws the published lottery with the public seed: the panel it picks is the jury's, as
/// a draw's panel is (marked, emailed), with every volunteer's chance the lottery's.
pub async fn draw_lottery(
    db: &Db,
    public_url: &str,
    jury: &Jury,
    draw_id: &str,
    seed: &str,
    actor: &str,
) -> anyhow::Result<Result<usize, LotteryDrawError>> {
    let Some(lottery) = store::lottery_of_draw(db, draw_id).await? else {
        return Ok(Err(LotteryDrawError::NotWaiting));
    };
    let (Some(text), None) = (&lottery.publication, &lottery.drawn_at) else {
        return Ok(Err(LotteryDrawError::NotWaiting));
    };
    let publication: sortition::Publication =
        serde_json::from_str(text).context("reading a stored publication")?;
    if let Err(e) = publication.check() {
        return Ok(Err(e.into()));
    }
    let record = match sortition::PublishedDraw::make(publication.lottery.clone(), seed) {
        Ok(record) => record,
        Err(e) => return Ok(Err(e.into())),
    };
    let volunteers = store::volunteers(db, &jury.id).await?;
    let candidates: Vec<String> = volunteers.iter().map(|v| v.id.clone()).collect();
    let selection = lottery_selection(&publication, &record, &candidates);
    let emails = selection
        .panel
        .iter()
        .map(|&i| selected_email(jury, &volunteers[i], public_url))
        .collect();
    let outcome = DrawOutcome {
        pool_size: candidates.len() as u32,
        selection: &selection,
        candidates: &candidates,
        emails,
    };
    let text = serde_json::to_string(&record).context("writing a draw's record")?;
    let seeded = (record.seed.as_str(), record.drawn);
    if !store::draw_lottery(db, draw_id, &outcome, seeded, &text, actor).await? {
        return Ok(Err(LotteryDrawError::NotWaiting));
    }
    Ok(Ok(record.drawn))
}

/// Fills the panel's empty places from the drawn lottery panel's reserve list, in order,
/// while the quotas hold ([`sortition::fill_from_reserves`]). Some(ids) of those who
/// stepped in (told by email); None when there is no reserve list or it cannot fill the
/// places (a replacement draw is then the way).
pub async fn step_in_reserves(
    db: &Db,
    public_url: &str,
    jury: &Jury,
    lottery: &store::JuryLottery,
) -> anyhow::Result<Option<Vec<String>>> {
    let Some(text) = &lottery.draw_record else {
        return Ok(None);
    };
    let record: sortition::PublishedDraw =
        serde_json::from_str(text).context("reading a stored draw")?;
    let list = record
        .lottery
        .reserves
        .get(record.drawn.saturating_sub(1))
        .cloned()
        .unwrap_or_default();
    if list.is_empty() {
        return Ok(None);
    }
    let features = store::features(db, &jury.id).await?;
    let volunteers = store::volunteers(db, &jury.id).await?;
    let plan = Plan::new(&features, &volunteers, DrawKind::Replacement);
    let index: std::collections::HashMap<&str, usize> = plan
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let free: Vec<usize> = list
        .iter()
        .filter_map(|id| index.get(id.as_str()).copied())
        .filter(|&i| volunteers[i].status == VolunteerStatus::Volunteer)
        .collect();
    let request = request(jury, jury.panel_size, Method::Leximin, 0);
    let Some(stepping_in) = sortition::fill_from_reserves(&plan.pool, &request, &plan.kept, &free)
    else {
        return Ok(None);
    };
    if stepping_in.is_empty() {
        return Ok(None);
    }
    let ids: Vec<String> = stepping_in.iter().map(|&i| plan.ids[i].clone()).collect();
    let emails: Vec<Email> = stepping_in
        .iter()
        .map(|&i| selected_email(jury, &volunteers[i], public_url))
        .collect();
    if !store::call_reserves(db, &jury.id, &lottery.draw_id, &ids, &emails).await? {
        return Ok(None);
    }
    Ok(Some(ids))
}

/// The drawn panel as a selection over `candidates` (volunteer ids): everyone's chance is
/// their share of the lottery's panels, which is what the draw gave them.
fn lottery_selection(
    publication: &sortition::Publication,
    record: &sortition::PublishedDraw,
    candidates: &[String],
) -> sortition::Selection {
    let chance: std::collections::HashMap<&str, f64> = publication
        .chances
        .iter()
        .map(|c| (c.id.as_str(), c.lottery))
        .collect();
    let probabilities: Vec<f64> = candidates
        .iter()
        .map(|id| chance.get(id.as_str()).copied().unwrap_or(0.0))
        .collect();
    let panel = candidates
        .iter()
        .enumerate()
        .filter(|(_, id)| record.panel.contains(id))
        .map(|(i, _)| i)
        .collect();
    let n = probabilities.len().max(1) as f64;
    let low_threshold = record.panel.len() as f64 / n / 2.0;
    let below = probabilities.iter().filter(|&&p| p < low_threshold).count();
    sortition::Selection {
        method: Method::Leximin,
        seed: 0,
        panel,
        min_probability: probabilities.iter().copied().fold(1.0, f64::min),
        share_below_threshold: below as f64 / n,
        low_threshold,
        probabilities,
        exact: true,
        panels: publication.m,
        complete: true,
        levels: 0,
    }
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
