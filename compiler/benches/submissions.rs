//! Benchmarks of templates and validation: every template and validation file generated from
//! the IR; a tidy CSV of 22 authorities x 10 years (about 130,000 rows, made by
//! make_returns.py) read and validated; one filled XLSX workbook read and validated.
//! Figures and the machine are in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ir() -> pmf::ir::Ir {
    let input = pmf::driver::inputs(&[root().join("spec")])
        .into_iter()
        .next()
        .expect("spec/ holds an edition");
    pmf::check::compile(&input.sources)
        .ir
        .expect("the shipped spec checks clean")
}

/// The big CSV, made once under target/ from the CSV template.
fn returns(ir: &pmf::ir::Ir) -> Vec<u8> {
    let out = root().join("target/returns-22x10.csv");
    let template = root().join("target/submission-template.csv");
    std::fs::write(
        &template,
        pmf::gen::templates::csv::template(ir, &Default::default()),
    )
    .expect("write the template");
    let status = std::process::Command::new("python3")
        .arg(root().join("compiler/benches/make_returns.py"))
        .arg(&template)
        .arg(&out)
        .status()
        .expect("python3 runs make_returns.py");
    assert!(status.success(), "make_returns.py failed");
    std::fs::read(&out).expect("the returns")
}

fn templates(c: &mut Criterion) {
    let ir = ir();
    let mut g = c.benchmark_group("templates");
    g.sample_size(20);
    g.bench_function("all templates and validation code", |b| {
        b.iter(|| {
            let mut n = pmf::gen::templates::artifacts(&ir).len();
            n += pmf::gen::validation::artifacts(&ir).len();
            n
        })
    });
    g.bench_function("xlsx template", |b| {
        b.iter(|| pmf::gen::templates::xlsx::template(&ir, &Default::default()))
    });
    g.finish();
}

fn validate(c: &mut Criterion) {
    let ir = ir();
    let csv = returns(&ir);
    let rows = csv.iter().filter(|b| **b == b'\n').count() - 1;
    let mut g = c.benchmark_group("validate");
    g.sample_size(10);
    g.throughput(Throughput::Elements(rows as u64));
    g.bench_function("tidy csv 22 authorities x 10 years", |b| {
        b.iter(|| {
            let r = pmf::validate::validate(
                &ir,
                vec![("returns.csv".into(), Ok(csv.clone()))],
                pmf::validate::Options::default(),
            );
            assert_eq!(r.submissions.len(), 220);
            r
        })
    });
    // One filled workbook: the first return of the big file.
    let input = pmf::validate::read::read("returns.csv", &csv, &ir).expect("reads");
    let fill = pmf::gen::templates::Fill {
        submission: input.submissions.first(),
        ..Default::default()
    };
    let xlsx = pmf::gen::templates::xlsx::template(&ir, &fill).expect("the workbook");
    g.throughput(Throughput::Elements(1));
    g.sample_size(30);
    g.bench_function("filled xlsx", |b| {
        b.iter(|| {
            pmf::validate::validate(
                &ir,
                vec![("filled.xlsx".into(), Ok(xlsx.clone()))],
                pmf::validate::Options {
                    indicators: true,
                    ..Default::default()
                },
            )
        })
    });
    g.finish();
}

criterion_group!(benches, templates, validate);
criterion_main!(benches);
