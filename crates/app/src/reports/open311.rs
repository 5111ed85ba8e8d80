//! Open311 GeoReport v2 under `/api/open311/v2/`: `GET services`, `GET requests`,
//! `GET requests/{id}` and `POST requests` (with an API key), each as `.json` or `.xml`.
//! Service codes are report categories; `jurisdiction_id` is an area's slug, which posting
//! systems must give, since every report belongs to an area.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::store::{self, Filter, NewReport, Order, Report};
use crate::api::keys;
use crate::areas::store as areas;
use crate::state::AppState;
use crate::web::AppResult;

const MAX_REQUESTS: i64 = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

/// "requests.json" → ("requests", Json).
pub fn split_format(file: &str) -> Option<(&str, Format)> {
    if let Some(name) = file.strip_suffix(".json") {
        Some((name, Format::Json))
    } else {
        file.strip_suffix(".xml").map(|name| (name, Format::Xml))
    }
}

/// One record: fields in the order GeoReport lists them (JSON values: strings, numbers,
/// booleans or null for an empty value).
type Record = Vec<(&'static str, Value)>;

fn text(value: impl Into<String>) -> Value {
    Value::String(value.into())
}

fn optional(value: Option<String>) -> Value {
    value.map_or(Value::Null, Value::String)
}

/// A list of records as GeoReport writes them: a JSON array of objects, or XML with
/// `root` holding one `item` element per record.
pub fn render(
    format: Format,
    root: &str,
    item: &str,
    records: &[Record],
) -> (String, &'static str) {
    match format {
        Format::Json => {
            let list: Vec<Value> = records
                .iter()
                .map(|record| {
                    let object: Map<String, Value> = record
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect();
                    Value::Object(object)
                })
                .collect();
            (Value::Array(list).to_string(), "application/json")
        }
        Format::Xml => {
            let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            out.push_str(&format!("<{root}>"));
            for record in records {
                out.push_str(&format!("<{item}>"));
                for (key, value) in record {
                    let value = match value {
                        Value::Null => String::new(),
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    out.push_str(&format!("<{key}>{}</{key}>", escape_xml(&value)));
                }
                out.push_str(&format!("</{item}>"));
            }
            out.push_str(&format!("</{root}>\n"));
            (out, "text/xml; charset=utf-8")
        }
    }
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn respond(
    status: StatusCode,
    format: Format,
    root: &str,
    item: &str,
    records: &[Record],
) -> Response {
    let (body, content_type) = render(format, root, item, records);
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A GeoReport error: `[{"code": 400, "description": "..."}]`.
fn error(format: Format, status: StatusCode, description: &str) -> Response {
    let record: Record = vec![
        ("code", Value::from(status.as_u16())),
        ("description", text(description)),
    ];
    respond(status, format, "errors", "error", &[record])
}

fn not_found() -> Response {
    error(Format::Json, StatusCode::NOT_FOUND, "no such resource")
}

/// Times as GeoReport writes them: ISO 8601 with the offset.
fn datetime(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Open311 knows two statuses: open, and closed (fixed, closed or a duplicate).
fn open311_status(report: &Report) -> &'static str {
    if report.status.is_open() {
        "open"
    } else {
        "closed"
    }
}

fn request_record(public_url: &str, report: &Report, notes: Option<String>) -> Record {
    let coordinate = |v: Option<f64>| v.map_or(Value::Null, Value::from);
    vec![
        ("service_request_id", text(&report.id)),
        ("status", text(open311_status(report))),
        ("status_notes", optional(notes)),
        ("service_name", text(&report.category_name)),
        ("service_code", text(&report.category_code)),
        ("description", text(&report.description)),
        (
            "agency_responsible",
            optional(report.organisation_name.clone()),
        ),
        ("service_notice", Value::Null),
        ("requested_datetime", text(datetime(report.created_at))),
        ("updated_datetime", text(datetime(report.updated_at))),
        ("expected_datetime", Value::Null),
        ("address", text(&report.address)),
        ("address_id", Value::Null),
        ("zipcode", Value::Null),
        ("lat", coordinate(report.latitude)),
        ("long", coordinate(report.longitude)),
        (
            "media_url",
            optional(
                report
                    .first_photo
                    .as_ref()
                    .map(|p| format!("{public_url}/reports/{}/photos/{p}", report.id)),
            ),
        ),
    ]
}

/// `GET services` and `GET requests`.
pub async fn get_list(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<RequestsQuery>,
) -> AppResult<Response> {
    match split_format(&file) {
        Some(("services", format)) => services(&state, format).await,
        Some(("requests", format)) => requests(&state, format, &query).await,
        _ => Ok(not_found()),
    }
}

async fn services(state: &AppState, format: Format) -> AppResult<Response> {
    let records: Vec<Record> = store::categories(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| {
            vec![
                ("service_code", text(c.code)),
                ("service_name", text(&c.name)),
                ("description", text(c.name)),
                ("metadata", Value::Bool(false)),
                ("type", text("realtime")),
                ("keywords", text("")),
                ("group", text("")),
            ]
        })
        .collect();
    Ok(respond(
        StatusCode::OK,
        format,
        "services",
        "service",
        &records,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RequestsQuery {
    service_request_id: String,
    service_code: String,
    /// ISO 8601 bounds on when the request was made.
    start_date: String,
    end_date: String,
    /// open or closed.
    status: String,
}

fn parse_datetime(text: &str) -> Option<i64> {
    let at =
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).ok()
}

async fn requests(state: &AppState, format: Format, query: &RequestsQuery) -> AppResult<Response> {
    // An empty bound is no bound; a bound that is not a date is an error.
    let bound = |text: &str| match text.trim() {
        "" => Some(None),
        text => parse_datetime(text).map(Some),
    };
    let (Some(start), Some(end)) = (bound(&query.start_date), bound(&query.end_date)) else {
        return Ok(error(
            format,
            StatusCode::BAD_REQUEST,
            "dates are ISO 8601 with an offset",
        ));
    };
    if !["", "open", "closed"].contains(&query.status.as_str()) {
        return Ok(error(
            format,
            StatusCode::BAD_REQUEST,
            "status is open or closed",
        ));
    }
    let ids: Vec<String> = query
        .service_request_id
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect();
    // Every condition goes to the database: filtering a fixed window of the newest reports
    // would find nothing in an older date range, nor an older report by its id.
    let filter = Filter {
        category: query.service_code.clone(),
        open: match query.status.as_str() {
            "open" => Some(true),
            "closed" => Some(false),
            _ => None,
        },
        ids,
        created_from: start,
        created_until: end,
        ..Filter::default()
    };
    let reports = store::list(&state.db, &filter, Order::NewestFirst, None, MAX_REQUESTS).await?;
    let records: Vec<Record> = reports
        .iter()
        .map(|r| request_record(&state.config.public_url, r, None))
        .collect();
    Ok(respond(
        StatusCode::OK,
        format,
        "service_requests",
        "request",
        &records,
    ))
}

/// `GET requests/{id}`.
pub async fn get_request(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let Some((id, format)) = split_format(&file) else {
        return Ok(not_found());
    };
    let Some(report) = store::find(&state.db, id).await? else {
        return Ok(error(
            format,
            StatusCode::NOT_FOUND,
            "no such service request",
        ));
    };
    let notes = store::updates(&state.db, &report.id)
        .await?
        .into_iter()
        .rev()
        .find(|u| u.official && !u.body.is_empty())
        .map(|u| u.body);
    let record = request_record(&state.config.public_url, &report, notes);
    Ok(respond(
        StatusCode::OK,
        format,
        "service_requests",
        "request",
        &[record],
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PostRequest {
    api_key: String,
    jurisdiction_id: String,
    service_code: String,
    lat: String,
    long: String,
    address_string: String,
    description: String,
}

/// What is wrong with a posted request, if anything: (status, description).
fn check_post(form: &PostRequest) -> Result<(Option<f64>, Option<f64>), &'static str> {
    if form.service_code.trim().is_empty() {
        return Err("service_code is required");
    }
    let description = form.description.trim();
    if description.is_empty() || description.chars().count() > 4000 {
        return Err("description is required (at most 4000 characters)");
    }
    let coordinate = |text: &str, range: f64| -> Result<Option<f64>, &'static str> {
        match text.trim() {
            "" => Ok(None),
            text => text
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= range)
                .map(Some)
                .ok_or("lat and long are decimal degrees"),
        }
    };
    let (lat, long) = (coordinate(&form.lat, 90.0)?, coordinate(&form.long, 180.0)?);
    if lat.is_some() != long.is_some() {
        return Err("give both lat and long, or neither");
    }
    if lat.is_none() && form.address_string.trim().is_empty() {
        return Err("a location is required: lat and long, or address_string");
    }
    Ok((lat, long))
}

/// The title a report gets from a posted description: its first line, shortened.
fn title_of(description: &str) -> String {
    let first = description.trim().lines().next().unwrap_or("").trim();
    if first.chars().count() <= 80 {
        first.to_string()
    } else {
        let cut: String = first.chars().take(79).collect();
        format!("{}…", cut.trim_end())
    }
}

/// `POST requests`: a report from another system, with an API key.
pub async fn post_request(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Form(form): Form<PostRequest>,
) -> AppResult<Response> {
    let format = match split_format(&file) {
        Some(("requests", format)) => format,
        _ => return Ok(not_found()),
    };
    let Some(key_name) = keys::check(&state.db, form.api_key.trim()).await? else {
        return Ok(error(
            format,
            StatusCode::FORBIDDEN,
            "a valid api_key is required",
        ));
    };
    if !state.api_writes.allow(&key_name) {
        tracing::info!(key = %key_name, "Open311 write refused: over the key's rate");
        return Ok(error(
            format,
            StatusCode::TOO_MANY_REQUESTS,
            "too many requests with this api_key; try again in a minute",
        ));
    }
    let (lat, long) = match check_post(&form) {
        Ok(place) => place,
        Err(problem) => return Ok(error(format, StatusCode::BAD_REQUEST, problem)),
    };
    // Without a jurisdiction, the point decides, as on the site's own form.
    let jurisdiction = form.jurisdiction_id.trim();
    let area = match (jurisdiction, lat.zip(long)) {
        ("", Some((lat, long))) => {
            let inner = crate::areas::places::areas_at(&state, lat, long)
                .into_iter()
                .next();
            match inner {
                Some(inner) => areas::find(&state.db, &inner.id).await?,
                None => {
                    return Ok(error(
                        format,
                        StatusCode::BAD_REQUEST,
                        "lat and long are outside every area of this site; give jurisdiction_id",
                    ));
                }
            }
        }
        (slug, _) => areas::find_by_slug(&state.db, slug).await?,
    };
    let Some(area) = area else {
        return Ok(error(
            format,
            StatusCode::BAD_REQUEST,
            "jurisdiction_id must be the slug of one of this site's areas",
        ));
    };
    let categories = store::categories(&state.db).await?;
    let Some(category) = categories
        .iter()
        .find(|c| c.active && c.code == form.service_code.trim())
    else {
        return Ok(error(
            format,
            StatusCode::BAD_REQUEST,
            "unknown service_code",
        ));
    };
    let description = form.description.trim();
    let title = title_of(description);
    let source = format!("open311:{key_name}");
    let report = NewReport {
        category_id: &category.id,
        area_id: &area.id,
        title: &title,
        description,
        latitude: lat,
        longitude: long,
        address: form.address_string.trim(),
        author_id: None,
        source: &source,
        photos: &[],
        for_someone: None,
    };
    let public_url = state.config.public_url.clone();
    let id = store::create(
        &state.db,
        &report,
        |id, officials| super::new_report_emails(&public_url, id, &title, officials),
        |locale| Some(super::new_report_notice(locale, &title)),
    )
    .await?;
    state.jobs_waiting.notify_one();
    tracing::info!(report = %id, key = %key_name, "Open311 request stored");
    let record: Record = vec![
        ("service_request_id", text(id)),
        ("service_notice", text("")),
        ("account_id", Value::Null),
    ];
    Ok(respond(
        StatusCode::CREATED,
        format,
        "service_requests",
        "request",
        &[record],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_titles() {
        assert_eq!(
            split_format("requests.json"),
            Some(("requests", Format::Json))
        );
        assert_eq!(split_format("abc.xml"), Some(("abc", Format::Xml)));
        assert_eq!(split_format("services"), None);
        let record: Record = vec![("code", Value::from(400)), ("description", text("a<b & c"))];
        let (xml, _) = render(
            Format::Xml,
            "errors",
            "error",
            std::slice::from_ref(&record),
        );
        assert!(xml.contains("<errors><error><code>400</code><description>a&lt;b &amp; c</description></error></errors>"));
        let (json, _) = render(Format::Json, "errors", "error", &[record]);
        assert_eq!(json, r#"[{"code":400,"description":"a<b & c"}]"#);
        assert_eq!(
            title_of("Pothole by the school\nIt is deep"),
            "Pothole by the school"
        );
        assert_eq!(title_of(&"x".repeat(100)).chars().count(), 80);
    }
}
