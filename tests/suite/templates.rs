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
        ir.rules
            .iter()
            .filter(|r| !r.kind.is_year_on_year())
            .count(),
        "one check per rule of one year (pmf validate --previous checks the year-on-year rules)"
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

/// A clean return with one fault (AD/007a more than AD/006, which it is part of) and one figure
/// left blank without a status.
fn one_fault_one_gap(ir: &Ir) -> (pmf::validate::Submission, f64, f64) {
    let mut r = subgen::clean(ir, &mut subgen::Rng(11), "W06000015", "2020-21");
    let value = |r: &subgen::Return, code: &str| -> f64 {
        r.rows
            .iter()
            .find(|x| x.code == code)
            .and_then(|x| x.value.parse().ok())
            .unwrap_or_else(|| panic!("{code} has a figure"))
    };
    let whole = value(&r, "AD/006");
    let part = whole + 250.0;
    for row in r.rows.iter_mut() {
        if row.code == "AD/007a" {
            row.value = format!("{part}");
        }
        if row.code == "WF/001" {
            row.value = String::new();
        }
    }
    let csv = subgen::to_csv(&[r]);
    let sub = read::read("one.csv", csv.as_bytes(), ir)
        .expect("reads")
        .submissions
        .remove(0);
    (sub, part, whole)
}

/// The cached values of a sheet, by row and column (0-based), as text.
fn cached(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let range = book.worksheet_range(sheet).expect("the sheet");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (r1, c1) = range.end().unwrap_or((0, 0));
    (0..=r1)
        .map(|r| {
            (0..=c1)
                .map(|c| {
                    if r < r0 || c < c0 {
                        return String::new();
                    }
                    match range.get_value((r, c)) {
                        Some(calamine::Data::String(s)) => s.clone(),
                        Some(calamine::Data::Float(f)) => format!("{f}"),
                        Some(calamine::Data::Int(i)) => format!("{i}"),
                        Some(calamine::Data::Empty) | None => String::new(),
                        Some(other) => format!("{other:?}"),
                    }
                })
                .collect()
        })
        .collect()
}

/// The row (0-based) of a code on a part sheet.
fn row_of(sheet: &[Vec<String>], code: &str) -> usize {
    sheet
        .iter()
        .position(|r| r.first().map(String::as_str) == Some(code))
        .unwrap_or_else(|| panic!("{code} is on the sheet"))
}

#[test]
fn a_failing_rule_reads_as_a_sentence_with_its_figures_in_the_check_cell() {
    let ir = shipped_ir();
    let (sub, part, whole) = one_fault_one_gap(&ir);
    let fill = Fill {
        submission: Some(&sub),
        ..Default::default()
    };
    let bytes = templates::xlsx::template(&ir, &fill).expect("xlsx");
    let adults = cached(&bytes, "Adults");
    let check = &adults[row_of(&adults, "AD/007a")][6];
    assert_eq!(
        check,
        &format!(
            "AD/007a ({part}) is more than AD/006 ({whole}), which it is part of: correct one of \
             them, or explain it on the Exceptions sheet (rule AD/007a.within)."
        )
    );
    // The same sentence beside the other value of the rule; a value still to give says so.
    assert_eq!(&adults[row_of(&adults, "AD/006")][6], check);
    let workforce = cached(&bytes, "Workforce");
    assert_eq!(
        workforce[row_of(&workforce, "WF/001")][6],
        "WF/001 has no figure yet: give it, or choose a status (rule WF/001.required)."
    );
    // No rule jargon left in any Check cell of any part sheet.
    for sheet in [
        "Adults",
        "Children",
        "Adult carers",
        "Young carers",
        "Workforce",
    ] {
        for row in cached(&bytes, sheet) {
            let c = row.get(6).map(String::as_str).unwrap_or("");
            assert!(
                !c.contains("fails by") && !c.contains('\u{2717}') && !c.contains('\u{25CB}'),
                "{sheet}: {c}"
            );
        }
    }
    // The sentence is built by formula from the Checks sheet's live figures.
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("xlsx");
    let formulas = book.worksheet_formula("Checks").expect("formulas");
    let checks = cached(&bytes, "Checks");
    let n = row_of(&checks, "AD/007a.within");
    let f = formulas
        .get_value((n as u32, 10))
        .expect("a sentence formula");
    assert!(
        f.contains(&format!("ROUND(D{},6)", n + 1)) && f.contains(&format!("ROUND(E{},6)", n + 1)),
        "{f}"
    );
    assert_eq!(format!("{}.", checks[n][10]), *check);
}

#[test]
fn the_cover_counts_in_words_with_one_and_many() {
    let ir = shipped_ir();
    let (sub, _, _) = one_fault_one_gap(&ir);
    let findings = pmf::validate::Engine::new(&ir).check(&sub);
    let open: Vec<&str> = findings
        .iter()
        .filter(|f| f.kind != pmf::validate::engine::FindingKind::Input)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(open, ["AD/007a.within", "WF/001.required"], "the fixture");
    let one = templates::xlsx::template(
        &ir,
        &Fill {
            submission: Some(&sub),
            ..Default::default()
        },
    )
    .expect("xlsx");
    assert_eq!(
        cached(&one, "Cover")[15][1],
        "1 figure still to give. 1 error to correct or explain (see the Checks sheet)."
    );
    let blank = templates::xlsx::template(&ir, &Fill::default()).expect("xlsx");
    assert_eq!(
        cached(&blank, "Cover")[15][1],
        format!("{} figures still to give.", ir.data_items.len())
    );
    // The formula chooses the same words as it counts.
    let cover = entry(&one, "xl/worksheets/sheet1.xml");
    assert!(cover.contains("IF(Checks!$E$3=1,Checks!$E$3&amp;\" figure still to give.\",Checks!$E$3&amp;\" figures still to give.\")"), "{cover}");
    assert!(cover.contains("IF(Checks!$E$4=1,Checks!$E$4&amp;\" error to correct"));

    // In Welsh, with Welsh plurals: the noun after 2 mutates ("2 wall"), in the formula too.
    let cy = templates::xlsx::template(
        &ir,
        &Fill {
            submission: Some(&sub),
            lang: pmf::ir::Lang::Cy,
            ..Default::default()
        },
    )
    .expect("xlsx");
    assert_eq!(
        cached(&cy, "Clawr")[15][1],
        "1 ffigur i'w roi o hyd. 1 gwall i'w gywiro neu ei egluro (gweler y daflen Gwiriadau)."
    );
    let cover = entry(&cy, "xl/worksheets/sheet1.xml");
    assert!(
        cover.contains("IF(Gwiriadau!$E$4=2,Gwiriadau!$E$4&amp;\" wall i'w gywiro"),
        "{cover}"
    );
}

#[test]
fn a_blank_template_caches_empty_text_not_zero_where_a_formula_shows_nothing() {
    let ir = shipped_ir();
    let bytes = templates::xlsx::template(&ir, &Fill::default()).expect("xlsx");
    // Cover: the authority's ONS code beside an authority not chosen yet.
    assert_eq!(cached(&bytes, "Cover")[5][3], "");
    // Every Exceptions check, every Exception column of the Checks sheet, every Check cell of
    // a part sheet with no fault: text, empty, never a 0.
    let exceptions = cached(&bytes, "Exceptions");
    assert!(exceptions.len() >= 105, "100 rows of exceptions");
    for (r, row) in exceptions.iter().enumerate().take(105).skip(5) {
        assert_eq!(row[2], "", "Exceptions C{}", r + 1);
    }
    let checks = cached(&bytes, "Checks");
    for (r, row) in checks.iter().enumerate().skip(5) {
        assert_eq!(row[7], "", "Checks H{}", r + 1);
    }
    for sheet in 1..=9 {
        let x = entry(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
        for cell in x.split("<c r=\"").skip(1) {
            let cell = &cell[..cell.find("</c>").unwrap_or(cell.len())];
            // A formula that can show nothing shows nothing for a blank template, not a 0.
            if cell.contains("<f>") && cell.contains(",\"\")") {
                assert!(!cell.ends_with("<v>0</v>"), "sheet{sheet}: {cell}");
            }
        }
    }
}

#[test]
fn the_part_sheets_keep_code_and_item_in_view_and_fit_a_laptop_screen() {
    let ir = shipped_ir();
    let bytes = templates::xlsx::template(&ir, &Fill::default()).expect("xlsx");
    let styles = entry(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("<font><sz val=\"10\"/><name val=\"Arial\"/>")
            || styles.contains("<sz val=\"10\"/><color theme=\"1\"/><name val=\"Arial\"/>"),
        "the workbook's own font is Arial 10, so widths mean the same everywhere"
    );
    for i in 2..=6 {
        let x = entry(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(
            x.contains("<pane xSplit=\"2\" ySplit=\"5\" topLeftCell=\"C6\""),
            "sheet{i}: frozen at the Value column, under the header"
        );
        // Code to Check: the widths (characters of 7 pixels, and 5 of padding) of the first
        // six columns leave at least 400 pixels of the Check column on a 1366-pixel screen
        // (less 60 for the row numbers and the scroll bar).
        let mut widths = Vec::new();
        for col in x.split("<col ").skip(1) {
            let attr = |name: &str| -> f64 {
                col.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            widths.push((attr("min") as u32, attr("width")));
        }
        let before_check: f64 = widths
            .iter()
            .filter(|(c, _)| (1..=6).contains(c))
            .map(|(_, w)| (w * 7.0).round() + 5.0)
            .sum();
        assert!(
            1366.0 - 60.0 - before_check >= 400.0,
            "sheet{i}: {before_check} pixels before the Check column ({widths:?})"
        );
    }
}

#[test]
fn items_indent_under_their_metric_not_under_every_subset() {
    let ir = shipped_ir();
    let bytes = templates::xlsx::template(&ir, &Fill::default()).expect("xlsx");
    let adults = cached(&bytes, "Adults");
    let sheet = entry(&bytes, "xl/worksheets/sheet2.xml");
    let styles = entry(&bytes, "xl/styles.xml");
    let xfs: Vec<&str> = styles
        .split("<cellXfs")
        .nth(1)
        .expect("cell formats")
        .split("</cellXfs>")
        .next()
        .unwrap_or_default()
        .split("<xf ")
        .skip(1)
        .collect();
    let indent = |code: &str| -> u32 {
        let cell = format!("<c r=\"B{}\" s=\"", row_of(&adults, code) + 1);
        let s: usize = sheet
            .split(&cell)
            .nth(1)
            .and_then(|x| x.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("{code}'s item cell"));
        xfs[s]
            .split("indent=\"")
            .nth(1)
            .and_then(|x| x.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap_or(0)
    };
    // AD/006 is a subset of AD/002b, two levels down, but a metric of its own: not indented.
    assert!(ir.data_item("AD/006").is_some_and(|d| d.depth >= 2));
    assert_eq!(indent("AD/006"), 0);
    assert_eq!(indent("AD/005"), 0);
    assert_eq!(indent("AD/001"), 0);
    // The items of its breakdown are indented under it, one level.
    assert!(indent("AD/007a") > 0);
    assert_eq!(indent("AD/007a"), indent("AD/004a"));
}

#[test]
fn each_code_links_to_its_definition_and_the_item_holds_it_as_a_note() {
    let ir = shipped_ir();
    let bytes = templates::xlsx::template(&ir, &Fill::default()).expect("xlsx");
    let root = crate::common::root();
    let templates_dir = root.join("generated/templates");
    let mut pages: std::collections::BTreeMap<std::path::PathBuf, String> = Default::default();
    for i in 2..=6 {
        let sheet = entry(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        let rels = entry(&bytes, &format!("xl/worksheets/_rels/sheet{i}.xml.rels"));
        let mut n = 0;
        for h in sheet.split("<hyperlink ").skip(1) {
            let attr = |name: &str| {
                h.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .unwrap_or_default()
                    .to_string()
            };
            let (id, anchor) = (attr("r:id"), attr("location"));
            let target = rels
                .split(&format!("Id=\"{id}\""))
                .nth(1)
                .and_then(|x| x.split("Target=\"").nth(1))
                .and_then(|x| x.split('"').next())
                .expect("the link's target");
            assert!(target.starts_with("../guidance/html/"), "{target}");
            let page = templates_dir.join(target);
            let html = pages.entry(page.clone()).or_insert_with(|| {
                std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()))
            });
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{target}#{anchor} is not in the guidance"
            );
            n += 1;
        }
        assert!(n > 10, "sheet{i} links its codes ({n})");
    }
    // AD/031's definition, with its timescale and the note that the days are calendar days.
    let adults = cached(&bytes, "Adults");
    let row = row_of(&adults, "AD/031") + 1;
    let notes = entry(&bytes, "xl/comments1.xml");
    let note = notes
        .split(&format!("<comment ref=\"B{row}\""))
        .nth(1)
        .and_then(|x| x.split("</comment>").next())
        .expect("AD/031 has a note");
    assert!(note.contains("Timescale: within 7 days"), "{note}");
    assert!(note.contains("Calendar days"), "{note}");
    assert!(note.contains("adults.html#AD-031"), "{note}");
}

#[test]
fn libreoffice_recalculates_the_check_sentences_that_pmf_stored() {
    let Some(soffice) = tool("soffice", &["libreoffice"]) else {
        return;
    };
    let ir = shipped_ir();
    let (sub, _, _) = one_fault_one_gap(&ir);
    let mut rng = subgen::Rng(77);
    let mut faulty = subgen::clean(&ir, &mut rng, "W06000011", "2021-22");
    subgen::inject(&ir, &mut rng, &mut faulty, 12, false);
    let csv = subgen::to_csv(&[faulty]);
    let random = read::read("r.csv", csv.as_bytes(), &ir)
        .expect("reads")
        .submissions
        .remove(0);
    let dir = tempfile::tempdir().expect("a folder");
    let mut files = Vec::new();
    let mut books = Vec::new();
    // The Welsh workbook too: its formulas show and compare the Welsh words (METHU), and
    // LibreOffice must land on the sentences pmf stored in Welsh.
    for (name, s, lang) in [
        ("one", &sub, pmf::ir::Lang::En),
        ("random", &random, pmf::ir::Lang::En),
        ("random-cy", &random, pmf::ir::Lang::Cy),
    ] {
        let bytes = templates::xlsx::template(
            &ir,
            &Fill {
                submission: Some(s),
                lang,
                ..Default::default()
            },
        )
        .expect("xlsx");
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, &bytes).expect("write");
        files.push(path);
        books.push((name, bytes));
    }
    let out = dir.path().join("csv");
    libreoffice_csv(&soffice, &files, &out);
    let mut seen = 0;
    for (name, bytes) in &books {
        let cover = if name.ends_with("-cy") {
            "Clawr"
        } else {
            "Cover"
        };
        for sheet in [
            "Adults",
            "Children",
            "Adult carers",
            "Young carers",
            "Workforce",
            cover,
        ] {
            let stored = cached(bytes, sheet);
            let text = std::fs::read_to_string(out.join(format!("{name}-{sheet}.csv")))
                .expect("the sheet as CSV");
            let mut rdr = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let col = if sheet == cover { 1 } else { 6 };
            for (r, rec) in rdr.records().map_while(Result::ok).enumerate() {
                let live = rec.get(col).unwrap_or_default();
                let mine = stored.get(r).and_then(|x| x.get(col)).map(String::as_str);
                if sheet == cover && r != 15 {
                    continue;
                }
                if r < 5 && sheet != cover {
                    continue;
                }
                assert_eq!(
                    Some(live),
                    mine.or(Some("")),
                    "{name} {sheet} row {}",
                    r + 1
                );
                if !live.is_empty() {
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 10, "sentences compared ({seen})");
}

#[test]
fn a_welsh_workbook_reads_back_to_the_same_return_and_findings() {
    let ir = shipped_ir();
    let (sub, _, _) = one_fault_one_gap(&ir);
    let findings = |bytes: &[u8], name: &str| {
        let back = read::read(name, bytes, &ir).expect("the workbook reads");
        let s = &back.submissions[0];
        assert_eq!(
            (s.authority.as_str(), s.period.as_str()),
            ("W06000015", "2020-21")
        );
        let mut rules: Vec<String> = pmf::validate::Engine::new(&ir)
            .check(s)
            .into_iter()
            .map(|f| {
                format!(
                    "{} {:?}",
                    f.rule,
                    f.values.iter().map(|v| v.value).collect::<Vec<_>>()
                )
            })
            .collect();
        rules.sort();
        rules
    };
    let make = |lang| {
        templates::xlsx::template(
            &ir,
            &Fill {
                submission: Some(&sub),
                lang,
                ..Default::default()
            },
        )
        .expect("xlsx")
    };
    let en = make(pmf::ir::Lang::En);
    let cy = make(pmf::ir::Lang::Cy);
    // Welsh throughout where the tool has the words: headings, tabs, the Check column.
    let cover = cached(&cy, "Clawr");
    assert_eq!(cover[5][1], "Awdurdod lleol");
    assert_eq!(cover[5][2], "Caerdydd (W06000015)");
    let adults = cached(&cy, "Adults");
    assert_eq!(
        adults[4][..7],
        [
            "Cod",
            "Eitem",
            "Gwerth",
            "Uned",
            "Statws os nad oes gwerth",
            "Sylw",
            "Gwiriad"
        ]
    );
    let checks = cached(&cy, "Gwiriadau");
    assert!(checks
        .iter()
        .any(|r| r.get(6).is_some_and(|c| c == "METHU")));
    assert_eq!(findings(&cy, "cy.xlsx"), findings(&en, "en.xlsx"));
    // It says which edition it was made for, in Welsh, and the validator still finds it.
    for (name, book) in [("cy.xlsx", &cy), ("en.xlsx", &en)] {
        assert_eq!(
            read::declared_edition(name, book),
            Some(ir.edition.id.clone()),
            "{name}"
        );
    }
    assert!(!findings(&cy, "cy.xlsx").is_empty());
}
