//! The PDF guidance: the Typst source made by the `typ` template is laid out by the typst crate
//! in this process, with fonts shipped inside pmf, and written as a tagged PDF (PDF/UA-1).
//!
//! Invariants: nothing is read from the file system or the network (the world holds one source
//! file and the compiled-in fonts); there is no date, so the same source gives the same bytes.

use std::sync::OnceLock;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// The fonts of the guidance: Liberation Sans (metric-compatible with Arial, the face of the
/// printed guidance), then the typst-assets fonts as fallbacks for any other character.
const SHIPPED: [&[u8]; 4] = [
    include_bytes!("fonts/LiberationSans-Regular.ttf"),
    include_bytes!("fonts/LiberationSans-Bold.ttf"),
    include_bytes!("fonts/LiberationSans-Italic.ttf"),
    include_bytes!("fonts/LiberationSans-BoldItalic.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsed once per process: the font files are large and never change.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = SHIPPED
            .iter()
            .copied()
            .chain(typst_assets::fonts())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        Fonts {
            book: LazyHash::new(book),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// A world of one file.
struct GuidanceWorld {
    main: Source,
}

impl World for GuidanceWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            ))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            ))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // No date: the PDF must be the same whenever it is built.
        None
    }
}

/// Lays out the Typst source and writes the PDF. An error names the Typst line, which is a
/// fault of the template (spec text is escaped and cannot cause one).
pub fn compile(source: &str) -> Result<Vec<u8>, String> {
    let path = VirtualPath::new("guidance.typ").map_err(|e| format!("{e:?}"))?;
    let id = RootedPath::new(VirtualRoot::Project, path).intern();
    let world = GuidanceWorld {
        main: Source::new(id, source.to_string()),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned
        .output
        .map_err(|errors| describe(&world, source, &errors))?;
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("pmf".into())),
        timestamp: None,
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| e.message().to_string())?,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| describe(&world, source, &errors))
}

fn describe(world: &GuidanceWorld, source: &str, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|e| {
            let at = typst::WorldExt::range(world, e.span)
                .map(|r| {
                    let line = source[..r.start.min(source.len())].matches('\n').count() + 1;
                    let text: String = source[r.start.min(source.len())..]
                        .chars()
                        .take_while(|c| *c != '\n')
                        .take(60)
                        .collect();
                    format!(" at line {line} of the typst source: `{text}`")
                })
                .unwrap_or_default();
            format!("typst: {}{at}", e.message)
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join("\n")
}
