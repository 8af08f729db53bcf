//! The stdio transport: reading frames (`Content-Length: N`, a blank line, N bytes of JSON) and
//! writing them, in place of lsp-server's, which ends the server on the first frame it cannot
//! read and allocates whatever a `Content-Length` claims.
//!
//! What arrives is checked before the server sees it, and what cannot be a message is answered
//! here with a JSON-RPC error (its id `null` when none can be read):
//! - a header that is not `Name: value`, a missing or non-numeric `Content-Length`, or bytes
//!   that are not a header at all: a parse error (-32700), then the reading skips to the next
//!   `Content-Length`;
//! - a body over `MAX_MESSAGE` bytes: an invalid request (-32600); the body is read past in
//!   small pieces, never held;
//! - a body that is not UTF-8 or not JSON: a parse error (-32700);
//! - JSON that is not a message (an array, an object with neither a method nor a result), or
//!   a request whose id is neither a string nor a 32-bit integer (as the protocol requires):
//!   an invalid request (-32600), with the id when there is one.
//!
//! Memory is bounded: one frame of at most `MAX_MESSAGE` bytes is read at a time, and at most
//! `QUEUE` messages wait for the server (and `QUEUE` for the client), so a client that sends
//! faster than the server answers is made to wait.

use lsp_server::{Connection, ErrorCode, Message};
use serde_json::Value;
use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

/// The largest message read: 64 MiB, four times the largest file the compiler reads (16 MB),
/// with room for the escapes of JSON.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;
/// The longest header line read; headers are `Content-Length` and `Content-Type`.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// The most header lines in one frame.
const MAX_HEADERS: usize = 32;
/// Messages waiting in each direction.
pub const QUEUE: usize = 16;

/// One frame of the input.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A message's bytes.
    Body(Vec<u8>),
    /// Bytes that are not a frame, and what was wrong; the reading is in step again after.
    Bad(String),
    /// A frame whose body is larger than `MAX_MESSAGE` bytes (it was read past).
    TooLarge(u64),
}

/// Reads frames from bytes, with its own buffer so that it can look ahead for the next header.
pub struct FrameReader<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// Bytes of a refused message still to read past.
    to_skip: u64,
}

impl<R: Read> FrameReader<R> {
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader {
            inner,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            to_skip: 0,
        }
    }

    fn pending(&self) -> &[u8] {
        self.buf.get(self.pos..).unwrap_or_default()
    }

    /// Reads more into the buffer; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut chunk = [0u8; 64 * 1024];
        loop {
            match self.inner.read(&mut chunk) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.buf
                        .extend_from_slice(chunk.get(..n).unwrap_or_default());
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }

    /// One line without its line break, or `None` at the end of the input. A line longer than
    /// `MAX_HEADER_LINE` is read past and returned cut, with `true`.
    fn line(&mut self) -> io::Result<Option<(Vec<u8>, bool)>> {
        loop {
            if let Some(i) = self.pending().iter().position(|&b| b == b'\n') {
                let mut line = self.pending().get(..i).unwrap_or_default().to_vec();
                self.consume(i + 1);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some((line, false)));
            }
            if self.pending().len() > MAX_HEADER_LINE {
                let line = self.pending().get(..64).unwrap_or_default().to_vec();
                // Read past the rest of the line.
                loop {
                    if let Some(i) = self.pending().iter().position(|&b| b == b'\n') {
                        self.consume(i + 1);
                        return Ok(Some((line, true)));
                    }
                    self.consume(self.pending().len());
                    if !self.fill()? {
                        return Ok(Some((line, true)));
                    }
                }
            }
            if !self.fill()? {
                if self.pending().is_empty() {
                    return Ok(None);
                }
                let line = self.pending().to_vec();
                self.consume(line.len());
                return Ok(Some((line, false)));
            }
        }
    }

    /// Skips to the next `Content-Length` (in any case), leaving it to be read; false when the
    /// input ends first.
    fn resync(&mut self) -> io::Result<bool> {
        const KEY: &[u8] = b"content-length";
        loop {
            let p = self.pending();
            if let Some(i) = p
                .windows(KEY.len())
                .position(|w| w.eq_ignore_ascii_case(KEY))
            {
                self.consume(i);
                return Ok(true);
            }
            // Keep what could be the start of the key.
            let keep = p.len().min(KEY.len() - 1);
            self.consume(p.len() - keep);
            if !self.fill()? {
                self.consume(self.pending().len());
                return Ok(false);
            }
        }
    }

    /// Reads exactly `n` bytes, or fewer at the end of the input.
    fn body(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1024 * 1024));
        while out.len() < n {
            if self.pending().is_empty() && !self.fill()? {
                break;
            }
            let take = (n - out.len()).min(self.pending().len());
            out.extend_from_slice(self.pending().get(..take).unwrap_or_default());
            self.consume(take);
        }
        Ok(out)
    }

    /// Reads past `n` bytes without keeping them.
    fn skip(&mut self, mut n: u64) -> io::Result<()> {
        while n > 0 {
            if self.pending().is_empty() && !self.fill()? {
                return Ok(());
            }
            let take = n.min(self.pending().len() as u64) as usize;
            self.consume(take);
            n -= take as u64;
        }
        Ok(())
    }

    /// The next frame, or `None` at the end of the input. A message over `MAX_MESSAGE` is
    /// reported as soon as its header is read (so it can be answered at once), and read past
    /// when the next frame is asked for.
    pub fn frame(&mut self) -> io::Result<Option<Frame>> {
        let skip = std::mem::take(&mut self.to_skip);
        self.skip(skip)?;
        // Blank lines between frames are allowed.
        loop {
            if self.pending().is_empty() && !self.fill()? {
                return Ok(None);
            }
            let p = self.pending();
            let blank = p.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if blank < p.len() {
                self.consume(blank);
                break;
            }
            self.consume(blank);
        }
        // A frame starts with its headers, `Content-Length` or `Content-Type`.
        while self.pending().len() < 8 && self.fill()? {}
        let start = self.pending().get(..8).unwrap_or(self.pending());
        if !b"content-"
            .get(..start.len())
            .is_some_and(|k| start.eq_ignore_ascii_case(k))
        {
            self.resync()?;
            return Ok(Some(Frame::Bad(
                "the input has bytes that are not a message's header (a message starts with Content-Length: N, a blank line, then N bytes of JSON)".into(),
            )));
        }
        let mut length: Option<Result<u64, String>> = None;
        let mut bad: Option<String> = None;
        let mut lines = 0;
        loop {
            let Some((line, too_long)) = self.line()? else {
                return Ok(None);
            };
            if line.is_empty() {
                break;
            }
            lines += 1;
            if lines > MAX_HEADERS {
                bad.get_or_insert_with(|| {
                    format!("a message has more than {MAX_HEADERS} header lines")
                });
                continue;
            }
            let text = String::from_utf8_lossy(&line);
            if too_long {
                bad.get_or_insert_with(|| {
                    format!("a header line is longer than {MAX_HEADER_LINE} bytes")
                });
                continue;
            }
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    let value = value.trim();
                    length = Some(match value.parse::<u64>() {
                        Ok(n) => Ok(n),
                        Err(_) => Err(value.chars().take(40).collect()),
                    });
                }
                // Content-Type, and headers the protocol may add later.
                Some(_) => {}
                None => {
                    bad.get_or_insert_with(|| {
                        format!(
                            "the header line {:?} is not `Name: value`",
                            text.chars().take(40).collect::<String>()
                        )
                    });
                }
            }
        }
        let n = match (length, bad) {
            (_, Some(why)) => {
                self.resync()?;
                return Ok(Some(Frame::Bad(why)));
            }
            (None, None) => {
                self.resync()?;
                return Ok(Some(Frame::Bad(
                    "a message has no Content-Length header".into(),
                )));
            }
            (Some(Err(v)), None) => {
                self.resync()?;
                return Ok(Some(Frame::Bad(format!(
                    "the Content-Length {v:?} is not a number of bytes"
                ))));
            }
            (Some(Ok(n)), None) => n,
        };
        if n > MAX_MESSAGE as u64 {
            self.to_skip = n;
            return Ok(Some(Frame::TooLarge(n)));
        }
        let body = self.body(n as usize)?;
        if (body.len() as u64) < n {
            // The input ended inside the message: the client has gone.
            return Ok(None);
        }
        Ok(Some(Frame::Body(body)))
    }
}

/// What a frame's body is for the server.
#[derive(Debug)]
pub enum Incoming {
    /// A message to hand to the server.
    Message(Message),
    /// Not a message: the error to answer with.
    Reply(Value),
    /// A response that is not one to anything the server asked (it is never answered).
    Ignored(String),
}

/// A JSON-RPC error response.
pub fn error_reply(id: Value, code: ErrorCode, message: String) -> Value {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
}

/// Whether an id is one the protocol allows: a string, or an integer of 32 bits.
fn valid_id(id: &Value) -> bool {
    match id {
        Value::String(_) => true,
        Value::Number(n) => n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()),
        _ => false,
    }
}

/// An id to answer with: the id itself when it is a string or an integer, else `null`.
fn echo(id: Option<&Value>) -> Value {
    match id {
        Some(Value::String(s)) => Value::String(s.clone()),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Value::Number(n.clone()),
        _ => Value::Null,
    }
}

/// Reads a frame's body as a message, or says what to answer.
pub fn classify(body: &[u8]) -> Incoming {
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            return Incoming::Reply(error_reply(
                Value::Null,
                ErrorCode::ParseError,
                format!(
                    "the message is not UTF-8 text (from byte {} of its body)",
                    e.valid_up_to()
                ),
            ))
        }
    };
    let v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Reply(error_reply(
                Value::Null,
                ErrorCode::ParseError,
                format!("the message is not JSON: {e}"),
            ))
        }
    };
    let invalid = |id: Value, why: &str| {
        Incoming::Reply(error_reply(id, ErrorCode::InvalidRequest, why.to_string()))
    };
    let Value::Object(o) = &v else {
        return match v {
            Value::Array(_) => invalid(
                Value::Null,
                "a batch (a JSON array of messages) is not part of the language server protocol; send each message on its own",
            ),
            _ => invalid(Value::Null, "a message is a JSON object"),
        };
    };
    enum Kind {
        BadId(Value, String),
        Message(Value),
        BadMethod(Value),
        Response,
        Neither(Value),
    }
    let id = o.get("id");
    let is_response = o.contains_key("result") || o.contains_key("error");
    let kind = match (o.get("method"), id) {
        (Some(Value::String(_)), Some(id)) if !valid_id(id) => Kind::BadId(
            echo(Some(id)),
            id.to_string().chars().take(40).collect::<String>(),
        ),
        (Some(Value::String(_)), _) => Kind::Message(echo(id)),
        (Some(_), _) => Kind::BadMethod(echo(id)),
        (None, Some(_)) if is_response => Kind::Response,
        (None, _) => Kind::Neither(echo(id)),
    };
    match kind {
        Kind::BadId(id, shown) => invalid(
            id,
            &format!(
                "the id {shown} is not a string or an integer of 32 bits (-2147483648 to 2147483647), as the protocol requires"
            ),
        ),
        Kind::Message(id) => match serde_json::from_value::<Message>(v) {
            Ok(m) => Incoming::Message(m),
            Err(e) => invalid(
                id,
                &format!("the message is not a request or a notification: {e}"),
            ),
        },
        Kind::BadMethod(id) => invalid(id, "the method of a message is a string"),
        Kind::Response => match serde_json::from_value::<Message>(v) {
            Ok(m) => Incoming::Message(m),
            Err(e) => Incoming::Ignored(format!("a response that cannot be read: {e}")),
        },
        Kind::Neither(id) => invalid(
            id,
            "a message has a method (a request or a notification) or a result or an error (a response)",
        ),
    }
}

/// Writes one frame.
pub fn write_frame(w: &mut impl Write, json: &str) -> io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n", json.len())?;
    w.write_all(json.as_bytes())?;
    w.flush()
}

/// The threads of a transport.
pub struct Transport {
    writer: std::thread::JoinHandle<()>,
    reader: std::thread::JoinHandle<()>,
}

impl Transport {
    /// Waits until every message the server sent is written (call after the server's
    /// connection is dropped).
    pub fn finish_writing(self) -> std::thread::JoinHandle<()> {
        let _ = self.writer.join();
        self.reader
    }
}

/// A connection over a byte stream in each direction, read and written on threads of their
/// own. The reader ends at the end of the input, on `exit`, or when the server has gone.
pub fn connect<R, W>(input: R, output: W) -> (Connection, Transport)
where
    R: Read + Send + 'static,
    W: Write + Send + 'static,
{
    let (to_server, from_client) = crossbeam_channel::bounded::<Message>(QUEUE);
    let (to_client, from_server) = crossbeam_channel::bounded::<Message>(QUEUE);
    let out = Arc::new(Mutex::new(output));
    let out_w = Arc::clone(&out);
    let writer = std::thread::spawn(move || {
        for m in from_server {
            let Ok(mut w) = out_w.lock() else { return };
            if m.write(&mut *w).is_err() {
                // The client has gone; keep taking messages so the server is not blocked.
                continue;
            }
        }
    });
    let reader = std::thread::spawn(move || {
        let mut frames = FrameReader::new(input);
        let reply = |v: &Value| {
            if let Ok(mut w) = out.lock() {
                let _ = write_frame(&mut *w, &v.to_string());
            }
        };
        loop {
            let frame = match frames.frame() {
                Ok(Some(f)) => f,
                Ok(None) => return,
                Err(e) => {
                    eprintln!("pmf-lsp: cannot read the input: {e}");
                    return;
                }
            };
            let incoming = match frame {
                Frame::Body(b) => classify(&b),
                Frame::Bad(why) => Incoming::Reply(error_reply(
                    Value::Null,
                    ErrorCode::ParseError,
                    why,
                )),
                Frame::TooLarge(n) => Incoming::Reply(error_reply(
                    Value::Null,
                    ErrorCode::InvalidRequest,
                    format!(
                        "the message is {n} bytes; pmf-lsp reads messages of at most {MAX_MESSAGE} bytes (64 MiB)"
                    ),
                )),
            };
            match incoming {
                Incoming::Message(m) => {
                    let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                    if to_server.send(m).is_err() || exit {
                        return;
                    }
                }
                Incoming::Reply(v) => {
                    let what = v
                        .pointer("/error/message")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    eprintln!("pmf-lsp: {what}");
                    reply(&v);
                }
                Incoming::Ignored(why) => eprintln!("pmf-lsp: ignored {why}"),
            }
        }
    });
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Transport { writer, reader },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = FrameReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = r.frame().expect("reads") {
            out.push(f);
        }
        out
    }

    #[test]
    fn frames_are_read_and_bad_ones_skipped() {
        let got = frames(
            b"Content-Length: 2\r\n\r\n{}garbage{Content-Length: 2\r\n\r\n[]Content-Length: 1e12\r\n\r\n{}\
              Content-Length: 3\r\n\r\nabc",
        );
        assert_eq!(
            got,
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::Bad("the input has bytes that are not a message's header (a message starts with Content-Length: N, a blank line, then N bytes of JSON)".into()),
                Frame::Body(b"[]".to_vec()),
                Frame::Bad("the Content-Length \"1e12\" is not a number of bytes".into()),
                Frame::Body(b"abc".to_vec()),
            ]
        );
        assert_eq!(
            frames(b"Content-Length: 18446744073709551615\r\n\r\nxyz"),
            vec![Frame::TooLarge(u64::MAX)]
        );
        assert_eq!(
            frames(b"Content-Type: x\r\n\r\n{}Content-Length: 2\n\n{}"),
            vec![
                Frame::Bad("a message has no Content-Length header".into()),
                Frame::Body(b"{}".to_vec())
            ]
        );
        // Cut short: the client has gone.
        assert_eq!(frames(b"Content-Length: 10\r\n\r\n{}"), vec![]);
        let long = format!("Content-Type: {}\r\n\r\n", "x".repeat(100_000));
        assert!(matches!(
            frames(long.as_bytes()).as_slice(),
            [Frame::Bad(_)]
        ));
    }

    #[test]
    fn bodies_that_are_not_messages_are_answered() {
        let reply = |b: &[u8]| match classify(b) {
            Incoming::Reply(v) => (
                v.get("id").cloned().unwrap_or_default(),
                v.pointer("/error/code").and_then(Value::as_i64),
            ),
            other => panic!("{other:?}"),
        };
        assert_eq!(reply(b"{\"x\":"), (Value::Null, Some(-32700)));
        assert_eq!(reply(b"\xff\xfe"), (Value::Null, Some(-32700)));
        assert_eq!(reply(b"[1]"), (Value::Null, Some(-32600)));
        assert_eq!(
            reply(br#"{"jsonrpc":"2.0","id":4611686018427387904,"method":"shutdown"}"#),
            (serde_json::json!(4611686018427387904u64), Some(-32600))
        );
        assert_eq!(
            reply(br#"{"id":1.5,"method":"x"}"#),
            (Value::Null, Some(-32600))
        );
        assert_eq!(
            reply(br#"{"id":"a"}"#),
            (serde_json::json!("a"), Some(-32600))
        );
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#),
            Incoming::Message(Message::Request(_))
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","method":"exit"}"#),
            Incoming::Message(Message::Notification(_))
        ));
    }
}
