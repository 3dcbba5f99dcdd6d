//! The codec registry (CPython's `Python/codecs.c`): the list of codec
//! search functions, the cache of what they found (keyed by normalised
//! name) and the table of named error handlers. `_codecs` exposes it to
//! Python; `str.encode` / `bytes.decode` use it for the encodings and error
//! handler names krait's own codecs do not know.
//!
//! The state lives in the interpreter's `module_state`. The first use of the
//! search path imports the `encodings` package, which registers its search
//! function, as CPython does when it starts.

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::list::List;
use crate::builtins::str::codecs::normalize_encoding;
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// `module_state` key: the list of search functions.
const SEARCH_PATH: &str = "codecs.search_path";
/// `module_state` key: normalised name → codec info.
const SEARCH_CACHE: &str = "codecs.search_cache";
/// `module_state` key: error handler name → handler.
const ERROR_REGISTRY: &str = "codecs.error_registry";

fn state_list(vm: &Vm, key: &str) -> Option<Ref<List>> {
    vm.module_state
        .get(key)
        .and_then(|v| v.as_object()?.downcast::<List>().cloned())
}

fn state_dict(vm: &mut Vm, key: &'static str) -> PyResult<Ref<Dict>> {
    if let Some(d) = vm
        .module_state
        .get(key)
        .and_then(|v| v.as_object()?.downcast::<Dict>().cloned())
    {
        return Ok(d);
    }
    let d = vm.new_dict_ref()?;
    vm.module_state
        .insert(key, Value::from_object(d.as_obj().clone()));
    Ok(d)
}

/// The search path, importing `encodings` the first time (its import
/// registers its search function through [`register`], which finds the
/// list already in place).
fn search_path(vm: &mut Vm) -> PyResult<Ref<List>> {
    if let Some(list) = state_list(vm, SEARCH_PATH) {
        return Ok(list);
    }
    let list = vm.new_list(Vec::new())?;
    vm.module_state.insert(SEARCH_PATH, list);
    if let Err(e) = vm.import_module("encodings") {
        vm.module_state.remove(SEARCH_PATH);
        return Err(e);
    }
    state_list(vm, SEARCH_PATH).ok_or_else(|| vm.runtime_error("codec registry lost"))
}

/// `codecs.register(search_function)`.
pub fn register(vm: &mut Vm, search_function: &Value) -> PyResult<()> {
    if vm.type_of(search_function).slots.call.get().is_none() {
        return Err(vm.type_error("argument must be callable".into()));
    }
    let list = search_path(vm)?;
    list.items.with(|items| items.push(search_function.clone()));
    Ok(())
}

/// `codecs.unregister(search_function)`: removes it (if registered) and
/// empties the cache.
pub fn unregister(vm: &mut Vm, search_function: &Value) -> PyResult<()> {
    let Some(list) = state_list(vm, SEARCH_PATH) else {
        return Ok(());
    };
    let items = list.items.get();
    for (i, item) in items.iter().enumerate() {
        if crate::protocol::number::is_same(item, search_function) {
            list.items.with(|items| {
                if i < items.len() {
                    items.remove(i);
                }
            });
            let cache = state_dict(vm, SEARCH_CACHE)?;
            drop(cache.table.with(|t| t.clear()));
            break;
        }
    }
    Ok(())
}

/// `codecs.lookup(encoding)`: the codec info tuple the search functions
/// give for `encoding` (cached by normalised name).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    if encoding.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let path = search_path(vm)?;
    let normal = normalize_encoding(encoding);
    let key = vm.new_str(&normal)?;
    let cache = state_dict(vm, SEARCH_CACHE)?;
    if let Some(found) = Dict::get_item(vm, &cache, &key)? {
        return Ok(found);
    }
    let functions = path.items.get();
    if functions.is_empty() {
        return Err(vm.new_error(
            ExcKind::LookupError,
            "no codec search functions registered: can't find encoding",
        ));
    }
    for function in functions {
        let result = vm.call(&function, std::slice::from_ref(&key), None)?;
        if result.is_none() {
            continue;
        }
        let tuple = vm.types.tuple.clone();
        let is_4_tuple = vm.isinstance_type(&result, &tuple)
            && crate::builtins::tuple::seq_items(&result).is_some_and(|i| i.len() == 4);
        if !is_4_tuple {
            return Err(vm.type_error("codec search functions must return 4-tuples".into()));
        }
        Dict::set_item(vm, &cache, key, result.clone())?;
        return Ok(result);
    }
    Err(vm.new_error(
        ExcKind::LookupError,
        &format!("unknown encoding: {encoding}"),
    ))
}

/// [`lookup`] for `str.encode` / `bytes.decode`: refuses codecs that are
/// not text encodings (`_is_text_encoding` false), naming `alternative`
/// (`codecs.encode()` or `codecs.decode()`) as CPython does.
pub fn lookup_text_encoding(vm: &mut Vm, encoding: &str, alternative: &str) -> PyResult<Value> {
    let info = lookup(vm, encoding)?;
    let tuple = vm.types.tuple.clone();
    if !vm.type_of(&info).as_obj().is(tuple.as_obj()) {
        let flag = vm.intern("_is_text_encoding")?;
        if let Some(is_text) = vm.get_attr_opt(&info, &flag)?
            && !vm.is_true(&is_text)?
        {
            return Err(vm.new_error(
                ExcKind::LookupError,
                &format!("'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

/// `codecs.register_error(name, handler)`.
pub fn register_error(vm: &mut Vm, name: &str, handler: &Value) -> PyResult<()> {
    if vm.type_of(handler).slots.call.get().is_none() {
        return Err(vm.type_error("handler must be callable".into()));
    }
    let key = vm.new_str(name)?;
    let registry = state_dict(vm, ERROR_REGISTRY)?;
    Dict::set_item(vm, &registry, key, handler.clone())
}

/// The error handler registered as `name`, if any.
pub fn find_error_handler(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let key = vm.new_str(name)?;
    let registry = state_dict(vm, ERROR_REGISTRY)?;
    Dict::get_item(vm, &registry, &key)
}

/// `codecs.lookup_error(name)`, with CPython's `LookupError` for a name
/// nobody registered.
pub fn lookup_error(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match find_error_handler(vm, name)? {
        Some(handler) => Ok(handler),
        None => Err(vm.new_error(
            ExcKind::LookupError,
            &format!("unknown error handler name '{name}'"),
        )),
    }
}

/// Item `index` of a codec info (0: encoder, 1: decoder).
pub fn codec_info_item(vm: &mut Vm, info: &Value, index: usize) -> PyResult<Value> {
    match crate::builtins::tuple::seq_items(info).and_then(|items| items.into_iter().nth(index)) {
        Some(item) => Ok(item),
        None => Err(vm.type_error("codec search functions must return 4-tuples".into())),
    }
}

/// Adds CPython's note ("encoding with 'x' codec failed") to an error that
/// came out of a codec found in the registry; returns the error.
pub fn with_codec_note(vm: &mut Vm, err: PyErr, operation: &str, encoding: &str) -> PyErr {
    let exc = Value::from_object(err.as_obj().clone());
    let note = format!("{operation} with '{encoding}' codec failed");
    let added = (|| -> PyResult<()> {
        let add_note = vm.get_attr_str(&exc, "add_note")?;
        let note = vm.new_str(&note)?;
        vm.call(&add_note, &[note], None)?;
        Ok(())
    })();
    match added {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// `codecs.encode(obj, encoding, errors)` / `codecs.decode(...)`
/// (`item` 0 / 1 of the codec info): the first item of what the codec
/// function returns, whatever its type.
pub fn run_codec(
    vm: &mut Vm,
    object: &Value,
    encoding: &str,
    errors: &str,
    item: usize,
) -> PyResult<Value> {
    let (operation, message) = if item == 0 {
        ("encoding", "encoder must return a tuple (object, integer)")
    } else {
        ("decoding", "decoder must return a tuple (object,integer)")
    };
    let info = lookup(vm, encoding)?;
    let function = codec_info_item(vm, &info, item)?;
    let errors = vm.new_str(errors)?;
    let result = vm
        .call(&function, &[object.clone(), errors], None)
        .map_err(|e| with_codec_note(vm, e, operation, encoding))?;
    let tuple = vm.types.tuple.clone();
    if vm.isinstance_type(&result, &tuple)
        && let Some(items) = crate::builtins::tuple::seq_items(&result)
        && items.len() == 2
        && let Some(first) = items.into_iter().next()
    {
        return Ok(first);
    }
    Err(vm.type_error(message.into()))
}

/// Removes the error handler registered as `name`; whether there was one.
pub fn unregister_error(vm: &mut Vm, name: &str) -> PyResult<bool> {
    let key = vm.new_str(name)?;
    let registry = state_dict(vm, ERROR_REGISTRY)?;
    Ok(Dict::del_item(vm, &registry, &key)?.is_some())
}

/// `warnings.warn(message, category)` from a codec, attributed to the
/// Python code that called it (CPython's `PyErr_WarnFormat(..., 1, ...)`).
pub fn warn(vm: &mut Vm, category: ExcKind, message: &str) -> PyResult<()> {
    let warnings = vm.import_module("warnings")?;
    let warn = vm.get_attr_str(&warnings, "warn")?;
    let category = Value::from_object(vm.exc_type(category).as_obj().clone());
    let message = vm.new_str(message)?;
    vm.call(&warn, &[message, category, Value::from_i64(1)], None)?;
    Ok(())
}
