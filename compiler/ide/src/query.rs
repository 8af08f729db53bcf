//! "What is at this offset": the place of the index under the cursor, and the definition and
//! every use of the same thing.
//!
//! Metric and item codes share a namespace and match by name alone (an item's definition is
//! its letter in the breakdown); codelist entries match by name within their list.

use crate::index::{Place, Role};
use crate::world::{map_offset, Analysis};
use pmf_check::model::Loc;
use pmf_check::Kind;
use pmf_syntax::source::{FileId, Span};

/// A thing a name can refer to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub kind: Kind,
    pub name: String,
    /// For entries: the codelist.
    pub parent: Option<String>,
}

impl Target {
    pub fn code(name: &str) -> Target {
        Target {
            kind: Kind::Code,
            name: name.to_string(),
            parent: None,
        }
    }

    fn of(p: &Place) -> Target {
        Target {
            kind: p.kind,
            name: p.name.to_string(),
            parent: p.parent.map(str::to_string),
        }
    }

    fn names(&self, p: &Place) -> bool {
        p.kind == self.kind && p.name == self.name && p.parent == self.parent.as_deref()
    }
}

/// The place under the cursor: what it refers to, the range of the name there, and what the
/// place does with it.
#[derive(Clone, Debug)]
pub struct Hit {
    pub target: Target,
    pub span: Span,
    pub role: Role,
}

impl Hit {
    pub fn is_def(&self) -> bool {
        self.role == Role::Def
    }
}

fn contains(loc: &Loc, file: FileId, offset: usize) -> bool {
    loc.file == file && loc.span.start <= offset && offset <= loc.span.end
}

/// The place at an offset; the narrowest wins, and of places as narrow the first (a
/// definition before a use).
pub fn at(a: &Analysis, file: FileId, offset: usize) -> Option<Hit> {
    let mut best: Option<Place> = None;
    for p in a.places().filter(|p| contains(p.loc, file, offset)) {
        if best.is_none_or(|b| p.loc.span.len() < b.loc.span.len()) {
            best = Some(p);
        }
    }
    best.map(|p| Hit {
        target: Target::of(&p),
        span: p.loc.span.clone(),
        role: p.role,
    })
}

/// The place at an offset of the current text, or, when the current compilation has nothing
/// there (the item is broken), at the same place in the last good compilation. Returns the
/// compilation that answered and the hit in its coordinates.
pub fn at_either<'a>(
    current: &'a Analysis,
    last_good: Option<&'a Analysis>,
    file: FileId,
    offset: usize,
) -> Option<(&'a Analysis, Hit)> {
    if let Some(h) = at(current, file, offset) {
        return Some((current, h));
    }
    let good = last_good?;
    let old_file = good.file_of(current.key(file)?)?;
    let old_offset = map_offset(current.text(file), good.text(old_file), offset)?;
    at(good, old_file, old_offset).map(|h| (good, h))
}

/// The definition of a target.
pub fn def<'a>(a: &'a Analysis, t: &Target) -> Option<&'a pmf_check::Def> {
    a.comp.symbols.defs.iter().find(|d| {
        d.kind == t.kind
            && d.name == t.name
            && (!matches!(d.kind, Kind::Entry | Kind::Field) || d.parent == t.parent)
    })
}

/// Every use of a target in its own compilation (not the `was` of a later edition).
pub fn uses<'a>(a: &'a Analysis, t: &'a Target) -> impl Iterator<Item = Place<'a>> + 'a {
    a.places()
        .filter(move |p| p.role == Role::Use && t.names(p))
}

/// The `was` places of a compilation that name a code of the previous edition.
pub fn was_uses<'a>(a: &'a Analysis, code: &'a str) -> impl Iterator<Item = &'a Loc> + 'a {
    a.was_places()
        .filter(move |w| w.name == code)
        .map(|w| &w.loc)
}

/// Where the target is defined and used, definition first, then the uses in file order,
/// without repeats.
pub fn occurrences(a: &Analysis, t: &Target, include_def: bool) -> Vec<Loc> {
    let mut out: Vec<Loc> = Vec::new();
    if include_def {
        if let Some(d) = def(a, t) {
            out.push(d.name_loc.clone());
        }
    }
    let mut rest: Vec<Loc> = Vec::new();
    for u in uses(a, t) {
        if !out.contains(u.loc) && !rest.contains(u.loc) {
            rest.push(u.loc.clone());
        }
    }
    rest.sort_by_key(|l| (l.file, l.span.start));
    out.extend(rest);
    out
}

/// The word (name or code) around an offset in a text, by the characters names are made of.
pub fn word_at(text: &str, offset: usize) -> Option<(Span, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '/' || c == '.';
    let offset = offset.min(text.len());
    let before = text.get(..offset)?;
    let after = text.get(offset..)?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = offset
        + after
            .char_indices()
            .find(|(_, c)| !is_word(*c))
            .map_or(after.len(), |(i, _)| i);
    let w = text.get(start..end)?;
    (!w.is_empty()).then_some((start..end, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_the_cursor() {
        let t = "  subset of AD/002a + AD/002b\n";
        let at = t.find("AD/002a").unwrap_or(0) + 3;
        assert_eq!(word_at(t, at).map(|(_, w)| w), Some("AD/002a"));
        assert_eq!(word_at(t, 0), None);
        assert_eq!(word_at(t, t.len()), None);
    }
}
