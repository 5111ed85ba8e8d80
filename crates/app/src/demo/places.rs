//! Made-up boundaries for Millbrook (a city split by the wandering River Mill into two
//! districts of three neighbourhoods each), and a place inside its area for every demo
//! report, shared space, group, resource, event and budget project that has none.

use anyhow::Context;
use places::{AreaIndex, LineString, MultiPolygon, Polygon};

use crate::areas::points::{self, PointKind};
use crate::areas::store::{self as areas, NewBoundary};
use crate::db::Db;

const WEST: f64 = -2.100;
const EAST: f64 = -2.020;
const SOUTH: f64 = 53.460;
const NORTH: f64 = 53.500;

/// (slug, west, east, north of the river?)
const NEIGHBOURHOODS: &[(&str, f64, f64, bool)] = &[
    ("canal-quarter", WEST, -2.074, true),
    ("hollins-green", -2.074, -2.047, true),
    ("st-annes", -2.047, EAST, true),
    ("weavers-row", WEST, -2.068, false),
    ("old-market", -2.068, -2.043, false),
    ("brook-fields", -2.043, EAST, false),
];

/// The river's latitude at a longitude: a gentle meander through the middle of the city.
fn river(lon: f64) -> f64 {
    let t = (lon - WEST) / (EAST - WEST);
    53.480 + 0.0025 * (t * std::f64::consts::TAU * 1.5).sin()
}

/// The land between `west` and `east`, on one side of the river, as one polygon whose
/// river edge follows the meander (so neighbours and districts share it exactly).
fn strip(west: f64, east: f64, north_of_river: bool) -> MultiPolygon<f64> {
    const STEPS: usize = 12;
    let along: Vec<(f64, f64)> = (0..=STEPS)
        .map(|i| {
            let lon = west + (east - west) * i as f64 / STEPS as f64;
            (lon, river(lon))
        })
        .collect();
    let mut ring: Vec<(f64, f64)> = along.clone();
    if north_of_river {
        ring.push((east, NORTH));
        ring.push((west, NORTH));
    } else {
        ring.push((east, SOUTH));
        ring.push((west, SOUTH));
    }
    ring.push(along[0]);
    // Counter-clockwise for the outer ring, as RFC 7946 asks.
    if !north_of_river {
        ring.reverse();
    }
    MultiPolygon::new(vec![Polygon::new(LineString::from(ring), vec![])])
}

fn shapes() -> Vec<(&'static str, MultiPolygon<f64>)> {
    let mut all = vec![
        ("millbrook", strip_box()),
        ("north-millbrook", strip(WEST, EAST, true)),
        ("riverside", strip(WEST, EAST, false)),
    ];
    for &(slug, west, east, north) in NEIGHBOURHOODS {
        all.push((slug, strip(west, east, north)));
    }
    all
}

fn strip_box() -> MultiPolygon<f64> {
    let ring = vec![
        (WEST, SOUTH),
        (EAST, SOUTH),
        (EAST, NORTH),
        (WEST, NORTH),
        (WEST, SOUTH),
    ];
    MultiPolygon::new(vec![Polygon::new(LineString::from(ring), vec![])])
}

pub async fn load(db: &Db) -> anyhow::Result<()> {
    let mut missing = Vec::new();
    let mut index_items = Vec::new();
    for (slug, shape) in shapes() {
        let area = areas::find_by_slug(db, slug)
            .await?
            .with_context(|| format!("demo area {slug}"))?;
        if areas::boundary_text(db, &area.id).await?.is_none() {
            missing.push(NewBoundary {
                area_id: area.id.clone(),
                geojson: places::geometry_json(&shape).to_string(),
                bounds: places::bounds(&shape).context("an empty demo boundary")?,
            });
        }
        index_items.push((area.id, area.parent_id, shape));
    }
    areas::save_boundaries(db, &missing, None).await?;
    let index = AreaIndex::build(index_items);
    for kind in [
        PointKind::Reports,
        PointKind::Assets,
        PointKind::Events,
        PointKind::Projects,
        PointKind::Providers,
    ] {
        for (row_id, area_id) in points::unplaced(db, kind).await? {
            if let Some(point) = point_in(&index, &area_id, &row_id) {
                points::set_location(db, kind, &row_id, Some(point)).await?;
            }
        }
    }
    Ok(())
}

/// A point inside the area, the same every time for the same item: candidates drawn from the
/// item's id until one falls inside (a few tries at most; the areas are near-rectangles).
fn point_in(index: &AreaIndex, area_id: &str, seed: &str) -> Option<(f64, f64)> {
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    point_drawn(index, area_id, next)
}

/// A point inside the area, from candidates drawn with `next` (numbers in [0, 1)) until one
/// falls inside; None if the area has no boundary or 64 candidates all missed.
pub(super) fn point_drawn(
    index: &AreaIndex,
    area_id: &str,
    mut next: impl FnMut() -> f64,
) -> Option<(f64, f64)> {
    let shape = index.shape(area_id)?;
    let b = places::bounds(shape)?;
    (0..64).find_map(|_| {
        // Keep a margin from the edges, so a point never sits on a boundary line.
        let lat = b.min_lat + (b.max_lat - b.min_lat) * (0.1 + 0.8 * next());
        let lon = b.min_lon + (b.max_lon - b.min_lon) * (0.1 + 0.8 * next());
        let round = |x: f64| (x * 1e5).round() / 1e5;
        let (lat, lon) = (round(lat), round(lon));
        index.at(lat, lon).contains(&area_id).then_some((lat, lon))
    })
}
