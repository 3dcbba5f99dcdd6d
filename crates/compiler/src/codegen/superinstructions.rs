//! Pairs of local loads and stores fused into one instruction, as CPython
//! fuses them: `LOAD_FAST_LOAD_FAST`, `STORE_FAST_LOAD_FAST` and
//! `STORE_FAST_STORE_FAST`, whose oparg holds the two slots in 4 bits each.
//!
//! A pair is fused only when both slots are below 16 and the two
//! instructions are on the same line (or one has no line), so line events
//! and tracebacks see the same lines. The fused instruction keeps the
//! first one's location. Runs after [`super::unbound_locals`]: a checked
//! load is never fused.

use super::assemble::{BInstr, Block};
use crate::bytecode::{AnyOpcode, Opcode};

/// Fuses the pairs in every block of `order`.
pub(super) fn insert_superinstructions(blocks: &mut [Block], order: &[usize]) {
    for (index, &id) in order.iter().enumerate() {
        let next_block_line = order[index + 1..]
            .iter()
            .find_map(|&b| blocks[b].instrs.first().map(|i| i.loc.line));
        let old = std::mem::take(&mut blocks[id].instrs);
        let mut out: Vec<BInstr> = Vec::with_capacity(old.len());
        let mut i = 0;
        while i < old.len() {
            let first = old[i];
            let Some(second) = old.get(i + 1).copied() else {
                out.push(first);
                break;
            };
            let Some(fused) = fused_opcode(first.op, second.op) else {
                out.push(first);
                i += 1;
                continue;
            };
            let (line1, line2) = (first.loc.line, second.loc.line);
            if (line1 >= 0 && line2 >= 0 && line1 != line2) || first.arg >= 16 || second.arg >= 16 {
                out.push(first);
                i += 1;
                continue;
            }
            out.push(BInstr {
                op: AnyOpcode::Real(fused),
                arg: (first.arg << 4) | second.arg,
                ..first
            });
            // The second instruction's line survives as a NOP only when
            // no neighbour carries it.
            if line2 >= 0 && line1 < 0 {
                let next_line = old.get(i + 2).map(|n| n.loc.line).or(next_block_line);
                if next_line != Some(line2) {
                    out.push(BInstr {
                        op: AnyOpcode::Real(Opcode::NOP),
                        arg: 0,
                        target: None,
                        ..second
                    });
                }
            }
            i += 2;
        }
        blocks[id].instrs = out;
    }
}

fn fused_opcode(first: AnyOpcode, second: AnyOpcode) -> Option<Opcode> {
    match (first, second) {
        (AnyOpcode::Real(Opcode::LOAD_FAST), AnyOpcode::Real(Opcode::LOAD_FAST)) => {
            Some(Opcode::LOAD_FAST_LOAD_FAST)
        }
        (AnyOpcode::Real(Opcode::STORE_FAST), AnyOpcode::Real(Opcode::LOAD_FAST)) => {
            Some(Opcode::STORE_FAST_LOAD_FAST)
        }
        (AnyOpcode::Real(Opcode::STORE_FAST), AnyOpcode::Real(Opcode::STORE_FAST)) => {
            Some(Opcode::STORE_FAST_STORE_FAST)
        }
        _ => None,
    }
}
