//! Case records, working-day calendars and counting rules (compiler/doc/records.md, "What the
//! checker proves"): every name resolves (records, fields, codes of a field's list, cohorts,
//! the calendar), each construct gets a field of the type it needs, the unit counted is the
//! metric's, the placement fits the metric's timing, working days have exactly one calendar,
//! a rule implies its parent's, and a partition's items are exhaustive and disjoint. What it
//! works out is the IR's `calendars`, `records` and each metric's `computed_from`.

use super::names::Kind;
use super::{Checker, Target};
use crate::diag::{Code, Diagnostic};
use crate::ir::records::{
    Calendar, Condition, CountingRule, Field, FieldType, Holiday, ItemRule, Placement, RecordType,
};
use crate::ir::{self, DurationUnit, Rich};
use crate::model::{
    self, closest_name, BreakdownKind, Cond, CondKind, FieldTy, Loc, PlacementDecl, Ref, Timing,
};
use std::collections::{BTreeMap, BTreeSet};

/// What the checks of this module work out: the IR's parts.
#[derive(Clone, Debug, Default)]
pub struct RecordsResolved {
    pub calendars: Vec<Calendar>,
    pub records: Vec<RecordType>,
    /// Per metric, in declaration order.
    pub rules: Vec<Option<CountingRule>>,
}

const WEEK: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn text(t: &model::Text) -> ir::Text {
    ir::Text {
        en: t.en.value.clone(),
        cy: t.cy().map(|c| c.value.clone()),
    }
}

fn rich(t: &model::Text) -> Rich {
    Rich::parse(&t.en.value, t.cy().map(|c| c.value.as_str()))
}

/// `YYYY-MM-DD` as (year, month, day), when it is a date of the calendar.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How a field's type is named in messages.
pub fn describe_type(t: &FieldType) -> String {
    match t {
        FieldType::Date => "a date".into(),
        FieldType::Datetime => "a date and time".into(),
        FieldType::Number => "a number".into(),
        FieldType::Id => "an identifier".into(),
        FieldType::Code { codelist } => format!("a code of `{codelist}`"),
        FieldType::Cohort => "a cohort".into(),
        FieldType::Ref { record } => format!("a reference to a `{record}` record"),
    }
}

/// What a construct needs of a field's type.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Time,
    Code,
    Link,
}

impl Need {
    fn fits(self, t: &FieldType) -> bool {
        match self {
            Need::Time => t.is_time(),
            Need::Code => matches!(t, FieldType::Code { .. } | FieldType::Cohort),
            Need::Link => matches!(t, FieldType::Ref { .. } | FieldType::Id),
        }
    }

    fn words(self) -> &'static str {
        match self {
            Need::Time => "a date or a date and time",
            Need::Code => "a code or a cohort",
            Need::Link => "a reference to a record (`ref`) or an identifier (`id`)",
        }
    }
}

/// What a rule's conditions are read against.
struct Ctx {
    rec: usize,
    /// The rule's `distinct` field, when given.
    distinct: Option<String>,
    working_days: bool,
}

impl Checker<'_> {
    /// Declares calendars, record kinds and their fields (a field's parent is its record).
    pub(super) fn declare_records(&mut self) {
        let d = self.decls;
        for (i, x) in d.calendars.iter().enumerate() {
            self.declare(Kind::Calendar, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.records.iter().enumerate() {
            self.declare(Kind::Record, &x.id, &x.id_loc, &x.loc, i);
            let mut seen: BTreeMap<&str, &Loc> = BTreeMap::new();
            for f in &x.fields {
                if let Some(first) = seen.get(f.id.as_str()) {
                    let d = Diagnostic::new(
                        Code::DuplicateDefinition,
                        f.id_loc.file,
                        f.id_loc.span.clone(),
                        format!("field `{}` is declared twice in record `{}`", f.id, x.id),
                    )
                    .label("declared again")
                    .secondary(
                        first.file,
                        first.span.clone(),
                        "first declared here",
                    );
                    self.push(d);
                    continue;
                }
                seen.insert(&f.id, &f.id_loc);
                self.symbols.defs.push(super::Def {
                    kind: Kind::Field,
                    name: f.id.clone(),
                    name_loc: f.id_loc.clone(),
                    loc: f.loc.clone(),
                    parent: Some(x.id.clone()),
                });
            }
        }
    }

    /// Checks calendars, records and every metric's counting rule, and keeps what the IR needs.
    pub(super) fn check_records(&mut self) {
        let decls = self.decls;
        let calendars = (0..decls.calendars.len())
            .filter_map(|i| self.check_calendar(i))
            .collect();
        let records = (0..decls.records.len())
            .filter_map(|i| self.check_record(i))
            .collect();
        self.records_out.calendars = calendars;
        self.records_out.records = records;
        let rules: Vec<Option<CountingRule>> =
            (0..decls.metrics.len()).map(|mi| self.rule(mi)).collect();
        self.records_out.rules = rules;
        for mi in 0..decls.metrics.len() {
            self.check_implies(mi);
        }
    }

    fn invalid_calendar(&mut self, loc: &Loc, message: String, label: &str) -> Diagnostic {
        Diagnostic::new(Code::InvalidCalendar, loc.file, loc.span.clone(), message)
            .label(label.to_string())
    }

    fn check_calendar(&mut self, ci: usize) -> Option<Calendar> {
        let decls = self.decls;
        let c = &decls.calendars[ci];
        let mut ok = true;
        let mut weekend: Vec<usize> = Vec::new();
        for (day, loc) in &c.weekend {
            match WEEK.iter().position(|w| w == day) {
                Some(i) if weekend.contains(&i) => {
                    let d = self.invalid_calendar(
                        loc,
                        format!(
                            "`{day}` is given twice in the weekend of calendar `{}`",
                            c.id
                        ),
                        "given again",
                    );
                    self.push(d);
                    ok = false;
                }
                Some(i) => weekend.push(i),
                None => {
                    let mut d = self.invalid_calendar(
                        loc,
                        format!("`{day}` is not a day of the week"),
                        "not a day",
                    );
                    d = match closest_name(day, &WEEK) {
                        Some(s) => d.help(format!("did you mean `{s}`?")),
                        None => d.help(
                            "write the days in lower case English: `weekend saturday sunday`",
                        ),
                    };
                    self.push(d);
                    ok = false;
                }
            }
        }
        if weekend.len() == 7 {
            let d = self.invalid_calendar(
                &c.id_loc,
                format!("calendar `{}` has no working day in the week", c.id),
                "every day is a weekend day",
            );
            self.push(d);
            ok = false;
        }
        weekend.sort_unstable();
        let Some((first_year, last_year, years_loc)) = c.years.clone() else {
            let d = Diagnostic::new(
                Code::MissingField,
                c.id_loc.file,
                c.id_loc.span.clone(),
                format!("calendar `{}` does not say which years it covers", c.id),
            )
            .label("no `years`")
            .help("add `years FIRST to LAST`, e.g. `years 2018 to 2026`: every bank holiday of those years must be listed");
            self.push(d);
            return None;
        };
        if first_year > last_year
            || !(1900..=2999).contains(&first_year)
            || !(1900..=2999).contains(&last_year)
        {
            let d = self.invalid_calendar(&years_loc, format!("calendar `{}` covers the years {first_year} to {last_year}, which is not a span of years", c.id), "not a span of years")
                .help("write the first year, then the last: `years 2018 to 2026`");
            self.push(d);
            ok = false;
        }
        let mut holidays = Vec::new();
        let mut previous: Option<(&str, &Loc)> = None;
        for h in &c.holidays {
            let Some((y, _, _)) = parse_date(&h.date) else {
                let d = self
                    .invalid_calendar(
                        &h.date_loc,
                        format!("`{}` is not a date", h.date),
                        "no such day",
                    )
                    .help("write the date as year-month-day, e.g. `2020-12-25`");
                self.push(d);
                ok = false;
                continue;
            };
            if y < first_year || y > last_year {
                let d = self.invalid_calendar(&h.date_loc, format!("the holiday {} is outside the years of calendar `{}` ({first_year} to {last_year})", h.date, c.id), "outside the calendar's years")
                    .secondary(years_loc.file, years_loc.span.clone(), "the years it covers")
                    .help("extend `years`, listing every bank holiday of the years added, or remove the holiday");
                self.push(d);
                ok = false;
            }
            if let Some((p, ploc)) = previous {
                if p == h.date.as_str() {
                    let d = self
                        .invalid_calendar(
                            &h.date_loc,
                            format!("the holiday {} is listed twice", h.date),
                            "listed again",
                        )
                        .secondary(ploc.file, ploc.span.clone(), "first listed here");
                    self.push(d);
                    ok = false;
                } else if p > h.date.as_str() {
                    let d = self.invalid_calendar(&h.date_loc, format!("the holiday {} is listed after {p}: holidays are listed in date order", h.date), "out of order")
                        .secondary(ploc.file, ploc.span.clone(), "the holiday before it");
                    self.push(d);
                    ok = false;
                }
            }
            previous = Some((&h.date, &h.date_loc));
            if let Some(name) = &h.name {
                holidays.push(Holiday {
                    date: h.date.clone(),
                    name: text(name),
                });
            }
        }
        let title = match &c.title {
            Some(t) => text(t),
            None => {
                let d = Diagnostic::new(
                    Code::MissingField,
                    c.id_loc.file,
                    c.id_loc.span.clone(),
                    format!("calendar `{}` has no title", c.id),
                )
                .label("no title")
                .help(format!(
                    "write the title after the name: `calendar {} \"Working days in Wales\" {{`",
                    c.id
                ));
                self.push(d);
                return None;
            }
        };
        let source = self.source_ref(&c.id_loc);
        ok.then(|| Calendar {
            id: c.id.clone(),
            title,
            weekend: weekend.iter().map(|&i| WEEK[i].to_string()).collect(),
            holidays,
            first_year,
            last_year,
            note: c.note.as_ref().map(rich),
            source,
        })
    }

    /// A field's type, its names resolved.
    fn field_type(&mut self, ty: &FieldTy) -> Option<FieldType> {
        Some(match ty {
            FieldTy::Date => FieldType::Date,
            FieldTy::Datetime => FieldType::Datetime,
            FieldTy::Number => FieldType::Number,
            FieldTy::Id => FieldType::Id,
            FieldTy::Cohort => FieldType::Cohort,
            FieldTy::Code(r) => {
                self.resolve(r, Kind::Codelist)?;
                FieldType::Code {
                    codelist: r.name.clone(),
                }
            }
            FieldTy::Ref(r) => {
                self.resolve(r, Kind::Record)?;
                FieldType::Ref {
                    record: r.name.clone(),
                }
            }
        })
    }

    fn check_record(&mut self, ri: usize) -> Option<RecordType> {
        let decls = self.decls;
        let r = &decls.records[ri];
        let unit = r.counts.as_ref().and_then(|u| self.resolve(u, Kind::Unit));
        let mut fields = Vec::new();
        let mut seen = BTreeSet::new();
        for f in &r.fields {
            let ty = f.ty.as_ref().and_then(|t| self.field_type(t));
            if let (Some(ty), Some(title), true) = (ty, &f.title, seen.insert(f.id.as_str())) {
                fields.push(Field {
                    id: f.id.clone(),
                    title: text(title),
                    ty,
                    optional: f.optional,
                });
            }
        }
        if let Some(k) = &r.key {
            self.field_use(ri, k);
        }
        let title = r.title.as_ref().map(text)?;
        let source = self.source_ref(&r.id_loc);
        Some(RecordType {
            id: r.id.clone(),
            title,
            unit: decls.units[unit?].id.clone(),
            key: r.key.as_ref()?.name.clone(),
            fields,
            note: r.note.as_ref().map(rich),
            source,
        })
    }

    /// The type of a field of a record, as declared (`None` when it did not resolve).
    fn type_of(&self, rec: usize, field: &str) -> Option<FieldType> {
        let decls = self.decls;
        let r = &decls.records[rec];
        self.records_out
            .records
            .iter()
            .find(|x| x.id == r.id)
            .and_then(|x| x.field(field))
            .map(|f| f.ty.clone())
    }

    fn is_optional(&self, rec: usize, field: &str) -> bool {
        let decls = self.decls;
        decls.records[rec]
            .fields
            .iter()
            .find(|f| f.id == field)
            .is_none_or(|f| f.optional)
    }

    /// Resolves a field of a record, recording the use; an unknown field is reported with the
    /// closest one.
    fn field_use(&mut self, rec: usize, r: &Ref) -> bool {
        let decls = self.decls;
        let record = &decls.records[rec];
        if record.fields.iter().any(|f| f.id == r.name) {
            self.record_use(Kind::Field, &r.name, &r.loc, Some(&record.id));
            return true;
        }
        let names: Vec<&str> = record.fields.iter().map(|f| f.id.as_str()).collect();
        let mut d = Diagnostic::new(
            Code::UnknownReference,
            r.loc.file,
            r.loc.span.clone(),
            format!("record `{}` has no field `{}`", record.id, r.name),
        )
        .label("unknown field")
        .secondary(
            record.id_loc.file,
            record.id_loc.span.clone(),
            format!("record `{}` is declared here", record.id),
        );
        d = match closest_name(&r.name, &names) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None if names.is_empty() => {
                d.help("declare the field in the record: `field NAME TYPE \"Title\"`")
            }
            None => d.note(format!(
                "the fields of `{}` are: {}",
                record.id,
                names.join(", ")
            )),
        };
        self.push(d);
        false
    }

    /// A field that must have a type of a kind: its type, or `None` (reported).
    fn typed_field(&mut self, rec: usize, r: &Ref, need: Need, role: &str) -> Option<FieldType> {
        let decls = self.decls;
        if !self.field_use(rec, r) {
            return None;
        }
        let ty = self.type_of(rec, &r.name)?;
        if need.fits(&ty) {
            return Some(ty);
        }
        let record = &decls.records[rec];
        let decl = record
            .fields
            .iter()
            .find(|f| f.id == r.name)
            .map(|f| f.id_loc.clone());
        let mut d = Diagnostic::new(
            Code::FieldTypeMismatch,
            r.loc.file,
            r.loc.span.clone(),
            format!(
                "{role} needs {}, but `{}` is {}",
                need.words(),
                r.name,
                describe_type(&ty)
            ),
        )
        .label(describe_type(&ty));
        if let Some(l) = decl {
            d = d.secondary(l.file, l.span, "its type is declared here");
        }
        self.push(d);
        None
    }

    fn placement(&mut self, rec: usize, p: &PlacementDecl) -> Option<Placement> {
        Some(match p {
            PlacementDecl::During { field, .. } => {
                self.typed_field(rec, field, Need::Time, "`during`")?;
                Placement::During {
                    field: field.name.clone(),
                }
            }
            PlacementDecl::Open { start, end, .. } => {
                let s = self.typed_field(rec, start, Need::Time, "`open`");
                let e = self.typed_field(rec, end, Need::Time, "`until`");
                s.zip(e)?;
                Placement::OpenAt {
                    start: start.name.clone(),
                    end: end.name.clone(),
                }
            }
            PlacementDecl::OpenDuring { start, end, .. } => {
                let s = self.typed_field(rec, start, Need::Time, "`open_during`");
                let e = self.typed_field(rec, end, Need::Time, "`until`");
                s.zip(e)?;
                Placement::OpenDuring {
                    start: start.name.clone(),
                    end: end.name.clone(),
                }
            }
        })
    }

    /// The record's field that refers to the person (`ref person`), for ages, `previous` and
    /// `at_least` without `distinct`.
    fn person_field(&mut self, rec: usize, loc: &Loc, what: &str) -> Option<String> {
        let decls = self.decls;
        let record = &decls.records[rec];
        let found: Vec<&str> = record
            .fields
            .iter()
            .filter(|f| matches!(&f.ty, Some(FieldTy::Ref(r)) if r.name == "person"))
            .map(|f| f.id.as_str())
            .collect();
        match found.as_slice() {
            [one] => Some(one.to_string()),
            _ => {
                let message = if found.is_empty() {
                    format!("{what} needs the person the record is about, but record `{}` has no `ref person` field", record.id)
                } else {
                    format!("{what} needs the person the record is about, but record `{}` has several `ref person` fields ({})", record.id, found.join(", "))
                };
                let d = Diagnostic::new(Code::FieldTypeMismatch, loc.file, loc.span.clone(), message)
                    .label("whose person?")
                    .secondary(record.id_loc.file, record.id_loc.span.clone(), format!("record `{}` is declared here", record.id))
                    .help("give the record exactly one field of type `ref person`, e.g. `field person ref person \"The person\"`");
                self.push(d);
                None
            }
        }
    }

    fn amount_unit(&mut self, unit: DurationUnit, ctx: &mut Ctx) {
        if unit == DurationUnit::WorkingDays {
            ctx.working_days = true;
        }
    }

    fn condition(&mut self, c: &Cond, ctx: &mut Ctx) -> Option<Condition> {
        let rec = ctx.rec;
        Some(match &c.kind {
            CondKind::Is {
                field,
                codes,
                negated,
            } => {
                let ty = self.typed_field(rec, field, Need::Code, "a comparison with a code")?;
                let mut ok = true;
                for code in codes {
                    ok &= match &ty {
                        FieldType::Code { codelist } => {
                            match self.tables.get(Kind::Codelist, codelist) {
                                Some(list) => self.resolve_entry(list, code).is_some(),
                                None => false,
                            }
                        }
                        _ => self.resolve(code, Kind::Cohort).is_some(),
                    };
                }
                if !ok {
                    return None;
                }
                Condition::Is {
                    field: field.name.clone(),
                    codes: codes.iter().map(|c| c.name.clone()).collect(),
                    negated: *negated,
                }
            }
            CondKind::Set { field, negated } => {
                if !self.field_use(rec, field) {
                    return None;
                }
                Condition::Set {
                    field: field.name.clone(),
                    negated: *negated,
                }
            }
            CondKind::Within {
                field,
                from,
                amount,
                late,
            } => {
                let what = if *late { "`late`" } else { "`within`" };
                let a = self.typed_field(rec, field, Need::Time, what);
                let b = self.typed_field(rec, from, Need::Time, what);
                a.zip(b)?;
                self.amount_unit(amount.unit, ctx);
                Condition::Within {
                    field: field.name.clone(),
                    from: from.name.clone(),
                    amount: amount.n,
                    unit: amount.unit,
                    late: *late,
                }
            }
            CondKind::Age { at, min, max } => {
                if let Some(at) = at {
                    self.typed_field(rec, at, Need::Time, "`age at`")?;
                }
                if let (Some(a), Some(b)) = (min, max) {
                    if a > b {
                        let d = Diagnostic::new(
                            Code::InvertedRange,
                            c.loc.file,
                            c.loc.span.clone(),
                            format!("no age is between {a} and {b}"),
                        )
                        .label("the lower age is above the higher")
                        .help("write the lower age first");
                        self.push(d);
                        return None;
                    }
                }
                let person = self.person_field(rec, &c.loc, "an age")?;
                let born = self.date_of_birth(&c.loc)?;
                Condition::Age {
                    person,
                    born,
                    at: at.as_ref().map(|r| r.name.clone()),
                    min: *min,
                    max: *max,
                }
            }
            CondKind::AtLeast {
                n,
                record,
                link,
                placement,
                conditions,
            } => {
                let other = self.resolve(record, Kind::Record)?;
                let this = match &ctx.distinct {
                    Some(d) => d.clone(),
                    None => self.person_field(rec, &c.loc, "`at_least`")?,
                };
                let link_ty = self.typed_field(other, link, Need::Link, "`by`")?;
                let this_ty = self.type_of(rec, &this)?;
                if link_ty != this_ty {
                    let d = Diagnostic::new(
                        Code::FieldTypeMismatch,
                        link.loc.file,
                        link.loc.span.clone(),
                        format!(
                            "`{}` of record `{}` is {}, but the field it is matched with, `{this}`, is {}",
                            link.name,
                            record.name,
                            describe_type(&link_ty),
                            describe_type(&this_ty)
                        ),
                    )
                    .label("a different kind of value")
                    .help("match the other records by a field that holds the same kind of value as this record's `distinct` field (or its person)");
                    self.push(d);
                    return None;
                }
                let placement = self.placement(other, placement);
                let mut inner = Ctx {
                    rec: other,
                    distinct: None,
                    working_days: false,
                };
                let conds: Vec<Option<Condition>> = conditions
                    .iter()
                    .map(|x| self.condition(x, &mut inner))
                    .collect();
                ctx.working_days |= inner.working_days;
                Condition::AtLeast {
                    n: *n,
                    record: record.name.clone(),
                    link: link.name.clone(),
                    this,
                    placement: placement?,
                    conditions: conds.into_iter().collect::<Option<Vec<_>>>()?,
                }
            }
            CondKind::Previous {
                conditions,
                end,
                start,
                amount,
                negated,
            } => {
                let link = self.person_field(rec, &c.loc, "`previous`")?;
                let conds: Vec<Option<Condition>> =
                    conditions.iter().map(|x| self.condition(x, ctx)).collect();
                let e = self.typed_field(rec, end, Need::Time, "`previous`");
                let s = self.typed_field(rec, start, Need::Time, "`before`");
                e.zip(s)?;
                self.amount_unit(amount.unit, ctx);
                Condition::Previous {
                    link,
                    end: end.name.clone(),
                    start: start.name.clone(),
                    amount: amount.n,
                    unit: amount.unit,
                    conditions: conds.into_iter().collect::<Option<Vec<_>>>()?,
                    negated: *negated,
                }
            }
        })
    }

    /// The person record's date of birth: `date_of_birth`, a date, of record `person`.
    fn date_of_birth(&mut self, loc: &Loc) -> Option<String> {
        let ok = self
            .tables
            .get(Kind::Record, "person")
            .and_then(|p| self.type_of(p, "date_of_birth"))
            .is_some_and(|t| t == FieldType::Date);
        if ok {
            return Some("date_of_birth".into());
        }
        let d = Diagnostic::new(
            Code::FieldTypeMismatch,
            loc.file,
            loc.span.clone(),
            "an age needs the person's date of birth: a record `person` with a field `date_of_birth` of type `date`",
        )
        .label("no date of birth")
        .help("declare `record person \"A person\" { ... field date_of_birth date \"Date of birth\" }`");
        self.push(d);
        None
    }

    /// A unit as a reader names it: its plural label and its id.
    fn unit_words(&self, id: &str) -> String {
        match self
            .decls
            .units
            .iter()
            .find(|u| u.id == id)
            .and_then(|u| u.label.as_ref())
        {
            Some(l) => format!("{} (`{id}`)", l.en()),
            None => format!("`{id}`"),
        }
    }

    /// The unit a metric counts, by id, when it counts one (not `sums`).
    fn metric_unit(&self, mi: usize) -> Option<String> {
        let decls = self.decls;
        match decls.metrics[mi].measure.as_ref()? {
            model::Measure::Counts(_) => self
                .metrics
                .get(mi)
                .and_then(|i| i.unit)
                .map(|u| decls.units[u].id.clone()),
            model::Measure::Sums { .. } => None,
        }
    }

    fn rule(&mut self, mi: usize) -> Option<CountingRule> {
        let decls = self.decls;
        let m = &decls.metrics[mi];
        let cf = m.computed_from.as_ref()?;
        let rec = self.resolve(&cf.record, Kind::Record)?;
        let record = &decls.records[rec];
        let head = self.head(&cf.loc);
        let cf_loc = Loc {
            file: cf.loc.file,
            span: head,
        };
        let mut ok = true;

        // The placement: exactly one, fitting the metric's timing.
        let placement = match cf.placements.as_slice() {
            [p] => self.placement(rec, p),
            [] => {
                let d = Diagnostic::new(
                    Code::PlacementMismatch,
                    cf_loc.file,
                    cf_loc.span.clone(),
                    format!("the counting rule of {} does not say which records fall in the year", m.code),
                )
                .label("no placement")
                .help("add `during FIELD` (a flow), `open START until END` (a stock at 31 March) or `open_during START until END`");
                self.push(d);
                None
            }
            [first, second, ..] => {
                let (l1, l2) = (first.loc().clone(), second.loc().clone());
                let d = Diagnostic::new(
                    Code::PlacementMismatch,
                    l2.file,
                    l2.span,
                    format!("the counting rule of {} places records twice", m.code),
                )
                .label("a second placement")
                .secondary(l1.file, l1.span, "the first")
                .help("a rule has one placement: `during`, `open` or `open_during`");
                self.push(d);
                None
            }
        };
        if let (Some(p), Some(timing)) = (
            &placement,
            self.metrics.get(mi).and_then(|i| i.timing.clone()),
        ) {
            let fits = matches!(
                (p, &timing),
                (
                    Placement::During { .. } | Placement::OpenDuring { .. },
                    Timing::Flow
                ) | (Placement::OpenAt { .. }, Timing::Stock(_))
            );
            if !fits {
                let loc = cf.placements[0].loc().clone();
                let (is, wants) = match timing {
                    Timing::Flow => (
                        "a flow (counted during the year)",
                        "`during FIELD` or `open_during START until END`",
                    ),
                    Timing::Stock(_) => ("a stock (counted at 31 March)", "`open START until END`"),
                };
                let d = Diagnostic::new(
                    Code::PlacementMismatch,
                    loc.file,
                    loc.span,
                    format!("{} is {is}, and this placement does not count that", m.code),
                )
                .label("does not fit the metric's timing")
                .help(format!("place the records with {wants}"));
                self.push(d);
                ok = false;
            }
        }

        // `distinct` and the unit counted.
        let mut distinct_ty = None;
        if let Some(d) = &cf.distinct {
            distinct_ty = self.typed_field(rec, d, Need::Link, "`distinct`");
            ok &= distinct_ty.is_some();
        }
        let unit = match &distinct_ty {
            Some(FieldType::Ref { record: r }) => self
                .records_out
                .records
                .iter()
                .find(|x| &x.id == r)
                .map(|x| {
                    (
                        x.unit.clone(),
                        format!(
                            ": distinct `{r}` records, through `distinct {}`",
                            cf.distinct.as_ref().map_or("", |d| d.name.as_str())
                        ),
                    )
                }),
            _ => self
                .records_out
                .records
                .iter()
                .find(|x| x.id == record.id)
                .map(|x| (x.unit.clone(), format!(": `{}` records", record.id))),
        };
        let metric_unit = self.metric_unit(mi);
        match (&unit, &metric_unit) {
            (Some((u, whose)), Some(mu)) if u != mu => {
                let d = Diagnostic::new(
                    Code::CountedUnitMismatch,
                    cf.record.loc.file,
                    cf.record.loc.span.clone(),
                    format!("{} counts {}, but its counting rule counts {}{whose}", m.code, self.unit_words(mu), self.unit_words(u)),
                )
                .label(format!("counts {}", self.unit_words(u)))
                .help(match &cf.distinct {
                    None => "count a record kind whose `counts` is the metric's unit, or add `distinct FIELD` to count, say, people rather than records".to_string(),
                    Some(_) => "count distinct values of a field that refers to records of the metric's unit".to_string(),
                });
                self.push(d);
                ok = false;
            }
            (_, None) if matches!(m.measure, Some(model::Measure::Sums { .. })) => {
                let d = Diagnostic::new(
                    Code::CountedUnitMismatch,
                    cf_loc.file,
                    cf_loc.span.clone(),
                    format!(
                        "{} is a total of a measure (`sums`); a counting rule counts records",
                        m.code
                    ),
                )
                .label("a count of records")
                .help("remove the counting rule, or make the metric `counts` a unit");
                self.push(d);
                ok = false;
            }
            _ => {}
        }

        // Conditions.
        let mut ctx = Ctx {
            rec,
            distinct: cf.distinct.as_ref().map(|d| d.name.clone()),
            working_days: false,
        };
        let mut conditions = Vec::new();
        for c in &cf.conditions {
            match self.condition(c, &mut ctx) {
                Some(c) => conditions.push(c),
                None => ok = false,
            }
        }

        // Items.
        let items = self.item_rules(mi, rec, &cf_loc, &mut ctx);
        ok &= items.is_some();

        // The calendar.
        let calendar = if ctx.working_days {
            match decls.calendars.as_slice() {
                [one] => Some(one.id.clone()),
                many => {
                    let message = if many.is_empty() {
                        format!("the counting rule of {} counts working days, but the spec has no calendar", m.code)
                    } else {
                        format!("the counting rule of {} counts working days, but the spec has {} calendars and working days need exactly one", m.code, many.len())
                    };
                    let mut d = Diagnostic::new(
                        Code::CalendarNeeded,
                        cf_loc.file,
                        cf_loc.span.clone(),
                        message,
                    )
                    .label("counts working days");
                    for c in many {
                        d = d.secondary(c.id_loc.file, c.id_loc.span.clone(), "a calendar");
                    }
                    d = d.help(if many.is_empty() {
                        "declare the calendar of bank holidays: `calendar wales \"Working days in Wales\" { weekend saturday sunday ... }`"
                    } else {
                        "keep one calendar"
                    });
                    self.push(d);
                    ok = false;
                    None
                }
            }
        } else {
            None
        };

        let placement = placement?;
        let items = items?;
        if !ok {
            return None;
        }
        Some(CountingRule {
            record: record.id.clone(),
            distinct: cf.distinct.as_ref().map(|d| d.name.clone()),
            unit: unit?.0,
            placement,
            conditions,
            items,
            calendar,
            notes: cf.notes.iter().map(rich).collect(),
        })
    }

    /// The items' rules: from `items by FIELD` or one `item LETTER where ...` per item.
    fn item_rules(
        &mut self,
        mi: usize,
        rec: usize,
        cf_loc: &Loc,
        ctx: &mut Ctx,
    ) -> Option<Vec<ItemRule>> {
        let decls = self.decls;
        let m = &decls.metrics[mi];
        let cf = m.computed_from.as_ref()?;
        let info = self.metrics.get(mi).cloned().unwrap_or_default();
        let has_items = !info.items.is_empty();
        if let (Some(by), Some(first)) = (&cf.items_by, cf.items.first()) {
            let d = Diagnostic::new(
                Code::ConflictingFields,
                first.letter_loc.file,
                first.letter_loc.span.clone(),
                "a counting rule gives its items either with `items by FIELD` or with one `item` line per item, not both",
            )
            .label("an item line")
            .secondary(by.loc.file, by.loc.span.clone(), "`items by` here");
            self.push(d);
            return None;
        }
        if !has_items {
            let stray = cf
                .items_by
                .as_ref()
                .map(|b| b.loc.clone())
                .or_else(|| cf.items.first().map(|i| i.letter_loc.clone()));
            if let Some(l) = stray {
                let d = Diagnostic::new(
                    Code::ItemsMismatch,
                    l.file,
                    l.span,
                    format!(
                        "{} has no items, but its counting rule counts items",
                        m.code
                    ),
                )
                .label("no such items")
                .help("remove the items from the rule, or give the metric a `breakdown`");
                self.push(d);
                return None;
            }
            return Some(Vec::new());
        }
        if let Some(by) = &cf.items_by {
            let ty = self.typed_field(rec, by, Need::Code, "`items by`")?;
            let FieldType::Code { codelist } = &ty else {
                let d = Diagnostic::new(
                    Code::FieldTypeMismatch,
                    by.loc.file,
                    by.loc.span.clone(),
                    format!("`items by` needs a field whose type is a code of the breakdown's list, but `{}` is {}", by.name, describe_type(&ty)),
                )
                .label(describe_type(&ty));
                self.push(d);
                return None;
            };
            let list = self.tables.get(Kind::Codelist, codelist)?;
            if info.codelists != [list] {
                let theirs: Vec<String> = info
                    .codelists
                    .iter()
                    .map(|&c| format!("`{}`", decls.codelists[c].id))
                    .collect();
                let d = Diagnostic::new(
                    Code::FieldTypeMismatch,
                    by.loc.file,
                    by.loc.span.clone(),
                    if theirs.is_empty() {
                        format!("the items of {} are not those of a list, so `items by {}` cannot say which is which", m.code, by.name)
                    } else {
                        format!("the items of {} are by {}, but `{}` is a code of `{codelist}`", m.code, theirs.join(" and "), by.name)
                    },
                )
                .label(format!("a code of `{codelist}`"))
                .help("use a field whose list is the breakdown's, or write one `item LETTER where ...` per item");
                self.push(d);
                return None;
            }
            let cl = &decls.codelists[list];
            if info.kind == Some(BreakdownKind::Partition) {
                let mut problems = Vec::new();
                if self.is_optional(rec, &by.name) {
                    problems.push(format!(
                        "`{}` is optional, so a record can be in no item",
                        by.name
                    ));
                }
                if !cl.exhaustive {
                    problems.push(format!(
                        "`{codelist}` is not exhaustive, so a code can be in no item"
                    ));
                }
                let mut counted: BTreeMap<usize, usize> = BTreeMap::new();
                for it in &info.items {
                    for (_, e) in &it.entries {
                        *counted.entry(*e).or_default() += 1;
                    }
                }
                let missing: Vec<&str> = cl
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| e.reserved.is_none() && !counted.contains_key(i))
                    .map(|(_, e)| e.id.as_str())
                    .collect();
                if !missing.is_empty() {
                    problems.push(format!("no item counts {}", missing.join(", ")));
                }
                if !problems.is_empty() {
                    let d = Diagnostic::new(
                        Code::ItemsMismatch,
                        by.loc.file,
                        by.loc.span.clone(),
                        format!("the items of {} are a partition, so every record must be in exactly one, but {}", m.code, problems.join("; ")),
                    )
                    .label("not exhaustive")
                    .help("make the field required and its list exhaustive, or declare the breakdown `exclusive`");
                    self.push(d);
                    return None;
                }
            }
            return Some(
                info.items
                    .iter()
                    .map(|it| ItemRule {
                        item: it.code.clone(),
                        conditions: vec![Condition::Is {
                            field: by.name.clone(),
                            codes: it
                                .entries
                                .iter()
                                .map(|(c, e)| decls.codelists[*c].entries[*e].id.clone())
                                .collect(),
                            negated: false,
                        }],
                    })
                    .collect(),
            );
        }
        // One `item` line per item.
        let mut given: BTreeMap<char, (Vec<Condition>, Loc)> = BTreeMap::new();
        let mut ok = true;
        for it in &cf.items {
            let letter = it.letter.chars().next().unwrap_or('a');
            if !info.items.iter().any(|x| x.letter == letter) {
                let letters: Vec<String> =
                    info.items.iter().map(|x| x.letter.to_string()).collect();
                let d = Diagnostic::new(
                    Code::UnknownReference,
                    it.letter_loc.file,
                    it.letter_loc.span.clone(),
                    format!("{} has no item `{letter}`", m.code),
                )
                .label("unknown item")
                .note(format!(
                    "the items of {} are: {}",
                    m.code,
                    letters.join(", ")
                ));
                self.push(d);
                ok = false;
                continue;
            }
            if let Some((_, first)) = given.get(&letter) {
                let d = Diagnostic::new(
                    Code::DuplicateDefinition,
                    it.letter_loc.file,
                    it.letter_loc.span.clone(),
                    format!("item `{letter}` of {} has two rules", m.code),
                )
                .label("given again")
                .secondary(first.file, first.span.clone(), "first given here")
                .help("put every condition of the item on its one line: `item a where C where D`");
                self.push(d);
                ok = false;
                continue;
            }
            let mut conds = Vec::new();
            for c in &it.conditions {
                match self.condition(c, ctx) {
                    Some(c) => conds.push(c),
                    None => ok = false,
                }
            }
            given.insert(letter, (conds, it.letter_loc.clone()));
        }
        let missing: Vec<String> = info
            .items
            .iter()
            .filter(|x| !given.contains_key(&x.letter))
            .map(|x| x.letter.to_string())
            .collect();
        if !missing.is_empty() && ok {
            let d = Diagnostic::new(
                Code::ItemsMismatch,
                cf_loc.file,
                cf_loc.span.clone(),
                if cf.items.is_empty() {
                    format!("{} has items, but its counting rule does not say how each is counted", m.code)
                } else {
                    format!("the counting rule of {} does not say how item {} is counted", m.code, missing.join(", "))
                },
            )
            .label("items without a rule")
            .help("add `items by FIELD` (each item counts the records whose field is its list entry), or one `item LETTER where CONDITION` per item");
            self.push(d);
            return None;
        }
        if info.kind == Some(BreakdownKind::Partition) && ok {
            if let Some(l) = cf.items.first().map(|i| i.letter_loc.clone()) {
                let d = Diagnostic::new(
                    Code::ItemsMismatch,
                    l.file,
                    l.span,
                    format!("the items of {} are a partition, and the checker can prove a partition's rules exhaustive and disjoint only from `items by FIELD`", m.code),
                )
                .label("a partition's item written out")
                .help("use `items by FIELD` on a required field of an exhaustive list, or declare the breakdown `exclusive` or `overlapping`");
                self.push(d);
                return None;
            }
        }
        if !ok {
            return None;
        }
        Some(
            info.items
                .iter()
                .filter_map(|x| {
                    given.remove(&x.letter).map(|(conditions, _)| ItemRule {
                        item: x.code.clone(),
                        conditions,
                    })
                })
                .collect(),
        )
    }

    /// The metrics a metric's rule must imply: the one its breakdown is `of`, and those it is
    /// a `subset of`, when they count the same unit with a rule of their own. Each with the
    /// item whose conditions count too (a single-term relation to one item).
    fn parents(&self, mi: usize) -> Vec<(usize, Option<usize>)> {
        let decls = self.decls;
        let m = &decls.metrics[mi];
        let Some(info) = self.metrics.get(mi) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut add = |terms: &Option<Vec<(f64, String)>>, via: bool| {
            let Some(terms) = terms else { return };
            if via {
                return;
            }
            for (_, code) in terms {
                let t = match self.codes.get(code) {
                    Some(Target::Metric(p)) => (*p, None),
                    Some(Target::Item(p, k)) if terms.len() == 1 => (*p, Some(*k)),
                    Some(Target::Item(p, _)) => (*p, None),
                    None => continue,
                };
                if t.0 != mi && !out.contains(&t) {
                    out.push(t);
                }
            }
        };
        add(&info.of, false);
        add(
            &info.subset,
            m.subset_of.as_ref().is_some_and(|r| r.via.is_some()),
        );
        out
    }

    /// An item's or subset's rule counts what its parent's does, and more narrowly.
    fn check_implies(&mut self, mi: usize) {
        let decls = self.decls;
        let Some(rule) = self.records_out.rules.get(mi).cloned().flatten() else {
            return;
        };
        let m = &decls.metrics[mi];
        let Some(cf) = &m.computed_from else { return };
        for (p, item) in self.parents(mi) {
            let Some(parent) = self.records_out.rules.get(p).cloned().flatten() else {
                continue;
            };
            if parent.unit != rule.unit {
                continue;
            }
            let pcode = &decls.metrics[p].code;
            let mut why = Vec::new();
            let mut extra_labels: Vec<(Loc, String)> = Vec::new();
            if parent.record != rule.record {
                why.push(format!(
                    "it counts `{}` records and {pcode} counts `{}` records",
                    rule.record, parent.record
                ));
            } else {
                if parent.placement != rule.placement {
                    why.push(format!(
                        "it places records in the year otherwise than {pcode}"
                    ));
                }
                if parent.distinct != rule.distinct {
                    why.push(format!("it counts distinct values otherwise than {pcode}"));
                }
                let pcf = decls.metrics[p].computed_from.as_ref();
                let mut missing_at: Vec<Loc> = Vec::new();
                let mut missing = 0;
                for (i, c) in parent.conditions.iter().enumerate() {
                    if !rule.conditions.contains(c) {
                        missing += 1;
                        if let Some(l) = pcf.and_then(|x| x.conditions.get(i)) {
                            missing_at.push(l.loc.clone());
                        }
                    }
                }
                let item_rule = item.and_then(|k| {
                    let code = self.metrics.get(p)?.items.get(k)?.code.clone();
                    parent.items.iter().find(|r| r.item == code).cloned()
                });
                if let Some(ir) = &item_rule {
                    missing += ir
                        .conditions
                        .iter()
                        .filter(|c| !rule.conditions.contains(c))
                        .count();
                }
                if missing > 0 {
                    let written: Vec<String> = missing_at
                        .iter()
                        .map(|l| {
                            let t = &self.sources.get(l.file).text;
                            format!("`where {}`", t.get(l.span.clone()).unwrap_or_default())
                        })
                        .collect();
                    why.push(if written.len() == missing {
                        format!("it leaves out {} of {pcode}'s rule", written.join(", "))
                    } else {
                        format!(
                            "{missing} condition{} of {pcode}'s rule {} not among its own",
                            if missing == 1 { "" } else { "s" },
                            if missing == 1 { "is" } else { "are" }
                        )
                    });
                    for l in &missing_at {
                        extra_labels.push((l.clone(), format!("not in {}'s rule", m.code)));
                    }
                }
            }
            if !why.is_empty() {
                let head = self.head(&cf.loc);
                let ploc = decls.metrics[p]
                    .computed_from
                    .as_ref()
                    .map(|c| (c.loc.file, self.head(&c.loc)));
                let mut d = Diagnostic::new(
                    Code::RuleNotImplied,
                    cf.loc.file,
                    head,
                    format!("{} is part of {pcode}, but its counting rule does not count a part of what {pcode}'s does: {}", m.code, why.join("; ")),
                )
                .label("does not imply its parent's rule");
                if let Some((f, s)) = ploc {
                    d = d.secondary(f, s, format!("{pcode}'s rule"));
                }
                for (l, msg) in extra_labels {
                    d = d.secondary(l.file, l.span, msg);
                }
                d = d.help(format!("count the same record kind with the same placement and `distinct`, and repeat every `where` of {pcode}'s rule"));
                self.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r#"edition "x" {
  title "X"
}
cohort adult "Adults" {
}
unit contact "contacts" {
  kind entity
}
unit person "people" {
  kind entity
  person
}
codelist outcome "Outcome" {
  exhaustive
  entry a "A"
  entry b "B"
}
calendar wales "Working days in Wales" {
  weekend sunday saturday
  years 2020 to 2021
  holiday 2020-12-25 "Christmas Day"
}
record person "A person" {
  counts person
  key id
  field id id "Id"
  field date_of_birth date "Born"
}
record contact "A contact" {
  counts contact
  key id
  field id id "Id"
  field person ref person "Person"
  field about cohort "About"
  field received datetime "Received"
  field decided datetime optional "Decided"
  field outcome code outcome "Outcome"
}
metric AD/001 {
  wording "Contacts"
  counts contact
  flow
  computed_from contact {
    during received
    where about = adult
  }
}
metric AD/002 {
  wording "Of those:"
  counts contact
  flow
  breakdown partition of AD/001 by outcome {
    a a
    b b
  }
  computed_from contact {
    during received
    where about = adult
    items by outcome
  }
}
metric AD/003 {
  wording "People decided late, aged under 65"
  counts person
  flow
  computed_from contact {
    open_during received until decided
    distinct person
    where decided late 1 working_days after received
    where age at received under 65
    where no previous where outcome not in (a) received within 3 months before received
    note "Why"
  }
}
"#;

    /// A spec with records, a calendar and rules of each shape checks clean, and the IR holds
    /// exactly what the rules say: items with their own condition, the unit through
    /// `distinct`, the calendar of a working-day condition, `under 65` as at most 64.
    #[test]
    fn the_ir_holds_the_rules_as_written() {
        let mut sources = crate::source::Sources::new();
        sources.add("t.pmf", SPEC);
        let comp = crate::compile(&sources);
        assert!(comp.diagnostics.is_empty(), "{:?}", comp.diagnostics);
        let ir = comp.ir.expect("an IR");
        assert_eq!(ir.calendars.len(), 1);
        assert_eq!(ir.calendars[0].weekend, ["saturday", "sunday"]);
        assert_eq!(ir.records.len(), 2);
        let contact = &ir.records[1];
        assert_eq!(contact.unit, "contact");
        assert_eq!(
            contact.field("outcome").map(|f| &f.ty),
            Some(&FieldType::Code {
                codelist: "outcome".into()
            })
        );
        assert!(contact.field("decided").is_some_and(|f| f.optional));
        let rule = |code: &str| {
            ir.metrics
                .iter()
                .find(|m| m.code == code)
                .and_then(|m| m.computed_from.clone())
                .expect("a rule")
        };
        let r2 = rule("AD/002");
        assert_eq!(r2.items.len(), 2);
        assert_eq!(r2.items[1].item, "AD/002b");
        assert_eq!(
            r2.items[1].conditions,
            vec![Condition::Is {
                field: "outcome".into(),
                codes: vec!["b".into()],
                negated: false
            }]
        );
        assert_eq!(r2.calendar, None);
        let r3 = rule("AD/003");
        assert_eq!(r3.unit, "person");
        assert_eq!(r3.distinct.as_deref(), Some("person"));
        assert_eq!(r3.calendar.as_deref(), Some("wales"));
        assert_eq!(
            r3.placement,
            Placement::OpenDuring {
                start: "received".into(),
                end: "decided".into()
            }
        );
        assert!(r3.conditions.contains(&Condition::Age {
            person: "person".into(),
            born: "date_of_birth".into(),
            at: Some("received".into()),
            min: None,
            max: Some(64)
        }));
        assert!(matches!(
            &r3.conditions[2],
            Condition::Previous { negated: true, link, conditions, .. }
                if link == "person" && conditions.len() == 1
        ));
        assert_eq!(r3.notes.len(), 1);
        // The names resolve for the editor: a field use points at its record.
        assert!(comp.symbols.uses.iter().any(|u| u.kind == Kind::Field
            && u.name == "decided"
            && u.parent.as_deref() == Some("contact")));
        assert!(comp
            .symbols
            .uses
            .iter()
            .any(|u| u.kind == Kind::Record && u.name == "contact"));
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2020-02-29"), Some((2020, 2, 29)));
        assert_eq!(parse_date("2021-02-29"), None);
        assert_eq!(parse_date("2100-02-29"), None);
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
        assert_eq!(parse_date("2020-13-01"), None);
        assert_eq!(parse_date("2020-04-31"), None);
        assert_eq!(parse_date("2020-4-1"), None);
    }
}
