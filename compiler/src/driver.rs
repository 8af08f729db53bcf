//! The one module that touches the file system: finding spec files, reading them into
//! `Sources`, and writing outputs atomically. Everything else works on memory.

use crate::diag::{Code, Diagnostic};
use crate::source::Sources;
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
            let editions: Vec<PathBuf> = subdirs
                .into_iter()
                .filter(|d| !pmf_files_under(d).is_empty())
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
                .filter(|p| p.is_file() && is_pmf(p))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn is_pmf(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "pmf")
}

/// Every `.pmf` file under a folder, recursively, sorted by path.
pub fn pmf_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if is_pmf(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
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
    for p in paths {
        if p.is_dir() {
            let found = pmf_files_under(p);
            if found.is_empty() {
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
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    for path in files {
        let shown = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => {
                match String::from_utf8(bytes) {
                    Ok(text) => {
                        sources.add(shown, text);
                    }
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to();
                        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        // Offsets in the lossy text match the original up to the first bad byte.
                        let id = sources.add(shown.clone(), lossy);
                        diagnostics.push(
                        Diagnostic::new(Code::InvalidUtf8, id, at..at + 1, format!("`{shown}` is not UTF-8 text"))
                            .label("this byte is not UTF-8")
                            .help("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"),
                    );
                    }
                }
            }
            Err(e) => {
                let id = sources.add(shown.clone(), "");
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "there is no such file or folder".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                };
                diagnostics.push(
                    Diagnostic::new(
                        Code::UnreadablePath,
                        id,
                        0..0,
                        format!("cannot read `{shown}`: {why}"),
                    )
                    .help("check the path; `pmf check` with no path checks spec/"),
                );
            }
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
    let mut order: Vec<usize> = Vec::new();
    for start in 0..n {
        let mut chain = vec![start];
        let mut at = start;
        while let Some(j) = supersedes_of(&plain[at]).and_then(|s| find(&s, at)) {
            if chain.contains(&j) {
                break;
            }
            chain.push(j);
            at = j;
        }
        for &c in chain.iter().rev() {
            if !order.contains(&c) {
                order.push(c);
            }
        }
    }
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
    inputs
        .into_iter()
        .zip(finals.into_iter().zip(plain))
        .map(|(i, (f, p))| (i, f.unwrap_or(p)))
        .collect()
}

/// The IR of edition `id` from a folder beside the input's, when the input is one folder.
fn sibling_edition(input: &Input, id: &str) -> Option<crate::ir::Ir> {
    // The edition's folder: the input's folder (a local extension may be given beside it).
    let dir = input.paths.iter().find(|p| p.is_dir())?;
    let parent = dir.parent()?;
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p != dir)
        .collect();
    dirs.sort();
    for d in dirs {
        if pmf_files_under(&d).is_empty() {
            continue;
        }
        let other = read_input(std::slice::from_ref(&d));
        let comp = crate::check::compile(&other.sources);
        if comp.ir.as_ref().is_some_and(|ir| ir.edition.id == id) {
            return comp.ir;
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

/// Writes a file so that a reader never sees it half-written: to a temporary file beside it,
/// then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = path.with_file_name(format!(".{file_name}.pmf-tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
