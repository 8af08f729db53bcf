//! The national comparison written out: Markdown and CSV (the same tables as reviewed text),
//! and HTML with, per indicator, the funnel plot (SVG from pmf-stats), the data table beside
//! it, the chart's text alternative and method, the trend of Wales over the years and small
//! multiples of the authorities, and a CSV download of every table as a `data:` URI (the page
//! is one self-contained file: nothing beside it to lose, nothing fetched). No JavaScript.
//! Every text is escaped for its format with the helpers of `render`.

use crate::national::{fixed, Figure, IndicatorComparison, NationalComparison};
use crate::render::{csv_field, html_escape, md_escape, md_row};
use crate::strings::Strings;
use pmf_stats::chart::{
    funnel_chart, small_multiples, trend_chart, FunnelPoint, FunnelSpec, Series,
    SmallMultiplesSpec, TrendSpec,
};
use pmf_stats::Band;

fn number(v: Option<f64>, decimals: usize) -> String {
    v.map(|x| fixed(x, decimals)).unwrap_or_default()
}

/// A count as printed: a whole number with thousands separators, else with its decimals.
fn count(v: Option<f64>) -> String {
    match v {
        Some(x) if x.fract() == 0.0 => pmf_words::thousands(x),
        Some(x) => fixed(x, 2),
        None => String::new(),
    }
}

fn interval_text(f: &Figure, decimals: usize) -> String {
    f.interval
        .map(|(l, u)| format!("{} to {}", fixed(l, decimals), fixed(u, decimals)))
        .unwrap_or_default()
}

fn flags_text(f: &Figure) -> String {
    f.flags
        .iter()
        .map(|x| x.symbol())
        .collect::<Vec<_>>()
        .join(" ")
}

fn band_code(b: Option<Band>) -> &'static str {
    match b {
        Some(Band::AboveUpper998) => "above_99.8",
        Some(Band::AboveUpper95) => "above_95",
        Some(Band::Within) => "within_95",
        Some(Band::BelowLower95) => "below_95",
        Some(Band::BelowLower998) => "below_99.8",
        None => "",
    }
}

fn polarity_key(p: pmf_ir::Polarity) -> &'static str {
    match p {
        pmf_ir::Polarity::HigherIsBetter => "nat_polarity_higher",
        pmf_ir::Polarity::LowerIsBetter => "nat_polarity_lower",
        pmf_ir::Polarity::Neither => "nat_polarity_neither",
    }
}

fn standards_text(s: &Strings, ind: &IndicatorComparison) -> Option<String> {
    if ind.standards.is_empty() {
        return None;
    }
    let list: Vec<String> = ind
        .standards
        .iter()
        .map(|(id, n)| n.clone().unwrap_or_else(|| id.clone()))
        .collect();
    Some(s.fill("nat_standards", &[("standards", &list.join(", "))]))
}

/// The lines about an indicator printed under its heading.
pub(crate) fn about(s: &Strings, ind: &IndicatorComparison) -> Vec<String> {
    let mut out = Vec::new();
    if !ind.unit.is_empty() {
        out.push(s.fill("nat_unit", &[("unit", &ind.unit)]));
    }
    if let Some(t) = standards_text(s, ind) {
        out.push(t);
    }
    out.push(s.fill(
        "nat_parts",
        &[
            ("numerator", &ind.numerator_text),
            ("denominator", &ind.denominator_text),
        ],
    ));
    out.push(s.get(polarity_key(ind.polarity)));
    out
}

pub(crate) fn table_head(s: &Strings) -> Vec<String> {
    vec![
        s.get("nat_col_authority"),
        s.get("col_code"),
        s.get("nat_col_numerator"),
        s.get("nat_col_denominator"),
        s.get("nat_col_value"),
        s.get("nat_col_interval"),
        s.get("nat_col_compared"),
        s.get("col_flags"),
    ]
}

pub(crate) fn table_row(f: &Figure, decimals: usize) -> Vec<String> {
    vec![
        f.name.clone(),
        f.authority.clone(),
        count(f.numerator),
        count(f.denominator),
        number(f.value, decimals),
        interval_text(f, decimals),
        f.comparison.clone(),
        flags_text(f),
    ]
}

pub(crate) fn year_figures(y: &crate::national::YearComparison) -> impl Iterator<Item = &Figure> {
    std::iter::once(&y.wales).chain(y.authorities.iter())
}

pub(crate) fn intro(s: &Strings, r: &NationalComparison) -> Vec<String> {
    vec![
        s.fill(
            "nat_years",
            &[("years", &r.years.join(", ")), ("edition", &r.edition)],
        ),
        r.populations.clone(),
        s.get("nat_intro"),
    ]
}

pub fn markdown(r: &NationalComparison) -> String {
    let s = Strings::new(r.lang);
    let mut out = format!("# {}\n\n", md_escape(&r.title));
    for p in intro(&s, r) {
        out.push_str(&format!("{}\n\n", md_escape(&p)));
    }
    for ind in &r.indicators {
        let d = ind.decimals as usize;
        out.push_str(&format!(
            "## {}: {}\n\n",
            md_escape(&ind.code),
            md_escape(&ind.title)
        ));
        for line in about(&s, ind) {
            out.push_str(&format!("{}\n\n", md_escape(&line)));
        }
        let Some(y) = ind.latest() else { continue };
        out.push_str(&format!("### {}\n\n", md_escape(&y.year)));
        out.push_str(&format!("{}\n\n", md_escape(&y.method)));
        let head = table_head(&s);
        out.push_str(&md_row(&head));
        out.push_str("|---|---|---:|---:|---:|---:|---|---|\n");
        for f in year_figures(y) {
            out.push_str(&md_row(&table_row(f, d)));
        }
        out.push('\n');
        let noted: Vec<&Figure> = year_figures(y).filter(|f| !f.notes.is_empty()).collect();
        if !noted.is_empty() {
            out.push_str(&format!("{}:\n\n", md_escape(&s.get("col_notes"))));
            for f in noted {
                for n in &f.notes {
                    out.push_str(&format!("- {}: {}\n", md_escape(&f.name), md_escape(n)));
                }
            }
            out.push('\n');
        }
        if ind.years.len() > 1 {
            out.push_str(&format!("### {}\n\n", md_escape(&s.get("nat_trend"))));
            let mut head = vec![s.get("nat_col_authority")];
            head.extend(ind.years.iter().map(|y| y.year.clone()));
            out.push_str(&md_row(&head));
            out.push_str("|---|");
            out.push_str(&"---:|".repeat(ind.years.len()));
            out.push('\n');
            let rows = 1 + ind.years[0].authorities.len();
            for i in 0..rows {
                let pick = |y: &crate::national::YearComparison| -> Option<Figure> {
                    if i == 0 {
                        Some(y.wales.clone())
                    } else {
                        y.authorities.get(i - 1).cloned()
                    }
                };
                let Some(first) = pick(&ind.years[0]) else {
                    continue;
                };
                let mut cells = vec![first.name.clone()];
                for y in &ind.years {
                    let f = pick(y);
                    let mut t = f.as_ref().map(|f| number(f.value, d)).unwrap_or_default();
                    if let Some(f) = &f {
                        let fl = flags_text(f);
                        if !fl.is_empty() {
                            if !t.is_empty() {
                                t.push(' ');
                            }
                            t.push_str(&fl);
                        }
                    }
                    cells.push(t);
                }
                out.push_str(&md_row(&cells));
            }
            out.push('\n');
        }
    }
    if !r.flags.is_empty() {
        out.push_str(&format!("## {}\n\n", md_escape(&s.get("key_title"))));
        for f in &r.flags {
            out.push_str(&format!(
                "- {}: {}\n",
                md_escape(f.symbol()),
                md_escape(&s.get(f.key()))
            ));
        }
    }
    out
}

const CSV_HEADER: [&str; 18] = [
    "indicator",
    "title",
    "unit",
    "standards",
    "year",
    "authority",
    "name",
    "numerator",
    "denominator",
    "value",
    "ci95_lower",
    "ci95_upper",
    "band",
    "compared_with_wales",
    "flags",
    "notes",
    "method",
    "polarity",
];

/// The tidy CSV lines of an indicator: of every year, or of the one year `only`.
fn csv_lines(ind: &IndicatorComparison, only: Option<&str>, out: &mut String) {
    let d = ind.decimals as usize;
    let standards: Vec<String> = ind
        .standards
        .iter()
        .map(|(id, n)| n.clone().unwrap_or_else(|| id.clone()))
        .collect();
    let polarity = match ind.polarity {
        pmf_ir::Polarity::HigherIsBetter => "higher_is_better",
        pmf_ir::Polarity::LowerIsBetter => "lower_is_better",
        pmf_ir::Polarity::Neither => "neither",
    };
    for y in ind
        .years
        .iter()
        .filter(|y| only.is_none_or(|o| o == y.year))
    {
        for f in year_figures(y) {
            let fields = [
                ind.code.clone(),
                ind.title.clone(),
                ind.unit.clone(),
                standards.join(" "),
                y.year.clone(),
                f.authority.clone(),
                f.name.clone(),
                f.numerator
                    .map(pmf_return::values::show)
                    .unwrap_or_default(),
                f.denominator
                    .map(pmf_return::values::show)
                    .unwrap_or_default(),
                number(f.value, d),
                number(f.interval.map(|i| i.0), d),
                number(f.interval.map(|i| i.1), d),
                band_code(f.band).to_string(),
                f.comparison.clone(),
                flags_text(f),
                f.notes.join("; "),
                y.method.clone(),
                polarity.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|x| csv_field(x)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
}

/// Tidy CSV: one line per indicator, year and authority (Wales first in each year).
pub fn csv(r: &NationalComparison) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for ind in &r.indicators {
        csv_lines(ind, None, &mut out);
    }
    out
}

/// The CSV of the table an indicator's section shows (one year's figures), in the columns of
/// `csv`. Not every year: the page offers every table's download, and ten years of every
/// indicator, each line repeating its title and method, made half of a 20 MB page; the whole
/// series is `--format csv`, and the trend charts' tables carry the values of every year.
pub fn year_csv(ind: &IndicatorComparison, year: &str) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    csv_lines(ind, Some(year), &mut out);
    out
}

/// A `data:` URI of CSV text: printable ASCII kept as it is (the URI is then HTML-escaped
/// into the attribute), and percent-encoded: control characters, space, non-ASCII bytes and
/// the characters a URL gives a meaning to or excludes (`%`, `#`, `"`, `<`, `>`, `\`, `^`,
/// `` ` ``, `{`, `|`, `}`, `[`, `]`).
fn data_uri(csv: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in csv.bytes() {
        let keep = b.is_ascii_graphic()
            && !matches!(
                b,
                b'%' | b'#'
                    | b'"'
                    | b'<'
                    | b'>'
                    | b'\\'
                    | b'^'
                    | b'`'
                    | b'{'
                    | b'|'
                    | b'}'
                    | b'['
                    | b']'
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A file name for a download: the code with anything but letters and digits as `-`.
fn file_name(stem: &str) -> String {
    let s: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{s}.csv")
}

fn download(s: &Strings, csv: &str, stem: &str) -> String {
    format!(
        "<p><a download=\"{}\" href=\"{}\">{}</a></p>\n",
        html_escape(&file_name(stem)),
        html_escape(&data_uri(csv)),
        html_escape(&s.get("nat_download"))
    )
}

fn html_table(
    caption: &str,
    columns: &[String],
    rows: &[Vec<String>],
    numeric: &[usize],
) -> String {
    let e = html_escape;
    let mut out = format!("<table>\n<caption>{}</caption>\n<thead>\n<tr>", e(caption));
    for c in columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", e(c)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!("<th scope=\"row\">{}</th>", e(cell)));
            } else if numeric.contains(&i) {
                out.push_str(&format!("<td class=\"figure\">{}</td>", e(cell)));
            } else {
                out.push_str(&format!("<td>{}</td>", e(cell)));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The id of an indicator in anchors and chart ids: its code with every other character `-`.
fn anchor(ind: &IndicatorComparison) -> String {
    ind.code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn y_label(s: &Strings, ind: &IndicatorComparison) -> String {
    if ind.unit.is_empty() {
        s.get("nat_col_value")
    } else {
        format!("{} ({})", s.get("nat_col_value"), ind.unit)
    }
}

/// The funnel plot of a year: the authorities that are compared; None when the indicator is
/// not compared that year (`y.method` says why).
pub(crate) fn funnel(
    s: &Strings,
    ind: &IndicatorComparison,
    y: &crate::national::YearComparison,
) -> Option<
    Result<pmf_stats::chart::Chart<pmf_stats::chart::FunnelRow>, pmf_stats::chart::ChartError>,
> {
    let (Some(measure), Some(target)) = (ind.measure(), y.target) else {
        return None;
    };
    let points: Vec<FunnelPoint> = y
        .authorities
        .iter()
        .filter(|f| f.outcome.is_some())
        .filter_map(|f| {
            Some(FunnelPoint {
                label: f.name.clone(),
                name: f.name.clone(),
                numerator: f.numerator?,
                denominator: f.denominator?,
            })
        })
        .collect();
    let spec = FunnelSpec {
        id: format!("funnel-{}", anchor(ind)),
        title: format!("{}: {}", ind.code, y.year),
        x_label: format!(
            "{} ({})",
            s.get("nat_col_denominator"),
            ind.denominator_text
        ),
        y_label: y_label(s, ind),
        measure,
        target,
        polarity: ind.stats_polarity(),
        points,
        decimals: ind.decimals as usize,
        words: s.chart_words(),
    };
    Some(funnel_chart(&spec))
}

fn wales_series(s: &Strings, ind: &IndicatorComparison) -> Series {
    Series {
        name: s.get("wales"),
        values: ind.years.iter().map(|y| y.wales.value).collect(),
    }
}

/// Wales over the years.
pub(crate) fn trend(
    s: &Strings,
    ind: &IndicatorComparison,
) -> Result<pmf_stats::chart::Chart<pmf_stats::chart::TrendRow>, pmf_stats::chart::ChartError> {
    let trend = TrendSpec {
        id: format!("trend-{}", anchor(ind)),
        title: s.fill("nat_trend_wales", &[("code", &ind.code)]),
        y_label: y_label(s, ind),
        periods: ind.years.iter().map(|y| y.year.clone()).collect(),
        series: wales_series(s, ind),
        comparator: None,
        breaks: Vec::new(),
        decimals: ind.decimals as usize,
        words: s.chart_words(),
    };
    trend_chart(&trend)
}

/// Each authority over the years, with Wales, on one scale.
pub(crate) fn multiples(
    s: &Strings,
    ind: &IndicatorComparison,
) -> Result<pmf_stats::chart::Chart<pmf_stats::chart::MultiplesRow>, pmf_stats::chart::ChartError> {
    let panels: Vec<Series> = (0..ind.years.first().map_or(0, |y| y.authorities.len()))
        .map(|i| Series {
            name: ind.years[0].authorities[i].name.clone(),
            values: ind
                .years
                .iter()
                .map(|y| y.authorities.get(i).and_then(|f| f.value))
                .collect(),
        })
        .collect();
    let multiples = SmallMultiplesSpec {
        id: format!("multiples-{}", anchor(ind)),
        title: s.fill("nat_multiples", &[("code", &ind.code)]),
        y_label: y_label(s, ind),
        periods: ind.years.iter().map(|y| y.year.clone()).collect(),
        panels,
        comparator: Some(wales_series(s, ind)),
        breaks: Vec::new(),
        columns: 6,
        decimals: ind.decimals as usize,
        words: s.chart_words(),
    };
    small_multiples(&multiples)
}

fn indicator_html(s: &Strings, ind: &IndicatorComparison) -> String {
    let e = html_escape;
    let d = ind.decimals as usize;
    let mut out = format!(
        "<section id=\"ind-{}\">\n<h3>{}: {}</h3>\n",
        e(&anchor(ind)),
        e(&ind.code),
        e(&ind.title)
    );
    for line in about(s, ind) {
        out.push_str(&format!("<p>{}</p>\n", e(&line)));
    }
    let Some(y) = ind.latest() else {
        out.push_str("</section>\n");
        return out;
    };
    let heading = format!("{} {}", ind.code, y.year);
    out.push_str("<div class=\"pair\">\n<figure>\n");
    match funnel(s, ind, y) {
        Some(Ok(chart)) => {
            out.push_str(&scrolled(&chart.svg));
            out.push_str(&format!(
                "<figcaption>\n<p>{}</p>\n<p>{}: {}</p>\n</figcaption>\n",
                e(&chart.method),
                e(&s.get("nat_text_alternative")),
                e(&chart.alt_text)
            ));
        }
        Some(Err(err)) => out.push_str(&format!(
            "<p>{}</p>\n",
            e(&s.fill("nat_no_chart", &[("reason", &err.to_string())]))
        )),
        None => out.push_str(&format!(
            "<p>{}</p>\n",
            e(&s.fill("nat_no_chart", &[("reason", &y.method)]))
        )),
    }
    out.push_str("</figure>\n<div>\n");
    out.push_str(&format!("<p>{}</p>\n", e(&y.method)));
    let rows: Vec<Vec<String>> = year_figures(y).map(|f| table_row(f, d)).collect();
    out.push_str(&html_table(&heading, &table_head(s), &rows, &[2, 3, 4, 5]));
    out.push_str(&download(
        s,
        &year_csv(ind, &y.year),
        &format!("{} {}", ind.code, y.year),
    ));
    let noted: Vec<&Figure> = year_figures(y).filter(|f| !f.notes.is_empty()).collect();
    if !noted.is_empty() {
        out.push_str(&format!("<h4>{}</h4>\n<ul>\n", e(&s.get("col_notes"))));
        for f in noted {
            for n in &f.notes {
                out.push_str(&format!("<li>{}: {}</li>\n", e(&f.name), e(n)));
            }
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n</div>\n");
    if ind.years.len() > 1 {
        out.push_str(&format!("<h4>{}</h4>\n", e(&s.get("nat_trend"))));
        out.push_str(&chart_block(
            s,
            trend(s, ind),
            &format!("{}-wales", ind.code),
        ));
        out.push_str(&chart_block(
            s,
            multiples(s, ind),
            &format!("{}-authorities", ind.code),
        ));
    }
    out.push_str("</section>\n");
    out
}

/// A chart in a box that scrolls sideways: on a phone the chart keeps a width at which its
/// labels can be read (36rem) instead of shrinking them to a few pixels; the box takes the
/// keyboard's focus so that it can be scrolled without a mouse.
fn scrolled(svg: &str) -> String {
    format!("<div class=\"chart\" tabindex=\"0\">\n{svg}</div>\n")
}

/// A chart with its method, its text alternative and its data table (with a download).
fn chart_block<R>(
    s: &Strings,
    chart: Result<pmf_stats::chart::Chart<R>, pmf_stats::chart::ChartError>,
    stem: &str,
) -> String {
    let e = html_escape;
    match chart {
        Ok(c) => {
            let mut out = String::from("<figure>\n");
            out.push_str(&scrolled(&c.svg));
            out.push_str(&format!(
                "<figcaption>\n<p>{}</p>\n<p>{}: {}</p>\n</figcaption>\n</figure>\n",
                e(&c.method),
                e(&s.get("nat_text_alternative")),
                e(&c.alt_text)
            ));
            out.push_str(&format!(
                "<details>\n<summary>{}</summary>\n",
                e(&s.get("nat_chart_data"))
            ));
            let numeric: Vec<usize> = (1..c.table.columns.len()).collect();
            out.push_str(&html_table(
                &s.get("nat_chart_data"),
                &c.table.columns,
                &c.table.rows,
                &numeric,
            ));
            out.push_str(&download(s, &c.table.to_csv(), stem));
            out.push_str("</details>\n");
            out
        }
        Err(err) => format!(
            "<p>{}</p>\n",
            e(&s.fill("nat_no_chart", &[("reason", &err.to_string())]))
        ),
    }
}

pub fn html(r: &NationalComparison) -> String {
    let s = Strings::new(r.lang);
    let e = html_escape;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\nbody {{ font-family: Arial, sans-serif; max-width: 100rem; margin: 1rem auto; padding: 0 1rem; color: #0b0c0c; }}\ntable {{ border-collapse: collapse; width: 100%; margin: 0 0 1rem; }}\nth, td {{ border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}\ntd.figure {{ text-align: right; white-space: nowrap; }}\ncaption {{ text-align: left; font-weight: bold; padding: 0.3rem 0; }}\n.pair {{ display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }}\n.pair > figure {{ flex: 0 1 48rem; min-width: 0; }}\n.pair > div {{ flex: 1 1 40rem; min-width: 0; overflow-x: auto; }}\nfigure {{ margin: 0 0 1rem; }}\n.chart {{ overflow-x: auto; }}\n.chart > svg {{ display: block; width: 100%; min-width: 36rem; height: auto; }}\n</style>\n</head>\n<body>\n<main>\n",
        e(&s.get("lang_code")),
        e(&r.title)
    );
    out.push_str(&format!("<h1>{}</h1>\n", e(&r.title)));
    for p in intro(&s, r) {
        out.push_str(&format!("<p>{}</p>\n", e(&p)));
    }
    // Grouped by quality standard (an indicator under its first), then those under none.
    let mut groups: Vec<(String, Option<String>, Vec<&IndicatorComparison>)> = r
        .standards
        .iter()
        .map(|q| {
            let heading = match &q.number {
                Some(n) => s.fill("standard_heading", &[("number", n)]),
                None => q.id.clone(),
            };
            let inds = r
                .indicators
                .iter()
                .filter(|i| i.standards.first().map(|x| &x.0) == Some(&q.id))
                .collect();
            (heading, Some(q.title.clone()), inds)
        })
        .collect();
    groups.push((
        s.get("nat_no_standard"),
        None,
        r.indicators
            .iter()
            .filter(|i| {
                i.standards
                    .first()
                    .is_none_or(|x| !r.standards.iter().any(|q| q.id == x.0))
            })
            .collect(),
    ));
    for (heading, title, inds) in groups {
        if inds.is_empty() {
            continue;
        }
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", e(&heading)));
        if let Some(t) = title {
            out.push_str(&format!("<p>{}</p>\n", e(&t)));
        }
        for ind in inds {
            out.push_str(&indicator_html(&s, ind));
        }
        out.push_str("</section>\n");
    }
    if !r.flags.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<dl>\n", e(&s.get("key_title"))));
        for f in &r.flags {
            out.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>\n",
                e(f.symbol()),
                e(&s.get(f.key()))
            ));
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_uri_escapes_every_special_byte() {
        assert_eq!(
            data_uri("a,b c\r\n\"<é>#%"),
            "data:text/csv;charset=utf-8,a,b%20c%0D%0A%22%3C%C3%A9%3E%23%25"
        );
        assert_eq!(file_name("PI/AD/01"), "PI-AD-01.csv");
    }
}
