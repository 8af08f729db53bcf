//! gettext PO files, written and read with polib.
//!
//! Each text is one message: `msgctxt` its id (`AD/001#wording`), `msgid` the English as the
//! IR holds it, `msgstr` the current Welsh (empty when there is none), `#, fuzzy` when that
//! Welsh is stale, hand-written or not reviewed; `#.` says what kind of text it is, whose, and
//! why it needs Welsh; `#:` where the English is. The header's `Project-Id-Version` carries the
//! spec's fingerprint (`pmf-spec EDITION HASH`). No `#| msgid`: the previous English is not
//! known (a Welsh text records only its English's hash).

use crate::{Entry, Problem, Translated, Unit};
use polib::catalog::Catalog;
use polib::message::{Message, MessageFlags};
use polib::metadata::CatalogMetadata;

const PROJECT_PREFIX: &str = "pmf-spec ";

/// Welsh has six plural categories (gettext's rule for `cy`); no text of a spec is plural, but
/// the header names the language's rule so that tools treat the file as Welsh.
const WELSH_PLURALS: &str =
    "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;";

/// The PO file of the texts that need Welsh.
pub fn write(entries: &[Entry], fingerprint: &str) -> Result<String, String> {
    // gettext's own placeholders for the revision and translator: the file is made, not
    // revised, and its bytes must not depend on the day. (polib builds the plural rules only
    // from a header's text.)
    let header = format!(
        "Project-Id-Version: {PROJECT_PREFIX}{fingerprint}\n\
         PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n\
         Last-Translator: FULL NAME <EMAIL@ADDRESS>\n\
         Language-Team: Welsh <cy@li.org>\n\
         MIME-Version: 1.0\n\
         Content-Type: text/plain; charset=UTF-8\n\
         Content-Transfer-Encoding: 8bit\n\
         Language: cy\n\
         Plural-Forms: {WELSH_PLURALS}\n"
    );
    let meta = CatalogMetadata::parse(&header).map_err(|e| e.to_string())?;
    let mut catalog = Catalog::new(meta);
    catalog.preheader = vec![
        "Welsh versions of the texts of a pmf spec that need them (missing, stale or not".into(),
        "reviewed). Fill in msgstr; remove `fuzzy` when the Welsh is right; then".into(),
        "`pmf translate import FILE`. msgctxt is the text's id: do not change it.".into(),
    ];
    for e in entries {
        let mut flags = MessageFlags::new();
        if e.need.fuzzy() && e.cy.is_some() {
            flags.add_flag("fuzzy");
        }
        let mut note = format!("{} of {}: {}", e.kind, e.owner, e.need.describe());
        for t in &e.terms {
            note.push_str("\nterm: ");
            note.push_str(t);
        }
        let msg = Message::build_singular()
            .with_msgctxt(e.id.clone())
            .with_msgid(e.en.clone())
            .with_msgstr(e.cy.clone().unwrap_or_default())
            .with_extracted_comments(note)
            .with_source(e.place.clone())
            .with_flags(flags)
            .done();
        catalog.append_or_update(msg);
    }
    let mut out = std::io::BufWriter::new(Vec::new());
    polib::po_file::write(&catalog, &mut out).map_err(|e| e.to_string())?;
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(with_previous(&text, entries))
}

/// A PO string literal: `"` and `\` escaped, a line break as `\n`, a tab as `\t`.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The English a stale entry's Welsh was made for, as gettext writes a previous msgid
/// (`#| msgid`, one line of the text to a quoted string), before the entry's `msgctxt`. polib
/// neither writes nor reads these lines (its reader passes over them), so they are added to
/// its output here.
fn with_previous(po: &str, entries: &[Entry]) -> String {
    let previous: std::collections::BTreeMap<String, &str> = entries
        .iter()
        .filter_map(|e| Some((format!("msgctxt {}", quoted(&e.id)), e.previous.as_deref()?)))
        .collect();
    if previous.is_empty() {
        return po.to_string();
    }
    let mut out = String::with_capacity(po.len());
    for line in po.split_inclusive('\n') {
        if let Some(before) = previous.get(line.trim_end_matches('\n')) {
            let lines: Vec<&str> = before.split_inclusive('\n').collect();
            if lines.len() <= 1 {
                out.push_str(&format!(
                    "#| msgctxt {}\n#| msgid {}\n",
                    &line[8..line.trim_end().len()],
                    quoted(before)
                ));
            } else {
                out.push_str(&format!(
                    "#| msgctxt {}\n#| msgid \"\"\n",
                    &line[8..line.trim_end().len()]
                ));
                for l in lines {
                    out.push_str(&format!("#| {}\n", quoted(l)));
                }
            }
        }
        out.push_str(line);
    }
    out
}

/// Reads a translated PO file. A file polib cannot read is one problem (with the line of the
/// first malformed line when one is found).
pub fn read(text: &str) -> Result<Translated, Vec<Problem>> {
    // polib slices quoted lines without looking: a line `"` would panic. Such lines are found
    // first and reported with their line.
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let quoted = if line.starts_with("msg") {
            line.split_once(' ').map(|(_, rest)| rest)
        } else if line.starts_with('"') {
            Some(line)
        } else {
            None
        };
        if let Some(q) = quoted {
            if q.len() < 2 || !q.starts_with('"') || !q.ends_with('"') {
                problems.push(Problem::new(i + 1, "not a quoted PO string"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let catalog = match std::panic::catch_unwind(|| {
        polib::po_file::parse_from_reader(text.as_bytes()).map_err(|e| e.to_string())
    }) {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Err(vec![Problem::new(0, format!("not a PO file: {e}"))]),
        Err(_) => return Err(vec![Problem::new(0, "not a PO file")]),
    };
    let fingerprint = catalog
        .metadata
        .project_id_version
        .strip_prefix(PROJECT_PREFIX)
        .map(str::to_string);
    let header_line = line_of(text, |l| l.starts_with("\"Project-Id-Version:")).unwrap_or(1);
    let mut units = Vec::new();
    for m in catalog.messages() {
        let Some(id) = m.msgctxt() else {
            let line = line_of(text, |l| l == po_string_line("msgid", m.msgid())).unwrap_or(0);
            problems.push(Problem::new(
                line,
                "an entry without msgctxt: pmf cannot tell which text it translates",
            ));
            continue;
        };
        let line = line_of(text, |l| l == po_string_line("msgctxt", id)).unwrap_or(0);
        let Ok(cy) = m.msgstr() else {
            problems.push(Problem::new(
                line,
                format!("{id}: a plural entry; texts have no plural"),
            ));
            continue;
        };
        units.push(Unit {
            id: id.to_string(),
            en: m.msgid().to_string(),
            cy: cy.to_string(),
            done: !m.is_fuzzy(),
            final_state: false,
            line,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Translated {
        fingerprint,
        header_line,
        units,
    })
}

/// `msgctxt "AD/001#wording"` as polib writes a short field.
fn po_string_line(key: &str, value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("{key} \"{escaped}\"")
}

fn line_of(text: &str, pred: impl Fn(&str) -> bool) -> Option<usize> {
    text.lines().position(pred).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Need;

    #[test]
    fn texts_read_back_exactly_with_their_fuzzy_flag() {
        let en = "Line \"one\"\\\n\n- two\twith a tab";
        let entries = vec![Entry {
            id: "AD/001#rationale".into(),
            kind: "rationale".into(),
            owner: "AD/001".into(),
            en: en.into(),
            cy: Some("Llinell".into()),
            need: Need::Stale,
            place: "spec/a.pmf:3".into(),
            terms: vec!["line = llinell (agreed)".into()],
            previous: Some("Line \"zero\"\n- two".into()),
        }];
        let po = write(&entries, "test 0123456789abcdef").expect("written");
        // The English the stale Welsh was made for, as gettext's previous msgid, before the
        // entry's msgctxt; our reader passes over it.
        assert!(
            po.contains(
                "#| msgctxt \"AD/001#rationale\"\n#| msgid \"\"\n#| \"Line \\\"zero\\\"\\n\"\n#| \"- two\"\nmsgctxt \"AD/001#rationale\"\n"
            ),
            "{po}"
        );
        let back = read(&po).expect("read back");
        assert_eq!(back.fingerprint.as_deref(), Some("test 0123456789abcdef"));
        assert_eq!(back.units.len(), 1);
        assert_eq!(back.units[0].en, en);
        assert_eq!(back.units[0].cy, "Llinell");
        assert!(!back.units[0].done, "stale Welsh is fuzzy");
        let line = po
            .lines()
            .position(|l| l == "msgctxt \"AD/001#rationale\"")
            .expect("msgctxt")
            + 1;
        assert_eq!(back.units[0].line, line);
    }

    #[test]
    fn malformed_lines_are_problems_not_panics() {
        for text in [
            "msgid \"\nmsgstr \"\"\n",
            "\"\n",
            "msgctxt x\nmsgid \"a\"\nmsgstr \"b\"\n",
        ] {
            let problems = read(text).expect_err(text);
            assert!(problems.iter().all(|p| p.line >= 1), "{problems:?}");
        }
    }
}
