//! Welsh for the wording the IR holds only in English because the compiler composed it from
//! structure: formulas in words, the units of indicators, and the messages of the validation
//! rules implied by structure. Composed here from the same structure, with the wording from the
//! translation table, so a Welsh guidance does not list them as untranslated.
//!
//! Invariant: used only for Welsh; the English guidance prints the IR's own wording.

use super::view::{number, Ctx};
use pmf_ir::{Formula, Indicator, Op, Rule, RuleKind, RuleOrigin, Term};

/// `10,000`.
fn thousands(v: f64) -> String {
    let s = number(v);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s.clone(), String::new()),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(*c);
    }
    out + &frac
}

fn population(cx: &Ctx, id: &str) -> String {
    match cx.ir.populations.iter().find(|p| p.id == id) {
        Some(p) => {
            let label = cx.text(&p.label, &format!("population {id} · label"));
            cx.link_to(&format!("population:{id}"), &label)
        }
        None => cx.m.esc(id),
    }
}

/// A formula in Welsh words (markup).
pub fn formula(cx: &Ctx, f: &Formula) -> String {
    let open = cx.m.esc("(");
    let close = cx.m.esc(")");
    // Brackets only around what is not a single code, name or number.
    let wrap = |f: &Formula| {
        let inner = formula(cx, f);
        match f {
            Formula::Number { .. } | Formula::Metric { .. } | Formula::Population { .. } => inner,
            _ => format!("{open}{inner}{close}"),
        }
    };
    let bin = |lhs: &Formula, op: &str, rhs: &Formula| {
        format!("{}{}{}", wrap(lhs), cx.m.esc(op), wrap(rhs))
    };
    match f {
        Formula::Number { value } => cx.m.esc(&thousands(*value)),
        Formula::Metric { code } => cx.code(code),
        Formula::Population { id } => population(cx, id),
        Formula::Add { lhs, rhs } => bin(lhs, " + ", rhs),
        Formula::Sub { lhs, rhs } => bin(lhs, " − ", rhs),
        Formula::Mul { lhs, rhs } => bin(lhs, " × ", rhs),
        Formula::Div { lhs, rhs } => bin(lhs, " ÷ ", rhs),
        Formula::Neg { arg } => format!("{}{}", cx.m.esc("−"), wrap(arg)),
        Formula::Percent {
            numerator,
            denominator,
        } => cx.tf(
            "formula_percent",
            &[("n", &wrap(numerator)), ("d", &wrap(denominator))],
        ),
        Formula::Rate {
            numerator,
            population,
            per,
        } => cx.tf(
            "formula_rate",
            &[
                ("n", &wrap(numerator)),
                ("per", &cx.m.esc(&thousands(*per))),
                ("population", &formula(cx, population)),
            ],
        ),
        Formula::Average { total, count } => bin(total, " ÷ ", count),
        Formula::Ratio {
            numerator,
            denominator,
        } => bin(numerator, " ÷ ", denominator),
    }
}

/// The unit of an indicator's result in Welsh, when it can be composed.
pub fn unit(cx: &Ctx, i: &Indicator) -> Option<String> {
    match &i.formula {
        Formula::Percent { .. } => Some(cx.m.esc("%")),
        Formula::Rate {
            population, per, ..
        } => Some(cx.tf(
            "unit_rate",
            &[
                ("per", &cx.m.esc(&thousands(*per))),
                ("population", &formula(cx, population)),
            ],
        )),
        _ => None,
    }
}

fn terms(cx: &Ctx, t: &[Term]) -> String {
    cx.terms(t)
}

/// The message of a rule implied by structure, in Welsh; `None` for a rule written in the spec
/// (its message is the author's).
pub fn rule(cx: &Ctx, r: &Rule) -> Option<String> {
    if r.origin != RuleOrigin::Structure {
        return None;
    }
    let code = r.lhs.first().map(|t| cx.code(&t.code)).unwrap_or_default();
    let vt = r
        .value_type
        .map(|v| super::view::tag(&v))
        .unwrap_or_else(|| "whole".into());
    Some(match r.kind {
        RuleKind::Value => cx.tf(&format!("rule_value_{vt}"), &[("code", &code)]),
        RuleKind::Required => cx.tf("rule_required", &[("code", &code)]),
        RuleKind::Partition | RuleKind::Exclusive if r.lhs.len() > 1 => {
            let first = cx.code(&r.lhs[0].code);
            let last = cx.code(&r.lhs[r.lhs.len() - 1].code);
            let key = if r.kind == RuleKind::Partition {
                "rule_items_eq"
            } else {
                "rule_items_le"
            };
            cx.tf(
                key,
                &[
                    ("metric", &cx.code(&r.metric)),
                    ("first", &first),
                    ("last", &last),
                    ("rhs", &terms(cx, &r.rhs)),
                ],
            )
        }
        _ => {
            let key = match r.op {
                Op::Le => "rule_le",
                Op::Ge => "rule_ge",
                Op::Eq => "rule_eq",
                Op::Lt => "rule_lt",
                Op::Gt => "rule_gt",
                Op::Ne => "rule_ne",
            };
            cx.tf(
                key,
                &[("lhs", &terms(cx, &r.lhs)), ("rhs", &terms(cx, &r.rhs))],
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(10000.0), "10,000");
        assert_eq!(thousands(100.0), "100");
        assert_eq!(thousands(1234567.5), "1,234,567.5");
    }
}
