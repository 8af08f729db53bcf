//! The national comparison: per derived indicator, the 22 authorities and Wales, each with its
//! numerator, denominator, value and 95% confidence interval (Wilson for a percentage, exact
//! Poisson for a rate per N of a population), and its place on a funnel plot around the Wales
//! value (Spiegelhalter's limits at 95% and 99.8%), worded with the indicator's polarity.
//! Authorities come in the fixed ONS order, never ranked: a value outside the limits is a flag
//! to dig deeper, not a verdict.
//!
//! Wales (W92000004) is the Wales return's figure where one is read and gives every input;
//! otherwise the sum of the authorities' numerators over the sum of their denominators (the
//! authorities with a full-year figure; a note says when some are missing).
//!
//! Populations: with a populations file (`Populations::read`), every population comes from it
//! and only from it (one source for every authority, as the rates are compared); without one,
//! from the population figures of the returns, as the director's report does.

use crate::panel::{Editions, Flag, Panel, WALES};
use crate::report::{text, years_back, Builder, Value};
use crate::strings::Strings;
use pmf_ir::{authorities, Formula, Indicator, Ir, Lang};
use pmf_stats::{Band, Level, Measure, Outcome};
use serde::Serialize;
use std::collections::BTreeMap;

/// The populations file: (authority, year, population) → the number of people.
#[derive(Clone, Debug, Default)]
pub struct Populations {
    /// The file's name, as given.
    pub file: String,
    values: BTreeMap<(String, String, String), f64>,
}

/// The most errors reported for one populations file.
const MAX_ERRORS: usize = 20;

/// The fields of one CSV record, each with the column (in characters, from 1) it starts at.
type Record = Vec<(String, usize)>;

/// Splits CSV text (RFC 4180: quotes doubled inside quoted fields) into records, each with the
/// line it starts on. An unclosed quote is an error at the quote.
fn records(text: &str) -> Result<Vec<(usize, Record)>, (usize, usize, String)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut col = 1;
    let mut chars = text.chars().peekable();
    let mut record: Record = Vec::new();
    let mut record_line = 1;
    let mut field = String::new();
    let mut field_col = 1;
    let mut at_field_start = true;
    loop {
        let Some(c) = chars.next() else {
            if !record.is_empty() || !field.is_empty() || !at_field_start {
                record.push((std::mem::take(&mut field), field_col));
            }
            if !record.is_empty() {
                out.push((record_line, record));
            }
            return Ok(out);
        };
        match c {
            '"' if at_field_start => {
                let (qline, qcol) = (line, col);
                col += 1;
                loop {
                    match chars.next() {
                        None => {
                            return Err((
                                qline,
                                qcol,
                                "this quoted field is not closed; end it with a \"".to_string(),
                            ))
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                            col += 2;
                        }
                        Some('"') => {
                            col += 1;
                            break;
                        }
                        Some('\n') => {
                            field.push('\n');
                            line += 1;
                            col = 1;
                        }
                        Some(c) => {
                            field.push(c);
                            col += 1;
                        }
                    }
                }
                at_field_start = false;
            }
            ',' => {
                record.push((std::mem::take(&mut field), field_col));
                col += 1;
                field_col = col;
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if !record.is_empty() || !field.is_empty() || !at_field_start {
                    record.push((std::mem::take(&mut field), field_col));
                }
                if !record.is_empty() {
                    out.push((record_line, std::mem::take(&mut record)));
                }
                line += 1;
                col = 1;
                field_col = 1;
                record_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                col += 1;
                at_field_start = false;
            }
        }
    }
}

impl Populations {
    /// Reads a populations file: a CSV with the columns `authority` (an ONS code or name, or
    /// Wales), `year` (or `period`: a financial year such as 2021-22), `population` (the id of
    /// a `population` the spec declares) and `value` (a number of people). Every error names
    /// `file:line:column` and what to do; all of them (up to 20) are returned.
    pub fn read(file: &str, bytes: &[u8], declared: &[String]) -> Result<Populations, Vec<String>> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            vec![format!(
                "{file}: the file is not UTF-8 text (byte {}); save it as CSV UTF-8",
                e.valid_up_to() + 1
            )]
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let recs = records(text).map_err(|(l, c, m)| vec![format!("{file}:{l}:{c}: {m}")])?;
        let Some((head_line, head)) = recs.first() else {
            return Err(vec![format!(
                "{file}: the file is empty; give a header line authority,year,population,value and a line per authority, year and population"
            )]);
        };
        let wanted = ["authority", "year", "population", "value"];
        let mut index: [Option<usize>; 4] = [None; 4];
        let mut errors = Vec::new();
        for (i, (name, col)) in head.iter().enumerate() {
            let n = name.trim().to_ascii_lowercase();
            let n = if n == "period" { "year".to_string() } else { n };
            match wanted.iter().position(|w| *w == n) {
                Some(k) if index[k].is_none() => index[k] = Some(i),
                Some(_) => errors.push(format!(
                    "{file}:{head_line}:{col}: the column {:?} is given twice; keep one",
                    name.trim()
                )),
                None => errors.push(format!(
                    "{file}:{head_line}:{col}: the column {:?} is not one of authority, year (or period), population, value; remove or rename it",
                    name.trim()
                )),
            }
        }
        for (k, w) in wanted.iter().enumerate() {
            if index[k].is_none() {
                errors.push(format!(
                    "{file}:{head_line}:1: the header has no column {w:?}; the columns are authority, year, population, value"
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let idx = index.map(|i| i.unwrap_or(0));
        let mut values: BTreeMap<(String, String, String), f64> = BTreeMap::new();
        let mut first_line: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for (line, rec) in recs.iter().skip(1) {
            if errors.len() >= MAX_ERRORS {
                break;
            }
            if rec.iter().all(|(f, _)| f.trim().is_empty()) {
                continue;
            }
            let last_col = rec.last().map(|(f, c)| c + f.chars().count()).unwrap_or(1);
            let field = |k: usize| -> (&str, usize) {
                match rec.get(idx[k]) {
                    Some((f, c)) => (f.trim(), *c),
                    None => ("", last_col),
                }
            };
            let (a, ac) = field(0);
            let (y, yc) = field(1);
            let (p, pc) = field(2);
            let (v, vc) = field(3);
            let authority = crate::panel::authority_code(a);
            if authority.is_none() {
                errors.push(format!(
                    "{file}:{line}:{ac}: {a:?} is not a Welsh local authority or Wales; give an ONS code (W06000015), a name (Cardiff), or W92000004 for Wales"
                ));
            }
            let year_ok = pmf_return::engine::is_period(y);
            if !year_ok {
                errors.push(format!(
                    "{file}:{line}:{yc}: {y:?} is not a financial year; write it as 2021-22"
                ));
            }
            let pop_ok = declared.iter().any(|d| d == p);
            if !pop_ok {
                errors.push(format!(
                    "{file}:{line}:{pc}: {p:?} is not a population the spec declares; use one of {}",
                    declared.join(", ")
                ));
            }
            let value = pmf_return::values::parse_figure(v).filter(|x| x.is_finite() && *x >= 0.0);
            if value.is_none() {
                errors.push(format!(
                    "{file}:{line}:{vc}: {v:?} is not a number of people; give a whole number such as 140000 (no text, no negative number)"
                ));
            }
            if let (Some(a), true, true, Some(v)) = (authority, year_ok, pop_ok, value) {
                let key = (a, y.to_string(), p.to_string());
                if let Some(first) = first_line.get(&key) {
                    errors.push(format!(
                        "{file}:{line}:{ac}: a second {p} for {} {y} (the first is on line {first}); keep one",
                        key.0
                    ));
                } else {
                    first_line.insert(key.clone(), *line);
                    values.insert(key, v);
                }
            }
        }
        if !errors.is_empty() {
            errors.truncate(MAX_ERRORS);
            return Err(errors);
        }
        if values.is_empty() {
            return Err(vec![format!(
                "{file}:{head_line}:1: the file has a header but no population; add a line per authority, year and population"
            )]);
        }
        Ok(Populations {
            file: file.to_string(),
            values,
        })
    }

    pub fn get(&self, authority: &str, year: &str, population: &str) -> Option<f64> {
        self.values
            .get(&(
                authority.to_string(),
                year.to_string(),
                population.to_string(),
            ))
            .copied()
    }
}

/// What to compare.
#[derive(Clone, Debug)]
pub struct NationalOptions {
    /// How many years, the latest year of the returns last (at least 1).
    pub years: usize,
    /// Only these indicators (codes), in the edition's order; all when empty.
    pub indicators: Vec<String>,
    pub lang: Lang,
}

/// How an indicator's interval and funnel are computed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// A percentage: Wilson score interval, binomial funnel.
    Wilson,
    /// A rate per `per` of a population: exact Poisson interval and funnel.
    Poisson { per: f64 },
    /// An average or a ratio of different units: the value only (the returns hold no spread).
    ValueOnly,
}

/// One authority (or Wales) in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub authority: String,
    pub name: String,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The value in the units shown (a percentage, a rate per N, an average).
    pub value: Option<f64>,
    /// The 95% confidence interval, in the units shown.
    pub interval: Option<(f64, f64)>,
    pub band: Option<Band>,
    pub outcome: Option<Outcome>,
    /// The comparison with Wales as worded, or why there is none.
    pub comparison: String,
    pub flags: Vec<Flag>,
    pub notes: Vec<String>,
}

/// One indicator in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearComparison {
    pub year: String,
    pub wales: Figure,
    /// The 22 authorities, in ONS code order.
    pub authorities: Vec<Figure>,
    /// The Wales value in the measure's units (a proportion, a rate per N), when the funnel
    /// can be drawn around it.
    pub target: Option<f64>,
    /// The method and its parameters, as printed with the table and the chart.
    pub method: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorComparison {
    pub code: String,
    pub title: String,
    pub unit: String,
    /// The quality standards it reports under: (id, number).
    pub standards: Vec<(String, Option<String>)>,
    pub polarity: pmf_ir::Polarity,
    pub decimals: u32,
    pub method: Method,
    /// What the numerator and the denominator are (the formula's parts as written).
    pub numerator_text: String,
    pub denominator_text: String,
    /// One per year, oldest first.
    pub years: Vec<YearComparison>,
}

impl IndicatorComparison {
    pub fn latest(&self) -> Option<&YearComparison> {
        self.years.last()
    }

    /// The measure of pmf-stats, when intervals and a funnel are computed.
    pub fn measure(&self) -> Option<Measure> {
        match self.method {
            Method::Wilson => Some(Measure::Proportion),
            Method::Poisson { per } => Some(Measure::Rate { per }),
            Method::ValueOnly => None,
        }
    }

    pub fn stats_polarity(&self) -> pmf_stats::Polarity {
        match self.polarity {
            pmf_ir::Polarity::HigherIsBetter => pmf_stats::Polarity::HigherIsBetter,
            pmf_ir::Polarity::LowerIsBetter => pmf_stats::Polarity::LowerIsBetter,
            pmf_ir::Polarity::Neither => pmf_stats::Polarity::None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardInfo {
    pub id: String,
    pub number: Option<String>,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NationalComparison {
    pub title: String,
    /// The years compared, oldest first.
    pub years: Vec<String>,
    pub edition: String,
    /// Where the populations come from: the file, or the returns.
    pub populations: String,
    pub standards: Vec<StandardInfo>,
    pub indicators: Vec<IndicatorComparison>,
    /// The flags that occur, in key order.
    pub flags: Vec<Flag>,
    pub lang: Lang,
}

/// The formula's numerator and denominator, and the method, of an indicator.
fn parts(f: &Formula) -> Option<(&Formula, &Formula, Method)> {
    match f {
        Formula::Percent {
            numerator,
            denominator,
        } => Some((numerator, denominator, Method::Wilson)),
        Formula::Rate {
            numerator,
            population,
            per,
        } => Some((numerator, population, Method::Poisson { per: *per })),
        Formula::Average { total, count } => Some((total, count, Method::ValueOnly)),
        Formula::Ratio {
            numerator,
            denominator,
        } => Some((numerator, denominator, Method::ValueOnly)),
        _ => None,
    }
}

/// A formula written back with codes.
fn formula_text(f: &Formula) -> String {
    match f {
        Formula::Number { value } => pmf_return::values::show(*value),
        Formula::Metric { code } => code.clone(),
        Formula::Population { id } => id.clone(),
        Formula::Add { lhs, rhs } => format!("{} + {}", formula_text(lhs), formula_text(rhs)),
        Formula::Sub { lhs, rhs } => format!("{} - ({})", formula_text(lhs), formula_text(rhs)),
        Formula::Mul { lhs, rhs } => format!("({}) * ({})", formula_text(lhs), formula_text(rhs)),
        Formula::Div { lhs, rhs } => format!("({}) / ({})", formula_text(lhs), formula_text(rhs)),
        Formula::Neg { arg } => format!("-({})", formula_text(arg)),
        Formula::Percent { .. }
        | Formula::Rate { .. }
        | Formula::Average { .. }
        | Formula::Ratio { .. } => "…".to_string(),
    }
}

/// Numerator and denominator of one authority or Wales in one year, before comparison.
struct Raw {
    numerator: Option<f64>,
    denominator: Option<f64>,
    flags: Vec<Flag>,
    notes: Vec<String>,
    /// Why there is no figure (worded).
    missing: Option<String>,
}

struct Computer<'a> {
    editions: &'a Editions<'a>,
    panel: &'a Panel,
    s: &'a Strings,
    populations: Option<&'a Populations>,
}

impl Computer<'_> {
    fn raw(&self, newest: &Ir, ind: &Indicator, authority: &str, year: &str) -> Raw {
        let b = Builder {
            editions: self.editions,
            panel: self.panel,
            s: self.s,
            authority,
        };
        let (num_f, den_f, _) = match parts(&ind.formula) {
            Some(p) => p,
            None => {
                return Raw {
                    numerator: None,
                    denominator: None,
                    flags: Vec::new(),
                    notes: Vec::new(),
                    missing: Some(self.s.get("nat_not_a_ratio")),
                }
            }
        };
        let mut inputs = match b.indicator_inputs(newest, ind, year) {
            Ok(i) => i,
            Err(v) => {
                let why = if v.flags.contains(&Flag::Break) {
                    self.s.get("nat_missing_break")
                } else if v.flags.contains(&Flag::New) {
                    self.s.get("nat_missing_new")
                } else {
                    self.s.fill("note_no_return", &[("year", year)])
                };
                return Raw {
                    numerator: None,
                    denominator: None,
                    flags: v.flags,
                    notes: Vec::new(),
                    missing: Some(why),
                };
            }
        };
        let mut pop_missing: Vec<String> = Vec::new();
        if let Some(pops) = self.populations {
            for (code, v) in inputs.iter_mut() {
                if ind.populations.contains(code) {
                    *v = Value::default();
                    match pops.get(authority, year, code) {
                        Some(x) => v.figure = Some(x),
                        None => pop_missing.push(self.s.fill(
                            "nat_missing_population",
                            &[
                                ("population", code),
                                ("authority", authority),
                                ("year", year),
                                ("file", &pops.file),
                            ],
                        )),
                    }
                }
            }
        } else {
            for (code, v) in &inputs {
                if ind.populations.contains(code) && v.figure.is_none() {
                    pop_missing.push(self.s.fill(
                        "nat_missing_population_return",
                        &[("population", code), ("year", year)],
                    ));
                }
            }
        }
        let mut flags: Vec<Flag> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        for (_, v) in &inputs {
            for f in &v.flags {
                if !flags.contains(f) {
                    flags.push(*f);
                }
            }
            for n in &v.notes {
                if !notes.contains(n) {
                    notes.push(n.clone());
                }
            }
        }
        flags.sort();
        let lookup = |c: &str| -> Option<f64> {
            inputs
                .iter()
                .find(|(k, _)| k == c)
                .and_then(|(_, v)| v.figure)
        };
        let numerator = num_f.eval(&lookup).ok();
        let denominator = den_f.eval(&lookup).ok();
        let missing = if !pop_missing.is_empty() {
            Some(pop_missing.join("; "))
        } else if numerator.is_none() || denominator.is_none() {
            let absent: Vec<&str> = inputs
                .iter()
                .filter(|(_, v)| v.figure.is_none())
                .map(|(k, _)| k.as_str())
                .collect();
            Some(self.s.fill(
                "nat_missing_inputs",
                &[("codes", &absent.join(", ")), ("year", year)],
            ))
        } else {
            None
        };
        Raw {
            numerator,
            denominator,
            flags,
            notes,
            missing,
        }
    }
}

/// The value of numerator over denominator in the units shown.
fn shown_value(method: Method, ind: &Indicator, k: f64, n: f64) -> Option<f64> {
    if n == 0.0 {
        return None;
    }
    Some(match method {
        Method::Wilson => k / n * 100.0,
        Method::Poisson { per } => k / n * per,
        Method::ValueOnly => match ind.formula {
            Formula::Percent { .. } => k / n * 100.0,
            _ => k / n,
        },
    })
}

fn interval(
    method: Method,
    k: f64,
    n: f64,
) -> Result<Option<(f64, f64)>, pmf_stats::NotComputable> {
    Ok(match method {
        Method::Wilson => {
            let i = pmf_stats::wilson(k, n, Level::P95)?;
            Some((i.lower * 100.0, i.upper * 100.0))
        }
        Method::Poisson { per } => {
            let i = pmf_stats::poisson_rate(k, n, per, Level::P95)?;
            Some((i.lower, i.upper))
        }
        Method::ValueOnly => None,
    })
}

/// The key of an outcome's wording.
pub fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::Better(_) => "nat_better",
        Outcome::Similar => "nat_similar",
        Outcome::Worse(_) => "nat_worse",
        Outcome::Higher(_) => "nat_higher",
        Outcome::Lower(_) => "nat_lower",
    }
}

/// The key of a band's wording (beyond 99.8%, between 95% and 99.8%, within 95%).
pub fn band_key(b: Band) -> &'static str {
    match b {
        Band::AboveUpper998 | Band::BelowLower998 => "nat_band_998",
        Band::AboveUpper95 | Band::BelowLower95 => "nat_band_95",
        Band::Within => "nat_band_within",
    }
}

fn compared(s: &Strings, o: Outcome, b: Band) -> String {
    s.fill(
        "nat_compared",
        &[
            ("outcome", &s.get(outcome_key(o))),
            ("band", &s.get(band_key(b))),
        ],
    )
}

fn name_of(code: &str, lang: Lang, s: &Strings) -> String {
    if code == WALES {
        return s.get("wales");
    }
    authorities::by_code(code)
        .map(|a| match lang {
            Lang::En => a.name.to_string(),
            Lang::Cy => a.name_cy.to_string(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// Builds the national comparison of the newest edition's indicators.
pub fn national_comparison(
    editions: &Editions,
    panel: &Panel,
    populations: Option<&Populations>,
    opts: &NationalOptions,
) -> Result<NationalComparison, String> {
    let newest = editions
        .newest()
        .ok_or_else(|| "there is no edition to report under".to_string())?;
    let s = Strings::new(opts.lang);
    for c in &opts.indicators {
        if newest.indicator(c).is_none() {
            return Err(format!(
                "edition {} has no indicator {c}; the comparison is of derived indicators (such as {})",
                newest.edition.id,
                newest
                    .indicators
                    .first()
                    .map(|i| i.code.as_str())
                    .unwrap_or("PI/AD/01")
            ));
        }
    }
    let latest = panel
        .returns
        .keys()
        .map(|(_, y)| y.clone())
        .max()
        .ok_or_else(|| "no return was read, so there is nothing to compare".to_string())?;
    let years = years_back(&latest, opts.years.max(1));
    let c = Computer {
        editions,
        panel,
        s: &s,
        populations,
    };
    let mut used: Vec<Flag> = Vec::new();
    let mut indicators = Vec::new();
    for ind in &newest.indicators {
        if !opts.indicators.is_empty() && !opts.indicators.contains(&ind.code) {
            continue;
        }
        let (num_text, den_text, method) = match parts(&ind.formula) {
            Some((n, d, m)) => (formula_text(n), formula_text(d), m),
            None => (ind.formula_text.clone(), String::new(), Method::ValueOnly),
        };
        let unit = pmf_words::Words::new(newest, opts.lang)
            .result_unit(ind)
            .map(|p| p.plain(newest, opts.lang))
            .unwrap_or_default();
        let mut per_year = Vec::new();
        for year in &years {
            let y = compare_year(&c, newest, ind, method, year, opts.lang);
            for f in y
                .authorities
                .iter()
                .chain(std::iter::once(&y.wales))
                .flat_map(|f| f.flags.iter())
            {
                if !used.contains(f) {
                    used.push(*f);
                }
            }
            per_year.push(y);
        }
        indicators.push(IndicatorComparison {
            code: ind.code.clone(),
            title: text(&ind.title, opts.lang),
            unit,
            standards: ind
                .standards
                .iter()
                .map(|id| {
                    (
                        id.clone(),
                        newest.quality_standard(id).and_then(|q| q.number.clone()),
                    )
                })
                .collect(),
            polarity: ind.polarity,
            decimals: ind.decimals,
            method,
            numerator_text: num_text,
            denominator_text: den_text,
            years: per_year,
        });
    }
    used.sort();
    let populations = match populations {
        Some(p) => s.fill("nat_populations_file", &[("file", &p.file)]),
        None => s.get("nat_populations_returns"),
    };
    Ok(NationalComparison {
        title: s.get("nat_title"),
        years,
        edition: newest.edition.id.clone(),
        populations,
        standards: newest
            .quality_standards
            .iter()
            .map(|q| StandardInfo {
                id: q.id.clone(),
                number: q.number.clone(),
                title: text(&q.title, opts.lang),
            })
            .collect(),
        indicators,
        flags: used,
        lang: opts.lang,
    })
}

/// Comparable with the others: a full-year figure with both parts.
fn comparable(r: &Raw) -> bool {
    r.missing.is_none()
        && r.numerator.is_some()
        && r.denominator.is_some()
        && !r
            .flags
            .iter()
            .any(|f| matches!(f, Flag::PartYear | Flag::Break | Flag::New))
}

fn compare_year(
    c: &Computer,
    newest: &Ir,
    ind: &Indicator,
    method: Method,
    year: &str,
    lang: Lang,
) -> YearComparison {
    let s = c.s;
    let raws: Vec<(&str, Raw)> = authorities::AUTHORITIES
        .iter()
        .map(|a| (a.code, c.raw(newest, ind, a.code, year)))
        .collect();
    // Wales: its return where read and complete, else the authorities pooled.
    let has_wales_return = c
        .panel
        .returns
        .contains_key(&(WALES.to_string(), year.to_string()));
    let mut wales_raw = c.raw(newest, ind, WALES, year);
    let mut wales_note = s.get("nat_wales_return");
    if !has_wales_return || !comparable(&wales_raw) {
        let pooled: Vec<&Raw> = raws
            .iter()
            .map(|(_, r)| r)
            .filter(|r| comparable(r))
            .collect();
        let mut flags: Vec<Flag> = Vec::new();
        for r in &pooled {
            for f in &r.flags {
                if !flags.contains(f) {
                    flags.push(*f);
                }
            }
        }
        flags.retain(|f| matches!(f, Flag::Provisional | Flag::Revised));
        flags.sort();
        let n = pooled.len();
        wales_note = if n == raws.len() {
            s.get("nat_wales_pooled_all")
        } else {
            s.fill(
                "nat_wales_pooled_some",
                &[("n", &n.to_string()), ("of", &raws.len().to_string())],
            )
        };
        wales_raw = Raw {
            numerator: (n > 0).then(|| pooled.iter().filter_map(|r| r.numerator).sum()),
            denominator: (n > 0).then(|| pooled.iter().filter_map(|r| r.denominator).sum()),
            flags,
            notes: Vec::new(),
            missing: (n == 0).then(|| s.get("nat_wales_none")),
        };
    }
    let measure = match method {
        Method::Wilson => Some(Measure::Proportion),
        Method::Poisson { per } => Some(Measure::Rate { per }),
        Method::ValueOnly => None,
    };
    let polarity = match ind.polarity {
        pmf_ir::Polarity::HigherIsBetter => pmf_stats::Polarity::HigherIsBetter,
        pmf_ir::Polarity::LowerIsBetter => pmf_stats::Polarity::LowerIsBetter,
        pmf_ir::Polarity::Neither => pmf_stats::Polarity::None,
    };
    // The funnel's target: the Wales value in the measure's units.
    let target: Result<f64, String> = match (measure, wales_raw.numerator, wales_raw.denominator) {
        (None, _, _) => Err(s.get("nat_value_only")),
        (Some(m), Some(k), Some(n)) if wales_raw.missing.is_none() => m
            .value(k, n)
            .map_err(|e| s.fill("nat_no_target", &[("reason", &e.to_string())])),
        _ => Err(s.fill(
            "nat_no_target",
            &[("reason", wales_raw.missing.as_deref().unwrap_or_default())],
        )),
    };
    let target = target.and_then(|t| {
        pmf_stats::funnel_limits(measure.unwrap_or(Measure::Proportion), t, 1.0)
            .map(|_| t)
            .map_err(|e| s.fill("nat_no_target", &[("reason", &e.to_string())]))
    });
    let figure = |code: &str, r: &Raw, is_wales: bool| -> Figure {
        let mut f = Figure {
            authority: code.to_string(),
            name: name_of(code, lang, s),
            numerator: r.numerator,
            denominator: r.denominator,
            value: None,
            interval: None,
            band: None,
            outcome: None,
            comparison: String::new(),
            flags: r.flags.clone(),
            notes: r.notes.clone(),
        };
        if is_wales {
            f.notes.insert(0, wales_note.clone());
        }
        if let Some(m) = &r.missing {
            f.comparison = s.fill("nat_not_computable", &[("reason", m)]);
            return f;
        }
        let (Some(k), Some(n)) = (r.numerator, r.denominator) else {
            return f;
        };
        f.value = shown_value(method, ind, k, n);
        if f.value.is_none() {
            f.comparison = s.fill(
                "nat_not_computable",
                &[(
                    "reason",
                    &s.fill("note_zero_denominator", &[("year", year)]),
                )],
            );
            return f;
        }
        match interval(method, k, n) {
            Ok(i) => f.interval = i,
            Err(e) => {
                f.comparison = s.fill("nat_not_computable", &[("reason", &e.to_string())]);
                return f;
            }
        }
        if is_wales {
            f.comparison = s.get("nat_is_wales");
            return f;
        }
        if r.flags.contains(&Flag::PartYear) {
            f.comparison = s.get("nat_part_year");
            return f;
        }
        match (&target, measure) {
            (Ok(t), Some(m)) => match pmf_stats::place(m, *t, polarity, k, n) {
                Ok(p) => {
                    f.band = Some(p.band);
                    f.outcome = Some(p.outcome);
                    f.comparison = compared(s, p.outcome, p.band);
                }
                Err(e) => {
                    f.comparison = s.fill("nat_not_computable", &[("reason", &e.to_string())])
                }
            },
            (Err(e), _) => f.comparison = e.clone(),
            (Ok(_), None) => f.comparison = s.get("nat_value_only"),
        }
        f
    };
    let authorities: Vec<Figure> = raws
        .iter()
        .map(|(code, r)| figure(code, r, false))
        .collect();
    let wales = figure(WALES, &wales_raw, true);
    let method_text = match (method, &target) {
        (Method::Wilson, Ok(t)) => s.fill(
            "nat_method_wilson",
            &[("target", &fixed(t * 100.0, ind.decimals as usize + 1))],
        ),
        (Method::Poisson { per }, Ok(t)) => s.fill(
            "nat_method_poisson",
            &[
                ("target", &fixed(*t, ind.decimals as usize + 1)),
                ("per", &pmf_words::thousands(per)),
            ],
        ),
        (Method::ValueOnly, _) => s.get("nat_method_value_only"),
        (_, Err(e)) => e.clone(),
    };
    YearComparison {
        year: year.to_string(),
        wales,
        authorities,
        target: target.ok(),
        method: method_text,
    }
}

/// A number with a fixed number of decimals, never "-0".
pub fn fixed(v: f64, decimals: usize) -> String {
    let t = format!("{v:.decimals$}");
    if t.starts_with('-') && t[1..].chars().all(|c| c == '0' || c == '.') {
        t[1..].to_string()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records_carry_lines_and_columns() {
        let r = records("a,\"b,\"\"c\"\"\"\r\n\nd, e\n").expect("parses");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].0, 1);
        assert_eq!(r[0].1[1], ("b,\"c\"".to_string(), 3));
        assert_eq!(r[1].0, 3);
        assert_eq!(r[1].1[1], (" e".to_string(), 3));
        assert_eq!(records("a,\"b\nc").unwrap_err().0, 1);
    }

    #[test]
    fn a_populations_file_is_read_with_clear_errors() {
        let declared = vec!["population_total".to_string()];
        let ok = Populations::read(
            "p.csv",
            b"authority,year,population,value\nCardiff,2021-22,population_total,360000\nW92000004,2021-22,population_total,3100000\n",
            &declared,
        )
        .expect("reads");
        assert_eq!(
            ok.get("W06000015", "2021-22", "population_total"),
            Some(360000.0)
        );
        assert_eq!(
            ok.get(WALES, "2021-22", "population_total"),
            Some(3100000.0)
        );
        let bad = Populations::read(
            "p.csv",
            b"authority,period,population,value\nAtlantis,2021,population_all,-3\n",
            &declared,
        )
        .unwrap_err();
        assert_eq!(bad.len(), 4, "{bad:?}");
        assert!(bad[0].starts_with("p.csv:2:1: \"Atlantis\""), "{bad:?}");
        assert!(bad[1].starts_with("p.csv:2:10: \"2021\""), "{bad:?}");
        assert!(bad[2].starts_with("p.csv:2:15: "), "{bad:?}");
        assert!(bad[3].starts_with("p.csv:2:30: "), "{bad:?}");
        let head = Populations::read("p.csv", b"authority,year,value\n", &declared).unwrap_err();
        assert!(head[0].contains("no column \"population\""), "{head:?}");
    }
}
