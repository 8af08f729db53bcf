//! The translators' round trip (`pmf translate`) on tests/translate/spec.pmf, a small bilingual
//! spec: export as PO, checked by gettext's `msgfmt --check`; the PO filled as a translator
//! would (in the test: each empty entry gets "[cy] " and its English, a test fill, not a
//! translation); import; `pmf check --welsh` clean; one English text changed, and exactly that
//! Welsh reported stale; the old file then refused. XLIFF 2.0 is read back by translate-toolkit
//! (tests/setup.sh installs msgfmt and translate-toolkit; under CI=true a missing one fails).

use crate::common::root;
use crate::differential::tool;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pmf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .output()
        .expect("pmf runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A fresh copy of the test spec in a folder of its own.
fn workspace(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("pmf-translate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let spec = dir.join("spec");
    std::fs::create_dir_all(&spec).expect("mkdir");
    std::fs::copy(
        root().join("tests/translate/spec.pmf"),
        spec.join("spec.pmf"),
    )
    .expect("copy the test spec");
    (dir, spec)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn export(spec: &Path, format: &str, out: &Path) -> String {
    let o = pmf(&[
        "translate",
        "export",
        "--format",
        format,
        "-o",
        s(out),
        s(spec),
    ]);
    assert!(o.status.success(), "export failed:\n{}", text(&o));
    std::fs::read_to_string(out).expect("the exported file")
}

/// gettext's own check of a PO file (`msgfmt --check`); under CI=true a missing msgfmt fails.
fn msgfmt_check(po: &Path) {
    if let Some(msgfmt) = tool("msgfmt", &[]) {
        let o = Command::new(msgfmt)
            .args(["--check", "-o", "/dev/null", s(po)])
            .output()
            .expect("msgfmt runs");
        assert!(o.status.success(), "msgfmt --check:\n{}", text(&o));
    }
}

/// The pages of the Welsh guidance in Markdown (`pmf doc --format md --lang cy`), written to
/// the folder `out`.
fn welsh_guidance(spec: &Path, out: &Path) -> Vec<String> {
    let o = pmf(&[
        "doc",
        "--format",
        "md",
        "--lang",
        "cy",
        "-o",
        s(out),
        s(spec),
    ]);
    assert!(o.status.success(), "doc failed:\n{}", text(&o));
    crate::common::files_with_ext(out, "md")
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a page of the Welsh guidance"))
        .collect()
}

/// The `pmf check --welsh` diagnostics' codes, as `CODE line` pairs.
fn welsh_findings(spec: &Path) -> Vec<String> {
    let o = pmf(&["check", "--welsh", "--format", "json", s(spec)]);
    let out = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON diagnostics");
    v["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap_or_default();
            let at = d["primary"]["line"].as_u64().unwrap_or(0);
            format!("{code} {at}")
        })
        .collect()
}

/// Fills a PO file as a translator would: fuzzy flags removed (the Welsh is right), every empty
/// single-line msgstr given "[cy] " and its English.
fn fill_po(po: &str) -> String {
    let lines: Vec<&str> = po.lines().collect();
    let mut out = Vec::new();
    let mut filled = 0;
    for (i, l) in lines.iter().enumerate() {
        if *l == "#, fuzzy" {
            continue;
        }
        let empty_entry = *l == "msgstr \"\""
            && lines.get(i + 1).is_none_or(|n| n.is_empty())
            && i > 0
            && lines[i - 1].starts_with("msgid \"")
            && lines[i - 1] != "msgid \"\"";
        if empty_entry {
            let en = &lines[i - 1]["msgid \"".len()..];
            out.push(format!("msgstr \"[cy] {en}"));
            filled += 1;
        } else {
            out.push((*l).to_string());
        }
    }
    assert_eq!(filled, 3, "the test spec has three texts without Welsh");
    out.join("\n") + "\n"
}

fn msgctxts(po: &str) -> Vec<String> {
    po.lines()
        .filter_map(|l| l.strip_prefix("msgctxt \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect()
}

#[test]
fn po_round_trip_then_one_changed_english_is_exactly_one_stale_text() {
    let (dir, spec) = workspace("po");
    let file = spec.join("spec.pmf");
    // Before: three texts without Welsh, one draft.
    let mut before = welsh_findings(&spec);
    before.sort();
    assert_eq!(
        before.iter().filter(|f| f.starts_with("PMF0402")).count(),
        3,
        "{before:?}"
    );
    assert_eq!(
        before.iter().filter(|f| f.starts_with("PMF0411")).count(),
        1,
        "{before:?}"
    );

    let po_path = dir.join("cy.po");
    let po = export(&spec, "po", &po_path);
    let ids = msgctxts(&po);
    // Every text of the spec needs Welsh here: hand-written Welsh is unverified.
    assert_eq!(ids.len(), 45, "{ids:?}");
    for id in [
        "AD/001#wording",
        "AD/002b#wording",
        "codelist:contact_source.other#label",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} not exported");
    }
    assert!(po.contains("Project-Id-Version: pmf-spec translate-test "));
    // The draft Welsh and hand-written Welsh are fuzzy; missing Welsh is not.
    assert!(po.contains("#, fuzzy\nmsgctxt \"AD/005#wording\""));
    assert!(po.contains("msgctxt \"AD/002b#wording\"\nmsgid \"the number where advice and assistance was provided\"\nmsgstr \"\"\n"));
    // Same spec, same bytes.
    assert_eq!(export(&spec, "po", &dir.join("again.po")), po);

    msgfmt_check(&po_path);

    let filled = dir.join("filled.po");
    std::fs::write(&filled, fill_po(&po)).expect("write");
    // Not ready to publish: texts without Welsh, a draft. Nothing is built.
    let published = dir.join("published");
    let o = pmf(&["build", "--publish", "--out", s(&published), s(&spec)]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("3 text(s) have no Welsh"), "{}", text(&o));
    assert!(!published.exists());

    let o = pmf(&["translate", "import", "--reviewed", s(&filled), s(&spec)]);
    assert!(o.status.success(), "import failed:\n{}", text(&o));
    assert!(
        text(&o).contains("imported 45 Welsh texts into 1 file"),
        "{}",
        text(&o)
    );
    // Every text reviewed: it publishes, and the Welsh outputs show the imported Welsh.
    let o = pmf(&["build", "--publish", "--out", s(&published), s(&spec)]);
    assert!(o.status.success(), "publish failed:\n{}", text(&o));
    assert!(published.join("MANIFEST.txt").exists());
    let guidance: String = welsh_guidance(&spec, &dir.join("cy.md")).concat();
    assert!(
        // (Markdown escapes the brackets.)
        guidance.contains("\\[cy\\] the number where advice and assistance was provided"),
        "the Welsh guidance lacks the imported Welsh"
    );
    let imported = std::fs::read_to_string(&file).expect("read");
    // Comments survive, and the Welsh carries its English's hash and state.
    assert!(imported.starts_with("// A small bilingual spec"));
    assert!(
        imported.contains("  cy \"[cy] Other\" of(\"f97e9da0\", reviewed)\n"),
        "{imported}"
    );
    assert_eq!(
        welsh_findings(&spec),
        Vec::<String>::new(),
        "check --welsh after the import"
    );
    let o = pmf(&["fmt", "--check", s(&spec)]);
    assert!(
        o.status.success(),
        "the import left the file unformatted:\n{}",
        text(&o)
    );
    // Nothing is left to translate.
    assert!(msgctxts(&export(&spec, "po", &dir.join("none.po"))).is_empty());
    // The Welsh memory holds the English each Welsh text was made from.
    let memory = std::fs::read_to_string(spec.join("welsh-memory.pmf")).expect("the Welsh memory");
    assert!(
        memory.contains(
            "\nenglish \"64c2f330\" \"The number of adults with a care and support plan at 31 March\"\n"
        ),
        "{memory}"
    );

    // Change one English text: exactly its Welsh is stale.
    let old = "  wording \"The number of adults with a care and support plan at 31 March\"";
    assert!(imported.contains(old));
    let changed = imported.replace(
        old,
        "  wording \"The number of adults with a care and support plan on 31 March\"",
    );
    std::fs::write(&file, &changed).expect("write");
    let line = changed
        .lines()
        .position(|l| l.contains("plan on 31 March"))
        .expect("the changed line")
        + 2;
    assert_eq!(welsh_findings(&spec), vec![format!("PMF0410 {line}")]);
    let o = pmf(&[
        "build",
        "--publish",
        "--out",
        s(&dir.join("again")),
        s(&spec),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("1 Welsh text(s) translate English that has since changed"),
        "{}",
        text(&o)
    );
    let o = pmf(&["check", "--welsh", s(&spec)]);
    let t = text(&o);
    assert!(
        t.contains("English now: The number of adults with a care and support plan on 31 March"),
        "{t}"
    );
    assert!(
        t.contains("Welsh: Nifer yr oedolion sydd â chynllun gofal a chymorth ar 31 Mawrth"),
        "{t}"
    );
    assert!(
        t.contains(
            "English it was made for: The number of adults with a care and support plan at 31 March"
        ),
        "{t}"
    );
    // The stale text is exported again, fuzzy, with its Welsh and the English it was made
    // for (gettext's previous msgid; msgfmt accepts it).
    let again = export(&spec, "po", &dir.join("stale.po"));
    assert_eq!(msgctxts(&again), vec!["AD/005#wording".to_string()]);
    assert!(again.contains("#, fuzzy"));
    assert!(
        again.contains(
            "#| msgctxt \"AD/005#wording\"\n#| msgid \"The number of adults with a care and support plan at 31 March\"\nmsgctxt \"AD/005#wording\""
        ),
        "{again}"
    );
    msgfmt_check(&dir.join("stale.po"));
    let xlf = export(&spec, "xliff", &dir.join("stale.xlf"));
    assert!(
        xlf.contains("<note category=\"previous-english\">The number of adults with a care and support plan at 31 March</note>"),
        "{xlf}"
    );

    // The Welsh guidance lists the stale text with those not yet translated.
    let annex: String = welsh_guidance(&spec, &dir.join("stale-cy.md"))
        .into_iter()
        .filter(|p| p.contains("Testunau heb eu cyfieithu eto"))
        .collect();
    assert!(
        annex.contains("AD/005 · wording · Cymraeg a wnaed ar gyfer Saesneg cynharach"),
        "{annex}"
    );
    assert!(
        annex.contains("The number of adults with a care and support plan on 31 March"),
        "{annex}"
    );

    // The first file is refused now, naming its lines, and nothing is written.
    let o = pmf(&["translate", "import", s(&filled), s(&spec)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("another version of the spec"), "{t}");
    assert!(t.contains("AD/005#wording: the English has changed"), "{t}");
    assert!(t.contains("no source file was changed"), "{t}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), changed);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_refuses_each_bad_entry_with_its_line_and_writes_nothing() {
    let (dir, spec) = workspace("bad");
    let file = spec.join("spec.pmf");
    let original = std::fs::read_to_string(&file).expect("read");
    let po = export(&spec, "po", &dir.join("cy.po"));
    let mut bad = fill_po(&po)
        // A code mention that differs from the English's (AD/001).
        .replace("Gweler AD/001 ar gyfer", "Gweler AD/009 ar gyfer")
        // A placeholder the English does not have.
        .replace("msgstr \"[cy] Other\"", "msgstr \"[cy] Other {n}\"");
    // An entry for a text that does not exist.
    bad.push_str("\nmsgctxt \"AD/099#wording\"\nmsgid \"Gone\"\nmsgstr \"Wedi mynd\"\n");
    let path = dir.join("bad.po");
    std::fs::write(&path, &bad).expect("write");
    let o = pmf(&["translate", "import", s(&path), s(&spec)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    let line_of = |needle: &str| {
        bad.lines()
            .position(|l| l == needle)
            .map(|i| i + 1)
            .expect(needle)
    };
    let name = s(&path);
    for (ctxt, says) in [
        (
            "doc:introduction#text",
            "the Welsh mentions the codes AD/009 where the English mentions AD/001",
        ),
        (
            "codelist:contact_source.other#label",
            "the Welsh has the placeholders {n} where the English has none",
        ),
        ("AD/099#wording", "the spec has no text with this id"),
    ] {
        let line = line_of(&format!("msgctxt \"{ctxt}\""));
        let want = format!("{name}:{line}: error: {ctxt}: {says}");
        assert!(t.contains(&want), "missing `{want}` in:\n{t}");
    }
    assert!(t.contains("nothing imported (3 problems)"), "{t}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), original);
    assert!(!t.contains("panicked"));

    // A malformed PO line is a problem with its line, not a panic.
    std::fs::write(&path, "msgid \"\"\nmsgstr \"\"\n\"\n").expect("write");
    let o = pmf(&["translate", "import", s(&path), s(&spec)]);
    let t = text(&o);
    assert!(
        t.contains(&format!("{name}:3: error: not a quoted PO string")),
        "{t}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), original);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn xliff_is_read_by_translate_toolkit_and_final_segments_import_as_reviewed() {
    let (dir, spec) = workspace("xliff");
    let path = dir.join("cy.xlf");
    let xlf = export(&spec, "xliff", &path);
    let ours = pmf::translate::xliff::read(&xlf).expect("our reader reads our file");
    assert_eq!(ours.units.len(), 45);

    if let Some(python) = tool("python3", &[]) {
        let has_toolkit = Command::new(&python)
            .args(["-c", "import translate.storage.xliff2"])
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            has_toolkit || std::env::var("CI").as_deref() != Ok("true"),
            "translate-toolkit is needed by this test under CI (tests/setup.sh installs it)"
        );
        if has_toolkit {
            let script = "import json, sys\n\
                from translate.storage import xliff2\n\
                store = xliff2.Xliff2File.parsefile(open(sys.argv[1], 'rb'))\n\
                units = [u for u in store.units if not u.isheader()]\n\
                print(json.dumps([[str(u.source), u.target and str(u.target)] for u in units]))\n";
            let o = Command::new(&python)
                .args(["-c", script, s(&path)])
                .output()
                .expect("python3 runs");
            assert!(o.status.success(), "translate-toolkit:\n{}", text(&o));
            let read: Vec<(String, Option<String>)> =
                serde_json::from_slice(&o.stdout).expect("JSON from the script");
            let expected: Vec<(String, Option<String>)> = ours
                .units
                .iter()
                .map(|u| (u.en.clone(), (!u.cy.is_empty()).then(|| u.cy.clone())))
                .collect();
            assert_eq!(
                read, expected,
                "translate-toolkit reads other texts than pmf wrote"
            );
        }
    }

    // The translator's work: a target for each unit without one, every segment final.
    let mut filled = String::new();
    let mut source = String::new();
    for l in xlf.lines() {
        let l = l
            .replace("state=\"initial\"", "state=\"final\"")
            .replace("state=\"translated\"", "state=\"final\"");
        if let Some(rest) = l.trim().strip_prefix("<source xml:space=\"preserve\">") {
            source = rest.trim_end_matches("</source>").to_string();
        }
        if l.trim() == "</segment>" && !filled.ends_with("</target>\n") {
            filled.push_str(&format!(
                "        <target xml:space=\"preserve\">[cy] {source}</target>\n"
            ));
        }
        filled.push_str(&l);
        filled.push('\n');
    }
    let done = dir.join("done.xlf");
    std::fs::write(&done, &filled).expect("write");
    let o = pmf(&["translate", "import", s(&done), s(&spec)]);
    assert!(o.status.success(), "import failed:\n{}", text(&o));
    assert_eq!(welsh_findings(&spec), Vec::<String>::new());
    let imported = std::fs::read_to_string(spec.join("spec.pmf")).expect("read");
    assert!(
        imported.contains("cy \"[cy] Other\" of(\"f97e9da0\", reviewed)"),
        "{imported}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn welsh_for_a_header_and_a_long_text_goes_where_the_language_puts_it() {
    let (dir, spec) = workspace("places");
    let file = spec.join("spec.pmf");
    // Without the Welsh of a header's title and of a `"""` text.
    let src = std::fs::read_to_string(&file).expect("read");
    let start = src
        .find("  cy \"\"\"\n    Mae'r metrigau")
        .expect("the Welsh text");
    let end = start + src[start..].find("  \"\"\"\n").expect("its end") + "  \"\"\"\n".len();
    let src = format!("{}{}", &src[..start], &src[end..]).replace(
        "cohort adult \"Adults\" cy \"Oedolion\" {",
        "cohort adult \"Adults\" {",
    );
    std::fs::write(&file, &src).expect("write");
    let po = export(&spec, "po", &dir.join("cy.po"));
    let filled = po
        .replace(
            "msgctxt \"cohort:adult#label\"\nmsgid \"Adults\"\nmsgstr \"\"",
            "msgctxt \"cohort:adult#label\"\nmsgid \"Adults\"\nmsgstr \"Oedolion\"",
        )
        .replace(
            "\"- They need to be comparable\"\nmsgstr \"\"\n",
            "\"- They need to be comparable\"\nmsgstr \"[cy] AD/001 \\\"q\\\" \\\\ x\\n\\n- one\\n- two\"\n",
        );
    assert_ne!(filled, po, "the test fills two entries");
    let path = dir.join("filled.po");
    std::fs::write(&path, filled).expect("write");
    let o = pmf(&["translate", "import", s(&path), s(&spec)]);
    assert!(o.status.success(), "import failed:\n{}", text(&o));
    let imported = std::fs::read_to_string(&file).expect("read");
    assert!(
        imported.contains("cohort adult \"Adults\" cy \"Oedolion\" of(\"c8a75928\", translated) {"),
        "{imported}"
    );
    assert!(
        imported.contains(
            "    - They need to be comparable\n  \"\"\"\n  cy \"\"\"\n    [cy] AD/001 \"q\" \\ x\n\n    - one\n    - two\n  \"\"\" of(\"f17aff74\", translated)\n"
        ),
        "{imported}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The termbase: a Welsh text whose English uses an agreed term but whose Welsh does not use
/// the term's Welsh is a warning (PMF0412) in `pmf check --welsh`; a mutated form counts as
/// the term; translators are shown the terms each text uses, in the PO and in the XLIFF.
#[test]
fn the_termbase_is_checked_and_shown_to_translators() {
    let (dir, spec) = workspace("terms");
    let path = spec.join("spec.pmf");
    let mut t = std::fs::read_to_string(&path).expect("read");
    t.push_str(
        "\nterm contact \"contact\" cy \"cyswllt\" {\n  status agreed\n  form \"contacts\" cy \"cysylltiadau\"\n}\n\
         \nterm working_day \"working day\" cy \"diwrnod gwaith\" {\n  status proposed\n}\n",
    );
    std::fs::write(&path, &t).expect("write");
    // Every Welsh text of the test spec uses the agreed term where its English does.
    assert!(
        !welsh_findings(&spec)
            .iter()
            .any(|f| f.starts_with("PMF0412")),
        "{:?}",
        welsh_findings(&spec)
    );
    // AD/001's Welsh says "galwadau" (calls) for contacts: that one text is reported.
    let drifted = t.replace(
        "cy \"Cyfanswm y cysylltiadau â'r gwasanaeth",
        "cy \"Cyfanswm y galwadau i'r gwasanaeth",
    );
    assert_ne!(
        drifted, t,
        "the test spec's AD/001 Welsh is where the test expects it"
    );
    std::fs::write(&path, &drifted).expect("write");
    let line = drifted
        .lines()
        .position(|l| l.contains("Cyfanswm y galwadau"))
        .expect("the line")
        + 1;
    let found: Vec<String> = welsh_findings(&spec)
        .into_iter()
        .filter(|f| f.starts_with("PMF0412"))
        .collect();
    assert_eq!(found, vec![format!("PMF0412 {line}")]);

    // Translators see the terms a text uses (the proposed one too), in both formats.
    let po = export(&spec, "po", &dir.join("cy.po"));
    assert!(
        po.contains("#. term: contact = cyswllt, contacts = cysylltiadau (agreed)"),
        "{po}"
    );
    assert!(
        po.contains("#. term: working day = diwrnod gwaith (proposed)"),
        "{po}"
    );
    msgfmt_check(&dir.join("cy.po"));
    let xlf = export(&spec, "xliff", &dir.join("cy.xlf"));
    assert!(
        xlf.contains(
            "<note category=\"term\">contact = cyswllt, contacts = cysylltiadau (agreed)</note>"
        ),
        "{xlf}"
    );
    pmf::translate::xliff::read(&xlf).expect("our reader reads it");
    let _ = std::fs::remove_dir_all(&dir);
}
