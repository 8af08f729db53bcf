//! The `pmf` command line: a thin layer over the library.

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc rather than the system allocator, as in the language server: checking a spec,
/// validating a million rows and checking a year of case records each allocate and free
/// millions of small values, and glibc's allocator was measured at a fifth to a third of their
/// time (BENCHMARKS.md, "The allocator").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "cli/compute.rs"]
mod cli_compute;
#[path = "cli/diff.rs"]
mod cli_diff;
#[path = "cli/migrate.rs"]
mod cli_migrate;
#[path = "cli/report.rs"]
mod cli_report;
#[path = "cli/returns.rs"]
mod cli_returns;
#[path = "cli/translate.rs"]
mod cli_translate;
use pmf::diag::{self, Code, Diagnostic};
use pmf::source::Sources;
use pmf::validate::report::safe;
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
enum ValidateFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DocFormatArg {
    Pdf,
    Html,
    Md,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum LangArg {
    En,
    Cy,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum TemplateFormat {
    Xlsx,
    Csv,
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
        /// Also print the warnings that are allowed with a reason (they are counted either way).
        #[arg(long)]
        show_allowed: bool,
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
    /// Generate the guidance: a PDF, an HTML site or Markdown files, in English or Welsh.
    Doc {
        #[arg(long, value_enum, default_value = "pdf")]
        format: DocFormatArg,
        /// The language: Welsh uses the spec's Welsh texts and lists those it lacks.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// A file for the PDF, a folder for HTML and Markdown (default: guidance.pdf,
        /// guidance-html/ or guidance-md/, with `.cy` before the extension in Welsh).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The technical annex for the spec's editors (errata as printed, accepted warnings,
        /// rules, identifiers) as a PDF of its own (default: annex.pdf). The HTML and Markdown
        /// guidance hold the annex's pages already.
        #[arg(long)]
        annex: bool,
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
    },
    /// Write a submission template (XLSX workbook, tidy CSV or JSON), empty or prefilled.
    Template {
        #[arg(long, value_enum, default_value = "xlsx")]
        format: TemplateFormat,
        /// Where to write (default: submission-template.xlsx for XLSX, standard output for CSV
        /// and JSON; `-` is standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Fill the template from a submission (XLSX, CSV or JSON): last year's return, or an
        /// export from a case management system.
        #[arg(long)]
        prefill: Option<PathBuf>,
        /// The authority (ONS code or name); also picks one return from a prefill file.
        #[arg(long)]
        authority: Option<String>,
        /// The financial year, e.g. 2021-22; also picks one return from a prefill file.
        #[arg(long)]
        period: Option<String>,
        /// The language of the workbook: en (English) or cy (Welsh: every heading, note,
        /// message and check in Welsh, and the spec's texts in Welsh where they have it).
        /// The CSV and JSON forms have no words to translate.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
    },
    /// Check submissions (XLSX, CSV or JSON) against every rule of the spec: exit 0 when no
    /// error is left after exceptions, 1 when one is, 2 when an input could not be read. The
    /// shipped editions are built in: it runs from any folder.
    Validate {
        /// The spec folder or files, instead of the editions built into pmf.
        #[arg(long)]
        spec: Vec<PathBuf>,
        /// The edition to check against (default: the one the returns say they were made for,
        /// else the newest).
        #[arg(long)]
        edition: Option<String>,
        /// text for an officer, json for tools, csv for a spreadsheet (one row per finding).
        #[arg(long, value_enum, default_value = "text")]
        format: ValidateFormat,
        /// Also compute the indicators of each submission.
        #[arg(long)]
        indicators: bool,
        /// List every figure not yet given (the text report counts them per sheet).
        #[arg(long, short)]
        verbose: bool,
        /// The language of the messages: en (English) or cy (Welsh). The rules' messages use
        /// the spec's Welsh texts where it has them.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Last year's returns (XLSX, CSV or JSON; of this edition or the one it supersedes):
        /// each submission is also checked against its authority's return for the year before
        /// by the year-on-year rules (a change beyond its limit, a stock that does not balance).
        #[arg(long)]
        previous: Vec<PathBuf>,
        /// Submission files; a CSV with the header authority,period,rule,explanation holds
        /// exceptions for the submissions given with it.
        #[arg(required = true)]
        submissions: Vec<PathBuf>,
    },
    /// What changed between two editions, each change in a category (breaking for
    /// submissions, breaking for time series, documentation only).
    Diff(cli_diff::DiffArgs),
    /// Carry returns made under an earlier edition to a new edition's codes, where the mapping
    /// is exact; report value by value what cannot be carried and why.
    Migrate(cli_migrate::MigrateArgs),
    /// Reports from returns: the director's annual report of one authority, by quality
    /// standard, this year beside earlier years, with flags and notes.
    Report(cli_report::ReportArgs),
    /// The translators' round trip: export the texts that need Welsh as PO or XLIFF 2.0, and
    /// import the translated file into the .pmf sources.
    #[command(subcommand)]
    Translate(cli_translate::TranslateCommand),
    /// Compute an authority's return from its case records by the spec's counting rules
    /// (compiler/doc/records.md): every value is checked first, and nothing is written if one
    /// is bad.
    Compute(cli_compute::ComputeArgs),
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
        /// Publish: refuse to build unless every text has reviewed Welsh that translates its
        /// English as it is now (no text missing, stale or unreviewed), so that neither
        /// language is published without the other.
        #[arg(long)]
        publish: bool,
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
            show_allowed,
        } => cmd_check(paths, format, welsh, show_allowed),
        Command::Explain { code, list } => cmd_explain(code, list),
        Command::Export { format: _, paths } => cmd_export(paths),
        Command::Fmt { check, paths } => cmd_fmt(paths, check),
        Command::Doc {
            format,
            lang,
            out,
            annex,
            paths,
        } => cmd_doc(paths, format, lang, out, annex),
        Command::Template {
            format,
            out,
            prefill,
            authority,
            period,
            lang,
            paths,
        } => cmd_template(paths, format, out, prefill, authority, period, lang),
        Command::Validate {
            spec,
            edition,
            format,
            indicators,
            verbose,
            lang,
            previous,
            submissions,
        } => cmd_validate(
            spec,
            edition,
            format,
            verbose,
            pmf::validate::Options {
                indicators,
                lang: match lang {
                    LangArg::En => pmf::ir::Lang::En,
                    LangArg::Cy => pmf::ir::Lang::Cy,
                },
                text_only: (format == ValidateFormat::Text).then_some(verbose),
            },
            &previous,
            submissions,
        ),
        Command::Diff(args) => cli_diff::run(args),
        Command::Migrate(args) => cli_migrate::run(args),
        Command::Report(args) => cli_report::run(args),
        Command::Translate(cmd) => cli_translate::run(cmd),
        Command::Compute(mut args) => {
            // As `pmf template`: outside a spec's folder, the newest edition built into pmf.
            let paths = std::mem::take(&mut args.paths);
            let ir = if let Some(path) = &args.ir {
                cli_compute::read_ir(path)
            } else if paths.is_empty() && !Path::new("spec").exists() {
                shipped_edition(None, &[], pmf::ir::Lang::En)
            } else {
                compile_clean(paths)
            };
            match ir {
                Ok(ir) => cli_compute::run(args, &ir),
                Err(code) => code,
            }
        }
        Command::Build {
            out,
            check,
            dry_run,
            publish,
            paths,
        } => cmd_build(paths, &out, check, dry_run, publish),
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

fn cmd_check(paths: Vec<PathBuf>, format: DiagFormat, welsh: bool, show_allowed: bool) -> ExitCode {
    let mut failed = false;
    for (input, comp) in
        driver::compile_editions_with(driver::inputs(&default_paths(paths)), welsh, true)
    {
        // The process ends right after: freeing the syntax trees and tables would only cost
        // time (a tenth of a large check), so they are left to the operating system.
        let input = std::mem::ManuallyDrop::new(input);
        let comp = std::mem::ManuallyDrop::new(comp);
        let mut diags = input.diagnostics.clone();
        diags.extend(comp.diagnostics.iter().cloned());
        diag::sort(&mut diags);
        failed |= diags.iter().any(|d| d.is_error());
        if format == DiagFormat::Text && !show_allowed {
            // Allowed warnings are listed in the guidance; on the terminal they would bury what
            // needs attention. The summary still counts them.
            let shown: Vec<Diagnostic> = diags
                .iter()
                .filter(|d| d.allowed.is_none())
                .cloned()
                .collect();
            let mut rendered = diag::render_text(&shown, &input.sources);
            rendered.push_str(&format!("{}: {}\n", input.name, diag::summary_line(&diags)));
            let _ = std::io::stdout().write_all(rendered.as_bytes());
            continue;
        }
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
    compile_clean_with(paths, false).map(|(ir, _)| ir)
}

/// The same, with the checks of every text's Welsh when `welsh`, and the diagnostics that are
/// not errors.
fn compile_clean_with(
    paths: Vec<PathBuf>,
    welsh: bool,
) -> Result<(pmf::ir::Ir, Vec<Diagnostic>), ExitCode> {
    let inputs = driver::inputs(&default_paths(paths));
    // With several editions, the newest is the one no other supersedes.
    let mut compiled: Vec<(driver::Input, check::Compilation)> =
        driver::compile_editions(inputs, welsh);
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
    Ok((comp.ir.unwrap_or_default(), diags))
}

/// Whether every text has reviewed Welsh for its English as it is now; otherwise says how many
/// do not and how to find them, and nothing is built.
fn ready_to_publish(diags: &[Diagnostic]) -> Result<(), ExitCode> {
    let count = |code: Code| diags.iter().filter(|d| d.code == code).count();
    let (missing, stale, unreviewed) = (
        count(Code::MissingWelsh),
        count(Code::StaleWelsh),
        count(Code::UnreviewedWelsh),
    );
    if missing + stale + unreviewed == 0 {
        return Ok(());
    }
    eprintln!(
        "error: not ready to publish in Welsh and English: {missing} text(s) have no Welsh, {stale} Welsh text(s) translate English that has since changed, {unreviewed} Welsh text(s) are not yet reviewed; nothing was built"
    );
    eprintln!("  help: `pmf check --welsh` lists each; `pmf translate export` makes the file for translators, and `pmf translate import` takes their work back");
    Err(ExitCode::from(1))
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

fn cmd_doc(
    paths: Vec<PathBuf>,
    format: DocFormatArg,
    lang: LangArg,
    out: Option<PathBuf>,
    annex: bool,
) -> ExitCode {
    use pmf::gen::docs::{self, DocFormat};
    if annex && !matches!(format, DocFormatArg::Pdf) {
        eprintln!("error: `--annex` is for the PDF: the HTML and Markdown guidance hold the annex's pages already (annex*.html, annex*.md)");
        return ExitCode::from(2);
    }
    let ir = match compile_clean(paths) {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let (format, stem, ext) = match format {
        DocFormatArg::Pdf if annex => (DocFormat::Pdf, "annex", ".pdf"),
        DocFormatArg::Pdf => (DocFormat::Pdf, "guidance", ".pdf"),
        DocFormatArg::Html => (DocFormat::Html, "guidance-html", ""),
        DocFormatArg::Md => (DocFormat::Markdown, "guidance-md", ""),
    };
    let (lang, suffix) = match lang {
        LangArg::En => (pmf::ir::Lang::En, ""),
        LangArg::Cy => (pmf::ir::Lang::Cy, ".cy"),
    };
    let default = PathBuf::from(format!("{stem}{suffix}{ext}"));
    let made = match (format, annex) {
        (DocFormat::Pdf, true) => docs::annex(&ir, lang),
        // The site links from every page to the PDFs, the templates and the validation code,
        // which it holds under downloads/.
        (DocFormat::Html, _) => docs::downloads(&ir, lang).and_then(|mut files| {
            files.extend(gen::templates::artifacts(&ir));
            // Beside the pages' folder, the workbook's codes link one folder up.
            let links = gen::templates::xlsx::Links {
                guidance: "../".into(),
            };
            let fill = gen::templates::Fill::default();
            if let (Some((_, bytes)), Ok(b)) = (
                files.iter_mut().find(|(p, _)| p.ends_with(".xlsx")),
                gen::templates::xlsx::template_linked(&ir, &fill, &links),
            ) {
                *bytes = b;
            }
            files.extend(gen::validation::artifacts(&ir));
            let list: Vec<docs::Download> = files
                .into_iter()
                .map(|(path, bytes)| docs::Download {
                    href: format!("downloads/{}", path.rsplit('/').next().unwrap_or(&path)),
                    bytes: Some(bytes),
                })
                .collect();
            docs::site(&ir, lang, &list)
        }),
        _ => docs::generate(&ir, format, lang),
    };
    let guidance = match made {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: cannot generate the guidance: {e}");
            eprintln!("note: this is a fault in pmf, not in the spec; please report it");
            return ExitCode::from(1);
        }
    };
    let target = out.unwrap_or(default.clone());
    let result = if format == DocFormat::Pdf {
        // A folder given for the PDF gets the default file name inside it.
        let file = if target.is_dir() {
            target.join(default)
        } else {
            target
        };
        let bytes = guidance
            .files
            .get(if annex {
                docs::ANNEX_FILE
            } else {
                docs::PDF_FILE
            })
            .cloned()
            .unwrap_or_default();
        driver::write_atomic(&file, &bytes)
            .map(|_| format!("wrote {} ({} KB)", file.display(), bytes.len() / 1024))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))
    } else if target.is_file() {
        Err(format!(
            "{} is a file; give a folder for the {} guidance",
            target.display(),
            if format == DocFormat::Html {
                "HTML"
            } else {
                "Markdown"
            }
        ))
    } else {
        pmf::driver::output::write(&target, &guidance.files, false).map(|_| {
            let first = if format == DocFormat::Html {
                "index.html"
            } else {
                "index.md"
            };
            format!(
                "wrote {} files into {} (start at {})",
                guidance.files.len(),
                target.display(),
                target.join(first).display()
            )
        })
    };
    match result {
        Ok(msg) => println!("{msg}"),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    }
    if !guidance.untranslated.is_empty() {
        let n = guidance.untranslated.len();
        eprintln!(
            "note: {n} text{} of the spec {} no Welsh version and {} shown in English; the guidance lists {} under \"Testunau heb eu cyfieithu eto\"",
            if n == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" },
            if n == 1 { "is" } else { "are" },
            if n == 1 { "it" } else { "them" },
        );
        for u in guidance.untranslated.iter().take(10) {
            eprintln!("  {}: {}", u.place, u.text);
        }
        if n > 10 {
            eprintln!("  ... and {} more", n - 10);
        }
    }
    ExitCode::SUCCESS
}

fn cmd_build(
    paths: Vec<PathBuf>,
    out: &Path,
    check_only: bool,
    dry_run: bool,
    publish: bool,
) -> ExitCode {
    use pmf::driver::output;
    let ir = match compile_clean_with(paths, publish) {
        Ok((ir, notes)) => {
            if publish {
                if let Err(code) = ready_to_publish(&notes) {
                    return code;
                }
            }
            ir
        }
        Err(code) => return code,
    };
    let artifacts = match gen::build_all(&ir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot build: {e}");
            eprintln!("note: this is a fault in pmf, not in the spec; please report it");
            return ExitCode::from(1);
        }
    };
    if check_only {
        let cmp = output::compare(out, &artifacts, true);
        for (rel, existing) in &cmp.changed {
            let new = if rel == output::MANIFEST {
                output::manifest(&artifacts).into_bytes()
            } else {
                artifacts.get(rel).cloned().unwrap_or_default()
            };
            println!(
                "{} differs from what would be built:",
                out.join(rel).display()
            );
            print!("{}", pmf::driver::short_diff(existing, &new, 100));
        }
        for rel in &cmp.missing {
            println!("{} is missing", out.join(rel).display());
        }
        for rel in &cmp.stale.removable {
            println!(
                "{} is no longer built and should be removed",
                out.join(rel).display()
            );
        }
        for (rel, why) in &cmp.stale.kept {
            println!("{rel} is listed in the manifest but no longer built ({why})");
        }
        if !cmp.is_fresh() {
            let n = cmp.changed.len()
                + cmp.missing.len()
                + cmp.stale.removable.len()
                + cmp.stale.kept.len();
            eprintln!(
                "error: {n} generated file{} out of date; run `pmf build`",
                if n == 1 { " is" } else { "s are" }
            );
            return ExitCode::from(1);
        }
        println!(
            "{} is up to date ({} files)",
            out.display(),
            artifacts.len() + 1
        );
        return ExitCode::SUCCESS;
    }
    if dry_run {
        for rel in artifacts.keys() {
            println!("would write {}", out.join(rel).display());
        }
        println!("would write {}", out.join(output::MANIFEST).display());
        return ExitCode::SUCCESS;
    }
    match output::write(out, &artifacts, true) {
        Ok(w) => {
            for (rel, why) in &w.kept {
                eprintln!("warning: {rel} is no longer built and was not removed: {why}");
            }
            println!(
                "built {} files into {} ({} changed{})",
                artifacts.len() + 1,
                out.display(),
                w.changed,
                match w.removed.len() {
                    0 => String::new(),
                    n => format!(", {n} stale removed"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn cmd_template(
    paths: Vec<PathBuf>,
    format: TemplateFormat,
    out: Option<PathBuf>,
    prefill: Option<PathBuf>,
    authority: Option<String>,
    period: Option<String>,
    lang: LangArg,
) -> ExitCode {
    use pmf::gen::templates::{self, Fill};
    // Outside a spec's folder, the newest edition built into pmf, as `pmf validate` does: an
    // officer makes the workbook where the return is kept.
    let ir = if paths.is_empty() && !Path::new("spec").exists() {
        shipped_edition(None, &[], pmf::ir::Lang::En)
    } else {
        compile_clean(paths)
    };
    let ir = match ir {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let authority = match authority
        .as_deref()
        .map(|a| (a, pmf::authorities::parse(a)))
    {
        None => None,
        Some((_, Some(a))) => Some(a.code.to_string()),
        Some((a, None)) => {
            eprintln!("error: `{a}` is not one of the 22 Welsh local authorities");
            eprintln!("help: give its ONS code (W06000001 to W06000024) or its name, e.g. Cardiff");
            return ExitCode::from(2);
        }
    };
    if let Some(p) = &period {
        if !pmf::validate::engine::is_period(p) {
            eprintln!("error: `{p}` is not a financial year");
            eprintln!("help: write it like 2021-22");
            return ExitCode::from(2);
        }
    }
    let chosen = match &prefill {
        None => None,
        Some(path) => {
            let name = path.display().to_string();
            let bytes = match cli_returns::read_return(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: cannot read {}: {}", safe(&name), safe(&e));
                    return ExitCode::from(2);
                }
            };
            let input = match pmf::validate::read_isolated(&name, &bytes, &ir) {
                Ok(i) => i,
                Err(e) => {
                    eprintln!(
                        "error: {}",
                        pmf::validate::report::safe_lines(&e.to_string())
                    );
                    return ExitCode::from(2);
                }
            };
            let all = input.submissions;
            let matching: Vec<&pmf::validate::Submission> = all
                .iter()
                .filter(|s| authority.as_deref().is_none_or(|a| s.authority.trim() == a))
                .filter(|s| {
                    period.as_deref().is_none_or(|p| s.period.trim() == p) || all.len() == 1
                })
                .collect();
            match matching.as_slice() {
                [one] => Some((*one).clone()),
                [] => {
                    eprintln!(
                        "error: {} holds no return for the authority and period asked for",
                        safe(&name)
                    );
                    return ExitCode::from(2);
                }
                many => {
                    eprintln!(
                        "error: {} holds {} returns; choose one with --authority and --period",
                        safe(&name),
                        many.len()
                    );
                    for s in many.iter().take(10) {
                        eprintln!(
                            "  {} {}",
                            pmf::validate::report::short(&s.authority),
                            pmf::validate::report::short(&s.period)
                        );
                    }
                    return ExitCode::from(2);
                }
            }
        }
    };
    let fill = Fill {
        submission: chosen.as_ref(),
        authority,
        period,
        lang: match lang {
            LangArg::En => pmf::ir::Lang::En,
            LangArg::Cy => pmf::ir::Lang::Cy,
        },
    };
    let (bytes, default_out) = match format {
        TemplateFormat::Xlsx => match templates::xlsx::template(&ir, &fill) {
            Ok(b) => (b, Some(PathBuf::from("submission-template.xlsx"))),
            Err(e) => {
                eprintln!("error: the workbook could not be made: {e}");
                return ExitCode::from(1);
            }
        },
        TemplateFormat::Csv => (templates::csv::template(&ir, &fill).into_bytes(), None),
        TemplateFormat::Json => (templates::json::template(&ir, &fill).into_bytes(), None),
    };
    match out.or(default_out) {
        Some(p) if p.as_os_str() != "-" => {
            if let Err(e) = driver::write_atomic(&p, &bytes) {
                eprintln!("error: cannot write {}: {e}", p.display());
                return ExitCode::from(1);
            }
            eprintln!("wrote {}", p.display());
        }
        _ => {
            let _ = std::io::stdout().write_all(&bytes);
        }
    }
    ExitCode::SUCCESS
}

fn cmd_validate(
    spec: Vec<PathBuf>,
    edition: Option<String>,
    format: ValidateFormat,
    verbose: bool,
    opts: pmf::validate::Options,
    previous: &[PathBuf],
    submissions: Vec<PathBuf>,
) -> ExitCode {
    let inputs: Vec<(String, Result<Vec<u8>, String>)> = submissions
        .iter()
        .map(|p| (p.display().to_string(), cli_returns::read_return(p)))
        .collect();
    let ir = if spec.is_empty() {
        shipped_edition(edition.as_deref(), &inputs, opts.lang)
    } else {
        spec_edition(spec, edition.as_deref(), opts.lang)
    };
    let ir = match ir {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let previous: Vec<(String, Result<Vec<u8>, String>)> = previous
        .iter()
        .map(|p| (p.display().to_string(), cli_returns::read_return(p)))
        .collect();
    let report = pmf::validate::validate_with_previous(&ir, inputs, previous, opts);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // A closed pipe (`| head`) is not an error of the returns: the exit code stays theirs.
    let _ = match format {
        ValidateFormat::Text => report.write_text_to(&mut out, verbose),
        ValidateFormat::Json => out.write_all(report.to_json().as_bytes()),
        ValidateFormat::Csv => out.write_all(report.to_csv().as_bytes()),
    };
    let _ = out.flush();
    let code = report.exit_code();
    // The findings of a million rows are freed by the operating system at exit at no cost;
    // freeing them one by one took a twentieth of the run.
    std::mem::forget(report);
    ExitCode::from(code)
}

/// The edition to validate against, from the editions built into pmf: the one asked for, else
/// the one the returns say they were made for, else the newest.
fn shipped_edition(
    asked: Option<&str>,
    inputs: &[(String, Result<Vec<u8>, String>)],
    lang: pmf::ir::Lang,
) -> Result<pmf::ir::Ir, ExitCode> {
    let w = pmf::words::Table::messages(lang);
    let declared: std::collections::BTreeMap<String, Vec<&str>> =
        inputs
            .iter()
            .fold(std::collections::BTreeMap::new(), |mut m, (name, bytes)| {
                if let Some(id) = bytes
                    .as_ref()
                    .ok()
                    .and_then(|b| pmf::validate::read::declared_edition(name, b))
                {
                    m.entry(id).or_insert_with(Vec::new).push(name.as_str());
                }
                m
            });
    if asked.is_none() && declared.len() > 1 {
        let list: Vec<String> = declared
            .iter()
            .map(|(id, files)| {
                w.fill(
                    "cli.made_for",
                    &[("files", &safe(&files.join(", "))), ("edition", id)],
                )
            })
            .collect();
        eprintln!(
            "{}: {}",
            w.get("cli.error"),
            w.fill("cli.editions_differ", &[("list", &list.join("; "))])
        );
        return Err(ExitCode::from(2));
    }
    let want = asked
        .map(str::to_string)
        .or_else(|| declared.keys().next().cloned());
    let compiled = driver::compile_editions(pmf::shipped::inputs(), false);
    let irs: Vec<pmf::ir::Ir> = compiled.into_iter().filter_map(|(_, c)| c.ir).collect();
    let carried: Vec<&str> = irs.iter().map(|ir| ir.edition.id.as_str()).collect();
    let pick = match &want {
        Some(id) => irs.iter().position(|ir| &ir.edition.id == id),
        None => newest(&irs),
    };
    match pick {
        Some(i) => Ok(irs.into_iter().nth(i).unwrap_or_default()),
        None => {
            let why = match (&want, asked) {
                (Some(id), Some(_)) => w.fill("cli.no_such_edition", &[("edition", &safe(id))]),
                (Some(id), None) => w.fill(
                    "cli.edition_not_carried",
                    &[
                        (
                            "files",
                            &declared
                                .get(id)
                                .map(|f| safe(&f.join(", ")).into_owned())
                                .unwrap_or_default(),
                        ),
                        ("edition", &safe(id)),
                    ],
                ),
                (None, _) => w.get("cli.no_edition"),
            };
            let carried = if carried.is_empty() {
                w.get("cli.carried_none")
            } else {
                carried.join(", ")
            };
            eprintln!(
                "{}: {}\n  {}: {}",
                w.get("cli.error"),
                w.fill("cli.carried", &[("why", &why), ("carried", &carried)]),
                w.get("cli.help"),
                w.get("cli.edition_help")
            );
            Err(ExitCode::from(2))
        }
    }
}

/// The newest of several editions: the one no other supersedes.
fn newest(irs: &[pmf::ir::Ir]) -> Option<usize> {
    let superseded: Vec<&str> = irs
        .iter()
        .filter_map(|ir| ir.edition.supersedes.as_deref())
        .collect();
    irs.iter()
        .position(|ir| !superseded.contains(&ir.edition.id.as_str()))
        .or(if irs.is_empty() { None } else { Some(0) })
}

/// The edition to validate against from `--spec`: every path must exist (one clear error if
/// not, rather than the checker's view of an empty spec), then as `compile_clean`, or the
/// edition asked for.
fn spec_edition(
    spec: Vec<PathBuf>,
    asked: Option<&str>,
    lang: pmf::ir::Lang,
) -> Result<pmf::ir::Ir, ExitCode> {
    let w = pmf::words::Table::messages(lang);
    for p in &spec {
        if let Err(e) = std::fs::metadata(p) {
            eprintln!(
                "{}: {}\n  {}: {}",
                w.get("cli.error"),
                w.fill(
                    "cli.spec_unreadable",
                    &[
                        ("path", &safe(&p.display().to_string())),
                        ("error", &safe(&e.to_string()))
                    ]
                ),
                w.get("cli.help"),
                w.get("cli.spec_unreadable_help")
            );
            return Err(ExitCode::from(2));
        }
    }
    let Some(id) = asked else {
        return compile_clean(spec);
    };
    let compiled = driver::compile_editions(driver::inputs(&spec), false);
    let mut found = None;
    let mut carried = Vec::new();
    for (input, comp) in compiled {
        let Some(ir) = comp.ir else { continue };
        carried.push(ir.edition.id.clone());
        if ir.edition.id == id {
            if comp.diagnostics.iter().any(|d| d.is_error()) {
                print_diags(
                    &comp.diagnostics,
                    &input.sources,
                    &input.name,
                    DiagFormat::Text,
                    true,
                );
                eprintln!("{}: {}", w.get("cli.error"), w.get("cli.spec_has_errors"));
                return Err(ExitCode::from(1));
            }
            found = Some(ir);
        }
    }
    found.ok_or_else(|| {
        eprintln!(
            "{}: {}",
            w.get("cli.error"),
            w.fill(
                "cli.spec_lacks_edition",
                &[("edition", &safe(id)), ("carried", &carried.join(", "))]
            )
        );
        ExitCode::from(2)
    })
}
