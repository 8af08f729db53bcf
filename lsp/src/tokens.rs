//! Semantic tokens: every name coloured by what it resolves to (a unit, a codelist, an entry,
//! an instrument, a metric code ...), declarations marked, item keywords and field names told
//! apart, and the codes mentioned inside texts picked out of the text around them.

use crate::convert::LineIndex;
use crate::world::Analysis;
use lsp_types::{SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend};
use pmf::check::Kind;
use pmf::source::FileId;
use pmf::syntax::lexer::{tokenize, TokenKind};
use std::collections::BTreeMap;

const KEYWORD: u32 = 0;
const PROPERTY: u32 = 1;
const STRING: u32 = 2;
const COMMENT: u32 = 3;
const NUMBER: u32 = 4;
const OPERATOR: u32 = 5;
const FUNCTION: u32 = 6;
const TYPE: u32 = 7;
const ENUM: u32 = 8;
const ENUM_MEMBER: u32 = 9;
const NAMESPACE: u32 = 10;
const VARIABLE: u32 = 11;
const CLASS: u32 = 12;
const STRUCT: u32 = 13;

const DECLARATION: u32 = 1;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![
            SemanticTokenType::KEYWORD,
            SemanticTokenType::PROPERTY,
            SemanticTokenType::STRING,
            SemanticTokenType::COMMENT,
            SemanticTokenType::NUMBER,
            SemanticTokenType::OPERATOR,
            SemanticTokenType::FUNCTION,
            SemanticTokenType::TYPE,
            SemanticTokenType::ENUM,
            SemanticTokenType::ENUM_MEMBER,
            SemanticTokenType::NAMESPACE,
            SemanticTokenType::VARIABLE,
            SemanticTokenType::CLASS,
            SemanticTokenType::STRUCT,
        ],
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

/// The name of a token type, for tests and debugging.
pub fn type_name(t: u32) -> &'static str {
    match t {
        KEYWORD => "keyword",
        PROPERTY => "property",
        STRING => "string",
        COMMENT => "comment",
        NUMBER => "number",
        OPERATOR => "operator",
        FUNCTION => "function",
        TYPE => "type",
        ENUM => "enum",
        ENUM_MEMBER => "enumMember",
        NAMESPACE => "namespace",
        VARIABLE => "variable",
        CLASS => "class",
        STRUCT => "struct",
        _ => "?",
    }
}

fn kind_type(k: Kind) -> u32 {
    match k {
        Kind::Unit => TYPE,
        Kind::Codelist => ENUM,
        Kind::Entry => ENUM_MEMBER,
        Kind::Code => VARIABLE,
        Kind::Cohort | Kind::Population | Kind::Definition | Kind::Missing => CLASS,
        Kind::Indicator | Kind::Rule | Kind::Erratum => STRUCT,
        Kind::Instrument | Kind::Source | Kind::Part | Kind::Group | Kind::Doc | Kind::Edition => {
            NAMESPACE
        }
    }
}

/// A token before encoding: a byte range on one line, a type and modifiers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raw {
    pub start: usize,
    pub end: usize,
    pub ty: u32,
    pub mods: u32,
}

/// The tokens of one file of a compilation, in order.
pub fn raw_tokens(a: Option<&Analysis>, file: Option<FileId>, text: &str) -> Vec<Raw> {
    // Symbols of this file by start offset: (end, type, modifiers).
    let mut symbols: BTreeMap<usize, (usize, u32, u32)> = BTreeMap::new();
    if let (Some(a), Some(file)) = (a, file) {
        for u in a.comp.symbols.uses.iter().filter(|u| u.loc.file == file) {
            symbols.insert(u.loc.span.start, (u.loc.span.end, kind_type(u.kind), 0));
        }
        for d in a
            .comp
            .symbols
            .defs
            .iter()
            .filter(|d| d.name_loc.file == file)
        {
            symbols.insert(
                d.name_loc.span.start,
                (d.name_loc.span.end, kind_type(d.kind), DECLARATION),
            );
        }
    }
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut first_on_line = true;
    for (i, t) in tokens.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        match t.kind {
            TokenKind::Newline | TokenKind::Semicolon => first_on_line = true,
            TokenKind::Space => {}
            TokenKind::Comment => out.push(Raw {
                start: s,
                end: e,
                ty: COMMENT,
                mods: 0,
            }),
            TokenKind::Str { .. } | TokenKind::Triple { .. } => {
                // Split around the codes mentioned inside.
                let mut at = s;
                for (&ss, &(se, ty, mods)) in symbols.range(s..e) {
                    if se > e || ss < at {
                        continue;
                    }
                    if ss > at {
                        out.push(Raw {
                            start: at,
                            end: ss,
                            ty: STRING,
                            mods: 0,
                        });
                    }
                    out.push(Raw {
                        start: ss,
                        end: se,
                        ty,
                        mods,
                    });
                    at = se;
                }
                if at < e {
                    out.push(Raw {
                        start: at,
                        end: e,
                        ty: STRING,
                        mods: 0,
                    });
                }
                first_on_line = false;
            }
            TokenKind::Open(b) => {
                if b == b'{' {
                    depth += 1;
                }
                first_on_line = b == b'{' || first_on_line;
            }
            TokenKind::Close(b) => {
                if b == b'}' {
                    depth = depth.saturating_sub(1);
                }
            }
            TokenKind::Comma => {}
            TokenKind::Word => {
                let word = text.get(s..e).unwrap_or("");
                let inner: Vec<(usize, usize, u32, u32)> = symbols
                    .range(s..e)
                    .filter(|(_, (se, _, _))| *se <= e)
                    .map(|(&ss, &(se, ty, mods))| (ss, se, ty, mods))
                    .collect();
                if !inner.is_empty() {
                    let mut at = s;
                    for (ss, se, ty, mods) in inner {
                        if ss < at {
                            continue;
                        }
                        if ss > at {
                            out.extend(plain_word(text, at, ss));
                        }
                        out.push(Raw {
                            start: ss,
                            end: se,
                            ty,
                            mods,
                        });
                        at = se;
                    }
                    if at < e {
                        out.extend(plain_word(text, at, e));
                    }
                } else if first_on_line {
                    let ty = if depth == 0 { KEYWORD } else { PROPERTY };
                    out.push(Raw {
                        start: s,
                        end: e,
                        ty,
                        mods: 0,
                    });
                } else if next_is_paren(&tokens, i)
                    && crate::schema::FUNCTIONS.iter().any(|(f, _, _)| *f == word)
                {
                    out.push(Raw {
                        start: s,
                        end: e,
                        ty: FUNCTION,
                        mods: 0,
                    });
                } else {
                    out.extend(plain_word(text, s, e));
                }
                first_on_line = false;
            }
        }
    }
    out
}

fn next_is_paren(tokens: &[pmf::syntax::lexer::Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Open(b'('))
}

/// A word that is no symbol: a number, an operator, or a keyword-like value (`flow`,
/// `partition`, `of`).
fn plain_word(text: &str, s: usize, e: usize) -> Option<Raw> {
    let w = text.get(s..e)?;
    let first = w.chars().next()?;
    let ty = if first.is_ascii_digit() {
        NUMBER
    } else if w.chars().all(|c| "+-*/<>=!.".contains(c)) {
        OPERATOR
    } else if first.is_alphabetic() {
        KEYWORD
    } else {
        return None;
    };
    Some(Raw {
        start: s,
        end: e,
        ty,
        mods: 0,
    })
}

/// Encodes tokens as the protocol wants them: relative lines and UTF-16 columns, one line each.
pub fn encode(raw: &[Raw], text: &str, lines: &LineIndex) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for r in raw {
        // Multi-line tokens (long texts) are cut at line ends.
        let mut start = r.start;
        while start < r.end {
            let line = lines.line_of(start);
            let end = r.end.min(lines.line_end(text, line));
            if end > start {
                let p0 = lines.position(text, start);
                let p1 = lines.position(text, end);
                let len = p1.character.saturating_sub(p0.character);
                if len > 0 {
                    let delta_line = p0.line - prev_line;
                    let delta_start = if delta_line == 0 {
                        p0.character - prev_col
                    } else {
                        p0.character
                    };
                    out.push(SemanticToken {
                        delta_line,
                        delta_start,
                        length: len,
                        token_type: r.ty,
                        token_modifiers_bitset: r.mods,
                    });
                    prev_line = p0.line;
                    prev_col = p0.character;
                }
            }
            let next = lines.line_start(line + 1);
            if next <= start {
                break;
            }
            start = next;
        }
    }
    out
}
