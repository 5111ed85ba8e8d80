//! The address lottery on the site, the first stage of an assembly: an official uploads a
//! list of addresses with their areas, the site draws N for invitation letters (split by
//! households per area, chosen areas over-sampled) and makes a letter code for each; the
//! letters print one to a page, and the management page counts responses per area as
//! people register with the codes. Each letter carries a QR code to the volunteering form
//! with its code filled in (the code in the address is checked and throttled like a typed one).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::handlers::{jury_to_run, manage_page_with};
use super::store::{self, AddressLetter, Jury};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::uploads::Upload;
use crate::web::{AppResult, PageContext, RequireUser, render, render_with, see_other};
use axum::http::StatusCode;

/// Letters printed per page of the letters' page.
const LETTERS_PER_PAGE: i64 = 100;

/// The address lottery's form as typed (the file itself cannot be kept: it is chosen again).
#[derive(Clone, Debug, Default)]
pub struct AddressForm {
    pub address_column: String,
    pub area_column: String,
    pub letters: String,
    /// One area a line, "area, weight".
    pub oversample: String,
    pub seed: String,
}

/// "Millbrook, 2" lines as weights; the first line that is not one, as an error message.
fn weights(lang: &Lang, text: &str) -> Result<HashMap<String, f64>, String> {
    let mut weights = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = line
            .rsplit_once(',')
            .and_then(|(area, weight)| {
                let weight = weight.trim().replace(',', ".").parse::<f64>().ok()?;
                Some((area.trim().to_string(), weight))
            })
            .filter(|(area, weight)| !area.is_empty() && weight.is_finite() && *weight > 0.0);
        match parsed {
            Some((area, weight)) => {
                weights.insert(area, weight);
            }
            None => {
                return Err(lang.t_args(
                    "field-oversample-invalid",
                    &[("line", &(n + 1).to_string()), ("text", line.trim())],
                ));
            }
        }
    }
    Ok(weights)
}

/// Why the letters could not be drawn, beside the field to change.
fn draw_error(lang: &Lang, error: &sortition::AddressDrawError) -> (&'static str, String) {
    use sortition::AddressDrawError as E;
    match error {
        E::TooMany { asked, listed } => (
            "letters",
            lang.t_args(
                "field-letters-too-many",
                &[
                    ("asked", &asked.to_string()),
                    ("listed", &listed.to_string()),
                ],
            ),
        ),
        E::NoLetters => ("letters", lang.t("field-letters-invalid")),
        E::UnknownArea(area) => (
            "oversample",
            lang.t1("field-oversample-unknown-area", "area", area),
        ),
        E::BadWeight { area, .. } => (
            "oversample",
            lang.t1("field-oversample-weight", "area", area),
        ),
    }
}

/// The official uploads the addresses and draws the letters (while volunteers are taken).
pub async fn draw_addresses(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    upload: Upload,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    if jury.status != super::store::JuryStatus::Open {
        return Err(crate::web::AppError::Conflict("error-jury-not-open"));
    }
    let lang = ctx.lang.clone();
    let too_large = upload.too_large(&lang, "addresses");
    let mut form = AddressForm::default();
    let mut file = Vec::new();
    for (name, value) in forms::multipart_fields(upload.form).await? {
        match name.as_str() {
            "addresses" => file = value.to_vec(),
            "address_column" => form.address_column = forms::field_text(&value),
            "area_column" => form.area_column = forms::field_text(&value),
            "letters" => form.letters = forms::field_text(&value),
            "oversample" => form.oversample = forms::field_text(&value),
            "address_seed" => form.seed = forms::field_text(&value),
            _ => {}
        }
    }
    let mut errors = FormErrors::new();
    if let Some(message) = too_large {
        errors.add_message("addresses", message);
    }
    let letters = form.letters.trim().parse::<usize>().ok().filter(|n| *n > 0);
    if letters.is_none() {
        errors.add(&lang, "letters", "field-letters-invalid");
    }
    let weights = weights(&lang, &form.oversample).unwrap_or_else(|message| {
        errors.add_message("oversample", message);
        HashMap::new()
    });
    let seed = match form.seed.trim() {
        "" => Some(super::draw::random_seed()),
        typed => typed.parse::<u64>().ok().filter(|s| *s < 1 << 53),
    };
    if seed.is_none() {
        errors.add(&lang, "address_seed", "field-seed-invalid");
    }
    let columns = [
        if form.address_column.is_empty() {
            "address"
        } else {
            form.address_column.as_str()
        },
        if form.area_column.is_empty() {
            "area"
        } else {
            form.area_column.as_str()
        },
    ];
    let addresses = match String::from_utf8(file) {
        Ok(text) if !text.trim().is_empty() => {
            match sortition::read_addresses(&text, columns[0], columns[1]) {
                Ok(addresses) => Some(addresses),
                Err(e) => {
                    errors.add_message(
                        "addresses",
                        lang.t1("field-addresses-file-invalid", "error", &e.to_string()),
                    );
                    None
                }
            }
        }
        Ok(_) if errors.has("addresses") => None,
        Ok(_) => {
            errors.add(&lang, "addresses", "field-addresses-missing");
            None
        }
        Err(_) => {
            errors.add(&lang, "addresses", "field-addresses-not-text");
            None
        }
    };
    if let (true, Some(addresses), Some(n), Some(seed)) =
        (errors.is_empty(), &addresses, letters, seed)
    {
        match sortition::draw_addresses(addresses, n, &weights, seed) {
            Ok(drawn) => {
                let letters: Vec<(String, String)> = drawn
                    .iter()
                    .map(|&i| (addresses[i].address.clone(), addresses[i].area.clone()))
                    .collect();
                let made = store::create_address_letters(&state.db, &jury.id, &letters).await?;
                tracing::info!(by = %user.id, jury = %jury.id, made, seed, "address letters drawn");
                return Ok(see_other(
                    &format!("/juries/{slug}/letters"),
                    Some("jury-letters-drawn"),
                ));
            }
            Err(e) => {
                let (field, message) = draw_error(&lang, &e);
                errors.add_message(field, message);
            }
        }
    }
    let page = manage_page_with(&state, ctx, jury, errors, form).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "juries/templates/letters.html")]
struct LettersPage {
    ctx: PageContext,
    jury: Jury,
    letters: Vec<PrintedLetter>,
    code_page: String,
    next: Option<String>,
}

/// A letter as printed: its code again as a QR code of the form with the code filled in.
struct PrintedLetter {
    letter: AddressLetter,
    qr: crate::paper::Qr,
}

fn printed(state: &AppState, slug: &str, letter: AddressLetter) -> AppResult<PrintedLetter> {
    let join = crate::paper::absolute_url(state, &join_path(slug, &letter.code));
    Ok(PrintedLetter {
        qr: crate::paper::qr_of(&join)?,
        letter,
    })
}

/// The volunteering form with a letter's code filled in.
fn join_path(slug: &str, code: &str) -> String {
    let query = serde_urlencoded::to_string([("code", code)]).unwrap_or_default();
    format!("/juries/{slug}/join?{query}")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LettersQuery {
    /// The last letter shown: "area\u{1f}address\u{1f}code".
    after: String,
}

/// The letters to print, one to a sheet: the address, the invitation and the code.
pub async fn letters(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Query(query): Query<LettersQuery>,
) -> AppResult<Response> {
    let jury = jury_to_run(&state, &user, &slug).await?;
    let mut parts = query.after.split('\u{1f}');
    let after = match (parts.next(), parts.next(), parts.next()) {
        (Some(area), Some(address), Some(code)) => Some((area, address, code)),
        _ => None,
    };
    let letters = store::address_letters(&state.db, &jury.id, after, LETTERS_PER_PAGE).await?;
    let next = (letters.len() as i64 == LETTERS_PER_PAGE)
        .then(|| letters.last())
        .flatten()
        .map(|l| {
            serde_urlencoded::to_string([(
                "after",
                format!("{}\u{1f}{}\u{1f}{}", l.area, l.address, l.code),
            )])
            .unwrap_or_default()
        });
    let code_page = crate::paper::absolute_url(&state, "/jury-code");
    let letters = letters
        .into_iter()
        .map(|letter| printed(&state, &jury.slug, letter))
        .collect::<AppResult<Vec<_>>>()?;
    render(&LettersPage {
        ctx,
        jury,
        letters,
        code_page,
        next,
    })
}
