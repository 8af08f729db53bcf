//! The SVG charts parsed back with a real XML parser: structure, text alternative, escaping,
//! point counts, gaps and breaks, determinism, bounds and errors.

use pmf_stats::chart::{
    funnel_chart, small_multiples, trend_chart, ChartError, FunnelPoint, FunnelSpec, Series,
    SmallMultiplesSpec, Table, TrendSpec, Words, MAX_POINTS,
};
use pmf_stats::{Band, Measure, NotComputable, Polarity};

/// The fill colour of an authority's points and line.
const AUTHORITY: &str = "#005496";
/// The comparator's.
const COMPARATOR: &str = "#6E6E6E";

const HOSTILE: &str = "A <b>&amp;</b> \"quoted\" 'name' ]]> \u{1}";

fn funnel_spec() -> FunnelSpec {
    let data = [
        ("Ynys Môn", 410.0, 700.0),
        ("Cardiff", 2400.0, 3800.0),
        ("Merthyr Tydfil", 330.0, 620.0),
        (HOSTILE, 700.0, 950.0),
        ("Powys", 780.0, 1250.0),
    ];
    FunnelSpec {
        id: "funnel 1".into(),
        title: format!("Title {HOSTILE}"),
        x_label: "Pupils in the cohort".into(),
        y_label: "Pupils achieving the level (%)".into(),
        measure: Measure::Proportion,
        target: 0.62,
        polarity: Polarity::HigherIsBetter,
        points: data
            .iter()
            .map(|(name, k, n)| FunnelPoint {
                label: format!("<{}>", name.chars().take(4).collect::<String>()),
                name: name.to_string(),
                numerator: *k,
                denominator: *n,
            })
            .collect(),
        decimals: 1,
        words: Words::english(),
    }
}

fn element<'a>(doc: &'a roxmltree::Document, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

/// The circles of one colour.
fn circles(doc: &roxmltree::Document, fill: &str) -> usize {
    element(doc, "circle")
        .iter()
        .filter(|c| c.attribute("fill") == Some(fill))
        .count()
}

/// The lines drawn in one stroke colour: a polyline is one; a path (the lean SVG writes a run
/// of lines of one style as one path) is as many as its subpaths.
fn lines(doc: &roxmltree::Document, stroke: &str) -> usize {
    doc.descendants()
        .filter(|n| n.is_element() && n.attribute("stroke") == Some(stroke))
        .map(|n| match n.tag_name().name() {
            "polyline" | "line" => 1,
            "path" => n.attribute("d").unwrap_or("").matches('M').count(),
            _ => 0,
        })
        .sum()
}

/// The trimmed texts of the <text> elements.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    element(doc, "text")
        .iter()
        .map(|t| t.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Checks the root's accessible name and description, and returns the description.
fn check_root(doc: &roxmltree::Document, id: &str, title: &str) -> String {
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("id"), Some(id));
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some(format!("{id}-title {id}-desc").as_str())
    );
    let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(children[0].tag_name().name(), "title");
    assert_eq!(
        children[0].attribute("id"),
        Some(format!("{id}-title").as_str())
    );
    assert_eq!(children[0].text(), Some(title));
    assert_eq!(children[1].tag_name().name(), "desc");
    assert_eq!(
        children[1].attribute("id"),
        Some(format!("{id}-desc").as_str())
    );
    children[1].text().unwrap_or("").to_string()
}

#[test]
fn funnel_svg_structure_and_escaping() {
    let spec = funnel_spec();
    let chart = funnel_chart(&spec).unwrap();
    let doc = roxmltree::Document::parse(&chart.svg).expect("well-formed XML");
    // The control character became U+FFFD; the rest came back as written.
    let clean = HOSTILE.replace('\u{1}', "\u{FFFD}");
    let desc = check_root(&doc, "funnel-1", &format!("Title {clean}"));
    assert_eq!(desc, chart.alt_text.replace('\u{1}', "\u{FFFD}"));
    // One point per authority; those outside the 95% limits labelled with their short names,
    // the others not (their labels would overlap; the table names them).
    assert_eq!(circles(&doc, AUTHORITY), spec.points.len());
    let texts = texts(&doc);
    let mut labelled = 0;
    for (point, row) in spec.points.iter().zip(&chart.rows) {
        let label = point.label.replace('\u{1}', "\u{FFFD}");
        if row.placed.band == Band::Within {
            assert!(!texts.contains(&label), "label {label} in {texts:?}");
        } else {
            assert!(texts.contains(&label), "label {label} in {texts:?}");
            labelled += 1;
        }
    }
    assert!(
        labelled > 0 && labelled < spec.points.len(),
        "the test data has points inside and outside the limits"
    );
    // The title, the axis names and the legend are drawn.
    assert!(texts.contains(&format!("Title {clean}")));
    for want in [
        "Pupils in the cohort",
        "Pupils achieving the level (%)",
        "Wales",
        "95% limits",
        "99.8% limits",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
    // Percent ticks on the y axis: whole numbers or with a fixed number of decimals.
    assert!(texts.iter().any(|t| t == "60" || t == "60.0"), "{texts:?}");
    // The limit curves: two dashed (95%) and two solid (99.8%) paths besides the Wales line.
    assert_eq!(
        lines(&doc, "#AA1414"),
        3,
        "two 99.8% curves and the legend sample"
    );
    // The data: one row per authority; the alt text names the Wales value.
    assert_eq!(chart.rows.len(), 5);
    assert_eq!(chart.table.rows.len(), 5);
    assert!(
        chart.alt_text.contains("Wales value of 62.0%"),
        "{}",
        chart.alt_text
    );
    assert_eq!(
        chart.method,
        "Funnel limits: exact binomial with Spiegelhalter's interpolation, 95% and 99.8%, around the Wales value 62% (Spiegelhalter 2005)"
    );
    // Each row is the authority placed on the funnel.
    let cardiff = chart.rows.iter().find(|r| r.name == "Cardiff").unwrap();
    assert_eq!(
        cardiff.placed.outcome,
        pmf_stats::place(
            Measure::Proportion,
            0.62,
            Polarity::HigherIsBetter,
            2400.0,
            3800.0
        )
        .unwrap()
        .outcome
    );
}

#[test]
fn charts_are_deterministic() {
    let spec = funnel_spec();
    assert_eq!(funnel_chart(&spec).unwrap(), funnel_chart(&spec).unwrap());
    let trend = trend_spec();
    assert_eq!(trend_chart(&trend).unwrap(), trend_chart(&trend).unwrap());
    let multiples = multiples_spec(5, 3);
    assert_eq!(
        small_multiples(&multiples).unwrap().svg,
        small_multiples(&multiples).unwrap().svg
    );
}

#[test]
fn funnel_for_a_rate() {
    let spec = FunnelSpec {
        id: "rate".into(),
        title: "Admissions per 10,000".into(),
        x_label: "Population".into(),
        y_label: "Admissions per 10,000".into(),
        measure: Measure::PER_10000,
        target: 52.3,
        polarity: Polarity::None,
        points: vec![
            FunnelPoint {
                label: "A".into(),
                name: "A".into(),
                numerator: 120.0,
                denominator: 30_000.0,
            },
            FunnelPoint {
                label: "B".into(),
                name: "B".into(),
                numerator: 700.0,
                denominator: 95_000.0,
            },
            FunnelPoint {
                label: "C".into(),
                name: "C".into(),
                numerator: 160.0,
                denominator: 31_000.0,
            },
        ],
        decimals: 1,
        words: Words::english(),
    };
    let chart = funnel_chart(&spec).unwrap();
    assert!(chart.method.contains("exact Poisson"), "{}", chart.method);
    assert!(chart.method.contains("52.3 per 10,000"), "{}", chart.method);
    // A: 40.0 per 10,000 against an expected 156.9 events in 30,000: lower.
    assert_eq!(chart.rows[0].placed.outcome.english(), "lower than Wales");
    // B: 73.7 per 10,000 in 95,000: higher.
    assert_eq!(chart.rows[1].placed.outcome.english(), "higher than Wales");
    assert_eq!(chart.rows[2].placed.outcome.english(), "similar to Wales");
    let doc = roxmltree::Document::parse(&chart.svg).unwrap();
    assert_eq!(circles(&doc, AUTHORITY), 3);
    assert!(chart
        .table
        .columns
        .contains(&"value (per 10,000)".to_string()));
}

fn periods(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{}-{:02}", 2010 + i, (11 + i) % 100))
        .collect()
}

fn trend_spec() -> TrendSpec {
    TrendSpec {
        id: "trend".into(),
        title: "Rate & trend <Cardiff>".into(),
        y_label: "Rate per 10,000".into(),
        periods: periods(8),
        series: Series {
            name: "Cardiff".into(),
            values: vec![
                Some(50.0),
                Some(52.5),
                None,
                Some(49.0),
                Some(51.0),
                None,
                None,
                Some(55.0),
            ],
        },
        comparator: Some(Series {
            name: "Wales".into(),
            values: vec![
                Some(48.0),
                Some(49.0),
                Some(49.5),
                Some(50.0),
                Some(50.1),
                Some(50.2),
                Some(51.0),
                Some(52.0),
            ],
        }),
        breaks: vec![4],
        decimals: 1,
        words: Words::english(),
    }
}

#[test]
fn trend_gaps_breaks_and_text() {
    let spec = trend_spec();
    let chart = trend_chart(&spec).unwrap();
    let doc = roxmltree::Document::parse(&chart.svg).unwrap();
    let desc = check_root(&doc, "trend", "Rate & trend <Cardiff>");
    assert_eq!(desc, chart.alt_text);
    // A marker for each present value of each series.
    assert_eq!(circles(&doc, AUTHORITY), 5);
    assert_eq!(circles(&doc, COMPARATOR), 8);
    // Cardiff's line is broken at each gap: runs 0–1 and 3–4 are lines, 7 stands alone. Its
    // polylines: the two runs and the legend sample.
    assert_eq!(lines(&doc, AUTHORITY), 3);
    let texts = texts(&doc);
    assert!(texts.contains(&"Series break".to_string()), "{texts:?}");
    for period in &spec.periods {
        assert!(texts.contains(period), "{period} in {texts:?}");
    }
    assert!(
        chart.alt_text.contains("2012-13 no value"),
        "{}",
        chart.alt_text
    );
    assert!(
        chart.alt_text.contains("breaks before 2014-15"),
        "{}",
        chart.alt_text
    );
    assert_eq!(chart.rows.len(), 8);
    assert!(chart.rows[4].break_before && !chart.rows[3].break_before);
    assert_eq!(
        chart.table.columns,
        ["period", "Cardiff", "Wales", "series break before"]
    );
    assert_eq!(chart.table.rows[2], ["2012-13", "", "49.5", ""]);
    assert_eq!(chart.table.rows[4], ["2014-15", "51.0", "50.1", "yes"]);
}

fn multiples_spec(panels: usize, periods_count: usize) -> SmallMultiplesSpec {
    SmallMultiplesSpec {
        id: "grid".into(),
        title: "By authority".into(),
        y_label: "Percentage (%)".into(),
        periods: periods(periods_count),
        panels: (0..panels)
            .map(|p| Series {
                name: format!("Authority {p} <{p}>"),
                values: (0..periods_count)
                    .map(|i| (i != p % periods_count).then_some(40.0 + p as f64 + i as f64))
                    .collect(),
            })
            .collect(),
        comparator: Some(Series {
            name: "Wales".into(),
            values: (0..periods_count).map(|i| Some(45.0 + i as f64)).collect(),
        }),
        breaks: vec![],
        columns: 2,
        decimals: 0,
        words: Words::english(),
    }
}

#[test]
fn small_multiples_grid() {
    let spec = multiples_spec(5, 4);
    let chart = small_multiples(&spec).unwrap();
    let doc = roxmltree::Document::parse(&chart.svg).unwrap();
    check_root(&doc, "grid", "By authority");
    let texts = texts(&doc);
    for panel in &spec.panels {
        assert!(texts.contains(&panel.name), "{} in {texts:?}", panel.name);
    }
    // Each panel misses one value; the comparator is drawn in all five.
    assert_eq!(circles(&doc, AUTHORITY), 5 * 3);
    assert_eq!(circles(&doc, COMPARATOR), 5 * 4);
    // Three rows of 240 × 170 under a 64 pixel header, two columns.
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("480"));
    assert_eq!(
        root.attribute("height"),
        Some(format!("{}", 64 + 3 * 170).as_str())
    );
    assert_eq!(chart.rows.len(), 6 * 4);
    assert!(
        chart.alt_text.contains("5 small line charts"),
        "{}",
        chart.alt_text
    );
    assert!(
        chart
            .alt_text
            .contains("Authority 0 <0> 41 in 2011-12 to 43 in 2013-14"),
        "{}",
        chart.alt_text
    );
}

#[test]
fn bounds_and_errors() {
    let mut spec = funnel_spec();
    spec.points = (0..=MAX_POINTS)
        .map(|i| FunnelPoint {
            label: i.to_string(),
            name: i.to_string(),
            numerator: 1.0,
            denominator: 2.0,
        })
        .collect();
    assert_eq!(
        funnel_chart(&spec),
        Err(ChartError::TooManyPoints {
            count: MAX_POINTS + 1,
            max: MAX_POINTS
        })
    );
    let mut spec = funnel_spec();
    spec.points.clear();
    assert_eq!(
        funnel_chart(&spec),
        Err(ChartError::Empty { what: "points" })
    );
    let mut spec = funnel_spec();
    spec.points[2].denominator = 0.0;
    assert_eq!(
        funnel_chart(&spec),
        Err(ChartError::NotComputable {
            at: "Merthyr Tydfil".into(),
            reason: NotComputable::ZeroDenominator
        })
    );
    let mut spec = funnel_spec();
    spec.target = 1.0;
    assert_eq!(
        funnel_chart(&spec),
        Err(ChartError::Limits(NotComputable::TargetOutOfRange {
            target: 1.0
        }))
    );

    let mut trend = trend_spec();
    trend.series.values.pop();
    assert_eq!(
        trend_chart(&trend),
        Err(ChartError::LengthMismatch {
            series: "Cardiff".into(),
            expected: 8,
            found: 7
        })
    );
    let mut trend = trend_spec();
    trend.series.values[0] = Some(f64::NAN);
    assert!(matches!(
        trend_chart(&trend),
        Err(ChartError::NonFinite { .. })
    ));
    let mut trend = trend_spec();
    trend.breaks = vec![0];
    assert_eq!(
        trend_chart(&trend),
        Err(ChartError::BadBreak {
            index: 0,
            periods: 8
        })
    );
    let mut trend = trend_spec();
    trend.breaks = vec![8];
    assert!(matches!(
        trend_chart(&trend),
        Err(ChartError::BadBreak { .. })
    ));
    let mut trend = trend_spec();
    trend.periods.clear();
    assert_eq!(
        trend_chart(&trend),
        Err(ChartError::Empty { what: "periods" })
    );
    let mut trend = trend_spec();
    trend.periods = periods(MAX_POINTS);
    trend.series.values = vec![Some(1.0); MAX_POINTS];
    assert!(matches!(
        trend_chart(&trend),
        Err(ChartError::TooManyPoints { .. })
    ));

    assert!(matches!(
        small_multiples(&multiples_spec(101, 100)),
        Err(ChartError::TooManyPoints { .. })
    ));
    let mut grid = multiples_spec(3, 3);
    grid.columns = 0;
    assert_eq!(small_multiples(&grid), Err(ChartError::NoColumns));
    assert_eq!(
        small_multiples(&multiples_spec(0, 3)),
        Err(ChartError::Empty { what: "panels" })
    );
    // Errors read as sentences.
    assert_eq!(
        ChartError::BadBreak { index: 0, periods: 8 }.to_string(),
        "a series break at period index 0 is outside 1..8 (a break comes before a period other than the first)"
    );
}

#[test]
fn a_trend_with_no_value_at_all_still_draws() {
    let mut spec = trend_spec();
    spec.series.values = vec![None; 8];
    spec.comparator = None;
    spec.breaks.clear();
    spec.id = "2024 <x>".into();
    let chart = trend_chart(&spec).unwrap();
    let doc = roxmltree::Document::parse(&chart.svg).unwrap();
    check_root(&doc, "chart-2024--x-", "Rate & trend <Cardiff>");
    assert_eq!(circles(&doc, AUTHORITY), 0);
    assert!(chart.alt_text.contains("2010-11 no value"));
}

#[test]
fn csv_is_escaped() {
    let table = Table {
        columns: vec!["name".into(), "value".into()],
        rows: vec![
            vec!["Plain".into(), "1.5".into()],
            vec!["Comma, and \"quote\"".into(), "-2.0".into()],
            vec!["=HYPERLINK(\"x\")".into(), "line\nbreak".into()],
            vec!["-minus".into(), "@at".into()],
        ],
    };
    assert_eq!(
        table.to_csv(),
        "name,value\r\nPlain,1.5\r\n\"Comma, and \"\"quote\"\"\",-2.0\r\n\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak\"\r\n'-minus,'@at\r\n"
    );
}
