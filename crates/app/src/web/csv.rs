//! Writing CSV for exports: one line at a time, quoted where needed, and safe to open in a
//! spreadsheet (a cell that would start a formula is prefixed with an apostrophe).

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

fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
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
}
