//! Defects that the source itself has, found by encoding it literally: a metric's rationale or
//! note that relates the metric to itself where it means another code (PMF0408), a code in a
//! text that is not a well-formed code (PMF0409; a damaged code quoted as printed, and the
//! texts of errata, which record the damage, are not), and an `only` breakdown that leaves out
//! an entry of a list most of the other metrics using it take whole (PMF0209).

use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::model::{Loc, Text};
use std::collections::BTreeMap;

/// Phrases that relate a figure to another one: what comes right before a code that is read
/// with the metric, not about it.
const RELATING: &[&str] = &[
    "combined with",
    "compared with",
    "compared to",
    "together with",
    "read with",
    "read against",
    "in conjunction with",
    "divided by",
    "as a proportion of",
    "as a percentage of",
    "relative to",
];

/// Something shaped like a code at a word boundary that is not one: its offset and text.
/// A code is a prefix of 2 to 5 capitals, `/`, three digits and at most one lowercase letter;
/// `AD/00/8`, `AD/021I`, `AD/0076` and `AD/01` are not. Indicator codes (`PI/AD/01`) are
/// passed over.
pub fn malformed_codes(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut skip_to = 0;
    for slash in memchr::memchr_iter(b'/', b) {
        if slash < skip_to {
            continue;
        }
        let caps = b[..slash]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if !(2..=5).contains(&caps) {
            continue;
        }
        let start = slash - caps;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '/') {
            continue;
        }
        if !b.get(slash + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        // The whole token: letters, digits and slashes.
        let end = start
            + text[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .map(char::len_utf8)
                .sum::<usize>();
        skip_to = end;
        let token = &text[start..end];
        if crate::model::is_metric_code(token) || crate::model::is_indicator_code(token) {
            continue;
        }
        out.push((start, token.to_string()));
    }
    out
}

impl Checker<'_> {
    pub(super) fn check_source_defects(&mut self) {
        self.check_malformed_codes();
        self.check_own_code();
        self.check_only_drops();
    }

    fn check_malformed_codes(&mut self) {
        // Errata record the source's damage, quoting it: their texts are not checked.
        // By address, in a set: a large spec has thousands of errata and a hundred thousand texts.
        let errata: std::collections::BTreeSet<*const Text> = self
            .decls
            .errata
            .iter()
            .flat_map(|e| e.corrected.iter().chain(e.reason.iter()))
            .map(|t| t as *const Text)
            .collect();
        let mut found: Vec<(String, Loc)> = Vec::new();
        for t in self.texts() {
            if errata.contains(&(t as *const Text)) {
                continue;
            }
            for lit in std::iter::once(&t.en).chain(t.cy()) {
                for (off, token) in malformed_codes(&lit.value) {
                    // A damaged code quoted as printed ("printed as \"AD/00/8\"").
                    let quoted = lit.value[..off]
                        .chars()
                        .next_back()
                        .is_some_and(|c| matches!(c, '"' | '“' | '\'' | '‘'));
                    if quoted {
                        continue;
                    }
                    let start = lit.source_offset(off);
                    found.push((
                        token.clone(),
                        Loc {
                            file: t.loc.file,
                            span: start..start + token.len(),
                        },
                    ));
                }
            }
        }
        for (token, loc) in found {
            let mut d = Diagnostic::new(
                Code::MalformedCodeInText,
                loc.file,
                loc.span.clone(),
                format!("`{token}` looks like a code but is not one"),
            )
            .label("not a well-formed code")
            .note("a code is a prefix, `/`, three digits and at most one lowercase letter: AD/007, AD/021i");
            let guess = guess_code(&token).filter(|g| self.codes.contains_key(g));
            d = match guess {
                Some(g) => d.help(format!("did you mean {g}? if the source prints it this way, write {g} and record an erratum")),
                None => d.help("write the code the text means; if the source prints it damaged, record an erratum with the text as printed"),
            };
            self.push(d);
        }
    }

    fn check_own_code(&mut self) {
        let decls = self.decls;
        let mut found: Vec<(&str, &'static str, Loc)> = Vec::new();
        for m in &decls.metrics {
            for t in m.rationale.iter().chain(m.notes.iter()) {
                let lit = &t.en;
                for (off, code) in crate::ir::rich::code_mentions(&lit.value) {
                    if code != m.code {
                        continue;
                    }
                    let before = lit.value[..off]
                        .trim_end_matches(|c: char| c.is_whitespace() || c == '(')
                        .to_lowercase();
                    let before = before
                        .strip_suffix(" metric")
                        .or_else(|| before.strip_suffix(" the"))
                        .unwrap_or(&before)
                        .trim_end();
                    let Some(phrase) = RELATING.iter().copied().find(|p| {
                        before.ends_with(*p)
                            && before[..before.len() - p.len()]
                                .chars()
                                .next_back()
                                .is_none_or(|c| !c.is_alphanumeric())
                    }) else {
                        continue;
                    };
                    let start = lit.source_offset(off);
                    found.push((
                        &m.code,
                        phrase,
                        Loc {
                            file: t.loc.file,
                            span: start..start + code.len(),
                        },
                    ));
                }
            }
        }
        for (code, phrase, loc) in found {
            let d = Diagnostic::new(
                Code::OwnCodeInText,
                loc.file,
                loc.span.clone(),
                format!("a text of {code} says \"{phrase} {code}\": a metric is not read with itself"),
            )
            .label("its own code")
            .help("write the code the text means, and record the correction as an erratum; if the text does mean this metric, allow this warning with the reason");
            self.push(d);
        }
    }

    fn check_only_drops(&mut self) {
        let decls = self.decls;
        // Per list: the metrics that take it whole, and those that take `only` some entries.
        let mut whole: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut partial: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (mi, m) in decls.metrics.iter().enumerate() {
            let (Some(b), Some(info)) = (&m.breakdown, self.metrics.get(mi)) else {
                continue;
            };
            let [list] = info.codelists.as_slice() else {
                continue;
            };
            if b.only.is_some() {
                partial.entry(*list).or_default().push(mi);
            } else {
                whole.entry(*list).or_default().push(mi);
            }
        }
        let mut out = Vec::new();
        for (list, parts) in &partial {
            let wholes = whole.get(list).map(Vec::as_slice).unwrap_or(&[]);
            // The list is taken whole by most of the metrics that use it: leaving an entry out
            // is the exception, and worth a reason.
            if wholes.len() <= parts.len() {
                continue;
            }
            let cl = &decls.codelists[*list];
            let users: Vec<&str> = wholes
                .iter()
                .map(|&w| decls.metrics[w].code.as_str())
                .collect();
            for &mi in parts {
                let m = &decls.metrics[mi];
                let Some(b) = &m.breakdown else { continue };
                let Some(only) = &b.only else { continue };
                let kept: Vec<usize> = cl
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| only.iter().any(|r| r.name == e.id))
                    .map(|(i, _)| i)
                    .collect();
                let dropped: Vec<(usize, &str)> = cl
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| e.reserved.is_none() && !kept.contains(i))
                    .map(|(i, e)| (i, e.id.as_str()))
                    .collect();
                if dropped.is_empty() {
                    continue;
                }
                let names: Vec<String> = dropped.iter().map(|(_, e)| format!("`{e}`")).collect();
                let mut d = Diagnostic::new(
                    Code::OnlyDropsEntry,
                    b.loc.file,
                    self.head(&b.loc),
                    format!(
                        "{} leaves out {} of `{}`, which {} other metric{} take{} whole",
                        m.code,
                        names.join(", "),
                        cl.id,
                        users.len(),
                        if users.len() == 1 { "" } else { "s" },
                        if users.len() == 1 { "s" } else { "" },
                    ),
                )
                .label(format!(
                    "takes {} of its {} entries",
                    kept.len(),
                    cl.entries.len()
                ))
                .note(format!(
                    "`{}` is taken whole by {}",
                    cl.id,
                    users.join(", ")
                ));
                // Letters after a gap no longer line up with the other metrics'.
                if let Some(&(gap, _)) = dropped.iter().find(|(i, _)| kept.iter().any(|k| k > i)) {
                    if let Some(&k) = kept.iter().find(|&&k| k > gap) {
                        let pos = kept.iter().position(|&x| x == k).unwrap_or(0);
                        d = d.note(format!(
                            "so `{}` is item {} here and item {} in the others",
                            cl.entries[k].id,
                            letter(pos),
                            letter(k)
                        ));
                    }
                }
                d = d.help(format!(
                    "add {} to `only [...]`; if the source leaves {} out on purpose, allow this warning on {} with the reason",
                    names.join(", "),
                    if dropped.len() == 1 { "it" } else { "them" },
                    m.code
                ));
                out.push(d);
            }
        }
        for d in out {
            self.push(d);
        }
    }
}

fn letter(i: usize) -> char {
    (b'a' + (i % 26) as u8) as char
}

/// The code a damaged one most likely stands for: `AD/021I` → `AD/021i`, `AD/00/8` → `AD/008`.
fn guess_code(token: &str) -> Option<String> {
    let (prefix, rest) = token.split_once('/')?;
    let rest: String = rest.chars().filter(|c| *c != '/').collect();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail: String = rest.chars().skip(digits.len()).collect();
    if digits.len() != 3 {
        return None;
    }
    match tail.as_str() {
        "" => Some(format!("{prefix}/{digits}")),
        t if t.len() == 1 && t.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(format!("{prefix}/{digits}{}", t.to_ascii_lowercase()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_codes_are_found_and_good_ones_passed_over() {
        let found: Vec<String> = malformed_codes(
            "AD/00/8 and AD/021I, AD/0076 AD/01; not AD/002a+b, WF/011x, PI/AD/01, N/A or 2020/21",
        )
        .into_iter()
        .map(|(_, t)| t)
        .collect();
        assert_eq!(found, ["AD/00/8", "AD/021I", "AD/0076", "AD/01"]);
        assert_eq!(guess_code("AD/021I").as_deref(), Some("AD/021i"));
        assert_eq!(guess_code("AD/00/8").as_deref(), Some("AD/008"));
        assert_eq!(guess_code("AD/01"), None);
    }
}
