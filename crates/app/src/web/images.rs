//! Uploaded photos: only JPEG and PNG are taken, checked segment by segment, and stored
//! without their metadata (camera, time and GPS position in Exif, XMP, IPTC, text chunks),
//! so a photo of a broken bench does not publish where its taker lives.

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("only JPEG and PNG photos are accepted")]
    UnknownFormat,
    #[error("the photo's file is damaged or cut short")]
    Damaged,
}

/// A stored photo as a response: its type (JPEG unless it is PNG, the only two stored) and a
/// long cache lifetime, since a photo's address never changes what it shows.
pub fn response(content_type: &str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let content_type = match content_type {
        "image/png" => HeaderValue::from_static("image/png"),
        _ => HeaderValue::from_static("image/jpeg"),
    };
    let cache = HeaderValue::from_static("public, max-age=86400, immutable");
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response()
}

/// The photo's content type and its bytes without metadata.
pub fn without_metadata(bytes: &[u8]) -> Result<(&'static str, Vec<u8>), ImageError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(("image/jpeg", clean_jpeg(bytes)?))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(("image/png", clean_png(bytes)?))
    } else {
        Err(ImageError::UnknownFormat)
    }
}

/// Copies a JPEG's segments up to the image data, leaving out APP1-APP15 (Exif, XMP, IPTC,
/// maker notes) and comments; APP0 (JFIF) and APP2 (the colour profile) stay.
fn clean_jpeg(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut at = 2;
    loop {
        if at + 4 > bytes.len() || bytes[at] != 0xFF {
            return Err(ImageError::Damaged);
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        let length = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        let end = at + 2 + length;
        if length < 2 || end > bytes.len() {
            return Err(ImageError::Damaged);
        }
        let is_metadata = matches!(marker, 0xE1 | 0xE3..=0xEF | 0xFE);
        if !is_metadata {
            out.extend_from_slice(&bytes[at..end]);
        }
        if marker == 0xDA {
            // Start of scan: the compressed image and the end marker follow as they are.
            out.extend_from_slice(&bytes[end..]);
            return if bytes.ends_with(&[0xFF, 0xD9]) {
                Ok(out)
            } else {
                Err(ImageError::Damaged)
            };
        }
        at = end;
    }
}

/// Keeps a PNG's image chunks (and colour information), leaving out text, time and Exif.
fn clean_png(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    const KEEP: [&[u8; 4]; 10] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"pHYs",
    ];
    let mut out = bytes[..8].to_vec();
    let mut at = 8;
    while at < bytes.len() {
        if at + 12 > bytes.len() {
            return Err(ImageError::Damaged);
        }
        let length =
            u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let end = at
            .checked_add(12)
            .and_then(|e| e.checked_add(length))
            .filter(|&e| e <= bytes.len())
            .ok_or(ImageError::Damaged)?;
        let kind = &bytes[at + 4..at + 8];
        if KEEP.iter().any(|k| k.as_slice() == kind) {
            out.extend_from_slice(&bytes[at..end]);
        }
        if kind == b"IEND" {
            return Ok(out);
        }
        at = end;
    }
    Err(ImageError::Damaged)
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A tiny JPEG-shaped file: SOI, APP0, APP1 (Exif with a GPS tag), COM, SOS, data, EOI.
    pub fn jpeg_with_exif() -> Vec<u8> {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x07, b'J', b'F', b'I', b'F', 0]);
        let exif = b"Exif\0\0GPSLatitude 53.48";
        jpeg.extend_from_slice(&[0xFF, 0xE1]);
        jpeg.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(exif);
        jpeg.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x06, b'h', b'i', b'!', b'!']);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 1, 2, 0x55, 0x66, 0xFF, 0xD9]);
        jpeg
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]); // the CRC is not checked here
        out
    }

    #[test]
    fn jpeg_metadata_is_removed_and_the_image_kept() {
        let (kind, clean) = without_metadata(&jpeg_with_exif()).unwrap();
        assert_eq!(kind, "image/jpeg");
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("GPS") && !text.contains("Exif") && !text.contains("hi!!"));
        assert!(text.contains("JFIF"));
        assert!(clean.ends_with(&[0x55, 0x66, 0xFF, 0xD9]));
    }

    #[test]
    fn png_text_and_exif_chunks_are_removed() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Author\0Ann at 4 Canal Street"));
        png.extend(chunk(b"eXIf", b"GPS"));
        png.extend(chunk(b"IDAT", &[1, 2, 3]));
        png.extend(chunk(b"IEND", &[]));
        let (kind, clean) = without_metadata(&png).unwrap();
        assert_eq!(kind, "image/png");
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Canal") && !text.contains("GPS"));
        assert!(text.contains("IDAT") && text.contains("IEND"));
    }

    #[test]
    fn other_files_and_damaged_ones_are_refused() {
        assert_eq!(
            without_metadata(b"GIF89a...."),
            Err(ImageError::UnknownFormat)
        );
        assert_eq!(
            without_metadata(b"<svg onload=alert(1)>"),
            Err(ImageError::UnknownFormat)
        );
        let cut = &jpeg_with_exif()[..12];
        assert_eq!(without_metadata(cut), Err(ImageError::Damaged));
        let png = b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIDAT";
        assert_eq!(without_metadata(png), Err(ImageError::Damaged));
    }
}
