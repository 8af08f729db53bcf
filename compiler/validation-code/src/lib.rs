//! Generated validation code: SQL for PostgreSQL, SQLite and DuckDB, and a dependency-free
//! Python 3 module, each applying the IR's rules to tidy submissions with the same rule ids and
//! the same meaning as `pmf validate` (the differential test holds them to it).
//!
//! Invariants: rules and the definition of a value come only from the IR and
//! `validate::values`; nothing here decides what a rule means. Every spec text is written
//! through `escape`, so none can leave its comment or string.

pub mod escape;
pub mod sql;

use pmf_ir::authorities::AUTHORITIES;
use pmf_ir::Ir;
use pmf_ir::ValueType;
use pmf_return::values::{self, MAX_FIGURE_LEN, MAX_VALUE};
use serde_json::{json, Map, Value};

const PYTHON: &str = include_str!("pmf_validate.py");
const README: &str = include_str!("README.md");

/// The Python module: the static code with the spec's data in place of its marker.
pub fn python(ir: &Ir) -> String {
    let items: Map<String, Value> = ir
        .data_items
        .iter()
        .map(|d| {
            let vt = match d.value_type {
                ValueType::Whole => "whole",
                ValueType::Decimal => "decimal",
            };
            (d.code.clone(), json!(vt))
        })
        .collect();
    let authorities: Map<String, Value> = AUTHORITIES
        .iter()
        .map(|a| (a.code.to_string(), json!(a.name)))
        .collect();
    let words = pmf_words::Words::new(ir, pmf_ir::Lang::En);
    let rules: Vec<Value> = ir
        .rules
        .iter()
        .map(|r| {
            let (l, rr) = values::expanded_sides(ir, r);
            let side = |ts: &[pmf_ir::Term]| -> Vec<Value> {
                ts.iter().map(|t| json!([t.code, t.coef])).collect()
            };
            let target = match r.kind.is_about_one_value() {
                true => r.lhs.first().map(|t| t.code.clone()).unwrap_or_default(),
                false => String::new(),
            };
            json!([
                r.id,
                r.kind,
                r.severity.as_str(),
                words.rule_text(r),
                r.op.symbol(),
                r.tolerance,
                target,
                side(&l),
                side(&rr),
                side(
                    &values::expanded_sides(
                        ir,
                        &pmf_ir::Rule {
                            rhs: r.last_year.clone(),
                            ..r.clone()
                        }
                    )
                    .1
                ),
                r.change.map(|c| json!([c.percent, c.at_least]))
            ])
        })
        .collect();
    let spec = json!({
        "edition": ir.edition.id,
        "max_value": MAX_VALUE,
        "max_figure_len": MAX_FIGURE_LEN,
        "items": items,
        "populations": ir.populations.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
        "status_words": values::status_words(ir),
        "authorities": authorities,
        "rules": rules,
        "older": older(ir),
    });
    PYTHON.replacen(
        "# @@SPEC@@",
        &format!(
            "# The rules of edition {}, from the spec.\nSPEC = {}",
            escape::py_comment(&ir.edition.id),
            escape::py_value(&spec)
        ),
        1,
    )
}

/// For a last year's return of the edition this one supersedes (a year before this one's first):
/// that edition, this one's first year, and for each data item the older codes whose figures,
/// added together, it continues (an item with a new meaning is absent: it is not compared).
/// `None` (Python's None) when the edition supersedes none.
fn older(ir: &Ir) -> Value {
    let Some((old, first)) = ir.older() else {
        return Value::Null;
    };
    let steps: Map<String, Value> = ir
        .data_items
        .iter()
        .filter_map(|d| Some((d.code.clone(), json!(ir.continues_in(&d.code, old)?))))
        .collect();
    json!({"edition": old, "first_year": first, "steps": steps})
}

/// Every generated validation file, for `pmf build`.
pub fn artifacts(ir: &Ir) -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "validation/pmf_validation.sql".into(),
            sql::generate(ir).into_bytes(),
        ),
        ("validation/pmf_validate.py".into(), python(ir).into_bytes()),
        (
            "validation/README.md".into(),
            README
                .replace("{edition}", &escape::md_text(&ir.edition.id))
                .into_bytes(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn python_data_has_no_json_only_literals() {
        let ir = pmf_ir::Ir::default();
        let py = super::python(&ir);
        let data = py.split("SPEC = ").nth(1).unwrap_or_default();
        let data = data.split("\n\n").next().unwrap_or_default();
        for bad in ["null", "true", "false"] {
            assert!(!data.contains(bad), "{bad} in {data}");
        }
        assert!(!py.contains("@@SPEC@@"));
    }

    #[test]
    fn an_edition_id_stays_in_its_comment() {
        let mut ir = pmf_ir::Ir::default();
        ir.edition.id = "x\nimport os; os.system('echo pwned')\r\u{2028}#".into();
        ir.edition.title.en = "t\nDROP TABLE pmf_submission; --".into();
        let py = super::python(&ir);
        assert!(!py.lines().any(|l| l.starts_with("import os")), "{py}");
        let sql = super::sql::generate(&ir);
        assert!(!sql
            .lines()
            .any(|l| l.starts_with("DROP TABLE pmf_submission")));
        let readme = super::artifacts(&ir)
            .into_iter()
            .find(|(p, _)| p.ends_with("README.md"))
            .map(|(_, b)| String::from_utf8(b).unwrap_or_default())
            .unwrap_or_default();
        assert!(
            readme.starts_with(
                "# Validation code for edition x import os\\; os\\.system\\(\\'echo pwned\\'\\)"
            ),
            "{readme}"
        );
    }
}
