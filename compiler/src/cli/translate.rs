//! `pmf translate export` and `pmf translate import`: the translators' round trip (the work is
//! pmf-translate's; this reads the spec and the file, and writes the results all or nothing).

use clap::{Subcommand, ValueEnum};
use pmf::diag;
use pmf::driver;
use pmf::translate::{self, import::Options, Problem};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TranslateFormat {
    /// A gettext PO file.
    Po,
    /// An XLIFF 2.0 file.
    Xliff,
}

#[derive(Subcommand)]
pub enum TranslateCommand {
    /// Write every text that needs Welsh (missing, stale, not reviewed) for a translator.
    Export {
        #[arg(long, value_enum, default_value = "po")]
        format: TranslateFormat,
        /// The file to write (default: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
    },
    /// Write the Welsh of a translated PO or XLIFF file into the .pmf sources, with the hash of
    /// the English it translates and its state; refuse the whole file if any entry is wrong.
    Import {
        /// The translated file (.po, or .xlf/.xliff).
        file: PathBuf,
        /// Entries that are done (a PO entry not fuzzy, an XLIFF segment translated) have been
        /// reviewed: write them as `reviewed`, not `translated`.
        #[arg(long)]
        reviewed: bool,
        /// Spec folders or files (default: spec/).
        paths: Vec<PathBuf>,
    },
}

pub fn run(cmd: TranslateCommand) -> ExitCode {
    match cmd {
        TranslateCommand::Export { format, out, paths } => export(format, out, paths),
        TranslateCommand::Import {
            file,
            reviewed,
            paths,
        } => import(&file, reviewed, paths),
    }
}

/// The one spec named by the paths, checked; its diagnostics are printed when it has errors.
fn compile(paths: Vec<PathBuf>) -> Result<(driver::Input, pmf::check::Compilation), ExitCode> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("spec")]
    } else {
        paths
    };
    let mut all = driver::compile_editions_with(driver::inputs(&paths), false, true);
    if all.len() != 1 {
        eprintln!(
            "error: `pmf translate` works on one spec at a time; these paths hold {}",
            all.len()
        );
        return Err(ExitCode::from(2));
    }
    let (input, comp) = all.remove(0);
    let mut diags = input.diagnostics.clone();
    diags.extend(comp.diagnostics.iter().cloned());
    if diags.iter().any(|d| d.is_error()) {
        diag::sort(&mut diags);
        let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
        let _ = std::io::stderr().write_all(diag::render_text(&errors, &input.sources).as_bytes());
        eprintln!("error: the spec has errors; fix them before translating");
        return Err(ExitCode::from(1));
    }
    Ok((input, comp))
}

fn export(format: TranslateFormat, out: Option<PathBuf>, paths: Vec<PathBuf>) -> ExitCode {
    let (input, comp) = match compile(paths) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let entries = translate::needing(&input.sources, &comp.decls);
    let fp = translate::fingerprint(&comp.decls);
    let text = match format {
        TranslateFormat::Po => translate::po::write(&entries, &fp),
        TranslateFormat::Xliff => translate::xliff::write(&entries, &fp),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: could not write the file: {e}");
            return ExitCode::from(2);
        }
    };
    match out {
        Some(path) => {
            if let Err(e) = driver::output::write_atomic(&path, text.as_bytes()) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "wrote {} texts that need Welsh to {}",
                entries.len(),
                path.display()
            );
        }
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
    ExitCode::SUCCESS
}

fn import(file: &Path, reviewed: bool, paths: Vec<PathBuf>) -> ExitCode {
    let (input, comp) = match compile(paths) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let name = pmf::validate::report::safe(&file.display().to_string()).into_owned();
    let text = match driver::read_text(file) {
        Ok(t) => t,
        Err(e) => {
            let why = match e {
                driver::ReadError::Io(e) => e.to_string(),
                driver::ReadError::NotAFile => "not a regular file".into(),
                driver::ReadError::TooLarge(n) => format!("too large ({n} bytes)"),
                driver::ReadError::NotUtf8(at) => format!("not UTF-8 (at byte {at})"),
            };
            eprintln!("error: cannot read {name}: {why}");
            return ExitCode::from(2);
        }
    };
    let xliff = matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("xlf" | "xliff")
    ) || text.trim_start().starts_with("<?xml")
        || text.trim_start().starts_with("<xliff");
    let read = if xliff {
        translate::xliff::read(&text)
    } else {
        translate::po::read(&text)
    };
    let refuse = |problems: Vec<Problem>| {
        for p in &problems {
            // The file is the translator's: its text reaches the terminal escaped.
            let msg = pmf::validate::report::safe(&p.message);
            if p.line > 0 {
                eprintln!("{name}:{}: error: {msg}", p.line);
            } else {
                eprintln!("{name}: error: {msg}");
            }
        }
        eprintln!(
            "error: nothing imported ({} problem{}); no source file was changed",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        ExitCode::from(1)
    };
    let translated = match read {
        Ok(t) => t,
        Err(problems) => return refuse(problems),
    };
    let outcome = match translate::import::import(
        &input.sources,
        &comp.decls,
        &translated,
        Options { reviewed },
    ) {
        Ok(o) => o,
        Err(problems) => return refuse(problems),
    };
    // All or nothing: every file is written beside itself first, then each is renamed over its
    // original; a failure before the renames removes what was written.
    let mut writes: Vec<(PathBuf, &str)> = outcome
        .files
        .iter()
        .map(|(f, new)| (PathBuf::from(&input.sources.get(*f).path), new.as_str()))
        .collect();
    let mut memory_path = None;
    if let Some((file, text)) = &outcome.memory {
        let path = match file {
            Some(f) => PathBuf::from(&input.sources.get(*f).path),
            None => {
                // A new memory, beside the file that declares the edition.
                let home = comp
                    .decls
                    .editions
                    .first()
                    .map(|e| e.loc.file)
                    .or_else(|| comp.decls.extensions.first().map(|e| e.loc.file));
                let dir = home
                    .map(|f| PathBuf::from(&input.sources.get(f).path))
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or_default();
                let path = dir.join(translate::import::MEMORY_FILE);
                if path.exists() {
                    eprintln!(
                        "error: {} exists but is not part of the spec being imported into (give the spec's folder); no source file was changed",
                        path.display()
                    );
                    return ExitCode::from(2);
                }
                path
            }
        };
        memory_path = Some(path.clone());
        writes.push((path, text.as_str()));
    }
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (path, new) in writes {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = path.with_file_name(format!(".{file_name}.pmf-translate-{}", std::process::id()));
        if let Err(e) = std::fs::write(&tmp, new.as_bytes()) {
            let _ = std::fs::remove_file(&tmp);
            for (t, _) in &staged {
                let _ = std::fs::remove_file(t);
            }
            eprintln!(
                "error: cannot write beside {}: {e}; nothing changed",
                path.display()
            );
            return ExitCode::from(2);
        }
        staged.push((tmp, path));
    }
    for (tmp, path) in &staged {
        if let Err(e) = std::fs::rename(tmp, path) {
            eprintln!("error: cannot replace {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "imported {} Welsh text{} into {} file{}{}",
        outcome.imported,
        if outcome.imported == 1 { "" } else { "s" },
        outcome.files.len(),
        if outcome.files.len() == 1 { "" } else { "s" },
        if outcome.empty > 0 {
            format!(" ({} entries left empty)", outcome.empty)
        } else {
            String::new()
        }
    );
    if let Some(path) = memory_path {
        eprintln!(
            "the English they were made from is in the Welsh memory, {}",
            path.display()
        );
    }
    ExitCode::SUCCESS
}
