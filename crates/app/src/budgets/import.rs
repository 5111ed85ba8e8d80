//! Importing a Pabulib file on the site: an official uploads a real election, which becomes
//! a finished process in one of their areas, counted in the background.

use askama::Template;
use axum::extract::State;

use crate::web::uploads::Upload;
use axum::http::StatusCode;
use axum::response::Response;

use super::count;
use super::handlers::{RULES, rule_choices};
use crate::i18n::Lang;
use crate::roles::{self, policy::AreaAction};
use crate::state::AppState;
use crate::web::forms::{self, FormErrors};
use crate::web::{AppError, AppResult, PageContext, RequireUser, render, render_with, see_other};

/// Addresses under /budgets/ that are pages, not processes.
pub const RESERVED: [&str; 2] = ["new", "import"];

/// At most this many warnings are listed on the page; the rest are counted.
const WARNINGS_SHOWN: usize = 20;

#[derive(Default)]
struct ImportForm {
    area: String,
    slug: String,
    title: String,
    rule: String,
    /// Refuse a file with warnings.
    strict: bool,
}

/// A file imported with warnings: the page lists them before the official moves on.
struct ImportedWithWarnings {
    heading: String,
    warnings: Vec<String>,
    /// "...and N more warnings", or empty.
    more: String,
    results_link: String,
}

#[derive(Template)]
#[template(path = "budgets/templates/import.html")]
struct ImportPage {
    ctx: PageContext,
    form: ImportForm,
    areas: Vec<(String, String)>,
    rules: Vec<(String, String)>,
    errors: FormErrors,
    imported: Option<ImportedWithWarnings>,
}

fn page(
    ctx: PageContext,
    form: ImportForm,
    areas: Vec<(String, String)>,
    errors: FormErrors,
) -> ImportPage {
    let rules = rule_choices(&ctx);
    ImportPage {
        ctx,
        form,
        areas,
        rules,
        errors,
        imported: None,
    }
}

/// A warning in the reader's language.
fn warning_text(lang: &Lang, warning: &pb::Warning) -> String {
    match warning {
        pb::Warning::RepeatedProject {
            line,
            voter,
            project,
            kept,
        } => {
            let (key, points) = match kept {
                pb::Kept::Once => ("pb-warning-repeated-once", String::new()),
                pb::Kept::FirstPlace => ("pb-warning-repeated-first-place", String::new()),
                pb::Kept::LastPoints(points) => {
                    ("pb-warning-repeated-last-points", points.to_decimal(12))
                }
            };
            lang.t_args(
                key,
                &[
                    ("line", &line.to_string()),
                    ("voter", voter),
                    ("project", project),
                    ("points", &points),
                ],
            )
        }
        pb::Warning::MetaDisagrees {
            line,
            key,
            stated,
            found,
        } => {
            let message = if key == "num_projects" {
                "pb-warning-meta-projects"
            } else {
                "pb-warning-meta-votes"
            };
            lang.t_args(
                message,
                &[
                    ("line", &line.to_string()),
                    ("stated", stated),
                    ("found", &found.to_string()),
                ],
            )
        }
        pb::Warning::BudgetBelowCheapest {
            line,
            budget,
            project,
            cost,
        } => lang.t_args(
            "pb-warning-budget-below-cheapest",
            &[
                ("line", &line.to_string()),
                ("budget", budget),
                ("project", project),
                ("cost", cost),
            ],
        ),
    }
}

/// With the strict option, why a file with warnings is refused, in the reader's language
/// (the reader's own strict error is in English); `None` for a file without warnings, or
/// one the import will refuse anyway with its line.
fn refused_strictly(lang: &Lang, text: &str) -> Option<String> {
    let warnings = pb::parse(text).ok()?.warnings;
    let first = warnings.first()?;
    Some(lang.t_args(
        "field-pabulib-strict-refused",
        &[
            ("count", &warnings.len().to_string()),
            ("warning", &warning_text(lang, first)),
        ],
    ))
}

fn imported_with_warnings(
    lang: &Lang,
    slug: &str,
    warnings: &[pb::Warning],
) -> ImportedWithWarnings {
    let hidden = warnings.len().saturating_sub(WARNINGS_SHOWN);
    ImportedWithWarnings {
        heading: lang.t_count("pb-import-warnings-title", warnings.len() as i64),
        warnings: warnings
            .iter()
            .take(WARNINGS_SHOWN)
            .map(|w| warning_text(lang, w))
            .collect(),
        more: if hidden > 0 {
            lang.t_count("pb-import-warnings-more", hidden as i64)
        } else {
            String::new()
        },
        results_link: format!("/budgets/{slug}/results"),
    }
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunBudgets).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-official"));
    }
    let form = ImportForm {
        rule: pb::Rule::MesAdd1.as_str().into(),
        ..ImportForm::default()
    };
    render(&page(ctx, form, areas, FormErrors::new()))
}

pub async fn import(
    State(state): State<AppState>,
    ctx: PageContext,
    RequireUser(user): RequireUser,
    upload: Upload,
) -> AppResult<Response> {
    let areas = roles::areas_where(&state.db, &user, AreaAction::RunBudgets).await?;
    if areas.is_empty() {
        return Err(AppError::Forbidden("error-needs-official"));
    }
    let mut form = ImportForm::default();
    let mut file = Vec::new();
    let too_large = upload.too_large(&ctx.lang, "file");
    for (name, value) in forms::multipart_fields(upload.form).await? {
        match name.as_str() {
            "file" => file = value.to_vec(),
            "area" => form.area = forms::field_text(&value),
            "slug" => form.slug = forms::field_text(&value),
            "title" => form.title = forms::field_text(&value),
            "rule" => form.rule = forms::field_text(&value),
            "strict" => form.strict = forms::field_text(&value) == "yes",
            _ => {}
        }
    }
    let lang = &ctx.lang;
    let mut errors = FormErrors::new();
    if let Some(message) = too_large {
        errors.add_message("file", message);
    }
    if !areas.iter().any(|(id, _)| *id == form.area) {
        errors.add(lang, "area", "field-pb-area-invalid");
    }
    let rule = pb::Rule::parse(&form.rule).filter(|r| RULES.contains(r));
    if rule.is_none() {
        errors.add(lang, "rule", "field-rule-invalid");
    }
    let title = forms::optional_text(&mut errors, lang, "title", &form.title, 120);
    let slug = forms::slugify(if form.slug.is_empty() {
        &title
    } else {
        &form.slug
    });
    if slug.is_empty() {
        errors.add(lang, "slug", "field-slug-invalid");
    }
    let text = match String::from_utf8(file) {
        Ok(text) if !text.trim().is_empty() => Some(text),
        Ok(_) => {
            errors.add(lang, "file", "field-pabulib-missing");
            None
        }
        Err(_) => {
            errors.add(lang, "file", "field-pabulib-not-text");
            None
        }
    };
    if let Some(text) = text.as_deref().filter(|_| form.strict)
        && let Some(message) = refused_strictly(lang, text)
    {
        errors.add_message("file", message);
    }
    if let (true, Some(rule), Some(text)) = (errors.is_empty(), rule, text) {
        if super::store::find_by_slug(&state.db, &slug)
            .await?
            .is_some()
            || RESERVED.contains(&slug.as_str())
        {
            errors.add(lang, "slug", "field-slug-taken");
        } else {
            let title = (!title.is_empty()).then_some(title.as_str());
            match count::import_file(
                &state.db,
                &text,
                count::ImportTarget {
                    area_id: &form.area,
                    slug: &slug,
                    title,
                    rule,
                    by: Some(&user.id),
                    notify: Some((user.email.clone(), user.locale.clone())),
                    strict: form.strict,
                },
            )
            .await
            {
                Ok(imported) if imported.warnings.is_empty() => {
                    state.jobs_waiting.notify_one();
                    return Ok(see_other(
                        &format!("/budgets/{slug}/results"),
                        Some("pb-imported"),
                    ));
                }
                // Imported, but what was read with a warning is shown before moving on.
                Ok(imported) => {
                    state.jobs_waiting.notify_one();
                    let done = imported_with_warnings(lang, &slug, &imported.warnings);
                    let mut view = page(ctx, form, areas, errors);
                    view.imported = Some(done);
                    return render(&view);
                }
                Err(e) => errors.add_message(
                    "file",
                    lang.t1("field-pabulib-unreadable", "error", &format!("{e:#}")),
                ),
            }
        }
    }
    render_with(
        StatusCode::UNPROCESSABLE_ENTITY,
        &page(ctx, form, areas, errors),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(kept: pb::Kept) -> pb::Warning {
        pb::Warning::RepeatedProject {
            line: 12,
            voter: "v7".into(),
            project: "3".into(),
            kept,
        }
    }

    #[test]
    fn warnings_read_in_english_and_in_polish() {
        let english = Lang::from_tag("en-GB").unwrap();
        let polish = Lang::from_tag("pl").unwrap();
        let points = repeated(pb::Kept::LastPoints(pb::Q::int(2)));
        assert_eq!(
            warning_text(&english, &points),
            "Line 12: voter v7 gives points to project 3 more than once; the last points given (2) count."
        );
        assert_eq!(
            warning_text(&polish, &repeated(pb::Kept::Once)),
            "Wiersz 12: głosujący v7 wymienia projekt 3 więcej niż raz; projekt liczy się raz."
        );
        let votes = |found| pb::Warning::MetaDisagrees {
            line: 4,
            key: "num_votes".into(),
            stated: "10".into(),
            found,
        };
        // Polish plural forms: one, few, many.
        let polish_votes: Vec<String> = [1, 3, 5, 22]
            .into_iter()
            .map(|found| warning_text(&polish, &votes(found)))
            .collect();
        assert!(
            polish_votes[0].contains("zawiera jeden głos;"),
            "{polish_votes:?}"
        );
        assert!(
            polish_votes[1].contains("zawiera 3 głosy;"),
            "{polish_votes:?}"
        );
        assert!(
            polish_votes[2].contains("zawiera 5 głosów;"),
            "{polish_votes:?}"
        );
        assert!(
            polish_votes[3].contains("zawiera 22 głosy;"),
            "{polish_votes:?}"
        );
        assert!(warning_text(&english, &votes(1)).contains("the file holds one vote;"));
    }

    #[test]
    fn a_long_list_of_warnings_is_cut_and_counted() {
        let polish = Lang::from_tag("pl").unwrap();
        let warnings = vec![repeated(pb::Kept::FirstPlace); WARNINGS_SHOWN + 5];
        let shown = imported_with_warnings(&polish, "ranked", &warnings);
        assert_eq!(shown.warnings.len(), WARNINGS_SHOWN);
        assert_eq!(shown.heading, "Zaimportowano, z 25 ostrzeżeniami");
        assert_eq!(shown.more, "…i jeszcze 5 ostrzeżeń.");
        assert_eq!(shown.results_link, "/budgets/ranked/results");
        let english = Lang::from_tag("en-GB").unwrap();
        let one = imported_with_warnings(&english, "ranked", &warnings[..1]);
        let repeated = "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a,a\n2;a,a\n3;a,a\n";
        assert_eq!(
            refused_strictly(&polish, repeated).unwrap(),
            "Nie zaimportowano: wybrano odrzucanie plików z ostrzeżeniami, a ten ma 3 ostrzeżenia. \
             Pierwsze: Wiersz 10: głosujący 1 wymienia projekt a więcej niż raz; projekt liczy się raz."
        );
        assert_eq!(
            refused_strictly(&polish, &repeated.replace("a,a", "a")),
            None
        );
        assert_eq!(
            (one.heading.as_str(), one.more.as_str()),
            ("Imported, with one warning", "")
        );
    }
}
