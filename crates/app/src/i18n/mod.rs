//! Translations: every user-facing string lives in a Fluent file under `locales/<lang>/`.
//! Adding a language is adding a folder of `.ftl` files and a line to [`SUPPORTED`].

use std::borrow::Cow;
use std::collections::HashMap;

pub mod format;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-GB",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Languages offered to users: (code, name in that language).
pub const SUPPORTED: &[(&str, &str)] = &[("en-GB", "English"), ("pl", "Polski")];
pub const DEFAULT: &str = "en-GB";

/// The language of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lang {
    code: &'static str,
    id: LanguageIdentifier,
}

impl Default for Lang {
    fn default() -> Self {
        Lang {
            code: DEFAULT,
            id: langid!("en-GB"),
        }
    }
}

impl Lang {
    /// The supported language matching `tag` exactly or by primary subtag ("pl-PL" -> "pl").
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        let code = SUPPORTED
            .iter()
            .map(|(code, _)| *code)
            .find(|code| code.eq_ignore_ascii_case(tag))
            .or_else(|| {
                SUPPORTED.iter().map(|(code, _)| *code).find(|code| {
                    code.split('-')
                        .next()
                        .unwrap_or("")
                        .eq_ignore_ascii_case(primary)
                })
            })?;
        Some(Lang {
            code,
            id: code.parse().ok()?,
        })
    }

    /// Picks the best supported language from an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut candidates: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0 && !tag.is_empty()).then_some((q, tag))
            })
            .collect();
        // Stable sort keeps the header's order among equal weights.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        candidates
            .into_iter()
            .find_map(|(_, tag)| Lang::from_tag(tag))
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message for `key`; a missing key shows the key itself so it is noticed, never a panic.
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.id, key)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message for `key` with named arguments. An argument written as a whole number is
    /// passed as a number, so a message can choose its plural form by it
    /// (`{ $count -> [one] ... [few] ... *[many] ... }`) whichever way the caller formatted it.
    pub fn t_args(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), argument(value)))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id, key, &args)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message with one argument, handy in templates: `{{ ctx.lang.t1("greeting", "name", user) }}`.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.t_args(key, &[(name, value)])
    }

    /// The message with a count, as a number, so the message can choose its plural form
    /// (`{ $count -> [one] ... *[other] ... }`).
    pub fn t_count(&self, key: &str, count: i64) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("count"), FluentValue::from(count))]);
        LOCALES
            .try_lookup_with_args(&self.id, key, &args)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message with several numbers, each able to choose its own plural form, as a
    /// limit stated in two units does.
    pub fn t_numbers(&self, key: &str, numbers: &[(&'static str, i64)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = numbers
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(*value)))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id, key, &args)
            .unwrap_or_else(|| key.to_string())
    }

    /// Whether `key` exists (in this language or the fallback) and formats without
    /// arguments, as notices do. A message that needs arguments counts as absent.
    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&self.id, key).is_some()
    }
}

/// A plain whole number ("0", "7", "-3", "1234"; not "007", "+1" or a 16-digit code) becomes a
/// Fluent number, anything else stays text.
fn argument(value: &str) -> FluentValue<'static> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let plain = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    match value.parse::<i64>() {
        Ok(number) if plain => FluentValue::from(number),
        _ => FluentValue::from(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    #[test]
    fn whole_numbers_are_passed_as_numbers_and_codes_as_text() {
        assert!(matches!(argument("5"), FluentValue::Number(_)));
        assert!(matches!(argument("-12"), FluentValue::Number(_)));
        assert!(matches!(argument("007"), FluentValue::String(_)));
        assert!(matches!(argument("12.5"), FluentValue::String(_)));
        assert!(matches!(
            argument("1234567890123456"),
            FluentValue::String(_)
        ));
        assert!(matches!(argument("Riverside"), FluentValue::String(_)));
        // A number is shown as it was written (no grouping added), as a year must be.
        let shown = Lang::default().t_args(
            "pb-turnout-summary",
            &[("voters", "2026"), ("ballots", "12345")],
        );
        assert!(shown.contains("2026") && shown.contains("12345"), "{shown}");
    }

    #[test]
    fn accept_language_honours_weights_and_primary_subtags() {
        assert_eq!(
            Lang::from_accept_language("pl-PL,pl;q=0.9,en;q=0.8")
                .unwrap()
                .code(),
            "pl"
        );
        assert_eq!(
            Lang::from_accept_language("de, en-US;q=0.5, pl;q=0.7")
                .unwrap()
                .code(),
            "pl"
        );
        assert_eq!(Lang::from_accept_language("en-US").unwrap().code(), "en-GB");
        assert!(Lang::from_accept_language("de, fr").is_none());
        assert!(Lang::from_accept_language("pl;q=0").is_none());
    }

    #[test]
    fn messages_are_translated_and_missing_ones_show_their_key() {
        let pl = Lang::from_tag("pl").unwrap();
        assert_ne!(pl.t("nav-sign-in"), Lang::default().t("nav-sign-in"));
        assert_eq!(pl.t("no-such-message"), "no-such-message");
    }

    #[test]
    fn waits_use_each_language_s_plural_forms() {
        let en = Lang::default();
        let pl = Lang::from_tag("pl").unwrap();
        assert_eq!(
            en.t_count("error-retry-after", 1),
            "You can try again in 1 minute."
        );
        assert_eq!(
            en.t_count("error-retry-after", 15),
            "You can try again in 15 minutes."
        );
        let polish: Vec<String> = [1, 2, 5, 15, 22, 25]
            .iter()
            .map(|n| pl.t_count("error-retry-after", *n))
            .collect();
        assert_eq!(
            polish,
            [
                "Możesz spróbować ponownie za 1 minutę.",
                "Możesz spróbować ponownie za 2 minuty.",
                "Możesz spróbować ponownie za 5 minut.",
                "Możesz spróbować ponownie za 15 minut.",
                "Możesz spróbować ponownie za 22 minuty.",
                "Możesz spróbować ponownie za 25 minut.",
            ]
        );
    }

    /// Message ids defined in one `.ftl` file.
    fn ids_in(path: &std::path::Path) -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// Keys a template or handler asks for literally: `t("key")`, `t1("key", ...)`,
    /// `errors.add(lang, "field", "key")`, `Forbidden("key")`, `Conflict("key")`.
    fn keys_used_in(text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for opener in [
            ".t(\"",
            ".t1(\"",
            ".t_args(\"",
            "Forbidden(\"",
            "Conflict(\"",
        ] {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                if let Some(end) = rest.find('"') {
                    keys.push(rest[..end].to_string());
                }
            }
        }
        for (at, _) in text.match_indices("errors.add(") {
            let call = &text[at..text[at..].find(')').map_or(text.len(), |e| at + e)];
            if let Some(key) = call.rsplit('"').nth(1) {
                keys.push(key.to_string());
            }
        }
        keys.extend(notices_used_in(text));
        keys.extend(derived_keys_in(text));
        keys.retain(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        });
        keys
    }

    /// Keys a helper builds from a field's name: `required_text(errors, lang, "place", ...)`
    /// says `field-place-missing`, `number_in(errors, lang, "min_choices", ...)` says
    /// `field-min-choices-invalid`.
    fn derived_keys_in(text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for field in field_names_in(text, "required_text(") {
            keys.push(format!("field-{field}-missing"));
        }
        for field in field_names_in(text, "number_in(") {
            keys.push(format!("field-{}-invalid", field.replace('_', "-")));
        }
        keys
    }

    /// What stands between the parentheses of each call of `opener` (which ends with "("),
    /// nested parentheses included.
    fn call_arguments<'t>(text: &'t str, opener: &'t str) -> impl Iterator<Item = &'t str> {
        text.match_indices(opener).map(move |(at, _)| {
            let rest = &text[at + opener.len()..];
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(rest.len(), |(i, _)| i);
            &rest[..end]
        })
    }

    /// The third argument of each call of `opener`, where it is a string literal.
    fn field_names_in<'t>(text: &'t str, opener: &'t str) -> Vec<&'t str> {
        call_arguments(text, opener)
            .filter_map(|arguments| {
                arguments
                    .split(',')
                    .nth(2)
                    .map(str::trim)
                    .and_then(|f| f.strip_prefix('"'))
                    .and_then(|f| f.strip_suffix('"'))
            })
            .collect()
    }

    /// Notices named in redirects (`see_other(path, Some("x"))`, or a `let notice = ...`
    /// chosen before) are looked up as `notice-x`, so that is the message that must exist.
    fn notices_used_in(text: &str) -> Vec<String> {
        let mut spans = Vec::new();
        for arguments in call_arguments(text, "see_other(") {
            if let Some(some) = arguments.find("Some(\"") {
                spans.push(&arguments[some + "Some(".len()..]);
            }
        }
        for (at, _) in text.match_indices("let notice = ") {
            let rest = &text[at..];
            spans.push(&rest[..rest.find(';').unwrap_or(rest.len())]);
        }
        spans
            .iter()
            .flat_map(|span| span.split('"').skip(1).step_by(2))
            .filter(|key| !key.is_empty() && *key != "notice")
            .map(|key| format!("notice-{key}"))
            .collect()
    }

    fn source_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                source_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_exists_in_english() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        source_files(&root.join("src"), &mut files);
        let english: Vec<String> = std::fs::read_dir(root.join("locales/en-GB"))
            .unwrap()
            .flatten()
            .flat_map(|entry| ids_in(&entry.path()))
            .collect();
        let mut missing = Vec::new();
        for file in files
            .iter()
            .filter(|f| !f.to_string_lossy().contains("/i18n/"))
        {
            let text = std::fs::read_to_string(file).unwrap();
            for key in keys_used_in(&text) {
                if !english.contains(&key) {
                    missing.push(format!("{key} ({})", file.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing English messages:\n{}",
            missing.join("\n")
        );
    }

    /// Every message of every file, as (id, variables it uses, attribute names), or the file's
    /// syntax errors.
    fn messages_in(path: &std::path::Path) -> BTreeMap<String, (BTreeSet<String>, Vec<String>)> {
        use fluent_syntax::ast::{Entry, Pattern};
        let text = std::fs::read_to_string(path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut found = BTreeMap::new();
        for entry in &resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
                Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
                _ => continue,
            };
            let mut variables = BTreeSet::new();
            let patterns: Vec<&Pattern<&str>> = value
                .into_iter()
                .chain(attributes.iter().map(|a| &a.value))
                .collect();
            for pattern in patterns {
                variables_in_pattern(pattern, &mut variables);
            }
            let attributes = attributes.iter().map(|a| a.id.name.to_string()).collect();
            found.insert(id.to_string(), (variables, attributes));
        }
        found
    }

    fn variables_in_pattern(
        pattern: &fluent_syntax::ast::Pattern<&str>,
        found: &mut BTreeSet<String>,
    ) {
        use fluent_syntax::ast::PatternElement;
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                variables_in_expression(expression, found);
            }
        }
    }

    fn variables_in_expression(
        expression: &fluent_syntax::ast::Expression<&str>,
        found: &mut BTreeSet<String>,
    ) {
        use fluent_syntax::ast::Expression;
        match expression {
            Expression::Select { selector, variants } => {
                variables_in_inline(selector, found);
                for variant in variants {
                    variables_in_pattern(&variant.value, found);
                }
            }
            Expression::Inline(inline) => variables_in_inline(inline, found),
        }
    }

    fn variables_in_inline(
        inline: &fluent_syntax::ast::InlineExpression<&str>,
        found: &mut BTreeSet<String>,
    ) {
        use fluent_syntax::ast::InlineExpression;
        match inline {
            InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            InlineExpression::FunctionReference { arguments, .. }
            | InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for argument in &arguments.positional {
                    variables_in_inline(argument, found);
                }
                for named in &arguments.named {
                    variables_in_inline(&named.value, found);
                }
            }
            InlineExpression::Placeable { expression } => {
                variables_in_expression(expression, found)
            }
            _ => {}
        }
    }

    /// Every language has every message of every file, with the same variables and
    /// attributes: a message missing in Polish would show in English, and a variable one
    /// language forgets would silently drop a number or a name.
    #[test]
    fn every_message_exists_in_every_language_with_the_same_variables() {
        let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut problems = Vec::new();
        let mut compared = 0;
        for entry in std::fs::read_dir(locales.join(DEFAULT)).unwrap().flatten() {
            let file = entry.file_name();
            let english = messages_in(&entry.path());
            for (code, _) in SUPPORTED.iter().filter(|(c, _)| *c != DEFAULT) {
                let path = locales.join(code).join(&file);
                if !path.exists() {
                    problems.push(format!("{code}/{} is missing", file.to_string_lossy()));
                    continue;
                }
                let other = messages_in(&path);
                for (id, shape) in &english {
                    match other.get(id) {
                        None => problems.push(format!("{code}: {id} is missing")),
                        Some(theirs) if theirs != shape => problems.push(format!(
                            "{code}: {id} uses {:?} {:?}, English {:?} {:?}",
                            theirs.0, theirs.1, shape.0, shape.1
                        )),
                        Some(_) => compared += 1,
                    }
                }
                for id in other.keys().filter(|id| !english.contains_key(*id)) {
                    problems.push(format!("{code}: {id} is not an English message"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(compared > 1500, "only {compared} messages compared");
    }
}
