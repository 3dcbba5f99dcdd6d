//! Rewrites inside one basic block that make the code shorter without
//! changing what it does, as CPython's flow-graph optimizer does them:
//! - `LOAD_CONST None; IS_OP; [TO_BOOL;] POP_JUMP_IF_*` becomes
//!   `POP_JUMP_IF_NONE`/`POP_JUMP_IF_NOT_NONE`;
//! - a `TO_BOOL` after an instruction that already yields a bool is
//!   dropped (`COMPARE_OP` takes its "result as bool" flag, 16, instead);
//!   `IS_OP`/`CONTAINS_OP` absorb a following `UNARY_NOT` by inverting;
//!   `UNARY_NOT; UNARY_NOT` cancels;
//! - `STORE_FAST x; STORE_FAST x` on one line: the first is a `POP_TOP`;
//! - `SWAP 1` is a no-op;
//! - `BUILD_TUPLE n; UNPACK_SEQUENCE n` (n <= 3) becomes nothing or a
//!   `SWAP`, and a `SWAP` followed by stores or pops on one line is applied
//!   by exchanging those instructions instead.
//!
//! A removed instruction becomes a `NOP` keeping its location (the
//! assembler drops the `NOP`s whose line another instruction carries); a
//! merged instruction takes the location of the second one.

use super::assemble::{BInstr, Block};
use crate::bytecode::{AnyOpcode, Opcode, PseudoOpcode};

/// Applies the rewrites to every block. `none_const` is the constant index
/// of `None`, if the code has that constant.
pub(super) fn optimize_blocks(blocks: &mut [Block], none_const: Option<u32>) {
    for block in blocks {
        let instrs = &mut block.instrs;
        if let Some(none) = none_const {
            fold_none_tests(instrs, none);
        }
        fold_pairs(instrs);
        apply_swaps(instrs);
    }
}

fn is(instr: &BInstr, op: Opcode) -> bool {
    instr.op == AnyOpcode::Real(op)
}

fn set_nop(instr: &mut BInstr) {
    instr.op = AnyOpcode::Real(Opcode::NOP);
    instr.arg = 0;
}

/// `LOAD_CONST None; IS_OP k; [TO_BOOL;] POP_JUMP_IF_TRUE/FALSE`.
fn fold_none_tests(instrs: &mut [BInstr], none: u32) {
    for i in 0..instrs.len() {
        if !(is(&instrs[i], Opcode::LOAD_CONST) && instrs[i].arg == none) {
            continue;
        }
        if !instrs.get(i + 1).is_some_and(|n| is(n, Opcode::IS_OP)) || instrs.len() <= i + 2 {
            continue;
        }
        let mut jump = i + 2;
        if is(&instrs[jump], Opcode::TO_BOOL) {
            // The test yields a bool already: the conversion goes either way.
            set_nop(&mut instrs[jump]);
            jump += 1;
            if jump >= instrs.len() {
                continue;
            }
        }
        let mut jump_if_not_none = instrs[i + 1].arg != 0;
        if is(&instrs[jump], Opcode::POP_JUMP_IF_FALSE) {
            jump_if_not_none = !jump_if_not_none;
        } else if !is(&instrs[jump], Opcode::POP_JUMP_IF_TRUE) {
            continue;
        }
        set_nop(&mut instrs[i]);
        set_nop(&mut instrs[i + 1]);
        instrs[jump].op = AnyOpcode::Real(if jump_if_not_none {
            Opcode::POP_JUMP_IF_NOT_NONE
        } else {
            Opcode::POP_JUMP_IF_NONE
        });
    }
}

/// Replaces the pair at `i`, `i + 1` by `NOP; op arg` (the merged
/// instruction keeps the second one's location).
fn merge_into_second(instrs: &mut [BInstr], i: usize, op: Opcode, arg: u32) {
    set_nop(&mut instrs[i]);
    instrs[i + 1].op = AnyOpcode::Real(op);
    instrs[i + 1].arg = arg;
}

/// The pair rewrites, left to right (a merged instruction can merge again
/// with the one after it).
fn fold_pairs(instrs: &mut [BInstr]) {
    for i in 0..instrs.len() {
        let (op, arg) = match instrs[i].op {
            AnyOpcode::Real(op) => (op, instrs[i].arg),
            AnyOpcode::Pseudo(_) => continue,
        };
        let Some(next) = instrs.get(i + 1).copied() else {
            continue;
        };
        let next_op = match next.op {
            AnyOpcode::Real(next_op) => next_op,
            AnyOpcode::Pseudo(_) => Opcode::CACHE,
        };
        match (op, next_op) {
            (Opcode::BUILD_TUPLE, Opcode::UNPACK_SEQUENCE) if arg == next.arg => match arg {
                1 => {
                    set_nop(&mut instrs[i]);
                    set_nop(&mut instrs[i + 1]);
                }
                2 | 3 => merge_into_second(instrs, i, Opcode::SWAP, arg),
                _ => {}
            },
            (Opcode::STORE_FAST, Opcode::STORE_FAST)
                if arg == next.arg && instrs[i].loc.line == next.loc.line =>
            {
                // The first value is overwritten before anyone can see it.
                instrs[i].op = AnyOpcode::Real(Opcode::POP_TOP);
                instrs[i].arg = 0;
            }
            (Opcode::SWAP, _) if arg == 1 => set_nop(&mut instrs[i]),
            (Opcode::LOAD_GLOBAL, Opcode::PUSH_NULL) if arg & 1 == 0 => {
                instrs[i].arg = arg | 1;
                set_nop(&mut instrs[i + 1]);
            }
            (Opcode::COMPARE_OP, Opcode::TO_BOOL) => {
                merge_into_second(instrs, i, Opcode::COMPARE_OP, arg | 16);
            }
            (Opcode::CONTAINS_OP | Opcode::IS_OP, Opcode::TO_BOOL) => {
                merge_into_second(instrs, i, op, arg);
            }
            (Opcode::CONTAINS_OP | Opcode::IS_OP, Opcode::UNARY_NOT) => {
                merge_into_second(instrs, i, op, arg ^ 1);
            }
            (Opcode::TO_BOOL, Opcode::TO_BOOL) => set_nop(&mut instrs[i]),
            (Opcode::UNARY_NOT, Opcode::TO_BOOL) => {
                merge_into_second(instrs, i, Opcode::UNARY_NOT, 0);
            }
            (Opcode::UNARY_NOT, Opcode::UNARY_NOT) => {
                set_nop(&mut instrs[i]);
                set_nop(&mut instrs[i + 1]);
            }
            _ => {}
        }
    }
}

/// Whether an instruction only pops the top of the stack, cannot raise and
/// cannot run code (other than finalizers), so it may trade places with
/// another such instruction instead of the values trading places.
fn swappable(instr: &BInstr) -> bool {
    matches!(
        instr.op,
        AnyOpcode::Real(Opcode::STORE_FAST | Opcode::POP_TOP)
            | AnyOpcode::Pseudo(PseudoOpcode::STORE_FAST_MAYBE_NULL)
    )
}

/// The local an instruction stores to, if it is a store.
fn stores_to(instr: &BInstr) -> Option<u32> {
    matches!(
        instr.op,
        AnyOpcode::Real(Opcode::STORE_FAST)
            | AnyOpcode::Pseudo(PseudoOpcode::STORE_FAST_MAYBE_NULL)
    )
    .then_some(instr.arg)
}

/// The next swappable instruction after `i` (skipping `NOP`s), if nothing
/// else and no line change (when `line` is given) comes first.
fn next_swappable(instrs: &[BInstr], i: usize, line: Option<i32>) -> Option<usize> {
    for (j, instr) in instrs.iter().enumerate().skip(i + 1) {
        if line.is_some_and(|l| instr.loc.line != l) {
            return None;
        }
        if is(instr, Opcode::NOP) {
            continue;
        }
        return swappable(instr).then_some(j);
    }
    None
}

/// For each run of `SWAP`s holding a single `SWAP` (longer runs are left
/// alone), exchanges the swappable instructions after it instead.
fn apply_swaps(instrs: &mut [BInstr]) {
    let mut i = 0;
    while i < instrs.len() {
        if !is(&instrs[i], Opcode::SWAP) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut swaps = 1;
        while end < instrs.len() {
            if is(&instrs[end], Opcode::SWAP) {
                swaps += 1;
            } else if !is(&instrs[end], Opcode::NOP) {
                break;
            }
            end += 1;
        }
        if swaps == 1 {
            apply_static_swaps(instrs, end - 1);
        }
        i = end;
    }
}

/// Walks left from `last`, turning each `SWAP` into a `NOP` by exchanging
/// the two instructions that would consume the swapped values.
fn apply_static_swaps(instrs: &mut [BInstr], last: usize) {
    for i in (0..=last).rev() {
        if !is(&instrs[i], Opcode::SWAP) {
            if is(&instrs[i], Opcode::NOP) || swappable(&instrs[i]) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i, None) else {
            return;
        };
        let line = instrs[j].loc.line;
        let mut k = j;
        for _ in 1..instrs[i].arg {
            let Some(next) = next_swappable(instrs, k, (line >= 0).then_some(line)) else {
                return;
            };
            k = next;
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let clash = instrs[j + 1..k].iter().any(|between| {
                stores_to(between).is_some_and(|s| Some(s) == store_j || Some(s) == store_k)
            });
            if clash {
                return;
            }
        }
        set_nop(&mut instrs[i]);
        instrs.swap(j, k);
    }
}
