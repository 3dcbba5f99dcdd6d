//! Functions, lambdas, classes and closures: defaults and keyword
//! defaults, PEP 649 `__annotate__` functions, decorators, `MAKE_FUNCTION`
//! with `SET_FUNCTION_ATTRIBUTE`, class bodies (`__module__`,
//! `__qualname__`, `__firstlineno__`, `__static_attributes__`,
//! `__classcell__`, `__classdictcell__`), and module/class annotations.

use krait_syntax::ast::{
    Arguments, ClassDef, Expr, ExprKind, FunctionDef, Stmt, StmtKind, TypeParam, TypeParamKind,
};

use super::error::{CResult, Pending};
use super::stmt::docstring;
use super::unit::{Compiler, NameCtx};
use crate::bytecode::code_object::fast_kind;
use crate::bytecode::{CodeObject, ConstantValue, Opcode, PseudoOpcode};
use crate::symtable::{BlockId, mangle};

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub(crate) mod make_flags {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
    pub const ANNOTATE: u32 = 16;
}

impl<'a> Compiler<'a> {
    /// Builds a function object from `code` with the attributes in `flags`
    /// already on the stack (CPython's `codegen_make_closure`).
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        let free: Vec<String> = code.freevars().iter().map(|n| n.to_string()).collect();
        if !free.is_empty() {
            for name in &free {
                self.load_closure(name);
            }
            self.emit(Opcode::BUILD_TUPLE, free.len() as u32);
            flags |= make_flags::CLOSURE;
        }
        let index = self.add_const(ConstantValue::Code(Box::new(code)));
        self.emit(Opcode::LOAD_CONST, index);
        self.emit(Opcode::MAKE_FUNCTION, 0);
        for flag in [
            make_flags::CLOSURE,
            make_flags::ANNOTATIONS,
            make_flags::ANNOTATE,
            make_flags::KWDEFAULTS,
            make_flags::DEFAULTS,
        ] {
            if flags & flag != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, flag);
            }
        }
        Ok(())
    }

    /// Pushes defaults and keyword defaults; returns their flags.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            let consts: Option<Vec<ConstantValue>> =
                args.defaults.iter().map(|d| self.constant_of(d)).collect();
            match consts {
                Some(values) => {
                    let exprs: Vec<&Expr> = args.defaults.iter().collect();
                    self.load_folded(&exprs, ConstantValue::Tuple(values));
                }
                None => {
                    for d in &args.defaults {
                        self.expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
                }
            }
            flags |= make_flags::DEFAULTS;
        }
        let mut n = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                let name = mangle(self.ur().private.as_deref(), &arg.arg);
                self.load_const(ConstantValue::Str(name.as_str().into()));
                self.expr(default)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Opcode::BUILD_MAP, n);
            flags |= make_flags::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Parameter counts and locals-plus kinds of the current unit.
    fn set_parameters(&mut self, args: &Arguments) {
        let unit = self.u();
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        let mut kinds = Vec::new();
        kinds.extend(args.posonlyargs.iter().map(|_| fast_kind::ARG_POS));
        kinds.extend(
            args.args
                .iter()
                .map(|_| fast_kind::ARG_POS | fast_kind::ARG_KW),
        );
        kinds.extend(args.kwonlyargs.iter().map(|_| fast_kind::ARG_KW));
        if args.vararg.is_some() {
            kinds.push(fast_kind::ARG_POS | fast_kind::ARG_VAR);
        }
        if args.kwarg.is_some() {
            kinds.push(fast_kind::ARG_KW | fast_kind::ARG_VAR);
        }
        unit.param_kinds = kinds;
    }

    /// The line of a definition: its first decorator's, else its own.
    fn definition_line(&self, s: &Stmt, decorators: &[Expr]) -> i32 {
        match decorators.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(s.range),
        }
    }

    /// `def` and `async def` (generic ones inside their PEP 695
    /// type-parameter scope).
    pub fn function_def(&mut self, s: &'a Stmt, def: &'a FunctionDef, is_async: bool) -> CResult {
        let _ = is_async;
        for d in &def.decorator_list {
            self.expr(d)?;
        }
        let firstlineno = self.definition_line(s, &def.decorator_list);
        self.set_loc(s.range);
        let mut flags = self.default_arguments(&def.args)?;
        let generic = !def.type_params.is_empty();
        let mut type_param_args = 0u32;
        if generic {
            type_param_args = u32::from(flags & make_flags::DEFAULTS != 0)
                + u32::from(flags & make_flags::KWDEFAULTS != 0);
            if type_param_args == 2 {
                self.emit(Opcode::SWAP, 2);
            }
            let block = self
                .table
                .type_params(s)
                .ok_or_else(|| Pending::Internal("type parameters without a block".into()))?;
            self.enter_scope(
                block,
                &format!("<generic parameters of {}>", def.name),
                firstlineno,
            );
            self.u().argcount = type_param_args;
            self.set_loc(s.range);
            self.type_params(&def.type_params)?;
            for i in 0..type_param_args {
                self.emit(Opcode::LOAD_FAST, i);
            }
        }
        flags |= self.function_annotations(s, &def.args, def.returns.as_deref())?;
        let block = self
            .table
            .definition(s)
            .ok_or_else(|| Pending::Internal("function without a block".into()))?;
        let code = self.function_body(block, &def.name, firstlineno, &def.args, &def.body)?;
        self.set_loc(s.range);
        self.make_closure(code, flags)?;
        if generic {
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::CALL_INTRINSIC_2, 4);
            self.emit(Opcode::RETURN_VALUE, 0);
            let code = self.exit_scope()?;
            self.set_loc(s.range);
            self.make_closure(code, 0)?;
            if type_param_args > 0 {
                self.emit(Opcode::SWAP, type_param_args + 1);
                self.emit(Opcode::CALL, type_param_args - 1);
            } else {
                self.emit(Opcode::PUSH_NULL, 0);
                self.emit(Opcode::CALL, 0);
            }
        }
        self.apply_decorators(&def.decorator_list);
        self.set_loc(s.range);
        self.name_op(&def.name, NameCtx::Store);
        Ok(())
    }

    /// Opens an annotation-like scope (`__annotate__`, a type variable's
    /// lazily evaluated bound or default, a type alias's value) and emits
    /// `if format > 2: raise NotImplementedError`.
    fn enter_annotation_scope(&mut self, block: BlockId, name: &str, line: i32) {
        self.enter_scope(block, name, line);
        self.u().argcount = 1;
        self.u().posonlyargcount = 1;
        self.u().param_kinds = vec![fast_kind::ARG_POS];
        self.annotate_prologue();
    }

    /// A type variable's bound, constraints or default as a function of
    /// `format` (with `(1,)` as its defaults).
    fn bound_or_default(&mut self, e: &'a Expr, name: &str, block: Option<BlockId>) -> CResult {
        let block = block
            .ok_or_else(|| Pending::Internal("type parameter bound without a block".into()))?;
        self.set_loc(e.range);
        self.load_const(ConstantValue::Tuple(vec![ConstantValue::Int(1)]));
        let line = self.line_of(e.range);
        self.enter_annotation_scope(block, name, line);
        self.set_loc(e.range);
        if let ExprKind::Starred { value, .. } = &e.kind {
            self.expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.expr(e)?;
        }
        self.set_loc(e.range);
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope()?;
        self.set_loc(e.range);
        self.make_closure(code, make_flags::DEFAULTS)
    }

    /// Builds the tuple of type parameters, storing each under its name.
    fn type_params(&mut self, params: &'a [TypeParam]) -> CResult {
        let mut seen_default = false;
        for param in params {
            self.set_loc(param.range);
            let (bound_block, default_block) = self.table.type_param_blocks(param);
            let (name, default) = match &param.kind {
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                } => {
                    self.load_const(ConstantValue::Str(name.as_str().into()));
                    match bound {
                        Some(bound) => {
                            self.bound_or_default(bound, name, bound_block)?;
                            let intrinsic = if matches!(bound.kind, ExprKind::Tuple { .. }) {
                                3
                            } else {
                                2
                            };
                            self.set_loc(param.range);
                            self.emit(Opcode::CALL_INTRINSIC_2, intrinsic);
                        }
                        None => self.emit(Opcode::CALL_INTRINSIC_1, 7),
                    }
                    (name, default_value)
                }
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                } => {
                    self.load_const(ConstantValue::Str(name.as_str().into()));
                    self.emit(Opcode::CALL_INTRINSIC_1, 9);
                    (name, default_value)
                }
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                } => {
                    self.load_const(ConstantValue::Str(name.as_str().into()));
                    self.emit(Opcode::CALL_INTRINSIC_1, 8);
                    (name, default_value)
                }
            };
            match default {
                Some(default) => {
                    seen_default = true;
                    self.bound_or_default(default, name, default_block)?;
                    self.set_loc(param.range);
                    self.emit(Opcode::CALL_INTRINSIC_2, 5);
                }
                None if seen_default => {
                    return super::error::syntax(
                        format!(
                            "non-default type parameter '{name}' follows default type parameter"
                        ),
                        param.range,
                    );
                }
                None => {}
            }
            self.emit(Opcode::COPY, 1);
            self.name_op(name, NameCtx::Store);
        }
        self.emit(Opcode::BUILD_TUPLE, params.len() as u32);
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range);
            self.emit(Opcode::CALL, 0);
        }
    }

    /// Compiles a function body into its code object.
    fn function_body(
        &mut self,
        block: BlockId,
        name: &str,
        firstlineno: i32,
        args: &'a Arguments,
        body: &'a [Stmt],
    ) -> CResult<CodeObject> {
        self.enter_scope(block, name, firstlineno);
        self.set_parameters(args);
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.add_const(ConstantValue::Str(doc.clone()));
            self.u().has_docstring = true;
            rest = &body[1..];
        }
        let is_gen = {
            let b = self.table.block(block);
            b.generator || b.coroutine
        };
        let first = body.first().map(|s| s.range).unwrap_or_default();
        let stop = if is_gen {
            let fake = Expr::new(
                first,
                ExprKind::Constant {
                    value: krait_syntax::ast::Constant::None,
                    kind: None,
                },
            );
            Some(self.begin_stopiteration_wrap(&fake)?)
        } else {
            None
        };
        self.body(rest)?;
        if let Some(last) = body.last() {
            self.set_loc(last.range);
        }
        self.load_none();
        self.emit(Opcode::RETURN_VALUE, 0);
        if let Some(stop) = stop {
            self.end_stopiteration_wrap(stop);
        }
        self.exit_scope()
    }

    /// `lambda`.
    pub fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.default_arguments(args)?;
        let block = self
            .table
            .expression(e)
            .ok_or_else(|| Pending::Internal("lambda without a block".into()))?;
        let line = self.line_of(e.range);
        self.enter_scope(block, "<lambda>", line);
        self.set_parameters(args);
        let is_gen = self.table.block(block).generator;
        let stop = if is_gen {
            Some(self.begin_stopiteration_wrap(e)?)
        } else {
            None
        };
        self.expr(body)?;
        self.set_loc(body.range);
        self.emit(Opcode::RETURN_VALUE, 0);
        if let Some(stop) = stop {
            self.end_stopiteration_wrap(stop);
        }
        let code = self.exit_scope()?;
        self.set_loc(e.range);
        self.make_closure(code, flags)
    }

    /// Emits `if format > 2: raise NotImplementedError` at the top of an
    /// `__annotate__` function.
    fn annotate_prologue(&mut self) {
        let skip = self.new_label();
        self.emit(Opcode::LOAD_FAST, 0);
        self.load_const(ConstantValue::Int(2));
        self.emit(Opcode::COMPARE_OP, (4 << 5) | 4);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, skip);
        self.emit(Opcode::NOT_TAKEN, 0);
        self.emit(Opcode::LOAD_COMMON_CONSTANT, 1);
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.bind(skip);
    }

    /// A function's annotations: the `__annotate__` function (or, under
    /// `from __future__ import annotations`, a tuple of strings). Returns
    /// the `SET_FUNCTION_ATTRIBUTE` flag it pushed.
    fn function_annotations(
        &mut self,
        s: &'a Stmt,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<u32> {
        let mut items: Vec<(String, &'a Expr)> = Vec::new();
        let private = self.ur().private.clone();
        let mut add = |name: &str, ann: Option<&'a Expr>| {
            if let Some(ann) = ann {
                items.push((mangle(private.as_deref(), name), ann));
            }
        };
        for arg in &args.args {
            add(&arg.arg, arg.annotation.as_deref());
        }
        for arg in &args.posonlyargs {
            add(&arg.arg, arg.annotation.as_deref());
        }
        if let Some(arg) = &args.vararg {
            add(&arg.arg, arg.annotation.as_deref());
        }
        for arg in &args.kwonlyargs {
            add(&arg.arg, arg.annotation.as_deref());
        }
        if let Some(arg) = &args.kwarg {
            add(&arg.arg, arg.annotation.as_deref());
        }
        add("return", returns);
        if items.is_empty() {
            return Ok(0);
        }
        let line = self.line_of(s.range);
        match self.table.function_annotations(s) {
            Some(block) => self.enter_scope(block, "__annotate__", line),
            None if self.table.future.annotations => {
                self.enter_synthetic_scope("__annotate__", line);
                self.u().add_var("format");
            }
            None => return Ok(0),
        }
        self.u().argcount = 1;
        self.u().posonlyargcount = 1;
        self.u().param_kinds = vec![fast_kind::ARG_POS];
        self.set_loc(s.range);
        self.annotate_prologue();
        for (name, ann) in &items {
            self.set_loc(s.range);
            self.load_const(ConstantValue::Str(name.as_str().into()));
            if self.table.future.annotations {
                let text = self.source_text(ann.range);
                self.load_const(ConstantValue::Str(text.as_str().into()));
            } else {
                self.annotation_value(ann)?;
            }
        }
        self.set_loc(s.range);
        self.emit(Opcode::BUILD_MAP, items.len() as u32);
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope()?;
        self.set_loc(s.range);
        self.make_closure(code, 0)?;
        Ok(make_flags::ANNOTATE)
    }

    /// One annotation value (`*Ts` annotations are unpacked).
    fn annotation_value(&mut self, ann: &'a Expr) -> CResult {
        if let ExprKind::Starred { value, .. } = &ann.kind {
            self.expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
            return Ok(());
        }
        self.expr(ann)
    }

    /// `class` (generic ones inside their PEP 695 type-parameter scope).
    pub fn class_def(&mut self, s: &'a Stmt, def: &'a ClassDef) -> CResult {
        for d in &def.decorator_list {
            self.expr(d)?;
        }
        let firstlineno = self.definition_line(s, &def.decorator_list);
        let generic = !def.type_params.is_empty();
        if generic {
            let block = self
                .table
                .type_params(s)
                .ok_or_else(|| Pending::Internal("type parameters without a block".into()))?;
            self.enter_scope(
                block,
                &format!("<generic parameters of {}>", def.name),
                firstlineno,
            );
            self.u().private = Some(def.name.to_string());
            self.set_loc(s.range);
            self.type_params(&def.type_params)?;
            self.name_op(".type_params", NameCtx::Store);
        }
        let block = self
            .table
            .definition(s)
            .ok_or_else(|| Pending::Internal("class without a block".into()))?;
        self.enter_scope(block, &def.name, firstlineno);
        self.class_body(s, def, block, firstlineno)?;
        let code = self.exit_scope()?;
        self.set_loc(s.range);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        self.make_closure(code, 0)?;
        self.load_const(ConstantValue::Str(def.name.as_str().into()));
        if generic {
            self.name_op(".type_params", NameCtx::Load);
            self.emit(Opcode::CALL_INTRINSIC_1, 10);
            self.name_op(".generic_base", NameCtx::Store);
            self.call_helper_injected(
                s.range,
                2,
                &def.bases,
                &def.keywords,
                Some(".generic_base"),
            )?;
            self.emit(Opcode::RETURN_VALUE, 0);
            let code = self.exit_scope()?;
            self.set_loc(s.range);
            self.make_closure(code, 0)?;
            self.emit(Opcode::PUSH_NULL, 0);
            self.emit(Opcode::CALL, 0);
        } else {
            self.call_helper(s.range, 2, &def.bases, &def.keywords)?;
        }
        self.apply_decorators(&def.decorator_list);
        self.set_loc(s.range);
        self.name_op(&def.name, NameCtx::Store);
        Ok(())
    }

    fn class_body(
        &mut self,
        s: &'a Stmt,
        def: &'a ClassDef,
        block: BlockId,
        firstlineno: i32,
    ) -> CResult {
        self.set_loc(s.range);
        self.u().loc.line = firstlineno;
        self.name_op("__name__", NameCtx::Load);
        self.name_op("__module__", NameCtx::Store);
        let qualname = self.ur().qualname.clone();
        self.load_const(ConstantValue::Str(qualname.as_str().into()));
        self.name_op("__qualname__", NameCtx::Store);
        self.load_const(ConstantValue::Int(i64::from(firstlineno)));
        self.name_op("__firstlineno__", NameCtx::Store);
        if !def.type_params.is_empty() {
            self.name_op(".type_params", NameCtx::Load);
            self.name_op("__type_params__", NameCtx::Store);
        }
        let b = self.table.block(block);
        if b.needs_classdict {
            self.emit(Opcode::LOAD_LOCALS, 0);
            let index = self.deref_index("__classdict__");
            self.emit(Opcode::STORE_DEREF, index);
        }
        if b.has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0);
            self.name_op("__conditional_annotations__", NameCtx::Store);
        }
        let mut rest: &'a [Stmt] = &def.body;
        if let Some(doc) = docstring(&def.body) {
            self.set_loc(def.body[0].range);
            self.load_const(ConstantValue::Str(doc.clone()));
            self.name_op("__doc__", NameCtx::Store);
            rest = &def.body[1..];
        }
        if self.table.future.annotations && b.annotations_used {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        self.body(rest)?;
        self.set_loc(s.range);
        self.u().loc.line = firstlineno;
        self.body_annotations(block, &def.body, "__annotate_func__")?;
        let mut attrs = self.ur().static_attributes.clone();
        attrs.sort();
        self.load_const(ConstantValue::Tuple(
            attrs
                .iter()
                .map(|a| ConstantValue::Str(a.as_str().into()))
                .collect(),
        ));
        self.name_op("__static_attributes__", NameCtx::Store);
        let b = self.table.block(block);
        if b.needs_classdict {
            self.load_closure("__classdict__");
            self.name_op("__classdictcell__", NameCtx::Store);
        }
        if b.needs_class_closure {
            self.load_closure("__class__");
            self.emit(Opcode::COPY, 1);
            self.name_op("__classcell__", NameCtx::Store);
        } else {
            self.load_none();
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    /// Module `__annotate__` after the body.
    pub fn module_annotations(&mut self, body: &'a [Stmt]) -> CResult {
        self.body_annotations(crate::symtable::SymbolTable::TOP, body, "__annotate__")
    }

    /// The `__annotate__` function of a module or class body, if it has
    /// annotations (PEP 649), stored as `store_as`.
    fn body_annotations(&mut self, block: BlockId, body: &'a [Stmt], store_as: &str) -> CResult {
        if self.table.future.annotations {
            return Ok(());
        }
        let Some(annotate) = self.table.block(block).annotation_block else {
            return Ok(());
        };
        let mut items: Vec<(String, &'a Expr)> = Vec::new();
        collect_annotations(body, &mut items);
        if items.is_empty() {
            return Ok(());
        }
        let conditional = self.table.block(block).has_conditional_annotations;
        let private = self.ur().private.clone();
        let line = if block == crate::symtable::SymbolTable::TOP {
            body.first().map_or(1, |first| self.line_of(first.range))
        } else {
            self.ur().firstlineno
        };
        let saved_loc = self.ur().loc;
        self.enter_scope(annotate, "__annotate__", line);
        self.u().argcount = 1;
        self.u().posonlyargcount = 1;
        self.u().param_kinds = vec![fast_kind::ARG_POS];
        self.u().loc = saved_loc;
        self.annotate_prologue();
        self.emit(Opcode::BUILD_MAP, 0);
        for (index, (name, ann)) in items.iter().enumerate() {
            let skip = self.new_label();
            if conditional {
                self.load_const(ConstantValue::Int(index as i64));
                self.name_op("__conditional_annotations__", NameCtx::Load);
                self.emit(Opcode::CONTAINS_OP, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, skip);
                self.emit(Opcode::NOT_TAKEN, 0);
            }
            self.annotation_value(ann)?;
            self.emit(Opcode::COPY, 2);
            let mangled = mangle(private.as_deref(), name);
            self.load_const(ConstantValue::Str(mangled.as_str().into()));
            self.emit(Opcode::STORE_SUBSCR, 0);
            self.bind(skip);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope()?;
        self.u().loc = saved_loc;
        self.make_closure(code, 0)?;
        self.name_op(store_as, NameCtx::Store);
        Ok(())
    }

    /// Counts a simple annotation of a module or class body and, when the
    /// body has conditional annotations, records its index in
    /// `__conditional_annotations__` (PEP 649).
    pub fn note_conditional_annotation(&mut self, s: &'a Stmt) {
        let index = self.ur().annotation_count;
        self.u().annotation_count += 1;
        let block = self.table.block(self.ur().block);
        if !block.has_conditional_annotations {
            return;
        }
        self.set_loc(s.range);
        self.name_op("__conditional_annotations__", NameCtx::Load);
        self.load_const(ConstantValue::Int(i64::from(index)));
        self.emit(Opcode::SET_ADD, 1);
        self.emit(Opcode::POP_TOP, 0);
    }

    /// `type X[T] = ...` (PEP 695): a `TypeAliasType` from the name, the
    /// type parameters and a lazily evaluated value.
    pub fn type_alias(
        &mut self,
        s: &'a Stmt,
        name: &'a Expr,
        type_params: &'a [TypeParam],
        value: &'a Expr,
    ) -> CResult {
        let ExprKind::Name { id, .. } = &name.kind else {
            return Err(Pending::Internal("type alias name is not a name".into()));
        };
        let line = self.line_of(s.range);
        let generic = !type_params.is_empty();
        if generic {
            let block = self
                .table
                .type_params(s)
                .ok_or_else(|| Pending::Internal("type parameters without a block".into()))?;
            self.enter_scope(block, &format!("<generic parameters of {id}>"), line);
            self.set_loc(s.range);
            self.load_const(ConstantValue::Str(id.as_str().into()));
            self.type_params(type_params)?;
        } else {
            self.load_const(ConstantValue::Str(id.as_str().into()));
            self.load_none();
        }
        self.set_loc(s.range);
        self.load_const(ConstantValue::Tuple(vec![ConstantValue::Int(1)]));
        let block = self
            .table
            .definition(s)
            .ok_or_else(|| Pending::Internal("type alias without a block".into()))?;
        self.enter_annotation_scope(block, id, line);
        self.add_const(ConstantValue::None);
        self.expr(value)?;
        self.set_loc(s.range);
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope()?;
        self.set_loc(s.range);
        self.make_closure(code, make_flags::DEFAULTS)?;
        self.emit(Opcode::BUILD_TUPLE, 3);
        self.emit(Opcode::CALL_INTRINSIC_1, 11);
        if generic {
            self.emit(Opcode::RETURN_VALUE, 0);
            let code = self.exit_scope()?;
            self.set_loc(s.range);
            self.make_closure(code, 0)?;
            self.emit(Opcode::PUSH_NULL, 0);
            self.emit(Opcode::CALL, 0);
        }
        self.name_op(id, NameCtx::Store);
        Ok(())
    }
}

/// Simple-name annotations of a body, in order, looking into compound
/// statements but not into nested scopes.
fn collect_annotations<'a>(body: &'a [Stmt], out: &mut Vec<(String, &'a Expr)>) {
    for s in body {
        match &s.kind {
            StmtKind::AnnAssign {
                target,
                annotation,
                simple: true,
                ..
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    out.push((id.to_string(), annotation));
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. }
            | StmtKind::AsyncFor { body, orelse, .. } => {
                collect_annotations(body, out);
                collect_annotations(orelse, out);
            }
            StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => {
                collect_annotations(body, out)
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                collect_annotations(&t.body, out);
                for h in &t.handlers {
                    collect_annotations(&h.body, out);
                }
                collect_annotations(&t.orelse, out);
                collect_annotations(&t.finalbody, out);
            }
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    collect_annotations(&case.body, out);
                }
            }
            _ => {}
        }
    }
}

#[allow(dead_code)]
fn unused(_: PseudoOpcode) {}
