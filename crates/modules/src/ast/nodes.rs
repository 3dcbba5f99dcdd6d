//! The node class table of `_ast`: CPython 3.14's abstract grammar
//! (`Parser/Python.asdl`), written here in the same ASDL notation and parsed
//! once into [`NodeSpec`]s. Every class of `_ast` — the abstract sums
//! (`stmt`, `expr`, ...), their constructors (`BinOp`, ...) and the product
//! types (`arguments`, ...) — is one entry, in the order CPython creates
//! them; the classes' `_fields`, `_attributes`, `__doc__`, class-level
//! defaults and `_field_types` are all derived from it.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The abstract grammar. `T*` is a list, `T?` optional, `T?*` a list whose
/// items may be `None`; `attributes (...)` follows a sum's constructors or a
/// product's fields.
const GRAMMAR: &str = "
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list, type_param* type_params)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | TypeAlias(expr name, type_param* type_params, expr value)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr?* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | Interpolation(expr value, constant str, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | TemplateStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr?* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
        | MatchSingleton(constant value)
        | MatchSequence(pattern* patterns)
        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
        | MatchStar(identifier? name)
        | MatchAs(pattern? pattern, identifier? name)
        | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)

type_param = TypeVar(identifier name, expr? bound, expr? default_value)
           | ParamSpec(identifier name, expr? default_value)
           | TypeVarTuple(identifier name, expr? default_value)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)
";

/// How many values a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Exactly one (`T`).
    One,
    /// One or `None` (`T?`).
    Optional,
    /// A list (`T*`).
    List,
    /// A list whose items may be `None` (`T?*`).
    OptionalList,
}

/// One field or attribute of a node class.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    /// The ASDL type (`expr`, `identifier`, `int`, ...).
    pub ty: &'static str,
    /// The field name.
    pub name: &'static str,
    /// Single, optional or list.
    pub quantity: Quantity,
}

/// One class of `_ast`.
#[derive(Clone, Debug)]
pub struct NodeSpec {
    /// The class name.
    pub name: &'static str,
    /// Index of the base class in the table; `None` for a direct `AST` subclass.
    pub base: Option<usize>,
    /// The fields (`_fields`), empty for abstract sums.
    pub fields: Vec<FieldSpec>,
    /// The attributes (`_attributes`): positions.
    pub attributes: Vec<FieldSpec>,
    /// `__doc__`.
    pub doc: String,
    /// An abstract sum (`expr`) rather than a constructor or product.
    pub is_abstract: bool,
    /// A constructor of a sum whose constructors all lack fields (`Load`, `Add`).
    pub is_simple: bool,
}

/// The parsed table, built once per process.
pub fn specs() -> &'static [NodeSpec] {
    static TABLE: OnceLock<Vec<NodeSpec>> = OnceLock::new();
    TABLE.get_or_init(|| parse_grammar(GRAMMAR))
}

/// The index of the class called `name`.
pub fn index_of(name: &str) -> Option<usize> {
    static INDEX: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            specs()
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name, i))
                .collect()
        })
        .get(name)
        .copied()
}

fn parse_fields(text: &'static str) -> Vec<FieldSpec> {
    text.split(',')
        .filter_map(|part| {
            let mut words = part.split_whitespace();
            let ty = words.next()?;
            let name = words.next()?;
            let (ty, quantity) = if let Some(t) = ty.strip_suffix("?*") {
                (t, Quantity::OptionalList)
            } else if let Some(t) = ty.strip_suffix('*') {
                (t, Quantity::List)
            } else if let Some(t) = ty.strip_suffix('?') {
                (t, Quantity::Optional)
            } else {
                (ty, Quantity::One)
            };
            Some(FieldSpec { ty, name, quantity })
        })
        .collect()
}

/// Splits `Name(fields)` into the name and its fields.
fn parse_constructor(text: &'static str) -> (&'static str, Vec<FieldSpec>) {
    let text = text.trim();
    match text.split_once('(') {
        Some((name, rest)) => (name.trim(), parse_fields(rest.trim_end_matches(')'))),
        None => (text, Vec::new()),
    }
}

fn parse_grammar(grammar: &'static str) -> Vec<NodeSpec> {
    let mut table = Vec::new();
    for definition in grammar.split("\n\n") {
        let definition = definition.trim();
        let Some((name, body)) = definition.split_once(" = ") else {
            continue;
        };
        let (body, attributes) = match body.split_once("attributes (") {
            Some((b, a)) => (b.trim(), parse_fields(a.trim().trim_end_matches(')'))),
            None => (body.trim(), Vec::new()),
        };
        if let Some(product) = body.strip_prefix('(') {
            let fields = parse_fields(product.trim_end_matches(')'));
            let doc = format!("{name}{body}");
            table.push(NodeSpec {
                name,
                base: None,
                fields,
                attributes,
                doc,
                is_abstract: false,
                is_simple: false,
            });
            continue;
        }
        let constructors: Vec<&'static str> = body.split('|').map(str::trim).collect();
        let is_simple = constructors.iter().all(|c| !c.contains('('));
        let separator = if is_simple {
            " | ".to_owned()
        } else {
            format!("\n{}| ", " ".repeat(name.len() + 1))
        };
        let doc = format!("{name} = {}", constructors.join(&separator));
        let base = table.len();
        table.push(NodeSpec {
            name,
            base: None,
            fields: Vec::new(),
            attributes: attributes.clone(),
            doc,
            is_abstract: true,
            is_simple: false,
        });
        for constructor in constructors {
            let (cname, fields) = parse_constructor(constructor);
            table.push(NodeSpec {
                name: cname,
                base: Some(base),
                fields,
                attributes: attributes.clone(),
                doc: constructor.to_owned(),
                is_abstract: false,
                is_simple,
            });
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_class() {
        let names: Vec<&str> = specs().iter().map(|s| s.name).collect();
        assert_eq!(names.len(), 125);
        assert!(names.contains(&"TypeVarTuple"));
        let binop = &specs()[index_of("BinOp").unwrap_or(0)];
        assert_eq!(binop.doc, "BinOp(expr left, operator op, expr right)");
        assert_eq!(binop.attributes.len(), 4);
        let load = &specs()[index_of("Load").unwrap_or(0)];
        assert!(load.is_simple && load.fields.is_empty());
        let keys = &specs()[index_of("Dict").unwrap_or(0)].fields[0];
        assert_eq!(keys.quantity, Quantity::OptionalList);
    }
}
