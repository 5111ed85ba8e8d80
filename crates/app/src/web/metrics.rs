//! Request timings by route for `/metrics` (Prometheus' text format): a histogram per method
//! and route pattern (`/reports/{id}`, never the address itself, so the set of series stays
//! small), kept in memory from the start of the process.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Upper bounds of the buckets, in seconds: fine around the 50 ms a page should take.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default, Clone)]
struct Histogram {
    /// Requests at or under each bound (not cumulative here; summed when written).
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum_seconds: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(bucket) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.counts[bucket] += 1;
        }
        self.count += 1;
        self.sum_seconds += seconds;
    }
}

/// Series key: (method, route pattern, status class such as `2xx`).
type Series = (String, String, &'static str);

/// The timings of every request served, by route.
#[derive(Default)]
pub struct RequestTimes {
    series: Mutex<BTreeMap<Series, Histogram>>,
}

impl RequestTimes {
    fn observe(&self, series: Series, seconds: f64) {
        let mut all = self.series.lock().unwrap_or_else(|e| e.into_inner());
        all.entry(series).or_default().observe(seconds);
    }

    /// The histograms in Prometheus' text exposition format.
    pub fn write(&self, out: &mut String) {
        let all = self
            .series
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let name = "squaremile_http_request_duration_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} Time to answer a request, by method, route and status class."
        );
        let _ = writeln!(out, "# TYPE {name} histogram");
        for ((method, route, status), histogram) in &all {
            let labels = format!(
                "method=\"{method}\",route=\"{}\",status=\"{status}\"",
                escape_label(route)
            );
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(histogram.counts) {
                cumulative += count;
                let _ = writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {cumulative}");
            }
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels},le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(out, "{name}_sum{{{labels}}} {}", histogram.sum_seconds);
            let _ = writeln!(out, "{name}_count{{{labels}}} {}", histogram.count);
        }
    }
}

/// A label value with Prometheus' three escapes.
fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn status_class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// Middleware: times each request by its route pattern. `None` (metrics turned off) records
/// nothing.
pub async fn record(
    State(times): State<Option<Arc<RequestTimes>>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(times) = times else {
        return next.run(request).await;
    };
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = request.method().as_str().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    times.observe(
        (method, route, status_class(response.status().as_u16())),
        started.elapsed().as_secs_f64(),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_written_cumulative_with_count_and_sum() {
        let times = RequestTimes::default();
        let series = || ("GET".to_string(), "/reports/{id}".to_string(), "2xx");
        times.observe(series(), 0.004);
        times.observe(series(), 0.03);
        times.observe(series(), 20.0);
        let mut out = String::new();
        times.write(&mut out);
        let labels = r#"method="GET",route="/reports/{id}",status="2xx""#;
        for line in [
            format!("_bucket{{{labels},le=\"0.001\"}} 0"),
            format!("_bucket{{{labels},le=\"0.005\"}} 1"),
            format!("_bucket{{{labels},le=\"0.05\"}} 2"),
            format!("_bucket{{{labels},le=\"10\"}} 2"),
            format!("_bucket{{{labels},le=\"+Inf\"}} 3"),
            format!("_count{{{labels}}} 3"),
        ] {
            assert!(out.contains(&line), "{line} not in\n{out}");
        }
        assert!(out.contains("# TYPE squaremile_http_request_duration_seconds histogram"));
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape_label(r#"a"b\c"#), r#"a\"b\\c"#);
    }
}
