//! `LOAD_ATTR` and `STORE_ATTR` with their inline caches
//! ([`AttrCache`]): a hit answers from what the site found last time for
//! the owner's type, as long as the type keeps its version tag; a miss runs
//! the generic protocol and fills the cache when the result is one of the
//! cacheable shapes (see [`AttrKind`]).
//!
//! Only types whose `__getattribute__` / `__setattr__` are `object`'s take
//! cached paths (a class defining `__getattr__` gets other slots, and
//! changing them changes the version tag). Every hit gives what the
//! generic path gives: a cached instance slot means the type has no
//! attribute of that name (so no data descriptor can win over it), a cached
//! method or class value is used only when the instance does not shadow it.

use std::any::TypeId;

use crate::builtins::descriptors::{MemberDescriptor, Property};
use crate::builtins::function::{Function, Module};
use crate::builtins::instance::{InstanceDict, Storage};
use crate::builtins::native::{MethodDescriptor, MethodKind};
use crate::builtins::object::{
    BareObject, generic_getattr, generic_setattr, instance_dict, instance_dict_at,
    instance_dict_offset,
};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::fast_call::positional_defaults;
use crate::runtime::inline_cache::{AttrCache, AttrKind, Unshadowed};
use crate::runtime::{Frame, Vm};
use crate::types::{TypeRef, flags};
use crate::value::Value;

/// The result of `LOAD_ATTR`.
pub enum Loaded {
    /// A method load found an unbound method: push it and the owner.
    Method(Value),
    /// The attribute (for a method load: push it and NULL).
    Value(Value),
}

/// `LOAD_ATTR`: `owner.name`; with `method`, CPython's method load.
#[inline]
pub fn load_attr(
    vm: &mut Vm,
    cache: Option<&AttrCache>,
    owner: &Value,
    name: &Ref<Str>,
    method: bool,
) -> PyResult<Loaded> {
    if let Some(c) = cache {
        if let Some(hit) = load_hit(vm, c, owner, || Some(&**name)) {
            return Ok(hit);
        }
        if let Some(getter) = cached_property_getter(vm, c, owner) {
            return call_getter(vm, &getter, owner).map(Loaded::Value);
        }
    }
    load_slow(vm, cache, owner, name, method)
}

/// Calls a property's getter on `owner`: a Python function's frame is
/// pushed and run directly, anything else called through its type. Not
/// inlined: the eval loop's `LOAD_ATTR` only tests for the case.
#[inline(never)]
fn call_getter(vm: &mut Vm, getter: &Value, owner: &Value) -> PyResult<Value> {
    let args = std::slice::from_ref(owner);
    match getter.as_object().and_then(|o| o.downcast::<Function>()) {
        Some(function) => {
            let frame = vm.push_function_frame(function, args, None)?;
            vm.run_pushed(frame)
        }
        None => vm.call(getter, args, None),
    }
}

/// For a `LOAD_ATTR` without the method bit whose cache holds an exact
/// `property` for the owner's type, with a Python function as its getter:
/// pushes the getter's frame with `owner` as its argument and returns it
/// (CPython's `LOAD_ATTR_PROPERTY`). The eval loop then runs that frame as
/// it runs a called function's, and its return value lands on the loader's
/// stack exactly where the attribute would have been pushed, so the load
/// needs no Rust recursion. Exact because a hit of this kind is what the
/// generic path would do: the property is a data descriptor, so it wins
/// over the instance's attributes, and `property.__get__` on an instance
/// calls `fget(owner)`. `None` (nothing done) when the case does not
/// apply; an error (recursion limit, arguments the getter does not take)
/// is the one calling the getter raises.
#[inline]
pub(crate) fn push_property_frame(
    vm: &mut Vm,
    cache: &AttrCache,
    owner: &Value,
) -> Option<PyResult<*mut Frame>> {
    let entry = cache.lookup(class_of(vm, owner).version.get())?;
    let AttrKind::Property = entry.kind() else {
        return None;
    };
    // Reading the getter out of the property runs no Python code.
    let getter =
        entry.with_value(|p| Some(p.as_object()?.downcast::<Property>()?.fget.get()))??;
    let function = getter.as_object()?.downcast::<Function>()?;
    if !matches!(positional_defaults(function, 1), Some(None))
        || vm.recursion_depth >= vm.recursion_limit
    {
        // Binding `owner` takes the general binder (or the recursion
        // limit is reached): `push_function_frame` does both, and raises.
        return Some(vm.push_function_frame(function, std::slice::from_ref(owner), None));
    }
    let code = &function.code;
    let nlocalsplus = code.code.nlocalsplus();
    let previous = vm.current_frame;
    // SAFETY: the getter takes exactly one parameter (checked above), so
    // it has at least one local, written right below before anything can
    // look at the frame. The header borrows the getter's code and
    // namespaces (no counts taken, as for a called function): the getter
    // is stored in the frame's `func` right below, before anything can
    // drop the frame or run code, and `getter` holds it until then.
    let pushed = unsafe {
        vm.data_stack.push_with(code.frame_slots as u32, 1, || {
            Frame::borrowing(
                function,
                previous,
                nlocalsplus as u32,
                code.frame_slots as u32,
            )
        })
    };
    let Ok(new) = pushed else {
        // The data stack refused the frame: the general push raises.
        return Some(vm.push_function_frame(function, std::slice::from_ref(owner), None));
    };
    // SAFETY: `new` is the live frame just pushed, with at least one local
    // (uninitialised, written once here) and its `func` unset (`None`,
    // nothing to drop), written in place with the getter.
    unsafe {
        (*new).slots_ptr().write(Some(owner.clone()));
        (&raw mut (*new).func).write(Some(getter));
    }
    vm.recursion_depth += 1;
    Some(Ok(new))
}

/// The getter of the `property` the cache holds for the owner's type, if
/// it holds one and the property has a getter (without one, the generic
/// path raises the error).
#[inline(always)]
fn cached_property_getter(vm: &Vm, cache: &AttrCache, owner: &Value) -> Option<Value> {
    let entry = cache.lookup(class_of(vm, owner).version.get())?;
    let AttrKind::Property = entry.kind() else {
        return None;
    };
    let property = entry.value()?;
    let fget = property.as_object()?.downcast::<Property>()?.fget.get();
    (!fget.is_none()).then_some(fget)
}

/// The class of `owner`, an object tested first: attribute sites mostly
/// see objects, and this is one compare where `Vm::type_of`'s full match
/// on the value's tag is an indirect jump.
#[inline(always)]
fn class_of<'a>(vm: &'a Vm, owner: &'a Value) -> &'a TypeRef {
    match owner.as_object() {
        Some(o) => o.class(),
        None => type_of_unboxed(vm, owner),
    }
}

/// `Vm::type_of` out of line, so that [`class_of`] inlines as one compare
/// (inlined, LLVM merges the object test into `type_of`'s jump table).
#[inline(never)]
fn type_of_unboxed<'a>(vm: &'a Vm, owner: &'a Value) -> &'a TypeRef {
    vm.type_of(owner)
}

/// The cached answer, if the cache holds one for the owner's type. Runs
/// no Python code. `name` gives the attribute's name, asked only by the
/// kinds that need it (an instance slot, the commonest hit, does not).
#[inline(always)]
pub(crate) fn load_hit<'n>(
    vm: &Vm,
    cache: &AttrCache,
    owner: &Value,
    name: impl FnOnce() -> Option<&'n Str>,
) -> Option<Loaded> {
    let class = class_of(vm, owner);
    let entry = cache.lookup(class.version.get())?;
    let kind = entry.kind();
    // The commonest hit first, tested on its own (the match below is a
    // jump table).
    if let AttrKind::InstanceSlot {
        keys,
        index,
        dict_offset,
    } = kind
    {
        // SAFETY: the entry was made for the owner's class (its version
        // tag matches), with that class's dict offset.
        let dict = unsafe { instance_dict_at(owner.as_object()?, dict_offset) };
        return dict.get_cached(keys, index).map(Loaded::Value);
    }
    match kind {
        AttrKind::Empty
        | AttrKind::Store { .. }
        | AttrKind::Property
        | AttrKind::InstanceSlot { .. } => None,
        AttrKind::SlotMember { index } => owner
            .as_object()
            .and_then(|o| o.extension())
            .and_then(|e| e.slot(index))
            .map(Loaded::Value),
        AttrKind::Method(proof) => {
            if shadowed_unless(instance_dict(owner), name, proof) {
                return None;
            }
            entry.value().map(Loaded::Method)
        }
        AttrKind::ClassValue(proof) => {
            if shadowed_unless(instance_dict(owner), name, proof) {
                return None;
            }
            entry.value().map(Loaded::Value)
        }
        AttrKind::ModuleValue { dict_version } => {
            let module = owner.as_object()?.downcast::<Module>()?;
            if module.dict.table.with(|t| t.version()) != dict_version {
                return None;
            }
            entry.value().map(Loaded::Value)
        }
    }
}

/// [`shadowed`], answered without a lookup when `proof` applies (a name
/// that cannot be had counts as shadowed: the load is not answered).
#[inline(always)]
fn shadowed_unless<'n>(
    dict: Option<&InstanceDict>,
    name: impl FnOnce() -> Option<&'n Str>,
    proof: Unshadowed,
) -> bool {
    let Some(d) = dict else {
        return false;
    };
    let proven = d.storage.with(|s| match s {
        Storage::Empty => true,
        Storage::Shared { keys, .. } => {
            std::ptr::eq(&**keys, proof.keys) && keys.len() == proof.len
        }
        Storage::Dict(_) => false,
    });
    !proven && name().is_none_or(|name| shadowed(dict, name))
}

/// Whether the instance's own attributes hold `name`.
#[inline(always)]
fn shadowed(dict: Option<&InstanceDict>, name: &Str) -> bool {
    dict.is_some_and(|d| {
        d.storage.with(|s| match s {
            Storage::Empty => false,
            Storage::Shared { keys, values } => keys
                .index_of(name)
                .is_some_and(|i| values.get(i).is_some_and(Option::is_some)),
            Storage::Dict(d) => d.table.with(|t| t.get_str(name)).is_some(),
        })
    })
}

/// Whether the type's `__getattribute__` is `object`'s.
pub(crate) fn generic_get(class: &TypeRef) -> bool {
    class
        .slots
        .getattro
        .get()
        .is_some_and(|g| g as usize == generic_getattr as *const () as usize)
}

/// Whether the type's `__setattr__` is `object`'s.
fn generic_set(class: &TypeRef) -> bool {
    class
        .slots
        .setattro
        .get()
        .is_some_and(|g| g as usize == generic_setattr as *const () as usize)
}

/// The generic lookup, filling the cache when the answer is cacheable.
fn load_slow(
    vm: &mut Vm,
    cache: Option<&AttrCache>,
    owner: &Value,
    name: &Ref<Str>,
    method: bool,
) -> PyResult<Loaded> {
    let class = vm.type_of(owner).clone();
    let is_module = owner
        .as_object()
        .is_some_and(|o| o.downcast::<Module>().is_some());
    if is_module {
        return module_load(vm, cache, &class, owner, name);
    }
    if !generic_get(&class) {
        return plain_load(vm, owner, name);
    }
    let version = class.version_tag();
    let dict = instance_dict(owner);
    let Some(attr) = class.lookup_str(name) else {
        // Only the instance can have it (or a special attribute, or
        // nothing: the generic path says which).
        let found = dict.and_then(|d| {
            d.storage.with(|s| match s {
                Storage::Shared { keys, values } => {
                    let index = keys.index_of(name)?;
                    let value = values.get(index)?.clone()?;
                    Some((value, std::rc::Rc::ptr_eq(keys, &class.keys), index))
                }
                _ => None,
            })
        });
        return match found {
            Some((value, class_keys, index)) => {
                // Cached only by the class's own keys (see the kind).
                if let (Some(c), true, Some(dict_offset), Ok(index)) = (
                    cache,
                    class_keys,
                    instance_dict_offset(&class),
                    u32::try_from(index),
                ) {
                    let keys = std::rc::Rc::as_ptr(&class.keys);
                    let kind = AttrKind::InstanceSlot {
                        keys,
                        index,
                        dict_offset,
                    };
                    c.store(version, kind, None);
                }
                Ok(Loaded::Value(value))
            }
            None => plain_load(vm, owner, name),
        };
    };
    if let Some(index) = slot_member(&class, &attr) {
        let value = owner
            .as_object()
            .and_then(|o| o.extension())
            .and_then(|e| e.slot(index));
        if let Some(value) = value {
            if let Some(c) = cache {
                c.store(version, AttrKind::SlotMember { index }, None);
            }
            return Ok(Loaded::Value(value));
        }
        return plain_load(vm, owner, name);
    }
    let attr_class = vm.type_of(&attr);
    if attr_class.same(&vm.types.property)
        && let Some(c) = cache
    {
        // A data descriptor: what the instance holds does not matter.
        c.store(version, AttrKind::Property, Some(&attr));
        if let Some(getter) = cached_property_getter(vm, c, owner) {
            return call_getter(vm, &getter, owner).map(Loaded::Value);
        }
        return plain_load(vm, owner, name);
    }
    let is_method = is_method_descriptor(&attr);
    // A class attribute of an immutable builtin type without `__get__`, on
    // a plain instance (whose special attributes cannot interfere): a
    // constant for as long as the tag holds.
    let is_plain_value = !attr_class.has_flag(flags::HEAPTYPE)
        && attr_class.slots.descr_get.get().is_none()
        && class.payload == TypeId::of::<BareObject>()
        && !matches!(name.as_bytes(), b"__class__" | b"__dict__");
    if !(is_method && method || is_plain_value) || shadowed(dict, name) {
        return plain_load(vm, owner, name);
    }
    // The proof is only valid while the name is not among the keys.
    let proof = Unshadowed {
        keys: &*class.keys,
        len: if class.keys.index_of(name).is_some() {
            usize::MAX
        } else {
            class.keys.len()
        },
    };
    let (kind, loaded) = if is_method && method {
        (AttrKind::Method(proof), Loaded::Method(attr.clone()))
    } else {
        (AttrKind::ClassValue(proof), Loaded::Value(attr.clone()))
    };
    if let Some(c) = cache {
        c.store(version, kind, Some(&attr));
    }
    Ok(loaded)
}

/// Whether a class attribute binds like a method (CPython's
/// `Py_TPFLAGS_METHOD_DESCRIPTOR`: a Python function or a builtin method
/// descriptor), so a method load may push it unbound with its owner.
pub(crate) fn is_method_descriptor(attr: &Value) -> bool {
    attr.as_object().is_some_and(|o| {
        o.downcast::<Function>().is_some()
            || o.downcast::<MethodDescriptor>()
                .is_some_and(|d| d.def.kind == MethodKind::Method)
    })
}

/// The index of the `__slots__` member `attr` is, if it is a member
/// descriptor that applies to instances of `class`.
fn slot_member(class: &TypeRef, attr: &Value) -> Option<usize> {
    let member = attr.as_object()?.downcast::<MemberDescriptor>()?;
    class.is_subtype(&member.owner).then_some(member.index)
}

/// `module.name` on the generic path, caching a global found in the
/// module's dict when nothing on the module type can take precedence (an
/// exact `module` whose type has no attribute of that name).
fn module_load(
    vm: &mut Vm,
    cache: Option<&AttrCache>,
    class: &TypeRef,
    owner: &Value,
    name: &Ref<Str>,
) -> PyResult<Loaded> {
    let module = owner.as_object().and_then(|o| o.downcast::<Module>());
    if let (Some(c), Some(module)) = (cache, module)
        && class.same(&vm.types.module)
        && class.lookup_str(name).is_none()
    {
        let version = class.version_tag();
        let dict_version = module.dict.table.with(|t| t.version());
        let found = module.dict.table.with(|t| t.get_str(name));
        if let Some(value) = found {
            c.store(
                version,
                AttrKind::ModuleValue { dict_version },
                Some(&value),
            );
            return Ok(Loaded::Value(value));
        }
    }
    plain_load(vm, owner, name)
}

/// `getattr(owner, name)` through the type's slot, as a [`Loaded`].
fn plain_load(vm: &mut Vm, owner: &Value, name: &Ref<Str>) -> PyResult<Loaded> {
    vm.get_attr(owner, name).map(Loaded::Value)
}

/// `STORE_ATTR` answered from the cache: the store into a `__slots__`
/// member or the instance's attributes that the site made last time for
/// the owner's type. Runs no Python code; gives `value` back on a miss.
/// A store that needs the values made or grown is left to [`store_attr`]
/// (the eval loop's arms inline this, and more code here costs every
/// instruction registers).
/// `_name` gives the attribute's name: unused (the eval loop's arms pass
/// it, and passing it keeps their code as LLVM lays out the whole loop
/// best; without it, the empty loop took 4 instructions more).
#[inline(always)]
pub(crate) fn store_hit<'n>(
    vm: &Vm,
    cache: &AttrCache,
    owner: &Value,
    _name: impl FnOnce() -> Option<&'n Ref<Str>>,
    value: Value,
) -> Result<(), Value> {
    let class = class_of(vm, owner);
    let Some(entry) = cache.lookup(class.version.get()) else {
        return Err(value);
    };
    // The commonest hit first (`self.x = v`), tested on its own.
    if let AttrKind::Store {
        keys,
        index,
        dict_offset,
    } = entry.kind()
    {
        let Some(object) = owner.as_object() else {
            return Err(value);
        };
        // SAFETY: the entry was made for the owner's class (its version
        // tag matches), with that class's dict offset.
        let dict = unsafe { instance_dict_at(object, dict_offset) };
        // The type has no attribute of that name, so this is a plain
        // store into the instance's attributes. The old value is dropped
        // after the storage is released (its finalizer may run Python
        // code).
        return match dict.store_cached(keys, index, value) {
            Ok(old) => {
                if let Some(old) = old {
                    drop(old);
                }
                Ok(())
            }
            Err(value) => Err(value),
        };
    }
    if let AttrKind::SlotMember { index } = entry.kind()
        && let Some(ext) = owner.as_object().and_then(|o| o.extension())
    {
        return match ext.set_slot(index, Some(value)) {
            Ok(old) => {
                drop(old);
                Ok(())
            }
            Err(value) => value.map_or(Ok(()), Err),
        };
    }
    Err(value)
}

/// [`store_hit`] for an [`AttrKind::Store`] entry of `class`, the owner's
/// type, when the values are not there to take the store in place: the
/// name has slot `index` in the class's keys, so an instance without
/// values yet, or with values to grow, gets the store there; otherwise
/// (another class's keys, a dict) the general store. Out of line: the
/// in-place store is the hit.
#[inline(never)]
fn store_instance(
    class: &TypeRef,
    dict: &InstanceDict,
    index: u32,
    name: &Ref<Str>,
    value: Value,
) -> Result<(), Value> {
    let value = match dict.store_at(&class.keys, index as usize, value) {
        Ok(old) => {
            drop(old);
            return Ok(());
        }
        Err(value) => value,
    };
    drop(dict.set(&class.keys, name, value));
    Ok(())
}

/// `STORE_ATTR`: `owner.name = value`.
#[inline]
pub fn store_attr(
    vm: &mut Vm,
    cache: Option<&AttrCache>,
    owner: &Value,
    name: &Ref<Str>,
    value: Value,
) -> PyResult<()> {
    let value = match cache {
        Some(c) => match store_hit(vm, c, owner, || Some(name), value) {
            Ok(()) => return Ok(()),
            Err(value) => value,
        },
        None => value,
    };
    let class = vm.type_of(owner);
    let class = class.clone();
    // A cached instance store whose values must be made or grown first.
    let version = class.version.get();
    let cached = cache.and_then(|c| c.lookup(version)).map(|e| e.kind());
    let value = match (cached, instance_dict(owner)) {
        (Some(AttrKind::Store { index, .. }), Some(dict)) => {
            match store_instance(&class, dict, index, name, value) {
                Ok(()) => return Ok(()),
                Err(value) => value,
            }
        }
        _ => value,
    };
    if !generic_set(&class) {
        return vm.set_attr(owner, name, Some(value));
    }
    let version = class.version_tag();
    let attr = class.lookup_str(name);
    let is_module = owner
        .as_object()
        .is_some_and(|o| o.downcast::<Module>().is_some());
    if let Some(attr) = &attr
        && let Some(index) = slot_member(&class, attr)
        && let Some(ext) = owner.as_object().and_then(|o| o.extension())
    {
        match ext.set_slot(index, Some(value)) {
            Ok(old) => drop(old),
            Err(value) => return vm.set_attr(owner, name, value),
        }
        if let Some(c) = cache {
            c.store(version, AttrKind::SlotMember { index }, None);
        }
        return Ok(());
    }
    let dict = instance_dict(owner);
    let (None, Some(dict), false) = (attr, dict, is_module) else {
        return vm.set_attr(owner, name, Some(value));
    };
    // No attribute on the type: a plain store into the instance's own.
    drop(dict.set(&class.keys, name, value));
    if let (Some(c), Some(dict_offset)) = (cache, instance_dict_offset(&class)) {
        // Cached only by the class's own keys (see the kind).
        let slot = dict.storage.with(|s| match s {
            Storage::Shared { keys, .. } if std::rc::Rc::ptr_eq(keys, &class.keys) => {
                keys.index_of(name)
            }
            _ => None,
        });
        if let Some(Ok(index)) = slot.map(u32::try_from) {
            let keys = std::rc::Rc::as_ptr(&class.keys);
            let kind = AttrKind::Store {
                keys,
                index,
                dict_offset,
            };
            c.store(version, kind, None);
        }
    }
    Ok(())
}
