//! Structural checks of a code object, as a VM would rely on them: the
//! code decodes, every jump and every exception-table entry lands on an
//! instruction boundary, and the value stack, followed along every path
//! (exception handlers included), never goes negative, never exceeds
//! `co_stacksize` and has one depth wherever paths meet.

use std::collections::{BTreeSet, HashMap};

use crate::bytecode::encoding::instructions;
use crate::bytecode::exception_table::decode_exception_table;
use crate::bytecode::{CodeObject, ConstantValue, Opcode};

/// Checks `code` and every nested code object.
///
/// # Errors
/// A description of the first problem found.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.consts {
        if let ConstantValue::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

struct Item {
    start: usize,
    end: usize,
    op: Opcode,
    arg: u32,
    target: Option<usize>,
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let mut items = Vec::new();
    for decoded in instructions(&code.code) {
        let decoded = decoded.map_err(|e| e.to_string())?;
        let op = decoded
            .op()
            .ok_or_else(|| format!("unknown opcode {}", decoded.opcode))?;
        if op == Opcode::EXTENDED_ARG {
            continue;
        }
        items.push(Item {
            start: decoded.start_offset,
            end: decoded.end_offset(),
            op,
            arg: decoded.oparg.unwrap_or(0),
            target: decoded.jump_target(),
        });
    }
    let index_of: HashMap<usize, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.start, i))
        .collect();
    let boundaries: BTreeSet<usize> = items
        .iter()
        .map(|it| it.start)
        .chain(std::iter::once(code.code.len()))
        .collect();
    for item in &items {
        if let Some(target) = item.target
            && !index_of.contains_key(&target)
        {
            return Err(format!(
                "{} at {} jumps to {target}, not an instruction",
                item.op.name(),
                item.start
            ));
        }
    }
    let entries = decode_exception_table(&code.exceptiontable).map_err(|e| e.to_string())?;
    for e in &entries {
        for (what, at) in [("start", e.start), ("end", e.end), ("target", e.target)] {
            let bytes = at as usize * 2;
            if !boundaries.contains(&bytes) {
                return Err(format!(
                    "exception entry {what} {bytes} is not an instruction boundary"
                ));
            }
        }
        if !index_of.contains_key(&(e.target as usize * 2)) {
            return Err("exception handler outside the code".to_owned());
        }
    }
    let handler_at = |offset: usize| {
        entries
            .iter()
            .find(|e| (e.start as usize * 2) <= offset && offset < (e.end as usize * 2))
    };
    // Stack depths along every path.
    let mut depth_at: Vec<Option<i64>> = vec![None; items.len()];
    let mut work = Vec::new();
    if !items.is_empty() {
        depth_at[0] = Some(0);
        work.push(0usize);
    }
    let max = i64::from(code.stacksize);
    let visit = |index: usize,
                 depth: i64,
                 work: &mut Vec<usize>,
                 depth_at: &mut Vec<Option<i64>>|
     -> Result<(), String> {
        if depth < 0 || depth > max {
            return Err(format!(
                "stack depth {depth} out of 0..={max} at instruction {index}"
            ));
        }
        match depth_at[index] {
            None => {
                depth_at[index] = Some(depth);
                work.push(index);
                Ok(())
            }
            Some(d) if d == depth => Ok(()),
            Some(d) => Err(format!(
                "stack depths {d} and {depth} meet at instruction {index}"
            )),
        }
    };
    while let Some(index) = work.pop() {
        let item = &items[index];
        let depth = depth_at[index].unwrap_or(0);
        if let Some(entry) = handler_at(item.start) {
            if depth < i64::from(entry.depth) {
                return Err(format!(
                    "handler depth {} above the stack at {}",
                    entry.depth, item.start
                ));
            }
            let handler_depth = i64::from(entry.depth) + 1 + i64::from(entry.lasti);
            let target = index_of[&(entry.target as usize * 2)];
            visit(target, handler_depth, &mut work, &mut depth_at)?;
        }
        let op = item.op.deopt();
        if let Some(target) = item.target
            && op != Opcode::END_ASYNC_FOR
        {
            let after = depth + i64::from(op.stack_effect(item.arg, true));
            visit(index_of[&target], after, &mut work, &mut depth_at)?;
        }
        let after = depth + i64::from(op.stack_effect(item.arg, false));
        if after < 0 {
            return Err(format!("stack underflow at {} ({})", item.start, op.name()));
        }
        if op.is_scope_exit() || op.is_unconditional_jump() {
            continue;
        }
        if index + 1 < items.len() {
            visit(index + 1, after, &mut work, &mut depth_at)?;
        } else if item.end >= code.code.len() {
            return Err(format!("execution runs off the end after {}", op.name()));
        }
    }
    Ok(())
}
