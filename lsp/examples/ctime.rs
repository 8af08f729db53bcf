fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or("target/synthetic-100x".into());
    let mut s = pmf::source::Sources::new();
    for p in pmf::driver::pmf_files_under(std::path::Path::new(&dir)) {
        s.add(
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        );
    }
    let parsed: Vec<_> = s
        .ids()
        .map(|id| pmf::syntax::parse(id, &s.get(id).text))
        .collect();
    let t = std::time::Instant::now();
    let p2 = parsed.clone();
    println!("clone: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let c = pmf::check::compile_parsed(&s, p2, Default::default());
    println!(
        "compile_parsed: {:?} ({} diags)",
        t.elapsed(),
        c.diagnostics.len()
    );
}
