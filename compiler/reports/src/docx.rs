//! The director's report as a Word document (the report is written in Word), made with the
//! docx-rs crate: headings in Word's heading styles, one table per quality standard whose first
//! row is its header, the notes and the key to the flags.

use crate::render::cell_text;
use crate::report::DirectorReport;
use crate::strings::Strings;
use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};

/// A text as Word may hold it: characters XML 1.0 forbids (control characters) become spaces.
/// docx-rs escapes `<`, `>`, `&` and quotes itself.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(clean(text)))
}

fn heading(text: &str, level: u8) -> Paragraph {
    para(text).style(&format!("Heading{level}"))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let run = Run::new().add_text(clean(text));
    let run = if bold { run.bold() } else { run };
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

pub fn docx(r: &DirectorReport) -> Result<Vec<u8>, String> {
    let s = Strings::new(r.lang);
    let mut doc = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .bold()
                .size(32),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .bold()
                .size(28),
        )
        .add_style(
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .bold()
                .size(24),
        )
        .add_paragraph(heading(&r.title, 1))
        .add_paragraph(para(
            &s.fill("years_shown", &[("years", &r.years.join(", "))]),
        ));
    for n in &r.notes {
        doc = doc.add_paragraph(para(n));
    }
    for sec in &r.sections {
        let h = match &sec.number {
            Some(n) => s.fill("standard_heading", &[("number", n)]),
            None => sec.standard.clone(),
        };
        doc = doc
            .add_paragraph(heading(&h, 2))
            .add_paragraph(para(&sec.title));
        for n in &sec.notes {
            doc = doc.add_paragraph(para(n));
        }
        if sec.rows.is_empty() {
            doc = doc.add_paragraph(para(&s.get("no_measures")));
            continue;
        }
        let mut head = vec![
            cell(&s.get("col_code"), true),
            cell(&s.get("col_measure"), true),
            cell(&s.get("col_unit"), true),
        ];
        head.extend(r.years.iter().map(|y| cell(y, true)));
        head.push(cell(&s.get("col_direction"), true));
        let mut rows = vec![TableRow::new(head)];
        for row in &sec.rows {
            let mut cells = vec![
                cell(&row.code, false),
                cell(&row.description, false),
                cell(&row.unit, false),
            ];
            cells.extend(row.cells.iter().map(|c| cell(&cell_text(c), false)));
            cells.push(cell(
                &row.direction.map(|d| s.get(d.key())).unwrap_or_default(),
                false,
            ));
            rows.push(TableRow::new(cells));
        }
        doc = doc.add_table(Table::new(rows));
        let notes = sec.notes();
        if !notes.is_empty() {
            doc = doc.add_paragraph(heading(&s.get("col_notes"), 3));
            for (code, n) in notes {
                doc = doc.add_paragraph(para(&format!("{code}: {n}")));
            }
        }
    }
    doc = doc.add_paragraph(heading(&s.get("key_title"), 2));
    for f in &r.flags {
        doc = doc.add_paragraph(para(&format!("{}: {}", f.symbol(), s.get(f.key()))));
    }
    doc = doc.add_paragraph(para(&s.get("direction_note")));
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| format!("the Word document could not be written: {e}"))?;
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::Flag;
    use crate::report::{Cell, Direction, Row, RowKind, Section};
    use pmf_ir::Lang;
    use std::io::Read;

    fn sample() -> DirectorReport {
        DirectorReport {
            authority: "W06000015".into(),
            authority_name: "Cardiff".into(),
            title: "Report <b>&amp;</b> \u{1}\"x\"".into(),
            years: vec!["2020-21".into(), "2021-22".into()],
            notes: Vec::new(),
            sections: vec![Section {
                standard: "qs1".into(),
                number: Some("1".into()),
                title: "People are equal partners".into(),
                notes: Vec::new(),
                rows: vec![Row {
                    code: "AD/001".into(),
                    kind: RowKind::Metric,
                    description: "Contacts <received>".into(),
                    unit: "contacts".into(),
                    cells: vec![
                        Cell {
                            figure: Some(2068.0),
                            shown: "2,068".into(),
                            flags: vec![Flag::PartYear],
                            notes: vec!["2020-21: to 2020-11-23".into()],
                        },
                        Cell {
                            figure: Some(3812.0),
                            shown: "3,812".into(),
                            flags: Vec::new(),
                            notes: Vec::new(),
                        },
                    ],
                    direction: Some(Direction::Increased),
                    notes: Vec::new(),
                }],
            }],
            flags: vec![Flag::PartYear],
            lang: Lang::En,
        }
    }

    /// The document opens as a zip, its word/document.xml holds the texts escaped, and the
    /// same report gives the same bytes.
    #[test]
    fn the_document_reads_back() {
        let bytes = docx(&sample()).expect("a document");
        assert_eq!(bytes, docx(&sample()).expect("a document"));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the document part")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        assert!(xml.contains("Report &lt;b&gt;&amp;amp;&lt;/b&gt;"), "{xml}");
        assert!(!xml.contains('\u{1}'));
        assert!(xml.contains("Contacts &lt;received&gt;"));
        assert!(xml.contains("2,068 y"));
        assert!(xml.contains("increased"));
        assert!(xml.contains("Quality standard 1"));
        assert!(xml.contains("<w:tbl>"));
    }
}
