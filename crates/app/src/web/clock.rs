//! The site's clock face: times are stored as UTC milliseconds and shown, typed and planned
//! in the site's time zone (`time_zone` in the configuration), summer time included.
//! [`Clock`] is the time the throttles count by, which tests can move forward.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use anyhow::Context;
use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use crate::i18n::Lang;

/// The site's time zone, checked once at start-up.
#[derive(Clone, Debug)]
pub struct SiteZone(TimeZone);

impl SiteZone {
    /// `name` is an IANA zone such as `Europe/London`.
    pub fn named(name: &str) -> anyhow::Result<SiteZone> {
        TimeZone::get(name)
            .map(SiteZone)
            .with_context(|| format!("time_zone {name:?} is not a known IANA time zone"))
    }

    /// Reads what a `datetime-local` field sends (`2026-12-05T18:30`) as local time.
    /// A time that does not exist (the hour skipped in spring) is moved forward; an
    /// ambiguous one (the hour repeated in autumn) is the earlier of the two.
    pub fn parse_local(&self, text: &str) -> Option<i64> {
        let civil: DateTime = text.trim().parse().ok()?;
        let zoned = civil.to_zoned(self.0.clone()).ok()?;
        Some(zoned.timestamp().as_millisecond())
    }

    /// The value for a `datetime-local` field.
    pub fn local_input(&self, ms: i64) -> String {
        self.zoned(ms)
            .map(|z| z.strftime("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    }

    /// The local day, `2026-12-05` (what a `date` field holds).
    pub fn local_date(&self, ms: i64) -> String {
        self.zoned(ms)
            .map(|z| z.strftime("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    /// "Sat 5 Dec 2026, 18:30" or "sob., 5 grudnia 2026, 18:30", for pages and emails in the
    /// reader's language.
    pub fn describe(&self, lang: &Lang, ms: i64) -> String {
        self.zoned(ms)
            .map(|z| {
                lang.date_time(
                    i32::from(z.year()),
                    z.month() as u8,
                    z.day() as u8,
                    z.weekday().to_monday_one_offset() as u8,
                    &z.strftime("%H:%M").to_string(),
                )
            })
            .unwrap_or_default()
    }

    /// "18:30", for the end of an event on the same day.
    pub fn clock_time(&self, ms: i64) -> String {
        self.zoned(ms)
            .map(|z| z.strftime("%H:%M").to_string())
            .unwrap_or_default()
    }

    pub fn same_day(&self, a: i64, b: i64) -> bool {
        match (self.zoned(a), self.zoned(b)) {
            (Some(a), Some(b)) => a.date() == b.date(),
            _ => false,
        }
    }

    /// The last `count` calendar months up to the one holding `now`, oldest first: each
    /// month's first instant (Unix ms) and its name ("Dec 2026", "gru 2026").
    pub fn recent_months(&self, lang: &Lang, now: i64, count: usize) -> Vec<(i64, String)> {
        let Some(this_month) = self
            .zoned(now)
            .and_then(|z| z.first_of_month().ok())
            .and_then(|z| z.start_of_day().ok())
        else {
            return Vec::new();
        };
        (0..count as i64)
            .rev()
            .filter_map(|back| this_month.checked_sub(jiff::Span::new().months(back)).ok())
            .map(|z| {
                (
                    z.timestamp().as_millisecond(),
                    lang.month_year(i32::from(z.year()), z.month() as u8),
                )
            })
            .collect()
    }

    fn zoned(&self, ms: i64) -> Option<jiff::Zoned> {
        Timestamp::from_millisecond(ms)
            .ok()
            .map(|t| t.to_zoned(self.0.clone()))
    }
}

/// The time the site's throttles go by (Unix ms): the system clock, plus however far a test
/// has moved it forward, so a fifteen-minute window passes without waiting. Clones share it.
#[derive(Clone, Debug, Default)]
pub struct Clock(Arc<AtomicI64>);

impl Clock {
    pub fn now_ms(&self) -> i64 {
        crate::db::now_ms() + self.0.load(Ordering::Relaxed)
    }

    /// Moves this site's clock forward (tests only; nothing in the site calls it).
    pub fn advance(&self, by: Duration) {
        let by = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.0.fetch_add(by, Ordering::Relaxed);
    }
}

/// A UTC time as iCalendar and Atom want it: `20261205T183000Z`.
pub fn ical_utc(ms: i64) -> String {
    Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// RFC 3339 in UTC (`2026-12-05T18:30:00Z`), for Atom feeds and the API.
pub fn rfc3339(ms: i64) -> String {
    Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london() -> SiteZone {
        SiteZone::named("Europe/London").unwrap()
    }

    #[test]
    fn local_times_follow_summer_time() {
        let zone = london();
        // 18:00 in December is 18:00 UTC; in July it is 17:00 UTC.
        let winter = zone.parse_local("2026-12-05T18:00").unwrap();
        let summer = zone.parse_local("2026-07-05T18:00").unwrap();
        assert_eq!(ical_utc(winter), "20261205T180000Z");
        assert_eq!(ical_utc(summer), "20260705T170000Z");
        assert_eq!(zone.local_input(summer), "2026-07-05T18:00");
        assert_eq!(zone.local_date(summer), "2026-07-05");
        assert_eq!(
            zone.describe(&Lang::default(), winter),
            "Sat 5 Dec 2026, 18:00"
        );
        assert_eq!(rfc3339(summer), "2026-07-05T17:00:00Z");
    }

    #[test]
    fn recent_months_start_at_local_midnight_on_the_first() {
        let zone = london();
        let now = zone.parse_local("2026-03-15T12:00").unwrap();
        let months = zone.recent_months(&Lang::default(), now, 3);
        let names: Vec<&str> = months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(names, ["Jan 2026", "Feb 2026", "Mar 2026"]);
        assert_eq!(months[0].0, zone.parse_local("2026-01-01T00:00").unwrap());
        // April starts at midnight summer time, 23:00 UTC the day before.
        let april = zone.recent_months(
            &Lang::default(),
            zone.parse_local("2026-04-02T10:00").unwrap(),
            1,
        );
        assert_eq!(ical_utc(april[0].0), "20260331T230000Z");
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(SiteZone::named("Mars/Olympus").is_err());
        assert_eq!(london().parse_local("5 December"), None);
        assert_eq!(london().parse_local(""), None);
    }

    #[test]
    fn the_skipped_spring_hour_moves_forward() {
        // Clocks go from 01:00 to 02:00 on 29 March 2026 in London.
        let zone = london();
        let skipped = zone.parse_local("2026-03-29T01:30").unwrap();
        assert_eq!(ical_utc(skipped), "20260329T013000Z");
    }
}
