//! Sessions on the shipped spec and on edited buffers: every code in the spec hovers and goes
//! to its definition, renumbering a metric keeps the spec as clean as it was, and a broken item
//! does not stop hover and definition elsewhere (nor, from the last good compilation, inside
//! it).

use crate::client::{uri, Client};
use crate::common::{spec_dir, TempDir};
use lsp_types::*;
use pmf_lsp::convert::LineIndex;

fn copy_spec(name: &str) -> (TempDir, Vec<(std::path::PathBuf, String)>) {
    let dir = TempDir::new(name);
    let mut files = Vec::new();
    for p in pmf_project::pmf_files_under(&spec_dir()) {
        let to = dir.path().join(p.file_name().expect("a file name"));
        let t = std::fs::read_to_string(&p).expect("a spec file");
        std::fs::write(&to, &t).expect("a copy");
        files.push((to, t));
    }
    (dir, files)
}

fn hover_text(c: &mut Client, u: &Uri, pos: Position) -> Option<String> {
    let h = c
        .request::<request::HoverRequest>(HoverParams {
            text_document_position_params: TextDocumentPositionParams {
                text_document: TextDocumentIdentifier { uri: u.clone() },
                position: pos,
            },
            work_done_progress_params: Default::default(),
        })
        .expect("hover answers");
    match h?.contents {
        HoverContents::Markup(m) => Some(m.value),
        _ => None,
    }
}

fn definition(c: &mut Client, u: &Uri, pos: Position) -> Option<Location> {
    match c
        .request::<request::GotoDefinition>(GotoDefinitionParams {
            text_document_position_params: TextDocumentPositionParams {
                text_document: TextDocumentIdentifier { uri: u.clone() },
                position: pos,
            },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("definition answers")?
    {
        GotoDefinitionResponse::Scalar(l) => Some(l),
        _ => None,
    }
}

/// Every metric and item code written in the shipped spec (outside texts) hovers with its
/// card and goes to its declaration.
#[test]
fn every_code_in_the_spec_hovers_and_resolves() {
    let (dir, files) = copy_spec("every-code");
    let mut c = Client::start(Some(dir.path()));
    let (adults, text) = files
        .iter()
        .find(|(p, _)| p.ends_with("adults.pmf"))
        .expect("adults.pmf");
    let u = uri(adults);
    c.open(&u, text);
    let diags = c.diagnostics(&u, Some(1));
    assert!(
        diags
            .iter()
            .all(|d| d.severity != Some(DiagnosticSeverity::ERROR)),
        "the shipped spec has errors: {diags:?}"
    );
    let lines = LineIndex::new(text);
    let mut checked = 0;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if !(trimmed.starts_with("subset of ") || trimmed.starts_with("breakdown ")) {
            continue;
        }
        for (col, word) in line.match_indices("AD/") {
            let code: String = line[col..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect();
            let pos = lines.position(text, lines.line_start(n) + col + 2);
            let _ = word;
            let card = hover_text(&mut c, &u, pos).unwrap_or_default();
            assert!(
                card.starts_with(&format!("**{code}**")),
                "line {}: hover on {code} gave {card:?}",
                n + 1
            );
            let def = definition(&mut c, &u, pos).expect("a definition");
            let def_path = pmf_lsp::convert::uri_to_path(&def.uri).expect("a file");
            let def_text = std::fs::read_to_string(&def_path).expect("readable");
            let def_line = def_text
                .lines()
                .nth(def.range.start.line as usize)
                .unwrap_or_default();
            let metric = pmf_check::model::metric_of_item(&code);
            assert!(
                def_line.contains(&format!("metric {code}"))
                    || (code != metric && def_line.trim_start().starts_with(&code[metric.len()..])),
                "line {}: {code} goes to {def_line:?}",
                n + 1
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} codes were checked");
    c.shutdown();
}

/// Renumbering a metric through the server leaves the spec exactly as clean as before.
#[test]
fn renumbering_a_metric_in_the_spec_keeps_it_clean() {
    let (dir, files) = copy_spec("renumber");
    let mut c = Client::start(Some(dir.path()));
    let (adults, text) = files
        .iter()
        .find(|(p, _)| p.ends_with("adults.pmf"))
        .expect("adults.pmf");
    let u = uri(adults);
    c.open(&u, text);
    let _ = c.diagnostics(&u, Some(1));
    let at = text.find("metric AD/002 ").expect("AD/002 is declared") + "metric AD/0".len();
    let lines = LineIndex::new(text);
    let edit = c
        .request::<request::Rename>(RenameParams {
            text_document_position: TextDocumentPositionParams {
                text_document: TextDocumentIdentifier { uri: u.clone() },
                position: lines.position(text, at),
            },
            new_name: "AD/902".into(),
            work_done_progress_params: Default::default(),
        })
        .expect("the rename is accepted")
        .expect("a workspace edit");
    let Some(DocumentChanges::Edits(docs)) = edit.document_changes else {
        panic!("document changes expected");
    };
    let mut sources = pmf_syntax::source::Sources::new();
    let mut edits_made = 0;
    for (p, t) in &files {
        let mut t = t.clone();
        if let Some(d) = docs.iter().find(|d| d.text_document.uri == uri(p)) {
            let mut edits: Vec<TextEdit> = d
                .edits
                .iter()
                .filter_map(|e| match e {
                    OneOf::Left(t) => Some(t.clone()),
                    OneOf::Right(_) => None,
                })
                .collect();
            edits_made += edits.len();
            t = crate::fixtures::apply(&t, &mut edits);
        }
        assert!(
            !t.contains("AD/002"),
            "{} still mentions AD/002",
            p.display()
        );
        sources.add(p.display().to_string(), t);
    }
    assert!(edits_made >= 5, "only {edits_made} places were renamed");
    let after = pmf_check::compile(&sources);
    let mut before_sources = pmf_syntax::source::Sources::new();
    for (p, t) in &files {
        before_sources.add(p.display().to_string(), t.as_str());
    }
    let before = pmf_check::compile(&before_sources);
    let summary = |c: &pmf_check::Compilation| -> Vec<String> {
        c.diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d.code.as_str(),
                    d.message.replace("AD/902", "AD/002")
                )
            })
            .collect()
    };
    assert_eq!(summary(&after), summary(&before));
    c.shutdown();
}

/// A broken item does not stop hover and definition: elsewhere from the current compilation,
/// inside the broken item from the last good one.
#[test]
fn a_broken_item_hides_nothing() {
    let (dir, files) = copy_spec("broken");
    let mut c = Client::start(Some(dir.path()));
    let (adults, text) = files
        .iter()
        .find(|(p, _)| p.ends_with("adults.pmf"))
        .expect("adults.pmf");
    let u = uri(adults);
    c.open(&u, text);
    let _ = c.diagnostics(&u, Some(1));
    // Break AD/003: its wording loses its closing quote.
    let w = text.find("metric AD/003").expect("AD/003");
    let quote_end =
        w + text[w..].find("working day.\"").expect("the wording") + "working day.".len();
    let lines = LineIndex::new(text);
    let range = Range::new(
        lines.position(text, quote_end),
        lines.position(text, quote_end + 1),
    );
    let version = c.change(&u, Some(range), "");
    let mut broken = text.clone();
    broken.replace_range(quote_end..quote_end + 1, "");
    let diags = c.diagnostics(&u, Some(version));
    assert!(
        diags
            .iter()
            .any(|d| matches!(&d.code, Some(NumberOrString::String(s)) if s == "PMF0001")),
        "the edit breaks the item: {diags:?}"
    );
    let blines = LineIndex::new(&broken);
    // Inside the broken item: `subset of AD/002a` still hovers, from the last good compilation.
    let inside =
        w + broken[w..].find("subset of AD/002a").expect("the relation") + "subset of AD/0".len();
    let card = hover_text(&mut c, &u, blines.position(&broken, inside)).unwrap_or_default();
    assert!(
        card.starts_with("**AD/002a**"),
        "inside the broken item: {card:?}"
    );
    let def = definition(&mut c, &u, blines.position(&broken, inside)).expect("a definition");
    assert_eq!(def.uri, u);
    // After the broken item: AD/004's codelist still hovers from the current compilation.
    let after = broken.find("metric AD/004").expect("AD/004");
    let by = after
        + broken[after..]
            .find("by adult_report_source")
            .or_else(|| broken[after..].find(" by "))
            .expect("a list")
        + 4;
    let card = hover_text(&mut c, &u, blines.position(&broken, by)).unwrap_or_default();
    assert!(card.contains("codelist"), "after the broken item: {card:?}");
    c.shutdown();
}
