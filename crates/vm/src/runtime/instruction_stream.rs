//! The decoded instruction stream the eval loop runs.
//!
//! `co_code` (and the adaptive copy of it, which holds inline-cache
//! indices) is CPython's format: 16-bit units, `EXTENDED_ARG` prefixes,
//! `CACHE` units after an instruction. Decoding that per instruction costs
//! a dependent chain of loads and branches on the hottest path of the
//! interpreter, so every code object also keeps this stream, decoded once:
//! one [`Decoded`] entry per code unit, so positions (jump targets,
//! `f_lasti`, exception-table offsets) are the same in both. An
//! instruction's own unit has its opcode, its full oparg (its
//! `EXTENDED_ARG` prefixes folded in) and the length of the instruction
//! from there (the unit and its inline caches); a prefix decodes as an
//! `EXTENDED_ARG` of length 1 (a no-op the loop steps over), and entries
//! inside an instruction (its caches) decode what is there, so a jump into
//! the middle of an instruction runs no-ops.
//!
//! Why the length from the own unit: the eval loop's fast tier moves to
//! the next instruction by a constant per opcode (`1 +` its cache count),
//! so the position of the next instruction never waits for the load of
//! the current entry. With the length read from each entry, every
//! dispatch sat on a chain of dependent loads (entry, then the next
//! position from it), which cost about a fifth of the running time of call-
//! and loop-heavy programs.

use krait_compiler::bytecode::encoding::CodeUnit;
use krait_compiler::bytecode::opcode::{EXTENDED_ARG, Opcode};

/// One decoded instruction, as seen from the code unit it starts at.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Decoded {
    /// The base instruction (specialized forms are decoded to their base;
    /// an opcode number CPython does not define decodes to `RESERVED`,
    /// which the loop refuses as bad bytecode).
    pub opcode: Opcode,
    /// Units from this one to the next instruction: 1 plus the opcode's
    /// inline caches, always (an instruction whose caches the end of the
    /// code cuts off decodes to `RESERVED`).
    pub len: u8,
    /// The full oparg.
    pub oparg: u32,
}

/// The units from an instruction's own unit to the next instruction: what
/// the eval loop's fast tier adds to an entry's position to move on, a
/// constant per opcode (see the module comment).
#[must_use]
pub const fn step(opcode: Opcode) -> usize {
    1 + opcode.cache_entries()
}

/// krait's fused instructions, found only in this stream: a prefix-free
/// `LOAD_FAST` (or `_BORROW`/`_CHECK`) whose next instruction is a
/// `LOAD_ATTR` (`self.x`, `obj.method(...)`) or a `STORE_ATTR`
/// (`self.x = value`), and a prefix-free `LOAD_FAST_LOAD_FAST` (or
/// `_BORROW_`) followed by a `STORE_ATTR` (`self.x = x`). The eval loop's
/// fast tier runs the pair with the owner read straight from its local when
/// the attribute cache answers, skipping a dispatch and a push/pop of the
/// owner; otherwise it runs the load alone, and the entry of the attribute
/// instruction that follows is intact (jumps to it, `f_lasti`, the
/// exception table are unaffected). They are stored under numbers of
/// quickened forms krait never uses, so they cannot collide with a real
/// instruction.
pub const LOAD_FAST_LOAD_ATTR: Opcode = Opcode::LOAD_ATTR_INSTANCE_VALUE;
/// See [`LOAD_FAST_LOAD_ATTR`].
pub const LOAD_FAST_STORE_ATTR: Opcode = Opcode::STORE_ATTR_INSTANCE_VALUE;
/// See [`LOAD_FAST_LOAD_ATTR`].
pub const LOAD_FAST_LOAD_FAST_STORE_ATTR: Opcode = Opcode::STORE_ATTR_SLOT;

/// krait's operator-specialized `BINARY_OP`s, found only in this stream:
/// `decode` gives a `BINARY_OP` whose oparg is `+`/`+=`, `-`/`-=`, `*`/`*=`
/// or `[]` one of these opcodes (the oparg kept), so the eval loop's fast
/// tier runs each operator in its own arm (with its own dispatch history)
/// instead of one arm decoding the oparg and branching on it again. Stored
/// under numbers of CPython's quickened `BINARY_OP` forms, which krait never
/// uses; the general tier runs them all as `BINARY_OP`.
pub const BINARY_OP_ADD: Opcode = Opcode::BINARY_OP_ADD_INT;
/// See [`BINARY_OP_ADD`].
pub const BINARY_OP_SUBTRACT: Opcode = Opcode::BINARY_OP_SUBTRACT_INT;
/// See [`BINARY_OP_ADD`].
pub const BINARY_OP_MULTIPLY: Opcode = Opcode::BINARY_OP_MULTIPLY_INT;
/// See [`BINARY_OP_ADD`].
pub const BINARY_OP_SUBSCR: Opcode = Opcode::BINARY_OP_SUBSCR_LIST_INT;

/// The operator-specialized form of `BINARY_OP oparg` (see
/// [`BINARY_OP_ADD`]), or `BINARY_OP` itself.
fn binary_op_form(oparg: u32) -> Opcode {
    match oparg {
        0 | 13 => BINARY_OP_ADD,
        10 | 23 => BINARY_OP_SUBTRACT,
        5 | 18 => BINARY_OP_MULTIPLY,
        krait_compiler::bytecode::oparg::NB_SUBSCR => BINARY_OP_SUBSCR,
        _ => Opcode::BINARY_OP,
    }
}

/// krait's operator-specialized `COMPARE_OP`s, as [`BINARY_OP_ADD`] is for
/// `BINARY_OP`: one opcode per comparison operator (`oparg >> 5`, the oparg
/// kept). Stored under numbers of CPython's quickened forms that krait never
/// uses and that have `COMPARE_OP`'s one inline cache (so every entry's
/// length stays its opcode's [`step`]); the general tier runs them all as
/// `COMPARE_OP`.
pub const COMPARE_OP_LT: Opcode = Opcode::COMPARE_OP_INT;
/// See [`COMPARE_OP_LT`].
pub const COMPARE_OP_LE: Opcode = Opcode::COMPARE_OP_FLOAT;
/// See [`COMPARE_OP_LT`].
pub const COMPARE_OP_EQ: Opcode = Opcode::COMPARE_OP_STR;
/// See [`COMPARE_OP_LT`].
pub const COMPARE_OP_NE: Opcode = Opcode::JUMP_BACKWARD_JIT;
/// See [`COMPARE_OP_LT`].
pub const COMPARE_OP_GT: Opcode = Opcode::JUMP_BACKWARD_NO_JIT;
/// See [`COMPARE_OP_LT`].
pub const COMPARE_OP_GE: Opcode = Opcode::UNPACK_SEQUENCE_TWO_TUPLE;

/// The operator-specialized form of `COMPARE_OP oparg` (see
/// [`COMPARE_OP_LT`]), or `COMPARE_OP` itself.
fn compare_op_form(oparg: u32) -> Opcode {
    match oparg >> 5 {
        0 => COMPARE_OP_LT,
        1 => COMPARE_OP_LE,
        2 => COMPARE_OP_EQ,
        3 => COMPARE_OP_NE,
        4 => COMPARE_OP_GT,
        5 => COMPARE_OP_GE,
        _ => Opcode::COMPARE_OP,
    }
}

/// The entry past the last code unit: the eval loop reads entries without
/// a bounds check, and running this one is refused as bad bytecode.
/// Its oparg doubles as "no cache entry" for [`cache_index`] (an
/// instruction whose caches the end of the code cut off).
const SENTINEL: Decoded = Decoded {
    opcode: Opcode::RESERVED,
    len: 1,
    oparg: u32::MAX,
};

/// Opcodes whose inline-cache entry index is copied into the decoded
/// stream (see [`cache_index`]).
const INDEXED_SITES: [Opcode; 4] = [
    Opcode::LOAD_ATTR,
    Opcode::STORE_ATTR,
    Opcode::LOAD_GLOBAL,
    Opcode::CALL,
];

/// The index of the inline-cache entry (in the code's `attr_caches`,
/// `global_caches` or `call_caches`) of the `LOAD_ATTR`, `STORE_ATTR`,
/// `LOAD_GLOBAL` or `CALL` whose entry `entry` is; `u32::MAX` (past any table) when the site has none.
/// `decode` copies each such site's index (from its first `CACHE` unit in
/// the adaptive copy) into the oparg of the entry right after the
/// instruction's own unit, so the hot path reads it with one load and no
/// bounds check, where reading the unit costs a position computation, a
/// bounds check and a compare.
///
/// # Safety
/// `entry` points into a stream made by [`decode`], at an entry whose
/// opcode is one of those four.
#[inline(always)]
pub unsafe fn cache_index(entry: *const Decoded) -> usize {
    // SAFETY: the entry is a real unit of the code, so the entry after it
    // is at most the sentinel's.
    unsafe { (*entry.add(1)).oparg as usize }
}

/// Decodes every position of `units`, marks the fused pairs (see
/// [`LOAD_FAST_LOAD_ATTR`]) and appends the [`SENTINEL`].
///
/// The stream is closed under the eval loop's moves, which is what lets
/// it read entries unchecked: every entry's next instruction (`position +
/// len`, which is `position + step(opcode)`) is at most the sentinel's
/// position, and a jump whose target (or, for `FOR_ITER`, whose target's
/// successor) lies past it decodes to `RESERVED`. Positions coming from
/// elsewhere (a frame's saved position, an exception handler) are clamped
/// by the loop when it enters a frame.
pub fn decode(units: &[CodeUnit]) -> Box<[Decoded]> {
    let end = units.len();
    // Every unit as if it began an instruction without prefixes.
    let mut decoded: Vec<Decoded> = units.iter().map(|unit| decode_unit(*unit)).collect();
    // The instructions, walked from the start as CPython reads them: each
    // own unit gets the oparg its prefixes extend; the fused pairs and the
    // cache indices are set only at these real boundaries.
    let mut start = 0;
    while start < end {
        let mut own = start;
        let mut oparg = u32::from(units[own].arg);
        while units[own].opcode == EXTENDED_ARG && own + 1 < end {
            own += 1;
            oparg = (oparg << 8) | u32::from(units[own].arg);
        }
        decoded[own].oparg = oparg;
        match decoded[own].opcode {
            Opcode::BINARY_OP => decoded[own].opcode = binary_op_form(oparg),
            Opcode::COMPARE_OP => decoded[own].opcode = compare_op_form(oparg),
            _ => {}
        }
        start = own + usize::from(decoded[own].len);
        mark_site(units, &mut decoded, own);
    }
    for (position, entry) in decoded.iter_mut().enumerate() {
        let next = position + usize::from(entry.len);
        let jumps_out = entry.opcode.has_jump()
            && !entry.opcode.is_backward_jump()
            && next.saturating_add(entry.oparg as usize).saturating_add(1) > end;
        if next > end || jumps_out {
            // Caches cut off by the end of the code, or a jump out of it.
            *entry = Decoded {
                opcode: Opcode::RESERVED,
                len: 1,
                oparg: entry.oparg,
            };
        }
    }
    let mut start = 0;
    while start + 1 < end {
        let load = decoded[start];
        let following = decoded[start + 1].opcode;
        decoded[start].opcode = match (load.opcode, following) {
            (
                Opcode::LOAD_FAST | Opcode::LOAD_FAST_BORROW | Opcode::LOAD_FAST_CHECK,
                Opcode::LOAD_ATTR,
            ) => LOAD_FAST_LOAD_ATTR,
            (
                Opcode::LOAD_FAST | Opcode::LOAD_FAST_BORROW | Opcode::LOAD_FAST_CHECK,
                Opcode::STORE_ATTR,
            ) => LOAD_FAST_STORE_ATTR,
            (
                Opcode::LOAD_FAST_LOAD_FAST | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW,
                Opcode::STORE_ATTR,
            ) => LOAD_FAST_LOAD_FAST_STORE_ATTR,
            (other, _) => other,
        };
        start += usize::from(load.len);
    }
    decoded.push(SENTINEL);
    decoded.into_boxed_slice()
}

/// A unit on its own: an instruction with the unit's oparg and its caches'
/// length (a prefix is an `EXTENDED_ARG` of length 1).
fn decode_unit(unit: CodeUnit) -> Decoded {
    let (opcode, caches) = Opcode::decode(unit.opcode).unwrap_or((Opcode::RESERVED, 0));
    Decoded {
        opcode,
        // At most a few caches: the length fits in a byte.
        len: 1 + caches,
        oparg: u32::from(unit.arg),
    }
}

/// Copies the inline-cache entry index of the `LOAD_ATTR`, `STORE_ATTR`,
/// `LOAD_GLOBAL` or `CALL` whose own unit is at `own` (from its first `CACHE`
/// unit) into the entry after it (see [`cache_index`]).
fn mark_site(units: &[CodeUnit], decoded: &mut [Decoded], own: usize) {
    if !INDEXED_SITES.contains(&decoded[own].opcode) || own + 1 >= units.len() {
        // Not a site, or its caches are cut off by the end of the code
        // (the site is then refused as bad bytecode).
        return;
    }
    let index = crate::runtime::inline_cache::entry_index_of_units(units, own)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(u32::MAX);
    // The unit holds the entry index, not an instruction: it decodes as the
    // `CACHE` it stands for (a no-op of length 1 if ever jumped to), which
    // keeps the stream closed whatever the index's bytes.
    decoded[own + 1] = Decoded {
        opcode: Opcode::CACHE,
        len: 1,
        oparg: index,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(opcode: Opcode, arg: u8) -> CodeUnit {
        CodeUnit {
            opcode: opcode.number(),
            arg,
        }
    }

    #[test]
    fn attribute_sites_carry_their_cache_index_after_their_own_unit() {
        let mut units = vec![unit(Opcode::LOAD_ATTR, 0)];
        units.extend((0..Opcode::LOAD_ATTR.cache_entries()).map(|_| unit(Opcode::CACHE, 0)));
        // The first cache unit holds entry index 3 (little-endian).
        units[1] = CodeUnit { opcode: 3, arg: 0 };
        // A site whose caches the end of the code cuts off.
        units.push(unit(Opcode::STORE_ATTR, 0));
        let decoded = decode(&units);
        // SAFETY: entries of `decoded` at attribute sites.
        unsafe {
            assert_eq!(cache_index(decoded.as_ptr()), 3);
            assert_eq!(
                cache_index(decoded.as_ptr().add(units.len() - 1)),
                u32::MAX as usize
            );
        }
        assert_eq!(decoded[1].opcode, Opcode::CACHE);
        assert_eq!(decoded[1].len, 1);
    }

    #[test]
    fn call_sites_carry_their_cache_index_after_their_own_unit() {
        let mut units = Vec::new();
        for _ in 0..2 {
            units.push(unit(Opcode::CALL, 1));
            units.extend((0..Opcode::CALL.cache_entries()).map(|_| unit(Opcode::CACHE, 0)));
        }
        let sites = crate::runtime::inline_cache::assign_call_caches(&mut units);
        assert_eq!(sites, 2);
        let decoded = decode(&units);
        let second = step(Opcode::CALL);
        // SAFETY: entries of `decoded` at `CALL` sites.
        unsafe {
            assert_eq!(cache_index(decoded.as_ptr()), 0);
            assert_eq!(cache_index(decoded.as_ptr().add(second)), 1);
        }
        assert_eq!(decoded[second].opcode, Opcode::CALL);
        assert_eq!(usize::from(decoded[second].len), step(Opcode::CALL));
    }

    #[test]
    fn prefixes_fold_into_the_own_unit_and_caches_are_skipped() {
        let units = [
            unit(Opcode::EXTENDED_ARG, 1),
            unit(Opcode::LOAD_CONST, 2),
            unit(Opcode::LOAD_GLOBAL, 3),
            unit(Opcode::CACHE, 0),
            unit(Opcode::CACHE, 0),
            unit(Opcode::CACHE, 0),
            unit(Opcode::CACHE, 0),
            unit(Opcode::RETURN_VALUE, 0),
        ];
        let decoded = decode(&units);
        assert_eq!(decoded.len(), units.len() + 1);
        assert_eq!(decoded[units.len()].opcode, Opcode::RESERVED);
        assert_eq!(decoded[0].opcode, Opcode::EXTENDED_ARG);
        assert_eq!(decoded[0].len, 1);
        assert_eq!(decoded[1].opcode, Opcode::LOAD_CONST);
        assert_eq!(decoded[1].oparg, 0x102);
        assert_eq!(decoded[2].opcode, Opcode::LOAD_GLOBAL);
        assert_eq!(
            usize::from(decoded[2].len),
            1 + Opcode::LOAD_GLOBAL.cache_entries()
        );
        assert_eq!(decoded[7].opcode, Opcode::RETURN_VALUE);
    }

    #[test]
    fn a_cache_unit_that_looks_like_a_prefix_extends_nothing() {
        // The last cache unit's bytes read as an `EXTENDED_ARG`; the
        // instruction after the caches keeps its own oparg.
        let mut units = vec![unit(Opcode::LOAD_GLOBAL, 0)];
        units.extend((0..Opcode::LOAD_GLOBAL.cache_entries()).map(|_| unit(Opcode::CACHE, 0)));
        units[Opcode::LOAD_GLOBAL.cache_entries()] = unit(Opcode::EXTENDED_ARG, 1);
        units.push(unit(Opcode::LOAD_CONST, 2));
        let decoded = decode(&units);
        let load = units.len() - 1;
        assert_eq!(decoded[load].opcode, Opcode::LOAD_CONST);
        assert_eq!(decoded[load].oparg, 2);
    }

    #[test]
    fn binary_ops_decode_by_operator() {
        let units = [
            unit(Opcode::BINARY_OP, 0),
            unit(Opcode::BINARY_OP, 23),
            unit(Opcode::BINARY_OP, 11),
            unit(Opcode::BINARY_OP, 26),
        ];
        let mut code = Vec::new();
        for u in units {
            code.push(u);
            code.extend((0..Opcode::BINARY_OP.cache_entries()).map(|_| unit(Opcode::CACHE, 0)));
        }
        let decoded = decode(&code);
        let at = |k: usize| decoded[k * step(Opcode::BINARY_OP)];
        assert_eq!(at(0).opcode, BINARY_OP_ADD);
        assert_eq!((at(1).opcode, at(1).oparg), (BINARY_OP_SUBTRACT, 23));
        assert_eq!(at(2).opcode, Opcode::BINARY_OP);
        assert_eq!(at(3).opcode, BINARY_OP_SUBSCR);
        for form in [
            BINARY_OP_ADD,
            BINARY_OP_SUBTRACT,
            BINARY_OP_MULTIPLY,
            BINARY_OP_SUBSCR,
        ] {
            assert_eq!(step(form), step(Opcode::BINARY_OP));
        }
    }

    #[test]
    fn comparisons_decode_by_operator() {
        let forms = [
            COMPARE_OP_LT,
            COMPARE_OP_LE,
            COMPARE_OP_EQ,
            COMPARE_OP_NE,
            COMPARE_OP_GT,
            COMPARE_OP_GE,
        ];
        for (index, form) in forms.into_iter().enumerate() {
            // With and without the "as a bool" bit.
            for oparg in [(index as u8) << 5, ((index as u8) << 5) | 16] {
                let units = [unit(Opcode::COMPARE_OP, oparg), unit(Opcode::CACHE, 0)];
                let decoded = decode(&units);
                assert_eq!(
                    (decoded[0].opcode, decoded[0].oparg),
                    (form, u32::from(oparg))
                );
            }
            assert_eq!(step(form), step(Opcode::COMPARE_OP));
        }
    }

    #[test]
    fn every_length_is_the_opcodes_step() {
        // Each defined opcode number, with and without a prefix, followed
        // by enough units for its caches.
        for number in 0..=u8::MAX {
            let Some((opcode, caches)) = Opcode::decode(number) else {
                continue;
            };
            let mut units = vec![
                unit(Opcode::EXTENDED_ARG, 1),
                CodeUnit {
                    opcode: number,
                    arg: 0,
                },
            ];
            units.extend((0..caches).map(|_| unit(Opcode::CACHE, 0)));
            units.push(unit(Opcode::RETURN_VALUE, 0));
            units.push(unit(Opcode::RETURN_VALUE, 0));
            let decoded = decode(&units);
            for entry in decoded.iter().take(units.len()) {
                let fused = [
                    LOAD_FAST_LOAD_ATTR,
                    LOAD_FAST_STORE_ATTR,
                    LOAD_FAST_LOAD_FAST_STORE_ATTR,
                ];
                if entry.opcode != Opcode::RESERVED && !fused.contains(&entry.opcode) {
                    assert_eq!(usize::from(entry.len), step(entry.opcode), "{opcode:?}");
                }
            }
        }
    }

    #[test]
    fn unknown_numbers_and_a_trailing_prefix_decode_safely() {
        let undefined = (0..=u8::MAX).find(|n| Opcode::from_u8(*n).is_none());
        let units = [
            CodeUnit {
                opcode: undefined.unwrap_or(u8::MAX),
                arg: 0,
            },
            unit(Opcode::EXTENDED_ARG, 7),
        ];
        let decoded = decode(&units);
        assert_eq!(decoded[0].opcode, Opcode::RESERVED);
        assert_eq!(decoded[1].opcode, Opcode::EXTENDED_ARG);
        assert_eq!(decoded[1].len, 1);
    }

    #[test]
    fn moves_stay_inside_the_stream() {
        let units = [
            unit(Opcode::JUMP_FORWARD, 1),
            // Would land on the sentinel: refused like any jump out.
            unit(Opcode::JUMP_FORWARD, 3),
            unit(Opcode::POP_JUMP_IF_TRUE, 9),
            unit(Opcode::RETURN_VALUE, 0),
            // A call whose inline caches are cut off by the end.
            unit(Opcode::CALL, 0),
        ];
        let decoded = decode(&units);
        assert_eq!(decoded[0].opcode, Opcode::JUMP_FORWARD);
        assert_eq!(decoded[1].opcode, Opcode::RESERVED);
        assert_eq!(decoded[2].opcode, Opcode::RESERVED);
        // A call whose caches are cut off is refused.
        assert_eq!(decoded[4].opcode, Opcode::RESERVED);
        assert_eq!(usize::from(decoded[4].len), 1);
        for (position, entry) in decoded.iter().enumerate().take(units.len()) {
            assert!(position + usize::from(entry.len) <= units.len());
        }
    }
}
