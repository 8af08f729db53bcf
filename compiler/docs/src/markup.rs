//! Escaping and small markup for the three output formats (HTML, Markdown, Typst).
//!
//! Invariant: spec text reaches a template only through `Markup::esc`, so every character of
//! it means itself in the output. Templates receive finished markup and never escape (tera's
//! autoescape is off); whatever they print that is not from here is the templates' own markup.

use pmf_ir::Lang;

/// Where a definition is: the page (file stem) and the anchor on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub page: String,
    pub anchor: String,
}

/// The markup of one output format.
pub trait Markup {
    /// Plain text as inline markup that shows exactly these characters.
    fn esc(&self, s: &str) -> String;
    fn emph(&self, inner: &str) -> String;
    fn strong(&self, inner: &str) -> String;
    /// A link around `inner` to a definition, from the page `here`.
    fn link(&self, inner: &str, to: &Target, here: &str) -> String;
    fn paragraph(&self, inner: &str) -> String;
    fn bullets(&self, items: &[String]) -> String;
    fn quote(&self, inner: &str) -> String;
    /// Blocks one after another.
    fn blocks(&self, blocks: &[String]) -> String;
    /// Marks text in another language than the page's (English shown in a Welsh page).
    fn foreign(&self, lang: Lang, inner: &str, block: bool) -> String;
    /// Text for a place that holds only plain text: an HTML `<title>` or attribute, a Typst
    /// string literal (quotes included).
    fn plain(&self, s: &str) -> String;
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Cy => "cy",
    }
}

/// HTML: text is escaped for element content and attribute values alike.
pub struct Html;

/// Escapes text for HTML content or a quoted attribute.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

impl Markup for Html {
    fn esc(&self, s: &str) -> String {
        html_escape(s)
    }
    fn emph(&self, inner: &str) -> String {
        format!("<em>{inner}</em>")
    }
    fn strong(&self, inner: &str) -> String {
        format!("<strong>{inner}</strong>")
    }
    fn link(&self, inner: &str, to: &Target, here: &str) -> String {
        if to.page == here {
            format!("<a href=\"#{}\">{inner}</a>", html_escape(&to.anchor))
        } else {
            format!(
                "<a href=\"{}.html#{}\">{inner}</a>",
                html_escape(&to.page),
                html_escape(&to.anchor)
            )
        }
    }
    fn paragraph(&self, inner: &str) -> String {
        format!("<p>{inner}</p>")
    }
    fn bullets(&self, items: &[String]) -> String {
        let mut s = String::from("<ul>");
        for i in items {
            s.push_str("<li>");
            s.push_str(i);
            s.push_str("</li>");
        }
        s.push_str("</ul>");
        s
    }
    fn quote(&self, inner: &str) -> String {
        format!("<blockquote><p>{inner}</p></blockquote>")
    }
    fn blocks(&self, blocks: &[String]) -> String {
        blocks.join("\n")
    }
    fn foreign(&self, lang: Lang, inner: &str, block: bool) -> String {
        let tag = if block { "div" } else { "span" };
        format!("<{tag} lang=\"{}\">{inner}</{tag}>", lang_code(lang))
    }
    fn plain(&self, s: &str) -> String {
        html_escape(s)
    }
}

/// Markdown (CommonMark with GitHub tables): every character that could start markup is
/// backslash-escaped, and so are the characters that start a block at the start of a line.
pub struct Markdown;

pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '$' | '~' | '!'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // A text may start a line: a list or heading marker there must stay text.
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            // `1.` or `1)` followed by a space starts an ordered list; `5.1` does not.
            '.' | ')'
                if at_start_digits(&chars, i)
                    && chars.get(i + 1).is_none_or(|c| c.is_whitespace()) =>
            {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `chars[..i]` is a run of digits at the start (an ordered-list marker would follow).
fn at_start_digits(chars: &[char], i: usize) -> bool {
    i > 0 && chars[..i].iter().all(|c| c.is_ascii_digit())
}

impl Markup for Markdown {
    fn esc(&self, s: &str) -> String {
        md_escape(s)
    }
    fn emph(&self, inner: &str) -> String {
        format!("*{inner}*")
    }
    fn strong(&self, inner: &str) -> String {
        format!("**{inner}**")
    }
    fn link(&self, inner: &str, to: &Target, here: &str) -> String {
        if to.page == here {
            format!("[{inner}](#{})", to.anchor)
        } else {
            format!("[{inner}]({}.md#{})", to.page, to.anchor)
        }
    }
    fn paragraph(&self, inner: &str) -> String {
        inner.to_string()
    }
    fn bullets(&self, items: &[String]) -> String {
        items
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
    fn quote(&self, inner: &str) -> String {
        format!("> {inner}")
    }
    fn blocks(&self, blocks: &[String]) -> String {
        blocks.join("\n\n")
    }
    fn foreign(&self, _lang: Lang, inner: &str, _block: bool) -> String {
        inner.to_string()
    }
    fn plain(&self, s: &str) -> String {
        md_escape(s)
    }
}

/// Typst markup: every ASCII punctuation character of spec text is backslash-escaped, which
/// Typst reads as that character, so no text can open a function call (`#`), math (`$`), a
/// label (`<`), a reference (`@`), emphasis, a comment or a list.
pub struct Typst;

pub fn typst_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            // Characters Typst would not show (controls) are dropped rather than passed on.
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

/// A Typst string literal (`"..."`) holding exactly `s`.
pub fn typst_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Markup for Typst {
    fn esc(&self, s: &str) -> String {
        typst_escape(s)
    }
    fn emph(&self, inner: &str) -> String {
        format!("#emph[{inner}]")
    }
    fn strong(&self, inner: &str) -> String {
        format!("#strong[{inner}]")
    }
    fn link(&self, inner: &str, to: &Target, _here: &str) -> String {
        format!("#link(<{}>)[{inner}]", to.anchor)
    }
    fn paragraph(&self, inner: &str) -> String {
        inner.to_string()
    }
    fn bullets(&self, items: &[String]) -> String {
        items
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
    fn quote(&self, inner: &str) -> String {
        format!("#quote(block: true)[{inner}]")
    }
    fn blocks(&self, blocks: &[String]) -> String {
        blocks.join("\n\n")
    }
    fn foreign(&self, lang: Lang, inner: &str, _block: bool) -> String {
        format!("#text(lang: \"{}\")[{inner}]", lang_code(lang))
    }
    fn plain(&self, s: &str) -> String {
        typst_string(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<script>alert(1)</script> # $x$ *a* _b_ @ref \\ `c` [l](u) | ~ {}";

    #[test]
    fn html_escapes_what_html_reads() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }

    #[test]
    fn markdown_escapes_markup_and_line_starts() {
        assert_eq!(
            md_escape(HOSTILE),
            "\\<script\\>alert(1)\\</script\\> \\# \\$x\\$ \\*a\\* \\_b\\_ @ref \\\\ \\`c\\` \\[l\\](u) \\| \\~ \\{\\}"
        );
        assert_eq!(md_escape("- item"), "\\- item");
        assert_eq!(md_escape("12. not a list"), "12\\. not a list");
        assert_eq!(md_escape("75.0"), "75.0");
        assert_eq!(md_escape("Well-being 2019."), "Well-being 2019.");
        assert_eq!(md_escape(" after a link"), " after a link");
    }

    #[test]
    fn typst_escapes_every_punctuation_character() {
        assert_eq!(typst_escape("a#b $c$ @d"), "a\\#b \\$c\\$ \\@d");
        assert_eq!(typst_escape("x\\y\nz"), "x\\\\y z");
        assert_eq!(typst_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
