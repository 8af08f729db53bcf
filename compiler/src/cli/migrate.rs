//! `pmf migrate --to NEW SUBMISSION...`: carry returns made under an earlier edition to the
//! codes of a new one, reporting value by value what cannot be carried.

use clap::ValueEnum;
use pmf::driver;
use pmf::gen::templates::{self, Fill};
use pmf::migrate;
use pmf::validate::report::safe;
use std::collections::BTreeMap;
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

fn compile(input: driver::Input, previous: Option<&pmf::ir::Ir>) -> Result<pmf::ir::Ir, String> {
    let comp = pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            previous,
            ..Default::default()
        },
    );
    let errors: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    match comp.ir {
        Some(ir) if errors.is_empty() && input.diagnostics.is_empty() => Ok(ir),
        _ => {
            eprint!("{}", pmf::diag::render_text(&errors, &input.sources));
            Err(format!("{} has errors; fix them first", input.name))
        }
    }
}

pub fn run(args: MigrateArgs) -> ExitCode {
    let new_input = driver::read_input(std::slice::from_ref(&args.to));
    let old_ir = match &args.from {
        Some(from) => compile(driver::read_input(std::slice::from_ref(from)), None),
        None => {
            // The previous edition is the one the new edition names, found beside it.
            let results = driver::compile_editions(
                driver::inputs(&[args
                    .to
                    .parent()
                    .map(|p| p.to_path_buf())
                    .unwrap_or_default()]),
                false,
            );
            let new_id = pmf::check::compile(&new_input.sources)
                .decls
                .editions
                .first()
                .and_then(|e| e.supersedes.as_ref())
                .map(|r| r.name.clone());
            match new_id.and_then(|id| {
                results
                    .into_iter()
                    .find_map(|(_, c)| c.ir.filter(|ir| ir.edition.id == id))
            }) {
                Some(ir) => Ok(ir),
                None => Err(format!(
                    "cannot find the edition {} supersedes; give it with --from",
                    args.to.display()
                )),
            }
        }
    };
    let old = match old_ir {
        Ok(ir) => ir,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let new = match compile(new_input, Some(&old)) {
        Ok(ir) => ir,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut reports = Vec::new();
    let mut failed = 0usize;
    let error = |failed: &mut usize, site: &str, message: &str| {
        *failed += 1;
        eprintln!("error: {}: {}", safe(site), safe(message));
    };
    // Every return is read first, so that a run of too many is refused before any work, and
    // every output is made in memory, so that nothing is written unless all can be.
    let mut returns: Vec<pmf::validate::Submission> = Vec::new();
    for path in &args.submissions {
        let name = path.display().to_string();
        let bytes = match crate::cli_returns::read_return(path) {
            Ok(b) => b,
            Err(e) => {
                error(&mut failed, &name, &format!("cannot read the file: {e}"));
                continue;
            }
        };
        let input = match pmf::validate::read_isolated(&name, &bytes, &old) {
            Ok(i) => i,
            Err(e) => {
                error(&mut failed, &e.site.to_string(), &e.message);
                if let Some(h) = &e.help {
                    eprintln!("  help: {}", safe(h));
                }
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
            error(
                &mut failed,
                &first.authority_site.to_string(),
                &format!(
                    "this return's authority {} and year {} are not an ONS code of a Welsh local authority and a financial year such as 2020-21, so it is not migrated{more}",
                    pmf::validate::engine::quoted(pmf::validate::values::trim(&first.authority)),
                    pmf::validate::engine::quoted(pmf::validate::values::trim(&first.period)),
                ),
            );
        }
        returns.extend(good);
    }
    if returns.len() > migrate::MAX_RETURNS {
        eprintln!(
            "error: the files hold {} returns, and pmf migrate carries at most {} in one run (22 authorities for ten years); nothing was migrated",
            returns.len(),
            migrate::MAX_RETURNS
        );
        eprintln!("  help: give the files in smaller groups");
        return ExitCode::from(2);
    }
    let mut outputs: BTreeMap<String, (Vec<u8>, String)> = BTreeMap::new();
    {
        for sub in &returns {
            let (migrated, report) = migrate::migrate(&old, &new, sub);
            if args.out_dir.is_some() {
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
                            error(
                                &mut failed,
                                &sub.authority_site.to_string(),
                                &format!("cannot make the workbook: {e}"),
                            );
                            continue;
                        }
                    },
                };
                let file = format!(
                    "{}-{}.{ext}",
                    safe_name(&report.authority),
                    safe_name(&report.period)
                );
                let from = sub.authority_site.to_string();
                if let Some((_, first)) = outputs.get(&file) {
                    error(
                        &mut failed,
                        &from,
                        &format!(
                            "this return is for the same authority and year as the one at {first}: both would be written to {file}, so neither is; give them in separate runs"
                        ),
                    );
                    continue;
                }
                outputs.insert(file, (bytes, from));
            }
            reports.push(report);
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
    if let Some(dir) = &args.out_dir {
        if failed > 0 {
            eprintln!(
                "error: nothing was written to {}: {failed} problem{} above must be fixed first",
                safe(&dir.display().to_string()),
                if failed == 1 { "" } else { "s" }
            );
            return ExitCode::from(2);
        }
        if let Err(e) = write_all(dir, &outputs) {
            eprintln!("error: {}", safe(&e));
            return ExitCode::from(2);
        }
    }
    if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the migrated returns into `dir`: a folder that does not exist yet is made beside it
/// under a temporary name and renamed when complete; into a folder that exists, each file is
/// written atomically, and if one cannot be, the files this run added are removed again.
fn write_all(dir: &Path, outputs: &BTreeMap<String, (Vec<u8>, String)>) -> Result<(), String> {
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
            for (file, (bytes, _)) in outputs {
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
    for (file, (bytes, _)) in outputs {
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
