//! `_io` (CPython's `Modules/_io/`): the native layer under `Lib/io.py`.
//! One file per class family: [`iobase`] (the abstract `_IOBase`,
//! `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`), [`stringio`] and
//! [`bytesio`] (in-memory streams). Files opened by `open()` are the
//! engine's file objects (`krait_vm::builtins::file_io`: `TextIOWrapper`,
//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`), which this module
//! exports and makes subclasses of the matching bases. Not provided yet:
//! `FileIO`, `BufferedRWPair` and `IncrementalNewlineDecoder` are present
//! as names whose construction raises `NotImplementedError`.

pub mod bytesio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::types::{TypeObject, TypeRef};
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `io.DEFAULT_BUFFER_SIZE` (CPython 3.14's value).
pub const DEFAULT_BUFFER_SIZE: i64 = 128 * 1024;

/// The `module_state` key of the `UnsupportedOperation` class (the engine's
/// file objects raise it too).
pub const UNSUPPORTED_KEY: &str = krait_vm::builtins::file_io::UNSUPPORTED_OPERATION_KEY;

/// `_io`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let bases = iobase::new_types(vm)?;
    let unsupported = unsupported_operation_class(vm)?;
    vm.module_state.insert(UNSUPPORTED_KEY, unsupported.clone());
    vm.module_set(module, "UnsupportedOperation", unsupported)?;
    let blocking = Value::from_object(vm.exc_type(ExcKind::BlockingIOError).as_obj().clone());
    vm.module_set(module, "BlockingIOError", blocking)?;
    vm.module_set(
        module,
        "DEFAULT_BUFFER_SIZE",
        Value::from_i64(DEFAULT_BUFFER_SIZE),
    )?;
    let string_io = stringio::new_type(vm, &bases.text)?;
    let bytes_io = bytesio::new_type(vm, &bases.buffered)?;
    let file_types = [
        (vm.types.file_io.clone(), &bases.raw),
        (vm.types.text_io_wrapper.clone(), &bases.text),
        (vm.types.buffered_reader.clone(), &bases.buffered),
        (vm.types.buffered_writer.clone(), &bases.buffered),
        (vm.types.buffered_random.clone(), &bases.buffered),
    ];
    for (file_type, base) in &file_types {
        rebase_keeping_slots(file_type, base);
        let key = vm.intern("__module__")?;
        let io_name = vm.new_str("_io")?;
        file_type.dict.with(|d| d.insert_str(key, io_name));
        vm.add_getsets(file_type, krait_vm::builtins::file_io::GETSETS)?;
        if file_type.name.to_string().starts_with("Buffered") {
            vm.add_methods(file_type, BUFFERED_FILE_METHODS)?;
        }
        if file_type.name.to_string() == "TextIOWrapper" {
            vm.add_getsets(file_type, krait_vm::builtins::file_io::TEXT_GETSETS)?;
        }
        file_type.bump_version();
        vm.module_set(module, &file_type.name.to_string(), type_value(file_type))?;
    }
    for (name, base) in [
        ("BufferedRWPair", &bases.buffered),
        ("IncrementalNewlineDecoder", &bases.iobase),
    ] {
        let missing = missing_type(vm, name, base)?;
        vm.module_set(module, name, type_value(&missing))?;
    }
    for (name, t) in [
        ("_IOBase", &bases.iobase),
        ("_RawIOBase", &bases.raw),
        ("_BufferedIOBase", &bases.buffered),
        ("_TextIOBase", &bases.text),
        ("StringIO", &string_io),
        ("BytesIO", &bytes_io),
    ] {
        vm.module_set(module, name, type_value(t))?;
    }
    textio::install(vm);
    adopt_standard_streams(vm, &bases.text)?;
    let open = builtin_open(vm)?;
    vm.module_set(module, "open", open)
}

/// Makes the class of `sys.stdin`/`stdout`/`stderr` (`sys/streams.rs`) a
/// subclass of `_TextIOBase`, so they are `io.TextIOBase` instances as in
/// CPython (they are not yet the same class as `open()`'s text files).
fn adopt_standard_streams(vm: &mut Vm, text_base: &TypeRef) -> PyResult<()> {
    let sys = vm.import_module("sys")?;
    let stdout = vm.get_attr_str(&sys, "__stdout__")?;
    let class = vm.type_of(&stdout).clone();
    let is_stream_class = stdout
        .as_object()
        .and_then(|o| o.downcast::<crate::sys::streams::StandardStream>())
        .is_some();
    let on_object = class
        .base
        .get()
        .is_some_and(|b| b.as_obj().is(vm.types.object.as_obj()));
    if is_stream_class && on_object {
        rebase_keeping_slots(&class, text_base);
    }
    Ok(())
}

/// The builtin `open` (which is `_io.open`).
fn builtin_open(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.intern("open")?;
    let builtins = vm.builtins.clone();
    match krait_vm::builtins::dict::Dict::get_item(
        vm,
        &builtins,
        &Value::from_object(name.as_obj().clone()),
    )? {
        Some(open) => Ok(open),
        None => Err(vm.runtime_error("builtins.open is missing")),
    }
}

fn type_value(t: &TypeRef) -> Value {
    Value::from_object(t.as_obj().clone())
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let bound = vm.get_attr_str(obj, name)?;
    vm.call(&bound, args, None)
}

/// `UnsupportedOperation(message)`.
pub fn unsupported(vm: &mut Vm, message: &str) -> PyErr {
    krait_vm::builtins::file_io::unsupported(vm, message)
}

/// Makes `t` (created with `object` as its base) a subclass of `base`,
/// taking `base`'s slots; the caller then sets its own slots.
pub fn rebase(t: &TypeObject, base: &TypeRef) {
    rebase_keeping_slots(t, base);
    t.slots.inherit_from(&base.slots);
}

/// Makes `t` a subclass of `base` without touching its slots.
fn rebase_keeping_slots(t: &TypeObject, base: &TypeRef) {
    t.base.with(|b| *b = Some(base.clone()));
    t.set_bases(vec![base.clone()]);
    let mut mro: Vec<TypeRef> = t.mro.get().into_iter().take(1).collect();
    mro.extend(base.mro.get());
    t.mro.with(|m| *m = mro);
    t.bump_version();
}

/// `class UnsupportedOperation(OSError, ValueError)` with `__module__` `io`.
fn unsupported_operation_class(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.new_str("UnsupportedOperation")?;
    let os_error = type_value(vm.exc_type(ExcKind::OSError));
    let value_error = type_value(vm.exc_type(ExcKind::ValueError));
    let bases = vm.new_tuple(vec![os_error, value_error])?;
    let namespace = vm.new_dict_ref()?;
    let key = vm.new_str("__module__")?;
    let module = vm.new_str("io")?;
    krait_vm::builtins::dict::Dict::set_item(vm, &namespace, key, module)?;
    let metaclass = type_value(&vm.types.type_);
    vm.call(
        &metaclass,
        &[name, bases, Value::from_object(namespace.as_obj().clone())],
        None,
    )
}

/// A class whose construction raises `NotImplementedError` naming it.
fn missing_type(vm: &mut Vm, name: &str, base: &TypeRef) -> PyResult<TypeRef> {
    let t = vm.new_builtin_type::<krait_vm::builtins::object::BareObject>(
        "_io",
        name,
        None,
        krait_vm::types::flags::BASETYPE,
        &[],
    )?;
    rebase(&t, base);
    t.slots.new.set(Some(|vm, cls, _args, _kw| {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait does not implement _io.{} yet", cls.name),
        ))
    }));
    t.bump_version();
    Ok(t)
}

/// `text_encoding(encoding, stacklevel=2, /)`.
fn text_encoding(vm: &mut Vm, args: &krait_vm::builtins::native::Args) -> PyResult<Value> {
    let encoding = args.required(0);
    if !encoding.is_none() {
        return Ok(encoding.clone());
    }
    vm.new_str("locale")
}

/// `open_code(path)`: the file opened for reading in binary mode.
fn open_code(vm: &mut Vm, args: &krait_vm::builtins::native::Args) -> PyResult<Value> {
    let path = args.required(0).clone();
    if vm.as_str(&path).is_none() {
        let tn = vm.type_name(&path);
        return Err(vm.type_error(format!("open_code() argument 'path' must be str, not {tn}")));
    }
    let open = builtin_open(vm)?;
    let mode = vm.new_str("rb")?;
    vm.call(&open, &[path, mode], None)
}

const FUNCTIONS: &[MethodDef] = &[
    method(
        "text_encoding",
        "(encoding, stacklevel=2, /)",
        text_encoding,
    ),
    method("open_code", "(path)", open_code),
];

/// What the engine's buffered files lack and text wrappers read through:
/// `read1(size=-1)`, one read of at most `size` bytes (all that is left for
/// a negative size), which for a file is `read(size)`.
const BUFFERED_FILE_METHODS: &[MethodDef] = &[method("read1", "(self, size=-1, /)", |vm, args| {
    let size = args.get(1).cloned().unwrap_or(Value::from_i64(-1));
    call_method(vm, args.this(), "read", &[size])
})];
