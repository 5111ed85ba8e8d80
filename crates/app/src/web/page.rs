//! What every page needs to render its layout: language, the signed-in user, the CSRF token,
//! the current path (for the language switcher) and an optional notice after a redirect.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::i18n::{Lang, SUPPORTED};
use crate::web::csrf::CsrfToken;
use crate::web::error::url_encode;
use crate::web::session::{CurrentUser, SignedIn, SiteWarnings};

#[derive(Clone, Debug)]
pub struct PageContext {
    pub lang: Lang,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    pub path: String,
    /// A translated notice named by `?notice=` after a redirect (unknown names are ignored).
    pub notice: Option<String>,
    /// Shown to site admins only: `public_url` is not an https address (see `Config`).
    pub public_url_warning: bool,
}

/// Kept as an alias so the error page can build a context outside an extractor.
pub type Layout = PageContext;

impl PageContext {
    pub fn new(lang: Lang, user: Option<CurrentUser>, csrf: String, path: String) -> Self {
        PageContext {
            lang,
            user,
            csrf,
            path,
            notice: None,
            public_url_warning: false,
        }
    }

    /// Shorthand for templates: `ctx.t(key)` renders the message `key` in the page language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// A stored time's day in the reader's language ("5 December 2026", "5 grudnia 2026").
    pub fn date(&self, ms: i64) -> String {
        super::format_date(&self.lang, ms)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t1(key, name, value)
    }

    /// A message choosing its plural form by `$count`.
    pub fn t_count(&self, key: &str, count: impl Count) -> String {
        self.lang.t_count(key, count.as_i64())
    }

    /// Whether the signed-in person owns any queue ("Your work" in the menu).
    pub fn has_work(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.has_work)
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_admin)
    }

    /// Links to switch language, each coming back to this page.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        SUPPORTED
            .iter()
            .map(|(code, name)| {
                let href = format!("/language/{code}?next={}", url_encode(&self.path));
                (*code, *name, href, *code == self.lang.code())
            })
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().cloned().unwrap_or_default();
        let user = parts.extensions.get::<SignedIn>().and_then(|s| s.0.clone());
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let notice = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "notice"))
            .map(|(_, v)| format!("notice-{v}"))
            .filter(|key| {
                key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && lang.has(key)
            })
            .map(|key| lang.t(&key));
        let path = parts.uri.path().to_string();
        let public_url_warning = user.as_ref().is_some_and(|u| u.is_admin)
            && parts
                .extensions
                .get::<SiteWarnings>()
                .is_some_and(|w| w.public_url);
        Ok(PageContext {
            notice,
            public_url_warning,
            ..PageContext::new(lang, user, csrf, path)
        })
    }
}

#[derive(Template)]
#[template(path = "web/templates/error.html")]
pub struct ErrorPage {
    pub ctx: PageContext,
    pub title: String,
    pub message: String,
    pub status: u16,
    /// When to try again (after a 429), or empty.
    pub retry: String,
}

/// A number of things, however a template holds it (templates pass references).
pub trait Count {
    fn as_i64(&self) -> i64;
}

impl Count for i64 {
    fn as_i64(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn as_i64(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<C: Count> Count for &C {
    fn as_i64(&self) -> i64 {
        (*self).as_i64()
    }
}
