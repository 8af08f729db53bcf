//! What the guidance's readers need and what only the specification's editors do: which errata
//! are corrections a reader must know (a code, a cross-reference, a range, a code that was not
//! printed), and which notes talk about the printed text rather than about what to count.
//!
//! Invariant: nothing is dropped: what the guidance leaves out, the technical annex shows.

use pmf_ir::{Erratum, Ir, Rich};

/// The kinds of erratum that change what a reader counts or where a code points. The others
/// (damaged text, wording, headings) only repair the text and belong to the annex.
const FOR_READERS: &[&str] = &["code", "cross_reference", "range", "uncoded", "numbering"];

/// Whether an erratum is a correction the guidance's readers need.
pub fn for_readers(e: &Erratum) -> bool {
    e.kind.as_deref().is_some_and(|k| FOR_READERS.contains(&k))
}

/// Whether a note of the specification talks about the printed text ("the source", "as
/// printed", an erratum, the extraction of the text) rather than about what to count: such a
/// note is for the editors, in the annex.
pub fn about_source(r: &Rich) -> bool {
    let text = r.plain().to_lowercase();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "source"
                    | "source's"
                    | "sources"
                    | "print"
                    | "prints"
                    | "printed"
                    | "erratum"
                    | "errata"
                    | "extraction"
                    | "pdf"
            )
        })
}

/// Whether any note of the IR is about the printed text.
pub fn has_source_notes(ir: &Ir) -> bool {
    let metric_notes = ir.metrics.iter().any(|m| {
        m.notes.iter().any(about_source)
            || m.items
                .iter()
                .flat_map(|i| i.notes.iter())
                .any(about_source)
            || m.items
                .iter()
                .filter_map(|i| i.reserved.as_ref())
                .any(|r| about_source(&Rich::parse(&r.en, None)))
            || m.timescales
                .iter()
                .filter_map(|t| t.note.as_ref())
                .any(about_source)
    });
    metric_notes
        || ir
            .indicators
            .iter()
            .flat_map(|i| i.notes.iter())
            .any(about_source)
        || ir
            .groups
            .iter()
            .filter_map(|g| g.note.as_ref())
            .any(about_source)
}

/// The words of `printed` and `corrected` that differ, with the words both share at the start
/// and the end left out: "when combined with AD/010" and "... AD/009" give ("AD/010",
/// "AD/009"). When nothing is shared, the texts are returned whole.
pub fn changed_words(printed: &str, corrected: &str) -> (String, String) {
    let a: Vec<&str> = printed.split_whitespace().collect();
    let b: Vec<&str> = corrected.split_whitespace().collect();
    let mut start = 0;
    while start < a.len() && start < b.len() && a[start] == b[start] {
        start += 1;
    }
    let mut end = 0;
    while end < a.len() - start
        && end < b.len() - start
        && a[a.len() - 1 - end] == b[b.len() - 1 - end]
    {
        end += 1;
    }
    let (x, y) = (&a[start..a.len() - end], &b[start..b.len() - end]);
    if x.is_empty() || y.is_empty() {
        return (printed.to_string(), corrected.to_string());
    }
    (x.join(" "), y.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_keep_only_what_differs() {
        assert_eq!(
            changed_words("when combined with AD/010", "when combined with AD/009"),
            ("AD/010".to_string(), "AD/009".to_string())
        );
        assert_eq!(
            changed_words(
                "contacts (CA/002a+b) to the IAA",
                "contacts (CA/025a+b) to the IAA"
            ),
            ("(CA/002a+b)".to_string(), "(CA/025a+b)".to_string())
        );
        // An insertion keeps the texts whole: a bare "and" would say nothing.
        assert_eq!(
            changed_words("a b", "a and b"),
            ("a b".to_string(), "a and b".to_string())
        );
        assert_eq!(changed_words("x", "y"), ("x".to_string(), "y".to_string()));
        assert_eq!(changed_words("", ""), (String::new(), String::new()));
    }

    #[test]
    fn notes_about_the_printed_text_are_told_apart() {
        let note = |s: &str| Rich::parse(s, None);
        assert!(about_source(&note(
            "The source prints no heading for this table."
        )));
        assert!(about_source(&note(
            "Printed without its closing bracket (see erratum AD_E04)."
        )));
        assert!(!about_source(&note(
            "Overlapping: an adult is counted under every service received."
        )));
        assert!(!about_source(&note("Resourcing the service.")));
    }
}
