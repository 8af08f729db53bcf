//! Templates: deterministic bytes, a layout an officer can use (read back by the validator,
//! protected, validated, printable), prefilling, and no live formula made from submitted text.

use crate::differential::{libreoffice_csv, shipped_ir, tool};
use crate::subgen;
use pmf::gen::templates::{self, Fill};
use pmf::ir::Ir;
use pmf::validate::read;
use std::io::Read;

fn entry(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut f = z.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 XML");
    s
}

fn prefilled(ir: &Ir) -> pmf::validate::Submission {
    let mut r = subgen::clean(ir, &mut subgen::Rng(3), "W06000022", "2020-21");
    r.rows[0].comment = "=HYPERLINK(\"http://example.org\",\"click\")".into();
    r.rows[1].value = "=1+2".into();
    r.rows[2].value = String::new();
    r.rows[2].status = "+not_available".into();
    r.rows[3].comment = "@SUM(A1:A9)".into();
    let csv = subgen::to_csv(&[r]);
    read::read("prefill.csv", csv.as_bytes(), ir)
        .expect("reads")
        .submissions
        .remove(0)
}

#[test]
fn templates_are_byte_for_byte_deterministic() {
    let ir = shipped_ir();
    let sub = prefilled(&ir);
    for fill in [
        Fill::default(),
        Fill {
            submission: Some(&sub),
            ..Default::default()
        },
    ] {
        let a = templates::xlsx::template(&ir, &fill).expect("xlsx");
        let b = templates::xlsx::template(&ir, &fill).expect("xlsx");
        assert!(a == b, "two builds of the workbook differ");
        assert_eq!(
            templates::csv::template(&ir, &fill),
            templates::csv::template(&ir, &fill)
        );
        assert_eq!(
            templates::json::template(&ir, &fill),
            templates::json::template(&ir, &fill)
        );
    }
    assert_eq!(templates::json::schema(&ir), templates::json::schema(&ir));
    // No date of today in the workbook's properties.
    let core = entry(
        &templates::xlsx::template(&ir, &Fill::default()).expect("xlsx"),
        "docProps/core.xml",
    );
    assert!(core.contains("2020-04-01T00:00:00Z"), "{core}");
}

#[test]
fn a_blank_template_reads_back_with_every_value_to_give() {
    let ir = shipped_ir();
    for (name, bytes) in [
        (
            "t.xlsx",
            templates::xlsx::template(&ir, &Fill::default()).expect("xlsx"),
        ),
        (
            "t.csv",
            templates::csv::template(&ir, &Fill::default()).into_bytes(),
        ),
        (
            "t.json",
            templates::json::template(&ir, &Fill::default()).into_bytes(),
        ),
    ] {
        let input = read::read(name, &bytes, &ir).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(input.submissions.len(), 1, "{name}");
        let sub = &input.submissions[0];
        assert!(sub.problems.is_empty(), "{name}: {:?}", sub.problems);
        let codes: Vec<&str> = sub.entries.iter().map(|e| e.code.as_str()).collect();
        let expected: Vec<&str> = ir
            .data_items
            .iter()
            .map(|d| d.code.as_str())
            .chain(ir.populations.iter().map(|p| p.id.as_str()))
            .collect();
        assert_eq!(codes, expected, "{name}: every value, in template order");
        let findings = pmf::validate::Engine::new(&ir).check(sub);
        let required = findings
            .iter()
            .filter(|f| {
                f.kind == pmf::validate::engine::FindingKind::Rule(pmf::ir::RuleKind::Required)
            })
            .count();
        assert_eq!(required, ir.data_items.len(), "{name}");
        let others: Vec<&str> = findings
            .iter()
            .filter(|f| {
                f.kind != pmf::validate::engine::FindingKind::Rule(pmf::ir::RuleKind::Required)
            })
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(others, ["input.authority", "input.period"], "{name}");
    }
}

#[test]
fn the_workbook_is_laid_out_for_an_officer() {
    let ir = shipped_ir();
    let sub = prefilled(&ir);
    let bytes = templates::xlsx::template(
        &ir,
        &Fill {
            submission: Some(&sub),
            ..Default::default()
        },
    )
    .expect("xlsx");
    let wb = entry(&bytes, "xl/workbook.xml");
    for s in [
        "Cover",
        "Adults",
        "Children",
        "Adult carers",
        "Young carers",
        "Workforce",
        "Checks",
        "Indicators",
        "Exceptions",
    ] {
        assert!(wb.contains(&format!("<sheet name=\"{s}\"")), "no sheet {s}");
    }
    assert!(
        wb.contains("name=\"Lists\" sheetId=\"10\" state=\"hidden\""),
        "{wb}"
    );
    for n in ["Authority", "Period", "ContactName", "ContactEmail"] {
        assert!(
            wb.contains(&format!("<definedName name=\"{n}\">")),
            "no name {n}"
        );
    }
    // Every sheet protected and set up for A4.
    for i in 1..=9 {
        let x = entry(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(x.contains("<sheetProtection"), "sheet{i} is not protected");
        assert!(
            x.contains("paperSize=\"9\""),
            "sheet{i} is not set up for A4"
        );
    }
    let adults = entry(&bytes, "xl/worksheets/sheet2.xml");
    let n_adults = ir
        .data_items
        .iter()
        .filter(|d| d.part.as_deref() == Some("adults"))
        .count();
    assert_eq!(
        adults.matches("<dataValidation type=\"whole\"").count(),
        n_adults,
        "a whole-number validation on each value of Adults"
    );
    assert!(adults.contains("promptTitle=\"AD/001\""));
    assert!(
        adults.contains("The total number of contacts to the IAA service received during the year")
    );
    assert!(adults.contains("type=\"list\""), "the status list");
    let workforce = entry(&bytes, "xl/worksheets/sheet6.xml");
    assert!(
        workforce.contains("<dataValidation type=\"decimal\""),
        "WTE take decimals"
    );
    let checks = entry(&bytes, "xl/worksheets/sheet7.xml");
    assert_eq!(
        checks.matches("\"FAILS\",\"ok\"").count(),
        ir.rules.len(),
        "one check per rule"
    );
    assert!(checks.contains("<autoFilter"));
    // The list of 22 authorities.
    let lists = entry(&bytes, "xl/sharedStrings.xml");
    for a in pmf::authorities::AUTHORITIES {
        assert!(lists.contains(&a.label()), "{} is not listed", a.name);
    }
    // Text from the submission is never a formula.
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("xlsx");
    use calamine::Reader;
    let formulas = book.worksheet_formula("Adults").expect("formulas");
    let values = book.worksheet_range("Adults").expect("values");
    let mut seen = 0;
    for (r, c, v) in values.used_cells() {
        let text = match v {
            calamine::Data::String(s) => s.clone(),
            _ => continue,
        };
        if text.starts_with('=') || text.starts_with('@') || text.starts_with('+') {
            seen += 1;
            let (r0, c0) = values.start().unwrap_or((0, 0));
            let f = formulas.get_value((r0 + r as u32, c0 + c as u32));
            assert!(f.is_none_or(|f| f.is_empty()), "{text} became a formula");
        }
    }
    assert!(
        seen >= 3,
        "the submitted texts are in the workbook as text ({seen})"
    );
}

#[test]
fn the_tidy_template_defuses_formulas_and_keeps_figures() {
    let ir = shipped_ir();
    let sub = prefilled(&ir);
    let csv = templates::csv::template(
        &ir,
        &Fill {
            submission: Some(&sub),
            period: Some("2021-22".into()),
            ..Default::default()
        },
    );
    assert!(
        csv.contains("'=HYPERLINK"),
        "a comment starting with = is defused"
    );
    assert!(csv.contains("'=1+2"));
    assert!(csv.contains("'+not_available"));
    assert!(csv.contains("'@SUM(A1:A9)"));
    for line in csv.lines().skip(1) {
        let first = line.split(',').nth(4).unwrap_or_default();
        assert!(!first.starts_with('='));
        assert!(line.starts_with("W06000022,2021-22,"), "{line}");
    }
    // The JSON template and its schema agree on the codes.
    let schema: serde_json::Value =
        serde_json::from_str(&templates::json::schema(&ir)).expect("schema");
    let codes = schema
        .pointer("/$defs/value/properties/code/enum")
        .and_then(|v| v.as_array())
        .expect("codes");
    assert_eq!(codes.len(), ir.data_items.len() + ir.populations.len());
    let rules = schema
        .pointer("/$defs/exception/properties/rule/enum")
        .and_then(|v| v.as_array())
        .expect("rules");
    assert_eq!(rules.len(), ir.rules.len());
    let json: serde_json::Value = serde_json::from_str(&templates::json::template(
        &ir,
        &Fill {
            submission: Some(&sub),
            ..Default::default()
        },
    ))
    .expect("json");
    for v in json["submissions"][0]["values"].as_array().expect("values") {
        assert!(codes.contains(&v["code"]), "{} is in the schema", v["code"]);
    }
}

#[test]
fn the_command_line_writes_and_prefills_templates() {
    let bin = env!("CARGO_BIN_EXE_pmf");
    let root = crate::common::root();
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("t.xlsx");
    let status = std::process::Command::new(bin)
        .current_dir(&root)
        .args(["template", "--format", "xlsx", "-o"])
        .arg(&out)
        .args([
            "--prefill",
            "tests/submissions/inputs/good-cardiff-2020-21.csv",
            "--period",
            "2021-22",
        ])
        .output()
        .expect("pmf runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let ir = shipped_ir();
    let bytes = std::fs::read(&out).expect("the workbook");
    let sub = read::read("t.xlsx", &bytes, &ir)
        .expect("reads")
        .submissions
        .remove(0);
    assert_eq!(
        (sub.authority.as_str(), sub.period.as_str()),
        ("W06000015", "2021-22")
    );
    assert!(
        sub.entries
            .iter()
            .filter(|e| e.raw != pmf::validate::submission::Raw::Blank)
            .count()
            > 500
    );
    // Several returns in the file: one must be chosen.
    let two = std::process::Command::new(bin)
        .current_dir(&root)
        .args([
            "template",
            "--format",
            "csv",
            "--prefill",
            "tests/submissions/inputs/good-two-returns.csv",
        ])
        .output()
        .expect("pmf runs");
    assert_eq!(two.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two.stderr).contains("holds 2 returns"));
    let pick = std::process::Command::new(bin)
        .current_dir(&root)
        .args([
            "template",
            "--format",
            "csv",
            "--authority",
            "Swansea",
            "--prefill",
            "tests/submissions/inputs/good-two-returns.csv",
        ])
        .output()
        .expect("pmf runs");
    assert!(pick.status.success());
    assert!(String::from_utf8_lossy(&pick.stdout)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .starts_with("W06000011,2021-22,AD/001,"));
    let bad = std::process::Command::new(bin)
        .current_dir(&root)
        .args(["template", "--format", "csv", "--authority", "Bristol"])
        .output()
        .expect("pmf runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn libreoffice_opens_the_blank_template_and_flags_every_value_to_give() {
    let Some(soffice) = tool("soffice", &["libreoffice"]) else {
        return;
    };
    let ir = shipped_ir();
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("blank.xlsx");
    std::fs::write(
        &path,
        templates::xlsx::template_uncached(&ir, &Fill::default()).expect("xlsx"),
    )
    .expect("write");
    let out = dir.path().join("csv");
    libreoffice_csv(&soffice, &[path], &out);
    let failing = crate::differential::failing_in_checks(&out.join("blank-Checks.csv"));
    let required: std::collections::BTreeSet<String> = ir
        .rules
        .iter()
        .filter(|r| r.kind == pmf::ir::RuleKind::Required)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(
        failing, required,
        "a blank return fails its required rules only"
    );
    let cover = std::fs::read_to_string(out.join("blank-Cover.csv")).expect("the cover");
    assert!(
        cover.contains(&format!("{} figures still to give", ir.data_items.len())),
        "{cover}"
    );
}
