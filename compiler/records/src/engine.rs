//! The embedded engine: the DuckDB script (`sql::Dialect::DuckDb`) run in process over the
//! checked records, so that `pmf compute` and the published SQL are the same query.

use crate::date::Period;
use crate::files::{Problem, Records, Table};
use crate::sql::{self, Dialect};
use pmf_ir::records::FieldType;
use pmf_ir::Ir;
use std::collections::BTreeMap;

/// The figures: authority → data item code → value.
pub type Figures = BTreeMap<String, BTreeMap<String, u64>>;

fn fault(e: impl std::fmt::Display) -> String {
    format!("the embedded engine failed: {e}")
}

/// Reads a Parquet file's rows as text through DuckDB (every column cast to text: dates as
/// `YYYY-MM-DD`, timestamps as `YYYY-MM-DD HH:MM:SS`), for the same checks as a CSV file's.
/// Rows are numbered from 1.
pub fn read_parquet(file: &str, path: &std::path::Path) -> Result<Table, Problem> {
    let problem = |e: String| {
        Problem {
        file: file.to_string(),
        row: None,
        column: None,
        message: format!("the file cannot be read as Parquet: {e}"),
        help: "write the records as a Parquet file, or as CSV (UTF-8, comma-separated, with a header row)".into(),
    }
    };
    let conn = duckdb::Connection::open_in_memory().map_err(|e| problem(e.to_string()))?;
    let path_text = path.to_string_lossy().to_string();
    let mut stmt = conn
        .prepare("SELECT COLUMNS(*)::VARCHAR FROM read_parquet(?)")
        .map_err(|e| problem(e.to_string()))?;
    let mut out = Vec::new();
    {
        let mut rows = stmt
            .query([path_text.as_str()])
            .map_err(|e| problem(e.to_string()))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| problem(e.to_string()))? {
            n += 1;
            let mut values = Vec::new();
            let mut i = 0;
            while let Ok(v) = row.get::<_, Option<String>>(i) {
                values.push(v.filter(|s| !s.trim().is_empty()));
                i += 1;
            }
            out.push((n, values));
        }
    }
    let columns = stmt.column_names();
    for (_, v) in &mut out {
        v.truncate(columns.len());
    }
    Ok(Table {
        file: file.to_string(),
        columns,
        rows: out,
    })
}

/// Loads the checked records into an in-memory DuckDB, runs the DuckDB script for `period`,
/// and returns every authority's figures (an authority in the records with nothing counted
/// has zeros). An error is a fault of pmf (the values were checked), with the engine's words.
pub fn run(ir: &Ir, period: &Period, loaded: &[Records]) -> Result<Figures, String> {
    let conn = duckdb::Connection::open_in_memory().map_err(fault)?;
    let d = Dialect::DuckDb;
    for (n, r) in loaded.iter().enumerate() {
        let rec = ir
            .records
            .iter()
            .find(|x| x.id == r.kind)
            .ok_or_else(|| fault(format!("no record kind `{}`", r.kind)))?;
        let raw = format!("pmf_raw_{n}");
        let mut cols = vec![format!("{} VARCHAR", d.ident("authority"))];
        cols.extend(
            rec.fields
                .iter()
                .map(|f| format!("{} VARCHAR", d.ident(&f.id))),
        );
        conn.execute_batch(&format!("CREATE TABLE {raw} ({});", cols.join(", ")))
            .map_err(fault)?;
        {
            let mut app = conn.appender(&raw).map_err(fault)?;
            for (_, values) in &r.rows {
                app.append_row(duckdb::appender_params_from_iter(values.iter()))
                    .map_err(fault)?;
            }
            app.flush().map_err(fault)?;
        }
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
        conn.execute_batch(&format!(
            "CREATE TABLE {} AS SELECT {} FROM {raw}; DROP TABLE {raw};",
            d.ident(&rec.id),
            select.join(", ")
        ))
        .map_err(fault)?;
    }
    let prelude = sql::prelude(ir, d, period).map_err(fault)?;
    conn.execute_batch(&prelude).map_err(fault)?;
    let mut figures = Figures::new();
    let Some(query) = sql::query(ir, d).map_err(fault)? else {
        return Ok(figures);
    };
    let mut stmt = conn.prepare(&query).map_err(fault)?;
    let rows = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })
        .map_err(fault)?;
    for row in rows {
        let (authority, code, value) = row.map_err(fault)?;
        figures
            .entry(authority)
            .or_default()
            .insert(code, value.max(0) as u64);
    }
    Ok(figures)
}
