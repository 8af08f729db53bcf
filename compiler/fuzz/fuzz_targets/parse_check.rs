//! Any text through parse, check and the formatter: nothing may panic, the hand-written parser
//! and the pest grammar agree on every item, and the formatter may only change layout.

#![no_main]

#[allow(dead_code)]
mod common;

use common::pmf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = pmf::syntax::compare_parsers(&text) {
        panic!("{e}");
    }
    let mut sources = pmf::source::Sources::new();
    sources.add("fuzz.pmf", text.as_ref());
    let comp = pmf::check::compile(&sources);
    if let Some(ir) = &comp.ir {
        let _ = ir.to_json();
    }
    if let Some(out) = pmf::fmt::format(&text) {
        assert!(pmf::fmt::same_content(&text, &out), "the formatter changed content");
        assert_eq!(pmf::fmt::format(&out).as_deref(), Some(out.as_str()), "the formatter is not idempotent");
    }
});
