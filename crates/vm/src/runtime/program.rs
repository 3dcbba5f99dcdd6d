//! Running a whole program as `python3.14 script.py` does: a `__main__`
//! module, the uncaught-exception report on stderr (exit status 1), and
//! `SystemExit` handling.

use krait_compiler::bytecode::code_object::CodeObject;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{ExcKind, as_exception};
use crate::builtins::function::Module;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::config::Config;
use crate::value::Value;

/// Stack reserved for the interpreter thread: native recursion is bounded
/// by [`super::NATIVE_DEPTH_LIMIT`] plus the recursion limit, which needs
/// more than a default main thread's stack.
const STACK_BYTES: usize = 512 << 20;

/// Where the program's `__main__` code came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MainOrigin {
    /// A script file (its path becomes `__file__`).
    File(String),
    /// Standard input (`__file__` is `<stdin>`).
    Stdin,
    /// `-c` code (no `__file__`), with its text (tracebacks show its lines
    /// under `<string>`, as CPython 3.13+ does).
    Command(String),
}

/// Runs a compiled module as `__main__` in an interpreter set up by
/// `config`; returns the process exit status.
pub fn run_main(code: CodeObject, config: Config, origin: MainOrigin) -> i32 {
    on_interpreter_thread(move || run_main_here(code, config, origin))
}

/// Runs the module `name` as `__main__` (`krait -m name`) in an
/// interpreter set up by `config`; returns the process exit status.
pub fn run_module_main(name: String, config: Config) -> i32 {
    on_interpreter_thread(move || {
        run_program(config, |vm| {
            let module = vm.new_module("__main__")?;
            vm.prepare_main_module(&module, None, false)?;
            crate::runtime::import::run_module::run_module_as_main(vm, &name, &module)
        })
    })
}

/// Runs `program` on a thread with the interpreter's large stack.
fn on_interpreter_thread(program: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(program);
    match worker {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(_) => run_main_here_boxed(),
    }
}

fn run_main_here_boxed() -> i32 {
    eprintln!("krait: cannot start the interpreter thread");
    1
}

fn run_main_here(code: CodeObject, config: Config, origin: MainOrigin) -> i32 {
    run_program(config, |vm| run_in(vm, code, &origin))
}

/// Makes an interpreter from `config`, runs `program` in it, reports an
/// uncaught exception; returns the exit status.
fn run_program(config: Config, program: impl FnOnce(&mut Vm) -> PyResult<()>) -> i32 {
    let Ok(mut vm) = Vm::new() else {
        eprintln!("MemoryError");
        return 1;
    };
    crate::runtime::signals::install();
    let result = vm.configure(config).and_then(|()| program(&mut vm));
    let status = match result {
        Ok(()) => 0,
        Err(err) => {
            vm.flush_stdout();
            report(&mut vm, &err)
        }
    };
    run_exit_hook(&mut vm);
    release_main_module(&mut vm);
    vm.flush_stdout();
    status
}

/// The `module_state` key under which a native module (`atexit`) leaves a
/// callable to run when the program has ended, before `__main__` is released.
pub const EXIT_HOOK: &str = "atexit._run_exitfuncs";

/// What `Py_FinalizeEx` does first: `threading._shutdown()` if `threading`
/// was imported (it runs the functions of `threading._register_atexit`),
/// then the exit hook, if a module left one (`atexit`'s callbacks).
fn run_exit_hook(vm: &mut Vm) {
    if let Some(threading) = vm.imported_module("threading") {
        crate::gc::run_pending(vm);
        let result = vm
            .get_attr_str(&threading, "_shutdown")
            .and_then(|shutdown| vm.call(&shutdown, &[], None));
        if let Err(err) = result {
            crate::gc::finalize::report_unraisable(
                vm,
                "Exception ignored on threading shutdown",
                &err,
            );
        }
    }
    if let Some(hook) = vm.module_state.get(EXIT_HOOK).cloned() {
        crate::gc::run_pending(vm);
        if let Err(err) = vm.call(&hook, &[], None) {
            crate::gc::finalize::report_unraisable(vm, "Exception ignored in atexit", &err);
        }
        vm.flush_stdout();
    }
}

fn run_in(vm: &mut Vm, code: CodeObject, origin: &MainOrigin) -> PyResult<()> {
    let module = vm.new_module("__main__")?;
    let (filename, from_file) = match origin {
        MainOrigin::File(path) => (Some(path.as_str()), true),
        MainOrigin::Stdin => (Some("<stdin>"), false),
        MainOrigin::Command(text) => {
            crate::runtime::traceback::register_source("<string>", text);
            (None, false)
        }
    };
    vm.prepare_main_module(&module, filename, from_file)?;
    let globals = module.dict.clone();
    let code = vm.new_code(code)?;
    vm.run_module_code(code, globals)?;
    Ok(())
}

/// Interpreter shutdown's release of `__main__`'s namespace: CPython
/// frees the module's dict (through the cycle collector, as functions
/// refer to it), dropping its values in insertion order, so objects die —
/// their `__del__` runs and generators suspended in `try` blocks are
/// closed — in that order. Weak reference callbacks do not run: the weak
/// references are part of that garbage in CPython.
fn release_main_module(vm: &mut Vm) {
    let main = vm
        .imported_module("__main__")
        .and_then(|m| m.as_object()?.downcast::<Module>().cloned());
    crate::gc::run_pending(vm);
    crate::object::weakref::stop_callbacks();
    if let Some(main) = main {
        clear_module_dict(vm, &main.dict);
    }
    crate::gc::run_pending(vm);
}

/// Sets every value of a module's dict but `__builtins__` to `None`, in
/// insertion order, running the finalizers each release queues.
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
        crate::gc::run_pending(vm);
    }
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
    if vm.exc_matches(err, ExcKind::KeyboardInterrupt) {
        vm.flush_stdout();
        crate::runtime::signals::exit_by_sigint();
    }
    1
}
