//! `itertools` (CPython's `Modules/itertoolsmodule.c`): iterator building
//! blocks — infinite iterators (`count`, `cycle`, `repeat`), iterators that
//! stop on the shortest input (`accumulate`, `batched`, `chain`,
//! `compress`, `dropwhile`, `filterfalse`, `groupby`, `islice`, `pairwise`,
//! `starmap`, `takewhile`, `tee`, `zip_longest`) and the combinatoric ones
//! (`product`, `permutations`, `combinations`,
//! `combinations_with_replacement`).
//!
//! Every class shares one payload, [`Tool`], whose [`State`] says which
//! iterator it is; each has its own class for `type()` and repr. A step
//! takes the state out of its cell while it calls Python code (the inner
//! iterators, predicates, key functions) and puts it back afterwards.
//! `tee` iterators share a [`TeeBuffer`] of the values read so far; the
//! buffer keeps every value until all its iterators are gone (CPython
//! frees consumed chunks earlier).

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::slots::BinOp;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `itertools`'s initialiser: one class per iterator.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let mut made = Vec::new();
    for def in CLASSES {
        let ty =
            vm.new_builtin_type::<Tool>("itertools", def.name, None, def.flags, def.methods)?;
        ty.slots.new.set(Some(def.new));
        ty.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
        ty.slots.next.set(Some(next));
        if let Some(repr) = def.repr {
            ty.slots.repr.set(Some(repr));
        }
        ty.bump_version();
        vm.module_set(module, def.name, Value::from_object(ty.as_obj().clone()))?;
        made.push(ty);
    }
    krait_vm::builtins::slot_wrappers::install(vm, &made)?;
    let buffer = vm.new_builtin_type::<TeeBuffer>("itertools", "_tee_dataobject", None, 0, &[])?;
    buffer.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create 'itertools._tee_dataobject' instances".into()))
    }));
    vm.module_set(
        module,
        "_tee_dataobject",
        Value::from_object(buffer.as_obj().clone()),
    )?;
    vm.module_add_functions(module, FUNCTIONS)?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `itertools.__doc__` (krait's own words).
const DOC: &str = "Functional tools for creating and using iterators.";

/// How one itertools class is made.
struct ClassDef {
    name: &'static str,
    flags: u32,
    new: krait_vm::types::slots::NewFn,
    repr: Option<krait_vm::types::slots::ReprFn>,
    methods: &'static [MethodDef],
}

const fn class(name: &'static str, new: krait_vm::types::slots::NewFn) -> ClassDef {
    ClassDef {
        name,
        flags: flags::BASETYPE | flags::NEW_ALLOCATES_CLASS,
        new,
        repr: None,
        methods: &[],
    }
}

const CLASSES: &[ClassDef] = &[
    ClassDef {
        repr: Some(count_repr),
        ..class("count", new_count)
    },
    class("cycle", new_cycle),
    ClassDef {
        repr: Some(repeat_repr),
        methods: &[method("__length_hint__", "(self, /)", repeat_length_hint)],
        ..class("repeat", new_repeat)
    },
    class("accumulate", new_accumulate),
    class("batched", new_batched),
    ClassDef {
        methods: &[classmethod(
            "from_iterable",
            "(cls, iterable, /)",
            chain_from_iterable,
        )],
        ..class("chain", new_chain)
    },
    class("compress", new_compress),
    class("dropwhile", new_dropwhile),
    class("takewhile", new_takewhile),
    class("filterfalse", new_filterfalse),
    class("groupby", new_groupby),
    ClassDef {
        flags: 0,
        ..class("_grouper", new_not_creatable)
    },
    class("islice", new_islice),
    class("pairwise", new_pairwise),
    class("starmap", new_starmap),
    ClassDef {
        flags: 0,
        methods: &[method("__copy__", "(self, /)", tee_copy)],
        ..class("_tee", new_tee_object)
    },
    class("zip_longest", new_zip_longest),
    class("product", new_product),
    class("permutations", new_permutations),
    class("combinations", new_combinations),
    class(
        "combinations_with_replacement",
        new_combinations_with_replacement,
    ),
];

/// The functions of `itertools`.
const FUNCTIONS: &[MethodDef] = &[method("tee", "(iterable, n=2, /)", tee)];

/// The payload of every itertools iterator.
pub struct Tool {
    state: PyCell<State>,
}

/// The values shared by the iterators of one `tee` call.
pub struct TeeBuffer {
    /// The source iterator (`None` once exhausted).
    source: PyCell<Option<Value>>,
    /// Every value read from the source so far.
    values: PyCell<Vec<Value>>,
}

impl Payload for TeeBuffer {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.source, |s, visit| visit.optional(s));
        visit.cell(&self.values, |v, visit| visit.values(v.iter()));
    }

    fn clear(&self) {
        drop(self.source.try_with(Option::take));
        drop(self.values.try_with(std::mem::take));
    }
}

/// Which iterator a [`Tool`] is, and where it is.
enum State {
    Count {
        next: Value,
        step: Value,
    },
    Cycle {
        source: Option<Value>,
        saved: Vec<Value>,
        pos: usize,
    },
    Repeat {
        object: Value,
        left: Option<u64>,
    },
    Accumulate {
        source: Value,
        func: Value,
        total: Option<Value>,
        initial: Option<Value>,
    },
    Batched {
        source: Value,
        n: usize,
        strict: bool,
    },
    Chain {
        sources: Value,
        active: Option<Value>,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        predicate: Value,
        source: Value,
        dropping: bool,
    },
    TakeWhile {
        predicate: Value,
        source: Value,
    },
    FilterFalse {
        predicate: Value,
        source: Value,
    },
    GroupBy(GroupBy),
    Grouper {
        parent: Value,
        target: Value,
        id: u64,
    },
    ISlice {
        source: Value,
        next: u64,
        stop: Option<u64>,
        step: u64,
        count: u64,
    },
    Pairwise {
        source: Value,
        old: Option<Value>,
    },
    StarMap {
        func: Value,
        source: Value,
    },
    Tee {
        buffer: Ref<TeeBuffer>,
        pos: usize,
    },
    ZipLongest {
        sources: Vec<Option<Value>>,
        fill: Value,
    },
    Combinatoric(Combinatoric),
    /// A step of this iterator is running (it re-entered itself).
    Running,
    /// Exhausted.
    Done,
}

/// `groupby`'s state (CPython's `groupbyobject`).
struct GroupBy {
    source: Value,
    key: Value,
    target: Option<Value>,
    current_key: Option<Value>,
    current_value: Option<Value>,
    /// Which `_grouper` may still read (0: none).
    grouper: u64,
    /// The id the next `_grouper` gets.
    next_grouper: u64,
}

/// Which combinatoric iterator, with its pools and indices.
struct Combinatoric {
    kind: Kind,
    pool: Vec<Value>,
    /// `product`: one pool per factor.
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    first: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

impl Payload for Tool {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.state, |state, visit| visit_state(state, visit));
    }

    fn clear(&self) {
        drop(self.state.try_with(|s| std::mem::replace(s, State::Done)));
    }
}

fn visit_state(state: &State, visit: &mut Visitor<'_>) {
    match state {
        State::Count { next, step } => visit.values([next, step]),
        State::Cycle { source, saved, .. } => {
            visit.optional(source);
            visit.values(saved.iter());
        }
        State::Repeat { object, .. } => visit.value(object),
        State::Accumulate {
            source,
            func,
            total,
            initial,
        } => {
            visit.values([source, func]);
            visit.optional(total);
            visit.optional(initial);
        }
        State::Batched { source, .. } => visit.value(source),
        State::Chain { sources, active } => {
            visit.value(sources);
            visit.optional(active);
        }
        State::Compress { data, selectors } => visit.values([data, selectors]),
        State::DropWhile {
            predicate, source, ..
        }
        | State::TakeWhile { predicate, source }
        | State::FilterFalse { predicate, source } => visit.values([predicate, source]),
        State::GroupBy(g) => {
            visit.values([&g.source, &g.key]);
            visit.optional(&g.target);
            visit.optional(&g.current_key);
            visit.optional(&g.current_value);
        }
        State::Grouper { parent, target, .. } => visit.values([parent, target]),
        State::ISlice { source, .. } => visit.value(source),
        State::Pairwise { source, old } => {
            visit.value(source);
            visit.optional(old);
        }
        State::StarMap { func, source } => visit.values([func, source]),
        State::Tee { buffer, .. } => visit.object(buffer.as_obj()),
        State::ZipLongest { sources, fill } => {
            for s in sources {
                visit.optional(s);
            }
            visit.value(fill);
        }
        State::Combinatoric(c) => {
            visit.values(c.pool.iter());
            for p in &c.pools {
                visit.values(p.iter());
            }
        }
        State::Running | State::Done => {}
    }
}

fn tool_of(v: &Value) -> Option<Ref<Tool>> {
    v.as_object()?.downcast::<Tool>().cloned()
}

fn new_tool(vm: &mut Vm, cls: &TypeRef, state: State) -> PyResult<Value> {
    let tool = vm.alloc(
        cls,
        Tool {
            state: PyCell::new(state),
        },
    )?;
    Ok(Value::from_object(tool.into_obj()))
}

fn no_keywords(vm: &mut Vm, name: &str, kwnames: Option<&Ref<Tuple>>) -> PyResult<()> {
    if kwnames.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn arg(args: &Args, i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::NONE)
}

/// `__next__` of every itertools class: takes the state out, steps it,
/// puts it back.
fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(tool) = tool_of(v) else {
        return Ok(None);
    };
    if tool.state.with(|s| matches!(s, State::GroupBy(_))) {
        return groupby_next(vm, v);
    }
    let mut state = tool.state.with(|s| std::mem::replace(s, State::Running));
    if matches!(state, State::Running) {
        let tn = vm.type_name(v);
        return Err(vm.runtime_error(&format!("cannot re-enter the {tn} iterator")));
    }
    let result = step(vm, &mut state);
    let finished = !matches!(result, Ok(Some(_)));
    if finished && !matches!(state, State::Count { .. } | State::Repeat { .. }) {
        state = State::Done;
    }
    let old = tool.state.with(|s| std::mem::replace(s, state));
    drop(old);
    result
}

fn step(vm: &mut Vm, state: &mut State) -> PyResult<Option<Value>> {
    match state {
        State::Count { next, step } => {
            let value = next.clone();
            *next = vm.binary_op(&value, step, BinOp::Add)?;
            Ok(Some(value))
        }
        State::Cycle { source, saved, pos } => {
            if let Some(it) = source {
                if let Some(item) = vm.next(it)? {
                    saved.push(item.clone());
                    return Ok(Some(item));
                }
                *source = None;
            }
            let Some(item) = saved.get(*pos).cloned() else {
                return Ok(None);
            };
            *pos = if *pos + 1 >= saved.len() { 0 } else { *pos + 1 };
            Ok(Some(item))
        }
        State::Repeat { object, left } => match left {
            None => Ok(Some(object.clone())),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(object.clone()))
            }
        },
        State::Accumulate {
            source,
            func,
            total,
            initial,
        } => {
            if let Some(first) = initial.take() {
                *total = Some(first.clone());
                return Ok(Some(first));
            }
            let Some(item) = vm.next(source)? else {
                return Ok(None);
            };
            let new = match total.take() {
                None => item,
                Some(t) if func.is_none() => vm.binary_op(&t, &item, BinOp::Add)?,
                Some(t) => vm.call(func, &[t, item], None)?,
            };
            *total = Some(new.clone());
            Ok(Some(new))
        }
        State::Batched { source, n, strict } => {
            let mut items = Vec::new();
            while items.len() < *n {
                match vm.next(source)? {
                    Some(item) => items.push(item),
                    None => break,
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            if *strict && items.len() < *n {
                return Err(vm.value_error("batched(): incomplete batch"));
            }
            Ok(Some(vm.new_tuple(items)?))
        }
        State::Chain { sources, active } => loop {
            if let Some(it) = active {
                if let Some(item) = vm.next(it)? {
                    return Ok(Some(item));
                }
                *active = None;
            }
            let Some(iterable) = vm.next(sources)? else {
                return Ok(None);
            };
            *active = Some(vm.iter(&iterable)?);
        },
        State::Compress { data, selectors } => loop {
            let Some(item) = vm.next(data)? else {
                return Ok(None);
            };
            let Some(selector) = vm.next(selectors)? else {
                return Ok(None);
            };
            if vm.is_true(&selector)? {
                return Ok(Some(item));
            }
        },
        State::DropWhile {
            predicate,
            source,
            dropping,
        } => loop {
            let Some(item) = vm.next(source)? else {
                return Ok(None);
            };
            if !*dropping {
                return Ok(Some(item));
            }
            let verdict = vm.call(predicate, std::slice::from_ref(&item), None)?;
            if !vm.is_true(&verdict)? {
                *dropping = false;
                return Ok(Some(item));
            }
        },
        State::TakeWhile { predicate, source } => {
            let Some(item) = vm.next(source)? else {
                return Ok(None);
            };
            let verdict = vm.call(predicate, std::slice::from_ref(&item), None)?;
            if vm.is_true(&verdict)? {
                Ok(Some(item))
            } else {
                Ok(None)
            }
        }
        State::FilterFalse { predicate, source } => loop {
            let Some(item) = vm.next(source)? else {
                return Ok(None);
            };
            let verdict = if predicate.is_none() {
                item.clone()
            } else {
                vm.call(predicate, std::slice::from_ref(&item), None)?
            };
            if !vm.is_true(&verdict)? {
                return Ok(Some(item));
            }
        },
        State::GroupBy(_) => Err(runtime(vm, "groupby stepped without its object")),
        State::Grouper { parent, target, id } => grouper_next(vm, parent, target, *id),
        State::ISlice {
            source,
            next,
            stop,
            step,
            count,
        } => {
            while *count < *next {
                if vm.next(source)?.is_none() {
                    return Ok(None);
                }
                *count += 1;
            }
            if stop.is_some_and(|s| *count >= s) {
                return Ok(None);
            }
            let Some(item) = vm.next(source)? else {
                return Ok(None);
            };
            *count += 1;
            let advanced = next.checked_add(*step);
            *next = match (advanced, *stop) {
                (Some(n), Some(s)) if n > s => s,
                (Some(n), _) => n,
                (None, Some(s)) => s,
                (None, None) => u64::MAX,
            };
            Ok(Some(item))
        }
        State::Pairwise { source, old } => {
            let first = match old.take() {
                Some(o) => o,
                None => match vm.next(source)? {
                    Some(o) => o,
                    None => return Ok(None),
                },
            };
            let Some(second) = vm.next(source)? else {
                return Ok(None);
            };
            *old = Some(second.clone());
            Ok(Some(vm.new_tuple(vec![first, second])?))
        }
        State::StarMap { func, source } => {
            let Some(args) = vm.next(source)? else {
                return Ok(None);
            };
            let args = vm.collect_iterable(&args)?;
            Ok(Some(vm.call(func, &args, None)?))
        }
        State::Tee { buffer, pos } => {
            let buffered = buffer.values.with(|v| v.get(*pos).cloned());
            if let Some(item) = buffered {
                *pos += 1;
                return Ok(Some(item));
            }
            let Some(source) = buffer.source.with(|s| s.clone()) else {
                return Ok(None);
            };
            match vm.next(&source)? {
                Some(item) => {
                    buffer.values.with(|v| v.push(item.clone()));
                    *pos += 1;
                    Ok(Some(item))
                }
                None => {
                    drop(buffer.source.with(Option::take));
                    Ok(None)
                }
            }
        }
        State::ZipLongest { sources, fill } => {
            if sources.iter().all(Option::is_none) {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(sources.len());
            for slot in sources.iter_mut() {
                let item = match slot {
                    Some(it) => match vm.next(it)? {
                        Some(item) => item,
                        None => {
                            *slot = None;
                            fill.clone()
                        }
                    },
                    None => fill.clone(),
                };
                items.push(item);
            }
            if sources.iter().all(Option::is_none) {
                return Ok(None);
            }
            Ok(Some(vm.new_tuple(items)?))
        }
        State::Combinatoric(c) => match c.advance() {
            Some(items) => Ok(Some(vm.new_tuple(items)?)),
            None => Ok(None),
        },
        State::Running | State::Done => Ok(None),
    }
}

fn runtime(vm: &mut Vm, message: &str) -> PyErr {
    vm.new_error(ExcKind::RuntimeError, message)
}

fn new_not_creatable(
    vm: &mut Vm,
    cls: &TypeRef,
    _a: &[Value],
    _k: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    Err(vm.type_error(format!("cannot create 'itertools.{}' instances", cls.name)))
}

// ----- count, cycle, repeat -------------------------------------------------

/// Whether `v` is a number (CPython's `PyNumber_Check`).
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if v.as_i64().is_some() || v.as_f64().is_some() || v.as_bool().is_some() {
        return true;
    }
    let t = vm.type_of(v).clone();
    ["__index__", "__int__", "__float__", "__complex__"]
        .iter()
        .any(|name| {
            t.lookup_str(&krait_vm::builtins::str::Str::new(name))
                .is_some()
        })
}

fn new_count(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(start=0, step=1)").bind(vm, "count", args, kw)?;
    let start = a.get(0).cloned().unwrap_or(Value::from_i64(0));
    let step = a.get(1).cloned().unwrap_or(Value::from_i64(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required".into()));
    }
    new_tool(vm, cls, State::Count { next: start, step })
}

fn count_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (next, step) = match tool_of(v).map(|t| {
        t.state.with(|s| match s {
            State::Count { next, step } => Some((next.clone(), step.clone())),
            _ => None,
        })
    }) {
        Some(Some(pair)) => pair,
        _ => return Err(runtime(vm, "count is running")),
    };
    let name = vm.type_of(v).name.to_string();
    let next_text = vm.repr_string(&next)?;
    let text = if step.as_i64() == Some(1) {
        format!("{name}({next_text})")
    } else {
        let step_text = vm.repr_string(&step)?;
        format!("{name}({next_text}, {step_text})")
    };
    vm.new_str(&text)
}

fn new_cycle(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "cycle", kw)?;
    let a = krait_vm::static_signature!("(iterable, /)").bind(vm, "cycle", args, None)?;
    let source = vm.iter(a.required(0))?;
    new_tool(
        vm,
        cls,
        State::Cycle {
            source: Some(source),
            saved: Vec::new(),
            pos: 0,
        },
    )
}

fn new_repeat(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(object, times=None)").bind(vm, "repeat", args, kw)?;
    let left = match a.get(1) {
        None => None,
        Some(t) => {
            let Some(n) = vm.index_value(t)? else {
                let tn = vm.type_name(t);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            };
            Some(u64::try_from(n).unwrap_or(0))
        }
    };
    new_tool(
        vm,
        cls,
        State::Repeat {
            object: a.required(0).clone(),
            left,
        },
    )
}

fn repeat_state(vm: &mut Vm, v: &Value) -> PyResult<(Value, Option<u64>)> {
    match tool_of(v).map(|t| {
        t.state.with(|s| match s {
            State::Repeat { object, left } => Some((object.clone(), *left)),
            _ => None,
        })
    }) {
        Some(Some(pair)) => Ok(pair),
        _ => Err(vm.type_error("expected an itertools.repeat".into())),
    }
}

fn repeat_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (object, left) = repeat_state(vm, v)?;
    let name = vm.type_of(v).name.to_string();
    let object_text = vm.repr_string(&object)?;
    let text = match left {
        None => format!("{name}({object_text})"),
        Some(n) => format!("{name}({object_text}, {n})"),
    };
    vm.new_str(&text)
}

fn repeat_length_hint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, left) = repeat_state(vm, args.this())?;
    match left {
        None => Err(vm.type_error("len() of unsized object".into())),
        Some(n) => Ok(Value::from_i64(i64::try_from(n).unwrap_or(i64::MAX))),
    }
}

// ----- stop on the shortest input -------------------------------------------

fn new_accumulate(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, func=None, *, initial=None)").bind(
        vm,
        "accumulate",
        args,
        kw,
    )?;
    let source = vm.iter(a.required(0))?;
    let initial = a.get(2).filter(|v| !v.is_none()).cloned();
    new_tool(
        vm,
        cls,
        State::Accumulate {
            source,
            func: arg(&a, 1),
            total: None,
            initial,
        },
    )
}

fn new_batched(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, n, *, strict=False)")
        .bind(vm, "batched", args, kw)?;
    let Some(n) = vm.index_value(a.required(1))? else {
        let tn = vm.type_name(a.required(1));
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if n < 1 {
        return Err(vm.value_error("n must be at least one"));
    }
    let strict = match a.get(2) {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let source = vm.iter(a.required(0))?;
    new_tool(
        vm,
        cls,
        State::Batched {
            source,
            n: usize::try_from(n).unwrap_or(usize::MAX),
            strict,
        },
    )
}

fn new_chain(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "chain", kw)?;
    let tuple = vm.new_tuple(args.to_vec())?;
    let sources = vm.iter(&tuple)?;
    new_tool(
        vm,
        cls,
        State::Chain {
            sources,
            active: None,
        },
    )
}

fn chain_from_iterable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(cls) = krait_vm::builtins::type_::as_type(args.this()).cloned() else {
        return Err(vm.type_error("chain.from_iterable needs a class".into()));
    };
    let sources = vm.iter(args.required(1))?;
    new_tool(
        vm,
        &cls,
        State::Chain {
            sources,
            active: None,
        },
    )
}

fn new_compress(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(data, selectors)").bind(vm, "compress", args, kw)?;
    let data = vm.iter(a.required(0))?;
    let selectors = vm.iter(a.required(1))?;
    new_tool(vm, cls, State::Compress { data, selectors })
}

fn predicate_and_source(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<(Value, Value)> {
    no_keywords(vm, name, kw)?;
    let a = krait_vm::static_signature!("(predicate, iterable, /)").bind(vm, name, args, None)?;
    let source = vm.iter(a.required(1))?;
    Ok((a.required(0).clone(), source))
}

fn new_dropwhile(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let (predicate, source) = predicate_and_source(vm, "dropwhile", args, kw)?;
    new_tool(
        vm,
        cls,
        State::DropWhile {
            predicate,
            source,
            dropping: true,
        },
    )
}

fn new_takewhile(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let (predicate, source) = predicate_and_source(vm, "takewhile", args, kw)?;
    new_tool(vm, cls, State::TakeWhile { predicate, source })
}

fn new_filterfalse(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let (predicate, source) = predicate_and_source(vm, "filterfalse", args, kw)?;
    new_tool(vm, cls, State::FilterFalse { predicate, source })
}

fn new_groupby(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, key=None)").bind(vm, "groupby", args, kw)?;
    let source = vm.iter(a.required(0))?;
    new_tool(
        vm,
        cls,
        State::GroupBy(GroupBy {
            source,
            key: arg(&a, 1),
            target: None,
            current_key: None,
            current_value: None,
            grouper: 0,
            next_grouper: 1,
        }),
    )
}

/// Runs `f` on the `groupby` state of `parent` (taken out of its cell
/// while `f` runs Python code).
fn with_groupby<R>(
    vm: &mut Vm,
    parent: &Value,
    f: impl FnOnce(&mut Vm, &mut GroupBy) -> PyResult<R>,
) -> PyResult<R> {
    let Some(tool) = tool_of(parent) else {
        return Err(runtime(vm, "groupby object expected"));
    };
    let state = tool.state.with(|s| std::mem::replace(s, State::Running));
    let State::GroupBy(mut g) = state else {
        drop(tool.state.with(|s| std::mem::replace(s, state)));
        return Err(runtime(vm, "cannot re-enter the groupby iterator"));
    };
    let result = f(vm, &mut g);
    drop(tool.state.with(|s| std::mem::replace(s, State::GroupBy(g))));
    result
}

/// Reads the next value and its key (CPython's `groupby_step`); false at
/// the end of the input.
fn groupby_step(vm: &mut Vm, g: &mut GroupBy) -> PyResult<bool> {
    let Some(value) = vm.next(&g.source)? else {
        return Ok(false);
    };
    let key = if g.key.is_none() {
        value.clone()
    } else {
        vm.call(&g.key, std::slice::from_ref(&value), None)?
    };
    g.current_value = Some(value);
    g.current_key = Some(key);
    Ok(true)
}

/// `next()` of a `groupby`: skips to the next key, returns it with a new
/// `_grouper`.
fn groupby_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let found = with_groupby(vm, v, |vm, g| {
        g.grouper = 0;
        loop {
            if let Some(current) = g.current_key.clone() {
                let Some(target) = g.target.clone() else {
                    break;
                };
                if !vm.eq(&target, &current)? {
                    break;
                }
            }
            if !groupby_step(vm, g)? {
                return Ok(None);
            }
        }
        let key = g.current_key.clone().unwrap_or(Value::NONE);
        g.target = Some(key.clone());
        let id = g.next_grouper;
        g.next_grouper += 1;
        g.grouper = id;
        Ok(Some((key, id)))
    })?;
    let Some((key, id)) = found else {
        return Ok(None);
    };
    let module = vm.import_module("itertools")?;
    let grouper_class = vm.get_attr_str(&module, "_grouper")?;
    let Some(grouper_class) = krait_vm::builtins::type_::as_type(&grouper_class).cloned() else {
        return Err(runtime(vm, "itertools._grouper is not a class"));
    };
    let grouper = new_tool(
        vm,
        &grouper_class,
        State::Grouper {
            parent: v.clone(),
            target: key.clone(),
            id,
        },
    )?;
    Ok(Some(vm.new_tuple(vec![key, grouper])?))
}

fn grouper_next(vm: &mut Vm, parent: &Value, target: &Value, id: u64) -> PyResult<Option<Value>> {
    with_groupby(vm, parent, |vm, g| {
        if g.grouper != id {
            return Ok(None);
        }
        if g.current_value.is_none() && !groupby_step(vm, g)? {
            return Ok(None);
        }
        let current = g.current_key.clone().unwrap_or(Value::NONE);
        if !vm.eq(target, &current)? {
            return Ok(None);
        }
        Ok(g.current_value.take())
    })
}

fn islice_index(vm: &mut Vm, v: &Value, message: &str) -> PyResult<Option<u64>> {
    if v.is_none() {
        return Ok(None);
    }
    let converted = vm.index_value(v);
    match converted {
        Ok(Some(n)) if n >= 0 => Ok(Some(n.unsigned_abs())),
        Ok(Some(_)) => Err(vm.value_error(message)),
        Ok(None) => Err(vm.value_error(message)),
        Err(e) if vm.exc_matches(&e, ExcKind::OverflowError) => Err(vm.value_error(message)),
        Err(e) => Err(e),
    }
}

fn new_islice(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "islice", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!(
            "islice expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    if args.len() > 4 {
        return Err(vm.type_error(format!(
            "islice expected at most 4 arguments, got {}",
            args.len()
        )));
    }
    let stop_message =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let index_message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if args.len() == 2 {
        (0, islice_index(vm, &args[1], stop_message)?, 1)
    } else {
        let start = islice_index(vm, &args[1], index_message)?;
        let stop = islice_index(vm, &args[2], stop_message)?;
        let step = match args.get(3) {
            Some(s) => {
                let message = "Step for islice() must be a positive integer or None.";
                match islice_index(vm, s, message)? {
                    Some(0) => return Err(vm.value_error(message)),
                    Some(n) => n,
                    None => 1,
                }
            }
            None => 1,
        };
        (start.unwrap_or(0), stop, step)
    };
    let source = vm.iter(&args[0])?;
    new_tool(
        vm,
        cls,
        State::ISlice {
            source,
            next: start,
            stop,
            step,
            count: 0,
        },
    )
}

fn new_pairwise(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "pairwise", kw)?;
    let a = krait_vm::static_signature!("(iterable, /)").bind(vm, "pairwise", args, None)?;
    let source = vm.iter(a.required(0))?;
    new_tool(vm, cls, State::Pairwise { source, old: None })
}

fn new_starmap(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "starmap", kw)?;
    let a =
        krait_vm::static_signature!("(function, iterable, /)").bind(vm, "starmap", args, None)?;
    let source = vm.iter(a.required(1))?;
    new_tool(
        vm,
        cls,
        State::StarMap {
            func: a.required(0).clone(),
            source,
        },
    )
}

// ----- tee -------------------------------------------------------------------

fn tee_class(vm: &mut Vm) -> PyResult<TypeRef> {
    let module = vm.import_module("itertools")?;
    let class = vm.get_attr_str(&module, "_tee")?;
    match krait_vm::builtins::type_::as_type(&class) {
        Some(t) => Ok(t.clone()),
        None => Err(runtime(vm, "itertools._tee is not a class")),
    }
}

/// A new `_tee` reading `buffer` from position `pos`.
fn tee_at(vm: &mut Vm, buffer: Ref<TeeBuffer>, pos: usize) -> PyResult<Value> {
    let cls = tee_class(vm)?;
    new_tool(vm, &cls, State::Tee { buffer, pos })
}

/// A `_tee` over `iterable` (a copy when it is a `_tee` already).
fn tee_of(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let source = vm.iter(iterable)?;
    if let Some(copy) = tee_position(&source) {
        return tee_at(vm, copy.0, copy.1);
    }
    let module = vm.import_module("itertools")?;
    let buffer_class = vm.get_attr_str(&module, "_tee_dataobject")?;
    let Some(buffer_class) = krait_vm::builtins::type_::as_type(&buffer_class).cloned() else {
        return Err(runtime(vm, "itertools._tee_dataobject is not a class"));
    };
    let buffer = vm.alloc(
        &buffer_class,
        TeeBuffer {
            source: PyCell::new(Some(source)),
            values: PyCell::new(Vec::new()),
        },
    )?;
    tee_at(vm, buffer, 0)
}

fn tee_position(v: &Value) -> Option<(Ref<TeeBuffer>, usize)> {
    tool_of(v)?.state.with(|s| match s {
        State::Tee { buffer, pos } => Some((buffer.clone(), *pos)),
        _ => None,
    })
}

fn new_tee_object(
    vm: &mut Vm,
    _cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    no_keywords(vm, "_tee", kw)?;
    let a = krait_vm::static_signature!("(iterable, /)").bind(vm, "_tee", args, None)?;
    tee_of(vm, a.required(0))
}

fn tee_copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match tee_position(args.this()) {
        Some((buffer, pos)) => tee_at(vm, buffer, pos),
        None => Err(vm.type_error("expected an itertools._tee".into())),
    }
}

/// `tee(iterable, n=2)`.
fn tee(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let n = match args.get(1) {
        Some(n) => match vm.index_value(n)? {
            Some(n) => n,
            None => {
                let tn = vm.type_name(n);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let mut items = Vec::new();
    if n > 0 {
        let first = tee_of(vm, args.required(0))?;
        let Some((buffer, pos)) = tee_position(&first) else {
            return Err(runtime(vm, "tee lost its buffer"));
        };
        items.push(first);
        for _ in 1..n {
            items.push(tee_at(vm, buffer.clone(), pos)?);
        }
    }
    vm.new_tuple(items)
}

fn new_zip_longest(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(*iterables, fillvalue=None)").bind(
        vm,
        "zip_longest",
        args,
        kw,
    )?;
    let mut sources = Vec::new();
    for iterable in a.varargs().to_vec() {
        sources.push(Some(vm.iter(&iterable)?));
    }
    new_tool(
        vm,
        cls,
        State::ZipLongest {
            sources,
            fill: arg(&a, 0),
        },
    )
}

// ----- combinatorics ---------------------------------------------------------

impl Combinatoric {
    fn new(kind: Kind, pool: Vec<Value>, pools: Vec<Vec<Value>>, r: usize) -> Combinatoric {
        let n = pool.len();
        let (indices, cycles) = match kind {
            Kind::Product => (vec![0; pools.len()], Vec::new()),
            Kind::Permutations => (
                (0..n).collect(),
                (0..r).map(|i| n.saturating_sub(i)).collect(),
            ),
            Kind::Combinations => ((0..r).collect(), Vec::new()),
            Kind::CombinationsWithReplacement => (vec![0; r], Vec::new()),
        };
        Combinatoric {
            kind,
            pool,
            pools,
            indices,
            cycles,
            r,
            first: true,
        }
    }

    fn current(&self) -> Vec<Value> {
        match self.kind {
            Kind::Product => self
                .indices
                .iter()
                .zip(&self.pools)
                .filter_map(|(&i, pool)| pool.get(i).cloned())
                .collect(),
            _ => self
                .indices
                .iter()
                .take(self.r)
                .filter_map(|&i| self.pool.get(i).cloned())
                .collect(),
        }
    }

    /// The next tuple's items, or `None` when done (the algorithms of the
    /// itertools documentation's equivalents).
    fn advance(&mut self) -> Option<Vec<Value>> {
        let n = self.pool.len();
        if self.first {
            self.first = false;
            let empty = match self.kind {
                Kind::Product => self.pools.iter().any(Vec::is_empty),
                Kind::Permutations | Kind::Combinations => self.r > n,
                Kind::CombinationsWithReplacement => n == 0 && self.r > 0,
            };
            if empty {
                return None;
            }
            return Some(self.current());
        }
        let r = self.r;
        match self.kind {
            Kind::Product => {
                let mut i = self.pools.len();
                loop {
                    if i == 0 {
                        return None;
                    }
                    i -= 1;
                    let size = self.pools.get(i).map_or(0, Vec::len);
                    let index = self.indices.get_mut(i)?;
                    *index += 1;
                    if *index < size {
                        break;
                    }
                    *index = 0;
                }
            }
            Kind::Combinations => {
                let mut i = r;
                loop {
                    if i == 0 {
                        return None;
                    }
                    i -= 1;
                    if *self.indices.get(i)? != i + n - r {
                        break;
                    }
                }
                *self.indices.get_mut(i)? += 1;
                for j in i + 1..r {
                    let previous = *self.indices.get(j - 1)?;
                    *self.indices.get_mut(j)? = previous + 1;
                }
            }
            Kind::CombinationsWithReplacement => {
                let mut i = r;
                loop {
                    if i == 0 {
                        return None;
                    }
                    i -= 1;
                    if *self.indices.get(i)? != n.saturating_sub(1) {
                        break;
                    }
                }
                let value = *self.indices.get(i)? + 1;
                for j in i..r {
                    *self.indices.get_mut(j)? = value;
                }
            }
            Kind::Permutations => {
                if n == 0 {
                    return None;
                }
                let mut i = r;
                loop {
                    if i == 0 {
                        return None;
                    }
                    i -= 1;
                    let cycle = self.cycles.get_mut(i)?;
                    *cycle -= 1;
                    if *cycle == 0 {
                        self.indices.get_mut(i..)?.rotate_left(1);
                        *self.cycles.get_mut(i)? = n - i;
                    } else {
                        let j = n.checked_sub(*cycle)?;
                        if j >= self.indices.len() {
                            return None;
                        }
                        self.indices.swap(i, j);
                        break;
                    }
                }
            }
        }
        Some(self.current())
    }
}

fn r_argument(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(r) = vm.index_value(v)? else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(usize::try_from(r).unwrap_or(usize::MAX))
}

fn new_product(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(*iterables, repeat=1)").bind(vm, "product", args, kw)?;
    let repeat = match a.get(0) {
        Some(v) => match vm.index_value(v)? {
            Some(n) if n < 0 => return Err(vm.value_error("repeat argument cannot be negative")),
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None => {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => 1,
    };
    let mut factors = Vec::new();
    for iterable in a.varargs().to_vec() {
        factors.push(vm.collect_iterable(&iterable)?);
    }
    let mut pools = Vec::new();
    if !factors.is_empty() {
        for _ in 0..repeat {
            pools.extend(factors.iter().cloned());
        }
    }
    let state = Combinatoric::new(Kind::Product, Vec::new(), pools, 0);
    new_tool(vm, cls, State::Combinatoric(state))
}

fn new_permutations(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, r=None)").bind(vm, "permutations", args, kw)?;
    let pool = vm.collect_iterable(a.required(0))?;
    let r = match a.get(1).filter(|v| !v.is_none()) {
        Some(v) => r_argument(vm, &v.clone())?,
        None => pool.len(),
    };
    let state = Combinatoric::new(Kind::Permutations, pool, Vec::new(), r);
    new_tool(vm, cls, State::Combinatoric(state))
}

fn new_combinations(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, r)").bind(vm, "combinations", args, kw)?;
    let pool = vm.collect_iterable(a.required(0))?;
    let r = r_argument(vm, a.required(1))?;
    let state = Combinatoric::new(Kind::Combinations, pool, Vec::new(), r);
    new_tool(vm, cls, State::Combinatoric(state))
}

fn new_combinations_with_replacement(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(iterable, r)").bind(
        vm,
        "combinations_with_replacement",
        args,
        kw,
    )?;
    let pool = vm.collect_iterable(a.required(0))?;
    let r = r_argument(vm, a.required(1))?;
    let state = Combinatoric::new(Kind::CombinationsWithReplacement, pool, Vec::new(), r);
    new_tool(vm, cls, State::Combinatoric(state))
}
