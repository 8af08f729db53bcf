//! The statistics and charts of the national comparison (the 22 Welsh local authorities and
//! Wales): confidence intervals, funnel plot limits and the classification of each authority,
//! and deterministic SVG charts that carry a text alternative, their data as rows and the
//! method as text.
//!
//! - [`interval`]: Wilson score interval for a proportion; exact (Garwood) Poisson interval for
//!   a count and a rate per 10,000; at 95% and 99.8% ([`Level`]).
//! - [`funnel`]: exact funnel limits with Spiegelhalter's interpolation (binomial for a
//!   proportion, Poisson for a rate), the [`Band`] a value falls in and its [`Outcome`] under a
//!   [`Polarity`] ("better than / similar to / worse than Wales", or "higher / lower" where no
//!   polarity is declared). The caller words an outcome; [`Outcome::english`] gives English.
//! - [`chart`]: a funnel plot, a trend line chart, small multiples of trend charts, as SVG drawn
//!   with plotters' SVG backend (no font file is read: text is written as SVG `<text>`).
//!
//! Nothing here panics on bad input: a value that cannot be computed is a [`NotComputable`]
//! with its reason, a chart that cannot be drawn a [`chart::ChartError`].
//!
//! The methods, formulas and references are in `compiler/doc/statistics.md`.

#![warn(missing_docs)]

pub mod chart;
mod dist;
pub mod funnel;
pub mod interval;

pub use funnel::{
    funnel_limits, place, pooled, Band, FunnelLimits, Measure, Outcome, Placed, Polarity,
};
pub use interval::{
    poisson_count, poisson_rate, poisson_rate_per_10000, wilson, Interval, Level, NotComputable,
    MAX_POISSON_COUNT,
};
