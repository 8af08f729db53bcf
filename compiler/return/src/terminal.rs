//! Text from an input made safe to show on a terminal or in a text report: an authority
//! holding ESC sequences or a line break cannot clear the screen or print a line of its own
//! ("0 errors"). Used by every report that shows text from a return (validation, migration,
//! `template --prefill`).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a character is shown escaped: the C0 and C1 controls and DEL (ESC starts terminal
/// commands; a line break or a carriage return writes over the report), the line and paragraph
/// separators, and the marks and overrides that reorder text on screen.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Whether any character of `s` is unsafe (line breaks aside when `keep_line_breaks`). Text is
/// nearly always printable ASCII, which a test of its bytes settles (a tenth of the time of
/// `pmf validate` at a million rows went on testing characters one by one); anything else is
/// tested character by character.
fn any_unsafe(s: &str, keep_line_breaks: bool) -> bool {
    let odd = s.as_bytes().iter().fold(false, |odd, &b| {
        odd | (b < 0x20 && !(keep_line_breaks && b == b'\n')) | (b >= 0x7f)
    });
    odd && s
        .chars()
        .any(|c| !(keep_line_breaks && c == '\n') && unsafe_char(c))
}

/// Text from an input made safe to print on a terminal or in a text report: every character of
/// `unsafe_char` is shown as an escape (`\n`, `\x1b`, `\u{202e}`), on one line.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !any_unsafe(s, false) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) && (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An authority or a year as written, for a title: `safe`, and cut to 60 characters.
pub fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    safe(&t).into_owned()
}

/// A whole rendered report made safe line by line: what `safe` does, keeping the line breaks
/// the renderer wrote. Every text from an input is already `safe` when it is written; this is
/// the second lock.
pub fn safe_lines(text: &str) -> String {
    text.split('\n').map(safe).collect::<Vec<_>>().join("\n")
}

/// `safe_lines` of a text given by value: the text itself when no line needs a change (as
/// usual), so that a long report is not copied twice on its way out.
pub fn safe_lines_owned(text: String) -> String {
    if any_unsafe(&text, true) {
        safe_lines(&text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_agrees_with_the_character_test() {
        for text in [
            "",
            "plain",
            "a\nb",
            "a\rb",
            "\u{7f}",
            "\u{80}",
            "caf\u{e9}",
            "\u{1b}[2J",
            "x\u{202e}y",
            "\u{2028}",
            "\u{85}",
            "Cymraeg: \u{175}\u{177}",
            "\t",
            "\n\n",
        ] {
            for keep in [false, true] {
                let slow = text.chars().any(|c| !(keep && c == '\n') && unsafe_char(c));
                assert_eq!(any_unsafe(text, keep), slow, "{text:?} {keep}");
            }
        }
    }

    #[test]
    fn safe_lines_owned_is_safe_lines() {
        for text in [
            "",
            "\n",
            "plain\nlines\n",
            "a\tb\nc\rd\n",
            "bidi \u{202e}x\nand \u{2028} too\n\n",
            "no line break at the end",
        ] {
            assert_eq!(
                safe_lines_owned(text.to_string()),
                safe_lines(text),
                "{text:?}"
            );
        }
    }
}
