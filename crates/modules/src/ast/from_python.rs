//! `_ast` objects → Rust tree, for `compile(tree, filename, mode)`: reads
//! each node's fields and positions back (CPython's `obj2ast_*`), with
//! CPython's `TypeError`s for missing fields, wrong node kinds, non-list
//! list fields and bad identifiers, then checks expression contexts as
//! CPython's validator does (`ValueError`).
//!
//! The tree has no source text: a position `(lineno, col_offset)` is
//! encoded as the offset `(lineno - 1) * stride + col_offset` on synthetic
//! lines of `stride` bytes, and the [`LineIndex`] handed to the compiler
//! maps offsets back to the same lines and columns. The stride is
//! [`LINE_STRIDE`]; a tree with longer lines or more lines than that allows
//! is converted a second time with a stride fitted to it. Positions beyond
//! any `u32` encoding (or [`MAX_LINES`]) are clamped, and negative ones
//! read as line 1, column 0.

use krait_compiler::CompileMode;
use krait_syntax::ast::{
    Alias, Arg, Arguments, BigInt, BoolOp, ClassDef, CmpOp, Comprehension, Constant, ConstantKind,
    Conversion, ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef, Identifier, Keyword,
    MatchCase, Mod, Operator, Pattern, PatternKind, Singleton, Stmt, StmtKind, Try, TypeIgnore,
    TypeParam, TypeParamKind, UnaryOp, WithItem,
};
use krait_syntax::{LineIndex, Parsed, TextRange};
use krait_vm::builtins::bytes::Bytes;
use krait_vm::builtins::complex::Complex;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::list::List;
use krait_vm::value::Unpacked;
use krait_vm::{PyResult, Value, Vm};

use super::classes::NodeClasses;
use super::nodes::{index_of, specs};

/// Columns per synthetic line, unless the tree needs more.
pub const LINE_STRIDE: u32 = 1 << 16;
/// The most lines a synthetic line index gets (its table holds one `u32`
/// per line); later lines are clamped.
pub const MAX_LINES: u32 = 1 << 24;
/// Node nesting beyond which conversion fails with `RecursionError` (a
/// tree may even contain itself); CPython's C stack gives out near it.
const MAX_DEPTH: u32 = 25_000;

/// The tree `compile()` compiles for the `_ast` object `tree`, or `None`
/// when `tree` is not an `AST` instance.
pub fn tree_from_python(vm: &mut Vm, tree: &Value, mode: CompileMode) -> PyResult<Option<Parsed>> {
    let classes = NodeClasses::get(vm)?;
    if !vm.isinstance_type(tree, &classes.base) {
        return Ok(None);
    }
    let mut c = FromPython {
        vm,
        classes,
        stride: LINE_STRIDE,
        max_line: 1,
        largest: (1, 0),
        clamped: false,
        depth: 0,
    };
    let mut module = c.module(tree, mode)?;
    if c.clamped {
        // Fit the stride to the longest line and convert again.
        let (lines, columns) = c.largest;
        let columns = u32::try_from(columns.saturating_add(1)).unwrap_or(u32::MAX);
        let lines = u32::try_from(lines).unwrap_or(u32::MAX).min(MAX_LINES);
        c.stride = columns.clamp(1, u32::MAX / lines.max(1));
        c.max_line = 1;
        c.clamped = false;
        module = c.module(tree, mode)?;
    }
    if has_future_annotations(&module) {
        // The compiler keeps such annotations as their source text, which a
        // tree of objects does not have (CPython unparses them).
        return Err(c.vm.new_error(
            ExcKind::NotImplementedError,
            "krait cannot compile an AST with 'from __future__ import annotations' yet",
        ));
    }
    let lines = c.max_line.saturating_add(1);
    let stride = c.stride;
    let index = LineIndex::from_line_starts((0..lines).map(|i| i * stride).collect());
    validate::module(c.vm, &module)?;
    Ok(Some(Parsed {
        text: String::new(),
        index,
        module,
    }))
}

/// Whether the module starts with `from __future__ import annotations`
/// (after a docstring and other future imports).
fn has_future_annotations(module: &Mod) -> bool {
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return false,
    };
    body.iter().any(|s| {
        matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), names, .. }
            if m.as_str() == "__future__" && names.iter().any(|a| a.name.as_str() == "annotations"))
    })
}

struct FromPython<'v> {
    vm: &'v mut Vm,
    classes: NodeClasses,
    /// Bytes per synthetic line.
    stride: u32,
    /// The last line an offset was made on.
    max_line: u32,
    /// The largest line number and column seen, unclamped.
    largest: (i64, i64),
    /// Whether a position did not fit the stride and was clamped.
    clamped: bool,
    depth: u32,
}

impl FromPython<'_> {
    /// The constructor name of node `obj`, which must be a kind of `sum`.
    fn kind_of(&mut self, obj: &Value, sum: &str) -> PyResult<&'static str> {
        let class = self.vm.type_of(obj).clone();
        let spec = self.classes.index_of(&class).and_then(|i| specs().get(i));
        if let Some(spec) = spec
            && spec.base.is_some()
            && spec.base == index_of(sum)
        {
            return Ok(spec.name);
        }
        let repr = self.vm.repr_string(obj)?;
        Err(self
            .vm
            .type_error(format!("expected some sort of {sum}, but got {repr}")))
    }

    fn get(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.vm.intern(name)?;
        self.vm.get_attr_opt(obj, &key)
    }

    /// A required field or attribute.
    fn field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.get(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: `None` when missing or `None`.
    fn opt_field(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.get(obj, name)?.filter(|v| !v.is_none()))
    }

    /// A list field's items.
    fn list_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        let v = self.field(obj, name, owner)?;
        match v.as_object().and_then(|o| o.downcast::<List>()) {
            Some(_) => self.vm.collect_iterable(&v),
            None => {
                let tn = self.vm.type_name(&v);
                Err(self.vm.type_error(format!(
                    "{owner} field \"{name}\" must be a list, not a {tn}"
                )))
            }
        }
    }

    fn list<T>(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        f: fn(&mut Self, &Value) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        let items = self.list_field(obj, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(f(self, item)?);
        }
        Ok(out)
    }

    fn identifier(&mut self, v: &Value) -> PyResult<Identifier> {
        match self.vm.as_str(v) {
            Some(s) => Ok(Identifier::new(s.as_lossy().into_owned())),
            None => Err(self
                .vm
                .type_error("AST identifier must be of type str".into())),
        }
    }

    fn ident_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Identifier> {
        let v = self.field(obj, name, owner)?;
        if v.is_none() {
            return Err(self.vm.new_error(
                ExcKind::ValueError,
                &format!("field '{name}' is required for {owner}"),
            ));
        }
        self.identifier(&v)
    }

    fn opt_ident(&mut self, obj: &Value, name: &str) -> PyResult<Option<Identifier>> {
        match self.opt_field(obj, name)? {
            Some(v) => Ok(Some(self.identifier(&v)?)),
            None => Ok(None),
        }
    }

    fn string(&mut self, v: &Value) -> PyResult<Box<str>> {
        match self.vm.as_str(v) {
            Some(s) => Ok(s.as_lossy().into()),
            None => Err(self.vm.type_error("AST string must be of type str".into())),
        }
    }

    fn opt_string(&mut self, obj: &Value, name: &str) -> PyResult<Option<Box<str>>> {
        match self.opt_field(obj, name)? {
            Some(v) => Ok(Some(self.string(&v)?)),
            None => Ok(None),
        }
    }

    fn int(&mut self, v: &Value) -> PyResult<i64> {
        match v.unpack() {
            Unpacked::Int(i) => Ok(i),
            Unpacked::Bool(b) => Ok(i64::from(b)),
            _ if krait_vm::builtins::int::is_int(v) => self.vm.index_i64(v),
            _ => {
                let repr = self.vm.repr_string(v)?;
                Err(self.vm.new_error(
                    ExcKind::ValueError,
                    &format!("invalid integer value: {repr}"),
                ))
            }
        }
    }

    fn int_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.field(obj, name, owner)?;
        self.int(&v)
    }

    /// One synthetic offset for `(lineno, col_offset)`.
    fn offset(&mut self, line: i64, col: i64) -> u32 {
        let (line, col) = (line.max(1), col.max(0));
        self.largest = (self.largest.0.max(line), self.largest.1.max(col));
        let max_line = (u32::MAX / self.stride).min(MAX_LINES);
        let max_col = self.stride - 1;
        let fitted_line = u32::try_from(line).unwrap_or(u32::MAX).min(max_line);
        let fitted_col = u32::try_from(col).unwrap_or(u32::MAX).min(max_col);
        if i64::from(fitted_line) != line || i64::from(fitted_col) != col {
            self.clamped = true;
        }
        self.max_line = self.max_line.max(fitted_line);
        (fitted_line - 1) * self.stride + fitted_col
    }

    /// A node's position from its `lineno`, `col_offset`, `end_lineno` and
    /// `end_col_offset` (the end ones may be `None`).
    fn range(&mut self, obj: &Value, owner: &str) -> PyResult<TextRange> {
        let line = self.int_field(obj, "lineno", owner)?;
        let col = self.int_field(obj, "col_offset", owner)?;
        let end_line = match self.opt_field(obj, "end_lineno")? {
            Some(v) => self.int(&v)?,
            None => line,
        };
        let end_col = match self.opt_field(obj, "end_col_offset")? {
            Some(v) => self.int(&v)?,
            None => col,
        };
        let start = self.offset(line, col);
        let end = self.offset(end_line, end_col).max(start);
        Ok(TextRange::new(start, end))
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.new_error(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    fn module(&mut self, obj: &Value, mode: CompileMode) -> PyResult<Mod> {
        let expected = match mode {
            CompileMode::Exec => "Module",
            CompileMode::Eval => "Expression",
            CompileMode::Single => "Interactive",
        };
        let class = self.vm.type_of(obj).clone();
        let kind = match self.classes.index_of(&class).and_then(|i| specs().get(i)) {
            Some(spec) => spec.name,
            None => "AST",
        };
        if kind != expected {
            return Err(self
                .vm
                .type_error(format!("expected {expected} node, got {kind}")));
        }
        Ok(match kind {
            "Module" => Mod::Module {
                body: self.list(obj, "body", kind, Self::stmt)?,
                type_ignores: self.list(obj, "type_ignores", kind, Self::type_ignore)?,
            },
            "Interactive" => Mod::Interactive {
                body: self.list(obj, "body", kind, Self::stmt)?,
            },
            _ => Mod::Expression {
                body: Box::new(self.expr_field(obj, "body", kind)?),
            },
        })
    }

    fn type_ignore(&mut self, obj: &Value) -> PyResult<TypeIgnore> {
        self.kind_of(obj, "type_ignore")?;
        let lineno = self.int_field(obj, "lineno", "TypeIgnore")?;
        let tag = self.field(obj, "tag", "TypeIgnore")?;
        Ok(TypeIgnore {
            lineno: u32::try_from(lineno).unwrap_or(0),
            tag: self.string(&tag)?,
        })
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Stmt> {
        self.enter()?;
        let result = krait_syntax::stack::grow(|| self.stmt_node(obj));
        self.depth -= 1;
        result
    }

    fn body(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.list(obj, name, owner, Self::stmt)
    }

    fn stmt_node(&mut self, obj: &Value) -> PyResult<Stmt> {
        let range = self.range(obj, "stmt")?;
        let k = self.kind_of(obj, "stmt")?;
        let kind = match k {
            "FunctionDef" | "AsyncFunctionDef" => {
                let def = Box::new(FunctionDef {
                    name: self.ident_field(obj, "name", k)?,
                    args: self.arguments_field(obj, "args", k)?,
                    body: self.body(obj, "body", k)?,
                    decorator_list: self.list(obj, "decorator_list", k, Self::expr)?,
                    returns: self.opt_expr(obj, "returns")?,
                    type_comment: self.opt_string(obj, "type_comment")?,
                    type_params: self.list(obj, "type_params", k, Self::type_param)?,
                });
                if k == "FunctionDef" {
                    StmtKind::FunctionDef(def)
                } else {
                    StmtKind::AsyncFunctionDef(def)
                }
            }
            "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
                name: self.ident_field(obj, "name", k)?,
                bases: self.list(obj, "bases", k, Self::expr)?,
                keywords: self.list(obj, "keywords", k, Self::keyword)?,
                body: self.body(obj, "body", k)?,
                decorator_list: self.list(obj, "decorator_list", k, Self::expr)?,
                type_params: self.list(obj, "type_params", k, Self::type_param)?,
            })),
            "Return" => StmtKind::Return {
                value: self.opt_expr(obj, "value")?,
            },
            "Delete" => StmtKind::Delete {
                targets: self.list(obj, "targets", k, Self::expr)?,
            },
            "Assign" => StmtKind::Assign {
                targets: self.list(obj, "targets", k, Self::expr)?,
                value: Box::new(self.expr_field(obj, "value", k)?),
                type_comment: self.opt_string(obj, "type_comment")?,
            },
            "TypeAlias" => StmtKind::TypeAlias {
                name: Box::new(self.expr_field(obj, "name", k)?),
                type_params: self.list(obj, "type_params", k, Self::type_param)?,
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "AugAssign" => StmtKind::AugAssign {
                target: Box::new(self.expr_field(obj, "target", k)?),
                op: self.operator(obj, k)?,
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: Box::new(self.expr_field(obj, "target", k)?),
                annotation: Box::new(self.expr_field(obj, "annotation", k)?),
                value: self.opt_expr(obj, "value")?,
                simple: self.int_field(obj, "simple", k)? != 0,
            },
            "For" | "AsyncFor" => {
                let target = Box::new(self.expr_field(obj, "target", k)?);
                let iter = Box::new(self.expr_field(obj, "iter", k)?);
                let body = self.body(obj, "body", k)?;
                let orelse = self.body(obj, "orelse", k)?;
                let type_comment = self.opt_string(obj, "type_comment")?;
                if k == "For" {
                    StmtKind::For {
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                    }
                } else {
                    StmtKind::AsyncFor {
                        target,
                        iter,
                        body,
                        orelse,
                        type_comment,
                    }
                }
            }
            "While" | "If" => {
                let test = Box::new(self.expr_field(obj, "test", k)?);
                let body = self.body(obj, "body", k)?;
                let orelse = self.body(obj, "orelse", k)?;
                if k == "While" {
                    StmtKind::While { test, body, orelse }
                } else {
                    StmtKind::If { test, body, orelse }
                }
            }
            "With" | "AsyncWith" => {
                let items = self.list(obj, "items", k, Self::withitem)?;
                let body = self.body(obj, "body", k)?;
                let type_comment = self.opt_string(obj, "type_comment")?;
                if k == "With" {
                    StmtKind::With {
                        items,
                        body,
                        type_comment,
                    }
                } else {
                    StmtKind::AsyncWith {
                        items,
                        body,
                        type_comment,
                    }
                }
            }
            "Match" => StmtKind::Match {
                subject: Box::new(self.expr_field(obj, "subject", k)?),
                cases: self.list(obj, "cases", k, Self::match_case)?,
            },
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr(obj, "exc")?,
                cause: self.opt_expr(obj, "cause")?,
            },
            "Try" | "TryStar" => {
                let t = Box::new(Try {
                    body: self.body(obj, "body", k)?,
                    handlers: self.list(obj, "handlers", k, Self::handler)?,
                    orelse: self.body(obj, "orelse", k)?,
                    finalbody: self.body(obj, "finalbody", k)?,
                });
                if k == "Try" {
                    StmtKind::Try(t)
                } else {
                    StmtKind::TryStar(t)
                }
            }
            "Assert" => StmtKind::Assert {
                test: Box::new(self.expr_field(obj, "test", k)?),
                msg: self.opt_expr(obj, "msg")?,
            },
            "Import" => StmtKind::Import {
                names: self.list(obj, "names", k, Self::alias)?,
            },
            "ImportFrom" => {
                let module = self.opt_ident(obj, "module")?;
                let names = self.list(obj, "names", k, Self::alias)?;
                let level = match self.opt_field(obj, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                if level < 0 {
                    return Err(self
                        .vm
                        .new_error(ExcKind::ValueError, "Negative ImportFrom level"));
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: u32::try_from(level).unwrap_or(u32::MAX),
                }
            }
            "Global" | "Nonlocal" => {
                let names = self.list(obj, "names", k, Self::identifier)?;
                if k == "Global" {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            "Expr" => StmtKind::Expr {
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            _ => StmtKind::Continue,
        };
        Ok(Stmt::new(range, kind))
    }

    fn expr(&mut self, obj: &Value) -> PyResult<Expr> {
        self.enter()?;
        let result = krait_syntax::stack::grow(|| self.expr_node(obj));
        self.depth -= 1;
        result
    }

    /// A required expression field (`None` is refused as CPython's validator does).
    fn expr_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Expr> {
        let v = self.field(obj, name, owner)?;
        if v.is_none() {
            return Err(self.vm.new_error(
                ExcKind::ValueError,
                &format!("field '{name}' is required for {owner}"),
            ));
        }
        self.expr(&v)
    }

    fn opt_expr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Box<Expr>>> {
        match self.opt_field(obj, name)? {
            Some(v) => Ok(Some(Box::new(self.expr(&v)?))),
            None => Ok(None),
        }
    }

    fn opt_expr_item(&mut self, v: &Value) -> PyResult<Option<Expr>> {
        if v.is_none() {
            Ok(None)
        } else {
            Ok(Some(self.expr(v)?))
        }
    }

    /// The name of the field-less node in field `name` of `obj`, a kind of `sum`.
    fn simple(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        sum: &str,
    ) -> PyResult<&'static str> {
        let v = self.field(obj, name, owner)?;
        self.kind_of(&v, sum)
    }

    fn operator(&mut self, obj: &Value, owner: &str) -> PyResult<Operator> {
        let name = self.simple(obj, "op", owner, "operator")?;
        Ok(match name {
            "Add" => Operator::Add,
            "Sub" => Operator::Sub,
            "Mult" => Operator::Mult,
            "MatMult" => Operator::MatMult,
            "Div" => Operator::Div,
            "Mod" => Operator::Mod,
            "Pow" => Operator::Pow,
            "LShift" => Operator::LShift,
            "RShift" => Operator::RShift,
            "BitOr" => Operator::BitOr,
            "BitXor" => Operator::BitXor,
            "BitAnd" => Operator::BitAnd,
            _ => Operator::FloorDiv,
        })
    }

    fn context(&mut self, obj: &Value, owner: &str) -> PyResult<ExprContext> {
        let name = self.simple(obj, "ctx", owner, "expr_context")?;
        Ok(match name {
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            _ => ExprContext::Load,
        })
    }

    fn cmpop(&mut self, v: &Value) -> PyResult<CmpOp> {
        Ok(match self.kind_of(v, "cmpop")? {
            "Eq" => CmpOp::Eq,
            "NotEq" => CmpOp::NotEq,
            "Lt" => CmpOp::Lt,
            "LtE" => CmpOp::LtE,
            "Gt" => CmpOp::Gt,
            "GtE" => CmpOp::GtE,
            "Is" => CmpOp::Is,
            "IsNot" => CmpOp::IsNot,
            "In" => CmpOp::In,
            _ => CmpOp::NotIn,
        })
    }

    fn conversion(&mut self, obj: &Value, owner: &str) -> PyResult<Conversion> {
        let code = self.int_field(obj, "conversion", owner)?;
        Ok(match code {
            -1 => Conversion::None,
            115 => Conversion::Str,
            114 => Conversion::Repr,
            97 => Conversion::Ascii,
            _ => {
                return Err(self.vm.new_error(
                    ExcKind::ValueError,
                    &format!("Unknown f-value conversion kind {code}"),
                ));
            }
        })
    }

    fn expr_node(&mut self, obj: &Value) -> PyResult<Expr> {
        let range = self.range(obj, "expr")?;
        let k = self.kind_of(obj, "expr")?;
        let kind = match k {
            "BoolOp" => {
                let op = match self.simple(obj, "op", k, "boolop")? {
                    "And" => BoolOp::And,
                    _ => BoolOp::Or,
                };
                let values = self.list(obj, "values", k, Self::expr)?;
                if values.len() < 2 {
                    return Err(self
                        .vm
                        .new_error(ExcKind::ValueError, "BoolOp with less than 2 values"));
                }
                ExprKind::BoolOp { op, values }
            }
            "NamedExpr" => ExprKind::NamedExpr {
                target: Box::new(self.expr_field(obj, "target", k)?),
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "BinOp" => ExprKind::BinOp {
                left: Box::new(self.expr_field(obj, "left", k)?),
                op: self.operator(obj, k)?,
                right: Box::new(self.expr_field(obj, "right", k)?),
            },
            "UnaryOp" => {
                let op = match self.simple(obj, "op", k, "unaryop")? {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                };
                ExprKind::UnaryOp {
                    op,
                    operand: Box::new(self.expr_field(obj, "operand", k)?),
                }
            }
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.arguments_field(obj, "args", k)?),
                body: Box::new(self.expr_field(obj, "body", k)?),
            },
            "IfExp" => ExprKind::IfExp {
                test: Box::new(self.expr_field(obj, "test", k)?),
                body: Box::new(self.expr_field(obj, "body", k)?),
                orelse: Box::new(self.expr_field(obj, "orelse", k)?),
            },
            "Dict" => {
                let keys = self.list(obj, "keys", k, Self::opt_expr_item)?;
                let values = self.list(obj, "values", k, Self::expr)?;
                if keys.len() != values.len() {
                    return Err(self.vm.new_error(
                        ExcKind::ValueError,
                        "Dict doesn't have the same number of keys as values",
                    ));
                }
                ExprKind::Dict { keys, values }
            }
            "Set" => ExprKind::Set {
                elts: self.list(obj, "elts", k, Self::expr)?,
            },
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = Box::new(self.expr_field(obj, "elt", k)?);
                let generators = self.generators(obj, k)?;
                match k {
                    "ListComp" => ExprKind::ListComp { elt, generators },
                    "SetComp" => ExprKind::SetComp { elt, generators },
                    _ => ExprKind::GeneratorExp { elt, generators },
                }
            }
            "DictComp" => ExprKind::DictComp {
                key: Box::new(self.expr_field(obj, "key", k)?),
                value: Box::new(self.expr_field(obj, "value", k)?),
                generators: self.generators(obj, k)?,
            },
            "Await" => ExprKind::Await {
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "Yield" => ExprKind::Yield {
                value: self.opt_expr(obj, "value")?,
            },
            "YieldFrom" => ExprKind::YieldFrom {
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "Compare" => {
                let left = Box::new(self.expr_field(obj, "left", k)?);
                let ops = self.list(obj, "ops", k, Self::cmpop)?;
                let comparators = self.list(obj, "comparators", k, Self::expr)?;
                if comparators.is_empty() {
                    return Err(self
                        .vm
                        .new_error(ExcKind::ValueError, "Compare with no comparators"));
                }
                if ops.len() != comparators.len() {
                    return Err(self.vm.new_error(
                        ExcKind::ValueError,
                        "Compare has a different number of comparators and operands",
                    ));
                }
                ExprKind::Compare {
                    left,
                    ops: ops.into_boxed_slice(),
                    comparators,
                }
            }
            "Call" => ExprKind::Call {
                func: Box::new(self.expr_field(obj, "func", k)?),
                args: self.list(obj, "args", k, Self::expr)?,
                keywords: self.list(obj, "keywords", k, Self::keyword)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: Box::new(self.expr_field(obj, "value", k)?),
                conversion: self.conversion(obj, k)?,
                format_spec: self.opt_expr(obj, "format_spec")?,
            },
            "Interpolation" => {
                let value = Box::new(self.expr_field(obj, "value", k)?);
                let text = self.field(obj, "str", k)?;
                ExprKind::Interpolation {
                    value,
                    str: self.string(&text)?,
                    conversion: self.conversion(obj, k)?,
                    format_spec: self.opt_expr(obj, "format_spec")?,
                }
            }
            "JoinedStr" => ExprKind::JoinedStr {
                values: self.list(obj, "values", k, Self::expr)?,
            },
            "TemplateStr" => ExprKind::TemplateStr {
                values: self.list(obj, "values", k, Self::expr)?,
            },
            "Constant" => {
                let value = self.field(obj, "value", k)?;
                let value = self.constant(&value)?;
                let kind = match self.opt_field(obj, "kind")? {
                    Some(v) if self.string(&v)?.as_ref() == "u" => Some(ConstantKind::U),
                    _ => None,
                };
                ExprKind::Constant { value, kind }
            }
            "Attribute" => ExprKind::Attribute {
                value: Box::new(self.expr_field(obj, "value", k)?),
                attr: self.ident_field(obj, "attr", k)?,
                ctx: self.context(obj, k)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: Box::new(self.expr_field(obj, "value", k)?),
                slice: Box::new(self.expr_field(obj, "slice", k)?),
                ctx: self.context(obj, k)?,
            },
            "Starred" => ExprKind::Starred {
                value: Box::new(self.expr_field(obj, "value", k)?),
                ctx: self.context(obj, k)?,
            },
            "Name" => ExprKind::Name {
                id: self.ident_field(obj, "id", k)?,
                ctx: self.context(obj, k)?,
            },
            "List" | "Tuple" => {
                let elts = self.list(obj, "elts", k, Self::expr)?;
                let ctx = self.context(obj, k)?;
                if k == "List" {
                    ExprKind::List { elts, ctx }
                } else {
                    ExprKind::Tuple { elts, ctx }
                }
            }
            _ => ExprKind::Slice {
                lower: self.opt_expr(obj, "lower")?,
                upper: self.opt_expr(obj, "upper")?,
                step: self.opt_expr(obj, "step")?,
            },
        };
        Ok(Expr::new(range, kind))
    }

    /// The value of a `Constant` node (CPython accepts the literal types;
    /// krait's tree cannot yet hold tuple or frozenset constants, negative
    /// big ints or complex numbers with a real part).
    fn constant(&mut self, v: &Value) -> PyResult<Constant> {
        match v.unpack() {
            Unpacked::None => return Ok(Constant::None),
            Unpacked::Bool(true) => return Ok(Constant::True),
            Unpacked::Bool(false) => return Ok(Constant::False),
            Unpacked::Int(i) => return Ok(Constant::Int(i)),
            Unpacked::Float(f) => return Ok(Constant::Float(f)),
            Unpacked::Object(_) => {}
        }
        if krait_vm::protocol::number::is_same(v, &self.vm.ellipsis) {
            return Ok(Constant::Ellipsis);
        }
        let class = self.vm.type_of(v).clone();
        let types = &self.vm.types;
        if class.same(&types.int) {
            let big = krait_vm::builtins::int::to_big(v).unwrap_or_default();
            if big.sign() == num_bigint::Sign::Minus {
                return Err(self.unsupported("negative big int constants"));
            }
            return match BigInt::new(16, &big.to_str_radix(16)) {
                Some(b) => Ok(Constant::BigInt(Box::new(b))),
                None => Err(self.unsupported("this int constant")),
            };
        }
        if class.same(&types.float) {
            return Ok(Constant::Float(v.as_f64().unwrap_or_default()));
        }
        if class.same(&types.str) {
            let s = self.vm.as_str(v).cloned();
            if let Some(s) = s {
                return Ok(Constant::Str(krait_vm::builtins::str::wtf8_of(&s)));
            }
        }
        if class.same(&types.bytes)
            && let Some(b) = v.as_object().and_then(|o| o.downcast::<Bytes>())
        {
            return Ok(Constant::Bytes(b.data.to_vec()));
        }
        if class.same(&types.complex)
            && let Some(c) = v.as_object().and_then(|o| o.downcast::<Complex>())
        {
            if c.re == 0.0 && c.re.is_sign_positive() {
                return Ok(Constant::Complex(c.im));
            }
            return Err(self.unsupported("complex constants with a real part"));
        }
        if class.same(&types.tuple) || class.same(&types.frozenset) {
            return Err(self.unsupported("tuple and frozenset constants"));
        }
        let tn = self.vm.type_name(v);
        Err(self
            .vm
            .type_error(format!("got an invalid type in Constant: {tn}")))
    }

    fn unsupported(&mut self, what: &str) -> krait_vm::PyErr {
        self.vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait cannot compile {what} of an AST yet"),
        )
    }

    fn generators(&mut self, obj: &Value, owner: &str) -> PyResult<Vec<Comprehension>> {
        let generators = self.list(obj, "generators", owner, Self::comprehension)?;
        if generators.is_empty() {
            return Err(self
                .vm
                .new_error(ExcKind::ValueError, "comprehension with no generators"));
        }
        Ok(generators)
    }

    fn comprehension(&mut self, obj: &Value) -> PyResult<Comprehension> {
        let k = "comprehension";
        Ok(Comprehension {
            target: self.expr_field(obj, "target", k)?,
            iter: self.expr_field(obj, "iter", k)?,
            ifs: self.list(obj, "ifs", k, Self::expr)?,
            is_async: self.int_field(obj, "is_async", k)? != 0,
        })
    }

    fn handler(&mut self, obj: &Value) -> PyResult<ExceptHandler> {
        let range = self.range(obj, "excepthandler")?;
        let k = self.kind_of(obj, "excepthandler")?;
        Ok(ExceptHandler {
            range,
            r#type: self.opt_expr(obj, "type")?,
            name: self.opt_ident(obj, "name")?,
            body: self.body(obj, "body", k)?,
        })
    }

    fn arguments_field(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Arguments> {
        let v = self.field(obj, name, owner)?;
        let k = "arguments";
        let opt_arg = |this: &mut Self, field: &str| -> PyResult<Option<Box<Arg>>> {
            match this.opt_field(&v, field)? {
                Some(a) => Ok(Some(Box::new(this.arg(&a)?))),
                None => Ok(None),
            }
        };
        let vararg = opt_arg(self, "vararg")?;
        let kwarg = opt_arg(self, "kwarg")?;
        let args = Arguments {
            posonlyargs: self.list(&v, "posonlyargs", k, Self::arg)?,
            args: self.list(&v, "args", k, Self::arg)?,
            vararg,
            kwonlyargs: self.list(&v, "kwonlyargs", k, Self::arg)?,
            kw_defaults: self.list(&v, "kw_defaults", k, Self::opt_expr_item)?,
            kwarg,
            defaults: self.list(&v, "defaults", k, Self::expr)?,
        };
        if args.defaults.len() > args.posonlyargs.len() + args.args.len() {
            return Err(self.vm.new_error(
                ExcKind::ValueError,
                "more positional defaults than args on arguments",
            ));
        }
        if args.kw_defaults.len() != args.kwonlyargs.len() {
            return Err(self.vm.new_error(
                ExcKind::ValueError,
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        }
        Ok(args)
    }

    fn arg(&mut self, obj: &Value) -> PyResult<Arg> {
        let range = self.range(obj, "arg")?;
        Ok(Arg {
            range,
            arg: self.ident_field(obj, "arg", "arg")?,
            annotation: self.opt_expr(obj, "annotation")?,
            type_comment: self.opt_string(obj, "type_comment")?,
        })
    }

    fn keyword(&mut self, obj: &Value) -> PyResult<Keyword> {
        let range = self.range(obj, "keyword")?;
        Ok(Keyword {
            range,
            arg: self.opt_ident(obj, "arg")?,
            value: self.expr_field(obj, "value", "keyword")?,
        })
    }

    fn alias(&mut self, obj: &Value) -> PyResult<Alias> {
        let range = self.range(obj, "alias")?;
        Ok(Alias {
            range,
            name: self.ident_field(obj, "name", "alias")?,
            asname: self.opt_ident(obj, "asname")?,
        })
    }

    fn withitem(&mut self, obj: &Value) -> PyResult<WithItem> {
        Ok(WithItem {
            context_expr: self.expr_field(obj, "context_expr", "withitem")?,
            optional_vars: self.opt_expr(obj, "optional_vars")?,
        })
    }

    fn match_case(&mut self, obj: &Value) -> PyResult<MatchCase> {
        let pattern = self.field(obj, "pattern", "match_case")?;
        Ok(MatchCase {
            pattern: self.pattern(&pattern)?,
            guard: self.opt_expr(obj, "guard")?,
            body: self.body(obj, "body", "match_case")?,
        })
    }

    fn pattern(&mut self, obj: &Value) -> PyResult<Pattern> {
        self.enter()?;
        let result = krait_syntax::stack::grow(|| self.pattern_node(obj));
        self.depth -= 1;
        result
    }

    fn pattern_node(&mut self, obj: &Value) -> PyResult<Pattern> {
        let range = self.range(obj, "pattern")?;
        let k = self.kind_of(obj, "pattern")?;
        let kind = match k {
            "MatchValue" => PatternKind::MatchValue {
                value: Box::new(self.expr_field(obj, "value", k)?),
            },
            "MatchSingleton" => {
                let v = self.field(obj, "value", k)?;
                let value = match v.unpack() {
                    Unpacked::None => Singleton::None,
                    Unpacked::Bool(true) => Singleton::True,
                    Unpacked::Bool(false) => Singleton::False,
                    _ => {
                        return Err(self.vm.new_error(
                            ExcKind::ValueError,
                            "MatchSingleton can only contain True, False and None",
                        ));
                    }
                };
                PatternKind::MatchSingleton { value }
            }
            "MatchSequence" => PatternKind::MatchSequence {
                patterns: self.list(obj, "patterns", k, Self::pattern)?,
            },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: self.list(obj, "keys", k, Self::expr)?,
                patterns: self.list(obj, "patterns", k, Self::pattern)?,
                rest: self.opt_ident(obj, "rest")?,
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: Box::new(self.expr_field(obj, "cls", k)?),
                patterns: self.list(obj, "patterns", k, Self::pattern)?,
                kwd_attrs: self.list(obj, "kwd_attrs", k, Self::identifier)?,
                kwd_patterns: self.list(obj, "kwd_patterns", k, Self::pattern)?,
            },
            "MatchStar" => PatternKind::MatchStar {
                name: self.opt_ident(obj, "name")?,
            },
            "MatchAs" => {
                let pattern = match self.opt_field(obj, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(&p)?)),
                    None => None,
                };
                PatternKind::MatchAs {
                    pattern,
                    name: self.opt_ident(obj, "name")?,
                }
            }
            _ => PatternKind::MatchOr {
                patterns: self.list(obj, "patterns", k, Self::pattern)?,
            },
        };
        Ok(Pattern::new(range, kind))
    }

    fn type_param(&mut self, obj: &Value) -> PyResult<TypeParam> {
        let range = self.range(obj, "type_param")?;
        let k = self.kind_of(obj, "type_param")?;
        let name = self.ident_field(obj, "name", k)?;
        let default_value = self.opt_expr(obj, "default_value")?;
        let kind = match k {
            "TypeVar" => TypeParamKind::TypeVar {
                name,
                bound: self.opt_expr(obj, "bound")?,
                default_value,
            },
            "ParamSpec" => TypeParamKind::ParamSpec {
                name,
                default_value,
            },
            _ => TypeParamKind::TypeVarTuple {
                name,
                default_value,
            },
        };
        Ok(TypeParam { range, kind })
    }
}

mod validate {
    //! The part of CPython's AST validator krait applies to trees built
    //! from objects: every expression's context must match its position
    //! (`Load` in values, `Store` in assignment targets, `Del` in `del`).

    use super::*;

    pub fn module(vm: &mut Vm, module: &Mod) -> PyResult<()> {
        let mut v = Validator { vm };
        match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => v.stmts(body),
            Mod::Expression { body } => v.expr(body, ExprContext::Load),
            Mod::FunctionType { argtypes, returns } => {
                for a in argtypes {
                    v.expr(a, ExprContext::Load)?;
                }
                v.expr(returns, ExprContext::Load)
            }
        }
    }

    struct Validator<'v> {
        vm: &'v mut Vm,
    }

    impl Validator<'_> {
        fn stmts(&mut self, body: &[Stmt]) -> PyResult<()> {
            for s in body {
                krait_syntax::stack::grow(|| self.stmt(s))?;
            }
            Ok(())
        }

        fn load(&mut self, e: &Expr) -> PyResult<()> {
            self.expr(e, ExprContext::Load)
        }

        fn loads(&mut self, es: &[Expr]) -> PyResult<()> {
            es.iter().try_for_each(|e| self.load(e))
        }

        fn opt(&mut self, e: Option<&Expr>) -> PyResult<()> {
            e.map_or(Ok(()), |e| self.load(e))
        }

        /// A name that must not spell a constant (`None`, `True`, `False`).
        fn name(&mut self, name: &Identifier) -> PyResult<()> {
            if matches!(name.as_str(), "None" | "True" | "False") {
                return Err(self.vm.new_error(
                    ExcKind::ValueError,
                    &format!("identifier field can't represent '{name}' constant"),
                ));
            }
            Ok(())
        }

        /// A list that must not be empty.
        fn some<T>(&mut self, items: &[T], what: &str, owner: &str) -> PyResult<()> {
            if items.is_empty() {
                return Err(self
                    .vm
                    .new_error(ExcKind::ValueError, &format!("empty {what} on {owner}")));
            }
            Ok(())
        }

        fn nonempty(&mut self, body: &[Stmt], what: &str, owner: &str) -> PyResult<()> {
            if body.is_empty() {
                return Err(self
                    .vm
                    .new_error(ExcKind::ValueError, &format!("empty {what} on {owner}")));
            }
            self.stmts(body)
        }

        fn arguments(&mut self, a: &Arguments) -> PyResult<()> {
            for arg in a
                .posonlyargs
                .iter()
                .chain(&a.args)
                .chain(a.vararg.as_deref())
                .chain(&a.kwonlyargs)
                .chain(a.kwarg.as_deref())
            {
                self.opt(arg.annotation.as_deref())?;
            }
            for d in a.kw_defaults.iter().flatten() {
                self.load(d)?;
            }
            self.loads(&a.defaults)
        }

        fn stmt(&mut self, s: &Stmt) -> PyResult<()> {
            match &s.kind {
                StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                    let owner = if matches!(s.kind, StmtKind::FunctionDef(_)) {
                        "FunctionDef"
                    } else {
                        "AsyncFunctionDef"
                    };
                    self.name(&f.name)?;
                    self.nonempty(&f.body, "body", owner)?;
                    self.arguments(&f.args)?;
                    self.loads(&f.decorator_list)?;
                    self.opt(f.returns.as_deref())
                }
                StmtKind::ClassDef(c) => {
                    self.name(&c.name)?;
                    self.nonempty(&c.body, "body", "ClassDef")?;
                    self.loads(&c.bases)?;
                    for k in &c.keywords {
                        self.load(&k.value)?;
                    }
                    self.loads(&c.decorator_list)
                }
                StmtKind::Return { value } => self.opt(value.as_deref()),
                StmtKind::Delete { targets } => {
                    self.some(targets, "targets", "Delete")?;
                    targets
                        .iter()
                        .try_for_each(|t| self.expr(t, ExprContext::Del))
                }
                StmtKind::Assign { targets, value, .. } => {
                    self.some(targets, "targets", "Assign")?;
                    targets
                        .iter()
                        .try_for_each(|t| self.expr(t, ExprContext::Store))?;
                    self.load(value)
                }
                StmtKind::TypeAlias { name, value, .. } => {
                    self.expr(name, ExprContext::Store)?;
                    self.load(value)
                }
                StmtKind::AugAssign { target, value, .. } => {
                    self.expr(target, ExprContext::Store)?;
                    self.load(value)
                }
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    ..
                } => {
                    self.expr(target, ExprContext::Store)?;
                    self.load(annotation)?;
                    self.opt(value.as_deref())
                }
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    ..
                }
                | StmtKind::AsyncFor {
                    target,
                    iter,
                    body,
                    orelse,
                    ..
                } => {
                    self.expr(target, ExprContext::Store)?;
                    self.load(iter)?;
                    let owner = if matches!(s.kind, StmtKind::For { .. }) {
                        "For"
                    } else {
                        "AsyncFor"
                    };
                    self.nonempty(body, "body", owner)?;
                    self.stmts(orelse)
                }
                StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                    self.load(test)?;
                    let owner = if matches!(s.kind, StmtKind::While { .. }) {
                        "While"
                    } else {
                        "If"
                    };
                    self.nonempty(body, "body", owner)?;
                    self.stmts(orelse)
                }
                StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                    let owner = if matches!(s.kind, StmtKind::With { .. }) {
                        "With"
                    } else {
                        "AsyncWith"
                    };
                    self.some(items, "items", owner)?;
                    for item in items {
                        self.load(&item.context_expr)?;
                        if let Some(v) = &item.optional_vars {
                            self.expr(v, ExprContext::Store)?;
                        }
                    }
                    self.nonempty(body, "body", owner)
                }
                StmtKind::Match { subject, cases } => {
                    self.load(subject)?;
                    if cases.is_empty() {
                        return Err(self
                            .vm
                            .new_error(ExcKind::ValueError, "empty cases on Match"));
                    }
                    for case in cases {
                        self.opt(case.guard.as_deref())?;
                        self.nonempty(&case.body, "body", "match_case")?;
                    }
                    Ok(())
                }
                StmtKind::Raise { exc, cause } => {
                    if exc.is_none() && cause.is_some() {
                        return Err(self
                            .vm
                            .new_error(ExcKind::ValueError, "Raise with cause but no exception"));
                    }
                    self.opt(exc.as_deref())?;
                    self.opt(cause.as_deref())
                }
                StmtKind::Try(t) | StmtKind::TryStar(t) => {
                    let owner = if matches!(s.kind, StmtKind::Try(_)) {
                        "Try"
                    } else {
                        "TryStar"
                    };
                    self.nonempty(&t.body, "body", owner)?;
                    if t.handlers.is_empty() && t.finalbody.is_empty() {
                        return Err(self.vm.new_error(
                            ExcKind::ValueError,
                            &format!("{owner} has neither except handlers nor finalbody"),
                        ));
                    }
                    if t.handlers.is_empty() && !t.orelse.is_empty() {
                        return Err(self.vm.new_error(
                            ExcKind::ValueError,
                            &format!("{owner} has orelse but no except handlers"),
                        ));
                    }
                    for h in &t.handlers {
                        self.opt(h.r#type.as_deref())?;
                        self.nonempty(&h.body, "body", "ExceptHandler")?;
                    }
                    self.stmts(&t.orelse)?;
                    self.stmts(&t.finalbody)
                }
                StmtKind::Assert { test, msg } => {
                    self.load(test)?;
                    self.opt(msg.as_deref())
                }
                StmtKind::Expr { value } => self.load(value),
                StmtKind::Import { names } => {
                    self.some(names, "names", "Import")?;
                    names.iter().try_for_each(|a| self.name(&a.name))
                }
                StmtKind::ImportFrom { names, .. } => self.some(names, "names", "ImportFrom"),
                StmtKind::Global { .. }
                | StmtKind::Nonlocal { .. }
                | StmtKind::Pass
                | StmtKind::Break
                | StmtKind::Continue => Ok(()),
            }
        }

        fn expr(&mut self, e: &Expr, ctx: ExprContext) -> PyResult<()> {
            krait_syntax::stack::grow(|| self.expr_node(e, ctx))
        }

        fn check(&mut self, actual: ExprContext, expected: ExprContext) -> PyResult<()> {
            if actual == expected {
                return Ok(());
            }
            Err(self.vm.new_error(
                ExcKind::ValueError,
                &format!(
                    "expression must have {} context but has {} instead",
                    expected.name(),
                    actual.name()
                ),
            ))
        }

        fn expr_node(&mut self, e: &Expr, ctx: ExprContext) -> PyResult<()> {
            let own = match &e.kind {
                ExprKind::Attribute { ctx, .. }
                | ExprKind::Subscript { ctx, .. }
                | ExprKind::Starred { ctx, .. }
                | ExprKind::Name { ctx, .. }
                | ExprKind::List { ctx, .. }
                | ExprKind::Tuple { ctx, .. } => Some(*ctx),
                _ => None,
            };
            match own {
                Some(actual) => self.check(actual, ctx)?,
                None if ctx != ExprContext::Load => {
                    return Err(self.vm.new_error(
                        ExcKind::ValueError,
                        &format!(
                            "expression which can't be assigned to in {} context",
                            ctx.name()
                        ),
                    ));
                }
                None => {}
            }
            match &e.kind {
                ExprKind::BoolOp { values, .. } => self.loads(values),
                ExprKind::NamedExpr { target, value } => {
                    self.expr(target, ExprContext::Store)?;
                    self.load(value)
                }
                ExprKind::BinOp { left, right, .. } => {
                    self.load(left)?;
                    self.load(right)
                }
                ExprKind::UnaryOp { operand, .. } => self.load(operand),
                ExprKind::Lambda { args, body } => {
                    self.arguments(args)?;
                    self.load(body)
                }
                ExprKind::IfExp { test, body, orelse } => {
                    self.load(test)?;
                    self.load(body)?;
                    self.load(orelse)
                }
                ExprKind::Dict { keys, values } => {
                    for k in keys.iter().flatten() {
                        self.load(k)?;
                    }
                    self.loads(values)
                }
                ExprKind::Set { elts } => self.loads(elts),
                ExprKind::ListComp { elt, generators }
                | ExprKind::SetComp { elt, generators }
                | ExprKind::GeneratorExp { elt, generators } => {
                    self.comprehensions(generators)?;
                    self.load(elt)
                }
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => {
                    self.comprehensions(generators)?;
                    self.load(key)?;
                    self.load(value)
                }
                ExprKind::Await { value }
                | ExprKind::YieldFrom { value }
                | ExprKind::Attribute { value, .. } => self.load(value),
                ExprKind::Yield { value } => self.opt(value.as_deref()),
                ExprKind::Compare {
                    left, comparators, ..
                } => {
                    self.load(left)?;
                    self.loads(comparators)
                }
                ExprKind::Call {
                    func,
                    args,
                    keywords,
                } => {
                    self.load(func)?;
                    self.loads(args)?;
                    keywords.iter().try_for_each(|k| self.load(&k.value))
                }
                ExprKind::FormattedValue {
                    value, format_spec, ..
                }
                | ExprKind::Interpolation {
                    value, format_spec, ..
                } => {
                    self.load(value)?;
                    self.opt(format_spec.as_deref())
                }
                ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                    self.loads(values)
                }
                ExprKind::Name { id, .. } => self.name(id),
                ExprKind::Constant { .. } => Ok(()),
                ExprKind::Subscript { value, slice, .. } => {
                    self.load(value)?;
                    self.load(slice)
                }
                ExprKind::Starred { value, .. } => self.expr(value, ctx),
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                    elts.iter().try_for_each(|x| self.expr(x, ctx))
                }
                ExprKind::Slice { lower, upper, step } => {
                    self.opt(lower.as_deref())?;
                    self.opt(upper.as_deref())?;
                    self.opt(step.as_deref())
                }
            }
        }

        fn comprehensions(&mut self, generators: &[Comprehension]) -> PyResult<()> {
            for g in generators {
                self.expr(&g.target, ExprContext::Store)?;
                self.load(&g.iter)?;
                self.loads(&g.ifs)?;
            }
            Ok(())
        }
    }
}
