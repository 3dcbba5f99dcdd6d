//! Calls: `CALL`, `CALL_KW` and `CALL_FUNCTION_EX` with every argument
//! form, method calls through `LOAD_ATTR`'s method bit (or
//! `LOAD_SUPER_ATTR`'s, see `super_call`), and the
//! "keyword argument repeated" check.

use std::collections::HashSet;

use krait_syntax::TextRange;
use krait_syntax::ast::{Expr, ExprContext, ExprKind, Keyword};

use super::error::{CResult, syntax};
use super::expr::STACK_USE_GUIDELINE;
use super::unit::Compiler;
use crate::bytecode::{ConstantValue, Opcode};

impl<'a> Compiler<'a> {
    /// A call expression.
    pub fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let simple = !args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none())
            && args.len() + keywords.len() <= STACK_USE_GUIDELINE;
        match &func.kind {
            ExprKind::Attribute {
                value,
                attr,
                ctx: ExprContext::Load,
            } if simple => {
                if !self.try_super_attr(func, value, attr, true)? {
                    self.expr(value)?;
                    self.set_loc(func.range);
                    let index = self.mangled_name_index(attr);
                    self.emit(Opcode::LOAD_ATTR, (index << 1) | 1);
                }
            }
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            } => {
                self.set_loc(func.range);
                self.load_name_for_call(id);
            }
            _ => {
                self.expr(func)?;
                self.emit(Opcode::PUSH_NULL, 0);
            }
        }
        self.call_helper(e.range, 0, args, keywords)
    }

    /// "keyword argument repeated: x".
    pub fn validate_keywords(&self, keywords: &[Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for keyword in keywords {
            if let Some(name) = &keyword.arg
                && !seen.insert(name.as_str())
            {
                return syntax(format!("keyword argument repeated: {name}"), keyword.range);
            }
        }
        Ok(())
    }

    /// Arguments and the call instruction; `n` arguments are already on
    /// the stack (a class's function and name).
    pub fn call_helper(
        &mut self,
        range: TextRange,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.call_helper_injected(range, n, args, keywords, None)
    }

    /// [`Compiler::call_helper`] with an extra positional argument loaded
    /// by name after `args` (a generic class's `.generic_base`).
    pub fn call_helper_injected(
        &mut self,
        range: TextRange,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        injected: Option<&str>,
    ) -> CResult {
        let injected_count = u32::from(injected.is_some());
        let needs_ex = args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() + n as usize > STACK_USE_GUIDELINE;
        if !needs_ex {
            for arg in args {
                self.expr(arg)?;
            }
            if let Some(name) = injected {
                self.name_op(name, super::unit::NameCtx::Load);
            }
            let total = n + args.len() as u32 + injected_count;
            if keywords.is_empty() {
                self.set_loc(range);
                self.emit(Opcode::CALL, total);
            } else {
                let mut names = Vec::with_capacity(keywords.len());
                for keyword in keywords {
                    self.expr(&keyword.value)?;
                    if let Some(name) = &keyword.arg {
                        names.push(ConstantValue::Str(name.as_str().into()));
                    }
                }
                self.set_loc(range);
                self.load_const(ConstantValue::Tuple(names));
                self.emit(Opcode::CALL_KW, total + keywords.len() as u32);
            }
            return Ok(());
        }
        // Positional arguments as one tuple.
        if n == 0
            && injected.is_none()
            && args.len() == 1
            && let ExprKind::Starred { value, .. } = &args[0].kind
        {
            self.expr(value)?;
        } else if n > 0 || !args.is_empty() || injected.is_some() {
            self.emit(Opcode::BUILD_LIST, n);
            for arg in args {
                if let ExprKind::Starred { value, .. } = &arg.kind {
                    self.expr(value)?;
                    self.emit(Opcode::LIST_EXTEND, 1);
                } else {
                    self.expr(arg)?;
                    self.emit(Opcode::LIST_APPEND, 1);
                }
            }
            if let Some(name) = injected {
                self.name_op(name, super::unit::NameCtx::Load);
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL_INTRINSIC_1, 6);
        } else {
            self.load_const(ConstantValue::Tuple(Vec::new()));
        }
        // Keyword arguments as one dict (or NULL).
        if keywords.is_empty() {
            self.emit(Opcode::PUSH_NULL, 0);
        } else {
            let mut have_dict = false;
            let mut pending = 0u32;
            for keyword in keywords {
                match &keyword.arg {
                    Some(name) => {
                        self.load_const(ConstantValue::Str(name.as_str().into()));
                        self.expr(&keyword.value)?;
                        pending += 1;
                    }
                    None => {
                        if pending > 0 {
                            self.emit(Opcode::BUILD_MAP, pending);
                            if have_dict {
                                self.emit(Opcode::DICT_MERGE, 1);
                            }
                            have_dict = true;
                            pending = 0;
                        }
                        if !have_dict {
                            self.emit(Opcode::BUILD_MAP, 0);
                            have_dict = true;
                        }
                        self.expr(&keyword.value)?;
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                }
            }
            if pending > 0 {
                self.emit(Opcode::BUILD_MAP, pending);
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.set_loc(range);
        self.emit(Opcode::CALL_FUNCTION_EX, 0);
        Ok(())
    }
}
