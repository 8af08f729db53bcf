//! Any bytes as what an editor writes to the language server's standard input, through the
//! real transport and message loop: nothing may panic or hang, the server ends at the end of
//! the input, and everything it writes is a well-formed frame of JSON.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("the output").extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let out = Shared::default();
    let (conn, transport) =
        pmf_lsp::transport::connect(std::io::Cursor::new(data.to_vec()), out.clone());
    let _ = pmf_lsp::serve(
        &conn,
        pmf_lsp::Options {
            exit_grace: std::time::Duration::ZERO,
        },
    );
    drop(conn);
    let reader = transport.finish_writing();
    reader.join().expect("the reader ends");
    let bytes = out.0.lock().expect("the output").clone();
    let mut frames = pmf_lsp::transport::FrameReader::new(bytes.as_slice());
    while let Some(f) = frames.frame().expect("reads") {
        match f {
            pmf_lsp::transport::Frame::Body(b) => {
                serde_json::from_slice::<serde_json::Value>(&b).expect("the server writes JSON");
            }
            other => panic!("the server wrote a bad frame: {other:?}"),
        }
    }
});
