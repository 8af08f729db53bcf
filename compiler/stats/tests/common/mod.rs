//! Running Python with scipy for reference values computed independently of statrs.

use std::io::Write;
use std::process::{Command, Stdio};

/// Whether `CI=true` (a missing scipy is then a failure, not a skip).
fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Runs `script` with python3 and returns its standard output, or None (with a message) when
/// python3 or scipy is missing outside CI. Under CI a missing scipy fails the test.
pub fn scipy(script: &str) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", "import scipy.stats"])
        .output();
    if !probe.as_ref().is_ok_and(|o| o.status.success()) {
        assert!(
            !ci(),
            "python3 with scipy is needed under CI=true (tests/setup.sh installs it)"
        );
        eprintln!("skipped: python3 with scipy is not available (run tests/setup.sh)");
        return None;
    }
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("script written");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}

/// The whitespace-separated numbers of each line.
pub fn numbers(text: &str) -> Vec<Vec<f64>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.split_whitespace()
                .map(|w| w.parse::<f64>().unwrap_or_else(|_| panic!("number: {w}")))
                .collect()
        })
        .collect()
}

/// Asserts `a` and `b` agree to a relative tolerance (absolute near zero).
pub fn close(a: f64, b: f64, tolerance: f64, what: &str) {
    let scale = a.abs().max(b.abs()).max(1.0);
    assert!(
        (a - b).abs() <= tolerance * scale,
        "{what}: {a} against {b} (difference {})",
        (a - b).abs()
    );
}
