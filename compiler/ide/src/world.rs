//! An editor's state: the open documents, the projects they belong to, and the compilation
//! of each project.
//!
//! A project is the set of files compiled together, as `pmf check FOLDER` would: every `.pmf`
//! file of the opened file's spec folder (open buffers win over what is on disk), plus the
//! national edition when the folder holds a local extension that `extends` it. A folder with
//! several edition headers (a folder of test cases) is not one spec: each file there is its
//! own project. Which files, which folders and which editions follow `pmf_project::layout`,
//! the rules the command line follows too, and files are read through `pmf-project` alone.
//!
//! Documents are named by keys the editor chooses (the language server's are URIs); a file
//! found on disk gets its key from the function the world is made with. Each project keeps its latest compilation and its last one without syntax errors,
//! from which hover and definition are answered where the current text is broken.
//!
//! Editions: when a project's edition header says `supersedes "X"` and a folder beside its
//! own holds edition X, that folder is a project too (a background one, publishing nothing
//! until one of its files is opened), compiled first, and the project is checked with its IR
//! (`check::Options::previous`), as `pmf check` on the folder above both does. The previous
//! edition is compiled again only when its own files change; each compilation records the
//! generation of the previous one it was checked against, so that a change there rechecks
//! the editions that supersede it.

use pmf_check::model::{Declarations, Shape};
use pmf_check::Compilation;
use pmf_ir::Ir;
use pmf_project::layout;
use pmf_syntax::source::{FileId, Sources};
use pmf_syntax::{Item, SourceFile};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

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

/// One compilation of a project, with the document key of each of its files.
pub struct Analysis {
    pub sources: Sources,
    pub keys: Vec<String>,
    pub owned: Vec<bool>,
    /// Checked without building the IR (`check::Options::skip_ir`), which diagnostics do not
    /// need; `ir()` builds it when a request first needs it. A compilation checked against a
    /// previous edition has its IR already (the edition checks need it).
    pub comp: Compilation,
    /// The shape of each file's part of `comp.decls`, so that the next compilation can
    /// replace the part of a file that changed.
    pub shapes: Vec<Shape>,
    /// The compilation of the edition this one supersedes that it was checked against.
    pub previous: Option<Rc<Analysis>>,
    /// The IR built on first use, when `comp` has none.
    ir: OnceCell<Option<Ir>>,
    /// The places the symbol index of `comp` does not hold, found on first use.
    pub(crate) extra_places: OnceCell<Vec<crate::index::Extra>>,
    /// Where each text's Welsh is (`cy "..."` and its `of(...)`), found on the first hover:
    /// a hover anywhere else then costs no walk over every text of the spec (which took
    /// 75 ms at 100 times the framework, on every hover).
    pub(crate) welsh_spans: OnceCell<Vec<(FileId, pmf_syntax::source::Span)>>,
}

impl std::fmt::Debug for Analysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analysis")
            .field("keys", &self.keys)
            .finish()
    }
}

impl Analysis {
    /// The IR of this compilation (present when the spec has an edition header; complete
    /// only without errors), built on first use: a second run of the checks, which for a
    /// large spec costs about as much as the compilation, paid only by the requests that
    /// read the IR (hover, completion, inlay hints, history across editions).
    pub fn ir(&self) -> Option<&Ir> {
        if let Some(ir) = &self.comp.ir {
            return Some(ir);
        }
        if self.comp.decls.editions.is_empty() {
            return None;
        }
        self.ir
            .get_or_init(|| {
                let options = pmf_check::Options {
                    previous: self.previous.as_deref().and_then(Analysis::ir),
                    ..pmf_check::Options::default()
                };
                pmf_check::build_ir(&self.sources, &self.comp, options)
            })
            .as_ref()
    }

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
            .is_some_and(|f| whole_tree(f))
    }

    pub fn is_whole(&self) -> bool {
        (0..self.keys.len()).all(|i| self.file_is_whole(FileId(i as u32)))
    }

    /// The text of a file of the compilation (empty for a file it does not have).
    pub fn text(&self, file: FileId) -> &str {
        self.source(file).map_or("", |s| s.text.as_str())
    }

    /// A file of the compilation: its path, text and line starts.
    pub fn source(&self, file: FileId) -> Option<&pmf_syntax::source::SourceText> {
        ((file.0 as usize) < self.sources.len()).then(|| self.sources.get(file))
    }
}

/// One file parsed and lowered (its tree and diagnostics; its declarations are its part of
/// the current compilation's), kept while its text and its place in the project do not
/// change; the tree is shared with the compilations.
pub struct Parsed {
    pub index: usize,
    pub file: Arc<SourceFile>,
    /// The syntax diagnostics, then those of lowering.
    pub diagnostics: Vec<pmf_syntax::diag::Diagnostic>,
}

pub struct Project {
    /// The folder, or `None` for a file compiled alone.
    pub root: Option<PathBuf>,
    pub files: Vec<ProjectFile>,
    /// The last parse and lowering of each file, by key: an edit redoes only the file it
    /// changed.
    pub parses: BTreeMap<String, Parsed>,
    pub current: Option<Rc<Analysis>>,
    pub last_good: Option<Rc<Analysis>>,
    pub dirty: bool,
    /// Whether the project borrows the files of the national edition it extends.
    pub borrows: bool,
    /// A previous edition compiled only because another edition supersedes it: its files
    /// are not owned, so it publishes nothing.
    pub background: bool,
    /// The edition the header supersedes, as last read, and the folder found for it.
    pub supersedes: Option<String>,
    pub previous_root: Option<PathBuf>,
    /// Look for the previous edition's folder again (something appeared on disk).
    pub relink: bool,
    /// Counts the compilations, so that the editions superseding this one know when it
    /// changed.
    pub generation: u64,
    /// The previous edition's folder and generation the current compilation was checked with.
    pub built_on: Option<(PathBuf, u64)>,
}

impl Project {
    pub fn has(&self, key: &str) -> bool {
        self.files.iter().any(|f| f.key == key)
    }

    pub fn owns(&self, key: &str) -> bool {
        self.files.iter().any(|f| f.key == key && f.owned)
    }

    fn new(root: Option<PathBuf>, files: Vec<ProjectFile>) -> Project {
        Project {
            root,
            files,
            parses: BTreeMap::new(),
            current: None,
            last_good: None,
            dirty: true,
            borrows: false,
            background: false,
            supersedes: None,
            previous_root: None,
            relink: false,
            generation: 0,
            built_on: None,
        }
    }

    /// Whether the project can supersede another edition: a folder of its own, not a local
    /// extension (which `pmf check` compiles with no previous edition either).
    fn links(&self) -> bool {
        self.root.is_some() && !self.borrows
    }
}

/// The key of a document for a file on disk, or `None` when the file has none.
pub type KeyOf = fn(&Path) -> Option<String>;

pub struct World {
    pub docs: BTreeMap<String, Doc>,
    pub projects: Vec<Project>,
    /// Workspace folders, searched for the edition a local extension extends.
    pub roots: Vec<PathBuf>,
    /// The key of a file found on disk.
    key_of: KeyOf,
}

impl World {
    pub fn new(roots: Vec<PathBuf>, key_of: KeyOf) -> World {
        World {
            docs: BTreeMap::new(),
            projects: Vec::new(),
            roots,
            key_of,
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
                if p.background {
                    // A previous edition opened in the editor: it now reports its diagnostics.
                    p.background = false;
                    for f in &mut p.files {
                        f.owned = true;
                    }
                }
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

    /// The index of the project of the edition that project `i` supersedes.
    pub fn previous_of(&self, i: usize) -> Option<usize> {
        let root = self.projects.get(i)?.previous_root.as_deref()?;
        self.projects
            .iter()
            .position(|p| p.root.as_deref() == Some(root))
            .filter(|&j| j != i)
    }

    /// Whether the compilation of a document's project is out of date: the project or an
    /// edition it supersedes has changed since.
    pub fn stale(&self, key: &str) -> bool {
        let mut at = self
            .projects
            .iter()
            .position(|p| p.owns(key))
            .or_else(|| self.projects.iter().position(|p| p.has(key)));
        let mut seen = BTreeSet::new();
        while let Some(i) = at {
            if !seen.insert(i) {
                break;
            }
            let Some(p) = self.projects.get(i) else { break };
            if p.dirty || p.relink {
                return true;
            }
            let j = self.previous_of(i);
            let want = j.and_then(|j| {
                let q = self.projects.get(j)?;
                Some((q.root.clone()?, q.generation))
            });
            if j.is_some_and(|j| !seen.contains(&j)) && want != p.built_on {
                return true;
            }
            at = j;
        }
        false
    }

    /// Closes a document: its projects go back to the text on disk. A project none of whose
    /// files is open any more is dropped; the keys whose diagnostics must be cleared are
    /// returned.
    pub fn close(&mut self, key: &str) -> Vec<String> {
        self.docs.remove(key);
        for p in &mut self.projects {
            for f in &mut p.files {
                if f.key == key {
                    f.disk = f.path.as_ref().and_then(|p| read(p));
                    p.dirty = true;
                }
            }
        }
        // Kept: the projects with an open file, and the editions they supersede.
        let open: Vec<bool> = self
            .projects
            .iter()
            .map(|p| p.files.iter().any(|f| self.docs.contains_key(&f.key)))
            .collect();
        let mut keep = open.clone();
        let mut grown = true;
        while grown {
            grown = false;
            for i in 0..self.projects.len() {
                if keep.get(i).copied().unwrap_or(false) {
                    if let Some(j) = self.previous_of(i) {
                        if let Some(k) = keep.get_mut(j).filter(|k| !**k) {
                            *k = true;
                            grown = true;
                        }
                    }
                }
            }
        }
        let mut cleared = Vec::new();
        let mut i = 0;
        self.projects.retain_mut(|p| {
            let (kept, opened) = (
                keep.get(i).copied().unwrap_or(false),
                open.get(i).copied().unwrap_or(false),
            );
            i += 1;
            if !kept || !opened {
                cleared.extend(p.files.iter().filter(|f| f.owned).map(|f| f.key.clone()));
            }
            if kept && !opened && !p.background {
                // Still the previous edition of an open one: back to the background.
                p.background = true;
                for f in &mut p.files {
                    f.owned = false;
                }
            }
            kept
        });
        cleared
    }

    /// A file changed, appeared or disappeared on disk.
    pub fn disk_changed(&mut self, path: &Path) {
        let Some(key) = (self.key_of)(path) else {
            return;
        };
        let text = read(path);
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
                                owned: !p.background,
                            });
                            sort_files(&mut p.files);
                            p.dirty = true;
                        }
                    }
                }
                _ => {}
            }
        }
        // A new file may be the previous edition that was not found.
        if is_pmf(path) {
            for p in &mut self.projects {
                if p.supersedes.is_some() && p.previous_root.is_none() {
                    p.relink = true;
                }
            }
        }
    }

    fn add_project_for(&mut self, key: &str, path: Option<&Path>) {
        let alone = || {
            Project::new(
                None,
                vec![ProjectFile {
                    key: key.to_string(),
                    path: path.map(Path::to_path_buf),
                    disk: None,
                    owned: true,
                }],
            )
        };
        let Some(dir) = path.and_then(Path::parent) else {
            self.projects.push(alone());
            return;
        };
        let dir = layout::spec_folder(self, dir, &self.roots);
        if let Some(p) = self
            .projects
            .iter_mut()
            .find(|p| p.root.as_deref() == Some(dir.as_path()))
        {
            // A new file in a folder that is already a project.
            if p.background {
                p.background = false;
                for f in &mut p.files {
                    f.owned = true;
                }
            }
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
        let Some(mut files) = self.folder_files(&dir) else {
            // More files than one spec may have (a home folder, say): the file alone.
            self.projects.push(alone());
            return;
        };
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
            .filter(|f| pmf_project::header(self.text_of(f)).edition.is_some())
            .count();
        if editions > 1 {
            self.projects.push(alone());
            return;
        }
        let mut borrows = false;
        if editions == 0 {
            let extends: BTreeSet<String> = files
                .iter()
                .filter_map(|f| pmf_project::header(self.text_of(f)).extends)
                .collect();
            for id in extends {
                if let Some(edition_dir) = layout::find_edition(self, &self.roots, &id) {
                    for mut f in self.folder_files(&edition_dir).unwrap_or_default() {
                        if !files.iter().any(|g| g.key == f.key) {
                            f.owned = false;
                            files.push(f);
                            borrows = true;
                        }
                    }
                }
            }
        }
        sort_files(&mut files);
        let mut p = Project::new(Some(dir), files);
        p.borrows = borrows;
        self.projects.push(p);
    }

    /// Every `.pmf` file under a folder, as project files (with their disk text, unless the
    /// file is open), and the open buffers of files there not saved yet. `None` when the
    /// folder holds more files than one spec may have.
    fn folder_files(&self, dir: &Path) -> Option<Vec<ProjectFile>> {
        use pmf_project::Files;
        let found = self.pmf_files(dir);
        if found.truncated {
            return None;
        }
        let mut out = Vec::new();
        for path in found.files {
            let Some(key) = (self.key_of)(&path) else {
                continue;
            };
            let disk = if self.docs.contains_key(&key) {
                None
            } else {
                read(&path)
            };
            out.push(ProjectFile {
                key,
                path: Some(path),
                disk,
                owned: true,
            });
        }
        Some(out)
    }

    /// Recompiles the projects that changed, or whose previous edition changed, each after
    /// the edition it supersedes; returns the indices of those compiled.
    pub fn analyze(&mut self) -> Vec<usize> {
        let mut done = Vec::new();
        // A pass finds a header whose `supersedes` changed only after compiling it; the next
        // pass links it and compiles it again (a new previous edition first).
        for _ in 0..3 {
            let again = self.analyze_pass(&mut done);
            if !again {
                break;
            }
        }
        done.sort_unstable();
        done.dedup();
        done
    }

    /// One pass of `analyze`; true when a project must be linked and compiled again.
    fn analyze_pass(&mut self, done: &mut Vec<usize>) -> bool {
        // Linking may add a previous edition's project, which is linked in turn.
        let mut i = 0;
        while i < self.projects.len() {
            let needs = self
                .projects
                .get(i)
                .is_some_and(|p| p.links() && ((p.dirty && p.current.is_none()) || p.relink));
            if needs {
                let guess = self.supersedes_in_headers(i);
                self.link(i, guess);
            }
            i += 1;
        }
        let order = pmf_project::edition_order(self.projects.len(), |i| self.previous_of(i));
        let mut again = false;
        for (at, &i) in order.iter().enumerate() {
            let j = self.previous_of(i);
            // An edition compiled before this one in the order (not across a cycle).
            let forward = j.filter(|j| order.get(..at).is_some_and(|b| b.contains(j)));
            let want = forward.and_then(|j| {
                let q = self.projects.get(j)?;
                Some((q.root.clone()?, q.generation))
            });
            let Some(p) = self.projects.get(i) else {
                continue;
            };
            let stale = p.dirty || (forward.is_some() && p.built_on != want);
            let unlinked = p.previous_root.is_none() && p.built_on.is_some();
            if !(stale || unlinked) {
                continue;
            }
            let previous = j
                .and_then(|j| self.projects.get(j))
                .and_then(|q| q.current.clone());
            let mut parses = self
                .projects
                .get_mut(i)
                .map(|p| std::mem::take(&mut p.parses))
                .unwrap_or_default();
            let (old, good) = self
                .projects
                .get_mut(i)
                .map(|p| (p.current.take(), p.last_good.take()))
                .unwrap_or_default();
            let (analysis, good) = self.compile(i, &mut parses, previous, old, good);
            // What the compiler read in the header, which wins over the guess.
            let said = analysis
                .comp
                .decls
                .editions
                .first()
                .and_then(|e| e.supersedes.as_ref())
                .map(|r| r.name.clone());
            let Some(p) = self.projects.get_mut(i) else {
                continue;
            };
            p.parses = parses;
            let analysis = Rc::new(analysis);
            p.last_good = if analysis.is_whole() {
                Some(analysis.clone())
            } else {
                good
            };
            p.current = Some(analysis);
            p.dirty = false;
            p.generation += 1;
            p.built_on = want;
            done.push(i);
            if p.links() && said != p.supersedes {
                let before = p.previous_root.clone();
                self.link(i, said);
                if let Some(p) = self.projects.get_mut(i) {
                    if p.previous_root != before {
                        p.dirty = true;
                        again = true;
                    }
                }
            }
        }
        again
    }

    /// What the edition header among a project's own files supersedes, read from its lines
    /// (before the first compilation, which then confirms it).
    fn supersedes_in_headers(&self, i: usize) -> Option<String> {
        let p = self.projects.get(i)?;
        p.files
            .iter()
            .filter(|f| f.owned || p.background)
            .map(|f| pmf_project::header(self.text_of(f)))
            .find(|h| h.edition.is_some())
            .and_then(|h| h.supersedes)
    }

    /// Links project `i` to the folder of the edition `id` beside its own, with a project for
    /// it (a background one if none is open).
    fn link(&mut self, i: usize, id: Option<String>) {
        let Some(p) = self.projects.get(i) else {
            return;
        };
        let found = match (&id, &p.root) {
            (Some(id), Some(root)) => layout::sibling_edition(self, root, id),
            _ => None,
        };
        if let Some(dir) = &found {
            if !self
                .projects
                .iter()
                .any(|q| q.root.as_deref() == Some(dir.as_path()))
            {
                let mut files = self.folder_files(dir).unwrap_or_default();
                for f in &mut files {
                    f.owned = false;
                }
                sort_files(&mut files);
                let mut q = Project::new(Some(dir.clone()), files);
                q.background = true;
                self.projects.push(q);
            }
        }
        if let Some(p) = self.projects.get_mut(i) {
            p.supersedes = id;
            p.previous_root = found;
            p.relink = false;
        }
    }

    /// Compiles project `index`. `old` is its current compilation and `good` its last good
    /// one, handed over so that, when nothing else holds the old compilation, its
    /// declarations are taken over (only the edited files' parts replaced) rather than copied;
    /// returns the new compilation and the last good one to keep if the new one is not whole.
    fn compile(
        &self,
        index: usize,
        parses: &mut BTreeMap<String, Parsed>,
        previous: Option<Rc<Analysis>>,
        old: Option<Rc<Analysis>>,
        good: Option<Rc<Analysis>>,
    ) -> (Analysis, Option<Rc<Analysis>>) {
        let mut sources = Sources::new();
        let mut keys = Vec::new();
        let mut owned = Vec::new();
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        // Per file: its new declarations, or `None` where the old compilation's part is kept.
        let mut fresh: Vec<Option<pmf_check::model::Declarations>> = Vec::new();
        if let Some(p) = self.projects.get(index) {
            parses.retain(|k, _| p.has(k));
            let prev = old.as_deref();
            for (i, f) in p.files.iter().enumerate() {
                let text = self.text_of(f);
                let file = FileId(i as u32);
                // This file's parse and lowering, if nothing about it changed since the
                // previous compilation.
                let reusable = prev.is_some_and(|prev| {
                    parses.get(&f.key).is_some_and(|c| c.index == i)
                        && prev.key(file) == Some(f.key.as_str())
                        && prev.text(file) == text
                });
                match parses.get(&f.key).filter(|_| reusable) {
                    Some(c) => {
                        files.push(c.file.clone());
                        diagnostics.extend(c.diagnostics.iter().cloned());
                        fresh.push(None);
                    }
                    None => {
                        let (tree, d) = pmf_syntax::parse(file, text);
                        let l = pmf_check::lower(Arc::new(tree), d);
                        parses.insert(
                            f.key.clone(),
                            Parsed {
                                index: i,
                                file: l.file.clone(),
                                diagnostics: l.diagnostics.clone(),
                            },
                        );
                        files.push(l.file);
                        diagnostics.extend(l.diagnostics);
                        fresh.push(Some(l.decls));
                    }
                }
                let name = match &f.path {
                    Some(path) => path.display().to_string(),
                    None => f.key.clone(),
                };
                sources.add(name, text);
                keys.push(f.key.clone());
                owned.push(f.owned);
            }
        }
        // A whole compilation replaces the last good one: let go of it first, so that the old
        // compilation (usually the same) can be taken apart.
        let whole = files.iter().all(|f| whole_tree(f));
        let good = if whole {
            good.into_iter().for_each(retire);
            None
        } else {
            good
        };
        let (decls, shapes) = merge_declarations(old, &keys, fresh).unwrap_or_else(|| {
            // Only if the shapes kept do not fit (a bug): every file lowered again.
            let parts: Vec<pmf_check::model::Declarations> = files
                .iter()
                .map(|f| pmf_check::model::lower_file(f, &mut Vec::new()))
                .collect();
            let shapes = parts
                .iter()
                .map(pmf_check::model::Declarations::shape)
                .collect();
            (pmf_check::model::Declarations::merge(parts), shapes)
        });
        // Diagnostics need no IR; checked against a previous edition, the IR is built anyway.
        // Stale and unreviewed Welsh are shown as the spec is written (not the texts with no
        // Welsh, which are many until the translators' work comes back).
        let options = pmf_check::Options {
            previous: previous.as_deref().and_then(Analysis::ir),
            skip_ir: true,
            welsh_states: true,
            ..pmf_check::Options::default()
        };
        let comp = pmf_check::compile_merged(&sources, files, decls, diagnostics, options);
        let analysis = Analysis {
            sources,
            keys,
            owned,
            comp,
            shapes,
            previous,
            ir: OnceCell::new(),
            extra_places: OnceCell::new(),
            welsh_spans: OnceCell::new(),
        };
        (analysis, good)
    }

    /// The current compilations of the editions that supersede a document's edition.
    pub fn superseding(&self, key: &str) -> Vec<Rc<Analysis>> {
        let Some(i) = self
            .projects
            .iter()
            .position(|p| p.owns(key))
            .or_else(|| self.projects.iter().position(|p| p.has(key)))
        else {
            return Vec::new();
        };
        (0..self.projects.len())
            .filter(|&j| self.previous_of(j) == Some(i))
            .filter_map(|j| self.projects.get(j).and_then(|p| p.current.clone()))
            .collect()
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

    /// A document's current compilation, its last good one, and its file there. Compile first
    /// when the document is `stale`.
    pub fn analysis(&self, key: &str) -> Option<(Rc<Analysis>, Option<Rc<Analysis>>, FileId)> {
        let p = self.project_of(key)?;
        let a = p.current.clone()?;
        let file = a.file_of(key)?;
        Some((a, p.last_good.clone(), file))
    }

    /// A cursor at a byte offset of a document's current compilation.
    pub fn cursor(&self, key: &str, offset: usize) -> Option<crate::nav::Cursor> {
        let (a, last_good, file) = self.analysis(key)?;
        Some(crate::nav::Cursor {
            a,
            last_good,
            later: self.superseding(key),
            file,
            offset,
        })
    }
}

/// Whether a file parsed without a broken item.
fn whole_tree(f: &SourceFile) -> bool {
    f.items.iter().all(|i| matches!(i, Item::Node(_)))
}

/// The declarations of a new compilation and the shape of each file's part: the old
/// compilation's, with the part of each file that has `fresh` declarations replaced. When
/// nothing else holds the old compilation its declarations are taken over, else copied; when
/// the files are not the same ones in the same order, the parts kept are copied out of it.
/// `None` when there is no old compilation to take a part from, or its shapes do not fit.
fn merge_declarations(
    old: Option<Rc<Analysis>>,
    keys: &[String],
    fresh: Vec<Option<Declarations>>,
) -> Option<(Declarations, Vec<Shape>)> {
    if fresh.iter().all(Option::is_some) {
        if let Some(old) = old {
            retire(old);
        }
        let parts: Vec<Declarations> = fresh.into_iter().flatten().collect();
        let shapes = parts.iter().map(Declarations::shape).collect();
        return Some((Declarations::merge(parts), shapes));
    }
    let old = old?;
    if old.keys != keys {
        let mut parts = Vec::with_capacity(fresh.len());
        for (i, f) in fresh.into_iter().enumerate() {
            parts.push(match f {
                Some(d) => d,
                None => old.comp.decls.part(&old.shapes, i)?,
            });
        }
        retire(old);
        let shapes = parts.iter().map(Declarations::shape).collect();
        return Some((Declarations::merge(parts), shapes));
    }
    let (mut decls, mut shapes) = match Rc::try_unwrap(old) {
        Ok(a) => {
            let Analysis {
                sources,
                comp,
                shapes,
                ir,
                previous,
                extra_places,
                ..
            } = a;
            let Compilation {
                files,
                decls,
                diagnostics,
                symbols,
                ir: built,
                resolved,
            } = comp;
            drop(previous);
            let big = sources
                .ids()
                .map(|id| sources.get(id).text.len())
                .sum::<usize>()
                > BIG;
            free_later(
                (
                    sources,
                    extra_places,
                    files,
                    diagnostics,
                    symbols,
                    built,
                    resolved,
                    ir.into_inner(),
                ),
                big,
            );
            (decls, shapes)
        }
        Err(shared) => {
            let copied = (shared.comp.decls.clone(), shared.shapes.clone());
            retire(shared);
            copied
        }
    };
    for (i, f) in fresh.into_iter().enumerate() {
        if let Some(d) = f {
            if !decls.replace_part(&mut shapes, i, d) {
                return None;
            }
        }
    }
    Some((decls, shapes))
}

/// A spec larger than this (bytes of text) is freed on another thread.
const BIG: usize = 1 << 20;

/// Lets go of a compilation that has been replaced. Freeing a large one takes a while (a
/// tenth of a second for a spec of 30 MB), so when nothing else holds it, it is freed on
/// another thread rather than before the diagnostics of the new one are published.
fn retire(a: Rc<Analysis>) {
    let Ok(a) = Rc::try_unwrap(a) else {
        return;
    };
    let Analysis {
        sources,
        comp,
        ir,
        previous,
        extra_places,
        ..
    } = a;
    drop(previous);
    let big = sources
        .ids()
        .map(|id| sources.get(id).text.len())
        .sum::<usize>()
        > BIG;
    free_later((sources, extra_places, comp, ir.into_inner()), big);
}

/// Frees a value on a thread of its own when it is big.
fn free_later<T: Send + 'static>(garbage: T, big: bool) {
    if big {
        // If the thread cannot start, the value is freed here, as it would have been.
        let _ = std::thread::Builder::new()
            .name("pmf-lsp-free".into())
            .spawn(move || drop(garbage));
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

/// A file's text as `pmf-project` reads spec files (a regular file, within the size limit,
/// UTF-8), or `None`.
fn read(path: &Path) -> Option<String> {
    pmf_project::read_text(path).ok()
}

/// The texts a project's files are read from: the open buffers over the disk. The search for
/// a spec's files and editions (`pmf_project::layout`) reads them through this.
impl pmf_project::Files for World {
    fn text(&self, path: &Path) -> Option<Cow<'_, str>> {
        let open = (self.key_of)(path).and_then(|k| self.docs.get(&k));
        match open {
            Some(d) => Some(Cow::Borrowed(d.text.as_str())),
            None => read(path).map(Cow::Owned),
        }
    }

    /// The files on disk, and the open buffers under the folder not saved yet.
    fn pmf_files(&self, dir: &Path) -> pmf_project::Found {
        let mut found = pmf_project::find_pmf_files(dir);
        let mut added = false;
        for doc in self.docs.values() {
            if let Some(p) = &doc.path {
                if p.starts_with(dir) && is_pmf(p) && !found.files.contains(p) {
                    found.files.push(p.clone());
                    added = true;
                }
            }
        }
        if added {
            found.files.sort();
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents are named by their paths in these tests.
    fn key_of(p: &Path) -> Option<String> {
        Some(format!("file://{}", p.display()))
    }

    /// Two editions side by side in a temporary folder: `old/` and `new/` (which supersedes it).
    struct Editions(PathBuf);

    impl Editions {
        fn new(name: &str) -> Editions {
            let dir =
                std::env::temp_dir().join(format!("pmf-lsp-world-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let unit = "unit contact \"contacts\" {\n  singular \"contact\"\n  kind entity\n}\n";
            let edition = |id: &str, sup: &str| {
                format!("edition \"{id}\" {{\n  title \"T\"\n  status draft\n  first_year 2020-21\n  supersedes {sup}\n}}\n{unit}")
            };
            let metric = |code: &str, was: &str| {
                format!(
                    "metric {code} {{\n  wording \"Contacts\"\n  counts contact\n  flow\n{was}}}\n"
                )
            };
            for (d, f, t) in [
                ("old", "edition.pmf", edition("y1", "none")),
                ("old", "metrics.pmf", metric("AD/005", "")),
                ("new", "edition.pmf", edition("y2", "\"y1\"")),
                ("new", "metrics.pmf", metric("AD/046", "  was AD/005\n")),
            ] {
                let _ = std::fs::create_dir_all(dir.join(d));
                let _ = std::fs::write(dir.join(d).join(f), t);
            }
            Editions(dir.canonicalize().unwrap_or(dir))
        }

        fn open(&self, w: &mut World, folder: &str) -> String {
            let path = self.0.join(folder).join("metrics.pmf");
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let key = key_of(&path).unwrap_or_default();
            w.open(key.clone(), Some(path), text, 1);
            key
        }
    }

    impl Drop for Editions {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn root_of(w: &World, i: usize) -> String {
        w.projects
            .get(i)
            .and_then(|p| p.root.as_ref())
            .and_then(|r| r.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn compiled(w: &mut World) -> Vec<String> {
        let mut v: Vec<String> = w.analyze().into_iter().map(|i| root_of(w, i)).collect();
        v.sort();
        v
    }

    #[test]
    fn the_previous_edition_is_compiled_once_and_again_only_when_it_changes() {
        let eds = Editions::new("once");
        let mut w = World::new(vec![eds.0.clone()], key_of);
        let new = eds.open(&mut w, "new");
        assert_eq!(compiled(&mut w), ["new", "old"]);
        let p = w.project_of(&new).and_then(|p| p.current.clone());
        let p = p.as_deref();
        assert!(
            p.is_some_and(|a| a.previous.is_some()),
            "checked with the previous edition"
        );
        assert!(
            p.is_some_and(|a| !a.comp.diagnostics.iter().any(|d| d.is_error())),
            "`was AD/005` resolves"
        );
        assert!(
            w.projects.iter().any(|p| p.background),
            "old/ is in the background"
        );
        // Typing in the new edition compiles it alone.
        for n in 2..5 {
            w.change(
                &new,
                format!(
                    "// edit {n}\n{}",
                    std::fs::read_to_string(eds.0.join("new/metrics.pmf")).unwrap_or_default()
                ),
                n,
            );
            assert!(w.stale(&new));
            assert_eq!(compiled(&mut w), ["new"]);
            assert!(!w.stale(&new));
        }
        // Opening and editing the previous edition recompiles it and the edition after it.
        let old = eds.open(&mut w, "old");
        assert!(w.stale(&new), "the previous edition changed");
        assert_eq!(compiled(&mut w), ["new", "old"]);
        assert!(!w.projects.iter().any(|p| p.background), "old/ is open now");
        w.change(
            &old,
            "metric AD/006 {\n  wording \"Other\"\n  counts contact\n  flow\n}\n".into(),
            2,
        );
        assert_eq!(compiled(&mut w), ["new", "old"]);
        let errors = w
            .project_of(&new)
            .and_then(|p| p.current.as_ref())
            .map(|a| a.comp.diagnostics.iter().filter(|d| d.is_error()).count());
        assert_eq!(
            errors,
            Some(1),
            "AD/005 is no longer in the previous edition"
        );
        // Closing the previous edition's file keeps it, in the background, for the new one.
        let cleared = w.close(&old);
        assert!(
            cleared.len() == 2 && cleared.contains(&old),
            "both files of old/ are cleared: {cleared:?}"
        );
        assert!(w.projects.iter().any(|p| p.background));
        assert_eq!(compiled(&mut w), ["new", "old"], "back to the text on disk");
        // Closing the new edition drops both.
        let _ = w.close(&new);
        assert!(w.projects.is_empty());
    }

    #[test]
    fn a_header_that_changes_what_it_supersedes_is_linked_again() {
        let eds = Editions::new("relink");
        let mut w = World::new(vec![eds.0.clone()], key_of);
        let new = eds.open(&mut w, "new");
        let _ = compiled(&mut w);
        let path = eds.0.join("new/edition.pmf");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let key = key_of(&path).unwrap_or_default();
        w.open(key.clone(), Some(path), text.clone(), 1);
        w.change(
            &key,
            text.replace("supersedes \"y1\"", "supersedes none"),
            2,
        );
        let _ = compiled(&mut w);
        let a = w.project_of(&new).and_then(|p| p.current.clone());
        assert!(a.as_deref().is_some_and(|a| a.previous.is_none()));
        assert!(a.as_deref().is_some_and(|a| a
            .comp
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "PMF0114")));
        w.change(&key, text, 3);
        let _ = compiled(&mut w);
        let a = w.project_of(&new).and_then(|p| p.current.clone());
        assert!(a.as_deref().is_some_and(|a| a.previous.is_some()));
        assert!(a
            .as_deref()
            .is_some_and(|a| !a.comp.diagnostics.iter().any(|d| d.is_error())));
    }

    /// The project's current compilation against `check::compile` of the same texts.
    fn same_as_a_fresh_compile(w: &World, key: &str, what: &str) {
        let Some(p) = w.project_of(key) else {
            panic!("no project for {key}");
        };
        let Some(a) = p.current.as_deref() else {
            panic!("not compiled");
        };
        let mut sources = Sources::new();
        for f in &p.files {
            let name = f.path.as_ref().map(|p| p.display().to_string());
            sources.add(name.unwrap_or_default(), w.text_of(f));
        }
        let fresh = pmf_check::compile(&sources);
        assert_eq!(
            format!("{:?}", a.comp.decls),
            format!("{:?}", fresh.decls),
            "declarations after {what}"
        );
        assert_eq!(
            format!("{:?}", a.comp.diagnostics),
            format!("{:?}", fresh.diagnostics),
            "diagnostics after {what}"
        );
        let shapes: Vec<Shape> = a
            .comp
            .files
            .iter()
            .map(|f| pmf_check::model::lower_file(f, &mut Vec::new()).shape())
            .collect();
        assert_eq!(a.shapes, shapes, "shapes after {what}");
        assert_eq!(
            a.ir().map(|ir| format!("{ir:?}")),
            fresh.ir.map(|ir| format!("{ir:?}")),
            "IR after {what}"
        );
    }

    #[test]
    fn declarations_kept_across_edits_are_those_of_a_fresh_compile() {
        let eds = Editions::new("kept");
        let mut w = World::new(vec![eds.0.clone()], key_of);
        let key = eds.open(&mut w, "old");
        let _ = w.analyze();
        same_as_a_fresh_compile(&w, &key, "opening");
        let text = w.docs.get(&key).map(|d| d.text.clone()).unwrap_or_default();
        let more = "metric AD/007 {\n  wording \"More\"\n  counts contact\n  flow\n}\n";
        let broken = "metric AD/008 {\n  wording \"Broken\n";
        let steps = [
            // A whole edit: the old compilation is taken over, the file's part replaced.
            ("a metric added", format!("{text}{more}")),
            // A broken edit: the last good compilation is kept, so its parts are copied.
            ("a broken item", format!("{text}{more}{broken}")),
            ("the item mended", format!("{text}{more}")),
            ("a metric removed", text.clone()),
        ];
        for (n, (what, t)) in steps.into_iter().enumerate() {
            w.change(&key, t, 2 + n as i32);
            let _ = w.analyze();
            same_as_a_fresh_compile(&w, &key, what);
        }
        // A new file after the others: the files are no longer the same, so the parts kept
        // are copied out one by one.
        let path = eds.0.join("old").join("z-last.pmf");
        let added = key_of(&path).unwrap_or_default();
        w.open(
            added.clone(),
            Some(path),
            more.replace("AD/007", "AD/010"),
            1,
        );
        let _ = w.analyze();
        same_as_a_fresh_compile(&w, &key, "a file added after the others");
        let _ = w.close(&added);
        let _ = w.analyze();
        same_as_a_fresh_compile(&w, &key, "the file closed");
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
