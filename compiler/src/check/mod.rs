//! Checking: resolution of every reference across the files of a spec, then the checks on
//! structure, units and text. Reports every problem rather than stopping at the first.

use crate::diag::{self, Diagnostic};
use crate::model::{self, Declarations};
use crate::source::Sources;
use crate::syntax::{self, SourceFile};

/// Everything known about one compilation: the parsed files, the merged declarations and the
/// diagnostics, sorted by position.
#[derive(Debug)]
pub struct Compilation {
    pub files: Vec<SourceFile>,
    pub decls: Declarations,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.is_error())
    }
}

/// Parses, lowers and checks every file of a spec.
pub fn compile(sources: &Sources) -> Compilation {
    let mut diagnostics = Vec::new();
    let mut files = Vec::with_capacity(sources.len());
    let mut decls = Declarations::default();
    for id in sources.ids() {
        let (file, mut d) = syntax::parse(id, &sources.get(id).text);
        diagnostics.append(&mut d);
        decls.extend(model::lower_file(&file, &mut diagnostics));
        files.push(file);
    }
    diag::sort(&mut diagnostics);
    Compilation {
        files,
        decls,
        diagnostics,
    }
}
