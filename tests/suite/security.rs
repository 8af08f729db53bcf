//! Hostile specs and output folders (issue 12): each case failed before its fix and must keep
//! failing safely: a clear error and a non-zero exit, never a crash, a hang, a file written or
//! removed outside the output folder, or a partial output.

use crate::common::root;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn pmf(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

/// Runs pmf, killing it if it has not finished in `limit` (a hang is a failure).
fn pmf_within(args: &[&str], dir: &Path, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pmf runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().expect("output");
            panic!(
                "pmf {args:?} did not finish within {limit:?}:\n{}",
                text(&o)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Exited by itself with an error: not killed by a signal (a stack overflow aborts), no panic.
fn failed_cleanly(o: &Output) {
    let t = text(o);
    assert!(
        !t.contains("panicked") && !t.contains("overflow"),
        "a crash:\n{t}"
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
}

const EDITION: &str = "edition \"t\" {\n  title \"T\"\n}\n";

fn spec_with(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.pmf"), format!("{EDITION}{body}")).expect("write");
    dir
}

#[test]
fn a_sum_of_twenty_thousand_terms_is_refused_not_a_crash() {
    let terms: Vec<String> = (0..20_000).map(|_| "AD/001".to_string()).collect();
    let dir = spec_with(&format!(
        "rule big {{\n  assert {} <= AD/001\n}}\n",
        terms.join(" + ")
    ));
    for cmd in [
        vec!["check", "a.pmf"],
        vec!["build", "--out", "out", "a.pmf"],
        vec!["export", "--format", "json", "a.pmf"],
        vec!["fmt", "--check", "a.pmf"],
    ] {
        let o = pmf(&cmd, dir.path());
        let t = text(&o);
        assert!(
            !t.contains("panicked") && !t.contains("overflow"),
            "{cmd:?}: {t}"
        );
        assert_ne!(o.status.code(), Some(0), "{cmd:?}: {t}");
        assert!(o.status.code().is_some(), "{cmd:?} was killed: {t}");
        if cmd[0] == "check" {
            assert!(
                t.contains("PMF0004") && t.contains("levels deep") && t.contains("a.pmf:5:"),
                "{t}"
            );
        }
    }
    assert!(
        !dir.path().join("out").exists(),
        "a partial output was written"
    );
}

#[test]
fn fifty_thousand_minus_signs_are_refused() {
    let dir = spec_with(&format!(
        "indicator PI/AD/01 {{\n  formula {}AD/001\n}}\n",
        "-".repeat(50_000)
    ));
    let o = pmf(&["check", "a.pmf"], dir.path());
    failed_cleanly(&o);
    assert!(text(&o).contains("PMF0004"), "{}", text(&o));
}

#[test]
fn a_number_too_large_to_be_a_number_is_an_error() {
    // 1 followed by 400 zeros: a number to the grammar, infinity to a float.
    let dir = spec_with(&format!(
        "indicator PI/AD/01 {{\n  formula AD/001 * 1{}\n}}\n",
        "0".repeat(400)
    ));
    let o = pmf(&["check", "a.pmf"], dir.path());
    failed_cleanly(&o);
    assert!(
        text(&o).contains("too large to be a number") && text(&o).contains("a.pmf:5:"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_hostile_manifest_deletes_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let project = root.path().join("project");
    std::fs::create_dir_all(project.join("out")).expect("out");
    std::fs::write(project.join("a.pmf"), EDITION).expect("spec");
    let victim = root.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let beside = project.join("beside.txt");
    std::fs::write(&beside, "precious").expect("beside");
    std::fs::write(
        project.join("out/MANIFEST.txt"),
        format!(
            "{}\n../beside.txt\n../../victim.txt\n/etc/hostname\n",
            victim.display()
        ),
    )
    .expect("manifest");
    let o = pmf(&["build", "--out", "out", "a.pmf"], &project);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        victim.exists() && beside.exists(),
        "a file outside the output folder was removed"
    );
    assert!(text(&o).contains("was not removed"), "{}", text(&o));
    // The build's own manifest now says what it wrote, with hashes.
    let manifest = std::fs::read_to_string(project.join("out/MANIFEST.txt")).expect("manifest");
    assert!(
        manifest
            .lines()
            .all(|l| l.len() > 66 && l.as_bytes()[64] == b' '),
        "{manifest}"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_read_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = dir.path().join("spec");
    std::fs::create_dir_all(spec.join("sub")).expect("sub");
    std::fs::write(spec.join("a.pmf"), EDITION).expect("a");
    std::fs::write(
        spec.join("sub/b.pmf"),
        "unit contact \"contacts\" {\n  kind entity\n}\n",
    )
    .expect("b");
    std::os::unix::fs::symlink("..", spec.join("sub/loop")).expect("loop");
    std::os::unix::fs::symlink("../sub", spec.join("sub/loop2")).expect("loop2");
    let o = pmf_within(&["check", "spec"], dir.path(), Duration::from_secs(60));
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(!t.contains("PMF0103"), "a file was read twice:\n{t}");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.pmf"), EDITION).expect("a");
    let fifo = dir.path().join("fifo.pmf");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.pmf")).expect("link");
    let o = pmf_within(&["check", "."], dir.path(), Duration::from_secs(60));
    let t = text(&o);
    failed_cleanly(&o);
    assert!(
        t.contains("fifo.pmf") && t.contains("not a regular file"),
        "{t}"
    );
    assert!(t.contains("zero.pmf"), "{t}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_an_error_not_silence() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = dir.path().join("spec");
    std::fs::create_dir_all(spec.join("2019/hidden")).expect("folders");
    std::fs::write(spec.join("2019/a.pmf"), EDITION).expect("a");
    std::fs::write(spec.join("2019/hidden/b.pmf"), "this is not a spec").expect("b");
    std::fs::set_permissions(
        spec.join("2019/hidden"),
        std::fs::Permissions::from_mode(0o000),
    )
    .expect("chmod");
    for p in [dir.path(), spec.as_path(), &spec.join("2019")] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    // Root reads every folder: run pmf as an unprivileged user then.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let o = if root {
        Command::new("runuser")
            .args(["-u", "nobody", "--", env!("CARGO_BIN_EXE_pmf"), "check"])
            .arg(&spec)
            .current_dir(dir.path())
            .output()
            .expect("runuser runs")
    } else {
        pmf(&["check", "spec"], dir.path())
    };
    let t = text(&o);
    let _ = std::fs::set_permissions(
        spec.join("2019/hidden"),
        std::fs::Permissions::from_mode(0o755),
    );
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("hidden") && t.contains("permission denied"),
        "{t}"
    );
}

#[test]
fn a_letter_from_another_alphabet_is_named() {
    // A Cyrillic capital A in a code, and a Cyrillic small o in a name.
    let dir = spec_with(
        "unit contact \"contacts\" {\n  kind entity\n}\nmetric AD/001 {\n  wording \"x\"\n  counts c\u{043E}ntact\n  flow\n}\nmetric AD/002 {\n  wording \"y\"\n  counts contact\n  flow\n  subset of \u{0410}D/001\n}\n",
    );
    let o = pmf(&["check", "a.pmf"], dir.path());
    failed_cleanly(&o);
    let t = text(&o);
    assert!(t.contains("U+043E") && t.contains("`contact`"), "{t}");
    assert!(t.contains("U+0410") && t.contains("`AD/001`"), "{t}");
}

#[test]
fn an_invisible_character_in_any_text_is_refused() {
    for (what, bad) in [
        ("a NUL", "\\u{0}"),
        ("an escape", "\\u{1b}[2J"),
        ("a line separator", "\\u{2028}"),
        ("a bidirectional override", "\\u{202e}"),
    ] {
        let dir = spec_with(&format!(
            "unit contact \"contacts {bad}\" {{\n  kind entity\n}}\n"
        ));
        let o = pmf(&["check", "a.pmf"], dir.path());
        failed_cleanly(&o);
        assert!(
            text(&o).contains("invisible character") && text(&o).contains("a.pmf:4:"),
            "{what}: {}",
            text(&o)
        );
    }
}

#[test]
fn an_edition_id_must_be_a_plain_name() {
    for id in [
        "t\\n-- DROP TABLE x",
        "a b",
        "../x",
        "x'y",
        "\\u{e9}t\\u{e9}",
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("a.pmf"),
            format!("edition \"{id}\" {{\n  title \"T\"\n}}\n"),
        )
        .expect("write");
        let o = pmf(&["check", "a.pmf"], dir.path());
        failed_cleanly(&o);
        assert!(
            text(&o).contains("must be letters, digits"),
            "{id}: {}",
            text(&o)
        );
    }
}

/// A return given as a pipe, a device or a sparse file larger than any return: each is one
/// clear error naming the file, found before reading, for every command that reads returns,
/// and the other returns of the run are still checked.
#[cfg(unix)]
#[test]
fn a_return_that_is_a_pipe_a_device_or_huge_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.csv")).expect("link");
    // A sparse file: 1 GB long, no disk used.
    let huge = std::fs::File::create(dir.path().join("huge.csv")).expect("huge");
    huge.set_len(1 << 30).expect("set_len");
    let good = root().join("tests/submissions/inputs/good-cardiff-2020-21.csv");
    std::fs::copy(&good, dir.path().join("good.csv")).expect("copy");
    let spec = root().join("spec/2019-consultation").display().to_string();
    let next = root().join("tests/editions/2020-21").display().to_string();
    for bad in ["fifo.csv", "zero.csv", "huge.csv"] {
        let runs: [Vec<&str>; 3] = [
            vec!["validate", "--spec", &spec, bad, "good.csv"],
            vec!["template", &spec, "--prefill", bad, "-o", "t.xlsx"],
            vec![
                "migrate",
                "--from",
                &spec,
                "--to",
                &next,
                "--out-dir",
                "out",
                bad,
            ],
        ];
        for args in runs {
            let o = pmf_within(&args, dir.path(), Duration::from_secs(60));
            let t = text(&o);
            assert!(!t.contains("panicked"), "a crash: {args:?}\n{t}");
            assert_eq!(o.status.code(), Some(2), "{args:?}\n{t}");
            assert!(t.contains(bad), "the error names the file: {args:?}\n{t}");
            let why = if bad == "huge.csv" {
                "MB"
            } else {
                "not a regular file"
            };
            assert!(t.contains(why), "{args:?}\n{t}");
            if args[0] == "validate" {
                assert!(
                    t.contains("W06000015"),
                    "the good return is still checked:\n{t}"
                );
            }
        }
        assert!(
            !dir.path().join("out").exists(),
            "migrate wrote from a bad return"
        );
        assert!(
            !dir.path().join("t.xlsx").exists(),
            "prefill wrote from a bad return"
        );
    }
}

/// `pmf migrate` writes its folder whole or not at all: when the second of two returns cannot
/// be written (its name is taken by a folder), the first, already written, is removed again
/// and the run fails naming the file; nothing is left half-done.
#[test]
fn a_migration_that_cannot_write_every_return_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good =
        std::fs::read_to_string(root().join("tests/submissions/inputs/good-cardiff-2020-21.csv"))
            .expect("the good return");
    // Cardiff, then the same figures for Swansea.
    let swansea: String = good
        .lines()
        .skip(1)
        .map(|l| format!("{}\n", l.replace("W06000015", "W06000011")))
        .collect();
    std::fs::write(dir.path().join("two.csv"), format!("{good}{swansea}")).expect("two");
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("W06000011-2020-21.csv")).expect("a folder in the way");
    let spec = root().join("spec/2019-consultation").display().to_string();
    let next = root().join("tests/editions/2020-21").display().to_string();
    let args = [
        "migrate",
        "--from",
        &spec,
        "--to",
        &next,
        "--out-dir",
        "out",
        "two.csv",
    ];
    // Its report is longer than a pipe holds: read as it is written.
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pmf"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("pmf runs")
    };
    let o = run(&args);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("W06000011-2020-21.csv") && t.contains("were removed"),
        "{t}"
    );
    let left: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        left.len(),
        1,
        "only the folder in the way is left: {left:?}"
    );
    // And without the obstacle, both are written.
    std::fs::remove_dir(out.join("W06000011-2020-21.csv")).expect("rmdir");
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        out.join("W06000011-2020-21.csv").is_file() && out.join("W06000015-2020-21.csv").is_file()
    );
}
