//! The XLSX submission template, written with rust_xlsxwriter.
//!
//! Sheets: Cover (authority from the list of 22, period, contact, the state of the return and
//! how to fill it in); one sheet per part (a row per data item: code, wording indented under
//! its parent, value with data validation and the definition as input message, status if no
//! value, comment, and a Check cell); Checks (every rule of the IR as formulas: the two sides,
//! the difference, FAILS / ok / not checked, excepted); Indicators (populations to type, and
//! every indicator as a formula); Exceptions (rule id and explanation); a hidden Lists sheet.
//!
//! The formulas follow the definition in `validate::values` step by step: hidden helper columns
//! on each part sheet say whether a value is blank, usable (a valid figure) and whether its
//! status is recognised, and every check reads them. Each formula also carries the result pmf
//! computes for the fill, so a spreadsheet that does not recalculate on opening still shows the
//! truth. Cells are locked, inputs unlocked, sheets protected without a password; print set up.

use super::{Fill, Filled};
use crate::strings::Strings;
use pmf_ir::authorities::AUTHORITIES;
use pmf_ir::ValueType;
use pmf_ir::{Formula as F, Ir, Lang, Op, Rule, RuleKind};
use pmf_return::submission::{quote_sheet, Raw};
use pmf_return::values::{self, show, MAX_VALUE};
use pmf_return::workbook::{
    part_sheet_name, H_CODE, H_COMMENT, H_EXPLANATION, H_RULE, H_STATUS, H_VALUE, L_AUTHORITY,
    L_PERIOD, N_AUTHORITY, N_CONTACT, N_PERIOD,
};
use pmf_return::{Engine, FindingKind};
use pmf_words::checks::{self, Bit, Medium, Parts, Shape, Slot};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, DataValidationRule,
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatUnderline, Formula,
    Note, ProtectionOptions, Url, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, BTreeSet};

/// Columns of a part sheet (0-based).
const C_CODE: u16 = 0;
const C_ITEM: u16 = 1;
const C_VALUE: u16 = 2;
const C_UNIT: u16 = 3;
const C_STATUS: u16 = 4;
const C_COMMENT: u16 = 5;
const C_CHECK: u16 = 6;
/// Hidden helpers, well to the right so that the Check sentence can run on over the empty cells
/// beside it: 1 when the value is a usable figure, 1 when it is blank, 1 when the status is
/// recognised, 1 when a rule other than `required` fails for the value (the red value cell).
const C_USABLE: u16 = 26;
const C_BLANK: u16 = 27;
const C_STATUS_OK: u16 = 28;
const C_FAULT: u16 = 29;
/// Widths of a part sheet's columns (characters): Code, Item, Value, Unit, Status, Comment and
/// Check side by side on a 1366-pixel screen, the Check sentence running on to the right.
const PART_WIDTHS: [(u16, f64); 7] = [
    (C_CODE, 8.5),
    (C_ITEM, 40.0),
    (C_VALUE, 11.0),
    (C_UNIT, 9.0),
    (C_STATUS, 12.0),
    (C_COMMENT, 14.0),
    (C_CHECK, 60.0),
];
/// Characters of running Arial 10 text that fit in a column of `w` width units (digits):
/// cautious, so that Excel's narrower rendering does not clip what LibreOffice fits.
fn chars_in(w: f64) -> usize {
    (w * 1.15) as usize
}
/// The Checks sheet's hidden column holding each rule's sentence when it fails.
const K_SENTENCE: u16 = 10;
/// The longest definition put in an Item cell's note; the guidance link has the rest.
const NOTE_MAX: usize = 900;
/// The header row of every table (0-based), and the first row of data.
const HEADER_ROW: u32 = 4;
const FIRST_ROW: u32 = 5;
/// Rows offered for exceptions.
const EXCEPTION_ROWS: u32 = 100;

const INPUT_FILL: u32 = 0xFFF4CC;
const HEADER_FILL: u32 = 0xDCE6F1;
const GROUP_FILL: u32 = 0xEDEDED;
const FAIL_FILL: u32 = 0xFFC7CE;
const FAIL_FONT: u32 = 0x9C0006;
const NOTE_FONT: u32 = 0x595959;
const LINK_FONT: u32 = 0x0563C1;

/// The workbook's words in its language, and the words its formulas show and compare.
struct Words {
    t: Strings,
    lang: Lang,
    /// Sheet names.
    checks: String,
    indicators: String,
    exceptions: String,
    cover: String,
    lists: String,
    /// What the Checks sheet's Result and Exception columns show.
    fails: String,
    ok: String,
    not_checked: String,
    excepted: String,
    /// A rule's severity as the Severity column shows it.
    error: String,
    warning: String,
    query: String,
    /// What an indicator shows when it cannot be computed.
    undefined: String,
    missing: String,
}

impl Words {
    fn new(lang: Lang) -> Words {
        let t = Strings::new(lang);
        let g = |k: &str| t.get(k);
        Words {
            checks: g("sheet_checks"),
            indicators: g("sheet_indicators"),
            exceptions: g("sheet_exceptions"),
            cover: g("sheet_cover"),
            lists: g("sheet_lists"),
            fails: g("tok_fails"),
            ok: g("tok_ok"),
            not_checked: g("tok_not_checked"),
            excepted: g("tok_excepted"),
            error: g("tok_error"),
            warning: g("tok_warning"),
            query: g("tok_query"),
            undefined: g("tok_undefined"),
            missing: g("tok_missing"),
            lang,
            t,
        }
    }

    /// A word as a formula's string literal.
    fn q(word: &str) -> String {
        format!("\"{}\"", word.replace('"', "\"\""))
    }
}

/// Where a value sits.
#[derive(Clone)]
struct Place {
    sheet: String,
    row: u32,
}

impl Place {
    fn cell(&self, col: u16) -> String {
        format!(
            "{}!${}${}",
            quote_sheet(&self.sheet),
            col_name(col),
            self.row + 1
        )
    }
}

fn col_name(col: u16) -> String {
    pmf_return::workbook::a1(0, col as u32)
        .trim_end_matches('1')
        .to_string()
}

/// The formats of the workbook, made once.
struct Formats {
    title: Format,
    subtitle: Format,
    note: Format,
    header: Format,
    group: Format,
    code: Format,
    link: Format,
    lead_in: Format,
    wording: Vec<Format>,
    unit: Format,
    whole: Format,
    decimal: Format,
    input_text: Format,
    input_wrap: Format,
    check: Format,
    check_wrap: Format,
    helper: Format,
    label: Format,
    cell: Format,
    cell_wrap: Format,
    number: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Arial")
            .set_font_size(10)
            .set_align(FormatAlign::Top);
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        let input = border(
            base.clone()
                .set_background_color(Color::RGB(INPUT_FILL))
                .set_unlocked(),
        );
        Formats {
            title: base.clone().set_bold().set_font_size(14),
            subtitle: base
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(NOTE_FONT)),
            note: base
                .clone()
                .set_text_wrap()
                .set_font_color(Color::RGB(NOTE_FONT)),
            header: border(
                base.clone()
                    .set_bold()
                    .set_text_wrap()
                    .set_background_color(Color::RGB(HEADER_FILL)),
            ),
            group: base
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(GROUP_FILL)),
            code: border(base.clone()),
            link: border(
                base.clone()
                    .set_font_color(Color::RGB(LINK_FONT))
                    .set_underline(FormatUnderline::Single),
            ),
            lead_in: border(
                base.clone()
                    .set_italic()
                    .set_text_wrap()
                    .set_align(FormatAlign::Left)
                    .set_font_color(Color::RGB(NOTE_FONT)),
            ),
            // A metric's own value, and an item of its breakdown indented under it.
            wording: (0..2)
                .map(|d| {
                    border(
                        base.clone()
                            .set_text_wrap()
                            .set_align(FormatAlign::Left)
                            .set_indent(2 * d),
                    )
                })
                .collect(),
            unit: border(base.clone().set_font_color(Color::RGB(NOTE_FONT))),
            whole: input.clone().set_num_format("#,##0"),
            decimal: input.clone().set_num_format("#,##0.00"),
            input_text: input.clone(),
            input_wrap: input.set_text_wrap(),
            check: border(base.clone().set_font_color(Color::RGB(FAIL_FONT))),
            check_wrap: border(
                base.clone()
                    .set_text_wrap()
                    .set_font_color(Color::RGB(FAIL_FONT)),
            ),
            helper: base.clone().set_font_color(Color::RGB(NOTE_FONT)),
            label: base.clone().set_bold(),
            cell: border(base.clone()),
            cell_wrap: border(base.clone().set_text_wrap()),
            number: border(base.clone()),
            bold: base.set_bold(),
        }
    }
}

/// What the fill makes of each value, as the helper columns compute it.
struct State {
    usable: bool,
    blank: bool,
    status_ok: bool,
    value: Option<f64>,
}

pub fn template(ir: &Ir, fill: &Fill) -> Result<Vec<u8>, XlsxError> {
    build(ir, fill, false, &Links::default())
}

/// The workbook with its codes linked to the guidance at `links`.
pub fn template_linked(ir: &Ir, fill: &Fill, links: &Links) -> Result<Vec<u8>, XlsxError> {
    build(ir, fill, false, links)
}

/// Where the workbook's codes link to: the HTML guidance, whose page for a part holds an
/// anchor per code (`adults.html#AD-031`, as pmf-docs names them).
#[derive(Clone, Debug)]
pub struct Links {
    /// The guidance's folder, ending in `/`: a web address, or a path relative to the folder
    /// the workbook is in.
    pub guidance: String,
}

impl Default for Links {
    /// `pmf build`'s layout: the template in `templates/`, the site in `guidance/html/`, side
    /// by side, so that both can be published as one folder.
    fn default() -> Links {
        Links {
            guidance: "../guidance/html/".into(),
        }
    }
}

impl Links {
    /// The address of a code's definition.
    pub fn href(&self, ir: &Ir, code: &str) -> String {
        format!(
            "{}{}.html#{}",
            self.guidance,
            guidance_page(ir, code),
            code.replace('/', "-")
        )
    }

    /// The code as a link to its definition.
    fn url(&self, ir: &Ir, code: &str, w: &Words) -> Result<Url, XlsxError> {
        let href = self.href(ir, code);
        let link = match href.contains("://") {
            true => href,
            false => format!("file:///{href}"),
        };
        Ok(Url::new(link)
            .set_text(code)
            .set_tip(clip(&w.t.fill("link_tip", &[("code", code)]), 255)))
    }
}

/// The guidance page a code is defined on: the page of its part's top part, named as pmf-docs
/// names it (the part id, lower case, other characters as `-`). A test holds this to the
/// generated site.
pub fn guidance_page(ir: &Ir, code: &str) -> String {
    let part = ir
        .data_item(code)
        .and_then(|d| d.part.clone())
        .or_else(|| {
            ir.metrics
                .iter()
                .find(|m| m.code == code)
                .and_then(|m| m.part.clone())
        })
        .unwrap_or_default();
    let mut top = part.as_str();
    let mut seen = 0;
    while let Some(up) = ir.part(top).and_then(|p| p.within.as_deref()) {
        top = up;
        seen += 1;
        if seen > ir.parts.len() {
            break;
        }
    }
    top.chars()
        .map(
            |c| match c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                true => c.to_ascii_lowercase(),
                false => '-',
            },
        )
        .collect()
}

/// The definition of a value for its Item cell's note: what it includes and excludes, how it
/// is counted, its timescales and their notes, the notes of the metric and the item, then where
/// the guidance has the rest. None when the guidance says nothing beyond the wording.
fn definition_note(ir: &Ir, d: &pmf_ir::DataItem, href: &str, w: &Words) -> Option<Note> {
    let m = ir.metrics.iter().find(|m| m.code == d.metric)?;
    let item = m.items.iter().find(|i| i.code == d.code);
    let words = pmf_words::Words::new(ir, w.lang);
    let mut paras: Vec<String> = Vec::new();
    let rich = |key: &str, r: &Option<pmf_ir::Rich>| {
        let label = w.t.get(key);
        r.as_ref()
            .map(|r| format!("{label}: {}", r.plain_in(w.lang).trim()))
            .filter(|s| s.len() > label.len() + 2)
    };
    paras.extend(rich("note_includes", &m.includes));
    paras.extend(rich("note_excludes", &m.excludes));
    paras.extend(rich("note_counting", &m.counting));
    for t in &m.timescales {
        let mut s = w.t.fill(
            "note_timescale",
            &[("timescale", &words.timescale(t).plain(ir, w.lang))],
        );
        if let Some(n) = &t.note {
            s.push_str(". ");
            s.push_str(n.plain_in(w.lang).trim());
        }
        paras.push(s);
    }
    for n in m
        .notes
        .iter()
        .chain(item.iter().flat_map(|i| i.notes.iter()))
    {
        paras.push(w.t.fill("note_note", &[("note", n.plain_in(w.lang).trim())]));
    }
    if paras.is_empty() {
        return None;
    }
    let more = w.t.fill("note_guidance", &[("href", href)]);
    let mut text = paras.join("\n\n");
    if text.chars().count() > NOTE_MAX {
        text = clip(&text, NOTE_MAX);
    }
    text.push_str("\n\n");
    text.push_str(&more);
    let lines: usize = text
        .split('\n')
        .map(|l| l.chars().count().div_ceil(55).max(1))
        .sum();
    Some(
        Note::new(text)
            .add_author_prefix(false)
            .set_author("pmf")
            .set_width(400)
            .set_height((lines as u32 * 15 + 10).min(600)),
    )
}

/// The same workbook, but with the results of its formulas computed as for an empty return, so
/// that only a spreadsheet that recalculates shows the truth: the differential test uses it to
/// prove that the formulas, not pmf, find the faults.
pub fn template_uncached(ir: &Ir, fill: &Fill) -> Result<Vec<u8>, XlsxError> {
    build(ir, fill, true, &Links::default())
}

fn build(ir: &Ir, fill: &Fill, stale: bool, links: &Links) -> Result<Vec<u8>, XlsxError> {
    // A workbook holds one year: the year-on-year rules (`change`, `balance`) need last year's
    // return, so pmf validate --previous checks them, not the workbook.
    let this_year;
    let ir = if ir.rules.iter().any(|r| r.kind.is_year_on_year()) {
        let mut x = ir.clone();
        x.rules.retain(|r| !r.kind.is_year_on_year());
        this_year = x;
        &this_year
    } else {
        ir
    };
    let filled = Filled::of(ir, fill);
    let w = Words::new(fill.lang);
    let lang = fill.lang;
    // What the formulas' stored results are computed from.
    let cache = if stale {
        Filled {
            cells: BTreeMap::new(),
            exceptions: Vec::new(),
            ..filled.clone()
        }
    } else {
        filled.clone()
    };
    let sub = cache.submission(ir);
    let engine = Engine::new(ir);
    let failing: BTreeSet<String> = engine
        .check(&sub)
        .into_iter()
        .filter(|f| f.kind != FindingKind::Input)
        .map(|f| f.rule)
        .collect();
    let excepted: BTreeSet<&str> = cache.exceptions.iter().map(|(r, _)| r.as_str()).collect();
    let state = |code: &str| -> State {
        let vt = ir
            .data_item(code)
            .map(|d| d.value_type)
            .unwrap_or(ValueType::Decimal);
        let c = cache.cells.get(code);
        let raw = c.map(|c| c.raw.clone()).unwrap_or(Raw::Blank);
        let value = match raw {
            Raw::Number(v) if values::is_valid(v, vt) => Some(v),
            _ => None,
        };
        State {
            usable: value.is_some(),
            blank: raw == Raw::Blank,
            status_ok: c
                .and_then(|c| c.status.as_deref())
                .is_some_and(|s| values::status(ir, s).is_some()),
            value,
        }
    };

    // Where every value goes.
    let parts: Vec<(&pmf_ir::Part, String)> = ir
        .parts
        .iter()
        .filter(|p| {
            ir.data_items
                .iter()
                .any(|d| d.part.as_deref() == Some(p.id.as_str()))
        })
        .map(|p| (p, part_sheet_name(p)))
        .collect();
    let mut places: BTreeMap<&str, Place> = BTreeMap::new();
    let mut layouts: Vec<Vec<Line>> = Vec::new();
    for (part, sheet) in &parts {
        let lines = part_lines(ir, &part.id, lang);
        for (k, l) in lines.iter().enumerate() {
            if let Line::Item(code) = l {
                places.insert(
                    code,
                    Place {
                        sheet: sheet.clone(),
                        row: FIRST_ROW + k as u32,
                    },
                );
            }
        }
        layouts.push(lines);
    }
    // The Checks sheet: a row per rule.
    let check_row = |ri: usize| FIRST_ROW + ri as u32;
    let mut involving: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (ri, r) in ir.rules.iter().enumerate() {
        let (l, rr) = values::expanded_sides(ir, r);
        let mut codes: Vec<String> = l.iter().chain(rr.iter()).map(|t| t.code.clone()).collect();
        codes.dedup();
        for c in codes {
            let v = involving.entry(c).or_default();
            if !v.contains(&ri) {
                v.push(ri);
            }
        }
    }

    // Each rule's sentence when it fails: its formula on the Checks sheet, and what it shows
    // for the fill (the same words, from the same template).
    let sentences: Vec<Sentence> = ir
        .rules
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let (l, rr) = values::expanded_sides(ir, r);
            let sum = |ts: &[pmf_ir::Term]| {
                ts.iter()
                    .map(|t| t.coef * state(&t.code).value.unwrap_or(0.0))
                    .fold(0.0, |a, b| a + b)
            };
            Sentence::of(
                ir,
                r,
                check_row(ri) + 1,
                failing.contains(&r.id).then(|| (sum(&l), sum(&rr))),
                &w,
            )
        })
        .collect();
    let fm = Formats::new();
    let mut wb = Workbook::new();
    // Arial 10 as the workbook's own font, as every cell uses: column widths are counted in its
    // digits, so the sheet is as wide in LibreOffice (Liberation Sans) as in Excel, instead of
    // as wide as whatever stands in for a missing Calibri.
    wb.set_default_format(
        &Format::new().set_font_name("Arial").set_font_size(10),
        17,
        64,
    )?;
    let created = ExcelDateTime::from_ymd(first_year(ir) as u16, 4, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(w.t.fill("doc_title", &[("title", ir.edition.title.get(lang))]))
            .set_subject(
                ir.edition
                    .framework
                    .as_ref()
                    .map(|t| t.get(lang).to_string())
                    .unwrap_or_default(),
            )
            .set_author(
                ir.edition
                    .publisher
                    .as_ref()
                    .map(|t| t.get(lang).to_string())
                    .unwrap_or_default(),
            )
            .set_comment(w.t.fill("doc_comment", &[("edition", &ir.edition.id)]))
            .set_creation_datetime(&created),
    );

    // ---- Cover -------------------------------------------------------------------------------
    let authority_label = pmf_ir::authorities::by_code(&filled.authority)
        .map(|a| authority_label_in(a, lang))
        .unwrap_or_else(|| filled.authority.clone());
    let counts = Counts::of(ir, &failing, &excepted);
    {
        let ws = wb.add_worksheet();
        ws.set_name(&w.cover)?;
        cover(ws, ir, &fm, &w, &filled, &authority_label, &parts, &counts)?;
    }

    // ---- Part sheets -------------------------------------------------------------------------
    let (id_a, id_p) = (w.t.get("ident_authority"), w.t.get("ident_period"));
    let ident = format!(
        "{}&{N_AUTHORITY}&{}&{N_PERIOD}",
        Words::q(&id_a),
        Words::q(&id_p)
    );
    let ident_result = format!("{id_a}{authority_label}{id_p}{}", filled.period);
    for ((part, sheet), lines) in parts.iter().zip(&layouts) {
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        page(ws, ir, true, &w);
        ws.set_formula_result_default("");
        for (c, width) in PART_WIDTHS {
            ws.set_column_width(c, width)?;
        }
        for c in [C_USABLE, C_BLANK, C_STATUS_OK, C_FAULT] {
            ws.set_column_hidden(c)?;
        }
        ws.write_string_with_format(0, 0, part_title(ir, part, lang), &fm.title)?;
        ws.write_formula_with_format(
            1,
            0,
            Formula::new(format!("={ident}")).set_result(&ident_result),
            &fm.subtitle,
        )?;
        ws.merge_range(2, 0, 2, C_COMMENT, &w.t.get("part_note"), &fm.note)?;
        ws.set_row_height(2, 40)?;
        ws.set_row_height(HEADER_ROW, 27)?;
        let (item, unit, check) = (w.t.get("h_item"), w.t.get("h_unit"), w.t.get("h_check"));
        // The hidden helper columns keep their English names: formulas, not readers, use them.
        for (c, h) in [
            (C_CODE, H_CODE.get(lang)),
            (C_ITEM, item.as_str()),
            (C_VALUE, H_VALUE.get(lang)),
            (C_UNIT, unit.as_str()),
            (C_STATUS, H_STATUS.get(lang)),
            (C_COMMENT, H_COMMENT.get(lang)),
            (C_CHECK, check.as_str()),
            (C_USABLE, "usable"),
            (C_BLANK, "blank"),
            (C_STATUS_OK, "status ok"),
            (C_FAULT, "fault"),
        ] {
            ws.write_string_with_format(HEADER_ROW, c, h, &fm.header)?;
        }
        // The code and the item stay in view whichever way the reader scrolls.
        ws.set_freeze_panes(FIRST_ROW, C_VALUE)?;
        ws.set_repeat_rows(0, HEADER_ROW)?;
        let last = FIRST_ROW + lines.len() as u32;
        for (k, line) in lines.iter().enumerate() {
            let row = FIRST_ROW + k as u32;
            match line {
                Line::Group(title) => {
                    ws.merge_range(row, 0, row, C_CHECK, title, &fm.group)?;
                    ws.set_row_height(row, 18)?;
                }
                Line::LeadIn { code, text } => {
                    match code.is_empty() {
                        true => ws.write_string_with_format(row, C_CODE, code, &fm.code)?,
                        false => ws.write_url_with_format(
                            row,
                            C_CODE,
                            links.url(ir, code, &w)?,
                            &fm.link,
                        )?,
                    };
                    ws.merge_range(row, C_ITEM, row, C_CHECK, text, &fm.lead_in)?;
                    ws.set_row_height(row, height(text, 150, 0))?;
                }
                Line::Item(code) => {
                    let code: &str = code;
                    let Some(d) = ir.data_item(code) else {
                        continue;
                    };
                    let place = &places[code];
                    let st = state(code);
                    let cell = filled.cells.get(code);
                    // The code links to its definition in the guidance; the item's wording is
                    // indented under its metric when it is an item of a breakdown, and its
                    // note holds the definition.
                    ws.write_url_with_format(row, C_CODE, links.url(ir, code, &w)?, &fm.link)?;
                    let depth = usize::from(d.code != d.metric);
                    let wording = d.wording.get(lang);
                    ws.write_string_with_format(row, C_ITEM, wording, &fm.wording[depth])?;
                    if let Some(n) = definition_note(ir, d, &links.href(ir, code), &w) {
                        ws.insert_note(row, C_ITEM, &n)?;
                    }
                    let unit = ir
                        .unit(&d.unit)
                        .map(|u| u.label.get(lang).to_string())
                        .unwrap_or_else(|| d.unit.clone());
                    ws.write_string_with_format(row, C_UNIT, &unit, &fm.unit)?;
                    let vf = match d.value_type {
                        ValueType::Whole => &fm.whole,
                        ValueType::Decimal => &fm.decimal,
                    };
                    match cell.map(|c| &c.raw) {
                        Some(Raw::Number(v)) => {
                            ws.write_number_with_format(row, C_VALUE, *v, vf)?
                        }
                        Some(Raw::Text(t)) => ws.write_string_with_format(row, C_VALUE, t, vf)?,
                        _ => ws.write_blank(row, C_VALUE, vf)?,
                    };
                    match cell.and_then(|c| c.status.as_deref()) {
                        Some(s) => ws.write_string_with_format(row, C_STATUS, s, &fm.input_text)?,
                        None => ws.write_blank(row, C_STATUS, &fm.input_text)?,
                    };
                    match cell.and_then(|c| c.comment.as_deref()) {
                        Some(s) => {
                            ws.write_string_with_format(row, C_COMMENT, s, &fm.input_wrap)?
                        }
                        None => ws.write_blank(row, C_COMMENT, &fm.input_wrap)?,
                    };
                    ws.add_data_validation(
                        row,
                        C_VALUE,
                        row,
                        C_VALUE,
                        &value_validation(
                            ir,
                            code,
                            d.value_type,
                            wording,
                            d.lead_in.as_ref().map(|t| t.get(lang)),
                            &w,
                        )?,
                    )?;
                    // Helpers.
                    let v = format!("{}{}", col_name(C_VALUE), place.row + 1);
                    let s = format!("{}{}", col_name(C_STATUS), place.row + 1);
                    let usable = match d.value_type {
                        ValueType::Whole => format!(
                            "=IF(ISNUMBER({v}),IF(AND({v}>=0,{v}<={max},{v}=INT({v})),1,0),0)",
                            max = MAX_VALUE as u64
                        ),
                        ValueType::Decimal => format!(
                            "=IF(ISNUMBER({v}),IF(AND({v}>=0,{v}<={max}),1,0),0)",
                            max = MAX_VALUE as u64
                        ),
                    };
                    ws.write_formula_with_format(
                        row,
                        C_USABLE,
                        Formula::new(usable).set_result(bit(st.usable)),
                        &fm.helper,
                    )?;
                    ws.write_formula_with_format(
                        row,
                        C_BLANK,
                        Formula::new(format!("=IF(LEN(TRIM({v}))=0,1,0)"))
                            .set_result(bit(st.blank)),
                        &fm.helper,
                    )?;
                    let words = values::status_words(ir)
                        .iter()
                        .map(|w| format!("LOWER(TRIM({s}))=\"{}\"", w.replace('"', "\"\"")))
                        .collect::<Vec<_>>()
                        .join(",");
                    let status_formula = if words.is_empty() {
                        "=0".to_string()
                    } else {
                        format!("=IF(OR({words}),1,0)")
                    };
                    ws.write_formula_with_format(
                        row,
                        C_STATUS_OK,
                        Formula::new(status_formula).set_result(bit(st.status_ok)),
                        &fm.helper,
                    )?;
                    // The check beside the input, in sentences; and whether a fault (not just a
                    // figure still to give) makes the value red.
                    let rules = involving.get(code).map(|v| v.as_slice()).unwrap_or(&[]);
                    let beside = beside_check(code, rules, &sentences, &check_row, &w);
                    ws.write_formula_with_format(
                        row,
                        C_CHECK,
                        Formula::new(beside.formula).set_result(&beside.result),
                        &fm.check,
                    )?;
                    ws.write_formula_with_format(
                        row,
                        C_FAULT,
                        Formula::new(beside.fault_formula).set_result(bit(beside.fault)),
                        &fm.helper,
                    )?;
                    // One line unless the wording (or a prefilled comment) needs more: the
                    // Check sentence does not wrap but runs on to the right.
                    let lines_needed = [
                        height(wording, chars_in(PART_WIDTHS[1].1) - 4 * depth, 0),
                        height(
                            cell.and_then(|c| c.comment.as_deref()).unwrap_or(""),
                            chars_in(PART_WIDTHS[5].1),
                            0,
                        ),
                    ];
                    ws.set_row_height(row, lines_needed.iter().cloned().fold(15.0, f64::max))?;
                }
            }
        }
        // Status list, a red value cell when its check shows a fault.
        ws.add_data_validation(
            FIRST_ROW,
            C_STATUS,
            last,
            C_STATUS,
            &status_validation(ir, &w)?,
        )?;
        let red = Format::new()
            .set_background_color(Color::RGB(FAIL_FILL))
            .set_font_color(Color::RGB(FAIL_FONT));
        ws.add_conditional_format(
            FIRST_ROW,
            C_VALUE,
            last,
            C_VALUE,
            &ConditionalFormatFormula::new()
                .set_rule(format!("=${}{}=1", col_name(C_FAULT), FIRST_ROW + 1).as_str())
                .set_format(red),
        )?;
        ws.set_print_area(0, 0, last, C_CHECK)?;
        protect(ws);
        ws.set_selection(FIRST_ROW, C_VALUE, FIRST_ROW, C_VALUE)?;
    }

    // ---- Checks --------------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name(&w.checks)?;
        page(ws, ir, true, &w);
        checks(
            ws, ir, &fm, &w, &places, &failing, &excepted, &state, &counts, &sentences,
        )?;
    }

    // ---- Indicators ----------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name(&w.indicators)?;
        page(ws, ir, true, &w);
        indicators(ws, ir, &fm, &w, &places, &filled, &engine, &sub)?;
    }

    // ---- Exceptions ----------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name(&w.exceptions)?;
        page(ws, ir, false, &w);
        exceptions(ws, ir, &fm, &w, &filled, &failing)?;
    }

    // ---- Lists (hidden) ------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name(&w.lists)?;
        ws.write_string(0, 0, w.t.get("lists_authority"))?;
        ws.write_string(0, 1, w.t.get("lists_code"))?;
        ws.write_string(0, 2, w.t.get("lists_status"))?;
        ws.write_string(0, 3, w.t.get("lists_period"))?;
        for (k, a) in sorted_authorities(lang).iter().enumerate() {
            ws.write_string(k as u32 + 1, 0, authority_label_in(a, lang))?;
            ws.write_string(k as u32 + 1, 1, a.code)?;
        }
        for (k, s) in ir.missing_statuses.iter().enumerate() {
            ws.write_string(k as u32 + 1, 2, s.label.get(lang))?;
        }
        for (k, p) in periods(ir).iter().enumerate() {
            ws.write_string(k as u32 + 1, 3, p)?;
        }
        ws.set_hidden(true);
        protect(ws);
    }
    let cover = quote_sheet(&w.cover);
    wb.define_name(N_AUTHORITY, &format!("={cover}!$C$6"))?;
    wb.define_name(N_PERIOD, &format!("={cover}!$C$7"))?;
    for (k, n) in N_CONTACT.iter().enumerate() {
        wb.define_name(*n, &format!("={cover}!$C${}", 10 + k))?;
    }
    wb.save_to_buffer()
}

/// One row of a part sheet.
enum Line<'a> {
    Group(String),
    LeadIn { code: String, text: String },
    Item(&'a str),
}

fn part_lines<'a>(ir: &'a Ir, part: &str, lang: Lang) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut group: Option<&str> = None;
    let mut metric: Option<&str> = None;
    for d in ir
        .data_items
        .iter()
        .filter(|d| d.part.as_deref() == Some(part))
    {
        if d.group.as_deref() != group {
            group = d.group.as_deref();
            if let Some(g) = group.and_then(|g| ir.groups.iter().find(|x| x.id == g)) {
                let title = match &g.number {
                    Some(n) => format!("{n}  {}", g.title.get(lang)),
                    None => g.title.get(lang).to_string(),
                };
                out.push(Line::Group(title));
            }
            metric = None;
        }
        if Some(d.metric.as_str()) != metric {
            metric = Some(d.metric.as_str());
            if let (Some(l), true) = (&d.lead_in, d.code != d.metric) {
                // A metric reported through its items: its wording leads in. When its own total
                // is a data item too, that row already shows the code.
                let own = ir.data_item(&d.metric).is_some();
                out.push(Line::LeadIn {
                    code: if own { String::new() } else { d.metric.clone() },
                    text: l.get(lang).to_string(),
                });
            }
        }
        out.push(Line::Item(&d.code));
    }
    out
}

fn part_title(ir: &Ir, part: &pmf_ir::Part, lang: Lang) -> String {
    let parent = part.within.as_deref().and_then(|w| ir.part(w));
    let own = match &part.number {
        Some(n) => format!("{n} {}", part.title.get(lang)),
        None => part.title.get(lang).to_string(),
    };
    match parent {
        Some(p) => format!(
            "{}{}: {own}",
            p.number
                .as_deref()
                .map(|n| format!("{n} "))
                .unwrap_or_default(),
            p.title.get(lang)
        ),
        None => own,
    }
}

fn bit(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

/// A row height (points) for a text in a column of `width` characters.
fn height(text: &str, width: usize, _min: usize) -> f64 {
    let width = width.max(10);
    let lines: usize = text
        .split('\n')
        .map(|l| l.chars().count().div_ceil(width))
        .map(|n| n.max(1))
        .sum();
    (lines.max(1) as f64) * 12.75 + 2.25
}

fn first_year(ir: &Ir) -> u32 {
    ir.edition
        .first_year
        .as_deref()
        .and_then(|y| y.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or(2020)
}

/// Financial years offered: from the edition's first year, fifteen of them.
fn periods(ir: &Ir) -> Vec<String> {
    let y = first_year(ir);
    (y..y + 15)
        .map(|y| format!("{y}-{:02}", (y + 1) % 100))
        .collect()
}

/// The 22 authorities in the order of their names in `lang` (the list an officer picks from).
fn sorted_authorities(lang: Lang) -> Vec<&'static pmf_ir::authorities::Authority> {
    let mut v: Vec<_> = AUTHORITIES.iter().collect();
    v.sort_by_key(|a| a.name_in(lang));
    v
}

/// "Cardiff (W06000015)", or "Caerdydd (W06000015)" in Welsh: either reads back.
fn authority_label_in(a: &pmf_ir::authorities::Authority, lang: Lang) -> String {
    format!("{} ({})", a.name_in(lang), a.code)
}

/// Input title and message limits of the file format.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn value_validation(
    ir: &Ir,
    code: &str,
    vt: ValueType,
    wording: &str,
    lead_in: Option<&str>,
    w: &Words,
) -> Result<DataValidation, XlsxError> {
    let unit = ir
        .data_item(code)
        .and_then(|d| ir.unit(&d.unit))
        .map(|u| u.label.get(w.lang).to_string())
        .unwrap_or_default();
    let what = w.t.get(match vt {
        ValueType::Whole => "vt_whole",
        ValueType::Decimal => "vt_decimal",
    });
    let text = match lead_in {
        Some(l) => format!("{l} {wording}"),
        None => wording.to_string(),
    };
    let message = clip(
        &w.t.fill(
            "value_input",
            &[("text", &text), ("what", &what), ("unit", &unit)],
        ),
        255,
    );
    let dv = match vt {
        ValueType::Whole => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, MAX_VALUE as i32)),
        ValueType::Decimal => {
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, MAX_VALUE))
        }
    };
    dv.set_input_title(clip(code, 32))?
        .set_input_message(message)?
        .set_error_title(clip(&w.t.fill("value_error_title", &[("code", code)]), 32))?
        .set_error_message(clip(
            &w.t.fill("value_error", &[("code", code), ("what", &what)]),
            255,
        ))
        .map(|d| d.set_error_style(DataValidationErrorStyle::Stop))
}

fn status_validation(ir: &Ir, w: &Words) -> Result<DataValidation, XlsxError> {
    let n = ir.missing_statuses.len().max(1) as u32;
    let meaning = ir
        .missing_statuses
        .iter()
        .map(|s| s.label.get(w.lang).to_string())
        .collect::<Vec<_>>()
        .join(" / ");
    DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "={}!$C$2:$C${}",
            quote_sheet(&w.lists),
            n + 1
        )))
        .set_input_title(clip(&w.t.get("status_title"), 32))?
        .set_input_message(clip(
            &w.t.fill("status_input", &[("meaning", &meaning)]),
            255,
        ))?
        .set_error_title(clip(&w.t.get("status_error_title"), 32))?
        .set_error_message(clip(
            &w.t.fill("status_error", &[("meaning", &meaning)]),
            255,
        ))
        .map(|d| d.set_error_style(DataValidationErrorStyle::Warning))
}

fn protect(ws: &mut Worksheet) {
    let opts = ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&opts);
}

fn page(ws: &mut Worksheet, ir: &Ir, landscape: bool, w: &Words) {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.7, 0.3, 0.3);
    let title = ir.edition.title.get(w.lang).replace('&', "&&");
    ws.set_header(format!("&L&8{title}&R&8&A"));
    let edition = w.t.fill(
        "footer_edition",
        &[("edition", &ir.edition.id.replace('&', "&&"))],
    );
    ws.set_footer(format!("&L&8{edition}&R&8{}", w.t.get("footer_page")));
}

/// A rule's sentence for the reader when it fails (column K of the Checks sheet).
struct Sentence {
    /// The formula: the template's words joined with the row's Left and Right figures.
    formula: String,
    /// What it shows for the fill: the sentence if the rule fails, else nothing.
    result: String,
    /// A `required` rule: a figure still to give rather than a fault.
    required: bool,
    /// The code a `value` or `required` rule is about.
    about: Option<String>,
}

impl Sentence {
    /// `n` is the rule's row on the Checks sheet (1-based); `sides` the figures of its two
    /// sides when it fails for the fill.
    fn of(ir: &Ir, r: &Rule, n: u32, sides: Option<(f64, f64)>, w: &Words) -> Sentence {
        let shape = Shape::of(r);
        let parts = Parts::of(ir, r);
        let mut pieces: Vec<String> = Vec::new();
        let mut text = String::new();
        for b in checks::template(shape, Medium::Workbook, w.lang).bits {
            let expr = match b {
                Bit::Text(t) => {
                    text.push_str(&t);
                    continue;
                }
                Bit::Slot(Slot::Value) => format!("ROUND(D{n},6)"),
                Bit::Slot(Slot::OtherValue) => format!("ROUND(E{n},6)"),
                Bit::Slot(s) => {
                    text.push_str(parts.get(s));
                    continue;
                }
            };
            pieces.extend(literal(&std::mem::take(&mut text)));
            pieces.push(expr);
        }
        pieces.extend(literal(&text));
        let result = match sides {
            Some((l, rv)) => checks::sentence(
                shape,
                Medium::Workbook,
                &Parts {
                    value: show(round6(l)),
                    other_value: show(round6(rv)),
                    ..parts
                },
                w.lang,
            ),
            None => String::new(),
        };
        Sentence {
            formula: format!("=IF(G{n}={},{},\"\")", Words::q(&w.fails), pieces.join("&")),
            result,
            required: r.kind == RuleKind::Required,
            about: match r.kind.is_about_one_value() {
                true => r.lhs.first().map(|t| t.code.clone()),
                false => None,
            },
        }
    }
}

/// A number as the workbook's `ROUND(x,6)` leaves it.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A text as string literals of a formula: quotes doubled, in pieces of at most 250
/// characters (a spreadsheet refuses longer literals); nothing for an empty text.
fn literal(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(250)
        .map(|c| format!("\"{}\"", c.iter().collect::<String>().replace('"', "\"\"")))
        .collect()
}

/// What a spreadsheet's TRIM leaves: no space at either end, no run of spaces.
fn excel_trim(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Check cell beside a value: its formula and result, and its fault flag.
struct Beside {
    formula: String,
    result: String,
    fault_formula: String,
    fault: bool,
}

/// The Check cell of the value of `code`: the sentence of every rule of `rules` that fails
/// (faults first, then a figure still to give), from the Checks sheet.
fn beside_check(
    code: &str,
    rules: &[usize],
    sentences: &[Sentence],
    check_row: &dyn Fn(usize) -> u32,
    w: &Words,
) -> Beside {
    let checks = quote_sheet(&w.checks);
    let fails = Words::q(&w.fails);
    let mine = |ri: &&usize| {
        let s = &sentences[**ri];
        s.about.as_deref().is_none_or(|c| c == code)
    };
    let mut order: Vec<usize> = rules.iter().filter(mine).copied().take(60).collect();
    order.sort_by_key(|ri| sentences[*ri].required);
    let mut parts = Vec::new();
    let mut faults = Vec::new();
    let mut result = String::new();
    let mut fault = false;
    for ri in order {
        let n = check_row(ri) + 1;
        let s = &sentences[ri];
        parts.push(format!(
            "IF({checks}!$G${n}={fails},{checks}!${}${n}&\". \",\"\")",
            col_name(K_SENTENCE)
        ));
        if !s.required {
            faults.push(format!("{checks}!$G${n}={fails}"));
        }
        if !s.result.is_empty() {
            result.push_str(&s.result);
            result.push_str(". ");
            fault |= !s.required;
        }
    }
    Beside {
        formula: match parts.is_empty() {
            true => "=\"\"".to_string(),
            false => format!("=TRIM({})", parts.join("&")),
        },
        result: excel_trim(&result),
        fault_formula: match faults.is_empty() {
            true => "=0".to_string(),
            false => format!("=IF(OR({}),1,0)", faults.join(",")),
        },
        fault,
    }
}

/// A side of a rule as a formula over value cells, with its usable flags.
fn side_formula(
    terms: &[pmf_ir::Term],
    places: &BTreeMap<&str, Place>,
) -> Option<(String, Vec<String>)> {
    let mut expr = String::new();
    let mut flags = Vec::new();
    for (k, t) in terms.iter().enumerate() {
        let p = places.get(t.code.as_str())?;
        let c = t.coef;
        let sign = if c < 0.0 {
            "-"
        } else if k == 0 {
            ""
        } else {
            "+"
        };
        let mag = c.abs();
        if mag == 1.0 {
            expr.push_str(&format!("{sign}{}", p.cell(C_VALUE)));
        } else {
            expr.push_str(&format!("{sign}{}*{}", show(mag), p.cell(C_VALUE)));
        }
        flags.push(p.cell(C_USABLE));
    }
    if expr.is_empty() {
        expr.push('0');
    }
    Some((expr, flags))
}

fn fail_condition(op: Op, l: &str, r: &str, tol: f64) -> String {
    let t = show(tol);
    match op {
        Op::Le => format!("{l}>{r}+{t}"),
        Op::Lt => format!("{l}>={r}+{t}"),
        Op::Ge => format!("{l}+{t}<{r}"),
        Op::Gt => format!("{l}+{t}<={r}"),
        Op::Eq => format!("ABS({l}-{r})>{t}"),
        Op::Ne => format!("ABS({l}-{r})<={t}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn cover(
    ws: &mut Worksheet,
    ir: &Ir,
    fm: &Formats,
    w: &Words,
    filled: &Filled,
    authority_label: &str,
    parts: &[(&pmf_ir::Part, String)],
    counts: &Counts,
) -> Result<(), XlsxError> {
    let lang = w.lang;
    let lists = quote_sheet(&w.lists);
    page(ws, ir, false, w);
    ws.set_formula_result_default("");
    ws.set_column_width(0, 3)?;
    ws.set_column_width(1, 26)?;
    ws.set_column_width(2, 44)?;
    ws.set_column_width(3, 14)?;
    ws.set_column_width(4, 30)?;
    ws.write_string_with_format(0, 1, ir.edition.title.get(lang), &fm.title)?;
    let framework = ir
        .edition
        .framework
        .as_ref()
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| w.t.get("cover_sub_default"));
    let sub = w.t.fill("cover_sub", &[("framework", &framework)]);
    ws.write_string_with_format(1, 1, sub, &fm.subtitle)?;
    ws.write_string_with_format(
        2,
        1,
        w.t.fill(
            "cover_edition",
            &[
                ("edition", &ir.edition.id),
                ("status", &ir.edition.status.to_string()),
                (
                    "from",
                    &ir.edition
                        .first_year
                        .as_deref()
                        .map(|y| w.t.fill("cover_from", &[("year", y)]))
                        .unwrap_or_default(),
                ),
            ],
        ),
        &fm.subtitle,
    )?;
    ws.write_string_with_format(4, 1, w.t.get("cover_return"), &fm.bold)?;
    ws.write_string_with_format(5, 1, L_AUTHORITY.get(lang), &fm.label)?;
    ws.write_string_with_format(5, 2, authority_label, &fm.input_text)?;
    let code_result = pmf_ir::authorities::by_code(&filled.authority)
        .map(|a| a.code)
        .unwrap_or("");
    ws.write_formula_with_format(
        5,
        3,
        Formula::new(format!(
            "=IFERROR(VLOOKUP({N_AUTHORITY},{lists}!$A$2:$B$23,2,FALSE),\"\")"
        ))
        .set_result(code_result),
        &fm.cell,
    )?;
    ws.write_string_with_format(6, 1, L_PERIOD.get(lang), &fm.label)?;
    ws.write_string_with_format(6, 2, &filled.period, &fm.input_text)?;
    let years = periods(ir);
    ws.add_data_validation(
        5,
        2,
        5,
        2,
        &DataValidation::new()
            .allow_list_formula(Formula::new(format!("={lists}!$A$2:$A$23")))
            .set_input_title(clip(&w.t.get("auth_title"), 32))?
            .set_input_message(w.t.get("auth_input"))?
            .set_error_title(clip(&w.t.get("auth_error_title"), 32))?
            .set_error_message(w.t.get("auth_error"))?,
    )?;
    ws.add_data_validation(
        6,
        2,
        6,
        2,
        &DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={lists}!$D$2:$D${}",
                years.len() + 1
            )))
            .set_input_title(clip(&w.t.get("year_title"), 32))?
            .set_input_message(w.t.get("year_input"))?
            .set_error_title(clip(&w.t.get("year_error_title"), 32))?
            .set_error_message(w.t.get("year_error"))?,
    )?;
    ws.write_string_with_format(8, 1, w.t.get("contact_heading"), &fm.bold)?;
    let contact = [
        ("contact_name", &filled.contact.name),
        ("contact_role", &filled.contact.role),
        ("contact_email", &filled.contact.email),
        ("contact_phone", &filled.contact.phone),
    ];
    for (k, (label, v)) in contact.iter().enumerate() {
        let r = 9 + k as u32;
        ws.write_string_with_format(r, 1, w.t.get(label), &fm.label)?;
        ws.write_string_with_format(r, 2, v.as_deref().unwrap_or(""), &fm.input_text)?;
    }
    ws.write_string_with_format(14, 1, w.t.get("state_heading"), &fm.bold)?;
    ws.merge_range(15, 1, 15, 4, "", &fm.check_wrap)?;
    let c = format!("{}!", quote_sheet(&w.checks));
    let (todo, errors) = (format!("{c}$E$3"), format!("{c}$E$4"));
    ws.write_formula_with_format(
        15,
        1,
        Formula::new(format!(
            "=IF({c}$B$3=0,{},IF(AND({todo}=0,{errors}=0),{},TRIM(IF({todo}>0,{}&\" \",\"\")&IF({errors}>0,{},\"\"))))",
            Words::q(&w.t.get("state_complete")),
            Words::q(&w.t.get("state_no_error")),
            w.t.count_formula("count.state_todo", &todo),
            w.t.count_formula("count.state_errors", &errors),
        ))
        .set_result(counts.state(w)),
        &fm.check_wrap,
    )?;
    ws.write_string_with_format(17, 1, w.t.get("how_heading"), &fm.bold)?;
    let sheets = parts
        .iter()
        .map(|(_, s)| s.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let statuses = ir
        .missing_statuses
        .iter()
        .map(|s| s.label.get(lang).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let steps = [
        w.t.get("step_1"),
        w.t.fill("step_2", &[("sheets", &sheets)]),
        w.t.fill(
            "step_3",
            &[("status", H_STATUS.get(lang)), ("statuses", &statuses)],
        ),
        w.t.get("step_4"),
        w.t.get("step_5"),
        w.t.get("step_6"),
        w.t.get("step_7"),
    ];
    for (k, s) in steps.iter().enumerate() {
        let r = 18 + k as u32;
        ws.merge_range(r, 1, r, 4, s, &fm.note)?;
        ws.set_row_height(r, height(s, 110, 0))?;
    }
    ws.set_print_area(0, 0, 18 + steps.len() as u32, 4)?;
    protect(ws);
    ws.set_selection(5, 2, 5, 2)?;
    ws.set_active(true);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn checks(
    ws: &mut Worksheet,
    ir: &Ir,
    fm: &Formats,
    w: &Words,
    places: &BTreeMap<&str, Place>,
    failing: &BTreeSet<String>,
    excepted: &BTreeSet<&str>,
    state: &dyn Fn(&str) -> State,
    counts: &Counts,
    sentences: &[Sentence],
) -> Result<(), XlsxError> {
    ws.set_formula_result_default("");
    for (c, width) in [
        (0u16, 18.0),
        (1, 9.0),
        (2, 58.0),
        (3, 11.0),
        (4, 11.0),
        (5, 11.0),
        (6, 12.0),
        (7, 11.0),
    ] {
        ws.set_column_width(c, width)?;
    }
    let (q_fails, error, excepted_word) = (
        Words::q(&w.fails),
        Words::q(&w.error),
        Words::q(&w.excepted),
    );
    for c in [8, 9, K_SENTENCE] {
        ws.set_column_hidden(c)?;
    }
    ws.write_string_with_format(0, 0, w.t.get("checks_title"), &fm.title)?;
    ws.merge_range(1, 0, 1, 7, &w.t.get("checks_note"), &fm.note)?;
    ws.set_row_height(1, 27)?;
    let last = FIRST_ROW + ir.rules.len() as u32;
    let rng = |c: &str| format!("${c}${}:${c}${}", FIRST_ROW + 1, last.max(FIRST_ROW + 1));
    ws.write_string_with_format(2, 0, w.t.get("checks_failing"), &fm.label)?;
    ws.write_formula_with_format(
        2,
        1,
        Formula::new(format!("=COUNTIF({},{q_fails})", rng("G")))
            .set_result(counts.fail.to_string()),
        &fm.bold,
    )?;
    ws.write_string_with_format(2, 2, w.t.get("checks_todo"), &fm.label)?;
    ws.write_formula_with_format(
        2,
        4,
        Formula::new(format!(
            "=SUMPRODUCT(({}={q_fails})*({}=\"required\"))",
            rng("G"),
            rng("J")
        ))
        .set_result(counts.todo.to_string()),
        &fm.bold,
    )?;
    ws.write_string_with_format(3, 2, w.t.get("checks_other"), &fm.label)?;
    ws.write_formula_with_format(
        3,
        4,
        Formula::new(format!(
            "=SUMPRODUCT(({}={q_fails})*({}={error})*({}<>{excepted_word})*({}<>\"required\"))",
            rng("G"),
            rng("B"),
            rng("H"),
            rng("J")
        ))
        .set_result(counts.other_errors.to_string()),
        &fm.bold,
    )?;
    ws.write_string_with_format(3, 0, w.t.get("checks_errors"), &fm.label)?;
    ws.write_formula_with_format(
        3,
        1,
        Formula::new(format!(
            "=SUMPRODUCT(({}={q_fails})*({}={error})*({}<>{excepted_word}))",
            rng("G"),
            rng("B"),
            rng("H")
        ))
        .set_result(counts.errors.to_string()),
        &fm.bold,
    )?;
    let heads: Vec<String> = [
        "h_severity",
        "h_message",
        "h_left",
        "h_right",
        "h_difference",
        "h_result",
        "h_exception",
    ]
    .iter()
    .map(|k| w.t.get(k))
    .collect();
    ws.write_string_with_format(HEADER_ROW, 0, H_RULE.get(w.lang), &fm.header)?;
    for (k, h) in heads.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, k as u16 + 1, h, &fm.header)?;
    }
    // Hidden helper columns, named for the formulas, not the reader.
    for (c, h) in [(8u16, "all usable"), (9, "kind"), (K_SENTENCE, "sentence")] {
        ws.write_string_with_format(HEADER_ROW, c, h, &fm.header)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 1)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let rule_words = pmf_words::Words::new(ir, w.lang);
    for (ri, r) in ir.rules.iter().enumerate() {
        let row = FIRST_ROW + ri as u32;
        let n = row + 1;
        ws.write_string_with_format(row, 0, &r.id, &fm.cell)?;
        ws.write_string_with_format(row, 9, r.kind.as_str(), &fm.helper)?;
        let sentence = &sentences[ri];
        ws.write_formula_with_format(
            row,
            K_SENTENCE,
            Formula::new(&sentence.formula).set_result(&sentence.result),
            &fm.helper,
        )?;
        ws.write_string_with_format(
            row,
            1,
            match r.severity {
                pmf_ir::RuleSeverity::Error => &w.error,
                pmf_ir::RuleSeverity::Warning => &w.warning,
                // Year-on-year rules are left out of a one-year workbook (see build).
                pmf_ir::RuleSeverity::Query => &w.query,
            },
            &fm.cell,
        )?;
        let message = rule_words.rule_text(r);
        ws.write_string_with_format(row, 2, &message, &fm.cell_wrap)?;
        ws.set_row_height(row, height(&message, 56, 0))?;
        let fails = failing.contains(&r.id);
        let result = if fails { &w.fails } else { &w.ok };
        let (left, right, diff, result_formula, result_value, usable_formula, usable_value) =
            rule_cells(ir, r, places, n, state, fails, result, w);
        write_cell(ws, row, 3, &left, &fm.number)?;
        write_cell(ws, row, 4, &right, &fm.number)?;
        write_cell(ws, row, 5, &diff, &fm.number)?;
        ws.write_formula_with_format(
            row,
            6,
            Formula::new(result_formula).set_result(&result_value),
            &fm.cell,
        )?;
        let exc = if fails && excepted.contains(r.id.as_str()) {
            w.excepted.as_str()
        } else {
            ""
        };
        ws.write_formula_with_format(
            row,
            7,
            Formula::new(format!(
                "=IF(AND(G{n}={q_fails},COUNTIF({}!$A${}:$A${},A{n})>0),{excepted_word},\"\")",
                quote_sheet(&w.exceptions),
                FIRST_ROW + 1,
                FIRST_ROW + EXCEPTION_ROWS
            ))
            .set_result(exc),
            &fm.cell,
        )?;
        if let Some(u) = usable_formula {
            ws.write_formula_with_format(
                row,
                8,
                Formula::new(u).set_result(usable_value),
                &fm.helper,
            )?;
        }
    }
    ws.autofilter(HEADER_ROW, 0, last.saturating_sub(1).max(HEADER_ROW), 7)?;
    let red = Format::new()
        .set_background_color(Color::RGB(FAIL_FILL))
        .set_font_color(Color::RGB(FAIL_FONT));
    ws.add_conditional_format(
        FIRST_ROW,
        0,
        last.max(FIRST_ROW),
        7,
        &ConditionalFormatFormula::new()
            .set_rule(
                format!(
                    "=AND($G{0}={q_fails},$H{0}<>{excepted_word})",
                    FIRST_ROW + 1
                )
                .as_str(),
            )
            .set_format(red),
    )?;
    ws.set_print_area(0, 0, last, 7)?;
    protect(ws);
    Ok(())
}

/// A cell that is a formula with a result, or nothing.
type Cellf = Option<(String, String)>;

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    c: &Cellf,
    f: &Format,
) -> Result<(), XlsxError> {
    match c {
        Some((formula, result)) => {
            ws.write_formula_with_format(row, col, Formula::new(formula).set_result(result), f)?;
        }
        None => {
            ws.write_blank(row, col, f)?;
        }
    }
    Ok(())
}

#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn rule_cells(
    ir: &Ir,
    r: &Rule,
    places: &BTreeMap<&str, Place>,
    n: u32,
    state: &dyn Fn(&str) -> State,
    fails: bool,
    result: &str,
    w: &Words,
) -> (Cellf, Cellf, Cellf, String, String, Option<String>, String) {
    let (q_fails, q_ok, q_not) = (
        Words::q(&w.fails),
        Words::q(&w.ok),
        Words::q(&w.not_checked),
    );
    let target = r.lhs.first().and_then(|t| places.get(t.code.as_str()));
    match (r.kind, target) {
        (RuleKind::Value, Some(p)) => (
            None,
            None,
            None,
            format!(
                "=IF(AND({}=0,{}=0),{q_fails},{q_ok})",
                p.cell(C_BLANK),
                p.cell(C_USABLE)
            ),
            result.into(),
            None,
            String::new(),
        ),
        (RuleKind::Required, Some(p)) => (
            None,
            None,
            None,
            format!(
                "=IF(AND({}=1,{}=0),{q_fails},{q_ok})",
                p.cell(C_BLANK),
                p.cell(C_STATUS_OK)
            ),
            result.into(),
            None,
            String::new(),
        ),
        _ => {
            let (l, rr) = values::expanded_sides(ir, r);
            let sides = side_formula(&l, places).zip(side_formula(&rr, places));
            let Some(((le, lf), (re, rf))) = sides else {
                // A code with no cell: the rule can never be checked, as in every backend.
                return (
                    None,
                    None,
                    None,
                    format!("={q_not}"),
                    w.not_checked.clone(),
                    None,
                    String::new(),
                );
            };
            let flags: Vec<String> = lf.into_iter().chain(rf).collect();
            let usable = l.iter().chain(rr.iter()).all(|t| state(&t.code).usable);
            let sum = |terms: &[pmf_ir::Term]| -> f64 {
                terms
                    .iter()
                    .map(|t| t.coef * state(&t.code).value.unwrap_or(0.0))
                    .fold(0.0, |a, b| a + b)
            };
            let (lv, rv) = (sum(&l), sum(&rr));
            let shown = |v: f64| if usable { show(v) } else { String::new() };
            let left = Some((format!("=IF(I{n}=1,{le},\"\")"), shown(lv)));
            let right = Some((format!("=IF(I{n}=1,{re},\"\")"), shown(rv)));
            let diff = Some((format!("=IF(I{n}=1,D{n}-E{n},\"\")"), shown(lv - rv)));
            let cond = fail_condition(r.op, &format!("D{n}"), &format!("E{n}"), r.tolerance);
            let formula = format!("=IF(I{n}=1,IF({cond},{q_fails},{q_ok}),{q_not})");
            let res = if !usable {
                w.not_checked.clone()
            } else if fails {
                w.fails.clone()
            } else {
                w.ok.clone()
            };
            (
                left,
                right,
                diff,
                formula,
                res,
                Some(format!("={}", flags.join("*"))),
                bit(usable).into(),
            )
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn indicators(
    ws: &mut Worksheet,
    ir: &Ir,
    fm: &Formats,
    w: &Words,
    places: &BTreeMap<&str, Place>,
    filled: &Filled,
    engine: &Engine,
    sub: &pmf_return::Submission,
) -> Result<(), XlsxError> {
    for (c, w) in [
        (0u16, 18.0),
        (1, 48.0),
        (2, 13.0),
        (3, 40.0),
        (4, 26.0),
        (5, 16.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    ws.set_formula_result_default("");
    ws.set_column_hidden(C_USABLE)?;
    let lang = w.lang;
    ws.write_string_with_format(0, 0, w.t.get("ind_title"), &fm.title)?;
    ws.merge_range(1, 0, 1, 5, &w.t.get("ind_note"), &fm.note)?;
    ws.set_row_height(1, 27)?;
    // Populations: a table the reader reads like the part sheets.
    let (population, source) = (w.t.get("h_population"), w.t.get("h_source"));
    for (c, h) in [
        (0u16, H_CODE.get(lang)),
        (1, population.as_str()),
        (2, H_VALUE.get(lang)),
        (3, source.as_str()),
    ] {
        ws.write_string_with_format(HEADER_ROW, c, h, &fm.header)?;
    }
    let mut pop_places: BTreeMap<&str, Place> = BTreeMap::new();
    for (k, p) in ir.populations.iter().enumerate() {
        let row = FIRST_ROW + k as u32;
        pop_places.insert(
            &p.id,
            Place {
                sheet: w.indicators.clone(),
                row,
            },
        );
        ws.write_string_with_format(row, 0, &p.id, &fm.code)?;
        ws.write_string_with_format(row, 1, p.label.get(lang), &fm.cell_wrap)?;
        let cell = filled.cells.get(p.id.as_str());
        let vf = &fm.decimal;
        let usable = match cell.map(|c| &c.raw) {
            Some(Raw::Number(v)) => {
                ws.write_number_with_format(row, 2, *v, vf)?;
                values::is_valid(*v, ValueType::Decimal)
            }
            Some(Raw::Text(t)) => {
                ws.write_string_with_format(row, 2, t, vf)?;
                false
            }
            _ => {
                ws.write_blank(row, 2, vf)?;
                false
            }
        };
        ws.add_data_validation(
            row,
            2,
            row,
            2,
            &DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, MAX_VALUE))
                .set_input_title(clip(&p.id, 32))?
                .set_input_message(clip(
                    &format!(
                        "{}{}",
                        p.label.get(lang),
                        p.source
                            .as_ref()
                            .map(|s| w.t.fill("source_suffix", &[("source", s.get(lang))]))
                            .unwrap_or_default()
                    ),
                    255,
                ))?,
        )?;
        ws.write_string_with_format(
            row,
            3,
            p.source.as_ref().map(|s| s.get(lang)).unwrap_or(""),
            &fm.cell_wrap,
        )?;
        let v = format!("C{}", row + 1);
        ws.write_formula_with_format(
            row,
            C_USABLE,
            Formula::new(format!(
                "=IF(ISNUMBER({v}),IF(AND({v}>=0,{v}<={}),1,0),0)",
                MAX_VALUE as u64
            ))
            .set_result(bit(usable)),
            &fm.helper,
        )?;
    }
    let start = FIRST_ROW + ir.populations.len() as u32 + 2;
    for (c, key) in [
        (0u16, "h_indicator"),
        (1, "h_title"),
        (2, "h_result"),
        (3, "h_formula"),
        (4, "h_unit"),
        (5, "h_better"),
    ] {
        ws.write_string_with_format(start, c, w.t.get(key), &fm.header)?;
    }
    let results = engine.indicators(sub);
    if ir.indicators.is_empty() {
        ws.merge_range(start + 1, 0, start + 1, 5, &w.t.get("ind_none"), &fm.note)?;
    }
    for (k, (ind, res)) in ir.indicators.iter().zip(&results).enumerate() {
        let row = start + 1 + k as u32;
        ws.write_string_with_format(row, 0, &ind.code, &fm.code)?;
        ws.write_string_with_format(row, 1, ind.title.get(lang), &fm.cell_wrap)?;
        let mut flags = Vec::new();
        let expr = excel_formula(ir, &ind.formula, places, &pop_places, &mut flags);
        let shown = match (res.value, res.undefined) {
            (Some(v), _) => show(v),
            (None, true) => w.undefined.clone(),
            (None, false) => w.missing.clone(),
        };
        let (undefined, missing) = (Words::q(&w.undefined), Words::q(&w.missing));
        let formula = match expr {
            Some(e) if !flags.is_empty() => format!(
                "=IF({}=1,IFERROR(ROUND({e},{}),{undefined}),{missing})",
                flags.join("*"),
                ind.decimals
            ),
            Some(e) => format!("=IFERROR(ROUND({e},{}),{undefined})", ind.decimals),
            None => format!("={missing}"),
        };
        let places_fmt = if ind.decimals > 0 {
            format!("#,##0.{}", "0".repeat(ind.decimals as usize))
        } else {
            "#,##0".to_string()
        };
        let rf = fm
            .number
            .clone()
            .set_num_format(places_fmt)
            .set_align(FormatAlign::Right);
        ws.write_formula_with_format(row, 2, Formula::new(formula).set_result(shown), &rf)?;
        let words = pmf_words::Words::new(ir, lang);
        let formula_words = words.formula(&ind.formula).plain(ir, lang);
        let unit = words
            .result_unit(ind)
            .map(|u| u.plain(ir, lang))
            .unwrap_or_default();
        ws.write_string_with_format(row, 3, &formula_words, &fm.cell_wrap)?;
        ws.write_string_with_format(row, 4, &unit, &fm.cell_wrap)?;
        let pol = w.t.get(match ind.polarity {
            pmf_ir::Polarity::HigherIsBetter => "pol_higher",
            pmf_ir::Polarity::LowerIsBetter => "pol_lower",
            _ => "pol_neither",
        });
        ws.write_string_with_format(row, 5, pol, &fm.cell)?;
        ws.set_row_height(
            row,
            height(ind.title.get(lang), 46, 0).max(height(&formula_words, 38, 0)),
        )?;
    }
    let last = start + 1 + ir.indicators.len().max(1) as u32;
    ws.set_print_area(0, 0, last, 5)?;
    protect(ws);
    Ok(())
}

/// An indicator formula as a spreadsheet formula, in the order `ir::eval` computes it.
fn excel_formula(
    ir: &Ir,
    f: &F,
    places: &BTreeMap<&str, Place>,
    pops: &BTreeMap<&str, Place>,
    flags: &mut Vec<String>,
) -> Option<String> {
    let go = |x: &F, flags: &mut Vec<String>| excel_formula(ir, x, places, pops, flags);
    Some(match f {
        F::Number { value } => show(*value),
        F::Metric { code } => {
            let codes = ir.expand(code);
            if codes.is_empty() {
                return None;
            }
            let mut cells = Vec::new();
            for c in codes {
                let p = places.get(c.as_str())?;
                flags.push(p.cell(C_USABLE));
                cells.push(p.cell(C_VALUE));
            }
            format!("({})", cells.join("+"))
        }
        F::Population { id } => {
            let p = pops.get(id.as_str())?;
            flags.push(p.cell(C_USABLE));
            p.cell(C_VALUE)
        }
        F::Add { lhs, rhs } => format!("({}+{})", go(lhs, flags)?, go(rhs, flags)?),
        F::Sub { lhs, rhs } => format!("({}-{})", go(lhs, flags)?, go(rhs, flags)?),
        F::Mul { lhs, rhs } => format!("({}*{})", go(lhs, flags)?, go(rhs, flags)?),
        F::Div { lhs, rhs } => format!("({}/{})", go(lhs, flags)?, go(rhs, flags)?),
        F::Neg { arg } => format!("(-{})", go(arg, flags)?),
        F::Percent {
            numerator,
            denominator,
        } => {
            format!(
                "(100*({}/{}))",
                go(numerator, flags)?,
                go(denominator, flags)?
            )
        }
        F::Rate {
            numerator,
            population,
            per,
        } => {
            format!(
                "({}*({}/{}))",
                show(*per),
                go(numerator, flags)?,
                go(population, flags)?
            )
        }
        F::Average { total: a, count: b }
        | F::Ratio {
            numerator: a,
            denominator: b,
        } => {
            format!("({}/{})", go(a, flags)?, go(b, flags)?)
        }
    })
}

fn exceptions(
    ws: &mut Worksheet,
    ir: &Ir,
    fm: &Formats,
    w: &Words,
    filled: &Filled,
    failing: &BTreeSet<String>,
) -> Result<(), XlsxError> {
    ws.set_formula_result_default("");
    ws.set_column_width(0, 20)?;
    ws.set_column_width(1, 70)?;
    ws.set_column_width(2, 26)?;
    ws.write_string_with_format(0, 0, w.t.get("exc_title"), &fm.title)?;
    ws.merge_range(1, 0, 1, 2, &w.t.get("exc_note"), &fm.note)?;
    ws.set_row_height(1, 40)?;
    let check = w.t.get("h_check");
    for (c, h) in [
        (0u16, H_RULE.get(w.lang)),
        (1, H_EXPLANATION.get(w.lang)),
        (2, check.as_str()),
    ] {
        ws.write_string_with_format(HEADER_ROW, c, h, &fm.header)?;
    }
    let n_rules = ir.rules.len() as u32;
    let checks = quote_sheet(&w.checks);
    let rules_range = format!(
        "{checks}!$A${}:$A${}",
        FIRST_ROW + 1,
        FIRST_ROW + n_rules.max(1)
    );
    let table = format!(
        "{checks}!$A${}:$G${}",
        FIRST_ROW + 1,
        FIRST_ROW + n_rules.max(1)
    );
    let (no_rule, explains, not_failing) = (
        w.t.get("exc_no_rule"),
        w.t.get("exc_explains"),
        w.t.get("exc_not_failing"),
    );
    for k in 0..EXCEPTION_ROWS {
        let row = FIRST_ROW + k;
        let n = row + 1;
        let x = filled.exceptions.get(k as usize);
        ws.write_string_with_format(
            row,
            0,
            x.map(|x| x.0.as_str()).unwrap_or(""),
            &fm.input_text,
        )?;
        ws.write_string_with_format(
            row,
            1,
            x.map(|x| x.1.as_str()).unwrap_or(""),
            &fm.input_wrap,
        )?;
        let result = match x {
            None => String::new(),
            Some((r, _)) if !ir.rules.iter().any(|x| &x.id == r) => no_rule.clone(),
            Some((r, _)) if failing.contains(r) => explains.clone(),
            Some(_) => not_failing.clone(),
        };
        ws.write_formula_with_format(
            row,
            2,
            Formula::new(format!(
                "=IF(LEN(TRIM(A{n}))=0,\"\",IF(COUNTIF({rules_range},A{n})=0,{},IF(VLOOKUP(A{n},{table},7,FALSE)={},{},{})))",
                Words::q(&no_rule),
                Words::q(&w.fails),
                Words::q(&explains),
                Words::q(&not_failing)
            ))
            .set_result(result),
            &fm.check,
        )?;
        if let Some((_, e)) = x {
            ws.set_row_height(row, height(e, 68, 0))?;
        }
    }
    ws.add_data_validation(
        FIRST_ROW,
        0,
        FIRST_ROW + EXCEPTION_ROWS - 1,
        0,
        &DataValidation::new()
            .allow_list_formula(Formula::new(format!("={rules_range}")))
            .set_input_title(clip(&w.t.get("rule_title"), 32))?
            .set_input_message(w.t.get("rule_input"))?
            .set_error_title(clip(&w.t.get("rule_error_title"), 32))?
            .set_error_message(w.t.get("rule_error"))?
            .set_error_style(DataValidationErrorStyle::Warning),
    )?;
    ws.set_print_area(0, 0, FIRST_ROW + EXCEPTION_ROWS, 2)?;
    protect(ws);
    Ok(())
}

/// The counts the Cover and the Checks sheet show, for the stored results.
struct Counts {
    fail: usize,
    errors: usize,
    todo: usize,
    other_errors: usize,
}

impl Counts {
    fn of(ir: &Ir, failing: &BTreeSet<String>, excepted: &BTreeSet<&str>) -> Counts {
        let fails = |r: &&Rule| failing.contains(&r.id);
        let open_error = |r: &&Rule| {
            r.severity == pmf_ir::RuleSeverity::Error && !excepted.contains(r.id.as_str())
        };
        Counts {
            fail: ir.rules.iter().filter(fails).count(),
            errors: ir.rules.iter().filter(fails).filter(open_error).count(),
            todo: ir
                .rules
                .iter()
                .filter(fails)
                .filter(|r| r.kind == RuleKind::Required)
                .count(),
            other_errors: ir
                .rules
                .iter()
                .filter(fails)
                .filter(open_error)
                .filter(|r| r.kind != RuleKind::Required)
                .count(),
        }
    }

    /// What the Cover's formula shows (the same words, chosen the same way).
    fn state(&self, w: &Words) -> String {
        if self.fail == 0 {
            return w.t.get("state_complete");
        }
        if self.todo == 0 && self.other_errors == 0 {
            return w.t.get("state_no_error");
        }
        let mut s = String::new();
        if self.todo > 0 {
            s.push_str(&w.t.count("count.state_todo", self.todo));
            s.push(' ');
        }
        if self.other_errors > 0 {
            s.push_str(&w.t.count("count.state_errors", self.other_errors));
        }
        excel_trim(&s)
    }
}
