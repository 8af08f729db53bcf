//! The kinds of things the IR distinguishes, as enums: every back end matches on these, never
//! on strings.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// Things counted one by one: contacts, people, plans.
    Entity,
    /// Quantities that are summed: days, whole-time equivalents.
    Measure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Whole,
    Decimal,
}

impl ValueType {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Whole => "whole",
            ValueType::Decimal => "decimal",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimescaleRule {
    /// Done within the duration of the start event: a deadline.
    Within,
    /// Repeated at intervals no longer than the duration.
    Every,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// The same metric, under the same or another code (`was AD/009`).
    Same,
    /// Several earlier metrics or items added together (`was AD/002a + AD/002b`).
    Merged,
    /// A part of an earlier metric (`was part of AD/021`).
    Split,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    Neither,
}

/// What a validation rule checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// The value is a valid figure of its value type.
    Value,
    /// A value or a status is given.
    Required,
    /// The items add up to their parent.
    Partition,
    /// The items add up to no more than their parent.
    Exclusive,
    /// Each item is at most its parent.
    Overlapping,
    /// The value is at most the sum it is declared a part of.
    Subset,
    /// The value equals the sum it is declared equal to.
    Equals,
    /// An item is at most the item of the same entry in another breakdown (`each within`).
    Within,
    /// Written in the spec as a rule.
    Explicit,
    /// A figure's change from last year's return is within a declared limit (`change`).
    Change,
    /// A stock balances across years: last year's stock, plus the flows in, minus the flows
    /// out, is this year's stock (`balance`).
    Balance,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Value => "value",
            RuleKind::Required => "required",
            RuleKind::Partition => "partition",
            RuleKind::Exclusive => "exclusive",
            RuleKind::Overlapping => "overlapping",
            RuleKind::Subset => "subset",
            RuleKind::Equals => "equals",
            RuleKind::Within => "within",
            RuleKind::Explicit => "explicit",
            RuleKind::Change => "change",
            RuleKind::Balance => "balance",
        }
    }

    /// A rule about one value on its own (`value`, `required`), rather than a comparison of
    /// sums of values.
    pub fn is_about_one_value(self) -> bool {
        matches!(self, RuleKind::Value | RuleKind::Required)
    }

    /// A rule that reads last year's return as well as this year's (`change`, `balance`).
    pub fn is_year_on_year(self) -> bool {
        matches!(self, RuleKind::Change | RuleKind::Balance)
    }
}

/// Where a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOrigin {
    /// Implied by the spec's structure (breakdowns, relations, value types).
    Structure,
    /// Written in the spec as a rule, with its author's message.
    Explicit,
}

/// When a metric is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimingKind {
    /// During the year.
    Flow,
    /// At a point in time (31 March unless stated).
    Stock,
}

impl TimingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimingKind::Flow => "flow",
            TimingKind::Stock => "stock",
        }
    }
}

/// How a metric's figure is made from its unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// `counts UNIT`: a number of things.
    Count,
    /// `sums UNIT over UNIT`: a quantity added up over things.
    Sum,
}

impl MeasureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Count => "count",
            MeasureKind::Sum => "sum",
        }
    }
}

/// What kind of figure an indicator's formula gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultKind {
    Percent,
    Rate,
    Average,
    Ratio,
    Number,
}

impl ResultKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResultKind::Percent => "percent",
            ResultKind::Rate => "rate",
            ResultKind::Average => "average",
            ResultKind::Ratio => "ratio",
            ResultKind::Number => "number",
        }
    }
}
