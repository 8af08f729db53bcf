//! `pmf compute`: an authority's return computed from its case records by the spec's counting
//! rules (compiler/doc/records.md). The record files are read row by row and every value
//! checked; any bad value is reported with its file, row and column and nothing is written. The
//! rules run in the embedded engine, the `pmf-engine` program beside `pmf` (the DuckDB script
//! `pmf build` publishes, over the checked records: pmf_records::engine), which is handed each
//! good row as soon as it is checked, so that no record is held here; the return is written in
//! the formats of the submission templates, whole or not at all.

use clap::{Args, ValueEnum};
use pmf::driver;
use pmf::gen::templates::{self, Fill};
use pmf::ir::records::RecordType;
use pmf::ir::Ir;
use pmf::records::date::Period;
use pmf::records::files::{self, Authorities, Problem};
use pmf::records::{engine, sql};
use pmf::validate::report::safe;
use pmf_return::submission::{Entry, Place, Raw, Site, Submission};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};

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
    let figures = match count(ir, &period, &args.records, &authorities) {
        Ok(counted) => {
            if let Some((first, rest)) = counted.notes.split_first() {
                eprintln!("note: {}", safe(first));
                for n in rest {
                    eprintln!("  {}", safe(n));
                }
            }
            counted.figures
        }
        Err(NotCounted::Records(problems)) => {
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
        Err(NotCounted::Engine(e)) => {
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

/// What the records gave: the figures, and the records that could not be counted in full.
struct Counted {
    figures: engine::Figures,
    notes: Vec<String>,
}

/// Why no figures: problems in the records (each with its file, row and column), or a fault
/// in running the engine.
enum NotCounted {
    Records(Vec<Problem>),
    Engine(String),
}

/// Reads and checks every record file, streaming each good row into the engine as it is
/// checked (no record is held here: memory is the engine's tables), then has the engine check
/// what needs every row at once and count.
fn count(
    ir: &Ir,
    period: &Period,
    dir: &Path,
    authorities: &Authorities,
) -> Result<Counted, NotCounted> {
    let kinds: Vec<&RecordType> = sql::records_used(ir)
        .iter()
        .filter_map(|k| ir.records.iter().find(|r| &r.id == k))
        .collect();
    let mut engine = Engine::start(&["job".as_ref()], true).map_err(NotCounted::Engine)?;
    let stdin = engine.child.stdin.take().expect("piped");
    let mut job = match engine::Job::start(
        ir,
        period,
        &kinds,
        std::io::BufWriter::with_capacity(1 << 20, stdin),
    ) {
        Ok(j) => j,
        Err(e) => return Err(NotCounted::Engine(engine.failed(e))),
    };
    // When the engine stops reading (it failed), the records are still checked, so that their
    // problems are reported; the engine's own words then say why it stopped.
    let mut handed: Result<(), String> = Ok(());
    let mut problems: Vec<Vec<Problem>> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    for rec in &kinds {
        let (file, found) = record_file(dir, &rec.id);
        let mut sink = |line: usize, row: &files::Row| {
            if handed.is_ok() {
                handed = job.row(line, row);
            }
        };
        let ps = match found {
            Err(p) => vec![p],
            Ok(Source::Csv(path)) => match std::fs::File::open(&path) {
                Ok(f) => files::check_file(
                    ir,
                    rec,
                    &file,
                    std::io::BufReader::with_capacity(1 << 16, f),
                    files::Numbering::Lines,
                    authorities,
                    &mut sink,
                ),
                Err(e) => vec![file_problem(
                    &file,
                    format!("cannot read the file: {e}"),
                    "",
                )],
            },
            Ok(Source::Parquet(path)) => {
                check_parquet(ir, rec, &file, &path, authorities, &mut sink)
            }
        };
        if handed.is_ok() {
            handed = job.end_table();
        }
        problems.push(ps);
        files.push(file);
    }
    let clean = problems.iter().all(Vec::is_empty);
    if handed.is_ok() {
        handed = job.finish(clean);
    } else {
        drop(job);
    }
    let answer = engine.finish().and_then(|out| {
        handed?;
        engine::read_answer(&out)
    });
    let answer = match answer {
        Ok(a) => a,
        // The engine's failure is a fault in pmf, but problems in the records come first.
        Err(e) if clean => return Err(NotCounted::Engine(e)),
        Err(_) => {
            return Err(NotCounted::Records(
                problems.into_iter().flatten().collect(),
            ))
        }
    };
    for d in &answer.duplicates {
        let (Some(ps), Some(rec)) = (problems.get_mut(d.table), kinds.get(d.table)) else {
            continue;
        };
        ps.push(Problem {
            file: files[d.table].clone(),
            row: Some(d.row),
            column: Some(rec.key.clone()),
            message: format!(
                "the key `{}` is already the key of the record at row {}",
                files::shown(&d.key),
                d.first
            ),
            help: "each record is in the file once; remove the duplicate or give it its own identifier".into(),
        });
    }
    if problems.iter().any(|ps| !ps.is_empty()) {
        let mut all = Vec::new();
        for mut ps in problems {
            ps.sort_by_key(|p| p.row);
            ps.truncate(files::MAX_PROBLEMS);
            all.extend(ps);
        }
        return Err(NotCounted::Records(all));
    }
    // The engine answers the first rows of each (table, field); `total` counts them all.
    let mut notes = Vec::new();
    let mut total = 0;
    for group in answer
        .dangling
        .chunk_by(|a, b| (a.table, a.field) == (b.table, b.field))
    {
        let d = &group[0];
        let (Some(rec), Some(target)) = (kinds.get(d.table), files.get(d.target)) else {
            continue;
        };
        let Some(field) = rec.fields.get(d.field) else {
            continue;
        };
        for d in group {
            notes.push(format!(
                "{}, row {}: its `{}` `{}` is not in {target}, so conditions on that record (an age) are false for it",
                files[d.table],
                d.row,
                field.id,
                files::shown(&d.value),
            ));
        }
        total += d.total;
        let more = d.total.saturating_sub(group.len());
        if more > 0 {
            notes.push(format!(
                "{}: and {more} more record{} whose `{}` is not in {target}",
                files[d.table],
                if more == 1 { "" } else { "s" },
                field.id,
            ));
        }
    }
    Ok(Counted {
        figures: answer.figures,
        notes: if notes.is_empty() {
            notes
        } else {
            let mut n = vec![format!(
                "{total} record{} cannot be counted in full:",
                if total == 1 { "" } else { "s" }
            )];
            n.extend(notes);
            n
        },
    })
}

enum Source {
    Csv(PathBuf),
    Parquet(PathBuf),
}

fn file_problem(file: &str, message: String, help: &str) -> Problem {
    Problem {
        file: file.to_string(),
        row: None,
        column: None,
        message,
        help: help.to_string(),
    }
}

/// The file of one record kind: `<kind>.csv` or `<kind>.parquet` in the folder, one of them;
/// with the name messages give it.
fn record_file(dir: &Path, kind: &str) -> (String, Result<Source, Problem>) {
    let csv = dir.join(format!("{kind}.csv"));
    let parquet = dir.join(format!("{kind}.parquet"));
    let shown = |p: &Path| p.display().to_string();
    let plain = !kind.is_empty()
        && kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !plain {
        let name = shown(dir);
        let p = file_problem(
            &name,
            format!(
                "the record kind `{}` is not a plain file name",
                kind.escape_debug()
            ),
            "",
        );
        return (name, Err(p));
    }
    let regular = |p: &Path| -> Result<(), Problem> {
        match std::fs::metadata(p) {
            Ok(m) if m.is_file() => Ok(()),
            Ok(_) => Err(file_problem(
                &shown(p),
                "it is not a regular file".into(),
                "",
            )),
            Err(e) => Err(file_problem(
                &shown(p),
                format!("cannot read the file: {e}"),
                "",
            )),
        }
    };
    match (csv.exists(), parquet.exists()) {
        (true, true) => (
            shown(&csv),
            Err(file_problem(
                &shown(&csv),
                format!("both {kind}.csv and {kind}.parquet are in the folder"),
                "keep one file per record kind",
            )),
        ),
        (false, false) => (
            shown(&csv),
            Err(file_problem(
                &shown(&csv),
                format!(
                    "the folder has no file of the `{kind}` records ({kind}.csv or {kind}.parquet)"
                ),
                "export the records of this kind, one row per record, with a column per field",
            )),
        ),
        (true, false) => (shown(&csv), regular(&csv).map(|_| Source::Csv(csv.clone()))),
        (false, true) => (
            shown(&parquet),
            regular(&parquet).and_then(|_| {
                // DuckDB reads a path with *, ? or [ as a pattern of several files.
                if parquet.to_string_lossy().contains(['*', '?', '[']) {
                    Err(file_problem(
                        &shown(&parquet),
                        "the path holds *, ? or [, which the engine would read as a pattern of file names".into(),
                        "move the record files to a folder whose path has no *, ? or [",
                    ))
                } else {
                    Ok(Source::Parquet(parquet.clone()))
                }
            }),
        ),
    }
}

/// Checks a Parquet file: the engine reads its rows and gives them as CSV text (dates as
/// `YYYY-MM-DD`), checked as a CSV file's are, as they come.
fn check_parquet(
    ir: &Ir,
    rec: &RecordType,
    file: &str,
    path: &Path,
    authorities: &Authorities,
    sink: &mut dyn FnMut(usize, &files::Row),
) -> Vec<Problem> {
    let not_parquet = |e: String| {
        vec![file_problem(
            file,
            format!("the file cannot be read as Parquet: {e}"),
            "write the records as a Parquet file, or as CSV (UTF-8, comma-separated, with a header row)",
        )]
    };
    // The Parquet file's text is read here, as it comes.
    let mut engine = match Engine::start(&["parquet".as_ref(), path.as_os_str()], false) {
        Ok(e) => e,
        Err(e) => return not_parquet(e),
    };
    drop(engine.child.stdin.take());
    let stdout = engine.child.stdout.take().expect("piped");
    let mut input = std::io::BufReader::with_capacity(1 << 16, stdout);
    let problems = files::check_file(
        ir,
        rec,
        file,
        &mut input,
        files::Numbering::FromOne,
        authorities,
        sink,
    );
    // The rest of the text (after too many problems), so that the engine is not left waiting
    // on a full pipe.
    let _ = std::io::copy(&mut input, &mut std::io::sink());
    drop(input);
    match engine.finish() {
        Ok(_) => problems,
        // Its text was cut short: the rows' problems may be the cut's.
        Err(e) => not_parquet(e),
    }
}

/// A running `pmf-engine`, its standard error (and output, when not taken) read on threads of
/// their own so that it never waits on a full pipe.
struct Engine {
    child: Child,
    stdout: Option<std::thread::JoinHandle<Vec<u8>>>,
    stderr: std::thread::JoinHandle<Vec<u8>>,
}

impl Engine {
    /// `answer`: its standard output is read here, whole (a job's answer); otherwise the
    /// caller takes it and reads it as it comes.
    fn start(args: &[&std::ffi::OsStr], answer: bool) -> Result<Engine, String> {
        let program = engine_program()?;
        let mut child = Command::new(&program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        };
        let stderr = drain(Box::new(child.stderr.take().expect("piped")));
        let stdout = answer.then(|| drain(Box::new(child.stdout.take().expect("piped"))));
        Ok(Engine {
            child,
            stdout,
            stderr,
        })
    }

    /// Waits for the engine; its standard output, or what it said when it failed.
    fn finish(mut self) -> Result<Vec<u8>, String> {
        drop(self.child.stdin.take());
        let status = self
            .child
            .wait()
            .map_err(|e| format!("pmf-engine did not finish: {e}"))?;
        let out = self
            .stdout
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default();
        let said = self.stderr.join().unwrap_or_default();
        if status.success() {
            Ok(out)
        } else {
            Err(format!(
                "pmf-engine failed ({status}): {}",
                String::from_utf8_lossy(&said).trim()
            ))
        }
    }

    /// The engine's failure when the job could not even be started: its own words if it
    /// stopped, else `e`.
    fn failed(mut self, e: String) -> String {
        let _ = self.child.kill();
        match self.finish() {
            Err(said) => format!("{e} ({said})"),
            Ok(_) => e,
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
