//! Welsh in the editor: a Welsh text made for other English than its text has now is a
//! warning (PMF0410) as the spec is written, and a draft one a note (PMF0411), without the
//! notes `pmf check --welsh` gives every text with no Welsh; the hover on the Welsh shows how
//! far it has gone, the English now and the Welsh.

use crate::client::{uri, Client};
use crate::common::{root, TempDir};
use lsp_types::*;
use pmf_lsp::convert::LineIndex;

fn hover_at(c: &mut Client, u: &Uri, text: &str, offset: usize) -> String {
    let lines = LineIndex::new(text);
    let h = c
        .request::<request::HoverRequest>(HoverParams {
            text_document_position_params: TextDocumentPositionParams {
                text_document: TextDocumentIdentifier { uri: u.clone() },
                position: lines.position(text, offset),
            },
            work_done_progress_params: Default::default(),
        })
        .expect("hover answers")
        .expect("a hover card");
    match h.contents {
        HoverContents::Markup(m) => m.value,
        other => panic!("markup expected: {other:?}"),
    }
}

fn session(fixture: &str) -> (TempDir, Client, Uri, String, Vec<Diagnostic>) {
    let from = root().join("tests/diagnostics").join(fixture);
    // The fixture without its expectation comments.
    let text: String = std::fs::read_to_string(&from)
        .expect("the fixture")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = TempDir::new(fixture);
    let path = dir.path().join("spec.pmf");
    std::fs::write(&path, &text).expect("write");
    let mut c = Client::start(Some(dir.path()));
    let u = uri(&path);
    c.open(&u, &text);
    let diags = c.diagnostics(&u, Some(1));
    (dir, c, u, text, diags)
}

fn codes(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter_map(|d| match &d.code {
            Some(NumberOrString::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn stale_welsh_is_a_warning_with_both_texts_in_the_hover() {
    let (_dir, mut c, u, text, diags) = session("PMF0410-stale-welsh.pmf");
    let stale: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.code == Some(NumberOrString::String("PMF0410".into())))
        .collect();
    assert_eq!(stale.len(), 1, "{diags:?}");
    assert_eq!(stale[0].severity, Some(DiagnosticSeverity::WARNING));
    // Only the stale text: the edition's and the unit's Welsh are hand-written (unverified),
    // and no text is listed for having no Welsh.
    assert!(!codes(&diags).contains(&"PMF0402".to_string()), "{diags:?}");
    let at = text.find("cy \"Nifer").expect("the Welsh") + 5;
    let card = hover_at(&mut c, &u, &text, at);
    assert!(card.contains("**stale**"), "{card}");
    assert!(card.contains("`494ff1c6`"), "{card}");
    assert!(
        card.contains("English now: The total number of contacts to the IAA service"),
        "{card}"
    );
    assert!(card.contains("Welsh: Nifer y cysylltiadau"), "{card}");
    // On its `of(...)` too.
    let of = text.find("of(\"494ff1c6\"").expect("the of") + 4;
    assert_eq!(hover_at(&mut c, &u, &text, of), card);
    assert!(
        card.contains("does not have the English it was made for"),
        "{card}"
    );
    // Welsh written by hand says it cannot be checked.
    let unit = text.find("cy \"cysylltiadau\"").expect("the unit's Welsh") + 4;
    let card = hover_at(&mut c, &u, &text, unit);
    assert!(card.contains("written by hand"), "{card}");
    c.shutdown();
}

#[test]
fn draft_welsh_is_a_note_and_says_so_in_the_hover() {
    let (_dir, mut c, u, text, diags) = session("PMF0411-draft-welsh.pmf");
    assert_eq!(codes(&diags), ["PMF0411"], "{diags:?}");
    let at = text.find("cy \"Cyfanswm").expect("the Welsh") + 5;
    let card = hover_at(&mut c, &u, &text, at);
    assert!(card.starts_with("**Welsh** · draft"), "{card}");
    assert!(!card.contains("stale"), "{card}");
    assert!(card.contains("Only reviewed Welsh counts"), "{card}");
    c.shutdown();
}

/// With the Welsh memory beside the spec (welsh-memory.pmf, written by `pmf translate
/// import`), the hover on stale Welsh shows the English it was made for as well as the English
/// now.
#[test]
fn the_welsh_memory_gives_the_english_the_welsh_was_made_for() {
    let (dir, mut c, u, text, _) = session("PMF0410-stale-welsh.pmf");
    let memory = dir.path().join("welsh-memory.pmf");
    let remembered = "english \"494ff1c6\" \"The number of contacts to the IAA service received during the year\"\n";
    std::fs::write(&memory, remembered).expect("write");
    let mu = uri(&memory);
    c.open(&mu, remembered);
    let at = text.find("cy \"Nifer").expect("the Welsh") + 5;
    let card = hover_at(&mut c, &u, &text, at);
    assert!(
        card.contains(
            "English it was made for: The number of contacts to the IAA service received during the year"
        ),
        "{card}"
    );
    assert!(
        card.contains("English now: The total number of contacts"),
        "{card}"
    );
    c.shutdown();
}
