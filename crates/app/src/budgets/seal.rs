//! The seal on ballots waiting for their batch (see `store::cast`): a ballot is written in the
//! same transaction as the record that its voter voted (so neither is ever kept without the
//! other), but only sealed, encrypted with a key that lives in a file outside the database.
//! Someone holding the database, its WAL or a backup sees who voted and, beside it, a blob
//! of fixed length they cannot read. Ballots leave the seal only in shuffled batches of at
//! least [`BATCH`], so what they can link a voter to is a batch, never a ballot.
//!
//! Pure code: no SQL. The key file is read (or made, once) when the site starts.

use std::path::Path;

use anyhow::{Context, bail};
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The smallest number of ballots that leave the seal together. A voter's ballot can be told
/// apart from at most this many others by anyone holding the database files.
pub const BATCH: usize = 10;

/// Every sealed ballot is padded to a multiple of this many bytes before it is encrypted, so
/// the length of a sealed row does not tell a short ballot from a long one (ballots over
/// this size, hundreds of projects, fall in coarser classes).
const PADDED_BYTES: usize = 4096;

const NONCE_BYTES: usize = 12;

/// The site's ballot key.
#[derive(Clone)]
pub struct BallotSeal {
    key: [u8; 32],
}

impl std::fmt::Debug for BallotSeal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BallotSeal([redacted])")
    }
}

/// What a sealed row holds, once opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsealed {
    pub receipt_hash: String,
    pub public_id: String,
    pub vote: String,
    pub points: String,
    /// Proves the voter when the ballot is changed (see `store::SealedBallot`); absent in
    /// ballots sealed before it existed, which therefore cannot be changed.
    #[serde(default)]
    pub change_hash: Option<String>,
}

impl BallotSeal {
    pub fn from_key(key: [u8; 32]) -> BallotSeal {
        BallotSeal { key }
    }

    /// A new random key (tests, and the first start of a site).
    pub fn random() -> BallotSeal {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).expect("the operating system's random source failed");
        BallotSeal { key }
    }

    /// Reads the key file, or makes it (readable by its owner only) when there is none yet.
    pub fn load_or_create(path: &Path) -> anyhow::Result<BallotSeal> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(text.trim())
                .with_context(|| format!("the ballot key file {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let seal = Self::random();
                write_private(path, &hex(&seal.key))
                    .with_context(|| format!("writing the ballot key file {}", path.display()))?;
                tracing::info!(path = %path.display(), "made a new ballot key file; back it up apart from the database");
                Ok(seal)
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    fn parse(text: &str) -> anyhow::Result<BallotSeal> {
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            bail!("a ballot key is 64 hexadecimal digits");
        }
        let mut key = [0u8; 32];
        for (at, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[at * 2..at * 2 + 2], 16)?;
        }
        Ok(BallotSeal { key })
    }

    /// The key a voter's sealed ballot is found by from their receipt (to show or change it):
    /// a keyed hash, so without the key it matches nothing, not even the receipt's hash that
    /// the ballot carries once it is in the ballot box.
    pub fn lookup(&self, receipt_hash: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("any key length");
        mac.update(b"squaremile ballot lookup\0");
        mac.update(receipt_hash.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Encrypts the ballot, padded, with a random nonce: base64 of nonce and ciphertext.
    pub fn seal(&self, ballot: &Unsealed) -> String {
        let mut plain = serde_json::to_vec(ballot).expect("a ballot serialises");
        let padded = plain.len().div_ceil(PADDED_BYTES).max(1) * PADDED_BYTES;
        plain.resize(padded, b' ');
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).expect("the operating system's random source failed");
        let sealed = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), plain.as_slice())
            .expect("encryption in memory does not fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        base64::engine::general_purpose::STANDARD.encode(out)
    }

    /// Opens a sealed ballot; an error if it was sealed with another key or damaged.
    pub fn open(&self, sealed: &str) -> anyhow::Result<Unsealed> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(sealed)
            .context("a sealed ballot is base64")?;
        if bytes.len() <= NONCE_BYTES {
            bail!("a sealed ballot is cut short");
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let plain = self
            .cipher()
            .decrypt(Nonce::from_slice(nonce), sealed)
            .map_err(|_| {
                anyhow::anyhow!(
                    "a sealed ballot does not open with this key (was the ballot key file replaced?)"
                )
            })?;
        let text = std::str::from_utf8(&plain).context("a sealed ballot is text")?;
        serde_json::from_str(text.trim_end()).context("a sealed ballot's contents")
    }

    fn cipher(&self) -> ChaCha20Poly1305 {
        ChaCha20Poly1305::new(Key::from_slice(&self.key))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates the file with the owner's permissions only, failing if it exists (two processes
/// starting at once must not each write a key of their own).
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot(vote: &str) -> Unsealed {
        Unsealed {
            receipt_hash: "ab".repeat(32),
            public_id: "abababababab".into(),
            vote: vote.into(),
            points: String::new(),
            change_hash: Some("ef".repeat(32)),
        }
    }

    #[test]
    fn a_sealed_ballot_opens_with_its_key_only() {
        let seal = BallotSeal::random();
        let sealed = seal.seal(&ballot("3,7"));
        assert_eq!(seal.open(&sealed).unwrap(), ballot("3,7"));
        assert!(BallotSeal::random().open(&sealed).is_err());
        assert!(!sealed.contains("3,7"));
    }

    #[test]
    fn short_and_long_ballots_seal_to_the_same_length() {
        let seal = BallotSeal::random();
        let short = seal.seal(&ballot("1"));
        let long = seal.seal(&ballot(
            &(1..200)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ));
        assert_eq!(short.len(), long.len());
        // The same ballot sealed twice looks different (a fresh nonce each time).
        assert_ne!(seal.seal(&ballot("1")), short);
    }

    #[test]
    fn the_lookup_depends_on_the_key() {
        let receipt = "cd".repeat(32);
        let one = BallotSeal::random();
        assert_eq!(one.lookup(&receipt), one.lookup(&receipt));
        assert_ne!(one.lookup(&receipt), BallotSeal::random().lookup(&receipt));
        assert_ne!(one.lookup(&receipt), receipt);
    }

    #[test]
    fn the_key_file_is_made_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("sm-seal-{}", crate::db::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ballot.key");
        let made = BallotSeal::load_or_create(&path).unwrap();
        let read = BallotSeal::load_or_create(&path).unwrap();
        assert_eq!(made.key, read.key);
        std::fs::write(&path, "not a key").unwrap();
        assert!(BallotSeal::load_or_create(&path).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
