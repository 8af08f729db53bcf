//! The published guidance, generated from the IR in three forms: a PDF (laid out by the typst
//! crate in-process), a static HTML site that works offline, and Markdown for reviewing
//! changes, in English or Welsh.
//!
//! Two documents come from the same IR: the guidance, for the local authorities that make the
//! return (the chapters, how to complete the return, the parts with a table and a card per
//! metric, the indicators, definitions, legal instruments, corrections), and the technical
//! annex, for the spec's editors (errata with the text as printed, notes about the printed
//! text, accepted warnings, rules, lists and identifiers). `editorial` decides which is which.
//! The PDFs are two files; the site and the Markdown hold both.
//!
//! The flow is the same for every format: `view` arranges the IR as pages in one language,
//! with text escaped by the format's `Markup` (`pages`, `cards` and `annex` build them);
//! tera templates (`templates/<format>/`) give it its layout; the PDF's Typst source then goes
//! through `pdf`.
//!
//! Invariants: reads only the IR; the same IR and language give byte-identical files; spec text
//! is never markup in any output; a Welsh build lists every text it had to show in English;
//! a fixed string's placeholder left unfilled, or a key not in the table, fails the build.

mod annex;
mod cards;
mod counting;
mod editorial;
mod html;
mod i18n;
mod markup;
mod pages;
mod pdf;
mod view;

pub use view::{Document, Untranslated};

/// What other back ends that lay out a PDF (the reports) share with the guidance: Typst's
/// escapes for text, and the in-process typesetter with the shipped fonts (tagged PDF/UA-1, no
/// file or network read, no date).
pub mod typeset {
    pub use crate::markup::{typst_escape as escape, typst_string as string};
    pub use crate::pdf::compile;
}

use markup::Markup;
use pmf_ir::Artifacts;
use pmf_ir::{Ir, Lang};
use std::collections::BTreeMap;
use tera::Tera;
use view::{Ctx, PageKind, PagePlan};

/// The three forms of the guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    Pdf,
    Html,
    Markdown,
}

/// A generated guidance: its files (relative path → bytes) and the texts shown in English in
/// a Welsh guidance.
#[derive(Debug, Default)]
pub struct Guidance {
    pub files: Artifacts,
    pub untranslated: Vec<Untranslated>,
}

/// The file name of the guidance's PDF in `Guidance::files`.
pub const PDF_FILE: &str = "guidance.pdf";
/// The file name of the technical annex's PDF.
pub const ANNEX_FILE: &str = "annex.pdf";

/// Generates the guidance in one format and language. The PDF is the guidance alone (the annex
/// is `annex`); the HTML site and the Markdown hold the annex's pages too. The site made here
/// has no downloads: `site` adds them.
pub fn generate(ir: &Ir, format: DocFormat, lang: Lang) -> Result<Guidance, String> {
    match format {
        DocFormat::Html => html::site(ir, lang, &[]),
        DocFormat::Markdown => markdown(ir, lang),
        DocFormat::Pdf => pdf_of(ir, lang, Document::Guidance),
    }
}

/// The technical annex as a PDF (`annex.pdf`): errata with the text as printed, the notes
/// about the printed text, accepted warnings, the rules and the identifiers.
pub fn annex(ir: &Ir, lang: Lang) -> Result<Guidance, String> {
    pdf_of(ir, lang, Document::Annex)
}

/// A file linked from every page of the site: its path relative to the site, and its bytes
/// when the site is to hold it (when they are `None` the file is expected at that path).
pub struct Download {
    pub href: String,
    pub bytes: Option<Vec<u8>>,
}

/// The HTML site with links to downloads on every page (the PDFs, the templates, the
/// validation code). A file whose name pmf does not know is not linked.
pub fn site(ir: &Ir, lang: Lang, downloads: &[Download]) -> Result<Guidance, String> {
    html::site(ir, lang, downloads)
}

fn pdf_of(ir: &Ir, lang: Lang, doc: Document) -> Result<Guidance, String> {
    let (source, untranslated) = typst_document(ir, lang, doc)?;
    let pdf = pdf::compile(&source)?;
    let mut files = Artifacts::new();
    let name = match doc {
        Document::Guidance => PDF_FILE,
        Document::Annex => ANNEX_FILE,
    };
    files.insert(name.into(), pdf);
    Ok(Guidance {
        files,
        untranslated,
    })
}

/// The PDFs of the guidance and of the annex (`guidance.pdf`, `annex.pdf`), laid out at the
/// same time on two threads.
pub fn downloads(ir: &Ir, lang: Lang) -> Result<Artifacts, String> {
    let (guidance, annex) = std::thread::scope(|s| {
        let annex = s.spawn(|| pdf_of(ir, lang, Document::Annex));
        let guidance = pdf_of(ir, lang, Document::Guidance);
        let annex = annex
            .join()
            .unwrap_or_else(|_| Err("the annex's layout stopped".to_string()));
        (guidance, annex)
    });
    let mut out = guidance?.files;
    out.extend(annex?.files);
    Ok(out)
}

/// What `pmf build` writes under `generated/guidance/`: the English PDFs of the guidance and
/// the annex, the HTML site (linking to them and to the templates and validation code that
/// `pmf build` writes beside it) and the Markdown.
pub fn artifacts(ir: &Ir) -> Result<Artifacts, String> {
    let mut out = Artifacts::new();
    for (path, bytes) in downloads(ir, Lang::En)? {
        out.insert(format!("guidance/{path}"), bytes);
    }
    let beside: Vec<Download> = BUILD_DOWNLOADS
        .iter()
        .map(|h| Download {
            href: h.to_string(),
            bytes: None,
        })
        .collect();
    for (path, bytes) in html::site(ir, Lang::En, &beside)?.files {
        out.insert(format!("guidance/html/{path}"), bytes);
    }
    for (path, bytes) in markdown(ir, Lang::En)?.files {
        out.insert(format!("guidance/md/{path}"), bytes);
    }
    Ok(out)
}

/// Where `pmf build` puts the files the site links to, relative to `guidance/html/`.
const BUILD_DOWNLOADS: &[&str] = &[
    "../guidance.pdf",
    "../annex.pdf",
    "../../templates/submission-template.xlsx",
    "../../templates/submission-template.csv",
    "../../templates/submission-template.json",
    "../../templates/submission.schema.json",
    "../../validation/pmf_validate.py",
    "../../validation/pmf_validation.sql",
    "../../validation/README.md",
];

/// The templates of one format, compiled in.
fn templates(format: DocFormat) -> Result<Tera, String> {
    let mut tera = Tera::default();
    // Everything the templates print is already markup (see `markup.rs`).
    tera.autoescape_on(vec![]);
    let list: Vec<(&str, &str)> = match format {
        DocFormat::Html => vec![
            ("layout.html", include_str!("templates/html/layout.html")),
            ("macros.html", include_str!("templates/html/macros.html")),
            ("page.html", include_str!("templates/html/page.html")),
        ],
        DocFormat::Markdown => vec![
            ("macros.md", include_str!("templates/md/macros.md")),
            ("page.md", include_str!("templates/md/page.md")),
        ],
        DocFormat::Pdf => vec![
            ("macros.typ", include_str!("templates/typ/macros.typ")),
            ("guidance.typ", include_str!("templates/typ/guidance.typ")),
        ],
    };
    tera.add_raw_templates(list)
        .map_err(|e| format!("the {format:?} templates do not parse: {}", tera_error(&e)))?;
    Ok(tera)
}

/// A tera error with its causes (tera's own message is only the outermost).
fn tera_error(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut cur = std::error::Error::source(e);
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<String, String> {
    tera.render(name, context)
        .map_err(|e| format!("cannot render {name}: {}", tera_error(&e)))
}

/// The Markdown files: one per page (`index.md`, one per part, ..., the annex's pages).
fn markdown(ir: &Ir, lang: Lang) -> Result<Guidance, String> {
    let m = markup::Markdown;
    let cx = Ctx::new(ir, lang, &m);
    let (site, pages) = pages::build(&cx);
    let tera = templates(DocFormat::Markdown)?;
    let mut files = Artifacts::new();
    for page in &pages {
        let mut c = tera::Context::new();
        c.insert("site", &site);
        c.insert("t", &site.t);
        c.insert("page", page);
        let text = render(&tera, "page.md", &c)?;
        files.insert(format!("{}.md", page.id), tidy_markdown(&text).into_bytes());
    }
    cx.check()?;
    Ok(Guidance {
        files,
        untranslated: cx.untranslated(),
    })
}

/// Removes the blank lines templates leave in runs, and trailing spaces, so the files diff
/// cleanly; ends with one newline.
fn tidy_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The Typst source of the guidance's PDF, and the texts it shows untranslated.
pub fn typst_source(ir: &Ir, lang: Lang) -> Result<(String, Vec<Untranslated>), String> {
    typst_document(ir, lang, Document::Guidance)
}

/// The Typst source of the annex's PDF.
pub fn typst_annex_source(ir: &Ir, lang: Lang) -> Result<(String, Vec<Untranslated>), String> {
    typst_document(ir, lang, Document::Annex)
}

fn typst_document(
    ir: &Ir,
    lang: Lang,
    doc: Document,
) -> Result<(String, Vec<Untranslated>), String> {
    let m = markup::Typst;
    let cx = Ctx::split(ir, lang, &m);
    let (site, pages) = pages::build(&cx);
    let tera = templates(DocFormat::Pdf)?;
    let index = pages
        .iter()
        .find(|p| p.kind == "index")
        .ok_or("the guidance has no cover")?;
    let pages: Vec<&view::PageView> = pages.iter().filter(|p| p.document == doc).collect();
    let mut extra = BTreeMap::new();
    extra.insert(
        "footer",
        cx.tf(
            "footer_page",
            &[
                ("n", "#counter(page).display()"),
                ("total", "#counter(page).final().first()"),
            ],
        ),
    );
    extra.insert("continued", cx.tf("continued", &[("title", "#it")]));
    let title = match doc {
        Document::Guidance => cx.plain(&ir.edition.title),
        Document::Annex => cx.tf_plain(
            "annex_document_title",
            &[("title", &cx.plain(&ir.edition.title))],
        ),
    };
    extra.insert("document_title", m.plain(&title));
    let description = match &ir.edition.framework {
        Some(f) => format!("{}: {title}", cx.plain(f)),
        None => title.clone(),
    };
    extra.insert("description", m.plain(&description));
    let mut c = tera::Context::new();
    c.insert("site", &site);
    c.insert("t", &site.t);
    c.insert("pages", &pages);
    c.insert("page_index", index);
    c.insert("document", &doc);
    c.insert("extra", &extra);
    let source = render(&tera, "guidance.typ", &c)?;
    cx.check()?;
    Ok((source, cx.untranslated()))
}

/// A page of a kind the plan does not hold (the search page of the HTML site).
fn extra_page(cx: &Ctx, id: &str, kind: PageKind, title_key: &str) -> view::PageView {
    let plan = PagePlan {
        id: id.into(),
        kind,
    };
    pages::blank(cx, &plan, cx.t(title_key), cx.fixed(title_key))
}
