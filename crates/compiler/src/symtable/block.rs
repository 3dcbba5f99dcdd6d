//! Blocks (CPython's "symbol table entries"): one per module, class, function,
//! lambda, comprehension, annotation scope, type alias, type-parameter scope
//! and type-variable bound; [`SymbolTable`] holds them all and finds the block
//! of an AST node.

use std::collections::HashMap;

use krait_syntax::TextRange;
use krait_syntax::ast::{Expr, Stmt, StmtKind, TypeParam};

use super::future::FutureFeatures;
use super::symbol::{Symbol, SymbolFlags, SymbolScope};

/// Index of a block in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

impl BlockId {
    /// The position in [`SymbolTable::blocks`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// The kind of a block (CPython's `_Py_block_ty`, `symtable.SymbolTableType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A function, lambda or comprehension.
    Function,
    /// A class body.
    Class,
    /// The module.
    Module,
    /// A PEP 649 `__annotate__` scope.
    Annotation,
    /// The value of a `type X = ...` statement.
    TypeAlias,
    /// The PEP 695 scope around a generic function, class or alias.
    TypeParameters,
    /// A type variable's bound, constraints or default.
    TypeVariable,
}

impl BlockKind {
    /// The name `symtable.SymbolTable.get_type()` returns.
    pub const fn type_name(self) -> &'static str {
        match self {
            BlockKind::Function => "function",
            BlockKind::Class => "class",
            BlockKind::Module => "module",
            BlockKind::Annotation => "annotation",
            BlockKind::TypeAlias => "type alias",
            BlockKind::TypeParameters => "type parameters",
            BlockKind::TypeVariable => "type variable",
        }
    }

    /// Whether the block runs as a function (fast locals, closures).
    pub const fn is_function_like(self) -> bool {
        matches!(
            self,
            BlockKind::Function
                | BlockKind::Annotation
                | BlockKind::TypeVariable
                | BlockKind::TypeAlias
                | BlockKind::TypeParameters
        )
    }
}

/// Which comprehension a function block is, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ComprehensionKind {
    /// Not a comprehension.
    #[default]
    None,
    /// `[... for ...]`.
    List,
    /// `{... for ...}`.
    Set,
    /// `{k: v for ...}`.
    Dict,
    /// `(... for ...)`.
    Generator,
}

/// The AST node a block belongs to, for the code generator's lookups.
///
/// CPython keys blocks by node address; krait keys them by the node's kind and
/// source range, which are unique among nodes that open blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKey {
    /// The module.
    Module,
    /// The body of a `def`, `async def` or `class`, or the value of a `type` statement.
    Definition(TextRange),
    /// The type-parameter scope of a generic `def`, `class` or `type` statement.
    TypeParams(TextRange),
    /// The `__annotate__` scope of a function's parameter and return annotations.
    FunctionAnnotations(TextRange),
    /// The `__annotate__` scope of the variable annotations of a class or module.
    BodyAnnotations(BlockId),
    /// A lambda.
    Lambda(TextRange),
    /// A comprehension or generator expression.
    Comprehension(TextRange),
    /// The bound (or constraints) of a type variable.
    TypeParamBound(TextRange),
    /// The default of a type parameter.
    TypeParamDefault(TextRange),
}

/// A symbol table entry: one scope of the program and its names.
#[derive(Clone, Debug)]
pub struct Block {
    /// What kind of scope this is.
    pub kind: BlockKind,
    /// `top`, the function/class/alias/type-parameter name, `lambda`,
    /// `listcomp`, `genexpr`, `__annotate__` ...
    pub name: String,
    /// The range of the node that opened the block (the module: empty at 0).
    pub range: TextRange,
    /// 1-based line of the block (0 for the module).
    pub lineno: u32,
    /// Whether an enclosing block is function-like (or nested itself).
    pub nested: bool,
    /// The block's symbols in first-seen order.
    pub symbols: Vec<Symbol>,
    /// Position of each name in `symbols`.
    pub(crate) symbol_index: HashMap<String, usize>,
    /// Parameter names in order (CPython's `ste_varnames`).
    pub varnames: Vec<String>,
    /// Nested blocks in source order; inlined comprehensions are replaced by
    /// their own children, as CPython does.
    pub children: Vec<BlockId>,
    /// The block containing this one (`None` for the module).
    pub parent: Option<BlockId>,
    /// A generator (`yield` seen, or a generator expression).
    pub generator: bool,
    /// A coroutine (`async def`, or an `await`/async comprehension inside).
    pub coroutine: bool,
    /// Which comprehension this is, if any.
    pub comprehension: ComprehensionKind,
    /// `return value` seen.
    pub returns_value: bool,
    /// Has `*args`.
    pub varargs: bool,
    /// Has `**kwargs`.
    pub varkeywords: bool,
    /// A class whose methods use `__class__` (or `super`).
    pub needs_class_closure: bool,
    /// A class whose annotation/type scopes use `__classdict__`.
    pub needs_classdict: bool,
    /// A module or class with annotations that may not all run.
    pub has_conditional_annotations: bool,
    /// A comprehension inlined into its parent (PEP 709).
    pub comp_inlined: bool,
    /// An annotation or type scope that can see the enclosing class's names.
    pub can_see_class_scope: bool,
    /// The body starts with a docstring.
    pub has_docstring: bool,
    /// A function defined directly in a class body.
    pub method: bool,
    /// Annotations were seen (for `__annotate__` generation).
    pub annotations_used: bool,
    /// The `__annotate__` block of this class or module, once one exists.
    pub annotation_block: Option<BlockId>,
    /// For type-variable blocks: "a TypeVar bound", ... (for error messages).
    pub scope_info: Option<&'static str>,
    /// Names whose mangling applies in a generic class's type-parameter scope
    /// (an index into the table's shared sets); `None` mangles every name.
    pub(crate) mangled_names: Option<usize>,
    /// `global`/`nonlocal` statements: mangled name and where, for error positions.
    pub(crate) directives: Vec<(String, TextRange)>,
    pub(crate) in_conditional_block: bool,
    pub(crate) in_unevaluated_annotation: bool,
    pub(crate) comp_iter_target: bool,
    pub(crate) comp_iter_expr: u32,
}

impl Block {
    pub(crate) fn new(kind: BlockKind, name: String, range: TextRange, lineno: u32) -> Self {
        Self {
            kind,
            name,
            range,
            lineno,
            nested: false,
            symbols: Vec::new(),
            symbol_index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            parent: None,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionKind::None,
            returns_value: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            comp_inlined: false,
            can_see_class_scope: false,
            has_docstring: false,
            method: false,
            annotations_used: false,
            annotation_block: None,
            scope_info: None,
            mangled_names: None,
            directives: Vec::new(),
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The symbol called `name` (already mangled), if the block has one.
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.symbol_index
            .get(name)
            .and_then(|&index| self.symbols.get(index))
    }

    /// The flags of `name`, empty if the block does not know it.
    pub fn flags(&self, name: &str) -> SymbolFlags {
        self.symbol(name).map_or(SymbolFlags::EMPTY, |s| s.flags)
    }

    /// The resolved scope of `name` (`Unresolved` if the block does not know it).
    pub fn scope(&self, name: &str) -> SymbolScope {
        self.symbol(name)
            .map_or(SymbolScope::Unresolved, |s| s.scope)
    }

    /// Whether the block runs as a function (fast locals, closures).
    pub fn is_function_like(&self) -> bool {
        self.kind.is_function_like()
    }

    pub(crate) fn symbol_mut(&mut self, name: &str) -> Option<&mut Symbol> {
        let index = *self.symbol_index.get(name)?;
        self.symbols.get_mut(index)
    }

    /// Sets the flags of `name`, adding the symbol if it is new.
    pub(crate) fn set_flags(&mut self, name: &str, flags: SymbolFlags) {
        if let Some(symbol) = self.symbol_mut(name) {
            symbol.flags = flags;
            return;
        }
        self.symbol_index
            .insert(name.to_owned(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.to_owned(),
            flags,
            scope: SymbolScope::Unresolved,
        });
    }

    /// Removes `name` (used when an inlined comprehension drops `__class__`).
    pub(crate) fn remove_symbol(&mut self, name: &str) {
        if let Some(index) = self.symbol_index.remove(name) {
            self.symbols.remove(index);
            for (i, symbol) in self.symbols.iter().enumerate().skip(index) {
                self.symbol_index.insert(symbol.name.clone(), i);
            }
        }
    }
}

/// The symbol tables of one module: every block, the module's future
/// features, and an index from AST nodes to blocks.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// All blocks; [`BlockId`] indexes this. The module is block 0.
    pub blocks: Vec<Block>,
    /// `from __future__ import ...` features in effect.
    pub future: FutureFeatures,
    pub(crate) keys: HashMap<NodeKey, BlockId>,
}

impl SymbolTable {
    /// The module block.
    pub const TOP: BlockId = BlockId(0);

    /// The block `id`.
    ///
    /// # Panics
    /// Never for ids this table handed out.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// The module block.
    pub fn top(&self) -> &Block {
        self.block(Self::TOP)
    }

    /// The block opened by the node `key`, if any.
    pub fn lookup(&self, key: NodeKey) -> Option<BlockId> {
        self.keys.get(&key).copied()
    }

    /// The block of a `def`, `async def` or `class` body, or of a `type` statement's value.
    pub fn definition(&self, stmt: &Stmt) -> Option<BlockId> {
        self.lookup(NodeKey::Definition(stmt.range))
    }

    /// The type-parameter block of a generic `def`, `class` or `type` statement.
    pub fn type_params(&self, stmt: &Stmt) -> Option<BlockId> {
        match &stmt.kind {
            StmtKind::FunctionDef(_)
            | StmtKind::AsyncFunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::TypeAlias { .. } => self.lookup(NodeKey::TypeParams(stmt.range)),
            _ => None,
        }
    }

    /// The `__annotate__` block of a function's annotations.
    pub fn function_annotations(&self, stmt: &Stmt) -> Option<BlockId> {
        self.lookup(NodeKey::FunctionAnnotations(stmt.range))
    }

    /// The block of a lambda or comprehension expression.
    pub fn expression(&self, expr: &Expr) -> Option<BlockId> {
        self.lookup(NodeKey::Lambda(expr.range))
            .or_else(|| self.lookup(NodeKey::Comprehension(expr.range)))
    }

    /// The bound block and the default block of a type parameter.
    pub fn type_param_blocks(&self, param: &TypeParam) -> (Option<BlockId>, Option<BlockId>) {
        (
            self.lookup(NodeKey::TypeParamBound(param.range)),
            self.lookup(NodeKey::TypeParamDefault(param.range)),
        )
    }
}
