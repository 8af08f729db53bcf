//! End-to-end latency of the language server, measured as an editor sees it: the release
//! binary is started, spoken to over its stdin and stdout, and timed from the moment a message
//! is written to the moment its answer is read.
//!
//! `cargo bench -p pmf-lsp` prints, for the shipped framework: an edit to the diagnostics
//! published for it (median and 95th percentile), hover and definition; for the synthetic spec
//! 100 times its size (compiler/benches/make_synthetic.py): an edit to diagnostics, and the
//! first hover after it (which builds the IR) and the next ones; for the
//! framework's revision beside the shipped edition (compiler/benches/make_revision.py): an
//! edit to diagnostics of the revision (checked against the edition it supersedes), hover
//! with history and definition across editions; and the peak memory of the server process
//! (VmHWM) in each case. Figures go into BENCHMARKS.md. `PMF_LSP_BENCH_QUICK=1` measures the
//! framework and its revision only.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().ok()?;
        }
    }
    let mut buf = vec![0; len];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pmf-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("pmf-lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut s = Server {
            child,
            stdin,
            rx,
            next_id: 0,
        };
        let root_uri = uri(root);
        s.request(
            "initialize",
            json!({ "capabilities": {}, "rootUri": root_uri, "workspaceFolders": [{ "uri": root_uri, "name": "ws" }] }),
        );
        s.notify("initialized", json!({}));
        s
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self
                .rx
                .recv_timeout(Duration::from_secs(600))
                .expect("an answer");
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return m.get("result").cloned().unwrap_or(Value::Null);
            }
            if m.get("method").is_some() && m.get("id").is_some() {
                // A request from the server (watcher registration): accept it.
                let rid = m["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": rid, "result": null }));
            }
        }
    }

    /// Waits for diagnostics of `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        loop {
            let m = self
                .rx
                .recv_timeout(Duration::from_secs(600))
                .expect("diagnostics");
            if m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"]
                    .as_i64()
                    .is_some_and(|v| v >= version)
            {
                return m["params"]["diagnostics"].clone();
            }
        }
    }

    fn peak_memory_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

fn uri(p: &Path) -> String {
    url::Url::from_file_path(p).expect("absolute").to_string()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the workspace")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{name:<48} n={:<4} median {:>8.2} ms   p95 {:>8.2} ms   max {:>8.2} ms",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        percentile(&times, 0.95).as_secs_f64() * 1000.0,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1000.0
    );
}

/// Position (line, UTF-16 column) of a byte offset.
fn pos(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = text[start..offset].encode_utf16().count();
    json!({ "line": line, "character": col })
}

/// Types and erases characters in the wording of `edit_file`, timing each
/// edit to its diagnostics; returns the times.
fn edits(s: &mut Server, edit_path: &Path, text: &str, n: usize) -> Vec<Duration> {
    let u = uri(edit_path);
    let anchor = text.find("wording \"").expect("a wording") + "wording \"".len();
    let mut times = Vec::new();
    for i in 0..n {
        let version = 2 + i as i64;
        let p = pos(text, anchor);
        let change = if i % 2 == 0 {
            json!({ "range": { "start": p, "end": p }, "text": "x" })
        } else {
            let p1 =
                json!({ "line": p["line"], "character": p["character"].as_u64().unwrap_or(0) + 1 });
            json!({ "range": { "start": p, "end": p1 }, "text": "" })
        };
        let t = Instant::now();
        s.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": u, "version": version }, "contentChanges": [change] }),
        );
        let _ = s.diagnostics(&u, version);
        times.push(t.elapsed());
    }
    times
}

fn spec_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for p in pmf_project::pmf_files_under(dir) {
        let p = p.canonicalize().expect("a file");
        let t = std::fs::read_to_string(&p).expect("a spec file");
        files.push((p, t));
    }
    files
}

fn main() {
    // `cargo bench` passes --bench; a plain `cargo test` run of benches passes nothing useful.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let root = root();
    println!("pmf-lsp end to end (release binary over stdio)\n");

    // The shipped framework.
    let spec = root.join("spec/2019-consultation");
    let mut s = Server::start(&root);
    let files = spec_files(&spec);
    let (adults, text) = files
        .iter()
        .find(|(p, _)| p.ends_with("children.pmf"))
        .cloned()
        .expect("children.pmf");
    let t = Instant::now();
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&adults), "languageId": "pmf", "version": 1, "text": text } }),
    );
    let _ = s.diagnostics(&uri(&adults), 1);
    println!(
        "first diagnostics after opening children.pmf: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    report(
        "framework: edit -> diagnostics (children.pmf)",
        edits(&mut s, &adults, &text, 300),
    );
    // Hover and definition on every code written after `subset of` or `of` in children.pmf.
    let mut hovers = Vec::new();
    let mut defs = Vec::new();
    let text_now = text.clone();
    let u = uri(&adults);
    for (i, _) in text_now.match_indices(" of CH/").take(200) {
        let p = pos(&text_now, i + 5);
        let params = json!({ "textDocument": { "uri": u }, "position": p });
        let t = Instant::now();
        let h = s.request("textDocument/hover", params.clone());
        hovers.push(t.elapsed());
        assert!(!h.is_null(), "a hover card");
        let t = Instant::now();
        let d = s.request("textDocument/definition", params);
        defs.push(t.elapsed());
        assert!(!d.is_null(), "a definition");
    }
    report("framework: hover", hovers);
    report("framework: definition", defs);
    let mut completions = Vec::new();
    for (i, _) in text_now.match_indices(" of CH/").take(50) {
        let p = pos(&text_now, i + 7);
        let t = Instant::now();
        let _ = s.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": p }),
        );
        completions.push(t.elapsed());
    }
    report("framework: completion of a code", completions);
    let t = Instant::now();
    let _ = s.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": u } }),
    );
    println!(
        "framework: semantic tokens of children.pmf: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    println!(
        "framework: peak memory {:.1} MB\n",
        s.peak_memory_kb() as f64 / 1024.0
    );
    s.stop();

    // The framework's known revision beside it (make_revision.py): the revision is checked
    // with the shipped edition it supersedes, which is compiled once, not on each edit.
    let eds = root.join("target/editions-bench");
    let status = Command::new("python3")
        .arg(root.join("compiler/benches/make_revision.py"))
        .arg(&eds)
        .status()
        .expect("python3 runs make_revision.py");
    assert!(status.success(), "make_revision.py failed");
    let eds = eds.canonicalize().expect("the editions folder");
    let mut s = Server::start(&eds);
    let revised = spec_files(&eds.join("2020-revision"));
    let (children, text) = revised
        .iter()
        .find(|(p, _)| p.ends_with("children.pmf"))
        .cloned()
        .expect("children.pmf");
    let t = Instant::now();
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&children), "languageId": "pmf", "version": 1, "text": text } }),
    );
    let _ = s.diagnostics(&uri(&children), 1);
    println!(
        "revision: first diagnostics after opening children.pmf (both editions compiled): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    report(
        "revision: edit -> diagnostics (children.pmf)",
        edits(&mut s, &children, &text, 300),
    );
    let (adults, atext) = revised
        .iter()
        .find(|(p, _)| p.ends_with("adults.pmf"))
        .cloned()
        .expect("adults.pmf");
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&adults), "languageId": "pmf", "version": 1, "text": atext } }),
    );
    let _ = s.diagnostics(&uri(&adults), 1);
    let au = uri(&adults);
    let on_046 = pos(&atext, atext.find("metric AD/046").expect("AD/046") + 10);
    let on_was = pos(&atext, atext.find("was AD/005").expect("was AD/005") + 6);
    let (mut hovers, mut defs) = (Vec::new(), Vec::new());
    for _ in 0..100 {
        let t = Instant::now();
        let h = s.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": au }, "position": on_046 }),
        );
        hovers.push(t.elapsed());
        assert!(
            h.to_string().contains("was* AD/005"),
            "the history of AD/046"
        );
        let t = Instant::now();
        let d = s.request(
            "textDocument/definition",
            json!({ "textDocument": { "uri": au }, "position": on_was }),
        );
        defs.push(t.elapsed());
        assert!(
            d.to_string().contains("2019-consultation"),
            "AD/005 in 2019"
        );
    }
    report("revision: hover with history (AD/046)", hovers);
    report("revision: definition of `was AD/005`", defs);
    println!(
        "revision: peak memory {:.1} MB\n",
        s.peak_memory_kb() as f64 / 1024.0
    );
    s.stop();
    if std::env::var_os("PMF_LSP_BENCH_QUICK").is_some() {
        return;
    }

    // The synthetic spec 100 times the framework.
    let big = root.join("target/synthetic-100x");
    if !big.exists() {
        let status = Command::new("python3")
            .arg(root.join("compiler/benches/make_synthetic.py"))
            .arg("100")
            .arg(&big)
            .status()
            .expect("python3 runs make_synthetic.py");
        assert!(status.success(), "make_synthetic.py failed");
    }
    let mut s = Server::start(&big);
    let big_files = spec_files(&big);
    let (p, t0) = big_files
        .iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n == "children-000.pmf"))
        .or_else(|| {
            big_files
                .iter()
                .find(|(p, _)| p.to_string_lossy().contains("children"))
        })
        .cloned()
        .expect("a children file");
    let t = Instant::now();
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&p), "languageId": "pmf", "version": 1, "text": t0 } }),
    );
    let _ = s.diagnostics(&uri(&p), 1);
    println!(
        "100x ({} files): first diagnostics after opening: {:.0} ms",
        big_files.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    report("100x: edit -> diagnostics", edits(&mut s, &p, &t0, 20));
    // Diagnostics are published from a compilation without the IR; the first request that
    // reads it (a hover card) after an edit builds it, the next ones use it.
    let u = uri(&p);
    let on_code = pos(&t0, t0.find("metric ").expect("a metric") + 9);
    let hover = |s: &mut Server| {
        let t = Instant::now();
        let h = s.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": u }, "position": on_code }),
        );
        assert!(!h.is_null(), "a hover card");
        t.elapsed()
    };
    let first = hover(&mut s);
    println!(
        "100x: first hover after an edit (builds the IR): {:.0} ms",
        first.as_secs_f64() * 1000.0
    );
    let hovers: Vec<Duration> = (0..20).map(|_| hover(&mut s)).collect();
    report("100x: hover, IR built", hovers);
    println!(
        "100x: peak memory {:.1} MB",
        s.peak_memory_kb() as f64 / 1024.0
    );
    s.stop();
}
