//! The `gc` module: CPython 3.14's Python interface to the collector.
//!
//! [`METHODS`] declares the functions (`collect`, `enable`, `disable`,
//! `isenabled`, `get_count`, `get_threshold`, `set_threshold`, `get_debug`,
//! `set_debug`, `is_tracked`, `is_finalized`, `get_objects`, `get_stats`,
//! `get_referrers`, `get_referents`, `freeze`, `unfreeze`,
//! `get_freeze_count`); [`new_gc_module`] builds the whole module object,
//! with the `garbage` and `callbacks` lists and the `DEBUG_*` constants, for
//! the import system to register as the builtin module `gc`.
//!
//! `gc.callbacks` are called (`"start"`/`"stop"` with CPython's info dict).
//! `gc.garbage` only ever receives objects with `DEBUG_SAVEALL`: krait has
//! no legacy (`tp_del`) finalizers, so nothing is uncollectable. Of the
//! debug flags only `DEBUG_SAVEALL` has an effect; the others are stored.

use super::collect::{DEBUG_SAVEALL, collect};
use super::finalize::{kept_list, run_pending};
use super::state::{GENERATIONS, state};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Module;
use crate::builtins::int::BigInt;
use crate::builtins::native::{Args, MethodDef, method};
use crate::error::PyResult;
use crate::object::{ObjRef, Ref};
use crate::runtime::Vm;
use crate::value::{Unpacked, Value};

/// The functions of the `gc` module.
pub const METHODS: &[MethodDef] = &[
    method("enable", "()", |_vm, _args| {
        state().set_enabled(true);
        Ok(Value::NONE)
    }),
    method("disable", "()", |_vm, _args| {
        state().set_enabled(false);
        Ok(Value::NONE)
    }),
    method("isenabled", "()", |_vm, _args| {
        Ok(Value::from_bool(state().is_enabled()))
    }),
    method("collect", "(generation=2)", gc_collect),
    method("get_count", "()", |vm, _args| {
        let counts: Vec<Value> = state()
            .generations
            .iter()
            .map(|g| int_value(g.count.get()))
            .collect();
        vm.new_tuple(counts)
    }),
    method("get_threshold", "()", |vm, _args| {
        let thresholds: Vec<Value> = state()
            .generations
            .iter()
            .map(|g| Value::from_i64(g.threshold()))
            .collect();
        vm.new_tuple(thresholds)
    }),
    method("set_threshold", "(*args)", gc_set_threshold),
    method("get_debug", "()", |_vm, _args| {
        Ok(Value::from_i64(i64::from(state().debug.get())))
    }),
    method("set_debug", "(flags, /)", |vm, args| {
        let flags = clinic_int(vm, args.required(0))?;
        // The flags are a C int's bits.
        state().debug.set(flags as u32);
        Ok(Value::NONE)
    }),
    method("is_tracked", "(obj, /)", |_vm, args| {
        let tracked = args.required(0).as_object().is_some_and(super::is_tracked);
        Ok(Value::from_bool(tracked))
    }),
    method("is_finalized", "(obj, /)", |_vm, args| {
        let finalized = args
            .required(0)
            .as_object()
            .is_some_and(super::is_finalized);
        Ok(Value::from_bool(finalized))
    }),
    method("get_objects", "(generation=None)", gc_get_objects),
    method("get_stats", "()", gc_get_stats),
    method("get_referrers", "(*objs)", gc_get_referrers),
    method("get_referents", "(*objs)", |vm, args| {
        let mut found = Vec::new();
        for object in args.varargs() {
            if let Some(object) = object.as_object() {
                found.extend(super::referents(object).into_iter().map(Value::from_object));
            }
        }
        vm.new_list(found)
    }),
    method("freeze", "()", |_vm, _args| {
        super::freeze();
        Ok(Value::NONE)
    }),
    method("unfreeze", "()", |_vm, _args| {
        super::unfreeze();
        Ok(Value::NONE)
    }),
    method("get_freeze_count", "()", |_vm, _args| {
        Ok(int_value(super::freeze_count()))
    }),
];

/// The functions of the `gc` module (see [`METHODS`]).
pub fn gc_module_methods() -> &'static [MethodDef] {
    METHODS
}

/// The `DEBUG_*` constants.
pub const DEBUG_FLAGS: &[(&str, i64)] = &[
    ("DEBUG_STATS", 1),
    ("DEBUG_COLLECTABLE", 2),
    ("DEBUG_UNCOLLECTABLE", 4),
    ("DEBUG_SAVEALL", DEBUG_SAVEALL as i64),
    ("DEBUG_LEAK", 2 | 4 | DEBUG_SAVEALL as i64),
];

/// Builds the `gc` module: its functions (named `gc.<name>` in messages),
/// `garbage`, `callbacks` and the `DEBUG_*` constants.
pub fn new_gc_module(vm: &mut Vm) -> PyResult<Ref<Module>> {
    let module = vm.new_module("gc")?;
    init(vm, &module)?;
    Ok(module)
}

/// Fills `module` (created by the import system) with the `gc` module's
/// contents; the initialiser the builtin-module registry calls.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let module = module.clone();
    for def in METHODS {
        let function = vm.new_builtin_function(def, None, &format!("gc.{}", def.name))?;
        set(vm, &module, def.name, function)?;
    }
    let state = state();
    for (name, slot) in [("garbage", &state.garbage), ("callbacks", &state.callbacks)] {
        let Some(list) = kept_list(vm, slot) else {
            return Err(vm.memory_error.clone());
        };
        set(vm, &module, name, Value::from_object(list))?;
    }
    for &(name, flag) in DEBUG_FLAGS {
        set(vm, &module, name, Value::from_i64(flag))?;
    }
    Ok(())
}

fn set(vm: &mut Vm, module: &Ref<Module>, name: &str, value: Value) -> PyResult<()> {
    let key = vm.intern(name)?;
    module.dict.table.with(|t| t.insert_str(key, value));
    Ok(())
}

fn int_value(n: usize) -> Value {
    Value::from_i64(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The "'str' object cannot be interpreted as an integer" error.
fn not_an_integer(vm: &mut Vm, value: &Value) -> crate::error::PyErr {
    let name = vm.type_name(value);
    vm.type_error(format!(
        "'{name}' object cannot be interpreted as an integer"
    ))
}

/// An argument converted to a C `int` as CPython's argument clinic does.
fn clinic_int(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    let too_large = |vm: &mut Vm| {
        vm.new_error(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    if is_big_int(value) {
        return Err(too_large(vm));
    }
    let Some(n) = vm.index_value(value)? else {
        return Err(not_an_integer(vm, value));
    };
    i32::try_from(n).map_err(|_| too_large(vm))
}

/// An argument converted to a C `int` as `PyArg_ParseTuple`'s `"i"` does.
fn parse_tuple_int(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    if is_big_int(value) {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    let Some(n) = vm.index_value(value)? else {
        return Err(not_an_integer(vm, value));
    };
    i32::try_from(n).map_err(|_| {
        let message = if n > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        };
        vm.new_error(ExcKind::OverflowError, message)
    })
}

fn is_big_int(value: &Value) -> bool {
    matches!(value.unpack(), Unpacked::Object(o) if o.downcast::<BigInt>().is_some())
}

/// `gc.collect(generation=2)`.
fn gc_collect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let generation = match args.get(0) {
        Some(g) => clinic_int(vm, g)?,
        None => 2,
    };
    let Ok(generation) = usize::try_from(generation) else {
        return Err(vm.value_error("invalid generation"));
    };
    if generation >= GENERATIONS {
        return Err(vm.value_error("invalid generation"));
    }
    let found = collect(vm, generation);
    // Finalizers of objects freed by the collection run before it returns,
    // as they would in CPython.
    run_pending(vm);
    Ok(int_value(found))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn gc_set_threshold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let given = args.varargs().to_vec();
    if given.is_empty() || given.len() > GENERATIONS {
        return Err(vm.type_error("gc.set_threshold requires 1 to 3 arguments".into()));
    }
    let mut thresholds = Vec::with_capacity(given.len());
    for value in &given {
        thresholds.push(parse_tuple_int(vm, value)?);
    }
    let state = state();
    for (generation, threshold) in thresholds.into_iter().enumerate() {
        state.set_threshold(generation, i64::from(threshold));
    }
    Ok(Value::NONE)
}

/// `gc.get_objects(generation=None)`.
fn gc_get_objects(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let generation = match args.get(0) {
        None => None,
        Some(g) if g.is_none() => None,
        Some(g) => {
            if is_big_int(g) {
                return Err(vm.new_error(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            let Some(n) = vm.index_value(g)? else {
                let name = vm.type_name(g);
                return Err(
                    vm.type_error(format!("argument should be integer or None, not '{name}'"))
                );
            };
            if n >= GENERATIONS as i64 {
                return Err(vm.value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            if n < -1 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            usize::try_from(n).ok()
        }
    };
    let objects = super::tracked_objects(generation)
        .into_iter()
        .map(Value::from_object)
        .collect();
    vm.new_list(objects)
}

/// `gc.get_stats()`.
fn gc_get_stats(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    let mut all = Vec::with_capacity(GENERATIONS);
    for stats in &state().stats {
        let dict = vm.new_dict_ref()?;
        for (key, value) in [
            ("collections", stats.collections.get()),
            ("collected", stats.collected.get()),
            ("uncollectable", stats.uncollectable.get()),
        ] {
            let key = vm.intern(key)?;
            dict.table.with(|t| t.insert_str(key, int_value(value)));
        }
        all.push(Value::from_object(dict.into_obj()));
    }
    vm.new_list(all)
}

/// `gc.get_referrers(*objs)`: the tracked objects referring to any of
/// `objs` (not counting the call's own argument tuple).
fn gc_get_referrers(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let wanted: Vec<usize> = args
        .varargs()
        .iter()
        .filter_map(|v| v.as_object().map(ObjRef::address))
        .collect();
    let arguments = args.varargs().as_ptr();
    let mut found = Vec::new();
    for object in super::tracked_objects(None) {
        let is_arguments = object
            .downcast::<crate::builtins::tuple::Tuple>()
            .is_some_and(|t| std::ptr::eq(t.items().as_ptr(), arguments));
        if is_arguments {
            continue;
        }
        if super::referents(&object)
            .iter()
            .any(|r| wanted.contains(&r.address()))
        {
            found.push(Value::from_object(object));
        }
    }
    vm.new_list(found)
}
