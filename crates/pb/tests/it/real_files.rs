use pb::{Q, ReadOptions, parse, parse_owned_with, write};

use std::path::Path;

use crate::{collection_files, fixture_dir};

#[test]
fn every_real_election_reads_and_writes_back_the_same() {
    let files = collection_files("every_real_election_reads_and_writes_back_the_same");
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        // No real file repeats a project on a ballot or miscounts in META: strict reading
        // accepts them all, so how repetitions are read changes no real count.
        let election = parse_owned_with(text, ReadOptions { strict: true })
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            election.projects.len().to_string(),
            election
                .meta("num_projects")
                .unwrap_or(&election.projects.len().to_string())
                .to_string(),
            "{}",
            path.display()
        );
        let again = parse(&write(&election))
            .unwrap_or_else(|e| panic!("{} written back: {e}", path.display()));
        assert_eq!(election, again, "{}", path.display());
    }
    if !files.is_empty() {
        assert_eq!(files.len(), 184);
    }
}

/// Truncated and corrupted files must give an error (or a valid election), never a panic: the
/// repository's cumulative file always, and a large real one when the collection is there.
#[test]
fn damaged_files_are_refused_without_panicking() {
    damage(&fixture_dir().join("cumulative.pb"), 100);
    let files = collection_files("damaged_files_are_refused_without_panicking (Toulouse 2019)");
    if let Some(path) = files
        .iter()
        .find(|p| p.to_string_lossy().contains("Toulouse_2019"))
    {
        damage(path, 100);
    }
}

/// Damages the file 400 times at random (a fixed seed); at least `noticed` of them are refused.
fn damage(path: &Path, noticed: usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let bytes = text.as_bytes();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut refused = 0;
    for _ in 0..400 {
        let mut damaged = bytes.to_vec();
        match next() % 4 {
            0 => damaged.truncate((next() as usize) % bytes.len()),
            1 => {
                for _ in 0..(1 + next() % 8) {
                    let at = (next() as usize) % damaged.len();
                    damaged[at] = b";,\"\n0a-9."[(next() % 9) as usize];
                }
            }
            2 => {
                let at = (next() as usize) % damaged.len();
                damaged.insert(at, b'"');
            }
            _ => {
                let at = (next() as usize) % damaged.len();
                let len = ((next() as usize) % 200).min(damaged.len() - at);
                damaged.drain(at..at + len);
            }
        }
        let text = String::from_utf8_lossy(&damaged);
        match parse(&text) {
            Err(e) => {
                assert!(e.line >= 1 && !e.message.is_empty());
                refused += 1;
            }
            Ok(election) => assert!(election.budget >= Q::zero()),
        }
    }
    assert!(
        refused > noticed,
        "{}: most damage is noticed ({refused} of 400)",
        path.display()
    );
}
