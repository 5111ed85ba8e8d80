//! Writing CSV for exports: one line at a time, quoted where needed, and safe to open in a
//! spreadsheet (a cell that would start a formula is prefixed with an apostrophe). Every CSV
//! the site serves is written here, so no cell typed by someone can run in a spreadsheet.

/// One CSV line (with its line ending) from the given cells.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// What a spreadsheet may take as the start of a formula (OWASP's list: `=`, `+`, `-`, `@`,
/// and a tab or carriage return, which some spreadsheets skip before reading on).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn cell(value: &str) -> String {
    let value = if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_quotes_and_newlines_and_defuses_formulas() {
        assert_eq!(
            line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            line(&["=SUM(A1)", "two\nlines"]),
            "'=SUM(A1),\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn every_formula_start_is_defused() {
        assert_eq!(
            line(&["+1-2", "-3", "@SUM(1)", "\t=1", "\r=1", "a=b"]),
            "'+1-2,'-3,'@SUM(1),'\t=1,\"'\r=1\",a=b\r\n"
        );
    }
}
