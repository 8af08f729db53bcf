//! Checks on texts and documentation: codes mentioned in texts must exist, timescales must
//! cite their source, indicators' motivating sentences must be where they say, errata must
//! point at something, extensions must keep to their prefix, and (when asked) every text
//! needs a Welsh version.

use super::names::Kind;
use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::ir::rich::code_mentions;
use crate::model::{Doc, Loc, Ref, Text};

impl Checker<'_> {
    pub(super) fn check_errata(&mut self) {
        let decls = self.decls;
        for e in &decls.errata {
            for r in &e.affects {
                if self.codes.contains_key(&r.name) {
                    self.record_use(Kind::Code, &r.name, &r.loc, None);
                    continue;
                }
                let kinds = [
                    Kind::Group,
                    Kind::Doc,
                    Kind::Codelist,
                    Kind::Part,
                    Kind::Indicator,
                    Kind::Instrument,
                    Kind::Unit,
                    Kind::Cohort,
                ];
                if let Some(k) = kinds
                    .iter()
                    .find(|k| self.tables.get(**k, &r.name).is_some())
                {
                    self.record_use(*k, &r.name, &r.loc, None);
                    continue;
                }
                if crate::model::is_metric_code(&r.name) {
                    self.unknown_code(r);
                } else {
                    self.unknown(r, Kind::Code);
                }
            }
        }
    }

    /// Every text that can mention codes, with where it is.
    pub(super) fn texts(&self) -> Vec<&Text> {
        let d = self.decls;
        let mut out: Vec<&Text> = Vec::new();
        for m in &d.metrics {
            out.extend(
                m.wording
                    .iter()
                    .chain(m.short.iter())
                    .chain(m.rationale.iter()),
            );
            out.extend(
                m.includes
                    .iter()
                    .chain(m.excludes.iter())
                    .chain(m.counting.iter()),
            );
            out.extend(m.notes.iter());
            if let Some(b) = &m.breakdown {
                for it in &b.items {
                    out.extend(it.wording.iter().chain(it.notes.iter()));
                }
            }
            for t in &m.timescales {
                out.extend(t.note.iter());
            }
        }
        for i in &d.indicators {
            out.extend(i.title.iter().chain(i.reading.iter()).chain(i.notes.iter()));
        }
        for g in &d.groups {
            out.extend(g.note.iter());
        }
        fn docs<'a>(doc: &'a Doc, out: &mut Vec<&'a Text>) {
            out.extend(doc.text.iter());
            for s in &doc.sections {
                docs(s, out);
            }
        }
        for doc in &d.docs {
            docs(doc, &mut out);
        }
        for e in &d.errata {
            out.extend(e.corrected.iter().chain(e.reason.iter()));
        }
        out
    }

    pub(super) fn check_texts(&mut self) {
        let texts = self.texts();
        let mut found = Vec::new();
        for t in &texts {
            for lit in std::iter::once(&t.en).chain(t.cy()) {
                for (off, code) in code_mentions(&lit.value) {
                    let start = lit.source_offset(off);
                    found.push((
                        code,
                        Loc {
                            file: t.loc.file,
                            span: start..start + lit_len(&lit.value, off),
                        },
                    ));
                }
            }
        }
        for (code, loc) in found {
            if self.codes.contains_key(&code) {
                if self.index_names() {
                    self.symbols.uses.push(super::Use {
                        kind: Kind::Code,
                        name: code,
                        loc,
                        parent: None,
                    });
                }
            } else if self.tables.get(Kind::Indicator, &code).is_none() {
                let names: Vec<&str> = self.codes.keys().map(|s| s.as_str()).collect();
                let mut d = Diagnostic::new(
                    Code::UnknownCodeInText,
                    loc.file,
                    loc.span.clone(),
                    format!("the text mentions {code}, which is not defined"),
                )
                .label("unknown code");
                if let Some(h) = self.code_history(&code) {
                    d = d.help(format!("{h}; write the code that means what the text says"));
                } else if let Some(s) = crate::model::closest_name(&code, &names) {
                    d = d.help(format!("did you mean {s}? if the source prints it this way by mistake, correct it and record an erratum"));
                }
                self.push(d);
            }
        }
        self.check_timescale_citations();
        self.check_motivations();
        // Without --welsh only Welsh that records its English (stale, unreviewed) and the
        // termbase are checked: nothing to do on a spec with neither.
        let states = self.options.welsh_states
            && !(self.decls.welsh_of.is_empty() && self.decls.terms.is_empty());
        if self.options.require_welsh || states {
            self.check_welsh(self.options.require_welsh);
        }
    }

    fn check_timescale_citations(&mut self) {
        let decls = self.decls;
        for m in &decls.metrics {
            for t in &m.timescales {
                if t.citations.is_empty() {
                    let d = Diagnostic::new(Code::TimescaleWithoutCitation, t.loc.file, self.head(&t.loc), format!("this timescale of {} cites no source", m.code))
                        .label("no citation")
                        .help("add `cite INSTRUMENT para N` inside the timescale: a statutory timescale should say which requirement sets it");
                    self.push(d);
                }
            }
        }
    }

    fn check_motivations(&mut self) {
        let decls = self.decls;
        // Several indicators cite the same metric: its texts are normalised once.
        let mut normalised: std::collections::BTreeMap<usize, String> =
            std::collections::BTreeMap::new();
        for ind in &decls.indicators {
            let Some(mot) = &ind.motivation else { continue };
            let Some(quote) = &mot.quote else { continue };
            let Some(mi) = self.metric_of(&mot.metric.name) else {
                continue;
            };
            let m = &decls.metrics[mi];
            let hay = normalised.entry(mi).or_insert_with(|| {
                [m.rationale.as_ref(), m.wording.as_ref()]
                    .into_iter()
                    .flatten()
                    .chain(m.notes.iter())
                    .map(|t| normalise(&t.en.value))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            if !hay.contains(&normalise(&quote.en.value)) {
                let d = Diagnostic::new(
                    Code::MotivationNotFound,
                    quote.loc.file,
                    quote.loc.span.clone(),
                    format!("this sentence is not in the rationale, wording or notes of {}", m.code),
                )
                .label("not found")
                .secondary(m.code_loc.file, m.code_loc.span.clone(), "the metric cited")
                .help("quote the sentence exactly as the metric's text has it, or cite the metric whose text has it");
                self.push(d);
            }
        }
    }

    /// Stale and unreviewed Welsh; with `missing`, every text with no Welsh too.
    fn check_welsh(&mut self, missing: bool) {
        // The texts that need Welsh are one list, shared with `pmf translate`.
        let texts: Vec<Text> = crate::catalogue::translatable(self.decls)
            .into_iter()
            .map(|t| t.text.clone())
            .collect();
        let decls = self.decls;
        let terms = crate::terms::Index::new(&decls.terms);
        for t in &texts {
            if t.en.value.trim().is_empty() {
                continue;
            }
            self.check_terms(&terms, t);
            let (Some(cy), Some(of)) = (t.cy(), t.cy_of()) else {
                if t.cy().is_none() && missing {
                    self.push(
                        Diagnostic::new(
                            Code::MissingWelsh,
                            t.loc.file,
                            t.loc.span.clone(),
                            "this text has no Welsh version",
                        )
                        .label("English only")
                        .help("add a line `cy \"...\"` under it"),
                    );
                }
                // Welsh written by hand records no English: unverified, never stale.
                continue;
            };
            let now = crate::model::english_hash(&t.en.value);
            if now != of.hash {
                let before = self.decls.remembered(&of.hash).map(one_line);
                let mut d = Diagnostic::new(
                    Code::StaleWelsh,
                    of.loc.file,
                    of.loc.span.clone(),
                    "this Welsh was made for other English than the text has now",
                )
                .label(format!("made for English `{}`", of.hash))
                .secondary(
                    t.loc.file,
                    t.en_span.clone(),
                    format!("the English now (`{now}`)"),
                )
                .note(format!("English now: {}", one_line(&t.en.value)));
                let help = match &before {
                    Some(_) => "have the Welsh translated again (`pmf translate export` lists it, with the English it was made for)",
                    None => "have the Welsh translated again (`pmf translate export` lists it)",
                };
                if let Some(before) = before {
                    d = d.note(format!("English it was made for: {before}"));
                }
                self.push(d.note(format!("Welsh: {}", one_line(&cy.value))).help(help));
            } else if of.state != crate::model::WelshState::Reviewed {
                self.push(
                    Diagnostic::new(
                        Code::UnreviewedWelsh,
                        of.loc.file,
                        of.loc.span.clone(),
                        format!("this Welsh is {}, not yet reviewed", of.state.as_str()),
                    )
                    .label(of.state.as_str())
                    .help("only reviewed Welsh counts as done for publication"),
                );
            }
        }
    }

    pub(super) fn check_extensions(&mut self) {
        let decls = self.decls;
        for x in &decls.extensions {
            if let Some(r) = &x.extends {
                let known = decls.editions.iter().any(|e| e.id == r.name);
                // With no edition at all, PMF0007 already says so.
                if !known && !decls.editions.is_empty() {
                    self.unknown(
                        &Ref {
                            name: r.name.clone(),
                            loc: r.loc.clone(),
                        },
                        Kind::Edition,
                    );
                }
            }
            let Some((prefix, _)) = &x.prefix else {
                continue;
            };
            let file = x.loc.file;
            for m in decls.metrics.iter().filter(|m| m.code_loc.file == file) {
                let p = m.code.split('/').next().unwrap_or("");
                if p != prefix {
                    self.push(
                        Diagnostic::new(Code::ExtensionOutsidePrefix, m.code_loc.file, m.code_loc.span.clone(), format!("a local extension declares {}, which is not one of its {prefix}/ codes", m.code))
                            .label("national code in a local file")
                            .help(format!("number local measures {prefix}/001, {prefix}/002 ...; national metrics are changed only in the national spec")),
                    );
                }
            }
            for i in decls.indicators.iter().filter(|i| i.code_loc.file == file) {
                if i.code.split('/').nth(1) != Some(prefix.as_str()) {
                    self.push(
                        Diagnostic::new(
                            Code::ExtensionOutsidePrefix,
                            i.code_loc.file,
                            i.code_loc.span.clone(),
                            format!(
                                "a local extension declares indicator {}, outside PI/{prefix}/",
                                i.code
                            ),
                        )
                        .help(format!("number local indicators PI/{prefix}/01 ...")),
                    );
                }
            }
        }
    }
}

fn lit_len(value: &str, off: usize) -> usize {
    value[off..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .map(|c| c.len_utf8())
        .sum()
}

/// Words separated by single spaces, without emphasis marks (`*`), in one pass.
fn normalise(s: &str) -> String {
    if !s.is_ascii() {
        return normalise_unicode(s);
    }
    // Nearly every text: a byte at a time, the same words and spaces as below (a word of
    // emphasis marks alone still counts as a word, so its spaces stay).
    let mut out = String::with_capacity(s.len());
    let (mut started, mut space) = (false, false);
    for &b in s.as_bytes() {
        // `char::is_whitespace` in ASCII: tab to carriage return (vertical tab included).
        if matches!(b, b'\t'..=b'\r' | b' ') {
            space = started;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        started = true;
        if b != b'*' {
            out.push(char::from(b));
        }
    }
    out
}

/// [`normalise`] for texts with letters beyond ASCII (Unicode white space).
fn normalise_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| *c != '*'));
    }
    out
}

/// A text on one line for a message: runs of white space (line breaks included) as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn normalise_collapses_space_and_drops_emphasis_as_before() {
        let before = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("**", "")
                .replace('*', "")
        };
        for s in [
            "",
            " a  **b**\n c ",
            "* b",
            "a * b *",
            "***x*** y\t\tz",
            "é  *é*",
            "\u{a0}a\u{2003}b \u{b}c\x0cd\re*",
            "a\u{b}b",
            " ** ",
            "* * *",
            "x  \n\t ",
        ] {
            assert_eq!(super::normalise(s), before(s), "{s:?}");
        }
    }
}
