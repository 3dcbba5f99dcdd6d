//! [`dump`]: renders a tree byte for byte as CPython 3.14's
//! `ast.dump(tree, include_attributes=True)` (one line, `show_empty=False`).
//!
//! The rules it follows: a node prints as `Class(field=value, ...)` with its
//! fields in CPython's order; an optional field that is `None` and a list
//! field that is empty are left out; positioned nodes then append `lineno`,
//! `col_offset`, `end_lineno` and `end_col_offset`; identifiers and
//! constants print as Python's `repr()`; a `None` inside a list (`Dict.keys`,
//! `arguments.kw_defaults`) prints as `None`. Everything is written into one
//! `String`; nothing else is allocated per node.

use super::{
    Alias, Arg, Arguments, Comprehension, Constant, ConstantKind, ExceptHandler, Expr, ExprKind,
    Identifier, Keyword, MatchCase, Mod, Pattern, PatternKind, Singleton, Stmt, StmtKind,
    TypeIgnore, TypeParam, TypeParamKind, WithItem,
};
use crate::pyrepr;
use crate::{LineIndex, TextRange};

/// Renders `module` as `ast.dump(tree, include_attributes=True)` does in
/// CPython 3.14 (no trailing newline).
pub fn dump(module: &Mod, index: &LineIndex) -> String {
    let mut d = Dumper {
        out: String::with_capacity(4096),
        index,
    };
    d.module(module);
    d.out
}

/// Renders one expression (with its attributes) as `ast.dump` would.
pub fn dump_expr(expr: &Expr, index: &LineIndex) -> String {
    let mut d = Dumper {
        out: String::new(),
        index,
    };
    d.expr(expr);
    d.out
}

/// Renders one statement (with its attributes) as `ast.dump` would.
pub fn dump_stmt(stmt: &Stmt, index: &LineIndex) -> String {
    let mut d = Dumper {
        out: String::new(),
        index,
    };
    d.stmt(stmt);
    d.out
}

struct Dumper<'a> {
    out: String,
    index: &'a LineIndex,
}

/// The argument list of one node being written: tracks the `, ` separator.
struct Node {
    first: bool,
}

impl Dumper<'_> {
    // ---- building blocks -------------------------------------------------

    fn open(&mut self, class: &str) -> Node {
        self.out.push_str(class);
        self.out.push('(');
        Node { first: true }
    }

    fn close(&mut self, _node: Node) {
        self.out.push(')');
    }

    /// Writes the separator and `name=`.
    fn key(&mut self, node: &mut Node, name: &str) {
        if !node.first {
            self.out.push_str(", ");
        }
        node.first = false;
        self.out.push_str(name);
        self.out.push('=');
    }

    /// Appends the four position attributes and closes the node.
    fn close_at(&mut self, mut node: Node, range: TextRange) {
        let (line, col) = self.index.line_col(range.start);
        let (end_line, end_col) = self.index.line_col(range.end);
        self.int_field(&mut node, "lineno", i64::from(line));
        self.int_field(&mut node, "col_offset", i64::from(col));
        self.int_field(&mut node, "end_lineno", i64::from(end_line));
        self.int_field(&mut node, "end_col_offset", i64::from(end_col));
        self.close(node);
    }

    /// A field-less node such as `Load()`.
    fn unit(&mut self, class: &str) {
        self.out.push_str(class);
        self.out.push_str("()");
    }

    fn int_field(&mut self, node: &mut Node, name: &str, value: i64) {
        self.key(node, name);
        pyrepr::write_int_repr(&mut self.out, value);
    }

    fn bool_field(&mut self, node: &mut Node, name: &str, value: bool) {
        self.key(node, name);
        self.out.push(if value { '1' } else { '0' });
    }

    fn str_field(&mut self, node: &mut Node, name: &str, value: &str) {
        self.key(node, name);
        pyrepr::write_plain_str_repr(&mut self.out, value);
    }

    fn opt_str_field(&mut self, node: &mut Node, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.str_field(node, name, value);
        }
    }

    fn ident_field(&mut self, node: &mut Node, name: &str, value: &Identifier) {
        self.str_field(node, name, value.as_str());
    }

    fn opt_ident_field(&mut self, node: &mut Node, name: &str, value: Option<&Identifier>) {
        self.opt_str_field(node, name, value.map(Identifier::as_str));
    }

    fn unit_field(&mut self, node: &mut Node, name: &str, class: &str) {
        self.key(node, name);
        self.unit(class);
    }

    fn expr_field(&mut self, node: &mut Node, name: &str, value: &Expr) {
        self.key(node, name);
        self.expr(value);
    }

    fn opt_expr_field(&mut self, node: &mut Node, name: &str, value: Option<&Expr>) {
        if let Some(value) = value {
            self.expr_field(node, name, value);
        }
    }

    /// A list field, left out when empty.
    fn list_field<T>(
        &mut self,
        node: &mut Node,
        name: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T),
    ) {
        if items.is_empty() {
            return;
        }
        self.key(node, name);
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            item(self, x);
        }
        self.out.push(']');
    }

    fn exprs_field(&mut self, node: &mut Node, name: &str, items: &[Expr]) {
        self.list_field(node, name, items, Self::expr);
    }

    fn opt_exprs_field(&mut self, node: &mut Node, name: &str, items: &[Option<Expr>]) {
        self.list_field(node, name, items, |d, x| match x {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
    }

    fn stmts_field(&mut self, node: &mut Node, name: &str, items: &[Stmt]) {
        self.list_field(node, name, items, Self::stmt);
    }

    fn idents_field(&mut self, node: &mut Node, name: &str, items: &[Identifier]) {
        self.list_field(node, name, items, |d, x| {
            pyrepr::write_plain_str_repr(&mut d.out, x.as_str());
        });
    }

    fn patterns_field(&mut self, node: &mut Node, name: &str, items: &[Pattern]) {
        self.list_field(node, name, items, Self::pattern);
    }

    fn type_params_field(&mut self, node: &mut Node, items: &[TypeParam]) {
        self.list_field(node, "type_params", items, Self::type_param);
    }

    fn keywords_field(&mut self, node: &mut Node, items: &[Keyword]) {
        self.list_field(node, "keywords", items, Self::keyword);
    }

    // ---- roots -----------------------------------------------------------

    fn module(&mut self, module: &Mod) {
        match module {
            Mod::Module { body, type_ignores } => {
                let mut n = self.open("Module");
                self.stmts_field(&mut n, "body", body);
                self.list_field(&mut n, "type_ignores", type_ignores, Self::type_ignore);
                self.close(n);
            }
            Mod::Interactive { body } => {
                let mut n = self.open("Interactive");
                self.stmts_field(&mut n, "body", body);
                self.close(n);
            }
            Mod::Expression { body } => {
                let mut n = self.open("Expression");
                self.expr_field(&mut n, "body", body);
                self.close(n);
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut n = self.open("FunctionType");
                self.exprs_field(&mut n, "argtypes", argtypes);
                self.expr_field(&mut n, "returns", returns);
                self.close(n);
            }
        }
    }

    fn type_ignore(&mut self, ti: &TypeIgnore) {
        let mut n = self.open("TypeIgnore");
        self.int_field(&mut n, "lineno", i64::from(ti.lineno));
        self.str_field(&mut n, "tag", &ti.tag);
        self.close(n);
    }

    // ---- statements ------------------------------------------------------

    fn stmt(&mut self, stmt: &Stmt) {
        let n = match &stmt.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let class = if matches!(stmt.kind, StmtKind::FunctionDef(_)) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let mut n = self.open(class);
                self.ident_field(&mut n, "name", &f.name);
                self.key(&mut n, "args");
                self.arguments(&f.args);
                self.stmts_field(&mut n, "body", &f.body);
                self.exprs_field(&mut n, "decorator_list", &f.decorator_list);
                self.opt_expr_field(&mut n, "returns", f.returns.as_deref());
                self.opt_str_field(&mut n, "type_comment", f.type_comment.as_deref());
                self.type_params_field(&mut n, &f.type_params);
                n
            }
            StmtKind::ClassDef(c) => {
                let mut n = self.open("ClassDef");
                self.ident_field(&mut n, "name", &c.name);
                self.exprs_field(&mut n, "bases", &c.bases);
                self.keywords_field(&mut n, &c.keywords);
                self.stmts_field(&mut n, "body", &c.body);
                self.exprs_field(&mut n, "decorator_list", &c.decorator_list);
                self.type_params_field(&mut n, &c.type_params);
                n
            }
            StmtKind::Return { value } => {
                let mut n = self.open("Return");
                self.opt_expr_field(&mut n, "value", value.as_deref());
                n
            }
            StmtKind::Delete { targets } => {
                let mut n = self.open("Delete");
                self.exprs_field(&mut n, "targets", targets);
                n
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                let mut n = self.open("Assign");
                self.exprs_field(&mut n, "targets", targets);
                self.expr_field(&mut n, "value", value);
                self.opt_str_field(&mut n, "type_comment", type_comment.as_deref());
                n
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => {
                let mut n = self.open("TypeAlias");
                self.expr_field(&mut n, "name", name);
                self.type_params_field(&mut n, type_params);
                self.expr_field(&mut n, "value", value);
                n
            }
            StmtKind::AugAssign { target, op, value } => {
                let mut n = self.open("AugAssign");
                self.expr_field(&mut n, "target", target);
                self.unit_field(&mut n, "op", op.name());
                self.expr_field(&mut n, "value", value);
                n
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let mut n = self.open("AnnAssign");
                self.expr_field(&mut n, "target", target);
                self.expr_field(&mut n, "annotation", annotation);
                self.opt_expr_field(&mut n, "value", value.as_deref());
                self.bool_field(&mut n, "simple", *simple);
                n
            }
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
            } => {
                let class = if matches!(stmt.kind, StmtKind::For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                };
                let mut n = self.open(class);
                self.expr_field(&mut n, "target", target);
                self.expr_field(&mut n, "iter", iter);
                self.stmts_field(&mut n, "body", body);
                self.stmts_field(&mut n, "orelse", orelse);
                self.opt_str_field(&mut n, "type_comment", type_comment.as_deref());
                n
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let class = if matches!(stmt.kind, StmtKind::While { .. }) {
                    "While"
                } else {
                    "If"
                };
                let mut n = self.open(class);
                self.expr_field(&mut n, "test", test);
                self.stmts_field(&mut n, "body", body);
                self.stmts_field(&mut n, "orelse", orelse);
                n
            }
            StmtKind::With {
                items,
                body,
                type_comment,
            }
            | StmtKind::AsyncWith {
                items,
                body,
                type_comment,
            } => {
                let class = if matches!(stmt.kind, StmtKind::With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                };
                let mut n = self.open(class);
                self.list_field(&mut n, "items", items, Self::with_item);
                self.stmts_field(&mut n, "body", body);
                self.opt_str_field(&mut n, "type_comment", type_comment.as_deref());
                n
            }
            StmtKind::Match { subject, cases } => {
                let mut n = self.open("Match");
                self.expr_field(&mut n, "subject", subject);
                self.list_field(&mut n, "cases", cases, Self::match_case);
                n
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = self.open("Raise");
                self.opt_expr_field(&mut n, "exc", exc.as_deref());
                self.opt_expr_field(&mut n, "cause", cause.as_deref());
                n
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                let class = if matches!(stmt.kind, StmtKind::Try(_)) {
                    "Try"
                } else {
                    "TryStar"
                };
                let mut n = self.open(class);
                self.stmts_field(&mut n, "body", &t.body);
                self.list_field(&mut n, "handlers", &t.handlers, Self::except_handler);
                self.stmts_field(&mut n, "orelse", &t.orelse);
                self.stmts_field(&mut n, "finalbody", &t.finalbody);
                n
            }
            StmtKind::Assert { test, msg } => {
                let mut n = self.open("Assert");
                self.expr_field(&mut n, "test", test);
                self.opt_expr_field(&mut n, "msg", msg.as_deref());
                n
            }
            StmtKind::Import { names } => {
                let mut n = self.open("Import");
                self.list_field(&mut n, "names", names, Self::alias);
                n
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut n = self.open("ImportFrom");
                self.opt_ident_field(&mut n, "module", module.as_ref());
                self.list_field(&mut n, "names", names, Self::alias);
                self.int_field(&mut n, "level", i64::from(*level));
                n
            }
            StmtKind::Global { names } => {
                let mut n = self.open("Global");
                self.idents_field(&mut n, "names", names);
                n
            }
            StmtKind::Nonlocal { names } => {
                let mut n = self.open("Nonlocal");
                self.idents_field(&mut n, "names", names);
                n
            }
            StmtKind::Expr { value } => {
                let mut n = self.open("Expr");
                self.expr_field(&mut n, "value", value);
                n
            }
            StmtKind::Pass => self.open("Pass"),
            StmtKind::Break => self.open("Break"),
            StmtKind::Continue => self.open("Continue"),
        };
        self.close_at(n, stmt.range);
    }

    // ---- expressions -----------------------------------------------------

    fn expr(&mut self, expr: &Expr) {
        let n = match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                let mut n = self.open("BoolOp");
                self.unit_field(&mut n, "op", op.name());
                self.exprs_field(&mut n, "values", values);
                n
            }
            ExprKind::NamedExpr { target, value } => {
                let mut n = self.open("NamedExpr");
                self.expr_field(&mut n, "target", target);
                self.expr_field(&mut n, "value", value);
                n
            }
            ExprKind::BinOp { left, op, right } => {
                let mut n = self.open("BinOp");
                self.expr_field(&mut n, "left", left);
                self.unit_field(&mut n, "op", op.name());
                self.expr_field(&mut n, "right", right);
                n
            }
            ExprKind::UnaryOp { op, operand } => {
                let mut n = self.open("UnaryOp");
                self.unit_field(&mut n, "op", op.name());
                self.expr_field(&mut n, "operand", operand);
                n
            }
            ExprKind::Lambda { args, body } => {
                let mut n = self.open("Lambda");
                self.key(&mut n, "args");
                self.arguments(args);
                self.expr_field(&mut n, "body", body);
                n
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut n = self.open("IfExp");
                self.expr_field(&mut n, "test", test);
                self.expr_field(&mut n, "body", body);
                self.expr_field(&mut n, "orelse", orelse);
                n
            }
            ExprKind::Dict { keys, values } => {
                let mut n = self.open("Dict");
                self.opt_exprs_field(&mut n, "keys", keys);
                self.exprs_field(&mut n, "values", values);
                n
            }
            ExprKind::Set { elts } => {
                let mut n = self.open("Set");
                self.exprs_field(&mut n, "elts", elts);
                n
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let class = match expr.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let mut n = self.open(class);
                self.expr_field(&mut n, "elt", elt);
                self.list_field(&mut n, "generators", generators, Self::comprehension);
                n
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut n = self.open("DictComp");
                self.expr_field(&mut n, "key", key);
                self.expr_field(&mut n, "value", value);
                self.list_field(&mut n, "generators", generators, Self::comprehension);
                n
            }
            ExprKind::Await { value } => {
                let mut n = self.open("Await");
                self.expr_field(&mut n, "value", value);
                n
            }
            ExprKind::Yield { value } => {
                let mut n = self.open("Yield");
                self.opt_expr_field(&mut n, "value", value.as_deref());
                n
            }
            ExprKind::YieldFrom { value } => {
                let mut n = self.open("YieldFrom");
                self.expr_field(&mut n, "value", value);
                n
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut n = self.open("Compare");
                self.expr_field(&mut n, "left", left);
                self.list_field(&mut n, "ops", ops, |d, op| d.unit(op.name()));
                self.exprs_field(&mut n, "comparators", comparators);
                n
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut n = self.open("Call");
                self.expr_field(&mut n, "func", func);
                self.exprs_field(&mut n, "args", args);
                self.keywords_field(&mut n, keywords);
                n
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut n = self.open("FormattedValue");
                self.expr_field(&mut n, "value", value);
                self.int_field(&mut n, "conversion", i64::from(conversion.as_i32()));
                self.opt_expr_field(&mut n, "format_spec", format_spec.as_deref());
                n
            }
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => {
                let mut n = self.open("Interpolation");
                self.expr_field(&mut n, "value", value);
                self.str_field(&mut n, "str", str);
                self.int_field(&mut n, "conversion", i64::from(conversion.as_i32()));
                self.opt_expr_field(&mut n, "format_spec", format_spec.as_deref());
                n
            }
            ExprKind::JoinedStr { values } => {
                let mut n = self.open("JoinedStr");
                self.exprs_field(&mut n, "values", values);
                n
            }
            ExprKind::TemplateStr { values } => {
                let mut n = self.open("TemplateStr");
                self.exprs_field(&mut n, "values", values);
                n
            }
            ExprKind::Constant { value, kind } => {
                let mut n = self.open("Constant");
                self.key(&mut n, "value");
                self.constant(value);
                if let Some(ConstantKind::U) = kind {
                    self.str_field(&mut n, "kind", "u");
                }
                n
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let mut n = self.open("Attribute");
                self.expr_field(&mut n, "value", value);
                self.ident_field(&mut n, "attr", attr);
                self.unit_field(&mut n, "ctx", ctx.name());
                n
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let mut n = self.open("Subscript");
                self.expr_field(&mut n, "value", value);
                self.expr_field(&mut n, "slice", slice);
                self.unit_field(&mut n, "ctx", ctx.name());
                n
            }
            ExprKind::Starred { value, ctx } => {
                let mut n = self.open("Starred");
                self.expr_field(&mut n, "value", value);
                self.unit_field(&mut n, "ctx", ctx.name());
                n
            }
            ExprKind::Name { id, ctx } => {
                let mut n = self.open("Name");
                self.ident_field(&mut n, "id", id);
                self.unit_field(&mut n, "ctx", ctx.name());
                n
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let class = if matches!(expr.kind, ExprKind::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                };
                let mut n = self.open(class);
                self.exprs_field(&mut n, "elts", elts);
                self.unit_field(&mut n, "ctx", ctx.name());
                n
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = self.open("Slice");
                self.opt_expr_field(&mut n, "lower", lower.as_deref());
                self.opt_expr_field(&mut n, "upper", upper.as_deref());
                self.opt_expr_field(&mut n, "step", step.as_deref());
                n
            }
        };
        self.close_at(n, expr.range);
    }

    fn constant(&mut self, value: &Constant) {
        let out = &mut self.out;
        match value {
            Constant::None => out.push_str("None"),
            Constant::True => out.push_str("True"),
            Constant::False => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(v) => pyrepr::write_int_repr(out, *v),
            Constant::BigInt(big) => pyrepr::write_big_int_repr(out, big.radix(), big.digits()),
            Constant::Float(v) => pyrepr::write_float_repr(out, *v),
            Constant::Complex(imag) => pyrepr::write_complex_repr(out, 0.0, *imag),
            Constant::Str(s) => pyrepr::write_str_repr(out, s),
            Constant::Bytes(b) => pyrepr::write_bytes_repr(out, b),
        }
    }

    // ---- other nodes -----------------------------------------------------

    fn comprehension(&mut self, c: &Comprehension) {
        let mut n = self.open("comprehension");
        self.expr_field(&mut n, "target", &c.target);
        self.expr_field(&mut n, "iter", &c.iter);
        self.exprs_field(&mut n, "ifs", &c.ifs);
        self.bool_field(&mut n, "is_async", c.is_async);
        self.close(n);
    }

    fn arguments(&mut self, a: &Arguments) {
        let mut n = self.open("arguments");
        self.list_field(&mut n, "posonlyargs", &a.posonlyargs, Self::arg);
        self.list_field(&mut n, "args", &a.args, Self::arg);
        if let Some(vararg) = &a.vararg {
            self.key(&mut n, "vararg");
            self.arg(vararg);
        }
        self.list_field(&mut n, "kwonlyargs", &a.kwonlyargs, Self::arg);
        self.opt_exprs_field(&mut n, "kw_defaults", &a.kw_defaults);
        if let Some(kwarg) = &a.kwarg {
            self.key(&mut n, "kwarg");
            self.arg(kwarg);
        }
        self.exprs_field(&mut n, "defaults", &a.defaults);
        self.close(n);
    }

    fn arg(&mut self, a: &Arg) {
        let mut n = self.open("arg");
        self.ident_field(&mut n, "arg", &a.arg);
        self.opt_expr_field(&mut n, "annotation", a.annotation.as_deref());
        self.opt_str_field(&mut n, "type_comment", a.type_comment.as_deref());
        self.close_at(n, a.range);
    }

    fn keyword(&mut self, k: &Keyword) {
        let mut n = self.open("keyword");
        self.opt_ident_field(&mut n, "arg", k.arg.as_ref());
        self.expr_field(&mut n, "value", &k.value);
        self.close_at(n, k.range);
    }

    fn alias(&mut self, a: &Alias) {
        let mut n = self.open("alias");
        self.ident_field(&mut n, "name", &a.name);
        self.opt_ident_field(&mut n, "asname", a.asname.as_ref());
        self.close_at(n, a.range);
    }

    fn with_item(&mut self, w: &WithItem) {
        let mut n = self.open("withitem");
        self.expr_field(&mut n, "context_expr", &w.context_expr);
        self.opt_expr_field(&mut n, "optional_vars", w.optional_vars.as_deref());
        self.close(n);
    }

    fn except_handler(&mut self, h: &ExceptHandler) {
        let mut n = self.open("ExceptHandler");
        self.opt_expr_field(&mut n, "type", h.r#type.as_deref());
        self.opt_ident_field(&mut n, "name", h.name.as_ref());
        self.stmts_field(&mut n, "body", &h.body);
        self.close_at(n, h.range);
    }

    fn match_case(&mut self, c: &MatchCase) {
        let mut n = self.open("match_case");
        self.key(&mut n, "pattern");
        self.pattern(&c.pattern);
        self.opt_expr_field(&mut n, "guard", c.guard.as_deref());
        self.stmts_field(&mut n, "body", &c.body);
        self.close(n);
    }

    fn pattern(&mut self, p: &Pattern) {
        let n = match &p.kind {
            PatternKind::MatchValue { value } => {
                let mut n = self.open("MatchValue");
                self.expr_field(&mut n, "value", value);
                n
            }
            PatternKind::MatchSingleton { value } => {
                let mut n = self.open("MatchSingleton");
                self.key(&mut n, "value");
                self.out.push_str(match value {
                    Singleton::None => "None",
                    Singleton::True => "True",
                    Singleton::False => "False",
                });
                n
            }
            PatternKind::MatchSequence { patterns } => {
                let mut n = self.open("MatchSequence");
                self.patterns_field(&mut n, "patterns", patterns);
                n
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut n = self.open("MatchMapping");
                self.exprs_field(&mut n, "keys", keys);
                self.patterns_field(&mut n, "patterns", patterns);
                self.opt_ident_field(&mut n, "rest", rest.as_ref());
                n
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut n = self.open("MatchClass");
                self.expr_field(&mut n, "cls", cls);
                self.patterns_field(&mut n, "patterns", patterns);
                self.idents_field(&mut n, "kwd_attrs", kwd_attrs);
                self.patterns_field(&mut n, "kwd_patterns", kwd_patterns);
                n
            }
            PatternKind::MatchStar { name } => {
                let mut n = self.open("MatchStar");
                self.opt_ident_field(&mut n, "name", name.as_ref());
                n
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut n = self.open("MatchAs");
                if let Some(pattern) = pattern {
                    self.key(&mut n, "pattern");
                    self.pattern(pattern);
                }
                self.opt_ident_field(&mut n, "name", name.as_ref());
                n
            }
            PatternKind::MatchOr { patterns } => {
                let mut n = self.open("MatchOr");
                self.patterns_field(&mut n, "patterns", patterns);
                n
            }
        };
        self.close_at(n, p.range);
    }

    fn type_param(&mut self, t: &TypeParam) {
        let n = match &t.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => {
                let mut n = self.open("TypeVar");
                self.ident_field(&mut n, "name", name);
                self.opt_expr_field(&mut n, "bound", bound.as_deref());
                self.opt_expr_field(&mut n, "default_value", default_value.as_deref());
                n
            }
            TypeParamKind::ParamSpec {
                name,
                default_value,
            } => {
                let mut n = self.open("ParamSpec");
                self.ident_field(&mut n, "name", name);
                self.opt_expr_field(&mut n, "default_value", default_value.as_deref());
                n
            }
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => {
                let mut n = self.open("TypeVarTuple");
                self.ident_field(&mut n, "name", name);
                self.opt_expr_field(&mut n, "default_value", default_value.as_deref());
                n
            }
        };
        self.close_at(n, t.range);
    }
}
