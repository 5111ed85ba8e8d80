//! The demo's micro-providers: the council's Community Development team accredits local
//! providers for Millbrook, with a four-check standard; three providers are accredited (care,
//! a handyman, a childminder), one application waits for assessment, and one accreditation
//! lapses in three weeks. Built through the providers' store; an application already there
//! is left as it is.

use anyhow::Context;

use super::user_id;
use crate::areas::store as areas;
use crate::db::{Db, now_ms};
use crate::i18n::Lang;
use crate::mail::Email;
use crate::organisations::store as organisations;
use crate::providers::store::{self as providers, NewApplication, NewFile, NewService, Review};
use crate::stories::store::{self as stories, Change, NewStory};

const BODY: &str = "millbrook-community-development";
const DAY: i64 = providers::DAY_MS;

/// (name, evidence needed, months valid)
const STANDARD: &[(&str, &str, i64)] = &[
    (
        "Public liability insurance",
        "A copy of the current certificate, showing cover of at least £1 million.",
        12,
    ),
    (
        "Enhanced criminal-record check",
        "An enhanced DBS certificate issued in the last three years, or the update service.",
        36,
    ),
    (
        "Safeguarding training",
        "A certificate of a safeguarding course for the people you work with.",
        24,
    ),
    (
        "Two references",
        "Names and contact details of two people you have worked for.",
        24,
    ),
];

/// A demo provider: (who applies, organisation slug if any, name, about, service kind,
/// what, area, for whom, price, weekdays, evenings, weekends, hours, days until the
/// earliest check expires: None to leave the application waiting).
type DemoProvider = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [bool; 3],
    &'static str,
    Option<i64>,
);

const PROVIDERS: &[DemoProvider] = &[
    (
        "grace.mensah",
        None,
        "Grace Mensah Home Care",
        "A care worker for fifteen years, now working for myself so I can give people time.",
        "care",
        "Help with getting up, washing, dressing and meals; company on the way.",
        "canal-quarter",
        "Older people and disabled adults living at home",
        "£17 an hour",
        [true, true, false],
        "Mornings 7 to 11, evenings 6 to 9",
        Some(300),
    ),
    (
        "ian.doyle",
        None,
        "Ian Doyle, Handyman",
        "Retired joiner. Small jobs done properly, and I clear up after.",
        "handyman",
        "Shelves, curtain rails, dripping taps, door locks, flat-pack furniture.",
        "brook-fields",
        "Anyone, especially people who cannot do the job themselves",
        "£12 to £20 a job, plus parts",
        [true, false, true],
        "",
        Some(200),
    ),
    (
        "kasia.nowak",
        Some("little-acorns-childminding"),
        "Little Acorns Childminding",
        "A registered childminder caring for up to six children in my home, with a garden.",
        "childminding",
        "Full and half days, school pick-ups, holiday care.",
        "hollins-green",
        "Children from one to eleven",
        "£6.50 an hour",
        [true, false, false],
        "8 to 6, Monday to Friday",
        Some(250),
    ),
    (
        "danny.moss",
        None,
        "Danny Moss Gardening",
        "Gardener for the allotments for ten years; now helping people keep their gardens.",
        "gardening",
        "Mowing, hedges, weeding and planting; green waste taken away.",
        "old-market",
        "Older people and anyone who can no longer manage their garden",
        "£14 an hour",
        [true, false, true],
        "",
        Some(21),
    ),
    (
        "siobhan.kelly",
        None,
        "Siobhan Kelly Companionship",
        "I visit people who are lonely: a chat, a walk, a trip to the shops.",
        "companionship",
        "Visits of an hour or two; walks; accompanying to appointments.",
        "weavers-row",
        "Older people living alone",
        "£10 a visit",
        [true, true, true],
        "",
        None,
    ),
];

/// A small PDF, so the demo's applications have a file of evidence to open.
const CERTIFICATE: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let org = organisations::find_by_slug(db, BODY)
        .await?
        .context("the demo's accrediting body")?;
    let millbrook = areas::find_by_slug(db, "millbrook")
        .await?
        .context("demo city")?;
    let admin = user_id(db, "priya.shah").await?;
    let assessor = user_id(db, "ravi.patel").await?;
    let now = now_ms();
    providers::mark_body(db, &org.id, &millbrook.id, &admin, now).await?;
    let body = providers::bodies(db)
        .await?
        .into_iter()
        .find(|b| b.organisation_id == org.id)
        .context("the demo's accrediting body was not marked")?;
    if providers::checks(db, &body.id).await?.is_empty() {
        for (name, evidence, months) in STANDARD {
            providers::add_check(db, &body.id, name, evidence, *months, now).await?;
        }
    }
    let checks = providers::checks(db, &body.id).await?;
    for (who, org_slug, name, about, kind, what, area, for_whom, price, when, hours, expiry) in
        PROVIDERS
    {
        let user = user_id(db, who).await?;
        let area = areas::find_by_slug(db, area)
            .await?
            .context("demo provider area")?;
        let organisation_id = match org_slug {
            Some(slug) => Some(
                organisations::find_by_slug(db, slug)
                    .await?
                    .context("demo provider organisation")?
                    .id,
            ),
            None => None,
        };
        let service = NewService {
            kind,
            description: what,
            area_id: &area.id,
            for_whom,
            price,
            hours,
            weekdays: when[0],
            evenings: when[1],
            weekends: when[2],
        };
        let new = NewApplication {
            body_id: &body.id,
            user_id: &user,
            organisation_id: organisation_id.as_deref(),
            name,
            about,
            service: &service,
        };
        let Some(id) = providers::apply(db, &new, now).await? else {
            continue;
        };
        for (i, check) in checks.iter().enumerate() {
            let file = NewFile {
                file_name: "certificate.pdf",
                content_type: "application/pdf",
                bytes: CERTIFICATE,
            };
            let note = format!("{} for {name}.", check.name);
            providers::add_evidence(
                db,
                &id,
                &check.id,
                &note,
                (i == 0).then_some(&file),
                &user,
                now,
            )
            .await?;
            if let Some(days) = expiry {
                // The first check (insurance) expires soonest; the others a year later.
                let until = now + days * DAY + if i == 0 { 0 } else { 365 * DAY };
                providers::review_check(
                    db,
                    &id,
                    &check.id,
                    &Review::Accept { expires_at: until },
                    &assessor,
                    now,
                )
                .await?;
            }
        }
        if expiry.is_some() {
            let application = providers::find_application(db, &id)
                .await?
                .context("the demo application")?;
            providers::decide(
                db,
                &application,
                true,
                "Every check is in order; we met at the visit.",
                &assessor,
                now,
                |locale| {
                    let lang = Lang::from_tag(locale).unwrap_or_default();
                    let args = [("body", body.organisation_name.as_str())];
                    Email {
                        to: String::new(),
                        subject: lang.t_args("provider-mail-granted-subject", &args),
                        body: lang.t_args("provider-mail-granted", &args),
                    }
                },
            )
            .await?;
            if *who == "grace.mensah" {
                story_about(db, &id, &user, now).await?;
            }
        }
    }
    Ok(())
}

/// A resident's published story about Grace, a provider who is a person: filed under the
/// body that accredited her, answered by Grace herself.
async fn story_about(db: &Db, application_id: &str, grace: &str, now: i64) -> anyhow::Result<()> {
    let subject = stories::provider_subject(db, application_id, now)
        .await?
        .context("the demo's accredited provider")?;
    let story = NewStory {
        organisation_id: &subject.organisation_id,
        service: "Morning visits",
        title: "Mum can stay in her own home",
        body: "Grace comes every morning. She is never rushed, she notices when Mum is low, and she \
               rang me the day the boiler broke.",
        good: "Always on time, and she talks to Mum, not about her.",
        better: "A phone number for when Grace is on holiday.",
        author_id: Some(&user_id(db, "aisha.hussain").await?),
        provider_id: Some(application_id),
        for_someone: None,
    };
    let id = stories::create(db, &story).await?;
    stories::moderate(db, &id, true, "").await?;
    stories::respond(
        db,
        &id,
        "Thank you. From next month my holiday cover has her own number, which I will give to everyone.",
        Change::Planned,
        grace,
    )
    .await
}
