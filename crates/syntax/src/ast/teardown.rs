//! Freeing arbitrarily long expression chains without deep Rust recursion.
//!
//! The parser builds left-associative chains (`1 + 1 + … + 1`,
//! `a.b.c…`, `f()()…`, `x[0][0]…`) in loops, so their depth is bounded only by
//! the source length; right-nested forms (`not not …`, `- - …`, `a if b else
//! c if …`, `lambda: lambda: …`, `await await …`, `x := y := …`) may nest
//! thousands deep before the parser's limit. Dropping such a tree with the
//! default, recursive drop glue would overflow the stack (DESIGN.md, decision
//! 5: freeing a long chain is iterative). [`Expr`]'s `Drop` detaches the
//! children that continue such a chain into a work list and frees them one
//! at a time; every other child is bounded by the bracket nesting limit and
//! drops normally.

use super::{Constant, Expr, ExprKind};
use crate::TextRange;

impl Drop for Expr {
    fn drop(&mut self) {
        let mut pending: Vec<Expr> = Vec::new();
        detach_chain_children(&mut self.kind, &mut pending);
        while let Some(mut expr) = pending.pop() {
            detach_chain_children(&mut expr.kind, &mut pending);
            // `expr` now has no chain children left and drops shallowly.
        }
    }
}

/// Whether an expression of this kind can continue an unbounded chain.
fn continues_chain(kind: &ExprKind) -> bool {
    matches!(
        kind,
        ExprKind::BinOp { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Subscript { .. }
            | ExprKind::Call { .. }
            | ExprKind::UnaryOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Await { .. }
            | ExprKind::NamedExpr { .. }
    )
}

/// Moves the chain-continuing children of `kind` into `pending`, leaving
/// cheap placeholders behind.
fn detach_chain_children(kind: &mut ExprKind, pending: &mut Vec<Expr>) {
    match kind {
        ExprKind::BinOp { left, right, .. } => {
            detach(left, pending);
            detach(right, pending);
        }
        ExprKind::Attribute { value, .. } => detach(value, pending),
        ExprKind::Subscript { value, .. } => detach(value, pending),
        ExprKind::Call { func, .. } => detach(func, pending),
        ExprKind::UnaryOp { operand, .. } => detach(operand, pending),
        ExprKind::IfExp { body, orelse, .. } => {
            detach(body, pending);
            detach(orelse, pending);
        }
        ExprKind::Lambda { body, .. } => detach(body, pending),
        ExprKind::Await { value } => detach(value, pending),
        ExprKind::NamedExpr { value, .. } => detach(value, pending),
        _ => {}
    }
}

fn detach(child: &mut Expr, pending: &mut Vec<Expr>) {
    if continues_chain(&child.kind) {
        let placeholder = Expr {
            range: TextRange::default(),
            kind: ExprKind::Constant {
                value: Constant::None,
                kind: None,
            },
        };
        pending.push(std::mem::replace(child, placeholder));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{ExprContext, Identifier, Operator, UnaryOp};

    fn name() -> Expr {
        Expr::new(
            TextRange::new(0, 1),
            ExprKind::Name {
                id: Identifier::from("a"),
                ctx: ExprContext::Load,
            },
        )
    }

    #[test]
    fn dropping_a_million_long_chain_does_not_overflow_the_stack() {
        let mut expr = name();
        for i in 0..1_000_000 {
            let kind = match i % 6 {
                0 => ExprKind::BinOp {
                    left: Box::new(expr),
                    op: Operator::Add,
                    right: Box::new(name()),
                },
                1 => ExprKind::Attribute {
                    value: Box::new(expr),
                    attr: Identifier::from("b"),
                    ctx: ExprContext::Load,
                },
                2 => ExprKind::Subscript {
                    value: Box::new(expr),
                    slice: Box::new(name()),
                    ctx: ExprContext::Load,
                },
                3 => ExprKind::Call {
                    func: Box::new(expr),
                    args: Vec::new(),
                    keywords: Vec::new(),
                },
                4 => ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(expr),
                },
                _ => ExprKind::IfExp {
                    test: Box::new(name()),
                    body: Box::new(name()),
                    orelse: Box::new(expr),
                },
            };
            expr = Expr::new(TextRange::new(0, 1), kind);
        }
        // Runs on the test thread's small (2 MiB) stack: recursion would abort.
        drop(expr);
    }
}
