//! The CSV files sortition practitioners use: a categories file (`feature,value,min,max`,
//! one row per value) and a people file (an `id` column and one column per feature, plus
//! any others such as contact details or an address, kept as they are).

use std::collections::{HashMap, HashSet};

use crate::pool::{Feature, Person, Pool, Quota};

/// What is wrong with an input file, and where: the line (1 is the header) and, when it is
/// about one field, the column.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}{}: {message}", column.as_ref().map(|c| format!(", column {c:?}")).unwrap_or_default())]
pub struct ReadError {
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

pub(crate) fn error(line: usize, column: Option<&str>, message: impl Into<String>) -> ReadError {
    ReadError {
        line,
        column: column.map(str::to_string),
        message: message.into(),
    }
}

pub(crate) fn reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Spreadsheets in much of Europe save CSV with semicolons.
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

pub(crate) fn csv_error(e: csv::Error) -> ReadError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_string(),
        _ => e.to_string(),
    };
    error(line, None, message)
}

pub(crate) fn header(rows: &mut csv::Reader<&[u8]>) -> Result<Vec<String>, ReadError> {
    let header: Vec<String> = rows
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(str::to_string)
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(error(1, None, "the file is empty: a header row is needed"));
    }
    Ok(header)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        names
            .iter()
            .any(|n| unguarded(h).eq_ignore_ascii_case(unguarded(n)))
    })
}

/// A cell as it was before a spreadsheet-safe writer put an apostrophe in front of what a
/// spreadsheet would take for a formula ("'+65" was "+65"). Square Mile writes its people
/// and categories files that way, so features and values are matched without it and its
/// files read back as they were.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

pub(crate) fn line_of(record: &csv::StringRecord) -> usize {
    record.position().map_or(0, |p| p.line() as usize)
}

fn count(text: &str, line: usize, name: &str) -> Result<u32, ReadError> {
    text.parse::<u32>().map_err(|_| {
        error(
            line,
            Some(name),
            format!("{text:?} is not a whole number of people"),
        )
    })
}

/// Reads a categories file: columns `feature`, `value`, `min`, `max` (also accepted:
/// `category` for feature, `name` for value), one row per value of a feature.
pub fn read_categories(text: &str) -> Result<Vec<Feature>, ReadError> {
    let mut rows = reader(text);
    let header = header(&mut rows)?;
    let find = |names: &[&str], label: &str| {
        column(&header, names).ok_or_else(|| {
            error(
                1,
                None,
                format!("the header has no {label} column (feature,value,min,max)"),
            )
        })
    };
    let feature_at = find(&["feature", "category"], "feature")?;
    let value_at = find(&["value", "name"], "value")?;
    let min_at = find(&["min"], "min")?;
    let max_at = find(&["max"], "max")?;
    let mut features: Vec<Feature> = Vec::new();
    let mut seen = HashSet::new();
    for record in rows.records() {
        let record = record.map_err(csv_error)?;
        let line = line_of(&record);
        let field = |at: usize| record.get(at).unwrap_or("").to_string();
        let name = |at: usize| unguarded(record.get(at).unwrap_or("")).to_string();
        let (feature, value) = (name(feature_at), name(value_at));
        if feature.is_empty() {
            return Err(error(
                line,
                Some(&header[feature_at]),
                "the feature is empty",
            ));
        }
        if value.is_empty() {
            return Err(error(line, Some(&header[value_at]), "the value is empty"));
        }
        let min = count(&field(min_at), line, &header[min_at])?;
        let max = count(&field(max_at), line, &header[max_at])?;
        if min > max {
            return Err(error(
                line,
                Some(&header[min_at]),
                format!("the minimum {min} is larger than the maximum {max}"),
            ));
        }
        if !seen.insert((feature.to_lowercase(), value.to_lowercase())) {
            return Err(error(
                line,
                Some(&header[value_at]),
                format!("{feature} = {value} is given twice"),
            ));
        }
        let quota = Quota { value, min, max };
        match features
            .iter_mut()
            .find(|f| f.name.eq_ignore_ascii_case(&feature))
        {
            Some(f) => f.quotas.push(quota),
            None => features.push(Feature {
                name: feature,
                quotas: vec![quota],
            }),
        }
    }
    if features.is_empty() {
        return Err(error(
            2,
            None,
            "no categories: give at least one feature with its values",
        ));
    }
    Ok(features)
}

/// Reads a people file against the features of a categories file. Every feature must be a
/// column and every person's value one of its values. The household key is the given
/// columns joined (case and spacing ignored), or the `household` column if there is one and
/// none are given; a person whose key is empty shares a household with nobody.
pub fn read_people(
    text: &str,
    features: &[Feature],
    household_columns: &[String],
) -> Result<Pool, ReadError> {
    let mut rows = reader(text);
    let header = header(&mut rows)?;
    let id_at = column(&header, &["id", "person_id", "primary_id"])
        .ok_or_else(|| error(1, None, "the header has no id column"))?;
    let feature_at: Vec<usize> = features
        .iter()
        .map(|f| {
            column(&header, &[&f.name]).ok_or_else(|| {
                error(
                    1,
                    None,
                    format!("the header has no column for the feature {:?}", f.name),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    let household_at = household_columns_of(&header, household_columns)?;
    let lookup: Vec<HashMap<String, usize>> = features
        .iter()
        .map(|f| {
            f.quotas
                .iter()
                .enumerate()
                .map(|(i, q)| (q.value.to_lowercase(), i))
                .collect()
        })
        .collect();
    let mut people = Vec::new();
    let mut ids = HashMap::new();
    for record in rows.records() {
        let record = record.map_err(csv_error)?;
        let line = line_of(&record);
        let id = record.get(id_at).unwrap_or("").to_string();
        if id.is_empty() {
            return Err(error(line, Some(&header[id_at]), "the id is empty"));
        }
        if let Some(first) = ids.insert(id.clone(), line) {
            return Err(error(
                line,
                Some(&header[id_at]),
                format!("the id {id:?} was already used on line {first}"),
            ));
        }
        let values = feature_at
            .iter()
            .zip(features)
            .zip(&lookup)
            .map(|((&at, feature), lookup)| {
                let value = record.get(at).unwrap_or("");
                lookup
                    .get(&unguarded(value).to_lowercase())
                    .copied()
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            feature.quotas.iter().map(|q| q.value.as_str()).collect();
                        error(
                            line,
                            Some(&header[at]),
                            format!(
                                "{value:?} is not a value of {} in the categories ({})",
                                feature.name,
                                known.join(", ")
                            ),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let household = household_key(&record, &household_at);
        people.push(Person {
            id,
            values,
            household,
            row: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(Pool {
        features: features.to_vec(),
        columns: header,
        people,
    })
}

fn household_columns_of(header: &[String], asked: &[String]) -> Result<Vec<usize>, ReadError> {
    if asked.is_empty() {
        return Ok(column(header, &["household"]).into_iter().collect());
    }
    asked
        .iter()
        .map(|name| {
            column(header, &[name]).ok_or_else(|| {
                error(
                    1,
                    None,
                    format!("the header has no household column {name:?}"),
                )
            })
        })
        .collect()
}

fn household_key(record: &csv::StringRecord, columns: &[usize]) -> Option<String> {
    let parts: Vec<String> = columns
        .iter()
        .map(|&at| {
            record
                .get(at)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect();
    if parts.iter().all(String::is_empty) {
        None
    } else {
        Some(parts.join("|"))
    }
}

fn write_rows(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        out.write_record(&row).expect("writing CSV to memory");
    }
    String::from_utf8(out.into_inner().expect("writing CSV to memory"))
        .expect("UTF-8 in, UTF-8 out")
}

/// Writes a categories file that [`read_categories`] reads back to the same features.
pub fn write_categories(features: &[Feature]) -> String {
    let header = ["feature", "value", "min", "max"]
        .map(str::to_string)
        .to_vec();
    let rows = features.iter().flat_map(|f| {
        f.quotas.iter().map(|q| {
            vec![
                f.name.clone(),
                q.value.clone(),
                q.min.to_string(),
                q.max.to_string(),
            ]
        })
    });
    write_rows(std::iter::once(header).chain(rows))
}

/// Writes the people at the given pool indices (all of them for `None`) with every column
/// they were read with, so a selected panel can go back into a spreadsheet.
pub fn write_people(pool: &Pool, which: Option<&[usize]>) -> String {
    let all: Vec<usize> = (0..pool.people.len()).collect();
    let which = which.unwrap_or(&all);
    let rows = which.iter().map(|&i| pool.people[i].row.clone());
    write_rows(std::iter::once(pool.columns.clone()).chain(rows))
}
