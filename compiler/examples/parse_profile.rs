//! Times the stages of parsing the shipped spec (repeated), for profiling: `cargo run --release
//! --example parse_profile`.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut text = String::new();
    for p in pmf::driver::pmf_files_under(&root.join("spec")) {
        text.push_str(&std::fs::read_to_string(p).expect("read"));
        text.push('\n');
    }
    let big = text.repeat(20);
    let t = std::time::Instant::now();
    let toks = pmf::syntax::lexer::tokenize(&big);
    let t_lex = t.elapsed();
    let t = std::time::Instant::now();
    let chunks = pmf::syntax::split::split(&big, &toks);
    let t_split = t.elapsed();
    let t = std::time::Instant::now();
    let (f, d) = pmf::syntax::parse(pmf::source::FileId(0), &big);
    let t_all = t.elapsed();
    let mb = big.len() as f64 / 1e6;
    println!(
        "{mb:.1} MB, {} tokens, {} chunks, {} items, {} diags",
        toks.len(),
        chunks.len(),
        f.items.len(),
        d.len()
    );
    println!(
        "lex {:?} ({:.0} MB/s), split {:?}, parse total {:?} ({:.1} MB/s)",
        t_lex,
        mb / t_lex.as_secs_f64(),
        t_split,
        t_all,
        mb / t_all.as_secs_f64()
    );
}
