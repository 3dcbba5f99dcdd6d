//! Rust AST → `_ast` objects: what `compile(..., PyCF_ONLY_AST)` and
//! `ast.parse` return. Each node becomes an instance of its class with its
//! fields and, for positioned nodes, `lineno`, `col_offset`, `end_lineno`
//! and `end_col_offset` (1-based lines, 0-based UTF-8 byte columns, as
//! CPython). Field-less operator and context nodes are shared instances, as
//! in CPython.

use krait_syntax::ast::{
    Alias, Arg, Arguments, Comprehension, Constant, ConstantKind, ExceptHandler, Expr, ExprContext,
    ExprKind, Keyword, MatchCase, Mod, Operator, Pattern, PatternKind, Singleton, Stmt, StmtKind,
    TypeIgnore, TypeParam, TypeParamKind, UnaryOp, WithItem,
};
use krait_syntax::{LineIndex, TextRange};
use krait_vm::builtins::object::BareObject;
use krait_vm::{PyResult, Value, Vm};

use super::classes::NodeClasses;
use super::nodes::index_of;

/// Converts a parsed tree to `_ast` objects. `optimize` is `Some(value of
/// __debug__)` for an optimized tree (`PyCF_OPTIMIZED_AST`): then, as
/// CPython's AST optimizer, `__debug__` becomes a constant, `'%s' % (x,)`
/// with only `%s`/`%r`/`%a` conversions becomes an f-string, and negative
/// and complex literals in patterns become constants.
pub fn module_to_python(
    vm: &mut Vm,
    module: &Mod,
    index: &LineIndex,
    optimize: Option<bool>,
) -> PyResult<Value> {
    let classes = NodeClasses::get(vm)?;
    let mut c = ToPython {
        vm,
        classes,
        index,
        optimize,
    };
    c.module(module)
}

struct ToPython<'v, 'i> {
    vm: &'v mut Vm,
    classes: NodeClasses,
    index: &'i LineIndex,
    optimize: Option<bool>,
}

/// One part of a `%`-format string the optimizer can turn into an f-string.
enum FormatPiece {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    /// A `%s`, `%r` or `%a` conversion and its format spec, if any.
    Conversion(u8, Option<String>),
}

/// Splits a `%`-format string into pieces, or `None` when it uses anything
/// but `%s`/`%r`/`%a` with flags, a width and a precision below 100.
fn parse_percent_format(text: &str) -> Option<Vec<FormatPiece>> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            literal.push(c);
            continue;
        }
        let mut c = chars.next()?;
        if c == '%' {
            literal.push('%');
            continue;
        }
        if !literal.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut literal)));
        }
        let mut left = false;
        while matches!(c, '-' | '+' | ' ' | '#' | '0') {
            left |= c == '-';
            c = chars.next()?;
        }
        let width = read_number(&mut c, &mut chars)?;
        let mut precision = None;
        if c == '.' {
            c = chars.next()?;
            precision = Some(read_number(&mut c, &mut chars)?.unwrap_or(0));
        }
        let conversion = match c {
            's' | 'r' | 'a' => c as u8,
            _ => return None,
        };
        let mut spec = String::new();
        if let Some(w) = width {
            if !left {
                spec.push('>');
            }
            spec.push_str(&w.to_string());
        }
        if let Some(p) = precision {
            spec.push('.');
            spec.push_str(&p.to_string());
        }
        pieces.push(FormatPiece::Conversion(
            conversion,
            (!spec.is_empty()).then_some(spec),
        ));
    }
    if !literal.is_empty() {
        pieces.push(FormatPiece::Literal(literal));
    }
    Some(pieces)
}

/// The digits starting at `c` (advancing it past them): `Some(None)` when
/// there are none, `None` at the end of the text or from 100 on.
fn read_number(c: &mut char, chars: &mut std::str::Chars<'_>) -> Option<Option<u32>> {
    let mut value: Option<u32> = None;
    while let Some(d) = c.to_digit(10) {
        let v = value.unwrap_or(0) * 10 + d;
        if v >= 100 {
            return None;
        }
        value = Some(v);
        *c = chars.next()?;
    }
    Some(value)
}

type Fields = Vec<(&'static str, Value)>;

impl ToPython<'_, '_> {
    /// An instance of class `name` with `fields` and, given a range, positions.
    fn node(&mut self, name: &str, fields: Fields, range: Option<TextRange>) -> PyResult<Value> {
        let positions = range.map(|range| {
            let (line, col) = self.index.line_col(range.start);
            let (end_line, end_col) = self.index.line_col(range.end);
            [line, col, end_line, end_col].map(i64::from)
        });
        self.node_at(name, fields, positions)
    }

    /// An instance of class `name` with `fields` and, if given, the positions
    /// `[lineno, col_offset, end_lineno, end_col_offset]`.
    fn node_at(
        &mut self,
        name: &str,
        fields: Fields,
        positions: Option<[i64; 4]>,
    ) -> PyResult<Value> {
        let class = index_of(name)
            .and_then(|i| self.classes.classes.get(i))
            .cloned();
        let Some(class) = class else {
            return Err(self.vm.type_error(format!("no _ast class {name}")));
        };
        let obj = Value::from_object(self.vm.alloc(&class, BareObject)?.into_obj());
        for (field, value) in fields {
            let key = self.vm.intern(field)?;
            self.vm.set_attr(&obj, &key, Some(value))?;
        }
        if let Some(positions) = positions {
            for (field, n) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
                .into_iter()
                .zip(positions)
            {
                let key = self.vm.intern(field)?;
                self.vm.set_attr(&obj, &key, Some(Value::from_i64(n)))?;
            }
        }
        Ok(obj)
    }

    /// The shared instance of a field-less class (`Load`, `Add`, ...).
    fn singleton(&mut self, name: &str) -> PyResult<Value> {
        match index_of(name).and_then(|i| self.classes.singletons.get(i)) {
            Some(v) if !v.is_none() => Ok(v.clone()),
            _ => self.node(name, Vec::new(), None),
        }
    }

    fn list<T>(&mut self, items: &[T], f: fn(&mut Self, &T) -> PyResult<Value>) -> PyResult<Value> {
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            values.push(f(self, item)?);
        }
        self.vm.new_list(values)
    }

    fn opt<T>(
        &mut self,
        item: Option<&T>,
        f: fn(&mut Self, &T) -> PyResult<Value>,
    ) -> PyResult<Value> {
        match item {
            Some(item) => f(self, item),
            None => Ok(Value::NONE),
        }
    }

    fn ident(&mut self, name: &str) -> PyResult<Value> {
        self.vm.intern_value(name)
    }

    fn opt_ident(&mut self, name: Option<&krait_syntax::ast::Identifier>) -> PyResult<Value> {
        match name {
            Some(n) => self.ident(n),
            None => Ok(Value::NONE),
        }
    }

    fn opt_text(&mut self, text: Option<&str>) -> PyResult<Value> {
        match text {
            Some(t) => self.vm.new_str(t),
            None => Ok(Value::NONE),
        }
    }

    fn module(&mut self, module: &Mod) -> PyResult<Value> {
        match module {
            Mod::Module { body, type_ignores } => {
                let body = self.list(body, Self::stmt)?;
                let ignores = self.list(type_ignores, Self::type_ignore)?;
                self.node(
                    "Module",
                    vec![("body", body), ("type_ignores", ignores)],
                    None,
                )
            }
            Mod::Interactive { body } => {
                let body = self.list(body, Self::stmt)?;
                self.node("Interactive", vec![("body", body)], None)
            }
            Mod::Expression { body } => {
                let body = self.expr(body)?;
                self.node("Expression", vec![("body", body)], None)
            }
            Mod::FunctionType { argtypes, returns } => {
                let argtypes = self.list(argtypes, Self::expr)?;
                let returns = self.expr(returns)?;
                self.node(
                    "FunctionType",
                    vec![("argtypes", argtypes), ("returns", returns)],
                    None,
                )
            }
        }
    }

    fn type_ignore(&mut self, t: &TypeIgnore) -> PyResult<Value> {
        let tag = self.vm.new_str(&t.tag)?;
        self.node(
            "TypeIgnore",
            vec![
                ("lineno", Value::from_i64(i64::from(t.lineno))),
                ("tag", tag),
            ],
            None,
        )
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        krait_syntax::stack::grow(|| self.stmt_node(s))
    }

    fn stmt_node(&mut self, s: &Stmt) -> PyResult<Value> {
        let (name, fields): (&str, Fields) = match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let name = if matches!(s.kind, StmtKind::FunctionDef(_)) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                (
                    name,
                    vec![
                        ("name", self.ident(&f.name)?),
                        ("args", self.arguments(&f.args)?),
                        ("body", self.list(&f.body, Self::stmt)?),
                        ("decorator_list", self.list(&f.decorator_list, Self::expr)?),
                        ("returns", self.opt(f.returns.as_deref(), Self::expr)?),
                        ("type_comment", self.opt_text(f.type_comment.as_deref())?),
                        ("type_params", self.list(&f.type_params, Self::type_param)?),
                    ],
                )
            }
            StmtKind::ClassDef(c) => (
                "ClassDef",
                vec![
                    ("name", self.ident(&c.name)?),
                    ("bases", self.list(&c.bases, Self::expr)?),
                    ("keywords", self.list(&c.keywords, Self::keyword)?),
                    ("body", self.list(&c.body, Self::stmt)?),
                    ("decorator_list", self.list(&c.decorator_list, Self::expr)?),
                    ("type_params", self.list(&c.type_params, Self::type_param)?),
                ],
            ),
            StmtKind::Return { value } => (
                "Return",
                vec![("value", self.opt(value.as_deref(), Self::expr)?)],
            ),
            StmtKind::Delete { targets } => {
                ("Delete", vec![("targets", self.list(targets, Self::expr)?)])
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => (
                "Assign",
                vec![
                    ("targets", self.list(targets, Self::expr)?),
                    ("value", self.expr(value)?),
                    ("type_comment", self.opt_text(type_comment.as_deref())?),
                ],
            ),
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => (
                "TypeAlias",
                vec![
                    ("name", self.expr(name)?),
                    ("type_params", self.list(type_params, Self::type_param)?),
                    ("value", self.expr(value)?),
                ],
            ),
            StmtKind::AugAssign { target, op, value } => (
                "AugAssign",
                vec![
                    ("target", self.expr(target)?),
                    ("op", self.singleton(op.name())?),
                    ("value", self.expr(value)?),
                ],
            ),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => (
                "AnnAssign",
                vec![
                    ("target", self.expr(target)?),
                    ("annotation", self.expr(annotation)?),
                    ("value", self.opt(value.as_deref(), Self::expr)?),
                    ("simple", Value::from_i64(i64::from(*simple))),
                ],
            ),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                type_comment,
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment,
            } => (
                if matches!(s.kind, StmtKind::For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                },
                vec![
                    ("target", self.expr(target)?),
                    ("iter", self.expr(iter)?),
                    ("body", self.list(body, Self::stmt)?),
                    ("orelse", self.list(orelse, Self::stmt)?),
                    ("type_comment", self.opt_text(type_comment.as_deref())?),
                ],
            ),
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => (
                if matches!(s.kind, StmtKind::While { .. }) {
                    "While"
                } else {
                    "If"
                },
                vec![
                    ("test", self.expr(test)?),
                    ("body", self.list(body, Self::stmt)?),
                    ("orelse", self.list(orelse, Self::stmt)?),
                ],
            ),
            StmtKind::With {
                items,
                body,
                type_comment,
            }
            | StmtKind::AsyncWith {
                items,
                body,
                type_comment,
            } => (
                if matches!(s.kind, StmtKind::With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                },
                vec![
                    ("items", self.list(items, Self::withitem)?),
                    ("body", self.list(body, Self::stmt)?),
                    ("type_comment", self.opt_text(type_comment.as_deref())?),
                ],
            ),
            StmtKind::Match { subject, cases } => (
                "Match",
                vec![
                    ("subject", self.expr(subject)?),
                    ("cases", self.list(cases, Self::match_case)?),
                ],
            ),
            StmtKind::Raise { exc, cause } => (
                "Raise",
                vec![
                    ("exc", self.opt(exc.as_deref(), Self::expr)?),
                    ("cause", self.opt(cause.as_deref(), Self::expr)?),
                ],
            ),
            StmtKind::Try(t) | StmtKind::TryStar(t) => (
                if matches!(s.kind, StmtKind::Try(_)) {
                    "Try"
                } else {
                    "TryStar"
                },
                vec![
                    ("body", self.list(&t.body, Self::stmt)?),
                    ("handlers", self.list(&t.handlers, Self::handler)?),
                    ("orelse", self.list(&t.orelse, Self::stmt)?),
                    ("finalbody", self.list(&t.finalbody, Self::stmt)?),
                ],
            ),
            StmtKind::Assert { test, msg } => (
                "Assert",
                vec![
                    ("test", self.expr(test)?),
                    ("msg", self.opt(msg.as_deref(), Self::expr)?),
                ],
            ),
            StmtKind::Import { names } => {
                ("Import", vec![("names", self.list(names, Self::alias)?)])
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => (
                "ImportFrom",
                vec![
                    ("module", self.opt_ident(module.as_ref())?),
                    ("names", self.list(names, Self::alias)?),
                    ("level", Value::from_i64(i64::from(*level))),
                ],
            ),
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let mut values = Vec::with_capacity(names.len());
                for n in names {
                    values.push(self.ident(n)?);
                }
                (
                    if matches!(s.kind, StmtKind::Global { .. }) {
                        "Global"
                    } else {
                        "Nonlocal"
                    },
                    vec![("names", self.vm.new_list(values)?)],
                )
            }
            StmtKind::Expr { value } => ("Expr", vec![("value", self.expr(value)?)]),
            StmtKind::Pass => ("Pass", Vec::new()),
            StmtKind::Break => ("Break", Vec::new()),
            StmtKind::Continue => ("Continue", Vec::new()),
        };
        self.node(name, fields, Some(s.range))
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        krait_syntax::stack::grow(|| self.expr_node(e))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Value> {
        self.opt(e, Self::expr)
    }

    fn expr_node(&mut self, e: &Expr) -> PyResult<Value> {
        if let Some(debug) = self.optimize {
            match &e.kind {
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Load,
                } if id.as_str() == "__debug__" => {
                    let fields = vec![("value", Value::from_bool(debug)), ("kind", Value::NONE)];
                    return self.node("Constant", fields, Some(e.range));
                }
                ExprKind::BinOp {
                    left,
                    op: Operator::Mod,
                    right,
                } => {
                    if let Some(v) = self.percent_format(left, right, e.range)? {
                        return Ok(v);
                    }
                }
                _ => {}
            }
        }
        let (name, fields): (&str, Fields) = match &e.kind {
            ExprKind::BoolOp { op, values } => (
                "BoolOp",
                vec![
                    ("op", self.singleton(op.name())?),
                    ("values", self.list(values, Self::expr)?),
                ],
            ),
            ExprKind::NamedExpr { target, value } => (
                "NamedExpr",
                vec![("target", self.expr(target)?), ("value", self.expr(value)?)],
            ),
            ExprKind::BinOp { left, op, right } => (
                "BinOp",
                vec![
                    ("left", self.expr(left)?),
                    ("op", self.singleton(op.name())?),
                    ("right", self.expr(right)?),
                ],
            ),
            ExprKind::UnaryOp { op, operand } => (
                "UnaryOp",
                vec![
                    ("op", self.singleton(op.name())?),
                    ("operand", self.expr(operand)?),
                ],
            ),
            ExprKind::Lambda { args, body } => (
                "Lambda",
                vec![("args", self.arguments(args)?), ("body", self.expr(body)?)],
            ),
            ExprKind::IfExp { test, body, orelse } => (
                "IfExp",
                vec![
                    ("test", self.expr(test)?),
                    ("body", self.expr(body)?),
                    ("orelse", self.expr(orelse)?),
                ],
            ),
            ExprKind::Dict { keys, values } => {
                let mut ks = Vec::with_capacity(keys.len());
                for k in keys {
                    ks.push(self.opt_expr(k.as_ref())?);
                }
                (
                    "Dict",
                    vec![
                        ("keys", self.vm.new_list(ks)?),
                        ("values", self.list(values, Self::expr)?),
                    ],
                )
            }
            ExprKind::Set { elts } => ("Set", vec![("elts", self.list(elts, Self::expr)?)]),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => (
                match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                },
                vec![
                    ("elt", self.expr(elt)?),
                    ("generators", self.list(generators, Self::comprehension)?),
                ],
            ),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (
                "DictComp",
                vec![
                    ("key", self.expr(key)?),
                    ("value", self.expr(value)?),
                    ("generators", self.list(generators, Self::comprehension)?),
                ],
            ),
            ExprKind::Await { value } => ("Await", vec![("value", self.expr(value)?)]),
            ExprKind::Yield { value } => {
                ("Yield", vec![("value", self.opt_expr(value.as_deref())?)])
            }
            ExprKind::YieldFrom { value } => ("YieldFrom", vec![("value", self.expr(value)?)]),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut op_values = Vec::with_capacity(ops.len());
                for op in ops.iter() {
                    op_values.push(self.singleton(op.name())?);
                }
                (
                    "Compare",
                    vec![
                        ("left", self.expr(left)?),
                        ("ops", self.vm.new_list(op_values)?),
                        ("comparators", self.list(comparators, Self::expr)?),
                    ],
                )
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => (
                "Call",
                vec![
                    ("func", self.expr(func)?),
                    ("args", self.list(args, Self::expr)?),
                    ("keywords", self.list(keywords, Self::keyword)?),
                ],
            ),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => (
                "FormattedValue",
                vec![
                    ("value", self.expr(value)?),
                    (
                        "conversion",
                        Value::from_i64(i64::from(conversion.as_i32())),
                    ),
                    ("format_spec", self.opt_expr(format_spec.as_deref())?),
                ],
            ),
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => (
                "Interpolation",
                vec![
                    ("value", self.expr(value)?),
                    ("str", self.vm.new_str(str)?),
                    (
                        "conversion",
                        Value::from_i64(i64::from(conversion.as_i32())),
                    ),
                    ("format_spec", self.opt_expr(format_spec.as_deref())?),
                ],
            ),
            ExprKind::JoinedStr { values } => (
                "JoinedStr",
                vec![("values", self.list(values, Self::expr)?)],
            ),
            ExprKind::TemplateStr { values } => (
                "TemplateStr",
                vec![("values", self.list(values, Self::expr)?)],
            ),
            ExprKind::Constant { value, kind } => (
                "Constant",
                vec![
                    ("value", self.constant(value)?),
                    (
                        "kind",
                        match kind {
                            Some(ConstantKind::U) => self.vm.new_str("u")?,
                            None => Value::NONE,
                        },
                    ),
                ],
            ),
            ExprKind::Attribute { value, attr, ctx } => (
                "Attribute",
                vec![
                    ("value", self.expr(value)?),
                    ("attr", self.ident(attr)?),
                    ("ctx", self.singleton(ctx.name())?),
                ],
            ),
            ExprKind::Subscript { value, slice, ctx } => (
                "Subscript",
                vec![
                    ("value", self.expr(value)?),
                    ("slice", self.expr(slice)?),
                    ("ctx", self.singleton(ctx.name())?),
                ],
            ),
            ExprKind::Starred { value, ctx } => (
                "Starred",
                vec![
                    ("value", self.expr(value)?),
                    ("ctx", self.singleton(ctx.name())?),
                ],
            ),
            ExprKind::Name { id, ctx } => (
                "Name",
                vec![
                    ("id", self.ident(id)?),
                    ("ctx", self.singleton(ctx.name())?),
                ],
            ),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => (
                if matches!(e.kind, ExprKind::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                },
                vec![
                    ("elts", self.list(elts, Self::expr)?),
                    ("ctx", self.singleton(ctx.name())?),
                ],
            ),
            ExprKind::Slice { lower, upper, step } => (
                "Slice",
                vec![
                    ("lower", self.opt_expr(lower.as_deref())?),
                    ("upper", self.opt_expr(upper.as_deref())?),
                    ("step", self.opt_expr(step.as_deref())?),
                ],
            ),
        };
        self.node(name, fields, Some(e.range))
    }

    /// `'...' % (a, b)` as the f-string the optimizer makes of it, or `None`
    /// when the format or the operands do not allow it.
    fn percent_format(
        &mut self,
        left: &Expr,
        right: &Expr,
        range: TextRange,
    ) -> PyResult<Option<Value>> {
        let ExprKind::Constant {
            value: Constant::Str(text),
            ..
        } = &left.kind
        else {
            return Ok(None);
        };
        let ExprKind::Tuple { elts, .. } = &right.kind else {
            return Ok(None);
        };
        if elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
        {
            return Ok(None);
        }
        let Some(pieces) = text.as_str().and_then(parse_percent_format) else {
            return Ok(None);
        };
        let conversions = pieces
            .iter()
            .filter(|p| matches!(p, FormatPiece::Conversion(..)))
            .count();
        if conversions != elts.len() {
            return Ok(None);
        }
        const NO_POSITION: [i64; 4] = [-1; 4];
        let mut values = Vec::with_capacity(pieces.len());
        let mut args = elts.iter();
        for piece in pieces {
            match piece {
                FormatPiece::Literal(text) => {
                    let text = self.vm.new_str(&text)?;
                    let fields = vec![("value", text), ("kind", Value::NONE)];
                    values.push(self.node_at("Constant", fields, Some(NO_POSITION))?);
                }
                FormatPiece::Conversion(conversion, spec) => {
                    let Some(arg) = args.next() else {
                        return Ok(None);
                    };
                    let spec = match spec.as_deref() {
                        Some(spec) => {
                            let text = self.vm.new_str(spec)?;
                            let fields = vec![("value", text), ("kind", Value::NONE)];
                            self.node_at("Constant", fields, Some(NO_POSITION))?
                        }
                        None => Value::NONE,
                    };
                    let fields = vec![
                        ("value", self.expr(arg)?),
                        ("conversion", Value::from_i64(i64::from(conversion))),
                        ("format_spec", spec),
                    ];
                    values.push(self.node("FormattedValue", fields, Some(arg.range))?);
                }
            }
        }
        let values = self.vm.new_list(values)?;
        Ok(Some(self.node(
            "JoinedStr",
            vec![("values", values)],
            Some(range),
        )?))
    }

    /// The value of a pattern's `-1`, `1+2j` or `-1-2j` the optimizer folds.
    fn folded_pattern_value(&mut self, e: &Expr) -> PyResult<Option<Value>> {
        let number = |this: &mut Self, e: &Expr| -> PyResult<Option<Value>> {
            match &e.kind {
                ExprKind::Constant {
                    value:
                        value @ (Constant::Int(_)
                        | Constant::BigInt(_)
                        | Constant::Float(_)
                        | Constant::Complex(_)),
                    ..
                } => Ok(Some(this.constant(value)?)),
                _ => Ok(None),
            }
        };
        let negated = |this: &mut Self, e: &Expr| -> PyResult<Option<Value>> {
            if let ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand,
            } = &e.kind
                && let Some(v) = number(this, operand)?
            {
                return Ok(Some(
                    this.vm.unary_op(&v, krait_vm::types::slots::UnaryOp::Neg)?,
                ));
            }
            Ok(None)
        };
        if let Some(v) = negated(self, e)? {
            return Ok(Some(v));
        }
        if let ExprKind::BinOp { left, op, right } = &e.kind
            && matches!(op, Operator::Add | Operator::Sub)
            && let ExprKind::Constant {
                value: Constant::Complex(_),
                ..
            } = right.kind
        {
            let left = match negated(self, left)? {
                Some(v) => Some(v),
                None => number(self, left)?,
            };
            if let (Some(l), Some(r)) = (left, number(self, right)?) {
                let op = if *op == Operator::Add {
                    krait_vm::types::slots::BinOp::Add
                } else {
                    krait_vm::types::slots::BinOp::Sub
                };
                return Ok(Some(self.vm.binary_op(&l, &r, op)?));
            }
        }
        Ok(None)
    }

    /// A pattern's value or mapping key, folded in an optimized tree.
    fn pattern_value(&mut self, e: &Expr) -> PyResult<Value> {
        if self.optimize.is_some()
            && let Some(v) = self.folded_pattern_value(e)?
        {
            let fields = vec![("value", v), ("kind", Value::NONE)];
            return self.node("Constant", fields, Some(e.range));
        }
        self.expr(e)
    }

    fn constant(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(match c {
            Constant::None => Value::NONE,
            Constant::True => Value::from_bool(true),
            Constant::False => Value::from_bool(false),
            Constant::Ellipsis => self.vm.ellipsis.clone(),
            Constant::Int(i) => Value::from_i64(*i),
            Constant::BigInt(big) => {
                let value = num_bigint::BigInt::parse_bytes(big.digits().as_bytes(), big.radix())
                    .unwrap_or_default();
                self.vm.new_int(value)?
            }
            Constant::Float(f) => Value::from_f64(*f),
            Constant::Complex(imag) => self.vm.new_complex(0.0, *imag)?,
            Constant::Str(s) => self.vm.new_str_wtf8(s)?,
            Constant::Bytes(b) => self.vm.new_bytes(b.clone())?,
        })
    }

    fn comprehension(&mut self, c: &Comprehension) -> PyResult<Value> {
        let fields = vec![
            ("target", self.expr(&c.target)?),
            ("iter", self.expr(&c.iter)?),
            ("ifs", self.list(&c.ifs, Self::expr)?),
            ("is_async", Value::from_i64(i64::from(c.is_async))),
        ];
        self.node("comprehension", fields, None)
    }

    fn handler(&mut self, h: &ExceptHandler) -> PyResult<Value> {
        let fields = vec![
            ("type", self.opt_expr(h.r#type.as_deref())?),
            ("name", self.opt_ident(h.name.as_ref())?),
            ("body", self.list(&h.body, Self::stmt)?),
        ];
        self.node("ExceptHandler", fields, Some(h.range))
    }

    fn arguments(&mut self, a: &Arguments) -> PyResult<Value> {
        let mut kw_defaults = Vec::with_capacity(a.kw_defaults.len());
        for d in &a.kw_defaults {
            kw_defaults.push(self.opt_expr(d.as_ref())?);
        }
        let fields = vec![
            ("posonlyargs", self.list(&a.posonlyargs, Self::arg)?),
            ("args", self.list(&a.args, Self::arg)?),
            ("vararg", self.opt(a.vararg.as_deref(), Self::arg)?),
            ("kwonlyargs", self.list(&a.kwonlyargs, Self::arg)?),
            ("kw_defaults", self.vm.new_list(kw_defaults)?),
            ("kwarg", self.opt(a.kwarg.as_deref(), Self::arg)?),
            ("defaults", self.list(&a.defaults, Self::expr)?),
        ];
        self.node("arguments", fields, None)
    }

    fn arg(&mut self, a: &Arg) -> PyResult<Value> {
        let fields = vec![
            ("arg", self.ident(&a.arg)?),
            ("annotation", self.opt_expr(a.annotation.as_deref())?),
            ("type_comment", self.opt_text(a.type_comment.as_deref())?),
        ];
        self.node("arg", fields, Some(a.range))
    }

    fn keyword(&mut self, k: &Keyword) -> PyResult<Value> {
        let fields = vec![
            ("arg", self.opt_ident(k.arg.as_ref())?),
            ("value", self.expr(&k.value)?),
        ];
        self.node("keyword", fields, Some(k.range))
    }

    fn alias(&mut self, a: &Alias) -> PyResult<Value> {
        let fields = vec![
            ("name", self.ident(&a.name)?),
            ("asname", self.opt_ident(a.asname.as_ref())?),
        ];
        self.node("alias", fields, Some(a.range))
    }

    fn withitem(&mut self, w: &WithItem) -> PyResult<Value> {
        let fields = vec![
            ("context_expr", self.expr(&w.context_expr)?),
            ("optional_vars", self.opt_expr(w.optional_vars.as_deref())?),
        ];
        self.node("withitem", fields, None)
    }

    fn match_case(&mut self, m: &MatchCase) -> PyResult<Value> {
        let fields = vec![
            ("pattern", self.pattern(&m.pattern)?),
            ("guard", self.opt_expr(m.guard.as_deref())?),
            ("body", self.list(&m.body, Self::stmt)?),
        ];
        self.node("match_case", fields, None)
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        krait_syntax::stack::grow(|| self.pattern_node(p))
    }

    fn pattern_node(&mut self, p: &Pattern) -> PyResult<Value> {
        let idents = |this: &mut Self, names: &[krait_syntax::ast::Identifier]| {
            let mut values = Vec::with_capacity(names.len());
            for n in names {
                values.push(this.ident(n)?);
            }
            this.vm.new_list(values)
        };
        let (name, fields): (&str, Fields) = match &p.kind {
            PatternKind::MatchValue { value } => {
                ("MatchValue", vec![("value", self.pattern_value(value)?)])
            }
            PatternKind::MatchSingleton { value } => (
                "MatchSingleton",
                vec![(
                    "value",
                    match value {
                        Singleton::None => Value::NONE,
                        Singleton::True => Value::from_bool(true),
                        Singleton::False => Value::from_bool(false),
                    },
                )],
            ),
            PatternKind::MatchSequence { patterns } => (
                "MatchSequence",
                vec![("patterns", self.list(patterns, Self::pattern)?)],
            ),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => (
                "MatchMapping",
                vec![
                    ("keys", self.list(keys, Self::pattern_value)?),
                    ("patterns", self.list(patterns, Self::pattern)?),
                    ("rest", self.opt_ident(rest.as_ref())?),
                ],
            ),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => (
                "MatchClass",
                vec![
                    ("cls", self.expr(cls)?),
                    ("patterns", self.list(patterns, Self::pattern)?),
                    ("kwd_attrs", idents(self, kwd_attrs)?),
                    ("kwd_patterns", self.list(kwd_patterns, Self::pattern)?),
                ],
            ),
            PatternKind::MatchStar { name } => {
                ("MatchStar", vec![("name", self.opt_ident(name.as_ref())?)])
            }
            PatternKind::MatchAs { pattern, name } => (
                "MatchAs",
                vec![
                    ("pattern", self.opt(pattern.as_deref(), Self::pattern)?),
                    ("name", self.opt_ident(name.as_ref())?),
                ],
            ),
            PatternKind::MatchOr { patterns } => (
                "MatchOr",
                vec![("patterns", self.list(patterns, Self::pattern)?)],
            ),
        };
        self.node(name, fields, Some(p.range))
    }

    fn type_param(&mut self, t: &TypeParam) -> PyResult<Value> {
        let (name, fields): (&str, Fields) = match &t.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => (
                "TypeVar",
                vec![
                    ("name", self.ident(name)?),
                    ("bound", self.opt_expr(bound.as_deref())?),
                    ("default_value", self.opt_expr(default_value.as_deref())?),
                ],
            ),
            TypeParamKind::ParamSpec {
                name,
                default_value,
            }
            | TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => (
                if matches!(t.kind, TypeParamKind::ParamSpec { .. }) {
                    "ParamSpec"
                } else {
                    "TypeVarTuple"
                },
                vec![
                    ("name", self.ident(name)?),
                    ("default_value", self.opt_expr(default_value.as_deref())?),
                ],
            ),
        };
        self.node(name, fields, Some(t.range))
    }
}
