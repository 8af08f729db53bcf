//! Submission templates: the XLSX workbook an officer fills in, the tidy CSV and JSON forms for
//! systems, and the JSON Schema of the JSON form. All read the IR only, and can be prefilled
//! from a submission (last year's return, or an export from a case management system).
//!
//! Invariant: the same IR and fill give byte-identical files; text from a submission is never
//! written where a spreadsheet would run it as a formula.

pub mod csv;
pub mod json;
mod strings;
pub mod xlsx;

use pmf_ir::Ir;
use pmf_return::submission::{Contact, Raw, Submission};
use pmf_return::values;
use std::collections::BTreeMap;

/// What a template is filled with.
#[derive(Clone, Debug, Default)]
pub struct Fill<'a> {
    pub submission: Option<&'a Submission>,
    /// An authority's ONS code, overriding the submission's.
    pub authority: Option<String>,
    /// A period, overriding the submission's.
    pub period: Option<String>,
    /// The language of the workbook's words (`pmf template --lang cy`); the spec's texts are
    /// shown in it where they have it, in English otherwise.
    pub lang: pmf_ir::Lang,
}

/// One value of a template, prefilled.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub raw: Raw,
    pub status: Option<String>,
    pub comment: Option<String>,
}

/// A fill reduced to what a template holds: the first row of each known code.
#[derive(Clone, Debug, Default)]
pub struct Filled {
    pub authority: String,
    pub period: String,
    pub contact: Contact,
    pub cells: BTreeMap<String, Cell>,
    pub exceptions: Vec<(String, String)>,
}

impl Filled {
    pub fn of(ir: &Ir, fill: &Fill) -> Filled {
        let mut f = Filled::default();
        if let Some(s) = fill.submission {
            f.authority = values::trim(&s.authority).to_string();
            f.period = values::trim(&s.period).to_string();
            f.contact = s.contact.clone();
            for e in &s.entries {
                let known = ir.data_item(&e.code).is_some()
                    || ir.populations.iter().any(|p| p.id == e.code);
                if known && !f.cells.contains_key(&e.code) {
                    f.cells.insert(
                        e.code.clone(),
                        Cell {
                            raw: e.raw.clone(),
                            status: e.status.clone(),
                            comment: e.comment.clone(),
                        },
                    );
                }
            }
            f.exceptions = s
                .exceptions
                .iter()
                .map(|x| (x.rule.clone(), x.explanation.clone()))
                .collect();
        }
        if let Some(a) = &fill.authority {
            f.authority = a.clone();
        }
        if let Some(p) = &fill.period {
            f.period = p.clone();
        }
        f
    }

    /// The fill as a submission, in template order, for computing the results the template's
    /// formulas show before a spreadsheet recalculates.
    pub fn submission(&self, ir: &Ir) -> Submission {
        use pmf_return::submission::{Entry, Exception, Place, Site};
        let mut s = Submission::new("template");
        s.authority = self.authority.clone();
        s.period = self.period.clone();
        let codes = ir
            .data_items
            .iter()
            .map(|d| d.code.as_str())
            .chain(ir.populations.iter().map(|p| p.id.as_str()));
        for code in codes {
            let c = self.cells.get(code);
            s.entries.push(Entry {
                code: code.to_string(),
                raw: c.map(|c| c.raw.clone()).unwrap_or(Raw::Blank),
                status: c.and_then(|c| c.status.clone()),
                comment: c.and_then(|c| c.comment.clone()),
                site: Site::new("template", Place::File),
            });
        }
        s.exceptions = self
            .exceptions
            .iter()
            .map(|(r, e)| Exception {
                rule: r.clone(),
                explanation: e.clone(),
                site: Site::new("template", Place::File),
            })
            .collect();
        s
    }
}

/// A text made safe for a cell of a CSV file that a spreadsheet may open: a text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula, so it gets a
/// leading apostrophe (figures such as -3 are left alone).
pub fn defuse(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && values::parse_figure(text).is_none() {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Every template, for `pmf build`.
pub fn artifacts(ir: &Ir) -> Vec<(String, Vec<u8>)> {
    let fill = Fill::default();
    let mut out = vec![
        (
            "templates/submission-template.csv".to_string(),
            csv::template(ir, &fill).into_bytes(),
        ),
        (
            "templates/submission-template.json".to_string(),
            json::template(ir, &fill).into_bytes(),
        ),
        (
            "templates/submission.schema.json".to_string(),
            json::schema(ir).into_bytes(),
        ),
    ];
    match xlsx::template(ir, &fill) {
        Ok(bytes) => out.push(("templates/submission-template.xlsx".to_string(), bytes)),
        Err(e) => out.push((
            "templates/submission-template.xlsx.error.txt".to_string(),
            format!("the XLSX template could not be made: {e}\n").into_bytes(),
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_figures_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+44 29 2000"), "'+44 29 2000");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-1+2"), "'-1+2");
        assert_eq!(defuse("-3"), "-3");
        assert_eq!(defuse("12"), "12");
        assert_eq!(defuse("plain"), "plain");
    }
}
