//! The embedded engine's side of `pmf compute` that needs no engine: the job handed to the
//! `pmf-engine` program (DuckDB, `compiler/src/engine/main.rs`) and its answer read back.
//!
//! Why a second program: DuckDB is a 70 MB C++ library. Linked into `pmf` it would be loaded
//! at every start of every command (about 7 ms and 13 MB here, BENCHMARKS.md), and `pmf
//! validate` would no longer run where the library is not; `pmf-engine` alone links it, and
//! `pmf compute` starts it only to count.
//!
//! The job is the DuckDB script (`sql::Dialect::DuckDb`) that `pmf build` publishes, with the
//! checked records streamed in front of it as they are checked, so that the figures of `pmf
//! compute` and of the published SQL come from the same query, and no record is held by `pmf`:
//!
//! ```text
//! pmf-engine job 2                       the protocol and its version
//! {"tables": [{"table": "pmf_raw_0",     one JSON line: each table's CREATE statement; the
//!   "create": "CREATE TABLE ...",        checks that need every row at once (a key twice, a
//!   "columns": 4}],                      reference to nothing); the script run once the
//!  "checks": [{"label": "duplicate",     tables are loaded, and the query whose rows are
//!    "sql": "SELECT ..."}],              the figures
//!  "script": "...", "query": "..."}
//! 2,W06000001,c1,2020-04-01 09:00:00     the rows of each table in turn, as CSV (RFC 4180;
//! 3,W06000001,c2,                        an empty field is a missing value), each row's
//! \.                                     number in its file first; `\.` ends a table
//! count                                  `count`, or `check` when pmf found problems and
//!                                        wants only the checks' findings
//! ```
//!
//! The answer on standard output is CSV without a header, each line labelled: the checks'
//! findings (`duplicate,...`, `dangling,...`), then the figures (`figure,authority,code,value`).

use crate::date::Period;
use crate::files::Row;
use crate::sql::{self, Dialect};
use pmf_ir::records::{FieldType, RecordType};
use pmf_ir::Ir;
use std::collections::BTreeMap;
use std::io::Write;

/// The first line of a job, so that a job of another version is refused, not misread.
pub const JOB_HEADER: &str = "pmf-engine job 2";

/// The line that ends a table's rows: one field, where a row has at least two (its number and
/// the authority).
pub const END_OF_TABLE: &str = "\\.";

/// The last line of a job: count the records, or only check them.
pub const COUNT: &str = "count";
pub const CHECK_ONLY: &str = "check";

/// At most this many findings of each check are answered.
pub const MAX_FINDINGS: usize = 200;

/// The figures: authority → data item code → value.
pub type Figures = BTreeMap<String, BTreeMap<String, u64>>;

/// A job being written: the header first, then each table's rows as they are checked.
pub struct Job<W: Write> {
    out: csv::Writer<W>,
    number: String,
}

fn fail(e: impl std::fmt::Display) -> String {
    format!("the job could not be handed to pmf-engine: {e}")
}

impl<W: Write> Job<W> {
    /// Starts the job of counting the records of `kinds` (one table each, in this order) for
    /// `period` by the rules of `ir`.
    pub fn start(
        ir: &Ir,
        period: &Period,
        kinds: &[&RecordType],
        mut out: W,
    ) -> Result<Self, String> {
        let d = Dialect::DuckDb;
        let mut tables = Vec::new();
        let mut script = String::new();
        for (n, rec) in kinds.iter().enumerate() {
            let raw = format!("pmf_raw_{n}");
            let mut cols = vec![
                format!("{} VARCHAR", d.ident("pmf_row")),
                format!("{} VARCHAR", d.ident("authority")),
            ];
            cols.extend(
                rec.fields
                    .iter()
                    .map(|f| format!("{} VARCHAR", d.ident(&f.id))),
            );
            tables.push(serde_json::json!({
                "table": raw,
                "create": format!("CREATE TABLE {raw} ({});", cols.join(", ")),
                "columns": cols.len(),
            }));
            // The values were checked (files::check_file) and written in the forms these
            // casts read.
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
        let header = serde_json::json!({
            "tables": tables,
            "checks": checks(kinds),
            "script": script,
            "query": query,
        });
        writeln!(out, "{JOB_HEADER}").map_err(fail)?;
        writeln!(out, "{header}").map_err(fail)?;
        Ok(Job {
            // Flexible: each table has its own number of columns, and the end of a table one.
            out: csv::WriterBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_writer(out),
            number: String::new(),
        })
    }

    /// One checked row of the current table, with its number in its file.
    pub fn row(&mut self, number: usize, row: &Row) -> Result<(), String> {
        use std::fmt::Write as _;
        self.number.clear();
        let _ = write!(self.number, "{number}");
        self.out.write_field(&self.number).map_err(fail)?;
        for v in row.values() {
            self.out.write_field(v).map_err(fail)?;
        }
        self.out.write_record(None::<&[u8]>).map_err(fail)
    }

    /// Ends the current table.
    pub fn end_table(&mut self) -> Result<(), String> {
        self.out.write_record([END_OF_TABLE]).map_err(fail)
    }

    /// Ends the job: `count` true to count, false for the checks alone.
    pub fn finish(mut self, count: bool) -> Result<(), String> {
        self.out
            .write_record([if count { COUNT } else { CHECK_ONLY }])
            .map_err(fail)?;
        self.out.flush().map_err(fail)
    }
}

/// The checks that need every row of a table at once, run by the engine on the tables as
/// loaded (every value text): a key twice within an authority, and a reference to a record
/// that is not in its file. Each answers at most `MAX_FINDINGS` rows, in the file's order.
fn checks(kinds: &[&RecordType]) -> Vec<serde_json::Value> {
    let d = Dialect::DuckDb;
    let (row, auth) = (d.ident("pmf_row"), d.ident("authority"));
    let mut out = Vec::new();
    for (t, rec) in kinds.iter().enumerate() {
        let key = d.ident(&rec.key);
        // Grouped first, so that only the rows of keys that are twice are ordered.
        out.push(serde_json::json!({
            "label": "duplicate",
            "sql": format!(
                "WITH pmf_twice AS (SELECT {auth} AS a, {key} AS k FROM pmf_raw_{t} WHERE {key} IS NOT NULL GROUP BY ALL HAVING count(*) > 1)\n\
                 SELECT {t} AS t, n, k, first FROM (\n  \
                 SELECT CAST(r.{row} AS BIGINT) AS n, r.{key} AS k, min(CAST(r.{row} AS BIGINT)) OVER (PARTITION BY r.{auth}, r.{key}) AS first\n  \
                 FROM pmf_raw_{t} r JOIN pmf_twice ON r.{auth} = pmf_twice.a AND r.{key} = pmf_twice.k\n\
                 ) WHERE n > first ORDER BY n LIMIT {MAX_FINDINGS}"
            ),
        }));
        for (fi, f) in rec.fields.iter().enumerate() {
            let FieldType::Ref { record } = &f.ty else {
                continue;
            };
            let Some(u) = kinds.iter().position(|k| &k.id == record) else {
                continue;
            };
            let (field, target) = (d.ident(&f.id), d.ident(&kinds[u].key));
            out.push(serde_json::json!({
                "label": "dangling",
                "sql": format!(
                    "SELECT {t} AS t, {fi} AS f, {u} AS u, CAST(r.{row} AS BIGINT) AS n, r.{field} AS v, count(*) OVER () AS total\n\
                     FROM pmf_raw_{t} r\n\
                     WHERE r.{field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pmf_raw_{u} x WHERE x.{auth} = r.{auth} AND x.{target} = r.{field})\n\
                     ORDER BY n LIMIT {MAX_FINDINGS}"
                ),
            }));
        }
    }
    out
}

/// A key that is already the key of an earlier record of the same authority in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The table (the index of its kind in the job).
    pub table: usize,
    pub row: usize,
    pub key: String,
    /// The row of the first record with the key.
    pub first: usize,
}

/// A reference to a record that is not in its file (a contact about a person missing from the
/// person file): counted, but every condition on the record it refers to is false for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dangling {
    pub table: usize,
    /// The referring field's index in its record kind.
    pub field: usize,
    /// The table of the kind referred to.
    pub target: usize,
    pub row: usize,
    pub value: String,
    /// How many of the table's records refer to nothing by this field (the rows answered are
    /// the first `MAX_FINDINGS`).
    pub total: usize,
}

/// The engine's answer.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    pub figures: Figures,
    pub duplicates: Vec<Duplicate>,
    pub dangling: Vec<Dangling>,
}

/// Reads the engine's answer. Every authority in the records has an entry in the figures: one
/// with nothing counted has zeros, as the query gives them.
pub fn read_answer(answer: &[u8]) -> Result<Answer, String> {
    let mut out = Answer::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(answer);
    for (n, row) in reader.records().enumerate() {
        let line = n + 1;
        let row = row.map_err(|e| format!("pmf-engine's answer, line {line}: {e}"))?;
        let number = |i: usize| -> Result<i64, String> {
            let v = row.get(i).unwrap_or("");
            v.parse().map_err(|_| {
                format!(
                    "pmf-engine's answer, line {line}: `{}` is not a whole number",
                    v.escape_debug()
                )
            })
        };
        let text = |i: usize| row.get(i).unwrap_or("").to_string();
        let want = |fields: usize| -> Result<(), String> {
            if row.len() == fields {
                Ok(())
            } else {
                Err(format!(
                    "pmf-engine's answer, line {line}: {} fields, not {fields}",
                    row.len()
                ))
            }
        };
        match row.get(0) {
            Some("figure") => {
                want(4)?;
                out.figures
                    .entry(text(1))
                    .or_default()
                    .insert(text(2), number(3)?.max(0) as u64);
            }
            Some("duplicate") => {
                want(5)?;
                out.duplicates.push(Duplicate {
                    table: number(1)? as usize,
                    row: number(2)? as usize,
                    key: text(3),
                    first: number(4)? as usize,
                });
            }
            Some("dangling") => {
                want(7)?;
                out.dangling.push(Dangling {
                    table: number(1)? as usize,
                    field: number(2)? as usize,
                    target: number(3)? as usize,
                    row: number(4)? as usize,
                    value: text(5),
                    total: number(6)? as usize,
                });
            }
            other => {
                return Err(format!(
                    "pmf-engine's answer, line {line}: `{}` is not a kind of answer",
                    other.unwrap_or("").escape_debug()
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_and_bad_ones_refused() {
        let a = read_answer(
            b"duplicate,0,22,c3,4\ndangling,0,2,1,13,P9,1\nfigure,W06000001,AD/001,12\nfigure,W06000001,AD/002,0\nfigure,W06000002,AD/001,3\n",
        )
        .unwrap();
        assert_eq!(a.figures["W06000001"]["AD/001"], 12);
        assert_eq!(a.figures["W06000002"]["AD/001"], 3);
        assert_eq!(
            a.duplicates,
            [Duplicate {
                table: 0,
                row: 22,
                key: "c3".into(),
                first: 4
            }]
        );
        assert_eq!(a.dangling[0].value, "P9");
        assert_eq!((a.dangling[0].row, a.dangling[0].total), (13, 1));
        assert!(read_answer(b"figure,W06000001,AD/001\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(read_answer(b"figure,W06000001,AD/001,1.5\n")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(read_answer(b"W06000001,AD/001,1\n")
            .unwrap_err()
            .contains("not a kind of answer"));
        assert!(read_answer(b"").unwrap().figures.is_empty());
    }
}
