//! Unit tests of the symbol table pass against CPython's own results.
//!
//! `testdata/cases.txt` is written by `xtask/scripts/record_symtable_cases.py`
//! run under the reference CPython 3.14: for each source, either the dump of
//! `symtable.symtable(...)` (the format of [`super::dump`]) or the
//! `SyntaxError` with its positions. Nothing in it is written by hand.

use super::{SymbolScope, SymbolTable, build, build_here, dump::dump};

const CASES: &str = include_str!("testdata/cases.txt");

/// `(source, expectation)` pairs of the recorded file.
fn cases() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    for chunk in CASES.split("=== case\n").skip(1) {
        let chunk = chunk.strip_suffix("=== end\n").unwrap_or(chunk);
        let (source, expect) = chunk
            .split_once("--- expect\n")
            .expect("every case has an expectation");
        cases.push((source.to_owned(), expect.to_owned()));
    }
    cases
}

fn table(source: &str) -> SymbolTable {
    let parsed = krait_syntax::parse_module(source.as_bytes(), "case.py").expect("parses");
    build(&parsed.module, &parsed.text, &parsed.index).expect("builds")
}

#[test]
fn matches_cpython_on_recorded_cases() {
    let cases = cases();
    assert!(cases.len() > 40, "{} cases", cases.len());
    for (source, expect) in cases {
        let parsed = krait_syntax::parse_module(source.as_bytes(), "case.py").expect("parses");
        let got = match build_here(&parsed.module, &parsed.text, &parsed.index) {
            Ok(table) => dump(&table),
            Err(error) => format!(
                "ERROR {} {} {} {} {}\n{}\n",
                error.kind.class_name(),
                error.lineno.unwrap_or(0),
                error.offset.unwrap_or(0),
                error.end_lineno.unwrap_or(0),
                error.end_offset.unwrap_or(0),
                error.msg
            ),
        };
        assert_eq!(got, expect, "source:\n{source}");
    }
}

#[test]
fn blocks_are_found_by_node() {
    let source = "def f(xs):\n    return [lambda: x for x in xs]\n";
    let parsed = krait_syntax::parse_module(source.as_bytes(), "case.py").expect("parses");
    let table = table(source);
    let krait_syntax::ast::Mod::Module { body, .. } = &parsed.module else {
        panic!("a module");
    };
    let function = table.definition(&body[0]).expect("f has a block");
    let f = table.block(function);
    assert_eq!(f.name, "f");
    // CPython (symtable_reference.py --dump): in f, `x` is a cell of the
    // inlined comprehension, `scope=CELL flags=DEF_LOCAL|DEF_COMP_ITER|DEF_COMP_CELL`.
    assert_eq!(f.scope("x"), SymbolScope::Cell);
    assert!(table.function_annotations(&body[0]).is_some());
}

#[test]
fn long_chains_do_not_recurse() {
    // CPython's own compiler gives up on this with a RecursionError; krait's
    // walk is iterative along chains, so it simply succeeds.
    let mut source = String::from("x = 1");
    for _ in 0..200_000 {
        source.push_str(" + a.b(c)[d]");
    }
    source.push('\n');
    let table = table(&source);
    assert_eq!(table.top().scope("a"), SymbolScope::GlobalImplicit);
}
