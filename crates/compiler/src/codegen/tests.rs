//! Unit tests of the code generator: code-object attributes of small
//! programs recorded from CPython 3.14 (`testdata/cases.txt`, written by
//! `crates/compiler/scripts/record_codegen_cases.py`), structural checks of
//! the compiled code, compile-time errors and very long chains.

use super::verify::verify;
use super::*;

fn compile_text(source: &str) -> Result<CodeObject, CompileError> {
    let parsed =
        krait_syntax::parse_module(source.as_bytes(), "<case>").map_err(CompileError::Syntax)?;
    compile(&parsed, "<case>", CompileMode::Exec)
}

#[test]
fn recorded_cases_match_cpython() {
    let data = include_str!("testdata/cases.txt");
    let mut failures = Vec::new();
    for case in data.split("=== case\n").skip(1) {
        let Some((source, expected)) = case.split_once("=== expect\n") else {
            continue;
        };
        let got = match compile_text(source) {
            Ok(code) => {
                if let Err(e) = verify(&code) {
                    failures.push(format!("{source}: structure: {e}"));
                }
                format!("OK\n{}", dump::dump(&code))
            }
            Err(CompileError::Syntax(e)) => {
                format!(
                    "ERROR\n{}\n{}\n{}\n",
                    e.kind.class_name(),
                    e.lineno.map_or("None".to_owned(), |l| l.to_string()),
                    e.msg
                )
            }
            Err(other) => format!("ERROR\n{other}\n"),
        };
        if got != expected {
            failures.push(format!(
                "--- source\n{source}--- expected\n{expected}--- got\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn long_chains_do_not_overflow() {
    // 200,000 terms: CPython 3.14 raises RecursionError somewhere past
    // ~50,000 levels; krait compiles left-deep chains iteratively.
    let mut source = String::from("x = 1");
    for _ in 0..200_000 {
        source.push_str(" + a");
    }
    source.push('\n');
    match compile_text(&source) {
        Ok(code) => verify(&code).expect("valid code"),
        Err(CompileError::Syntax(e)) => assert_eq!(e.msg, RECURSION_MESSAGE),
        Err(other) => panic!("unexpected {other}"),
    }
}

/// Nesting up to the parser's limit compiles on a thread with a small stack:
/// the symbol-table walk and the code generator grow their stack on demand.
#[test]
fn deep_nesting_compiles_on_a_small_stack() {
    let outcome = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            [
                format!("x = {}y\n", "not ".repeat(5900)),
                format!("x = {}y\n", "-".repeat(5900)),
                format!("x = {}y{}\n", "[".repeat(190), "]".repeat(190)),
            ]
            .iter()
            .map(|source| compile_text(source).map(|code| verify(&code).is_ok()))
            .map(|result| matches!(result, Ok(true)))
            .collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(outcome, [true, true, true]);
}

#[test]
fn every_construct_verifies() {
    let source = r#"
import os, a.b.c as d
from x import (y as z, w)
def f(a, /, b=1, *c, d, e=2, **g) -> int:
    "doc"
    nonlocal_ = [i for i in a if i]
    for i in b:
        if i: break
        elif c: continue
    else:
        pass
    while a:
        try:
            return 1
        except (E, F) as e:
            raise G from e
        finally:
            del a
        try:
            pass
        except* H:
            pass
        finally:
            del a
    with p as q, r:
        yield q
    return {k: v for k, v in g.items()}, {*c}, (x for x in c)
async def h():
    async with a as b:
        async for x in b:
            await x
    return [x async for x in b]
class C(B, metaclass=M):
    x: int = 1
    def m(self):
        self.y = super().m()
        return __class__
match q:
    case [1, *rest] | (2, *rest): pass
    case {"k": v, **kw} if v: pass
    case C(a, b=c) as d: pass
    case None | True: pass
    case _: pass
type T[X: int, *Ys, **P] = list[X]
def gen[T](x: T) -> T: return x
lambda *a, **k: (a, k)
s = f"{x!r:>{w}} {y=}"
t = t"{x}"
a, *b, c = d
a.b += 1; a[i] += 1; a[i:j] += 1
assert x, "m"
"#;
    let code = compile_text(source).expect("compiles");
    verify(&code).expect("valid code");
    assert!(dis::disassemble(&code).contains("RETURN_VALUE"));
}

#[test]
fn eval_and_single_modes() {
    let parsed = krait_syntax::parse_expression(b"1 + x", "<eval>").expect("parses");
    let code = compile(&parsed, "<eval>", CompileMode::Eval).expect("compiles");
    verify(&code).expect("valid code");
    assert!(dis::disassemble(&code).contains("BINARY_OP"));
    let parsed = krait_syntax::parse_interactive(b"x\n", "<stdin>").expect("parses");
    let code = compile(&parsed, "<stdin>", CompileMode::Single).expect("compiles");
    verify(&code).expect("valid code");
    // Interactive expression statements print their value.
    assert!(dis::disassemble(&code).contains("CALL_INTRINSIC_1"));
}

/// The instruction sequence (`OPNAME ARG` lines) of the function `f`
/// defined by `source`.
fn function_sequence(source: &str) -> String {
    let module = match compile_text(source) {
        Ok(code) => code,
        Err(e) => return format!("compile error: {e}"),
    };
    let Some(function) = module.consts.iter().find_map(|c| match c {
        crate::bytecode::ConstantValue::Code(code) => Some(code.clone()),
        _ => None,
    }) else {
        return "no function".to_owned();
    };
    let mut out = String::new();
    for decoded in crate::bytecode::encoding::instructions(&function.code).flatten() {
        let Some(op) = decoded.op() else { continue };
        if op == crate::bytecode::Opcode::EXTENDED_ARG {
            continue;
        }
        out.push_str(&format!("{} {}\n", op.name(), decoded.oparg.unwrap_or(0)));
    }
    out
}

/// The flow-graph pass (unbound-local checks, in-block rewrites,
/// superinstructions) emits what CPython 3.14 emits for small functions
/// (`testdata/flowgraph_cases.txt`, written by
/// `crates/compiler/scripts/record_flowgraph_cases.py`).
#[test]
fn flowgraph_sequences_match_cpython() {
    let data = include_str!("testdata/flowgraph_cases.txt");
    let mut failures = Vec::new();
    for case in data.split("=== case\n").skip(1) {
        let Some((source, expected)) = case.split_once("=== expect\n") else {
            continue;
        };
        let got = function_sequence(source);
        if got != expected {
            failures.push(format!("{source}--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
