//! The embedded engine's side of `pmf compute` that needs no engine: the job handed to the
//! `pmf-engine` program (DuckDB, `compiler/src/engine/main.rs`) and its answer read back.
//!
//! Why a second program: DuckDB is a 70 MB C++ library. Linked into `pmf` it would be loaded
//! at every start of every command (about 7 ms and 13 MB here, BENCHMARKS.md), and `pmf
//! validate` would no longer run where the library is not; `pmf-engine` alone links it, and
//! `pmf compute` starts it only to count.
//!
//! The job (`write_job`) is the DuckDB script (`sql::Dialect::DuckDb`) that `pmf build`
//! publishes, with the checked records streamed in front of it, so that the figures of `pmf
//! compute` and of the published SQL come from the same query:
//!
//! ```text
//! pmf-engine job 1                       the protocol and its version
//! {"tables": [{"table": "pmf_raw_0",     one JSON line: each table's CREATE statement and
//!   "create": "CREATE TABLE ...",        its row count, then the script run once they are
//!   "rows": 2}],                         loaded, and the query whose rows are the figures
//!  "script": "...", "query": "..."}
//! W06000001,c1,2020-04-01 09:00:00       the rows of each table in turn, as CSV (RFC 4180;
//! W06000001,c2,                          an empty field is a missing value)
//! ```
//!
//! The answer on standard output is CSV without a header: authority, data item code, value.

use crate::date::Period;
use crate::files::Records;
use crate::sql::{self, Dialect};
use pmf_ir::records::FieldType;
use pmf_ir::Ir;
use std::collections::BTreeMap;
use std::io::Write;

/// The first line of a job, so that a job of another version is refused, not misread.
pub const JOB_HEADER: &str = "pmf-engine job 1";

/// The figures: authority → data item code → value.
pub type Figures = BTreeMap<String, BTreeMap<String, u64>>;

/// Writes the job of counting `loaded` for `period` by the rules of `ir`.
pub fn write_job(
    ir: &Ir,
    period: &Period,
    loaded: &[Records],
    out: &mut (impl Write + ?Sized),
) -> Result<(), String> {
    let d = Dialect::DuckDb;
    let mut tables = Vec::new();
    let mut script = String::new();
    for (n, r) in loaded.iter().enumerate() {
        let rec = ir
            .records
            .iter()
            .find(|x| x.id == r.kind)
            .ok_or_else(|| format!("no record kind `{}`", r.kind))?;
        let raw = format!("pmf_raw_{n}");
        let mut cols = vec![format!("{} VARCHAR", d.ident("authority"))];
        cols.extend(
            rec.fields
                .iter()
                .map(|f| format!("{} VARCHAR", d.ident(&f.id))),
        );
        tables.push(serde_json::json!({
            "table": raw,
            "create": format!("CREATE TABLE {raw} ({});", cols.join(", ")),
            "columns": cols.len(),
            "rows": r.rows.len(),
        }));
        // The values were checked (files::check) and written in the forms these casts read.
        let mut select = vec![d.ident("authority")];
        select.extend(rec.fields.iter().map(|f| {
            let ty = match f.ty {
                FieldType::Date => "DATE",
                FieldType::Datetime => "TIMESTAMP",
                FieldType::Number => "DOUBLE",
                _ => "VARCHAR",
            };
            format!("CAST({c} AS {ty}) AS {c}", c = d.ident(&f.id))
        }));
        script.push_str(&format!(
            "CREATE TABLE {} AS SELECT {} FROM {raw};\nDROP TABLE {raw};\n",
            d.ident(&rec.id),
            select.join(", ")
        ));
    }
    script.push_str(&sql::prelude(ir, d, period)?);
    let query = sql::query(ir, d)?.unwrap_or_default();
    let header = serde_json::json!({ "tables": tables, "script": script, "query": query });
    let fail = |e: std::io::Error| format!("the job could not be handed to pmf-engine: {e}");
    writeln!(out, "{JOB_HEADER}").map_err(fail)?;
    writeln!(out, "{header}").map_err(fail)?;
    // Flexible: each table has its own number of columns.
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_writer(out);
    for r in loaded {
        for (_, values) in &r.rows {
            w.write_record(values.iter().map(|v| v.as_deref().unwrap_or("")))
                .map_err(|e| format!("the job could not be handed to pmf-engine: {e}"))?;
        }
    }
    w.flush().map_err(fail)?;
    Ok(())
}

/// Reads the engine's answer. Every authority in the records has an entry: one with nothing
/// counted has zeros, as the query gives them.
pub fn read_figures(answer: &[u8]) -> Result<Figures, String> {
    let mut figures = Figures::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(answer);
    for (n, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("pmf-engine's answer, line {}: {e}", n + 1))?;
        let (Some(authority), Some(code), Some(value), 3) =
            (row.get(0), row.get(1), row.get(2), row.len())
        else {
            return Err(format!(
                "pmf-engine's answer, line {}: not three fields",
                n + 1
            ));
        };
        let value: i64 = value.parse().map_err(|_| {
            format!(
                "pmf-engine's answer, line {}: `{}` is not a whole number",
                n + 1,
                value.escape_debug()
            )
        })?;
        figures
            .entry(authority.to_string())
            .or_default()
            .insert(code.to_string(), value.max(0) as u64);
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_and_bad_ones_refused() {
        let f =
            read_figures(b"W06000001,AD/001,12\nW06000001,AD/002,0\nW06000002,AD/001,3\n").unwrap();
        assert_eq!(f["W06000001"]["AD/001"], 12);
        assert_eq!(f["W06000002"]["AD/001"], 3);
        assert!(read_figures(b"W06000001,AD/001\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(read_figures(b"W06000001,AD/001,1.5\n")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(read_figures(b"").unwrap().is_empty());
    }
}
