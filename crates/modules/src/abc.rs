//! `_abc` (CPython's `Modules/_abc.c`): the machinery behind `abc.ABCMeta`
//! — the abstract methods of a new class, `register`, and the cached
//! `isinstance`/`issubclass` checks against an abstract class.
//!
//! Each abstract class carries an `_abc_impl` object (`_abc._abc_data`)
//! holding its registry of virtual subclasses, a cache of classes known to
//! be subclasses, a negative cache and that cache's version. krait has no
//! weak references yet, so the three sets hold their classes strongly (a
//! registered or checked class lives as long as the abstract class);
//! `_get_dump` returns the classes themselves where CPython returns weak
//! references to them.

use std::cell::Cell;

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::builtins::set::{Set, as_set};
use krait_vm::builtins::type_::{as_type, issubclass};
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::{PyCell, Ref};
use krait_vm::protocol::number::is_same;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

/// `_abc`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let data = vm.new_builtin_type::<AbcData>("_abc", "_abc_data", None, 0, &[])?;
    vm.module_set(
        module,
        "_abc_data",
        Value::from_object(data.as_obj().clone()),
    )?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_abc.__doc__` (krait's own words).
const DOC: &str = "Support for abstract base classes (the machinery of abc.ABCMeta).";

thread_local! {
    /// Bumped by every `register`: negative caches older than it are stale
    /// (CPython's `abc_invalidation_counter`).
    static INVALIDATION_COUNTER: Cell<u64> = const { Cell::new(0) };
}

fn invalidation_counter() -> u64 {
    INVALIDATION_COUNTER.with(Cell::get)
}

/// The payload of `_abc_data`: an abstract class's registry and caches.
pub struct AbcData {
    /// Virtual subclasses added by `register`.
    registry: PyCell<Value>,
    /// Classes known to be subclasses.
    cache: PyCell<Value>,
    /// Classes known not to be subclasses (valid for `negative_version`).
    negative: PyCell<Value>,
    /// The invalidation counter when `negative` was started.
    negative_version: Cell<u64>,
}

impl Payload for AbcData {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        for field in [&self.registry, &self.cache, &self.negative] {
            visit.cell(field, |value, visit| visit.value(value));
        }
    }

    fn clear(&self) {
        for field in [&self.registry, &self.cache, &self.negative] {
            drop(field.try_with(|v| std::mem::replace(v, Value::NONE)));
        }
    }
}

/// The functions of `_abc`.
const FUNCTIONS: &[MethodDef] = &[
    method("get_cache_token", "()", |_vm, _args| {
        Ok(Value::from_i64(
            i64::try_from(invalidation_counter()).unwrap_or(i64::MAX),
        ))
    }),
    method("_abc_init", "($module, self, /)", |vm, args| {
        abc_init(vm, args.required(1))?;
        Ok(Value::NONE)
    }),
    method(
        "_abc_register",
        "($module, self, subclass, /)",
        |vm, args| abc_register(vm, args.required(1), args.required(2)),
    ),
    method(
        "_abc_instancecheck",
        "($module, self, instance, /)",
        |vm, args| abc_instancecheck(vm, args.required(1), args.required(2)),
    ),
    method(
        "_abc_subclasscheck",
        "($module, self, subclass, /)",
        |vm, args| abc_subclasscheck(vm, args.required(1), args.required(2)),
    ),
    method("_get_dump", "($module, self, /)", |vm, args| {
        let data = impl_of(vm, args.required(1))?;
        let mut items = Vec::new();
        for field in [&data.registry, &data.cache, &data.negative] {
            let set = field.get();
            let members = vm.collect_iterable(&set)?;
            items.push(vm.new_set(members)?);
        }
        items.push(Value::from_i64(
            i64::try_from(data.negative_version.get()).unwrap_or(i64::MAX),
        ));
        vm.new_tuple(items)
    }),
    method("_reset_registry", "($module, self, /)", |vm, args| {
        let data = impl_of(vm, args.required(1))?;
        let fresh = vm.new_set(Vec::new())?;
        drop(data.registry.with(|v| std::mem::replace(v, fresh)));
        Ok(Value::NONE)
    }),
    method("_reset_caches", "($module, self, /)", |vm, args| {
        let data = impl_of(vm, args.required(1))?;
        for field in [&data.cache, &data.negative] {
            let fresh = vm.new_set(Vec::new())?;
            drop(field.with(|v| std::mem::replace(v, fresh)));
        }
        Ok(Value::NONE)
    }),
];

/// `cls._abc_impl`, checked to be an `_abc_data`.
fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Ref<AbcData>> {
    let data = vm.get_attr_str(cls, "_abc_impl")?;
    match data.as_object().and_then(|o| o.downcast::<AbcData>()) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.type_error("_abc_impl is set to a wrong type".into())),
    }
}

/// Sets `__abstractmethods__` and `_abc_impl` on a new abstract class.
fn abc_init(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    compute_abstract_methods(vm, cls)?;
    let module = vm.import_module("_abc")?;
    let data_type = vm.get_attr_str(&module, "_abc_data")?;
    let Some(data_type) = as_type(&data_type).cloned() else {
        return Err(vm.type_error("_abc._abc_data is not a class".into()));
    };
    let data = new_data(vm, &data_type)?;
    let name = vm.intern("_abc_impl")?;
    vm.set_attr(cls, &name, Some(data))?;
    if let Some(t) = as_type(cls) {
        // `__abc_tpflags__` (set by `collections.abc`: `Sequence` and
        // `Mapping` declare what pattern matching sees) is consumed here.
        let key = vm.intern("__abc_tpflags__")?;
        let declared = t.dict.with(|d| d.remove_str(&key));
        // Anything but an int is ignored, as in CPython.
        if let Some(bits) = declared.and_then(|d| d.as_i64()) {
            let bits = collection_flags_of(bits);
            if bits == COLLECTION_FLAGS {
                return Err(vm.new_error(
                    ExcKind::ValueError,
                    "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
                ));
            }
            t.flags.set(t.flags.get() | bits);
        }
        t.bump_version();
    }
    Ok(())
}

fn new_data(vm: &mut Vm, data_type: &TypeRef) -> PyResult<Value> {
    let registry = vm.new_set(Vec::new())?;
    let cache = vm.new_set(Vec::new())?;
    let negative = vm.new_set(Vec::new())?;
    let data = vm.alloc(
        data_type,
        AbcData {
            registry: PyCell::new(registry),
            cache: PyCell::new(cache),
            negative: PyCell::new(negative),
            negative_version: Cell::new(invalidation_counter()),
        },
    )?;
    Ok(Value::from_object(data.into_obj()))
}

/// Whether `value.__isabstractmethod__` is true (missing counts as false).
fn is_abstract(vm: &mut Vm, value: &Value) -> PyResult<bool> {
    let name = vm.intern("__isabstractmethod__")?;
    match vm.get_attr_opt(value, &name)? {
        Some(flag) => vm.is_true(&flag),
        None => Ok(false),
    }
}

/// The names of the class's own abstract attributes and of its bases'
/// abstract methods it does not override, as `__abstractmethods__`.
fn compute_abstract_methods(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let mut abstracts = Vec::new();
    let namespace = vm.get_attr_str(cls, "__dict__")?;
    let items_method = vm.get_attr_str(&namespace, "items")?;
    let items = vm.call(&items_method, &[], None)?;
    for pair in vm.collect_iterable(&items)? {
        let kv = vm.collect_iterable(&pair)?;
        let (Some(key), Some(value)) = (kv.first(), kv.get(1)) else {
            continue;
        };
        if is_abstract(vm, value)? {
            abstracts.push(key.clone());
        }
    }
    let bases = vm.get_attr_str(cls, "__bases__")?;
    let name = vm.intern("__abstractmethods__")?;
    for base in vm.collect_iterable(&bases)? {
        let Some(names) = vm.get_attr_opt(&base, &name)? else {
            continue;
        };
        for key in vm.collect_iterable(&names)? {
            let Some(key_str) = vm.as_str(&key).cloned() else {
                continue;
            };
            if let Some(value) = vm.get_attr_opt(cls, &key_str)?
                && is_abstract(vm, &value)?
            {
                abstracts.push(key);
            }
        }
    }
    let frozen = vm.new_frozenset(abstracts)?;
    vm.set_attr(cls, &name, Some(frozen))
}

fn set_add(vm: &mut Vm, set: &Value, item: &Value) -> PyResult<()> {
    match as_set(set) {
        Some(s) => {
            let s = s.clone();
            Set::add(vm, &s, item.clone())
        }
        None => Err(vm.type_error("_abc_impl holds a wrong cache".into())),
    }
}

/// The pattern-matching flags a class can get from `collections.abc`.
const COLLECTION_FLAGS: u32 = flags::SEQUENCE | flags::MAPPING;

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING` bits (what
/// `collections.abc` writes in `__abc_tpflags__`) as krait's flags.
fn collection_flags_of(cpython_bits: i64) -> u32 {
    const CPYTHON_SEQUENCE: i64 = 1 << 5;
    const CPYTHON_MAPPING: i64 = 1 << 6;
    let mut bits = 0;
    if cpython_bits & CPYTHON_SEQUENCE != 0 {
        bits |= flags::SEQUENCE;
    }
    if cpython_bits & CPYTHON_MAPPING != 0 {
        bits |= flags::MAPPING;
    }
    bits
}

/// `ABCMeta.register(cls, subclass)`.
fn abc_register(vm: &mut Vm, cls: &Value, subclass: &Value) -> PyResult<Value> {
    if as_type(subclass).is_none() {
        return Err(vm.type_error("Can only register classes".into()));
    }
    if issubclass(vm, subclass, cls)? {
        return Ok(subclass.clone());
    }
    if issubclass(vm, cls, subclass)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let data = impl_of(vm, cls)?;
    set_add(vm, &data.registry.get(), subclass)?;
    INVALIDATION_COUNTER.with(|c| c.set(c.get().wrapping_add(1)));
    // A class registered as a `Sequence` or `Mapping` is matched as one.
    if let (Some(abstract_class), Some(registered)) = (as_type(cls), as_type(subclass)) {
        let collection = abstract_class.flags.get() & COLLECTION_FLAGS;
        if collection != 0 {
            registered.add_collection_flags(collection);
        }
    }
    Ok(subclass.clone())
}

/// `ABCMeta.__instancecheck__(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, cls: &Value, instance: &Value) -> PyResult<Value> {
    let data = impl_of(vm, cls)?;
    let subclass = vm.get_attr_str(instance, "__class__")?;
    if vm.contains(&data.cache.get(), &subclass)? {
        return Ok(Value::from_bool(true));
    }
    let subtype = Value::from_object(vm.type_of(instance).as_obj().clone());
    let check = vm.get_attr_str(cls, "__subclasscheck__")?;
    if is_same(&subtype, &subclass) {
        if data.negative_version.get() == invalidation_counter()
            && vm.contains(&data.negative.get(), &subclass)?
        {
            return Ok(Value::from_bool(false));
        }
        return vm.call(&check, &[subclass], None);
    }
    let result = vm.call(&check, &[subclass], None)?;
    if vm.is_true(&result)? {
        return Ok(result);
    }
    vm.call(&check, &[subtype], None)
}

/// `ABCMeta.__subclasscheck__(cls, subclass)`.
fn abc_subclasscheck(vm: &mut Vm, cls: &Value, subclass: &Value) -> PyResult<Value> {
    if as_type(subclass).is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class".into()));
    }
    let data = impl_of(vm, cls)?;
    let yes = Value::from_bool(true);
    let no = Value::from_bool(false);
    if vm.contains(&data.cache.get(), subclass)? {
        return Ok(yes);
    }
    if data.negative_version.get() < invalidation_counter() {
        let fresh = vm.new_set(Vec::new())?;
        drop(data.negative.with(|v| std::mem::replace(v, fresh)));
        data.negative_version.set(invalidation_counter());
    } else if vm.contains(&data.negative.get(), subclass)? {
        return Ok(no);
    }
    let hook = vm.get_attr_str(cls, "__subclasshook__")?;
    let ok = vm.call(&hook, std::slice::from_ref(subclass), None)?;
    if !vm.is_not_implemented(&ok) {
        let Some(flag) = ok.as_bool() else {
            return Err(vm.new_error(
                ExcKind::AssertionError,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ));
        };
        let target = if flag { &data.cache } else { &data.negative };
        set_add(vm, &target.get(), subclass)?;
        return Ok(ok);
    }
    let mro_name = vm.intern("__mro__")?;
    if let Some(mro) = vm.get_attr_opt(subclass, &mro_name)? {
        for base in vm.collect_iterable(&mro)? {
            if is_same(&base, cls) {
                set_add(vm, &data.cache.get(), subclass)?;
                return Ok(yes);
            }
        }
    }
    let registry = vm.collect_iterable(&data.registry.get())?;
    for rcls in registry {
        if issubclass(vm, subclass, &rcls)? {
            set_add(vm, &data.cache.get(), subclass)?;
            return Ok(yes);
        }
    }
    let subclasses_method = vm.get_attr_str(cls, "__subclasses__")?;
    let subclasses = vm.call(&subclasses_method, &[], None)?;
    for scls in vm.collect_iterable(&subclasses)? {
        if issubclass(vm, subclass, &scls)? {
            set_add(vm, &data.cache.get(), subclass)?;
            return Ok(yes);
        }
    }
    set_add(vm, &data.negative.get(), subclass)?;
    Ok(no)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_flags_follow_cpython_bits() {
        assert_eq!(collection_flags_of(0), 0);
        assert_eq!(collection_flags_of(1 << 5), flags::SEQUENCE);
        assert_eq!(collection_flags_of(1 << 6), flags::MAPPING);
        assert_eq!(collection_flags_of(1 << 7), 0);
    }
}
