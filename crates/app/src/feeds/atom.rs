//! Atom (RFC 4287) documents for the site's lists. Pure: items in, XML out.

use super::store::Item;
use crate::web::clock::rfc3339;

/// What a feed says about itself.
pub struct FeedHead<'a> {
    pub title: &'a str,
    /// The feed's own address, which is also its permanent id.
    pub self_url: &'a str,
    /// The page on the site the feed follows.
    pub page_url: &'a str,
    pub public_url: &'a str,
    /// When the feed last changed if it has no entries.
    pub empty_updated: i64,
}

pub fn feed(head: &FeedHead<'_>, items: &[Item]) -> String {
    let updated = items
        .iter()
        .map(|i| i.at)
        .max()
        .unwrap_or(head.empty_updated);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    push_element(&mut out, 1, "title", head.title);
    push_element(&mut out, 1, "id", head.self_url);
    push_element(&mut out, 1, "updated", &rfc3339(updated));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(head.self_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(head.page_url)
    ));
    out.push_str("  <author><name>Square Mile</name></author>\n");
    out.push_str("  <generator>Square Mile</generator>\n");
    for item in items {
        let url = format!("{}{}", head.public_url, item.path);
        out.push_str("  <entry>\n");
        push_element(&mut out, 2, "title", &item.title);
        push_element(&mut out, 2, "id", &url);
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        push_element(&mut out, 2, "published", &rfc3339(item.at));
        push_element(&mut out, 2, "updated", &rfc3339(item.at));
        if !item.topic.is_empty() {
            out.push_str(&format!(
                "    <category term=\"{}\"/>\n",
                escape(&item.topic)
            ));
        }
        let mut summary = item.summary.clone();
        if !item.area_name.is_empty() {
            summary = format!("{} — {summary}", item.area_name);
        }
        push_element(&mut out, 2, "summary", &summary);
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn push_element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}

/// Escapes text for XML, dropping characters XML 1.0 cannot carry at all.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_cannot_break_the_document() {
        assert_eq!(
            escape("<b>Tom & \"Jerry\"</b>\u{1}"),
            "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;"
        );
    }
}
