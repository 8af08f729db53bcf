//! The `pmf` command line: a thin layer over the library.

use clap::{Parser, Subcommand, ValueEnum};
use pmf::diag::{self, Code, Diagnostic};
use pmf::source::Sources;
use pmf::{check, driver, fmt, gen};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pmf",
    version,
    about = "Compiler for .pmf specifications of the Performance and Improvement Framework"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DiagFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check a spec: exit 0 when there is no error, 1 when there is.
    Check {
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DiagFormat,
        /// Also report every text that has no Welsh version.
        #[arg(long)]
        welsh: bool,
    },
    /// Explain a diagnostic code, e.g. `pmf explain PMF0102`.
    Explain {
        code: Option<String>,
        /// List every code.
        #[arg(long)]
        list: bool,
    },
    /// Print the checked spec (the IR) as JSON.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        paths: Vec<PathBuf>,
    },
    /// Format .pmf files in place (or, with --check, report those that are not formatted).
    Fmt {
        #[arg(long)]
        check: bool,
        paths: Vec<PathBuf>,
    },
    /// Build every artifact into generated/ (or --out DIR); --check compares instead.
    Build {
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Exit 1 if what is in --out differs from what would be built.
        #[arg(long)]
        check: bool,
        /// List what would be written, write nothing.
        #[arg(long)]
        dry_run: bool,
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            welsh,
        } => cmd_check(paths, format, welsh),
        Command::Explain { code, list } => cmd_explain(code, list),
        Command::Export { format: _, paths } => cmd_export(paths),
        Command::Fmt { check, paths } => cmd_fmt(paths, check),
        Command::Build {
            out,
            check,
            dry_run,
            paths,
        } => cmd_build(paths, &out, check, dry_run),
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("spec")]
    } else {
        paths
    }
}

fn print_diags(
    diags: &[Diagnostic],
    sources: &Sources,
    name: &str,
    format: DiagFormat,
    to_stderr: bool,
) {
    let rendered = match format {
        DiagFormat::Text => {
            let mut s = diag::render_text(diags, sources);
            s.push_str(&format!("{name}: {}\n", diag::summary_line(diags)));
            s
        }
        DiagFormat::Json => diag::render_json(diags, sources),
    };
    if to_stderr {
        let _ = std::io::stderr().write_all(rendered.as_bytes());
    } else {
        let _ = std::io::stdout().write_all(rendered.as_bytes());
    }
}

fn cmd_check(paths: Vec<PathBuf>, format: DiagFormat, welsh: bool) -> ExitCode {
    let mut failed = false;
    for input in driver::inputs(&default_paths(paths)) {
        let comp = check::compile_with(
            &input.sources,
            check::Options {
                require_welsh: welsh,
            },
        );
        let mut diags = input.diagnostics;
        diags.extend(comp.diagnostics);
        diag::sort(&mut diags);
        failed |= diags.iter().any(|d| d.is_error());
        print_diags(&diags, &input.sources, &input.name, format, false);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn cmd_explain(code: Option<String>, list: bool) -> ExitCode {
    if list || code.is_none() {
        for c in diag::ALL_CODES {
            let i = c.info();
            println!(
                "{}  {:<8} {:<28} {}",
                i.code,
                i.severity.as_str(),
                i.name,
                i.summary
            );
        }
        return ExitCode::SUCCESS;
    }
    let code = code.unwrap_or_default();
    match Code::parse(&code) {
        Some(c) => {
            let i = c.info();
            println!(
                "{} ({}, {}): {}\n",
                i.code,
                i.name,
                i.severity.as_str(),
                i.summary
            );
            print!("{}", i.explanation);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: there is no diagnostic code `{code}`");
            eprintln!("help: `pmf explain --list` lists every code");
            ExitCode::from(2)
        }
    }
}

/// Compiles the spec at `paths`: the IR when it is clean, otherwise its diagnostics on stderr.
fn compile_clean(paths: Vec<PathBuf>) -> Result<pmf::ir::Ir, ExitCode> {
    let inputs = driver::inputs(&default_paths(paths));
    // With several editions, the newest is the one no other supersedes.
    let mut compiled: Vec<(driver::Input, check::Compilation)> = inputs
        .into_iter()
        .map(|i| {
            let c = check::compile(&i.sources);
            (i, c)
        })
        .collect();
    let superseded: Vec<String> = compiled
        .iter()
        .filter_map(|(_, c)| c.ir.as_ref()?.edition.supersedes.clone())
        .collect();
    let pick = compiled
        .iter()
        .position(|(_, c)| {
            c.ir.as_ref()
                .is_some_and(|ir| !superseded.contains(&ir.edition.id))
        })
        .unwrap_or(0);
    if compiled.is_empty() {
        eprintln!("error: nothing to compile");
        return Err(ExitCode::from(1));
    }
    let (input, comp) = compiled.swap_remove(pick);
    let mut diags = input.diagnostics;
    diags.extend(comp.diagnostics);
    diag::sort(&mut diags);
    if diags.iter().any(|d| d.is_error()) || comp.ir.is_none() {
        print_diags(&diags, &input.sources, &input.name, DiagFormat::Text, true);
        eprintln!("error: the spec has errors; nothing was produced");
        return Err(ExitCode::from(1));
    }
    Ok(comp.ir.unwrap_or_default())
}

fn cmd_export(paths: Vec<PathBuf>) -> ExitCode {
    match compile_clean(paths) {
        Ok(ir) => {
            let _ = std::io::stdout().write_all(ir.to_json().as_bytes());
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn fmt_targets(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in default_paths(paths) {
        if p.is_dir() {
            out.extend(driver::pmf_files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn cmd_fmt(paths: Vec<PathBuf>, check_only: bool) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    let mut changed = 0;
    for path in fmt_targets(paths) {
        let input = driver::read_input(std::slice::from_ref(&path));
        if !input.diagnostics.is_empty() {
            print_diags(
                &input.diagnostics,
                &input.sources,
                &path.display().to_string(),
                DiagFormat::Text,
                true,
            );
            status = ExitCode::from(1);
            continue;
        }
        let Some(id) = input.sources.ids().next() else {
            continue;
        };
        let text = &input.sources.get(id).text;
        let (_, syntax_errors) = pmf::syntax::parse(id, text);
        let formatted = if syntax_errors.iter().any(|d| d.is_error()) {
            None
        } else {
            fmt::format(text)
        };
        let Some(formatted) = formatted else {
            print_diags(
                &syntax_errors,
                &input.sources,
                &path.display().to_string(),
                DiagFormat::Text,
                true,
            );
            eprintln!(
                "error: {} has syntax errors and was not formatted",
                path.display()
            );
            status = ExitCode::from(1);
            continue;
        };
        if &formatted == text {
            continue;
        }
        changed += 1;
        if check_only {
            println!("{} is not formatted", path.display());
            status = ExitCode::from(1);
        } else if let Err(e) = driver::write_atomic(&path, formatted.as_bytes()) {
            eprintln!("error: cannot write {}: {e}", path.display());
            status = ExitCode::from(1);
        } else {
            println!("formatted {}", path.display());
        }
    }
    if check_only && changed == 0 && status == ExitCode::SUCCESS {
        println!("all files are formatted");
    }
    status
}

const MANIFEST: &str = "MANIFEST.txt";

fn cmd_build(paths: Vec<PathBuf>, out: &Path, check_only: bool, dry_run: bool) -> ExitCode {
    let ir = match compile_clean(paths) {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let mut artifacts = gen::build_all(&ir);
    let manifest: String = artifacts.keys().map(|k| format!("{k}\n")).collect();
    artifacts.insert(MANIFEST.into(), manifest.into_bytes());
    let previous: Vec<String> = std::fs::read_to_string(out.join(MANIFEST))
        .map(|s| s.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let stale: Vec<&String> = previous
        .iter()
        .filter(|p| !artifacts.contains_key(*p))
        .collect();
    if check_only {
        let mut differ = 0;
        for (rel, bytes) in &artifacts {
            let path = out.join(rel);
            match std::fs::read(&path) {
                Ok(existing) if existing == *bytes => {}
                Ok(existing) => {
                    differ += 1;
                    println!("{} differs from what would be built:", path.display());
                    print!("{}", pmf::gen::diff::short_diff(&existing, bytes, 100));
                }
                Err(_) => {
                    differ += 1;
                    println!("{} is missing", path.display());
                }
            }
        }
        for s in &stale {
            differ += 1;
            println!(
                "{} is no longer built and should be removed",
                out.join(s).display()
            );
        }
        if differ > 0 {
            eprintln!("error: {differ} generated files are out of date; run `pmf build`");
            return ExitCode::from(1);
        }
        println!(
            "{} is up to date ({} files)",
            out.display(),
            artifacts.len()
        );
        return ExitCode::SUCCESS;
    }
    if dry_run {
        for rel in artifacts.keys() {
            println!("would write {}", out.join(rel).display());
        }
        return ExitCode::SUCCESS;
    }
    let mut written = 0;
    for (rel, bytes) in &artifacts {
        let path = out.join(rel);
        if std::fs::read(&path).is_ok_and(|e| e == *bytes) {
            continue;
        }
        if let Err(e) = driver::write_atomic(&path, bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        written += 1;
    }
    for s in stale {
        let _ = std::fs::remove_file(out.join(s));
    }
    println!(
        "built {} files into {} ({written} changed)",
        artifacts.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
