//! Editions: a metric's provenance (`was`) is resolved in the edition this one supersedes, a
//! code never silently comes back with another meaning (a retired or renumbered code is
//! reserved unless `reuses` gives the reason), a code continued from the previous edition
//! counts the same thing (proven by `pmf_ir::continuity`, or stated with `same "..."`) or is
//! reported, `was`, `reuses` and `same` may not contradict each other, texts, errata and
//! formulas carried over from the previous edition may not name a code that now means
//! something else, and the IR records the codes retired so far, what changed since the previous
//! edition and the time series of every code.

use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::ir::continuity::{self, Continuity, LinkKind};
use crate::ir::diff::{self, ChangeKind};
use crate::ir::{Ir, Retired};
use crate::model::{Loc, Provenance, ProvenanceKind, Text};
use std::collections::{BTreeMap, BTreeSet};

impl Checker<'_> {
    /// Without the previous edition, `was` and `same` cannot be resolved: each one is reported.
    /// Runs also when the IR is not built (`Options::skip_ir`), so that `pmf check` and the
    /// language server report what `pmf build` does.
    pub(super) fn check_was_without_previous(&mut self) {
        let decls = self.decls;
        let supersedes = decls
            .editions
            .first()
            .and_then(|e| e.supersedes.as_ref())
            .map(|r| r.name.clone());
        let mut places: Vec<(&Loc, &str)> = Vec::new();
        for m in &decls.metrics {
            places.extend(m.was.iter().map(|w| (&w.loc, "was")));
            places.extend(m.same.iter().map(|s| (&s.loc, "same")));
            for i in m.breakdown.iter().flat_map(|b| b.items.iter()) {
                places.extend(i.was.iter().map(|w| (&w.loc, "was")));
                places.extend(i.same.iter().map(|s| (&s.loc, "same")));
            }
        }
        for (loc, field) in places {
            let d = Diagnostic::new(
                Code::NoPreviousEdition,
                loc.file,
                self.head(loc),
                match &supersedes {
                    Some(s) => format!("`{field}` refers to edition `{s}`, which was not found beside this one"),
                    None => format!("`{field}` refers to the previous edition, but this edition supersedes none"),
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

    /// Where a code of the previous edition (or of an earlier one) is now, in words, for "did
    /// you mean": "AD/014 is AD/010 since edition `2020-21`". None when the code is not one
    /// an earlier edition used.
    pub(super) fn code_history(&self, code: &str) -> Option<String> {
        let prev = self.options.previous?;
        let this = self.decls.editions.first().map(|e| e.id.as_str())?;
        // Where each code of the previous edition went in this one, from the `was` written here.
        let went =
            |c: &str| -> Vec<(String, ProvenanceKind)> {
                let mut out = Vec::new();
                for m in &self.decls.metrics {
                    let ws = m.was.iter().map(|w| (m.code.clone(), w)).chain(
                        m.breakdown.iter().flat_map(|b| {
                            b.items.iter().filter_map(|i| {
                                i.was
                                    .as_ref()
                                    .map(|w| (format!("{}{}", m.code, i.letter), w))
                            })
                        }),
                    );
                    for (to, w) in ws {
                        if w.from.iter().any(|r| r.name == c) {
                            out.push((to, w.kind));
                        }
                    }
                }
                out
            };
        let now = |c: &str| -> Option<String> {
            let to = went(c);
            if let Some((to, kind)) = to.first() {
                return Some(match kind {
                    ProvenanceKind::Same => format!("{c} is {to} since edition `{this}`"),
                    ProvenanceKind::Merged => {
                        format!("{c} is counted in {to} (a sum) since edition `{this}`")
                    }
                    ProvenanceKind::Split => {
                        format!("{c} was split: {to} counts a part of it since edition `{this}`")
                    }
                });
            }
            None
        };
        let index = continuity::Index::new(prev);
        if index.get(code).is_some() {
            return Some(now(code).unwrap_or_else(|| {
                format!(
                    "{code} is no longer collected: edition `{}` was the last to use it",
                    prev.edition.id
                )
            }));
        }
        // A code of an edition before the previous one: its series says what it became there.
        for s in &prev.series {
            for (k, step) in s.continues.iter().enumerate() {
                if step.codes.len() == 1 && step.codes[0] == code {
                    let since = if k == 0 {
                        prev.edition.id.clone()
                    } else {
                        s.continues[k - 1].edition.clone()
                    };
                    return Some(match now(&s.code) {
                        Some(n) => format!(
                            "{code} was {} from edition `{since}`, and {n}",
                            s.code
                        ),
                        None if index.get(&s.code).is_some() && self.codes.contains_key(&s.code) => {
                            format!("{code} is {} since edition `{since}`", s.code)
                        }
                        None => format!(
                            "{code} was {} from edition `{since}`, which edition `{}` was the last to use",
                            s.code, prev.edition.id
                        ),
                    });
                }
            }
        }
        prev.retired.iter().find(|r| r.code == code).map(|r| {
            format!(
                "{code} was retired: edition `{}` was the last to use it",
                r.last_edition
            )
        })
    }

    pub(super) fn check_editions(&mut self, ir: &mut Ir) {
        let Some(prev) = self.options.previous else {
            self.check_was_without_previous();
            return;
        };
        let decls = self.decls;
        let index = continuity::Index::new(prev);
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
                self.check_was(w, &index, &prev.edition.id);
            }
            let code = m.code.as_str();
            if let Some(why) = &m.reuses {
                self.check_reuse(m, why, prev, &index, &retired);
                continue;
            }
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
                // An item promoted to a metric under its own metric's code (AD/002b becomes the
                // metric AD/002): the code never had a figure of its own, so nothing is reused.
                Some(Provenance {
                    kind: ProvenanceKind::Same,
                    from,
                    ..
                }) if from.len() == 1
                    && crate::model::metric_of_item(&from[0].name) == code
                    && from[0].name != code
                    && !old.collected => {}
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
                }
                None => {}
            }
        }
        let (retired, series, changes) = {
            let c = continuity::continuity(prev, ir);
            self.check_continuity(&c);
            self.check_stale_references(&c);
            (
                retired_after(prev, &c),
                continuity::series(&c),
                diff::changes(&c),
            )
        };
        ir.retired = retired;
        ir.series = series;
        ir.changes = changes;
    }

    fn check_was(&mut self, w: &Provenance, index: &continuity::Index, edition: &str) {
        for r in &w.from {
            if index.get(&r.name).is_some() {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::UnknownReference,
                r.loc.file,
                r.loc.span.clone(),
                format!("edition `{edition}` has no metric or item {}", r.name),
            )
            .label("not in the previous edition");
            d = match self.code_history(&r.name) {
                Some(h) => d.note(h).help(format!(
                    "`was` names codes of edition `{edition}`, the one this edition supersedes; a `was` carried over from an earlier revision is no longer needed"
                )),
                None => d.help(format!(
                    "`was` names codes of edition `{edition}`, the one this edition supersedes"
                )),
            };
            self.push(d);
        }
    }

    /// `reuses "..."`: the code must have meant something before, the metric may not also say
    /// it continues that meaning, and the reason must not be one carried over from the edition
    /// where the code was first used again.
    fn check_reuse(
        &mut self,
        m: &crate::model::Metric,
        why: &Text,
        prev: &Ir,
        index: &continuity::Index,
        retired: &BTreeSet<&str>,
    ) {
        let code = m.code.as_str();
        if let Some(w) = &m.was {
            if let Some(r) = w.from.iter().find(|r| r.name == code) {
                let d = Diagnostic::new(
                    Code::ContradictoryProvenance,
                    why.loc.file,
                    self.head(&why.loc),
                    format!("{code} says it continues {code} (`was`) and that the code is used again for something else (`reuses`)"),
                )
                .label("contradicts `was`")
                .secondary(r.loc.file, r.loc.span.clone(), "continues the old meaning")
                .help(format!("keep `was {code}` if it counts what {code} counted, and remove `reuses`; keep `reuses` if it counts something new, and remove `was`"));
                self.push(d);
                return;
            }
        }
        match prev.metric(code) {
            Some(old) if old.reuses.as_ref().map(|t| t.en.trim()) == Some(why.en().trim()) => {
                let d = Diagnostic::new(
                    Code::ContradictoryProvenance,
                    why.loc.file,
                    self.head(&why.loc),
                    format!("{code} already has this meaning in edition `{}`: this `reuses` is carried over from it", prev.edition.id),
                )
                .label("carried over")
                .note(format!("in `{}`, {code} was: {}", prev.edition.id, old.wording.en))
                .help(format!("remove `reuses`: {code} continues {code}, and its series goes on"));
                self.push(d);
            }
            Some(_) => {}
            None if index.get(code).is_some() || retired.contains(code) => {}
            None => {
                let d = Diagnostic::new(
                    Code::ContradictoryProvenance,
                    why.loc.file,
                    self.head(&why.loc),
                    format!("{code} was never used before: there is nothing to reuse"),
                )
                .label("nothing to reuse")
                .help("remove `reuses`: a new code needs no reason");
                self.push(d);
            }
        }
    }

    /// Where a code of this edition is declared: its metric's code, or its item's letter.
    fn code_loc(&self, code: &str) -> Option<Loc> {
        let metric = crate::model::metric_of_item(code);
        let m = self.decls.metrics.iter().find(|m| m.code == metric)?;
        if metric == code {
            return Some(m.code_loc.clone());
        }
        let letter = &code[metric.len()..];
        Some(
            m.breakdown
                .iter()
                .flat_map(|b| b.items.iter())
                .find(|i| i.letter == letter)
                .map_or_else(|| m.code_loc.clone(), |i| i.letter_loc.clone()),
        )
    }

    /// A code continued from the previous edition counts the same thing, or the change is
    /// reported: a changed unit, timing, cohort, population, definition or timescale is a
    /// warning (allowed when intended); a wording that counts other words, with nothing else
    /// changed, is an error until `same "..."` says why it counts the same (or the code
    /// changes). `same` where nothing is continued one to one is a contradiction.
    fn check_continuity(&mut self, c: &Continuity) {
        let prev = c.old;
        let new_index = continuity::Index::new(c.new);
        let old_index = continuity::Index::new(prev);
        for l in &c.links {
            let Some(node) = new_index.get(&l.code) else {
                continue;
            };
            let Some(loc) = self.code_loc(&l.code) else {
                continue;
            };
            if let Some(why) = same_of(self.decls, &l.code) {
                let one_to_one = l.kind.is_one_to_one() && l.reused.is_none();
                let unchanged = one_to_one
                    && old_index.get(&l.from[0]).is_some_and(|o| {
                        o.wording()
                            .en
                            .split_whitespace()
                            .eq(node.wording().en.split_whitespace())
                    });
                if !one_to_one || unchanged {
                    let message = if one_to_one {
                        format!("`same` explains a changed wording, but {}'s wording is the wording of {} in edition `{}`", l.code, l.from[0], prev.edition.id)
                    } else {
                        format!("`same` says {} counts what it continues, but it continues no single code of edition `{}`", l.code, prev.edition.id)
                    };
                    let d = Diagnostic::new(
                        Code::ContradictoryProvenance,
                        why.loc.file,
                        self.head(&why.loc),
                        message,
                    )
                    .label("nothing to state")
                    .help(if one_to_one {
                        "remove `same`: there is no change of wording to explain (it may be carried over from an earlier revision)"
                    } else {
                        "remove `same`, or say with `was` which code it continues"
                    });
                    self.push(d);
                }
            }
            // An item whose code another code now continues, used for something new.
            if l.is_item && l.kind == LinkKind::New && l.reused.is_none() {
                if let Some(old) = old_index.get(&l.code) {
                    let heirs: Vec<String> =
                        c.fates(&l.code).iter().map(|f| f.code.clone()).collect();
                    if !heirs.is_empty() {
                        let d = Diagnostic::new(
                            Code::ReusedCode,
                            loc.file,
                            loc.span.clone(),
                            format!("{} meant something else in edition `{}`, and {} now continues it", l.code, prev.edition.id, heirs.join(", ")),
                        )
                        .label("code used again")
                        .note(format!("in `{}`, {} was: {}", prev.edition.id, l.code, old.wording().en))
                        .help("give the item another letter, or say on its metric why the code is used again: `reuses \"...\"`");
                        self.push(d);
                    }
                }
            }
            if !(l.kind.is_one_to_one() || l.kind == LinkKind::Merged) {
                continue;
            }
            // A change of what the whole metric counts is reported once, on the metric.
            let parent = if l.is_item {
                c.link(crate::model::metric_of_item(&l.code))
            } else {
                None
            };
            let breaks: Vec<&diff::Change> = l
                .breaks()
                .filter(|ch| {
                    !parent.is_some_and(|p| {
                        p.changes
                            .iter()
                            .any(|pc| pc.kind == ch.kind && pc.category == ch.category)
                    })
                })
                .collect();
            if breaks.is_empty() {
                continue;
            }
            let from = l.from.join(" + ");
            let unproven = breaks
                .iter()
                .find(|ch| ch.kind == ChangeKind::ContinuityUnproven);
            match unproven {
                Some(ch) if breaks.len() == 1 => {
                    let (old_w, new_w) = (
                        ch.old.clone().unwrap_or_default(),
                        ch.new.clone().unwrap_or_default(),
                    );
                    let unit =
                        |ir: &Ir, n: continuity::Node| ir.unit(&n.metric().measure.unit).cloned();
                    let old_node = old_index.get(&l.from[0]);
                    let ow = continuity::counted_words(
                        &old_w,
                        old_node.and_then(|o| unit(prev, o)).as_ref(),
                    );
                    let nw = continuity::counted_words(&new_w, unit(c.new, node).as_ref());
                    let gone: Vec<&str> = ow.difference(&nw).map(String::as_str).collect();
                    let added: Vec<&str> = nw.difference(&ow).map(String::as_str).collect();
                    let subject = if from == l.code {
                        format!("{} keeps its code", l.code)
                    } else {
                        format!("{} continues {from}", l.code)
                    };
                    let mut d = Diagnostic::new(
                        Code::ContinuityUnproven,
                        loc.file,
                        loc.span.clone(),
                        format!("{subject}, but its wording counts something else, and nothing says it counts the same"),
                    )
                    .label("continuity not proven")
                    .note(format!("in `{}`, {from} was: {old_w}", prev.edition.id))
                    .note(format!("now, {} is: {new_w}", l.code));
                    let mut diff_words = Vec::new();
                    if !gone.is_empty() {
                        diff_words.push(format!("no longer says {}", quoted(&gone)));
                    }
                    if !added.is_empty() {
                        diff_words.push(format!("now says {}", quoted(&added)));
                    }
                    if !diff_words.is_empty() {
                        d = d.note(format!("the wording {}", diff_words.join(" and ")));
                    }
                    d = d.help(if from == l.code {
                        "if it counts the same, say why: `same \"...\"`; if it counts something else, give it a new code, or say why the code is used again: `reuses \"...\"`".to_string()
                    } else {
                        format!("if it counts the same, say why: `same \"...\"`; if it does not, it does not continue {from}: remove `was`")
                    });
                    self.push(d);
                }
                _ => {
                    let message = if from == l.code {
                        format!(
                            "{} counts something different from what it counted in edition `{}`",
                            l.code, prev.edition.id
                        )
                    } else {
                        format!("{} counts something different from what {from} counted in edition `{}`", l.code, prev.edition.id)
                    };
                    let mut d = Diagnostic::new(Code::MeaningChanged, loc.file, loc.span.clone(), message)
                        .label(if from == l.code { "same code, new meaning" } else { "continued, new meaning" })
                        .help("if the series should not continue, give the metric a new code (and `was` if it continues another); if the change is intended, allow this warning with the reason");
                    for ch in breaks
                        .iter()
                        .filter(|ch| ch.kind != ChangeKind::ContinuityUnproven)
                        .take(6)
                    {
                        d = d.note(pmf_words::changes::describe(ch));
                    }
                    self.push(d);
                }
            }
        }
    }

    /// A text, an erratum or a formula carried over unchanged from the previous edition that
    /// names a code which now names something else: it meant the old meaning.
    fn check_stale_references(&mut self, c: &Continuity) {
        let prev = c.old;
        let this = self
            .decls
            .editions
            .first()
            .map(|e| e.id.clone())
            .unwrap_or_default();
        let old_index = continuity::Index::new(prev);
        // Codes of both editions that name something else now, with where the old meaning went.
        let moved: BTreeMap<&str, String> = c
            .links
            .iter()
            .filter(|l| old_index.get(&l.code).is_some())
            .filter(|l| l.from.len() != 1 || l.from[0] != l.code)
            .map(|l| {
                let went: Vec<String> = c.fates(&l.code).iter().map(|f| f.code.clone()).collect();
                let old_wording = old_index
                    .get(&l.code)
                    .map(|n| n.wording().en.clone())
                    .unwrap_or_default();
                let whereto = if went.is_empty() {
                    format!("that meaning is not collected in `{this}`")
                } else {
                    format!("that meaning continues as {} in `{this}`", went.join(", "))
                };
                (
                    l.code.as_str(),
                    format!(
                        "in `{}`, {} was: {old_wording}; {whereto}",
                        prev.edition.id, l.code
                    ),
                )
            })
            .collect();
        if moved.is_empty() {
            return;
        }
        let old_texts = texts_of(prev);
        let mut found: Vec<(String, Loc, &str)> = Vec::new();
        for t in self.texts() {
            let plain = normalise(&crate::ir::Rich::parse(t.en(), None).plain());
            if !old_texts.contains(&plain) {
                continue;
            }
            for (off, code) in crate::ir::rich::code_mentions(&t.en.value) {
                if moved.contains_key(code.as_str()) {
                    let start = t.en.source_offset(off);
                    found.push((
                        code.clone(),
                        Loc {
                            file: t.loc.file,
                            span: start..start + code.len(),
                        },
                        "this text",
                    ));
                }
            }
        }
        for e in &self.decls.errata {
            let Some(old) = prev.errata.iter().find(|o| o.id == e.id) else {
                continue;
            };
            for r in &e.affects {
                if moved.contains_key(r.name.as_str()) && old.affects.contains(&r.name) {
                    found.push((r.name.clone(), r.loc.clone(), "this erratum"));
                }
            }
        }
        for ind in &self.decls.indicators {
            let Some(old) = prev.indicators.iter().find(|o| o.code == ind.code) else {
                continue;
            };
            let Some(new) = c.new.indicators.iter().find(|n| n.code == ind.code) else {
                continue;
            };
            let Some(f) = &ind.formula else { continue };
            if old.formula_text != new.formula_text {
                continue;
            }
            let text = &self.sources.get(ind.loc.file).text;
            let span = f.span.clone();
            let Some(src) = text.get(span.clone()) else {
                continue;
            };
            for (off, code) in crate::ir::rich::code_mentions(src) {
                if moved.contains_key(code.as_str()) {
                    found.push((
                        code.clone(),
                        Loc {
                            file: ind.loc.file,
                            span: span.start + off..span.start + off + code.len(),
                        },
                        "this formula",
                    ));
                }
            }
        }
        for (code, loc, what) in found {
            let note = moved.get(code.as_str()).cloned().unwrap_or_default();
            let d = Diagnostic::new(
                Code::StaleCodeReference,
                loc.file,
                loc.span.clone(),
                format!("{what} is carried over unchanged from edition `{}`, where {code} meant something else", prev.edition.id),
            )
            .label(format!("{code} now names something else"))
            .note(note)
            .help(format!("write the code that carries the meaning {what} is about; if it means the new {code}, allow this warning with the reason"));
            self.push(d);
        }
    }
}

fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every text of an IR that can mention codes, as plain text with its spaces normalised.
fn texts_of(ir: &Ir) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rich = |r: &crate::ir::Rich| {
        out.insert(normalise(&r.plain()));
    };
    for m in &ir.metrics {
        for r in [&m.rationale, &m.includes, &m.excludes, &m.counting]
            .into_iter()
            .flatten()
        {
            rich(r);
        }
        m.notes.iter().for_each(&mut rich);
        for t in &m.timescales {
            t.note.iter().for_each(&mut rich);
        }
        for i in &m.items {
            i.notes.iter().for_each(&mut rich);
        }
    }
    for i in &ir.indicators {
        i.reading.iter().for_each(&mut rich);
        i.notes.iter().for_each(&mut rich);
    }
    for g in &ir.groups {
        g.note.iter().for_each(&mut rich);
    }
    fn docs(d: &crate::ir::Doc, f: &mut dyn FnMut(&crate::ir::Rich)) {
        if let Some(t) = &d.text {
            f(t);
        }
        for s in &d.sections {
            docs(s, f);
        }
    }
    for d in &ir.docs {
        docs(d, &mut rich);
    }
    for m in &ir.metrics {
        out.insert(normalise(&m.wording.en));
        for i in &m.items {
            out.insert(normalise(&i.wording.en));
        }
    }
    for i in &ir.indicators {
        out.insert(normalise(&i.title.en));
    }
    for e in &ir.errata {
        if let Some(c) = &e.corrected {
            out.insert(normalise(&c.en));
        }
        out.insert(normalise(&e.reason.en));
    }
    out
}

/// The codes retired so far: those retired before, and those of the previous edition that no
/// metric of this one continues.
fn retired_after(prev: &Ir, c: &Continuity) -> Vec<Retired> {
    let ir = c.new;
    let mut out = prev.retired.clone();
    for m in &prev.metrics {
        let continued =
            !c.fates(&m.code).is_empty() || m.items.iter().any(|i| !c.fates(&i.code).is_empty());
        if !continued && !out.iter().any(|r| r.code == m.code) {
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

/// `same "..."` of a metric or item, by code.
fn same_of<'d>(decls: &'d crate::model::Declarations, code: &str) -> Option<&'d Text> {
    let metric = crate::model::metric_of_item(code);
    let m = decls.metrics.iter().find(|m| m.code == metric)?;
    if metric == code {
        return m.same.as_ref();
    }
    let letter = &code[metric.len()..];
    m.breakdown
        .iter()
        .flat_map(|b| b.items.iter())
        .find(|i| i.letter == letter)
        .and_then(|i| i.same.as_ref())
}
