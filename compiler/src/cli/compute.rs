//! `pmf compute`: an authority's return computed from its case records by the spec's counting
//! rules (compiler/doc/records.md). The record files are read and every value checked; any bad
//! value is reported with its file, row and column and nothing is written. The rules run in the
//! embedded engine, the `pmf-engine` program beside `pmf` (the DuckDB script `pmf build`
//! publishes, over the checked records: pmf_records::engine), and the return is written in the
//! formats of the submission templates, whole or not at all.

use clap::{Args, ValueEnum};
use pmf::driver;
use pmf::gen::templates::{self, Fill};
use pmf::ir::Ir;
use pmf::records::date::Period;
use pmf::records::files::{self, Authorities, Problem, Records, Table};
use pmf::records::{engine, sql};
use pmf::validate::report::safe;
use pmf_return::submission::{Entry, Place, Raw, Site, Submission};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ComputeFormat {
    Csv,
    Json,
    Xlsx,
}

impl ComputeFormat {
    fn ext(self) -> &'static str {
        match self {
            ComputeFormat::Csv => "csv",
            ComputeFormat::Json => "json",
            ComputeFormat::Xlsx => "xlsx",
        }
    }
}

#[derive(Args)]
pub struct ComputeArgs {
    /// The folder of record files: one per record kind, <record>.csv (UTF-8, comma-separated,
    /// a header row) or <record>.parquet; columns are the record's field ids, and `authority`
    /// when a file holds several authorities.
    #[arg(long)]
    pub records: PathBuf,
    /// The financial year counted, e.g. 2020-21 (1 April 2020 to 31 March 2021).
    #[arg(long)]
    pub period: String,
    /// The authority (ONS code or name), or `all` for one return per authority in the records.
    #[arg(long)]
    pub authority: String,
    /// Where to write: a file for one authority (default: <code>-<period>.<format>), a folder
    /// for `--authority all` (default: returns-<period>/).
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ComputeFormat,
    /// The missing-value status given to the data items that have no counting rule (an id of
    /// the spec's `missing` statuses), so that the return says why they are empty; `none`
    /// leaves them blank, which `pmf validate` reports as required figures not given.
    #[arg(long, default_value = "not_available")]
    pub unruled_status: String,
    /// The checked spec as `pmf export` writes it (JSON), instead of a spec folder.
    #[arg(long, conflicts_with = "paths")]
    pub ir: Option<PathBuf>,
    /// Spec folders or files (default: spec/, or the newest edition built into pmf outside a
    /// spec's folder).
    pub paths: Vec<PathBuf>,
}

/// The IR of `--ir`: the JSON `pmf export` writes.
pub fn read_ir(path: &Path) -> Result<Ir, ExitCode> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        usage(
            &format!("cannot read {}: {e}", safe(&path.display().to_string())),
            "",
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        usage(
            &format!(
                "{} is not a spec as `pmf export` writes it: {e}",
                safe(&path.display().to_string())
            ),
            "make it with `pmf export SPEC > spec.json`",
        )
    })
}

/// The largest record file read.
const MAX_RECORD_BYTES: u64 = 1024 * 1024 * 1024;

fn usage(message: &str, help: &str) -> ExitCode {
    eprintln!("error: {message}");
    if !help.is_empty() {
        eprintln!("  help: {help}");
    }
    ExitCode::from(2)
}

pub fn run(args: ComputeArgs, ir: &Ir) -> ExitCode {
    let Some(period) = Period::parse(args.period.trim()) else {
        return usage(
            &format!("`{}` is not a financial year", safe(&args.period)),
            "write it like 2020-21",
        );
    };
    let authorities = if args.authority.trim().eq_ignore_ascii_case("all") {
        Authorities::All
    } else {
        match pmf::authorities::parse(&args.authority) {
            Some(a) => Authorities::One(a.code.to_string()),
            None => {
                return usage(
                    &format!(
                        "`{}` is not one of the 22 Welsh local authorities",
                        safe(&args.authority)
                    ),
                    "give its ONS code (W06000001 to W06000024), its name, or `all`",
                )
            }
        }
    };
    if !ir.metrics.iter().any(|m| m.computed_from.is_some()) {
        eprintln!(
            "error: the edition `{}` has no counting rules (`computed_from`), so no figure can be computed from records",
            safe(&ir.edition.id)
        );
        return ExitCode::from(1);
    }
    // A working-day count in a year the calendar does not cover would treat its bank holidays
    // as working days: refused, as a record's date outside the calendar is.
    for c in &ir.calendars {
        let used = ir
            .metrics
            .iter()
            .filter_map(|m| m.computed_from.as_ref())
            .any(|r| r.calendar.as_deref() == Some(c.id.as_str()));
        if used && (period.start.year < c.first_year || period.end.year > c.last_year) {
            eprintln!(
                "error: the year {} is outside the working-day calendar `{}` ({} to {}), so its bank holidays are not known; no return was written",
                safe(&period.label),
                safe(&c.id),
                c.first_year,
                c.last_year
            );
            eprintln!("  help: add the bank holidays of the years to the calendar in the spec, or compute a year it covers");
            return ExitCode::from(1);
        }
    }
    let unruled_status = match args.unruled_status.trim() {
        "none" => None,
        id => match ir.missing_statuses.iter().find(|m| m.id == id) {
            Some(m) => Some(m.id.clone()),
            None => {
                let ids: Vec<&str> = ir.missing_statuses.iter().map(|m| m.id.as_str()).collect();
                return usage(
                    &format!("`{}` is not a missing-value status of the spec", safe(id)),
                    &format!("give one of: {}, or none", ids.join(", ")),
                );
            }
        },
    };
    if !args.records.is_dir() {
        return usage(
            &format!(
                "the records folder `{}` is not a folder",
                safe(&args.records.display().to_string())
            ),
            "give the folder that holds the record files (contact.csv, person.csv, ...)",
        );
    }
    // Read and check every file, reporting every problem before stopping.
    let mut problems: Vec<Problem> = Vec::new();
    let mut loaded: Vec<Records> = Vec::new();
    for kind in sql::records_used(ir) {
        let Some(rec) = ir.records.iter().find(|r| r.id == kind) else {
            continue;
        };
        let table = match read_table(&args.records, &kind) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        match files::check(ir, rec, table, &authorities) {
            Ok(r) => loaded.push(r),
            Err(ps) => problems.extend(ps),
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!(
                "error: {}",
                pmf::validate::report::safe_lines(&p.to_string())
            );
        }
        eprintln!(
            "error: {} problem{} in the records; no return was written",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        return ExitCode::from(1);
    }
    let uncounted = files::dangling(ir, &loaded);
    if !uncounted.is_empty() {
        eprintln!(
            "note: {} record{} cannot be counted in full:",
            uncounted.len(),
            if uncounted.len() == 1 { "" } else { "s" }
        );
        for u in &uncounted {
            eprintln!("  {}, row {}: {}", safe(&u.file), u.row, safe(&u.reason));
        }
    }
    let figures = match run_engine(ir, &period, &loaded) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {}", safe(&e));
            eprintln!("note: this is a fault in pmf, not in the records; please report it");
            return ExitCode::from(1);
        }
    };
    let codes: Vec<&str> = match &authorities {
        Authorities::One(code) => {
            if !figures.contains_key(code) {
                eprintln!(
                    "error: the records hold no record of the authority {}; no return was written",
                    code
                );
                eprintln!("  help: check the `authority` column of the record files, or the code given with --authority");
                return ExitCode::from(1);
            }
            vec![code.as_str()]
        }
        Authorities::All => figures.keys().map(String::as_str).collect(),
    };
    if codes.is_empty() {
        eprintln!("error: the record files hold no records; no return was written");
        return ExitCode::from(1);
    }
    // The data items with a counting rule; the others are left empty.
    let ruled: std::collections::BTreeSet<String> = ir
        .metrics
        .iter()
        .filter_map(|m| Some((m, m.computed_from.as_ref()?)))
        .flat_map(|(m, r)| {
            sql::counted_items(ir, &m.code, r)
                .into_iter()
                .map(|(c, _)| c)
        })
        .collect();
    let computed = ir
        .data_items
        .iter()
        .filter(|d| ruled.contains(&d.code))
        .count();
    let empty = ir.data_items.len() - computed;
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    for code in &codes {
        let found = figures.get(*code);
        let mut s = Submission::new("computed");
        s.authority = code.to_string();
        s.period = period.label.clone();
        for item in &ir.data_items {
            let value = found.and_then(|f| f.get(&item.code));
            s.entries.push(Entry {
                code: item.code.clone(),
                raw: value.map_or(Raw::Blank, |v| Raw::Number(*v as f64)),
                status: if value.is_none() {
                    unruled_status.clone()
                } else {
                    None
                },
                comment: None,
                site: Site::new("computed", Place::File),
            });
        }
        let fill = Fill {
            submission: Some(&s),
            authority: Some(code.to_string()),
            period: Some(period.label.clone()),
            lang: pmf::ir::Lang::En,
        };
        let bytes = match args.format {
            ComputeFormat::Csv => templates::csv::template(ir, &fill).into_bytes(),
            ComputeFormat::Json => templates::json::template(ir, &fill).into_bytes(),
            ComputeFormat::Xlsx => match templates::xlsx::template(ir, &fill) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: the workbook could not be made: {e}");
                    return ExitCode::from(1);
                }
            },
        };
        outputs.push((
            format!("{code}-{}.{}", period.label, args.format.ext()),
            bytes,
        ));
    }
    let written = match &authorities {
        Authorities::One(_) => {
            let (name, bytes) = &outputs[0];
            let path = args.out.clone().unwrap_or_else(|| PathBuf::from(name));
            driver::write_atomic(&path, bytes)
                .map(|_| path.display().to_string())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        Authorities::All => {
            let dir = args
                .out
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("returns-{}", period.label)));
            if dir.is_file() {
                Err(format!(
                    "{} is a file; give a folder for the returns of every authority",
                    dir.display()
                ))
            } else {
                let files: driver::output::Files = outputs.into_iter().collect();
                driver::output::write(&dir, &files, false)
                    .map(|_| format!("{} returns into {}", codes.len(), dir.display()))
            }
        }
    };
    match written {
        Ok(what) => {
            eprintln!(
                "wrote {}: {computed} data item{} computed from the records; {empty} without a counting rule left empty ({})",
                safe(&what),
                if computed == 1 { "" } else { "s" },
                match &unruled_status {
                    Some(s) => format!("status {s}"),
                    None => "no status".to_string(),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", safe(&e));
            ExitCode::from(1)
        }
    }
}

/// The table of one record kind: `<kind>.csv` or `<kind>.parquet` in the folder, one of them.
fn read_table(dir: &Path, kind: &str) -> Result<Table, Problem> {
    let problem = |file: &str, message: String, help: &str| Problem {
        file: file.to_string(),
        row: None,
        column: None,
        message,
        help: help.to_string(),
    };
    let plain = !kind.is_empty()
        && kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !plain {
        return Err(problem(
            &dir.display().to_string(),
            format!(
                "the record kind `{}` is not a plain file name",
                kind.escape_debug()
            ),
            "",
        ));
    }
    let csv = dir.join(format!("{kind}.csv"));
    let parquet = dir.join(format!("{kind}.parquet"));
    let shown = |p: &Path| p.display().to_string();
    match (csv.exists(), parquet.exists()) {
        (true, true) => Err(problem(
            &shown(&csv),
            format!("both {kind}.csv and {kind}.parquet are in the folder"),
            "keep one file per record kind",
        )),
        (false, false) => Err(problem(
            &shown(&csv),
            format!(
                "the folder has no file of the `{kind}` records ({kind}.csv or {kind}.parquet)"
            ),
            "export the records of this kind, one row per record, with a column per field",
        )),
        (true, false) => {
            let bytes = read_limited(&csv)
                .map_err(|e| problem(&shown(&csv), format!("cannot read the file: {e}"), ""))?;
            files::read_csv(&shown(&csv), &bytes)
        }
        (false, true) => {
            let meta = std::fs::metadata(&parquet)
                .map_err(|e| problem(&shown(&parquet), format!("cannot read the file: {e}"), ""))?;
            if !meta.is_file() {
                return Err(problem(
                    &shown(&parquet),
                    "it is not a regular file".into(),
                    "",
                ));
            }
            read_parquet(&shown(&parquet), &parquet)
        }
    }
}

/// The `pmf-engine` program: beside this one (where cargo builds both and an installer puts
/// both), or where PMF_ENGINE says.
fn engine_program() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("PMF_ENGINE") {
        return Ok(PathBuf::from(p));
    }
    let me = std::env::current_exe().map_err(|e| format!("cannot find pmf's own path: {e}"))?;
    let engine = me.with_file_name(format!("pmf-engine{}", std::env::consts::EXE_SUFFIX));
    if engine.is_file() {
        Ok(engine)
    } else {
        Err(format!(
            "the embedded engine, {}, is missing; pmf compute needs it beside pmf (cargo build -p pmf builds both)",
            engine.display()
        ))
    }
}

/// Runs the engine with `args`, `input` written to its standard input from another thread (so
/// that neither side waits on a full pipe), and returns its standard output.
fn engine_output(
    args: &[&std::ffi::OsStr],
    input: impl FnOnce(&mut dyn Write) -> Result<(), String> + Send,
) -> Result<Vec<u8>, String> {
    let program = engine_program()?;
    let mut child = Command::new(&program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let (fed, output) = std::thread::scope(|s| {
        let feeder = s.spawn(move || {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, &mut stdin);
            let r = input(&mut w);
            let r = r.and_then(|_| w.flush().map_err(|e| e.to_string()));
            drop(w);
            drop(stdin);
            r
        });
        let output = child.wait_with_output();
        (feeder.join(), output)
    });
    let output = output.map_err(|e| format!("pmf-engine did not finish: {e}"))?;
    let fed = match fed {
        Ok(r) => r,
        Err(_) => Err("the job could not be handed to pmf-engine".into()),
    };
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        // When the job could not be written, that is the cause, whatever the engine then said.
        let cause = fed.err().map(|e| format!(" ({e})")).unwrap_or_default();
        return Err(format!(
            "pmf-engine failed ({}): {}{cause}",
            output.status,
            said.trim()
        ));
    }
    fed.map(|_| output.stdout)
}

/// Counts the checked records in the engine.
fn run_engine(ir: &Ir, period: &Period, loaded: &[Records]) -> Result<engine::Figures, String> {
    let answer = engine_output(&["job".as_ref()], |w| {
        engine::write_job(ir, period, loaded, w)
    })?;
    engine::read_figures(&answer)
}

/// A Parquet file's rows as text, read by the engine, then read as a CSV file's are.
fn read_parquet(file: &str, path: &Path) -> Result<Table, Problem> {
    let problem = |message: String| {
        Problem {
        file: file.to_string(),
        row: None,
        column: None,
        message,
        help: "write the records as a Parquet file, or as CSV (UTF-8, comma-separated, with a header row)".into(),
    }
    };
    // DuckDB reads a path with *, ? or [ as a pattern of several files.
    if path.to_string_lossy().contains(['*', '?', '[']) {
        return Err(Problem {
            help: "move the record files to a folder whose path has no *, ? or [".into(),
            ..problem(
                "the path holds *, ? or [, which the engine would read as a pattern of file names"
                    .into(),
            )
        });
    }
    let text = engine_output(&["parquet".as_ref(), path.as_os_str()], |_| Ok(()))
        .map_err(|e| problem(format!("the file cannot be read as Parquet: {e}")))?;
    let mut table = files::read_csv(file, &text)?;
    // A Parquet file's rows are numbered from 1, not by the lines of the text.
    for (i, (n, _)) in table.rows.iter_mut().enumerate() {
        *n = i + 1;
    }
    Ok(table)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    if meta.len() > MAX_RECORD_BYTES {
        return Err(format!(
            "it is larger than {} MB",
            MAX_RECORD_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(|e| e.to_string())?
        .take(MAX_RECORD_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}
