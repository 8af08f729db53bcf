//! Indicator formulas: resolved, typed (units, timing, cohort, part-of) and turned into IR
//! formulas; worked examples evaluated. Also the comparisons of explicit rules.

use super::metrics::{timing_words, Terms};
use super::names::Kind;
use super::{Checker, Target};
use crate::diag::{Code, Diagnostic};
use crate::ir::{eval::round, Formula, Op, ResultKind, ResultUnit};
use crate::model::{BreakdownKind, Loc, Ref, Timing};
use crate::syntax::{BinOp, CmpOp, Expr, ExprKind};
use std::collections::{BTreeMap, BTreeSet};

/// A checked formula, ready for the IR.
#[derive(Clone, Debug)]
pub struct Typed {
    pub formula: Formula,
    pub result: ResultKind,
    pub unit: ResultUnit,
    pub text: String,
}

#[derive(Clone, Debug)]
enum Ty {
    Data {
        unit: Option<usize>,
        over: Option<usize>,
        timing: Option<Timing>,
        cohort: Option<usize>,
        codes: Vec<String>,
    },
    Population(usize),
    Number,
    Derived {
        result: ResultKind,
        unit: ResultUnit,
    },
}

const FUNCTIONS: &[&str] = &["percent", "rate", "average", "ratio"];

impl Checker<'_> {
    pub(super) fn check_indicators(&mut self) {
        let decls = self.decls;
        for ind in &decls.indicators {
            if let Some(p) = &ind.part {
                self.resolve(p, Kind::Part);
            }
            let typed = ind
                .formula
                .as_ref()
                .and_then(|f| self.formula(f, ind.code_loc.file));
            if let (Some(t), Some(m)) = (&typed, &ind.motivation) {
                if self.codes.contains_key(&m.metric.name) {
                    self.record_use(Kind::Code, &m.metric.name, &m.metric.loc, None);
                } else {
                    self.unknown_code(&m.metric);
                }
                let _ = t;
            }
            if let Some(t) = &typed {
                for ex in &ind.examples {
                    self.check_example(&ind.code, t, ex);
                }
            }
            self.formulas.push(typed);
        }
    }

    fn text_of(&self, e: &Expr, file: crate::source::FileId) -> String {
        let src = &self.sources.get(file).text;
        src.get(e.span.clone())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    fn formula(&mut self, e: &Expr, file: crate::source::FileId) -> Option<Typed> {
        let (ty, formula) = self.ty(e, file)?;
        let text = self.text_of(e, file);
        let d = self.decls;
        let id = |u: usize| d.units[u].id.clone();
        let (result, unit) = match &ty {
            Ty::Derived { result, unit } => (*result, unit.clone()),
            Ty::Data {
                unit: Some(u),
                over,
                ..
            } => (
                ResultKind::Number,
                ResultUnit::Quantity {
                    unit: id(*u),
                    over: over.map(id),
                },
            ),
            Ty::Data { unit: None, .. } | Ty::Number => (ResultKind::Number, ResultUnit::None),
            Ty::Population(_) => (ResultKind::Number, ResultUnit::People),
        };
        Some(Typed {
            formula,
            result,
            unit,
            text,
        })
    }

    fn unit_phrase(&self, unit: Option<usize>, over: Option<usize>) -> String {
        let d = self.decls;
        let label = |u: usize| {
            d.units[u]
                .label
                .as_ref()
                .map_or(d.units[u].id.clone(), |t| t.en.value.clone())
        };
        let singular = |u: usize| {
            d.units[u]
                .singular
                .as_ref()
                .map_or(d.units[u].id.clone(), |t| t.en.value.clone())
        };
        match (unit, over) {
            (Some(u), Some(o)) => format!("{} over {}", label(u), label(o)),
            (Some(u), None) => label(u),
            _ => {
                let _ = singular;
                String::new()
            }
        }
    }

    fn ty(&mut self, e: &Expr, file: crate::source::FileId) -> Option<(Ty, Formula)> {
        let loc = Loc {
            file,
            span: e.span.clone(),
        };
        match &e.kind {
            ExprKind::Code(c) => {
                let r = Ref {
                    name: c.clone(),
                    loc: loc.clone(),
                };
                let target = self.codes.get(c).copied();
                if let Some(Target::Metric(mi)) = target {
                    let info = &self.metrics[mi];
                    if !info.collected && info.kind == Some(BreakdownKind::Overlapping) {
                        self.record_use(Kind::Code, c, &loc, None);
                        self.push(
                            Diagnostic::new(Code::OverlappingSum, file, e.span.clone(), format!("{c} has overlapping items, so adding them up counts some units twice"))
                                .label("sum of overlapping items")
                                .help(format!("use one item (e.g. {c}a), or collect the metric's own total with `total`")),
                        );
                        return None;
                    }
                }
                let terms = self.value_terms(&r)?;
                let mi = self.metric_of(c)?;
                let info = &self.metrics[mi];
                let ty = Ty::Data {
                    unit: info.unit,
                    over: info.over,
                    timing: info.timing.clone(),
                    cohort: info.cohort,
                    codes: terms.iter().map(|(_, c)| c.clone()).collect(),
                };
                Some((ty, Formula::Metric { code: c.clone() }))
            }
            ExprKind::Path(p) => {
                let r = Ref {
                    name: p.clone(),
                    loc,
                };
                let pi = self.resolve(&r, Kind::Population)?;
                Some((Ty::Population(pi), Formula::Population { id: p.clone() }))
            }
            ExprKind::Number(n) => {
                let v: f64 = n.parse().ok()?;
                Some((Ty::Number, Formula::Number { value: v }))
            }
            ExprKind::Paren(inner) => self.ty(inner, file),
            ExprKind::Neg(inner) => {
                let (t, f) = self.ty(inner, file)?;
                Some((t, Formula::Neg { arg: Box::new(f) }))
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.ty(lhs, file);
                let r = self.ty(rhs, file);
                let ((lt, lf), (rt, rf)) = (l?, r?);
                let (lf, rf) = (Box::new(lf), Box::new(rf));
                match op {
                    BinOp::Add | BinOp::Sub => {
                        let ty = self.combine(&lt, &rt, &loc, op.symbol())?;
                        let f = if *op == BinOp::Add {
                            Formula::Add { lhs: lf, rhs: rf }
                        } else {
                            Formula::Sub { lhs: lf, rhs: rf }
                        };
                        Some((ty, f))
                    }
                    BinOp::Mul => {
                        let ty = match (&lt, &rt) {
                            (Ty::Number, t) | (t, Ty::Number) => t.clone(),
                            _ => {
                                self.push(
                                    Diagnostic::new(Code::UnitMismatch, file, e.span.clone(), "only a number can multiply a figure")
                                        .help("use percent(...), rate(...), average(...) or ratio(...) to combine two figures"),
                                );
                                return None;
                            }
                        };
                        Some((ty, Formula::Mul { lhs: lf, rhs: rf }))
                    }
                    BinOp::Div => {
                        let ty = match (&lt, &rt) {
                            (t, Ty::Number) => t.clone(),
                            (Ty::Data { .. }, Ty::Data { .. }) => self.ratio_ty(&lt, &rt, &loc)?,
                            _ => {
                                self.push(
                                    Diagnostic::new(Code::UnitMismatch, file, e.span.clone(), "this division has no clear unit")
                                        .help("use rate(n, population, 10000) for a population, or ratio(a, b)"),
                                );
                                return None;
                            }
                        };
                        Some((ty, Formula::Div { lhs: lf, rhs: rf }))
                    }
                }
            }
            ExprKind::Call { name, args } => {
                self.call(e, name.text.as_str(), &name.span, args, file)
            }
            _ => {
                self.push(Diagnostic::new(Code::InvalidValue, file, e.span.clone(), format!("{} cannot be part of a formula", e.describe())).help("a formula uses codes, population names, numbers, + - * / and percent, rate, average, ratio"));
                None
            }
        }
    }

    fn call(
        &mut self,
        e: &Expr,
        name: &str,
        name_span: &std::ops::Range<usize>,
        args: &[Expr],
        file: crate::source::FileId,
    ) -> Option<(Ty, Formula)> {
        let loc = Loc {
            file,
            span: e.span.clone(),
        };
        let arity = match name {
            "percent" | "average" | "ratio" => 2,
            "rate" => 3,
            _ => {
                let suggestion = crate::model::closest_name(name, FUNCTIONS);
                let mut d = Diagnostic::new(
                    Code::UnknownReference,
                    file,
                    name_span.clone(),
                    format!("there is no function `{name}`"),
                )
                .label("unknown function");
                d = match suggestion {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.note(format!("the functions are {}", FUNCTIONS.join(", "))),
                };
                self.push(d);
                return None;
            }
        };
        if args.len() != arity {
            self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    file,
                    e.span.clone(),
                    format!("`{name}` takes {arity} arguments, not {}", args.len()),
                )
                .help(match name {
                    "rate" => "write rate(CODE, population, 10000)",
                    "average" => "write average(TOTAL, COUNT)",
                    _ => "write e.g. percent(NUMERATOR, DENOMINATOR)",
                }),
            );
            return None;
        }
        let typed: Vec<Option<(Ty, Formula)>> = args.iter().map(|a| self.ty(a, file)).collect();
        let typed: Vec<(Ty, Formula)> = typed.into_iter().collect::<Option<Vec<_>>>()?;
        let arg_loc = |i: usize| Loc {
            file,
            span: args[i].span.clone(),
        };
        match name {
            "percent" => {
                let (n, d) = (&typed[0].0, &typed[1].0);
                // Different units are fine when the spec declares the numerator part of the
                // denominator with a stated correspondence (`subset of ... via "..."`).
                let bridged = match (n, d) {
                    (
                        Ty::Data {
                            unit: un,
                            over: on,
                            codes: nc,
                            ..
                        },
                        Ty::Data {
                            unit: ud,
                            over: od,
                            codes: dc,
                            ..
                        },
                    ) => (un, on) != (ud, od) && self.part_of(nc, dc),
                    _ => false,
                };
                if bridged {
                    self.check_timing(n, d, &loc, Code::StockFlowMix)?;
                } else {
                    self.check_same_data(n, d, &loc, "a percentage")?;
                }
                if let (Ty::Data { codes: nc, .. }, Ty::Data { codes: dc, .. }) = (n, d) {
                    if !self.part_of(nc, dc) {
                        self.push(
                            Diagnostic::new(
                                Code::PercentageNotPart,
                                file,
                                args[0].span.clone(),
                                format!("{} is not declared part of {}, so this percentage may exceed 100%", self.text_of(&args[0], file), self.text_of(&args[1], file)),
                            )
                            .label("numerator")
                            .secondary(file, args[1].span.clone(), "denominator")
                            .help("declare the relation (`subset of`, or a breakdown `of`), or allow this warning with the reason the figures can still be compared"),
                        );
                    }
                }
                Some((
                    Ty::Derived {
                        result: ResultKind::Percent,
                        unit: ResultUnit::Percent,
                    },
                    Formula::Percent {
                        numerator: Box::new(typed[0].1.clone()),
                        denominator: Box::new(typed[1].1.clone()),
                    },
                ))
            }
            "rate" => {
                let pop = match &typed[1].0 {
                    Ty::Population(p) => *p,
                    _ => {
                        let l = arg_loc(1);
                        self.push(
                            Diagnostic::new(
                                Code::WrongKind,
                                l.file,
                                l.span,
                                "the second argument of `rate` is a population",
                            )
                            .help("declare it with `population NAME { ... }`"),
                        );
                        return None;
                    }
                };
                let per = match &typed[2].1 {
                    Formula::Number { value } if *value > 0.0 => *value,
                    _ => {
                        let l = arg_loc(2);
                        self.push(Diagnostic::new(
                            Code::InvalidValue,
                            l.file,
                            l.span,
                            "the third argument of `rate` is a number such as 10000",
                        ));
                        return None;
                    }
                };
                if !matches!(typed[0].0, Ty::Data { .. }) {
                    let l = arg_loc(0);
                    self.push(Diagnostic::new(
                        Code::InvalidValue,
                        l.file,
                        l.span,
                        "the first argument of `rate` is a metric",
                    ));
                    return None;
                }
                let unit = ResultUnit::Rate {
                    per,
                    population: self.decls.populations[pop].id.clone(),
                };
                Some((
                    Ty::Derived {
                        result: ResultKind::Rate,
                        unit,
                    },
                    Formula::Rate {
                        numerator: Box::new(typed[0].1.clone()),
                        population: Box::new(typed[1].1.clone()),
                        per,
                    },
                ))
            }
            "average" => {
                let ok = match (&typed[0].0, &typed[1].0) {
                    (
                        Ty::Data {
                            over: Some(o),
                            unit: Some(_),
                            ..
                        },
                        Ty::Data {
                            unit: Some(u),
                            over: None,
                            ..
                        },
                    ) => o == u,
                    _ => false,
                };
                if !ok {
                    let (a, b) = (self.text_of(&args[0], file), self.text_of(&args[1], file));
                    self.push(
                        Diagnostic::new(Code::InvalidAverage, file, e.span.clone(), format!("average({a}, {b}) is not a total over a count of the same thing"))
                            .label("not an average")
                            .note(describe(&typed[0].0, self).map_or(String::new(), |s| format!("{a} {s}")))
                            .note(describe(&typed[1].0, self).map_or(String::new(), |s| format!("{b} {s}")))
                            .help("the first argument must be `sums X over Y` and the second must count Y, e.g. days waited over services started"),
                    );
                    return None;
                }
                self.check_timing(&typed[0].0, &typed[1].0, &loc, Code::StockFlowMix)?;
                let d = self.decls;
                let unit = match (&typed[0].0, &typed[1].0) {
                    (Ty::Data { unit: Some(q), .. }, Ty::Data { unit: Some(c), .. }) => {
                        ResultUnit::Per {
                            unit: d.units[*q].id.clone(),
                            per: d.units[*c].id.clone(),
                        }
                    }
                    _ => ResultUnit::None,
                };
                Some((
                    Ty::Derived {
                        result: ResultKind::Average,
                        unit,
                    },
                    Formula::Average {
                        total: Box::new(typed[0].1.clone()),
                        count: Box::new(typed[1].1.clone()),
                    },
                ))
            }
            _ => {
                let ty = self.ratio_ty(&typed[0].0, &typed[1].0, &loc)?;
                Some((
                    ty,
                    Formula::Ratio {
                        numerator: Box::new(typed[0].1.clone()),
                        denominator: Box::new(typed[1].1.clone()),
                    },
                ))
            }
        }
    }

    fn ratio_ty(&mut self, a: &Ty, b: &Ty, loc: &Loc) -> Option<Ty> {
        let (
            Ty::Data {
                unit: ua,
                timing: ta,
                ..
            },
            Ty::Data {
                unit: ub,
                timing: tb,
                ..
            },
        ) = (a, b)
        else {
            self.push(Diagnostic::new(
                Code::InvalidValue,
                loc.file,
                loc.span.clone(),
                "`ratio` divides one metric by another",
            ));
            return None;
        };
        if let (Some(Timing::Stock(_)), Some(Timing::Flow)) = (ta, tb) {
            self.push(
                Diagnostic::new(Code::StockOverFlow, loc.file, loc.span.clone(), format!("this ratio divides {} by {}", ta.as_ref().map(timing_words).unwrap_or_default(), tb.as_ref().map(timing_words).unwrap_or_default()))
                    .label("stock over flow")
                    .help("a count on one day over a count through the year is rarely meaningful; allow this warning with the reason if it is"),
            );
        }
        let d = self.decls;
        let unit = match (ua, ub) {
            // People per person says nothing; the title says what is divided by what.
            (Some(x), Some(y)) if x == y => ResultUnit::Ratio,
            (Some(x), Some(y)) => ResultUnit::Per {
                unit: d.units[*x].id.clone(),
                per: d.units[*y].id.clone(),
            },
            _ => ResultUnit::None,
        };
        Some(Ty::Derived {
            result: ResultKind::Ratio,
            unit,
        })
    }

    fn check_timing(&mut self, a: &Ty, b: &Ty, loc: &Loc, code: Code) -> Option<()> {
        if let (
            Ty::Data {
                timing: Some(ta), ..
            },
            Ty::Data {
                timing: Some(tb), ..
            },
        ) = (a, b)
        {
            if !super::metrics::same_timing(ta, tb) {
                self.push(
                    Diagnostic::new(code, loc.file, loc.span.clone(), format!("this combines {} with {}", timing_words(ta), timing_words(tb)))
                        .label("counted at different times")
                        .help("figures counted at different times (on a day, or through the year) cannot be added or compared"),
                );
                return None;
            }
        }
        Some(())
    }

    /// Both sides count the same unit, at the same time; different cohorts are a warning.
    fn check_same_data(&mut self, a: &Ty, b: &Ty, loc: &Loc, what: &str) -> Option<()> {
        let (
            Ty::Data {
                unit: ua,
                over: oa,
                cohort: ca,
                ..
            },
            Ty::Data {
                unit: ub,
                over: ob,
                cohort: cb,
                ..
            },
        ) = (a, b)
        else {
            self.push(Diagnostic::new(
                Code::InvalidValue,
                loc.file,
                loc.span.clone(),
                format!("{what} relates two metrics"),
            ));
            return None;
        };
        if (ua, oa) != (ub, ob) {
            let (x, y) = (self.unit_phrase(*ua, *oa), self.unit_phrase(*ub, *ob));
            let d = if what == "a percentage" {
                Diagnostic::new(Code::UnitMismatch, loc.file, loc.span.clone(), format!("a percentage of {x} out of {y} mixes units"))
                    .label("different units")
                    .help("a percentage compares things of one kind; use ratio(...) for a ratio of different things")
            } else {
                Diagnostic::new(
                    Code::UnitMismatch,
                    loc.file,
                    loc.span.clone(),
                    format!("{what} joins {x} and {y}"),
                )
                .label("different units")
                .help("add or subtract only figures that count the same unit")
            };
            self.push(d);
            return None;
        }
        self.check_timing(a, b, loc, Code::StockFlowMix)?;
        if let (Some(x), Some(y)) = (ca, cb) {
            if x != y {
                let d = self.decls;
                self.push(
                    Diagnostic::new(
                        Code::CrossCohortReference,
                        loc.file,
                        loc.span.clone(),
                        format!(
                            "{what} relates {} to {}",
                            cohort_label(d, *x),
                            cohort_label(d, *y)
                        ),
                    )
                    .help("check the codes; allow this warning with a reason if it is intended"),
                );
            }
        }
        Some(())
    }

    fn combine(&mut self, a: &Ty, b: &Ty, loc: &Loc, op: &str) -> Option<Ty> {
        match (a, b) {
            (Ty::Number, Ty::Number) => Some(Ty::Number),
            (Ty::Data { codes: c1, .. }, Ty::Data { codes: c2, .. }) => {
                if op == "+" {
                    if let Some((x, y)) = self.overlapping_pair(c1, c2) {
                        self.push(
                            Diagnostic::new(
                                Code::OverlappingSum,
                                loc.file,
                                loc.span.clone(),
                                format!("{x} and {y} are items of an overlapping breakdown, so adding them counts some units twice"),
                            )
                            .label("sum of overlapping items")
                            .note(format!("{} says one unit can be in several of its items", crate::model::metric_of_item(x)))
                            .help("use one item at a time, or collect the metric's own total with `total`"),
                        );
                        return None;
                    }
                }
                self.check_same_data(a, b, loc, &format!("`{op}`"))?;
                let mut t = a.clone();
                if let Ty::Data { codes, .. } = &mut t {
                    *codes = c1.iter().chain(c2.iter()).cloned().collect();
                }
                Some(t)
            }
            (
                Ty::Derived {
                    result: r1,
                    unit: u1,
                },
                Ty::Derived {
                    result: r2,
                    unit: u2,
                },
            ) if r1 == r2 && u1 == u2 => Some(a.clone()),
            _ => {
                self.push(
                    Diagnostic::new(
                        Code::UnitMismatch,
                        loc.file,
                        loc.span.clone(),
                        format!("`{op}` joins figures of different kinds"),
                    )
                    .help("add or subtract only figures of the same unit"),
                );
                None
            }
        }
    }

    /// Two different items of the same overlapping breakdown, one from each side.
    fn overlapping_pair<'c>(&self, a: &'c [String], b: &'c [String]) -> Option<(&'c str, &'c str)> {
        for x in a {
            for y in b {
                if x == y {
                    continue;
                }
                if let (Some(Target::Item(mx, _)), Some(Target::Item(my, _))) =
                    (self.codes.get(x), self.codes.get(y))
                {
                    if mx == my && self.metrics[*mx].kind == Some(BreakdownKind::Overlapping) {
                        return Some((x, y));
                    }
                }
            }
        }
        None
    }

    /// Whether every code of `n` is declared part of the sum `d`.
    pub(super) fn part_of(&mut self, n: &[String], d: &[String]) -> bool {
        let dset: BTreeSet<&str> = d.iter().map(|s| s.as_str()).collect();
        // Built once: every percentage asks, and rebuilding it each time made checking quadratic.
        if self.parents.is_none() {
            self.parents = Some(self.parent_sets());
        }
        match &self.parents {
            Some(parents) => n.iter().all(|c| reaches(c, &dset, parents, 0)),
            None => false,
        }
    }

    /// code → the sums it is declared part of.
    fn parent_sets(&self) -> BTreeMap<String, Vec<BTreeSet<String>>> {
        let mut p: BTreeMap<String, Vec<BTreeSet<String>>> = BTreeMap::new();
        let set = |t: &Terms| {
            t.iter()
                .map(|(_, c)| c.clone())
                .collect::<BTreeSet<String>>()
        };
        for (mi, info) in self.metrics.iter().enumerate() {
            let code = self.decls.metrics[mi].code.clone();
            for (ii, it) in info.items.iter().enumerate() {
                if info.kind == Some(BreakdownKind::Partition) && !info.collected {
                    // The items of a partition reported only by its items make up the metric.
                    p.entry(it.code.clone())
                        .or_default()
                        .push(BTreeSet::from([code.clone()]));
                }
                if info.kind != Some(BreakdownKind::Independent) {
                    if let Some(of) = &info.of {
                        p.entry(it.code.clone()).or_default().push(set(of));
                    }
                    if info.collected {
                        p.entry(it.code.clone())
                            .or_default()
                            .push(BTreeSet::from([code.clone()]));
                    }
                }
                if let Some((sub, eq)) = info.item_relations.get(ii) {
                    for t in [sub, eq].into_iter().flatten() {
                        p.entry(it.code.clone()).or_default().push(set(t));
                    }
                }
                if let Some(oi) = info.each_within {
                    if let Some(o) = self.metrics[oi]
                        .items
                        .iter()
                        .find(|o| o.entries == it.entries && !it.entries.is_empty())
                    {
                        p.entry(it.code.clone())
                            .or_default()
                            .push(BTreeSet::from([o.code.clone()]));
                    }
                }
            }
            for t in [&info.subset, &info.equals].into_iter().flatten() {
                p.entry(code.clone()).or_default().push(set(t));
            }
            if let Some(eq) = &info.equals {
                if let [(_, x)] = eq.as_slice() {
                    p.entry(x.clone())
                        .or_default()
                        .push(BTreeSet::from([code.clone()]));
                }
            }
        }
        p
    }

    fn check_example(&mut self, code: &str, t: &Typed, ex: &crate::model::Example) {
        let inputs: Vec<String> = t.formula.inputs();
        let given: BTreeMap<&str, f64> = ex
            .inputs
            .iter()
            .map(|(r, v)| (r.name.as_str(), *v))
            .collect();
        let missing: Vec<&str> = inputs
            .iter()
            .filter(|i| !given.contains_key(i.as_str()))
            .map(|s| s.as_str())
            .collect();
        let extra: Vec<&Ref> = ex
            .inputs
            .iter()
            .map(|(r, _)| r)
            .filter(|r| !inputs.contains(&r.name))
            .collect();
        for r in &extra {
            self.push(
                Diagnostic::new(
                    Code::ExampleIncomplete,
                    r.loc.file,
                    r.loc.span.clone(),
                    format!("{} is not an input of {code}'s formula", r.name),
                )
                .label("not used by the formula")
                .note(format!("the formula reads: {}", inputs.join(", "))),
            );
        }
        if !missing.is_empty() {
            self.push(
                Diagnostic::new(
                    Code::ExampleIncomplete,
                    ex.loc.file,
                    self.head(&ex.loc),
                    format!(
                        "this example of {code} gives no value for {}",
                        missing.join(", ")
                    ),
                )
                .label("incomplete example")
                .help(format!("add a line for each: `{} 10`", missing[0])),
            );
            return;
        }
        if !extra.is_empty() {
            return;
        }
        let Some((expect, decimals, eloc)) = &ex.expect else {
            return;
        };
        let computed = t.formula.eval(&|name| given.get(name).copied());
        match computed {
            Ok(v)
                if (round(v, *decimals as u32) - expect).abs()
                    < 0.5 * 10f64.powi(-(*decimals as i32)) => {}
            Ok(v) => {
                self.push(
                    Diagnostic::new(
                        Code::ExampleMismatch,
                        eloc.file,
                        eloc.span.clone(),
                        format!(
                            "the example expects {} but the formula gives {} for these inputs",
                            fmt_num(*expect, *decimals),
                            fmt_num(round(v, *decimals as u32), *decimals)
                        ),
                    )
                    .label("does not match the formula")
                    .note(format!("{code} = {}", t.text))
                    .help("correct the expected value or the inputs; a published example must agree with its formula"),
                );
            }
            Err(_) => {
                self.push(
                    Diagnostic::new(
                        Code::ExampleMismatch,
                        eloc.file,
                        eloc.span.clone(),
                        "the formula has no value for these inputs (a denominator is zero)",
                    )
                    .help("choose inputs with a non-zero denominator"),
                );
            }
        }
    }

    // ---- explicit rules -------------------------------------------------------------------

    pub(super) fn check_rules(&mut self) {
        let decls = self.decls;
        for r in &decls.rules {
            let terms = r
                .assert
                .as_ref()
                .and_then(|a| self.rule_assert(a, r.id_loc.file));
            self.rule_terms.push(terms);
            let years = self.rule_years_terms(r);
            self.rule_years.push(years);
        }
    }

    /// The terms of a `change` or `balance` rule, checked: known codes of one unit; for a
    /// balance, a stock and flows.
    fn rule_years_terms(&mut self, r: &crate::model::ExplicitRule) -> Option<YearTerms> {
        let file = r.id_loc.file;
        if let Some(e) = &r.change {
            let t = self.linear(e, 1.0, file)?;
            self.same_unit(&t, e, file)?;
            return Some(YearTerms::Change(t));
        }
        let stock_e = r.balance.as_ref()?;
        let stock = self.linear(stock_e, 1.0, file);
        let inflow = match &r.inflow {
            Some(e) => self.linear(e, 1.0, file).map(|t| (t, Some(e))),
            None => Some((Vec::new(), None)),
        };
        let outflow = match &r.outflow {
            Some(e) => self.linear(e, 1.0, file).map(|t| (t, Some(e))),
            None => Some((Vec::new(), None)),
        };
        let (stock, (inflow, in_e), (outflow, out_e)) = (stock?, inflow?, outflow?);
        let mut ok = true;
        for (terms, e, want_stock) in [
            (&stock, Some(stock_e), true),
            (&inflow, in_e, false),
            (&outflow, out_e, false),
        ] {
            let Some(e) = e else { continue };
            for (_, c) in terms {
                let Some(mi) = self.metric_of(c) else {
                    continue;
                };
                let Some(t) = self.metrics[mi].timing.clone() else {
                    continue;
                };
                let is_stock = matches!(t, Timing::Stock(_));
                if is_stock != want_stock {
                    let (what, help) = if want_stock {
                        (
                            "the stock of a balance",
                            "`balance` names a figure counted at a point in time (`stock at \"31 March\"`); the flows go under `in` and `out`",
                        )
                    } else {
                        (
                            "a flow of a balance",
                            "`in` and `out` name figures counted during the year (`flow`); the stock goes under `balance`",
                        )
                    };
                    self.push(
                        Diagnostic::new(
                            Code::StockFlowMix,
                            file,
                            e.span.clone(),
                            format!("{c} is {}, so it cannot be {what}", timing_words(&t)),
                        )
                        .help(help),
                    );
                    ok = false;
                }
            }
        }
        let all: Vec<(f64, String)> = stock
            .iter()
            .chain(inflow.iter())
            .chain(outflow.iter())
            .cloned()
            .collect();
        ok &= self.same_unit(&all, stock_e, file).is_some();
        ok.then_some(YearTerms::Balance {
            stock,
            inflow,
            outflow,
        })
    }

    /// Checks that the codes of a year-on-year rule count one unit.
    fn same_unit(&mut self, terms: &Terms, e: &Expr, file: crate::source::FileId) -> Option<()> {
        let mut first: Option<(usize, String)> = None;
        for (_, c) in terms {
            let Some(mi) = self.metric_of(c) else {
                continue;
            };
            match &first {
                None => first = Some((mi, c.clone())),
                Some((fi, fc)) => {
                    let (a, b) = (&self.metrics[*fi], &self.metrics[mi]);
                    if (a.unit, a.over) != (b.unit, b.over) {
                        let (x, y) = (self.measure_words(*fi), self.measure_words(mi));
                        let fc = fc.clone();
                        self.push(
                            Diagnostic::new(
                                Code::UnitMismatch,
                                file,
                                e.span.clone(),
                                format!("this rule adds {fc}, which {x}, to {c}, which {y}"),
                            )
                            .help("a year-on-year rule follows figures of one unit"),
                        );
                        return None;
                    }
                }
            }
        }
        Some(())
    }

    fn rule_assert(&mut self, e: &Expr, file: crate::source::FileId) -> Option<(Terms, Op, Terms)> {
        let ExprKind::Compare { op, lhs, rhs } = &e.kind else {
            return None;
        };
        let l = self.linear(lhs, 1.0, file);
        let r = self.linear(rhs, 1.0, file);
        let (l, r) = (l?, r?);
        // Units and timing must agree across the comparison.
        let all: Vec<String> = l.iter().chain(r.iter()).map(|(_, c)| c.clone()).collect();
        let mut first: Option<(usize, String)> = None;
        for c in &all {
            let Some(mi) = self.metric_of(c) else {
                continue;
            };
            match &first {
                None => first = Some((mi, c.clone())),
                Some((fi, fc)) => {
                    let (a, b) = (self.metrics[*fi].clone(), self.metrics[mi].clone());
                    if (a.unit, a.over) != (b.unit, b.over) {
                        let (x, y) = (self.measure_words(*fi), self.measure_words(mi));
                        self.push(
                            Diagnostic::new(
                                Code::UnitMismatch,
                                file,
                                e.span.clone(),
                                format!("this rule compares {fc}, which {x}, with {c}, which {y}"),
                            )
                            .help("a rule compares figures of one unit"),
                        );
                        return None;
                    }
                    if let (Some(t1), Some(t2)) = (&a.timing, &b.timing) {
                        if !super::metrics::same_timing(t1, t2) {
                            self.push(Diagnostic::new(
                                Code::StockFlowMix,
                                file,
                                e.span.clone(),
                                format!(
                                    "this rule compares {fc}, {}, with {c}, {}",
                                    timing_words(t1),
                                    timing_words(t2)
                                ),
                            ));
                            return None;
                        }
                    }
                }
            }
        }
        let op = match op {
            CmpOp::Le => Op::Le,
            CmpOp::Ge => Op::Ge,
            CmpOp::Lt => Op::Lt,
            CmpOp::Gt => Op::Gt,
            CmpOp::Eq => Op::Eq,
            CmpOp::Ne => Op::Ne,
        };
        Some((l, op, r))
    }

    fn linear(&mut self, e: &Expr, coef: f64, file: crate::source::FileId) -> Option<Terms> {
        match &e.kind {
            ExprKind::Code(c) => {
                let terms = self.value_terms(&Ref {
                    name: c.clone(),
                    loc: Loc {
                        file,
                        span: e.span.clone(),
                    },
                })?;
                Some(terms.into_iter().map(|(k, c)| (k * coef, c)).collect())
            }
            ExprKind::Paren(inner) => self.linear(inner, coef, file),
            ExprKind::Neg(inner) => self.linear(inner, -coef, file),
            ExprKind::Binary {
                op: op @ (BinOp::Add | BinOp::Sub),
                lhs,
                rhs,
            } => {
                let l = self.linear(lhs, coef, file);
                let sign = if *op == BinOp::Add { 1.0 } else { -1.0 };
                let r = self.linear(rhs, coef * sign, file);
                let (mut l, r) = (l?, r?);
                l.extend(r);
                Some(l)
            }
            ExprKind::Binary {
                op: BinOp::Mul,
                lhs,
                rhs,
            } => match (&lhs.kind, &rhs.kind) {
                (ExprKind::Number(n), _) => self.linear(rhs, coef * n.parse::<f64>().ok()?, file),
                (_, ExprKind::Number(n)) => self.linear(lhs, coef * n.parse::<f64>().ok()?, file),
                _ => {
                    self.push(Diagnostic::new(
                        Code::InvalidValue,
                        file,
                        e.span.clone(),
                        "a rule can multiply a code only by a number",
                    ));
                    None
                }
            },
            _ => {
                self.push(
                    Diagnostic::new(Code::InvalidValue, file, e.span.clone(), format!("a rule compares sums of codes; {} cannot appear here", e.describe()))
                        .help("write e.g. `assert AD/005 <= AD/001` or `assert WF/002a + WF/002b = WF/001`"),
                );
                None
            }
        }
    }
}

/// The resolved terms of a year-on-year rule.
#[derive(Clone, Debug)]
pub enum YearTerms {
    /// `change CODES`: the figure whose change from last year is checked.
    Change(Terms),
    /// `balance STOCK in IN out OUT`.
    Balance {
        stock: Terms,
        inflow: Terms,
        outflow: Terms,
    },
}

fn reaches(
    code: &str,
    target: &BTreeSet<&str>,
    parents: &BTreeMap<String, Vec<BTreeSet<String>>>,
    depth: usize,
) -> bool {
    if target.contains(code) {
        return true;
    }
    if depth > 16 {
        return false;
    }
    parents.get(code).is_some_and(|sets| {
        sets.iter().any(|s| {
            let as_str: BTreeSet<&str> = s.iter().map(|x| x.as_str()).collect();
            as_str == *target
                || (s.len() == 1 && s.iter().all(|x| reaches(x, target, parents, depth + 1)))
        })
    })
}

fn describe(t: &Ty, c: &Checker<'_>) -> Option<String> {
    match t {
        Ty::Data { unit, over, .. } => Some(match over {
            Some(_) => format!("sums {}", c.unit_phrase(*unit, *over)),
            None => format!("counts {}", c.unit_phrase(*unit, None)),
        }),
        _ => None,
    }
}

fn cohort_label(d: &crate::model::Declarations, c: usize) -> String {
    d.cohorts[c]
        .label
        .as_ref()
        .map_or(d.cohorts[c].id.clone(), |t| t.en.value.to_lowercase())
}

fn fmt_num(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}
