//! End-to-end engine tests: compile source with the code generator, run it
//! in a fresh `Vm`, and check the resulting globals or the raised error
//! (expectations from CPython 3.14).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use krait_vm::Vm;
use krait_vm::builtins::str::Str;
use krait_vm::value::Value;

/// Runs `source` as a module; returns the VM and the module globals, or the
/// class name and `str()` of the uncaught exception.
fn run(
    source: &str,
) -> Result<(Vm, krait_vm::Ref<krait_vm::builtins::dict::Dict>), (String, String)> {
    let parsed = krait_syntax::parse_module(source.as_bytes(), "<test>").expect("parses");
    let code = krait_compiler::compile(&parsed, "<test>", krait_compiler::CompileMode::Exec)
        .expect("compiles");
    let mut vm = Vm::new().expect("vm");
    let module = vm.new_module("__main__").expect("module");
    let globals = module.dict.clone();
    let code = vm.new_code(code).expect("code");
    match vm.run_module_code(code, globals.clone()) {
        Ok(_) => Ok((vm, globals)),
        Err(e) => {
            let name = e.class_name().to_owned();
            let v = Value::from_object(e.as_obj().clone());
            let text = vm.str_string(&v).unwrap_or_default();
            Err((name, text))
        }
    }
}

fn global_repr(source: &str, name: &str) -> String {
    let (mut vm, globals) = run(source).unwrap_or_else(|(n, t)| panic!("{n}: {t}"));
    let v = globals
        .table
        .with(|t| t.get_str(&Str::new(name)))
        .expect("global exists");
    vm.repr_string(&v).expect("repr")
}

fn error_of(source: &str) -> (String, String) {
    match run(source) {
        Ok(_) => panic!("expected an exception"),
        Err(e) => e,
    }
}

#[test]
fn arithmetic_and_overflow_to_big_ints() {
    assert_eq!(
        global_repr("x = 2 ** 100 + 1", "x"),
        "1267650600228229401496703205377"
    );
    assert_eq!(
        global_repr("x = (-7 // 2, -7 % 2, 7 % -2)", "x"),
        "(-4, 1, -1)"
    );
    assert_eq!(
        global_repr("x = 9223372036854775807 + 1", "x"),
        "9223372036854775808"
    );
    assert_eq!(global_repr("x = 0.1 + 0.2", "x"), "0.30000000000000004");
}

#[test]
fn functions_closures_and_deep_python_recursion_without_rust_recursion() {
    let src = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nx = f(900)\n";
    assert_eq!(global_repr(src, "x"), "900");
    let src = "def outer():\n    a = 1\n    def inner():\n        return a + 1\n    return inner\nx = outer()()\n";
    assert_eq!(global_repr(src, "x"), "2");
}

#[test]
fn recursion_limit_raises_recursion_error() {
    let (name, text) = error_of("def f():\n    return f()\nf()\n");
    assert_eq!(name, "RecursionError");
    assert_eq!(text, "maximum recursion depth exceeded");
}

#[test]
fn classes_inheritance_and_super() {
    let src = "class A:\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v\nclass B(A):\n    def get(self):\n        return super().get() * 10\nx = B(4).get()\n";
    assert_eq!(global_repr(src, "x"), "40");
}

#[test]
fn exceptions_are_caught_and_messages_match_cpython() {
    let src = "try:\n    {}['k']\nexcept KeyError as e:\n    x = repr(e)\n";
    assert_eq!(global_repr(src, "x"), "\"KeyError('k')\"");
    assert_eq!(
        error_of("1 + 'a'"),
        (
            "TypeError".into(),
            "unsupported operand type(s) for +: 'int' and 'str'".into()
        )
    );
    assert_eq!(
        error_of("def f(a, b): pass\nf(1, 2, 3)"),
        (
            "TypeError".into(),
            "f() takes 2 positional arguments but 3 were given".into()
        )
    );
    assert_eq!(
        error_of("undefined_name"),
        (
            "NameError".into(),
            "name 'undefined_name' is not defined".into()
        )
    );
}

#[test]
fn inconsistent_mro_is_a_type_error() {
    let (name, text) = error_of("class A: pass\nclass B(A): pass\nclass C(A, B): pass\n");
    assert_eq!(name, "TypeError");
    assert_eq!(
        text,
        "Cannot create a consistent method resolution order (MRO) for bases A, B"
    );
}

#[test]
fn dicts_keep_insertion_order_and_survive_mutating_eq() {
    let src = "d = {}\nfor i in range(100):\n    d[i] = i\nfor i in range(0, 100, 2):\n    del d[i]\nx = list(d)[:3]\n";
    assert_eq!(global_repr(src, "x"), "[1, 3, 5]");
    let src = "class K:\n    def __hash__(self): return 1\n    def __eq__(self, o):\n        d.clear()\n        return False\nd = {K(): 1}\nd[K()] = 2\nx = len(d)\n";
    assert_eq!(global_repr(src, "x"), "1");
}
