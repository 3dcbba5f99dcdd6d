//! Running a whole program as `python3.14 script.py` does: a `__main__`
//! module, the uncaught-exception report on stderr (exit status 1), and
//! `SystemExit` handling.

use krait_compiler::bytecode::code_object::CodeObject;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{ExcKind, as_exception};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// Stack reserved for the interpreter thread: native recursion is bounded
/// by [`super::NATIVE_DEPTH_LIMIT`] plus the recursion limit, which needs
/// more than a default main thread's stack.
const STACK_BYTES: usize = 512 << 20;

/// Runs a compiled module as `__main__`; returns the process exit status.
pub fn run_main(code: CodeObject) -> i32 {
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || run_main_here(code));
    match worker {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(_) => run_main_here_boxed(),
    }
}

fn run_main_here_boxed() -> i32 {
    eprintln!("krait: cannot start the interpreter thread");
    1
}

fn run_main_here(code: CodeObject) -> i32 {
    let Ok(mut vm) = Vm::new() else {
        eprintln!("MemoryError");
        return 1;
    };
    let mut main_globals = None;
    let status = match run_in(&mut vm, code, &mut main_globals) {
        Ok(()) => 0,
        Err(err) => {
            vm.flush_stdout();
            report(&mut vm, &err)
        }
    };
    if let Some(globals) = main_globals {
        clear_module_dict(&mut vm, &globals);
    }
    crate::builtins::generator::run_pending_finalizers(&mut vm);
    vm.flush_stdout();
    status
}

fn run_in(
    vm: &mut Vm,
    code: CodeObject,
    main_globals: &mut Option<Ref<Dict>>,
) -> crate::error::PyResult<()> {
    let module = vm.new_module("__main__")?;
    let globals = module.dict.clone();
    *main_globals = Some(globals.clone());
    let key = vm.intern("__builtins__")?;
    let builtins = Value::from_object(vm.builtins.as_obj().clone());
    globals.table.with(|t| t.insert_str(key, builtins));
    let code = vm.new_code(code)?;
    vm.run_module_code(code, globals)?;
    Ok(())
}

/// Interpreter shutdown's release of `__main__`'s namespace: CPython
/// frees the module's dict (through the cycle collector, as functions
/// refer to it), dropping its values in insertion order, so objects die —
/// and generators suspended in `try` blocks are closed — in that order.
fn clear_module_dict(vm: &mut Vm, dict: &Ref<Dict>) {
    let keys: Vec<Value> = dict.items().into_iter().map(|(k, _)| k).collect();
    for key in keys {
        if vm
            .as_str(&key)
            .is_some_and(|s| &*s.as_lossy() == "__builtins__")
        {
            continue;
        }
        let _ = Dict::set_item(vm, dict, key, Value::NONE);
        crate::builtins::generator::run_pending_finalizers(vm);
    }
}

/// Prints an uncaught exception (or handles `SystemExit`); returns the exit status.
pub fn report(vm: &mut Vm, err: &crate::error::PyErr) -> i32 {
    if vm.exc_matches(err, ExcKind::SystemExit) {
        let args = crate::builtins::tuple::seq_items(&err.0.args.get()).unwrap_or_default();
        let code = match args.len() {
            0 => Value::NONE,
            1 => args[0].clone(),
            _ => err.0.args.get(),
        };
        if code.is_none() {
            return 0;
        }
        if let Some(i) = code.as_i64() {
            return i as i32;
        }
        if let Some(b) = code.as_bool() {
            return i32::from(b);
        }
        let text = vm.str_string(&code).unwrap_or_default();
        eprintln!("{text}");
        return 1;
    }
    let text = crate::runtime::traceback::format_exception(vm, &err.0);
    eprint!("{text}");
    let _ = as_exception;
    1
}
