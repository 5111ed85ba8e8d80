//! The paper kit: what printable pages share, knowing no feature. A QR code drawn as SVG
//! (`qr`), the poster every kind of item prints the same way (title, when and where, a
//! short text, a big QR code to the item's page with its address written out), and small
//! helpers. Each printable's handler and template live in its feature's folder; they extend
//! the site's layout with `class="printing"` on the body, which the print stylesheet uses
//! to leave out the site's header and footer (static/style.css, "Paper").

pub mod qr;

use askama::Template;
use axum::response::Response;

pub use qr::Qr;

use crate::state::AppState;
use crate::web::{AppError, AppResult, PageContext, render};

/// What a poster says. The four kinds of item (budget, jury, event, mapping exercise) each
/// fill one in their own folder.
pub struct Poster {
    /// What the item is ("Participatory budget"), above the title.
    pub kind: String,
    pub title: String,
    /// Label and value: when, where, until when.
    pub facts: Vec<(String, String)>,
    /// A few sentences about it (see [`poster_text`]).
    pub text: String,
    /// What to do with the code ("Scan to read the projects and vote").
    pub call: String,
    /// The item's page on this site, as a path ("/budgets/riverside-fund").
    pub path: String,
}

/// Titles longer than this print in smaller type, so the longest (120 characters) still
/// leaves the poster one sheet.
const LONG_TITLE: usize = 50;

impl Poster {
    fn long_title(&self) -> bool {
        self.title.chars().count() > LONG_TITLE
    }
}

#[derive(Template)]
#[template(path = "paper/templates/poster.html")]
struct PosterPage {
    ctx: PageContext,
    poster: Poster,
    url: String,
    qr: Qr,
}

/// The poster's page: one A4 sheet on paper.
pub fn poster(state: &AppState, ctx: PageContext, poster: Poster) -> AppResult<Response> {
    let url = absolute_url(state, &poster.path);
    let qr = qr_of(&url)?;
    render(&PosterPage {
        ctx,
        poster,
        url,
        qr,
    })
}

/// The QR code of an address of this site (always short enough for one).
pub fn qr_of(url: &str) -> AppResult<Qr> {
    Qr::new(url).ok_or_else(|| AppError::Internal(anyhow::anyhow!("no QR code holds {url}")))
}

/// `path` on this site as people reach it (`public_url`), for paper that leaves the screen.
pub fn absolute_url(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.public_url.trim_end_matches('/'))
}

/// Characters of an item's description a poster shows: with the title, the facts and the
/// QR code, what fits one A4 sheet in the poster's type.
const POSTER_TEXT: usize = 300;

/// An item's description as a poster shows it (see [`short_text`]).
pub fn poster_text(text: &str) -> String {
    short_text(text, POSTER_TEXT)
}

/// The first paragraph of `text`, cut at a word before `most` characters (with "…"), so a
/// long description cannot push a poster onto a second sheet.
pub fn short_text(text: &str, most: usize) -> String {
    let first = text
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("");
    if first.chars().count() <= most {
        return first.to_string();
    }
    let cut: String = first.chars().take(most).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) => &cut[..space],
        None => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::short_text;

    #[test]
    fn a_short_text_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(short_text("\n\nOne. Two.\n\nThree.", 50), "One. Two.");
        assert_eq!(
            short_text("A garden for everyone, at last", 20),
            "A garden for…"
        );
        assert_eq!(short_text("Ogród dla wszystkich", 9), "Ogród…");
        assert_eq!(short_text("", 10), "");
    }
}
