//! Checks `ast::dump` against CPython 3.14: each record of
//! `tests/data/dump_cases.txt` (made by `gen_dump_cases.py`) holds a source,
//! CPython's tree for it in a compact serialized form, and the text of
//! `ast.dump(tree, include_attributes=True)`. The tree is rebuilt with
//! krait's AST types and dumped; the text must match byte for byte.
//!
//! With `KRAIT_DUMP_CORPUS=<file>` (a file the generator wrote for many
//! sources, e.g. the whole stdlib) the `corpus` test checks that too and
//! reports how long dumping took.

use krait_syntax::LineIndex;
use krait_syntax::TextRange;
use krait_syntax::ast::*;
use krait_syntax::wtf8::Wtf8Buf;

/// A serialized CPython value, before it is given a krait type.
#[derive(Debug)]
enum V {
    Node(String, Vec<V>, Option<TextRange>),
    List(Vec<V>),
    None,
    True,
    False,
    Ellipsis,
    Int(String),
    Float(f64),
    Complex(f64),
    Str(Wtf8Buf),
    Bytes(Vec<u8>),
}

fn hex_bytes(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|k| u8::from_str_radix(&s[k..k + 2], 16).unwrap())
        .collect()
}

fn f64_hex(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

struct Reader<'a> {
    tokens: std::iter::Peekable<std::str::Split<'a, char>>,
    index: &'a LineIndex,
}

impl Reader<'_> {
    fn value(&mut self) -> V {
        let tok = self.tokens.next().expect("unexpected end of tree");
        match tok.as_bytes()[0] {
            b'(' => {
                let name = tok[1..].to_string();
                let mut fields = Vec::new();
                let mut range = None;
                loop {
                    match *self.tokens.peek().expect("unclosed node") {
                        ")" => {
                            self.tokens.next();
                            break;
                        }
                        t if t.starts_with('@') => {
                            let n: Vec<u32> =
                                t[1..].split(',').map(|x| x.parse().unwrap()).collect();
                            let start = self.index.line_start(n[0]).unwrap() + n[1];
                            let end = self.index.line_start(n[2]).unwrap() + n[3];
                            range = Some(TextRange::new(start, end));
                            self.tokens.next();
                        }
                        _ => fields.push(self.value()),
                    }
                }
                V::Node(name, fields, range)
            }
            b'[' => {
                let mut items = Vec::new();
                while *self.tokens.peek().expect("unclosed list") != "]" {
                    items.push(self.value());
                }
                self.tokens.next();
                V::List(items)
            }
            b'~' => V::None,
            b'T' => V::True,
            b'F' => V::False,
            b'E' => V::Ellipsis,
            b'i' => V::Int(tok[1..].to_string()),
            b'f' => V::Float(f64_hex(&tok[1..])),
            b'j' => V::Complex(f64_hex(&tok[1..])),
            b'b' => V::Bytes(hex_bytes(&tok[1..])),
            b'\'' => {
                let mut s = Wtf8Buf::new();
                if tok.len() > 1 {
                    for cp in tok[1..].split('.') {
                        s.push_code_point(u32::from_str_radix(cp, 16).unwrap())
                            .unwrap();
                    }
                }
                V::Str(s)
            }
            _ => panic!("bad token {tok:?}"),
        }
    }
}

/// The fields of one node, taken in CPython's order.
struct Fields(std::vec::IntoIter<V>);

impl Fields {
    fn next(&mut self) -> V {
        self.0.next().expect("missing field")
    }
    fn expr(&mut self) -> Expr {
        expr(self.next())
    }
    fn bexpr(&mut self) -> Box<Expr> {
        Box::new(self.expr())
    }
    fn opt_expr(&mut self) -> Option<Box<Expr>> {
        match self.next() {
            V::None => None,
            v => Some(Box::new(expr(v))),
        }
    }
    fn list(&mut self) -> Vec<V> {
        match self.next() {
            V::List(items) => items,
            v => panic!("expected a list, got {v:?}"),
        }
    }
    fn exprs(&mut self) -> Vec<Expr> {
        self.list().into_iter().map(expr).collect()
    }
    fn opt_exprs(&mut self) -> Vec<Option<Expr>> {
        self.list()
            .into_iter()
            .map(|v| match v {
                V::None => None,
                v => Some(expr(v)),
            })
            .collect()
    }
    fn stmts(&mut self) -> Vec<Stmt> {
        self.list().into_iter().map(stmt).collect()
    }
    fn patterns(&mut self) -> Vec<Pattern> {
        self.list().into_iter().map(pattern).collect()
    }
    fn string(&mut self) -> String {
        match self.next() {
            V::Str(s) => s.as_str().unwrap().to_string(),
            v => panic!("expected a str, got {v:?}"),
        }
    }
    fn ident(&mut self) -> Identifier {
        Identifier::from(self.string())
    }
    fn opt_string(&mut self) -> Option<String> {
        match self.next() {
            V::None => None,
            V::Str(s) => Some(s.as_str().unwrap().to_string()),
            v => panic!("expected a str or None, got {v:?}"),
        }
    }
    fn opt_ident(&mut self) -> Option<Identifier> {
        self.opt_string().map(Identifier::from)
    }
    fn opt_comment(&mut self) -> Option<Box<str>> {
        self.opt_string().map(String::into_boxed_str)
    }
    fn idents(&mut self) -> Vec<Identifier> {
        self.list()
            .into_iter()
            .map(|v| match v {
                V::Str(s) => Identifier::from(s.as_str().unwrap()),
                v => panic!("expected a str, got {v:?}"),
            })
            .collect()
    }
    fn int(&mut self) -> i64 {
        match self.next() {
            V::Int(s) => s.parse().unwrap(),
            v => panic!("expected an int, got {v:?}"),
        }
    }
    fn class(&mut self) -> String {
        match self.next() {
            V::Node(name, _, _) => name,
            v => panic!("expected a node, got {v:?}"),
        }
    }
    fn ctx(&mut self) -> ExprContext {
        match self.class().as_str() {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            c => panic!("bad context {c}"),
        }
    }
    fn operator(&mut self) -> Operator {
        operator(&self.class())
    }
    fn conversion(&mut self) -> Conversion {
        match self.int() {
            -1 => Conversion::None,
            115 => Conversion::Str,
            114 => Conversion::Repr,
            97 => Conversion::Ascii,
            c => panic!("bad conversion {c}"),
        }
    }
    fn arguments(&mut self) -> Arguments {
        let V::Node(_, fields, _) = self.next() else {
            panic!("expected arguments")
        };
        let mut f = Fields(fields.into_iter());
        Arguments {
            posonlyargs: f.list().into_iter().map(arg).collect(),
            args: f.list().into_iter().map(arg).collect(),
            vararg: f.opt_arg(),
            kwonlyargs: f.list().into_iter().map(arg).collect(),
            kw_defaults: f.opt_exprs(),
            kwarg: f.opt_arg(),
            defaults: f.exprs(),
        }
    }
    fn opt_arg(&mut self) -> Option<Box<Arg>> {
        match self.next() {
            V::None => None,
            v => Some(Box::new(arg(v))),
        }
    }
    fn type_params(&mut self) -> Vec<TypeParam> {
        self.list().into_iter().map(type_param).collect()
    }
    fn keywords(&mut self) -> Vec<Keyword> {
        self.list()
            .into_iter()
            .map(|v| {
                let (_, mut f, range) = node(v);
                Keyword {
                    range,
                    arg: f.opt_ident(),
                    value: f.expr(),
                }
            })
            .collect()
    }
    fn aliases(&mut self) -> Vec<Alias> {
        self.list()
            .into_iter()
            .map(|v| {
                let (_, mut f, range) = node(v);
                Alias {
                    range,
                    name: f.ident(),
                    asname: f.opt_ident(),
                }
            })
            .collect()
    }
}

fn node(v: V) -> (String, Fields, TextRange) {
    match v {
        V::Node(name, fields, range) => {
            (name, Fields(fields.into_iter()), range.unwrap_or_default())
        }
        v => panic!("expected a node, got {v:?}"),
    }
}

fn operator(name: &str) -> Operator {
    match name {
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
        "FloorDiv" => Operator::FloorDiv,
        _ => panic!("bad operator {name}"),
    }
}

fn cmpop(name: &str) -> CmpOp {
    match name {
        "Eq" => CmpOp::Eq,
        "NotEq" => CmpOp::NotEq,
        "Lt" => CmpOp::Lt,
        "LtE" => CmpOp::LtE,
        "Gt" => CmpOp::Gt,
        "GtE" => CmpOp::GtE,
        "Is" => CmpOp::Is,
        "IsNot" => CmpOp::IsNot,
        "In" => CmpOp::In,
        "NotIn" => CmpOp::NotIn,
        _ => panic!("bad cmpop {name}"),
    }
}

fn arg(v: V) -> Arg {
    let (_, mut f, range) = node(v);
    Arg {
        range,
        arg: f.ident(),
        annotation: f.opt_expr(),
        type_comment: f.opt_comment(),
    }
}

fn constant(v: V) -> Constant {
    match v {
        V::None => Constant::None,
        V::True => Constant::True,
        V::False => Constant::False,
        V::Ellipsis => Constant::Ellipsis,
        V::Int(digits) => Constant::int_from_digits(10, &digits).unwrap(),
        V::Float(x) => Constant::Float(x),
        V::Complex(x) => Constant::Complex(x),
        V::Str(s) => Constant::Str(s),
        V::Bytes(b) => Constant::Bytes(b),
        v => panic!("bad constant {v:?}"),
    }
}

fn comprehension(v: V) -> Comprehension {
    let (_, mut f, _) = node(v);
    Comprehension {
        target: f.expr(),
        iter: f.expr(),
        ifs: f.exprs(),
        is_async: f.int() != 0,
    }
}

fn expr(v: V) -> Expr {
    let (name, mut f, range) = node(v);
    let kind = match name.as_str() {
        "BoolOp" => ExprKind::BoolOp {
            op: if f.class() == "And" {
                BoolOp::And
            } else {
                BoolOp::Or
            },
            values: f.exprs(),
        },
        "NamedExpr" => ExprKind::NamedExpr {
            target: f.bexpr(),
            value: f.bexpr(),
        },
        "BinOp" => ExprKind::BinOp {
            left: f.bexpr(),
            op: f.operator(),
            right: f.bexpr(),
        },
        "UnaryOp" => ExprKind::UnaryOp {
            op: match f.class().as_str() {
                "Invert" => UnaryOp::Invert,
                "Not" => UnaryOp::Not,
                "UAdd" => UnaryOp::UAdd,
                _ => UnaryOp::USub,
            },
            operand: f.bexpr(),
        },
        "Lambda" => ExprKind::Lambda {
            args: Box::new(f.arguments()),
            body: f.bexpr(),
        },
        "IfExp" => ExprKind::IfExp {
            test: f.bexpr(),
            body: f.bexpr(),
            orelse: f.bexpr(),
        },
        "Dict" => ExprKind::Dict {
            keys: f.opt_exprs(),
            values: f.exprs(),
        },
        "Set" => ExprKind::Set { elts: f.exprs() },
        "ListComp" | "SetComp" | "GeneratorExp" => {
            let elt = f.bexpr();
            let generators = f.list().into_iter().map(comprehension).collect();
            match name.as_str() {
                "ListComp" => ExprKind::ListComp { elt, generators },
                "SetComp" => ExprKind::SetComp { elt, generators },
                _ => ExprKind::GeneratorExp { elt, generators },
            }
        }
        "DictComp" => ExprKind::DictComp {
            key: f.bexpr(),
            value: f.bexpr(),
            generators: f.list().into_iter().map(comprehension).collect(),
        },
        "Await" => ExprKind::Await { value: f.bexpr() },
        "Yield" => ExprKind::Yield {
            value: f.opt_expr(),
        },
        "YieldFrom" => ExprKind::YieldFrom { value: f.bexpr() },
        "Compare" => ExprKind::Compare {
            left: f.bexpr(),
            ops: f.list().into_iter().map(|v| cmpop(&node(v).0)).collect(),
            comparators: f.exprs(),
        },
        "Call" => ExprKind::Call {
            func: f.bexpr(),
            args: f.exprs(),
            keywords: f.keywords(),
        },
        "FormattedValue" => ExprKind::FormattedValue {
            value: f.bexpr(),
            conversion: f.conversion(),
            format_spec: f.opt_expr(),
        },
        "Interpolation" => ExprKind::Interpolation {
            value: f.bexpr(),
            str: f.string().into_boxed_str(),
            conversion: f.conversion(),
            format_spec: f.opt_expr(),
        },
        "JoinedStr" => ExprKind::JoinedStr { values: f.exprs() },
        "TemplateStr" => ExprKind::TemplateStr { values: f.exprs() },
        "Constant" => ExprKind::Constant {
            value: constant(f.next()),
            kind: f.opt_string().map(|k| {
                assert_eq!(k, "u");
                ConstantKind::U
            }),
        },
        "Attribute" => ExprKind::Attribute {
            value: f.bexpr(),
            attr: f.ident(),
            ctx: f.ctx(),
        },
        "Subscript" => ExprKind::Subscript {
            value: f.bexpr(),
            slice: f.bexpr(),
            ctx: f.ctx(),
        },
        "Starred" => ExprKind::Starred {
            value: f.bexpr(),
            ctx: f.ctx(),
        },
        "Name" => ExprKind::Name {
            id: f.ident(),
            ctx: f.ctx(),
        },
        "List" => ExprKind::List {
            elts: f.exprs(),
            ctx: f.ctx(),
        },
        "Tuple" => ExprKind::Tuple {
            elts: f.exprs(),
            ctx: f.ctx(),
        },
        "Slice" => ExprKind::Slice {
            lower: f.opt_expr(),
            upper: f.opt_expr(),
            step: f.opt_expr(),
        },
        _ => panic!("unknown expr {name}"),
    };
    Expr::new(range, kind)
}

fn pattern(v: V) -> Pattern {
    let (name, mut f, range) = node(v);
    let kind = match name.as_str() {
        "MatchValue" => PatternKind::MatchValue { value: f.bexpr() },
        "MatchSingleton" => PatternKind::MatchSingleton {
            value: match f.next() {
                V::None => Singleton::None,
                V::True => Singleton::True,
                V::False => Singleton::False,
                v => panic!("bad singleton {v:?}"),
            },
        },
        "MatchSequence" => PatternKind::MatchSequence {
            patterns: f.patterns(),
        },
        "MatchMapping" => PatternKind::MatchMapping {
            keys: f.exprs(),
            patterns: f.patterns(),
            rest: f.opt_ident(),
        },
        "MatchClass" => PatternKind::MatchClass {
            cls: f.bexpr(),
            patterns: f.patterns(),
            kwd_attrs: f.idents(),
            kwd_patterns: f.patterns(),
        },
        "MatchStar" => PatternKind::MatchStar {
            name: f.opt_ident(),
        },
        "MatchAs" => PatternKind::MatchAs {
            pattern: match f.next() {
                V::None => None,
                v => Some(Box::new(pattern(v))),
            },
            name: f.opt_ident(),
        },
        "MatchOr" => PatternKind::MatchOr {
            patterns: f.patterns(),
        },
        _ => panic!("unknown pattern {name}"),
    };
    Pattern::new(range, kind)
}

fn type_param(v: V) -> TypeParam {
    let (name, mut f, range) = node(v);
    let kind = match name.as_str() {
        "TypeVar" => TypeParamKind::TypeVar {
            name: f.ident(),
            bound: f.opt_expr(),
            default_value: f.opt_expr(),
        },
        "ParamSpec" => TypeParamKind::ParamSpec {
            name: f.ident(),
            default_value: f.opt_expr(),
        },
        "TypeVarTuple" => TypeParamKind::TypeVarTuple {
            name: f.ident(),
            default_value: f.opt_expr(),
        },
        _ => panic!("unknown type param {name}"),
    };
    TypeParam { range, kind }
}

fn try_body(f: &mut Fields) -> Box<Try> {
    Box::new(Try {
        body: f.stmts(),
        handlers: f
            .list()
            .into_iter()
            .map(|v| {
                let (_, mut f, range) = node(v);
                ExceptHandler {
                    range,
                    r#type: f.opt_expr(),
                    name: f.opt_ident(),
                    body: f.stmts(),
                }
            })
            .collect(),
        orelse: f.stmts(),
        finalbody: f.stmts(),
    })
}

fn stmt(v: V) -> Stmt {
    let (name, mut f, range) = node(v);
    let kind = match name.as_str() {
        "FunctionDef" | "AsyncFunctionDef" => {
            let def = Box::new(FunctionDef {
                name: f.ident(),
                args: f.arguments(),
                body: f.stmts(),
                decorator_list: f.exprs(),
                returns: f.opt_expr(),
                type_comment: f.opt_comment(),
                type_params: f.type_params(),
            });
            if name == "FunctionDef" {
                StmtKind::FunctionDef(def)
            } else {
                StmtKind::AsyncFunctionDef(def)
            }
        }
        "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
            name: f.ident(),
            bases: f.exprs(),
            keywords: f.keywords(),
            body: f.stmts(),
            decorator_list: f.exprs(),
            type_params: f.type_params(),
        })),
        "Return" => StmtKind::Return {
            value: f.opt_expr(),
        },
        "Delete" => StmtKind::Delete { targets: f.exprs() },
        "Assign" => StmtKind::Assign {
            targets: f.exprs(),
            value: f.bexpr(),
            type_comment: f.opt_comment(),
        },
        "TypeAlias" => StmtKind::TypeAlias {
            name: f.bexpr(),
            type_params: f.type_params(),
            value: f.bexpr(),
        },
        "AugAssign" => StmtKind::AugAssign {
            target: f.bexpr(),
            op: f.operator(),
            value: f.bexpr(),
        },
        "AnnAssign" => StmtKind::AnnAssign {
            target: f.bexpr(),
            annotation: f.bexpr(),
            value: f.opt_expr(),
            simple: f.int() != 0,
        },
        "For" | "AsyncFor" => {
            let (target, iter, body, orelse, type_comment) =
                (f.bexpr(), f.bexpr(), f.stmts(), f.stmts(), f.opt_comment());
            if name == "For" {
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
        "While" => StmtKind::While {
            test: f.bexpr(),
            body: f.stmts(),
            orelse: f.stmts(),
        },
        "If" => StmtKind::If {
            test: f.bexpr(),
            body: f.stmts(),
            orelse: f.stmts(),
        },
        "With" | "AsyncWith" => {
            let items = f
                .list()
                .into_iter()
                .map(|v| {
                    let (_, mut f, _) = node(v);
                    WithItem {
                        context_expr: f.expr(),
                        optional_vars: f.opt_expr(),
                    }
                })
                .collect();
            let (body, type_comment) = (f.stmts(), f.opt_comment());
            if name == "With" {
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
            subject: f.bexpr(),
            cases: f
                .list()
                .into_iter()
                .map(|v| {
                    let (_, mut f, _) = node(v);
                    MatchCase {
                        pattern: pattern(f.next()),
                        guard: f.opt_expr(),
                        body: f.stmts(),
                    }
                })
                .collect(),
        },
        "Raise" => StmtKind::Raise {
            exc: f.opt_expr(),
            cause: f.opt_expr(),
        },
        "Try" => StmtKind::Try(try_body(&mut f)),
        "TryStar" => StmtKind::TryStar(try_body(&mut f)),
        "Assert" => StmtKind::Assert {
            test: f.bexpr(),
            msg: f.opt_expr(),
        },
        "Import" => StmtKind::Import { names: f.aliases() },
        "ImportFrom" => StmtKind::ImportFrom {
            module: f.opt_ident(),
            names: f.aliases(),
            level: u32::try_from(f.int()).unwrap(),
        },
        "Global" => StmtKind::Global { names: f.idents() },
        "Nonlocal" => StmtKind::Nonlocal { names: f.idents() },
        "Expr" => StmtKind::Expr { value: f.bexpr() },
        "Pass" => StmtKind::Pass,
        "Break" => StmtKind::Break,
        "Continue" => StmtKind::Continue,
        _ => panic!("unknown stmt {name}"),
    };
    Stmt::new(range, kind)
}

fn module(v: V) -> Mod {
    let (name, mut f, _) = node(v);
    match name.as_str() {
        "Module" => Mod::Module {
            body: f.stmts(),
            type_ignores: f
                .list()
                .into_iter()
                .map(|v| {
                    let (_, mut f, _) = node(v);
                    TypeIgnore {
                        lineno: u32::try_from(f.int()).unwrap(),
                        tag: f.string().into_boxed_str(),
                    }
                })
                .collect(),
        },
        "Interactive" => Mod::Interactive { body: f.stmts() },
        "Expression" => Mod::Expression { body: f.bexpr() },
        "FunctionType" => Mod::FunctionType {
            argtypes: f.exprs(),
            returns: f.bexpr(),
        },
        _ => panic!("unknown mod {name}"),
    }
}

/// A record rebuilt: its name, source index, tree and CPython's dump.
struct Case {
    name: String,
    index: LineIndex,
    tree: Mod,
    expected: String,
}

fn read_cases(text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .chunks(4)
        .map(|rec| {
            let name = rec[0].trim_start_matches("=== ").to_string();
            let source = String::from_utf8(hex_bytes(rec[1])).unwrap();
            let index = LineIndex::new(&source);
            let mut reader = Reader {
                tokens: rec[2].split(' ').peekable(),
                index: &index,
            };
            let value = reader.value();
            assert!(reader.tokens.next().is_none(), "{name}: trailing tokens");
            Case {
                tree: module(value),
                name,
                index,
                expected: rec[3].to_string(),
            }
        })
        .collect()
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(80);
    let context = |s: &str| {
        s.get(from..(at + 80).min(s.len()))
            .unwrap_or("")
            .to_string()
    };
    format!(
        "at byte {at}:\n  expected …{}…\n  got      …{}…",
        context(a),
        context(b)
    )
}

fn check_all(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let got = dump(&case.tree, &case.index);
        if got != case.expected {
            failures.push(format!(
                "{}: {}",
                case.name,
                first_difference(&case.expected, &got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} dumps differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn dumps_match_cpython() {
    let cases = read_cases(include_str!("data/dump_cases.txt"));
    assert!(cases.len() >= 20);
    check_all(&cases);
}

#[test]
fn corpus() {
    let Ok(path) = std::env::var("KRAIT_DUMP_CORPUS") else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let cases = read_cases(&text);
    check_all(&cases);
    let start = std::time::Instant::now();
    let mut bytes = 0;
    for case in &cases {
        bytes += dump(&case.tree, &case.index).len();
    }
    eprintln!(
        "dumped {} trees ({} MB) in {:?}",
        cases.len(),
        bytes / 1_000_000,
        start.elapsed()
    );
}
