//! The trend line chart and small multiples of it.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    draw_error, finish_svg, fixed, tick_decimals, xml_safe, Chart, ChartError, Table, Words,
    MAX_POINTS,
};

/// A named series of values, one per period; `None` where there is no value (drawn as a gap).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The series' name (an authority, or Wales).
    pub name: String,
    /// The values, one per period.
    pub values: Vec<Option<f64>>,
}

/// What a trend chart shows: one authority against Wales over the periods.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSpec {
    /// The id of the SVG element (made safe).
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// The y axis, with its unit ("Rate per 10,000").
    pub y_label: String,
    /// The periods, in order ("2019-20", "2020-21", …).
    pub periods: Vec<String>,
    /// The authority's series.
    pub series: Series,
    /// The comparator (Wales), if shown.
    pub comparator: Option<Series>,
    /// Series breaks: index `i` means the series breaks between period `i − 1` and period `i`
    /// (a change of definition or collection); a dashed vertical line marks it.
    pub breaks: Vec<usize>,
    /// Decimals of values in the table and the text alternative.
    pub decimals: usize,
    /// The fixed words drawn.
    pub words: Words,
}

/// One period's row of a trend chart's data.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    /// The period.
    pub period: String,
    /// The authority's value.
    pub value: Option<f64>,
    /// The comparator's value.
    pub comparator: Option<f64>,
    /// Whether the series breaks before this period.
    pub break_before: bool,
}

/// What small multiples show: one small trend chart per authority, on a common y scale, each
/// with the comparator.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallMultiplesSpec {
    /// The id of the SVG element (made safe).
    pub id: String,
    /// The title of the whole grid.
    pub title: String,
    /// What the values are, with the unit (in the text alternative and the method).
    pub y_label: String,
    /// The periods, in order.
    pub periods: Vec<String>,
    /// One series per panel, in reading order.
    pub panels: Vec<Series>,
    /// The comparator drawn in every panel, if any.
    pub comparator: Option<Series>,
    /// Series breaks, as for [`TrendSpec::breaks`].
    pub breaks: Vec<usize>,
    /// Panels per row (at least 1).
    pub columns: usize,
    /// Decimals of values in the table and the text alternative.
    pub decimals: usize,
    /// The fixed words drawn.
    pub words: Words,
}

/// One value of small multiples' data (long format: series, period, value).
#[derive(Clone, Debug, PartialEq)]
pub struct MultiplesRow {
    /// The series' name (a panel's, or the comparator's).
    pub series: String,
    /// The period.
    pub period: String,
    /// The value.
    pub value: Option<f64>,
}

const AUTHORITY: RGBColor = RGBColor(0, 84, 150);
const COMPARATOR: RGBColor = RGBColor(110, 110, 110);
const BREAK: RGBColor = RGBColor(170, 20, 20);

/// Checks the periods, series and breaks, and the point count.
fn check(periods: &[String], series: &[&Series], breaks: &[usize]) -> Result<(), ChartError> {
    if periods.is_empty() {
        return Err(ChartError::Empty { what: "periods" });
    }
    let count = periods.len().saturating_mul(series.len());
    if count > MAX_POINTS {
        return Err(ChartError::TooManyPoints {
            count,
            max: MAX_POINTS,
        });
    }
    for s in series {
        if s.values.len() != periods.len() {
            return Err(ChartError::LengthMismatch {
                series: s.name.clone(),
                expected: periods.len(),
                found: s.values.len(),
            });
        }
        if let Some(value) = s.values.iter().flatten().find(|v| !v.is_finite()) {
            return Err(ChartError::NonFinite {
                at: s.name.clone(),
                value: *value,
            });
        }
    }
    if let Some(&index) = breaks.iter().find(|&&i| i == 0 || i >= periods.len()) {
        return Err(ChartError::BadBreak {
            index,
            periods: periods.len(),
        });
    }
    Ok(())
}

/// The y range of the values, padded; (0, 1) when there is no value.
fn y_range<'a>(series: impl Iterator<Item = &'a Series>) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in series {
        for v in s.values.iter().flatten() {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    let spread = hi - lo;
    let pad = if spread > 0.0 {
        spread * 0.08
    } else if lo != 0.0 {
        lo.abs() * 0.1
    } else {
        1.0
    };
    (lo - pad, hi + pad)
}

/// The runs of consecutive present values, as (period index, value) lists.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => current.push((i as f64, *v)),
            None => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Sizes of one trend panel.
struct PanelStyle {
    caption: u32,
    label: u32,
    x_area: u32,
    y_area: u32,
    margin: u32,
    y_ticks: usize,
    max_period_labels: usize,
    marker: i32,
    legend: bool,
    /// Light grid lines between the ticks: off in small multiples, where at 4 ticks a panel
    /// drew about forty of them three pixels apart (a grey wash, and most of the SVG's bytes).
    light_lines: bool,
}

/// Draws one trend chart into `area` (part of `root`).
#[allow(clippy::too_many_arguments)]
fn draw_panel(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    caption: &str,
    y_label: Option<&str>,
    periods: &[String],
    series: &Series,
    comparator: Option<&Series>,
    breaks: &[usize],
    (y_lo, y_hi): (f64, f64),
    words: &Words,
    style: &PanelStyle,
) -> Result<(), ChartError> {
    let last = periods.len() as f64 - 0.5;
    let y_decimals = tick_decimals(y_lo, y_hi, style.y_ticks);
    let y_format = |v: &f64| fixed(*v, y_decimals);
    let mut chart = ChartBuilder::on(area)
        .caption(xml_safe(caption), ("sans-serif", style.caption))
        .margin(style.margin)
        .x_label_area_size(style.x_area)
        .y_label_area_size(style.y_area)
        .build_cartesian_2d(-0.5..last, y_lo..y_hi)
        .map_err(draw_error)?;
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .x_labels(0)
        .y_labels(style.y_ticks)
        .y_label_formatter(&y_format)
        .label_style(("sans-serif", style.label))
        .light_line_style(RGBColor(238, 238, 238));
    if !style.light_lines {
        mesh.max_light_lines(0);
    }
    if let Some(label) = y_label {
        mesh.y_desc(xml_safe(label));
    }
    mesh.draw().map_err(draw_error)?;

    // The period labels under the axis, thinned to at most `max_period_labels`.
    let every = periods.len().div_ceil(style.max_period_labels.max(1));
    for (i, period) in periods.iter().enumerate() {
        if i % every != 0 && i + 1 != periods.len() {
            continue;
        }
        let (x, y) = chart.backend_coord(&(i as f64, y_lo));
        let text_style = TextStyle::from(("sans-serif", style.label).into_font())
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(xml_safe(period), (x, y + 6), text_style))
            .map_err(draw_error)?;
        root.draw(&PathElement::new(vec![(x, y), (x, y + 4)], BLACK))
            .map_err(draw_error)?;
    }

    for &index in breaks {
        let x = index as f64 - 0.5;
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x, y_lo), (x, y_hi)],
                4,
                3,
                BREAK.stroke_width(1),
            ))
            .map_err(draw_error)?;
        let (px, py) = chart.backend_coord(&(x, y_hi));
        let text_style = TextStyle::from(("sans-serif", style.label).into_font())
            .pos(Pos::new(HPos::Left, VPos::Top))
            .color(&BREAK);
        root.draw(&Text::new(
            xml_safe(words.get("series_break")),
            (px + 3, py + 2),
            text_style,
        ))
        .map_err(draw_error)?;
    }

    let mut lines: Vec<(&Series, ShapeStyle, bool)> = Vec::new();
    if let Some(c) = comparator {
        lines.push((c, COMPARATOR.stroke_width(2), true));
    }
    lines.push((series, AUTHORITY.stroke_width(2), false));
    for (s, line_style, dashed) in lines {
        for (i, run) in runs(&s.values).into_iter().enumerate() {
            if run.len() > 1 {
                let drawn = if dashed {
                    chart
                        .draw_series(DashedLineSeries::new(run.clone(), 6, 3, line_style))
                        .map_err(draw_error)?
                } else {
                    chart
                        .draw_series(LineSeries::new(run.clone(), line_style))
                        .map_err(draw_error)?
                };
                if style.legend && i == 0 {
                    let name = xml_safe(&s.name);
                    if dashed {
                        drawn.label(name).legend(move |(x, y)| {
                            DashedPathElement::new(vec![(x, y), (x + 24, y)], 6, 3, line_style)
                        });
                    } else {
                        drawn.label(name).legend(move |(x, y)| {
                            PathElement::new(vec![(x, y), (x + 24, y)], line_style)
                        });
                    }
                }
            }
            let colour = line_style.color;
            chart
                .draw_series(
                    run.iter()
                        .map(|&(x, y)| Circle::new((x, y), style.marker, colour.filled())),
                )
                .map_err(draw_error)?;
        }
    }
    if style.legend {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(120, 120, 120))
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(draw_error)?;
    }
    Ok(())
}

/// A value for the text alternative: the value with its decimals, or "no value".
fn say(value: Option<f64>, decimals: usize, words: &Words) -> String {
    match value {
        Some(v) => fixed(v, decimals),
        None => words.get("no_value").to_string(),
    }
}

/// The text alternative of a trend chart, in English: what is plotted over which periods,
/// every value of each series, and the breaks.
pub fn trend_alt_text(spec: &TrendSpec) -> String {
    let w = &spec.words;
    let first = spec.periods.first().map(String::as_str).unwrap_or("");
    let last = spec.periods.last().map(String::as_str).unwrap_or("");
    let mut names = vec![spec.series.name.as_str()];
    if let Some(c) = &spec.comparator {
        names.push(c.name.as_str());
    }
    let mut text = w.fill(
        "trend_alt",
        &[
            ("title", spec.title.trim_end_matches('.')),
            ("names", &names.join(w.get("names_and"))),
            ("first", first),
            ("last", last),
            ("y", &spec.y_label),
        ],
    );
    let all = std::iter::once(&spec.series).chain(spec.comparator.as_ref());
    for s in all {
        let values: Vec<String> = spec
            .periods
            .iter()
            .zip(&s.values)
            .map(|(p, v)| format!("{p} {}", say(*v, spec.decimals, w)))
            .collect();
        text.push(' ');
        text.push_str(&w.fill(
            "series_values",
            &[("name", &s.name), ("values", &values.join(", "))],
        ));
    }
    text.push_str(&breaks_text(&spec.periods, &spec.breaks, w));
    text
}

fn breaks_text(periods: &[String], breaks: &[usize], w: &Words) -> String {
    let mut sorted: Vec<usize> = breaks.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let before: Vec<&str> = sorted
        .iter()
        .filter_map(|&i| periods.get(i).map(String::as_str))
        .collect();
    if before.is_empty() {
        String::new()
    } else {
        format!(" {}", w.fill("breaks", &[("periods", &before.join(", "))]))
    }
}

/// The method of a trend chart or small multiples (`key`), with its comparison and breaks.
fn method(w: &Words, key: &str, comparison: bool, breaks: bool) -> String {
    w.fill(
        key,
        &[
            (
                "comparison",
                if comparison {
                    w.get("method_comparison")
                } else {
                    ""
                },
            ),
            ("breaks", if breaks { w.get("method_breaks") } else { "" }),
        ],
    )
}

/// Draws a trend chart: the authority's values as a solid line with markers, the comparator's
/// as a dashed grey line, a gap where a value is missing, a dashed vertical line at each series
/// break, the period labels, the y axis with ticks and its label, a legend and the title.
pub fn trend_chart(spec: &TrendSpec) -> Result<Chart<TrendRow>, ChartError> {
    let mut all = vec![&spec.series];
    all.extend(spec.comparator.as_ref());
    check(&spec.periods, &all, &spec.breaks)?;
    let range = y_range(all.iter().copied());
    let alt_text = trend_alt_text(spec);
    let method = method(
        &spec.words,
        "trend_method",
        spec.comparator.is_some(),
        !spec.breaks.is_empty(),
    );

    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (720, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let style = PanelStyle {
            caption: 20,
            label: 12,
            x_area: 36,
            y_area: 72,
            margin: 16,
            y_ticks: 8,
            max_period_labels: 12,
            marker: 4,
            legend: true,
            light_lines: true,
        };
        draw_panel(
            &root,
            &root,
            &spec.title,
            Some(&spec.y_label),
            &spec.periods,
            &spec.series,
            spec.comparator.as_ref(),
            &spec.breaks,
            range,
            &spec.words,
            &style,
        )?;
        root.present().map_err(draw_error)?;
    }
    let svg = finish_svg(&raw, &spec.id, &spec.title, &alt_text)?;

    let rows: Vec<TrendRow> = spec
        .periods
        .iter()
        .enumerate()
        .map(|(i, period)| TrendRow {
            period: period.clone(),
            value: spec.series.values[i],
            comparator: spec.comparator.as_ref().and_then(|c| c.values[i]),
            break_before: spec.breaks.contains(&i),
        })
        .collect();
    let w = &spec.words;
    let mut columns = vec![w.get("col_period").to_string(), spec.series.name.clone()];
    if let Some(c) = &spec.comparator {
        columns.push(c.name.clone());
    }
    columns.push(w.get("col_break_before").to_string());
    let cell = |v: Option<f64>| v.map(|v| fixed(v, spec.decimals)).unwrap_or_default();
    let table = Table {
        columns,
        rows: rows
            .iter()
            .map(|row| {
                let mut cells = vec![row.period.clone(), cell(row.value)];
                if spec.comparator.is_some() {
                    cells.push(cell(row.comparator));
                }
                cells.push(if row.break_before { w.get("yes") } else { "" }.to_string());
                cells
            })
            .collect(),
    };
    Ok(Chart {
        svg,
        alt_text,
        method,
        rows,
        table,
    })
}

/// The text alternative of small multiples, in English: what the grid shows, and for each
/// panel its first and last values.
pub fn small_multiples_alt_text(spec: &SmallMultiplesSpec) -> String {
    let w = &spec.words;
    let first = spec.periods.first().map(String::as_str).unwrap_or("");
    let last = spec.periods.last().map(String::as_str).unwrap_or("");
    let comparison = spec
        .comparator
        .as_ref()
        .map(|c| w.fill("multiples_comparison", &[("name", &c.name)]))
        .unwrap_or_default();
    let mut text = w.fill(
        "multiples_alt",
        &[
            ("title", spec.title.trim_end_matches('.')),
            ("n", &spec.panels.len().to_string()),
            ("first", first),
            ("last", last),
            ("y", &spec.y_label),
            ("comparison", &comparison),
        ],
    );
    let summaries: Vec<String> = spec
        .panels
        .iter()
        .map(|s| {
            let present: Vec<(usize, f64)> = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .collect();
            match (present.first(), present.last()) {
                (Some(&(i, a)), Some(&(j, b))) if i != j => w.fill(
                    "panel_span",
                    &[
                        ("name", &s.name),
                        ("first", &fixed(a, spec.decimals)),
                        ("from", &spec.periods[i]),
                        ("last", &fixed(b, spec.decimals)),
                        ("to", &spec.periods[j]),
                    ],
                ),
                (Some(&(i, a)), _) => w.fill(
                    "panel_only",
                    &[
                        ("name", &s.name),
                        ("value", &fixed(a, spec.decimals)),
                        ("period", &spec.periods[i]),
                    ],
                ),
                _ => w.fill("panel_none", &[("name", &s.name)]),
            }
        })
        .collect();
    if !summaries.is_empty() {
        text.push_str(&format!(" {}.", summaries.join("; ")));
    }
    text.push_str(&breaks_text(&spec.periods, &spec.breaks, w));
    text
}

/// Draws small multiples: a grid of small trend charts, `columns` to a row, one per panel
/// series with the comparator in each, all on one y scale, under the title and a legend line.
pub fn small_multiples(spec: &SmallMultiplesSpec) -> Result<Chart<MultiplesRow>, ChartError> {
    if spec.columns == 0 {
        return Err(ChartError::NoColumns);
    }
    if spec.panels.is_empty() {
        return Err(ChartError::Empty { what: "panels" });
    }
    let mut all: Vec<&Series> = spec.panels.iter().collect();
    all.extend(spec.comparator.as_ref());
    // The comparator is drawn in every panel.
    let drawn = spec.panels.len() * (1 + usize::from(spec.comparator.is_some()));
    let count = spec.periods.len().saturating_mul(drawn);
    if count > MAX_POINTS {
        return Err(ChartError::TooManyPoints {
            count,
            max: MAX_POINTS,
        });
    }
    check(&spec.periods, &all, &spec.breaks)?;
    let range = y_range(all.iter().copied());
    let alt_text = small_multiples_alt_text(spec);
    let method = method(
        &spec.words,
        "multiples_method",
        spec.comparator.is_some(),
        !spec.breaks.is_empty(),
    );

    let columns = spec.columns.min(spec.panels.len());
    let grid_rows = spec.panels.len().div_ceil(columns);
    let (panel_w, panel_h) = (240u32, 170u32);
    let header = 64u32;
    let width = panel_w * columns as u32;
    let height = header + panel_h * grid_rows as u32;
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let (top, grid) = root.split_vertically(header);
        let title_style =
            TextStyle::from(("sans-serif", 20).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
        top.draw(&Text::new(
            xml_safe(&spec.title),
            (width as i32 / 2, 8),
            title_style,
        ))
        .map_err(draw_error)?;
        // The legend line: the authority's line and the comparator's.
        let mut x = 16;
        let y = 46;
        let legend_font = TextStyle::from(("sans-serif", 12).into_font());
        let mut entries: Vec<(String, RGBColor, bool)> =
            vec![(spec.words.get("authority").to_string(), AUTHORITY, false)];
        if let Some(c) = &spec.comparator {
            entries.push((c.name.clone(), COMPARATOR, true));
        }
        for (name, colour, dashed) in entries {
            if dashed {
                top.draw(&DashedPathElement::new(
                    vec![(x, y), (x + 24, y)],
                    6,
                    3,
                    colour.stroke_width(2),
                ))
                .map_err(draw_error)?;
            } else {
                top.draw(&PathElement::new(
                    vec![(x, y), (x + 24, y)],
                    colour.stroke_width(2),
                ))
                .map_err(draw_error)?;
            }
            let text_style = legend_font.pos(Pos::new(HPos::Left, VPos::Center));
            let name = xml_safe(&name);
            top.draw(&Text::new(name.clone(), (x + 30, y), text_style))
                .map_err(draw_error)?;
            // plotters' own estimate of the text's width, to place the next entry.
            let (w, _) = top
                .estimate_text_size(&name, &legend_font)
                .map_err(draw_error)?;
            x += 30 + w as i32 + 24;
        }

        let style = PanelStyle {
            caption: 13,
            label: 10,
            x_area: 22,
            y_area: 40,
            margin: 6,
            y_ticks: 4,
            max_period_labels: 4,
            marker: 2,
            legend: false,
            light_lines: false,
        };
        let cells = grid.split_evenly((grid_rows, columns));
        for (panel, cell) in spec.panels.iter().zip(cells.iter()) {
            draw_panel(
                &root,
                cell,
                &panel.name,
                None,
                &spec.periods,
                panel,
                spec.comparator.as_ref(),
                &spec.breaks,
                range,
                &spec.words,
                &style,
            )?;
        }
        root.present().map_err(draw_error)?;
    }
    let svg = finish_svg(&raw, &spec.id, &spec.title, &alt_text)?;

    let rows: Vec<MultiplesRow> = all
        .iter()
        .flat_map(|s| {
            spec.periods
                .iter()
                .zip(&s.values)
                .map(|(period, value)| MultiplesRow {
                    series: s.name.clone(),
                    period: period.clone(),
                    value: *value,
                })
        })
        .collect();
    let table = Table {
        columns: vec![
            spec.words.get("col_series").to_string(),
            spec.words.get("col_period").to_string(),
            spec.words.get("col_value").to_string(),
        ],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    row.series.clone(),
                    row.period.clone(),
                    row.value
                        .map(|v| fixed(v, spec.decimals))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    };
    Ok(Chart {
        svg,
        alt_text,
        method,
        rows,
        table,
    })
}
