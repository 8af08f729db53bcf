//! The director's annual report of one authority: per quality standard, each measure's
//! description and code, its figures year by year with their units and flags, notes, and the
//! direction of the latest change.
//!
//! Figures across editions: a code of the newest edition is followed back through the edition's
//! `series` (its `was` chains); where the series does not reach an earlier edition, the figure
//! there is either a break in series (the code, or what it continues, counted something else:
//! the earlier figure is shown marked `b`, with a note naming its code) or a new measure (the
//! code did not exist: `n`).

use crate::panel::{Editions, Flag, Observation, Panel, WALES};
use crate::strings::Strings;
use pmf_ir::diff::Category;
use pmf_ir::{authorities, Ir, Lang, Polarity, ReportDefinition, ReportMeasure};
use serde::Serialize;

/// What to report.
#[derive(Clone, Debug)]
pub struct Options {
    /// The authority's ONS code (or Wales).
    pub authority: String,
    /// How many years to show, the latest last (at least 1).
    pub years: usize,
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DirectorReport {
    pub authority: String,
    pub authority_name: String,
    pub title: String,
    /// The years shown, oldest first.
    pub years: Vec<String>,
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
    /// The flags that occur, in key order.
    pub flags: Vec<Flag>,
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub standard: String,
    pub number: Option<String>,
    pub title: String,
    pub notes: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Metric,
    Indicator,
    Local,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub code: String,
    pub kind: RowKind,
    pub description: String,
    pub unit: String,
    /// One per year shown.
    pub cells: Vec<Cell>,
    pub direction: Option<Direction>,
    /// Notes on the measure itself (a local measure's definition and notes).
    pub notes: Vec<String>,
}

impl Section {
    /// The notes of the section's measures, each with its measure's code, in the rows' order:
    /// what every format prints under the section's table.
    pub fn notes(&self) -> Vec<(&str, &str)> {
        self.rows
            .iter()
            .flat_map(|r| r.all_notes().into_iter().map(move |n| (r.code.as_str(), n)))
            .collect()
    }
}

impl Row {
    /// Every note: the measure's, then each year's.
    pub fn all_notes(&self) -> Vec<&str> {
        self.notes
            .iter()
            .chain(self.cells.iter().flat_map(|c| c.notes.iter()))
            .map(String::as_str)
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub figure: Option<f64>,
    /// The figure as printed (rounded, with thousands separators), empty when there is none.
    pub shown: String,
    pub flags: Vec<Flag>,
    /// What the figure's year says about it: the reason it is missing, its date, comments.
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Improved,
    Worsened,
    Increased,
    Decreased,
    Unchanged,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Improved => "direction_improved",
            Direction::Worsened => "direction_worsened",
            Direction::Increased => "direction_increased",
            Direction::Decreased => "direction_decreased",
            Direction::Unchanged => "direction_unchanged",
        }
    }
}

/// A value worked out for one year, before it is printed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Value {
    pub(crate) figure: Option<f64>,
    pub(crate) flags: Vec<Flag>,
    pub(crate) notes: Vec<String>,
}

impl Value {
    pub(crate) fn flag(&mut self, f: Flag) {
        if !self.flags.contains(&f) {
            self.flags.push(f);
            self.flags.sort();
        }
    }
}

/// Where a code of the newest edition stands in an earlier one.
enum Trace {
    /// These codes (summed) are its figure there.
    Codes(Vec<String>),
    /// It continues something that counted something else: these codes, for reference.
    Break(Vec<String>),
    /// It did not exist.
    New,
}

fn trace(newest: &Ir, then: &Ir, code: &str) -> Trace {
    if newest.edition.id == then.edition.id {
        return Trace::Codes(vec![code.to_string()]);
    }
    if let Some(step) = newest
        .series
        .iter()
        .find(|s| s.code == code)
        .and_then(|s| s.continues.iter().find(|st| st.edition == then.edition.id))
    {
        return Trace::Codes(step.codes.clone());
    }
    let metric = newest
        .data_items
        .iter()
        .find(|d| d.code == code)
        .map(|d| d.metric.clone())
        .unwrap_or_else(|| code.to_string());
    // Only the step from the edition `newest` supersedes is recorded as changes.
    if newest.edition.supersedes.as_deref() == Some(then.edition.id.as_str()) {
        let broken = newest.changes.iter().find(|c| {
            (c.code == code || c.code == metric) && c.category == Category::BreakingSeries
        });
        if let Some(c) = broken {
            let known = |x: &str| then.data_item(x).is_some() || then.metric(x).is_some();
            let from: Vec<String> = if c.from.iter().all(|f| known(f)) && !c.from.is_empty() {
                c.from.clone()
            } else if known(code) {
                vec![code.to_string()]
            } else {
                Vec::new()
            };
            return Trace::Break(from);
        }
    }
    if then.data_item(code).is_some() || then.metric(code).is_some() {
        Trace::Break(vec![code.to_string()])
    } else {
        Trace::New
    }
}

/// The Welsh (or English) of a spec text.
pub(crate) fn text(t: &pmf_ir::Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

pub(crate) struct Builder<'a> {
    pub(crate) editions: &'a Editions<'a>,
    pub(crate) panel: &'a Panel,
    pub(crate) s: &'a Strings,
    pub(crate) authority: &'a str,
}

impl Builder<'_> {
    /// The observed value of codes of the edition of `year` (summed; partitions by items).
    fn observed(&self, ir: &Ir, year: &str, codes: &[String]) -> Value {
        let mut v = Value {
            figure: Some(0.0),
            ..Value::default()
        };
        let mut parts: Vec<String> = Vec::new();
        for c in codes {
            let expanded = ir.expand(c);
            if expanded.is_empty() {
                parts.push(c.clone());
            } else {
                parts.extend(expanded);
            }
        }
        for c in &parts {
            match self.panel.get(self.authority, year, c) {
                Some(o) => self.take(&mut v, year, o),
                None => {
                    v.figure = None;
                    v.flag(Flag::NotAvailable);
                }
            }
        }
        v.notes.dedup();
        v
    }

    fn take(&self, v: &mut Value, year: &str, o: &Observation) {
        match (v.figure, o.figure) {
            (Some(a), Some(b)) => v.figure = Some(a + b),
            _ => v.figure = None,
        }
        for f in &o.flags {
            v.flag(*f);
        }
        if let Some(r) = &o.reason {
            v.notes
                .push(self.s.fill("note_reason", &[("year", year), ("reason", r)]));
        }
        if let Some(d) = &o.to_date {
            v.notes
                .push(self.s.fill("note_to_date", &[("year", year), ("date", d)]));
        }
        if let Some(c) = &o.comment {
            v.notes.push(
                self.s
                    .fill("note_comment", &[("year", year), ("comment", c)]),
            );
        }
    }

    /// The edition of an authority's return for a year.
    fn edition_of(&self, year: &str) -> Option<&Ir> {
        let r = self
            .panel
            .returns
            .get(&(self.authority.to_string(), year.to_string()))?;
        self.editions.get(&r.edition)
    }

    /// A national metric or item code of the newest edition, in a year.
    fn code_value(&self, newest: &Ir, code: &str, year: &str) -> Value {
        let Some(then) = self.edition_of(year) else {
            let mut v = Value::default();
            v.flag(Flag::NotAvailable);
            v.notes
                .push(self.s.fill("note_no_return", &[("year", year)]));
            return v;
        };
        match trace(newest, then, code) {
            Trace::Codes(codes) => self.observed(then, year, &codes),
            Trace::Break(codes) if codes.is_empty() => Value {
                flags: vec![Flag::Break],
                ..Value::default()
            },
            Trace::Break(codes) => {
                // The earlier figure counted something else: marked, with its code.
                let mut v = self.observed(then, year, &codes);
                let c = codes.join(" + ");
                v.notes.push(self.s.fill(
                    "note_break_before",
                    &[("year", year), ("codes", &c), ("edition", &then.edition.id)],
                ));
                v.flag(Flag::Break);
                v
            }
            Trace::New => Value {
                flags: vec![Flag::New],
                ..Value::default()
            },
        }
    }

    /// An indicator of the newest edition in a year: its formula on that year's figures, each
    /// input followed back through the series.
    fn indicator_value(&self, newest: &Ir, ind: &pmf_ir::Indicator, year: &str) -> Value {
        let inputs = match self.indicator_inputs(newest, ind, year) {
            Ok(inputs) => inputs,
            Err(v) => return v,
        };
        let mut out = Value::default();
        for (_, v) in &inputs {
            for f in &v.flags {
                out.flag(*f);
            }
            for n in &v.notes {
                if !out.notes.contains(n) {
                    out.notes.push(n.clone());
                }
            }
        }
        let lookup = |c: &str| -> Option<f64> {
            inputs
                .iter()
                .find(|(k, _)| k == c)
                .and_then(|(_, v)| v.figure)
        };
        match ind.formula.eval(&lookup) {
            Ok(x) => {
                out.figure = Some(pmf_ir::eval::round(x, ind.decimals));
                // A figure of an indicator is available even where an input is flagged x.
                out.flags.retain(|f| *f != Flag::NotAvailable);
            }
            Err(pmf_ir::eval::EvalError::DivisionByZero) => {
                out.flag(Flag::NotApplicable);
                out.notes
                    .push(self.s.fill("note_zero_denominator", &[("year", year)]));
            }
            Err(pmf_ir::eval::EvalError::Missing(_)) => out.flag(Flag::NotAvailable),
        }
        out
    }

    /// The inputs of an indicator in a year (its codes followed back through the series, then
    /// its populations as the returns give them), or, when there is no figure to compute (no
    /// return, a break in series, a new measure), the value to show instead.
    pub(crate) fn indicator_inputs(
        &self,
        newest: &Ir,
        ind: &pmf_ir::Indicator,
        year: &str,
    ) -> Result<Vec<(String, Value)>, Value> {
        let Some(then) = self.edition_of(year) else {
            let mut v = Value::default();
            v.flag(Flag::NotAvailable);
            v.notes
                .push(self.s.fill("note_no_return", &[("year", year)]));
            return Err(v);
        };
        let mut inputs: Vec<(String, Value)> = Vec::new();
        let mut status: Option<Flag> = None;
        for c in &ind.inputs {
            let v = match trace(newest, then, c) {
                Trace::Codes(codes) => self.observed(then, year, &codes),
                Trace::Break(_) => {
                    status = Some(Flag::Break);
                    Value::default()
                }
                Trace::New => {
                    status.get_or_insert(Flag::New);
                    Value::default()
                }
            };
            inputs.push((c.clone(), v));
        }
        for p in &ind.populations {
            let mut v = Value {
                figure: Some(0.0),
                ..Value::default()
            };
            match self.panel.get(self.authority, year, p) {
                Some(o) => self.take(&mut v, year, o),
                None => {
                    v.figure = None;
                    v.flag(Flag::NotAvailable);
                }
            }
            inputs.push((p.clone(), v));
        }
        if let Some(f) = status {
            let mut out = Value::default();
            out.flag(f);
            return Err(out);
        }
        Ok(inputs)
    }

    fn local_value(&self, code: &str, year: &str) -> Value {
        let mut v = Value {
            figure: Some(0.0),
            ..Value::default()
        };
        match self.panel.get(self.authority, year, code) {
            Some(o) => self.take(&mut v, year, o),
            None => {
                v.figure = None;
                v.flag(Flag::NotAvailable);
            }
        }
        v
    }
}

fn show(v: f64, decimals: Option<u32>) -> String {
    match decimals {
        Some(d) => {
            let r = pmf_ir::eval::round(v, d);
            let s = format!("{r:.0$}", d as usize);
            match s.split_once('.') {
                Some((int, frac)) => {
                    format!(
                        "{}.{frac}",
                        pmf_words::thousands(int.parse().unwrap_or(0.0))
                    )
                }
                None => pmf_words::thousands(r),
            }
        }
        None => pmf_words::thousands(v),
    }
}

fn direction(cells: &[Cell], polarity: Option<Polarity>) -> Option<Direction> {
    let [.., before, last] = cells else {
        return None;
    };
    let comparable = |c: &Cell| {
        c.figure.is_some()
            && !c
                .flags
                .iter()
                .any(|f| matches!(f, Flag::PartYear | Flag::NotAvailable | Flag::NotApplicable))
    };
    let broken = |c: &Cell| c.flags.iter().any(|f| matches!(f, Flag::Break | Flag::New));
    if !comparable(before) || !comparable(last) || broken(before) || broken(last) {
        return None;
    }
    let (a, b) = (before.figure?, last.figure?);
    Some(if b == a {
        Direction::Unchanged
    } else {
        match (polarity, b > a) {
            (Some(Polarity::HigherIsBetter), true) | (Some(Polarity::LowerIsBetter), false) => {
                Direction::Improved
            }
            (Some(Polarity::HigherIsBetter), false) | (Some(Polarity::LowerIsBetter), true) => {
                Direction::Worsened
            }
            (_, true) => Direction::Increased,
            (_, false) => Direction::Decreased,
        }
    })
}

/// Builds the report. `definition` picks and orders the measures; without one, the
/// edition's own mapping of measures to standards is used.
pub fn director_report(
    editions: &Editions,
    definition: Option<&ReportDefinition>,
    panel: &Panel,
    opts: &Options,
) -> Result<DirectorReport, String> {
    let newest = editions
        .newest()
        .ok_or_else(|| "there is no edition to report under".to_string())?;
    let s = Strings::new(opts.lang);
    let authority = opts.authority.as_str();
    let authority_name = if authority == WALES {
        s.get("wales")
    } else {
        authorities::by_code(authority)
            .map(|a| match opts.lang {
                Lang::En => a.name.to_string(),
                Lang::Cy => a.name_cy.to_string(),
            })
            .unwrap_or_else(|| authority.to_string())
    };
    let all_years = panel.years(authority);
    if all_years.is_empty() {
        return Err(format!(
            "no return of {authority_name} ({authority}) was read, so there is nothing to report"
        ));
    }
    let n = opts.years.max(1);
    let latest = all_years.last().cloned().unwrap_or_default();
    let years = years_back(&latest, n);
    let b = Builder {
        editions,
        panel,
        s: &s,
        authority,
    };

    let sections_src: Vec<(String, Vec<ReportMeasure>, Vec<String>)> = match definition {
        Some(d) => d
            .sections
            .iter()
            .map(|sec| {
                (
                    sec.standard.clone(),
                    sec.measures.clone(),
                    sec.notes
                        .iter()
                        .map(|r| pmf_ir::rich::plain_blocks(r.blocks(opts.lang)))
                        .collect(),
                )
            })
            .collect(),
        None => {
            if newest
                .quality_standards
                .iter()
                .all(|q| q.measures.is_empty())
            {
                return Err(format!(
                    "the edition {} puts no measure under a quality standard; give a report definition (--definition FILE) that does",
                    newest.edition.id
                ));
            }
            newest
                .quality_standards
                .iter()
                .map(|q| {
                    (
                        q.id.clone(),
                        q.measures
                            .iter()
                            .map(|c| ReportMeasure::National { code: c.clone() })
                            .collect(),
                        Vec::new(),
                    )
                })
                .collect()
        }
    };

    let mut sections = Vec::new();
    let mut used: Vec<Flag> = Vec::new();
    for (std_id, measures, notes) in sections_src {
        let q = newest.quality_standard(&std_id);
        let mut rows = Vec::new();
        for m in &measures {
            let row = match m {
                ReportMeasure::National { code } => {
                    if let Some(ind) = newest.indicator(code) {
                        let values: Vec<Value> = years
                            .iter()
                            .map(|y| b.indicator_value(newest, ind, y))
                            .collect();
                        let unit = pmf_words::Words::new(newest, opts.lang)
                            .result_unit(ind)
                            .map(|p| p.plain(newest, opts.lang))
                            .unwrap_or_default();
                        make_row(
                            code,
                            RowKind::Indicator,
                            text(&ind.title, opts.lang),
                            unit,
                            values,
                            Some(ind.decimals),
                            Some(ind.polarity),
                        )
                    } else {
                        let Some(item) = newest.data_item(code).cloned().or_else(|| {
                            // A partition reported by its items: the metric itself.
                            newest.metric(code).map(|m| pmf_ir::DataItem {
                                code: m.code.clone(),
                                metric: m.code.clone(),
                                part: m.part.clone(),
                                group: m.group.clone(),
                                wording: m.wording.clone(),
                                lead_in: None,
                                value_type: m.value_type,
                                unit: m.measure.unit.clone(),
                                timing: m.timing.kind,
                                parent: None,
                                depth: 0,
                            })
                        }) else {
                            return Err(format!(
                                "the report definition shows {code}, which edition {} does not have",
                                newest.edition.id
                            ));
                        };
                        let values: Vec<Value> = years
                            .iter()
                            .map(|y| b.code_value(newest, code, y))
                            .collect();
                        let description = match &item.lead_in {
                            Some(l) => {
                                format!("{} {}", text(l, opts.lang), text(&item.wording, opts.lang))
                            }
                            None => text(&item.wording, opts.lang),
                        };
                        let unit = newest
                            .unit(&item.unit)
                            .map(|u| text(&u.label, opts.lang))
                            .unwrap_or_else(|| item.unit.clone());
                        let decimals = match item.value_type {
                            pmf_ir::ValueType::Whole => None,
                            pmf_ir::ValueType::Decimal => Some(2),
                        };
                        make_row(
                            code,
                            RowKind::Metric,
                            description,
                            unit,
                            values,
                            decimals,
                            None,
                        )
                    }
                }
                ReportMeasure::Local(l) => {
                    let values: Vec<Value> =
                        years.iter().map(|y| b.local_value(&l.code, y)).collect();
                    let mut row = make_row(
                        &l.code,
                        RowKind::Local,
                        text(&l.wording, opts.lang),
                        text(&l.unit, opts.lang),
                        values,
                        l.decimals,
                        Some(l.polarity),
                    );
                    if let Some(d) = &l.definition {
                        row.notes.insert(
                            0,
                            s.fill(
                                "note_definition",
                                &[("text", &pmf_ir::rich::plain_blocks(d.blocks(opts.lang)))],
                            ),
                        );
                    }
                    row.notes.extend(
                        l.notes
                            .iter()
                            .map(|n| pmf_ir::rich::plain_blocks(n.blocks(opts.lang))),
                    );
                    row
                }
            };
            for c in &row.cells {
                for f in &c.flags {
                    if !used.contains(f) {
                        used.push(*f);
                    }
                }
            }
            rows.push(row);
        }
        sections.push(Section {
            standard: std_id.clone(),
            number: q.and_then(|q| q.number.clone()),
            title: q
                .map(|q| text(&q.title, opts.lang))
                .unwrap_or_else(|| std_id.clone()),
            notes,
            rows,
        });
    }
    used.sort();
    let title = definition
        .and_then(|d| d.title.as_ref())
        .map(|t| text(t, opts.lang))
        .unwrap_or_else(|| s.fill("report_title", &[("authority", &authority_name)]));
    Ok(DirectorReport {
        authority: authority.to_string(),
        authority_name,
        title,
        years,
        notes: definition
            .map(|d| {
                d.notes
                    .iter()
                    .map(|r| pmf_ir::rich::plain_blocks(r.blocks(opts.lang)))
                    .collect()
            })
            .unwrap_or_default(),
        sections,
        flags: used,
        lang: opts.lang,
    })
}

fn make_row(
    code: &str,
    kind: RowKind,
    description: String,
    unit: String,
    values: Vec<Value>,
    decimals: Option<u32>,
    polarity: Option<Polarity>,
) -> Row {
    let cells: Vec<Cell> = values
        .into_iter()
        .map(|v| {
            let mut notes: Vec<String> = Vec::new();
            for n in v.notes {
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
            Cell {
                figure: v.figure,
                shown: v.figure.map(|x| show(x, decimals)).unwrap_or_default(),
                flags: v.flags,
                notes,
            }
        })
        .collect();
    let direction = direction(&cells, polarity);
    Row {
        code: code.to_string(),
        kind,
        description,
        unit,
        cells,
        direction,
        notes: Vec::new(),
    }
}

/// The `n` financial years up to `latest` (`2021-22`), oldest first.
pub(crate) fn years_back(latest: &str, n: usize) -> Vec<String> {
    let start: i32 = latest.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    (0..n as i32)
        .rev()
        .map(|k| {
            let y = start - k;
            format!("{y}-{:02}", (y + 1).rem_euclid(100))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_go_back_from_the_latest() {
        assert_eq!(years_back("2021-22", 3), ["2019-20", "2020-21", "2021-22"]);
        assert_eq!(years_back("2000-01", 2), ["1999-00", "2000-01"]);
    }

    #[test]
    fn direction_follows_polarity() {
        let cell = |x: f64| Cell {
            figure: Some(x),
            shown: String::new(),
            flags: Vec::new(),
            notes: Vec::new(),
        };
        let up = [cell(1.0), cell(2.0)];
        assert_eq!(
            direction(&up, Some(Polarity::HigherIsBetter)),
            Some(Direction::Improved)
        );
        assert_eq!(
            direction(&up, Some(Polarity::LowerIsBetter)),
            Some(Direction::Worsened)
        );
        assert_eq!(
            direction(&up, Some(Polarity::Neither)),
            Some(Direction::Increased)
        );
        assert_eq!(direction(&up, None), Some(Direction::Increased));
        let mut part = up.clone();
        part[1].flags.push(Flag::PartYear);
        assert_eq!(direction(&part, None), None);
        assert_eq!(show(1234.5, Some(1)), "1,234.5");
        assert_eq!(show(1234.0, None), "1,234");
        assert_eq!(show(0.25, Some(0)), "0");
    }
}
