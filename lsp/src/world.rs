//! The server's state: the open documents, the projects they belong to, and the compilation
//! of each project.
//!
//! A project is the set of files compiled together, as `pmf check FOLDER` would: every `.pmf`
//! file of the opened file's folder (open buffers win over what is on disk), plus the national
//! edition when the folder holds a local extension that `extends` it. A folder with several
//! edition headers (a folder of test cases) is not one spec: each file there is its own
//! project. Each project keeps its latest compilation and its last one without syntax errors,
//! from which hover and definition are answered where the current text is broken.

use crate::convert::{self, FileView, LineIndex};
use lsp_types::Uri;
use pmf::check::Compilation;
use pmf::source::{FileId, Sources};
use pmf::syntax::Item;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// An open document.
#[derive(Clone, Debug)]
pub struct Doc {
    pub text: String,
    pub version: i32,
    pub path: Option<PathBuf>,
}

/// One file of a project.
#[derive(Clone, Debug)]
pub struct ProjectFile {
    /// The document key (a normalised URI).
    pub key: String,
    pub path: Option<PathBuf>,
    /// The text on disk, used while the file is not open.
    pub disk: Option<String>,
    /// Whether this project reports the file's diagnostics (false for the national files an
    /// extension project borrows).
    pub owned: bool,
}

/// One compilation of a project, with what the protocol needs to talk about its files.
pub struct Analysis {
    pub sources: Sources,
    pub keys: Vec<String>,
    pub uris: Vec<Option<Uri>>,
    pub lines: Vec<LineIndex>,
    pub owned: Vec<bool>,
    pub comp: Compilation,
}

impl Analysis {
    pub fn file_of(&self, key: &str) -> Option<FileId> {
        self.keys
            .iter()
            .position(|k| k == key)
            .map(|i| FileId(i as u32))
    }

    pub fn key(&self, file: FileId) -> Option<&str> {
        self.keys.get(file.0 as usize).map(String::as_str)
    }

    /// Whether a file parsed without a broken item.
    pub fn file_is_whole(&self, file: FileId) -> bool {
        self.comp
            .files
            .get(file.0 as usize)
            .is_some_and(|f| f.items.iter().all(|i| matches!(i, Item::Node(_))))
    }

    pub fn is_whole(&self) -> bool {
        (0..self.keys.len()).all(|i| self.file_is_whole(FileId(i as u32)))
    }
}

impl FileView for Analysis {
    fn uri(&self, file: FileId) -> Option<Uri> {
        self.uris.get(file.0 as usize).cloned().flatten()
    }

    fn text(&self, file: FileId) -> &str {
        if (file.0 as usize) < self.sources.len() {
            &self.sources.get(file).text
        } else {
            ""
        }
    }

    fn lines(&self, file: FileId) -> Option<&LineIndex> {
        self.lines.get(file.0 as usize)
    }
}

/// The syntax diagnostics of one file's parse, kept while its text and its place in the
/// project do not change; its tree is the one in the project's current compilation.
pub struct Parsed {
    pub index: usize,
    pub diagnostics: Vec<pmf::diag::Diagnostic>,
}

pub struct Project {
    /// The folder, or `None` for a file compiled alone.
    pub root: Option<PathBuf>,
    pub files: Vec<ProjectFile>,
    /// The last parse of each file, by key: an edit re-parses only the file it changed.
    pub parses: BTreeMap<String, Parsed>,
    pub current: Option<Rc<Analysis>>,
    pub last_good: Option<Rc<Analysis>>,
    pub dirty: bool,
}

impl Project {
    pub fn has(&self, key: &str) -> bool {
        self.files.iter().any(|f| f.key == key)
    }

    pub fn owns(&self, key: &str) -> bool {
        self.files.iter().any(|f| f.key == key && f.owned)
    }
}

#[derive(Default)]
pub struct World {
    pub docs: BTreeMap<String, Doc>,
    pub projects: Vec<Project>,
    /// Workspace folders, searched for the edition a local extension extends.
    pub roots: Vec<PathBuf>,
}

/// Folders never searched for spec files.
const SKIP_DIRS: &[&str] = &["target", "node_modules", ".git", "generated"];
/// A folder with more `.pmf` files than this is not taken as one spec.
const MAX_PROJECT_FILES: usize = 2000;

impl World {
    pub fn new(roots: Vec<PathBuf>) -> World {
        World {
            docs: BTreeMap::new(),
            projects: Vec::new(),
            roots,
        }
    }

    /// The text of a project file: the open buffer, else what is on disk.
    pub fn text_of<'a>(&'a self, f: &'a ProjectFile) -> &'a str {
        match self.docs.get(&f.key) {
            Some(d) => &d.text,
            None => f.disk.as_deref().unwrap_or(""),
        }
    }

    pub fn open(&mut self, key: String, path: Option<PathBuf>, text: String, version: i32) {
        self.docs.insert(
            key.clone(),
            Doc {
                text,
                version,
                path: path.clone(),
            },
        );
        let mut found = false;
        for p in &mut self.projects {
            if p.has(&key) {
                p.dirty = true;
                found |= p.owns(&key);
            }
        }
        if !found {
            self.add_project_for(&key, path.as_deref());
        }
    }

    pub fn change(&mut self, key: &str, text: String, version: i32) {
        if let Some(d) = self.docs.get_mut(key) {
            d.text = text;
            d.version = version;
        }
        self.touch(key);
    }

    /// Marks every project that holds a file dirty.
    pub fn touch(&mut self, key: &str) {
        for p in &mut self.projects {
            if p.has(key) {
                p.dirty = true;
            }
        }
    }

    /// Closes a document: its projects go back to the text on disk. A project none of whose
    /// files is open any more is dropped; the keys whose diagnostics must be cleared are
    /// returned.
    pub fn close(&mut self, key: &str) -> Vec<String> {
        self.docs.remove(key);
        for p in &mut self.projects {
            for f in &mut p.files {
                if f.key == key {
                    f.disk = f
                        .path
                        .as_ref()
                        .and_then(|p| std::fs::read_to_string(p).ok());
                    p.dirty = true;
                }
            }
        }
        let mut cleared = Vec::new();
        let docs = &self.docs;
        self.projects.retain(|p| {
            let keep = p.files.iter().any(|f| docs.contains_key(&f.key));
            if !keep {
                cleared.extend(p.files.iter().filter(|f| f.owned).map(|f| f.key.clone()));
            }
            keep
        });
        cleared
    }

    /// A file changed, appeared or disappeared on disk.
    pub fn disk_changed(&mut self, path: &Path) {
        let Some(key) = convert::path_to_uri(path).map(|u| u.as_str().to_string()) else {
            return;
        };
        let text = std::fs::read_to_string(path).ok();
        for p in &mut self.projects {
            let pos = p.files.iter().position(|f| f.key == key);
            match (pos, &text) {
                (Some(i), Some(t)) => {
                    if let Some(f) = p.files.get_mut(i) {
                        f.disk = Some(t.clone());
                    }
                    p.dirty = true;
                }
                (Some(i), None) if !self.docs.contains_key(&key) => {
                    p.files.remove(i);
                    p.dirty = true;
                }
                (None, Some(t)) => {
                    if let Some(root) = &p.root {
                        if path.starts_with(root) {
                            p.files.push(ProjectFile {
                                key: key.clone(),
                                path: Some(path.to_path_buf()),
                                disk: Some(t.clone()),
                                owned: true,
                            });
                            sort_files(&mut p.files);
                            p.dirty = true;
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn add_project_for(&mut self, key: &str, path: Option<&Path>) {
        let alone = || Project {
            root: None,
            files: vec![ProjectFile {
                key: key.to_string(),
                path: path.map(Path::to_path_buf),
                disk: None,
                owned: true,
            }],
            parses: BTreeMap::new(),
            current: None,
            last_good: None,
            dirty: true,
        };
        let Some(dir) = path.and_then(Path::parent) else {
            self.projects.push(alone());
            return;
        };
        let dir = self.spec_folder(dir);
        if let Some(p) = self
            .projects
            .iter_mut()
            .find(|p| p.root.as_deref() == Some(dir.as_path()))
        {
            // A new file in a folder that is already a project.
            p.files.push(ProjectFile {
                key: key.to_string(),
                path: path.map(Path::to_path_buf),
                disk: None,
                owned: true,
            });
            sort_files(&mut p.files);
            p.dirty = true;
            return;
        }
        let mut files = self.folder_files(&dir);
        if files.len() > MAX_PROJECT_FILES {
            self.projects.push(alone());
            return;
        }
        if !files.iter().any(|f| f.key == key) {
            files.push(ProjectFile {
                key: key.to_string(),
                path: path.map(Path::to_path_buf),
                disk: None,
                owned: true,
            });
        }
        let editions: usize = files
            .iter()
            .filter(|f| header(self.text_of(f)).edition.is_some())
            .count();
        if editions > 1 {
            self.projects.push(alone());
            return;
        }
        if editions == 0 {
            let extends: BTreeSet<String> = files
                .iter()
                .filter_map(|f| header(self.text_of(f)).extends)
                .collect();
            for id in extends {
                if let Some(edition_dir) = self.find_edition(&id) {
                    for mut f in self.folder_files(&edition_dir) {
                        if !files.iter().any(|g| g.key == f.key) {
                            f.owned = false;
                            files.push(f);
                        }
                    }
                }
            }
        }
        sort_files(&mut files);
        self.projects.push(Project {
            root: Some(dir),
            files,
            parses: BTreeMap::new(),
            current: None,
            last_good: None,
            dirty: true,
        });
    }

    /// The folder that holds a file's spec: its own folder, or the one above when the headers
    /// are there (a file in a sub-folder of an edition).
    fn spec_folder(&self, dir: &Path) -> PathBuf {
        let has_header = |d: &Path| {
            self.folder_files(d)
                .iter()
                .take(MAX_PROJECT_FILES)
                .any(|f| {
                    let h = header(self.text_of(f));
                    h.edition.is_some() || h.extension
                })
        };
        if has_header(dir) {
            return dir.to_path_buf();
        }
        if let Some(up) = dir.parent() {
            let inside_root = self.roots.iter().any(|r| up.starts_with(r) && up != r);
            if inside_root && has_header(up) {
                return up.to_path_buf();
            }
        }
        dir.to_path_buf()
    }

    /// Every `.pmf` file under a folder, as project files (with their disk text).
    fn folder_files(&self, dir: &Path) -> Vec<ProjectFile> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for path in pmf_files_under(dir, MAX_PROJECT_FILES + 1) {
            let Some(key) = convert::path_to_uri(&path).map(|u| u.as_str().to_string()) else {
                continue;
            };
            seen.insert(key.clone());
            let disk = if self.docs.contains_key(&key) {
                None
            } else {
                std::fs::read_to_string(&path).ok()
            };
            out.push(ProjectFile {
                key,
                path: Some(path),
                disk,
                owned: true,
            });
        }
        // Open buffers of files not yet saved in the folder.
        for (key, doc) in &self.docs {
            if let Some(p) = &doc.path {
                if p.starts_with(dir) && !seen.contains(key) && is_pmf(p) {
                    out.push(ProjectFile {
                        key: key.clone(),
                        path: Some(p.clone()),
                        disk: None,
                        owned: true,
                    });
                }
            }
        }
        out
    }

    /// The folder of the edition with this id, searched in the workspace folders.
    fn find_edition(&self, id: &str) -> Option<PathBuf> {
        for root in &self.roots {
            for path in pmf_files_under(root, 5000) {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if header(&text).edition.as_deref() == Some(id) {
                    return path.parent().map(Path::to_path_buf);
                }
            }
        }
        None
    }

    /// Recompiles the dirty projects; returns the indices of those compiled.
    pub fn analyze(&mut self) -> Vec<usize> {
        let mut done = Vec::new();
        for i in 0..self.projects.len() {
            if self.projects.get(i).is_some_and(|p| p.dirty) {
                let mut parses = self
                    .projects
                    .get_mut(i)
                    .map(|p| std::mem::take(&mut p.parses))
                    .unwrap_or_default();
                let analysis = self.compile(i, &mut parses);
                if let Some(p) = self.projects.get_mut(i) {
                    p.parses = parses;
                    let analysis = Rc::new(analysis);
                    if analysis.is_whole() {
                        p.last_good = Some(analysis.clone());
                    }
                    p.current = Some(analysis);
                    p.dirty = false;
                    done.push(i);
                }
            }
        }
        done
    }

    fn compile(&self, index: usize, parses: &mut BTreeMap<String, Parsed>) -> Analysis {
        let mut sources = Sources::new();
        let mut keys = Vec::new();
        let mut uris = Vec::new();
        let mut lines = Vec::new();
        let mut owned = Vec::new();
        let mut parsed = Vec::new();
        if let Some(p) = self.projects.get(index) {
            parses.retain(|k, _| p.has(k));
            let prev = p.current.as_deref();
            for (i, f) in p.files.iter().enumerate() {
                let text = self.text_of(f);
                let file = FileId(i as u32);
                // The previous compilation's tree of this file, if nothing about it changed.
                let reusable = prev.filter(|prev| {
                    parses.get(&f.key).is_some_and(|c| c.index == i)
                        && prev.key(file) == Some(f.key.as_str())
                        && prev.text(file) == text
                });
                let tree = reusable.and_then(|prev| prev.comp.files.get(i).cloned());
                match (tree, parses.get(&f.key)) {
                    (Some(tree), Some(c)) => parsed.push((tree, c.diagnostics.clone())),
                    _ => {
                        let (tree, diagnostics) = pmf::syntax::parse(file, text);
                        parsed.push((tree, diagnostics.clone()));
                        parses.insert(
                            f.key.clone(),
                            Parsed {
                                index: i,
                                diagnostics,
                            },
                        );
                    }
                }
                let name = match &f.path {
                    Some(path) => path.display().to_string(),
                    None => f.key.clone(),
                };
                sources.add(name, text);
                lines.push(LineIndex::new(text));
                keys.push(f.key.clone());
                uris.push(convert::key_to_uri(&f.key));
                owned.push(f.owned);
            }
        }
        let comp = pmf::check::compile_parsed(&sources, parsed, pmf::check::Options::default());
        Analysis {
            sources,
            keys,
            uris,
            lines,
            owned,
            comp,
        }
    }

    /// The project that reports a document's diagnostics.
    pub fn project_of(&self, key: &str) -> Option<&Project> {
        self.projects
            .iter()
            .find(|p| p.owns(key))
            .or_else(|| self.projects.iter().find(|p| p.has(key)))
    }

    pub fn version(&self, key: &str) -> Option<i32> {
        self.docs.get(key).map(|d| d.version)
    }
}

fn sort_files(files: &mut [ProjectFile]) {
    files.sort_by(|a, b| match (&a.path, &b.path) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => a.key.cmp(&b.key),
    });
}

fn is_pmf(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "pmf")
}

/// `.pmf` files under a folder, sorted, skipping build and tool folders; at most `limit`.
pub fn pmf_files_under(dir: &Path, limit: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.filter_map(|e| e.ok()) {
            let p = e.path();
            if p.is_dir() {
                let skip = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| SKIP_DIRS.contains(&n));
                if !skip {
                    stack.push(p);
                }
            } else if is_pmf(&p) {
                out.push(p);
                if out.len() >= limit {
                    out.sort();
                    return out;
                }
            }
        }
    }
    out.sort();
    out
}

/// What a file's header says, read from its lines without parsing.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub edition: Option<String>,
    pub extension: bool,
    pub extends: Option<String>,
}

pub fn header(text: &str) -> Header {
    let mut h = Header::default();
    let quoted = |s: &str| {
        let s = s.trim().strip_prefix('"')?;
        s.split_once('"').map(|(v, _)| v.to_string())
    };
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("edition ") {
            h.edition = h.edition.or_else(|| quoted(rest));
        } else if line.starts_with("extension ") {
            h.extension = true;
        } else if let Some(rest) = line.trim_start().strip_prefix("extends ") {
            h.extends = h.extends.or_else(|| quoted(rest));
        }
    }
    h
}

/// Maps an offset in a file's current text to the same place in an older text: exact in the
/// common prefix and suffix, `None` inside the part that changed.
pub fn map_offset(new: &str, old: &str, offset: usize) -> Option<usize> {
    let (a, b) = (new.as_bytes(), old.as_bytes());
    let prefix = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    if offset <= prefix {
        return Some(offset);
    }
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let from_end = a.len().checked_sub(offset)?;
    (from_end <= suffix).then(|| b.len() - from_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_from_lines() {
        let h = header("// x\nedition \"2019-consultation\" {\n}\n");
        assert_eq!(h.edition.as_deref(), Some("2019-consultation"));
        let h = header("extension \"cdf\" {\n  extends \"2019-consultation\"\n}\n");
        assert!(h.extension);
        assert_eq!(h.extends.as_deref(), Some("2019-consultation"));
        assert_eq!(header("metric AD/001 {}\n"), Header::default());
    }

    #[test]
    fn offsets_map_around_an_edit() {
        let old = "metric AD/001 {\n  counts contact\n}\n";
        let new = "metric AD/001 {\n  counts contacttt\n}\n";
        assert_eq!(map_offset(new, old, 3), Some(3));
        let close_new = new.rfind('}').unwrap_or(0);
        let close_old = old.rfind('}').unwrap_or(0);
        assert_eq!(map_offset(new, old, close_new), Some(close_old));
        assert_eq!(map_offset(new, old, new.find("ttt").unwrap_or(0) + 2), None);
        assert_eq!(map_offset(old, old, 5), Some(5));
    }
}
