//! Deterministic SVG charts: a funnel plot ([`funnel_chart`]), a trend line chart
//! ([`trend_chart`]) and small multiples of trend charts ([`small_multiples`]).
//!
//! Every chart is a [`Chart`]: the SVG (with a `<title>` and a `<desc>` holding the text
//! alternative, `role="img"` and `aria-labelledby` on the root), the text alternative as a
//! string, its data as typed rows and as a [`Table`] (for a table beside the chart and a CSV
//! download), and the method and parameters as text.
//!
//! The drawing is plotters' SVG backend, built without fonts: plotters then estimates text
//! widths itself and writes text as SVG `<text>` elements, so no font file is read at build or
//! run time (the reader's browser picks a sans-serif face). Coordinates are whole pixels and
//! every number the chart prints is formatted with a fixed number of decimals, so the same
//! input gives byte-identical SVG.
//!
//! All text is escaped for XML (plotters escapes what it writes; the title and description
//! added here are escaped here). Characters XML 1.0 cannot carry (control characters other
//! than tab, line feed and carriage return, U+FFFE, U+FFFF) are replaced by U+FFFD.
//!
//! Every text a chart writes (the legend's "Wales", "95% limits", …, the text alternative, the
//! method, the table's column names) comes from [`Words`], English by [`Words::english`]; the
//! caller supplies Welsh with the same keys.

use std::fmt;

mod funnel;
mod lean;
mod trend;

pub use funnel::{
    funnel_alt_text, funnel_chart, funnel_method, FunnelPoint, FunnelRow, FunnelSpec,
};
pub use trend::{
    small_multiples, small_multiples_alt_text, trend_alt_text, trend_chart, MultiplesRow, Series,
    SmallMultiplesSpec, TrendRow, TrendSpec,
};

/// The most points a chart draws: funnel points, or periods × series for trend charts. A chart
/// with more is refused (it would be unreadable, and large input should not cost unbounded
/// time).
pub const MAX_POINTS: usize = 10_000;

/// Every text a chart writes, by key, in English: the legend's words, the sentences of the
/// text alternative and of the method (templates whose `{name}` fields are filled in), the
/// data table's column names, and the words for bands and outcomes. A Welsh chart is given a
/// [`Words`] with the same keys in Welsh (the reports take them from their strings table, whose
/// English a test holds equal to this).
pub const ENGLISH: &[(&str, &str)] = &[
    ("wales", "Wales"),
    ("limits_95", "95% limits"),
    ("limits_998", "99.8% limits"),
    ("series_break", "Series break"),
    ("authority", "Authority"),
    ("binomial", "binomial"),
    ("poisson", "Poisson"),
    (
        "funnel_method",
        "Funnel limits: exact {kind} with Spiegelhalter's interpolation, 95% and 99.8%, around the {wales} value {target} (Spiegelhalter 2005)",
    ),
    (
        "funnel_alt",
        "{title}. Funnel plot of {authorities}: {y} against {x}, with the {wales} value of {target} and its 95% and 99.8% limits.",
    ),
    ("authorities_one", "{n} authority"),
    ("authorities_other", "{n} authorities"),
    ("funnel_within_one", "{within} of {n} is within the 95% limits."),
    ("funnel_within_other", "{within} of {n} are within the 95% limits."),
    ("funnel_outside", "Outside them: {list}."),
    ("band_above_998", "above the upper 99.8% limit"),
    ("band_above_95", "above the upper 95% limit"),
    ("band_within", "within the 95% limits"),
    ("band_below_95", "below the lower 95% limit"),
    ("band_below_998", "below the lower 99.8% limit"),
    ("outcome_better", "better than Wales"),
    ("outcome_similar", "similar to Wales"),
    ("outcome_worse", "worse than Wales"),
    ("outcome_higher", "higher than Wales"),
    ("outcome_lower", "lower than Wales"),
    ("trend_alt", "{title}. Line chart of {names} from {first} to {last} ({y})."),
    ("names_and", " and "),
    ("series_values", "{name}: {values}."),
    ("no_value", "no value"),
    (
        "breaks",
        "The series breaks before {periods}: values either side are not comparable.",
    ),
    (
        "trend_method",
        "Values as published for each period{comparison}; a gap is a period with no value{breaks}.",
    ),
    ("method_comparison", ", with Wales for comparison"),
    ("method_breaks", "; a dashed vertical line marks a break in the series"),
    (
        "multiples_alt",
        "{title}. {n} small line charts on a common scale, one for each authority, from {first} to {last} ({y}){comparison}.",
    ),
    ("multiples_comparison", ", each with {name} for comparison"),
    ("panel_span", "{name} {first} in {from} to {last} in {to}"),
    ("panel_only", "{name} {value} in {period} only"),
    ("panel_none", "{name} no value"),
    (
        "multiples_method",
        "One chart for each authority, all on the same scale, of the values as published for each period{comparison}; a gap is a period with no value{breaks}.",
    ),
    ("col_period", "period"),
    ("col_break_before", "series break before"),
    ("yes", "yes"),
    ("col_series", "series"),
    ("col_value", "value"),
    ("col_value_unit", "value ({unit})"),
    ("col_label", "label"),
    ("col_name", "name"),
    ("col_numerator", "numerator"),
    ("col_denominator", "denominator"),
    ("col_lower_998", "lower 99.8%"),
    ("col_lower_95", "lower 95%"),
    ("col_upper_95", "upper 95%"),
    ("col_upper_998", "upper 99.8%"),
    ("col_band", "band"),
    ("col_outcome", "outcome"),
];

/// The texts a chart writes, by the keys of [`ENGLISH`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    texts: std::collections::BTreeMap<&'static str, String>,
}

impl Words {
    /// The English words.
    pub fn english() -> Words {
        Words {
            texts: ENGLISH.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    /// The words `text` gives for each key of [`ENGLISH`] (a Welsh strings table); a key it has
    /// no text for keeps its English.
    pub fn from_fn(mut text: impl FnMut(&str) -> Option<String>) -> Words {
        Words {
            texts: ENGLISH
                .iter()
                .map(|(k, v)| (*k, text(k).unwrap_or_else(|| v.to_string())))
                .collect(),
        }
    }

    /// The text of `key` (a key of [`ENGLISH`]).
    pub fn get(&self, key: &str) -> &str {
        self.texts.get(key).map(String::as_str).unwrap_or_else(|| {
            ENGLISH
                .iter()
                .find(|(k, _)| *k == key)
                .map_or("", |(_, v)| v)
        })
    }

    /// The template of `key` with each `{name}` replaced by its value, in one pass: a value
    /// holding `{...}` (a name from the spec) is not read as a field.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let template = self.get(key);
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, v)) => out.push_str(v),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// "{n} authority" or "{n} authorities", by English's plural; a language whose noun does
    /// not change after a number gives both keys one form.
    pub fn authorities(&self, n: usize) -> String {
        let key = if n == 1 {
            "authorities_one"
        } else {
            "authorities_other"
        };
        self.fill(key, &[("n", &n.to_string())])
    }

    /// A band's words ("above the upper 95% limit").
    pub fn band(&self, band: crate::Band) -> &str {
        self.get(match band {
            crate::Band::AboveUpper998 => "band_above_998",
            crate::Band::AboveUpper95 => "band_above_95",
            crate::Band::Within => "band_within",
            crate::Band::BelowLower95 => "band_below_95",
            crate::Band::BelowLower998 => "band_below_998",
        })
    }

    /// An outcome's words ("better than Wales").
    pub fn outcome(&self, outcome: crate::Outcome) -> &str {
        self.get(match outcome {
            crate::Outcome::Better(_) => "outcome_better",
            crate::Outcome::Similar => "outcome_similar",
            crate::Outcome::Worse(_) => "outcome_worse",
            crate::Outcome::Higher(_) => "outcome_higher",
            crate::Outcome::Lower(_) => "outcome_lower",
        })
    }
}

/// A chart: the SVG, its text alternative, its data and its method.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart<R> {
    /// The SVG document (UTF-8, no XML declaration, ready to embed in HTML or save as .svg).
    pub svg: String,
    /// The text alternative: the same text as the SVG's `<desc>`.
    pub alt_text: String,
    /// The method and parameters, in English.
    pub method: String,
    /// The data, one typed row per point.
    pub rows: Vec<R>,
    /// The data as text cells, for a table beside the chart and a CSV download.
    pub table: Table,
}

/// A table of text cells with named columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
    /// holds a comma, a quote or a line break (quotes doubled). A text field that a spreadsheet
    /// would take as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return, and
    /// not a number) is prefixed with `'`.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_field(&mut out, cell);
            }
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(out: &mut String, cell: &str) {
    let formula =
        cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
    let guarded;
    let cell = if formula {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Why a chart cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// More points than [`MAX_POINTS`].
    TooManyPoints {
        /// The number asked for.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// Nothing to draw: no points, no periods or no panels.
    Empty {
        /// What is missing: "points", "periods", "panels".
        what: &'static str,
    },
    /// A series has a different number of values from the number of periods.
    LengthMismatch {
        /// The series' name.
        series: String,
        /// The number of periods.
        expected: usize,
        /// The number of values.
        found: usize,
    },
    /// A value that must be finite is not.
    NonFinite {
        /// Where: the series or point name.
        at: String,
        /// The value.
        value: f64,
    },
    /// A break index outside 1..periods (a break is before a period other than the first).
    BadBreak {
        /// The index given.
        index: usize,
        /// The number of periods.
        periods: usize,
    },
    /// A funnel point cannot be placed.
    NotComputable {
        /// The point's name.
        at: String,
        /// Why.
        reason: crate::NotComputable,
    },
    /// The funnel limits cannot be drawn (the target is out of range, or the largest
    /// denominator is too large).
    Limits(crate::NotComputable),
    /// The number of columns of small multiples is zero.
    NoColumns,
    /// plotters failed to draw (not expected: the SVG backend writes to a string).
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::TooManyPoints { count, max } => {
                write!(f, "the chart has {count} points, more than the {max} allowed")
            }
            ChartError::Empty { what } => write!(f, "the chart has no {what}"),
            ChartError::LengthMismatch {
                series,
                expected,
                found,
            } => write!(
                f,
                "the series \"{series}\" has {found} values for {expected} periods"
            ),
            ChartError::NonFinite { at, value } => {
                write!(f, "the value of \"{at}\" is not a finite number ({value})")
            }
            ChartError::BadBreak { index, periods } => write!(
                f,
                "a series break at period index {index} is outside 1..{periods} (a break comes before a period other than the first)"
            ),
            ChartError::NotComputable { at, reason } => {
                write!(f, "\"{at}\" cannot be placed on the funnel: {reason}")
            }
            ChartError::Limits(reason) => write!(f, "the funnel limits cannot be drawn: {reason}"),
            ChartError::NoColumns => write!(f, "small multiples need at least one column"),
            ChartError::Draw(message) => write!(f, "the chart could not be drawn: {message}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Maps a plotters error to [`ChartError::Draw`].
pub(crate) fn draw_error<E: fmt::Display>(error: E) -> ChartError {
    ChartError::Draw(error.to_string())
}

/// Text with the characters XML 1.0 cannot carry replaced by U+FFFD (for text plotters
/// escapes itself).
pub(crate) fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Text escaped for XML character data and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A number with a fixed number of decimals; never "-0".
pub(crate) fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped ("0.62", "52.3", "10").
pub(crate) fn trimmed(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// The decimals tick labels need when `count` ticks span `lo..hi` (0 to 6).
pub(crate) fn tick_decimals(lo: f64, hi: f64, count: usize) -> usize {
    let step = (hi - lo) / count.max(1) as f64;
    if step.is_finite() && step > 0.0 {
        (-step.log10().floor()).clamp(0.0, 6.0) as usize
    } else {
        0
    }
}

/// An id safe for XML and for HTML's id attribute: letters, digits, `-` and `_` kept, anything
/// else becomes `-`; prefixed with "chart-" when it does not start with a letter.
pub(crate) fn safe_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.starts_with(|c: char| c.is_ascii_alphabetic()) {
        cleaned
    } else {
        format!("chart-{cleaned}")
    }
}

/// Puts the accessible name and description into plotters' SVG, made lean first
/// ([`lean::lean_svg`]): the root element gets `role="img"` and `aria-labelledby`, and a
/// `<title>` and `<desc>` come first inside it.
pub(crate) fn finish_svg(
    raw: &str,
    id: &str,
    title: &str,
    desc: &str,
) -> Result<String, ChartError> {
    let id = safe_id(id);
    let lean = lean::lean_svg(raw);
    let raw = lean.as_str();
    let open_end = raw
        .find('>')
        .filter(|_| raw.starts_with("<svg "))
        .ok_or_else(|| ChartError::Draw("plotters wrote no <svg> root element".to_string()))?;
    let mut out = String::with_capacity(raw.len() + title.len() + desc.len() + 200);
    out.push_str(&raw[..open_end]);
    out.push_str(&format!(
        " role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\">\n"
    ));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        xml_escape(title),
        xml_escape(desc)
    ));
    out.push_str(raw[open_end + 1..].trim_start_matches('\n'));
    Ok(out)
}
