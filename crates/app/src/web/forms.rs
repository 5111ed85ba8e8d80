//! Form validation results, shown as an error summary at the top of the form and next to
//! each field (GOV.UK-style), in the visitor's language.

use crate::i18n::Lang;

#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    errors: Vec<FieldError>,
}

#[derive(Clone, Debug)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FormErrors {
    pub fn new() -> Self {
        FormErrors::default()
    }

    /// Records a problem with `field`, worded by the Fluent message `key`.
    pub fn add(&mut self, lang: &Lang, field: &'static str, key: &str) {
        self.errors.push(FieldError {
            field,
            message: lang.t(key),
        });
    }

    /// Records a problem already worded, e.g. a file reader's message naming the line.
    pub fn add_message(&mut self, field: &'static str, message: String) {
        self.errors.push(FieldError { field, message });
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn all(&self) -> &[FieldError] {
        &self.errors
    }

    /// The first message about `field`, for display beside it.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
}

/// Every field of a multipart upload, by name, in the order sent. A body that cannot be read
/// (cut short, malformed) is refused with one message.
pub async fn multipart_fields(
    form: axum::extract::Multipart,
) -> Result<Vec<(String, axum::body::Bytes)>, crate::web::AppError> {
    Ok(multipart_parts(form)
        .await?
        .into_iter()
        .map(|part| (part.name, part.bytes))
        .collect())
}

/// One field of a multipart upload, with the file name the browser gave, if any.
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: axum::body::Bytes,
}

/// Like [`multipart_fields`], keeping each file's name.
pub async fn multipart_parts(
    mut form: axum::extract::Multipart,
) -> Result<Vec<Part>, crate::web::AppError> {
    let unreadable = |_| crate::web::AppError::Conflict("error-upload-unreadable");
    let mut parts = Vec::new();
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(unreadable)?;
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}

/// A link to a form with its fields filled in: `path?name=value&...`, encoded.
pub fn prefilled(path: &str, fields: &[(&str, &str)]) -> String {
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(fields).unwrap_or_default()
    )
}

/// An ask for help in `area` with its words filled in (from an idea or a report-back).
pub fn ask_link(area_id: &str, title: &str, body: &str) -> String {
    prefilled(
        "/help/new",
        &[
            ("kind", "ask"),
            ("area", area_id),
            ("title", title),
            ("body", body),
        ],
    )
}

/// A proposal to the budget `slug` with its words filled in.
pub fn proposal_link(slug: &str, title: &str, description: &str) -> String {
    prefilled(
        &format!("/budgets/{slug}/propose"),
        &[("title", title), ("description", description)],
    )
}

/// A list's cursor as pages write it, `<created_at>.<id>`: the last item shown. Only exactly
/// what [`next_cursor`] writes is read (a time in digits, an id as the database makes them,
/// a lower-case hyphenated UUID); anything else is `None`, which the API refuses with 400.
pub fn parse_cursor(text: &str) -> Option<(i64, &str)> {
    let (at, id) = text.split_once('.')?;
    let digits = !at.is_empty() && at.len() <= 18 && at.bytes().all(|b| b.is_ascii_digit());
    let canonical_id = uuid::Uuid::try_parse(id).is_ok_and(|uuid| {
        uuid.hyphenated()
            .encode_lower(&mut uuid::Uuid::encode_buffer())
            == id
    });
    if !(digits && canonical_id) {
        return None;
    }
    Some((at.parse().ok()?, id))
}

/// The cursor for the page after `last` (None when the page was not full).
pub fn next_cursor(last: Option<(i64, &str)>, shown: usize, limit: i64) -> Option<String> {
    let (at, id) = last?;
    (shown as i64 == limit).then(|| format!("{at}.{id}"))
}

/// A select's options from values: (value, its label in the page's language).
pub fn labelled<T: Copy>(
    items: impl IntoIterator<Item = T>,
    value: fn(T) -> &'static str,
    key: fn(T) -> String,
    lang: &Lang,
) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|i| (value(i).to_string(), lang.t(&key(i))))
        .collect()
}

/// The text of a multipart field, trimmed (invalid UTF-8 replaced).
pub fn field_text(value: &[u8]) -> String {
    String::from_utf8_lossy(value).trim().to_string()
}

/// Trimmed text, or an error when empty or longer than `max` characters.
pub fn required_text(
    errors: &mut FormErrors,
    lang: &Lang,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(lang, field, &format!("field-{field}-missing"));
    } else if value.chars().count() > max {
        too_long(errors, lang, field, value, max);
    }
    value.to_string()
}

/// "This is too long": with the limit and how far over it the text is, so the person knows
/// how much to cut.
pub fn too_long(
    errors: &mut FormErrors,
    lang: &Lang,
    field: &'static str,
    value: &str,
    max: usize,
) {
    let length = value.chars().count();
    let message = lang.t_numbers(
        "field-too-long-limit",
        &[
            ("max", i64::try_from(max).unwrap_or(i64::MAX)),
            ("length", i64::try_from(length).unwrap_or(i64::MAX)),
        ],
    );
    errors.add_message(field, message);
}

/// Trimmed optional text with a length limit.
pub fn optional_text(
    errors: &mut FormErrors,
    lang: &Lang,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        too_long(errors, lang, field, value, max);
    }
    value.to_string()
}

/// A normalised email address (trimmed, lower case) or an error.
pub fn email(errors: &mut FormErrors, lang: &Lang, field: &'static str, value: &str) -> String {
    let value = value.trim().to_lowercase();
    if value.is_empty() {
        errors.add(lang, field, "field-email-missing");
    } else if !looks_like_email(&value) {
        errors.add(lang, field, "field-email-invalid");
    }
    value
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && value.len() <= 254
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
}

/// Lower case without the accents of Latin letters, so "cafe" finds "café" and "lodz"
/// finds "Łódź".
pub fn plain_letters(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ś' | 'š' => 's',
            'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

/// Text folded for matching what people type: letters and digits only, lower case
/// ("St. Anne's  Church" and "st annes church" fold alike).
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A date typed as YYYY-MM-DD (what `<input type=date>` sends).
pub fn date(value: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value.trim(), &format).ok()
}

/// A URL-friendly identifier made from a name: "St. Mary's Ward" -> "st-marys-ward".
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() {
            slug.push(c);
        } else if let Some(plain) = fold_accent(c) {
            slug.push(plain);
        } else if (c.is_whitespace() || c == '-' || c == '_' || c == '/') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'ą' | 'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'ć' | 'ç' | 'č' => 'c',
        'ę' | 'é' | 'è' | 'ê' | 'ë' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ł' => 'l',
        'ń' | 'ñ' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ś' | 'š' => 's',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_read_only_as_written() {
        let id = crate::db::new_id();
        let written = next_cursor(Some((1_767_225_600_000, &id)), 50, 50).unwrap();
        assert_eq!(
            parse_cursor(&written),
            Some((1_767_225_600_000, id.as_str()))
        );
        for bad in [
            "1.' OR '1'='1",
            "yesterday",
            "",
            ".",
            &format!("-1.{id}"),
            &format!("+1.{id}"),
            &format!("1.{}", id.to_uppercase()),
            &format!("1.{}", id.replace('-', "")),
            &format!("1.{{{id}}}"),
            &format!("1.{id}x"),
            &format!("99999999999999999999.{id}"),
        ] {
            assert_eq!(parse_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn plain_letters_drop_accents() {
        assert_eq!(plain_letters("World Café in Łódź"), "world cafe in lodz");
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slugify("St. Mary's Ward"), "st-marys-ward");
        assert_eq!(slugify("  Łódź — Śródmieście "), "lodz-srodmiescie");
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        let lang = Lang::default();
        let mut errors = FormErrors::new();
        assert_eq!(
            email(&mut errors, &lang, "email", " Ann@Example.ORG "),
            "ann@example.org"
        );
        assert!(errors.is_empty());
        email(&mut errors, &lang, "email", "not-an-email");
        assert!(errors.has("email"));
    }
}
