//! Numbers, money and dates as each language writes them: "1,234.56" and "£1,234" in
//! English, "1 234,56" and "1 234 zł" in Polish, "4 December 2026" and "4 grudnia 2026". The
//! currency comes from the thing shown (a budget's currency); the format from the reader.

use super::Lang;

/// `part` of `whole` in whole per cent, halves rounded up (2 of 3 is 67): the one rounding
/// every page uses, so the same figures never show as 66% on one page and 67% on another.
/// `None` when `whole` is 0.
pub fn whole_percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (2 * whole))
}

/// A no-break space: Polish groups thousands with a space that must not break a line.
const NBSP: char = '\u{a0}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    English,
    Polish,
}

impl Lang {
    fn style(&self) -> Style {
        if self.code() == "pl" {
            Style::Polish
        } else {
            Style::English
        }
    }

    /// A whole number with thousands grouped: "1,234,567" or "1 234 567".
    pub fn number(&self, n: i64) -> String {
        let separator = self.group_separator();
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A number with `places` decimals: "42.33" or "42,33" (thousands grouped).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let scale = 10f64.powi(places as i32);
        let scaled = (value.abs() * scale).round();
        let whole = (scaled / scale).trunc() as i64;
        let fraction = (scaled - whole as f64 * scale).round() as i64;
        let sign = if value < 0.0 && scaled > 0.0 { "-" } else { "" };
        if places == 0 {
            return format!("{sign}{}", self.number(whole));
        }
        let point = match self.style() {
            Style::English => '.',
            Style::Polish => ',',
        };
        format!(
            "{sign}{}{point}{fraction:0places$}",
            self.number(whole),
            places = places
        )
    }

    /// A whole amount of money: "£1,234", "€1,234", "1,234 PLN" in English; "1 234 zł",
    /// "1 234 £" in Polish. An empty currency shows the number alone.
    pub fn money(&self, amount: i64, currency: &str) -> String {
        self.with_currency(self.number(amount), currency)
    }

    /// An amount with pence or grosze: "£42.33", "42,33 zł".
    pub fn money_exact(&self, amount: f64, currency: &str) -> String {
        self.with_currency(self.decimal(amount, 2), currency)
    }

    fn with_currency(&self, number: String, currency: &str) -> String {
        let (prefix, suffix) = self.currency_affixes(currency);
        match number.strip_prefix('-') {
            Some(rest) => format!("-{prefix}{rest}{suffix}"),
            None => format!("{prefix}{number}{suffix}"),
        }
    }

    /// What goes before and after an amount in this currency for this reader: ("£", "") in
    /// English, ("", " zł") in Polish. The ballot's script formats its running totals with
    /// these, so they read exactly as the server writes them.
    pub fn currency_affixes(&self, currency: &str) -> (String, String) {
        let code = currency.trim().to_ascii_uppercase();
        let symbol = match code.as_str() {
            "GBP" => Some("£"),
            "EUR" => Some("€"),
            "USD" => Some("$"),
            "PLN" => Some("zł"),
            _ => None,
        };
        if code.is_empty() {
            return (String::new(), String::new());
        }
        match (self.style(), symbol) {
            (Style::English, Some(s)) if code != "PLN" => (s.to_string(), String::new()),
            (Style::English, _) => (String::new(), format!(" {code}")),
            (Style::Polish, Some(s)) => (String::new(), format!("{NBSP}{s}")),
            (Style::Polish, None) => (String::new(), format!("{NBSP}{code}")),
        }
    }

    /// The character that groups thousands: "," or a no-break space.
    pub fn group_separator(&self) -> char {
        match self.style() {
            Style::English => ',',
            Style::Polish => NBSP,
        }
    }

    /// A day: "4 December 2026" or "4 grudnia 2026" (months in the genitive, as Polish dates
    /// are written). `month` is 1 to 12.
    pub fn date(&self, year: i32, month: u8, day: u8) -> String {
        format!("{day} {} {year}", self.month_in_date(month))
    }

    /// A day stored as a `date` field holds it ("2026-12-04"), written for the reader; anything
    /// else (an empty value) as it is.
    pub fn day(&self, iso: &str) -> String {
        let mut parts = iso.trim().splitn(3, '-');
        let parsed = (|| {
            let year = parts.next()?.parse::<i32>().ok()?;
            let month = parts
                .next()?
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))?;
            let day = parts
                .next()?
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))?;
            Some((year, month, day))
        })();
        match parsed {
            Some((year, month, day)) => self.date(year, month, day),
            None => iso.to_string(),
        }
    }

    /// A day with its weekday and a 24-hour time: "Sat 5 Dec 2026, 18:30" or
    /// "sob., 5 grudnia 2026, 18:30". `weekday` is 1 (Monday) to 7.
    pub fn date_time(&self, year: i32, month: u8, day: u8, weekday: u8, time: &str) -> String {
        let index = usize::from(weekday.clamp(1, 7) - 1);
        match self.style() {
            Style::English => {
                const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                format!(
                    "{} {day} {} {year}, {time}",
                    DAYS[index],
                    &self.month_in_date(month)[..3]
                )
            }
            Style::Polish => {
                const DAYS: [&str; 7] = ["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."];
                format!(
                    "{}, {day} {} {year}, {time}",
                    DAYS[index],
                    self.month_in_date(month)
                )
            }
        }
    }

    /// A month on its own, short: "Dec 2026" or "gru 2026" (chart labels).
    pub fn month_year(&self, year: i32, month: u8) -> String {
        let index = usize::from(month.clamp(1, 12) - 1);
        let name = match self.style() {
            Style::English => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ][index],
            Style::Polish => [
                "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
            ][index],
        };
        format!("{name} {year}")
    }

    fn month_in_date(&self, month: u8) -> &'static str {
        let index = usize::from(month.clamp(1, 12) - 1);
        match self.style() {
            Style::English => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ][index],
            Style::Polish => [
                "stycznia",
                "lutego",
                "marca",
                "kwietnia",
                "maja",
                "czerwca",
                "lipca",
                "sierpnia",
                "września",
                "października",
                "listopada",
                "grudnia",
            ][index],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_halves_up_everywhere() {
        assert_eq!(super::whole_percent(2, 3), Some(67));
        assert_eq!(super::whole_percent(1, 3), Some(33));
        assert_eq!(super::whole_percent(1, 8), Some(13));
        assert_eq!(super::whole_percent(0, 5), Some(0));
        assert_eq!(super::whole_percent(5, 5), Some(100));
        assert_eq!(super::whole_percent(1, 0), None);
    }

    fn pl() -> Lang {
        Lang::from_tag("pl").unwrap()
    }

    #[test]
    fn numbers_follow_the_reader() {
        let en = Lang::default();
        assert_eq!(en.number(1_234_567), "1,234,567");
        assert_eq!(en.number(-999), "-999");
        assert_eq!(pl().number(1234), "1\u{a0}234");
        assert_eq!(en.decimal(1234.565, 2), "1,234.57");
        assert_eq!(pl().decimal(42.333, 2), "42,33");
        assert_eq!(pl().decimal(-0.004, 2), "0,00");
    }

    #[test]
    fn money_takes_the_currency_from_the_budget_and_the_format_from_the_reader() {
        let en = Lang::default();
        assert_eq!(en.money(1234, "GBP"), "£1,234");
        assert_eq!(en.money(-1000, "GBP"), "-£1,000");
        assert_eq!(en.money(1234, "PLN"), "1,234 PLN");
        assert_eq!(en.money(1234, "CHF"), "1,234 CHF");
        assert_eq!(en.money(999, ""), "999");
        assert_eq!(en.money_exact(1234.56, "GBP"), "£1,234.56");
        assert_eq!(pl().money_exact(1234.56, "PLN"), "1\u{a0}234,56\u{a0}zł");
        assert_eq!(pl().money(1234, "GBP"), "1\u{a0}234\u{a0}£");
        assert_eq!(pl().money(5, "CHF"), "5\u{a0}CHF");
    }

    #[test]
    fn dates_use_each_language_s_month_names() {
        assert_eq!(Lang::default().date(2026, 12, 4), "4 December 2026");
        assert_eq!(pl().date(2026, 12, 4), "4 grudnia 2026");
        assert_eq!(
            Lang::default().date_time(2026, 12, 5, 6, "18:30"),
            "Sat 5 Dec 2026, 18:30"
        );
        assert_eq!(
            pl().date_time(2026, 12, 5, 6, "18:30"),
            "sob., 5 grudnia 2026, 18:30"
        );
        assert_eq!(pl().month_year(2026, 10), "paź 2026");
        assert_eq!(pl().day("2026-03-01"), "1 marca 2026");
        assert_eq!(Lang::default().day("2026-03-01"), "1 March 2026");
        assert_eq!(Lang::default().day(""), "");
    }
}
