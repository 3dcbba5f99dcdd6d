//! `match` statements (PEP 634), as CPython's `codegen_match`: the subject
//! stays on the stack while each case's pattern runs; captured values are
//! kept under the items still being matched and stored only when the
//! whole pattern (and guard) matched; failure jumps to a ladder of
//! `POP_TOP`s that pops exactly what the failing point had pushed. Also
//! the pattern `SyntaxError`s CPython's code generator raises.

use std::collections::HashSet;

use krait_syntax::TextRange;
use krait_syntax::ast::{Expr, ExprKind, MatchCase, Pattern, PatternKind, Singleton, Stmt};

use super::error::{CResult, Pending, syntax};
use super::instr::Label;
use super::unit::{Compiler, NameCtx};
use crate::bytecode::{ConstantValue, Opcode, PseudoOpcode};

/// State of one case's pattern (CPython's `pattern_context`).
struct PatternContext {
    /// Names captured so far, in stack order.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items and continues to the next case.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that must stay above captures.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...`.
    pub fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> CResult {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1
            && cases
                .last()
                .is_some_and(|c| is_wildcard(&c.pattern) && c.guard.is_none());
        let looped = n - usize::from(has_default);
        for (i, case) in cases[..looped].iter().enumerate() {
            self.set_loc(case.pattern.range);
            if i + 1 != looped {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == n,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in &pc.stores {
                self.name_op(name, NameCtx::Store);
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, false, pc.fail_pop[0])?;
            }
            if i + 1 != looped {
                self.set_loc(case.pattern.range);
                self.emit(Opcode::POP_TOP, 0);
            }
            self.body(&case.body)?;
            self.emit_jump(PseudoOpcode::JUMP, end);
            self.set_loc(case.pattern.range);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default && let Some(case) = cases.last() {
            self.set_loc(case.pattern.range);
            self.emit(Opcode::NOP, 0);
            self.body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() <= n {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    fn jump_to_fail_pop(
        &mut self,
        pc: &mut PatternContext,
        op: impl Into<crate::bytecode::AnyOpcode>,
    ) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let op = op.into();
        self.emit_jump(op, pc.fail_pop[pops]);
        if op != PseudoOpcode::JUMP.into() {
            self.emit(Opcode::NOT_TAKEN, 0);
        }
    }

    /// `TO_BOOL` and a jump to the failure ladder when false.
    fn fail_if_false(&mut self, pc: &mut PatternContext) {
        self.emit(Opcode::TO_BOOL, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
        range: TextRange,
    ) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return syntax(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_owned());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let result = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        result
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.enter_recursion()?;
        let saved = self.set_loc(p.range);
        let result = krait_syntax::stack::grow(|| self.pattern_inner(p, pc));
        self.u().loc = saved;
        self.leave_recursion();
        result
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.set_loc(p.range);
                self.emit(Opcode::COMPARE_OP, (2 << 5) | 8);
                self.fail_if_false(pc);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(match value {
                    Singleton::None => ConstantValue::None,
                    Singleton::True => ConstantValue::Bool(true),
                    Singleton::False => ConstantValue::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match name {
                            Some(name) => syntax(
                                format!(
                                    "name capture '{name}' makes remaining patterns unreachable"
                                ),
                                p.range,
                            ),
                            None => {
                                syntax("wildcard makes remaining patterns unreachable", p.range)
                            }
                        };
                    }
                    self.store_capture(name.as_deref(), pc, p.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.set_loc(p.range);
                    self.store_capture(name.as_deref(), pc, p.range)?;
                }
            },
            PatternKind::MatchStar { name } => {
                self.store_capture(name.as_deref(), pc, p.range)?;
            }
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(p, patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut seen = HashSet::new();
                for (attr, kp) in kwd_attrs.iter().zip(kwd_patterns) {
                    if !seen.insert(attr.as_str()) {
                        return syntax(
                            format!("attribute name repeated in class pattern: {attr}"),
                            kp.range,
                        );
                    }
                }
                self.expr(cls)?;
                self.set_loc(p.range);
                let names = kwd_attrs
                    .iter()
                    .map(|a| ConstantValue::Str(a.as_str().into()))
                    .collect();
                self.load_const(ConstantValue::Tuple(names));
                let nargs = patterns.len();
                let total = nargs + kwd_attrs.len();
                self.emit(Opcode::MATCH_CLASS, nargs as u32);
                self.emit(Opcode::COPY, 1);
                self.load_none();
                self.emit(Opcode::IS_OP, 1);
                pc.on_top += 1;
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                self.emit(Opcode::UNPACK_SEQUENCE, total as u32);
                pc.on_top += total;
                pc.on_top -= 1;
                for sub in patterns.iter().chain(kwd_patterns) {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.set_loc(p.range);
                        self.emit(Opcode::POP_TOP, 0);
                        continue;
                    }
                    self.subpattern(sub, pc)?;
                }
            }
            PatternKind::MatchOr { patterns } => self.or_pattern(p, patterns, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, sub) in patterns.iter().enumerate() {
            if matches!(sub.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return syntax("multiple starred names in sequence pattern", p.range);
                }
                star_wildcard = is_star_wildcard(sub);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sub);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(ConstantValue::Int(size as i64));
                self.emit(Opcode::COMPARE_OP, (2 << 5) | 8);
                self.fail_if_false(pc);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(ConstantValue::Int(size as i64 - 1));
                self.emit(Opcode::COMPARE_OP, (5 << 5) | 4 | 8);
                self.fail_if_false(pc);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, sub) in patterns.iter().enumerate() {
                if is_wildcard(sub) || i == star {
                    continue;
                }
                self.set_loc(p.range);
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(ConstantValue::Int(i as i64));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(ConstantValue::Int((size - i) as i64));
                    self.emit(Opcode::BINARY_OP, 10);
                }
                self.emit(Opcode::BINARY_OP, 26);
                self.subpattern(sub, pc)?;
            }
            pc.on_top -= 1;
            self.set_loc(p.range);
            self.emit(Opcode::POP_TOP, 0);
        } else {
            match star {
                Some(i) => {
                    let after = size - i - 1;
                    if i >= 256 || after >= (1 << 24) {
                        return syntax(
                            "too many expressions in star-unpacking sequence pattern",
                            p.range,
                        );
                    }
                    self.emit(Opcode::UNPACK_EX, (i as u32) | ((after as u32) << 8));
                }
                None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for sub in patterns {
                pc.on_top -= 1;
                self.subpattern(sub, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        if size != patterns.len() {
            return Err(Pending::Internal("mapping pattern length mismatch".into()));
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(ConstantValue::Int(size as i64));
            self.emit(Opcode::COMPARE_OP, (5 << 5) | 4 | 8);
            self.fail_if_false(pc);
        }
        let mut seen: Vec<ConstantValue> = Vec::new();
        for key in keys {
            match self.constant_of(key) {
                Some(value) if !matches!(key.kind, ExprKind::Attribute { .. }) => {
                    if seen.iter().any(|s| keys_equal(s, &value)) {
                        return syntax(
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                super::dis::const_repr(&value)
                            ),
                            p.range,
                        );
                    }
                    seen.push(value);
                }
                _ => {
                    let literal_like = matches!(
                        key.kind,
                        ExprKind::Attribute { .. }
                            | ExprKind::Constant { .. }
                            | ExprKind::UnaryOp { .. }
                            | ExprKind::BinOp { .. }
                            | ExprKind::JoinedStr { .. }
                    );
                    if !literal_like {
                        return syntax(
                            "mapping pattern keys may only match literals and attribute lookups",
                            key.range,
                        );
                    }
                }
            }
            self.expr(key)?;
        }
        self.set_loc(p.range);
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_none();
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for sub in patterns {
            pc.on_top -= 1;
            self.subpattern(sub, pc)?;
        }
        pc.on_top -= 2;
        self.set_loc(p.range);
        match rest {
            Some(rest) => {
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                let mut remaining = size;
                while remaining > 0 {
                    self.emit(Opcode::COPY, 1 + remaining as u32);
                    remaining -= 1;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.store_capture(Some(rest), pc, p.range)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let end = self.new_label();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        let n = patterns.len();
        for (i, alt) in patterns.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == n && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.set_loc(alt.range);
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) => {
                    if control.len() != pc.stores.len() {
                        return syntax("alternative patterns bind different names", p.range);
                    }
                    for icontrol in (0..control.len()).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return syntax("alternative patterns bind different names", p.range);
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, item) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, item);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.set_loc(alt.range);
            self.emit_jump(PseudoOpcode::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.set_loc(p.range);
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, PseudoOpcode::JUMP);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in &control {
            self.rotate(nrots);
            if pc.stores.iter().any(|s| s == name) {
                return syntax(
                    format!("multiple assignments to name '{name}' in pattern"),
                    p.range,
                );
            }
            pc.stores.push(name.clone());
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

/// Whether two mapping keys are equal as Python compares them (`1 == 1.0
/// == True`).
fn keys_equal(a: &ConstantValue, b: &ConstantValue) -> bool {
    use ConstantValue as C;
    let num = |c: &C| match c {
        C::Int(i) => Some(*i as f64),
        C::Bool(v) => Some(f64::from(u8::from(*v))),
        C::Float(f) => Some(*f),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.same_constant(b),
    }
}
