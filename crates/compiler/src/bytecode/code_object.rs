//! Code objects: what the code generator produces and the VM runs.
//!
//! [`CodeObject`] holds CPython 3.14's `co_*` data: argument counts, stack
//! size, flags, the bytecode (`co_code`, see [`super::encoding`]),
//! constants, names, the "locals plus" array (fast locals, cells and free
//! variables in one array, each with a kind byte) and the exception and
//! location tables. Constants are compiler-side values
//! ([`ConstantValue`]); the VM turns them into objects when it loads the
//! code. Derived views (`co_varnames`, `co_cellvars`, `co_freevars`,
//! `co_nlocals`) are computed from the locals-plus kinds as CPython does.

use krait_syntax::ast::{BigInt, Identifier};
use krait_syntax::wtf8::Wtf8Buf;

use super::location_table::{self, LineRange, Location, LocationTableError};

/// `co_flags` bits (CPython's `CO_*` constants; `dis.COMPILER_FLAG_NAMES`
/// and the `__future__` compiler flags).
pub mod co_flags {
    /// Uses fast locals (functions, not module or class bodies).
    pub const OPTIMIZED: u32 = 0x1;
    /// A new locals namespace is created for each call.
    pub const NEWLOCALS: u32 = 0x2;
    /// Has a `*args` parameter.
    pub const VARARGS: u32 = 0x4;
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 0x8;
    /// A nested function (also the `nested_scopes` future flag).
    pub const NESTED: u32 = 0x10;
    /// A generator function.
    pub const GENERATOR: u32 = 0x20;
    /// No free or cell variables (kept for compatibility).
    pub const NOFREE: u32 = 0x40;
    /// A coroutine function (`async def`).
    pub const COROUTINE: u32 = 0x80;
    /// A generator-based coroutine (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// An async generator function.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// `from __future__ import division` (no effect in Python 3).
    pub const FUTURE_DIVISION: u32 = 0x20000;
    /// `from __future__ import absolute_import`.
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    /// `from __future__ import with_statement`.
    pub const FUTURE_WITH_STATEMENT: u32 = 0x80000;
    /// `from __future__ import print_function`.
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    /// `from __future__ import unicode_literals`.
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    /// `from __future__ import barry_as_FLUFL`.
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    /// `from __future__ import generator_stop`.
    pub const FUTURE_GENERATOR_STOP: u32 = 0x800000;
    /// `from __future__ import annotations`.
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
    /// The first constant is the docstring.
    pub const HAS_DOCSTRING: u32 = 0x4000000;
    /// A function defined in a class body.
    pub const METHOD: u32 = 0x8000000;
}

/// Kind bits of one locals-plus slot (`co_localspluskinds`, CPython's
/// `CO_FAST_*`).
pub mod fast_kind {
    /// A positional parameter (positional-only, positional-or-keyword, or
    /// `*args`).
    pub const ARG_POS: u8 = 0x02;
    /// A keyword parameter (keyword-only, positional-or-keyword, or
    /// `**kwargs`).
    pub const ARG_KW: u8 = 0x04;
    /// `*args` or `**kwargs`.
    pub const ARG_VAR: u8 = 0x08;
    /// Any parameter.
    pub const ARG: u8 = ARG_POS | ARG_KW | ARG_VAR;
    /// A local of an inlined comprehension, hidden from `locals()`.
    pub const HIDDEN: u8 = 0x10;
    /// A fast local (may also be a cell).
    pub const LOCAL: u8 = 0x20;
    /// A cell: a local captured by an inner scope.
    pub const CELL: u8 = 0x40;
    /// A free variable from the enclosing scope's closure.
    pub const FREE: u8 = 0x80;
}

/// A constant of `co_consts`, as the compiler knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstantValue {
    /// `None`
    None,
    /// `True` or `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An integer that fits in `i64`.
    Int(i64),
    /// A larger integer: sign and magnitude.
    BigInt {
        /// Whether the value is negative.
        negative: bool,
        /// Its absolute value.
        magnitude: Box<BigInt>,
    },
    /// A float.
    Float(f64),
    /// A complex number.
    Complex {
        /// Real part.
        real: f64,
        /// Imaginary part.
        imag: f64,
    },
    /// A string (lone surrogates allowed).
    Str(Wtf8Buf),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants.
    Tuple(Vec<ConstantValue>),
    /// A frozenset of constants (`x in {1, 2}`), in insertion order.
    FrozenSet(Vec<ConstantValue>),
    /// A constant slice (`x[1:2]` loads `slice(1, 2, None)` in 3.14).
    Slice(Box<[ConstantValue; 3]>),
    /// A nested code object (function bodies, comprehensions, classes).
    Code(Box<CodeObject>),
}

impl ConstantValue {
    /// Whether two constants may share one `co_consts` slot, as CPython's
    /// `_PyCode_ConstantKey` decides: same type and value, with floats
    /// compared by bits (so `0.0` and `-0.0` differ and a NaN equals
    /// itself), `1`, `1.0` and `True` all distinct, and containers compared
    /// element-wise by the same rule. Code objects are never merged here.
    #[must_use]
    pub fn same_constant(&self, other: &ConstantValue) -> bool {
        use ConstantValue as C;
        let all_same = |a: &[C], b: &[C]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_constant(y))
        };
        match (self, other) {
            (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
            (C::Bool(a), C::Bool(b)) => a == b,
            (C::Int(a), C::Int(b)) => a == b,
            (
                C::BigInt {
                    negative: na,
                    magnitude: ma,
                },
                C::BigInt {
                    negative: nb,
                    magnitude: mb,
                },
            ) => na == nb && ma == mb,
            (C::Float(a), C::Float(b)) => a.to_bits() == b.to_bits(),
            (C::Complex { real: ra, imag: ia }, C::Complex { real: rb, imag: ib }) => {
                ra.to_bits() == rb.to_bits() && ia.to_bits() == ib.to_bits()
            }
            (C::Str(a), C::Str(b)) => a.as_bytes() == b.as_bytes(),
            (C::Bytes(a), C::Bytes(b)) => a == b,
            (C::Tuple(a), C::Tuple(b)) | (C::FrozenSet(a), C::FrozenSet(b)) => all_same(a, b),
            (C::Slice(a), C::Slice(b)) => all_same(&a[..], &b[..]),
            _ => false,
        }
    }
}

/// A compiled code object: CPython 3.14's `co_*` fields.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters (including positional-only).
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`: the deepest value stack the code needs.
    pub stacksize: u32,
    /// `co_flags` (see [`co_flags`]).
    pub flags: u32,
    /// `co_code`: code units as bytes, caches zeroed.
    pub code: Vec<u8>,
    /// `co_consts`.
    pub consts: Vec<ConstantValue>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Identifier>,
    /// `co_localsplusnames`: fast locals, then cells that are not locals,
    /// then free variables.
    pub localsplusnames: Vec<Identifier>,
    /// `co_localspluskinds`: one [`fast_kind`] byte per locals-plus name.
    pub localspluskinds: Vec<u8>,
    /// `co_filename`.
    pub filename: Wtf8Buf,
    /// `co_name`.
    pub name: Identifier,
    /// `co_qualname`.
    pub qualname: String,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_linetable` (see [`super::location_table`]).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` (see [`super::exception_table`]).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// An empty code object (no code, no names) with its identity filled in;
    /// the code generator sets the rest.
    #[must_use]
    pub fn new(filename: Wtf8Buf, name: Identifier, qualname: String, firstlineno: i32) -> Self {
        CodeObject {
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 0,
            flags: 0,
            code: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            localsplusnames: Vec::new(),
            localspluskinds: Vec::new(),
            filename,
            name,
            qualname,
            firstlineno,
            linetable: Vec::new(),
            exceptiontable: Vec::new(),
        }
    }

    fn names_of_kind(&self, kind: u8) -> impl Iterator<Item = &Identifier> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(move |(_, k)| **k & kind != 0)
            .map(|(name, _)| name)
    }

    /// `co_varnames`: the fast locals (parameters first).
    #[must_use]
    pub fn varnames(&self) -> Vec<&Identifier> {
        self.names_of_kind(fast_kind::LOCAL).collect()
    }

    /// `co_cellvars`: locals captured by inner scopes (including parameters).
    #[must_use]
    pub fn cellvars(&self) -> Vec<&Identifier> {
        self.names_of_kind(fast_kind::CELL).collect()
    }

    /// `co_freevars`: variables from the enclosing closure.
    #[must_use]
    pub fn freevars(&self) -> Vec<&Identifier> {
        self.names_of_kind(fast_kind::FREE).collect()
    }

    /// `co_nlocals`: number of fast locals.
    #[must_use]
    pub fn nlocals(&self) -> usize {
        self.names_of_kind(fast_kind::LOCAL).count()
    }

    /// Number of locals-plus slots a frame needs.
    #[must_use]
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    /// Number of code units in `co_code`.
    #[must_use]
    pub fn code_units(&self) -> usize {
        self.code.len() / 2
    }

    /// `co_positions()`: the location of every code unit.
    ///
    /// # Errors
    /// A malformed location table.
    pub fn positions(&self) -> Result<Vec<Location>, LocationTableError> {
        location_table::positions(&self.linetable, self.firstlineno)
    }

    /// `co_lines()`: byte ranges with their line.
    ///
    /// # Errors
    /// A malformed location table.
    pub fn lines(&self) -> Result<Vec<LineRange>, LocationTableError> {
        location_table::lines(&self.linetable, self.firstlineno)
    }

    /// The location of code unit `unit` (what a traceback shows).
    #[must_use]
    pub fn location_at(&self, unit: usize) -> Option<Location> {
        location_table::location_at(&self.linetable, self.firstlineno, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_name_views() {
        // def f(a, /, b, *c, d, **e): x = 1; def g(): return x + a; return g
        // CPython: co_varnames ('a', 'b', 'd', 'c', 'e', 'g'), co_cellvars
        // ('a', 'x'), co_freevars (), co_nlocals 6.
        use fast_kind::*;
        let names = ["a", "b", "d", "c", "e", "g", "x"];
        let code = CodeObject {
            localsplusnames: names.iter().map(|n| Identifier::new(*n)).collect(),
            localspluskinds: vec![
                LOCAL | CELL | ARG_POS,
                LOCAL | ARG_POS | ARG_KW,
                LOCAL | ARG_KW,
                LOCAL | ARG_POS | ARG_VAR,
                LOCAL | ARG_KW | ARG_VAR,
                LOCAL,
                CELL,
            ],
            ..CodeObject::new(Wtf8Buf::from("s"), Identifier::new("f"), "f".to_owned(), 1)
        };
        let text =
            |v: Vec<&Identifier>| v.iter().map(|i| i.as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(text(code.varnames()), ["a", "b", "d", "c", "e", "g"]);
        assert_eq!(text(code.cellvars()), ["a", "x"]);
        assert!(code.freevars().is_empty());
        assert_eq!(code.nlocals(), 6);
    }

    #[test]
    fn constant_keys() {
        use ConstantValue as C;
        assert!(!C::Float(0.0).same_constant(&C::Float(-0.0)));
        assert!(C::Float(f64::NAN).same_constant(&C::Float(f64::NAN)));
        assert!(!C::Int(1).same_constant(&C::Bool(true)));
        assert!(
            C::Tuple(vec![C::Int(1), C::None]).same_constant(&C::Tuple(vec![C::Int(1), C::None]))
        );
        assert!(!C::Tuple(vec![C::Int(1)]).same_constant(&C::FrozenSet(vec![C::Int(1)])));
    }
}
