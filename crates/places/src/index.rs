//! Which areas contain a point: an R-tree of the boundaries' boxes, then an exact test.

use std::collections::HashMap;

use geo::{Area, Coord, Intersects, MultiPolygon};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::bounds;

struct Indexed {
    id: String,
    /// How many of its ancestors are in the index: deeper is more inner.
    depth: usize,
    /// Square degrees; breaks ties between areas at the same depth (smaller is more inner).
    size: f64,
    shape: MultiPolygon<f64>,
}

/// Boundaries of areas, searchable by point. Build it once; it does not change.
pub struct AreaIndex {
    tree: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    areas: Vec<Indexed>,
}

impl AreaIndex {
    /// From (area id, parent id, boundary). Parents without a boundary may be left out.
    pub fn build(
        items: impl IntoIterator<Item = (String, Option<String>, MultiPolygon<f64>)>,
    ) -> AreaIndex {
        let items: Vec<_> = items.into_iter().collect();
        let parents: HashMap<&str, Option<&str>> = items
            .iter()
            .map(|(id, parent, _)| (id.as_str(), parent.as_deref()))
            .collect();
        let depth_of = |id: &str| {
            let mut depth = 0;
            let mut current = parents.get(id).copied().flatten();
            // The bound guards against a cycle in bad data.
            while let Some(parent) = current.filter(|_| depth < 64) {
                if !parents.contains_key(parent) {
                    break;
                }
                depth += 1;
                current = parents.get(parent).copied().flatten();
            }
            depth
        };
        let depths: Vec<usize> = items.iter().map(|(id, _, _)| depth_of(id)).collect();
        let mut areas = Vec::with_capacity(items.len());
        let mut boxes = Vec::with_capacity(items.len());
        for ((id, _, shape), depth) in items.into_iter().zip(depths) {
            let Some(b) = bounds(&shape) else { continue };
            let rect = Rectangle::from_corners([b.min_lon, b.min_lat], [b.max_lon, b.max_lat]);
            boxes.push(GeomWithData::new(rect, areas.len()));
            areas.push(Indexed {
                id,
                depth,
                size: shape.unsigned_area(),
                shape,
            });
        }
        AreaIndex {
            tree: RTree::bulk_load(boxes),
            areas,
        }
    }

    pub fn len(&self) -> usize {
        self.areas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// Ids of the areas containing the point (a point on a boundary line counts), innermost first.
    pub fn at(&self, lat: f64, lon: f64) -> Vec<&str> {
        let point = Coord { x: lon, y: lat };
        let mut found: Vec<&Indexed> = self
            .tree
            .locate_in_envelope_intersecting(&AABB::from_point([lon, lat]))
            .map(|entry| &self.areas[entry.data])
            .filter(|area| area.shape.intersects(&point))
            .collect();
        found.sort_by(|a, b| {
            b.depth
                .cmp(&a.depth)
                .then(a.size.total_cmp(&b.size))
                .then(a.id.cmp(&b.id))
        });
        found.into_iter().map(|a| a.id.as_str()).collect()
    }

    /// The boundary of an indexed area.
    pub fn shape(&self, id: &str) -> Option<&MultiPolygon<f64>> {
        self.areas.iter().find(|a| a.id == id).map(|a| &a.shape)
    }
}
