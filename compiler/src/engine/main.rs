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
use pmf_records::engine::{CHECK_ONLY, COUNT, END_OF_TABLE, JOB_HEADER};
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
    let list = |key: &str| -> Result<Vec<serde_json::Value>, String> {
        header
            .get(key)
            .and_then(|t| t.as_array())
            .cloned()
            .ok_or_else(|| format!("the job's header has no `{key}`"))
    };
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    // False at the end of the job.
    let mut next = |record: &mut csv::StringRecord| -> Result<bool, String> {
        rows.read_record(record).map_err(|e| e.to_string())
    };
    for t in list("tables")? {
        let table = text(&t, "table")?;
        let columns =
            t.get("columns")
                .and_then(|x| x.as_u64())
                .ok_or("the job's header has a table without `columns`")? as usize;
        conn.execute_batch(&text(&t, "create")?)
            .map_err(|e| e.to_string())?;
        let mut app = conn.appender(&table).map_err(|e| e.to_string())?;
        for n in 1.. {
            if !next(&mut record)? {
                return Err(format!("the job ends in table {table}"));
            }
            if record.len() == 1 && &record[0] == END_OF_TABLE {
                break;
            }
            if record.len() != columns {
                return Err(format!(
                    "the job's table {table}, row {n}: {} values for {columns} columns",
                    record.len()
                ));
            }
            let values = record.iter().map(|v| (!v.is_empty()).then_some(v));
            app.append_row(appender_params_from_iter(values))
                .map_err(|e| e.to_string())?;
        }
        app.flush().map_err(|e| e.to_string())?;
    }
    if !next(&mut record)? {
        return Err("the job ends before its last line".into());
    }
    let count = match record.get(0) {
        Some(COUNT) => true,
        Some(CHECK_ONLY) => false,
        _ => {
            return Err(format!(
                "the job's last line is not `{COUNT}` or `{CHECK_ONLY}`"
            ))
        }
    };
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_writer(output);
    for check in list("checks")? {
        answer(
            &conn,
            &text(&check, "label")?,
            &text(&check, "sql")?,
            &mut out,
        )?;
    }
    if count {
        conn.execute_batch(&text(&header, "script")?)
            .map_err(|e| e.to_string())?;
        let query = text(&header, "query")?;
        if !query.trim().is_empty() {
            answer(&conn, "figure", &query, &mut out)?;
        }
    }
    out.flush().map_err(|e| e.to_string())
}

/// Runs `query` and writes each of its rows, every value as text, after `label`.
fn answer(
    conn: &Connection,
    label: &str,
    query: &str,
    out: &mut csv::Writer<impl Write>,
) -> Result<(), String> {
    let sql = format!(
        "SELECT COLUMNS(*)::VARCHAR FROM ({}) AS pmf_answer",
        query.trim().trim_end_matches(';')
    );
    let mut stmt = conn.prepare(&sql).map_err(|e| e.to_string())?;
    let mut result = stmt.query([]).map_err(|e| e.to_string())?;
    let width = result.as_ref().map_or(0, |s| s.column_count());
    while let Some(row) = result.next().map_err(|e| e.to_string())? {
        out.write_field(label).map_err(|e| e.to_string())?;
        for i in 0..width {
            let v: Option<String> = row.get(i).map_err(|e| e.to_string())?;
            out.write_field(v.unwrap_or_default())
                .map_err(|e| e.to_string())?;
        }
        out.write_record(None::<&[u8]>).map_err(|e| e.to_string())?;
    }
    Ok(())
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
