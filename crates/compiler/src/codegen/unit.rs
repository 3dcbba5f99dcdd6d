//! One code object under construction ([`Unit`]) and the compiler state
//! around the stack of units ([`Compiler`]): constants, names, the
//! locals-plus layout, name resolution (CPython's `codegen_nameop`), the
//! frame-block stack used by `break`/`continue`/`return`, and turning a
//! finished unit into a [`CodeObject`].

use std::collections::{HashMap, HashSet};

use krait_syntax::ast::{Identifier, Stmt};
use krait_syntax::wtf8::Wtf8Buf;
use krait_syntax::{LineIndex, TextRange};

use super::assemble::assemble;
use super::error::{CResult, Pending};
use super::instr::{Instr, InstrSeq, Label};
use crate::bytecode::code_object::{co_flags, fast_kind};
use crate::bytecode::location_table::Location;
use crate::bytecode::{AnyOpcode, CodeObject, ConstantValue, Opcode, PseudoOpcode};
use crate::symtable::{BlockId, BlockKind, SymbolFlags, SymbolScope, SymbolTable, mangle};

/// Marks an oparg that indexes cells/free variables before the locals-plus
/// layout is final (fixed when the unit finishes).
const DEREF_MARK: u32 = 1 << 30;

/// Deepest nesting of the compiler's recursion before `RecursionError`.
const MAX_DEPTH: u32 = 20_000;

/// What a frame block is (CPython's `fblocktype`).
#[derive(Clone, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

/// One entry of the frame-block stack.
#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Loop start (for `continue`).
    pub block: Option<Label>,
    /// Loop exit (for `break`).
    pub exit: Option<Label>,
    /// Location of the statement that opened the block.
    pub loc: Location,
}

/// A code object being generated.
pub(crate) struct Unit<'a> {
    pub block: BlockId,
    pub kind: BlockKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: i32,
    pub seq: InstrSeq,
    pub consts: Vec<ConstantValue>,
    /// Constants CPython would only create in its flow-graph pass (folded
    /// tuples and operators): their slots move after all the others.
    pub folded_consts: HashSet<u32>,
    pub names: Vec<String>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub hidden: HashSet<String>,
    /// Every name that was ever hidden (for the locals-plus kinds).
    pub ever_hidden: HashSet<String>,
    /// Scopes that differ inside an inlined comprehension (CPython's
    /// temporary symbols).
    pub overrides: Vec<HashMap<String, SymbolScope>>,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub param_kinds: Vec<u8>,
    pub in_inlined_comp: u32,
    pub static_attributes: Vec<String>,
    pub has_docstring: bool,
    pub loc: Location,
    /// Extra `co_flags` (e.g. the coroutine flag of an async comprehension).
    pub extra_flags: u32,
    /// Simple-name annotations compiled so far (module and class bodies).
    pub annotation_count: u32,
    /// A function the symbol table has no block for (the `__annotate__`
    /// of a function under `from __future__ import annotations`), with
    /// whether it is nested.
    pub synthetic: Option<bool>,
}

/// The code generator: the stack of units and what every unit shares.
pub(crate) struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub filename: String,
    pub units: Vec<Unit<'a>>,
    pub depth: u32,
    pub interactive: bool,
}

fn sorted_names(
    table: &SymbolTable,
    block: BlockId,
    pick: impl Fn(SymbolScope, SymbolFlags) -> bool,
) -> Vec<String> {
    let mut names: Vec<String> = table
        .block(block)
        .symbols
        .iter()
        .filter(|s| pick(s.scope, s.flags))
        .map(|s| s.name.clone())
        .collect();
    names.sort();
    names
}

impl<'a> Compiler<'a> {
    /// A compiler over one module's symbol table and source.
    pub fn new(
        table: &'a SymbolTable,
        text: &'a str,
        index: &'a LineIndex,
        filename: &str,
    ) -> Self {
        Compiler {
            table,
            text,
            index,
            filename: filename.to_owned(),
            units: Vec::new(),
            depth: 0,
            interactive: false,
        }
    }

    /// The unit being generated.
    ///
    /// Units are pushed before any code is emitted, so there always is one
    /// while the compiler walks a tree.
    pub fn u(&mut self) -> &mut Unit<'a> {
        let last = self.units.len().saturating_sub(1);
        &mut self.units[last]
    }

    /// The unit being generated (shared).
    pub fn ur(&self) -> &Unit<'a> {
        let last = self.units.len().saturating_sub(1);
        &self.units[last]
    }

    /// Counts one level of recursion; `RecursionError` past the limit.
    pub fn enter_recursion(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Pending::Recursion);
        }
        Ok(())
    }

    /// Leaves one level of recursion.
    pub fn leave_recursion(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// CPython's location of a node.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.index.line_col(range.start);
        let (end_line, end_col) = self.index.line_col(range.end);
        Location::new(line as i32, end_line as i32, col as i32, end_col as i32)
    }

    /// Sets the location of the instructions emitted next, returning the
    /// previous one.
    pub fn set_loc(&mut self, range: TextRange) -> Location {
        let loc = self.location(range);
        std::mem::replace(&mut self.u().loc, loc)
    }

    /// The 1-based line of a position.
    pub fn line_of(&self, range: TextRange) -> i32 {
        self.index.line_number(range.start) as i32
    }

    // ----- scopes -----

    /// Opens a unit for `block`.
    pub fn enter_scope(&mut self, block: BlockId, name: &str, firstlineno: i32) {
        let b = self.table.block(block);
        let cellvars = sorted_names(self.table, block, |scope, flags| {
            scope == SymbolScope::Cell || flags.contains(SymbolFlags::COMP_CELL)
        });
        let freevars = sorted_names(self.table, block, |scope, flags| {
            scope == SymbolScope::Free || flags.contains(SymbolFlags::FREE_CLASS)
        });
        let mut cellvars = cellvars;
        if matches!(b.kind, BlockKind::Class | BlockKind::Module) {
            // CPython's implicit class cells, in this order after the
            // sorted ones.
            for (needed, implicit) in [
                (b.needs_class_closure, "__class__"),
                (b.needs_classdict, "__classdict__"),
                (b.has_conditional_annotations, "__conditional_annotations__"),
            ] {
                if needed && !cellvars.iter().any(|c| c == implicit) {
                    cellvars.push(implicit.to_owned());
                }
            }
        }
        let private = if b.kind == BlockKind::Class {
            Some(name.to_owned())
        } else {
            self.units.last().and_then(|parent| parent.private.clone())
        };
        let mut unit = Unit {
            block,
            kind: b.kind,
            name: name.to_owned(),
            qualname: name.to_owned(),
            firstlineno,
            seq: InstrSeq::default(),
            consts: Vec::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars,
            freevars,
            hidden: HashSet::new(),
            ever_hidden: HashSet::new(),
            overrides: Vec::new(),
            fblocks: Vec::new(),
            private,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            param_kinds: Vec::new(),
            in_inlined_comp: 0,
            static_attributes: Vec::new(),
            has_docstring: false,
            folded_consts: HashSet::new(),
            loc: Location::new(firstlineno, firstlineno, 0, 0),
            extra_flags: 0,
            annotation_count: 0,
            synthetic: None,
        };
        for name in &b.varnames {
            unit.add_var(name);
        }
        self.units.push(unit);
        self.set_qualname();
        let line = if b.kind == BlockKind::Module {
            0
        } else {
            firstlineno
        };
        let resume_loc = Location::new(line, line, -1, -1);
        let saved = std::mem::replace(&mut self.u().loc, resume_loc);
        self.emit(Opcode::RESUME, 0);
        self.u().loc = saved;
    }

    /// Opens a unit for a function without a symbol-table block: no cells,
    /// no free variables, only the fast locals it adds itself.
    pub fn enter_synthetic_scope(&mut self, name: &str, firstlineno: i32) {
        let parent = self.ur().block;
        let nested = {
            let b = self.table.block(parent);
            b.is_function_like() || b.nested
        };
        self.enter_scope(parent, name, firstlineno);
        let unit = self.u();
        unit.synthetic = Some(nested);
        unit.kind = BlockKind::Function;
        unit.cellvars.clear();
        unit.freevars.clear();
        unit.varnames.clear();
        unit.var_map.clear();
        unit.hidden.clear();
    }

    /// CPython's `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 2 {
            return;
        }
        let unit = &self.units[n - 1];
        let name = unit.name.clone();
        let kind = unit.kind;
        let mut parent_index = n - 2;
        // Annotation scopes (type parameters, `__annotate__`, bounds and
        // alias values) are transparent for naming.
        if matches!(
            self.units[parent_index].kind,
            BlockKind::TypeParameters
                | BlockKind::Annotation
                | BlockKind::TypeVariable
                | BlockKind::TypeAlias
        ) && self.units[parent_index].synthetic.is_none()
            && parent_index > 0
        {
            parent_index -= 1;
        }
        let parent = &self.units[parent_index];
        let mut qualname = name.clone();
        if parent.kind != BlockKind::Module {
            let mangled = mangle(parent.private.as_deref(), &name);
            let scope = self.table.block(parent.block).scope(&mangled);
            let force_global = scope == SymbolScope::GlobalExplicit
                && matches!(kind, BlockKind::Function | BlockKind::Class);
            if !force_global {
                // `<locals>` follows functions and lambdas, not
                // comprehensions or annotation scopes.
                let parent_block = self.table.block(parent.block);
                let parent_is_function = parent.synthetic.is_some()
                    || (parent.kind == BlockKind::Function
                        && parent_block.comprehension == Default::default());
                if parent_is_function {
                    qualname = format!("{}.<locals>.{name}", parent.qualname);
                } else {
                    qualname = format!("{}.{name}", parent.qualname);
                }
            }
        }
        self.u().qualname = qualname;
    }

    /// Closes the current unit and returns its code object.
    pub fn exit_scope(&mut self) -> CResult<CodeObject> {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| Pending::Internal("no unit to close".to_owned()))?;
        unit.finish(self.table, &self.filename)
    }

    // ----- emitting -----

    /// Emits `op` with `arg` at the current location.
    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.u().loc;
        self.u().seq.push(Instr {
            op: AnyOpcode::Real(op),
            arg,
            target: None,
            loc,
        });
    }

    /// Emits a pseudo-instruction without target.
    pub fn emit_pseudo(&mut self, op: PseudoOpcode, arg: u32) {
        let loc = self.u().loc;
        self.u().seq.push(Instr {
            op: AnyOpcode::Pseudo(op),
            arg,
            target: None,
            loc,
        });
    }

    /// Emits a jump-like instruction (real or pseudo) to `label`.
    pub fn emit_jump(&mut self, op: impl Into<AnyOpcode>, label: Label) {
        let loc = self.u().loc;
        self.u().seq.push(Instr {
            op: op.into(),
            arg: 0,
            target: Some(label),
            loc,
        });
    }

    /// A new label in the current unit.
    pub fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    /// Binds `label` here.
    pub fn bind(&mut self, label: Label) {
        self.u().seq.bind(label);
    }

    /// Adds a constant (de-duplicated) and returns its index.
    pub fn add_const(&mut self, value: ConstantValue) -> u32 {
        let unit = self.u();
        if !matches!(value, ConstantValue::Code(_))
            && let Some(i) = unit.consts.iter().position(|c| c.same_constant(&value))
        {
            unit.folded_consts.remove(&(i as u32));
            return i as u32;
        }
        unit.consts.push(value);
        unit.consts.len() as u32 - 1
    }

    /// Loads a constant (`LOAD_SMALL_INT` for 0..=255). A small int is
    /// still added to the constants, as CPython adds it before its
    /// flow-graph pass picks `LOAD_SMALL_INT`: it shifts the indices of
    /// later constants and survives as `co_consts[0]` (always kept).
    pub fn load_const(&mut self, value: ConstantValue) {
        let small = match value {
            ConstantValue::Int(i) if (0..=255).contains(&i) => Some(i as u32),
            _ => None,
        };
        let index = self.add_const(value);
        match small {
            Some(i) => self.emit(Opcode::LOAD_SMALL_INT, i),
            None => self.emit(Opcode::LOAD_CONST, index),
        }
    }

    /// `LOAD_CONST None`.
    pub fn load_none(&mut self) {
        self.load_const(ConstantValue::None);
    }

    /// The index of `name` in `co_names` (added if new).
    pub fn name_index(&mut self, name: &str) -> u32 {
        self.u().add_name(name)
    }

    /// The `co_names` index of `name` after private-name mangling.
    pub fn mangled_name_index(&mut self, name: &str) -> u32 {
        let mangled = mangle(self.ur().private.as_deref(), name);
        self.u().add_name(&mangled)
    }

    /// Emits `op` with the (mangled) name as oparg.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let index = self.mangled_name_index(name);
        self.emit(op, index);
    }

    // ----- names -----

    /// The scope of an already-mangled name in the current unit.
    pub fn scope_of(&self, mangled: &str) -> SymbolScope {
        let unit = self.ur();
        for layer in unit.overrides.iter().rev() {
            if let Some(scope) = layer.get(mangled) {
                return *scope;
            }
        }
        self.table.block(unit.block).scope(mangled)
    }

    /// Cell or free slot marker for a name (see [`DEREF_MARK`]).
    pub fn deref_index(&mut self, mangled: &str) -> u32 {
        let unit = self.u();
        if let Some(i) = unit.cellvars.iter().position(|n| n == mangled) {
            return DEREF_MARK | i as u32;
        }
        if let Some(i) = unit.freevars.iter().position(|n| n == mangled) {
            return DEREF_MARK | (unit.cellvars.len() + i) as u32;
        }
        // Not known as a cell or free variable: make it a cell so the code
        // stays consistent (CPython would fail an assertion).
        unit.cellvars.push(mangled.to_owned());
        DEREF_MARK | (unit.cellvars.len() - 1) as u32
    }

    /// Emits the load, store or delete of a variable (`codegen_nameop`).
    pub fn name_op(&mut self, name: &str, ctx: NameCtx) {
        if name == "__debug__" && ctx == NameCtx::Load {
            self.load_const(ConstantValue::Bool(true));
            return;
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let scope = self.scope_of(&mangled);
        let unit_kind = self.ur().kind;
        let block = self.table.block(self.ur().block);
        let function_like = block.is_function_like();
        let can_see_class = block.can_see_class_scope;
        let hidden = self.ur().hidden.contains(&mangled);
        enum Way {
            Deref,
            Fast,
            Global,
            Name,
        }
        let way = match scope {
            SymbolScope::Free | SymbolScope::Cell => Way::Deref,
            SymbolScope::Local if function_like || hidden => Way::Fast,
            SymbolScope::Local => Way::Name,
            SymbolScope::GlobalImplicit if function_like => Way::Global,
            // A comprehension inlined into a class body cannot see the
            // class's names: CPython loads its globals with LOAD_GLOBAL.
            SymbolScope::GlobalImplicit
                if unit_kind == BlockKind::Class && self.ur().in_inlined_comp > 0 =>
            {
                Way::Global
            }
            SymbolScope::GlobalExplicit => Way::Global,
            _ => Way::Name,
        };
        match way {
            Way::Deref => {
                let index = self.deref_index(&mangled);
                match ctx {
                    NameCtx::Load => {
                        if unit_kind == BlockKind::Class && self.ur().in_inlined_comp == 0 {
                            self.emit(Opcode::LOAD_LOCALS, 0);
                            self.emit(Opcode::LOAD_FROM_DICT_OR_DEREF, index);
                        } else if can_see_class {
                            let classdict = self.deref_index("__classdict__");
                            self.emit(Opcode::LOAD_DEREF, classdict);
                            self.emit(Opcode::LOAD_FROM_DICT_OR_DEREF, index);
                        } else {
                            self.emit(Opcode::LOAD_DEREF, index);
                        }
                    }
                    NameCtx::Store => self.emit(Opcode::STORE_DEREF, index),
                    NameCtx::Del => self.emit(Opcode::DELETE_DEREF, index),
                }
            }
            Way::Fast => {
                let index = self.u().add_var(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LOAD_FAST, index),
                    NameCtx::Store => self.emit(Opcode::STORE_FAST, index),
                    NameCtx::Del => self.emit(Opcode::DELETE_FAST, index),
                }
            }
            Way::Global => {
                let index = self.u().add_name(&mangled);
                match ctx {
                    NameCtx::Load => {
                        if can_see_class && scope == SymbolScope::GlobalImplicit {
                            let classdict = self.deref_index("__classdict__");
                            self.emit(Opcode::LOAD_DEREF, classdict);
                            self.emit(Opcode::LOAD_FROM_DICT_OR_GLOBALS, index);
                        } else {
                            self.emit(Opcode::LOAD_GLOBAL, index << 1);
                        }
                    }
                    NameCtx::Store => self.emit(Opcode::STORE_GLOBAL, index),
                    NameCtx::Del => self.emit(Opcode::DELETE_GLOBAL, index),
                }
            }
            Way::Name => {
                let index = self.u().add_name(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LOAD_NAME, index),
                    NameCtx::Store => self.emit(Opcode::STORE_NAME, index),
                    NameCtx::Del => self.emit(Opcode::DELETE_NAME, index),
                }
            }
        }
    }

    /// Loads `name` as the callable of a call, pushing `NULL` after it
    /// (`LOAD_GLOBAL` with its low bit set does both).
    pub fn load_name_for_call(&mut self, name: &str) {
        let before = self.ur().seq.instrs.len();
        self.name_op(name, NameCtx::Load);
        let unit = self.u();
        if unit.seq.instrs.len() == before + 1
            && let Some(last) = unit.seq.instrs.last_mut()
            && last.is(Opcode::LOAD_GLOBAL)
        {
            last.arg |= 1;
            return;
        }
        self.emit(Opcode::PUSH_NULL, 0);
    }

    /// `LOAD_CLOSURE` of a cell or free variable (for building closures).
    pub fn load_closure(&mut self, name: &str) {
        let index = self.deref_index(name);
        self.emit_pseudo(PseudoOpcode::LOAD_CLOSURE, index);
    }

    // ----- frame blocks -----

    /// Pushes a frame block; `too many statically nested blocks` past 21
    /// (CPython 3.14's `CO_MAXBLOCKS`).
    pub fn push_fblock(
        &mut self,
        kind: FBlockKind<'a>,
        block: Option<Label>,
        exit: Option<Label>,
        range: TextRange,
    ) -> CResult {
        if self.ur().fblocks.len() >= 21 {
            return super::error::syntax("too many statically nested blocks", range);
        }
        let loc = self.location(range);
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            loc,
        });
        Ok(())
    }

    /// Pops the innermost frame block.
    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}

/// What a name operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

impl<'a> Unit<'a> {
    /// The `co_names` index of `name`.
    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_map.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.name_map.insert(name.to_owned(), i);
        i
    }

    /// The fast-local index of `name` (added if new).
    pub fn add_var(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.var_map.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_owned());
        self.var_map.insert(name.to_owned(), i);
        i
    }

    /// `co_flags` as CPython's `compute_code_flags`.
    fn flags(&self, table: &SymbolTable) -> u32 {
        if let Some(nested) = self.synthetic {
            let mut flags = co_flags::NEWLOCALS | co_flags::OPTIMIZED;
            if nested {
                flags |= co_flags::NESTED;
            }
            if table.future.annotations {
                flags |= co_flags::FUTURE_ANNOTATIONS;
            }
            return flags;
        }
        let b = table.block(self.block);
        let mut flags = 0;
        if b.is_function_like() {
            flags |= co_flags::NEWLOCALS | co_flags::OPTIMIZED;
            if b.nested {
                flags |= co_flags::NESTED;
            }
            if b.generator && !b.coroutine {
                flags |= co_flags::GENERATOR;
            }
            if b.generator && b.coroutine {
                flags |= co_flags::ASYNC_GENERATOR;
            }
            if b.varargs {
                flags |= co_flags::VARARGS;
            }
            if b.varkeywords {
                flags |= co_flags::VARKEYWORDS;
            }
            if self.has_docstring {
                flags |= co_flags::HAS_DOCSTRING;
            }
            if b.method {
                flags |= co_flags::METHOD;
            }
        }
        if b.coroutine && !b.generator {
            flags |= co_flags::COROUTINE;
        }
        if table.future.annotations {
            flags |= co_flags::FUTURE_ANNOTATIONS;
        }
        if table.future.barry_as_flufl {
            flags |= co_flags::FUTURE_BARRY_AS_BDFL;
        }
        flags | self.extra_flags
    }

    /// Lays out locals-plus, adds the prefix, assembles and builds the
    /// code object.
    fn finish(mut self, table: &SymbolTable, filename: &str) -> CResult<CodeObject> {
        self.move_folded_consts_last();
        let flags = self.flags(table);
        // Locals-plus: fast locals, then cells that are not locals, then
        // free variables.
        let nvar = self.varnames.len();
        let mut names: Vec<String> = self.varnames.clone();
        let mut kinds: Vec<u8> = self
            .varnames
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let mut kind = fast_kind::LOCAL;
                if let Some(param) = self.param_kinds.get(i) {
                    kind |= param;
                }
                if self.ever_hidden.contains(name) {
                    kind |= fast_kind::HIDDEN;
                }
                kind
            })
            .collect();
        let mut cell_slot = Vec::with_capacity(self.cellvars.len());
        for cell in &self.cellvars {
            if let Some(i) = self.varnames.iter().position(|v| v == cell) {
                kinds[i] |= fast_kind::CELL;
                cell_slot.push(i as u32);
            } else {
                cell_slot.push(names.len() as u32);
                names.push(cell.clone());
                kinds.push(fast_kind::CELL);
            }
        }
        let mut free_slot = Vec::with_capacity(self.freevars.len());
        for free in &self.freevars {
            free_slot.push(names.len() as u32);
            names.push(free.clone());
            kinds.push(fast_kind::FREE);
        }
        let ncells = self.cellvars.len();
        let fix = |arg: u32| -> u32 {
            if arg & DEREF_MARK == 0 {
                return arg;
            }
            let i = (arg & !DEREF_MARK) as usize;
            if i < ncells {
                cell_slot.get(i).copied().unwrap_or(0)
            } else {
                free_slot.get(i - ncells).copied().unwrap_or(0)
            }
        };
        for instr in &mut self.seq.instrs {
            instr.arg = fix(instr.arg);
        }
        // Prefix, in CPython's order: COPY_FREE_VARS, MAKE_CELL,
        // RETURN_GENERATOR.
        let mut prefix = Vec::new();
        let noloc = |op: Opcode, arg: u32| Instr {
            op: AnyOpcode::Real(op),
            arg,
            target: None,
            loc: Location::NONE,
        };
        if !self.freevars.is_empty() {
            prefix.push(noloc(Opcode::COPY_FREE_VARS, self.freevars.len() as u32));
        }
        for slot in &cell_slot {
            prefix.push(noloc(Opcode::MAKE_CELL, *slot));
        }
        let b = table.block(self.block);
        if (b.generator || b.coroutine) && b.is_function_like() && self.synthetic.is_none() {
            let loc = Location::new(self.firstlineno, self.firstlineno, -1, -1);
            prefix.push(Instr {
                loc,
                ..noloc(Opcode::RETURN_GENERATOR, 0)
            });
            prefix.push(Instr {
                loc,
                ..noloc(Opcode::POP_TOP, 0)
            });
        }
        let shift = prefix.len();
        prefix.append(&mut self.seq.instrs);
        self.seq.instrs = prefix;
        for pos in self.seq.labels.iter_mut().flatten() {
            *pos += shift;
        }
        let real_block = self.synthetic.is_none() && b.is_function_like();
        let nparams = (self.argcount + self.kwonlyargcount) as usize
            + usize::from(b.varargs && real_block)
            + usize::from(b.varkeywords && real_block);
        let assembled = assemble(
            &self.seq,
            self.firstlineno,
            nvar,
            nparams.min(nvar),
            self.consts.len(),
            self.consts
                .iter()
                .position(|c| matches!(c, ConstantValue::None))
                .map(|i| i as u32),
        )
        .map_err(|e| Pending::Internal(format!("{e} in {}", self.qualname)))?;
        let mut code = CodeObject::new(
            Wtf8Buf::from(filename),
            Identifier::new(self.name.as_str()),
            self.qualname.clone(),
            self.firstlineno,
        );
        code.argcount = self.argcount;
        code.posonlyargcount = self.posonlyargcount;
        code.kwonlyargcount = self.kwonlyargcount;
        code.stacksize = assembled.stacksize;
        code.flags = flags;
        code.code = assembled.code;
        code.consts = self
            .consts
            .into_iter()
            .zip(&assembled.const_map)
            .filter(|(_, keep)| keep.is_some())
            .map(|(c, _)| c)
            .collect();
        code.names = self
            .names
            .iter()
            .map(|n| Identifier::new(n.as_str()))
            .collect();
        // The parameter of `__annotate__` is `.format` in the symbol table
        // and `format` in the code object (type-variable and alias scopes
        // keep `.format`).
        let rename = self.kind == BlockKind::Annotation || self.synthetic.is_some();
        code.localsplusnames = names
            .iter()
            .map(|n| {
                Identifier::new(if rename && n == ".format" {
                    "format"
                } else {
                    n.as_str()
                })
            })
            .collect();
        code.localspluskinds = kinds;
        code.linetable = assembled.linetable;
        code.exceptiontable = assembled.exceptiontable;
        Ok(code)
    }
}
