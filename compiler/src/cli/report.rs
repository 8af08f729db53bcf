//! `pmf report`: reports from returns. The director's annual report of one authority, by
//! quality standard, from many returns (files or folders of CSV, XLSX and JSON; several years
//! and editions), with a local report definition that picks and orders the measures; or, with
//! `--national`, the national comparison of the 22 authorities and Wales per indicator
//! (confidence intervals, funnel plots), with populations from a file.

use crate::cli_diff::{header, must_exist};
use clap::{Args, ValueEnum};
use pmf::diag;
use pmf::driver;
use pmf::ir::{Ir, Lang, ReportDefinition};
use pmf::reports::{self, Editions, Panel};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Csv,
    Html,
    Docx,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportLang {
    En,
    Cy,
}

#[derive(Args)]
pub struct ReportArgs {
    /// The authority: its ONS code or name, or Wales (W92000004).
    #[arg(
        long,
        required_unless_present = "national",
        conflicts_with = "national"
    )]
    authority: Option<String>,
    /// The national comparison: per indicator, the 22 authorities and Wales with confidence
    /// intervals and funnel plots, instead of one authority's report.
    #[arg(long)]
    national: bool,
    /// With --national: the populations (CSV with the columns authority, year, population,
    /// value); without it, the population figures of the returns are used.
    #[arg(long, requires = "national")]
    populations: Option<PathBuf>,
    /// With --national: only this indicator (repeat for more); all by default.
    #[arg(long, requires = "national")]
    indicator: Vec<String>,
    /// A spec folder (an edition, or a folder of editions); give every edition the returns were
    /// made under (default: spec/).
    #[arg(long)]
    spec: Vec<PathBuf>,
    /// A file of local report definitions (`report` items), checked with the newest edition;
    /// the one for the authority (or the one for any authority) is used.
    #[arg(long, conflicts_with = "national")]
    definition: Option<PathBuf>,
    /// How many years to show, the latest year of the authority's returns last.
    #[arg(long, default_value_t = 2)]
    years: usize,
    #[arg(long, value_enum, default_value = "md")]
    format: ReportFormat,
    /// The language of the fixed wording (the spec's texts in Welsh where it has them).
    #[arg(long, value_enum, default_value = "en")]
    lang: ReportLang,
    /// Where to write (default: standard output; a Word document needs a file).
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// Returns: files (CSV, XLSX, JSON) or folders of them.
    #[arg(required = true)]
    returns: Vec<PathBuf>,
}

/// The most files read from the folders given.
const MAX_FILES: usize = 10_000;

/// Return files under a folder (or the file itself), sorted, hidden entries skipped.
fn return_files(p: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), String> {
    if !p.is_dir() {
        out.push(p.to_path_buf());
        return Ok(());
    }
    if depth > 8 {
        return Err(format!("{}: folders nested too deeply", p.display()));
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .map_err(|e| format!("{}: {e}", p.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|e| {
            !e.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            return_files(&e, out, depth + 1)?;
        } else {
            let ext = e
                .extension()
                .map(|x| x.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(ext.as_str(), "csv" | "xlsx" | "xlsm" | "json") {
                out.push(e);
            }
        }
        if out.len() > MAX_FILES {
            return Err(format!(
                "more than {MAX_FILES} files under {}; give the folders of the returns wanted",
                p.display()
            ));
        }
    }
    Ok(())
}

/// The editions, each checked with the one it supersedes, the newest with the definition.
fn editions(args: &ReportArgs) -> Result<Vec<Ir>, ExitCode> {
    let spec = if args.spec.is_empty() {
        vec![PathBuf::from("spec")]
    } else {
        args.spec.clone()
    };
    for p in &spec {
        must_exist(p)?;
    }
    let mut inputs: Vec<driver::Input> = spec
        .iter()
        .flat_map(|p| driver::inputs(std::slice::from_ref(p)))
        .collect();
    if let Some(def) = &args.definition {
        must_exist(def)?;
        let heads: Vec<Option<(String, Option<String>)>> = inputs.iter().map(header).collect();
        let superseded: Vec<&str> = heads
            .iter()
            .filter_map(|h| h.as_ref()?.1.as_deref())
            .collect();
        let newest = heads
            .iter()
            .position(|h| {
                h.as_ref()
                    .is_some_and(|(id, _)| !superseded.contains(&id.as_str()))
            })
            .unwrap_or(0);
        if let Some(input) = inputs.get_mut(newest) {
            let mut paths = input.paths.clone();
            paths.push(def.clone());
            *input = driver::read_input(&paths);
        }
    }
    let mut irs = Vec::new();
    let mut failed = false;
    for (input, comp) in driver::compile_editions(inputs, false) {
        let mut diags = input.diagnostics.clone();
        diags.extend(comp.diagnostics);
        diag::sort(&mut diags);
        let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
        match comp.ir {
            Some(ir) if errors.is_empty() => irs.push(ir),
            _ => {
                eprint!("{}", diag::render_text(&errors, &input.sources));
                eprintln!(
                    "error: {} has errors; fix them before reporting",
                    input.name
                );
                failed = true;
            }
        }
    }
    if failed {
        return Err(ExitCode::from(1));
    }
    Ok(irs)
}

/// The definition for the authority: its own, else the one for any authority.
fn definition<'a>(
    irs: &'a [Ir],
    authority: &str,
    given: bool,
) -> Result<Option<&'a ReportDefinition>, String> {
    let all: Vec<&ReportDefinition> = irs.iter().flat_map(|ir| ir.reports.iter()).collect();
    let own: Vec<&ReportDefinition> = all
        .iter()
        .copied()
        .filter(|d| d.authority.as_deref() == Some(authority))
        .collect();
    let any: Vec<&ReportDefinition> = all
        .iter()
        .copied()
        .filter(|d| d.authority.is_none())
        .collect();
    match (own.as_slice(), any.as_slice()) {
        ([one], _) => Ok(Some(one)),
        ([], [one]) => Ok(Some(one)),
        ([], []) if !given => Ok(None),
        ([], []) => Err(format!(
            "the definition file has no report for {authority}, nor one without an authority"
        )),
        (many, _) if many.len() > 1 => Err(format!(
            "the definition file has {} reports for {authority} ({}); keep one",
            many.len(),
            many.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
        (_, many) => Err(format!(
            "the definition file has {} reports without an authority ({}); give each its `authority`",
            many.len(),
            many.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
    }
}

pub fn run(args: ReportArgs) -> ExitCode {
    match report(&args) {
        Ok(c) | Err(c) => c,
    }
}

fn report(args: &ReportArgs) -> Result<ExitCode, ExitCode> {
    let authority = match &args.authority {
        Some(a) => match reports::panel::authority_code(a) {
            Some(code) => Some(code),
            None => {
                eprintln!("error: `{a}` is not a Welsh local authority or Wales");
                eprintln!(
                    "help: give an ONS code (W06000015) or a name (Cardiff), or W92000004 for Wales"
                );
                return Err(ExitCode::from(2));
            }
        },
        None => None,
    };
    let irs = editions(args)?;
    let pops = populations(args, &irs)?;
    let mut files = Vec::new();
    for p in &args.returns {
        must_exist(p)?;
        if let Err(e) = return_files(p, &mut files, 0) {
            eprintln!("error: {e}");
            return Err(ExitCode::from(2));
        }
    }
    let mut read = Vec::new();
    let mut unreadable = false;
    for f in &files {
        match crate::cli_returns::read_return(f) {
            Ok(bytes) => read.push((f.display().to_string(), bytes)),
            Err(e) => {
                eprintln!("error: cannot open {}: {e}", f.display());
                unreadable = true;
            }
        }
    }
    if unreadable {
        return Err(ExitCode::from(2));
    }
    let eds = Editions::new(irs.iter().collect());
    let panel = Panel::read(&eds, &read);
    for p in &panel.problems {
        eprintln!("warning: {}", pmf::validate::report::safe(p));
    }
    let lang = match args.lang {
        ReportLang::En => Lang::En,
        ReportLang::Cy => Lang::Cy,
    };
    let Some(authority) = authority else {
        return national(args, pops, &eds, &panel, lang);
    };
    let def = definition(&irs, &authority, args.definition.is_some()).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })?;
    let opts = reports::Options {
        authority,
        years: args.years,
        lang,
    };
    let r = reports::director_report(&eds, def, &panel, &opts).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })?;
    let bytes = match args.format {
        ReportFormat::Md => reports::render::markdown(&r).into_bytes(),
        ReportFormat::Csv => reports::render::csv(&r).into_bytes(),
        ReportFormat::Html => reports::render::html(&r).into_bytes(),
        ReportFormat::Docx => {
            binary_out(args, "a Word document", "docx")?;
            reports::docx::docx(&r).map_err(|e| {
                eprintln!("error: {e}");
                ExitCode::from(2)
            })?
        }
        ReportFormat::Pdf => {
            binary_out(args, "a PDF", "pdf")?;
            reports::pdf::director(&r).map_err(|e| {
                eprintln!("error: the PDF could not be laid out: {e}");
                ExitCode::from(1)
            })?
        }
    };
    write_out(args, &bytes)
}

/// A binary format is written to a file, not to the terminal.
fn binary_out(args: &ReportArgs, what: &str, ext: &str) -> Result<(), ExitCode> {
    if args.out.as_ref().is_none_or(|p| p.as_os_str() == "-") {
        eprintln!("error: {what} is not written to the terminal; give -o FILE.{ext}");
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// The national comparison (`--national`).
fn national(
    args: &ReportArgs,
    populations: Option<reports::Populations>,
    eds: &Editions,
    panel: &Panel,
    lang: Lang,
) -> Result<ExitCode, ExitCode> {
    let opts = reports::NationalOptions {
        years: args.years,
        indicators: args.indicator.clone(),
        lang,
    };
    let r = reports::national_comparison(eds, panel, populations.as_ref(), &opts).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })?;
    let bytes = match args.format {
        ReportFormat::Md => reports::national_render::markdown(&r).into_bytes(),
        ReportFormat::Csv => reports::national_render::csv(&r).into_bytes(),
        ReportFormat::Html => reports::national_render::html(&r).into_bytes(),
        ReportFormat::Docx => {
            eprintln!(
                "error: the national comparison is written as md, csv, html or pdf, not docx"
            );
            eprintln!("help: give --format html or pdf for the charts, or csv for the tables");
            return Err(ExitCode::from(2));
        }
        ReportFormat::Pdf => {
            binary_out(args, "a PDF", "pdf")?;
            reports::pdf::national(&r).map_err(|e| {
                eprintln!("error: the PDF could not be laid out: {e}");
                ExitCode::from(1)
            })?
        }
    };
    write_out(args, &bytes)
}

/// The populations file of `--national`, read before the returns so that a bad one stops at
/// once (exit status 2, every error with file:line:column).
fn populations(args: &ReportArgs, irs: &[Ir]) -> Result<Option<reports::Populations>, ExitCode> {
    Ok(match &args.populations {
        Some(p) => {
            must_exist(p)?;
            let bytes = std::fs::read(p).map_err(|e| {
                eprintln!("error: cannot read {}: {e}", p.display());
                ExitCode::from(2)
            })?;
            let mut declared: Vec<String> = irs
                .iter()
                .flat_map(|ir| ir.populations.iter().map(|p| p.id.clone()))
                .collect();
            declared.sort();
            declared.dedup();
            match reports::Populations::read(&p.display().to_string(), &bytes, &declared) {
                Ok(mut pops) => {
                    // The output names the file, not where it was on this machine.
                    pops.file = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| p.display().to_string());
                    Some(pops)
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("error: {}", pmf::validate::report::safe(&e));
                    }
                    return Err(ExitCode::from(2));
                }
            }
        }
        None => None,
    })
}

fn write_out(args: &ReportArgs, bytes: &[u8]) -> Result<ExitCode, ExitCode> {
    match &args.out {
        Some(p) if p.as_os_str() != "-" => {
            if let Err(e) = driver::output::write_atomic(p, bytes) {
                eprintln!("error: cannot write {}: {e}", p.display());
                return Err(ExitCode::from(2));
            }
        }
        _ => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(bytes);
        }
    }
    Ok(ExitCode::SUCCESS)
}
