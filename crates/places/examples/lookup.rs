//! Times point lookups among 10,000 neighbourhood boundaries (a 100 x 100 grid of
//! irregular 24-sided polygons inside 100 districts inside one city).
//!
//!     cargo run --release -p places --example lookup

use std::time::Instant;

use places::{AreaIndex, LineString, MultiPolygon, Polygon};

/// A cell of the grid as a 24-sided polygon with a wobbly edge, like a real ward.
fn cell(col: usize, row: usize, size: f64) -> MultiPolygon<f64> {
    let (cx, cy) = (
        col as f64 * size + size / 2.0,
        50.0 + row as f64 * size + size / 2.0,
    );
    let ring: Vec<(f64, f64)> = (0..=24)
        .map(|i| {
            let a = (i % 24) as f64 / 24.0 * std::f64::consts::TAU;
            let r = size * (0.45 + 0.04 * ((i * 7 + col + row) % 5) as f64 / 5.0);
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    MultiPolygon::new(vec![Polygon::new(LineString::from(ring), vec![])])
}

fn square(x0: f64, y0: f64, side: f64) -> MultiPolygon<f64> {
    let ring = vec![
        (x0, y0),
        (x0 + side, y0),
        (x0 + side, y0 + side),
        (x0, y0 + side),
        (x0, y0),
    ];
    MultiPolygon::new(vec![Polygon::new(LineString::from(ring), vec![])])
}

fn main() {
    let size = 0.002; // about 140 m by 220 m at latitude 50
    let mut items = vec![("city".to_string(), None, square(0.0, 50.0, size * 100.0))];
    for d in 0..100 {
        let (dc, dr) = (d % 10, d / 10);
        items.push((
            format!("d{d}"),
            Some("city".into()),
            square(
                dc as f64 * size * 10.0,
                50.0 + dr as f64 * size * 10.0,
                size * 10.0,
            ),
        ));
    }
    for row in 0..100 {
        for col in 0..100 {
            let district = format!("d{}", (row / 10) * 10 + col / 10);
            items.push((
                format!("n{col}_{row}"),
                Some(district),
                cell(col, row, size),
            ));
        }
    }
    let started = Instant::now();
    let index = AreaIndex::build(items);
    println!(
        "built an index of {} areas in {:.1} ms",
        index.len(),
        started.elapsed().as_secs_f64() * 1e3
    );

    // Points spread over the city by a fixed sequence (a Weyl sequence: no RNG crate needed).
    let points: Vec<(f64, f64)> = (0..100_000u64)
        .map(|i| {
            let u = (i as f64 * 0.618_033_988_75).fract();
            let v = (i as f64 * 0.754_877_666_25).fract();
            (50.0 + v * size * 100.0, u * size * 100.0)
        })
        .collect();
    let mut found = 0usize;
    let started = Instant::now();
    for &(lat, lon) in &points {
        found += index.at(lat, lon).len();
    }
    let per = started.elapsed().as_secs_f64() / points.len() as f64;
    println!(
        "{} lookups: {:.2} µs each on average ({:.2} areas found per point)",
        points.len(),
        per * 1e6,
        found as f64 / points.len() as f64
    );
    let mut slowest = Vec::with_capacity(2_000);
    for &(lat, lon) in points.iter().take(2_000) {
        let t = Instant::now();
        std::hint::black_box(index.at(lat, lon));
        slowest.push(t.elapsed().as_secs_f64());
    }
    slowest.sort_by(f64::total_cmp);
    println!(
        "p99 of 2,000 timed one by one: {:.2} µs",
        slowest[1_980] * 1e6
    );
}
