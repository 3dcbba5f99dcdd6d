//! Checks that `super().name` and `super(C, obj).name` compile to the same
//! bytes and `co_names` order as CPython 3.14 (`LOAD_SUPER_ATTR` where
//! CPython's `can_optimize_super_call` allows it, the generic call and
//! attribute load elsewhere), against `tests/data/super_code.txt` recorded
//! by `scripts/record_super_code.py`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use krait_compiler::bytecode::code_object::{CodeObject, ConstantValue};
use krait_compiler::bytecode::opcode::Opcode;
use krait_compiler::{CompileMode, compile};

/// One recorded code object: qualified name, `co_names`, `co_code`.
struct Expected {
    qualname: String,
    names: String,
    code: Vec<u8>,
}

/// One recorded snippet and its code objects, depth first.
struct Snippet {
    name: String,
    source: String,
    codes: Vec<Expected>,
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn load() -> Vec<Snippet> {
    let mut snippets: Vec<Snippet> = Vec::new();
    for line in include_str!("data/super_code.txt").lines() {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "snippet" => snippets.push(Snippet {
                name: rest.to_owned(),
                source: String::new(),
                codes: Vec::new(),
            }),
            "source" => {
                let s = snippets.last_mut().unwrap();
                s.source.push_str(rest);
                s.source.push('\n');
            }
            "code" => snippets.last_mut().unwrap().codes.push(Expected {
                qualname: rest.to_owned(),
                names: String::new(),
                code: Vec::new(),
            }),
            "names" => snippets.last_mut().unwrap().codes.last_mut().unwrap().names = rest.into(),
            "co_code" => {
                snippets.last_mut().unwrap().codes.last_mut().unwrap().code = hex(rest);
            }
            _ => {}
        }
    }
    snippets
}

fn walk<'c>(code: &'c CodeObject, out: &mut Vec<&'c CodeObject>) {
    out.push(code);
    for constant in &code.consts {
        if let ConstantValue::Code(inner) = constant {
            walk(inner, out);
        }
    }
}

/// Code with the loads that differ only in what the compiler proved read
/// as plain `LOAD_FAST`s: CPython's borrowing loads (krait emits none) and
/// krait's checked loads (krait does not prove a local bound).
fn plain_loads(code: &[u8]) -> Vec<u8> {
    let mut out = code.to_vec();
    for unit in out.chunks_mut(2) {
        if unit[0] == Opcode::LOAD_FAST_BORROW as u8 || unit[0] == Opcode::LOAD_FAST_CHECK as u8 {
            unit[0] = Opcode::LOAD_FAST as u8;
        } else if unit[0] == Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW as u8 {
            unit[0] = Opcode::LOAD_FAST_LOAD_FAST as u8;
        }
    }
    out
}

#[test]
fn super_attribute_code_matches_cpython() {
    let mut failures = Vec::new();
    for snippet in load() {
        let parsed = krait_syntax::parse_module(snippet.source.as_bytes(), &snippet.name).unwrap();
        let code = compile(&parsed, &snippet.name, CompileMode::Exec).unwrap();
        let mut codes = Vec::new();
        walk(&code, &mut codes);
        assert_eq!(codes.len(), snippet.codes.len(), "{}", snippet.name);
        for (got, expected) in codes.iter().zip(&snippet.codes) {
            let names: Vec<&str> = got.names.iter().map(|n| n.as_str()).collect();
            let expected_code = plain_loads(&expected.code);
            let got_code = plain_loads(&got.code);
            if got.qualname != expected.qualname
                || names.join(" ") != expected.names
                || got_code != expected_code
            {
                failures.push(format!(
                    "{} {}:\n  names    {}\n  expected {}\n  code     {}\n  expected {}",
                    snippet.name,
                    expected.qualname,
                    names.join(" "),
                    expected.names,
                    hexs(&got_code),
                    hexs(&expected_code),
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn hexs(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
