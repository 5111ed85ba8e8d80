//! Bar chart geometry for the SVG charts (the dashboard's, the asset map's). Pure: values in,
//! rectangles out. Every chart is drawn next to a table of the same numbers, so the SVG is a
//! picture of the table.

/// One bar, in the SVG's own units.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    /// A column's label is written on two lines ("Jan" over "2026") so twelve months fit
    /// side by side; the second line only where it changes (the first month, each January).
    pub label_lines: (String, String),
    /// The number as the table shows it.
    pub value_text: String,
    /// Where the label and the value are written.
    pub label_x: f64,
    pub label_y: f64,
    pub value_x: f64,
    pub value_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub bars: Vec<Bar>,
}

/// Vertical bars side by side (months along the bottom), scaled to the largest value.
pub fn columns(values: &[(String, f64, String)], width: f64, height: f64) -> Chart {
    let label_room = 38.0;
    let value_room = 16.0;
    let plot = height - label_room - value_room;
    let max = largest(values);
    let slot = width / values.len().max(1) as f64;
    let mut previous_second = String::new();
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (label, value, text))| {
            let (first, second) = match label.rsplit_once(' ') {
                Some((first, second)) => (first.to_string(), second.to_string()),
                None => (label.clone(), String::new()),
            };
            let second_shown = if second == previous_second {
                String::new()
            } else {
                second.clone()
            };
            previous_second = second;
            let h = plot * value / max;
            let x = i as f64 * slot + slot * 0.15;
            let y = value_room + plot - h;
            Bar {
                x,
                y,
                width: slot * 0.7,
                height: h,
                label: label.clone(),
                label_lines: (first, second_shown),
                value_text: text.clone(),
                label_x: x + slot * 0.35,
                label_y: height - 22.0,
                value_x: x + slot * 0.35,
                value_y: y - 4.0,
            }
        })
        .collect();
    Chart {
        width,
        height,
        bars,
    }
}

/// Horizontal bars, one per row, the label on the left and the value after the bar.
pub fn rows(values: &[(String, f64, String)], width: f64) -> Chart {
    let row = 28.0;
    let label_width = width * 0.4;
    let value_room = 70.0;
    let plot = width - label_width - value_room;
    let max = largest(values);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (label, value, text))| {
            let w = plot * value / max;
            let y = i as f64 * row + 4.0;
            Bar {
                x: label_width,
                y,
                width: w,
                height: row - 8.0,
                label: label.clone(),
                label_lines: (label.clone(), String::new()),
                value_text: text.clone(),
                label_x: label_width - 6.0,
                label_y: y + row / 2.0,
                value_x: label_width + w + 6.0,
                value_y: y + row / 2.0,
            }
        })
        .collect();
    Chart {
        width,
        height: (values.len() as f64 * row).max(row),
        bars,
    }
}

/// The largest value, at least 1 so an empty chart draws no bars rather than dividing by 0.
fn largest(values: &[(String, f64, String)]) -> f64 {
    values.iter().map(|v| v.1).fold(1.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(label: &str, value: f64) -> (String, f64, String) {
        (label.into(), value, value.to_string())
    }

    #[test]
    fn the_largest_column_fills_the_plot_and_others_scale() {
        let chart = columns(
            &[v("Jan", 10.0), v("Feb", 5.0), v("Mar", 0.0)],
            300.0,
            136.0,
        );
        // Room for two lines of labels below and a value above.
        let plot = 136.0 - 38.0 - 16.0;
        assert_eq!(chart.bars[0].height, plot);
        assert_eq!(chart.bars[1].height, plot / 2.0);
        assert_eq!(chart.bars[2].height, 0.0);
        // Bars stand on one baseline.
        for bar in &chart.bars {
            assert!((bar.y + bar.height - (16.0 + plot)).abs() < 1e-9);
        }
    }

    #[test]
    fn rows_never_overflow_and_zeros_draw_nothing() {
        let chart = rows(&[v("A", 3.0), v("B", 0.0)], 600.0);
        assert!(chart.bars[0].x + chart.bars[0].width <= 600.0 - 70.0 + 1e-9);
        assert_eq!(chart.bars[1].width, 0.0);
        assert_eq!(chart.height, 56.0);
        let empty = rows(&[], 600.0);
        assert!(empty.bars.is_empty() && empty.height > 0.0);
    }

    #[test]
    fn month_columns_write_the_year_only_where_it_changes() {
        let months: Vec<_> = ["Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"]
            .iter()
            .map(|m| v(m, 1.0))
            .collect();
        let chart = columns(&months, 720.0, 220.0);
        let lines: Vec<(&str, &str)> = chart
            .bars
            .iter()
            .map(|b| (b.label_lines.0.as_str(), b.label_lines.1.as_str()))
            .collect();
        assert_eq!(
            lines,
            [("Nov", "2025"), ("Dec", ""), ("Jan", "2026"), ("Feb", "")]
        );
        // Both lines sit below the plot, inside the chart.
        for bar in &chart.bars {
            assert!(bar.label_y > bar.y + bar.height && bar.label_y + 16.0 < chart.height);
        }
    }
}
