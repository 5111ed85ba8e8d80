//! Uploads larger than the site accepts (`max_body_bytes`). A form with a photo or a file
//! that is too large must come back with what the person typed and the limit stated, not end
//! on a bare "413". So a multipart form over the limit is read on, up to [`READ_CAP`] times
//! the limit, keeping its text fields and dropping its files; the handler gets the text
//! fields and an [`Upload`] that says which file fields were dropped, and shows its form
//! again with the error beside them. Anything larger, or not a multipart form, is still
//! refused with 413 (whose page states the limit).

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use crate::i18n::Lang;

/// How many times the limit a too-large multipart form is read to keep its text fields.
/// Past this the connection's bytes are not worth reading: 413.
pub const READ_CAP: usize = 16;

/// Set on a request whose files were dropped for their size.
#[derive(Clone, Debug)]
pub struct DroppedFiles {
    /// The names of the file fields dropped.
    pub fields: Vec<String>,
    pub limit: usize,
}

/// The body was over the limit and could not be kept as a form without its files.
#[derive(Debug)]
pub struct TooLarge;

/// Reads a request body of at most `limit` bytes. A multipart form over it comes back as
/// its text fields alone (a new body and its content type) with the files it dropped.
pub async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<(Bytes, Option<DroppedFiles>), TooLarge> {
    let mut stream = body.into_data_stream();
    let mut head: Vec<Bytes> = Vec::new();
    let mut read = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| TooLarge)?;
        read += chunk.len();
        head.push(chunk);
        if read > limit {
            let boundary = multipart_boundary(headers).ok_or(TooLarge)?;
            let whole = futures_util::stream::iter(head.into_iter().map(Ok::<_, axum::Error>))
                .chain(stream);
            return text_fields_only(whole, boundary, limit).await;
        }
    }
    let mut bytes = Vec::with_capacity(read);
    for chunk in head {
        bytes.extend_from_slice(&chunk);
    }
    Ok((Bytes::from(bytes), None))
}

fn multipart_boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    multer::parse_boundary(content_type).ok()
}

/// Reads the whole multipart body (at most [`READ_CAP`] times the limit), keeping the text
/// fields (at most `limit` bytes of them) and counting the files it drops.
async fn text_fields_only(
    stream: impl futures_util::Stream<Item = Result<Bytes, axum::Error>> + Send + 'static,
    boundary: String,
    limit: usize,
) -> Result<(Bytes, Option<DroppedFiles>), TooLarge> {
    let constraints = multer::Constraints::new()
        .size_limit(multer::SizeLimit::new().whole_stream((limit * READ_CAP) as u64));
    let mut form = multer::Multipart::with_constraints(stream, boundary.clone(), constraints);
    let mut out: Vec<u8> = Vec::new();
    let mut dropped = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(|_| TooLarge)? {
        let name = field.name().unwrap_or_default().to_string();
        if field.file_name().is_some() {
            while field.chunk().await.map_err(|_| TooLarge)?.is_some() {}
            if !dropped.contains(&name) {
                dropped.push(name);
            }
            continue;
        }
        let value = field.bytes().await.map_err(|_| TooLarge)?;
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        out.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{}\"\r\n\r\n",
                name.replace(['"', '\r', '\n'], "")
            )
            .as_bytes(),
        );
        out.extend_from_slice(&value);
        out.extend_from_slice(b"\r\n");
        if out.len() > limit {
            return Err(TooLarge);
        }
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok((
        Bytes::from(out),
        Some(DroppedFiles {
            fields: dropped,
            limit,
        }),
    ))
}

/// The limit as people read it: "2 MB", "1.5 MB" ("1,5 MB" in Polish).
pub fn size_text(lang: &Lang, bytes: usize) -> String {
    // Under a megabyte "0.1 MB" says little: small files are counted in kilobytes.
    if bytes < 1024 * 1024 {
        let kilobytes = bytes.div_ceil(1024).max(1).to_string();
        return lang.t1("upload-size-kilobytes", "size", &kilobytes);
    }
    let megabytes = lang.decimal(bytes as f64 / (1024.0 * 1024.0), 1);
    let megabytes = megabytes
        .strip_suffix(".0")
        .or_else(|| megabytes.strip_suffix(",0"))
        .map_or_else(|| megabytes.clone(), str::to_string);
    lang.t1("upload-size-megabytes", "size", &megabytes)
}

/// A multipart form, and the files dropped from it for their size (see [`read_body`]).
pub struct Upload {
    pub form: Multipart,
    pub dropped: Option<DroppedFiles>,
}

impl Upload {
    /// The error to show beside `field` when its file was dropped for its size, in the
    /// reader's language with the limit stated.
    pub fn too_large(&self, lang: &Lang, field: &str) -> Option<String> {
        let dropped = self.dropped.as_ref()?;
        dropped
            .fields
            .iter()
            .any(|f| f == field)
            .then(|| lang.t1("upload-too-large", "size", &size_text(lang, dropped.limit)))
    }
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let dropped = request.extensions().get::<DroppedFiles>().cloned();
        let form = Multipart::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Upload { form, dropped })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_written_as_each_language_writes_numbers() {
        let english = Lang::default();
        let polish = Lang::from_tag("pl").unwrap();
        assert_eq!(size_text(&english, 2 * 1024 * 1024), "2 MB");
        assert_eq!(size_text(&english, 3 * 512 * 1024), "1.5 MB");
        assert_eq!(size_text(&polish, 3 * 512 * 1024), "1,5 MB");
        assert_eq!(size_text(&english, 52), "1 kB");
        assert_eq!(size_text(&polish, 300 * 1024 + 1), "301 kB");
    }
}
