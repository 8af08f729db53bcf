//! The `pmf` command line: a thin layer over the library.

use clap::{Parser, Subcommand, ValueEnum};
use pmf::diag::{self, Code};
use pmf::{check, driver};
use std::io::Write;
use std::path::PathBuf;
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

#[derive(Subcommand)]
enum Command {
    /// Check a spec: exit 0 when there is no error, 1 when there is.
    Check {
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DiagFormat,
    },
    /// Explain a diagnostic code, e.g. `pmf explain PMF0102`.
    Explain {
        code: Option<String>,
        /// List every code.
        #[arg(long)]
        list: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format } => cmd_check(paths, format),
        Command::Explain { code, list } => cmd_explain(code, list),
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("spec")]
    } else {
        paths
    }
}

fn cmd_check(paths: Vec<PathBuf>, format: DiagFormat) -> ExitCode {
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for input in driver::inputs(&default_paths(paths)) {
        let comp = check::compile(&input.sources);
        let mut diags = input.diagnostics;
        diags.extend(comp.diagnostics);
        diag::sort(&mut diags);
        failed |= diags.iter().any(|d| d.is_error());
        let rendered = match format {
            DiagFormat::Text => {
                let mut s = diag::render_text(&diags, &input.sources);
                s.push_str(&format!("{}: {}\n", input.name, diag::summary_line(&diags)));
                s
            }
            DiagFormat::Json => diag::render_json(&diags, &input.sources),
        };
        let _ = out.write_all(rendered.as_bytes());
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
