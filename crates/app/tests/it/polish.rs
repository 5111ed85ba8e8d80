//! Every page in Polish (issue 24): the demo city crawled in Polish, as a visitor and as
//! signed-in people of several roles, failing on any English the site itself writes; and
//! mail that goes out in the recipient's language, whoever's action sent it.
//!
//! How "English UI text" is told from English content. The demo's content (report titles,
//! people's and places' names, descriptions) is English on purpose, so a page's text cannot
//! simply be checked for English words. Instead the test knows what English the site can
//! write, because every word it writes comes from `locales/en-GB/*.ftl`. Words are compared
//! whole and in lower case, with the punctuation around them set aside ("Save" never
//! matches "Saved"), and never across a block boundary (a cell, an item, a paragraph).
//!
//! 1. **Phrases from the English messages.** Each English message (and attribute, and each
//!    variant of a plural or other selector, and each line of a message of several lines)
//!    is cut at its placeables into runs of literal text; a run of three or more words that
//!    no Polish message also uses (names such as "Square Mile", file formats) and that the
//!    demo's own sources do not contain (its content) is a phrase a Polish page must never
//!    show, anywhere. A message left untranslated, a Polish page that fell back to English,
//!    or English names of things (skill cards) shown to a Polish reader show such a phrase.
//! 2. **Short messages where only the site writes.** One- and two-word messages ("Save",
//!    "Sign in", "Next") are too common to look for inside running text, so they count only
//!    as the whole text of a block or of an element that is always the site's own: buttons,
//!    labels, table headers, navigation and each link of a menu, headings h1 to h3, legends,
//!    summaries, options, titles, SVG text, text only screen readers hear
//!    (`.visually-hidden`), and the `aria-label`, `placeholder`, `title` and `alt`
//!    attributes and the values of input buttons. A short piece of the demo's content (a jury
//!    quota's feature "housing") is content wherever it shows. A short list of words a
//!    template could hard-code without any message ([`HARD_CODED`]: "Search", "Download",
//!    "Error", "Person"...) counts as the first words of those elements.
//! 3. **Pseudonyms.** "Person 12" and "Organisation 3" anywhere on the page: the network
//!    map's names for people who did not agree to be named are the site's words.
//! 4. **Message ids.** A word such as `field-place-missing` is a message that does not
//!    exist, shown as its id (in every language).
//!
//! Text an element marks with its own `lang` (the language switcher's "English") is the
//! site being honest about a language, not a leak, and is skipped; so are scripts and styles.
//! Every page must also say `<html lang="pl">` and must not fail with a server error. The
//! test first proves each check catches a planted case, and that an English page is caught.
//!
//! The crawl is plain HTTP (what a browser fetches, without running scripts): breadth first
//! from the home page and each person's own pages, following same-site links (not downloads,
//! feeds, the API, photos, signing out or switching language), a few pages of each shape
//! (the same route and query parameters), at most 400 pages a person; then a few forms are
//! sent wrong to read their error messages. The one page whose script adds words of its own,
//! the network map, is checked in a real browser by
//! [`the_map_s_own_controls_speak_polish_in_a_browser`].

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use reqwest::StatusCode;

use crate::support::{Client, ReceivedMail, TestApp, body, location};

// ------------------------------------------------------------------ what English looks like

/// A run of literal text in one message: its words, and which message it came from.
struct Phrase {
    words: Vec<String>,
    message: String,
}

/// What English the site's own messages can put on a page.
struct EnglishUi {
    /// Runs of three or more words, indexed by their first three words.
    phrases: Vec<Phrase>,
    by_start: HashMap<String, Vec<usize>>,
    /// Whole one- and two-word messages (and the hard-coded list), as word lists, each with
    /// whether it counts as the start of an element's text (the hard-coded list) or only
    /// as its whole text (messages).
    short: Vec<(Vec<String>, bool, String)>,
    /// The first parts of message ids ("field", "mapping"...): a word such as
    /// `field-place-missing` on a page is a message that does not exist, shown as its id.
    id_prefixes: HashSet<String>,
}

/// Words a template could write without a message; checked as the first words of UI
/// elements only (see the module's notes). Only those no Polish message uses count.
const HARD_CODED: &[&str] = &[
    "Sign in",
    "Sign out",
    "Register",
    "Save",
    "Search",
    "Next",
    "Previous",
    "Download",
    "Submit",
    "Cancel",
    "Delete",
    "Edit",
    "Back",
    "Close",
    "Send",
    "Show",
    "Hide",
    "More",
    "Home",
    "Yes",
    "No",
    "Name",
    "Email",
    "Password",
    "Date",
    "Title",
    "Description",
    "Area",
    "Areas",
    "Votes",
    "Results",
    "Reports",
    "Events",
    "Page",
    "Total",
    "Loading",
    "Error",
    "Unknown",
    "None",
    "Person",
    "Organisation",
];

/// Words as the checks compare them: split at white space, punctuation around each word set
/// aside (not inside it: "sign-in", "don't"), empty pieces dropped, in lower case (a page
/// may start a sentence with a message that a list shows in lower case).
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_letters(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// A pattern's runs of literal text, each with whether a placeable touches its start or end
/// (then the word there is only part of a word on the page, and is dropped).
fn runs_in(pattern: &fluent_syntax::ast::Pattern<&str>, runs: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let mut current = String::new();
    let mut cut_before = false;
    let finish = |text: &mut String, cut_before: bool, cut_after: bool, runs: &mut Vec<String>| {
        let mut pieces: Vec<&str> = text.split_whitespace().collect();
        if cut_before && !text.starts_with(char::is_whitespace) && !pieces.is_empty() {
            pieces.remove(0);
        }
        if cut_after && !text.ends_with(char::is_whitespace) && !pieces.is_empty() {
            pieces.pop();
        }
        runs.push(pieces.join(" "));
        text.clear();
    };
    for element in &pattern.elements {
        match element {
            // A message of several lines is a list (one relationship type a line) or a
            // paragraph: each line is read as a run of its own.
            PatternElement::TextElement { value } => {
                let mut lines = value.split('\n');
                current.push_str(lines.next().unwrap_or(""));
                for line in lines {
                    finish(&mut current, cut_before, false, runs);
                    cut_before = false;
                    current.push_str(line);
                }
            }
            PatternElement::Placeable { expression } => {
                if let Expression::Inline(InlineExpression::StringLiteral { value }) = expression {
                    current.push_str(value);
                    continue;
                }
                finish(&mut current, cut_before, true, runs);
                cut_before = true;
                if let Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        runs_in(&variant.value, runs);
                    }
                }
            }
        }
    }
    finish(&mut current, cut_before, false, runs);
}

/// Every message of every file in one language: id (with `.attribute`) and its runs.
fn messages_of(code: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast::Entry;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(code);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the locale folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut messages = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in &resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
                Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
                _ => continue,
            };
            if let Some(value) = value {
                let mut runs = Vec::new();
                runs_in(value, &mut runs);
                messages.push((id.to_string(), runs));
            }
            for attribute in attributes {
                let mut runs = Vec::new();
                runs_in(&attribute.value, &mut runs);
                messages.push((format!("{id}.{}", attribute.id.name), runs));
            }
        }
    }
    messages
}

/// Whether `needle` occurs, word for word, in `haystack`.
fn contains_words(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

impl EnglishUi {
    fn load() -> EnglishUi {
        let english = messages_of("en-GB");
        let polish: Vec<Vec<String>> = messages_of("pl")
            .into_iter()
            .flat_map(|(_, runs)| runs)
            .map(|run| words(&run))
            .collect();
        let used_in_polish = |phrase: &[String]| polish.iter().any(|p| contains_words(p, phrase));
        // The demo's content is English on purpose: a phrase it writes itself proves nothing,
        // and its short pieces (a quota's feature "housing", a literal "district") are content
        // wherever they show, even in a table header.
        let demo_sources = sources_below(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/demo"));
        let demo: Vec<Vec<String>> = demo_sources.iter().map(|text| words(text)).collect();
        let in_demo = |phrase: &[String]| demo.iter().any(|d| contains_words(d, phrase));
        let demo_pieces: HashSet<Vec<String>> = demo_sources
            .iter()
            .flat_map(|text| text.split(['"', ',', '\n']).map(words))
            .collect();

        let (mut phrases, mut short, mut seen) = (Vec::new(), Vec::new(), HashSet::new());
        for (id, runs) in &english {
            let whole = runs.len() == 1;
            for run in runs {
                let run = words(run);
                let lettered = run.iter().filter(|w| has_letters(w)).count();
                if lettered >= 3 {
                    if seen.insert(run.clone()) && !used_in_polish(&run) && !in_demo(&run) {
                        phrases.push(Phrase {
                            words: run,
                            message: id.clone(),
                        });
                    }
                } else if whole
                    && lettered >= 1
                    && !used_in_polish(&run)
                    && !demo_pieces.contains(&run)
                {
                    short.push((run, false, id.clone()));
                }
            }
        }
        for hard in HARD_CODED {
            let hard = words(hard);
            if !used_in_polish(&hard) {
                short.push((hard, true, "(hard-coded)".into()));
            }
        }
        let id_prefixes = english
            .iter()
            .filter_map(|(id, _)| id.split('-').next())
            .map(str::to_string)
            .collect();
        let mut by_start: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, phrase) in phrases.iter().enumerate() {
            by_start
                .entry(phrase.words[..3].join(" "))
                .or_default()
                .push(i);
        }
        EnglishUi {
            phrases,
            by_start,
            short,
            id_prefixes,
        }
    }

    /// What on this page is the site's English: each finding as "what (which message)".
    fn findings(&self, page: &Page) -> Vec<String> {
        let mut found = Vec::new();
        for block in &page.blocks {
            for start in 0..block.len().saturating_sub(2) {
                let key = block[start..start + 3].join(" ");
                for &i in self.by_start.get(&key).into_iter().flatten() {
                    let phrase = &self.phrases[i];
                    if block[start..].starts_with(&phrase.words) {
                        found.push(format!(
                            "\"{}\" ({})",
                            phrase.words.join(" "),
                            phrase.message
                        ));
                    }
                }
            }
            for word in block {
                let parts: Vec<&str> = word.split('-').collect();
                if parts.len() >= 3
                    && self.id_prefixes.contains(parts[0])
                    && word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c))
                {
                    found.push(format!("the message id \"{word}\" (no such message)"));
                }
            }
            for pair in block.windows(2) {
                if (pair[0] == "person" || pair[0] == "organisation")
                    && pair[1].chars().all(|c| c.is_ascii_digit())
                {
                    found.push(format!("the pseudonym \"{} {}\"", pair[0], pair[1]));
                }
            }
        }
        for block in &page.blocks {
            for (short, as_start, message) in &self.short {
                if !*as_start && block == short {
                    found.push(format!("block \"{}\" ({message})", block.join(" ")));
                    break;
                }
            }
        }
        for (element, text) in &page.ui {
            let text = words(text);
            for (short, as_start, message) in &self.short {
                let hit = if *as_start {
                    text.starts_with(short)
                } else {
                    text == *short
                };
                if hit {
                    found.push(format!("<{element}> \"{}\" ({message})", text.join(" ")));
                    break;
                }
            }
        }
        found.sort();
        found.dedup();
        found
    }
}

// ------------------------------------------------------------------ reading a page

/// A page's text as the checks read it.
#[derive(Default)]
struct Page {
    /// Runs of words between block boundaries (paragraphs, cells, items...), scripts,
    /// styles and elements in another declared language left out.
    blocks: Vec<Vec<String>>,
    /// The whole text of each UI element, and UI attributes, with the element's name.
    ui: Vec<(String, String)>,
    /// Same-site links (`href`s).
    links: Vec<String>,
    /// The `<html lang>`.
    lang: String,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "button",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "label",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "td",
    "textarea",
    "text",
    "th",
    "title",
    "tr",
    "ul",
    "svg",
    "g",
    "desc",
];
const UI: &[&str] = &[
    "button", "label", "th", "nav", "h1", "h2", "h3", "legend", "summary", "option", "title",
    "text",
];

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A tag's name and attributes (names lower-cased, values decoded).
fn parse_tag(inside: &str) -> (String, Vec<(String, String)>) {
    let inside = inside.trim_end_matches('/');
    let name_end = inside
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inside.len());
    let name = inside[..name_end].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut rest = inside[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode_entities(raw);
            rest = remaining.trim_start();
        }
        if !key.is_empty() {
            attributes.push((key, value));
        }
    }
    (name, attributes)
}

struct Open {
    name: String,
    /// Inside an element that declares a language other than Polish.
    foreign: bool,
    /// The element's text so far, for UI elements.
    text: Option<String>,
}

fn read_page(html: &str) -> Page {
    let mut page = Page::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let mut rest = html;
    let end_block = |block: &mut Vec<String>, page: &mut Page| {
        if !block.is_empty() {
            page.blocks.push(std::mem::take(block));
        }
    };
    loop {
        let at = rest.find('<').unwrap_or(rest.len());
        let text = decode_entities(&rest[..at]);
        let foreign = stack.last().is_some_and(|o| o.foreign);
        if !foreign && !text.trim().is_empty() {
            block.extend(words(&text));
            for open in stack.iter_mut() {
                if let Some(t) = open.text.as_mut() {
                    t.push(' ');
                    t.push_str(&text);
                }
            }
        }
        if at == rest.len() {
            break;
        }
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else { break };
        let inside = &rest[1..close];
        rest = &rest[close + 1..];
        if inside.starts_with('!') || inside.starts_with('?') {
            continue;
        }
        if let Some(closing) = inside.strip_prefix('/') {
            let name = closing.trim().to_ascii_lowercase();
            if BLOCK.contains(&name.as_str()) {
                end_block(&mut block, &mut page);
            }
            if let Some(depth) = stack.iter().rposition(|o| o.name == name) {
                for open in stack.drain(depth..).rev() {
                    if let Some(text) = open.text {
                        page.ui.push((open.name, text));
                    }
                }
            }
            continue;
        }
        let (name, attributes) = parse_tag(inside);
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if BLOCK.contains(&name.as_str()) {
            end_block(&mut block, &mut page);
        }
        if name == "script" || name == "style" {
            let end = format!("</{name}");
            rest = rest.find(&end).map_or("", |e| &rest[e..]);
            continue;
        }
        if name == "html" {
            page.lang = attribute("lang").unwrap_or_default().to_string();
        }
        if name == "a"
            && let Some(href) = attribute("href")
        {
            page.links.push(href.to_string());
        }
        let declared = attribute("lang");
        let foreign = match declared {
            Some(lang) => !lang.is_empty() && !lang.starts_with("pl"),
            None => stack.last().is_some_and(|o| o.foreign),
        };
        if !foreign {
            let input_type = attribute("type").unwrap_or("");
            for key in ["aria-label", "placeholder", "title", "alt", "value"] {
                let Some(value) = attribute(key) else {
                    continue;
                };
                // A button's value is sent, not shown; an input button shows its value.
                let shown = name == "input" && matches!(input_type, "submit" | "button" | "reset");
                if key == "value" && !shown {
                    continue;
                }
                page.blocks.push(words(value));
                page.ui.push((format!("{name} {key}"), value.to_string()));
            }
        }
        let self_closing = inside.ends_with('/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            // Text only screen readers hear, and each link of a menu, are the site's own.
            let ui = UI.contains(&name.as_str())
                || attribute("class").is_some_and(|c| c.contains("visually-hidden"))
                || (matches!(name.as_str(), "a" | "li") && stack.iter().any(|o| o.name == "nav"));
            stack.push(Open {
                text: ui.then(String::new),
                name,
                foreign,
            });
        }
    }
    end_block(&mut block, &mut page);
    page
}

// ------------------------------------------------------------------ the crawl

/// Links the crawl does not follow: other sites, downloads, feeds, the API, scripts and
/// photos, and the links that sign out or switch language.
fn worth_following(path: &str) -> bool {
    let bare = path.split(['?', '#']).next().unwrap_or("");
    let skipped_prefixes = [
        "/language/",
        "/logout",
        "/static/",
        "/api/",
        "/feeds/",
        "/account/export",
    ];
    let downloads = [
        ".csv", ".pb", ".ics", ".gexf", ".graphml", ".json", ".xml", ".atom", ".js", ".css",
        ".png", ".jpg", ".jpeg", ".svg", ".pdf", ".txt", ".zip",
    ];
    path.starts_with('/')
        && !path.starts_with("//")
        && !skipped_prefixes.iter().any(|p| bare.starts_with(p))
        && !downloads.iter().any(|d| bare.ends_with(d))
        && !bare.contains("/export/")
        && !bare.contains("/photos/")
        && !bare.contains("/files/")
}

/// Pages of one shape (the same route, the same query parameters) are the same template
/// with other content: a few of each is enough, so a list of a hundred reports does not
/// become a hundred visits.
fn shape(path: &str) -> String {
    let (bare, query) = path.split_once('?').unwrap_or((path, ""));
    let segments: Vec<&str> = bare.split('/').filter(|s| !s.is_empty()).collect();
    let mut shape: Vec<&str> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let id_like = segment.chars().all(|c| c.is_ascii_digit())
            || (segment.len() >= 32 && segment.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
        // The first segment names the feature; a later one is a slug or an id unless it is
        // the last of three or more (an action: `/areas/x/people`).
        let keep = i == 0 || (i + 1 == segments.len() && segments.len() >= 3 && !id_like);
        shape.push(if keep { segment } else { "*" });
    }
    let mut keys: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    format!("/{}?{}", shape.join("/"), keys.join("&"))
}

const PAGES_PER_PERSON: usize = 400;
const PAGES_PER_SHAPE: usize = 3;

/// What a crawl found: findings (with the page), and how many pages it read.
struct Crawled {
    findings: Vec<String>,
    pages: usize,
}

/// Breadth-first from `start`, following same-site links, reading every HTML page.
async fn crawl(
    who: &str,
    client: &Client,
    headers: Pairs<'_>,
    start: &[&str],
    english: &EnglishUi,
) -> Crawled {
    let mut queue: VecDeque<String> = start.iter().map(|s| s.to_string()).collect();
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut per_shape: HashMap<String, usize> = HashMap::new();
    let mut findings = Vec::new();
    let mut pages = 0;
    while let Some(path) = queue.pop_front() {
        if pages >= PAGES_PER_PERSON {
            break;
        }
        let response = client.get_with(&path, headers).await;
        let status = response.status();
        if status.is_redirection() {
            let to = location(&response);
            let to = to.strip_prefix(&client.base).unwrap_or(&to).to_string();
            if worth_following(&to) && seen.insert(to.clone()) {
                queue.push_front(to);
            }
            continue;
        }
        if status.is_server_error() {
            findings.push(format!("{who} {path}: {status}"));
            continue;
        }
        let html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        if !html {
            continue;
        }
        pages += 1;
        let page = read_page(&body(response).await);
        if page.lang != "pl" {
            findings.push(format!("{who} {path}: <html lang=\"{}\">", page.lang));
        }
        for finding in english.findings(&page) {
            findings.push(format!("{who} {path} ({status}): {finding}"));
        }
        for link in page.links {
            let link = link.split('#').next().unwrap_or("").to_string();
            let link = link.strip_prefix(&client.base).unwrap_or(&link).to_string();
            if !worth_following(&link) || seen.contains(&link) {
                continue;
            }
            let taken = per_shape.entry(shape(&link)).or_default();
            if *taken >= PAGES_PER_SHAPE {
                continue;
            }
            *taken += 1;
            seen.insert(link.clone());
            queue.push_back(link);
        }
    }
    Crawled { findings, pages }
}

/// Pages a signed-in person reaches from the menu and their own work, beyond the home page.
const OWN_PAGES: &[&str] = &[
    "/",
    "/account",
    "/account/password",
    "/account/delete",
    "/notifications",
    "/alerts",
    "/help/matches",
    "/help/credits",
    "/help/new",
    "/moderation",
    "/stories/moderate",
    "/reports/routes",
    "/reports/api-keys",
    "/budgets/import",
    "/areas/new",
    "/events/new",
    "/skills/new",
    "/verify",
    "/jury-code",
];

/// Forms sent empty or wrong, to read their pages with errors (the crawl only follows
/// links): who sends, where, and what.
/// Form fields, or request headers: names and values.
type Pairs<'a> = &'a [(&'a str, &'a str)];

const FORMS_WITH_ERRORS: &[(usize, &str, Pairs)] = &[
    (0, "/register", &[("email", "not an address")]),
    (0, "/password/forgot", &[("email", "not an address")]),
    (1, "/areas/new", &[("name", "")]),
    (1, "/help/new", &[("title", "")]),
    (2, "/events", &[("title", "")]),
    (3, "/assets/new", &[("title", "")]),
];

#[tokio::test]
async fn the_demo_reads_in_polish_for_visitors_and_every_role() {
    let english = EnglishUi::load();
    // The checker bites: an English page, a hard-coded button, a pseudonym; not a word an
    // element marks as English.
    let planted = read_page(&format!(
        "<html lang=\"pl\"><body><nav><ul><li><a href=\"/\">Areas</a></li></ul></nav>\
         <p>{}</p><button>Save</button><svg><title>Person 12</title></svg>\
         <p><span class=\"visually-hidden\">Error: </span>Podaj nazwę.</p><p>field-colour-missing</p>\
         <p lang=\"en\">Sign in to see the rest of this page</p></body></html>",
        squaremile::i18n::Lang::default().t("footer-tagline")
    ));
    let found = english.findings(&planted);
    assert!(
        found.iter().any(|f| f.contains("footer-tagline"))
            && found.iter().any(|f| f.contains("<button> \"save\""))
            && found.iter().any(|f| f.contains("person 12"))
            && found.iter().any(|f| f.contains("<a> \"areas\""))
            && found.iter().any(|f| f.contains("<span> \"error\""))
            && found.iter().any(|f| f.contains("\"field-colour-missing\""))
            && !found.iter().any(|f| f.contains("sign in")),
        "the checker misses planted English: {found:?}"
    );
    assert!(
        english.phrases.len() > 1000,
        "only {} phrases",
        english.phrases.len()
    );

    let app = TestApp::with_demo().await;
    // ...and a real page in English, labelled Polish as a fallback would be, where it must
    // find plenty.
    let home = body(app.client().get("/").await).await;
    let in_english = read_page(&home.replace("<html lang=\"en-GB\">", "<html lang=\"pl\">"));
    assert!(
        english.findings(&in_english).len() >= 5,
        "the checker finds too little on the English home page: {:?}",
        english.findings(&in_english)
    );

    // A visitor who has chosen nothing and whose browser asks for Polish.
    let visitor = app.client();
    let accept = [("accept-language", "pl-PL,pl;q=0.9,en;q=0.5")];
    let mut people = Vec::new();
    for email in [
        "priya.shah@millbrook.example",
        "tom.hughes@millbrook.example",
        "amara.okafor@millbrook.example",
    ] {
        let client = app.login(email, squaremile::demo::PASSWORD).await;
        // The footer's switch, as a person whose account says English would use it.
        let switched = client.get("/language/pl?next=%2F").await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        people.push((email, client));
    }
    // Beyond the links: an address that does not exist, and the map drawn the other ways
    // its form offers (coloured by kind, the legend names the kinds).
    let elsewhere = [
        "/no-such-page",
        "/mapping/who-makes-millbrook-work/map?colour=kind&size=betweenness",
        "/mapping/who-makes-millbrook-work/map?colour=area&size=eigenvector&kind=person",
        "/mapping/who-makes-millbrook-work-2025/map?colour=kind",
    ];
    let visitor_start: Vec<&str> = ["/", "/login", "/register", "/password/forgot", "/jury-code"]
        .into_iter()
        .chain(elsewhere)
        .collect();
    let own: Vec<&str> = OWN_PAGES.iter().copied().chain(elsewhere).collect();
    let (v, a, b, c) = tokio::join!(
        crawl("visitor", &visitor, &accept, &visitor_start, &english),
        crawl(people[0].0, &people[0].1, &[], &own, &english),
        crawl(people[1].0, &people[1].1, &[], &own, &english),
        crawl(people[2].0, &people[2].1, &[], &own, &english),
    );
    let mut findings = Vec::new();
    for crawled in [&v, &a, &b, &c] {
        assert!(crawled.pages >= 100, "only {} pages crawled", crawled.pages);
        findings.extend(crawled.findings.iter().cloned());
    }

    let senders: Vec<(&str, &Client, Pairs)> = vec![
        ("visitor", &visitor, &accept),
        (people[0].0, &people[0].1, &[]),
        (people[1].0, &people[1].1, &[]),
        (people[2].0, &people[2].1, &[]),
    ];
    for (who, path, fields) in FORMS_WITH_ERRORS {
        let (name, client, headers) = senders[*who];
        let response = client.post_form_with(path, fields, headers).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name} {path}"
        );
        let page = read_page(&body(response).await);
        assert_eq!(page.lang, "pl", "{name} {path}");
        for finding in english.findings(&page) {
            findings.push(format!("{name} {path} (sent with errors): {finding}"));
        }
    }
    assert!(
        findings.is_empty(),
        "English on Polish pages ({}):\n{}",
        findings.len(),
        findings.join("\n")
    );
}

// ------------------------------------------------------------------ the network map

/// The pseudonyms ("Person 12") and the legend's kinds follow the reader; the downloads do
/// not: a file is the same whoever downloads it, in any language (see the README).
#[tokio::test]
async fn the_map_names_pseudonyms_in_the_reader_s_language_and_its_files_stay_the_same() {
    let app = TestApp::with_demo().await;
    let (english, polish) = (app.client(), app.client());
    polish.get("/language/pl?next=%2F").await;
    let path = "/mapping/who-makes-millbrook-work/map?colour=kind";
    let in_english = body(english.get(path).await).await;
    let in_polish = body(polish.get(path).await).await;
    let numbers = |page: &str, word: &str| -> Vec<String> {
        let mut found: Vec<String> = page
            .split(&format!("<td>{word} "))
            .skip(1)
            .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
            .filter(|n: &String| !n.is_empty())
            .collect();
        found.sort();
        found
    };
    let people = numbers(&in_english, "Person");
    assert!(people.len() >= 10, "the demo's map has pseudonyms");
    assert_eq!(
        numbers(&in_polish, "Osoba"),
        people,
        "the same people, numbered alike"
    );
    assert!(numbers(&in_polish, "Person").is_empty());
    assert_eq!(
        numbers(&in_polish, "Organizacja"),
        numbers(&in_english, "Organisation")
    );
    // The drawing's own words: the legend names the kinds in the reader's language.
    assert!(
        in_english.contains(">People (") && in_english.contains(">Organisations and groups ("),
        "{in_english}"
    );
    assert!(
        in_polish.contains(">Osoby (") && in_polish.contains(">Organizacje i grupy ("),
        "{in_polish}"
    );
    assert!(!in_polish.contains(">person (") && !in_polish.contains(">organisation ("));
    // The zoom buttons' words reach the script from the page.
    assert!(
        in_polish.contains(r#"data-zoom-in="Przybliż""#),
        "{in_polish}"
    );

    for file in ["nodes.csv", "network.gexf"] {
        let url = format!("/mapping/who-makes-millbrook-work/export/{file}");
        let (a, b) = (
            body(english.get(&url).await).await,
            body(polish.get(&url).await).await,
        );
        assert_eq!(a, b, "{file} is the same in every language");
        assert!(a.contains("Person ") && !a.contains("Osoba "), "{file}");
    }
}

/// A bounded check of what the plain-HTTP crawl cannot see: the words a script adds. The
/// network map's zoom buttons are made by `map.js`; in a real browser the whole page, as the
/// script left it, must read in Polish.
#[tokio::test]
async fn the_map_s_own_controls_speak_polish_in_a_browser() {
    let Some(browser) =
        crate::browser::browser("the_map_s_own_controls_speak_polish_in_a_browser").await
    else {
        return;
    };
    let english = EnglishUi::load();
    let app = TestApp::with_demo().await;
    let c = &browser.client;
    c.goto(&format!(
        "{}/language/pl?next=%2Fmapping%2Fwho-makes-millbrook-work%2Fmap",
        app.base
    ))
    .await
    .unwrap();
    let controls = c
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(fantoccini::Locator::Css(".map-controls button"))
        .await
        .expect("the script adds the zoom buttons");
    drop(controls);
    let mut labels = Vec::new();
    for button in c
        .find_all(fantoccini::Locator::Css(".map-controls button"))
        .await
        .unwrap()
    {
        labels.push(button.attr("aria-label").await.unwrap().unwrap_or_default());
    }
    assert_eq!(labels, ["Przybliż", "Oddal", "Przywróć cały widok"]);
    let page = read_page(&c.source().await.unwrap());
    assert_eq!(page.lang, "pl");
    let found = english.findings(&page);
    browser.client.close().await.unwrap();
    assert!(
        found.is_empty(),
        "English on the map in a browser: {found:?}"
    );
}

// ------------------------------------------------------------------ mail

/// A header of a received message, folded lines joined and RFC 2047 words decoded.
fn header(mail: &ReceivedMail, name: &str) -> String {
    use base64::Engine;
    let head = mail.data.split("\r\n\r\n").next().unwrap_or("");
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let value = unfolded
        .lines()
        .find_map(|line| {
            line.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_default();
    let mut decoded = String::new();
    let mut previous_was_word = false;
    for piece in value.split(' ') {
        let word = piece
            .strip_prefix("=?")
            .and_then(|p| p.strip_suffix("?="))
            .and_then(|p| {
                let mut parts = p.splitn(3, '?');
                let (_, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
                let bytes = if encoding.eq_ignore_ascii_case("b") {
                    base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .ok()?
                } else {
                    q_decoded(text)
                };
                String::from_utf8(bytes).ok()
            });
        match word {
            // Spaces between two encoded words are not part of the text.
            Some(word) => {
                if !previous_was_word && !decoded.is_empty() {
                    decoded.push(' ');
                }
                decoded.push_str(&word);
                previous_was_word = true;
            }
            None => {
                if !decoded.is_empty() {
                    decoded.push(' ');
                }
                decoded.push_str(piece);
                previous_was_word = false;
            }
        }
    }
    decoded
}

/// The bytes of an RFC 2047 "Q" encoded word: `_` a space, `=XX` a byte.
fn q_decoded(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' => {
                let byte = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(byte) = byte {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                out.push(b'=');
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// The next message to each of `to`, in that order (mail to others set aside).
async fn mail_to(app: &TestApp, to: &[&str]) -> Vec<ReceivedMail> {
    let mut found: Vec<Option<ReceivedMail>> = vec![None; to.len()];
    for _ in 0..50 {
        if found.iter().all(Option::is_some) {
            break;
        }
        let mail = app.mail.next().await;
        if let Some(at) = to.iter().position(|t| mail.to.iter().any(|m| m == t))
            && found[at].is_none()
        {
            found[at] = Some(mail);
        }
    }
    found
        .into_iter()
        .map(|m| m.expect("a message to each"))
        .collect()
}

/// Mail goes out in the recipient's language (the one their account keeps), never the
/// language of whoever's action sent it: Marek reads Polish; Amara, Tom and Priya, who
/// write to him, read English.
#[tokio::test]
async fn mail_reaches_a_polish_reader_in_polish_whoever_sends_it() {
    let app = TestApp::with_demo().await;
    let pl = squaremile::i18n::Lang::from_tag("pl").unwrap();
    let marek_email = "marek.kowalski@millbrook.example";
    let marek = app.login(marek_email, squaremile::demo::PASSWORD).await;
    // Marek chooses Polish in his account, as anyone would.
    let me = squaremile::accounts::store::find_by_email(&app.db, marek_email)
        .await
        .unwrap()
        .unwrap();
    let saved = marek
        .post_form(
            "/account",
            &[
                ("display_name", &me.display_name),
                ("bio", &me.bio),
                ("home_area", me.home_area_id.as_deref().unwrap_or("")),
                ("locale", "pl"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let english = [("accept-language", "en-GB")];
    let app_ref = &app;
    let sign_in = |email: &'static str| async move {
        let client = app_ref.login(email, squaremile::demo::PASSWORD).await;
        client.set_cookie("sm_lang", "en-GB");
        client
    };

    // 1. Amara writes to him about his asset, through the asset map.
    let amara = sign_in("amara.okafor@millbrook.example").await;
    let asset: String =
        sqlx::query_scalar("SELECT id FROM assets WHERE title = 'Bikes mended in my workshop'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let sent = amara
        .post_form_with(
            &format!("/assets/{asset}/contact"),
            &[("message", "Could you look at my gears?")],
            &english,
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mail = mail_to(&app, &[marek_email]).await.remove(0);
    assert_eq!(
        header(&mail, "Subject"),
        pl.t1(
            "assets-mail-subject",
            "title",
            "Bikes mended in my workshop"
        )
    );
    assert!(mail.text().contains("Could you look at my gears?"));

    // 2. ...and answers his offer of help.
    let offer: String = sqlx::query_scalar(
        "SELECT id FROM help_posts WHERE title = 'I can fix bikes on Saturdays'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let answered = amara
        .post_form_with(
            &format!("/help/{offer}/invite"),
            &[("message", "My son's bike needs new brakes.")],
            &english,
        )
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let mail = mail_to(&app, &[marek_email]).await.remove(0);
    assert_eq!(
        header(&mail, "Subject"),
        pl.t1(
            "help-mail-invite-subject",
            "title",
            "I can fix bikes on Saturdays"
        )
    );

    // 3. Tom, an official, moves a report Marek follows along.
    let (report, title): (String, String) = sqlx::query_as(
        "SELECT r.id, r.title FROM reports r JOIN organisations o ON o.id = r.organisation_id \
         WHERE o.slug = 'millbrook-highways' AND r.status = 'open' ORDER BY r.created_at LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let followed = marek
        .post_form(&format!("/reports/{report}/follow"), &[("how", "follow")])
        .await;
    assert_eq!(followed.status(), StatusCode::SEE_OTHER);
    let tom = sign_in("tom.hughes@millbrook.example").await;
    let moved = tom
        .post_form_with(
            &format!("/reports/{report}/updates"),
            &[("status", "in_progress"), ("body", "A crew is booked.")],
            &english,
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let mail = mail_to(&app, &[marek_email]).await.remove(0);
    assert_eq!(
        header(&mail, "Subject"),
        pl.t1("report-update-subject", "title", &title)
    );
    assert!(
        mail.text().contains(&pl.t("report-status-in-progress")),
        "{}",
        mail.text()
    );
    // His notice on the site is in Polish too.
    let notice: String = sqlx::query_scalar(
        "SELECT n.body FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE u.email = $1 ORDER BY n.created_at DESC LIMIT 1",
    )
    .bind(marek_email)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(
        notice.contains(&pl.t("report-status-in-progress")) && notice.contains(&title),
        "{notice}"
    );

    // 4. Priya invites him, and someone the site does not know, to answer a network map:
    // he reads Polish, the stranger gets her language, the best guess there is.
    let priya = sign_in("priya.shah@millbrook.example").await;
    let stranger = "newcomer@example.org";
    let invited = priya
        .post_form_with(
            "/mapping/who-makes-millbrook-work/invite",
            &[("emails", &format!("{marek_email}\n{stranger}"))],
            &english,
        )
        .await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let exercise = "Who makes Millbrook work";
    let subjects: Vec<String> = mail_to(&app, &[marek_email, stranger])
        .await
        .iter()
        .map(|mail| header(mail, "Subject"))
        .collect();
    let en = squaremile::i18n::Lang::default();
    assert_eq!(
        subjects,
        [
            pl.t1("mapping-invite-email-subject", "title", exercise),
            en.t1("mapping-invite-email-subject", "title", exercise),
        ]
    );
}

/// The text of every file below `dir`, its folders' too (the demo's city has its own).
fn sources_below(dir: &Path) -> Vec<String> {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(dir)
        .expect("the demo's sources")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            sources.extend(sources_below(&path));
        } else {
            sources.push(std::fs::read_to_string(&path).unwrap());
        }
    }
    sources
}
