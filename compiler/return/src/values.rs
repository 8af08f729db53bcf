//! What a value in a submission means: the one definition every backend follows (this
//! validator, the generated SQL and Python, and the formulas in the XLSX template), written
//! out in `compiler/doc/validation.md`.
//!
//! - A cell is *blank* when it holds nothing but spaces.
//! - In text (CSV, a JSON string) a *figure* is written `-?[0-9]+(\.[0-9]+)?` after removing
//!   spaces at both ends, at most 30 characters; anything else ("1,000", "1e3", "n/a") is text.
//!   In a workbook a figure is a number cell; a text cell is text even if it looks like a number.
//! - A figure is *valid* for its data item when it is 0 or more, at most [`MAX_VALUE`], and a
//!   whole number when the item is whole. Only valid figures are *usable* by comparisons.
//! - A *status* is recognised when, spaces removed and ASCII letters lowered, it equals the id
//!   or the label of a missing-value status.

use pmf_ir::ValueType;
use pmf_ir::{Ir, MissingStatus, Rule, Term};

/// The largest figure accepted. No count or total of one authority comes near it; beyond it a
/// figure is a typing error (or 1e308), and sums stay exact in every backend.
pub const MAX_VALUE: f64 = 999_999_999.0;

/// The longest text read as a figure.
pub const MAX_FIGURE_LEN: usize = 30;

/// Removes spaces (only spaces: SQL's `trim` does the same) at both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(' ')
}

/// Reads a figure written as text, by the strict syntax above.
pub fn parse_figure(text: &str) -> Option<f64> {
    let t = trim(text);
    if t.is_empty() || t.len() > MAX_FIGURE_LEN {
        return None;
    }
    let body = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    t.parse().ok()
}

/// Whether a figure is valid for a data item of this value type.
pub fn is_valid(v: f64, value_type: ValueType) -> bool {
    v.is_finite()
        && (0.0..=MAX_VALUE).contains(&v)
        && (value_type == ValueType::Decimal || v.fract() == 0.0)
}

/// What is wrong with a figure that is not valid, in words an officer understands (English).
pub fn why_invalid(v: f64, value_type: ValueType) -> String {
    why_invalid_in(v, value_type, &pmf_words::Table::messages(pmf_ir::Lang::En))
}

/// What is wrong with a figure that is not valid, in the language of `words` (the messages
/// table).
pub fn why_invalid_in(v: f64, value_type: ValueType, words: &pmf_words::Table) -> String {
    let key = if !v.is_finite() || v > MAX_VALUE {
        "value.too_large"
    } else if v < 0.0 {
        "value.negative"
    } else if value_type == ValueType::Whole && v.fract() != 0.0 {
        "value.not_whole"
    } else {
        "value.not_accepted"
    };
    words.fill(key, &[("value", &show(v))])
}

/// Lowers ASCII letters only, as SQLite's `lower` does.
pub fn fold(s: &str) -> String {
    trim(s).to_ascii_lowercase()
}

/// The missing-value status a text names, by id or label.
pub fn status<'a>(ir: &'a Ir, text: &str) -> Option<&'a MissingStatus> {
    let t = fold(text);
    if t.is_empty() {
        return None;
    }
    ir.missing_statuses
        .iter()
        .find(|s| fold(&s.id) == t || fold(&s.label.en) == t)
}

/// The texts a status cell may hold, folded: every id and label.
pub fn status_words(ir: &Ir) -> Vec<String> {
    let mut out = Vec::new();
    for s in &ir.missing_statuses {
        for w in [fold(&s.id), fold(&s.label.en)] {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// A rule's two sides with every code a data item: a code reported only by its items (a
/// partition without a total) stands for the sum of those items.
pub fn expanded_sides(ir: &Ir, rule: &Rule) -> (Vec<Term>, Vec<Term>) {
    let side = |terms: &[Term]| -> Vec<Term> {
        let mut out = Vec::new();
        for t in terms {
            let codes = ir.expand(&t.code);
            if codes.is_empty() {
                // Not a data item and nothing to expand to: keep it, so the rule reads a code
                // no submission has and is never evaluated, the same way in every backend.
                out.push(t.clone());
            }
            for c in codes {
                out.push(Term {
                    code: c,
                    coef: t.coef,
                });
            }
        }
        out
    };
    (side(&rule.lhs), side(&rule.rhs))
}

/// A number as an officer writes it: no trailing zeros, no exponent for ordinary sizes.
pub fn show(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else {
            "infinity".into()
        };
    }
    if v.abs() >= 1e15 {
        return format!("{v:e}");
    }
    // Most figures are whole numbers: printed as integers they skip the exact float formatting,
    // a twentieth of a validation's time (the same text: no decimals to trim, "-0" as "0").
    if v.fract() == 0.0 {
        return (v as i64).to_string();
    }
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_strict_syntax() {
        for (t, v) in [
            ("12", Some(12.0)),
            (" 12 ", Some(12.0)),
            ("-3", Some(-3.0)),
            ("12.50", Some(12.5)),
            ("0", Some(0.0)),
            ("007", Some(7.0)),
            ("1e3", None),
            ("1,000", None),
            ("12.", None),
            (".5", None),
            ("+5", None),
            ("", None),
            ("-", None),
            ("n/a", None),
            ("\t12", None),
            ("1234567890123456789012345678901", None),
        ] {
            assert_eq!(parse_figure(t), v, "{t:?}");
        }
    }

    #[test]
    fn validity_by_value_type() {
        assert!(is_valid(0.0, ValueType::Whole));
        assert!(is_valid(12.0, ValueType::Whole));
        assert!(!is_valid(12.5, ValueType::Whole));
        assert!(is_valid(12.5, ValueType::Decimal));
        assert!(!is_valid(-1.0, ValueType::Decimal));
        assert!(!is_valid(1e308, ValueType::Decimal));
        assert!(!is_valid(f64::NAN, ValueType::Decimal));
        assert!(is_valid(MAX_VALUE, ValueType::Whole));
        assert!(why_invalid(1e308, ValueType::Whole).contains("far too large"));
        assert_eq!(why_invalid(-2.0, ValueType::Whole), "-2 is negative");
    }

    #[test]
    fn numbers_are_shown_plainly() {
        assert_eq!(show(12.0), "12");
        assert_eq!(show(12.25), "12.25");
        assert_eq!(show(-0.0), "0");
        assert_eq!(show(1e308), "1e308");
        assert_eq!(show(0.1 + 0.2), "0.3");
    }
}
