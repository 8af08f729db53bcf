//! Confidence intervals against scipy (computed independently, to 1e-9) and against published
//! values.

mod common;

use common::{close, numbers, scipy};
use pmf_stats::{
    poisson_count, poisson_rate_per_10000, wilson, Level, NotComputable, MAX_POISSON_COUNT,
};

const PAIRS: [(u64, u64); 12] = [
    (81, 263),
    (15, 148),
    (0, 20),
    (1, 29),
    (20, 20),
    (1, 1),
    (0, 1),
    (500, 1000),
    (3, 100_000),
    (123_456, 3_100_000),
    (7, 9),
    (999_999, 1_000_000),
];

#[test]
fn wilson_matches_scipy() {
    let pairs: Vec<String> = PAIRS.iter().map(|(k, n)| format!("({k}, {n})")).collect();
    let script = format!(
        "from scipy.stats import binomtest\n\
         for k, n in [{}]:\n\
         \x20   for c in (0.95, 0.998):\n\
         \x20       ci = binomtest(k, n).proportion_ci(confidence_level=c, method='wilson')\n\
         \x20       print(k, n, repr(float(ci.low)), repr(float(ci.high)))\n",
        pairs.join(", ")
    );
    let Some(out) = scipy(&script) else { return };
    let rows = numbers(&out);
    assert_eq!(rows.len(), PAIRS.len() * 2);
    for (row, level) in rows.iter().zip([Level::P95, Level::P998].iter().cycle()) {
        let (k, n) = (row[0], row[1]);
        let ours = wilson(k, n, *level).expect("computable");
        close(
            ours.lower,
            row[2],
            1e-9,
            &format!("Wilson lower {k}/{n} {level:?}"),
        );
        close(
            ours.upper,
            row[3],
            1e-9,
            &format!("Wilson upper {k}/{n} {level:?}"),
        );
    }
}

#[test]
fn garwood_matches_scipy() {
    let counts = [
        0.0,
        1.0,
        2.0,
        3.0,
        4.0,
        5.0,
        10.0,
        37.0,
        250.0,
        9_876.0,
        1_234_567.0,
    ];
    let list: Vec<String> = counts.iter().map(|k| format!("{k}")).collect();
    let script = format!(
        "from scipy.stats import chi2\n\
         for k in [{}]:\n\
         \x20   for t in (0.025, 0.001):\n\
         \x20       lo = chi2.ppf(t, 2 * k) / 2 if k > 0 else 0.0\n\
         \x20       hi = chi2.isf(t, 2 * k + 2) / 2\n\
         \x20       print(k, repr(float(lo)), repr(float(hi)))\n",
        list.join(", ")
    );
    let Some(out) = scipy(&script) else { return };
    let rows = numbers(&out);
    assert_eq!(rows.len(), counts.len() * 2);
    for (row, level) in rows.iter().zip([Level::P95, Level::P998].iter().cycle()) {
        let ours = poisson_count(row[0], *level).expect("computable");
        // Relative to the value: the limits of a large count are large.
        let rel = |a: f64, b: f64, what: &str| {
            let scale = a.abs().max(b.abs()).max(f64::MIN_POSITIVE);
            assert!((a - b).abs() <= 1e-9 * scale, "{what}: {a} against {b}");
        };
        if row[0] == 0.0 {
            assert_eq!(ours.lower, 0.0);
        } else {
            rel(
                ours.lower,
                row[1],
                &format!("Garwood lower {} {level:?}", row[0]),
            );
        }
        rel(
            ours.upper,
            row[2],
            &format!("Garwood upper {} {level:?}", row[0]),
        );
    }
}

/// Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
/// seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score method without
/// continuity correction), 95%, to the four decimals printed there.
#[test]
fn wilson_matches_newcombe_1998() {
    let published = [
        (81.0, 263.0, 0.2553, 0.3662),
        (15.0, 148.0, 0.0624, 0.1605),
        (0.0, 20.0, 0.0000, 0.1611),
        (1.0, 29.0, 0.0061, 0.1718),
    ];
    for (k, n, lower, upper) in published {
        let ours = wilson(k, n, Level::P95).unwrap();
        assert!(
            (ours.lower - lower).abs() < 0.00005,
            "{k}/{n} lower {}",
            ours.lower
        );
        assert!(
            (ours.upper - upper).abs() < 0.00005,
            "{k}/{n} upper {}",
            ours.upper
        );
    }
}

/// Exact (Garwood 1936) 95% limits for 0 to 5 events as printed in the usual tables of Poisson
/// confidence limits to three or four decimals (for example the upper limit 3.689 for no event
/// that the documentation of R's epitools::pois.exact quotes; the others are the standard
/// tabulated values 0.0253–5.572, 0.2422–7.225, 0.6187–8.767, 1.0899–10.242, 1.6235–11.668).
#[test]
fn garwood_matches_published_table() {
    let published = [
        (0.0, 0.0, 3.689),
        (1.0, 0.0253, 5.572),
        (2.0, 0.2422, 7.225),
        (3.0, 0.6187, 8.767),
        (4.0, 1.0899, 10.242),
        (5.0, 1.6235, 11.668),
    ];
    for (k, lower, upper) in published {
        let ours = poisson_count(k, Level::P95).unwrap();
        assert!(
            (ours.lower - lower).abs() < 0.00005,
            "{k} lower {}",
            ours.lower
        );
        assert!(
            (ours.upper - upper).abs() < 0.0005,
            "{k} upper {}",
            ours.upper
        );
    }
}

#[test]
fn z_values_are_the_normal_quantiles() {
    // Φ⁻¹(0.975) and Φ⁻¹(0.999), to 15 significant digits (Abramowitz and Stegun, Table 26.5).
    assert!((Level::P95.z() - 1.959_963_984_540_05).abs() < 1e-13);
    assert!((Level::P998.z() - 3.090_232_306_167_81).abs() < 1e-13);
}

#[test]
fn edges_of_wilson() {
    let zero = wilson(0.0, 50.0, Level::P95).unwrap();
    assert_eq!(zero.lower, 0.0);
    assert!(zero.upper > 0.0 && zero.upper < 1.0);
    let all = wilson(50.0, 50.0, Level::P998).unwrap();
    assert_eq!(all.upper, 1.0);
    assert!(all.lower > 0.0 && all.lower < 1.0);
    assert_eq!(
        wilson(0.0, 0.0, Level::P95),
        Err(NotComputable::ZeroDenominator)
    );
    assert!(matches!(
        wilson(5.0, 4.0, Level::P95),
        Err(NotComputable::NumeratorAboveDenominator { .. })
    ));
    assert!(matches!(
        wilson(f64::NAN, 4.0, Level::P95),
        Err(NotComputable::NonFinite {
            what: "numerator",
            ..
        })
    ));
    assert!(matches!(
        wilson(1.0, f64::INFINITY, Level::P95),
        Err(NotComputable::NonFinite {
            what: "denominator",
            ..
        })
    ));
    assert!(matches!(
        wilson(-1.0, 4.0, Level::P95),
        Err(NotComputable::Negative { .. })
    ));
    // Huge n: no overflow, the interval is tight around the proportion.
    let huge = wilson(3e299, 1e300, Level::P95).unwrap();
    assert!((huge.lower - 0.3).abs() < 1e-12 && (huge.upper - 0.3).abs() < 1e-12);
    assert!(huge.lower <= 0.3 && 0.3 <= huge.upper);
    let huge_zero = wilson(0.0, 1e300, Level::P95).unwrap();
    assert_eq!(huge_zero.lower, 0.0);
    assert!(huge_zero.upper > 0.0 && huge_zero.upper < 1e-290);
    // The 99.8% interval contains the 95% one.
    let narrow = wilson(30.0, 90.0, Level::P95).unwrap();
    let wide = wilson(30.0, 90.0, Level::P998).unwrap();
    assert!(wide.lower < narrow.lower && narrow.upper < wide.upper);
}

#[test]
fn edges_of_poisson() {
    assert!(matches!(
        poisson_count(f64::NAN, Level::P95),
        Err(NotComputable::NonFinite { what: "count", .. })
    ));
    assert!(matches!(
        poisson_count(-3.0, Level::P95),
        Err(NotComputable::Negative { .. })
    ));
    assert!(matches!(
        poisson_count(MAX_POISSON_COUNT * 2.0, Level::P95),
        Err(NotComputable::TooLarge { .. })
    ));
    assert_eq!(
        poisson_rate_per_10000(3.0, 0.0, Level::P95),
        Err(NotComputable::ZeroDenominator)
    );
    assert!(matches!(
        poisson_rate_per_10000(3.0, f64::NAN, Level::P95),
        Err(NotComputable::NonFinite {
            what: "population",
            ..
        })
    ));
    // A rate is the count's interval scaled: 12 events in 48,000 people.
    let count = poisson_count(12.0, Level::P95).unwrap();
    let rate = poisson_rate_per_10000(12.0, 48_000.0, Level::P95).unwrap();
    assert!((rate.lower - count.lower * 10_000.0 / 48_000.0).abs() < 1e-12);
    assert!((rate.upper - count.upper * 10_000.0 / 48_000.0).abs() < 1e-12);
    // The largest count allowed still computes, and brackets the count.
    let big = poisson_count(MAX_POISSON_COUNT, Level::P998).unwrap();
    assert!(big.lower < MAX_POISSON_COUNT && MAX_POISSON_COUNT < big.upper);
}
