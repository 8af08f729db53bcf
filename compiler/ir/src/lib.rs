//! The IR: the checked, resolved spec as plain data, the contract between the compiler and
//! every consumer (generators, the validator, the language server's hovers).
//!
//! Invariants: it is built only from a spec that checked; its lists are in a stable order
//! (declaration order within a part, parts in number order); it carries `schema_version`, which
//! changes whenever a field is removed or changes meaning. See `compiler/doc/ir.md`.

pub mod authorities;
pub mod code;
pub mod continuity;
pub mod diff;
pub mod eval;
pub mod fingerprint;
mod kinds;
pub mod records;
pub mod rich;

pub use kinds::{
    BreakdownKind, DurationUnit, MeasureKind, Polarity, ProvenanceKind, ResultKind, RuleKind,
    RuleOrigin, TimescaleRule, TimingKind, UnitKind, ValueType,
};
use serde::{Deserialize, Serialize};

pub use rich::{Block, Inline, Rich};

/// What every generator returns: relative path (with `/`) → bytes, in a stable order.
pub type Artifacts = std::collections::BTreeMap<String, Vec<u8>>;

/// Bumped when a field is removed or changes meaning; adding a field does not bump it.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cy: Option<String>,
}

impl Text {
    pub fn plain(en: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            cy: None,
        }
    }

    /// The text in a language, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.cy) {
            (Lang::Cy, Some(cy)) => cy,
            _ => &self.en,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Cy,
}

/// Where a declaration is in the spec, for messages and links back to the source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub file: String,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ir {
    pub schema_version: u32,
    pub edition: Edition,
    pub extensions: Vec<Extension>,
    pub docs: Vec<Doc>,
    pub instruments: Vec<Instrument>,
    pub cohorts: Vec<Cohort>,
    pub units: Vec<Unit>,
    pub definitions: Vec<Definition>,
    pub sources: Vec<DataSource>,
    pub populations: Vec<Population>,
    pub missing_statuses: Vec<MissingStatus>,
    /// The quality standards of the code of practice, in declaration order, each with the
    /// metrics and indicators that report under it nationally.
    #[serde(default)]
    pub quality_standards: Vec<QualityStandard>,
    pub parts: Vec<Part>,
    pub groups: Vec<Group>,
    pub codelists: Vec<Codelist>,
    pub metrics: Vec<Metric>,
    /// Every value a submission reports, in template order: metrics without items, and items.
    pub data_items: Vec<DataItem>,
    pub indicators: Vec<Indicator>,
    pub rules: Vec<Rule>,
    pub errata: Vec<Erratum>,
    /// Warnings accepted with a written reason, listed in the guidance.
    pub allowed_warnings: Vec<AllowedWarning>,
    /// Codes used by earlier editions and no longer used: reserved, so that a code never
    /// silently comes back with another meaning.
    #[serde(default)]
    pub retired: Vec<Retired>,
    /// What changed since the edition this one supersedes, when it was checked with it.
    #[serde(default)]
    pub changes: Vec<diff::Change>,
    /// The time series: for each metric and item of this edition, the codes of every earlier
    /// edition whose figures it continues (empty for an edition that supersedes none).
    #[serde(default)]
    pub series: Vec<Series>,
    /// Local report definitions compiled with the spec (`report` items): which measures an
    /// authority's director's report shows under which quality standard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportDefinition>,
    /// Working-day calendars (`calendar` items), for counting rules' working-day timescales.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calendars: Vec<records::Calendar>,
    /// The kinds of case records metrics can be computed from (`record` items), in declaration
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<records::RecordType>,
    /// The texts whose Welsh is not done: made for other English than the text has now, or not
    /// yet reviewed (the Welsh guidance lists them with the texts that have no Welsh).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub welsh_to_review: Vec<WelshToReview>,
}

/// A text whose Welsh is not done, for the Welsh guidance's list of texts not yet translated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelshToReview {
    /// The code or declaration the text belongs to (`AD/001`, `unit:contact`).
    pub owner: String,
    /// The kind of text (`wording`, `note` ...).
    pub kind: String,
    /// The English now.
    pub en: String,
    pub state: WelshReviewState,
}

/// Why a text's Welsh is not done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WelshReviewState {
    /// Made for other English than the text has now.
    Stale,
    /// A translator's draft.
    Draft,
    /// Translated, not yet reviewed.
    Translated,
}

/// A quality standard of the code of practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualityStandard {
    pub id: String,
    pub number: Option<String>,
    pub title: Text,
    pub citations: Vec<Citation>,
    pub notes: Vec<Rich>,
    /// The metrics, then the indicators, that report under it nationally (`standard` on them),
    /// in declaration order.
    pub measures: Vec<String>,
}

/// A local report definition: an authority's director's report, standard by standard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDefinition {
    pub id: String,
    pub title: Option<Text>,
    /// The authority's ONS code.
    pub authority: Option<String>,
    pub notes: Vec<Rich>,
    pub sections: Vec<ReportSection>,
}

/// The measures a report shows under one quality standard, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportSection {
    pub standard: String,
    pub notes: Vec<Rich>,
    pub measures: Vec<ReportMeasure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReportMeasure {
    /// A metric, item or indicator of the edition.
    National { code: String },
    /// A measure without a national code, defined in the report.
    Local(LocalMeasure),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalMeasure {
    pub code: String,
    pub wording: Text,
    pub definition: Option<Rich>,
    /// The unit of its figures, as words ("posts", "%").
    pub unit: Text,
    pub polarity: Polarity,
    pub decimals: Option<u32>,
    pub notes: Vec<Rich>,
}

/// What one code of this edition continues, edition by edition: the figures a year-on-year
/// comparison may put beside this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub code: String,
    /// The earlier editions, newest first, each with the codes whose figures this one continues
    /// there (several codes: their sum). Empty when the series starts in this edition.
    pub continues: Vec<SeriesStep>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesStep {
    pub edition: String,
    pub codes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retired {
    pub code: String,
    /// The last edition that used the code.
    pub last_edition: String,
    /// What it counted there.
    pub wording: Text,
}

/// Where a metric or item came from in the previous edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// `same` (continued, perhaps under a new code), `merged` (a sum of earlier codes) or
    /// `split` (a part of an earlier code).
    pub kind: ProvenanceKind,
    pub from: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub id: String,
    pub title: Text,
    pub framework: Option<Text>,
    pub status: String,
    pub first_year: Option<String>,
    pub period: Option<Text>,
    pub supersedes: Option<String>,
    pub publisher: Option<Text>,
    /// The date of publication, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The document number, e.g. `WG39012`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The copyright line, e.g. "Crown copyright 2019".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<Text>,
    /// The licence: `ogl` (Open Government Licence v3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Whom to contact with queries about the guidance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
    pub notes: Vec<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub id: String,
    pub title: Option<Text>,
    pub authority: Option<String>,
    pub prefix: String,
    pub extends: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    pub id: String,
    pub number: Option<String>,
    pub title: Text,
    pub text: Option<Rich>,
    pub sections: Vec<Doc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub title: Text,
    pub short: Option<Text>,
    pub kind: Option<String>,
    pub year: Option<String>,
    pub within: Option<String>,
    /// Codes of the metrics that cite this instrument, in metric order.
    pub cited_by: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: String,
    pub label: Text,
    pub definition: Option<Rich>,
    pub ages: Option<AgeRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub from: u64,
    pub to: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub label: Text,
    pub singular: Text,
    pub kind: UnitKind,
    pub value_type: ValueType,
    pub person: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub id: String,
    pub term: Text,
    pub text: Option<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSource {
    pub id: String,
    pub title: Text,
    pub note: Option<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    pub id: String,
    pub label: Text,
    pub cohort: Option<String>,
    pub ages: Option<AgeRange>,
    pub source: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingStatus {
    pub id: String,
    pub label: Text,
    pub meaning: Option<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub number: Option<String>,
    pub title: Text,
    pub cohort: Option<String>,
    pub within: Option<String>,
    pub prefix: Option<String>,
    pub intro: Option<Rich>,
    pub groups: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub part: String,
    pub number: Option<String>,
    pub title: Text,
    pub note: Option<Rich>,
    pub metrics: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Codelist {
    pub id: String,
    pub title: Text,
    pub exhaustive: bool,
    pub entries: Vec<Entry>,
    pub note: Option<Rich>,
    /// Codes of the metrics whose breakdowns use this list.
    pub used_by: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub label: Text,
    pub group: Option<EntryGroup>,
    pub range: Option<AgeRange>,
    pub reserved: Option<Text>,
    pub note: Option<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryGroup {
    pub id: String,
    pub label: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// `count` (counts UNIT) or `sum` (sums UNIT over UNIT).
    pub kind: MeasureKind,
    pub unit: String,
    pub over: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// `flow` (during the year) or `stock` (at a point in time).
    pub kind: TimingKind,
    pub at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub instrument: String,
    pub locators: Vec<Locator>,
    pub quote: Option<Rich>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    pub kind: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timescale {
    pub label: Option<Text>,
    pub rule: TimescaleRule,
    pub amount: u32,
    pub unit: DurationUnit,
    pub from: Option<Text>,
    pub until: Option<Text>,
    pub citations: Vec<Citation>,
    pub note: Option<Rich>,
}

/// The unit of an indicator's result, as data: each back end words it in its reader's
/// language (pmf-words).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResultUnit {
    /// A bare number.
    #[default]
    None,
    /// A percentage.
    Percent,
    /// Per `per` of a population (`rate(...)`).
    Rate { per: f64, population: String },
    /// A quantity of one unit per thing of another (an average; a ratio of different units).
    Per { unit: String, per: String },
    /// A ratio of two counts of the same unit.
    Ratio,
    /// A figure of a unit (`over` another, for `sums X over Y`).
    Quantity { unit: String, over: Option<String> },
    /// A number of people (a population).
    People,
}

/// A term of a linear expression: `coef × value(code)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub code: String,
    pub coef: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub terms: Vec<Term>,
    pub via: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    pub kind: BreakdownKind,
    pub of: Option<Vec<Term>>,
    pub by: Vec<String>,
    pub each_within: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub code: String,
    pub letter: String,
    pub wording: Text,
    /// The codelist entries the item stands for (two for a product).
    pub entry: Vec<String>,
    /// Set when the item is kept only so that letters match the source; it is never collected.
    pub reserved: Option<Text>,
    pub subset_of: Option<Relation>,
    pub equals: Option<Relation>,
    pub notes: Vec<Rich>,
    #[serde(default)]
    pub was: Option<Provenance>,
    /// Why the item counts the same as the one it continues although its wording changed
    /// (`same "..."`).
    #[serde(default)]
    pub same: Option<Text>,
    /// A hash of what defines what the item counts (not its wording).
    #[serde(default)]
    pub fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub code: String,
    pub part: Option<String>,
    pub group: Option<String>,
    pub wording: Text,
    pub short: Option<Text>,
    pub measure: Measure,
    pub value_type: ValueType,
    pub timing: Timing,
    pub cohort: Option<String>,
    pub rationale: Option<Rich>,
    pub includes: Option<Rich>,
    pub excludes: Option<Rich>,
    pub counting: Option<Rich>,
    pub collected_from: Option<String>,
    pub citations: Vec<Citation>,
    pub timescales: Vec<Timescale>,
    pub subset_of: Option<Relation>,
    pub equals: Option<Relation>,
    pub breakdown: Option<Breakdown>,
    pub items: Vec<Item>,
    /// Whether the metric's own total is reported (true when it has no items, or `total`).
    pub collected: bool,
    pub notes: Vec<Rich>,
    /// Indicators whose formulas use this metric or its items.
    pub indicators: Vec<String>,
    /// Rules that involve this metric or its items.
    pub rules: Vec<String>,
    pub errata: Vec<String>,
    pub source: SourceRef,
    /// Where the metric came from in the previous edition (absent: the same code, if it existed).
    #[serde(default)]
    pub provenance: Option<Provenance>,
    /// Why a code that meant something else earlier is used again.
    #[serde(default)]
    pub reuses: Option<Text>,
    /// Why the metric counts the same as the one it continues although its wording changed
    /// (`same "..."`).
    #[serde(default)]
    pub same: Option<Text>,
    /// A hash of what defines what is counted (unit, timing, cohort, value type, breakdown and
    /// its entries, relations, definitions, timescales), not of wording or rationale: a change
    /// in meaning under an unchanged code shows as a changed fingerprint.
    #[serde(default)]
    pub fingerprint: String,
    /// The quality standards it reports under nationally (ids).
    #[serde(default)]
    pub standards: Vec<String>,
    /// How it is counted from case records, when the spec says so formally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed_from: Option<records::CountingRule>,
}

/// One value of a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataItem {
    pub code: String,
    pub metric: String,
    pub part: Option<String>,
    pub group: Option<String>,
    /// The wording of the value on its own (the item's wording for an item).
    pub wording: Text,
    /// For an item: the wording of its metric, the lead-in it is read under.
    pub lead_in: Option<Text>,
    pub value_type: ValueType,
    pub unit: String,
    pub timing: TimingKind,
    /// The code of the value this one is a part of, for indenting "of those" items.
    pub parent: Option<String>,
    pub depth: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Formula {
    Number {
        value: f64,
    },
    Metric {
        code: String,
    },
    Population {
        id: String,
    },
    Add {
        lhs: Box<Formula>,
        rhs: Box<Formula>,
    },
    Sub {
        lhs: Box<Formula>,
        rhs: Box<Formula>,
    },
    Mul {
        lhs: Box<Formula>,
        rhs: Box<Formula>,
    },
    Div {
        lhs: Box<Formula>,
        rhs: Box<Formula>,
    },
    Neg {
        arg: Box<Formula>,
    },
    Percent {
        numerator: Box<Formula>,
        denominator: Box<Formula>,
    },
    Rate {
        numerator: Box<Formula>,
        population: Box<Formula>,
        per: f64,
    },
    Average {
        total: Box<Formula>,
        count: Box<Formula>,
    },
    Ratio {
        numerator: Box<Formula>,
        denominator: Box<Formula>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub inputs: Vec<(String, f64)>,
    pub expect: f64,
    pub computed: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: String,
    pub title: Text,
    pub part: Option<String>,
    pub formula: Formula,
    /// The formula as written, with codes.
    pub formula_text: String,
    /// What kind of figure results: percent, rate, average, ratio or number.
    pub result: ResultKind,
    /// The unit of the result (pmf-words words it: "%", "per 10,000 of the population aged
    /// 18 and over", "days per service").
    pub result_unit: ResultUnit,
    pub polarity: Polarity,
    pub decimals: u32,
    pub reading: Option<Rich>,
    pub motivated_by: Option<String>,
    pub motivation: Option<Text>,
    pub notes: Vec<Rich>,
    pub examples: Vec<Example>,
    /// Metric and item codes the formula reads.
    pub inputs: Vec<String>,
    pub populations: Vec<String>,
    /// The quality standards it reports under nationally (ids).
    #[serde(default)]
    pub standards: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSeverity {
    Error,
    Warning,
    /// A query to explain: a year-on-year figure the authority is asked to account for, not
    /// an error in the return.
    Query,
}

impl RuleSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSeverity::Error => "error",
            RuleSeverity::Warning => "warning",
            RuleSeverity::Query => "query",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "!=")]
    Ne,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Le => "<=",
            Op::Eq => "=",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Gt => ">",
            Op::Ne => "!=",
        }
    }

    pub fn holds(self, lhs: f64, rhs: f64, tolerance: f64) -> bool {
        match self {
            Op::Le => lhs <= rhs + tolerance,
            Op::Ge => lhs + tolerance >= rhs,
            Op::Lt => lhs < rhs + tolerance,
            Op::Gt => lhs + tolerance > rhs,
            Op::Eq => (lhs - rhs).abs() <= tolerance,
            Op::Ne => (lhs - rhs).abs() > tolerance,
        }
    }
}

/// A validation rule. `value` and `required` rules concern one code; the others compare two
/// linear sums of codes: `lhs op rhs`, within `tolerance`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub severity: RuleSeverity,
    /// The author's message, for a rule written in the spec; a rule implied by structure is
    /// worded from its kind and terms (pmf-words).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub message: Option<Text>,
    /// The metric the rule belongs to (for grouping in reports).
    pub metric: String,
    pub lhs: Vec<Term>,
    pub op: Op,
    pub rhs: Vec<Term>,
    pub tolerance: f64,
    /// For `value` rules: the value type the code must have.
    pub value_type: Option<ValueType>,
    /// Implied by the spec's structure, or written as a rule.
    pub origin: RuleOrigin,
    /// For year-on-year rules: terms read from last year's return, added to `rhs` (for a
    /// `balance`, last year's stock; for a `change`, last year's figure of the same code).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_year: Vec<Term>,
    /// For a `change` rule: how far this year's figure (`lhs`) may move from last year's
    /// (`last_year`) before it is a query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeLimit>,
    /// The spec's notes on the rule (for example why a tolerance was chosen).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Rich>,
}

/// How far a figure may move from last year's: a change is a query when it is more than
/// `percent` % of last year's figure and at least `at_least` (so that small counts, where a
/// few cases make a large percentage, do not raise one).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeLimit {
    pub percent: f64,
    pub at_least: f64,
}

impl ChangeLimit {
    /// Whether moving from `last` to `this` is a query.
    pub fn breached(&self, this: f64, last: f64) -> bool {
        // Multiplied out (100 × change against percent × last) so that whole figures compare
        // exactly, the same way in every backend.
        let d = (this - last).abs();
        d * 100.0 > self.percent * last.abs() && d >= self.at_least
    }
}

impl Rule {
    /// Every code the rule reads.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.lhs
            .iter()
            .chain(self.rhs.iter())
            .chain(self.last_year.iter())
            .map(|t| t.code.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erratum {
    pub id: String,
    pub affects: Vec<String>,
    pub kind: Option<String>,
    pub source_text: Text,
    pub corrected: Option<Text>,
    pub reason: Text,
    pub fixed_in: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedWarning {
    pub code: String,
    pub message: String,
    pub reason: String,
    pub location: SourceRef,
    /// The item it was allowed on (a code or name), or none for a whole file.
    pub item: Option<String>,
}

impl Ir {
    /// The edition this one supersedes and the first year this one is used for, when both are
    /// known: a return of a year before that one is a return of the older edition, whose
    /// figures are read through `continues_in`.
    pub fn older(&self) -> Option<(&str, &str)> {
        match (&self.edition.supersedes, &self.edition.first_year) {
            (Some(old), Some(first)) => Some((old.as_str(), first.as_str())),
            _ => None,
        }
    }

    /// The codes of edition `old` whose figures, added together, this edition's `code`
    /// continues; `None` when the code means something new since then (no figure of that
    /// edition may be compared with it).
    pub fn continues_in(&self, code: &str, old: &str) -> Option<&[String]> {
        self.series
            .iter()
            .find(|x| x.code == code)
            .and_then(|x| x.continues.iter().find(|c| c.edition == old))
            .map(|c| c.codes.as_slice())
    }

    pub fn metric(&self, code: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.code == code)
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn quality_standard(&self, id: &str) -> Option<&QualityStandard> {
        self.quality_standards.iter().find(|q| q.id == id)
    }

    pub fn data_item(&self, code: &str) -> Option<&DataItem> {
        self.data_items.iter().find(|d| d.code == code)
    }

    /// Serialises the IR as pretty JSON with a final newline, the form `pmf export` prints.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
