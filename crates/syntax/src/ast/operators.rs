//! The small position-less sum types of CPython's AST: `expr_context`,
//! `boolop`, `operator`, `unaryop` and `cmpop`, plus the f-string
//! conversion code. Each knows the CPython class name `ast.dump` prints.

/// `expr_context`: how a `Name`, `Attribute`, `Subscript`, `Starred`, `List`
/// or `Tuple` is used. (CPython's deprecated `AugLoad`, `AugStore` and `Param`
/// are never produced by its parser and are left out.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExprContext {
    /// `Load()`: the value is read.
    Load,
    /// `Store()`: the target is assigned.
    Store,
    /// `Del()`: the target is deleted.
    Del,
}

impl ExprContext {
    /// The CPython class name, e.g. `"Load"`.
    pub const fn name(self) -> &'static str {
        match self {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        }
    }
}

/// `boolop`: the operator of a `BoolOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

impl BoolOp {
    /// The CPython class name, e.g. `"And"`.
    pub const fn name(self) -> &'static str {
        match self {
            BoolOp::And => "And",
            BoolOp::Or => "Or",
        }
    }
}

/// `operator`: the operator of a `BinOp` or `AugAssign`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%` (CPython's class `Mod`)
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

impl Operator {
    /// The CPython class name, e.g. `"Add"`.
    pub const fn name(self) -> &'static str {
        match self {
            Operator::Add => "Add",
            Operator::Sub => "Sub",
            Operator::Mult => "Mult",
            Operator::MatMult => "MatMult",
            Operator::Div => "Div",
            Operator::Mod => "Mod",
            Operator::Pow => "Pow",
            Operator::LShift => "LShift",
            Operator::RShift => "RShift",
            Operator::BitOr => "BitOr",
            Operator::BitXor => "BitXor",
            Operator::BitAnd => "BitAnd",
            Operator::FloorDiv => "FloorDiv",
        }
    }
}

/// `unaryop`: the operator of a `UnaryOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// unary `+`
    UAdd,
    /// unary `-`
    USub,
}

impl UnaryOp {
    /// The CPython class name, e.g. `"USub"`.
    pub const fn name(self) -> &'static str {
        match self {
            UnaryOp::Invert => "Invert",
            UnaryOp::Not => "Not",
            UnaryOp::UAdd => "UAdd",
            UnaryOp::USub => "USub",
        }
    }
}

/// `cmpop`: one operator of a `Compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The CPython class name, e.g. `"LtE"`.
    pub const fn name(self) -> &'static str {
        match self {
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn",
        }
    }
}

/// The `conversion` of a `FormattedValue` or `Interpolation`: `!s`, `!r`,
/// `!a` or none. CPython stores it as an int (`-1` or the character's code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Conversion {
    /// No conversion: `-1`.
    None,
    /// `!s`: `115`.
    Str,
    /// `!r`: `114`.
    Repr,
    /// `!a`: `97`.
    Ascii,
}

impl Conversion {
    /// The integer CPython stores: `-1`, or the code of `s`, `r` or `a`.
    pub const fn as_i32(self) -> i32 {
        match self {
            Conversion::None => -1,
            Conversion::Str => b's' as i32,
            Conversion::Repr => b'r' as i32,
            Conversion::Ascii => b'a' as i32,
        }
    }
}
