//! The termbase's check: a Welsh text whose English uses an agreed term must use the term's
//! Welsh (PMF0412), and a deprecated Welsh term is reported where a Welsh text uses it
//! (PMF0413). Run with the other checks of Welsh (`pmf check --welsh`, and in the editor).
//!
//! Terms are found as whole words, letters compared lower-cased. An English term is also found
//! with its last word in the plural (`contact` in "contacts", `authority` in "authorities"); a
//! Welsh term is also found with the first letter of any of its words mutated (soft, nasal or
//! aspirate mutation, or `h` before a vowel: `gofal` in "ofal", `cymorth` in "chymorth"), since
//! Welsh grammar changes a word's first letter after many words. Other forms (a Welsh plural,
//! an English irregular plural) are listed with the term (`form`).

use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::model::{Term, TermStatus, Text};
use std::collections::BTreeMap;

/// The words of a text, lower-cased: runs of letters and digits (an apostrophe, a hyphen or
/// any other character ends a word: "a'r" is "a" and "r").
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A Welsh word and its forms after an initial mutation.
fn mutated(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    // Radical initials that do not mutate (ch, ph, th, ff, ng) are left as they are.
    if ["ch", "ph", "th", "ff", "ng", "dd"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        return out;
    }
    const RULES: &[(&str, &[&str])] = &[
        ("ll", &["l"]),
        ("rh", &["r"]),
        ("p", &["b", "mh", "ph"]),
        ("t", &["d", "nh", "th"]),
        ("c", &["g", "ngh", "ch"]),
        ("b", &["f", "m"]),
        ("d", &["dd", "n"]),
        ("g", &["", "ng"]),
        ("m", &["f"]),
    ];
    if let Some((from, to)) = RULES.iter().find(|(from, _)| w.starts_with(from)) {
        let rest = &w[from.len()..];
        out.extend(to.iter().map(|t| format!("{t}{rest}")));
    } else if w.starts_with([
        'a', 'e', 'i', 'o', 'u', 'w', 'y', 'â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ',
    ]) {
        out.push(format!("h{w}"));
    }
    out
}

/// An English word and its plurals.
fn english_forms(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string(), format!("{w}s"), format!("{w}es")];
    if let Some(stem) = w.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out
}

/// Whether `text` holds the phrase, each of its words matched by one of that word's forms.
fn holds(text: &[String], phrase: &[Vec<String>]) -> bool {
    if phrase.is_empty() || text.len() < phrase.len() {
        return false;
    }
    text.windows(phrase.len())
        .any(|win| win.iter().zip(phrase).all(|(t, o)| o.contains(t)))
}

/// An English phrase as the forms of each of its words (the last word also in the plural).
fn english_phrase(phrase: &str) -> Vec<Vec<String>> {
    let p = words(phrase);
    let last = p.len().saturating_sub(1);
    p.iter()
        .enumerate()
        .map(|(i, w)| match i == last {
            true => english_forms(w),
            false => vec![w.clone()],
        })
        .collect()
}

/// A Welsh phrase as the forms of each of its words (each also mutated).
fn welsh_phrase(phrase: &str) -> Vec<Vec<String>> {
    words(phrase).iter().map(|w| mutated(w)).collect()
}

#[cfg(test)]
fn holds_english(text: &[String], phrase: &str) -> bool {
    holds(text, &english_phrase(phrase))
}

#[cfg(test)]
fn holds_welsh(text: &[String], phrase: &str) -> bool {
    holds(text, &welsh_phrase(phrase))
}

/// A term's English and Welsh forms: its header, then each `form`.
fn forms(t: &Term) -> impl Iterator<Item = &Text> {
    t.term.iter().chain(t.forms.iter())
}

/// A term made ready for matching: its forms as phrases of word forms.
struct Prepared<'d> {
    term: &'d Term,
    english: Vec<Vec<Vec<String>>>,
    welsh: Vec<Vec<Vec<String>>>,
    /// The Welsh forms as written, for messages.
    welsh_text: Vec<&'d str>,
}

/// The termbase made ready once for every text of a check: each term's phrases, and the terms
/// found by the first word of one of their phrases, so that a text is compared only with the
/// terms whose first word it holds (the check stays near linear in the texts and terms).
pub(crate) struct Index<'d> {
    terms: Vec<Prepared<'d>>,
    /// Agreed terms by a form of the first word of an English phrase.
    by_english: BTreeMap<String, Vec<usize>>,
    /// Deprecated terms by a form of the first word of a Welsh phrase.
    by_welsh: BTreeMap<String, Vec<usize>>,
}

impl<'d> Index<'d> {
    pub(crate) fn new(terms: &'d [Term]) -> Index<'d> {
        let mut ix = Index {
            terms: Vec::new(),
            by_english: BTreeMap::new(),
            by_welsh: BTreeMap::new(),
        };
        for term in terms {
            let english: Vec<_> = forms(term).map(|f| english_phrase(&f.en.value)).collect();
            let welsh_text: Vec<&str> = forms(term)
                .filter_map(|f| f.cy().map(|c| c.value.as_str()))
                .collect();
            let welsh: Vec<_> = welsh_text.iter().map(|w| welsh_phrase(w)).collect();
            let i = ix.terms.len();
            let (map, phrases) = match term.status {
                Some(TermStatus::Agreed) => (&mut ix.by_english, &english),
                Some(TermStatus::Deprecated) => (&mut ix.by_welsh, &welsh),
                _ => continue,
            };
            for p in phrases {
                for first in p.first().into_iter().flatten() {
                    let list = map.entry(first.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            ix.terms.push(Prepared {
                term,
                english,
                welsh,
                welsh_text,
            });
        }
        ix
    }

    /// The terms some phrase of which may start at one of the words.
    fn candidates(map: &BTreeMap<String, Vec<usize>>, text: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = text
            .iter()
            .filter_map(|w| map.get(w))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The terms of the termbase (agreed or proposed) whose English an English text uses: what a
/// translator is shown with the text.
pub fn used_in<'d>(terms: &'d [Term], en: &str) -> Vec<&'d Term> {
    let text = words(en);
    terms
        .iter()
        .filter(|t| matches!(t.status, Some(TermStatus::Agreed | TermStatus::Proposed)))
        .filter(|t| forms(t).any(|f| holds(&text, &english_phrase(&f.en.value))))
        .collect()
}

/// A term as a translator's note shows it: `contact = cyswllt, contacts = cysylltiadau (agreed)`.
pub fn describe(t: &Term) -> String {
    let pairs: Vec<String> = forms(t)
        .map(|f| match f.cy() {
            Some(cy) => format!("{} = {}", f.en.value, cy.value),
            None => f.en.value.clone(),
        })
        .collect();
    let status = t.status.map_or("", TermStatus::as_str);
    format!("{} ({status})", pairs.join(", "))
}

impl Checker<'_> {
    /// The termbase against one text's Welsh.
    pub(super) fn check_terms(&mut self, ix: &Index<'_>, t: &Text) {
        let decls = self.decls;
        let Some(cy) = t.cy() else { return };
        let span = t.cy_span().unwrap_or_else(|| t.loc.span.clone());
        let (en_words, cy_words) = (words(&t.en.value), words(&cy.value));
        for i in Index::candidates(&ix.by_english, &en_words) {
            let p = &ix.terms[i];
            let Some(head) = &p.term.term else { continue };
            let used = p.english.iter().any(|e| holds(&en_words, e));
            if !used || p.welsh.is_empty() || p.welsh.iter().any(|w| holds(&cy_words, w)) {
                continue;
            }
            let d = Diagnostic::new(
                Code::TermNotUsed,
                t.loc.file,
                span.clone(),
                format!(
                    "the English uses the term \"{}\", but the Welsh does not use its agreed Welsh \"{}\"",
                    head.en.value,
                    p.welsh_text.join("\" or \"")
                ),
            )
            .label("agreed term not used")
            .secondary(p.term.id_loc.file, p.term.id_loc.span.clone(), "the term")
            .note(format!("English: {}", one_line(&t.en.value)))
            .note(format!("Welsh: {}", one_line(&cy.value)))
            .help("use the agreed Welsh term (any mutation of it is found), or add the form this text uses to the term with `form \"...\" cy \"...\"`");
            self.push(d);
        }
        for i in Index::candidates(&ix.by_welsh, &cy_words) {
            let p = &ix.terms[i];
            let Some(head) = &p.term.term else { continue };
            let Some(bad) = p
                .welsh
                .iter()
                .zip(&p.welsh_text)
                .find(|(w, _)| holds(&cy_words, w))
                .map(|(_, text)| *text)
            else {
                continue;
            };
            // The agreed Welsh for the same English, when the termbase has it.
            let instead: Vec<String> = decls
                .terms
                .iter()
                .filter(|o| o.status == Some(TermStatus::Agreed))
                .filter(|o| {
                    o.term
                        .as_ref()
                        .is_some_and(|h| h.en.value.eq_ignore_ascii_case(&head.en.value))
                })
                .filter_map(|o| o.term.as_ref()?.cy().map(|c| c.value.clone()))
                .collect();
            let help = match instead.as_slice() {
                [] => "word it another way; the termbase says this Welsh term is not to be used"
                    .to_string(),
                some => format!("use the agreed term \"{}\"", some.join("\" or \"")),
            };
            let d = Diagnostic::new(
                Code::DeprecatedTerm,
                t.loc.file,
                span.clone(),
                format!(
                    "the Welsh uses \"{bad}\", a term the termbase says not to use (for \"{}\")",
                    head.en.value
                ),
            )
            .label("deprecated term")
            .secondary(p.term.id_loc.file, p.term.id_loc.span.clone(), "the term")
            .help(help);
            self.push(d);
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_terms_are_found_mutated() {
        let t = words("Mae angen ofal a chymorth arno, a'r gwasanaeth");
        assert!(holds_welsh(&t, "gofal a chymorth"));
        assert!(holds_welsh(&t, "gofal a cymorth"));
        assert!(holds_welsh(&t, "gwasanaeth"));
        assert!(!holds_welsh(&t, "cyswllt"));
        assert!(holds_welsh(&words("ei phlentyn"), "plentyn"));
        assert!(holds_welsh(&words("fy nhad"), "tad"));
        assert!(holds_welsh(&words("ei hasesiad"), "asesiad"));
        assert!(holds_welsh(&words("Llywodraeth Cymru"), "llywodraeth"));
        assert!(holds_welsh(&words("dau lywodraeth"), "llywodraeth"));
    }

    #[test]
    fn english_terms_are_whole_words_with_their_plural() {
        let t = words("The number of contacts made to local authorities.");
        assert!(holds_english(&t, "contact"));
        assert!(holds_english(&t, "local authority"));
        assert!(!holds_english(&t, "act"));
        assert!(!holds_english(&words("contactless"), "contact"));
    }
}
