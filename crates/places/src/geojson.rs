//! GeoJSON (RFC 7946) in and out: Polygon and MultiPolygon geometries, alone, in a Feature
//! or in a FeatureCollection. Read with serde_json rather than into geo types directly, so
//! a ring that is not closed is seen (geo closes rings silently).

use geo::{Coord, LineString, MultiPolygon, Polygon, Validation};
use serde_json::{Map, Value, json};

use crate::Fault;

/// One boundary read from a file.
#[derive(Clone, Debug)]
pub struct Feature {
    /// 1-based position in the file (what an admin counts).
    pub number: usize,
    pub properties: Map<String, Value>,
    pub shape: MultiPolygon<f64>,
}

impl Feature {
    /// A property as text (strings as they are, numbers written out), if present.
    pub fn property(&self, key: &str) -> Option<String> {
        property_text(&self.properties, key)
    }
}

fn property_text(properties: &Map<String, Value>, key: &str) -> Option<String> {
    properties
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
}

/// How a file failed to read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not GeoJSON: no \"type\" of Feature, FeatureCollection, Polygon or MultiPolygon")]
    NotGeoJson,
    #[error(
        "the file declares the coordinate system {0}; boundaries must be WGS84 longitude/latitude"
    )]
    ProjectedCrs(String),
    #[error("the file has no features")]
    Empty,
    /// `feature` names it: its name or code property, else "feature N".
    #[error("{feature}: {fault}")]
    Feature { feature: String, fault: Fault },
}

/// Names a feature the way the admin will recognise it.
fn label(number: usize, properties: &Map<String, Value>) -> String {
    ["name", "code", "slug", "id"]
        .iter()
        .find_map(|k| property_text(properties, k))
        .unwrap_or_else(|| format!("#{number}"))
}

/// Reads a GeoJSON text into its features (a bare geometry is one feature with no properties).
pub fn parse(text: &str) -> Result<Vec<Feature>, ParseError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ParseError::NotJson(e.to_string()))?;
    check_crs(&value)?;
    let features = match value.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => value
            .get("features")
            .and_then(Value::as_array)
            .ok_or(ParseError::NotGeoJson)?
            .iter()
            .enumerate()
            .map(|(i, f)| read_feature(i + 1, f))
            .collect::<Result<Vec<_>, _>>()?,
        Some("Feature") => vec![read_feature(1, &value)?],
        Some("Polygon" | "MultiPolygon") => vec![Feature {
            number: 1,
            properties: Map::new(),
            shape: shape_from_geometry(&value).map_err(|fault| ParseError::Feature {
                feature: "#1".into(),
                fault,
            })?,
        }],
        Some(other) if is_geometry_type(other) => {
            return Err(ParseError::Feature {
                feature: "#1".into(),
                fault: Fault::UnsupportedGeometry(other.into()),
            });
        }
        _ => return Err(ParseError::NotGeoJson),
    };
    if features.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(features)
}

/// Reads one stored geometry (what [`geometry_json`] wrote).
pub fn parse_geometry(text: &str) -> Result<MultiPolygon<f64>, Fault> {
    let value: Value = serde_json::from_str(text).map_err(|_| Fault::Malformed)?;
    shape_from_geometry(&value)
}

fn is_geometry_type(t: &str) -> bool {
    matches!(
        t,
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "GeometryCollection"
    )
}

/// The old (2008) GeoJSON `crs` member: anything but WGS84 longitude/latitude is refused.
fn check_crs(value: &Value) -> Result<(), ParseError> {
    let Some(name) = value
        .get("crs")
        .and_then(|c| c.get("properties"))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
    else {
        return Ok(());
    };
    let wgs84 = ["CRS84", "EPSG::4326", "EPSG:4326", "CRS:84"];
    if wgs84.iter().any(|w| name.to_ascii_uppercase().ends_with(w)) {
        Ok(())
    } else {
        Err(ParseError::ProjectedCrs(name.to_string()))
    }
}

fn read_feature(number: usize, value: &Value) -> Result<Feature, ParseError> {
    let properties = value
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let shape = match value.get("geometry") {
        None | Some(Value::Null) => Err(Fault::MissingGeometry),
        Some(geometry) => shape_from_geometry(geometry),
    }
    .map_err(|fault| ParseError::Feature {
        feature: label(number, &properties),
        fault,
    })?;
    Ok(Feature {
        number,
        properties,
        shape,
    })
}

/// A Polygon or MultiPolygon geometry object, checked (closed rings, ranges, no crossings).
pub fn shape_from_geometry(geometry: &Value) -> Result<MultiPolygon<f64>, Fault> {
    let coordinates = geometry.get("coordinates").ok_or(Fault::Malformed)?;
    let polygons = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => vec![read_polygon(1, coordinates)?],
        Some("MultiPolygon") => coordinates
            .as_array()
            .ok_or(Fault::Malformed)?
            .iter()
            .enumerate()
            .map(|(i, p)| read_polygon(i + 1, p))
            .collect::<Result<Vec<_>, _>>()?,
        Some(other) => return Err(Fault::UnsupportedGeometry(other.to_string())),
        None => return Err(Fault::Malformed),
    };
    if polygons.is_empty() {
        return Err(Fault::Malformed);
    }
    for (i, polygon) in polygons.iter().enumerate() {
        check_polygon(i + 1, polygon)?;
    }
    let shape = MultiPolygon::new(polygons);
    if !shape.is_valid() {
        return Err(Fault::PolygonsOverlap);
    }
    Ok(shape)
}

fn check_polygon(number: usize, polygon: &Polygon<f64>) -> Result<(), Fault> {
    use geo::algorithm::validation::InvalidPolygon;
    let mut problem = None;
    polygon
        .visit_validation(Box::new(|p| {
            problem.get_or_insert(p);
            Err(())
        }))
        .ok();
    match problem {
        None => Ok(()),
        Some(InvalidPolygon::SelfIntersection(_)) => {
            Err(Fault::SelfIntersecting { polygon: number })
        }
        Some(_) => Err(Fault::RingsCross { polygon: number }),
    }
}

fn read_polygon(number: usize, value: &Value) -> Result<Polygon<f64>, Fault> {
    let rings = value.as_array().ok_or(Fault::Malformed)?;
    let mut rings = rings
        .iter()
        .enumerate()
        .map(|(i, r)| read_ring(number, i + 1, r));
    let exterior = rings.next().ok_or(Fault::Malformed)??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

fn read_ring(polygon: usize, ring: usize, value: &Value) -> Result<LineString<f64>, Fault> {
    let positions = value.as_array().ok_or(Fault::Malformed)?;
    let coords = positions
        .iter()
        .map(read_position)
        .collect::<Result<Vec<_>, _>>()?;
    if coords.len() < 4 {
        return Err(Fault::TooFewPoints { polygon, ring });
    }
    if coords.first() != coords.last() {
        return Err(Fault::RingNotClosed { polygon, ring });
    }
    Ok(LineString::new(coords))
}

fn read_position(value: &Value) -> Result<Coord<f64>, Fault> {
    let numbers = value.as_array().ok_or(Fault::Malformed)?;
    if numbers.len() < 2 {
        return Err(Fault::Malformed);
    }
    let number = |v: &Value| {
        v.as_f64()
            .filter(|n| n.is_finite())
            .ok_or(Fault::NotANumber)
    };
    let (lon, lat) = (number(&numbers[0])?, number(&numbers[1])?);
    if lon.abs() > 1000.0 || lat.abs() > 1000.0 {
        return Err(Fault::LooksProjected { lon, lat });
    }
    if lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(Fault::OutOfRange { lon, lat });
    }
    Ok(Coord { x: lon, y: lat })
}

/// A shape as a GeoJSON MultiPolygon geometry (coordinates rounded to 7 decimals, about 1 cm).
pub fn geometry_json(shape: &MultiPolygon<f64>) -> Value {
    let round = |x: f64| (x * 1e7).round() / 1e7;
    let ring = |r: &LineString<f64>| -> Value {
        r.coords()
            .map(|c| json!([round(c.x), round(c.y)]))
            .collect()
    };
    let polygons: Vec<Value> = shape
        .iter()
        .map(|p| {
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(ring)
                .collect()
        })
        .collect();
    json!({ "type": "MultiPolygon", "coordinates": polygons })
}

/// A shape as a GeoJSON Feature with the given properties.
pub fn feature_json(shape: &MultiPolygon<f64>, properties: Map<String, Value>) -> Value {
    json!({ "type": "Feature", "properties": properties, "geometry": geometry_json(shape) })
}
