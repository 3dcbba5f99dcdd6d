//! The decoded instruction stream the eval loop runs.
//!
//! `co_code` (and the adaptive copy of it, which holds inline-cache
//! indices) is CPython's format: 16-bit units, `EXTENDED_ARG` prefixes,
//! `CACHE` units after an instruction. Decoding that per instruction costs
//! a dependent chain of loads and branches on the hottest path of the
//! interpreter, so every code object also keeps this stream, decoded once:
//! one [`Decoded`] entry per code unit, so positions (jump targets,
//! `f_lasti`, exception-table offsets) are the same in both. The entry at
//! an instruction's first unit (its first `EXTENDED_ARG` prefix, if any)
//! has the base opcode, the full oparg, where the instruction's own unit
//! is and where the next instruction starts. Entries inside an instruction
//! (its prefixes' successors, its caches) decode what is there, so a jump
//! into the middle of an instruction behaves as before.

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
    /// Units from this one to the instruction's own unit (after its
    /// `EXTENDED_ARG` prefixes): the instruction's `f_lasti` is this
    /// position plus `at`.
    pub at: u8,
    /// Units from this one to the next instruction (prefixes, the
    /// instruction and its inline caches).
    pub len: u8,
    /// The full oparg.
    pub oparg: u32,
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

/// The entry past the last code unit: the eval loop reads entries without
/// a bounds check, and running this one is refused as bad bytecode.
/// Its oparg doubles as "no cache entry" for [`cache_index`] (an
/// instruction whose caches the end of the code cut off).
const SENTINEL: Decoded = Decoded {
    opcode: Opcode::RESERVED,
    at: 0,
    len: 1,
    oparg: u32::MAX,
};

/// Opcodes whose inline-cache entry index is copied into the decoded
/// stream (see [`cache_index`]).
const INDEXED_SITES: [Opcode; 3] = [Opcode::LOAD_ATTR, Opcode::STORE_ATTR, Opcode::LOAD_GLOBAL];

/// The index of the inline-cache entry (in the code's `attr_caches` or
/// `global_caches`) of the `LOAD_ATTR`, `STORE_ATTR` or `LOAD_GLOBAL` whose
/// entry `entry` is; `u32::MAX` (past any table) when the site has none.
/// `decode` copies each such site's index (from its first `CACHE` unit in
/// the adaptive copy) into the oparg of the entry right after the
/// instruction's own unit, so the hot path reads it with one load and no
/// bounds check, where reading the unit costs a position computation, a
/// bounds check and a compare.
///
/// # Safety
/// `entry` points into a stream made by [`decode`], at an entry whose
/// opcode is one of those three.
#[inline(always)]
pub unsafe fn cache_index(entry: *const Decoded) -> usize {
    // SAFETY: the instruction's own unit (`at` past the entry) is a real
    // unit of the code, so the entry after it is at most the sentinel's.
    unsafe { (*entry.add(usize::from((*entry).at) + 1)).oparg as usize }
}

/// Decodes every position of `units`, marks the fused pairs (see
/// [`LOAD_FAST_LOAD_ATTR`]) and appends the [`SENTINEL`].
///
/// The stream is closed under the eval loop's moves, which is what lets
/// it read entries unchecked: every entry's next instruction (`position +
/// len`) is at most the sentinel's position, and a jump whose target (or,
/// for `FOR_ITER`, whose target's successor) lies past it decodes to
/// `RESERVED`. Positions coming from elsewhere (a frame's saved position,
/// an exception handler) are clamped by the loop when it enters a frame.
pub fn decode(units: &[CodeUnit]) -> Box<[Decoded]> {
    let end = units.len();
    let mut decoded: Vec<Decoded> = (0..end).map(|start| decode_at(units, start)).collect();
    for (position, entry) in decoded.iter_mut().enumerate() {
        let room = end - position;
        if usize::from(entry.len) > room {
            // Truncated caches at the end of the code.
            entry.len = u8::try_from(room).unwrap_or(u8::MAX);
        }
        let next = position + usize::from(entry.len);
        if entry.opcode.has_jump()
            && !entry.opcode.is_backward_jump()
            && next.saturating_add(entry.oparg as usize).saturating_add(1) > end
        {
            entry.opcode = Opcode::RESERVED;
        }
    }
    for i in 0..decoded.len().saturating_sub(1) {
        let load = decoded[i];
        if load.at != 0 || load.len != 1 {
            continue;
        }
        let following = decoded[i + 1].opcode;
        decoded[i].opcode = match (load.opcode, following) {
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
    }
    for position in 0..end {
        let site = decoded[position];
        let own = position + usize::from(site.at);
        if !INDEXED_SITES.contains(&site.opcode) || own + 1 >= end {
            // Not a site, or its caches are cut off by the end of the code
            // (`cache_index` then reads the sentinel's oparg).
            continue;
        }
        let index = crate::runtime::inline_cache::entry_index_of_units(units, own)
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(u32::MAX);
        // The unit holds the entry index, not an instruction: it decodes as
        // the `CACHE` it stands for (a no-op of length 1 if ever jumped
        // to), which keeps the stream closed whatever the index's bytes.
        if let Some(cache) = decoded.get_mut(own + 1) {
            *cache = Decoded {
                opcode: Opcode::CACHE,
                at: 0,
                len: 1,
                oparg: index,
            };
        }
    }
    decoded.push(SENTINEL);
    decoded.into_boxed_slice()
}

/// The instruction that starts at `start`.
fn decode_at(units: &[CodeUnit], start: usize) -> Decoded {
    let mut at = start;
    let mut op = units[start].opcode;
    let mut oparg = u32::from(units[start].arg);
    // An `EXTENDED_ARG` at the very end of the code stays one (a no-op).
    while op == EXTENDED_ARG && at + 1 < units.len() {
        at += 1;
        op = units[at].opcode;
        oparg = (oparg << 8) | u32::from(units[at].arg);
    }
    let (opcode, caches) = Opcode::decode(op).unwrap_or((Opcode::RESERVED, 0));
    // At most three prefixes and a few caches: both fit in a byte.
    let prefixes = (at - start).min(u8::MAX as usize) as u8;
    Decoded {
        opcode,
        at: prefixes,
        len: prefixes.saturating_add(1).saturating_add(caches),
        oparg,
    }
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
    fn prefixes_fold_into_the_oparg_and_caches_are_skipped() {
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
        assert_eq!(decoded[0].opcode, Opcode::LOAD_CONST);
        assert_eq!(decoded[0].oparg, 0x102);
        assert_eq!((decoded[0].at, decoded[0].len), (1, 2));
        assert_eq!(decoded[1].oparg, 2);
        assert_eq!(decoded[2].opcode, Opcode::LOAD_GLOBAL);
        assert_eq!(
            usize::from(decoded[2].len),
            1 + Opcode::LOAD_GLOBAL.cache_entries()
        );
        assert_eq!(decoded[7].opcode, Opcode::RETURN_VALUE);
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
        assert_eq!(usize::from(decoded[4].len), 1);
        for (position, entry) in decoded.iter().enumerate().take(units.len()) {
            assert!(position + usize::from(entry.len) <= units.len());
        }
    }
}
