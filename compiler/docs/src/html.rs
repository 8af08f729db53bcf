//! The HTML site: a page per chapter and per part, the reference pages, a search page, a
//! stylesheet (with print rules) and a search index loaded as a script, so that the site works
//! opened from the file system with no server and no network.
//!
//! Invariant: the search index holds plain text and the search script shows it with
//! `textContent`, so spec text cannot become markup there either.

use super::markup;
use super::markup::Target;
use super::view::{code_anchor, Ctx, PageKind};
use super::{extra_page, pages, render, templates, DocFormat, Guidance};
use pmf_ir::Artifacts;
use pmf_ir::{Ir, Lang, Rich, Text};
use serde::Serialize;

const STYLE: &str = include_str!("assets/style.css");
const SEARCH: &str = include_str!("assets/search.js");

pub fn site(ir: &Ir, lang: Lang) -> Result<Guidance, String> {
    let m = markup::Html;
    let cx = Ctx::new(ir, lang, &m);
    let (site, mut pages) = pages::build(&cx);
    cx.set_page("search");
    pages.push(extra_page(
        &cx,
        "search",
        PageKind::Search,
        "search_results",
    ));
    let tera = templates(DocFormat::Html)?;
    let mut files = Artifacts::new();
    for page in &pages {
        let mut c = tera::Context::new();
        c.insert("site", &site);
        c.insert("t", &site.t);
        c.insert("page", page);
        let html = render(&tera, "page.html", &c)?;
        files.insert(format!("{}.html", page.id), tidy(&html).into_bytes());
    }
    files.insert("assets/style.css".into(), STYLE.as_bytes().to_vec());
    files.insert("assets/search.js".into(), SEARCH.as_bytes().to_vec());
    files.insert(
        "assets/search-index.js".into(),
        search_index(&cx).into_bytes(),
    );
    Ok(Guidance {
        files,
        untranslated: cx.untranslated(),
    })
}

/// Drops the blank lines the templates leave, so pages diff cleanly.
fn tidy(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for line in html.lines() {
        if line.trim().is_empty() {
            continue;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One thing the search finds.
#[derive(Serialize)]
struct Entry {
    /// The code, if it has one.
    c: String,
    /// The title shown.
    t: String,
    /// The link.
    u: String,
    /// What it is and where ("Adults' Performance Metrics").
    k: String,
    /// More text that matches but is not shown.
    x: String,
}

fn url(t: &Target) -> String {
    format!("{}.html#{}", t.page, t.anchor)
}

fn rich_plain(cx: &Ctx, r: &Option<Rich>) -> String {
    r.as_ref()
        .map(|r| pmf_ir::rich::plain_blocks(r.blocks(cx.lang())))
        .unwrap_or_default()
}

fn text(cx: &Ctx, t: &Text) -> String {
    cx.plain(t)
}

/// The search index as a script that sets `window.PMF_SEARCH_INDEX`: a script rather than a
/// JSON file because a page opened from the file system may not fetch files beside it.
fn search_index(cx: &Ctx) -> String {
    let ir = cx.ir;
    let mut out: Vec<Entry> = Vec::new();
    let part_title = |id: &Option<String>| {
        id.as_deref()
            .and_then(|p| ir.part(p))
            .map(|p| match &p.number {
                Some(n) => format!("{n} {}", text(cx, &p.title)),
                None => text(cx, &p.title),
            })
            .unwrap_or_default()
    };
    for m in &ir.metrics {
        let Some(t) = cx.targets.get(&m.code) else {
            continue;
        };
        let mut x = rich_plain(cx, &m.rationale);
        for r in [&m.includes, &m.excludes, &m.counting] {
            x.push(' ');
            x.push_str(&rich_plain(cx, r));
        }
        out.push(Entry {
            c: m.code.clone(),
            t: text(cx, &m.wording),
            u: url(t),
            k: part_title(&m.part),
            x,
        });
        for i in &m.items {
            if let Some(t) = cx.targets.get(&i.code) {
                out.push(Entry {
                    c: i.code.clone(),
                    t: text(cx, &i.wording),
                    u: url(t),
                    k: part_title(&m.part),
                    x: text(cx, &m.wording),
                });
            }
        }
    }
    let page_title = |key: &str| cx.s.get(key);
    for i in &ir.indicators {
        out.push(Entry {
            c: i.code.clone(),
            t: text(cx, &i.title),
            u: format!("indicators.html#{}", code_anchor(&i.code)),
            k: page_title("indicators_title"),
            x: format!(
                "{} {}",
                i.formula_text,
                cx.words().formula(&i.formula).plain(ir, cx.lang())
            ),
        });
    }
    let mut docs: Vec<&pmf_ir::Doc> = ir.docs.iter().collect();
    while let Some(d) = docs.pop() {
        if let Some(t) = cx.targets.get(&format!("doc:{}", d.id)) {
            out.push(Entry {
                c: String::new(),
                t: match &d.number {
                    Some(n) => format!("{n} {}", text(cx, &d.title)),
                    None => text(cx, &d.title),
                },
                u: url(t),
                k: text(cx, &ir.edition.title),
                x: rich_plain(cx, &d.text),
            });
        }
        docs.extend(d.sections.iter());
    }
    for g in &ir.groups {
        if let Some(t) = cx.targets.get(&format!("group:{}", g.id)) {
            out.push(Entry {
                c: String::new(),
                t: text(cx, &g.title),
                u: url(t),
                k: part_title(&Some(g.part.clone())),
                x: String::new(),
            });
        }
    }
    for c in &ir.codelists {
        out.push(Entry {
            c: String::new(),
            t: text(cx, &c.title),
            u: format!("codelists.html#codelist-{}", c.id),
            k: page_title("codelists_title"),
            x: c.entries
                .iter()
                .map(|e| text(cx, &e.label))
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    for i in &ir.instruments {
        out.push(Entry {
            c: String::new(),
            t: text(cx, &i.title),
            u: format!("instruments.html#instrument-{}", i.id),
            k: page_title("instruments_title"),
            x: i.short.as_ref().map(|s| text(cx, s)).unwrap_or_default(),
        });
    }
    for d in &ir.definitions {
        out.push(Entry {
            c: String::new(),
            t: text(cx, &d.term),
            u: format!("reference.html#definition-{}", d.id),
            k: page_title("definitions"),
            x: rich_plain(cx, &d.text),
        });
    }
    for e in &ir.errata {
        out.push(Entry {
            c: e.id.clone(),
            t: text(cx, &e.reason),
            u: format!("errata.html#erratum-{}", e.id),
            k: page_title("errata_title"),
            x: format!("{} {}", e.affects.join(" "), e.source_text.en),
        });
    }
    let json = serde_json::to_string(&out).unwrap_or_else(|_| "[]".into());
    format!("window.PMF_SEARCH_INDEX = {json};\n")
}
