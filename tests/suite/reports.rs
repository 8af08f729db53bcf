//! `pmf report`: the director's annual report of one authority from a generated data set (the
//! 22 authorities and Wales, three years, two editions: tests/reports/make_data.py), with a
//! local report definition (tests/reports/cardiff.pmf). The Markdown and CSV reports are golden
//! files (tests/reports/cardiff.md, cardiff.csv); the HTML is checked for escaping and
//! accessibility; the outputs are the same on every run. The national comparison (`--national`)
//! of a few indicators is golden too (tests/reports/national.md, national.csv).

use super::common::{copy_tree, expect_file, root};
use pmf::driver;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pmf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("pmf runs")
}

fn editions() -> Vec<PathBuf> {
    vec![
        root().join("spec/2019-consultation"),
        root().join("tests/editions/2020-21"),
    ]
}

/// The data set, generated once per test into a temporary folder: the returns' folder (and
/// `populations.csv` beside it).
fn data(dir: &Path) -> PathBuf {
    let inputs: Vec<driver::Input> = editions()
        .iter()
        .flat_map(|p| driver::inputs(std::slice::from_ref(p)))
        .collect();
    let compiled = driver::compile_editions(inputs, false);
    let mut lists = Vec::new();
    for (i, (_, comp)) in compiled.iter().enumerate() {
        let ir = comp.ir.as_ref().expect("the editions check clean");
        // The IR (what `pmf export` prints): make_data.py draws parts from their wholes by its
        // rules, so that the returns validate.
        let path = dir.join(format!("edition-{i}.json"));
        std::fs::write(&path, ir.to_json()).expect("write the IR");
        lists.push(path);
    }
    let out = dir.join("returns");
    let status = Command::new("python3")
        .arg(root().join("tests/reports/make_data.py"))
        .args(&lists)
        .arg(&out)
        .arg(dir.join("populations.csv"))
        .status()
        .expect("python3 runs (tests/setup.sh installs it)");
    assert!(status.success(), "make_data.py failed");
    out
}

fn report(returns: &Path, authority: &str, format: &str, definition: &Path) -> Output {
    report_with(returns, authority, definition, &["--format", format])
}

/// `pmf report` of one authority over the test editions, with more options.
fn report_with(returns: &Path, authority: &str, definition: &Path, more: &[&str]) -> Output {
    let eds = editions();
    let (first, second) = (eds[0].display().to_string(), eds[1].display().to_string());
    let (definition, returns) = (
        definition.display().to_string(),
        returns.display().to_string(),
    );
    let mut args = vec![
        "report",
        "--authority",
        authority,
        "--spec",
        &first,
        "--spec",
        &second,
        "--definition",
        &definition,
        "--years",
        "3",
    ];
    args.extend_from_slice(more);
    args.push(&returns);
    pmf(&args)
}

/// A PDF written with -o (a PDF is not written to the terminal), read back.
fn written_pdf(o: &Output, out: &Path) -> Vec<u8> {
    assert!(
        o.status.success(),
        "pmf report --format pdf failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read(out).expect("the PDF is written")
}

/// The director's report as a PDF.
fn report_pdf(
    returns: &Path,
    authority: &str,
    definition: &Path,
    dir: &Path,
    lang: &str,
) -> Vec<u8> {
    let out = dir.join(format!("{authority}-{lang}.pdf"));
    let o = report_with(
        returns,
        authority,
        definition,
        &[
            "--lang",
            lang,
            "--format",
            "pdf",
            "-o",
            &out.display().to_string(),
        ],
    );
    written_pdf(&o, &out)
}

fn text(o: &Output) -> String {
    assert!(
        o.status.success(),
        "pmf report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

/// The generated returns pass `pmf validate`: parts are drawn from their wholes. The only
/// findings are the ones designed in: Wales (W92000004) is no local authority's code, Cardiff's
/// local VAC/001 is no code of the editions, and a figure with the status `revised`,
/// `provisional` or `year_to_date` is reported as both a figure and a status (a warning).
#[test]
fn the_generated_returns_validate() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = data(dir.path());
    let eds = editions();
    // The revision is checked in a folder beside the edition it supersedes (as in the README).
    let both = dir.path().join("editions");
    for e in &eds {
        copy_tree(e, &both.join(e.file_name().expect("a folder name")));
    }
    for (year, spec) in [
        ("2019-20", &eds[0]),
        ("2020-21", &eds[0]),
        ("2021-22", &both),
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(returns.join(year))
            .expect("the year's returns")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let mut args = vec![
            "validate".to_string(),
            "--spec".into(),
            spec.display().to_string(),
            "--format".into(),
            "csv".into(),
        ];
        args.extend(files.iter().map(|f| f.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = pmf(&args);
        let out = String::from_utf8_lossy(&o.stdout);
        let mut findings: Vec<String> = out
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                format!("{} {} {}", f[1], f[3], f[5])
            })
            .collect();
        findings.sort();
        let mut expected = vec![
            "W06000015 input.value_and_status warning".to_string(),
            "W92000004 input.authority error".into(),
        ];
        if year != "2019-20" {
            expected.push("W06000015 input.unknown_code error".into());
        }
        expected.sort();
        assert_eq!(findings, expected, "{year}:\n{out}");
    }
}

#[test]
fn cardiff_s_report_from_three_years_of_returns() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = data(dir.path());
    let def = root().join("tests/reports/cardiff.pmf");
    let md = report(&returns, "Cardiff", "md", &def);
    assert_eq!(
        String::from_utf8_lossy(&md.stderr),
        "",
        "the data set reads without a problem"
    );
    let md = text(&md);
    if let Err(e) = expect_file(&root().join("tests/reports/cardiff.md"), &md) {
        panic!("{e}");
    }
    let csv = text(&report(&returns, "W06000015", "csv", &def));
    if let Err(e) = expect_file(&root().join("tests/reports/cardiff.csv"), &csv) {
        panic!("{e}");
    }
    // Deterministic: the same bytes again.
    assert_eq!(text(&report(&returns, "Cardiff", "md", &def)), md);

    // What the data set holds on purpose is in the report, as flags and notes.
    for want in [
        "1,248 y",                                                // part-year
        "the figure is for the year to 2020-11-23",               // its date
        "Figures were not available due to Covid-19 disruptions", // a reason
        "| z |",                                                  // not applicable
        " p |",                                                   // provisional
        " r |",                                                   // revised
        "VAC/001",                                                // a local measure
        "Quality standard 7",
        "People are protected and safeguarded from abuse, neglect and any other types of harm.",
    ] {
        assert!(md.contains(want), "{want:?} in\n{md}");
    }
    assert!(md.contains("## Key to the flags"));

    let html = text(&report(&returns, "Cardiff", "html", &def));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<th scope=\"col\">2021-22</th>"));
    assert!(html.contains("<th scope=\"row\">PI/AD/01</th>"));
    assert!(html.contains("Director&#39;s annual report"));
    assert_eq!(html.matches("<table>").count(), 5);
    // On a phone each table scrolls in its own box, not the whole page.
    assert_eq!(
        html.matches("<div class=\"scroll\" tabindex=\"0\">\n<table>")
            .count(),
        5
    );
    accessible(dir.path(), "cardiff.html", &html);

    // The PDF: laid out in process, the same bytes twice, the report's text in it.
    let pdf = report_pdf(&returns, "Cardiff", &def, dir.path(), "en");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        report_pdf(&returns, "Cardiff", &def, dir.path(), "en"),
        pdf,
        "deterministic"
    );
    if super::docs::have("pdftotext", &["-v"]) {
        let text = super::docs::pdf_text(&pdf, &[]);
        for want in [
            "Director’s annual report of social services: Cardiff",
            "Quality standard 7",
            "People are protected and safeguarded from abuse, neglect and any other types of harm.",
            "PI/AD/01",
            "1,248 y",
            "Key to the flags",
        ] {
            assert!(
                text.replace('\'', "’").contains(&want.replace('\'', "’")),
                "{want:?} not in the PDF:\n{text}"
            );
        }
    }

    // Wales is accepted as an aggregate.
    let wales = text(&report(
        &returns,
        "W92000004",
        "md",
        &def_for_wales(dir.path()),
    ));
    assert!(wales.contains("Wales"), "{wales}");
}

fn def_for_wales(dir: &Path) -> PathBuf {
    let p = dir.join("wales.pmf");
    std::fs::write(
        &p,
        "report wales \"Wales\" {\n  standard qs1 {\n    measure PI/AD/01\n    measure AD/001\n  }\n}\n",
    )
    .expect("write");
    p
}

#[test]
fn texts_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = dir.path().join("r.csv");
    std::fs::write(
        &returns,
        "authority,period,code,value,status,comment\nW06000015,2021-22,VAC/001,3,,<b>=1|*x*</b>\n",
    )
    .expect("write");
    let def = dir.path().join("d.pmf");
    std::fs::write(
        &def,
        "report x \"<script>alert(1)</script> | *x*\" {\n  authority W06000015\n  standard qs1 {\n    local VAC/001 \"=HYPERLINK(x) & <i>\" {\n      definition \"d\"\n      unit \"posts\"\n    }\n  }\n}\n",
    )
    .expect("write");
    let eds = editions();
    let run = |format: &str| {
        text(&pmf(&[
            "report",
            "--authority",
            "W06000015",
            "--spec",
            &eds[1].display().to_string(),
            "--spec",
            &eds[0].display().to_string(),
            "--definition",
            &def.display().to_string(),
            "--format",
            format,
            &returns.display().to_string(),
        ]))
    };
    let html = run("html");
    assert!(!html.contains("<script>") && !html.contains("<i>") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = run("md");
    assert!(
        md.contains("\\<script\\>") && md.contains("\\| \\*x\\*"),
        "{md}"
    );
    let csv = run("csv");
    assert!(csv.contains(",'=HYPERLINK(x) & <i>,"), "{csv}");
}

#[test]
fn an_unknown_authority_or_a_bad_definition_is_a_clear_error() {
    let o = pmf(&["report", "--authority", "Atlantis", "tests/reports"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("`Atlantis` is not a Welsh local authority")
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let def = dir.path().join("d.pmf");
    std::fs::write(
        &def,
        "report x \"X\" {\n  standard qs1 {\n    measure PI/AD/99\n  }\n}\n",
    )
    .expect("write");
    let o = pmf(&[
        "report",
        "--authority",
        "Cardiff",
        "--definition",
        &def.display().to_string(),
        "tests/reports",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("there is no metric, item or indicator PI/AD/99"),
        "{err}"
    );
    assert!(err.contains("d.pmf:3:13"), "{err}");
}

/// The indicators of the golden national comparison: percentages with and without polarity,
/// the one the extreme authority distorts (PI/AD/02), rates per 10,000 and per 1,000 (one
/// population left out of the file), an average.
const NATIONAL: [&str; 7] = [
    "PI/AD/01", "PI/AD/02", "PI/AD/03", "PI/AD/04", "PI/AD/08", "PI/AD/11", "PI/AD/24",
];

/// The national comparison as a PDF.
fn national_pdf(returns: &Path, populations: &Path, dir: &Path, lang: &str) -> Vec<u8> {
    let out = dir.join(format!("national-{lang}.pdf"));
    let o = national_with(
        returns,
        populations,
        &[
            "--format",
            "pdf",
            "--lang",
            lang,
            "-o",
            &out.display().to_string(),
        ],
    );
    written_pdf(&o, &out)
}

fn national(returns: &Path, populations: &Path, format: &str) -> Output {
    national_in(returns, populations, format, "en")
}

fn national_in(returns: &Path, populations: &Path, format: &str, lang: &str) -> Output {
    national_with(returns, populations, &["--format", format, "--lang", lang])
}

/// `pmf report --national` of the test indicators over the test editions, with more options.
fn national_with(returns: &Path, populations: &Path, more: &[&str]) -> Output {
    let eds = editions();
    let (first, second) = (eds[0].display().to_string(), eds[1].display().to_string());
    let (populations, returns) = (
        populations.display().to_string(),
        returns.display().to_string(),
    );
    let mut args = vec![
        "report",
        "--national",
        "--spec",
        &first,
        "--spec",
        &second,
        "--populations",
        &populations,
        "--years",
        "3",
    ];
    args.extend_from_slice(more);
    for i in NATIONAL {
        args.push("--indicator");
        args.push(i);
    }
    args.push(&returns);
    pmf(&args)
}

/// The line of an authority in the Markdown table of an indicator's latest year.
fn national_line<'a>(md: &'a str, code: &str, authority: &str) -> &'a str {
    let start = md
        .find(&format!("## {code}: "))
        .unwrap_or_else(|| panic!("{code} in\n{md}"));
    let section = &md[start..];
    section
        .lines()
        .find(|l| l.starts_with(&format!("| {authority} |")))
        .unwrap_or_else(|| panic!("{authority} under {code}"))
}

#[test]
fn the_national_comparison_of_the_authorities_with_wales() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = data(dir.path());
    let pops = dir.path().join("populations.csv");
    let md = national(&returns, &pops, "md");
    assert_eq!(String::from_utf8_lossy(&md.stderr), "");
    let md = text(&md);
    if let Err(e) = expect_file(&root().join("tests/reports/national.md"), &md) {
        panic!("{e}");
    }
    let csv = text(&national(&returns, &pops, "csv"));
    if let Err(e) = expect_file(&root().join("tests/reports/national.csv"), &csv) {
        panic!("{e}");
    }
    assert_eq!(text(&national(&returns, &pops, "md")), md, "deterministic");

    // The extreme authority (Merthyr Tydfil's AD/001, twenty times its size) is flagged beyond
    // the 99.8% limits; a mid one is similar to Wales.
    let merthyr = national_line(&md, "PI/AD/02", "Merthyr Tydfil");
    assert!(
        merthyr.contains("lower than Wales (beyond the 99.8% limits)"),
        "{merthyr}"
    );
    let swansea = national_line(&md, "PI/AD/03", "Swansea");
    assert!(
        swansea.contains("similar to Wales (within the 95% limits)"),
        "{swansea}"
    );
    // A rate whose population the file lacks is not computable, with the reason.
    let anglesey = national_line(&md, "PI/AD/24", "Isle of Anglesey");
    assert!(
        anglesey.contains(
            "not computable: populations.csv gives no population\\_75\\_plus for W06000001 2021-22"
        ),
        "{anglesey}"
    );
    // Polarity words the outcome: better or worse where declared, higher or lower otherwise.
    assert!(!national_line(&md, "PI/AD/02", "Merthyr Tydfil").contains("worse"));
    let blaenau = national_line(&md, "PI/AD/08", "Blaenau Gwent"); // lower is better
    assert!(
        blaenau.contains("worse than Wales (between the 95% and 99.8% limits)"),
        "{blaenau}"
    );
    let wrexham = national_line(&md, "PI/AD/02", "Wrexham"); // no polarity
    assert!(
        wrexham.contains("higher than Wales (between the 95% and 99.8% limits)"),
        "{wrexham}"
    );
    // No league table: the authorities in ONS code order.
    let section = &md[md.find("## PI/AD/03: ").expect("PI/AD/03")..];
    let order: Vec<usize> = ["Isle of Anglesey", "Gwynedd", "Cardiff", "Merthyr Tydfil"]
        .iter()
        .map(|a| section.find(&format!("| {a} |")).expect("listed"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");

    // HTML: a funnel plot per indicator with its table, text alternative and method; trend
    // charts; CSV downloads as data: URIs; no script.
    let html = text(&national(&returns, &pops, "html"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(!html.contains("<script"));
    assert!(html.contains("id=\"funnel-PI-AD-02\""), "a funnel plot");
    assert!(html.contains("Funnel limits: exact binomial with Spiegelhalter"));
    assert!(html.contains("Text alternative: "));
    assert!(html.contains("id=\"trend-PI-AD-03\""), "a trend chart");
    assert!(
        html.contains("id=\"multiples-PI-AD-03\""),
        "small multiples"
    );
    assert!(html.contains("href=\"data:text/csv;charset=utf-8,indicator,title"));
    // Each indicator's table downloads as the year it shows (its file named so), not the
    // whole series (which made half of a 20 MB page at 10 years): 23 lines and the header.
    let link = html
        .split("<a download=\"PI-AD-02-")
        .nth(1)
        .expect("the download of PI/AD/02's table");
    let uri = &link[link.find("href=\"").expect("its href") + 6..];
    let uri = &uri[..uri.find('"').expect("quoted")];
    assert_eq!(uri.matches("%0D%0A").count(), 24, "{uri}");
    // On a phone a chart keeps a readable width and scrolls sideways in a box the keyboard
    // can reach, instead of shrinking its labels to a few pixels.
    assert!(html.contains(".chart > svg { display: block; width: 100%; min-width: 36rem;"));
    assert_eq!(
        html.matches("<div class=\"chart\" tabindex=\"0\">\n<svg")
            .count(),
        html.matches("<svg").count(),
        "every chart in its scrolling box"
    );
    assert!(html.contains("<th scope=\"row\">Merthyr Tydfil</th>"));
    assert_eq!(
        text(&national(&returns, &pops, "html")),
        html,
        "deterministic"
    );
    // In Welsh, the charts are in Welsh too: their legends, text alternatives, methods and
    // data tables, not the English of the charts' own defaults.
    let cy = text(&national_in(&returns, &pops, "html", "cy"));
    assert!(cy.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    for welsh in [
        "Terfynau'r twndis: dosraniad binomaidd union",
        "Plot twndis, ",
        "Siart linell: ",
        "siart linell fach ar yr un raddfa",
        "Terfynau 95%",
    ] {
        assert!(
            cy.contains(&html_escaped(welsh)),
            "{welsh} not in the Welsh report"
        );
    }
    assert!(
        cy.contains(">cyfnod</th>"),
        "the chart's data table in Welsh"
    );
    for english in [
        "Funnel limits",
        "Funnel plot of",
        "Line chart of",
        "small line charts",
        "Values as published",
        "One chart for each authority",
        "Outside them",
        "95% limits",
        "series break before",
        ">Wales<",
    ] {
        assert!(!cy.contains(english), "{english} in the Welsh report");
    }
    // The PDF: the charts drawn (their SVGs), each with its method and text alternative, in
    // English and in Welsh; the same bytes twice.
    let pdf = national_pdf(&returns, &pops, dir.path(), "en");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        national_pdf(&returns, &pops, dir.path(), "en"),
        pdf,
        "deterministic"
    );
    let pdf_cy = national_pdf(&returns, &pops, dir.path(), "cy");
    if super::docs::have("pdftotext", &["-v"]) {
        let text = super::docs::pdf_text(&pdf, &[]).replace('\n', " ");
        for want in [
            "Funnel limits: exact binomial with Spiegelhalter",
            "Text alternative: PI/AD/02",
            "Merthyr Tydfil",
            "95% limits",
        ] {
            assert!(text.contains(want), "{want:?} not in the PDF:\n{text}");
        }
        let cy = super::docs::pdf_text(&pdf_cy, &[]).replace('\n', " ");
        for want in ["Terfynau", "twndis", "Testun amgen", "Merthyr Tudful"] {
            assert!(cy.contains(want), "{want:?} not in the Welsh PDF:\n{cy}");
        }
        assert!(!cy.contains("Funnel limits"), "{cy}");
    }
    accessible(dir.path(), "national.html", &html);
}

/// axe-core finds no accessibility violation in a page (where tests/docs/axe is installed;
/// under CI=true a missing browser fails the test).
fn accessible(dir: &Path, name: &str, html: &str) {
    if super::docs::have_browser() {
        let page = dir.join(name);
        std::fs::write(&page, html).expect("write");
        let results = super::docs::browser("axe", &[page.display().to_string()]);
        let problems: Vec<String> = results
            .as_array()
            .expect("a list")
            .iter()
            .flat_map(|r| {
                let v = r["violations"].as_array().cloned().unwrap_or_default();
                let e = r["errors"].as_array().cloned().unwrap_or_default();
                v.into_iter().chain(e).map(|x| x.to_string())
            })
            .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// Text as the reports' HTML writes it (an apostrophe escaped).
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn a_bad_populations_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pops = dir.path().join("pops.csv");
    std::fs::write(
        &pops,
        "authority,year,population,value\nCardiff,2021-22,population_total,360000\nAtlantis,2021-22,population_total,ten\n",
    )
    .expect("write");
    let o = pmf(&[
        "report",
        "--national",
        "--spec",
        "spec/2019-consultation",
        "--populations",
        &pops.display().to_string(),
        "tests/reports",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("pops.csv:3:1: \"Atlantis\" is not a Welsh local authority"),
        "{err}"
    );
    assert!(
        err.contains("pops.csv:3:35: \"ten\" is not a number of people"),
        "{err}"
    );
    // The file is read before the returns: nothing else is reported.
    assert!(!err.contains("warning:"), "{err}");
    // --national and --authority exclude each other.
    let o = pmf(&[
        "report",
        "--national",
        "--authority",
        "Cardiff",
        "tests/reports",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_national_comparison_escapes_what_returns_say() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = dir.path().join("r.csv");
    std::fs::write(
        &returns,
        "authority,period,code,value,status,comment\nW06000015,2021-22,AD/003,3,,<b>=1|*x*</b>\nW06000015,2021-22,AD/002,4,,\n",
    )
    .expect("write");
    let eds = editions();
    let run = |format: &str| {
        text(&pmf(&[
            "report",
            "--national",
            "--indicator",
            "PI/AD/01",
            "--spec",
            &eds[0].display().to_string(),
            "--spec",
            &eds[1].display().to_string(),
            "--format",
            format,
            &returns.display().to_string(),
        ]))
    };
    let html = run("html");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("2021-22: &lt;b&gt;=1|*x*&lt;/b&gt;"),
        "{html}"
    );
    let md = run("md");
    assert!(md.contains("2021-22: \\<b\\>=1\\|\\*x\\*\\</b\\>"), "{md}");
    let csv = run("csv");
    assert!(csv.contains(",2021-22: <b>=1|*x*</b>,"), "{csv}");
}
