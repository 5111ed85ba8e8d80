//! Real photos for the upload tests, made here: tiny JPEGs and PNGs that decode, with the
//! metadata an attack hides spliced in where a cleaner copying segments would miss it.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, RgbImage};

/// The latitude's numbers as an Exif GPS directory stores them (53/1°, 28/1′, 5088/100″,
/// big-endian rationals): a served file holding these bytes gives away where Ann lives.
pub const GPS_LATITUDE: [u8; 24] = [
    0, 0, 0, 53, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 1, 0, 0, 0x13, 0xE0, 0, 0, 0, 100,
];
/// A comment a phone app might write.
pub const COMMENT: &[u8] = b"Ann at home, 4 Canal Street";

/// Whether `needle` occurs in `bytes`.
pub fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// The sides of a served photo, decoded: proof it is a picture and not just bytes.
pub fn sides(bytes: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory(bytes).expect("the served photo decodes");
    (image.width(), image.height())
}

/// A colour gradient, so the encoders have something to encode.
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 11) as u8, ((x + y) * 3) as u8])
    })
}

/// A baseline JPEG, as most cameras write.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(picture(width, height))
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90))
        .unwrap();
    out
}

/// A progressive JPEG: the picture comes in several scans, coarse to fine.
pub fn progressive_jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, 90);
    encoder.set_progressive(true);
    let pixels = picture(u32::from(width), u32::from(height)).into_raw();
    encoder
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

/// A JPEG marker segment: marker, length, payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// Exif as a camera writes it (big-endian TIFF): the first directory points to a GPS
/// directory holding the latitude.
fn exif_tiff() -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) pointing at 26; no next directory.
    tiff.extend_from_slice(&[0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
    // The GPS directory at 26: GPSLatitudeRef "N" and GPSLatitude (3 rationals at 56).
    tiff.extend_from_slice(&[0, 2]);
    tiff.extend_from_slice(&[0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&GPS_LATITUDE);
    tiff
}

/// An APP1 segment with Exif GPS, and a COM segment with the comment.
fn metadata_segments() -> Vec<u8> {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_tiff());
    let mut out = segment(0xE1, &exif);
    out.extend(segment(0xFE, COMMENT));
    out
}

/// A real JPEG whose Exif block holds a GPS position and which carries a comment, both
/// right after the start marker, where cameras put them.
pub fn jpeg_with_gps() -> Vec<u8> {
    let mut jpeg = jpeg(24, 16);
    let rest = jpeg.split_off(2);
    jpeg.extend(metadata_segments());
    jpeg.extend(rest);
    jpeg
}

/// A progressive JPEG with the Exif GPS block and the comment placed after its first
/// scan, before the second: legal there, and past where a cleaner stopping at the first
/// scan looks.
pub fn progressive_jpeg_with_gps_after_first_scan() -> Vec<u8> {
    let jpeg = progressive_jpeg(24, 16);
    let mut at = 2;
    // Walk the segments to the first start of scan.
    while jpeg[at + 1] != 0xDA {
        at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    }
    at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    // The scan's coded data runs to the next marker that is not a stuffed byte or a restart.
    while !(jpeg[at] == 0xFF && jpeg[at + 1] != 0 && !(0xD0..=0xD7).contains(&jpeg[at + 1])) {
        at += 1;
    }
    assert_ne!(jpeg[at + 1], 0xD9, "the picture has a second scan");
    let mut out = jpeg[..at].to_vec();
    out.extend(metadata_segments());
    out.extend_from_slice(&jpeg[at..]);
    out
}

/// A JPEG with a second JPEG, carrying Exif GPS, after its end marker, as multi-picture
/// files and motion photos are made.
pub fn jpeg_with_a_second_picture_appended() -> Vec<u8> {
    let mut out = jpeg(24, 16);
    out.extend(jpeg_with_gps());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG chunk with its checksum.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut checked = kind.to_vec();
    checked.extend_from_slice(data);
    out.extend_from_slice(&crc32(&checked).to_be_bytes());
    out
}

/// `data` as a zlib stream of one stored (uncompressed) block.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let length = u16::try_from(data.len()).unwrap();
    let mut out = vec![0x78, 0x01, 0x01];
    out.extend_from_slice(&length.to_le_bytes());
    out.extend_from_slice(&(!length).to_le_bytes());
    out.extend_from_slice(data);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(picture(width, height))
        .write_with_encoder(PngEncoder::new(&mut out))
        .unwrap();
    out
}

/// A real PNG carrying text (tEXt, compressed zTXt, international iTXt), a time, Exif
/// with GPS (eXIf), and a colour profile whose name tells where it was taken (iCCP, a
/// chunk a whitelist of colour information lets through).
pub fn png_with_metadata() -> Vec<u8> {
    let png = png(24, 16);
    let after_header = 8 + 25; // the signature, then IHDR: length, kind, 13 bytes, checksum
    let before_end = png.len() - 12;
    let mut out = png[..after_header].to_vec();
    let mut profile = b"Ann at home, 4 Canal Street\0\0".to_vec();
    profile.extend(zlib_stored(b"an ICC profile would be here"));
    out.extend(png_chunk(b"iCCP", &profile));
    let mut text = b"Comment\0".to_vec();
    text.extend_from_slice(COMMENT);
    out.extend(png_chunk(b"tEXt", &text));
    let mut compressed = b"Author\0\0".to_vec();
    compressed.extend(zlib_stored(COMMENT));
    out.extend(png_chunk(b"zTXt", &compressed));
    out.extend(png_chunk(b"tIME", &[0x07, 0xEA, 5, 17, 8, 30, 0]));
    out.extend_from_slice(&png[after_header..before_end]);
    let mut international = b"Description\0\0\0pl\0Opis\0".to_vec();
    international.extend_from_slice(COMMENT);
    out.extend(png_chunk(b"iTXt", &international));
    out.extend(png_chunk(b"eXIf", &exif_tiff()));
    out.extend_from_slice(&png[before_end..]);
    out
}

/// A small file whose header declares 20000 × 20000 pixels: 1.2 GB once decoded.
pub fn png_bomb() -> Vec<u8> {
    let mut header = 20_000u32.to_be_bytes().to_vec();
    header.extend_from_slice(&20_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, no interlacing
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &header));
    out.extend(png_chunk(b"IDAT", &zlib_stored(&[0; 61])));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

#[test]
fn the_made_photos_decode_and_carry_what_they_should() {
    for (photo, needle) in [
        (jpeg_with_gps(), GPS_LATITUDE.as_slice()),
        (progressive_jpeg_with_gps_after_first_scan(), COMMENT),
        (jpeg_with_a_second_picture_appended(), &GPS_LATITUDE),
        (png_with_metadata(), COMMENT),
    ] {
        assert_eq!(sides(&photo), (24, 16));
        assert!(holds(&photo, needle));
    }
    let bomb = png_bomb();
    assert!(bomb.len() < 200);
    let declared = image::ImageReader::new(std::io::Cursor::new(&bomb))
        .with_guessed_format()
        .unwrap()
        .into_dimensions()
        .unwrap();
    assert_eq!(declared, (20_000, 20_000));
}
