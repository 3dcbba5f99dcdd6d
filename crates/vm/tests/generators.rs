//! Generators own their frame (DESIGN.md decision 7): end-to-end tests
//! that long delegation chains never recurse on the Rust stack, that the
//! frames a generator owns are counted by the heap and freed with it, and
//! that the cycle collector's hook sees what a suspended frame holds.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::generator::as_generator;
use krait_vm::builtins::str::Str;
use krait_vm::object::heap;
use krait_vm::value::Value;
use krait_vm::{Ref, Vm};

/// A fresh VM and the namespace of its `__main__` module.
fn new_main() -> (Vm, Ref<Dict>) {
    let mut vm = Vm::new().expect("vm");
    let globals = vm.new_module("__main__").expect("module").dict.clone();
    (vm, globals)
}

/// Runs `source` in the namespace `globals`.
fn run_in(vm: &mut Vm, globals: &Ref<Dict>, source: &str) {
    let parsed = krait_syntax::parse_module(source.as_bytes(), "<test>").expect("parses");
    let code = krait_compiler::compile(&parsed, "<test>", krait_compiler::CompileMode::Exec)
        .expect("compiles");
    let code = vm.new_code(code).expect("code");
    if let Err(e) = vm.run_module_code(code, globals.clone()) {
        let v = Value::from_object(e.as_obj().clone());
        panic!(
            "{}: {}",
            e.class_name(),
            vm.str_string(&v).unwrap_or_default()
        );
    }
}

fn global(globals: &Ref<Dict>, name: &str) -> Value {
    globals
        .table
        .with(|t| t.get_str(&Str::new(name)))
        .expect("global exists")
}

const DEEP_CHAIN: &str = "
def leaf(log):
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'caught'
    finally:
        log.append('finally')
    return 'done'
def wrap(g):
    return (yield from g)
def build(n, log):
    g = leaf(log)
    for _ in range(n):
        g = wrap(g)
    return g
log = []
items = list(build(5000, log))
g = build(5000, log)
next(g)
thrown = g.throw(KeyError())
closed = g.close()
g = build(5000, log)
next(g)
del g
result = (items, thrown, closed, log)
";

#[test]
fn a_5000_deep_yield_from_chain_runs_on_a_small_native_stack() {
    // Resuming, throwing into, closing and dropping the chain are loops,
    // not recursion, so 1 MiB of native stack is plenty.
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let (mut vm, globals) = new_main();
            run_in(&mut vm, &globals, DEEP_CHAIN);
            let result = global(&globals, "result");
            vm.repr_string(&result).expect("repr")
        })
        .expect("thread");
    let r = worker.join().expect("no stack overflow");
    assert_eq!(
        r,
        "([1, 2], 'caught', None, ['finally', 'finally', 'finally'])"
    );
}

#[test]
fn generator_frames_are_counted_by_the_heap_and_freed_with_the_generator() {
    let (mut vm, globals) = new_main();
    run_in(
        &mut vm,
        &globals,
        "def gen(n):\n    data = list(range(n))\n    yield len(data)\n",
    );
    let before = heap::stats().live_bytes;
    run_in(
        &mut vm,
        &globals,
        "gens = [gen(1000) for _ in range(100)]\nfor g in gens:\n    next(g)\n",
    );
    let with_generators = heap::stats().live_bytes;
    // 100 generators and their frames (a header and slots each, counted
    // by the heap like every object).
    assert!(with_generators > before + 100 * 200);
    run_in(&mut vm, &globals, "del gens, g\n");
    let after = heap::stats().live_bytes;
    // Suspended outside any try block: dropped at once, frames freed.
    assert!(
        after < before + (with_generators - before) / 10,
        "{before} {with_generators} {after}"
    );
}

#[test]
fn the_traverse_hook_sees_what_a_suspended_frame_holds() {
    let (mut vm, globals) = new_main();
    run_in(
        &mut vm,
        &globals,
        "marker = ['held by the frame']\ndef gen(x):\n    local = x\n    yield 1\ng = gen(marker)\nnext(g)\n",
    );
    let generator = as_generator(&global(&globals, "g"))
        .expect("a generator")
        .clone();
    let marker = global(&globals, "marker");
    let marker = marker.as_object().expect("an object").address();
    let seen: Vec<usize> = krait_vm::gc::referents(generator.as_obj())
        .iter()
        .map(|o| o.address())
        .collect();
    // The code and globals are held by the frame itself, or (a frame
    // pushed by the fast call path borrows them) by its function, which
    // the frame holds.
    let code = generator.code().expect("code").as_obj().address();
    let function = global(&globals, "gen");
    let function = function.as_object().expect("an object");
    let through_function: Vec<usize> = if seen.contains(&function.address()) {
        krait_vm::gc::referents(function)
            .iter()
            .map(|o| o.address())
            .collect()
    } else {
        Vec::new()
    };
    let holds_function = seen.contains(&function.address());
    let held = |address: usize| seen.contains(&address) || through_function.contains(&address);
    // A code object is not a container (nothing it holds can be in a
    // cycle): the function does not visit it, so a borrowed one is held
    // through the function's `__code__`.
    assert!(seen.contains(&code) || holds_function);
    assert!(held(globals.as_obj().address()));
    // `x` and `local` both refer to the marker list.
    assert_eq!(seen.iter().filter(|&&a| a == marker).count(), 2);
}
