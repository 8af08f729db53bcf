//! "What is at this offset": the definition or resolved use under the cursor, found in the
//! compiler's symbol index, and the definition and every use of the same thing.
//!
//! Metric and item codes share a namespace and match by name alone (an item's definition is
//! its letter in the breakdown); codelist entries match by name within their list.

use crate::world::{map_offset, Analysis};
use pmf::check::{Def, Kind, Use};
use pmf::model::Loc;
use pmf::source::{FileId, Span};

/// A thing a name can refer to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub kind: Kind,
    pub name: String,
    /// For entries: the codelist.
    pub parent: Option<String>,
}

/// The symbol under the cursor: what it refers to, and the range of the name there.
#[derive(Clone, Debug)]
pub struct Hit {
    pub target: Target,
    pub span: Span,
    pub is_def: bool,
}

fn target_of_def(d: &Def) -> Target {
    Target {
        kind: d.kind,
        name: d.name.clone(),
        parent: if d.kind == Kind::Entry {
            d.parent.clone()
        } else {
            None
        },
    }
}

fn target_of_use(u: &Use) -> Target {
    Target {
        kind: u.kind,
        name: u.name.clone(),
        parent: if u.kind == Kind::Entry {
            u.parent.clone()
        } else {
            None
        },
    }
}

fn contains(loc: &Loc, file: FileId, offset: usize) -> bool {
    loc.file == file && loc.span.start <= offset && offset <= loc.span.end
}

/// The definition or use at an offset; the narrowest wins.
pub fn at(a: &Analysis, file: FileId, offset: usize) -> Option<Hit> {
    let defs = a
        .comp
        .symbols
        .defs
        .iter()
        .filter(|d| contains(&d.name_loc, file, offset))
        .map(|d| Hit {
            target: target_of_def(d),
            span: d.name_loc.span.clone(),
            is_def: true,
        });
    let uses = a
        .comp
        .symbols
        .uses
        .iter()
        .filter(|u| contains(&u.loc, file, offset))
        .map(|u| Hit {
            target: target_of_use(u),
            span: u.loc.span.clone(),
            is_def: false,
        });
    defs.chain(uses).min_by_key(|h| h.span.len())
}

/// The symbol at an offset of the current text, or, when the current compilation has nothing
/// there (the item is broken), at the same place in the last good compilation. Returns the
/// compilation that answered and the hit in its coordinates.
pub fn at_either<'a>(
    current: &'a Analysis,
    last_good: Option<&'a Analysis>,
    key: &str,
    offset: usize,
) -> Option<(&'a Analysis, Hit)> {
    if let Some(file) = current.file_of(key) {
        if let Some(h) = at(current, file, offset) {
            return Some((current, h));
        }
    }
    let good = last_good?;
    let cur_file = current.file_of(key)?;
    let old_file = good.file_of(key)?;
    let cur_text = &current.sources.get(cur_file).text;
    let old_text = &good.sources.get(old_file).text;
    let old_offset = map_offset(cur_text, old_text, offset)?;
    at(good, old_file, old_offset).map(|h| (good, h))
}

/// The definition of a target.
pub fn def<'a>(a: &'a Analysis, t: &Target) -> Option<&'a Def> {
    a.comp
        .symbols
        .defs
        .iter()
        .find(|d| d.kind == t.kind && d.name == t.name && target_of_def(d).parent == t.parent)
}

/// Every use of a target.
pub fn uses<'a>(a: &'a Analysis, t: &'a Target) -> impl Iterator<Item = &'a Use> + 'a {
    a.comp.symbols.uses.iter().filter(move |u| {
        u.kind == t.kind && u.name == t.name && target_of_use(u).parent == t.parent
    })
}

/// Where the target is defined and used, definition first, without repeats.
pub fn occurrences(a: &Analysis, t: &Target, include_def: bool) -> Vec<Loc> {
    let mut out: Vec<Loc> = Vec::new();
    if include_def {
        if let Some(d) = def(a, t) {
            out.push(d.name_loc.clone());
        }
    }
    let mut rest: Vec<Loc> = Vec::new();
    for u in uses(a, t) {
        if !out.contains(&u.loc) && !rest.contains(&u.loc) {
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
