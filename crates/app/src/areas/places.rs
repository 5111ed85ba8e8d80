//! Where areas are: their boundaries, the in-memory index that says which areas hold a point
//! (rebuilt whenever a boundary or an area changes), and uploads of GeoJSON boundaries.
//!
//! The rest of the app asks here: [`areas_at`], [`boundary`], [`children_boundaries`].

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use anyhow::Context;
use places::{AreaIndex, MultiPolygon};

use super::store::{self, Area, AreaKind, NewBoundary};
use crate::db::Db;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::forms::FormErrors;

/// How far (a share of its area) a child's boundary may reach outside its parent's: drawn
/// or simplified separately, shared edges rarely match exactly.
pub const OUTSIDE_TOLERANCE: f64 = 0.02;

/// An area holding a point.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AreaAt {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub kind: AreaKind,
}

struct Snapshot {
    index: AreaIndex,
    areas: HashMap<String, AreaAt>,
    /// `store::places_version` when it was built.
    version: [i64; 4],
}

/// The point index, shared by every request; replaced whole when boundaries change.
#[derive(Clone)]
pub struct Places {
    current: Arc<RwLock<Arc<Snapshot>>>,
}

impl Places {
    /// Reads every boundary and builds the index.
    pub async fn load(db: &Db) -> anyhow::Result<Places> {
        Ok(Places {
            current: Arc::new(RwLock::new(Arc::new(snapshot(db).await?))),
        })
    }

    /// Builds the index again from the database (after an upload, or an area renamed).
    pub async fn reload(&self, db: &Db) -> anyhow::Result<()> {
        let fresh = Arc::new(snapshot(db).await?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    /// Builds the index again if the boundaries or areas changed since it was built, as when
    /// another process on the same database saved them; whether it did.
    pub async fn refresh_if_changed(&self, db: &Db) -> anyhow::Result<bool> {
        if store::places_version(db).await? == self.snapshot().version {
            return Ok(false);
        }
        self.reload(db).await?;
        Ok(true)
    }

    /// Runs until the process stops: every [`REFRESH_EVERY`], takes in what other processes
    /// changed (this one reloads at once when it saves).
    pub async fn keep_fresh(self, db: Db) {
        let mut tick = tokio::time::interval(REFRESH_EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = self.refresh_if_changed(&db).await {
                tracing::warn!(error = ?e, "refreshing the point index");
            }
        }
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many areas have a boundary.
    pub fn len(&self) -> usize {
        self.snapshot().index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How often a process looks for boundaries and areas changed by another.
pub const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

async fn snapshot(db: &Db) -> anyhow::Result<Snapshot> {
    // Read first: a change made while the index is built is then seen on the next look.
    let version = store::places_version(db).await?;
    let stored = store::all_boundaries(db).await?;
    let mut items = Vec::with_capacity(stored.len());
    for b in stored {
        let shape = places::parse_geometry(&b.geojson)
            .with_context(|| format!("the stored boundary of area {}", b.area_id))?;
        items.push((b.area_id, b.parent_id, shape));
    }
    let areas = store::all(db)
        .await?
        .into_iter()
        .map(|a| {
            let at = AreaAt {
                id: a.id.clone(),
                slug: a.slug,
                name: a.name,
                kind: a.kind,
            };
            (a.id, at)
        })
        .collect();
    Ok(Snapshot {
        index: AreaIndex::build(items),
        areas,
        version,
    })
}

/// The areas whose boundary holds the point, innermost (the neighbourhood) first.
pub fn areas_at(state: &AppState, lat: f64, lon: f64) -> Vec<AreaAt> {
    let snapshot = state.places.snapshot();
    snapshot
        .index
        .at(lat, lon)
        .into_iter()
        .filter_map(|id| snapshot.areas.get(id).cloned())
        .collect()
}

/// An area's boundary, if it has one.
pub async fn boundary(db: &Db, area_id: &str) -> anyhow::Result<Option<MultiPolygon<f64>>> {
    store::boundary_text(db, area_id)
        .await?
        .map(|text| read_stored(&text, area_id))
        .transpose()
}

/// The boundaries of an area's direct sub-areas that have one, by name.
pub async fn children_boundaries(
    db: &Db,
    area_id: &str,
) -> anyhow::Result<Vec<(Area, MultiPolygon<f64>)>> {
    store::children_boundary_texts(db, area_id)
        .await?
        .into_iter()
        .map(|(area, text)| {
            let shape = read_stored(&text, &area.id)?;
            Ok((area, shape))
        })
        .collect()
}

fn read_stored(text: &str, area_id: &str) -> anyhow::Result<MultiPolygon<f64>> {
    places::parse_geometry(text).with_context(|| format!("the stored boundary of area {area_id}"))
}

/// A latitude and longitude typed in a form: both empty is no place; otherwise both must
/// be numbers in range, and a fault is put on the field it concerns.
pub fn read_location(
    errors: &mut FormErrors,
    lang: &Lang,
    latitude: &str,
    longitude: &str,
) -> Option<(f64, f64)> {
    let lat = read_degrees(errors, lang, "latitude", latitude, 90.0);
    let lon = read_degrees(errors, lang, "longitude", longitude, 180.0);
    match (lat, lon) {
        (Some(Some(lat)), Some(Some(lon))) => Some((lat, lon)),
        (Some(None), Some(None)) => None,
        (Some(None), Some(Some(_))) => {
            errors.add(lang, "latitude", "field-location-pair");
            None
        }
        (Some(Some(_)), Some(None)) => {
            errors.add(lang, "longitude", "field-location-pair");
            None
        }
        _ => None,
    }
}

/// `Some(None)` when empty, `Some(Some(v))` when a number within `range`, `None` (with the
/// fault recorded) otherwise.
fn read_degrees(
    errors: &mut FormErrors,
    lang: &Lang,
    field: &'static str,
    value: &str,
    range: f64,
) -> Option<Option<f64>> {
    let value = value.trim();
    if value.is_empty() {
        return Some(None);
    }
    match value.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= range => Some(Some(v)),
        Ok(v) if v.is_finite() => {
            errors.add(lang, field, &format!("field-{field}-out-of-range"));
            None
        }
        _ => {
            errors.add(lang, field, "field-location-not-number");
            None
        }
    }
}

// ------------------------------------------------------------------ uploads

/// Why an upload was refused, in the admin's language: the feature and the fault.
pub fn upload_error_message(lang: &Lang, error: &UploadError) -> String {
    match error {
        UploadError::Parse(places::ParseError::NotJson(detail)) => {
            lang.t1("boundary-error-not-json", "detail", detail)
        }
        UploadError::Parse(places::ParseError::NotGeoJson) => lang.t("boundary-error-not-geojson"),
        UploadError::Parse(places::ParseError::Empty) => lang.t("boundary-error-empty"),
        UploadError::Parse(places::ParseError::ProjectedCrs(crs)) => {
            lang.t1("boundary-error-projected-crs", "crs", crs)
        }
        UploadError::Parse(places::ParseError::Feature { feature, fault }) => {
            fault_message(lang, feature, fault, "")
        }
        UploadError::NoMatch { feature } => lang.t1("boundary-error-no-match", "feature", feature),
        UploadError::Twice { feature, area } => lang.t_args(
            "boundary-error-twice",
            &[("feature", feature), ("area", area)],
        ),
        UploadError::Outside {
            feature,
            parent,
            fault,
        } => fault_message(lang, feature, fault, parent),
    }
}

fn fault_message(lang: &Lang, feature: &str, fault: &places::Fault, parent: &str) -> String {
    use places::Fault;
    let ring = |key: &str, polygon: usize, ring: usize| {
        lang.t_args(
            key,
            &[
                ("feature", feature),
                ("polygon", &polygon.to_string()),
                ("ring", &ring.to_string()),
            ],
        )
    };
    let point = |key: &str, lon: f64, lat: f64| {
        lang.t_args(
            key,
            &[
                ("feature", feature),
                ("lon", &lon.to_string()),
                ("lat", &lat.to_string()),
            ],
        )
    };
    match fault {
        Fault::MissingGeometry => lang.t1("boundary-fault-no-geometry", "feature", feature),
        Fault::UnsupportedGeometry(kind) => lang.t_args(
            "boundary-fault-unsupported",
            &[("feature", feature), ("kind", kind)],
        ),
        Fault::Malformed => lang.t1("boundary-fault-malformed", "feature", feature),
        Fault::NotANumber => lang.t1("boundary-fault-not-a-number", "feature", feature),
        Fault::TooFewPoints { polygon, ring: r } => ring("boundary-fault-too-few", *polygon, *r),
        Fault::RingNotClosed { polygon, ring: r } => {
            ring("boundary-fault-not-closed", *polygon, *r)
        }
        Fault::OutOfRange { lon, lat } => point("boundary-fault-out-of-range", *lon, *lat),
        Fault::LooksProjected { lon, lat } => point("boundary-fault-projected", *lon, *lat),
        Fault::SelfIntersecting { polygon } => lang.t_args(
            "boundary-fault-self-intersecting",
            &[("feature", feature), ("polygon", &polygon.to_string())],
        ),
        Fault::RingsCross { polygon } => lang.t_args(
            "boundary-fault-rings-cross",
            &[("feature", feature), ("polygon", &polygon.to_string())],
        ),
        Fault::PolygonsOverlap => lang.t1("boundary-fault-overlap", "feature", feature),
        Fault::OutsideParent { percent } => lang.t_args(
            "boundary-fault-outside-parent",
            &[
                ("feature", feature),
                ("parent", parent),
                ("percent", &percent.to_string()),
            ],
        ),
    }
}

#[derive(Debug)]
pub enum UploadError {
    Parse(places::ParseError),
    NoMatch {
        feature: String,
    },
    Twice {
        feature: String,
        area: String,
    },
    Outside {
        feature: String,
        parent: String,
        fault: places::Fault,
    },
}

/// Reads an upload for `area` and decides which area each feature sets: one feature with
/// nothing naming another area sets `area`; otherwise each feature is matched, by its
/// `match_by` property (or name, code, slug), to `area` or an area inside it by slug or
/// name. Every boundary is checked against its parent's (the new one when the upload sets
/// it too), and the children's against their new parent, before anything is saved.
pub async fn plan_upload(
    db: &Db,
    area: &Area,
    text: &str,
    match_by: &str,
) -> anyhow::Result<Result<Vec<NewBoundary>, UploadError>> {
    let features = match places::parse(text) {
        Ok(features) => features,
        Err(e) => return Ok(Err(UploadError::Parse(e))),
    };
    let candidates = store::with_descendants(db, &area.id).await?;
    let assigned = match assign(area, &candidates, features, match_by) {
        Ok(assigned) => assigned,
        Err(e) => return Ok(Err(e)),
    };
    if let Err(e) = check_nesting(db, &assigned).await? {
        return Ok(Err(e));
    }
    Ok(Ok(assigned
        .into_iter()
        .filter_map(|(target, _, shape)| {
            let bounds = places::bounds(&shape)?;
            Some(NewBoundary {
                area_id: target.id.clone(),
                geojson: places::geometry_json(&shape).to_string(),
                bounds,
            })
        })
        .collect()))
}

type Assigned<'a> = Vec<(&'a Area, String, MultiPolygon<f64>)>;

fn feature_label(feature: &places::Feature) -> String {
    ["name", "code", "slug", "id"]
        .iter()
        .find_map(|k| feature.property(k))
        .unwrap_or_else(|| format!("#{}", feature.number))
}

fn assign<'a>(
    area: &'a Area,
    candidates: &'a [Area],
    features: Vec<places::Feature>,
    match_by: &str,
) -> Result<Assigned<'a>, UploadError> {
    let keys: Vec<&str> = if match_by.trim().is_empty() {
        vec!["slug", "code", "name"]
    } else {
        vec![match_by.trim()]
    };
    let matching = |feature: &places::Feature| -> Option<&'a Area> {
        keys.iter()
            .filter_map(|k| feature.property(k))
            .find_map(|value| {
                let value = value.to_lowercase();
                candidates
                    .iter()
                    .find(|a| a.slug == value || a.name.to_lowercase() == value)
            })
    };
    let single = features.len() == 1;
    let mut assigned: Assigned<'a> = Vec::new();
    for feature in features {
        let label = feature_label(&feature);
        let target = match matching(&feature) {
            Some(target) => target,
            None if single => area,
            None => return Err(UploadError::NoMatch { feature: label }),
        };
        if assigned.iter().any(|(a, _, _)| a.id == target.id) {
            return Err(UploadError::Twice {
                feature: label,
                area: target.name.clone(),
            });
        }
        assigned.push((target, label, feature.shape));
    }
    Ok(assigned)
}

async fn check_nesting(
    db: &Db,
    assigned: &Assigned<'_>,
) -> anyhow::Result<Result<(), UploadError>> {
    let new_shape = |id: &str| {
        assigned
            .iter()
            .find(|(a, _, _)| a.id == id)
            .map(|(_, _, s)| s)
    };
    for (target, label, shape) in assigned {
        // Within its parent: the parent's new boundary, else its stored one.
        if let Some(parent_id) = &target.parent_id {
            let stored;
            let parent_shape = match new_shape(parent_id) {
                Some(shape) => Some(shape),
                None => {
                    stored = boundary(db, parent_id).await?;
                    stored.as_ref()
                }
            };
            if let Some(parent_shape) = parent_shape
                && let Err(fault) = places::within_parent(shape, parent_shape, OUTSIDE_TOLERANCE)
            {
                let parent = store::find(db, parent_id).await?.map(|p| p.name);
                return Ok(Err(UploadError::Outside {
                    feature: label.clone(),
                    parent: parent.unwrap_or_default(),
                    fault,
                }));
            }
        }
        // Its children's stored boundaries within the new one (unless they change too).
        for (child, child_shape) in children_boundaries(db, &target.id).await? {
            if new_shape(&child.id).is_some() {
                continue;
            }
            if let Err(fault) = places::within_parent(&child_shape, shape, OUTSIDE_TOLERANCE) {
                return Ok(Err(UploadError::Outside {
                    feature: child.name.clone(),
                    parent: label.clone(),
                    fault,
                }));
            }
        }
    }
    Ok(Ok(()))
}
