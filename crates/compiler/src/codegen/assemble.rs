//! The flow-graph pass and the assembler: from an [`InstrSeq`] to `co_code`.
//!
//! Steps, as CPython's `flowgraph.c` and `assemble.c` take them:
//! 1. split the sequence into basic blocks at labels and after jumps and
//!    scope exits;
//!    then apply the rewrites inside each block ([`super::peephole`]),
//!    copy small exit blocks over the jumps to them and thread jumps to
//!    jumps (`super::jumps`);
//! 2. turn backward conditional jumps into a forward conditional jump over
//!    a backward `JUMP` (3.14's `POP_JUMP_IF_*` only jump forwards);
//! 3. label every instruction with its exception handler by following the
//!    `SETUP_*`/`POP_BLOCK` pseudo-instructions along every path (and mark
//!    the `RESUME` after a `yield` under one handler); blocks no path
//!    reaches are dead and dropped;
//! 4. compute the stack depth at the start of every block (`co_stacksize`
//!    is the maximum) and the depth each handler unwinds to;
//! 5. resolve pseudo-instructions (`JUMP` to `JUMP_FORWARD`/`JUMP_BACKWARD`,
//!    `LOAD_CLOSURE` to `LOAD_FAST` at the very end, drop `SETUP_*`/`POP_BLOCK` and
//!    redundant `NOP`s), after making `LOAD_FAST` of a possibly unbound
//!    local `LOAD_FAST_CHECK` ([`super::unbound_locals`]); then fuse
//!    pairs of local loads and stores ([`super::superinstructions`]);
//! 6. size `EXTENDED_ARG` prefixes until jump offsets are stable, then write
//!    the code, the exception table and the location table.

use super::instr::{Instr, InstrSeq};
use super::jumps::optimize_jumps;
use super::peephole::optimize_blocks;
use super::superinstructions::insert_superinstructions;
use super::unbound_locals::add_unbound_checks;
use crate::bytecode::encoding::{instruction_size, jump_oparg, write_instruction};
use crate::bytecode::exception_table::{ExceptionTableEntry, encode_exception_table};
use crate::bytecode::location_table::{Location, LocationTableWriter};
use crate::bytecode::{AnyOpcode, Opcode, PseudoOpcode};

/// What the assembler produces for one code object.
#[derive(Debug)]
pub(crate) struct Assembled {
    /// `co_code`.
    pub code: Vec<u8>,
    /// `co_stacksize`.
    pub stacksize: u32,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
    /// `co_linetable`.
    pub linetable: Vec<u8>,
    /// For each old constant index, its new index (`None`: no live
    /// instruction uses it, so it is dropped, as CPython's
    /// `remove_unused_consts` does).
    pub const_map: Vec<Option<u32>>,
}

/// An instruction inside a block: the target resolved to a block id.
#[derive(Clone, Copy, Debug)]
pub(super) struct BInstr {
    /// The opcode (pseudo-instructions until [`resolve_pseudo`]).
    pub op: AnyOpcode,
    /// The oparg (meaningless for jumps until [`write`]).
    pub arg: u32,
    /// The block a jump, `FOR_ITER`, `SEND` or `SETUP_*` goes to.
    pub target: Option<usize>,
    /// Where in the source the instruction comes from.
    pub loc: Location,
    /// Handler block, and whether it wants `lasti`.
    pub handler: Option<(usize, bool)>,
}

/// A basic block: straight-line code entered only at its start.
#[derive(Clone, Debug, Default)]
pub(super) struct Block {
    /// The instructions; only the last may jump or leave the scope.
    pub instrs: Vec<BInstr>,
    /// Stack depth on entry (`None`: not reached).
    pub start_depth: Option<i32>,
    /// Whether a path from the entry reaches the block.
    pub visited: bool,
}

fn is_conditional(op: AnyOpcode) -> Option<Opcode> {
    match op {
        AnyOpcode::Real(Opcode::POP_JUMP_IF_FALSE) => Some(Opcode::POP_JUMP_IF_TRUE),
        AnyOpcode::Real(Opcode::POP_JUMP_IF_TRUE) => Some(Opcode::POP_JUMP_IF_FALSE),
        AnyOpcode::Real(Opcode::POP_JUMP_IF_NONE) => Some(Opcode::POP_JUMP_IF_NOT_NONE),
        AnyOpcode::Real(Opcode::POP_JUMP_IF_NOT_NONE) => Some(Opcode::POP_JUMP_IF_NONE),
        _ => None,
    }
}

fn ends_block(instr: &Instr) -> bool {
    instr.is_terminator() || (instr.target.is_some() && !instr.is_setup())
}

/// Whether control never falls through past `op`.
pub(super) fn terminates(op: AnyOpcode) -> bool {
    Instr {
        op,
        arg: 0,
        target: None,
        loc: Location::NONE,
    }
    .is_terminator()
}

/// Assembles `seq` for a code object starting at `first_line`. The first
/// `nparams` of the `nlocals` fast locals are parameters (bound on entry).
/// `nconsts` constants exist (the first is always kept, as CPython keeps
/// it: it may be a docstring); `none_const` is the index of `None` among
/// them, if there.
pub(crate) fn assemble(
    seq: &InstrSeq,
    first_line: i32,
    nlocals: usize,
    nparams: usize,
    nconsts: usize,
    none_const: Option<u32>,
) -> Result<Assembled, String> {
    let (mut blocks, mut order) = split_blocks(seq)?;
    optimize_blocks(&mut blocks, none_const);
    optimize_jumps(&mut blocks);
    fix_backward_conditionals(&mut blocks, &mut order);
    let stacksize = stack_depths(&mut blocks, &order)?;
    order.retain(|&b| blocks[b].visited);
    add_unbound_checks(&mut blocks, &order, nlocals, nparams);
    resolve_pseudo(&mut blocks, &order);
    insert_superinstructions(&mut blocks, &order);
    resolve_load_closure(&mut blocks, &order);
    let const_map = remove_unused_consts(&mut blocks, &order, nconsts);
    let mut assembled = write(&blocks, &order, first_line, stacksize)?;
    assembled.const_map = const_map;
    Ok(assembled)
}

fn remove_unused_consts(blocks: &mut [Block], order: &[usize], nconsts: usize) -> Vec<Option<u32>> {
    let mut used = vec![false; nconsts];
    if let Some(first) = used.first_mut() {
        *first = true;
    }
    for &id in order {
        for instr in &blocks[id].instrs {
            if instr.real().has_const()
                && let Some(slot) = used.get_mut(instr.arg as usize)
            {
                *slot = true;
            }
        }
    }
    let mut map = vec![None; nconsts];
    let mut next = 0u32;
    for (i, u) in used.iter().enumerate() {
        if *u {
            map[i] = Some(next);
            next += 1;
        }
    }
    for &id in order {
        for instr in &mut blocks[id].instrs {
            if instr.real().has_const()
                && let Some(Some(new)) = map.get(instr.arg as usize)
            {
                instr.arg = *new;
            }
        }
    }
    map
}

fn split_blocks(seq: &InstrSeq) -> Result<(Vec<Block>, Vec<usize>), String> {
    let n = seq.instrs.len();
    let mut starts = vec![false; n + 1];
    starts[0] = true;
    for pos in seq.labels.iter().flatten() {
        if *pos <= n {
            starts[*pos] = true;
        }
    }
    for (i, instr) in seq.instrs.iter().enumerate() {
        if ends_block(instr) {
            starts[i + 1] = true;
        }
    }
    let mut block_of_pos = vec![0usize; n + 1];
    let mut count = 0usize;
    for (pos, start) in starts.iter().enumerate() {
        if *start && (pos < n || pos == 0 || seq.labels.iter().flatten().any(|p| *p == n)) {
            count += 1;
        }
        block_of_pos[pos] = count.saturating_sub(1);
    }
    let mut blocks = vec![Block::default(); count.max(1)];
    for (i, instr) in seq.instrs.iter().enumerate() {
        let target = match instr.target {
            Some(label) => {
                let pos = seq
                    .labels
                    .get(label.0 as usize)
                    .copied()
                    .flatten()
                    .ok_or_else(|| format!("unbound label {}", label.0))?;
                Some(block_of_pos[pos])
            }
            None => None,
        };
        blocks[block_of_pos[i]].instrs.push(BInstr {
            op: instr.op,
            arg: instr.arg,
            target,
            loc: instr.loc,
            handler: None,
        });
    }
    let order = (0..blocks.len()).collect();
    Ok((blocks, order))
}

fn fix_backward_conditionals(blocks: &mut Vec<Block>, order: &mut Vec<usize>) {
    let mut position = 0;
    while position < order.len() {
        let id = order[position];
        let Some(last) = blocks[id].instrs.last().copied() else {
            position += 1;
            continue;
        };
        if let (Some(inverse), Some(target)) = (is_conditional(last.op), last.target) {
            let target_pos = order.iter().position(|&b| b == target).unwrap_or(0);
            if target_pos <= position {
                let Some(next) = order.get(position + 1).copied() else {
                    position += 1;
                    continue;
                };
                let jump_block = blocks.len();
                blocks.push(Block {
                    instrs: vec![BInstr {
                        op: AnyOpcode::Pseudo(PseudoOpcode::JUMP),
                        arg: 0,
                        target: Some(target),
                        loc: last.loc,
                        handler: None,
                    }],
                    ..Block::default()
                });
                if let Some(instr) = blocks[id].instrs.last_mut() {
                    instr.op = AnyOpcode::Real(inverse);
                    instr.target = Some(next);
                }
                order.insert(position + 1, jump_block);
            }
        }
        position += 1;
    }
}

/// Layout successor of each block (fallthrough), by position in `order`.
fn successor_map(blocks: &[Block], order: &[usize]) -> Vec<Option<usize>> {
    let mut next = vec![None; blocks.len()];
    for pair in order.windows(2) {
        next[pair[0]] = Some(pair[1]);
    }
    next
}

/// The `RESUME` oparg bit saying that the `yield` it follows has exactly
/// one exception handler around it.
const RESUME_OPARG_DEPTH1_MASK: u32 = 4;

fn stack_depths(blocks: &mut [Block], order: &[usize]) -> Result<u32, String> {
    let next = successor_map(blocks, order);
    let entry = order.first().copied().unwrap_or(0);
    // Exception handlers, then depths: one worklist each.
    let mut stacks: Vec<Option<Vec<(usize, bool)>>> = vec![None; blocks.len()];
    stacks[entry] = Some(Vec::new());
    let mut work = vec![entry];
    while let Some(id) = work.pop() {
        if blocks[id].visited {
            continue;
        }
        blocks[id].visited = true;
        let mut stack = stacks[id].clone().unwrap_or_default();
        let mut falls_through = true;
        let mut yield_depth = None;
        for i in 0..blocks[id].instrs.len() {
            let instr = blocks[id].instrs[i];
            blocks[id].instrs[i].handler = stack.last().copied();
            match instr.op {
                AnyOpcode::Real(Opcode::YIELD_VALUE) => yield_depth = Some(stack.len()),
                // CPython marks the resumption of a `yield` under exactly
                // one handler (a generator's implicit one).
                AnyOpcode::Real(Opcode::RESUME)
                    if instr.arg != 0 && yield_depth.take() == Some(1) =>
                {
                    blocks[id].instrs[i].arg |= RESUME_OPARG_DEPTH1_MASK;
                }
                _ => {}
            }
            match instr.op {
                AnyOpcode::Pseudo(
                    op @ (PseudoOpcode::SETUP_FINALLY
                    | PseudoOpcode::SETUP_CLEANUP
                    | PseudoOpcode::SETUP_WITH),
                ) => {
                    if let Some(target) = instr.target {
                        if stacks[target].is_none() {
                            stacks[target] = Some(stack.clone());
                        }
                        work.push(target);
                        stack.push((target, op != PseudoOpcode::SETUP_FINALLY));
                    }
                }
                AnyOpcode::Pseudo(PseudoOpcode::POP_BLOCK) => {
                    stack.pop();
                }
                AnyOpcode::Real(Opcode::END_ASYNC_FOR) => {}
                _ => {
                    if let Some(target) = instr.target {
                        if stacks[target].is_none() {
                            stacks[target] = Some(stack.clone());
                        }
                        work.push(target);
                    }
                }
            }
            if terminates(instr.op) {
                falls_through = false;
                break;
            }
        }
        if falls_through && let Some(succ) = next[id] {
            if stacks[succ].is_none() {
                stacks[succ] = Some(stack.clone());
            }
            work.push(succ);
        }
    }
    // Depths.
    let mut max_depth = 0i32;
    blocks[entry].start_depth = Some(0);
    let mut work = vec![entry];
    let mut done = vec![false; blocks.len()];
    while let Some(id) = work.pop() {
        if done[id] {
            continue;
        }
        done[id] = true;
        let Some(mut depth) = blocks[id].start_depth else {
            continue;
        };
        let mut falls_through = true;
        for i in 0..blocks[id].instrs.len() {
            let instr = blocks[id].instrs[i];
            // END_ASYNC_FOR's target is only for instrumentation.
            let flow_target = instr
                .target
                .filter(|_| !instr.op.eq(&AnyOpcode::Real(Opcode::END_ASYNC_FOR)));
            if let Some(target) = flow_target {
                let target_depth = depth + instr.op.stack_effect(instr.arg, true);
                if target_depth < 0 {
                    return Err(format!("stack underflow at {}", instr.op.name()));
                }
                max_depth = max_depth.max(target_depth);
                match blocks[target].start_depth {
                    None => {
                        blocks[target].start_depth = Some(target_depth);
                        work.push(target);
                    }
                    Some(d) if d != target_depth => {
                        return Err(format!(
                            "inconsistent stack depth at a jump target ({d} vs {target_depth}, {})",
                            instr.op.name()
                        ));
                    }
                    Some(_) => {}
                }
            }
            depth += instr.op.stack_effect(instr.arg, false);
            if depth < 0 {
                return Err(format!("stack underflow at {}", instr.op.name()));
            }
            max_depth = max_depth.max(depth);
            if terminates(instr.op) {
                falls_through = false;
                break;
            }
        }
        if falls_through && let Some(succ) = next[id] {
            match blocks[succ].start_depth {
                None => {
                    blocks[succ].start_depth = Some(depth);
                    work.push(succ);
                }
                Some(d) if d != depth => {
                    return Err(format!(
                        "inconsistent stack depth at a fallthrough ({d} vs {depth})"
                    ));
                }
                Some(_) => {}
            }
        }
    }
    u32::try_from(max_depth).map_err(|_| "negative stack size".to_owned())
}

fn resolve_pseudo(blocks: &mut [Block], order: &[usize]) {
    let position: Vec<usize> = {
        let mut pos = vec![usize::MAX; blocks.len()];
        for (i, &id) in order.iter().enumerate() {
            pos[id] = i;
        }
        pos
    };
    for (index, &id) in order.iter().enumerate() {
        let next_line = order[index + 1..]
            .iter()
            .find_map(|&b| blocks[b].instrs.first().map(|i| i.loc.line));
        let mut old = std::mem::take(&mut blocks[id].instrs);
        let mut out: Vec<BInstr> = Vec::with_capacity(old.len());
        for i in 0..old.len() {
            let mut instr = old[i];
            match instr.op {
                AnyOpcode::Pseudo(
                    PseudoOpcode::SETUP_FINALLY
                    | PseudoOpcode::SETUP_CLEANUP
                    | PseudoOpcode::SETUP_WITH,
                ) => {
                    // A NOP keeping the line of the `try` or `with` (kept
                    // only if no neighbour carries it), as in CPython.
                    instr.op = AnyOpcode::Real(Opcode::NOP);
                    instr.target = None;
                }
                AnyOpcode::Pseudo(PseudoOpcode::POP_BLOCK)
                | AnyOpcode::Pseudo(PseudoOpcode::ANNOTATIONS_PLACEHOLDER) => continue,
                AnyOpcode::Pseudo(PseudoOpcode::STORE_FAST_MAYBE_NULL) => {
                    instr.op = AnyOpcode::Real(Opcode::STORE_FAST);
                }
                AnyOpcode::Pseudo(op @ (PseudoOpcode::JUMP | PseudoOpcode::JUMP_NO_INTERRUPT)) => {
                    let target = instr.target.unwrap_or(id);
                    let forward = position[target] > index;
                    if forward
                        && position[target] == index + 1
                        && order.get(index + 1) == Some(&target)
                    {
                        // A jump to the next block: drop it (keep a NOP for
                        // its line if needed).
                        instr.op = AnyOpcode::Real(Opcode::NOP);
                        instr.target = None;
                    } else {
                        instr.op = AnyOpcode::Real(match (forward, op) {
                            (true, _) => Opcode::JUMP_FORWARD,
                            (false, PseudoOpcode::JUMP) => Opcode::JUMP_BACKWARD,
                            (false, _) => Opcode::JUMP_BACKWARD_NO_INTERRUPT,
                        });
                    }
                }
                _ => {}
            }
            if instr.is_nop() {
                let line = instr.loc.line;
                let prev_same = out.last().is_some_and(|p| p.loc.line == line);
                let next = (i + 1..old.len()).find(|&j| !old[j].is_pseudo_nop());
                let next_same = match next {
                    Some(j) => old[j].loc.line == line,
                    None => next_line == Some(line),
                };
                if line < 0 || prev_same || next_same {
                    continue;
                }
                if let Some(j) = next
                    && old[j].loc.line < 0
                {
                    // The next instruction has no line: it carries the
                    // NOP's instead, as in CPython.
                    old[j].loc = instr.loc;
                    continue;
                }
            }
            out.push(instr);
        }
        blocks[id].instrs = out;
    }
}

/// `LOAD_CLOSURE` becomes `LOAD_FAST` last, as in CPython, so that it is
/// never fused into a superinstruction.
fn resolve_load_closure(blocks: &mut [Block], order: &[usize]) {
    for &id in order {
        for instr in &mut blocks[id].instrs {
            if instr.op == AnyOpcode::Pseudo(PseudoOpcode::LOAD_CLOSURE) {
                instr.op = AnyOpcode::Real(Opcode::LOAD_FAST);
            }
        }
    }
}

impl BInstr {
    fn is_nop(&self) -> bool {
        self.op == AnyOpcode::Real(Opcode::NOP)
    }

    fn is_pseudo_nop(&self) -> bool {
        matches!(
            self.op,
            AnyOpcode::Pseudo(
                PseudoOpcode::SETUP_FINALLY
                    | PseudoOpcode::SETUP_CLEANUP
                    | PseudoOpcode::SETUP_WITH
                    | PseudoOpcode::POP_BLOCK
            )
        )
    }

    fn real(&self) -> Opcode {
        match self.op {
            AnyOpcode::Real(op) => op,
            AnyOpcode::Pseudo(_) => Opcode::NOP,
        }
    }
}

fn write(
    blocks: &[Block],
    order: &[usize],
    first_line: i32,
    stacksize: u32,
) -> Result<Assembled, String> {
    // Opargs of jumps depend on offsets, which depend on opargs: iterate.
    let mut jump_args: Vec<Vec<u32>> = blocks.iter().map(|b| vec![0; b.instrs.len()]).collect();
    let mut block_start = vec![0usize; blocks.len()];
    for _round in 0..64 {
        let mut offset = 0usize;
        for &id in order {
            block_start[id] = offset;
            for (i, instr) in blocks[id].instrs.iter().enumerate() {
                let arg = if instr.target.is_some() {
                    jump_args[id][i]
                } else {
                    instr.arg
                };
                offset += instruction_size(instr.real(), arg);
            }
        }
        let mut changed = false;
        let mut offset = 0usize;
        for &id in order {
            for (i, instr) in blocks[id].instrs.iter().enumerate() {
                let arg = if instr.target.is_some() {
                    jump_args[id][i]
                } else {
                    instr.arg
                };
                let size = instruction_size(instr.real(), arg);
                if let Some(target) = instr.target {
                    let prefixes = size - 1 - instr.real().cache_entries();
                    let at = offset + prefixes;
                    let want =
                        jump_oparg(instr.real(), at, block_start[target]).ok_or_else(|| {
                            format!("jump {} in the wrong direction", instr.real().name())
                        })?;
                    if want != jump_args[id][i] {
                        jump_args[id][i] = want;
                        changed = true;
                    }
                }
                offset += size;
            }
        }
        if !changed {
            break;
        }
    }
    let mut code = Vec::new();
    let mut lines = LocationTableWriter::new(first_line);
    let mut entries: Vec<ExceptionTableEntry> = Vec::new();
    for &id in order {
        for (i, instr) in blocks[id].instrs.iter().enumerate() {
            let arg = if instr.target.is_some() {
                jump_args[id][i]
            } else {
                instr.arg
            };
            let start = code.len() / 2;
            write_instruction(&mut code, instr.real(), arg);
            let end = code.len() / 2;
            lines.add(instr.loc, end - start);
            if let Some((handler, lasti)) = instr.handler {
                let depth = blocks[handler].start_depth.unwrap_or(0) - 1 - i32::from(lasti);
                let entry = ExceptionTableEntry {
                    start: start as u32,
                    end: end as u32,
                    target: block_start[handler] as u32,
                    depth: depth.max(0) as u32,
                    lasti,
                };
                match entries.last_mut() {
                    Some(last)
                        if last.end == entry.start
                            && last.target == entry.target
                            && last.depth == entry.depth
                            && last.lasti == entry.lasti =>
                    {
                        last.end = entry.end;
                    }
                    _ => entries.push(entry),
                }
            }
        }
    }
    let exceptiontable = encode_exception_table(&entries).map_err(|e| e.to_string())?;
    Ok(Assembled {
        code,
        stacksize,
        exceptiontable,
        linetable: lines.finish(),
        const_map: Vec::new(),
    })
}
