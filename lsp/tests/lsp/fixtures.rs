//! Data-driven sessions: each `lsp/tests/fixtures/*.pmf` is a small spec with a cursor marker
//! `$0` and a first line `// request: FEATURE [ARGUMENT]`. Its files are written to a folder
//! beside the shared `prelude.pmf`, a real server opens the file with the cursor, runs the
//! request there and the answer is rendered as text and compared with the `.out` file beside
//! the fixture (UPDATE_EXPECT=1 rewrites it for review).
//!
//! A fixture holds one file, or several after `//- /name.pmf` header lines. A header line may
//! add `from NAME` (the file's text is `lsp/tests/fixtures/NAME`, shared by several fixtures:
//! the editions under `editions/`) and `open` (the file is opened in the editor too, before
//! the one with the cursor).

use crate::client::{uri, Client};
use crate::common::{expect_file, fixtures_dir, TempDir};
use lsp_types::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Fixture {
    request: String,
    arg: String,
    files: Vec<(String, String)>,
    /// (file index, byte offset) of `$0`.
    cursor: Option<(usize, usize)>,
    prelude: bool,
    /// Indices of the files opened besides the one with the cursor.
    open: Vec<usize>,
}

fn parse_fixture(text: &str) -> Fixture {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    let spec = head
        .strip_prefix("// request: ")
        .unwrap_or_else(|| panic!("a fixture starts with `// request: FEATURE`, not {head:?}"));
    let mut words = spec.split_whitespace();
    let request = words.next().unwrap_or_default().to_string();
    let mut rest: Vec<&str> = words.collect();
    let prelude = !rest.contains(&"noprelude");
    rest.retain(|w| *w != "noprelude");
    let arg = rest.join(" ");
    let mut files: Vec<(String, String)> = Vec::new();
    let mut open = Vec::new();
    for line in lines {
        if let Some(header) = line.strip_prefix("//- /") {
            let mut words = header.split_whitespace();
            let name = words.next().unwrap_or_default().to_string();
            let mut text = String::new();
            while let Some(w) = words.next() {
                match w {
                    "open" => open.push(files.len()),
                    "from" => {
                        let shared = words.next().unwrap_or_default();
                        text = std::fs::read_to_string(fixtures_dir().join(shared))
                            .unwrap_or_else(|e| panic!("the shared fixture file {shared}: {e}"));
                    }
                    other => panic!("unknown word `{other}` in the file header {line:?}"),
                }
            }
            files.push((name, text));
            continue;
        }
        if files.is_empty() {
            files.push(("main.pmf".into(), String::new()));
        }
        if let Some((_, t)) = files.last_mut() {
            t.push_str(line);
            t.push('\n');
        }
    }
    let mut cursor = None;
    for (i, (_, t)) in files.iter_mut().enumerate() {
        if let Some(at) = t.find("$0") {
            t.replace_range(at..at + 2, "");
            cursor = Some((i, at));
        }
    }
    Fixture {
        request,
        arg,
        files,
        cursor,
        prelude,
        open,
    }
}

/// Renders a location as `file:line:col`, the source line, and a line of marks under the range.
fn show_range(name: &str, text: &str, r: &Range) -> String {
    let line = text.lines().nth(r.start.line as usize).unwrap_or_default();
    let start = r.start.character as usize;
    let end = if r.end.line == r.start.line {
        (r.end.character as usize).max(start + 1)
    } else {
        line.encode_utf16().count().max(start + 1)
    };
    format!(
        "{name}:{}:{}\n  {line}\n  {}{}\n",
        r.start.line + 1,
        r.start.character + 1,
        " ".repeat(start),
        "^".repeat(end - start)
    )
}

struct Session {
    client: Client,
    dir: TempDir,
    texts: BTreeMap<String, String>,
    /// URI → file name as the fixture names it.
    names: BTreeMap<String, String>,
}

impl Session {
    fn name_of(&self, u: &Uri) -> String {
        self.names
            .get(u.as_str())
            .cloned()
            .unwrap_or_else(|| u.as_str().to_string())
    }

    fn text_of(&self, u: &Uri) -> &str {
        self.texts.get(u.as_str()).map_or("", String::as_str)
    }

    fn show_location(&self, l: &Location) -> String {
        show_range(&self.name_of(&l.uri), self.text_of(&l.uri), &l.range)
    }

    /// The lines changed by a workspace edit, after applying it.
    fn show_edit(&self, e: &WorkspaceEdit) -> String {
        let mut out = String::new();
        let Some(DocumentChanges::Edits(docs)) = &e.document_changes else {
            return "(no document changes)\n".into();
        };
        for d in docs {
            let u = &d.text_document.uri;
            let old = self.text_of(u).to_string();
            let mut edits: Vec<TextEdit> = d
                .edits
                .iter()
                .map(|e| match e {
                    OneOf::Left(t) => t.clone(),
                    OneOf::Right(a) => a.text_edit.clone(),
                })
                .collect();
            let new = apply(&old, &mut edits);
            out.push_str(&format!("--- {}\n", self.name_of(u)));
            let (old_lines, new_lines): (Vec<&str>, Vec<&str>) =
                (old.lines().collect(), new.lines().collect());
            if old_lines.len() == new_lines.len() {
                for (i, (a, b)) in old_lines.iter().zip(new_lines.iter()).enumerate() {
                    if a != b {
                        out.push_str(&format!("{:>4}: {b}\n", i + 1));
                    }
                }
            } else {
                // Lines were added or removed: show the new lines between the common ends.
                let head = old_lines
                    .iter()
                    .zip(new_lines.iter())
                    .take_while(|(a, b)| a == b)
                    .count();
                let tail = old_lines
                    .iter()
                    .rev()
                    .zip(new_lines.iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count()
                    .min(old_lines.len().min(new_lines.len()) - head);
                for (i, l) in new_lines
                    .iter()
                    .enumerate()
                    .take(new_lines.len() - tail)
                    .skip(head)
                {
                    out.push_str(&format!("{:>4}+ {l}\n", i + 1));
                }
            }
        }
        out
    }
}

/// Applies text edits (positions in the old text) and returns the new text.
pub fn apply(old: &str, edits: &mut [TextEdit]) -> String {
    let lines = pmf_lsp::convert::LineIndex::new(old);
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                lines.offset(old, e.range.start),
                lines.offset(old, e.range.end),
                e.new_text.as_str(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut s = old.to_string();
    for (a, b, t) in spans {
        s.replace_range(a..b, t);
    }
    s
}

fn hover(
    s: &mut Session,
    tdp: TextDocumentPositionParams,
    main_name: &str,
    main_text: &str,
) -> Result<String, String> {
    let mut out = String::new();
    let h = s
        .client
        .request::<request::HoverRequest>(HoverParams {
            text_document_position_params: tdp,
            work_done_progress_params: Default::default(),
        })
        .map_err(|e| e.message)?;
    match h {
        Some(Hover {
            contents: HoverContents::Markup(m),
            range,
        }) => {
            if let Some(r) = range {
                out.push_str(&show_range(main_name, main_text, &r));
            }
            out.push_str(&m.value);
            out.push('\n');
        }
        Some(other) => out.push_str(&format!("{other:?}\n")),
        None => out.push_str("(no hover)\n"),
    }
    Ok(out)
}

fn definition(s: &mut Session, tdp: TextDocumentPositionParams) -> Result<String, String> {
    let d = s
        .client
        .request::<request::GotoDefinition>(GotoDefinitionParams {
            text_document_position_params: tdp,
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .map_err(|e| e.message)?;
    Ok(match d {
        Some(GotoDefinitionResponse::Scalar(l)) => s.show_location(&l),
        Some(other) => format!("{other:?}\n"),
        None => "(no definition)\n".to_string(),
    })
}

fn references(s: &mut Session, tdp: TextDocumentPositionParams) -> Result<String, String> {
    let r = s
        .client
        .request::<request::References>(ReferenceParams {
            text_document_position: tdp,
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
            context: ReferenceContext {
                include_declaration: true,
            },
        })
        .map_err(|e| e.message)?;
    Ok(r.unwrap_or_default()
        .iter()
        .map(|l| s.show_location(l))
        .collect())
}

/// Prepares a rename at the cursor and, when a new name is given, renames.
fn rename(
    s: &mut Session,
    tdp: TextDocumentPositionParams,
    new_name: &str,
    main_name: &str,
    main_text: &str,
) -> String {
    let mut out = String::new();
    let prep = s
        .client
        .request::<request::PrepareRenameRequest>(tdp.clone());
    match prep {
        Ok(Some(PrepareRenameResponse::RangeWithPlaceholder { range, placeholder })) => {
            out.push_str(&format!("prepare: `{placeholder}`\n"));
            out.push_str(&show_range(main_name, main_text, &range));
        }
        Ok(other) => out.push_str(&format!("prepare: {other:?}\n")),
        Err(e) => out.push_str(&format!("prepare refused: {}\n", e.message)),
    }
    if new_name.is_empty() {
        return out;
    }
    let r = s.client.request::<request::Rename>(RenameParams {
        text_document_position: tdp,
        new_name: new_name.to_string(),
        work_done_progress_params: Default::default(),
    });
    match r {
        Ok(Some(e)) => {
            out.push_str(&s.show_edit(&e));
            // The renamed spec must check as cleanly as before.
            out.push_str(&check_after_edit(s, &e));
        }
        Ok(None) => out.push_str("(no rename)\n"),
        Err(e) => out.push_str(&format!("refused: {}\n", e.message)),
    }
    out
}

fn run_fixture(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let fx = parse_fixture(&text);
    let dir = TempDir::new(&format!(
        "fixture-{}",
        path.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
    ));
    let mut texts = BTreeMap::new();
    let mut names = BTreeMap::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    if fx.prelude {
        let p = dir.path().join("prelude.pmf");
        let t = std::fs::read_to_string(fixtures_dir().join("prelude.pmf"))
            .map_err(|e| e.to_string())?;
        std::fs::write(&p, &t).map_err(|e| e.to_string())?;
        texts.insert(uri(&p).as_str().to_string(), t);
        names.insert(uri(&p).as_str().to_string(), "prelude.pmf".to_string());
    }
    for (name, t) in &fx.files {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&p, t).map_err(|e| e.to_string())?;
        texts.insert(uri(&p).as_str().to_string(), t.clone());
        names.insert(uri(&p).as_str().to_string(), name.clone());
        paths.push(p);
    }
    let (fi, offset) = fx.cursor.unwrap_or((0, 0));
    let main_path = paths.get(fi).cloned().ok_or("a fixture needs a file")?;
    let main = uri(&main_path);
    let main_text = fx.files.get(fi).map(|f| f.1.clone()).unwrap_or_default();
    let lines = pmf_lsp::convert::LineIndex::new(&main_text);
    let pos = lines.position(&main_text, offset);
    let client = Client::start(Some(dir.path()));
    let mut s = Session {
        client,
        dir,
        texts,
        names,
    };
    for &i in &fx.open {
        if let (Some(p), Some((_, t))) = (paths.get(i), fx.files.get(i)) {
            if i != fi {
                let u = uri(p);
                s.client.open(&u, t);
                let _ = s.client.diagnostics(&u, Some(1));
            }
        }
    }
    s.client.open(&main, &main_text);
    let diags = s.client.diagnostics(&main, Some(1));
    let tdp = TextDocumentPositionParams {
        text_document: TextDocumentIdentifier { uri: main.clone() },
        position: pos,
    };
    let doc = TextDocumentIdentifier { uri: main.clone() };
    let whole = Range::new(
        Position::new(0, 0),
        lines.position(&main_text, main_text.len()),
    );
    let mut out = format!("request: {} {}\n", fx.request, fx.arg)
        .trim_end()
        .to_string()
        + "\n---\n";
    let main_name = s.name_of(&main);
    match fx.request.as_str() {
        "diagnostics" => {
            for d in &diags {
                let code = match &d.code {
                    Some(NumberOrString::String(c)) => c.clone(),
                    _ => String::new(),
                };
                out.push_str(&format!(
                    "{:?} {code}: {}\n",
                    d.severity.unwrap_or(DiagnosticSeverity::ERROR),
                    d.message
                ));
                out.push_str(&show_range(&main_name, &main_text, &d.range));
                for r in d.related_information.iter().flatten() {
                    out.push_str(&format!("  related: {}\n", r.message));
                    out.push_str(&s.show_location(&r.location));
                }
            }
            if diags.is_empty() {
                out.push_str("(no diagnostics)\n");
            }
        }
        "hover" => out.push_str(&hover(&mut s, tdp, &main_name, &main_text)?),
        "definition" => out.push_str(&definition(&mut s, tdp)?),
        "references" => out.push_str(&references(&mut s, tdp)?),
        "rename" => out.push_str(&rename(&mut s, tdp, &fx.arg, &main_name, &main_text)),
        // Every request about a place, to show that they agree on it: hover, definition,
        // references, and rename (to the argument, when there is one).
        "place" => {
            out.push_str("--- hover\n");
            out.push_str(&hover(&mut s, tdp.clone(), &main_name, &main_text)?);
            out.push_str("--- definition\n");
            out.push_str(&definition(&mut s, tdp.clone())?);
            out.push_str("--- references\n");
            out.push_str(&references(&mut s, tdp.clone())?);
            out.push_str("--- rename\n");
            out.push_str(&rename(&mut s, tdp, &fx.arg, &main_name, &main_text));
        }
        "completion" => {
            let c = s
                .client
                .request::<request::Completion>(CompletionParams {
                    text_document_position: tdp,
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                    context: None,
                })
                .map_err(|e| e.message)?;
            let items = match c {
                Some(CompletionResponse::List(l)) => l.items,
                Some(CompletionResponse::Array(a)) => a,
                None => Vec::new(),
            };
            if let Some(first) = items.first() {
                if let Some(CompletionTextEdit::Edit(e)) = &first.text_edit {
                    out.push_str("replaces:\n");
                    out.push_str(&show_range(&main_name, &main_text, &e.range));
                }
            }
            for it in &items {
                out.push_str(&format!(
                    "{} ({:?}) {}\n",
                    it.label,
                    it.kind.unwrap_or(CompletionItemKind::TEXT),
                    it.detail.clone().unwrap_or_default()
                ));
            }
            // The first item's documentation, resolved as an editor does when it shows it.
            if let Some(first) = items.first() {
                let resolved = if first.documentation.is_none() && first.data.is_some() {
                    s.client
                        .request::<request::ResolveCompletionItem>(first.clone())
                        .map_err(|e| e.message)?
                } else {
                    first.clone()
                };
                if let Some(Documentation::MarkupContent(m)) = &resolved.documentation {
                    out.push_str(&format!(
                        "--- documentation of {}\n{}\n",
                        resolved.label, m.value
                    ));
                }
            }
            if items.is_empty() {
                out.push_str("(no completions)\n");
            }
        }
        "signature" => {
            let h = s
                .client
                .request::<request::SignatureHelpRequest>(SignatureHelpParams {
                    context: None,
                    text_document_position_params: tdp,
                    work_done_progress_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            match h {
                Some(h) => {
                    for sig in &h.signatures {
                        out.push_str(&format!(
                            "{} (parameter {})\n",
                            sig.label,
                            h.active_parameter.unwrap_or(0)
                        ));
                        if let Some(Documentation::MarkupContent(m)) = &sig.documentation {
                            out.push_str(&m.value);
                            out.push('\n');
                        }
                    }
                }
                None => out.push_str("(no signature help)\n"),
            }
        }
        "symbols" => {
            let r = s
                .client
                .request::<request::DocumentSymbolRequest>(DocumentSymbolParams {
                    text_document: doc,
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            fn tree(syms: &[DocumentSymbol], depth: usize, out: &mut String) {
                for sym in syms {
                    out.push_str(&format!(
                        "{}{:?} {} — {} (lines {}-{})\n",
                        "  ".repeat(depth),
                        sym.kind,
                        sym.name,
                        sym.detail.clone().unwrap_or_default(),
                        sym.range.start.line + 1,
                        sym.range.end.line + 1
                    ));
                    tree(sym.children.as_deref().unwrap_or_default(), depth + 1, out);
                }
            }
            match r {
                Some(DocumentSymbolResponse::Nested(n)) => tree(&n, 0, &mut out),
                other => out.push_str(&format!("{other:?}\n")),
            }
        }
        "workspace_symbols" => {
            let r = s
                .client
                .request::<request::WorkspaceSymbolRequest>(WorkspaceSymbolParams {
                    query: fx.arg.clone(),
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            match r {
                Some(WorkspaceSymbolResponse::Flat(v)) => {
                    for sym in v {
                        let within = sym
                            .container_name
                            .map(|c| format!(" (in {c})"))
                            .unwrap_or_default();
                        out.push_str(&format!(
                            "{:?} {}{within} at {}",
                            sym.kind,
                            sym.name,
                            s.show_location(&sym.location)
                        ));
                    }
                }
                other => out.push_str(&format!("{other:?}\n")),
            }
        }
        "tokens" => {
            let r = s
                .client
                .request::<request::SemanticTokensFullRequest>(SemanticTokensParams {
                    text_document: doc,
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            let Some(SemanticTokensResult::Tokens(t)) = r else {
                return Err("no tokens".into());
            };
            let (mut line, mut col) = (0u32, 0u32);
            let src: Vec<Vec<u16>> = main_text
                .lines()
                .map(|l| l.encode_utf16().collect())
                .collect();
            for tok in t.data {
                if tok.delta_line > 0 {
                    line += tok.delta_line;
                    col = tok.delta_start;
                } else {
                    col += tok.delta_start;
                }
                let word: String = src
                    .get(line as usize)
                    .and_then(|l| l.get(col as usize..(col + tok.length) as usize))
                    .map(String::from_utf16_lossy)
                    .unwrap_or_else(|| "?".into());
                let decl = if tok.token_modifiers_bitset & 1 == 1 {
                    ".declaration"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{}:{} {:?} {}{decl}\n",
                    line + 1,
                    col + 1,
                    word,
                    pmf_lsp::tokens::type_name(tok.token_type)
                ));
            }
        }
        "formatting" => {
            let r = s
                .client
                .request::<request::Formatting>(DocumentFormattingParams {
                    text_document: doc,
                    options: FormattingOptions::default(),
                    work_done_progress_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            let mut edits = r.unwrap_or_default();
            out.push_str(&apply(&main_text, &mut edits));
        }
        "actions" => {
            let r = s
                .client
                .request::<request::CodeActionRequest>(CodeActionParams {
                    text_document: doc,
                    range: Range::new(pos, pos),
                    context: CodeActionContext::default(),
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            for a in r.unwrap_or_default() {
                if let CodeActionOrCommand::CodeAction(a) = a {
                    out.push_str(&format!(
                        "== {}{}\n",
                        a.title,
                        if a.is_preferred == Some(true) {
                            " (preferred)"
                        } else {
                            ""
                        }
                    ));
                    if let Some(e) = &a.edit {
                        out.push_str(&s.show_edit(e));
                    }
                }
            }
        }
        "folding" => {
            let r = s
                .client
                .request::<request::FoldingRangeRequest>(FoldingRangeParams {
                    text_document: doc,
                    work_done_progress_params: Default::default(),
                    partial_result_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            let src: Vec<&str> = main_text.lines().collect();
            for f in r.unwrap_or_default() {
                out.push_str(&format!(
                    "{}-{} {}: {}\n",
                    f.start_line + 1,
                    f.end_line + 1,
                    match f.kind {
                        Some(FoldingRangeKind::Comment) => "comment",
                        _ => "region",
                    },
                    src.get(f.start_line as usize).unwrap_or(&"").trim()
                ));
            }
        }
        "inlay_hints" => {
            let r = s
                .client
                .request::<request::InlayHintRequest>(InlayHintParams {
                    text_document: doc,
                    range: whole,
                    work_done_progress_params: Default::default(),
                })
                .map_err(|e| e.message)?;
            for h in r.unwrap_or_default() {
                let label = match h.label {
                    InlayHintLabel::String(s) => s,
                    InlayHintLabel::LabelParts(p) => p.into_iter().map(|p| p.value).collect(),
                };
                let line = main_text
                    .lines()
                    .nth(h.position.line as usize)
                    .unwrap_or_default();
                let units: Vec<u16> = line.encode_utf16().collect();
                let at = (h.position.character as usize).min(units.len());
                out.push_str(&format!(
                    "{}: {}⟨{label}⟩{}\n",
                    h.position.line + 1,
                    String::from_utf16_lossy(units.get(..at).unwrap_or_default()),
                    String::from_utf16_lossy(units.get(at..).unwrap_or_default())
                ));
            }
        }
        other => return Err(format!("unknown request `{other}` in the fixture")),
    }
    let _ = &s.dir;
    s.client.shutdown();
    expect_file(&path.with_extension("out"), &out)
}

/// Compiles the fixture's files with a workspace edit applied, and lists the diagnostics.
fn check_after_edit(s: &Session, e: &WorkspaceEdit) -> String {
    let mut texts = s.texts.clone();
    if let Some(DocumentChanges::Edits(docs)) = &e.document_changes {
        for d in docs {
            let key = d.text_document.uri.as_str().to_string();
            let old = texts.get(&key).cloned().unwrap_or_default();
            let mut edits: Vec<TextEdit> = d
                .edits
                .iter()
                .filter_map(|e| match e {
                    OneOf::Left(t) => Some(t.clone()),
                    OneOf::Right(_) => None,
                })
                .collect();
            texts.insert(key, apply(&old, &mut edits));
        }
    }
    let counted: Vec<String> = if s.names.values().any(|n| n.contains('/')) {
        // Editions in folders side by side: checked as `pmf check` checks the folder above
        // them, each edition with the one it supersedes.
        let dir = TempDir::new("after-edit");
        for (k, t) in &texts {
            let name = s.names.get(k).cloned().unwrap_or_default();
            let p = dir.path().join(&name);
            if let Some(parent) = p.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&p, t);
        }
        let inputs = pmf_project::inputs(&[dir.path().to_path_buf()]);
        pmf_project::compile_editions(inputs, false)
            .iter()
            .flat_map(|(_, c)| c.diagnostics.iter().filter(|d| d.counts()))
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect()
    } else {
        let mut sources = pmf_syntax::source::Sources::new();
        let mut keys: Vec<(&String, &String)> = texts.iter().collect();
        keys.sort_by_key(|(k, _)| s.names.get(*k).cloned());
        for (k, t) in keys {
            sources.add(s.names.get(k).cloned().unwrap_or_default(), t.as_str());
        }
        pmf_check::compile(&sources)
            .diagnostics
            .iter()
            .filter(|d| d.counts())
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect()
    };
    if counted.is_empty() {
        "after the edit: checks clean\n".to_string()
    } else {
        format!("after the edit:\n{}\n", counted.join("\n"))
    }
}

#[test]
fn fixtures() {
    let dir = fixtures_dir();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in crate::common::files_with_ext(&dir, "pmf") {
        if path.file_name().is_some_and(|f| f == "prelude.pmf") {
            continue;
        }
        n += 1;
        if let Err(e) = run_fixture(&path) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(n >= 20, "expected the fixtures under {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
