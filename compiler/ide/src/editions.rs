//! Editions in the editor: the history of a metric (where it came from in the edition this one
//! supersedes, what changed since and in which category, a code retired or used again) for
//! the hover cards, and the codes written after `was`, which lead to the previous edition.
//!
//! Everything here reads the IR of an edition checked with its previous one (`ir.changes`,
//! `ir.retired`, each metric's `provenance` and `reuses`) and that previous edition's IR; the
//! places of the codes after `was` are in the index (`crate::index`). *Invariant:*
//! no history is shown for an edition compiled without its previous one (nothing would be
//! known about it), so a card never claims "unchanged" from missing information.

use crate::query::Target;
use crate::world::Analysis;
use pmf_check::model::{metric_of_item, ProvenanceKind};
use pmf_check::Kind;
use pmf_ir::diff::Change;
use pmf_ir::{Ir, Provenance};
use std::fmt::Write;

/// The previous edition's IR an analysis was checked with.
pub fn previous_ir(a: &Analysis) -> Option<&Ir> {
    a.previous.as_deref().and_then(|p| p.ir())
}

/// How the previous edition words a metric or item code, for a card.
fn old_wording(prev: &Ir, code: &str) -> Option<String> {
    let m = prev.metric(metric_of_item(code))?;
    if m.code == code {
        return Some(format!("“{}”", m.wording.en));
    }
    let it = m.items.iter().find(|i| i.code == code)?;
    Some(format!(
        "item {} of {}, “{}”",
        it.letter, m.code, it.wording.en
    ))
}

/// `was X in `edition`: “wording”` for each code a provenance names.
fn origin(p: &Provenance, prev: &Ir, out: &mut String) {
    let id = &prev.edition.id;
    let wording =
        |code: &str| old_wording(prev, code).unwrap_or_else(|| "not in that edition".into());
    match (p.kind, p.from.as_slice()) {
        (ProvenanceKind::Split, [from]) => {
            let _ = writeln!(out, "- *split out of* {from} in `{id}`: {}", wording(from));
        }
        (ProvenanceKind::Same, [from]) => {
            let _ = writeln!(out, "- *was* {from} in `{id}`: {}", wording(from));
        }
        (_, from) => {
            let _ = writeln!(out, "- *merges* {} of `{id}`:", from.join(" + "));
            for f in from {
                let _ = writeln!(out, "  - {f}: {}", wording(f));
            }
        }
    }
}

fn write_changes(changes: &[&Change], out: &mut String) {
    for c in changes {
        let _ = write!(
            out,
            "- *{}*: {}",
            pmf_words::changes::title(c.category),
            pmf_words::changes::describe(c)
        );
        match &c.reason {
            Some(r) => {
                let _ = writeln!(out, " (why: {})", r.en);
            }
            None => {
                let _ = writeln!(out);
            }
        }
    }
}

/// The history section of a metric's, item's or indicator's card: where it came from in the
/// previous edition, with that edition's wording, and every change recorded for it (for a
/// metric, also those of its items), each with its category. `None` for other things.
pub fn history(t: &Target, ir: &Ir, prev: &Ir) -> Option<String> {
    let id = &prev.edition.id;
    let mut s = String::new();
    let _ = writeln!(s, "**History since `{id}`**");
    match t.kind {
        Kind::Code => {
            let m = ir.metric(metric_of_item(&t.name))?;
            if m.code == t.name {
                let changes: Vec<&Change> = ir
                    .changes
                    .iter()
                    .filter(|c| c.code == m.code || m.items.iter().any(|i| i.code == c.code))
                    .collect();
                match (&m.provenance, prev.metric(&m.code)) {
                    (Some(p), _) => origin(p, prev, &mut s),
                    (None, Some(old)) if m.reuses.is_none() => {
                        same_code(&m.wording.en, &old.wording.en, prev, &mut s)
                    }
                    (None, _) if m.reuses.is_none() => {
                        let _ = writeln!(s, "- *new* in this edition");
                    }
                    (None, _) => {}
                }
                if let Some(why) = &m.reuses {
                    reused(&m.code, &why.en, ir, prev, &mut s);
                }
                write_changes(&changes, &mut s);
                if changes.is_empty() && m.provenance.is_none() && m.reuses.is_none() {
                    let _ = writeln!(
                        s,
                        "- no change recorded: this year's figure compares with last year's"
                    );
                }
            } else {
                let it = m.items.iter().find(|i| i.code == t.name)?;
                let changes: Vec<&Change> =
                    ir.changes.iter().filter(|c| c.code == it.code).collect();
                // As `pmf diff` pairs items: by `was`, else the same letter of the metric the
                // item's metric continues.
                let source = match (&it.was, &m.provenance) {
                    (Some(p), _) => Some(p.clone()),
                    (None, None) => Some(Provenance {
                        kind: ProvenanceKind::Same,
                        from: vec![it.code.clone()],
                    }),
                    (None, Some(p)) if p.kind == ProvenanceKind::Same => {
                        p.from.first().map(|f| Provenance {
                            kind: ProvenanceKind::Same,
                            from: vec![format!("{f}{}", it.letter)],
                        })
                    }
                    (None, Some(_)) => None,
                };
                let source =
                    source.filter(|p| p.from.iter().all(|f| old_wording(prev, f).is_some()));
                match source {
                    Some(p) if p.kind == ProvenanceKind::Same && p.from == [it.code.clone()] => {
                        let old = old_wording(prev, &it.code).unwrap_or_default();
                        let now = format!("item {} of {}, “{}”", it.letter, m.code, it.wording.en);
                        if old == now {
                            let _ = writeln!(s, "- *same code* in `{id}`, same wording");
                        } else {
                            let _ = writeln!(s, "- *same code* in `{id}`, then {old}");
                        }
                    }
                    Some(p) => origin(&p, prev, &mut s),
                    None => {
                        let _ = writeln!(s, "- *new* in this edition");
                    }
                }
                write_changes(&changes, &mut s);
            }
        }
        Kind::Indicator => {
            let changes: Vec<&Change> = ir.changes.iter().filter(|c| c.code == t.name).collect();
            if !prev.indicators.iter().any(|i| i.code == t.name) {
                if changes.is_empty() {
                    let _ = writeln!(s, "- *new* in this edition");
                }
            } else if changes.is_empty() {
                let _ = writeln!(s, "- same formula as in `{id}`");
            }
            write_changes(&changes, &mut s);
        }
        _ => return None,
    }
    Some(s.trim_end().to_string())
}

fn same_code(now: &str, then: &str, prev: &Ir, s: &mut String) {
    let id = &prev.edition.id;
    if now.split_whitespace().eq(then.split_whitespace()) {
        let _ = writeln!(s, "- *same code* in `{id}`, same wording");
    } else {
        let _ = writeln!(s, "- *same code* in `{id}`, then worded “{then}”");
    }
}

/// A code used again with `reuses`: what it meant before and why it is used again.
fn reused(code: &str, why: &str, ir: &Ir, prev: &Ir, s: &mut String) {
    let id = &prev.edition.id;
    if let Some(r) = prev.retired.iter().find(|r| r.code == code) {
        let _ = writeln!(
            s,
            "- *reuses* {code}, retired after `{}`, where it counted “{}”",
            r.last_edition, r.wording.en
        );
    } else if let Some(old) = prev.metric(code) {
        let _ = writeln!(
            s,
            "- *reuses* {code}, which in `{id}` counted “{}”",
            old.wording.en
        );
        let heirs = heirs(code, ir);
        if !heirs.is_empty() {
            let _ = writeln!(s, "  - that meaning continues in {}", heirs.join(", "));
        }
    } else {
        let _ = writeln!(s, "- *reuses* {code}");
    }
    let _ = writeln!(s, "  - *why*: {why}");
}

/// The metrics and items of `ir` whose `was` names an old code (or, for a metric's code, one
/// of its items).
fn heirs(old: &str, ir: &Ir) -> Vec<String> {
    let names = |p: &Option<Provenance>| {
        p.as_ref()
            .is_some_and(|p| p.from.iter().any(|f| f == old || metric_of_item(f) == old))
    };
    let mut out = Vec::new();
    for m in &ir.metrics {
        if names(&m.provenance) {
            out.push(m.code.clone());
        }
        for it in &m.items {
            if names(&it.was) {
                out.push(it.code.clone());
            }
        }
    }
    out
}

/// What became of a code of the previous edition in `ir`: the changes that name it as their
/// old code, whether the code continues, whether it is now retired.
pub fn fate(code: &str, ir: &Ir) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "**In `{}`**", ir.edition.id);
    let continues = match ir.metric(metric_of_item(code)) {
        Some(m) if m.code == code => {
            m.reuses.is_none()
                && m.provenance
                    .as_ref()
                    .is_none_or(|p| p.from.iter().any(|f| f == code))
        }
        Some(m) => m.items.iter().any(|i| {
            i.code == code
                && i.was
                    .as_ref()
                    .is_none_or(|p| p.from.iter().any(|f| f == code))
        }),
        None => false,
    };
    if continues {
        let _ = writeln!(s, "- continues under the same code");
    }
    let changes: Vec<&Change> = ir
        .changes
        .iter()
        .filter(|c| c.from.iter().any(|x| x == code))
        .collect();
    write_changes(&changes, &mut s);
    if let Some(r) = ir.retired.iter().find(|r| r.code == code) {
        let _ = writeln!(
            s,
            "- *retired*: last used in `{}`; the code is reserved and keeps its old meaning",
            r.last_edition
        );
    }
    if !continues && changes.is_empty() && !ir.retired.iter().any(|r| r.code == code) {
        let heirs = heirs(code, ir);
        if !heirs.is_empty() {
            let _ = writeln!(s, "- continued by {}", heirs.join(", "));
        }
    }
    s.trim_end().to_string()
}

/// The card of a code of the previous edition (under the cursor in a `was` line, or a code
/// this edition no longer has): its card in that edition, then what became of it.
pub fn previous_card(code: &str, prev: &Ir, ir: Option<&Ir>) -> Option<String> {
    let card = crate::hover::card_from_ir(&Target::code(code), prev)?;
    let mut s = format!(
        "*Edition `{}`, which this one supersedes*\n\n{card}",
        prev.edition.id
    );
    if let Some(ir) = ir {
        let _ = write!(s, "\n\n{}", fate(code, ir));
    }
    Some(s)
}

/// The card of a retired code: what it counted when it was last used, and that it is
/// reserved.
pub fn retired_card(code: &str, ir: &Ir) -> Option<String> {
    let r = ir.retired.iter().find(|r| r.code == code)?;
    Some(format!(
        "**{code}** · retired code\n\nLast used in edition `{}`, for: {}\n\nThe code is reserved: it keeps its old meaning, and a metric may use it again only with `reuses \"...\"` saying why.",
        r.last_edition, r.wording.en
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pmf_syntax::source::Sources;

    fn ir_of(text: &str, previous: Option<&Ir>) -> Ir {
        let mut sources = Sources::new();
        sources.add("spec.pmf", text);
        let c = pmf_check::compile_with(
            &sources,
            pmf_check::Options {
                previous,
                ..pmf_check::Options::default()
            },
        );
        c.ir.expect("an IR")
    }

    const HEAD: &str = "unit contact \"contacts\" {\n  singular \"contact\"\n  kind entity\n}\n";

    fn editions() -> (Ir, Ir) {
        let old = format!(
            "edition \"y1\" {{\n  title \"Year one\"\n  status draft\n  first_year 2020-21\n  supersedes none\n}}\n{HEAD}\
             metric AD/001 {{\n  wording \"Contacts\"\n  counts contact\n  flow\n}}\n\
             metric AD/005 {{\n  wording \"Repeat contacts\"\n  counts contact\n  flow\n}}\n\
             metric AD/009 {{\n  wording \"Dropped\"\n  counts contact\n  flow\n}}\n"
        );
        let old = ir_of(&old, None);
        let new = format!(
            "edition \"y2\" {{\n  title \"Year two\"\n  status draft\n  first_year 2021-22\n  supersedes \"y1\"\n}}\n{HEAD}\
             metric AD/001 {{\n  wording \"Contacts\"\n  counts contact\n  flow\n}}\n\
             metric AD/046 {{\n  wording \"Repeat contacts\"\n  counts contact\n  flow\n  was AD/005\n}}\n"
        );
        let new = ir_of(&new, Some(&old));
        (old, new)
    }

    fn code(name: &str) -> Target {
        Target {
            kind: Kind::Code,
            name: name.into(),
            parent: None,
        }
    }

    #[test]
    fn a_renumbered_metric_says_where_it_came_from() {
        let (old, new) = editions();
        let h = history(&code("AD/046"), &new, &old).unwrap_or_default();
        assert!(h.contains("*was* AD/005 in `y1`: “Repeat contacts”"), "{h}");
        assert!(
            h.contains("*Breaking for submissions*: AD/005 is renumbered AD/046"),
            "{h}"
        );
        let h = history(&code("AD/001"), &new, &old).unwrap_or_default();
        assert!(
            h.contains("same wording") && h.contains("no change recorded"),
            "{h}"
        );
    }

    #[test]
    fn an_old_code_says_what_became_of_it() {
        let (old, new) = editions();
        let f = fate("AD/005", &new);
        assert!(
            f.contains("renumbered AD/046") && !f.contains("same code"),
            "{f}"
        );
        let f = fate("AD/009", &new);
        assert!(f.contains("*retired*: last used in `y1`"), "{f}");
        assert!(f.contains("no longer collected"), "{f}");
        let card = retired_card("AD/009", &new).unwrap_or_default();
        assert!(
            card.contains("Dropped") && card.contains("reserved"),
            "{card}"
        );
        assert!(previous_card("AD/005", &old, Some(&new))
            .is_some_and(|c| c.contains("Repeat contacts") && c.contains("`y1`")));
    }
}
