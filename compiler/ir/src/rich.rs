//! Rich text: the small markup of long texts (paragraphs, bullets, quotations, emphasis, code
//! mentions), parsed once into blocks so that every generator renders the same structure and
//! escapes plain text for its own format.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        text: String,
    },
    Strong {
        text: String,
    },
    /// A metric or item code mentioned in the text; generators link it to its definition.
    Code {
        code: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph { content: Vec<Inline> },
    Bullets { items: Vec<Vec<Inline>> },
    Quote { content: Vec<Inline> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rich {
    pub en: Vec<Block>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cy: Option<Vec<Block>>,
}

impl Rich {
    pub fn parse(en: &str, cy: Option<&str>) -> Rich {
        Rich {
            en: parse(en),
            cy: cy.map(parse),
        }
    }

    pub fn blocks(&self, lang: super::Lang) -> &[Block] {
        match (lang, &self.cy) {
            (super::Lang::Cy, Some(cy)) => cy,
            _ => &self.en,
        }
    }

    /// The text without markup, paragraphs separated by blank lines.
    pub fn plain(&self) -> String {
        plain_blocks(&self.en)
    }

    /// The same in `lang` (English where the text has no Welsh).
    pub fn plain_in(&self, lang: super::Lang) -> String {
        plain_blocks(self.blocks(lang))
    }
}

pub fn plain_blocks(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Quote { content } => {
                out.push(plain_inlines(content))
            }
            Block::Bullets { items } => out.push(
                items
                    .iter()
                    .map(|i| format!("- {}", plain_inlines(i)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
    out.join("\n\n")
}

pub fn plain_inlines(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } | Inline::Emphasis { text } | Inline::Strong { text } => {
                text.as_str()
            }
            Inline::Code { code } => code.as_str(),
        })
        .collect()
}

enum Line<'a> {
    Blank,
    Bullet(&'a str),
    Quote(&'a str),
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    for marker in ["- ", "• ", "· "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Line::Bullet(rest.trim());
        }
    }
    if let Some(rest) = t.strip_prefix("> ") {
        return Line::Quote(rest.trim());
    }
    if t == ">" {
        return Line::Quote("");
    }
    Line::Text(t)
}

/// Parses rich text into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut quote: Vec<&str> = Vec::new();
    let mut bullets: Vec<Vec<&str>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>,
                 para: &mut Vec<&str>,
                 quote: &mut Vec<&str>,
                 bullets: &mut Vec<Vec<&str>>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph {
                content: inlines(&para.join(" ")),
            });
            para.clear();
        }
        if !quote.is_empty() {
            blocks.push(Block::Quote {
                content: inlines(&quote.join(" ")),
            });
            quote.clear();
        }
        if !bullets.is_empty() {
            blocks.push(Block::Bullets {
                items: bullets.iter().map(|b| inlines(&b.join(" "))).collect(),
            });
            bullets.clear();
        }
    };
    for line in text.lines() {
        match classify(line) {
            Line::Blank => flush(&mut blocks, &mut para, &mut quote, &mut bullets),
            Line::Bullet(rest) => {
                if !para.is_empty() || !quote.is_empty() {
                    let mut keep = std::mem::take(&mut bullets);
                    flush(&mut blocks, &mut para, &mut quote, &mut Vec::new());
                    std::mem::swap(&mut bullets, &mut keep);
                }
                bullets.push(vec![rest]);
            }
            Line::Quote(rest) => {
                if !para.is_empty() || !bullets.is_empty() {
                    flush(&mut blocks, &mut para, &mut Vec::new(), &mut bullets);
                }
                quote.push(rest);
            }
            Line::Text(t) => {
                if let Some(last) = bullets.last_mut() {
                    // An indented line under a bullet continues it.
                    if line.starts_with([' ', '\t']) {
                        last.push(t);
                        continue;
                    }
                }
                if !bullets.is_empty() || !quote.is_empty() {
                    flush(&mut blocks, &mut Vec::new(), &mut quote, &mut bullets);
                }
                para.push(t);
            }
        }
    }
    flush(&mut blocks, &mut para, &mut quote, &mut bullets);
    blocks
}

/// Parses emphasis, escapes and code mentions in one paragraph.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Inline> = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    let push_text = |out: &mut Vec<Inline>, buf: &mut String| {
        if !buf.is_empty() {
            out.push(Inline::Text {
                text: std::mem::take(buf),
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && matches!(chars.get(i + 1), Some('*') | Some('\\')) {
            buf.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' {
            let strong = chars.get(i + 1) == Some(&'*');
            let open = if strong { 2 } else { 1 };
            if let Some(end) = find_close(&chars, i + open, strong) {
                let inner: String = chars[i + open..end].iter().collect();
                let inner = unescape(&inner);
                push_text(&mut out, &mut buf);
                out.push(if strong {
                    Inline::Strong { text: inner }
                } else {
                    Inline::Emphasis { text: inner }
                });
                i = end + open;
                continue;
            }
        }
        if c.is_ascii_uppercase() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            if let Some(len) = code_at(&chars[i..]) {
                push_text(&mut out, &mut buf);
                out.push(Inline::Code {
                    code: chars[i..i + len].iter().collect(),
                });
                i += len;
                continue;
            }
        }
        buf.push(c);
        i += 1;
    }
    push_text(&mut out, &mut buf);
    out
}

fn unescape(s: &str) -> String {
    s.replace("\\*", "*").replace("\\\\", "\\")
}

/// The closing `*` (or `**`) of an emphasis opened just before `start`: the content must not
/// be empty or start or end with a space.
fn find_close(chars: &[char], start: usize, strong: bool) -> Option<usize> {
    if chars
        .get(start)
        .is_none_or(|c| c.is_whitespace() || *c == '*')
    {
        return None;
    }
    let mut j = start;
    while j < chars.len() {
        if chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == '*' {
            let is_double = chars.get(j + 1) == Some(&'*');
            if strong == is_double && !chars[j - 1].is_whitespace() {
                return Some(j);
            }
            if is_double {
                j += 2;
                continue;
            }
        }
        j += 1;
    }
    None
}

/// The length of a metric or item code at the start of `chars`: 2-5 capitals, `/`, three digits,
/// an optional lower-case letter, and no letter or digit after.
pub fn code_at(chars: &[char]) -> Option<usize> {
    let caps = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(2..=5).contains(&caps) || chars.get(caps) != Some(&'/') {
        return None;
    }
    let d0 = caps + 1;
    let digits = chars[d0..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits != 3 {
        return None;
    }
    let mut len = d0 + 3;
    if chars.get(len).is_some_and(|c| c.is_ascii_lowercase()) {
        len += 1;
    }
    if chars.get(len).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(len)
}

/// Every code mentioned in a text, with its byte offset: what `code_at` accepts at a word
/// boundary. Every code has a `/`, so the text is searched for those (with memchr) and each is
/// looked at on both sides; most texts of a large spec mention no code, and this runs on all.
pub fn code_mentions(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for slash in memchr::memchr_iter(b'/', b) {
        let caps = b[..slash]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if !(2..=5).contains(&caps) {
            continue;
        }
        let start = slash - caps;
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let digits = b[slash + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits != 3 {
            continue;
        }
        let mut end = slash + 4;
        if b.get(end).is_some_and(u8::is_ascii_lowercase) {
            end += 1;
        }
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        out.push((start, text[start..end].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `code_mentions` as first written, over characters: the definition the fast one keeps.
    fn code_mentions_by_chars(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let only: Vec<char> = chars.iter().map(|(_, c)| *c).collect();
        let mut i = 0;
        while i < only.len() {
            if only[i].is_ascii_uppercase() && (i == 0 || !only[i - 1].is_alphanumeric()) {
                if let Some(len) = code_at(&only[i..]) {
                    out.push((chars[i].0, only[i..i + len].iter().collect()));
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    #[test]
    fn code_mentions_agree_with_the_definition() {
        let cases = [
            "see AD/002a, AD/003 and (CH/026). AD/001/BC/002 xAD/001 ÉAD/001 AD/001é",
            "ABCDEF/001 ABCDE/001 A/001 AD/0012 AD/01 AD/001ab AD/001a. PI/AD/01 éé/ //AD/001",
            "AD/001",
            "/",
            "",
            "AD/",
            "AD/00",
            "ÀD/001 ₂AD/001 AD/001₂ ²AD/001 AD/001²",
        ];
        for c in cases {
            assert_eq!(code_mentions(c), code_mentions_by_chars(c), "{c}");
        }
        // Random strings over the characters that matter.
        let alphabet: Vec<char> = "AD/0123abé ₂.,(xZ".chars().collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(x % 24) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            assert_eq!(code_mentions(&s), code_mentions_by_chars(&s), "{s}");
        }
    }

    #[test]
    fn paragraphs_bullets_quotes() {
        let b = parse("First line\nsame para.\n\n- one\n  more\n- two\n\n> quoted\nAfter");
        assert_eq!(b.len(), 4, "{b:#?}");
        assert!(
            matches!(&b[1], Block::Bullets { items } if items.len() == 2 && plain_inlines(&items[0]) == "one more")
        );
        assert!(matches!(&b[2], Block::Quote { .. }));
    }

    #[test]
    fn emphasis_codes_and_literals() {
        let i = inlines(
            "a **must do** and *Child* see AD/002a+b, 2 * 3 = \\*x\\* <script> $ # @ _ \\n",
        );
        assert_eq!(
            i,
            vec![
                Inline::Text { text: "a ".into() },
                Inline::Strong {
                    text: "must do".into()
                },
                Inline::Text {
                    text: " and ".into()
                },
                Inline::Emphasis {
                    text: "Child".into()
                },
                Inline::Text {
                    text: " see ".into()
                },
                Inline::Code {
                    code: "AD/002a".into()
                },
                Inline::Text {
                    text: "+b, 2 * 3 = *x* <script> $ # @ _ \\n".into()
                },
            ]
        );
    }

    #[test]
    fn mentions() {
        assert_eq!(
            code_mentions("see AD/016-AD/017 and xAD/001, CA/002a."),
            vec![
                (4, "AD/016".into()),
                (11, "AD/017".into()),
                (31, "CA/002a".into())
            ]
        );
    }
}
