//! `super().name` and `super(C, obj).name` without a super object: when
//! the attribute's value is a call of the builtin `super` that the compiler
//! can see is not shadowed, the attribute load (and the method load of a
//! call) becomes one `LOAD_SUPER_ATTR` over `global super, class, self`,
//! exactly where CPython 3.14's `can_optimize_super_call` allows it.

use krait_syntax::ast::{Expr, ExprKind};

use super::error::CResult;
use super::unit::{Compiler, NameCtx};
use crate::bytecode::Opcode;
use crate::bytecode::location_table::Location;
use crate::symtable::SymbolScope;

/// `LOAD_SUPER_ATTR`'s oparg bit for a method load (pushes the attribute
/// and `self`, or the attribute and `NULL`).
const METHOD_BIT: u32 = 1;
/// `LOAD_SUPER_ATTR`'s oparg bit for the two-argument form `super(C, obj)`.
const TWO_ARGUMENT_BIT: u32 = 2;

impl<'a> Compiler<'a> {
    /// Compiles the `Load` attribute `attr_expr` (`value.attr`) as a
    /// `LOAD_SUPER_ATTR` when `value` is an optimizable `super(...)` call;
    /// `Ok(false)` (nothing emitted) otherwise. `method` asks for the
    /// method form used by calls.
    pub fn try_super_attr(
        &mut self,
        attr_expr: &'a Expr,
        value: &'a Expr,
        attr: &str,
        method: bool,
    ) -> CResult<bool> {
        let Some(args) = self.optimizable_super_args(value, attr) else {
            return Ok(false);
        };
        let ExprKind::Call { func, .. } = &value.kind else {
            return Ok(false);
        };
        // The global `super`, at the name's position.
        self.set_loc(func.range);
        self.name_op("super", NameCtx::Load);
        if let [class, obj] = args {
            self.expr(class)?;
            self.expr(obj)?;
        } else {
            // `__class__` and the function's first argument, at the call's
            // position.
            self.set_loc(value.range);
            self.name_op("__class__", NameCtx::Load);
            let first = self.ur().varnames.first().cloned().unwrap_or_default();
            self.name_op(&first, NameCtx::Load);
        }
        self.set_loc(attr_expr.range);
        let index = self.mangled_name_index(attr);
        let mut oparg = index << 2;
        if method {
            oparg |= METHOD_BIT;
        }
        if !args.is_empty() {
            oparg |= TWO_ARGUMENT_BIT;
        }
        self.emit(Opcode::LOAD_SUPER_ATTR, oparg);
        // CPython follows with a NOP at the attribute name's line, which
        // survives only when that line differs from both neighbours. For
        // a method call it gives way to the `CALL`, which CPython also moves
        // to the attribute's line (krait does not move it yet, so the NOP is
        // left out there).
        if !method {
            let loc = self.location(attr_expr.range);
            let saved = std::mem::replace(&mut self.u().loc, attr_name_location(loc, attr));
            self.emit(Opcode::NOP, 0);
            self.u().loc = saved;
        }
        Ok(true)
    }

    /// The explicit arguments of `value` (none for `super()`, two for
    /// `super(C, obj)`) when `value.attr` can load through
    /// `LOAD_SUPER_ATTR` (CPython's `can_optimize_super_call`): a call of
    /// the name `super` that resolves as an implicit global and is never
    /// mentioned at module level, no keywords, not `.__class__`; either
    /// two non-starred arguments, or none inside a function with a
    /// positional parameter that sees the `__class__` cell.
    fn optimizable_super_args(&self, value: &'a Expr, attr: &str) -> Option<&'a [Expr]> {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &value.kind
        else {
            return None;
        };
        let ExprKind::Name { id, .. } = &func.kind else {
            return None;
        };
        if id.as_str() != "super" || attr == "__class__" || !keywords.is_empty() {
            return None;
        }
        if self.scope_of("super") != SymbolScope::GlobalImplicit
            || self.table.top().symbol("super").is_some()
        {
            return None;
        }
        match args.len() {
            2 if !args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. })) =>
            {
                Some(args)
            }
            0 if self.ur().argcount > 0 && self.scope_of("__class__") == SymbolScope::Free => {
                Some(args)
            }
            _ => None,
        }
    }
}

/// `loc` moved to start at the attribute name when the attribute ends on
/// a later line than `loc` starts (CPython's
/// `update_start_location_to_match_attr`).
fn attr_name_location(loc: Location, attr: &str) -> Location {
    if loc.line == loc.end_line {
        return loc;
    }
    let line = loc.end_line;
    let len = attr.chars().count() as i32;
    let (col, end_col) = if len <= loc.end_col {
        (loc.end_col - len, loc.end_col)
    } else {
        (-1, -1)
    };
    Location::new(line, loc.end_line.max(line), col, end_col.max(col))
}
