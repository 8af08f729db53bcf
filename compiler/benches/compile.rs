//! Benchmarks of the compiler core: parse throughput, and checking the shipped spec and
//! synthetic specs 1x, 10x and 100x its size (made by make_synthetic.py) to show the time grows
//! linearly. Whole-process timings are taken by benches/run.sh with hyperfine; see BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pmf::source::{FileId, Sources};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(dir: &Path) -> Sources {
    let mut s = Sources::new();
    for p in pmf::driver::pmf_files_under(dir) {
        let text = std::fs::read_to_string(&p).expect("readable spec file");
        s.add(p.display().to_string(), text);
    }
    s
}

/// A synthetic spec `n` times the framework, made once under target/.
fn synthetic(n: usize) -> Sources {
    let dir = root().join(format!("target/synthetic-{n}x"));
    if !dir.exists() {
        let status = std::process::Command::new("python3")
            .arg(root().join("compiler/benches/make_synthetic.py"))
            .arg(n.to_string())
            .arg(&dir)
            .status()
            .expect("python3 runs make_synthetic.py");
        assert!(status.success(), "make_synthetic.py failed");
    }
    load(&dir)
}

fn parse(c: &mut Criterion) {
    let spec = load(&root().join("spec"));
    let text: String = spec
        .ids()
        .map(|id| spec.get(id).text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let big = text.repeat(20);
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("spec x20", |b| {
        b.iter(|| pmf::syntax::parse(FileId(0), &big))
    });
    g.finish();
}

fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    let spec = load(&root().join("spec"));
    g.bench_function("spec", |b| b.iter(|| pmf::check::compile(&spec)));
    for n in [1, 10, 100] {
        let s = synthetic(n);
        let comp = pmf::check::compile(&s);
        assert!(!comp.has_errors(), "the synthetic spec checks clean");
        g.bench_with_input(
            BenchmarkId::new("synthetic", format!("{n}x")),
            &s,
            |b, s| b.iter(|| pmf::check::compile(s)),
        );
    }
    g.finish();
}

criterion_group!(benches, parse, check);
criterion_main!(benches);
