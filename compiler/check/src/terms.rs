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

/// Whether `text` holds the phrase, each of its words matched by `forms` of the phrase's word
/// (only the last word's forms for English, every word's for Welsh).
fn holds(text: &[String], phrase: &[String], forms: impl Fn(usize, &str) -> Vec<String>) -> bool {
    if phrase.is_empty() || text.len() < phrase.len() {
        return false;
    }
    let options: Vec<Vec<String>> = phrase
        .iter()
        .enumerate()
        .map(|(i, w)| forms(i, w))
        .collect();
    text.windows(phrase.len())
        .any(|win| win.iter().zip(&options).all(|(t, o)| o.contains(t)))
}

fn holds_english(text: &[String], phrase: &str) -> bool {
    let p = words(phrase);
    let last = p.len().saturating_sub(1);
    holds(text, &p, |i, w| match i == last {
        true => english_forms(w),
        false => vec![w.to_string()],
    })
}

fn holds_welsh(text: &[String], phrase: &str) -> bool {
    holds(text, &words(phrase), |_, w| mutated(w))
}

/// A term's English and Welsh forms: its header, then each `form`.
fn forms(t: &Term) -> impl Iterator<Item = &Text> {
    t.term.iter().chain(t.forms.iter())
}

/// The terms of the termbase (agreed or proposed) whose English an English text uses: what a
/// translator is shown with the text.
pub fn used_in<'d>(terms: &'d [Term], en: &str) -> Vec<&'d Term> {
    let text = words(en);
    terms
        .iter()
        .filter(|t| matches!(t.status, Some(TermStatus::Agreed | TermStatus::Proposed)))
        .filter(|t| forms(t).any(|f| holds_english(&text, &f.en.value)))
        .collect()
}

/// A term as a translator's note shows it: `contact = cyswllt, contacts = cysylltiadau (agreed)`.
pub fn describe(t: &Term) -> String {
    let pairs: Vec<String> = forms(t)
        .map(|f| match &f.cy {
            Some(cy) => format!("{} = {}", f.en.value, cy.value),
            None => f.en.value.clone(),
        })
        .collect();
    let status = t.status.map_or("", TermStatus::as_str);
    format!("{} ({status})", pairs.join(", "))
}

impl Checker<'_> {
    /// The termbase against one text's Welsh.
    pub(super) fn check_terms(&mut self, t: &Text) {
        let decls = self.decls;
        let Some(cy) = &t.cy else { return };
        let span = t.cy_span.clone().unwrap_or_else(|| t.loc.span.clone());
        let (en_words, cy_words) = (words(&t.en.value), words(&cy.value));
        for term in &decls.terms {
            let Some(head) = &term.term else { continue };
            let welsh: Vec<&str> = forms(term)
                .filter_map(|f| f.cy.as_ref().map(|c| c.value.as_str()))
                .collect();
            match term.status {
                Some(TermStatus::Agreed) => {
                    let used = forms(term).any(|f| holds_english(&en_words, &f.en.value));
                    if !used || welsh.is_empty() || welsh.iter().any(|w| holds_welsh(&cy_words, w))
                    {
                        continue;
                    }
                    let d = Diagnostic::new(
                        Code::TermNotUsed,
                        t.loc.file,
                        span.clone(),
                        format!(
                            "the English uses the term \"{}\", but the Welsh does not use its agreed Welsh \"{}\"",
                            head.en.value,
                            welsh.join("\" or \"")
                        ),
                    )
                    .label("agreed term not used")
                    .secondary(term.id_loc.file, term.id_loc.span.clone(), "the term")
                    .note(format!("English: {}", one_line(&t.en.value)))
                    .note(format!("Welsh: {}", one_line(&cy.value)))
                    .help("use the agreed Welsh term (any mutation of it is found), or add the form this text uses to the term with `form \"...\" cy \"...\"`");
                    self.push(d);
                }
                Some(TermStatus::Deprecated) => {
                    let Some(bad) = welsh.iter().find(|w| holds_welsh(&cy_words, w)) else {
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
                        .filter_map(|o| o.term.as_ref()?.cy.as_ref().map(|c| c.value.clone()))
                        .collect();
                    let help = match instead.as_slice() {
                        [] => "word it another way; the termbase says this Welsh term is not to be used".to_string(),
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
                    .secondary(term.id_loc.file, term.id_loc.span.clone(), "the term")
                    .help(help);
                    self.push(d);
                }
                Some(TermStatus::Proposed) | None => {}
            }
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
