//! Exception handling: `try`/`except`/`else`/`finally`, `except*`, `with`
//! and `async with`, as CPython 3.14 lays them out with `SETUP_*`/`POP_BLOCK`
//! pseudo-instructions (see `InternalDocs/exception_handling.md`).

use krait_syntax::ast::{ExceptHandler, Stmt, Try, WithItem};

use super::error::{CResult, syntax};
use super::unit::{Compiler, FBlockKind, NameCtx};
use crate::bytecode::location_table::Location;
use crate::bytecode::{Opcode, PseudoOpcode};

impl<'a> Compiler<'a> {
    /// `COPY 3; POP_EXCEPT; RERAISE 1`: restores the previous exception and
    /// re-raises.
    fn pop_except_and_reraise(&mut self) {
        self.u().loc = Location::NONE;
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// `try: ... except ...: ... else: ...`.
    pub fn try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, except);
        self.push_fblock(FBlockKind::TryExcept, None, None, s.range)?;
        self.body(body)?;
        self.pop_fblock();
        self.u().loc = Location::NONE;
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.body(orelse)?;
        self.u().loc = Location::NONE;
        self.emit_jump(PseudoOpcode::JUMP, end);
        self.bind(except);
        self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, s.range)?;
        for (i, handler) in handlers.iter().enumerate() {
            if handler.r#type.is_none() && i + 1 < handlers.len() {
                return syntax("default 'except:' must be last", handler.range);
            }
            let next = self.new_label();
            self.set_loc(handler.range);
            if let Some(ty) = &handler.r#type {
                self.expr(ty)?;
                self.set_loc(handler.range);
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
                self.emit(Opcode::NOT_TAKEN, 0);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_label();
                self.name_op(name, NameCtx::Store);
                self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup_end);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.to_string())),
                    None,
                    None,
                    handler.range,
                )?;
                self.body(&handler.body)?;
                self.pop_fblock();
                self.u().loc = Location::NONE;
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_none();
                self.name_op(name, NameCtx::Store);
                self.name_op(name, NameCtx::Del);
                self.emit_jump(PseudoOpcode::JUMP, end);
                self.bind(cleanup_end);
                self.u().loc = Location::NONE;
                self.load_none();
                self.name_op(name, NameCtx::Store);
                self.name_op(name, NameCtx::Del);
                self.emit(Opcode::RERAISE, 1);
            } else {
                self.emit(Opcode::POP_TOP, 0);
                self.push_fblock(FBlockKind::HandlerCleanup(None), None, None, handler.range)?;
                self.body(&handler.body)?;
                self.pop_fblock();
                self.u().loc = Location::NONE;
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(PseudoOpcode::JUMP, end);
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.u().loc = Location::NONE;
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* ...: ...`.
    pub fn try_star_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let except = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, except);
        self.push_fblock(FBlockKind::TryExcept, None, None, s.range)?;
        self.body(body)?;
        self.pop_fblock();
        self.u().loc = Location::NONE;
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit_jump(PseudoOpcode::JUMP, orelse_label);
        self.bind(except);
        self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, s.range)?;
        let n = handlers.len();
        for (i, handler) in handlers.iter().enumerate() {
            if handler.r#type.is_none() {
                return syntax("expected one or more exception types", handler.range);
            }
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            self.set_loc(handler.range);
            if i == 0 {
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::COPY, 2);
            }
            if let Some(ty) = &handler.r#type {
                self.expr(ty)?;
                self.set_loc(handler.range);
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
                self.emit(Opcode::NOT_TAKEN, 0);
            }
            let cleanup_end = self.new_label();
            match &handler.name {
                Some(name) => self.name_op(name, NameCtx::Store),
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup_end);
            let name = handler.name.as_ref().map(|n| n.to_string());
            self.push_fblock(
                FBlockKind::HandlerCleanup(name.clone()),
                None,
                None,
                handler.range,
            )?;
            self.body(&handler.body)?;
            self.pop_fblock();
            self.u().loc = Location::NONE;
            self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
            if let Some(name) = &name {
                self.load_none();
                self.name_op(name, NameCtx::Store);
                self.name_op(name, NameCtx::Del);
            }
            self.emit_jump(PseudoOpcode::JUMP, next_except);
            self.bind(cleanup_end);
            if let Some(name) = &name {
                self.load_none();
                self.name_op(name, NameCtx::Store);
                self.name_op(name, NameCtx::Del);
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.emit_jump(PseudoOpcode::JUMP, except_with_error);
            self.bind(next_except);
            self.emit(Opcode::NOP, 0);
            self.emit_jump(PseudoOpcode::JUMP, except_with_error);
            self.bind(no_match);
            self.set_loc(handler.range);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                self.u().loc = Location::NONE;
                self.emit(Opcode::LIST_APPEND, 1);
                self.emit_jump(PseudoOpcode::JUMP, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.u().loc = Location::NONE;
        self.emit(Opcode::CALL_INTRINSIC_2, 1);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::NOT_TAKEN, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit_jump(PseudoOpcode::JUMP, end);
        self.bind(reraise);
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_label);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try: ... finally: ...` (with optional handlers inside).
    pub fn try_finally(&mut self, s: &'a Stmt, t: &'a Try, star: bool) -> CResult {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, end);
        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody), None, None, s.range)?;
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else if star {
            self.try_star_except(s, &t.body, &t.handlers, &t.orelse)?;
        } else {
            self.try_except(s, &t.body, &t.handlers, &t.orelse)?;
        }
        self.u().loc = Location::NONE;
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.pop_fblock();
        self.body(&t.finalbody)?;
        self.u().loc = Location::NONE;
        self.emit_jump(PseudoOpcode::JUMP, exit);
        self.bind(end);
        self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, None, None, s.range)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.u().loc = Location::NONE;
        self.emit(Opcode::RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `with` and `async with`, one item at a time.
    pub fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        index: usize,
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        if is_async && index == 0 {
            self.check_async("'async with' outside async function", s.range)?;
        }
        let Some(item) = items.get(index) else {
            return self.body(body);
        };
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        // CPython locates the with machinery at the context expression
        // (what a traceback through `__exit__` underlines).
        let item_range = item.context_expr.range;
        self.set_loc(item_range);
        let (exit_method, enter_method) = if is_async { (3, 2) } else { (1, 0) };
        self.emit(Opcode::COPY, 1);
        self.emit(Opcode::LOAD_SPECIAL, exit_method);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::SWAP, 3);
        self.emit(Opcode::LOAD_SPECIAL, enter_method);
        self.emit(Opcode::CALL, 0);
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 1);
            self.load_none();
            self.yield_from(true)?;
        }
        self.emit_jump(PseudoOpcode::SETUP_WITH, final_label);
        self.bind(block);
        let kind = if is_async {
            FBlockKind::AsyncWith
        } else {
            FBlockKind::With
        };
        self.push_fblock(kind, Some(block), Some(final_label), s.range)?;
        match &item.optional_vars {
            Some(target) => self.expr(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        self.with_stmt(s, items, index + 1, body, is_async)?;
        self.pop_fblock();
        self.set_loc(item_range);
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2);
            self.load_none();
            self.yield_from(true)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(PseudoOpcode::JUMP, exit);
        self.bind(final_label);
        self.set_loc(item_range);
        self.emit_jump(PseudoOpcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2);
            self.load_none();
            self.yield_from(true)?;
        }
        let suppress = self.new_label();
        self.emit(Opcode::TO_BOOL, 0);
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::NOT_TAKEN, 0);
        self.emit(Opcode::RERAISE, 2);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(PseudoOpcode::JUMP, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }
}
