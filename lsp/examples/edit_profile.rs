//! Times the stages of an edit in the language server's `World` on a spec folder, in-process:
//! `cargo run --release -p pmf-lsp --example edit_profile -- target/synthetic-100x [N]`
//! (the folder defaults to the shipped framework). It prints the first compilation, then N
//! edits (a character typed into a wording, then erased), each applied and compiled. With
//! `PHASES=1` it times the compiler's stages on the folder instead (parse, lowering, copying
//! trees and declarations, a compilation without and with the IR, freeing them).
use pmf_ide::World;
use std::time::{Duration, Instant};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("spec/2019-consultation"));
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let dir = dir.canonicalize().expect("the spec folder");
    if std::env::var_os("PHASES").is_some() {
        phases(&dir);
        return;
    }
    let files = pmf_project::pmf_files_under(&dir);
    let path = files
        .iter()
        .find(|p| p.to_string_lossy().contains("children"))
        .or(files.first())
        .expect("a spec file")
        .clone();
    let text = std::fs::read_to_string(&path).expect("the file");
    let key = pmf_lsp::convert::path_to_uri(&path)
        .map(|u| u.as_str().to_string())
        .expect("a uri");
    let mut w = World::new(vec![dir.clone()], pmf_lsp::convert::path_key);
    let t = Instant::now();
    w.open(key.clone(), Some(path.clone()), text.clone(), 1);
    w.analyze();
    println!("{} files: first compilation {:?}", files.len(), t.elapsed());
    let anchor = text.find("wording \"").expect("a wording") + "wording \"".len();
    let mut times: Vec<Duration> = Vec::new();
    for i in 0..n {
        let t2 = if i % 2 == 0 {
            format!("{}x{}", &text[..anchor], &text[anchor..])
        } else {
            text.clone()
        };
        let t = Instant::now();
        w.change(&key, t2, 2 + i as i32);
        w.analyze();
        let errors = w
            .project_of(&key)
            .and_then(|p| p.current.as_ref())
            .map_or(0, |a| a.comp.diagnostics.len());
        times.push(t.elapsed());
        println!("edit {i}: {:?} ({errors} diagnostics)", t.elapsed());
    }
    times.sort();
    if let Some(m) = times.get(times.len() / 2) {
        println!("median {m:?}");
    }
}

/// The compiler's stages on the whole folder, each timed once.
fn phases(dir: &std::path::Path) {
    let input = pmf_project::read_input(&[dir.to_path_buf()]);
    let s = &input.sources;
    let t = Instant::now();
    let parsed: Vec<_> = s
        .ids()
        .map(|id| pmf_syntax::parse(id, &s.get(id).text))
        .collect();
    println!("parse {:?}, resident {} MB", t.elapsed(), rss_mb());
    let t = Instant::now();
    let cloned: Vec<_> = parsed.iter().map(|(f, _)| f.clone()).collect();
    println!("clone trees {:?}", t.elapsed());
    let t = Instant::now();
    drop(cloned);
    println!("drop trees {:?}", t.elapsed());
    let t = Instant::now();
    let mut d = Vec::new();
    let lowered: Vec<_> = parsed
        .iter()
        .map(|(f, _)| pmf_check::model::lower_file(f, &mut d))
        .collect();
    println!("lower {:?}, resident {} MB", t.elapsed(), rss_mb());
    let t = Instant::now();
    let c: Vec<_> = lowered.to_vec();
    println!("clone decls {:?}", t.elapsed());
    drop(c);
    let t = Instant::now();
    let c = pmf_check::compile_parsed(
        s,
        parsed.clone(),
        pmf_check::Options {
            skip_ir: true,
            ..Default::default()
        },
    );
    println!(
        "compile_parsed without IR (incl. lowering, excl. clone) {:?}, resident {} MB",
        t.elapsed(),
        rss_mb()
    );
    let t = Instant::now();
    drop(c);
    println!("drop compilation without IR {:?}", t.elapsed());
    let t = Instant::now();
    let c = pmf_check::compile_parsed(s, parsed.clone(), pmf_check::Options::default());
    println!("compile_parsed with IR {:?}", t.elapsed());
    let t = Instant::now();
    drop(c);
    println!("drop compilation with IR {:?}", t.elapsed());
}

/// The allocator of the `pmf-lsp` binary, so that the figures are the server's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The resident memory of this process now, in MB.
fn rss_mb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096 / (1 << 20)
}
