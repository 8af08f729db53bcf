//! The reports as PDF: each report written as Typst source, every text escaped
//! (pmf_docs::typeset::escape: no text can be Typst markup), then laid out in this process by
//! the typesetter the guidance uses (its shipped fonts; a tagged PDF/UA-1 document; no date, so
//! the same report gives the same bytes). The national comparison's charts are its SVGs, each
//! with its text alternative as the image's alternative text.

use crate::national::{IndicatorComparison, NationalComparison};
use crate::national_render as nat;
use crate::render::{cell_text, direction_text, heading};
use crate::report::DirectorReport;
use crate::strings::Strings;
use pmf_docs::typeset::{compile, escape, string};

/// The page, the type and the tables, as the guidance has them.
const PREAMBLE: &str = r##"#let brand = rgb("#00436b")
#let muted = luma(70)
#let rule-colour = luma(160)
#set text(font: ("Liberation Sans", "Libertinus Serif", "New Computer Modern"), size: 9.5pt, lang: LANG)
#set par(leading: 0.5em, spacing: 0.75em)
#set page(
  paper: "a4",
  flipped: FLIPPED,
  margin: (left: 16mm, right: 16mm, top: 16mm, bottom: 16mm),
  footer: context {
    set text(size: 8pt, fill: muted)
    grid(columns: (1fr, auto), FOOTER, counter(page).display("1 / 1", both: true))
  },
)
#show heading: set text(fill: brand)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)
#show heading: set block(above: 1.2em, below: 0.6em)
#set table(stroke: 0.5pt + rule-colour, inset: (x: 4pt, y: 3pt), fill: (_, y) => if y == 0 { brand })
#show table.cell.where(y: 0): set text(fill: white, weight: "bold")
#show figure: set block(breakable: false)
#set figure(numbering: none)
#show figure.caption: set text(size: 8pt)
#show figure.caption: set align(left)
"##;

fn preamble(title: &str, lang: &str, landscape: bool) -> String {
    let mut out = format!("#set document(title: {})\n", string(title));
    out.push_str(
        &PREAMBLE
            .replace("LANG", &string(lang))
            .replace("FLIPPED", if landscape { "true" } else { "false" })
            .replace("FOOTER", &format!("[{}]", escape(title))),
    );
    out
}

/// Content: `[...]` holding `text` escaped.
fn content(text: &str) -> String {
    format!("[{}]", escape(text))
}

/// A table with a header row repeated on each page; `right` holds the columns of figures.
fn table(columns: &str, head: &[String], rows: &[Vec<String>], right: &[usize]) -> String {
    let n = head.len();
    let align: Vec<&str> = (0..n)
        .map(|i| if right.contains(&i) { "right" } else { "left" })
        .collect();
    let mut out = format!(
        "#table(\n  columns: {columns},\n  align: ({},),\n  table.header(repeat: true, {}),\n",
        align.join(", "),
        head.iter()
            .map(|h| content(h))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| content(c)).collect();
        out.push_str(&format!("  {},\n", cells.join(", ")));
    }
    out.push_str(")\n\n");
    out
}

fn heading_line(level: usize, text: &str) -> String {
    format!("{} {}\n\n", "=".repeat(level), escape(text))
}

fn para(text: &str) -> String {
    format!("{}\n\n", escape(text))
}

fn bullets(items: &[String]) -> String {
    let mut out = String::new();
    for i in items {
        out.push_str(&format!("- {}\n", escape(i)));
    }
    out.push('\n');
    out
}

/// The director's report as Typst source.
pub fn director_source(r: &DirectorReport) -> String {
    let s = Strings::new(r.lang);
    let mut out = preamble(&r.title, &s.get("lang_code"), false);
    out.push_str(&heading_line(1, &r.title));
    out.push_str(&para(
        &s.fill("years_shown", &[("years", &r.years.join(", "))]),
    ));
    for n in &r.notes {
        out.push_str(&para(n));
    }
    for sec in &r.sections {
        out.push_str(&heading_line(
            2,
            &heading(&s, sec.number.as_deref(), &sec.standard),
        ));
        out.push_str(&para(&sec.title));
        for n in &sec.notes {
            out.push_str(&para(n));
        }
        if sec.rows.is_empty() {
            out.push_str(&para(&s.get("no_measures")));
            continue;
        }
        let mut head = vec![s.get("col_code"), s.get("col_measure"), s.get("col_unit")];
        head.extend(r.years.iter().cloned());
        head.push(s.get("col_direction"));
        let rows: Vec<Vec<String>> = sec
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![row.code.clone(), row.description.clone(), row.unit.clone()];
                cells.extend(row.cells.iter().map(cell_text));
                cells.push(direction_text(&s, row));
                cells
            })
            .collect();
        // The measure's wording takes most of the width, its unit (which can be a phrase,
        // "children on the child protection register") the rest; figures as wide as they are.
        let mut columns = vec!["auto", "2.4fr", "1fr"];
        columns.extend(r.years.iter().map(|_| "auto"));
        columns.push("auto");
        let right: Vec<usize> = (3..3 + r.years.len()).collect();
        out.push_str(&table(
            &format!("({})", columns.join(", ")),
            &head,
            &rows,
            &right,
        ));
        let notes = sec.notes();
        if !notes.is_empty() {
            out.push_str(&heading_line(3, &s.get("col_notes")));
            let items: Vec<String> = notes
                .iter()
                .map(|(code, n)| format!("{code}: {n}"))
                .collect();
            out.push_str(&bullets(&items));
        }
    }
    out.push_str(&key(&s, &r.flags));
    out.push_str(&para(&s.get("direction_note")));
    out
}

/// The key of the flags: each symbol and what it means.
fn key(s: &Strings, flags: &[crate::panel::Flag]) -> String {
    if flags.is_empty() {
        return String::new();
    }
    let mut out = heading_line(2, &s.get("key_title"));
    for f in flags {
        out.push_str(&format!(
            "/ {}: {}\n",
            escape(f.symbol()),
            escape(&s.get(f.key()))
        ));
    }
    out.push('\n');
    out
}

/// The director's report as a PDF.
pub fn director(r: &DirectorReport) -> Result<Vec<u8>, String> {
    compile(&director_source(r))
}

/// An SVG chart as a figure: the image with its text alternative, the method and the text
/// alternative printed under it (a reader of the printed page has no other way to it).
/// `height` bounds the chart on the landscape page (178 mm high inside its margins), so that
/// it and its caption share a page.
fn chart_figure(s: &Strings, svg: &str, alt: &str, method: &str, height: &str) -> String {
    format!(
        "#figure(\n  image(bytes({}), format: \"svg\", height: {height}, alt: {}),\n  caption: [{} #linebreak() {}: {}],\n)\n\n",
        string(svg),
        string(alt),
        escape(method),
        escape(&s.get("nat_text_alternative")),
        escape(alt)
    )
}

fn no_chart(s: &Strings, reason: &str) -> String {
    para(&s.fill("nat_no_chart", &[("reason", reason)]))
}

/// One indicator of the national comparison: what it is, the latest year's funnel plot and
/// table, then the trends.
fn indicator(s: &Strings, ind: &IndicatorComparison) -> String {
    let d = ind.decimals as usize;
    let mut out = String::from("#pagebreak(weak: true)\n");
    out.push_str(&heading_line(2, &format!("{}: {}", ind.code, ind.title)));
    for line in nat::about(s, ind) {
        out.push_str(&para(&line));
    }
    let Some(y) = ind.latest() else {
        return out;
    };
    out.push_str(&heading_line(3, &y.year));
    match nat::funnel(s, ind, y) {
        Some(Ok(c)) => out.push_str(&chart_figure(s, &c.svg, &c.alt_text, &c.method, "110mm")),
        Some(Err(e)) => out.push_str(&no_chart(s, &e.to_string())),
        None => out.push_str(&no_chart(s, &y.method)),
    }
    out.push_str(&para(&y.method));
    let rows: Vec<Vec<String>> = nat::year_figures(y).map(|f| nat::table_row(f, d)).collect();
    out.push_str(&table(
        "(1.4fr, auto, auto, auto, auto, auto, 1.6fr, auto)",
        &nat::table_head(s),
        &rows,
        &[2, 3, 4, 5],
    ));
    let noted: Vec<String> = nat::year_figures(y)
        .flat_map(|f| f.notes.iter().map(move |n| format!("{}: {n}", f.name)))
        .collect();
    if !noted.is_empty() {
        out.push_str(&heading_line(4, &s.get("col_notes")));
        out.push_str(&bullets(&noted));
    }
    if ind.years.len() > 1 {
        out.push_str(&heading_line(3, &s.get("nat_trend")));
        let charts = [
            nat::trend(s, ind).map(|c| (c.svg, c.alt_text, c.method, "75mm")),
            nat::multiples(s, ind).map(|c| (c.svg, c.alt_text, c.method, "125mm")),
        ];
        for chart in charts {
            match chart {
                Ok((svg, alt, method, height)) => {
                    out.push_str(&chart_figure(s, &svg, &alt, &method, height))
                }
                Err(e) => out.push_str(&no_chart(s, &e.to_string())),
            }
        }
    }
    out
}

/// The national comparison as Typst source (landscape: its tables are wide).
pub fn national_source(r: &NationalComparison) -> String {
    let s = Strings::new(r.lang);
    let mut out = preamble(&r.title, &s.get("lang_code"), true);
    out.push_str(&heading_line(1, &r.title));
    for p in nat::intro(&s, r) {
        out.push_str(&para(&p));
    }
    for ind in &r.indicators {
        out.push_str(&indicator(&s, ind));
    }
    out.push_str(&key(&s, &r.flags));
    out
}

/// The national comparison as a PDF.
pub fn national(r: &NationalComparison) -> Result<Vec<u8>, String> {
    compile(&national_source(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_escapes_every_cell_and_the_header() {
        let t = table(
            "(auto, 1fr)",
            &["#code".into(), "]".into()],
            &[vec!["$x$".into(), "a *b* <c> @d".into()]],
            &[1],
        );
        assert!(
            t.contains("table.header(repeat: true, [\\#code], [\\]])"),
            "{t}"
        );
        assert!(t.contains("[\\$x\\$], [a \\*b\\* \\<c\\> \\@d]"), "{t}");
        assert!(t.contains("align: (left, right,)"), "{t}");
    }
}
