//! The canonical text dump of symbol tables (`krait --dump-symtable`).
//!
//! `xtask/scripts/symtable_reference.py` prints the same format from CPython's
//! `symtable` module, so the two can be compared byte for byte. For each
//! table, depth-first in children order, one header line
//!
//! ```text
//! <indent><type> <name> line=<lineno> nested=<0|1> optimized=<0|1> varnames=<a,b>
//! ```
//!
//! then one line per symbol, sorted by name:
//!
//! ```text
//! <indent>  <name> scope=<SCOPE> flags=<DEF_X|USE> ns=<n> is=<referenced,local,...>
//! ```
//!
//! where `is=` lists the `symtable.Symbol.is_*` predicates that hold and `ns`
//! counts `get_namespaces()`. Children are indented by four spaces.

use std::fmt::Write;

use super::block::{BlockId, BlockKind, SymbolTable};
use super::symbol::{Symbol, SymbolFlags, SymbolScope};

/// Renders every table reachable from the module.
pub fn dump(table: &SymbolTable) -> String {
    let mut out = String::new();
    // An explicit stack: nesting depth is bounded by the parser, but a dump
    // should never be the thing that overflows.
    let mut stack: Vec<(BlockId, usize)> = vec![(SymbolTable::TOP, 0)];
    while let Some((id, depth)) = stack.pop() {
        dump_block(table, id, depth, &mut out);
        let block = table.block(id);
        for &child in block.children.iter().rev() {
            stack.push((child, depth + 1));
        }
    }
    out
}

fn dump_block(table: &SymbolTable, id: BlockId, depth: usize, out: &mut String) {
    let block = table.block(id);
    let indent = "    ".repeat(depth);
    let _ = writeln!(
        out,
        "{indent}{} {} line={} nested={} optimized={} varnames={}",
        block.kind.type_name(),
        block.name,
        block.lineno,
        u8::from(block.nested),
        u8::from(block.kind == BlockKind::Function),
        block.varnames.join(","),
    );
    let module_scope = block.name == "top";
    let mut symbols: Vec<&Symbol> = block.symbols.iter().collect();
    symbols.sort_by(|a, b| a.name.cmp(&b.name));
    for symbol in symbols {
        let namespaces = block
            .children
            .iter()
            .filter(|&&child| table.block(child).name == symbol.name)
            .count();
        let _ = writeln!(
            out,
            "{indent}  {} scope={} flags={:?} ns={namespaces} is={}",
            symbol.name,
            symbol.scope.name(),
            symbol.flags,
            predicates(symbol, module_scope, namespaces).join(","),
        );
    }
}

/// The `symtable.Symbol.is_*` predicates that hold, in a fixed order.
fn predicates(symbol: &Symbol, module_scope: bool, namespaces: usize) -> Vec<&'static str> {
    let flags = symbol.flags;
    let scope = symbol.scope;
    let bound_at_module = module_scope && flags.intersects(SymbolFlags::BOUND);
    let checks = [
        ("referenced", flags.intersects(SymbolFlags::USE)),
        ("parameter", flags.intersects(SymbolFlags::PARAM)),
        ("type_parameter", flags.intersects(SymbolFlags::TYPE_PARAM)),
        (
            "global",
            matches!(
                scope,
                SymbolScope::GlobalImplicit | SymbolScope::GlobalExplicit
            ) || bound_at_module,
        ),
        ("nonlocal", flags.intersects(SymbolFlags::NONLOCAL)),
        ("declared_global", scope == SymbolScope::GlobalExplicit),
        (
            "local",
            matches!(scope, SymbolScope::Local | SymbolScope::Cell) || bound_at_module,
        ),
        ("annotated", flags.intersects(SymbolFlags::ANNOT)),
        ("free", scope == SymbolScope::Free),
        ("free_class", flags.intersects(SymbolFlags::FREE_CLASS)),
        ("imported", flags.intersects(SymbolFlags::IMPORT)),
        ("assigned", flags.intersects(SymbolFlags::LOCAL)),
        ("comp_iter", flags.intersects(SymbolFlags::COMP_ITER)),
        ("comp_cell", flags.intersects(SymbolFlags::COMP_CELL)),
        ("namespace", namespaces > 0),
    ];
    checks
        .iter()
        .filter(|(_, holds)| *holds)
        .map(|(name, _)| *name)
        .collect()
}
