//! The pb crate's integration tests, on the real Pabulib elections in ../shared/pabulib/.

mod crosscheck;
mod real_files;
mod recorded;

use std::path::PathBuf;

/// The shared Pabulib folder, or `None` (with a message) when it is not beside the checkout.
pub fn pabulib_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pabulib");
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(&format!("no Pabulib data at {}", dir.display()));
        None
    }
}

pub fn pabulib_files() -> Vec<PathBuf> {
    let Some(dir) = pabulib_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable Pabulib folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    files
}

/// Written straight to stderr, which the test harness does not capture.
pub fn skip(reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason}");
}

pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
