//! Rename: renumber a metric everywhere (its declaration, every relation, formula, rule,
//! erratum, worked example and text that mentions it or one of its items: every place of the
//! index), or rename a declared name and its uses. A rename that would clash with an existing
//! declaration, or break a rule of the language, is refused with the reason. (`nav::Cursor`
//! adds the `was` lines of the editions after this one.)

use crate::index::Role;
use crate::query::{self, Target};
use crate::world::Analysis;
use pmf_check::model::{is_indicator_code, is_item_code, is_metric_code, metric_of_item, Loc};
use pmf_check::Kind;

/// One replacement: a location in the compilation and the new text.
pub type Edit = (Loc, String);

/// Whether a target can be renamed at all; the reason when not.
pub fn check_renameable(a: &Analysis, t: &Target) -> Result<(), String> {
    match t.kind {
        Kind::Code if is_item_code(&t.name) => Err(format!(
            "{} is an item of {}, which is not declared: an item's code is its metric's code and its letter",
            t.name,
            metric_of_item(&t.name)
        )),
        Kind::Edition => Err(
            "an edition's id is a text that local extensions name; change it by hand".to_string(),
        ),
        _ => match query::def(a, t) {
            None => Err(format!("`{}` is not declared in this spec", t.name)),
            Some(d) => {
                let text = &a.sources.get(d.name_loc.file).text;
                if text.get(d.name_loc.span.clone()).is_some_and(|s| s.starts_with('"')) {
                    Err(format!("`{}` is declared as a text; change it by hand", t.name))
                } else {
                    Ok(())
                }
            }
        },
    }
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// What a rename at a symbol renames: an item code renumbers its metric (the item's code is
/// the metric's code and its letter).
pub fn rename_target(a: &Analysis, t: &Target) -> Target {
    if t.kind == Kind::Code && is_item_code(&t.name) {
        let metric = Target {
            kind: Kind::Code,
            name: metric_of_item(&t.name).to_string(),
            parent: None,
        };
        if query::def(a, &metric).is_some() {
            return metric;
        }
    }
    t.clone()
}

/// The edits that rename a target, or the reason the rename is refused.
pub fn rename(a: &Analysis, t: &Target, new_name: &str) -> Result<Vec<Edit>, String> {
    check_renameable(a, t)?;
    let new_name = new_name.trim();
    if new_name == t.name {
        return Ok(Vec::new());
    }
    let defs = &a.comp.symbols.defs;
    let clash = |kind: Kind, name: &str, parent: Option<&str>| {
        defs.iter().find(|d| {
            d.kind == kind
                && d.name == name
                && (!matches!(kind, Kind::Entry | Kind::Field) || d.parent.as_deref() == parent)
        })
    };
    let where_ = |d: &pmf_check::Def| {
        let f = a.sources.get(d.name_loc.file);
        let name = std::path::Path::new(&f.path)
            .file_name()
            .map_or(f.path.clone(), |n| n.to_string_lossy().into_owned());
        format!("{name}, line {}", f.line_col(d.name_loc.span.start).0)
    };
    match t.kind {
        Kind::Code => {
            if !is_metric_code(new_name) || is_item_code(new_name) {
                return Err(format!(
                    "`{new_name}` is not a metric code: write it like {} (letters, a slash, three digits)",
                    t.name
                ));
            }
            let old_prefix = t.name.split('/').next().unwrap_or("");
            let new_prefix = new_name.split('/').next().unwrap_or("");
            if old_prefix != new_prefix {
                return Err(format!(
                    "{} is numbered in its part's prefix {old_prefix}/; a new code must keep it (moving a metric to another part is done by hand)",
                    t.name
                ));
            }
            if let Some(d) = clash(Kind::Code, new_name, None) {
                return Err(format!("{new_name} is already declared in {}", where_(d)));
            }
            if let Some(d) = defs
                .iter()
                .find(|d| d.kind == Kind::Code && metric_of_item(&d.name) == new_name)
            {
                return Err(format!("{} is already declared in {}", d.name, where_(d)));
            }
        }
        Kind::Indicator => {
            if !is_indicator_code(new_name) {
                return Err(format!(
                    "`{new_name}` is not an indicator code: write it like {}",
                    t.name
                ));
            }
            if let Some(d) = clash(Kind::Indicator, new_name, None) {
                return Err(format!("{new_name} is already declared in {}", where_(d)));
            }
        }
        Kind::Rule | Kind::Erratum => {
            if new_name.is_empty() || new_name.contains(char::is_whitespace) {
                return Err(format!("`{new_name}` is not a valid id"));
            }
            if let Some(d) = clash(t.kind, new_name, None) {
                return Err(format!("`{new_name}` is already declared in {}", where_(d)));
            }
        }
        _ => {
            if !is_name(new_name) {
                return Err(format!(
                    "`{new_name}` is not a valid name: use letters, digits and underscores, starting with a letter"
                ));
            }
            if let Some(d) = clash(t.kind, new_name, t.parent.as_deref()) {
                let what = match &t.parent {
                    Some(list) if t.kind == Kind::Entry => {
                        format!("`{list}` already has an entry `{new_name}`")
                    }
                    Some(record) if t.kind == Kind::Field => {
                        format!("record `{record}` already has a field `{new_name}`")
                    }
                    _ => format!("there is already {} `{new_name}`", t.kind.noun()),
                };
                return Err(format!("{what}, declared in {}", where_(d)));
            }
        }
    }
    let mut edits: Vec<Edit> = query::occurrences(a, t, true)
        .into_iter()
        .map(|l| (l, new_name.to_string()))
        .collect();
    if t.kind == Kind::Code {
        // The metric's items are renumbered with it: AD/002a becomes NEW a in every use.
        for u in a.places().filter(|u| {
            u.role == Role::Use
                && u.kind == Kind::Code
                && u.name != t.name
                && metric_of_item(u.name) == t.name
        }) {
            let span = u.loc.span.start..u.loc.span.start + t.name.len();
            edits.push((
                Loc {
                    file: u.loc.file,
                    span,
                },
                new_name.to_string(),
            ));
        }
    }
    edits.sort_by_key(|(l, _)| (l.file, l.span.start));
    edits.dedup_by(|x, y| x.0 == y.0);
    Ok(edits)
}
