//! `pmf diff OLD NEW` and `pmf diff --git REV [NEW]`: what changed between two editions.

use clap::ValueEnum;
use pmf::diag;
use pmf::diff::{self, Category};
use pmf::driver;
use std::io::Write;
use std::path::PathBuf;
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
    /// Compare with the spec as committed at this git revision (same path).
    #[arg(long)]
    pub git: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Exit 1 when there is a change of this kind (for CI).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
}

fn clean(input: driver::Input, previous: Option<&pmf::ir::Ir>) -> Result<pmf::ir::Ir, ExitCode> {
    let comp = pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            previous,
            ..Default::default()
        },
    );
    let mut diags = input.diagnostics;
    diags.extend(comp.diagnostics);
    diag::sort(&mut diags);
    match comp.ir {
        Some(ir) if !diags.iter().any(|d| d.is_error()) => Ok(ir),
        _ => {
            let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
            eprint!("{}", diag::render_text(&errors, &input.sources));
            eprintln!(
                "error: {} has errors; fix them before comparing",
                input.name
            );
            Err(ExitCode::from(2))
        }
    }
}

pub fn run(args: DiffArgs) -> ExitCode {
    let (old_input, new_input) = match (&args.git, args.paths.as_slice()) {
        (Some(rev), paths) => {
            let new_paths = if paths.is_empty() {
                vec![PathBuf::from("spec")]
            } else {
                paths.to_vec()
            };
            let new_input = match driver::inputs(&new_paths).pop() {
                Some(i) => i,
                None => {
                    eprintln!("error: nothing to compare in {}", new_paths[0].display());
                    return ExitCode::from(2);
                }
            };
            let edition_paths = new_input.paths.clone();
            match driver::read_input_git(rev, &edition_paths) {
                Ok(old) => (old, new_input),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        (None, [old, new]) => (
            driver::read_input(std::slice::from_ref(old)),
            driver::read_input(std::slice::from_ref(new)),
        ),
        (None, _) => {
            eprintln!(
                "error: give two spec folders, `pmf diff OLD NEW`, or `pmf diff --git REV [NEW]`"
            );
            return ExitCode::from(2);
        }
    };
    let old = match clean(old_input, None) {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let new = match clean(new_input, Some(&old)) {
        Ok(ir) => ir,
        Err(code) => return code,
    };
    let changes = diff::diff(&old, &new);
    let (o, n) = (old.edition.id.as_str(), new.edition.id.as_str());
    let out = match args.format {
        DiffFormat::Text => diff::render_text(o, n, &changes),
        DiffFormat::Markdown => diff::render_markdown(o, n, &changes),
        DiffFormat::Json => diff::render_json(o, n, &changes),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    let fails = |c: &diff::Change| match args.fail_on {
        None => false,
        Some(FailOn::Any) => true,
        Some(FailOn::Breaking) => c.category != Category::Documentation,
        Some(FailOn::Submission) => c.category == Category::BreakingSubmission,
        Some(FailOn::Series) => c.category == Category::BreakingSeries,
    };
    if changes.iter().any(fails) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
