//! The counting rules as SQL, one self-contained script per dialect (records.md "Meaning").
//!
//! A script has three parts: the period (one view, `pmf_period`, whose two dates are the one
//! place to change), the working-day calendars (`pmf_calendar`: one row per day of each
//! calendar's years with its working-day number, computed here so that every dialect reads the
//! same numbers), and one query giving `(authority, code, value)` for every data item with a
//! rule, over tables named after the record kinds (columns: the field ids and `authority`).
//!
//! Every condition is written so that it is TRUE or FALSE, never NULL (records.md: a condition
//! that reads an empty field is false), so that `late` and `not in` negate it safely. Every
//! identifier is quoted and every text is a string literal of the dialect: the IR comes from a
//! spec, and nothing in it is trusted to be a safe name.

use crate::date::{calendar_days, Period};
use pmf_ir::records::{Condition, CountingRule, FieldType, Placement, RecordType};
use pmf_ir::{DurationUnit, Ir};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    DuckDb,
    Postgres,
    Spark,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::DuckDb, Dialect::Postgres, Dialect::Spark];

    /// The file name stem under generated/records/.
    pub fn stem(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::Spark => "spark",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Spark => "Spark SQL (3.0 or later)",
        }
    }

    /// A quoted identifier: `"..."` with `"` doubled, or Spark's backquotes with the backquote
    /// doubled. A NUL cannot be in an identifier of any of them, and is written as U+FFFD.
    pub fn ident(self, name: &str) -> String {
        let name = name.replace('\0', "\u{FFFD}");
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
            Dialect::Spark => format!("`{}`", name.replace('`', "``")),
        }
    }

    /// A string literal. PostgreSQL (standard_conforming_strings, the default since 9.1) and
    /// DuckDB double the quote and take backslashes as written; Spark reads backslash escapes,
    /// and two quoted strings side by side are joined there, so both are escaped.
    pub fn string(self, text: &str) -> String {
        let text = text.replace('\0', "\u{FFFD}");
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("'{}'", text.replace('\'', "''")),
            Dialect::Spark => {
                let mut s = String::from("'");
                for c in text.chars() {
                    match c {
                        '\\' => s.push_str("\\\\"),
                        '\'' => s.push_str("\\'"),
                        '\n' => s.push_str("\\n"),
                        '\r' => s.push_str("\\r"),
                        c => s.push(c),
                    }
                }
                s.push('\'');
                s
            }
        }
    }

    /// A comment line: the text on one line, with nothing that could end it.
    fn comment(self, text: &str) -> String {
        let one_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        format!("-- {}\n", one_line.trim_end())
    }

    fn date(self, d: crate::date::Date) -> String {
        format!("DATE '{d}'")
    }

    /// `days` days after the date `expr`.
    fn add_days(self, expr: &str, days: u64) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("({expr} + {days})"),
            Dialect::Spark => format!("date_add({expr}, {days})"),
        }
    }

    /// `months` months after the date `expr`, the day of the month kept and clamped to the
    /// month's last day (31 January + 1 month is 28 or 29 February): DuckDB's and PostgreSQL's
    /// interval addition and Spark's `add_months` (from Spark 3.0, which no longer moves the
    /// last day of a month to the last day of the next) all do so.
    fn add_months(self, expr: &str, months: u64) -> String {
        match self {
            Dialect::DuckDb => format!("CAST({expr} + INTERVAL {months} MONTH AS DATE)"),
            Dialect::Postgres => format!("CAST({expr} + INTERVAL '{months} months' AS DATE)"),
            Dialect::Spark => format!("add_months({expr}, {months})"),
        }
    }

    fn date_of(self, expr: &str) -> String {
        format!("CAST({expr} AS DATE)")
    }

    /// A view made by the script (made again when the script runs again). DuckDB gets a
    /// temporary table: it inlines a view into each of the query's subqueries and computed the
    /// calendar's working-day numbers once per rule, 3.5 times slower over a year's records
    /// (BENCHMARKS.md). PostgreSQL has no CREATE OR REPLACE TABLE, and Spark plans the view once.
    fn view(self, name: &str, body: &str) -> String {
        let kind = match self {
            Dialect::DuckDb => "TABLE",
            Dialect::Postgres | Dialect::Spark => "VIEW",
        };
        format!("CREATE OR REPLACE TEMPORARY {kind} {name} AS\n{body};\n")
    }

    /// Rows as a relation with named columns.
    fn values(self, rows: &[String], alias: &str, columns: &[&str]) -> String {
        let cols: Vec<String> = columns.iter().map(|c| self.ident(c)).collect();
        let rows = rows.join(",\n  ");
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!(
                "SELECT * FROM (VALUES\n  {rows}\n) AS {alias}({})",
                cols.join(", ")
            ),
            Dialect::Spark => format!(
                "SELECT * FROM VALUES\n  {rows}\nAS {alias}({})",
                cols.join(", ")
            ),
        }
    }
}

/// The names of the script's own relations and columns.
pub const PERIOD_VIEW: &str = "pmf_period";
pub const CALENDAR_VIEW: &str = "pmf_calendar";

/// The script of one dialect for `period`: the period, the calendars and, when a metric has a
/// counting rule, the query. An error is a fault of the IR (a field the checker should have
/// refused), never of records.
pub fn script(ir: &Ir, dialect: Dialect, period: &Period) -> Result<String, String> {
    let mut s = prelude(ir, dialect, period)?;
    if let Some(q) = query(ir, dialect)? {
        s.push('\n');
        s.push_str(&dialect.comment(
            "The figures: one row per authority in the tables and data item with a counting rule.",
        ));
        s.push_str(&q);
        s.push_str(";\n");
    }
    Ok(s)
}

/// The script's statements before the query: the header, the period and the calendars.
pub fn prelude(ir: &Ir, dialect: Dialect, period: &Period) -> Result<String, String> {
    let d = dialect;
    let mut s = String::new();
    s.push_str(&d.comment(&format!(
        "pmf: the counting rules of the edition `{}` in {}, generated from the spec by `pmf build`; do not edit.",
        ir.edition.id,
        d.name()
    )));
    s.push_str(&d.comment(
        "Meaning of every rule: compiler/doc/records.md. Empty values must be NULL; times are DATE or TIMESTAMP.",
    ));
    let kinds = records_used(ir);
    if !kinds.is_empty() {
        s.push_str(
            &d.comment("Tables read (one row per record; columns: authority and the fields):"),
        );
        for id in &kinds {
            let rec = record(ir, id)?;
            let cols: Vec<String> = std::iter::once("authority".to_string())
                .chain(rec.fields.iter().map(|f| f.id.clone()))
                .collect();
            s.push_str(&d.comment(&format!("  {} ({})", d.ident(id), cols.join(", "))));
        }
    }
    s.push('\n');
    s.push_str(&d.comment(
        "The period counted, both days included: change these two dates to count another year.",
    ));
    s.push_str(&d.view(
        PERIOD_VIEW,
        &format!(
            "SELECT {} AS period_start,\n  {} AS period_end",
            d.date(period.start),
            d.date(period.end)
        ),
    ));
    s.push('\n');
    s.push_str(&d.comment(
        "The working-day calendars: one row per day; working_day_number counts the working days from the calendar's first day up to and including the day (a day that is not a working day has the number of the working day before it).",
    ));
    let mut rows = Vec::new();
    for cal in &ir.calendars {
        for day in calendar_days(cal)? {
            rows.push(format!(
                "({}, {}, {}, {})",
                d.string(&cal.id),
                d.date(day.date),
                if day.working { "TRUE" } else { "FALSE" },
                day.number
            ));
        }
    }
    let calendar = if rows.is_empty() {
        // No calendar: an empty relation of the same shape.
        format!(
            "SELECT CAST(NULL AS {}) AS {}, CAST(NULL AS DATE) AS {}, CAST(NULL AS BOOLEAN) AS {}, CAST(NULL AS INTEGER) AS {} WHERE 1 = 0",
            if d == Dialect::Spark { "STRING" } else { "VARCHAR" },
            d.ident("calendar"),
            d.ident("date"),
            d.ident("is_working_day"),
            d.ident("working_day_number")
        )
    } else {
        d.values(
            &rows,
            "pmf_days",
            &["calendar", "date", "is_working_day", "working_day_number"],
        )
    };
    s.push_str(&d.view(CALENDAR_VIEW, &calendar));
    Ok(s)
}

/// The record kinds the rules read, in declaration order.
pub fn records_used(ir: &Ir) -> Vec<String> {
    let mut used = std::collections::BTreeSet::new();
    fn conds(cs: &[Condition], used: &mut std::collections::BTreeSet<String>, ir: &Ir, rec: &str) {
        for c in cs {
            match c {
                Condition::AtLeast {
                    record, conditions, ..
                } => {
                    used.insert(record.clone());
                    conds(conditions, used, ir, record);
                }
                Condition::Previous { conditions, .. } => conds(conditions, used, ir, rec),
                Condition::Age { person, .. } => {
                    if let Some(FieldType::Ref { record }) = ir
                        .records
                        .iter()
                        .find(|r| r.id == rec)
                        .and_then(|r| r.field(person))
                        .map(|f| &f.ty)
                    {
                        used.insert(record.clone());
                    }
                }
                _ => {}
            }
        }
    }
    for m in &ir.metrics {
        if let Some(rule) = &m.computed_from {
            used.insert(rule.record.clone());
            conds(&rule.conditions, &mut used, ir, &rule.record);
            for item in &rule.items {
                conds(&item.conditions, &mut used, ir, &rule.record);
            }
        }
    }
    ir.records
        .iter()
        .filter(|r| used.contains(&r.id))
        .map(|r| r.id.clone())
        .collect()
}

fn record<'a>(ir: &'a Ir, id: &str) -> Result<&'a RecordType, String> {
    ir.records
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| format!("no record kind `{id}`"))
}

/// The data items a rule gives, with their own conditions: the metric's total when it is
/// reported, then its items.
pub fn counted_items<'a>(
    ir: &Ir,
    code: &str,
    rule: &'a CountingRule,
) -> Vec<(String, &'a [Condition])> {
    let mut out: Vec<(String, &[Condition])> = Vec::new();
    if ir.data_item(code).is_some() {
        out.push((code.to_string(), &[]));
    }
    for item in &rule.items {
        if ir.data_item(&item.item).is_some() {
            out.push((item.item.clone(), &item.conditions));
        }
    }
    out
}

/// The query (without a closing `;`), or None when no metric has a counting rule.
pub fn query(ir: &Ir, d: Dialect) -> Result<Option<String>, String> {
    let mut parts = Vec::new();
    let mut g = Gen { ir, d, next: 0 };
    for m in &ir.metrics {
        let Some(rule) = &m.computed_from else {
            continue;
        };
        for (code, own) in counted_items(ir, &m.code, rule) {
            let rec = record(ir, &rule.record)?;
            let conditions: Vec<Condition> =
                rule.conditions.iter().chain(own.iter()).cloned().collect();
            let counted = rule.distinct.as_deref().unwrap_or(&rec.key);
            field(rec, counted)?;
            let mut scope = g.scope(rec, rule.calendar.as_deref());
            let mut filters = vec![g.placement(&scope, &rule.placement)?];
            for c in &conditions {
                filters.push(g.condition(&mut scope, c)?);
            }
            let inner = format!(
                "SELECT {a}.{auth} AS pmf_authority, {a}.{counted} AS pmf_counted\n    {from}\n    WHERE {filters}",
                a = scope.alias,
                auth = d.ident("authority"),
                counted = d.ident(counted),
                from = scope.from(),
                filters = filters.join("\n      AND ")
            );
            parts.push(format!(
                "  SELECT pmf_a.authority AS authority, {code} AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value\n  FROM pmf_authorities pmf_a\n  LEFT JOIN (\n    {inner}\n  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority\n  GROUP BY pmf_a.authority",
                code = d.string(&code),
            ));
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    let authorities: Vec<String> = records_used(ir)
        .iter()
        .map(|r| {
            format!(
                "  SELECT {} AS authority FROM {}",
                d.ident("authority"),
                d.ident(r)
            )
        })
        .collect();
    Ok(Some(format!(
        "WITH pmf_authorities AS (\n{}\n)\nSELECT authority, code, value FROM (\n{}\n) pmf_counts\nORDER BY authority, code",
        authorities.join("\n  UNION\n"),
        parts.join("\n  UNION ALL\n")
    )))
}

fn field<'a>(rec: &'a RecordType, id: &str) -> Result<&'a pmf_ir::records::Field, String> {
    rec.field(id)
        .ok_or_else(|| format!("the record kind `{}` has no field `{id}`", rec.id))
}

/// One record table in a query, with what it is joined to.
struct Scope<'a> {
    rec: &'a RecordType,
    table: String,
    alias: String,
    period: String,
    calendar: Option<String>,
    joins: Vec<String>,
}

impl Scope<'_> {
    fn from(&self) -> String {
        let mut s = format!(
            "FROM {} {} CROSS JOIN {PERIOD_VIEW} {}",
            self.table, self.alias, self.period
        );
        for j in &self.joins {
            s.push_str("\n    ");
            s.push_str(j);
        }
        s
    }
}

struct Gen<'a> {
    ir: &'a Ir,
    d: Dialect,
    next: usize,
}

impl<'a> Gen<'a> {
    fn alias(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn scope(&mut self, rec: &'a RecordType, calendar: Option<&str>) -> Scope<'a> {
        Scope {
            rec,
            table: self.d.ident(&rec.id),
            alias: self.alias("r"),
            period: self.alias("p"),
            calendar: calendar.map(str::to_string),
            joins: Vec::new(),
        }
    }

    /// `alias."field"`, the field checked to exist.
    fn col(&self, scope: &Scope, id: &str) -> Result<String, String> {
        field(scope.rec, id)?;
        Ok(format!("{}.{}", scope.alias, self.d.ident(id)))
    }

    /// The date of a time field.
    fn day(&self, scope: &Scope, id: &str) -> Result<String, String> {
        let f = field(scope.rec, id)?;
        if !f.ty.is_time() {
            return Err(format!(
                "the field `{id}` of `{}` is not a date or a date and time",
                scope.rec.id
            ));
        }
        // A date and time is made a timestamp first: tables loaded as text (a CSV file read
        // with every column as text) hold `2020-04-01 09:30`, which not every dialect casts
        // to a date directly.
        let col = self.col(scope, id)?;
        Ok(match f.ty {
            FieldType::Datetime => self.d.date_of(&format!("CAST({col} AS TIMESTAMP)")),
            _ => self.d.date_of(&col),
        })
    }

    fn placement(&self, scope: &Scope, p: &Placement) -> Result<String, String> {
        let (start, end) = (
            format!("{}.period_start", scope.period),
            format!("{}.period_end", scope.period),
        );
        Ok(match p {
            Placement::During { field } => format!(
                "COALESCE({day} >= {start} AND {day} <= {end}, FALSE)",
                day = self.day(scope, field)?
            ),
            Placement::OpenAt { start: s, end: e } => format!(
                "COALESCE({s} <= {end}, FALSE) AND ({e_col} IS NULL OR {e} > {end})",
                s = self.day(scope, s)?,
                e_col = self.col(scope, e)?,
                e = self.day(scope, e)?
            ),
            Placement::OpenDuring { start: s, end: e } => format!(
                "COALESCE({s} <= {end}, FALSE) AND ({e_col} IS NULL OR {e} >= {start})",
                s = self.day(scope, s)?,
                e_col = self.col(scope, e)?,
                e = self.day(scope, e)?
            ),
        })
    }

    /// A LEFT JOIN to the calendar for the date of `expr`; the working-day number's column.
    fn working_day(&mut self, scope: &mut Scope, date_expr: &str) -> Result<String, String> {
        let cal = scope.calendar.clone().ok_or_else(|| {
            format!(
                "a rule on `{}` counts working days but names no calendar",
                scope.rec.id
            )
        })?;
        let w = self.alias("w");
        let d = self.d;
        scope.joins.push(format!(
            "LEFT JOIN {CALENDAR_VIEW} {w} ON {w}.{c} = {cal} AND {w}.{date} = {date_expr}",
            c = d.ident("calendar"),
            cal = d.string(&cal),
            date = d.ident("date"),
        ));
        Ok(format!("{w}.{}", d.ident("working_day_number")))
    }

    /// Whether the date `end` is at most `amount` `unit` after the date `start` (both dates
    /// known to be set), given their working-day numbers when the unit is working days.
    fn within_dates(
        &self,
        end: &str,
        start: &str,
        amount: u32,
        unit: DurationUnit,
        wdn: Option<(&str, &str)>,
    ) -> String {
        let d = self.d;
        let n = u64::from(amount);
        let test = match (unit, wdn) {
            (DurationUnit::WorkingDays, Some((we, ws))) => format!("{we} - {ws} <= {n}"),
            (DurationUnit::Days, _) | (DurationUnit::WorkingDays, None) => {
                format!("{end} <= {}", d.add_days(start, n))
            }
            (DurationUnit::Weeks, _) => format!("{end} <= {}", d.add_days(start, n * 7)),
            (DurationUnit::Months, _) => format!("{end} <= {}", d.add_months(start, n)),
            (DurationUnit::Years, _) => format!("{end} <= {}", d.add_months(start, n * 12)),
        };
        format!("{end} >= {start} AND {test}")
    }

    fn conditions(
        &mut self,
        scope: &mut Scope<'a>,
        cs: &[Condition],
    ) -> Result<Vec<String>, String> {
        cs.iter().map(|c| self.condition(scope, c)).collect()
    }

    /// A condition as an expression that is TRUE or FALSE, never NULL.
    fn condition(&mut self, scope: &mut Scope<'a>, c: &Condition) -> Result<String, String> {
        let d = self.d;
        Ok(match c {
            Condition::Is {
                field,
                codes,
                negated,
            } => {
                let col = self.col(scope, field)?;
                if codes.is_empty() {
                    // In no code: false; in none of no codes: set.
                    if *negated {
                        format!("{col} IS NOT NULL")
                    } else {
                        "FALSE".into()
                    }
                } else {
                    let list: Vec<String> = codes.iter().map(|c| d.string(c)).collect();
                    format!(
                        "COALESCE({col} {}IN ({}), FALSE)",
                        if *negated { "NOT " } else { "" },
                        list.join(", ")
                    )
                }
            }
            Condition::Set { field, negated } => format!(
                "{} IS {}NULL",
                self.col(scope, field)?,
                if *negated { "" } else { "NOT " }
            ),
            Condition::Within {
                field,
                from,
                amount,
                unit,
                late,
            } => {
                let (e, s) = (self.day(scope, field)?, self.day(scope, from)?);
                let wdn = if *unit == DurationUnit::WorkingDays {
                    let we = self.working_day(scope, &e)?;
                    let ws = self.working_day(scope, &s)?;
                    Some((we, ws))
                } else {
                    None
                };
                let within = format!(
                    "COALESCE({}, FALSE)",
                    self.within_dates(
                        &e,
                        &s,
                        *amount,
                        *unit,
                        wdn.as_ref().map(|(a, b)| (a.as_str(), b.as_str()))
                    )
                );
                if *late {
                    format!("({} IS NOT NULL AND NOT {within})", self.col(scope, from)?)
                } else {
                    within
                }
            }
            Condition::Age {
                person,
                born,
                at,
                min,
                max,
            } => {
                let person_field = field(scope.rec, person)?;
                let FieldType::Ref {
                    record: person_kind,
                } = &person_field.ty
                else {
                    return Err(format!(
                        "the field `{person}` of `{}` does not refer to a record",
                        scope.rec.id
                    ));
                };
                let prec = record(self.ir, person_kind)?;
                field(prec, born)?;
                let p = self.alias("a");
                scope.joins.push(format!(
                    "LEFT JOIN {t} {p} ON {p}.{auth} = {r}.{auth} AND {p}.{key} = {r}.{pf}",
                    t = d.ident(person_kind),
                    auth = d.ident("authority"),
                    r = scope.alias,
                    key = d.ident(&prec.key),
                    pf = d.ident(person),
                ));
                let birth = d.date_of(&format!("{p}.{}", d.ident(born)));
                let when = match at {
                    Some(f) => self.day(scope, f)?,
                    None => format!("{}.period_end", scope.period),
                };
                // Age at least A: the A-th birthday (born + 12A months, 29 February clamped to
                // 28 February) is on or before the day.
                let mut tests = vec![format!("{birth} IS NOT NULL AND {when} IS NOT NULL")];
                if let Some(a) = min {
                    tests.push(format!(
                        "{} <= {when}",
                        d.add_months(&birth, 12 * u64::from(*a))
                    ));
                }
                if let Some(b) = max {
                    tests.push(format!(
                        "{when} < {}",
                        d.add_months(&birth, 12 * (u64::from(*b) + 1))
                    ));
                }
                format!("COALESCE({}, FALSE)", tests.join(" AND "))
            }
            Condition::AtLeast {
                n,
                record: other,
                link,
                this,
                placement,
                conditions,
            } => {
                let orec = record(self.ir, other)?;
                field(orec, link)?;
                let this_col = self.col(scope, this)?;
                let mut inner = self.scope(orec, scope.calendar.as_deref());
                let mut filters = vec![self.placement(&inner, placement)?];
                filters.extend(self.conditions(&mut inner, conditions)?);
                let k = self.alias("k");
                let body = format!(
                    "SELECT {a}.{auth} AS pmf_authority, {a}.{link} AS pmf_link, COUNT(DISTINCT {a}.{key}) AS pmf_n\n      {from}\n      WHERE {filters}\n      GROUP BY {a}.{auth}, {a}.{link}",
                    a = inner.alias,
                    auth = d.ident("authority"),
                    link = d.ident(link),
                    key = d.ident(&orec.key),
                    from = inner.from(),
                    filters = filters.join("\n        AND "),
                );
                scope.joins.push(format!(
                    "LEFT JOIN (\n      {body}\n    ) {k} ON {k}.pmf_authority = {r}.{auth} AND {k}.pmf_link = {this_col}",
                    r = scope.alias,
                    auth = d.ident("authority"),
                ));
                format!("COALESCE({k}.pmf_n, 0) >= {n}")
            }
            Condition::Previous {
                link,
                end,
                start,
                amount,
                unit,
                conditions,
                negated,
            } => {
                let rec = scope.rec;
                let this_start = self.day(scope, start)?;
                let this_wdn = if *unit == DurationUnit::WorkingDays {
                    Some(self.working_day(scope, &this_start)?)
                } else {
                    None
                };
                let mut inner = self.scope(rec, scope.calendar.as_deref());
                let mut filters = vec![
                    format!(
                        "{q}.{auth} = {r}.{auth}",
                        q = inner.alias,
                        r = scope.alias,
                        auth = d.ident("authority")
                    ),
                    format!("{} = {}", self.col(&inner, link)?, self.col(scope, link)?),
                    format!(
                        "{} <> {}",
                        self.col(&inner, &rec.key)?,
                        self.col(scope, &rec.key)?
                    ),
                ];
                let prev_end = self.day(&inner, end)?;
                let prev_wdn = if *unit == DurationUnit::WorkingDays {
                    Some(self.working_day(&mut inner, &prev_end)?)
                } else {
                    None
                };
                filters.push(format!(
                    "COALESCE({}, FALSE)",
                    self.within_dates(
                        &this_start,
                        &prev_end,
                        *amount,
                        *unit,
                        this_wdn.as_deref().zip(prev_wdn.as_deref())
                    )
                ));
                filters.extend(self.conditions(&mut inner, conditions)?);
                let exists = format!(
                    "EXISTS (\n      SELECT 1\n      {from}\n      WHERE {filters}\n    )",
                    from = inner.from(),
                    filters = filters.join("\n        AND "),
                );
                if *negated {
                    format!("{} IS NOT NULL AND NOT {exists}", self.col(scope, start)?)
                } else {
                    exists
                }
            }
        })
    }
}

/// The scripts `pmf build` writes, for the edition's first year, when the spec declares record
/// kinds (none otherwise: a spec without records has nothing to count).
pub fn artifacts(ir: &Ir) -> Result<Vec<(String, Vec<u8>)>, String> {
    if ir.records.is_empty() {
        return Ok(Vec::new());
    }
    let label = ir
        .edition
        .first_year
        .clone()
        .unwrap_or_else(|| "2020-21".to_string());
    let period = Period::parse(&label)
        .ok_or_else(|| format!("the edition's first year `{label}` is not a financial year"))?;
    Dialect::ALL
        .iter()
        .map(|d| {
            script(ir, *d, &period).map(|s| (format!("records/{}.sql", d.stem()), s.into_bytes()))
        })
        .collect()
}
