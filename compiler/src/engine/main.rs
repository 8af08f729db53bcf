//! `pmf-engine`: the embedded engine of `pmf compute`, DuckDB in process. It is a program of
//! its own so that only it links DuckDB's library (pmf_records::engine says why); `pmf compute`
//! starts it and nobody else need. Two jobs:
//!
//! - `pmf-engine job`: a counting job on standard input (the format is in
//!   compiler/records/src/engine.rs), the figures as CSV on standard output;
//! - `pmf-engine parquet FILE`: a Parquet file's rows as CSV text with a header row (dates as
//!   `YYYY-MM-DD`, timestamps as `YYYY-MM-DD HH:MM:SS`, a missing value empty), so that
//!   `pmf compute` checks it as it checks a CSV file.
//!
//! Errors go to standard error, one line, with a non-zero exit; the caller reports them.

use duckdb::{appender_params_from_iter, Connection};
use pmf_records::engine::JOB_HEADER;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["job"] => job(std::io::stdin().lock(), std::io::stdout().lock()),
        ["parquet", file] => parquet(file, std::io::stdout().lock()),
        ["--version"] => {
            println!("pmf-engine (DuckDB {})", duckdb_version());
            Ok(())
        }
        _ => Err(
            "usage: pmf-engine job < JOB | pmf-engine parquet FILE (pmf compute runs it)".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.replace('\n', " "));
            ExitCode::from(1)
        }
    }
}

fn duckdb_version() -> String {
    Connection::open_in_memory()
        .and_then(|c| c.query_row("SELECT version()", [], |r| r.get::<_, String>(0)))
        .unwrap_or_else(|_| "unknown".into())
}

fn job(input: impl Read, output: impl Write) -> Result<(), String> {
    let mut input = BufReader::new(input);
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the job: {e}"))?;
    if line.trim_end() != JOB_HEADER {
        return Err(format!(
            "the job does not start `{JOB_HEADER}`: pmf and pmf-engine are of different versions"
        ));
    }
    line.clear();
    input
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the job: {e}"))?;
    let header: serde_json::Value =
        serde_json::from_str(&line).map_err(|e| format!("the job's header: {e}"))?;
    let text = |v: &serde_json::Value, key: &str| -> Result<String, String> {
        v.get(key)
            .and_then(|x| x.as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("the job's header has no `{key}`"))
    };
    let count = |v: &serde_json::Value, key: &str| -> Result<usize, String> {
        v.get(key)
            .and_then(|x| x.as_u64())
            .map(|n| n as usize)
            .ok_or_else(|| format!("the job's header has no `{key}`"))
    };
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    let tables = header
        .get("tables")
        .and_then(|t| t.as_array())
        .ok_or("the job's header has no `tables`")?;
    for t in tables {
        let table = text(t, "table")?;
        let columns = count(t, "columns")?;
        conn.execute_batch(&text(t, "create")?)
            .map_err(|e| e.to_string())?;
        let mut app = conn.appender(&table).map_err(|e| e.to_string())?;
        for n in 0..count(t, "rows")? {
            if !rows.read_record(&mut record).map_err(|e| e.to_string())? {
                return Err(format!("the job ends in table {table}, at row {}", n + 1));
            }
            if record.len() != columns {
                return Err(format!(
                    "the job's table {table}, row {}: {} values for {columns} columns",
                    n + 1,
                    record.len()
                ));
            }
            let values = record.iter().map(|v| (!v.is_empty()).then_some(v));
            app.append_row(appender_params_from_iter(values))
                .map_err(|e| e.to_string())?;
        }
        app.flush().map_err(|e| e.to_string())?;
    }
    conn.execute_batch(&text(&header, "script")?)
        .map_err(|e| e.to_string())?;
    let query = text(&header, "query")?;
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(output);
    if !query.trim().is_empty() {
        let mut stmt = conn.prepare(&query).map_err(|e| e.to_string())?;
        let mut result = stmt.query([]).map_err(|e| e.to_string())?;
        while let Some(row) = result.next().map_err(|e| e.to_string())? {
            let authority: String = row.get(0).map_err(|e| e.to_string())?;
            let code: String = row.get(1).map_err(|e| e.to_string())?;
            let value: i64 = row.get(2).map_err(|e| e.to_string())?;
            out.write_record([authority, code, value.to_string()])
                .map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())
}

fn parquet(file: &str, output: impl Write) -> Result<(), String> {
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("SELECT COLUMNS(*)::VARCHAR FROM read_parquet(?)")
        .map_err(|e| e.to_string())?;
    let mut out = csv::WriterBuilder::new().from_writer(output);
    let mut result = stmt.query([file]).map_err(|e| e.to_string())?;
    let columns = result
        .as_ref()
        .map(|s| s.column_names())
        .ok_or("the file's columns cannot be read")?;
    out.write_record(&columns).map_err(|e| e.to_string())?;
    while let Some(row) = result.next().map_err(|e| e.to_string())? {
        let mut values = Vec::with_capacity(columns.len());
        for i in 0..columns.len() {
            let v: Option<String> = row.get(i).map_err(|e| e.to_string())?;
            values.push(v.unwrap_or_default());
        }
        out.write_record(&values).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
