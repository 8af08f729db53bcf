//! Confidence intervals: Wilson score for a proportion, exact (Garwood) Poisson for a count and
//! for a rate per 10,000.

use std::fmt;

use crate::dist;

/// A two-sided confidence level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 95%: two-sided, 2.5% in each tail.
    P95,
    /// 99.8%: two-sided, 0.1% in each tail (about three standard deviations).
    P998,
}

impl Level {
    /// Both levels, the narrower first.
    pub const ALL: [Level; 2] = [Level::P95, Level::P998];

    /// The probability in each tail: 0.025 or 0.001.
    pub fn tail(self) -> f64 {
        match self {
            Level::P95 => 0.025,
            Level::P998 => 0.001,
        }
    }

    /// The standard normal quantile for the level: z with P(Z > z) = the tail
    /// (1.959963984540054 and 3.090232306167813).
    pub fn z(self) -> f64 {
        dist::normal_upper(self.tail())
    }

    /// The level as written in English and Welsh alike: "95%" or "99.8%".
    pub fn percent(self) -> &'static str {
        match self {
            Level::P95 => "95%",
            Level::P998 => "99.8%",
        }
    }
}

/// A confidence interval. `lower <= upper`, both finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The lower limit.
    pub lower: f64,
    /// The upper limit.
    pub upper: f64,
}

/// Why an interval (or a funnel limit) cannot be computed: the caller shows "not computable"
/// and, if it likes, the reason.
#[derive(Clone, Debug, PartialEq)]
pub enum NotComputable {
    /// A value that must be a finite number is not (NaN or infinite).
    NonFinite {
        /// Which input: "numerator", "denominator", "count", "population", "target".
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// A count or denominator below zero.
    Negative {
        /// Which input.
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// The denominator (or population) is zero: there is no proportion or rate.
    ZeroDenominator,
    /// The numerator is larger than the denominator of a proportion.
    NumeratorAboveDenominator {
        /// The numerator.
        numerator: f64,
        /// The denominator.
        denominator: f64,
    },
    /// The multiplier of a rate ("per 10,000") is zero.
    ZeroMultiplier,
    /// The exact binomial limits need a whole-number denominator.
    DenominatorNotWhole {
        /// The value given.
        denominator: f64,
    },
    /// The target of a funnel plot is outside the open range the method allows: (0, 1) for a
    /// proportion, above 0 for a rate.
    TargetOutOfRange {
        /// The target given.
        target: f64,
    },
    /// The input is too large for the exact method: a Poisson count above a billion, or a
    /// funnel denominator at which the counts' standard deviation passes 25,000 (no Welsh
    /// figure comes near either).
    TooLarge {
        /// Which input.
        what: &'static str,
        /// The value given.
        value: f64,
    },
}

impl fmt::Display for NotComputable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotComputable::NonFinite { what, value } => {
                write!(f, "the {what} is not a finite number ({value})")
            }
            NotComputable::Negative { what, value } => {
                write!(f, "the {what} is negative ({value})")
            }
            NotComputable::ZeroDenominator => write!(f, "the denominator is zero"),
            NotComputable::ZeroMultiplier => write!(f, "the multiplier of the rate is zero"),
            NotComputable::NumeratorAboveDenominator {
                numerator,
                denominator,
            } => write!(
                f,
                "the numerator ({numerator}) is larger than the denominator ({denominator})"
            ),
            NotComputable::DenominatorNotWhole { denominator } => write!(
                f,
                "the denominator ({denominator}) is not a whole number, which exact binomial limits need"
            ),
            NotComputable::TargetOutOfRange { target } => write!(
                f,
                "the target ({target}) is outside the range funnel limits allow (a proportion strictly between 0 and 1, a rate above 0)"
            ),
            NotComputable::TooLarge { what, value } => {
                write!(f, "the {what} ({value}) is too large for the exact method")
            }
        }
    }
}

impl std::error::Error for NotComputable {}

/// Refuses a value that is not finite or is negative.
pub(crate) fn check_count(what: &'static str, value: f64) -> Result<(), NotComputable> {
    if !value.is_finite() {
        return Err(NotComputable::NonFinite { what, value });
    }
    if value < 0.0 {
        return Err(NotComputable::Negative { what, value });
    }
    Ok(())
}

/// Refuses a rate's multiplier that is not a finite number above zero.
pub(crate) fn check_multiplier(per: f64) -> Result<(), NotComputable> {
    check_count("multiplier", per)?;
    if per == 0.0 {
        return Err(NotComputable::ZeroMultiplier);
    }
    Ok(())
}

/// The Wilson score interval for a proportion `numerator / denominator` (Wilson 1927; method 3
/// of Newcombe 1998):
///
/// ```text
/// centre = (k + z²/2) / (n + z²)
/// half   = z · √(k(n − k)/n + z²/4) / (n + z²)
/// ```
///
/// written so that no intermediate overflows however large `n` is. The interval lies in
/// [0, 1]; for `k = 0` the lower limit is exactly 0 and for `k = n` the upper limit exactly 1.
/// Counts need not be whole numbers (a weighted count is allowed).
///
/// Not computable for `n = 0`, `k > n`, a negative or non-finite input.
pub fn wilson(numerator: f64, denominator: f64, level: Level) -> Result<Interval, NotComputable> {
    check_count("numerator", numerator)?;
    check_count("denominator", denominator)?;
    if denominator == 0.0 {
        return Err(NotComputable::ZeroDenominator);
    }
    if numerator > denominator {
        return Err(NotComputable::NumeratorAboveDenominator {
            numerator,
            denominator,
        });
    }
    let (k, n) = (numerator, denominator);
    let z = level.z();
    let z2 = z * z;
    let scale = n + z2;
    let centre = (k + z2 / 2.0) / scale;
    // k(n − k)/n, as k · ((n − k)/n), never larger than n/4.
    let spread = k * ((n - k) / n);
    let half = z * (spread + z2 / 4.0).sqrt() / scale;
    let lower = if k == 0.0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let upper = if k == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Ok(Interval { lower, upper })
}

/// The largest count [`poisson_count`] takes: a billion events. The incomplete gamma function
/// takes time in proportion to the square root of the count, and no Welsh count comes near.
pub const MAX_POISSON_COUNT: f64 = 1e9;

/// The exact (Garwood 1936) confidence interval for a Poisson count `k`:
///
/// ```text
/// lower = ½ χ²(α/2; 2k)        (0 when k = 0)
/// upper = ½ χ²(1 − α/2; 2k + 2)
/// ```
///
/// with χ²(p; ν) the p quantile of the chi-square distribution on ν degrees of freedom, here
/// computed as the equivalent gamma quantiles (shape k and k + 1, scale 1) to full precision.
/// A count that is not a whole number is allowed (the formula extends continuously).
///
/// Not computable for a negative or non-finite count, or one above [`MAX_POISSON_COUNT`].
pub fn poisson_count(count: f64, level: Level) -> Result<Interval, NotComputable> {
    check_count("count", count)?;
    if count > MAX_POISSON_COUNT {
        return Err(NotComputable::TooLarge {
            what: "count",
            value: count,
        });
    }
    let tail = level.tail();
    let lower = if count == 0.0 {
        0.0
    } else {
        dist::gamma_lower_quantile(count, tail)
    };
    let upper = dist::gamma_upper_quantile(count + 1.0, tail);
    Ok(Interval { lower, upper })
}

/// The exact (Garwood) interval for a rate per 10,000 of a population: the interval of the
/// count ([`poisson_count`]) times 10,000 / population. The population is taken as known
/// exactly (the usual convention for mid-year estimates).
///
/// Not computable for a zero, negative or non-finite population, or a bad count.
pub fn poisson_rate_per_10000(
    count: f64,
    population: f64,
    level: Level,
) -> Result<Interval, NotComputable> {
    poisson_rate(count, population, 10_000.0, level)
}

/// The same as [`poisson_rate_per_10000`] per any multiplier (`per` = 1,000, 100,000, …).
pub fn poisson_rate(
    count: f64,
    population: f64,
    per: f64,
    level: Level,
) -> Result<Interval, NotComputable> {
    check_count("population", population)?;
    if population == 0.0 {
        return Err(NotComputable::ZeroDenominator);
    }
    check_multiplier(per)?;
    let count_interval = poisson_count(count, level)?;
    let scale = per / population;
    Ok(Interval {
        lower: count_interval.lower * scale,
        upper: count_interval.upper * scale,
    })
}
