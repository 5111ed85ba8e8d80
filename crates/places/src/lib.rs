//! Area boundaries for Square Mile: GeoJSON read and written, boundaries checked the way an
//! admin needs to hear about faults (which feature, what is wrong), and an in-memory index
//! that answers "which areas contain this point?", innermost first.
//!
//! No web or database code: the app stores the GeoJSON text and builds an [`AreaIndex`].

mod geojson;
mod index;
mod measure;

pub use geo::{Coord, LineString, MultiPolygon, Polygon, Rect};
pub use geojson::{
    Feature, ParseError, feature_json, geometry_json, parse, parse_geometry, shape_from_geometry,
};
pub use index::AreaIndex;
pub use measure::{Bounds, bounds, box_around, contains, distance_m, outside_share, within_parent};

/// Something wrong with one feature's geometry, in words the app translates.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Fault {
    #[error("it has no geometry")]
    MissingGeometry,
    #[error("its geometry is a {0}, not a Polygon or MultiPolygon")]
    UnsupportedGeometry(String),
    #[error("its coordinates are not in the GeoJSON shape (arrays of [longitude, latitude])")]
    Malformed,
    #[error("a coordinate is not a number")]
    NotANumber,
    #[error("ring {ring} of polygon {polygon} has fewer than four positions")]
    TooFewPoints { polygon: usize, ring: usize },
    #[error("ring {ring} of polygon {polygon} is not closed (its last position is not its first)")]
    RingNotClosed { polygon: usize, ring: usize },
    #[error("longitude {lon}, latitude {lat} is out of range")]
    OutOfRange { lon: f64, lat: f64 },
    #[error("coordinates such as {lon}, {lat} look projected (metres), not WGS84 degrees")]
    LooksProjected { lon: f64, lat: f64 },
    #[error("polygon {polygon} crosses itself")]
    SelfIntersecting { polygon: usize },
    #[error("the rings of polygon {polygon} cross or a hole lies outside it")]
    RingsCross { polygon: usize },
    #[error("its polygons overlap")]
    PolygonsOverlap,
    #[error("{percent}% of it lies outside its parent area")]
    OutsideParent { percent: u32 },
}
