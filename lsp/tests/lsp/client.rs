//! An in-process client: runs the server on a thread over an in-memory connection and speaks
//! the protocol to it, as an editor would.

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::*;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any answer may take before the server is taken to have stalled.
pub const STALL: Duration = Duration::from_secs(60);

pub struct Client {
    conn: Connection,
    thread: Option<JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pub inbox: Vec<Notification>,
    versions: std::collections::BTreeMap<String, i32>,
}

pub fn uri(path: &Path) -> Uri {
    pmf_lsp::convert::path_to_uri(path).expect("an absolute path")
}

impl Client {
    /// Starts a server with `root` as its workspace folder and completes the handshake.
    pub fn start(root: Option<&Path>) -> Client {
        let (server, conn) = Connection::memory();
        let thread = std::thread::spawn(move || pmf_lsp::run(&server));
        let mut c = Client {
            conn,
            thread: Some(thread),
            next_id: 0,
            inbox: Vec::new(),
            versions: Default::default(),
        };
        let caps: ClientCapabilities = serde_json::from_value(serde_json::json!({
            "textDocument": { "completion": { "completionItem": { "snippetSupport": false } } }
        }))
        .expect("capabilities");
        let params = InitializeParams {
            capabilities: caps,
            workspace_folders: root.map(|r| {
                vec![WorkspaceFolder {
                    uri: uri(r),
                    name: "ws".into(),
                }]
            }),
            ..InitializeParams::default()
        };
        let _: InitializeResult = c
            .request::<request::Initialize>(params)
            .expect("initialize answers");
        c.notify::<notification::Initialized>(InitializedParams {});
        c
    }

    pub fn notify<N: notification::Notification>(&mut self, params: N::Params) {
        self.conn
            .sender
            .send(Notification::new(N::METHOD.into(), params).into())
            .expect("the server is running");
    }

    /// Sends a request and waits for its answer (an error answer is returned as `Err`).
    pub fn request<R: request::Request>(
        &mut self,
        params: R::Params,
    ) -> Result<R::Result, lsp_server::ResponseError> {
        let v = self.request_raw(R::METHOD, serde_json::to_value(params).expect("params"))?;
        Ok(serde_json::from_value(v).expect("the answer has the protocol's shape"))
    }

    pub fn request_raw(
        &mut self,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, lsp_server::ResponseError> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .expect("the server is running");
        let deadline = Instant::now() + STALL;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Response(Response {
                    id: rid,
                    response_result,
                })) if rid == id => {
                    if let Err(e) = response_result {
                        assert_ne!(
                            e.code,
                            lsp_server::ErrorCode::InternalError as i32,
                            "{method} failed inside the server: {}",
                            e.message
                        );
                        return Err(e);
                    }
                    return Ok(response_result.unwrap_or(serde_json::Value::Null));
                }
                Ok(Message::Notification(n)) => self.inbox.push(n),
                Ok(Message::Request(r)) => {
                    // Registration requests: accept them.
                    let _ = self
                        .conn
                        .sender
                        .send(Response::new_ok(r.id, serde_json::Value::Null).into());
                }
                Ok(Message::Response(_)) => {}
                Err(e) => panic!("{method}: no answer within {STALL:?} ({e})"),
            }
        }
    }

    pub fn open(&mut self, u: &Uri, text: &str) {
        self.versions.insert(u.as_str().to_string(), 1);
        self.notify::<notification::DidOpenTextDocument>(DidOpenTextDocumentParams {
            text_document: TextDocumentItem {
                uri: u.clone(),
                language_id: "pmf".into(),
                version: 1,
                text: text.into(),
            },
        });
    }

    /// Sends one edit (a range and its new text, or the whole text); returns the new version.
    pub fn change(&mut self, u: &Uri, range: Option<Range>, text: &str) -> i32 {
        let v = self.versions.entry(u.as_str().to_string()).or_insert(1);
        *v += 1;
        let version = *v;
        self.notify::<notification::DidChangeTextDocument>(DidChangeTextDocumentParams {
            text_document: VersionedTextDocumentIdentifier {
                uri: u.clone(),
                version,
            },
            content_changes: vec![TextDocumentContentChangeEvent {
                range,
                range_length: None,
                text: text.into(),
            }],
        });
        version
    }

    /// Waits for diagnostics of a document (of at least `version` when given).
    pub fn diagnostics(&mut self, u: &Uri, version: Option<i32>) -> Vec<Diagnostic> {
        let matches = |n: &Notification| -> Option<Vec<Diagnostic>> {
            if n.method != notification::PublishDiagnostics::METHOD {
                return None;
            }
            let p: PublishDiagnosticsParams =
                serde_json::from_value(n.params.clone()).expect("diagnostics params");
            let fresh = match (version, p.version) {
                (Some(want), Some(got)) => got >= want,
                (Some(_), None) => false,
                (None, _) => true,
            };
            (p.uri == *u && fresh).then_some(p.diagnostics)
        };
        if let Some(i) = self.inbox.iter().rposition(|n| matches(n).is_some()) {
            let n = self.inbox.remove(i);
            return matches(&n).unwrap_or_default();
        }
        let deadline = Instant::now() + STALL;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Notification(n)) => {
                    if let Some(d) = matches(&n) {
                        return d;
                    }
                    self.inbox.push(n);
                }
                Ok(Message::Request(r)) => {
                    let _ = self
                        .conn
                        .sender
                        .send(Response::new_ok(r.id, serde_json::Value::Null).into());
                }
                Ok(Message::Response(_)) => {}
                Err(e) => panic!("no diagnostics for {} within {STALL:?} ({e})", u.as_str()),
            }
        }
    }

    /// Shuts the server down and checks that it ended cleanly.
    pub fn shutdown(mut self) {
        let _: () = self
            .request::<request::Shutdown>(())
            .expect("shutdown answers");
        self.notify::<notification::Exit>(());
        if let Some(t) = self.thread.take() {
            t.join()
                .expect("the server thread did not panic")
                .expect("the server ended without error");
        }
    }
}
