//! The cursor, and what is under it: its target, where that is declared, and every place that
//! names it, across the editions open together.
//!
//! Every answer is found from the index (`crate::index`): the place under the cursor, then the
//! places of the same target. A code after `was` names a code of the previous edition, so its
//! target is declared and used in the compilation of that edition, and the `was` lines of the
//! editions that supersede an edition name its codes too: definition, references, rename and
//! hover follow the same rule in both directions.

use crate::index::Role;
use crate::query::{self, Hit, Target};
use crate::world::Analysis;
use pmf_check::model::{metric_of_item, Loc};
use pmf_check::Kind;
use pmf_syntax::source::{FileId, Span};
use std::rc::Rc;

const SYNTAX_ERRORS: &str =
    "the spec has syntax errors; fix them first, so that every use is found";

/// A position in a document, with the compilations that answer for it.
#[derive(Clone)]
pub struct Cursor {
    /// The current compilation of the document's project.
    pub a: Rc<Analysis>,
    /// Its last compilation without a broken item, which answers where the current one has
    /// nothing (inside an item being typed).
    pub last_good: Option<Rc<Analysis>>,
    /// The current compilations of the editions that supersede this one (their `was` lines
    /// name its codes).
    pub later: Vec<Rc<Analysis>>,
    pub file: FileId,
    /// A byte offset in the current text of the file.
    pub offset: usize,
}

/// A byte range in a file of a compilation: where an answer points. The compilation may be
/// another than the cursor's (the last good one, a previous edition's).
#[derive(Clone, Debug)]
pub struct Location<'a> {
    pub a: &'a Analysis,
    pub file: FileId,
    pub span: Span,
}

impl<'a> Location<'a> {
    pub fn new(a: &'a Analysis, loc: &Loc) -> Location<'a> {
        Location {
            a,
            file: loc.file,
            span: loc.span.clone(),
        }
    }

    /// The document key of the file.
    pub fn key(&self) -> Option<&'a str> {
        self.a.key(self.file)
    }

    fn same(&self, other: &Location) -> bool {
        std::ptr::eq(self.a, other.a) && self.file == other.file && self.span == other.span
    }
}

/// What is under a cursor.
pub struct Found<'c> {
    /// The compilation whose place it is: the current one, or the last good one.
    pub src: &'c Analysis,
    pub hit: Hit,
    /// The compilation that declares the target: `src`, or for a code after `was` the previous
    /// edition's (`None` when that edition was not found).
    pub home: Option<&'c Analysis>,
}

impl Cursor {
    /// The current compilation the cursor is in.
    pub fn analysis(&self) -> &Analysis {
        &self.a
    }

    /// The text of the cursor's file.
    pub fn text(&self) -> &str {
        self.a.text(self.file)
    }

    /// The place under the cursor, from the current compilation or the last good one.
    pub fn found(&self) -> Option<Found<'_>> {
        let (src, hit) =
            query::at_either(&self.a, self.last_good.as_deref(), self.file, self.offset)?;
        let home = match hit.role {
            Role::Was => src.previous.as_deref(),
            Role::Def | Role::Use => Some(src),
        };
        Some(Found { src, hit, home })
    }

    /// The compilations whose `was` lines name codes of the compilation `home`: for a
    /// previous edition reached through `was`, the compilation that wrote it; otherwise the
    /// editions that supersede the cursor's.
    fn successors<'c>(&'c self, f: &Found<'c>) -> Vec<&'c Analysis> {
        match f.hit.role {
            Role::Was => vec![f.src],
            Role::Def | Role::Use => self.later.iter().map(Rc::as_ref).collect(),
        }
    }

    /// The definition of what is under the cursor: preferably in the current text, else in the
    /// compilation that answered; for a code after `was`, in the previous edition.
    pub fn definition(&self) -> Option<Location<'_>> {
        let f = self.found()?;
        if f.hit.role != Role::Was {
            if let Some(d) = query::def(&self.a, &f.hit.target) {
                return Some(Location::new(&self.a, &d.name_loc));
            }
        }
        let home = f.home?;
        query::def(home, &f.hit.target).map(|d| Location::new(home, &d.name_loc))
    }

    /// Every place that names what is under the cursor: its definition (when asked), its uses
    /// in its own edition, and, for a code, the `was` lines of the editions after it.
    pub fn references(&self, include_def: bool) -> Vec<Location<'_>> {
        let Some(f) = self.found() else {
            return Vec::new();
        };
        // The uses are those of the current text where the target is declared there.
        let home = match (f.hit.role, f.home) {
            (Role::Was, h) => h,
            (_, _) => Some(self.a.as_ref()),
        };
        let mut out: Vec<Location> = Vec::new();
        if let Some(home) = home {
            out.extend(
                query::occurrences(home, &f.hit.target, include_def)
                    .iter()
                    .map(|l| Location::new(home, l)),
            );
        }
        if f.hit.target.kind == Kind::Code {
            for later in self.successors(&f) {
                for l in query::was_uses(later, &f.hit.target.name) {
                    let l = Location::new(later, l);
                    if !out.iter().any(|o| o.same(&l)) {
                        out.push(l);
                    }
                }
            }
        }
        out
    }

    /// What a rename at the cursor renames, with the compilation that declares it: an item
    /// code renumbers its metric (the item's code is the metric's code and its letter). An
    /// error says why there is nothing to rename.
    pub fn rename_target(&self) -> Result<(Target, Span, &Analysis), String> {
        let f = self.found().ok_or_else(|| {
            "there is nothing to rename here: put the cursor on a code or a declared name"
                .to_string()
        })?;
        let home = f.home.ok_or_else(|| {
            format!(
                "{} is a code of the previous edition, which was not found beside this one",
                f.hit.target.name
            )
        })?;
        let target = crate::rename::rename_target(home, &f.hit.target);
        if f.hit.is_def() && target != f.hit.target {
            // An item's letter in its breakdown: there is no code under the cursor to edit.
            return Err(format!(
                "this is the letter of {}; rename {} where it is declared or used",
                f.hit.target.name, target.name
            ));
        }
        crate::rename::check_renameable(home, &target)?;
        let mut span = f.hit.span.clone();
        if target.kind == Kind::Code && target.name != f.hit.target.name {
            // A use of an item code renames its metric: select the metric's part.
            span.end = span.start + target.name.len().min(span.len());
        }
        Ok((target, span, home))
    }

    /// The range in the cursor's file and the current name to show before a rename.
    pub fn prepare_rename(&self) -> Result<(Span, String), String> {
        let from_current = self
            .found()
            .is_some_and(|f| std::ptr::eq(f.src, self.a.as_ref()));
        let (target, span, _) = self.rename_target()?;
        if !from_current {
            // Found in the last good compilation only: the item under the cursor is broken.
            return Err(SYNTAX_ERRORS.to_string());
        }
        Ok((span, target.name))
    }

    /// The edits that rename what is under the cursor, in every compilation that names it,
    /// or the reason the rename is refused.
    pub fn rename(&self, new_name: &str) -> Result<Vec<(Location<'_>, String)>, String> {
        if !self.a.is_whole() {
            return Err(SYNTAX_ERRORS.to_string());
        }
        let f = self
            .found()
            .ok_or_else(|| "there is nothing to rename here".to_string())?;
        let (target, _, home) = self.rename_target()?;
        let home = if f.hit.role == Role::Was {
            home
        } else {
            self.a.as_ref()
        };
        let successors: Vec<&Analysis> = if target.kind == Kind::Code {
            self.successors(&f)
        } else {
            Vec::new()
        };
        if std::iter::once(home)
            .chain(successors.iter().copied())
            .any(|a| !a.is_whole())
        {
            return Err(SYNTAX_ERRORS.to_string());
        }
        let mut edits: Vec<(Location, String)> = crate::rename::rename(home, &target, new_name)?
            .into_iter()
            .map(|(l, t)| (Location::new(home, &l), t))
            .collect();
        let new_name = new_name.trim();
        if target.kind == Kind::Code && new_name != target.name {
            // The `was` lines after this edition follow the code, and its items.
            for later in successors {
                for w in later.was_places() {
                    let item_of = metric_of_item(&w.name) == target.name;
                    if w.name == target.name || item_of {
                        let span = w.loc.span.start..w.loc.span.start + target.name.len();
                        edits.push((
                            Location {
                                a: later,
                                file: w.loc.file,
                                span,
                            },
                            new_name.to_string(),
                        ));
                    }
                }
            }
        }
        Ok(edits)
    }
}
