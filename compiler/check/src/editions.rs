//! Editions: a metric's provenance (`was`) is resolved in the edition this one supersedes, a
//! code never silently comes back with another meaning (a retired or renumbered code is
//! reserved unless `reuses` gives the reason), a change of meaning under an unchanged code is
//! flagged, and the IR records the codes retired so far and what changed since the previous
//! edition.

use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::ir::diff::{self, Category};
use crate::ir::{Ir, Retired};
use crate::model::{Provenance, ProvenanceKind};
use std::collections::BTreeSet;

impl Checker<'_> {
    /// Without the previous edition, `was` cannot be resolved: each one is reported. Runs
    /// also when the IR is not built (`Options::skip_ir`), so that `pmf check` and the
    /// language server report what `pmf build` does.
    pub(super) fn check_was_without_previous(&mut self) {
        let decls = self.decls;
        for m in &decls.metrics {
            let wases = m.was.iter().chain(
                m.breakdown
                    .iter()
                    .flat_map(|b| b.items.iter().filter_map(|i| i.was.as_ref())),
            );
            for w in wases {
                let supersedes = decls
                    .editions
                    .first()
                    .and_then(|e| e.supersedes.as_ref())
                    .map(|r| r.name.clone());
                let d = Diagnostic::new(
                    Code::NoPreviousEdition,
                    w.loc.file,
                    self.head(&w.loc),
                    match &supersedes {
                        Some(s) => format!("`was` refers to edition `{s}`, which was not found beside this one"),
                        None => "`was` refers to the previous edition, but this edition supersedes none".to_string(),
                    },
                )
                .label("no previous edition")
                .help(match supersedes {
                    Some(_) => "check the folder that holds both editions (`pmf check spec`), so the previous one is read too",
                    None => "say which edition this one replaces: `supersedes \"...\"` in the edition header",
                });
                self.push(d);
            }
        }
    }

    pub(super) fn check_editions(&mut self, ir: &mut Ir) {
        let decls = self.decls;
        let Some(prev) = self.options.previous else {
            self.check_was_without_previous();
            return;
        };
        let old_codes: BTreeSet<&str> = prev
            .metrics
            .iter()
            .flat_map(|m| {
                std::iter::once(m.code.as_str()).chain(m.items.iter().map(|i| i.code.as_str()))
            })
            .collect();
        let retired: BTreeSet<&str> = prev.retired.iter().map(|r| r.code.as_str()).collect();
        // Old codes that some new metric continues under another code.
        let continued_elsewhere: BTreeSet<&str> = decls
            .metrics
            .iter()
            .filter_map(|m| {
                m.was
                    .as_ref()
                    .filter(|w| w.kind != ProvenanceKind::Split)
                    .map(|w| (m, w))
            })
            .flat_map(|(m, w)| {
                w.from
                    .iter()
                    .filter(move |r| r.name != m.code)
                    .map(|r| crate::model::metric_of_item(&r.name))
            })
            .collect();
        for m in &decls.metrics {
            let wases = m.was.iter().chain(
                m.breakdown
                    .iter()
                    .flat_map(|b| b.items.iter().filter_map(|i| i.was.as_ref())),
            );
            for w in wases {
                self.check_was(w, &old_codes, &prev.edition.id);
            }
            if m.reuses.is_some() {
                continue;
            }
            let code = m.code.as_str();
            if retired.contains(code) {
                let r = prev.retired.iter().find(|r| r.code == code);
                let mut d = Diagnostic::new(
                    Code::ReusedCode,
                    m.code_loc.file,
                    m.code_loc.span.clone(),
                    format!("{code} was retired; a retired code keeps its old meaning"),
                )
                .label("retired code")
                .help("choose a new code, or say why the code is used again: `reuses \"...\"`");
                if let Some(r) = r {
                    d = d.note(format!(
                        "edition `{}` was the last to use {code}, for: {}",
                        r.last_edition, r.wording.en
                    ));
                }
                self.push(d);
                continue;
            }
            let Some(old) = prev.metric(code) else {
                continue;
            };
            if m.was.is_none() && continued_elsewhere.contains(code) {
                let d = Diagnostic::new(
                    Code::ReusedCode,
                    m.code_loc.file,
                    m.code_loc.span.clone(),
                    format!("{code} meant something else in edition `{}`, and another metric now continues it", prev.edition.id),
                )
                .label("code used again")
                .note(format!("in `{}`, {code} was: {}", prev.edition.id, old.wording.en))
                .help("give this metric a new code, or say why the code is used again: `reuses \"...\"`");
                self.push(d);
                continue;
            }
            match &m.was {
                Some(Provenance {
                    kind: ProvenanceKind::Same,
                    from,
                    ..
                }) if from.len() == 1 && from[0].name == code => {}
                Some(w) => {
                    let from = w
                        .from
                        .iter()
                        .map(|r| r.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" + ");
                    let d = Diagnostic::new(
                        Code::ReusedCode,
                        m.code_loc.file,
                        m.code_loc.span.clone(),
                        format!("{code} meant something else in edition `{}`, and this metric continues {from}", prev.edition.id),
                    )
                    .label("code used again")
                    .note(format!("in `{}`, {code} was: {}", prev.edition.id, old.wording.en))
                    .help("give this metric a new code, or say why the code is used again: `reuses \"...\"`");
                    self.push(d);
                    continue;
                }
                None => {}
            }
            let Some(new) = ir.metric(code) else { continue };
            if new.fingerprint != old.fingerprint {
                let mut changes: Vec<diff::Change> = Vec::new();
                let one_old = Ir {
                    metrics: vec![old.clone()],
                    ..Ir::default()
                };
                let one_new = Ir {
                    metrics: vec![new.clone()],
                    ..Ir::default()
                };
                changes.extend(
                    diff::diff(&one_old, &one_new)
                        .into_iter()
                        .filter(|c| c.category != Category::Documentation),
                );
                let mut d = Diagnostic::new(
                    Code::MeaningChanged,
                    m.code_loc.file,
                    m.code_loc.span.clone(),
                    format!("{code} counts something different from what it counted in edition `{}`", prev.edition.id),
                )
                .label("same code, new meaning")
                .help("if the series should not continue, give the metric a new code (and `was` if it continues another); if the change is intended, allow this warning with the reason");
                for c in changes.iter().take(6) {
                    d = d.note(c.message.clone());
                }
                self.push(d);
            }
        }
        ir.retired = retired_after(prev, ir);
        ir.changes = diff::diff(prev, ir);
    }

    fn check_was(&mut self, w: &Provenance, old_codes: &BTreeSet<&str>, edition: &str) {
        for r in &w.from {
            if !old_codes.contains(r.name.as_str()) {
                let d = Diagnostic::new(
                    Code::UnknownReference,
                    r.loc.file,
                    r.loc.span.clone(),
                    format!("edition `{edition}` has no metric or item {}", r.name),
                )
                .label("not in the previous edition")
                .help("`was` names codes of the edition this one supersedes");
                self.push(d);
            }
        }
    }
}

/// The codes retired so far: those retired before, and those of the previous edition that no
/// metric of this one continues.
fn retired_after(prev: &Ir, ir: &Ir) -> Vec<Retired> {
    let mut continued: BTreeSet<&str> = BTreeSet::new();
    for m in &ir.metrics {
        match &m.provenance {
            Some(p) => continued.extend(p.from.iter().map(|s| crate::model::metric_of_item(s))),
            None => {
                continued.insert(m.code.as_str());
            }
        }
    }
    let mut out = prev.retired.clone();
    for m in &prev.metrics {
        if !continued.contains(m.code.as_str()) && !out.iter().any(|r| r.code == m.code) {
            out.push(Retired {
                code: m.code.clone(),
                last_edition: prev.edition.id.clone(),
                wording: m.wording.clone(),
            });
        }
    }
    // A code used again (with `reuses`) is no longer retired.
    out.retain(|r| ir.metric(&r.code).is_none());
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}
