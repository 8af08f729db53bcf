//! The registry of diagnostic codes. Codes are stable: once published, a code keeps its number
//! and meaning. Each has an explanation in `explain/PMFxxxx.md` (What it means / Why / Example /
//! Fix), printed by `pmf explain`; a test compiles every example and expects its code.

use super::Severity;
use serde::{Serialize, Serializer};

pub struct CodeInfo {
    pub code: &'static str,
    /// Kebab-case name of the problem flagged, e.g. `unknown-reference`.
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal;)*) => {
        /// A diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        /// Every code, in numeric order.
        pub const ALL_CODES: &[Code] = &[$(Code::$variant,)*];

        impl Code {
            pub fn info(self) -> &'static CodeInfo {
                match self {
                    $(Code::$variant => &CodeInfo {
                        code: $code,
                        name: $name,
                        severity: Severity::$sev,
                        summary: $summary,
                        explanation: include_str!(concat!("explain/", $code, ".md")),
                    },)*
                }
            }
        }
    };
}

codes! {
    SyntaxError = "PMF0001", "syntax-error", Error, "the text is not valid .pmf syntax";
    InvalidUtf8 = "PMF0002", "invalid-utf8", Error, "the file is not UTF-8 text";
    FileTooLarge = "PMF0003", "file-too-large", Error, "the file is larger than a spec file can be";
    NestingTooDeep = "PMF0004", "nesting-too-deep", Error, "brackets or braces are nested too deeply";
    EmptyFile = "PMF0005", "empty-file", Warning, "the file declares nothing";
    UnreadablePath = "PMF0006", "unreadable-path", Error, "a path could not be read";
    NoEdition = "PMF0007", "no-edition", Error, "the spec has no edition or extension header";
    DuplicateEdition = "PMF0008", "duplicate-edition", Error, "the spec has more than one edition header";
    EditionOrder = "PMF0009", "edition-order", Error, "two editions supersede the same edition, or editions supersede each other in a cycle";
    UnknownField = "PMF0101", "unknown-field", Error, "a field that this kind of item does not have";
    UnknownReference = "PMF0102", "unknown-reference", Error, "a reference to something that is not declared";
    DuplicateDefinition = "PMF0103", "duplicate-definition", Error, "the same code or name is declared twice";
    UndeclaredInstrument = "PMF0104", "undeclared-instrument", Error, "a citation of a legal instrument that is not declared";
    MissingField = "PMF0105", "missing-field", Error, "a required field is missing";
    MalformedCode = "PMF0106", "malformed-code", Error, "a code that does not have the expected form";
    InvalidValue = "PMF0107", "invalid-value", Error, "a field has a value of the wrong form";
    WrongKind = "PMF0108", "wrong-kind", Error, "a reference to something of another kind";
    UnknownItemKind = "PMF0109", "unknown-item-kind", Error, "a top-level item of a kind the language does not have";
    ConflictingFields = "PMF0110", "conflicting-fields", Error, "fields that cannot be given together";
    ExtensionOutsidePrefix = "PMF0111", "extension-outside-prefix", Error, "a local extension declares a national code";
    ReusedCode = "PMF0112", "reused-code", Error, "a code that meant something else in an earlier edition is used again without a reason";
    MeaningChanged = "PMF0113", "meaning-changed", Warning, "a metric counts something different under an unchanged code";
    NoPreviousEdition = "PMF0114", "no-previous-edition", Error, "`was` refers to a previous edition the checker does not have";
    ContinuityUnproven = "PMF0115", "continuity-unproven", Error, "a code continued from the previous edition is worded to count something else, and nothing says it counts the same";
    ContradictoryProvenance = "PMF0116", "contradictory-provenance", Error, "`was`, `reuses` and `same` say things that cannot all be true";
    StaleCodeReference = "PMF0117", "stale-code-reference", Warning, "a text, erratum or formula carried over from the previous edition names a code that now means something else";
    ItemLetterSequence = "PMF0201", "item-letter-sequence", Error, "breakdown item letters are out of sequence or missing";
    ProductLetterMismatch = "PMF0202", "product-letter-mismatch", Error, "a product breakdown's letters do not follow the product order";
    InvertedRange = "PMF0203", "inverted-range", Error, "a range whose lower bound is above its upper bound";
    OverlappingRanges = "PMF0204", "overlapping-ranges", Error, "ranges in one list overlap";
    RangeGap = "PMF0205", "range-gap", Warning, "ranges in one list leave a gap";
    BreakdownKindViolated = "PMF0206", "breakdown-kind-violated", Error, "a breakdown's structure contradicts its kind";
    SubsetCycle = "PMF0207", "subset-cycle", Error, "metrics are declared subsets of each other in a cycle";
    DuplicateBreakdownEntry = "PMF0208", "duplicate-breakdown-entry", Error, "a breakdown uses the same list entry twice";
    OnlyDropsEntry = "PMF0209", "only-drops-entry", Warning, "an `only` breakdown leaves out an entry of a list that other metrics use whole";
    UnitMismatch = "PMF0301", "unit-mismatch", Error, "a subset, equality or formula relates different units";
    StockFlowMix = "PMF0302", "stock-flow-mix", Error, "a stock and a flow are added, compared or related";
    PercentageNotPart = "PMF0303", "percentage-not-part", Warning, "a percentage whose numerator is not declared part of its denominator";
    InvalidAverage = "PMF0304", "invalid-average", Error, "an average that is not a sum over a count of the same thing";
    StockOverFlow = "PMF0305", "stock-over-flow", Warning, "a ratio of a stock to a flow";
    CrossCohortReference = "PMF0306", "cross-cohort-reference", Warning, "a metric of one cohort refers to another cohort's metric";
    ExampleMismatch = "PMF0307", "example-mismatch", Error, "a worked example disagrees with its formula";
    ExampleIncomplete = "PMF0308", "example-incomplete", Error, "a worked example does not give every input";
    OverlappingSum = "PMF0309", "overlapping-sum", Error, "a formula adds up the items of an overlapping breakdown";
    TimescaleWithoutCitation = "PMF0401", "timescale-without-citation", Warning, "a statutory timescale that cites nothing";
    MissingWelsh = "PMF0402", "missing-welsh", Note, "a text has no Welsh version";
    UnknownCodeInText = "PMF0403", "unknown-code-in-text", Warning, "a text mentions a code that is not defined";
    CannotAllowError = "PMF0404", "cannot-allow-error", Error, "an `allow` names a code that is an error";
    AllowWithoutReason = "PMF0405", "allow-without-reason", Error, "an `allow` gives no reason";
    UnusedAllow = "PMF0406", "unused-allow", Warning, "an `allow` that allows nothing";
    MotivationNotFound = "PMF0407", "motivation-not-found", Warning, "an indicator's motivating sentence is not in the metric it cites";
    OwnCodeInText = "PMF0408", "own-code-in-text", Warning, "a metric's rationale or note relates the metric to itself";
    MalformedCodeInText = "PMF0409", "malformed-code-in-text", Warning, "a text mentions something shaped like a code that is not a well-formed code";
    StaleWelsh = "PMF0410", "stale-welsh", Warning, "a Welsh text was made for other English than the text has now";
    UnreviewedWelsh = "PMF0411", "unreviewed-welsh", Note, "a Welsh text is a draft or not yet reviewed";
    TermNotUsed = "PMF0412", "term-not-used", Warning, "a Welsh text does not use the agreed Welsh of a term its English uses";
    DeprecatedTerm = "PMF0413", "deprecated-term", Warning, "a Welsh text uses a term the termbase says not to use";
    UnmappedMeasure = "PMF0501", "unmapped-measure", Note, "a metric or indicator reports under no quality standard, while others of the edition do";
    RepeatedInReport = "PMF0502", "repeated-in-report", Error, "a report definition shows a measure, or a quality standard, twice";
    FieldTypeMismatch = "PMF0601", "field-type-mismatch", Error, "a record field is used where its type does not fit";
    CountedUnitMismatch = "PMF0602", "counted-unit-mismatch", Error, "a counting rule counts a unit other than the metric's";
    PlacementMismatch = "PMF0603", "placement-mismatch", Error, "a counting rule has no placement, two, or one that does not fit the metric's timing";
    CalendarNeeded = "PMF0604", "calendar-needed", Error, "a counting rule counts working days, but the spec does not have exactly one calendar";
    RuleNotImplied = "PMF0605", "rule-not-implied", Error, "a metric that is part of another is counted by a rule that does not count a part of what the other's counts";
    ItemsMismatch = "PMF0606", "items-mismatch", Error, "a counting rule's items do not match the metric's breakdown, or a partition's are not exhaustive and disjoint";
    InvalidCalendar = "PMF0607", "invalid-calendar", Error, "a calendar's weekend days, years or holidays are not valid";
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    /// Looks a code up by its number (`PMF0102`, case-insensitive) or its name.
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        ALL_CODES
            .iter()
            .copied()
            .find(|c| c.info().code.eq_ignore_ascii_case(s) || c.info().name == s)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
