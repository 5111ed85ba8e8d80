//! Uploaded photos: only JPEG and PNG are taken. Each is decoded to its pixels, within limits
//! read from its header before any pixel is decoded, and encoded afresh in its own format.
//! Nothing of the sent file but its pixels reaches the store, so no metadata survives,
//! wherever the file hid it: Exif (camera, time, GPS position), XMP, IPTC, comments, text
//! chunks, segments between a progressive JPEG's scans, a second picture after the end
//! marker, a colour profile's name. A photo of a broken bench does not publish where its
//! taker lives, and a small file that unpacks to gigabytes is refused unopened.

use std::io::Cursor;

use axum::body::Bytes;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use tokio::sync::Semaphore;

use crate::i18n::Lang;

/// The widest and the tallest photo taken, in pixels: room for a panorama.
pub const MAX_SIDE: u32 = 8000;
/// The most pixels a photo may have, 16 megapixels: more than a phone photo that fits the
/// upload limit. At 8 bytes a pixel (16-bit RGBA, the widest PNG) it decodes within
/// [`MAX_DECODED`], so every photo within the pixel limits also fits in memory and the
/// refusal a person sees is always the one about pixels.
pub const MAX_PIXELS: u64 = 16_000_000;
/// Memory one photo's pixels may take while it is re-encoded.
const MAX_DECODED: u64 = 128 * 1024 * 1024;
/// Close to what cameras use, so a photo is not visibly worse for being re-encoded.
const JPEG_QUALITY: u8 = 85;

/// Decoding takes a core and up to [`MAX_DECODED`] bytes for a moment; two photos at a time
/// (a small server's cores) keep a burst of uploads from exhausting either.
static DECODING: Semaphore = Semaphore::const_new(2);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("only JPEG and PNG photos are accepted")]
    UnknownFormat,
    #[error("the photo's file is damaged or cut short")]
    Damaged,
    #[error("the photo has more than {MAX_SIDE} pixels on a side or {MAX_PIXELS} in all")]
    TooLarge,
}

impl ImageError {
    /// What to tell the person who sent the photo, in their language.
    pub fn message(&self, lang: &Lang) -> String {
        match self {
            ImageError::UnknownFormat => lang.t("error-photo-format"),
            ImageError::Damaged => lang.t("error-photo-damaged"),
            ImageError::TooLarge => lang.t_numbers(
                "error-photo-too-large",
                &[
                    ("side", i64::from(MAX_SIDE)),
                    ("megapixels", (MAX_PIXELS / 1_000_000) as i64),
                ],
            ),
        }
    }
}

/// How long others may keep a served photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// Anyone, for a day: for a photo that is never hidden or removed once shown.
    Public,
    /// Only the viewer's own browser, for five minutes: for a photo whose answer depends
    /// on who asks and can turn into a 404 when a moderator hides what it belongs to. A
    /// shared cache must never keep it; the viewer already saw it, and five minutes spare
    /// a list of photos from being fetched again on every page.
    Private,
}

/// A stored photo as a response: its type (JPEG unless it is PNG, the only two stored).
pub fn response(content_type: &str, bytes: Vec<u8>, caching: Caching) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let content_type = match content_type {
        "image/png" => HeaderValue::from_static("image/png"),
        _ => HeaderValue::from_static("image/jpeg"),
    };
    let cache = HeaderValue::from_static(match caching {
        Caching::Public => "public, max-age=86400, immutable",
        Caching::Private => "private, max-age=300",
    });
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response()
}

/// The photo's content type and its pixels encoded afresh, without anything else the file
/// carried. Decoding runs off the async threads, at most two at a time.
pub async fn without_metadata(bytes: Bytes) -> Result<(&'static str, Vec<u8>), ImageError> {
    let format = format_of(&bytes)?;
    let turn = DECODING.acquire().await.map_err(|_| ImageError::Damaged)?;
    // The turn goes with the work, so a sender who hangs up does not free it early.
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        reencode(&bytes, format)
    })
    .await
    .unwrap_or_else(|panic| {
        // A decoder that panics on a crafted file refuses that file, nothing more.
        tracing::error!(error = %panic, "decoding a photo panicked");
        Err(ImageError::Damaged)
    })
}

/// JPEG or PNG by the file's first bytes; whatever the file's name or declared type says.
fn format_of(bytes: &[u8]) -> Result<ImageFormat, ImageError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(ImageFormat::Png)
    } else {
        Err(ImageError::UnknownFormat)
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED);
    limits
}

fn refusal(error: image::ImageError) -> ImageError {
    match error {
        image::ImageError::Limits(_) => ImageError::TooLarge,
        _ => ImageError::Damaged,
    }
}

fn reencode(bytes: &[u8], format: ImageFormat) -> Result<(&'static str, Vec<u8>), ImageError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    // Making the decoder reads the header only, and checks the sides against the limits.
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODED {
        return Err(ImageError::TooLarge);
    }
    // Turned upright the way the camera said, as that instruction is dropped with the rest.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    image.apply_orientation(orientation);
    // Only the pixels are written: no Exif, no text, and no colour profile either (a photo
    // in a wide-gamut profile looks a little duller, a fair price for storing none of the
    // sender's arbitrary bytes).
    let mut out = Vec::new();
    let written = match format {
        ImageFormat::Png => image.write_with_encoder(PngEncoder::new(&mut out)),
        _ => {
            // A JPEG holds 8-bit grey or colour; a decoded one is already one of them.
            let image = if image.color().has_color() {
                DynamicImage::ImageRgb8(image.into_rgb8())
            } else {
                DynamicImage::ImageLuma8(image.into_luma8())
            };
            image.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
        }
    };
    written.map_err(|error| {
        tracing::error!(%error, "encoding a photo");
        ImageError::Damaged
    })?;
    let content_type = match format {
        ImageFormat::Png => "image/png",
        _ => "image/jpeg",
    };
    Ok((content_type, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image =
            image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x * 60) as u8, 0, 0]));
        let mut out = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90))
            .unwrap();
        out
    }

    /// The JPEG with its frame header claiming other sides: only the header is read.
    fn declaring(mut jpeg: Vec<u8>, width: u16, height: u16) -> Vec<u8> {
        let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
        jpeg
    }

    /// An Exif block (big-endian TIFF) holding only an orientation.
    fn exif_orientation(value: u16) -> Vec<u8> {
        let mut tiff = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1]);
        tiff.extend_from_slice(&value.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&((tiff.len() + 2) as u16).to_be_bytes());
        segment.extend(tiff);
        segment
    }

    #[test]
    fn a_photo_is_turned_upright_and_loses_the_instruction() {
        let mut sideways = jpeg(4, 2);
        let tail = sideways.split_off(2);
        sideways.extend(exif_orientation(6)); // rotate 90° clockwise to view
        sideways.extend(tail);
        let (kind, clean) = reencode(&sideways, ImageFormat::Jpeg).unwrap();
        assert_eq!(kind, "image/jpeg");
        assert!(!clean.windows(4).any(|w| w == b"Exif"));
        let upright = image::load_from_memory(&clean).unwrap();
        assert_eq!((upright.width(), upright.height()), (2, 4));
    }

    #[test]
    fn other_files_damaged_ones_and_huge_ones_are_refused() {
        assert_eq!(format_of(b"GIF89a...."), Err(ImageError::UnknownFormat));
        assert_eq!(
            format_of(b"<svg onload=alert(1)>"),
            Err(ImageError::UnknownFormat)
        );
        let cut = &jpeg(16, 16)[..40];
        assert_eq!(reencode(cut, ImageFormat::Jpeg), Err(ImageError::Damaged));
        let png = b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIDAT";
        assert_eq!(reencode(png, ImageFormat::Png), Err(ImageError::Damaged));
        // 9000 × 10 is within the pixel count but not the side; 5000 × 4000 the reverse.
        for (width, height) in [(9000, 10), (5000, 4000)] {
            let declared = declaring(jpeg(8, 8), width, height);
            assert_eq!(
                reencode(&declared, ImageFormat::Jpeg),
                Err(ImageError::TooLarge)
            );
        }
    }

    #[test]
    fn the_refusal_states_the_limit_in_each_language() {
        let english = ImageError::TooLarge.message(&Lang::default());
        assert!(english.contains("8000 pixels") && english.contains("16 megapixels"));
        let polish = ImageError::TooLarge.message(&Lang::from_tag("pl").unwrap());
        assert!(
            polish.contains("8000 pikseli") && polish.contains("16 megapikseli"),
            "{polish}"
        );
    }
}
