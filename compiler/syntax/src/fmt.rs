//! The formatter: one canonical layout for `.pmf` files.
//!
//! It works on tokens and lines, not on the tree, so it keeps every comment and every
//! character of every text by construction: it changes only the spaces between tokens, the
//! indentation of lines (two spaces a level), blank lines (at most one in a row) and line
//! endings. The lines inside a `"""` text move with their field only when that cannot change
//! the text's value. As a last guard, the result is tokenized again and compared with the
//! input; if anything but layout differs, the input is returned unchanged.

use crate::lexer::{tokenize, Token, TokenKind};

/// Formats a file. Returns `None` when the text has unclosed strings or unbalanced brackets
/// (the caller reports the syntax errors instead).
pub fn format(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    if tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Str { closed: false } | TokenKind::Triple { closed: false }
        )
    }) {
        return None;
    }
    let mut depth: i64 = 0;
    for t in &tokens {
        match t.kind {
            TokenKind::Open(_) => depth += 1,
            TokenKind::Close(_) => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        return None;
    }
    let out = layout(text, &tokens);
    if same_content(text, &out) {
        Some(out)
    } else {
        Some(text.to_string())
    }
}

/// Splits tokens into lines (a `Newline` token ends a line).
fn lines(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Newline {
            out.push(&tokens[start..i]);
            start = i + 1;
        }
    }
    out.push(&tokens[start..]);
    out
}

fn layout(text: &str, tokens: &[Token]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut depth: usize = 0;
    let mut blank_pending = false;
    let mut last_was_open = true; // at the start of the file, no blank line is wanted
    for line in lines(tokens) {
        let sig: Vec<&Token> = line.iter().filter(|t| t.kind != TokenKind::Space).collect();
        if sig.is_empty() {
            blank_pending = true;
            continue;
        }
        let starts_with_close = matches!(sig[0].kind, TokenKind::Close(_));
        let indent = if starts_with_close {
            depth.saturating_sub(1)
        } else {
            depth
        };
        if blank_pending && !last_was_open && !starts_with_close {
            out.push('\n');
        }
        blank_pending = false;
        let pad = "  ".repeat(indent);
        out.push_str(&pad);
        let mut prev: Option<&Token> = None;
        for t in &sig {
            if let Some(p) = prev {
                if wants_space(text, p, t) {
                    out.push(' ');
                }
            }
            match t.kind {
                TokenKind::Triple { .. } => out.push_str(&reindent_triple(text, t, line, &pad)),
                _ => out.push_str(&text[t.span.clone()]),
            }
            prev = Some(t);
        }
        out.push('\n');
        for t in &sig {
            match t.kind {
                TokenKind::Open(_) => depth += 1,
                TokenKind::Close(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        last_was_open = matches!(sig.last().map(|t| t.kind), Some(TokenKind::Open(_)));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.trim().is_empty() {
        return String::new();
    }
    out
}

fn wants_space(text: &str, prev: &Token, next: &Token) -> bool {
    use TokenKind::*;
    match (prev.kind, next.kind) {
        (_, Comma) | (_, Semicolon) => false,
        (_, Close(b')')) | (_, Close(b']')) => false,
        (Open(b'('), _) | (Open(b'['), _) => false,
        // A condition's `in (a, b)` always has its space (there is no function `in`).
        (Word, Open(b'(')) if text.get(prev.span.clone()) == Some("in") => true,
        // `percent(` is a call and `of (` a bracketed value: keep whichever was written, since
        // the space decides which it is.
        (Word, Open(b'(')) => prev.span.end != next.span.start,
        _ => true,
    }
}

/// Moves the lines of a multi-line `"""` text with the field it belongs to, when doing so
/// cannot change its value: the text must start on a new line, and every line must be
/// indented with spaces at least as deep as the move takes away.
fn reindent_triple(text: &str, t: &Token, line: &[Token], new_pad: &str) -> String {
    let raw = &text[t.span.clone()];
    if !raw.contains('\n') {
        return raw.to_string();
    }
    let line_start = line.first().map_or(t.span.start, |f| f.span.start);
    let old_pad = text[line_start..].chars().take_while(|c| *c == ' ').count();
    let delta = new_pad.len() as i64 - old_pad as i64;
    let inner = &raw[3..raw.len() - 3];
    let mut parts = inner.split('\n');
    let first = parts.next().unwrap_or("");
    if !first.trim().is_empty() || delta == 0 {
        return raw.to_string();
    }
    let rest: Vec<&str> = parts.collect();
    let ok = rest.iter().all(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.trim().is_empty()
            || (!l.starts_with('\t')
                && l.chars().take_while(|c| *c == ' ').count() as i64 >= -delta)
    });
    if !ok {
        return raw.to_string();
    }
    let mut s = String::from("\"\"\"");
    s.push_str(first.trim_end());
    for l in rest {
        s.push('\n');
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.trim().is_empty() {
            // The closing line keeps the field's indentation; blank lines stay empty.
            continue;
        }
        if delta >= 0 {
            s.push_str(&" ".repeat(delta as usize));
            s.push_str(l);
        } else {
            s.push_str(&l[(-delta) as usize..]);
        }
    }
    if raw[..raw.len() - 3].ends_with('\n')
        || inner
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    {
        s.push_str(new_pad);
    }
    s.push_str("\"\"\"");
    s
}

/// Whether two texts have the same tokens (spaces aside), the same comments, and the same
/// value in every string.
pub fn same_content(a: &str, b: &str) -> bool {
    let key = |s: &str| -> Vec<String> {
        tokenize(s)
            .into_iter()
            .filter(|t| !t.kind.is_trivia() || t.kind == TokenKind::Comment)
            .map(|t| {
                let raw = &s[t.span.clone()];
                match t.kind {
                    TokenKind::Triple { .. } => format!("T{}", triple_value(raw)),
                    TokenKind::Comment => format!("C{}", raw.trim_end()),
                    _ => format!("W{raw}"),
                }
            })
            .collect()
    };
    key(a) == key(b)
}

fn triple_value(raw: &str) -> String {
    crate::triple_value(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_and_spaces() {
        let input = "metric   AD/001{\nwording \"a  b\"   // keep\n      flow\n\n\n\n  breakdown exclusive of AD/001 {\na \"x\"\n}\n}\n";
        let want = "metric AD/001 {\n  wording \"a  b\" // keep\n  flow\n\n  breakdown exclusive of AD/001 {\n    a \"x\"\n  }\n}\n";
        assert_eq!(format(input).unwrap(), want);
        assert_eq!(format(want).unwrap(), want);
    }

    #[test]
    fn moves_triple_texts_without_changing_them() {
        let input = "doc a {\n      text \"\"\"\n        One\n          two\n      \"\"\"\n}\n";
        let out = format(input).unwrap();
        assert_eq!(
            out,
            "doc a {\n  text \"\"\"\n    One\n      two\n  \"\"\"\n}\n"
        );
        assert!(same_content(input, &out));
    }

    #[test]
    fn calls_keep_their_brackets() {
        assert_eq!(
            format("x {\nformula percent( AD/025 , AD/024 )\n}\n").unwrap(),
            "x {\n  formula percent(AD/025, AD/024)\n}\n"
        );
    }

    #[test]
    fn records_and_counting_rules_print_canonically() {
        let messy = "record contact \"A contact\" {\ncounts   contact\n  key id\n field received  datetime optional \"When\"\n}\n\ncalendar wales \"Wales\"{\nweekend saturday sunday\nyears 2018 to 2026\n    holiday 2020-12-25 \"Christmas Day\"\n}\nmetric AD/002 {\ncomputed_from contact {\nduring received\nwhere outcome in(a,b)\nwhere outcome not in ( a , b )\nwhere decided within 1 working_days of received\n  where previous where outcome = a received within 12 months before received\nitem a where about = adult\n}\n}\n";
        let want = "record contact \"A contact\" {\n  counts contact\n  key id\n  field received datetime optional \"When\"\n}\n\ncalendar wales \"Wales\" {\n  weekend saturday sunday\n  years 2018 to 2026\n  holiday 2020-12-25 \"Christmas Day\"\n}\nmetric AD/002 {\n  computed_from contact {\n    during received\n    where outcome in (a, b)\n    where outcome not in (a, b)\n    where decided within 1 working_days of received\n    where previous where outcome = a received within 12 months before received\n    item a where about = adult\n  }\n}\n";
        let once = format(messy).unwrap();
        assert_eq!(once, want);
        assert_eq!(format(want).unwrap(), want);
        assert!(same_content(messy, &once));
    }

    #[test]
    fn refuses_broken_text() {
        assert!(format("a {\n").is_none());
        assert!(format("a \"b\n").is_none());
    }
}
