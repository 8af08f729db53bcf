//! The model: typed declarations lowered from the syntax tree, one `Declarations` per file,
//! merged into a `Model`. Names are still unresolved here (`Ref`); `check` resolves them.
//!
//! Invariant: lowering never stops at the first problem; a field it cannot read is reported
//! and left out, and the rest of the item is still lowered.

mod lower;
mod parts;

pub use lower::{closest_name, lower_file};
pub use parts::Shape;

use crate::diag::Code;
use crate::source::{FileId, Span};
use crate::syntax::{Expr, StrLit};

/// Where something is: a file and a byte range in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

/// A name or code used to refer to a declaration, resolved by `check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    pub name: String,
    pub loc: Loc,
}

/// A text in English, with its Welsh version when the spec gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: StrLit,
    pub cy: Option<StrLit>,
    pub loc: Loc,
}

impl Text {
    pub fn en(&self) -> &str {
        &self.en.value
    }
}

#[derive(Clone, Debug)]
pub struct Allow {
    pub code: Option<Code>,
    pub code_text: String,
    pub reason: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Edition {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    pub framework: Option<Text>,
    pub status: Option<String>,
    pub first_year: Option<String>,
    pub period: Option<Text>,
    pub supersedes: Option<Ref>,
    pub publisher: Option<Text>,
    /// The date of publication (`published 2019-12-12`).
    pub published: Option<String>,
    /// The document number (`number "WG39012"`).
    pub number: Option<String>,
    pub copyright: Option<Text>,
    /// The licence the guidance is published under: `ogl` (Open Government Licence v3.0).
    pub licence: Option<String>,
    /// Whom to contact with queries about the guidance.
    pub contact: Option<Text>,
    pub notes: Vec<Text>,
}

/// The header of a local authority's file of local measures.
#[derive(Clone, Debug)]
pub struct Extension {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    pub authority: Option<String>,
    pub prefix: Option<(String, Loc)>,
    pub extends: Option<Ref>,
}

/// A prose chapter or section of the guidance.
#[derive(Clone, Debug)]
pub struct Doc {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub number: Option<String>,
    pub title: Option<Text>,
    pub text: Option<Text>,
    pub sections: Vec<Doc>,
}

#[derive(Clone, Debug)]
pub struct Instrument {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    pub short: Option<Text>,
    pub kind: Option<String>,
    pub year: Option<String>,
    pub within: Option<Ref>,
}

#[derive(Clone, Debug)]
pub struct Cohort {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub label: Option<Text>,
    pub definition: Option<Text>,
    pub ages: Option<(u64, Option<u64>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// Things counted one by one: contacts, people, plans.
    Entity,
    /// Quantities that are summed: days, whole-time equivalents.
    Measure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Whole,
    Decimal,
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub label: Option<Text>,
    pub singular: Option<Text>,
    pub kind: Option<UnitKind>,
    pub value: Option<ValueType>,
    pub is_person: bool,
}

#[derive(Clone, Debug)]
pub struct Definition {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub term: Option<Text>,
    pub text: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct DataSource {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Population {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub label: Option<Text>,
    pub cohort: Option<Ref>,
    pub ages: Option<(u64, Option<u64>)>,
    pub source: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub label: Option<Text>,
    pub group: Option<(String, Option<Text>)>,
    pub range: Option<(u64, Option<u64>, Loc)>,
    pub reserved: Option<Text>,
    /// The entry that takes every case the others do not ("Other").
    pub catch_all: bool,
    pub note: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Codelist {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    pub exhaustive: bool,
    pub entries: Vec<Entry>,
    pub note: Option<Text>,
}

/// A status that explains a missing value ("not available").
#[derive(Clone, Debug)]
pub struct Missing {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub label: Option<Text>,
    pub meaning: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Part {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub number: Option<String>,
    pub title: Option<Text>,
    pub cohort: Option<Ref>,
    pub within: Option<Ref>,
    pub prefix: Option<String>,
    pub intro: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub part: Option<Ref>,
    pub number: Option<String>,
    pub title: Option<Text>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug)]
pub enum Measure {
    Counts(Ref),
    Sums { quantity: Ref, over: Ref },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Timing {
    Flow,
    Stock(Option<String>),
}

/// A linear combination of data items: `AD/002a + AD/002b`.
#[derive(Clone, Debug)]
pub struct LinExpr {
    pub terms: Vec<(i64, Ref)>,
    pub loc: Loc,
}

/// `subset of ...` or `equals ...`, with the stated correspondence when units differ.
#[derive(Clone, Debug)]
pub struct Relation {
    pub target: LinExpr,
    pub via: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BreakdownKind {
    /// The items add up to the parent.
    Partition,
    /// The items do not overlap; together they are at most the parent.
    Exclusive,
    /// One unit can be in several items; each item is at most the parent.
    Overlapping,
    /// The items are not parts of a parent.
    Independent,
}

impl BreakdownKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BreakdownKind::Partition => "partition",
            BreakdownKind::Exclusive => "exclusive",
            BreakdownKind::Overlapping => "overlapping",
            BreakdownKind::Independent => "independent",
        }
    }
}

#[derive(Clone, Debug)]
pub struct BreakdownItem {
    pub letter: String,
    pub letter_loc: Loc,
    pub loc: Loc,
    /// The codelist entry (or `a.b` pair of entries for a product) this item stands for.
    pub entry: Option<Ref>,
    pub wording: Option<Text>,
    pub subset_of: Option<Relation>,
    pub equals: Option<Relation>,
    pub notes: Vec<Text>,
    pub was: Option<Provenance>,
}

#[derive(Clone, Debug)]
pub struct Breakdown {
    pub kind: Option<BreakdownKind>,
    pub loc: Loc,
    pub of: Option<LinExpr>,
    pub by: Vec<Ref>,
    pub only: Option<Vec<Ref>>,
    pub each_within: Option<Ref>,
    pub items: Vec<BreakdownItem>,
}

#[derive(Clone, Debug)]
pub struct Locator {
    pub kind: String,
    pub value: String,
}

#[derive(Clone, Debug)]
pub struct Citation {
    pub instrument: Ref,
    pub locators: Vec<Locator>,
    pub quote: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    WorkingDays,
    Days,
    Weeks,
    Months,
    Years,
}

impl DurationUnit {
    pub fn parse(s: &str) -> Option<DurationUnit> {
        Some(match s {
            "working_day" | "working_days" => DurationUnit::WorkingDays,
            "day" | "days" => DurationUnit::Days,
            "week" | "weeks" => DurationUnit::Weeks,
            "month" | "months" => DurationUnit::Months,
            "year" | "years" => DurationUnit::Years,
            _ => return None,
        })
    }

    pub fn label(self, n: u32) -> &'static str {
        match (self, n == 1) {
            (DurationUnit::WorkingDays, true) => "working day",
            (DurationUnit::WorkingDays, false) => "working days",
            (DurationUnit::Days, true) => "day",
            (DurationUnit::Days, false) => "days",
            (DurationUnit::Weeks, true) => "week",
            (DurationUnit::Weeks, false) => "weeks",
            (DurationUnit::Months, true) => "month",
            (DurationUnit::Months, false) => "months",
            (DurationUnit::Years, true) => "year",
            (DurationUnit::Years, false) => "years",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimescaleRule {
    /// Done within the duration of the start event: a deadline.
    Within,
    /// Repeated at intervals no longer than the duration.
    Every,
}

#[derive(Clone, Debug)]
pub struct Timescale {
    pub label: Option<Text>,
    pub rule: Option<TimescaleRule>,
    pub amount: Option<u32>,
    pub unit: Option<DurationUnit>,
    pub from: Option<Text>,
    pub until: Option<Text>,
    pub citations: Vec<Citation>,
    pub note: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Metric {
    pub code: String,
    pub loc: Loc,
    pub code_loc: Loc,
    pub wording: Option<Text>,
    pub short: Option<Text>,
    pub group: Option<Ref>,
    pub measure: Option<Measure>,
    pub timing: Option<Timing>,
    pub cohort: Option<Ref>,
    pub value: Option<ValueType>,
    pub rationale: Option<Text>,
    pub includes: Option<Text>,
    pub excludes: Option<Text>,
    pub counting: Option<Text>,
    pub collected_from: Option<Ref>,
    pub citations: Vec<Citation>,
    pub timescales: Vec<Timescale>,
    pub subset_of: Option<Relation>,
    pub equals: Option<Relation>,
    pub breakdown: Option<Breakdown>,
    pub notes: Vec<Text>,
    pub allows: Vec<Allow>,
    /// The metric's own total is reported as well as its items.
    pub total: bool,
    /// Where the metric came from in the edition this one supersedes.
    pub was: Option<Provenance>,
    /// The reason a code that meant something else in an earlier edition is used again.
    pub reuses: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// The same metric, under the same or another code (`was AD/009`).
    Same,
    /// Several earlier metrics or items added together (`was AD/002a + AD/002b`).
    Merged,
    /// A part of an earlier metric (`was part of AD/021`).
    Split,
}

/// `was ...`: the codes of the previous edition this metric (or item) continues.
#[derive(Clone, Debug)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    pub from: Vec<Ref>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    Neither,
}

#[derive(Clone, Debug)]
pub struct Example {
    pub inputs: Vec<(Ref, f64)>,
    pub expect: Option<(f64, usize, Loc)>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Motivation {
    pub metric: Ref,
    pub quote: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Indicator {
    pub code: String,
    pub loc: Loc,
    pub code_loc: Loc,
    pub title: Option<Text>,
    pub part: Option<Ref>,
    pub formula: Option<Expr>,
    pub polarity: Option<Polarity>,
    pub decimals: Option<u32>,
    pub reading: Option<Text>,
    pub motivation: Option<Motivation>,
    pub notes: Vec<Text>,
    pub examples: Vec<Example>,
    pub allows: Vec<Allow>,
}

#[derive(Clone, Debug)]
pub struct ExplicitRule {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub severity: Option<crate::diag::Severity>,
    pub assert: Option<Expr>,
    pub message: Option<Text>,
    pub tolerance: Option<f64>,
    pub allows: Vec<Allow>,
}

#[derive(Clone, Debug)]
pub struct Erratum {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub affects: Vec<Ref>,
    pub kind: Option<String>,
    pub source_text: Option<Text>,
    pub corrected: Option<Text>,
    pub reason: Option<Text>,
    pub fixed_in: Option<String>,
}

/// What one file declares, in file order within each kind.
#[derive(Clone, Debug, Default)]
pub struct Declarations {
    pub editions: Vec<Edition>,
    pub extensions: Vec<Extension>,
    pub docs: Vec<Doc>,
    pub instruments: Vec<Instrument>,
    pub cohorts: Vec<Cohort>,
    pub units: Vec<Unit>,
    pub definitions: Vec<Definition>,
    pub sources: Vec<DataSource>,
    pub populations: Vec<Population>,
    pub codelists: Vec<Codelist>,
    pub missing: Vec<Missing>,
    pub parts: Vec<Part>,
    pub groups: Vec<Group>,
    pub metrics: Vec<Metric>,
    pub indicators: Vec<Indicator>,
    pub rules: Vec<ExplicitRule>,
    pub errata: Vec<Erratum>,
    /// `allow` items at the top level of a file: they apply to the whole file.
    pub file_allows: Vec<Allow>,
    /// Names of items that did not parse; references to them are not reported again.
    pub broken: Vec<String>,
}

impl Declarations {
    pub fn extend(&mut self, other: Declarations) {
        self.editions.extend(other.editions);
        self.extensions.extend(other.extensions);
        self.docs.extend(other.docs);
        self.instruments.extend(other.instruments);
        self.cohorts.extend(other.cohorts);
        self.units.extend(other.units);
        self.definitions.extend(other.definitions);
        self.sources.extend(other.sources);
        self.populations.extend(other.populations);
        self.codelists.extend(other.codelists);
        self.missing.extend(other.missing);
        self.parts.extend(other.parts);
        self.groups.extend(other.groups);
        self.metrics.extend(other.metrics);
        self.indicators.extend(other.indicators);
        self.rules.extend(other.rules);
        self.errata.extend(other.errata);
        self.file_allows.extend(other.file_allows);
        self.broken.extend(other.broken);
    }
}

/// True when the code names a breakdown item (ends in a lower-case letter): `AD/002a`.
pub fn is_item_code(code: &str) -> bool {
    code.chars().last().is_some_and(|c| c.is_ascii_lowercase())
}

/// The metric code of an item code: `AD/002a` → `AD/002`.
pub fn metric_of_item(code: &str) -> &str {
    if is_item_code(code) {
        &code[..code.len() - 1]
    } else {
        code
    }
}

/// Whether a code has the form of a metric code, `AD/001`, optionally with an item letter.
pub fn is_metric_code(code: &str) -> bool {
    let Some((prefix, rest)) = code.split_once('/') else {
        return false;
    };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (2..=5).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && digits.len() == 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && rest.len() - digits.len() <= 1
}

/// Whether a code has the form of an indicator code, `PI/AD/01`.
pub fn is_indicator_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('/').collect();
    matches!(parts.as_slice(), [pi, p, n]
        if *pi == "PI" && (2..=5).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase())
            && (2..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()))
}
