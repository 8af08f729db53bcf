//! Hostile inputs against the `pmf` binary: tests/hostile/<case>/ holds a command line (`args`,
//! one argument a line; `{spec}` is the shipped spec folder, `{root}` the repository) and the
//! files it reads, and `expected` the exit code, standard output, standard error and the files
//! the run left behind. Workbooks that would be large or binary are built here, by name (see
//! `workbook`), not committed. UPDATE_EXPECT=1 rewrites `expected`; PMF_HOSTILE_KEEP=FOLDER keeps
//! every case's inputs there, to run by hand.
//!
//! Every case is also held to what holds for any input: the process ends by itself (no panic,
//! no abort, no signal) within its memory limit (`ulimit -v`, 3 GB of address space), what it
//! prints has no control character but line breaks, and its output is bounded by its input
//! (`MAX_OUTPUT_PER_BYTE` times the bytes given, plus `MAX_OUTPUT_BASE`). Long outputs are kept
//! in `expected` to their first `KEPT_LINES` lines, and the count of the others.

use crate::common::{expect_file, root};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Output allowed per byte of input, and in any case. The most per byte is the JSON report of
/// returns of one row each (about 30 bytes), which lists `pmf::validate::LISTED_BASE` + 2
/// findings of the ~540 each is missing.
const MAX_OUTPUT_PER_BYTE: usize = 300;
const MAX_OUTPUT_BASE: usize = 16 * 1024;
const MIGRATE_OUTPUT_PER_RETURN: usize = 64 * 1024;
/// Lines of each output kept in `expected`; the rest are counted.
const KEPT_LINES: usize = 120;
/// The address space a hostile case may use, in KB.
const MEMORY_KB: u64 = 3 * 1024 * 1024;

/// A minimal workbook: a Cover sheet naming Cardiff and 2020-21, and one sheet of the given
/// XML, with an optional shared string table and extra defined names.
pub fn minimal_workbook(sheet: &str, strings: Option<&str>) -> Vec<u8> {
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cover" sheetId="1" r:id="rId1"/><sheet name="Adults" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Authority">Cover!$B$1</definedName><definedName name="Period">Cover!$B$2</definedName></definedNames></workbook>"#;
    let cover = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Local authority</t></is></c><c r="B1" t="inlineStr"><is><t>W06000015</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Period (financial year)</t></is></c><c r="B2" t="inlineStr"><is><t>2020-21</t></is></c></row></sheetData></worksheet>"#;
    let mut files: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", workbook.into()),
        ("xl/worksheets/sheet1.xml", cover.into()),
        ("xl/worksheets/sheet2.xml", sheet.into()),
    ];
    if let Some(s) = strings {
        files.push(("xl/sharedStrings.xml", s.into()));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        zip.write_all(text.as_bytes()).expect("its text");
    }
    zip.finish().expect("the archive").into_inner()
}

fn sheet(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A table of a few values, as the template has, for the hostile sheets to add to.
fn table() -> String {
    format!(
        r#"<row r="1">{}{}</row><row r="2">{}<c r="C2"><v>12</v></c></row>"#,
        inline("A1", "Code"),
        inline("C1", "Value"),
        inline("A2", "AD/001")
    )
}

/// An OLE compound file naming the given streams (enough for a reader to know what it is).
fn ole(streams: &[&str]) -> Vec<u8> {
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.resize(512, 0);
    for s in streams {
        b.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        b.resize(b.len().next_multiple_of(128), 0);
    }
    b
}

/// The hostile workbooks, by file name.
pub fn workbook(name: &str) -> Option<Vec<u8>> {
    let sst = |unique: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{unique}"><si><t>Code</t></si></sst>"#
        )
    };
    Some(match name {
        // The corners of a sheet: a reader of rectangles allocates 2^34 cells.
        "far-cells.xlsx" => minimal_workbook(
            &sheet(&format!(
                r#"{}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
                table()
            )),
            None,
        ),
        // 100 columns by a million rows: 3.2 GB as a rectangle.
        "tall-sheet.xlsx" => minimal_workbook(
            &sheet(&format!(
                r#"{}<row r="1048576"><c r="CV1048576"><v>1</v></c></row>"#,
                table()
            )),
            None,
        ),
        // A shared string table claiming 2^64 - 1 entries (calamine reserved them).
        "unique-count-max.xlsx" => {
            minimal_workbook(&sheet(&table()), Some(&sst("18446744073709551615")))
        }
        // ... or four billion: 96 GB reserved.
        "unique-count-4g.xlsx" => minimal_workbook(&sheet(&table()), Some(&sst("4000000000"))),
        // A shared formula's index of four billion (calamine sized a list by it).
        "shared-formula-index.xlsx" => minimal_workbook(
            &sheet(&format!(
                r#"{}<row r="3">{}<c r="C3"><f t="shared" si="4000000000" ref="C3:C4">C2+1</f><v>13</v></c></row>"#,
                table(),
                inline("A3", "AD/002a")
            )),
            None,
        ),
        // A shared formula whose range runs backwards (C6:C4): the XLSX library subtracted its
        // ends unchecked (found by the xlsx fuzz target, 2026-12-06).
        "backwards-range.xlsx" => minimal_workbook(
            &sheet(&format!(
                r#"{}<row r="6">{}<c r="C6"><f t="shared" si="0" ref="C6:C4">C2+1</f><v>13</v></c></row><row r="7"><c r="C7"><f t="shared" si="0"/><v>14</v></c></row>"#,
                table(),
                inline("A6", "AD/002a")
            )),
            None,
        ),
        // One long text, shown in a million cells: one copy, not a million.
        "one-text-everywhere.xlsx" => {
            let text = "x".repeat(1024 * 1024);
            let mut rows = table();
            for r in 3..200_000 {
                rows.push_str(&format!(
                    r#"<row r="{r}"><c r="B{r}" t="s"><v>1</v></c></row>"#
                ));
            }
            minimal_workbook(
                &sheet(&rows),
                Some(&format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="2"><si><t>Code</t></si><si><t>{text}</t></si></sst>"#
                )),
            )
        }
        // More filled cells than any return has.
        "many-cells.xlsx" => {
            let mut rows = table();
            for r in 3..=100_002u32 {
                rows.push_str(&format!(r#"<row r="{r}">"#));
                for c in ["D", "E", "F", "G", "H", "I", "J", "K", "L", "M"] {
                    rows.push_str(&format!(r#"<c r="{c}{r}"><v>1</v></c>"#));
                }
                rows.push_str("</row>");
            }
            minimal_workbook(&sheet(&rows), None)
        }
        // A shared string table of 17 MB.
        "big-strings.xlsx" => {
            let mut s = String::from(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
            );
            while s.len() < 17 * 1024 * 1024 {
                s.push_str("<si/>");
            }
            s.push_str("</sst>");
            minimal_workbook(&sheet(&table()), Some(&s))
        }
        "encrypted.xlsx" => ole(&["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
        "xls-renamed.xlsx" => ole(&["Root Entry", "Workbook", "SummaryInformation"]),
        _ => return None,
    })
}

/// Text made stable across machines (the case's temporary folder and the repository are
/// named `$DIR` and `$ROOT`), cut to `KEPT_LINES` lines and the count of the rest.
fn normalize(s: &str, dir: &Path) -> String {
    let s = s
        .replace(&dir.display().to_string(), "$DIR")
        .replace(&root().display().to_string(), "$ROOT");
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() <= KEPT_LINES {
        return s;
    }
    let rest = &lines[KEPT_LINES..];
    format!(
        "{}\n[... {} more lines, {} bytes]\n",
        lines[..KEPT_LINES].join("\n"),
        rest.len(),
        rest.iter().map(|l| l.len() + 1).sum::<usize>()
    )
}

fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .map(|r| r.display().to_string())
                        .unwrap_or_default(),
                );
            }
        }
    }
    out.sort();
    out
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/hostile"))
        .expect("tests/hostile")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("args").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Runs one case; returns what to compare with `expected`, or a broken invariant.
fn run_case(case: &Path) -> Result<String, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = tmp.path();
    let mut before = Vec::new();
    for e in std::fs::read_dir(case)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name != "args" && name != "expected" {
            std::fs::copy(e.path(), dir.join(&name)).map_err(|e| e.to_string())?;
            before.push(name);
        }
    }
    let args_text = std::fs::read_to_string(case.join("args")).map_err(|e| e.to_string())?;
    let mut args = Vec::new();
    let mut input_bytes = 0usize;
    for a in args_text.lines().filter(|l| !l.is_empty()) {
        let a = a
            .replace("{spec}", &root().join("spec").display().to_string())
            .replace("{root}", &root().display().to_string());
        if let Some(bytes) = workbook(&a) {
            if !dir.join(&a).exists() {
                std::fs::write(dir.join(&a), &bytes).map_err(|e| e.to_string())?;
                before.push(a.clone());
            }
        }
        let p = dir.join(&a);
        if p.is_file() {
            input_bytes += std::fs::metadata(&p).map(|m| m.len() as usize).unwrap_or(0);
        }
        args.push(a);
    }
    // GNU time, when there, writes the peak resident memory beside the inputs (printed below
    // with --nocapture); the limit of address space holds either way.
    let time = Path::new("/usr/bin/time").exists();
    let exec = if time {
        "exec /usr/bin/time -f %M -o .peak-rss \"$0\" \"$@\""
    } else {
        "exec \"$0\" \"$@\""
    };
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB}; {exec}"))
        .arg(env!("CARGO_BIN_EXE_pmf"))
        .args(&args)
        .current_dir(dir)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    if !matches!(code, Some(0..=2)) {
        return Err(format!(
            "pmf ended with {:?} (a panic is 101, an abort or a signal none):\n{stderr}",
            out.status
        ));
    }
    for (what, text) in [("standard output", &stdout), ("standard error", &stderr)] {
        if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
            return Err(format!("the {what} holds the control character {c:?}"));
        }
    }
    let printed = out.stdout.len() + out.stderr.len();
    // `pmf migrate` reports every code of the new edition for each return it carries (and it
    // carries at most `pmf::migrate::MAX_RETURNS` a run): its output is bounded per return.
    let migrated = stdout.lines().filter(|l| l.contains("): from ")).count();
    let allowed =
        MAX_OUTPUT_BASE + MAX_OUTPUT_PER_BYTE * input_bytes + MIGRATE_OUTPUT_PER_RETURN * migrated;
    if printed > allowed {
        return Err(format!(
            "pmf printed {printed} bytes for {input_bytes} bytes of input (at most {allowed})"
        ));
    }
    if let Ok(kb) = std::fs::read_to_string(dir.join(".peak-rss")) {
        let _ = std::fs::remove_file(dir.join(".peak-rss"));
        eprintln!(
            "{}: peak resident memory {} KB, {input_bytes} bytes in, {printed} bytes out",
            case.file_name().unwrap_or_default().to_string_lossy(),
            kb.lines().last().unwrap_or_default().trim()
        );
    }
    let mut files: Vec<String> = listing(dir)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    // PMF_HOSTILE_KEEP=FOLDER keeps each case's inputs (the workbooks built here too), to run
    // them by hand.
    if let Some(keep) = std::env::var_os("PMF_HOSTILE_KEEP") {
        let to = Path::new(&keep).join(case.file_name().unwrap_or_default());
        let _ = std::fs::create_dir_all(&to);
        for f in &before {
            let _ = std::fs::copy(dir.join(f), to.join(f));
        }
        let _ = std::fs::write(to.join("args"), args.join("\n") + "\n");
    }
    files.sort();
    Ok(format!(
        "exit code {}\n--- stdout\n{}--- stderr\n{}--- files written\n{}",
        code.unwrap_or(-1),
        normalize(&stdout, dir),
        normalize(&stderr, dir),
        files.iter().map(|f| format!("{f}\n")).collect::<String>()
    ))
}

#[test]
fn hostile_inputs_give_the_expected_outcome() {
    let mut errors = Vec::new();
    let cases = case_dirs();
    assert!(cases.len() >= 10, "the hostile cases are in tests/hostile");
    for case in cases {
        let name = case.file_name().map(|n| n.to_string_lossy().into_owned());
        match run_case(&case) {
            Ok(got) => {
                if let Err(e) = expect_file(&case.join("expected"), &got) {
                    errors.push(e);
                }
            }
            Err(e) => errors.push(format!("{}: {e}", name.unwrap_or_default())),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}
