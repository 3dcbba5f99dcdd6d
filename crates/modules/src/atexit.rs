//! `atexit` (CPython's `Modules/atexitmodule.c`): functions registered to
//! run when the interpreter exits, last registered first (`weakref.finalize`
//! relies on it). The registry is a list of `(function, arguments, keyword
//! names)` calls kept in the interpreter's module state; the interpreter's
//! shutdown calls the hook this module leaves there
//! ([`krait_vm::runtime::program::EXIT_HOOK`]) after the program ends and
//! before `__main__` is released, as CPython's `Py_FinalizeEx` does.

use krait_vm::builtins::function::Module;
use krait_vm::builtins::list::List;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::Ref;
use krait_vm::runtime::program::EXIT_HOOK;
use krait_vm::{PyResult, Value, Vm};

/// The `module_state` key of the registry list.
const REGISTRY: &str = "atexit.callbacks";

/// `atexit`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    if !vm.module_state.contains_key(REGISTRY) {
        let list = vm.new_list(Vec::new())?;
        vm.module_state.insert(REGISTRY, list);
    }
    let run = vm.get_attr_str(
        &Value::from_object(module.as_obj().clone()),
        "_run_exitfuncs",
    )?;
    vm.module_state.insert(EXIT_HOOK, run);
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `atexit.__doc__` (krait's own words).
const DOC: &str = "Register functions to be called when the interpreter exits.";

/// The registry list.
fn registry(vm: &mut Vm) -> PyResult<Ref<List>> {
    match vm
        .module_state
        .get(REGISTRY)
        .and_then(|v| v.as_object()?.downcast::<List>().cloned())
    {
        Some(list) => Ok(list),
        None => Err(vm.type_error("atexit is not initialised".into())),
    }
}

/// The registered calls, each `(function, arguments, keyword names)`.
fn entries(vm: &mut Vm) -> PyResult<Vec<Value>> {
    Ok(registry(vm)?.items.get())
}

/// Runs every registered call, last registered first, and empties the
/// registry; errors are reported as CPython's unraisable hook does.
fn run_exit_functions(vm: &mut Vm) -> PyResult<()> {
    let list = registry(vm)?;
    let calls = list.items.with(std::mem::take);
    for call in calls.into_iter().rev() {
        let Some(parts) = call
            .as_object()
            .and_then(|o| o.downcast::<Tuple>())
            .cloned()
        else {
            continue;
        };
        let [function, arguments, names] = parts.items() else {
            continue;
        };
        let arguments = arguments
            .as_object()
            .and_then(|o| o.downcast::<Tuple>())
            .map(|t| t.items().to_vec())
            .unwrap_or_default();
        let names = names
            .as_object()
            .and_then(|o| o.downcast::<Tuple>())
            .cloned();
        if let Err(err) = vm.call(function, &arguments, names.as_ref()) {
            let what = vm
                .repr_string(function)
                .unwrap_or_else(|_| "callback".to_owned());
            krait_vm::gc::finalize::report_unraisable(
                vm,
                &format!("Exception ignored in atexit callback {what}"),
                &err,
            );
        }
    }
    Ok(())
}

/// The functions of `atexit`.
const FUNCTIONS: &[MethodDef] = &[
    method("register", "(func, /, *args, **kwargs)", |vm, args| {
        let function = args.required(0).clone();
        if vm.type_of(&function).slots.call.get().is_none() {
            return Err(vm.type_error("the first argument must be callable".into()));
        }
        let (positional, names) = krait_vm::builtins::type_::flatten_call(vm, args)?;
        let arguments = vm.new_tuple(positional)?;
        let names = names.map_or(Value::NONE, |n| Value::from_object(n.into_obj()));
        let entry = vm.new_tuple(vec![function.clone(), arguments, names])?;
        registry(vm)?.items.with(|items| items.push(entry));
        Ok(function)
    }),
    method("unregister", "(func, /)", |vm, args| {
        let function = args.required(0);
        let mut keep = Vec::new();
        for entry in entries(vm)? {
            let registered = entry
                .as_object()
                .and_then(|o| o.downcast::<Tuple>())
                .and_then(|t| t.items().first().cloned())
                .unwrap_or(Value::NONE);
            if !vm.eq(&registered, function)? {
                keep.push(entry);
            }
        }
        let removed = registry(vm)?
            .items
            .with(|items| std::mem::replace(items, keep));
        drop(removed);
        Ok(Value::NONE)
    }),
    method("_run_exitfuncs", "()", |vm, _args| {
        run_exit_functions(vm)?;
        Ok(Value::NONE)
    }),
    method("_clear", "()", |vm, _args| {
        let removed = registry(vm)?.items.with(std::mem::take);
        drop(removed);
        Ok(Value::NONE)
    }),
    method("_ncallbacks", "()", |vm, _args| {
        let n = entries(vm)?.len();
        Ok(Value::from_i64(i64::try_from(n).unwrap_or(i64::MAX)))
    }),
];
