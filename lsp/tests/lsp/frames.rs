//! Hostile frames against the `pmf-lsp` binary over its standard input: every frame that is not
//! a message gets a JSON-RPC error, the server carries on, and it ends as the protocol says
//! (0 after `shutdown`, 1 without), at `exit` and at the end of its input.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Receiver<Value>,
}

fn frame(v: &Value) -> Vec<u8> {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

impl Session {
    fn start() -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pmf-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("pmf-lsp starts");
        let stdout = child.stdout.take().expect("its output");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut frames = pmf_lsp::transport::FrameReader::new(stdout);
            while let Ok(Some(f)) = frames.frame() {
                let v = match f {
                    pmf_lsp::transport::Frame::Body(b) => {
                        serde_json::from_slice(&b).expect("the server writes JSON")
                    }
                    other => panic!("the server wrote a bad frame: {other:?}"),
                };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Session {
            child,
            stdin,
            out: rx,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("the input is open");
        stdin.write_all(bytes).expect("the server reads");
        stdin.flush().expect("flushed");
    }

    fn message(&mut self, v: Value) {
        self.send(&frame(&v));
    }

    /// The next message the server writes that is not a notification.
    fn answer(&mut self) -> Value {
        loop {
            let v = self.out.recv_timeout(WAIT).expect("the server answers");
            if v.get("id").is_some() {
                return v;
            }
        }
    }

    fn initialize(&mut self) {
        self.message(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}));
        let a = self.answer();
        assert_eq!(a["id"], 1, "{a}");
        assert!(a["result"]["capabilities"].is_object(), "{a}");
        self.message(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    }

    fn close_input(&mut self) {
        self.stdin = None;
    }

    fn exit_code(mut self) -> Option<i32> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("the server runs") {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("pmf-lsp did not end within {WAIT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a request the server can answer, and returns every answer up to its own.
    fn answers_until(&mut self, id: i64) -> Vec<Value> {
        self.message(json!({"jsonrpc": "2.0", "id": id, "method": "workspace/symbol", "params": {"query": "x"}}));
        let mut out = Vec::new();
        loop {
            let a = self.answer();
            let done = a["id"] == id;
            out.push(a);
            if done {
                return out;
            }
        }
    }

    /// A request the server can answer: it is still serving.
    fn still_serves(&mut self, id: i64) {
        self.message(json!({"jsonrpc": "2.0", "id": id, "method": "workspace/symbol", "params": {"query": "x"}}));
        let a = self.answer();
        assert_eq!(a["id"], id, "{a}");
        assert!(a["result"].is_array(), "{a}");
    }
}

fn error_of(a: &Value) -> (Value, i64) {
    (
        a["id"].clone(),
        a["error"]["code"]
            .as_i64()
            .unwrap_or_else(|| panic!("an error: {a}")),
    )
}

#[test]
fn every_bad_frame_is_answered_and_the_server_carries_on() {
    let mut s = Session::start();
    // Before `initialize`: an error, not an end.
    s.message(json!({"jsonrpc": "2.0", "id": 0, "method": "textDocument/hover", "params": {}}));
    assert_eq!(error_of(&s.answer()), (json!(0), -32002));
    s.initialize();
    let cases: Vec<(&str, Vec<u8>, Value, i64)> = vec![
        (
            "malformed JSON",
            b"Content-Length: 9\r\n\r\n{\"id\": 1,".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "a header that is not Name: value",
            b"Content-Length 2\r\n\r\n{}".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "a length that is not a number",
            b"Content-Length: 1e12\r\n\r\n{}".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "no Content-Length",
            b"Content-Type: application/json\r\n\r\n{}".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "bytes that are no header",
            b"hello, server".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "invalid UTF-8",
            b"Content-Length: 4\r\n\r\n\"\xff\xfe\"".to_vec(),
            Value::Null,
            -32700,
        ),
        (
            "a batch",
            frame(&json!([{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}])),
            Value::Null,
            -32600,
        ),
        ("not an object", frame(&json!(42)), Value::Null, -32600),
        (
            "an id of 2^62",
            frame(
                &json!({"jsonrpc": "2.0", "id": 4611686018427387904u64, "method": "textDocument/hover", "params": {}}),
            ),
            json!(4611686018427387904u64),
            -32600,
        ),
        (
            "a method that is not a string",
            frame(&json!({"jsonrpc": "2.0", "id": 7, "method": 7})),
            json!(7),
            -32600,
        ),
        (
            "params of the wrong shape",
            frame(&json!({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": 3})),
            json!(8),
            -32602,
        ),
        (
            "a second initialize",
            frame(&json!({"jsonrpc": "2.0", "id": 9, "method": "initialize", "params": {}})),
            json!(9),
            -32600,
        ),
    ];
    for (i, (what, bytes, id, code)) in cases.into_iter().enumerate() {
        s.send(&bytes);
        // A frame without a length is only known to be over when the next one starts: a
        // request after it shows the server read on, and the error comes before its answer.
        let next = 100 + i as i64;
        let answers = s.answers_until(next);
        let [a, last] = answers.as_slice() else {
            panic!("{what}: one error and the next answer, not {answers:?}");
        };
        assert!(last["result"].is_array(), "{what}: {last}");
        assert_eq!(error_of(a), (id, code), "{what}: {a}");
        assert!(
            a["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{what}"
        );
    }
    s.still_serves(200);
    s.message(json!({"jsonrpc": "2.0", "id": 201, "method": "shutdown"}));
    assert_eq!(s.answer()["id"], 201);
    // After shutdown a request is an error; `exit` ends with 0.
    s.message(
        json!({"jsonrpc": "2.0", "id": 202, "method": "workspace/symbol", "params": {"query": ""}}),
    );
    assert_eq!(error_of(&s.answer()), (json!(202), -32600));
    s.message(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_code(), Some(0));
}

#[test]
fn a_message_over_the_cap_is_refused_without_reading_it_into_memory() {
    let mut s = Session::start();
    s.initialize();
    // The answer comes at once; the body is then read past as it arrives.
    s.send(b"Content-Length: 18446744073709551615\r\n\r\n");
    let (id, code) = error_of(&s.answer());
    assert_eq!((id, code), (Value::Null, -32600));
    s.send(&vec![b' '; 1024 * 1024]);
    s.close_input();
    // The input ended inside that message, without shutdown: 1.
    assert_eq!(s.exit_code(), Some(1));

    // A body of the cap and one more byte, sent whole: refused, and the next message served.
    let mut s = Session::start();
    s.initialize();
    let n = pmf_lsp::transport::MAX_MESSAGE + 1;
    let mut big = format!("Content-Length: {n}\r\n\r\n").into_bytes();
    big.resize(big.len() + n, b' ');
    s.send(&big);
    assert_eq!(error_of(&s.answer()), (Value::Null, -32600));
    s.still_serves(2);
    s.message(json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}));
    assert_eq!(s.answer()["id"], 3);
    s.close_input();
    // The end of the input after shutdown: 0.
    assert_eq!(s.exit_code(), Some(0));
}

#[test]
fn the_server_ends_as_the_protocol_says() {
    // exit without shutdown: 1.
    let mut s = Session::start();
    s.initialize();
    s.message(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_code(), Some(1));
    // The end of the input before anything: 1.
    let mut s = Session::start();
    s.close_input();
    assert_eq!(s.exit_code(), Some(1));
    // exit before initialize: 1, at once.
    let mut s = Session::start();
    s.message(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_code(), Some(1));
}

#[test]
fn shutdown_without_exit_ends_after_the_grace_period() {
    let (server, client) = lsp_server::Connection::memory();
    let t = std::thread::spawn(move || {
        pmf_lsp::serve(
            &server,
            pmf_lsp::Options {
                exit_grace: Duration::from_millis(200),
            },
        )
    });
    let send = |v: Value| {
        client
            .sender
            .send(serde_json::from_value(v).expect("a message"))
            .expect("sent")
    };
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let started = Instant::now();
    // The client keeps the connection open and never says exit.
    let ended = t.join().expect("the server thread");
    assert_eq!(ended, pmf_lsp::Ended::NoExit);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(ended.exit_code(), 0);
    drop(client);
}
