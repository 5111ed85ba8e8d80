//! "Find address": a Nominatim-compatible geocoder when the configuration names one,
//! otherwise the site's own street list and area names.

use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

use super::points::{self, FoundPlace};
use crate::state::AppState;

const MAX_RESULTS: i64 = 8;

/// Places matching what was typed. A failing outside geocoder falls back to the local search,
/// so the form always answers.
pub async fn search(state: &AppState, typed: &str) -> anyhow::Result<Vec<FoundPlace>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(Vec::new());
    }
    let url = state.config.geocoder_url.trim();
    if !url.is_empty() {
        match remote(url, &state.config.public_url, typed).await {
            Ok(found) => return Ok(found),
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), "geocoder failed; searching locally")
            }
        }
    }
    search_locally(state, typed).await
}

/// The site's own street list and area names only (what `/api/v1/places/search` answers, so
/// another site may use this one as its geocoder without the two asking each other in turn).
pub async fn search_locally(state: &AppState, typed: &str) -> anyhow::Result<Vec<FoundPlace>> {
    points::search_places(&state.db, &street_words(typed), MAX_RESULTS).await
}

/// What is typed, without house numbers or postcodes' digits-only parts, in lower case:
/// "12 Mill Lane" finds "Mill Lane".
fn street_words(typed: &str) -> String {
    typed
        .split_whitespace()
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
        })
        .map(|w| w.trim_matches(',').to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Deserialize)]
struct NominatimPlace {
    lat: String,
    lon: String,
    display_name: String,
}

async fn remote(base: &str, public_url: &str, typed: &str) -> anyhow::Result<Vec<FoundPlace>> {
    // Nominatim's usage policy asks for an identifying User-Agent.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent(format!(
            "SquareMile/{} (+{public_url})",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .context("making the geocoder client")?;
    let found: Vec<NominatimPlace> = client
        .get(format!("{}/search", base.trim_end_matches('/')))
        .query(&[("q", typed), ("format", "json"), ("limit", "8")])
        .send()
        .await
        .context("asking the geocoder")?
        .error_for_status()
        .context("the geocoder's answer")?
        .json()
        .await
        .context("reading the geocoder's answer")?;
    Ok(found
        .into_iter()
        .filter_map(|p| {
            let latitude = p.lat.parse::<f64>().ok().filter(|v| v.abs() <= 90.0)?;
            let longitude = p.lon.parse::<f64>().ok().filter(|v| v.abs() <= 180.0)?;
            Some(FoundPlace {
                label: p.display_name,
                latitude,
                longitude,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn house_numbers_are_left_out_of_a_street_search() {
        assert_eq!(super::street_words("12 Mill Lane"), "mill lane");
        assert_eq!(super::street_words("Mill Lane, 4-6"), "mill lane");
    }
}
