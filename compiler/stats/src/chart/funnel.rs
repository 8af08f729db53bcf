//! The funnel plot.

use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::{
    draw_error, finish_svg, fixed, tick_decimals, trimmed, xml_safe, Chart, ChartError, Table,
    Words, MAX_POINTS,
};
use crate::funnel::{funnel_limits, place, Band, Measure, Placed, Polarity};

/// One authority on a funnel plot.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelPoint {
    /// The short name drawn beside the point ("Cardiff", "RCT").
    pub label: String,
    /// The full name, for the table and the text alternative.
    pub name: String,
    /// The numerator (events, or people with the outcome).
    pub numerator: f64,
    /// The denominator (people, or the population for a rate).
    pub denominator: f64,
}

/// What a funnel plot shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelSpec {
    /// The id of the SVG element (made safe); the title and description ids derive from it.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// The x axis: the denominator, with its unit ("Pupils in the cohort").
    pub x_label: String,
    /// The y axis: the value, with its unit ("Pupils achieving the level (%)").
    pub y_label: String,
    /// Proportion or rate.
    pub measure: Measure,
    /// The Wales value the limits are drawn around, in the measure's units (a proportion in
    /// (0, 1), or a rate per `per`).
    pub target: f64,
    /// Whether higher is better, lower is better, or neither.
    pub polarity: Polarity,
    /// The authorities.
    pub points: Vec<FunnelPoint>,
    /// Decimals of values in the table and the text alternative, in display units (percent
    /// for a proportion).
    pub decimals: usize,
    /// The fixed words drawn.
    pub words: Words,
}

/// One authority's row of a funnel plot's data.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelRow {
    /// The short name.
    pub label: String,
    /// The full name.
    pub name: String,
    /// The numerator.
    pub numerator: f64,
    /// The denominator.
    pub denominator: f64,
    /// The value, limits, band and outcome (in the measure's units: a proportion, not a
    /// percentage).
    pub placed: Placed,
}

const WIDTH: u32 = 760;
const HEIGHT: u32 = 500;
/// Denominators at which the limit curves are evaluated.
const CURVE_STEPS: usize = 160;

/// The factor from the measure's units to the units shown (percent for a proportion).
fn display_scale(measure: Measure) -> f64 {
    match measure {
        Measure::Proportion => 100.0,
        Measure::Rate { .. } => 1.0,
    }
}

fn unit_suffix(measure: Measure) -> String {
    match measure {
        Measure::Proportion => "%".to_string(),
        Measure::Rate { per } => format!(" per {}", thousands(per)),
    }
}

/// A whole number with commas between thousands ("10,000").
fn thousands(value: f64) -> String {
    let digits = fixed(value.round(), 0);
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", digits),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// The method and parameters of a funnel plot, in the spec's words: "Funnel limits: exact
/// binomial with Spiegelhalter's interpolation, 95% and 99.8%, around the Wales value 62%
/// (Spiegelhalter 2005)".
pub fn funnel_method(spec: &FunnelSpec) -> String {
    let w = &spec.words;
    let (kind, target) = match spec.measure {
        // In the units the chart shows (a percentage), as the reports' method line has it.
        Measure::Proportion => (
            w.get("binomial"),
            format!("{}%", trimmed(spec.target * display_scale(spec.measure), 2)),
        ),
        Measure::Rate { .. } => (
            w.get("poisson"),
            format!("{}{}", trimmed(spec.target, 2), unit_suffix(spec.measure)),
        ),
    };
    w.fill(
        "funnel_method",
        &[
            ("kind", kind),
            ("wales", w.get("wales")),
            ("target", &target),
        ],
    )
}

/// The text alternative of a funnel plot, in the spec's words: what is plotted, the Wales
/// value, how many authorities fall in each band, and each authority outside the 95% limits
/// with its outcome.
pub fn funnel_alt_text(spec: &FunnelSpec, rows: &[FunnelRow]) -> String {
    let w = &spec.words;
    let scale = display_scale(spec.measure);
    let unit = unit_suffix(spec.measure);
    let target = format!("{}{}", fixed(spec.target * scale, spec.decimals), unit);
    let mut text = w.fill(
        "funnel_alt",
        &[
            ("title", spec.title.trim_end_matches('.')),
            ("authorities", &w.authorities(rows.len())),
            ("y", &spec.y_label),
            ("x", &spec.x_label),
            ("wales", w.get("wales")),
            ("target", &target),
        ],
    );
    let within = rows
        .iter()
        .filter(|row| row.placed.outcome == crate::Outcome::Similar)
        .count();
    text.push(' ');
    text.push_str(&w.fill(
        if within == 1 {
            "funnel_within_one"
        } else {
            "funnel_within_other"
        },
        &[
            ("within", &within.to_string()),
            ("n", &rows.len().to_string()),
        ],
    ));
    let outside: Vec<String> = rows
        .iter()
        .filter(|row| row.placed.outcome != crate::Outcome::Similar)
        .map(|row| {
            format!(
                "{} ({}{}, {}, {})",
                row.name,
                fixed(row.placed.value * scale, spec.decimals),
                unit,
                w.outcome(row.placed.outcome),
                w.band(row.placed.band)
            )
        })
        .collect();
    if !outside.is_empty() {
        text.push(' ');
        text.push_str(&w.fill("funnel_outside", &[("list", &outside.join("; "))]));
    }
    text
}

/// Draws a funnel plot: one point per authority labelled with its short name, the Wales line,
/// the 95% limits (dashed) and the 99.8% limits (solid), axes with ticks, a legend and the
/// title.
pub fn funnel_chart(spec: &FunnelSpec) -> Result<Chart<FunnelRow>, ChartError> {
    if spec.points.is_empty() {
        return Err(ChartError::Empty { what: "points" });
    }
    if spec.points.len() > MAX_POINTS {
        return Err(ChartError::TooManyPoints {
            count: spec.points.len(),
            max: MAX_POINTS,
        });
    }
    // The target (and a rate's multiplier) first, so that a bad one is not blamed on a point.
    funnel_limits(spec.measure, spec.target, 1.0).map_err(ChartError::Limits)?;
    let mut rows = Vec::with_capacity(spec.points.len());
    for point in &spec.points {
        let placed = place(
            spec.measure,
            spec.target,
            spec.polarity,
            point.numerator,
            point.denominator,
        )
        .map_err(|reason| ChartError::NotComputable {
            at: point.name.clone(),
            reason,
        })?;
        rows.push(FunnelRow {
            label: point.label.clone(),
            name: point.name.clone(),
            numerator: point.numerator,
            denominator: point.denominator,
            placed,
        });
    }

    let scale = display_scale(spec.measure);
    let min_n = rows
        .iter()
        .map(|r| r.denominator)
        .fold(f64::INFINITY, f64::min);
    let max_n = rows.iter().map(|r| r.denominator).fold(0.0, f64::max);
    let x_max = max_n * 1.05;
    let curve_start = (min_n * 0.8).max(1.0);
    let curves = limit_curves(spec.measure, spec.target, curve_start, x_max)?;

    // The y range covers the points, the target and the curves, with a margin.
    let mut y_lo = spec.target * scale;
    let mut y_hi = y_lo;
    for row in &rows {
        y_lo = y_lo.min(row.placed.value * scale);
        y_hi = y_hi.max(row.placed.value * scale);
    }
    for &(_, limits) in &curves {
        y_lo = y_lo.min(limits.lower_998 * scale);
        y_hi = y_hi.max(limits.upper_998 * scale);
    }
    let pad = ((y_hi - y_lo) * 0.05)
        .max(f64::EPSILON * y_hi.abs())
        .max(1e-9);
    y_lo -= pad;
    y_hi += pad;
    if spec.measure == Measure::Proportion {
        y_lo = y_lo.max(0.0);
        y_hi = y_hi.min(100.0);
    } else {
        y_lo = y_lo.max(0.0);
    }

    let alt_text = funnel_alt_text(spec, &rows);
    let method = funnel_method(spec);
    let x_decimals = tick_decimals(0.0, x_max, 8);
    let y_decimals = tick_decimals(y_lo, y_hi, 8);
    let x_format = |v: &f64| fixed(*v, x_decimals);
    let y_format = |v: &f64| fixed(*v, y_decimals);

    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(xml_safe(&spec.title), ("sans-serif", 20))
            .margin(16)
            .x_label_area_size(52)
            .y_label_area_size(72)
            .build_cartesian_2d(0.0..x_max, y_lo..y_hi)
            .map_err(draw_error)?;
        chart
            .configure_mesh()
            .x_desc(xml_safe(&spec.x_label))
            .y_desc(xml_safe(&spec.y_label))
            .x_labels(8)
            .y_labels(8)
            .x_label_formatter(&x_format)
            .y_label_formatter(&y_format)
            .light_line_style(RGBColor(238, 238, 238))
            .draw()
            .map_err(draw_error)?;

        let target_y = spec.target * scale;
        let wales_style = RGBColor(40, 40, 40).stroke_width(2);
        chart
            .draw_series(LineSeries::new(
                vec![(0.0, target_y), (x_max, target_y)],
                wales_style,
            ))
            .map_err(draw_error)?
            .label(xml_safe(spec.words.get("wales")))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], wales_style));

        let style_95 = RGBColor(214, 120, 0).stroke_width(2);
        let style_998 = RGBColor(170, 20, 20).stroke_width(2);
        let curve = |pick: fn(&crate::FunnelLimits) -> f64| -> Vec<(f64, f64)> {
            curves
                .iter()
                .map(|(n, limits)| (*n, pick(limits) * scale))
                .collect()
        };
        for (i, pick) in [
            (|l: &crate::FunnelLimits| l.upper_95) as fn(&crate::FunnelLimits) -> f64,
            |l: &crate::FunnelLimits| l.lower_95,
        ]
        .into_iter()
        .enumerate()
        {
            let series = chart
                .draw_series(DashedLineSeries::new(curve(pick), 6, 4, style_95))
                .map_err(draw_error)?;
            if i == 0 {
                series
                    .label(xml_safe(spec.words.get("limits_95")))
                    .legend(move |(x, y)| {
                        DashedPathElement::new(vec![(x, y), (x + 24, y)], 6, 4, style_95)
                    });
            }
        }
        for (i, pick) in [
            (|l: &crate::FunnelLimits| l.upper_998) as fn(&crate::FunnelLimits) -> f64,
            |l: &crate::FunnelLimits| l.lower_998,
        ]
        .into_iter()
        .enumerate()
        {
            let series = chart
                .draw_series(LineSeries::new(curve(pick), style_998))
                .map_err(draw_error)?;
            if i == 0 {
                series
                    .label(xml_safe(spec.words.get("limits_998")))
                    .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], style_998));
            }
        }

        // Only the points outside the 95% limits are labelled: at small denominators the points
        // crowd and their labels would overlap; the table beside the chart names every one.
        let point_colour = RGBColor(0, 84, 150);
        chart
            .draw_series(rows.iter().map(|row| {
                EmptyElement::at((row.denominator, row.placed.value * scale))
                    + Circle::new((0, 0), 4, point_colour.filled())
            }))
            .map_err(draw_error)?;
        chart
            .draw_series(
                rows.iter()
                    .filter(|row| row.placed.band != Band::Within)
                    .map(|row| {
                        EmptyElement::at((row.denominator, row.placed.value * scale))
                            + Text::new(xml_safe(&row.label), (6, -14), ("sans-serif", 12))
                    }),
            )
            .map_err(draw_error)?;

        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(120, 120, 120))
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    let svg = finish_svg(&raw, &spec.id, &spec.title, &alt_text)?;

    let unit = unit_suffix(spec.measure);
    let w = &spec.words;
    let value_column = w.fill("col_value_unit", &[("unit", unit.trim())]);
    let table = Table {
        columns: [
            w.get("col_label"),
            w.get("col_name"),
            w.get("col_numerator"),
            w.get("col_denominator"),
            &value_column,
            w.get("col_lower_998"),
            w.get("col_lower_95"),
            w.get("col_upper_95"),
            w.get("col_upper_998"),
            w.get("col_band"),
            w.get("col_outcome"),
        ]
        .iter()
        .map(|c| c.to_string())
        .collect(),
        rows: rows
            .iter()
            .map(|row| {
                let show = |v: f64| fixed(v * scale, spec.decimals);
                vec![
                    row.label.clone(),
                    row.name.clone(),
                    trimmed(row.numerator, 6),
                    trimmed(row.denominator, 6),
                    show(row.placed.value),
                    show(row.placed.limits.lower_998),
                    show(row.placed.limits.lower_95),
                    show(row.placed.limits.upper_95),
                    show(row.placed.limits.upper_998),
                    w.band(row.placed.band).to_string(),
                    w.outcome(row.placed.outcome).to_string(),
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

/// The limits at evenly spaced denominators from `start` to `end` (whole numbers for a
/// proportion).
fn limit_curves(
    measure: Measure,
    target: f64,
    start: f64,
    end: f64,
) -> Result<Vec<(f64, crate::FunnelLimits)>, ChartError> {
    let mut out: Vec<(f64, crate::FunnelLimits)> = Vec::with_capacity(CURVE_STEPS + 1);
    for step in 0..=CURVE_STEPS {
        let mut n = start + (end - start) * step as f64 / CURVE_STEPS as f64;
        if measure == Measure::Proportion {
            n = n.round().max(1.0);
        }
        if out.last().is_some_and(|(last, _)| *last == n) {
            continue;
        }
        let limits = funnel_limits(measure, target, n).map_err(ChartError::Limits)?;
        out.push((n, limits));
    }
    Ok(out)
}
