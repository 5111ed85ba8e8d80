//! What is published before a checkable draw: the leximin distribution rounded to m panels
//! (each with its reserve list if asked), as volunteer ids only, with the lottery's digest
//! and every volunteer's chances (fair, in the lottery, as a reserve). A public seed fixed
//! afterwards picks the panel ([`crate::PublishedDraw`]).

use serde::{Deserialize, Serialize};

use crate::{
    LotteryError, Pool, PublishedLottery, Request, SelectError, VerifyError, leximin_distribution,
    reserve_lists, round_to_lottery,
};

/// The format tag of [`Publication`].
pub const PUBLICATION_FORMAT: &str = "square-mile-lottery-publication/1";

/// A lottery as published before the draw. Ids and numbers only.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Publication {
    /// Always [`PUBLICATION_FORMAT`].
    pub format: String,
    pub m: usize,
    /// The SHA-256 of the lottery's canonical text: announced before the seed is fixed.
    pub digest: String,
    pub lottery: PublishedLottery,
    /// Each volunteer's chances, by id, in the pool's order.
    pub chances: Vec<Chance>,
    /// The largest difference between a volunteer's lottery and fair chance (1/m at most
    /// on every pool tried; see [`crate::Lottery::max_deviation`]).
    pub max_deviation: f64,
}

/// One volunteer's chances: fair (leximin), in this lottery, and of being a reserve.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Chance {
    pub id: String,
    pub leximin: f64,
    pub lottery: f64,
    pub reserve: f64,
}

/// Why no lottery could be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Select(#[from] SelectError),
    #[error(transparent)]
    Lottery(#[from] LotteryError),
    #[error(transparent)]
    Verify(#[from] VerifyError),
}

/// The leximin distribution for `request` rounded to `m` panels (with a reserve list for
/// each when `reserves`), as published. `request.seed` decides only the seats a group
/// cannot share equally and the reserves' order; the draw's seed comes later.
pub fn publish(
    pool: &Pool,
    request: &Request,
    m: usize,
    reserves: bool,
) -> Result<Publication, PublishError> {
    let distribution = leximin_distribution(pool, request)?;
    let lottery = round_to_lottery(pool, request, &distribution, m, request.seed)?;
    let (published, reserve_chances) = if reserves {
        let reserved = reserve_lists(pool, request, &lottery, request.seed);
        (
            PublishedLottery::with_reserves(pool, &lottery, &reserved),
            reserved.reserve_probabilities,
        )
    } else {
        (
            PublishedLottery::new(pool, &lottery),
            vec![0.0; pool.people.len()],
        )
    };
    let chances = pool
        .people
        .iter()
        .enumerate()
        .map(|(i, person)| Chance {
            id: person.id.clone(),
            leximin: distribution.probabilities[i],
            lottery: lottery.probabilities[i],
            reserve: reserve_chances[i],
        })
        .collect();
    Ok(Publication {
        format: PUBLICATION_FORMAT.to_string(),
        m: published.panels.len(),
        digest: published.digest()?,
        lottery: published,
        chances,
        max_deviation: lottery.max_deviation,
    })
}

impl Publication {
    /// Whether the publication is one this library writes and its digest is its panels'.
    pub fn check(&self) -> Result<(), VerifyError> {
        if self.format != PUBLICATION_FORMAT {
            return Err(VerifyError::Malformed(format!(
                "unknown format {:?} (expected {PUBLICATION_FORMAT:?})",
                self.format
            )));
        }
        let actual = self.lottery.digest()?;
        if actual != self.digest {
            return Err(VerifyError::DigestMismatch {
                published: self.digest.clone(),
                actual,
            });
        }
        if self.lottery.panels.len() != self.m {
            return Err(VerifyError::CountMismatch {
                published: self.m,
                actual: self.lottery.panels.len(),
            });
        }
        Ok(())
    }
}
