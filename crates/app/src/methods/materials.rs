//! Which files a method's materials may be, decided from the name and the first bytes
//! together (a renamed program is refused), and a file name safe to send back. Pure.

/// A material as it will be stored.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub file_name: String,
    pub content_type: &'static str,
}

/// Why a file is refused; each names the message shown.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    Empty,
    NotAllowed,
}

impl Refused {
    pub fn message_key(&self) -> &'static str {
        match self {
            Refused::Empty => "error-material-empty",
            Refused::NotAllowed => "error-material-type",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";

/// The file's type if it is one materials may be: PDF, PNG, JPEG, plain text, CSV, or an
/// OpenDocument or Office document; the extension and the content must agree.
pub fn check(file_name: &str, bytes: &[u8]) -> Result<Checked, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    let file_name = safe_name(file_name);
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let text = || std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0);
    let content_type = match extension.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => "application/pdf",
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => "image/png",
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => "image/jpeg",
        "txt" | "md" if text() => "text/plain; charset=utf-8",
        "csv" if text() => "text/csv; charset=utf-8",
        "odt" if bytes.starts_with(ZIP) => "application/vnd.oasis.opendocument.text",
        "ods" if bytes.starts_with(ZIP) => "application/vnd.oasis.opendocument.spreadsheet",
        "odp" if bytes.starts_with(ZIP) => "application/vnd.oasis.opendocument.presentation",
        "docx" if bytes.starts_with(ZIP) => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        "xlsx" if bytes.starts_with(ZIP) => {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        "pptx" if bytes.starts_with(ZIP) => {
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        }
        _ => return Err(Refused::NotAllowed),
    };
    Ok(Checked {
        file_name,
        content_type,
    })
}

/// The last part of a path, without control characters, quotes or separators, at most
/// 100 characters; "material" if nothing is left.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | '<' | '>' | ':' | '*' | '?' | '|'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    if cleaned.is_empty() {
        return "material".to_string();
    }
    let count = cleaned.chars().count();
    if count <= 100 {
        return cleaned.to_string();
    }
    // Keep the extension when shortening.
    match cleaned.rsplit_once('.') {
        Some((stem, ext)) if ext.len() <= 5 => {
            let stem: String = stem.chars().take(100 - ext.len() - 1).collect();
            format!("{stem}.{ext}")
        }
        _ => cleaned.chars().take(100).collect(),
    }
}

/// `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266).
pub fn disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| if c.is_ascii() && c != '%' { c } else { '_' })
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_content_must_agree() {
        assert_eq!(
            check("cards.pdf", b"%PDF-1.7 ...").unwrap().content_type,
            "application/pdf"
        );
        assert_eq!(check("cards.pdf", b"MZ\x90\x00"), Err(Refused::NotAllowed));
        assert_eq!(check("setup.exe", b"%PDF-1.7"), Err(Refused::NotAllowed));
        assert_eq!(
            check("notes.txt", b"plain \xff bytes"),
            Err(Refused::NotAllowed)
        );
        assert_eq!(
            check("notes.TXT", b"Step one").unwrap().content_type,
            "text/plain; charset=utf-8"
        );
        assert_eq!(
            check("sheet.ods", b"PK\x03\x04rest").unwrap().file_name,
            "sheet.ods"
        );
        assert_eq!(check("empty.pdf", b""), Err(Refused::Empty));
    }

    #[test]
    fn names_lose_paths_and_dangerous_characters() {
        assert_eq!(
            safe_name("C:\\Users\\kasia\\cards \"v2\".pdf"),
            "cards v2.pdf"
        );
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name(".hidden"), "hidden");
        assert_eq!(safe_name(""), "material");
        let long = format!("{}.pdf", "a".repeat(300));
        let short = safe_name(&long);
        assert_eq!(short.chars().count(), 100);
        assert!(short.ends_with(".pdf"));
    }

    #[test]
    fn downloads_name_the_file_in_ascii_and_utf8() {
        assert_eq!(
            disposition("Karty gry – łódź.pdf"),
            "attachment; filename=\"Karty gry _ __d_.pdf\"; filename*=UTF-8''Karty%20gry%20%E2%80%93%20%C5%82%C3%B3d%C5%BA.pdf"
        );
    }
}
