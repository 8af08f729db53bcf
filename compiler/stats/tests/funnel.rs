//! Funnel limits: by hand from Spiegelhalter's formula for small cases, against scipy for many,
//! and the classification with polarity.

mod common;

use common::{close, numbers, scipy};
use pmf_stats::{
    funnel_limits, place, pooled, Band, Level, Measure, NotComputable, Outcome, Polarity,
};

/// Spiegelhalter's interpolated limit from a cumulative distribution given as a list:
/// r = the smallest value with F(r) ≥ p, α = (F(r) − p) / (F(r) − F(r − 1)), limit r − α.
fn by_hand(cdf: &[f64], p: f64) -> f64 {
    let r = cdf.iter().position(|&f| f >= p).expect("p reached");
    let below = if r == 0 { 0.0 } else { cdf[r - 1] };
    let alpha = (cdf[r] - p) / (cdf[r] - below);
    r as f64 - alpha
}

#[test]
fn binomial_limits_by_hand() {
    // Binomial(10, ½): F(r) = Σ C(10, j) / 1024 = 1, 11, 56, 176, 386, 638, 848, 968, 1013,
    // 1023, 1024 over 1024. For p = 0.025: r = 2, α = (56 − 25.6)/45, limit (2 − α)/10.
    let counts = [
        1.0, 11.0, 56.0, 176.0, 386.0, 638.0, 848.0, 968.0, 1013.0, 1023.0, 1024.0,
    ];
    let cdf: Vec<f64> = counts.iter().map(|c| c / 1024.0).collect();
    let limits = funnel_limits(Measure::Proportion, 0.5, 10.0).unwrap();
    close(
        limits.lower_95,
        (2.0 - 30.4 / 45.0) / 10.0,
        1e-12,
        "lower 95%",
    );
    close(
        limits.lower_95,
        by_hand(&cdf, 0.025) / 10.0,
        1e-12,
        "lower 95%",
    );
    close(
        limits.lower_998,
        by_hand(&cdf, 0.001) / 10.0,
        1e-12,
        "lower 99.8%",
    );
    close(limits.lower_998, 0.00024, 1e-12, "lower 99.8%");
    close(
        limits.upper_95,
        by_hand(&cdf, 0.975) / 10.0,
        1e-12,
        "upper 95%",
    );
    close(
        limits.upper_95,
        (8.0 - 14.6 / 45.0) / 10.0,
        1e-12,
        "upper 95%",
    );
    close(
        limits.upper_998,
        by_hand(&cdf, 0.999) / 10.0,
        1e-12,
        "upper 99.8%",
    );

    // Binomial(25, 0.2), F from the point probabilities C(25, j) 0.2^j 0.8^(25 − j).
    let n = 25u32;
    let p0: f64 = 0.2;
    let mut cdf = Vec::new();
    let mut sum = 0.0;
    for j in 0..=n {
        let choose: f64 = (0..j).map(|i| (n - i) as f64 / (i + 1) as f64).product();
        sum += choose * p0.powi(j as i32) * (1.0 - p0).powi((n - j) as i32);
        cdf.push(sum);
    }
    let limits = funnel_limits(Measure::Proportion, p0, 25.0).unwrap();
    for (ours, p) in [
        (limits.lower_998, 0.001),
        (limits.lower_95, 0.025),
        (limits.upper_95, 0.975),
        (limits.upper_998, 0.999),
    ] {
        close(
            ours,
            (by_hand(&cdf, p) / 25.0).max(0.0),
            1e-12,
            &format!("p = {p}"),
        );
    }
}

#[test]
fn poisson_limits_by_hand() {
    // A rate of 20 per 10,000 in a population of 1,000: R ~ Poisson(2),
    // P(R = j) = e^−2 2^j / j!.
    let mu: f64 = 2.0;
    let mut cdf = Vec::new();
    let mut sum = 0.0;
    let mut term = (-mu).exp();
    for j in 0..40 {
        if j > 0 {
            term *= mu / j as f64;
        }
        sum += term;
        cdf.push(sum);
    }
    let limits = funnel_limits(Measure::PER_10000, 20.0, 1_000.0).unwrap();
    let scale = 10_000.0 / 1_000.0;
    // p = 0.025 falls at r = 0 (F(0) = 0.135…), where r − α is negative: the limit is 0.
    assert!(by_hand(&cdf, 0.025) < 0.0);
    assert_eq!(limits.lower_95, 0.0);
    assert_eq!(limits.lower_998, 0.0);
    close(
        limits.upper_95,
        by_hand(&cdf, 0.975) * scale,
        1e-12,
        "upper 95%",
    );
    close(
        limits.upper_998,
        by_hand(&cdf, 0.999) * scale,
        1e-12,
        "upper 99.8%",
    );
    // r = 5 for 0.975 and r = 8 for 0.999.
    assert!(limits.upper_95 > 4.0 * scale && limits.upper_95 < 5.0 * scale);
    assert!(limits.upper_998 > 7.0 * scale && limits.upper_998 < 8.0 * scale);

    // Poisson(30): a lower limit above zero too.
    let limits = funnel_limits(Measure::PER_10000, 30.0, 10_000.0).unwrap();
    let mu: f64 = 30.0;
    let mut cdf = Vec::new();
    let mut sum = 0.0;
    let mut term = (-mu).exp();
    for j in 0..120 {
        if j > 0 {
            term *= mu / j as f64;
        }
        sum += term;
        cdf.push(sum);
    }
    for (ours, p) in [
        (limits.lower_998, 0.001),
        (limits.lower_95, 0.025),
        (limits.upper_95, 0.975),
        (limits.upper_998, 0.999),
    ] {
        close(
            ours,
            by_hand(&cdf, p),
            1e-10,
            &format!("Poisson(30) p = {p}"),
        );
    }
}

#[test]
fn binomial_and_poisson_limits_match_scipy() {
    let binomial = [
        (0.62, 10u64),
        (0.62, 57),
        (0.62, 1_234),
        (0.05, 300),
        (0.95, 812),
        (0.001, 5_000),
        (0.5, 100_000),
        (0.3, 2_500_000),
    ];
    let poisson = [
        (52.3, 1_000.0),
        (52.3, 38_000.0),
        (1.5, 60_000.0),
        (250.0, 350_000.0),
        (0.2, 3_100_000.0),
    ];
    let b: Vec<String> = binomial
        .iter()
        .map(|(p, n)| format!("({p}, {n})"))
        .collect();
    let q: Vec<String> = poisson.iter().map(|(r, n)| format!("({r}, {n})")).collect();
    let script = format!(
        "from scipy.stats import binom, poisson\n\
         def limit(dist, p):\n\
         \x20   r = dist.ppf(p)\n\
         \x20   alpha = (dist.cdf(r) - p) / dist.pmf(r)\n\
         \x20   return float(r - alpha)\n\
         for p0, n in [{}]:\n\
         \x20   d = binom(n, p0)\n\
         \x20   print(*[repr(max(0.0, limit(d, p) / n)) for p in (0.001, 0.025, 0.975, 0.999)])\n\
         for rate, n in [{}]:\n\
         \x20   d = poisson(rate / 10000 * n)\n\
         \x20   print(*[repr(max(0.0, limit(d, p) / n * 10000)) for p in (0.001, 0.025, 0.975, 0.999)])\n",
        b.join(", "),
        q.join(", ")
    );
    let Some(out) = scipy(&script) else { return };
    let rows = numbers(&out);
    assert_eq!(rows.len(), binomial.len() + poisson.len());
    let cases = binomial
        .iter()
        .map(|&(p, n)| (Measure::Proportion, p, n as f64))
        .chain(poisson.iter().map(|&(r, n)| (Measure::PER_10000, r, n)));
    for ((measure, target, n), row) in cases.zip(&rows) {
        let limits = funnel_limits(measure, target, n).unwrap();
        let ours = [
            limits.lower_998,
            limits.lower_95,
            limits.upper_95,
            limits.upper_998,
        ];
        for (i, (a, b)) in ours.iter().zip(row).enumerate() {
            // Proportions to 1e-9 absolute; rates relative to the rate.
            close(
                *a,
                *b,
                1e-9,
                &format!("{measure:?} {target} n={n} limit {i}"),
            );
        }
    }
}

#[test]
fn limits_narrow_as_the_denominator_grows() {
    let mut last = funnel_limits(Measure::Proportion, 0.62, 20.0).unwrap();
    for n in [50.0, 200.0, 1_000.0, 10_000.0, 1_000_000.0] {
        let now = funnel_limits(Measure::Proportion, 0.62, n).unwrap();
        assert!(
            now.lower_998 > last.lower_998 && now.upper_998 < last.upper_998,
            "n = {n}"
        );
        assert!(now.lower_998 < now.lower_95 && now.lower_95 < 0.62);
        assert!(0.62 < now.upper_95 && now.upper_95 < now.upper_998);
        last = now;
    }
    assert!((last.upper_998 - 0.62).abs() < 0.002);
}

#[test]
fn bands_and_outcomes_by_polarity() {
    // Binomial(10, ½) limits: 0.00024, 0.1324…, 0.7676…, 0.89976.
    let cases = [
        (9.0, Band::AboveUpper998),
        (8.0, Band::AboveUpper95),
        (5.0, Band::Within),
        (2.0, Band::Within),
        (1.0, Band::BelowLower95),
        (0.0, Band::BelowLower998),
    ];
    for (k, band) in cases {
        let placed = place(Measure::Proportion, 0.5, Polarity::None, k, 10.0).unwrap();
        assert_eq!(placed.band, band, "k = {k}");
        assert_eq!(placed.value, k / 10.0);
    }
    let at = |k: f64, polarity| {
        place(Measure::Proportion, 0.5, polarity, k, 10.0)
            .unwrap()
            .outcome
    };
    assert_eq!(
        at(9.0, Polarity::HigherIsBetter),
        Outcome::Better(Level::P998)
    );
    assert_eq!(
        at(9.0, Polarity::LowerIsBetter),
        Outcome::Worse(Level::P998)
    );
    assert_eq!(at(9.0, Polarity::None), Outcome::Higher(Level::P998));
    assert_eq!(
        at(8.0, Polarity::HigherIsBetter),
        Outcome::Better(Level::P95)
    );
    assert_eq!(
        at(1.0, Polarity::HigherIsBetter),
        Outcome::Worse(Level::P95)
    );
    assert_eq!(
        at(1.0, Polarity::LowerIsBetter),
        Outcome::Better(Level::P95)
    );
    assert_eq!(at(0.0, Polarity::None), Outcome::Lower(Level::P998));
    assert_eq!(at(5.0, Polarity::HigherIsBetter), Outcome::Similar);
    assert_eq!(at(5.0, Polarity::None), Outcome::Similar);

    assert_eq!(Outcome::Better(Level::P95).english(), "better than Wales");
    assert_eq!(Outcome::Worse(Level::P998).english(), "worse than Wales");
    assert_eq!(Outcome::Similar.english(), "similar to Wales");
    assert_eq!(Outcome::Higher(Level::P95).english(), "higher than Wales");
    assert_eq!(Outcome::Lower(Level::P95).english(), "lower than Wales");
    assert_eq!(Outcome::Lower(Level::P998).level(), Some(Level::P998));
    assert_eq!(Outcome::Similar.level(), None);
    assert_eq!(Band::AboveUpper95.english(), "above the upper 95% limit");
}

#[test]
fn bad_input_is_not_computable() {
    for target in [0.0, 1.0, -0.1, 1.5] {
        assert_eq!(
            funnel_limits(Measure::Proportion, target, 100.0),
            Err(NotComputable::TargetOutOfRange { target })
        );
    }
    assert!(matches!(
        funnel_limits(Measure::Proportion, f64::NAN, 100.0),
        Err(NotComputable::NonFinite { what: "target", .. })
    ));
    assert!(matches!(
        funnel_limits(Measure::PER_10000, 0.0, 100.0),
        Err(NotComputable::TargetOutOfRange { .. })
    ));
    assert_eq!(
        funnel_limits(Measure::Proportion, 0.5, 0.0),
        Err(NotComputable::ZeroDenominator)
    );
    assert_eq!(
        funnel_limits(Measure::Proportion, 0.5, 10.5),
        Err(NotComputable::DenominatorNotWhole { denominator: 10.5 })
    );
    assert!(matches!(
        funnel_limits(Measure::Proportion, 0.5, f64::INFINITY),
        Err(NotComputable::NonFinite { .. })
    ));
    assert!(matches!(
        funnel_limits(Measure::Proportion, 0.5, 1e13),
        Err(NotComputable::TooLarge { .. })
    ));
    assert!(matches!(
        funnel_limits(Measure::PER_10000, 50.0, 1e15),
        Err(NotComputable::TooLarge { .. })
    ));
    assert!(matches!(
        place(Measure::Proportion, 0.5, Polarity::None, 11.0, 10.0),
        Err(NotComputable::NumeratorAboveDenominator { .. })
    ));
    assert_eq!(
        funnel_limits(Measure::Rate { per: 0.0 }, 50.0, 100.0),
        Err(NotComputable::ZeroMultiplier)
    );
    assert!(matches!(
        place(
            Measure::Rate { per: f64::NAN },
            50.0,
            Polarity::None,
            1.0,
            100.0
        ),
        Err(NotComputable::NonFinite {
            what: "multiplier",
            ..
        })
    ));
    assert!(matches!(
        pmf_stats::poisson_rate(1.0, 100.0, -10.0, Level::P95),
        Err(NotComputable::Negative {
            what: "multiplier",
            ..
        })
    ));
    // A rate can have more events than people (repeat events).
    assert!(place(Measure::PER_10000, 50.0, Polarity::None, 11.0, 10.0).is_ok());
}

#[test]
fn pooled_is_sum_over_sum() {
    let pairs = [(10.0, 40.0), (30.0, 60.0)];
    assert_eq!(pooled(Measure::Proportion, &pairs), Ok(0.4));
    assert_eq!(pooled(Measure::PER_10000, &pairs), Ok(4_000.0));
    assert_eq!(
        pooled(Measure::Proportion, &[]),
        Err(NotComputable::ZeroDenominator)
    );
}
