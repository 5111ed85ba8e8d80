//! iCalendar (RFC 5545) for one event or an area's feed: text escaped, long lines folded at
//! 75 octets, CRLF line ends, times in UTC so no time-zone block is needed.

use super::store::Event;
use crate::web::clock::ical_utc;

/// A whole calendar; `name` is what calendar apps show for a subscribed feed.
pub fn calendar(name: &str, events: &[Event], public_url: &str, host: &str) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Square Mile//Events//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for event in events {
        vevent(&mut out, event, public_url, host);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, event: &Event, public_url: &str, host: &str) {
    let url = format!("{public_url}/events/{}", event.slug);
    let mut location = event.place.clone();
    if !event.accessibility.is_empty() {
        location = format!("{location} ({})", event.accessibility);
    }
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@{}", event.id, host));
    line(out, &format!("DTSTAMP:{}", ical_utc(event.updated_at)));
    line(
        out,
        &format!("LAST-MODIFIED:{}", ical_utc(event.updated_at)),
    );
    line(out, &format!("DTSTART:{}", ical_utc(event.starts_at)));
    line(out, &format!("DTEND:{}", ical_utc(event.ends_at)));
    line(out, &format!("SUMMARY:{}", escape(&event.title)));
    line(
        out,
        &format!(
            "DESCRIPTION:{}",
            escape(&format!("{}\n\n{url}", event.description))
        ),
    );
    line(out, &format!("LOCATION:{}", escape(&location)));
    line(out, &format!("URL:{url}"));
    let status = if event.is_cancelled() {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "END:VEVENT");
}

/// TEXT values: backslash, semicolon, comma and line breaks are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line, folded so no physical line exceeds 75 octets, never inside a
/// UTF-8 character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "ż".repeat(60));
        line(&mut out, &text);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }
}
