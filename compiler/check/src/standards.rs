//! Quality standards and report definitions: the standards a metric or indicator reports under
//! nationally (`standard qs1` on it), a note for each measure under none when the edition maps
//! any, and local report definitions (`report`): their authority, their sections' standards,
//! the national measures they pick and the local measures they define.

use super::names::Kind;
use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::model::{closest_name, Loc, Ref, ReportMeasure};
use std::collections::BTreeMap;

impl Checker<'_> {
    pub(super) fn check_standards(&mut self) {
        let d = self.decls;
        for s in &d.standards {
            for c in &s.citations {
                self.resolve(&c.instrument, Kind::Instrument);
            }
        }
        // The standards given on each metric and indicator: resolved, each once.
        let mut mapped_any = false;
        let measures: Vec<(&str, &Loc, &[Ref])> = d
            .metrics
            .iter()
            .map(|m| (m.code.as_str(), &m.code_loc, m.standards.as_slice()))
            .chain(
                d.indicators
                    .iter()
                    .map(|x| (x.code.as_str(), &x.code_loc, x.standards.as_slice())),
            )
            .collect();
        for (code, _, refs) in &measures {
            mapped_any |= !refs.is_empty();
            let mut seen: BTreeMap<&str, &Loc> = BTreeMap::new();
            for r in refs.iter() {
                if let Some(first) = seen.get(r.name.as_str()) {
                    let d = Diagnostic::new(
                        Code::DuplicateDefinition,
                        r.loc.file,
                        r.loc.span.clone(),
                        format!("{code} is put under quality standard `{}` twice", r.name),
                    )
                    .label("given again here")
                    .secondary(first.file, first.span.clone(), "first given here")
                    .help("remove one of the two lines");
                    self.push(d);
                    continue;
                }
                seen.insert(r.name.as_str(), &r.loc);
                self.resolve(r, Kind::Standard);
            }
        }
        // Only an edition that maps measures to standards at all is expected to map each.
        if !mapped_any {
            return;
        }
        for (code, loc, refs) in measures {
            if refs.is_empty() {
                let span = self.head(loc);
                let d = Diagnostic::new(
                    Code::UnmappedMeasure,
                    loc.file,
                    span,
                    format!("{code} reports under no quality standard"),
                )
                .label("under no standard")
                .note("other metrics and indicators of the edition say which quality standards they report under, so a director's report would show this one under none")
                .help("add `standard ID` for each standard it reports under");
                self.push(d);
            }
        }
    }

    pub(super) fn check_reports(&mut self) {
        let d = self.decls;
        let mut ids: BTreeMap<&str, &Loc> = BTreeMap::new();
        for r in &d.reports {
            if let Some(first) = ids.get(r.id.as_str()) {
                let diag = Diagnostic::new(
                    Code::DuplicateDefinition,
                    r.id_loc.file,
                    r.id_loc.span.clone(),
                    format!("report definition `{}` is declared twice", r.id),
                )
                .label("declared again here")
                .secondary(first.file, first.span.clone(), "first declared here")
                .help("give it another name, or remove one of the two");
                self.push(diag);
            } else {
                ids.insert(r.id.as_str(), &r.id_loc);
            }
            if let Some((a, loc)) = &r.authority {
                if crate::ir::authorities::parse(a).is_none() {
                    let diag = Diagnostic::new(
                        Code::InvalidValue,
                        loc.file,
                        loc.span.clone(),
                        format!("`{a}` is not a Welsh local authority"),
                    )
                    .label("unknown authority")
                    .help("give the authority's ONS code, e.g. `authority W06000015`, or its name");
                    self.push(diag);
                }
            }
            let mut sections: BTreeMap<&str, &Loc> = BTreeMap::new();
            // Each measure once in a report, national or local.
            let mut listed: BTreeMap<String, Loc> = BTreeMap::new();
            for s in &r.sections {
                match sections.get(s.standard.name.as_str()) {
                    Some(first) => {
                        let diag = Diagnostic::new(
                            Code::RepeatedInReport,
                            s.standard.loc.file,
                            s.standard.loc.span.clone(),
                            format!(
                                "report `{}` has two sections for quality standard `{}`",
                                r.id, s.standard.name
                            ),
                        )
                        .label("again here")
                        .secondary(first.file, first.span.clone(), "first here")
                        .help("put the measures of both under one `standard` block");
                        self.push(diag);
                    }
                    None => {
                        sections.insert(s.standard.name.as_str(), &s.standard.loc);
                        self.resolve(&s.standard, Kind::Standard);
                    }
                }
                for m in &s.measures {
                    let (code, loc) = match m {
                        ReportMeasure::National(c) => {
                            self.report_measure(c);
                            (c.name.clone(), c.loc.clone())
                        }
                        ReportMeasure::Local(l) => {
                            self.local_code(l.code.as_str(), &l.code_loc);
                            (l.code.clone(), l.code_loc.clone())
                        }
                    };
                    if let Some(first) = listed.get(&code) {
                        let diag = Diagnostic::new(
                            Code::RepeatedInReport,
                            loc.file,
                            loc.span.clone(),
                            format!("report `{}` shows {code} twice", r.id),
                        )
                        .label("again here")
                        .secondary(first.file, first.span.clone(), "first here")
                        .help("a measure is shown once, under one standard: remove one of the two");
                        self.push(diag);
                    } else {
                        listed.insert(code, loc);
                    }
                }
            }
        }
    }

    /// A national measure of a report: a metric, item or indicator of the edition.
    fn report_measure(&mut self, r: &Ref) {
        if self.codes.contains_key(&r.name) {
            self.record_use(Kind::Code, &r.name, &r.loc, None);
            return;
        }
        if self.tables.get(Kind::Indicator, &r.name).is_some() {
            self.resolve(r, Kind::Indicator);
            return;
        }
        if self.decls.broken.contains(&r.name) {
            return;
        }
        let mut names: Vec<&str> = self.codes.keys().map(String::as_str).collect();
        names.extend(self.tables.names(Kind::Indicator));
        let suggestion = closest_name(&r.name, &names).map(str::to_string);
        let mut d = Diagnostic::new(
            Code::UnknownReference,
            r.loc.file,
            r.loc.span.clone(),
            format!("there is no metric, item or indicator {}", r.name),
        )
        .label("unknown code");
        d = match suggestion {
            Some(s) => d.help(format!("did you mean {s}?")),
            None => d.help(
                "a measure without a national code is written `local CODE \"Wording\" { definition \"...\" unit \"...\" }`",
            ),
        };
        self.push(d);
    }

    /// A local measure's code may not be a national one.
    fn local_code(&mut self, code: &str, loc: &Loc) {
        let national =
            self.codes.contains_key(code) || self.tables.get(Kind::Indicator, code).is_some();
        if national {
            let d = Diagnostic::new(
                Code::DuplicateDefinition,
                loc.file,
                loc.span.clone(),
                format!("local measure {code} has the code of a national measure"),
            )
            .label("a national code")
            .help(format!(
                "show the national measure with `measure {code}`, or give the local one a code of its own"
            ));
            self.push(d);
        }
    }
}
