//! The `sys` module: the interpreter's configuration (`argv`, `path`,
//! `executable`, ...), the import system's state (`modules`,
//! `builtin_module_names`, `meta_path`, ...), the standard streams, the
//! exception being handled, the recursion limit, and what the interpreter
//! is (`version_info`, `implementation`, `flags`, `float_info`, ...).
//!
//! - [`streams`] — `stdin`/`stdout`/`stderr`.
//! - [`info`] — the version, platform and struct-sequence attributes.
//! - [`stdlib_names`] — `stdlib_module_names`.
//! - [`frames`] — the frame snapshots of `_getframe`.

pub mod frames;
pub mod info;
pub mod stdlib_names;
pub mod streams;

use krait_vm::builtins::exceptions::{ExcKind, as_exception};
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyResult, Value, Vm};

/// What `sys.getrefcount` reports for immortal objects (CPython 3.14's value).
const IMMORTAL_REFCOUNT: i64 = 3_221_225_472;

/// `sys`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let hook = vm.get_attr_str(&Value::from_object(module.as_obj().clone()), "excepthook")?;
    vm.module_set(module, "__excepthook__", hook)?;
    let config = vm.config.clone();
    let strings = |vm: &mut Vm, items: &[String]| -> PyResult<Vec<Value>> {
        items.iter().map(|s| vm.new_str(s)).collect()
    };
    let argv = strings(vm, &config.argv)?;
    let argv = vm.new_list(argv)?;
    let orig_argv = strings(vm, &config.orig_argv)?;
    let orig_argv = vm.new_list(orig_argv)?;
    let path = strings(vm, &config.module_search_paths)?;
    let path = vm.new_list(path)?;
    let modules = Value::from_object(vm.sys_modules().as_obj().clone());
    let builtin_names: Vec<String> = vm
        .builtin_module_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let builtin_names = strings(vm, &builtin_names)?;
    let builtin_names = vm.new_tuple(builtin_names)?;
    let stdlib_names: Vec<String> = stdlib_names::STDLIB_MODULE_NAMES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let stdlib_names = strings(vm, &stdlib_names)?;
    let stdlib_names = vm.new_frozenset(stdlib_names)?;
    let executable = vm.new_str(&config.executable)?;
    let stdlib_dir = match &config.stdlib_dir {
        Some(dir) => vm.new_str(dir)?,
        None => Value::NONE,
    };
    let prefix_text = config
        .stdlib_dir
        .as_deref()
        .and_then(|d| std::path::Path::new(d).parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = vm.new_str(&prefix_text)?;
    let version_info = info::version_info(vm)?;
    let implementation = info::implementation(vm, version_info.clone())?;
    let stream_type = streams::new_type(vm)?;
    let stdin = streams::new_stream(vm, &stream_type, streams::StreamKind::Stdin)?;
    let stdout = streams::new_stream(vm, &stream_type, streams::StreamKind::Stdout)?;
    let stderr = streams::new_stream(vm, &stream_type, streams::StreamKind::Stderr)?;
    vm.standard_output = stdout.clone();
    let meta_path = vm.new_list(Vec::new())?;
    let path_hooks = vm.new_list(Vec::new())?;
    let path_importer_cache = vm.new_dict()?;
    let warnoptions = vm.new_list(Vec::new())?;
    let xoptions = vm.new_dict()?;
    let texts: [(&str, String); 8] = [
        ("version", info::version_text()),
        ("platform", info::platform().to_owned()),
        ("byteorder", info::byteorder().to_owned()),
        ("float_repr_style", "short".to_owned()),
        ("platlibdir", "lib".to_owned()),
        ("abiflags", String::new()),
        ("__doc__", DOC.to_owned()),
        ("_framework", String::new()),
    ];
    for (name, text) in texts {
        let value = vm.new_str(&text)?;
        vm.module_set(module, name, value)?;
    }
    let flags = info::flags(vm)?;
    let float_info = info::float_info(vm)?;
    let int_info = info::int_info(vm)?;
    let hash_info = info::hash_info(vm)?;
    let values: Vec<(&str, Value)> = vec![
        ("argv", argv),
        ("orig_argv", orig_argv),
        ("path", path),
        ("modules", modules),
        ("builtin_module_names", builtin_names),
        ("stdlib_module_names", stdlib_names),
        ("meta_path", meta_path),
        ("path_hooks", path_hooks),
        ("path_importer_cache", path_importer_cache),
        ("executable", executable.clone()),
        ("_base_executable", executable),
        ("prefix", prefix.clone()),
        ("base_prefix", prefix.clone()),
        ("exec_prefix", prefix.clone()),
        ("base_exec_prefix", prefix),
        ("_stdlib_dir", stdlib_dir),
        ("stdin", stdin.clone()),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdin__", stdin),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("version_info", version_info),
        ("hexversion", Value::from_i64(info::hexversion())),
        ("api_version", Value::from_i64(1013)),
        ("implementation", implementation),
        ("flags", flags),
        ("float_info", float_info),
        ("int_info", int_info),
        ("hash_info", hash_info),
        ("maxsize", Value::from_i64(i64::MAX)),
        ("maxunicode", Value::from_i64(0x10FFFF)),
        ("dont_write_bytecode", Value::from_bool(true)),
        ("pycache_prefix", Value::NONE),
        ("warnoptions", warnoptions),
        ("_xoptions", xoptions),
    ];
    for (name, value) in values {
        vm.module_set(module, name, value)?;
    }
    Ok(())
}

/// `sys.__doc__` (krait's own words).
const DOC: &str = "Access to the interpreter: its configuration, the import system's state, \
the standard streams, the exception being handled and the recursion limit.";

/// A C `int` argument (`setrecursionlimit`): an index that fits 32 bits.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(big) = krait_vm::builtins::int::to_big(v) else {
        if let Some(i) = vm.index_value(v)? {
            return c_int(vm, &Value::from_i64(i));
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    match i32::try_from(&big) {
        Ok(i) => Ok(i64::from(i)),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

const FUNCTIONS: &[MethodDef] = &[
    method("exit", "(status=None, /)", |vm, args| {
        // As `raise SystemExit(status)`: a tuple gives the arguments.
        let values = match args.get(0) {
            None => Vec::new(),
            Some(v) if v.is_none() => Vec::new(),
            Some(v) => match v
                .as_object()
                .and_then(|o| o.downcast::<krait_vm::builtins::tuple::Tuple>())
            {
                Some(t) if vm.type_of(v).same(&vm.types.tuple) => t.items().to_vec(),
                _ => vec![v.clone()],
            },
        };
        Err(vm.new_exception(ExcKind::SystemExit, values))
    }),
    method("exc_info", "()", |vm, _args| {
        let exc = vm.handled_exception();
        if exc.is_none() {
            return vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]);
        }
        let class = Value::from_object(vm.type_of(&exc).as_obj().clone());
        let tb = as_exception(&exc).map_or(Value::NONE, |e| e.traceback.get());
        vm.new_tuple(vec![class, exc, tb])
    }),
    method("exception", "()", |vm, _args| Ok(vm.handled_exception())),
    method(
        "excepthook",
        "(exctype, value, traceback, /)",
        |vm, args| {
            // Prints as an uncaught exception prints (the interpreter's own
            // report of an uncaught exception does not consult this hook yet).
            let value = args.required(1).clone();
            let text = match as_exception(&value).cloned() {
                Some(exc) => krait_vm::runtime::traceback::format_exception(vm, &exc),
                None => {
                    let tn = vm.type_name(&value);
                    format!(
                        "TypeError: print_exception(): Exception expected for value, {tn} found\n"
                    )
                }
            };
            vm.flush_stdout();
            eprint!("{text}");
            Ok(Value::NONE)
        },
    ),
    method("getrecursionlimit", "()", |vm, _args| {
        Ok(Value::from_i64(i64::from(vm.recursion_limit)))
    }),
    method("setrecursionlimit", "(limit, /)", |vm, args| {
        let limit = c_int(vm, args.required(0))?;
        if limit < 1 {
            return Err(vm.value_error("recursion limit must be greater or equal than 1"));
        }
        let depth = i64::from(vm.recursion_depth);
        if limit <= depth {
            return Err(vm.new_error(
                ExcKind::RecursionError,
                &format!(
                    "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
                ),
            ));
        }
        vm.recursion_limit = u32::try_from(limit).unwrap_or(u32::MAX);
        Ok(Value::NONE)
    }),
    method("getrefcount", "(object, /)", |_vm, args| {
        let count = match args.required(0).as_object() {
            Some(o) if o.refcount() >= usize::MAX / 4 => IMMORTAL_REFCOUNT,
            Some(o) => i64::try_from(o.refcount()).unwrap_or(i64::MAX),
            None => IMMORTAL_REFCOUNT,
        };
        Ok(Value::from_i64(count))
    }),
    method("intern", "(string, /)", |vm, args| {
        let v = args.required(0);
        let Some(s) = vm.as_str(v).cloned() else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("intern() argument must be str, not {tn}")));
        };
        match s.as_str() {
            Some(text) => vm.intern_value(text),
            None => Ok(v.clone()),
        }
    }),
    method("_getframe", "(depth=0, /)", |vm, args| {
        let depth = match args.get(0) {
            Some(d) => c_int(vm, d)?,
            None => 0,
        };
        frames::getframe(vm, depth)
    }),
    method("_getframemodulename", "(depth=0)", |vm, args| {
        let depth = match args.get(0) {
            Some(d) => c_int(vm, d)?,
            None => 0,
        };
        frames::getframemodulename(vm, depth)
    }),
    method("getdefaultencoding", "()", |vm, _args| vm.new_str("utf-8")),
    method("getfilesystemencoding", "()", |vm, _args| {
        vm.new_str("utf-8")
    }),
    method("getfilesystemencodeerrors", "()", |vm, _args| {
        vm.new_str("surrogateescape")
    }),
    method("get_int_max_str_digits", "()", |_vm, _args| {
        let limit = krait_vm::builtins::int::max_str_digits();
        Ok(Value::from_i64(i64::try_from(limit).unwrap_or(i64::MAX)))
    }),
    method("set_int_max_str_digits", "(maxdigits)", |vm, args| {
        let n = vm.index_i64_saturating(args.required(0))?;
        match krait_vm::builtins::int::set_max_str_digits(n) {
            Ok(()) => Ok(Value::NONE),
            Err(message) => Err(vm.value_error(&message)),
        }
    }),
    method("is_finalizing", "()", |_vm, _args| {
        Ok(Value::from_bool(false))
    }),
    method("getswitchinterval", "()", |_vm, _args| {
        Ok(Value::from_f64(0.005))
    }),
    method("gettrace", "()", |_vm, _args| Ok(Value::NONE)),
    method("getprofile", "()", |_vm, _args| Ok(Value::NONE)),
    method("settrace", "(function, /)", |vm, args| {
        if args.required(0).is_none() {
            return Ok(Value::NONE);
        }
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait does not support tracing yet (sys.settrace)",
        ))
    }),
    method("setprofile", "(function, /)", |vm, args| {
        if args.required(0).is_none() {
            return Ok(Value::NONE);
        }
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait does not support profiling hooks yet (sys.setprofile)",
        ))
    }),
    method("audit", "(event, /, *args)", |_vm, _args| Ok(Value::NONE)),
];
