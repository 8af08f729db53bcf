//! Evaluating indicator formulas. One definition, used by the compiler for worked examples and
//! by the validator for submissions; the generated backends follow the same rules.
//!
//! A code that is not a data item of its own (a partition reported only by its items) has the
//! sum of its items as its value. A missing input makes the result missing; a division by zero
//! makes it undefined.

use super::{Formula, Ir};

#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// These inputs have no value.
    Missing(Vec<String>),
    /// A denominator is zero.
    DivisionByZero,
}

impl Formula {
    /// Evaluates with `value` giving the value of a code or population name.
    pub fn eval(&self, value: &dyn Fn(&str) -> Option<f64>) -> Result<f64, EvalError> {
        let mut missing = Vec::new();
        let r = self.eval_inner(value, &mut missing);
        if !missing.is_empty() {
            missing.sort();
            missing.dedup();
            return Err(EvalError::Missing(missing));
        }
        r.ok_or(EvalError::DivisionByZero)
    }

    fn eval_inner(
        &self,
        value: &dyn Fn(&str) -> Option<f64>,
        missing: &mut Vec<String>,
    ) -> Option<f64> {
        let mut get = |name: &str| match value(name) {
            Some(v) => Some(v),
            None => {
                missing.push(name.to_string());
                Some(f64::NAN)
            }
        };
        let div = |a: f64, b: f64| if b == 0.0 { None } else { Some(a / b) };
        Some(match self {
            Formula::Number { value } => *value,
            Formula::Metric { code } => get(code)?,
            Formula::Population { id } => get(id)?,
            Formula::Add { lhs, rhs } => {
                lhs.eval_inner(value, missing)? + rhs.eval_inner(value, missing)?
            }
            Formula::Sub { lhs, rhs } => {
                lhs.eval_inner(value, missing)? - rhs.eval_inner(value, missing)?
            }
            Formula::Mul { lhs, rhs } => {
                lhs.eval_inner(value, missing)? * rhs.eval_inner(value, missing)?
            }
            Formula::Div { lhs, rhs } => div(
                lhs.eval_inner(value, missing)?,
                rhs.eval_inner(value, missing)?,
            )?,
            Formula::Neg { arg } => -arg.eval_inner(value, missing)?,
            Formula::Percent {
                numerator,
                denominator,
            } => {
                100.0
                    * div(
                        numerator.eval_inner(value, missing)?,
                        denominator.eval_inner(value, missing)?,
                    )?
            }
            Formula::Rate {
                numerator,
                population,
                per,
            } => {
                per * div(
                    numerator.eval_inner(value, missing)?,
                    population.eval_inner(value, missing)?,
                )?
            }
            Formula::Average {
                total: numerator,
                count: denominator,
            }
            | Formula::Ratio {
                numerator,
                denominator,
            } => div(
                numerator.eval_inner(value, missing)?,
                denominator.eval_inner(value, missing)?,
            )?,
        })
    }

    /// Every code and population name the formula reads, in order of appearance.
    pub fn inputs(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(&mut |f| match f {
            Formula::Metric { code } => out.push(code.clone()),
            Formula::Population { id } => out.push(id.clone()),
            _ => {}
        });
        let mut seen = std::collections::BTreeSet::new();
        out.retain(|x| seen.insert(x.clone()));
        out
    }

    pub fn walk(&self, f: &mut dyn FnMut(&Formula)) {
        f(self);
        match self {
            Formula::Number { .. } | Formula::Metric { .. } | Formula::Population { .. } => {}
            Formula::Neg { arg } => arg.walk(f),
            Formula::Add { lhs, rhs }
            | Formula::Sub { lhs, rhs }
            | Formula::Mul { lhs, rhs }
            | Formula::Div { lhs, rhs } => {
                lhs.walk(f);
                rhs.walk(f);
            }
            Formula::Percent {
                numerator,
                denominator,
            }
            | Formula::Ratio {
                numerator,
                denominator,
            } => {
                numerator.walk(f);
                denominator.walk(f);
            }
            Formula::Average { total, count } => {
                total.walk(f);
                count.walk(f);
            }
            Formula::Rate {
                numerator,
                population,
                ..
            } => {
                numerator.walk(f);
                population.walk(f);
            }
        }
    }
}

impl Ir {
    /// The data items whose values make up a code: itself if it is a data item, otherwise its
    /// items (a partition reported by its items only).
    pub fn expand(&self, code: &str) -> Vec<String> {
        if self.data_item(code).is_some() {
            return vec![code.to_string()];
        }
        match self.metric(code) {
            Some(m) => m
                .items
                .iter()
                .filter(|i| i.reserved.is_none())
                .map(|i| i.code.clone())
                .collect(),
            None => Vec::new(),
        }
    }
}

/// Rounds half away from zero to `decimals` places, as the guidance prints figures.
pub fn round(v: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}
