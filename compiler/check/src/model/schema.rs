//! The schema of the language: every item kind, the fields of each (and of the blocks nested
//! in them), whether a field may be given more than once, what kind of value it takes, and a
//! line of documentation.
//!
//! This is the one definition. Lowering reads it for the fields a block accepts (an unknown
//! field gets "did you mean" and the list of fields from here) and for the fields that take
//! one value (given twice is an error); the editor layer reads it for completion and for the
//! documentation shown on a keyword; `compiler/doc/language.md` ends with a reference of it
//! that a test holds to it. A unit test lowers every field of every block, so a field listed
//! here is a field lowering reads.

use crate::names::Kind;

/// What a field's value is: what a reader writes after the field's name, and what an editor
/// can offer there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A text in quotes, optionally followed by `cy "..."`, its Welsh.
    Text,
    /// One of a fixed list of words.
    Word(&'static [&'static str]),
    /// The name of a declaration of this kind (for `cite`, the instrument, then where in it).
    Name(Kind),
    /// A metric or item code, or codes added together (`AD/002a + AD/002b`).
    Codes,
    /// An indicator's formula: codes, populations, numbers, operators and functions.
    Formula,
    /// A diagnostic code and the reason it is accepted: `allow PMF0303 "why"`.
    Allow,
    /// Nothing: the field's presence says it.
    Flag,
    /// A number, a word or a text, kept as written (`number "5.1"`, `year 2014`).
    Plain,
    /// A number.
    Number,
    /// A range of whole numbers: `16..25`, `18..`.
    Range,
    /// A financial year: `2020-21`.
    Year,
    /// An id written as a text or a word: an edition's (`extends "2019-consultation"`).
    Id,
    /// Nothing on the line but the block that follows it.
    Block,
    /// The name of a field of the record a counting rule or record declares.
    Field,
    /// Several words, as the field's documentation shows (a record's `field` line, a counting
    /// rule's condition: compiler/doc/records.md).
    Words,
}

/// One field of a block.
pub struct Field {
    pub name: &'static str,
    /// One line for a reader: what the field says, and how it is written when that is not
    /// plain from `value`.
    pub doc: &'static str,
    pub value: Value,
    /// May be given more than once (each adds one: a note, a citation); the others take one
    /// value, and giving one twice is an error.
    pub repeatable: bool,
    /// The block that may follow the field's line, with its own fields.
    pub block: Option<&'static Block>,
}

/// What the lines of a block are, besides its fields.
#[derive(Clone, Copy, Debug)]
pub enum Lines {
    /// Fields only.
    Fields,
    /// A breakdown's items: each line is a letter (`a`, `b` ...), optionally followed by the
    /// block of the item's fields.
    Letters(&'static Block),
    /// A worked example's inputs: each line is a code and its value, besides `expect`.
    Codes,
}

/// An item kind, or a block nested in an item.
#[derive(Debug)]
pub struct Block {
    /// The keyword that begins the item, or the field that opens the block.
    pub keyword: &'static str,
    /// How messages name it: "a metric", "a timescale".
    pub noun: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
    pub lines: Lines,
}

// By hand: a block can hold itself (a section holds sections), so its nested blocks are shown
// by keyword only.
impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("name", &self.name)
            .field("value", &self.value)
            .field("repeatable", &self.repeatable)
            .field("block", &self.block.map(|b| b.keyword))
            .finish()
    }
}

impl Block {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The names of the fields, in order.
    pub fn field_names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

const fn field(name: &'static str, value: Value, doc: &'static str) -> Field {
    Field {
        name,
        doc,
        value,
        repeatable: false,
        block: None,
    }
}

const fn many(name: &'static str, value: Value, doc: &'static str) -> Field {
    Field {
        name,
        doc,
        value,
        repeatable: true,
        block: None,
    }
}

const fn with_block(f: Field, block: &'static Block) -> Field {
    Field {
        block: Some(block),
        ..f
    }
}

use Value::{Allow, Codes, Flag, Formula, Name, Number, Plain, Range, Text, Word, Year};

pub const EDITION_STATUSES: &[&str] = &["draft", "consultation", "final"];
pub const INSTRUMENT_KINDS: &[&str] = &[
    "act",
    "code_of_practice",
    "regulations",
    "statutory_guidance",
    "procedures",
    "protocol",
    "guidance",
];
pub const UNIT_KINDS: &[&str] = &["entity", "measure"];
pub const VALUE_TYPES: &[&str] = &["whole", "decimal"];
pub const POLARITIES: &[&str] = &["higher_is_better", "lower_is_better", "neither"];
pub const SEVERITIES: &[&str] = &["error", "warning", "query"];
pub const ERRATUM_KINDS: &[&str] = &[
    "code",
    "wording",
    "cross_reference",
    "range",
    "extraction",
    "uncoded",
    "heading",
    "numbering",
];
pub const BREAKDOWN_KINDS: &[&str] = &["partition", "exclusive", "overlapping", "independent"];
/// The words after a breakdown's kind, each followed by its value.
pub const BREAKDOWN_WORDS: &[&str] = &["of", "by", "only", "each_within"];
pub const DURATION_UNITS: &[&str] = &["working_days", "days", "weeks", "months", "years"];
/// Where in an instrument a citation points.
pub const LOCATOR_KINDS: &[&str] = &[
    "section",
    "sections",
    "para",
    "paras",
    "part",
    "chapter",
    "regulation",
    "volume",
    "page",
    "schedule",
    "annex",
];

/// A function of indicator formulas.
#[derive(Debug)]
pub struct Function {
    pub name: &'static str,
    pub signature: &'static str,
    pub doc: &'static str,
}

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "percent",
        signature: "percent(numerator, denominator)",
        doc: "100 × numerator / denominator. Both count the same unit; the numerator should be declared part of the denominator (PMF0303).",
    },
    Function {
        name: "rate",
        signature: "rate(numerator, population, per)",
        doc: "numerator per `per` of the population, e.g. `rate(CH/001, children_0_17, 10000)`.",
    },
    Function {
        name: "average",
        signature: "average(total, count)",
        doc: "a `sums X over Y` metric divided by a count of Y (PMF0304).",
    },
    Function {
        name: "ratio",
        signature: "ratio(numerator, denominator)",
        doc: "numerator / denominator, for anything else; a stock over a flow is a warning (PMF0305).",
    },
];

const ALLOW_DOC: &str = "Accept a warning here, with the reason: `allow PMF0303 \"reason\"`.";

pub static EDITION: Block = Block {
    keyword: "edition",
    noun: "an edition",
    doc: "The header of an edition of the guidance: one per spec.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the guidance."),
        field("framework", Text, "The framework the guidance belongs to."),
        field(
            "status",
            Word(EDITION_STATUSES),
            "`draft`, `consultation` or `final`.",
        ),
        field(
            "first_year",
            Year,
            "The first financial year the edition applies to, e.g. `2020-21`.",
        ),
        field("period", Text, "The reporting period in words."),
        field(
            "supersedes",
            Value::Id,
            "The edition this one replaces, or `none`.",
        ),
        field("publisher", Text, "Who publishes the guidance."),
        field(
            "published",
            Plain,
            "The date of publication, e.g. `2019-12-12`.",
        ),
        field("number", Plain, "The document number, e.g. `\"WG39012\"`."),
        field(
            "copyright",
            Text,
            "The copyright line, e.g. `\"Crown copyright 2019\"`.",
        ),
        field(
            "licence",
            Word(&["ogl"]),
            "`ogl`: published under the Open Government Licence v3.0.",
        ),
        field(
            "contact",
            Text,
            "Whom to contact with queries about the guidance.",
        ),
        many("note", Text, "A note printed with the edition (rich text)."),
    ],
};

pub static EXTENSION: Block = Block {
    keyword: "extension",
    noun: "an extension",
    doc: "The header of a local authority's file of local measures, checked with the national edition.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the local measures."),
        field("authority", Plain, "The authority's code, e.g. `W06000015`."),
        field("prefix", Plain, "The prefix of the local codes, e.g. `CDF` for CDF/001."),
        field("extends", Value::Id, "The id of the national edition extended."),
    ],
};

pub static SECTION: Block = Block {
    keyword: "section",
    noun: "a document section",
    doc: "A section of a prose chapter: `section id \"Title\" { ... }`.",
    lines: Lines::Fields,
    fields: &[
        field(
            "number",
            Plain,
            "The section number as printed, e.g. `\"1.1\"`.",
        ),
        field("title", Text, "The title."),
        field(
            "text",
            Text,
            "The text (rich text: paragraphs, bullets, quotations).",
        ),
        with_block(
            many(
                "section",
                Value::Block,
                "A nested section: `section id \"Title\" { ... }`.",
            ),
            &SECTION,
        ),
    ],
};

pub static DOC: Block = Block {
    keyword: "doc",
    noun: "a document section",
    doc: "A prose chapter of the guidance, with nested sections.",
    lines: Lines::Fields,
    fields: SECTION.fields,
};

pub static INSTRUMENT: Block = Block {
    keyword: "instrument",
    noun: "an instrument",
    doc: "A law, code of practice or procedure that metrics cite.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The full title."),
        field("short", Text, "A short name for citations."),
        field("kind", Word(INSTRUMENT_KINDS), "act, code_of_practice, regulations, statutory_guidance, procedures, protocol or guidance."),
        field("year", Plain, "The year it was made."),
        field("within", Name(Kind::Instrument), "The instrument it belongs to (a code of practice within its Act)."),
    ],
};

pub static COHORT: Block = Block {
    keyword: "cohort",
    noun: "a cohort",
    doc: "A group of people metrics are about (adults, children).",
    lines: Lines::Fields,
    fields: &[
        field("label", Text, "The label as printed."),
        field("definition", Text, "Who belongs to the cohort."),
        field("ages", Range, "An age range: `18..` or `0..17`."),
    ],
};

pub static UNIT: Block = Block {
    keyword: "unit",
    noun: "a unit",
    doc: "What metrics count (an `entity`: contacts, people) or sum (a `measure`: days).",
    lines: Lines::Fields,
    fields: &[
        field("label", Text, "The plural label."),
        field("singular", Text, "The singular label."),
        field(
            "kind",
            Word(UNIT_KINDS),
            "`entity` (counted one by one) or `measure` (a quantity that is summed).",
        ),
        field(
            "value",
            Word(VALUE_TYPES),
            "For a measure: `whole` or `decimal`.",
        ),
        field("person", Flag, "The unit counts people."),
    ],
};

pub static DEFINITION: Block = Block {
    keyword: "definition",
    noun: "a definition",
    doc: "A term of the guidance.",
    lines: Lines::Fields,
    fields: &[
        field("term", Text, "The term as printed."),
        field("text", Text, "What it means."),
    ],
};

/// The statuses of a term of the termbase.
pub const TERM_STATUSES: &[&str] = &["agreed", "proposed", "deprecated"];

pub static TERM: Block = Block {
    keyword: "term",
    noun: "a term",
    doc: "A term of the termbase: `term id \"English\" cy \"Welsh\" { status agreed }`. A Welsh text whose English uses an agreed term must use its Welsh (PMF0412); a deprecated Welsh term is reported where it is used (PMF0413).",
    lines: Lines::Fields,
    fields: &[
        field(
            "status",
            Word(TERM_STATUSES),
            "`agreed` (checked), `proposed` (shown to translators, not checked) or `deprecated` (a Welsh term not to use) (required).",
        ),
        many(
            "form",
            Text,
            "Another form of the term, with its Welsh: `form \"contacts\" cy \"cysylltiadau\"` (a Welsh word's mutated forms are found without one).",
        ),
        field("note", Text, "A note for translators."),
    ],
};

pub static SOURCE: Block = Block {
    keyword: "source",
    noun: "a data source",
    doc: "A collection a metric is taken from rather than collected for this return.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the collection."),
        field("note", Text, "A note about it."),
    ],
};

pub static POPULATION: Block = Block {
    keyword: "population",
    noun: "a population",
    doc: "A figure supplied each year for rates (the population aged 18 or over).",
    lines: Lines::Fields,
    fields: &[
        field("label", Text, "The label as printed."),
        field("cohort", Name(Kind::Cohort), "The cohort it counts."),
        field("ages", Range, "An age range: `18..` or `0..17`."),
        field("source", Text, "Where the figure comes from."),
    ],
};

pub static ENTRY: Block = Block {
    keyword: "entry",
    noun: "an entry",
    doc: "An entry of a codelist: `entry name \"Label\"`, optionally `range 16..25`, `catch_all` or `reserved \"why\"`.",
    lines: Lines::Fields,
    fields: &[
        field("label", Text, "The label as printed."),
        field("range", Range, "An age range: `16..25` or `66..`."),
        field("reserved", Text, "Kept only so that item letters match the source: `reserved \"why\"`."),
        field("note", Text, "A note about the entry."),
    ],
};

pub static ENTRY_GROUP: Block = Block {
    keyword: "group",
    noun: "a group of entries",
    doc: "A group of entries of a codelist: `group id \"Label\" { entry ... }`.",
    lines: Lines::Fields,
    fields: &[with_block(
        many(
            "entry",
            Plain,
            "An entry of the group: `entry name \"Label\"`.",
        ),
        &ENTRY,
    )],
};

pub static CODELIST: Block = Block {
    keyword: "codelist",
    noun: "a codelist",
    doc: "A list declared once and used by many breakdowns.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the list."),
        field("exhaustive", Flag, "The entries cover every case (the list has an \"Other\")."),
        with_block(many("entry", Plain, "An entry: `entry name \"Label\"`, optionally `range 16..25`, `catch_all` or `reserved \"why\"`."), &ENTRY),
        with_block(many("group", Plain, "A group of entries: `group id \"Label\" { entry ... }`."), &ENTRY_GROUP),
        field("note", Text, "A note about the list."),
    ],
};

pub static MISSING: Block = Block {
    keyword: "missing",
    noun: "a missing-value status",
    doc: "A status that explains a value that cannot be given.",
    lines: Lines::Fields,
    fields: &[
        field("label", Text, "The label as printed."),
        field("meaning", Text, "What the status means."),
    ],
};

pub static STANDARD: Block = Block {
    keyword: "standard",
    noun: "a quality standard",
    doc: "A quality standard of the code of practice, which the director's annual report shows measures under: `standard qs1 \"People are ...\" { number \"1\" }`.",
    lines: Lines::Fields,
    fields: &[
        field("number", Plain, "The number as printed, e.g. `\"1\"`."),
        field("title", Text, "The standard as worded."),
        with_block(
            many(
                "cite",
                Name(Kind::Instrument),
                "Where it is set out: `cite INSTRUMENT` (repeatable).",
            ),
            &CITATION,
        ),
        many("note", Text, "A note about it (repeatable)."),
    ],
};

pub static PART: Block = Block {
    keyword: "part",
    noun: "a part",
    doc: "A chapter of metrics (5.1 Adults ...).",
    lines: Lines::Fields,
    fields: &[
        field("number", Plain, "The number as printed, e.g. `\"5.1\"`."),
        field("title", Text, "The title."),
        field(
            "cohort",
            Name(Kind::Cohort),
            "Whom its metrics are about, unless a metric says otherwise.",
        ),
        field("within", Name(Kind::Part), "The part this one sits in."),
        field("prefix", Plain, "The prefix of its codes, e.g. `\"AD\"`."),
        field("intro", Text, "The text that opens the part."),
    ],
};

pub static GROUP: Block = Block {
    keyword: "group",
    noun: "a group",
    doc:
        "A numbered table of metrics inside a part; the metrics below it in the file belong to it.",
    lines: Lines::Fields,
    fields: &[
        field("part", Name(Kind::Part), "The part the group is in."),
        field("number", Plain, "The number as printed."),
        field("title", Text, "The title."),
        field("note", Text, "A note printed under the group."),
    ],
};

pub static CITATION: Block = Block {
    keyword: "cite",
    noun: "a citation",
    doc:
        "Where a requirement is: `cite INSTRUMENT para 335 quote \"...\"`, or the same in a block.",
    lines: Lines::Fields,
    fields: &[
        many(
            "section",
            Plain,
            "A section of the instrument (numbers, ranges or texts).",
        ),
        many("sections", Plain, "Sections of the instrument."),
        many("para", Plain, "A paragraph of the instrument."),
        many("paras", Plain, "Paragraphs of the instrument."),
        many("part", Plain, "A part of the instrument."),
        many("chapter", Plain, "A chapter of the instrument."),
        many("regulation", Plain, "A regulation of the instrument."),
        many("volume", Plain, "A volume of the instrument."),
        many("page", Plain, "A page of the instrument."),
        many("schedule", Plain, "A schedule of the instrument."),
        many("annex", Plain, "An annex of the instrument."),
        field("quote", Text, "The requirement as the instrument words it."),
    ],
};

pub static TIMESCALE: Block = Block {
    keyword: "timescale",
    noun: "a timescale",
    doc: "A statutory timescale: `timescale \"label\" { within 42 working_days from \"...\" }`.",
    lines: Lines::Fields,
    fields: &[
        field(
            "within",
            Number,
            "A deadline: `within 42 working_days from \"the point of referral\"`.",
        ),
        field("every", Number, "An interval: `every 6 months`."),
        field("label", Text, "The timescale in words."),
        field("until", Text, "The event that stops the clock."),
        with_block(
            many(
                "cite",
                Name(Kind::Instrument),
                "The requirement that sets it: `cite INSTRUMENT para 53`.",
            ),
            &CITATION,
        ),
        field("note", Text, "A note about it."),
    ],
};

pub static BREAKDOWN_ITEM: Block = Block {
    keyword: "a",
    noun: "a breakdown item",
    doc: "An item of a breakdown: its letter, then its list entry and/or its wording, e.g. `a \"Neglect\"`.",
    lines: Lines::Fields,
    fields: &[
        field("wording", Text, "The item's wording."),
        field("subset", Codes, "The item is at most this: `subset of AD/001`."),
        field("equals", Codes, "The item equals this."),
        many("note", Text, "A note about the item (repeatable)."),
        field("was", Codes, "The code this item continues in the previous edition: `was AD/009b`."),
        field("same", Text, "Why the reworded item still counts what the code it continues counted: `same \"...\"`."),
    ],
};

pub static BREAKDOWN: Block = Block {
    keyword: "breakdown",
    noun: "a breakdown",
    doc: "A metric's items: `breakdown partition of AD/001 by LIST { a entry ... }`.",
    lines: Lines::Letters(&BREAKDOWN_ITEM),
    fields: &[],
};

pub static METRIC: Block = Block {
    keyword: "metric",
    noun: "a metric",
    doc: "A count every local authority reports.",
    lines: Lines::Fields,
    fields: &[
        field("wording", Text, "The metric as printed (required)."),
        field("short", Text, "A short label for templates."),
        field("group", Name(Kind::Group), "The group it belongs to, when not the one above it in the file."),
        field("counts", Name(Kind::Unit), "What is counted: `counts contact` (required, or `sums`)."),
        field("sums", Name(Kind::Unit), "A total of a measure: `sums day over service`."),
        field("flow", Flag, "Counted during the year."),
        field("stock", Flag, "Counted at a point in time: `stock`, or `stock at \"31 March\"`."),
        field("cohort", Name(Kind::Cohort), "Whom it is about; defaults to the part's cohort."),
        field("value", Word(VALUE_TYPES), "`whole` or `decimal`; defaults from the unit."),
        field("rationale", Text, "\"Why are we measuring this?\" (rich text)."),
        field("includes", Text, "What to count."),
        field("excludes", Text, "What not to count."),
        field("counting", Text, "The unit of counting."),
        field("collected_from", Name(Kind::Source), "The collection the figure is taken from."),
        with_block(many("cite", Name(Kind::Instrument), "A legal citation: `cite INSTRUMENT para 335 quote \"...\"` (repeatable)."), &CITATION),
        with_block(many("timescale", Text, "A statutory timescale: `timescale { within 42 working_days from \"...\" }` (repeatable)."), &TIMESCALE),
        field("subset", Codes, "At most the given code or sum of codes: `subset of AD/002a + AD/002b`."),
        field("equals", Codes, "Equal to the given code or sum of codes."),
        with_block(field("breakdown", Word(BREAKDOWN_KINDS), "Items: `breakdown partition of AD/001 by LIST { a entry ... }`."), &BREAKDOWN),
        many("note", Text, "A note for the reader (repeatable)."),
        many("allow", Allow, ALLOW_DOC),
        field("total", Flag, "With a breakdown: the metric's own total is reported as well."),
        field("was", Codes, "The code this metric continues in the previous edition: `was AD/009` (renumbered), `was AD/002a + AD/002b` (merged), `was part of AD/021` (split)."),
        field("reuses", Text, "Why a code retired from an earlier edition is used again: `reuses \"...\"`."),
        field("same", Text, "Why the reworded metric still counts what the code it continues counted: `same \"...\"`."),
        many("standard", Name(Kind::Standard), "A quality standard the metric reports under nationally: `standard qs1` (repeatable)."),
        with_block(field("computed_from", Name(Kind::Record), "How it is counted from case records: `computed_from contact { during received ... }` (compiler/doc/records.md)."), &COMPUTED_FROM),
    ],
};

/// The condition words a counting rule's `where` takes, for the reference.
const CONDITION_DOC: &str = "A condition every counted record meets (repeatable; all must hold): `F = CODE`, `F != CODE`, `F in (A, B)`, `F not in (A, B)`, `F is set`, `F is missing`, `F within N UNIT of G`, `F late N UNIT after G`, `age at F between A and B` (or `at_least A`, `under B`; `at period_end`), `at_least N RECORD by F during G [where ...]`, `[no] previous [where ...] F within N UNIT before G`.";

pub static COMPUTED_FROM: Block = Block {
    keyword: "computed_from",
    noun: "a counting rule",
    doc: "How a metric is counted from an authority's case records: `computed_from RECORD { ... }` (compiler/doc/records.md gives the meaning).",
    lines: Lines::Fields,
    fields: &[
        field("during", Value::Field, "A flow: the records whose date field falls in the year: `during received`."),
        field("open", Value::Words, "A stock at 31 March: `open started until ended`."),
        field("open_during", Value::Words, "Open at some time in the year: `open_during started until ended`."),
        field("distinct", Value::Field, "Count distinct values of the field (people), not records: `distinct person`."),
        many("where", Value::Words, CONDITION_DOC),
        field("items", Value::Words, "Each item counts the records whose field is the item's list entry: `items by outcome`."),
        many("item", Value::Words, "One item's own conditions: `item a where outcome = information_only` (one per item)."),
        many("note", Text, "An interpretation the guidance's prose leaves open, printed with the rule (repeatable)."),
    ],
};

pub static CALENDAR: Block = Block {
    keyword: "calendar",
    noun: "a calendar",
    doc: "A working-day calendar: its weekend days and bank holidays, for counting rules that count working days: `calendar wales \"Working days in Wales\" { ... }`.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the calendar."),
        field("weekend", Value::Words, "The days of the week that are never working days: `weekend saturday sunday`."),
        field("years", Value::Words, "The calendar years whose holidays are all listed: `years 2018 to 2026`."),
        many("holiday", Value::Words, "A bank holiday (a substitute day as the day taken): `holiday 2020-12-28 \"Boxing Day (substitute day)\"` (repeatable)."),
        field("note", Text, "A note about the calendar."),
    ],
};

pub static RECORD: Block = Block {
    keyword: "record",
    noun: "a record",
    doc: "A kind of case record metrics are counted from: `record contact \"A contact to the IAA service\" { ... }`.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the record kind."),
        field("counts", Name(Kind::Unit), "The unit one record is: `counts contact` (required)."),
        field("key", Value::Field, "The field that identifies a record: `key id` (required)."),
        many("field", Value::Words, "A field: `field received datetime optional \"When it was received\"`; types `date`, `datetime`, `number`, `id`, `code LIST`, `cohort`, `ref RECORD` (repeatable)."),
        field("note", Text, "A note about the record kind."),
    ],
};

pub static EXAMPLE: Block = Block {
    keyword: "example",
    noun: "an example",
    doc:
        "A worked example of an indicator: a value for each code its formula reads, and the result.",
    lines: Lines::Codes,
    fields: &[field(
        "expect",
        Number,
        "The result the formula must give for these inputs.",
    )],
};

pub static INDICATOR: Block = Block {
    keyword: "indicator",
    noun: "an indicator",
    doc: "A performance indicator derived from metrics and populations.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title as printed."),
        field("part", Name(Kind::Part), "The part it belongs to."),
        field("formula", Formula, "How it is computed: codes, populations, numbers, + - * / and percent, rate, average, ratio."),
        field("polarity", Word(POLARITIES), "`higher_is_better`, `lower_is_better` or `neither`."),
        field("decimals", Number, "Figures are rounded to this many places (0 to 6)."),
        field("reading", Text, "How to read the figure."),
        field("motivated_by", Codes, "The metric whose text motivates the indicator, and the sentence."),
        many("note", Text, "A note (repeatable)."),
        with_block(many("example", Value::Block, "A worked example: inputs and `expect N`, checked by the compiler."), &EXAMPLE),
        many("allow", Allow, ALLOW_DOC),
        many("standard", Name(Kind::Standard), "A quality standard the indicator reports under nationally: `standard qs1` (repeatable)."),
    ],
};

pub static RULE: Block = Block {
    keyword: "rule",
    noun: "a rule",
    doc: "A validation rule beyond those the structure implies.",
    lines: Lines::Fields,
    fields: &[
        field("severity", Word(SEVERITIES), "`error`, `warning`, or `query` (a year-on-year figure the authority is asked to explain)."),
        field(
            "assert",
            Codes,
            "A comparison of sums of codes: `AD/002a <= AD/001`.",
        ),
        field(
            "message",
            Text,
            "What an officer reads when the rule fails (worded from the rule when not given, for `change` and `balance`).",
        ),
        field("tolerance", Number, "The comparison holds within this."),
        field("change", Codes, "Year on year: the code (or codes added together) whose change from last year's return is checked, with `percent` and `at_least`."),
        field("percent", Number, "With `change`: a change of more than this percentage of last year's figure is a query."),
        field("at_least", Number, "With `change`: only a change of at least this much is a query (small counts move by large percentages)."),
        field("balance", Codes, "Year on year: a stock that balances across years: last year's stock, plus `in`, minus `out`, is this year's."),
        field("in", Codes, "With `balance`: the flows into the stock during the year."),
        field("out", Codes, "With `balance`: the flows out of the stock during the year."),
        many("note", Text, "A note on the rule, e.g. why a tolerance was chosen (repeatable)."),
        many("allow", Allow, ALLOW_DOC),
    ],
};

pub static ERRATUM: Block = Block {
    keyword: "erratum",
    noun: "an erratum",
    doc: "A correction of the source guidance, with the reason.",
    lines: Lines::Fields,
    fields: &[
        field(
            "affects",
            Codes,
            "The codes or names the correction concerns.",
        ),
        field(
            "kind",
            Word(ERRATUM_KINDS),
            "code, wording, cross_reference, range, extraction, uncoded, heading or numbering.",
        ),
        field("source", Text, "The text as the source prints it."),
        field("corrected", Text, "The text as intended."),
        field("reason", Text, "Why it was corrected."),
        field("fixed_in", Plain, "The edition that corrects it."),
    ],
};

pub static LOCAL_MEASURE: Block = Block {
    keyword: "local",
    noun: "a local measure",
    doc: "A measure an authority reports that has no national code (a local one, or one of the previous framework): `local VAC/001 \"Vacant posts advertised during the year\" { ... }`.",
    lines: Lines::Fields,
    fields: &[
        field("wording", Text, "The measure as worded (or give it after the code)."),
        field("definition", Text, "What is counted (required)."),
        field("unit", Text, "The unit of its figures, e.g. `\"posts\"` or `\"%\"` (required)."),
        field("polarity", Word(POLARITIES), "`higher_is_better`, `lower_is_better` or `neither` (the default)."),
        field("decimals", Number, "Figures are shown with this many places (0 to 6)."),
        many("note", Text, "A note printed with the measure (repeatable)."),
    ],
};

pub static REPORT_STANDARD: Block = Block {
    keyword: "standard",
    noun: "a report's quality standard",
    doc: "The measures a report shows under one quality standard, in order: `standard qs1 { measure PI/AD/01 ... }`.",
    lines: Lines::Fields,
    fields: &[
        many("measure", Codes, "A national metric, item or indicator shown here: `measure PI/AD/01` (repeatable)."),
        with_block(
            many("local", Plain, "A measure without a national code: `local VAC/001 \"Wording\" { definition ... unit ... }`."),
            &LOCAL_MEASURE,
        ),
        many("note", Text, "A note printed under the standard's heading (repeatable)."),
    ],
};

pub static REPORT: Block = Block {
    keyword: "report",
    noun: "a report definition",
    doc: "A local report definition: which measures an authority's director's annual report shows under which quality standard, in which order, with its local measures.",
    lines: Lines::Fields,
    fields: &[
        field("title", Text, "The title of the report."),
        field("authority", Plain, "The authority whose report it is: its ONS code, e.g. `W06000015`."),
        with_block(
            many("standard", Name(Kind::Standard), "The measures under one quality standard: `standard qs1 { measure ... }` (repeatable; the report shows them in this order)."),
            &REPORT_STANDARD,
        ),
        many("note", Text, "A note printed at the top of the report (repeatable)."),
    ],
};

pub static ENGLISH: Block = Block {
    keyword: "english",
    noun: "an entry of the Welsh memory",
    doc: "The English a Welsh text was made from, by the hash its `of(...)` records: `english \"494ff1c6\" \"The English\"`. Written by `pmf translate import` into welsh-memory.pmf, not by hand; it lets a stale Welsh text be shown with the English it translates.",
    lines: Lines::Fields,
    fields: &[],
};

pub static ALLOW_ITEM: Block = Block {
    keyword: "allow",
    noun: "an allow",
    doc: "Accept a warning on a whole file, with the reason: `allow PMF0306 \"reason\"`.",
    lines: Lines::Fields,
    fields: &[],
};

/// Every item kind, in the order `pmf_syntax::split::ITEM_KEYWORDS` lists them.
pub static ITEMS: &[&Block] = &[
    &EDITION,
    &EXTENSION,
    &DOC,
    &INSTRUMENT,
    &COHORT,
    &UNIT,
    &DEFINITION,
    &SOURCE,
    &POPULATION,
    &CODELIST,
    &MISSING,
    &STANDARD,
    &PART,
    &GROUP,
    &METRIC,
    &INDICATOR,
    &RULE,
    &ERRATUM,
    &REPORT,
    &ALLOW_ITEM,
    &CALENDAR,
    &RECORD,
    &TERM,
    &ENGLISH,
];

/// The item kind a keyword begins.
pub fn item(keyword: &str) -> Option<&'static Block> {
    ITEMS.iter().copied().find(|b| b.keyword == keyword)
}

/// The block at a path of keys, outermost first: the item's keyword, then the field (or item
/// letter) that opens each nested block. `None` where the path leaves the language.
pub fn block_at<S: AsRef<str>>(path: &[S]) -> Option<&'static Block> {
    let (first, rest) = path.split_first()?;
    let mut block = item(first.as_ref())?;
    for key in rest {
        let key = key.as_ref();
        block = match (block.field(key), block.lines) {
            (Some(f), _) => f.block?,
            (None, Lines::Letters(item)) if is_letter(key) => item,
            _ => return None,
        };
    }
    Some(block)
}

/// The fields of the block at a path (see `block_at`); none outside the language.
pub fn fields_at<S: AsRef<str>>(path: &[S]) -> &'static [Field] {
    block_at(path).map_or(&[], |b| b.fields)
}

/// Whether a key is a breakdown item's letter.
pub fn is_letter(key: &str) -> bool {
    key.len() == 1 && key.chars().all(|c| c.is_ascii_lowercase())
}

/// Every block of the language once: the item kinds, then the blocks nested in them, each
/// with the path that reaches it (a breakdown item's path uses the letter `a`).
pub fn all_blocks() -> Vec<(Vec<&'static str>, &'static Block)> {
    let mut out: Vec<(Vec<&'static str>, &'static Block)> = Vec::new();
    let mut stack: Vec<(Vec<&'static str>, &'static Block)> =
        ITEMS.iter().rev().map(|b| (vec![b.keyword], *b)).collect();
    while let Some((path, block)) = stack.pop() {
        if out.iter().any(|(_, b)| std::ptr::eq(*b, block)) {
            continue;
        }
        let mut nested: Vec<(Vec<&'static str>, &'static Block)> = Vec::new();
        for f in block.fields {
            if let Some(b) = f.block {
                let mut p = path.clone();
                p.push(f.name);
                nested.push((p, b));
            }
        }
        if let Lines::Letters(item) = block.lines {
            let mut p = path.clone();
            p.push("a");
            nested.push((p, item));
        }
        out.push((path, block));
        stack.extend(nested.into_iter().rev());
    }
    out
}

/// How the reference words a value.
fn describe(v: Value) -> String {
    let words = |ws: &[&str]| {
        let quoted: Vec<String> = ws.iter().map(|w| format!("`{w}`")).collect();
        format!("one of {}", quoted.join(", "))
    };
    match v {
        Value::Text => "a text".into(),
        Value::Word(ws) => words(ws),
        Value::Name(k) => format!("the name of {}", k.noun()),
        Value::Codes => "a code, or codes added together".into(),
        Value::Formula => "a formula".into(),
        Value::Allow => "a diagnostic code and the reason".into(),
        Value::Flag => "nothing".into(),
        Value::Plain => "a number, a word or a text".into(),
        Value::Number => "a number".into(),
        Value::Range => "a range: `16..25`, `66..`".into(),
        Value::Year => "a financial year: `2020-21`".into(),
        Value::Id => "an edition's id".into(),
        Value::Block => "a block".into(),
        Value::Field => "the name of a field of the record".into(),
        Value::Words => "words, as shown".into(),
    }
}

/// The schema written out in Markdown, as `compiler/doc/language.md` ends: for each item kind
/// and each block nested in one, its documentation and a table of its fields.
pub fn reference() -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::new();
    for (path, block) in all_blocks() {
        let shown: Vec<String> = path
            .iter()
            .enumerate()
            .map(|(i, k)| match i {
                0 => format!("`{k}`"),
                _ if is_letter(k) => "an item".to_string(),
                _ => format!("`{k}`"),
            })
            .collect();
        out.push_str(&format!("### {}\n\n{}\n\n", shown.join(" › "), block.doc));
        match block.lines {
            Lines::Fields => {}
            Lines::Letters(_) => out.push_str(
                "Each line is an item: its letter (`a`, `b` ...), then its list entry and/or its wording, optionally followed by a block of the item's fields.\n\n",
            ),
            Lines::Codes => out.push_str(
                "Each line gives a value for a code or population the formula reads: `AD/024 60`.\n\n",
            ),
        }
        if block.fields.is_empty() {
            continue;
        }
        out.push_str("| field | value | repeatable | meaning |\n|---|---|---|---|\n");
        for f in block.fields {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                f.name,
                cell(&describe(f.value)),
                if f.repeatable { "yes" } else { "" },
                cell(f.doc)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_item_kinds_are_the_parser_s() {
        let ours: Vec<&str> = ITEMS.iter().map(|b| b.keyword).collect();
        assert_eq!(ours, crate::syntax::split::ITEM_KEYWORDS);
    }

    #[test]
    fn blocks_are_found_by_their_path() {
        assert!(std::ptr::eq(
            block_at(&["metric", "timescale"]).expect("a block"),
            &TIMESCALE
        ));
        assert!(std::ptr::eq(
            block_at(&["metric", "breakdown", "c"]).expect("a block"),
            &BREAKDOWN_ITEM
        ));
        assert!(std::ptr::eq(
            block_at(&["codelist", "group", "entry"]).expect("a block"),
            &ENTRY
        ));
        assert!(std::ptr::eq(
            block_at(&["doc", "section", "section"]).expect("a block"),
            &SECTION
        ));
        assert!(block_at(&["metric", "wording"]).is_none());
        assert!(block_at(&["nonsense"]).is_none());
        assert!(fields_at(&["metric"]).iter().any(|f| f.name == "counts"));
        let names: Vec<&str> = all_blocks().iter().map(|(_, b)| b.noun).collect();
        for noun in [
            "a timescale",
            "a citation",
            "a breakdown item",
            "an example",
        ] {
            assert!(names.contains(&noun), "{noun} in {names:?}");
        }
    }

    #[test]
    fn field_names_are_unique_in_each_block() {
        for (path, b) in all_blocks() {
            let mut names = b.field_names();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(n, names.len(), "a field twice in {path:?}");
            for f in b.fields {
                assert!(
                    !f.doc.is_empty() && f.doc.ends_with(['.', ')']),
                    "the doc of {path:?}.{}",
                    f.name
                );
            }
        }
    }

    /// Every function the schema documents is one the checker accepts in a formula.
    #[test]
    fn the_functions_are_the_checker_s() {
        let refused = |name: &str| {
            let args = match name {
                "rate" => "AD/001, p, 1000",
                _ => "AD/001, AD/001",
            };
            let text = format!(
                "edition \"x\" {{\n  title \"T\"\n}}\nunit u \"us\" {{\n  kind entity\n}}\npopulation p \"P\" {{\n}}\nmetric AD/001 {{\n  wording \"W\"\n  counts u\n  flow\n}}\nindicator PI/AD/01 {{\n  title \"T\"\n  formula {name}({args})\n  polarity neither\n}}\n"
            );
            let mut sources = crate::source::Sources::new();
            sources.add("t.pmf", text.as_str());
            crate::compile(&sources)
                .diagnostics
                .iter()
                .any(|d| d.message == format!("there is no function `{name}`"))
        };
        assert!(refused("nonsense"));
        for f in FUNCTIONS {
            assert!(!refused(f.name), "{}", f.name);
        }
    }
}
