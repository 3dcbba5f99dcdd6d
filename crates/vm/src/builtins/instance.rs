//! Instances of user classes and their attributes with shared keys
//! (DESIGN.md decision 12): each class owns one append-only [`SharedKeys`]
//! (attribute name → slot index), and each instance a values array indexed
//! by it, so instances of a class share their key layout and attribute
//! access can later be cached by (class version, slot index).
//!
//! An instance of a user class carries its builtin base's payload (a
//! zero-sized one for `object`) followed by an [`InstanceExtension`]: the
//! attribute dict, then, in the same allocation, the values of `__slots__`
//! members (see [`Extended`](crate::object::Extended)).

use std::any::TypeId;
use std::cell::UnsafeCell;
use std::rc::Rc;

use crate::builtins::attribute_values::AttributeValues;
use crate::builtins::bytes::Bytes;
use crate::builtins::complex::Complex;
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::float::Float;
use crate::builtins::int::BigInt;
use crate::builtins::list::List;
use crate::builtins::set::Set;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

/// The attribute names of a class's instances, in first-set order, with a
/// hash index over them so that finding a name's slot is O(1).
#[derive(Default)]
pub struct SharedKeys {
    names: PyCell<Vec<Ref<Str>>>,
    /// Open addressing over `names` by the names' hashes: each bucket holds
    /// a slot index + 1, or 0 when empty; the length is a power of two at
    /// least twice the number of names (or 0 before the first name).
    buckets: PyCell<Vec<u32>>,
    /// How many names there are (`names.len()`, kept beside it so the
    /// attribute caches' shadowing proof reads it without borrowing).
    count: std::cell::Cell<usize>,
}

impl SharedKeys {
    /// The slot of `name`, if some instance has set it.
    pub fn index_of(&self, name: &Str) -> Option<usize> {
        let hash = name.hash();
        self.names.with(|names| {
            self.buckets.with(|buckets| {
                let mask = buckets.len().checked_sub(1)?;
                let mut at = hash as usize & mask;
                loop {
                    let slot = usize::try_from(*buckets.get(at)?).ok()?.checked_sub(1)?;
                    let key = names.get(slot)?;
                    if std::ptr::eq::<Str>(&**key, name)
                        || (key.hash() == hash && key.as_bytes() == name.as_bytes())
                    {
                        return Some(slot);
                    }
                    at = (at + 1) & mask;
                }
            })
        })
    }

    /// The slot of `name`, adding it if new.
    pub fn index_or_insert(&self, name: &Ref<Str>) -> usize {
        if let Some(i) = self.index_of(name) {
            return i;
        }
        self.names.with(|names| {
            names.push(name.clone());
            self.buckets.with(|buckets| {
                if names.len() * 2 > buckets.len() {
                    let size = (names.len() * 4).next_power_of_two().max(8);
                    *buckets = vec![0; size];
                    for (slot, key) in names.iter().enumerate() {
                        put_in_bucket(buckets, key.hash(), slot);
                    }
                } else {
                    put_in_bucket(buckets, name.hash(), names.len() - 1);
                }
            });
            self.count.set(names.len());
            names.len() - 1
        })
    }

    /// How many names there are.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.count.get()
    }

    /// Whether no instance has set an attribute yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name at a slot.
    pub fn name(&self, index: usize) -> Option<Ref<Str>> {
        self.names.with(|names| names.get(index).cloned())
    }
}

/// Records `slot` under `hash` in the first free bucket of its probe
/// sequence (`buckets` is never full: see [`SharedKeys::buckets`]).
fn put_in_bucket(buckets: &mut [u32], hash: i64, slot: usize) {
    let mask = buckets.len().wrapping_sub(1);
    let mut at = hash as usize & mask;
    while let Some(bucket) = buckets.get_mut(at) {
        if *bucket == 0 {
            *bucket = u32::try_from(slot + 1).unwrap_or(0);
            return;
        }
        at = (at + 1) & mask;
    }
}

/// Where an instance keeps its attributes.
#[derive(Default)]
pub enum Storage {
    /// No attribute set yet.
    #[default]
    Empty,
    /// Values indexed by the class's shared keys.
    Shared {
        /// The class's keys.
        keys: Rc<SharedKeys>,
        /// One slot per key; `None` where this instance has no value; the
        /// slots set, in this instance's insertion order, after them.
        /// One word wide (see `attribute_values.rs`): grown to the class's
        /// key count when a new key appears (a quarter more while one
        /// instance adds keys one by one), so later instances allocate once.
        values: AttributeValues,
    },
    /// A real dict (after `__dict__` was asked for).
    Dict(Ref<Dict>),
}

/// An instance's attributes.
#[derive(Default)]
pub struct InstanceDict {
    /// The storage.
    pub storage: PyCell<Storage>,
}

impl InstanceDict {
    /// Reads an attribute without running Python code (dict mode compares
    /// `str` keys only).
    pub fn get(&self, name: &Str) -> Option<Value> {
        self.storage.with(|s| match s {
            Storage::Empty => None,
            Storage::Shared { keys, values } => {
                let i = keys.index_of(name)?;
                values.get(i).cloned().flatten()
            }
            Storage::Dict(d) => d.table.with(|t| t.get_str(name)),
        })
    }

    /// Sets an attribute; returns the old value.
    pub fn set(&self, keys: &Rc<SharedKeys>, name: &Ref<Str>, value: Value) -> Option<Value> {
        self.storage.with(|s| {
            if let Storage::Dict(d) = s {
                return d.table.with(|t| t.insert_str(name.clone(), value));
            }
            let keys = match s {
                Storage::Shared { keys, .. } => keys.clone(),
                _ => keys.clone(),
            };
            let index = keys.index_or_insert(name);
            store_in_shared(s, &keys, index, value).unwrap_or_else(|_| None)
        })
    }

    /// Stores `value` under slot `index` of `keys` (the class's shared
    /// keys, where the attribute's name already has that slot), when the
    /// instance has no attribute yet or keeps its values by those same
    /// keys; returns the old value. Gives `value` back when the storage is
    /// of another shape (a dict, or another class's keys after a
    /// `__class__` change), or `index` is not a slot of `keys`.
    /// (A cell found in use, which would be a bug, also gives `value`
    /// back, for the general store to report.)
    #[inline(always)]
    pub fn store_at(
        &self,
        keys: &Rc<SharedKeys>,
        index: usize,
        value: Value,
    ) -> Result<Option<Value>, Value> {
        match self.storage.try_lock() {
            Some(mut storage) => store_in_shared(&mut storage, keys, index, value),
            None => Err(value),
        }
    }

    /// The value at slot `index` of the keys at address `keys`, when the
    /// instance keeps its values by those keys and has one there: an
    /// attribute cache's load (the caller proves the keys alive, so an
    /// equal address is the same keys, where the name has that slot).
    #[inline(always)]
    pub fn get_cached(&self, keys: *const SharedKeys, index: u32) -> Option<Value> {
        let storage = self.storage.try_lock()?;
        match &*storage {
            Storage::Shared { keys: k, values } if std::ptr::eq(Rc::as_ptr(k), keys) => {
                values.get(index as usize).cloned().flatten()
            }
            _ => None,
        }
    }

    /// Stores `value` at slot `index` of the keys at address `keys`, when
    /// the instance keeps its values by those keys and has room for that
    /// slot; returns the old value: an attribute cache's store (as for
    /// [`Self::get_cached`]). Gives `value` back otherwise (no values
    /// yet, values to grow, a dict, other keys).
    #[inline(always)]
    pub fn store_cached(
        &self,
        keys: *const SharedKeys,
        index: u32,
        value: Value,
    ) -> Result<Option<Value>, Value> {
        let Some(mut storage) = self.storage.try_lock() else {
            return Err(value);
        };
        match &mut *storage {
            Storage::Shared { keys: k, values }
                if std::ptr::eq(Rc::as_ptr(k), keys) && (index as usize) < values.len() =>
            {
                Ok(values.store(index as usize, value))
            }
            _ => Err(value),
        }
    }

    /// Deletes an attribute; returns the old value if there was one.
    pub fn delete(&self, name: &Str) -> Option<Value> {
        self.storage.with(|s| match s {
            Storage::Empty => None,
            Storage::Shared { keys, values } => {
                let i = keys.index_of(name)?;
                values.remove(i)
            }
            Storage::Dict(d) => d.table.with(|t| t.remove_str(name)),
        })
    }

    /// The attributes as (name, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.storage.with(|s| match s {
            Storage::Empty => Vec::new(),
            Storage::Shared { keys, values } => values
                .in_order()
                .filter_map(|(i, v)| {
                    Some((Value::from_object(keys.name(i)?.into_obj()), v.clone()))
                })
                .collect(),
            Storage::Dict(d) => d.items(),
        })
    }

    /// Replaces the attributes by `dict` (`obj.__dict__ = d`).
    pub fn replace_dict(&self, dict: Ref<Dict>) {
        let old = self
            .storage
            .with(|s| std::mem::replace(s, Storage::Dict(dict)));
        drop(old);
    }

    /// Switches to dict mode with `dict` holding the current attributes.
    pub fn take_dict(&self, dict: Ref<Dict>) -> Ref<Dict> {
        self.storage.with(|s| {
            if let Storage::Dict(d) = s {
                return d.clone();
            }
            *s = Storage::Dict(dict.clone());
            dict
        })
    }
}

/// The store of [`InstanceDict::store_at`] on the borrowed storage: an
/// empty storage becomes values by `keys` (sized for every key the class
/// has, so later stores of other names do not grow it), a shared one by the
/// same keys grows when `index` is past its values.
#[inline(always)]
fn store_in_shared(
    storage: &mut Storage,
    keys: &Rc<SharedKeys>,
    index: usize,
    value: Value,
) -> Result<Option<Value>, Value> {
    match storage {
        // The common case first: the values hold slot `index` already
        // (they only ever hold slots of their keys).
        Storage::Shared { keys: k, values } if Rc::ptr_eq(k, keys) && index < values.len() => {
            Ok(values.store(index, value))
        }
        _ => store_in_shared_growing(storage, keys, index, value),
    }
}

/// [`store_in_shared`] when the values must be made or grown first.
#[inline(never)]
fn store_in_shared_growing(
    storage: &mut Storage,
    keys: &Rc<SharedKeys>,
    index: usize,
    value: Value,
) -> Result<Option<Value>, Value> {
    if index >= keys.len() {
        return Err(value);
    }
    match storage {
        Storage::Shared { keys: k, values } if Rc::ptr_eq(k, keys) => {
            if index >= values.len() {
                // The class's key count, or a quarter more when keys are
                // being added one by one (amortised).
                let target = keys.len().max(values.len() + values.len() / 4);
                values.grow_to(target);
            }
            Ok(values.store(index, value))
        }
        Storage::Empty => {
            let mut values = AttributeValues::with_len(keys.len());
            let old = values.store(index, value);
            // SAFETY: `storage` is `Empty`, which owns nothing, so
            // overwriting it without dropping it leaks nothing (and skips
            // an out-of-line drop on every new instance's first store).
            unsafe {
                std::ptr::write(
                    storage,
                    Storage::Shared {
                        keys: keys.clone(),
                        values,
                    },
                )
            };
            Ok(old)
        }
        _ => Err(value),
    }
}

/// What every instance of a user subclass of a builtin type carries after
/// the base's payload.
///
/// The values of the class's `__slots__` members live right after this
/// struct, in the same allocation as the object (as CPython lays out
/// member slots): [`Ref::new`](crate::object::Ref::new) sizes an instance
/// of an `EXTENDED` class for its class's slot count and fills them with
/// `None`, so an instance with slots is one allocation and reading or
/// writing a slot is an indexed load or store. Each slot is an
/// `UnsafeCell`: an access clones a value out or swaps one in, running no
/// Python code while it looks at the slot, so no borrow flag is needed.
///
/// After the slot values, an instance of a class with `__dict__` whose
/// instances have set attributes before has room for its attribute values
/// (CPython's inline values): a values block sized for the class's keys
/// when the instance was made, which its attributes start in
/// ([`AttributeValues::init_inline`]).
#[derive(Default)]
pub struct InstanceExtension {
    /// The attributes (used when the class has `__dict__`).
    pub dict: InstanceDict,
    /// How many slot values follow this struct (set once, when the object
    /// is allocated in place; 0 for an extension built by value).
    slot_count: u32,
    /// How many attribute values the inline block after the slot values
    /// has room for (0: no block; set with `slot_count`).
    inline_len: u32,
}

/// The most attribute values an instance is made with room for (more go
/// to a heap block, as do those of classes whose instances vary a lot).
const MAX_INLINE_VALUES: usize = 30;

/// One `__slots__` value stored after an [`InstanceExtension`]: `None`
/// where unset.
pub type SlotCell = UnsafeCell<Option<Value>>;

// The slot values follow the extension directly: its size keeps them
// aligned.
const _: () = assert!(
    std::mem::size_of::<InstanceExtension>().is_multiple_of(std::mem::align_of::<SlotCell>())
);

impl InstanceExtension {
    /// What an instance of `class` has room for after its extension:
    /// its `__slots__` values and the length of its inline attribute
    /// values (the class's key count when it has `__dict__`, up to a
    /// bound). Read once, when the instance is allocated.
    pub fn room_for(class: &crate::types::TypeObject) -> (usize, usize) {
        let inline = if class.has_flag(crate::types::flags::HAS_DICT) {
            let keys = class.keys.len();
            if keys <= MAX_INLINE_VALUES { keys } else { 0 }
        } else {
            0
        };
        (class.slot_count.get(), inline)
    }

    /// The bytes the room of [`Self::room_for`] takes after the extension:
    /// `slots` slot values, then a values block of `inline` slots.
    pub fn room_size(slots: usize, inline: usize) -> Option<usize> {
        if slots > u32::MAX as usize {
            return None;
        }
        let slots_size = slots.checked_mul(std::mem::size_of::<SlotCell>())?;
        if inline == 0 {
            return Some(slots_size);
        }
        slots_size.checked_add(AttributeValues::inline_size(inline)?)
    }

    /// What this instance was allocated with room for (`(slots, inline)`,
    /// as [`Self::room_for`] said then).
    pub fn room(&self) -> (usize, usize) {
        (self.slot_count as usize, self.inline_len as usize)
    }

    /// Fills in the room of an extension just placed in an object
    /// allocated with [`Self::room_size`]`(slots, inline)` bytes after it:
    /// the slot values (all unset), and with `inline` values, the block
    /// they start in, keyed by `keys` (the class's).
    ///
    /// # Safety
    /// `extension` must point at an extension (with no attributes) inside
    /// a fresh allocation with that room after it, not yet shared; `slots`
    /// and `inline` must be what [`Self::room_size`] accepted.
    pub unsafe fn init_room(
        extension: *mut InstanceExtension,
        slots: usize,
        inline: usize,
        keys: &Rc<SharedKeys>,
    ) {
        // SAFETY: per the contract the memory after the extension is ours
        // and sized for `slots` slots and then an inline block (which is
        // aligned: the slots' size is a multiple of 8).
        unsafe {
            let first = extension.add(1).cast::<SlotCell>();
            for i in 0..slots {
                first.add(i).write(UnsafeCell::new(None));
            }
            std::ptr::addr_of_mut!((*extension).slot_count).write(slots as u32);
            std::ptr::addr_of_mut!((*extension).inline_len).write(inline as u32);
            if inline > 0 {
                let values = AttributeValues::init_inline(first.add(slots).cast::<u8>(), inline);
                // The storage is `Empty` (owns nothing): overwritten, not
                // dropped.
                std::ptr::write(
                    (*extension).dict.storage.get_mut(),
                    Storage::Shared {
                        keys: keys.clone(),
                        values,
                    },
                );
            }
        }
    }

    /// The slot values.
    #[inline(always)]
    fn slot_cells(&self) -> &[SlotCell] {
        // SAFETY: an extension with a non-zero count sits in an object
        // allocated with that many initialised slots after it (see
        // `init_slots`); they live as long as the object.
        unsafe {
            std::slice::from_raw_parts(
                (self as *const InstanceExtension).add(1).cast::<SlotCell>(),
                self.slot_count as usize,
            )
        }
    }

    /// How many `__slots__` values the instance has room for.
    pub fn slot_count(&self) -> usize {
        self.slot_count as usize
    }

    /// The value of slot `index`, if set.
    #[inline(always)]
    pub fn slot(&self, index: usize) -> Option<Value> {
        let cell = self.slot_cells().get(index)?;
        // SAFETY: nothing else accesses the slot while it is cloned (a
        // clone only counts a reference).
        unsafe { (*cell.get()).clone() }
    }

    /// Sets (or, with `None`, clears) slot `index` and returns the old
    /// value, which the caller drops (its finalizer may run Python code).
    /// Gives `value` back as the error if the instance has no such slot.
    #[inline(always)]
    pub fn set_slot(
        &self,
        index: usize,
        value: Option<Value>,
    ) -> Result<Option<Value>, Option<Value>> {
        match self.slot_cells().get(index) {
            // SAFETY: the swap runs no code; nothing else accesses the slot
            // meanwhile.
            Some(cell) => Ok(unsafe { std::ptr::replace(cell.get(), value) }),
            None => Err(value),
        }
    }

    /// Calls `f` with every slot value that is set (for the cycle
    /// collector's traversal, which must not change them).
    #[inline]
    pub fn for_each_slot_value(&self, mut f: impl FnMut(&Value)) {
        for cell in self.slot_cells() {
            // SAFETY: `f` only reads (the collector's visitors do not
            // store into objects).
            if let Some(value) = unsafe { &*cell.get() } {
                f(value);
            }
        }
    }

    /// Empties every slot (the collector's `clear`), dropping each value
    /// after its slot is emptied.
    pub fn clear_slots(&self) {
        for index in 0..self.slot_count as usize {
            drop(self.set_slot(index, None));
        }
    }
}

impl Drop for InstanceExtension {
    fn drop(&mut self) {
        for cell in self.slot_cells() {
            // SAFETY: the object is being destroyed: each value is dropped
            // once, and nothing reads the slots afterwards.
            unsafe { std::ptr::drop_in_place(cell.get()) };
        }
    }
}

/// Whether instances of user subclasses of the builtin type carrying
/// `payload` are made from an instance that the builtin type's `tp_new`
/// made (immutable values, and containers that `__init__` fills).
pub fn converts_to_subclass(payload: TypeId) -> bool {
    [
        TypeId::of::<Str>(),
        TypeId::of::<Tuple>(),
        TypeId::of::<BigInt>(),
        TypeId::of::<Float>(),
        TypeId::of::<Complex>(),
        TypeId::of::<List>(),
        TypeId::of::<Dict>(),
        TypeId::of::<Set>(),
        TypeId::of::<Bytes>(),
    ]
    .contains(&payload)
}

/// `tp_new` of a user subclass of such a builtin type that does not define
/// `__new__`: the builtin's `__new__`, then the result as an instance of `cls`.
pub fn builtin_subclass_new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let builtin = crate::builtins::class_creation::builtin_ancestor(cls);
    new_as_subclass(vm, &builtin, cls, args, kwnames)
}

/// Runs `builtin`'s `tp_new` and makes the result an instance of `cls` (a
/// subclass of `builtin`) carrying the same value.
pub fn new_as_subclass(
    vm: &mut Vm,
    builtin: &TypeRef,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(new) = builtin.slots.new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", builtin.name)));
    };
    let value = new(vm, builtin, args, kwnames)?;
    if cls.same(builtin) || !vm.type_of(&value).same(builtin) || !converts_to_subclass(cls.payload)
    {
        return Ok(value);
    }
    into_subclass(vm, &value, cls)
}

/// A new instance of `cls` holding the value of `value`, an instance of its
/// builtin base.
fn into_subclass(vm: &mut Vm, value: &Value, cls: &TypeRef) -> PyResult<Value> {
    let p = cls.payload;
    let o = value.as_object();
    let object = if p == TypeId::of::<BigInt>() {
        let Some(big) = crate::builtins::int::to_big(value) else {
            return Err(vm.type_error("expected an int".into()));
        };
        vm.alloc(cls, BigInt::new(big))?.into_obj()
    } else if p == TypeId::of::<Float>() {
        let Some(value) = crate::builtins::float::float_value(value) else {
            return Err(vm.type_error("expected a float".into()));
        };
        vm.alloc(cls, Float { value })?.into_obj()
    } else if let Some((re, im)) = crate::builtins::complex::as_complex(value) {
        vm.alloc(cls, Complex { re, im })?.into_obj()
    } else if let Some(s) = o.and_then(|o| o.downcast::<Str>()) {
        let payload = Str::from_wtf8_vec(s.as_bytes().to_vec());
        vm.alloc(cls, payload)?.into_obj()
    } else if let Some(t) = o.and_then(|o| o.downcast::<Tuple>()) {
        let items = t.items().to_vec();
        vm.alloc(cls, Tuple::new(items))?.into_obj()
    } else if let Some(b) = o.and_then(|o| o.downcast::<Bytes>()) {
        let data = b.data.clone();
        vm.alloc(cls, Bytes { data })?.into_obj()
    } else if let Some(l) = o.and_then(|o| o.downcast::<List>()) {
        let items = l.items.with(std::mem::take);
        vm.alloc(
            cls,
            List {
                items: PyCell::new(items),
            },
        )?
        .into_obj()
    } else if let Some(d) = o.and_then(|o| o.downcast::<Dict>()) {
        let table = d.table.with(std::mem::take);
        vm.alloc(
            cls,
            Dict {
                table: PyCell::new(table),
            },
        )?
        .into_obj()
    } else if let Some(s) = o.and_then(|o| o.downcast::<Set>()) {
        let table = s.table.with(std::mem::take);
        let set = vm.alloc(cls, Set::default())?;
        set.table.with(|t| *t = table);
        set.into_obj()
    } else {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait cannot create instances of '{}' yet", cls.name),
        ));
    };
    Ok(Value::from_object(object))
}
