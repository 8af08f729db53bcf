//! A forgiving tokenizer. It never fails: it exists so that the item splitter and the
//! formatter can see strings, comments and brackets without a full parse, even in broken text.

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Newline,
    Space,
    Comment,
    /// `"..."`; `closed` is false when the line ended first.
    Str {
        closed: bool,
    },
    /// `"""..."""`; `closed` is false when the file ended first.
    Triple {
        closed: bool,
    },
    Open(u8),
    Close(u8),
    Semicolon,
    Comma,
    /// Anything else up to the next space or punctuation: names, codes, numbers, operators.
    Word,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // The shipped spec has 0.02 to 0.16 tokens a byte: reserving an eighth of the length
    // spares most files the copies of a growing list (pages never written are never touched).
    let mut out = Vec::with_capacity(text.len() / 8 + 16);
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b'\n' => {
                i += 1;
                TokenKind::Newline
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                TokenKind::Newline
            }
            b' ' | b'\t' | b'\r' => {
                while i < bytes.len()
                    && matches!(bytes[i], b' ' | b'\t' | b'\r')
                    && !is_crlf(bytes, i)
                {
                    i += 1;
                }
                TokenKind::Space
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                // To the line break (a CRLF's CR is not the comment's).
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                if i > start && bytes[i - 1] == b'\r' && i < bytes.len() {
                    i -= 1;
                }
                TokenKind::Comment
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                let closed = match text[i..].find("\"\"\"") {
                    Some(n) => {
                        i += n + 3;
                        true
                    }
                    None => {
                        i = bytes.len();
                        false
                    }
                };
                TokenKind::Triple { closed }
            }
            b'"' => {
                i += 1;
                let mut closed = false;
                // To the closing quote, or the end of the line (an escape skips the byte after
                // the backslash).
                loop {
                    let Some(n) = memchr::memchr3(b'\\', b'"', b'\n', &bytes[i..]) else {
                        i = bytes.len();
                        break;
                    };
                    i += n;
                    match bytes[i] {
                        b'\\' => i = (i + 2).min(bytes.len()),
                        b'"' => {
                            i += 1;
                            closed = true;
                            break;
                        }
                        _ => break,
                    }
                }
                TokenKind::Str { closed }
            }
            b @ (b'{' | b'(' | b'[') => {
                i += 1;
                TokenKind::Open(b)
            }
            b @ (b'}' | b')' | b']') => {
                i += 1;
                TokenKind::Close(b)
            }
            b';' => {
                i += 1;
                TokenKind::Semicolon
            }
            b',' => {
                i += 1;
                TokenKind::Comma
            }
            _ => {
                while i < bytes.len() && !is_word_end(bytes, i) {
                    i += 1;
                }
                if i == start {
                    // A byte that starts no token above and ends a word at once cannot exist;
                    // still, always advance so the loop terminates on any input.
                    i += 1;
                }
                // Never split a UTF-8 character.
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                TokenKind::Word
            }
        };
        debug_assert!(i > start, "tokenizer made no progress");
        out.push(Token {
            kind,
            span: start..i,
        });
    }
    out
}

fn is_crlf(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')
}

fn is_word_end(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'{' | b'}' | b'(' | b')' | b'[' | b']' | b';'
        | b',' => true,
        b'/' => bytes.get(i + 1) == Some(&b'/'),
        _ => false,
    }
}

impl TokenKind {
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            TokenKind::Space | TokenKind::Comment | TokenKind::Newline
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<TokenKind> {
        tokenize(s).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn strings_and_comments() {
        use TokenKind::*;
        assert_eq!(
            kinds("a \"b // c\" // d\n\"\"\"x\n}\"\"\""),
            vec![
                Word,
                Space,
                Str { closed: true },
                Space,
                Comment,
                Newline,
                Triple { closed: true }
            ]
        );
        assert_eq!(kinds("\"abc\n"), vec![Str { closed: false }, Newline]);
        assert_eq!(kinds("AD/001 // x"), vec![Word, Space, Comment]);
    }

    #[test]
    fn where_strings_and_comments_end() {
        let spans = |s: &str| -> Vec<(TokenKind, String)> {
            tokenize(s)
                .into_iter()
                .map(|t| (t.kind, s[t.span].to_string()))
                .collect()
        };
        use TokenKind::*;
        // A comment stops before a CRLF's CR, but keeps a lone CR and one not before LF.
        assert_eq!(
            spans("// a\r\n// b\r\r\n// c\r"),
            vec![
                (Comment, "// a".into()),
                (Newline, "\r\n".into()),
                (Comment, "// b\r".into()),
                (Newline, "\r\n".into()),
                (Comment, "// c\r".into()),
            ]
        );
        // An escape skips the byte after the backslash, a line break included; a backslash
        // at the end of the file ends the text unclosed.
        assert_eq!(
            spans("\"a\\\"b\" \"c\\\nd\" \"e\\"),
            vec![
                (Str { closed: true }, "\"a\\\"b\"".into()),
                (Space, " ".into()),
                (Str { closed: true }, "\"c\\\nd\"".into()),
                (Space, " ".into()),
                (Str { closed: false }, "\"e\\".into()),
            ]
        );
        assert_eq!(
            spans("\"x\r\ny"),
            vec![
                (Str { closed: false }, "\"x\r".into()),
                (Newline, "\n".into()),
                (Word, "y".into()),
            ]
        );
    }

    #[test]
    fn never_splits_characters() {
        for t in tokenize("é{ü}\u{FEFF}x") {
            assert!(t.span.start < t.span.end);
        }
    }
}
