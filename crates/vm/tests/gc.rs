//! The cycle collector end to end: Python source builds cycles in a fresh
//! `Vm` (with the `gc` module bound to the global name `gc`, since there is
//! no import system yet), and the tests check what was freed through the
//! heap's live-byte counter and the program's own observations.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use krait_vm::Vm;
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::str::Str;
use krait_vm::object::heap;
use krait_vm::value::Value;
use krait_vm::{Ref, gc};

/// An interpreter and the globals of its `__main__`, with `gc` bound.
struct Session {
    vm: Vm,
    globals: Ref<Dict>,
}

impl Session {
    fn new() -> Session {
        let mut vm = Vm::new().expect("vm");
        let module = vm.new_module("__main__").expect("module");
        let globals = module.dict.clone();
        let gc_module = gc::module::new_gc_module(&mut vm).expect("gc module");
        let key = vm.intern("gc").expect("intern");
        globals
            .table
            .with(|t| t.insert_str(key, Value::from_object(gc_module.into_obj())));
        // Start from a clean slate: no garbage left from other tests on this thread.
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

    fn collect(&mut self) -> usize {
        let found = gc::collect(&mut self.vm, 2);
        gc::run_pending(&mut self.vm);
        found
    }
}

fn live_bytes() -> usize {
    heap::stats().live_bytes
}

#[test]
fn the_gc_header_is_two_words_before_the_object() {
    assert_eq!(gc::GC_HEADER_SIZE, 2 * std::mem::size_of::<usize>());
}

#[test]
fn self_referencing_lists_are_freed_by_a_collection() {
    let mut s = Session::new();
    s.run("gc.disable()\ndef make(n):\n    for i in range(n):\n        a = [i]\n        a.append(a)\n");
    s.run("make(10)");
    s.collect();
    let before = live_bytes();
    s.run("make(1000)");
    let leaked = live_bytes();
    assert!(
        leaked > before + 1000 * 32,
        "cycles leak without a collection"
    );
    assert_eq!(s.collect(), 1000);
    assert!(
        live_bytes() <= before + 1024,
        "live bytes went back down: {before} -> {leaked} -> {}",
        live_bytes()
    );
    s.run("gc.enable()");
}

#[test]
fn every_kind_of_cycle_is_found() {
    let mut s = Session::new();
    s.run(concat!(
        "gc.disable()\n",
        "class A: pass\n",
        "class B(A): pass\n",
        "def cycles():\n",
        "    a = A(); a.me = a\n",
        "    b = B(); b.me = b\n",
        "    d = {}; d['d'] = d\n",
        "    l = []; t = (l,); l.append(t)\n",
        "    x = A(); x.s = {x}\n",
        "    def outer():\n",
        "        def inner(): return inner\n",
        "        return inner\n",
        "    f = outer()\n",
        "    try:\n",
        "        raise ValueError\n",
        "    except ValueError as e:\n",
        "        e.me = e\n",
        "cycles()\n",
    ));
    // a, b, d, l+t, x+set, function+cell+tuple, exception (and its
    // traceback, which refers to nothing else).
    let found = s.collect();
    let expected = 1 + 1 + 1 + 2 + 2 + 3 + 1;
    assert!(found >= expected, "found {found}");
    assert_eq!(s.collect(), 0);
}

#[test]
fn finalizers_run_once_and_resurrected_objects_survive() {
    let mut s = Session::new();
    s.run(concat!(
        "log = []\n",
        "saved = []\n",
        "class Phoenix:\n",
        "    def __del__(self):\n",
        "        log.append(gc.is_finalized(self))\n",
        "        saved.append(self)\n",
        "p = Phoenix(); p.me = p; del p\n",
        "n1 = gc.collect()\n",
        "alive = len(saved)\n",
        "saved[0].me = None\n",
        "saved.clear()\n",
        "n2 = gc.collect()\n",
    ));
    assert_eq!(s.global("log"), "[True]");
    assert_eq!(s.global("alive"), "1");
    assert_eq!(s.global("n1"), "0");
    assert_eq!(s.global("n2"), "0");
}

#[test]
fn deallocation_defers_del_to_the_next_instruction() {
    let mut s = Session::new();
    s.run(concat!(
        "log = []\n",
        "class A:\n",
        "    def __init__(self, n): self.n = n\n",
        "    def __del__(self): log.append(self.n)\n",
        "x = [A(1), A(2), A(3)]\n",
        "x = None\n",
        "log.append('after')\n",
    ));
    assert_eq!(s.global("log"), "[3, 2, 1, 'after']");
}

#[test]
fn automatic_collection_bounds_memory() {
    let mut s = Session::new();
    s.run("gc.enable()\ngc.set_threshold(2000, 10, 10)\n");
    let before = live_bytes();
    s.run("for i in range(100000):\n    a = [i]\n    a.append(a)\ndel a\n");
    // Without collections 100,000 cycles would hold several megabytes.
    assert!(
        live_bytes() < before + (1 << 20),
        "garbage was collected while the loop ran: {} -> {}",
        before,
        live_bytes()
    );
    s.run("counts = gc.get_count()\nstats = [s['collections'] for s in gc.get_stats()]\n");
    let stats = s.global("stats");
    assert!(
        !stats.starts_with("[0,"),
        "generation 0 was collected: {stats}"
    );
}

#[test]
fn a_long_cycle_is_collected_without_deep_recursion() {
    let mut s = Session::new();
    s.run(concat!(
        "gc.disable()\n",
        "class N: pass\n",
        "head = N(); cur = head\n",
        "for i in range(200000):\n",
        "    nxt = N(); cur.next = nxt; cur = nxt\n",
        "cur.next = head\n",
        "del head, cur, nxt\n",
        "found = gc.collect()\n",
        "gc.enable()\n",
    ));
    assert_eq!(s.global("found"), "200001");
}

#[test]
fn collections_inside_native_reentry_finalizers_and_callbacks_are_safe() {
    let mut s = Session::new();
    s.run(concat!(
        "events = []\n",
        "def key(v):\n",
        "    c = []; c.append(c)\n",
        "    gc.collect()\n",
        "    return -v\n",
        "data = sorted([3, 1, 2], key=key)\n",
        "class D:\n",
        "    def __del__(self):\n",
        "        events.append(('nested collect', gc.collect()))\n",
        "d = D(); d.me = d; del d\n",
        "def callback(phase, info):\n",
        "    x = []; x.append(x)\n",
        "    events.append((phase, gc.collect()))\n",
        "gc.callbacks.append(callback)\n",
        "gc.collect()\n",
        "gc.callbacks.remove(callback)\n",
        "d = {}\n",
        "class K:\n",
        "    def __hash__(self):\n",
        "        gc.collect()\n",
        "        return 1\n",
        "    def __eq__(self, other):\n",
        "        gc.collect()\n",
        "        return self is other\n",
        "for i in range(5):\n",
        "    d[K()] = d\n",
        "gc.collect()\n",
    ));
    assert_eq!(s.global("data"), "[3, 2, 1]");
    assert_eq!(
        s.global("events"),
        "[('start', 0), ('nested collect', 0), ('stop', 0)]"
    );
}

#[test]
fn disabling_stops_automatic_collection_only() {
    let mut s = Session::new();
    s.run("gc.disable()\n");
    let before = live_bytes();
    s.run("for i in range(20000):\n    a = [i]\n    a.append(a)\ndel a\n");
    assert!(
        live_bytes() > before + 20000 * 32,
        "nothing collected while disabled"
    );
    assert_eq!(s.collect(), 20000);
    s.run("gc.enable()\n");
}

#[test]
fn tuples_of_atoms_are_not_tracked() {
    let mut s = Session::new();
    s.run(concat!(
        "x = 5\n",
        "t1 = gc.is_tracked((x, 'a'))\n",
        "t2 = gc.is_tracked((x, []))\n",
        "l = []\n",
        "t = (x, (x, l))\n",
        "l = None\n",
        "inner = t[1]\n",
        "inner[1].append(1)\n",
        "before = gc.is_tracked(t)\n",
        "gc.collect()\n",
        "after = (gc.is_tracked(t), gc.is_tracked(inner))\n",
    ));
    assert_eq!(s.global("t1"), "False");
    assert_eq!(s.global("t2"), "True");
    assert_eq!(s.global("before"), "True");
    assert_eq!(s.global("after"), "(True, True)");
}

#[test]
fn instances_of_builtin_subclasses_are_traversed_with_their_attributes_and_slots() {
    let mut s = Session::new();
    s.run(concat!(
        "gc.disable()\n",
        "class L(list): pass\n",
        "class D(dict): pass\n",
        "class S:\n",
        "    __slots__ = ('other',)\n",
        "class SL(list):\n",
        "    __slots__ = ('other',)\n",
        "class Probe:\n",
        "    def __del__(self): log.append('freed')\n",
        "log = []\n",
        "def make():\n",
        "    # list subclass -> (item) dict subclass -> (attribute) list subclass\n",
        "    l = L(); d = D(); l.append(d); d.back = l; l.probe = Probe()\n",
        "    # a cycle only through __slots__ values\n",
        "    a = S(); b = S(); a.other = b; b.other = a\n",
        "    x = SL(); x.other = x\n",
        "    tracked = (gc.is_tracked(l), gc.is_tracked(d), gc.is_tracked(a), gc.is_tracked(x))\n",
        "    referents = (\n",
        "        id(d) in [id(r) for r in gc.get_referents(l)],\n",
        "        id(b) in [id(r) for r in gc.get_referents(a)],\n",
        "        id(x) in [id(r) for r in gc.get_referents(x)],\n",
        "    )\n",
        "    return tracked, referents\n",
        "tracked, referents = make()\n",
        "n = gc.collect()\n",
        "gc.enable()\n",
    ));
    assert_eq!(s.global("tracked"), "(True, True, True, True)");
    assert_eq!(s.global("referents"), "(True, True, True)");
    // l, d, the probe (freed with them), a, b, x.
    let found: usize = s.global("n").parse().expect("a count");
    assert!(found >= 6, "found {found}");
    assert_eq!(s.global("log"), "['freed']");
    assert_eq!(s.collect(), 0);
}

#[test]
fn freeing_instances_of_builtin_subclasses_returns_their_memory() {
    let mut s = Session::new();
    s.run(concat!(
        "gc.disable()\n",
        "class L(list): pass\n",
        "class D(dict): pass\n",
        "class T(tuple): pass\n",
        "class Str(str): pass\n",
        "class S:\n",
        "    __slots__ = ('a', 'b')\n",
        "def make(n):\n",
        "    for i in range(n):\n",
        "        l = L([i]); l.me = l\n",
        "        d = D(x=i); d['d'] = d\n",
        "        t = T((l,)); l.t = t\n",
        "        s = Str('x'); s.s = s\n",
        "        o = S(); o.a = o; o.b = [o]\n",
    ));
    s.run("make(10)");
    s.collect();
    let before = live_bytes();
    s.run("make(500)");
    assert!(
        live_bytes() > before + 500 * 64,
        "cycles leak without a collection"
    );
    assert!(s.collect() >= 500 * 5);
    assert!(
        live_bytes() <= before + 1024,
        "live bytes went back down: {before} -> {}",
        live_bytes()
    );
    s.run("gc.enable()");
}
