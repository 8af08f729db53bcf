//! Times the stages of checking the shipped spec in-process (best of 30): reading is excluded.
//! `cargo run --release --example check_profile -p pmf`
use std::time::{Duration, Instant};

fn best(mut f: impl FnMut()) -> Duration {
    (0..30)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let input = pmf::driver::read_input(&[root.join("spec/2019-consultation")]);
    let s = &input.sources;
    let parse_one = best(|| {
        for id in s.ids() {
            std::hint::black_box(pmf::syntax::parse(id, &s.get(id).text));
        }
    });
    let parsed: Vec<_> = s
        .ids()
        .map(|id| pmf::syntax::parse(id, &s.get(id).text))
        .collect();
    let lower = best(|| {
        let mut d = Vec::new();
        for (f, _) in &parsed {
            std::hint::black_box(pmf::model::lower_file(f, &mut d));
        }
    });
    let check_only = best(|| {
        std::hint::black_box(pmf::check::compile_with(
            s,
            pmf::check::Options {
                skip_ir: true,
                ..Default::default()
            },
        ));
    });
    let full = best(|| {
        std::hint::black_box(pmf::check::compile(s));
    });
    println!("parse (one thread) {parse_one:?}, lower {lower:?}, compile without IR {check_only:?}, with IR {full:?}");
}
