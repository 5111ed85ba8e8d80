use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::insights::{self, Insights};
use super::map::{self, Built, Colour, Filter, Headline, Naming, Size};
use super::store::{
    self, ALL_VISIBILITIES, CreateExerciseError, Exercise, NamedTie, NewExercise, NodeKind,
    RespondError, Visibility,
};
use crate::areas::store as areas;
use crate::assisted::{self, PersonFields};
use crate::i18n::Lang;
use crate::mail::{self, Email};
use crate::roles::{self, policy::AreaAction};
use crate::skills::Catalogue;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::session::{MaybeUser, secret_matches};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, csv, download, render, render_with,
    see_other,
};

/// How many ties one questionnaire can give (rows on the form).
pub(super) const TIE_ROWS: usize = 6;
const TIE_NAME: [&str; TIE_ROWS] = [
    "tie-name-0",
    "tie-name-1",
    "tie-name-2",
    "tie-name-3",
    "tie-name-4",
    "tie-name-5",
];
pub(super) const FREQUENCIES: [&str; 3] = ["weekly", "monthly", "yearly"];

pub(super) async fn exercise_by_slug(state: &AppState, slug: &str) -> AppResult<Exercise> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn is_organiser(
    state: &AppState,
    user: Option<&CurrentUser>,
    exercise: &Exercise,
) -> AppResult<bool> {
    let action = AreaAction::OrganiseMapping;
    roles::can_if_signed_in(&state.db, user, &exercise.area_id, action).await
}

async fn exercise_to_organise(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<Exercise> {
    let exercise = exercise_by_slug(state, slug).await?;
    roles::require(
        &state.db,
        user,
        &exercise.area_id,
        AreaAction::OrganiseMapping,
    )
    .await?;
    Ok(exercise)
}

fn token_matches(exercise: &Exercise, token: &str) -> bool {
    secret_matches(token, &exercise.invite_token)
}

/// `?token=...` to carry a respondent's link on to the next page, or nothing.
fn token_query(token: &str) -> String {
    if token.is_empty() {
        String::new()
    } else {
        format!("?token={token}")
    }
}

/// How the viewer may see the map: organisers with every name; others as the exercise
/// allows (publicly, or with the respondents' link), with pseudonyms.
async fn naming_for(
    state: &AppState,
    user: Option<&CurrentUser>,
    exercise: &Exercise,
    token: &str,
) -> AppResult<Naming> {
    if is_organiser(state, user, exercise).await? {
        return Ok(Naming::Organiser);
    }
    match exercise.visibility {
        Visibility::Public => Ok(Naming::Public),
        Visibility::Respondents if token_matches(exercise, token) => Ok(Naming::Public),
        _ => Err(AppError::Forbidden("error-mapping-map-hidden")),
    }
}

fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

async fn area_names(state: &AppState) -> AppResult<HashMap<String, String>> {
    Ok(areas::all(&state.db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect())
}

// ------------------------------------------------------------------ list and overview

#[derive(Template)]
#[template(path = "mapping/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    exercises: Vec<Exercise>,
    /// "Start a mapping exercise" only for those who may organise one somewhere.
    can_organise_any: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
) -> AppResult<Response> {
    let exercises = store::list(&state.db).await?;
    let can_organise_any = match &user {
        Some(user) => !roles::areas_where(&state.db, user, AreaAction::OrganiseMapping)
            .await?
            .is_empty(),
        None => false,
    };
    render(&ListPage {
        ctx,
        exercises,
        can_organise_any,
    })
}

#[derive(Template)]
#[template(path = "mapping/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    exercise: Exercise,
    organiser: bool,
    open: bool,
    map_visible: bool,
    /// "N people answered; M are on the map."
    counts: String,
    invite_link: String,
    /// The questionnaire for entering a paper answer, for those who may enter for others.
    assist_link: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let organiser = is_organiser(&state, user.as_ref(), &exercise).await?;
    let nodes = store::nodes(&state.db, &exercise.id).await?;
    let invite_link = format!(
        "{}/mapping/{}/answer?token={}",
        state.config.public_url.trim_end_matches('/'),
        exercise.slug,
        exercise.invite_token
    );
    let counts = ctx.lang.t_args(
        "mapping-counts",
        &[
            (
                "respondents",
                &nodes.iter().filter(|n| n.responded).count().to_string(),
            ),
            ("named", &nodes.len().to_string()),
        ],
    );
    let open = exercise.is_open_on(&today());
    let assist_link =
        if open && assisted::may_enter_in(&state, user.as_ref(), &exercise.area_id).await? {
            Some(format!(
                "/mapping/{}/answer?token={}&for_someone=1",
                exercise.slug, exercise.invite_token
            ))
        } else {
            None
        };
    render(&ShowPage {
        ctx,
        open,
        assist_link,
        map_visible: organiser || exercise.visibility == Visibility::Public,
        counts,
        invite_link,
        organiser,
        exercise,
    })
}

// ------------------------------------------------------------------ setting up

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExerciseForm {
    title: String,
    slug: String,
    area: String,
    purpose: String,
    invited: String,
    opens_on: String,
    closes_on: String,
    relationship_types: String,
    visibility: String,
    previous: String,
}

#[derive(Template)]
#[template(path = "mapping/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: ExerciseForm,
    areas: Vec<(String, String)>,
    visibilities: Vec<(String, String)>,
    errors: FormErrors,
}

fn visibility_choices(ctx: &PageContext) -> Vec<(String, String)> {
    forms::labelled(
        ALL_VISIBILITIES,
        Visibility::as_str,
        Visibility::label_key,
        &ctx.lang,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    /// An earlier exercise to repeat as a new round.
    after: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::OrganiseMapping).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-connector"));
    }
    let form = match store::find_by_slug(&state.db, &query.after).await? {
        Some(earlier) => ExerciseForm {
            title: earlier.title.clone(),
            slug: String::new(),
            area: earlier.area_id.clone(),
            purpose: earlier.purpose.clone(),
            invited: earlier.invited.clone(),
            relationship_types: earlier.relationship_types.join("\n"),
            visibility: earlier.visibility.as_str().to_string(),
            previous: earlier.slug,
            ..ExerciseForm::default()
        },
        None => ExerciseForm {
            relationship_types: ctx.t("mapping-default-relationships"),
            visibility: Visibility::Respondents.as_str().to_string(),
            ..ExerciseForm::default()
        },
    };
    render(&FormPage {
        visibilities: visibility_choices(&ctx),
        ctx,
        form,
        areas,
        errors: FormErrors::new(),
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<ExerciseForm>,
) -> AppResult<Response> {
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    let title = forms::required_text(&mut errors, lang, "title", &form.title, 120);
    let purpose = forms::optional_text(&mut errors, lang, "purpose", &form.purpose, 5000);
    let invited = forms::optional_text(&mut errors, lang, "invited", &form.invited, 1000);
    let areas = roles::areas_where(&state.db, &user, AreaAction::OrganiseMapping).await?;
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add(lang, "area", "field-mapping-area-invalid");
    }
    let opens_on = forms::date(&form.opens_on);
    let closes_on = forms::date(&form.closes_on);
    if opens_on.is_none() {
        errors.add(lang, "opens_on", "field-date-invalid");
    }
    if closes_on.is_none() {
        errors.add(lang, "closes_on", "field-date-invalid");
    }
    if let (Some(a), Some(b)) = (opens_on, closes_on)
        && b < a
    {
        errors.add(lang, "closes_on", "field-closes-before-opens");
    }
    let relationship_types: Vec<String> = form
        .relationship_types
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if relationship_types.is_empty()
        || relationship_types.len() > 12
        || relationship_types.iter().any(|t| t.chars().count() > 60)
    {
        errors.add(
            lang,
            "relationship_types",
            "field-relationship-types-invalid",
        );
    }
    let visibility = Visibility::parse(&form.visibility);
    if visibility.is_none() {
        errors.add(lang, "visibility", "field-visibility-invalid");
    }
    let previous = match form.previous.as_str() {
        "" => None,
        slug => store::find_by_slug(&state.db, slug).await?,
    };
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &title
    } else {
        &form.slug
    });
    if slug.is_empty() && !errors.has("title") {
        errors.add(lang, "slug", "field-slug-invalid");
    }
    if let (true, Some(opens_on), Some(closes_on), Some(visibility)) =
        (errors.is_empty(), opens_on, closes_on, visibility)
    {
        let (opens_on, closes_on) = (opens_on.to_string(), closes_on.to_string());
        let exercise = NewExercise {
            area_id: &form.area,
            slug: &slug,
            title: &title,
            purpose: &purpose,
            invited: &invited,
            opens_on: &opens_on,
            closes_on: &closes_on,
            relationship_types: &relationship_types,
            visibility,
            previous_id: previous.as_ref().map(|p| p.id.as_str()),
        };
        match store::create(&state.db, &exercise, &user.id).await {
            Ok(id) => {
                tracing::info!(by = %user.id, exercise = %id, "mapping exercise created");
                return Ok(see_other(
                    &format!("/mapping/{slug}"),
                    Some("mapping-created"),
                ));
            }
            Err(CreateExerciseError::SlugTaken) => errors.add(lang, "slug", "field-slug-taken"),
            Err(CreateExerciseError::Other(e)) => return Err(e.into()),
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormPage {
            visibilities: visibility_choices(&ctx),
            ctx,
            form,
            areas,
            errors,
        },
    )
}

pub async fn close(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let exercise = exercise_to_organise(&state, &user, &slug).await?;
    store::close(&state.db, &exercise.id).await?;
    tracing::info!(by = %user.id, exercise = %exercise.id, "mapping exercise closed");
    Ok(see_other(
        &format!("/mapping/{slug}"),
        Some("mapping-closed"),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    emails: String,
}

const MAX_INVITATIONS: usize = 500;

/// Emails the questionnaire link to a list of addresses (one per line or separated by
/// commas), all or none: a single bad address sends nothing and says which.
pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let exercise = exercise_to_organise(&state, &user, &slug).await?;
    let mut errors = FormErrors::new();
    let mut addresses: Vec<String> = Vec::new();
    for typed in form
        .emails
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let mut one = FormErrors::new();
        let address = forms::email(&mut one, &ctx.lang, "emails", typed);
        if !one.is_empty() {
            errors.add_message(
                "emails",
                ctx.t1("field-invite-email-invalid", "address", typed),
            );
        } else if !addresses.contains(&address) {
            addresses.push(address);
        }
    }
    if addresses.is_empty() && errors.is_empty() {
        errors.add(&ctx.lang, "emails", "field-invite-emails-missing");
    }
    if addresses.len() > MAX_INVITATIONS {
        errors.add(&ctx.lang, "emails", "field-invite-too-many");
    }
    if !errors.is_empty() {
        return render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &InvitePage {
                ctx,
                exercise,
                emails: form.emails,
                errors,
            },
        );
    }
    let link = format!(
        "{}/mapping/{}/answer?token={}",
        state.config.public_url.trim_end_matches('/'),
        exercise.slug,
        exercise.invite_token
    );
    // Someone with an account is written to in their own language; for an address the site
    // does not know, the organiser's is the best guess (they know the people they invite).
    let mut emails: Vec<Email> = Vec::with_capacity(addresses.len());
    for to in &addresses {
        let lang = match crate::accounts::store::find_by_email(&state.db, to).await? {
            Some(known) => Lang::from_tag(&known.locale).unwrap_or_default(),
            None => ctx.lang.clone(),
        };
        emails.push(Email {
            to: to.clone(),
            subject: lang.t1("mapping-invite-email-subject", "title", &exercise.title),
            body: lang.t_args(
                "mapping-invite-email-body",
                &[
                    ("title", &exercise.title),
                    ("purpose", &exercise.purpose),
                    ("closes", &exercise.closes_on),
                    ("link", &link),
                ],
            ),
        });
    }
    mail::queue_all(&state.db, &emails).await?;
    state.jobs_waiting.notify_one();
    tracing::info!(by = %user.id, exercise = %exercise.id, count = emails.len(), "mapping invitations queued");
    Ok(see_other(
        &format!("/mapping/{slug}"),
        Some("mapping-invited"),
    ))
}

#[derive(Template)]
#[template(path = "mapping/templates/invite.html")]
struct InvitePage {
    ctx: PageContext,
    exercise: Exercise,
    emails: String,
    errors: FormErrors,
}

pub async fn invite_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let exercise = exercise_to_organise(&state, &user, &slug).await?;
    render(&InvitePage {
        ctx,
        exercise,
        emails: String::new(),
        errors: FormErrors::new(),
    })
}

// ------------------------------------------------------------------ the questionnaire

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
    /// "1": a connector enters a paper questionnaire for someone who is not online.
    for_someone: String,
}

/// One row of "who do you work with" as typed.
#[derive(Clone, Default)]
struct TieRow {
    field: &'static str,
    name: String,
    kind: String,
    relationship: String,
    frequency: String,
    about: String,
    is_new: bool,
    /// Existing names close to the one typed, when it matched none exactly.
    suggestions: Vec<String>,
}

#[derive(Default)]
struct AnswerForm {
    kind: String,
    name: String,
    email: String,
    area: String,
    consent: bool,
    skills: String,
    skill_cards: Vec<String>,
    interests: String,
    needs: String,
    rows: Vec<TieRow>,
    /// How to reach someone whose answer a connector entered, and how they agreed.
    person: PersonFields,
}

impl AnswerForm {
    fn from_pairs(pairs: &[(String, String)]) -> (AnswerForm, String) {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let rows = TIE_NAME
            .iter()
            .enumerate()
            .map(|(i, field)| TieRow {
                field,
                name: get(field),
                kind: get(&format!("tie-kind-{i}")),
                relationship: get(&format!("tie-rel-{i}")),
                frequency: get(&format!("tie-often-{i}")),
                about: get(&format!("tie-about-{i}")),
                is_new: get(&format!("tie-new-{i}")) == "yes",
                suggestions: Vec::new(),
            })
            .collect();
        let form = AnswerForm {
            kind: get("kind"),
            name: get("name"),
            email: get("email"),
            area: get("area"),
            consent: get("consent") == "yes",
            skills: get("skills"),
            skill_cards: pairs
                .iter()
                .filter(|(k, _)| k == "card")
                .map(|(_, v)| v.trim().to_string())
                .collect(),
            interests: get("interests"),
            needs: get("needs"),
            rows,
            person: PersonFields::from_pairs(pairs),
        };
        (form, get("token"))
    }

    fn blank() -> AnswerForm {
        AnswerForm {
            kind: "person".into(),
            rows: TIE_NAME
                .iter()
                .map(|field| TieRow {
                    field,
                    kind: "person".into(),
                    frequency: "monthly".into(),
                    ..TieRow::default()
                })
                .collect(),
            ..AnswerForm::default()
        }
    }
}

#[derive(Template)]
#[template(path = "mapping/templates/answer.html")]
struct AnswerPage {
    ctx: PageContext,
    exercise: Exercise,
    token: String,
    form: AnswerForm,
    known_names: Vec<String>,
    areas: Vec<(String, String)>,
    frequencies: Vec<(String, String)>,
    catalogue: Catalogue,
    errors: FormErrors,
}

impl AnswerPage {
    fn has_card(&self, code: &str) -> bool {
        self.form.skill_cards.iter().any(|c| c == code)
    }
}

async fn answer_page(
    state: &AppState,
    ctx: PageContext,
    exercise: Exercise,
    token: String,
    form: AnswerForm,
    errors: FormErrors,
) -> AppResult<AnswerPage> {
    let nodes = store::nodes(&state.db, &exercise.id).await?;
    // Suggestions show only names that may appear publicly.
    let mut known_names: Vec<String> = nodes
        .iter()
        .filter(|n| n.may_be_named())
        .map(|n| n.name.clone())
        .collect();
    known_names.sort();
    // By name, as `areas::choices` lists them.
    let area_choices = areas::choices(&state.db).await?;
    let frequencies = FREQUENCIES
        .iter()
        .map(|f| (f.to_string(), ctx.t(&format!("mapping-often-{f}"))))
        .collect();
    let catalogue = Catalogue::load(&state.db, &ctx.lang).await?;
    Ok(AnswerPage {
        ctx,
        exercise,
        token,
        form,
        known_names,
        areas: area_choices,
        frequencies,
        catalogue,
        errors,
    })
}

async fn open_exercise(state: &AppState, slug: &str, token: &str) -> AppResult<Exercise> {
    let exercise = exercise_by_slug(state, slug).await?;
    if !token_matches(&exercise, token) {
        return Err(AppError::Forbidden("error-mapping-invitation"));
    }
    if !exercise.is_open_on(&today()) {
        return Err(AppError::Conflict("error-mapping-closed"));
    }
    Ok(exercise)
}

pub async fn answer_form(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let exercise = open_exercise(&state, &slug, &query.token).await?;
    let mut form = AnswerForm::blank();
    if query.for_someone == "1" {
        let user = user.ok_or(AppError::Forbidden("error-assist-not-allowed"))?;
        assisted::require_in_area(&state, &user, &exercise.area_id).await?;
        form.person = PersonFields::blank();
    }
    let page = answer_page(&state, ctx, exercise, query.token, form, FormErrors::new()).await?;
    render(&page)
}

/// Levenshtein distance, for spotting a name typed slightly differently.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Existing names that look like the one typed (close spelling, or one inside the other).
fn similar_names(typed: &str, known: &[(String, String)]) -> Vec<String> {
    let key = store::name_key(typed);
    known
        .iter()
        .filter(|(k, _)| {
            let allowed = (key.chars().count().min(k.chars().count()) / 6).max(1);
            edit_distance(&key, k) <= allowed
                || (key.len() >= 4 && k.len() >= 4 && (k.contains(&key) || key.contains(k)))
        })
        .map(|(_, name)| name.clone())
        .take(3)
        .collect()
}

pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (mut form, token) = AnswerForm::from_pairs(&pairs);
    let exercise = open_exercise(&state, &slug, &token).await?;
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let helping = if form.person.is_for_someone() {
        let user = user
            .as_ref()
            .ok_or(AppError::Forbidden("error-assist-not-allowed"))?;
        assisted::require_in_area(&state, user, &exercise.area_id).await?;
        // The name is the answer's own; the rest says how to reach them and how they agreed.
        let fields = PersonFields {
            person_name: form.name.clone(),
            ..form.person.clone()
        };
        let person = assisted::check_person(&mut errors, &lang, &fields);
        Some(assisted::Helping::new(person, &user.id))
    } else {
        None
    };
    let kind = NodeKind::parse(&form.kind);
    if kind.is_none() {
        errors.add(&lang, "kind", "field-mapping-kind-invalid");
    }
    let name = forms::required_text(&mut errors, &lang, "name", &form.name, 120);
    let email = if form.email.is_empty() {
        String::new()
    } else {
        forms::email(&mut errors, &lang, "email", &form.email)
    };
    let area = match form.area.as_str() {
        "" => None,
        id => match areas::find(&state.db, id).await? {
            Some(area) => Some(area.id),
            None => {
                errors.add(&lang, "area", "field-home-area-invalid");
                None
            }
        },
    };
    for (field, value) in [
        ("skills", &form.skills),
        ("interests", &form.interests),
        ("needs", &form.needs),
    ] {
        forms::optional_text(&mut errors, &lang, field, value, 500);
    }
    let catalogue = Catalogue::load(&state.db, &lang).await?;
    if form.skill_cards.len() > catalogue.cards().count()
        || form.skill_cards.iter().any(|c| !catalogue.is_active(c))
    {
        errors.add(&lang, "skill-cards", "field-card-missing");
    }
    let nodes = store::nodes(&state.db, &exercise.id).await?;
    let known: Vec<(String, String)> = nodes
        .iter()
        .filter(|n| n.may_be_named())
        .map(|n| (store::name_key(&n.name), n.name.clone()))
        .collect();
    let all_keys: Vec<String> = nodes.iter().map(|n| store::name_key(&n.name)).collect();
    for row in form.rows.iter_mut().filter(|r| !r.name.is_empty()) {
        let ok_kind = NodeKind::parse(&row.kind).is_some();
        let ok_rel = exercise.relationship_types.contains(&row.relationship);
        let ok_often = FREQUENCIES.contains(&row.frequency.as_str());
        if !(ok_kind && ok_rel && ok_often) || row.name.chars().count() > 120 {
            errors.add_message(row.field, ctx.t1("field-tie-incomplete", "name", &row.name));
            continue;
        }
        let key = store::name_key(&row.name);
        if !row.is_new && !all_keys.contains(&key) {
            row.suggestions = similar_names(&row.name, &known);
            if !row.suggestions.is_empty() {
                let message = ctx.lang.t_args(
                    "field-tie-did-you-mean",
                    &[("typed", &row.name), ("names", &row.suggestions.join(", "))],
                );
                errors.add_message(row.field, message);
            }
        }
    }
    let ties: Vec<NamedTie> = form
        .rows
        .iter()
        .filter(|r| !r.name.is_empty())
        .filter_map(|r| {
            Some(NamedTie {
                name: &r.name,
                kind: NodeKind::parse(&r.kind)?,
                relationship: &r.relationship,
                about: &r.about,
                frequency: &r.frequency,
            })
        })
        .collect();
    if let (true, Some(kind)) = (errors.is_empty(), kind) {
        let response = store::Response {
            exercise_id: &exercise.id,
            kind,
            name: &name,
            email: &email,
            area_id: area.as_deref(),
            consent: form.consent,
            skills: &form.skills,
            skill_cards: &form.skill_cards,
            interests: &form.interests,
            needs: &form.needs,
            ties: &ties,
            for_someone: helping.as_ref().map(|h| h.entry()),
        };
        match store::respond(&state.db, &response).await {
            Ok(node) => {
                if let Some(helping) = &helping {
                    let what = ctx.t1("assist-slip-mapping", "title", &exercise.title);
                    let slip = assisted::Slip::new(helping, what, &state.config.public_url);
                    let again = format!("/mapping/{slug}/answer?token={token}&for_someone=1");
                    return assisted::slip_page(ctx, slip, None, &again);
                }
                tracing::info!(exercise = %exercise.id, node = %node, ties = ties.len(), "mapping answer");
                return Ok(see_other(
                    &format!("/mapping/{slug}/thanks?token={token}"),
                    None,
                ));
            }
            Err(RespondError::AlreadyAnswered) => {
                errors.add(&lang, "name", "field-mapping-already-answered")
            }
            Err(RespondError::Other(e)) => return Err(e.into()),
        }
    }
    let page = answer_page(&state, ctx, exercise, token, form, errors).await?;
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

#[derive(Template)]
#[template(path = "mapping/templates/thanks.html")]
struct ThanksPage {
    ctx: PageContext,
    exercise: Exercise,
    token: String,
    map_visible: bool,
}

pub async fn thanks(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    if !token_matches(&exercise, &query.token) {
        return Err(AppError::Forbidden("error-mapping-invitation"));
    }
    render(&ThanksPage {
        ctx,
        map_visible: exercise.visibility != Visibility::Organisers,
        exercise,
        token: query.token,
    })
}

// ------------------------------------------------------------------ the map

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MapQuery {
    token: String,
    kind: String,
    area: String,
    tie: String,
    colour: String,
    size: String,
}

impl MapQuery {
    fn filter(&self) -> Filter {
        Filter {
            kind: NodeKind::parse(&self.kind),
            area_id: Some(self.area.clone()).filter(|a| !a.is_empty()),
            relationship: Some(self.tie.clone()).filter(|t| !t.is_empty()),
        }
    }

    fn colour(&self) -> Colour {
        match self.colour.as_str() {
            "kind" => Colour::Kind,
            "area" => Colour::Area,
            _ => Colour::Cluster,
        }
    }

    fn size(&self) -> Size {
        match self.size.as_str() {
            "betweenness" => Size::Betweenness,
            "eigenvector" => Size::Eigenvector,
            _ => Size::Ties,
        }
    }
}

/// One row of the map's table (what a screen reader reads instead of the picture).
struct NodeRow {
    name: String,
    kind: String,
    area: String,
    ties: usize,
    cluster: usize,
    betweenness: f64,
}

#[derive(Template)]
#[template(path = "mapping/templates/map.html")]
struct MapPage {
    ctx: PageContext,
    exercise: Exercise,
    query: MapQuery,
    svg: String,
    rows: Vec<NodeRow>,
    areas: Vec<(String, String)>,
    organiser: bool,
    token_query: String,
}

/// The exercise's graph as `naming` may see it, its pseudonyms and skill cards in `lang`:
/// the reader's on pages, [`map::export_language`] in downloads.
async fn built_for(
    state: &AppState,
    exercise: &Exercise,
    naming: Naming,
    filter: &Filter,
    lang: &Lang,
) -> AppResult<(Built, HashMap<String, String>)> {
    let mut nodes = store::nodes(&state.db, &exercise.id).await?;
    let ties = store::ties(&state.db, &exercise.id).await?;
    let area_names = area_names(state).await?;
    // Skill cards travel by name, so the map, the insights and every export read plainly.
    let catalogue = Catalogue::load(&state.db, lang).await?;
    for node in &mut nodes {
        for card in &mut node.skill_cards {
            *card = catalogue.name(card);
        }
    }
    let built = map::build(&nodes, &ties, &area_names, naming, filter, lang);
    Ok((built, area_names))
}

pub async fn map_page(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Query(query): Query<MapQuery>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let naming = naming_for(&state, user.as_ref(), &exercise, &query.token).await?;
    let (built, area_names) =
        built_for(&state, &exercise, naming, &query.filter(), &ctx.lang).await?;
    let (colour, size) = (query.colour(), query.size());
    let titles = (
        exercise.title.clone(),
        ctx.t(match colour {
            Colour::Cluster => "mapping-colour-cluster",
            Colour::Kind => "mapping-colour-kind",
            Colour::Area => "mapping-colour-area",
        }),
        ctx.t(match size {
            Size::Ties => "mapping-size-ties",
            Size::Betweenness => "mapping-size-betweenness",
            Size::Eigenvector => "mapping-size-eigenvector",
        }),
    );
    let cluster_label = ctx.t("mapping-cluster");
    let labels = map::Labels {
        title: titles.0,
        group_title: titles.1,
        size_title: titles.2,
        person: ctx.t("mapping-svg-kind-person"),
        organisation: ctx.t("mapping-svg-kind-organisation"),
        words: network::svg::Words {
            colour: ctx.t("mapping-svg-colour"),
            size: ctx.t("mapping-svg-size"),
            other_groups: {
                let lang = ctx.lang.clone();
                std::sync::Arc::new(move |n| lang.t_count("mapping-svg-other-groups", n as i64))
            },
            description: {
                let lang = ctx.lang.clone();
                std::sync::Arc::new(move |nodes, ties, groups| {
                    lang.t_args(
                        "mapping-svg-description",
                        &[
                            ("nodes", &nodes.to_string()),
                            ("ties", &ties.to_string()),
                            ("groups", &groups.to_string()),
                        ],
                    )
                })
            },
        },
    };
    let (svg, analysis) = tokio::task::spawn_blocking(move || {
        let drawing = map::drawing(&built.graph);
        let (analysis, positions) = &*drawing;
        let svg = map::render(&built, analysis, positions, colour, size, labels, |c| {
            format!("{cluster_label} {}", c + 1)
        });
        (svg, (drawing, built))
    })
    .await
    .map_err(|e| anyhow::anyhow!(e).context("drawing the map"))?;
    let (drawing, built) = analysis;
    let mut rows: Vec<NodeRow> = drawing
        .0
        .nodes
        .iter()
        .enumerate()
        .map(|(v, m)| NodeRow {
            name: m.label.clone(),
            kind: ctx.t(&format!("mapping-kind-{}", built.nodes[v].kind.as_str())),
            area: built.nodes[v]
                .area_id
                .as_ref()
                .and_then(|a| area_names.get(a))
                .cloned()
                .unwrap_or_default(),
            ties: m.degree as usize,
            cluster: m.community + 1,
            betweenness: m.betweenness,
        })
        .collect();
    rows.sort_by(|a, b| b.ties.cmp(&a.ties).then(a.name.cmp(&b.name)));
    let mut areas: Vec<(String, String)> = area_names.into_iter().collect();
    areas.sort_by(|a, b| a.1.cmp(&b.1));
    let token_query = token_query(&query.token);
    render(&MapPage {
        ctx,
        organiser: naming == Naming::Organiser,
        exercise,
        query,
        svg,
        rows,
        areas,
        token_query,
    })
}

// ------------------------------------------------------------------ insights

#[derive(Template)]
#[template(path = "mapping/templates/insights.html")]
struct InsightsPage {
    ctx: PageContext,
    exercise: Exercise,
    token_query: String,
    found: Insights,
    organiser: bool,
    /// The headline numbers in a sentence.
    headline_text: String,
}

pub async fn insights(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let naming = naming_for(&state, user.as_ref(), &exercise, &query.token).await?;
    let (built, _) = built_for(&state, &exercise, naming, &Filter::default(), &ctx.lang).await?;
    let made = store::introductions_made(&state.db, &exercise.id).await?;
    let lang = ctx.lang.clone();
    let found = tokio::task::spawn_blocking(move || insights::find(&built, &made, &lang))
        .await
        .map_err(|e| anyhow::anyhow!(e).context("finding insights"))?;
    let headline = &found.headline;
    let headline_text = ctx.lang.t_args(
        "mapping-headline",
        &[
            ("nodes", &headline.nodes.to_string()),
            ("ties", &headline.ties.to_string()),
            ("clusters", &headline.clusters.to_string()),
            ("isolated", &headline.isolated.to_string()),
            (
                "distance",
                &headline
                    .average_distance
                    .map(|d| ctx.lang.decimal(d, 1))
                    .unwrap_or_else(|| "–".into()),
            ),
        ],
    );
    let token_query = token_query(&query.token);
    render(&InsightsPage {
        ctx,
        organiser: naming == Naming::Organiser,
        exercise,
        token_query,
        found,
        headline_text,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IntroductionForm {
    a: String,
    b: String,
}

pub async fn mark_introduced(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<IntroductionForm>,
) -> AppResult<Response> {
    let exercise = exercise_to_organise(&state, &user, &slug).await?;
    let nodes = store::nodes(&state.db, &exercise.id).await?;
    let known = |id: &str| nodes.iter().any(|n| n.id == id);
    if form.a == form.b || !known(&form.a) || !known(&form.b) {
        return Err(AppError::NotFound);
    }
    store::mark_introduced(&state.db, &exercise.id, &form.a, &form.b, &user.id).await?;
    Ok(see_other(
        &format!("/mapping/{slug}/insights"),
        Some("mapping-introduced"),
    ))
}

// ------------------------------------------------------------------ rounds and exports

struct RoundRow {
    exercise: Exercise,
    headline: Headline,
}

#[derive(Template)]
#[template(path = "mapping/templates/compare.html")]
struct ComparePage {
    ctx: PageContext,
    exercise: Exercise,
    rounds: Vec<RoundRow>,
    /// Bars for the chart: (x, height, label) of density, per round.
    chart: Vec<(u32, f64, String)>,
}

pub async fn compare(
    State(state): State<AppState>,
    ctx: PageContext,
    MaybeUser(user): MaybeUser,
    Path(slug): Path<String>,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let exercise = exercise_by_slug(&state, &slug).await?;
    let naming = naming_for(&state, user.as_ref(), &exercise, &query.token).await?;
    let mut rounds = Vec::new();
    for round in store::rounds(&state.db, &exercise).await? {
        // Only the numbers are shown; names do not matter here.
        let (built, _) = built_for(&state, &round, naming, &Filter::default(), &ctx.lang).await?;
        let headline = tokio::task::spawn_blocking(move || {
            let analysis = map::analyse(&built.graph);
            map::headline(&built.graph, &analysis)
        })
        .await
        .map_err(|e| anyhow::anyhow!(e).context("measuring a round"))?;
        rounds.push(RoundRow {
            exercise: round,
            headline,
        });
    }
    let highest = rounds
        .iter()
        .map(|r| r.headline.density)
        .fold(0.0, f64::max)
        .max(1e-9);
    let chart = rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                60 + 90 * i as u32,
                120.0 * r.headline.density / highest,
                ctx.lang.decimal(r.headline.density, 3),
            )
        })
        .collect();
    render(&ComparePage {
        ctx,
        exercise,
        rounds,
        chart,
    })
}

const CSV: &str = "text/csv; charset=utf-8";

fn guarded_csv(rows: Vec<Vec<String>>) -> String {
    rows.iter().map(|row| csv::line(row)).collect()
}

/// The whole network for Gephi, Kumu and others, with pseudonyms for everyone who has not
/// consented (whoever downloads it), language-neutral: the same file in every language
/// (see [`map::export_language`]).
pub async fn export(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    use network::io;
    let exercise = exercise_by_slug(&state, &slug).await?;
    naming_for(&state, user.as_ref(), &exercise, &query.token).await?;
    let language = map::export_language();
    let (built, _) = built_for(
        &state,
        &exercise,
        Naming::Public,
        &Filter::default(),
        &language,
    )
    .await?;
    let graph = &built.graph;
    let (text, content_type) = match file.as_str() {
        "network.gexf" => (io::write_gexf(graph), "application/gexf+xml"),
        "network.graphml" => (io::write_graphml(graph), "application/graphml+xml"),
        "network.json" => (io::write_json(graph), "application/json"),
        // Names, labels and "on what" are typed by respondents: the CSV files go through
        // the spreadsheet-safe writer, cell by cell.
        "nodes.csv" => (guarded_csv(io::csv_node_rows(graph)), CSV),
        "ties.csv" => (guarded_csv(io::csv_edge_rows(graph)), CSV),
        _ => return Err(AppError::NotFound),
    };
    Ok(download(&format!("{slug}-{file}"), content_type, text))
}
