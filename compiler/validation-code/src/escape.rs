//! Escaping of spec text for each format the validation generators write: one function per
//! format and position, used for every text that comes from the spec (an edition's id and
//! title, codes, labels, status words, rule ids and messages).
//!
//! A comment holds one line: line breaks of any kind (those SQL, Python or an editor honours:
//! CR, LF, VT, FF, NEL, U+2028, U+2029) and every other control or invisible formatting
//! character (NUL, ESC, bidirectional overrides) become a space, so no text can end a comment
//! and start code. A string literal holds any text, quoted by the format's own rules.

/// Characters that may end a line somewhere, or hide what a line says: control characters
/// (C0, DEL, C1, including NUL, CR, LF, VT, FF and NEL), the Unicode line and paragraph
/// separators, zero-width and bidirectional formatting characters, the byte order mark and
/// the tag characters.
fn unsafe_in_line(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{2028}' | '\u{2029}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}')
}

/// The text on one line, every unsafe character a space.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if unsafe_in_line(c) { ' ' } else { c })
        .collect()
}

/// Text for a SQL `--` comment: one line.
pub fn sql_comment(s: &str) -> String {
    one_line(s)
}

/// A SQL string literal (PostgreSQL, SQLite and DuckDB alike): single quotes doubled. No
/// database keeps a NUL in text (PostgreSQL refuses it, the sqlite3 shell ends the statement
/// there), so a NUL is written as U+FFFD, the replacement character. Every other character is
/// data inside the quotes, line breaks included.
pub fn sql_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Text for a Python `#` comment: one line, and no NUL (Python refuses a source holding one).
pub fn py_comment(s: &str) -> String {
    one_line(s)
}

/// A Python string literal in double quotes. Backslashes and quotes are escaped, and every
/// character that is unsafe on a line is written as an escape (`\n`, `\x00`, `\u2028`), so the
/// literal stays on one line and reads back as exactly the text.
pub fn py_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_in_line(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON value as a Python literal (None, True, False; strings by [`py_str`]), laid out like
/// `serde_json`'s pretty printer: two spaces per level.
pub fn py_value(v: &serde_json::Value) -> String {
    let mut out = String::new();
    write_py(&mut out, v, 0);
    out
}

fn write_py(out: &mut String, v: &serde_json::Value, depth: usize) {
    use serde_json::Value;
    let indent = |out: &mut String, d: usize| {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    };
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        // A JSON number is a Python number (serde_json writes no NaN or infinity).
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&py_str(s)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_py(out, item, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push('{');
            for (k, (key, item)) in map.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                out.push_str(&py_str(key));
                out.push_str(": ");
                write_py(out, item, depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

/// Text for Markdown prose or a heading: one line, every ASCII punctuation character
/// backslash-escaped (CommonMark shows it literally), so it makes no markup and no HTML.
pub fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a'b\"c\\d\ne\rf\u{0}g\u{b}h\u{c}i\u{85}j\u{2028}k\u{2029}l\u{1b}m\u{202e}n*/o--p#q";

    #[test]
    fn comments_hold_one_line() {
        for s in [sql_comment(HOSTILE), py_comment(HOSTILE)] {
            assert_eq!(s.lines().count(), 1, "{s:?}");
            assert!(!s.chars().any(unsafe_in_line), "{s:?}");
            // Only unsafe characters changed.
            assert_eq!(s.chars().count(), HOSTILE.chars().count());
        }
    }

    #[test]
    fn sql_literals_double_quotes_and_drop_nul() {
        assert_eq!(sql_literal("it's"), "'it''s'");
        let l = sql_literal(HOSTILE);
        assert!(!l.contains('\0'));
        let inner = &l[1..l.len() - 1];
        assert!(!inner.replace("''", "").contains('\''));
        assert_eq!(inner.replace("''", "'"), HOSTILE.replace('\0', "\u{FFFD}"));
    }

    #[test]
    fn python_strings_stay_on_one_line() {
        let l = py_str(HOSTILE);
        assert_eq!(l.lines().count(), 1);
        assert!(!l.chars().any(unsafe_in_line), "{l}");
        assert_eq!(py_str("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(py_str("\u{0}\u{2028}\u{1F600}"), r#""\x00\u2028😀""#);
        assert_eq!(py_str("\u{E0001}"), r#""\U000e0001""#);
    }

    #[test]
    fn python_values_use_python_words() {
        let v = serde_json::json!({"a": [null, true, false, 1, 0.5], "b": {}, "c": []});
        assert_eq!(
            py_value(&v),
            "{\n  \"a\": [\n    None,\n    True,\n    False,\n    1,\n    0.5\n  ],\n  \"b\": {},\n  \"c\": []\n}"
        );
    }

    #[test]
    fn markdown_text_makes_no_markup() {
        assert_eq!(md_text("# a <b>\n*c*"), "\\# a \\<b\\> \\*c\\*");
    }
}
