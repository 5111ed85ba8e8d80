use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::seed;
use super::store::{self, DEFAULT_LICENCE, MaterialFile, Method, NewMethod, Recipe, Use};
use crate::events::store as events;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{
    AppError, AppResult, CurrentUser, PageContext, RequireUser, render, render_with, see_other,
};

/// Licences a recipe can carry: open ones only, so adapting is always allowed.
const LICENCES: [&str; 3] = ["CC BY-SA 4.0", "CC BY 4.0", "CC0 1.0"];

async fn method_by_slug(state: &AppState, slug: &str) -> AppResult<Method> {
    store::find_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The method as the reader sees it: a seeded recipe in their language.
async fn method_for_reader(state: &AppState, slug: &str, lang: &Lang) -> AppResult<Method> {
    Ok(seed::in_language(method_by_slug(state, slug).await?, lang))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    tag: String,
}

#[derive(Template)]
#[template(path = "methods/templates/list.html")]
struct ListPage {
    ctx: PageContext,
    query: ListQuery,
    methods: Vec<Method>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let methods = store::search(&state.db, &query.q, query.tag.trim(), &ctx.lang).await?;
    render(&ListPage {
        ctx,
        query,
        methods,
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RecipeForm {
    title: String,
    slug: String,
    summary: String,
    purpose: String,
    when_to_use: String,
    group_size: String,
    duration: String,
    materials: String,
    steps: String,
    tips: String,
    variations: String,
    licence: String,
    tags: String,
}

impl RecipeForm {
    /// An adaptation starts from the original as its adapter reads it, so a seeded recipe is
    /// copied in their language (and becomes their own text, with no seed).
    fn from_method(method: &Method, lang: &Lang) -> RecipeForm {
        let r = &method.recipe;
        RecipeForm {
            title: lang.t1("method-adapted-title", "title", &r.title),
            slug: String::new(),
            summary: r.summary.clone(),
            purpose: r.purpose.clone(),
            when_to_use: r.when_to_use.clone(),
            group_size: r.group_size.clone(),
            duration: r.duration.clone(),
            materials: r.materials.clone(),
            steps: r.steps.clone(),
            tips: r.tips.clone(),
            variations: r.variations.clone(),
            licence: r.licence.clone(),
            tags: r.tags.clone(),
        }
    }

    /// The recipe, or the form's errors; lengths are bounded, tags tidied.
    fn recipe(&self, errors: &mut FormErrors, lang: &Lang) -> Recipe {
        let long = 6000;
        let mut text = |field: &'static str, value: &str, max: usize, required: bool| {
            if required {
                forms::required_text(errors, lang, field, value, max)
            } else {
                forms::optional_text(errors, lang, field, value, max)
            }
        };
        let recipe = Recipe {
            title: text("title", &self.title, 120, true),
            summary: text("summary", &self.summary, 300, true),
            purpose: text("purpose", &self.purpose, long, true),
            when_to_use: text("when_to_use", &self.when_to_use, long, false),
            group_size: text("group_size", &self.group_size, 120, false),
            duration: text("duration", &self.duration, 120, false),
            materials: text("materials", &self.materials, long, false),
            steps: text("steps", &self.steps, long, true),
            tips: text("tips", &self.tips, long, false),
            variations: text("variations", &self.variations, long, false),
            licence: self.licence.trim().to_string(),
            tags: store::split_tags(&self.tags.to_lowercase())
                .into_iter()
                .map(|t| t.chars().take(40).collect::<String>())
                .take(12)
                .collect::<Vec<_>>()
                .join(", "),
        };
        if !LICENCES.contains(&recipe.licence.as_str()) {
            errors.add(lang, "licence", "field-method-licence-invalid");
        }
        recipe
    }
}

#[derive(Template)]
#[template(path = "methods/templates/form.html")]
struct FormPage {
    ctx: PageContext,
    form: RecipeForm,
    errors: FormErrors,
    licences: Vec<(String, String)>,
    /// When adapting: the original's slug and title.
    original: Option<(String, String)>,
}

fn form_page(
    ctx: PageContext,
    form: RecipeForm,
    errors: FormErrors,
    original: Option<&Method>,
) -> FormPage {
    FormPage {
        licences: LICENCES
            .iter()
            .map(|l| (l.to_string(), l.to_string()))
            .collect(),
        original: original.map(|m| (m.slug.clone(), m.recipe.title.clone())),
        ctx,
        form,
        errors,
    }
}

pub async fn new_form(ctx: PageContext, RequireUser(_user): RequireUser) -> AppResult<Response> {
    let form = RecipeForm {
        licence: DEFAULT_LICENCE.into(),
        ..RecipeForm::default()
    };
    render(&form_page(ctx, form, FormErrors::new(), None))
}

/// Checks and stores a recipe (an adaptation of `original` if given).
async fn store_recipe(
    state: &AppState,
    ctx: PageContext,
    user: &CurrentUser,
    form: RecipeForm,
    original: Option<&Method>,
) -> AppResult<Response> {
    let lang = ctx.lang.clone();
    let mut errors = FormErrors::new();
    let recipe = form.recipe(&mut errors, &lang);
    let slug = forms::slugify(if form.slug.trim().is_empty() {
        &recipe.title
    } else {
        &form.slug
    });
    if slug.is_empty() && !errors.has("title") {
        errors.add(&lang, "slug", "field-slug-invalid");
    }
    if ["new"].contains(&slug.as_str()) {
        errors.add(&lang, "slug", "field-slug-taken");
    }
    if errors.is_empty() {
        let method = NewMethod {
            slug: &slug,
            recipe: &recipe,
            author_id: Some(&user.id),
            author_name: &user.display_name,
            forked_from: original.map(|m| m.id.as_str()),
            seed: None,
        };
        if store::publish(&state.db, &method).await? {
            if let (Some(original), Some(new)) =
                (original, store::find_by_slug(&state.db, &slug).await?)
            {
                store::copy_files(&state.db, &original.id, &new.id).await?;
            }
            return Ok(see_other(
                &format!("/methods/{slug}"),
                Some("method-published"),
            ));
        }
        errors.add(&lang, "slug", "field-slug-taken");
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(ctx, form, errors, original),
    )
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Form(form): Form<RecipeForm>,
) -> AppResult<Response> {
    store_recipe(&state, ctx, &user, form, None).await
}

/// The form to adapt a method, filled in with the original's recipe.
pub async fn adapt_form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(_user): RequireUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let original = method_for_reader(&state, &slug, &ctx.lang).await?;
    let form = RecipeForm::from_method(&original, &ctx.lang);
    render(&form_page(ctx, form, FormErrors::new(), Some(&original)))
}

pub async fn publish_adaptation(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<RecipeForm>,
) -> AppResult<Response> {
    let original = method_for_reader(&state, &slug, &ctx.lang).await?;
    store_recipe(&state, ctx, &user, form, Some(&original)).await
}

#[derive(Template)]
#[template(path = "methods/templates/show.html")]
struct ShowPage {
    ctx: PageContext,
    method: Method,
    adaptations: Vec<(String, String, String)>,
    uses: Vec<Use>,
    errors: FormErrors,
    use_form: UseForm,
    materials: Vec<MaterialFile>,
    manages_materials: bool,
}

impl ShowPage {
    fn rating_text(&self) -> String {
        match self.method.rating {
            Some(rating) => self.ctx.lang.t_args(
                "method-rating",
                &[
                    ("rating", &self.ctx.lang.decimal(rating, 1)),
                    ("count", &self.method.ratings.to_string()),
                ],
            ),
            None => self.ctx.t("method-not-rated"),
        }
    }

    fn size_text(&self, bytes: &i64) -> String {
        if *bytes < 1024 * 1024 {
            format!("{} KB", (bytes + 1023) / 1024)
        } else {
            format!(
                "{} MB",
                self.ctx.lang.decimal(*bytes as f64 / (1024.0 * 1024.0), 1)
            )
        }
    }
}

async fn show_page(
    state: &AppState,
    ctx: PageContext,
    slug: &str,
    errors: FormErrors,
    use_form: UseForm,
) -> AppResult<ShowPage> {
    let method = method_for_reader(state, slug, &ctx.lang).await?;
    Ok(ShowPage {
        adaptations: store::forks(&state.db, &method.id).await?,
        uses: store::uses(&state.db, &method.id).await?,
        materials: store::files(&state.db, &method.id).await?,
        manages_materials: super::files::may_manage(ctx.user.as_ref(), &method),
        ctx,
        method,
        errors,
        use_form,
    })
}

/// The recipe; `?event=<slug>` fills in the "we used this" form for that event.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(slug): Path<String>,
    Query(mut use_form): Query<UseForm>,
) -> AppResult<Response> {
    match events::find_by_slug(&state.db, &use_form.event).await? {
        Some(event) => {
            use_form.occasion = format!(
                "{}, {}",
                event.title,
                state.zone.describe(&ctx.lang, event.starts_at)
            );
        }
        None => use_form.event.clear(),
    }
    use_form.story.clear();
    render(&show_page(&state, ctx, &slug, FormErrors::new(), use_form).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RateForm {
    stars: String,
}

pub async fn rate(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<RateForm>,
) -> AppResult<Response> {
    let method = method_by_slug(&state, &slug).await?;
    let stars: i32 = form
        .stars
        .trim()
        .parse()
        .ok()
        .filter(|s| (1..=5).contains(s))
        .ok_or(AppError::Conflict("error-method-stars"))?;
    store::rate(&state.db, &method.id, &user.id, stars).await?;
    Ok(see_other(&format!("/methods/{slug}"), Some("method-rated")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UseForm {
    occasion: String,
    story: String,
    /// The slug of the event where the method was used, if any.
    event: String,
}

pub async fn add_use(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    Path(slug): Path<String>,
    Form(form): Form<UseForm>,
) -> AppResult<Response> {
    let method = method_by_slug(&state, &slug).await?;
    let mut errors = FormErrors::new();
    let occasion = forms::required_text(&mut errors, &ctx.lang, "occasion", &form.occasion, 200);
    let story = forms::required_text(&mut errors, &ctx.lang, "story", &form.story, 4000);
    if !errors.is_empty() {
        let page = show_page(&state, ctx, &slug, errors, form).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let event = events::find_by_slug(&state.db, &form.event).await?;
    let event_id = event.as_ref().map(|e| e.id.as_str());
    store::add_use(&state.db, &method.id, &user.id, &occasion, &story, event_id).await?;
    Ok(see_other(
        &format!("/methods/{slug}#uses"),
        Some("method-use-added"),
    ))
}
