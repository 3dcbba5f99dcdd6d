//! Symbols: the per-name facts the symbol table collects ([`SymbolFlags`]) and
//! the scope the analysis resolves each name to ([`SymbolScope`]).
//!
//! The flag values are CPython 3.14's (`Include/internal/pycore_symtable.h`,
//! exposed by the `_symtable` module), so a dump can be compared bit for bit.

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};

/// What the first pass learned about one name in one block, as CPython's `DEF_*`/`USE` bits.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SymbolFlags(u32);

impl SymbolFlags {
    /// No facts.
    pub const EMPTY: Self = Self(0);
    /// `global name` in this block (`DEF_GLOBAL`).
    pub const GLOBAL: Self = Self(1);
    /// Assigned in this block (`DEF_LOCAL`).
    pub const LOCAL: Self = Self(2);
    /// A parameter of this block (`DEF_PARAM`).
    pub const PARAM: Self = Self(4);
    /// `nonlocal name` in this block (`DEF_NONLOCAL`).
    pub const NONLOCAL: Self = Self(8);
    /// Read in this block (`USE`).
    pub const USE: Self = Self(16);
    /// A class-scope name that is also free in a method (`DEF_FREE_CLASS`).
    pub const FREE_CLASS: Self = Self(64);
    /// Bound by an import (`DEF_IMPORT`).
    pub const IMPORT: Self = Self(128);
    /// Annotated with `name: annotation` (`DEF_ANNOT`).
    pub const ANNOT: Self = Self(256);
    /// A comprehension iteration variable (`DEF_COMP_ITER`).
    pub const COMP_ITER: Self = Self(512);
    /// A PEP 695 type parameter (`DEF_TYPE_PARAM`).
    pub const TYPE_PARAM: Self = Self(1024);
    /// A cell only inside an inlined comprehension (`DEF_COMP_CELL`).
    pub const COMP_CELL: Self = Self(2048);
    /// Any binding (`DEF_BOUND` = local | param | import).
    pub const BOUND: Self = Self(2 | 4 | 128);

    /// The names of the flags, in CPython's `_symtable` spelling and bit order.
    pub const NAMES: [(&'static str, SymbolFlags); 11] = [
        ("DEF_GLOBAL", Self::GLOBAL),
        ("DEF_LOCAL", Self::LOCAL),
        ("DEF_PARAM", Self::PARAM),
        ("DEF_NONLOCAL", Self::NONLOCAL),
        ("USE", Self::USE),
        ("DEF_FREE_CLASS", Self::FREE_CLASS),
        ("DEF_IMPORT", Self::IMPORT),
        ("DEF_ANNOT", Self::ANNOT),
        ("DEF_COMP_ITER", Self::COMP_ITER),
        ("DEF_TYPE_PARAM", Self::TYPE_PARAM),
        ("DEF_COMP_CELL", Self::COMP_CELL),
    ];

    /// The raw bits, equal to CPython's.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether any bit of `other` is set.
    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// The flags without the bits of `other`.
    pub const fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }
}

impl BitOr for SymbolFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for SymbolFlags {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for SymbolFlags {
    type Output = Self;
    fn bitand(self, rhs: Self) -> Self {
        Self(self.0 & rhs.0)
    }
}

impl fmt::Debug for SymbolFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Self::NAMES
            .iter()
            .filter(|(_, flag)| self.contains(*flag))
            .map(|(name, _)| *name)
            .collect();
        write!(f, "{}", names.join("|"))
    }
}

/// Where a name lives at run time, as the analysis decides (CPython's scope values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SymbolScope {
    /// Not resolved (only before analysis).
    #[default]
    Unresolved,
    /// A local variable of the block (`LOCAL`).
    Local,
    /// Declared `global` here or in an enclosing class (`GLOBAL_EXPLICIT`).
    GlobalExplicit,
    /// A global or builtin by default (`GLOBAL_IMPLICIT`).
    GlobalImplicit,
    /// A variable of an enclosing function (`FREE`).
    Free,
    /// A local variable that inner blocks capture (`CELL`).
    Cell,
}

impl SymbolScope {
    /// CPython's number for the scope (`symtable.LOCAL` ...).
    pub const fn value(self) -> u32 {
        match self {
            SymbolScope::Unresolved => 0,
            SymbolScope::Local => 1,
            SymbolScope::GlobalExplicit => 2,
            SymbolScope::GlobalImplicit => 3,
            SymbolScope::Free => 4,
            SymbolScope::Cell => 5,
        }
    }

    /// CPython's name for the scope, as `symtable` prints it.
    pub const fn name(self) -> &'static str {
        match self {
            SymbolScope::Unresolved => "0",
            SymbolScope::Local => "LOCAL",
            SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
            SymbolScope::Free => "FREE",
            SymbolScope::Cell => "CELL",
        }
    }
}

/// One name of one block: its (possibly mangled) spelling, facts and scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The name as stored: private names in classes are already mangled.
    pub name: String,
    /// The facts the first pass collected (plus `DEF_FREE_CLASS`/`DEF_COMP_CELL`
    /// from the analysis).
    pub flags: SymbolFlags,
    /// The resolved scope.
    pub scope: SymbolScope,
}

impl Symbol {
    /// Whether the name is read in its block (`symtable.Symbol.is_referenced`).
    pub fn is_referenced(&self) -> bool {
        self.flags.intersects(SymbolFlags::USE)
    }

    /// Whether the name is a parameter.
    pub fn is_parameter(&self) -> bool {
        self.flags.intersects(SymbolFlags::PARAM)
    }

    /// Whether the name is bound in its block (a local, parameter or import).
    pub fn is_bound(&self) -> bool {
        self.flags.intersects(SymbolFlags::BOUND)
    }

    /// Whether the code generator must use a cell for it (`CELL`).
    pub fn is_cell(&self) -> bool {
        self.scope == SymbolScope::Cell
    }

    /// Whether the name is free (`FREE`).
    pub fn is_free(&self) -> bool {
        self.scope == SymbolScope::Free
    }
}
