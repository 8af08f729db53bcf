//! Checks on the simple declarations: the edition header, instruments, cohorts, parts, groups,
//! populations, and codelists with their ranges.

use super::names::Kind;
use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::model::{Doc, Loc};
use crate::source::FileId;

impl Checker<'_> {
    pub(super) fn declare_all(&mut self) {
        let d = self.decls;
        for (i, x) in d.instruments.iter().enumerate() {
            self.declare(Kind::Instrument, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.cohorts.iter().enumerate() {
            self.declare(Kind::Cohort, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.units.iter().enumerate() {
            self.declare(Kind::Unit, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.definitions.iter().enumerate() {
            self.declare(Kind::Definition, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.sources.iter().enumerate() {
            self.declare(Kind::Source, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.populations.iter().enumerate() {
            self.declare(Kind::Population, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.codelists.iter().enumerate() {
            self.declare(Kind::Codelist, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.missing.iter().enumerate() {
            self.declare(Kind::Missing, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.standards.iter().enumerate() {
            self.declare(Kind::Standard, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.parts.iter().enumerate() {
            self.declare(Kind::Part, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.groups.iter().enumerate() {
            self.declare(Kind::Group, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.docs.iter().enumerate() {
            self.declare_doc(x, i);
        }
        for (i, x) in d.metrics.iter().enumerate() {
            self.declare(Kind::Code, &x.code, &x.code_loc, &x.loc, i);
        }
        for (i, x) in d.indicators.iter().enumerate() {
            self.declare(Kind::Indicator, &x.code, &x.code_loc, &x.loc, i);
        }
        for (i, x) in d.rules.iter().enumerate() {
            self.declare(Kind::Rule, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.errata.iter().enumerate() {
            self.declare(Kind::Erratum, &x.id, &x.id_loc, &x.loc, i);
        }
        for (i, x) in d.editions.iter().enumerate() {
            self.declare(Kind::Edition, &x.id, &x.id_loc, &x.loc, i);
        }
    }

    fn declare_doc(&mut self, doc: &Doc, index: usize) {
        self.declare(Kind::Doc, &doc.id, &doc.id_loc, &doc.loc, index);
        for s in &doc.sections {
            self.declare_doc(s, index);
        }
    }

    pub(super) fn check_edition(&mut self) {
        let eds = &self.decls.editions;
        if eds.is_empty() {
            let (file, span, msg) = match self.decls.extensions.first() {
                Some(x) => (
                    x.id_loc.file,
                    x.id_loc.span.clone(),
                    "this extension is checked without the national edition it extends",
                ),
                None => (FileId(0), 0..0, "this spec has no `edition` header"),
            };
            if self.sources.is_empty() {
                return;
            }
            let d = Diagnostic::new(Code::NoEdition, file, span, msg).help(if self.decls.extensions.is_empty() {
                "add a file with `edition \"id\" { title \"...\" }`, or check the edition's folder (e.g. spec/2019-consultation)"
            } else {
                "check it together with the edition: `pmf check spec/2019-consultation local/your-file.pmf`"
            });
            self.push(d);
        }
        let ids = eds
            .iter()
            .map(|e| (&e.id, &e.id_loc, "an edition id"))
            .chain(
                self.decls
                    .extensions
                    .iter()
                    .map(|x| (&x.id, &x.id_loc, "an extension id")),
            )
            .chain(eds.iter().filter_map(|e| {
                e.supersedes
                    .as_ref()
                    .map(|r| (&r.name, &r.loc, "the edition it supersedes"))
            }))
            .chain(self.decls.extensions.iter().filter_map(|x| {
                x.extends
                    .as_ref()
                    .map(|r| (&r.name, &r.loc, "the edition it extends"))
            }));
        let mut bad = Vec::new();
        for (id, loc, what) in ids {
            if !is_safe_id(id) {
                bad.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        loc.file,
                        loc.span.clone(),
                        format!(
                            "{what} must be letters, digits, `.`, `_` and `-` (at most 64, starting with a letter or digit): `{}` is not",
                            id.escape_default()
                        ),
                    )
                    .label("not a valid id")
                    .help("write an id such as `2020-21` or `cardiff-local`: it names files and appears in the generated SQL and Python"),
                );
            }
        }
        for d in bad {
            self.push(d);
        }
        for e in eds.iter().skip(1) {
            let first = &eds[0];
            let d = Diagnostic::new(
                Code::DuplicateEdition,
                e.id_loc.file,
                e.id_loc.span.clone(),
                "a spec has one edition header",
            )
            .label("second edition header")
            .secondary(
                first.id_loc.file,
                first.id_loc.span.clone(),
                "first edition header",
            )
            .help(
                "each edition lives in a folder of its own under spec/; check one folder at a time",
            );
            self.push(d);
        }
    }

    pub(super) fn check_simple_decls(&mut self) {
        let d = self.decls;
        for x in &d.instruments {
            if let Some(r) = &x.within {
                self.resolve(r, Kind::Instrument);
            }
        }
        for x in &d.populations {
            if let Some(r) = &x.cohort {
                self.resolve(r, Kind::Cohort);
            }
        }
        let mut own: Vec<Option<usize>> = Vec::new();
        let mut within: Vec<Option<usize>> = Vec::new();
        for p in &d.parts {
            own.push(
                p.cohort
                    .as_ref()
                    .and_then(|r| self.resolve(r, Kind::Cohort)),
            );
            within.push(p.within.as_ref().and_then(|r| self.resolve(r, Kind::Part)));
        }
        self.part_cohort = (0..d.parts.len())
            .map(|i| {
                // Follow `within` up to a part that states a cohort; a cycle stops after a few steps.
                let mut at = Some(i);
                for _ in 0..8 {
                    let p = at?;
                    if own[p].is_some() {
                        return own[p];
                    }
                    at = within[p];
                }
                None
            })
            .collect();
        for g in &d.groups {
            if let Some(r) = &g.part {
                self.resolve(r, Kind::Part);
            }
        }
        for u in &d.units {
            if u.kind == Some(crate::model::UnitKind::Entity)
                && u.value == Some(crate::model::ValueType::Decimal)
            {
                let d = Diagnostic::new(
                    Code::InvalidValue,
                    u.id_loc.file,
                    u.id_loc.span.clone(),
                    format!("`{}` counts things one by one, so its values are whole numbers", u.id),
                )
                .help("remove `value decimal`, or make it `kind measure` if it is a quantity that is summed");
                self.push(d);
            }
        }
    }

    pub(super) fn check_codelists(&mut self) {
        for (ci, list) in self.decls.codelists.iter().enumerate() {
            let mut seen: std::collections::BTreeMap<&str, &Loc> =
                std::collections::BTreeMap::new();
            for e in &list.entries {
                if let Some(first) = seen.get(e.id.as_str()) {
                    let d = Diagnostic::new(
                        Code::DuplicateDefinition,
                        e.id_loc.file,
                        e.id_loc.span.clone(),
                        format!("entry `{}` is declared twice in `{}`", e.id, list.id),
                    )
                    .label("declared again")
                    .secondary(
                        first.file,
                        first.span.clone(),
                        "first declared here",
                    );
                    self.push(d);
                } else {
                    seen.insert(&e.id, &e.id_loc);
                    self.symbols.defs.push(super::Def {
                        kind: Kind::Entry,
                        name: e.id.clone(),
                        name_loc: e.id_loc.clone(),
                        loc: e.loc.clone(),
                        parent: Some(list.id.clone()),
                    });
                }
            }
            self.check_ranges(ci);
        }
    }

    /// Ranges in a list must not be inverted, overlap, or leave gaps.
    fn check_ranges(&mut self, ci: usize) {
        let list = &self.decls.codelists[ci];
        let mut ranged: Vec<(u64, Option<u64>, &Loc, &str)> = Vec::new();
        for e in list.entries.iter().filter(|e| e.reserved.is_none()) {
            let Some((lo, hi, loc)) = &e.range else {
                continue;
            };
            if let Some(hi) = hi {
                if hi < lo {
                    let d = Diagnostic::new(
                        Code::InvertedRange,
                        loc.file,
                        loc.span.clone(),
                        format!("the range of `{}` runs from {lo} down to {hi}", e.id),
                    )
                    .label("lower bound above upper bound")
                    .help(format!("write `{hi}..{lo}` if the bounds are swapped; if the source prints it this way, mark the entry `reserved` and record an erratum"));
                    self.diags.push(d);
                    continue;
                }
            }
            ranged.push((*lo, *hi, loc, &e.id));
        }
        ranged.sort_by_key(|r| (r.0, r.1.unwrap_or(u64::MAX)));
        let mut diags = Vec::new();
        for w in ranged.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let a_hi = a.1.unwrap_or(u64::MAX);
            if b.0 <= a_hi {
                diags.push(
                    Diagnostic::new(
                        Code::OverlappingRanges,
                        b.2.file,
                        b.2.span.clone(),
                        format!(
                            "the ranges of `{}` and `{}` in `{}` overlap",
                            a.3, b.3, list.id
                        ),
                    )
                    .label(format!("starts at {}", b.0))
                    .secondary(
                        a.2.file,
                        a.2.span.clone(),
                        format!("already covered here, up to {}", fmt_hi(a.1)),
                    )
                    .help("a value must fall in one band only; adjust the bounds"),
                );
            } else if b.0 > a_hi + 1 {
                diags.push(
                    Diagnostic::new(
                        Code::RangeGap,
                        b.2.file,
                        b.2.span.clone(),
                        format!("`{}` leaves a gap: nothing covers {} to {}", list.id, a_hi + 1, b.0 - 1),
                    )
                    .label(format!("starts at {}", b.0))
                    .secondary(a.2.file, a.2.span.clone(), format!("the band before ends at {a_hi}"))
                    .help("extend a band to cover the gap; if the gap is intended, allow it for the file with `allow PMF0205 \"reason\"` at the top level"),
                );
            }
        }
        self.diags.extend(diags);
    }
}

fn fmt_hi(hi: Option<u64>) -> String {
    hi.map_or_else(|| "no upper bound".to_string(), |h| h.to_string())
}

/// Whether an edition or extension id is made of the safe alphabet: it names folders and files
/// and is written into generated code, so it may hold nothing that any of them would read as
/// more than a name.
pub fn is_safe_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}
