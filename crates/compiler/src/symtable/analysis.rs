//! The second pass: resolves every name of every block to a scope (local,
//! global, free, cell), inlines comprehensions into their parents (PEP 709)
//! and raises the errors that need the whole tree (`nonlocal` without a
//! binding, `nonlocal` and `global` together, ...), as CPython's
//! `analyze_block` does.
//!
//! Each block sees the names bound by its enclosing function scopes
//! (`bound`), the names declared global above it (`global`) and the type
//! parameters in scope; it reports the names its children need from outside
//! (`free`) so that the binding block turns them into cells.

use std::collections::{HashMap, HashSet};

use super::block::{Block, BlockId, BlockKind, ComprehensionKind};
use super::error::Located;
use super::symbol::{SymbolFlags, SymbolScope};

type Names = HashSet<String>;

/// The cells a class body provides implicitly to the blocks nested in it.
const IMPLICIT_CLASS_CELLS: [&str; 3] =
    ["__class__", "__classdict__", "__conditional_annotations__"];

/// Analyses the tree of `blocks` rooted at block 0.
pub(crate) fn analyze(blocks: &mut [Block]) -> Result<(), Located> {
    let mut free = Names::new();
    let mut global = Names::new();
    let mut type_params = Names::new();
    let mut analysis = Analysis { blocks };
    analysis.analyze_block(
        BlockId(0),
        None,
        &mut free,
        &mut global,
        &mut type_params,
        None,
    )
}

struct Analysis<'a> {
    blocks: &'a mut [Block],
}

/// The error at the `global`/`nonlocal` statement (or walrus) that declared `name`.
fn at_directive(block: &Block, name: &str, msg: String) -> Located {
    let range = block
        .directives
        .iter()
        .find(|(declared, _)| declared == name)
        .map(|(_, range)| *range);
    match range {
        Some(range) => Located::new(msg, range),
        None => Located {
            range: None,
            ..Located::new(msg, block.range)
        },
    }
}

impl Analysis<'_> {
    fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// CPython's `analyze_name`: the scope of one name of block `id`.
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: BlockId,
        scopes: &mut HashMap<String, SymbolScope>,
        name: &str,
        flags: SymbolFlags,
        bound: &mut Option<&mut Names>,
        local: &mut Names,
        free: &mut Names,
        global: &mut Names,
        type_params: &mut Names,
        class_entry: Option<BlockId>,
    ) -> Result<(), Located> {
        let block = self.block(id);
        if flags.intersects(SymbolFlags::GLOBAL) {
            if flags.intersects(SymbolFlags::NONLOCAL) {
                return Err(at_directive(
                    block,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            scopes.insert(name.to_owned(), SymbolScope::GlobalExplicit);
            global.insert(name.to_owned());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(());
        }
        if flags.intersects(SymbolFlags::NONLOCAL) {
            let Some(bound) = bound else {
                return Err(at_directive(
                    block,
                    name,
                    "nonlocal declaration not allowed at module level".to_owned(),
                ));
            };
            if !bound.contains(name) {
                return Err(at_directive(
                    block,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            if type_params.contains(name) {
                return Err(at_directive(
                    block,
                    name,
                    format!("nonlocal binding not allowed for type parameter '{name}'"),
                ));
            }
            scopes.insert(name.to_owned(), SymbolScope::Free);
            free.insert(name.to_owned());
            return Ok(());
        }
        if flags.intersects(SymbolFlags::BOUND) {
            scopes.insert(name.to_owned(), SymbolScope::Local);
            local.insert(name.to_owned());
            global.remove(name);
            if flags.intersects(SymbolFlags::TYPE_PARAM) {
                type_params.insert(name.to_owned());
            } else {
                type_params.remove(name);
            }
            return Ok(());
        }
        // In a scope that can see its class, a name the class binds (or
        // declares global) is looked up in the class namespace, then globals.
        if let Some(class_entry) = class_entry {
            let class_flags = self.block(class_entry).flags(name);
            if class_flags.intersects(SymbolFlags::GLOBAL) {
                scopes.insert(name.to_owned(), SymbolScope::GlobalExplicit);
                return Ok(());
            }
            if class_flags.intersects(SymbolFlags::BOUND)
                && !class_flags.intersects(SymbolFlags::NONLOCAL)
            {
                scopes.insert(name.to_owned(), SymbolScope::GlobalImplicit);
                return Ok(());
            }
        }
        if let Some(bound) = bound
            && bound.contains(name)
        {
            scopes.insert(name.to_owned(), SymbolScope::Free);
            free.insert(name.to_owned());
            return Ok(());
        }
        scopes.insert(name.to_owned(), SymbolScope::GlobalImplicit);
        Ok(())
    }

    /// CPython's `analyze_block`.
    fn analyze_block(
        &mut self,
        id: BlockId,
        mut bound: Option<&mut Names>,
        free: &mut Names,
        global: &mut Names,
        type_params: &mut Names,
        class_entry: Option<BlockId>,
    ) -> Result<(), Located> {
        let mut local = Names::new();
        let mut scopes: HashMap<String, SymbolScope> = HashMap::new();
        let mut new_global = Names::new();
        let mut new_free = Names::new();
        let mut new_bound = Names::new();
        let mut inlined_cells = Names::new();
        let kind = self.block(id).kind;
        let is_class = kind == BlockKind::Class;

        // A class's own names are invisible to its methods: what they see is
        // fixed before the class's names are analysed.
        if is_class {
            new_global.extend(global.iter().cloned());
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
        }

        let names: Vec<(String, SymbolFlags)> = self
            .block(id)
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags))
            .collect();
        for (name, flags) in &names {
            self.analyze_name(
                id,
                &mut scopes,
                name,
                *flags,
                &mut bound,
                &mut local,
                free,
                global,
                type_params,
                class_entry,
            )?;
        }

        if !is_class {
            if kind.is_function_like() {
                new_bound.extend(local.iter().cloned());
            }
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
            new_global.extend(global.iter().cloned());
        } else {
            for implicit in IMPLICIT_CLASS_CELLS {
                new_bound.insert(implicit.to_owned());
            }
        }

        let can_see_class_scope = self.block(id).can_see_class_scope;
        let children = self.block(id).children.clone();
        for child in children {
            let child_block = self.block(child);
            let new_class_entry = if child_block.can_see_class_scope {
                if is_class { Some(id) } else { class_entry }
            } else {
                None
            };
            // Comprehensions other than generator expressions are inlined,
            // except inside annotation scopes nested in classes.
            let inline = child_block.comprehension != ComprehensionKind::None
                && !child_block.generator
                && !can_see_class_scope;
            let mut child_bound = new_bound.clone();
            let mut child_free = Names::new();
            let mut child_global = new_global.clone();
            let mut child_type_params = type_params.clone();
            self.analyze_block(
                child,
                Some(&mut child_bound),
                &mut child_free,
                &mut child_global,
                &mut child_type_params,
                new_class_entry,
            )?;
            if inline {
                self.inline_comprehension(
                    id,
                    child,
                    &mut scopes,
                    &mut child_free,
                    &mut inlined_cells,
                );
                self.blocks[child.index()].comp_inlined = true;
            }
            new_free.extend(child_free);
        }

        // Splice the children of inlined comprehensions into our own list.
        let children = std::mem::take(&mut self.blocks[id.index()].children);
        let mut spliced = Vec::with_capacity(children.len());
        for child in children {
            if self.block(child).comp_inlined {
                let grandchildren = self.block(child).children.clone();
                for &grandchild in &grandchildren {
                    self.blocks[grandchild.index()].parent = Some(id);
                }
                spliced.extend(grandchildren);
            } else {
                spliced.push(child);
            }
        }
        self.blocks[id.index()].children = spliced;

        if kind.is_function_like() {
            analyze_cells(&mut scopes, &mut new_free, &inlined_cells);
        } else if is_class {
            self.drop_class_free(id, &mut new_free);
        }
        let class_flag = is_class || can_see_class_scope;
        self.update_symbols(
            id,
            &scopes,
            bound.as_deref(),
            &new_free,
            &inlined_cells,
            class_flag,
        );
        free.extend(new_free);
        Ok(())
    }

    /// CPython's `inline_comprehension`: the comprehension's names join block `id`.
    fn inline_comprehension(
        &mut self,
        id: BlockId,
        comp: BlockId,
        scopes: &mut HashMap<String, SymbolScope>,
        comp_free: &mut Names,
        inlined_cells: &mut Names,
    ) {
        let is_class = self.block(id).kind == BlockKind::Class;
        let mut removed: Vec<String> = Vec::new();
        let symbols: Vec<(String, SymbolFlags, SymbolScope)> = self
            .block(comp)
            .symbols
            .iter()
            .map(|s| (s.name.clone(), s.flags, s.scope))
            .collect();
        for (name, flags, mut scope) in symbols {
            if flags.intersects(SymbolFlags::PARAM) {
                continue; // the comprehension's `.0`
            }
            if scope == SymbolScope::Cell || flags.intersects(SymbolFlags::COMP_CELL) {
                inlined_cells.insert(name.clone());
            }
            let existing = self.block(id).symbol(&name).map(|s| s.flags);
            // The class's implicit cells are never free through the class
            // scope itself, only in blocks nested inside the comprehension.
            if scope == SymbolScope::Free
                && is_class
                && IMPLICIT_CLASS_CELLS.contains(&name.as_str())
            {
                scope = SymbolScope::GlobalImplicit;
                if !self.is_free_in_any_child(comp, &name) {
                    comp_free.remove(&name);
                }
                removed.push(name.clone());
            }
            match existing {
                None => {
                    self.blocks[id.index()].set_flags(&name, flags);
                    scopes.insert(name, scope);
                }
                Some(outer) => {
                    // A free name the outer function binds is simply its local,
                    // unless a block inside the comprehension needs it as a cell.
                    if outer.intersects(SymbolFlags::BOUND)
                        && !is_class
                        && !self.is_free_in_any_child(comp, &name)
                    {
                        comp_free.remove(&name);
                        // The comprehension's use of the function's variable
                        // is now the function's own.
                        if scope == SymbolScope::Free {
                            let used = outer | (flags & SymbolFlags::USE);
                            self.blocks[id.index()].set_flags(&name, used);
                        }
                    }
                }
            }
        }
        for name in removed {
            self.blocks[comp.index()].remove_symbol(&name);
        }
    }

    fn is_free_in_any_child(&self, id: BlockId, name: &str) -> bool {
        self.block(id)
            .children
            .iter()
            .any(|&child| self.block(child).scope(name) == SymbolScope::Free)
    }

    /// CPython's `drop_class_free`: the class provides these implicit cells itself.
    fn drop_class_free(&mut self, id: BlockId, free: &mut Names) {
        let block = &mut self.blocks[id.index()];
        if free.remove("__class__") {
            block.needs_class_closure = true;
        }
        if free.remove("__classdict__") {
            block.needs_classdict = true;
        }
        if free.remove("__conditional_annotations__") {
            block.has_conditional_annotations = true;
        }
    }

    /// CPython's `update_symbols`: writes the scopes and records free names
    /// passing through this block.
    fn update_symbols(
        &mut self,
        id: BlockId,
        scopes: &HashMap<String, SymbolScope>,
        bound: Option<&Names>,
        free: &Names,
        inlined_cells: &Names,
        class_flag: bool,
    ) {
        let block = &mut self.blocks[id.index()];
        for symbol in &mut block.symbols {
            if inlined_cells.contains(&symbol.name) {
                symbol.flags |= SymbolFlags::COMP_CELL;
            }
            symbol.scope = scopes.get(&symbol.name).copied().unwrap_or_default();
        }
        let mut free: Vec<&String> = free.iter().collect();
        free.sort();
        for name in free {
            if let Some(symbol) = block.symbol_mut(name) {
                // A method's free name that the class also binds or uses.
                if class_flag {
                    symbol.flags |= SymbolFlags::FREE_CLASS;
                }
                continue;
            }
            if let Some(bound) = bound
                && !bound.contains(name)
            {
                continue; // a global
            }
            block.set_flags(name, SymbolFlags::EMPTY);
            if let Some(symbol) = block.symbol_mut(name) {
                symbol.scope = SymbolScope::Free;
            }
        }
    }
}

/// CPython's `analyze_cells`: locals that inner blocks need become cells.
fn analyze_cells(
    scopes: &mut HashMap<String, SymbolScope>,
    free: &mut Names,
    inlined_cells: &Names,
) {
    for (name, scope) in scopes.iter_mut() {
        if *scope != SymbolScope::Local {
            continue;
        }
        if !free.contains(name) && !inlined_cells.contains(name) {
            continue;
        }
        *scope = SymbolScope::Cell;
        free.remove(name);
    }
}
