//! What an indicator's formula gives: an inlay hint after each formula with the unit of the
//! result ("%", "per 10,000 of the population aged 18 or over"), and signature help inside
//! `percent(`, `rate(`, `average(` and `ratio(` that names the parameters and that unit.

use crate::world::Analysis;
use pmf_check::model::schema::{self, Function};
use pmf_syntax::source::FileId;

/// Signature help: the function called around the cursor, its documentation (with the unit
/// of the indicator's result), its parameters and the one the cursor is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub label: &'static str,
    pub doc: String,
    pub parameters: Vec<&'static str>,
    pub active: usize,
}

/// The signature help at an offset of a file.
pub fn signature(a: &Analysis, file: FileId, offset: usize) -> Option<Signature> {
    let (f, active) = call_at(a.text(file), offset)?;
    let mut doc = f.doc.to_string();
    if let Some(ind) = indicator_at(a, file, offset) {
        if let Some(u) = result_unit(a, &ind.code) {
            doc.push_str(&format!("\n\nThe result of {} is in: {u}", ind.code));
        }
    }
    Some(Signature {
        label: f.signature,
        doc,
        parameters: parameters(f.signature),
        active,
    })
}

/// (byte offset, label) for each indicator formula of a file whose result the IR knows.
pub fn formula_units(
    a: &Analysis,
    file: FileId,
    range: std::ops::Range<usize>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for ind in a
        .comp
        .decls
        .indicators
        .iter()
        .filter(|i| i.loc.file == file)
    {
        let Some(f) = &ind.formula else { continue };
        if f.span.end < range.start || f.span.start > range.end {
            continue;
        }
        let Some(unit) = result_unit(a, &ind.code) else {
            continue;
        };
        out.push((f.span.end, format!("→ {unit}")));
    }
    out
}

/// The unit an indicator's result is in, in words.
pub fn result_unit(a: &Analysis, code: &str) -> Option<String> {
    let ir = a.ir()?;
    let i = ir.indicators.iter().find(|i| i.code == code)?;
    Some(crate::hover::unit_words(ir, i))
}

/// The function call around the cursor on its line: the function and the parameter the
/// cursor is in.
pub fn call_at(text: &str, offset: usize) -> Option<(&'static Function, usize)> {
    let before = text.get(..offset.min(text.len()))?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..)?;
    let mut depth = 0i32;
    let mut commas = 0usize;
    for (i, c) in line.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let head = line.get(..i)?.trim_end();
                let name_start = head
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(0, |j| j + 1);
                let name = head.get(name_start..)?;
                let f = schema::FUNCTIONS.iter().find(|f| f.name == name)?;
                return Some((f, commas));
            }
            ',' if depth == 0 => commas += 1,
            _ => {}
        }
    }
    None
}

/// The indicator whose item holds an offset.
pub fn indicator_at(
    a: &Analysis,
    file: FileId,
    offset: usize,
) -> Option<&pmf_check::model::Indicator> {
    a.comp
        .decls
        .indicators
        .iter()
        .find(|i| i.loc.file == file && i.loc.span.start <= offset && offset <= i.loc.span.end)
}

/// The parameter names of a signature such as `percent(numerator, denominator)`.
pub fn parameters(sig: &'static str) -> Vec<&'static str> {
    sig.split_once('(')
        .and_then(|(_, r)| r.strip_suffix(')'))
        .map(|r| r.split(", ").collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_found_on_the_line() {
        let t = "  formula percent(AD/025, AD/0";
        let (f, p) = call_at(t, t.len()).expect("inside percent(");
        assert_eq!((f.name, p), ("percent", 1));
        let t = "  formula rate(AD/001 + (AD/002), ";
        assert_eq!(
            call_at(t, t.len()).map(|(f, p)| (f.name, p)),
            Some(("rate", 1))
        );
        assert!(call_at("  formula AD/001", 16).is_none());
        assert_eq!(
            parameters("rate(numerator, population, per)"),
            vec!["numerator", "population", "per"]
        );
    }
}
