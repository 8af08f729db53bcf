//! Writes a sample funnel plot, trend chart and small multiples to the directory given (for a
//! look in a browser): `cargo run -p pmf-stats --example charts -- /tmp/charts`.

use pmf_stats::chart::{
    funnel_chart, small_multiples, trend_chart, FunnelPoint, Series, SmallMultiplesSpec, TrendSpec,
    Words,
};
use pmf_stats::{Measure, Polarity};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: charts DIRECTORY")?;
    std::fs::create_dir_all(&dir)?;
    // Invented figures for the look of the charts, not real data.
    let names = [
        ("Ynys Môn", 410.0, 700.0),
        ("Gwynedd", 800.0, 1300.0),
        ("Conwy", 690.0, 1100.0),
        ("Denbighshire", 520.0, 950.0),
        ("Flintshire", 1000.0, 1600.0),
        ("Wrexham", 820.0, 1400.0),
        ("Powys", 780.0, 1250.0),
        ("Ceredigion", 380.0, 560.0),
        ("Pembrokeshire", 700.0, 1150.0),
        ("Carmarthenshire", 1150.0, 1900.0),
        ("Swansea", 1500.0, 2500.0),
        ("Neath Port Talbot", 800.0, 1400.0),
        ("Bridgend", 880.0, 1450.0),
        ("Vale of Glamorgan", 980.0, 1400.0),
        ("Rhondda Cynon Taf", 1500.0, 2600.0),
        ("Merthyr Tydfil", 330.0, 620.0),
        ("Caerphilly", 1100.0, 1900.0),
        ("Blaenau Gwent", 380.0, 700.0),
        ("Torfaen", 560.0, 950.0),
        ("Monmouthshire", 700.0, 950.0),
        ("Newport", 1050.0, 1800.0),
        ("Cardiff", 2400.0, 3800.0),
    ];
    let points: Vec<FunnelPoint> = names
        .iter()
        .map(|(name, k, n)| FunnelPoint {
            label: name.chars().take(4).collect(),
            name: name.to_string(),
            numerator: *k,
            denominator: *n,
        })
        .collect();
    let pairs: Vec<(f64, f64)> = names.iter().map(|(_, k, n)| (*k, *n)).collect();
    let target = pmf_stats::pooled(Measure::Proportion, &pairs)?;
    let funnel = funnel_chart(&pmf_stats::chart::FunnelSpec {
        id: "funnel".into(),
        title: "Pupils achieving the level, by authority".into(),
        x_label: "Pupils in the cohort".into(),
        y_label: "Pupils achieving the level (%)".into(),
        measure: Measure::Proportion,
        target,
        polarity: Polarity::HigherIsBetter,
        points,
        decimals: 1,
        words: Words::english(),
    })?;
    std::fs::write(format!("{dir}/funnel.svg"), &funnel.svg)?;
    std::fs::write(format!("{dir}/funnel.csv"), funnel.table.to_csv())?;
    let periods: Vec<String> = (2016..2025)
        .map(|y| format!("{y}-{:02}", (y + 1) % 100))
        .collect();
    let series = |base: f64, gap: Option<usize>| Series {
        name: String::new(),
        values: (0..periods.len())
            .map(|i| (Some(i) != gap).then_some(base + (i as f64 * 1.7).sin() * 4.0 + i as f64))
            .collect(),
    };
    let trend = trend_chart(&TrendSpec {
        id: "trend".into(),
        title: "Rate per 10,000, Cardiff and Wales".into(),
        y_label: "Rate per 10,000".into(),
        periods: periods.clone(),
        series: Series {
            name: "Cardiff".into(),
            ..series(50.0, Some(3))
        },
        comparator: Some(Series {
            name: "Wales".into(),
            ..series(47.0, None)
        }),
        breaks: vec![6],
        decimals: 1,
        words: Words::english(),
    })?;
    std::fs::write(format!("{dir}/trend.svg"), &trend.svg)?;
    let panels: Vec<Series> = names
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| Series {
            name: name.to_string(),
            ..series(40.0 + i as f64, if i % 5 == 0 { Some(i % 9) } else { None })
        })
        .collect();
    let multiples = small_multiples(&SmallMultiplesSpec {
        id: "multiples".into(),
        title: "Rate per 10,000 by authority".into(),
        y_label: "Rate per 10,000".into(),
        periods: periods.clone(),
        panels,
        comparator: Some(Series {
            name: "Wales".into(),
            ..series(47.0, None)
        }),
        breaks: vec![6],
        columns: 4,
        decimals: 1,
        words: Words::english(),
    })?;
    std::fs::write(format!("{dir}/multiples.svg"), &multiples.svg)?;
    println!(
        "{}\n\n{}\n\n{}",
        funnel.alt_text, trend.alt_text, multiples.alt_text
    );
    Ok(())
}
