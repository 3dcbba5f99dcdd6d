//! The first pass: walks the AST, opens a block for every scope and records
//! what each name does in it (bound, used, parameter, global, ...), raising
//! the SyntaxErrors CPython's `symtable.c` raises while it walks.
//!
//! Long left-leaning chains (`a + b + ...`, `a.b.c...`, `f()()...`,
//! `x[0][0]...`), which the parser builds in loops and accepts at any length,
//! are walked with an explicit stack; everything else nests no deeper than
//! the parser allows, and a depth counter turns anything deeper into
//! CPython's `RecursionError`.

use std::collections::{HashMap, HashSet};

use krait_syntax::ast::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind, Keyword,
    MatchCase, Mod, Pattern, PatternKind, Stmt, StmtKind, TypeParam, TypeParamKind, WithItem,
};
use krait_syntax::{LineIndex, TextRange};

use super::block::{Block, BlockId, BlockKind, ComprehensionKind, NodeKey};
use super::error::Located;
use super::future::{FutureFeatures, has_docstring};
use super::mangle::mangle;
use super::symbol::SymbolFlags;

type R = Result<(), Located>;

/// Deeper nesting than this raises `RecursionError` (the parser never
/// produces it; chains are walked iteratively).
const MAX_DEPTH: u32 = 20_000;

/// What the first pass produces.
pub(crate) struct Built {
    pub blocks: Vec<Block>,
    pub keys: HashMap<NodeKey, BlockId>,
}

/// Builds the blocks of `module`; the analysis runs afterwards.
pub(crate) fn build_blocks(
    module: &Mod,
    future: &FutureFeatures,
    index: &LineIndex,
) -> Result<Built, Located> {
    let mut builder = Builder {
        blocks: Vec::new(),
        keys: HashMap::new(),
        mangled_sets: Vec::new(),
        future,
        index,
        stack: Vec::new(),
        cur: BlockId(0),
        private: None,
        depth: 0,
    };
    builder.run(module)?;
    Ok(Built {
        blocks: builder.blocks,
        keys: builder.keys,
    })
}

/// The state of the first pass.
struct Builder<'a> {
    blocks: Vec<Block>,
    keys: HashMap<NodeKey, BlockId>,
    /// Shared sets of type-parameter names of generic classes (see `Block::mangled_names`).
    mangled_sets: Vec<HashSet<String>>,
    future: &'a FutureFeatures,
    index: &'a LineIndex,
    stack: Vec<BlockId>,
    cur: BlockId,
    /// The class whose private names are being mangled (CPython's `st_private`).
    private: Option<String>,
    depth: u32,
}

/// The annotation of a parameter, if any.
fn annotated(arg: &Arg) -> Option<&Expr> {
    arg.annotation.as_deref()
}

/// The flag a name expression records for its context.
fn name_flag(ctx: ExprContext) -> SymbolFlags {
    if ctx == ExprContext::Load {
        SymbolFlags::USE
    } else {
        SymbolFlags::LOCAL
    }
}

impl<'a> Builder<'a> {
    fn run(&mut self, module: &Mod) -> R {
        let top = self.new_block(
            "top",
            BlockKind::Module,
            NodeKey::Module,
            TextRange::empty(0),
        );
        self.blocks[top.index()].lineno = 0;
        self.enter_existing(top, true);
        match module {
            Mod::Module { body, .. } => {
                self.blocks[top.index()].has_docstring = has_docstring(body);
                self.visit_body(body)?;
            }
            Mod::Interactive { body } => self.visit_body(body)?,
            Mod::Expression { body } => self.visit_expr(body)?,
            Mod::FunctionType { .. } => {}
        }
        self.exit_block();
        Ok(())
    }

    // ---- blocks -------------------------------------------------------

    fn cur(&self) -> &Block {
        &self.blocks[self.cur.index()]
    }

    fn cur_mut(&mut self) -> &mut Block {
        &mut self.blocks[self.cur.index()]
    }

    /// CPython's `ste_new`: a block that is not entered yet.
    fn new_block(
        &mut self,
        name: &str,
        kind: BlockKind,
        key: NodeKey,
        range: TextRange,
    ) -> BlockId {
        let id = BlockId(u32::try_from(self.blocks.len()).unwrap_or(u32::MAX));
        let lineno = self.index.line_number(range.start);
        let mut block = Block::new(kind, name.to_owned(), range, lineno);
        if let Some(&parent) = self.stack.last() {
            let parent = &self.blocks[parent.index()];
            block.nested = parent.nested || parent.is_function_like();
            block.method = parent.kind == BlockKind::Class && kind == BlockKind::Function;
        }
        self.blocks.push(block);
        self.keys.insert(key, id);
        id
    }

    /// CPython's `symtable_enter_existing_block`; a block entered again (a
    /// class's or module's `__annotate__`) is not added to the children twice.
    fn enter_existing(&mut self, id: BlockId, add_to_children: bool) {
        let prev = self.stack.last().copied();
        self.stack.push(id);
        if let Some(prev) = prev {
            let (iter_expr, mangled) = {
                let p = &self.blocks[prev.index()];
                (p.comp_iter_expr, p.mangled_names)
            };
            let block = &mut self.blocks[id.index()];
            block.comp_iter_expr = iter_expr;
            if mangled.is_some() && block.kind != BlockKind::Class {
                block.mangled_names = mangled;
            }
        }
        self.cur = id;
        // Under `from __future__ import annotations`, annotation scopes are
        // walked but belong to no parent: they are never compiled.
        if self.future.annotations && self.blocks[id.index()].kind == BlockKind::Annotation {
            return;
        }
        if let Some(prev) = prev
            && add_to_children
        {
            self.blocks[prev.index()].children.push(id);
            self.blocks[id.index()].parent = Some(prev);
        }
    }

    /// CPython's `symtable_enter_block`.
    fn enter_block(&mut self, name: &str, kind: BlockKind, key: NodeKey, range: TextRange) -> R {
        let id = self.new_block(name, kind, key, range);
        self.enter_existing(id, true);
        if matches!(
            kind,
            BlockKind::Annotation | BlockKind::TypeVariable | BlockKind::TypeAlias
        ) {
            self.add_def(".format", SymbolFlags::PARAM, range)?;
            self.add_def(".format", SymbolFlags::USE, range)?;
        }
        Ok(())
    }

    fn exit_block(&mut self) {
        self.stack.pop();
        if let Some(&top) = self.stack.last() {
            self.cur = top;
        }
    }

    // ---- names --------------------------------------------------------

    /// CPython's `_Py_MaybeMangle` for the block `id`.
    fn maybe_mangle(&self, id: BlockId, name: &str) -> String {
        if let Some(set) = self.blocks[id.index()].mangled_names
            && !self
                .mangled_sets
                .get(set)
                .is_some_and(|names| names.contains(name))
        {
            return name.to_owned();
        }
        mangle(self.private.as_deref(), name)
    }

    fn lookup_in(&self, id: BlockId, name: &str) -> SymbolFlags {
        let mangled = self.maybe_mangle(id, name);
        self.blocks[id.index()].flags(&mangled)
    }

    fn lookup(&self, name: &str) -> SymbolFlags {
        self.lookup_in(self.cur, name)
    }

    /// CPython's `symtable_add_def_helper`: records `flag` for `name` in block `target`.
    fn add_def_in(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        target: BlockId,
        range: TextRange,
    ) -> R {
        let mangled = self.maybe_mangle(self.cur, name);
        let block = &mut self.blocks[target.index()];
        let mut value = match block.symbol(&mangled) {
            Some(symbol) => {
                let old = symbol.flags;
                if flag.intersects(SymbolFlags::PARAM) && old.intersects(SymbolFlags::PARAM) {
                    return Err(Located::new(
                        format!("duplicate argument '{name}' in function definition"),
                        range,
                    ));
                }
                if flag.intersects(SymbolFlags::TYPE_PARAM)
                    && old.intersects(SymbolFlags::TYPE_PARAM)
                {
                    return Err(Located::new(
                        format!("duplicate type parameter '{name}'"),
                        range,
                    ));
                }
                old | flag
            }
            None => flag,
        };
        if block.comp_iter_target {
            if value.intersects(SymbolFlags::GLOBAL | SymbolFlags::NONLOCAL) {
                return Err(Located::new(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    range,
                ));
            }
            value |= SymbolFlags::COMP_ITER;
        }
        block.set_flags(&mangled, value);
        if flag.intersects(SymbolFlags::PARAM) {
            block.varnames.push(mangled);
        } else if flag.intersects(SymbolFlags::GLOBAL) {
            let module = &mut self.blocks[0];
            let old = module.flags(&mangled);
            module.set_flags(&mangled, old | flag);
        }
        Ok(())
    }

    /// CPython's `check_name`: `__debug__` cannot be bound or deleted.
    fn check_name(&self, name: &str, range: TextRange, ctx: ExprContext) -> R {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => {
                    return Err(Located::new("cannot assign to __debug__", range));
                }
                ExprContext::Del => return Err(Located::new("cannot delete __debug__", range)),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    /// CPython's `symtable_add_def_ctx`.
    fn add_def_ctx(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        range: TextRange,
        ctx: ExprContext,
    ) -> R {
        if flag.intersects(SymbolFlags::PARAM | SymbolFlags::LOCAL | SymbolFlags::IMPORT) {
            self.check_name(name, range, ctx)?;
        }
        if flag.intersects(SymbolFlags::TYPE_PARAM)
            && let Some(set) = self.cur().mangled_names
            && let Some(names) = self.mangled_sets.get_mut(set)
        {
            names.insert(name.to_owned());
        }
        self.add_def_in(name, flag, self.cur, range)
    }

    fn add_def(&mut self, name: &str, flag: SymbolFlags, range: TextRange) -> R {
        let ctx = if flag == SymbolFlags::USE {
            ExprContext::Load
        } else {
            ExprContext::Store
        };
        self.add_def_ctx(name, flag, range, ctx)
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = self.maybe_mangle(self.cur, name);
        self.cur_mut().directives.push((mangled, range));
    }

    fn check_keywords(&self, keywords: &[Keyword]) -> R {
        for keyword in keywords {
            if let Some(arg) = &keyword.arg {
                self.check_name(arg, keyword.range, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    // ---- statements ---------------------------------------------------

    fn enter_recursion(&mut self) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Located::recursion());
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|stmt| self.visit_stmt(stmt))
    }

    /// Runs `f` with the current block marked as inside a conditional block.
    fn conditional(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let block = self.cur;
        let saved = self.blocks[block.index()].in_conditional_block;
        self.blocks[block.index()].in_conditional_block = true;
        let result = f(self);
        self.blocks[block.index()].in_conditional_block = saved;
        result
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> R {
        self.enter_recursion()?;
        let result = krait_syntax::stack::grow(|| self.visit_stmt_inner(stmt));
        self.depth -= 1;
        result
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        let range = s.range;
        match &s.kind {
            StmtKind::FunctionDef(def) | StmtKind::AsyncFunctionDef(def) => {
                let is_async = matches!(s.kind, StmtKind::AsyncFunctionDef(_));
                self.add_def(&def.name, SymbolFlags::LOCAL, range)?;
                self.visit_exprs(&def.args.defaults)?;
                self.visit_optional_exprs(&def.args.kw_defaults)?;
                self.visit_exprs(&def.decorator_list)?;
                let generic = !def.type_params.is_empty();
                if generic {
                    let has_kwdefaults = def.args.kw_defaults.iter().any(Option::is_some);
                    self.enter_type_param_block(&def.name, range, true, has_kwdefaults, false)?;
                    self.visit_type_params(&def.type_params)?;
                }
                let function = self.new_block(
                    &def.name,
                    BlockKind::Function,
                    NodeKey::Definition(range),
                    range,
                );
                self.blocks[function.index()].has_docstring = has_docstring(&def.body);
                self.visit_annotations(range, &def.args, def.returns.as_deref())?;
                self.enter_existing(function, true);
                if is_async {
                    self.cur_mut().coroutine = true;
                }
                self.visit_arguments(&def.args)?;
                self.visit_body(&def.body)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
            }
            StmtKind::ClassDef(class) => {
                self.add_def(&class.name, SymbolFlags::LOCAL, range)?;
                self.visit_exprs(&class.decorator_list)?;
                let saved_private = self.private.clone();
                let generic = !class.type_params.is_empty();
                if generic {
                    self.enter_type_param_block(&class.name, range, false, false, true)?;
                    self.private = Some(class.name.to_string());
                    self.mangled_sets.push(HashSet::new());
                    let set = self.mangled_sets.len() - 1;
                    self.cur_mut().mangled_names = Some(set);
                    self.visit_type_params(&class.type_params)?;
                }
                self.visit_exprs(&class.bases)?;
                self.check_keywords(&class.keywords)?;
                self.visit_keywords(&class.keywords)?;
                self.enter_block(
                    &class.name,
                    BlockKind::Class,
                    NodeKey::Definition(range),
                    range,
                )?;
                self.private = Some(class.name.to_string());
                if generic {
                    self.add_def("__type_params__", SymbolFlags::LOCAL, range)?;
                    self.add_def(".type_params", SymbolFlags::USE, range)?;
                }
                self.cur_mut().has_docstring = has_docstring(&class.body);
                self.visit_body(&class.body)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
                self.private = saved_private;
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => {
                self.visit_expr(name)?;
                let alias_name = match &name.kind {
                    ExprKind::Name { id, .. } => id.to_string(),
                    _ => String::new(),
                };
                let in_class = self.cur().kind == BlockKind::Class;
                let generic = !type_params.is_empty();
                if generic {
                    self.enter_type_param_block(&alias_name, range, false, false, false)?;
                    self.visit_type_params(type_params)?;
                }
                self.enter_block(
                    &alias_name,
                    BlockKind::TypeAlias,
                    NodeKey::Definition(range),
                    range,
                )?;
                self.cur_mut().can_see_class_scope = in_class;
                if in_class {
                    self.add_def("__classdict__", SymbolFlags::USE, value.range)?;
                }
                self.visit_expr(value)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
            }
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.cur_mut().annotations_used = true;
                if let ExprKind::Name { id, .. } = &target.kind {
                    let current = self.lookup(id);
                    if current.intersects(SymbolFlags::GLOBAL | SymbolFlags::NONLOCAL)
                        && self.cur != BlockId(0)
                        && *simple
                    {
                        let what = if current.intersects(SymbolFlags::GLOBAL) {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(Located::new(
                            format!("annotated name '{id}' can't be {what}"),
                            range,
                        ));
                    }
                    if *simple {
                        self.add_def(id, SymbolFlags::ANNOT | SymbolFlags::LOCAL, target.range)?;
                    } else if value.is_some() {
                        self.add_def(id, SymbolFlags::LOCAL, target.range)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                let key = NodeKey::BodyAnnotations(self.cur);
                self.visit_annotation(annotation, key)?;
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.conditional(|b| {
                    b.visit_body(body)?;
                    b.visit_body(orelse)
                })?;
            }
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.raise_if_not_coroutine("'async for' outside async function", range)?;
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.conditional(|b| {
                    b.visit_body(body)?;
                    b.visit_body(orelse)
                })?;
            }
            StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.conditional(|b| {
                    b.visit_body(body)?;
                    b.visit_body(orelse)
                })?;
            }
            StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.conditional(|b| {
                    b.visit_body(body)?;
                    // `elif` chains nest in `orelse`: walk them in a loop.
                    let mut orelse = orelse;
                    while let [
                        Stmt {
                            kind:
                                StmtKind::If {
                                    test,
                                    body,
                                    orelse: next,
                                },
                            ..
                        },
                    ] = orelse.as_slice()
                    {
                        b.visit_expr(test)?;
                        b.visit_body(body)?;
                        orelse = next;
                    }
                    b.visit_body(orelse)
                })?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                self.conditional(|b| cases.iter().try_for_each(|case| b.visit_match_case(case)))?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                    }
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.conditional(|b| {
                    b.visit_body(&t.body)?;
                    t.handlers.iter().try_for_each(|h| b.visit_handler(h))?;
                    b.visit_body(&t.orelse)?;
                    b.visit_body(&t.finalbody)
                })?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                }
            }
            StmtKind::Import { names } => names.iter().try_for_each(|a| self.visit_alias(a))?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                names.iter().try_for_each(|a| self.visit_alias(a))?;
                self.check_import_from(module.as_deref(), *level, range)?;
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.declare(name, range, true)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    self.declare(name, range, false)?;
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } => {
                self.conditional(|b| {
                    items.iter().try_for_each(|item| b.visit_withitem(item))?;
                    b.visit_body(body)
                })?;
            }
            StmtKind::AsyncWith { items, body, .. } => {
                self.raise_if_not_coroutine("'async with' outside async function", range)?;
                self.conditional(|b| {
                    items.iter().try_for_each(|item| b.visit_withitem(item))?;
                    b.visit_body(body)
                })?;
            }
        }
        Ok(())
    }

    /// `global name` (`global_ = true`) or `nonlocal name`.
    fn declare(&mut self, name: &str, range: TextRange, global_: bool) -> R {
        let current = self.lookup(name);
        let what = if global_ { "global" } else { "nonlocal" };
        if current.intersects(
            SymbolFlags::PARAM | SymbolFlags::LOCAL | SymbolFlags::USE | SymbolFlags::ANNOT,
        ) {
            let msg = if current.intersects(SymbolFlags::PARAM) {
                format!("name '{name}' is parameter and {what}")
            } else if current.intersects(SymbolFlags::USE) {
                format!("name '{name}' is used prior to {what} declaration")
            } else if current.intersects(SymbolFlags::ANNOT) {
                format!("annotated name '{name}' can't be {what}")
            } else {
                format!("name '{name}' is assigned to before {what} declaration")
            };
            return Err(Located::new(msg, range));
        }
        let flag = if global_ {
            SymbolFlags::GLOBAL
        } else {
            SymbolFlags::NONLOCAL
        };
        self.add_def(name, flag, range)?;
        self.record_directive(name, range);
        Ok(())
    }

    fn check_import_from(&self, module: Option<&str>, level: u32, range: TextRange) -> R {
        if module != Some("__future__") || level != 0 {
            return Ok(());
        }
        let late = match self.future.location {
            None => true,
            Some(first) => {
                let (lineno, col) = self.index.line_col(range.start);
                let (fut_lineno, _) = self.index.line_col(first.start);
                let (fut_end_lineno, fut_end_col) = self.index.line_col(first.end);
                lineno > fut_lineno || (lineno == fut_end_lineno && col > fut_end_col)
            }
        };
        if late {
            return Err(Located::new(
                "from __future__ imports must occur at the beginning of the file",
                range,
            ));
        }
        Ok(())
    }

    fn raise_if_not_coroutine(&self, msg: &str, range: TextRange) -> R {
        if self.cur().coroutine {
            Ok(())
        } else {
            Err(Located::new(msg, range))
        }
    }

    /// CPython's `symtable_enter_type_param_block`.
    fn enter_type_param_block(
        &mut self,
        name: &str,
        range: TextRange,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
    ) -> R {
        let current = self.cur().kind;
        self.enter_block(
            name,
            BlockKind::TypeParameters,
            NodeKey::TypeParams(range),
            range,
        )?;
        if current == BlockKind::Class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", SymbolFlags::USE, range)?;
        }
        if is_class {
            self.add_def(".type_params", SymbolFlags::LOCAL, range)?;
            self.add_def(".type_params", SymbolFlags::USE, range)?;
            self.add_def(".generic_base", SymbolFlags::LOCAL, range)?;
            self.add_def(".generic_base", SymbolFlags::USE, range)?;
        }
        if has_defaults {
            self.add_def(".defaults", SymbolFlags::PARAM, range)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", SymbolFlags::PARAM, range)?;
        }
        Ok(())
    }

    fn visit_type_params(&mut self, params: &[TypeParam]) -> R {
        params.iter().try_for_each(|p| self.visit_type_param(p))
    }

    fn visit_type_param(&mut self, param: &TypeParam) -> R {
        self.enter_recursion()?;
        let flags = SymbolFlags::TYPE_PARAM | SymbolFlags::LOCAL;
        let result = match &param.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => {
                self.add_def(name, flags, param.range)?;
                let info = match bound.as_deref() {
                    Some(Expr {
                        kind: ExprKind::Tuple { .. },
                        ..
                    }) => "a TypeVar constraint",
                    _ => "a TypeVar bound",
                };
                self.visit_bound_or_default(
                    bound.as_deref(),
                    name,
                    param.range,
                    NodeKey::TypeParamBound(param.range),
                    info,
                )?;
                self.visit_bound_or_default(
                    default_value.as_deref(),
                    name,
                    param.range,
                    NodeKey::TypeParamDefault(param.range),
                    "a TypeVar default",
                )
            }
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => {
                self.add_def(name, flags, param.range)?;
                self.visit_bound_or_default(
                    default_value.as_deref(),
                    name,
                    param.range,
                    NodeKey::TypeParamDefault(param.range),
                    "a TypeVarTuple default",
                )
            }
            TypeParamKind::ParamSpec {
                name,
                default_value,
            } => {
                self.add_def(name, flags, param.range)?;
                self.visit_bound_or_default(
                    default_value.as_deref(),
                    name,
                    param.range,
                    NodeKey::TypeParamDefault(param.range),
                    "a ParamSpec default",
                )
            }
        };
        self.depth -= 1;
        result
    }

    fn visit_bound_or_default(
        &mut self,
        expr: Option<&Expr>,
        name: &str,
        param_range: TextRange,
        key: NodeKey,
        info: &'static str,
    ) -> R {
        if name == "__classdict__" {
            return Err(Located::new(
                "reserved name '__classdict__' cannot be used for type parameter",
                param_range,
            ));
        }
        if let Some(expr) = expr {
            let in_class = self.cur().can_see_class_scope;
            self.enter_block(name, BlockKind::TypeVariable, key, expr.range)?;
            self.cur_mut().can_see_class_scope = in_class;
            if in_class {
                self.add_def("__classdict__", SymbolFlags::USE, expr.range)?;
            }
            self.cur_mut().scope_info = Some(info);
            self.visit_expr(expr)?;
            self.exit_block();
        }
        Ok(())
    }

    /// A variable annotation (`AnnAssign`), in the block's `__annotate__` scope.
    fn visit_annotation(&mut self, annotation: &Expr, key: NodeKey) -> R {
        let kind = self.cur().kind;
        let unevaluated = kind == BlockKind::Function;
        let conditional = kind == BlockKind::Module
            || (kind == BlockKind::Class && self.cur().in_conditional_block);
        if conditional && !self.cur().has_conditional_annotations {
            self.cur_mut().has_conditional_annotations = true;
            self.add_def(
                "__conditional_annotations__",
                SymbolFlags::USE,
                annotation.range,
            )?;
        }
        let parent = self.cur;
        match self.blocks[parent.index()].annotation_block {
            None => {
                self.enter_block("__annotate__", BlockKind::Annotation, key, annotation.range)?;
                let block = self.cur;
                self.blocks[parent.index()].annotation_block = Some(block);
                if kind == BlockKind::Class && !self.future.annotations {
                    self.cur_mut().can_see_class_scope = true;
                    self.add_def("__classdict__", SymbolFlags::USE, annotation.range)?;
                }
            }
            Some(existing) => self.enter_existing(existing, false),
        }
        if unevaluated {
            self.cur_mut().in_unevaluated_annotation = true;
        }
        let result = self.visit_expr(annotation);
        if unevaluated {
            self.cur_mut().in_unevaluated_annotation = false;
        }
        self.exit_block();
        result
    }

    /// The parameter and return annotations of a `def`, in their `__annotate__` scope.
    fn visit_annotations(&mut self, def: TextRange, args: &Arguments, returns: Option<&Expr>) -> R {
        let in_class = self.cur().can_see_class_scope;
        let current = self.cur().kind;
        self.enter_block(
            "__annotate__",
            BlockKind::Annotation,
            NodeKey::FunctionAnnotations(def),
            def,
        )?;
        if in_class || current == BlockKind::Class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", SymbolFlags::USE, def)?;
        }
        let mut ordered: Vec<&Expr> = Vec::new();
        ordered.extend(args.posonlyargs.iter().filter_map(annotated));
        ordered.extend(args.args.iter().filter_map(annotated));
        ordered.extend(args.vararg.as_deref().and_then(annotated));
        ordered.extend(args.kwarg.as_deref().and_then(annotated));
        ordered.extend(args.kwonlyargs.iter().filter_map(annotated));
        ordered.extend(returns);
        for annotation in ordered {
            self.cur_mut().annotations_used = true;
            self.visit_expr(annotation)?;
        }
        self.exit_block();
        Ok(())
    }

    fn visit_arguments(&mut self, args: &Arguments) -> R {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&arg.arg, SymbolFlags::PARAM, arg.range)?;
        }
        if let Some(arg) = &args.vararg {
            self.add_def(&arg.arg, SymbolFlags::PARAM, arg.range)?;
            self.cur_mut().varargs = true;
        }
        if let Some(arg) = &args.kwarg {
            self.add_def(&arg.arg, SymbolFlags::PARAM, arg.range)?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    fn visit_handler(&mut self, handler: &ExceptHandler) -> R {
        if let Some(kind) = &handler.r#type {
            self.visit_expr(kind)?;
        }
        if let Some(name) = &handler.name {
            self.add_def(name, SymbolFlags::LOCAL, handler.range)?;
        }
        self.visit_body(&handler.body)
    }

    fn visit_withitem(&mut self, item: &WithItem) -> R {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    fn visit_match_case(&mut self, case: &MatchCase) -> R {
        self.visit_pattern(&case.pattern)?;
        if let Some(guard) = &case.guard {
            self.visit_expr(guard)?;
        }
        self.visit_body(&case.body)
    }

    fn visit_alias(&mut self, alias: &Alias) -> R {
        let name = alias.asname.as_deref().unwrap_or(&alias.name);
        if name == "*" {
            if self.cur().kind != BlockKind::Module {
                return Err(Located::new(
                    "import * only allowed at module level",
                    alias.range,
                ));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, SymbolFlags::IMPORT, alias.range)
    }

    fn visit_pattern(&mut self, pattern: &Pattern) -> R {
        self.enter_recursion()?;
        let result = krait_syntax::stack::grow(|| self.visit_pattern_inner(pattern));
        self.depth -= 1;
        result
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.visit_pattern(q))
            }
            PatternKind::MatchStar { name } => match name {
                Some(name) => self.add_def(name, SymbolFlags::LOCAL, p.range),
                None => Ok(()),
            },
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                match rest {
                    Some(rest) => self.add_def(rest, SymbolFlags::LOCAL, p.range),
                    None => Ok(()),
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.visit_expr(cls)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                for (attr, pattern) in kwd_attrs.iter().zip(kwd_patterns) {
                    self.check_name(attr, pattern.range, ExprContext::Store)?;
                }
                kwd_patterns.iter().try_for_each(|q| self.visit_pattern(q))
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.visit_pattern(pattern)?;
                }
                match name {
                    Some(name) => self.add_def(name, SymbolFlags::LOCAL, p.range),
                    None => Ok(()),
                }
            }
        }
    }

    // ---- expressions --------------------------------------------------

    fn visit_exprs(&mut self, exprs: &[Expr]) -> R {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_optional_exprs(&mut self, exprs: &[Option<Expr>]) -> R {
        exprs.iter().flatten().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_keywords(&mut self, keywords: &[Keyword]) -> R {
        keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
    }

    fn visit_expr(&mut self, expr: &Expr) -> R {
        self.enter_recursion()?;
        let result = krait_syntax::stack::grow(|| self.visit_expr_inner(expr));
        self.depth -= 1;
        result
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        let range = e.range;
        match &e.kind {
            ExprKind::BinOp { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Call { .. }
            | ExprKind::Subscript { .. } => self.visit_chain(e)?,
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", range)?;
                self.handle_named_expr(target, value, range)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                self.visit_optional_exprs(&args.kw_defaults)?;
                self.enter_block("lambda", BlockKind::Function, NodeKey::Lambda(range), range)?;
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.visit_optional_exprs(keys)?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, "genexpr", generators, elt, None)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, "listcomp", generators, elt, None)?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, "setcomp", generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.handle_comprehension(e, "dictcomp", generators, key, Some(value))?;
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", range)?;
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
                self.cur_mut().generator = true;
                self.raise_if_comprehension(range)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", range)?;
                self.visit_expr(value)?;
                self.cur_mut().generator = true;
                self.raise_if_comprehension(range)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", range)?;
                let cur = self.cur();
                if !cur.is_function_like() {
                    return Err(Located::new("'await' outside function", range));
                }
                let async_def = cur.kind == BlockKind::Function && cur.coroutine;
                if !async_def && cur.comprehension == ComprehensionKind::None {
                    return Err(Located::new("'await' outside async function", range));
                }
                self.visit_expr(value)?;
                self.cur_mut().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            }
            | ExprKind::Interpolation {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.visit_exprs(values)?;
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                if !self.cur().in_unevaluated_annotation {
                    self.add_def_ctx(id, name_flag(*ctx), range, *ctx)?;
                    if *ctx == ExprContext::Load
                        && self.cur().is_function_like()
                        && id.as_str() == "super"
                    {
                        self.add_def("__class__", SymbolFlags::USE, range)?;
                    }
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// Walks a left-leaning chain of binary operations, attribute accesses,
    /// calls and subscripts without recursing along its spine, in the order
    /// a recursive walk would take.
    fn visit_chain(&mut self, e: &Expr) -> R {
        let mut spine: Vec<&Expr> = Vec::new();
        let mut node = e;
        loop {
            match &node.kind {
                ExprKind::BinOp { left, .. } => {
                    spine.push(node);
                    node = left;
                }
                ExprKind::Attribute { value, attr, ctx } => {
                    self.check_name(attr, node.range, *ctx)?;
                    spine.push(node);
                    node = value;
                }
                ExprKind::Call { func, .. } => {
                    spine.push(node);
                    node = func;
                }
                ExprKind::Subscript { value, .. } => {
                    spine.push(node);
                    node = value;
                }
                _ => break,
            }
        }
        self.visit_expr(node)?;
        for link in spine.iter().rev() {
            match &link.kind {
                ExprKind::BinOp { right, .. } => self.visit_expr(right)?,
                ExprKind::Call { args, keywords, .. } => {
                    self.visit_exprs(args)?;
                    self.check_keywords(keywords)?;
                    self.visit_keywords(keywords)?;
                }
                ExprKind::Subscript { slice, .. } => self.visit_expr(slice)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, range: TextRange) -> R {
        let cur = self.cur();
        let msg = match cur.kind {
            BlockKind::Annotation => format!("{what} cannot be used within an annotation"),
            BlockKind::TypeVariable => format!(
                "{what} cannot be used within {}",
                cur.scope_info.unwrap_or("a TypeVar bound")
            ),
            BlockKind::TypeAlias => format!("{what} cannot be used within a type alias"),
            BlockKind::TypeParameters => {
                format!("{what} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(Located::new(msg, range))
    }

    fn raise_if_comprehension(&self, range: TextRange) -> R {
        let msg = match self.cur().comprehension {
            ComprehensionKind::None => return Ok(()),
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            ComprehensionKind::Generator => "'yield' inside generator expression",
        };
        Err(Located::new(msg, range))
    }

    fn handle_named_expr(&mut self, target: &Expr, value: &Expr, range: TextRange) -> R {
        if self.cur().comp_iter_expr > 0 {
            return Err(Located::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                range,
            ));
        }
        if self.cur().comprehension != ComprehensionKind::None {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// Binds a walrus target inside a comprehension in the nearest enclosing
    /// function or module, as PEP 572 specifies.
    fn extend_named_expr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            return Ok(());
        };
        let range = target.range;
        for position in (0..self.stack.len()).rev() {
            let id = self.stack[position];
            let block = &self.blocks[id.index()];
            if block.comprehension != ComprehensionKind::None {
                let flags = self.lookup_in(id, name);
                if flags.contains(SymbolFlags::COMP_ITER) && flags.contains(SymbolFlags::LOCAL) {
                    return Err(Located::new(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        range,
                    ));
                }
                continue;
            }
            match block.kind {
                BlockKind::Function => {
                    let flags = self.lookup_in(id, name);
                    let declared = if flags.intersects(SymbolFlags::GLOBAL) {
                        SymbolFlags::GLOBAL
                    } else {
                        SymbolFlags::NONLOCAL
                    };
                    self.add_def(name, declared, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, SymbolFlags::LOCAL, id, range);
                }
                BlockKind::Module => {
                    self.add_def(name, SymbolFlags::GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, SymbolFlags::GLOBAL, id, range);
                }
                BlockKind::Class => {
                    return Err(Located::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        range,
                    ));
                }
                BlockKind::TypeParameters => {
                    return Err(Located::new(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        range,
                    ));
                }
                BlockKind::TypeAlias => {
                    return Err(Located::new(
                        "assignment expression within a comprehension cannot be used in a type alias",
                        range,
                    ));
                }
                BlockKind::TypeVariable => {
                    return Err(Located::new(
                        "assignment expression within a comprehension cannot be used in a TypeVar bound",
                        range,
                    ));
                }
                BlockKind::Annotation => {}
            }
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        scope_name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let is_generator = matches!(e.kind, ExprKind::GeneratorExp { .. });
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.enter_block(
            scope_name,
            BlockKind::Function,
            NodeKey::Comprehension(e.range),
            e.range,
        )?;
        self.cur_mut().comprehension = match e.kind {
            ExprKind::ListComp { .. } => ComprehensionKind::List,
            ExprKind::SetComp { .. } => ComprehensionKind::Set,
            ExprKind::DictComp { .. } => ComprehensionKind::Dict,
            _ => ComprehensionKind::Generator,
        };
        if outermost.is_async {
            self.cur_mut().coroutine = true;
        }
        let own_range = self.cur().range;
        self.add_def(".0", SymbolFlags::PARAM, own_range)?;
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for generator in generators.iter().skip(1) {
            self.visit_comprehension(generator)?;
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        self.cur_mut().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit_block();
        let cur = self.cur();
        let async_def = cur.kind == BlockKind::Function && cur.coroutine;
        if is_async && !async_def && cur.comprehension == ComprehensionKind::None {
            return Err(Located::new(
                "asynchronous comprehension outside of an asynchronous function",
                e.range,
            ));
        }
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    fn visit_comprehension(&mut self, generator: &Comprehension) -> R {
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&generator.target)?;
        self.cur_mut().comp_iter_target = false;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&generator.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.visit_exprs(&generator.ifs)?;
        if generator.is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }
}
