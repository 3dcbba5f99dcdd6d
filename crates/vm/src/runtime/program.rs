//! Running a whole program as `python3.14 script.py` does: a `__main__`
//! module, the uncaught-exception report on stderr (exit status 1), and
//! `SystemExit` handling.

use krait_compiler::bytecode::code_object::CodeObject;

use crate::builtins::exceptions::{ExcKind, as_exception};
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
    let status = match run_in(&mut vm, code) {
        Ok(()) => 0,
        Err(err) => {
            vm.flush_stdout();
            report(&mut vm, &err)
        }
    };
    vm.flush_stdout();
    status
}

fn run_in(vm: &mut Vm, code: CodeObject) -> crate::error::PyResult<()> {
    let module = vm.new_module("__main__")?;
    let globals = module.dict.clone();
    let key = vm.intern("__builtins__")?;
    let builtins = Value::from_object(vm.builtins.as_obj().clone());
    globals.table.with(|t| t.insert_str(key, builtins));
    let code = vm.new_code(code)?;
    vm.run_module_code(code, globals)?;
    Ok(())
}

/// Prints an uncaught exception (or handles `SystemExit`); returns the exit status.
pub fn report(vm: &mut Vm, err: &crate::error::PyErr) -> i32 {
    if vm.exc_matches(err, ExcKind::SystemExit) {
        // `SystemExit.code`, which the constructor set from the arguments.
        let code = err.0.field(crate::builtins::exceptions::field::CODE);
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
