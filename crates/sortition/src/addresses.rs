//! The first stage of a citizens' assembly: invitation letters to addresses drawn at
//! random. From a list of addresses, each with its area, N are drawn, split between the
//! areas in proportion to their households (the addresses listed), or with chosen areas
//! over-sampled (an area weighted 2 gets twice its share, as practitioners do for places
//! that answer less), then drawn uniformly within each area. Seeded: the same file, numbers
//! and seed draw the same addresses.

use std::collections::HashMap;

use crate::io::{ReadError, csv_error, error, header, line_of, reader};
use crate::rng::Rng;

/// One address of the list, with the line it was on (1 is the header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub line: usize,
    pub address: String,
    pub area: String,
}

/// Reads a list of addresses with any header: `address_column` and `area_column` name the
/// columns to use (case ignored); other columns are ignored. An empty address or area is
/// refused with its line, as is a file without those columns (the error lists the header).
pub fn read_addresses(
    text: &str,
    address_column: &str,
    area_column: &str,
) -> Result<Vec<Address>, ReadError> {
    let mut rows = reader(text);
    let names = header(&mut rows)?;
    let find = |wanted: &str| {
        names
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(wanted.trim()))
            .ok_or_else(|| {
                error(
                    1,
                    Some(wanted),
                    format!("no such column; the header has {}", names.join(", ")),
                )
            })
    };
    let (address_at, area_at) = (find(address_column)?, find(area_column)?);
    let mut addresses = Vec::new();
    for record in rows.records() {
        let record = record.map_err(csv_error)?;
        let line = line_of(&record);
        let cell = |at: usize, name: &str| {
            let value = record.get(at).unwrap_or("").trim();
            if value.is_empty() {
                Err(error(line, Some(name), "this is empty"))
            } else {
                Ok(value.to_string())
            }
        };
        addresses.push(Address {
            line,
            address: cell(address_at, &names[address_at])?,
            area: cell(area_at, &names[area_at])?,
        });
    }
    if addresses.is_empty() {
        return Err(error(1, None, "the file lists no addresses"));
    }
    Ok(addresses)
}

/// Why no addresses were drawn.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AddressDrawError {
    #[error("{asked} letters were asked for but the list has only {listed} addresses")]
    TooMany { asked: usize, listed: usize },
    #[error("no letter was asked for")]
    NoLetters,
    #[error("the area {0:?} to over-sample is not in the list")]
    UnknownArea(String),
    #[error("the weight of {area:?} must be a number above 0, not {weight}")]
    BadWeight { area: String, weight: f64 },
}

/// How many letters each area gets: `n` split in proportion to households times weight
/// (1 unless given), whole numbers by the largest remainders, never more than an area has;
/// areas in the order first met in the list.
pub fn allocate(
    addresses: &[Address],
    n: usize,
    weights: &HashMap<String, f64>,
) -> Result<Vec<(String, usize, usize)>, AddressDrawError> {
    if n == 0 {
        return Err(AddressDrawError::NoLetters);
    }
    if n > addresses.len() {
        return Err(AddressDrawError::TooMany {
            asked: n,
            listed: addresses.len(),
        });
    }
    let mut areas: Vec<(String, usize)> = Vec::new();
    for a in addresses {
        match areas.iter_mut().find(|(name, _)| *name == a.area) {
            Some((_, households)) => *households += 1,
            None => areas.push((a.area.clone(), 1)),
        }
    }
    for (area, &weight) in weights {
        if !areas.iter().any(|(name, _)| name == area) {
            return Err(AddressDrawError::UnknownArea(area.clone()));
        }
        if !(weight.is_finite() && weight > 0.0) {
            return Err(AddressDrawError::BadWeight {
                area: area.clone(),
                weight,
            });
        }
    }
    let weight_of = |area: &str| weights.get(area).copied().unwrap_or(1.0);
    // Areas filled to their households drop out and the rest share what is left, until
    // every share fits.
    let mut given = vec![0usize; areas.len()];
    let mut open: Vec<usize> = (0..areas.len()).collect();
    let mut left = n;
    loop {
        let total: f64 = open
            .iter()
            .map(|&k| areas[k].1 as f64 * weight_of(&areas[k].0))
            .sum();
        let exact: Vec<f64> = open
            .iter()
            .map(|&k| left as f64 * areas[k].1 as f64 * weight_of(&areas[k].0) / total)
            .collect();
        let full: Vec<usize> = open
            .iter()
            .zip(&exact)
            .filter(|&(&k, &e)| e >= areas[k].1 as f64)
            .map(|(&k, _)| k)
            .collect();
        if full.is_empty() {
            let mut shares: Vec<(usize, usize, f64)> = open
                .iter()
                .zip(&exact)
                .map(|(&k, &e)| (k, e.floor() as usize, e - e.floor()))
                .collect();
            let mut rest = left - shares.iter().map(|s| s.1).sum::<usize>();
            // Largest remainders first; ties to the area met first in the list.
            let mut order: Vec<usize> = (0..shares.len()).collect();
            order.sort_by(|&a, &b| shares[b].2.total_cmp(&shares[a].2).then(a.cmp(&b)));
            for i in order {
                if rest == 0 {
                    break;
                }
                if shares[i].1 < areas[shares[i].0].1 {
                    shares[i].1 += 1;
                    rest -= 1;
                }
            }
            for (k, count, _) in shares {
                given[k] = count;
            }
            break;
        }
        for k in full {
            given[k] = areas[k].1;
            left -= areas[k].1;
            open.retain(|&o| o != k);
        }
        if open.is_empty() || left == 0 {
            break;
        }
    }
    Ok(areas
        .into_iter()
        .zip(given)
        .map(|((area, households), letters)| (area, households, letters))
        .collect())
}

/// Draws the addresses for the letters: [`allocate`], then uniformly within each area with
/// the seed. The indices of the addresses drawn, in the list's order.
pub fn draw_addresses(
    addresses: &[Address],
    n: usize,
    weights: &HashMap<String, f64>,
    seed: u64,
) -> Result<Vec<usize>, AddressDrawError> {
    let shares = allocate(addresses, n, weights)?;
    let mut rng = Rng::new(seed);
    let mut drawn = Vec::with_capacity(n);
    for (area, _, letters) in &shares {
        let mut members: Vec<usize> = (0..addresses.len())
            .filter(|&i| addresses[i].area == *area)
            .collect();
        // A partial Fisher-Yates shuffle: the first `letters` are a uniform sample.
        for k in 0..*letters {
            let j = k + rng.below(members.len() - k);
            members.swap(k, j);
        }
        drawn.extend_from_slice(&members[..*letters]);
    }
    drawn.sort_unstable();
    Ok(drawn)
}
