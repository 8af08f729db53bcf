//! Semantic tokens: every name coloured by what it resolves to (a unit, a codelist, an entry,
//! an instrument, a metric code ...), declarations marked, item keywords and field names told
//! apart, and the codes mentioned inside texts picked out of the text around them. The names
//! are the places of the index (`crate::index`), so a code is coloured wherever hover and
//! definition find it.

use crate::index::Role;
use crate::world::Analysis;
use pmf_check::model::schema;
use pmf_check::Kind;
use pmf_syntax::lexer::{tokenize, TokenKind};
use pmf_syntax::source::FileId;
use std::collections::BTreeMap;

/// What a token is, for the editor's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenType {
    Keyword,
    Property,
    String,
    Comment,
    Number,
    Operator,
    Function,
    Type,
    Enum,
    EnumMember,
    Namespace,
    Variable,
    Class,
    Struct,
}

use TokenType::{
    Class as CLASS, Comment as COMMENT, Enum as ENUM, EnumMember as ENUM_MEMBER,
    Function as FUNCTION, Keyword as KEYWORD, Namespace as NAMESPACE, Number as NUMBER,
    Operator as OPERATOR, Property as PROPERTY, String as STRING, Struct as STRUCT, Type as TYPE,
    Variable as VARIABLE,
};

fn kind_type(k: Kind) -> TokenType {
    match k {
        Kind::Unit => TYPE,
        Kind::Codelist => ENUM,
        Kind::Entry => ENUM_MEMBER,
        Kind::Code => VARIABLE,
        Kind::Cohort | Kind::Population | Kind::Definition | Kind::Missing | Kind::Standard => {
            CLASS
        }
        Kind::Indicator | Kind::Rule | Kind::Erratum | Kind::Record => STRUCT,
        Kind::Field => PROPERTY,
        Kind::Calendar => NAMESPACE,
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
    pub ty: TokenType,
    /// The token declares the name.
    pub declaration: bool,
}

/// The tokens of one file of a compilation, in order.
pub fn raw_tokens(a: Option<&Analysis>, file: Option<FileId>, text: &str) -> Vec<Raw> {
    // The places of this file by start offset: (end, type, declaration); a definition wins
    // over a use at the same place.
    let mut symbols: BTreeMap<usize, (usize, TokenType, bool)> = BTreeMap::new();
    if let (Some(a), Some(file)) = (a, file) {
        for p in a.places().filter(|p| p.loc.file == file) {
            let def = p.role == Role::Def;
            let entry = (p.loc.span.end, kind_type(p.kind), def);
            match symbols.get(&p.loc.span.start) {
                Some((_, _, true)) if !def => {}
                _ => {
                    symbols.insert(p.loc.span.start, entry);
                }
            }
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
                declaration: false,
            }),
            TokenKind::Str { .. } | TokenKind::Triple { .. } => {
                // Split around the codes mentioned inside.
                let mut at = s;
                for (&ss, &(se, ty, declaration)) in symbols.range(s..e) {
                    if se > e || ss < at {
                        continue;
                    }
                    if ss > at {
                        out.push(Raw {
                            start: at,
                            end: ss,
                            ty: STRING,
                            declaration: false,
                        });
                    }
                    out.push(Raw {
                        start: ss,
                        end: se,
                        ty,
                        declaration,
                    });
                    at = se;
                }
                if at < e {
                    out.push(Raw {
                        start: at,
                        end: e,
                        ty: STRING,
                        declaration: false,
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
                let inner: Vec<(usize, usize, TokenType, bool)> = symbols
                    .range(s..e)
                    .filter(|(_, (se, _, _))| *se <= e)
                    .map(|(&ss, &(se, ty, declaration))| (ss, se, ty, declaration))
                    .collect();
                if !inner.is_empty() {
                    let mut at = s;
                    for (ss, se, ty, declaration) in inner {
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
                            declaration,
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
                        declaration: false,
                    });
                } else if next_is_paren(&tokens, i)
                    && schema::FUNCTIONS.iter().any(|f| f.name == word)
                {
                    out.push(Raw {
                        start: s,
                        end: e,
                        ty: FUNCTION,
                        declaration: false,
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

fn next_is_paren(tokens: &[pmf_syntax::lexer::Token], i: usize) -> bool {
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
        declaration: false,
    })
}
