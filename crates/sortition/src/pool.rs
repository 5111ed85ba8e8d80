//! The volunteers and the quotas they are selected against.

/// A feature (age band, gender, area...) and the quota for each of its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub name: String,
    pub quotas: Vec<Quota>,
}

/// How many panel members must (min) and may (max) have one value of a feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Quota {
    pub value: String,
    pub min: u32,
    pub max: u32,
}

/// One volunteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: String,
    /// For each feature of the pool, the index of this person's value in its quotas.
    pub values: Vec<usize>,
    /// People with the same key share a household (an address); normalised on reading.
    pub household: Option<String>,
    /// The person's row as read (every column, in the file's order), so it can be written
    /// back out with the selection.
    pub row: Vec<String>,
}

/// The volunteers and the features with their quotas.
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    pub features: Vec<Feature>,
    /// The people file's header, in order.
    pub columns: Vec<String>,
    pub people: Vec<Person>,
}

impl Pool {
    /// Builds a pool from people already given value indices (used by generators and tests).
    pub fn new(features: Vec<Feature>, people: Vec<Person>) -> Pool {
        let mut columns = vec!["id".to_string()];
        columns.extend(features.iter().map(|f| f.name.clone()));
        Pool {
            features,
            columns,
            people,
        }
    }

    /// How many volunteers have each value of each feature.
    pub fn counts(&self) -> Vec<Vec<u32>> {
        let mut counts: Vec<Vec<u32>> = self
            .features
            .iter()
            .map(|f| vec![0; f.quotas.len()])
            .collect();
        for person in &self.people {
            for (f, &v) in person.values.iter().enumerate() {
                counts[f][v] += 1;
            }
        }
        counts
    }
}

impl Person {
    /// A person with the given value indices, their row made from the pool's features.
    pub fn new(id: impl Into<String>, values: Vec<usize>, features: &[Feature]) -> Person {
        let id = id.into();
        let mut row = vec![id.clone()];
        row.extend(
            values
                .iter()
                .zip(features)
                .map(|(&v, f)| f.quotas[v].value.clone()),
        );
        Person {
            id,
            values,
            household: None,
            row,
        }
    }
}
