//! Every diagnostic code has an explanation with fixed headings and an example that, compiled,
//! produces that code.

use pmf::diag::ALL_CODES;

fn example(explanation: &str) -> Option<String> {
    block(explanation.split("## Example").nth(1)?, "```pmf\n")
}

/// The ```pmf previous block of an example about editions: the edition it supersedes.
fn previous(explanation: &str) -> Option<String> {
    block(explanation.split("## Example").nth(1)?, "```pmf previous\n")
}

/// Every plain ```pmf block of an example (not the `previous` edition).
fn blocks(explanation: &str) -> Vec<String> {
    let Some(mut rest) = explanation.split("## Example").nth(1) else {
        return Vec::new();
    };
    let rest_end = rest.find("## Fix").unwrap_or(rest.len());
    rest = &rest[..rest_end];
    let mut out = Vec::new();
    while let Some(start) = rest.find("```pmf\n") {
        let body = &rest[start + 7..];
        let Some(end) = body.find("```") else { break };
        out.push(body[..end].to_string());
        rest = &body[end + 3..];
    }
    out
}

fn block(after: &str, fence: &str) -> Option<String> {
    let start = after.find(fence)? + fence.len();
    let rest = &after[start..];
    let end = rest.find("```")?;
    Some(rest[..end].to_string())
}

#[test]
fn explanations_have_the_fixed_headings() {
    let mut bad = Vec::new();
    for c in ALL_CODES {
        let e = c.info().explanation;
        for h in ["## What it means", "## Why", "## Example", "## Fix"] {
            if !e.contains(h) {
                bad.push(format!("{}: no `{h}`", c.as_str()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_example_produces_its_code() {
    let mut bad = Vec::new();
    for c in ALL_CODES {
        // These come from reading files (a path, bytes, a size), which a text example cannot show.
        if ["PMF0002", "PMF0003", "PMF0006"].contains(&c.as_str()) {
            continue;
        }
        let Some(ex) = example(c.info().explanation) else {
            bad.push(format!(
                "{}: no ```pmf example under ## Example",
                c.as_str()
            ));
            continue;
        };
        // Several editions (PMF0009): each block is an edition in a folder of its own, checked
        // together as `pmf check` checks a folder of editions.
        let all = blocks(c.info().explanation);
        if all.len() > 1 {
            let tmp = tempfile::tempdir().expect("tempdir");
            for (i, text) in all.iter().enumerate() {
                let d = tmp.path().join(format!("edition-{i}"));
                std::fs::create_dir_all(&d).expect("mkdir");
                std::fs::write(d.join("edition.pmf"), text).expect("write");
            }
            let results = pmf::driver::compile_editions(
                pmf::driver::inputs(&[tmp.path().to_path_buf()]),
                false,
            );
            if !results
                .iter()
                .any(|(_, comp)| comp.diagnostics.iter().any(|d| d.code == *c))
            {
                bad.push(format!(
                    "{}: the editions of the example do not produce it",
                    c.as_str()
                ));
            }
            continue;
        }
        let welsh = ex
            .lines()
            .next()
            .is_some_and(|l| l.trim() == "// pmf-check: --welsh");
        let prev_ir = previous(c.info().explanation)
            .and_then(|p| crate::common::compile_text("previous.pmf", &p).1.ir);
        let (_, comp) = crate::common::compile_text_with(
            "example.pmf",
            &ex,
            pmf::check::Options {
                require_welsh: welsh,
                previous: prev_ir.as_ref(),
                ..Default::default()
            },
        );
        if !comp.diagnostics.iter().any(|d| d.code == *c) {
            let got: Vec<String> = comp
                .diagnostics
                .iter()
                .map(|d| format!("{} {}", d.code.as_str(), d.message))
                .collect();
            bad.push(format!(
                "{}: the example does not produce it; it gives {got:?}",
                c.as_str()
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
