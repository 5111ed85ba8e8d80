//! The panel's make-up against the quotas, as numbers and as the geometry of a small bar
//! chart (drawn by the template as SVG, with the same numbers in a table beside it).

use std::collections::HashMap;

use sortition::Feature;

use super::store::{Volunteer, VolunteerStatus};
use crate::web::csv;

/// Width of the chart's scale in SVG units, and the height of one bar's row.
const SCALE_WIDTH: f64 = 320.0;
const ROW_HEIGHT: u32 = 28;
/// Labels longer than this are cut short with an ellipsis.
const LABEL_CHARS: usize = 20;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

pub struct ValueRow {
    pub value: String,
    /// The value shortened to fit beside its bar (the table beside the chart has it whole).
    pub label: String,
    pub min: u32,
    pub max: u32,
    /// Volunteers with this value (everyone who registered).
    pub in_pool: u32,
    /// Members of the panel now (selected, not dropped out).
    pub on_panel: u32,
    pub within: bool,
    // Geometry of the row in the chart.
    pub y: u32,
    pub band_x: f64,
    pub band_width: f64,
    pub bar_width: f64,
}

pub struct FeatureMakeUp {
    pub name: String,
    pub rows: Vec<ValueRow>,
    pub chart_height: u32,
    /// The number at the right end of the scale.
    pub scale_max: u32,
}

/// For every feature and value: the quota, how many volunteered and how many sit on the panel.
pub fn make_up(features: &[Feature], volunteers: &[Volunteer]) -> Vec<FeatureMakeUp> {
    features
        .iter()
        .enumerate()
        .map(|(f, feature)| {
            let count = |v: usize, on_panel: bool| {
                volunteers
                    .iter()
                    .filter(|p| p.answers.get(f) == Some(&v))
                    .filter(|p| !on_panel || p.status == VolunteerStatus::Selected)
                    .count() as u32
            };
            let counts: Vec<(u32, u32)> = (0..feature.quotas.len())
                .map(|v| (count(v, false), count(v, true)))
                .collect();
            let scale_max = feature
                .quotas
                .iter()
                .zip(&counts)
                .map(|(q, (_, on_panel))| q.max.max(*on_panel))
                .max()
                .unwrap_or(1)
                .max(1);
            let unit = SCALE_WIDTH / scale_max as f64;
            let rows = feature
                .quotas
                .iter()
                .zip(counts)
                .enumerate()
                .map(|(v, (quota, (in_pool, on_panel)))| ValueRow {
                    value: quota.value.clone(),
                    label: shorten(&quota.value, LABEL_CHARS),
                    min: quota.min,
                    max: quota.max,
                    in_pool,
                    on_panel,
                    within: quota.min <= on_panel && on_panel <= quota.max,
                    y: v as u32 * ROW_HEIGHT,
                    band_x: quota.min as f64 * unit,
                    band_width: (quota.max - quota.min) as f64 * unit,
                    bar_width: on_panel as f64 * unit,
                })
                .collect();
            FeatureMakeUp {
                name: feature.name.clone(),
                chart_height: feature.quotas.len() as u32 * ROW_HEIGHT,
                rows,
                scale_max,
            }
        })
        .collect()
}

/// Volunteer ids that share a household (the same folded address) with someone else.
pub fn shared_households(volunteers: &[Volunteer]) -> Vec<bool> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for v in volunteers {
        *counts.entry(v.household_key.as_str()).or_default() += 1;
    }
    volunteers
        .iter()
        .map(|v| counts[v.household_key.as_str()] > 1)
        .collect()
}

/// The volunteers as a people file (`id`, contact columns, `household`, one column per
/// feature, `status`), which `squaremile jury select` and the Sortition Foundation's tools
/// read together with the quotas file. Names, addresses and phone numbers are typed by
/// anyone with the invitation link, so every cell goes through the spreadsheet-safe writer
/// (`=...` arrives as `'=...`); `jury select` matches features and values without the
/// apostrophe, so the file still reads back with the categories file.
pub fn volunteers_csv(features: &[Feature], volunteers: &[Volunteer]) -> String {
    let mut header: Vec<String> = ["id", "name", "email", "phone", "address", "postcode"]
        .map(str::to_string)
        .to_vec();
    header.push("household".into());
    header.extend(features.iter().map(|f| f.name.clone()));
    header.push("status".into());
    let mut out = csv::line(&header);
    for v in volunteers {
        let mut row = vec![
            v.id.clone(),
            v.name.clone(),
            // A held address is no one's mailbox: left empty.
            if v.has_email() {
                v.email.clone()
            } else {
                String::new()
            },
            v.phone.clone(),
            v.address.clone(),
            v.postcode.clone(),
            v.household_key.clone(),
        ];
        row.extend(
            features
                .iter()
                .zip(&v.answers)
                .map(|(f, &a)| f.quotas[a].value.clone()),
        );
        row.push(v.status.as_str().to_string());
        out.push_str(&csv::line(&row));
    }
    out
}

/// The quotas as a categories file (`feature,value,min,max`), written like the people file.
pub fn categories_csv(features: &[Feature]) -> String {
    let mut out = csv::line(&["feature", "value", "min", "max"]);
    for f in features {
        for q in &f.quotas {
            out.push_str(&csv::line(&[
                f.name.clone(),
                q.value.clone(),
                q.min.to_string(),
                q.max.to_string(),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sortition::Quota;

    fn volunteer(answers: Vec<usize>, status: VolunteerStatus, home: &str) -> Volunteer {
        Volunteer {
            id: String::new(),
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            address: String::new(),
            postcode: String::new(),
            household_key: home.into(),
            locale: "en-GB".into(),
            answers,
            status,
            created_at: 0,
        }
    }

    #[test]
    fn counts_the_pool_and_the_panel_against_each_quota() {
        let features = vec![Feature {
            name: "age".into(),
            quotas: vec![
                Quota {
                    value: "young".into(),
                    min: 1,
                    max: 2,
                },
                Quota {
                    value: "old".into(),
                    min: 1,
                    max: 4,
                },
            ],
        }];
        use VolunteerStatus::*;
        let people = vec![
            volunteer(vec![0], Selected, "a"),
            volunteer(vec![0], Volunteer, "b"),
            volunteer(vec![1], DroppedOut, "a"),
        ];
        let made = make_up(&features, &people);
        let rows = &made[0].rows;
        assert_eq!(
            (rows[0].in_pool, rows[0].on_panel, rows[0].within),
            (2, 1, true)
        );
        assert_eq!(
            (rows[1].in_pool, rows[1].on_panel, rows[1].within),
            (1, 0, false)
        );
        assert_eq!(made[0].scale_max, 4);
        assert_eq!(rows[1].band_x, 80.0);
        assert_eq!(shared_households(&people), vec![true, false, true]);
    }

    #[test]
    fn long_values_are_shortened_for_the_chart_only() {
        assert_eq!(shorten("rents privately", 20), "rents privately");
        assert_eq!(
            shorten("rents from the council or a housing association", 20),
            "rents from the coun…"
        );
    }
}
