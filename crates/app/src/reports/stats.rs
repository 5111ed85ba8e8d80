//! An organisation's record on reports: how many it received, how they stand, and the
//! median times to its first public answer and to the fix. Pure code.

use super::store::{ALL_STATUSES, Status};

#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub received: usize,
    pub by_status: Vec<(Status, usize)>,
    /// How many got a public answer, and the median wait for it (milliseconds).
    pub responded: usize,
    pub median_response_ms: Option<i64>,
    pub fixed: usize,
    pub median_fix_ms: Option<i64>,
}

/// One report's times: received, first answered in public, fixed (Unix milliseconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    pub received: i64,
    pub responded: Option<i64>,
    pub fixed: Option<i64>,
    pub status: Status,
}

/// The median of the values (the mean of the middle two for an even count).
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

/// Sums up an organisation's reports.
pub fn summarise(reports: &[Timing]) -> Stats {
    let waits = |pick: fn(&Timing) -> Option<i64>| -> Vec<i64> {
        reports
            .iter()
            .filter_map(|r| pick(r).map(|at| (at - r.received).max(0)))
            .collect()
    };
    let response = waits(|r| r.responded);
    let fix = waits(|r| r.fixed);
    Stats {
        received: reports.len(),
        by_status: ALL_STATUSES
            .into_iter()
            .map(|s| (s, reports.iter().filter(|r| r.status == s).count()))
            .collect(),
        responded: response.len(),
        median_response_ms: median(response),
        fixed: fix.len(),
        median_fix_ms: median(fix),
    }
}

/// A wait in words a resident reads at a glance: minutes, hours or days.
pub fn duration_parts(ms: i64) -> (i64, &'static str) {
    let minutes = ms / 60_000;
    if minutes < 120 {
        (minutes, "minutes")
    } else if minutes < 48 * 60 {
        (minutes / 60, "hours")
    } else {
        (minutes / (24 * 60), "days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;

    #[test]
    fn medians_and_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2));
        let timing = |responded: Option<i64>, fixed: Option<i64>, status| Timing {
            received: HOUR,
            responded: responded.map(|h| HOUR + h * HOUR),
            fixed: fixed.map(|h| HOUR + h * HOUR),
            status,
        };
        let stats = summarise(&[
            timing(Some(2), Some(10), Status::Fixed),
            timing(Some(4), None, Status::InProgress),
            timing(None, None, Status::Open),
        ]);
        assert_eq!(stats.received, 3);
        assert_eq!(stats.responded, 2);
        assert_eq!(stats.median_response_ms, Some(3 * HOUR));
        assert_eq!(stats.fixed, 1);
        assert_eq!(stats.median_fix_ms, Some(10 * HOUR));
        assert!(stats.by_status.contains(&(Status::Open, 1)));
        assert!(stats.by_status.contains(&(Status::Closed, 0)));
    }

    #[test]
    fn waits_read_in_sensible_units() {
        assert_eq!(duration_parts(45 * 60_000), (45, "minutes"));
        assert_eq!(duration_parts(5 * HOUR), (5, "hours"));
        assert_eq!(duration_parts(72 * HOUR), (3, "days"));
    }
}
