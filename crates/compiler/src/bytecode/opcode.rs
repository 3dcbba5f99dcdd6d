//! The instruction set: every CPython 3.14 opcode, defined once.
//!
//! `define_opcodes!` is invoked exactly once, at the bottom of this file,
//! with one line per instruction: its CPython name and number, the number of
//! inline `CACHE` code units that follow it, its flags (the properties
//! `_opcode.has_*` reports, plus the direction of relative jumps) and its net
//! stack effect as a function of the oparg and, for instructions that branch,
//! of whether the branch is taken. Everything else — the [`Opcode`] and
//! [`PseudoOpcode`] enums, number and name lookups, cache sizes, flag queries,
//! stack effects, the list of opcodes in number order for the dispatch loop —
//! is derived from that table.
//!
//! Four sections:
//! - `real`: the base instructions the compiler emits (numbers 0–233 that
//!   `opcode.opmap` lists);
//! - `instrumented`: the `INSTRUMENTED_*` forms (234–255) that
//!   `sys.monitoring` swaps in;
//! - `specialized`: the quickened forms of the adaptive interpreter
//!   (`opcode._specialized_opmap`), each naming its base instruction; they
//!   share the base's cache layout and stack effect;
//! - `pseudo`: instructions the compiler uses before assembly (numbers
//!   ≥ 256, [`PseudoOpcode`]); they never appear in `co_code`.
//!
//! The table is checked against CPython's own metadata by
//! `tests/opcode_metadata.rs` (data recorded by
//! `scripts/record_opcode_metadata.py`).

use std::fmt;

/// Properties of an instruction, as CPython's `_opcode.has_*` functions
/// report them, plus [`OpcodeFlags::BACKWARD`] for relative jumps that go
/// backwards.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OpcodeFlags(u16);

impl OpcodeFlags {
    /// No flag set.
    pub const NONE: Self = Self(0);
    /// The instruction uses its oparg (`_opcode.has_arg`).
    pub const ARG: Self = Self(1);
    /// The oparg indexes `co_consts` (`has_const`).
    pub const CONST: Self = Self(1 << 1);
    /// The oparg indexes `co_names` (`has_name`).
    pub const NAME: Self = Self(1 << 2);
    /// The oparg is a relative jump (`has_jump`, `opcode.hasjrel`).
    pub const JUMP: Self = Self(1 << 3);
    /// The oparg indexes the cell/free part of the fast locals (`has_free`).
    pub const FREE: Self = Self(1 << 4);
    /// The oparg indexes the fast locals (`has_local`).
    pub const LOCAL: Self = Self(1 << 5);
    /// The instruction sets up an exception handler (`has_exc`; pseudo only).
    pub const EXC: Self = Self(1 << 6);
    /// The oparg encodes a comparison operator (`opcode.hascompare`).
    pub const COMPARE: Self = Self(1 << 7);
    /// The relative jump goes backwards (`dis._is_backward_jump`).
    pub const BACKWARD: Self = Self(1 << 8);

    /// Every flag with its lower-case name, in a fixed order (for display
    /// and for tests).
    pub const NAMED: [(Self, &'static str); 9] = [
        (Self::ARG, "arg"),
        (Self::CONST, "const"),
        (Self::NAME, "name"),
        (Self::JUMP, "jump"),
        (Self::FREE, "free"),
        (Self::LOCAL, "local"),
        (Self::EXC, "exc"),
        (Self::COMPARE, "compare"),
        (Self::BACKWARD, "backward"),
    ];

    /// Both sets of flags.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether every flag of `other` is set in `self`.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// The raw bits.
    #[must_use]
    pub const fn bits(self) -> u16 {
        self.0
    }
}

impl fmt::Debug for OpcodeFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut set = f.debug_set();
        for (flag, name) in Self::NAMED {
            if self.contains(flag) {
                set.entry(&name);
            }
        }
        set.finish()
    }
}

/// Which section of the instruction table an [`Opcode`] belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum OpcodeKind {
    /// A base instruction, emitted by the compiler (`opcode.opmap`).
    Base,
    /// An `INSTRUMENTED_*` form used by `sys.monitoring`.
    Instrumented,
    /// A quickened form of a base instruction (`opcode._specialized_opmap`).
    Specialized,
}

/// The `EXTENDED_ARG` opcode number (`opcode.EXTENDED_ARG`).
pub const EXTENDED_ARG: u8 = Opcode::EXTENDED_ARG as u8;

/// Opcodes below this number take no argument (`opcode.HAVE_ARGUMENT`); the
/// table's [`OpcodeFlags::ARG`] is authoritative.
pub const HAVE_ARGUMENT: u8 = 43;

/// The first `INSTRUMENTED_*` opcode number (`opcode.MIN_INSTRUMENTED_OPCODE`).
pub const MIN_INSTRUMENTED_OPCODE: u8 = 234;

/// Clamps a stack effect computed in `i64` to `i32` (opargs beyond 2^31 give
/// meaningless effects, as in CPython, but never overflow).
fn clamp_effect(effect: i64) -> i32 {
    i32::try_from(effect).unwrap_or(if effect < 0 { i32::MIN } else { i32::MAX })
}

/// Expands the one instruction table into the opcode types and their
/// metadata. Invoked once, below.
macro_rules! define_opcodes {
    (
        real {
            $( $rname:ident = $rnum:literal, caches $rcache:literal,
               flags [$($rflag:ident)|*], effect $reff:expr; )*
        }
        instrumented {
            $( $iname:ident = $inum:literal, caches $icache:literal,
               flags [$($iflag:ident)|*], effect $ieff:expr; )*
        }
        specialized {
            $( $sname:ident = $snum:literal of $sbase:ident,
               flags [$($sflag:ident)|*]; )*
        }
        pseudo {
            $( $pname:ident = $pnum:literal,
               flags [$($pflag:ident)|*], effect $peff:expr; )*
        }
    ) => {
        /// A real CPython 3.14 opcode: the byte in the first half of a code
        /// unit. Base instructions, their instrumented forms and their
        /// specialized (quickened) forms; variant names are CPython's.
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum Opcode {
            $( #[doc = concat!("`", stringify!($rname), "`")] $rname = $rnum, )*
            $( #[doc = concat!("`", stringify!($iname), "`")] $iname = $inum, )*
            $( #[doc = concat!("`", stringify!($sname), "` (specialized `", stringify!($sbase), "`)")] $sname = $snum, )*
        }

        /// A pattern matching every [`Opcode`], variant by variant: a match
        /// that ends with it instead of `_` is exhaustive over the variants,
        /// so the compiler knows no other byte can reach it (the eval loop's
        /// dispatch then needs no range check before its jump table).
        /// Alternatives already handled by earlier arms are unreachable
        /// there (`#[allow(unreachable_patterns)]` on that arm).
        #[macro_export]
        macro_rules! every_opcode {
            () => {
                $( $crate::bytecode::opcode::Opcode::$rname )|*
                $( | $crate::bytecode::opcode::Opcode::$iname )*
                $( | $crate::bytecode::opcode::Opcode::$sname )*
            };
        }

        /// A pseudo instruction: used by the code generator and flow-graph
        /// optimiser, replaced by real instructions (or dropped) before
        /// assembly. Numbers are CPython's (≥ 256).
        #[repr(u16)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum PseudoOpcode {
            $( #[doc = concat!("`", stringify!($pname), "`")] $pname = $pnum, )*
        }

        impl Opcode {
            /// Number of real opcodes (base, instrumented and specialized).
            pub const COUNT: usize = [$(Opcode::$rname,)* $(Opcode::$iname,)* $(Opcode::$sname,)*].len();

            /// Lookup table from byte to opcode; `None` for unused numbers.
            const BY_NUMBER: [Option<Opcode>; 256] = {
                let mut table = [None; 256];
                $( table[$rnum] = Some(Opcode::$rname); )*
                $( table[$inum] = Some(Opcode::$iname); )*
                $( table[$snum] = Some(Opcode::$sname); )*
                table
            };

            /// Every real opcode in number order (what a dispatch table or
            /// `opcode.opname` is built from).
            pub const ALL: [Opcode; Opcode::COUNT] = {
                let mut all = [Opcode::CACHE; Opcode::COUNT];
                let mut number = 0;
                let mut next = 0;
                while number < 256 {
                    if let Some(op) = Self::BY_NUMBER[number] {
                        all[next] = op;
                        next += 1;
                    }
                    number += 1;
                }
                all
            };

            /// The opcode with this number, if CPython 3.14 defines one.
            #[must_use]
            pub const fn from_u8(number: u8) -> Option<Opcode> {
                Self::BY_NUMBER[number as usize]
            }

            /// The opcode with this CPython name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $( stringify!($rname) => Some(Opcode::$rname), )*
                    $( stringify!($iname) => Some(Opcode::$iname), )*
                    $( stringify!($sname) => Some(Opcode::$sname), )*
                    _ => None,
                }
            }

            /// The opcode's number (its byte in `co_code`).
            #[must_use]
            pub const fn number(self) -> u8 {
                self as u8
            }

            /// CPython's name, as `dis` prints it.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( Opcode::$rname => stringify!($rname), )*
                    $( Opcode::$iname => stringify!($iname), )*
                    $( Opcode::$sname => stringify!($sname), )*
                }
            }

            /// Which section of the table the opcode comes from.
            #[must_use]
            pub const fn kind(self) -> OpcodeKind {
                match self {
                    $( Opcode::$rname => OpcodeKind::Base, )*
                    $( Opcode::$iname => OpcodeKind::Instrumented, )*
                    $( Opcode::$sname => OpcodeKind::Specialized, )*
                }
            }

            /// The base instruction of a specialized form (CPython's
            /// `_PyOpcode_Deopt`); any other opcode is its own base.
            #[must_use]
            pub const fn deopt(self) -> Opcode {
                Self::DEOPT[self as usize]
            }

            /// [`deopt`](Self::deopt) by number: one load in the eval loop.
            const DEOPT: [Opcode; 256] = {
                let mut table = [Opcode::CACHE; 256];
                $( table[$rnum] = Opcode::$rname; )*
                $( table[$inum] = Opcode::$iname; )*
                $( table[$snum] = Opcode::$sbase; )*
                table
            };

            /// What the eval loop needs of a code unit's opcode byte, in one
            /// load: its base instruction ([`deopt`](Self::deopt)) and its
            /// inline cache size; `None` for numbers CPython leaves unused.
            #[must_use]
            #[inline(always)]
            pub const fn decode(number: u8) -> Option<(Opcode, u8)> {
                Self::DECODE[number as usize]
            }

            /// [`decode`](Self::decode) by number.
            const DECODE: [Option<(Opcode, u8)>; 256] = {
                let mut table = [None; 256];
                let mut number = 0;
                while number < 256 {
                    if Self::BY_NUMBER[number].is_some() {
                        table[number] = Some((Self::DEOPT[number], Self::CACHES[number]));
                    }
                    number += 1;
                }
                table
            };

            /// [`cache_entries`](Self::cache_entries) by number.
            const CACHES: [u8; 256] = {
                let mut table = [0u8; 256];
                $( table[$rnum] = $rcache as u8; )*
                $( table[$inum] = $icache as u8; )*
                $( table[$snum] = Opcode::$sbase.declared_cache_entries() as u8; )*
                table
            };

            /// Number of inline `CACHE` code units after the instruction;
            /// specialized forms share their base's.
            #[must_use]
            pub const fn cache_entries(self) -> usize {
                Self::CACHES[self as usize] as usize
            }

            /// The cache sizes as the table declares them.
            const fn declared_cache_entries(self) -> usize {
                match self {
                    $( Opcode::$rname => $rcache, )*
                    $( Opcode::$iname => $icache, )*
                    $( Opcode::$sname => Opcode::$sbase.declared_cache_entries(), )*
                }
            }

            /// The opcode's own flags, as `_opcode.has_*` reports them for
            /// this number. A specialized form may clear flags its base has
            /// (it no longer reads the oparg, say); code walking `co_code`
            /// should ask the [`deopt`](Self::deopt) base.
            #[must_use]
            pub const fn flags(self) -> OpcodeFlags {
                match self {
                    $( Opcode::$rname => OpcodeFlags::NONE$(.union(OpcodeFlags::$rflag))*, )*
                    $( Opcode::$iname => OpcodeFlags::NONE$(.union(OpcodeFlags::$iflag))*, )*
                    $( Opcode::$sname => OpcodeFlags::NONE$(.union(OpcodeFlags::$sflag))*, )*
                }
            }

            /// Net change of the stack depth when the instruction runs with
            /// this oparg; `jump` selects the branch-taken path of
            /// instructions whose effect depends on it (as
            /// `_opcode.stack_effect(op, oparg, jump=...)`). Opcodes without
            /// an argument ignore `oparg`. Specialized forms report their
            /// base's effect (CPython refuses to answer for them).
            #[must_use]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                let oparg = i64::from(oparg);
                let effect: i64 = match self {
                    $( Opcode::$rname => {
                        let f: fn(i64, bool) -> i64 = $reff;
                        f(oparg, jump)
                    } )*
                    $( Opcode::$iname => {
                        let f: fn(i64, bool) -> i64 = $ieff;
                        f(oparg, jump)
                    } )*
                    $( Opcode::$sname => i64::from(Opcode::$sbase.stack_effect(oparg as u32, jump)), )*
                };
                clamp_effect(effect)
            }
        }

        impl PseudoOpcode {
            /// Every pseudo opcode in number order.
            pub const ALL: &'static [PseudoOpcode] = &[$(PseudoOpcode::$pname,)*];

            /// The pseudo opcode with this number.
            #[must_use]
            pub const fn from_u16(number: u16) -> Option<PseudoOpcode> {
                match number {
                    $( $pnum => Some(PseudoOpcode::$pname), )*
                    _ => None,
                }
            }

            /// The pseudo opcode with this CPython name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<PseudoOpcode> {
                match name {
                    $( stringify!($pname) => Some(PseudoOpcode::$pname), )*
                    _ => None,
                }
            }

            /// The pseudo opcode's CPython number (≥ 256).
            #[must_use]
            pub const fn number(self) -> u16 {
                self as u16
            }

            /// CPython's name.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( PseudoOpcode::$pname => stringify!($pname), )*
                }
            }

            /// Flags, as `_opcode.has_*` reports them.
            #[must_use]
            pub const fn flags(self) -> OpcodeFlags {
                match self {
                    $( PseudoOpcode::$pname => OpcodeFlags::NONE$(.union(OpcodeFlags::$pflag))*, )*
                }
            }

            /// Net stack effect, as [`Opcode::stack_effect`]. For the
            /// `SETUP_*` pseudo instructions `jump` means "at the handler":
            /// the values pushed for the exception handler.
            #[must_use]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                let oparg = i64::from(oparg);
                let effect: i64 = match self {
                    $( PseudoOpcode::$pname => {
                        let f: fn(i64, bool) -> i64 = $peff;
                        f(oparg, jump)
                    } )*
                };
                clamp_effect(effect)
            }
        }
    };
}

impl Opcode {
    /// Whether the instruction uses its oparg.
    #[must_use]
    pub const fn has_arg(self) -> bool {
        self.flags().contains(OpcodeFlags::ARG)
    }

    /// Whether the oparg indexes `co_consts`.
    #[must_use]
    pub const fn has_const(self) -> bool {
        self.flags().contains(OpcodeFlags::CONST)
    }

    /// Whether the oparg indexes `co_names`.
    #[must_use]
    pub const fn has_name(self) -> bool {
        self.flags().contains(OpcodeFlags::NAME)
    }

    /// Whether the oparg is a relative jump.
    #[must_use]
    pub const fn has_jump(self) -> bool {
        self.flags().contains(OpcodeFlags::JUMP)
    }

    /// Whether the oparg indexes cell/free variables.
    #[must_use]
    pub const fn has_free(self) -> bool {
        self.flags().contains(OpcodeFlags::FREE)
    }

    /// Whether the oparg indexes fast locals.
    #[must_use]
    pub const fn has_local(self) -> bool {
        self.flags().contains(OpcodeFlags::LOCAL)
    }

    /// Whether the instruction is a relative jump backwards (its base's
    /// flag, so specialized forms of `JUMP_BACKWARD` count).
    #[must_use]
    pub const fn is_backward_jump(self) -> bool {
        self.deopt().flags().contains(OpcodeFlags::BACKWARD)
    }

    /// Whether this is an `INSTRUMENTED_*` form.
    #[must_use]
    pub const fn is_instrumented(self) -> bool {
        matches!(self.kind(), OpcodeKind::Instrumented)
    }

    /// Whether this is a specialized form.
    #[must_use]
    pub const fn is_specialized(self) -> bool {
        matches!(self.kind(), OpcodeKind::Specialized)
    }

    /// The stack effect when the branch may or may not be taken: the larger
    /// of the two (`_opcode.stack_effect(op, oparg)` with no `jump`).
    #[must_use]
    pub fn max_stack_effect(self, oparg: u32) -> i32 {
        self.stack_effect(oparg, true)
            .max(self.stack_effect(oparg, false))
    }

    /// Whether control never continues to the next instruction.
    #[must_use]
    pub const fn is_scope_exit(self) -> bool {
        matches!(
            self.deopt(),
            Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
    }

    /// Whether this is an unconditional jump.
    #[must_use]
    pub const fn is_unconditional_jump(self) -> bool {
        matches!(
            self.deopt(),
            Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }
}

impl PseudoOpcode {
    /// Whether the instruction uses its oparg.
    #[must_use]
    pub const fn has_arg(self) -> bool {
        self.flags().contains(OpcodeFlags::ARG)
    }

    /// Whether the oparg is a jump target (a label before assembly).
    #[must_use]
    pub const fn has_jump(self) -> bool {
        self.flags().contains(OpcodeFlags::JUMP)
    }

    /// Whether the instruction pushes an exception handler block.
    #[must_use]
    pub const fn has_exc(self) -> bool {
        self.flags().contains(OpcodeFlags::EXC)
    }

    /// The larger stack effect of the two paths (see [`Opcode::max_stack_effect`]).
    #[must_use]
    pub fn max_stack_effect(self, oparg: u32) -> i32 {
        self.stack_effect(oparg, true)
            .max(self.stack_effect(oparg, false))
    }
}

impl fmt::Debug for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for PseudoOpcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for PseudoOpcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A real or pseudo opcode: what the code generator's instruction sequence
/// holds before assembly.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum AnyOpcode {
    /// A real instruction.
    Real(Opcode),
    /// A pseudo instruction, resolved before assembly.
    Pseudo(PseudoOpcode),
}

impl AnyOpcode {
    /// The opcode with this CPython number (real below 256, pseudo above).
    #[must_use]
    pub const fn from_number(number: u16) -> Option<AnyOpcode> {
        if number < 256 {
            match Opcode::from_u8(number as u8) {
                Some(op) => Some(AnyOpcode::Real(op)),
                None => None,
            }
        } else {
            match PseudoOpcode::from_u16(number) {
                Some(op) => Some(AnyOpcode::Pseudo(op)),
                None => None,
            }
        }
    }

    /// The opcode with this CPython name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<AnyOpcode> {
        Opcode::from_name(name)
            .map(AnyOpcode::Real)
            .or_else(|| PseudoOpcode::from_name(name).map(AnyOpcode::Pseudo))
    }

    /// CPython's number.
    #[must_use]
    pub const fn number(self) -> u16 {
        match self {
            AnyOpcode::Real(op) => op as u16,
            AnyOpcode::Pseudo(op) => op as u16,
        }
    }

    /// CPython's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            AnyOpcode::Real(op) => op.name(),
            AnyOpcode::Pseudo(op) => op.name(),
        }
    }

    /// Flags (see [`OpcodeFlags`]).
    #[must_use]
    pub const fn flags(self) -> OpcodeFlags {
        match self {
            AnyOpcode::Real(op) => op.flags(),
            AnyOpcode::Pseudo(op) => op.flags(),
        }
    }

    /// Whether the instruction uses its oparg.
    #[must_use]
    pub const fn has_arg(self) -> bool {
        self.flags().contains(OpcodeFlags::ARG)
    }

    /// Number of inline cache entries (0 for pseudo instructions).
    #[must_use]
    pub const fn cache_entries(self) -> usize {
        match self {
            AnyOpcode::Real(op) => op.cache_entries(),
            AnyOpcode::Pseudo(_) => 0,
        }
    }

    /// Net stack effect (see [`Opcode::stack_effect`]).
    #[must_use]
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        match self {
            AnyOpcode::Real(op) => op.stack_effect(oparg, jump),
            AnyOpcode::Pseudo(op) => op.stack_effect(oparg, jump),
        }
    }

    /// The larger stack effect of the two paths.
    #[must_use]
    pub fn max_stack_effect(self, oparg: u32) -> i32 {
        self.stack_effect(oparg, true)
            .max(self.stack_effect(oparg, false))
    }
}

impl From<Opcode> for AnyOpcode {
    fn from(op: Opcode) -> Self {
        AnyOpcode::Real(op)
    }
}

impl From<PseudoOpcode> for AnyOpcode {
    fn from(op: PseudoOpcode) -> Self {
        AnyOpcode::Pseudo(op)
    }
}

// The instruction table. Effects are `|oparg, jump| net change`.
define_opcodes! {
    real {
        CACHE = 0, caches 0, flags [], effect |_, _| 0;
        BINARY_SLICE = 1, caches 0, flags [], effect |_, _| -2;
        BUILD_TEMPLATE = 2, caches 0, flags [], effect |_, _| -1;
        CALL_FUNCTION_EX = 4, caches 0, flags [], effect |_, _| -3;
        CHECK_EG_MATCH = 5, caches 0, flags [], effect |_, _| 0;
        CHECK_EXC_MATCH = 6, caches 0, flags [], effect |_, _| 0;
        CLEANUP_THROW = 7, caches 0, flags [], effect |_, _| -1;
        DELETE_SUBSCR = 8, caches 0, flags [], effect |_, _| -2;
        END_FOR = 9, caches 0, flags [], effect |_, _| -1;
        END_SEND = 10, caches 0, flags [], effect |_, _| -1;
        EXIT_INIT_CHECK = 11, caches 0, flags [], effect |_, _| -1;
        FORMAT_SIMPLE = 12, caches 0, flags [], effect |_, _| 0;
        FORMAT_WITH_SPEC = 13, caches 0, flags [], effect |_, _| -1;
        GET_AITER = 14, caches 0, flags [], effect |_, _| 0;
        GET_ANEXT = 15, caches 0, flags [], effect |_, _| 1;
        GET_ITER = 16, caches 0, flags [], effect |_, _| 0;
        RESERVED = 17, caches 0, flags [], effect |_, _| 0;
        GET_LEN = 18, caches 0, flags [], effect |_, _| 1;
        GET_YIELD_FROM_ITER = 19, caches 0, flags [], effect |_, _| 0;
        INTERPRETER_EXIT = 20, caches 0, flags [], effect |_, _| -1;
        LOAD_BUILD_CLASS = 21, caches 0, flags [], effect |_, _| 1;
        LOAD_LOCALS = 22, caches 0, flags [], effect |_, _| 1;
        MAKE_FUNCTION = 23, caches 0, flags [], effect |_, _| 0;
        MATCH_KEYS = 24, caches 0, flags [], effect |_, _| 1;
        MATCH_MAPPING = 25, caches 0, flags [], effect |_, _| 1;
        MATCH_SEQUENCE = 26, caches 0, flags [], effect |_, _| 1;
        NOP = 27, caches 0, flags [], effect |_, _| 0;
        NOT_TAKEN = 28, caches 0, flags [], effect |_, _| 0;
        POP_EXCEPT = 29, caches 0, flags [], effect |_, _| -1;
        POP_ITER = 30, caches 0, flags [], effect |_, _| -1;
        POP_TOP = 31, caches 0, flags [], effect |_, _| -1;
        PUSH_EXC_INFO = 32, caches 0, flags [], effect |_, _| 1;
        PUSH_NULL = 33, caches 0, flags [], effect |_, _| 1;
        RETURN_GENERATOR = 34, caches 0, flags [], effect |_, _| 1;
        RETURN_VALUE = 35, caches 0, flags [], effect |_, _| 0;
        SETUP_ANNOTATIONS = 36, caches 0, flags [], effect |_, _| 0;
        STORE_SLICE = 37, caches 0, flags [], effect |_, _| -4;
        STORE_SUBSCR = 38, caches 1, flags [], effect |_, _| -3;
        TO_BOOL = 39, caches 3, flags [], effect |_, _| 0;
        UNARY_INVERT = 40, caches 0, flags [], effect |_, _| 0;
        UNARY_NEGATIVE = 41, caches 0, flags [], effect |_, _| 0;
        UNARY_NOT = 42, caches 0, flags [], effect |_, _| 0;
        WITH_EXCEPT_START = 43, caches 0, flags [], effect |_, _| 1;
        BINARY_OP = 44, caches 5, flags [ARG], effect |_, _| -1;
        BUILD_INTERPOLATION = 45, caches 0, flags [ARG], effect |o, _| -1 - (o & 1);
        BUILD_LIST = 46, caches 0, flags [ARG], effect |o, _| 1 - o;
        BUILD_MAP = 47, caches 0, flags [ARG], effect |o, _| 1 - 2 * o;
        BUILD_SET = 48, caches 0, flags [ARG], effect |o, _| 1 - o;
        BUILD_SLICE = 49, caches 0, flags [ARG], effect |o, _| 1 - o;
        BUILD_STRING = 50, caches 0, flags [ARG], effect |o, _| 1 - o;
        BUILD_TUPLE = 51, caches 0, flags [ARG], effect |o, _| 1 - o;
        CALL = 52, caches 3, flags [ARG], effect |o, _| -1 - o;
        CALL_INTRINSIC_1 = 53, caches 0, flags [ARG], effect |_, _| 0;
        CALL_INTRINSIC_2 = 54, caches 0, flags [ARG], effect |_, _| -1;
        CALL_KW = 55, caches 3, flags [ARG], effect |o, _| -2 - o;
        COMPARE_OP = 56, caches 1, flags [ARG | COMPARE], effect |_, _| -1;
        CONTAINS_OP = 57, caches 1, flags [ARG], effect |_, _| -1;
        CONVERT_VALUE = 58, caches 0, flags [ARG], effect |_, _| 0;
        COPY = 59, caches 0, flags [ARG], effect |_, _| 1;
        COPY_FREE_VARS = 60, caches 0, flags [ARG], effect |_, _| 0;
        DELETE_ATTR = 61, caches 0, flags [ARG | NAME], effect |_, _| -1;
        DELETE_DEREF = 62, caches 0, flags [ARG | FREE], effect |_, _| 0;
        DELETE_FAST = 63, caches 0, flags [ARG | LOCAL], effect |_, _| 0;
        DELETE_GLOBAL = 64, caches 0, flags [ARG | NAME], effect |_, _| 0;
        DELETE_NAME = 65, caches 0, flags [ARG | NAME], effect |_, _| 0;
        DICT_MERGE = 66, caches 0, flags [ARG], effect |_, _| -1;
        DICT_UPDATE = 67, caches 0, flags [ARG], effect |_, _| -1;
        END_ASYNC_FOR = 68, caches 0, flags [ARG | JUMP | BACKWARD], effect |_, _| -2;
        EXTENDED_ARG = 69, caches 0, flags [ARG], effect |_, _| 0;
        FOR_ITER = 70, caches 1, flags [ARG | JUMP], effect |_, _| 1;
        GET_AWAITABLE = 71, caches 0, flags [ARG], effect |_, _| 0;
        IMPORT_FROM = 72, caches 0, flags [ARG | NAME], effect |_, _| 1;
        IMPORT_NAME = 73, caches 0, flags [ARG | NAME], effect |_, _| -1;
        IS_OP = 74, caches 0, flags [ARG], effect |_, _| -1;
        JUMP_BACKWARD = 75, caches 1, flags [ARG | JUMP | BACKWARD], effect |_, _| 0;
        JUMP_BACKWARD_NO_INTERRUPT = 76, caches 0, flags [ARG | JUMP | BACKWARD], effect |_, _| 0;
        JUMP_FORWARD = 77, caches 0, flags [ARG | JUMP], effect |_, _| 0;
        LIST_APPEND = 78, caches 0, flags [ARG], effect |_, _| -1;
        LIST_EXTEND = 79, caches 0, flags [ARG], effect |_, _| -1;
        LOAD_ATTR = 80, caches 9, flags [ARG | NAME], effect |o, _| o & 1;
        LOAD_COMMON_CONSTANT = 81, caches 0, flags [ARG], effect |_, _| 1;
        LOAD_CONST = 82, caches 0, flags [ARG | CONST], effect |_, _| 1;
        LOAD_DEREF = 83, caches 0, flags [ARG | LOCAL], effect |_, _| 1;
        LOAD_FAST = 84, caches 0, flags [ARG | LOCAL], effect |_, _| 1;
        LOAD_FAST_AND_CLEAR = 85, caches 0, flags [ARG | LOCAL], effect |_, _| 1;
        LOAD_FAST_BORROW = 86, caches 0, flags [ARG | LOCAL], effect |_, _| 1;
        LOAD_FAST_BORROW_LOAD_FAST_BORROW = 87, caches 0, flags [ARG | LOCAL], effect |_, _| 2;
        LOAD_FAST_CHECK = 88, caches 0, flags [ARG | LOCAL], effect |_, _| 1;
        LOAD_FAST_LOAD_FAST = 89, caches 0, flags [ARG | LOCAL], effect |_, _| 2;
        LOAD_FROM_DICT_OR_DEREF = 90, caches 0, flags [ARG | FREE], effect |_, _| 0;
        LOAD_FROM_DICT_OR_GLOBALS = 91, caches 0, flags [ARG | NAME], effect |_, _| 0;
        LOAD_GLOBAL = 92, caches 4, flags [ARG | NAME], effect |o, _| 1 + (o & 1);
        LOAD_NAME = 93, caches 0, flags [ARG | NAME], effect |_, _| 1;
        LOAD_SMALL_INT = 94, caches 0, flags [ARG], effect |_, _| 1;
        LOAD_SPECIAL = 95, caches 0, flags [ARG], effect |_, _| 1;
        LOAD_SUPER_ATTR = 96, caches 1, flags [ARG | NAME], effect |o, _| -2 + (o & 1);
        MAKE_CELL = 97, caches 0, flags [ARG | FREE], effect |_, _| 0;
        MAP_ADD = 98, caches 0, flags [ARG], effect |_, _| -2;
        MATCH_CLASS = 99, caches 0, flags [ARG], effect |_, _| -2;
        POP_JUMP_IF_FALSE = 100, caches 1, flags [ARG | JUMP], effect |_, _| -1;
        POP_JUMP_IF_NONE = 101, caches 1, flags [ARG | JUMP], effect |_, _| -1;
        POP_JUMP_IF_NOT_NONE = 102, caches 1, flags [ARG | JUMP], effect |_, _| -1;
        POP_JUMP_IF_TRUE = 103, caches 1, flags [ARG | JUMP], effect |_, _| -1;
        RAISE_VARARGS = 104, caches 0, flags [ARG], effect |o, _| -o;
        RERAISE = 105, caches 0, flags [ARG], effect |_, _| -1;
        SEND = 106, caches 1, flags [ARG | JUMP], effect |_, _| 0;
        SET_ADD = 107, caches 0, flags [ARG], effect |_, _| -1;
        SET_FUNCTION_ATTRIBUTE = 108, caches 0, flags [ARG], effect |_, _| -1;
        SET_UPDATE = 109, caches 0, flags [ARG], effect |_, _| -1;
        STORE_ATTR = 110, caches 4, flags [ARG | NAME], effect |_, _| -2;
        STORE_DEREF = 111, caches 0, flags [ARG | FREE], effect |_, _| -1;
        STORE_FAST = 112, caches 0, flags [ARG | LOCAL], effect |_, _| -1;
        STORE_FAST_LOAD_FAST = 113, caches 0, flags [ARG | LOCAL], effect |_, _| 0;
        STORE_FAST_STORE_FAST = 114, caches 0, flags [ARG | LOCAL], effect |_, _| -2;
        STORE_GLOBAL = 115, caches 0, flags [ARG | NAME], effect |_, _| -1;
        STORE_NAME = 116, caches 0, flags [ARG | NAME], effect |_, _| -1;
        SWAP = 117, caches 0, flags [ARG], effect |_, _| 0;
        UNPACK_EX = 118, caches 0, flags [ARG], effect |o, _| (o & 0xFF) + (o >> 8);
        UNPACK_SEQUENCE = 119, caches 1, flags [ARG], effect |o, _| o - 1;
        YIELD_VALUE = 120, caches 0, flags [ARG], effect |_, _| 0;
        RESUME = 128, caches 0, flags [ARG], effect |_, _| 0;
    }
    instrumented {
        INSTRUMENTED_END_FOR = 234, caches 0, flags [], effect |_, _| -1;
        INSTRUMENTED_POP_ITER = 235, caches 0, flags [], effect |_, _| -1;
        INSTRUMENTED_END_SEND = 236, caches 0, flags [], effect |_, _| -1;
        INSTRUMENTED_FOR_ITER = 237, caches 0, flags [ARG | JUMP], effect |_, _| 1;
        INSTRUMENTED_INSTRUCTION = 238, caches 0, flags [], effect |_, _| 0;
        INSTRUMENTED_JUMP_FORWARD = 239, caches 0, flags [ARG], effect |_, _| 0;
        INSTRUMENTED_NOT_TAKEN = 240, caches 0, flags [], effect |_, _| 0;
        INSTRUMENTED_POP_JUMP_IF_TRUE = 241, caches 0, flags [ARG], effect |_, _| -1;
        INSTRUMENTED_POP_JUMP_IF_FALSE = 242, caches 0, flags [ARG], effect |_, _| -1;
        INSTRUMENTED_POP_JUMP_IF_NONE = 243, caches 0, flags [ARG], effect |_, _| -1;
        INSTRUMENTED_POP_JUMP_IF_NOT_NONE = 244, caches 0, flags [ARG], effect |_, _| -1;
        INSTRUMENTED_RESUME = 245, caches 0, flags [ARG], effect |_, _| 0;
        INSTRUMENTED_RETURN_VALUE = 246, caches 0, flags [], effect |_, _| 0;
        INSTRUMENTED_YIELD_VALUE = 247, caches 0, flags [ARG], effect |_, _| 0;
        INSTRUMENTED_END_ASYNC_FOR = 248, caches 0, flags [ARG | JUMP], effect |_, _| -2;
        INSTRUMENTED_LOAD_SUPER_ATTR = 249, caches 0, flags [ARG | NAME], effect |o, _| -2 + (o & 1);
        INSTRUMENTED_CALL = 250, caches 0, flags [ARG], effect |o, _| -1 - o;
        INSTRUMENTED_CALL_KW = 251, caches 0, flags [ARG], effect |o, _| -2 - o;
        INSTRUMENTED_CALL_FUNCTION_EX = 252, caches 0, flags [], effect |_, _| -3;
        INSTRUMENTED_JUMP_BACKWARD = 253, caches 0, flags [ARG], effect |_, _| 0;
        INSTRUMENTED_LINE = 254, caches 0, flags [], effect |_, _| 0;
        ENTER_EXECUTOR = 255, caches 0, flags [ARG], effect |_, _| 0;
    }
    specialized {
        BINARY_OP_INPLACE_ADD_UNICODE = 3 of BINARY_OP, flags [LOCAL];
        BINARY_OP_ADD_FLOAT = 129 of BINARY_OP, flags [];
        BINARY_OP_ADD_INT = 130 of BINARY_OP, flags [];
        BINARY_OP_ADD_UNICODE = 131 of BINARY_OP, flags [];
        BINARY_OP_EXTEND = 132 of BINARY_OP, flags [];
        BINARY_OP_MULTIPLY_FLOAT = 133 of BINARY_OP, flags [];
        BINARY_OP_MULTIPLY_INT = 134 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_DICT = 135 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_GETITEM = 136 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_LIST_INT = 137 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_LIST_SLICE = 138 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_STR_INT = 139 of BINARY_OP, flags [];
        BINARY_OP_SUBSCR_TUPLE_INT = 140 of BINARY_OP, flags [];
        BINARY_OP_SUBTRACT_FLOAT = 141 of BINARY_OP, flags [];
        BINARY_OP_SUBTRACT_INT = 142 of BINARY_OP, flags [];
        CALL_ALLOC_AND_ENTER_INIT = 143 of CALL, flags [ARG];
        CALL_BOUND_METHOD_EXACT_ARGS = 144 of CALL, flags [ARG];
        CALL_BOUND_METHOD_GENERAL = 145 of CALL, flags [ARG];
        CALL_BUILTIN_CLASS = 146 of CALL, flags [ARG];
        CALL_BUILTIN_FAST = 147 of CALL, flags [ARG];
        CALL_BUILTIN_FAST_WITH_KEYWORDS = 148 of CALL, flags [ARG];
        CALL_BUILTIN_O = 149 of CALL, flags [ARG];
        CALL_ISINSTANCE = 150 of CALL, flags [ARG];
        CALL_KW_BOUND_METHOD = 151 of CALL_KW, flags [ARG];
        CALL_KW_NON_PY = 152 of CALL_KW, flags [ARG];
        CALL_KW_PY = 153 of CALL_KW, flags [ARG];
        CALL_LEN = 154 of CALL, flags [];
        CALL_LIST_APPEND = 155 of CALL, flags [ARG];
        CALL_METHOD_DESCRIPTOR_FAST = 156 of CALL, flags [ARG];
        CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 157 of CALL, flags [ARG];
        CALL_METHOD_DESCRIPTOR_NOARGS = 158 of CALL, flags [ARG];
        CALL_METHOD_DESCRIPTOR_O = 159 of CALL, flags [ARG];
        CALL_NON_PY_GENERAL = 160 of CALL, flags [ARG];
        CALL_PY_EXACT_ARGS = 161 of CALL, flags [ARG];
        CALL_PY_GENERAL = 162 of CALL, flags [ARG];
        CALL_STR_1 = 163 of CALL, flags [ARG];
        CALL_TUPLE_1 = 164 of CALL, flags [ARG];
        CALL_TYPE_1 = 165 of CALL, flags [ARG];
        COMPARE_OP_FLOAT = 166 of COMPARE_OP, flags [ARG];
        COMPARE_OP_INT = 167 of COMPARE_OP, flags [ARG];
        COMPARE_OP_STR = 168 of COMPARE_OP, flags [ARG];
        CONTAINS_OP_DICT = 169 of CONTAINS_OP, flags [ARG];
        CONTAINS_OP_SET = 170 of CONTAINS_OP, flags [ARG];
        FOR_ITER_GEN = 171 of FOR_ITER, flags [ARG];
        FOR_ITER_LIST = 172 of FOR_ITER, flags [ARG | JUMP];
        FOR_ITER_RANGE = 173 of FOR_ITER, flags [ARG | JUMP];
        FOR_ITER_TUPLE = 174 of FOR_ITER, flags [ARG | JUMP];
        JUMP_BACKWARD_JIT = 175 of JUMP_BACKWARD, flags [ARG | JUMP];
        JUMP_BACKWARD_NO_JIT = 176 of JUMP_BACKWARD, flags [ARG | JUMP];
        LOAD_ATTR_CLASS = 177 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_CLASS_WITH_METACLASS_CHECK = 178 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN = 179 of LOAD_ATTR, flags [ARG | NAME];
        LOAD_ATTR_INSTANCE_VALUE = 180 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_METHOD_LAZY_DICT = 181 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_METHOD_NO_DICT = 182 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_METHOD_WITH_VALUES = 183 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_MODULE = 184 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_NONDESCRIPTOR_NO_DICT = 185 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES = 186 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_PROPERTY = 187 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_SLOT = 188 of LOAD_ATTR, flags [ARG];
        LOAD_ATTR_WITH_HINT = 189 of LOAD_ATTR, flags [ARG | NAME];
        LOAD_CONST_IMMORTAL = 190 of LOAD_CONST, flags [ARG | CONST];
        LOAD_CONST_MORTAL = 191 of LOAD_CONST, flags [ARG | CONST];
        LOAD_GLOBAL_BUILTIN = 192 of LOAD_GLOBAL, flags [ARG];
        LOAD_GLOBAL_MODULE = 193 of LOAD_GLOBAL, flags [ARG];
        LOAD_SUPER_ATTR_ATTR = 194 of LOAD_SUPER_ATTR, flags [ARG | NAME];
        LOAD_SUPER_ATTR_METHOD = 195 of LOAD_SUPER_ATTR, flags [ARG | NAME];
        RESUME_CHECK = 196 of RESUME, flags [];
        SEND_GEN = 197 of SEND, flags [ARG];
        STORE_ATTR_INSTANCE_VALUE = 198 of STORE_ATTR, flags [];
        STORE_ATTR_SLOT = 199 of STORE_ATTR, flags [];
        STORE_ATTR_WITH_HINT = 200 of STORE_ATTR, flags [ARG | NAME];
        STORE_SUBSCR_DICT = 201 of STORE_SUBSCR, flags [];
        STORE_SUBSCR_LIST_INT = 202 of STORE_SUBSCR, flags [];
        TO_BOOL_ALWAYS_TRUE = 203 of TO_BOOL, flags [];
        TO_BOOL_BOOL = 204 of TO_BOOL, flags [];
        TO_BOOL_INT = 205 of TO_BOOL, flags [];
        TO_BOOL_LIST = 206 of TO_BOOL, flags [];
        TO_BOOL_NONE = 207 of TO_BOOL, flags [];
        TO_BOOL_STR = 208 of TO_BOOL, flags [];
        UNPACK_SEQUENCE_LIST = 209 of UNPACK_SEQUENCE, flags [ARG];
        UNPACK_SEQUENCE_TUPLE = 210 of UNPACK_SEQUENCE, flags [ARG];
        UNPACK_SEQUENCE_TWO_TUPLE = 211 of UNPACK_SEQUENCE, flags [ARG];
    }
    pseudo {
        ANNOTATIONS_PLACEHOLDER = 256, flags [], effect |_, _| 0;
        JUMP = 257, flags [ARG | JUMP], effect |_, _| 0;
        JUMP_IF_FALSE = 258, flags [ARG | JUMP], effect |_, _| 0;
        JUMP_IF_TRUE = 259, flags [ARG | JUMP], effect |_, _| 0;
        JUMP_NO_INTERRUPT = 260, flags [ARG | JUMP], effect |_, _| 0;
        LOAD_CLOSURE = 261, flags [ARG | LOCAL], effect |_, _| 1;
        POP_BLOCK = 262, flags [], effect |_, _| 0;
        SETUP_CLEANUP = 263, flags [ARG | EXC], effect |_, j| if j { 2 } else { 0 };
        SETUP_FINALLY = 264, flags [ARG | EXC], effect |_, j| if j { 1 } else { 0 };
        SETUP_WITH = 265, flags [ARG | EXC], effect |_, j| if j { 1 } else { 0 };
        STORE_FAST_MAYBE_NULL = 266, flags [ARG | LOCAL], effect |_, _| -1;
    }
}
