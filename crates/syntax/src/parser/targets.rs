//! Assignment and deletion targets: parsing `star_targets` (for `for`
//! loops, comprehensions and `with ... as`), switching parsed expressions to
//! Store or Del context, and CPython's messages for invalid targets.

use super::expressions::expr_name;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::tokenizer::TokenKind as K;

/// Which kind of target list is being checked (CPython's TARGETS_TYPE).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// `=` assignment targets.
    Star,
    /// `for` loop and comprehension targets.
    For,
    /// `del` targets.
    Del,
}

impl Parser<'_> {
    /// `star_targets`: targets separated by commas, a tuple if a comma occurs.
    pub(crate) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target()?;
        if !self.at(K::Comma) {
            return self.to_target(first, TargetKind::For);
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if !matches!(self.kind(), K::Star | K::Name | K::Lpar | K::Lsqb) {
                break;
            }
            elts.push(self.star_target()?);
        }
        let tuple = Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        );
        self.to_target(tuple, TargetKind::For)
    }

    fn star_target(&mut self) -> PResult<Expr> {
        if self.at(K::Star) {
            return self.starred(|p| p.star_target());
        }
        self.primary()
    }

    /// Switches `expr` to Store context, or fails with CPython's message.
    pub(crate) fn to_target(&self, mut expr: Expr, kind: TargetKind) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&expr, kind) {
            let name = expr_name(bad);
            let msg = match kind {
                TargetKind::Del => format!("cannot delete {name}"),
                TargetKind::Star | TargetKind::For => {
                    format!("cannot assign to {name}")
                }
            };
            let range = bad.range;
            return Err(self.error_at(range, msg));
        }
        let ctx = if kind == TargetKind::Del {
            ExprContext::Del
        } else {
            ExprContext::Store
        };
        set_context(&mut expr, ctx);
        Ok(expr)
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that
/// cannot be a target, if any.
pub(crate) fn invalid_target(expr: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &expr.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|e| invalid_target(e, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(expr)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For && ops.first() == Some(&crate::ast::CmpOp::In) {
                invalid_target(left, kind)
            } else {
                Some(expr)
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(expr),
    }
}

/// Sets the context of a (valid) target tree.
pub(crate) fn set_context(expr: &mut Expr, new_ctx: ExprContext) {
    match &mut expr.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new_ctx,
        ExprKind::Starred { value, ctx } => {
            *ctx = new_ctx;
            set_context(value, new_ctx);
        }
        ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
            *ctx = new_ctx;
            for elt in elts {
                set_context(elt, new_ctx);
            }
        }
        _ => {}
    }
}
