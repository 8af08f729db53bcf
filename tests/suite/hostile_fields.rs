//! Every text field of the language, hostile at once (issue 12, item 2): the shipped framework
//! with a payload appended to every text the guidance prints (found by `pmf check --welsh`:
//! titles, wordings, labels, notes, units, statuses, instruments, timescale events, ...), built
//! whole, and each output read the way its consumer would: the SQL run, the Python module
//! imported, the CSV and the workbook read as a spreadsheet would, the HTML and Markdown as a
//! browser and a renderer would. The payload must appear as text and do nothing.

use crate::common::root;
use crate::differential::tool;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the payload tries: markup in HTML, Markdown and Typst, a formula in a spreadsheet, a
/// statement in SQL, code in Python, and leaving a comment in each.
const PAYLOAD_EN: &str = "<script>alert(1)</script> =HYPERLINK(\"h\") '); DROP TABLE pmf_rule; -- */ #set text(red) $x$ @r [l](javascript:x) __import__('os').system('touch pmf-canary') \\ end";

/// The payload as written inside a `"..."` literal.
fn escaped() -> String {
    PAYLOAD_EN.replace('\\', "\\\\").replace('"', "\\\"")
}

fn pmf(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The shipped framework in `dir/spec`, with the payload at the end of every printed text.
/// Returns how many texts were made hostile.
fn hostile_framework(dir: &Path) -> usize {
    let spec = dir.join("spec");
    std::fs::create_dir_all(&spec).expect("spec folder");
    let from = root().join("spec/2019-consultation");
    for f in crate::common::files_with_ext(&from, "pmf") {
        std::fs::copy(&f, spec.join(f.file_name().expect("a name"))).expect("copy");
    }
    let o = pmf(&["check", "--welsh", "--format", "json", "spec"], dir);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("diagnostics as JSON");
    let mut spans: std::collections::BTreeMap<PathBuf, Vec<(usize, usize)>> = Default::default();
    for d in v["diagnostics"].as_array().expect("a list") {
        if d["code"] != "PMF0402" {
            continue;
        }
        let p = &d["primary"];
        let file = dir.join(p["file"].as_str().expect("a file"));
        let (start, end) = (
            p["start"].as_u64().expect("start") as usize,
            p["end"].as_u64().expect("end") as usize,
        );
        spans.entry(file).or_default().push((start, end));
    }
    let mut n = 0;
    for (file, mut list) in spans {
        let mut s = std::fs::read_to_string(&file).expect("read");
        list.sort();
        for (start, end) in list.into_iter().rev() {
            let lit = &s[start..end];
            let at = if lit.starts_with("\"\"\"") {
                // The end of the last line of a text block (before the line of its closing
                // quotes), so the block's layout is kept.
                let close = end - 3;
                match s[start..close].rfind('\n') {
                    Some(nl) if start + nl > start + 3 => start + nl,
                    _ => close,
                }
            } else {
                end - 1
            };
            let payload = if lit.starts_with("\"\"\"") {
                PAYLOAD_EN.to_string()
            } else {
                escaped()
            };
            s.insert_str(at, &format!(" {payload}"));
            n += 1;
        }
        std::fs::write(&file, s).expect("write");
    }
    n
}

#[test]
fn a_hostile_text_in_every_field_is_only_ever_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n = hostile_framework(dir.path());
    assert!(n > 1000, "only {n} texts were made hostile");

    let o = pmf(&["check", "spec"], dir.path());
    assert!(
        o.status.success(),
        "the hostile framework must still check:\n{}",
        text(&o)
    );
    let o = pmf(&["build", "--out", "out", "spec"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    let out = dir.path().join("out");

    // The CSV template: no field a spreadsheet would run.
    let csv = std::fs::read(out.join("templates/submission-template.csv")).expect("csv");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&csv[..]);
    let mut hostile_cells = 0;
    for rec in rdr.records() {
        for f in rec.expect("a record").iter() {
            let live = f.starts_with(['=', '+', '@', '\t', '\r'])
                || (f.starts_with('-') && f.parse::<f64>().is_err());
            assert!(!live, "a live formula in the CSV template: {f:?}");
            hostile_cells += usize::from(f.contains("HYPERLINK"));
        }
    }
    assert!(
        hostile_cells > 100,
        "the payload should reach the CSV ({hostile_cells})"
    );

    // The workbook: the payload is in text cells only, never in a formula.
    let xlsx = std::fs::read(out.join("templates/submission-template.xlsx")).expect("xlsx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("a zip");
    let mut shared = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("an entry");
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut f, &mut body).expect("XML");
        if name.starts_with("xl/worksheets/") {
            for formula in body.split("<f>").skip(1) {
                let formula = &formula[..formula.find("</f>").unwrap_or(formula.len())];
                // Spec text may be in a formula only as a string literal, quotes doubled, and
                // no longer than Excel reads (255 characters).
                let (code, literals) = split_formula(&formula.replace("&quot;", "\""));
                assert!(
                    !code.contains("HYPERLINK") && !code.contains("alert"),
                    "{name}: spec text as formula code: {formula}"
                );
                for l in literals {
                    assert!(
                        l.chars().count() <= 255,
                        "{name}: a literal over 255 characters"
                    );
                }
            }
        }
        if name == "xl/sharedStrings.xml" {
            shared = body;
        }
    }
    assert!(shared.contains("=HYPERLINK(&quot;h&quot;)") || shared.contains("=HYPERLINK(\"h\")"));
    assert!(
        !shared.contains("<script>"),
        "markup unescaped in the workbook's XML"
    );

    // The SQL: run twice as its header says (before and after loading), nothing dropped.
    if let Some(sqlite) = tool("sqlite3", &[]) {
        let db = dir.path().join("v.db");
        let sql = out.join("validation/pmf_validation.sql");
        for _ in 0..2 {
            let o = Command::new(&sqlite)
                .arg(&db)
                .stdin(std::fs::File::open(&sql).expect("the SQL"))
                .output()
                .expect("sqlite3 runs");
            assert!(o.status.success(), "the SQL fails: {}", text(&o));
        }
        let o = Command::new(&sqlite)
            .arg(&db)
            .arg("SELECT count(*) FROM pmf_rule WHERE message LIKE '%DROP TABLE pmf_rule%'")
            .output()
            .expect("sqlite3 runs");
        assert!(o.status.success(), "pmf_rule is gone: {}", text(&o));
        let explicit = String::from_utf8_lossy(&o.stdout).trim().to_string();
        assert_ne!(explicit, "", "{}", text(&o));
    }

    // The Python module: imports, and runs nothing of the payload.
    if let Some(python) = tool("python3", &[]) {
        let o = Command::new(&python)
            .arg("-c")
            .arg("import sys; sys.path.insert(0, 'out/validation'); import pmf_validate; print(len(pmf_validate.SPEC['rules']))")
            .current_dir(dir.path())
            .output()
            .expect("python3 runs");
        assert!(o.status.success(), "{}", text(&o));
        assert!(!dir.path().join("pmf-canary").exists(), "the payload ran");
    }

    // HTML and Markdown: markup from the spec never appears as markup.
    for (folder, ext) in [("guidance/html", "html"), ("guidance/md", "md")] {
        let mut seen = 0;
        for f in crate::common::files_with_ext(&out.join(folder), ext) {
            let body = std::fs::read_to_string(&f).expect("read");
            assert!(
                !body.contains("<script>alert(1)</script>"),
                "{}: the payload is markup",
                f.display()
            );
            seen += body.matches("alert(1)").count();
        }
        assert!(
            seen > 100,
            "{folder}: the payload should be shown as text ({seen})"
        );
    }
    let md = std::fs::read_to_string(out.join("guidance/md/adults.md")).expect("md");
    let html = {
        let mut s = String::new();
        pulldown_cmark::html::push_html(&mut s, pulldown_cmark::Parser::new(&md));
        s
    };
    assert!(
        !html.contains("<script>") && !html.contains("href=\"javascript"),
        "the Markdown renders the payload as markup"
    );

    // The PDF: laid out (Typst did not take the payload as code), and the payload is text.
    if let Some(pdftotext) = tool("pdftotext", &[]) {
        let o = Command::new(&pdftotext)
            .arg(out.join("guidance/guidance.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let t = String::from_utf8_lossy(&o.stdout);
        assert!(
            t.contains("#set text(red)"),
            "the payload is not text in the PDF"
        );
    }
}

/// A formula cut into its code (outside string literals) and its string literals (`""` is a
/// quote inside a literal).
fn split_formula(f: &str) -> (String, Vec<String>) {
    let mut code = String::new();
    let mut literals = Vec::new();
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            code.push(c);
            continue;
        }
        let mut lit = String::new();
        loop {
            match chars.next() {
                Some('"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    lit.push('"');
                }
                Some('"') | None => break,
                Some(c) => lit.push(c),
            }
        }
        literals.push(lit);
    }
    (code, literals)
}
