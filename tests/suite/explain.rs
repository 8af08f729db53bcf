//! Every diagnostic code has an explanation with fixed headings and an example that, compiled,
//! produces that code.

use pmf::diag::ALL_CODES;

fn example(explanation: &str) -> Option<String> {
    let after = explanation.split("## Example").nth(1)?;
    let start = after.find("```pmf")? + "```pmf".len();
    let rest = &after[start..];
    let rest = &rest[rest.find('\n')? + 1..];
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
        let welsh = ex
            .lines()
            .next()
            .is_some_and(|l| l.trim() == "// pmf-check: --welsh");
        let (_, comp) = crate::common::compile_text_with(
            "example.pmf",
            &ex,
            pmf::check::Options {
                require_welsh: welsh,
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
