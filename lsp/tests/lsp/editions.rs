//! Editions on the real revision: `compiler/benches/make_revision.py` writes the shipped edition
//! and its known revision (tests/editions/2020-revision.edits) side by side in a temporary
//! folder. The server, opened on the revision, must publish exactly what `pmf check` on the
//! folder above both publishes (the revision is checked with the edition it supersedes),
//! before and after edits that break provenance, the header and the previous edition itself;
//! hover on AD/046 must say it was AD/005, and definition on `was AD/005` must open AD/005
//! in the previous edition's file.

use crate::client::{uri, Client};
use crate::common::{in_ci, root, TempDir};
use lsp_types::notification::Notification as _;
use lsp_types::*;
use pmf_lsp::convert::{FileView, LineIndex};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Writes the two editions into `dir`; false (a skip) when python3 is missing off CI.
fn make_revision(dir: &Path) -> bool {
    let status = std::process::Command::new("python3")
        .arg(root().join("compiler/benches/make_revision.py"))
        .arg(dir)
        .status();
    match status {
        Ok(s) => {
            assert!(s.success(), "make_revision.py failed");
            true
        }
        Err(_) => {
            assert!(
                !in_ci(),
                "python3 is missing; tests/setup.sh installs it (Debian package python3)"
            );
            eprintln!("skipped: python3 is not installed (tests/setup.sh installs it)");
            false
        }
    }
}

struct View<'a> {
    sources: &'a pmf_syntax::source::Sources,
    uris: Vec<Option<Uri>>,
}

impl FileView for View<'_> {
    fn uri(&self, file: pmf_syntax::source::FileId) -> Option<Uri> {
        self.uris.get(file.0 as usize).cloned().flatten()
    }
    fn source(&self, file: pmf_syntax::source::FileId) -> Option<&pmf_syntax::source::SourceText> {
        Some(self.sources.get(file))
    }
}

/// What `pmf check PARENT` reports for every file of every edition under `parent`, as LSP
/// diagnostics by URI (a file with none has an empty list).
fn pmf_check(parent: &Path) -> BTreeMap<String, Vec<Diagnostic>> {
    let inputs = pmf_project::inputs(&[parent.to_path_buf()]);
    assert!(inputs.len() >= 2, "two editions under {}", parent.display());
    let mut out = BTreeMap::new();
    for (input, comp) in pmf_project::compile_editions(inputs, false) {
        let view = View {
            sources: &input.sources,
            uris: input
                .sources
                .ids()
                .map(|id| pmf_lsp::convert::path_to_uri(Path::new(&input.sources.get(id).path)))
                .collect(),
        };
        for u in view.uris.iter().flatten() {
            out.insert(u.as_str().to_string(), Vec::new());
        }
        for d in &comp.diagnostics {
            if let Some(u) = view.uri(d.primary.file) {
                out.entry(u.as_str().to_string())
                    .or_insert_with(Vec::new)
                    .push(pmf_lsp::convert::diagnostic(d, &view));
            }
        }
    }
    out
}

struct Session {
    c: Client,
    published: BTreeMap<String, Vec<Diagnostic>>,
}

impl Session {
    /// Waits until the server has compiled what it was sent, and records what it published.
    fn settle(&mut self, any: &Uri) {
        let _ = self.c.request_raw(
            "textDocument/documentSymbol",
            serde_json::json!({ "textDocument": { "uri": any.as_str() } }),
        );
        for note in self.c.inbox.drain(..) {
            if note.method == notification::PublishDiagnostics::METHOD {
                let p: PublishDiagnosticsParams =
                    serde_json::from_value(note.params).expect("diagnostics");
                self.published
                    .insert(p.uri.as_str().to_string(), p.diagnostics);
            }
        }
    }

    /// The server's diagnostics equal `pmf check` on the folder above both editions, for
    /// every file the server reports (and it reports every file of the open editions).
    fn assert_like_pmf_check(&self, parent: &Path, open_dirs: &[&Path], when: &str) {
        let want = pmf_check(parent);
        let mut compared = 0;
        for (key, diags) in &want {
            let in_open = open_dirs.iter().any(|d| {
                key.starts_with(uri(d).as_str().trim_end_matches('/'))
                    && key
                        .as_bytes()
                        .get(uri(d).as_str().trim_end_matches('/').len())
                        == Some(&b'/')
            });
            let got = self.published.get(key);
            if !in_open {
                assert!(
                    got.is_none_or(|g| g.is_empty()),
                    "{when}: {key} is in an edition not open, yet has diagnostics published"
                );
                continue;
            }
            let got = got.cloned().unwrap_or_default();
            assert!(
                got == *diags,
                "{when}: {key}: the server published {} diagnostics, pmf check gives {}\npublished: {:#?}\nexpected: {:#?}",
                got.len(),
                diags.len(),
                got.iter().map(|d| (&d.code, &d.message, d.range.start)).collect::<Vec<_>>(),
                diags.iter().map(|d| (&d.code, &d.message, d.range.start)).collect::<Vec<_>>()
            );
            compared += diags.len();
        }
        assert!(
            compared > 0,
            "{when}: nothing to compare (no diagnostics at all)"
        );
    }
}

fn position(text: &str, offset: usize) -> Position {
    LineIndex::new(text).position(text, offset)
}

fn tdp(u: &Uri, pos: Position) -> TextDocumentPositionParams {
    TextDocumentPositionParams {
        text_document: TextDocumentIdentifier { uri: u.clone() },
        position: pos,
    }
}

/// Replaces the one occurrence of `old` in a file, in the editor (an incremental change) and
/// on disk (for `pmf check`); returns the new text.
fn edit(s: &mut Session, path: &Path, text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} occurs once");
    let at = text.find(old).unwrap_or_default();
    let range = Range::new(position(text, at), position(text, at + old.len()));
    s.c.change(&uri(path), Some(range), new);
    let now = text.replacen(old, new, 1);
    std::fs::write(path, &now).expect("write the edited file");
    now
}

#[test]
fn the_real_revision_knows_its_history() {
    let dir = TempDir::new("editions");
    if !make_revision(dir.path()) {
        return;
    }
    let old_dir: PathBuf = dir.path().join("2019-consultation");
    let new_dir: PathBuf = dir.path().join("2020-revision");
    let adults = new_dir.join("adults.pmf");
    let text = std::fs::read_to_string(&adults).expect("the revised adults.pmf");
    let u = uri(&adults);
    let mut s = Session {
        c: Client::start(Some(dir.path())),
        published: BTreeMap::new(),
    };
    s.c.open(&u, &text);
    s.settle(&u);
    // The revision's accepted PMF0113 warnings exist only when it is checked with 2019.
    s.assert_like_pmf_check(dir.path(), &[&new_dir], "on opening");
    let accepted = s
        .published
        .values()
        .flatten()
        .filter(|d| d.code == Some(NumberOrString::String("PMF0113".into())))
        .count();
    assert_eq!(
        accepted, 2,
        "the two accepted meaning changes (AD/045, CH/012)"
    );

    // Hover on AD/046 says it was AD/005, with AD/005's wording in 2019.
    let at = text.find("metric AD/046").expect("AD/046") + "metric AD/0".len();
    let h =
        s.c.request::<request::HoverRequest>(HoverParams {
            text_document_position_params: tdp(&u, position(&text, at)),
            work_done_progress_params: Default::default(),
        })
        .expect("hover answers");
    let Some(Hover {
        contents: HoverContents::Markup(card),
        ..
    }) = h
    else {
        panic!("no hover card on AD/046");
    };
    assert!(
        card.value.contains("**History since `2019-consultation`**")
            && card
                .value
                .contains("- *was* AD/005 in `2019-consultation`: “")
            && card
                .value
                .contains("*Breaking for submissions*: AD/005 is renumbered AD/046"),
        "{}",
        card.value
    );

    // Definition on `was AD/005` opens AD/005 in the 2019 edition's adults.pmf.
    let at = text.find("was AD/005").expect("was AD/005") + "was AD/0".len();
    let d =
        s.c.request::<request::GotoDefinition>(GotoDefinitionParams {
            text_document_position_params: tdp(&u, position(&text, at)),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("definition answers");
    let Some(GotoDefinitionResponse::Scalar(l)) = d else {
        panic!("no definition for was AD/005: {d:?}");
    };
    let old_adults = old_dir.join("adults.pmf");
    assert_eq!(l.uri, uri(&old_adults));
    let old_text = std::fs::read_to_string(&old_adults).expect("the 2019 adults.pmf");
    let line = old_text
        .lines()
        .position(|l| l == "metric AD/005 {")
        .expect("AD/005 in 2019");
    assert_eq!(l.range.start, Position::new(line as u32, 7));

    // Edits that break provenance: the diagnostics follow `pmf check` on the parent folder.
    let text = edit(&mut s, &adults, &text, "was AD/005\n", "was AD/905\n");
    s.settle(&u);
    s.assert_like_pmf_check(dir.path(), &[&new_dir], "after `was AD/905`");
    let _ = edit(
        &mut s,
        &adults,
        &text,
        "was AD/905\n",
        "was AD/005\n}\n\nmetric AD/005 {\n  wording \"Contacts about safeguarding\"\n  counts contact\n  flow\n",
    );
    s.settle(&u);
    s.assert_like_pmf_check(dir.path(), &[&new_dir], "after reusing AD/005");
    assert!(
        s.published.get(u.as_str()).is_some_and(|d| d
            .iter()
            .any(|d| d.code == Some(NumberOrString::String("PMF0112".into())))),
        "AD/005 used again is PMF0112"
    );

    // The header names an edition that is not beside it: every `was` is PMF0114.
    let edition = new_dir.join("edition.pmf");
    let ed_text = std::fs::read_to_string(&edition).expect("edition.pmf");
    s.c.open(&uri(&edition), &ed_text);
    let ed_text = edit(
        &mut s,
        &edition,
        &ed_text,
        "supersedes \"2019-consultation\"",
        "supersedes \"2018-19\"",
    );
    s.settle(&u);
    s.assert_like_pmf_check(dir.path(), &[&new_dir], "after superseding 2018-19");
    let _ = edit(
        &mut s,
        &edition,
        &ed_text,
        "supersedes \"2018-19\"",
        "supersedes \"2019-consultation\"",
    );
    s.settle(&u);
    s.assert_like_pmf_check(dir.path(), &[&new_dir], "after superseding 2019 again");

    // An edit to the previous edition, opened too, rechecks the revision against it.
    let old_text_now = std::fs::read_to_string(&old_adults).expect("2019 adults.pmf");
    s.c.open(&uri(&old_adults), &old_text_now);
    let whole = old_text_now.replacen(
        "within 1 working_days from \"receipt of the contact\"",
        "within 2 working_days from \"receipt of the contact\"",
        1,
    );
    assert_ne!(whole, old_text_now, "AD/003's timescale in 2019");
    s.c.change(&uri(&old_adults), None, &whole);
    std::fs::write(&old_adults, &whole).expect("write");
    s.settle(&u);
    s.assert_like_pmf_check(
        dir.path(),
        &[&new_dir, &old_dir],
        "after changing AD/003's timescale in 2019",
    );
    assert!(
        s.published.get(u.as_str()).is_some_and(|d| d
            .iter()
            .any(|d| d.message.starts_with("AD/003 counts something different"))),
        "the revision now changes AD/003's meaning against the edited 2019"
    );
    s.c.shutdown();
}
