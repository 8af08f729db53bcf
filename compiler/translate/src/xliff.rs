//! XLIFF 2.0 files, written and read with quick-xml (every text escaped by the XML writer).
//!
//! One `<file>` whose `original` is the spec's fingerprint (`pmf-spec EDITION HASH`); one
//! `<unit>` per text, `name` its id (`AD/001#wording`: XLIFF ids are NMTOKENs, which cannot
//! hold `/` or `#`, so units are numbered and named), notes for the kind of text, why it needs
//! Welsh and where the English is, and one `<segment>`: `<source>` the English, `<target>` the
//! current Welsh when there is one. The segment's state is `initial` for Welsh that is only a
//! starting point (stale, hand-written, draft) and `translated` for Welsh not yet reviewed; an
//! import takes `final` as reviewed.

use crate::{Entry, Need, Problem, Translated, Unit};
use pmf_check::model::WelshState;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
const ORIGINAL_PREFIX: &str = "pmf-spec ";

/// The XLIFF 2.0 file of the texts that need Welsh.
pub fn write(entries: &[Entry], fingerprint: &str) -> Result<String, String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let e = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
    e(w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))))?;
    let xliff = BytesStart::new("xliff").with_attributes([
        ("xmlns", NS),
        ("version", "2.0"),
        ("srcLang", "en"),
        ("trgLang", "cy"),
    ]);
    e(w.write_event(Event::Start(xliff)))?;
    let original = format!("{ORIGINAL_PREFIX}{fingerprint}");
    let file = BytesStart::new("file").with_attributes([("id", "f1"), ("original", &original)]);
    e(w.write_event(Event::Start(file)))?;
    for (i, entry) in entries.iter().enumerate() {
        let id = format!("u{}", i + 1);
        let unit =
            BytesStart::new("unit").with_attributes([("id", id.as_str()), ("name", &entry.id)]);
        e(w.write_event(Event::Start(unit)))?;
        e(w.write_event(Event::Start(BytesStart::new("notes"))))?;
        let terms = entry.terms.iter().map(|t| ("term", t.clone())).chain(
            entry
                .previous
                .iter()
                .map(|p| ("previous-english", p.clone())),
        );
        for (category, text) in [
            ("kind", format!("{} of {}", entry.kind, entry.owner)),
            ("need", entry.need.describe().to_string()),
            ("location", entry.place.clone()),
        ]
        .into_iter()
        .chain(terms)
        {
            let note = BytesStart::new("note").with_attributes([("category", category)]);
            e(w.write_event(Event::Start(note)))?;
            e(w.write_event(Event::Text(BytesText::new(&text))))?;
            e(w.write_event(Event::End(BytesEnd::new("note"))))?;
        }
        e(w.write_event(Event::End(BytesEnd::new("notes"))))?;
        let state = match entry.need {
            Need::NotReviewed(WelshState::Translated) => "translated",
            _ => "initial",
        };
        let segment = BytesStart::new("segment").with_attributes([("state", state)]);
        e(w.write_event(Event::Start(segment)))?;
        // Spaces and line breaks inside a text are the text's own.
        let mut texts = vec![("source", entry.en.as_str())];
        if let Some(cy) = &entry.cy {
            texts.push(("target", cy));
        }
        for (tag, text) in texts {
            let start = BytesStart::new(tag).with_attributes([("xml:space", "preserve")]);
            e(w.write_event(Event::Start(start)))?;
            e(w.write_event(Event::Text(BytesText::new(text))))?;
            e(w.write_event(Event::End(BytesEnd::new(tag))))?;
        }
        e(w.write_event(Event::End(BytesEnd::new("segment"))))?;
        e(w.write_event(Event::End(BytesEnd::new("unit"))))?;
    }
    e(w.write_event(Event::End(BytesEnd::new("file"))))?;
    e(w.write_event(Event::End(BytesEnd::new("xliff"))))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// The line of a byte offset.
fn line_at(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[derive(Default)]
struct Current {
    name: Option<String>,
    line: usize,
    state: String,
    source: Option<String>,
    target: Option<String>,
}

/// Reads a translated XLIFF 2.0 file.
pub fn read(text: &str) -> Result<Translated, Vec<Problem>> {
    let mut reader = Reader::from_str(text);
    let mut out = Translated::default();
    let mut problems = Vec::new();
    let mut unit: Option<Current> = None;
    // The element whose text is being read (`source` or `target`) and the text so far.
    let mut reading: Option<(String, String)> = None;
    let mut segments = 0usize;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(err) => {
                let at = reader.error_position() as usize;
                problems.push(Problem::new(line_at(text, at), format!("not XML: {err}")));
                return Err(problems);
            }
        };
        let attr = |s: &BytesStart, key: &str| -> Option<String> {
            s.try_get_attribute(key)
                .ok()
                .flatten()
                .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
        };
        match event {
            Event::Start(s) | Event::Empty(s) => {
                let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
                match name.as_str() {
                    "file" => {
                        out.header_line = line_at(text, pos);
                        out.fingerprint = attr(&s, "original")
                            .and_then(|o| o.strip_prefix(ORIGINAL_PREFIX).map(str::to_string));
                    }
                    "unit" => {
                        segments = 0;
                        unit = Some(Current {
                            name: attr(&s, "name"),
                            line: line_at(text, pos),
                            ..Current::default()
                        });
                    }
                    "segment" => {
                        segments += 1;
                        if let Some(u) = unit.as_mut() {
                            u.state = attr(&s, "state").unwrap_or_else(|| "initial".into());
                        }
                    }
                    "source" | "target" if unit.is_some() => {
                        reading = Some((name, String::new()));
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, buf)) = reading.as_mut() {
                    match t.decode() {
                        Ok(s) => buf.push_str(&s),
                        Err(err) => {
                            problems.push(Problem::new(line_at(text, pos), err.to_string()))
                        }
                    }
                }
            }
            Event::CData(t) => {
                if let Some((_, buf)) = reading.as_mut() {
                    match t.decode() {
                        Ok(s) => buf.push_str(&s),
                        Err(err) => {
                            problems.push(Problem::new(line_at(text, pos), err.to_string()))
                        }
                    }
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, buf)) = reading.as_mut() {
                    let name = r.decode().map(|n| n.into_owned()).unwrap_or_default();
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        _ => {
                            quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                        }
                    };
                    match c {
                        Some(c) => buf.push_str(&c),
                        None => problems.push(Problem::new(
                            line_at(text, pos),
                            format!("unknown entity `&{name};`"),
                        )),
                    }
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match name.as_str() {
                    "source" | "target" => {
                        if let (Some((tag, buf)), Some(u)) = (reading.take(), unit.as_mut()) {
                            if tag == "source" {
                                u.source = Some(buf);
                            } else {
                                u.target = Some(buf);
                            }
                        }
                    }
                    "unit" => {
                        if let Some(u) = unit.take() {
                            let Some(id) = u.name else {
                                problems.push(Problem::new(
                                    u.line,
                                    "a unit without `name`: pmf cannot tell which text it translates",
                                ));
                                continue;
                            };
                            if segments != 1 {
                                problems.push(Problem::new(
                                    u.line,
                                    format!("{id}: a unit of pmf has one segment, not {segments}"),
                                ));
                                continue;
                            }
                            let done =
                                matches!(u.state.as_str(), "translated" | "reviewed" | "final");
                            out.units.push(Unit {
                                id,
                                en: u.source.unwrap_or_default(),
                                cy: u.target.unwrap_or_default(),
                                done,
                                final_state: u.state == "final",
                                line: u.line,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, en: &str, cy: Option<&str>, need: Need) -> Entry {
        Entry {
            id: id.into(),
            kind: "wording".into(),
            owner: "AD/001".into(),
            en: en.into(),
            cy: cy.map(str::to_string),
            need,
            place: "spec/a & b.pmf:3".into(),
            terms: vec!["contact = cyswllt <agreed> & \"more\"".into()],
            previous: None,
        }
    }

    #[test]
    fn every_text_is_escaped_and_reads_back_exactly() {
        let hostile = "<b>&amp; \"quoted\" 'x' ]]> </source><target>\n  two  spaces\ttab";
        let entries = vec![
            entry("AD/001#wording", hostile, Some(hostile), Need::Stale),
            entry("AD/002#wording", "plain", None, Need::Missing),
        ];
        let xml = write(&entries, "test 0123456789abcdef").expect("written");
        assert!(!xml.contains("<b>"), "{xml}");
        assert!(!xml.contains("</source><target>\n"), "{xml}");
        let back = read(&xml).expect("read back");
        assert_eq!(back.fingerprint.as_deref(), Some("test 0123456789abcdef"));
        assert_eq!(back.units.len(), 2);
        assert_eq!(back.units[0].id, "AD/001#wording");
        assert_eq!(back.units[0].en, hostile);
        assert_eq!(back.units[0].cy, hostile);
        assert!(!back.units[0].done, "a stale text's segment is initial");
        assert_eq!(back.units[1].cy, "");
        let line = xml
            .lines()
            .position(|l| l.contains("name=\"AD/002#wording\""))
            .expect("the second unit")
            + 1;
        assert_eq!(back.units[1].line, line, "{xml}");
    }

    #[test]
    fn a_broken_file_is_a_problem_with_its_line() {
        let problems = read("<xliff>\n<file>\n<unit name=\"x\">\n</file>").expect_err("broken");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4, "{problems:?}");
    }
}
