//! A real editor: Neovim (Debian's 0.7.2, installed by tests/setup.sh) starts the `pmf-lsp`
//! binary, opens a file of the shipped spec, types an error, and asks for a hover and a
//! definition. The Lua side (tests/neovim/session.lua) writes what it got; this checks it.

use crate::common::{in_ci, lsp_dir, spec_dir, TempDir};
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn neovim_gets_diagnostics_hover_and_definition() {
    if Command::new("nvim").arg("--version").output().is_err() {
        assert!(
            !in_ci(),
            "nvim is missing; tests/setup.sh installs it (Debian package neovim)"
        );
        eprintln!("skipped: nvim is not installed (tests/setup.sh installs it)");
        return;
    }
    let dir = TempDir::new("neovim");
    for p in pmf_project::pmf_files_under(&spec_dir()) {
        let to = dir.path().join(p.file_name().expect("a file name"));
        std::fs::copy(&p, &to).expect("a copy of the spec");
    }
    let file = dir.path().join("adults.pmf");
    let out = dir.path().join("nvim-out.txt");
    let script = lsp_dir().join("tests/neovim/session.lua");
    let mut child = Command::new("nvim")
        // No swap file: a left-over one would stop Neovim at a prompt.
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("PMF_LSP_BIN", env!("CARGO_BIN_EXE_pmf-lsp"))
        .env("PMF_NVIM_FILE", &file)
        .env("PMF_NVIM_OUT", &out)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("nvim runs").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let got = std::fs::read_to_string(&out).expect("the session wrote its results");
    assert!(!got.contains("error:"), "the Neovim session failed:\n{got}");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.first(), Some(&"initialized"), "{got}");
    assert!(
        lines.iter().any(|l| l.starts_with("diagnostic ")
            && l.contains("PMF0102")
            && l.contains("there is no unit `contatc`")),
        "no diagnostic for the typo:\n{got}"
    );
    assert!(
        lines.contains(&"hover **iaa_outcome** · codelist"),
        "no hover card:\n{got}"
    );
    let common = std::fs::read_to_string(dir.path().join("common.pmf")).expect("common.pmf");
    let line = common
        .lines()
        .position(|l| l.starts_with("codelist iaa_outcome "))
        .expect("the codelist is declared in common.pmf")
        + 1;
    assert!(
        lines.contains(&format!("definition common.pmf:{line}:10").as_str()),
        "no definition in common.pmf line {line}:\n{got}"
    );
}
