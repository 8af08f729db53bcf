//! `pmf migrate --to NEW SUBMISSION...`: carry returns made under an earlier edition to the
//! codes of a new one, reporting value by value what cannot be carried.

use clap::ValueEnum;
use pmf::driver;
use pmf::gen::templates::{self, Fill};
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
    let mut unreadable = false;
    for path in &args.submissions {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                unreadable = true;
                continue;
            }
        };
        let input = match pmf::validate::read::read(&name, &bytes, &old) {
            Ok(i) => i,
            Err(e) => {
                eprintln!(
                    "error: {}: {}",
                    pmf::validate::report::place(&e.site),
                    e.message
                );
                unreadable = true;
                continue;
            }
        };
        for sub in &input.submissions {
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
                            eprintln!("error: cannot write the workbook: {e}");
                            return ExitCode::from(2);
                        }
                    },
                };
                let file = dir.join(format!(
                    "{}-{}.{ext}",
                    safe(&report.authority),
                    safe(&report.period)
                ));
                if let Err(e) = driver::write_atomic(&file, &bytes) {
                    eprintln!("error: cannot write {}: {e}", file.display());
                    return ExitCode::from(2);
                }
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
    if unreadable {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
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
