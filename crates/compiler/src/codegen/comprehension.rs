//! Comprehensions: list, set and dict comprehensions inlined into their
//! scope (PEP 709: the iteration variables are saved with
//! `LOAD_FAST_AND_CLEAR` and restored afterwards, also on exceptions),
//! generator expressions (and comprehensions that cannot be inlined) as
//! nested code objects called with the outermost iterator.

use std::collections::HashMap;

use krait_syntax::ast::{Comprehension, Expr, ExprKind};

use super::error::{CResult, Pending};
use super::unit::{Compiler, FBlockKind};
use crate::bytecode::{Opcode, PseudoOpcode};
use crate::symtable::{BlockKind, SymbolFlags, SymbolScope};

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    /// Any comprehension or generator expression.
    pub fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::Gen, "<genexpr>", generators, &**elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (CompKind::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompKind::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (
                CompKind::Dict,
                "<dictcomp>",
                generators,
                &**key,
                Some(&**value),
            ),
            _ => return Err(Pending::Internal("not a comprehension".into())),
        };
        let block_id = self
            .table
            .expression(e)
            .ok_or_else(|| Pending::Internal("comprehension without a block".into()))?;
        let block = self.table.block(block_id);
        let inlined = block.comp_inlined;
        let is_async = block.coroutine;
        let outermost = generators
            .first()
            .ok_or_else(|| Pending::Internal("comprehension without generators".into()))?;
        if inlined {
            self.expr(&outermost.iter)?;
            self.set_loc(e.range);
            self.emit(
                if outermost.is_async {
                    Opcode::GET_AITER
                } else {
                    Opcode::GET_ITER
                },
                0,
            );
            let pushed = self.push_inlined_state(block_id)?;
            let cleanup = if pushed.is_empty() {
                None
            } else {
                self.emit(Opcode::SWAP, pushed.len() as u32 + 1);
                let cleanup = self.new_label();
                self.emit_jump(PseudoOpcode::SETUP_FINALLY, cleanup);
                Some(cleanup)
            };
            self.u().in_inlined_comp += 1;
            if kind != CompKind::Gen {
                self.emit(build_op(kind), 0);
                self.emit(Opcode::SWAP, 2);
            }
            self.comprehension_generator(e, generators, 0, 0, elt, val, kind, true)?;
            self.u().in_inlined_comp -= 1;
            if let Some(cleanup) = cleanup {
                let end = self.new_label();
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit_jump(PseudoOpcode::JUMP_NO_INTERRUPT, end);
                self.bind(cleanup);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::POP_TOP, 0);
                self.restore_inlined_locals(&pushed);
                self.emit(Opcode::RERAISE, 0);
                self.bind(end);
                self.restore_inlined_locals(&pushed);
            }
            self.u().overrides.pop();
            if !self.table.block(self.ur().block).is_function_like() {
                for name in &pushed {
                    self.u().hidden.remove(name);
                }
            }
            return Ok(());
        }
        let line = self.line_of(e.range);
        self.enter_scope(block_id, name, line);
        self.u().argcount = 1;
        self.u().param_kinds = vec![
            crate::bytecode::code_object::fast_kind::ARG_POS
                | crate::bytecode::code_object::fast_kind::ARG_KW,
        ];
        let is_gen = self.table.block(block_id).generator;
        let stop = if is_gen {
            Some(self.begin_stopiteration_wrap(e)?)
        } else {
            None
        };
        self.set_loc(e.range);
        if kind != CompKind::Gen {
            self.emit(build_op(kind), 0);
        }
        self.comprehension_generator(e, generators, 0, 0, elt, val, kind, false)?;
        self.set_loc(e.range);
        if kind == CompKind::Gen {
            self.load_none();
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        if let Some(stop) = stop {
            self.end_stopiteration_wrap(stop);
        }
        let code = self.exit_scope()?;
        self.set_loc(e.range);
        self.make_closure(code, 0)?;
        self.expr(&outermost.iter)?;
        self.set_loc(e.range);
        self.emit(
            if outermost.is_async {
                Opcode::GET_AITER
            } else {
                Opcode::GET_ITER
            },
            0,
        );
        self.emit(Opcode::CALL, 0);
        if is_async && kind != CompKind::Gen {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_none();
            self.yield_from(true)?;
        }
        Ok(())
    }

    /// CPython's `push_inlined_comprehension_state`: scope overrides, the
    /// hidden fast locals of module/class scopes, and `LOAD_FAST_AND_CLEAR`
    /// of every name the comprehension binds. Returns the pushed names.
    fn push_inlined_state(&mut self, comp: crate::symtable::BlockId) -> CResult<Vec<String>> {
        let outer_block = self.table.block(self.ur().block);
        let outer_function_like = outer_block.is_function_like();
        let in_class_block = outer_block.kind == BlockKind::Class && self.ur().in_inlined_comp == 0;
        let mut overrides = HashMap::new();
        let mut pushed = Vec::new();
        let symbols = &self.table.block(comp).symbols;
        for symbol in symbols {
            let name = symbol.name.as_str();
            let scope = symbol.scope;
            let outsc = self.scope_of(name);
            if (scope != outsc
                && scope != SymbolScope::Free
                && !(scope == SymbolScope::Cell && outsc == SymbolScope::Free))
                || (in_class_block && scope == SymbolScope::Local)
            {
                overrides.insert(name.to_owned(), scope);
            }
            let bound_here = symbol.flags.contains(SymbolFlags::LOCAL)
                && !symbol.flags.contains(SymbolFlags::NONLOCAL)
                && !symbol.flags.contains(SymbolFlags::PARAM);
            if bound_here {
                if !outer_function_like {
                    self.u().hidden.insert(name.to_owned());
                    self.u().ever_hidden.insert(name.to_owned());
                }
                let index = self.u().add_var(name);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, index);
                if scope == SymbolScope::Cell {
                    let cell = self.deref_index(name);
                    self.emit(Opcode::MAKE_CELL, cell);
                }
                pushed.push(name.to_owned());
            }
        }
        self.u().overrides.push(overrides);
        Ok(pushed)
    }

    fn restore_inlined_locals(&mut self, pushed: &[String]) {
        self.emit(Opcode::SWAP, pushed.len() as u32 + 1);
        for name in pushed.iter().rev() {
            let index = self.u().add_var(name);
            self.emit_pseudo(PseudoOpcode::STORE_FAST_MAYBE_NULL, index);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult {
        let generator = &generators[index];
        if generator.is_async {
            return self.async_comprehension_generator(
                e,
                generators,
                index,
                depth,
                elt,
                val,
                kind,
                iter_on_stack,
            );
        }
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0);
            } else {
                self.expr(&generator.iter)?;
                self.set_loc(generator.iter.range);
                self.emit(Opcode::GET_ITER, 0);
            }
        }
        let depth = depth + 1;
        self.bind(start);
        self.set_loc(generator.iter.range);
        self.emit_jump(Opcode::FOR_ITER, anchor);
        self.expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(e, generators, index + 1, depth, elt, val, kind, false)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.bind(if_cleanup);
        self.set_loc(elt.range);
        self.emit_jump(PseudoOpcode::JUMP, start);
        self.bind(anchor);
        self.set_loc(generator.iter.range);
        self.emit(Opcode::END_FOR, 0);
        self.emit(Opcode::POP_ITER, 0);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> CResult {
        let generator = &generators[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0);
            } else {
                self.expr(&generator.iter)?;
                self.set_loc(generator.iter.range);
                self.emit(Opcode::GET_AITER, 0);
            }
        }
        self.bind(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
            e.range,
        )?;
        self.set_loc(e.range);
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_none();
        let send = self.yield_from(true)?;
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        let depth = depth + 1;
        if index + 1 < generators.len() {
            self.comprehension_generator(e, generators, index + 1, depth, elt, val, kind, false)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.bind(if_cleanup);
        self.set_loc(elt.range);
        self.emit_jump(PseudoOpcode::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(e.range);
        self.emit_jump(Opcode::END_ASYNC_FOR, send);
        Ok(())
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        depth: u32,
    ) -> CResult {
        self.expr(elt)?;
        if let Some(val) = val {
            self.expr(val)?;
        }
        self.set_loc(elt.range);
        match kind {
            CompKind::Gen => {
                self.emit_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            CompKind::List => self.emit(Opcode::LIST_APPEND, depth + 1),
            CompKind::Set => self.emit(Opcode::SET_ADD, depth + 1),
            CompKind::Dict => self.emit(Opcode::MAP_ADD, depth + 1),
        }
        Ok(())
    }

    /// Opens the generator's `StopIteration` → `RuntimeError` handler
    /// around the whole body (CPython's `wrap_in_stopiteration_handler`).
    pub fn begin_stopiteration_wrap(&mut self, e: &Expr) -> CResult<super::instr::Label> {
        let handler = self.new_label();
        // The handler covers everything after RESUME.
        let resume_at = 0;
        let instr = super::instr::Instr {
            op: PseudoOpcode::SETUP_CLEANUP.into(),
            arg: 0,
            target: Some(handler),
            loc: crate::bytecode::location_table::Location::NONE,
        };
        let seq = &mut self.u().seq;
        let at = resume_at.min(seq.instrs.len());
        seq.instrs.insert(at, instr);
        for pos in seq.labels.iter_mut().flatten() {
            if *pos > at {
                *pos += 1;
            }
        }
        self.push_fblock(FBlockKind::StopIteration, None, None, e.range)?;
        Ok(handler)
    }

    /// Closes the `StopIteration` handler opened by
    /// [`Compiler::begin_stopiteration_wrap`].
    pub fn end_stopiteration_wrap(&mut self, handler: super::instr::Label) {
        self.pop_fblock();
        self.bind(handler);
        self.u().loc = crate::bytecode::location_table::Location::NONE;
        self.emit(Opcode::CALL_INTRINSIC_1, 3);
        self.emit(Opcode::RERAISE, 1);
    }
}

fn build_op(kind: CompKind) -> Opcode {
    match kind {
        CompKind::List => Opcode::BUILD_LIST,
        CompKind::Set => Opcode::BUILD_SET,
        CompKind::Dict | CompKind::Gen => Opcode::BUILD_MAP,
    }
}
