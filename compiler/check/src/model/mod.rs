//! The model: typed declarations lowered from the syntax tree, one `Declarations` per file,
//! merged into a `Model`. Names are still unresolved here (`Ref`); `check` resolves them.
//!
//! Invariant: lowering never stops at the first problem; a field it cannot read is reported
//! and left out, and the rest of the item is still lowered.

mod lower;
mod parts;
pub mod schema;

pub use lower::{closest_name, lower_file};
pub use parts::Shape;

use crate::diag::Code;
pub use crate::ir::code::{is_indicator_code, is_item_code, is_metric_code, metric_of_item};
pub use crate::ir::{
    BreakdownKind, DurationUnit, Polarity, ProvenanceKind, TimescaleRule, UnitKind, ValueType,
};
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
    /// The English in its quotes (`loc` runs on to the Welsh).
    pub en_span: Span,
    pub loc: Loc,
    /// `cy "..."` after the English. Boxed: a text is in every declaration many times and
    /// most have no Welsh, so keeping the room for it out of line halves a text's size, and
    /// with it the memory a check touches (most of a small check's time is the kernel
    /// handing out fresh pages).
    pub welsh: Option<Box<Welsh>>,
}

/// The Welsh written after a text's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Welsh {
    /// `None` only for labels joined from two lists where one has no Welsh.
    pub text: Option<StrLit>,
    /// What the Welsh translates and how far its translation has gone: `of("3fa9c2d1",
    /// reviewed)` after the Welsh, written by `pmf translate import`. `None` for Welsh written
    /// by hand (unverified: it cannot be stale).
    pub of: Option<WelshOf>,
    /// From the `cy` before the Welsh to the end of the Welsh (or of its `of(...)`), in the
    /// text's file: what `pmf translate import` replaces.
    pub span: Span,
}

impl Text {
    /// The Welsh, when the spec gives it.
    pub fn cy(&self) -> Option<&StrLit> {
        self.welsh.as_ref()?.text.as_ref()
    }

    /// What the Welsh translates and its state ([`Welsh::of`]).
    pub fn cy_of(&self) -> Option<&WelshOf> {
        self.welsh.as_ref()?.of.as_ref()
    }

    /// Where the Welsh is written ([`Welsh::span`]).
    pub fn cy_span(&self) -> Option<Span> {
        Some(self.welsh.as_ref()?.span.clone())
    }
}

/// The English a Welsh text was made from (its short hash, [`english_hash`]) and the
/// translator's state of the Welsh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WelshOf {
    pub hash: String,
    pub state: WelshState,
    /// The `of(...)` call, for messages.
    pub loc: Loc,
}

/// How far a Welsh text has gone: only `Reviewed` counts as done for publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum WelshState {
    Draft,
    Translated,
    Reviewed,
}

impl WelshState {
    pub const ALL: [WelshState; 3] = [
        WelshState::Draft,
        WelshState::Translated,
        WelshState::Reviewed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WelshState::Draft => "draft",
            WelshState::Translated => "translated",
            WelshState::Reviewed => "reviewed",
        }
    }

    pub fn parse(s: &str) -> Option<WelshState> {
        WelshState::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// The short hash of an English text that a Welsh text records as the English it translates:
/// the first 8 hexadecimal digits (lower case) of the SHA-256 of the text's value, exactly as
/// the IR holds it (escapes resolved, a `"""` text's common indentation removed), in Unicode
/// normalization form C. Changing this function makes every recorded Welsh stale: it is part
/// of the language (compiler/doc/language.md, "Welsh").
pub fn english_hash(en: &str) -> String {
    use sha2::{Digest, Sha256};
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = en.nfc().collect();
    let digest = Sha256::digest(nfc.as_bytes());
    digest.iter().take(4).map(|b| format!("{b:02x}")).collect()
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

/// A term of the termbase: an English term and the Welsh agreed for it (`term id "English" cy
/// "Welsh" { status agreed }`), with other forms of both (plurals). A Welsh text whose English
/// uses an agreed term must use its Welsh (PMF0412); a deprecated Welsh term is one not to use
/// (PMF0413).
#[derive(Clone, Debug)]
pub struct Term {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub term: Option<Text>,
    /// Other forms of the term, each English with its Welsh (`form "contacts" cy
    /// "cysylltiadau"`).
    pub forms: Vec<Text>,
    pub status: Option<TermStatus>,
    pub note: Option<Text>,
}

/// One entry of the Welsh memory (`english "HASH" "English"`, written by `pmf translate import`
/// into welsh-memory.pmf): the English a Welsh text was made from, by the short hash its
/// `of(...)` records, so that a stale Welsh text can be shown with the English it translates.
#[derive(Clone, Debug)]
pub struct Remembered {
    pub hash: String,
    pub en: String,
    pub loc: Loc,
}

/// How far a term's Welsh is agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermStatus {
    /// Checked: Welsh texts whose English uses the term use its Welsh.
    Agreed,
    /// Shown to translators, not checked.
    Proposed,
    /// A Welsh term not to use: Welsh texts that use it are reported.
    Deprecated,
}

impl TermStatus {
    pub fn parse(w: &str) -> Option<TermStatus> {
        match w {
            "agreed" => Some(TermStatus::Agreed),
            "proposed" => Some(TermStatus::Proposed),
            "deprecated" => Some(TermStatus::Deprecated),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Agreed => "agreed",
            TermStatus::Proposed => "proposed",
            TermStatus::Deprecated => "deprecated",
        }
    }
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

/// A quality standard of the code of practice.
#[derive(Clone, Debug)]
pub struct Standard {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub number: Option<String>,
    pub title: Option<Text>,
    pub citations: Vec<Citation>,
    pub notes: Vec<Text>,
}

/// A local report definition: the measures of an authority's director's report, under the
/// quality standards, in order.
#[derive(Clone, Debug)]
pub struct Report {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    /// The authority as written, and where.
    pub authority: Option<(String, Loc)>,
    pub sections: Vec<ReportSection>,
    pub notes: Vec<Text>,
}

/// The measures a report shows under one quality standard.
#[derive(Clone, Debug)]
pub struct ReportSection {
    pub standard: Ref,
    pub loc: Loc,
    pub measures: Vec<ReportMeasure>,
    pub notes: Vec<Text>,
}

#[derive(Clone, Debug)]
pub enum ReportMeasure {
    /// A national metric, item or indicator.
    National(Ref),
    Local(Box<LocalMeasure>),
}

/// A measure without a national code, defined in the report.
#[derive(Clone, Debug)]
pub struct LocalMeasure {
    pub code: String,
    pub code_loc: Loc,
    pub loc: Loc,
    pub wording: Option<Text>,
    pub definition: Option<Text>,
    pub unit: Option<Text>,
    pub polarity: Option<Polarity>,
    pub decimals: Option<u32>,
    pub notes: Vec<Text>,
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
    /// Why the item counts the same as the one it continues although its wording changed.
    pub same: Option<Text>,
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
    /// Why the metric counts the same as the one it continues although its wording changed.
    pub same: Option<Text>,
    /// The quality standards it reports under nationally.
    pub standards: Vec<Ref>,
    /// How it is counted from case records: `computed_from RECORD { ... }`.
    pub computed_from: Option<ComputedFrom>,
}

/// `was ...`: the codes of the previous edition this metric (or item) continues.
#[derive(Clone, Debug)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    pub from: Vec<Ref>,
    pub loc: Loc,
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
    /// The quality standards it reports under nationally.
    pub standards: Vec<Ref>,
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
    /// `severity query`: a year-on-year figure to explain.
    pub query: bool,
    /// `change CODES`, with `percent` and `at_least`.
    pub change: Option<Expr>,
    pub percent: Option<(f64, Loc)>,
    pub at_least: Option<f64>,
    /// `balance STOCK`, with `in` and `out`.
    pub balance: Option<Expr>,
    pub inflow: Option<Expr>,
    pub outflow: Option<Expr>,
    pub notes: Vec<Text>,
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
    pub standards: Vec<Standard>,
    pub parts: Vec<Part>,
    pub groups: Vec<Group>,
    pub metrics: Vec<Metric>,
    pub indicators: Vec<Indicator>,
    pub rules: Vec<ExplicitRule>,
    pub errata: Vec<Erratum>,
    pub reports: Vec<Report>,
    pub calendars: Vec<Calendar>,
    pub records: Vec<Record>,
    /// The termbase: English terms and their agreed Welsh.
    pub terms: Vec<Term>,
    /// The Welsh memory: the English each Welsh text was made from, by its hash.
    pub remembered: Vec<Remembered>,
    /// Where each `of(...)` is: whether any Welsh records its English, so that the checks of
    /// stale and unreviewed Welsh cost nothing on a spec without translations.
    pub welsh_of: Vec<Loc>,
    /// `allow` items at the top level of a file: they apply to the whole file.
    pub file_allows: Vec<Allow>,
    /// Names of items that did not parse; references to them are not reported again.
    pub broken: Vec<String>,
}

impl Declarations {
    /// The English a Welsh text with this hash was made from, when the Welsh memory has it.
    pub fn remembered(&self, hash: &str) -> Option<&str> {
        self.remembered
            .iter()
            .find(|r| r.hash == hash)
            .map(|r| r.en.as_str())
    }
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
        self.standards.extend(other.standards);
        self.parts.extend(other.parts);
        self.groups.extend(other.groups);
        self.metrics.extend(other.metrics);
        self.indicators.extend(other.indicators);
        self.rules.extend(other.rules);
        self.errata.extend(other.errata);
        self.reports.extend(other.reports);
        self.calendars.extend(other.calendars);
        self.records.extend(other.records);
        self.terms.extend(other.terms);
        self.remembered.extend(other.remembered);
        self.welsh_of.extend(other.welsh_of);
        self.file_allows.extend(other.file_allows);
        self.broken.extend(other.broken);
    }
}

// ---- Case records and counting rules (compiler/doc/records.md) ----------------------------

/// A working-day calendar: `calendar wales "Working days in Wales" { ... }`.
#[derive(Clone, Debug)]
pub struct Calendar {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    /// `weekend saturday sunday`: each day as written, and where.
    pub weekend: Vec<(String, Loc)>,
    /// `years 2018 to 2026`, and where.
    pub years: Option<(i32, i32, Loc)>,
    pub holidays: Vec<HolidayDecl>,
    pub note: Option<Text>,
}

/// `holiday 2020-12-25 "Christmas Day"`.
#[derive(Clone, Debug)]
pub struct HolidayDecl {
    /// The date as written (checked to be a valid ISO date by the checker).
    pub date: String,
    pub date_loc: Loc,
    pub name: Option<Text>,
}

/// A kind of case record: `record contact "A contact to the IAA service" { ... }`.
#[derive(Clone, Debug)]
pub struct Record {
    pub id: String,
    pub loc: Loc,
    pub id_loc: Loc,
    pub title: Option<Text>,
    /// `counts UNIT`: the unit one record is.
    pub counts: Option<Ref>,
    /// `key FIELD`.
    pub key: Option<Ref>,
    pub fields: Vec<RecordField>,
    pub note: Option<Text>,
}

/// `field received datetime optional "When the contact was received"`.
#[derive(Clone, Debug)]
pub struct RecordField {
    pub id: String,
    pub id_loc: Loc,
    pub loc: Loc,
    pub ty: Option<FieldTy>,
    pub optional: bool,
    pub title: Option<Text>,
}

/// A field's type as written; the names in it are resolved by the checker.
#[derive(Clone, Debug)]
pub enum FieldTy {
    Date,
    Datetime,
    Number,
    Id,
    /// `code LIST`.
    Code(Ref),
    Cohort,
    /// `ref RECORD`.
    Ref(Ref),
}

/// `computed_from RECORD { ... }` in a metric.
#[derive(Clone, Debug)]
pub struct ComputedFrom {
    pub record: Ref,
    pub loc: Loc,
    /// The placements given (exactly one is right; the checker reports any other number).
    pub placements: Vec<PlacementDecl>,
    pub distinct: Option<Ref>,
    pub conditions: Vec<Cond>,
    /// `items by FIELD`.
    pub items_by: Option<Ref>,
    /// `item LETTER where CONDITION ...`.
    pub items: Vec<ItemCond>,
    pub notes: Vec<Text>,
}

/// `during F`, `open S until E`, `open_during S until E`.
#[derive(Clone, Debug)]
pub enum PlacementDecl {
    During { field: Ref, loc: Loc },
    Open { start: Ref, end: Ref, loc: Loc },
    OpenDuring { start: Ref, end: Ref, loc: Loc },
}

impl PlacementDecl {
    pub fn loc(&self) -> &Loc {
        match self {
            PlacementDecl::During { loc, .. }
            | PlacementDecl::Open { loc, .. }
            | PlacementDecl::OpenDuring { loc, .. } => loc,
        }
    }
}

/// One condition of a counting rule, as written.
#[derive(Clone, Debug)]
pub struct Cond {
    pub kind: CondKind,
    pub loc: Loc,
}

/// An amount of time: `1 working_days`.
#[derive(Clone, Debug)]
pub struct Amount {
    pub n: u32,
    pub unit: DurationUnit,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum CondKind {
    /// `F = C`, `F != C`, `F in (C, D)`, `F not in (C, D)`.
    Is {
        field: Ref,
        codes: Vec<Ref>,
        negated: bool,
    },
    /// `F is set`, `F is missing` (negated).
    Set { field: Ref, negated: bool },
    /// `F within N UNIT of G`, `F late N UNIT after G` (late).
    Within {
        field: Ref,
        from: Ref,
        amount: Amount,
        late: bool,
    },
    /// `age at F ...` or `age at period_end ...` (`at: None`).
    Age {
        at: Option<Ref>,
        min: Option<u32>,
        max: Option<u32>,
    },
    /// `at_least N RECORD by FIELD PLACEMENT [where C ...]`.
    AtLeast {
        n: u32,
        record: Ref,
        link: Ref,
        placement: Box<PlacementDecl>,
        conditions: Vec<Cond>,
    },
    /// `[no] previous [where C ...] F within N UNIT before G`.
    Previous {
        conditions: Vec<Cond>,
        end: Ref,
        start: Ref,
        amount: Amount,
        negated: bool,
    },
}

/// `item a where outcome = information_only`.
#[derive(Clone, Debug)]
pub struct ItemCond {
    pub letter: String,
    pub letter_loc: Loc,
    pub loc: Loc,
    pub conditions: Vec<Cond>,
}
