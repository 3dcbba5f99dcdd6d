//! Which `LOAD_FAST` may find its local unbound: those become
//! `LOAD_FAST_CHECK` (raising `UnboundLocalError`), the others stay plain
//! loads, as CPython's flow-graph pass decides.
//!
//! For the first 64 locals, a forward data-flow analysis over the blocks
//! tracks a bit set of "possibly unbound" locals: non-parameters are
//! unbound on entry; `DELETE_FAST`, `LOAD_FAST_AND_CLEAR` and
//! `STORE_FAST_MAYBE_NULL` make a local possibly unbound; `STORE_FAST`
//! binds it; a load that succeeded proves it bound for what follows. Sets
//! flow to the fallthrough block, the jump target, and (as they are before
//! each instruction) to the instruction's exception handler; a block is
//! rescanned while its incoming set grows. Locals past the 64th are judged
//! one block at a time: only a store or load earlier in the same block
//! makes their load unchecked.

use super::assemble::{BInstr, Block};
use crate::bytecode::{AnyOpcode, Opcode, PseudoOpcode};

/// How many locals the cross-block analysis follows (one bit each).
const TRACKED: usize = 64;

/// Turns every `LOAD_FAST` of `blocks` (reachable ones, listed in layout
/// `order`) whose local may be unbound into `LOAD_FAST_CHECK`. The first
/// `nparams` of the `nlocals` locals are parameters, bound on entry.
pub(super) fn add_unbound_checks(
    blocks: &mut [Block],
    order: &[usize],
    nlocals: usize,
    nparams: usize,
) {
    if nlocals == 0 || order.is_empty() {
        return;
    }
    if nlocals > TRACKED {
        check_locals_past_tracked(blocks, order);
    }
    let tracked = nlocals.min(TRACKED);
    let mut incoming = vec![0u64; blocks.len()];
    let mut queued = vec![false; blocks.len()];
    let mut work: Vec<usize> = Vec::new();
    let entry_mask = (nparams..tracked).fold(0u64, |mask, i| mask | (1u64 << i));
    merge_into(order[0], entry_mask, &mut incoming, &mut queued, &mut work);
    // Every block once (a `DELETE_FAST` anywhere is an origin), then until
    // nothing changes.
    let next = layout_successors(blocks.len(), order);
    for &id in order {
        scan_block(blocks, id, next[id], &mut incoming, &mut queued, &mut work);
    }
    while let Some(id) = work.pop() {
        queued[id] = false;
        scan_block(blocks, id, next[id], &mut incoming, &mut queued, &mut work);
    }
}

fn layout_successors(nblocks: usize, order: &[usize]) -> Vec<Option<usize>> {
    let mut next = vec![None; nblocks];
    for pair in order.windows(2) {
        next[pair[0]] = Some(pair[1]);
    }
    next
}

/// Adds `mask` to the incoming set of `block`, queueing it if that is news.
fn merge_into(
    block: usize,
    mask: u64,
    incoming: &mut [u64],
    queued: &mut [bool],
    work: &mut Vec<usize>,
) {
    let merged = incoming[block] | mask;
    if merged != incoming[block] {
        incoming[block] = merged;
        if !queued[block] {
            queued[block] = true;
            work.push(block);
        }
    }
}

/// Whether `op` makes its local possibly unbound.
fn unbinds(op: AnyOpcode) -> bool {
    matches!(
        op,
        AnyOpcode::Real(Opcode::DELETE_FAST | Opcode::LOAD_FAST_AND_CLEAR)
            | AnyOpcode::Pseudo(PseudoOpcode::STORE_FAST_MAYBE_NULL)
    )
}

fn scan_block(
    blocks: &mut [Block],
    id: usize,
    fallthrough: Option<usize>,
    incoming: &mut [u64],
    queued: &mut [bool],
    work: &mut Vec<usize>,
) {
    let mut unbound = incoming[id];
    let mut falls_through = true;
    let mut jump_target = None;
    for instr in &mut blocks[id].instrs {
        if let Some((handler, _)) = instr.handler {
            merge_into(handler, unbound, incoming, queued, work);
        }
        if (instr.arg as usize) < TRACKED {
            let bit = 1u64 << instr.arg;
            match instr.op {
                op if unbinds(op) => unbound |= bit,
                AnyOpcode::Real(Opcode::STORE_FAST | Opcode::LOAD_FAST_CHECK) => unbound &= !bit,
                AnyOpcode::Real(Opcode::LOAD_FAST) => {
                    if unbound & bit != 0 {
                        instr.op = AnyOpcode::Real(Opcode::LOAD_FAST_CHECK);
                    }
                    unbound &= !bit;
                }
                _ => {}
            }
        }
        if is_flow_edge(instr) {
            jump_target = instr.target;
        }
        if super::assemble::terminates(instr.op) {
            falls_through = false;
        }
    }
    if falls_through && let Some(next) = fallthrough {
        merge_into(next, unbound, incoming, queued, work);
    }
    if let Some(target) = jump_target {
        merge_into(target, unbound, incoming, queued, work);
    }
}

/// Whether the instruction's target is a control-flow successor (not a
/// `SETUP_*`, whose handler is reached through `handler`).
fn is_flow_edge(instr: &BInstr) -> bool {
    instr.target.is_some()
        && !matches!(
            instr.op,
            AnyOpcode::Pseudo(
                PseudoOpcode::SETUP_FINALLY
                    | PseudoOpcode::SETUP_CLEANUP
                    | PseudoOpcode::SETUP_WITH
            )
        )
}

/// Locals past [`TRACKED`]: a load is unchecked only after a store or a
/// load of the same local earlier in its block, with no unbinding between.
fn check_locals_past_tracked(blocks: &mut [Block], order: &[usize]) {
    // `bound_in[i]` is the block number in which local `TRACKED + i` was
    // last seen bound (0: never).
    let mut bound_in: Vec<usize> = Vec::new();
    for (number, &id) in order.iter().enumerate() {
        let number = number + 1;
        for instr in &mut blocks[id].instrs {
            let Some(index) = (instr.arg as usize).checked_sub(TRACKED) else {
                continue;
            };
            let is_load = instr.op == AnyOpcode::Real(Opcode::LOAD_FAST);
            let is_store = instr.op == AnyOpcode::Real(Opcode::STORE_FAST);
            if !(is_load || is_store || unbinds(instr.op)) {
                continue;
            }
            if bound_in.len() <= index {
                bound_in.resize(index + 1, 0);
            }
            if unbinds(instr.op) {
                bound_in[index] = number - 1;
            } else {
                if is_load && bound_in[index] != number {
                    instr.op = AnyOpcode::Real(Opcode::LOAD_FAST_CHECK);
                }
                bound_in[index] = number;
            }
        }
    }
}
