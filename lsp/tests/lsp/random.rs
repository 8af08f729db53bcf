//! The shipped spec edited at random, as a clumsy user would: thousands of insertions,
//! deletions, replacements and pastes of garbage, sent as incremental changes in bursts (as
//! typing sends them), with a random request after each burst. The server must answer everything in time without an internal
//! error, and the diagnostics it publishes must be exactly those `pmf_check::compile` gives
//! for the same texts.
//!
//! `PMF_LSP_SEED` and `PMF_LSP_EDITS` change the seed and the number of edits.

use crate::client::{uri, Client};
use crate::common::{spec_dir, TempDir};
use lsp_types::notification::Notification as _;
use lsp_types::*;
use pmf_lsp::convert::{FileView, LineIndex};
use std::collections::BTreeMap;

/// A small deterministic generator (xorshift64*): the same seed gives the same edits.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn snap(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

const GARBAGE: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "\"\"\"",
    "//",
    "\n",
    "\t",
    " ",
    ";",
    ",",
    "é",
    "😀",
    "AD/",
    "AD/0",
    "AD/00",
    "CH/0",
    "PI/AD/",
    "metric ",
    "breakdown ",
    "partition ",
    "of ",
    "by ",
    "counts ",
    "flow",
    "stock",
    "cite ",
    "..",
    "16..25",
    "2020-21",
    "a ",
    "b ",
    "\\",
    "\\u{E9}",
    "\r\n",
    "*",
    "+",
    "-",
    "/",
    "=",
    "<=",
    "percent(",
    "rate(",
    "0",
    "42",
    "x",
    "_",
    "\u{0}",
    "\u{FEFF}",
    "ŵ",
    "漢",
];

/// One random edit of `text`: (start, end, replacement), on character boundaries.
fn random_edit(rng: &mut Rng, text: &str, pool: &[String]) -> (usize, usize, String) {
    let at = snap(text, rng.below(text.len() + 1));
    match rng.below(10) {
        // Type a few characters of garbage.
        0..=2 => {
            let n = 1 + rng.below(4);
            let s: String = (0..n)
                .map(|_| GARBAGE.get(rng.below(GARBAGE.len())).copied().unwrap_or(""))
                .collect();
            (at, at, s)
        }
        // Delete a range.
        3..=4 => {
            let end = snap(text, at + rng.below(60));
            (at, end.max(at), String::new())
        }
        // Paste a piece of the spec.
        5..=7 => {
            let src = pool.get(rng.below(pool.len())).map_or("", String::as_str);
            let a = snap(src, rng.below(src.len() + 1));
            let b = snap(src, a + rng.below(120));
            (at, at, src.get(a..b.max(a)).unwrap_or("").to_string())
        }
        // Replace a range with a piece of the spec.
        _ => {
            let end = snap(text, at + rng.below(30));
            let src = pool.get(rng.below(pool.len())).map_or("", String::as_str);
            let a = snap(src, rng.below(src.len() + 1));
            let b = snap(src, a + rng.below(40));
            (
                at,
                end.max(at),
                src.get(a..b.max(a)).unwrap_or("").to_string(),
            )
        }
    }
}

struct Expected<'a> {
    sources: &'a pmf_syntax::source::Sources,
    uris: Vec<Uri>,
}

impl FileView for Expected<'_> {
    fn uri(&self, file: pmf_syntax::source::FileId) -> Option<Uri> {
        self.uris.get(file.0 as usize).cloned()
    }
    fn source(&self, file: pmf_syntax::source::FileId) -> Option<&pmf_syntax::source::SourceText> {
        Some(self.sources.get(file))
    }
}

/// What `pmf check` says about the texts, as the server should publish it, per file.
fn expected(paths: &[std::path::PathBuf], texts: &[String]) -> BTreeMap<String, Vec<Diagnostic>> {
    let mut sources = pmf_syntax::source::Sources::new();
    for (p, t) in paths.iter().zip(texts) {
        sources.add(p.display().to_string(), t.as_str());
    }
    let c = pmf_check::compile(&sources);
    let view = Expected {
        sources: &sources,
        uris: paths.iter().map(|p| uri(p)).collect(),
    };
    let mut out: BTreeMap<String, Vec<Diagnostic>> = paths
        .iter()
        .map(|p| (uri(p).as_str().to_string(), Vec::new()))
        .collect();
    for d in &c.diagnostics {
        if let Some(u) = view.uri(d.primary.file) {
            out.entry(u.as_str().to_string())
                .or_default()
                .push(pmf_lsp::convert::diagnostic(d, &view));
        }
    }
    out
}

fn position(text: &str, offset: usize) -> Position {
    LineIndex::new(text).position(text, offset)
}

/// Sends one random request about a position; the client fails the test on an internal
/// error or a stall.
fn random_request(c: &mut Client, rng: &mut Rng, u: &Uri, text: &str) {
    let at = snap(text, rng.below(text.len() + 1));
    let pos = position(text, at);
    let tdp = TextDocumentPositionParams {
        text_document: TextDocumentIdentifier { uri: u.clone() },
        position: pos,
    };
    let doc = serde_json::json!({ "textDocument": { "uri": u.as_str() } });
    let posj = serde_json::to_value(&tdp).unwrap_or_default();
    let (method, params) = match rng.below(12) {
        0 => ("textDocument/hover", posj),
        1 => ("textDocument/definition", posj),
        2 => {
            let mut p = posj;
            p["context"] = serde_json::json!({ "includeDeclaration": true });
            ("textDocument/references", p)
        }
        3 => ("textDocument/completion", posj),
        4 => ("textDocument/signatureHelp", posj),
        5 => ("textDocument/documentSymbol", doc),
        6 => ("textDocument/semanticTokens/full", doc),
        7 => ("textDocument/foldingRange", doc),
        8 => {
            let mut p = doc;
            p["range"] = serde_json::json!({ "start": pos, "end": pos });
            p["context"] = serde_json::json!({ "diagnostics": [] });
            ("textDocument/codeAction", p)
        }
        9 => {
            let mut p = doc;
            p["range"] = serde_json::json!({ "start": { "line": 0, "character": 0 }, "end": position(text, text.len()) });
            ("textDocument/inlayHint", p)
        }
        10 => ("textDocument/prepareRename", posj),
        _ => {
            let mut p = doc;
            p["options"] = serde_json::json!({ "tabSize": 2, "insertSpaces": true });
            ("textDocument/formatting", p)
        }
    };
    // Refusals (a rename with nothing under the cursor) are answers; internal errors and
    // stalls fail inside `request_raw`.
    let _ = c.request_raw(method, params);
}

#[test]
fn random_edits_keep_the_server_alive_and_consistent() {
    let seed: u64 = std::env::var("PMF_LSP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_191_113);
    let edits: usize = std::env::var("PMF_LSP_EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    // A copy of the spec, so that a change on disk by someone else cannot disturb the test.
    let dir = TempDir::new("random");
    let mut paths = Vec::new();
    let mut texts = Vec::new();
    for p in pmf_project::pmf_files_under(&spec_dir()) {
        let name = p.file_name().expect("a file name").to_owned();
        let to = dir.path().join(name);
        let t = std::fs::read_to_string(&p).expect("a spec file");
        std::fs::write(&to, &t).expect("a copy");
        paths.push(to);
        texts.push(t);
    }
    assert!(paths.len() >= 5, "the spec has its files");
    let originals = texts.clone();
    let pool = originals.clone();
    let mut c = Client::start(Some(dir.path()));
    let uris: Vec<Uri> = paths.iter().map(|p| uri(p)).collect();
    for (u, t) in uris.iter().zip(&texts) {
        c.open(u, t);
    }
    let mut rng = Rng::new(seed);
    let mut published: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    let mut checks = 0;
    let mut n = 0;
    let mut bursts = 0;
    while n < edits {
        // A burst of edits to one file, as typing sends them, then one request.
        let fi = rng.below(paths.len());
        let (Some(u), Some(text)) = (uris.get(fi), texts.get_mut(fi)) else {
            continue;
        };
        let burst = 1 + rng.below(8);
        for _ in 0..burst {
            n += 1;
            if rng.below(150) == 0 {
                // Now and then the user undoes everything in a file.
                *text = originals.get(fi).cloned().unwrap_or_default();
                c.change(u, None, text);
            } else {
                let (a, b, s) = random_edit(&mut rng, text, &pool);
                let lines = LineIndex::new(text);
                let range = Range::new(lines.position(text, a), lines.position(text, b));
                text.replace_range(a..b, &s);
                c.change(u, Some(range), &s);
            }
        }
        let text = text.clone();
        random_request(&mut c, &mut rng, u, &text);
        bursts += 1;
        if bursts % 10 == 0 || n >= edits {
            // Everything published before this answer is in the inbox now.
            let _ = c.request_raw(
                "textDocument/documentSymbol",
                serde_json::json!({ "textDocument": { "uri": u.as_str() } }),
            );
            for note in c.inbox.drain(..) {
                if note.method == notification::PublishDiagnostics::METHOD {
                    let p: PublishDiagnosticsParams =
                        serde_json::from_value(note.params).expect("diagnostics");
                    published.insert(p.uri.as_str().to_string(), p.diagnostics);
                }
            }
            let want = expected(&paths, &texts);
            for (key, diags) in &want {
                let got = published.get(key).cloned().unwrap_or_default();
                assert!(
                    got == *diags,
                    "after edit {n} (seed {seed}), {key}: the server published {} diagnostics, pmf check gives {}\nfirst published: {:?}\nfirst expected: {:?}",
                    got.len(),
                    diags.len(),
                    got.first().map(|d| (&d.range, &d.message)),
                    diags.first().map(|d| (&d.range, &d.message))
                );
            }
            checks += 1;
        }
    }
    assert!(checks >= edits / 80, "only {checks} consistency checks");
    c.shutdown();
}
