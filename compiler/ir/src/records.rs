//! Case records and counting rules: the person-level records a count is made from, the
//! working-day calendar, and each metric's formal counting rule (`computed_from`).
//!
//! The meaning of every construct is written once, in `compiler/doc/records.md`, and every back
//! end (the guidance's "How this is counted", the SQL dialects, the embedded engine) follows it.
//! The checker guarantees what the back ends rely on: every field named exists on the record it
//! is used with and has the type the construct needs, every code belongs to the field's list,
//! the unit counted is the metric's unit, and an item's conditions are the metric's plus its own.

use serde::{Deserialize, Serialize};

use crate::{DurationUnit, Rich, SourceRef, Text};

/// A working-day calendar: which days of the week are not working days, and the bank holidays
/// (substitute days included, as the day actually taken) of every year it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    pub id: String,
    pub title: Text,
    /// Days of the week that are never working days, lower case English names
    /// (`saturday`, `sunday`), in week order.
    pub weekend: Vec<String>,
    /// Bank holidays in date order.
    pub holidays: Vec<Holiday>,
    /// The first and last calendar years (1 January to 31 December) whose holidays are all
    /// listed: a date outside them cannot be placed in working days and is an error, never a
    /// guess.
    pub first_year: i32,
    pub last_year: i32,
    pub note: Option<Rich>,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub name: Text,
}

/// A kind of case record (a table of the records an authority extracts from its system).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordType {
    pub id: String,
    pub title: Text,
    /// The unit one record is (a contact record is one `contact`): what counting records gives.
    pub unit: String,
    /// The field that identifies a record; unique within an authority's file.
    pub key: String,
    pub fields: Vec<Field>,
    pub note: Option<Rich>,
    pub source: SourceRef,
}

impl RecordType {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub title: Text,
    pub ty: FieldType,
    /// Whether a record may leave it empty.
    pub optional: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldType {
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A date and time, `YYYY-MM-DDTHH:MM[:SS]` (or with a space); working days use its date.
    Datetime,
    /// A whole or decimal number.
    Number,
    /// An identifier (text, compared exactly).
    Id,
    /// One entry id of a codelist.
    Code { codelist: String },
    /// One cohort id (`adult`, `child`, ...).
    Cohort,
    /// The key of a record of another kind (a contact's `person`).
    Ref { record: String },
}

impl FieldType {
    /// Whether the field holds a point in time (date or datetime).
    pub fn is_time(&self) -> bool {
        matches!(self, FieldType::Date | FieldType::Datetime)
    }
}

/// How a metric is counted from the records (`computed_from`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountingRule {
    /// The record kind counted.
    pub record: String,
    /// When set, distinct values of this field are counted (people, usually), not records.
    pub distinct: Option<String>,
    /// The unit the count is in: the record's unit, or the unit of the record `distinct` refers
    /// to. Always the metric's unit.
    pub unit: String,
    /// What places a record in the period.
    pub placement: Placement,
    /// Conditions every counted record meets (all of them).
    pub conditions: Vec<Condition>,
    /// The metric's items, each counted with the metric's conditions and its own, in item order.
    /// Empty when the metric has no items.
    pub items: Vec<ItemRule>,
    /// The calendar working days are counted in, when a condition uses working days.
    pub calendar: Option<String>,
    /// Choices the guidance's prose leaves open, and the one this rule makes; printed with the
    /// rule.
    pub notes: Vec<Rich>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Placement {
    /// A flow: the date of `field` falls in the period (1 April to 31 March, both included).
    During { field: String },
    /// A stock at the end of the period (31 March): `start` on or before it, and `end` empty or
    /// after it (a record that ended on 31 March is not open at 31 March).
    OpenAt { start: String, end: String },
    /// Open at some time in the period: `start` on or before its last day, and `end` empty or on
    /// or after its first day.
    OpenDuring { start: String, end: String },
}

/// A condition on one record. Conditions on an empty field are false (a missing decision time
/// is not "within one working day"), except `Set { negated: true }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// `field in (codes)`, or `field not in (codes)` when negated (an empty field is in neither).
    Is {
        field: String,
        codes: Vec<String>,
        negated: bool,
    },
    /// `field is set` / `field is missing` (negated).
    Set { field: String, negated: bool },
    /// `field within N UNIT of from`: both set, `field` not before `from`, and the time from
    /// `from` to `field` at most N units (working days: see records.md). When `late` is true the
    /// opposite among records where `from` is set: `field` empty or more than N units after.
    Within {
        field: String,
        from: String,
        amount: u32,
        unit: DurationUnit,
        late: bool,
    },
    /// The age in whole years of the person the record refers to (through `person`, a `Ref`
    /// field, whose record has the date of birth `born`), at the date of `at` (a field of this
    /// record) or at the end of the period (`at: None`): `min <= age` and `age <= max`.
    Age {
        person: String,
        born: String,
        at: Option<String>,
        min: Option<u32>,
        max: Option<u32>,
    },
    /// At least `n` records of kind `record` whose `link` field equals this record's `this`
    /// field, placed in the period by `placement`, and meeting `conditions`.
    AtLeast {
        n: u32,
        record: String,
        link: String,
        this: String,
        placement: Placement,
        conditions: Vec<Condition>,
    },
    /// Another, earlier record of the same kind for the same `link` value (usually the person)
    /// meeting `conditions`, whose `end` field is set, not after this record's `start`, and at
    /// most `amount` `unit` before it. With `negated`, there is no such record.
    Previous {
        link: String,
        end: String,
        start: String,
        amount: u32,
        unit: DurationUnit,
        conditions: Vec<Condition>,
        negated: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemRule {
    /// The data item's code (`AD/002a`).
    pub item: String,
    /// The item's own conditions (in addition to the rule's).
    pub conditions: Vec<Condition>,
}
