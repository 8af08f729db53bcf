//! The published guidance, generated from the IR in three forms: a PDF (laid out by the typst
//! crate in-process), a static HTML site that works offline, and Markdown for reviewing
//! changes, in English or Welsh.
//!
//! The flow is the same for every format: `view` arranges the IR as pages in one language,
//! with text escaped by the format's `Markup`; tera templates (`templates/<format>/`) give it
//! its layout; the PDF's Typst source then goes through `pdf`.
//!
//! Invariants: reads only the IR; the same IR and language give byte-identical files; spec text
//! is never markup in any output; a Welsh build lists every text it had to show in English.

mod html;
mod i18n;
mod markup;
mod pages;
mod pdf;
mod view;

pub use view::Untranslated;

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

/// The file name of the PDF in `Guidance::files`.
pub const PDF_FILE: &str = "guidance.pdf";

/// Generates the guidance in one format and language.
pub fn generate(ir: &Ir, format: DocFormat, lang: Lang) -> Result<Guidance, String> {
    match format {
        DocFormat::Html => html::site(ir, lang),
        DocFormat::Markdown => markdown(ir, lang),
        DocFormat::Pdf => {
            let (source, untranslated) = typst_source(ir, lang)?;
            let pdf = pdf::compile(&source)?;
            let mut files = Artifacts::new();
            files.insert(PDF_FILE.into(), pdf);
            Ok(Guidance {
                files,
                untranslated,
            })
        }
    }
}

/// What `pmf build` writes under `generated/guidance/`: the English PDF, HTML site and Markdown.
pub fn artifacts(ir: &Ir) -> Result<Artifacts, String> {
    let mut out = Artifacts::new();
    for (format, dir) in [
        (DocFormat::Pdf, ""),
        (DocFormat::Html, "html/"),
        (DocFormat::Markdown, "md/"),
    ] {
        for (path, bytes) in generate(ir, format, Lang::En)?.files {
            out.insert(format!("guidance/{dir}{path}"), bytes);
        }
    }
    Ok(out)
}

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

/// The Markdown files: one per page (`index.md`, one per part, ...).
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

/// The Typst source of the PDF, and the texts it shows untranslated.
pub fn typst_source(ir: &Ir, lang: Lang) -> Result<(String, Vec<Untranslated>), String> {
    let m = markup::Typst;
    let cx = Ctx::new(ir, lang, &m);
    let (site, pages) = pages::build(&cx);
    let tera = templates(DocFormat::Pdf)?;
    let index = pages
        .iter()
        .find(|p| p.kind == "index")
        .ok_or("the guidance has no title page")?;
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
    let description = match &ir.edition.framework {
        Some(f) => format!("{}: {}", cx.plain(f), cx.plain(&ir.edition.title)),
        None => cx.plain(&ir.edition.title),
    };
    extra.insert("description", m.plain(&description));
    let mut c = tera::Context::new();
    c.insert("site", &site);
    c.insert("t", &site.t);
    c.insert("pages", &pages);
    c.insert("page_index", index);
    c.insert("extra", &extra);
    let source = render(&tera, "guidance.typ", &c)?;
    Ok((source, cx.untranslated()))
}

/// A page of a kind the plan does not hold (the search page of the HTML site).
fn extra_page(cx: &Ctx, id: &str, kind: PageKind, title_key: &str) -> view::PageView {
    let plan = PagePlan {
        id: id.into(),
        kind,
    };
    pages::blank(cx, &plan, cx.t(title_key), cx.s.get(title_key))
}
