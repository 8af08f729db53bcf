//! Building the IR from the checked declarations, including the rules implied by structure.
//!
//! Order: parts by number (a part `within` another follows it), groups and metrics in part
//! order then declaration order, docs by number. The same spec always gives the same IR.

use super::metrics::Terms;
use super::names::Kind;
use super::{Checker, Target};
use crate::ir::{self, Op, Rich, RuleSeverity, Term};
use crate::model::{self, BreakdownKind, Doc, Measure, Timing, ValueType};
use std::collections::{BTreeMap, BTreeSet};

fn text(t: &model::Text) -> ir::Text {
    ir::Text {
        en: t.en.value.clone(),
        cy: t.cy().map(|c| c.value.clone()),
    }
}

fn otext(t: &Option<model::Text>) -> Option<ir::Text> {
    t.as_ref().map(text)
}

fn rich(t: &model::Text) -> Rich {
    Rich::parse(&t.en.value, t.cy().map(|c| c.value.as_str()))
}

fn orich(t: &Option<model::Text>) -> Option<Rich> {
    t.as_ref().map(rich)
}

/// The texts whose Welsh records the English it was made for and is stale or not yet reviewed
/// (Welsh written by hand records nothing, so it is never listed; a text with no Welsh is
/// listed by the guidance where it prints the English).
fn welsh_to_review(decls: &model::Declarations) -> Vec<ir::WelshToReview> {
    crate::catalogue::translatable(decls)
        .into_iter()
        .filter_map(|t| {
            let of = t.text.cy_of()?;
            t.text.cy()?;
            let state = if of.hash != model::english_hash(&t.text.en.value) {
                ir::WelshReviewState::Stale
            } else {
                match of.state {
                    model::WelshState::Draft => ir::WelshReviewState::Draft,
                    model::WelshState::Translated => ir::WelshReviewState::Translated,
                    model::WelshState::Reviewed => return None,
                }
            };
            Some(ir::WelshToReview {
                owner: t.owner,
                kind: t.kind.to_string(),
                en: t.text.en.value.clone(),
                state,
            })
        })
        .collect()
}

/// "5.10" sorts after "5.9".
fn number_key(n: Option<&str>) -> Vec<u64> {
    n.map(|s| {
        s.split('.')
            .map(|p| p.trim().parse::<u64>().unwrap_or(u64::MAX))
            .collect()
    })
    .unwrap_or_else(|| vec![u64::MAX])
}

fn terms(t: &Terms) -> Vec<Term> {
    t.iter()
        .map(|(coef, code)| Term {
            code: code.clone(),
            coef: *coef,
        })
        .collect()
}

impl Checker<'_> {
    fn part_order(&self) -> Vec<usize> {
        let d = self.decls;
        let parent = |i: usize| {
            d.parts[i]
                .within
                .as_ref()
                .and_then(|w| self.tables.get(Kind::Part, &w.name))
        };
        let mut top: Vec<usize> = (0..d.parts.len())
            .filter(|&i| parent(i).is_none())
            .collect();
        top.sort_by_key(|&i| (number_key(d.parts[i].number.as_deref()), i));
        let mut out = Vec::new();
        for t in top {
            out.push(t);
            out.extend((0..d.parts.len()).filter(|&i| parent(i) == Some(t)));
        }
        for i in 0..d.parts.len() {
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }

    pub(super) fn build_ir(&self) -> ir::Ir {
        let d = self.decls;
        let part_order = self.part_order();
        let part_rank = |p: Option<usize>| {
            p.and_then(|p| part_order.iter().position(|&x| x == p))
                .unwrap_or(usize::MAX)
        };

        let mut group_order: Vec<usize> = (0..d.groups.len()).collect();
        group_order.sort_by_key(|&g| {
            (
                part_rank(
                    d.groups[g]
                        .part
                        .as_ref()
                        .and_then(|p| self.tables.get(Kind::Part, &p.name)),
                ),
                g,
            )
        });
        let group_rank = |g: Option<usize>| {
            g.and_then(|g| group_order.iter().position(|&x| x == g))
                .unwrap_or(usize::MAX)
        };

        let mut metric_order: Vec<usize> = (0..d.metrics.len())
            .filter(|&m| self.tables.get(Kind::Code, &d.metrics[m].code) == Some(m))
            .collect();
        metric_order.sort_by_key(|&m| {
            (
                part_rank(self.metrics[m].part),
                group_rank(self.metrics[m].group),
                m,
            )
        });

        let edition = d.editions.first().map(|e| ir::Edition {
            id: e.id.clone(),
            title: e.title.as_ref().map(text).unwrap_or_default(),
            framework: otext(&e.framework),
            status: e.status.clone().unwrap_or_else(|| "draft".into()),
            first_year: e.first_year.clone(),
            period: otext(&e.period),
            supersedes: e.supersedes.as_ref().map(|r| r.name.clone()),
            publisher: otext(&e.publisher),
            published: e.published.clone(),
            number: e.number.clone(),
            copyright: otext(&e.copyright),
            licence: e.licence.clone(),
            contact: otext(&e.contact),
            notes: e.notes.iter().map(rich).collect(),
        });

        let mut metrics: Vec<ir::Metric> =
            metric_order.iter().map(|&m| self.ir_metric(m)).collect();
        for m in metrics.iter_mut() {
            m.fingerprint = ir::fingerprint::metric(m);
            let prints: Vec<String> = m
                .items
                .iter()
                .map(|i| ir::fingerprint::item(m, i))
                .collect();
            for (i, f) in m.items.iter_mut().zip(prints) {
                i.fingerprint = f;
            }
        }
        let indicators = self.ir_indicators(&part_order);
        // Which metric each code belongs to, so that cross references are filled in one pass.
        let position: BTreeMap<String, usize> = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.code.clone(), i))
            .collect();
        let owner = |code: &str| {
            position
                .get(crate::model::metric_of_item(code))
                .or_else(|| position.get(code))
                .copied()
        };
        for ind in &indicators {
            let owners: BTreeSet<usize> = ind.inputs.iter().filter_map(|c| owner(c)).collect();
            for i in owners {
                metrics[i].indicators.push(ind.code.clone());
            }
        }
        let rules = self.ir_rules(&metric_order);
        for r in &rules {
            let owners: BTreeSet<usize> = std::iter::once(r.metric.as_str())
                .chain(r.codes())
                .filter_map(owner)
                .collect();
            for i in owners {
                metrics[i].rules.push(r.id.clone());
            }
        }
        for e in &d.errata {
            let owners: BTreeSet<usize> = e.affects.iter().filter_map(|a| owner(&a.name)).collect();
            for i in owners {
                metrics[i].errata.push(e.id.clone());
            }
        }
        let data_items = self.ir_data_items(&metrics);

        let mut instruments: Vec<ir::Instrument> = d
            .instruments
            .iter()
            .map(|x| ir::Instrument {
                id: x.id.clone(),
                title: x
                    .title
                    .as_ref()
                    .map(text)
                    .unwrap_or_else(|| ir::Text::plain(&x.id)),
                short: otext(&x.short),
                kind: x.kind.clone(),
                year: x.year.clone(),
                within: x.within.as_ref().map(|r| r.name.clone()),
                cited_by: Vec::new(),
            })
            .collect();
        for m in &metrics {
            let cited = m
                .citations
                .iter()
                .chain(m.timescales.iter().flat_map(|t| t.citations.iter()));
            for c in cited {
                if let Some(i) = instruments.iter_mut().find(|i| i.id == c.instrument) {
                    if !i.cited_by.contains(&m.code) {
                        i.cited_by.push(m.code.clone());
                    }
                }
            }
        }

        let parts = part_order
            .iter()
            .map(|&p| {
                let x = &d.parts[p];
                ir::Part {
                    id: x.id.clone(),
                    number: x.number.clone(),
                    title: x
                        .title
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    cohort: self
                        .part_cohort
                        .get(p)
                        .copied()
                        .flatten()
                        .map(|c| d.cohorts[c].id.clone()),
                    within: x.within.as_ref().map(|r| r.name.clone()),
                    prefix: x.prefix.clone(),
                    intro: orich(&x.intro),
                    groups: group_order
                        .iter()
                        .filter(|&&g| d.groups[g].part.as_ref().is_some_and(|r| r.name == x.id))
                        .map(|&g| d.groups[g].id.clone())
                        .collect(),
                }
            })
            .collect();
        let groups = group_order
            .iter()
            .map(|&g| {
                let x = &d.groups[g];
                ir::Group {
                    id: x.id.clone(),
                    part: x.part.as_ref().map(|r| r.name.clone()).unwrap_or_default(),
                    number: x.number.clone(),
                    title: x
                        .title
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    note: orich(&x.note),
                    metrics: metrics
                        .iter()
                        .filter(|m| m.group.as_deref() == Some(x.id.as_str()))
                        .map(|m| m.code.clone())
                        .collect(),
                }
            })
            .collect();

        let mut docs: Vec<ir::Doc> = d.docs.iter().map(ir_doc).collect();
        docs.sort_by_key(|x| {
            number_key(x.number.as_deref())
                .first()
                .map_or(0, |n| if *n == u64::MAX { 0 } else { *n })
        });

        ir::Ir {
            schema_version: ir::SCHEMA_VERSION,
            edition: edition.unwrap_or_default(),
            extensions: d
                .extensions
                .iter()
                .map(|x| ir::Extension {
                    id: x.id.clone(),
                    title: otext(&x.title),
                    authority: x.authority.clone(),
                    prefix: x.prefix.as_ref().map(|p| p.0.clone()).unwrap_or_default(),
                    extends: x.extends.as_ref().map(|r| r.name.clone()),
                })
                .collect(),
            docs,
            instruments,
            cohorts: d
                .cohorts
                .iter()
                .map(|c| ir::Cohort {
                    id: c.id.clone(),
                    label: c
                        .label
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&c.id)),
                    definition: orich(&c.definition),
                    ages: c.ages.map(|(from, to)| ir::AgeRange { from, to }),
                })
                .collect(),
            units: d
                .units
                .iter()
                .map(|u| ir::Unit {
                    id: u.id.clone(),
                    label: u
                        .label
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&u.id)),
                    singular: u
                        .singular
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&u.id)),
                    kind: u.kind.unwrap_or(model::UnitKind::Entity),
                    value_type: match u.kind {
                        Some(model::UnitKind::Measure) => u.value.unwrap_or(ValueType::Whole),
                        _ => ValueType::Whole,
                    },
                    person: u.is_person,
                })
                .collect(),
            definitions: d
                .definitions
                .iter()
                .map(|x| ir::Definition {
                    id: x.id.clone(),
                    term: x
                        .term
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    text: orich(&x.text),
                })
                .collect(),
            sources: d
                .sources
                .iter()
                .map(|x| ir::DataSource {
                    id: x.id.clone(),
                    title: x
                        .title
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    note: orich(&x.note),
                })
                .collect(),
            populations: d
                .populations
                .iter()
                .map(|x| ir::Population {
                    id: x.id.clone(),
                    label: x
                        .label
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    cohort: x.cohort.as_ref().map(|r| r.name.clone()),
                    ages: x.ages.map(|(from, to)| ir::AgeRange { from, to }),
                    source: otext(&x.source),
                })
                .collect(),
            quality_standards: self.ir_quality_standards(&metrics, &indicators),
            missing_statuses: d
                .missing
                .iter()
                .map(|x| ir::MissingStatus {
                    id: x.id.clone(),
                    label: x
                        .label
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&x.id)),
                    meaning: orich(&x.meaning),
                })
                .collect(),
            parts,
            groups,
            codelists: d
                .codelists
                .iter()
                .map(|c| ir::Codelist {
                    id: c.id.clone(),
                    title: c
                        .title
                        .as_ref()
                        .map(text)
                        .unwrap_or_else(|| ir::Text::plain(&c.id)),
                    exhaustive: c.exhaustive,
                    entries: c
                        .entries
                        .iter()
                        .map(|e| ir::Entry {
                            id: e.id.clone(),
                            label: e
                                .label
                                .as_ref()
                                .map(text)
                                .unwrap_or_else(|| ir::Text::plain(&e.id)),
                            group: e.group.as_ref().map(|(id, label)| ir::EntryGroup {
                                id: id.clone(),
                                label: otext(label),
                            }),
                            range: e.range.as_ref().map(|(from, to, _)| ir::AgeRange {
                                from: *from,
                                to: *to,
                            }),
                            reserved: otext(&e.reserved),
                            note: orich(&e.note),
                        })
                        .collect(),
                    note: orich(&c.note),
                    used_by: metrics
                        .iter()
                        .filter(|m| m.breakdown.as_ref().is_some_and(|b| b.by.contains(&c.id)))
                        .map(|m| m.code.clone())
                        .collect(),
                })
                .collect(),
            metrics,
            data_items,
            indicators,
            rules,
            errata: d
                .errata
                .iter()
                .map(|e| ir::Erratum {
                    id: e.id.clone(),
                    affects: e.affects.iter().map(|r| r.name.clone()).collect(),
                    kind: e.kind.clone(),
                    source_text: e.source_text.as_ref().map(text).unwrap_or_default(),
                    corrected: otext(&e.corrected),
                    reason: e.reason.as_ref().map(text).unwrap_or_default(),
                    fixed_in: e.fixed_in.clone(),
                })
                .collect(),
            allowed_warnings: Vec::new(),
            retired: Vec::new(),
            changes: Vec::new(),
            series: Vec::new(),
            reports: self.ir_reports(),
            calendars: self.records_out.calendars.clone(),
            records: self.records_out.records.clone(),
            welsh_to_review: welsh_to_review(self.decls),
        }
    }

    fn ir_citation(&self, c: &model::Citation) -> ir::Citation {
        ir::Citation {
            instrument: c.instrument.name.clone(),
            locators: c
                .locators
                .iter()
                .map(|l| ir::Locator {
                    kind: l.kind.clone(),
                    value: l.value.clone(),
                })
                .collect(),
            quote: orich(&c.quote),
        }
    }

    fn ir_metric(&self, mi: usize) -> ir::Metric {
        let d = self.decls;
        let m = &d.metrics[mi];
        let info = &self.metrics[mi];
        let unit_id = |u: Option<usize>| u.map(|u| d.units[u].id.clone()).unwrap_or_default();
        let measure = match &m.measure {
            Some(Measure::Sums { .. }) => ir::Measure {
                kind: ir::MeasureKind::Sum,
                unit: unit_id(info.unit),
                over: info.over.map(|o| d.units[o].id.clone()),
            },
            _ => ir::Measure {
                kind: ir::MeasureKind::Count,
                unit: unit_id(info.unit),
                over: None,
            },
        };
        let timing = match &info.timing {
            Some(Timing::Stock(at)) => ir::Timing {
                kind: ir::TimingKind::Stock,
                at: Some(at.clone().unwrap_or_else(|| "31 March".into())),
            },
            _ => ir::Timing {
                kind: ir::TimingKind::Flow,
                at: None,
            },
        };
        let relation = |rel: &Option<model::Relation>, t: &Option<Terms>| match (rel, t) {
            (Some(r), Some(t)) => Some(ir::Relation {
                terms: terms(t),
                via: otext(&r.via),
            }),
            _ => None,
        };
        let items = info
            .items
            .iter()
            .enumerate()
            .map(|(ii, it)| {
                let explicit = it
                    .explicit
                    .and_then(|n| m.breakdown.as_ref().map(|b| &b.items[n]));
                let (sub, eq) = info.item_relations.get(ii).cloned().unwrap_or((None, None));
                ir::Item {
                    code: it.code.clone(),
                    letter: it.letter.to_string(),
                    wording: it.wording.as_ref().map(text).unwrap_or_default(),
                    entry: it
                        .entries
                        .iter()
                        .map(|(l, e)| d.codelists[*l].entries[*e].id.clone())
                        .collect(),
                    reserved: otext(&it.reserved),
                    subset_of: relation(&explicit.and_then(|e| e.subset_of.clone()), &sub),
                    equals: relation(&explicit.and_then(|e| e.equals.clone()), &eq),
                    was: explicit.and_then(|e| e.was.as_ref()).map(provenance),
                    same: explicit.and_then(|e| otext(&e.same)),
                    fingerprint: String::new(),
                    notes: explicit
                        .map(|e| e.notes.iter().map(rich).collect())
                        .unwrap_or_default(),
                }
            })
            .collect();
        ir::Metric {
            code: m.code.clone(),
            part: info.part.map(|p| d.parts[p].id.clone()),
            group: info.group.map(|g| d.groups[g].id.clone()),
            wording: m.wording.as_ref().map(text).unwrap_or_default(),
            short: otext(&m.short),
            measure,
            value_type: info.value_type.unwrap_or(ValueType::Whole),
            timing,
            cohort: info.cohort.map(|c| d.cohorts[c].id.clone()),
            rationale: orich(&m.rationale),
            includes: orich(&m.includes),
            excludes: orich(&m.excludes),
            counting: orich(&m.counting),
            collected_from: m.collected_from.as_ref().map(|r| r.name.clone()),
            citations: m.citations.iter().map(|c| self.ir_citation(c)).collect(),
            timescales: m
                .timescales
                .iter()
                .filter_map(|t| {
                    let (rule, amount, unit) = (t.rule?, t.amount?, t.unit?);
                    Some(ir::Timescale {
                        label: otext(&t.label),
                        rule,
                        amount,
                        unit,
                        from: otext(&t.from),
                        until: otext(&t.until),
                        citations: t.citations.iter().map(|c| self.ir_citation(c)).collect(),
                        note: orich(&t.note),
                    })
                })
                .collect(),
            subset_of: relation(&m.subset_of, &info.subset),
            equals: relation(&m.equals, &info.equals),
            breakdown: m.breakdown.as_ref().and_then(|b| {
                Some(ir::Breakdown {
                    kind: b.kind?,
                    of: info.of.as_ref().map(terms),
                    by: info
                        .codelists
                        .iter()
                        .map(|&c| d.codelists[c].id.clone())
                        .collect(),
                    each_within: info.each_within.map(|o| d.metrics[o].code.clone()),
                })
            }),
            items,
            collected: info.collected,
            notes: m.notes.iter().map(rich).collect(),
            indicators: Vec::new(),
            rules: Vec::new(),
            errata: Vec::new(),
            source: self.source_ref(&m.code_loc),
            provenance: m.was.as_ref().map(provenance),
            reuses: otext(&m.reuses),
            same: otext(&m.same),
            fingerprint: String::new(),
            standards: self.standard_ids(&m.standards),
            computed_from: self.records_out.rules.get(mi).cloned().flatten(),
        }
    }

    /// The ids of the quality standards of a `standard` list that resolve, each once.
    fn standard_ids(&self, refs: &[model::Ref]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in refs {
            if self.tables.get(Kind::Standard, &r.name).is_some() && !out.contains(&r.name) {
                out.push(r.name.clone());
            }
        }
        out
    }

    fn ir_quality_standards(
        &self,
        metrics: &[ir::Metric],
        indicators: &[ir::Indicator],
    ) -> Vec<ir::QualityStandard> {
        let d = self.decls;
        d.standards
            .iter()
            .enumerate()
            .filter(|(i, x)| self.tables.get(Kind::Standard, &x.id) == Some(*i))
            .map(|(_, x)| ir::QualityStandard {
                id: x.id.clone(),
                number: x.number.clone(),
                title: x
                    .title
                    .as_ref()
                    .map(text)
                    .unwrap_or_else(|| ir::Text::plain(&x.id)),
                citations: x.citations.iter().map(|c| self.ir_citation(c)).collect(),
                notes: x.notes.iter().map(rich).collect(),
                measures: metrics
                    .iter()
                    .filter(|m| m.standards.contains(&x.id))
                    .map(|m| m.code.clone())
                    .chain(
                        indicators
                            .iter()
                            .filter(|i| i.standards.contains(&x.id))
                            .map(|i| i.code.clone()),
                    )
                    .collect(),
            })
            .collect()
    }

    fn ir_reports(&self) -> Vec<ir::ReportDefinition> {
        self.decls
            .reports
            .iter()
            .map(|r| ir::ReportDefinition {
                id: r.id.clone(),
                title: otext(&r.title),
                authority: r.authority.as_ref().map(|(a, _)| {
                    crate::ir::authorities::parse(a)
                        .map(|x| x.code.to_string())
                        .unwrap_or_else(|| a.clone())
                }),
                notes: r.notes.iter().map(rich).collect(),
                sections: r
                    .sections
                    .iter()
                    .map(|s| ir::ReportSection {
                        standard: s.standard.name.clone(),
                        notes: s.notes.iter().map(rich).collect(),
                        measures: s
                            .measures
                            .iter()
                            .map(|m| match m {
                                model::ReportMeasure::National(r) => ir::ReportMeasure::National {
                                    code: r.name.clone(),
                                },
                                model::ReportMeasure::Local(l) => {
                                    ir::ReportMeasure::Local(ir::LocalMeasure {
                                        code: l.code.clone(),
                                        wording: otext(&l.wording)
                                            .unwrap_or_else(|| ir::Text::plain(&l.code)),
                                        definition: orich(&l.definition),
                                        unit: otext(&l.unit).unwrap_or_default(),
                                        polarity: l.polarity.unwrap_or(model::Polarity::Neither),
                                        decimals: l.decimals,
                                        notes: l.notes.iter().map(rich).collect(),
                                    })
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    fn ir_data_items(&self, metrics: &[ir::Metric]) -> Vec<ir::DataItem> {
        let mut out: Vec<ir::DataItem> = Vec::new();
        let mut depths: BTreeMap<String, u32> = BTreeMap::new();
        let depth_of = |depths: &BTreeMap<String, u32>, code: &str| depths.get(code).copied();
        for m in metrics {
            let single = |r: &Option<ir::Relation>| match r {
                Some(r) if r.terms.len() == 1 => Some(r.terms[0].code.clone()),
                _ => None,
            };
            let parent_of_metric = single(&m.subset_of).or_else(|| single(&m.equals));
            if m.collected {
                let depth = parent_of_metric
                    .as_deref()
                    .and_then(|p| depth_of(&depths, p))
                    .map_or(0, |d| d + 1);
                out.push(ir::DataItem {
                    code: m.code.clone(),
                    metric: m.code.clone(),
                    part: m.part.clone(),
                    group: m.group.clone(),
                    wording: m.wording.clone(),
                    lead_in: None,
                    value_type: m.value_type,
                    unit: m.measure.unit.clone(),
                    timing: m.timing.kind,
                    parent: parent_of_metric.clone(),
                    depth,
                });
                depths.insert(m.code.clone(), depth);
            }
            let item_parent = if m.collected {
                Some(m.code.clone())
            } else {
                m.breakdown
                    .as_ref()
                    .filter(|b| b.kind != BreakdownKind::Independent)
                    .and_then(|b| match b.of.as_deref() {
                        Some([t]) => Some(t.code.clone()),
                        _ => None,
                    })
            };
            let base = item_parent
                .as_deref()
                .and_then(|p| depth_of(&depths, p))
                .map_or(0, |d| d + 1);
            for it in m.items.iter().filter(|i| i.reserved.is_none()) {
                out.push(ir::DataItem {
                    code: it.code.clone(),
                    metric: m.code.clone(),
                    part: m.part.clone(),
                    group: m.group.clone(),
                    wording: it.wording.clone(),
                    lead_in: if m.collected {
                        None
                    } else {
                        Some(m.wording.clone())
                    },
                    value_type: m.value_type,
                    unit: m.measure.unit.clone(),
                    timing: m.timing.kind,
                    parent: item_parent.clone(),
                    depth: base.max(1),
                });
                depths.insert(it.code.clone(), base.max(1));
            }
        }
        out
    }

    fn ir_indicators(&self, part_order: &[usize]) -> Vec<ir::Indicator> {
        let d = self.decls;
        let mut order: Vec<usize> = (0..d.indicators.len())
            .filter(|&i| self.tables.get(Kind::Indicator, &d.indicators[i].code) == Some(i))
            .collect();
        let rank = |i: usize| {
            d.indicators[i]
                .part
                .as_ref()
                .and_then(|p| self.tables.get(Kind::Part, &p.name))
                .and_then(|p| part_order.iter().position(|&x| x == p))
                .unwrap_or(usize::MAX)
        };
        order.sort_by_key(|&i| (rank(i), i));
        order
            .into_iter()
            .filter_map(|i| {
                let x = &d.indicators[i];
                let t = self.formulas.get(i)?.as_ref()?;
                let inputs_all = t.formula.inputs();
                let populations: Vec<String> = inputs_all
                    .iter()
                    .filter(|n| d.populations.iter().any(|p| &p.id == *n))
                    .cloned()
                    .collect();
                let inputs: Vec<String> = inputs_all
                    .iter()
                    .filter(|n| !populations.contains(n))
                    .cloned()
                    .collect();
                Some(ir::Indicator {
                    code: x.code.clone(),
                    title: x.title.as_ref().map(text).unwrap_or_default(),
                    part: x.part.as_ref().map(|r| r.name.clone()),
                    formula: t.formula.clone(),
                    formula_text: t.text.clone(),
                    result: t.result,
                    result_unit: t.unit.clone(),
                    polarity: x.polarity.unwrap_or(model::Polarity::Neither),
                    decimals: x.decimals.unwrap_or(1),
                    reading: orich(&x.reading),
                    motivated_by: x.motivation.as_ref().map(|m| m.metric.name.clone()),
                    motivation: x.motivation.as_ref().and_then(|m| otext(&m.quote)),
                    notes: x.notes.iter().map(rich).collect(),
                    examples: x
                        .examples
                        .iter()
                        .filter_map(|e| {
                            let given: std::collections::BTreeMap<&str, f64> = e
                                .inputs
                                .iter()
                                .map(|(r, v)| (r.name.as_str(), *v))
                                .collect();
                            let computed = t.formula.eval(&|n| given.get(n).copied()).ok()?;
                            Some(ir::Example {
                                inputs: e
                                    .inputs
                                    .iter()
                                    .map(|(r, v)| (r.name.clone(), *v))
                                    .collect(),
                                expect: e.expect.as_ref()?.0,
                                computed,
                            })
                        })
                        .collect(),
                    inputs,
                    populations,
                    standards: self.standard_ids(&x.standards),
                })
            })
            .collect()
    }

    fn is_decimal(&self, code: &str) -> bool {
        self.metric_of(code)
            .and_then(|m| self.metrics[m].value_type)
            == Some(ValueType::Decimal)
    }

    fn tolerance(&self, codes: &[&str]) -> f64 {
        if codes.iter().any(|c| self.is_decimal(c)) {
            DECIMAL_TOLERANCE
        } else {
            0.0
        }
    }

    fn ir_rules(&self, metric_order: &[usize]) -> Vec<ir::Rule> {
        let d = self.decls;
        let mut out = Vec::new();
        let mut push = |id: String,
                        kind: ir::RuleKind,
                        metric: &str,
                        lhs: Vec<Term>,
                        op: Op,
                        rhs: Vec<Term>,
                        value_type: Option<ValueType>,
                        tol: f64| {
            out.push(ir::Rule {
                id,
                kind,
                severity: RuleSeverity::Error,
                message: None,
                metric: metric.to_string(),
                lhs,
                op,
                rhs,
                tolerance: tol,
                value_type,
                origin: ir::RuleOrigin::Structure,
                last_year: Vec::new(),
                change: None,
                notes: Vec::new(),
            })
        };
        for &mi in metric_order {
            let m = &d.metrics[mi];
            let info = &self.metrics[mi];
            let vt = info.value_type.unwrap_or(ValueType::Whole);
            let mut data: Vec<String> = Vec::new();
            if info.collected {
                data.push(m.code.clone());
            }
            data.extend(
                info.items
                    .iter()
                    .filter(|i| i.reserved.is_none())
                    .map(|i| i.code.clone()),
            );
            for code in &data {
                let one = vec![Term {
                    code: code.clone(),
                    coef: 1.0,
                }];
                push(
                    format!("{code}.value"),
                    ir::RuleKind::Value,
                    &m.code,
                    one.clone(),
                    Op::Ge,
                    Vec::new(),
                    Some(vt),
                    0.0,
                );
                push(
                    format!("{code}.required"),
                    ir::RuleKind::Required,
                    &m.code,
                    one,
                    Op::Ge,
                    Vec::new(),
                    None,
                    0.0,
                );
            }
            let items: Vec<&super::ExpandedItem> =
                info.items.iter().filter(|i| i.reserved.is_none()).collect();
            let item_terms: Vec<Term> = items
                .iter()
                .map(|i| Term {
                    code: i.code.clone(),
                    coef: 1.0,
                })
                .collect();
            let item_codes: Vec<&str> = items.iter().map(|i| i.code.as_str()).collect();
            let mut parents: Vec<Terms> = Vec::new();
            if let Some(of) = &info.of {
                parents.push(of.clone());
            }
            if info.collected && !items.is_empty() {
                parents.push(vec![(1.0, m.code.clone())]);
            }
            for (pi, parent) in parents.iter().enumerate() {
                let suffix = if pi == 0 {
                    String::new()
                } else {
                    "_total".to_string()
                };
                let pcodes: Vec<&str> = parent.iter().map(|(_, c)| c.as_str()).collect();
                let all: Vec<&str> = item_codes
                    .iter()
                    .copied()
                    .chain(pcodes.iter().copied())
                    .collect();
                let tol = self.tolerance(&all);
                match info.kind {
                    Some(BreakdownKind::Partition) => push(
                        format!("{}.partition{suffix}", m.code),
                        ir::RuleKind::Partition,
                        &m.code,
                        item_terms.clone(),
                        Op::Eq,
                        terms(parent),
                        None,
                        tol,
                    ),
                    Some(BreakdownKind::Exclusive) => push(
                        format!("{}.exclusive{suffix}", m.code),
                        ir::RuleKind::Exclusive,
                        &m.code,
                        item_terms.clone(),
                        Op::Le,
                        terms(parent),
                        None,
                        tol,
                    ),
                    Some(BreakdownKind::Overlapping) => {
                        for it in &items {
                            push(
                                format!("{}.within{suffix}", it.code),
                                ir::RuleKind::Overlapping,
                                &m.code,
                                vec![Term {
                                    code: it.code.clone(),
                                    coef: 1.0,
                                }],
                                Op::Le,
                                terms(parent),
                                None,
                                tol,
                            );
                        }
                    }
                    _ => {}
                }
            }
            if let Some(oi) = info.each_within {
                for it in &items {
                    if let Some(o) = self.metrics[oi].items.iter().find(|o| {
                        !it.entries.is_empty() && o.entries == it.entries && o.reserved.is_none()
                    }) {
                        let tol = self.tolerance(&[it.code.as_str(), o.code.as_str()]);
                        push(
                            format!("{}.within_each", it.code),
                            ir::RuleKind::Within,
                            &m.code,
                            vec![Term {
                                code: it.code.clone(),
                                coef: 1.0,
                            }],
                            Op::Le,
                            vec![Term {
                                code: o.code.clone(),
                                coef: 1.0,
                            }],
                            None,
                            tol,
                        );
                    }
                }
            }
            let subject = if info.collected {
                Some(vec![(1.0, m.code.clone())])
            } else if info.kind == Some(BreakdownKind::Partition) {
                Some(items.iter().map(|i| (1.0, i.code.clone())).collect())
            } else {
                None
            };
            if let Some(subject) = &subject {
                if let Some(t) = &info.subset {
                    let codes: Vec<&str> = subject
                        .iter()
                        .chain(t.iter())
                        .map(|(_, c)| c.as_str())
                        .collect();
                    push(
                        format!("{}.subset", m.code),
                        ir::RuleKind::Subset,
                        &m.code,
                        terms(subject),
                        Op::Le,
                        terms(t),
                        None,
                        self.tolerance(&codes),
                    );
                }
                if let Some(t) = &info.equals {
                    let codes: Vec<&str> = subject
                        .iter()
                        .chain(t.iter())
                        .map(|(_, c)| c.as_str())
                        .collect();
                    push(
                        format!("{}.equals", m.code),
                        ir::RuleKind::Equals,
                        &m.code,
                        terms(subject),
                        Op::Eq,
                        terms(t),
                        None,
                        self.tolerance(&codes),
                    );
                }
            }
            for (ii, it) in info.items.iter().enumerate() {
                if it.reserved.is_some() {
                    continue;
                }
                let Some((sub, eq)) = info.item_relations.get(ii) else {
                    continue;
                };
                let me = vec![Term {
                    code: it.code.clone(),
                    coef: 1.0,
                }];
                if let Some(t) = sub {
                    let codes: Vec<&str> = std::iter::once(it.code.as_str())
                        .chain(t.iter().map(|(_, c)| c.as_str()))
                        .collect();
                    push(
                        format!("{}.subset", it.code),
                        ir::RuleKind::Subset,
                        &m.code,
                        me.clone(),
                        Op::Le,
                        terms(t),
                        None,
                        self.tolerance(&codes),
                    );
                }
                if let Some(t) = eq {
                    let codes: Vec<&str> = std::iter::once(it.code.as_str())
                        .chain(t.iter().map(|(_, c)| c.as_str()))
                        .collect();
                    push(
                        format!("{}.equals", it.code),
                        ir::RuleKind::Equals,
                        &m.code,
                        me,
                        Op::Eq,
                        terms(t),
                        None,
                        self.tolerance(&codes),
                    );
                }
            }
        }
        for (ri, r) in d.rules.iter().enumerate() {
            if self.tables.get(Kind::Rule, &r.id) != Some(ri) {
                continue;
            }
            if let Some(Some(y)) = self.rule_years.get(ri) {
                out.push(self.year_rule(r, y));
                continue;
            }
            let Some(Some((l, op, rr))) = self.rule_terms.get(ri) else {
                continue;
            };
            let codes: Vec<&str> = l.iter().chain(rr.iter()).map(|(_, c)| c.as_str()).collect();
            let metric = codes
                .first()
                .map(|c| crate::model::metric_of_item(c).to_string())
                .unwrap_or_default();
            out.push(ir::Rule {
                id: r.id.clone(),
                kind: ir::RuleKind::Explicit,
                severity: match r.severity {
                    Some(crate::diag::Severity::Warning) => RuleSeverity::Warning,
                    _ => RuleSeverity::Error,
                },
                message: Some(r.message.as_ref().map(text).unwrap_or_default()),
                metric,
                lhs: terms(l),
                op: *op,
                rhs: terms(rr),
                tolerance: r.tolerance.unwrap_or_else(|| self.tolerance(&codes)),
                value_type: None,
                origin: ir::RuleOrigin::Explicit,
                last_year: Vec::new(),
                change: None,
                notes: r.notes.iter().map(rich).collect(),
            });
        }
        let _ = Target::Metric(0);
        out
    }

    /// A `change` or `balance` rule in the IR. A change compares this year's figure (`lhs`)
    /// with last year's (`last_year`); a balance states this year's stock (`lhs`) = last
    /// year's stock (`last_year`) + in − out (`rhs`).
    fn year_rule(&self, r: &model::ExplicitRule, y: &crate::formula::YearTerms) -> ir::Rule {
        use crate::formula::YearTerms;
        let (kind, lhs, rhs, last, change) = match y {
            YearTerms::Change(t) => (
                ir::RuleKind::Change,
                terms(t),
                Vec::new(),
                terms(t),
                Some(ir::ChangeLimit {
                    percent: r.percent.as_ref().map_or(0.0, |(p, _)| *p),
                    at_least: r.at_least.unwrap_or(0.0),
                }),
            ),
            YearTerms::Balance {
                stock,
                inflow,
                outflow,
            } => {
                let mut rhs = terms(inflow);
                rhs.extend(terms(outflow).into_iter().map(|t| Term {
                    code: t.code,
                    coef: -t.coef,
                }));
                (ir::RuleKind::Balance, terms(stock), rhs, terms(stock), None)
            }
        };
        let codes: Vec<&str> = lhs
            .iter()
            .chain(rhs.iter())
            .map(|t| t.code.as_str())
            .collect();
        let tolerance = r.tolerance.unwrap_or_else(|| self.tolerance(&codes));
        let metric = lhs
            .first()
            .map(|t| crate::model::metric_of_item(&t.code).to_string())
            .unwrap_or_default();
        ir::Rule {
            id: r.id.clone(),
            kind,
            severity: match (r.query, r.severity) {
                (true, _) => RuleSeverity::Query,
                (_, Some(crate::diag::Severity::Warning)) => RuleSeverity::Warning,
                _ => RuleSeverity::Error,
            },
            message: r.message.as_ref().map(text),
            metric,
            lhs,
            op: Op::Eq,
            rhs,
            tolerance,
            value_type: None,
            origin: ir::RuleOrigin::Explicit,
            last_year: last,
            change,
            notes: r.notes.iter().map(rich).collect(),
        }
    }
}

/// Decimal figures (whole-time equivalents) are compared within this tolerance.
pub const DECIMAL_TOLERANCE: f64 = 0.01;

fn provenance(p: &model::Provenance) -> ir::Provenance {
    ir::Provenance {
        kind: p.kind,
        from: p.from.iter().map(|r| r.name.clone()).collect(),
    }
}

fn ir_doc(x: &Doc) -> ir::Doc {
    ir::Doc {
        id: x.id.clone(),
        number: x.number.clone(),
        title: x
            .title
            .as_ref()
            .map(text)
            .unwrap_or_else(|| ir::Text::plain(&x.id)),
        text: orich(&x.text),
        sections: x.sections.iter().map(ir_doc).collect(),
    }
}
