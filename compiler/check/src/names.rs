//! Name tables: every declared name, by kind, and resolution of references with "did you
//! mean" suggestions. Every definition and every resolved use is recorded in `Symbols`, which
//! the language server uses for go-to-definition, references and rename.

use super::Checker;
use crate::diag::{Code, Diagnostic};
use crate::model::{closest_name, Loc, Ref};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Edition,
    Instrument,
    Cohort,
    Unit,
    Definition,
    Source,
    Population,
    Codelist,
    Entry,
    Missing,
    /// A quality standard of the code of practice.
    Standard,
    Part,
    Group,
    Doc,
    /// Metric and item codes share one namespace.
    Code,
    Indicator,
    Rule,
    Erratum,
    /// A working-day calendar.
    Calendar,
    /// A kind of case record.
    Record,
    /// A field of a kind of case record (its parent is the record).
    Field,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Edition => "an edition",
            Kind::Instrument => "an instrument",
            Kind::Cohort => "a cohort",
            Kind::Unit => "a unit",
            Kind::Definition => "a definition",
            Kind::Source => "a data source",
            Kind::Population => "a population",
            Kind::Codelist => "a codelist",
            Kind::Entry => "a codelist entry",
            Kind::Missing => "a missing-value status",
            Kind::Standard => "a quality standard",
            Kind::Part => "a part",
            Kind::Group => "a group",
            Kind::Doc => "a document section",
            Kind::Code => "a metric",
            Kind::Indicator => "an indicator",
            Kind::Rule => "a rule",
            Kind::Erratum => "an erratum",
            Kind::Calendar => "a calendar",
            Kind::Record => "a record",
            Kind::Field => "a record field",
        }
    }

    /// Kinds whose names share a namespace for the purpose of "wrong kind" messages.
    const NAMED: &'static [Kind] = &[
        Kind::Instrument,
        Kind::Cohort,
        Kind::Unit,
        Kind::Definition,
        Kind::Source,
        Kind::Population,
        Kind::Codelist,
        Kind::Missing,
        Kind::Standard,
        Kind::Part,
        Kind::Group,
        Kind::Doc,
        Kind::Calendar,
        Kind::Record,
    ];
}

/// A declaration's name and where it is.
#[derive(Clone, Debug)]
pub struct Def {
    pub kind: Kind,
    pub name: String,
    /// The name in the declaration.
    pub name_loc: Loc,
    /// The whole declaration.
    pub loc: Loc,
    /// For entries: the codelist. For item codes: the metric code.
    pub parent: Option<String>,
}

/// A resolved use of a name.
#[derive(Clone, Debug)]
pub struct Use {
    pub kind: Kind,
    pub name: String,
    pub loc: Loc,
    /// For entries: the codelist they belong to.
    pub parent: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Symbols {
    pub defs: Vec<Def>,
    pub uses: Vec<Use>,
}

impl Symbols {
    pub fn def(&self, kind: Kind, name: &str, parent: Option<&str>) -> Option<&Def> {
        self.defs.iter().find(|d| {
            d.kind == kind && d.name == name && (parent.is_none() || d.parent.as_deref() == parent)
        })
    }
}

/// name → index into the declarations of that kind.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub by_kind: BTreeMap<Kind, BTreeMap<String, usize>>,
}

impl Tables {
    pub fn get(&self, kind: Kind, name: &str) -> Option<usize> {
        self.by_kind.get(&kind).and_then(|t| t.get(name)).copied()
    }

    pub fn names(&self, kind: Kind) -> Vec<&str> {
        self.by_kind
            .get(&kind)
            .map(|t| t.keys().map(|s| s.as_str()).collect())
            .unwrap_or_default()
    }
}

impl Checker<'_> {
    /// Declares a name; a second declaration of the same name and kind is an error that points
    /// at the first.
    pub(super) fn declare(
        &mut self,
        kind: Kind,
        name: &str,
        name_loc: &Loc,
        loc: &Loc,
        index: usize,
    ) {
        let table = self.tables.by_kind.entry(kind).or_default();
        if let Some(&first) = table.get(name) {
            let first_loc = self
                .symbols
                .defs
                .iter()
                .find(|d| d.kind == kind && d.name == name)
                .map(|d| d.name_loc.clone());
            let mut d = Diagnostic::new(
                Code::DuplicateDefinition,
                name_loc.file,
                name_loc.span.clone(),
                match kind {
                    Kind::Code | Kind::Indicator => {
                        format!("{} {name} is declared twice", noun_only(kind))
                    }
                    _ => format!("{} `{name}` is declared twice", noun_only(kind)),
                },
            )
            .label("declared again here")
            .help("give it another name or code, or remove one of the two");
            if let Some(fl) = first_loc {
                d = d.secondary(fl.file, fl.span, "first declared here");
            }
            let _ = first;
            self.diags.push(d);
            return;
        }
        table.insert(name.to_string(), index);
        self.symbols.defs.push(Def {
            kind,
            name: name.to_string(),
            name_loc: name_loc.clone(),
            loc: loc.clone(),
            parent: None,
        });
    }

    /// Resolves a reference to a declaration of `kind`, reporting unknown names (with a
    /// suggestion) and names of another kind.
    pub(super) fn resolve(&mut self, r: &Ref, kind: Kind) -> Option<usize> {
        if let Some(i) = self.tables.get(kind, &r.name) {
            self.record_use(kind, &r.name, &r.loc, None);
            return Some(i);
        }
        self.unknown(r, kind);
        None
    }

    pub(super) fn unknown(&mut self, r: &Ref, kind: Kind) {
        if self.decls.broken.contains(&r.name) {
            // That item did not parse; its syntax error is reported already.
            return;
        }
        let other = Kind::NAMED
            .iter()
            .copied()
            .find(|k| *k != kind && self.tables.get(*k, &r.name).is_some());
        if let Some(other) = other {
            let d = Diagnostic::new(
                Code::WrongKind,
                r.loc.file,
                r.loc.span.clone(),
                format!("`{}` is {}, not {}", r.name, other.noun(), kind.noun()),
            )
            .label(format!("expected {}", kind.noun()));
            let d = match self.symbols.def(other, &r.name, None) {
                Some(def) => d.secondary(
                    def.name_loc.file,
                    def.name_loc.span.clone(),
                    format!("{} declared here", other.noun()),
                ),
                None => d,
            };
            self.diags.push(d);
            return;
        }
        let code = if kind == Kind::Instrument {
            Code::UndeclaredInstrument
        } else {
            Code::UnknownReference
        };
        let names = self.tables.names(kind);
        let suggestion = closest_name(&r.name, &names).map(str::to_string);
        let mut d = Diagnostic::new(
            code,
            r.loc.file,
            r.loc.span.clone(),
            format!("there is no {} `{}`", noun_only(kind), r.name),
        )
        .label(format!("unknown {}", noun_only(kind)));
        let lookalike = crate::syntax::lookalike::note(&r.name);
        d = match (&suggestion, kind) {
            _ if lookalike.is_some() => d.help(lookalike.unwrap_or_default()),
            (Some(s), _) => d.help(format!("did you mean `{s}`?")),
            (None, Kind::Instrument) => d.help(format!(
                "declare it: `instrument {} \"Full title\" {{ kind act }}`",
                r.name
            )),
            (None, _) if names.is_empty() => {
                d.help(format!("declare {} named `{}`", kind.noun(), r.name))
            }
            (None, _) => d.note(format!("{} declared: {}", plural(kind), preview(&names))),
        };
        if let Some(s) = suggestion {
            if let Some(def) = self.symbols.def(kind, &s, None) {
                d = d.secondary(
                    def.name_loc.file,
                    def.name_loc.span.clone(),
                    format!("`{s}` is declared here"),
                );
            }
        }
        self.diags.push(d);
    }
}

fn noun_only(kind: Kind) -> &'static str {
    let n = kind.noun();
    n.split_once(' ').map_or(n, |(_, rest)| rest)
}

fn plural(kind: Kind) -> String {
    let n = noun_only(kind);
    let p = if n.ends_with('y') && !n.ends_with("ey") {
        format!("{}ies", &n[..n.len() - 1])
    } else {
        format!("{n}s")
    };
    capitalise(&p)
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn preview(names: &[&str]) -> String {
    if names.len() <= 12 {
        names.join(", ")
    } else {
        format!("{}, ... ({} in all)", names[..12].join(", "), names.len())
    }
}
