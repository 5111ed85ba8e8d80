//! Maps on the site's pages. Every map is first drawn on the server as SVG (`mapsvg`), so it
//! shows without JavaScript, without tiles and in print, with the same data as a table on
//! the page. With JavaScript and configured tiles, `places.js` puts the same regions and
//! marks on an interactive Leaflet map (vendored, served from here, never from a CDN). On a
//! form, clicking either map, or "use my location", fills in the latitude and longitude.

use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use mapsvg::{Bounds, Mark, Projection, Region, Words};
use serde::Serialize;

use crate::config::MapConfig;
use crate::i18n::Lang;
use crate::state::AppState;

pub use mapsvg::{Bounds as MapBounds, Mark as MapMark, Region as MapRegion};

/// The Leaflet release served under /static/vendor/leaflet (see static/vendor/README.md).
pub const LEAFLET_VERSION: &str = "1.9.4";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/static/places.js", get(places_script))
        .route("/static/vendor/leaflet/leaflet.js", get(leaflet_script))
        .route("/static/vendor/leaflet/leaflet.css", get(leaflet_style))
        .route(
            "/static/vendor/leaflet/images/layers.png",
            get(|| {
                png(include_bytes!(
                    "../../static/vendor/leaflet/images/layers.png"
                ))
            }),
        )
        .route(
            "/static/vendor/leaflet/images/layers-2x.png",
            get(|| {
                png(include_bytes!(
                    "../../static/vendor/leaflet/images/layers-2x.png"
                ))
            }),
        )
        .route(
            "/static/vendor/leaflet/images/marker-icon.png",
            get(|| {
                png(include_bytes!(
                    "../../static/vendor/leaflet/images/marker-icon.png"
                ))
            }),
        )
        .route(
            "/static/vendor/leaflet/images/marker-icon-2x.png",
            get(|| {
                png(include_bytes!(
                    "../../static/vendor/leaflet/images/marker-icon-2x.png"
                ))
            }),
        )
        .route(
            "/static/vendor/leaflet/images/marker-shadow.png",
            get(|| {
                png(include_bytes!(
                    "../../static/vendor/leaflet/images/marker-shadow.png"
                ))
            }),
        )
}

/// Where the places in a box are listed.
pub type BoxHref = Box<dyn Fn(&Bounds) -> Option<String> + Send + Sync>;

/// What one map on a page shows.
pub struct MapView {
    /// Unique on the page; the figure's id and the prefix of the SVG's ids.
    pub id: &'static str,
    pub title: String,
    /// What the map shows and where the same data is as text.
    pub description: String,
    pub regions: Vec<Region>,
    pub marks: Vec<Mark>,
    /// The place the map shows; without it, the box around its regions and marks.
    pub bounds: Option<Bounds>,
    /// Where a numbered mark made here (of marks drawn too close together) leads, by the box
    /// its places are in: a list of what is there, say.
    pub cluster_href: Option<BoxHref>,
    /// On a form: clicking the map fills in the fields `latitude` and `longitude`.
    pub picker: bool,
    /// What each kind of mark is (by `Mark::kind`), when a map shows more than one.
    pub legend: Vec<String>,
}

/// What a map of one place says: the figure's id, its title and description, and the
/// mark's label.
pub struct OnePlace<'a> {
    pub id: &'static str,
    pub title: String,
    pub description: String,
    pub label: &'a str,
}

/// One place on a map of the streets around it (a report's, a provider's).
pub fn one_place(
    lang: &Lang,
    config: &MapConfig,
    (lat, lon): (f64, f64),
    place: OnePlace<'_>,
) -> Option<String> {
    figure(
        lang,
        config,
        MapView {
            id: place.id,
            title: place.title,
            description: place.description,
            regions: Vec::new(),
            marks: vec![MapMark {
                lat,
                lon,
                count: 1,
                label: place.label.to_string(),
                href: None,
                kind: 0,
            }],
            bounds: None,
            cluster_href: None,
            picker: false,
            legend: Vec::new(),
        },
    )
}

/// The drawn map and what the script needs, ready for a page (`{{ map|safe }}`), or None when
/// there is nothing to place it by (no boundary, no point).
pub fn figure(lang: &Lang, config: &MapConfig, mut view: MapView) -> Option<String> {
    let bounds = match view.bounds {
        Some(bounds) => bounds,
        None => view
            .regions
            .iter()
            .filter_map(|r| Bounds::of(&r.shape))
            .chain(Bounds::around(view.marks.iter().map(|m| (m.lat, m.lon))))
            .reduce(Bounds::union)?,
    };
    let projection = Projection::fit(bounds.padded(0.05, 0.004));
    let (cell_lon, cell_lat) = projection.cell_degrees(mapsvg::CLUSTER_CELL);
    let href = view.cluster_href.take();
    let merged_href = |within: &Bounds| {
        let grown = Bounds {
            west: within.west - cell_lon / 2.0,
            east: within.east + cell_lon / 2.0,
            south: within.south - cell_lat / 2.0,
            north: within.north + cell_lat / 2.0,
        };
        href.as_ref().and_then(|href| href(&grown))
    };
    view.marks = mapsvg::cluster(&projection, std::mem::take(&mut view.marks), &merged_href);
    // Hundreds of numbered marks share a few counts: each count's words are made once.
    let said = std::cell::RefCell::new(std::collections::HashMap::<u64, String>::new());
    let cluster_words = |count: u64| {
        said.borrow_mut()
            .entry(count)
            .or_insert_with(|| lang.t_count("map-cluster", count as i64))
            .clone()
    };
    let svg = mapsvg::draw(
        view.id,
        &projection,
        &view.regions,
        &view.marks,
        &Words {
            title: view.title.clone(),
            description: view.description.clone(),
            cluster: &cluster_words,
        },
    );
    let data = ScriptData::new(&projection, &view, &cluster_words);
    let (left, top, scale) = projection.parameters();
    let page = MapFigure {
        id: view.id,
        svg,
        data: script_json(&data),
        tiles: if config.tiles == "none" {
            String::new()
        } else {
            config.tiles.clone()
        },
        attribution: config.attribution.clone(),
        attribution_url: config.attribution_url.clone(),
        picker: view.picker,
        projection: format!("{left} {top} {scale}"),
        hint: lang.t(if view.picker {
            "map-picker-hint"
        } else {
            "map-hint"
        }),
        legend: view
            .legend
            .iter()
            .enumerate()
            .map(|(kind, label)| {
                (
                    mapsvg::KIND_COLOURS[kind % mapsvg::KIND_COLOURS.len()],
                    label.clone(),
                )
            })
            .collect(),
        legend_title: lang.t("map-legend"),
        locate: lang.t("map-use-my-location"),
        locating_failed: lang.t("map-location-failed"),
        zoom_in: lang.t("map-zoom-in"),
        zoom_out: lang.t("map-zoom-out"),
        pin: lang.t("map-pin"),
    };
    Some(page.render().unwrap_or_default())
}

#[derive(Template)]
#[template(path = "maps/templates/figure.html")]
struct MapFigure {
    id: &'static str,
    svg: String,
    data: String,
    tiles: String,
    attribution: String,
    attribution_url: String,
    picker: bool,
    projection: String,
    hint: String,
    legend: Vec<(&'static str, String)>,
    legend_title: String,
    locate: String,
    locating_failed: String,
    zoom_in: String,
    zoom_out: String,
    /// The text alternative of the pin a picker drops.
    pin: String,
}

/// The regions and marks again, as the script draws them.
#[derive(Serialize)]
struct ScriptData {
    /// south, west, north, east
    bounds: [f64; 4],
    regions: Vec<ScriptRegion>,
    marks: Vec<ScriptMark>,
}

#[derive(Serialize)]
struct ScriptRegion {
    label: String,
    href: Option<String>,
    own: bool,
    /// Rings of (latitude, longitude), outer ring first, as Leaflet takes them.
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Serialize)]
struct ScriptMark {
    lat: f64,
    lon: f64,
    count: u64,
    label: String,
    href: Option<String>,
    colour: &'static str,
}

impl ScriptData {
    fn new(projection: &Projection, view: &MapView, cluster_words: &dyn Fn(u64) -> String) -> Self {
        let b = projection.bounds();
        ScriptData {
            bounds: [b.south, b.west, b.north, b.east],
            regions: view
                .regions
                .iter()
                .map(|region| ScriptRegion {
                    label: region.label.clone(),
                    href: region.href.clone(),
                    own: region.own,
                    polygons: region
                        .shape
                        .0
                        .iter()
                        .map(|polygon| {
                            std::iter::once(polygon.exterior())
                                .chain(polygon.interiors())
                                .map(|ring| {
                                    ring.coords().map(|c| [round6(c.y), round6(c.x)]).collect()
                                })
                                .collect()
                        })
                        .collect(),
                })
                .collect(),
            marks: view
                .marks
                .iter()
                .map(|mark| ScriptMark {
                    lat: round6(mark.lat),
                    lon: round6(mark.lon),
                    count: mark.count,
                    label: if mark.count > 1 {
                        cluster_words(mark.count)
                    } else {
                        mark.label.clone()
                    },
                    href: mark.href.clone(),
                    colour: mapsvg::KIND_COLOURS[mark.kind % mapsvg::KIND_COLOURS.len()],
                })
                .collect(),
        }
    }
}

/// Six decimals of a degree: about 10 cm, more than any place here is known to.
fn round6(degrees: f64) -> f64 {
    (degrees * 1e6).round() / 1e6
}

/// JSON safe inside a `<script type="application/json">` element: no `<` can close it.
fn script_json(data: &ScriptData) -> String {
    serde_json::to_string(data)
        .unwrap_or_else(|_| "{}".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A cell of a map's clustering grid, as a store returns it: how many places, their average
/// position, and (for a cell of one) that place's page and title.
#[derive(Clone, Debug)]
pub struct MapCell {
    pub count: i64,
    pub lat: f64,
    pub lon: f64,
    pub one: Option<(String, String)>,
}

/// Places counted into the cells of a map's grid as a store reads them one by one, so a map
/// of many thousands holds a few hundred cells, never the places themselves.
pub struct CellBins {
    west: f64,
    south: f64,
    cell_lon: f64,
    cell_lat: f64,
    bins: std::collections::HashMap<(i64, i64), Bin>,
}

struct Bin {
    count: i64,
    sum_lat: f64,
    sum_lon: f64,
    /// The first place's id: what a cell of one shows.
    first: String,
}

impl CellBins {
    pub fn new(grid: &Bounds, cell_lon: f64, cell_lat: f64) -> CellBins {
        CellBins {
            west: grid.west,
            south: grid.south,
            cell_lon,
            cell_lat,
            bins: std::collections::HashMap::new(),
        }
    }

    pub fn add(&mut self, lat: f64, lon: f64, id: &str) {
        let bin = self.bin_at(lat, lon, || id.to_string());
        bin.count += 1;
        bin.sum_lat += lat;
        bin.sum_lon += lon;
    }

    /// `count` places whose mean place is (`lat`, `lon`), counted beforehand; `first` is
    /// one of them (the one, when `count` is 1).
    pub fn add_many(&mut self, lat: f64, lon: f64, count: i64, first: String) {
        let bin = self.bin_at(lat, lon, || first);
        bin.count += count;
        bin.sum_lat += lat * count as f64;
        bin.sum_lon += lon * count as f64;
    }

    fn bin_at(&mut self, lat: f64, lon: f64, first: impl FnOnce() -> String) -> &mut Bin {
        let key = (
            ((lon - self.west) / self.cell_lon).floor() as i64,
            ((lat - self.south) / self.cell_lat).floor() as i64,
        );
        self.bins.entry(key).or_insert_with(|| Bin {
            count: 0,
            sum_lat: 0.0,
            sum_lon: 0.0,
            first: first(),
        })
    }

    /// The ids of the places alone in their cell (their marks are named).
    pub fn alone(&self) -> Vec<String> {
        self.bins
            .values()
            .filter(|bin| bin.count == 1)
            .map(|bin| bin.first.clone())
            .collect()
    }

    /// The cells, each at its places' average position; a cell of one with the page and
    /// title `named` gives for its id.
    pub fn into_cells(self, named: impl Fn(&str) -> Option<(String, String)>) -> Vec<MapCell> {
        let mut cells: Vec<((i64, i64), Bin)> = self.bins.into_iter().collect();
        // The same map for the same places, whatever order they were read in.
        cells.sort_by_key(|(key, _)| *key);
        cells
            .into_iter()
            .map(|(_, bin)| MapCell {
                count: bin.count,
                lat: bin.sum_lat / bin.count as f64,
                lon: bin.sum_lon / bin.count as f64,
                one: (bin.count == 1).then(|| named(&bin.first)).flatten(),
            })
            .collect()
    }
}

/// The grid a store groups a map's points by: cells of `mapsvg::CLUSTER_CELL` drawing units
/// over the map's bounds, as (west, south, cell width, cell height) in degrees.
pub fn grid_for(bounds: Bounds) -> (Bounds, f64, f64) {
    // The same padding as `figure`, so a grid cell is a cluster cell on the drawn map.
    let projection = Projection::fit(bounds.padded(0.05, 0.004));
    let (cell_lon, cell_lat) = projection.cell_degrees(mapsvg::CLUSTER_CELL);
    (projection.bounds(), cell_lon, cell_lat)
}

async fn places_script() -> Response {
    static_text(
        "text/javascript; charset=utf-8",
        include_str!("../../static/places.js"),
    )
}

async fn leaflet_script() -> Response {
    static_text(
        "text/javascript; charset=utf-8",
        include_str!("../../static/vendor/leaflet/leaflet.js"),
    )
}

async fn leaflet_style() -> Response {
    static_text(
        "text/css; charset=utf-8",
        include_str!("../../static/vendor/leaflet/leaflet.css"),
    )
}

fn static_text(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        body,
    )
        .into_response()
}

async fn png(body: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        body,
    )
        .into_response()
}

/// A box as written in an address (`?bbox=west,south,east,north`), or None if it is not one.
pub fn parse_bbox(text: &str) -> Option<Bounds> {
    let numbers: Vec<f64> = text
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let [west, south, east, north] = numbers[..] else {
        return None;
    };
    let valid = (-180.0..=180.0).contains(&west)
        && (-180.0..=180.0).contains(&east)
        && (-90.0..=90.0).contains(&south)
        && (-90.0..=90.0).contains(&north)
        && west <= east
        && south <= north;
    valid.then_some(Bounds {
        west,
        south,
        east,
        north,
    })
}

/// A box for an address, to six decimals.
pub fn format_bbox(b: &Bounds) -> String {
    format!(
        "{},{},{},{}",
        round6(b.west),
        round6(b.south),
        round6(b.east),
        round6(b.north)
    )
}
