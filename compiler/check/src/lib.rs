//! pmf-check: lowering (`model`), then resolution of every reference across the files of a spec, then the checks on
//! structure, units, formulas and texts, then the IR. Reports every problem rather than
//! stopping at the first; one family of checks per file:
//!
//! - `names`: name tables, resolution, "did you mean", the symbol index for the editor;
//! - `decls`: the simple declarations (edition, parts, groups, codelists and their ranges);
//! - `metrics`: metrics, breakdown expansion and letters, relations, units, cycles;
//! - `formula`: indicator formulas, their units, worked examples; explicit rules;
//! - `texts`: code mentions in texts, missing Welsh, motivating sentences, timescale citations;
//! - `defects`: the source's own slips (a metric read with itself, damaged codes, a list entry
//!   left out where the others take the list whole);
//! - `editions`: provenance, reuse and continuity against the previous edition;
//! - `standards`: quality standards, the standards metrics and indicators report under, and
//!   local report definitions;
//! - `allow`: warnings allowed with a reason;
//! - `build`: the IR.

pub mod catalogue;
pub mod model;

mod allow;
mod build;
mod decls;
mod defects;
mod editions;
mod formula;
mod metrics;
pub mod names;
pub mod records;
mod standards;
pub mod terms;
mod texts;

pub use names::{Def, Kind, Symbols, Use};

// The layers below, under the names the checker's modules use.
use pmf_ir as ir;
use pmf_syntax as syntax;
use pmf_syntax::{diag, source};

use crate::diag::Diagnostic;
use crate::ir::Ir;
use crate::model::{BreakdownKind, Declarations, Loc, Text, Timing, ValueType};
use crate::source::Sources;
use crate::syntax::SourceFile;
use names::Tables;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the caller wants checked beyond the defaults.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// Report every text that has no Welsh version (PMF0402), as well as what `welsh_states`
    /// reports.
    pub require_welsh: bool,
    /// Report Welsh made for other English than its text has now (PMF0410) and Welsh not yet
    /// reviewed (PMF0411), without listing the texts with no Welsh: what an editor shows while
    /// the spec is written.
    pub welsh_states: bool,
    /// The checked edition this one supersedes: `was` provenance is resolved in it, codes
    /// are compared with it, and the IR records what changed since it.
    pub previous: Option<&'a Ir>,
    /// Check only, without building the IR (what `pmf check` needs, and faster). Edition
    /// checks against `previous` still run.
    pub skip_ir: bool,
    /// For callers that want the diagnostics and the declarations, not what an editor
    /// needs: each file's syntax tree is let go once the file is lowered, before the next
    /// file is parsed (the checks read only the declarations, and the next file's tree and
    /// the checks' tables reuse the memory), and the uses of names (`Symbols::uses`, for
    /// references and rename) are not recorded. A check then touches a third less fresh
    /// memory, and most of a small check's time is the kernel handing out fresh pages.
    /// [`Compilation::files`] holds empty trees and `symbols.uses` is empty (the
    /// definitions are kept: the checks' own messages point at them).
    pub lean: bool,
}

/// Everything known about one compilation.
#[derive(Debug)]
pub struct Compilation {
    /// The syntax tree of each file, shared so that the language server can keep the trees of
    /// the files an edit did not touch from one compilation to the next. Empty trees (no
    /// items) when compiled with [`Options::lean`].
    pub files: Vec<Arc<SourceFile>>,
    pub decls: Declarations,
    pub diagnostics: Vec<Diagnostic>,
    pub symbols: Symbols,
    /// The IR; present when the spec has an edition header (it is complete only when there is
    /// no error).
    pub ir: Option<Ir>,
    /// What the checks worked out: with the declarations, all the IR is built from.
    pub resolved: Resolved,
}

/// What the checks work out about a spec (names resolved, breakdowns expanded, relations and
/// formulas typed), kept with its compilation so that the IR is a function of the declarations
/// and this, built without running the checks again.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    tables: Tables,
    codes: BTreeMap<String, Target>,
    metrics: Vec<MetricInfo>,
    formulas: Vec<Option<formula::Typed>>,
    rule_terms: Vec<Option<(LinearTerms, crate::ir::Op, LinearTerms)>>,
    rule_years: Vec<Option<formula::YearTerms>>,
    part_cohort: Vec<Option<usize>>,
    records: records::RecordsResolved,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.is_error())
    }
}

/// Parses, lowers and checks every file of a spec.
pub fn compile(sources: &Sources) -> Compilation {
    compile_with(sources, Options::default())
}

pub fn compile_with(sources: &Sources, options: Options<'_>) -> Compilation {
    let lower_one = |(file, d): (SourceFile, Vec<diag::Diagnostic>)| {
        let id = file.file;
        let mut l = lower(Arc::new(file), d);
        if options.lean {
            l.file = Arc::new(SourceFile {
                file: id,
                items: Vec::new(),
                broken: Vec::new(),
            });
        }
        l
    };
    let lowered: Vec<Lowered> = if parse_threads(sources) == 1 {
        // Each file lowered as soon as it is parsed (with `lean`, before the next is).
        sources
            .ids()
            .map(|id| lower_one(syntax::parse(id, &sources.get(id).text)))
            .collect()
    } else {
        parse_all(sources).into_iter().map(lower_one).collect()
    };
    compile_lowered(sources, lowered, options)
}

/// Specs at least this large are parsed on several threads. The shipped framework (345 KB) is
/// not: a second thread's start and its own fresh memory cost more than the 2 ms of parsing it
/// would share (`pmf check spec/` took a fifth more CPU with two threads, BENCHMARKS.md "The
/// compiler core"), while a spec ten times its size gains from them.
const PARALLEL_SPEC_BYTES: usize = 1024 * 1024;

/// How many threads parse the spec: one for a spec under [`PARALLEL_SPEC_BYTES`] or of one
/// file, else one a core (at most 8).
fn parse_threads(sources: &Sources) -> usize {
    let total: usize = sources.ids().map(|id| sources.get(id).text.len()).sum();
    if total >= PARALLEL_SPEC_BYTES && sources.ids().nth(1).is_some() {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    } else {
        1
    }
}

/// Parses every file; a large spec is parsed on several threads (files parse independently),
/// and the results are kept in file order.
fn parse_all(sources: &Sources) -> Vec<(SourceFile, Vec<diag::Diagnostic>)> {
    let ids: Vec<crate::source::FileId> = sources.ids().collect();
    let threads = parse_threads(sources);
    if threads == 1 {
        return ids
            .iter()
            .map(|id| syntax::parse(*id, &sources.get(*id).text))
            .collect();
    }
    // Largest files first, each to the least loaded thread, so that the threads finish together.
    let mut order = ids.clone();
    order.sort_by_key(|id| std::cmp::Reverse(sources.get(*id).text.len()));
    let mut buckets: Vec<(usize, Vec<crate::source::FileId>)> = vec![(0, Vec::new()); threads];
    for id in order {
        if let Some(b) = buckets.iter_mut().min_by_key(|b| b.0) {
            b.0 += sources.get(id).text.len();
            b.1.push(id);
        }
    }
    let parse = |id: &crate::source::FileId| (*id, syntax::parse(*id, &sources.get(*id).text));
    let mut out: Vec<(crate::source::FileId, (SourceFile, Vec<diag::Diagnostic>))> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = buckets
                .iter()
                .map(|(_, part)| scope.spawn(move || part.iter().map(parse).collect::<Vec<_>>()))
                .collect();
            let mut out = Vec::with_capacity(ids.len());
            for (h, (_, part)) in handles.into_iter().zip(&buckets) {
                match h.join() {
                    Ok(v) => out.extend(v),
                    // A panic in a worker is a bug: parse that part here so it surfaces here.
                    Err(_) => out.extend(part.iter().map(parse)),
                }
            }
            out
        });
    // Back in file order: the output must not depend on the threads.
    out.sort_by_key(|(id, _)| *id);
    out.into_iter().map(|(_, p)| p).collect()
}

/// `compile_with` on files already parsed: one `syntax::parse` result per file of `sources`,
/// in order.
pub fn compile_parsed(
    sources: &Sources,
    parsed: Vec<(SourceFile, Vec<diag::Diagnostic>)>,
    options: Options<'_>,
) -> Compilation {
    let lowered = parsed
        .into_iter()
        .map(|(file, d)| lower(Arc::new(file), d))
        .collect();
    compile_lowered(sources, lowered, options)
}

/// One file parsed and lowered: what `compile_lowered` takes for each file. The language
/// server keeps one per file and redoes it only for the file an edit changed.
#[derive(Clone, Debug)]
pub struct Lowered {
    pub file: Arc<SourceFile>,
    pub decls: Declarations,
    /// The file's syntax diagnostics, then those of lowering it.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers one parsed file (`syntax::parse`'s tree and diagnostics).
pub fn lower(file: Arc<SourceFile>, mut diagnostics: Vec<Diagnostic>) -> Lowered {
    let decls = model::lower_file(&file, &mut diagnostics);
    Lowered {
        file,
        decls,
        diagnostics,
    }
}

/// `compile_with` on files already parsed and lowered: one `Lowered` per file of `sources`,
/// in order. Parsing and lowering are about half of a compilation of a large spec; the
/// language server redoes them only for the file that changed.
pub fn compile_lowered(
    sources: &Sources,
    lowered: Vec<Lowered>,
    options: Options<'_>,
) -> Compilation {
    let mut diagnostics = Vec::new();
    let mut files = Vec::with_capacity(lowered.len());
    let mut parts = Vec::with_capacity(lowered.len());
    for l in lowered {
        let Lowered {
            file,
            decls,
            diagnostics: mut ds,
        } = l;
        diagnostics.append(&mut ds);
        parts.push(decls);
        files.push(file);
    }
    compile_merged(
        sources,
        files,
        Declarations::merge(parts),
        diagnostics,
        options,
    )
}

/// `compile_lowered` with the files' declarations already merged in file order
/// (`Declarations::merge`) and their diagnostics (each file's `Lowered::diagnostics`, in file
/// order) in one list: the language server keeps the merged declarations of the previous
/// compilation and replaces in them only the part of the file that changed
/// (`Declarations::replace_part`).
pub fn compile_merged(
    sources: &Sources,
    files: Vec<Arc<SourceFile>>,
    decls: Declarations,
    mut diagnostics: Vec<Diagnostic>,
    options: Options<'_>,
) -> Compilation {
    let mut checker = Checker::new(&decls, sources, options);
    checker.run();
    let (mut diags, symbols, ir, resolved) = checker.finish();
    diagnostics.append(&mut diags);
    allow::apply(&decls, sources, &mut diagnostics);
    diag::sort(&mut diagnostics);
    let ir = ir.map(|mut ir| {
        ir.allowed_warnings = allow::allowed_list(&diagnostics, sources);
        // A meaning change accepted with `allow` shows its reason among the changes.
        crate::ir::diff::attach_allowed(&mut ir.changes, &ir.allowed_warnings);
        ir
    });
    Compilation {
        files,
        decls,
        diagnostics,
        symbols,
        ir,
        resolved,
    }
}

/// The IR of a compilation made with `Options::skip_ir` (its `ir` is `None`), built later from
/// its declarations and what its checks worked out (`Compilation::resolved`); the checks do not
/// run again. The same IR as `compile_with` without `skip_ir` gives, for the same `options`.
/// The language server publishes diagnostics from a compilation without IR and builds the IR
/// only when a request needs it.
pub fn build_ir(sources: &Sources, comp: &Compilation, options: Options<'_>) -> Option<Ir> {
    if let Some(ir) = &comp.ir {
        return Some(ir.clone());
    }
    if comp.decls.editions.is_empty() {
        return None;
    }
    let checker = Checker::with_resolved(&comp.decls, sources, options, comp.resolved.clone());
    let mut ir = checker.build_ir();
    // A compilation checked with a previous edition always has its IR, so there is nothing
    // about editions left to add here.
    ir.allowed_warnings = allow::allowed_list(&comp.diagnostics, sources);
    Some(ir)
}

/// A metric or item code resolves to one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Metric(usize),
    Item(usize, usize),
}

/// A breakdown item after expansion: explicit, or derived from a codelist.
#[derive(Clone, Debug)]
pub struct ExpandedItem {
    pub letter: char,
    pub code: String,
    /// (codelist index, entry index) for each list of the breakdown.
    pub entries: Vec<(usize, usize)>,
    /// Index into the breakdown's explicit items, when the item is written out.
    pub explicit: Option<usize>,
    pub wording: Option<Text>,
    pub reserved: Option<Text>,
    pub loc: Loc,
}

/// A linear sum of data codes: (coefficient, code).
pub type LinearTerms = Vec<(f64, String)>;

/// What the checker works out about a metric.
#[derive(Clone, Debug, Default)]
pub struct MetricInfo {
    pub part: Option<usize>,
    pub group: Option<usize>,
    pub cohort: Option<usize>,
    /// The counted unit, or the summed quantity.
    pub unit: Option<usize>,
    /// For `sums X over Y`: Y.
    pub over: Option<usize>,
    pub timing: Option<Timing>,
    pub value_type: Option<ValueType>,
    pub kind: Option<BreakdownKind>,
    pub items: Vec<ExpandedItem>,
    pub codelists: Vec<usize>,
    /// Whether the metric's own total is a value of the submission.
    pub collected: bool,
    /// Resolved relations, as linear terms over data codes.
    pub of: Option<Vec<(f64, String)>>,
    pub subset: Option<Vec<(f64, String)>>,
    pub equals: Option<Vec<(f64, String)>>,
    pub each_within: Option<usize>,
    /// Per item: (subset, equals) terms.
    pub item_relations: Vec<(Option<LinearTerms>, Option<LinearTerms>)>,
}

pub(crate) struct Checker<'a> {
    pub decls: &'a Declarations,
    pub sources: &'a Sources,
    pub options: Options<'a>,
    pub diags: Vec<Diagnostic>,
    pub tables: Tables,
    pub symbols: Symbols,
    /// Every metric and item code.
    pub codes: BTreeMap<String, Target>,
    pub metrics: Vec<MetricInfo>,
    /// Per indicator: the typed, resolved formula (when it checked).
    pub formulas: Vec<Option<formula::Typed>>,
    /// Per explicit rule: (lhs, op, rhs) terms.
    pub rule_terms: Vec<Option<(LinearTerms, crate::ir::Op, LinearTerms)>>,
    /// Per explicit rule: the terms of a year-on-year rule (`change`, `balance`).
    pub rule_years: Vec<Option<formula::YearTerms>>,
    /// Per part: its cohort, its own or inherited.
    pub part_cohort: Vec<Option<usize>>,
    /// Calendars, records and counting rules, checked (records.rs).
    pub records_out: records::RecordsResolved,
    /// code → the sums it is declared part of (for percentages), built on first use.
    pub parents: Option<BTreeMap<String, Vec<std::collections::BTreeSet<String>>>>,
}

impl<'a> Checker<'a> {
    fn new(decls: &'a Declarations, sources: &'a Sources, options: Options<'a>) -> Checker<'a> {
        Checker {
            decls,
            sources,
            options,
            diags: Vec::new(),
            tables: Tables::default(),
            symbols: Symbols::default(),
            codes: BTreeMap::new(),
            metrics: Vec::new(),
            formulas: Vec::new(),
            rule_terms: Vec::new(),
            rule_years: Vec::new(),
            part_cohort: Vec::new(),
            records_out: records::RecordsResolved::default(),
            parents: None,
        }
    }

    fn run(&mut self) {
        self.declare_all();
        self.declare_records();
        self.check_edition();
        self.check_simple_decls();
        self.check_codelists();
        self.check_metrics();
        self.check_relations();
        self.check_cycles();
        self.check_records();
        self.check_indicators();
        self.check_rules();
        self.check_errata();
        self.check_texts();
        self.check_source_defects();
        self.check_extensions();
        self.check_standards();
        self.check_reports();
    }

    /// A checker that has already run, rebuilt from what it worked out, to build the IR.
    fn with_resolved(
        decls: &'a Declarations,
        sources: &'a Sources,
        options: Options<'a>,
        r: Resolved,
    ) -> Checker<'a> {
        Checker {
            tables: r.tables,
            codes: r.codes,
            metrics: r.metrics,
            formulas: r.formulas,
            rule_terms: r.rule_terms,
            rule_years: r.rule_years,
            part_cohort: r.part_cohort,
            records_out: r.records,
            ..Checker::new(decls, sources, options)
        }
    }

    fn finish(mut self) -> (Vec<Diagnostic>, Symbols, Option<Ir>, Resolved) {
        let mut ir = if self.decls.editions.is_empty()
            || (self.options.skip_ir && self.options.previous.is_none())
        {
            None
        } else {
            Some(self.build_ir())
        };
        if let Some(ir) = &mut ir {
            self.check_editions(ir);
        } else if !self.decls.editions.is_empty() && self.options.previous.is_none() {
            // The IR was skipped, not the edition checks that need no previous edition.
            self.check_was_without_previous();
        }
        let resolved = Resolved {
            tables: self.tables,
            codes: self.codes,
            metrics: self.metrics,
            formulas: self.formulas,
            rule_terms: self.rule_terms,
            rule_years: self.rule_years,
            part_cohort: self.part_cohort,
            records: self.records_out,
        };
        (self.diags, self.symbols, ir, resolved)
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Whether the uses of names are recorded for the editor (not with [`Options::lean`]).
    fn index_names(&self) -> bool {
        !self.options.lean
    }

    /// Records a use of a name for the editor's references and rename; nothing, not even a
    /// copy of the name, with [`Options::lean`].
    fn record_use(&mut self, kind: Kind, name: &str, loc: &Loc, parent: Option<&str>) {
        if self.index_names() {
            self.symbols.uses.push(Use {
                kind,
                name: name.to_string(),
                loc: loc.clone(),
                parent: parent.map(str::to_string),
            });
        }
    }

    /// The first line of a location: a block is pointed at by its header, not drawn whole.
    pub(crate) fn head(&self, loc: &Loc) -> crate::source::Span {
        let text = &self.sources.get(loc.file).text;
        let start = loc.span.start.min(text.len());
        let end = text[start..loc.span.end.min(text.len())]
            .find('\n')
            .map_or(loc.span.end, |n| start + n);
        let end = start + text[start..end].trim_end().len();
        start..end.max(start)
    }

    /// `path:line` of a location, as the IR records it.
    pub(crate) fn source_ref(&self, loc: &Loc) -> crate::ir::SourceRef {
        let f = self.sources.get(loc.file);
        // The file name only: the IR must not depend on the folder the spec was read from.
        let name = std::path::Path::new(&f.path)
            .file_name()
            .map_or(f.path.clone(), |n| n.to_string_lossy().into_owned());
        crate::ir::SourceRef {
            file: name,
            line: f.line_col(loc.span.start).0,
        }
    }
}
