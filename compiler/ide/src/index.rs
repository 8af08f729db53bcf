//! The one index of every place a name or code appears in a compilation: the definitions and
//! resolved uses the checker records (`check::Symbols`: declarations, items, relations,
//! formulas, rules, texts, errata, motivations, breakdowns ...), and the places it does not
//! record: the inputs of indicators' worked examples, and the codes written after `was`, which
//! name codes of the previous edition.
//!
//! Hover, definition, references, rename and semantic tokens all read this index, so they
//! agree on the set of places: whatever one of them finds under the cursor, the others find
//! too (a test walks every place of the fixtures and of the shipped spec).

use crate::world::Analysis;
use pmf_check::model::{Loc, ProvenanceKind};
use pmf_check::Kind;
use pmf_syntax::source::FileId;
use std::collections::BTreeSet;

/// What a place does with the name there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// It declares it.
    Def,
    /// It refers to a declaration of the same compilation.
    Use,
    /// A code after `was`: it refers to a code of the edition this one supersedes.
    Was,
}

/// One place: the kind and name it refers to, where it is, and what it does.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub kind: Kind,
    pub name: &'a str,
    /// For codelist entries: the codelist (entries are named within their list).
    pub parent: Option<&'a str>,
    pub loc: &'a Loc,
    pub role: Role,
}

/// A place the checker's symbol index does not hold.
#[derive(Clone, Debug)]
pub struct Extra {
    pub kind: Kind,
    pub name: String,
    pub loc: Loc,
    pub role: Role,
    /// For a `was`: the metric or item code whose provenance it is, and how.
    pub was: Option<(String, ProvenanceKind)>,
}

impl Analysis {
    /// Every place of the compilation: definitions, then uses, then the extra places.
    pub fn places(&self) -> impl Iterator<Item = Place<'_>> + '_ {
        let symbols = &self.comp.symbols;
        let defs = symbols.defs.iter().map(move |d| Place {
            kind: d.kind,
            name: &d.name,
            parent: entry_parent(d.kind, &d.parent),
            loc: &d.name_loc,
            role: Role::Def,
        });
        let uses = symbols.uses.iter().map(move |u| Place {
            kind: u.kind,
            name: &u.name,
            parent: entry_parent(u.kind, &u.parent),
            loc: &u.loc,
            role: Role::Use,
        });
        let extra = self.extra_places().iter().map(|e| Place {
            kind: e.kind,
            name: &e.name,
            parent: None,
            loc: &e.loc,
            role: e.role,
        });
        defs.chain(uses).chain(extra)
    }

    /// The places the checker's symbol index does not hold, found on first use.
    pub fn extra_places(&self) -> &[Extra] {
        self.extra_places.get_or_init(|| extra_places(self))
    }

    /// The codes written after `was`, with the metric or item whose provenance each is.
    pub fn was_places(&self) -> impl Iterator<Item = &Extra> + '_ {
        self.extra_places().iter().filter(|e| e.role == Role::Was)
    }
}

/// The parent a place is named within: only entries (their codelist) and record fields (their
/// record) have one.
fn entry_parent(kind: Kind, parent: &Option<String>) -> Option<&str> {
    match kind {
        Kind::Entry | Kind::Field => parent.as_deref(),
        _ => None,
    }
}

fn extra_places(a: &Analysis) -> Vec<Extra> {
    let symbols = &a.comp.symbols;
    let mut out = Vec::new();
    // The inputs of worked examples: codes, or the populations of a rate. Looked up in sets,
    // not by scanning: a large spec has hundreds of thousands of places.
    let inputs: Vec<&pmf_check::model::Ref> = a
        .comp
        .decls
        .indicators
        .iter()
        .flat_map(|i| i.examples.iter())
        .flat_map(|ex| ex.inputs.iter().map(|(r, _)| r))
        .collect();
    if !inputs.is_empty() {
        let defs: BTreeSet<(Kind, &str)> = symbols
            .defs
            .iter()
            .filter(|d| matches!(d.kind, Kind::Code | Kind::Population))
            .map(|d| (d.kind, d.name.as_str()))
            .collect();
        let at = |l: &Loc| (l.file, l.span.start, l.span.end);
        let wanted: BTreeSet<(FileId, usize, usize)> = inputs.iter().map(|r| at(&r.loc)).collect();
        // Inputs the checker's index holds already are not added again.
        let recorded: BTreeSet<(FileId, usize, usize)> = symbols
            .uses
            .iter()
            .map(|u| at(&u.loc))
            .filter(|l| wanted.contains(l))
            .collect();
        for r in inputs {
            let kind = [Kind::Code, Kind::Population]
                .into_iter()
                .find(|k| defs.contains(&(*k, r.name.as_str())));
            if let Some(kind) = kind {
                if !recorded.contains(&at(&r.loc)) {
                    out.push(Extra {
                        kind,
                        name: r.name.clone(),
                        loc: r.loc.clone(),
                        role: Role::Use,
                        was: None,
                    });
                }
            }
        }
    }
    // The codes after `was`, on metrics and on breakdown items.
    let mut was = |owner: String, w: &pmf_check::model::Provenance| {
        for r in &w.from {
            out.push(Extra {
                kind: Kind::Code,
                name: r.name.clone(),
                loc: r.loc.clone(),
                role: Role::Was,
                was: Some((owner.clone(), w.kind)),
            });
        }
    };
    for m in &a.comp.decls.metrics {
        if let Some(w) = &m.was {
            was(m.code.clone(), w);
        }
        for it in m.breakdown.iter().flat_map(|b| b.items.iter()) {
            if let Some(w) = &it.was {
                was(format!("{}{}", m.code, it.letter), w);
            }
        }
    }
    out
}
