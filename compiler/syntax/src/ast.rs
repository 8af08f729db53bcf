//! The syntax tree: our own types with a byte span on every node. pest's pairs never leave
//! `syntax/`; everything downstream reads these.

use crate::source::{FileId, Span};

/// A parsed file: its top-level items, in order. Items that did not parse are kept as
/// `Item::Error` so that positions and order are preserved.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub file: FileId,
    pub items: Vec<Item>,
    /// Items that did not parse, by kind and name where those could be read.
    pub broken: Vec<Broken>,
}

/// An item that did not parse: `metric AD/001 { ...broken... }` gives key `metric`, name
/// `AD/001`.
#[derive(Clone, Debug)]
pub struct Broken {
    pub key: String,
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Item {
    Node(Node),
    Error(Span),
}

/// `key args... { children }`
#[derive(Clone, Debug)]
pub struct Node {
    pub key: Name,
    pub args: Vec<Expr>,
    pub block: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub nodes: Vec<Node>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Le,
    Ge,
    Lt,
    Gt,
    Eq,
    Ne,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Le => "<=",
            CmpOp::Ge => ">=",
            CmpOp::Lt => "<",
            CmpOp::Gt => ">",
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
        }
    }
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Str(StrLit),
    /// A name, possibly dotted: `adult`, `gender.male`.
    Path(String),
    /// `AD/001`, `AD/002a`, `PI/AD/01`.
    Code(String),
    /// A number as written (the text is kept: `3.17` is a paragraph, not a float).
    Number(String),
    Date(String),
    /// `2020-21`
    YearSpan(String),
    /// `16..25` or `66..`
    Range(u64, Option<u64>),
    List(Vec<Expr>),
    Call {
        name: Name,
        args: Vec<Expr>,
    },
    Paren(Box<Expr>),
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Compare {
        op: CmpOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
}

/// A string literal: its value, and how value offsets map back to the source so that a code
/// mentioned inside a text can be located, renamed or linked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrLit {
    pub value: String,
    pub triple: bool,
    /// `(value offset, source offset)` at the start of each contiguous run of copied text.
    pub segments: Vec<(usize, usize)>,
}

impl StrLit {
    /// The source offset of a byte offset in the value.
    pub fn source_offset(&self, value_offset: usize) -> usize {
        let i = self.segments.partition_point(|(v, _)| *v <= value_offset);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some((v, s)) => s + (value_offset - v),
            None => 0,
        }
    }
}

impl Expr {
    pub fn as_str(&self) -> Option<&StrLit> {
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_path(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Path(p) => Some(p),
            _ => None,
        }
    }

    pub fn as_code(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Code(c) => Some(c),
            _ => None,
        }
    }

    /// A short description of what kind of value this is, for messages.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            ExprKind::Str(_) => "a text",
            ExprKind::Path(_) => "a name",
            ExprKind::Code(_) => "a code",
            ExprKind::Number(_) => "a number",
            ExprKind::Date(_) => "a date",
            ExprKind::YearSpan(_) => "a year span",
            ExprKind::Range(..) => "a range",
            ExprKind::List(_) => "a list",
            ExprKind::Call { .. } => "a function call",
            ExprKind::Paren(_) => "an expression in brackets",
            ExprKind::Neg(_) | ExprKind::Binary { .. } => "an expression",
            ExprKind::Compare { .. } => "a comparison",
        }
    }
}

impl Node {
    /// The children of this node's block (none when it has no block).
    pub fn children(&self) -> &[Node] {
        self.block.as_ref().map_or(&[], |b| &b.nodes)
    }
}
