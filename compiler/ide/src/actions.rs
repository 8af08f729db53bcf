//! Code actions for the common fixes, read from the compiler's own diagnostics: take the
//! suggestion of a "did you mean", put an item letter in sequence (or reletter a whole
//! breakdown), and declare an instrument that is cited but not declared.

use crate::world::Analysis;
use pmf_check::model::Loc;
use pmf_syntax::diag::{Code, Diagnostic};
use pmf_syntax::source::FileId;

/// A fix before conversion: a title, the diagnostic it fixes and its edits.
#[derive(Clone, Debug)]
pub struct Fix {
    pub title: String,
    pub diagnostic: usize,
    pub edits: Vec<(Loc, String)>,
    pub preferred: bool,
}

/// The suggestion in a "did you mean X?" help, with or without backticks.
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean ")?;
    let rest = rest.trim_start_matches('`');
    let end = rest.find(['`', '?'])?;
    let s = rest.get(..end)?.trim();
    (!s.is_empty()).then_some(s)
}

/// The letter a letter diagnostic expects: "expected `b`" or "so its letter is `b`".
fn expected_letter(d: &Diagnostic) -> Option<String> {
    let from_label = d.primary.message.strip_prefix("expected `");
    let from_message = d.message.split_once("its letter is `").map(|(_, r)| r);
    let rest = from_label.or(from_message)?;
    let letter = rest.split('`').next()?;
    (letter.len() == 1).then(|| letter.to_string())
}

/// The fixes for the diagnostics of `file` that touch `range` (byte offsets).
pub fn fixes(a: &Analysis, file: FileId, range: std::ops::Range<usize>) -> Vec<Fix> {
    let mut out = Vec::new();
    for (i, d) in a.comp.diagnostics.iter().enumerate() {
        let p = &d.primary;
        if p.file != file || p.span.end < range.start || p.span.start > range.end {
            continue;
        }
        let here = Loc {
            file,
            span: p.span.clone(),
        };
        let current = a.sources.get(file).text.get(p.span.clone()).unwrap_or("");
        if let Some(s) = d.help.as_deref().and_then(suggestion) {
            if !p.span.is_empty() && current != s {
                out.push(Fix {
                    title: format!("Replace `{current}` with `{s}`"),
                    diagnostic: i,
                    edits: vec![(here.clone(), s.to_string())],
                    preferred: true,
                });
            }
        }
        match d.code {
            Code::ItemLetterSequence | Code::ProductLetterMismatch => {
                if let Some(l) = expected_letter(d) {
                    out.push(Fix {
                        title: format!("Change the letter to `{l}`"),
                        diagnostic: i,
                        edits: vec![(here.clone(), l)],
                        preferred: true,
                    });
                }
                if d.code == Code::ItemLetterSequence {
                    out.extend(reletter(a, &here, i));
                }
            }
            Code::UndeclaredInstrument => {
                out.extend(declare_instrument(a, file, current, i));
            }
            _ => {}
        }
    }
    out
}

/// Reletters every item of the breakdown that holds the letter at `at`: a, b, c ... in order.
fn reletter(a: &Analysis, at: &Loc, diagnostic: usize) -> Option<Fix> {
    let (m, b) = a.comp.decls.metrics.iter().find_map(|m| {
        let b = m.breakdown.as_ref()?;
        b.items
            .iter()
            .any(|it| it.letter_loc == *at)
            .then_some((m, b))
    })?;
    let edits: Vec<(Loc, String)> = b
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, it)| {
            let want = char::from(b'a' + u8::try_from(n).ok().filter(|n| *n < 26)?);
            (it.letter != want.to_string()).then(|| (it.letter_loc.clone(), want.to_string()))
        })
        .collect();
    (edits.len() > 1).then(|| Fix {
        title: format!("Reletter the items of {} a, b, c … in order", m.code),
        diagnostic,
        edits,
        preferred: false,
    })
}

/// Declares an instrument after the last instrument of the spec (or at the end of this file).
fn declare_instrument(a: &Analysis, file: FileId, name: &str, diagnostic: usize) -> Option<Fix> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let last = a
        .comp
        .decls
        .instruments
        .iter()
        .max_by_key(|i| (i.loc.file == file, i.loc.span.end))
        .map(|i| i.loc.clone());
    let (loc, text) = match last {
        Some(l) => (
            Loc {
                file: l.file,
                span: l.span.end..l.span.end,
            },
            format!("\n\ninstrument {name} \"Full title of {name}\" {{\n  kind act\n}}"),
        ),
        None => {
            let end = a.sources.get(file).text.len();
            let sep = if a.sources.get(file).text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            (
                Loc {
                    file,
                    span: end..end,
                },
                format!("{sep}instrument {name} \"Full title of {name}\" {{\n  kind act\n}}\n"),
            )
        }
    };
    Some(Fix {
        title: format!("Declare instrument `{name}`"),
        diagnostic,
        edits: vec![(loc, text)],
        preferred: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_read_from_help() {
        assert_eq!(suggestion("did you mean `contact`?"), Some("contact"));
        assert_eq!(suggestion("did you mean AD/002?"), Some("AD/002"));
        assert_eq!(
            suggestion(
                "did you mean AD/002? if the source prints it this way by mistake, correct it"
            ),
            Some("AD/002")
        );
        assert_eq!(suggestion("declare it"), None);
    }
}
