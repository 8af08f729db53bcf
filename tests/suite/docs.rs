//! The guidance generator (`pmf doc`, and `generated/guidance/`): golden Markdown and HTML for a
//! small Welsh spec in both languages, hostile text shown literally in every format (the PDF
//! read back with pdftotext, the HTML read back in Chromium), deterministic bytes, internal
//! links that all land on an anchor, a tagged A4 PDF, the offline search, and axe-core finding
//! no accessibility violation on any page of the site.
//!
//! Tests that need an outside program (pdftotext, node with tests/docs/axe installed, chromium)
//! skip when it is missing, except under CI=true, where a missing program fails.

use crate::common::{expect_file, root};
use pmf::gen::docs::{self, DocFormat, Guidance};
use pmf::ir::{Ir, Lang};
use pmf::{check, driver};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn compile(path: &Path) -> Ir {
    let input = driver::read_input(&[path.to_path_buf()]);
    assert!(input.diagnostics.is_empty(), "{}", path.display());
    let comp = check::compile(&input.sources);
    let errors: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(
        errors.is_empty(),
        "{}",
        pmf::diag::render_text(&errors, &input.sources)
    );
    comp.ir.expect("a spec without errors has an IR")
}

fn welsh() -> Ir {
    compile(&root().join("tests/docs/welsh/spec.pmf"))
}

fn hostile() -> Ir {
    compile(&root().join("tests/docs/hostile/spec.pmf"))
}

/// The Welsh test spec as if it replaced an earlier edition: with changes and a retired code,
/// as the checker records them when both editions are checked together.
fn with_changes() -> Ir {
    use pmf::diff::{Category, Change, ChangeKind};
    let mut ir = welsh();
    ir.edition.supersedes = Some("welsh-2019".into());
    let change =
        |category, kind, code: &str, from: &[&str], reason: Option<pmf::ir::Text>| Change {
            category,
            kind,
            code: code.into(),
            from: from.iter().map(|s| s.to_string()).collect(),
            old: None,
            new: None,
            reason,
            rule: None,
        };
    ir.changes = vec![
        change(
            Category::BreakingSubmission,
            ChangeKind::MetricRenumbered,
            "AD/006",
            &["AD/016"],
            Some(pmf::ir::Text {
                en: "the code <moved> #up".into(),
                cy: Some("symudodd y cod <i fyny> #fyny".into()),
            }),
        ),
        change(
            Category::Documentation,
            ChangeKind::RationaleChanged,
            "AD/001",
            &["AD/001"],
            None,
        ),
    ];
    ir.retired = vec![pmf::ir::Retired {
        code: "AD/099".into(),
        last_edition: "welsh-2019".into(),
        wording: pmf::ir::Text {
            en: "An old count #retired".into(),
            cy: Some("Hen gyfrif #wedi-ymddeol".into()),
        },
    }];
    ir
}

fn shipped() -> Ir {
    let inputs = driver::inputs(&[root().join("spec")]);
    let input = inputs.into_iter().next().expect("spec/ holds an edition");
    check::compile(&input.sources)
        .ir
        .expect("the shipped spec checks")
}

fn generate(ir: &Ir, format: DocFormat, lang: Lang) -> Guidance {
    docs::generate(ir, format, lang).unwrap_or_else(|e| panic!("{format:?} {lang:?}: {e}"))
}

fn text_of(g: &Guidance, path: &str) -> String {
    String::from_utf8(g.files.get(path).cloned().unwrap_or_default()).expect("UTF-8")
}

/// Whether an outside program is there; under CI=true its absence fails the test.
pub(crate) fn have(program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "`{program}` is needed by this test (run tests/setup.sh as root)"
        );
        eprintln!("skipped: `{program}` is not installed (tests/setup.sh installs it)");
    }
    ok
}

fn axe_dir() -> PathBuf {
    root().join("tests/docs/axe")
}

/// node with the packages of tests/docs/axe, and chromium.
pub(crate) fn have_browser() -> bool {
    if !have("node", &["--version"]) || !have("chromium", &["--version"]) {
        return false;
    }
    let installed = axe_dir().join("node_modules/axe-core/axe.min.js").is_file()
        && axe_dir().join("node_modules/playwright-core").is_dir();
    if !installed {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tests/docs/axe/node_modules is missing: run `npm ci --prefix tests/docs/axe` (tests/setup.sh does)"
        );
        eprintln!("skipped: tests/docs/axe is not installed (tests/setup.sh installs it)");
    }
    installed
}

fn write_all(g: &Guidance, dir: &Path) {
    for (rel, bytes) in &g.files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write");
    }
}

pub(crate) fn browser(mode: &str, targets: &[String]) -> serde_json::Value {
    let out = Command::new("node")
        .arg(axe_dir().join("browser.mjs"))
        .arg(mode)
        .args(targets)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "browser.mjs failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("browser.mjs prints JSON")
}

// ---- golden files -------------------------------------------------------------------------------

/// Compares every file of a generated guidance with the reviewed copy under `dir`, and fails
/// when the reviewed copy has a file the generator no longer makes.
fn golden(g: &Guidance, dir: &Path, skip: &[&str]) {
    let mut failures = Vec::new();
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut made = BTreeSet::new();
    for (rel, bytes) in &g.files {
        if skip.contains(&rel.as_str()) {
            continue;
        }
        let path = dir.join(rel.replace('/', "__"));
        made.insert(path.clone());
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        if let Err(e) = expect_file(&path, &text) {
            failures.push(e);
        }
    }
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        if !made.contains(&entry.path()) {
            failures.push(format!(
                "{} is no longer generated; delete it",
                entry.path().display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn welsh_spec_markdown_in_both_languages_matches_the_reviewed_files() {
    let ir = welsh();
    let expected = root().join("tests/docs/welsh/expected");
    golden(
        &generate(&ir, DocFormat::Markdown, Lang::En),
        &expected.join("md-en"),
        &[],
    );
    golden(
        &generate(&ir, DocFormat::Markdown, Lang::Cy),
        &expected.join("md-cy"),
        &[],
    );
}

#[test]
fn welsh_spec_html_site_in_welsh_matches_the_reviewed_files() {
    let g = generate(&welsh(), DocFormat::Html, Lang::Cy);
    golden(
        &g,
        &root().join("tests/docs/welsh/expected/html-cy"),
        &["assets/style.css", "assets/search.js"],
    );
}

#[test]
fn welsh_guidance_uses_the_welsh_texts_and_the_table_and_lists_what_is_missing() {
    let ir = welsh();
    let md = generate(&ir, DocFormat::Markdown, Lang::Cy);
    let adults = text_of(&md, "adults.md");
    // Fixed wording from the translation table.
    assert!(
        adults.contains("| Cyfeirnod | Metrig | Yn cyfrif | Pryd |"),
        "{adults}"
    );
    assert!(adults.contains("**Pam rydym yn mesur hyn?**"), "{adults}");
    // Texts of the spec in Welsh, dates in Welsh, composed wording in Welsh.
    assert!(adults.contains("Cyfanswm y cysylltiadau â'r gwasanaeth GCC"));
    assert!(adults.contains("| Ar 31 Mawrth |"), "{adults}");
    assert!(adults.contains("o fewn 1 diwrnod gwaith ar ôl derbyn y cyswllt"));
    // A timescale's label in Welsh (`timescale "..." cy "..."`).
    assert!(
        adults.contains("**Amserlen** “erbyn diwedd y diwrnod gwaith nesaf”: o fewn 1 diwrnod"),
        "{adults}"
    );
    let rules = text_of(&md, "annex-rules.md");
    assert!(rules.contains("Rhaid i [AD/001](adults.md#AD-001) fod yn rhif cyfan, 0 neu fwy"));
    let indicators = text_of(&md, "indicators.md");
    assert!(
        indicators.contains("[AD/006](adults.md#AD-006) fel canran o [AD/005](adults.md#AD-005)"),
        "{indicators}"
    );
    // The cover in Welsh: the publication notice and the other language.
    let index = text_of(&md, "index.md");
    for want in [
        "- **Cyhoeddwyd:** 12 Rhagfyr 2019",
        "- **Rhif y ddogfen:** WG00000",
        "© Hawlfraint y Goron 2019",
        "Drwydded Llywodraeth Agored v3.0",
        "Mae'r ddogfen hon ar gael yn Saesneg hefyd.",
        "**Ymholiadau** Gwasanaethau Gwybodaeth a Dadansoddi, Llywodraeth Cymru",
    ] {
        assert!(index.contains(want), "{want} is not on the cover:\n{index}");
    }
    // What the spec lacks in Welsh is shown in English, and listed, each place once.
    assert!(adults.contains("the number where advice and assistance was provided"));
    let places: Vec<&str> = md.untranslated.iter().map(|u| u.place.as_str()).collect();
    assert_eq!(
        places,
        [
            "AD/002b · wording",
            "AD/003 · rationale",
            "AD/004c · wording",
            "codelist contact_source · other",
        ]
    );
    let list = text_of(&md, "annex-untranslated.md");
    assert!(list.contains("# Testunau heb eu cyfieithu eto"), "{list}");
    assert!(list.contains(
        "| AD/003 · rationale | Measuring compliance with the Part 2 Code of Practice. |"
    ));
    // In HTML the English is marked as English, for screen readers.
    let html = generate(&ir, DocFormat::Html, Lang::Cy);
    let page = text_of(&html, "adults.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    assert!(page
        .contains("<span lang=\"en\">the number where advice and assistance was provided</span>"));
    // The English guidance of the same spec lists nothing and has no such page; it does not
    // claim a Welsh version, which would show English texts.
    let en = generate(&ir, DocFormat::Markdown, Lang::En);
    assert!(en.untranslated.is_empty());
    assert!(!en.files.contains_key("annex-untranslated.md"));
    let index = text_of(&en, "index.md");
    assert!(
        index.contains("- **Published:** 12 December 2019"),
        "{index}"
    );
    assert!(index.contains("© Crown copyright 2019"), "{index}");
    assert!(!index.contains("also available in Welsh"), "{index}");
}

/// The IR with a Welsh version of every text that has none (the English, marked), so that
/// its Welsh guidance shows nothing in English.
fn all_welsh(ir: &Ir) -> Ir {
    fn fill(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(en) = o.get("en").cloned() {
                    if o.get("cy").is_none_or(|c| c.is_null()) {
                        o.insert("cy".into(), en);
                    }
                }
                o.values_mut().for_each(fill);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(fill),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(ir).expect("the IR serialises");
    fill(&mut v);
    serde_json::from_value(v).expect("the IR reads back")
}

#[test]
fn the_english_guidance_says_it_is_in_welsh_too_only_when_every_text_is() {
    let ir = all_welsh(&welsh());
    let cy = generate(&ir, DocFormat::Markdown, Lang::Cy);
    assert!(cy.untranslated.is_empty(), "{:?}", cy.untranslated);
    let en = generate(&ir, DocFormat::Markdown, Lang::En);
    let index = text_of(&en, "index.md");
    assert!(
        index.contains("This document is also available in Welsh."),
        "{index}"
    );
    // The shipped edition has almost no Welsh yet, and says nothing of the kind.
    let shipped = generate(&shipped(), DocFormat::Markdown, Lang::En);
    assert!(!text_of(&shipped, "index.md").contains("available in Welsh"));
}

// ---- spec text is text ----------------------------------------------------------------------------

/// Texts of the hostile spec as a reader must see them (rich-text emphasis aside).
const LITERAL: &[&str] = &[
    "Guidance <script>alert('t')</script> #title $x$ *y* _z_ @ref \\ done",
    "Contacts <script>alert('w')</script> #wording $w$ *w* _w_ @w \\w 100%",
    "Why <script>alert(\"why\")</script> #why $why$",
    "@why \\why see AD/002a.",
    "1. not a list # not a heading",
    "Prose with <script>alert(\"p\")</script> and #let x = 1 and $a^2$ and",
    "and _under_ and @label and \\ backslash.",
    "= not a heading",
    "// not a comment, /* nor this */ and ] [ ) (",
    "quoted #strong[no] <i>no</i> `raw`",
    "Act #1 <2014> $5 *bold* _it_ @cite \\n",
    "Quote #q <q> $q$ @q \\q",
    "Note ]] [[ #note @note",
    "One | <script>alert(1)</script>",
    "Two #two $2$ @two",
    "Printed <script>alert('e')</script> #err $e$ @e \\e",
    "Reason #r <r> $r$",
    "Intro #heading $math$ <em>",
    "Group $1 #g <g>",
    "Adults & <others>",
    "Reading #rule <rule> $r$ @rule",
    "Record <rec> #rec $rec$ @rec",
    "Received <recv> #recv $rv$ @rv",
    "Source | <src> #src",
    "Days <cal> #cal $c$",
    "Holiday <h> #h $h$ @h",
];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_literal(what: &str, text: &str) {
    let text = squash(text);
    for l in LITERAL {
        assert!(
            text.contains(l),
            "{what}: `{l}` is not shown literally in:\n{text}"
        );
    }
}

#[test]
fn hostile_text_is_literal_in_markdown_when_rendered() {
    let g = generate(&hostile(), DocFormat::Markdown, Lang::En);
    let mut all = String::new();
    for (rel, bytes) in &g.files {
        let md = String::from_utf8(bytes.clone()).expect("UTF-8");
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES),
        );
        // Only the generator's own markup may become elements.
        for tag in [
            "<script", "<b>", "<i>", "<q>", "<r>", "<u>", "<g>", "<p>alert", "<h1>not",
        ] {
            assert!(!html.contains(tag), "{rel}: `{tag}` became markup:\n{html}");
        }
        all.push_str(&html_text(&html));
        all.push('\n');
    }
    assert_literal("markdown", &all);
}

/// The text of HTML: inline tags dropped, other tags a space, entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !matches!(name.as_str(), "a" | "em" | "strong" | "span" | "code") {
            out.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn hostile_text_is_literal_in_the_html_source() {
    let g = generate(&hostile(), DocFormat::Html, Lang::En);
    let mut all = String::new();
    for (rel, bytes) in &g.files {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).expect("UTF-8");
        let scripts = html.matches("<script").count();
        let expected = if rel == "search.html" { 2 } else { 0 };
        assert_eq!(scripts, expected, "{rel} has a script it should not have");
        for tag in ["<b>", "<i>", "<q>", "<r>", "<u>", "<g>", "<others>"] {
            assert!(!html.contains(tag), "{rel}: `{tag}` became markup");
        }
        all.push_str(&html_text(&html));
    }
    assert_literal("html", &all);
    // The search index is data: its texts are plain, shown with textContent.
    let index = text_of(&g, "assets/search-index.js");
    assert!(index.contains("Contacts <script>alert('w')</script> #wording"));
}

#[test]
fn hostile_text_is_literal_in_the_pdf() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    // The guidance and the annex: what the one leaves out, the other shows.
    let guidance = generate(&hostile(), DocFormat::Pdf, Lang::En);
    let annex = docs::annex(&hostile(), Lang::En).expect("the annex");
    let text = pdf_text(&guidance.files[docs::PDF_FILE], &[])
        + &pdf_text(&annex.files[docs::ANNEX_FILE], &[]);
    assert_literal("pdf", &text);
}

/// The text of a PDF, by pdftotext with these options.
pub(crate) fn pdf_text(pdf: &[u8], options: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(options)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn hostile_text_is_literal_in_chromium() {
    if !have_browser() {
        return;
    }
    let g = generate(&hostile(), DocFormat::Html, Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");
    write_all(&g, dir.path());
    let pages: Vec<String> = g
        .files
        .keys()
        .filter(|k| k.ends_with(".html"))
        .map(|k| dir.path().join(k).display().to_string())
        .collect();
    let probes = browser("probe", &pages);
    let mut all = String::new();
    for p in probes.as_array().expect("a list") {
        let page = p["page"].as_str().unwrap_or_default();
        assert_eq!(p["errors"], serde_json::json!([]), "{page}");
        let tags: Vec<&str> = p["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        for bad in ["b", "i", "q", "r", "u", "g", "others"] {
            assert!(!tags.contains(&bad), "{page}: a <{bad}> element was made");
        }
        all.push_str(p["text"].as_str().unwrap_or_default());
        all.push('\n');
    }
    assert_literal("chromium", &all);
    // The search shows hostile text as text.
    let search = dir.path().join("search.html").display().to_string();
    let url = format!("file://{search}?q=script%20alert");
    let found = browser("probe", &[url]);
    let results = found[0]["results"].as_array().expect("results");
    assert!(
        results.iter().any(|r| r["text"]
            == "AD/001 Contacts <script>alert('w')</script> #wording $w$ *w* _w_ @w \\w 100%"),
        "{results:?}"
    );
}

// ---- determinism, links, the PDF ----------------------------------------------------------------

#[test]
fn the_same_spec_gives_the_same_bytes() {
    let ir = welsh();
    for lang in [Lang::En, Lang::Cy] {
        for format in [DocFormat::Markdown, DocFormat::Html, DocFormat::Pdf] {
            let a = generate(&ir, format, lang);
            let b = generate(&ir, format, lang);
            assert!(
                a.files == b.files,
                "{format:?} {lang:?} differs between two runs"
            );
        }
    }
    // The whole guidance too, through `pmf build`'s entry point.
    let ir = shipped();
    let a = docs::artifacts(&ir).expect("builds");
    let b = docs::artifacts(&ir).expect("builds");
    assert!(a == b, "the shipped guidance differs between two runs");
    assert!(a.keys().any(|k| k == "guidance/guidance.pdf"));
    assert!(a.keys().any(|k| k == "guidance/annex.pdf"));
    assert!(a.keys().any(|k| k == "guidance/html/adults.html"));
    assert!(a.keys().any(|k| k == "guidance/md/adults.md"));
}

/// The anchors (`id="..."`) of an HTML page.
fn ids(html: &str) -> BTreeSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_internal_link_lands_on_an_anchor_and_every_code_has_one() {
    let ir = shipped();
    let g = generate(&ir, DocFormat::Html, Lang::En);
    let pages: Vec<(&String, String)> = g
        .files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8(v.clone()).expect("UTF-8")))
        .collect();
    let anchors: std::collections::BTreeMap<&str, BTreeSet<String>> =
        pages.iter().map(|(k, v)| (k.as_str(), ids(v))).collect();
    let mut links = 0;
    for (page, html) in &pages {
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            if href.starts_with("assets/") {
                continue;
            }
            let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
            let file = if file.is_empty() { page.as_str() } else { file };
            let Some(ids) = anchors.get(file) else {
                panic!("{page} links to {href}, and there is no page {file}");
            };
            assert!(
                anchor.is_empty() || ids.contains(anchor),
                "{page} links to {href}, and {file} has no anchor `{anchor}`"
            );
            links += 1;
        }
    }
    assert!(links > 3000, "only {links} links");
    // Every metric and item has its anchor, from its code.
    let all: BTreeSet<&String> = anchors.values().flatten().collect();
    for m in &ir.metrics {
        assert!(
            all.contains(&m.code.replace('/', "-")),
            "{} has no anchor",
            m.code
        );
        for i in &m.items {
            assert!(
                all.contains(&i.code.replace('/', "-")),
                "{} has no anchor",
                i.code
            );
        }
    }
    assert!(all.contains(&"AD-001".to_string()) && all.contains(&"AD-002a".to_string()));
    // Code mentions in texts are links: AD/004's lead-in mentions AD/001.
    let adults = &pages
        .iter()
        .find(|(k, _)| *k == "adults.html")
        .expect("adults")
        .1;
    assert!(
        adults.contains("received during the year (<a href=\"#AD-001\">AD/001</a>) received from")
    );
    // The site `pmf build` writes links from every page to the PDFs, the templates and the
    // validation code, and each link lands on a file the build writes.
    let built = pmf::gen::build_all(&ir).expect("builds");
    for (page, _) in &pages {
        let site = built
            .get(&format!("guidance/html/{page}"))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let downloads: Vec<&str> = site
            .split("<ul class=\"downloads\">")
            .nth(1)
            .and_then(|s| s.split("</ul>").next())
            .unwrap_or_default()
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert_eq!(downloads.len(), 9, "{page} links to {downloads:?}");
        for href in downloads {
            let target = resolve("guidance/html", href);
            assert!(
                built.contains_key(&target),
                "{page} links to {href}: no {target}"
            );
        }
    }

    // The Markdown links land too.
    let md = generate(&ir, DocFormat::Markdown, Lang::En);
    let texts: std::collections::BTreeMap<&str, String> = md
        .files
        .iter()
        .map(|(k, v)| (k.as_str(), String::from_utf8(v.clone()).expect("UTF-8")))
        .collect();
    for (page, text) in &texts {
        for link in text.split("](").skip(1).filter_map(|s| s.split(')').next()) {
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let file = if file.is_empty() { *page } else { file };
            let target = texts
                .get(file)
                .unwrap_or_else(|| panic!("{page} links to {link}: no file {file}"));
            assert!(
                anchor.is_empty() || target.contains(&format!("<a id=\"{anchor}\"></a>")),
                "{page} links to {link}: {file} has no anchor `{anchor}`"
            );
        }
    }
}

/// A relative link from a folder, as a path of the build: `guidance/html` + `../annex.pdf`.
fn resolve(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    for p in href.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn the_pdf_is_a_tagged_a4_document_with_outline_links_and_metadata() {
    let ir = welsh();
    let g = generate(&ir, DocFormat::Pdf, Lang::En);
    let pdf = &g.files[docs::PDF_FILE];
    assert!(pdf.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(pdf);
    for needle in [
        "/StructTreeRoot",
        "/MarkInfo",
        "/Outlines",
        "/Lang(en)",
        "pdfuaid:part>1",
        "/Creator(pmf)",
    ] {
        assert!(raw.contains(needle), "the PDF has no {needle}");
    }
    assert!(raw.matches("/Subtype/Link").count() > 20, "too few links");
    assert!(!raw.contains("/CreationDate"), "the PDF carries a date");
    if !have("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.pdf");
    std::fs::write(&path, pdf).expect("write");
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("Title:           Technical Guidance: a test edition"),
        "{info}"
    );
    assert!(info.contains("Author:          Welsh Government"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let text = Command::new("pdftotext")
        .args(["-f", "3", "-l", "3", "-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let page3 = String::from_utf8_lossy(&text.stdout);
    // The page number.
    assert!(page3.contains("Page 3 of"), "{page3}");
    // The familiar table.
    let all = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("runs");
    let all = squash(&String::from_utf8_lossy(&all.stdout));
    let layout = squash(&pdf_text(pdf, &["-layout"]));
    assert!(layout.contains("Reference Metric Counts When"), "{layout}");
    assert!(all.contains("These add up to AD/001."), "{all}");
    // The cover and the back page carry the publication notice.
    assert!(all.contains("© Crown copyright 2019"), "{all}");
    assert!(all.contains("Open Government Licence v3.0"), "{all}");
    assert!(
        all.contains("Enquiries Knowledge and Analytical Services"),
        "{all}"
    );
}

#[test]
fn the_welsh_pdf_is_welsh() {
    let g = generate(&welsh(), DocFormat::Pdf, Lang::Cy);
    let raw = String::from_utf8_lossy(&g.files[docs::PDF_FILE]);
    assert!(raw.contains("/Lang(cy)"));
    let (source, _) = docs::typst_source(&welsh(), Lang::Cy).expect("renders");
    assert!(source.contains("Pam rydym yn mesur hyn\\?"), "{source}");
    assert!(
        source.contains("#text(lang: \"en\")[the number where advice and assistance was provided]")
    );
}

#[test]
fn a_local_extension_gets_a_page_of_its_own_in_every_format() {
    let input = driver::read_input(&[
        root().join("spec/2019-consultation"),
        root().join("tests/docs/extension/cardiff.pmf"),
    ]);
    let ir = check::compile(&input.sources)
        .ir
        .expect("the edition and the extension check together");
    let md = generate(&ir, DocFormat::Markdown, Lang::En);
    let page = text_of(&md, "local-measures.md");
    assert!(page.contains("# Cardiff local measures"), "{page}");
    assert!(page.contains("**Local authority** W06000015"), "{page}");
    assert!(page.contains(
        "| [CDF/001](#CDF-001) | Contacts to the IAA service made in Welsh | contacts | During the year |"
    ), "{page}");
    assert!(
        page.contains("**Part of** [AD/001](adults.md#AD-001): never more than it."),
        "{page}"
    );
    let codes = text_of(&md, "codes.md");
    assert!(
        codes.contains("| [CDF/001](local-measures.md#CDF-001) |"),
        "{codes}"
    );
    let html = generate(&ir, DocFormat::Html, Lang::En);
    assert!(text_of(&html, "local-measures.html").contains("id=\"CDF-001\""));
    let (typst, _) = docs::typst_source(&ir, Lang::En).expect("renders");
    assert!(typst.contains("<CDF-001>"));
}

#[test]
fn changes_since_the_superseded_edition_and_retired_codes_are_listed() {
    let ir = with_changes();
    let md = generate(&ir, DocFormat::Markdown, Lang::En);
    let page = text_of(&md, "changes.md");
    assert!(page.contains("# Changes since welsh-2019"), "{page}");
    assert!(page.contains("## Breaking for submissions"), "{page}");
    assert!(page.contains("| [AD/006](adults.md#AD-006) | AD/016 | AD/016 is renumbered [AD/006](adults.md#AD-006). Reason: the code \\<moved\\> \\#up |"), "{page}");
    assert!(page.contains("## Documentation only"), "{page}");
    assert!(
        page.contains("| AD/099 | welsh-2019 | An old count \\#retired |"),
        "{page}"
    );
    let cy = generate(&ir, DocFormat::Markdown, Lang::Cy);
    let page = text_of(&cy, "changes.md");
    assert!(page.contains("# Newidiadau ers welsh-2019"), "{page}");
    assert!(
        page.contains("| AD/099 | welsh-2019 | Hen gyfrif \\#wedi-ymddeol |"),
        "{page}"
    );
    assert!(
        page.contains("symudodd y cod \\<i fyny\\> \\#fyny"),
        "{page}"
    );
    assert!(cy
        .untranslated
        .iter()
        .any(|u| u.place == "change AD/006 · metric_renumbered"));
    let (typst, _) = docs::typst_source(&ir, Lang::En).expect("renders");
    assert!(typst.contains("Changes since welsh\\-2019"));
    generate(&ir, DocFormat::Pdf, Lang::En);
    // An edition that replaces none has no such page.
    assert!(!generate(&welsh(), DocFormat::Markdown, Lang::En)
        .files
        .contains_key("changes.md"));
}

// ---- the site in a browser ------------------------------------------------------------------------

#[test]
fn axe_core_finds_no_accessibility_violation_on_any_page() {
    if !have_browser() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut pages = Vec::new();
    for (name, ir, lang) in [
        ("shipped", shipped(), Lang::En),
        ("welsh", welsh(), Lang::Cy),
        ("hostile", hostile(), Lang::En),
        ("changes", with_changes(), Lang::Cy),
    ] {
        let g = generate(&ir, DocFormat::Html, lang);
        let site = dir.path().join(name);
        write_all(&g, &site);
        pages.extend(
            g.files
                .keys()
                .filter(|k| k.ends_with(".html"))
                .map(|k| site.join(k).display().to_string()),
        );
    }
    let results = browser("axe", &pages);
    let results = results.as_array().expect("a list");
    assert_eq!(results.len(), pages.len());
    let mut problems = Vec::new();
    for r in results {
        let page = r["page"].as_str().unwrap_or_default();
        for v in r["violations"].as_array().expect("violations") {
            problems.push(format!(
                "{page}: {} ({}): {}",
                v["id"], v["help"], v["nodes"]
            ));
        }
        for e in r["errors"].as_array().expect("errors") {
            problems.push(format!("{page}: script error {e}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_search_works_from_the_file_system() {
    if !have_browser() {
        return;
    }
    let g = generate(&shipped(), DocFormat::Html, Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");
    write_all(&g, dir.path());
    let search = dir.path().join("search.html").display().to_string();
    let found = browser(
        "probe",
        &[
            format!("file://{search}?q=AD/004"),
            format!("file://{search}?q=direct%20payments%20review"),
            format!("file://{search}?q=zzzz-nothing"),
            // Codes are found whatever their case, spaces and slashes.
            format!("file://{search}?q=ad002a"),
            format!("file://{search}?q=Ad%20002A"),
            format!("file://{search}?q=piad01"),
            // Words of a metric's notes, of an item's wording, of an indicator's reading.
            format!("file://{search}?q=exclusive%20no%20further%20action"),
            format!("file://{search}?q=dig%20deeper"),
        ],
    );
    let first = &found[0]["results"][0];
    assert_eq!(first["href"], "adults.html#AD-004", "{found}");
    // AD/004 and its eleven items first, then what mentions AD/004.
    let codes: Vec<&str> = found[0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .take(12)
        .filter_map(|r| r["href"].as_str())
        .collect();
    assert!(
        codes.iter().all(|h| h.starts_with("adults.html#AD-004")),
        "{codes:?}"
    );
    let words = found[1]["results"].as_array().expect("results");
    assert!(
        words.iter().any(|r| r["href"] == "adults.html#AD-026"),
        "{words:?}"
    );
    assert_eq!(found[2]["status"], "Nothing matches.");
    assert_eq!(found[2]["results"], serde_json::json!([]));
    for (i, want) in [
        (3, "adults.html#AD-002a"),
        (4, "adults.html#AD-002a"),
        (5, "indicators.html#PI-AD-01"),
    ] {
        assert_eq!(found[i]["results"][0]["href"], want, "{}", found[i]);
    }
    let notes = found[6]["results"].as_array().expect("results");
    assert!(
        notes.iter().any(|r| r["href"] == "adults.html#AD-002"),
        "{notes:?}"
    );
    assert!(
        found[7]["results"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "{}",
        found[7]
    );
}

#[test]
fn on_a_phone_the_content_comes_first_and_tables_are_stacked() {
    if !have_browser() {
        return;
    }
    let g = generate(&shipped(), DocFormat::Html, Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");
    write_all(&g, dir.path());
    let pages: Vec<String> = [
        "adults.html",
        "indicators.html",
        "index.html",
        "definitions.html",
    ]
    .iter()
    .map(|p| dir.path().join(p).display().to_string())
    .collect();
    let mut args = vec!["390".to_string()];
    args.extend(pages.iter().cloned());
    for p in browser("layout", &args).as_array().expect("a list") {
        let page = p["page"].as_str().unwrap_or_default();
        assert!(
            p["mainTop"].as_f64() < p["tocTop"].as_f64(),
            "{page}: the contents come before the content on a phone: {p}"
        );
        assert!(
            p["scrollWidth"].as_f64() <= p["viewport"].as_f64(),
            "{page} is wider than the phone: {p}"
        );
        for t in p["tables"].as_array().expect("tables") {
            assert_eq!(t["display"], "block", "{page}: a table is not stacked: {p}");
        }
    }
    let mut args = vec!["1280".to_string()];
    args.extend(pages.iter().cloned());
    for p in browser("layout", &args).as_array().expect("a list") {
        for t in p["tables"].as_array().expect("tables") {
            assert_eq!(
                t["display"], "table-row",
                "a table is stacked on a wide screen: {p}"
            );
        }
    }
}

// ---- the command line -----------------------------------------------------------------------------

fn pmf(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

#[test]
fn pmf_doc_writes_each_format_and_reports_untranslated_texts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let spec = root().join("tests/docs/welsh/spec.pmf");
    let spec = spec.to_str().expect("UTF-8 path");
    let o = pmf(
        &["doc", "--format", "md", "--lang", "cy", "-o", "md", spec],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("note: 4 texts of the spec have no Welsh version"),
        "{stderr}"
    );
    assert!(
        stderr.contains("AD/002b · wording: the number where advice and assistance was provided")
    );
    assert!(dir.path().join("md/adults.md").is_file());
    assert!(dir.path().join("md/annex-untranslated.md").is_file());

    let o = pmf(&["doc", "--format", "html", spec], dir.path());
    assert!(o.status.success());
    assert!(dir.path().join("guidance-html/index.html").is_file());
    assert!(dir
        .path()
        .join("guidance-html/assets/search-index.js")
        .is_file());

    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let o = pmf(&["doc", "--format", "pdf", "-o", "out", spec], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(dir.path().join("out/guidance.pdf")).expect("the PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("wrote out/guidance.pdf"));

    // The annex is a PDF of its own; the site holds its pages already.
    let o = pmf(&["doc", "--annex", "-o", "out", spec], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("wrote out/annex.pdf"));
    let o = pmf(&["doc", "--annex", "--format", "html", spec], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`--annex` is for the PDF"));
    // The site holds what it links to: the PDFs, the templates and the validation code.
    let site = dir.path().join("guidance-html");
    for f in [
        "guidance.pdf",
        "annex.pdf",
        "submission-template.xlsx",
        "pmf_validate.py",
    ] {
        assert!(site.join("downloads").join(f).is_file(), "no downloads/{f}");
    }
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(
        index.contains("<a href=\"downloads/submission-template.xlsx\">"),
        "{index}"
    );
}

#[test]
fn pmf_doc_refuses_a_broken_spec_and_a_file_for_a_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("bad.pmf"),
        "metric AD/001 {\n  counts contatc\n}\n",
    )
    .expect("write");
    let o = pmf(
        &["doc", "--format", "html", "-o", "site", "bad.pmf"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("bad.pmf:2:"), "{stderr}");
    assert!(stderr.contains("nothing was produced"), "{stderr}");
    assert!(!dir.path().join("site").exists(), "a half-written site");

    std::fs::write(dir.path().join("taken"), "x").expect("write");
    let spec = root().join("tests/docs/welsh/spec.pmf");
    let o = pmf(
        &[
            "doc",
            "--format",
            "md",
            "-o",
            "taken",
            spec.to_str().expect("UTF-8"),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("taken is a file; give a folder for the Markdown guidance"));
}

// ---- the guidance as a published document ----------------------------------------------------

/// `{name}`: a placeholder of the fixed wording.
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices('{') {
        let rest = &text[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with('}') {
            found.push(format!("{{{name}}}"));
        }
    }
    found
}

#[test]
fn no_placeholder_reaches_any_page_in_either_language() {
    let mut checked = 0;
    for (name, ir) in [
        ("shipped", shipped()),
        ("welsh", welsh()),
        ("hostile", hostile()),
    ] {
        for lang in [Lang::En, Lang::Cy] {
            for format in [DocFormat::Html, DocFormat::Markdown] {
                let g = generate(&ir, format, lang);
                for (path, bytes) in &g.files {
                    let text = String::from_utf8_lossy(bytes);
                    let text = match path.ends_with(".html") {
                        true => html_text(&text),
                        false => text.into_owned(),
                    };
                    let found = placeholders(&text);
                    assert!(found.is_empty(), "{name} {lang:?} {path}: {found:?}");
                    checked += 1;
                }
            }
            // The PDFs' sources: an unfilled placeholder would be escaped there as `\{name\}`.
            let guidance = docs::typst_source(&ir, lang).expect("renders").0;
            let annex = docs::typst_annex_source(&ir, lang).expect("renders").0;
            for source in [guidance, annex] {
                let found = placeholders(&source.replace("\\{", "{").replace("\\}", "}"));
                assert!(found.is_empty(), "{name} {lang:?} PDF: {found:?}");
            }
        }
    }
    assert!(checked > 100, "only {checked} pages");
    if !have("pdftotext", &["-v"]) {
        return;
    }
    for lang in [Lang::En, Lang::Cy] {
        let g = generate(&welsh(), DocFormat::Pdf, lang);
        let annex = docs::annex(&welsh(), lang).expect("the annex");
        let text = pdf_text(&g.files[docs::PDF_FILE], &[])
            + &pdf_text(&annex.files[docs::ANNEX_FILE], &[]);
        assert!(
            placeholders(&text).is_empty(),
            "{lang:?}: {:?}",
            placeholders(&text)
        );
    }
}

/// The lines of the shipped guidance's PDF as laid out (pdftotext -layout), without the
/// running footer, spaces squashed; and the PDF.
fn shipped_lines() -> (Vec<Vec<String>>, Vec<u8>) {
    let g = generate(&shipped(), DocFormat::Pdf, Lang::En);
    let pdf = g.files[docs::PDF_FILE].clone();
    let text = pdf_text(&pdf, &["-layout"]);
    let pages = text
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(squash)
                .filter(|l| !l.is_empty() && !l.starts_with("Page "))
                .collect()
        })
        .collect();
    (pages, pdf)
}

#[test]
fn the_shipped_guidance_fits_in_90_pages_of_10_point_text() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let (pages, pdf) = shipped_lines();
    let n = pages.iter().filter(|p| !p.is_empty()).count();
    assert!(n <= 90, "{n} pages");
    // The size of the body text: the height of a word's box is its font's ascent and descent,
    // 1.15 times the size for Liberation Sans; most words are body text.
    let bbox = pdf_text(&pdf, &["-bbox"]);
    let mut heights: Vec<f64> = bbox
        .split("<word ")
        .skip(1)
        .filter_map(|w| {
            let num = |key: &str| -> Option<f64> {
                w.split(&format!("{key}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            Some(num("yMax")? - num("yMin")?)
        })
        .collect();
    heights.sort_by(|a, b| a.total_cmp(b));
    let median = heights[heights.len() / 2];
    // pdftotext makes a word of Liberation Sans 0.938 times its size high (the 8 pt running
    // header's words are 7.51 pt high).
    let size = median / 0.9385;
    assert!(
        size >= 9.99,
        "the body text is {size:.2} pt, less than 10 pt"
    );
    // A card that a page breaks is named again at the top of the next page.
    let continued = pages
        .iter()
        .filter(|p| p.first().is_some_and(|l| l.ends_with("(continued)")))
        .count();
    assert!(continued > 0, "no page names the card it continues");
}

#[test]
fn the_guidance_repeats_no_boilerplate_line() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let ir = shipped();
    let (pages, _) = shipped_lines();
    // Headings and the header rows of tables may repeat (the same group in two parts); so may
    // the spec's own words (the source repeats its rationales) after a run-in label.
    let md = generate(&ir, DocFormat::Markdown, Lang::En);
    let mut headings = BTreeSet::new();
    for bytes in md.files.values() {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.starts_with('#') {
                headings.insert(squash(&md_plain(l.trim_start_matches('#'))));
            }
            if l.starts_with('|') && lines.get(i + 1).is_some_and(|n| n.starts_with("|---")) {
                let cells: Vec<String> = l.trim_matches('|').split('|').map(md_plain).collect();
                headings.insert(squash(&cells.join(" ")));
            }
        }
    }
    let spec = squash(&ir.to_json().replace("\\\"", "\""));
    let labels = [
        "Why are we measuring this?",
        "Legal basis",
        "Timescale",
        "Note",
        "Part of",
        "Equal to",
        "What to include",
        "What not to include",
        "How to count",
        "Taken from",
        "Used by indicators",
        "Correction",
        "Formula",
        "How to read it",
        "Worked example",
    ];
    let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
    for line in pages.iter().flatten() {
        *count.entry(line.as_str()).or_default() += 1;
    }
    let mut repeated = Vec::new();
    for (line, n) in count {
        if n <= 5 || headings.contains(line) || line.split(' ').count() < 3 {
            continue;
        }
        let rest = labels
            .iter()
            .find_map(|l| line.strip_prefix(&format!("{l} ")))
            .unwrap_or(line);
        if rest.split(' ').count() >= 3 && spec.contains(rest) {
            continue;
        }
        repeated.push(format!("{n} × {line}"));
    }
    assert!(repeated.is_empty(), "boilerplate:\n{}", repeated.join("\n"));
}

/// A Markdown line as plain text: links, anchors, emphasis and escapes dropped.
fn md_plain(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<a id=\"") {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once("</a>").map(|x| x.1).unwrap_or("");
    }
    out.push_str(rest);
    let mut plain = String::new();
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => plain.extend(chars.next()),
            '*' => {}
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            c => plain.push(c),
        }
    }
    plain
}

#[test]
fn the_guidance_prints_no_material_for_the_specs_authors() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let ir = shipped();
    let g = generate(&ir, DocFormat::Pdf, Lang::En);
    let text = squash(&pdf_text(&g.files[docs::PDF_FILE], &[]));
    for bad in [
        "Generated from the specification",
        "the compiler",
        ".pmf",
        "Warnings accepted",
        "({via})",
        "the source",
        "as printed",
        "extraction",
        "AD_E0",
        "Validation rules",
        "rounded half away from zero to",
    ] {
        assert!(!text.contains(bad), "the guidance prints `{bad}`");
    }
    // No identifier of the spec (`speech_language`, `adult_waiting_service`).
    let ids: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.contains('_') && w.chars().any(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(ids.is_empty(), "identifiers: {ids:?}");
    // A metric's heading is its title, never a lead-in.
    let md = generate(&ir, DocFormat::Markdown, Lang::En);
    for (path, bytes) in &md.files {
        for l in String::from_utf8_lossy(bytes)
            .lines()
            .filter(|l| l.starts_with('#'))
        {
            let h = md_plain(l.trim_start_matches('#')).trim().to_string();
            assert!(
                !h.contains("Of those") && !h.contains("Of these") && !h.ends_with(':'),
                "{path}: heading `{h}`"
            );
        }
    }
    // The annex has what the guidance leaves out.
    let annex = docs::annex(&ir, Lang::En).expect("the annex");
    let annex = squash(&pdf_text(&annex.files[docs::ANNEX_FILE], &[]));
    for want in [
        "AD_E02",
        "As printed",
        "Warnings accepted",
        "indicators.pmf:",
        "AD/001.value",
        "The source prints no heading for this table",
        "speech_language",
    ] {
        assert!(annex.contains(want), "the annex has no `{want}`");
    }
}
