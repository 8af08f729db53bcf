//! Semantic tokens in the protocol's encoding: the legend, and `pmf-ide`'s tokens (byte
//! ranges and types) as relative lines and UTF-16 columns.

use crate::convert::LineIndex;
use lsp_types::{SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend};
use pmf_ide::tokens::{Raw, TokenType};

/// The token types, in the order of the legend.
const TYPES: &[TokenType] = &[
    TokenType::Keyword,
    TokenType::Property,
    TokenType::String,
    TokenType::Comment,
    TokenType::Number,
    TokenType::Operator,
    TokenType::Function,
    TokenType::Type,
    TokenType::Enum,
    TokenType::EnumMember,
    TokenType::Namespace,
    TokenType::Variable,
    TokenType::Class,
    TokenType::Struct,
];

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
    match TYPES.get(t as usize) {
        Some(TokenType::Keyword) => "keyword",
        Some(TokenType::Property) => "property",
        Some(TokenType::String) => "string",
        Some(TokenType::Comment) => "comment",
        Some(TokenType::Number) => "number",
        Some(TokenType::Operator) => "operator",
        Some(TokenType::Function) => "function",
        Some(TokenType::Type) => "type",
        Some(TokenType::Enum) => "enum",
        Some(TokenType::EnumMember) => "enumMember",
        Some(TokenType::Namespace) => "namespace",
        Some(TokenType::Variable) => "variable",
        Some(TokenType::Class) => "class",
        Some(TokenType::Struct) => "struct",
        None => "?",
    }
}

fn type_index(t: TokenType) -> u32 {
    TYPES.iter().position(|x| *x == t).unwrap_or(0) as u32
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
                        token_type: type_index(r.ty),
                        token_modifiers_bitset: if r.declaration { DECLARATION } else { 0 },
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
