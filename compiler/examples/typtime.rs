fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "dump" {
        let ir: pmf::ir::Ir =
            serde_json::from_str(&std::fs::read_to_string(&args[2]).unwrap()).unwrap();
        let (src, _) = pmf::gen::docs::typst_source(&ir, pmf::ir::Lang::En).unwrap();
        std::fs::write(&args[3], src).unwrap();
        return;
    }
    let src = std::fs::read_to_string(&args[1]).unwrap();
    let t = std::time::Instant::now();
    let pdf = pmf::gen::docs::compile_typst(&src).unwrap();
    eprintln!("{} bytes in {:?}", pdf.len(), t.elapsed());
}
