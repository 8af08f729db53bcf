//! Deterministic submissions for the validation tests: values that satisfy every rule of a spec
//! (found by raising values until no comparison fails), and faults injected into chosen rules.

use pmf::authorities::AUTHORITIES;
use pmf::ir::{Ir, Op};
use pmf::model::ValueType;
use pmf::validate::values;
use std::collections::BTreeMap;

/// splitmix64: small, deterministic, good enough to pick faults.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// One row of a tidy submission.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub code: String,
    pub value: String,
    pub status: String,
    pub comment: String,
}

#[derive(Clone, Debug)]
pub struct Return {
    pub authority: String,
    pub period: String,
    pub rows: Vec<Row>,
    /// What was injected, for messages.
    pub faults: Vec<String>,
    /// Whether it holds faults only the tidy backends can see (duplicates, unknown codes).
    pub tidy_only: bool,
}

fn whole(ir: &Ir, code: &str) -> bool {
    ir.data_item(code)
        .is_some_and(|d| d.value_type == ValueType::Whole)
}

/// Values for every data item that satisfy every comparison rule.
pub fn consistent(ir: &Ir, rng: &mut Rng) -> BTreeMap<String, f64> {
    let mut v: BTreeMap<String, f64> = BTreeMap::new();
    for d in &ir.data_items {
        let x = match d.value_type {
            ValueType::Whole => rng.below(40) as f64,
            ValueType::Decimal => rng.below(4000) as f64 / 100.0,
        };
        v.insert(d.code.clone(), x);
    }
    // One year's return: the year-on-year rules read last year's too, and are not made to
    // hold here.
    let rules: Vec<_> = ir
        .rules
        .iter()
        .filter(|r| !matches!(r.kind.as_str(), "value" | "required"))
        .filter(|r| !r.kind.is_year_on_year())
        .map(|r| (r, values::expanded_sides(ir, r)))
        .collect();
    for _round in 0..500 {
        let mut changed = false;
        for (r, (l, rr)) in &rules {
            let sum = |ts: &[pmf::ir::Term], v: &BTreeMap<String, f64>| -> f64 {
                ts.iter()
                    .map(|t| t.coef * v.get(&t.code).copied().unwrap_or(0.0))
                    .fold(0.0, |a, b| a + b)
            };
            let (lv, rv) = (sum(l, &v), sum(rr, &v));
            if r.op.holds(lv, rv, r.tolerance) {
                continue;
            }
            // Raise one term of the side that is short.
            let (side, gap) = match r.op {
                Op::Le | Op::Lt => (rr, lv - rv + if r.op == Op::Lt { 1.0 } else { 0.0 }),
                Op::Ge | Op::Gt => (l, rv - lv + if r.op == Op::Gt { 1.0 } else { 0.0 }),
                Op::Eq if lv < rv => (l, rv - lv),
                Op::Eq => (rr, lv - rv),
                Op::Ne => (l, 1.0),
            };
            let Some(t) = side.iter().rev().find(|t| t.coef > 0.0) else {
                continue;
            };
            let mut d = gap / t.coef;
            if whole(ir, &t.code) {
                d = d.ceil();
            } else {
                d = (d * 100.0).ceil() / 100.0;
            }
            if let Some(x) = v.get_mut(&t.code) {
                *x += d;
                // Two-decimal figures stay two-decimal.
                *x = (*x * 100.0).round() / 100.0;
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
    v
}

fn figure(ir: &Ir, code: &str, v: f64) -> String {
    if whole(ir, code) {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

/// A clean return: every value given, a few explained as missing instead.
pub fn clean(ir: &Ir, rng: &mut Rng, authority: &str, period: &str) -> Return {
    let v = consistent(ir, rng);
    let rows = ir
        .data_items
        .iter()
        .map(|d| Row {
            code: d.code.clone(),
            value: figure(ir, &d.code, v[&d.code]),
            status: String::new(),
            comment: String::new(),
        })
        .chain(ir.populations.iter().map(|p| Row {
            code: p.id.clone(),
            value: format!("{}", 10_000 + rng.below(200_000)),
            status: String::new(),
            comment: String::new(),
        }))
        .collect();
    Return {
        authority: authority.into(),
        period: period.into(),
        rows,
        faults: Vec::new(),
        tidy_only: false,
    }
}

/// Injects `n` faults into random rules; `tidy` allows faults of the tidy form only.
pub fn inject(ir: &Ir, rng: &mut Rng, ret: &mut Return, n: usize, tidy: bool) {
    let statuses: Vec<String> = ir
        .missing_statuses
        .iter()
        .flat_map(|s| {
            [
                s.id.clone(),
                s.label.en.clone(),
                format!(" {} ", s.label.en.to_uppercase()),
            ]
        })
        .collect();
    // Faults one return shows: not the year-on-year rules, which need last year's return.
    let one_year: Vec<&pmf::ir::Rule> = ir
        .rules
        .iter()
        .filter(|r| !r.kind.is_year_on_year())
        .collect();
    let comparisons: Vec<&pmf::ir::Rule> = one_year
        .iter()
        .copied()
        .filter(|r| !matches!(r.kind.as_str(), "value" | "required"))
        .collect();
    for _ in 0..n {
        // Half the faults break a comparison: value faults are common, and they make the
        // comparisons that read them unchecked.
        let r = if rng.below(2) == 0 && !comparisons.is_empty() {
            *rng.pick(&comparisons)
        } else {
            *rng.pick(&one_year)
        };
        let row_of = |ret: &Return, code: &str| ret.rows.iter().position(|x| x.code == code);
        match r.kind.as_str() {
            "value" => {
                let code = &r.lhs[0].code;
                let bad = if whole(ir, code) {
                    ["-5", "3.5", "n/a", "1e308", "1,000", "=1+2", " 12a"]
                } else {
                    ["-0.5", "-3", "n/a", "1e308", "12,5", "+4", "1.2.3"]
                };
                let b = rng.pick(&bad).to_string();
                if let Some(i) = row_of(ret, code) {
                    ret.rows[i].value = b.clone();
                }
                ret.faults.push(format!("{} := {b:?}", code));
            }
            "required" => {
                let code = &r.lhs[0].code;
                if let Some(i) = row_of(ret, code) {
                    ret.rows[i].value = String::new();
                    ret.rows[i].status = rng.pick(&["", "", "unknown reason"]).to_string();
                }
                ret.faults.push(format!("{code} blank"));
            }
            _ => {
                let (l, rr) = values::expanded_sides(ir, r);
                let side = match r.op {
                    Op::Le | Op::Lt | Op::Eq => &l,
                    Op::Ge | Op::Gt => &rr,
                    Op::Ne => &l,
                };
                let pos: Vec<_> = side.iter().filter(|t| t.coef > 0.0).collect();
                if pos.is_empty() {
                    continue;
                }
                let t = rng.pick(&pos);
                // Enough to break the rule, and a little more.
                let now = |code: &str| {
                    ret.rows
                        .iter()
                        .find(|x| x.code == code)
                        .and_then(|x| values::parse_figure(&x.value))
                        .unwrap_or(0.0)
                };
                let sum =
                    |ts: &[pmf::ir::Term]| ts.iter().map(|t| t.coef * now(&t.code)).sum::<f64>();
                let gap = match r.op {
                    Op::Le | Op::Lt | Op::Eq => sum(&rr) - sum(&l) + r.tolerance,
                    Op::Ge | Op::Gt => sum(&l) - sum(&rr) + r.tolerance,
                    Op::Ne => 0.0,
                };
                if r.op == Op::Ne {
                    // Equal sides break `!=`.
                    let target = now(&t.code) + (sum(&rr) - sum(&l)) / t.coef;
                    if let (Some(i), true) = (row_of(ret, &t.code), target >= 0.0) {
                        ret.rows[i].value = figure(ir, &t.code, target);
                        ret.faults
                            .push(format!("{} := {target} (for {})", t.code, r.id));
                    }
                    continue;
                }
                // Sometimes exactly on the boundary, which tells `<` from `<=`.
                let delta = (gap.max(0.0) / t.coef).ceil() as usize + rng.below(4);
                if let Some(i) = row_of(ret, &t.code) {
                    let old = values::parse_figure(&ret.rows[i].value).unwrap_or(0.0);
                    ret.rows[i].value = figure(ir, &t.code, old + delta as f64);
                }
                ret.faults
                    .push(format!("{} +{delta} (for {})", t.code, r.id));
            }
        }
    }
    // A value explained as missing: comparisons that read it are not checked.
    if rng.below(2) == 0 {
        let i = rng.below(ir.data_items.len());
        ret.rows[i].value = String::new();
        ret.rows[i].status = rng.pick(&statuses).clone();
        ret.faults
            .push(format!("{} missing with status", ret.rows[i].code));
    }
    if rng.below(3) == 0 {
        let i = rng.below(ir.data_items.len());
        ret.rows[i].comment = rng
            .pick(&[
                "=HYPERLINK(\"http://x\",\"y\")",
                "+44 29 2000 0000",
                "checked, \"quoted\"",
                "@SUM(A1)",
            ])
            .to_string();
        ret.rows[i].status = rng.pick(&["", "Not available"]).to_string();
    }
    if tidy {
        match rng.below(6) {
            0 => {
                let row = rng.pick(&ret.rows).clone();
                ret.rows.push(row);
                ret.faults.push("duplicate row".into());
                ret.tidy_only = true;
            }
            1 => {
                ret.rows.push(Row {
                    code: "AD/999".into(),
                    value: "3".into(),
                    status: String::new(),
                    comment: String::new(),
                });
                ret.faults.push("unknown code".into());
                ret.tidy_only = true;
            }
            _ => {}
        }
    }
}

/// Returns for `n` (authority, period) pairs, about half with faults.
pub fn returns(ir: &Ir, seed: u64, n: usize, tidy: bool) -> Vec<Return> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    while out.len() < n {
        let a = rng.pick(&AUTHORITIES).code;
        let year = 2020 + rng.below(10);
        let p = format!("{year}-{:02}", (year + 1) % 100);
        if !used.insert((a, p.clone())) {
            continue;
        }
        let mut r = clean(ir, &mut rng, a, &p);
        if out.len() % 2 == 1 {
            let k = 1 + rng.below(5);
            inject(ir, &mut rng, &mut r, k, tidy);
        }
        out.push(r);
    }
    out
}

/// A tidy CSV of returns, all eight columns of the template.
pub fn to_csv(rets: &[Return]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "authority",
        "period",
        "code",
        "value",
        "status",
        "comment",
        "wording",
        "unit",
    ]);
    for r in rets {
        for row in &r.rows {
            let _ = w.write_record([
                r.authority.as_str(),
                r.period.as_str(),
                &row.code,
                &row.value,
                &row.status,
                &row.comment,
                "",
                "",
            ]);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
