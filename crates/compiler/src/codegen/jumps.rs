//! Jumps the flow graph can do without, as CPython's flow-graph optimizer
//! removes them:
//! - an unconditional jump to a small block that leaves the scope (at most
//!   [`MAX_COPY_SIZE`] instructions ending in `RETURN_VALUE`, `RAISE_VARARGS`
//!   or `RERAISE`, such as the `return None` at the end of a function)
//!   becomes a copy of that block: the jump is a `NOP` and the exit runs
//!   in place ("jump to exit");
//! - a jump whose target block starts with an unconditional jump goes
//!   straight to that jump's target ("jump to jump"); a conditional one
//!   that now goes backwards is turned around later by the assembler.
//!
//! Both run before the exception handlers are labelled, so copied and
//! retargeted instructions get the handlers of the path they are on, which
//! is the path the jump took. A retargeted jump keeps its own location; it
//! is only threaded through a jump on the same line or with no line, so
//! the line events and tracebacks are the ones the original path gave.

use super::assemble::{BInstr, Block, terminates};
use crate::bytecode::{AnyOpcode, Opcode, PseudoOpcode};

/// The largest exit block copied in place of a jump to it (CPython's
/// limit).
const MAX_COPY_SIZE: usize = 4;

/// How many jumps a jump is threaded through at most (a cycle of jumps,
/// as in `while True: pass`, must not loop forever).
const MAX_THREADING: usize = 8;

/// Inlines jumps to small exit blocks, then threads jumps to jumps, in
/// every block.
pub(super) fn optimize_jumps(blocks: &mut [Block]) {
    for id in 0..blocks.len() {
        inline_exit(blocks, id);
    }
    for id in 0..blocks.len() {
        thread_jump(blocks, id);
    }
}

fn is_unconditional_jump(op: AnyOpcode) -> bool {
    matches!(
        op,
        AnyOpcode::Pseudo(PseudoOpcode::JUMP | PseudoOpcode::JUMP_NO_INTERRUPT)
    )
}

/// Whether `block` is a small block that leaves the scope and holds
/// nothing the exception-handler labelling must see.
fn is_small_exit(block: &Block) -> bool {
    let Some(last) = block.instrs.last() else {
        return false;
    };
    block.instrs.len() <= MAX_COPY_SIZE
        && matches!(
            last.op,
            AnyOpcode::Real(Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE)
        )
        && terminates(last.op)
        && block
            .instrs
            .iter()
            .all(|i| matches!(i.op, AnyOpcode::Real(_)) && i.target.is_none())
}

/// Replaces a final unconditional jump to a small exit block by a copy of
/// that block (the jump stays as a `NOP` for its line, which the assembler
/// drops when a neighbour carries the line).
fn inline_exit(blocks: &mut [Block], id: usize) {
    let Some(last) = blocks[id].instrs.last().copied() else {
        return;
    };
    let Some(target) = last.target else {
        return;
    };
    if !is_unconditional_jump(last.op) || target == id || !is_small_exit(&blocks[target]) {
        return;
    }
    let copy = blocks[target].instrs.clone();
    let instrs = &mut blocks[id].instrs;
    if let Some(jump) = instrs.last_mut() {
        *jump = BInstr {
            op: AnyOpcode::Real(Opcode::NOP),
            arg: 0,
            target: None,
            ..last
        };
    }
    instrs.extend(copy);
}

/// The jump at the start of `block`, if it begins with one (leading
/// `NOP`s with no line or `line` are skipped).
fn leading_jump(block: &Block, line: i32) -> Option<BInstr> {
    for instr in &block.instrs {
        if instr.op == AnyOpcode::Real(Opcode::NOP)
            && (instr.loc.line < 0 || instr.loc.line == line)
        {
            continue;
        }
        return is_unconditional_jump(instr.op).then_some(*instr);
    }
    None
}

/// Sends a final jump (unconditional or `POP_JUMP_IF_*`) whose
/// target starts with an unconditional jump on the same line (or none)
/// to that jump's target.
fn thread_jump(blocks: &mut [Block], id: usize) {
    for _ in 0..MAX_THREADING {
        let Some(last) = blocks[id].instrs.last().copied() else {
            return;
        };
        let Some(target) = last.target else {
            return;
        };
        let conditional = matches!(
            last.op,
            AnyOpcode::Real(
                Opcode::POP_JUMP_IF_FALSE
                    | Opcode::POP_JUMP_IF_TRUE
                    | Opcode::POP_JUMP_IF_NONE
                    | Opcode::POP_JUMP_IF_NOT_NONE
            )
        );
        if !(conditional || is_unconditional_jump(last.op)) {
            return;
        }
        let Some(next) = leading_jump(&blocks[target], last.loc.line) else {
            return;
        };
        let Some(next_target) = next.target else {
            return;
        };
        // A conditional jump only goes through a jump that checks for
        // interrupts (its backward form will be such a jump).
        let no_interrupt = next.op == AnyOpcode::Pseudo(PseudoOpcode::JUMP_NO_INTERRUPT);
        if (next.loc.line >= 0 && next.loc.line != last.loc.line)
            || next_target == target
            || (conditional && no_interrupt)
        {
            return;
        }
        let op = match (last.op, next.op) {
            // A jump that checks for interrupts keeps checking.
            (AnyOpcode::Pseudo(PseudoOpcode::JUMP_NO_INTERRUPT), next_op) => next_op,
            (op, _) => op,
        };
        if let Some(jump) = blocks[id].instrs.last_mut() {
            jump.op = op;
            jump.target = Some(next_target);
        }
    }
}
