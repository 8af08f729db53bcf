//! `pmf diff OLD NEW` and `pmf diff --git REV [NEW]`: what changed between two editions (NEW
//! supersedes OLD), or between two revisions of one edition.

use clap::ValueEnum;
use pmf::diag;
use pmf::diff::{self, Category};
use pmf::driver;
use pmf::ir::Ir;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    /// Any change breaking for submissions or for time series.
    Breaking,
    /// Changes breaking for submissions.
    Submission,
    /// Changes breaking for time series.
    Series,
    /// Any change at all.
    Any,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old and the new edition (spec folders); with --git, only the new one (default: spec/).
    pub paths: Vec<PathBuf>,
    /// Compare with the spec as committed at this git revision (same path): a tag, a branch,
    /// a commit, `HEAD`.
    #[arg(long)]
    pub git: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Exit 1 when there is a change of this kind (for CI).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
}

/// The edition header of a spec: its id and the edition it supersedes.
pub fn header(input: &driver::Input) -> Option<(String, Option<String>)> {
    let comp = pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            skip_ir: true,
            ..Default::default()
        },
    );
    comp.decls
        .editions
        .first()
        .map(|e| (e.id.clone(), e.supersedes.as_ref().map(|r| r.name.clone())))
}

/// A path given on the command line must exist: one clear error, not a report about the
/// files that are not there.
pub fn must_exist(p: &Path) -> Result<(), ExitCode> {
    if p.exists() {
        Ok(())
    } else {
        eprintln!(
            "error: `{}` does not exist; check the path (relative to {})",
            p.display(),
            std::env::current_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|_| "the current folder".into())
        );
        Err(ExitCode::from(2))
    }
}

fn fail(
    diags: Vec<pmf::diag::Diagnostic>,
    input: &driver::Input,
    what: &str,
) -> Result<Ir, ExitCode> {
    let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
    eprint!("{}", diag::render_text(&errors, &input.sources));
    eprintln!("error: {} has errors; fix them before {what}", input.name);
    Err(ExitCode::from(2))
}

/// The IR of a spec checked against `previous`.
pub fn clean_with(input: driver::Input, previous: Option<&Ir>, what: &str) -> Result<Ir, ExitCode> {
    let comp = pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            previous,
            ..Default::default()
        },
    );
    let mut diags = input.diagnostics.clone();
    diags.extend(comp.diagnostics);
    diag::sort(&mut diags);
    match comp.ir {
        Some(ir) if !diags.iter().any(|d| d.is_error()) => Ok(ir),
        _ => fail(diags, &input, what),
    }
}

/// The IR of a spec checked as `pmf check` checks it: with the edition it supersedes, when that
/// edition is in a folder beside it.
pub fn clean(input: driver::Input, what: &str) -> Result<Ir, ExitCode> {
    let mut results = driver::compile_editions(vec![input], false);
    let Some((input, comp)) = results.pop() else {
        return Err(ExitCode::from(2));
    };
    let mut diags = input.diagnostics.clone();
    diags.extend(comp.diagnostics);
    diag::sort(&mut diags);
    match comp.ir {
        Some(ir) if !diags.iter().any(|d| d.is_error()) => Ok(ir),
        _ => fail(diags, &input, what),
    }
}

pub fn run(args: DiffArgs) -> ExitCode {
    match compare(&args) {
        Ok(code) => code,
        Err(code) => code,
    }
}

fn compare(args: &DiffArgs) -> Result<ExitCode, ExitCode> {
    const WHAT: &str = "comparing";
    let (old, new_input) = match (&args.git, args.paths.as_slice()) {
        (Some(rev), paths) => {
            let new_paths = if paths.is_empty() {
                vec![PathBuf::from("spec")]
            } else {
                paths.to_vec()
            };
            for p in &new_paths {
                must_exist(p)?;
            }
            let Some(new_input) = driver::inputs(&new_paths).pop() else {
                eprintln!("error: nothing to compare in {}", new_paths[0].display());
                return Err(ExitCode::from(2));
            };
            let edition_paths = new_input.paths.clone();
            let old_input = driver::read_input_git(rev, &edition_paths).map_err(|e| {
                eprintln!("error: {e}");
                ExitCode::from(2)
            })?;
            // The old revision's own previous edition, as committed beside it.
            let previous = match header(&old_input).and_then(|(_, s)| s) {
                Some(s) => driver::read_edition_git(rev, &edition_paths, &s)
                    .map(|i| clean_with(i, None, WHAT))
                    .transpose()?,
                None => None,
            };
            (clean_with(old_input, previous.as_ref(), WHAT)?, new_input)
        }
        (None, [old, new]) => {
            must_exist(old)?;
            must_exist(new)?;
            (
                clean(driver::read_input(std::slice::from_ref(old)), WHAT)?,
                driver::read_input(std::slice::from_ref(new)),
            )
        }
        (None, _) => {
            eprintln!(
                "error: give two spec folders, `pmf diff OLD NEW`, or `pmf diff --git REV [NEW]`"
            );
            return Err(ExitCode::from(2));
        }
    };
    let name = new_input.name.clone();
    let new = match header(&new_input) {
        // The new edition supersedes the old one: it is checked against it.
        Some((_, Some(s))) if s == old.edition.id => clean_with(new_input, Some(&old), WHAT)?,
        // Two revisions of one edition: each is checked as it stands, and codes are compared as
        // they are.
        Some((id, _)) if id == old.edition.id => clean(new_input, WHAT)?,
        Some((id, s)) => {
            eprintln!(
                "error: {name} is edition `{id}`, which supersedes {}, not `{}`; pmf diff compares an edition with the one it supersedes, or two revisions of one edition",
                s.map_or("none".to_string(), |s| format!("`{s}`")),
                old.edition.id
            );
            return Err(ExitCode::from(2));
        }
        None => clean(new_input, WHAT)?,
    };
    let changes = diff::diff(&old, &new);
    let out = match args.format {
        DiffFormat::Text => diff::render_text(&old, &new, &changes),
        DiffFormat::Markdown => diff::render_markdown(&old, &new, &changes),
        DiffFormat::Json => diff::render_json(&old, &new, &changes),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    let fails = |c: &diff::Change| match args.fail_on {
        None => false,
        Some(FailOn::Any) => true,
        Some(FailOn::Breaking) => c.category != Category::Documentation,
        Some(FailOn::Submission) => c.category == Category::BreakingSubmission,
        Some(FailOn::Series) => c.category == Category::BreakingSeries,
    };
    Ok(if changes.iter().any(fails) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
