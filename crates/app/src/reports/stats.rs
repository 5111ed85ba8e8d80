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

/// The bucket a wait of `ms` is counted in by the triggers of migration 0023 (written there
/// in SQL): a minute each under two hours, six minutes each under two days, a tenth of a day
/// beyond. A negative wait counts as none.
pub fn wait_bucket(ms: i64) -> i64 {
    let ms = ms.max(0);
    if ms < TWO_HOURS {
        ms / MINUTE
    } else if ms < TWO_DAYS {
        120 + (ms - TWO_HOURS) / SIX_MINUTES
    } else {
        580 + (ms - TWO_DAYS) / TENTH_DAY
    }
}

const MINUTE: i64 = 60_000;
const SIX_MINUTES: i64 = 6 * MINUTE;
const TWO_HOURS: i64 = 120 * MINUTE;
const TWO_DAYS: i64 = 48 * 60 * MINUTE;
const TENTH_DAY: i64 = 144 * MINUTE;

/// The middle of a bucket of [`wait_bucket`], in ms: what a wait counted there is read as.
pub fn bucket_middle(bucket: i64) -> i64 {
    if bucket < 120 {
        bucket * MINUTE + MINUTE / 2
    } else if bucket < 580 {
        TWO_HOURS + (bucket - 120) * SIX_MINUTES + SIX_MINUTES / 2
    } else {
        TWO_DAYS + (bucket - 580) * TENTH_DAY + TENTH_DAY / 2
    }
}

/// The median of waits counted per bucket (`(bucket, how many)`, any order), each read as
/// its bucket's middle: the mean of the middle two for an even count, as [`median`].
pub fn median_of_counts(mut counts: Vec<(i64, i64)>) -> Option<i64> {
    counts.retain(|(_, n)| *n > 0);
    counts.sort_unstable();
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    // The values at (0-based) positions (total - 1) / 2 and total / 2.
    let at = |position: i64| {
        let mut seen = 0;
        for (bucket, n) in &counts {
            seen += n;
            if position < seen {
                return bucket_middle(*bucket);
            }
        }
        unreachable!("a position below the total")
    };
    Some((at((total - 1) / 2) + at(total / 2)) / 2)
}

/// An organisation's record from the counts kept by migration 0023: rows of (measure,
/// bucket, how many), where a measure is `status:<status>`, `response` or `fix`.
pub fn from_counts(rows: &[(String, i64, i64)]) -> Stats {
    let count_of = |status: Status| -> usize {
        let measure = format!("status:{}", status.as_str());
        rows.iter()
            .filter(|(m, _, _)| *m == measure)
            .map(|(_, _, n)| *n as usize)
            .sum()
    };
    let waits = |measure: &str| -> Vec<(i64, i64)> {
        rows.iter()
            .filter(|(m, _, _)| m == measure)
            .map(|(_, bucket, n)| (*bucket, *n))
            .collect()
    };
    let (response, fix) = (waits("response"), waits("fix"));
    let by_status: Vec<(Status, usize)> =
        ALL_STATUSES.into_iter().map(|s| (s, count_of(s))).collect();
    Stats {
        received: by_status.iter().map(|(_, n)| n).sum(),
        by_status,
        responded: response.iter().map(|(_, n)| *n as usize).sum(),
        median_response_ms: median_of_counts(response),
        fixed: fix.iter().map(|(_, n)| *n as usize).sum(),
        median_fix_ms: median_of_counts(fix),
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

    /// Read back from its bucket, a wait says the same minutes, hours or days, and a tenth
    /// of a day is the coarsest it is ever off by.
    #[test]
    fn a_wait_read_back_from_its_bucket_says_the_same() {
        for ms in (0..60 * 24 * 40).map(|m| m * 60_000 + 17_000) {
            let back = bucket_middle(wait_bucket(ms));
            assert_eq!(duration_parts(back), duration_parts(ms), "{ms}");
            assert!((back - ms).abs() <= TENTH_DAY / 2, "{ms}");
        }
        assert_eq!(wait_bucket(-5), 0);
        assert_eq!(
            median_of_counts(vec![(wait_bucket(3 * HOUR), 1), (wait_bucket(HOUR), 2)]),
            Some(bucket_middle(wait_bucket(HOUR)))
        );
        assert_eq!(median_of_counts(vec![(4, 0)]), None);
    }

    #[test]
    fn waits_read_in_sensible_units() {
        assert_eq!(duration_parts(45 * 60_000), (45, "minutes"));
        assert_eq!(duration_parts(5 * HOUR), (5, "hours"));
        assert_eq!(duration_parts(72 * HOUR), (3, "days"));
    }
}
