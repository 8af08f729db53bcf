//! Any bytes as a workbook: taken as they are (when the first byte is 0), or, so that the
//! fuzzer reaches the XML inside, as the parts of a workbook put into a zip archive here: a
//! sheet, the shared string table and the defined names, separated by `\xff\xff`. Nothing may
//! panic or take more than the bounds allow (libFuzzer's -rss_limit_mb), and the report is safe
//! on a terminal.

#![no_main]

mod common;

use common::pmf;

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fn workbook(data: &[u8]) -> Vec<u8> {
    let mut parts = data.to_vec();
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    while let Some(i) = parts.windows(2).position(|w| w == b"\xff\xff") {
        pieces.push(parts[..i].to_vec());
        parts.drain(..i + 2);
        if pieces.len() == 2 {
            break;
        }
    }
    pieces.push(parts);
    let sheet = pieces.first().cloned().unwrap_or_default();
    let strings = pieces.get(1).cloned();
    let names = pieces.get(2).cloned().unwrap_or_default();
    let mut workbook = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cover" sheetId="1" r:id="rId1"/><sheet name="Adults" sheetId="2" r:id="rId2"/></sheets><definedNames>"#.to_vec();
    workbook.extend_from_slice(&names);
    workbook.extend_from_slice(b"</definedNames></workbook>");
    let cover = br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Local authority</t></is></c><c r="B1" t="inlineStr"><is><t>W06000015</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Period (financial year)</t></is></c><c r="B2" t="inlineStr"><is><t>2020-21</t></is></c></row></sheetData></worksheet>"#;
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_vec()),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#.to_vec()),
        ("xl/workbook.xml", workbook),
        ("xl/worksheets/sheet1.xml", cover.to_vec()),
        ("xl/worksheets/sheet2.xml", sheet),
    ];
    if let Some(s) = strings {
        files.push(("xl/sharedStrings.xml", s));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        zip.start_file(name, stored).expect("an entry");
        zip.write_all(&bytes).expect("its bytes");
    }
    zip.finish().expect("the archive").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((0, rest)) => rest.to_vec(),
        _ => workbook(data),
    };
    let report = pmf::validate::validate(
        common::shipped(),
        vec![("return.xlsx".to_string(), Ok(bytes))],
        pmf::validate::Options::default(),
    );
    common::check_report(&report);
});
