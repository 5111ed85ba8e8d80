//! Making digests: for each subscription whose period is over, the new public items that
//! match it, written as one email in the reader's language.

use std::time::Duration;

use super::store::{self, DigestEmail, Due, Subscription};
use crate::db::now_ms;
use crate::feeds::store::{self as feeds, Item};
use crate::i18n::Lang;
use crate::mail::Email;
use crate::state::AppState;
use crate::web::forms::plain_letters;

/// Items of one kind in one digest, at most.
const ITEMS_PER_KIND: i64 = 50;
/// New items read at a time while looking for those a subscription keeps.
const PAGE: i64 = 500;

/// An alert's place, ready to test items against: a point and a distance, or a boundary.
enum PlaceTest {
    Near { lat: f64, lon: f64, metres: f64 },
    Inside(Option<places::MultiPolygon<f64>>),
}

impl PlaceTest {
    async fn load(state: &AppState, place: &store::AlertPlace) -> anyhow::Result<PlaceTest> {
        Ok(match place {
            store::AlertPlace::Near {
                latitude,
                longitude,
                metres,
            } => PlaceTest::Near {
                lat: *latitude,
                lon: *longitude,
                metres: *metres as f64,
            },
            store::AlertPlace::Inside { area_id, .. } => {
                PlaceTest::Inside(crate::areas::places::boundary(&state.db, area_id).await?)
            }
        })
    }

    /// Only items with a place can be near or inside anything.
    fn holds(&self, item: &Item) -> bool {
        let Some((lat, lon)) = item.location else {
            return false;
        };
        match self {
            PlaceTest::Near {
                lat: at_lat,
                lon: at_lon,
                metres,
            } => places::distance_m(*at_lat, *at_lon, lat, lon) <= *metres,
            PlaceTest::Inside(shape) => shape
                .as_ref()
                .is_some_and(|shape| places::contains(shape, lat, lon)),
        }
    }
}
/// Subscriptions handled per pass.
const BATCH: i64 = 200;
/// How often the site looks for digests that are due.
const EVERY: Duration = Duration::from_secs(60);

/// Runs until the process stops.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = send_due(&state, now_ms()).await {
            tracing::warn!(error = ?e, "sending alert digests");
        }
    }
}

/// Closes every period that is over at `now` and queues the digests that have something in
/// them. Returns how many digests were queued.
pub async fn send_due(state: &AppState, now: i64) -> anyhow::Result<usize> {
    let mut queued = 0;
    loop {
        let due = store::due(&state.db, now, BATCH).await?;
        if due.is_empty() {
            break;
        }
        for one in &due {
            if close(state, one, now).await? {
                queued += 1;
            }
        }
        if (due.len() as i64) < BATCH {
            break;
        }
    }
    if queued > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(queued)
}

async fn close(state: &AppState, due: &Due, now: i64) -> anyhow::Result<bool> {
    let subscription = &due.subscription;
    let items = matching_items(state, subscription, now).await?;
    let digest = (!items.is_empty()).then(|| write(state, due, &items));
    let closed = store::close_period(
        &state.db,
        subscription,
        now,
        items.len() as i64,
        digest.as_ref(),
    )
    .await?;
    Ok(closed && digest.is_some())
}

/// New items in the subscription's period that match its area, topic and words.
async fn matching_items(
    state: &AppState,
    subscription: &Subscription,
    now: i64,
) -> anyhow::Result<Vec<Item>> {
    let area = subscription.area_id.as_deref().unwrap_or("");
    let words: Vec<String> = subscription
        .keyword
        .split_whitespace()
        .map(plain_letters)
        .collect();
    let place = match &subscription.place {
        None => None,
        Some(place) => Some(PlaceTest::load(state, place).await?),
    };
    let mut found = Vec::new();
    for &kind in &subscription.kinds {
        let keeps = |item: &Item| {
            let topic_ok = subscription.topic.is_empty()
                || kind != feeds::Kind::Conversations
                || item.topic == subscription.topic;
            let text = plain_letters(&format!("{} {}", item.title, item.summary));
            topic_ok
                && words.iter().all(|w| text.contains(w.as_str()))
                && place.as_ref().is_none_or(|p| p.holds(item))
        };
        // Words and places keep only some of the period's items: read it page by page, to
        // its start if need be, until the digest has its number of this kind.
        let mut kept = 0;
        let mut before = feeds::Before::until(now);
        loop {
            let page = feeds::between(
                &state.db,
                kind,
                area,
                subscription.covered_until,
                &before,
                PAGE,
            )
            .await?;
            let Some(last) = page.last() else { break };
            before = feeds::Before::after_item(last);
            let full = page.len() as i64 == PAGE;
            for item in page.into_iter().filter(|item| keeps(item)) {
                if kept < ITEMS_PER_KIND {
                    found.push(item);
                    kept += 1;
                }
            }
            if !full || kept == ITEMS_PER_KIND {
                break;
            }
        }
    }
    Ok(found)
}

/// The digest email: the items grouped by kind, each with its link, then how to stop.
fn write(state: &AppState, due: &Due, items: &[Item]) -> DigestEmail {
    let lang = Lang::from_tag(&due.locale).unwrap_or_default();
    let public_url = state.config.public_url.trim_end_matches('/');
    let subscription = &due.subscription;
    let subject_key = match subscription.frequency {
        store::Frequency::Daily => "alert-digest-daily-subject",
        store::Frequency::Weekly => "alert-digest-weekly-subject",
    };
    let mut body = lang.t_count(subject_key, items.len() as i64);
    body.push_str("\n\n");
    for &kind in &subscription.kinds {
        let of_kind: Vec<&Item> = items.iter().filter(|i| i.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        body.push_str(&format!("{}\n", lang.t(&kind.label_key())));
        for item in of_kind {
            let place = if item.area_name.is_empty() {
                String::new()
            } else {
                format!(" ({})", item.area_name)
            };
            let title =
                crate::methods::seed::title(item.seed.as_deref(), item.title.clone(), &lang);
            body.push_str(&format!("- {title}{place}\n  {public_url}{}\n", item.path));
        }
        body.push('\n');
    }
    let unsubscribe_page = format!(
        "{public_url}/alerts/unsubscribe/{}",
        subscription.unsubscribe_token
    );
    body.push_str(&format!(
        "{}\n{public_url}/alerts\n\n{}\n{unsubscribe_page}\n",
        lang.t("alert-digest-manage"),
        lang.t("alert-digest-unsubscribe"),
    ));
    DigestEmail {
        email: Email {
            to: due.email.clone(),
            subject: lang.t_count(subject_key, items.len() as i64),
            body,
        },
        unsubscribe_url: format!(
            "{public_url}/api/alerts/unsubscribe/{}",
            subscription.unsubscribe_token
        ),
    }
}
