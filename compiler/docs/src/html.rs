//! The HTML site: a page per chapter and per part, the reference pages, the technical annex's
//! pages, a search page, a stylesheet (with print and phone layouts) and a search index loaded
//! as a script, so that the site works opened from the file system with no server and no
//! network. Every page links to the downloads (the PDFs, the templates, the validation code).
//!
//! Invariant: the search index holds plain text and the search script shows it with
//! `textContent`, so spec text cannot become markup there either.

use super::markup;
use super::markup::Target;
use super::view::{code_anchor, Ctx, DownloadView, PageKind};
use super::{extra_page, pages, render, templates, DocFormat, Download, Guidance};
use pmf_ir::Artifacts;
use pmf_ir::{Ir, Lang, Rich, Text};
use serde::Serialize;

const STYLE: &str = include_str!("assets/style.css");
const SEARCH: &str = include_str!("assets/search.js");

pub fn site(ir: &Ir, lang: Lang, downloads: &[Download]) -> Result<Guidance, String> {
    let m = markup::Html;
    let cx = Ctx::new(ir, lang, &m);
    let (mut site, mut pages) = pages::build(&cx);
    let mut files = Artifacts::new();
    let mut known: Vec<(usize, &Download)> = downloads
        .iter()
        .filter_map(|d| {
            let name = d.href.rsplit('/').next().unwrap_or(&d.href);
            let key = download_label(name)?;
            Some((DOWNLOADS.iter().position(|k| *k == key)?, d))
        })
        .collect();
    known.sort_by_key(|(rank, _)| *rank);
    for (rank, d) in known {
        site.downloads.push(DownloadView {
            href: markup::html_escape(&d.href),
            label: cx.t(DOWNLOADS[rank]),
        });
        if let Some(bytes) = &d.bytes {
            files.insert(d.href.clone(), bytes.clone());
        }
    }
    // The search script writes the count where "§" is: the one place a number is filled in
    // after the page is made.
    site.t
        .insert("search_count".into(), cx.tf("search_count", &[("n", "§")]));
    cx.set_page("search");
    pages.push(extra_page(
        &cx,
        "search",
        PageKind::Search,
        "search_results",
    ));
    let tera = templates(DocFormat::Html)?;
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
    cx.check()?;
    Ok(Guidance {
        files,
        untranslated: cx.untranslated(),
    })
}

/// The downloads, in the order the site lists them (by the key of their label).
const DOWNLOADS: &[&str] = &[
    "download_pdf",
    "download_annex",
    "download_xlsx",
    "download_csv",
    "download_json",
    "download_schema",
    "download_validation_readme",
    "download_python",
    "download_sql",
];

/// The label of a download, by its file name; `None` for a file pmf does not make.
fn download_label(name: &str) -> Option<&'static str> {
    Some(match name {
        "guidance.pdf" | "guidance.cy.pdf" => "download_pdf",
        "annex.pdf" | "annex.cy.pdf" => "download_annex",
        n if n.ends_with(".xlsx") => "download_xlsx",
        n if n.ends_with(".schema.json") => "download_schema",
        n if n.ends_with(".csv") => "download_csv",
        n if n.ends_with(".json") => "download_json",
        n if n.ends_with(".py") => "download_python",
        n if n.ends_with(".sql") => "download_sql",
        "README.md" => "download_validation_readme",
        _ => return None,
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
        for n in &m.notes {
            x.push(' ');
            x.push_str(&rich_plain(cx, &Some(n.clone())));
        }
        if m.short.is_some() {
            x.push(' ');
            x.push_str(&text(cx, &m.wording));
        }
        out.push(Entry {
            c: m.code.clone(),
            t: super::cards::title(cx, m).1,
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
                    x: format!(
                        "{} {}",
                        text(cx, &m.wording),
                        i.notes
                            .iter()
                            .map(|n| rich_plain(cx, &Some(n.clone())))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
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
                "{} {} {}",
                cx.words().formula(&i.formula).plain(ir, cx.lang()),
                rich_plain(cx, &i.reading),
                i.notes
                    .iter()
                    .map(|n| rich_plain(cx, &Some(n.clone())))
                    .collect::<Vec<_>>()
                    .join(" ")
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
            u: format!("annex-identifiers.html#codelist-{}", c.id),
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
            u: format!("definitions.html#definition-{}", d.id),
            k: page_title("definitions"),
            x: rich_plain(cx, &d.text),
        });
    }
    for e in &ir.errata {
        out.push(Entry {
            c: e.id.clone(),
            t: text(cx, &e.reason),
            u: format!("annex-errata.html#erratum-{}", e.id),
            k: page_title("errata_title"),
            x: format!("{} {}", e.affects.join(" "), e.source_text.en),
        });
    }
    let json = serde_json::to_string(&out).unwrap_or_else(|_| "[]".into());
    format!("window.PMF_SEARCH_INDEX = {json};\n")
}
