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
use pmf::validate::report::safe;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut problems = Vec::new();
    // Every return is read first (each file bounded, and read apart from the others), so that a
    // run of too many is refused before any work.
    let mut returns: Vec<(String, pmf::validate::Submission)> = Vec::new();
    for path in &args.submissions {
        let name = path.display().to_string();
        let bytes = match crate::cli_returns::read_return(path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(format!("{name}: cannot read the file: {e}"));
                continue;
            }
        };
        let input = match pmf::validate::read_isolated(&name, &bytes, &old) {
            Ok(i) => i,
            Err(e) => {
                let mut p = format!("{}: {}", e.site, e.message);
                if let Some(h) = &e.help {
                    p.push_str(&format!("\n  help: {h}"));
                }
                problems.push(p);
                continue;
            }
        };
        // A return that names no authority or no year is not carried: one error for the
        // first, a count of the others, per file.
        let (good, bad): (Vec<_>, Vec<_>) = input
            .submissions
            .into_iter()
            .partition(pmf::validate::is_checkable);
        if let Some(first) = bad.first() {
            let more = match bad.len() {
                1 => String::new(),
                n => format!(" (and {} more returns in this file like it)", n - 1),
            };
            problems.push(format!(
                "{}: this return's authority {} and year {} are not an ONS code of a Welsh local authority and a financial year such as 2020-21, so it is not migrated{more}",
                first.authority_site,
                pmf::validate::engine::quoted(pmf::validate::values::trim(&first.authority)),
                pmf::validate::engine::quoted(pmf::validate::values::trim(&first.period)),
            ));
        }
        returns.extend(good.into_iter().map(|g| (name.clone(), g)));
    }
    if returns.len() > migrate::MAX_RETURNS {
        eprintln!(
            "error: the files hold {} returns, and pmf migrate carries at most {} in one run (22 authorities for ten years); nothing was migrated",
            returns.len(),
            migrate::MAX_RETURNS
        );
        eprintln!("  help: give the files in smaller groups");
        return Err(ExitCode::from(2));
    }
    {
        for (name, sub) in &returns {
            if let Err(e) = migrate::check_return(&old, &new, sub) {
                problems.push(e);
                continue;
            }
            let (migrated, report) = migrate::migrate(&old, &new, sub);
            if let Some(dir) = &args.out_dir {
                let fill = Fill {
                    submission: Some(&migrated),
                    ..Fill::default()
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
                let file = format!(
                    "{}-{}.{ext}",
                    safe_name(&report.authority),
                    safe_name(&report.period)
                );
                if outputs.iter().any(|(f, _)| *f == file) {
                    problems.push(format!(
                        "two returns are for {} {}: each would be written to {}; migrate them one at a time",
                        report.authority,
                        report.period,
                        dir.join(&file).display()
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
            // A problem's first line is the error; a following line is its help.
            let mut lines = p.split('\n');
            if let Some(first) = lines.next() {
                eprintln!("error: {}", safe(first));
            }
            for l in lines {
                eprintln!("{}", safe(l));
            }
        }
        eprintln!("error: nothing was written");
        return Err(ExitCode::from(2));
    }
    if let Some(dir) = &args.out_dir {
        if let Err(e) = write_all(dir, &outputs) {
            eprintln!("error: {}", safe(&e));
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

/// Writes the migrated returns into `dir`: a folder that does not exist yet is made beside it
/// under a temporary name and renamed when complete; into a folder that exists, each file is
/// written atomically, and if one cannot be, the files this run added are removed again.
fn write_all(dir: &Path, outputs: &[(String, Vec<u8>)]) -> Result<(), String> {
    if !dir.exists() {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot make {}: {e}", parent.display()))?;
        let leaf = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let tmp = parent.join(format!(".{leaf}.pmf-tmp-{}", std::process::id()));
        let result = (|| {
            std::fs::create_dir(&tmp).map_err(|e| format!("cannot make {}: {e}", tmp.display()))?;
            for (file, bytes) in outputs {
                let path = tmp.join(file);
                std::fs::write(&path, bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            std::fs::rename(&tmp, dir)
                .map_err(|e| format!("cannot move {} to {}: {e}", tmp.display(), dir.display()))
        })();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
        }
        return result.map_err(|e| format!("{e}; nothing was written to {}", dir.display()));
    }
    let mut added = Vec::new();
    for (file, bytes) in outputs {
        let path = dir.join(file);
        let existed = path.exists();
        if let Err(e) = driver::write_atomic(&path, bytes) {
            for p in &added {
                let _ = std::fs::remove_file(p);
            }
            return Err(format!(
                "cannot write {}: {e}; the files this run had added to {} were removed",
                path.display(),
                dir.display()
            ));
        }
        if !existed {
            added.push(path);
        }
    }
    Ok(())
}

/// A file name part from an authority or period as written.
fn safe_name(s: &str) -> String {
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
