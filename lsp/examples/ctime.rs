fn main() {
    let mut s = pmf::source::Sources::new();
    for p in pmf::driver::pmf_files_under(std::path::Path::new("spec/2019-consultation")) {
        s.add(
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        );
    }
    let t = std::time::Instant::now();
    for _ in 0..10 {
        let _ = pmf::check::compile(&s);
    }
    println!("compile: {:?}", t.elapsed() / 10);
}
