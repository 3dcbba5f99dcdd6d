//! Constant folding, as far as CPython 3.14 folds: literals, tuples of
//! constants, unary minus and `~` on numbers, and binary operators on
//! numbers, strings and bytes within CPython's size limits (results that
//! would be large are left to run time). [`Compiler::load_folded`] numbers
//! the constants as CPython does, whose flow-graph pass folds after code
//! generation: the literals take slots first, the folded values after all
//! other constants.

use krait_syntax::ast::{Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp};

use super::unit::{Compiler, Unit};
use crate::bytecode::{AnyOpcode, ConstantValue, Opcode};

/// Longest string or bytes constant folding may produce (CPython's
/// `MAX_STR_SIZE`).
const MAX_STR_SIZE: usize = 4096;

/// The constant of a literal node.
pub(crate) fn literal(value: &Constant) -> ConstantValue {
    match value {
        Constant::None => ConstantValue::None,
        Constant::True => ConstantValue::Bool(true),
        Constant::False => ConstantValue::Bool(false),
        Constant::Ellipsis => ConstantValue::Ellipsis,
        Constant::Int(i) => ConstantValue::Int(*i),
        Constant::BigInt(big) => ConstantValue::BigInt {
            negative: false,
            magnitude: big.clone(),
        },
        Constant::Float(f) => ConstantValue::Float(*f),
        Constant::Complex(imag) => ConstantValue::Complex {
            real: 0.0,
            imag: *imag,
        },
        Constant::Str(s) => ConstantValue::Str(s.clone()),
        Constant::Bytes(b) => ConstantValue::Bytes(b.clone()),
    }
}

fn floor_div(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

fn floor_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// Folds `left op right` when CPython would (numbers, strings and bytes
/// within size limits; never tuples).
pub(crate) fn fold_binop(
    op: Operator,
    left: &ConstantValue,
    right: &ConstantValue,
) -> Option<ConstantValue> {
    if matches!(left, ConstantValue::Tuple(_)) || matches!(right, ConstantValue::Tuple(_)) {
        return None;
    }
    binop(op, left, right)
}

fn binop(op: Operator, left: &ConstantValue, right: &ConstantValue) -> Option<ConstantValue> {
    use ConstantValue as C;
    let int_of = |c: &C| match c {
        C::Int(i) => Some(*i),
        C::Bool(b) => Some(i64::from(*b)),
        _ => None,
    };
    if let (C::Bool(a), C::Bool(b)) = (left, right) {
        // `bool`'s own `&`, `|`, `^` keep the type.
        match op {
            Operator::BitAnd => return Some(C::Bool(a & b)),
            Operator::BitOr => return Some(C::Bool(a | b)),
            Operator::BitXor => return Some(C::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (int_of(left), int_of(right)) {
        let value = match op {
            Operator::Add => a.checked_add(b)?,
            Operator::Sub => a.checked_sub(b)?,
            Operator::Mult => a.checked_mul(b)?,
            Operator::FloorDiv => floor_div(a, b)?,
            Operator::Mod => floor_mod(a, b)?,
            Operator::Pow => {
                let exp = u32::try_from(b).ok()?;
                if exp > 128 {
                    return None;
                }
                a.checked_pow(exp)?
            }
            Operator::LShift => {
                let shift = u32::try_from(b).ok()?;
                if shift >= 63 {
                    return None;
                }
                a.checked_mul(1i64.checked_shl(shift)?)?
            }
            Operator::RShift => {
                let shift = u32::try_from(b).ok()?;
                a >> shift.min(63)
            }
            Operator::BitAnd => a & b,
            Operator::BitOr => a | b,
            Operator::BitXor => a ^ b,
            Operator::Div => {
                if b == 0 || a.unsigned_abs() > (1 << 53) || b.unsigned_abs() > (1 << 53) {
                    return None;
                }
                return Some(C::Float(a as f64 / b as f64));
            }
            Operator::MatMult => return None,
        };
        return Some(C::Int(value));
    }
    let float_of = |c: &C| match c {
        C::Float(f) => Some(*f),
        C::Int(i) if i.unsigned_abs() <= (1 << 53) => Some(*i as f64),
        _ => None,
    };
    if matches!(left, C::Float(_)) || matches!(right, C::Float(_)) {
        let (a, b) = (float_of(left)?, float_of(right)?);
        let value = match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => a * b,
            Operator::Div if b != 0.0 => a / b,
            _ => return None,
        };
        return Some(C::Float(value));
    }
    match (op, left, right) {
        (Operator::Add, C::Str(a), C::Str(b))
            if a.as_bytes().len() + b.as_bytes().len() <= MAX_STR_SIZE =>
        {
            let mut bytes = a.as_bytes().to_vec();
            bytes.extend_from_slice(b.as_bytes());
            let mut s = a.clone();
            s.push_wtf8(b);
            let _ = bytes;
            Some(C::Str(s))
        }
        (Operator::Add, C::Bytes(a), C::Bytes(b)) if a.len() + b.len() <= MAX_STR_SIZE => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(C::Bytes(v))
        }
        (Operator::Mult, C::Str(s), C::Int(n)) | (Operator::Mult, C::Int(n), C::Str(s)) => {
            let n = usize::try_from(*n).unwrap_or(0);
            if s.as_bytes().len().checked_mul(n)? > MAX_STR_SIZE {
                return None;
            }
            let mut out = krait_syntax::wtf8::Wtf8Buf::from("");
            for _ in 0..n {
                out.push_wtf8(s);
            }
            Some(C::Str(out))
        }
        (Operator::Mult, C::Bytes(s), C::Int(n)) | (Operator::Mult, C::Int(n), C::Bytes(s)) => {
            let n = usize::try_from(*n).unwrap_or(0);
            if s.len().checked_mul(n)? > MAX_STR_SIZE {
                return None;
            }
            Some(C::Bytes(s.repeat(n)))
        }
        _ => None,
    }
}

impl Compiler<'_> {
    /// The constant value of `expr` if it folds to one.
    pub fn constant_of(&self, expr: &Expr) -> Option<ConstantValue> {
        match &expr.kind {
            ExprKind::Constant { value, .. } => Some(literal(value)),
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            } if id.as_str() == "__debug__" => Some(ConstantValue::Bool(true)),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            } => {
                let mut items = Vec::with_capacity(elts.len());
                for elt in elts {
                    items.push(self.constant_of(elt)?);
                }
                Some(ConstantValue::Tuple(items))
            }
            ExprKind::UnaryOp { op, operand } => {
                let value = match &operand.kind {
                    ExprKind::Constant { value, .. } => literal(value),
                    _ => return None,
                };
                match (op, value) {
                    (UnaryOp::USub, ConstantValue::Int(i)) if i != 0 => {
                        Some(ConstantValue::Int(i.checked_neg()?))
                    }
                    (UnaryOp::USub, ConstantValue::Float(f)) => Some(ConstantValue::Float(-f)),
                    (UnaryOp::USub, ConstantValue::Complex { real, imag }) => {
                        Some(ConstantValue::Complex {
                            real: -real,
                            imag: -imag,
                        })
                    }
                    (
                        UnaryOp::USub,
                        ConstantValue::BigInt {
                            negative,
                            magnitude,
                        },
                    ) => Some(ConstantValue::BigInt {
                        negative: !negative,
                        magnitude,
                    }),
                    (UnaryOp::Invert, ConstantValue::Int(i)) => Some(ConstantValue::Int(!i)),
                    _ => None,
                }
            }
            ExprKind::BinOp { .. } => {
                // Walk the left spine iteratively: chains may be very long.
                let mut spine = Vec::new();
                let mut node = expr;
                while let ExprKind::BinOp { left, op, right } = &node.kind {
                    spine.push((*op, &**right));
                    node = left;
                }
                let mut value = match &node.kind {
                    ExprKind::BinOp { .. } => return None,
                    _ => self.constant_of(node)?,
                };
                for (op, right) in spine.into_iter().rev() {
                    let rhs = self.constant_of(right)?;
                    if matches!(value, ConstantValue::Tuple(_))
                        || matches!(rhs, ConstantValue::Tuple(_))
                    {
                        return None;
                    }
                    value = binop(op, &value, &rhs)?;
                }
                Some(value)
            }
            _ => None,
        }
    }
}

impl Compiler<'_> {
    /// Loads `value`, the folded value of `exprs`, numbering constants as
    /// CPython does: its code generator loads the literals one by one (each
    /// takes a constant slot, in order) and its flow-graph pass folds them,
    /// appending the result after every other constant (a small int
    /// result takes no slot).
    pub fn load_folded(&mut self, exprs: &[&Expr], value: ConstantValue) {
        if let [single] = exprs
            && matches!(single.kind, ExprKind::Constant { .. })
        {
            self.load_const(value);
            return;
        }
        for expr in exprs {
            self.add_literal_consts(expr);
        }
        if let ConstantValue::Int(i) = value
            && (0..=255).contains(&i)
        {
            self.emit(Opcode::LOAD_SMALL_INT, i as u32);
            return;
        }
        let unit = self.u();
        let index = match unit.consts.iter().position(|c| c.same_constant(&value)) {
            Some(i) => i as u32,
            None => {
                unit.consts.push(value);
                let i = unit.consts.len() as u32 - 1;
                unit.folded_consts.insert(i);
                i
            }
        };
        self.emit(Opcode::LOAD_CONST, index);
    }

    /// Adds the literals under a folded expression to the constants, left
    /// to right.
    fn add_literal_consts(&mut self, expr: &Expr) {
        let mut pending = vec![expr];
        while let Some(e) = pending.pop() {
            match &e.kind {
                ExprKind::Constant { value, .. } => {
                    self.add_const(literal(value));
                }
                ExprKind::Tuple { elts, .. } => pending.extend(elts.iter().rev()),
                ExprKind::UnaryOp { operand, .. } => pending.push(operand),
                ExprKind::BinOp { left, right, .. } => {
                    pending.push(right);
                    pending.push(left);
                }
                _ => {}
            }
        }
    }
}

impl Unit<'_> {
    /// Moves the constants only the flow-graph fold creates after all the
    /// others, in the order the code first loads them, as CPython numbers
    /// them.
    pub(super) fn move_folded_consts_last(&mut self) {
        if self.folded_consts.is_empty() {
            return;
        }
        let n = self.consts.len();
        let mut placed = vec![false; n];
        let mut order: Vec<usize> = Vec::with_capacity(n);
        for (i, slot) in placed.iter_mut().enumerate() {
            if !self.folded_consts.contains(&(i as u32)) {
                *slot = true;
                order.push(i);
            }
        }
        for instr in &self.seq.instrs {
            let index = instr.arg as usize;
            if instr.op == AnyOpcode::Real(Opcode::LOAD_CONST)
                && let Some(slot) = placed.get_mut(index)
                && !*slot
            {
                *slot = true;
                order.push(index);
            }
        }
        for (i, slot) in placed.iter().enumerate() {
            if !*slot {
                order.push(i);
            }
        }
        let mut new_index = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as u32;
        }
        let mut old_consts: Vec<Option<ConstantValue>> = std::mem::take(&mut self.consts)
            .into_iter()
            .map(Some)
            .collect();
        self.consts = order
            .iter()
            .filter_map(|&old| old_consts.get_mut(old).and_then(Option::take))
            .collect();
        for instr in &mut self.seq.instrs {
            if let AnyOpcode::Real(op) = instr.op
                && op.has_const()
                && let Some(&new) = new_index.get(instr.arg as usize)
            {
                instr.arg = new;
            }
        }
        self.folded_consts.clear();
    }
}
