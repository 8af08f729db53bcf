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
use crate::query;
use crate::world::{Analysis, World};
use crate::{actions, completion, editions, hints, hover, outline, rename, tokens};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use pmf::source::FileId;
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
        world: World::new(roots),
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

/// A document position resolved against its project's current compilation.
struct At {
    a: Rc<Analysis>,
    last_good: Option<Rc<Analysis>>,
    key: String,
    file: FileId,
    offset: usize,
}

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
        let p = self.world.project_of(&key)?;
        let a = p.current.clone()?;
        let file = a.file_of(&key)?;
        Some(Current(a, p.last_good.clone(), key, file))
    }

    fn at(&mut self, pos: &TextDocumentPositionParams) -> Option<At> {
        let Current(a, last_good, key, file) = self.analysis(&pos.text_document.uri)?;
        let offset = a.lines(file)?.offset(a.text(file), pos.position);
        Some(At {
            a,
            last_good,
            key,
            file,
            offset,
        })
    }

    fn hover(&mut self, p: HoverParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        // A code after `was`: the previous edition's metric, and what became of it.
        let was = editions::was_at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset);
        if let Some((src, w)) = was {
            let card = editions::previous_ir(src)
                .and_then(|prev| editions::previous_card(&w.code, prev, src.ir()));
            if let Some(card) = card {
                let range =
                    std::ptr::eq(src, at.a.as_ref()).then(|| at.a.range(at.file, &w.loc.span));
                return json(markdown_hover(card, range));
            }
        }
        let found = query::at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset);
        let (src, hit) = match found {
            Some(x) => x,
            None => return json(keyword_hover(&at).or_else(|| old_code_hover(&at))),
        };
        let mut irs: Vec<&pmf::ir::Ir> = src.ir().into_iter().collect();
        if let Some(g) = at.last_good.as_deref() {
            irs.extend(g.ir());
        }
        let Some(mut card) = hover::card(&hit.target, &irs, &src.comp.decls) else {
            return Ok(Value::Null);
        };
        // The history, from the first compilation that knows the target and was checked
        // with the previous edition.
        let history = [Some(src), at.last_good.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|a| {
                let ir = a.ir()?;
                editions::history(&hit.target, ir, editions::previous_ir(a)?)
            });
        if let Some(h) = history {
            card.push_str("\n\n");
            card.push_str(&h);
        }
        // In a previous edition: what became of the code in the open editions after it.
        if hit.target.kind == pmf::check::Kind::Code {
            for later in self.world.superseding(&at.key) {
                if let Some(ir) = later.ir() {
                    card.push_str("\n\n");
                    card.push_str(&editions::fate(&hit.target.name, ir));
                }
            }
        }
        let range = if std::ptr::eq(src, at.a.as_ref()) {
            Some(at.a.range(at.file, &hit.span))
        } else {
            None
        };
        json(markdown_hover(card, range))
    }

    fn definition(&mut self, p: GotoDefinitionParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        // A code after `was`: its metric or item in the previous edition's files.
        let was = editions::was_at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset);
        if let Some((src, w)) = was {
            let Some(prev) = src.previous.as_deref() else {
                return Ok(Value::Null);
            };
            let t = query::Target {
                kind: pmf::check::Kind::Code,
                name: w.code,
                parent: None,
            };
            return match query::def(prev, &t)
                .and_then(|d| prev.location(d.name_loc.file, &d.name_loc.span))
            {
                Some(l) => json(GotoDefinitionResponse::Scalar(l)),
                None => Ok(Value::Null),
            };
        }
        let Some((src, hit)) = query::at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset)
        else {
            return Ok(Value::Null);
        };
        // Prefer the definition in the current text; fall back to the compilation that answered.
        let def = query::def(&at.a, &hit.target)
            .map(|d| (at.a.as_ref(), d))
            .or_else(|| query::def(src, &hit.target).map(|d| (src, d)));
        let Some((a, d)) = def else {
            return Ok(Value::Null);
        };
        match a.location(d.name_loc.file, &d.name_loc.span) {
            Some(l) => json(GotoDefinitionResponse::Scalar(l)),
            None => Ok(Value::Null),
        }
    }

    fn references(&mut self, p: ReferenceParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        // A code after `was`: its definition in the previous edition and every `was` naming it.
        let was = editions::was_at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset);
        if let Some((src, w)) = was {
            let mut out: Vec<Location> = Vec::new();
            if p.context.include_declaration {
                if let Some(prev) = src.previous.as_deref() {
                    let t = query::Target {
                        kind: pmf::check::Kind::Code,
                        name: w.code.clone(),
                        parent: None,
                    };
                    out.extend(
                        query::def(prev, &t)
                            .and_then(|d| prev.location(d.name_loc.file, &d.name_loc.span)),
                    );
                }
            }
            out.extend(was_locations(src, &w.code));
            return json(out);
        }
        let Some((_, hit)) = query::at_either(&at.a, at.last_good.as_deref(), &at.key, at.offset)
        else {
            return Ok(Value::Null);
        };
        let mut locs = query::occurrences(&at.a, &hit.target, p.context.include_declaration);
        for l in rename::extra_code_refs(&at.a, &hit.target) {
            let exact = at.a.text(l.file).get(l.span.clone()) == Some(hit.target.name.as_str());
            if exact && !locs.contains(&l) {
                locs.push(l);
            }
        }
        let mut out: Vec<Location> = locs
            .iter()
            .filter_map(|l| at.a.location(l.file, &l.span))
            .collect();
        // In a previous edition: the `was` lines of the editions that supersede it.
        if hit.target.kind == pmf::check::Kind::Code {
            for later in self.world.superseding(&at.key) {
                out.extend(was_locations(&later, &hit.target.name));
            }
        }
        json(out)
    }

    fn prepare_rename(&mut self, p: TextDocumentPositionParams) -> Answer {
        let Some(at) = self.at(&p) else {
            return Ok(Value::Null);
        };
        let Some(hit) = query::at(&at.a, at.file, at.offset) else {
            return Err((
                ErrorCode::RequestFailed,
                "there is nothing to rename here: put the cursor on a code or a declared name"
                    .into(),
            ));
        };
        let target = rename_target(&at.a, &hit)?;
        let mut span = hit.span.clone();
        if target.kind == pmf::check::Kind::Code {
            // A use of an item code renames its metric: select the metric's part.
            span.end = span.start + target.name.len().min(span.len());
        }
        json(PrepareRenameResponse::RangeWithPlaceholder {
            range: at.a.range(at.file, &span),
            placeholder: target.name.clone(),
        })
    }

    fn rename(&mut self, p: RenameParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        if !at.a.is_whole() {
            return Err((
                ErrorCode::RequestFailed,
                "the spec has syntax errors; fix them first, so that every use is found".into(),
            ));
        }
        let Some(hit) = query::at(&at.a, at.file, at.offset) else {
            return Err((
                ErrorCode::RequestFailed,
                "there is nothing to rename here".into(),
            ));
        };
        let target = rename_target(&at.a, &hit)?;
        let edits = rename::rename(&at.a, &target, &p.new_name)
            .map_err(|e| (ErrorCode::RequestFailed, e))?;
        json(workspace_edit(&at.a, &self.world, edits))
    }

    fn completion(&mut self, p: CompletionParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position) else {
            return Ok(Value::Null);
        };
        let text = at.a.text(at.file);
        let (cx, cands) = completion::candidates(Some(&at.a), text, at.offset);
        let replace = at.a.range(at.file, &(cx.prefix_start..at.offset));
        let uri = p
            .text_document_position
            .text_document
            .uri
            .as_str()
            .to_string();
        let items = completion::to_items(cands, replace, self.snippets, &uri);
        json(CompletionResponse::List(CompletionList {
            is_incomplete: false,
            items,
        }))
    }

    /// Adds the card of the declaration behind a completion item, when the editor shows it.
    fn resolve_completion(&mut self, mut item: CompletionItem) -> Answer {
        let Some((uri, target)) = item.data.as_ref().and_then(completion::from_resolve_data) else {
            return json(item);
        };
        let Ok(uri) = uri.parse::<Uri>() else {
            return json(item);
        };
        let Some(Current(a, last_good, _, _)) = self.analysis(&uri) else {
            return json(item);
        };
        let mut irs: Vec<&pmf::ir::Ir> = a.ir().into_iter().collect();
        if let Some(g) = last_good.as_deref() {
            irs.extend(g.ir());
        }
        if let Some(card) = hover::card(&target, &irs, &a.comp.decls) {
            item.documentation = Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: card,
            }));
        }
        json(item)
    }

    fn signature_help(&mut self, p: SignatureHelpParams) -> Answer {
        let Some(at) = self.at(&p.text_document_position_params) else {
            return Ok(Value::Null);
        };
        let Some(((_, sig, doc), active)) = hints::call_at(at.a.text(at.file), at.offset) else {
            return Ok(Value::Null);
        };
        let mut documentation = (*doc).to_string();
        if let Some(ind) = hints::indicator_at(&at.a, at.file, at.offset) {
            if let Some(u) = hints::result_unit(&at.a, &ind.code) {
                documentation.push_str(&format!("\n\nThe result of {} is in: {u}", ind.code));
            }
        }
        let params: Vec<ParameterInformation> = hints::parameters(sig)
            .into_iter()
            .map(|n| ParameterInformation {
                label: ParameterLabel::Simple(n.to_string()),
                documentation: None,
            })
            .collect();
        json(SignatureHelp {
            signatures: vec![SignatureInformation {
                label: (*sig).to_string(),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: documentation,
                })),
                parameters: Some(params),
                active_parameter: Some(active as u32),
            }],
            active_signature: Some(0),
            active_parameter: Some(active as u32),
        })
    }

    fn document_symbols(&mut self, p: DocumentSymbolParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let (Some(sf), Some(lines)) = (a.comp.files.get(file.0 as usize), a.lines(file)) else {
            return Ok(Value::Null);
        };
        json(DocumentSymbolResponse::Nested(outline::document_symbols(
            sf,
            a.text(file),
            lines,
        )))
    }

    fn workspace_symbols(&mut self, p: WorkspaceSymbolParams) -> Answer {
        self.flush();
        let mut out = Vec::new();
        // Not the previous editions compiled in the background: their codes would repeat.
        for proj in self.world.projects.iter().filter(|p| !p.background) {
            if let Some(a) = &proj.current {
                outline::workspace_symbols(a, &p.query, &mut out, 500);
            }
        }
        json(WorkspaceSymbolResponse::Flat(out))
    }

    fn semantic_tokens(&mut self, p: SemanticTokensParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let Some(lines) = a.lines(file) else {
            return Ok(Value::Null);
        };
        let raw = tokens::raw_tokens(Some(&a), Some(file), a.text(file));
        json(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: tokens::encode(&raw, a.text(file), lines),
        }))
    }

    fn formatting(&mut self, p: DocumentFormattingParams) -> Answer {
        let key = convert::uri_key(&p.text_document.uri);
        let Some(doc) = self.world.docs.get(&key) else {
            return Ok(Value::Null);
        };
        let Some(formatted) = pmf::fmt::format(&doc.text) else {
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
        let Some(lines) = a.lines(file) else {
            return Ok(Value::Null);
        };
        let text = a.text(file);
        let range = lines.offset(text, p.range.start)..lines.offset(text, p.range.end);
        let mut out: Vec<CodeActionOrCommand> = Vec::new();
        for fix in actions::fixes(&a, file, range) {
            let diag = a
                .comp
                .diagnostics
                .get(fix.diagnostic)
                .map(|d| convert::diagnostic(d, a.as_ref()));
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diag.map(|d| vec![d]),
                edit: Some(workspace_edit(&a, &self.world, fix.edits)),
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
        let lines = LineIndex::new(&doc.text);
        json(outline::folding_ranges(&doc.text, &lines))
    }

    fn inlay_hints(&mut self, p: InlayHintParams) -> Answer {
        let Some(Current(a, _, _, file)) = self.analysis(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let Some(lines) = a.lines(file) else {
            return Ok(Value::Null);
        };
        let text = a.text(file);
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

/// What a rename at a symbol renames, or why it cannot.
fn rename_target(a: &Analysis, hit: &query::Hit) -> Result<query::Target, (ErrorCode, String)> {
    let target = rename::rename_target(a, &hit.target);
    if hit.is_def && target != hit.target {
        // An item's letter in its breakdown: there is no code under the cursor to edit.
        return Err((
            ErrorCode::RequestFailed,
            format!(
                "this is the letter of {}; rename {} where it is declared or used",
                hit.target.name, target.name
            ),
        ));
    }
    rename::check_renameable(a, &target).map_err(|e| (ErrorCode::RequestFailed, e))?;
    Ok(target)
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

/// Where the `was` lines of a compilation name a code.
fn was_locations(a: &Analysis, code: &str) -> Vec<Location> {
    editions::was_refs(a)
        .into_iter()
        .filter(|w| w.code == code)
        .filter_map(|w| a.location(w.loc.file, &w.loc.span))
        .collect()
}

/// A hover on a code that this edition no longer has (in a text, say): a retired code's
/// card, or the previous edition's card of a code and what became of it.
fn old_code_hover(at: &At) -> Option<Hover> {
    let text = at.a.text(at.file);
    let (span, word) = query::word_at(text, at.offset)?;
    let word = word.trim_end_matches('.');
    let span = span.start..span.start + word.len();
    let a = [Some(at.a.as_ref()), at.last_good.as_deref()]
        .into_iter()
        .flatten()
        .find(|a| a.ir().is_some())?;
    let ir = a.ir()?;
    let known = |ir: &pmf::ir::Ir| {
        ir.metric(pmf::model::metric_of_item(word))
            .is_some_and(|m| m.code == word || m.items.iter().any(|i| i.code == word))
    };
    let card = match editions::retired_card(word, ir) {
        Some(c) => c,
        None if !known(ir) => {
            let prev = editions::previous_ir(a).filter(|p| known(p))?;
            editions::previous_card(word, prev, Some(ir))?
        }
        None => return None,
    };
    Some(markdown_hover(card, Some(at.a.range(at.file, &span))))
}

/// A hover on a field or item keyword: its documentation.
fn keyword_hover(at: &At) -> Option<Hover> {
    let text = at.a.text(at.file);
    let (span, word) = query::word_at(text, at.offset)?;
    let cx = completion::context(text, span.start);
    if !cx.before.is_empty() || cx.in_text || cx.in_comment {
        return None;
    }
    let enclosing: Vec<&str> = cx.enclosing.iter().map(String::as_str).collect();
    let doc = if enclosing.is_empty() {
        crate::schema::item_kind(word).map(|k| format!("**{}** · item\n\n{}", k.keyword, k.doc))
    } else {
        crate::schema::field(&enclosing, word)
            .map(|f| format!("**{}** · field\n\n{}", f.name, f.doc))
    }?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: doc,
        }),
        range: Some(at.a.range(at.file, &span)),
    })
}

/// Edits as a workspace edit, one document edit per file, versioned when the file is open.
fn workspace_edit(
    a: &Analysis,
    world: &World,
    edits: Vec<(pmf::model::Loc, String)>,
) -> WorkspaceEdit {
    let mut by_file: BTreeMap<u32, Vec<TextEdit>> = BTreeMap::new();
    for (loc, text) in edits {
        by_file
            .entry(loc.file.0)
            .or_default()
            .push(TextEdit::new(a.range(loc.file, &loc.span), text));
    }
    let mut changes = Vec::new();
    for (f, edits) in by_file {
        let file = FileId(f);
        let (Some(uri), Some(key)) = (a.uri(file), a.key(file)) else {
            continue;
        };
        changes.push(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri,
                version: world.version(key),
            },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        });
    }
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
