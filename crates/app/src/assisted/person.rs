//! The part every "for someone" form shares: who the item is for (name, phone or postal
//! address, how they agreed), who may enter it, the claim code, and the resident's slip.
//! A feature's own form adds these fields when it is opened with `?for_someone=1`.

use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use super::store::ForSomeone;
use crate::i18n::Lang;
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::{CurrentUser, hash_token};
use crate::web::{AppError, AppResult, PageContext, render};

/// Claim codes: 10 characters of an alphabet that reads well on paper (about 50 bits).
pub const CODE_LENGTH: usize = 10;

/// The person fields as typed (kept when the form comes back with errors).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonFields {
    /// "1" when the form is filled in for someone else.
    pub for_someone: String,
    pub person_name: String,
    pub phone: String,
    pub postal_address: String,
    pub consent_note: String,
}

impl PersonFields {
    pub fn is_for_someone(&self) -> bool {
        self.for_someone == "1"
    }

    /// Reads the fields from a form read as pairs (the forms with repeated fields).
    pub fn from_pairs(pairs: &[(String, String)]) -> PersonFields {
        let mut person = PersonFields::default();
        for (name, value) in pairs {
            let field = match name.as_str() {
                "for_someone" => &mut person.for_someone,
                "person_name" => &mut person.person_name,
                "phone" => &mut person.phone,
                "postal_address" => &mut person.postal_address,
                "consent_note" => &mut person.consent_note,
                _ => continue,
            };
            *field = value.clone();
        }
        person
    }

    /// A blank "for someone" part, for a form opened to enter for someone.
    pub fn blank() -> PersonFields {
        PersonFields {
            for_someone: "1".into(),
            ..PersonFields::default()
        }
    }
}

/// The person, checked: a name, a phone number or a postal address, how they agreed.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub phone: String,
    pub postal_address: String,
    pub consent_note: String,
}

/// Checks the person fields, adding what is wrong to `errors` (the message names the field).
pub fn check_person(errors: &mut FormErrors, lang: &Lang, fields: &PersonFields) -> Person {
    let name = forms::required_text(errors, lang, "person_name", &fields.person_name, 100);
    let phone = forms::optional_text(errors, lang, "phone", &fields.phone, 40);
    let postal_address =
        forms::optional_text(errors, lang, "postal_address", &fields.postal_address, 300);
    if !errors.has("phone") && phone.is_empty() && postal_address.is_empty() {
        errors.add_message("phone", lang.t("field-assist-contact-missing"));
    }
    let consent_note =
        forms::required_text(errors, lang, "consent_note", &fields.consent_note, 200);
    Person {
        name,
        phone,
        postal_address,
        consent_note,
    }
}

/// An entry being made: the person, who makes it, and the code for their slip (only its
/// hash is stored).
pub struct Helping {
    pub person: Person,
    pub entered_by: String,
    pub code: String,
    code_hash: String,
}

impl Helping {
    pub fn new(person: Person, entered_by: &str) -> Helping {
        let code = crate::roles::store::printable_code(CODE_LENGTH);
        let code_hash = hash_token(&code);
        Helping {
            person,
            entered_by: entered_by.to_string(),
            code,
            code_hash,
        }
    }

    /// What the stores record with the item.
    pub fn entry(&self) -> ForSomeone<'_> {
        ForSomeone {
            person_name: &self.person.name,
            phone: &self.person.phone,
            postal_address: &self.person.postal_address,
            consent_note: &self.person.consent_note,
            entered_by: &self.entered_by,
            claim_code_hash: &self.code_hash,
        }
    }

    /// The code as printed: two groups of five.
    pub fn printed_code(&self) -> String {
        format!("{}-{}", &self.code[..5], &self.code[5..])
    }
}

/// The areas where the person may enter things for others (connectors, officials, admins).
pub async fn entry_areas(state: &AppState, user: &CurrentUser) -> AppResult<Vec<(String, String)>> {
    let areas = roles::areas_where(&state.db, user, AreaAction::OrganiseCommunity).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-assist-not-allowed"));
    }
    Ok(areas)
}

/// Refuses unless the person may enter things for others in this area.
pub async fn require_in_area(state: &AppState, user: &CurrentUser, area_id: &str) -> AppResult<()> {
    if roles::can(&state.db, user, area_id, AreaAction::OrganiseCommunity).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden("error-assist-not-allowed"))
    }
}

/// The entry being made when a feature's form was filled in for someone: refused unless the
/// helper may enter things for others in the form's area (once the area itself is valid),
/// the person's fields checked into `errors`. None for a form filled in for oneself.
pub async fn helping_in_area(
    state: &AppState,
    user: &CurrentUser,
    errors: &mut FormErrors,
    lang: &Lang,
    fields: &PersonFields,
    area_id: &str,
) -> AppResult<Option<Helping>> {
    if !fields.is_for_someone() {
        return Ok(None);
    }
    if !errors.has("area") {
        require_in_area(state, user, area_id).await?;
    }
    let person = check_person(errors, lang, fields);
    Ok(Some(Helping::new(person, &user.id)))
}

/// Whether the person may enter things for others in this area (for showing the link).
pub async fn may_enter_in(
    state: &AppState,
    user: Option<&CurrentUser>,
    area_id: &str,
) -> AppResult<bool> {
    roles::can_if_signed_in(&state.db, user, area_id, AreaAction::OrganiseCommunity).await
}

/// The slip printed for the resident, shared by every kind of entry.
#[derive(Clone)]
pub struct Slip {
    pub person_name: String,
    /// What was recorded, in a sentence ("We have recorded your offer "...".").
    pub what: String,
    pub code: String,
    pub public_url: String,
}

impl Slip {
    pub fn new(helping: &Helping, what: String, public_url: &str) -> Slip {
        Slip {
            person_name: helping.person.name.clone(),
            what,
            code: helping.printed_code(),
            public_url: public_url.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "assisted/templates/slip.html")]
struct SlipPage {
    ctx: PageContext,
    slip: Slip,
    /// The entry's own page (none while it waits for moderation), and the next form.
    item_link: Option<String>,
    again: String,
}

/// The answer to an entry made with a feature's own form: the slip, and links to the item
/// and to the next empty form.
pub fn slip_page(
    ctx: PageContext,
    slip: Slip,
    item_link: Option<&str>,
    again: &str,
) -> AppResult<Response> {
    render(&SlipPage {
        ctx,
        slip,
        item_link: item_link.map(str::to_string),
        again: again.to_string(),
    })
}
