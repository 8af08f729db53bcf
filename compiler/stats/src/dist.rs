//! The distributions the intervals and funnel limits need, on statrs' special functions.
//!
//! statrs' own `inverse_cdf` for the gamma distribution stops after a few bisection and Newton
//! steps (about 1e-9 relative, not always better), so quantiles here are found by bisection to
//! the last bit on the regularised incomplete gamma function, working on whichever tail is the
//! smaller, where it has full relative precision.

use statrs::function::{erf, factorial, gamma};

/// The standard normal quantile with upper tail `tail`: `z` such that `P(Z > z) = tail`.
pub(crate) fn normal_upper(tail: f64) -> f64 {
    // Φ⁻¹(1 − t) = √2 · erfc⁻¹(2t)
    std::f64::consts::SQRT_2 * erf::erfc_inv(2.0 * tail)
}

/// Bisection on an increasing function `f` for `f(x) = target`, `lo < x ≤ hi`, to the last bit.
fn bisect(f: impl Fn(f64) -> f64, target: f64, mut lo: f64, mut hi: f64) -> f64 {
    for _ in 0..2200 {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        if f(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// `x` with `P(a, x) = p` (lower regularised incomplete gamma), for `a > 0`, `0 < p < 1`:
/// the `p` quantile of Gamma(shape `a`, scale 1).
pub(crate) fn gamma_lower_quantile(a: f64, p: f64) -> f64 {
    let mut hi = a.max(1.0);
    while gamma::gamma_lr(a, hi) < p {
        hi *= 2.0;
    }
    bisect(|x| gamma::gamma_lr(a, x), p, 0.0, hi)
}

/// `x` with `Q(a, x) = q` (upper regularised incomplete gamma), for `a > 0`, `0 < q < 1`:
/// the `1 − q` quantile of Gamma(shape `a`, scale 1), without forming `1 − q`.
pub(crate) fn gamma_upper_quantile(a: f64, q: f64) -> f64 {
    let mut hi = a.max(1.0);
    while gamma::gamma_ur(a, hi) > q {
        hi *= 2.0;
    }
    // Q decreases in x: bisect on −Q, which increases.
    bisect(|x| -gamma::gamma_ur(a, x), -q, 0.0, hi)
}

/// The probabilities of a discrete distribution on 0, 1, 2, … over the span where it has any
/// mass that counts: `pmf[i] = P(R = start + i)`; the mass outside the span is below 1e-25.
pub(crate) struct Span {
    start: u64,
    pmf: Vec<f64>,
}

impl Span {
    /// Binomial(n, p0), 0 < p0 < 1, n ≥ 1.
    pub(crate) fn binomial(n: u64, p0: f64) -> Span {
        let nf = n as f64;
        let mean = nf * p0;
        let sd = (mean * (1.0 - p0)).sqrt();
        let (lo, hi) = span_bounds(mean, sd, n);
        let mode = ((nf + 1.0) * p0).floor().clamp(lo as f64, hi as f64) as u64;
        let ln_mode = factorial::ln_binomial(n, mode)
            + mode as f64 * p0.ln()
            + (n - mode) as f64 * (-p0).ln_1p();
        let odds = p0 / (1.0 - p0);
        // P(j + 1) = P(j) · (n − j)/(j + 1) · p0/(1 − p0)
        Span::from_mode(lo, hi, mode, ln_mode.exp(), |j| {
            (n - j) as f64 / (j as f64 + 1.0) * odds
        })
    }

    /// Poisson(mu), mu > 0.
    pub(crate) fn poisson(mu: f64) -> Span {
        let sd = mu.sqrt();
        let (lo, hi) = span_bounds(mu, sd, u64::MAX);
        let mode = mu.floor().clamp(lo as f64, hi as f64) as u64;
        let m = mode as f64;
        let ln_mode = m * mu.ln() - mu - gamma::ln_gamma(m + 1.0);
        // P(j + 1) = P(j) · μ/(j + 1)
        Span::from_mode(lo, hi, mode, ln_mode.exp(), |j| mu / (j as f64 + 1.0))
    }

    /// Fills the span outward from the mode with `ratio(j) = P(j + 1)/P(j)`.
    fn from_mode(lo: u64, hi: u64, mode: u64, at_mode: f64, ratio: impl Fn(u64) -> f64) -> Span {
        let len = (hi - lo + 1) as usize;
        let mut pmf = vec![0.0; len];
        let m = (mode - lo) as usize;
        pmf[m] = at_mode;
        for i in m + 1..len {
            pmf[i] = pmf[i - 1] * ratio(lo + i as u64 - 1);
        }
        for i in (0..m).rev() {
            let r = ratio(lo + i as u64);
            pmf[i] = if r > 0.0 { pmf[i + 1] / r } else { 0.0 };
        }
        Span { start: lo, pmf }
    }

    /// Spiegelhalter's interpolated quantile (2005, appendix A.1.1) for a lower tail `p`
    /// (0 < p < ½): with `r` the smallest value with P(R ≤ r) ≥ p,
    /// `α = (P(R ≤ r) − p) / P(R = r)`, and the result `r − α`.
    pub(crate) fn lower(&self, p: f64) -> f64 {
        let mut cumulative = 0.0;
        for (i, &point) in self.pmf.iter().enumerate() {
            cumulative += point;
            if cumulative >= p {
                let alpha = if point > 0.0 {
                    ((cumulative - p) / point).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                return (self.start + i as u64) as f64 - alpha;
            }
        }
        (self.start + self.pmf.len() as u64 - 1) as f64
    }

    /// The same for the upper tail `q` (0 < q < ½), that is for `p = 1 − q`, computed on the
    /// upper tail so that `1 − q` is never formed: `r` is the smallest value with
    /// P(R > r) ≤ q, and `α = (q − P(R > r)) / P(R = r)`.
    pub(crate) fn upper(&self, q: f64) -> f64 {
        // above = P(R > start + i) while walking down.
        let mut above = 0.0;
        for i in (0..self.pmf.len()).rev() {
            let point = self.pmf[i];
            // P(R > start + i − 1) = above + point: if that still is ≤ q, r is lower still.
            if i > 0 && above + point <= q {
                above += point;
                continue;
            }
            let alpha = if point > 0.0 {
                ((q - above) / point).clamp(0.0, 1.0)
            } else {
                0.0
            };
            return (self.start + i as u64) as f64 - alpha;
        }
        self.start as f64
    }
}

/// The span of a distribution with this mean and standard deviation on 0..=max: 20 standard
/// deviations and 40 values beyond the mean on either side. By Bernstein's inequality the mass
/// of a binomial or Poisson distribution beyond it, at most exp(−t²/(2(σ² + t/3))) for a
/// distance t, is below 1e-25: far under what the quantiles can see.
fn span_bounds(mean: f64, sd: f64, max: u64) -> (u64, u64) {
    let lo = (mean - 20.0 * sd - 40.0).floor();
    let hi = (mean + 20.0 * sd + 40.0).ceil();
    let lo = if lo <= 0.0 { 0 } else { lo as u64 };
    let hi = if hi >= max as f64 { max } else { hi as u64 };
    (lo, hi)
}
