//! The map of an area (or of the whole site when no area is chosen): its boundary, its
//! sub-areas as links to their pages, and the public things of the chosen kinds inside it,
//! counted per grid cell in the database. What each page's handler asks for.

use ::places::MultiPolygon;

use super::places;
use super::points::{self, PointKind};
use super::store::{self, Area, AreaKind};
use crate::db::Db;
use crate::i18n::Lang;
use crate::maps::{self, MapBounds, MapMark, MapRegion, MapView};
use crate::state::AppState;

/// One kind of thing on a map, and where a numbered mark of them leads (by its box).
pub struct Layer {
    pub kind: PointKind,
    pub cluster_href: Option<fn(&MapBounds) -> String>,
    /// Only the projects of this budget (its slug); empty for all.
    pub parent_slug: String,
    /// Only events not over at this time (Unix ms); only providers in force then.
    pub not_over_at: Option<i64>,
    /// Only providers offering this.
    pub offering: points::Offering,
}

impl Layer {
    pub fn plain(kind: PointKind) -> Layer {
        Layer {
            kind,
            cluster_href: None,
            parent_slug: String::new(),
            not_over_at: None,
            offering: points::Offering::default(),
        }
    }
}

/// What a map page asks for.
pub struct AreaMap<'a> {
    pub id: &'static str,
    pub title: String,
    pub description: String,
    /// The area shown; None for the whole site (its city).
    pub area: Option<&'a Area>,
    pub layers: Vec<Layer>,
    /// What each layer's marks are, when there is more than one.
    pub legend: Vec<String>,
}

/// Where a map is and what outlines it: the area's boundary (or the city's), its sub-areas,
/// and the grid its things are counted by.
pub struct Frame {
    pub grid: MapBounds,
    pub cell_lon: f64,
    pub cell_lat: f64,
    pub regions: Vec<MapRegion>,
}

impl Frame {
    /// The box of the cell around a numbered mark's position.
    pub fn cell_around(&self, lat: f64, lon: f64) -> MapBounds {
        MapBounds {
            west: lon - self.cell_lon / 2.0,
            east: lon + self.cell_lon / 2.0,
            south: lat - self.cell_lat / 2.0,
            north: lat + self.cell_lat / 2.0,
        }
    }
}

/// The frame of a map of `area` (None: the whole site), or None when neither it nor the
/// city has a boundary to place it by.
pub async fn frame(db: &Db, area: Option<&Area>) -> anyhow::Result<Option<Frame>> {
    let Some((area, shape)) = shape_of(db, area).await? else {
        return Ok(None);
    };
    let Some(outline) = ::places::bounds(&shape) else {
        return Ok(None);
    };
    let (grid, cell_lon, cell_lat) = maps::grid_for(MapBounds {
        west: outline.min_lon,
        south: outline.min_lat,
        east: outline.max_lon,
        north: outline.max_lat,
    });
    let mut regions = vec![MapRegion {
        label: area.name.clone(),
        href: None,
        shape,
        own: true,
    }];
    for (child, shape) in places::children_boundaries(db, &area.id).await? {
        regions.push(MapRegion {
            label: child.name,
            href: Some(format!("/areas/{}", child.slug)),
            shape,
            own: false,
        });
    }
    Ok(Some(Frame {
        grid,
        cell_lon,
        cell_lat,
        regions,
    }))
}

/// The map, or None when the area (and the city) has no boundary to place it by.
pub async fn draw(
    state: &AppState,
    lang: &Lang,
    request: AreaMap<'_>,
) -> anyhow::Result<Option<String>> {
    let Some(frame) = frame(&state.db, request.area).await? else {
        return Ok(None);
    };
    let grid = frame.grid;
    let within = ::places::Bounds {
        min_lon: grid.west,
        min_lat: grid.south,
        max_lon: grid.east,
        max_lat: grid.north,
    };
    let mut marks = Vec::new();
    for (at, layer) in request.layers.iter().enumerate() {
        let cells = points::cells_in_box(
            &state.db,
            layer.kind,
            &within,
            (frame.cell_lon, frame.cell_lat),
            &layer.parent_slug,
            layer.not_over_at,
            &layer.offering,
        )
        .await?;
        marks.extend(cells.into_iter().map(|cell| {
            let (label, href) = match cell.one {
                Some((path, title)) => (title, Some(path)),
                None => (
                    String::new(),
                    layer
                        .cluster_href
                        .map(|href| href(&frame.cell_around(cell.lat, cell.lon))),
                ),
            };
            MapMark {
                lat: cell.lat,
                lon: cell.lon,
                count: cell.count.max(1) as u64,
                label,
                href,
                kind: at,
            }
        }));
    }
    Ok(maps::figure(
        lang,
        &state.config.map,
        MapView {
            id: request.id,
            title: request.title,
            description: request.description,
            regions: frame.regions,
            marks,
            bounds: Some(grid),
            cluster_href: None,
            picker: false,
            legend: request.legend,
        },
    ))
}

/// What a map to choose a place on says about itself.
pub struct PickMap {
    pub id: &'static str,
    pub title: String,
    pub description: String,
    /// The label of the mark at the place chosen so far.
    pub chosen: String,
}

/// A map of `area` (None: the whole site) that fills in a form's `latitude` and `longitude`
/// when clicked, the place typed so far marked when it is on the map; None when there is
/// no boundary to place it by.
pub async fn pick(
    state: &AppState,
    lang: &Lang,
    area: Option<&Area>,
    latitude: &str,
    longitude: &str,
    map: PickMap,
) -> anyhow::Result<Option<String>> {
    let Some(frame) = frame(&state.db, area).await? else {
        return Ok(None);
    };
    let chosen = latitude
        .trim()
        .parse::<f64>()
        .ok()
        .zip(longitude.trim().parse::<f64>().ok())
        .filter(|(lat, lon)| frame.grid.contains(*lat, *lon));
    let marks = chosen
        .map(|(lat, lon)| MapMark {
            lat,
            lon,
            count: 1,
            label: map.chosen,
            href: None,
            kind: 1,
        })
        .into_iter()
        .collect();
    Ok(maps::figure(
        lang,
        &state.config.map,
        MapView {
            id: map.id,
            title: map.title,
            description: map.description,
            regions: frame.regions,
            marks,
            bounds: Some(frame.grid),
            cluster_href: None,
            picker: true,
            legend: Vec::new(),
        },
    ))
}

/// The area's boundary, or (for none, or an area without one) the first city's.
async fn shape_of(
    db: &Db,
    area: Option<&Area>,
) -> anyhow::Result<Option<(Area, MultiPolygon<f64>)>> {
    if let Some(area) = area
        && let Some(shape) = places::boundary(db, &area.id).await?
    {
        return Ok(Some((area.clone(), shape)));
    }
    if area.is_some() {
        return Ok(None);
    }
    // A site has one city, or a few; the first with a boundary frames the whole-site map.
    for city in store::of_kind(db, AreaKind::City, 10).await? {
        if let Some(shape) = places::boundary(db, &city.id).await? {
            return Ok(Some((city, shape)));
        }
    }
    Ok(None)
}

/// The reports list's link for a box of the map.
pub fn reports_in(bounds: &MapBounds) -> String {
    format!("/reports?bbox={}#reports", maps::format_bbox(bounds))
}
