//! The validator on real inputs, good and bad: tests/submissions/ holds each input (made here
//! from a clean generated return, so that a change of the spec shows up as a reviewed diff) and
//! the report `pmf validate` gives for it (`.out`). Workbooks are made from the template and
//! damaged the way people damage them; only their reports are kept. UPDATE_EXPECT=1 rewrites.

use crate::common::{expect_file, root};
use crate::differential::shipped_ir;
use crate::subgen::{self, Return, Row};
use pmf::ir::Ir;
use pmf::validate::{self, Options};
use std::io::{Read, Write};
use std::path::PathBuf;

fn dir() -> PathBuf {
    root().join("tests/submissions")
}

fn clean(ir: &Ir, seed: u64, authority: &str, period: &str) -> Return {
    subgen::clean(ir, &mut subgen::Rng(seed), authority, period)
}

fn set(r: &mut Return, code: &str, value: &str, status: &str, comment: &str) {
    match r.rows.iter_mut().find(|x| x.code == code) {
        Some(x) => {
            x.value = value.into();
            x.status = status.into();
            x.comment = comment.into();
        }
        None => r.rows.push(Row {
            code: code.into(),
            value: value.into(),
            status: status.into(),
            comment: comment.into(),
        }),
    }
}

fn value(r: &Return, code: &str) -> f64 {
    r.rows
        .iter()
        .find(|x| x.code == code)
        .and_then(|x| x.value.parse().ok())
        .unwrap_or(0.0)
}

fn report(ir: &Ir, files: &[(&str, &[u8])], indicators: bool) -> validate::Report {
    validate::validate(
        ir,
        files
            .iter()
            .map(|(n, b)| (n.to_string(), Ok(b.to_vec())))
            .collect(),
        Options {
            indicators,
            ..Default::default()
        },
    )
}

/// Text cases: (file name, content).
fn text_cases(ir: &Ir) -> Vec<(String, Vec<u8>)> {
    let base = || clean(ir, 11, "W06000015", "2020-21");
    let csv = |r: &Return| subgen::to_csv(std::slice::from_ref(r));
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>| out.push((name.to_string(), bytes));

    add("good-cardiff-2020-21.csv", csv(&base()).into_bytes());
    let two = [base(), clean(ir, 12, "W06000011", "2021-22")];
    add("good-two-returns.csv", subgen::to_csv(&two).into_bytes());
    add(
        "good-with-bom.csv",
        [b"\xEF\xBB\xBF".as_slice(), csv(&base()).as_bytes()].concat(),
    );
    add(
        "good-blank-rows.csv",
        csv(&base())
            .replace(
                "\nW06000015,2020-21,AD/003,",
                "\n\n , ,,,,,,\nW06000015,2020-21,AD/003,",
            )
            .into_bytes(),
    );

    // Every value rule fault, in figures.
    let mut r = base();
    set(&mut r, "AD/001", "-5", "", "");
    set(&mut r, "AD/002a", "3.5", "", "");
    set(&mut r, "AD/002b", "1e308", "", "");
    set(&mut r, "AD/002c", "999999999999", "", "");
    set(&mut r, "AD/003", "1,000", "", "");
    set(&mut r, "AD/004a", "twelve", "", "");
    set(
        &mut r,
        "AD/004b",
        "=1+2",
        "",
        "=HYPERLINK(\"http://example.org\",\"click\")",
    );
    set(
        &mut r,
        "WF/003a",
        "12.345",
        "",
        "decimal figures are allowed for WTE",
    );
    set(&mut r, "WF/003b", "-0.5", "", "");
    add("bad-figures.csv", csv(&r).into_bytes());

    // Missing values: explained, unexplained, explained by an unknown status.
    let mut r = base();
    set(
        &mut r,
        "AD/001",
        "",
        "not_available",
        "system change in October",
    );
    set(&mut r, "AD/005", "", "NOT COLLECTED THIS YEAR", "");
    set(&mut r, "AD/006", "", "", "");
    set(&mut r, "AD/003", "", "lost", "");
    set(&mut r, "AD/004c", "7", "Not applicable", "");
    add("bad-missing.csv", csv(&r).into_bytes());

    // Rules that compare figures.
    let mut r = base();
    let v = value(&r, "AD/004a");
    set(&mut r, "AD/004a", &format!("{}", v as i64 + 5), "", "");
    let v = value(&r, "AD/002a") + value(&r, "AD/002b");
    set(&mut r, "AD/003", &format!("{}", v as i64 + 2), "", "");
    add("bad-comparisons.csv", csv(&r).into_bytes());

    // The same, explained in a file of exceptions.
    add("excepted.csv", csv(&r).into_bytes());
    add(
        "excepted-exceptions.csv",
        b"authority,period,rule,explanation\nW06000015,2020-21,AD/004.partition,\"Five contacts from a pilot scheme were counted under self or family; corrected next year.\"\nW06000015,2020-21,AD/003.subset,\nW06000015,2020-21,AD/001.required,not needed\nW06000015,2020-21,AD/004.partiton,typo in the rule id\n".to_vec(),
    );

    let mut r = base();
    let dup = r.rows[3].clone();
    r.rows.push(dup);
    add("bad-duplicate.csv", csv(&r).into_bytes());

    let mut r = base();
    set(&mut r, "AD/01", "4", "", "");
    set(&mut r, "ad/004c", "4", "", "");
    set(&mut r, "AD/004", "4", "", "");
    set(&mut r, "XX/123", "4", "", "");
    add("bad-unknown-codes.csv", csv(&r).into_bytes());

    let mut r = base();
    r.authority = "Cardiff".into();
    r.period = "2020/21".into();
    let r2 = clean(ir, 13, "W06000007", "2021-22");
    let r3 = clean(ir, 14, "", "");
    add(
        "bad-authority-and-period.csv",
        subgen::to_csv(&[r, r2, r3]).into_bytes(),
    );

    add(
        "bad-semicolons.csv",
        csv(&base()).replace(',', ";").into_bytes(),
    );
    add("bad-tabs.csv", csv(&base()).replace(',', "\t").into_bytes());
    add("bad-empty.csv", b"\n  \n".to_vec());
    add(
        "bad-no-header.csv",
        csv(&base())
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
    );
    let mut latin = csv(&base()).into_bytes();
    let at = latin.iter().position(|b| *b == b'\n').unwrap_or(0) + 30;
    latin.insert(at, 0xA3);
    add("bad-not-utf8.csv", latin);
    add(
        "bad-short-rows.csv",
        csv(&base())
            .replace(
                "W06000015,2020-21,AD/005,",
                "W06000015,2020-21,AD/005\nW06000015,2020-21,AD/005x,",
            )
            .into_bytes(),
    );
    add(
        "bad-unclosed-quote.csv",
        format!("{}W06000015,2020-21,AD/001,\"4,,,,\n", csv(&base())).into_bytes(),
    );

    // JSON.
    let good_json = pmf::gen::templates::json::template(
        ir,
        &pmf::gen::templates::Fill {
            submission: pmf::validate::read::read("c.csv", csv(&base()).as_bytes(), ir)
                .ok()
                .and_then(|i| i.submissions.into_iter().next())
                .as_ref(),
            ..Default::default()
        },
    );
    add("good-cardiff-2020-21.json", good_json.clone().into_bytes());
    let mut v: serde_json::Value = serde_json::from_str(&good_json).unwrap_or_default();
    if let Some(vals) = v
        .pointer_mut("/submissions/0/values")
        .and_then(|x| x.as_array_mut())
    {
        vals[0]["value"] = serde_json::json!(-4);
        vals[1]["value"] = serde_json::json!("12");
        vals[2]["value"] = serde_json::json!(true);
        vals[3] = serde_json::json!("AD/003");
        vals[4]["value"] = serde_json::Value::Null;
        vals[5] = serde_json::json!({"value": 3});
    }
    v["submissions"][0]["exceptions"] =
        serde_json::json!([{"rule": "AD/002a.value", "explanation": "known issue"}]);
    add(
        "bad-values.json",
        serde_json::to_string_pretty(&v)
            .unwrap_or_default()
            .into_bytes(),
    );
    add(
        "bad-syntax.json",
        good_json
            .replacen("\"values\": [", "\"values\": [,", 1)
            .into_bytes(),
    );
    add("bad-shape.json", b"[1, 2, 3]\n".to_vec());
    out
}

/// The cases also reported in Welsh.
const WELSH_CASES: [&str; 11] = [
    "good-cardiff-2020-21.csv",
    "bad-figures.csv",
    "bad-missing.csv",
    "bad-comparisons.csv",
    "excepted.csv",
    "bad-duplicate.csv",
    "bad-unknown-codes.csv",
    "bad-authority-and-period.csv",
    "bad-semicolons.csv",
    "bad-unclosed-quote.csv",
    "bad-values.json",
];

#[test]
fn submissions_give_the_expected_reports() {
    let ir = shipped_ir();
    let cases = text_cases(&ir);
    let mut errors = Vec::new();
    let inputs = dir().join("inputs");
    let _ = std::fs::create_dir_all(&inputs);
    for (name, bytes) in &cases {
        if name.ends_with("-exceptions.csv") {
            continue;
        }
        // The input itself is kept for review (lossily when it is not UTF-8).
        if let Err(e) = expect_file(&inputs.join(name), &String::from_utf8_lossy(bytes)) {
            errors.push(e);
        }
        let mut files: Vec<(&str, &[u8])> = vec![(name.as_str(), bytes.as_slice())];
        let exc = name.replace(".csv", "-exceptions.csv");
        if let Some((n, b)) = cases.iter().find(|(n, _)| *n == exc && exc != *name) {
            if let Err(e) = expect_file(&inputs.join(n), &String::from_utf8_lossy(b)) {
                errors.push(e);
            }
            files.push((n.as_str(), b.as_slice()));
        }
        let r = report(&ir, &files, false);
        let text = format!("exit code {}\n{}", r.exit_code(), r.to_text());
        if let Err(e) = expect_file(&dir().join(format!("{name}.out")), &text) {
            errors.push(e);
        }
        // In Welsh (`pmf validate --lang cy`), the cases whose findings the engine words: the
        // same findings and exit code, every fixed word from the messages table's Welsh.
        if WELSH_CASES.contains(&name.as_str()) {
            let cy = validate::validate(
                &ir,
                files
                    .iter()
                    .map(|(n, b)| (n.to_string(), Ok(b.to_vec())))
                    .collect(),
                Options {
                    lang: pmf::ir::Lang::Cy,
                    ..Default::default()
                },
            );
            assert_eq!(cy.exit_code(), r.exit_code(), "{name}");
            let text = format!("exit code {}\n{}", cy.exit_code(), cy.to_text());
            if let Err(e) = expect_file(&dir().join(format!("{name}.cy.out")), &text) {
                errors.push(e);
            }
        }
        // Good inputs are clean; bad ones are not.
        let code = r.exit_code();
        if name.starts_with("good-") {
            assert_eq!(code, 0, "{name}:\n{text}");
        } else if name.starts_with("bad-") {
            assert_ne!(code, 0, "{name}:\n{text}");
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

// ---- workbooks ---------------------------------------------------------------------------

/// Rewrites entries of a zip archive (a workbook) with `edit(name, text)`.
fn rezip(bytes: &[u8], edit: &dyn Fn(&str, String) -> String) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).expect("an entry");
        let name = f.name().expect("an entry name").to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("read the entry");
        let data = match String::from_utf8(data) {
            Ok(t) => edit(&name, t).into_bytes(),
            Err(e) => e.into_bytes(),
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start an entry");
        out.write_all(&data).expect("write an entry");
    }
    out.finish().expect("finish the zip").into_inner()
}

/// Replaces the element of one cell in a sheet's XML.
fn set_cell(xml: &str, cell: &str, new: &str) -> String {
    let start = xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let rest = &xml[start..];
    let end = if rest[..rest.find('>').unwrap_or(0)].ends_with('/') {
        rest.find('>').unwrap_or(0) + 1
    } else {
        rest.find("</c>").unwrap_or(0) + 4
    };
    format!("{}{new}{}", &xml[..start], &xml[start + end..])
}

fn remove_row(xml: &str, row: u32) -> String {
    let start = xml.find(&format!("<row r=\"{row}\"")).expect("the row");
    let end = start + xml[start..].find("</row>").expect("its end") + 6;
    format!("{}{}", &xml[..start], &xml[end..])
}

/// The row of a code on the Adults sheet (1-based), read from the workbook.
fn row_of(bytes: &[u8], code: &str) -> u32 {
    use calamine::{Data, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let range = wb.worksheet_range("Adults").expect("the Adults sheet");
    for (r, row) in range.rows().enumerate() {
        if matches!(row.first(), Some(Data::String(s)) if s == code) {
            return range.start().map(|s| s.0).unwrap_or(0) + r as u32 + 1;
        }
    }
    panic!("no row for {code}");
}

#[test]
fn workbooks_good_and_damaged_give_the_expected_reports() {
    let ir = shipped_ir();
    let base = clean(&ir, 11, "W06000015", "2020-21");
    let csv = subgen::to_csv(std::slice::from_ref(&base));
    let input = pmf::validate::read::read("c.csv", csv.as_bytes(), &ir).expect("reads");
    let sub = &input.submissions[0];
    let mut sub_x = sub.clone();
    sub_x.exceptions.push(pmf::validate::submission::Exception {
        rule: "AD/004.partition".into(),
        explanation: "=cmd|' /C calc'!A0 is not a formula here".into(),
        site: sub.authority_site.clone(),
    });
    let fill = pmf::gen::templates::Fill {
        submission: Some(&sub_x),
        ..Default::default()
    };
    let filled = pmf::gen::templates::xlsx::template(&ir, &fill).expect("the workbook");

    // Read back, a filled workbook gives what the CSV gave.
    let back = pmf::validate::read::read("filled.xlsx", &filled, &ir).expect("the workbook reads");
    let got = &back.submissions[0];
    assert_eq!(got.authority, "W06000015");
    assert_eq!(got.period, "2020-21");
    for e in &sub.entries {
        let g = got
            .entry(&e.code)
            .unwrap_or_else(|| panic!("{} is not read back", e.code));
        assert_eq!(
            (&g.raw, &g.status, &g.comment),
            (&e.raw, &e.status, &e.comment),
            "{}",
            e.code
        );
    }
    assert_eq!(got.exceptions.len(), 1);
    assert!(got.problems.is_empty(), "{:?}", got.problems);

    let r004a = row_of(&filled, "AD/004a");
    let r004c = row_of(&filled, "AD/004c");
    let r001 = row_of(&filled, "AD/001");
    let adults = "xl/worksheets/sheet2.xml";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("filled.xlsx", filled.clone()),
        (
            "renamed-sheet.xlsx",
            rezip(&filled, &|n, t| {
                let t = if n == "xl/workbook.xml" {
                    t.replace("name=\"Adults\"", "name=\"Adults 2020-21\"")
                } else {
                    t
                };
                if n == adults {
                    set_cell(
                        &t,
                        &format!("C{r004a}"),
                        &format!("<c r=\"C{r004a}\" t=\"inlineStr\"><is><t>twelve</t></is></c>"),
                    )
                } else {
                    t
                }
            }),
        ),
        (
            "deleted-row.xlsx",
            rezip(&filled, &|n, t| {
                if n == adults {
                    remove_row(&t, r004c)
                } else {
                    t
                }
            }),
        ),
        (
            "formula-in-cell.xlsx",
            rezip(&filled, &|n, t| {
                if n == adults {
                    set_cell(
                        &t,
                        &format!("C{r001}"),
                        &format!("<c r=\"C{r001}\"><f>1+2</f><v>3</v></c>"),
                    )
                } else {
                    t
                }
            }),
        ),
        (
            "huge-and-negative.xlsx",
            rezip(&filled, &|n, t| {
                if n == adults {
                    let t = set_cell(
                        &t,
                        &format!("C{r001}"),
                        &format!("<c r=\"C{r001}\"><v>1E+308</v></c>"),
                    );
                    set_cell(
                        &t,
                        &format!("C{r004a}"),
                        &format!("<c r=\"C{r004a}\"><v>-5</v></c>"),
                    )
                } else {
                    t
                }
            }),
        ),
        (
            "error-in-cell.xlsx",
            rezip(&filled, &|n, t| {
                if n == adults {
                    set_cell(
                        &t,
                        &format!("C{r001}"),
                        &format!("<c r=\"C{r001}\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"),
                    )
                } else {
                    t
                }
            }),
        ),
        (
            "no-cover.xlsx",
            rezip(&filled, &|n, t| {
                if n == "xl/workbook.xml" {
                    let a = t.find("<definedNames>").unwrap_or(0);
                    let b = t.find("</definedNames>").map(|x| x + 15).unwrap_or(0);
                    format!("{}{}", &t[..a], &t[b..]).replace("name=\"Cover\"", "name=\"Front\"")
                } else {
                    t
                }
            }),
        ),
        ("truncated.xlsx", filled[..filled.len() / 2].to_vec()),
        ("corrupt.xlsx", {
            let mut b = filled.clone();
            // Damage the data of the Adults sheet itself.
            let name = b"xl/worksheets/sheet2.xml";
            let mid = b.windows(name.len()).position(|w| w == name).unwrap_or(0) + 200;
            for x in &mut b[mid..mid + 400] {
                *x ^= 0x5A;
            }
            b
        }),
        ("zip-bomb.xlsx", {
            // Central directory entries claim 4 GB each.
            let mut b = filled.clone();
            let mut i = 0;
            while i + 46 < b.len() {
                if b[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
                    b[i + 24..i + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
                    i += 46;
                } else {
                    i += 1;
                }
            }
            b
        }),
        ("not-a-workbook.xlsx", b"authority,period,code\n".to_vec()),
        ("old-format.xls", b"\xD0\xCF\x11\xE0".to_vec()),
    ];
    let mut errors = Vec::new();
    let out_dir = dir().join("workbooks");
    let _ = std::fs::create_dir_all(&out_dir);
    for (name, bytes) in &cases {
        let r = report(&ir, &[(name, bytes)], *name == "filled.xlsx");
        let text = format!("exit code {}\n{}", r.exit_code(), r.to_text());
        if let Err(e) = expect_file(&out_dir.join(format!("{name}.out")), &text) {
            errors.push(e);
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_command_line_exits_0_1_or_2() {
    let ir = shipped_ir();
    let _ = ir;
    let bin = env!("CARGO_BIN_EXE_pmf");
    let inputs = dir().join("inputs");
    let spec = root().join("spec");
    let run = |files: &[&str], extra: &[&str]| {
        let out = std::process::Command::new(bin)
            .arg("validate")
            .arg("--spec")
            .arg(&spec)
            .args(extra)
            .args(files.iter().map(|f| inputs.join(f)))
            .output()
            .expect("pmf runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    assert_eq!(run(&["good-cardiff-2020-21.csv"], &[]).0, Some(0));
    assert_eq!(run(&["bad-comparisons.csv"], &[]).0, Some(1));
    // One exception has no explanation, so its error stays.
    assert_eq!(
        run(&["excepted.csv", "excepted-exceptions.csv"], &[]).0,
        Some(1)
    );
    assert_eq!(
        run(&["good-cardiff-2020-21.csv", "bad-semicolons.csv"], &[]).0,
        Some(2)
    );
    let (code, json) = run(
        &["bad-comparisons.csv"],
        &["--format", "json", "--indicators"],
    );
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON output");
    assert_eq!(v["exit_code"], 1);
    let f = &v["submissions"][0]["findings"][0];
    assert_eq!(f["rule"], "AD/003.subset");
    assert_eq!(f["imbalance"], 2.0);
    assert!(v["submissions"][0]["indicators"].is_array());
    let missing = std::process::Command::new(bin)
        .args(["validate", "--spec"])
        .arg(&spec)
        .arg(inputs.join("no-such-file.csv"))
        .output()
        .expect("pmf runs");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_workbook_saved_by_libreoffice_reads_the_same() {
    let Some(soffice) = crate::differential::tool("soffice", &["libreoffice"]) else {
        return;
    };
    let ir = shipped_ir();
    let mut r = clean(&ir, 21, "W06000023", "2022-23");
    let v = value(&r, "AD/004a");
    set(
        &mut r,
        "AD/004a",
        &format!("{}", v as i64 + 4),
        "",
        "a note, with a comma",
    );
    set(&mut r, "AD/005", "", "Not available", "=not a formula");
    set(&mut r, "WF/003a", "12.75", "", "");
    let csv = subgen::to_csv(std::slice::from_ref(&r));
    let sub = pmf::validate::read::read("r.csv", csv.as_bytes(), &ir)
        .expect("reads")
        .submissions
        .remove(0);
    let bytes = pmf::gen::templates::xlsx::template(
        &ir,
        &pmf::gen::templates::Fill {
            submission: Some(&sub),
            ..Default::default()
        },
    )
    .expect("the workbook");
    let dir = tempfile::tempdir().expect("a folder");
    let src = dir.path().join("in").join("return.xlsx");
    std::fs::create_dir_all(src.parent().expect("a parent")).expect("a folder");
    std::fs::write(&src, &bytes).expect("write");
    let out = dir.path().join("out");
    let profile = tempfile::tempdir().expect("a profile");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&src)
        .output()
        .expect("soffice runs");
    assert!(status.status.success());
    let saved = std::fs::read(out.join("return.xlsx")).expect("LibreOffice saved the workbook");
    assert_ne!(saved, bytes, "LibreOffice wrote its own file");
    let findings = |name: &str, b: &[u8]| -> Vec<(String, String)> {
        let rep = report(&ir, &[(name, b)], false);
        assert!(rep.unreadable.is_empty(), "{:?}", rep.unreadable);
        rep.submissions[0]
            .findings
            .iter()
            .map(|f| (f.rule.clone(), f.detail.clone()))
            .collect()
    };
    let ours = findings("return.xlsx", &bytes);
    assert!(
        ours.iter().any(|(r, _)| r == "AD/004.partition"),
        "{ours:?}"
    );
    assert_eq!(findings("return.xlsx", &saved), ours);
    let back = pmf::validate::read::read("return.xlsx", &saved, &ir).expect("reads");
    let s = &back.submissions[0];
    assert_eq!(
        (s.authority.as_str(), s.period.as_str()),
        ("W06000023", "2022-23")
    );
    let e = s.entry("AD/005").expect("AD/005");
    assert_eq!(e.comment.as_deref(), Some("=not a formula"));
    assert_eq!(e.status.as_deref(), Some("Not available"));
}
