//! Code units: how instructions are laid out in `co_code`.
//!
//! CPython 3.14 bytecode is a sequence of 16-bit code units, each an opcode
//! byte followed by an oparg byte. An oparg wider than 8 bits is spread over
//! `EXTENDED_ARG` prefixes (most significant byte first); an instruction is
//! followed by its inline `CACHE` units (zeroed when emitted; the adaptive
//! interpreter keeps counters and versions there). Relative jumps count code
//! units from the end of the instruction's caches, forwards or — for
//! `JUMP_BACKWARD`, `JUMP_BACKWARD_NO_INTERRUPT` and `END_ASYNC_FOR` —
//! backwards, as `dis` resolves them.
//!
//! Offsets in this module are in code units unless the name says bytes.

use std::fmt;

use super::opcode::{EXTENDED_ARG, Opcode};

/// Size of one code unit in bytes.
pub const CODE_UNIT_BYTES: usize = 2;

/// One 16-bit code unit: opcode byte, then oparg byte (CPython's
/// `_Py_CODEUNIT`). `repr(C)` so a VM can view `co_code` as units.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[repr(C)]
pub struct CodeUnit {
    /// The opcode number (or `CACHE`'s 0 in a cache entry).
    pub opcode: u8,
    /// The low 8 bits of the oparg.
    pub arg: u8,
}

/// Number of `EXTENDED_ARG` prefixes an oparg needs (0 to 3).
#[must_use]
pub const fn extended_arg_count(oparg: u32) -> usize {
    if oparg > 0x00FF_FFFF {
        3
    } else if oparg > 0xFFFF {
        2
    } else if oparg > 0xFF {
        1
    } else {
        0
    }
}

/// Size in code units of an instruction with this oparg: its
/// `EXTENDED_ARG` prefixes, itself and its caches (CPython's
/// `_PyCompile_InstrSize`). Opcodes without an argument ignore the oparg.
#[must_use]
pub const fn instruction_size(opcode: Opcode, oparg: u32) -> usize {
    let prefixes = if opcode.deopt().has_arg() {
        extended_arg_count(oparg)
    } else {
        0
    };
    prefixes + 1 + opcode.cache_entries()
}

/// Appends one instruction to `code` as `co_code` bytes: `EXTENDED_ARG`
/// prefixes, the instruction, then zeroed `CACHE` units. An opcode without an
/// argument is written with oparg byte 0.
pub fn write_instruction(code: &mut Vec<u8>, opcode: Opcode, oparg: u32) {
    let oparg = if opcode.deopt().has_arg() { oparg } else { 0 };
    for shift in (1..=extended_arg_count(oparg)).rev() {
        code.push(EXTENDED_ARG);
        code.push((oparg >> (8 * shift)) as u8);
    }
    code.push(opcode.number());
    code.push(oparg as u8);
    for _ in 0..opcode.cache_entries() {
        code.extend_from_slice(&[Opcode::CACHE.number(), 0]);
    }
}

/// Views `co_code` bytes as code units; a trailing odd byte is ignored.
#[must_use]
pub fn to_code_units(code: &[u8]) -> Vec<CodeUnit> {
    code.chunks_exact(2)
        .map(|pair| CodeUnit {
            opcode: pair[0],
            arg: pair[1],
        })
        .collect()
}

/// Why `co_code` could not be decoded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DecodeError {
    /// The byte string has an odd length: the last code unit is cut short.
    OddLength {
        /// Length of the byte string.
        len: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::OddLength { len } => {
                write!(
                    f,
                    "bytecode of odd length {len}: the last code unit is truncated"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// One instruction decoded from `co_code`, as `dis` sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DecodedInstruction {
    /// Byte offset of the instruction's own code unit (`Instruction.offset`).
    pub offset: usize,
    /// Byte offset of its first `EXTENDED_ARG` prefix, or `offset` when it
    /// has none (`Instruction.start_offset`). `EXTENDED_ARG` units themselves
    /// are yielded too, with `start_offset == offset`.
    pub start_offset: usize,
    /// The raw opcode byte (possibly a number CPython does not define).
    pub opcode: u8,
    /// The full oparg with `EXTENDED_ARG` prefixes folded in, or `None` when
    /// the (deoptimised) opcode takes no argument. Wider than 32 bits wraps,
    /// as `dis` wraps it to a C int (read it as `i32` to get `dis`'s value).
    pub oparg: Option<u32>,
}

impl DecodedInstruction {
    /// The opcode, if the byte is one CPython 3.14 defines.
    #[must_use]
    pub const fn op(&self) -> Option<Opcode> {
        Opcode::from_u8(self.opcode)
    }

    /// Number of inline cache units after the instruction (0 for unknown
    /// opcodes, as in `dis`).
    #[must_use]
    pub const fn cache_entries(&self) -> usize {
        match self.op() {
            Some(op) => op.cache_entries(),
            None => 0,
        }
    }

    /// Byte offset just after the instruction's caches.
    #[must_use]
    pub const fn end_offset(&self) -> usize {
        self.offset + CODE_UNIT_BYTES * (1 + self.cache_entries())
    }

    /// The byte offset a jump instruction targets (`dis`'s `jump_target`),
    /// or `None` when it is not a relative jump.
    #[must_use]
    pub fn jump_target(&self) -> Option<usize> {
        let op = self.op()?;
        let oparg = self.oparg?;
        jump_target(op, self.offset / CODE_UNIT_BYTES, oparg).map(|units| units * CODE_UNIT_BYTES)
    }
}

/// Iterator over the instructions of `co_code`, skipping inline caches and
/// folding `EXTENDED_ARG` prefixes into the following oparg exactly as
/// `dis._unpack_opargs` does. Never panics: an odd trailing byte ends the
/// iteration with [`DecodeError::OddLength`].
#[derive(Clone, Debug)]
pub struct Instructions<'a> {
    code: &'a [u8],
    position: usize,
    extended_arg: u32,
    extended_arg_units: usize,
    failed: bool,
}

/// Decodes `co_code` bytes (see [`Instructions`]).
#[must_use]
pub fn instructions(code: &[u8]) -> Instructions<'_> {
    Instructions {
        code,
        position: 0,
        extended_arg: 0,
        extended_arg_units: 0,
        failed: false,
    }
}

impl Iterator for Instructions<'_> {
    type Item = Result<DecodedInstruction, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.position >= self.code.len() {
            return None;
        }
        let offset = self.position;
        let Some(&arg_byte) = self.code.get(offset + 1) else {
            self.failed = true;
            return Some(Err(DecodeError::OddLength {
                len: self.code.len(),
            }));
        };
        let opcode = self.code[offset];
        let op = Opcode::from_u8(opcode);
        let deopt = op.map(Opcode::deopt);
        let caches = op.map_or(0, Opcode::cache_entries);
        self.position = offset.saturating_add(CODE_UNIT_BYTES * (1 + caches));
        let oparg = if deopt.is_some_and(Opcode::has_arg) {
            let oparg = u32::from(arg_byte) | self.extended_arg;
            self.extended_arg = if deopt == Some(Opcode::EXTENDED_ARG) {
                oparg.wrapping_shl(8)
            } else {
                0
            };
            Some(oparg)
        } else {
            self.extended_arg = 0;
            None
        };
        let start_offset = if deopt == Some(Opcode::EXTENDED_ARG) {
            self.extended_arg_units += 1;
            offset
        } else {
            let start = offset - CODE_UNIT_BYTES * self.extended_arg_units;
            self.extended_arg_units = 0;
            start
        };
        Some(Ok(DecodedInstruction {
            offset,
            start_offset,
            opcode,
            oparg,
        }))
    }
}

/// The code-unit offset a relative jump lands on: counted from the end of
/// the instruction's caches, backwards for backward jumps. `offset` is the
/// code-unit offset of the jump instruction itself (after any
/// `EXTENDED_ARG`). `None` when the opcode is not a relative jump or the
/// target would be negative.
#[must_use]
pub fn jump_target(opcode: Opcode, offset: usize, oparg: u32) -> Option<usize> {
    let base = opcode.deopt();
    if !base.has_jump() {
        return None;
    }
    let next = offset.checked_add(1 + base.cache_entries())?;
    let distance = usize::try_from(oparg).ok()?;
    if base.is_backward_jump() {
        next.checked_sub(distance)
    } else {
        next.checked_add(distance)
    }
}

/// The oparg that makes a jump at code-unit `offset` land on `target`
/// (inverse of [`jump_target`]). `None` when the opcode is not a relative
/// jump or the target lies in the wrong direction (a forward jump to an
/// earlier instruction, say): the assembler must pick the right opcode.
#[must_use]
pub fn jump_oparg(opcode: Opcode, offset: usize, target: usize) -> Option<u32> {
    let base = opcode.deopt();
    if !base.has_jump() {
        return None;
    }
    let next = offset.checked_add(1 + base.cache_entries())?;
    let distance = if base.is_backward_jump() {
        next.checked_sub(target)?
    } else {
        target.checked_sub(next)?
    };
    u32::try_from(distance).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_args_round_trip() {
        for oparg in [
            0,
            1,
            0xFF,
            0x100,
            0xFFFF,
            0x1_0000,
            0xFF_FFFF,
            0x100_0000,
            u32::MAX,
        ] {
            let mut code = Vec::new();
            write_instruction(&mut code, Opcode::LOAD_GLOBAL, oparg);
            assert_eq!(code.len(), 2 * instruction_size(Opcode::LOAD_GLOBAL, oparg));
            let decoded: Vec<_> = instructions(&code).map(Result::unwrap).collect();
            let last = decoded.last().unwrap();
            assert_eq!(last.op(), Some(Opcode::LOAD_GLOBAL));
            assert_eq!(last.oparg, Some(oparg));
            assert_eq!(last.start_offset, 0);
            assert_eq!(last.end_offset(), code.len());
            assert_eq!(decoded.len(), 1 + extended_arg_count(oparg));
        }
    }

    #[test]
    fn no_argument_opcodes_write_zero() {
        let mut code = Vec::new();
        write_instruction(&mut code, Opcode::POP_TOP, 0x1234);
        assert_eq!(code, [Opcode::POP_TOP.number(), 0]);
        let decoded: Vec<_> = instructions(&code).map(Result::unwrap).collect();
        assert_eq!(decoded[0].oparg, None);
    }

    #[test]
    fn jumps_round_trip() {
        assert_eq!(jump_target(Opcode::JUMP_BACKWARD, 10, 4), Some(10 + 2 - 4));
        assert_eq!(jump_oparg(Opcode::JUMP_BACKWARD, 10, 8), Some(4));
        assert_eq!(
            jump_target(Opcode::POP_JUMP_IF_FALSE, 3, 5),
            Some(3 + 2 + 5)
        );
        assert_eq!(jump_oparg(Opcode::POP_JUMP_IF_FALSE, 3, 2), None);
        assert_eq!(jump_target(Opcode::LOAD_CONST, 3, 5), None);
    }

    #[test]
    fn hostile_bytes_never_panic() {
        let mut bytes = Vec::new();
        for i in 0..=255u8 {
            bytes.push(i);
            bytes.push(255 - i);
            bytes.push(EXTENDED_ARG);
            bytes.push(0xFF);
        }
        bytes.push(7);
        let results: Vec<_> = instructions(&bytes).collect();
        assert_eq!(
            results.last(),
            Some(&Err(DecodeError::OddLength { len: bytes.len() }))
        );
        for result in results.into_iter().flatten() {
            let _ = result.jump_target();
        }
    }
}
