//! What the editor needs to know about the language that the compiler keeps as private
//! lowering rules: the item kinds, the fields of each with a line of documentation, and what
//! kind of value each field takes (for completion after the field name).
//!
//! A test compiles an item with an unknown field and checks that the field list the compiler
//! prints is exactly the one here, so the two cannot drift apart.

use pmf::check::Kind;

/// What a field's value names, for completion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A text, a number or nothing to complete.
    Free,
    /// A declared name of this kind.
    Name(Kind),
    /// A metric or item code (or a sum of codes).
    Code,
    /// A formula: codes, populations and functions.
    Formula,
    /// One of a fixed list of words.
    Word(&'static [&'static str]),
    /// A diagnostic code (`allow`).
    DiagCode,
}

pub struct Field {
    pub name: &'static str,
    pub doc: &'static str,
    pub value: Value,
}

const fn f(name: &'static str, doc: &'static str, value: Value) -> Field {
    Field { name, doc, value }
}

pub struct ItemKind {
    pub keyword: &'static str,
    pub doc: &'static str,
    /// A snippet to insert for a new item of this kind.
    pub snippet: &'static str,
    pub fields: &'static [Field],
}

use Value::{Code, DiagCode, Formula, Free, Name, Word};

const INSTRUMENT_KINDS: &[&str] = &[
    "act",
    "code_of_practice",
    "regulations",
    "statutory_guidance",
    "procedures",
    "protocol",
    "guidance",
];
const ERRATUM_KINDS: &[&str] = &[
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
pub const DURATION_UNITS: &[&str] = &["working_days", "days", "weeks", "months", "years"];
pub const FUNCTIONS: &[(&str, &str, &str)] = &[
    (
        "percent",
        "percent(numerator, denominator)",
        "100 × numerator / denominator. Both count the same unit; the numerator should be declared part of the denominator (PMF0303).",
    ),
    (
        "rate",
        "rate(numerator, population, per)",
        "numerator per `per` of the population, e.g. `rate(CH/001, children_0_17, 10000)`.",
    ),
    (
        "average",
        "average(total, count)",
        "a `sums X over Y` metric divided by a count of Y (PMF0304).",
    ),
    (
        "ratio",
        "ratio(numerator, denominator)",
        "numerator / denominator, for anything else; a stock over a flow is a warning (PMF0305).",
    ),
];

pub const ITEMS: &[ItemKind] = &[
    ItemKind {
        keyword: "edition",
        doc: "The header of an edition of the guidance: one per spec.",
        snippet: "edition \"${1:id}\" {\n  title \"$2\"\n  status ${3|draft,consultation,final|}\n  first_year ${4:2020-21}\n}",
        fields: &[
            f("title", "The title of the guidance.", Free),
            f("framework", "The framework the guidance belongs to.", Free),
            f("status", "`draft`, `consultation` or `final`.", Word(&["draft", "consultation", "final"])),
            f("first_year", "The first financial year the edition applies to, e.g. `2020-21`.", Free),
            f("period", "The reporting period in words.", Free),
            f("supersedes", "The edition this one replaces, or `none`.", Free),
            f("publisher", "Who publishes the guidance.", Free),
            f("published", "The date of publication, e.g. `2019-12-12`.", Free),
            f("number", "The document number, e.g. `\"WG39012\"`.", Free),
            f("copyright", "The copyright line, e.g. `\"Crown copyright 2019\"`.", Free),
            f("licence", "`ogl`: published under the Open Government Licence v3.0.", Word(&["ogl"])),
            f("contact", "Whom to contact with queries about the guidance.", Free),
            f("note", "A note printed with the edition (rich text).", Free),
        ],
    },
    ItemKind {
        keyword: "extension",
        doc: "The header of a local authority's file of local measures, checked with the national edition.",
        snippet: "extension \"${1:id}\" {\n  title \"$2\"\n  prefix \"${3:CDF}\"\n  extends \"${4:2019-consultation}\"\n}",
        fields: &[
            f("title", "The title of the local measures.", Free),
            f("authority", "The authority's code, e.g. `W06000015`.", Free),
            f("prefix", "The prefix of the local codes, e.g. `CDF` for CDF/001.", Free),
            f("extends", "The id of the national edition extended.", Free),
        ],
    },
    ItemKind {
        keyword: "doc",
        doc: "A prose chapter of the guidance, with nested sections.",
        snippet: "doc ${1:id} \"${2:Title}\" {\n  number \"$3\"\n  text \"\"\"\n    $0\n  \"\"\"\n}",
        fields: &[
            f("number", "The chapter number as printed, e.g. `\"1\"`.", Free),
            f("title", "The title.", Free),
            f("text", "The text (rich text: paragraphs, bullets, quotations).", Free),
            f("section", "A nested section: `section id \"Title\" { ... }`.", Free),
        ],
    },
    ItemKind {
        keyword: "instrument",
        doc: "A law, code of practice or procedure that metrics cite.",
        snippet: "instrument ${1:id} \"${2:Full title}\" {\n  kind ${3|act,code_of_practice,regulations,statutory_guidance,procedures,protocol,guidance|}\n}",
        fields: &[
            f("title", "The full title.", Free),
            f("short", "A short name for citations.", Free),
            f("kind", "act, code_of_practice, regulations, statutory_guidance, procedures, protocol or guidance.", Word(INSTRUMENT_KINDS)),
            f("year", "The year it was made.", Free),
            f("within", "The instrument it belongs to (a code of practice within its Act).", Name(Kind::Instrument)),
        ],
    },
    ItemKind {
        keyword: "cohort",
        doc: "A group of people metrics are about (adults, children).",
        snippet: "cohort ${1:id} \"${2:Label}\" {\n  definition \"$3\"\n  ages ${4:18..}\n}",
        fields: &[
            f("label", "The label as printed.", Free),
            f("definition", "Who belongs to the cohort.", Free),
            f("ages", "An age range: `18..` or `0..17`.", Free),
        ],
    },
    ItemKind {
        keyword: "unit",
        doc: "What metrics count (an `entity`: contacts, people) or sum (a `measure`: days).",
        snippet: "unit ${1:id} \"${2:plural label}\" {\n  singular \"$3\"\n  kind ${4|entity,measure|}\n}",
        fields: &[
            f("label", "The plural label.", Free),
            f("singular", "The singular label.", Free),
            f("kind", "`entity` (counted one by one) or `measure` (a quantity that is summed).", Word(&["entity", "measure"])),
            f("value", "For a measure: `whole` or `decimal`.", Word(&["whole", "decimal"])),
            f("person", "The unit counts people.", Free),
        ],
    },
    ItemKind {
        keyword: "definition",
        doc: "A term of the guidance.",
        snippet: "definition ${1:id} \"${2:Term}\" {\n  text \"$3\"\n}",
        fields: &[
            f("term", "The term as printed.", Free),
            f("text", "What it means.", Free),
        ],
    },
    ItemKind {
        keyword: "source",
        doc: "A collection a metric is taken from rather than collected for this return.",
        snippet: "source ${1:id} \"${2:Title}\" {\n  note \"$3\"\n}",
        fields: &[
            f("title", "The title of the collection.", Free),
            f("note", "A note about it.", Free),
        ],
    },
    ItemKind {
        keyword: "population",
        doc: "A figure supplied each year for rates (the population aged 18 or over).",
        snippet: "population ${1:id} \"${2:Label}\" {\n  cohort ${3:adult}\n  ages ${4:18..}\n  source \"$5\"\n}",
        fields: &[
            f("label", "The label as printed.", Free),
            f("cohort", "The cohort it counts.", Name(Kind::Cohort)),
            f("ages", "An age range: `18..` or `0..17`.", Free),
            f("source", "Where the figure comes from.", Free),
        ],
    },
    ItemKind {
        keyword: "codelist",
        doc: "A list declared once and used by many breakdowns.",
        snippet: "codelist ${1:id} \"${2:Title}\" {\n  entry ${3:name} \"${4:Label}\"\n}",
        fields: &[
            f("title", "The title of the list.", Free),
            f("exhaustive", "The entries cover every case (the list has an \"Other\").", Free),
            f("entry", "An entry: `entry name \"Label\"`, optionally `range 16..25`, `catch_all` or `reserved \"why\"`.", Free),
            f("group", "A group of entries: `group id \"Label\" { entry ... }`.", Free),
            f("note", "A note about the list.", Free),
        ],
    },
    ItemKind {
        keyword: "missing",
        doc: "A status that explains a value that cannot be given.",
        snippet: "missing ${1:id} \"${2:Label}\" {\n  meaning \"$3\"\n}",
        fields: &[
            f("label", "The label as printed.", Free),
            f("meaning", "What the status means.", Free),
        ],
    },
    ItemKind {
        keyword: "part",
        doc: "A chapter of metrics (5.1 Adults ...).",
        snippet: "part ${1:id} \"${2:Title}\" {\n  number \"$3\"\n  cohort ${4:adult}\n  prefix \"${5:AD}\"\n}",
        fields: &[
            f("number", "The number as printed, e.g. `\"5.1\"`.", Free),
            f("title", "The title.", Free),
            f("cohort", "Whom its metrics are about, unless a metric says otherwise.", Name(Kind::Cohort)),
            f("within", "The part this one sits in.", Name(Kind::Part)),
            f("prefix", "The prefix of its codes, e.g. `\"AD\"`.", Free),
            f("intro", "The text that opens the part.", Free),
        ],
    },
    ItemKind {
        keyword: "group",
        doc: "A numbered table of metrics inside a part; the metrics below it in the file belong to it.",
        snippet: "group ${1:id} \"${2:Title}\" {\n  part ${3:adults}\n  number \"$4\"\n}",
        fields: &[
            f("part", "The part the group is in.", Name(Kind::Part)),
            f("number", "The number as printed.", Free),
            f("title", "The title.", Free),
            f("note", "A note printed under the group.", Free),
        ],
    },
    ItemKind {
        keyword: "metric",
        doc: "A count every local authority reports.",
        snippet: "metric ${1:AD/001} {\n  wording \"$2\"\n  counts ${3:contact}\n  ${4|flow,stock|}\n}",
        fields: &[
            f("wording", "The metric as printed (required).", Free),
            f("short", "A short label for templates.", Free),
            f("group", "The group it belongs to, when not the one above it in the file.", Name(Kind::Group)),
            f("counts", "What is counted: `counts contact` (required, or `sums`).", Name(Kind::Unit)),
            f("sums", "A total of a measure: `sums day over service`.", Name(Kind::Unit)),
            f("flow", "Counted during the year.", Free),
            f("stock", "Counted at a point in time: `stock at \"31 March\"`.", Free),
            f("cohort", "Whom it is about; defaults to the part's cohort.", Name(Kind::Cohort)),
            f("value", "`whole` or `decimal`; defaults from the unit.", Word(&["whole", "decimal"])),
            f("rationale", "\"Why are we measuring this?\" (rich text).", Free),
            f("includes", "What to count.", Free),
            f("excludes", "What not to count.", Free),
            f("counting", "The unit of counting.", Free),
            f("collected_from", "The collection the figure is taken from.", Name(Kind::Source)),
            f("cite", "A legal citation: `cite INSTRUMENT para 335 quote \"...\"` (repeatable).", Name(Kind::Instrument)),
            f("timescale", "A statutory timescale: `timescale { within 42 working_days from \"...\" }` (repeatable).", Free),
            f("subset", "At most the given code or sum of codes: `subset of AD/002a + AD/002b`.", Code),
            f("equals", "Equal to the given code or sum of codes.", Code),
            f("breakdown", "Items: `breakdown partition of AD/001 by LIST { a entry ... }`.", Word(BREAKDOWN_KINDS)),
            f("note", "A note for the reader (repeatable).", Free),
            f("allow", "Accept a warning on this metric: `allow PMF0303 \"reason\"`.", DiagCode),
            f("total", "With a breakdown: the metric's own total is reported as well.", Free),
            f(
                "was",
                "The code this metric continues in the previous edition: `was AD/009` (renumbered), `was AD/002a + AD/002b` (merged), `was part of AD/021` (split).",
                Free,
            ),
            f(
                "reuses",
                "Why a code retired from an earlier edition is used again: `reuses \"...\"`.",
                Free,
            ),
            f(
                "same",
                "Why the reworded metric still counts what the code it continues counted: `same \"...\"`.",
                Free,
            ),
        ],
    },
    ItemKind {
        keyword: "indicator",
        doc: "A performance indicator derived from metrics and populations.",
        snippet: "indicator ${1:PI/AD/01} {\n  title \"$2\"\n  formula ${3:percent(AD/002, AD/001)}\n  polarity ${4|higher_is_better,lower_is_better,neither|}\n}",
        fields: &[
            f("title", "The title as printed.", Free),
            f("part", "The part it belongs to.", Name(Kind::Part)),
            f("formula", "How it is computed: codes, populations, numbers, + - * / and percent, rate, average, ratio.", Formula),
            f("polarity", "`higher_is_better`, `lower_is_better` or `neither`.", Word(&["higher_is_better", "lower_is_better", "neither"])),
            f("decimals", "Figures are rounded to this many places.", Free),
            f("reading", "How to read the figure.", Free),
            f("motivated_by", "The metric whose text motivates the indicator, and the sentence.", Code),
            f("note", "A note (repeatable).", Free),
            f("example", "A worked example: inputs and `expect N`, checked by the compiler.", Free),
            f("allow", "Accept a warning on this indicator: `allow PMF0303 \"reason\"`.", DiagCode),
        ],
    },
    ItemKind {
        keyword: "rule",
        doc: "A validation rule beyond those the structure implies.",
        snippet: "rule ${1:VR/AD/01} {\n  severity ${2|warning,error|}\n  assert ${3:AD/002a <= AD/001}\n  message \"$4\"\n}",
        fields: &[
            f("severity", "`error` or `warning`.", Word(&["error", "warning"])),
            f("assert", "A comparison of sums of codes: `AD/002a <= AD/001`.", Code),
            f("message", "What an officer reads when the rule fails.", Free),
            f("tolerance", "The comparison holds within this.", Free),
            f("allow", "Accept a warning on this rule: `allow PMF0303 \"reason\"`.", DiagCode),
        ],
    },
    ItemKind {
        keyword: "erratum",
        doc: "A correction of the source guidance, with the reason.",
        snippet: "erratum ${1:E001} {\n  affects ${2:AD/001}\n  kind ${3|code,wording,cross_reference,range,extraction,uncoded,heading,numbering|}\n  source \"$4\"\n  corrected \"$5\"\n  reason \"$6\"\n}",
        fields: &[
            f("affects", "The codes or names the correction concerns.", Code),
            f("kind", "code, wording, cross_reference, range, extraction, uncoded, heading or numbering.", Word(ERRATUM_KINDS)),
            f("source", "The text as the source prints it.", Free),
            f("corrected", "The text as intended.", Free),
            f("reason", "Why it was corrected.", Free),
            f("fixed_in", "The edition that corrects it.", Free),
        ],
    },
    ItemKind {
        keyword: "allow",
        doc: "Accept a warning on a whole file, with the reason: `allow PMF0306 \"reason\"`.",
        snippet: "allow ${1:PMF0306} \"${2:reason}\"",
        fields: &[],
    },
];

/// Fields of the blocks nested inside items, by the key of the line that opens the block.
pub const NESTED: &[(&str, &[Field])] = &[
    (
        "timescale",
        &[
            f(
                "within",
                "A deadline: `within 42 working_days from \"the point of referral\"`.",
                Word(DURATION_UNITS),
            ),
            f(
                "every",
                "An interval: `every 6 months`.",
                Word(DURATION_UNITS),
            ),
            f("label", "The timescale in words.", Free),
            f("until", "The event that stops the clock.", Free),
            f(
                "cite",
                "The requirement that sets it: `cite INSTRUMENT para 53`.",
                Name(Kind::Instrument),
            ),
            f("note", "A note about it.", Free),
        ],
    ),
    (
        "example",
        &[f(
            "expect",
            "The result the formula must give for these inputs.",
            Free,
        )],
    ),
    (
        "section",
        &[
            f("number", "The section number as printed.", Free),
            f("title", "The title.", Free),
            f("text", "The text (rich text).", Free),
            f("section", "A nested section.", Free),
        ],
    ),
    (
        "entry",
        &[
            f("label", "The label as printed.", Free),
            f("range", "An age range: `16..25` or `66..`.", Free),
            f(
                "reserved",
                "Kept only so that item letters match the source: `reserved \"why\"`.",
                Free,
            ),
            f("note", "A note about the entry.", Free),
        ],
    ),
    (
        "group",
        &[f(
            "entry",
            "An entry of the group: `entry name \"Label\"`.",
            Free,
        )],
    ),
];

/// Fields of a breakdown item's block (`a "wording" { ... }`).
pub const ITEM_FIELDS: &[Field] = &[
    f("wording", "The item's wording.", Free),
    f(
        "subset",
        "The item is at most this: `subset of AD/001`.",
        Code,
    ),
    f("equals", "The item equals this.", Code),
    f("note", "A note about the item.", Free),
    f(
        "was",
        "The code this item continues in the previous edition: `was AD/009b`.",
        Free,
    ),
    f(
        "same",
        "Why the reworded item still counts what the code it continues counted: `same \"...\"`.",
        Free,
    ),
];

pub fn item_kind(keyword: &str) -> Option<&'static ItemKind> {
    ITEMS.iter().find(|k| k.keyword == keyword)
}

/// The documentation of a field, looked up by the keys of the enclosing blocks (outermost
/// first) and the field name.
pub fn field(enclosing: &[&str], name: &str) -> Option<&'static Field> {
    fields_in(enclosing).iter().find(|f| f.name == name)
}

/// The fields allowed in a block, given the keys of the blocks around it (outermost first).
pub fn fields_in(enclosing: &[&str]) -> &'static [Field] {
    match enclosing {
        [] => &[],
        [item] => item_kind(item).map_or(&[], |k| k.fields),
        [item, .., inner] => {
            if *item == "metric" && enclosing.get(1) == Some(&"breakdown") {
                return match enclosing.len() {
                    3 => ITEM_FIELDS,
                    _ => &[],
                };
            }
            if *item == "codelist" && *inner == "group" && enclosing.len() == 2 {
                return NESTED
                    .iter()
                    .find(|(k, _)| *k == "group")
                    .map_or(&[], |(_, f)| f);
            }
            NESTED
                .iter()
                .find(|(k, _)| k == inner)
                .map_or(&[], |(_, f)| f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pmf::source::Sources;

    /// The compiler lists an item's fields when an unknown field is far from all of them; the
    /// lists here must be the same.
    #[test]
    fn field_lists_match_the_compiler() {
        for kind in ITEMS.iter().filter(|k| !k.fields.is_empty()) {
            let header = match kind.keyword {
                "edition" | "extension" => "\"x\"".to_string(),
                "metric" => "AD/001".to_string(),
                "indicator" => "PI/AD/01".to_string(),
                "rule" => "VR/AD/01".to_string(),
                "erratum" => "E001".to_string(),
                _ => "x \"X\"".to_string(),
            };
            let text = format!("{} {header} {{\n  qqqqqqqqqqqq\n}}\n", kind.keyword);
            let mut sources = Sources::new();
            sources.add("t.pmf", text.as_str());
            let c = pmf::check::compile(&sources);
            let note = c
                .diagnostics
                .iter()
                .filter(|d| d.code == pmf::diag::Code::UnknownField)
                .flat_map(|d| d.notes.iter())
                .find_map(|n| n.split_once(" are: ").map(|(_, l)| l.to_string()))
                .unwrap_or_else(|| {
                    panic!("no field list for {}: {:?}", kind.keyword, c.diagnostics)
                });
            let ours: Vec<&str> = kind.fields.iter().map(|f| f.name).collect();
            assert_eq!(note, ours.join(", "), "fields of {}", kind.keyword);
        }
    }

    #[test]
    fn breakdown_item_fields_match_the_compiler() {
        let text = "metric AD/001 {\n  breakdown independent {\n    a \"x\" {\n      qqqqqqqqqqqq\n    }\n  }\n}\n";
        let mut sources = Sources::new();
        sources.add("t.pmf", text);
        let c = pmf::check::compile(&sources);
        let note = c
            .diagnostics
            .iter()
            .filter(|d| d.code == pmf::diag::Code::UnknownField)
            .flat_map(|d| d.notes.iter())
            .find_map(|n| n.split_once(" are: ").map(|(_, l)| l.to_string()));
        let ours: Vec<&str> = ITEM_FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(note, Some(ours.join(", ")), "{:?}", c.diagnostics);
    }

    #[test]
    fn nested_fields() {
        assert!(field(&["metric", "timescale"], "within").is_some());
        assert!(field(&["metric", "breakdown", "a"], "subset").is_some());
        assert!(field(&["codelist", "group"], "entry").is_some());
        assert!(field(&["metric"], "counts").is_some());
        assert!(field(&["metric"], "nonsense").is_none());
    }
}
