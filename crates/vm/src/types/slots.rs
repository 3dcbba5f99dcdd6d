//! Slot function pointers: how the VM runs a protocol on an object without
//! looking a name up (CPython's `tp_*`/`nb_*`/`sq_*`/`mp_*` slots).
//!
//! Every slot is a plain `fn` pointer in a `Cell`, so a user class can have
//! its slots replaced when a dunder method is assigned. Number and
//! comparison slots take the operator as an argument: one function per type
//! handles all of them (and its reflected forms, since it is also called
//! with the operands swapped when the right operand's type defines it).
//!
//! Two slots are not protocols: [`Slots::gc`], the cycle collector's
//! traverse/clear hooks, fixed when the class is created from its payload
//! type (they describe the memory layout, so they never change and are not
//! inherited), and [`Slots::finalize`] (`tp_finalize`, a class's `__del__`).

use std::cell::Cell;

use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

/// A binary number operator (`BINARY_OP`'s non-in-place opargs 0..=12).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `&`
    And = 1,
    /// `//`
    FloorDiv = 2,
    /// `<<`
    LShift = 3,
    /// `@`
    MatMul = 4,
    /// `*`
    Mul = 5,
    /// `%`
    Mod = 6,
    /// `|`
    Or = 7,
    /// `**`
    Pow = 8,
    /// `>>`
    RShift = 9,
    /// `-`
    Sub = 10,
    /// `/`
    TrueDiv = 11,
    /// `^`
    Xor = 12,
}

impl BinOp {
    /// All operators in oparg order.
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Mod,
        BinOp::Or,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
    ];

    /// The operator's symbol as error messages show it.
    pub fn symbol(self) -> &'static str {
        [
            "+",
            "&",
            "//",
            "<<",
            "@",
            "*",
            "%",
            "|",
            "** or pow()",
            ">>",
            "-",
            "/",
            "^",
        ][self as usize]
    }

    /// The in-place symbol (`+=`).
    pub fn inplace_symbol(self) -> &'static str {
        [
            "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ][self as usize]
    }

    /// `__add__`-style method names: (forward, reflected, in-place).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// A unary operator or numeric conversion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `abs(x)`
    Abs,
}

impl UnaryOp {
    /// The dunder method name.
    pub fn dunder(self) -> &'static str {
        match self {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
            UnaryOp::Abs => "__abs__",
        }
    }

    /// The operator as error messages show it.
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "unary -",
            UnaryOp::Pos => "unary +",
            UnaryOp::Invert => "unary ~",
            UnaryOp::Abs => "abs()",
        }
    }
}

/// A rich comparison (`COMPARE_OP`'s `oparg >> 5`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CompareOp {
    /// From `oparg >> 5`.
    pub fn from_index(index: u32) -> Option<CompareOp> {
        Some(match index {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The symbol.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The dunder method name.
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// Applies the operator to an `Ordering`.
    pub fn test(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ordering == Less,
            CompareOp::Le => ordering != Greater,
            CompareOp::Eq => ordering == Equal,
            CompareOp::Ne => ordering != Equal,
            CompareOp::Gt => ordering == Greater,
            CompareOp::Ge => ordering != Less,
        }
    }
}

/// `tp_call` (vectorcall convention): the last `kwnames.len()` arguments are
/// keyword values.
pub type CallFn = fn(&mut Vm, &Value, &[Value], Option<&Ref<Tuple>>) -> PyResult<Value>;
/// `tp_new`: the class to instantiate, then the call's arguments.
pub type NewFn = fn(&mut Vm, &TypeRef, &[Value], Option<&Ref<Tuple>>) -> PyResult<Value>;
/// `tp_init`.
pub type InitFn = fn(&mut Vm, &Value, &[Value], Option<&Ref<Tuple>>) -> PyResult<()>;
/// `tp_getattro`.
pub type GetAttrFn = fn(&mut Vm, &Value, &Ref<Str>) -> PyResult<Value>;
/// `tp_setattro` (`None` deletes).
pub type SetAttrFn = fn(&mut Vm, &Value, &Ref<Str>, Option<Value>) -> PyResult<()>;
/// `tp_repr`/`tp_str`: returns a `str`.
pub type ReprFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// `tp_hash`.
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
/// `tp_richcompare`: may return `NotImplemented`.
pub type CompareFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Value>;
/// `tp_iter`.
pub type IterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// `tp_iternext`: `None` when exhausted (no `StopIteration` object made).
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
/// `nb_bool`.
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
/// `sq_length`/`mp_length`.
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
/// Binary number operators, forward or reflected: may return `NotImplemented`.
pub type NumberFn = fn(&mut Vm, &Value, &Value, BinOp) -> PyResult<Value>;
/// Unary operators.
pub type UnaryFn = fn(&mut Vm, &Value, UnaryOp) -> PyResult<Value>;
/// `mp_subscript`.
pub type GetItemFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
/// `mp_ass_subscript` (`None` deletes).
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `sq_contains`.
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
/// `tp_descr_get`: descriptor, instance (`None` through the class), owner.
pub type DescrGetFn = fn(&mut Vm, &Value, Option<&Value>, &TypeRef) -> PyResult<Value>;
/// `tp_descr_set` (`None` deletes).
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `tp_finalize`: runs `__del__` (at most once per object, at a safe point).
pub type FinalizeFn = fn(&mut Vm, &Value) -> PyResult<()>;

/// The slots of one type. `None` means the protocol is not supported.
#[derive(Default)]
pub struct Slots {
    /// `tp_call`.
    pub call: Cell<Option<CallFn>>,
    /// `tp_new`.
    pub new: Cell<Option<NewFn>>,
    /// `tp_init`.
    pub init: Cell<Option<InitFn>>,
    /// `tp_getattro`.
    pub getattro: Cell<Option<GetAttrFn>>,
    /// `tp_setattro`.
    pub setattro: Cell<Option<SetAttrFn>>,
    /// `tp_repr`.
    pub repr: Cell<Option<ReprFn>>,
    /// `tp_str`.
    pub str: Cell<Option<ReprFn>>,
    /// `tp_hash` (`None`: unhashable).
    pub hash: Cell<Option<HashFn>>,
    /// `tp_richcompare`.
    pub richcompare: Cell<Option<CompareFn>>,
    /// `tp_iter`.
    pub iter: Cell<Option<IterFn>>,
    /// `tp_iternext`.
    pub next: Cell<Option<NextFn>>,
    /// `nb_bool`.
    pub bool: Cell<Option<BoolFn>>,
    /// `sq_length`/`mp_length`.
    pub len: Cell<Option<LenFn>>,
    /// Binary number operators.
    pub number: Cell<Option<NumberFn>>,
    /// In-place number operators (falls back to `number`).
    pub inplace: Cell<Option<NumberFn>>,
    /// Unary operators.
    pub unary: Cell<Option<UnaryFn>>,
    /// `mp_subscript`.
    pub getitem: Cell<Option<GetItemFn>>,
    /// `mp_ass_subscript`.
    pub setitem: Cell<Option<SetItemFn>>,
    /// `sq_contains`.
    pub contains: Cell<Option<ContainsFn>>,
    /// `tp_descr_get`.
    pub descr_get: Cell<Option<DescrGetFn>>,
    /// `tp_descr_set`.
    pub descr_set: Cell<Option<DescrSetFn>>,
    /// `tp_finalize`.
    pub finalize: Cell<Option<FinalizeFn>>,
    /// `tp_traverse`/`tp_clear`: the collector's hooks, present exactly when
    /// instances are containers carrying a GC header. Set from the payload
    /// type by `TypeObject::for_payload`; never changed, never inherited.
    pub gc: Option<crate::gc::GcHooks>,
}

impl Slots {
    /// Copies every slot from `base` (inheritance at class creation).
    pub fn inherit_from(&self, base: &Slots) {
        macro_rules! copy {
            ($($f:ident),*) => { $( self.$f.set(base.$f.get()); )* };
        }
        copy!(
            call,
            new,
            init,
            getattro,
            setattro,
            repr,
            str,
            hash,
            richcompare,
            iter,
            next,
            bool,
            len,
            number,
            inplace,
            unary,
            getitem,
            setitem,
            contains,
            descr_get,
            descr_set,
            finalize
        );
    }
}
