//! Links the `pmf` program as a position-dependent executable. The program carries Typst and its
//! fonts, whose tables hold about 100,000 pointers; in a position-independent executable each
//! is relocated by the dynamic loader at every start, which costs about 2 ms of the 10 ms that
//! `pmf check` may take (BENCHMARKS.md). A fixed address lets the linker resolve them once.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
