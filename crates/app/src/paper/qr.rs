//! QR codes for printed pages, drawn as SVG path data (one square per dark module, runs in
//! a row joined), so the template writes the `<svg>` itself with its title and nothing here
//! builds markup. The image crate is not needed: the code is only a grid of modules.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code, as the standard asks (scanners need it).
const QUIET_ZONE: usize = 4;

/// A QR code ready for a template: the side of its square in modules (margin included)
/// and the path that draws its dark modules.
#[derive(Clone, Debug)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

impl Qr {
    /// The code of `url`, with medium error correction (a poster gets scuffed). `None` when
    /// the text is too long for any QR code, which no address of this site is.
    pub fn new(url: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
        let width = code.width();
        let colors = code.to_colors();
        let mut path = String::new();
        for (y, row) in colors.chunks(width).enumerate() {
            let mut x = 0;
            while x < width {
                if row[x] == Color::Light {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        Some(Qr {
            size: width + 2 * QUIET_ZONE,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the path back into a grid and compares it with the code's own modules.
    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_a_quiet_zone() {
        let url = "https://squaremile.example/budgets/north-millbrook-fund-2027";
        let qr = Qr::new(url).unwrap();
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(qr.size, code.width() + 8);
        let mut drawn = vec![vec![false; qr.size]; qr.size];
        for piece in qr.path.split('M').filter(|p| !p.is_empty()) {
            let (x, rest) = piece.split_once(' ').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let run: usize = rest.split('v').next().unwrap().parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for cell in &mut drawn[y][x..x + run] {
                assert!(!*cell, "a module drawn twice");
                *cell = true;
            }
        }
        let colors = code.to_colors();
        for y in 0..qr.size {
            for x in 0..qr.size {
                let inside = (4..qr.size - 4).contains(&x) && (4..qr.size - 4).contains(&y);
                let dark = inside && colors[(y - 4) * code.width() + (x - 4)] == Color::Dark;
                assert_eq!(drawn[y][x], dark, "module ({x}, {y})");
            }
        }
    }

    #[test]
    fn text_too_long_for_any_code_has_none() {
        assert!(Qr::new(&"x".repeat(8000)).is_none());
    }
}
