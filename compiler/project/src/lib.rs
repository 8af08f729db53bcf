//! pmf-project: the one crate that touches the file system for the compiler: finding spec
//! files, reading them into `Sources`, compiling editions in order, and writing outputs
//! atomically. Everything else works on memory; the command line and the language server both
//! load projects through here.

pub mod layout;
pub mod output;
mod short_diff;

pub use layout::{edition_order, header, Disk, Files, Header};
pub use output::write_atomic;
pub use short_diff::short_diff;

use pmf_check as check;
use pmf_ir as ir;
use pmf_syntax::diag::{Code, Diagnostic};
use pmf_syntax::source::Sources;
use std::path::{Path, PathBuf};

/// A spec to compile: the files that make it up, in a stable order.
#[derive(Debug)]
pub struct Input {
    /// A name for messages: the folder or file given.
    pub name: String,
    /// The paths it was read from.
    pub paths: Vec<PathBuf>,
    pub sources: Sources,
    /// Problems met while reading (missing paths, bytes that are not UTF-8).
    pub diagnostics: Vec<Diagnostic>,
}

/// Turns command-line paths into specs. A single folder whose `.pmf` files are all in
/// sub-folders holds one edition per sub-folder, and each is a spec of its own; otherwise all
/// paths together make one spec (a national edition and a local extension, say).
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if let [single] = paths {
        if single.is_dir() && direct_pmf_files(single).is_empty() {
            let mut subdirs: Vec<PathBuf> = std::fs::read_dir(single)
                .map(|rd| {
                    rd.filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| p.is_dir())
                        .collect()
                })
                .unwrap_or_default();
            subdirs.sort();
            // A folder that cannot be searched stays, so that its problem is reported.
            let editions: Vec<PathBuf> = subdirs
                .into_iter()
                .filter(|d| {
                    !d.file_name()
                        .is_some_and(|n| skipped_folder(&n.to_string_lossy()))
                })
                .filter(|d| {
                    let found = find_pmf_files(d);
                    !found.files.is_empty() || !found.problems.is_empty()
                })
                .collect();
            if !editions.is_empty() {
                return editions
                    .iter()
                    .map(|d| read_input(std::slice::from_ref(d)))
                    .collect();
            }
        }
    }
    vec![read_input(paths)]
}

fn direct_pmf_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| is_pmf(p) && std::fs::metadata(p).is_ok_and(|m| m.is_file()))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub(crate) fn is_pmf(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "pmf")
}

/// The most `.pmf` files one spec may be made of: the framework is 8.
pub const MAX_FILES: usize = 10_000;

/// Folders never searched for spec files: build outputs, tools' folders, hidden folders.
pub fn skipped_folder(name: &str) -> bool {
    name.starts_with('.') || name == "target" || name == "node_modules"
}

/// What a search of folders found: the `.pmf` files, and what could not be searched.
#[derive(Debug, Default)]
pub struct Found {
    /// Every `.pmf` file, sorted by path, each once (a file reached through several links is
    /// listed under the first path found).
    pub files: Vec<PathBuf>,
    /// Folders or entries that could not be read, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// More than `MAX_FILES` files were found: the rest were left out.
    pub truncated: bool,
}

/// Every `.pmf` file under a folder, recursively: symbolic links are followed, but every folder
/// and file is visited once (so a link loop ends), folders that cannot be read are reported,
/// and at most `MAX_FILES` files are taken.
pub fn find_pmf_files(dir: &Path) -> Found {
    let mut found = Found::default();
    let mut seen_dirs = std::collections::BTreeSet::new();
    let mut seen_files = std::collections::BTreeSet::new();
    if let Ok(c) = dir.canonicalize() {
        seen_dirs.insert(c);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                found.problems.push((d, io_why(&e)));
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = Vec::new();
        for e in rd {
            match e {
                Ok(e) => entries.push(e.path()),
                Err(e) => found.problems.push((d.clone(), io_why(&e))),
            }
        }
        entries.sort();
        // Sub-folders are pushed in reverse so that they are searched in name order.
        let mut subdirs = Vec::new();
        for p in entries {
            let Ok(meta) = std::fs::metadata(&p) else {
                if is_pmf(&p) {
                    found
                        .problems
                        .push((p, "a broken symbolic link or an unreadable entry".into()));
                }
                continue;
            };
            if meta.is_dir() {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                if name.as_deref().is_some_and(skipped_folder) {
                    continue;
                }
                match p.canonicalize() {
                    Ok(c) => {
                        // A folder already searched (through a link) is not searched again.
                        if seen_dirs.insert(c) {
                            subdirs.push(p);
                        }
                    }
                    Err(e) => found.problems.push((p, io_why(&e))),
                }
            } else if is_pmf(&p) {
                let key = p.canonicalize().unwrap_or_else(|_| p.clone());
                if !seen_files.insert(key) {
                    continue;
                }
                if found.files.len() == MAX_FILES {
                    found.truncated = true;
                    found.problems.push((
                        d.clone(),
                        format!("more than {MAX_FILES} .pmf files; the rest were not read"),
                    ));
                    stack.clear();
                    subdirs.clear();
                    break;
                }
                found.files.push(p);
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    found.files.sort();
    found
}

/// Every `.pmf` file under a folder, recursively, sorted by path (see `find_pmf_files`).
pub fn pmf_files_under(dir: &Path) -> Vec<PathBuf> {
    find_pmf_files(dir).files
}

fn io_why(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Why a spec file cannot be read, before reading it.
enum Unreadable {
    Io(std::io::Error),
    NotAFile,
    TooLarge(u64),
}

/// Reads a spec file: a regular file only (not a pipe or a device, which could block or never
/// end), and no more than the parser accepts, whatever the file system says its size is.
fn read_spec_file(path: &Path) -> Result<Vec<u8>, Unreadable> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(Unreadable::Io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    let limit = pmf_syntax::MAX_FILE_BYTES as u64;
    if meta.len() > limit {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let f = std::fs::File::open(path).map_err(Unreadable::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unreadable::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Why a spec file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// A folder, a pipe or a device.
    NotAFile,
    /// Larger than a spec file may be (its size in bytes).
    TooLarge(u64),
    /// Not UTF-8 (the offset of the first byte that is not).
    NotUtf8(usize),
}

/// The text of a spec file, read as `read_input` reads it: a regular file only, at most the
/// size the parser accepts, UTF-8.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    match read_spec_file(path) {
        Ok(bytes) => {
            String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
        }
        Err(Unreadable::Io(e)) => Err(ReadError::Io(e)),
        Err(Unreadable::NotAFile) => Err(ReadError::NotAFile),
        Err(Unreadable::TooLarge(n)) => Err(ReadError::TooLarge(n)),
    }
}

/// Reads the given files and folders (recursively) into one spec.
pub fn read_input(paths: &[PathBuf]) -> Input {
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let name = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let mut files = Vec::new();
    let unreadable =
        |sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>, path: &Path, why: String| {
            let shown = path.display().to_string();
            let id = sources.add(shown.clone(), "");
            diagnostics.push(
                Diagnostic::new(
                    Code::UnreadablePath,
                    id,
                    0..0,
                    format!("cannot read `{shown}`: {why}"),
                )
                .help("check the path and its permissions; `pmf check` with no path checks spec/"),
            );
        };
    for p in paths {
        if p.is_dir() {
            let found = find_pmf_files(p);
            for (at, why) in &found.problems {
                unreadable(&mut sources, &mut diagnostics, at, why.clone());
            }
            if found.files.is_empty() && found.problems.is_empty() {
                let id = sources.add(p.display().to_string(), "");
                diagnostics.push(
                    Diagnostic::new(
                        Code::UnreadablePath,
                        id,
                        0..0,
                        format!("the folder `{}` holds no .pmf files", p.display()),
                    )
                    .help("give the folder of an edition, e.g. spec/2019-consultation"),
                );
            }
            files.extend(found.files);
        } else {
            files.push(p.clone());
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for path in files {
        // The same file given twice (or through a link) is read once.
        if !seen.insert(path.canonicalize().unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let shown = path.display().to_string();
        match read_spec_file(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    sources.add(shown, text);
                }
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    // Offsets in the lossy text match the original up to the first bad byte.
                    let id = sources.add(shown.clone(), lossy);
                    diagnostics.push(
                        Diagnostic::new(
                            Code::InvalidUtf8,
                            id,
                            at..at + 1,
                            format!("`{shown}` is not UTF-8 text"),
                        )
                        .label("this byte is not UTF-8")
                        .help("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"),
                    );
                }
            },
            Err(Unreadable::TooLarge(n)) => {
                let id = sources.add(shown.clone(), "");
                diagnostics.push(
                    Diagnostic::new(
                        Code::FileTooLarge,
                        id,
                        0..0,
                        format!(
                            "the file is {:.1} MB; a spec file can be at most {} MB",
                            n as f64 / 1_048_576.0,
                            pmf_syntax::MAX_FILE_BYTES / 1_048_576
                        ),
                    )
                    .help("split the spec into several files, one per part"),
                );
            }
            Err(Unreadable::NotAFile) => unreadable(
                &mut sources,
                &mut diagnostics,
                &path,
                "it is not a regular file (a folder, a pipe or a device)".into(),
            ),
            Err(Unreadable::Io(e)) => unreadable(&mut sources, &mut diagnostics, &path, io_why(&e)),
        }
    }
    Input {
        name,
        paths: paths.to_vec(),
        sources,
        diagnostics,
    }
}

/// Compiles every spec, each edition together with the edition it supersedes (found among the
/// inputs, or in a folder beside it), so that `was` resolves, codes are compared across
/// editions and the IR records what changed. Results are in input order.
pub fn compile_editions(
    inputs: Vec<Input>,
    require_welsh: bool,
) -> Vec<(Input, crate::check::Compilation)> {
    compile_editions_with(inputs, require_welsh, false)
}

/// As `compile_editions`; with `check_only` the caller needs only diagnostics, so an IR is
/// built only where another edition needs it (which makes `pmf check` faster).
pub fn compile_editions_with(
    inputs: Vec<Input>,
    require_welsh: bool,
    check_only: bool,
) -> Vec<(Input, crate::check::Compilation)> {
    use crate::check::{compile_with, Compilation, Options};
    fn opts(
        require_welsh: bool,
        check_only: bool,
        previous: Option<&crate::ir::Ir>,
    ) -> Options<'_> {
        Options {
            require_welsh,
            previous,
            skip_ir: check_only,
            welsh_states: false,
            // Checking or translating reads the declarations, never the trees.
            lean: check_only,
        }
    }
    let plain: Vec<Compilation> = inputs
        .iter()
        .map(|i| compile_with(&i.sources, opts(require_welsh, check_only, None)))
        .collect();
    let id_of = |c: &Compilation| c.decls.editions.first().map(|e| e.id.clone());
    let supersedes_of = |c: &Compilation| {
        c.decls
            .editions
            .first()
            .and_then(|e| e.supersedes.as_ref())
            .map(|r| r.name.clone())
    };
    let n = inputs.len();
    let find = |id: &str, not: usize| {
        (0..n).find(|&j| j != not && id_of(&plain[j]).as_deref() == Some(id))
    };
    // Editions in an order where each comes after the one it supersedes (a cycle is cut).
    let order = edition_order(n, |at| supersedes_of(&plain[at]).and_then(|s| find(&s, at)));
    let mut finals: Vec<Option<Compilation>> = (0..n).map(|_| None).collect();
    for i in order {
        let previous_ir: Option<crate::ir::Ir> = match supersedes_of(&plain[i]) {
            None => None,
            Some(s) => match find(&s, i) {
                Some(j) => match finals[j]
                    .as_ref()
                    .and_then(|c| c.ir.clone())
                    .or_else(|| plain[j].ir.clone())
                {
                    Some(ir) => Some(ir),
                    // Compiled without an IR (check only): this edition needs it.
                    None => {
                        compile_with(
                            &inputs[j].sources,
                            Options {
                                require_welsh,
                                previous: None,
                                skip_ir: false,
                                welsh_states: false,
                                lean: true,
                            },
                        )
                        .ir
                    }
                },
                None => sibling_edition(&inputs[i], &s),
            },
        };
        // Only an edition with a previous one is compiled again.
        if let Some(prev) = &previous_ir {
            finals[i] = Some(compile_with(
                &inputs[i].sources,
                opts(require_welsh, check_only, Some(prev)),
            ));
        }
    }
    let mut results: Vec<(Input, Compilation)> = inputs
        .into_iter()
        .zip(finals.into_iter().zip(plain))
        .map(|(i, (f, p))| (i, f.unwrap_or(p)))
        .collect();
    check_edition_lines(&mut results);
    results
}

/// The editions checked together must form lines of revisions: two editions superseding the
/// same one, and editions superseding each other in a cycle, are errors on their headers
/// (PMF0009), so nothing is built from them.
fn check_edition_lines(results: &mut [(Input, crate::check::Compilation)]) {
    let header = |c: &crate::check::Compilation| {
        c.decls
            .editions
            .first()
            .map(|e| (e.id.clone(), e.supersedes.clone()))
    };
    let headers: Vec<Option<(String, Option<crate::check::model::Ref>)>> =
        results.iter().map(|(_, c)| header(c)).collect();
    let mut found: Vec<(usize, String, String)> = Vec::new();
    // Two successors of one edition.
    let mut by_previous: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, h) in headers.iter().enumerate() {
        if let Some((_, Some(s))) = h {
            by_previous.entry(s.name.as_str()).or_default().push(i);
        }
    }
    for (prev, idx) in &by_previous {
        if idx.len() < 2 {
            continue;
        }
        let names: Vec<String> = idx
            .iter()
            .filter_map(|&i| headers[i].as_ref().map(|(id, _)| format!("`{id}`")))
            .collect();
        for &i in idx {
            found.push((
                i,
                format!("editions {} all supersede `{prev}`", names.join(", ")),
                "an edition is replaced by one edition: make one of these supersede another, or take the draft out of the folder".to_string(),
            ));
        }
    }
    // Cycles: following `supersedes` from an edition comes back to it.
    let position = |id: &str| {
        headers
            .iter()
            .position(|h| h.as_ref().is_some_and(|(x, _)| x == id))
    };
    for start in 0..headers.len() {
        let mut chain = vec![start];
        let mut at = start;
        while let Some(next) = headers[at]
            .as_ref()
            .and_then(|(_, s)| s.as_ref())
            .and_then(|s| position(&s.name))
        {
            if next == start {
                let ids: Vec<&str> = chain
                    .iter()
                    .chain(std::iter::once(&start))
                    .filter_map(|&i| headers[i].as_ref().map(|(id, _)| id.as_str()))
                    .collect();
                found.push((
                    start,
                    format!("editions supersede each other in a cycle: {}", ids.join(" → ")),
                    "the first edition of the line supersedes `none`; each later one supersedes the one before it".into(),
                ));
                break;
            }
            if chain.contains(&next) {
                break;
            }
            chain.push(next);
            at = next;
        }
    }
    for (i, message, help) in found {
        let Some((_, Some(s))) = &headers[i] else {
            continue;
        };
        let d = Diagnostic::new(Code::EditionOrder, s.loc.file, s.loc.span.clone(), message)
            .label("supersedes")
            .help(help);
        results[i].1.diagnostics.push(d);
        pmf_syntax::diag::sort(&mut results[i].1.diagnostics);
    }
}

/// The IR of edition `id` from a folder beside the input's, when the input is one folder: the
/// folder `layout::sibling_editions` finds (as the language server does), compiled, whose
/// compiler-read header names `id`.
fn sibling_edition(input: &Input, id: &str) -> Option<crate::ir::Ir> {
    // The edition's folder: the input's folder (a local extension may be given beside it).
    let dir = input.paths.iter().find(|p| p.is_dir())?;
    layout::sibling_editions(&Disk, dir, id)
        .into_iter()
        .find_map(|d| {
            let other = read_input(std::slice::from_ref(&d));
            let comp = crate::check::compile(&other.sources);
            comp.ir.filter(|ir| ir.edition.id == id)
        })
}

/// The edition `id` as committed at git revision `rev`, in a folder beside the first of
/// `paths` (the edition an edition read with `read_input_git` supersedes).
pub fn read_edition_git(rev: &str, paths: &[PathBuf], id: &str) -> Option<Input> {
    let dir = paths.first()?;
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty())?;
    let out = std::process::Command::new("git")
        .args(["ls-tree", "-d", "--name-only", rev, "--"])
        .arg(format!("{}/", parent.display()))
        .output()
        .ok()?;
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    let prefix = std::process::Command::new("git")
        .args(["rev-parse", "--show-prefix"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    for line in listing.lines() {
        let rel = line.strip_prefix(&prefix).unwrap_or(line);
        let sibling = PathBuf::from(rel);
        if sibling.file_name() == dir.file_name() {
            continue;
        }
        let Ok(input) = read_input_git(rev, std::slice::from_ref(&sibling)) else {
            continue;
        };
        let comp = crate::check::compile_with(
            &input.sources,
            crate::check::Options {
                skip_ir: true,
                ..Default::default()
            },
        );
        if comp.decls.editions.first().is_some_and(|e| e.id == id) {
            return Some(input);
        }
    }
    None
}

/// Reads the `.pmf` files under `paths` as they were committed at git revision `rev`.
pub fn read_input_git(rev: &str, paths: &[PathBuf]) -> Result<Input, String> {
    let run = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    };
    // One clear error for a revision that is not there, or no repository at all.
    run(&["rev-parse", "--git-dir"]).map_err(|_| {
        "this folder is not in a git repository: run `pmf diff --git` inside a clone".to_string()
    })?;
    run(&["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")]).map_err(|_| {
        format!("`{rev}` is not a revision of this repository: give a tag, a branch or a commit (`git tag` lists the tags; `HEAD` is the last commit)")
    })?;
    let mut sources = Sources::new();
    let mut names = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let listing = run(&[
            "ls-tree",
            "-r",
            "--name-only",
            "--full-name",
            rev,
            "--",
            &shown,
        ])
        .map_err(|e| format!("cannot list {shown} at {rev}: {e}"))?;
        let prefix =
            String::from_utf8_lossy(&run(&["rev-parse", "--show-prefix"]).unwrap_or_default())
                .trim()
                .to_string();
        let mut files: Vec<String> = String::from_utf8_lossy(&listing)
            .lines()
            .filter(|l| l.ends_with(".pmf"))
            .map(str::to_string)
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(format!("{shown} holds no .pmf files at {rev}"));
        }
        for f in files {
            let bytes = run(&["show", &format!("{rev}:{f}")])
                .map_err(|e| format!("cannot read {f} at {rev}: {e}"))?;
            let text =
                String::from_utf8(bytes).map_err(|_| format!("{f} at {rev} is not UTF-8 text"))?;
            let shown_name = f.strip_prefix(&prefix).unwrap_or(&f).to_string();
            sources.add(format!("{rev}:{shown_name}"), text);
        }
        names.push(format!("{shown} at {rev}"));
    }
    Ok(Input {
        name: names.join(" "),
        paths: paths.to_vec(),
        sources,
        diagnostics: Vec::new(),
    })
}
