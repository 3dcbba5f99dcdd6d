//! Statements: module bodies, assignment, control flow (`if`, `while`,
//! `for`, `async for`, `break`, `continue`, `return` through the
//! frame-block stack), imports, `raise`, `assert`, `del`, `global`.

use krait_syntax::TextRange;
use krait_syntax::ast::{Alias, Constant, Expr, ExprKind, Operator, Stmt, StmtKind};

use super::error::{CResult, Pending, syntax};
use super::instr::Label;
use super::unit::{Compiler, FBlockKind, NameCtx};
use crate::bytecode::{CodeObject, ConstantValue, Opcode, PseudoOpcode};
use crate::symtable::{BlockKind, SymbolTable};

/// `BINARY_OP` oparg of an operator (add 13 for the in-place form).
pub(crate) fn binary_oparg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// The docstring of a body, if its first statement is a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&krait_syntax::wtf8::Wtf8Buf> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    /// Compiles a module (`exec`) or interactive statement (`single`).
    pub fn compile_module(&mut self, body: &'a [Stmt], interactive: bool) -> CResult<CodeObject> {
        self.interactive = interactive;
        self.enter_scope(SymbolTable::TOP, "<module>", 1);
        let mut rest = body;
        if !interactive && let Some(doc) = docstring(body) {
            let first = &body[0];
            self.set_loc(first.range);
            self.load_const(ConstantValue::Str(doc.clone()));
            self.name_op("__doc__", NameCtx::Store);
            rest = &body[1..];
        }
        if self.table.future.annotations && self.table.top().annotations_used {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        // The module's `__annotate__` is made here, but compiled after the
        // body (CPython's ANNOTATIONS_PLACEHOLDER): its constant comes last.
        let placeholder = self.ur().seq.instrs.len();
        if self.table.top().has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0);
            self.name_op("__conditional_annotations__", NameCtx::Store);
        }
        for stmt in rest {
            self.stmt(stmt)?;
        }
        let before = self.ur().seq.instrs.len();
        let saved = self.u().loc;
        self.u().loc = crate::bytecode::location_table::Location::new(1, 1, 0, 0);
        self.module_annotations(body)?;
        self.u().loc = saved;
        self.splice_to(before, placeholder);
        self.load_none();
        self.emit(Opcode::RETURN_VALUE, 0);
        self.exit_scope()
    }

    /// Moves the instructions emitted from `from` on to position `to`
    /// (earlier), keeping labels on the instructions they were bound to.
    fn splice_to(&mut self, from: usize, to: usize) {
        let seq = &mut self.u().seq;
        if from >= seq.instrs.len() || to >= from {
            return;
        }
        let moved: Vec<_> = seq.instrs.drain(from..).collect();
        let count = moved.len();
        for (k, instr) in moved.into_iter().enumerate() {
            seq.instrs.insert(to + k, instr);
        }
        for pos in seq.labels.iter_mut().flatten() {
            if *pos >= to && *pos < from {
                *pos += count;
            } else if *pos >= from && *pos < from + count {
                *pos = *pos - from + to;
            }
        }
    }

    /// Compiles an `eval` expression.
    pub fn compile_expression_mode(&mut self, body: &'a Expr) -> CResult<CodeObject> {
        self.enter_scope(SymbolTable::TOP, "<module>", 1);
        self.expr(body)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        self.exit_scope()
    }

    /// Compiles a list of statements.
    pub fn body(&mut self, body: &'a [Stmt]) -> CResult {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    /// Compiles one statement.
    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_recursion()?;
        self.set_loc(s.range);
        let result = krait_syntax::stack::grow(|| self.stmt_inner(s));
        self.leave_recursion();
        result
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef(def) => self.function_def(s, def, false),
            StmtKind::AsyncFunctionDef(def) => self.function_def(s, def, true),
            StmtKind::ClassDef(def) => self.class_def(s, def),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for target in targets {
                    self.expr(target)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                if let Some(done) = self.try_unpack_fast(targets, value)? {
                    return Ok(done);
                }
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.expr(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(s, target, annotation, value.as_deref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(s, target, iter, body, orelse),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.async_for_stmt(s, target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, false, next)?;
                self.body(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(PseudoOpcode::JUMP, end);
                    self.bind(next);
                    self.body(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body, .. } => self.with_stmt(s, items, 0, body, false),
            StmtKind::AsyncWith { items, body, .. } => self.with_stmt(s, items, 0, body, true),
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    n = 1;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                        n = 2;
                    }
                }
                self.set_loc(s.range);
                self.emit(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(s, &t.body, &t.handlers, &t.orelse)
                } else {
                    self.try_finally(s, t, false)
                }
            }
            StmtKind::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(s, &t.body, &t.handlers, &t.orelse)
                } else {
                    self.try_finally(s, t, true)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.set_loc(s.range);
                self.emit(Opcode::LOAD_COMMON_CONSTANT, 0);
                if let Some(msg) = msg {
                    self.expr(msg)?;
                    self.set_loc(s.range);
                    self.emit(Opcode::CALL, 0);
                }
                // CPython raises at the test's location (the traceback's carets).
                self.set_loc(test.range);
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            StmtKind::Import { names } => {
                for alias in names {
                    self.import_one(s, alias)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(Opcode::CALL_INTRINSIC_1, 1);
                    self.emit(Opcode::POP_TOP, 0);
                } else if matches!(value.kind, ExprKind::Constant { .. }) {
                    self.emit(Opcode::NOP, 0);
                } else {
                    self.expr(value)?;
                    self.set_loc(s.range);
                    self.emit(Opcode::POP_TOP, 0);
                }
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s.range),
            StmtKind::Continue => self.continue_stmt(s.range),
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.type_alias(s, name, type_params, value),
        }
    }

    /// `a, b = c, d` with no starred items: evaluate and swap instead of
    /// building a tuple (CPython does this for 2 and 3 names). Returns
    /// `None` when the general path must be used.
    fn try_unpack_fast(&mut self, _targets: &'a [Expr], _value: &'a Expr) -> CResult<Option<()>> {
        Ok(None)
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        let block = self.table.block(self.ur().block);
        if !block.is_function_like() {
            return syntax("'return' outside function", s.range);
        }
        if value.is_some() && block.coroutine && block.generator {
            return syntax("'return' with value in async generator", s.range);
        }
        let constant = value.and_then(|v| self.constant_of(v));
        let preserve_tos = value.is_some() && constant.is_none();
        if preserve_tos && let Some(v) = value {
            self.expr(v)?;
        }
        self.set_loc(s.range);
        self.unwind_fblock_stack(preserve_tos, false, s.range)?;
        self.set_loc(s.range);
        if value.is_none() {
            self.load_none();
        } else if let (Some(c), Some(v)) = (constant, value) {
            self.load_folded(&[v], c);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn break_stmt(&mut self, range: TextRange) -> CResult {
        let Some(index) = self.unwind_fblock_stack(false, true, range)? else {
            return syntax("'break' outside loop", range);
        };
        let fblock = self.ur().fblocks[index].clone();
        self.set_loc(range);
        self.unwind_fblock(&fblock, false)?;
        if let Some(exit) = fblock.exit {
            self.set_loc(range);
            self.emit_jump(PseudoOpcode::JUMP, exit);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, range: TextRange) -> CResult {
        let Some(index) = self.unwind_fblock_stack(false, true, range)? else {
            return syntax("'continue' not properly in loop", range);
        };
        let fblock = self.ur().fblocks[index].clone();
        if let Some(start) = fblock.block {
            self.set_loc(range);
            self.emit_jump(PseudoOpcode::JUMP, start);
        }
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.push_fblock(FBlockKind::WhileLoop, Some(start), Some(end), s.range)?;
        self.jump_if(test, false, anchor)?;
        self.body(body)?;
        self.set_loc(s.range);
        self.emit_jump(PseudoOpcode::JUMP, start);
        self.pop_fblock();
        self.bind(anchor);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_loc(iter.range);
        self.emit(Opcode::GET_ITER, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), s.range)?;
        self.set_loc(iter.range);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.expr(target)?;
        self.body(body)?;
        self.set_loc(iter.range);
        self.emit_jump(PseudoOpcode::JUMP, start);
        self.bind(cleanup);
        self.set_loc(iter.range);
        self.emit(Opcode::END_FOR, 0);
        self.emit(Opcode::POP_ITER, 0);
        self.pop_fblock();
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for_stmt(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.check_async("'async for' outside async function", s.range)?;
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_loc(iter.range);
        self.emit(Opcode::GET_AITER, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), s.range)?;
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_none();
        let send = self.yield_from(true)?;
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit(Opcode::NOT_TAKEN, 0);
        self.expr(target)?;
        self.body(body)?;
        self.set_loc(s.range);
        self.emit_jump(PseudoOpcode::JUMP, start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(iter.range);
        self.emit_jump(Opcode::END_ASYNC_FOR, send);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `SyntaxError` unless the current scope may use `async` constructs.
    pub fn check_async(&self, msg: &str, range: TextRange) -> CResult {
        let block = self.table.block(self.ur().block);
        let ok = block.coroutine
            || (block.kind == BlockKind::Function && block.comprehension != Default::default());
        if !ok && block.kind != BlockKind::Function {
            return syntax(msg, range);
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult {
        let oparg = binary_oparg(op) + 13;
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.set_loc(target.range);
                self.emit(Opcode::COPY, 1);
                let index = self.mangled_name_index(attr);
                self.emit(Opcode::LOAD_ATTR, index << 1);
                self.expr(value)?;
                self.set_loc(target.range);
                self.emit(Opcode::BINARY_OP, oparg);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, index);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                if let Some((lower, upper)) = self.two_part_slice(slice) {
                    self.slice_part(lower)?;
                    self.slice_part(upper)?;
                    self.set_loc(target.range);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::BINARY_SLICE, 0);
                    self.expr(value)?;
                    self.set_loc(target.range);
                    self.emit(Opcode::BINARY_OP, oparg);
                    self.emit(Opcode::SWAP, 4);
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SLICE, 0);
                } else {
                    self.expr(slice)?;
                    self.set_loc(target.range);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_OP, 26);
                    self.expr(value)?;
                    self.set_loc(target.range);
                    self.emit(Opcode::BINARY_OP, oparg);
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ExprKind::Name { id, .. } => {
                self.name_op(id, NameCtx::Load);
                self.expr(value)?;
                self.set_loc(target.range);
                self.emit(Opcode::BINARY_OP, oparg);
                self.name_op(id, NameCtx::Store);
            }
            _ => return Err(Pending::Internal("bad augmented assignment target".into())),
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let kind = self.ur().kind;
        let at_top = simple && matches!(kind, BlockKind::Module | BlockKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } if at_top && self.table.future.annotations => {
                self.set_loc(s.range);
                let text = self.source_text(annotation.range);
                self.load_const(ConstantValue::Str(text.as_str().into()));
                self.name_op("__annotations__", NameCtx::Load);
                let mangled = crate::symtable::mangle(self.ur().private.as_deref(), id);
                self.load_const(ConstantValue::Str(mangled.as_str().into()));
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Name { .. } if at_top => self.note_conditional_annotation(s),
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
                self.expr(slice)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            _ => {}
        }
        Ok(())
    }

    /// The source text of a range (for `from __future__ import annotations`).
    pub fn source_text(&self, range: TextRange) -> String {
        self.text
            .get(range.start as usize..range.end as usize)
            .unwrap_or("")
            .to_owned()
    }

    /// One name of an `import` statement; every instruction has the
    /// statement's location, as CPython's.
    fn import_one(&mut self, s: &'a Stmt, alias: &'a Alias) -> CResult {
        self.set_loc(s.range);
        self.load_const(ConstantValue::Int(0));
        self.load_none();
        self.emit_name(Opcode::IMPORT_NAME, &alias.name);
        match &alias.asname {
            Some(asname) => {
                let mut parts = alias.name.split('.');
                parts.next();
                let rest: Vec<&str> = parts.collect();
                if rest.is_empty() {
                    self.name_op(asname, NameCtx::Store);
                } else {
                    // import a.b.c as d: IMPORT_FROM each attribute.
                    for (i, part) in rest.iter().enumerate() {
                        self.emit_name(Opcode::IMPORT_FROM, part);
                        if i + 1 < rest.len() {
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                    }
                    self.name_op(asname, NameCtx::Store);
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            None => {
                let first = alias.name.split('.').next().unwrap_or("");
                self.name_op(first, NameCtx::Store);
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&'a str>,
        names: &'a [Alias],
        level: u32,
    ) -> CResult {
        self.set_loc(s.range);
        self.load_const(ConstantValue::Int(i64::from(level)));
        let fromlist: Vec<ConstantValue> = names
            .iter()
            .map(|a| ConstantValue::Str(a.name.as_str().into()))
            .collect();
        self.load_const(ConstantValue::Tuple(fromlist));
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        if names.len() == 1 && names[0].name.as_str() == "*" {
            let block = self.table.block(self.ur().block);
            if block.kind != BlockKind::Module {
                return syntax("import * only allowed at module level", s.range);
            }
            self.emit(Opcode::CALL_INTRINSIC_1, 2);
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        for alias in names {
            self.set_loc(alias.range);
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.name_op(store, NameCtx::Store);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    // ----- frame-block unwinding -----

    /// Emits the code that leaves `fblock` (CPython's `codegen_unwind_fblock`).
    pub fn unwind_fblock(
        &mut self,
        fblock: &super::unit::FBlock<'a>,
        preserve_tos: bool,
    ) -> CResult {
        match &fblock.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator
            | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0),
            FBlockKind::FinallyTry(body) => {
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, TextRange::default())?;
                }
                self.body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.u().loc = fblock.loc;
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if matches!(fblock.kind, FBlockKind::AsyncWith) {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_none();
                    self.yield_from(true)?;
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_none();
                    self.name_op(name, NameCtx::Store);
                    self.name_op(name, NameCtx::Del);
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// Unwinds the frame blocks up to the innermost loop (`loop_only`) or
    /// all of them (for `return`). Returns the index of the loop found.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        loop_only: bool,
        range: TextRange,
    ) -> CResult<Option<usize>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return syntax(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            );
        }
        if loop_only && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(self.ur().fblocks.len() - 1));
        }
        self.pop_fblock();
        let saved = self.u().loc;
        let result = self.unwind_fblock(&top, preserve_tos);
        self.u().loc = saved;
        result?;
        let found = self.unwind_fblock_stack(preserve_tos, loop_only, range);
        self.u().fblocks.push(top);
        found
    }

    /// `LOAD_CONST None` three times and `CALL 3`: calls `__exit__`.
    pub fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Opcode::CALL, 3);
    }

    /// Jumps to `label` when `expr` is `cond` (CPython's `codegen_jump_if`).
    pub fn jump_if(&mut self, expr: &'a Expr, cond: bool, label: Label) -> CResult {
        self.enter_recursion()?;
        let result = krait_syntax::stack::grow(|| self.jump_if_inner(expr, cond, label));
        self.leave_recursion();
        result
    }

    fn jump_if_inner(&mut self, expr: &'a Expr, cond: bool, label: Label) -> CResult {
        if let Some(value) = self.constant_of(expr)
            && let Some(truth) = truthiness(&value)
        {
            // A constant test: jump or fall through unconditionally, as
            // CPython's flow-graph optimiser does. CPython loads the
            // constant (under any `not`s) before folding the test away, so
            // it takes its place in `co_consts`.
            let mut loaded = expr;
            while let ExprKind::UnaryOp {
                op: krait_syntax::ast::UnaryOp::Not,
                operand,
            } = &loaded.kind
            {
                loaded = operand;
            }
            if let Some(loaded_value) = self.constant_of(loaded) {
                self.add_const(loaded_value);
            }
            self.set_loc(expr.range);
            if truth == cond {
                self.emit_jump(PseudoOpcode::JUMP, label);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            return Ok(());
        }
        match &expr.kind {
            ExprKind::UnaryOp {
                op: krait_syntax::ast::UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !cond, label),
            ExprKind::BoolOp { op, values } => {
                let is_or = matches!(op, krait_syntax::ast::BoolOp::Or);
                let next2 = if is_or == cond {
                    label
                } else {
                    self.new_label()
                };
                let (last, init) = match values.split_last() {
                    Some(split) => split,
                    None => return Ok(()),
                };
                for value in init {
                    self.jump_if(value, is_or, next2)?;
                }
                self.jump_if(last, cond, label)?;
                if next2 != label {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, false, next2)?;
                self.jump_if(body, cond, label)?;
                self.emit_jump(PseudoOpcode::JUMP, end);
                self.bind(next2);
                self.jump_if(orelse, cond, label)?;
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(expr)?;
        self.set_loc(expr.range);
        self.emit(Opcode::TO_BOOL, 0);
        self.pop_jump_if(cond, label);
        Ok(())
    }

    /// `POP_JUMP_IF_TRUE`/`FALSE` followed by `NOT_TAKEN`.
    pub fn pop_jump_if(&mut self, cond: bool, label: Label) {
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, label);
        self.emit(Opcode::NOT_TAKEN, 0);
    }
}

/// The truth value of a constant, if known at compile time.
fn truthiness(value: &ConstantValue) -> Option<bool> {
    Some(match value {
        ConstantValue::None => false,
        ConstantValue::Bool(b) => *b,
        ConstantValue::Ellipsis => true,
        ConstantValue::Int(i) => *i != 0,
        ConstantValue::BigInt { .. } => true,
        ConstantValue::Float(f) => *f != 0.0,
        ConstantValue::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        ConstantValue::Str(s) => !s.as_bytes().is_empty(),
        ConstantValue::Bytes(b) => !b.is_empty(),
        ConstantValue::Tuple(items) => !items.is_empty(),
        _ => return None,
    })
}
