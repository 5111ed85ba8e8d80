//! Distances, boxes and containment between boundaries.

use geo::{Area, BooleanOps, BoundingRect, Coord, Intersects, MultiPolygon};

use crate::Fault;

/// A longitude/latitude box, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl Bounds {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat) && (self.min_lon..=self.max_lon).contains(&lon)
    }
}

/// The box around a shape, or None for an empty one.
pub fn bounds(shape: &MultiPolygon<f64>) -> Option<Bounds> {
    shape.bounding_rect().map(|r| Bounds {
        min_lon: r.min().x,
        min_lat: r.min().y,
        max_lon: r.max().x,
        max_lat: r.max().y,
    })
}

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres (haversine; good to a fraction of a percent for a city).
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// A box holding every point within `metres` of a point: a cheap first cut before
/// [`distance_m`] (what an index on latitude and longitude can answer).
pub fn box_around(lat: f64, lon: f64, metres: f64) -> Bounds {
    let dlat = (metres / EARTH_RADIUS_M).to_degrees();
    // Near the poles a degree of longitude shrinks to nothing: take the whole circle.
    let cos = lat.to_radians().cos();
    let dlon = if cos < 0.01 {
        180.0
    } else {
        (dlat / cos).min(180.0)
    };
    Bounds {
        min_lon: (lon - dlon).max(-180.0),
        min_lat: (lat - dlat).max(-90.0),
        max_lon: (lon + dlon).min(180.0),
        max_lat: (lat + dlat).min(90.0),
    }
}

/// The share (0..=1) of `child`'s area lying outside `parent`.
pub fn outside_share(child: &MultiPolygon<f64>, parent: &MultiPolygon<f64>) -> f64 {
    let whole = child.unsigned_area();
    if whole == 0.0 {
        return 0.0;
    }
    (child.difference(parent).unsigned_area() / whole).clamp(0.0, 1.0)
}

/// Refuses a child that reaches outside its parent by more than `tolerance` (a share of
/// its area): boundaries drawn by hand, or simplified differently, rarely match exactly.
pub fn within_parent(
    child: &MultiPolygon<f64>,
    parent: &MultiPolygon<f64>,
    tolerance: f64,
) -> Result<(), Fault> {
    let share = outside_share(child, parent);
    if share > tolerance {
        Err(Fault::OutsideParent {
            // Rounded up, but not for the last bits of floating-point noise.
            percent: (share * 100.0 - 1e-6).ceil() as u32,
        })
    } else {
        Ok(())
    }
}

/// Whether the shape holds the point (a point on its edge counts).
pub fn contains(shape: &MultiPolygon<f64>, lat: f64, lon: f64) -> bool {
    shape.intersects(&Coord { x: lon, y: lat })
}
