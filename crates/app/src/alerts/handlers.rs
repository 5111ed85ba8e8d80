use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::store::{self, AlertPlace, Frequency, NewSubscription, Subscription};
use crate::areas::places::read_location;
use crate::areas::store as areas;
use crate::conversations::store::{TOPICS, topic_label_key};
use crate::feeds::store::Kind;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

/// What the form sent; kinds come as repeated `kinds` fields, so the form is read as pairs.
#[derive(Default)]
struct AlertForm {
    area: String,
    kinds: Vec<String>,
    topic: String,
    keyword: String,
    frequency: String,
    latitude: String,
    longitude: String,
    near_metres: String,
    place_area: String,
}

impl AlertForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> AlertForm {
        let mut form = AlertForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "area" => form.area = value,
                "kinds" => form.kinds.push(value),
                "topic" => form.topic = value,
                "keyword" => form.keyword = value,
                "frequency" => form.frequency = value,
                "latitude" => form.latitude = value,
                "longitude" => form.longitude = value,
                "near_metres" => form.near_metres = value,
                "place_area" => form.place_area = value,
                _ => {}
            }
        }
        form
    }
}

#[derive(Template)]
#[template(path = "alerts/templates/list.html")]
struct AlertsPage {
    ctx: PageContext,
    subscriptions: Vec<Subscription>,
    form: AlertForm,
    errors: FormErrors,
    areas: Vec<(String, String)>,
    topics: Vec<(String, String)>,
}

impl AlertsPage {
    fn kinds(&self) -> Vec<(&'static str, String, bool)> {
        Kind::ALL
            .iter()
            .map(|k| {
                let checked = self.form.kinds.iter().any(|c| c == k.as_str());
                (k.as_str(), self.ctx.t(&k.label_key()), checked)
            })
            .collect()
    }

    fn describe(&self, s: &Subscription) -> String {
        describe_for(&self.ctx, s)
    }

    fn frequency_name(&self, s: &Subscription) -> String {
        self.ctx
            .t(&format!("alert-frequency-{}", s.frequency.as_str()))
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    user_id: &str,
    form: AlertForm,
    errors: FormErrors,
) -> AppResult<AlertsPage> {
    Ok(AlertsPage {
        subscriptions: store::for_user(&state.db, user_id).await?,
        areas: areas::choices(&state.db).await?,
        topics: TOPICS
            .iter()
            .map(|t| (t.to_string(), ctx.t(&topic_label_key(t))))
            .collect(),
        ctx,
        form,
        errors,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let form = AlertForm {
        frequency: "daily".into(),
        ..Default::default()
    };
    render(&page(&state, ctx, &user.id, form, FormErrors::new()).await?)
}

pub async fn subscribe(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = AlertForm::from_pairs(pairs);
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let kinds: Vec<Kind> = form.kinds.iter().filter_map(|k| Kind::parse(k)).collect();
    if kinds.is_empty() || kinds.len() != form.kinds.len() {
        errors.add(&lang, "kinds", "field-alert-kinds-missing");
    }
    let area = match form.area.as_str() {
        "" => None,
        id => {
            if areas::find(&state.db, id).await?.is_none() {
                errors.add(&lang, "area", "field-area-missing");
            }
            Some(id.to_string())
        }
    };
    if !form.topic.is_empty() && !TOPICS.contains(&form.topic.as_str()) {
        errors.add(&lang, "topic", "field-conversation-topic-invalid");
    }
    let keyword = forms::optional_text(&mut errors, &lang, "keyword", &form.keyword, 100);
    let frequency = Frequency::parse(&form.frequency);
    if frequency.is_none() {
        errors.add(&lang, "frequency", "field-alert-frequency-missing");
    }
    let place = read_place(&state, &lang, &form, &mut errors).await?;
    if store::count_for(&state.db, &user.id).await? >= store::MAX_PER_PERSON {
        errors.add(&lang, "kinds", "field-alert-too-many");
    }
    let (Some(frequency), true) = (frequency, errors.is_empty()) else {
        let page = page(&state, ctx, &user.id, form, errors).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let new = NewSubscription {
        user_id: &user.id,
        area_id: area.as_deref(),
        kinds: &kinds,
        topic: &form.topic,
        keyword: &keyword,
        frequency,
    };
    let id = store::subscribe(&state.db, &new).await?;
    if let Some(place) = &place {
        store::set_place(&state.db, &id, place).await?;
    }
    Ok(see_other("/alerts", Some("alert-subscribed")))
}

/// The distances an alert by place may cover, in metres.
const NEAR_METRES: std::ops::RangeInclusive<i64> = 50..=20_000;

/// An alert's place: a point with a distance, or an area with a boundary, or neither.
async fn read_place(
    state: &AppState,
    lang: &crate::i18n::Lang,
    form: &AlertForm,
    errors: &mut FormErrors,
) -> AppResult<Option<AlertPlace>> {
    let point = read_location(errors, lang, &form.latitude, &form.longitude);
    if !form.place_area.is_empty() {
        if point.is_some() {
            errors.add(lang, "place_area", "field-alert-place-both");
            return Ok(None);
        }
        let Some(area) = areas::find(&state.db, &form.place_area).await? else {
            errors.add(lang, "place_area", "field-area-missing");
            return Ok(None);
        };
        if crate::areas::places::boundary(&state.db, &area.id)
            .await?
            .is_none()
        {
            errors.add(lang, "place_area", "field-alert-place-no-boundary");
            return Ok(None);
        }
        return Ok(Some(AlertPlace::Inside {
            area_id: area.id,
            area_name: area.name,
        }));
    }
    let Some((latitude, longitude)) = point else {
        return Ok(None);
    };
    let metres = match form.near_metres.trim() {
        "" => 500,
        text => match text.parse::<i64>() {
            Ok(m) if NEAR_METRES.contains(&m) => m,
            _ => {
                errors.add(lang, "near_metres", "field-alert-near-metres-invalid");
                return Ok(None);
            }
        },
    };
    Ok(Some(AlertPlace::Near {
        latitude,
        longitude,
        metres,
    }))
}

pub async fn remove(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if !store::remove(&state.db, &id, &user.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/alerts", Some("alert-removed")))
}

#[derive(Template)]
#[template(path = "alerts/templates/unsubscribe.html")]
struct UnsubscribePage {
    ctx: PageContext,
    token: String,
    /// What the alert follows, while it still exists.
    alert: Option<String>,
    done: bool,
}

/// The page an email's link opens: what the alert is and one button. Opening a link does not
/// unsubscribe by itself, because mail scanners open links too.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let alert = store::by_token(&state.db, &token).await?;
    let alert = alert.map(|s| describe_for(&ctx, &s));
    render(&UnsubscribePage {
        ctx,
        token,
        alert,
        done: false,
    })
}

/// What an alert follows, in one line: kinds · place · topic · “words”.
fn describe_for(ctx: &PageContext, s: &Subscription) -> String {
    let kinds: Vec<String> = s.kinds.iter().map(|k| ctx.t(&k.label_key())).collect();
    let place = s
        .area_name
        .clone()
        .unwrap_or_else(|| ctx.t("alert-everywhere"));
    let mut text = format!("{} · {place}", kinds.join(", "));
    if !s.topic.is_empty() {
        text.push_str(&format!(" · {}", ctx.t(&topic_label_key(&s.topic))));
    }
    if !s.keyword.is_empty() {
        text.push_str(&format!(" · “{}”", s.keyword));
    }
    match &s.place {
        Some(AlertPlace::Near {
            latitude,
            longitude,
            metres,
        }) => {
            let near = ctx.lang.t_args(
                "alert-place-near",
                &[
                    ("metres", &metres.to_string()),
                    ("lat", &latitude.to_string()),
                    ("lon", &longitude.to_string()),
                ],
            );
            text.push_str(&format!(" · {near}"));
        }
        Some(AlertPlace::Inside { area_name, .. }) => {
            text.push_str(&format!(
                " · {}",
                ctx.t1("alert-place-inside", "area", area_name)
            ));
        }
        None => {}
    }
    text
}

pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    store::unsubscribe(&state.db, &token).await?;
    render(&UnsubscribePage {
        ctx,
        token,
        alert: None,
        done: true,
    })
}

/// RFC 8058 one-click unsubscribe, POSTed by mail programs (no session, no form token: the
/// secret in the address is the permission).
pub async fn one_click(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if store::unsubscribe(&state.db, &token).await? {
        Ok((StatusCode::OK, "unsubscribed\n").into_response())
    } else {
        Err(AppError::NotFound)
    }
}
