//! Frame objects end to end: objects that took their frame's data over
//! are freed with it (by reference counting, or by the collector when the
//! copied locals make a cycle), measured by the heap's live-byte counter.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use krait_vm::Vm;
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::str::Str;
use krait_vm::object::heap;
use krait_vm::value::Value;
use krait_vm::{Ref, gc};

/// An interpreter and the globals of its `__main__`.
struct Session {
    vm: Vm,
    globals: Ref<Dict>,
}

impl Session {
    fn new() -> Session {
        let mut vm = Vm::new().expect("vm");
        let module = vm.new_module("__main__").expect("module");
        let globals = module.dict.clone();
        gc::collect(&mut vm, 2);
        Session { vm, globals }
    }

    /// Runs `source` in the session's globals; panics with the error.
    fn run(&mut self, source: &str) {
        let parsed = krait_syntax::parse_module(source.as_bytes(), "<test>").expect("parses");
        let code = krait_compiler::compile(&parsed, "<test>", krait_compiler::CompileMode::Exec)
            .expect("compiles");
        let code = self.vm.new_code(code).expect("code");
        if let Err(e) = self.vm.run_module_code(code, self.globals.clone()) {
            let v = Value::from_object(e.as_obj().clone());
            let text = self.vm.str_string(&v).unwrap_or_default();
            panic!("{}: {text}", e.class_name());
        }
    }

    /// The repr of a global.
    fn global(&mut self, name: &str) -> String {
        let v = self
            .globals
            .table
            .with(|t| t.get_str(&Str::new(name)))
            .expect("global exists");
        self.vm.repr_string(&v).expect("repr")
    }
}

fn live_bytes() -> usize {
    heap::stats().live_bytes
}

/// A function that returns its own frame object (through a traceback)
/// after the frame ended.
const KEEP_FRAME: &str = "\
def keep(n):
    payload = [n] * 50
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__.tb_frame
";

#[test]
fn a_taken_over_frame_keeps_its_locals_and_frees_them_with_it() {
    let mut s = Session::new();
    s.run(KEEP_FRAME);
    s.run("f = keep(7)\nseen = (f.f_locals['n'], len(f.f_locals['payload']), f.f_code.co_name)");
    assert_eq!(s.global("seen"), "(7, 50, 'keep')");
    s.run("del f, seen");
    let before = live_bytes();
    s.run("kept = [keep(i) for i in range(200)]");
    s.run("n = [len(k.f_locals['payload']) for k in kept][:3]");
    assert_eq!(s.global("n"), "[50, 50, 50]");
    s.run("del n");
    assert!(
        live_bytes() > before + 200 * 200,
        "the copies hold the payloads"
    );
    s.run("del kept");
    assert!(
        live_bytes() <= before + 1024,
        "freed without a collection: {before} -> {}",
        live_bytes()
    );
}

#[test]
fn cycles_through_a_taken_over_frame_are_collected() {
    let mut s = Session::new();
    s.run(concat!(
        "def cycle(n):\n",
        "    payload = [n] * 50\n",
        "    try:\n",
        "        raise ValueError\n",
        "    except ValueError as e:\n",
        "        caught = e\n",
        "def make(n):\n",
        "    for i in range(n):\n",
        "        cycle(i)\n",
        "make(10)\n",
    ));
    gc::collect(&mut s.vm, 2);
    gc::run_pending(&mut s.vm);
    let before = live_bytes();
    let enabled = gc::state().is_enabled();
    gc::state().set_enabled(false);
    s.run("make(200)");
    let leaked = live_bytes();
    assert!(
        leaked > before + 200 * 200,
        "exception -> traceback -> frame -> locals cycles leak without a collection"
    );
    // Each cycle: the exception, its traceback entry, the frame object.
    assert!(gc::collect(&mut s.vm, 2) >= 200 * 3);
    gc::run_pending(&mut s.vm);
    gc::state().set_enabled(enabled);
    assert!(
        live_bytes() <= before + 1024,
        "live bytes went back down: {before} -> {leaked} -> {}",
        live_bytes()
    );
}
