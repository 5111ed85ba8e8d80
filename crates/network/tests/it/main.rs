//! The network crate's integration tests: formats, measures on hand-made graphs with known
//! answers, and the cross-check against NetworkX on classic social networks.

mod crosscheck;
mod drawing;
mod formats;
mod measures;

/// Written straight to stderr, which the test harness does not capture.
pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
