//! `pmf migrate --to NEW SUBMISSION...`: carry returns made under an earlier edition to the
//! codes of a new one, reporting value by value where each went. Every return is read and
//! checked before anything is written: a return of the wrong edition, or one that mixes codes
//! of both, stops the migration with nothing written.

use crate::cli_diff::{clean, clean_with, header, must_exist};
use clap::ValueEnum;
use pmf::driver;
use pmf::gen::templates::{self, Fill};
use pmf::ir::Ir;
use pmf::migrate;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReturnFormat {
    Csv,
    Json,
    Xlsx,
}

#[derive(clap::Args)]
pub struct MigrateArgs {
    /// The new edition (a spec folder).
    #[arg(long)]
    pub to: PathBuf,
    /// The edition the returns were made under (default: the one the new edition supersedes,
    /// in a folder beside it).
    #[arg(long)]
    pub from: Option<PathBuf>,
    /// Write each migrated return into this folder, as AUTHORITY-PERIOD.csv (or .json, .xlsx).
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// The form of the migrated returns.
    #[arg(long = "as", value_enum, default_value = "csv")]
    pub as_format: ReturnFormat,
    /// The form of the report on standard output.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Returns made under the earlier edition (XLSX, CSV or JSON).
    #[arg(required = true)]
    pub submissions: Vec<PathBuf>,
}

const WHAT: &str = "migrating";

/// The edition the new one supersedes: given with `--from`, or found beside it.
fn previous(args: &MigrateArgs, supersedes: Option<&str>) -> Result<Ir, ExitCode> {
    if let Some(from) = &args.from {
        must_exist(from)?;
        return clean(driver::read_input(std::slice::from_ref(from)), WHAT);
    }
    let Some(id) = supersedes else {
        eprintln!(
            "error: {} supersedes no edition: give the edition the returns were made under with --from",
            args.to.display()
        );
        return Err(ExitCode::from(2));
    };
    let parent = args
        .to
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    let found = driver::inputs(&[parent])
        .into_iter()
        .find(|i| header(i).is_some_and(|(e, _)| e == id));
    match found {
        Some(input) => clean(input, WHAT),
        None => {
            eprintln!(
                "error: cannot find edition `{id}`, which {} supersedes, in a folder beside it; give it with --from",
                args.to.display()
            );
            Err(ExitCode::from(2))
        }
    }
}

pub fn run(args: MigrateArgs) -> ExitCode {
    match migrate_all(&args) {
        Ok(code) | Err(code) => code,
    }
}

fn migrate_all(args: &MigrateArgs) -> Result<ExitCode, ExitCode> {
    must_exist(&args.to)?;
    for s in &args.submissions {
        must_exist(s)?;
    }
    let new_input = driver::read_input(std::slice::from_ref(&args.to));
    let Some((new_id, supersedes)) = header(&new_input) else {
        eprintln!(
            "error: {} has no edition header: give the folder of an edition",
            args.to.display()
        );
        return Err(ExitCode::from(2));
    };
    let old = previous(args, supersedes.as_deref())?;
    if supersedes.as_deref() != Some(old.edition.id.as_str()) {
        eprintln!(
            "error: edition `{new_id}` supersedes {}, not `{}`; migrate carries returns from the edition the new one supersedes",
            supersedes.map_or("none".to_string(), |s| format!("`{s}`")),
            old.edition.id
        );
        return Err(ExitCode::from(2));
    }
    let new = clean_with(new_input, Some(&old), WHAT)?;
    // Everything is read, checked and migrated before anything is written.
    let mut reports = Vec::new();
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut problems = Vec::new();
    for path in &args.submissions {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(format!("cannot read {name}: {e}"));
                continue;
            }
        };
        let input = match pmf::validate::read::read(&name, &bytes, &old) {
            Ok(i) => i,
            Err(e) => {
                problems.push(format!(
                    "{}: {}",
                    pmf::validate::report::place(&e.site),
                    e.message
                ));
                continue;
            }
        };
        for sub in &input.submissions {
            if let Err(e) = migrate::check_return(&old, &new, sub) {
                problems.push(e);
                continue;
            }
            let (migrated, report) = migrate::migrate(&old, &new, sub);
            if let Some(dir) = &args.out_dir {
                let fill = Fill {
                    submission: Some(&migrated),
                    authority: None,
                    period: None,
                };
                let (ext, bytes) = match args.as_format {
                    ReturnFormat::Csv => {
                        ("csv", templates::csv::template(&new, &fill).into_bytes())
                    }
                    ReturnFormat::Json => {
                        ("json", templates::json::template(&new, &fill).into_bytes())
                    }
                    ReturnFormat::Xlsx => match templates::xlsx::template(&new, &fill) {
                        Ok(b) => ("xlsx", b),
                        Err(e) => {
                            problems.push(format!("cannot make the workbook for {name}: {e}"));
                            continue;
                        }
                    },
                };
                let file = dir.join(format!(
                    "{}-{}.{ext}",
                    safe(&report.authority),
                    safe(&report.period)
                ));
                if outputs.iter().any(|(f, _)| *f == file) {
                    problems.push(format!(
                        "two returns are for {} {}: each would be written to {}; migrate them one at a time",
                        report.authority,
                        report.period,
                        file.display()
                    ));
                    continue;
                }
                outputs.push((file, bytes));
            }
            reports.push(report);
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("error: {p}");
        }
        eprintln!("error: nothing was written");
        return Err(ExitCode::from(2));
    }
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot make {}: {e}", dir.display());
            return Err(ExitCode::from(2));
        }
    }
    for (file, bytes) in &outputs {
        if let Err(e) = driver::write_atomic(file, bytes) {
            eprintln!("error: cannot write {}: {e}", file.display());
            return Err(ExitCode::from(2));
        }
    }
    let out = match args.format {
        ReportFormat::Text => reports
            .iter()
            .map(migrate::render_text)
            .collect::<Vec<_>>()
            .join("\n"),
        ReportFormat::Json => serde_json::to_string_pretty(&reports).unwrap_or_default() + "\n",
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// A file name part from an authority or period as written.
fn safe(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        "return".into()
    } else {
        t
    }
}
