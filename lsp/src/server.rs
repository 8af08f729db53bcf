//! The protocol loop: the handshake, the dispatch of requests and notifications, and the
//! publication of diagnostics.
//!
//! One thread does everything, in order. Edits only mark projects dirty; the projects are
//! compiled when no message is waiting (so a burst of keystrokes costs one compilation) or
//! when a request needs the current text. A handler that panics answers its request with an
//! error and the server carries on. The handshake and the end (`shutdown`, then `exit`, or the
//! end of the input) are handled here, not by lsp-server, so that no message can end the
//! server but `exit`.

use crate::convert::{self, FileView, LineIndex};
use crate::tokens;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use pmf_ide::{hints, outline, Analysis, Cursor, World};
use pmf_syntax::source::FileId;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::rc::Rc;

/// The largest document kept: the largest message (`transport::MAX_MESSAGE`).
pub const MAX_DOCUMENT: usize = crate::transport::MAX_MESSAGE;

/// What the server announces it can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["/".into(), ".".into(), " ".into()]),
            resolve_provider: Some(true),
            ..CompletionOptions::default()
        }),
        signature_help_provider: Some(SignatureHelpOptions {
            trigger_characters: Some(vec!["(".into(), ",".into()]),
            retrigger_characters: None,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: Some(false),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The client sent `exit` (after `shutdown` or not).
    Exit { after_shutdown: bool },
    /// The input ended, or the connection was dropped.
    Closed { after_shutdown: bool },
    /// `shutdown` was answered and no `exit` came within the grace period.
    NoExit,
}

impl Ended {
    /// The process's exit code, as the protocol asks: 0 after `shutdown`, else 1.
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Exit { after_shutdown } | Ended::Closed { after_shutdown } => {
                u8::from(!after_shutdown)
            }
            Ended::NoExit => 0,
        }
    }
}

/// Options of a session.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// How long to wait for `exit` after `shutdown` before ending anyway.
    pub exit_grace: std::time::Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            exit_grace: std::time::Duration::from_secs(10),
        }
    }
}

/// Runs the server on a connection until the client says `exit` (or goes away).
pub fn run(conn: &Connection) -> Result<(), String> {
    serve(conn, Options::default());
    Ok(())
}

/// Runs a session: the handshake (requests before `initialize` are answered with an error,
/// notifications are dropped), then the loop until `exit`, the end of the input, or the grace
/// period after `shutdown`. After `shutdown`, requests are answered with an error and
/// notifications dropped, as the protocol asks.
pub fn serve(conn: &Connection, opts: Options) -> Ended {
    let reply = |r: Response| {
        let _ = conn.sender.send(r.into());
    };
    let (id, params) = loop {
        match conn.receiver.recv() {
            Err(_) => {
                return Ended::Closed {
                    after_shutdown: false,
                }
            }
            Ok(Message::Request(r)) if r.method == req::Initialize::METHOD => {
                break (r.id, r.params)
            }
            Ok(Message::Request(r)) => reply(Response::new_err(
                r.id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized: send `initialize` first".into(),
            )),
            Ok(Message::Notification(n)) if n.method == note::Exit::METHOD => {
                return Ended::Exit {
                    after_shutdown: false,
                }
            }
            Ok(_) => {}
        }
    };
    let init: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut roots: Vec<PathBuf> = init
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| convert::uri_to_path(&f.uri))
        .collect();
    #[allow(deprecated)] // Older clients (Neovim 0.7) send only `rootUri`.
    if let Some(root) = init.root_uri.as_ref().and_then(convert::uri_to_path) {
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    let snippets = init
        .capabilities
        .text_document
        .as_ref()
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|c| c.snippet_support)
        .unwrap_or(false);
    let watch = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "pmf-lsp", "version": env!("CARGO_PKG_VERSION") },
    });
    reply(Response::new_ok(id, result));
    let mut server = Server {
        conn,
        world: World::new(roots, convert::path_key),
        snippets,
        published: BTreeMap::new(),
        pending_publish: BTreeSet::new(),
        next_id: 0,
    };
    if watch {
        server.register_watcher();
    }
    let mut shutdown: Option<std::time::Instant> = None;
    loop {
        let msg = match shutdown {
            None => match conn.receiver.recv() {
                Ok(m) => m,
                Err(_) => {
                    return Ended::Closed {
                        after_shutdown: false,
                    }
                }
            },
            Some(at) => match conn.receiver.recv_deadline(at + opts.exit_grace) {
                Ok(m) => m,
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => return Ended::NoExit,
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                    return Ended::Closed {
                        after_shutdown: true,
                    }
                }
            },
        };
        match msg {
            Message::Request(r) if shutdown.is_some() => reply(Response::new_err(
                r.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down: only `exit` is expected".into(),
            )),
            Message::Request(r) if r.method == req::Shutdown::METHOD => {
                reply(Response::new_ok(r.id, Value::Null));
                shutdown = Some(std::time::Instant::now());
                continue;
            }
            Message::Request(r) if r.method == req::Initialize::METHOD => reply(Response::new_err(
                r.id,
                ErrorCode::InvalidRequest as i32,
                "the server is already initialized".into(),
            )),
            Message::Request(r) => server.request(r),
            Message::Notification(n) if n.method == note::Exit::METHOD => {
                return Ended::Exit {
                    after_shutdown: shutdown.is_some(),
                }
            }
            Message::Notification(_) if shutdown.is_some() => {}
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
        if shutdown.is_none() && conn.receiver.is_empty() {
            server.flush();
        }
    }
}

struct Server<'c> {
    conn: &'c Connection,
    world: World,
    snippets: bool,
    /// The diagnostics last published for each document, to skip repeats.
    published: BTreeMap<String, Vec<Diagnostic>>,
    /// Documents whose diagnostics must be published after the next compilation even if they
    /// did not change (the client waits for an answer to its edit).
    pending_publish: BTreeSet<String>,
    next_id: i32,
}

/// A request's answer: a value, or an error to report.
type Answer = Result<Value, (ErrorCode, String)>;

fn parse<P: serde::de::DeserializeOwned>(v: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn json<T: serde::Serialize>(v: T) -> Answer {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

/// A document's current compilation, its last good one, its key and its file there.
struct Current(Rc<Analysis>, Option<Rc<Analysis>>, String, FileId);

impl Server<'_> {
    fn send(&self, m: Message) {
        // A closed channel means the client has gone; the loop ends on the next receive.
        let _ = self.conn.sender.send(m);
    }

    fn register_watcher(&mut self) {
        let reg = Registration {
            id: "pmf-watch".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.pmf".into()),
                    kind: None,
                }],
            })
            .ok(),
        };
        self.next_id += 1;
        let r = Request::new(
            RequestId::from(format!("pmf-{}", self.next_id)),
            req::RegisterCapability::METHOD.into(),
            RegistrationParams {
                registrations: vec![reg],
            },
        );
        self.send(r.into());
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(r)));
        let resp = match answer {
            Ok(Ok(v)) => Response::new_ok(id, v),
            Ok(Err((code, msg))) => Response::new_err(id, code as i32, msg),
            Err(p) => {
                let what = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                eprintln!("pmf-lsp: internal error: {what}");
                Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("internal error in pmf-lsp: {what}"),
                )
            }
        };
        self.send(resp.into());
    }

    fn dispatch(&mut self, r: Request) -> Answer {
        let p = r.params;
        match r.method.as_str() {
            req::HoverRequest::METHOD => self.hover(parse(p)?),
            req::GotoDefinition::METHOD => self.definition(parse(p)?),
            req::References::METHOD => self.references(parse(p)?),
            req::PrepareRenameRequest::METHOD => self.prepare_rename(parse(p)?),
            req::Rename::METHOD => self.rename(parse(p)?),
            req::Completion::METHOD => self.completion(parse(p)?),
            req::ResolveCompletionItem::METHOD => self.resolve_completion(parse(p)?),
            req::SignatureHelpRequest::METHOD => self.signature_help(parse(p)?),
            req::DocumentSymbolRequest::METHOD => self.document_symbols(parse(p)?),
            req::WorkspaceSymbolRequest::METHOD => self.workspace_symbols(parse(p)?),
            req::SemanticTokensFullRequest::METHOD => self.semantic_tokens(parse(p)?),
            req::Formatting::METHOD => self.formatting(parse(p)?),
            req::CodeActionRequest::METHOD => self.code_actions(parse(p)?),
            req::FoldingRangeRequest::METHOD => self.folding(parse(p)?),
            req::InlayHintRequest::METHOD => self.inlay_hints(parse(p)?),
            m => Err((
                ErrorCode::MethodNotFound,
                format!("pmf-lsp does not handle {m}"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.notify(n)));
        if r.is_err() {
            eprintln!("pmf-lsp: internal error while handling a notification");
        }
    }

    fn notify(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                let key = convert::uri_key(&p.text_document.uri);
                let path = convert::uri_to_path(&p.text_document.uri);
                self.world.open(
                    key.clone(),
                    path,
                    p.text_document.text,
                    p.text_document.version,
                );
                self.pending_publish.insert(key);
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                let key = convert::uri_key(&p.text_document.uri);
                let Some(doc) = self.world.docs.get(&key) else {
                    return;
                };
                let mut text = doc.text.clone();
                for c in p.content_changes {
                    apply_change(&mut text, c);
                    if text.len() > MAX_DOCUMENT {
                        // Edits can grow a document without end; beyond the size of a message
                        // it is forgotten, as if closed.
                        for k in self.world.close(&key) {
                            self.publish(&k, Vec::new(), None);
                        }
                        let message = format!(
                            "pmf-lsp: {} is now over {} MiB, so it is no longer checked; close it and open it again when it is smaller",
                            p.text_document.uri.as_str(),
                            MAX_DOCUMENT / (1024 * 1024)
                        );
                        self.send(
                            Notification::new(
                                note::ShowMessage::METHOD.into(),
                                ShowMessageParams {
                                    typ: MessageType::ERROR,
                                    message,
                                },
                            )
                            .into(),
                        );
                        return;
                    }
                }
                self.world.change(&key, text, p.text_document.version);
                self.pending_publish.insert(key);
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                let key = convert::uri_key(&p.text_document.uri);
                for k in self.world.close(&key) {
                    self.publish(&k, Vec::new(), None);
                }
            }
            note::DidSaveTextDocument::METHOD => {}
            note::DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) else {
                    return;
                };
                for ch in p.changes {
                    if let Some(path) = convert::uri_to_path(&ch.uri) {
                        self.world.disk_changed(&path);
                    }
                }
            }
            _ => {}
        }
    }

    /// Compiles what changed and publishes the diagnostics that changed.
    fn flush(&mut self) {
        let compiled = self.world.analyze();
        for i in compiled {
            let Some(a) = self.world.projects.get(i).and_then(|p| p.current.clone()) else {
                continue;
            };
            let mut by_file: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
            for d in &a.comp.diagnostics {
                let f = d.primary.file.0 as usize;
                if a.owned.get(f).copied().unwrap_or(false) {
                    by_file
                        .entry(f)
                        .or_default()
                        .push(convert::diagnostic(d, a.as_ref()));
                }
            }
            for (f, key) in a.keys.iter().enumerate() {
                if !a.owned.get(f).copied().unwrap_or(false) {
                    continue;
                }
                let diags = by_file.remove(&f).unwrap_or_default();
                let force = self.pending_publish.remove(key);
                if force || self.published.get(key) != Some(&diags) {
                    let version = self.world.version(key);
                    self.publish(key, diags, version);
                }
            }
        }
        self.pending_publish.clear();
    }

    fn publish(&mut self, key: &str, diags: Vec<Diagnostic>, version: Option<i32>) {
        let Some(uri) = convert::key_to_uri(key) else {
            return;
        };
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics: diags.clone(),
            version,
        };
        self.published.insert(key.to_string(), diags);
        self.send(Notification::new(note::PublishDiagnostics::METHOD.into(), params).into());
    }

    /// The current compilation of a document, compiled first if it is stale.
    fn analysis(&mut self, uri: &Uri) -> Option<Current> {
        let key = convert::uri_key(uri);
        if self.world.stale(&key) {
            self.flush();
        }
        let (a, last_good, file) = self.world.analysis(&key)?;
        Some(Current(a, last_good, key, file))
    }

    /// A cursor at a document position, in its current compilation.
    fn at(&mut self, pos: &TextDocumentPositionParams) -> Option<Cursor> {
        let Current(a, _, key, file) = self.analysis(&pos.text_document.uri)?;
        let offset = a.offset(file, pos.position)?;
        self.world.cursor(&key, offset)
    }

    fn hover(&mut self, p: HoverParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        match pmf_ide::hover::hover(&c) {
            Some(h) => {
                let range = h.range.map(|r| c.a.range(c.file, &r));
                json(markdown_hover(h.markdown, range))
            }
            None => Ok(Value::Null),
        }
    }

    fn definition(&mut self, p: GotoDefinitionParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        match c.definition().as_ref().and_then(convert::location) {
            Some(l) => json(GotoDefinitionResponse::Scalar(l)),
            None => Ok(Value::Null),
        }
    }

    fn references(&mut self, p: ReferenceParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        if c.found().is_none() {
            return Ok(Value::Null);
        }
        let out: Vec<Location> = c
            .references(p.context.include_declaration)
            .iter()
            .filter_map(convert::location)
            .collect();
        json(out)
    }

    fn prepare_rename(&mut self, p: TextDocumentPositionParams) -> Answer {
        let Some(c) = self.at(&p) else {
            return Ok(Value::Null);
        };
        let (span, placeholder) = c
            .prepare_rename()
            .map_err(|e| (ErrorCode::RequestFailed, e))?;
        json(PrepareRenameResponse::RangeWithPlaceholder {
            range: c.a.range(c.file, &span),
            placeholder,
        })
    }

    fn rename(&mut self, p: RenameParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let edits = c
            .rename(&p.new_name)
            .map_err(|e| (ErrorCode::RequestFailed, e))?;
        json(workspace_edit(&self.world, edits))
    }

    fn completion(&mut self, p: CompletionParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let (cx, cands) = pmf_ide::completion::candidates(Some(&c.a), c.text(), c.offset);
        let replace = c.a.range(c.file, &(cx.prefix_start..c.offset));
        let uri = p
            .text_document_position
            .text_document
            .uri
            .as_str()
            .to_string();
        let items = convert::completion_items(cands, replace, self.snippets, &uri);
        json(CompletionResponse::List(CompletionList {
            is_incomplete: false,
            items,
        }))
    }

    /// Adds the card of the declaration behind a completion item, when the editor shows it.
    fn resolve_completion(&mut self, mut item: CompletionItem) -> Answer {
        let Some((uri, target)) = item.data.as_ref().and_then(convert::from_resolve_data) else {
            return json(item);
        };
        let Ok(uri) = uri.parse::<Uri>() else {
            return json(item);
        };
        let Some(Current(a, last_good, _, _)) = self.analysis(&uri) else {
            return json(item);
        };
        if let Some(card) = pmf_ide::hover::candidate_card(&a, last_good.as_deref(), &target) {
            item.documentation = Some(convert::markdown(card));
        }
        json(item)
    }

    fn signature_help(&mut self, p: SignatureHelpParams) -> Answer {
        let Some(c) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        let Some(sig) = hints::signature(&c.a, c.file, c.offset) else {
            return Ok(Value::Null);
        };
        let params: Vec<ParameterInformation> = sig
            .parameters
            .iter()
            .map(|n| ParameterInformation {
                label: ParameterLabel::Simple(n.to_string()),
                documentation: None,
            })
            .collect();
        json(SignatureHelp {
            signatures: vec![SignatureInformation {
                label: sig.label.to_string(),
                documentation: Some(convert::markdown(sig.doc)),
                parameters: Some(params),
                active_parameter: Some(sig.active as u32),
            }],
            active_signature: Some(0),
            active_parameter: Some(sig.active as u32),
        })
    }

    fn document_symbols(&mut self, p: DocumentSymbolParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let (Some(sf), Some(src)) = (a.comp.files.get(file.0 as usize), a.source(file)) else {
            return Ok(Value::Null);
        };
        let symbols = outline::document_symbols(sf);
        json(DocumentSymbolResponse::Nested(convert::document_symbols(
            symbols,
            &src.text,
            &LineIndex::of(src),
        )))
    }

    #[allow(deprecated)] // `SymbolInformation::deprecated` must still be written out.
    fn workspace_symbols(&mut self, p: WorkspaceSymbolParams) -> Answer {
        const LIMIT: usize = 500;
        self.flush();
        let mut out: Vec<SymbolInformation> = Vec::new();
        // Not the previous editions compiled in the background: their codes would repeat.
        for proj in self.world.projects.iter().filter(|p| !p.background) {
            let Some(a) = &proj.current else { continue };
            let mut found = Vec::new();
            outline::workspace_symbols(a, &p.query, &mut found, LIMIT);
            for f in found {
                if out.len() >= LIMIT {
                    break;
                }
                let Some(location) = a.location(f.file, &f.span) else {
                    continue;
                };
                if out
                    .iter()
                    .any(|s| s.location == location && s.name == f.name)
                {
                    continue;
                }
                out.push(SymbolInformation {
                    name: f.name,
                    kind: convert::symbol_kind(f.kind),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: f.container,
                });
            }
        }
        json(WorkspaceSymbolResponse::Flat(out))
    }

    fn semantic_tokens(&mut self, p: SemanticTokensParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let Some(src) = a.source(file) else {
            return Ok(Value::Null);
        };
        let raw = pmf_ide::tokens::raw_tokens(Some(&a), Some(file), &src.text);
        json(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: tokens::encode(&raw, &src.text, &LineIndex::of(src)),
        }))
    }

    fn formatting(&mut self, p: DocumentFormattingParams) -> Answer {
        let key = convert::uri_key(&p.text_document.uri);
        let Some(doc) = self.world.docs.get(&key) else {
            return Ok(Value::Null);
        };
        let Some(formatted) = pmf_syntax::fmt::format(&doc.text) else {
            // Unclosed texts or brackets: the diagnostics say where; nothing to do.
            return json(Vec::<TextEdit>::new());
        };
        if formatted == doc.text {
            return json(Vec::<TextEdit>::new());
        }
        let lines = LineIndex::new(&doc.text);
        let range = lines.range(&doc.text, &(0..doc.text.len()));
        json(vec![TextEdit::new(range, formatted)])
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let (Some(start), Some(end)) = (a.offset(file, p.range.start), a.offset(file, p.range.end))
        else {
            return Ok(Value::Null);
        };
        let mut out: Vec<CodeActionOrCommand> = Vec::new();
        for fix in pmf_ide::actions::fixes(&a, file, start..end) {
            let diag = a
                .comp
                .diagnostics
                .get(fix.diagnostic)
                .map(|d| convert::diagnostic(d, a.as_ref()));
            let edits = fix
                .edits
                .iter()
                .map(|(l, t)| (pmf_ide::Location::new(&a, l), t.clone()))
                .collect();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diag.map(|d| vec![d]),
                edit: Some(workspace_edit(&self.world, edits)),
                command: None,
                is_preferred: Some(fix.preferred),
                disabled: None,
                data: None,
            }));
        }
        json(out)
    }

    fn folding(&mut self, p: FoldingRangeParams) -> Answer {
        let key = convert::uri_key(&p.text_document.uri);
        let Some(doc) = self.world.docs.get(&key) else {
            return Ok(Value::Null);
        };
        let folds: Vec<FoldingRange> = outline::folding_ranges(&doc.text)
            .into_iter()
            .map(convert::folding_range)
            .collect();
        json(folds)
    }

    fn inlay_hints(&mut self, p: InlayHintParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let Some(src) = a.source(file) else {
            return Ok(Value::Null);
        };
        let lines = LineIndex::of(src);
        let text = &src.text;
        let range = lines.offset(text, p.range.start)..lines.offset(text, p.range.end);
        let hints: Vec<InlayHint> = hints::formula_units(&a, file, range)
            .into_iter()
            .map(|(off, label)| InlayHint {
                position: lines.position(text, off),
                label: InlayHintLabel::String(label),
                kind: Some(InlayHintKind::TYPE),
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(
                    "the unit of the indicator's result".into(),
                )),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect();
        json(hints)
    }
}

fn markdown_hover(value: String, range: Option<Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

/// Edits as a workspace edit, one document edit per file, versioned when the file is open.
fn workspace_edit(world: &World, edits: Vec<(pmf_ide::Location, String)>) -> WorkspaceEdit {
    let mut by_key: BTreeMap<String, (Uri, Vec<TextEdit>)> = BTreeMap::new();
    for (l, text) in edits {
        let (Some(key), Some(uri)) = (l.key(), l.a.uri(l.file)) else {
            continue;
        };
        by_key
            .entry(key.to_string())
            .or_insert_with(|| (uri, Vec::new()))
            .1
            .push(TextEdit::new(l.a.range(l.file, &l.span), text));
    }
    let changes = by_key
        .into_iter()
        .map(|(key, (uri, edits))| TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri,
                version: world.version(&key),
            },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        })
        .collect();
    WorkspaceEdit {
        changes: None,
        document_changes: Some(DocumentChanges::Edits(changes)),
        change_annotations: None,
    }
}

/// Applies one content change (a range edit, or the whole text) to a document's text.
pub fn apply_change(text: &mut String, c: TextDocumentContentChangeEvent) {
    match c.range {
        None => *text = c.text,
        Some(r) => {
            let lines = LineIndex::new(text);
            let start = lines.offset(text, r.start);
            let end = lines.offset(text, r.end).max(start);
            if text.is_char_boundary(start) && text.is_char_boundary(end) {
                text.replace_range(start..end, &c.text);
            }
        }
    }
}
