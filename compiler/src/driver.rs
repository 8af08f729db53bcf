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
        sources,
        diagnostics,
    }
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
