//! `compile()`, `eval()`, `exec()`, `globals()` and `locals()`: source text
//! through the front end and `krait_compiler::compile` to a code object,
//! run in a body frame over the given (or the caller's) namespaces. Parse
//! and compile errors become `SyntaxError` instances with CPython's
//! attributes (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
//! `end_offset`).

use krait_compiler::CompileMode;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Code;
use crate::builtins::native::Args;
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The exception a front-end or compiler error raises in a running program.
fn syntax_error(vm: &mut Vm, error: &krait_syntax::SyntaxError, filename: &str) -> PyErr {
    let name = error.kind.class_name();
    let kind = ExcKind::ALL
        .iter()
        .find(|(_, n, _)| *n == name)
        .map_or(ExcKind::SyntaxError, |(k, _, _)| *k);
    let msg = match vm.new_str(&error.msg) {
        Ok(m) => m,
        Err(e) => return e,
    };
    if !error.kind.is_syntax_error() {
        return vm.new_exception(kind, vec![msg]);
    }
    let opt_u = |v: Option<u32>| v.map_or(Value::NONE, |n| Value::from_i64(i64::from(n)));
    let opt_i = |v: Option<i32>| v.map_or(Value::NONE, |n| Value::from_i64(i64::from(n)));
    let build = |vm: &mut Vm| -> PyResult<PyErr> {
        let file = vm.new_str(filename)?;
        let text = match &error.text {
            Some(t) => vm.new_str(t)?,
            None => Value::NONE,
        };
        let details = vec![
            file.clone(),
            opt_u(error.lineno),
            opt_i(error.offset),
            text.clone(),
            opt_u(error.end_lineno),
            opt_i(error.end_offset),
        ];
        let details_tuple = vm.new_tuple(details)?;
        let exc = vm.new_exception(kind, vec![msg.clone(), details_tuple]);
        let value = Value::from_object(exc.as_obj().clone());
        for (attr, v) in [
            ("msg", msg.clone()),
            ("filename", file),
            ("lineno", opt_u(error.lineno)),
            ("offset", opt_i(error.offset)),
            ("text", text),
            ("end_lineno", opt_u(error.end_lineno)),
            ("end_offset", opt_i(error.end_offset)),
            ("print_file_and_line", Value::NONE),
        ] {
            let name = vm.intern(attr)?;
            vm.set_attr(&value, &name, Some(v))?;
        }
        Ok(exc)
    };
    match build(vm) {
        Ok(e) | Err(e) => e,
    }
}

/// Compiles source text in `mode` to a code object.
pub fn compile_source(
    vm: &mut Vm,
    source: &[u8],
    filename: &str,
    mode: CompileMode,
) -> PyResult<Ref<Code>> {
    let parsed = parse_source(vm, source, filename, mode)?;
    compile_parsed(vm, &parsed, filename, mode)
}

/// Parses source text in `mode`, front-end errors raised as `SyntaxError`.
fn parse_source(
    vm: &mut Vm,
    source: &[u8],
    filename: &str,
    mode: CompileMode,
) -> PyResult<krait_syntax::Parsed> {
    let parsed = match mode {
        CompileMode::Exec => krait_syntax::parse_module(source, filename),
        CompileMode::Eval => krait_syntax::parse_expression(source, filename),
        CompileMode::Single => krait_syntax::parse_interactive(source, filename),
    };
    parsed.map_err(|e| syntax_error(vm, &e, filename))
}

/// Compiles a parsed tree (from source or from `_ast` objects) in `mode`.
pub fn compile_parsed(
    vm: &mut Vm,
    parsed: &krait_syntax::Parsed,
    filename: &str,
    mode: CompileMode,
) -> PyResult<Ref<Code>> {
    match krait_compiler::compile(parsed, filename, mode) {
        Ok(code) => vm.new_code(code),
        Err(krait_compiler::CompileError::Syntax(mut e)) => {
            // A tree built from `ast` objects has no source line to show.
            if parsed.text.is_empty() {
                e.text = None;
            }
            Err(syntax_error(vm, &e, filename))
        }
        Err(krait_compiler::CompileError::Unsupported(what)) => Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait cannot compile {what} yet"),
        )),
        Err(krait_compiler::CompileError::Internal(what)) => Err(vm.new_error(
            ExcKind::SystemError,
            &format!("krait's compiler failed: {what}"),
        )),
    }
}

/// `compile()` flag: return the tree as `_ast` objects (`ast.PyCF_ONLY_AST`).
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `compile()` flag: keep `# type:` comments in the tree (`ast.PyCF_TYPE_COMMENTS`).
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// The bit `ast.PyCF_OPTIMIZED_AST` adds to [`PYCF_ONLY_AST`].
const PYCF_OPTIMIZED_AST_ONLY: i64 = 0x8000;

/// The registration point of the `_ast` module: the engine cannot depend
/// on the native modules, so `_ast` installs these converters in
/// [`Vm::ast_hooks`] when it is initialised, and `compile()` imports `_ast`
/// when it needs them.
#[derive(Clone, Copy)]
pub struct AstHooks {
    /// A parsed tree → `_ast` objects; with `Some(value of __debug__)`, the
    /// optimized tree of `PyCF_OPTIMIZED_AST`.
    pub to_python: fn(&mut Vm, &krait_syntax::Parsed, Option<bool>) -> PyResult<Value>,
    /// An `_ast` object → a tree to compile in the given mode (validated as
    /// CPython validates), or `None` when the object is not an `AST`.
    pub from_python: fn(&mut Vm, &Value, CompileMode) -> PyResult<Option<krait_syntax::Parsed>>,
}

/// The `_ast` converters, importing `_ast` to register them if needed.
fn ast_hooks(vm: &mut Vm) -> PyResult<AstHooks> {
    if vm.ast_hooks.is_none() {
        vm.import_module("_ast")?;
    }
    vm.ast_hooks.ok_or_else(|| {
        vm.new_error(
            ExcKind::SystemError,
            "the _ast module did not register its converters",
        )
    })
}

/// The source bytes of a `compile()`/`eval()`/`exec()` argument.
fn source_bytes(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Option<Vec<u8>>> {
    if let Some(s) = vm.as_str(v) {
        return Ok(Some(s.as_bytes().to_vec()));
    }
    if let Some(b) = v
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::bytes::Bytes>())
    {
        return Ok(Some(b.data.to_vec()));
    }
    if v.as_object().and_then(|o| o.downcast::<Code>()).is_some() {
        return Ok(None);
    }
    let what = if func == "compile" {
        "AST object"
    } else {
        "code object"
    };
    Err(vm.type_error(format!("{func}() arg 1 must be a string, bytes or {what}")))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let filename = match vm.as_str(args.required(1)) {
        Some(s) => s.as_lossy().into_owned(),
        None => {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!(
                "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
            )));
        }
    };
    let mode = match vm
        .as_str(args.required(2))
        .map(|s| s.as_lossy().into_owned())
    {
        Some(m) if m == "exec" => CompileMode::Exec,
        Some(m) if m == "eval" => CompileMode::Eval,
        Some(m) if m == "single" => CompileMode::Single,
        Some(m) if m == "func_type" => {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait does not support compile(mode='func_type') yet",
            ));
        }
        _ => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    let flags = match args.get(3) {
        Some(flags) => vm.index_i64(flags)?,
        None => 0,
    };
    // An optimized tree folds `__debug__`, which is false from `-O` on.
    let optimized = match flags & PYCF_OPTIMIZED_AST_ONLY {
        0 => None,
        _ => Some(match args.get(5) {
            Some(level) => vm.index_i64(level)? < 1,
            None => true,
        }),
    };
    let source = args.required(0).clone();
    let is_text = vm.as_str(&source).is_some()
        || source.as_object().is_some_and(|o| {
            o.downcast::<crate::builtins::bytes::Bytes>().is_some()
                || o.downcast::<Code>().is_some()
        });
    if !is_text {
        let hooks = ast_hooks(vm)?;
        if let Some(parsed) = (hooks.from_python)(vm, &source, mode)? {
            if flags & PYCF_ONLY_AST != 0 {
                // CPython answers with a new tree, validated.
                return (hooks.to_python)(vm, &parsed, optimized);
            }
            let code = compile_parsed(vm, &parsed, &filename, mode)?;
            return Ok(Value::from_object(code.into_obj()));
        }
    }
    match source_bytes(vm, &source, "compile")? {
        Some(bytes) if flags & PYCF_ONLY_AST != 0 => {
            // The parser does not keep `# type:` comments: refuse rather than
            // return a tree without them.
            if flags & PYCF_TYPE_COMMENTS != 0 && bytes.windows(5).any(|w| w == b"type:") {
                return Err(vm.new_error(
                    ExcKind::NotImplementedError,
                    "krait does not support type comments (PyCF_TYPE_COMMENTS) yet",
                ));
            }
            let hooks = ast_hooks(vm)?;
            let parsed = parse_source(vm, &bytes, &filename, mode)?;
            (hooks.to_python)(vm, &parsed, optimized)
        }
        Some(bytes) => {
            let code = compile_source(vm, &bytes, &filename, mode)?;
            Ok(Value::from_object(code.into_obj()))
        }
        None => Ok(source),
    }
}

/// The namespaces `eval`/`exec` run in: the given ones, else the caller's.
fn namespaces(vm: &mut Vm, args: &Args, func: &str) -> PyResult<(Ref<Dict>, Value)> {
    let globals = args.get(1).filter(|g| !g.is_none()).cloned();
    let locals = args.get(2).filter(|l| !l.is_none()).cloned();
    let globals = match globals {
        Some(g) => match g.as_object().and_then(|o| o.downcast::<Dict>()).cloned() {
            Some(d) => d,
            None => {
                let message = if func == "exec" {
                    format!("exec() globals must be a dict, not {}", vm.type_name(&g))
                } else {
                    "globals must be a dict".to_owned()
                };
                return Err(vm.type_error(message));
            }
        },
        None => match vm.current_frame_ref() {
            Some(f) => {
                let g = f.globals.clone();
                let l = match locals {
                    Some(l) => l,
                    None => current_locals(vm)?,
                };
                return Ok((g, l));
            }
            None => vm.new_dict_ref()?,
        },
    };
    if let Some(l) = &locals
        && vm.type_of(l).slots.getitem.get().is_none()
    {
        let message = if func == "exec" {
            format!("locals must be a mapping or None, not {}", vm.type_name(l))
        } else {
            "locals must be a mapping".to_owned()
        };
        return Err(vm.type_error(message));
    }
    let key = vm.intern("__builtins__")?;
    if globals.table.with(|t| t.get_str(&key)).is_none() {
        let b = Value::from_object(vm.builtins.as_obj().clone());
        globals.table.with(|t| t.insert_str(key, b));
    }
    let locals = locals.unwrap_or_else(|| Value::from_object(globals.as_obj().clone()));
    Ok((globals, locals))
}

fn run_code(vm: &mut Vm, code: Ref<Code>, globals: Ref<Dict>, locals: Value) -> PyResult<Value> {
    if !code.code.freevars().is_empty() {
        return Err(
            vm.type_error("code object passed to exec() may not contain free variables".into())
        );
    }
    let frame = vm.push_body_frame(code, globals, locals)?;
    vm.run_pushed(frame)
}

fn eval_or_exec(vm: &mut Vm, args: &Args, func: &str) -> PyResult<Value> {
    let source = args.required(0).clone();
    let (globals, locals) = namespaces(vm, args, func)?;
    let mode = if func == "eval" {
        CompileMode::Eval
    } else {
        CompileMode::Exec
    };
    let code = match source_bytes(vm, &source, func)? {
        Some(mut bytes) => {
            if func == "eval" {
                let skip = bytes
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count();
                bytes.drain(..skip);
            }
            compile_source(vm, &bytes, "<string>", mode)?
        }
        None => source
            .as_object()
            .and_then(|o| o.downcast::<Code>())
            .cloned()
            .ok_or_else(|| vm.type_error("expected a code object".into()))?,
    };
    let result = run_code(vm, code, globals, locals)?;
    Ok(if func == "eval" { result } else { Value::NONE })
}

/// `eval(source, /, globals=None, locals=None)`.
pub fn builtin_eval(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    eval_or_exec(vm, args, "eval")
}

/// `exec(source, /, globals=None, locals=None, *, closure=None)`.
pub fn builtin_exec(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.get(3).is_some_and(|c| !c.is_none()) {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait does not support exec(closure=...) yet",
        ));
    }
    eval_or_exec(vm, args, "exec")
}

/// `globals()`.
pub fn builtin_globals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    match vm.current_frame_ref() {
        Some(f) => Ok(Value::from_object(f.globals.as_obj().clone())),
        None => vm.new_dict(),
    }
}

/// `locals()`.
pub fn builtin_locals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    current_locals(vm)
}

/// The running frame's locals: the namespace of a module or class body, a
/// fresh snapshot dict of a function's fast locals, cells, free variables
/// and extra locals (PEP 667).
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let frame = vm.current_frame;
    // SAFETY: `current_frame` is null or the live innermost frame.
    match unsafe { frame.as_ref() } {
        Some(frame) => crate::runtime::frame_object::locals_of(vm, frame),
        None => vm.new_dict(),
    }
}
