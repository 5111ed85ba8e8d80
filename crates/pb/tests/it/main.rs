//! The pb crate's integration tests: on the small made-up elections in `testdata/pabulib/`
//! (always), and on the large collection of real Pabulib elections when
//! SQUAREMILE_PABULIB_DIR names its folder (CI points it at `../shared/pabulib`).

mod crosscheck;
mod fixtures;
mod real_files;
mod recorded;

use std::path::{Path, PathBuf};

/// The environment variable that names the folder of the real Pabulib collection.
pub const COLLECTION_VARIABLE: &str = "SQUAREMILE_PABULIB_DIR";

/// The repository's own small Pabulib files, one per ballot type.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/pabulib")
}

pub fn fixture_files() -> Vec<PathBuf> {
    let files = pb_files_in(&fixture_dir());
    assert!(
        files.len() >= 5,
        "the repository's test elections are missing"
    );
    files
}

/// The real collection's folder, or `None` (saying why, as `test`) when the variable is unset.
pub fn collection_dir(test: &str) -> Option<PathBuf> {
    let Some(dir) = std::env::var_os(COLLECTION_VARIABLE).filter(|d| !d.is_empty()) else {
        skip(&format!(
            "{test}: set {COLLECTION_VARIABLE} to a folder of real Pabulib files (CI uses ../shared/pabulib)"
        ));
        return None;
    };
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "{COLLECTION_VARIABLE}={} is not a folder",
        dir.display()
    );
    Some(dir)
}

/// The real collection's files, or none (with a SKIPPED line) when the variable is unset.
pub fn collection_files(test: &str) -> Vec<PathBuf> {
    collection_dir(test)
        .map(|dir| pb_files_in(&dir))
        .unwrap_or_default()
}

fn pb_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
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
