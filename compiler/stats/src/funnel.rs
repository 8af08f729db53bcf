//! Funnel plot limits (Spiegelhalter 2005, "Funnel plots for comparing institutional
//! performance", Statistics in Medicine 24:1185–1202) and the classification of each authority
//! against them.

use crate::dist::Span;
use crate::interval::{check_count, check_multiplier, Level, NotComputable};

/// What is compared: a proportion (numerator of a denominator) or a rate of events in a
/// population, expressed per `per` people.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// A proportion k/n. Values and targets are proportions in [0, 1] (charts show them as
    /// percentages).
    Proportion,
    /// A rate: events per `per` people of the population (10,000 for the national comparison).
    Rate {
        /// The multiplier: 10,000 for "per 10,000".
        per: f64,
    },
}

impl Measure {
    /// A rate per 10,000.
    pub const PER_10000: Measure = Measure::Rate { per: 10_000.0 };

    /// The value of numerator over denominator in this measure's units (a proportion, or a rate
    /// per `per`).
    pub fn value(self, numerator: f64, denominator: f64) -> Result<f64, NotComputable> {
        check_point(self, numerator, denominator)?;
        Ok(match self {
            Measure::Proportion => numerator / denominator,
            Measure::Rate { per } => numerator / denominator * per,
        })
    }
}

/// The direction in which a measure is better, when the guidance declares one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// A higher value is better.
    HigherIsBetter,
    /// A lower value is better.
    LowerIsBetter,
    /// No direction is declared: a difference is only higher or lower.
    None,
}

/// The four funnel limits at one denominator, in the measure's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunnelLimits {
    /// The lower 99.8% limit.
    pub lower_998: f64,
    /// The lower 95% limit.
    pub lower_95: f64,
    /// The upper 95% limit.
    pub upper_95: f64,
    /// The upper 99.8% limit.
    pub upper_998: f64,
}

impl FunnelLimits {
    /// The lower and upper limit at a level.
    pub fn at(&self, level: Level) -> (f64, f64) {
        match level {
            Level::P95 => (self.lower_95, self.upper_95),
            Level::P998 => (self.lower_998, self.upper_998),
        }
    }
}

/// The largest standard deviation of the counts for which exact limits are computed (the
/// distribution is laid out in full, about 40 standard deviations wide).
const MAX_SD: f64 = 25_000.0;

/// Refuses a target outside the range the method allows (and a bad multiplier).
fn check_target(measure: Measure, target: f64) -> Result<(), NotComputable> {
    let ok = match measure {
        Measure::Proportion => target > 0.0 && target < 1.0,
        Measure::Rate { per } => {
            check_multiplier(per)?;
            target > 0.0 && target.is_finite()
        }
    };
    if ok {
        Ok(())
    } else {
        Err(NotComputable::TargetOutOfRange { target })
    }
}

/// Refuses a bad numerator or denominator.
fn check_point(measure: Measure, numerator: f64, denominator: f64) -> Result<(), NotComputable> {
    if let Measure::Rate { per } = measure {
        check_multiplier(per)?;
    }
    check_count("numerator", numerator)?;
    check_count("denominator", denominator)?;
    if denominator == 0.0 {
        return Err(NotComputable::ZeroDenominator);
    }
    if measure == Measure::Proportion && numerator > denominator {
        return Err(NotComputable::NumeratorAboveDenominator {
            numerator,
            denominator,
        });
    }
    Ok(())
}

/// The funnel limits around `target` at denominator `denominator` (Spiegelhalter 2005,
/// appendix A.1.1, exact with interpolation):
///
/// - proportion: R ~ Binomial(n, p0) with p0 = target; for each tail probability p (0.001,
///   0.025, 0.975, 0.999) take r_p, the smallest r with P(R ≤ r) ≥ p, and
///   α = (P(R ≤ r_p) − p) / P(R = r_p); the limit is (r_p − α) / n. `n` must be a whole
///   number.
/// - rate per `per`: R ~ Poisson(λ0 · n) with λ0 = target / per; the same r_p and α; the limit
///   is (r_p − α) / n · per.
///
/// The interpolation turns the step function of the discrete quantile into a smooth curve
/// in n. When r_p is 0 the formula can go below 0; a lower limit is then 0.
///
/// Not computable for a target outside (0, 1) for a proportion or not above 0 for a rate, a
/// zero, negative, non-finite or (proportion) fractional denominator, or one so large that the
/// counts' standard deviation passes 25,000.
pub fn funnel_limits(
    measure: Measure,
    target: f64,
    denominator: f64,
) -> Result<FunnelLimits, NotComputable> {
    if !target.is_finite() {
        return Err(NotComputable::NonFinite {
            what: "target",
            value: target,
        });
    }
    check_target(measure, target)?;
    check_count("denominator", denominator)?;
    if denominator == 0.0 {
        return Err(NotComputable::ZeroDenominator);
    }
    let (span, scale) = match measure {
        Measure::Proportion => {
            if denominator.fract() != 0.0 {
                return Err(NotComputable::DenominatorNotWhole { denominator });
            }
            if denominator * target * (1.0 - target) > MAX_SD * MAX_SD || denominator > 1e15 {
                return Err(NotComputable::TooLarge {
                    what: "denominator",
                    value: denominator,
                });
            }
            (
                Span::binomial(denominator as u64, target),
                1.0 / denominator,
            )
        }
        Measure::Rate { per } => {
            let mu = target / per * denominator;
            if mu > MAX_SD * MAX_SD {
                return Err(NotComputable::TooLarge {
                    what: "denominator",
                    value: denominator,
                });
            }
            if mu <= 0.0 || !mu.is_finite() {
                return Err(NotComputable::TargetOutOfRange { target });
            }
            (Span::poisson(mu), per / denominator)
        }
    };
    let lower = |tail: f64| (span.lower(tail) * scale).max(0.0);
    let upper = |tail: f64| (span.upper(tail) * scale).max(0.0);
    Ok(FunnelLimits {
        lower_998: lower(Level::P998.tail()),
        lower_95: lower(Level::P95.tail()),
        upper_95: upper(Level::P95.tail()),
        upper_998: upper(Level::P998.tail()),
    })
}

/// Where a value falls against the funnel limits at its denominator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Above the upper 99.8% limit.
    AboveUpper998,
    /// Above the upper 95% limit, not above the upper 99.8% limit.
    AboveUpper95,
    /// Within the 95% limits (on a limit counts as within).
    Within,
    /// Below the lower 95% limit, not below the lower 99.8% limit.
    BelowLower95,
    /// Below the lower 99.8% limit.
    BelowLower998,
}

impl Band {
    /// The band of `value` against `limits`: strictly above or below a limit to be outside it.
    pub fn of(value: f64, limits: &FunnelLimits) -> Band {
        if value > limits.upper_998 {
            Band::AboveUpper998
        } else if value > limits.upper_95 {
            Band::AboveUpper95
        } else if value < limits.lower_998 {
            Band::BelowLower998
        } else if value < limits.lower_95 {
            Band::BelowLower95
        } else {
            Band::Within
        }
    }

    /// The band in English: "above the upper 99.8% limit", …, "within the 95% limits".
    pub fn english(self) -> &'static str {
        match self {
            Band::AboveUpper998 => "above the upper 99.8% limit",
            Band::AboveUpper95 => "above the upper 95% limit",
            Band::Within => "within the 95% limits",
            Band::BelowLower95 => "below the lower 95% limit",
            Band::BelowLower998 => "below the lower 99.8% limit",
        }
    }

    /// The outcome this band means under a polarity.
    pub fn outcome(self, polarity: Polarity) -> Outcome {
        let (above, level) = match self {
            Band::Within => return Outcome::Similar,
            Band::AboveUpper998 => (true, Level::P998),
            Band::AboveUpper95 => (true, Level::P95),
            Band::BelowLower95 => (false, Level::P95),
            Band::BelowLower998 => (false, Level::P998),
        };
        match (polarity, above) {
            (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => {
                Outcome::Better(level)
            }
            (Polarity::HigherIsBetter, false) | (Polarity::LowerIsBetter, true) => {
                Outcome::Worse(level)
            }
            (Polarity::None, true) => Outcome::Higher(level),
            (Polarity::None, false) => Outcome::Lower(level),
        }
    }
}

/// An authority compared with Wales: better or worse where the measure has a declared polarity,
/// higher or lower where it has none, similar within the 95% limits. The level says which
/// limits it is outside of (the widest it passes). The caller words it; [`Outcome::english`]
/// gives the English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Outside the limits in the better direction.
    Better(Level),
    /// Within the 95% limits.
    Similar,
    /// Outside the limits in the worse direction.
    Worse(Level),
    /// Above the upper limit, no polarity declared.
    Higher(Level),
    /// Below the lower limit, no polarity declared.
    Lower(Level),
}

impl Outcome {
    /// The outcome in English: "better than Wales", "similar to Wales", "worse than Wales",
    /// "higher than Wales", "lower than Wales" (the level is not worded; see
    /// [`Outcome::level`]).
    pub fn english(self) -> &'static str {
        match self {
            Outcome::Better(_) => "better than Wales",
            Outcome::Similar => "similar to Wales",
            Outcome::Worse(_) => "worse than Wales",
            Outcome::Higher(_) => "higher than Wales",
            Outcome::Lower(_) => "lower than Wales",
        }
    }

    /// The widest limits the value is outside of, or None when similar.
    pub fn level(self) -> Option<Level> {
        match self {
            Outcome::Similar => None,
            Outcome::Better(level)
            | Outcome::Worse(level)
            | Outcome::Higher(level)
            | Outcome::Lower(level) => Some(level),
        }
    }
}

/// One authority placed on a funnel plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The value, in the measure's units.
    pub value: f64,
    /// The limits at the authority's denominator.
    pub limits: FunnelLimits,
    /// The band it falls in.
    pub band: Band,
    /// What that means under the polarity.
    pub outcome: Outcome,
}

/// Places numerator/denominator against the funnel around `target`: its value, the limits at
/// its denominator, its band and its outcome.
pub fn place(
    measure: Measure,
    target: f64,
    polarity: Polarity,
    numerator: f64,
    denominator: f64,
) -> Result<Placed, NotComputable> {
    let value = measure.value(numerator, denominator)?;
    let limits = funnel_limits(measure, target, denominator)?;
    let band = Band::of(value, &limits);
    Ok(Placed {
        value,
        limits,
        band,
        outcome: band.outcome(polarity),
    })
}

/// The pooled value of a set of (numerator, denominator) pairs, Σk / Σn in the measure's units:
/// the Wales value when the authorities make up Wales.
pub fn pooled(measure: Measure, pairs: &[(f64, f64)]) -> Result<f64, NotComputable> {
    let mut k = 0.0;
    let mut n = 0.0;
    for &(numerator, denominator) in pairs {
        check_point(measure, numerator, denominator)?;
        k += numerator;
        n += denominator;
    }
    measure.value(k, n)
}
