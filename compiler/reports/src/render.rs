//! The director's report written out: Markdown, CSV and HTML (DOCX is in `docx`). Every text
//! is escaped for its format; the output depends on nothing but the report.

use crate::panel::Flag;
use crate::report::{Cell, DirectorReport, Row, RowKind};
use crate::strings::Strings;

/// A figure as printed with its flags: `2,068 p y`, or `x` alone.
pub fn cell_text(c: &Cell) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !c.shown.is_empty() {
        parts.push(&c.shown);
    }
    parts.extend(c.flags.iter().map(|f| f.symbol()));
    parts.join(" ")
}

fn kind_key(k: RowKind) -> &'static str {
    match k {
        RowKind::Metric => "kind_metric",
        RowKind::Indicator => "kind_indicator",
        RowKind::Local => "kind_local",
    }
}

pub(crate) fn direction_text(s: &Strings, r: &Row) -> String {
    r.direction.map(|d| s.get(d.key())).unwrap_or_default()
}

pub(crate) fn heading(s: &Strings, number: Option<&str>, standard: &str) -> String {
    match number {
        Some(n) => s.fill("standard_heading", &[("number", n)]),
        None => standard.to_string(),
    }
}

/// Markdown (CommonMark with GitHub tables): every character that could start markup is
/// backslash-escaped, line breaks become spaces.
/// A row of a Markdown table, every cell escaped: `| a | b |` and a newline.
pub(crate) fn md_row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| md_escape(c.as_ref())).collect();
    format!("| {} |\n", cells.join(" | "))
}

pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '$' | '~' | '!'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if i > 0
                    && chars[..i].iter().all(|d| d.is_ascii_digit())
                    && chars.get(i + 1).is_none_or(|d| d.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

pub fn markdown(r: &DirectorReport) -> String {
    let s = Strings::new(r.lang);
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md_escape(&r.title)));
    out.push_str(&format!(
        "{}\n\n",
        md_escape(&s.fill("years_shown", &[("years", &r.years.join(", "))]))
    ));
    for n in &r.notes {
        out.push_str(&format!("{}\n\n", md_escape(n)));
    }
    for sec in &r.sections {
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            md_escape(&heading(&s, sec.number.as_deref(), &sec.standard)),
            md_escape(&sec.title)
        ));
        for n in &sec.notes {
            out.push_str(&format!("{}\n\n", md_escape(n)));
        }
        if sec.rows.is_empty() {
            out.push_str(&format!("{}\n\n", md_escape(&s.get("no_measures"))));
            continue;
        }
        let mut head = vec![s.get("col_code"), s.get("col_measure"), s.get("col_unit")];
        head.extend(r.years.iter().cloned());
        head.push(s.get("col_direction"));
        out.push_str(&md_row(&head));
        let mut align = vec!["---", "---", "---"];
        align.extend(r.years.iter().map(|_| "---:"));
        align.push("---");
        out.push_str(&format!("|{}|\n", align.join("|")));
        for row in &sec.rows {
            let mut cells = vec![row.code.clone(), row.description.clone(), row.unit.clone()];
            cells.extend(row.cells.iter().map(cell_text));
            cells.push(direction_text(&s, row));
            out.push_str(&md_row(&cells));
        }
        out.push('\n');
        let notes = sec.notes();
        if !notes.is_empty() {
            out.push_str(&format!("{}:\n\n", md_escape(&s.get("col_notes"))));
            for (code, n) in notes {
                out.push_str(&format!("- {}: {}\n", md_escape(code), md_escape(n)));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("## {}\n\n", md_escape(&s.get("key_title"))));
    for f in &r.flags {
        out.push_str(&format!(
            "- {}: {}\n",
            md_escape(f.symbol()),
            md_escape(&s.get(f.key()))
        ));
    }
    out.push_str(&format!("\n{}\n", md_escape(&s.get("direction_note"))));
    out
}

/// A CSV field: a text a spreadsheet would take for a formula is prefixed with `'`.
fn defuse(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && pmf_return::values::parse_figure(text).is_none() {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

pub(crate) fn csv_field(text: &str) -> String {
    let t = defuse(text);
    if t.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

/// Tidy CSV: one line per measure and year, the flags as their symbols, the notes joined.
pub fn csv(r: &DirectorReport) -> String {
    let s = Strings::new(r.lang);
    let mut out = String::new();
    let header = [
        "authority",
        "standard",
        "standard_number",
        "code",
        "kind",
        "measure",
        "unit",
        "year",
        "figure",
        "flags",
        "change",
        "notes",
    ];
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for sec in &r.sections {
        for row in &sec.rows {
            for (y, c) in r.years.iter().zip(&row.cells) {
                let flags: Vec<&str> = c.flags.iter().map(|f| f.symbol()).collect();
                let last = Some(y) == r.years.last();
                let fields = [
                    r.authority.clone(),
                    sec.standard.clone(),
                    sec.number.clone().unwrap_or_default(),
                    row.code.clone(),
                    s.get(kind_key(row.kind)),
                    row.description.clone(),
                    row.unit.clone(),
                    y.clone(),
                    c.figure.map(pmf_return::values::show).unwrap_or_default(),
                    flags.join(" "),
                    if last {
                        direction_text(&s, row)
                    } else {
                        String::new()
                    },
                    row.notes
                        .iter()
                        .chain(c.notes.iter())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("; "),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                out.push_str(&line.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// HTML: every text escaped, table headers with `scope`, the language on the root.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

pub fn html(r: &DirectorReport) -> String {
    let s = Strings::new(r.lang);
    let e = html_escape;
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\nbody {{ font-family: Arial, sans-serif; max-width: 72rem; margin: 1rem auto; padding: 0 1rem; color: #0b0c0c; }}\ntable {{ border-collapse: collapse; width: 100%; margin: 0 0 1rem; }}\nth, td {{ border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}\ntd.figure {{ text-align: right; white-space: nowrap; }}\ncaption {{ text-align: left; font-weight: bold; padding: 0.3rem 0; }}\n.scroll {{ overflow-x: auto; margin: 0 0 1rem; }}\n.scroll > table {{ margin: 0; }}\n</style>\n</head>\n<body>\n<main>\n",
        e(&s.get("lang_code")),
        e(&r.title)
    ));
    out.push_str(&format!("<h1>{}</h1>\n", e(&r.title)));
    out.push_str(&format!(
        "<p>{}</p>\n",
        e(&s.fill("years_shown", &[("years", &r.years.join(", "))]))
    ));
    for n in &r.notes {
        out.push_str(&format!("<p>{}</p>\n", e(n)));
    }
    for sec in &r.sections {
        let h = heading(&s, sec.number.as_deref(), &sec.standard);
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n",
            e(&h),
            e(&sec.title)
        ));
        for n in &sec.notes {
            out.push_str(&format!("<p>{}</p>\n", e(n)));
        }
        if sec.rows.is_empty() {
            out.push_str(&format!(
                "<p>{}</p>\n</section>\n",
                e(&s.get("no_measures"))
            ));
            continue;
        }
        // On a phone the table scrolls sideways in its own box (which the keyboard can reach),
        // not the whole page with the years off screen.
        out.push_str(&format!(
            "<div class=\"scroll\" tabindex=\"0\">\n<table>\n<caption>{}</caption>\n<thead>\n<tr>",
            e(&h)
        ));
        for head in [s.get("col_code"), s.get("col_measure"), s.get("col_unit")]
            .iter()
            .chain(r.years.iter())
            .chain(std::iter::once(&s.get("col_direction")))
        {
            out.push_str(&format!("<th scope=\"col\">{}</th>", e(head)));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &sec.rows {
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>",
                e(&row.code),
                e(&row.description),
                e(&row.unit)
            ));
            for c in &row.cells {
                out.push_str(&format!("<td class=\"figure\">{}</td>", e(&cell_text(c))));
            }
            out.push_str(&format!("<td>{}</td></tr>\n", e(&direction_text(&s, row))));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        let notes = sec.notes();
        if !notes.is_empty() {
            out.push_str(&format!("<h3>{}</h3>\n<ul>\n", e(&s.get("col_notes"))));
            for (code, n) in notes {
                out.push_str(&format!("<li>{}: {}</li>\n", e(code), e(n)));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str(&format!("<h2>{}</h2>\n<dl>\n", e(&s.get("key_title"))));
    for f in &r.flags {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            e(f.symbol()),
            e(&s.get(f.key()))
        ));
    }
    out.push_str(&format!(
        "</dl>\n<p>{}</p>\n</main>\n</body>\n</html>\n",
        e(&s.get("direction_note"))
    ));
    out
}

/// The flags of the key, with their meaning, in order.
pub fn key(r: &DirectorReport) -> Vec<(Flag, String)> {
    let s = Strings::new(r.lang);
    r.flags.iter().map(|f| (*f, s.get(f.key()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_for_each_format() {
        assert_eq!(md_escape("a|b *c* <d>"), "a\\|b \\*c\\* \\<d\\>");
        assert_eq!(md_escape("-x"), "\\-x");
        assert_eq!(md_escape("1. x"), "1\\. x");
        assert_eq!(
            html_escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-5"), "-5");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
