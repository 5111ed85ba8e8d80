//! Maps drawn on the server as plain SVG: an area's boundary, its sub-areas and points (one
//! mark per place, or one numbered mark for many places close together). They need no
//! JavaScript, no tiles and no outside service, print as they look, and read well in a
//! screen reader: the map has a title and a description, every region and mark a `<title>`,
//! and the page shows the same data as a table beside it.
//!
//! Positions use the Web Mercator projection (as tiled web maps do), fitted to the bounds
//! given, so a map drawn here lines up with the same place on an interactive map.

use std::fmt::Write;

use geo::{Coord, InteriorPoint, MultiPolygon};

/// Width of every map's drawing, in SVG units (it scales to its box on the page).
pub const WIDTH: f64 = 800.0;
/// A map is never flatter or taller than these multiples of its width.
const MIN_ASPECT: f64 = 0.45;
const MAX_ASPECT: f64 = 1.0;
/// Marks closer than this (in drawing units) are drawn as one numbered mark.
pub const CLUSTER_CELL: f64 = 36.0;

/// A box of longitudes and latitudes (WGS84 degrees).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The smallest box holding every point, or None for no points.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bounds> {
        let mut bounds: Option<Bounds> = None;
        for (lat, lon) in points {
            if !lat.is_finite() || !lon.is_finite() {
                continue;
            }
            let b = bounds.get_or_insert(Bounds {
                west: lon,
                south: lat,
                east: lon,
                north: lat,
            });
            b.west = b.west.min(lon);
            b.east = b.east.max(lon);
            b.south = b.south.min(lat);
            b.north = b.north.max(lat);
        }
        bounds
    }

    /// The box around a shape's outer rings.
    pub fn of(shape: &MultiPolygon<f64>) -> Option<Bounds> {
        Bounds::around(
            shape
                .0
                .iter()
                .flat_map(|polygon| polygon.exterior().coords())
                .map(|c| (c.y, c.x)),
        )
    }

    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            west: self.west.min(other.west),
            south: self.south.min(other.south),
            east: self.east.max(other.east),
            north: self.north.max(other.north),
        }
    }

    /// The box grown by `fraction` of its size on each side, and to at least `min_degrees`
    /// across, so a single point still gets a street's worth of map around it.
    pub fn padded(self, fraction: f64, min_degrees: f64) -> Bounds {
        let grow_lon =
            ((self.east - self.west) * fraction).max((min_degrees - (self.east - self.west)) / 2.0);
        let grow_lat = ((self.north - self.south) * fraction)
            .max((min_degrees - (self.north - self.south)) / 2.0);
        Bounds {
            west: (self.west - grow_lon).max(-180.0),
            east: (self.east + grow_lon).min(180.0),
            south: (self.south - grow_lat).max(-85.0),
            north: (self.north + grow_lat).min(85.0),
        }
    }

    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }
}

/// Where on the drawing a place goes: Web Mercator fitted to the bounds, the bounds widened
/// on one side if needed so the map keeps a readable shape.
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    left: f64,
    top: f64,
    scale: f64,
    pub width: f64,
    pub height: f64,
}

fn mercator_y(lat: f64) -> f64 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0)
        .tan()
        .ln()
        .to_degrees()
}

impl Projection {
    pub fn fit(bounds: Bounds) -> Projection {
        let (x0, x1) = (bounds.west, bounds.east.max(bounds.west + 1e-6));
        let (y0, y1) = (
            mercator_y(bounds.south),
            mercator_y(bounds.north).max(mercator_y(bounds.south) + 1e-6),
        );
        let (mut span_x, mut span_y) = (x1 - x0, y1 - y0);
        let aspect = (span_y / span_x).clamp(MIN_ASPECT, MAX_ASPECT);
        // Widen whichever side is short of the clamped shape, keeping the place centred.
        let (centre_x, centre_y) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        if span_y / span_x < aspect {
            span_y = span_x * aspect;
        } else {
            span_x = span_y / aspect;
        }
        let scale = WIDTH / span_x;
        Projection {
            left: centre_x - span_x / 2.0,
            top: centre_y + span_y / 2.0,
            scale,
            width: WIDTH,
            height: (span_y * scale).round(),
        }
    }

    /// The drawing's (x, y) for a latitude and longitude.
    pub fn point(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.left) * self.scale,
            (self.top - mercator_y(lat)) * self.scale,
        )
    }

    /// The latitude and longitude at a point of the drawing (the inverse of `point`).
    pub fn place(&self, x: f64, y: f64) -> (f64, f64) {
        let merc = self.top - y / self.scale;
        let lat = (2.0 * merc.to_radians().exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
        (lat, self.left + x / self.scale)
    }

    /// What a script needs to turn a click on the drawing back into a place: the left edge
    /// (degrees of longitude), the top edge (Mercator degrees) and drawing units per degree.
    pub fn parameters(&self) -> (f64, f64, f64) {
        (self.left, self.top, self.scale)
    }

    /// The whole drawing's bounds (wider than asked for on one side, see `fit`).
    pub fn bounds(&self) -> Bounds {
        let (north, west) = self.place(0.0, 0.0);
        let (south, east) = self.place(self.width, self.height);
        Bounds {
            west,
            south,
            east,
            north,
        }
    }

    /// The size in degrees of a square cell of `cell` drawing units, as (longitude, latitude)
    /// at the map's centre: what a database groups points by to cluster them.
    pub fn cell_degrees(&self, cell: f64) -> (f64, f64) {
        let lon = cell / self.scale;
        let middle = self.height / 2.0;
        let (upper, _) = self.place(0.0, middle - cell / 2.0);
        let (lower, _) = self.place(0.0, middle + cell / 2.0);
        (lon, (upper - lower).abs())
    }
}

/// One mark: a single place, or (with `count` above one) several close together.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub lat: f64,
    pub lon: f64,
    pub count: u64,
    /// What the mark is, for its tooltip and screen readers (a report's title, say).
    pub label: String,
    pub href: Option<String>,
    /// Which of the map's kinds of mark it is (an index into the palette; see `KIND_COLOURS`).
    pub kind: usize,
}

/// Fill colours of marks by kind, dark enough for white numbers on them (contrast above 4.5:1).
pub const KIND_COLOURS: [&str; 5] = ["#b3261e", "#1f5fa8", "#2e6b30", "#7a3e9d", "#8a5a00"];

/// An area drawn on the map: the map's own area (`own`, drawn as a bold outline) or one of
/// its sub-areas (shaded, labelled, a link to its page).
#[derive(Clone, Debug)]
pub struct Region {
    pub label: String,
    pub href: Option<String>,
    pub shape: MultiPolygon<f64>,
    pub own: bool,
}

/// The words a map says, in the reader's language.
pub struct Words<'a> {
    /// The map's `<title>`, e.g. "Map of reports in Canal Quarter".
    pub title: String,
    /// The map's `<desc>`: what it shows and where the same data is as text.
    pub description: String,
    /// A numbered mark's tooltip, by how many places it stands for.
    pub cluster: &'a dyn Fn(u64) -> String,
}

/// Merges marks that would be drawn closer than `CLUSTER_CELL`: each cell of that size on the
/// drawing keeps one mark, at the places' average position, counting them all. A lone mark
/// keeps its label and link; a merged one takes `merged_href` of its cell's bounds, if any.
pub fn cluster(
    projection: &Projection,
    marks: Vec<Mark>,
    merged_href: &dyn Fn(&Bounds) -> Option<String>,
) -> Vec<Mark> {
    use std::collections::BTreeMap;
    let mut cells: BTreeMap<(i64, i64), Vec<Mark>> = BTreeMap::new();
    for mark in marks {
        let (x, y) = projection.point(mark.lat, mark.lon);
        let key = (
            (x / CLUSTER_CELL).floor() as i64,
            (y / CLUSTER_CELL).floor() as i64,
        );
        cells.entry(key).or_default().push(mark);
    }
    cells
        .into_values()
        .map(|mut group| {
            if group.len() == 1 && group[0].count <= 1 {
                return group.pop().expect("one mark");
            }
            let count: u64 = group.iter().map(|m| m.count.max(1)).sum();
            let weight = |m: &Mark| m.count.max(1) as f64;
            let lat = group.iter().map(|m| m.lat * weight(m)).sum::<f64>() / count as f64;
            let lon = group.iter().map(|m| m.lon * weight(m)).sum::<f64>() / count as f64;
            let cell = Bounds::around(group.iter().map(|m| (m.lat, m.lon))).expect("marks");
            let kind = group[0].kind;
            Mark {
                lat,
                lon,
                count,
                label: String::new(),
                href: merged_href(&cell),
                kind,
            }
        })
        .collect()
}

/// Draws the map. `id` makes its element ids unique on the page.
pub fn draw(
    id: &str,
    projection: &Projection,
    regions: &[Region],
    marks: &[Mark],
    words: &Words,
) -> String {
    let (w, h) = (projection.width, projection.height);
    let mut out = String::with_capacity(4096 + marks.len() * 160);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"place-map\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"system-ui, sans-serif\">\n<title id=\"{id}-title\">{}</title>\n\
         <desc id=\"{id}-desc\">{}</desc>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#f3f1ea\"/>\n",
        escape(&words.title),
        escape(&words.description),
    );
    draw_regions(&mut out, projection, regions);
    draw_marks(&mut out, projection, marks, words);
    out.push_str("</svg>\n");
    out
}

/// Pale fills for sub-areas, told apart by their outlines and labels as well as colour.
const REGION_FILLS: [&str; 6] = [
    "#e3ecd9", "#dfe7f1", "#f1e6d6", "#e9e0ef", "#f3ecc9", "#dcebe8",
];

fn draw_regions(out: &mut String, projection: &Projection, regions: &[Region]) {
    let (subs, own): (Vec<&Region>, Vec<&Region>) = regions.iter().partition(|r| !r.own);
    out.push_str("<g stroke=\"#6d6a60\" stroke-width=\"1\">\n");
    for (at, region) in subs.iter().enumerate() {
        let path = path_of(projection, &region.shape);
        let fill = REGION_FILLS[at % REGION_FILLS.len()];
        let shape = format!(
            "<path d=\"{path}\" fill=\"{fill}\" fill-rule=\"evenodd\"><title>{}</title></path>",
            escape(&region.label)
        );
        push_linked(out, region.href.as_deref(), &shape);
    }
    out.push_str("</g>\n");
    for region in own {
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#2b2a26\" stroke-width=\"3\" fill-rule=\"evenodd\"><title>{}</title></path>",
            path_of(projection, &region.shape),
            escape(&region.label)
        );
    }
    // Names last, over the shapes, with a pale halo so they read on any fill.
    out.push_str("<g font-size=\"13\" fill=\"#2b2a26\" stroke=\"#f3f1ea\" stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"middle\" aria-hidden=\"true\">\n");
    for region in subs {
        if let Some(point) = region.shape.interior_point() {
            let (x, y) = projection.point(point.y(), point.x());
            let _ = writeln!(
                out,
                "<text x=\"{x:.1}\" y=\"{y:.1}\">{}</text>",
                escape(&region.label)
            );
        }
    }
    out.push_str("</g>\n");
}

fn draw_marks(out: &mut String, projection: &Projection, marks: &[Mark], words: &Words) {
    out.push_str("<g stroke=\"#ffffff\" stroke-width=\"2\">\n");
    for mark in marks {
        let (x, y) = projection.point(mark.lat, mark.lon);
        let colour = KIND_COLOURS[mark.kind % KIND_COLOURS.len()];
        let shape = if mark.count > 1 {
            let radius = 11.0 + (mark.count as f64).log10() * 5.0;
            format!(
                "<g><title>{}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius:.1}\" fill=\"{colour}\"/>\
                 <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" fill=\"#ffffff\" stroke=\"none\" text-anchor=\"middle\">{}</text></g>",
                escape(&(words.cluster)(mark.count)),
                y + 4.0,
                mark.count
            )
        } else {
            format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"{colour}\"><title>{}</title></circle>",
                escape(&mark.label)
            )
        };
        push_linked(out, mark.href.as_deref(), &shape);
    }
    out.push_str("</g>\n");
}

fn push_linked(out: &mut String, href: Option<&str>, inner: &str) {
    match href {
        Some(href) => {
            let _ = writeln!(out, "<a href=\"{}\">{inner}</a>", escape(href));
        }
        None => {
            out.push_str(inner);
            out.push('\n');
        }
    }
}

/// An SVG path for a shape's rings, dropping points that fall within half a unit of the last
/// one kept (a ward boundary of thousands of surveyed points draws in a few hundred).
fn path_of(projection: &Projection, shape: &MultiPolygon<f64>) -> String {
    let mut d = String::new();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let mut last: Option<(f64, f64)> = None;
            let mut points = 0;
            for Coord { x: lon, y: lat } in ring.coords().copied() {
                let (x, y) = projection.point(lat, lon);
                if let Some((lx, ly)) = last
                    && (x - lx).abs() < 0.5
                    && (y - ly).abs() < 0.5
                {
                    continue;
                }
                let _ = write!(d, "{}{x:.1} {y:.1}", if points == 0 { 'M' } else { 'L' });
                last = Some((x, y));
                points += 1;
            }
            if points > 0 {
                d.push('Z');
            }
        }
    }
    d
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{LineString, Polygon};

    fn square(west: f64, south: f64, size: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![
                (west, south),
                (west + size, south),
                (west + size, south + size),
                (west, south + size),
                (west, south),
            ]),
            vec![],
        )])
    }

    fn mark(lat: f64, lon: f64, label: &str) -> Mark {
        Mark {
            lat,
            lon,
            count: 1,
            label: label.into(),
            href: Some(format!("/reports/{label}")),
            kind: 0,
        }
    }

    #[test]
    fn the_projection_fits_the_bounds_and_round_trips() {
        let bounds = Bounds {
            west: -1.60,
            south: 52.60,
            east: -1.50,
            north: 52.66,
        };
        let p = Projection::fit(bounds);
        assert_eq!(p.width, WIDTH);
        assert!(p.height >= WIDTH * MIN_ASPECT && p.height <= WIDTH * MAX_ASPECT);
        for (lat, lon) in [(52.60, -1.60), (52.66, -1.50), (52.63, -1.55)] {
            let (x, y) = p.point(lat, lon);
            assert!((0.0..=p.width).contains(&x) && (0.0..=p.height).contains(&y));
            let (back_lat, back_lon) = p.place(x, y);
            assert!((back_lat - lat).abs() < 1e-9 && (back_lon - lon).abs() < 1e-9);
        }
        // North is up, east is right.
        let (_, y_north) = p.point(52.66, -1.55);
        let (_, y_south) = p.point(52.60, -1.55);
        assert!(y_north < y_south);
        let wider = p.bounds();
        assert!(wider.west <= bounds.west && wider.east >= bounds.east);
        assert!(wider.south <= bounds.south + 1e-9 && wider.north >= bounds.north - 1e-9);
    }

    #[test]
    fn a_single_point_gets_a_street_around_it() {
        let b = Bounds::around([(52.63, -1.55)]).unwrap().padded(0.1, 0.01);
        assert!((b.east - b.west - 0.01).abs() < 1e-12);
        assert!((b.north - b.south - 0.01).abs() < 1e-12);
        assert!(Bounds::around(std::iter::empty()).is_none());
    }

    #[test]
    fn close_marks_merge_and_far_ones_stay_apart() {
        let p = Projection::fit(Bounds {
            west: 0.0,
            south: 50.0,
            east: 1.0,
            north: 50.6,
        });
        let marks = vec![
            mark(50.1, 0.1, "a"),
            mark(50.1001, 0.1001, "b"),
            mark(50.1002, 0.1, "c"),
            mark(50.5, 0.9, "far"),
        ];
        let clustered = cluster(&p, marks, &|cell| {
            Some(format!("/reports?bbox={},{}", cell.west, cell.south))
        });
        assert_eq!(clustered.len(), 2);
        let merged = clustered.iter().find(|m| m.count == 3).unwrap();
        assert!((merged.lat - 50.1001).abs() < 1e-6);
        assert!(
            merged
                .href
                .as_deref()
                .unwrap()
                .starts_with("/reports?bbox=0.1,50.1")
        );
        let lone = clustered.iter().find(|m| m.count == 1).unwrap();
        assert_eq!(lone.label, "far");
        assert_eq!(lone.href.as_deref(), Some("/reports/far"));
    }

    #[test]
    fn the_drawing_is_accessible_and_escapes_what_people_typed() {
        let city = square(0.0, 50.0, 1.0);
        let p = Projection::fit(Bounds::of(&city).unwrap());
        let regions = vec![
            Region {
                label: "Millbrook".into(),
                href: None,
                shape: city,
                own: true,
            },
            Region {
                label: "Canal <Quarter>".into(),
                href: Some("/areas/canal-quarter".into()),
                shape: square(0.1, 50.1, 0.3),
                own: false,
            },
        ];
        let mut many = mark(50.5, 0.5, "");
        many.count = 12;
        let marks = vec![mark(50.2, 0.2, "Pothole \"deep\" & wide"), many];
        let cluster_words = |n: u64| format!("{n} reports here");
        let svg = draw(
            "reports-map",
            &p,
            &regions,
            &marks,
            &Words {
                title: "Map of reports".into(),
                description: "The table below lists them.".into(),
                cluster: &cluster_words,
            },
        );
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"reports-map-title reports-map-desc\""));
        assert!(svg.contains("<title id=\"reports-map-title\">Map of reports</title>"));
        assert!(svg.contains("<title>Pothole &quot;deep&quot; &amp; wide</title>"));
        assert!(svg.contains("<title>12 reports here</title>"));
        assert!(svg.contains(">12</text>"));
        assert!(svg.contains("<a href=\"/areas/canal-quarter\">"));
        assert!(svg.contains("Canal &lt;Quarter&gt;"));
        assert!(!svg.contains("<Quarter>"));
        assert_eq!(svg.matches("<path").count(), 2);
    }

    #[test]
    fn long_boundaries_are_thinned_to_what_shows() {
        // A ring of 10,000 points around a small square draws in far fewer.
        let n = 10_000;
        let ring: Vec<(f64, f64)> = (0..=n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                (a.cos() * 0.001, 50.0 + a.sin() * 0.001)
            })
            .collect();
        let shape = MultiPolygon(vec![Polygon::new(LineString::from(ring), vec![])]);
        let p = Projection::fit(Bounds::of(&shape).unwrap().padded(0.0, 0.5));
        let path = path_of(&p, &shape);
        let drawn = path.matches('L').count();
        assert!(drawn < 100, "{drawn} segments drawn");
        assert!(path.starts_with('M') && path.ends_with('Z'));
    }
}
