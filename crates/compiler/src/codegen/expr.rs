//! Expressions: names, constants, operators (binary chains compiled
//! iteratively), comparisons, boolean short-circuits, displays with
//! unpacking, subscripts and slices, attributes, f-strings and t-strings,
//! `yield`, `yield from`, `await` and assignment targets.

use krait_syntax::ast::{BoolOp, CmpOp, Conversion, Expr, ExprContext, ExprKind, UnaryOp};

use super::error::{CResult, Pending, syntax};
use super::instr::Label;
use super::stmt::binary_oparg;
use super::unit::{Compiler, NameCtx};
use crate::bytecode::{ConstantValue, Opcode, PseudoOpcode};
use crate::symtable::BlockKind;

/// Above this many items, displays are built incrementally (CPython's
/// `STACK_USE_GUIDELINE`).
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// What kind of collection a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Collection {
    List,
    Tuple,
    Set,
}

/// `COMPARE_OP`/`IS_OP`/`CONTAINS_OP` for a comparison operator.
pub(crate) fn compare_instr(op: CmpOp) -> (Opcode, u32) {
    match op {
        CmpOp::Lt => (Opcode::COMPARE_OP, 2),
        CmpOp::LtE => (Opcode::COMPARE_OP, (1 << 5) | 2 | 8),
        CmpOp::Eq => (Opcode::COMPARE_OP, (2 << 5) | 8),
        CmpOp::NotEq => (Opcode::COMPARE_OP, (3 << 5) | 1 | 2 | 4),
        CmpOp::Gt => (Opcode::COMPARE_OP, (4 << 5) | 4),
        CmpOp::GtE => (Opcode::COMPARE_OP, (5 << 5) | 4 | 8),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

impl<'a> Compiler<'a> {
    /// Compiles an expression (value on the stack for loads; stores and
    /// deletes consume what their context needs).
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_recursion()?;
        let saved = self.set_loc(e.range);
        let result = krait_syntax::stack::grow(|| self.expr_inner(e));
        self.u().loc = saved;
        self.leave_recursion();
        result
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let cond = matches!(op, BoolOp::Or);
                let (last, init) = values
                    .split_last()
                    .ok_or_else(|| Pending::Internal("empty boolean operation".into()))?;
                for value in init {
                    self.expr(value)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::COPY, 1);
                    self.emit(Opcode::TO_BOOL, 0);
                    self.pop_jump_if(cond, end);
                    self.emit(Opcode::POP_TOP, 0);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::COPY, 1);
                self.expr(target)?;
            }
            ExprKind::BinOp { .. } => {
                // Left-deep chains iteratively: collect the spine, fold the
                // longest constant prefix in one pass, then emit the rest.
                let mut spine = Vec::new();
                let mut node = e;
                while let ExprKind::BinOp { left, op, right } = &node.kind {
                    spine.push((node, *op, &**right));
                    node = left;
                }
                spine.reverse();
                let mut folded = self.constant_of(node);
                let mut done = 0usize;
                if folded.is_some() {
                    for (_, op, right) in &spine {
                        let next = match (&folded, self.constant_of(right)) {
                            (Some(left), Some(right)) => super::fold::fold_binop(*op, left, &right),
                            _ => None,
                        };
                        match next {
                            Some(value) => {
                                folded = Some(value);
                                done += 1;
                            }
                            None => break,
                        }
                    }
                }
                match folded {
                    Some(value) => {
                        let folded_expr = match done.checked_sub(1).and_then(|i| spine.get(i)) {
                            Some((whole, _, _)) => *whole,
                            None => node,
                        };
                        self.load_folded(&[folded_expr], value);
                    }
                    None => self.expr(node)?,
                }
                for (whole, op, right) in spine.into_iter().skip(done) {
                    self.expr(right)?;
                    self.set_loc(whole.range);
                    self.emit(Opcode::BINARY_OP, binary_oparg(op));
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(value) = self.constant_of(e) {
                    self.load_folded(&[e], value);
                    return Ok(());
                }
                self.expr(operand)?;
                self.set_loc(e.range);
                match op {
                    UnaryOp::Not => {
                        self.emit(Opcode::TO_BOOL, 0);
                        self.emit(Opcode::UNARY_NOT, 0);
                    }
                    UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0),
                    UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0),
                    UnaryOp::UAdd => self.emit(Opcode::CALL_INTRINSIC_1, 5),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, false, next)?;
                self.expr(body)?;
                self.emit_jump(PseudoOpcode::JUMP, end);
                self.bind(next);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set { elts } => self.collection(elts, Collection::Set)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Await { value } => {
                self.check_await(e)?;
                self.expr(value)?;
                self.set_loc(e.range);
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_none();
                self.yield_from(true)?;
            }
            ExprKind::Yield { value } => {
                let block = self.table.block(self.ur().block);
                if !block.is_function_like() {
                    return syntax("'yield' outside function", e.range);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.set_loc(e.range);
                self.emit_yield();
            }
            ExprKind::YieldFrom { value } => {
                let block = self.table.block(self.ur().block);
                if !block.is_function_like() {
                    return syntax("'yield' outside function", e.range);
                }
                if block.coroutine
                    && block.kind == BlockKind::Function
                    && block.comprehension == Default::default()
                {
                    return syntax("'yield from' inside async function", e.range);
                }
                self.expr(value)?;
                self.set_loc(e.range);
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_none();
                self.yield_from(false)?;
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(e, left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                self.set_loc(e.range);
                if let Some(c) = conversion_oparg(*conversion) {
                    self.emit(Opcode::CONVERT_VALUE, c);
                }
                match format_spec {
                    Some(spec) => {
                        self.expr(spec)?;
                        self.emit(Opcode::FORMAT_WITH_SPEC, 0);
                    }
                    None => self.emit(Opcode::FORMAT_SIMPLE, 0),
                }
            }
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                self.set_loc(e.range);
                self.load_const(ConstantValue::Str((&**str).into()));
                let mut oparg = conversion_oparg(*conversion).unwrap_or(0) << 2;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    oparg |= 1;
                }
                self.emit(Opcode::BUILD_INTERPOLATION, oparg);
            }
            ExprKind::JoinedStr { values } => {
                if values.is_empty() {
                    self.load_const(ConstantValue::Str("".into()));
                } else if values.len() == 1 {
                    self.expr(&values[0])?;
                } else if values.len() > STACK_USE_GUIDELINE {
                    // ''.join([...])
                    self.load_const(ConstantValue::Str("".into()));
                    let join = self.name_index("join");
                    self.emit(Opcode::LOAD_ATTR, (join << 1) | 1);
                    self.emit(Opcode::BUILD_LIST, 0);
                    for value in values {
                        self.expr(value)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::CALL, 1);
                } else {
                    for value in values {
                        self.expr(value)?;
                    }
                    self.set_loc(e.range);
                    self.emit(Opcode::BUILD_STRING, values.len() as u32);
                }
            }
            ExprKind::TemplateStr { values } => self.template_str(values)?,
            ExprKind::Constant { value, .. } => {
                self.load_const(super::fold::literal(value));
            }
            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == ExprContext::Store {
                    self.maybe_static_attribute(value, attr);
                }
                if *ctx == ExprContext::Load && self.try_super_attr(e, value, attr, false)? {
                    return Ok(());
                }
                self.expr(value)?;
                self.set_loc(e.range);
                let index = self.mangled_name_index(attr);
                match ctx {
                    ExprContext::Load => self.emit(Opcode::LOAD_ATTR, index << 1),
                    ExprContext::Store => self.emit(Opcode::STORE_ATTR, index),
                    ExprContext::Del => self.emit(Opcode::DELETE_ATTR, index),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                if *ctx != ExprContext::Del
                    && let Some((lower, upper)) = self.two_part_slice(slice)
                {
                    self.slice_part(lower)?;
                    self.slice_part(upper)?;
                    self.set_loc(e.range);
                    if *ctx == ExprContext::Load {
                        self.emit(Opcode::BINARY_SLICE, 0);
                    } else {
                        self.emit(Opcode::STORE_SLICE, 0);
                    }
                    return Ok(());
                }
                self.expr(slice)?;
                self.set_loc(e.range);
                match ctx {
                    ExprContext::Load => self.emit(Opcode::BINARY_OP, 26),
                    ExprContext::Store => self.emit(Opcode::STORE_SUBSCR, 0),
                    ExprContext::Del => self.emit(Opcode::DELETE_SUBSCR, 0),
                }
            }
            ExprKind::Starred { value, ctx } => {
                return match ctx {
                    ExprContext::Store => syntax(
                        "starred assignment target must be in a list or tuple",
                        e.range,
                    ),
                    _ => {
                        let _ = value;
                        syntax("can't use starred expression here", e.range)
                    }
                };
            }
            ExprKind::Name { id, ctx } => {
                let ctx = match ctx {
                    ExprContext::Load => NameCtx::Load,
                    ExprContext::Store => NameCtx::Store,
                    ExprContext::Del => NameCtx::Del,
                };
                self.name_op(id, ctx);
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let kind = if matches!(e.kind, ExprKind::List { .. }) {
                    Collection::List
                } else {
                    Collection::Tuple
                };
                match ctx {
                    ExprContext::Load => {
                        if kind == Collection::Tuple
                            && let Some(value) = self.constant_of(e)
                        {
                            self.load_folded(&[e], value);
                        } else {
                            self.collection(elts, kind)?;
                        }
                    }
                    ExprContext::Store => self.unpack(e, elts)?,
                    ExprContext::Del => {
                        for elt in elts {
                            self.expr(elt)?;
                        }
                    }
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                let parts = [lower, upper, step];
                let consts: Option<Vec<ConstantValue>> = parts
                    .iter()
                    .map(|p| match p {
                        Some(x) => self.constant_of(x),
                        None => Some(ConstantValue::None),
                    })
                    .collect();
                if let Some(c) = consts
                    && let [a, b, s] = <[ConstantValue; 3]>::try_from(c)
                        .map_err(|_| Pending::Internal("slice".into()))?
                {
                    self.load_const(ConstantValue::Slice(Box::new([a, b, s])));
                    return Ok(());
                }
                self.slice_part(lower.as_deref())?;
                self.slice_part(upper.as_deref())?;
                if let Some(step) = step {
                    self.expr(step)?;
                    self.set_loc(e.range);
                    self.emit(Opcode::BUILD_SLICE, 3);
                } else {
                    self.set_loc(e.range);
                    self.emit(Opcode::BUILD_SLICE, 2);
                }
            }
        }
        Ok(())
    }

    /// `x[a:b]` without a step and not all constant: the two bounds for
    /// `BINARY_SLICE`/`STORE_SLICE`.
    pub fn two_part_slice(&self, slice: &'a Expr) -> Option<(Option<&'a Expr>, Option<&'a Expr>)> {
        match &slice.kind {
            ExprKind::Slice {
                lower,
                upper,
                step: None,
            } => {
                let all_const = lower
                    .as_deref()
                    .is_none_or(|x| self.constant_of(x).is_some())
                    && upper
                        .as_deref()
                        .is_none_or(|x| self.constant_of(x).is_some());
                if all_const {
                    None
                } else {
                    Some((lower.as_deref(), upper.as_deref()))
                }
            }
            _ => None,
        }
    }

    /// One bound of a slice (`None` when absent).
    pub fn slice_part(&mut self, part: Option<&'a Expr>) -> CResult {
        match part {
            Some(x) => self.expr(x),
            None => {
                self.load_none();
                Ok(())
            }
        }
    }

    fn check_await(&self, e: &Expr) -> CResult {
        let block = self.table.block(self.ur().block);
        let in_async_comprehension = block.comprehension != Default::default() && block.coroutine;
        if !block.is_function_like() {
            return syntax("'await' outside function", e.range);
        }
        if !block.coroutine && !in_async_comprehension {
            if block.kind == BlockKind::Function && block.comprehension == Default::default() {
                return syntax("'await' outside async function", e.range);
            }
            return syntax(
                "asynchronous comprehension outside of an asynchronous function",
                e.range,
            );
        }
        Ok(())
    }

    /// `YIELD_VALUE` after wrapping for async generators, then `RESUME 1`.
    pub fn emit_yield(&mut self) {
        let block = self.table.block(self.ur().block);
        if block.generator && block.coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, 4);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    /// The `SEND` loop of `yield from` and `await`; returns the label of
    /// the `SEND` (for `END_ASYNC_FOR`).
    pub fn yield_from(&mut self, is_await: bool) -> CResult<Label> {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Opcode::SEND, exit);
        self.emit_jump(PseudoOpcode::SETUP_FINALLY, fail);
        self.emit(Opcode::YIELD_VALUE, 1);
        self.emit_pseudo(PseudoOpcode::POP_BLOCK, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(PseudoOpcode::JUMP_NO_INTERRUPT, send);
        self.bind(fail);
        self.emit(Opcode::CLEANUP_THROW, 0);
        self.bind(exit);
        self.emit(Opcode::END_SEND, 0);
        Ok(send)
    }

    fn compare(
        &mut self,
        e: &'a Expr,
        left: &'a Expr,
        ops: &'a [CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.set_loc(e.range);
            let (op, arg) = compare_instr(ops[0]);
            self.emit(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        let n = ops.len();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.set_loc(e.range);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            let (op, arg) = compare_instr(ops[i]);
            self.emit(op, arg);
            self.emit(Opcode::COPY, 1);
            self.emit(Opcode::TO_BOOL, 0);
            self.pop_jump_if(false, cleanup);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.expr(&comparators[n - 1])?;
        self.set_loc(e.range);
        let (op, arg) = compare_instr(ops[n - 1]);
        self.emit(op, arg);
        self.emit_jump(PseudoOpcode::JUMP, end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// List, tuple and set displays, with `*` unpacking.
    pub fn collection(&mut self, elts: &'a [Expr], kind: Collection) -> CResult {
        let starred = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        let (build, add, extend) = match kind {
            Collection::List | Collection::Tuple => {
                (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND)
            }
            Collection::Set => (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
        };
        if !starred && elts.len() <= STACK_USE_GUIDELINE {
            for elt in elts {
                self.expr(elt)?;
            }
            let op = match kind {
                Collection::List => Opcode::BUILD_LIST,
                Collection::Tuple => Opcode::BUILD_TUPLE,
                Collection::Set => Opcode::BUILD_SET,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        // Items before the first starred one go into the initial build.
        let prefix = elts
            .iter()
            .take_while(|x| !matches!(x.kind, ExprKind::Starred { .. }))
            .count()
            .min(STACK_USE_GUIDELINE);
        for elt in &elts[..prefix] {
            self.expr(elt)?;
        }
        self.emit(build, prefix as u32);
        for elt in &elts[prefix..] {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                self.expr(value)?;
                self.emit(extend, 1);
            } else {
                self.expr(elt)?;
                self.emit(add, 1);
            }
        }
        if kind == Collection::Tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, 6);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let mut have_dict = false;
        let mut pending = 0u32;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    pending += 1;
                    if pending as usize >= STACK_USE_GUIDELINE / 2 {
                        self.flush_pairs(&mut pending, &mut have_dict);
                    }
                }
                None => {
                    self.flush_pairs(&mut pending, &mut have_dict);
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(value)?;
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
            }
        }
        if pending > 0 || !have_dict {
            self.flush_pairs(&mut pending, &mut have_dict);
            if !have_dict {
                self.emit(Opcode::BUILD_MAP, 0);
            }
        }
        Ok(())
    }

    fn flush_pairs(&mut self, pending: &mut u32, have_dict: &mut bool) {
        if *pending == 0 {
            return;
        }
        self.emit(Opcode::BUILD_MAP, *pending);
        if *have_dict {
            self.emit(Opcode::DICT_UPDATE, 1);
        }
        *have_dict = true;
        *pending = 0;
    }

    /// Unpacks the value on the stack into a tuple or list target.
    fn unpack(&mut self, e: &'a Expr, elts: &'a [Expr]) -> CResult {
        let mut star: Option<usize> = None;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.kind, ExprKind::Starred { .. }) {
                if star.is_some() {
                    return syntax("multiple starred expressions in assignment", e.range);
                }
                star = Some(i);
            }
        }
        self.set_loc(e.range);
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return syntax("too many expressions in star-unpacking assignment", e.range);
                }
                self.emit(Opcode::UNPACK_EX, (i as u32) | ((after as u32) << 8));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, elts.len() as u32),
        }
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(elt)?,
            }
        }
        Ok(())
    }

    fn template_str(&mut self, values: &'a [Expr]) -> CResult {
        let mut strings: Vec<ConstantValue> = Vec::new();
        let mut interpolations: Vec<&'a Expr> = Vec::new();
        let mut last_was_string = false;
        for value in values {
            match &value.kind {
                ExprKind::Constant { value: c, .. } => {
                    let text = match super::fold::literal(c) {
                        ConstantValue::Str(s) => s,
                        _ => "".into(),
                    };
                    if last_was_string && let Some(ConstantValue::Str(prev)) = strings.last_mut() {
                        prev.push_wtf8(&text);
                    } else {
                        strings.push(ConstantValue::Str(text));
                    }
                    last_was_string = true;
                }
                _ => {
                    if !last_was_string {
                        strings.push(ConstantValue::Str("".into()));
                    }
                    interpolations.push(value);
                    last_was_string = false;
                }
            }
        }
        if !last_was_string {
            strings.push(ConstantValue::Str("".into()));
        }
        self.load_const(ConstantValue::Tuple(strings));
        for value in &interpolations {
            self.expr(value)?;
        }
        self.emit(Opcode::BUILD_TUPLE, interpolations.len() as u32);
        self.emit(Opcode::BUILD_TEMPLATE, 0);
        Ok(())
    }

    /// Records `self.x = ...` in a method for the class's
    /// `__static_attributes__`.
    fn maybe_static_attribute(&mut self, value: &Expr, attr: &str) {
        let ExprKind::Name { id, .. } = &value.kind else {
            return;
        };
        if id.as_str() != "self" {
            return;
        }
        let n = self.units.len();
        for i in (0..n.saturating_sub(1)).rev() {
            if self.units[i].kind == BlockKind::Class {
                let list = &mut self.units[i].static_attributes;
                if !list.iter().any(|a| a == attr) {
                    list.push(attr.to_owned());
                }
                break;
            }
        }
    }
}

/// `CONVERT_VALUE` oparg of a conversion (`None` for none).
pub(crate) fn conversion_oparg(conversion: Conversion) -> Option<u32> {
    match conversion {
        Conversion::None => None,
        Conversion::Str => Some(1),
        Conversion::Repr => Some(2),
        Conversion::Ascii => Some(3),
    }
}
